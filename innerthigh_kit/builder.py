"""Build a class plan from a request: choose, order, dose and time the exercises.

``build_plan(request, library, seed)`` works in four steps, each a rule that can be read here:

1. **Choose** for each section (vocab.SECTION_CATEGORIES) the exercises that fit the level and the
   equipment, covering as many of the five reasons as the library allows. When the best next
   exercise is ruled out by a caution of the audience, its regression (or else the closest
   same-category exercise) stands in, and the item records what it replaced and why.
2. **Order**: easier before harder in strength, few position changes; in later pregnancy no long
   runs lying on the back (EVIDENCE.md §2.11: supine bouts of about 2-3 minutes).
3. **Transitions**: 10 s in the same position, 20 s between standing and the floor, else 15 s;
   5 s more when new equipment comes out.
4. **Fit the time**: each section gets its share of the class by focus (vocab.FOCUS_SHARES); sets,
   reps, holds and rests move within sensible bounds (``_bounds``) until the total is within
   1.5 % of the target where possible, and always within 5 %, or a ``PlanError`` says what to relax.

The same seed always gives the same plan; ``seed=None`` means seed 0.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from . import vocab
from .errors import PlanError
from .explain import short_why
from .plans import Audience, ClassPlan, ClassRequest, PlanItem, Section

TOLERANCE = 0.05  # the promise: total within 5 % of the target
AIM = 0.015  # what the fitter aims for, leaving room for later edits
SUPINE_LIMIT = 180  # seconds on the back in one go, from ~20 weeks of pregnancy
LATE_PREGNANCY = ("prenatal-t2", "prenatal-t3")
FLOW = ("standing", "kneeling", "quadruped", "prone", "side-lying", "seated", "supine")
DEFAULT_REST = {"warm-up": 0, "mobility": 5, "activation": 15, "strength": 30, "stretch": 5,
                "cool-down": 0}
REST_RANGE = {"warm-up": (0, 10), "mobility": (0, 10), "activation": (10, 30),
              "strength": (15, 60), "stretch": (0, 10), "cool-down": (0, 10)}


def default_item(exercise, audience: Audience, section: str | None = None) -> PlanItem:
    """An item with the library's default dosage and the rest and transition rules."""
    dosage = exercise.dosage
    return PlanItem(
        exercise=exercise.id, sets=dosage.sets, reps=dosage.reps,
        hold_seconds=dosage.hold_seconds, per_side=exercise.per_side,
        seconds_per_rep=dosage.seconds_per_rep, rest_seconds=DEFAULT_REST[exercise.category],
        transition_seconds=15, why=short_why(exercise))


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
        return (b.sets[0] <= sets <= b.sets[1] and b.doses[0] <= dose <= b.doses[-1]
                and b.rest[0] <= rest <= b.rest[1])

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


# --------------------------------------------------------------------------- choosing


