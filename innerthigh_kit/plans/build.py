"""Build a class plan from a request: choose, order, dose and time the exercises.

``build_plan(request, library, seed)`` works in four steps, each a rule that can be read here:

1. **Choose** for each section (vocab.SECTION_CATEGORIES) the exercises that fit the level and the
   equipment, covering as many reasons as the library allows (only those each exercise's movement
   trains: ``Exercise.honest_reasons``). When the best next
   exercise is ruled out by a caution of the audience, its regression (or else the closest
   same-category exercise) stands in, and the item records what it replaced and why.
2. **Order**: easier before harder in strength, few position changes; in later pregnancy no long
   runs lying on the back (EVIDENCE.md §2.11: supine bouts of about 2-3 minutes).
3. **Transitions**: 10 s in the same position, 20 s between standing and the floor (more from the
   second trimester and for older adults), else 15 s; 5 s more when new equipment comes out.
4. **Fit the time**: each section gets its share of the class by focus (vocab.FOCUS_SHARES); sets,
   reps, holds and rests move within sensible bounds (``dosing.bounds``) until the total is within
   1.5 % of the target where possible, and always within 5 %, or a ``PlanError`` says what to relax.

The same seed always gives the same plan; ``seed=None`` means seed 0.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from .. import vocab
from ..errors import PlanError
from ..exercises import Exercise, Library
from ..words import join_words
from .checks import check_plan, focus_miss
from .chooser import Chooser
from .dosing import bounds, default_item, set_transitions
from .fit import Slot, fit
from .flow import Need, Route, candidate_routes, least_reasons
from .group_checks import EARLY_SECTIONS, position_budget
from .items import Section
from .model import ClassPlan
from .musts import (
    add_abductor_partner,
    add_favourites,
    add_must_haves,
    balance_seconds,
    floor_supported_balance,
)
from .partners import ROLE as PARTNER
from .programmes import allowed_for, combined_limits, programmes_for
from .relaxed import LIBRARY_LIMITS, let_go, settle, shortfalls
from .request import Audience, ClassRequest

# --------------------------------------------------------------------------- choosing


def _relaxations(chooser: Chooser, categories) -> list[str]:
    """What would let an exercise of ``categories`` in: a level, one piece of kit, a condition."""
    request, library = chooser.request, chooser.library
    pool = [e for e in library if e.category in categories]
    fixes = []
    for level in vocab.LEVELS:
        if level > request.level and any(
            chooser.fits(e, level=level) and not e.clashes(chooser.tags) for e in pool
        ):
            fixes.append(f"allow level {level}")
            break
    kit = [
        f"add {vocab.EQUIPMENT_WORDS[extra]}"
        for extra in vocab.EQUIPMENT
        if extra not in request.equipment_available
        and any(
            chooser.fits(e, equipment=(*request.equipment_available, extra)) and not e.clashes(chooser.tags)
            for e in pool
        )
    ]
    fixes += kit[:3]
    for condition in request.conditions:
        others = [t for t in chooser.tags if t != condition]
        if any(chooser.fits(e) and not e.clashes(others) for e in pool):
            care = vocab.CAUTION_WORDS.get(condition, condition)
            fixes.append(f"plan the people who need care for {care} in a class of their own")
    return fixes


def _empty_section_error(chooser: Chooser, section: str, categories) -> PlanError:
    request = chooser.request
    kinds = " or ".join(categories)
    if not any(e.category in categories for e in chooser.library):
        return PlanError(
            f"The library has no {kinds} exercise at all, so no {section} can be "
            "planned. Add one to the library (check it with `innerthigh-kit "
            "validate`)."
        )
    kit = join_words(vocab.EQUIPMENT_WORDS[e] for e in request.equipment if e != "mat") or "no equipment"
    who = vocab.POPULATION_WORDS[request.population]
    care = join_words(vocab.CAUTION_WORDS[c] for c in request.conditions)
    conditions = f" with care for {care}" if care else ""
    fixes = _relaxations(chooser, categories) or [
        f"add a {kinds} exercise that suits {who}{conditions} to the library"
    ]
    return PlanError(
        f"No {kinds} exercise fits level {request.level} with {kit} for {who}"
        f"{conditions}, so the {section} cannot be planned. To relax: "
        f"{'; or '.join(fixes)}."
    )


# --------------------------------------------------------------------------- ordering


def _order(items: list, section: str, route: Route | None) -> list:
    """In the route's order of positions; within a position, easier before harder in strength,
    otherwise the section's main kind first (warm-up moves before mobility)."""

    def key(pair):
        exercise = pair[0]
        flow = vocab.POSITION_FLOW.index(exercise.position)
        place = route.rank(exercise.position) if route is not None else 0
        if section == "strength":
            return (place, exercise.level, flow)
        return (place, exercise.category != vocab.SECTION_CATEGORIES.get(section, ("",))[0], flow)

    return sorted(items, key=key)


