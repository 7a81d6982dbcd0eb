"""The exercise library: load YAML files safely, validate every entry, merge, filter.

``load_library()`` reads the kit's own exercises; ``load_library("my_moves.yaml", "studio/")``
adds an instructor's files or folders. Any problem raises one ``LibraryError`` that lists every
problem found, each naming the file, the entry, the field and the fix.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from . import vocab
from ._data import data_path
from ._yaml import SAFE_LOADER
from .errors import LibraryError, Problem, UnknownExerciseError
from .schema import FIELD_NAMES, FIELDS, ID_PATTERN

_REFERENCE_KEY = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Caution:
    tag: str
    note: str
    action: str = "avoid"  # "avoid": leave it out for this group; "modify": teach it as the note says


@dataclass(frozen=True)
class Dosage:
    sets: int
    reps: int | None = None
    seconds_per_rep: float | None = None
    hold_seconds: float | None = None

    @property
    def seconds_per_set(self) -> float:
        """Working time of one set on one side, in seconds."""
        if self.hold_seconds is not None:
            return float(self.hold_seconds)
        return float(self.reps * self.seconds_per_rep)

    def describe(self) -> str:
        """E.g. '2 × 10 reps' or '2 × 30 s hold'."""
        if self.hold_seconds is not None:
            return f"{self.sets} × {self.hold_seconds:g} s hold"
        return f"{self.sets} × {self.reps} reps"

    def to_record(self) -> dict[str, Any]:
        record: dict[str, Any] = {"sets": self.sets}
        if self.hold_seconds is not None:
            record["hold_seconds"] = self.hold_seconds
        else:
            record["reps"] = self.reps
            record["seconds_per_rep"] = self.seconds_per_rep
        return record


@dataclass(frozen=True)
class Exercise:
    """One exercise of the library. Field names match the YAML files."""

    id: str
    name: str
    category: str
    position: str
    equipment: tuple[str, ...]
    level: int
    primary_muscles: tuple[str, ...]
    secondary_muscles: tuple[str, ...]
    per_side: bool
    dosage: Dosage
    cues: tuple[str, ...]
    regression: str | None
    progression: str | None
    cautions: tuple[Caution, ...]
    reasons: tuple[str, ...]
    description: str
    sources: tuple[str, ...]
    evidence: str = "coaching"
    source_file: str = ""

    def caution(self, tag: str) -> Caution | None:
        """This exercise's caution for ``tag``, or None."""
        return next((c for c in self.cautions if c.tag == tag), None)

    @property
    def key_cue(self) -> str:
        """The cue to say when there is time for one: the second (the first sets the position up)."""
        return self.cues[1] if len(self.cues) > 1 else self.cues[0]

    def clashes(self, tags: Iterable[str]) -> list[Caution]:
        """The cautions that say to leave this exercise out for any of ``tags``."""
        wanted = set(tags)
        return [c for c in self.cautions if c.tag in wanted and c.action == "avoid"]

    def modifications(self, tags: Iterable[str]) -> list[Caution]:
        """The cautions that keep this exercise for ``tags`` but change how it is taught."""
        wanted = set(tags)
        return [c for c in self.cautions if c.tag in wanted and c.action == "modify"]

    def needs(self, equipment_available: Iterable[str]) -> list[str]:
        """The equipment this exercise uses that is not available (a mat is always assumed)."""
        have = set(equipment_available) | {"mat"}
        return [item for item in self.equipment if item not in have]

    def to_record(self) -> dict[str, Any]:
        """The exercise as a plain mapping with the YAML field names (for JSON and YAML)."""
        return {
            "id": self.id,
            "name": self.name,
            "category": self.category,
            "position": self.position,
            "equipment": list(self.equipment),
            "level": self.level,
            "muscles": {
                "primary": list(self.primary_muscles),
                "secondary": list(self.secondary_muscles),
            },
            "per_side": self.per_side,
            "dosage": self.dosage.to_record(),
            "cues": list(self.cues),
            "regression": self.regression,
            "progression": self.progression,
            "cautions": [{"tag": c.tag, "note": c.note, "action": c.action} for c in self.cautions],
            "reasons": list(self.reasons),
            "description": self.description,
            "sources": list(self.sources),
            "evidence": self.evidence,
        }


# --------------------------------------------------------------------------- reading files


