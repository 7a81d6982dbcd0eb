"""The look shared by every picture: palette, labels, credit line, and small drawing helpers.

Palette: Okabe & Ito (2008), "Color Universal Design", safe for the common colour-vision
deficiencies. Every helper draws into the axes it is given (matplotlib's object-oriented API,
never pyplot). ``KitFigure`` is a Figure that states the numbers it draws as its text repr, so a
notebook check (nbval) compares the teaching, not only that a cell ran.
"""

from __future__ import annotations

from collections.abc import Mapping

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch

from ..anatomy import Pose

COLOURS = {
    "adductor_longus": "#D55E00",
    "adductor_brevis": "#E69F00",
    "adductor_magnus_superior": "#56B4E9",
    "adductor_magnus_middle": "#0072B2",
    "adductor_magnus_inferior": "#009E73",
    "gracilis": "#CC79A7",
    "pectineus": "#000000",
}
LABELS = {
    "adductor_longus": "adductor longus",
    "adductor_brevis": "adductor brevis",
    "adductor_magnus_superior": "adductor magnus, upper part",
    "adductor_magnus_middle": "adductor magnus, middle part",
    "adductor_magnus_inferior": "adductor magnus, lower (hamstring) part",
    "gracilis": "gracilis",
    "pectineus": "pectineus",
}
SHORT = {
    "adductor_longus": "adductor longus",
    "adductor_brevis": "adductor brevis",
    "adductor_magnus_superior": "magnus, upper",
    "adductor_magnus_middle": "magnus, middle",
    "adductor_magnus_inferior": "magnus, lower (hamstring part)",
    "gracilis": "gracilis",
    "pectineus": "pectineus",
}
BONE, BONE_FILL, INK = "#8c8c8c", "#ececec", "#222222"
CREDIT = (
    "Muscle geometry: OpenSim Gait2392 model (Delp et al. 1990; Thelen, Seth, Anderson, Delp), CC BY 3.0."
)
NEUTRAL = Pose()
NEWTONS_PER_METRE = 3000.0  # force arrows: 300 N is drawn 10 cm long


class KitFigure(Figure):
    """A Figure that states the numbers it draws: its ``repr`` (IPython's text/plain) is ``summary``.

    IPython's pretty printer uses a class's own ``__repr__`` for text/plain while the inline
    backend still renders the PNG, so a notebook shows the picture and nbval compares the numbers.
    """

    def __init__(self, *args, summary: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.summary = summary

    def __repr__(self) -> str:
        return self.summary or super().__repr__()


def cm(metres: float) -> str:
    return f"{metres * 100:.1f} cm"


def angle_words(angles: Mapping[str, float]) -> str:
    """``{"hip_flexion": 0, "knee_angle": -40}`` as "hip flexion 0°, knee angle -40°"."""
    return ", ".join(f"{name.replace('_', ' ')} {value:.0f}°" for name, value in angles.items())


def kit_figure(size) -> KitFigure:
    """A new white KitFigure with its own Agg canvas (never pyplot)."""
    figure = KitFigure(figsize=size, facecolor="white")
    FigureCanvasAgg(figure)
    return figure


def figure_and_axes(ax, size, rect=(0.02, 0.03, 0.96, 0.9)):
    """The given axes and their figure, or a new KitFigure of ``size`` inches with axes at ``rect``."""
    if ax is not None:
        return ax.figure, ax
    figure = kit_figure(size)
    return figure, figure.add_axes(rect)


def state_numbers(figure, summary: str, own: bool) -> None:
    """Give a figure the kit made (``own``) its summary; a caller's figure (``ax`` given) is left alone."""
    if own:
        figure.summary = summary


def plain_axes(ax, xmin, xmax, ymin, ymax, grow="right") -> None:
    """Equal scales, no axes; the given box is kept and grown to the axes' shape (to the right or down)."""
    ax.set_axis_off()
    box = ax.get_position()
    width, height = ax.figure.get_size_inches() * (box.width, box.height)
    if grow == "right":
        xmax = max(xmax, xmin + (ymax - ymin) * width / height)
    else:
        ymin = min(ymin, ymax - (xmax - xmin) * height / width)
    ax.set_xlim(xmin, xmax)
    ax.set_ylim(ymin, ymax)
    ax.set_aspect("equal", adjustable="datalim")


def arrow(ax, gid, colour, width=1.8, style="-|>", scale=14, **kw):
    arrow = FancyArrowPatch(
        (0, 0),
        (0, 0),
        arrowstyle=style,
        mutation_scale=scale,
        color=colour,
        linewidth=width,
        shrinkA=0,
        shrinkB=0,
        **kw,
    )
    arrow.set_gid(gid)
    ax.add_patch(arrow)
    return arrow


def scale_bar(ax, x, y, gid="scale", length=0.1):
    (bar,) = ax.plot([x, x + length], [y, y], color=INK, linewidth=2, solid_capstyle="butt")
    bar.set_gid(gid)
    ax.text(x + length / 2, y - 0.012, f"{length * 100:.0f} cm", ha="center", va="top", fontsize=8, color=INK)
    force = arrow(ax, "scale:force", INK, width=1.4, scale=10)
    force.set_positions((x, y - 0.05), (x + 300 / NEWTONS_PER_METRE, y - 0.05))
    ax.text(x + 0.05, y - 0.062, "300 N of pull", ha="center", va="top", fontsize=8, color=INK)


def source_note(figure, text=CREDIT) -> None:
    figure.text(0.01, 0.005, text, fontsize=6.5, color="#555555", ha="left", va="bottom")


#: The teaching range of each joint coordinate (degrees): the curves' x axes and the sliders.
RANGES = {
    "hip_flexion": (-20, 100),
    "hip_adduction": (-40, 20),
    "hip_rotation": (-30, 30),
    "knee_angle": (-100, 0),
}
