"""How a class flows between positions: the route with the fewest changes the library allows.

A route is the order of positions the class visits (standing, then side-lying, then supine...),
each once. Every section takes a run of the route's positions, in order, and a section may start
where the one before it ends; so a class that follows a route of ``n`` positions changes position
at most ``n - 1`` times. ``candidate_routes`` tries routes from one position upwards and takes the
first length at which every section can be filled (enough exercises, and time, in its positions)
and the group's must-have roles can be placed; among routes of that length it prefers the one
that keeps the most reasons and choices, and that does not climb back up from the floor.

This is an exhaustive search over routes (a small dynamic programme gives each section its run of
the route), not a heuristic: no route with fewer changes can fill the class. Choosing the exercises
within the route is then the builder's ordinary choice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import permutations

from .. import vocab
from ..exercises import Exercise
from .fit import section_range

#: How high each position sits: a route that goes back up from the floor is the last choice.
_HEIGHT = {
    "standing": 0,
    "kneeling": 1,
    "quadruped": 2,
    "prone": 3,
    "side-lying": 3,
    "seated": 3,
    "supine": 3,
}
MAX_ROUTE = 6  # positions: beyond this a route is no grouping at all
#: A section's positions must hold this share of its time: all of it first; if no route then keeps
#: to the budget, a little less (the fitter stretches the rest), so that no part of the class is
#: starved to save a change of position, nor the flow given up for the last seconds.
SECTION_SHARES = (1.0, 0.85, 0.7, 0.4)


@dataclass(frozen=True)
class Route:
    """The positions in order, and the run of them each section may use."""

    positions: tuple[str, ...]
    spans: dict[str, tuple[str, ...]]  # section -> its positions, in route order

    @property
    def changes(self) -> int:
        return len(self.positions) - 1

    def rank(self, position: str) -> int:
        return self.positions.index(position) if position in self.positions else len(self.positions)


@dataclass(frozen=True)
class Need:
    """A role the class must hold somewhere in ``sections`` (the group's programme)."""

    role: str
    sections: tuple[str, ...]


def _capacities(pools: dict, most: dict[str, float]) -> dict[str, dict[str, float]]:
    """Per section, the most time its exercises in each position can fill (a span's capacity is the
    sum over its positions, so the search adds a few numbers instead of walking the pool)."""
    found: dict[str, dict[str, float]] = {}
    for section, pool in pools.items():
        by_position = found.setdefault(section, {})
        for exercise in pool:
            by_position[exercise.position] = by_position.get(exercise.position, 0.0) + most[exercise.id]
    return found


def _fill(
    route: tuple[str, ...], targets: dict, capacities: dict, tops: dict, need: float, share: float
) -> dict | None:
    """One way to give each section a run of the route: every section gets an exercise, and all
    together can fill ``need`` seconds (the fitter shares time between sections). The one with the
    most time to give wins; None when there is none. ``tops``: the most a section can hold (a
    warm-up or cool-down cannot hold more than its range, however many exercises)."""
    # best[s][end] = (capacity, spans) for sections[:s+1] with section s ending at block `end`
    best: list[dict[int, tuple[float, dict]]] = []
    for index, section in enumerate(targets):
        found: dict[int, tuple[float, dict]] = {}
        by_position, least = capacities[section], share * targets[section]
        starts = [0] if index == 0 else sorted(best[index - 1])
        for start in starts:
            before = (0, {}) if index == 0 else best[index - 1][start]
            capacity = 0.0
            for end in range(start, len(route)):
                capacity += by_position.get(route[end], 0.0)
                if capacity <= 0 or capacity < least:
                    continue
                total = before[0] + min(capacity, tops[section])
                if end not in found or total > found[end][0]:
                    found[end] = (total, {**before[1], section: route[start : end + 1]})
        if not found:
            return None
        best.append(found)
    last = best[-1].get(len(route) - 1)
    return last[1] if last and last[0] >= need else None


def _meets(spans: dict, needs: Iterable[Need], pools: dict) -> bool:
    """Whether every need's role can be placed in one of its sections, within that section's span."""

    def placeable(need: Need) -> bool:
        return any(need.role in e.roles and e.position in spans[s] for s in need.sections for e in pools[s])

    return all(placeable(need) for need in needs)


def _quality(route: tuple[str, ...], spans: dict, pools: dict) -> tuple:
    reasons = _reasons(spans, pools)
    ups = sum(_HEIGHT[b] < _HEIGHT[a] for a, b in zip(route, route[1:], strict=False))
    choice = sum(1 for s, span in spans.items() for e in pools[s] if e.position in span)
    return (len(reasons), -ups, choice, tuple(-vocab.POSITION_FLOW.index(p) for p in route))


def least_reasons(minutes: int) -> int:
    """How many of the five reasons a class of ``minutes`` serves at least (3 from 30 min, else 2;
    coaching convention), where the library allows."""
    return 3 if minutes >= 30 else 2


def _reasons(spans: dict, pools: dict) -> set[str]:
    return {r for s, span in spans.items() for e in pools[s] if e.position in span for r in e.reasons}


def _search(pools, most, targets, needs, min_reasons: int, share: float) -> Route | None:
    need = 0.95 * sum(targets.values())
    capacities = _capacities(pools, most)
    class_seconds = sum(targets.values())
    tops = {section: section_range(section, class_seconds)[1] for section in targets}
    positions = sorted({e.position for pool in pools.values() for e in pool}, key=vocab.POSITION_FLOW.index)
    for length in range(1, min(MAX_ROUTE, len(positions)) + 1):
        found = []
        for route in permutations(positions, length):
            spans = _fill(route, targets, capacities, tops, need, share)
            if (
                spans is not None
                and _meets(spans, needs, pools)
                and len(_reasons(spans, pools)) >= min_reasons
            ):
                found.append((_quality(route, spans, pools), route, spans))
        if found:
            _, route, spans = max(found, key=lambda entry: entry[0])
            return Route(route, spans)
    return None


def candidate_routes(
    pools: dict[str, list[Exercise]],
    most: dict[str, float],
    targets: dict[str, float],
    needs: list[Need],
    min_reasons: int = 0,
    budget: int = MAX_ROUTE,
) -> list[Route]:
    """The best route at each share of ``SECTION_SHARES`` (no repeats), in the order the builder
    tries them: those within ``budget`` changes first, each section's time held best first; then
    the others, fewest changes first. A route that can hold the time may still not fit it."""
    every = _reasons({s: tuple(vocab.POSITIONS) for s in pools}, pools)
    min_reasons = min(min_reasons, len(every))
    found: list[tuple[tuple, Route]] = []
    for order, share in enumerate(SECTION_SHARES):
        route = _search(pools, most, targets, needs, min_reasons, share)
        if route is not None and route.positions not in [r.positions for _, r in found]:
            within = route.changes <= budget
            found.append(((not within, order if within else route.changes), route))
    return [route for _, route in sorted(found, key=lambda entry: entry[0])]
