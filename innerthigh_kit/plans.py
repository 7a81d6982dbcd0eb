"""Class plans: what is taught, in which order, for how long; the request a plan is built from.

A ``ClassPlan`` holds ordered ``Section``s of ``PlanItem``s. Dosage, rest and transition live on
the item (copied from the library's default dosage when built, editable afterwards).

Timing rule (one place: ``PlanItem.seconds``)::

    sides   = 2 if per_side else 1
    work    = hold_seconds, or reps x seconds_per_rep          (one set on one side)
    seconds = sides x sets x work + sides x (sets - 1) x rest_seconds + transition_seconds

so per-side work counts both sides, the rests between sets count on each side, and the
transition (getting into place, fetching a ball, the first explanation) counts once.
A plan's ``total_seconds`` is the sum over its items.

Files are YAML with the structure of ``to_json_dict()`` (plus the item fields that make the round
trip exact: seconds_per_rep, rest_seconds, transition_seconds, note, replaced). ``save`` writes a
temporary file in the same folder, fsyncs it and renames it over the target, keeping the previous
version as ``<name>.bak``.
"""

from __future__ import annotations

import copy
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import vocab
from ._yaml import safe_load
from .errors import PlanError, Problem

MINUTES_RANGE = (15, 90)
DEFAULT_SECONDS_PER_REP = 3.0


def duration_words(seconds: float) -> str:
    """A length of time as an instructor says it: '55 s', '2 min', '2 min 05 s'."""
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    return f"{seconds // 60} min {seconds % 60:02d} s" if seconds % 60 else f"{seconds // 60} min"


def _allowed(values: Iterable) -> str:
    return ", ".join(str(v) for v in values)


def _number(value: float) -> int | float:
    """A whole number as int (so files and JSON read 30, not 30.0), else rounded to 0.1."""
    value = round(float(value), 1)
    return int(value) if value == int(value) else value


# --------------------------------------------------------------------------- the request


@dataclass(frozen=True)
class ClassRequest:
    """What class the instructor must teach. Every field is checked on construction."""

    minutes: int = 45
    level: int = 1
    equipment: tuple[str, ...] = ()
    population: str = "general"
    conditions: tuple[str, ...] = ()
    focus: str = "balanced"

    def __post_init__(self) -> None:
        problems = []

        def bad(name: str, message: str, fix: str) -> None:
            problems.append(Problem("class request", name, message, fix))

        lo, hi = MINUTES_RANGE
        if (
            isinstance(self.minutes, bool)
            or not isinstance(self.minutes, int)
            or not lo <= self.minutes <= hi
        ):
            bad(
                "minutes",
                f"{self.minutes!r} is not a class length the kit plans.",
                f"Use a whole number of minutes from {lo} to {hi}.",
            )
        if self.level not in vocab.LEVELS or isinstance(self.level, bool):
            bad(
                "level",
                f"{self.level!r} is not a level.",
                "Use 1 (beginner), 2 (intermediate) or 3 (advanced).",
            )
        if self.population not in vocab.POPULATIONS:
            bad(
                "population",
                f"{self.population!r} is not a group the kit knows.",
                f"Use one of: {_allowed(vocab.POPULATIONS)}.",
            )
        if self.focus not in vocab.FOCUSES:
            bad("focus", f"{self.focus!r} is not a focus.", f"Use one of: {_allowed(vocab.FOCUSES)}.")
        for name, values, allowed in (
            ("equipment", self.equipment, vocab.EQUIPMENT),
            ("conditions", self.conditions, vocab.CAUTIONS),
        ):
            values = (values,) if isinstance(values, str) else values
            try:
                values = tuple(dict.fromkeys(values))
            except TypeError:
                bad(name, f"{values!r} should be a list.", f"Use values from: {_allowed(allowed)}.")
                continue
            unknown = [v for v in values if v not in allowed]
            if unknown:
                bad(
                    name,
                    f"{', '.join(map(repr, unknown))} not known.",
                    f"Use values from: {_allowed(allowed)}.",
                )
            object.__setattr__(self, name, values)
        if problems:
            raise PlanError.from_problems("This class request cannot be used as it is:", problems)

    @property
    def caution_tags(self) -> tuple[str, ...]:
        """The population's caution tags followed by the named conditions."""
        tags = vocab.POPULATION_CAUTIONS[self.population]
        return tags + tuple(c for c in self.conditions if c not in tags)

    @property
    def equipment_available(self) -> tuple[str, ...]:
        """The equipment asked for, with the mat that is always assumed."""
        return ("mat", *(e for e in self.equipment if e != "mat"))

    def audience(self) -> Audience:
        return Audience(
            self.population,
            self.level,
            list(self.conditions),
            [e for e in self.equipment if e != "mat"],
            self.focus,
        )


