"""The lever explorers' next pictures, drawn ahead while nobody is moving a slider.

After each move the explorer asks for the pictures one slider step away (most likely first: the
same slider one step on in the same direction, then back, then two steps on, then the other
sliders either way). They are drawn in a worker process of their own, at the lowest CPU priority
(``nice 19``), with a figure and view of its own (:class:`~.lever_picture.Picture`), and land in a
small :class:`PictureCache`; a move to a cached state only sets the image and the status.

Why a process, not a thread or the kernel's event loop: the kernel reads comm messages on one
thread and handles them on its main thread, and a second Python thread drawing with Agg holds
the GIL in slices of 5 ms, which each hop of a message then waits for (measured here: a small
handler's 90th percentile went from ≈4 ms to ≈10 ms with a drawing thread beside it); on the
event loop, one picture (35–55 ms) would sit in front of any message that arrives while it is
drawn. A niced process shares neither the GIL nor the main thread, and yields the CPU to the
browser, the server and the kernel.

The worker starts on the first slider event (as a page loads the browser hands each slider's
value back: the worker is warm by the first real move) and only inside a running kernel, never
in tests, papermill or nbval runs; ``INNERTHIGH_KIT_PREFETCH=0`` turns it off.

Measured on this 2-core machine (bench/bench_browser.py's lever figure, moves 0.3 s apart): arrow
key to new picture ≈22 ms median against a plain slider's ≈12–17 ms (≈62–76 ms before). The
worker has the likeliest next picture ≈35–85 ms after a move: moves 100 ms apart are mostly
served from the cache, a held key (≈30 a second) or a fast drag (several steps a message) is
not, and is drawn here as before (≈46 ms).
"""

from __future__ import annotations

import collections
import functools
import logging
import multiprocessing
import os
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from typing import NamedTuple

import matplotlib

from ..anatomy import Pose
from .lever_picture import Picture

#: How many pictures each explorer keeps (≈70 kB each).
CACHE_SIZE = 40
_LOG = logging.getLogger(__name__)


class Spec(NamedTuple):
    """What the worker needs to draw an explorer's picture as the explorer draws it."""

    view_class: type
    size: tuple[float, float]
    pose: Pose  # the view's first pose and effort: the kept still parts are drawn at them
    effort: float
    describe: object  # a module-level function: view -> the status text


class State(NamedTuple):
    """A picture's state, rounded so that a float the browser hands back finds its picture."""

    pose: tuple[float, ...]
    effort: float  # percent, as the slider shows it

    @classmethod
    def of(cls, pose: Pose, effort: float) -> State:
        return cls(tuple(round(float(angle), 6) for angle in pose), round(float(effort) * 100, 6))

    def moved(self, name: str, by: float) -> State:
        if name == "effort":
            return self._replace(effort=round(self.effort + by, 6))
        pose = Pose(*self.pose)._replace(**{name: round(getattr(Pose(*self.pose), name) + by, 6)})
        return self._replace(pose=tuple(pose))

    def value(self, name: str) -> float:
        return self.effort if name == "effort" else getattr(Pose(*self.pose), name)


def neighbours(state: State, sliders: dict, last: tuple[str, int] | None) -> list[State]:
    """The states one step away on each slider, most likely first; ``sliders``: name -> (step, low,
    high); ``last``: the slider moved last and its direction (+1, -1), if any."""
    order = []
    if last is not None:
        name, sign = last
        order += [(name, sign), (name, -sign), (name, 2 * sign)]
    order += [(name, sign) for name in sliders for sign in (1, -1) if not last or name != last[0]]
    found = []
    for name, steps in order:
        step, low, high = sliders[name]
        moved = state.moved(name, steps * step)
        if low - 1e-9 <= moved.value(name) <= high + 1e-9 and moved not in found:
            found.append(moved)
    return found


class PictureCache:
    """The last ``size`` pictures (PNG, status) by state, least recently used out first; thread-safe."""

    def __init__(self, size: int = CACHE_SIZE):
        self.size = size
        self._items: collections.OrderedDict[State, tuple[bytes, str]] = collections.OrderedDict()
        self.lock = threading.Lock()

    def get(self, state: State) -> tuple[bytes, str] | None:
        with self.lock:
            found = self._items.get(state)
            if found is not None:
                self._items.move_to_end(state)
            return found

    def put(self, state: State, picture: tuple[bytes, str]) -> None:
        with self.lock:
            self._items[state] = picture
            self._items.move_to_end(state)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def __contains__(self, state: State) -> bool:
        with self.lock:
            return state in self._items

    def __len__(self) -> int:
        with self.lock:
            return len(self._items)


