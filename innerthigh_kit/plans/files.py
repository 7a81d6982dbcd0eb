"""Plan files: reading a plan's YAML and its record, with every problem named (file, section, item, field).

The loader checks structure and types; whether a dosage is sensible (12 sets, a 400 s hold) is a
question for ``check_plan``, so a plan someone edited by hand still opens and can be checked.
Only numbers no arithmetic should meet are refused here: infinite, not a number, negative, or
beyond ``vocab.LIMITS["plan_item_number"]``. The file itself is read by the kit's checked YAML
loader (``_yaml``): no aliases, no duplicate keys, only regular UTF-8 files of sensible size.
"""

from __future__ import annotations

import difflib
import math
import os
import re
from typing import Any

import yaml

from .. import vocab
from .._yaml import duplicate_problems, load_file, misread, safe_load, shown
from ..errors import PlanError, Problem
from ..words import tag_choices
from .items import PlanItem, Section
from .request import Audience

PLAN_KEYS = ("title", "target_minutes", "total_seconds", "audience", "sections", "relaxed")
SECTION_KEYS = ("name", "items")
ITEM_KEYS = (
    "exercise",
    "sets",
    "reps",
    "hold_seconds",
    "per_side",
    "seconds",
    "why",
    "seconds_per_rep",
    "rest_seconds",
    "transition_seconds",
    "note",
    "replaced",
)
AUDIENCE_KEYS = ("population", "level", "conditions", "equipment", "focus")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _unknown_keys(record: dict, known: tuple, where: str, problems: list[Problem]) -> None:
    for key in record:
        if key not in known:
            close = difflib.get_close_matches(str(key), known, n=1)
            hint = f"Did you mean '{close[0]}'?" if close else f"Known fields: {', '.join(known)}."
            problems.append(Problem(where, str(key), "is not a field here.", hint))


def _audience(raw: Any, where: str, problems: list[Problem]) -> Audience:
    if raw is None:
        return Audience()
    if not isinstance(raw, dict):
        problems.append(
            Problem(
                where,
                "audience",
                "should be a mapping.",
                "e.g. {population: general, level: 1, conditions: []}.",
            )
        )
        return Audience()
    _unknown_keys(raw, AUDIENCE_KEYS, f"{where}, audience", problems)
    audience = Audience()
    population = raw.get("population", "general")
    if population in vocab.POPULATIONS:
        audience.population = population
    else:
        problems.append(
            Problem(
                f"{where}, audience",
                "population",
                f"{shown(population)} is not known.",
                f"Use one of: {tag_choices(vocab.POPULATIONS, vocab.POPULATION_LABELS)}.",
            )
        )
    level = raw.get("level", 1)
    if _is_int(level) and level in vocab.LEVELS:
        audience.level = level
    else:
        problems.append(
            Problem(f"{where}, audience", "level", f"{shown(level)} is not a level.", "Use 1, 2 or 3.")
        )
    focus = raw.get("focus", "balanced")
    if focus in vocab.FOCUSES:
        audience.focus = focus
    else:
        problems.append(
            Problem(
                f"{where}, audience",
                "focus",
                f"{shown(focus)} is not a focus.",
                f"Use one of: {', '.join(vocab.FOCUSES)}.",
            )
        )
    _audience_lists(raw, audience, where, problems)
    return audience


def _audience_lists(raw: dict, audience: Audience, where: str, problems: list[Problem]) -> None:
    """The audience's conditions and equipment, each value one the vocabulary knows."""
    kinds = (
        ("conditions", vocab.CAUTIONS, vocab.CAUTION_LABELS),
        ("equipment", vocab.EQUIPMENT, vocab.EQUIPMENT_WORDS),
    )
    for name, allowed, words in kinds:
        values = raw.get(name) or []
        if not isinstance(values, list) or any(v not in allowed for v in values):
            problems.append(
                Problem(
                    f"{where}, audience",
                    name,
                    f"{shown(values)} is not a list of known values.",
                    f"Use values from: {tag_choices(allowed, words)}.",
                )
            )
        else:
            setattr(audience, name, list(values))


_NUMBER_TEXT = re.compile(r"[+-]?(\d[\d_]*\.?\d*|\.\d+)([eE][+-]?\d+)?")

#: The dosage numbers of an item, whether each must be whole, and an example for messages.
_NUMBERS = {
    "sets": (True, "a number of sets", 2),
    "reps": (True, "a whole number", 10),
    "hold_seconds": (False, "a number of seconds", 30),
    "seconds_per_rep": (False, "a number of seconds", 3),
    "rest_seconds": (False, "a number of seconds", 15),
    "transition_seconds": (False, "a number of seconds", 10),
}


