"""Group programmes as data: what a class for each group must hold, should hold where it can,
and must leave out, its limits, and the words to say (data/programmes.yaml, checked like the
exercise library).

``programmes_for(audience)`` gives the programme every class follows (``EVERY_CLASS``: the
teaching material's favourites, an outer-hip partner for inner-thigh work), then those of the
class's population and conditions; ``combined_limits`` merges their limits (the strictest wins).
A ``must`` rule is kept or the plan says why it gave way; a ``prefer`` rule is kept whenever the
class's cautions, level and equipment allow, and left out quietly (a note, never a warning) when
they do not. Every rule keeps its source, so a finding or a sentence can say where it comes from.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .. import vocab
from .._data import data_path
from .._yaml import load_file
from ..errors import LibraryError, Problem
from ..exercises import Exercise, Library
from ..words import POSITION_WORDS
from .request import Audience

#: The programme that applies to every class, whoever it is for.
EVERY_CLASS = "everyone"
_ENTRY_KEYS = ("must", "must_not", "prefer", "limits", "say")
_RULE_KINDS = ("must", "must_not", "prefer")
_RULE_KEYS = ("role", "position", "why", "source", "early", "level")
_SAY_KEYS = ("key", "text", "source")
#: Each limit and what its value must be.
LIMIT_KEYS = {
    "supine_run_seconds": "a number of seconds",
    "supine_allowed": "true or false",
    "supine_source": "a source",
    "upright_share": "a share of the class from 0 to 1",
    "upright_source": "a source",
    "supported_balance_minutes": "a number of minutes",
    "supported_balance_from_class_minutes": "a number of minutes",
    "abductor_partner_from": "a number of inner-thigh strength exercises",
    "abductor_partner_source": "a source",
}
#: Limits where the smallest value is the strictest (for the others, the largest is).
_LEAST_WINS = ("supine_run_seconds", "abductor_partner_from")


@dataclass(frozen=True)
class Rule:
    """A role (or position) a group's class must hold or leave out, with why and the source."""

    why: str
    source: str
    role: str | None = None
    position: str | None = None
    early: bool = False  # in the warm-up or activation
    level: bool = False  # at the class's own level

    @property
    def words(self) -> str:
        if self.role:
            return vocab.ROLE_WORDS.get(self.role, self.role)
        return f"work {POSITION_WORDS.get(self.position, self.position)}"


@dataclass(frozen=True)
class Saying:
    """Words the instructor says to this group, with their source."""

    key: str
    text: str
    source: str


@dataclass(frozen=True)
class Programme:
    group: str  # a population or a condition tag
    must: tuple[Rule, ...] = ()
    must_not: tuple[Rule, ...] = ()
    limits: dict[str, Any] = field(default_factory=dict)
    say: tuple[Saying, ...] = ()
    prefer: tuple[Rule, ...] = ()  # roles put in whenever the class allows them


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _rule(raw: Any, where: str, problems: list[Problem]) -> Rule | None:
    if not isinstance(raw, dict):
        problems.append(
            Problem(where, None, "should be a mapping.", "e.g. {role: squeeze, why: ..., source: ...}.")
        )
        return None
    bad = [key for key in raw if key not in _RULE_KEYS]
    problems += [
        Problem(where, str(key), "is not a field of a rule.", f"Use: {', '.join(_RULE_KEYS)}.") for key in bad
    ]
    role, position = raw.get("role"), raw.get("position")
    if (role is None) == (position is None):
        problems.append(
            Problem(where, "role", "give a role or a position (one of them).", "e.g. role: squeeze.")
        )
    elif role is not None and role not in vocab.ROLES:
        problems.append(
            Problem(where, "role", f"{role!r} is not a role.", f"Use one of: {', '.join(vocab.ROLES)}.")
        )
    elif position is not None and position not in vocab.POSITIONS:
        fix = f"Use one of: {', '.join(vocab.POSITIONS)}."
        problems.append(Problem(where, "position", f"{position!r} is not a position.", fix))
    for name in ("why", "source"):
        if not _text(raw.get(name)):
            problems.append(
                Problem(where, name, "is missing.", "Every rule says why, and where that comes from.")
            )
    if problems and problems[-1].where == where:
        return None
    early, level = bool(raw.get("early", False)), bool(raw.get("level", False))
    return Rule(raw["why"].strip(), raw["source"].strip(), role, position, early, level)


def _sayings(raw: Any, where: str, problems: list[Problem]) -> tuple[Saying, ...]:
    found = []
    for number, entry in enumerate(raw or [], start=1):
        label = f"{where}, say {number}"
        if not isinstance(entry, dict) or not all(_text(entry.get(key)) for key in _SAY_KEYS):
            problems.append(
                Problem(label, None, "needs key, text and source.", "e.g. {key: talk-test, ...}.")
            )
            continue
        found.append(Saying(entry["key"].strip(), " ".join(entry["text"].split()), entry["source"].strip()))
    return tuple(found)


