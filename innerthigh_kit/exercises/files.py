"""Reading exercise files: safe YAML with line numbers, every entry checked against the schema.

``read_exercise_file(path)`` returns the exercises it could build and every problem it found,
each naming the file, the entry (and its line), the field and the fix.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

import yaml

from .._yaml import SAFE_LOADER
from ..errors import Problem
from .model import Caution, Dosage, Exercise
from .schema import FIELD_NAMES, FIELDS


class _LineLoader(SAFE_LOADER):
    """A safe loader that remembers the line where each mapping starts (for messages)."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml(path: Path) -> tuple[Any, list[Problem]]:
    """Parse a YAML file safely. Returns (data, problems)."""
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, [Problem(where, None, "is not a UTF-8 text file.", "Save it as UTF-8 text.")]
    except OSError as error:
        return None, [
            Problem(
                where, None, f"cannot be read ({error.strerror}).", "Check the path and that the file exists."
            )
        ]
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - _LineLoader is a SafeLoader
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        detail = error.problem or "the YAML cannot be read"
        return None, [
            Problem(
                f"{where}{line}",
                None,
                f"YAML syntax error: {detail}.",
                "Check indentation, colons and quotes on that line and the one before it.",
            )
        ]
    except yaml.YAMLError as error:
        return None, [Problem(where, None, f"YAML error: {error}.", "Check the file's syntax.")]
    if data is None:
        return None, [
            Problem(
                where, None, "is empty.", "Add a list of exercises (each line of the list starts with '- ')."
            )
        ]
    return data, []


def _entry_label(path: Path, index: int, raw: Any) -> str:
    label = f"{path}, entry {index + 1}"
    if isinstance(raw, dict):
        if isinstance(raw.get("id"), str):
            label += f" '{raw['id']}'"
        if "__line__" in raw:
            label += f" (line {raw['__line__']})"
    return label


def _check_entry(where: str, raw: dict) -> list[Problem]:
    problems = []
    for field in FIELDS:
        if field.name not in raw:
            if field.required:
                problems.append(
                    Problem(where, field.name, "is missing.", f"Add it: {field.help}, e.g. {field.example}.")
                )
            continue
        value = strip_lines(raw[field.name])
        problems += [Problem(where, field.name, message) for message in field.check(value)]
    unknown = sorted(set(raw) - set(FIELD_NAMES) - {"__line__"})
    for name in unknown:
        close = difflib.get_close_matches(name, FIELD_NAMES, n=1)
        hint = f"Did you mean '{close[0]}'?" if close else f"Known fields: {', '.join(FIELD_NAMES)}."
        problems.append(Problem(where, name, "is not a field of an exercise.", hint))
    return problems


def strip_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: strip_lines(v) for k, v in value.items() if k != "__line__"}
    if isinstance(value, list):
        return [strip_lines(v) for v in value]
    return value


def _build(raw: dict, source_file: str) -> Exercise:
    raw = strip_lines(raw)
    dosage = raw["dosage"]
    return Exercise(
        id=raw["id"],
        name=raw["name"].strip(),
        category=raw["category"],
        position=raw["position"],
        equipment=tuple(raw["equipment"]),
        level=raw["level"],
        primary_muscles=tuple(raw["muscles"]["primary"]),
        secondary_muscles=tuple(raw["muscles"].get("secondary", [])),
        per_side=raw["per_side"],
        dosage=Dosage(
            sets=dosage["sets"],
            reps=dosage.get("reps"),
            seconds_per_rep=dosage.get("seconds_per_rep"),
            hold_seconds=dosage.get("hold_seconds"),
        ),
        cues=tuple(c.strip() for c in raw["cues"]),
        regression=raw["regression"],
        progression=raw["progression"],
        cautions=tuple(
            Caution(
                tag=c["tag"],
                note=c["note"].strip(),
                action=c.get("action", "avoid"),
                source=str(c.get("source") or "").strip(),
            )
            for c in raw["cautions"]
        ),
        reasons=tuple(raw["reasons"]),
        description=raw["description"].strip(),
        sources=tuple(s.strip() for s in raw["sources"]),
        evidence=raw.get("evidence", "coaching"),
        roles=tuple(raw.get("roles") or ()),
        source_file=source_file,
    )


def read_exercise_file(path: str | Path) -> tuple[list[Exercise], list[Problem]]:
    """Read and check one exercise file on its own. Returns (exercises, problems)."""
    path = Path(path)
    data, problems = read_yaml(path)
    if problems:
        return [], problems
    if not isinstance(data, list):
        return [], [
            Problem(
                str(path),
                None,
                "should be a list of exercises.",
                "Start each exercise with '- id: ...' at the left margin.",
            )
        ]
    exercises = []
    for index, raw in enumerate(data):
        where = _entry_label(path, index, raw)
        if not isinstance(raw, dict):
            problems.append(
                Problem(
                    where,
                    None,
                    "is not an exercise mapping.",
                    "Each entry needs 'field: value' lines (id, name, ...).",
                )
            )
            continue
        entry_problems = _check_entry(where, raw)
        problems += entry_problems
        if not entry_problems:
            exercises.append(_build(raw, str(path)))
    return exercises, problems


def files_in(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted([*path.glob("*.yaml"), *path.glob("*.yml")])
    return [path]
