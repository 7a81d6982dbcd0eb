"""A series of weekly classes that asks a little more each week, and the check that it does.

``build_series(request, weeks=4)``: week 1 is ``build_plan``; each later week keeps the class
length and the exercises, and every strength or activation item progresses one step: its harder
version from week 3 on when the library has one that suits the class, otherwise more reps (about
10 %), a longer hold (5 s) or, at the top of its range, one more set. Last week's dosage is the
floor of this week's, so no item gets easier; the rest of the class (warm-up, stretches, rests)
gives up the time. A progression that cannot fit the class length is left for a later week.

``week_load(plan, library)`` (level x sides x sets x working seconds, over the strength work)
and ``check_series(plans, library)`` show that no week is easier than the one before.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .. import vocab
from ..errors import PlanError
from ..exercises import Exercise, Library, load_library
from .build import build_plan
from .checks import Finding
from .dosing import bounds, default_item, set_transitions
from .fit import Slot, fit
from .items import PlanItem
from .model import ClassPlan
from .request import Audience, ClassRequest
from .twins import twin_kind


def _strength_like(exercise: Exercise) -> bool:
    return exercise.category in vocab.STRENGTH_CATEGORIES


def week_load(plan: ClassPlan, library: Library) -> float:
    """How much strength work a class asks: sum of level x sides x sets x working seconds."""
    load = 0.0
    for _, item in plan.items():
        if item.exercise in library and _strength_like(library.get(item.exercise)):
            exercise = library.get(item.exercise)
            load += exercise.level * item.sides * item.sets * item.work_seconds
    return load


@dataclass(frozen=True)
class SeriesWeek:
    """One week of a series in numbers, for a table: what it holds and how much it asks."""

    week: int
    exercises: int
    average_level: float
    strength_seconds: float  # working time of the strength work, both sides, every set
    load: float  # week_load: level x sides x sets x working seconds
    load_vs_first: float  # load as a share of week 1's (1.08 = 8 % more)
    total_seconds: float


def series_summary(plans: list[ClassPlan], library: Library) -> list[SeriesWeek]:
    """A row per week: exercises, average level, strength work and load (``week_load``), time."""
    rows, first = [], None
    for week, plan in enumerate(plans, start=1):
        known = [(item, library.get(item.exercise)) for _, item in plan.items() if item.exercise in library]
        levels = [exercise.level for _, exercise in known]
        strength = sum(item.sides * item.sets * item.work_seconds for item, e in known if _strength_like(e))
        load = week_load(plan, library)
        first = load if first is None else first
        rows.append(
            SeriesWeek(
                week,
                len(plan.exercise_ids),
                sum(levels) / len(levels) if levels else 0.0,
                strength,
                load,
                load / first if first else 1.0,
                plan.total_seconds,
            )
        )
    return rows


def _harder(item: PlanItem, before) -> bool:
    """Whether ``item`` (this week) asks at least as much as ``before`` (last week)."""
    return item.sets >= before.sets and item.dose >= before.dose


def check_series(plans: list[ClassPlan], library: Library) -> list[Finding]:
    """Findings for any week easier than the week before (none means the series progresses)."""
    findings = []
    for week, (before, after) in enumerate(zip(plans, plans[1:], strict=False), start=2):
        if week_load(after, library) < week_load(before, library):
            findings.append(
                Finding(
                    "error",
                    f"Week {week} asks less strength work than week {week - 1}.",
                    fix="Raise its sets, reps or holds.",
                )
            )
        old = {i.exercise: i for _, i in before.items()}
        for section, item in after.items():
            previous = old.get(item.exercise)
            if (
                previous
                and item.exercise in library
                and _strength_like(library.get(item.exercise))
                and not _harder(item, previous)
            ):
                findings.append(
                    Finding(
                        "error",
                        f"Week {week}: {library.get(item.exercise).name} is easier than in week {week - 1}.",
                        section=section.name,
                        item=item.exercise,
                        fix="Keep last week's dosage.",
                    )
                )
    return findings


def _step(item: PlanItem, exercise: Exercise, bounds_doses) -> tuple[int, float]:
    """One step up in dosage: ~10 % more reps, 5 s more hold, or one more set at the top."""
    dose = item.dose
    if item.hold_seconds is not None:
        bigger = dose + (5 if dose >= 10 else 1)
    else:
        bigger = dose + max(1, math.ceil(dose * 0.1))
    if bigger <= max(bounds_doses[-1], dose):
        return item.sets, bigger
    return item.sets + 1, dose


def _progress_week(previous: ClassPlan, request: ClassRequest, library: Library, week: int) -> ClassPlan:
    plan = previous.copy()
    plan.title = previous.title.split(" (week")[0] + f" (week {week})"
    audience = plan.audience
    used = set(plan.exercise_ids)
    changes = []  # (section index, item index, new item or None, floor (sets, dose))
    for s, section in enumerate(plan.sections):
        for i, item in enumerate(section.items):
            if item.exercise not in library or not _strength_like(library.get(item.exercise)):
                continue
            exercise = library.get(item.exercise)
            harder = _harder_version(exercise, request, library, used) if week >= 3 else None
            others = [
                library.get(o.exercise) for o in section.items if o is not item and o.exercise in library
            ]
            if harder is not None and any(twin_kind(harder, other, library) for other in others):
                harder = None  # no near-twin of another exercise of the section (twins.py)
            new = _swap_in(harder, item, exercise, audience, section.name) if harder else None
            if new is not None:
                used.add(new.exercise)
                changes.append((s, i, new, (new.sets, new.dose)))
            else:
                changes.append((s, i, None, _step(item, exercise, bounds(exercise, audience).doses)))
    # Try every progression; when the class cannot hold them all, leave the last ones for later.
    for keep in range(len(changes), -1, -1):
        candidate = previous.copy()
        candidate.title = plan.title
        floors = {
            (s, i): (item.sets, item.dose)
            for s, section in enumerate(candidate.sections)
            for i, item in enumerate(section.items)
            if item.exercise in library and _strength_like(library.get(item.exercise))
        }
        for s, i, new, floor in changes[:keep]:
            if new is not None:
                candidate.sections[s].items[i] = new
            floors[(s, i)] = floor
        if _refit(candidate, library, floors):
            return candidate
    return previous.copy()


def _harder_version(exercise: Exercise, request: ClassRequest, library: Library, used: set):
    """The exercise's progression when it suits the class and is not already in it."""
    harder = library.get(exercise.progression) if exercise.progression in library else None
    if harder is None or harder.id in used or harder.category != exercise.category:
        return None
    if (
        harder.level > request.level
        or harder.needs(request.equipment_available)
        or harder.clashes(request.caution_tags)
    ):
        return None
    return harder