class _Chooser:
    """Picks exercises for each section and remembers what stood in for what."""

    def __init__(self, request: ClassRequest, library, rng: random.Random):
        self.request, self.library, self.rng = request, library, rng
        self.tags = request.caution_tags
        self.used: set[str] = set()
        self.ruled_out: set[str] = set()  # each ruled-out exercise is stood in for once
        self.covered: set[str] = set()

    def fits(self, exercise, level=None, equipment=None) -> bool:
        level = self.request.level if level is None else level
        equipment = self.request.equipment_available if equipment is None else equipment
        return exercise.level <= level and not exercise.needs(equipment)

    def allowed(self, exercise) -> bool:
        return self.fits(exercise) and not exercise.clashes(self.tags)

    def candidates(self, categories, include_ruled_out: bool = False) -> list:
        found = [e for e in self.library if e.category in categories and e.id not in self.used
                 and e.id not in self.ruled_out and self.fits(e)
                 and (include_ruled_out or not e.clashes(self.tags))]
        self.rng.shuffle(found)
        return found

    def substitute(self, exercise, categories):
        """The regression that fits, or else the closest allowed exercise of the same kind."""
        seen, link = set(), exercise.regression
        while link and link not in seen and link in self.library:
            seen.add(link)
            option = self.library.get(link)
            if option.category in categories and option.id not in self.used \
                    and self.allowed(option):
                return option
            link = option.regression
        options = [e for e in self.candidates(categories) if e.category == exercise.category] \
            or self.candidates(categories)
        if not options:
            return None
        wanted = set(exercise.reasons)
        return max(options, key=lambda e: (len(wanted & set(e.reasons)),
                                           e.position == exercise.position))

    def score(self, exercise, categories) -> tuple:
        """New reasons first, then the better evidence, the class's own level, the main kind."""
        new = len(set(exercise.reasons) - self.covered)
        evidence = vocab.EVIDENCE[::-1].index(exercise.evidence)
        return (new, evidence, -abs(self.request.level - exercise.level),
                exercise.category == categories[0])

    def take(self, exercise, replaced=None, ruled_by=None) -> tuple:
        self.used.add(exercise.id)
        self.covered |= set(exercise.reasons)
        facts = {"exercise": replaced.id, "caution": ruled_by} if replaced else None
        return exercise, facts

    def next_for(self, categories) -> tuple | None:
        """The best next exercise for a section, or None when nothing is left."""
        options = self.candidates(categories, include_ruled_out=True)
        while options:
            best = max(options, key=lambda e: self.score(e, categories))
            clashes = best.clashes(self.tags)
            if not clashes:
                return self.take(best)
            options.remove(best)
            self.ruled_out.add(best.id)
            stand_in = self.substitute(best, categories)
            if stand_in is not None:
                return self.take(stand_in, best, clashes[0].tag)
        return None


def _relaxations(chooser: _Chooser, categories) -> list[str]:
    """What would let an exercise of ``categories`` in: a level, one piece of kit, a condition."""
    request, library = chooser.request, chooser.library
    pool = [e for e in library if e.category in categories]
    fixes = []
    for level in vocab.LEVELS:
        if level > request.level and any(chooser.fits(e, level=level) and not
                                          e.clashes(chooser.tags) for e in pool):
            fixes.append(f"allow level {level}")
            break
    kit = [f"add {vocab.EQUIPMENT_WORDS[extra]}"
           for extra in vocab.EQUIPMENT if extra not in request.equipment_available
           and any(chooser.fits(e, equipment=(*request.equipment_available, extra))
                   and not e.clashes(chooser.tags) for e in pool)]
    fixes += kit[:3]
    for condition in request.conditions:
        others = [t for t in chooser.tags if t != condition]
        if any(chooser.fits(e) and not e.clashes(others) for e in pool):
            fixes.append(f"plan the people with '{condition}' in a class of their own")
    return fixes


def _empty_section_error(chooser: _Chooser, section: str, categories) -> PlanError:
    request = chooser.request
    kinds = " or ".join(categories)
    if not any(e.category in categories for e in chooser.library):
        return PlanError(f"The library has no {kinds} exercise at all, so no {section} can be "
                         "planned. Add one to the library (check it with `innerthigh-kit "
                         "validate`).")
    kit = ", ".join(e for e in request.equipment if e != "mat") or "no equipment"
    who = vocab.POPULATION_WORDS[request.population]
    conditions = f" with {', '.join(request.conditions)}" if request.conditions else ""
    fixes = _relaxations(chooser, categories) or [
        f"add a {kinds} exercise that suits {who}{conditions} to the library"]
    return PlanError(f"No {kinds} exercise fits level {request.level} with {kit} for {who}"
                     f"{conditions}, so the {section} cannot be planned. To relax: "
                     f"{'; or '.join(fixes)}.")


# --------------------------------------------------------------------------- ordering


