"""Packaging: environment.yml agrees with pyproject.toml, and a real wheel carries the data."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
import tomllib
import yaml

ROOT = Path(__file__).resolve().parent.parent


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~;\[ ]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _spec(requirement: str) -> str:
    return requirement.strip()[len(_name(requirement)) :].replace(" ", "")


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert env["channels"] == ["conda-forge"]
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "python=3.11" in conda, "pin python for Binder (it picks 3.10 otherwise)"
    wanted = {_name(r): _spec(r) for r in project["dependencies"]}
    have = {_name(d): _spec(d) for d in conda if _name(d) not in {"python", "pip"}}
    assert have == wanted
    assert "-e ." in pip_section, "conda users get the kit itself installed too"
    for required in ("jupyterlab", "ipywidgets", "matplotlib", "nbval", "papermill"):
        assert required in wanted


@pytest.mark.slow
def test_wheel_install_carries_the_data(tmp_path):
    """Build a normal wheel, install it alone in a fresh venv, load the library from it."""
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    wheel = next(dist.glob("innerthigh_kit-*.whl"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        check=True,
    )
    # The fresh venv borrows third-party packages (PyYAML...) from this one, appended last so the
    # wheel's own copy of innerthigh_kit wins and this checkout's editable install is not used.
    borrowed = sysconfig.get_paths()["purelib"]
    script = (
        "import sys; sys.path.append(sys.argv[1]);"
        "import innerthigh_kit as k, innerthigh_kit._data as d;"
        "lib = k.load_library();"
        "print(k.__file__); print(d.data_dir()); print(len(lib));"
        # run mode's screen: its JavaScript and CSS are files of the package, read at import
        "import innerthigh_kit.widgets.run_screen as r; print(len(r.RunMode._esm) > 1000);"
        # and the builder's timeline, the same way
        "import innerthigh_kit.widgets.timeline as t;"
        "print(len(t.Timeline._esm) > 500 and len(t.Timeline._css) > 200)"
    )
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    result = subprocess.run(
        [str(python), "-c", script, borrowed],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    module_file, data_dir, count, screen, strip = result.stdout.split()
    assert screen == strip == "True"
    assert Path(module_file).is_relative_to(venv)
    assert Path(data_dir) == Path(module_file).parent / "_data"
    assert (Path(data_dir) / "references.yaml").is_file()
    assert int(count) >= 45


def test_readme_field_table_is_the_schemas():
    from innerthigh_kit.exercises import schema_markdown

    readme = (ROOT / "README.md").read_text()
    table = readme.split("<!-- schema-table:start -->\n")[1].split("\n<!-- schema-table:end -->")[0]
    assert table == schema_markdown()


def test_readme_gives_the_two_commands_and_ci_runs_the_test_one():
    readme = (ROOT / "README.md").read_text()
    assert "make lab" in readme and "make test" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_import_stays_light():
    code = (
        "import sys, innerthigh_kit; heavy = {'matplotlib', 'pandas', 'ipywidgets', "
        "'papermill', 'yaml', 'numpy'} & set(sys.modules); print(sorted(heavy))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
