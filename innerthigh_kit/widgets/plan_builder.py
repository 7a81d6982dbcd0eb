"""The class builder: a request form, a generated plan, editing, checks, reasoning, save.

A thin UI over the API: every button calls ``build_plan``, the plan's own edit methods,
``check_plan`` or ``plan.explain`` and then redraws; saving and the handout are the
``SavePanel``'s (save_panel.py); no rule lives here.
CSS classes (``itk-...``) name the parts for the browser tests and for styling.
"""

from __future__ import annotations

import html
from collections import deque
from pathlib import Path

import ipywidgets as w

from .. import vocab
from ..errors import KitError
from ..exercises import Library, load_library
from ..plans import ClassPlan, ClassRequest, PlanItem, build_plan, check_plan
from ..words import dosage_words, duration_words, section_words
from . import _html
from ._html import named
from .request_form import RequestForm
from .save_panel import SavePanel
from .timeline import timeline

#: How many edits Undo can take back.
UNDO_STEPS = 20

_SEVERITY_ICON = {"error": "<b>Fix:</b>", "warning": "<b>Check:</b>", "info": "<b>Note:</b>"}


class ClassBuilder:
    """Build, edit, check, explain and save a class plan without writing code."""

    def __init__(self, library: Library | None = None):
        self.library = library if library is not None else load_library()
        self.plan: ClassPlan | None = None
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
        self.total = named(w.HTML(), "itk-total")
        self.items = named(w.Select(options=[], rows=14, layout=w.Layout(width="100%")), "itk-items")
        self.items.observe(lambda _: self._show_selected(), names="value")
        self.figure = named(w.HTML(layout=w.Layout(width="280px", min_width="220px")), "itk-figure-box")
        self.timeline = w.VBox(layout=w.Layout(width="100%"))
        self._updating = False
        self._edit_controls()
        self._check_and_save_parts()
        heading = "<h3 style='margin:12px 0 0'>{}</h3>".format
        self.plan_area = w.VBox(
            [
                w.HTML(heading("2. Your class")),
                self.total,
                self.timeline,
                w.HBox([self.items, self.figure], layout=w.Layout(width="100%")),
                self.dosage_row,
                w.HBox(list(self.buttons.values())),
                w.HBox([self.add_choice, self.add_button]),
                w.HTML(heading("3. Checks")),
                self.findings,
                self.reasoning_box,
                w.HTML(heading("4. Save and print")),
                self.files.widget,
            ]
        )

    def _edit_controls(self) -> None:
        """The dosage boxes (bounded by the model's limits), the edit buttons and 'add'."""
        self.sets = named(_bounded("sets", "Sets"), "itk-sets")
        self.reps = named(_bounded("reps", "Reps"), "itk-reps")
        self.hold = named(_bounded("hold_seconds", "Hold s"), "itk-hold")
        for box in (self.sets, self.reps, self.hold):
            box.observe(lambda _: self._change_dosage(), names="value")
        self.dosage_row = named(w.HBox([self.sets, self.reps, self.hold]), "itk-dosage")
        buttons = {
            "up": ("Move up", "arrow-up", lambda: self._move(-1)),
            "down": ("Move down", "arrow-down", lambda: self._move(1)),
            "easier": ("Easier version", "minus", lambda: self._swap(harder=False)),
            "harder": ("Harder version", "plus", lambda: self._swap(harder=True)),
            "remove": ("Remove", "trash", self._remove),
            "undo": ("Undo", "undo", self.undo),
        }
        self.buttons = {}
        for key, (text, icon, action) in buttons.items():
            button = named(w.Button(description=text, icon=icon, layout=w.Layout(width="auto")), f"itk-{key}")
            run = action if key == "undo" else (lambda act=action: self._act(act))
            button.on_click(lambda _, run=run: run())
            self.buttons[key] = button
        self.buttons["undo"].disabled = True
        self._history: deque = deque(maxlen=UNDO_STEPS)
        self.add_choice = named(
            w.Dropdown(options=[], description="Add", layout=w.Layout(width="420px")), "itk-add-choice"
        )
        self.add_button = named(w.Button(description="Add to the class", icon="plus-circle"), "itk-add")
        self.add_button.on_click(lambda _: self._act(self._add))

    def _check_and_save_parts(self) -> None:
        """The findings, the folded reasoning, the file name, save, handout and the status line."""
        self.findings = named(w.HTML(), "itk-findings")
        self.reasoning = named(w.HTML(), "itk-reasoning")
        self.reasoning_box = w.Accordion(children=[self.reasoning])
        self.reasoning_box.set_title(0, "Why each exercise is there (words to say to the class)")
        self.files = SavePanel(lambda: self.plan)
        self.save_name, self.save_button = self.files.name, self.files.save_button
        self.handout_button, self.status = self.files.handout_button, self.files.status

    # ------------------------------------------------------------------ actions

    def request(self) -> ClassRequest:
        return self.request_form.request()

    def build(self, next_seed: bool = False) -> None:
        """Build a plan from the form (a new version with ``next_seed``)."""
        if next_seed:
            self.seed += 1
        try:
            plan = build_plan(self.request(), self.library, seed=self.seed)
        except KitError as error:
            self._error(str(error))
            return
        plan.title = self.title.value.strip() or plan.title
        self.plan = plan
        self._history.clear()  # a new class: the old one's edits are not this one's
        self.buttons["undo"].disabled = True
        self.error.value = ""
        first = next(iter(plan.items()), (None, None))[1]
        self._show_plan(select=first.key if first else None)

    def save(self, name: str | None = None, replace: bool = False) -> Path | None:
        """Save the plan in the plans folder (asks before replacing a file it did not write)."""
        return self.files.save(name, replace=replace)

    def handout(self, replace: bool = False) -> Path | None:
        """Save, then render the participant handout (HTML) beside the plan."""
        return self.files.handout(replace=replace)

    def _act(self, action) -> None:
        if self.plan is None:
            self._status("Build a class first.", ok=False)
            return
        self._remember()
        try:
            action()
        except KitError as error:
            self._forget()  # nothing changed
            self._status(html.escape(str(error)), ok=False)
            return
        if self._history and self._history[-1][0].to_json_dict() == self.plan.to_json_dict():
            self._forget()  # e.g. "move down" on the last item: nothing to undo

    def _remember(self) -> None:
        """Keep the plan as it is before an edit, for Undo (the last ``UNDO_STEPS`` edits)."""
        self._history.append((self.plan.copy(), self.selected_key))
        self.buttons["undo"].disabled = False

    def _forget(self) -> None:
        self._history.pop()
        self.buttons["undo"].disabled = not self._history

    def undo(self) -> bool:
        """Put the plan back as it was before the last edit; False when there is nothing to undo."""
        if not self._history:
            self._status("Nothing to undo.", ok=False)
            return False
        self.plan, key = self._history.pop()
        self.buttons["undo"].disabled = not self._history
        self._show_plan(select=key)
        self._status("Undone: the class is as it was before your last change.")
        return True

    @property
    def selected_key(self) -> str | None:
        """The key of the item selected in the list, or None."""
        return self.items.value if self.plan is not None else None

    def _move(self, step: int) -> None:
        key = self.selected_key
        if key is not None and self.plan.shift(key, step):
            self.plan.set_transitions(self.library)
            self._show_plan(select=key)

    def _remove(self) -> None:
        key = self.selected_key
        if key is None:
            return
        keys = [item.key for _, item in self.plan.items()]
        position = keys.index(key)
        self.plan.remove(key)
        self.plan.set_transitions(self.library)
        rest = keys[:position] + keys[position + 1 :]
        self._show_plan(select=rest[min(position, len(rest) - 1)] if rest else None)

    def _swap(self, harder: bool) -> None:
        key = self.selected_key
        if key is None:
            return
        new = self.plan.swap_version(key, self.library, harder=harder)
        word = "harder" if harder else "easier"
        self._status(f"Swapped for the {word} version: {html.escape(self.library.get(new.exercise).name)}.")
        self._show_plan(select=new.key)

    def _add(self) -> None:
        exercise_id = self.add_choice.value
        if exercise_id:
            item = self.plan.add(self.library.get(exercise_id))
            self.plan.set_transitions(self.library)
            self._show_plan(select=item.key)

    def _change_dosage(self) -> None:
        if getattr(self, "_updating", False) or self.selected_key is None:
            return
        current = self.plan.item(self.selected_key)
        dose = {"hold_seconds": self.hold.value} if current.is_hold else {"reps": self.reps.value}
        self._remember()
        try:
            self.plan.set_dosage(current, sets=self.sets.value, **dose)
        except KitError as error:
            self._forget()
            self._status(html.escape(str(error)), ok=False)
            return
        self._show_plan(select=current.key)

    # ------------------------------------------------------------------ drawing

    def _label(self, number: int, section, item: PlanItem) -> str:
        exercise = self.library.get(item.exercise) if item.exercise in self.library else None
        name = exercise.name if exercise else f"{item.exercise} (not in the library)"
        dose = dosage_words(item.sets, item.reps, item.hold_seconds, item.per_side, short=True)
        # numbered, not padded: padding cannot line up in a proportional font
        return f"{number}. {section_words(section.name)} · {name} — {dose} — {duration_words(item.seconds)}"

    def _show_plan(self, select: str | None = None) -> None:
        """Redraw everything from the plan; ``select`` is the key of the item to select."""
        if self.plan is None:
            self.total.value = "<i>Fill in the form and press <b>Build the class</b>.</i>"
            self.plan_area.layout.display = "none"
            return
        self.plan_area.layout.display = None
        pairs = list(self.plan.items())
        self._updating = True
        try:
            self.items.options = [(self._label(n, s, i), i.key) for n, (s, i) in enumerate(pairs, start=1)]
            keys = [item.key for _, item in pairs]
            self.items.value = select if select in keys else (keys[0] if keys else None)
        finally:
            self._updating = False
        off = self.plan.off_target
        # within half a percent is on time: no "(-0%)"; beyond it, said in words
        off_words = (
            f" ({abs(off):.0%} {'over' if off > 0 else 'under'})" if round(abs(off) * 100) >= 1 else ""
        )
        self.total.value = (
            f"<p style='font-size:1.1em'><b>Total {duration_words(self.plan.total_seconds)}</b> of "
            f"{self.plan.target_minutes} min{off_words} · "
            f"{len(pairs)} exercises · both sides, rests and changes counted</p>"
        )
        self.timeline.children = [timeline(self.plan, self.library, self._select)]
        self._show_checks()
        used = set(self.plan.exercise_ids)
        self.add_choice.options = [("", "")] + [
            (f"{e.name} ({e.category}, level {e.level})", e.id)
            for e in self.library.filter(equipment_available=self.request_form.equipment_ticked)
            if e.id not in used
        ]
        self._show_selected()

    def _show_checks(self) -> None:
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

    def _show_selected(self) -> None:
        if self._updating or self.selected_key is None:
            return
        current = self.plan.item(self.selected_key)
        self._show_figure(current.exercise)
        self._updating = True
        try:
            self.sets.value = current.sets
            self.reps.disabled = current.is_hold
            self.hold.disabled = not current.is_hold
            if current.is_hold:
                self.hold.value = int(current.hold_seconds)
            else:
                self.reps.value = current.reps
        finally:
            self._updating = False
        self._mark_editing(current)  # after the values, so a marker seen means the boxes are set

    def _select(self, key: str) -> None:
        """Select the item with ``key`` (a click on its block in the timeline)."""
        self.items.value = key

    def _show_figure(self, exercise_id: str) -> None:
        """The selected item's figure, its name and key cue, beside the list."""
        if exercise_id not in self.library:
            self.figure.value = ""
            return
        exercise = self.library.get(exercise_id)
        self.figure.value = (
            _html.figure_img(exercise)
            + f"<div style='font-weight:600'>{html.escape(exercise.name)}</div>"
            + f"<div style='color:#52606d;font-size:0.9em'>{html.escape(exercise.key_cue)}</div>"
        )

    def _mark_editing(self, current) -> None:
        """A CSS class naming the item the boxes show (itk-editing-3: the third), for browser tests."""
        for name in [c for c in self.dosage_row._dom_classes if c.startswith("itk-editing-")]:
            self.dosage_row.remove_class(name)
        number = 1 + [item.key for _, item in self.plan.items()].index(current.key)
        self.dosage_row.add_class(f"itk-editing-{number}")

    def _status(self, message: str, ok: bool = True) -> None:
        self.files.say(message, ok)

    def _error(self, message: str) -> None:
        self.error.value = (
            "<div style='color:#9b1c1c;border-left:4px solid #9b1c1c;"
            f"padding:4px 10px;white-space:pre-wrap'>{html.escape(message)}</div>"
        )

    def summary(self) -> str:
        """What pressing Build with the form as it stands gives, as text (the plan's lines)."""
        plan = self.plan
        if plan is None:
            try:
                plan = build_plan(self.request(), self.library, seed=self.seed)
            except KitError as error:
                return f"Class builder: the form as it stands cannot be planned. {error}"
            heading = "Class builder. With the form as it stands, Build the class gives:"
        else:
            heading = "Class builder, the class being edited:"
        return f"{heading}\n{plan.to_text(self.library)}"

    def _repr_mimebundle_(self, **kwargs):
        # The browser shows the widget; the text form (nbval, exported pages) states the plan.
        bundle = self.ui._repr_mimebundle_(**kwargs) or {}
        bundle["text/plain"] = self.summary()
        return bundle


def _bounded(limit: str, description: str) -> w.BoundedIntText:
    """A whole-number box whose bounds are the model's limits (vocab.LIMITS)."""
    low, high = vocab.LIMITS[limit].low, vocab.LIMITS[limit].high
    return w.BoundedIntText(
        min=int(low), max=int(high), description=description, layout=w.Layout(width="150px")
    )


def class_builder(library: Library | None = None) -> ClassBuilder:
    """The class builder UI for a notebook or for ``make app``."""
    return ClassBuilder(library)
