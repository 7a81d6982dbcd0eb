"""Near-twins: two exercises in one section of a class that are versions of one exercise.

The one definition (the chooser avoids them, check_plan names them). Two exercises are near-twins
when either

- **one is a version of the other**: following the library's ``progression`` links, or its
  ``regression`` links, any number of steps from one leads to the other (the wide squat and the
  wide squat with heel lifts; the semi-tandem and the tandem stand), *and* they do the same job:
  they share a role, or neither has one. A link that changes the job ends the family: the
  inner-thigh circles lead on to the supported Copenhagen, but circles and Copenhagen are not
  twins; the sit-to-stand leads on to the squat, but a sit-to-stand is not a squat; or
- **only the prop differs**: the same roles (at least one), position, category, sides and main
  muscles, with other equipment (the squeeze against the hands, a rolled towel, a Pilates ring).

Doing both in one section teaches one move twice and leaves less room for the rest; keep one
and give it more time. Across sections they are fine (a squeeze to wake the inner thighs, a
harder one in the strength block).

``twin_findings(plan, library)``: each pair in one section, named; a warning where the library
has another exercise for that section that suits the class, a note where it has none or the
builder had to let twins in to fill the time (``plan.relaxed``).
"""

from __future__ import annotations

from .. import vocab
from ..exercises import Exercise, Library
from .findings import Finding
from .group_checks import gave_way
from .programmes import excluded_by, programmes_for


def versions(exercise: Exercise, library: Library) -> set[str]:
    """The ids of the exercise's easier and harder versions, as far as the links go."""
    found: set[str] = set()
    for link in ("progression", "regression"):
        step = getattr(exercise, link)
        while step and step in library and step not in found and step != exercise.id:
            found.add(step)
            step = getattr(library.get(step), link)
    return found


def twin_kind(first: Exercise, second: Exercise, library: Library) -> str | None:
    """How two exercises are near-twins, in words ("versions of one exercise", "one exercise with
    another prop"), or None when they are not."""
    if first.id == second.id:
        return None
    same_job = bool(set(first.roles) & set(second.roles)) or not (first.roles or second.roles)
    linked = second.id in versions(first, library) or first.id in versions(second, library)
    if linked and same_job:
        return "versions of one exercise"
    if (
        first.roles
        and set(first.roles) == set(second.roles)
        and (first.position, first.category, first.per_side)
        == (second.position, second.category, second.per_side)
        and set(first.primary_muscles) == set(second.primary_muscles)
        and set(first.equipment) != set(second.equipment)
    ):
        return "one exercise with another prop"
    return None


def twin_pairs(exercises: list[Exercise], library: Library) -> list[tuple[Exercise, Exercise, str]]:
    """Every pair of near-twins among ``exercises`` (one section's), in class order."""
    return [
        (first, second, kind)
        for index, first in enumerate(exercises)
        for second in exercises[index + 1 :]
        if (kind := twin_kind(first, second, library))
    ]


def _other_option(plan, section, placed: list[Exercise], library: Library) -> Exercise | None:
    """An exercise for ``section`` that suits the class, is not in it and is no near-twin of the
    section's exercises."""
    audience, programmes = plan.audience, programmes_for(plan.audience)
    kinds = vocab.SECTION_CATEGORIES.get(section.name) or {e.category for e in placed}
    ids = set(plan.exercise_ids)
    for exercise in library:
        if (
            exercise.category in kinds
            and exercise.id not in ids
            and exercise.level <= audience.level
            and not exercise.needs(audience.equipment_available)
            and not exercise.clashes(audience.caution_tags)
            and excluded_by(exercise, programmes) is None
            and not any(twin_kind(exercise, other, library) for other in placed)
        ):
            return exercise
    return None


def twin_findings(plan, library: Library) -> list[Finding]:
    """Every pair of near-twins in one section of ``plan``, with the fix: keep one, more time."""
    why = gave_way(plan, "near-twins")
    findings = []
    for section in plan.sections:
        placed = [library.get(item.exercise) for item in section.items if item.exercise in library]
        for first, second, kind in twin_pairs(placed, library):
            message = f"{first.name} and {second.name}, both in the {section.name} section, are {kind}"
            fix = "Keep one and give it more time."
            other = None if why is not None else _other_option(plan, section, placed, library)
            if other is not None:
                fix = f"Keep one and give it more time, or swap one for another, e.g. {other.name}."
            elif why:
                message += f": {why}"
            severity = "warning" if other is not None else "info"
            findings.append(Finding(severity, message + ".", section=section.name, item=second.id, fix=fix))
    return findings
