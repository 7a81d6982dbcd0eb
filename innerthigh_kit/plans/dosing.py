"""Dosage rules: an exercise's default item, how far its dosage may move, and transition times.

``default_item(exercise)``: the library's sets, reps or hold, the category's rest
(``vocab.DEFAULT_REST``) and the first transition time. ``bounds(exercise, audience)``: how far
the fitter may move sets, reps or hold seconds and rest (stretch holds 20-45 s, 30-60 s for
older adults; warm-up holds at most 30 s; reps from half to one and a half times the default;
rests by category; ``vocab.LIMITS``). A back-lying item takes at most what the group's
programme allows in one go (data/programmes.yaml). ``set_transitions(pairs, audience)``: 10 s in
the same position, 20 s between standing and the floor, else 15 s; 5 s more when new equipment
comes out (``vocab.TRANSITION_SECONDS``); between standing and the floor, more for the groups
that need it (``vocab.TRANSITION_EXTRA``: from the second trimester, older adults). The builder,
a series and an edited plan (``ClassPlan.set_transitions``) all time changes by this one rule.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from .. import vocab
from ..exercises import Exercise
from ..words import reasons_sentence
from .items import PlanItem
from .programmes import combined_limits, programmes_for
from .request import Audience


def default_item(exercise: Exercise) -> PlanItem:
    """An item with the library's default dosage, the category's rest and the first transition."""
    dosage = exercise.dosage
    return PlanItem(
        exercise=exercise.id,
        sets=dosage.sets,
        reps=dosage.reps,
        hold_seconds=dosage.hold_seconds,
        per_side=exercise.per_side,
        seconds_per_rep=dosage.seconds_per_rep,
        rest_seconds=vocab.DEFAULT_REST[exercise.category],
        transition_seconds=vocab.TRANSITION_SECONDS["first"],
        why=reasons_sentence(exercise.honest_reasons),
    )


def transition_seconds(previous: Exercise | None, exercise: Exercise, audience: Audience) -> float:
    """Seconds to get from ``previous`` into ``exercise`` (None: the first of the class) for
    ``audience``: getting down to the floor or back up takes some groups longer."""
    seconds = vocab.TRANSITION_SECONDS
    if previous is None:
        return seconds["first"]
    if previous.position == exercise.position:
        time = seconds["same"]
    elif "standing" in (previous.position, exercise.position):
        time = seconds["standing"] + vocab.TRANSITION_EXTRA.get(audience.population, 0)
    else:
        time = seconds["other"]
    if set(exercise.equipment) - set(previous.equipment):
        time += seconds["new_equipment"]
    return time


def set_transitions(pairs: Iterable[tuple[Exercise, PlanItem]], audience: Audience) -> None:
    """Give each item, in class order, the transition time from the exercise before it."""
    previous = None
    for exercise, item in pairs:
        item.transition_seconds = transition_seconds(previous, exercise, audience)
        previous = exercise


@dataclass
class Bounds:
    sets: tuple[int, int]
    doses: list[float]  # allowed reps, or allowed hold seconds
    rest: tuple[float, float]
    cap: float | None  # most seconds the item may take (supine in later pregnancy; one long item)
    floor: tuple[int, float] | None = None  # (sets, dose) not to go below (week to week)
    hard_cap: float | None = None  # the part of ``cap`` that never gives way (supine in later pregnancy)

    def lift_item_cap(self) -> None:
        """Let the item run longer than ``ITEM_MOST_SECONDS`` when the library has nothing else."""
        self.cap = self.hard_cap


def _hold_range(exercise: Exercise, audience: Audience) -> tuple[float, float]:
    hold, category = float(exercise.dosage.hold_seconds), exercise.category
    limits = vocab.LIMITS
    if category in ("stretch", "cool-down", "mobility"):
        name = "older_adult_stretch_hold" if audience.population == "older-adult" else "stretch_hold"
        return limits[name].low, limits[name].high
    if category == "warm-up":
        return limits["warm_up_hold"].low, limits["warm_up_hold"].high
    return max(5, hold * 0.5), hold * 1.5


def _doses(exercise: Exercise, audience: Audience) -> list[float]:
    dosage = exercise.dosage
    if dosage.hold_seconds is None:
        reps = dosage.reps
        low, high = max(3, math.ceil(reps * 0.5)), max(reps, min(25, math.ceil(reps * 1.5)))
        return list(range(low, high + 1))
    hold = float(dosage.hold_seconds)
    low, high = _hold_range(exercise, audience)
    step = 5 if hold >= 10 else 1
    low, high = min(low, hold), max(high, hold)
    return sorted({hold, *(low + step * k for k in range(int((high - low) // step) + 1))})


def bounds(exercise: Exercise, audience: Audience, floor: tuple[int, float] | None = None) -> Bounds:
    """How far an item's dosage may move from the library's default while the plan is fitted.

    ``floor`` (sets, dose): in a series, last week's dosage, which this week may not go below.
    """
    strength_like = exercise.category in vocab.STRENGTH_CATEGORIES
    tops = vocab.FITTED_SETS_TOP
    if strength_like:
        top = tops["athlete strength"] if audience.population == "athlete" else tops["strength"]
    else:
        top = tops["other"]
    sets = (1, max(exercise.dosage.sets, top))
    doses = _doses(exercise, audience)
    if floor:
        sets = (sets[0], max(sets[1], floor[0]))
        step = (doses[-1] - doses[-2]) if len(doses) > 1 else 1
        while doses[-1] < floor[1]:
            doses.append(doses[-1] + step)
        doses = sorted({*doses, floor[1]})
    rest_low, rest_high = vocab.REST_RANGE[exercise.category]
    rest = vocab.DEFAULT_REST[exercise.category]
    cap, hard = vocab.ITEM_MOST_SECONDS, None  # more time goes to another exercise, not one long item
    if exercise.position == "supine":
        hard = combined_limits(programmes_for(audience)).get("supine_run_seconds")
        cap = min(cap, hard) if hard else cap
    return Bounds(sets, doses, (min(rest_low, rest), max(rest_high, rest)), cap, floor, hard)
