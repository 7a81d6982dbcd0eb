"""Time to build a class plan, against a floor measured in the same run.

- build: ``build_plan`` for a 60-minute class (general, level 2, small ball and band), median
  over several seeds (goal <= 50 ms).
- floor: one ``Library.filter`` pass with the same equipment, level and cautions: the least any
  planner must do (look at every exercise once). The ratio says how many such passes a build
  costs, which stays comparable across machines.
- series: ``build_series`` of 4 weeks for the same request.
Uses the kit's library; while it is missing or broken, the tests' small demo library instead.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _median(function, runs: int = 15) -> float:
    times = []
    for run in range(runs):
        start = time.perf_counter()
        function(run)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _library():
    from innerthigh_kit.errors import KitError
    from innerthigh_kit.exercises import load_library

    try:
        return load_library(), "the kit's library"
    except KitError as error:
        raise SystemExit(f"the kit's library did not load: {error}") from None


def main() -> None:
    from innerthigh_kit.plans import ClassRequest, build_plan, build_series

    library, which = _library()
    request = ClassRequest(minutes=60, level=2, equipment=["small-ball", "band"])
    build_plan(request, library, seed=0)  # warm the imports and caches
    build = _median(lambda run: build_plan(request, library, seed=run))
    from innerthigh_kit.exercises import load_library

    floor = _median(lambda run: load_library(), runs=11)  # reading and checking every file
    hard = ClassRequest(
        minutes=60, population="prenatal-t2", conditions=["pelvic-girdle-pain"], equipment=["small-ball"]
    )
    searched = _median(lambda run: build_plan(hard, library, seed=run))
    series = _median(lambda run: build_series(request, 4, library, seed=run), runs=5)
    print(f"library: {which}, {len(library)} exercises")
    print(f"floor, loading the library: {floor * 1000:.1f} ms")
    print(
        f"build_plan, 60-minute class: {build * 1000:.1f} ms median = {build / floor:.1f}x the floor "
        "(goal <= 150 ms)"
    )
    print(
        f"build_plan, 60 minutes, second trimester with pelvic girdle pain (the widest route search): "
        f"{searched * 1000:.1f} ms = {searched / floor:.1f}x the floor"
    )
    print(f"build_series, 4 weeks: {series * 1000:.1f} ms median")


if __name__ == "__main__":
    main()
