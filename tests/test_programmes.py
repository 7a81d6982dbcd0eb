"""Group programmes as data: the kit's file loads, every rule is sourced, and a broken file says
which group, rule and field to fix."""

from __future__ import annotations

import pytest

import innerthigh_kit as kit
from innerthigh_kit.plans import Audience
from innerthigh_kit.plans.programmes import combined_limits, load_programmes, programmes_for, read_programmes


def test_the_kits_programmes_load_and_every_rule_names_its_source():
    programmes = load_programmes()
    references = kit.load_library().references
    assert set(programmes) >= {
        "prenatal-t1",
        "prenatal-t2",
        "prenatal-t3",
        "postnatal",
        "older-adult",
        "athlete",
    }
    for programme in programmes.values():
        for rule in (*programme.must, *programme.must_not, *programme.prefer):
            assert rule.source in references or rule.source.startswith("Coaching convention"), rule
        for saying in programme.say:
            assert saying.source in references or saying.source.startswith("Coaching convention"), saying


def test_every_pregnancy_programme_says_the_stop_signs_and_the_talk_test():
    for group in ("prenatal-t1", "prenatal-t2", "prenatal-t3"):
        sayings = {s.key: s.text for s in load_programmes()[group].say}
        assert {"stop-signs", "talk-test"} <= set(sayings), group
        for sign in (
            "bleeding",
            "fluid",
            "contractions",
            "dizziness",
            "chest pain",
            "calf",
            "baby moves less",
        ):
            assert sign in sayings["stop-signs"], (group, sign)


def test_a_class_gets_its_populations_and_conditions_programmes_and_the_strictest_limits():
    audience = Audience(population="prenatal-t3", conditions=["pelvic-girdle-pain", "knee-pain"])
    groups = [p.group for p in programmes_for(audience)]
    assert groups == ["everyone", "prenatal-t3", "pelvic-girdle-pain", "knee-pain"]
    assert combined_limits(programmes_for(audience))["supine_allowed"] is False
    t2 = combined_limits(programmes_for(Audience(population="prenatal-t2")))
    assert t2["supine_run_seconds"] == 180


def test_a_broken_programme_file_names_the_group_the_rule_and_the_field(tmp_path):
    path = tmp_path / "programmes.yaml"
    path.write_text(
        "older-adult:\n"
        "  must:\n"
        "    - {role: balancing, why: Stand on one leg., source: giangregorio-2014}\n"
        "    - {role: squeeze, source: giangregorio-2014}\n"
        "  limits: {upright: 0.5}\n"
        "  prefer:\n"
        "    - {position: standing, why: Stay up., source: Coaching convention}\n"
        "teenagers:\n"
        "  must: []\n",
        encoding="utf-8",
    )
    with pytest.raises(kit.LibraryError) as caught:
        read_programmes(path)
    message = str(caught.value)
    assert "older-adult, must 1, field 'role': 'balancing' is not a role" in message
    assert "older-adult, must 2, field 'why': is missing" in message
    assert "field 'upright': is not a limit" in message
    assert "'teenagers' is not a group the kit knows" in message
    assert "older-adult, prefer 1, field 'position': is not a role" in message


def test_every_class_prefers_the_teaching_materials_three_favourites():
    everyone = load_programmes()["everyone"]
    assert [rule.role for rule in everyone.prefer] == ["squeeze", "inner-thigh-circles", "wide-squat"]
    assert not everyone.must and not everyone.must_not
    library = kit.load_library()
    for role in ("inner-thigh-circles", "wide-squat"):  # found by role, never by name
        assert any(role in e.roles for e in library if e.level == 1), role
    squeezes = [e for e in library if "squeeze" in e.roles and e.level == 1]
    assert any(not e.needs(["mat"]) for e in squeezes), "a squeeze with the hands, for a class with no ball"


def test_a_maximal_squeeze_is_for_athletes_only():
    import innerthigh_kit as kit
    from innerthigh_kit import vocab
    from innerthigh_kit.plans.programmes import allowed_for, programmes_for

    library = kit.load_library()
    maximal = [e.id for e in library if "maximal-squeeze" in e.roles]
    assert maximal, "the library has a maximal squeeze"
    for population in vocab.POPULATIONS:
        pool = allowed_for(library, programmes_for(kit.Audience(population=population)))
        kept = [i for i in maximal if i in pool]
        assert bool(kept) == (population == "athlete"), population
