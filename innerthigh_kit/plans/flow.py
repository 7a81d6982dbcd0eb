"""How a class flows between positions: the route with the fewest changes the library allows.

A route is the order of positions the class visits (standing, then side-lying, then supine...),
each once. Every section takes a run of the route's positions, in order, and a section may start
where the one before it ends; so a class that follows a route of ``n`` positions changes position
at most ``n - 1`` times. ``candidate_routes`` tries routes from one position upwards and takes the
first length at which every section can be filled (enough exercises, and time, in its positions)
and the group's must-have roles can be placed; among routes of that length it prefers the one
that keeps the most reasons and choices, and that does not climb back up from the floor. Roles
the class should hold where it can (the favourites: ``wants``) are looked for first, within the
budget of changes only: all of them, then all but one, then none.

This is an exhaustive search over routes (a small dynamic programme gives each section its run of
the route), not a heuristic: no route with fewer changes can fill the class. Choosing the exercises
within the route is then the builder's ordinary choice.
"""

from __future__ import annotations

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
    """A role the class must (or, as a want, should) hold somewhere in ``sections``."""

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


def _places(pools: dict, needs: list[Need]) -> dict[str, dict[str, frozenset[int]]]:
    """Per section and position, which of ``needs`` (by index) an exercise there could meet."""
    found: dict[str, dict[str, frozenset[int]]] = {section: {} for section in pools}
    for number, need in enumerate(needs):
        for section in need.sections:
            for exercise in pools.get(section, ()):
                if need.role in exercise.roles:
                    here = found[section].get(exercise.position, frozenset())
                    found[section][exercise.position] = here | {number}
    return found


def _fill(
    route: tuple[str, ...], targets: dict, capacities: dict, tops: dict, places: dict, share: float
) -> dict:
    """The ways to give each section a run of the route so that every section gets an exercise:
    for each set of needs the runs can meet (``places`` says where each can be met), the one with
    the most time to give, as {needs met: (seconds, spans)}; empty when there is none. ``tops``: the
    most a section can hold (a warm-up or cool-down cannot hold more than its range, however many
    exercises); the fitter shares the rest of the time between sections."""
    # each step maps (block the section ends at, needs met so far) -> (capacity, spans)
    previous: dict[tuple[int, frozenset], tuple[float, dict]] = {(0, frozenset()): (0.0, {})}
    for section in targets:
        found: dict[tuple[int, frozenset], tuple[float, dict]] = {}
        by_position, least, meets = capacities[section], share * targets[section], places[section]
        for (start, met), (before, spans) in previous.items():
            capacity = 0.0
            for end in range(start, len(route)):
                capacity += by_position.get(route[end], 0.0)
                met = met | meets.get(route[end], frozenset())
                if capacity <= 0 or capacity < least:
                    continue
                total = before + min(capacity, tops[section])
                if (end, met) not in found or total > found[end, met][0]:
                    found[end, met] = (total, {**spans, section: route[start : end + 1]})
        if not found:
            return {}
        previous = _undominated(found)
    last = len(route) - 1
    return {met: entry for (end, met), entry in previous.items() if end == last}


def _quality(route: tuple[str, ...], spans: dict, pools: dict) -> tuple:
    reasons = _reasons(spans, pools)
    ups = sum(_HEIGHT[b] < _HEIGHT[a] for a, b in zip(route, route[1:], strict=False))
    choice = sum(1 for s, span in spans.items() for e in pools[s] if e.position in span)
    # every route here serves the least reasons already: not climbing back up from the floor comes first
    return (-ups, len(reasons), choice, tuple(-vocab.POSITION_FLOW.index(p) for p in route))


def least_reasons(minutes: int) -> int:
    """How many of the five reasons to train a class of ``minutes`` serves at least (3 from 30 min,
    else 2; coaching convention), where the library allows. Range of movement is not counted:
    every class's stretch section serves it."""
    return 3 if minutes >= 30 else 2


def _reasons(spans: dict, pools: dict) -> set[str]:
    """The reasons to train that the route's exercises serve (only those their movement trains)."""
    served = {
        r for s, span in spans.items() for e in pools[s] if e.position in span for r in e.honest_reasons
    }
    return served & set(vocab.REASONS_TO_TRAIN)


def _undominated(states: dict) -> dict:
    """The states no other beats: one ending at the same block that meets as much and more holds
    at least as much time is as good for every set of needs, so the weaker one goes."""
    kept = {}
    for (end, met), entry in states.items():
        if not any(
            other_end == end
            and other_met >= met
            and other[0] >= entry[0]
            and (other_met, other[0]) != (met, entry[0])
            for (other_end, other_met), other in states.items()
        ):
            kept[end, met] = entry
    return kept


