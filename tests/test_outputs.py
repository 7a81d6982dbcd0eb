"""Outputs that never clobber and nothing let in: workshop names and locks, safe links, no code run
from beside a plan, scratch folders that go away, outputs refused before the work, and an app
that asks before it replaces a file."""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import innerthigh_kit as kit
from innerthigh_kit import _scratch
from innerthigh_kit.cli import main
from innerthigh_kit.handouts import render_handout, render_workshop
from innerthigh_kit.widgets import save_panel
from innerthigh_kit.widgets.plan_builder import ClassBuilder

CLI = [sys.executable, "-m", "innerthigh_kit"]


@pytest.fixture(scope="module")
def library():
    return kit.load_library()


@pytest.fixture
def plan_file(library, tmp_path) -> Path:
    plan = kit.build_plan(kit.ClassRequest(minutes=20), library)
    return plan.save(tmp_path / "class.yaml")


def plans_folder(plan_file: Path, names: list[str]) -> Path:
    folder = plan_file.parent / "plans"
    folder.mkdir()
    for name in names:
        shutil.copy(plan_file, folder / name)
    return folder


@pytest.mark.slow
def test_workshop_names_are_distinct_never_the_index_and_counted_on_disk(plan_file, tmp_path):
    folder = plans_folder(plan_file, ["index.yaml", "a.yaml", "a.yml", "javascript:alert(7).yaml"])
    out = tmp_path / "out"
    result = render_workshop(folder, out, jobs=2, include_diagrams=False, progress=False)
    names = sorted(p.name for p in result.rendered)
    assert names == ["a-yaml.html", "a-yml.html", "index-yaml.html", "javascript:alert(7).html"]
    assert all(p.is_file() for p in result.rendered) and len(set(names)) == 4
    index = (out / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="([^"]*)"', index)
    assert len(links) == 4 and all(link.startswith("./") and ":" not in link for link in links), links
    assert "javascript:" not in " ".join(links) and "4 handout(s) made" in index


