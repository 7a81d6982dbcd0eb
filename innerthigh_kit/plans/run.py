"""A plan as the instructor teaches it: one step per exercise, each a run of timed intervals.

Run mode (``widgets.run_screen``) counts these down in the browser. The intervals follow the plan's
timing rule (``items.py``), so a step takes the item's own seconds, plus a short change of sides:

- **move**: getting into place, the item's transition time less the get-ready count;
- **ready**: the get-ready count, the last ``vocab.GET_READY_SECONDS`` of the transition;
- **work**: one set on one side (the hold, or the reps at their pace);
- **rest**: between sets, on each side, as the plan counts it;
- **switch**: changing sides, ``vocab.SIDE_SWITCH_SECONDS``, once per one-sided exercise.

A one-sided exercise does every set on the first side, then every set on the other (side-lying
work is taught this way: one roll over, not one per set). That keeps the plan's rests exactly,
and adds only the switch, which the timing rule does not count: ``run_seconds`` says how much
longer the class runs for it, so run mode can say it too.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from .. import vocab
from ..exercises import Library
from ..words import POSITION_CUES, POSITION_WORDS, duration_words, section_words
from .items import PlanItem


@dataclass(frozen=True)
class Interval:
    kind: str  # move, ready, work, rest, switch
    label: str
    seconds: float


@dataclass
class Step:
    """One exercise as run mode shows it."""

    number: int
    exercise: str
    name: str
    section: str
    cue: str
    dosage: str
    #: What to say when the position changes (or to start), empty when it stays the same.
    change: str
    #: Seconds into the class (as run, switches counted) at which this step starts.
    start: float
    intervals: list[Interval] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return sum(interval.seconds for interval in self.intervals)

    def to_dict(self) -> dict:
        record = asdict(self)
        record["seconds"] = self.seconds
        return record


def intervals_for(item: PlanItem) -> list[Interval]:
    """The item's intervals in the order they are taught (see the module's docstring)."""
    ready = min(float(vocab.GET_READY_SECONDS), float(item.transition_seconds))
    out = [
        Interval("move", "Get into place", float(item.transition_seconds) - ready),
        Interval("ready", "Get ready", ready),
    ]
    what = f"{duration_words(item.hold_seconds)} hold" if item.is_hold else f"{item.reps} reps"
    for side in range(item.sides):
        if side:
            out.append(Interval("switch", "Change sides", float(vocab.SIDE_SWITCH_SECONDS)))
        where = "" if item.sides == 1 else (" · first side", " · other side")[side]
        for number in range(1, item.sets + 1):
            if number > 1:
                out.append(Interval("rest", "Rest", float(item.rest_seconds)))
            which = f"Set {number} of {item.sets} · " if item.sets > 1 else ""
            out.append(Interval("work", f"{which}{what}{where}", item.work_seconds))
    return [interval for interval in out if interval.seconds > 0]


def _change_words(position: str, before: str | None, moving: float) -> str:
    if before is None:  # the position cues say how to come to it from another
        return "To start: " + vocab.label(POSITION_WORDS.get(position, position.replace("-", " "))) + "."
    if position == before:
        return ""
    cue = POSITION_CUES.get(position, f"Move to {position.replace('-', ' ')}.")
    return f"Change of position: {cue} (about {duration_words(moving)})"


def run_steps(plan, library: Library) -> list[Step]:
    """The plan as run mode teaches it: one ``Step`` per item, in class order."""
    steps: list[Step] = []
    start, before = 0.0, None
    for number, (section, item) in enumerate(plan.items(), start=1):
        exercise = library.get(item.exercise) if item.exercise in library else None
        position = exercise.position if exercise is not None else before or "standing"
        step = Step(
            number=number,
            exercise=item.exercise,
            name=exercise.name if exercise is not None else f"{item.exercise} (not in the library)",
            section=section_words(section.name),
            cue=exercise.key_cue if exercise is not None else "",
            dosage=item.describe(),
            change=_change_words(position, before, item.transition_seconds),
            start=start,
            intervals=intervals_for(item),
        )
        steps.append(step)
        start += step.seconds
        before = position
    return steps


def run_seconds(steps: list[Step]) -> float:
    """How long the class runs, the changes of sides counted."""
    return sum(step.seconds for step in steps)
