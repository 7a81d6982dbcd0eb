"""In a real browser: how instant the explorers, the builder and the app feel, against floors
measured on the same page load (issue 13, "Instant").

Debian's chromium (headless) driven by Playwright, against one voila server on 127.0.0.1 serving
a temporary copy of notebooks/ plus three generated notebooks (never written into the
repository). Each generated notebook puts a plain ipywidgets IntSlider → Label round trip (the
floor) on the same page as what is measured, and the moves alternate between the two, so machine
noise hits both alike. Times are taken by the page's own clock (keydown to the DOM change,
seen by a MutationObserver), so Playwright's own latency is in neither (changes inside the hidden
Teach tab's run screen are not counted: its clock redraws every 100 ms on its own, and "settled"
would never come). Each move starts from a settled page (``SETTLE`` after the last): ipywidgets
sends a widget's next change only once the kernel has said "idle" after the previous one, so
back-to-back presses would time that wait too (on this machine it lifts the plain floor from
≈13 ms to ≈47 ms).

1. Lever explorer: an arrow key on the hip-bend handle to the explorer's next ``itk-update-N``
   marker (set after the new picture) · floor: the plain slider → label. Goal <= 1.5x.
2. Class builder: a new number in the sets box + Enter to both the changed ``.itk-total`` text
   and the timeline redrawn (its ``data-version`` changed: it is set after each drawing) ·
   floor: the plain slider → label. Goal <= 1.5x. Also shown, without a goal: to the last
   change anywhere on the page (the builder writes the rows, the timeline and the total first,
   then the checks, the reasoning, the add list, the figure and the boxes).
3. App start: navigation to the Build button visible and enabled (04_class_builder.ipynb) ·
   floor: navigation to the plain slider visible (a one-cell notebook). Goal <= 1.3x.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  (the tests' own flags)

MOVES, WARM_UP, STARTS, SETTLE = 15, 3, 5, 0.3

FLOOR_CELL = """import ipywidgets as w

floor_slider = w.IntSlider(value=0, min=0, max=1000, description="floor")
floor_slider.add_class("itk-floor-slider")
floor_label = w.Label(value="0")
floor_label.add_class("itk-floor-label")
floor_slider.observe(lambda change: setattr(floor_label, "value", str(change["new"])), names="value")
w.VBox([floor_slider, floor_label])"""
LEVERS_CELL = """from innerthigh_kit.widgets.levers import explore_knee

box = explore_knee()
box.explorer.sliders["hip_flexion"].add_class("itk-bench-hip")
box"""
BUILDER_CELL = """from innerthigh_kit.widgets import class_builder

