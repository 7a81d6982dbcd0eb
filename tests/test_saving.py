"""Saving cannot lose: a crash at any step leaves the old plan or the new, a reader never finds the
file missing, the file keeps its mode, three earlier versions are kept, and odd targets are refused."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

import innerthigh_kit as kit
from innerthigh_kit._atomic import backup_names, write_atomic

# Saves the plan at argv[1] with a new title, killing itself (SIGKILL: no clean-up of any kind)
# at the argv[2]-th call of a file-system step the save makes.
CRASHING_SAVE = textwrap.dedent(
    """
    import os, signal, sys
    import innerthigh_kit as kit

    path, crash_at = sys.argv[1], int(sys.argv[2])
    plan = kit.ClassPlan.load(path)
    plan.title = "new version"
    calls = 0

    def crashing(step):
        def wrapper(*args, **kwargs):
            global calls
            calls += 1
            if calls == crash_at:
                os.kill(os.getpid(), signal.SIGKILL)
            return step(*args, **kwargs)
        return wrapper

    for name in ("replace", "link", "fsync", "chmod", "open"):
        setattr(os, name, crashing(getattr(os, name)))
    plan.save(path)
    print("saved after", calls, "steps")
    """
)


@pytest.fixture(scope="module")
def library():
    return kit.load_library()


@pytest.fixture
def saved(library, tmp_path) -> Path:
    """A plan saved three times, so it has a .bak and a .bak.1 before the save under test."""
    plan = kit.build_plan(kit.ClassRequest(minutes=20), library)
    path = tmp_path / "class.yaml"
    for title in ("first", "second", "old version"):
        plan.title = title
        plan.save(path)
    return path


def test_a_crash_at_any_step_of_a_save_leaves_the_old_plan_or_the_new(saved):
    crashes = 0
    for crash_at in range(1, 40):
        run = subprocess.run(
            [sys.executable, "-c", CRASHING_SAVE, str(saved), str(crash_at)], capture_output=True, text=True
        )
        assert kit.ClassPlan.load(saved).title in ("old version", "new version"), crash_at
        for backup in backup_names(saved):
            if backup.exists():  # every backup that is there is a whole plan
                assert kit.ClassPlan.load(backup).title in ("first", "second", "old version", "new version")
        if run.returncode == 0:
            assert "saved after" in run.stdout
            break
        assert run.returncode == -9, run.stderr  # killed, as the test meant
        crashes += 1
    else:
        pytest.fail("the save never finished")
    assert crashes >= 6, "the save should have been killed at each of its steps"
    assert kit.ClassPlan.load(saved).title == "new version"


def test_a_reader_never_finds_the_plan_missing_or_half_written(library, tmp_path):
    plan = kit.build_plan(kit.ClassRequest(minutes=20), library)
    path = tmp_path / "class.yaml"
    plan.save(path)
    problems, reads, done = [], [0], threading.Event()

    def read():
        while not done.is_set():
            try:
                kit.ClassPlan.load(path)
                reads[0] += 1
            except kit.KitError as error:
                problems.append(str(error))

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for number in range(200):
            plan.title = f"version {number}"
            plan.save(path)
    finally:
        done.set()
        reader.join()
    assert reads[0] > 10 and problems == []


def test_a_save_keeps_the_files_mode_and_a_new_file_gets_the_usual_one(library, tmp_path):
    plan = kit.build_plan(kit.ClassRequest(minutes=20), library)
    path = tmp_path / "class.yaml"
    plan.save(path)
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask
    for mode in (0o644, 0o640, 0o600):
        path.chmod(mode)
        plan.save(path)
        assert stat.S_IMODE(path.stat().st_mode) == mode


def test_three_earlier_versions_are_kept_newest_first(library, tmp_path):
    plan = kit.build_plan(kit.ClassRequest(minutes=20), library)
    path = tmp_path / "class.yaml"
    for title in ("one", "two", "three", "four", "five"):
        plan.title = title
        plan.save(path)
    titles = [kit.ClassPlan.load(backup).title for backup in backup_names(path)]
    assert kit.ClassPlan.load(path).title == "five" and titles == ["four", "three", "two"]


def test_a_backup_name_taken_by_a_folder_is_named_and_nothing_changes(saved):
    before = saved.read_bytes()
    saved.with_name("class.yaml.bak.1").unlink()
    saved.with_name("class.yaml.bak.1").mkdir()
    plan = kit.ClassPlan.load(saved)
    with pytest.raises(kit.KitError, match=r"class\.yaml\.bak\.1 is not a file"):
        plan.save(saved)
    assert saved.read_bytes() == before


@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_saving_onto_a_folder_or_a_special_file_is_refused(library, tmp_path, kind):
    target = tmp_path / "class.yaml"
    target.mkdir() if kind == "folder" else os.mkfifo(target)
    plan = kit.build_plan(kit.ClassRequest(minutes=20), library)
    with pytest.raises(kit.KitError, match="folder" if kind == "folder" else "not an ordinary file"):
        plan.save(target)
    assert target.is_dir() if kind == "folder" else stat.S_ISFIFO(target.stat().st_mode)
    assert not list(tmp_path.glob("*.bak*")) and not list(tmp_path.glob(".*tmp"))


def test_a_name_with_a_nul_is_a_plain_error(tmp_path):
    with pytest.raises(kit.KitError, match="NUL"):
        write_atomic(str(tmp_path / "a\x00b.yaml"), "x")