def _locked(path: Path) -> bool:
    with open(path, "a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle, fcntl.LOCK_UN)
        return False


@pytest.mark.slow
def test_a_second_workshop_into_the_same_folder_at_once_is_refused(plan_file, tmp_path):
    folder = plans_folder(plan_file, ["a.yaml", "b.yaml", "c.yaml"])
    out = tmp_path / "out"
    out.mkdir()
    args = ["workshop", str(folder), "-o", str(out), "--jobs", "1"]
    first = subprocess.Popen([*CLI, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lock = out / ".innerthigh-kit.lock"
    deadline = time.monotonic() + 60
    while not (lock.exists() and _locked(lock)):
        assert first.poll() is None and time.monotonic() < deadline, "the first workshop never took its lock"
        time.sleep(0.05)
    second = subprocess.run([*CLI, *args, "--force"], capture_output=True, text=True, timeout=60)
    assert second.returncode == 1 and "Another workshop is writing into" in second.stderr
    assert "Traceback" not in second.stderr
    out_text, err_text = first.communicate(timeout=120)
    assert first.returncode == 0, err_text
    assert "3 handout(s) written" in out_text and len(list(out.glob("*.html"))) == 4


@pytest.mark.slow
def test_nothing_beside_a_plan_is_imported_when_its_handout_is_made(plan_file, tmp_path):
    marker = tmp_path / "PLANTED-CODE-RAN"
    for module in ("yaml", "numpy", "innerthigh_kit", "IPython", "sitecustomize"):
        (plan_file.parent / f"{module}.py").write_text(f"open({str(marker)!r}, 'w').write('{module}')\n")
    out = render_handout(plan_file, tmp_path / "class.html", include_diagrams=False)
    assert out.is_file() and "<h1>" in out.read_text(encoding="utf-8")
    assert not marker.exists(), f"code beside the plan ran: {marker.read_text()}"


def test_stale_scratch_folders_are_swept_and_live_ones_kept(tmp_path):
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    stale, live, orphan = (tmp_path / f"innerthigh-handout-{name}" for name in ("stale", "live", "orphan"))
    for folder, pid in ((stale, gone.pid), (live, os.getppid())):
        folder.mkdir()
        (folder / "owner.pid").write_text(str(pid))
    orphan.mkdir()  # no owner file, and new: kept (it may be a folder being made right now)
    removed = _scratch.sweep(tmp_path)
    assert removed == [stale] and live.is_dir() and orphan.is_dir()


@pytest.mark.slow
def test_a_terminated_handout_leaves_no_scratch_folder(plan_file, tmp_path):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {**os.environ, "TMPDIR": str(scratch)}
    args = ["handout", str(plan_file), "-o", str(tmp_path / "class.pdf")]
    process = subprocess.Popen([*CLI, *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not list(scratch.glob("innerthigh-handout-*/owner.pid")):
        assert process.poll() is None and time.monotonic() < deadline, "no scratch folder appeared"
        time.sleep(0.02)
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=60)
    assert process.returncode == 128 + signal.SIGTERM
    assert not list(scratch.glob("innerthigh-handout-*")) and not (tmp_path / "class.pdf").exists()


@pytest.mark.parametrize(
    "target, expected",
    [
        ("/proc/innerthigh.html", "Cannot write /proc/innerthigh.html"),
        ("{tmp}/a-file/out.html", "Not a directory"),
        ("{tmp}/folder.html", "it is a folder"),
    ],
)
def test_a_handout_that_cannot_be_written_is_refused_before_the_work(
    plan_file, tmp_path, capsys, target, expected
):
    (tmp_path / "a-file").write_text("x")
    (tmp_path / "folder.html").mkdir()
    started = time.monotonic()
    code = main(["handout", str(plan_file), "-o", target.format(tmp=tmp_path)])
    message = capsys.readouterr().err
    assert code == 1 and expected in message and "Traceback" not in message
    assert time.monotonic() - started < 5, "refused before a kernel was started"


# --------------------------------------------------------------------------- the app asks


@pytest.fixture
def builder(library, tmp_path, monkeypatch):
    monkeypatch.setenv("INNERTHIGH_KIT_PLANS_DIR", str(tmp_path))
    made = []

    def fake_render(plan_path, out, force=False):  # the real renderer is tested elsewhere
        assert force, "the panel asks first, then replaces"
        Path(out).write_text(f"handout for {Path(plan_path).name}")
        made.append(Path(out))
        return Path(out)

    monkeypatch.setattr(save_panel, "render_handout", fake_render)
    ui = ClassBuilder(library)
    ui.build_button.click()
    ui.made = made
    return ui


def test_the_app_asks_before_replacing_a_plan_it_did_not_write(builder, tmp_path):
    theirs = tmp_path / "tuesday.yaml"
    theirs.write_text("title: someone else's plan\n")
    builder.save_name.value = "tuesday.yaml"
    builder.save_button.click()
    assert theirs.read_text() == "title: someone else's plan\n"
    assert "already in your plans folder" in builder.status.value
    assert builder.files.replace_button.layout.display is None  # the question shows its button
    builder.files.replace_button.click()
    assert kit.ClassPlan.load(theirs).title == builder.plan.title
    assert (tmp_path / "tuesday.yaml.bak").read_text() == "title: someone else's plan\n"
    assert builder.files.replace_button.layout.display == "none"
    builder.save_button.click()  # its own file again: saved without asking
    assert "Saved to" in builder.status.value


def test_the_app_asks_before_replacing_a_handout(builder, tmp_path):
    earlier = tmp_path / "my-class.html"
    earlier.write_text("the handout I printed last week")
    builder.handout_button.click()
    assert earlier.read_text() == "the handout I printed last week" and builder.made == []
    assert "is already there" in builder.status.value
    builder.files.replace_button.click()
    assert builder.made == [earlier] and earlier.read_text().startswith("handout for my-class.yaml")
    assert "Handout written" in builder.status.value


@pytest.mark.parametrize(
    "name, words",
    [
        ("../escape.yaml", "names a folder"),
        ("sub/plan.yaml", "names a folder"),
        (".hidden.yaml", "starts with a dot"),
        ("..", "starts with a dot"),
        ("a\x00b.yaml", "control character"),
        ("x" * 300 + ".yaml", "the most is 255"),
        ("   ", "is empty"),
    ],
)
def test_the_app_refuses_names_that_leave_its_folder_or_cannot_be_files(builder, tmp_path, name, words):
    builder.save_name.value = name
    builder.save_button.click()
    assert words in builder.status.value
    assert sorted(p.name for p in tmp_path.iterdir()) == []


@pytest.mark.slow
def test_library_paths_given_as_one_string_is_one_file(plan_file, tmp_path, good_entry):
    mine = tmp_path / "my_moves.yaml"
    mine.write_text(good_entry, encoding="utf-8")
    out = render_handout(plan_file, tmp_path / "class.html", include_diagrams=False, library_paths=str(mine))
    assert out.is_file()


def test_the_workshop_screen_shows_a_refused_render_in_words(library, tmp_path, monkeypatch):
    from innerthigh_kit.widgets import workshop

    monkeypatch.setenv("INNERTHIGH_KIT_PLANS_DIR", str(tmp_path))

    def busy(*args, **kwargs):
        raise kit.HandoutError("Another workshop is writing into this folder right now.")

    monkeypatch.setattr(workshop, "render_workshop", busy)
    planner = workshop.WorkshopPlanner(library)
    planner.group_text.value = "Ann, general, 30"
    planner.group_button.click()
    assert planner.render_group() is None
    assert "Another workshop is writing" in planner.group_view.value
