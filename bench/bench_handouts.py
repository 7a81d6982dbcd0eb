"""Handout speed, as ratios against floors measured in the same run.

- one handout (HTML, diagrams from the cache) against the floor of papermill running a trivial
  one-cell notebook plus the in-process HTML export of it (goal <= 1.25x);
- a 20-plan workshop with 2 jobs against the same with 1 job (goal <= 0.6x).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from innerthigh_kit.handouts.render import kernel_manager_class

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _interleaved(first, second, runs: int) -> tuple[float, float]:
    """Best times of two functions run in turn, so machine noise hits both alike.

    The best of several runs (as timeit advises) is the least noisy estimate of the cost
    itself; noise only ever adds time.
    """
    times: tuple[list, list] = ([], [])
    for _ in range(runs):
        for function, bucket in zip((first, second), times, strict=True):
            start = time.perf_counter()
            function()
            bucket.append(time.perf_counter() - start)
    return min(times[0]), min(times[1])


def _median(function, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    import nbformat
    import papermill
    from nbconvert import HTMLExporter
    from nbformat.v4 import new_code_cell, new_notebook

    import innerthigh_kit as kit
    from innerthigh_kit.handouts import render_handout, render_workshop

    tmp = Path(tempfile.mkdtemp(prefix="bench-handouts-"))
    trivial = tmp / "trivial.ipynb"
    nbformat.write(
        new_notebook(
            cells=[new_code_cell("1 + 1")],
            metadata={"kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"}},
        ),
        trivial,
    )

    def floor():
        papermill.execute_notebook(
            str(trivial),
            str(tmp / "trivial-out.ipynb"),
            kernel_name="python3",
            progress_bar=False,
            shutdown_kernel="immediate",
            kernel_manager_class=kernel_manager_class(),
        )
        HTMLExporter(template_name="basic").from_filename(str(tmp / "trivial-out.ipynb"))

    library = kit.load_library()
    plan = kit.build_plan(kit.ClassRequest(minutes=45, level=1, equipment=["small-ball"]), library, seed=1)
    plan_path = tmp / "plan.yaml"
    plan.save(plan_path)
    counter = iter(range(10_000))

    def handout():
        render_handout(plan_path, tmp / f"handout-{next(counter)}.html")

    handout()  # warm the diagram cache and the OS file cache, as in any real session
    floor()
    floor_time, handout_time = _interleaved(floor, handout, runs=7)
    print(
        f"one handout (HTML, best of 7, in turn with the floor): {handout_time:.2f} s; "
        f"floor (papermill trivial notebook + HTML export): {floor_time:.2f} s; "
        f"ratio {handout_time / floor_time:.2f}x (goal <= 1.25x)"
    )

    plans = tmp / "plans"
    plans.mkdir()
    for number in range(20):
        kit.build_plan(
            kit.ClassRequest(
                minutes=30 + (number % 4) * 10, level=1 + number % 2, equipment=["small-ball", "band"]
            ),
            library,
            seed=number,
        ).save(plans / f"trainee-{number:02d}.yaml")

    def workshop(jobs):
        out = tmp / f"workshop-{jobs}-{next(counter)}"
        start = time.perf_counter()
        result = render_workshop(plans, out, jobs=jobs, progress=False)
        assert result.ok, result.failed
        return time.perf_counter() - start

    one = workshop(1)
    two = workshop(2)
    print(
        f"20-plan workshop: --jobs 1 {one:.1f} s, --jobs 2 {two:.1f} s; ratio {two / one:.2f}x (goal <= 0.6x)"
    )


if __name__ == "__main__":
    main()