def _break_supine_runs(plan_slots: dict[str, list[Slot]]) -> None:
    """In later pregnancy, split runs of back-lying items with a neighbour from the same section."""
    for section, slots in plan_slots.items():
        for index in range(1, len(slots)):
            if slots[index].exercise.position == "supine" == slots[index - 1].exercise.position:
                for other in range(index + 1, len(slots)):
                    candidate = slots[other].exercise
                    same_level = section != "strength" or candidate.level == slots[index].exercise.level
                    if candidate.position != "supine" and same_level:
                        slots[index], slots[other] = slots[other], slots[index]
                        break


# --------------------------------------------------------------------------- building


def _default_seconds(exercise: Exercise, audience: Audience) -> float:
    return default_item(exercise).seconds


def _slots(
    chosen: dict[str, list],
    audience: Audience,
    route: Route | None,
    keep: frozenset = frozenset(),
    balance: float = 0.0,
) -> dict[str, list[Slot]]:
    """Items for the chosen exercises, ordered, with transitions, ready to fit; the supported
    balance items with floors that hold ``balance`` seconds between them."""
    plan_slots = {}
    for section, picks in chosen.items():
        slots = []
        for exercise, facts in _order(picks, section, route):
            item = default_item(exercise)
            item.replaced = facts
            # what the group's programme asks for keeps at least the library's own dosage
            floor = (item.sets, item.dose) if exercise.id in keep else None
            slots.append(Slot(item, exercise, section, bounds(exercise, audience, floor)))
        plan_slots[section] = slots
    if route is None and combined_limits(programmes_for(audience)).get("supine_run_seconds"):
        _break_supine_runs(plan_slots)
    set_transitions(((slot.exercise, slot.item) for slots in plan_slots.values() for slot in slots), audience)
    floor_supported_balance([slot for slots in plan_slots.values() for slot in slots], balance)
    return plan_slots


def _choose(chooser: Chooser, targets: dict[str, float], audience: Audience) -> dict:
    chosen: dict[str, list] = {name: [] for name in vocab.DEFAULT_SECTIONS}
    # What the class must hold at its own level and the favourites go in first, so that no
    # near-twin of theirs takes their place.
    add_must_haves(chooser, chosen, audience, first=True)
    add_favourites(chooser, chosen, audience)
    # Strength and activation choose first: they serve the most reasons.
    for section in sorted(chosen, key=lambda s: s not in vocab.STRENGTH_CATEGORIES):
        chooser.section = section
        categories = vocab.SECTION_CATEGORIES[section]
        planned = sum(_default_seconds(exercise, audience) for exercise, _ in chosen[section])
        while planned < 0.85 * targets[section]:
            pick = chooser.next_for(categories)
            if pick is None:
                break
            chosen[section].append(pick)
            planned += _default_seconds(pick[0], audience)
        if not chosen[section]:
            raise _empty_section_error(chooser, section, categories)
    add_must_haves(chooser, chosen, audience)
    add_abductor_partner(chooser, chosen, audience)
    for reason in vocab.REASONS:  # cover the reasons (honest ones) where the library allows
        if reason in chooser.covered:
            continue
        for section in chosen:
            chooser.section = section
            categories = vocab.SECTION_CATEGORIES[section]
            extra = [e for e in chooser.candidates(categories) if reason in e.honest_reasons]
            if extra:
                chosen[section].append(chooser.take(extra[0]))
                break
    return chosen


def _capacity_error(chooser: Chooser, most: float) -> PlanError:
    request = chooser.request
    fixes = [f"shorten the class to {max(int(vocab.LIMITS['class_minutes'].low), int(most // 60))} minutes"]
    fixes += _relaxations(chooser, vocab.CATEGORIES)
    return PlanError(
        f"The library has too few exercises for a {request.minutes}-minute class "
        f"at level {request.level} with this equipment and these needs: they fill "
        f"about {most / 60:.0f} minutes. To relax: {'; or '.join(fixes)}."
    )