def _best_for(states: dict, required: frozenset, need: float) -> dict | None:
    """The spans of the state with the most time among those that meet ``required``."""
    entries = [entry for met, entry in states.items() if required <= met and entry[0] >= need]
    return max(entries, key=lambda entry: entry[0])[1] if entries else None


def _search(pools, most, targets, needs, required_sets, min_reasons: int, share: float) -> dict[int, Route]:
    """For each (set of indices into ``needs``, most positions) of ``required_sets``, the best route
    of the fewest positions, up to that many, whose sections can hold the time and meet those
    needs; one pass serves every set."""
    need = 0.95 * sum(targets.values())
    capacities, places = _capacities(pools, most), _places(pools, needs)
    class_seconds = sum(targets.values())
    tops = {section: section_range(section, class_seconds)[1] for section in targets}
    positions = sorted({e.position for pool in pools.values() for e in pool}, key=vocab.POSITION_FLOW.index)
    first, last = next(iter(targets)), list(targets)[-1]

    def useful(position: str, section: str) -> bool:
        return capacities[section].get(position, 0.0) > 0 or position in places[section]

    unresolved, routes = dict(enumerate(required_sets)), {}
    for length in range(1, min(MAX_ROUTE, len(positions)) + 1):
        found: dict[int, list] = {number: [] for number in unresolved}
        for route in permutations(positions, length):
            # only the warm-up can use a route's first position and only the cool-down its last:
            # a route that gives them nothing there is a shorter route, already tried
            if not (useful(route[0], first) and useful(route[-1], last)):
                continue
            states = _fill(route, targets, capacities, tops, places, share)
            for number, (required, _) in unresolved.items() if states else ():
                spans = _best_for(states, required, need)
                if spans is not None and len(_reasons(spans, pools)) >= min_reasons:
                    found[number].append((_quality(route, spans, pools), route, spans))
        for number, options in found.items():
            if options:
                _, route, spans = max(options, key=lambda entry: entry[0])
                routes[number] = Route(route, spans)
            if options or length >= unresolved[number][1]:
                del unresolved[number]
        if not unresolved:
            break
    return routes


def _want_sets(wants: list[Need]) -> list[list[Need]]:
    """Every wanted role, then all but one (the last-listed given up first), then none."""
    sets = [wants] if wants else []
    if len(wants) > 1:
        sets += [wants[:index] + wants[index + 1 :] for index in reversed(range(len(wants)))]
    return [*sets, []]


def candidate_routes(
    pools: dict[str, list[Exercise]],
    most: dict[str, float],
    targets: dict[str, float],
    needs: list[Need],
    min_reasons: int = 0,
    budget: int = MAX_ROUTE,
    wants: list[Need] = (),
) -> list[Route]:
    """The routes in the order the builder tries them. For each set of ``wants`` (roles the class
    should hold where it can: all of them, then all but one, then none; ``_want_sets``) and each
    share of ``SECTION_SHARES``, the best route that meets ``needs`` and those wants, with no
    repeats: those within ``budget`` changes first, the most wants first and then each section's
    time held best; then, with no wants, the others, fewest changes first. A route that can hold
    the time may still not fit it."""
    every = _reasons({s: tuple(vocab.POSITIONS) for s in pools}, pools)
    min_reasons = min(min_reasons, len(every))
    want_sets = _want_sets(list(wants))
    everything = [*needs, *wants]
    hard = frozenset(range(len(needs)))
    # a route for wants is only taken within the budget: search no further than that
    required = [
        (hard | {len(needs) + list(wants).index(w) for w in chosen}, budget + 1 if chosen else MAX_ROUTE)
        for chosen in want_sets
    ]
    by_share = [_search(pools, most, targets, everything, required, min_reasons, s) for s in SECTION_SHARES]
    found: list[tuple[tuple, Route]] = []
    for number, chosen in enumerate(want_sets):
        for order, routes in enumerate(by_share):
            route = routes.get(number)
            if route is None:
                continue
            if route.changes <= budget:  # the most wants first, then each section's time held best
                found.append(((False, number, order), route))
            elif not chosen:
                found.append(((True, route.changes, order), route))
    ordered: list[Route] = []
    for _, route in sorted(found, key=lambda entry: entry[0]):
        if route.positions not in {r.positions for r in ordered}:
            ordered.append(route)
    return ordered
