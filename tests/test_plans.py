"""ClassRequest, ClassPlan timing and editing, the summary table, and plan files (round trips)."""

from __future__ import annotations

import json

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import innerthigh_kit as kit
from innerthigh_kit import vocab
from innerthigh_kit.plans import Audience, ClassPlan, ClassRequest, PlanItem, Section
from innerthigh_kit.plans.dosing import transition_seconds

# --------------------------------------------------------------------------- the request


def test_a_request_keeps_its_values_and_adds_the_mat():
    request = ClassRequest(
        minutes=30,
        level=2,
        equipment=["band", "band", "mat"],
        population="prenatal-t3",
        conditions=["knee-pain"],
        focus="strength",
    )
    assert request.equipment == ("band", "mat")
    assert request.equipment_available == ("mat", "band")
    assert request.caution_tags == ("pregnancy-t3", "knee-pain")
    assert request.audience() == Audience("prenatal-t3", 2, ["knee-pain"], ["band"], "strength")


@pytest.mark.parametrize(
    "field, value, allowed",
    [
        ("minutes", 10, "from 15 to 90"),
        ("minutes", 91, "from 15 to 90"),
        ("minutes", 45.5, "whole number"),
        ("level", 4, "1 (beginner)"),
        ("population", "pregnant", "prenatal-t1"),
        ("focus", "cardio", "strength, balanced"),
        ("equipment", ["kettlebell"], "small-ball"),
        ("conditions", ["sore"], "knee-pain"),
    ],
)
def test_a_bad_request_names_the_field_and_the_allowed_values(field, value, allowed):
    with pytest.raises(kit.PlanError) as caught:
        ClassRequest(**{field: value})
    problem = caught.value.problems[0]
    assert problem.field == field and allowed in str(caught.value)


def test_a_request_reports_every_bad_field_at_once():
    with pytest.raises(kit.PlanError) as caught:
        ClassRequest(minutes=5, level=0, population="x", focus="y")
    assert [p.field for p in caught.value.problems] == ["minutes", "level", "population", "focus"]


# --------------------------------------------------------------------------- timing


def test_the_timing_rule():
    reps = PlanItem(
        "a", sets=3, reps=10, seconds_per_rep=2, per_side=True, rest_seconds=15, transition_seconds=20
    )
    # 2 sides x 3 sets x 20 s + 2 sides x 2 rests x 15 s + 20 s
    assert reps.seconds == 2 * 3 * 20 + 2 * 2 * 15 + 20 == 200
    hold = PlanItem("b", sets=2, hold_seconds=30, rest_seconds=10, transition_seconds=15)
    assert hold.seconds == 2 * 30 + 10 + 15
    assert PlanItem("c", sets=1, reps=10).work_seconds == 30  # 3 s a rep when not given
    plan = ClassPlan("t", 10, sections=[Section("one", [reps]), Section("two", [hold])])
    assert plan.total_seconds == 285 and plan.item_seconds(hold) == 85
    assert plan.total_minutes == pytest.approx(4.75)
    assert reps.describe() == "3 × 10 reps each side" and hold.describe() == "2 × 30 s hold"


# --------------------------------------------------------------------------- editing


@pytest.fixture
def library(demo_library):
    return demo_library


@pytest.fixture
def plan(library):
    return kit.build_plan(ClassRequest(minutes=30, equipment=["small-ball"]), library, seed=1)


def test_item_for_copies_the_default_dosage(plan, library):
    exercise = library.get("side-circles")
    item = plan.item_for(exercise, section="strength")
    assert (item.sets, item.reps, item.seconds_per_rep, item.per_side) == (2, 10, 3, True)
    assert item.rest_seconds == 30 and item.transition_seconds == 15
    assert item.why.startswith("It " + kit.vocab.REASON_WORDS[exercise.reasons[0]])


