"""The easier and harder versions named for a class of mixed levels (plans/versions.py)."""

from __future__ import annotations

import innerthigh_kit as kit
from innerthigh_kit.exercises import Library
from innerthigh_kit.plans import Audience
from innerthigh_kit.plans.versions import versions_for, versions_words


def _chain(make_exercise):
    """easy -> middle -> weighted (needs ankle weights) -> hard (avoid in the third trimester)."""
    return Library(
        [
            make_exercise("easy", "strength", "side-lying", 1, ["lateral"], progression="middle"),
            make_exercise(
                "middle", "strength", "side-lying", 2, ["lateral"], regression="easy", progression="weighted"
            ),
            make_exercise(
                "weighted",
                "strength",
                "side-lying",
                2,
                ["lateral"],
                equipment=["ankle-weights"],
                regression="middle",
                progression="hard",
            ),
            make_exercise(
                "hard",
                "strength",
                "side-lying",
                3,
                ["lateral"],
                regression="weighted",
                cautions=[("pregnancy-t3", "avoid")],
            ),
        ]
    )


def test_the_nearest_version_that_suits_the_class_is_named(make_exercise):
    library = _chain(make_exercise)
    middle = library.get("middle")
    easier, harder = versions_for(middle, library, Audience())
    assert easier.id == "easy"
    assert harder.id == "hard", "the weights are not there, so the next version up is named"
    easier, harder = versions_for(middle, library, Audience(equipment=["ankle-weights"]))
    assert harder.id == "weighted"
    easier, harder = versions_for(middle, library, Audience(population="prenatal-t3"))
    assert harder is None, "the harder version is left out for the group, and none else suits"
    assert versions_words(middle, library, Audience(population="prenatal-t3")) == "Easier version: Easy."


def test_explain_and_both_handouts_name_the_versions():
    from innerthigh_kit.handouts.content import Handout

    library = kit.load_library()
    plan = kit.build_plan(kit.ClassRequest(minutes=45, equipment=["small-ball", "ankle-weights"]), library)
    text = plan.explain(library)
    named = 0
    for _, item in plan.items():
        exercise = library.get(item.exercise)
        words = versions_words(exercise, library, plan.audience)
        if words:
            named += 1
            easier, harder = versions_for(exercise, library, plan.audience)
            if easier:
                assert f"Easier version: {easier.name}." in text, item.exercise
            if harder:  # a favourite names its harder version as the next step
                assert f"Harder version: {harder.name}." in text or (
                    f"Next step, when this feels easy: {harder.name}." in text
                ), item.exercise
    assert named >= len(list(plan.items())) // 2, "most exercises have a version to offer"
    for audience in ("participant", "instructor"):
        sequence = str(Handout(plan, library, audience, include_diagrams=False).sequence())
        assert sequence.count('class="versions"') == named, audience