def _limits(raw: Any, where: str, problems: list[Problem]) -> dict[str, Any]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        problems.append(Problem(where, "limits", "should be a mapping.", "e.g. {supine_run_seconds: 180}."))
        return {}
    for key in raw:
        if key not in LIMIT_KEYS:
            problems.append(Problem(where, str(key), "is not a limit.", f"Use: {', '.join(LIMIT_KEYS)}."))
    return dict(raw)


def _programme(group: str, raw: Any, where: str, problems: list[Problem]) -> Programme | None:
    if group not in (EVERY_CLASS, *vocab.POPULATIONS, *vocab.CAUTIONS):
        fix = f"Name {EVERY_CLASS!r}, a population or a condition tag from the kit's vocabulary."
        problems.append(Problem(where, None, f"{group!r} is not a group the kit knows.", fix))
        return None
    if not isinstance(raw, dict):
        problems.append(Problem(where, None, f"should be a mapping of {', '.join(_ENTRY_KEYS)}.", ""))
        return None
    for key in raw:
        if key not in _ENTRY_KEYS:
            problems.append(
                Problem(where, str(key), "is not part of a programme.", f"Use: {', '.join(_ENTRY_KEYS)}.")
            )
    rules = {}
    for kind in _RULE_KINDS:
        entries = raw.get(kind) or []
        made = [_rule(entry, f"{where}, {kind} {n}", problems) for n, entry in enumerate(entries, start=1)]
        rules[kind] = tuple(rule for rule in made if rule is not None)
    for number, rule in enumerate(rules["prefer"], start=1):
        if rule.role is None:
            fix = "A class can prefer an exercise's role (e.g. role: squeeze), not a position."
            problems.append(Problem(f"{where}, prefer {number}", "position", "is not a role.", fix))
    limits = _limits(raw.get("limits"), where, problems)
    return Programme(
        group,
        rules["must"],
        rules["must_not"],
        limits,
        _sayings(raw.get("say"), where, problems),
        rules["prefer"],
    )


@cache
def load_programmes() -> dict[str, Programme]:
    """Every group's programme from data/programmes.yaml (read once)."""
    return read_programmes(data_path("programmes.yaml"))


def read_programmes(path: str | os.PathLike) -> dict[str, Programme]:
    """The programmes in a file; any problem raises one LibraryError naming group, rule and field."""
    data, problems = load_file(path)
    programmes: dict[str, Programme] = {}
    if not problems and not isinstance(data, dict):
        problems.append(Problem(str(path), None, "should map each group to its programme.", ""))
    for group, raw in (data or {}).items() if isinstance(data, dict) else ():
        made = _programme(str(group), raw, f"{path}, {group}", problems)
        if made is not None:
            programmes[made.group] = made
    if problems:
        raise LibraryError.from_problems("The kit's group programmes have a problem:", problems)
    return programmes


def programmes_for(audience: Audience) -> list[Programme]:
    """The programme every class follows, then those of the class's population and of each of its
    conditions, in that order."""
    programmes = load_programmes()
    groups = [EVERY_CLASS, audience.population, *audience.conditions]
    return [programmes[group] for group in dict.fromkeys(groups) if group in programmes]


def combined_limits(programmes: list[Programme]) -> dict[str, Any]:
    """The strictest of each limit across the programmes (shortest supine run, largest share...)."""
    limits: dict[str, Any] = {}
    for programme in programmes:
        for key, value in programme.limits.items():
            if key.endswith("_source"):
                limits.setdefault(key, value)
            elif key == "supine_allowed":
                limits[key] = limits.get(key, True) and bool(value)
            elif key in _LEAST_WINS:
                limits[key] = min(limits.get(key, value), value)
            else:
                limits[key] = max(limits.get(key, value), value)
    return limits


def excluded_by(exercise: Exercise, programmes: list[Programme]) -> Rule | None:
    """The first must-not rule of ``programmes`` that leaves ``exercise`` out, or None."""
    for programme in programmes:
        for rule in programme.must_not:
            if (rule.role and rule.role in exercise.roles) or exercise.position == rule.position:
                return rule
    return None


def allowed_for(library: Library, programmes: list[Programme]) -> Library:
    """``library`` without the exercises the programmes' must-not rules leave out."""
    if not any(programme.must_not for programme in programmes):
        return library
    kept = [exercise for exercise in library if excluded_by(exercise, programmes) is None]
    return Library(kept, library.references)
