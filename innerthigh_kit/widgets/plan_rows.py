"""The plan as rows: a small figure, the name, the dosage and time, and one-click buttons.

Each row is one exercise of the class: click its name to select it (its dosage boxes and its
figure show below and beside), or use its buttons to move it up or down, swap it for its easier
or harder version, or remove it. The rows are made once and then only their values change, so an
edit sends a few changed values to the browser, not a new list of widgets. CSS classes name the
parts for the browser tests: ``itk-row``, ``itk-row-3`` (the third exercise), ``itk-row-selected``,
and on each button ``itk-row-up``, ``itk-row-down``, ``itk-row-easier``, ``itk-row-harder``,
``itk-row-remove``.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Callable
from dataclasses import dataclass

import ipywidgets as w

#: The row buttons: action, icon, the word on it (none for the arrows and the bin), the tooltip.
ACTIONS = (
    ("up", "arrow-up", "", "Move up"),
    ("down", "arrow-down", "", "Move down"),
    ("easier", "", "Easier", "Swap for the easier version"),
    ("harder", "", "Harder", "Swap for the harder version"),
    ("remove", "trash", "", "Remove from the class"),
)

#: The rows' own look: the name reads as a left-aligned link, the selected row is tinted.
STYLE = """<style>
.itk-row { border-bottom: 1px solid #e4e7eb; align-items: center; padding: 2px 0; }
.itk-row-selected { background: #e6f1f8; box-shadow: inset 4px 0 0 #0072b2; }
.itk-row-name button, button.itk-row-name { text-align: left; font-weight: 600; background: transparent; }
.itk-row .jupyter-button { min-height: 40px; }
</style>"""


@dataclass
class RowEntry:
    """What one row shows."""

    key: str
    title: str  # '3. Single-leg stand'
    detail: str  # 'Activation · 2 × 20 s hold each side · 2 min 10 s'
    thumbnail: bytes | None  # a small PNG of the figure, or None


class _Row:
    def __init__(self, number: int, on_action: Callable[[str, str], None]):
        self.key: str | None = None
        self._thumb_of: bytes | None = None
        self.thumb = w.HTML(layout=w.Layout(width="74px", min_width="74px"))
        self.name = w.Button(layout=w.Layout(width="auto", flex="1 1 auto", min_width="160px"))
        self.name.add_class("itk-row-name")
        self.name.on_click(lambda _: self.key and on_action("select", self.key))
        self.detail = w.HTML(layout=w.Layout(width="300px", min_width="200px"))
        self.buttons = {}
        for action, icon, word, tip in ACTIONS:
            width = "76px" if word else "44px"
            button = w.Button(
                description=word, icon=icon, tooltip=tip, layout=w.Layout(width=width, min_width=width)
            )
            button.add_class(f"itk-row-{action}")
            button.on_click(lambda _, action=action: self.key and on_action(action, self.key))
            self.buttons[action] = button
        self.box = w.HBox([self.thumb, self.name, self.detail, *self.buttons.values()])
        self.box.layout.width = "100%"
        self.box.add_class("itk-row")
        self.box.add_class(f"itk-row-{number}")

    def show(self, entry: RowEntry, selected: bool, first: bool, last: bool) -> None:
        self.key = entry.key
        if entry.thumbnail != self._thumb_of:  # the same exercise: its picture is not sent again
            self._thumb_of = entry.thumbnail
            png = base64.b64encode(entry.thumbnail).decode("ascii") if entry.thumbnail else ""
            self.thumb.value = (
                f"<img alt='' style='width:70px;height:auto' src='data:image/png;base64,{png}'>"
                if png
                else ""
            )
        self.name.description = entry.title
        self.name.tooltip = f"Select {entry.title.split('. ', 1)[-1]}"
        self.detail.value = f"<span style='color:#3e4c59'>{html.escape(entry.detail)}</span>"
        self.buttons["up"].disabled = first
        self.buttons["down"].disabled = last
        if selected:
            self.box.add_class("itk-row-selected")
        else:
            self.box.remove_class("itk-row-selected")
        self.box.layout.display = None


class PlanRows:
    """The class's rows; ``on_action(action, key)`` gets 'select' or one of ``ACTIONS``."""

    def __init__(self, on_action: Callable[[str, str], None]):
        self._on_action = on_action
        self._rows: list[_Row] = []
        self.keys: list[str] = []
        self.list = w.VBox(layout=w.Layout(width="100%"))
        self.widget = w.VBox([w.HTML(STYLE), self.list], layout=w.Layout(width="100%"))
        self.widget.add_class("itk-rows")

    def show(self, entries: list[RowEntry], selected: str | None) -> None:
        """Show ``entries`` (rows are reused; new ones are made only when the class grows)."""
        while len(self._rows) < len(entries):
            self._rows.append(_Row(len(self._rows) + 1, self._on_action))
        for index, (row, entry) in enumerate(zip(self._rows, entries, strict=False)):
            row.show(entry, entry.key == selected, index == 0, index == len(entries) - 1)
        for row in self._rows[len(entries) :]:
            row.key = None
            row.box.layout.display = "none"
        if len(self.list.children) != len(self._rows):
            self.list.children = [row.box for row in self._rows]
        self.keys = [entry.key for entry in entries]

    def button(self, key: str, action: str) -> w.Button:
        """The button for ``action`` ('select' for the name) on the row of ``key``."""
        row = self._rows[self.keys.index(key)]
        return row.name if action == "select" else row.buttons[action]
