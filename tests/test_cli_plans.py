"""`innerthigh-kit plan`, `check` and `explain`, called through cli.main (and once for real)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import innerthigh_kit as kit
from innerthigh_kit.cli import main

POSTNATAL = [
    "plan",
    "--minutes",
    "45",
    "--level",
    "1",
    "--population",
    "postnatal",
    "--equipment",
    "small-ball",
    "--condition",
    "knee-pain",
    "--seed",
    "2",
]


@pytest.fixture(autouse=True)
def library(monkeypatch, demo_library):
    """The commands read the small demo library, so these tests do not wait on the kit's data."""
    demo = demo_library
    monkeypatch.setattr("innerthigh_kit.exercises.load_library", lambda *paths: demo)
    return demo


def test_plan_prints_the_class_and_its_checks(capsys, library):
    assert main(POSTNATAL) == 0
    out = capsys.readouterr().out
    plan = kit.build_plan(
        kit.ClassRequest(
            minutes=45, equipment=["small-ball"], population="postnatal", conditions=["knee-pain"]
        ),
        library,
        seed=2,
    )
    assert out.startswith(plan.title)
    assert "WARM-UP" in out and "COOL-DOWN" in out and "Checks:" in out
    assert "0 error(s)" in out


def test_plan_json_has_the_documented_structure(capsys):
    assert main([*POSTNATAL, "--json", "--focus", "strength"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert set(record) - {"relaxed"} == {"title", "target_minutes", "total_seconds", "audience", "sections"}
    # the demo library names no roles, so the postnatal rules that ask for a breathing exercise and a
    # squeeze gave way, and the plan says so
    assert {r["rule"] for r in record["relaxed"]} >= {
        "must:postnatal:breathing-pelvic-floor",
        "must:postnatal:squeeze",
    }
    assert all(set(r) == {"rule", "why"} and r["why"] for r in record["relaxed"])
    assert record["audience"]["conditions"] == ["knee-pain"]
    assert record["audience"]["focus"] == "strength"
    item = record["sections"][0]["items"][0]
    assert {"exercise", "sets", "reps", "hold_seconds", "per_side", "seconds", "why"} <= set(item)
    assert abs(record["total_seconds"] - 45 * 60) <= 0.05 * 45 * 60


def test_plan_output_keeps_the_previous_file_and_says_so(capsys, tmp_path):
    path = tmp_path / "plan.yaml"
    assert main([*POSTNATAL, "-o", str(path)]) == 0
    assert f"Plan saved to {path}." in capsys.readouterr().out
    first = path.read_text()
    assert main([*POSTNATAL, "-o", str(path), "--seed", "3"]) == 0
    assert "The previous version is kept as plan.yaml.bak." in capsys.readouterr().out
    assert (tmp_path / "plan.yaml.bak").read_text() == first
    assert main([*POSTNATAL, "-o", str(tmp_path / "j.yaml"), "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["title"] and "Plan saved" in captured.err


def test_plan_errors_are_short_messages(capsys):
    assert main(["plan", "--minutes", "200"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("innerthigh-kit plan: This class request cannot be used as it is:")
    assert "from 15 to 90" in err and "Traceback" not in err
    assert (
        main(["plan", "--minutes", "90", "--population", "prenatal-t3", "--condition", "pelvic-girdle-pain"])
        == 1
    )
    assert "To relax" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["plan", "--population", "pregnant"])


def test_plan_to_a_folder_that_does_not_exist_is_a_plain_error(capsys, tmp_path):
    assert main([*POSTNATAL, "-o", str(tmp_path / "no" / "such" / "plan.yaml")]) == 1
    error = capsys.readouterr().err
    assert "Cannot write" in error and "plan.yaml" in error and "Traceback" not in error


@pytest.fixture
def saved(tmp_path):
    assert main([*POSTNATAL, "-o", str(tmp_path / "plan.yaml")]) == 0
    return tmp_path / "plan.yaml"


def test_check_passes_a_built_plan_and_fails_an_edited_one(capsys, saved):
    capsys.readouterr()
    assert main(["check", str(saved)]) == 0
    assert "0 error(s)" in capsys.readouterr().out
    plan = kit.ClassPlan.load(saved)
    plan.section("strength").items.append(kit.PlanItem("lateral-lunge", sets=2, reps=8, per_side=True))
    plan.sections[0].items[0].sets = 0
    plan.save(saved)
    assert main(["check", str(saved)]) == 1
    out = capsys.readouterr().out
    assert "error [strength / lateral-lunge]" in out and "knee-pain" in out
    assert "The dosage cannot be taught: 0 sets" in out


def test_explain_prints_the_reasoning(capsys, saved, library):
    capsys.readouterr()
    assert main(["explain", str(saved)]) == 0
    out = capsys.readouterr().out
    plan = kit.ClassPlan.load(saved)
    assert out.strip() == plan.explain(library).strip()
    assert "Why: It" in out and "Say:" in out and "midwife" in out


def test_check_and_explain_name_a_bad_file(capsys, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: Broken\nsections: 3\n")
    for command in ("check", "explain"):
        assert main([command, str(bad)]) == 1
        err = capsys.readouterr().err
        assert str(bad) in err and "sections" in err and "Traceback" not in err


def test_the_console_script_runs():
    """The installed entry point, for real: a bad request is a short message and exit 1."""
    script = Path(sys.executable).with_name("innerthigh-kit")
    command = [str(script)] if script.exists() else [shutil.which("innerthigh-kit") or "false"]
    result = subprocess.run(
        [*command, "plan", "--minutes", "5", "--population", "athlete"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith("innerthigh-kit plan: This class request")
    assert "minutes" in result.stderr and "Traceback" not in result.stderr
