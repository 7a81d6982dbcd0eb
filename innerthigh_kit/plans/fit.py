"""Fitting a class to its length: each item's dosage moves within its bounds until the time fits.

``fit(slots, targets, target)`` first gives every item the option closest to its share of its
section's time, then closes the remaining gap one small step (a rep, 5 s of hold or rest, a set)
at a time, always the step that brings the total closest. Every time it weighs comes from the
item's own timing rule (``PlanItem.seconds_for``), so the fitter and the plan never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import vocab
from ..exercises import Exercise
from .dosing import Bounds
from .items import PlanItem

NEAR = 10  # seconds: options this close to an item's share of time count as equally good


@dataclass
class Slot:
    item: PlanItem
    exercise: Exercise
    section: str
    bounds: Bounds

    def allowed(self, sets: int, dose: float, rest: float) -> bool:
        b = self.bounds
        if b.floor and (sets < b.floor[0] or dose < b.floor[1]):
            return False
        if b.cap is not None and self.item.seconds_for(sets, dose, rest) > max(b.cap, self.least):
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
        return self.item.seconds_for(sets, dose, b.rest[0])

    @property
    def most(self) -> float:
        b = self.bounds
        most = self.item.seconds_for(b.sets[1], b.doses[-1], b.rest[1])
        return min(most, max(b.cap, self.least)) if b.cap is not None else most


# --------------------------------------------------------------------------- fitting the time


def _nearest(slot: Slot, aim: float) -> None:
    """Set the item's sets and dose to the allowed option closest to ``aim`` seconds."""
    item, bounds = slot.item, slot.bounds
    rest = min(max(item.rest_seconds, bounds.rest[0]), bounds.rest[1])
    default_sets, default_dose = item.sets, item.dose
    best = None
    for sets in range(bounds.sets[0], bounds.sets[1] + 1):
        for dose in bounds.doses:
            if not slot.allowed(sets, dose, rest):
                continue
            # within 10 s of the aim counts as a tie, won by the dosage nearest the library's
            # (an instructor would rather teach 2 x 8 than 3 x 4 for the same time)
            key = (
                round(abs(item.seconds_for(sets, dose, rest) - aim) / NEAR),
                abs(sets - default_sets),
                abs(dose - default_dose),
            )
            if best is None or key < best[0]:
                best = (key, sets, dose)
    if best is not None:
        item.sets, item.rest_seconds = best[1], rest
        item.dose = best[2]


def _moves(slot: Slot):
    """The one-step changes of an item: a set, a rep or hold step, 5 s of rest, each way."""
    item, doses = slot.item, slot.bounds.doses
    sets, dose, rest = item.sets, item.dose, item.rest_seconds
    index = min(range(len(doses)), key=lambda i: abs(doses[i] - dose))
    options = [(sets + 1, dose, rest), (sets - 1, dose, rest), (sets, dose, rest + 5), (sets, dose, rest - 5)]
    options += [(sets, doses[i], rest) for i in (index - 1, index + 1) if 0 <= i < len(doses)]
    return [option for option in options if slot.allowed(*option)]


def section_range(name: str, target: float) -> tuple[float, float]:
    """The seconds a section may take in a class of ``target`` seconds (vocab.SECTION_TIME)."""
    least, low, high = vocab.SECTION_TIME.get(name, (0, 0.0, 1.0))
    return max(least, low * target), high * target


def _outside(seconds: float, bounds: tuple[float, float]) -> float:
    return max(bounds[0] - seconds, seconds - bounds[1], 0.0)


def _repair(sections: dict[str, list[Slot]], actual: dict[str, float], target: float) -> None:
    """Bring the warm-up and cool-down inside their range first, a step at a time."""
    for name in vocab.SECTION_TIME:
        bounds = section_range(name, target)
        for _ in range(100):
            if name not in sections or not _outside(actual[name], bounds):
                break
            steps = [
                (
                    _outside(actual[name] + slot.item.seconds_for(*move) - slot.item.seconds, bounds),
                    slot,
                    move,
                )
                for slot in sections[name]
                for move in _moves(slot)
            ]
            better = [step for step in steps if step[0] < _outside(actual[name], bounds)]
            if not better:
                break
            _, slot, (sets, dose, rest) = min(better, key=lambda step: step[0])
            before = slot.item.seconds
            slot.item.sets, slot.item.rest_seconds = sets, rest
            slot.item.dose = dose
            actual[name] += slot.item.seconds - before


def fit(slots: list[Slot], targets: dict[str, float], target: float) -> float:
    """Share each section's time among its items, keep the warm-up and cool-down in their range,
    then close the gap a step at a time."""
    sections: dict[str, list[Slot]] = {}
    for slot in slots:
        sections.setdefault(slot.section, []).append(slot)
    for name, group in sections.items():
        weights = [max(slot.item.seconds, 1.0) for slot in group]
        for slot, weight in zip(group, weights, strict=True):
            _nearest(slot, targets.get(name, 0) * weight / sum(weights))
    actual = {name: sum(slot.item.seconds for slot in group) for name, group in sections.items()}
    _repair(sections, actual, target)
    ranges = {name: section_range(name, target) for name in sections}
    error = sum(actual.values()) - target
    for _ in range(600):
        if abs(error) <= vocab.TIME_AIM * target:
            break
        best = None
        for slot in slots:
            now = slot.item.seconds
            deviation = actual[slot.section] - targets.get(slot.section, 0)
            for move in _moves(slot):
                delta = slot.item.seconds_for(*move) - now
                span = ranges[slot.section]
                if _outside(actual[slot.section] + delta, span) > _outside(actual[slot.section], span):
                    continue  # never out of the section's range
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
        slot.item.dose = dose
        actual[slot.section] += delta
        error += delta
    return error
