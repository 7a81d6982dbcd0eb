"""What the group's programme asks a class to hold, put in after the first choice of exercises.

- ``add_must_haves``: each role a programme's ``must`` rules name (early ones in the warm-up or
  activation); what the library cannot give is written on ``chooser.relaxed`` with the reason.
- ``add_favourites``: each role a ``prefer`` rule names (the teaching material's favourites),
  whenever the class's cautions, level, equipment and route of positions allow; at the class's own
  level where the library has it (the wide squat with heel lifts from level 2, the plain one with
  the heel lifts as its named step up at level 1). Left out quietly otherwise: check_plan says why.
- ``add_supported_balance``: enough minutes of supported balance where the programme asks for them.
- ``add_abductor_partner``: an outer-hip exercise where the class's inner-thigh strength work calls
  for one (partners.py).

Everything put in here is on ``chooser.required``: the builder never drops it to fit the time;
what the programmes must have (not what they prefer) is on ``chooser.kept`` too: taught at least
at the library's own dosage.
"""

from __future__ import annotations

from collections.abc import Callable

from .. import vocab
from ..exercises import Exercise
from .chooser import Chooser
from .dosing import bounds, default_item
from .fit import Slot
from .group_checks import EARLY_SECTIONS
from .partners import ROLE as PARTNER
from .partners import partner_needed
from .programmes import combined_limits, programmes_for
from .request import Audience


def _holding(chosen: dict, role: str, sections) -> list[str]:
    return [e.id for s in sections for e, _ in chosen[s] if role in e.roles]


def place_role(chooser: Chooser, chosen: dict, role: str, sections, rank: Callable) -> Exercise | None:
    """Put the best exercise of ``role`` (by ``rank(exercise, categories)``) in the first of
    ``sections`` that has one; it becomes required. None when none of them has one."""
    for section in sections:
        chooser.section = section
        categories = vocab.SECTION_CATEGORIES[section]
        options = [e for e in chooser.candidates(categories) if role in e.roles]
        if options:
            best = max(options, key=lambda e: rank(e, categories))
            chosen[section].append(chooser.take(best))
            chooser.required.add(best.id)
            return best
    return None


def _must_rank(at_level: bool) -> Callable:
    """Easiest first (or, for a rule at the class's own level, hardest first), trial evidence next."""

    def rank(exercise: Exercise, categories) -> tuple:
        return (exercise.level if at_level else -exercise.level, exercise.evidence == "trial")

    return rank


def add_must_haves(chooser: Chooser, chosen: dict, audience: Audience, first: bool = False) -> None:
    """Put in each role the group's programme asks for (early ones in the warm-up or activation);
    what the library cannot give is written down on ``chooser.relaxed``, with the reason.

    ``first``: only the roles asked for at the class's own level (the athletes' Copenhagen), which
    go in before anything else so that an easier near-twin cannot take their place."""
    for programme in programmes_for(audience):
        for rule in (r for r in programme.must if r.role and (r.level or not first)):
            sections = EARLY_SECTIONS if rule.early else tuple(chosen)
            key = f"must:{programme.group}:{rule.role}"
            held = _holding(chosen, rule.role, sections)
            if not held and place_role(chooser, chosen, rule.role, sections, _must_rank(rule.level)):
                held = _holding(chosen, rule.role, sections)
            chooser.required |= set(held)
            chooser.kept |= set(held)
            if any(r["rule"] == key for r in chooser.relaxed):
                continue
            level = min(chooser.request.level, max(vocab.LEVELS))
            if not held:
                why = "no exercise in the library fits this class's level, equipment and needs"
                chooser.relaxed.append({"rule": key, "why": why})
            elif rule.level and max(chooser.library.get(i).level for i in held) < level:
                why = f"no level-{level} version suits this class, so an easier one stands in"
                chooser.relaxed.append({"rule": key, "why": why})
    if not first:
        add_supported_balance(chooser, chosen, audience)


def add_favourites(chooser: Chooser, chosen: dict, audience: Audience) -> None:
    """Put in each role the programmes prefer, nearest the class's level, where the class allows it.

    A role the class's cautions, level or equipment rule out is left out without a word here
    (check_plan says why); one the library allows but the route of positions leaves no room for is
    written on ``chooser.relaxed``."""
    level = chooser.request.level

    def rank(exercise: Exercise, categories) -> tuple:
        return (-abs(level - exercise.level), chooser.score(exercise, categories))

    for programme in programmes_for(audience):
        for rule in programme.prefer:
            held = _holding(chosen, rule.role, chosen)
            if held:
                chooser.required |= set(held)
                continue
            if place_role(chooser, chosen, rule.role, tuple(chosen), rank) is not None:
                continue
            if any(rule.role in e.roles and chooser.allowed(e) for e in chooser.library):
                why = (
                    "there is no place for it in this class's order of positions (it would take "
                    "another change of position, or floor time this group cannot spare)"
                )
                chooser.relaxed.append({"rule": f"prefer:{programme.group}:{rule.role}", "why": why})


