"""Add an exercise to the class: a list of the library's exercises not in it yet, and a button.

The list holds only what the ticked equipment allows; it is sent to the browser again only when
it has changed (about a hundred choices: most edits leave it as it was).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import ipywidgets as w

from ..exercises import Library
from ._html import named


class AddExercise:
    """The 'Add' list and its button; ``on_add()`` is called on a click."""

    def __init__(self, on_add: Callable[[], None]):
        self.choice = named(
            w.Dropdown(options=[], description="Add", layout=w.Layout(width="420px")), "itk-add-choice"
        )
        self.button = named(w.Button(description="Add to the class", icon="plus-circle"), "itk-add")
        self.button.on_click(lambda _: on_add())
        self.widget = w.HBox([self.choice, self.button])
        self._options: list = []

    def show(self, library: Library, used: Iterable[str], equipment) -> None:
        """The exercises the equipment allows that are not in the class yet (nothing sent if the same)."""
        used = set(used)
        options = [("", "")] + [
            (f"{e.name} ({e.category}, level {e.level})", e.id)
            for e in library.filter(equipment_available=equipment)
            if e.id not in used
        ]
        if options != self._options:
            self._options = options
            self.choice.options = options
