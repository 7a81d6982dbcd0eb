"""The exercise model: an exercise, its dosage and its cautions, as the library files describe them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from .. import vocab
from ..words import dosage_words
from .poses import FigureSpec


def _plain(value: Any) -> Any:
    """A record read from YAML as plain dicts and lists all the way down (for JSON and YAML)."""
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


@dataclass(frozen=True)
class Caution:
    tag: str
    note: str
    action: str = "avoid"  # "avoid": leave it out for this group; "modify": teach it as the note says
    source: str = ""  # where the rule comes from: a reference key or a citation

    def to_record(self) -> dict[str, str]:
        record = {"tag": self.tag, "note": self.note, "action": self.action}
        return {**record, "source": self.source} if self.source else record


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

    def describe(self, per_side: bool = False) -> str:
        """E.g. '2 × 10 reps' or '2 × 30 s hold' (with ' each side' for ``per_side``)."""
        return dosage_words(self.sets, self.reps, self.hold_seconds, per_side)

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
    roles: tuple[str, ...] = ()
    figure: FigureSpec | None = None  # how to draw it (exercises/poses.py); None: a placeholder
    source_file: str = ""

    def caution(self, tag: str) -> Caution | None:
        """This exercise's caution for ``tag``, or None."""
        return next((c for c in self.cautions if c.tag == tag), None)

    @property
    def key_cue(self) -> str:
        """The cue to say when there is time for one: the second (the first sets the position up)."""
        return self.cues[1] if len(self.cues) > 1 else self.cues[0]

    @cached_property
    def honest_reasons(self) -> tuple[str, ...]:
        """The reasons it claims that its category and position can train (``vocab.REASON_CLAIMS``):
        the ones every plan, count and sentence uses. A stretch serves range, not balance."""
        trained = vocab.reasons_trained(self.category, self.position)
        return tuple(reason for reason in self.reasons if reason in trained)

    def overclaimed_reasons(self) -> tuple[str, ...]:
        """The reasons it claims that its category and position cannot train (for the checks)."""
        return tuple(reason for reason in self.reasons if reason not in self.honest_reasons)

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
            "cautions": [c.to_record() for c in self.cautions],
            "reasons": list(self.reasons),
            "description": self.description,
            "sources": list(self.sources),
            "evidence": self.evidence,
            "roles": list(self.roles),
            "figure": _plain(self.figure.record) if self.figure is not None else None,
        }