def _balance_count(chooser, chosen, targets, audience: Audience):
    """Add exercises while the class cannot be long enough, drop while it must be too long."""
    target = sum(targets.values())
    for _ in range(60):
        balance = balance_seconds(audience, chooser.request.minutes)
        plan_slots = _slots(chosen, audience, chooser.route, frozenset(chooser.kept), balance)
        flat = [slot for slots in plan_slots.values() for slot in slots]
        most, least = sum(s.most for s in flat), sum(s.least for s in flat)
        if most < target * (1 - vocab.TIME_AIM):
            deficits = sorted(chosen, key=lambda n: sum(s.most for s in plan_slots[n]) - targets[n])
            for section in deficits:
                chooser.section = section
                pick = chooser.next_for(vocab.SECTION_CATEGORIES[section])
                if pick is not None:
                    chosen[section].append(pick)
                    break
            else:
                if most < target * (1 - vocab.TIME_TOLERANCE) and not chooser.allow_twins:
                    chooser.allow_twins = True  # nothing else can fill the time: let near-twins in
                    continue
                if most < target * (1 - vocab.TIME_TOLERANCE):
                    for slot in flat:  # nothing else to add: let single items run longer
                        slot.bounds.lift_item_cap()
                    most = sum(s.most for s in flat)
                if most < target * (1 - vocab.TIME_TOLERANCE):
                    raise _capacity_error(chooser, most)
                return plan_slots
        elif least > target * (1 + vocab.TIME_AIM):
            surplus = sorted(chosen, key=lambda n: targets[n] - sum(s.least for s in plan_slots[n]))
            for section in surplus:
                if _drop_one(chosen[section], chooser.required):
                    break
            else:
                return plan_slots
        else:
            return plan_slots
    return plan_slots


def _drop_one(picks: list, keep: set[str]) -> bool:
    """Drop the last-chosen exercise whose reasons others still cover; keep one per section and
    every exercise the group's programme asks for (``keep``)."""
    droppable = [index for index, (e, _) in enumerate(picks) if e.id not in keep]
    if len(picks) < 2 or not droppable:
        return False
    for index in reversed(droppable):
        others = {r for j, (e, _) in enumerate(picks) if j != index for r in e.honest_reasons}
        if set(picks[index][0].honest_reasons) <= others or index == droppable[-1]:
            del picks[index]
            return True
    return False


def _routes(chooser: Chooser, targets: dict[str, float], audience: Audience) -> list[Route]:
    """The routes of positions, fewest changes first, that can fill the class (flow.py): first those
    within the budget of changes that also have room for the roles the programmes prefer (the
    favourites; then for all but one of them), then those that hold only what the programmes ask
    for."""
    pools = chooser.pools()
    most = {
        e.id: Slot(default_item(e), e, s, bounds(e, audience)).most for s, pool in pools.items() for e in pool
    }
    if chooser.supine_cap is not None:  # one short bout on the back at most: it cannot carry time
        most.update({e.id: 0.0 for pool in pools.values() for e in pool if e.position == "supine"})
    needs = []
    # an outer-hip partner for the inner-thigh work, then the favourites (given up last-first)
    wants = (
        [Need(PARTNER, tuple(pools))] if any(PARTNER in e.roles for p in pools.values() for e in p) else []
    )
    for programme in programmes_for(audience):
        for rule in (r for r in programme.must if r.role):
            sections = EARLY_SECTIONS if rule.early else tuple(pools)
            if any(rule.role in e.roles for s in sections for e in pools[s]):
                needs.append(Need(rule.role, sections))
        for rule in programme.prefer:
            if any(rule.role in e.roles for pool in pools.values() for e in pool):
                wants.append(Need(rule.role, tuple(pools)))
    minutes = round(sum(targets.values()) / 60)
    reasons, budget = least_reasons(minutes), position_budget(minutes)
    return candidate_routes(pools, most, targets, needs, reasons, budget, wants)


