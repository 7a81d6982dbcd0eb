"""The one vocabulary of the kit.

Every category, position, piece of equipment, caution, reason and population that the data, the
API, the CLI and the widgets use is defined here and nowhere else (see ../shared/DOMAIN.md).
It also holds the one table of limits (``LIMITS``: class minutes, dosage, rests, transitions,
time on the back in later pregnancy) that the schema, the plan files, the requests, the builder,
the checks and the widget bounds all read. Plain data keeps this module nearly free of imports,
so ``import innerthigh_kit`` stays fast.
"""

from __future__ import annotations

from typing import NamedTuple

CATEGORIES = ("warm-up", "activation", "strength", "mobility", "stretch", "cool-down")

POSITIONS = ("supine", "side-lying", "prone", "seated", "kneeling", "quadruped", "standing")

EQUIPMENT = (
    "mat",
    "small-ball",
    "ankle-weights",
    "band",
    "slider",
    "bench",
    "chair",
    "wall",
    "block",
    "pillow",
    "wedge",
    "towel",
    "pilates-ring",
    "birth-ball",
    "barre",
)

CAUTIONS = (
    "knee-pain",
    "pelvic-girdle-pain",
    "low-back-pain",
    "hip-replacement",
    "osteoporosis",
    "diastasis-recti",
    "pregnancy-t1",
    "pregnancy-t2",
    "pregnancy-t3",
    "postnatal-early",
)

#: What a caution asks of the instructor: leave the exercise out, or teach it with the change
#: its note describes.
CAUTION_ACTIONS = ("avoid", "modify")

REASONS = ("knee", "foot-ankle", "balance", "lateral", "pelvis-core")

#: What an exercise is, for the rules that build a class: a group's programme asks for roles
#: ("a squeeze", "supported balance"), never for exercise names.
ROLES = (
    "squeeze",
    "bridge",
    "squat",
    "sit-to-stand",
    "side-lying-adduction",
    "abductor-partner",
    "breathing-pelvic-floor",
    "supported-balance",
    "balance",
    "lateral-power",
    "copenhagen",
    "hinge",
    "adductor-stretch",
    "inner-thigh-circles",
    "wide-squat",
)

#: Each role in words, as in "the class has no {squeeze}".
ROLE_WORDS = {
    "squeeze": "inner-thigh squeeze",
    "bridge": "bridge",
    "squat": "squat pattern",
    "sit-to-stand": "sit-to-stand",
    "side-lying-adduction": "side-lying inner-thigh work",
    "abductor-partner": "outer-hip (abductor) partner exercise",
    "breathing-pelvic-floor": "breathing and pelvic-floor exercise",
    "supported-balance": "supported balance exercise",
    "balance": "balance exercise",
    "lateral-power": "side-to-side power exercise",
    "copenhagen": "Copenhagen exercise",
    "hinge": "hip hinge",
    "adductor-stretch": "inner-thigh stretch",
    "inner-thigh-circles": "side-lying inner-thigh circles",
    "wide-squat": "wide squat",
}

#: What each rule the builder may have to let go keeps, in words, for "what gave way"
#: (``plan.relaxed``); a group's ``must`` and ``prefer`` rules are said by their role's words.
RELAXED_RULE_WORDS = {
    "position-budget": "few changes of position",
    "supported-balance-minutes": "the group's minutes of supported balance",
    "near-twins": "no two versions of one exercise in one section",
    "abductor-partner": "an outer-hip exercise to partner the inner-thigh work",
    "focus-split": "the focus's split between strength and stretch",
    "upright-share": "half the class or more standing or at a chair",
}

#: Muscle names as the library writes them (an exercise's main muscles): the inner-thigh group,
#: and the outer-hip muscles whose work partners it (plans/partners.py).
ADDUCTOR_MUSCLES = ("adductors",)
ABDUCTOR_MUSCLES = ("glute med", "glute min")

#: Plain words for the five reasons, as an instructor would say them to a class: what the
#: exercise works or practises, never a promised benefit (CONTENT_REVIEW.md).
REASON_WORDS = {
    "knee": "works the muscles that steady the thigh bone above the knee",
    "foot-ankle": "trains the chain from hip to foot that shapes how you stand",
    "balance": "practises steadying the hip on one leg",
    "lateral": "prepares you for side-to-side movement and its range",
    "pelvis-core": "helps you feel your centre: pelvis, deep abdominals and pelvic floor (a coaching idea)",
}

POPULATIONS = (
    "general",
    "prenatal-t1",
    "prenatal-t2",
    "prenatal-t3",
    "postnatal",
    "postnatal-later",
    "older-adult",
    "athlete",
)

#: Plain words for the populations.
POPULATION_WORDS = {
    "general": "everyone",
    "prenatal-t1": "pregnancy, first trimester",
    "prenatal-t2": "pregnancy, second trimester",
    "prenatal-t3": "pregnancy, third trimester",
    "postnatal": "after birth (postnatal)",
    "postnatal-later": "after birth, from about 12 weeks (cleared for exercise)",
    "older-adult": "older adults",
    "athlete": "athletes",
}

#: The caution tags that a population brings with it. Other needs (knee pain, osteoporosis...)
#: are named as conditions of the class, because not every older adult has osteoporosis.
POPULATION_CAUTIONS = {
    "general": (),
    "prenatal-t1": ("pregnancy-t1",),
    "prenatal-t2": ("pregnancy-t2",),
    "prenatal-t3": ("pregnancy-t3",),
    "postnatal": ("postnatal-early",),
    "postnatal-later": (),
    "older-adult": (),
    "athlete": (),
}

