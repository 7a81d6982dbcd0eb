"""A printable card for one exercise: its figure, dosage, cues, versions, cautions and evidence.

``render_card("wide-squat-heel-lift", "card.pdf")`` writes an A6 card (a quarter of an A4 page,
105 x 148 mm) as PDF, PNG or SVG, drawn with matplotlib so the figure stays vector in the PDF.
The card is for any class, so its cautions name every group the library has a note for.
"""

from __future__ import annotations

import io
import os
import textwrap
from collections.abc import Sequence
from pathlib import Path

from .. import vocab
from .._atomic import prepare_output, write_atomic
from ..errors import HandoutError
from ..exercises import Exercise, load_library
from ..plans import Audience
from ..plans.versions import versions_words

A6_INCHES = (105 / 25.4, 148 / 25.4)
CARD_FORMATS = (".pdf", ".png", ".svg")
INK, MUTED, ACCENT = "#1f2933", "#52606d", "#0b6e69"


def _lines(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width=width, break_long_words=False) or [""]


def card_text(exercise: Exercise, library) -> list[tuple[str, str, float]]:
    """The card's words as (kind, text, size in points): headings, cues, notes, in order."""
    where = ", ".join(vocab.EQUIPMENT_WORDS.get(e, e) for e in exercise.equipment)
    rows = [("title", exercise.name, 12.5)]
    rows.append(("meta", f"{exercise.category} · level {exercise.level} · {where}", 7.5))
    rows.append(("dose", exercise.dosage.describe(exercise.per_side), 8.5))
    for number, cue in enumerate(exercise.cues, start=1):
        rows += [("cue", line, 7.5) for line in _lines(f"{number}. {cue}", 62)]
    versions = versions_words(exercise, library, Audience())
    rows += [("note", line, 7) for line in _lines(versions, 68)] if versions else []
    leave = sorted({vocab.CAUTION_LABELS.get(c.tag, c.tag) for c in exercise.cautions if c.action == "avoid"})
    change = sorted(
        {vocab.CAUTION_LABELS.get(c.tag, c.tag) for c in exercise.cautions if c.action == "modify"}
    )
    if leave:
        rows += [("care", line, 7) for line in _lines("Leave out for: " + "; ".join(leave) + ".", 68)]
    if change:
        rows += [
            ("care", line, 7) for line in _lines("Teach with a change for: " + "; ".join(change) + ".", 68)
        ]
    evidence = vocab.EVIDENCE_WORDS.get(exercise.evidence, exercise.evidence)
    rows += [("note", line, 7) for line in _lines(f"Evidence: {evidence}.", 68)]
    return rows


def card_figure(exercise: Exercise, library):
    """The card as a matplotlib Figure (A6, portrait)."""
    from ..diagrams._style import kit_figure
    from ..diagrams.figures import draw_into, figure_spec_of

    figure = kit_figure(A6_INCHES)
    spec = figure_spec_of(exercise)
    phases = ("start", "end") if spec.end is not None else ("start",)
    for number, phase in enumerate(phases):
        width = 0.9 / len(phases)
        draw_into(figure.add_axes((0.05 + number * width, 0.6, width, 0.3)), spec, phase)
    y = 0.975
    colours = {"title": ACCENT, "meta": MUTED, "dose": INK, "cue": INK, "note": MUTED, "care": "#9c4221"}
    for kind, text, size in card_text(exercise, library):
        if kind == "dose":
            y = 0.585
        figure.text(0.06, y, text, fontsize=size, color=colours[kind], va="top",
                    fontweight="bold" if kind in ("title", "dose") else "normal")  # fmt: skip
        y -= (size + 3.2) / 72 / A6_INCHES[1]
        if kind == "meta":
            y = min(y, 0.915)
    figure.text(
        0.06, 0.02, "innerthigh-kit · exercise education, not medical advice", fontsize=6, color=MUTED
    )
    if y < 0.04:
        raise HandoutError(
            f"The card for {exercise.id} has more words than fit on an A6 card: shorten its cues."
        )
    return figure


def render_card(
    exercise: str | Exercise,
    out: str | os.PathLike,
    *,
    library_paths: Sequence[str | os.PathLike] = (),
    force: bool = False,
) -> Path:
    """Write the card of ``exercise`` (an id or an Exercise) to ``out`` (.pdf, .png or .svg)."""
    out = Path(out)
    if out.suffix.lower() not in CARD_FORMATS:
        raise HandoutError(f"{out}: a card is written as {', '.join(CARD_FORMATS)}. Change the extension.")
    if out.exists() and not force:
        raise HandoutError(f"{out} already exists. Choose another name, or use --force to replace it.")
    prepare_output(out)
    library = load_library(*library_paths)
    chosen = library.get(exercise) if isinstance(exercise, str) else exercise
    buffer = io.BytesIO()
    card_figure(chosen, library).savefig(buffer, format=out.suffix.lower().lstrip("."), dpi=200)
    return write_atomic(out, buffer.getvalue())