def _tries(request: ClassRequest, pool: Library, targets: dict, audience: Audience) -> Iterator[tuple]:
    """(route, note) in the order the builder tries them, and last no route at all."""
    budget = position_budget(request.minutes)
    for route in _routes(Chooser(request, pool, random.Random(0)), targets, audience):
        yield route, _budget_note(route, budget)
    why = "no grouping of positions fills the time with these exercises."
    yield None, {"rule": "position-budget", "why": why}


def build_plan(
    request: ClassRequest, library: Library, seed: int | None = None, *, title: str | None = None
) -> ClassPlan:
    """A class plan for ``request`` from ``library``; the same seed gives the same plan.

    The class keeps to the route of positions with the fewest changes the library allows
    (flow.py). Raises ``PlanError`` saying what to relax when the library cannot meet the request.
    """
    if not isinstance(request, ClassRequest):
        raise PlanError(
            "build_plan needs a ClassRequest, e.g. ClassRequest(minutes=45, "
            "level=1, equipment=['small-ball'], population='postnatal')."
        )
    audience = request.audience()
    pool = allowed_for(library, programmes_for(audience))
    shares = vocab.FOCUS_SHARES[request.focus]
    targets = {name: shares[name] * request.minutes * 60 for name in vocab.DEFAULT_SECTIONS}
    best, failure, fallback, limited = None, None, None, None
    for route, note in _tries(request, pool, targets, audience):
        if note is not None and fallback is not None and not shortfalls(fallback)[0]:
            return fallback  # near-twins within the budget of changes beat more changes
        if route is None and limited is not None:  # rather than a class with no route at all
            return let_go(limited, library)
        try:
            plan = _build(request, pool, library, seed, title, targets, route, note)
        except PlanError as error:
            failure = failure or error
            continue  # the next route, with more room
        found = [f for f in check_plan(plan, library) if f.severity != "info"]
        flagged = len(found)
        if (
            found
            and route is not None
            and note is None
            and all(f.rule in LIBRARY_LIMITS for f in found)
            and focus_miss(plan, library) <= vocab.FOCUS_SPLIT_GIVE
        ):
            # within the budget of changes, only the library's limits (the strength and stretch
            # split, time upright) are off: a route with more changes that keeps them comes first,
            # but this beats a class that follows no route at all; the plan says what gave way
            limited = limited or plan
            continue
        if not flagged and not any(shortfalls(plan)):
            return plan  # the first route whose class passes its own check and falls short in nothing
        if not flagged:
            if fallback is None or shortfalls(plan) < shortfalls(fallback):
                fallback = plan
        elif best is None or flagged < best[0]:
            best = (flagged, plan)
    if fallback is not None:
        return fallback
    if best is not None:
        return let_go(best[1], library)
    raise failure


def _budget_note(route: Route, budget: int) -> dict[str, str] | None:
    if route.changes <= budget:
        return None
    return {"rule": "position-budget", "why": "the library has no class for this group with fewer changes."}


def _build(request, pool, links, seed, title, targets, route, note) -> ClassPlan:
    """Choose, order, dose and time the class along ``route`` (None: no route) from ``pool``;
    ``links``: the whole library, whose progressions say which exercises are near-twins."""
    audience = request.audience()
    chooser = Chooser(request, pool, random.Random(0 if seed is None else seed), links)
    chooser.route = route
    if note:
        chooser.relaxed.append(note)
    target = request.minutes * 60
    chosen = _choose(chooser, targets, audience)
    plan_slots = _balance_count(chooser, chosen, targets, audience)
    if add_abductor_partner(chooser, chosen, audience):  # more inner-thigh work came in to fill the time
        plan_slots = _balance_count(chooser, chosen, targets, audience)
    flat = [slot for slots in plan_slots.values() for slot in slots]
    error = fit(flat, targets, target)
    if abs(error) > vocab.TIME_TOLERANCE * target:
        raise _capacity_error(chooser, sum(slot.item.seconds for slot in flat))
    chooser.relaxed = settle(chooser.relaxed, plan_slots, links, audience, request.minutes)
    who = vocab.POPULATION_WORDS[request.population]
    return ClassPlan(
        title or f"Inner thighs, strong and mobile: {request.minutes} min for {who}, level {request.level}",
        request.minutes,
        audience,
        [Section(name, [slot.item for slot in plan_slots[name]]) for name in plan_slots],
        relaxed=list(chooser.relaxed),
    )
