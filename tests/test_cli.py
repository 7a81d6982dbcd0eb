"""The `innerthigh-kit exercises` and `validate` commands: output, exit codes, plain errors."""

from __future__ import annotations

import json
import re

import pytest

from innerthigh_kit import vocab
from innerthigh_kit.cli import main
from innerthigh_kit.exercises import FIELD_NAMES


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_exercises_lists_everything(capsys):
    code, out, _ = run(capsys, "exercises")
    assert code == 0
    assert "exercises." in out.splitlines()[-1]


def test_exercises_json_records_use_the_schema_field_names(capsys):
    code, out, _ = run(capsys, "exercises", "--json", "--category", "stretch", "--level-max", "1")
    assert code == 0
    records = json.loads(out)
    assert records
    for record in records:
        assert set(record) == set(FIELD_NAMES)
        assert record["category"] == "stretch" and record["level"] == 1


def test_exercises_filters_equipment_and_cautions(capsys):
    code, out, _ = run(
        capsys, "exercises", "--json", "--equipment", "small-ball", "--avoid", "pregnancy-t3", "knee-pain"
    )
    records = json.loads(out)
    assert code == 0 and records
    for record in records:
        assert set(record["equipment"]) <= {"mat", "small-ball"}
        avoided = {c["tag"] for c in record["cautions"] if c["action"] == "avoid"}
        assert not avoided & {"pregnancy-t3", "knee-pain"}


def test_unknown_choice_is_a_usage_error_listing_choices(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["exercises", "--category", "cardio"])
    assert caught.value.code == 2
    assert "warm-up" in capsys.readouterr().err


def test_validate_good_file(tmp_path, capsys, good_entry):
    path = tmp_path / "mine.yaml"
    path.write_text(good_entry, encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 0 and "All good" in out


def test_validate_bad_file_prints_plain_problems_not_a_traceback(tmp_path, capsys, good_entry):
    path = tmp_path / "mine.yaml"
    path.write_text(good_entry.replace("level: 1", "level: 4"), encoding="utf-8")
    code, out, err = run(capsys, "validate", str(path))
    assert code == 1
    assert "mine.yaml, entry 1 'my-squeeze' (line 1), field 'level'" in err
    assert "Traceback" not in err + out


def test_debug_shows_the_traceback(tmp_path):
    from innerthigh_kit import LibraryError

    path = tmp_path / "empty.yaml"
    path.write_text("", encoding="utf-8")
    with pytest.raises(LibraryError):
        main(["--debug", "validate", str(path)])


@pytest.mark.parametrize("argv", [[], ["exercises"], ["validate"]])
def test_help_everywhere(argv, capsys):
    with pytest.raises(SystemExit) as caught:
        main([*argv, "--help"])
    assert caught.value.code == 0
    assert "usage: innerthigh-kit" in capsys.readouterr().out


def test_no_command_prints_help(capsys):
    assert main([]) == 2
    assert "COMMAND" in capsys.readouterr().out


def test_vocabulary_in_help(capsys):
    with pytest.raises(SystemExit):
        main(["exercises", "--help"])
    out = re.sub(r"-\n\s*", "-", capsys.readouterr().out)  # argparse wraps at hyphens
    for tag in vocab.CAUTIONS:
        assert tag in out