class_builder()"""

# Arm a timing: t0 at the next keydown anywhere, t1 when all the conditions first hold after it
# (each [selector, kind, arg]: 'class' has the class arg, 'text' differs from arg, 'version' has a
# data-version other than arg); `last` follows every later change of the page (for "settled").
ARM = """(conditions) => {
  const state = {t0: null, t1: null, last: null};
  window.itkTiming = state;
  document.addEventListener('keydown', () => { if (state.t0 === null) state.t0 = performance.now(); },
                            {capture: true, once: true});
  const one = ([selector, kind, arg]) => {
    const element = document.querySelector(selector);
    if (!element) return false;
    if (kind === 'class') return element.classList.contains(arg);
    if (kind === 'version') return element.dataset.version !== arg;
    return element.textContent !== arg;
  };
  const holds = () => conditions.every(one);
  // the Teach tab's run screen redraws its clock every 100 ms on its own: not a change from the edit
  const ticking = (record) => {
    const node = record.target.nodeType === Node.ELEMENT_NODE ? record.target : record.target.parentElement;
    return Boolean(node && node.closest('.itk-run'));
  };
  const selector = conditions.map(c => c[0]).join(' + ');
  state.done = new Promise((resolve, reject) => {
    const observer = new MutationObserver((records) => {
      if (state.t0 === null || records.every(ticking)) return;
      state.last = performance.now();
      if (state.t1 === null && holds()) { state.t1 = state.last; resolve(state.t1 - state.t0); }
    });
    observer.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
    state.observer = observer;
    setTimeout(() => reject(new Error('no change within 30 s: ' + selector)), 30000);
  });
}"""
DONE = "() => window.itkTiming.done"
# Resolve once the page has been quiet for `quiet` ms; the time of its last change after keydown.
SETTLED = """(quiet) => new Promise(resolve => {
  const state = window.itkTiming;
  const check = () => {
    if (performance.now() - state.last < quiet) return setTimeout(check, 25);
    state.observer.disconnect();
    resolve(state.last - state.t0);
  };
  check();
})"""


def _notebook(*sources: str) -> dict:
    cells = [
        {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": source}
        for source in sources
    ]
    kernelspec = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    return {"cells": cells, "metadata": {"kernelspec": kernelspec}, "nbformat": 4, "nbformat_minor": 5}


def _workspace(tmp: Path) -> tuple[Path, dict]:
    """A copy of notebooks/ with the generated notebooks beside it; a temp HOME and plans folder."""
    folder = tmp / "notebooks"
    shutil.copytree(
        ROOT / "notebooks", folder, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__")
    )
    for name, sources in (
        ("bench_floor", (FLOOR_CELL,)),
        ("bench_levers", (FLOOR_CELL, LEVERS_CELL)),
        ("bench_builder", (FLOOR_CELL, BUILDER_CELL)),
    ):
        (folder / f"{name}.ipynb").write_text(json.dumps(_notebook(*sources), indent=1))
    (tmp / "home").mkdir()
    env = {
        **os.environ,
        "HOME": str(tmp / "home"),
        "JUPYTER_PLATFORM_DIRS": "1",
        "MPLBACKEND": "Agg",
        "INNERTHIGH_KIT_PLANS_DIR": str(tmp / "saved-plans"),
    }
    return folder, env


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Voila:
    """voila serving a folder on 127.0.0.1; stopped by its PID, and its kernels by theirs."""

    def __init__(self, folder: Path, env: dict, log: Path):
        port = _free_port()
        self.base = f"http://127.0.0.1:{port}"
        self._log = log.open("w")
        command = [
            str(Path(sys.executable).parent / "voila"),
            "--no-browser",
            "--Voila.ip=127.0.0.1",
            f"--port={port}",
            str(folder),
        ]
        self.process = subprocess.Popen(
            command, cwd=folder, env=env, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.kernels: set[int] = set()
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"voila exited early:\n{log.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(self.base + "/", timeout=2):
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"voila did not answer:\n{log.read_text()[-3000:]}")

    def url(self, notebook: str) -> str:
        return f"{self.base}/voila/render/{notebook}"

    def note_kernels(self) -> None:
        """Remember the kernels voila started (they run in sessions of their own)."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        if children.exists():
            self.kernels.update(int(pid) for pid in children.read_text().split())

    def stop(self) -> None:
        self.note_kernels()
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._log.close()
        for pid in self.kernels:  # voila shuts them down on SIGTERM; any it missed end here
            try:
                os.kill(pid, 9)
            except ProcessLookupError:
                pass


def _timed(page, selector: str, kind: str, arg: str, act, *more: tuple[str, str, str]) -> float:
    """Milliseconds from the keydown that ``act`` sends to the condition (and ``more``) holding,
    by the page's clock."""
    page.evaluate(ARM, [[selector, kind, arg], *more])
    act()
    return page.evaluate(DONE)


def _floor_move(page) -> float:
    time.sleep(SETTLE)
    label = page.locator(".itk-floor-label")
    before = label.text_content()
    return _timed(
        page,
        ".itk-floor-label",
        "text",
        before,
        lambda: page.locator(".itk-floor-slider .noUi-handle").press("ArrowRight"),
    )


def _lever_move(page) -> float:
    time.sleep(SETTLE)
    status = page.locator(".innerthigh-lever-status")
    marks = [c for c in status.get_attribute("class").split() if c.startswith("itk-update-")]
    following = f"itk-update-{int(marks[0].rsplit('-', 1)[1]) + 1}"
    handle = page.locator(".itk-bench-hip .noUi-handle")
    return _timed(page, ".innerthigh-lever-status", "class", following, lambda: handle.press("ArrowRight"))