# --------------------------------------------------------------------------- the plan


@dataclass
class Audience:
    """Who the class is for: recorded on the plan so checks and reasoning can use it."""

    population: str = "general"
    level: int = 1
    conditions: list[str] = field(default_factory=list)
    equipment: list[str] = field(default_factory=list)
    focus: str = "balanced"

    @property
    def caution_tags(self) -> list[str]:
        tags = list(vocab.POPULATION_CAUTIONS.get(self.population, ()))
        return tags + [c for c in self.conditions if c not in tags]

    def to_record(self) -> dict[str, Any]:
        return {
            "population": self.population,
            "level": self.level,
            "conditions": list(self.conditions),
            "equipment": list(self.equipment),
            "focus": self.focus,
        }


@dataclass
class PlanItem:
    """One exercise in a plan with its dosage. ``seconds`` follows the module's timing rule."""

    exercise: str
    sets: int = 1
    reps: int | None = None
    hold_seconds: float | None = None
    per_side: bool = False
    seconds_per_rep: float | None = None
    rest_seconds: float = 0
    transition_seconds: float = 15
    note: str = ""
    why: str = ""
    #: The exercise this one stands in for and the caution that ruled it out, e.g.
    #: {"exercise": "copenhagen-plank", "caution": "postnatal-early"}.
    replaced: dict[str, str] | None = None

    @property
    def sides(self) -> int:
        return 2 if self.per_side else 1

    @property
    def work_seconds(self) -> float:
        """One set on one side: the hold, or reps x seconds per rep."""
        if self.hold_seconds is not None:
            return float(self.hold_seconds)
        per_rep = self.seconds_per_rep if self.seconds_per_rep is not None else DEFAULT_SECONDS_PER_REP
        return float((self.reps or 0) * per_rep)

    @property
    def seconds(self) -> float:
        """sides x sets x work + sides x (sets - 1) x rest + transition."""
        sets = max(int(self.sets), 0)
        return (
            self.sides * sets * self.work_seconds
            + self.sides * max(sets - 1, 0) * float(self.rest_seconds)
            + float(self.transition_seconds)
        )

    def describe(self) -> str:
        """E.g. '2 × 10 reps each side' or '1 × 30 s hold'."""
        dose = (
            f"{self.sets} × {self.hold_seconds:g} s hold"
            if self.hold_seconds is not None
            else f"{self.sets} × {self.reps} reps"
        )
        return dose + (" each side" if self.per_side else "")

    def to_record(self) -> dict[str, Any]:
        record: dict[str, Any] = {
            "exercise": self.exercise,
            "sets": self.sets,
            "reps": self.reps,
            "hold_seconds": None if self.hold_seconds is None else _number(self.hold_seconds),
            "per_side": self.per_side,
            "seconds": _number(self.seconds),
            "why": self.why,
            "seconds_per_rep": (None if self.seconds_per_rep is None else _number(self.seconds_per_rep)),
            "rest_seconds": _number(self.rest_seconds),
            "transition_seconds": _number(self.transition_seconds),
            "note": self.note,
            "replaced": dict(self.replaced) if self.replaced else None,
        }
        return record


@dataclass
class Section:
    name: str
    items: list[PlanItem] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return sum(item.seconds for item in self.items)