FOCUSES = ("strength", "balanced", "stretch")

LEVELS = (1, 2, 3)

EVIDENCE = ("trial", "some", "coaching")

#: Plain words for the evidence grades.
EVIDENCE_WORDS = {
    "trial": "backed by controlled trials",
    "some": "some research support (small or indirect studies)",
    "coaching": "coaching experience; research evidence is thin or missing",
}

DEFAULT_SECTIONS = ("warm-up", "activation", "strength", "stretch", "cool-down")

#: Equipment as said in a sentence ("add a band", "add ankle weights").
EQUIPMENT_WORDS = {
    "mat": "a mat",
    "small-ball": "a small ball",
    "ankle-weights": "ankle weights",
    "band": "a band",
    "slider": "a slider",
    "bench": "a bench or box",
    "chair": "a chair",
    "wall": "a wall",
    "block": "a block",
    "pillow": "a pillow or cushion",
    "wedge": "a wedge or bolster",
    "towel": "a towel",
    "pilates-ring": "a Pilates ring",
    "birth-ball": "a birth or stability ball",
    "barre": "a barre (or a sturdy chair back)",
}

#: Which library categories fill each default section of a class plan (first ones preferred).
#: Dynamic mobility suits a warm-up; static holds belong after the work (EVIDENCE.md §2.10).
SECTION_CATEGORIES = {
    "warm-up": ("warm-up", "mobility"),
    "activation": ("activation",),
    "strength": ("strength",),
    "stretch": ("stretch", "mobility"),
    "cool-down": ("cool-down",),
}

#: Share of the class time each default section gets, by focus.
FOCUS_SHARES = {
    "balanced": {"warm-up": 0.15, "activation": 0.15, "strength": 0.35, "stretch": 0.25, "cool-down": 0.10},
    "strength": {"warm-up": 0.15, "activation": 0.15, "strength": 0.45, "stretch": 0.15, "cool-down": 0.10},
    "stretch": {"warm-up": 0.15, "activation": 0.10, "strength": 0.20, "stretch": 0.45, "cool-down": 0.10},
}

#: Categories counted as strength work and as stretch work when a plan's balance is checked.
STRENGTH_CATEGORIES = ("activation", "strength")
STRETCH_CATEGORIES = ("mobility", "stretch")

#: The order of positions from standing to lying on the back, used to keep the class flowing
#: down to the floor rather than up and down.
POSITION_FLOW = ("standing", "kneeling", "quadruped", "prone", "side-lying", "seated", "supine")


def caution_tags(population: str, conditions) -> tuple[str, ...]:
    """The caution tags of a class: its population's own, then the named conditions (no repeats)."""
    tags = POPULATION_CAUTIONS.get(population, ())
    return tags + tuple(dict.fromkeys(c for c in conditions if c not in tags))


# --------------------------------------------------------------------------- words for the tags

#: Short names for the caution tags, as said in a sentence.
CAUTION_WORDS = {
    "knee-pain": "knee pain",
    "pelvic-girdle-pain": "pelvic girdle pain",
    "low-back-pain": "low-back pain",
    "hip-replacement": "a hip replacement",
    "osteoporosis": "osteoporosis",
    "diastasis-recti": "a tummy gap (diastasis recti)",
    "pregnancy-t1": "the first trimester",
    "pregnancy-t2": "the second trimester",
    "pregnancy-t3": "the third trimester",
    "postnatal-early": "the early months after birth",
}

#: Short names for the reasons, for "the only exercise for ..." sentences.
REASON_SHORT = {
    "knee": "the knee",
    "foot-ankle": "the hip-to-foot chain",
    "balance": "balance",
    "lateral": "side-to-side movement",
    "pelvis-core": "the pelvis and core",
}

#: Who to ask, by caution tag: pregnancy and the pelvis go to the midwife first.
ASK_WHOM = {
    "pregnancy-t1": "your midwife or doctor",
    "pregnancy-t2": "your midwife or doctor",
    "pregnancy-t3": "your midwife or doctor",
    "postnatal-early": "your midwife, GP or pelvic-health physiotherapist",
    "pelvic-girdle-pain": "your midwife or pelvic-health physiotherapist",
    "diastasis-recti": "your GP or pelvic-health physiotherapist",
    "hip-replacement": "your surgeon or physiotherapist",
    "osteoporosis": "your doctor or physiotherapist",
    "knee-pain": "your physiotherapist or doctor",
    "low-back-pain": "your physiotherapist or doctor",
}
PROFESSIONAL_TAGS = tuple(ASK_WHOM)

#: What a caution's action asks of the instructor, in words.
CAUTION_ACTION_WORDS = {
    "avoid": "leave it out",
    "modify": "teach it with this change",
}

#: Each caution tag as a label (a card's table, a list of needs).
CAUTION_LABELS = {
    "knee-pain": "knee pain",
    "pelvic-girdle-pain": "pelvic girdle pain",
    "low-back-pain": "low back pain",
    "hip-replacement": "hip replacement",
    "osteoporosis": "osteoporosis",
    "diastasis-recti": "diastasis recti",
    "pregnancy-t1": POPULATION_WORDS["prenatal-t1"],
    "pregnancy-t2": POPULATION_WORDS["prenatal-t2"],
    "pregnancy-t3": POPULATION_WORDS["prenatal-t3"],
    "postnatal-early": POPULATION_WORDS["postnatal"],
}


# --------------------------------------------------------------------------- the limits table


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
