"""Prepare the skeleton of a trainee's home: the caches a first class and handout would fill.

    python deploy/jupyterhub/make_skeleton.py /srv/innerthigh-kit/skeleton

matplotlib's font list, and the kit's drawn figures and lever diagrams (innerthigh_kit's diagram
cache) are the same for everyone, and building them takes a trainee's first handout seconds of
CPU. The hub copies this folder into each new home (``WorkshopSpawner.skeleton``), as /etc/skel
does for a new account, so a room of trainees does not draw the same pictures thirty times. Only
``.cache`` is kept; every trainee gets their own copy, owned by them. Run it again after
upgrading the kit (the cache is keyed by the drawing code, so a stale copy is only redrawn).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

WARM = """
import matplotlib.pyplot
import innerthigh_kit as kit
from innerthigh_kit.handouts import render_handout
from innerthigh_kit.handouts.diagram_cache import cached_figure_png
library = kit.load_library()
for exercise in library:  # every figure, at the handouts' and the app's size
    cached_figure_png(exercise)
plan = kit.build_plan(kit.ClassRequest(minutes=30), library)
render_handout(plan.save({plan!r}), {handout!r})
"""


def make_skeleton(target: Path) -> Path:
    with tempfile.TemporaryDirectory() as work:
        home = Path(work) / "home"
        home.mkdir()
        env = {k: v for k, v in os.environ.items() if k not in ("XDG_CACHE_HOME", "MPLCONFIGDIR")}
        env.update(HOME=str(home), MPLBACKEND="Agg")
        code = WARM.format(plan=str(Path(work) / "plan.yaml"), handout=str(Path(work) / "plan.html"))
        subprocess.run([sys.executable, "-c", code], cwd=work, env=env, check=True)
        target.mkdir(parents=True, exist_ok=True)
        shutil.copytree(home / ".cache", target / ".cache", dirs_exist_ok=True)
    return target


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python deploy/jupyterhub/make_skeleton.py SKELETON_FOLDER")
    print(f"skeleton ready: {make_skeleton(Path(sys.argv[1]))}")
