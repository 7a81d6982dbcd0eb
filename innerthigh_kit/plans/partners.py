"""Inner-thigh work brings an outer-hip partner: the one definition, and its check.

An **inner-thigh strength exercise** is an activation or strength exercise whose main muscles
include the adductors (``vocab.ADDUCTOR_MUSCLES``) and none of the outer-hip muscles
(``vocab.ABDUCTOR_MUSCLES``): a squeeze, a side-lying lift, a wide squat, a Copenhagen plank. A
stand on one leg, whose main muscles are both, already works the two sides and does not count.
Its **partner** is an exercise with the role ``abductor-partner`` (a clamshell, a side-lying leg
lift, band side steps). A class with ``abductor_partner_from`` inner-thigh strength exercises or
more (data/programmes.yaml, the ``everyone`` limits: 3) holds a partner, so the class trains both
sides of the hip: adductor work belongs in a balanced hip programme (EVIDENCE.md §2.2, §2.4;
coaching convention).
"""

from __future__ import annotations

from collections.abc import Iterable

from .. import vocab
from ..exercises import Exercise, Library
from ..words import either_words
from .findings import Finding
from .group_checks import gave_way
from .programmes import combined_limits, excluded_by, programmes_for

ROLE = "abductor-partner"


def inner_thigh_strength(exercise: Exercise) -> bool:
    """Whether ``exercise`` is strength work for the inner thighs alone (see the module's words)."""
    muscles = set(exercise.primary_muscles)
    return (
        exercise.category in vocab.STRENGTH_CATEGORIES
        and bool(muscles & set(vocab.ADDUCTOR_MUSCLES))
        and not muscles & set(vocab.ABDUCTOR_MUSCLES)
    )


def partner_needed(exercises: Iterable[Exercise], audience) -> bool:
    """Whether a class of ``exercises`` for ``audience`` needs an outer-hip partner and has none."""
    exercises = list(exercises)
    least = combined_limits(programmes_for(audience)).get("abductor_partner_from")
    if least is None or any(ROLE in e.roles for e in exercises):
        return False
    return sum(inner_thigh_strength(e) for e in exercises) >= least


def _suitable(plan, library: Library) -> list[Exercise]:
    audience, programmes = plan.audience, programmes_for(plan.audience)
    return [
        e
        for e in library
        if ROLE in e.roles
        and e.level <= audience.level
        and not e.needs(audience.equipment_available)
        and not e.clashes(audience.caution_tags)
        and excluded_by(e, programmes) is None
    ]


def partner_findings(plan, library: Library) -> list[Finding]:
    """A class with enough inner-thigh strength work and no outer-hip partner: a warning where the
    library has one that suits the class, else a note that says why."""
    placed = [library.get(item.exercise) for _, item in plan.items() if item.exercise in library]
    if not partner_needed(placed, plan.audience):
        return []
    count = sum(inner_thigh_strength(e) for e in placed)
    message = f"{count} inner-thigh strength exercises and none for the outer hip"
    why = gave_way(plan, ROLE)
    if why is not None:
        return [Finding("info", f"{message}: {why}.")]
    options = _suitable(plan, library)
    if not options:
        return [Finding("info", f"{message}: no outer-hip exercise in the library suits this class.")]
    names = either_words(e.name for e in options[:3])
    fix = f"Add one to the activation or strength work, e.g. {names}."
    return [Finding("warning", f"{message}; train both sides of the hip.", fix=fix)]
