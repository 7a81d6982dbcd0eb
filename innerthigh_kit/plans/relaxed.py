"""What a built class had to give way on: the notes on ``plan.relaxed``, settled once it is fitted.

The builder writes a note (``{"rule": ..., "why": ...}``) whenever a rule cannot be kept, and the
checks show it instead of a warning. Some notes are only known for sure once the time is fitted:

- ``settle``: near-twins that had to come in; the minutes of supported balance the class really
  holds (a note the fitted class no longer needs goes); an outer-hip partner the class turned out
  not to need.
- ``shortfalls``: how a class that passes its check still falls short (fewer minutes of supported
  balance than the group's programme asks for, near-twins), so that build_plan tries the other
  routes of positions before it settles for one.
- ``let_go``: for the best class found when none passes, the rules only the library's limits
  broke (strength and stretch far from the focus's split, too little time upright).
"""

from __future__ import annotations

from ..exercises import Library
from .checks import FOCUS_SPLIT, check_plan
from .group_checks import UPRIGHT
from .musts import BALANCE, balance_seconds
from .partners import ROLE as PARTNER
from .partners import partner_needed
from .twins import twin_pairs

TWINS, BALANCE_MINUTES = "near-twins", "supported-balance-minutes"

#: What a class may have to give way on when no route of positions keeps it: the library's limits.
LIBRARY_LIMITS = {
    FOCUS_SPLIT: "the library has too few exercises that suit this class for strength and stretch to "
    "take their usual shares of the time",
    UPRIGHT: "the library has too few standing or chair exercises that suit this class to fill the time",
}


def settle(relaxed: list[dict], plan_slots: dict, links: Library, audience, class_minutes: int) -> list[dict]:
    """The notes of a fitted class: ``relaxed`` with the ones its items settle added or dropped."""
    slots = [slot for section in plan_slots.values() for slot in section]
    notes = [r for r in relaxed if r["rule"] not in (BALANCE_MINUTES, PARTNER, TWINS)]
    if any(twin_pairs([slot.exercise for slot in section], links) for section in plan_slots.values()):
        why = "the library has too few other exercises for this class to fill the time"
        notes.append({"rule": TWINS, "why": why})
    need = balance_seconds(audience, class_minutes)
    held = sum(slot.item.seconds for slot in slots if BALANCE in slot.exercise.roles)
    if need and held < need:
        why = f"the supported balance exercises that suit this class fill only {int(held // 60)} min of it"
        notes.append({"rule": BALANCE_MINUTES, "why": why})
    if partner_needed((slot.exercise for slot in slots), audience):
        notes += [r for r in relaxed if r["rule"] == PARTNER]
    return notes


def shortfalls(plan) -> tuple[bool, bool]:
    """(short of supported balance, near-twins): a class with neither is as good as it gets."""
    rules = {r["rule"] for r in plan.relaxed}
    return (BALANCE_MINUTES in rules, TWINS in rules)


def let_go(plan, library: Library):
    """The best class found, with the rules the library could not let it keep on ``plan.relaxed``."""
    for finding in check_plan(plan, library):
        if finding.severity == "warning" and finding.rule in LIBRARY_LIMITS:
            plan.relaxed.append({"rule": finding.rule, "why": LIBRARY_LIMITS[finding.rule]})
    return plan
