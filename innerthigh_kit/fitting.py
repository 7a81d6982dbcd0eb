"""Fitting a class to its length: how far each item's dosage may move, and the fitter.

Each item gets bounds (``_bounds``): sets, reps or hold seconds and rest may move within sensible
ranges around the library's default (stretch holds 20-45 s, 30-60 s for older adults; warm-up
holds at most 30 s; reps from half to one and a half times the default; rests by category). In
later pregnancy a back-lying item may take at most 3 minutes. ``_fit`` first gives every item the
option closest to its share of its section's time, then closes the remaining gap one small step
(a rep, 5 s of hold or rest, a set) at a time, always the step that brings the total closest.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from . import vocab
from .plans import Audience, PlanItem

TOLERANCE = 0.05  # the promise: total within 5 % of the target
AIM = 0.015  # what the fitter aims for, leaving room for later edits
NEAR = 10  # seconds: options this close to an item's share of time count as equally good
SUPINE_LIMIT = 180  # seconds on the back in one go, from ~20 weeks of pregnancy
LATE_PREGNANCY = ("prenatal-t2", "prenatal-t3")
DEFAULT_REST = {"warm-up": 0, "mobility": 5, "activation": 15, "strength": 30, "stretch": 5, "cool-down": 0}
REST_RANGE = {
    "warm-up": (0, 10),
    "mobility": (0, 10),
    "activation": (10, 30),
    "strength": (15, 60),
    "stretch": (0, 10),
    "cool-down": (0, 10),
}


# --------------------------------------------------------------------------- dosage bounds


@dataclass
class _Bounds:
    sets: tuple[int, int]
    doses: list[float]  # allowed reps, or allowed hold seconds
    rest: tuple[float, float]
    cap: float | None  # most seconds the item may take (supine in later pregnancy)
    floor: tuple[int, float] | None = None  # (sets, dose) not to go below (week to week)


def _bounds(exercise, audience: Audience, floor: tuple[int, float] | None = None) -> _Bounds:
    """How far an item's dosage may move from the library's default while the plan is fitted.

    ``floor`` (sets, dose): in a series, last week's dosage, which this week may not go below.
    """
    dosage, category = exercise.dosage, exercise.category
    strength_like = category in vocab.STRENGTH_CATEGORIES
    top = 4 if strength_like and audience.population == "athlete" else 3 if strength_like else 2
    sets = (1, max(dosage.sets, top))
    if dosage.hold_seconds is not None:
        hold = float(dosage.hold_seconds)
        if category in ("stretch", "cool-down", "mobility"):
            # ACSM: 10-30 s to mild tightness, 30-60 s may help older adults (EVIDENCE.md §2.10)
            low, high = (30, 60) if audience.population == "older-adult" else (20, 45)
        elif category == "warm-up":
            low, high = 10, 30  # keep static holds short before the work
        else:
            low, high = max(5, hold * 0.5), hold * 1.5
        step = 5 if hold >= 10 else 1
        low, high = min(low, hold), max(high, hold)
        doses = sorted({hold, *(low + step * k for k in range(int((high - low) // step) + 1))})
    else:
        reps = dosage.reps
        low, high = max(3, math.ceil(reps * 0.5)), max(reps, min(25, math.ceil(reps * 1.5)))
        doses = list(range(low, high + 1))
    if floor:
        sets = (sets[0], max(sets[1], floor[0]))
        step = (doses[-1] - doses[-2]) if len(doses) > 1 else 1
        while doses[-1] < floor[1]:
            doses.append(doses[-1] + step)
        doses = sorted({*doses, floor[1]})
    rest_low, rest_high = REST_RANGE[category]
    rest = DEFAULT_REST[category]
    cap = None
    if audience.population in LATE_PREGNANCY and exercise.position == "supine":
        cap = SUPINE_LIMIT
    return _Bounds(sets, doses, (min(rest_low, rest), max(rest_high, rest)), cap, floor)


def _seconds(item: PlanItem, sets: int, dose: float, rest: float) -> float:
    per_rep = item.seconds_per_rep or 0
    work = dose if item.hold_seconds is not None else dose * per_rep
    return item.sides * sets * work + item.sides * (sets - 1) * rest + item.transition_seconds


def _dose(item: PlanItem) -> float:
    return item.hold_seconds if item.hold_seconds is not None else item.reps


def _set_dose(item: PlanItem, dose: float) -> None:
    if item.hold_seconds is not None:
        item.hold_seconds = int(dose) if float(dose).is_integer() else dose
    else:
        item.reps = int(dose)


@dataclass
class _Slot:
    item: PlanItem
    exercise: object
    section: str
    bounds: _Bounds

    def allowed(self, sets: int, dose: float, rest: float) -> bool:
        b = self.bounds
        if b.floor and (sets < b.floor[0] or dose < b.floor[1]):
            return False
        if b.cap is not None and _seconds(self.item, sets, dose, rest) > max(b.cap, self.least):
            return False
        return (
            b.sets[0] <= sets <= b.sets[1]
            and b.doses[0] <= dose <= b.doses[-1]
            and b.rest[0] <= rest <= b.rest[1]
        )

    @property
    def least(self) -> float:
        b = self.bounds
        sets, dose = b.sets[0], b.doses[0]
        if b.floor:
            sets, dose = max(sets, b.floor[0]), max(dose, b.floor[1])
        return _seconds(self.item, sets, dose, b.rest[0])

    @property
    def most(self) -> float:
        b = self.bounds
        most = _seconds(self.item, b.sets[1], b.doses[-1], b.rest[1])
        return min(most, max(b.cap, self.least)) if b.cap is not None else most


# --------------------------------------------------------------------------- fitting the time


def _nearest(slot: _Slot, aim: float) -> None:
    """Set the item's sets and dose to the allowed option closest to ``aim`` seconds."""
    item, bounds = slot.item, slot.bounds
    rest = min(max(item.rest_seconds, bounds.rest[0]), bounds.rest[1])
    default_sets, default_dose = item.sets, _dose(item)
    best = None
    for sets in range(bounds.sets[0], bounds.sets[1] + 1):
        for dose in bounds.doses:
            if not slot.allowed(sets, dose, rest):
                continue
            # within 10 s of the aim counts as a tie, won by the dosage nearest the library's
            # (an instructor would rather teach 2 x 8 than 3 x 4 for the same time)
            key = (
                round(abs(_seconds(item, sets, dose, rest) - aim) / NEAR),
                abs(sets - default_sets),
                abs(dose - default_dose),
            )
            if best is None or key < best[0]:
                best = (key, sets, dose)
    if best is not None:
        item.sets, item.rest_seconds = best[1], rest
        _set_dose(item, best[2])


