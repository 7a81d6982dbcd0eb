"""A lever view in an Agg figure of its own, written as PNG: in full once, then only what moves.

The explorer shows one (:mod:`innerthigh_kit.widgets.levers`) and the prefetch worker keeps one of
its own per kind of view (:mod:`innerthigh_kit.widgets.lever_prefetch`), so the two never share
a figure. No ipywidgets here: the worker imports this module and nothing of the widgets' UI.

Drawing text is most of a redraw: the figure is drawn once in full, the still parts (outlines,
headings, notes, scale, credit) are kept as a picture, and each redraw puts that back and draws
only the view's moving artists over it, in the stacking order a full draw uses (the same pixels:
tests/test_widgets_levers.py). The PNG is written as RGB (the figure is opaque) at a light
compression, ≈10% smaller than matplotlib's RGBA. On this machine the knee view's redraw went
from ≈75 ms to ≈46 ms; the moving texts (the table's rows, the readings) are most of what is left.
"""

from __future__ import annotations

import io

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from PIL import Image

from .. import diagrams
from ..anatomy import Pose

#: The PNG's resolution; compression 1 of 9 (written in half the time of 6, as RGB still smaller).
DPI, PNG_COMPRESSION = 80, 1


class Picture:
    """A ``view_class`` (``KneeView``, ``PelvisView``) in a figure of ``size`` inches, with its note.

    ``dpi=None`` leaves the resolution to the canvas (ipympl's). :attr:`draws` counts the PNGs
    written, for tests that check a picture came from somewhere else.
    """

    def __init__(self, view_class, size, pose: Pose, effort: float, dpi: float | None = DPI):
        self.figure = Figure(figsize=size, facecolor="white", **({} if dpi is None else {"dpi": dpi}))
        FigureCanvasAgg(self.figure)
        ax = self.figure.add_axes((0.02, 0.03, 0.96, 0.9))
        self.view = view_class(ax, Pose(*pose), effort)
        diagrams.source_note(self.figure)
        self._background = None
        self._moving_in_order: list = []
        self.draws = 0

    def render(self, pose: Pose, effort: float) -> bytes:
        """Move the view to ``pose`` (degrees) and ``effort`` (0..1) and return its PNG."""
        self.view.update(pose=pose, effort=effort)
        return self.png()

    def png(self) -> bytes:
        """The picture as PNG: the parts below the moving ones kept, the rest drawn again in order."""
        self.draws += 1
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
        """Keep the figure drawn up to the lowest moving artist; note what is drawn over it again.

        Painter's order: everything a full draw paints after the lowest moving artist (the moving
        ones, the still ones stacked above them, and the figure's own texts, which come after the
        axes) is drawn again over the kept background, so a still label above a moving bone stays
        on top, as in a full draw.
        """
        moving = {id(artist) for artist in self.view.moving}
        # the order a full draw stacks them in: by zorder, then as the axes hold them
        children = sorted(_drawn_children(self.view.ax), key=lambda artist: artist.get_zorder())
        first = next(index for index, artist in enumerate(children) if id(artist) in moving)
        axes_z = self.view.ax.get_zorder()
        later = [
            a for a in self.figure.get_children() if a is not self.figure.patch and a.get_zorder() > axes_z
        ]
        redrawn = children[first:] + sorted(later, key=lambda artist: artist.get_zorder())
        # a full draw places some texts by the others (a title above the axes' contents): a
        # hidden one would be placed wrongly, so their places are put back afterwards
        places = [(artist, artist.get_position()) for artist in redrawn if isinstance(artist, Text)]
        shown = [artist for artist in redrawn if artist.get_visible()]
        for artist in shown:
            artist.set_visible(False)
        self.figure.canvas.draw()
        self._background = self.figure.canvas.copy_from_bbox(self.figure.bbox)
        for artist in shown:
            artist.set_visible(True)
        for artist, place in places:
            artist.set_position(place)
        self._moving_in_order = shown

    def _encode(self) -> bytes:
        canvas = self.figure.canvas
        picture = Image.frombuffer(
            "RGBA", canvas.get_width_height(), canvas.buffer_rgba(), "raw", "RGBA", 0, 1
        )
        buffer = io.BytesIO()
        picture.convert("RGB").save(buffer, format="png", compress_level=PNG_COMPRESSION)
        return buffer.getvalue()


def _drawn_children(ax) -> list:
    """What ``Axes.draw`` paints of its children (matplotlib's own rule: not the background patch,
    no spines without a frame, no axis lines when the axis is off)."""
    skip = {id(ax.patch)}
    if not (ax.axison and ax.get_frame_on()):
        skip |= {id(spine) for spine in ax.spines.values()}
    if not ax.axison:
        skip |= {id(axis) for axis in (ax.xaxis, ax.yaxis)}
    return [artist for artist in ax.get_children() if id(artist) not in skip]


def knee_status(view) -> str:
    """The knee explorer's status line: the adduction moment and the inward pull at the knee."""
    total, inward = view.moment("hip_adduction"), view.inward_pull()
    return f"adduction moment {total:.1f} N·m · inward pull at the knee {abs(inward):.0f} N"


def pelvis_status(view) -> str:
    """The pelvis explorer's status line: which way the pelvis tips, and how hard."""
    total = view.moment("hip_flexion")
    way = "forward (anterior tilt)" if total >= 0 else "back (posterior tilt)"
    return f"pelvis tips {way}: {abs(total):.1f} N·m"