class _LineLoader(SAFE_LOADER):
    """A safe loader that remembers the line where each mapping starts (for messages)."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _read_yaml(path: Path) -> tuple[Any, list[Problem]]:
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
        value = _strip_lines(raw[field.name])
        problems += [Problem(where, field.name, message) for message in field.check(value)]
    unknown = sorted(set(raw) - set(FIELD_NAMES) - {"__line__"})
    for name in unknown:
        close = difflib.get_close_matches(name, FIELD_NAMES, n=1)
        hint = f"Did you mean '{close[0]}'?" if close else f"Known fields: {', '.join(FIELD_NAMES)}."
        problems.append(Problem(where, name, "is not a field of an exercise.", hint))
    return problems


def _strip_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k != "__line__"}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value


def _build(raw: dict, source_file: str) -> Exercise:
    raw = _strip_lines(raw)
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
            Caution(tag=c["tag"], note=c["note"].strip(), action=c.get("action", "avoid"))
            for c in raw["cautions"]
        ),
        reasons=tuple(raw["reasons"]),
        description=raw["description"].strip(),
        sources=tuple(s.strip() for s in raw["sources"]),
        evidence=raw.get("evidence", "coaching"),
        source_file=source_file,
    )


def read_exercise_file(path: str | Path) -> tuple[list[Exercise], list[Problem]]:
    """Read and check one exercise file on its own. Returns (exercises, problems)."""
    path = Path(path)
    data, problems = _read_yaml(path)
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


def _files_in(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted([*path.glob("*.yaml"), *path.glob("*.yml")])
    return [path]


# --------------------------------------------------------------------------- the library


@cache
def load_references() -> dict[str, str]:
    """The bibliography: reference key -> full citation (data/references.yaml)."""
    path = data_path("references.yaml")
    data, problems = _read_yaml(path)
    if problems:
        raise LibraryError.from_problems("The kit's reference list has a problem:", problems)
    references = _strip_lines(data) if isinstance(data, dict) else None
    if not references or not all(isinstance(v, str) for v in references.values()):
        raise LibraryError(f"{path} should map reference keys to citation text.")
    return references


class Library:
    """A checked set of exercises, looked up by id and filtered by the kit's vocabulary."""

    def __init__(self, exercises: Iterable[Exercise], references: dict[str, str] | None = None):
        self._by_id = {exercise.id: exercise for exercise in exercises}
        self.references = dict(references or {})

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self._by_id.values())

    def __contains__(self, exercise_id: object) -> bool:
        return exercise_id in self._by_id

    def __repr__(self) -> str:
        return f"<Library of {len(self)} exercises>"

    @property
    def ids(self) -> list[str]:
        return list(self._by_id)

    def get(self, exercise_id: str) -> Exercise:
        """The exercise with this id; an unknown id raises a message with the closest ids."""
        try:
            return self._by_id[exercise_id]
        except (KeyError, TypeError):
            close = difflib.get_close_matches(str(exercise_id), self._by_id, n=3, cutoff=0.5)
            hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
            raise UnknownExerciseError(
                f"There is no exercise with id {exercise_id!r} in the library.{hint} "
                "See every id with `innerthigh-kit exercises`."
            ) from None

    def filter(
        self,
        category: str | Iterable[str] | None = None,
        equipment_available: Iterable[str] | None = None,
        level_max: int | None = None,
        position: str | Iterable[str] | None = None,
        avoid_cautions: Iterable[str] | None = None,
        reason: str | Iterable[str] | None = None,
    ) -> list[Exercise]:
        """The exercises that match every given filter, in library order.

        ``equipment_available``: only exercises that need nothing else (a mat is always assumed).
        ``avoid_cautions``: leave out exercises whose caution says "avoid" for any of these tags.
        """
        categories = _as_set(category, vocab.CATEGORIES, "category")
        positions = _as_set(position, vocab.POSITIONS, "position")
        reasons = _as_set(reason, vocab.REASONS, "reason")
        equipment = _as_set(equipment_available, vocab.EQUIPMENT, "equipment")
        cautions = _as_set(avoid_cautions, vocab.CAUTIONS, "caution") or set()
        if level_max is not None and level_max not in vocab.LEVELS:
            raise LibraryError(f"Level {level_max!r} is not a level. Use 1, 2 or 3.")
        chosen = []
        for exercise in self:
            if categories and exercise.category not in categories:
                continue
            if positions and exercise.position not in positions:
                continue
            if reasons and not reasons & set(exercise.reasons):
                continue
            if equipment is not None and exercise.needs(equipment):
                continue
            if level_max is not None and exercise.level > level_max:
                continue
            if exercise.clashes(cautions):
                continue
            chosen.append(exercise)
        return chosen

    def citation(self, source: str) -> str:
        """The full citation for a reference key, or the source text as written."""
        return self.references.get(source, source)

    def to_dataframe(self):
        """A pandas DataFrame with one row per exercise (lists joined for reading)."""
        import pandas as pd

        rows = []
        for exercise in self:
            rows.append(
                {
                    "id": exercise.id,
                    "name": exercise.name,
                    "category": exercise.category,
                    "position": exercise.position,
                    "level": exercise.level,
                    "equipment": ", ".join(exercise.equipment),
                    "per_side": exercise.per_side,
                    "dosage": exercise.dosage.describe(),
                    "reasons": ", ".join(exercise.reasons),
                    "cautions": ", ".join(c.tag for c in exercise.cautions),
                    "evidence": exercise.evidence,
                }
            )
        return pd.DataFrame(rows).set_index("id")


