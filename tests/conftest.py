"""Shared test settings and helpers: a headless matplotlib, nothing written to the user's home,
a small hand-made exercise library, and one good exercise entry to mutate.

Helpers reach tests as fixtures (``demo_library``, ``make_exercise``, ``good_entry``), never by
importing another test module.
"""

from __future__ import annotations

import os

import pytest

from innerthigh_kit.exercises import Caution, Dosage, Exercise, Library

os.environ.setdefault("MPLBACKEND", "Agg")


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory):
    """Diagram caches and saved plans go to a temporary folder, never to ~/.cache."""
    cache = tmp_path_factory.mktemp("cache")
    previous = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(cache)
    yield
    if previous is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = previous


# --------------------------------------------------------------------------- a hand-made library


def ex(
    id,
    category,
    position,
    level,
    reasons,
    equipment=(),
    per_side=False,
    reps=None,
    hold=None,
    sets=2,
    cautions=(),
    regression=None,
    progression=None,
    evidence="coaching",
):
    """A library exercise with only what the builder reads spelled out."""
    if reps is None and hold is None:
        reps = 10
    return Exercise(
        id=id,
        name=id.replace("-", " ").capitalize(),
        category=category,
        position=position,
        equipment=("mat", *equipment),
        level=level,
        primary_muscles=("adductors",),
        secondary_muscles=(),
        per_side=per_side,
        dosage=Dosage(sets=sets, reps=reps, seconds_per_rep=3 if reps else None, hold_seconds=hold),
        cues=(f"Cue one for {id}.", "Cue two."),
        regression=regression,
        progression=progression,
        cautions=tuple(Caution(tag, f"Note for {tag} on {id}.", action) for tag, action in cautions),
        reasons=tuple(reasons),
        description="Test exercise.",
        sources=("Test",),
        evidence=evidence,
    )


AVOID, MODIFY = "avoid", "modify"
LATE = (("pregnancy-t2", MODIFY), ("pregnancy-t3", AVOID))
WIDE = (("pelvic-girdle-pain", AVOID),)


def make_demo_library() -> Library:
    return Library(
        [
            # warm-up and mobility
            ex("marching", "warm-up", "standing", 1, ["balance", "foot-ankle"], reps=16, sets=1),
            ex("side-steps", "warm-up", "standing", 1, ["lateral"], reps=12, sets=2),
            ex(
                "hip-circles",
                "warm-up",
                "standing",
                1,
                ["balance", "pelvis-core"],
                per_side=True,
                reps=8,
                sets=1,
            ),
            ex("knee-sways", "warm-up", "supine", 1, ["pelvis-core"], reps=10, sets=1, cautions=LATE),
            ex(
                "leg-swings",
                "mobility",
                "standing",
                1,
                ["lateral", "balance"],
                per_side=True,
                reps=10,
                sets=1,
                cautions=WIDE,
            ),
            ex(
                "rock-back",
                "mobility",
                "quadruped",
                1,
                ["pelvis-core", "range"],
                reps=8,
                sets=2,
                cautions=(("knee-pain", MODIFY),),
            ),
            # activation
            ex(
                "ball-squeeze",
                "activation",
                "supine",
                1,
                ["pelvis-core", "knee"],
                ["small-ball"],
                reps=10,
                cautions=(("pregnancy-t3", MODIFY), ("postnatal-early", MODIFY)),
                evidence="some",
            ),
            ex(
                "seated-squeeze",
                "activation",
                "seated",
                1,
                ["pelvis-core"],
                ["small-ball"],
                reps=8,
                evidence="some",
            ),
            ex("side-lift", "activation", "side-lying", 1, ["knee", "pelvis-core"], per_side=True, reps=12),
            ex(
                "band-adduction",
                "activation",
                "standing",
                2,
                ["balance", "foot-ankle"],
                ["band"],
                per_side=True,
                reps=12,
                cautions=WIDE,
            ),
            ex(
                "bridge-squeeze",
                "activation",
                "supine",
                2,
                ["pelvis-core", "knee"],
                ["small-ball"],
                reps=10,
                cautions=LATE,
            ),
            # strength
            ex(
                "chair-plie",
                "strength",
                "standing",
                1,
                ["knee", "balance"],
                ["chair"],
                reps=10,
                cautions=WIDE,
                progression="wide-squat",
            ),
            ex(
                "wide-squat",
                "strength",
                "standing",
                1,
                ["knee", "foot-ankle", "balance"],
                reps=12,
                cautions=(*WIDE, ("knee-pain", MODIFY)),
                regression="chair-plie",
                progression="lateral-lunge",
            ),
            ex(
                "side-circles",
                "strength",
                "side-lying",
                1,
                ["knee", "pelvis-core"],
                per_side=True,
                reps=10,
                progression="weighted-circles",
            ),
            ex(
                "weighted-circles",
                "strength",
                "side-lying",
                2,
                ["knee", "pelvis-core"],
                ["ankle-weights"],
                per_side=True,
                reps=10,
                regression="side-circles",
            ),
            ex(
                "lateral-lunge",
                "strength",
                "standing",
                2,
                ["lateral", "knee"],
                per_side=True,
                reps=8,
                cautions=(*WIDE, ("knee-pain", AVOID), ("pregnancy-t3", AVOID)),
                regression="wide-squat",
                progression="cossack",
            ),
            ex(
                "copenhagen-short",
                "strength",
                "side-lying",
                2,
                ["lateral", "pelvis-core"],
                ["bench"],
                per_side=True,
                hold=15,
                cautions=(("postnatal-early", AVOID), ("pregnancy-t2", AVOID), ("pregnancy-t3", AVOID)),
                regression="side-circles",
                progression="copenhagen-long",
                evidence="trial",
            ),
            ex(
                "copenhagen-long",
                "strength",
                "side-lying",
                3,
                ["lateral", "pelvis-core"],
                ["bench"],
                per_side=True,
                reps=6,
                sets=3,
                cautions=(
                    ("postnatal-early", AVOID),
                    ("pregnancy-t2", AVOID),
                    ("pregnancy-t3", AVOID),
                    ("knee-pain", AVOID),
                ),
                regression="copenhagen-short",
                evidence="trial",
            ),
            ex(
                "slider-lunge",
                "strength",
                "standing",
                3,
                ["lateral", "balance"],
                ["slider"],
                per_side=True,
                reps=8,
                cautions=(*WIDE, ("knee-pain", AVOID)),
            ),
            ex(
                "band-pull",
                "strength",
                "standing",
                1,
                ["balance", "foot-ankle"],
                ["band"],
                per_side=True,
                reps=12,
                evidence="some",
            ),
            ex(
                "one-leg-balance",
                "strength",
                "standing",
                2,
                ["balance", "foot-ankle"],
                per_side=True,
                hold=20,
                cautions=WIDE,
            ),
            ex(
                "cossack",
                "strength",
                "standing",
                3,
                ["lateral", "knee"],
                per_side=True,
                reps=6,
                cautions=(*WIDE, ("knee-pain", AVOID), ("hip-replacement", AVOID)),
                regression="lateral-lunge",
            ),
            # stretch
            ex("butterfly", "stretch", "seated", 1, ["pelvis-core", "range"], hold=30, cautions=WIDE),
            ex(
                "wide-fold",
                "stretch",
                "seated",
                1,
                ["pelvis-core", "range"],
                hold=30,
                cautions=(*WIDE, ("osteoporosis", AVOID)),
            ),
            ex(
                "frog",
                "stretch",
                "prone",
                2,
                ["pelvis-core", "range"],
                hold=30,
                cautions=(*WIDE, ("pregnancy-t2", AVOID), ("pregnancy-t3", AVOID)),
            ),
            ex(
                "side-lunge-stretch",
                "stretch",
                "standing",
                1,
                ["range"],
                per_side=True,
                hold=30,
                sets=1,
                cautions=WIDE,
            ),
            ex(
                "kneeling-stretch",
                "stretch",
                "kneeling",
                1,
                ["range"],
                per_side=True,
                hold=30,
                sets=1,
                cautions=(("knee-pain", MODIFY),),
            ),
            ex(
                "side-lying-stretch",
                "stretch",
                "side-lying",
                1,
                ["pelvis-core", "range"],
                per_side=True,
                hold=30,
                sets=1,
            ),
            # cool-down
            ex(
                "breathing-ball",
                "cool-down",
                "supine",
                1,
                ["pelvis-core"],
                ["small-ball"],
                hold=60,
                sets=1,
                cautions=(("pregnancy-t3", MODIFY),),
            ),
            ex("side-rest", "cool-down", "side-lying", 1, ["pelvis-core"], hold=60, sets=1),
            ex("seated-breathing", "cool-down", "seated", 1, ["pelvis-core"], hold=60, sets=1),
        ]
    )


