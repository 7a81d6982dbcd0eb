"""The README's command-line examples run as written (a reader copies them first)."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import innerthigh_kit as kit

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = Path(sys.executable).with_name("innerthigh-kit")

pytestmark = pytest.mark.slow


def readme_commands() -> list[str]:
    """Every `innerthigh-kit ...` line of the README's bash blocks, continuations joined."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"```bash\n(.*?)```", readme, flags=re.S):
        text = block.replace("\\\n", " ")
        for line in text.splitlines():
            line = line.split("#", 1)[0].strip()
            if line.startswith("innerthigh-kit "):
                commands.append(line)
    return commands


def test_the_readme_shows_every_command():
    used = {shlex.split(c)[1] for c in readme_commands()}
    assert used == {"exercises", "validate", "plan", "check", "explain", "handout", "workshop"}


def test_the_readme_examples_run(tmp_path, good_entry):
    assert SCRIPT.is_file(), f"the console script should be installed beside {sys.executable}"
    (tmp_path / "my_exercises.yaml").write_text(good_entry, encoding="utf-8")
    for command in readme_commands():
        words = shlex.split(command)
        if words[1] == "workshop":
            plans = tmp_path / words[2]
            plans.mkdir(exist_ok=True)
            for plan in tmp_path.glob("*.yaml"):
                if plan.name != "my_exercises.yaml":
                    shutil.copy(plan, plans)
        result = subprocess.run(
            [str(SCRIPT), *words[1:]], cwd=tmp_path, capture_output=True, text=True, timeout=300
        )
        assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
        assert "Traceback" not in result.stderr, command
    assert (tmp_path / "postnatal.pdf").read_bytes().startswith(b"%PDF")
    assert "Reasoning (instructor)" in (tmp_path / "notes.html").read_text(encoding="utf-8")
    assert (tmp_path / "handouts" / "index.html").is_file()


def test_the_readme_example_entry_and_its_figure_validate(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    entry = re.search(r"An example entry:\n\n```yaml\n(.*?)```", readme, re.S).group(1)
    figure = re.search(r"For the entry above:\n\n```yaml\n(.*?)```", readme, re.S).group(1)
    (tmp_path / "mine.yaml").write_text(entry + figure, encoding="utf-8")
    exercise = kit.load_library(tmp_path / "mine.yaml").get("seated-ball-squeeze-pulses")
    assert exercise.figure is not None and exercise.figure.end is not None
    assert [p.prop for p in exercise.figure.props] == ["chair", "small-ball"]
