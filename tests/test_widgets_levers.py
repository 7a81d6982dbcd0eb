"""The lever explorers: sliders move the drawn artists, recompute only what changed, report a status."""

from __future__ import annotations

import multiprocessing
import time
from concurrent.futures import Future, ProcessPoolExecutor
from io import BytesIO

import ipywidgets as w
import numpy as np
import pytest

import innerthigh_kit
from innerthigh_kit.widgets import lever_prefetch, levers
from innerthigh_kit.widgets.lever_prefetch import PictureCache, State


def test_explore_knee_is_a_container_with_sliders_figure_and_status():
    ui = innerthigh_kit.explore_knee()
    assert isinstance(ui, w.VBox)
    explorer = ui.explorer
    assert set(explorer.sliders) == {"hip_flexion", "hip_adduction", "hip_rotation", "knee_angle", "effort"}
    assert isinstance(explorer.figure_widget, w.Image) and bytes(explorer.figure_widget.value).startswith(
        b"\x89PNG"
    )
    assert "N·m" in explorer.status.value


def test_knee_slider_moves_the_gracilis_only_and_redraws():
    explorer = innerthigh_kit.explore_knee().explorer
    tibia = explorer.view.tibia
    before_tibia = np.array(tibia.get_xydata())
    before_png, before_count = explorer.figure_widget.value, explorer.redraws
    explorer.sliders["knee_angle"].value = -60
    assert explorer.view.recomputed == ("gracilis",)
    assert not np.allclose(before_tibia, tibia.get_xydata())
    assert explorer.figure_widget.value != before_png
    assert explorer.redraws == before_count + 1
    assert f"itk-update-{explorer.redraws}" in explorer.status._dom_classes  # a marker, not words
    assert "update" not in explorer.status.value


def test_effort_slider_changes_arrows_and_moment_without_geometry():
    explorer = innerthigh_kit.explore_knee().explorer
    arrow = explorer.view.arrows["adductor_longus"]
    start, end = (np.array(p) for p in arrow._posA_posB)
    status = explorer.status.value
    explorer.sliders["effort"].value = 60
    assert explorer.view.recomputed == ()
    new_start, new_end = (np.array(p) for p in arrow._posA_posB)
    assert np.linalg.norm(new_end - new_start) == pytest.approx(2 * np.linalg.norm(end - start))
    assert explorer.status.value != status


def test_hip_slider_recomputes_every_muscle_and_moves_the_femur():
    explorer = innerthigh_kit.explore_knee().explorer
    femur = np.array(explorer.view.femur.get_xydata())
    explorer.sliders["hip_adduction"].value = -30
    assert len(explorer.view.recomputed) == 7
    assert explorer.view.femur.get_xydata()[1, 0] < femur[1, 0]  # the knee swings out, away from the midline


def test_explore_pelvis_reports_the_tilt_flipping_with_hip_flexion():
    explorer = innerthigh_kit.explore_pelvis().explorer
    assert set(explorer.sliders) == {"hip_flexion", "hip_adduction", "knee_angle", "effort"}
    row = explorer.view.rows["adductor_longus"]
    assert "forward" in row.get_text()
    explorer.sliders["hip_flexion"].value = 90
    assert "back" in row.get_text()
    assert "pelvis tips back" in explorer.status.value


def test_ipympl_canvas_when_the_widget_backend_is_active(monkeypatch):
    pytest.importorskip("ipympl")
    monkeypatch.setattr(levers, "ipympl_active", lambda: True)
    explorer = levers.explore_knee().explorer
    assert type(explorer.figure_widget).__name__ == "Canvas"
    assert explorer.figure_widget in explorer.widget.children
    explorer.sliders["knee_angle"].value = -40
    assert explorer.view.recomputed == ("gracilis",) and "N·m" in explorer.status.value


