"""The side view of the right hip: the inner thighs' pull on the pelvis, and which way it tips it."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from ..anatomy import MUSCLES, Pose
from ._style import (
    BONE,
    INK,
    LABELS,
    NEUTRAL,
    SHORT,
    arrow,
    cm,
    figure_and_axes,
    plain_axes,
    scale_bar,
    source_note,
    state_numbers,
)
from .leg import PELVIS_SIDE, LegView, sagittal

_LANDMARKS = (  # words, the point they name, where they are written
    ("pubic bone", (-0.02, -0.092), (0.035, -0.13)),
    ("sitting bone (ischium)", (-0.115, -0.125), (-0.35, -0.17)),
    ("front hip point (ASIS)", (0.0, 0.0), (0.03, 0.05)),
)
_NOTE = (
    "If the thigh stays still, a pull in front of the hip axis\n(a hip flexor) "
    "tips the pelvis forward; a pull behind\nit (a hip extensor) tips it back. "
    "Bend the hip and\nthe lines swing around the axis: the answer changes."
)


class PelvisView(LegView):
    """Side view: the adductors pull on the pubic bone and ischium about the hip's flexion axis.

    With the thigh held still, a muscle whose line of pull passes in front of the hip axis (a hip
    flexor) tips the pelvis forward (anterior tilt); one behind it (an extensor) tips it back.
    Flex the hip and the lines swing: the adductor longus flexes near standing and extends in deep
    flexion (its moment arm changes sign at about 64° in this model).
    """

    VIEW = "Side view, right hip"

    def __init__(self, ax, pose=NEUTRAL, effort=0.3, muscles=MUSCLES, highlight="adductor_longus"):
        super().__init__(ax, pose, effort, muscles, highlight)
        plain_axes(ax, -0.40, 0.45, -0.34, 0.13, grow="down")
        self.add_pelvis(PELVIS_SIDE)
        for text, xy, where in _LANDMARKS:
            ax.annotate(
                text,
                xy,
                where,
                fontsize=8.5,
                color=INK,
                gid=f"text:{text.split()[0]}",
                arrowprops=dict(arrowstyle="-", color=BONE, lw=0.8),
            )
        self.femur = self.add_bone("bone:femur", 8)
        self.add_hip(0.018)
        self.axis_dot = self.moves(ax.plot([], [], "o", color=INK, markersize=3, zorder=6)[0])
        self.add_pulls(va="center")
        self.tilt_arc = arrow(ax, "moment:tilt", INK, width=1.8, connectionstyle="arc3,rad=0.55", zorder=6)
        self.tilt_text = ax.text(0.0, 0.0, "", fontsize=9.5, color=INK, gid="text:tilt", va="bottom")
        self.moving += [self.tilt_arc, self.tilt_text]
        self.add_table("pull on the pelvis, and which way it tips it", 0.0, 0.33, 0.29, step=0.035)
        self.add_note(0.6, 0.29, _NOTE)
        scale_bar(ax, 0.30, -0.27)
        clip = Rectangle((-0.40, -0.34), 0.85, 0.47, transform=ax.transData)
        for artist in (self.femur, *self.lines.values(), *self.arrows.values(), self.lever):
            artist.set_clip_path(clip)
        self.moves(ax.set_title("", loc="left", fontsize=11))  # it names the hip angle
        self.refresh()

    def refresh(self) -> None:
        hip = sagittal(self.landmarks["right_hip_centre"])
        knee = sagittal(self.landmarks["knee_centre"])
        self.femur.set_data(*np.array([hip, knee]).T)
        self.hip.center = hip
        self.axis_dot.set_data([hip[0]], [hip[1]])
        self.place_pulls(sagittal, at_insertion=False)
        for name in self.muscles:
            arm = self.arms[name]["hip_flexion"]
            tip = "tips it forward" if arm > 0.0005 else "tips it back" if arm < -0.0005 else "hardly tips it"
            where = "in front of" if arm > 0 else "behind"
            self.rows[name].set_text(f"{SHORT[name]}: {cm(abs(arm))} {where} the axis, {tip}")
        total = self.moment("hip_flexion")
        forward = total >= 0
        self.total_text.set_text(
            f"all {len(self.muscles)} at {self.effort:.0%} effort: {abs(total):.1f} N·m, "
            f"pelvis tips {'forward' if forward else 'back'}"
        )
        if self.place_moment_arm(hip, sagittal, within_segment=False):
            self.lever_text.set_position((hip[0] + 0.03, hip[1] + 0.035))
            arm = self.arms[self.highlight]["hip_flexion"]
            self.lever_text.set_text(f"{LABELS[self.highlight]}:\nmoment arm {cm(abs(arm))}")
        # anterior tilt = the front of the pelvis drops = clockwise in this view: over the top, left to right
        back, front = np.array([-0.17, 0.095]), np.array([0.03, 0.075])
        self.tilt_arc.set_positions(*((back, front) if forward else (front, back)))
        self.tilt_arc.set_connectionstyle(f"arc3,rad={-0.4 if forward else 0.4}")
        self.tilt_text.set_position((0.05, 0.10))
        self.tilt_text.set_text(
            f"pelvis tips {'forward (anterior tilt)' if forward else 'back (posterior tilt)'}"
        )
        self.ax.set_title(
            f"Pulling on the pubic bone (side view, right hip, hip bent {self.pose.hip_flexion:.0f}°)",
            loc="left",
            fontsize=11,
        )
        self.readings = [self.tilt_text.get_text()]


def pelvis_view(
    hip_flexion=0.0,
    hip_adduction=0.0,
    hip_rotation=0.0,
    knee_angle=0.0,
    effort=0.3,
    muscles: Sequence[str] = MUSCLES,
    highlight: str | None = "adductor_longus",
    ax=None,
) -> Figure:
    """Side view of the right hip: the adductors' pull on the pubis and which way it tips the pelvis.

    With ``ax=None`` the figure is a :class:`KitFigure` whose text form lists the pose, each
    muscle's flexion moment arm (in front of or behind the hip axis), the total and the tilt.
    Sources: module docstring; the longus flexes near neutral and extends in deep flexion (model,
    EVIDENCE 1.2), the magnus' hamstring part extends throughout (Neumann 2010, via EVIDENCE 1.2).
    """
    own = ax is None
    figure, ax = figure_and_axes(ax, (8.3, 7.4))
    view = PelvisView(
        ax, Pose(hip_flexion, hip_adduction, hip_rotation, knee_angle), effort, muscles, highlight
    )
    source_note(figure)
    state_numbers(figure, view.summary(), own)
    return figure