def _item_load(item: PlanItem, level: int) -> float:
    return level * item.sides * item.sets * item.work_seconds


def _swap_in(harder, item: PlanItem, exercise: Exercise, audience: Audience, section: str):
    """The harder version's item, dosed so it asks at least as much as the item it replaces."""
    new = default_item(harder)
    new.replaced = item.replaced
    doses = bounds(harder, audience).doses
    for _ in range(12):
        if _item_load(new, harder.level) >= _item_load(item, exercise.level):
            return new
        new.sets, dose = _step(new, harder, doses)
        new.dose = dose
    return None


def _refit(plan: ClassPlan, library: Library, floors: dict) -> bool:
    """Fit the plan's time again with the given floors; True when it lands within 5 %."""
    slots = []
    for s, section in enumerate(plan.sections):
        for i, item in enumerate(section.items):
            if item.exercise not in library:
                return False
            exercise = library.get(item.exercise)
            floor = floors.get((s, i))
            if floor:
                item.sets = floor[0]
                item.dose = floor[1]
            slots.append(Slot(item, exercise, section.name, bounds(exercise, plan.audience, floor)))
    set_transitions(((slot.exercise, slot.item) for slot in slots), plan.audience)
    target = plan.target_minutes * 60
    shares = vocab.FOCUS_SHARES[plan.audience.focus]
    targets = {name: share * target for name, share in shares.items()}
    error = fit(slots, targets, target)
    return abs(error) <= vocab.TIME_TOLERANCE * target


def build_series(
    request: ClassRequest, weeks: int = 4, library: Library | None = None, seed: int | None = None
) -> list[ClassPlan]:
    """``weeks`` classes for ``request``, each asking a little more than the week before."""
    limit = vocab.LIMITS["series_weeks"]
    if isinstance(weeks, bool) or not isinstance(weeks, int) or not limit.allows(weeks):
        raise PlanError(f"weeks is {weeks!r}; a series runs {limit.words()}.")
    if library is None:
        library = load_library()
    first = build_plan(request, library, seed)
    first.title += " (week 1)"
    plans = [first]
    for week in range(2, weeks + 1):
        plans.append(_progress_week(plans[-1], request, library, week))
    return plans
