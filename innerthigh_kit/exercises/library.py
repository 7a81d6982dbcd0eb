"""The exercise library: the kit's exercises and an instructor's own, checked, merged and filtered.

``load_library()`` reads the kit's own exercises; ``load_library("my_moves.yaml", "studio/")``
adds an instructor's files or folders. Any problem raises one ``LibraryError`` that lists every
problem found, each naming the file, the entry, the field and the fix.
"""

from __future__ import annotations

import difflib
import os
import re
import warnings
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .. import vocab
from .._data import data_path
from .._yaml import shown
from ..errors import LibraryError, LibraryWarning, Problem, UnknownExerciseError
from ..words import POSITION_WORDS, tag_choices
from .files import files_in, read_exercise_file, read_yaml
from .model import Exercise
from .schema import ID_PATTERN

_REFERENCE_KEY = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@cache
def load_references() -> dict[str, str]:
    """The bibliography: reference key -> full citation (data/references.yaml)."""
    path = data_path("references.yaml")
    data, problems = read_yaml(path)
    if problems:
        raise LibraryError.from_problems("The kit's reference list has a problem:", problems)
    references = dict(data) if isinstance(data, dict) else None
    if not references or not all(isinstance(v, str) for v in references.values()):
        raise LibraryError(f"{path} should map reference keys to citation text.")
    return references


class Library:
    """A checked set of exercises, looked up by id and filtered by the kit's vocabulary.

    ``user_files``: the files the paths given to ``load_library`` named (an instructor's own).
    """

    def __init__(
        self,
        exercises: Iterable[Exercise],
        references: dict[str, str] | None = None,
        user_files: Iterable[str] = (),
    ):
        self._by_id = {exercise.id: exercise for exercise in exercises}
        self.references = dict(references or {})
        self.user_files = tuple(user_files)

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
        ``reason``: exercises whose movement trains it (``Exercise.honest_reasons``).
        """
        categories = _as_set(category, vocab.CATEGORIES, "category")
        positions = _as_set(position, vocab.POSITIONS, "position", POSITION_WORDS)
        reasons = _as_set(reason, vocab.REASONS, "reason", vocab.REASON_SHORT)
        equipment = _as_set(equipment_available, vocab.EQUIPMENT, "equipment", vocab.EQUIPMENT_WORDS)
        cautions = _as_set(avoid_cautions, vocab.CAUTIONS, "caution", vocab.CAUTION_LABELS) or set()
        if level_max is not None and level_max not in vocab.LEVELS:
            raise LibraryError(f"Level {level_max!r} is not a level. Use 1, 2 or 3.")
        chosen = []
        for exercise in self:
            if categories and exercise.category not in categories:
                continue
            if positions and exercise.position not in positions:
                continue
            if reasons and not reasons & set(exercise.honest_reasons):
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
                    "reasons": ", ".join(exercise.honest_reasons),
                    "cautions": ", ".join(c.tag for c in exercise.cautions),
                    "evidence": exercise.evidence,
                }
            )
        return pd.DataFrame(rows).set_index("id")


def _as_set(value, allowed: tuple, what: str, words: Mapping[str, str] | None = None) -> set | None:
    if value is None:
        return None
    values = {value} if isinstance(value, str) else set(value)
    unknown = sorted(values - set(allowed))
    if unknown:
        choices = tag_choices(allowed, words) if words else ", ".join(allowed)
        raise LibraryError(f"Unknown {what} {', '.join(map(repr, unknown))}. Use one of: {choices}.")
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
    return problems + _check_circles(by_id)


def _harder(by_id: dict[str, Exercise]) -> dict[str, list[tuple[str, tuple[str, str]]]]:
    """For each exercise, the exercises its links call harder, each with the link that says so.

    ``a.progression = b`` says b is harder than a; ``b.regression = a`` says the same thing, so
    a and b naming each other as progression and regression is one arrow a → b, not a circle.
    """
    harder: dict[str, list[tuple[str, tuple[str, str]]]] = {exercise_id: [] for exercise_id in by_id}
    for exercise in by_id.values():
        if exercise.progression in by_id and exercise.progression != exercise.id:
            harder[exercise.id].append((exercise.progression, (exercise.id, "progression")))
        if exercise.regression in by_id and exercise.regression != exercise.id:
            harder[exercise.regression].append((exercise.id, (exercise.id, "regression")))
    return harder


def _circles(harder: dict[str, list[tuple[str, tuple[str, str]]]]) -> list[tuple[list[str], tuple[str, str]]]:
    """Each circle of arrows a depth-first walk finds (without recursion): its ids, and the link
    (exercise id, field) that closes it."""
    state: dict[str, int] = {}  # 1 while on the walk's current path, 2 when finished
    circles = []
    for start in harder:
        if start in state:
            continue
        path, todo = [start], [iter(harder[start])]
        state[start] = 1
        while todo:
            step = next(todo[-1], None)
            if step is None:
                state[path.pop()] = 2
                todo.pop()
            elif state.get(step[0]) == 1:
                circles.append((path[path.index(step[0]) :] + [step[0]], step[1]))
            elif step[0] not in state:
                state[step[0]] = 1
                path.append(step[0])
                todo.append(iter(harder[step[0]]))
    return circles


def _check_circles(by_id: dict[str, Exercise]) -> list[Problem]:
    problems = []
    for circle, (exercise_id, field) in _circles(_harder(by_id)):
        problems.append(
            Problem(
                f"{by_id[exercise_id].source_file}, exercise '{exercise_id}'",
                field,
                "closes a circle of regressions and progressions: "
                f"{' → '.join(circle)} (each arrow points to a harder exercise).",
                "A progression should be harder and a regression easier: correct one of these links, "
                "or write null.",
            )
        )
    return problems


def _as_path(value: object) -> Path:
    if isinstance(value, (list, tuple, set, frozenset)):
        raise LibraryError(
            f"load_library takes each file or folder as its own argument, not a {type(value).__name__}: "
            "write load_library('my_moves.yaml', 'studio/'), or load_library(*paths) for a list."
        )
    text = os.fspath(value) if isinstance(value, (str, os.PathLike)) else None
    if not isinstance(text, str):
        raise LibraryError(
            "load_library takes paths of exercise files or folders, as text (e.g. 'my_moves.yaml') "
            f"or a Path, not {shown(value)}."
        )
    if not text.strip():
        raise LibraryError("load_library was given an empty path. Give the path of a .yaml file or a folder.")
    return Path(text)


def _user_files(extra_paths: tuple, kit_files: list[Path]) -> tuple[list[Path], list[Path], list[Problem]]:
    """The files the instructor's paths name, those of them still to read (each file once, the
    kit's own left out), and problems opening folders. Warns about a folder with none."""
    seen = {os.path.realpath(path) for path in kit_files}
    named, to_read, problems = [], [], []
    for extra in map(_as_path, extra_paths):
        found, folder_problems = files_in(extra)
        problems += folder_problems
        if not found and not folder_problems:
            warnings.warn(
                LibraryWarning(
                    f"{extra} is a folder with no exercise files (.yaml or .yml): nothing was read."
                ),
                stacklevel=3,
            )
        named += [path for path in found if path not in named]
        for path in found:
            if os.path.realpath(path) not in seen:  # naming the kit's own files again adds nothing
                seen.add(os.path.realpath(path))
                to_read.append(path)
    return named, to_read, problems


