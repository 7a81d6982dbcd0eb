"""A workshop's load: N trainees at once on a real hub (default 10; `make bench TRAINEES=20`),
each logging in, starting a server, pulling the notebooks, opening the app, building and saving a
class and printing its handout; against the floor, one trainee alone on the same hub, first.

Prints each step's median and 95th percentile beside the floor, the ratio, how many failed, and
each trainee's peak memory (PSS: shared pages counted once, by share) and CPU seconds, from /proc,
grouped by the trainee a process serves (JUPYTERHUB_USER in its environment). Goal: N = 10 at
once within 3x the one-trainee time per step on this 2-core machine, with none failed.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.hub.conftest import (  # noqa: E402
    CHP,
    Hub,
    _reachable_by_trainees,
    simulate,  # noqa: E402
)

GOAL = 3.0
CLOCK = os.sysconf("SC_CLK_TCK")


def _trainee_of(pid: str) -> str | None:
    try:
        environ = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    except OSError:
        return None
    for entry in environ:
        if entry.startswith(b"JUPYTERHUB_USER="):
            return entry.split(b"=", 1)[1].decode()
    return None


def _pss_kb(pid: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _cpu_seconds(pid: str) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLOCK  # utime + stime


class Meter(threading.Thread):
    """Samples every trainee's processes: peak memory (sum of PSS) and CPU seconds per pid."""

    def __init__(self, every: float = 0.25):
        super().__init__(daemon=True)
        self.every, self.stopped = every, threading.Event()
        self.peak: dict[str, int] = {}
        self.cpu: dict[tuple[str, str], float] = {}

    def run(self) -> None:
        while not self.stopped.is_set():
            now: dict[str, int] = {}
            for pid in filter(str.isdigit, os.listdir("/proc")):
                trainee = _trainee_of(pid)
                if trainee:
                    now[trainee] = now.get(trainee, 0) + _pss_kb(pid)
                    self.cpu[(trainee, pid)] = max(self.cpu.get((trainee, pid), 0.0), _cpu_seconds(pid))
            for trainee, kb in now.items():
                self.peak[trainee] = max(self.peak.get(trainee, 0), kb)
            time.sleep(self.every)

    def cpu_of(self, trainee: str) -> float:
        return sum(seconds for (name, _), seconds in self.cpu.items() if name == trainee)


def _table(floor: dict, room: dict) -> bool:
    print(
        f"{'step':16s} {'alone':>8s} {'median':>8s} {'p95':>8s} {'ratio':>7s}  (seconds; ratio = p95 / alone)"
    )
    met = True
    for step in simulate.STEPS:
        alone = floor[step][0]
        median, p95 = room[step]
        ratio = p95 / alone if alone else float("inf")
        met &= ratio <= GOAL
        print(f"{step:16s} {alone:8.2f} {median:8.2f} {p95:8.2f} {ratio:6.2f}x")
    return met


def main() -> int:
    count = int(os.environ.get("TRAINEES", "10"))
    if not CHP.exists():
        print(f"configurable-http-proxy is missing ({CHP}): run `make setup-hub`")
        return 1
    folder = Path(tempfile.mkdtemp(prefix="itk-hub-bench-"))
    folder.chmod(0o711)
    python = Path(os.path.realpath(sys.executable))
    with _reachable_by_trainees(python.parent, ROOT / ".venv", ROOT):
        hub = Hub(folder)
        meter = Meter()
        meter.start()
        try:
            alone, failed_alone = simulate.run_trainees(1, lambda i: hub.trainee("alone"))
            started = time.perf_counter()
            done, failed = simulate.run_trainees(count, lambda i: hub.trainee(f"room-{i:03d}"))
            wall = time.perf_counter() - started
        finally:
            meter.stopped.set()
            meter.join()
            hub.stop()
            shutil.rmtree(folder, ignore_errors=True)
    if failed_alone:
        print(f"the one trainee alone failed: {failed_alone[0]}")
        return 1
    print(f"{count} trainees at once on {os.cpu_count()} cores, after one alone (the floor):")
    met = _table(simulate.step_figures(alone), simulate.step_figures(done))
    names = [t.name for t in done]
    peaks = [meter.peak.get(name, 0) / 1024 for name in names]
    cpus = [meter.cpu_of(name) for name in names]
    print(f"failed: {len(failed)} of {count}" + "".join(f"\n  {error}" for error in failed))
    print(f"the whole room: {wall:.1f} s from the first login to the last handout")
    if peaks:
        print(
            f"peak memory per trainee (PSS): median {statistics.median(peaks):.0f} MB, max {max(peaks):.0f} MB"
        )
        print(f"CPU per trainee's flow: median {statistics.median(cpus):.1f} s, max {max(cpus):.1f} s")
    print(
        f"goal: every step's p95 within {GOAL:.0f}x one trainee alone, none failed: "
        f"{'met' if met and not failed else 'not met'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
