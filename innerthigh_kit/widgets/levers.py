"""Explorers for the lever pictures: move the hip and knee, change the effort, watch the pull.

Thin over :mod:`innerthigh_kit.diagrams`: each slider calls the view's ``update`` (which moves
the existing artists and recomputes only what changed: a knee-angle change recomputes the
gracilis alone, an effort change no geometry at all) and redraws. With ipympl's widget backend
active (``%matplotlib widget``) the figure is an interactive ipympl canvas; otherwise it is an
``ipywidgets.Image`` re-rendered with Agg after each change (an Image rather than an Output with
``clear_output``: no flicker, no display machinery, works the same in voila). After every redraw
the status label below the figure is rewritten, so a browser test can wait on it.

A slider move must feel instant (issue 13). The picture is a
:class:`~.lever_picture.Picture`: drawn in full once, then only its moving artists over the kept
still parts (≈46 ms for the knee view). That is still three times a plain slider's round trip,
so the pictures one step away are drawn ahead in a worker process (:mod:`.lever_prefetch`) while
nobody moves: a move to one of them sets the image and the status from the cache and only then
brings the view's numbers up to date, drawing nothing. A value the browser hands back unchanged
(noUiSlider sends 0 back as 3.6e-15 as a page loads: two full redraws for nothing) draws nothing.
"""

from __future__ import annotations

import functools
import math

import ipywidgets as w
import matplotlib

from .. import diagrams
from ..anatomy import Pose
from . import lever_prefetch
from .lever_picture import DPI, Picture, knee_status, pelvis_status
from .lever_prefetch import PictureCache, Prefetcher, Spec, State

# name: (description, step, tooltip); each range is the teaching range of diagrams.RANGES
_SLIDERS = {
    "hip_flexion": ("hip bend (°)", 1, "flexion +, extension −"),
    "hip_adduction": ("thigh in/out (°)", 1, "adduction + (toward the midline), abduction −"),
    "hip_rotation": ("thigh turn (°)", 1, "internal rotation +, external −"),
    "knee_angle": ("knee (°)", 1, "0 = straight, negative = bent"),
}


class ExplorerBox(w.VBox):
    """The explorer's container; its text form states the numbers shown (for nbval and exports)."""

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs) or {}
        bundle["text/plain"] = self.explorer.summary()
        return bundle


def ipympl_active() -> bool:
    """True when matplotlib's backend is ipympl's widget backend (``%matplotlib widget``)."""
    backend = matplotlib.get_backend().lower()
    return "ipympl" in backend or backend == "widget"