def _open(browser, url: str, ready: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(90_000)
    page.goto(url)
    page.locator(ready).first.wait_for(state="visible")
    page.locator(".itk-floor-label").wait_for(state="visible")
    return context, page


def _alternate(first, second, runs: int = MOVES, warm_up: int = WARM_UP) -> tuple[list, list]:
    """Call the two in turn; the first ``warm_up`` rounds are not kept."""
    times: tuple[list, list] = ([], [])
    for number in range(warm_up + runs):
        for kept, function in zip(times, (first, second), strict=True):
            value = function()
            if number >= warm_up:
                kept.append(value)
    return times


def lever_figure(browser, voila: Voila) -> tuple[list, list]:
    context, page = _open(browser, voila.url("bench_levers.ipynb"), ".innerthigh-lever-status")
    try:
        voila.note_kernels()
        return _alternate(lambda: _lever_move(page), lambda: _floor_move(page))
    finally:
        context.close()


def builder_figure(browser, voila: Voila) -> tuple[list, list, list]:
    context, page = _open(browser, voila.url("bench_builder.ipynb"), "button.itk-build:not([disabled])")
    try:
        voila.note_kernels()
        page.locator("button.itk-build").click()
        page.locator(".itk-total").get_by_text("Total").wait_for()
        page.locator(".itk-dosage.itk-editing-1").wait_for()
        sets = page.locator(".itk-sets input")
        first = int(sets.input_value())
        settled = []

        def edit() -> float:
            time.sleep(SETTLE)
            value = first + 1 if int(sets.input_value()) == first else first
            sets.fill(str(value))
            before = page.locator(".itk-total").text_content()
            version = page.locator(".itk-timeline").get_attribute("data-version")
            redrawn = (".itk-timeline", "version", version)  # the timeline drawn from the new blocks
            elapsed = _timed(page, ".itk-total", "text", before, lambda: sets.press("Enter"), redrawn)
            settled.append(page.evaluate(SETTLED, 400))
            return elapsed

        edits, floors = _alternate(edit, lambda: _floor_move(page))
        return edits, floors, settled[WARM_UP:]
    finally:
        context.close()


def _start(browser, url: str, ready: str) -> float:
    """Milliseconds from navigation to ``ready`` visible, by the page's clock (a fresh context)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.set_default_timeout(90_000)
        page.goto(url, wait_until="commit")
        handle = page.wait_for_function(
            "(sel) => { const e = document.querySelector(sel);"
            " return e && e.offsetParent !== null && performance.now(); }",
            arg=ready,
            polling=20,
        )
        return handle.json_value()
    finally:
        context.close()


def start_figure(browser, voila: Voila) -> tuple[list, list]:
    app = lambda: _start(browser, voila.url("04_class_builder.ipynb"), "button.itk-build:not([disabled])")  # noqa: E731
    floor = lambda: _start(browser, voila.url("bench_floor.ipynb"), ".itk-floor-slider .noUi-handle")  # noqa: E731
    return _alternate(app, floor, runs=STARTS, warm_up=1)


def _row(name: str, times: list, floor: list | None, goal: float | None) -> str:
    median = statistics.median(times)
    if floor is None:
        return f"{name:<50} {median:>9.0f} {'':>9} {'':>7} {'':>6}  (no goal)"
    base = statistics.median(floor)
    ratio = median / base
    verdict = "met" if ratio <= goal else "not met"
    return f"{name:<50} {median:>9.0f} {base:>9.0f} {ratio:>6.2f}x {goal:>5.1f}x  {verdict}"


def main() -> int:
    if not CHROMIUM.exists():
        print("skipped: Debian's chromium is not installed (make browser-deps)")
        return 0
    from playwright.sync_api import sync_playwright

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="itk-bench-browser-") as tmp:
        folder, env = _workspace(Path(tmp))
        voila = Voila(folder, env, Path(tmp) / "voila.log")
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
                )
                try:
                    levers, lever_floor = lever_figure(browser, voila)
                    edits, builder_floor, settled = builder_figure(browser, voila)
                    app, app_floor = start_figure(browser, voila)
                finally:
                    browser.close()
        finally:
            voila.stop()
    print(f"{'figure (medians, ms)':<50} {'median':>9} {'floor':>9} {'ratio':>7} {'goal':>6}  result")
    print(_row(f"lever explorer: arrow key → new picture ({MOVES})", levers, lever_floor, 1.5))
    print(_row(f"class builder: sets + Enter → total+timeline ({MOVES})", edits, builder_floor, 1.5))
    print(_row("  … → the page's last change (settled)", settled, None, None))
    print(_row(f"app start: navigation → Build enabled ({STARTS})", app, app_floor, 1.3))
    lever_page, builder_page = statistics.median(lever_floor), statistics.median(builder_floor)
    pages = f"lever page {lever_page:.0f} ms, builder page {builder_page:.0f} ms"
    print(
        f"floors: a plain IntSlider → Label on the same page ({pages}); for the start, voila on a "
        f"one-cell IntSlider notebook. Whole bench {time.perf_counter() - started:.0f} s."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
