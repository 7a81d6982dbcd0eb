"""Every error a user can cause is a KitError with a plain message; the CLI never shows a traceback."""

from __future__ import annotations

import pytest

import innerthigh_kit as kit
from innerthigh_kit import _data, errors
from innerthigh_kit.cli import main
from innerthigh_kit.handouts.content import Handout
from innerthigh_kit.widgets.library_browser import LibraryBrowser

PLAN = ["plan", "--minutes", "30"]


def test_the_handout_renderer_knows_every_kit_error_by_name():
    names = errors.error_names()
    assert {"KitError", "LibraryError", "PlanError", "HandoutError", "AnatomyError"} <= names
    assert {"UnknownExerciseError", "OutputError"} <= names

    class LaterError(errors.PlanError):  # one added later is known without a list to update
        pass

    assert "LaterError" in errors.error_names()
    assert "ValueError" not in errors.error_names()


def test_a_missing_data_folder_is_a_kit_error(monkeypatch, tmp_path):
    monkeypatch.setattr(_data, "_PACKAGE", tmp_path / "innerthigh_kit")
    _data.data_dir.cache_clear()
    try:
        with pytest.raises(kit.LibraryError, match="reinstall innerthigh-kit"):
            _data.data_dir()
    finally:
        _data.data_dir.cache_clear()


def test_a_handout_for_an_unknown_audience_is_a_handout_error():
    library = kit.load_library()
    plan = kit.build_plan(kit.ClassRequest(minutes=20), library)
    with pytest.raises(kit.HandoutError, match="audience: 'everyone' is not allowed"):
        Handout(plan, library, audience="everyone")


def test_ticking_an_unknown_filter_value_is_a_kit_error():
    browser = LibraryBrowser(kit.load_library())
    with pytest.raises(kit.LibraryError, match="Not in the equipment_available filter: trampoline"):
        browser.set_ticked("equipment_available", ["trampoline"])


@pytest.mark.parametrize(
    "where, expected",
    [
        ("folder", "it is a folder"),
        ("under-a-file", "Not a directory"),
        ("/proc/innerthigh.yaml", "Cannot write /proc/innerthigh.yaml"),
    ],
)
def test_a_plan_output_that_cannot_be_written_is_a_plain_message(tmp_path, capsys, where, expected):
    (tmp_path / "folder").mkdir()
    (tmp_path / "a-file").write_text("x")
    target = {"folder": tmp_path / "folder", "under-a-file": tmp_path / "a-file" / "plan.yaml"}.get(
        where, where
    )
    assert main([*PLAN, "-o", str(target)]) == 1
    message = capsys.readouterr().err
    assert expected in message and "Traceback" not in message
    assert (tmp_path / "folder").is_dir() and not (tmp_path / "folder.bak").exists()  # nothing moved


def test_a_handout_onto_a_folder_or_a_workshop_onto_a_file_is_refused_before_any_work(tmp_path, capsys):
    plan_path = tmp_path / "class.yaml"
    assert main([*PLAN, "-o", str(plan_path)]) == 0
    (tmp_path / "out.html").mkdir()
    assert main(["handout", str(plan_path), "-o", str(tmp_path / "out.html")]) == 1
    assert "it is a folder" in capsys.readouterr().err
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "class.yaml").write_bytes(plan_path.read_bytes())
    (tmp_path / "handouts").write_text("not a folder")
    assert main(["workshop", str(tmp_path / "plans"), "-o", str(tmp_path / "handouts")]) == 1
    message = capsys.readouterr().err
    assert "Cannot write" in message and "Traceback" not in message


def test_any_other_os_error_in_a_command_reads_as_a_sentence(monkeypatch, capsys):
    def locked(*args, **kwargs):
        raise PermissionError(13, "Permission denied", "/studio/exercises")

    monkeypatch.setattr("innerthigh_kit.exercises.load_library", locked)
    assert main(["exercises"]) == 1
    message = capsys.readouterr().err
    assert message.startswith("innerthigh-kit exercises: /studio/exercises: Permission denied.")
    assert "Traceback" not in message


@pytest.mark.parametrize("plans", [42, [42], [None]])
def test_a_workshop_of_things_that_are_not_plans_is_a_handout_error(tmp_path, plans):
    from innerthigh_kit.handouts import render_workshop

    with pytest.raises(kit.HandoutError, match="plan"):
        render_workshop(plans, tmp_path / "out", progress=False)
