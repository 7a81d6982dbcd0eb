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

from ..errors import KitError
from ..exercises import Library, load_library
from ..plans import ClassPlan, ClassRequest, build_plan, check_plan
from ..words import dosage_words, duration_words, section_words
from . import _html
from ._html import named
from .add_exercise import AddExercise
from .plan_rows import PlanRows, RowEntry
from .request_form import RequestForm
from .run_screen import RunMode
from .save_panel import SavePanel
from .timeline import Timeline

#: How many edits Undo can take back.
UNDO_STEPS = 20


class ClassBuilder:
    """Build, edit, check, explain and save a class plan without writing code."""

    def __init__(self, library: Library | None = None):
        self.library = library if library is not None else load_library()
        self.plan: ClassPlan | None = None
        self.seed = 1
        self._selected: str | None = None
        self._form()
        self._editor()
        build = w.VBox([self.form, self.error, self.plan_area], layout=w.Layout(width="100%"))
        build.add_class("itk-builder")
        # the Teach tab: run mode for the class being edited, sent when the tab is opened
        self.run: RunMode | None = None  # made when the tab is first opened: the app starts lighter
        self.teach_note = w.HTML("<i>Build a class first: then teach it here.</i>")
        self.teach_box = w.VBox([self.teach_note])
        self.ui = w.Tab([build, self.teach_box], layout=w.Layout(width="100%"))
        self.ui.set_title(0, "Build and edit")
        self.ui.set_title(1, "Teach")
        self.ui.add_class("itk-app")
        self.ui.observe(lambda _: self._teach_if_open(), names="selected_index")
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
        self.rows = PlanRows(self._row_action)
        self.figure = named(w.HTML(layout=w.Layout(width="280px", min_width="220px")), "itk-figure-box")
        self.timeline = Timeline(self.select)
        self._updating = False
        self._edit_controls()
        self._check_and_save_parts()
        heading = "<h3 style='margin:12px 0 0'>{}</h3>".format
        self.plan_area = w.VBox(
            [
                w.HTML(heading("2. Your class")),
                self.total,
                self.timeline,
                w.HBox([self.rows.widget, self.figure], layout=w.Layout(width="100%")),
                w.HBox([self.dosage_row, self.buttons["undo"]]),
                self.adding.widget,
                w.HTML(heading("3. Checks")),
                self.findings,
                self.reasoning_box,
                w.HTML(heading("4. Save and print")),
                self.files.widget,
            ]
        )

    def _edit_controls(self) -> None:
        """The dosage boxes (bounded by the model's limits), the edit buttons and 'add'."""
        self.sets = named(_html.bounded("sets", "Sets"), "itk-sets")
        self.reps = named(_html.bounded("reps", "Reps"), "itk-reps")
        self.hold = named(_html.bounded("hold_seconds", "Hold s"), "itk-hold")
        for box in (self.sets, self.reps, self.hold):
            box.observe(lambda _: self._change_dosage(), names="value")
        self.dosage_row = named(w.HBox([self.sets, self.reps, self.hold]), "itk-dosage")
        undo = named(w.Button(description="Undo", icon="undo", layout=w.Layout(width="auto")), "itk-undo")
        undo.on_click(lambda _: self.undo())
        undo.disabled = True
        self.buttons = {"undo": undo}
        self._history: deque = deque(maxlen=UNDO_STEPS)
        self.adding = AddExercise(lambda: self._act(self._add))
        self.add_choice, self.add_button = self.adding.choice, self.adding.button

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
        return self._selected if self.plan is not None else None

    def select(self, key: str) -> None:
        """Select the item with ``key``: its row is marked, its boxes and figure shown."""
        if self.plan is not None and key in self.rows.keys and key != self._selected:
            self._selected = key
            self._show_rows()
            self._show_selected()

    def _row_action(self, action: str, key: str) -> None:
        """A click on a row: its name selects it; its buttons edit it, each one click (and one undo)."""
        if action == "select":
            self.select(key)
            return
        edits = {
            "up": lambda: self._move(key, -1),
            "down": lambda: self._move(key, 1),
            "easier": lambda: self._swap(key, harder=False),
            "harder": lambda: self._swap(key, harder=True),
            "remove": lambda: self._remove(key),
        }
        self._act(edits[action])

    def _move(self, key: str, step: int) -> None:
        if self.plan.shift(key, step):
            self.plan.set_transitions(self.library)
            self._show_plan(select=key)

    def _remove(self, key: str) -> None:
        keys = [item.key for _, item in self.plan.items()]
        position = keys.index(key)
        self.plan.remove(key)
        self.plan.set_transitions(self.library)
        rest = keys[:position] + keys[position + 1 :]
        self._show_plan(select=rest[min(position, len(rest) - 1)] if rest else None)

    def _swap(self, key: str, harder: bool) -> None:
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

    def _entries(self) -> list[RowEntry]:
        """One row per item: number and name; section, dosage and time; the figure's thumbnail."""
        from ..handouts.diagram_cache import cached_figure_png

        entries = []
        for number, (section, item) in enumerate(self.plan.items(), start=1):
            exercise = self.library.get(item.exercise) if item.exercise in self.library else None
            name = exercise.name if exercise else f"{item.exercise} (not in the library)"
            dose = dosage_words(item.sets, item.reps, item.hold_seconds, item.per_side, short=True)
            detail = f"{section_words(section.name)} · {dose} · {duration_words(item.seconds)}"
            thumbnail = cached_figure_png(exercise) if exercise else None  # the handouts' own size
            entries.append(RowEntry(item.key, f"{number}. {name}", detail, thumbnail))
        return entries

    def _show_rows(self) -> None:
        self.rows.show(self._entries(), self._selected)

    def _show_plan(self, select: str | None = None) -> None:
        """Redraw from the plan; ``select`` is the key of the item to select.

        In the order the person waiting needs it: what the edit changes (rows, timeline, then the
        total, so a changed total means both are drawn), then the checks, the reasoning, the add
        list, the selected figure and the boxes (their ``itk-editing-N`` marker last of all).
        Values that did not change are not sent again.
        """
        if self.plan is None:
            self.total.value = "<i>Fill in the form and press <b>Build the class</b>.</i>"
            self.plan_area.layout.display = "none"
            return
        self.plan_area.layout.display = None
        keys = [item.key for _, item in self.plan.items()]
        self._selected = select if select in keys else (keys[0] if keys else None)
        self._show_rows()
        self.timeline.show(self.plan, self.library)  # the same widget: only its blocks are sent
        self._show_total(len(keys))
        self._show_checks()
        self.adding.show(self.library, self.plan.exercise_ids, self.request_form.equipment_ticked)
        self._show_selected()
        self._teach_if_open()

    def _show_total(self, count: int) -> None:
        off = self.plan.off_target
        # within half a percent is on time: no "(-0%)"; beyond it, said in words
        off_words = (
            f" ({abs(off):.0%} {'over' if off > 0 else 'under'})" if round(abs(off) * 100) >= 1 else ""
        )
        self.total.value = (
            f"<p style='font-size:1.1em'><b>Total {duration_words(self.plan.total_seconds)}</b> of "
            f"{self.plan.target_minutes} min{off_words} · "
            f"{count} exercises · both sides, rests and changes counted</p>"
        )

    def _teach_if_open(self) -> None:
        """Send the class to the Teach tab when it is open (figures are drawn only then)."""
        if self.ui.selected_index != 1 or self.plan is None:
            return
        self.teach_note.value = ""
        if self.run is None:
            self.run = RunMode(library=self.library)
            self.teach_box.children = [self.teach_note, self.run]
        self.run.show(self.plan)

    def _show_checks(self) -> None:
        self.findings.value = _html.findings_html(check_plan(self.plan, self.library))
        self.reasoning.value = _html.paragraphs_html(str(self.plan.explain(self.library)))

    def _show_selected(self) -> None:
        if self.selected_key is None:
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
        self.error.value = _html.error_html(message)

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


def class_builder(library: Library | None = None) -> ClassBuilder:
    """The class builder UI for a notebook or for ``make app``."""
    return ClassBuilder(library)
