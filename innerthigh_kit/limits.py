"""The one table of limits of the kit, and the numbers the builder plans by.

Class minutes, dosage, rests, transitions, time on the back: the schema, the plan files, the
requests, the builder, the checks and the widgets' bounds all read these. ``vocab`` re-exports
every name, so ``vocab.LIMITS`` is this table (plain data; no imports of the kit).
"""

from __future__ import annotations

from typing import NamedTuple


class Limit(NamedTuple):
    """A range a number must fall in, with its unit and what it is, for checks and messages.

    ``open_low``: the low end itself is not allowed (seconds per rep must be more than 0).
    """

    low: float
    high: float
    unit: str = ""
    open_low: bool = False

    def allows(self, value: object) -> bool:
        """True for a real number (not a bool) inside the range."""
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return False
        above = value > self.low if self.open_low else value >= self.low
        return above and value <= self.high

    def words(self) -> str:
        """E.g. 'from 1 to 10', 'more than 0, at most 60 s'."""
        unit = f" {self.unit}" if self.unit else ""
        if self.open_low:
            return f"more than {self.low:g}, at most {self.high:g}{unit}"
        return f"from {self.low:g} to {self.high:g}{unit}"


#: Every limit of the kit, in one place. The schema, the plan files, the class request, the
#: dosage editor (``ClassPlan.set_dosage``), the checks and the widgets' bounds read these.
LIMITS = {
    # what the class builder plans, and the minutes slider offers
    "class_minutes": Limit(15, 90, "min"),
    # what a plan file (written by hand, perhaps a long workshop session) may say
    "plan_minutes": Limit(1, 240, "min"),
    "sets": Limit(1, 10),
    "reps": Limit(1, 100),
    "seconds_per_rep": Limit(0, 60, "s", open_low=True),
    "hold_seconds": Limit(1, 300, "s"),
    "rest_seconds": Limit(0, 300, "s"),
    "transition_seconds": Limit(0, 300, "s"),
    # what any number of a plan item (sets, reps, seconds) may be at all for a plan file to load:
    # 12 sets or a 400 s hold load, so that `check` can say why; 1e400, .inf or -5 are refused
    "plan_item_number": Limit(0, 10_000),
    # a series of weekly classes
    "series_weeks": Limit(1, 12, "weeks"),
    # how far the builder lets a hold move (ACSM: 10-30 s to mild tightness, 30-60 s may help
    # older adults; EVIDENCE.md §2.10), and short static holds in a warm-up
    "stretch_hold": Limit(20, 45, "s"),
    "older_adult_stretch_hold": Limit(30, 60, "s"),
    "warm_up_hold": Limit(10, 30, "s"),
}

#: The largest file the kit reads (5 MB): a library of a thousand exercises is about 1.5 MB.
MAX_FILE_BYTES = 5_000_000

#: The most sets the builder gives an item while fitting the time (more only if the library says
#: so): strength work for athletes, other strength and activation work, everything else.
FITTED_SETS_TOP = {"athlete strength": 4, "strength": 3, "other": 2}

#: Seconds a rep takes when a plan item does not say (a slow, controlled rep).
DEFAULT_SECONDS_PER_REP = 3.0

#: The most changes of position a class needs, by its length in minutes: up to 30, up to 50,
#: longer (coaching convention: group the standing work and the mat work; DOMAIN.md).
POSITION_BUDGET = ((30, 2), (50, 3), (10_000, 4))

#: Rest between sets, by category: the builder's default and the range it may move in.
DEFAULT_REST = {"warm-up": 0, "mobility": 5, "activation": 15, "strength": 30, "stretch": 5, "cool-down": 0}
REST_RANGE = {
    "warm-up": (0, 10),
    "mobility": (0, 10),
    "activation": (10, 30),
    "strength": (15, 60),
    "stretch": (0, 10),
    "cool-down": (0, 10),
}

#: Seconds to get into place before an item: the first of the class, another in the same
#: position, a move between standing and the floor, any other change, and extra for new equipment.
TRANSITION_SECONDS = {"first": 15, "same": 10, "standing": 20, "other": 15, "new_equipment": 5}

#: Extra seconds, by population, for a change between standing and the floor: getting down and
#: back up takes longer from the second trimester (roll to the side, knees together, a pause
#: sitting before you stand) and for older adults (a hand on a support, no rush; getting up from
#: the floor slows with age, Bohannon & Lusardi 2004). Coaching convention: no source gives the
#: seconds.
TRANSITION_EXTRA = {"prenatal-t2": 5, "prenatal-t3": 10, "older-adult": 10}

#: How long the warm-up and cool-down are, whatever the focus: (least seconds, least share, most
#: share of the class). Coaching convention: a warm-up of 3 minutes or more and 8-25 % of the
#: class; a cool-down of 2 minutes or more and at most 15 %.
SECTION_TIME = {"warm-up": (180, 0.08, 0.25), "cool-down": (120, 0.0, 0.15)}

#: How far a plan's total may be from its target: the builder's promise and the point where
#: the check warns (5 %); where the check calls it an error (20 %); what the fitter aims for.
TIME_TOLERANCE = 0.05
TIME_ERROR = 0.20
TIME_AIM = 0.015

#: How far a class's strength share may miss its focus's aim (it warns past 0.15) before the builder
#: gives up few changes of position to keep it (coaching convention: a class that moves up and
#: down all the time is worse than one that leans a little to strength).
FOCUS_SPLIT_GIVE = 0.25

#: The longest one exercise may run in a built class, both sides, rests and the change of position
#: counted (coaching convention: past about five minutes a class gets more from another exercise
#: than from more sets of the same one).
ITEM_MOST_SECONDS = 300

#: Run mode (``plans.run``): the get-ready count before the first set, the last seconds of the
#: transition; and the seconds to change sides, which the timing rule does not count. Coaching
#: convention: no source gives the seconds.
GET_READY_SECONDS = 5
SIDE_SWITCH_SECONDS = 5
