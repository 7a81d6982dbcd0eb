"""A picture of the class: a strip of blocks, one per exercise, as wide as its time, in the row of
its position (standing, chair, mat), coloured by section, with each change of position marked.

The rows and colours are ``diagrams.timeline``'s, the picture on the instructor's handout. It is
made of ipywidgets buttons, so clicking a block selects that exercise in the builder (the
``on_select`` callback gets the item's key), and it needs no drawing library: the browser lays the
blocks out by their share of the class.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as w

from ..diagrams.timeline import ROWS, SECTION_COLOURS, row_of
from ..exercises import Library
from ..words import duration_words, section_words


def _block(item, number: int, section: str, exercise, share: float, changed: bool, on_select) -> w.Button:
    name = exercise.name if exercise is not None else item.exercise
    button = w.Button(
        description="",
        tooltip=f"{name} · {section_words(section)} · {duration_words(item.seconds)}",
        layout=w.Layout(
            width=f"{share:.3f}%",
            min_width="6px",
            height="26px",
            margin="0",
            padding="0",
            border_left="3px solid #1f2933" if changed else "1px solid #ffffff",
        ),
    )
    button.style.button_color = SECTION_COLOURS.get(section, "#d9d9d9")
    button.add_class("itk-block")
    button.add_class(f"itk-block-{number}")  # the exercise's number in the class, for tests
    button.on_click(lambda _: on_select(item.key))
    return button


def timeline(plan, library: Library, on_select: Callable[[str], None]) -> w.VBox:
    """The class as a strip of blocks: rows by position, width by time, colour by section."""
    items = [(section.name, item) for section, item in plan.items()]
    total = sum(item.seconds for _, item in items) or 1.0
    rows = {row: [] for row in ROWS}
    before = None
    for number, (section, item) in enumerate(items, start=1):
        exercise = library.get(item.exercise) if item.exercise in library else None
        position = exercise.position if exercise is not None else "standing"
        share = 100 * item.seconds / total
        changed = before is not None and position != before
        here = row_of(position)
        for row, children in rows.items():
            if row == here:
                children.append(_block(item, number, section, exercise, share, changed, on_select))
            else:  # a gap as wide as the block, so every row keeps the same clock
                children.append(w.Box(layout=w.Layout(width=f"{share:.3f}%", min_width="6px", height="26px")))
        before = position
    strip = [
        w.HBox(
            [
                w.HTML(
                    f"<span style='font-size:0.85em;color:#52606d'>{row}</span>",
                    layout=w.Layout(width="110px"),
                ),
                w.HBox(children, layout=w.Layout(width="100%", flex="1 1 auto")),
            ],  # fmt: skip
            layout=w.Layout(width="100%", margin="1px 0"),
        )
        for row, children in rows.items()
    ]
    legend = " ".join(
        f"<span style='background:{colour};padding:0 6px;margin-right:6px'>{section_words(name)}</span>"
        for name, colour in SECTION_COLOURS.items()
    )
    note = "a dark edge marks a change of position; click a block to select that exercise"
    strip.append(w.HTML(f"<div style='font-size:0.85em;margin:4px 0 0 110px'>{legend} · {note}</div>"))
    box = w.VBox(strip, layout=w.Layout(width="100%"))
    box.add_class("itk-timeline")
    return box
