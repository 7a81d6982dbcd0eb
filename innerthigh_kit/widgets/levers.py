"""Explorers for the lever pictures: move the hip and knee, change the effort, watch the pull.

Thin over :mod:`innerthigh_kit.diagrams`: each slider calls the view's ``update`` (which moves
the existing artists and recomputes only what changed: a knee-angle change recomputes the
gracilis alone, an effort change no geometry at all) and redraws. With ipympl's widget backend
active (``%matplotlib widget``) the figure is an interactive ipympl canvas; otherwise it is an
``ipywidgets.Image`` re-rendered with Agg after each change (an Image rather than an Output with
``clear_output``: no flicker, no display machinery, works the same in voila). After every redraw
the status label below the figure is rewritten, so a browser test can wait on it.

A slider move must feel instant, and drawing text is most of a redraw: the Image is drawn once in
full, the still parts (outlines, headings, notes, scale, credit) are kept as a picture, and each
redraw puts that back and draws only the view's moving artists over it, in the stacking order a
full draw uses (the same pixels: tests/test_widgets_levers.py). The PNG is written as RGB (the
figure is opaque) at a light compression, ≈10% smaller than matplotlib's RGBA. On this machine
the knee view's redraw went from ≈75 ms to ≈46 ms; the moving texts (the table's rows, the
readings) are most of what is left. A value the browser hands back unchanged (noUiSlider sends
0 back as 3.6e-15 as a page loads: two full redraws for nothing) draws nothing.
"""

from __future__ import annotations

import functools
import io
import math

import ipywidgets as w
import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from PIL import Image

from .. import diagrams
from ..anatomy import Pose