def test_add_remove_move_swap_and_change_dosage(plan, library):
    before = plan.total_seconds
    plan.add(library.get("band-pull"), "strength", index=0)
    assert plan.section("strength").items[0].exercise == "band-pull"
    assert plan.total_seconds > before
    plan.move("band-pull", 1)
    assert plan.section("strength").items[1].exercise == "band-pull"
    plan.move("band-pull", 0, section="cool-down")
    assert plan.find("band-pull")[0].name == "cool-down"
    swapped = plan.swap("band-pull", library.get("weighted-circles"))
    assert swapped.exercise == "weighted-circles" and plan.find("weighted-circles")[1] == 0
    plan.set_dosage("weighted-circles", sets=3, reps=12, rest_seconds=20, note="Slow.")
    changed = plan.section("cool-down").items[0]
    assert (changed.sets, changed.reps, changed.rest_seconds, changed.note) == (3, 12, 20, "Slow.")
    removed = plan.remove("weighted-circles")
    assert removed is changed and "weighted-circles" not in plan.exercise_ids
    with pytest.raises(kit.PlanError, match="Cannot change colour"):
        plan.set_dosage(plan.exercise_ids[0], colour="red")
    with pytest.raises(kit.PlanError, match="is not in this plan"):
        plan.remove("nothing")


def test_items_keep_their_key_through_edits_and_one_exercise_twice_is_addressed_by_key(plan, library):
    squeeze = library.get("ball-squeeze")
    for _, item in list(plan.items()):  # start from a class without it
        if item.exercise == squeeze.id:
            plan.remove(item.key)
    first = plan.add(squeeze)  # no section named: where its category belongs
    second = plan.add(squeeze)
    assert plan.locate(first)[0] is plan.section_for(squeeze.category) is plan.section("activation")
    assert first.key != second.key and plan.item(second.key) is second
    with pytest.raises(kit.PlanError, match="2 times. Name the item by its key"):
        plan.remove("ball-squeeze")
    plan.set_dosage(second.key, sets=3)
    assert (first.sets, second.sets) == (squeeze.dosage.sets, 3)
    swapped = plan.swap(second.key, library.get("band-pull"))
    assert swapped.key == second.key and plan.item(second.key).exercise == "band-pull"
    assert plan.remove(first.key) is first and "ball-squeeze" not in plan.exercise_ids
    again = plan.add(swapped, "strength")  # the same item object twice would share its edits
    assert again is not swapped and again.key != swapped.key and again == swapped


def test_shift_stays_within_a_section_and_says_when_it_cannot(plan):
    section = next(s for s in plan.sections if len(s.items) >= 2)
    top, below = section.items[0], section.items[1]
    assert plan.shift(top.key, -1) is False  # already first
    assert plan.shift(top.key, 1) is True
    assert section.items[:2] == [below, top]
    assert plan.shift(section.items[-1].key, 1) is False


def test_swap_version_follows_the_librarys_links_or_says_there_is_none(plan, library):
    with_harder = next(e for e in library if e.progression)
    item = plan.add(with_harder)
    item.transition_seconds = 99  # the swap times the changes of position again
    plan.swap_version(item.key, library, harder=True)
    assert plan.item(item.key).exercise == with_harder.progression
    assert plan.item(item.key).transition_seconds != 99
    without = next(e for e in library if e.regression is None)
    other = plan.add(without)
    with pytest.raises(kit.PlanError, match="has no easier version"):
        plan.swap_version(other.key, library, harder=False)