def _moves(slot: _Slot):
    """The one-step changes of an item: a set, a rep or hold step, 5 s of rest, each way."""
    item, doses = slot.item, slot.bounds.doses
    sets, dose, rest = item.sets, _dose(item), item.rest_seconds
    index = min(range(len(doses)), key=lambda i: abs(doses[i] - dose))
    options = [(sets + 1, dose, rest), (sets - 1, dose, rest), (sets, dose, rest + 5), (sets, dose, rest - 5)]
    options += [(sets, doses[i], rest) for i in (index - 1, index + 1) if 0 <= i < len(doses)]
    return [option for option in options if slot.allowed(*option)]


def _fit(slots: list[_Slot], targets: dict[str, float], target: float) -> float:
    """Share each section's time among its items, then close the gap a step at a time."""
    sections: dict[str, list[_Slot]] = {}
    for slot in slots:
        sections.setdefault(slot.section, []).append(slot)
    for name, group in sections.items():
        weights = [max(slot.item.seconds, 1.0) for slot in group]
        for slot, weight in zip(group, weights, strict=True):
            _nearest(slot, targets.get(name, 0) * weight / sum(weights))
    actual = {name: sum(slot.item.seconds for slot in group) for name, group in sections.items()}
    error = sum(actual.values()) - target
    for _ in range(600):
        if abs(error) <= AIM * target:
            break
        best = None
        for slot in slots:
            now = slot.item.seconds
            deviation = actual[slot.section] - targets.get(slot.section, 0)
            for move in _moves(slot):
                delta = _seconds(slot.item, *move) - now
                key = (
                    round(abs(error + delta) / NEAR),
                    abs(move[0] - slot.exercise.dosage.sets),  # keep the library's sets
                    round(abs(error + delta)),
                    abs(deviation + delta),
                )
                if abs(error + delta) < abs(error) and (best is None or key < best[0]):
                    best = (key, slot, move, delta)
        if best is None:
            break
        _, slot, (sets, dose, rest), delta = best
        slot.item.sets, slot.item.rest_seconds = sets, rest
        _set_dose(slot.item, dose)
        actual[slot.section] += delta
        error += delta
    return error
