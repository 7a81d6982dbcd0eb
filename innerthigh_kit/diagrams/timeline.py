"""The class as a picture: one block per exercise, as wide as its time, in the row of its position
(standing, chair, mat), coloured by section, with each change of position marked.

``class_timeline(plan, library, ax=None)`` draws it for the instructor's handout; the builder and
the app show the same strip as clickable blocks (``widgets.timeline``), from the same rows and
colours (``class_shape``).
"""

from __future__ import annotations

from matplotlib.patches import Rectangle

from ..class_shape import ROWS, SECTION_COLOURS, row_of  # noqa: F401  (here too, for callers)
from ..words import section_words
from ._style import INK, figure_and_axes, state_numbers


def class_timeline(plan, library, ax=None, size=(7.2, 1.9)):
    """The strip for ``plan``: minutes along, the position's row up; returns the Figure."""
    figure, ax = figure_and_axes(ax, size, rect=(0.14, 0.24, 0.84, 0.6))
    own = ax is figure.axes[0] and len(figure.axes) == 1
    rows = list(ROWS)
    start, before, changes = 0.0, None, 0
    for number, (section, item) in enumerate(plan.items(), start=1):
        exercise = library.get(item.exercise) if item.exercise in library else None
        position = exercise.position if exercise is not None else "standing"
        y = len(rows) - 1 - rows.index(row_of(position))
        minutes = item.seconds / 60
        ax.add_patch(Rectangle((start, y + 0.12), minutes, 0.76, facecolor=SECTION_COLOURS.get(section.name,
                               "#d9d9d9"), edgecolor="white", lw=0.8))  # fmt: skip
        if before is not None and position != before:
            changes += 1
            ax.plot([start, start], [-0.1, len(rows) - 0.0], color=INK, lw=1.1, ls=(0, (2, 2)))
        if minutes >= 0.9:
            ax.text(
                start + minutes / 2, y + 0.5, str(number), ha="center", va="center", fontsize=7, color=INK
            )
        start, before = start + minutes, position
    ax.set_xlim(0, max(start, 1))
    ax.set_ylim(-0.1, len(rows))
    ax.set_yticks([len(rows) - 0.5 - k for k in range(len(rows))], rows, fontsize=8)
    ax.set_xlabel("minutes", fontsize=8)
    ax.tick_params(axis="x", labelsize=8)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.tick_params(axis="y", length=0)
    handles = [Rectangle((0, 0), 1, 1, facecolor=c) for c in SECTION_COLOURS.values()]
    ax.legend(handles, [section_words(s) for s in SECTION_COLOURS], ncol=5, fontsize=7, frameon=False,
              loc="lower center", bbox_to_anchor=(0.5, 1.0))  # fmt: skip
    state_numbers(figure, f"Class timeline: {start:.0f} min, {changes} change(s) of position", own)
    return figure