def _as_set(value, allowed: tuple, what: str) -> set | None:
    if value is None:
        return None
    values = {value} if isinstance(value, str) else set(value)
    unknown = sorted(values - set(allowed))
    if unknown:
        raise LibraryError(
            f"Unknown {what} {', '.join(map(repr, unknown))}. Use one of: {', '.join(allowed)}."
        )
    return values


def _check_links(exercises: list[Exercise], references: dict[str, str]) -> list[Problem]:
    by_id = {e.id: e for e in exercises}
    problems = []
    for exercise in exercises:
        where = f"{exercise.source_file}, exercise '{exercise.id}'"
        for field in ("regression", "progression"):
            target = getattr(exercise, field)
            if target is None:
                continue
            if target == exercise.id:
                problems.append(
                    Problem(
                        where,
                        field,
                        "points to the exercise itself.",
                        "Name another exercise, or write null.",
                    )
                )
            elif target not in by_id:
                close = difflib.get_close_matches(target, by_id, n=1)
                hint = f"Did you mean '{close[0]}'?" if close else "Add that exercise or write null."
                problems.append(Problem(where, field, f"'{target}' is not in the library.", hint))
        for source in exercise.sources:
            if _REFERENCE_KEY.match(source) and source not in references:
                close = difflib.get_close_matches(source, references, n=1)
                hint = (
                    f"Did you mean '{close[0]}'?"
                    if close
                    else "Use a key from data/references.yaml, or write the citation out in words."
                )
                problems.append(Problem(where, "sources", f"'{source}' is not a known reference key.", hint))
    return problems


def load_library(*extra_paths: str | Path) -> Library:
    """The kit's exercises merged with an instructor's own files or folders.

    Every file is read safely and checked in full; all problems in all files are reported
    together in one ``LibraryError``. Ids must be unique across every file.
    """
    paths = _files_in(data_path("exercises"))
    seen = {path.resolve() for path in paths}
    for extra in extra_paths:
        for path in _files_in(Path(extra)):
            if path.resolve() not in seen:  # naming the kit's own files again adds nothing
                seen.add(path.resolve())
                paths.append(path)
    problems: list[Problem] = []
    exercises: list[Exercise] = []
    first_seen: dict[str, str] = {}
    for path in paths:
        if not path.exists():
            problems.append(Problem(str(path), None, "does not exist.", "Check the spelling of the path."))
            continue
        found, file_problems = read_exercise_file(path)
        problems += file_problems
        for exercise in found:
            if exercise.id in first_seen:
                problems.append(
                    Problem(
                        f"{path}, exercise '{exercise.id}'",
                        "id",
                        f"is already used in {first_seen[exercise.id]}.",
                        "Give this exercise a new id (ids must be unique across every file).",
                    )
                )
                continue
            first_seen[exercise.id] = str(path)
            exercises.append(exercise)
    references = load_references()
    problems += _check_links(exercises, references)
    if problems:
        count = len(problems)
        raise LibraryError.from_problems(
            f"The exercise library has {count} problem{'s' if count > 1 else ''}:", problems
        )
    return Library(exercises, references)


def is_valid_id(value: str) -> bool:
    return bool(ID_PATTERN.match(value))