def test_getting_down_to_the_floor_and_up_takes_longer_in_later_pregnancy_and_for_older_adults():
    library = kit.load_library()
    standing, lying = library.get("wide-squat"), library.get("side-lying-inner-thigh-lift")
    circles = library.get("side-lying-inner-thigh-circles")
    between = vocab.TRANSITION_SECONDS["standing"]
    for population, extra in (("general", 0), ("prenatal-t1", 0), ("prenatal-t2", 5), ("prenatal-t3", 10)):
        audience = Audience(population)
        assert transition_seconds(standing, lying, audience) == between + extra, population
        assert transition_seconds(lying, standing, audience) == between + extra, population
        assert transition_seconds(lying, circles, audience) == vocab.TRANSITION_SECONDS["same"]
    assert vocab.TRANSITION_EXTRA["older-adult"] >= 10
    plan = kit.build_plan(ClassRequest(minutes=45, population="prenatal-t3", equipment=["chair"]), library)
    exercises = [(library.get(item.exercise), item) for _, item in plan.items()]
    for (before, _), (exercise, item) in zip(exercises, exercises[1:], strict=False):
        assert item.transition_seconds == transition_seconds(before, exercise, plan.audience)


def test_an_edited_plan_times_its_changes_of_position_by_the_builders_rule():
    library = kit.load_library()
    plan = kit.build_plan(ClassRequest(minutes=45, population="older-adult", equipment=["chair"]), library)
    built = [item.transition_seconds for _, item in plan.items()]
    plan.set_transitions(library)
    assert [item.transition_seconds for _, item in plan.items()] == built  # one rule, one source
    lying = plan.add(library.get("side-lying-hip-abduction"), "strength", index=0)
    plan.set_transitions(library)
    before = library.get(plan.section("activation").items[-1].exercise)
    assert lying.transition_seconds == transition_seconds(before, library.get(lying.exercise), plan.audience)
    if before.position == "standing":  # down to the floor: older adults take longer
        assert lying.transition_seconds >= vocab.TRANSITION_SECONDS["standing"] + 10
    first = plan.section("strength").items[1]
    assert first.transition_seconds == transition_seconds(
        library.get(lying.exercise), library.get(first.exercise), plan.audience
    )


def test_an_exercise_goes_to_the_section_of_its_kind(plan, library):
    assert plan.section_for("mobility").name == "warm-up"  # dynamic mobility first (vocab)
    assert plan.section_for("stretch").name == "stretch"
    bare = kit.ClassPlan.empty("Two parts", 20, section_names=["warm-up", "cool-down"])
    with pytest.raises(kit.PlanError, match="no section for strength exercises"):
        bare.add(library.get("band-pull"))


def test_off_target_is_the_share_over_or_under(plan):
    plan.target_minutes = 30
    expected = (plan.total_seconds - 1800) / 1800
    assert plan.off_target == pytest.approx(expected)


def test_sections_can_be_added_renamed_and_removed(plan):
    plan.add_section("balance", index=3)
    assert [s.name for s in plan.sections][3] == "balance"
    plan.rename_section("stretch", "mobility and stretch")
    assert plan.section("mobility and stretch").items
    with pytest.raises(kit.PlanError, match="already has a section"):
        plan.rename_section("warm-up", "balance")
    with pytest.raises(kit.PlanError, match="already has a section"):
        plan.add_section("balance")
    plan.remove_section("balance")
    with pytest.raises(kit.PlanError, match="no section 'balance'"):
        plan.section("balance")
    empty = ClassPlan.empty("Mine", 30)
    assert [s.name for s in empty.sections] == list(vocab.DEFAULT_SECTIONS)
    assert empty.total_seconds == 0


def test_summary_is_a_table_whose_seconds_add_up(plan, library):
    table = plan.summary(library)
    assert list(table.columns) == [
        "section",
        "exercise",
        "name",
        "sets",
        "reps",
        "hold_seconds",
        "per_side",
        "rest_seconds",
        "transition_seconds",
        "starts_at",
        "seconds",
    ]
    assert len(table) == len(plan.exercise_ids)
    assert table["seconds"].sum() == pytest.approx(plan.total_seconds, abs=1)
    assert table["starts_at"].iloc[0] == "0:00"
    assert "name" not in plan.summary().columns
    assert plan.to_text(library).splitlines()[0] == plan.title


# --------------------------------------------------------------------------- JSON and files