def load_library(*extra_paths: str | os.PathLike) -> Library:
    """The kit's exercises merged with an instructor's own files or folders.

    Every file is read safely and checked in full; all problems in all files are reported
    together in one ``LibraryError``. Ids must be unique across every file. A folder with no
    exercise files in it gives a ``LibraryWarning``.
    """
    kit_files, problems = files_in(data_path("exercises"))
    named, user_files, user_problems = _user_files(extra_paths, kit_files)
    problems += user_problems
    exercises: list[Exercise] = []
    first_seen: dict[str, str] = {}
    for path in kit_files + user_files:
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
    return Library(exercises, references, [str(path) for path in named])


@dataclass(frozen=True)
class FilesChecked:
    """What checking an instructor's files found: the files read, the warnings, the library made."""

    paths: tuple[str, ...]
    files: tuple[str, ...]
    warnings: tuple[str, ...]
    library: Library

    def summary(self) -> str:
        if not self.files:
            return f"Nothing was checked: {', '.join(self.paths)} holds no exercise files (.yaml or .yml)."
        count, said = len(self.files), len(self.warnings)
        heed = f" Look at the {said} warning{'s' if said > 1 else ''} above." if said else ""
        return (
            f"All good: {count} file{'s' if count > 1 else ''} checked ({', '.join(self.files)}); "
            f"the library now has {len(self.library)} exercises.{heed}"
        )


def check_files(*paths: str | os.PathLike) -> FilesChecked:
    """Check an instructor's exercise files or folders with the kit's library (``validate``).

    Problems raise one ``LibraryError``, as in ``load_library``; warnings (an empty folder, a
    reason claimed that the exercise's movement does not train) are kept in the result, and
    ``files`` is empty when the paths held no exercise file at all.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", LibraryWarning)
        library = load_library(*paths)
    for warning in caught:
        if not issubclass(warning.category, LibraryWarning):
            warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)
    said = tuple(str(w.message) for w in caught if issubclass(w.category, LibraryWarning))
    return FilesChecked(tuple(map(str, paths)), library.user_files, said, library)


def is_valid_id(value: str) -> bool:
    return bool(ID_PATTERN.match(value))
