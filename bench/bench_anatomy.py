"""Anatomy speed: the kit's vectorised lengths and moment arms against OpenSim, and a slider update
against a plain redraw of the same figure. Prints figures; asserts nothing (machines are noisy).

Run from the repository root: python bench/bench_anatomy.py
"""

from __future__ import annotations

import math
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from innerthigh_kit import anatomy  # noqa: E402

POSES = 1000
MODEL_FILE = ROOT / "tests" / "data" / "gait2392_thelen2003muscle.osim"


def random_poses(n: int) -> np.ndarray:
    rng = np.random.default_rng(0)
    return np.column_stack(
        [rng.uniform(-20, 100, n), rng.uniform(-40, 20, n), rng.uniform(-30, 30, n), rng.uniform(-100, 0, n)]
    )


def median_ms(job, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def kit_all(poses: np.ndarray) -> None:
    for name in anatomy.MUSCLES:
        anatomy.moment_arms(name, *poses.T)  # length and the four moment arms in one pass


def opensim_all(poses: np.ndarray):
    """OpenSim doing the same work, or None when its bindings are not installed."""
    try:
        import opensim
    except ImportError:
        return None
    opensim.Logger.removeFileSink()
    opensim.Logger.setLevelString("error")
    model = opensim.Model(str(MODEL_FILE))
    state = model.initSystem()
    coordinates = [model.getCoordinateSet().get(anatomy.MODEL_COORDINATES[c]) for c in anatomy.COORDINATES]
    muscles = [model.getMuscles().get(anatomy.MODEL_NAMES[m]) for m in anatomy.MUSCLES]

    def job():
        for pose in poses:
            for coordinate, degrees in zip(coordinates, pose, strict=True):
                coordinate.setValue(state, math.radians(degrees), False)
            model.realizePosition(state)
            for muscle in muscles:
                muscle.getLength(state)
                for coordinate in coordinates:
                    muscle.computeMomentArm(state, coordinate)

    return median_ms(job, 3)


def slider_update(repeats: int = 30) -> tuple[float, float, float]:
    from matplotlib.figure import Figure

    from innerthigh_kit.diagrams import KneeView

    figure = Figure(figsize=(8.3, 7.2))
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(figure)
    view = KneeView(figure.add_axes((0.02, 0.03, 0.96, 0.9)))
    canvas.draw()
    plain = median_ms(canvas.draw, repeats)
    angles = iter(np.tile([-10.0, -20.0], repeats * 2))

    def hip_update():
        view.update(hip_adduction=next(angles))
        canvas.draw()

    knees = iter(np.tile([-10.0, -60.0], repeats * 2))

    def knee_update():
        view.update(knee_angle=next(knees))
        canvas.draw()

    return plain, median_ms(hip_update, repeats), median_ms(knee_update, repeats)


def main() -> int:
    poses = random_poses(POSES)
    kit_all(poses)  # warm the geometry cache
    kit = median_ms(lambda: kit_all(poses), 20)
    print(f"kit: 7 muscles x {POSES} poses, length + 4 moment arms: {kit:.2f} ms")
    theirs = opensim_all(poses)
    if theirs is None:
        print("opensim: not installed (pip install -e '.[opensim]'): no comparison")
    else:
        print(f"opensim: the same work: {theirs:.0f} ms (kit is {theirs / kit:.0f}x faster; goal >= 100x)")
    plain, hip, knee = slider_update()
    print(f"redraw, nothing changed (Agg, knee view): {plain:.1f} ms (floor)")
    ratio = hip / plain
    print(f"slider update, hip (7 muscles + redraw): {hip:.1f} ms ({ratio:.2f}x vs floor; goal <= 1.5x)")
    print(f"slider update, knee angle (gracilis + redraw): {knee:.1f} ms ({knee / plain:.2f}x vs floor)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
