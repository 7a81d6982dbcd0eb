"""The exercise schema: each field once, with its rule, its help text and an example.

Validation (exercises/files.py), the README's field table (``schema_markdown``) and the CLI's help all
come from ``FIELDS``. A checker takes the raw value and returns a list of messages (empty when
the value is good); each message already says how to fix it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .. import vocab
from .._yaml import misread, shown
from ..words import POSITION_WORDS, tag_choices
from .poses import check_figure

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _allowed(values: tuple, words: Mapping[str, str] | None = None) -> str:
    """The values one may write; with ``words``, each tag with its words beside it."""
    return tag_choices(values, words) if words else ", ".join(str(v) for v in values)


def _with_hint(message: str, value: Any, what: str = "the text") -> str:
    hint = misread(value, what)
    return f"{message} {hint}" if hint else message


def check_id(value: Any) -> list[str]:
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        message = (
            f"{shown(value)} is not a valid id. Use lower-case words joined by hyphens, "
            "e.g. 'side-lying-inner-thigh-lift'."
        )
        return [_with_hint(message, value, "the id")]
    return []


def check_text(value: Any) -> list[str]:
    if _is_text(value):
        return []
    if value is None or isinstance(value, str):
        return ["is empty. Write it in words."]
    return [_with_hint(f"{shown(value)} should be some text. Write it in words.", value)]


def check_one_of(choices: tuple, words: Mapping[str, str] | None = None) -> Callable[[Any], list[str]]:
    def check(value: Any) -> list[str]:
        if value not in choices:
            return [
                f"{shown(value)} is not one of the allowed values. Use one of: {_allowed(choices, words)}."
            ]
        return []

    return check


def check_list_of(
    choices: tuple, minimum: int = 0, words: Mapping[str, str] | None = None
) -> Callable[[Any], list[str]]:
    def check(value: Any) -> list[str]:
        allowed = _allowed(choices, words)
        if not isinstance(value, list):
            return [f"should be a list, e.g. [{choices[0]}]. Allowed values: {allowed}."]
        problems = []
        if len(value) < minimum:
            problems.append(f"needs at least {minimum} value(s). Allowed: {allowed}.")
        for item in value:
            if item not in choices:
                problems.append(f"{shown(item)} is not one of the allowed values. Use one of: {allowed}.")
        if len(set(map(str, value))) != len(value):
            problems.append("lists a value twice. Name each value once.")
        return problems

    return check


def check_level(value: Any) -> list[str]:
    if isinstance(value, bool) or not isinstance(value, int) or value not in vocab.LEVELS:
        return [f"{shown(value)} is not a level. Use 1 (beginner), 2 (intermediate) or 3 (advanced)."]
    return []


def check_bool(value: Any) -> list[str]:
    if not isinstance(value, bool):
        return [f"{shown(value)} should be true or false."]
    return []


def check_muscles(value: Any) -> list[str]:
    if not isinstance(value, dict):
        return ["should be a mapping with 'primary' and 'secondary' lists of muscle names."]
    problems = []
    unknown = set(value) - {"primary", "secondary"}
    if unknown:
        problems.append(f"has unknown key(s) {shown(sorted(unknown))}. Use only 'primary' and 'secondary'.")
    primary = value.get("primary")
    if not isinstance(primary, list) or not primary or not all(map(_is_text, primary)):
        problems.append("'primary' should list at least one muscle name, e.g. [adductors].")
    secondary = value.get("secondary", [])
    if not isinstance(secondary, list) or not all(map(_is_text, secondary)):
        problems.append("'secondary' should be a list of muscle names (it may be empty: []).")
    return problems


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_dosage(value: Any) -> list[str]:
    example = "e.g. {sets: 2, reps: 10, seconds_per_rep: 3} or {sets: 2, hold_seconds: 30}"
    if not isinstance(value, dict):
        return [f"should be a mapping, {example}."]
    problems = []
    unknown = set(value) - {"sets", "reps", "seconds_per_rep", "hold_seconds"}
    if unknown:
        problems.append(
            f"has unknown key(s) {shown(sorted(unknown))}. Use sets, reps, seconds_per_rep, hold_seconds."
        )
    limits = vocab.LIMITS
    sets = value.get("sets")
    if not _whole(sets) or not limits["sets"].allows(sets):
        problems.append(f"'sets' is {shown(sets)}; it should be a whole number {limits['sets'].words()}.")
    has_reps, has_hold = "reps" in value, "hold_seconds" in value
    if has_reps == has_hold:
        problems.append(f"give either 'reps' (with 'seconds_per_rep') or 'hold_seconds', {example}.")
    if has_reps:
        reps = value["reps"]
        if not _whole(reps) or not limits["reps"].allows(reps):
            problems.append(f"'reps' is {shown(reps)}; it should be a whole number {limits['reps'].words()}.")
        per_rep = value.get("seconds_per_rep")
        if not limits["seconds_per_rep"].allows(per_rep):
            given = "missing" if per_rep is None else shown(per_rep)
            problems.append(
                f"'seconds_per_rep' is {given}; say how many seconds one rep takes "
                f"({limits['seconds_per_rep'].words()}), e.g. 3."
            )
    elif "seconds_per_rep" in value:
        problems.append("'seconds_per_rep' goes with 'reps'; remove it from a hold.")
    if has_hold:
        hold = value["hold_seconds"]
        if not limits["hold_seconds"].allows(hold):
            problems.append(
                f"'hold_seconds' is {shown(hold)}; it should be {limits['hold_seconds'].words()}."
            )
    return problems


def _texts(value: Any, what: str) -> list[str]:
    """A message for each item of a list that YAML read as something other than text."""
    return [
        f"{what} {number}: {misread(item, f'the {what}')}"
        for number, item in enumerate(value, start=1)
        if not _is_text(item) and misread(item)
    ]


def check_cues(value: Any) -> list[str]:
    if isinstance(value, list) and _texts(value, "cue"):
        return _texts(value, "cue")
    if not isinstance(value, list) or len(value) < 2 or not all(map(_is_text, value)):
        return ["should list at least 2 cues, each a short sentence you would say to the class."]
    return []


def check_optional_id(value: Any) -> list[str]:
    return [] if value is None else check_id(value)


def check_cautions(value: Any) -> list[str]:
    if not isinstance(value, list):
        return ["should be a list (it may be empty: []), e.g. [{tag: knee-pain, note: ...}]."]
    problems = []
    seen = set()
    for number, caution in enumerate(value, start=1):
        if not isinstance(caution, dict):
            problems.append(f"caution {number} should be a mapping with 'tag' and 'note'.")
            continue
        unknown = set(caution) - {"tag", "note", "action", "source"}
        if unknown:
            problems.append(
                f"caution {number} has unknown key(s) {shown(sorted(unknown))}. "
                "Use tag, note, action, source."
            )
        if "source" in caution and not _is_text(caution["source"]):
            problems.append(
                f"caution {number}: 'source' should name where the rule comes from, e.g. acog-2020."
            )
        tag = caution.get("tag")
        if tag not in vocab.CAUTIONS:
            problems.append(
                f"caution {number}: {shown(tag)} is not a known caution tag. "
                f"Use one of: {_allowed(vocab.CAUTIONS, vocab.CAUTION_LABELS)}."
            )
            tag = shown(tag)
        elif tag in seen:
            problems.append(f"caution {number}: '{tag}' is listed twice. Keep one.")
        seen.add(tag)
        if not _is_text(caution.get("note")):
            message = f"caution {number} ({tag}) needs a 'note' saying what to do instead."
            problems.append(_with_hint(message, caution.get("note"), "the note"))
        action = caution.get("action", "avoid")
        if action not in vocab.CAUTION_ACTIONS:
            problems.append(
                f"caution {number}: action {shown(action)} is not allowed. "
                f"Use one of: {_allowed(vocab.CAUTION_ACTIONS)}."
            )
    return problems


def check_sources(value: Any) -> list[str]:
    if isinstance(value, list) and _texts(value, "source"):
        return _texts(value, "source")
    if not isinstance(value, list) or not value or not all(map(_is_text, value)):
        return [
            "should list at least one source: a key from data/references.yaml "
            "(e.g. haroy-2019) or a citation written out in words."
        ]
    return []


@dataclass(frozen=True)
class Field:
    name: str
    required: bool
    check: Callable[[Any], list[str]]
    help: str
    example: str


FIELDS: tuple[Field, ...] = (
    Field("id", True, check_id, "unique, lower-case words joined by hyphens", "wide-squat-heel-lift"),
    Field("name", True, check_text, "the name you say in class", "Wide squat with heel lifts"),
    Field(
        "category", True, check_one_of(vocab.CATEGORIES), "one of: " + ", ".join(vocab.CATEGORIES), "strength"
    ),
    Field(
        "position",
        True,
        check_one_of(vocab.POSITIONS, POSITION_WORDS),
        "one of: " + ", ".join(vocab.POSITIONS),
        "standing",
    ),
    Field(
        "equipment",
        True,
        check_list_of(vocab.EQUIPMENT, minimum=1, words=vocab.EQUIPMENT_WORDS),
        "list from: " + ", ".join(vocab.EQUIPMENT),
        "[mat]",
    ),
    Field("level", True, check_level, "1 beginner, 2 intermediate, 3 advanced", "2"),
    Field(
        "muscles",
        True,
        check_muscles,
        "primary and secondary lists of muscle names",
        "{primary: [adductors, glutes], secondary: [calves]}",
    ),
    Field("per_side", True, check_bool, "true when each side is done in turn", "false"),
    Field(
        "dosage",
        True,
        check_dosage,
        "sets and reps with seconds_per_rep, or sets and hold_seconds",
        "{sets: 2, reps: 10, seconds_per_rep: 4}",
    ),
    Field(
        "cues",
        True,
        check_cues,
        "at least 2, in words you say to the class: first how to set up, then the key cue",
        "[Heels under knees., Lift the heels, then lower slowly.]",
    ),
    Field(
        "regression",
        True,
        check_optional_id,
        "id of an easier exercise, or null",
        "chair-supported-wide-squat",
    ),
    Field("progression", True, check_optional_id, "id of a harder exercise, or null", "null"),
    Field(
        "cautions",
        True,
        check_cautions,
        "list of {tag, note, action, source}; tag from: "
        + ", ".join(vocab.CAUTIONS)
        + "; action avoid (default) or modify; source: where the rule comes from (optional)",
        "[{tag: pelvic-girdle-pain, note: Keep the stance narrow.}]",
    ),
    Field(
        "reasons",
        True,
        check_list_of(vocab.REASONS, minimum=1, words=vocab.REASON_SHORT),
        "which reasons its movement trains: the five reasons to train ("
        + ", ".join(vocab.REASONS_TO_TRAIN)
        + f") or range ({vocab.REASON_SHORT['range']}); a stretch serves range, not balance",
        "[knee, balance, foot-ankle]",
    ),
    Field(
        "description",
        True,
        check_text,
        "what it is and why, in a few plain sentences",
        "Feet wide, toes out; squat, then lift the heels.",
    ),
    Field(
        "sources",
        True,
        check_sources,
        "keys from data/references.yaml or written citations",
        "[serner-2014, Coaching experience]",
    ),
    Field(
        "roles",
        False,
        check_list_of(vocab.ROLES, words=vocab.ROLE_WORDS),
        "what the exercise is, for the class rules: " + ", ".join(vocab.ROLES) + " (default none)",
        "[squeeze, bridge]",
    ),
    Field(
        "figure",
        False,
        check_figure,
        "how to draw it: view (side, front, above), a start pose and an end pose (none for a hold), "
        "each a named pose with joint changes, props, and whose inner thigh works (default: a placeholder)",
        "{view: side, start: {pose: crook-lying}, props: [mat, small-ball]}",
    ),
    Field(
        "evidence",
        False,
        check_one_of(vocab.EVIDENCE),
        "how strong the support is: " + ", ".join(vocab.EVIDENCE) + " (default coaching)",
        "coaching",
    ),
)

FIELD_NAMES = tuple(field.name for field in FIELDS)


def schema_markdown() -> str:
    """The field table of the README, made from ``FIELDS``."""
    rows = ["| field | required | what to write | example |", "|---|---|---|---|"]
    for field in FIELDS:
        required = "yes" if field.required else "no"
        rows.append(f"| `{field.name}` | {required} | {field.help} | `{field.example}` |")
    return "\n".join(rows)


class SchemaTable:
    """The field table as Markdown for a notebook; its text form is the same table, so nbval compares it."""

    def _repr_markdown_(self) -> str:
        return schema_markdown()

    def __repr__(self) -> str:
        return schema_markdown()


def schema_table() -> SchemaTable:
    """The exercise schema's field table, to display in a notebook."""
    return SchemaTable()