def test_json_has_the_documented_structure(plan):
    record = json.loads(json.dumps(plan.to_json_dict()))
    assert list(record)[:5] == ["title", "target_minutes", "total_seconds", "audience", "sections"]
    assert record["total_seconds"] == round(plan.total_seconds)
    assert record["audience"]["population"] == "general"
    item = record["sections"][0]["items"][0]
    for key in ("exercise", "sets", "reps", "hold_seconds", "per_side", "seconds", "why"):
        assert key in item
    assert sum(i["seconds"] for s in record["sections"] for i in s["items"]) == pytest.approx(
        record["total_seconds"], abs=1
    )


def test_save_and_load_round_trip_exactly(plan, tmp_path):
    path = plan.save(tmp_path / "class.yaml")
    loaded = ClassPlan.load(path)
    assert loaded == plan
    again = loaded.save(tmp_path / "again.yaml")
    assert again.read_bytes() == path.read_bytes()


def test_save_keeps_the_previous_version_and_leaves_no_temporary_files(plan, tmp_path):
    path = tmp_path / "class.yaml"
    plan.save(path)
    first = path.read_text()
    plan.title = "Second version"
    plan.save(path)
    assert (tmp_path / "class.yaml.bak").read_text() == first
    assert ClassPlan.load(path).title == "Second version"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["class.yaml", "class.yaml.bak"]


