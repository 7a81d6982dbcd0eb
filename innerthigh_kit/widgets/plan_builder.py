"""The class builder: a request form, a generated plan, editing, checks, reasoning, save.

A thin UI over the API: every button calls ``build_plan``, the plan's own edit methods,
``check_plan``, ``plan.explain`` or ``plan.save`` and then redraws; no rule lives here.
CSS classes (``itk-...``) name the parts for the browser tests and for styling.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

import ipywidgets as w

from ..errors import KitError
from ..plans import duration_words
from .request_form import RequestForm

_SEVERITY_ICON = {"error": "<b>Fix:</b>", "warning": "<b>Check:</b>", "info": "<b>Note:</b>"}


def plans_dir() -> Path:
    """Where saved plans go: $INNERTHIGH_KIT_PLANS_DIR, or 'my_plans' beside the notebook."""
    return Path(os.environ.get("INNERTHIGH_KIT_PLANS_DIR") or Path.cwd() / "my_plans")


class ClassBuilder:
    """Build, edit, check, explain and save a class plan without writing code."""

    def __init__(self, library=None):
        from ..exercises import load_library

        self.library = library if library is not None else load_library()
        self.plan = None
        self.seed = 1
        self._form()
        self._editor()
        self.ui = w.VBox([self.form, self.error, self.plan_area], layout=w.Layout(width="100%"))
        self.ui.add_class("itk-builder")
        self._show_plan()

    # ------------------------------------------------------------------ layout

    def _form(self) -> None:
        self.request_form = RequestForm()
        self.title = self.request_form.title
        self.build_button = w.Button(
            description="Build the class",
            button_style="primary",
            icon="magic",
            layout=w.Layout(width="180px"),
        )
        self.build_button.add_class("itk-build")
        self.again_button = w.Button(
            description="Try another version", icon="refresh", layout=w.Layout(width="180px")
        )
        self.again_button.add_class("itk-again")
        self.build_button.on_click(lambda _: self.build())
        self.again_button.on_click(lambda _: self.build(next_seed=True))
        self.form = w.VBox(
            [
                w.HTML("<h3 style='margin:0'>1. What class do you need to teach?</h3>"),
                self.request_form.widget,
                w.HBox([self.build_button, self.again_button]),
            ]
        )
        self.error = w.HTML()
        self.error.add_class("itk-error")

    def _editor(self) -> None:
        self.total = w.HTML()
        self.total.add_class("itk-total")
        self.items = w.Select(options=[], rows=14, layout=w.Layout(width="100%"))
        self.items.add_class("itk-items")
        self.items.observe(lambda _: self._show_selected(), names="value")
        self.sets = w.BoundedIntText(min=1, max=10, description="Sets", layout=w.Layout(width="150px"))
        self.reps = w.BoundedIntText(min=1, max=100, description="Reps", layout=w.Layout(width="150px"))
        self.hold = w.BoundedIntText(min=5, max=300, description="Hold s", layout=w.Layout(width="150px"))
        for box, css in ((self.sets, "itk-sets"), (self.reps, "itk-reps"), (self.hold, "itk-hold")):
            box.add_class(css)
            box.observe(lambda _: self._change_dosage(), names="value")
        buttons = {
            "up": ("Move up", "arrow-up", lambda: self._move(-1)),
            "down": ("Move down", "arrow-down", lambda: self._move(1)),
            "easier": ("Easier version", "minus", lambda: self._swap("regression")),
            "harder": ("Harder version", "plus", lambda: self._swap("progression")),
            "remove": ("Remove", "trash", self._remove),
        }
        self.buttons = {}
        for key, (text, icon, action) in buttons.items():
            button = w.Button(description=text, icon=icon, layout=w.Layout(width="auto"))
            button.add_class(f"itk-{key}")
            button.on_click(lambda _, act=action: self._act(act))
            self.buttons[key] = button
        self.add_choice = w.Dropdown(options=[], description="Add", layout=w.Layout(width="420px"))
        self.add_choice.add_class("itk-add-choice")
        self.add_button = w.Button(description="Add to the class", icon="plus-circle")
        self.add_button.add_class("itk-add")
        self.add_button.on_click(lambda _: self._act(self._add))
        self.findings = w.HTML()
        self.findings.add_class("itk-findings")
        self.reasoning = w.HTML()
        self.reasoning.add_class("itk-reasoning")
        reasoning_box = w.Accordion(children=[self.reasoning])
        reasoning_box.set_title(0, "Why each exercise is there (words to say to the class)")
        self.save_name = w.Text(
            value="my-class.yaml", description="File name", layout=w.Layout(width="360px")
        )
        self.save_name.add_class("itk-save-name")
        self.save_button = w.Button(description="Save the plan", icon="save", button_style="success")
        self.save_button.add_class("itk-save")
        self.save_button.on_click(lambda _: self.save())
        self.handout_button = w.Button(description="Make the handout", icon="file")
        self.handout_button.add_class("itk-handout")
        self.handout_button.on_click(lambda _: self.handout())
        self.status = w.HTML()
        self.status.add_class("itk-status")
        self.plan_area = w.VBox(
            [
                w.HTML("<h3 style='margin:12px 0 0'>2. Your class</h3>"),
                self.total,
                self.items,
                w.HBox([self.sets, self.reps, self.hold]),
                w.HBox(list(self.buttons.values())),
                w.HBox([self.add_choice, self.add_button]),
                w.HTML("<h3 style='margin:12px 0 0'>3. Checks</h3>"),
                self.findings,
                reasoning_box,
                w.HTML("<h3 style='margin:12px 0 0'>4. Save and print</h3>"),
                w.HBox([self.save_name, self.save_button, self.handout_button]),
                self.status,
            ]
        )

    # ------------------------------------------------------------------ actions

    def request(self):
        return self.request_form.request()

    def build(self, next_seed: bool = False) -> None:
        """Build a plan from the form (a new version with ``next_seed``)."""
        from ..builder import build_plan

        if next_seed:
            self.seed += 1
        try:
            plan = build_plan(self.request(), self.library, seed=self.seed)
        except KitError as error:
            self._error(str(error))
            return
        plan.title = self.title.value.strip() or plan.title
        self.plan = plan
        self.error.value = ""
        self._show_plan(select=0)

    def save(self, name: str | None = None) -> Path | None:
        """Save the plan as YAML in ``plans_dir()`` (the previous version is kept as .bak)."""
        if self.plan is None:
            self._status("Build a class first.", ok=False)
            return None
        name = (name or self.save_name.value).strip()
        if not name or Path(name).name != name:
            self._status("Give a plain file name such as <code>tuesday-class.yaml</code>.", ok=False)
            return None
        path = plans_dir() / (name if name.endswith((".yaml", ".yml")) else name + ".yaml")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            existed = path.exists()
            self.plan.save(path)
        except (KitError, OSError) as error:
            self._status(html.escape(str(error)), ok=False)
            return None
        kept = " The previous version is kept as .bak." if existed else ""
        self._status(f"Saved to <code>{html.escape(str(path))}</code>.{kept}")
        return path

    def handout(self) -> Path | None:
        """Save, then render the participant handout (HTML) beside the plan."""
        path = self.save()
        if path is None:
            return None
        from ..handouts import render_handout

        try:
            out = render_handout(path, path.with_suffix(".html"), force=True)
        except KitError as error:
            self._status(html.escape(str(error)), ok=False)
            return None
        self._status(f"Handout written: <code>{html.escape(str(out))}</code>")
        return out

    def _act(self, action) -> None:
        if self.plan is None:
            self._status("Build a class first.", ok=False)
            return
        try:
            action()
        except KitError as error:
            self._status(html.escape(str(error)), ok=False)

    def _selected(self):
        index = self.items.index
        if index is None or self.plan is None:
            return None, None, None
        flat = [(s, i) for s, section in enumerate(self.plan.sections) for i in range(len(section.items))]
        section, item = flat[index]
        return index, section, item

    def _move(self, step: int) -> None:
        index, section, item = self._selected()
        if index is None:
            return
        items = self.plan.sections[section].items
        target = item + step
        if 0 <= target < len(items):
            items[item], items[target] = items[target], items[item]
            self._show_plan(select=index + step)

    def _remove(self) -> None:
        index, section, item = self._selected()
        if index is None:
            return
        del self.plan.sections[section].items[item]
        self._show_plan(select=max(0, index - 1))

    def _swap(self, link: str) -> None:
        index, section, item = self._selected()
        if index is None:
            return
        current = self.plan.sections[section].items[item]
        target = getattr(self.library.get(current.exercise), link)
        word = "easier" if link == "regression" else "harder"
        if target is None:
            self._status(f"This exercise has no {word} version in the library.", ok=False)
            return
        self.plan.sections[section].items[item] = self.plan.item_for(
            self.library.get(target), section=self.plan.sections[section].name
        )
        self._status(f"Swapped for the {word} version: {html.escape(self.library.get(target).name)}.")
        self._show_plan(select=index)

    def _add(self) -> None:
        exercise_id = self.add_choice.value
        if not exercise_id:
            return
        exercise = self.library.get(exercise_id)
        section = self._section_for(exercise.category)
        self.plan.sections[section].items.append(
            self.plan.item_for(exercise, section=self.plan.sections[section].name)
        )
        flat_index = sum(len(s.items) for s in self.plan.sections[: section + 1]) - 1
        self._show_plan(select=flat_index)

    def _section_for(self, category: str) -> int:
        names = [section.name for section in self.plan.sections]
        for index, name in enumerate(names):
            if category in name or name in category:
                return index
        return len(names) // 2

    def _change_dosage(self) -> None:
        if getattr(self, "_updating", False):
            return
        index, section, item = self._selected()
        if index is None:
            return
        current = self.plan.sections[section].items[item]
        current.sets = self.sets.value
        if current.hold_seconds:
            current.hold_seconds = self.hold.value
        else:
            current.reps = self.reps.value
        self._show_plan(select=index)

    # ------------------------------------------------------------------ drawing

    def _label(self, number: int, section, item) -> str:
        exercise = self.library.get(item.exercise) if item.exercise in self.library else None
        name = exercise.name if exercise else f"{item.exercise} (not in the library)"
        dose = f"{item.sets}×{item.hold_seconds:g} s" if item.hold_seconds else f"{item.sets}×{item.reps}"
        sides = " each side" if item.per_side else ""
        # numbered, not padded: padding cannot line up in a proportional font
        return (
            f"{number}. {section.name.replace('-', ' ').capitalize()} · {name} — {dose}{sides} — "
            f"{duration_words(self.plan.item_seconds(item))}"
        )

    def _show_plan(self, select: int | None = None) -> None:
        from .. import check_plan

        if self.plan is None:
            self.total.value = "<i>Fill in the form and press <b>Build the class</b>.</i>"
            self.plan_area.layout.display = "none"
            return
        self.plan_area.layout.display = None
        pairs = [(s, i) for s in self.plan.sections for i in s.items]
        labels = [self._label(n, s, i) for n, (s, i) in enumerate(pairs, start=1)]
        self.items.options = [(text, number) for number, text in enumerate(labels)]
        if labels:
            self.items.index = min(select or 0, len(labels) - 1)
        total = self.plan.total_seconds
        target = self.plan.target_minutes * 60
        off = (total - target) / target * 100
        self.total.value = (
            f"<p style='font-size:1.1em'><b>Total {duration_words(total)}</b> of "
            f"{self.plan.target_minutes} min planned ({off:+.0f}%) · "
            f"{len(labels)} exercises · both sides, rests and changes counted"
            "</p>"
        )
        findings = check_plan(self.plan, self.library)
        self.findings.value = (
            "".join(
                f"<div class='itk-finding-{f.severity}'>{_SEVERITY_ICON.get(f.severity, '')} "
                f"{html.escape(f.message)}</div>"
                for f in findings
            )
            or "\u2713 No findings: nothing unsafe for the group, missing or out of balance."
        )
        text = self.plan.explain(self.library)
        self.reasoning.value = "".join(
            "<p>" + html.escape(p).replace("\n", "<br>") + "</p>"
            for p in str(text).split("\n\n")
            if p.strip()
        )
        used = {i.exercise for s in self.plan.sections for i in s.items}
        self.add_choice.options = [("", "")] + [
            (f"{e.name} ({e.category}, level {e.level})", e.id)
            for e in self.library.filter(equipment_available=self.request_form.equipment_ticked)
            if e.id not in used
        ]
        self._show_selected()

    def _show_selected(self) -> None:
        index, section, item = self._selected()
        if index is None:
            return
        current = self.plan.sections[section].items[item]
        self._updating = True
        try:
            self.sets.value = current.sets
            self.reps.disabled = bool(current.hold_seconds)
            self.hold.disabled = not current.hold_seconds
            if current.hold_seconds:
                self.hold.value = int(current.hold_seconds)
            else:
                self.reps.value = current.reps
        finally:
            self._updating = False

    def _status(self, message: str, ok: bool = True) -> None:
        colour = "#0b6e69" if ok else "#9b1c1c"
        self.status.value = f"<span style='color:{colour}'>{message}</span>"

    def _error(self, message: str) -> None:
        self.error.value = (
            "<div style='color:#9b1c1c;border-left:4px solid #9b1c1c;"
            f"padding:4px 10px;white-space:pre-wrap'>{html.escape(message)}</div>"
        )

    def _ipython_display_(self):
        from IPython.display import display

        display(self.ui)


def class_builder(library=None) -> ClassBuilder:
    """The class builder UI for a notebook or for ``make app``."""
    return ClassBuilder(library)
