"""The exercise library browser: filters on top, a list of matches, one exercise card at a time.

A thin UI over ``Library.filter``: the filter widgets are read into the same keyword arguments
the API takes, and the card is built from the exercise's own data by ``_html.exercise_card``
(every text escaped). Set widget values from code and read ``shown_ids`` to test it.
"""

from __future__ import annotations

from collections.abc import Iterable

import ipywidgets as w

from .. import vocab
from ..errors import LibraryError
from ..exercises import Library, load_library
from . import _html
from .request_form import CAUTION_LABELS, EQUIPMENT_LABELS, checkboxes, ticked

_STYLE = {"description_width": "150px"}
_ANY = "any"


class LibraryBrowser:
    """Filter the exercise library and read one exercise card at a time.

    ``filters`` holds the filter widgets by the name of ``Library.filter``'s argument:
    ``category``, ``position``, ``reason`` (dropdowns; ``"any"`` for no filter), ``level_max``
    (toggle 1-3), ``equipment_available`` and ``avoid_cautions`` (boxes of checkboxes; tick with
    ``set_ticked``). ``shown_ids`` lists what the filters let through, ``select(id)`` opens a card.
    """

    def __init__(self, library: Library | None = None):
        self.library = library if library is not None else load_library()
        self.selected_id: str | None = None
        self._updating = False
        self._shown: list[str] = []
        self._build_filters()
        self._build_results()
        self.ui = w.VBox([self.filter_box, self.count, self.results], layout=w.Layout(width="100%"))
        self.ui.add_class("itk-library-browser")
        self.refresh()

    # ------------------------------------------------------------------ layout

    def _build_filters(self) -> None:
        def dropdown(label, values, words=None):
            # A Dropdown cannot show a None value, so "any" is a real option, read back as None.
            options = [(_ANY, _ANY)] + [((words or {}).get(v, v), v) for v in values]
            return w.Dropdown(
                options=options, value=_ANY, description=label, style=_STYLE, layout=w.Layout(width="560px")
            )

        level = w.ToggleButtons(
            options=[("1 beginner", 1), ("up to 2", 2), ("up to 3 (all)", 3)],
            value=3,
            style={"button_width": "110px"},
        )
        equipment = checkboxes(
            [e for e in vocab.EQUIPMENT if e != "mat"],
            "itk-lib-equipment",
            checked=vocab.EQUIPMENT,
            words=EQUIPMENT_LABELS,
        )
        avoid = checkboxes(vocab.CAUTIONS, "itk-lib-avoid", words=CAUTION_LABELS)
        self.filters = {
            "category": dropdown("Category", vocab.CATEGORIES),
            "position": dropdown("Position", vocab.POSITIONS),
            "reason": dropdown("Reason", vocab.REASONS, vocab.REASON_WORDS),
            "level_max": level,
            "equipment_available": equipment,
            "avoid_cautions": avoid,
        }
        for name, widget in self.filters.items():
            widget.add_class(f"itk-lib-{name.replace('_', '-')}")
            children = widget.children if isinstance(widget, w.Box) else (widget,)
            for child in children:
                child.observe(lambda _: self.refresh(), names="value")
        self.reset_button = w.Button(
            description="Show everything", icon="undo", layout=w.Layout(width="auto")
        )
        self.reset_button.add_class("itk-lib-reset")
        self.reset_button.on_click(lambda _: self.reset())
        level_label = w.Label(
            "Level",
            layout=w.Layout(width="150px", justify_content="flex-end", display="flex", padding="0 8px 0 0"),
        )
        self.filter_box = w.VBox(
            [
                self.filters["category"],
                self.filters["position"],
                self.filters["reason"],
                w.HBox([level_label, level]),
                w.HTML("<b>Equipment you have</b> (a mat is assumed; untick what you don't have)"),
                equipment,
                w.HTML("<b>Leave out exercises to avoid for</b> (tick the needs in your group)"),
                avoid,
                w.HBox([self.reset_button]),
            ]
        )

    def _build_results(self) -> None:
        self.count = w.HTML()
        self.count.add_class("itk-lib-count")
        self.choice = w.Select(options=[], rows=16, layout=w.Layout(width="340px"))
        self.choice.add_class("itk-lib-choice")
        self.choice.observe(self._on_choice, names="value")
        self.card = w.HTML()
        self.card.add_class("itk-lib-card")
        self.easier_button = w.Button(icon="minus", layout=w.Layout(width="auto"))
        self.easier_button.add_class("itk-lib-easier")
        self.easier_button.on_click(lambda _: self._follow("regression"))
        self.harder_button = w.Button(icon="plus", layout=w.Layout(width="auto"))
        self.harder_button.add_class("itk-lib-harder")
        self.harder_button.on_click(lambda _: self._follow("progression"))
        card_box = w.VBox(
            [w.HBox([self.easier_button, self.harder_button]), self.card],
            layout=w.Layout(flex="1 1 auto", margin="0 0 0 12px"),
        )
        self.results = w.HBox([self.choice, card_box], layout=w.Layout(width="100%"))

    # ------------------------------------------------------------------ state

    def filter_values(self) -> dict:
        """The filters as keyword arguments for ``Library.filter``."""

        def chosen(name):
            value = self.filters[name].value
            return None if value == _ANY else value

        return {
            "category": chosen("category"),
            "position": chosen("position"),
            "reason": chosen("reason"),
            "level_max": self.filters["level_max"].value,
            "equipment_available": ticked(self.filters["equipment_available"]),
            "avoid_cautions": ticked(self.filters["avoid_cautions"]),
        }

    def set_ticked(self, name: str, values: Iterable[str]) -> None:
        """Tick exactly ``values`` in the checkbox filter ``name`` (equipment or cautions)."""
        wanted = set(values)
        box = self.filters[name]
        unknown = wanted - {child.tag for child in box.children} - {"mat"}
        if unknown:
            raise LibraryError(
                f"Not in the {name} filter: {', '.join(sorted(unknown))}. Use values from: "
                f"{', '.join(child.tag for child in box.children)}."
            )
        self._updating = True
        try:
            for child in box.children:
                child.value = child.tag in wanted
        finally:
            self._updating = False
        self.refresh()

    def reset(self) -> None:
        """Every filter back to 'show everything'."""
        self._updating = True
        try:
            for name in ("category", "position", "reason"):
                self.filters[name].value = _ANY
            self.filters["level_max"].value = 3
            for child in self.filters["equipment_available"].children:
                child.value = True
            for child in self.filters["avoid_cautions"].children:
                child.value = False
        finally:
            self._updating = False
        self.refresh()

    @property
    def shown_ids(self) -> list[str]:
        """The ids the filters let through, in library order."""
        return list(self._shown)

    def refresh(self) -> None:
        """Re-run the filter and redraw the list, the count and the card."""
        if self._updating:
            return
        self._shown = [e.id for e in self.library.filter(**self.filter_values())]
        total = len(self.library)
        self.count.value = (
            f"<p style='font-size:1.1em;margin:8px 0'><b>{len(self._shown)} of "
            f"{total} exercises</b> match your filters.</p>"
        )
        self._updating = True
        try:
            self.choice.options = [(self._label(i), i) for i in self._shown]
            self.choice.value = self.selected_id if self.selected_id in self._shown else None
        finally:
            self._updating = False
        if self.selected_id in self._shown:
            self._draw_card()
        elif self._shown:
            self.select(self._shown[0])
        else:
            self.selected_id = None
            self._draw_card()

    def select(self, exercise_id: str) -> None:
        """Open the card of ``exercise_id`` (even one your filters hide: the card says so)."""
        self.library.get(exercise_id)  # an unknown id raises the library's helpful message
        self.selected_id = exercise_id
        self._updating = True
        try:
            self.choice.value = exercise_id if exercise_id in self._shown else None
        finally:
            self._updating = False
        self._draw_card()

    # ------------------------------------------------------------------ drawing

    def _label(self, exercise_id: str) -> str:
        exercise = self.library.get(exercise_id)
        return f"{exercise.name} · {exercise.category} · level {exercise.level}"

    def _draw_card(self) -> None:
        if self.selected_id is None:
            self.card.value = _html.card(
                "<p>No exercise matches all your filters. Loosen one, or press <b>Show everything</b>.</p>"
            )
            for button in (self.easier_button, self.harder_button):
                button.description, button.disabled = "", True
                button.layout.display = "none"
            return
        exercise = self.library.get(self.selected_id)
        avoid = ticked(self.filters["avoid_cautions"])
        note = ""
        if self.selected_id not in self._shown:
            note = (
                "<div style='color:#8a5a00;margin-bottom:4px'>Your filters hide this "
                "exercise; it is shown because you opened it.</div>"
            )
        self.card.value = note + _html.exercise_card(exercise, self.library, avoid)
        self._link_button(self.easier_button, "Easier", exercise.regression)
        self._link_button(self.harder_button, "Harder", exercise.progression)

    def _link_button(self, button: w.Button, word: str, target: str | None) -> None:
        if target is None or target not in self.library:
            button.layout.display = "none"
            button.disabled = True
            button.description = ""
            return
        button.layout.display = None
        button.disabled = False
        button.description = f"{word}: {self.library.get(target).name}"
        button.tooltip = f"Open the card of the {word.lower()} version"

    def _follow(self, link: str) -> None:
        target = getattr(self.library.get(self.selected_id), link) if self.selected_id else None
        if target is not None and target in self.library:
            self.select(target)

    def _on_choice(self, change) -> None:
        if not self._updating and change["new"] is not None:
            self.select(change["new"])

    # ------------------------------------------------------------------ display

    def _repr_mimebundle_(self, **kwargs):
        # A short, stable text instead of the long widget repr: nbval compares text/plain, and
        # a reader of an exported page without a kernel sees a hint instead of a wall of reprs.
        bundle = self.ui._repr_mimebundle_(**kwargs) or {}
        bundle["text/plain"] = (
            f"Exercise library browser: {len(self._shown)} of {len(self.library)} exercises shown "
            "(run this notebook in Jupyter to use it)"
        )
        return bundle


def exercise_counts(library: Library | None = None):
    """How many exercises per category (rows, in class order) and level (columns), with totals.

    A plain pandas table, so a notebook shows it as text and HTML and nbval can compare it.
    """
    import pandas as pd

    library = library if library is not None else load_library()
    table = pd.DataFrame(
        0, index=list(vocab.CATEGORIES), columns=[f"level {level}" for level in vocab.LEVELS]
    )
    for exercise in library:
        table.loc[exercise.category, f"level {exercise.level}"] += 1
    table["total"] = table.sum(axis=1)
    table.loc["total"] = table.sum(axis=0)
    table.index.name = "category"
    return table


def browse_library(library: Library | None = None) -> LibraryBrowser:
    """The exercise library as a browser: filters, a count and one card at a time.

    ``library`` defaults to the kit's own exercises; pass ``load_library("my_file.yaml")`` to
    browse yours alongside them.
    """
    return LibraryBrowser(library)