def test_a_failed_save_leaves_the_file_as_it_was(plan, tmp_path, monkeypatch):
    path = tmp_path / "class.yaml"
    plan.save(path)
    before = path.read_bytes()

    def broken_fsync(_):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", broken_fsync)
    with pytest.raises(kit.KitError, match="No space left on device"):
        plan.save(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["class.yaml"]


ITEMS = st.builds(
    PlanItem,
    exercise=st.sampled_from(["ball-squeeze", "wide-squat", "my-own-move"]),
    sets=st.integers(1, 10),
    reps=st.one_of(st.none(), st.integers(1, 100)),
    per_side=st.booleans(),
    seconds_per_rep=st.one_of(st.none(), st.sampled_from([2, 2.5, 4])),
    rest_seconds=st.sampled_from([0, 15, 22.5]),
    transition_seconds=st.sampled_from([0, 10, 15]),
    note=st.text(max_size=30),
    why=st.text(max_size=30),
    replaced=st.one_of(st.none(), st.just({"exercise": "lateral-lunge", "caution": "knee-pain"})),
).map(lambda i: i if i.reps is not None else PlanItem(**{**i.__dict__, "hold_seconds": 30}))

PLANS = st.builds(
    ClassPlan,
    title=st.text(min_size=1, max_size=40).filter(str.strip),
    target_minutes=st.integers(15, 90),
    audience=st.builds(
        Audience,
        population=st.sampled_from(vocab.POPULATIONS),
        level=st.sampled_from(vocab.LEVELS),
        conditions=st.lists(st.sampled_from(vocab.CAUTIONS), unique=True, max_size=2),
        equipment=st.lists(st.sampled_from(vocab.EQUIPMENT), unique=True, max_size=3),
        focus=st.sampled_from(vocab.FOCUSES),
    ),
    sections=st.lists(
        st.builds(
            Section,
            name=st.text(min_size=1, max_size=20).filter(str.strip),
            items=st.lists(ITEMS, max_size=4),
        ),
        max_size=5,
    ),
)


@settings(max_examples=60, deadline=None)
@given(plan=PLANS)
def test_any_plan_round_trips_through_its_file(plan, tmp_path_factory):
    path = plan.save(tmp_path_factory.mktemp("plans") / "p.yaml")
    loaded = ClassPlan.load(path)
    assert loaded == plan
    assert loaded.to_json_dict() == plan.to_json_dict()


# --------------------------------------------------------------------------- bad files


def problems_in(tmp_path, record_or_text):
    path = tmp_path / "bad.yaml"
    text = record_or_text if isinstance(record_or_text, str) else yaml.safe_dump(record_or_text)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(kit.PlanError) as caught:
        ClassPlan.load(path)
    assert str(path) in str(caught.value)
    return caught.value


def good_record(plan):
    return json.loads(json.dumps(plan.to_json_dict()))


def test_a_bad_item_names_file_section_item_and_field(plan, tmp_path):
    record = good_record(plan)
    record["sections"][2]["items"][0]["sets"] = "three"
    error = problems_in(tmp_path, record)
    problem = error.problems[0]
    exercise = plan.sections[2].items[0].exercise
    assert problem.field == "sets"
    assert problem.where.endswith(f"section 3 'strength', item 1 '{exercise}'")
    assert "'three' is not a number of sets" in str(error)


@pytest.mark.parametrize(
    "change, field, words",
    [
        (lambda r: r.pop("title"), "title", "missing"),
        (lambda r: r.update(target_minutes="long"), "target_minutes", "not a class length"),
        (lambda r: r.update(sections=3), "sections", "list of sections"),
        (lambda r: r["audience"].update(population="pregnant"), "population", "not known"),
        (lambda r: r["audience"].update(level=5), "level", "not a level"),
        (lambda r: r["audience"].update(conditions=["sore"]), "conditions", "known values"),
        (lambda r: r.update(colour="red"), "colour", "not a field"),
        (lambda r: r["sections"][0].pop("name"), "name", "missing"),
        (lambda r: r["sections"][0].update(items="all"), "items", "list of items"),
        (lambda r: r["sections"][0]["items"][0].update(hold_seconds=30), "reps", "not both"),
        (lambda r: r["sections"][0]["items"][0].update(reps=2.5), "reps", "whole number"),
        (lambda r: r["sections"][0]["items"][0].update(per_side="yes"), "per_side", "true or false"),
        (
            lambda r: r["sections"][0]["items"][0].update(rest_seconds="long"),
            "rest_seconds",
            "number of seconds",
        ),
        (lambda r: r["sections"][0]["items"][0].pop("exercise"), "exercise", "missing"),
        (
            lambda r: r["sections"][0]["items"][0].update(rset_seconds=5),
            "rset_seconds",
            "Did you mean 'rest_seconds'",
        ),
        (lambda r: r["sections"][0]["items"][0].update(replaced="x"), "replaced", "exercise"),
    ],
)
def test_each_bad_field_is_named(plan, tmp_path, change, field, words):
    record = good_record(plan)
    change(record)
    error = problems_in(tmp_path, record)
    assert [p.field for p in error.problems] == [field]
    assert words in str(error)


def test_bad_yaml_and_wrong_shapes_are_named(tmp_path):
    assert "YAML syntax error" in str(problems_in(tmp_path, "title: [unclosed\n"))
    assert "at line" in str(problems_in(tmp_path, "title: x\nsections:\n  - {name: a\n"))
    assert "is not a class plan" in str(problems_in(tmp_path, "- just\n- a list\n"))
    error = problems_in(tmp_path, "title: Broken\nsections: 3\n")
    assert "Traceback" not in str(error)
    error = problems_in(tmp_path, "title: x\ntarget_minutes: 30\nsections: [3, {name: a, items: [7]}]\n")
    assert [p.where.split(", ", 1)[1] for p in error.problems] == ["section 1", "section 2 'a', item 1"]


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(kit.PlanError, match="missing.yaml: cannot be read"):
        ClassPlan.load(tmp_path / "missing.yaml")


def test_a_hand_written_minimal_plan_loads_with_defaults(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(
        "title: Mine\ntarget_minutes: 20\nsections:\n  - name: strength\n"
        "    items:\n      - {exercise: wide-squat, sets: 2, reps: 10}\n"
    )
    plan = ClassPlan.load(path)
    item = plan.sections[0].items[0]
    assert plan.audience == Audience()
    assert (item.per_side, item.rest_seconds, item.transition_seconds) == (False, 0, 15)
    assert item.seconds == 2 * 10 * 3 + 15
    assert ClassPlan.from_dict(yaml.safe_load(path.read_text())) == plan