@pytest.fixture(scope="session")
def demo_library() -> Library:
    """A small library whose every exercise, caution and link is known, so a failure points at
    the rule and not at the data."""
    return make_demo_library()


@pytest.fixture(scope="session")
def make_exercise():
    """``make_exercise(id, category, position, level, reasons, ...)``: a library exercise."""
    return ex


# --------------------------------------------------------------------------- one good entry

GOOD_ENTRY = """\
- id: my-squeeze
  name: My seated squeeze
  category: activation
  position: seated
  equipment: [mat, small-ball]
  level: 1
  muscles: {primary: [adductors], secondary: [pelvic floor]}
  per_side: false
  dosage: {sets: 2, reps: 8, seconds_per_rep: 4}
  cues: [Sit tall on your sit bones., Squeeze the ball along the whole thigh.]
  regression: null
  progression: null
  cautions:
    - {tag: pregnancy-t2, note: Gentle squeeze; check with your midwife., action: modify}
  reasons: [pelvis-core]
  description: A gentle squeeze to find the inner thighs.
  sources: [Coaching experience (studio convention)]
"""


@pytest.fixture(scope="session")
def good_entry() -> str:
    """A valid exercise file with one entry (id my-squeeze), to copy and break in one field."""
    return GOOD_ENTRY


# --------------------------------------------------------------------------- a real saved plan


@pytest.fixture(scope="session")
def real_plan_text() -> str:
    """A class plan built from the kit's own library (45 min, knee pain in the class), as the
    YAML text ``ClassPlan.save`` writes: the starting point for tests that break plan files."""
    from innerthigh_kit import build_plan, load_library
    from innerthigh_kit.plans import ClassRequest
    from innerthigh_kit.plans.files import plan_text

    library = load_library()
    plan = build_plan(ClassRequest(minutes=45, conditions=["knee-pain"]), library, seed=3)
    first = next(item for _, item in plan.items())
    if first.is_hold:  # the tests below find the first item by its text: make it a known rep item
        first = plan.swap(first.key, next(e for e in library if e.category == "warm-up" and e.dosage.reps))
    plan.set_dosage(first.key, sets=1, reps=11)
    return plan_text(plan.to_json_dict())
