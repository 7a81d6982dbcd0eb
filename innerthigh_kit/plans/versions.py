"""The easier and the harder version of an exercise, for a class of mixed levels.

A group class is rarely of one level: the instructor names an easier version for those who need
it and a harder one for those who want more. The library links each exercise to its regression
and progression; this module walks those links and gives the first version that suits the class:
the equipment it has, and nothing its cautions or its group's programme leave out. A harder
version may be above the class's level: that is what it is for.
"""

from __future__ import annotations

from typing import NamedTuple

from ..exercises import Exercise, Library
from .programmes import excluded_by, programmes_for
from .request import Audience


class Versions(NamedTuple):
    easier: Exercise | None
    harder: Exercise | None


def _suits(exercise: Exercise, audience: Audience, programmes) -> bool:
    return (
        not exercise.needs(audience.equipment_available)
        and not exercise.clashes(audience.caution_tags)
        and excluded_by(exercise, programmes) is None
    )


def _walk(start: Exercise, library: Library, audience: Audience, programmes, link: str) -> Exercise | None:
    seen, next_id = {start.id}, getattr(start, link)
    while next_id and next_id not in seen and next_id in library:
        seen.add(next_id)
        option = library.get(next_id)
        if _suits(option, audience, programmes):
            return option
        next_id = getattr(option, link)
    return None


def versions_for(exercise: Exercise, library: Library, audience: Audience) -> Versions:
    """The nearest easier and harder versions of ``exercise`` that suit ``audience`` (or None)."""
    programmes = programmes_for(audience)
    return Versions(
        _walk(exercise, library, audience, programmes, "regression"),
        _walk(exercise, library, audience, programmes, "progression"),
    )


def versions_words(exercise: Exercise, library: Library, audience: Audience) -> str:
    """E.g. "Easier version: Wide squat at a chair. Harder version: Wide squat with heel lifts.",
    or "" when the library has neither for this class."""
    easier, harder = versions_for(exercise, library, audience)
    parts = [
        f"Easier version: {easier.name}." if easier else "",
        f"Harder version: {harder.name}." if harder else "",
    ]
    return " ".join(part for part in parts if part)
