"""What class is wanted (``ClassRequest``) and who a plan is for (``Audience``).

A request is checked in full when it is made: every wrong field is named with its fix, in one
``PlanError``. The audience is what a plan remembers of its request, so that checks, the
reasoning and the handouts know the group, its level, its needs and its equipment.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import vocab
from ..errors import PlanError, Problem
from ..words import listing, tag_choices


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


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
        problems: list[Problem] = []

        def bad(name: str, message: str, fix: str) -> None:
            problems.append(Problem("class request", name, message, fix))

        minutes = vocab.LIMITS["class_minutes"]
        if not _whole(self.minutes) or not minutes.allows(self.minutes):
            bad(
                "minutes",
                f"{self.minutes!r} is not a class length the kit plans.",
                f"Use a whole number of minutes {minutes.words()}.",
            )
        if not _whole(self.level) or self.level not in vocab.LEVELS:
            bad(
                "level",
                f"{self.level!r} is not a level.",
                "Use 1 (beginner), 2 (intermediate) or 3 (advanced).",
            )
        if self.population not in vocab.POPULATIONS:
            bad(
                "population",
                f"{self.population!r} is not a group the kit knows.",
                f"Use one of: {tag_choices(vocab.POPULATIONS, vocab.POPULATION_LABELS)}.",
            )
        if self.focus not in vocab.FOCUSES:
            bad("focus", f"{self.focus!r} is not a focus.", f"Use one of: {listing(vocab.FOCUSES)}.")
        kinds = (
            ("equipment", vocab.EQUIPMENT, vocab.EQUIPMENT_WORDS),
            ("conditions", vocab.CAUTIONS, vocab.CAUTION_LABELS),
        )
        for name, allowed, words in kinds:
            values = getattr(self, name)
            values = (values,) if isinstance(values, str) else values
            try:
                values = tuple(dict.fromkeys(values))
            except TypeError:
                bad(name, f"{values!r} should be a list.", f"Use values from: {tag_choices(allowed, words)}.")
                continue
            unknown = [v for v in values if v not in allowed]
            if unknown:
                bad(
                    name,
                    f"{', '.join(map(repr, unknown))} not known.",
                    f"Use values from: {tag_choices(allowed, words)}.",
                )
            object.__setattr__(self, name, values)
        if problems:
            raise PlanError.from_problems("This class request cannot be used as it is:", problems)

    @property
    def caution_tags(self) -> tuple[str, ...]:
        """The population's caution tags followed by the named conditions."""
        return vocab.caution_tags(self.population, self.conditions)

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
        """The population's caution tags followed by the named conditions."""
        return list(vocab.caution_tags(self.population, self.conditions))

    @property
    def equipment_available(self) -> tuple[str, ...]:
        """The class's equipment with the mat that is always assumed."""
        return ("mat", *(e for e in self.equipment if e != "mat"))

    def to_record(self) -> dict[str, Any]:
        return {
            "population": self.population,
            "level": self.level,
            "conditions": list(self.conditions),
            "equipment": list(self.equipment),
            "focus": self.focus,
        }
