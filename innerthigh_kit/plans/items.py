"""One item of a class plan (an exercise with its dosage) and a section of items, with the timing rule.

The timing rule, in one place (``PlanItem.seconds_for``; the fitter calls it too)::

    sides   = 2 if per_side else 1
    work    = hold_seconds, or reps x seconds_per_rep          (one set on one side)
    seconds = sides x sets x work + sides x (sets - 1) x rest_seconds + transition_seconds

so per-side work counts both sides, the rests between sets count on each side, and the
transition (getting into place, fetching a ball, the first explanation) counts once. When an
item gives no seconds per rep, a rep takes ``vocab.DEFAULT_SECONDS_PER_REP``.

Each item has a ``key`` that stays the same while the item is edited or moved, so a user
interface can address it even when one exercise appears twice in a class.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

from .. import vocab
from ..words import dosage_words

_NEXT_KEY = itertools.count(1)


def new_key() -> str:
    """A key no other item made in this process has."""
    return f"item-{next(_NEXT_KEY)}"


def record_number(value: float) -> int | float:
    """A whole number as int (so files and JSON read 30, not 30.0), else rounded to 0.1."""
    value = round(float(value), 1)
    return int(value) if value == int(value) else value


@dataclass
class PlanItem:
    """One exercise in a plan with its dosage. ``seconds`` follows the module's timing rule."""

    exercise: str
    sets: int = 1
    reps: int | None = None
    hold_seconds: float | None = None
    per_side: bool = False
    seconds_per_rep: float | None = None
    rest_seconds: float = 0
    transition_seconds: float = vocab.TRANSITION_SECONDS["first"]
    note: str = ""
    why: str = ""
    #: The exercise this one stands in for and the caution that ruled it out, e.g.
    #: {"exercise": "copenhagen-plank", "caution": "postnatal-early"}.
    replaced: dict[str, str] | None = None
    #: Stable while the item is edited or moved; not saved in files (a loaded plan gets new keys).
    key: str = field(default_factory=new_key, compare=False, repr=False)

    @property
    def sides(self) -> int:
        return 2 if self.per_side else 1

    @property
    def is_hold(self) -> bool:
        return self.hold_seconds is not None

    @property
    def dose(self) -> float:
        """The number the fitter moves: hold seconds for a hold, else reps."""
        return self.hold_seconds if self.is_hold else (self.reps or 0)

    @dose.setter
    def dose(self, value: float) -> None:
        if self.is_hold:
            self.hold_seconds = int(value) if float(value).is_integer() else value
        else:
            self.reps = int(value)

    def work_for(self, dose: float) -> float:
        """One set on one side at ``dose``: the hold, or reps x seconds per rep."""
        if self.is_hold:
            return float(dose)
        per_rep = self.seconds_per_rep if self.seconds_per_rep is not None else vocab.DEFAULT_SECONDS_PER_REP
        return float(dose * per_rep)

    @property
    def work_seconds(self) -> float:
        """One set on one side: the hold, or reps x seconds per rep."""
        return self.work_for(self.dose)

    def seconds_for(self, sets: int, dose: float, rest: float) -> float:
        """The timing rule for this item at another dosage (the fitter tries options with it)."""
        sets = max(int(sets), 0)
        return (
            self.sides * sets * self.work_for(dose)
            + self.sides * max(sets - 1, 0) * float(rest)
            + float(self.transition_seconds)
        )

    @property
    def seconds(self) -> float:
        """sides x sets x work + sides x (sets - 1) x rest + transition."""
        return self.seconds_for(self.sets, self.dose, self.rest_seconds)

    def describe(self) -> str:
        """E.g. '2 × 10 reps each side' or '1 × 30 s hold'."""
        return dosage_words(self.sets, self.reps, self.hold_seconds, self.per_side)

    def to_record(self) -> dict[str, Any]:
        return {
            "exercise": self.exercise,
            "sets": self.sets,
            "reps": self.reps,
            "hold_seconds": None if self.hold_seconds is None else record_number(self.hold_seconds),
            "per_side": self.per_side,
            "seconds": record_number(self.seconds),
            "why": self.why,
            "seconds_per_rep": None if self.seconds_per_rep is None else record_number(self.seconds_per_rep),
            "rest_seconds": record_number(self.rest_seconds),
            "transition_seconds": record_number(self.transition_seconds),
            "note": self.note,
            "replaced": dict(self.replaced) if self.replaced else None,
        }


@dataclass
class Section:
    name: str
    items: list[PlanItem] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return sum(item.seconds for item in self.items)