@pytest.mark.parametrize("make", [levers.explore_knee, levers.explore_pelvis])
def test_a_redraw_over_the_kept_still_parts_is_the_full_picture(make, monkeypatch):
    """Pixel for pixel a full draw, in poses where a moving bone crosses a still label (the
    pelvis at a 70° hip bend: the femur under the 'pubic bone' label)."""
    from io import BytesIO

    from PIL import Image

    monkeypatch.setattr(levers, "ipympl_active", lambda: False)  # importing ipympl may switch the backend
    explorer = make().explorer
    for hip, inward, knee in ((75, -25, -70), (70, 0, -60), (100, 20, -30), (0, -25, 0)):
        explorer.set(hip_flexion=hip, hip_adduction=inward, knee_angle=knee, effort=0.8)
        quick = np.asarray(Image.open(BytesIO(bytes(explorer.figure_widget.value))).convert("RGB"))
        explorer.figure.canvas.draw()  # everything drawn again, in full
        full = np.asarray(explorer.figure.canvas.buffer_rgba())[..., :3]
        assert quick.shape == full.shape and (quick == full).all(), (hip, inward, knee)


def test_a_value_handed_back_unchanged_draws_nothing(monkeypatch):
    monkeypatch.setattr(levers, "ipympl_active", lambda: False)
    explorer = levers.explore_knee().explorer
    redraws = explorer.redraws
    explorer.sliders["hip_flexion"].value = 3.552713678800501e-15  # noUiSlider's 0, as a page loads
    explorer.sliders["effort"].value = 30.000000000000004
    assert explorer.redraws == redraws and explorer.view.pose.hip_flexion == 0
    explorer.sliders["hip_flexion"].value = 1
    assert explorer.redraws == redraws + 1


# Pictures drawn ahead (lever_prefetch): an executor the test drives, in this process.


class _Executor:
    """Runs what is submitted only when told to, in order, as the worker process would."""

    def __init__(self):
        self.queue = []

    def submit(self, function, *args):
        future = Future()
        self.queue.append((future, function, args))
        return future

    def run(self, count=None):
        ran = 0
        while self.queue and (count is None or ran < count):
            future, function, args = self.queue.pop(0)
            if future.set_running_or_notify_cancel():
                future.set_result(function(*args))
                ran += 1
        return ran


def _pixels(png: bytes):
    from PIL import Image

    return np.asarray(Image.open(BytesIO(bytes(png))).convert("RGB"))


def _full_draw(explorer):
    explorer.figure.canvas.draw()
    return np.asarray(explorer.figure.canvas.buffer_rgba())[..., :3].copy()


@pytest.fixture
def agg(monkeypatch):
    monkeypatch.setattr(levers, "ipympl_active", lambda: False)  # importing ipympl may switch the backend


def _prefetched(explore, **pose):
    explorer = explore(**pose).explorer
    executor = _Executor()
    explorer.start_prefetch(executor)
    executor.run()
    return explorer, executor


def test_a_move_to_a_picture_drawn_ahead_draws_nothing(agg):
    explorer, executor = _prefetched(levers.explore_knee)
    draws, redraws = explorer.picture.draws, explorer.redraws
    cached = explorer.cache.get(State.of(explorer.view.pose._replace(hip_flexion=1), 0.3))
    assert cached is not None
    explorer.sliders["hip_flexion"].value = 1
    assert explorer.picture.draws == draws  # nothing drawn here ...
    assert explorer.redraws == redraws + 1 and f"itk-update-{redraws + 1}" in explorer.status._dom_classes
    assert bytes(explorer.figure_widget.value) == cached[0]  # ... the picture came from the cache
    assert explorer.view.pose.hip_flexion == 1 and len(explorer.view.recomputed) == 7  # numbers caught up
    assert explorer.status.value == cached[1] == explorer.describe()
    explorer.sliders["hip_flexion"].value = 9  # not one step away: drawn here
    assert explorer.picture.draws == draws + 1


def test_the_next_pictures_asked_for_are_the_likeliest_first(agg):
    explorer, executor = _prefetched(levers.explore_knee)
    explorer.sliders["hip_flexion"].value = 1
    asked = [args[2] for _, _, args in executor.queue]
    hip = [state.pose[0] for state in asked[:2]]
    assert hip == [2, 3]  # on in the same direction, then two on (back, 0, is cached: it was shown)
    assert {state.effort for state in asked} == {30, 35, 25}
    assert len(asked) == 2 + 2 * 4 - 1  # the hip's two, each other slider both ways (effort 0..100 ...)


def test_neighbours_stay_inside_the_sliders_ranges():
    sliders = {"hip_flexion": (1, 0, 2), "effort": (5, 0, 100)}
    state = State((2.0, 0.0, 0.0, 0.0), 0.0)
    found = lever_prefetch.neighbours(state, sliders, ("hip_flexion", 1))
    assert found == [State((1.0, 0.0, 0.0, 0.0), 0.0), State((2.0, 0.0, 0.0, 0.0), 5.0)]


