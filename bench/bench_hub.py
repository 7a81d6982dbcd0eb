"""A workshop's load: N trainees at once on a real hub (default 10; `make bench TRAINEES=20`),
each logging in, starting a server, pulling the notebooks, opening the app, building and saving a
class and printing its handout; against the floor, one trainee alone on the same hub, first.

Prints each step's median and 95th percentile beside the floor, the ratio, how many failed, and
each trainee's peak memory (PSS: shared pages counted once, by share) and CPU seconds, from /proc,
grouped by the trainee a process serves (JUPYTERHUB_USER in its environment). Goal: N = 10 at
once within 3x the one-trainee time per step on this 2-core machine, with none failed. Then the
same room arriving over a minute (`ARRIVAL=60`, seconds), as trainees do when told "log in now".
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

    def __init__(self, every: float = 0.5):
        super().__init__(daemon=True)
        self.every, self.stopped = every, threading.Event()
        self._whose: dict[str, str | None] = {}  # pid -> trainee, read once per process
        self.peak: dict[str, int] = {}
        self.cpu: dict[tuple[str, str], float] = {}

    def run(self) -> None:
        while not self.stopped.is_set():
            now: dict[str, int] = {}
            for pid in filter(str.isdigit, os.listdir("/proc")):
                if pid not in self._whose:
                    self._whose[pid] = _trainee_of(pid)
                trainee = self._whose[pid]
                if trainee:
                    now[trainee] = now.get(trainee, 0) + _pss_kb(pid)
                    self.cpu[(trainee, pid)] = max(self.cpu.get((trainee, pid), 0.0), _cpu_seconds(pid))
            for trainee, kb in now.items():
                self.peak[trainee] = max(self.peak.get(trainee, 0), kb)
            time.sleep(self.every)

    def cpu_of(self, trainee: str) -> float:
        return sum(seconds for (name, _), seconds in self.cpu.items() if name == trainee)


def _table(floor: dict, room: dict, cpu: dict) -> bool:
    print(
        f"  {'step':15s} {'alone':>6s} {'CPU':>5s} {'median':>7s} {'p95':>7s} {'x alone':>8s} {'p95 x':>6s}"
    )
    met = True
    for step in simulate.STEPS:
        alone, (median, p95) = floor[step][0], room[step]
        met &= median <= GOAL * alone
        print(
            f"  {step:15s} {alone:6.2f} {cpu.get(step, 0):5.2f} {median:7.2f} {p95:7.2f} "
            f"{median / alone:7.2f}x {p95 / alone:5.2f}x"
        )
    return met


def _room(hub, meter, count: int, arrival: float, floor: dict, cpu: dict, tag: str) -> bool:
    started = time.perf_counter()
    done, failed = simulate.run_trainees(count, lambda i: hub.trainee(f"{tag}-{i:03d}"), arrival=arrival)
    wall = time.perf_counter() - started
    how = "all at once" if not arrival else f"arriving over {arrival:.0f} s"
    print(f"{count} trainees, {how} ({wall:.0f} s from the first login to the last handout):")
    met = _table(floor, simulate.step_figures(done), cpu) if done else False
    print(f"  failed: {len(failed)} of {count}" + "".join(f"\n    {error}" for error in failed))
    peaks = [meter.peak.get(t.name, 0) / 1024 for t in done]
    cpus = [meter.cpu_of(t.name) for t in done]
    if peaks:
        memory = f"median {statistics.median(peaks):.0f} MB, max {max(peaks):.0f} MB"
        print(f"  peak memory per trainee (PSS): {memory}")
        print(f"  CPU per trainee: median {statistics.median(cpus):.1f} s, max {max(cpus):.1f} s")
    verdict = "met" if met and not failed else "not met"
    print(f"  goal, every step's median within {GOAL:.0f}x one trainee alone and none failed: {verdict}")
    return met and not failed


def _alone(hub, meter) -> tuple[dict, dict]:
    """One trainee, alone on the hub: the floor per step, and each step's CPU seconds."""
    cpu, last = {}, [0.0]

    def on_step(trainee, step):
        time.sleep(0.5)  # let the meter see the step's processes (a kernel ends with its step)
        total = meter.cpu_of(trainee.name)
        cpu[step], last[0] = total - last[0], total

    done, failed = simulate.run_trainees(1, lambda i: hub.trainee("alone"), on_step=on_step)
    if failed:
        raise RuntimeError(f"the one trainee alone failed: {failed[0]}")
    return simulate.step_figures(done), cpu


def main() -> int:
    count = int(os.environ.get("TRAINEES", "10"))
    arrival = float(os.environ.get("ARRIVAL", "60"))
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
            floor, cpu = _alone(hub, meter)
            flow = sum(cpu.values())
            print(f"one trainee alone: {sum(v[0] for v in floor.values()):.1f} s, {flow:.1f} s of CPU;")
            print(
                f"so {count} at once need at least {count * flow / (os.cpu_count() or 1):.0f} s of "
                f"{os.cpu_count()} cores' time, {count / (os.cpu_count() or 1):.1f}x each step's CPU"
            )
            _room(hub, meter, count, 0.0, floor, cpu, "room")
            _room(hub, meter, count, arrival, floor, cpu, "arriving")
        finally:
            meter.stopped.set()
            meter.join()
            hub.stop()
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
