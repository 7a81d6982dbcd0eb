"""Reading exercise files: checked YAML with line numbers, every entry checked against the schema.

``read_exercise_file(path)`` returns the exercises it could build and every problem it found,
each naming the file, the entry (and its line), the field and the fix. A reason an exercise
claims but its category and position cannot train is a ``LibraryWarning``: the exercise still
loads, and the kit counts only the reasons it trains.
"""

from __future__ import annotations

import difflib
import os
import warnings
from pathlib import Path
from typing import Any

from .. import vocab
from .._yaml import duplicate_problems, line_of, load_file
from ..errors import LibraryWarning, Problem
from ..words import either_words, overclaim_words
from .model import Caution, Dosage, Exercise
from .poses import figure_spec
from .schema import FIELD_NAMES, FIELDS


def read_yaml(path: str | os.PathLike, keep_duplicates: bool = False) -> tuple[Any, list[Problem]]:
    """Read one YAML file with the kit's checks; an empty file is a problem. Returns (data, problems).

    ``keep_duplicates``: leave keys given twice for the caller to name (see ``_yaml.load_file``).
    """
    data, problems = load_file(path, keep_duplicates)
    if problems:
        return None, problems
    if data is None:
        return None, [
            Problem(
                str(path),
                None,
                "is empty.",
                "Add a list of exercises (each line of the list starts with '- ').",
            )
        ]
    return data, []


def _entry_label(path: Path, index: int, raw: Any) -> str:
    label = f"{path}, entry {index + 1}"
    if isinstance(raw, dict):
        if isinstance(raw.get("id"), str):
            label += f" '{raw['id']}'"
        if line_of(raw) is not None:
            label += f" (line {line_of(raw)})"
    return label


def _check_entry(where: str, raw: dict) -> list[Problem]:
    problems = duplicate_problems(raw, where)
    for field in FIELDS:
        if field.name not in raw:
            if field.required:
                problems.append(
                    Problem(where, field.name, "is missing.", f"Add it: {field.help}, e.g. {field.example}.")
                )
            continue
        problems += [Problem(where, field.name, message) for message in field.check(raw[field.name])]
    for name in sorted(set(raw) - set(FIELD_NAMES)):  # field names are always text (see _yaml)
        close = difflib.get_close_matches(name, FIELD_NAMES, n=1)
        hint = f"Did you mean '{close[0]}'?" if close else f"Known fields: {', '.join(FIELD_NAMES)}."
        problems.append(Problem(where, name, "is not a field of an exercise.", hint))
    return problems


def _build(raw: dict, source_file: str) -> Exercise:
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
        figure=figure_spec(raw["figure"]) if raw.get("figure") is not None else None,
        source_file=source_file,
    )


def _how_widely_claimed(reason: str) -> int:
    return sum(len(positions) for positions in vocab.REASON_CLAIMS[reason].values())


def reason_choices(exercise: Exercise) -> list[str]:
    """The reasons an exercise of its category and position may claim that it does not yet, the
    most particular to its kind first (range before pelvis-core for a stretch)."""
    trained = vocab.reasons_trained(exercise.category, exercise.position)
    return sorted((r for r in trained if r not in exercise.reasons), key=_how_widely_claimed)


def overclaim_problems(exercise: Exercise, where: str) -> list[Problem]:
    """A problem for each reason ``exercise`` claims that its category and position cannot train."""
    choices = either_words(f"'{r}' ({vocab.REASON_SHORT[r]})" for r in reason_choices(exercise))
    problems = []
    for reason in exercise.overclaimed_reasons():
        why = overclaim_words(reason, exercise.category, exercise.position)
        message = f"'{reason}' is claimed, but {why}."
        if not exercise.honest_reasons:
            fix = f"Choose {choices} instead."
        else:
            fix = f"Take it out, or choose {choices}." if choices else "Take it out."
        problems.append(Problem(where, "reasons", message, fix))
    return problems


def read_exercise_file(path: str | Path) -> tuple[list[Exercise], list[Problem]]:
    """Read and check one exercise file on its own. Returns (exercises, problems)."""
    path = Path(path)
    data, problems = read_yaml(path, keep_duplicates=True)  # each entry's check names them
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
            for problem in overclaim_problems(exercises[-1], where):
                warnings.warn(LibraryWarning(str(problem)), stacklevel=2)
    return exercises, problems


def files_in(path: Path) -> tuple[list[Path], list[Problem]]:
    """The exercise files a path names: a folder's .yaml and .yml files (sorted, hidden files left
    out), or the path itself. Returns (files, problems)."""
    if not path.is_dir():
        return [path], []
    try:
        with os.scandir(path) as entries:
            names = sorted(
                entry.name
                for entry in entries
                if entry.name.endswith((".yaml", ".yml")) and not entry.name.startswith(".")
            )
    except OSError as error:
        reason = error.strerror or str(error)
        return [], [
            Problem(str(path), None, f"cannot be opened ({reason}).", "Check the folder's permissions.")
        ]
    return [path / name for name in names], []