# name: (description, step, tooltip); each range is the teaching range of diagrams.RANGES
_SLIDERS = {
    "hip_flexion": ("hip bend (°)", 1, "flexion +, extension −"),
    "hip_adduction": ("thigh in/out (°)", 1, "adduction + (toward the midline), abduction −"),
    "hip_rotation": ("thigh turn (°)", 1, "internal rotation +, external −"),
    "knee_angle": ("knee (°)", 1, "0 = straight, negative = bent"),
}
#: The Image's resolution; PNG compression 1 of 9 (written in half the time of 6, as RGB still smaller).
DPI, PNG_COMPRESSION = 80, 1


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
    """Sliders over a :class:`~innerthigh_kit.diagrams.KneeView` or ``PelvisView``."""

    def __init__(self, view_class, coordinates, size, title: str, effort: float = 0.3, **pose):
        self.title = title
        self.interactive = ipympl_active()
        self.figure = Figure(figsize=size, facecolor="white", **({} if self.interactive else {"dpi": DPI}))
        self._background = None
        if self.interactive:
            from ipympl.backend_nbagg import Canvas, FigureManager

            canvas = Canvas(self.figure)
            FigureManager(canvas, 0)
            canvas.header_visible = False
            canvas.toolbar_visible = False
            self.figure_widget = canvas
        else:
            FigureCanvasAgg(self.figure)
            self.figure_widget = w.Image(format="png", layout=w.Layout(width="100%", max_width="900px"))
        ax = self.figure.add_axes((0.02, 0.03, 0.96, 0.9))
        self.view = view_class(ax, Pose(**pose), effort)
        diagrams.source_note(self.figure)
        self.sliders = {}
        for name in coordinates:
            description, step, tip = _SLIDERS[name]
            low, high = diagrams.RANGES[name]
            self.sliders[name] = w.FloatSlider(
                value=getattr(self.view.pose, name),
                min=low,
                max=high,
                step=step,
                description=description,
                tooltip=tip,
                continuous_update=True,
                style={"description_width": "initial"},
                readout_format=".0f",
            )
        self.sliders["effort"] = w.FloatSlider(
            value=effort * 100,
            min=0,
            max=100,
            step=5,
            description="effort (% of max)",
            tooltip="each muscle's pull as a share of its strongest pull",
            style={"description_width": "initial"},
            readout_format=".0f",
        )
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
        self._redraw()

    def _on_slider(self, key: str, change) -> None:
        now = self.view.effort * 100 if key == "effort" else getattr(self.view.pose, key)
        if math.isclose(change["new"], now, abs_tol=1e-9):
            return  # the same value, as the browser rounds it: nothing to draw
        if key == "effort":
            self.set(effort=change["new"] / 100)
        else:
            self.set(**{key: change["new"]})

    def set(self, effort: float | None = None, **angles) -> tuple[str, ...]:
        """Change the pose (degrees) and/or effort (0..1), redraw; returns the muscles recomputed."""
        recomputed = self.view.update(effort=effort, **angles)
        self._redraw()
        return recomputed

    def _redraw(self) -> None:
        if self.interactive:
            self.figure_widget.draw_idle()
        else:
            self.figure_widget.value = self.png()
        # a marker class for browser tests to wait on; the words people read stay plain
        self.status.remove_class(f"itk-update-{self.redraws}")
        self.redraws += 1
        self.status.add_class(f"itk-update-{self.redraws}")
        self.status.value = self.describe()

    def png(self) -> bytes:
        """The picture as PNG: the still parts kept from the first draw, the moving artists drawn again."""
        canvas = self.figure.canvas
        if self._background is None:
            canvas.draw()  # in full, once: everything placed as a full draw places it
            first = self._encode()
            self._keep_background()
            return first
        canvas.restore_region(self._background)
        renderer = canvas.get_renderer()
        for artist in self._moving_in_order:
            artist.draw(renderer)
        return self._encode()

    def _keep_background(self) -> None:
        """Draw the figure without the view's moving artists and keep it; note their stacking order."""
        moving = self.view.moving
        # a full draw places some texts by the others (a title above the axes' contents): an
        # invisible one would be placed wrongly, so their places are put back afterwards
        places = [(artist, artist.get_position()) for artist in moving if isinstance(artist, Text)]
        for artist in moving:
            artist.set_visible(False)
        self.figure.canvas.draw()
        self._background = self.figure.canvas.copy_from_bbox(self.figure.bbox)
        for artist in moving:
            artist.set_visible(True)
        for artist, place in places:
            artist.set_position(place)
        # the order a full draw stacks them in: by zorder, then as the axes hold them
        ids = {id(artist) for artist in moving}
        children = sorted(self.view.ax.get_children(), key=lambda artist: artist.get_zorder())
        self._moving_in_order = [artist for artist in children if id(artist) in ids]

    def _encode(self) -> bytes:
        canvas = self.figure.canvas
        picture = Image.frombuffer(
            "RGBA", canvas.get_width_height(), canvas.buffer_rgba(), "raw", "RGBA", 0, 1
        )
        buffer = io.BytesIO()
        picture.convert("RGB").save(buffer, format="png", compress_level=PNG_COMPRESSION)
        return buffer.getvalue()

    def describe(self) -> str:
        return ""

    def summary(self) -> str:
        """The pose and the numbers the status line shows, as one line of text."""
        pose = ", ".join(
            f"{name.replace('_', ' ')} {value:.0f}°" for name, value in self.view.pose._asdict().items()
        )
        return f"{self.title}: {pose}, effort {self.view.effort:.0%}. {self.describe()}"

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


class _KneeExplorer(LeverExplorer):
    def describe(self) -> str:
        total, inward = self.view.moment("hip_adduction"), self.view.inward_pull()
        return f"adduction moment {total:.1f} N·m · inward pull at the knee {abs(inward):.0f} N"


class _PelvisExplorer(LeverExplorer):
    def describe(self) -> str:
        total = self.view.moment("hip_flexion")
        way = "forward (anterior tilt)" if total >= 0 else "back (posterior tilt)"
        return f"pelvis tips {way}: {abs(total):.1f} N·m"


def explore_knee(effort: float = 0.3, **pose) -> w.VBox:
    """Front view of the right leg with sliders for the hip's three angles, the knee and the effort.

    Returns the ipywidgets container (its ``.explorer`` holds the view, sliders and status).
    """
    explorer = _KneeExplorer(
        diagrams.KneeView,
        tuple(_SLIDERS),
        (8.3, 7.2),
        "The inner thighs and the knee: move the leg, change the effort",
        effort,
        **pose,
    )
    return explorer.widget


def explore_pelvis(effort: float = 0.3, **pose) -> w.VBox:
    """Side view of the right hip with sliders for hip bend, thigh in/out, knee and effort."""
    explorer = _PelvisExplorer(
        diagrams.PelvisView,
        ("hip_flexion", "hip_adduction", "knee_angle"),
        (8.3, 7.4),
        "The inner thighs and the pelvis: bend the hip and watch the pull swing",
        effort,
        **pose,
    )
    return explorer.widget
