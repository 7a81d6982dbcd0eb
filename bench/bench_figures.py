"""Exercise figures: drawing one against a floor measured in the same run.

Floor: a plain matplotlib figure of the same size with the same number of lines and patches (the
same kinds, the same widths), saved as the same PNG. Goals: drawing an exercise figure <= 1.5x the
floor; a cached figure (the handouts' and widgets' path) <= 0.1x.
"""

from __future__ import annotations

import random
import statistics
import time

SIZE, DPI, RUNS = (1.5, 1.1), 150, 15


def _best(function, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    import io

    from matplotlib.patches import Circle, Polygon

    import innerthigh_kit as kit
    from innerthigh_kit.diagrams._style import kit_figure
    from innerthigh_kit.diagrams.figures import exercise_figure
    from innerthigh_kit.handouts import diagram_cache

    library = kit.load_library()
    drawn = [e for e in library if e.figure is not None and e.figure.end is not None]
    exercise = max(drawn, key=lambda e: len(e.figure.props)) if drawn else next(iter(library))
    sample = exercise_figure(exercise, size=SIZE)
    ax = sample.axes[0]
    lines, patches = len(ax.lines), len(ax.patches)

    def figure_png():
        exercise_figure(exercise, size=SIZE).savefig(io.BytesIO(), format="png", dpi=DPI)

    rng = random.Random(0)
    points = [[(rng.random(), rng.random()) for _ in range(3)] for _ in range(lines + patches)]

    def floor_png():
        figure = kit_figure(SIZE)
        axes = figure.add_axes((0, 0, 1, 1))
        axes.set_axis_off()
        for number in range(lines):
            xs, ys = zip(*points[number], strict=True)
            axes.plot(xs, ys, lw=6, solid_capstyle="round", color="#d9d9d9")
        for number in range(patches):
            shape = points[lines + number]
            patch = Circle(shape[0], 0.05) if number % 2 else Polygon(shape, closed=True, lw=4)
            axes.add_patch(patch)
        figure.savefig(io.BytesIO(), format="png", dpi=DPI)

    def cached_from_disk():
        diagram_cache._PNG.clear()  # the first call in a fresh handout kernel: the file on disk
        diagram_cache.cached_figure_png(exercise, "both", SIZE, DPI)

    figure_png(), floor_png()
    diagram_cache.cached_figure_png(exercise, "both", SIZE, DPI)  # fill the cache
    times = {"floor": [], "figure": [], "cached": []}
    for _ in range(3):  # in turn, so machine noise hits all alike
        times["floor"].append(_best(floor_png, 5))
        times["figure"].append(_best(figure_png, 5))
        times["cached"].append(_best(cached_from_disk, 5))
    floor, figure, cached = (min(times[k]) for k in ("floor", "figure", "cached"))
    print(
        f"exercise figure ({exercise.id}: {lines} lines, {patches} patches, PNG {SIZE[0]}x{SIZE[1]} in "
        f"at {DPI} dpi): drawn {figure * 1000:.1f} ms, floor (plain figure, same artists) "
        f"{floor * 1000:.1f} ms: {figure / floor:.2f}x (goal <= 1.5x); cached {cached * 1000:.2f} ms: "
        f"{cached / floor:.3f}x (goal <= 0.1x); spread {statistics.pstdev(times['floor']) * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()
