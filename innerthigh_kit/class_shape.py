"""The class's shape as both timelines show it: the rows of positions and a colour per section.

The handout's picture (``diagrams.timeline``) and the builder's strip (``widgets.timeline``) take
their rows and colours from here. Plain data, no drawing library: the app's strip needs no
matplotlib to start.
"""

from __future__ import annotations

from . import vocab

#: The three rows of the strip, top to bottom, and the positions each holds.
ROWS = {"Standing": ("standing",), "Chair or seated": ("seated",), "Mat": vocab.POSITIONS}

#: A calm colour per section (Okabe & Ito's palette, lightened so labels stay readable).
SECTION_COLOURS = {
    "warm-up": "#f6c66b",
    "activation": "#9fd0ef",
    "strength": "#e9a07a",
    "stretch": "#8fd1b8",
    "cool-down": "#c9b3db",
}


def row_of(position: str) -> str:
    """'Standing', 'Chair or seated' or 'Mat'."""
    return next(row for row, positions in ROWS.items() if position in positions)
