"""Set-up speed: the cold set-up of `make lab` in a fresh clone, against plain pip, in the same run.

- make setup (what `make lab` installs before it starts JupyterLab, which is not started here): a
  `git clone` of this repository into a new temporary folder, no .venv, an empty uv cache
  (UV_CACHE_DIR in a new empty folder). Without uv on PATH this includes making the venv and
  `pip install uv` into it, as on a new machine.
- floor: in another fresh clone, `python3 -m venv .venv` and `pip install --no-cache-dir -e .`:
  the same packages with plain pip (goal: ratio <= 0.4x).
- then, in the first clone: `make setup` again (nothing to do) and `make setup-test` (adds the test
  and opensim extras, leaving the rest alone).
The clones are of the last commit (uncommitted changes are not in them). In each pair the uv set-up
runs first, so it is the one to meet a cold disk or memory (the order that flatters it least). Needs
git, make and the network to PyPI; about a minute. Prints figures; asserts nothing (noisy machines).

Run from the repository root: python bench/bench_setup.py [--repeats N] [--python python3] [--keep]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class SetupFailed(Exception):
    pass


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, str]:
    """Seconds the command took and its output; SetupFailed with the output's end if it failed."""
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    output = result.stdout + result.stderr
    if result.returncode:
        tail = "\n".join(output.splitlines()[-15:])
        raise SetupFailed(f"{' '.join(command)} failed in {cwd} (exit {result.returncode}):\n{tail}")
    return seconds, output


def _clone(into: Path) -> Path:
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(into)], check=True)
    return into


def _environment(uv_cache: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in {"MAKEFLAGS", "MFLAGS", "MAKELEVEL"}}
    env["UV_CACHE_DIR"] = str(uv_cache)
    env.pop("VIRTUAL_ENV", None)
    return env


def _how(output: str, env: dict[str, str]) -> str:
    if "with pip" in output:
        return "plain pip: uv could not be had"
    if shutil.which("uv", path=env.get("PATH")):
        return "uv from PATH"
    return "uv put into .venv by pip"


def _each(times: list[float]) -> str:
    return f" (each: {', '.join(f'{t:.1f}' for t in times)})" if len(times) > 1 else ""


def make_setup(base: Path, python: str) -> tuple[float, str, Path, dict[str, str]]:
    clone = _clone(Path(tempfile.mkdtemp(prefix="uv-", dir=base)) / "kit")
    env = _environment(Path(tempfile.mkdtemp(prefix="uv-cache-", dir=base)))
    seconds, output = _run(["make", "--no-print-directory", "setup", f"PYTHON={python}"], clone, env)
    return seconds, _how(output, env), clone, env


def pip_setup(base: Path, python: str) -> float:
    clone = _clone(Path(tempfile.mkdtemp(prefix="pip-", dir=base)) / "kit")
    env = _environment(Path(tempfile.mkdtemp(prefix="uv-cache-", dir=base)))
    start = time.perf_counter()
    _run([python, "-m", "venv", ".venv"], clone, env)
    pip = [".venv/bin/python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    _run([*pip, "--no-cache-dir", "-e", "."], clone, env)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--repeats", type=int, default=1, help="fresh set-ups of each kind, in turn (default 1)"
    )
    parser.add_argument(
        "--python", default="python3", help="the Python that makes both venvs (default python3)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary clones and print where")
    args = parser.parse_args(argv)
    if args.repeats < 1:
        parser.error("--repeats must be 1 or more")
    if shutil.which("git") is None or shutil.which("make") is None:
        print("bench_setup needs git and make")
        return 1

    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    changed = subprocess.run(
        ["git", "status", "--porcelain", "--", "Makefile", "tools", "pyproject.toml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    version = subprocess.run([args.python, "--version"], capture_output=True, text=True, check=True)
    print(
        f"fresh clones of {commit}, {args.repeats} set-up(s) of each kind in turn (median); "
        f"{args.python}: {version.stdout.strip()}"
    )
    if changed:
        print("note: Makefile, tools/ or pyproject.toml have uncommitted changes, which the clones lack")

    base = Path(tempfile.mkdtemp(prefix="bench-setup-"))
    try:
        uv_times, pip_times, hows = [], [], set()
        for _ in range(args.repeats):
            seconds, how, clone, env = make_setup(base, args.python)
            uv_times.append(seconds)
            hows.add(how)
            pip_times.append(pip_setup(base, args.python))
        again, _ = _run(["make", "--no-print-directory", "setup", f"PYTHON={args.python}"], clone, env)
        extras, _ = _run(["make", "--no-print-directory", "setup-test", f"PYTHON={args.python}"], clone, env)
    except SetupFailed as error:
        print(error)
        return 1
    finally:
        if args.keep:
            print(f"kept: {base}")
        else:
            shutil.rmtree(base, ignore_errors=True)

    uv, pip = statistics.median(uv_times), statistics.median(pip_times)
    print(
        f"make setup, cold (empty uv cache, no .venv; {', '.join(sorted(hows))}): {uv:.1f} s{_each(uv_times)}"
    )
    print(
        f"floor, python -m venv + pip install --no-cache-dir -e . (same packages): "
        f"{pip:.1f} s{_each(pip_times)}; ratio {uv / pip:.2f}x (goal <= 0.4x)"
    )
    print(f"make setup again (nothing to do): {again:.2f} s")
    print(f"make setup-test afterwards (adds the test and opensim extras): {extras:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