def _number_problem(name: str, value: Any) -> tuple[str, str] | None:
    """(message, fix) when a dosage number is of the wrong type or no arithmetic should meet it."""
    whole, kind, example = _NUMBERS[name]
    fix = f"Use {'a whole number' if whole else 'a number'}, e.g. {name}: {example}."
    if isinstance(value, float) and not math.isfinite(value):
        return f"{shown(value)} {'is not a number' if math.isnan(value) else 'is infinite'}.", fix
    if not (_is_int(value) if whole else _is_number(value)):
        hint = misread(value, "it") if isinstance(value, bool) else ""
        if isinstance(value, str) and _NUMBER_TEXT.fullmatch(value.strip()):
            hint = "YAML read it as text: write plain digits without quotes (1000, not 1e3 or '1000')."
        return f"{shown(value)} is not {kind}.{' ' + hint if hint else ''}", fix
    limit = vocab.LIMITS["plan_item_number"]
    if limit.allows(value):
        return None
    if value < limit.low:
        return f"{shown(value)} is negative.", fix
    return f"{shown(value)} is far too large: a plan file may give at most {limit.high:,g}.", fix


def _dosage_types(raw: dict, bad) -> None:
    """Sets, reps or hold, and the seconds fields: right types, finite and within the sane maximum
    (``check_plan`` judges whether they suit a class: 0 or 50 sets load, and `check` says why not)."""
    reps, hold = raw.get("reps"), raw.get("hold_seconds")
    if (reps is None) == (hold is None):
        bad(
            "reps",
            "give either reps or hold_seconds (one of them, not both).",
            "e.g. reps: 10, or hold_seconds: 30.",
        )
    for name in _NUMBERS:
        value = raw.get(name)
        if value is None and name != "sets":
            continue
        if name in ("reps", "hold_seconds") and reps is not None and hold is not None:
            continue  # already named: one of them has to go
        problem = _number_problem(name, value)
        if problem is not None:
            bad(name, *problem)


def _item_types(raw: dict, bad) -> None:
    exercise = raw.get("exercise")
    if not isinstance(exercise, str) or not exercise.strip():
        message = "is missing." if exercise is None else f"{shown(exercise)} is not an id."
        hint = misread(exercise, "the id")
        bad(
            "exercise",
            f"{message} {hint}".strip(),
            "Give the exercise id from the library, e.g. ball-squeeze.",
        )
    _dosage_types(raw, bad)
    per_side = raw.get("per_side", False)
    if not isinstance(per_side, bool):
        bad("per_side", f"{shown(per_side)} should be true or false.", "true when each side works in turn.")
    for name in ("note", "why"):
        if raw.get(name) is not None and not isinstance(raw.get(name), str):
            hint = misread(raw.get(name), "the text")
            bad(name, f"should be text. {hint}".strip(), "Write it in words, or leave it out.")
    replaced = raw.get("replaced")
    if replaced is not None and not (
        isinstance(replaced, dict) and all(isinstance(v, str) for v in replaced.values())
    ):
        bad("replaced", "should be {exercise: ..., caution: ...} or null.", "Or leave it out.")


def _item(raw: Any, where: str, problems: list[Problem]) -> PlanItem | None:
    if not isinstance(raw, dict):
        fix = "e.g. {exercise: ball-squeeze, sets: 2, reps: 10}."
        problems.append(Problem(where, None, "should be a mapping.", fix))
        return None
    before = len(problems)
    _unknown_keys(raw, ITEM_KEYS, where, problems)
    problems += duplicate_problems(raw, where)
    _item_types(raw, lambda name, message, fix: problems.append(Problem(where, name, message, fix)))
    if len(problems) > before:
        return None
    transition = raw.get("transition_seconds")
    replaced = raw.get("replaced")
    return PlanItem(
        exercise=raw["exercise"],
        sets=raw["sets"],
        reps=raw.get("reps"),
        hold_seconds=raw.get("hold_seconds"),
        per_side=raw.get("per_side", False),
        seconds_per_rep=raw.get("seconds_per_rep"),
        rest_seconds=raw.get("rest_seconds", 0) or 0,
        transition_seconds=vocab.TRANSITION_SECONDS["first"] if transition is None else transition,
        note=raw.get("note") or "",
        why=raw.get("why") or "",
        replaced=dict(replaced) if replaced else None,
    )