BALANCE = "supported-balance"


def balance_seconds(audience: Audience, class_minutes: int) -> float:
    """The seconds of supported balance the class's programmes ask for (0: none)."""
    limits = combined_limits(programmes_for(audience))
    minutes = limits.get("supported_balance_minutes")
    if not minutes or class_minutes < limits.get("supported_balance_from_class_minutes", 0):
        return 0.0
    return minutes * 60.0


def _sure(slot: Slot) -> float:
    """The most time an item can be made to take by its sets and dose alone, at the shortest rest
    (what a dosage floor can promise whatever rest the fitter gives it)."""
    b = slot.bounds
    return slot.item.seconds_for(b.sets[1], b.doses[-1], b.rest[0])


def _most(exercise: Exercise, audience: Audience) -> float:
    """The most supported balance time the exercise can promise within its dosage bounds."""
    return _sure(Slot(default_item(exercise), exercise, "", bounds(exercise, audience)))


def add_supported_balance(chooser: Chooser, chosen: dict, audience: Audience) -> None:
    """Enough supported balance exercises that their dosage bounds can hold the minutes the
    programme asks for (older adults); ``floor_supported_balance`` then makes the fitter give them.
    When the library's cannot, the plan says how many minutes they can hold."""
    need = balance_seconds(audience, chooser.request.minutes)
    if not need:
        return
    have = sum(_most(e, audience) for s in chosen for e, _ in chosen[s] if BALANCE in e.roles)
    chooser.required |= set(_holding(chosen, BALANCE, chosen))
    chooser.kept |= set(_holding(chosen, BALANCE, chosen))
    while have < need:
        best = place_role(chooser, chosen, BALANCE, tuple(chosen), lambda e, c: chooser.score(e, c))
        chooser.kept |= {best.id} if best is not None else set()
        if best is None:
            why = (
                f"the library's supported balance exercises for this class hold {int(have // 60)} min at most"
            )
            chooser.relaxed.append({"rule": "supported-balance-minutes", "why": why})
            return
        have += _most(best, audience)


def floor_supported_balance(slots: list[Slot], need: float) -> None:
    """Give each supported balance item a dosage floor, in proportion to how much it can hold, so
    that together they take at least ``need`` seconds however the fitter shares the rest."""
    balance = [slot for slot in slots if BALANCE in slot.exercise.roles]
    room = sum(_sure(slot) for slot in balance)
    if not need or not room:
        return
    for slot in balance:
        share = min(need, room) * _sure(slot) / room
        b, item = slot.bounds, slot.item
        options = [
            (item.seconds_for(sets, dose, b.rest[0]), sets, dose)
            for sets in range(b.sets[0], b.sets[1] + 1)
            for dose in b.doses
            if item.seconds_for(sets, dose, b.rest[0]) >= share - 0.5
        ]
        if options:
            _, sets, dose = min(options)
            old = b.floor or (0, 0)
            b.floor = (max(sets, old[0]), max(dose, old[1]))


def add_abductor_partner(chooser: Chooser, chosen: dict, audience: Audience) -> bool:
    """An outer-hip partner where the class's inner-thigh strength work calls for one (partners.py),
    in the activation or strength work first; True when one went in. When none can, the plan says
    why (``chooser.relaxed``)."""
    exercises = [e for s in chosen for e, _ in chosen[s]]
    if not partner_needed(exercises, audience):
        chooser.required |= {e.id for e in exercises if PARTNER in e.roles}  # keep the one it has
        return False
    order = sorted(chosen, key=lambda s: s not in ("activation", "strength"))
    if place_role(chooser, chosen, PARTNER, order, lambda e, c: chooser.score(e, c)) is not None:
        return True
    if not any(r["rule"] == PARTNER for r in chooser.relaxed):
        if any(PARTNER in e.roles and chooser.allowed(e) for e in chooser.library):
            why = "there is no place for one in this class's order of positions"
        else:
            why = "no outer-hip exercise in the library suits this class's level, equipment and needs"
        chooser.relaxed.append({"rule": PARTNER, "why": why})
    return False
