"""A picture of the class: a strip of blocks, one per exercise, as wide as its time, in the row of
its position (standing, chair, mat), coloured by section, with each change of position marked.

The rows and colours are ``diagrams.timeline``'s, the picture on the instructor's handout. It is
one anywidget (``timeline.js`` and ``timeline.css`` ship inside the package, so it works with no
internet): an edit sends one list of blocks (``timeline_blocks``) to the same widget, and the
browser lays them out by their share of the class. Clicking a block sends its key back, and
``on_select(key)`` selects that exercise in the builder. After each drawing the page's
``.itk-timeline`` carries ``data-version``, the kernel's ``version`` of the blocks it shows.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import anywidget
import traitlets

from ..class_shape import ROWS, SECTION_COLOURS, row_of
from ..exercises import Library
from ..words import duration_words, section_words
from ._html import front_end

HERE = Path(__file__).parent
NOTE = "a dark edge marks a change of position; click a block to select that exercise"
LEGEND = [{"name": section_words(name), "colour": colour} for name, colour in SECTION_COLOURS.items()]


def timeline_blocks(plan, library: Library) -> list[dict]:
    """One record per exercise, in class order: what the browser needs to draw its block."""
    items = [(section.name, item) for section, item in plan.items()]
    total = sum(item.seconds for _, item in items) or 1.0
    blocks, before = [], None
    for number, (section, item) in enumerate(items, start=1):
        exercise = library.get(item.exercise) if item.exercise in library else None
        position = exercise.position if exercise is not None else "standing"
        name = exercise.name if exercise is not None else item.exercise
        blocks.append(
            {
                "key": item.key,
                "number": number,
                "row": row_of(position),
                "share": round(100 * item.seconds / total, 3),
                "colour": SECTION_COLOURS.get(section, "#d9d9d9"),
                "changed": before is not None and position != before,  # a dark left edge
                "tip": f"{name} · {section_words(section)} · {duration_words(item.seconds)}",
            }
        )
        before = position
    return blocks


class Timeline(anywidget.AnyWidget):
    """The class as a strip of blocks: rows by position, width by time, colour by section."""

    _esm = front_end("timeline.js")
    _css = (HERE / "timeline.css").read_text(encoding="utf-8")

    rows = traitlets.List(list(ROWS)).tag(sync=True)
    legend = traitlets.List(LEGEND).tag(sync=True)
    note = traitlets.Unicode(NOTE).tag(sync=True)
    blocks = traitlets.List([]).tag(sync=True)
    #: One more each time new blocks are sent (the page shows it as ``data-version``).
    version = traitlets.Int(0).tag(sync=True)

    def __init__(self, on_select: Callable[[str], None] | None = None, **kwargs):
        super().__init__(**kwargs)
        self.layout.width = "100%"
        self.on_select = on_select
        self.on_msg(self._message)

    def show(self, plan, library: Library) -> bool:
        """Show ``plan``; False when its blocks are the ones already shown (nothing is sent)."""
        blocks = timeline_blocks(plan, library)
        if blocks == self.blocks:
            return False
        with self.hold_sync():  # one message: the blocks and their version together
            self.blocks = blocks
            self.version += 1
        return True

    def click(self, key: str) -> None:
        """What a click on the block of ``key`` does in the browser (for code and tests)."""
        self._message(self, {"select": key}, [])

    def _message(self, _widget, content, _buffers) -> None:
        key = content.get("select") if isinstance(content, dict) else None
        if self.on_select is not None and key in {block["key"] for block in self.blocks}:
            self.on_select(key)


def timeline(plan, library: Library, on_select: Callable[[str], None]) -> Timeline:
    """The strip for ``plan``; ``on_select(key)`` is called when a block is clicked."""
    widget = Timeline(on_select)
    widget.show(plan, library)
    return widget
