"""A teacher-training group typed as plain lines ("Anna, prenatal-t2, 45"), one class request each.

``parse_group(text)`` reads one trainee per line: ``name, population[, minutes]``; blank lines
are skipped. Every line that is off is named with its fix, in one ``PlanError``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .. import vocab
from ..errors import PlanError
from ..words import tag_choices
from .request import ClassRequest

_NAME = re.compile(r"[\w][\w .'-]{0,40}")


@dataclass(frozen=True)
class Trainee:
    name: str
    population: str
    minutes: int

    def request(self, base: ClassRequest) -> ClassRequest:
        """``base`` (level, equipment, focus, conditions) for this trainee's group and length."""
        return replace(base, population=self.population, minutes=self.minutes)

    @property
    def slug(self) -> str:
        """A file name for the trainee's plan: 'Anna Lee' -> 'anna-lee'."""
        return re.sub(r"[^a-z0-9]+", "-", self.name.lower()).strip("-") or "trainee"


def _line_problems(where: str, parts: list[str], population: str, minutes: str) -> list[str]:
    limit = vocab.LIMITS["class_minutes"]
    problems = []
    if not _NAME.fullmatch(parts[0]):
        problems.append(f"{where}: start with the trainee's name (letters, up to 40).")
    if population not in vocab.POPULATIONS:
        choices = tag_choices(vocab.POPULATIONS, vocab.POPULATION_LABELS)
        problems.append(f"{where}: {population!r} is not a group. Use one of: {choices}.")
    if not minutes.isdigit() or not limit.allows(int(minutes)):
        problems.append(f"{where}: minutes should be a whole number {limit.words()}.")
    if len(parts) > 3:
        problems.append(f"{where}: write at most name, group, minutes.")
    return problems


def parse_group(text: str, default_minutes: int = 45) -> list[Trainee]:
    """One trainee per line: ``name, population[, minutes]``. Blank lines are skipped."""
    trainees, problems = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [part.strip() for part in line.split(",")]
        population = parts[1] if len(parts) > 1 and parts[1] else "general"
        minutes = parts[2] if len(parts) > 2 else str(default_minutes)
        found = _line_problems(f"line {number} ({line.strip()!r})", parts, population, minutes)
        problems += found
        if not found:
            trainees.append(Trainee(parts[0], population, int(minutes)))
    if problems:
        raise PlanError("Some lines of the group list need fixing:\n  - " + "\n  - ".join(problems))
    if not trainees:
        raise PlanError("The group list is empty: write one trainee per line, e.g. 'Anna, prenatal-t2, 45'.")
    names = [t.name.lower() for t in trainees]
    doubles = sorted({n for n in names if names.count(n) > 1})
    if doubles:
        raise PlanError(f"Each trainee needs a different name; {', '.join(doubles)} appear twice.")
    return trainees
