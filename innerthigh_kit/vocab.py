"""The one vocabulary of the kit.

Every category, position, piece of equipment, caution, reason and population that the data, the
API, the CLI and the widgets use is defined here and nowhere else (see ../shared/DOMAIN.md).
Plain tuples keep this module free of imports, so ``import innerthigh_kit`` stays fast.
"""

from __future__ import annotations

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

#: Plain words for the five reasons, as an instructor would say them to a class.
REASON_WORDS = {
    "knee": "supports the knee by steadying the thigh bone",
    "foot-ankle": "trains the chain from hip to foot that shapes how you stand",
    "balance": "steadies the hip so you balance on one leg",
    "lateral": "prepares you for side-to-side movement",
    "pelvis-core": "works with your centre: pelvis, deep abdominals and pelvic floor",
}

POPULATIONS = (
    "general",
    "prenatal-t1",
    "prenatal-t2",
    "prenatal-t3",
    "postnatal",
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