class LeverExplorer:
    """Sliders over a :class:`~innerthigh_kit.diagrams.KneeView` or ``PelvisView``.

    ``describe`` is a module-level function (the prefetch worker calls it too): view -> status.
    :attr:`redraws` counts the pictures shown (drawn or from the cache), :attr:`picture`'s
    ``draws`` the ones drawn here.
    """

    def __init__(self, view_class, coordinates, size, title: str, describe, effort: float = 0.3, **pose):
        self.title = title
        self.interactive = ipympl_active()
        self.picture = Picture(view_class, size, Pose(**pose), effort, dpi=None if self.interactive else DPI)
        self.figure, self.view, self._describe = self.picture.figure, self.picture.view, describe
        if self.interactive:
            from ipympl.backend_nbagg import Canvas, FigureManager

            canvas = Canvas(self.figure)
            FigureManager(canvas, 0)
            canvas.header_visible = False
            canvas.toolbar_visible = False
            self.figure_widget = canvas
        else:
            self.figure_widget = w.Image(format="png", layout=w.Layout(width="100%", max_width="900px"))
        self.sliders = _sliders(self.view, coordinates, effort)
        for key, slider in self.sliders.items():
            slider.observe(functools.partial(self._on_slider, key), names="value")
        self.status = w.Label(value="")
        self.status.add_class("innerthigh-lever-status")
        self.redraws = 0
        self.widget = ExplorerBox(
            [
                w.HTML(f"<b>{title}</b>"),
                w.HBox(list(self.sliders.values()), layout=w.Layout(flex_flow="row wrap")),
                self.figure_widget,
                self.status,
            ],
        )
        self.widget.explorer = self  # reachable from the returned container
        self.cache = PictureCache()
        self.prefetcher: Prefetcher | None = None
        self._spec = Spec(view_class, tuple(size), self.view.pose, self.view.effort, describe)
        self._redraw()

    def _on_slider(self, key: str, change) -> None:
        if self.prefetcher is None and not self.interactive and lever_prefetch.in_a_kernel():
            self.start_prefetch(lever_prefetch.worker())  # a front end is here: draw ahead from now
        now = self.view.effort * 100 if key == "effort" else getattr(self.view.pose, key)
        if math.isclose(change["new"], now, abs_tol=1e-9):
            return  # the same value, as the browser rounds it: nothing to draw
        if key == "effort":
            self.set(effort=change["new"] / 100)
        else:
            self.set(**{key: change["new"]})

    def start_prefetch(self, executor) -> None:
        """Draw the neighbouring pictures ahead with ``executor`` (``submit(fn, *args) -> Future``):
        the kernel's worker process (:func:`.lever_prefetch.worker`), or one a test drives."""
        self.prefetcher = Prefetcher(self._spec, self.cache, executor)
        self._prefetch(None)

    def set(self, effort: float | None = None, **angles) -> tuple[str, ...]:
        """Change the pose (degrees) and/or effort (0..1), redraw; returns the muscles recomputed."""
        before = State.of(self.view.pose, self.view.effort)
        pose = self.view.pose._replace(**angles)
        state = State.of(pose, self.view.effort if effort is None else effort)
        cached = None if self.interactive else self.cache.get(state)
        if cached is not None:
            self.figure_widget.value = cached[0]
            self._announce(cached[1])  # the browser has all it shows; the numbers catch up below
            recomputed = self.view.update(effort=effort, **angles)
        else:
            recomputed = self.view.update(effort=effort, **angles)
            self._redraw()
        changed = [name for name in (*Pose._fields, "effort") if state.value(name) != before.value(name)]
        if len(changed) == 1:
            self._prefetch((changed[0], 1 if state.value(changed[0]) > before.value(changed[0]) else -1))
        else:
            self._prefetch(None)
        return recomputed

    def _prefetch(self, last: tuple[str, int] | None) -> None:
        if self.prefetcher is None:
            return
        steps = {name: (slider.step, slider.min, slider.max) for name, slider in self.sliders.items()}
        here = State.of(self.view.pose, self.view.effort)
        self.prefetcher.want(lever_prefetch.neighbours(here, steps, last))

    def _redraw(self) -> None:
        if self.interactive:
            self.figure_widget.draw_idle()
            self._announce(self.describe())
            return
        png = self.picture.png()
        status = self.describe()
        self.cache.put(State.of(self.view.pose, self.view.effort), (png, status))
        self.figure_widget.value = png
        self._announce(status)

    def _announce(self, status: str) -> None:
        """A marker class for browser tests to wait on, set after the picture; the words stay plain.
        The words and the marker go in one message (not three), so the browser has less to do."""
        with self.status.hold_sync():
            self.status.remove_class(f"itk-update-{self.redraws}")
            self.redraws += 1
            self.status.add_class(f"itk-update-{self.redraws}")
            self.status.value = status

    def png(self) -> bytes:
        """The picture as PNG, drawn now (the moving artists over the kept still parts)."""
        return self.picture.png()

    def describe(self) -> str:
        return self._describe(self.view)

    def summary(self) -> str:
        """The pose and the numbers the status line shows, as one line of text."""
        pose = ", ".join(
            f"{name.replace('_', ' ')} {value:.0f}°" for name, value in self.view.pose._asdict().items()
        )
        return f"{self.title}: {pose}, effort {self.view.effort:.0%}. {self.describe()}"

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def _sliders(view, coordinates, effort: float) -> dict[str, w.FloatSlider]:
    """One slider per coordinate (its teaching range, ``diagrams.RANGES``) and the effort's, in percent."""
    sliders = {}
    for name in coordinates:
        description, step, tip = _SLIDERS[name]
        low, high = diagrams.RANGES[name]
        sliders[name] = w.FloatSlider(
            value=getattr(view.pose, name),
            min=low,
            max=high,
            step=step,
            description=description,
            tooltip=tip,
            continuous_update=True,
            style={"description_width": "initial"},
            readout_format=".0f",
        )
    sliders["effort"] = w.FloatSlider(
        value=effort * 100,
        min=0,
        max=100,
        step=5,
        description="effort (% of max)",
        tooltip="each muscle's pull as a share of its strongest pull",
        style={"description_width": "initial"},
        readout_format=".0f",
    )
    return sliders


def explore_knee(effort: float = 0.3, **pose) -> w.VBox:
    """Front view of the right leg with sliders for the hip's three angles, the knee and the effort.

    Returns the ipywidgets container (its ``.explorer`` holds the view, sliders and status).
    """
    explorer = LeverExplorer(
        diagrams.KneeView,
        tuple(_SLIDERS),
        (8.3, 7.2),
        "The inner thighs and the knee: move the leg, change the effort",
        knee_status,
        effort,
        **pose,
    )
    return explorer.widget


def explore_pelvis(effort: float = 0.3, **pose) -> w.VBox:
    """Side view of the right hip with sliders for hip bend, thigh in/out, knee and effort."""
    explorer = LeverExplorer(
        diagrams.PelvisView,
        ("hip_flexion", "hip_adduction", "knee_angle"),
        (8.3, 7.4),
        "The inner thighs and the pelvis: bend the hip and watch the pull swing",
        pelvis_status,
        effort,
        **pose,
    )
    return explorer.widget