def _order(items: list, section: str) -> list:
    """Easier before harder in strength; otherwise warm-up moves first, then by position."""
    def key(pair):
        exercise = pair[0]
        flow = FLOW.index(exercise.position)
        if section == "strength":
            return (exercise.level, flow)
        return (exercise.category != vocab.SECTION_CATEGORIES.get(section, ("",))[0], flow)

    return sorted(items, key=key)


def _set_transitions(slots: list[_Slot]) -> None:
    previous = None
    for slot in slots:
        exercise = slot.exercise
        if previous is None or previous.position == exercise.position:
            seconds = 10 if previous is not None else 15
        elif "standing" in (previous.position, exercise.position):
            seconds = 20
        else:
            seconds = 15
        if previous is not None and set(exercise.equipment) - set(previous.equipment):
            seconds += 5
        slot.item.transition_seconds = seconds
        previous = exercise


def _break_supine_runs(plan_slots: dict[str, list[_Slot]]) -> None:
    """In later pregnancy, split runs of back-lying items with a neighbour from the same section."""
    for section, slots in plan_slots.items():
        for index in range(1, len(slots)):
            if slots[index].exercise.position == "supine" == slots[index - 1].exercise.position:
                for other in range(index + 1, len(slots)):
                    candidate = slots[other].exercise
                    same_level = section != "strength" or \
                        candidate.level == slots[index].exercise.level
                    if candidate.position != "supine" and same_level:
                        slots[index], slots[other] = slots[other], slots[index]
                        break


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
            key = (round(abs(_seconds(item, sets, dose, rest) - aim)),
                   abs(sets - default_sets), abs(dose - default_dose))
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
    options = [(sets + 1, dose, rest), (sets - 1, dose, rest), (sets, dose, rest + 5),
               (sets, dose, rest - 5)]
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
                key = (round(abs(error + delta)), abs(deviation + delta))
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


# --------------------------------------------------------------------------- building


def _default_seconds(exercise, audience: Audience) -> float:
    return default_item(exercise, audience).seconds


def _slots(chosen: dict[str, list], audience: Audience, floors=None) -> dict[str, list[_Slot]]:
    """Items for the chosen exercises, ordered, with transitions, ready to fit."""
    floors = floors or {}
    plan_slots = {}
    for section, picks in chosen.items():
        slots = []
        for exercise, facts in _order(picks, section):
            item = default_item(exercise, audience, section)
            item.replaced = facts
            if exercise.id in floors:
                item.sets, item.rest_seconds = floors[exercise.id][0], item.rest_seconds
                _set_dose(item, floors[exercise.id][1])
            slots.append(_Slot(item, exercise, section,
                               _bounds(exercise, audience, floors.get(exercise.id))))
        plan_slots[section] = slots
    if audience.population in LATE_PREGNANCY:
        _break_supine_runs(plan_slots)
    _set_transitions([slot for slots in plan_slots.values() for slot in slots])
    return plan_slots


def _choose(chooser: _Chooser, targets: dict[str, float], audience: Audience) -> dict:
    chosen: dict[str, list] = {name: [] for name in vocab.DEFAULT_SECTIONS}
    # Strength and activation choose first: they serve the most reasons.
    for section in sorted(chosen, key=lambda s: s not in vocab.STRENGTH_CATEGORIES):
        categories = vocab.SECTION_CATEGORIES[section]
        planned = 0.0
        while planned < 0.85 * targets[section]:
            pick = chooser.next_for(categories)
            if pick is None:
                break
            chosen[section].append(pick)
            planned += _default_seconds(pick[0], audience)
        if not chosen[section]:
            raise _empty_section_error(chooser, section, categories)
    for reason in vocab.REASONS:  # cover the five reasons where the library allows
        if reason in chooser.covered:
            continue
        for section in chosen:
            categories = vocab.SECTION_CATEGORIES[section]
            extra = [e for e in chooser.candidates(categories) if reason in e.reasons]
            if extra:
                chosen[section].append(chooser.take(extra[0]))
                break
    return chosen