@dataclass
class ClassPlan:
    """A class: title, target length, audience and ordered sections of items.

    Edit it as plain data (``plan.sections[1].items.append(...)``) or with the helpers:
    ``add``, ``remove``, ``move``, ``swap``, ``set_dosage``, ``add_section``, ``rename_section``,
    ``remove_section``. Timing, checks (``builder.check_plan``) and reasoning (``explain``) are
    recomputed from the current contents each time they are asked for.
    """

    title: str
    target_minutes: int
    audience: Audience = field(default_factory=Audience)
    sections: list[Section] = field(default_factory=list)

    @classmethod
    def empty(
        cls,
        title: str,
        target_minutes: int,
        audience: Audience | None = None,
        section_names: Iterable[str] = vocab.DEFAULT_SECTIONS,
    ) -> ClassPlan:
        """A plan with the default (or given) sections and no items yet."""
        return cls(title, target_minutes, audience or Audience(), [Section(name) for name in section_names])

    # ------------------------------------------------------------------ timing

    @property
    def total_seconds(self) -> float:
        return sum(section.seconds for section in self.sections)

    @property
    def total_minutes(self) -> float:
        return self.total_seconds / 60

    def item_seconds(self, item: PlanItem) -> float:
        return item.seconds

    def items(self) -> Iterator[tuple[Section, PlanItem]]:
        """Every (section, item) pair in class order."""
        for section in self.sections:
            for item in section.items:
                yield section, item

    @property
    def exercise_ids(self) -> list[str]:
        return [item.exercise for _, item in self.items()]

    # ------------------------------------------------------------------ editing

    def section(self, name: str) -> Section:
        for section in self.sections:
            if section.name == name:
                return section
        raise PlanError(
            f"The plan has no section {name!r}. Its sections: {_allowed(s.name for s in self.sections)}."
        )

    def find(self, exercise_id: str) -> tuple[Section, int]:
        """The section holding ``exercise_id`` and the item's index in it."""
        for section in self.sections:
            for index, item in enumerate(section.items):
                if item.exercise == exercise_id:
                    return section, index
        raise PlanError(f"{exercise_id!r} is not in this plan. It holds: {_allowed(self.exercise_ids)}.")

    def item_for(self, exercise, section: str | None = None) -> PlanItem:
        """A new item for a library ``Exercise`` with its default dosage, rest and transition."""
        from .builder import default_item  # the builder owns the rest and transition rules

        return default_item(exercise, self.audience, section)

    def add(self, exercise_or_item, section: str, index: int | None = None) -> PlanItem:
        """Add a library ``Exercise`` (default dosage) or a ``PlanItem`` to ``section``."""
        item = (
            exercise_or_item
            if isinstance(exercise_or_item, PlanItem)
            else self.item_for(exercise_or_item, section)
        )
        items = self.section(section).items
        items.insert(len(items) if index is None else index, item)
        return item

    def remove(self, exercise_id: str) -> PlanItem:
        section, index = self.find(exercise_id)
        return section.items.pop(index)

    def move(self, exercise_id: str, index: int, section: str | None = None) -> None:
        """Move an item to position ``index`` of ``section`` (its own section by default)."""
        source, position = self.find(exercise_id)
        target = self.section(section) if section else source
        item = source.items.pop(position)
        target.items.insert(index, item)

    def swap(self, exercise_id: str, exercise) -> PlanItem:
        """Put library ``exercise`` in the place of ``exercise_id``, with its default dosage."""
        section, index = self.find(exercise_id)
        section.items[index] = self.item_for(exercise, section.name)
        return section.items[index]

    def set_dosage(self, exercise_id: str, **changes: Any) -> PlanItem:
        """Change sets, reps, hold_seconds, rest_seconds, transition_seconds or note."""
        allowed = (
            "sets",
            "reps",
            "hold_seconds",
            "seconds_per_rep",
            "rest_seconds",
            "transition_seconds",
            "note",
            "per_side",
        )
        unknown = sorted(set(changes) - set(allowed))
        if unknown:
            raise PlanError(f"Cannot change {', '.join(unknown)}. Change one of: {_allowed(allowed)}.")
        section, index = self.find(exercise_id)
        item = section.items[index]
        for name, value in changes.items():
            setattr(item, name, value)
        return item

    def add_section(self, name: str, index: int | None = None) -> Section:
        if any(s.name == name for s in self.sections):
            raise PlanError(f"The plan already has a section {name!r}.")
        section = Section(name)
        self.sections.insert(len(self.sections) if index is None else index, section)
        return section

    def rename_section(self, old: str, new: str) -> None:
        if any(s.name == new for s in self.sections):
            raise PlanError(f"The plan already has a section {new!r}.")
        self.section(old).name = new

    def remove_section(self, name: str) -> Section:
        section = self.section(name)
        self.sections.remove(section)
        return section

    def copy(self) -> ClassPlan:
        return copy.deepcopy(self)

    # ------------------------------------------------------------------ views

    def summary(self, library=None):
        """A pandas table, one row per item, with when it starts and how long it takes."""
        import pandas as pd

        rows, clock = [], 0.0
        for section, item in self.items():
            name = ""
            if library is not None and item.exercise in library:
                name = library.get(item.exercise).name
            rows.append(
                {
                    "section": section.name,
                    "exercise": item.exercise,
                    "name": name,
                    "sets": item.sets,
                    "reps": item.reps,
                    "hold_seconds": item.hold_seconds,
                    "per_side": item.per_side,
                    "rest_seconds": item.rest_seconds,
                    "transition_seconds": item.transition_seconds,
                    "starts_at": f"{int(clock) // 60}:{int(clock) % 60:02d}",
                    "seconds": round(item.seconds, 1),
                }
            )
            clock += item.seconds
        columns = [
            "section",
            "exercise",
            "name",
            "sets",
            "reps",
            "hold_seconds",
            "per_side",
            "rest_seconds",
            "transition_seconds",
            "starts_at",
            "seconds",
        ]
        table = pd.DataFrame(rows, columns=columns)
        if library is None:
            table = table.drop(columns="name")
        return table

    def to_text(self, library=None) -> str:
        """The plan as plain lines: each section, each item with its dosage and time, the total."""

        def clock(seconds: float) -> str:
            seconds = int(round(seconds))
            return f"{seconds // 60}:{seconds % 60:02d}"

        lines = [
            self.title,
            f"{self.target_minutes} min planned, {clock(self.total_seconds)} "
            "timed (both sides, rests and changes of position counted)",
        ]
        for section in self.sections:
            lines.append(f"\n{section.name.upper()}  {clock(section.seconds)}")
            for item in section.items:
                name = item.exercise
                if library is not None and item.exercise in library:
                    name = library.get(item.exercise).name
                lines.append(f"  {clock(item.seconds):>6}  {name} — {item.describe()}")
        return "\n".join(lines)

    def explain(self, library=None) -> str:
        """Plain words for the class and for each item (loads the kit's library if none given)."""
        from .explain import explain_plan

        if library is None:
            from .exercises import load_library

            library = load_library()
        return explain_plan(self, library)

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "target_minutes": self.target_minutes,
            "total_seconds": _number(self.total_seconds),
            "audience": self.audience.to_record(),
            "sections": [{"name": s.name, "items": [i.to_record() for i in s.items]} for s in self.sections],
        }

    # ------------------------------------------------------------------ files

    def save(self, path: str | os.PathLike) -> Path:
        """Write YAML atomically; an existing file is kept as ``<name>.bak``. Returns the path."""
        path = Path(path)
        record = self.to_json_dict()
        text = yaml.safe_dump(record, sort_keys=False, allow_unicode=True, width=100)
        if safe_load(text) != record:  # PyYAML writes a few line-break characters raw
            text = yaml.safe_dump(record, sort_keys=False, allow_unicode=False, width=100)
        descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            if path.exists():
                os.replace(path, path.with_name(path.name + ".bak"))
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return path

    @classmethod
    def load(cls, path: str | os.PathLike) -> ClassPlan:
        """Read a plan file; any problem raises one PlanError naming file, section, item, field."""
        from .plan_files import plan_from_record

        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            reason = getattr(error, "strerror", None) or "it is not UTF-8 text"
            raise PlanError(f"{path}: cannot be read ({reason}). Check the path.") from None
        try:
            record = safe_load(text)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f" at line {mark.line + 1}" if mark else ""
            raise PlanError(
                f"{path}{where}: YAML syntax error ({getattr(error, 'problem', '')})."
                " Check indentation, colons and quotes there."
            ) from None
        return plan_from_record(record, str(path))

    @classmethod
    def from_dict(cls, record: dict[str, Any], where: str = "plan") -> ClassPlan:
        from .plan_files import plan_from_record

        return plan_from_record(record, where)
