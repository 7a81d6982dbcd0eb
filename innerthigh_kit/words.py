"""Plain-language formatting: durations, clock times, lists, dosages, reasons and section names.

Every sentence the kit composes (explain, handouts, the builder's list, the CLI) formats its
numbers and lists with these functions, so a time or a dosage reads the same everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import vocab


def duration_words(seconds: float) -> str:
    """A length of time as an instructor says it: '55 s', '2 min', '2 min 05 s'."""
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    return f"{seconds // 60} min {seconds % 60:02d} s" if seconds % 60 else f"{seconds // 60} min"


def clock(seconds: float) -> str:
    """A time on the class clock: '4:05'."""
    seconds = int(round(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


def join_words(words: Iterable[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def listing(values: Iterable[object]) -> str:
    """Values for a message: 'a, b, c'."""
    return ", ".join(str(value) for value in values)


def dosage_words(
    sets: int,
    reps: int | None = None,
    hold_seconds: float | None = None,
    per_side: bool = False,
    *,
    short: bool = False,
) -> str:
    """'2 × 10 reps each side', '1 × 30 s hold'; ``short``: '2×10 each side', '1×30 s'."""
    if short:
        dose = f"{sets}×{hold_seconds:g} s" if hold_seconds is not None else f"{sets}×{reps}"
    elif hold_seconds is not None:
        dose = f"{sets} × {hold_seconds:g} s hold"
    else:
        dose = f"{sets} × {reps} reps"
    return dose + (" each side" if per_side else "")


def section_words(name: str) -> str:
    """A section's name as a heading: 'cool-down' -> 'Cool down'."""
    return name.replace("-", " ").capitalize()


def reason_phrases(reasons: Iterable[str]) -> list[str]:
    """The plain words of each known reason, the pelvis-and-core phrase last.

    It reads as a list of its own ("pelvis, deep abdominals and pelvic floor"), so it goes last
    where its commas cannot be mistaken for the sentence's.
    """
    ordered = sorted((r for r in reasons if r in vocab.REASON_WORDS), key=lambda r: r == "pelvis-core")
    return [vocab.REASON_WORDS[r] for r in ordered]


def reasons_sentence(reasons: Iterable[str]) -> str:
    """E.g. 'It supports the knee by steadying the thigh bone. It also steadies the hip ...'"""
    phrases = reason_phrases(reasons)
    if not phrases:
        return ""
    sentence = f"It {phrases[0]}."
    if len(phrases) > 1:
        sentence += f" It also {join_words(phrases[1:])}."
    return sentence
