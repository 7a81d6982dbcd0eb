"""Import time of the kit against matplotlib.pyplot, and the time to load the whole library.

- import: `import innerthigh_kit` in a fresh interpreter, minus `python -c pass`, against the same
  for `import matplotlib.pyplot` (goal: ratio <= 1.2 — heavy imports stay lazy).
- library: `load_library()` (read, validate, link-check every file) against the floor of only
  parsing the same YAML files with PyYAML's safe loader.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _startup(code: str, runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _median(function, runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    bare = _startup("pass")
    kit = _startup("import innerthigh_kit") - bare
    pyplot = _startup("import matplotlib.pyplot") - bare
    print(
        f"import innerthigh_kit: {kit * 1000:.0f} ms; import matplotlib.pyplot: "
        f"{pyplot * 1000:.0f} ms; ratio {kit / pyplot:.2f}x (goal <= 1.2x)"
    )

    import yaml

    from innerthigh_kit._data import data_path
    from innerthigh_kit._yaml import SAFE_LOADER
    from innerthigh_kit.exercises import load_library

    files = sorted(data_path("exercises").glob("*.yaml"))
    # the floor parses with the same (fastest available) safe loader the kit uses
    floor = _median(
        lambda: [
            yaml.load(f.read_text(), Loader=SAFE_LOADER)  # noqa: S506
            for f in files
        ]
    )
    load = _median(load_library)
    count = len(load_library())
    print(
        f"load and validate the library ({count} exercises, {len(files)} files): "
        f"{load * 1000:.1f} ms; ratio {load / floor:.2f}x against only parsing the YAML "
        f"({floor * 1000:.1f} ms)"
    )


if __name__ == "__main__":
    main()
