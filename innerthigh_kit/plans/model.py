"""A class plan: ordered sections of items, its timing, the edit API and its files.

A ``ClassPlan`` holds ordered ``Section``s of ``PlanItem``s (``items.py`` holds the timing rule).
Edit it through its methods, which address an item by its stable ``key`` (or, when the exercise
is in the class once, by the exercise id): ``add``, ``remove``, ``move``, ``shift``, ``swap``,
``swap_version`` and ``set_dosage``; ``section_for(category)`` says where an exercise of a category
belongs. ``set_transitions(library)`` times every change of position again by the builder's own
rule (``dosing.set_transitions``: longer between standing and the floor in later pregnancy and for
older adults); ``swap_version`` does so itself, and the class builder after every edit. Timing,
checks (``check_plan``) and reasoning (``explain``) are worked out from the current contents each
time they are asked for.

Files are YAML with the structure of ``to_json_dict()`` (``files.py`` reads and checks them).
``save`` writes atomically and keeps the previous version as ``<name>.bak``.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import vocab
from .._atomic import write_atomic
from ..errors import PlanError
from ..exercises import Exercise, Library, load_library
from ..words import clock as clock_words
from ..words import listing
from .dosing import default_item, set_transitions
from .explain import explain_plan
from .files import parts_from_record, plan_text, read_plan_record
from .items import PlanItem, Section, new_key, record_number
from .request import Audience

#: What ``set_dosage`` may change, with the limit each number must keep (None: not a number).
DOSAGE_FIELDS = {
    "sets": "sets",
    "reps": "reps",
    "hold_seconds": "hold_seconds",
    "seconds_per_rep": "seconds_per_rep",
    "rest_seconds": "rest_seconds",
    "transition_seconds": "transition_seconds",
    "note": None,
    "per_side": None,
}
_WHOLE = ("sets", "reps")
_OPTIONAL = ("reps", "hold_seconds", "seconds_per_rep")


def _dosage_problem(name: str, value: Any) -> str | None:
    """What is wrong with ``value`` for dosage field ``name``, or None."""
    if name == "note":
        return None if isinstance(value, str) else "should be text"
    if name == "per_side":
        return None if isinstance(value, bool) else "should be True or False"
    if value is None and name in _OPTIONAL:
        return None
    limit = vocab.LIMITS[DOSAGE_FIELDS[name]]
    whole = isinstance(value, int) and not isinstance(value, bool)
    if (name in _WHOLE and not whole) or not limit.allows(value):
        kind = "a whole number" if name in _WHOLE else "a number"
        return f"is {value!r}; it should be {kind} {limit.words()}"
    return None


@dataclass
class ClassPlan:
    """A class: title, target length, audience and ordered sections of items."""

    title: str
    target_minutes: int
    audience: Audience = field(default_factory=Audience)
    sections: list[Section] = field(default_factory=list)
    #: Rules the builder had to let go, each {"rule": ..., "why": ...}: checks show them as notes.
    relaxed: list[dict[str, str]] = field(default_factory=list)

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

    @property
    def off_target(self) -> float:
        """How far the timed total is from the target, as a share of it (+0.03 = 3 % over)."""
        target = self.target_minutes * 60
        return (self.total_seconds - target) / target if target > 0 else 0.0

    def item_seconds(self, item: PlanItem) -> float:
        return item.seconds

    def items(self) -> Iterator[tuple[Section, PlanItem]]:
        """Every (section, item) pair in class order."""
        for section in self.sections:
            yield from ((section, item) for item in section.items)

    @property
    def exercise_ids(self) -> list[str]:
        return [item.exercise for _, item in self.items()]

    # ------------------------------------------------------------------ finding items

    def section(self, name: str) -> Section:
        for section in self.sections:
            if section.name == name:
                return section
        raise PlanError(
            f"The plan has no section {name!r}. Its sections: {listing(s.name for s in self.sections)}."
        )

    def section_for(self, category: str) -> Section:
        """The section an exercise of ``category`` goes in (the one it is the main kind of first)."""
        ranked = []
        for order, section in enumerate(self.sections):
            kinds = vocab.SECTION_CATEGORIES.get(section.name, (section.name,))
            if category in kinds:
                ranked.append((kinds.index(category), order, section))
        if not ranked:
            raise PlanError(
                f"The plan has no section for {category} exercises. Its sections: "
                f"{listing(s.name for s in self.sections)}. Name the section to add it to."
            )
        return min(ranked, key=lambda entry: entry[:2])[2]

    def locate(self, ref: PlanItem | str) -> tuple[Section, int]:
        """The section holding an item and its index there.

        ``ref`` is the item itself, its ``key``, or an exercise id that is in the class once.
        """
        matches = []
        for section in self.sections:
            for index, item in enumerate(section.items):
                if item is ref or item.key == ref:
                    return section, index
                if item.exercise == ref:
                    matches.append((section, index))
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise PlanError(
                f"{ref!r} is in this plan {len(matches)} times. Name the item by its key "
                "(each item's .key) to say which one."
            )
        raise PlanError(f"{ref!r} is not in this plan. It holds: {listing(self.exercise_ids)}.")

    def find(self, exercise_id: str) -> tuple[Section, int]:
        """The section holding ``exercise_id`` and the item's index in it (as ``locate``)."""
        return self.locate(exercise_id)

    def item(self, ref: PlanItem | str) -> PlanItem:
        """The item that ``ref`` (an item, its key, or an exercise id in the class once) names."""
        section, index = self.locate(ref)
        return section.items[index]

    # ------------------------------------------------------------------ editing

    def item_for(self, exercise: Exercise, section: str | None = None) -> PlanItem:
        """A new item for a library ``Exercise`` with its default dosage, rest and transition."""
        return default_item(exercise)

    def add(
        self, exercise_or_item: Exercise | PlanItem, section: str | None = None, index: int | None = None
    ) -> PlanItem:
        """Add a library ``Exercise`` (default dosage) or a ``PlanItem`` to ``section``.

        Without ``section`` an exercise goes where its category belongs (``section_for``).
        """
        if isinstance(exercise_or_item, PlanItem):
            if section is None:
                raise PlanError("Say which section the item goes in, e.g. plan.add(item, 'strength').")
            item = exercise_or_item
        else:
            item = default_item(exercise_or_item)
        target = self.section(section) if section else self.section_for(exercise_or_item.category)
        if any(other is item or other.key == item.key for _, other in self.items()):
            item = copy.deepcopy(item)  # the same item twice would share its edits
            item.key = new_key()
        target.items.insert(len(target.items) if index is None else index, item)
        return item

    def remove(self, ref: PlanItem | str) -> PlanItem:
        section, index = self.locate(ref)
        return section.items.pop(index)

    def move(self, ref: PlanItem | str, index: int, section: str | None = None) -> None:
        """Move an item to position ``index`` of ``section`` (its own section by default)."""
        source, position = self.locate(ref)
        target = self.section(section) if section else source
        item = source.items.pop(position)
        target.items.insert(index, item)

    def shift(self, ref: PlanItem | str, step: int) -> bool:
        """Move an item ``step`` places within its section; False when it is already at that end."""
        section, index = self.locate(ref)
        target = index + step
        if not 0 <= target < len(section.items):
            return False
        section.items.insert(target, section.items.pop(index))
        return True

    def swap(self, ref: PlanItem | str, exercise: Exercise) -> PlanItem:
        """Put library ``exercise`` in the item's place, with its default dosage and the same key."""
        section, index = self.locate(ref)
        new = default_item(exercise)
        new.key = section.items[index].key
        section.items[index] = new
        return new

    def swap_version(self, ref: PlanItem | str, library: Library, harder: bool) -> PlanItem:
        """Swap an item for its exercise's harder (or easier) version from ``library``; the changes
        of position are timed again (``set_transitions``)."""
        current = self.item(ref)
        word, link = ("harder", "progression") if harder else ("easier", "regression")
        exercise = library.get(current.exercise)
        target = getattr(exercise, link)
        if target is None or target not in library:
            raise PlanError(f"{exercise.name} has no {word} version in the library.")
        new = self.swap(current, library.get(target))
        self.set_transitions(library)
        return new

    def set_transitions(self, library: Library) -> None:
        """Give every item the time to get into place from the exercise before it, by the rule the
        builder uses for this audience; an item whose exercise ``library`` does not know keeps its
        time, and the next is timed from the last one it knows."""
        known = ((library.get(i.exercise), i) for _, i in self.items() if i.exercise in library)
        set_transitions(known, self.audience)

    def set_dosage(self, ref: PlanItem | str, **changes: Any) -> PlanItem:
        """Change sets, reps, hold_seconds, seconds_per_rep, rest_seconds, transition_seconds,
        note or per_side; every number is checked against ``vocab.LIMITS`` first."""
        unknown = sorted(set(changes) - set(DOSAGE_FIELDS))
        if unknown:
            raise PlanError(f"Cannot change {', '.join(unknown)}. Change one of: {listing(DOSAGE_FIELDS)}.")
        item = self.item(ref)
        problems = [
            f"{name} {problem}"
            for name, value in changes.items()
            if (problem := _dosage_problem(name, value))
        ]
        reps = changes.get("reps", item.reps)
        hold = changes.get("hold_seconds", item.hold_seconds)
        if (reps is None) == (hold is None):
            problems.append("give either reps or hold_seconds (one of them, not both)")
        if problems:
            raise PlanError(f"The dosage of {item.exercise} cannot be changed: {'; '.join(problems)}.")
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

    def summary(self, library: Library | None = None):
        """A pandas table, one row per item, with when it starts and how long it takes."""
        import pandas as pd

        rows, elapsed = [], 0.0
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
                    "starts_at": clock_words(int(elapsed)),
                    "seconds": round(item.seconds, 1),
                }
            )
            elapsed += item.seconds
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

    def to_text(self, library: Library | None = None) -> str:
        """The plan as plain lines: each section, each item with its dosage and time, the total."""
        clock = clock_words
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

    def explain(self, library: Library | None = None) -> str:
        """Plain words for the class and for each item (loads the kit's library if none given)."""
        return explain_plan(self, library if library is not None else load_library())

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "target_minutes": self.target_minutes,
            "total_seconds": record_number(self.total_seconds),
            "audience": self.audience.to_record(),
            "sections": [{"name": s.name, "items": [i.to_record() for i in s.items]} for s in self.sections],
            **({"relaxed": [dict(r) for r in self.relaxed]} if self.relaxed else {}),
        }

    # ------------------------------------------------------------------ files

    def save(self, path: str | os.PathLike) -> Path:
        """Write YAML atomically; an existing file is kept as ``<name>.bak``. Returns the path."""
        return write_atomic(path, plan_text(self.to_json_dict()), backup=True)

    @classmethod
    def load(cls, path: str | os.PathLike) -> ClassPlan:
        """Read a plan file; any problem raises one PlanError naming file, section, item, field."""
        return cls(*parts_from_record(read_plan_record(path), str(path)))

    @classmethod
    def from_dict(cls, record: dict[str, Any], where: str = "plan") -> ClassPlan:
        return cls(*parts_from_record(record, where))