class Prefetcher:
    """Asks an executor (``submit(fn, *args) -> Future``) for the wanted pictures, in order.

    :meth:`want` names the states wanted now: the ones asked for before and no longer wanted are
    cancelled if the worker has not started them, and dropped (counted in :attr:`dropped`) if they
    arrive anyway. A picture arrives in the executor's own thread and goes into the cache there.
    """

    def __init__(self, spec: Spec, cache: PictureCache, executor):
        self.spec, self.cache, self.executor = spec, cache, executor
        self.rc = drawing_settings()  # the kernel's, at the explorer's birth: the worker draws with them
        self.dropped = 0
        self._lock = threading.RLock()  # cancelling runs the done callback in the caller's thread
        self._wanted: set[State] = set()
        self._pending: dict[State, Future] = {}

    def want(self, states: list[State]) -> None:
        with self._lock:
            self._wanted = set(states)
            for state, future in list(self._pending.items()):
                if state not in self._wanted:
                    future.cancel()  # a worker that has started it finishes it; _arrived drops it
            for state in states:
                if self.executor is None or state in self._pending or state in self.cache:
                    continue
                try:
                    future = self.executor.submit(render, self.spec, self.rc, state)
                except Exception:  # a worker that could not start or died: draw every move here
                    _LOG.warning("lever pictures are no longer drawn ahead", exc_info=True)
                    self.executor = None
                    return
                self._pending[state] = future
                future.add_done_callback(functools.partial(self._arrived, state))

    @property
    def pending(self) -> int:
        with self._lock:
            return len(self._pending)

    def _arrived(self, state: State, future: Future) -> None:
        with self._lock:
            if self._pending.get(state) is future:
                del self._pending[state]
            wanted = state in self._wanted
        if future.cancelled():
            return
        if future.exception() is not None:
            _LOG.warning("a lever picture could not be drawn ahead", exc_info=future.exception())
        elif wanted:
            self.cache.put(state, future.result())
        else:
            with self._lock:
                self.dropped += 1


def drawing_settings() -> dict:
    """matplotlib's settings as they stand (all but the backend): the worker draws with these."""
    return {key: value for key, value in matplotlib.rcParams.items() if key != "backend"}


def in_a_kernel() -> bool:
    """True inside a running IPython kernel, unless ``INNERTHIGH_KIT_PREFETCH=0``."""
    if os.environ.get("INNERTHIGH_KIT_PREFETCH", "1") == "0":
        return False
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - ipywidgets brings IPython
        return False
    shell = get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


_WORKER: list = []


def worker() -> ProcessPoolExecutor:
    """The kernel's one drawing process (started with the first picture asked for), at nice 19."""
    if not _WORKER:
        # spawn, not fork: a kernel has threads and sockets a forked child must not inherit
        context = multiprocessing.get_context("spawn")
        _WORKER.append(ProcessPoolExecutor(1, mp_context=context, initializer=_lower_priority))
    return _WORKER[0]


def _lower_priority() -> None:
    try:
        os.nice(19)
    except (AttributeError, OSError):  # pragma: no cover - not on every system
        pass


# In the worker: one Picture per spec, drawn with the settings last sent.
_PICTURES: dict[Spec, Picture] = {}
_SETTINGS: list[dict] = []


def render(spec: Spec, rc: dict, state: State) -> tuple[bytes, str]:
    """The PNG and status text of ``state``, drawn in a figure of the worker's own for ``spec``."""
    if not _SETTINGS or _SETTINGS[0] != rc:
        if rc != drawing_settings():
            matplotlib.rcParams.update(rc)
        _SETTINGS[:] = [rc]
        _PICTURES.clear()  # their kept still parts were drawn with other settings
    picture = _PICTURES.get(spec)
    if picture is None:
        picture = _PICTURES[spec] = Picture(spec.view_class, spec.size, spec.pose, spec.effort)
        picture.png()  # the full draw, at the explorer's first state as the explorer made it: from
        # here on both draw the moving artists over the same kept still parts, the same bytes
    png = picture.render(Pose(*state.pose), state.effort / 100)
    return png, spec.describe(picture.view)
