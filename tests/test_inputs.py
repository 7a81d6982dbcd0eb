"""Nothing lost, nothing let in: what the kit refuses in the files it reads, and what it says.

Every message names the file, the entry or section and item (and the line where there is one),
the field, and how to fix it; never a traceback. The loader is ``innerthigh_kit._yaml``; the
checks are the exercise schema (exercises/schema.py) and the plan files (plans/files.py).
"""

from __future__ import annotations

import errno
import os
import re
import resource
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path

import pytest
import yaml

import innerthigh_kit as kit
from innerthigh_kit import vocab
from innerthigh_kit._yaml import load_text
from innerthigh_kit.cli import main
from innerthigh_kit.exercises import read_exercise_file
from innerthigh_kit.exercises.library import LibraryWarning, check_files
from innerthigh_kit.plans import ClassPlan, check_plan

ROOT = Path(__file__).resolve().parents[1]


def write(folder: Path, text: str, name: str = "mine.yaml") -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def exercise_problems(folder: Path, text: str) -> list:
    """The problems `load_library` finds in one exercise file with this text."""
    path = write(folder, text)
    with pytest.raises(kit.LibraryError) as caught:
        kit.load_library(path)
    assert str(path) in str(caught.value)
    return caught.value.problems


def only(problems: list):
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def plan_error(folder: Path, text: str) -> kit.PlanError:
    path = write(folder, text, "plan.yaml")
    with pytest.raises(kit.PlanError) as caught:
        ClassPlan.load(path)
    assert str(path) in str(caught.value)
    assert "Traceback" not in str(caught.value)
    return caught.value


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_kit(*argv: str, cwd: Path, timeout: float = 60, memory: int | None = None):
    """``python -m innerthigh_kit ...`` in a fresh process with this checkout's code, under a
    time limit and (``memory``, bytes) an address-space limit."""

    def limit() -> None:
        if memory is not None:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    env = dict(os.environ, PYTHONPATH=str(ROOT), OPENBLAS_NUM_THREADS="1")
    return subprocess.run(
        [sys.executable, "-m", "innerthigh_kit", *argv],
        cwd=cwd,
        env=env,
        preexec_fn=limit,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


FIRST_ITEM = "    sets: 1\n    reps: 11\n    hold_seconds: null\n"  # the real plan's first item


@pytest.fixture
def plan_text(real_plan_text):
    assert FIRST_ITEM in real_plan_text
    return real_plan_text


def first_where(plan_text: str) -> str:
    """How a problem names the real plan's first item (whichever exercise the builder chose)."""
    exercise = yaml.safe_load(plan_text)["sections"][0]["items"][0]["exercise"]
    return f"section 1 'warm-up', item 1 '{exercise}'"


# --------------------------------------------------------------------------- aliases and anchors


def bomb(indent: str) -> str:
    """The "billion laughs" as a block list: nine to the eighth power (43 million) strings from a
    few hundred bytes."""
    lines = [f"{indent}- &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [
        f"{indent}- &{name} [{', '.join([f'*{prev}'] * 9)}]"
        for prev, name in zip("abcdefgh", "bcdefghi", strict=True)
    ]
    return "\n".join(lines) + "\n"


def test_an_alias_names_the_file_and_its_line(tmp_path, good_entry):
    text = good_entry.replace("  cues: [", "  cues: &c [").replace(
        "  regression: null", "  regression: null\n  description_again: *c"
    )
    problem = only(exercise_problems(tmp_path, text))
    assert problem.where == f"{tmp_path / 'mine.yaml'} at line 12"
    assert "YAML aliases (*c) are not allowed in kit files: write the value out." in problem.message
    assert "Copy the text" in problem.fix


def test_an_anchor_alone_and_a_tag_are_refused_too(tmp_path, good_entry):
    anchored = good_entry.replace("  name: My", "  name: &n My")
    assert "YAML anchors (&n)" in only(exercise_problems(tmp_path, anchored)).message
    tagged = good_entry.replace("  level: 1", "  level: !!int abc")
    problem = only(exercise_problems(tmp_path, tagged))
    assert "YAML tags (tag:yaml.org,2002:int)" in problem.message and "mine.yaml at line 6" in problem.where
    merged = good_entry.replace("  level: 1", "  level: 1\n  <<: {x: 1}")
    assert "merge keys (<<)" in only(exercise_problems(tmp_path, merged)).message


@pytest.mark.parametrize("kind", ["exercise cues", "plan conditions"])
def test_an_alias_bomb_is_refused_quickly_in_little_memory(tmp_path, good_entry, plan_text, kind):
    if kind == "exercise cues":
        old, argv = (
            "  cues: [Sit tall on your sit bones., Squeeze the ball along the whole thigh.]\n",
            "validate",
        )
        text = good_entry.replace(old, "  cues:\n" + bomb("    "))
    else:
        old, argv = "  conditions:\n  - knee-pain\n", "check"
        text = plan_text.replace(old, "  conditions:\n" + bomb("  "))
    path = write(tmp_path, text, "x.yaml")
    assert text != (good_entry if kind == "exercise cues" else plan_text) and path.stat().st_size < 10_000
    finished = run_kit(argv, str(path), cwd=tmp_path, timeout=30, memory=1 << 30)
    assert finished.returncode == 1, finished.stderr
    assert "x.yaml at line" in finished.stderr
    assert "YAML aliases (*a) are not allowed in kit files: write the value out." in finished.stderr
    assert "MemoryError" not in finished.stderr and "Traceback" not in finished.stderr


# --------------------------------------------------------------------------- keys


def test_a_field_given_twice_in_an_exercise_names_entry_field_and_both_lines(tmp_path, good_entry):
    text = good_entry.replace("  category: activation", "  name: Again\n  category: activation")
    problem = only(exercise_problems(tmp_path, text))
    assert problem.where.endswith("mine.yaml, entry 1 'my-squeeze' (line 1)")
    assert problem.field == "name"
    assert "given twice in the same mapping (lines 2 and 3)" in problem.message
    assert "Keep one" in problem.fix


def test_a_key_given_twice_inside_a_field_is_named_too(tmp_path, good_entry):
    text = good_entry.replace("{sets: 2, reps: 8,", "{sets: 2, sets: 3, reps: 8,")
    problem = only(exercise_problems(tmp_path, text))
    assert problem.field == "sets" and "lines 9 and 9" in problem.message


def test_target_minutes_twice_in_a_plan(tmp_path, plan_text):
    text = plan_text.replace("target_minutes: 45\n", "target_minutes: 45\ntarget_minutes: 60\n")
    error = plan_error(tmp_path, text)
    problem = only(error.problems)
    assert problem.where == str(tmp_path / "plan.yaml") and problem.field == "target_minutes"
    assert "(lines 2 and 3)" in problem.message


def test_a_field_twice_in_a_plan_item_names_section_and_item(tmp_path, plan_text):
    text = plan_text.replace(FIRST_ITEM, FIRST_ITEM + "    sets: 2\n", 1)
    problem = only(plan_error(tmp_path, text).problems)
    assert problem.where.endswith(first_where(plan_text))
    assert problem.field == "sets" and "given twice" in problem.message


def test_references_and_other_strict_loads_refuse_a_key_twice_with_its_line():
    data, problems = load_text("a: 1\nb: 2\na: 3\n", "refs.yaml")
    assert data is None
    assert str(only(problems)) == (
        "refs.yaml at line 3, field 'a': is given twice in the same mapping (first on line 1). "
        "Keep one of them: YAML would silently use only the last."
    )


def test_a_number_or_null_as_a_field_name_is_an_unknown_field(tmp_path, good_entry):
    text = good_entry.replace("  regression: null", "  regression: null\n  1: x\n  ~: y")
    problems = exercise_problems(tmp_path, text)
    assert sorted(p.field for p in problems) == ["1", "~"]
    assert all("is not a field of an exercise" in p.message and "(line 1)" in p.where for p in problems)


def test_a_number_as_a_field_name_in_a_plan_item(tmp_path, plan_text):
    text = plan_text.replace(FIRST_ITEM, FIRST_ITEM + "    1: x\n", 1)
    problem = only(plan_error(tmp_path, text).problems)
    assert problem.field == "1" and "is not a field here" in problem.message


def test_a_list_as_a_key_is_refused(tmp_path, good_entry):
    text = good_entry.replace("  level: 1", "  level: 1\n  ? [a, b]\n  : c")
    problem = only(exercise_problems(tmp_path, text))
    assert "a list or mapping stands where a field name should be" in problem.message
    assert "mine.yaml at line 7" in problem.where


# --------------------------------------------------------------------------- files that are not files


def test_a_fifo_named_like_an_exercise_file_returns_at_once(tmp_path):
    os.mkfifo(tmp_path / "x.yaml")
    finished = run_kit("validate", "x.yaml", cwd=tmp_path, timeout=30)
    assert finished.returncode == 1
    assert "x.yaml: is a named pipe (FIFO), not a saved file" in finished.stderr
    finished = run_kit("validate", ".", cwd=tmp_path, timeout=30)  # inside a folder as well
    assert finished.returncode == 1 and "named pipe" in finished.stderr


def test_a_fifo_as_a_plan_returns_at_once(tmp_path):
    os.mkfifo(tmp_path / "plan.yaml")
    finished = run_kit("check", "plan.yaml", cwd=tmp_path, timeout=30)
    assert finished.returncode == 1
    assert "plan.yaml: is a named pipe (FIFO)" in finished.stderr and "Traceback" not in finished.stderr


def test_a_folder_as_a_plan(tmp_path):
    (tmp_path / "plan.yaml").mkdir()
    with pytest.raises(kit.PlanError, match="plan.yaml: is a folder, not a file"):
        ClassPlan.load(tmp_path / "plan.yaml")


def test_a_symlink_loop(tmp_path):
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    with pytest.raises(kit.LibraryError) as caught:
        kit.load_library(loop)
    problem = only(caught.value.problems)
    assert problem.where == str(loop) and "symbolic link" in problem.message and "loop" in problem.message
    with pytest.raises(kit.PlanError, match="loop.yaml: cannot be read: it is a symbolic link"):
        ClassPlan.load(loop)


@pytest.mark.skipif(os.geteuid() == 0, reason="root may read any file")
def test_an_unreadable_file(tmp_path, good_entry):
    path = write(tmp_path, good_entry)
    path.chmod(0)
    with pytest.raises(kit.LibraryError, match="you do not have permission to read it"):
        kit.load_library(path)


def test_no_permission_is_a_message_even_for_root(tmp_path, good_entry, monkeypatch):
    path = write(tmp_path, good_entry)
    real_open = os.open

    def refuse(name, *args, **kwargs):
        if os.fspath(name) == str(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    problem = only(read_exercise_file(path)[1])
    assert problem.message == "cannot be read: you do not have permission to read it."
    assert "permissions" in problem.fix


def test_a_file_over_the_size_cap(tmp_path):
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"# padding\n" * (vocab.MAX_FILE_BYTES // 10 + 1))
    problem = only(read_exercise_file(path)[1])
    assert problem.where == str(path) and "larger than 5 MB" in problem.message
    with pytest.raises(kit.PlanError, match="larger than 5 MB"):
        ClassPlan.load(path)


def test_a_file_that_is_not_utf8_names_the_line(tmp_path, good_entry):
    path = tmp_path / "latin.yaml"
    path.write_bytes(good_entry.replace("My seated", "My séated").encode("latin-1"))
    problem = only(read_exercise_file(path)[1])
    assert problem.where == f"{path} at line 2" and "not UTF-8 text" in problem.message
    assert "Save the file as UTF-8" in problem.fix


def test_a_utf8_file_with_a_byte_order_mark_reads(tmp_path, good_entry):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + good_entry.encode("utf-8"))
    exercises, problems = read_exercise_file(path)
    assert not problems and exercises[0].id == "my-squeeze"


def test_control_characters_deep_nesting_and_huge_numbers_are_messages(tmp_path, good_entry):
    control = only(exercise_problems(tmp_path, good_entry.replace("My seated", "My \x07seated")))
    assert "line 2" in control.where and "character YAML does not allow" in control.message
    deep = only(
        exercise_problems(tmp_path, good_entry.replace("  level: 1", "  level: " + "[" * 900 + "]" * 900))
    )
    assert deep.field == "level" and len(deep.message) < 200
    digits = only(exercise_problems(tmp_path, good_entry.replace("  level: 1", "  level: " + "9" * 5000)))
    assert "a number of 5000 digits is too long to read" in digits.message


def test_a_colon_in_a_value_and_a_tab_get_a_fix(tmp_path, good_entry):
    colon = only(exercise_problems(tmp_path, good_entry.replace("My seated squeeze", "Squeeze: the basics")))
    assert "YAML syntax error" in colon.message and "at line 2" in colon.where
    assert "put the whole value in quotes" in colon.fix
    tab = only(exercise_problems(tmp_path, good_entry.replace("  level: 1", "\tlevel: 1")))
    assert "Indent with spaces, not tabs" in tab.fix


# --------------------------------------------------------------------------- YAML typing surprises


@pytest.mark.parametrize(
    "written, words",
    [
        ("yes", "YAML read `yes`/`no`/`on`/`off` as true or false: put the text in quotes."),
        ("2024-05-01", "YAML read 2024-05-01 as a date: put the text in quotes."),
        ("42", "YAML read 42 as a number: put the text in quotes."),
    ],
)
def test_a_name_yaml_read_as_something_else(tmp_path, good_entry, written, words):
    problem = only(exercise_problems(tmp_path, good_entry.replace("My seated squeeze", written)))
    assert problem.field == "name" and "entry 1 'my-squeeze' (line 1)" in problem.where
    assert words in problem.message


def test_a_cue_with_a_colon_is_read_as_a_mapping(tmp_path, good_entry):
    text = good_entry.replace(
        "  cues: [Sit tall on your sit bones., Squeeze the ball along the whole thigh.]",
        "  cues:\n    - Sit tall on your sit bones.\n    - Tip: squeeze the ball along the whole thigh.",
    )
    problem = only(exercise_problems(tmp_path, text))
    assert problem.field == "cues"
    assert problem.message == (
        "cue 2: YAML read this as a mapping because of the colon after 'Tip': put the cue in quotes."
    )


def test_a_date_shaped_value_that_is_no_date_stays_text(tmp_path, good_entry):
    exercises, problems = read_exercise_file(
        write(tmp_path, good_entry.replace("My seated squeeze", "2024-13-45"))
    )
    assert not problems and exercises[0].name == "2024-13-45"


@pytest.mark.parametrize(
    "old, new, field, words",
    [
        (
            "title: 'Inner thighs, strong and mobile: 45 min for everyone, level 1'",
            "title: yes",
            "title",
            "`yes`",
        ),
        (
            "title: 'Inner thighs, strong and mobile: 45 min for everyone, level 1'",
            "title: 2024-05-01",
            "title",
            "as a date",
        ),
        ("- name: warm-up", "- name: on", "name", "put the name in quotes"),
        ("    note: ''\n", "    note:\n      Tip: squeeze\n", "note", "because of the colon after 'Tip'"),
        ("WHY-LINE", "    why: 12\n", "why", "YAML read 12 as a number"),
    ],
)
def test_plan_text_fields_yaml_read_as_something_else(tmp_path, plan_text, old, new, field, words):
    if old == "WHY-LINE":  # the first item's reason sentence, whatever it says
        old = re.search(r"    why: [^\n]*\n(?:      [^\n]*\n)*", plan_text).group(0)  # folded lines too
    assert old in plan_text
    text = plan_text.replace(old, new, 1)
    problem = only(plan_error(tmp_path, text).problems)
    assert problem.field == field and words in problem.message


# --------------------------------------------------------------------------- numbers in plan files


@pytest.mark.parametrize("field", ["sets", "reps", "seconds_per_rep", "rest_seconds", "transition_seconds"])
@pytest.mark.parametrize(
    "written, words",
    [
        (".inf", "inf is infinite"),
        ("-.inf", "-inf is infinite"),
        (".nan", "nan is not a number"),
        ("1.0e+400", "inf is infinite"),
        ("-5", "-5 is negative"),
        ("10001", "10001 is far too large: a plan file may give at most 10,000"),
        ("9" * 400, "is far too large"),
    ],
)
def test_absurd_numbers_are_refused_at_load(tmp_path, plan_text, field, written, words):
    start = plan_text.index(FIRST_ITEM)  # the first item's fields, whichever exercise it is
    end = plan_text.index("  - exercise:", start)
    old = re.search(rf"    {field}: \S+\n", plan_text[start:end]).group(0)
    text = (
        plan_text[:start] + plan_text[start:end].replace(old, f"    {field}: {written}\n") + plan_text[end:]
    )
    problem = only(plan_error(tmp_path, text).problems)
    assert problem.where.endswith("plan.yaml, " + first_where(plan_text))
    assert problem.field == field and words in problem.message
    assert f"e.g. {field}:" in problem.fix


def test_an_infinite_hold(tmp_path, plan_text):
    text = plan_text.replace(FIRST_ITEM, "    sets: 1\n    hold_seconds: .inf\n", 1)
    problem = only(plan_error(tmp_path, text).problems)
    assert problem.field == "hold_seconds" and "inf is infinite" in problem.message


def test_a_number_written_1e3_is_text_to_yaml(tmp_path, plan_text):
    text = plan_text.replace(FIRST_ITEM, "    sets: 1e3\n    reps: 11\n    hold_seconds: null\n", 1)
    problem = only(plan_error(tmp_path, text).problems)
    assert "'1e3' is not a number of sets. YAML read it as text" in problem.message


def test_a_teachable_but_wrong_dosage_still_loads_for_check_to_flag(tmp_path, plan_text):
    text = plan_text.replace(FIRST_ITEM, "    sets: 12\n    hold_seconds: 400\n", 1)
    plan = ClassPlan.load(write(tmp_path, text, "plan.yaml"))
    item = plan.sections[0].items[0]
    assert (item.sets, item.hold_seconds) == (12, 400)
    flagged = [f for f in check_plan(plan, kit.load_library()) if f.severity == "error"]
    assert any("12" in str(f) or "400" in str(f) for f in flagged)


@pytest.mark.parametrize("command", ["check", "explain", "handout"])
def test_commands_print_a_message_for_overflowing_numbers(tmp_path, capsys, plan_text, command):
    text = plan_text.replace(
        FIRST_ITEM, "    sets: " + "9" * 400 + "\n    reps: 11\n    hold_seconds: null\n", 1
    )
    text = text.replace("    rest_seconds: 0\n", "    rest_seconds: .inf\n", 1)
    path = write(tmp_path, text, "plan.yaml")
    extra = ["-o", str(tmp_path / "out.html")] if command == "handout" else []
    code, out, err = run(capsys, command, str(path), *extra)
    assert code == 1 and "Traceback" not in err
    assert f"innerthigh-kit {command}:" in err and "field 'sets'" in err and "field 'rest_seconds'" in err
    assert "is far too large" in err and "inf is infinite" in err


# --------------------------------------------------------------------------- the library


@pytest.mark.parametrize(
    "argument, words",
    [
        (42, "not 42"),
        (None, "not null"),
        (["a.yaml", "b.yaml"], "each file or folder as its own argument, not a list"),
        (("a.yaml",), "not a tuple"),
        ("", "an empty path"),
        (b"mine.yaml", "not b'mine.yaml'"),
    ],
)
def test_load_library_says_what_to_pass(argument, words):
    with pytest.raises(kit.LibraryError, match="load_library") as caught:
        kit.load_library(argument)
    assert words in str(caught.value)


def test_a_string_path_is_one_path(tmp_path, good_entry):
    path = write(tmp_path, good_entry)
    assert "my-squeeze" in kit.load_library(str(path)) and "my-squeeze" in kit.load_library(path)


def other(good_entry: str, exercise_id: str, regression: str = "null", progression: str = "null") -> str:
    return (
        good_entry.replace("my-squeeze", exercise_id)
        .replace("regression: null", f"regression: {regression}")
        .replace("progression: null", f"progression: {progression}")
    )


def test_two_exercises_each_easier_than_the_other_are_a_circle(tmp_path, good_entry):
    text = other(good_entry, "sq-a", regression="sq-b") + other(good_entry, "sq-b", regression="sq-a")
    problem = only(exercise_problems(tmp_path, text))
    assert problem.where.endswith("mine.yaml, exercise 'sq-a'") and problem.field == "regression"
    assert "sq-a → sq-b → sq-a" in problem.message and "correct one of these links" in problem.fix


def test_a_longer_circle_of_progressions(tmp_path, good_entry):
    text = (
        other(good_entry, "sq-a", progression="sq-b")
        + other(good_entry, "sq-b", progression="sq-c")
        + other(good_entry, "sq-c", progression="sq-a")
    )
    problem = only(exercise_problems(tmp_path, text))
    assert "circle of regressions and progressions: sq-a → sq-b → sq-c → sq-a" in problem.message


def test_a_regression_and_progression_pair_is_no_circle(tmp_path, good_entry):
    text = other(good_entry, "sq-a", progression="sq-b") + other(good_entry, "sq-b", regression="sq-a")
    library = kit.load_library(write(tmp_path, text))
    assert {"sq-a", "sq-b"} <= set(library.ids)


def test_an_empty_folder_is_a_warning(tmp_path):
    (tmp_path / "studio").mkdir()
    with pytest.warns(LibraryWarning, match="studio is a folder with no exercise files"):
        library = kit.load_library(tmp_path / "studio")
    assert library.user_files == ()


def test_validate_on_an_empty_folder_warns_and_fails(tmp_path, capsys):
    (tmp_path / "studio").mkdir()
    code, out, err = run(capsys, "validate", str(tmp_path / "studio"))
    assert code == 1 and "All good" not in out
    assert "Warning: " in err and "no exercise files" in err
    assert "Nothing was checked" in err


def test_validate_an_empty_folder_and_a_good_file(tmp_path, capsys, good_entry):
    (tmp_path / "studio").mkdir()
    path = write(tmp_path, good_entry)
    code, out, err = run(capsys, "validate", str(tmp_path / "studio"), str(path))
    assert code == 0 and "All good: 1 file checked" in out and str(path) in out
    assert "Warning: " in err


def test_check_files_keeps_warnings_and_files(tmp_path, good_entry):
    (tmp_path / "empty").mkdir()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing escapes as a warning
        report = check_files(tmp_path / "empty", write(tmp_path, good_entry))
    assert len(report.warnings) == 1 and report.files == (str(tmp_path / "mine.yaml"),)


def test_hidden_files_in_a_folder_are_left_out(tmp_path, good_entry):
    write(tmp_path, good_entry)
    (tmp_path / "._mine.yaml").write_bytes(b"\x00\x05\x16\x07 resource fork")
    assert kit.load_library(tmp_path).user_files == (str(tmp_path / "mine.yaml"),)


def test_plain_pyyaml_would_have_built_the_bomb():
    """Why aliases are refused: PyYAML builds the bomb from shared lists; any walk explodes."""
    data = yaml.safe_load(bomb(""))
    assert len(data[8]) == 9 and data[8][0] is data[8][1] is data[7]