def _section(raw: Any, label: str, problems: list[Problem]) -> Section | None:
    if not isinstance(raw, dict):
        problems.append(
            Problem(
                label, None, "should be a mapping with name and items.", "e.g. {name: warm-up, items: []}."
            )
        )
        return None
    name = raw.get("name")
    if isinstance(name, str) and name.strip():
        label += f" '{name}'"
    else:
        message = "is missing." if name is None or isinstance(name, str) else "should be text."
        hint = misread(name, "the name")
        problems.append(
            Problem(label, "name", f"{message} {hint}".strip(), "Name the section, e.g. warm-up.")
        )
    _unknown_keys(raw, SECTION_KEYS, label, problems)
    problems += duplicate_problems(raw, label, skip=("items",))
    raw_items = raw.get("items") or []
    if not isinstance(raw_items, list):
        problems.append(
            Problem(label, "items", "should be a list of items.", "Start each item with '- exercise: ...'.")
        )
        raw_items = []
    items = []
    for index, raw_item in enumerate(raw_items, start=1):
        item_label = f"{label}, item {index}"
        if isinstance(raw_item, dict) and isinstance(raw_item.get("exercise"), str):
            item_label += f" '{raw_item['exercise']}'"
        item = _item(raw_item, item_label, problems)
        if item is not None:
            items.append(item)
    return Section(name if isinstance(name, str) else "", items)


def _relaxed(raw: Any, where: str, problems: list[Problem]) -> list[dict[str, str]]:
    """The rules a builder let go: a list of {rule, why}, both text."""
    if raw is None:
        return []
    good = isinstance(raw, list) and all(
        isinstance(r, dict) and set(r) == {"rule", "why"} and all(isinstance(v, str) for v in r.values())
        for r in raw
    )
    if not good:
        fix = "Leave it as the builder wrote it, or remove it."
        problems.append(Problem(where, "relaxed", "should list {rule: ..., why: ...} entries.", fix))
        return []
    return [{"rule": r["rule"], "why": r["why"]} for r in raw]


def parts_from_record(
    record: Any, where: str
) -> tuple[str, int, Audience, list[Section], list[dict[str, str]]]:
    """Title, target minutes, audience, sections and the rules that gave way, from a parsed plan file.

    One ``PlanError`` lists every problem found, each naming the file, section, item and field.
    """
    if not isinstance(record, dict):
        problem = Problem(
            where,
            None,
            "should be a mapping with title, target_minutes, audience and sections.",
            "Start from a file written by `innerthigh-kit plan -o`.",
        )
        raise PlanError.from_problems(f"{where} is not a class plan:", [problem])
    problems: list[Problem] = []
    _unknown_keys(record, PLAN_KEYS, where, problems)
    problems += duplicate_problems(record, where, skip=("audience", "sections"))
    problems += duplicate_problems(record.get("audience"), f"{where}, audience")
    title = record.get("title")
    if not isinstance(title, str) or not title.strip():
        message = "is missing or empty." if title is None or isinstance(title, str) else "should be text."
        hint = misread(title, "the title")
        problems.append(Problem(where, "title", f"{message} {hint}".strip(), "Give the class a title."))
    minutes, limit = record.get("target_minutes"), vocab.LIMITS["plan_minutes"]
    if not _is_int(minutes) or not limit.allows(minutes):
        problems.append(
            Problem(
                where,
                "target_minutes",
                f"{shown(minutes)} is not a class length.",
                f"Use whole minutes {limit.words()}, e.g. 45.",
            )
        )
    audience = _audience(record.get("audience"), where, problems)
    relaxed = _relaxed(record.get("relaxed"), where, problems)
    raw_sections = record.get("sections")
    if not isinstance(raw_sections, list):
        problems.append(
            Problem(
                where, "sections", "should be a list of sections.", "e.g. - {name: warm-up, items: [...]}."
            )
        )
        raw_sections = []
    sections = [
        _section(raw, f"{where}, section {number}", problems) for number, raw in enumerate(raw_sections, 1)
    ]
    if problems:
        count = len(problems)
        raise PlanError.from_problems(
            f"The class plan {where} has {count} problem{'s' if count > 1 else ''}:", problems
        )
    kept = [section for section in sections if section is not None]
    return title, minutes, audience, kept, relaxed


def read_plan_record(path: str | os.PathLike) -> Any:
    """The parsed YAML of a plan file; a file that cannot be read or parsed raises a PlanError."""
    record, problems = load_file(path, keep_duplicates=True)  # parts_from_record names them
    if problems:
        raise PlanError.from_problems(f"The class plan {path} cannot be read:", problems)
    return record


def plan_text(record: dict[str, Any]) -> str:
    """A plan record as YAML text that reads back exactly (any text, any line-break character)."""
    text = yaml.safe_dump(record, sort_keys=False, allow_unicode=True, width=100)
    if safe_load(text) != record:  # PyYAML writes a few line-break characters raw
        text = yaml.safe_dump(record, sort_keys=False, allow_unicode=False, width=100)
    return text
