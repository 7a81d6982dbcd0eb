"""The exercise library: loading, merging, filtering and every validation error path."""

from __future__ import annotations

import textwrap
import warnings
from pathlib import Path

import pytest
import yaml

import innerthigh_kit as kit
from innerthigh_kit import vocab
from innerthigh_kit.errors import UnknownExerciseError


def write(tmp_path: Path, text: str, name: str = "mine.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems_of(tmp_path: Path, text: str) -> list:
    path = write(tmp_path, text)
    with pytest.raises(kit.LibraryError) as caught:
        kit.load_library(path)
    return caught.value.problems


def only_problem(tmp_path: Path, text: str):
    found = problems_of(tmp_path, text)
    assert len(found) == 1, [str(p) for p in found]
    return found[0]


# --------------------------------------------------------------------------- the kit's own library


@pytest.fixture(scope="module")
def library():
    return kit.load_library()


def test_builtin_library_is_large_and_valid(library):
    assert len(library) >= 45
    assert {e.category for e in library} == set(vocab.CATEGORIES)


def test_teaching_favourites_are_present(library):
    text = {e.id: f"{e.name} {e.description}".lower() for e in library}

    def has(*words):
        return [i for i, t in text.items() if all(w in t for w in words)]

    assert len([e for e in library if "small-ball" in e.equipment]) >= 3, "ball squeezes"
    assert has("circle"), "side-lying inner-thigh circles"
    assert has("heel"), "wide squats with heel lifts"
    assert has("copenhagen"), "Copenhagen adduction"
    for word in ("cossack", "butterfly", "frog", "lunge", "clam"):
        assert has(word), word
    assert [e for e in library if "slider" in e.equipment]
    circles = [library.get(i) for i in has("circle")]
    assert any(
        e.progression and "ankle-weights" in library.get(e.progression).equipment for e in circles
    ) or any("ankle-weights" in e.equipment for e in circles)


def test_every_exercise_cites_a_resolvable_source(library):
    for exercise in library:
        for source in exercise.sources:
            assert library.citation(source).strip()


def test_regressions_are_no_harder_and_progressions_no_easier(library):
    for exercise in library:
        if exercise.regression:
            assert library.get(exercise.regression).level <= exercise.level, exercise.id
        if exercise.progression:
            assert library.get(exercise.progression).level >= exercise.level, exercise.id


def test_get_unknown_id_suggests_close_ids(library):
    some_id = library.ids[0]
    with pytest.raises(UnknownExerciseError) as caught:
        library.get(some_id + "x")
    assert some_id in str(caught.value)
    assert isinstance(caught.value, KeyError)


def test_filter_combines_every_criterion(library):
    chosen = library.filter(
        category="strength", equipment_available=[], level_max=1, avoid_cautions=["knee-pain"]
    )
    assert chosen
    for exercise in chosen:
        assert exercise.category == "strength"
        assert set(exercise.equipment) <= {"mat"}
        assert exercise.level == 1
        assert not exercise.clashes(["knee-pain"])
    everything = library.filter()
    assert len(everything) == len(library)
    standing = library.filter(position="standing")
    assert standing and all(e.position == "standing" for e in standing)
    assert len(library.filter(equipment_available=vocab.EQUIPMENT)) == len(library)


def test_filter_avoid_keeps_modify_cautions(library):
    modified = [e for e in library if any(c.action == "modify" for c in e.cautions)]
    assert modified, "the library should have some 'teach it differently' cautions"
    exercise = modified[0]
    tag = next(c.tag for c in exercise.cautions if c.action == "modify")
    assert exercise in library.filter(avoid_cautions=[tag])


def test_filter_rejects_unknown_values(library):
    with pytest.raises(kit.LibraryError, match="kettlebell.*Use one of: mat"):
        library.filter(equipment_available=["kettlebell"])
    with pytest.raises(kit.LibraryError, match="Level 7"):
        library.filter(level_max=7)


def test_to_dataframe(library):
    frame = library.to_dataframe()
    assert len(frame) == len(library)
    assert {"name", "category", "level", "dosage", "reasons"} <= set(frame.columns)


# --------------------------------------------------------------------------- merging


def test_merge_an_instructors_file(tmp_path, library, good_entry):
    merged = kit.load_library(write(tmp_path, good_entry))
    assert len(merged) == len(library) + 1
    mine = merged.get("my-squeeze")
    assert mine.dosage.seconds_per_set == 32
    assert mine.caution("pregnancy-t2").action == "modify"
    assert mine.source_file.endswith("mine.yaml")


def test_merge_a_folder_and_a_link_to_a_builtin(tmp_path, library, good_entry):
    builtin = library.ids[0]
    folder = tmp_path / "studio"
    folder.mkdir()
    write(
        folder,
        good_entry.replace("regression: null", f"regression: {builtin}").replace("level: 1", "level: 3"),
        "a.yml",
    )
    merged = kit.load_library(folder)
    assert merged.get("my-squeeze").regression == builtin


def test_naming_the_kits_own_folder_adds_nothing(library):
    from innerthigh_kit._data import data_path

    assert len(kit.load_library(data_path("exercises"))) == len(library)


# --------------------------------------------------------------------------- validation errors


def test_duplicate_id_within_and_across_files(tmp_path, library, good_entry):
    problem = only_problem(tmp_path, good_entry + good_entry.replace("- id:", "- id:", 1))
    assert problem.field == "id" and "already used" in problem.message
    clash = good_entry.replace("my-squeeze", library.ids[0])
    problem = only_problem(tmp_path, clash)
    assert library.ids[0] in problem.where and "already used" in problem.message


def test_dangling_regression_and_progression(tmp_path, good_entry):
    found = problems_of(
        tmp_path,
        good_entry.replace("regression: null", "regression: no-such").replace(
            "progression: null", "progression: my-squeeze"
        ),
    )
    fields = {p.field: p for p in found}
    assert "not in the library" in fields["regression"].message
    assert "itself" in fields["progression"].message


def test_unknown_tags_list_the_allowed_ones(tmp_path, good_entry):
    text = (
        good_entry.replace("category: activation", "category: strenght")
        .replace("[mat, small-ball]", "[mat, kettlebell]")
        .replace("tag: pregnancy-t2", "tag: pregnant")
        .replace("reasons: [pelvis-core]", "reasons: [core]")
        .replace("position: seated", "position: upside-down")
    )
    found = {p.field: str(p) for p in problems_of(tmp_path, text)}
    assert set(found) == {"category", "equipment", "cautions", "reasons", "position"}
    assert "warm-up, activation, strength" in found["category"]
    # each tag the file may hold, with its words beside it where they say more
    assert (
        "'kettlebell'" in found["equipment"]
        and "small-ball (Small ball), ankle-weights" in found["equipment"]
    )
    assert (
        "'pregnant'" in found["cautions"] and "pelvic-girdle-pain (Pelvic girdle pain)" in found["cautions"]
    )
    assert "pregnancy-t2 (Pregnancy, second trimester)" in found["cautions"]
    assert "foot-ankle (The hip-to-foot chain)" in found["reasons"]
    assert "side-lying (Lying on the side)" in found["position"] and "kneeling," in found["position"]


def test_wrong_types_and_out_of_range_values_all_reported_at_once(tmp_path, good_entry):
    text = (
        good_entry.replace("level: 1", "level: 5")
        .replace("per_side: false", "per_side: sometimes")
        .replace("{sets: 2, reps: 8, seconds_per_rep: 4}", "{sets: 0, reps: many}")
        .replace("cues: [Sit tall on your sit bones., ", "cues: [")
        .replace("id: my-squeeze", "id: My Squeeze")
    )
    found = problems_of(tmp_path, text)
    fields = [p.field for p in found]
    for field in ("level", "per_side", "dosage", "cues", "id"):
        assert field in fields, field
    message = str(pytest.raises(kit.LibraryError, kit.load_library, tmp_path / "mine.yaml").value)
    assert "mine.yaml, entry 1 'My Squeeze' (line 1)" in message
    assert "1 (beginner), 2 (intermediate) or 3 (advanced)" in message
    assert "'sets' is 0" in message and "'reps' is 'many'" in message


def test_missing_and_misspelt_fields(tmp_path, good_entry):
    text = good_entry.replace("  description:", "  descripton:")
    found = {p.field: p for p in problems_of(tmp_path, text)}
    assert "missing" in found["description"].message
    assert "Did you mean 'description'" in found["descripton"].fix


def test_dosage_needs_reps_or_hold_not_both(tmp_path, good_entry):
    text = good_entry.replace(
        "{sets: 2, reps: 8, seconds_per_rep: 4}", "{sets: 2, reps: 8, seconds_per_rep: 4, hold_seconds: 20}"
    )
    assert "either 'reps'" in only_problem(tmp_path, text).message


def test_unknown_reference_key(tmp_path, good_entry):
    text = good_entry.replace("[Coaching experience (studio convention)]", "[haroy-2091]")
    problem = only_problem(tmp_path, text)
    assert problem.field == "sources" and "haroy-2091" in problem.message


def test_broken_yaml_names_the_line(tmp_path, good_entry):
    text = good_entry.replace("  level: 1", "  level: [1")
    problem = only_problem(tmp_path, text)
    assert "YAML syntax error" in problem.message
    assert "line" in problem.where


def test_empty_file_and_non_list(tmp_path):
    assert "is empty" in only_problem(tmp_path, "\n# nothing yet\n").message
    assert "list of exercises" in only_problem(tmp_path, "id: lonely\n").message
    assert "not an exercise mapping" in only_problem(tmp_path, "- just a string\n").message


def test_missing_path(tmp_path):
    with pytest.raises(kit.LibraryError, match="does not exist"):
        kit.load_library(tmp_path / "nope.yaml")


def test_unsafe_yaml_is_refused(tmp_path):
    text = "- !!python/object/apply:os.system ['echo hacked']\n"
    problem = only_problem(tmp_path, text)
    assert "YAML" in problem.message


def test_every_problem_in_every_file_is_listed(tmp_path, good_entry):
    write(tmp_path, good_entry.replace("level: 1", "level: 9"), "one.yaml")
    write(
        tmp_path,
        good_entry.replace("my-squeeze", "other").replace("per_side: false", "per_side: 3"),
        "two.yaml",
    )
    with pytest.raises(kit.LibraryError) as caught:
        kit.load_library(tmp_path)
    message = str(caught.value)
    assert "2 problems" in message and "one.yaml" in message and "two.yaml" in message


def test_to_record_round_trips_through_the_validator(tmp_path, library):
    records = [e.to_record() for e in library]
    for record in records:
        record["id"] = "copy-" + record["id"]
        for link in ("regression", "progression"):
            if record[link]:
                record[link] = "copy-" + record[link]
    path = tmp_path / "copy.yaml"
    path.write_text(yaml.safe_dump(records, sort_keys=False), encoding="utf-8")
    merged = kit.load_library(path)
    assert len(merged) == 2 * len(library)
    original = library.ids[0]
    assert merged.get("copy-" + original).dosage == library.get(original).dosage


def test_key_cue_is_the_cue_after_the_set_up(tmp_path, good_entry):
    library = kit.load_library(write(tmp_path, good_entry))
    exercise = library.get("my-squeeze")
    assert exercise.key_cue == "Squeeze the ball along the whole thigh."
    assert exercise.cues[0] == "Sit tall on your sit bones."


# --------------------------------------------------------------------------- honest reasons


def test_no_kit_exercise_claims_a_reason_its_movement_cannot_train(library):
    overclaimed = {e.id: e.overclaimed_reasons() for e in library if e.overclaimed_reasons()}
    assert overclaimed == {}
    assert all(e.honest_reasons == e.reasons and e.reasons for e in library)
    assert len(library) >= 99  # every exercise of the kit was looked at, not a sample


def test_every_kit_stretch_serves_range_and_none_serves_balance(library):
    stretches = library.filter(category="stretch")
    assert stretches and all("range" in e.reasons for e in stretches)
    assert not {"balance", "foot-ankle", "knee", "lateral"} & {r for e in stretches for r in e.reasons}


def test_the_kit_loads_without_a_library_warning():
    from innerthigh_kit.errors import LibraryWarning

    with warnings.catch_warnings():
        warnings.simplefilter("error", LibraryWarning)
        kit.load_library()


def test_the_claims_table_names_every_reason_category_and_position():
    assert set(vocab.REASON_CLAIMS) == set(vocab.REASONS) and vocab.REASONS[-1] == "range"
    assert len(vocab.REASONS_TO_TRAIN) == 5 and "range" not in vocab.REASONS_TO_TRAIN
    for table in vocab.REASON_CLAIMS.values():
        assert set(table) <= set(vocab.CATEGORIES)
        assert all(set(positions) <= set(vocab.POSITIONS) for positions in table.values())
    assert vocab.reasons_trained("stretch", "seated") == ("pelvis-core", "range")
    assert vocab.reasons_trained("cool-down", "standing") == ("pelvis-core", "range")
    assert "balance" not in vocab.reasons_trained("activation", "side-lying")
    assert {"knee", "foot-ankle", "balance", "lateral"} <= set(vocab.reasons_trained("strength", "standing"))
    assert all(
        "pelvis-core" in vocab.reasons_trained(c, p) for c in vocab.CATEGORIES for p in vocab.POSITIONS
    )


def test_an_overclaiming_entry_is_a_warning_naming_file_entry_field_and_fix(tmp_path, good_entry):
    from innerthigh_kit.errors import LibraryWarning

    text = (
        good_entry.replace("id: my-squeeze", "id: my-butterfly")
        .replace("category: activation", "category: stretch")
        .replace("{sets: 2, reps: 8, seconds_per_rep: 4}", "{sets: 2, hold_seconds: 30}")
        .replace("reasons: [pelvis-core]", "reasons: [balance, range]")
    )
    path = write(tmp_path, text)
    with pytest.warns(LibraryWarning) as caught:
        library = kit.load_library(path)  # a warning: the instructor's library still loads
    (said,) = [str(w.message) for w in caught]
    assert said.startswith(f"{path}, entry 1 'my-butterfly' (line 1), field 'reasons': 'balance' is claimed")
    assert "a stretch done sitting does not train balance" in said
    assert "Take it out, or choose 'pelvis-core' (the pelvis and core)." in said
    exercise = library.get("my-butterfly")
    assert exercise.honest_reasons == ("range",) and exercise.overclaimed_reasons() == ("balance",)
    assert exercise not in library.filter(reason="balance")


def test_validate_warns_about_an_overclaim_and_says_what_to_choose(tmp_path, good_entry, capsys):
    from innerthigh_kit.cli import main

    text = good_entry.replace("category: activation", "category: cool-down").replace(
        "reasons: [pelvis-core]", "reasons: [knee]"
    )
    path = write(tmp_path, text)
    code = main(["validate", str(path)])
    out, err = capsys.readouterr()
    assert code == 0 and "All good: 1 file checked" in out and "Look at the 1 warning above." in out
    assert "field 'reasons': 'knee' is claimed, but a cool-down exercise done sitting" in err
    assert "Choose 'range' (range of movement) or 'pelvis-core' (the pelvis and core) instead." in err