def _capacity_error(chooser: _Chooser, most: float) -> PlanError:
    request = chooser.request
    fixes = [f"shorten the class to {max(15, int(most // 60))} minutes"]
    fixes += _relaxations(chooser, vocab.CATEGORIES)
    return PlanError(f"The library has too few exercises for a {request.minutes}-minute class "
                     f"at level {request.level} with this equipment and these needs: they fill "
                     f"about {most / 60:.0f} minutes. To relax: {'; or '.join(fixes)}.")


def _balance_count(chooser, chosen, targets, audience, floors):
    """Add exercises while the class cannot be long enough, drop while it must be too long."""
    target = sum(targets.values())
    for _ in range(60):
        plan_slots = _slots(chosen, audience, floors)
        flat = [slot for slots in plan_slots.values() for slot in slots]
        most, least = sum(s.most for s in flat), sum(s.least for s in flat)
        if most < target * (1 - AIM):
            deficits = sorted(chosen, key=lambda n: sum(s.most for s in plan_slots[n])
                              - targets[n])
            for section in deficits:
                pick = chooser.next_for(vocab.SECTION_CATEGORIES[section])
                if pick is not None:
                    chosen[section].append(pick)
                    break
            else:
                if most < target * (1 - TOLERANCE):
                    raise _capacity_error(chooser, most)
                return plan_slots
        elif least > target * (1 + AIM):
            surplus = sorted(chosen, key=lambda n: targets[n]
                             - sum(s.least for s in plan_slots[n]))
            for section in surplus:
                if _drop_one(chosen[section]):
                    break
            else:
                return plan_slots
        else:
            return plan_slots
    return plan_slots


def _drop_one(picks: list) -> bool:
    """Drop the last-chosen exercise whose reasons others still cover; keep one per section."""
    if len(picks) < 2:
        return False
    for index in range(len(picks) - 1, -1, -1):
        others = {r for j, (e, _) in enumerate(picks) if j != index for r in e.reasons}
        if set(picks[index][0].reasons) <= others or index == len(picks) - 1:
            del picks[index]
            return True
    return False


def build_plan(request: ClassRequest, library, seed: int | None = None, *,
               title: str | None = None, _floors: dict | None = None) -> ClassPlan:
    """A class plan for ``request`` from ``library``; the same seed gives the same plan.

    Raises ``PlanError`` saying what to relax when the library cannot meet the request.
    """
    if not isinstance(request, ClassRequest):
        raise PlanError("build_plan needs a ClassRequest, e.g. ClassRequest(minutes=45, "
                        "level=1, equipment=['small-ball'], population='postnatal').")
    rng = random.Random(0 if seed is None else seed)
    chooser = _Chooser(request, library, rng)
    audience = request.audience()
    target = request.minutes * 60
    shares = vocab.FOCUS_SHARES[request.focus]
    targets = {name: shares[name] * target for name in vocab.DEFAULT_SECTIONS}
    chosen = _choose(chooser, targets, audience)
    plan_slots = _balance_count(chooser, chosen, targets, audience, _floors)
    flat = [slot for slots in plan_slots.values() for slot in slots]
    error = _fit(flat, targets, target)
    if abs(error) > TOLERANCE * target:
        raise _capacity_error(chooser, sum(slot.item.seconds for slot in flat))
    who = vocab.POPULATION_WORDS[request.population]
    plan = ClassPlan(
        title or f"Inner thighs, strong and mobile: {request.minutes} min for {who}, "
        f"level {request.level}",
        request.minutes, audience,
        [Section(name, [slot.item for slot in plan_slots[name]]) for name in plan_slots])
    return plan


# The builder's public companions live in their own modules (each under ~400 lines); they are
# imported here so ``from innerthigh_kit.builder import build_series, check_plan`` works too.
from .checks import Finding, check_plan  # noqa: E402
from .series import build_series, check_series, week_load  # noqa: E402

__all__ = ["build_plan", "build_series", "check_plan", "check_series", "default_item",
           "Finding", "week_load"]