@pytest.mark.parametrize("explore", [levers.explore_knee, levers.explore_pelvis])
def test_a_picture_drawn_ahead_is_the_picture_drawn_here(explore, agg):
    explorer, executor = _prefetched(explore, effort=0.8, hip_flexion=74, hip_adduction=-25, knee_angle=-70)
    pose = explorer.view.pose
    for state in (State.of(pose._replace(hip_flexion=75), 0.8), State.of(pose, 0.85)):
        png, status = explorer.cache.get(state)
        explorer.set(effort=state.effort / 100, hip_flexion=state.pose[0])  # from the cache
        assert explorer.status.value == status == explorer.describe()
        assert explorer.png() == png  # byte for byte the picture drawn here for the same state
        assert (_pixels(png) == _full_draw(explorer)).all()  # and pixel for pixel a full draw
        explorer.set(effort=0.8, hip_flexion=74)


def test_the_worker_draws_its_first_picture_as_the_explorer_draws_it(agg):
    """Its first picture too is drawn over the still parts kept at the explorer's first state, as
    the explorer's own are (here the femur crosses the 'pubic bone' label)."""
    explorer, executor = _prefetched(levers.explore_pelvis, hip_flexion=69)
    png, _ = explorer.cache.get(State.of(explorer.view.pose._replace(hip_flexion=70), 0.3))
    explorer.set(hip_flexion=70)
    assert explorer.png() == png


def test_the_cache_keeps_the_last_pictures_only():
    cache = PictureCache(size=3)
    states = [State((float(angle), 0.0, 0.0, 0.0), 30.0) for angle in range(5)]
    for state in states[:3]:
        cache.put(state, (b"png", "status"))
    cache.get(states[0])  # used: kept
    for state in states[3:]:
        cache.put(state, (b"png", "status"))
    assert len(cache) == 3 and states[0] in cache and states[1] not in cache and states[2] not in cache


def test_an_explorer_keeps_at_most_its_cache_size(agg):
    assert lever_prefetch.CACHE_SIZE == 40  # ≈70 kB each: under 3 MB an explorer
    explorer = levers.explore_knee().explorer
    explorer.cache = PictureCache(size=6)
    executor = _Executor()
    explorer.start_prefetch(executor)
    for angle in range(1, 4):
        explorer.sliders["hip_flexion"].value = angle
        executor.run()
    assert len(explorer.cache) == 6


def test_a_picture_no_longer_wanted_is_not_drawn_or_kept(agg):
    explorer = levers.explore_knee().explorer
    executor = _Executor()
    explorer.start_prefetch(executor)
    first, second = executor.queue[0][0], executor.queue[1][0]
    assert executor.run(count=1) == 1  # the worker has drawn the first ...
    executor.queue.pop(0)  # ... and started the second: it finishes it whatever happens
    second.set_running_or_notify_cancel()
    old = [args[2] for _, _, args in executor.queue]
    explorer.sliders["knee_angle"].value = -50  # far away: none of those is wanted now
    assert all(future.cancelled() for future, _, _ in executor.queue[: len(old)])
    second.set_result((b"stale", "stale"))
    assert explorer.prefetcher.dropped == 1
    executor.run()
    assert not any(state in explorer.cache for state in old)
    assert first.done() and explorer.prefetcher.pending == 0


def test_no_worker_outside_a_kernel(agg):
    explorer = levers.explore_knee().explorer
    explorer.sliders["hip_flexion"].value = 1
    assert explorer.prefetcher is None and not lever_prefetch.in_a_kernel()


def test_the_worker_process_draws_the_picture_drawn_here(agg):
    """A spawned worker (as in a kernel) at nice 19: its picture is byte for byte this one's."""
    explorer = levers.explore_knee(hip_adduction=-10).explorer
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=context, initializer=lever_prefetch._lower_priority) as pool:
        explorer.start_prefetch(pool)
        state = State.of(explorer.view.pose._replace(hip_adduction=-9), 0.3)
        deadline = time.monotonic() + 60
        while state not in explorer.cache and time.monotonic() < deadline:
            time.sleep(0.05)
        png, status = explorer.cache.get(state)
        explorer.prefetcher.want([])
    explorer.set(hip_adduction=-9)
    assert explorer.png() == png and status == explorer.describe()
