"""The one vocabulary of the kit.

Every category, position, piece of equipment, caution, reason and population that the data, the
API, the CLI and the widgets use is defined here and nowhere else (see ../shared/DOMAIN.md).
It also gives the one table of limits (``LIMITS``: class minutes, dosage, rests, transitions,
time on the back in later pregnancy), kept in ``limits.py`` and re-exported here, that the schema,
the plan files, the requests, the builder, the checks and the widget bounds all read. Plain data
keeps this module nearly free of imports, so ``import innerthigh_kit`` stays fast.
"""

from __future__ import annotations

# The limits table and the builder's numbers live in limits.py; re-exported here.
from .limits import (  # noqa: F401
    DEFAULT_REST,
    DEFAULT_SECONDS_PER_REP,
    FITTED_SETS_TOP,
    FOCUS_SPLIT_GIVE,
    GET_READY_SECONDS,
    ITEM_MOST_SECONDS,
    LIMITS,
    MAX_FILE_BYTES,
    POSITION_BUDGET,
    REST_RANGE,
    SECTION_TIME,
    SIDE_SWITCH_SECONDS,
    TIME_AIM,
    TIME_ERROR,
    TIME_TOLERANCE,
    TRANSITION_EXTRA,
    TRANSITION_SECONDS,
    Limit,
)

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

#: The five reasons to train the inner thighs (DOMAIN.md), then ``range``: range of movement, the
#: mobile half of "strong and mobile", which stretches and mobility work serve (Behm 2016).
REASONS_TO_TRAIN = ("knee", "foot-ankle", "balance", "lateral", "pelvis-core")
REASONS = (*REASONS_TO_TRAIN, "range")

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
    "maximal-squeeze",
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
    "maximal-squeeze": "maximal squeeze (for athletes)",
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

#: Plain words for the reasons, as an instructor would say them to a class: what the exercise
#: works or practises, never a promised benefit (CONTENT_REVIEW.md). A stretch gives range; it
#: does not make a muscle strong or prevent injury (EVIDENCE.md §2.10).
REASON_WORDS = {
    "knee": "works the muscles that steady the thigh bone above the knee",
    "foot-ankle": "trains the chain from hip to foot that shapes how you stand",
    "balance": "practises keeping your balance on your feet",
    "lateral": "prepares you for side-to-side movement",
    "pelvis-core": "helps you feel your centre: pelvis, deep abdominals and pelvic floor (a coaching idea)",
    "range": "keeps the range of movement of your hips and legs",
}

_MOVING = ("warm-up", "activation", "strength", "mobility")
#: Which exercises may claim each reason: category -> the positions it may be done in. One rule
#: for the file check, the plan check, the builder and every sentence that names a reason.
#: - knee: steadying the thigh bone takes activation or strength work (EVIDENCE.md §2.4).
#: - foot-ankle, balance: trained standing, weight through the feet, while moving or holding
#:   a position (EVIDENCE.md §2.5-2.6); never a stretch or a rest.
#: - lateral: inner-thigh work against a load, in any position (Serner 2014, Harøy 2019), or
#:   moving side to side on the feet in a warm-up or mobility; never a stretch or a rest.
#: - range: moving through range or holding a stretch (warm-up, mobility, stretch, cool-down; §2.10);
#:   strength work through a long range counts as strength (and as lateral), not as range.
#: - pelvis-core: a coaching idea (feeling your centre), already worded so; anywhere.
REASON_CLAIMS = {
    "knee": dict.fromkeys(("activation", "strength"), POSITIONS),
    "foot-ankle": dict.fromkeys(_MOVING, ("standing",)),
    "balance": dict.fromkeys(_MOVING, ("standing",)),
    "lateral": {
        "warm-up": ("standing",),
        "activation": POSITIONS,
        "strength": POSITIONS,
        "mobility": ("standing",),
    },
    "pelvis-core": dict.fromkeys(CATEGORIES, POSITIONS),
    "range": dict.fromkeys(("warm-up", "mobility", "stretch", "cool-down"), POSITIONS),
}


def reasons_trained(category: str, position: str) -> tuple[str, ...]:
    """The reasons an exercise of this category, done in this position, may claim (``REASON_CLAIMS``)."""
    return tuple(r for r in REASONS if position in REASON_CLAIMS[r].get(category, ()))


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
    "range": "range of movement",
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

#: Who is coming, as the class form says it (the weeks are the usual trimester bounds, ACOG).
POPULATION_LABELS = {
    "general": "Everyone (a general class)",
    "prenatal-t1": "Pregnancy, 1st trimester (up to 13 weeks)",
    "prenatal-t2": "Pregnancy, 2nd trimester (14-27 weeks)",
    "prenatal-t3": "Pregnancy, 3rd trimester (28+ weeks)",
    "postnatal": "After birth, the first months",
    "postnatal-later": "After birth, from about 12 weeks (cleared for exercise)",
    "older-adult": "Older adults",
    "athlete": "Athletes",
}

#: The needs a form asks about beside who is coming, in groups, each with a short hint. Pregnancy
#: and the weeks after birth come from who is coming, so they are not asked twice.
CONDITION_GROUPS = {
    "Joints": {
        "knee-pain": "work in a pain-free range",
        "low-back-pain": "a neutral spine, nothing that strains",
        "hip-replacement": "your surgeon's rules: no crossing the midline, no deep bends",
    },
    "Pelvis and tummy": {
        "pelvic-girdle-pain": "narrow, symmetrical stances; no single-leg loading",
        "diastasis-recti": "watch for doming; low pressure",
    },
    "Bones": {"osteoporosis": "no rounded folds; supported balance"},
}


def label(words: str) -> str:
    """A phrase as a label: 'a small ball' -> 'Small ball', 'knee pain' -> 'Knee pain'."""
    for article in ("a ", "an "):
        words = words.removeprefix(article)
    return words[:1].upper() + words[1:]


#: Each caution tag as a label (a card's table, a list of needs, the values a message lists).
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
