"""Choosing a class's exercises: what fits, what stands in for what a caution rules out, and the
score that ranks the candidates (new reasons, variety, evidence, the class's level). No exercise is
chosen next to its near-twin in one section (twins.py) unless the builder lets twins in
(``allow_twins``) because nothing else can fill the time."""

from __future__ import annotations

import random

from .. import vocab
from ..exercises import Exercise, Library
from .flow import Route
from .programmes import combined_limits, programmes_for
from .request import ClassRequest
from .twins import twin_kind


class Chooser:
    """Picks exercises for each section and remembers what stood in for what."""

    def __init__(
        self, request: ClassRequest, library: Library, rng: random.Random, links: Library | None = None
    ):
        self.request, self.library, self.rng = request, library, rng
        self.links = library if links is None else links  # the whole library, for near-twins
        self.tags = request.caution_tags
        self.used: set[str] = set()
        self.ruled_out: set[str] = set()  # each ruled-out exercise is stood in for once
        self.covered: set[str] = set()
        self.versions: set[str] = set()  # easier/harder versions of what is already chosen
        self.required: set[str] = set()  # what the programmes ask for or prefer: never dropped
        self.kept: set[str] = set()  # what they must have: at least at the library's own dosage
        self.relaxed: list[dict[str, str]] = []  # rules that gave way, with why
        self.route: Route | None = None  # the positions each section keeps to (flow.py)
        self.section: str | None = None  # the section being filled now
        limits = combined_limits(programmes_for(request.audience()))
        self.supine_cap = 1 if limits.get("supine_run_seconds") else None  # one short bout
        self.supine_taken = 0
        self.in_sections: dict[str, list[Exercise]] = {}  # what each section has taken
        self.allow_twins = False
        self._twins: dict[tuple[str, str], bool] = {}

    def fits(self, exercise: Exercise, level=None, equipment=None) -> bool:
        level = self.request.level if level is None else level
        equipment = self.request.equipment_available if equipment is None else equipment
        return exercise.level <= level and not exercise.needs(equipment)

    def allowed(self, exercise: Exercise) -> bool:
        return self.fits(exercise) and not exercise.clashes(self.tags)

    def candidates(self, categories, include_ruled_out: bool = False) -> list:
        found = [
            e
            for e in self.library
            if e.category in categories
            and e.id not in self.used
            and e.id not in self.ruled_out
            and self.fits(e)
            and (include_ruled_out or not e.clashes(self.tags))
            and self._in_route(e)
            and not self.twins_in_section(e)
        ]
        self.rng.shuffle(found)
        return found

    def _in_route(self, exercise: Exercise) -> bool:
        if self.route is not None and self.section in self.route.spans:
            if exercise.position not in self.route.spans[self.section]:
                return False
        if self.supine_cap is not None and exercise.position == "supine":
            return self.supine_taken < self.supine_cap
        return True

    def twins_in_section(self, exercise: Exercise) -> bool:
        """Whether the section being filled already holds a near-twin of ``exercise``."""
        if self.allow_twins:
            return False
        for other in self.in_sections.get(self.section, ()):
            pair = (exercise.id, other.id)
            if pair not in self._twins:
                self._twins[pair] = twin_kind(exercise, other, self.links) is not None
            if self._twins[pair]:
                return True
        return False

    def pools(self) -> dict[str, list[Exercise]]:
        """Per section, every exercise it could take (kind, level, equipment, the group's cautions)."""
        return {
            section: [e for e in self.library if e.category in categories and self.allowed(e)]
            for section, categories in vocab.SECTION_CATEGORIES.items()
        }

    def substitute(self, exercise: Exercise, categories):
        """The regression that fits, or else the closest allowed exercise of the same kind."""
        seen, link = set(), exercise.regression
        while link and link not in seen and link in self.library:
            seen.add(link)
            option = self.library.get(link)
            if (
                option.category in categories
                and option.id not in self.used
                and self.allowed(option)
                and self._in_route(option)
                and not self.twins_in_section(option)
            ):
                return option
            link = option.regression
        options = [
            e for e in self.candidates(categories) if e.category == exercise.category
        ] or self.candidates(categories)
        if not options:
            return None
        wanted = set(exercise.honest_reasons)
        return max(
            options, key=lambda e: (len(wanted & set(e.honest_reasons)), e.position == exercise.position)
        )

    def score(self, exercise: Exercise, categories) -> tuple:
        """New reasons first, then variety (not a version of a chosen one), the better
        evidence, the class's own level, the main kind."""
        new = len(set(exercise.honest_reasons) - self.covered)
        fresh = exercise.id not in self.versions
        evidence = vocab.EVIDENCE[::-1].index(exercise.evidence)
        return (
            new,
            fresh,
            evidence,
            -abs(self.request.level - exercise.level),
            exercise.category == categories[0],
        )

    def take(self, exercise: Exercise, replaced=None, ruled_by=None) -> tuple:
        self.used.add(exercise.id)
        self.in_sections.setdefault(self.section, []).append(exercise)
        self.supine_taken += exercise.position == "supine"
        self.covered |= set(exercise.honest_reasons)
        self.versions |= {exercise.regression, exercise.progression} - {None}
        facts = {"exercise": replaced.id, "caution": ruled_by} if replaced else None
        return exercise, facts

    def next_for(self, categories) -> tuple | None:
        """The best next exercise for a section, or None when nothing is left."""
        options = self.candidates(categories, include_ruled_out=True)
        while options:
            best = max(options, key=lambda e: self.score(e, categories))
            clashes = best.clashes(self.tags)
            if not clashes:
                return self.take(best)
            options.remove(best)
            self.ruled_out.add(best.id)
            stand_in = self.substitute(best, categories)
            if stand_in is not None:
                return self.take(stand_in, best, clashes[0].tag)
        return None
