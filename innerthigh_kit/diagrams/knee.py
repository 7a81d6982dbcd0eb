"""The front view of the right leg: the inner thighs swing the thigh toward the midline."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Circle

from ..anatomy import MUSCLES, Pose
from ._style import (
    BONE,
    COLOURS,
    INK,
    LABELS,
    NEUTRAL,
    NEWTONS_PER_METRE,
    SHORT,
    arrow,
    cm,
    figure_and_axes,
    plain_axes,
    scale_bar,
    source_note,
    state_numbers,
)
from .leg import PELVIS_FRONT_HALF, LegView, frontal

_NOTE = (
    "moment arm: how far the pull sits from the hip,\nmeasured square to the pull. "
    "Longer = more turn.\nmoment (N·m) = pull (N) × moment arm (m)"
)


class KneeView(LegView):
    """Front view: the adductors swing the thigh toward the midline about the hip, the knee follows.

    Draws the pelvis (simplified outline), femur and tibia placed by the model, the hip as the
    fulcrum, each muscle's line of pull with an arrow for its pull on the bone (N), the summed
    adduction moment (force × moment arm, N·m), the matching inward pull at the knee (valgus
    tendency when the foot is planted) and the gracilis crossing the knee. The numbers are the
    model's 3-D moment arms; the drawing is their projection on the front (frontal) plane.
    """

    VIEW = "Front view, right leg"

    def __init__(self, ax, pose=NEUTRAL, effort=0.3, muscles=MUSCLES, highlight="adductor_longus"):
        super().__init__(ax, pose, effort, muscles, highlight)
        plain_axes(ax, -0.42, 0.16, -0.76, 0.15, grow="right")
        outline = np.array(PELVIS_FRONT_HALF)
        self.add_pelvis(np.vstack([outline * (-1, 1), outline[::-1] * (1, 1)]))  # mirror: h = -z
        ax.text(0.0, 0.1, "pelvis", ha="center", fontsize=9, color=INK)
        left_hip = frontal(self.landmarks["left_hip_centre"])
        ax.add_patch(Circle(left_hip, 0.022, facecolor="white", edgecolor=BONE, zorder=2))
        self.femur = self.add_bone("bone:femur", 7)
        self.tibia = self.add_bone("bone:tibia", 6)
        self.add_hip(0.022)
        (self.knee,) = ax.plot(
            [], [], "o", color="white", markeredgecolor=INK, markersize=9, zorder=5, gid="joint:knee"
        )
        self.moves(self.knee)
        self.add_pulls(ha="right", va="bottom")
        self._add_moment_and_knee()
        self.add_table("each muscle: pull × moment arm = turn", 0.53, 0.985, 0.95, step=0.04)
        self.add_note(0.53, 0.6, _NOTE)
        scale_bar(ax, 0.45, -0.70)
        ax.set_title(
            "The inner thighs pull the thigh toward the midline (front view, right leg)",
            loc="left",
            fontsize=11,
        )
        self.refresh()

    def _add_moment_and_knee(self) -> None:
        """The fulcrum label, the turning arrow and its text, the inward pull at the knee, the gracilis."""
        ax = self.ax
        self.hip_text = ax.annotate(
            "hip = the pivot (fulcrum)",
            (0, 0),
            (-0.40, -0.066),
            fontsize=9,
            color=INK,
            va="center",
            arrowprops=dict(arrowstyle="-", color=INK, lw=0.8),
        )
        self.hip_text.set_gid("text:fulcrum")
        self.moment_arc = arrow(
            ax, "moment:adduction", INK, width=1.6, connectionstyle="arc3,rad=0.5", zorder=6
        )
        self.moment_text = ax.text(
            0, 0, "", fontsize=9.5, color=INK, va="center", gid="text:moment", weight="bold"
        )
        self.inward = arrow(ax, "knee:inward", INK, width=2.8, scale=20, zorder=6)
        self.inward_text = ax.text(
            0.53,
            0.5,
            "",
            fontsize=9,
            color=INK,
            va="top",
            ha="left",
            gid="text:inward",
            transform=ax.transAxes,
        )
        self.gracilis_text = ax.annotate(
            "",
            (0, 0),
            (0.02, -0.66),
            fontsize=9,
            color=COLOURS["gracilis"],
            arrowprops=dict(arrowstyle="-", color=COLOURS["gracilis"], lw=0.8),
        )
        self.gracilis_text.set_gid("text:gracilis")
        for artist in (self.hip_text, self.moment_arc, self.moment_text, self.inward, self.inward_text):
            self.moves(artist)
        self.moves(self.gracilis_text)

    def refresh(self) -> None:
        marks = {k: frontal(v) for k, v in self.landmarks.items()}
        hip, knee, ankle = marks["right_hip_centre"], marks["knee_centre"], marks["ankle_centre"]
        self.femur.set_data(*np.array([hip, knee]).T)
        self.tibia.set_data(*np.array([knee, ankle]).T)
        self.hip.center = hip
        self.knee.set_data([knee[0]], [knee[1]])
        self.hip_text.xy = hip
        self.place_pulls(frontal, at_insertion=True)
        for name in self.muscles:
            force, arm = self.force(name), self.arms[name]["hip_adduction"]
            self.rows[name].set_text(f"{SHORT[name]}: {force:.0f} N × {cm(arm)} = {force * arm:.1f} N·m")
        total = self.moment("hip_adduction")
        self.total_text.set_text(f"adduction moment, all {len(self.muscles)}: {total:.1f} N·m")
        if self.place_moment_arm(hip, frontal, within_segment=True):
            self.lever_text.set_position((hip[0] - 0.035, hip[1] + 0.045))
            self.lever_text.set_text(
                f"moment arm of {LABELS[self.highlight]}\n"
                f"{cm(self.arms[self.highlight]['hip_adduction'])} (dashed)"
            )
        self.readings = [self._place_moment(hip, total), self._place_inward(knee, total)]
        if "gracilis" in self.paths:
            self.readings.append(self._place_gracilis())

    def _place_moment(self, hip, total: float) -> str:
        sign = 1 if total >= 0 else -1
        # left of the femur, below the hip: adduction swings this side down and in (anticlockwise here)
        upper, lower = hip + np.array([-0.10, -0.02]), hip + np.array([-0.035, -0.12])
        self.moment_arc.set_positions(*((upper, lower) if sign > 0 else (lower, upper)))
        self.moment_arc.set_connectionstyle(f"arc3,rad={0.45 * sign}")
        self.moment_text.set_position((hip[0] - 0.33, hip[1] - 0.10))
        turn = f"turns the thigh {'in' if sign > 0 else 'out'}"
        self.moment_text.set_text(f"{turn}:\n{abs(total):.1f} N·m")
        return f"{turn}: {abs(total):.1f} N·m"

    def hip_to_knee(self) -> float:
        """The lever from the hip to the knee, metres (the model's hip and knee centres)."""
        return float(np.linalg.norm(self.landmarks["knee_centre"] - self.landmarks["right_hip_centre"]))

    def inward_pull(self) -> float:
        """The sideways pull at the knee that makes the same moment about the hip: moment ÷ hip-to-knee."""
        return self.moment("hip_adduction") / self.hip_to_knee()

    def _place_inward(self, knee, total: float) -> str:
        """Draw and word the inward pull at the knee (``inward_pull``)."""
        sign = 1 if total >= 0 else -1
        lever, inward = self.hip_to_knee(), self.inward_pull()
        self.inward.set_positions(
            knee, knee + np.array([sign * min(abs(inward) / NEWTONS_PER_METRE, 0.3), 0.0])
        )
        pull = f"inward pull ≈ {abs(inward):.0f} N"
        because = f"= {abs(total):.1f} N·m ÷ {lever:.2f} m, hip to knee"
        self.inward_text.set_text(
            f"black arrow at the knee: {pull}\n({because})\n"
            "foot planted: the knee is drawn in\n(the 'knees cave in' / valgus tendency)"
        )
        return f"at the knee: {pull} ({because})"

    def _place_gracilis(self) -> str:
        self.gracilis_text.xy = frontal(self.paths["gracilis"][-1])
        arm = self.arms["gracilis"]["knee_angle"]
        words = f"knee moment arm {cm(arm)} ({'bends' if arm < 0 else 'straightens'} the knee)"
        self.gracilis_text.set_text(f"gracilis: the only one that crosses the knee\n{words}")
        return f"gracilis, the only one that crosses the knee: {words}"


def knee_view(
    hip_flexion=0.0,
    hip_adduction=0.0,
    hip_rotation=0.0,
    knee_angle=0.0,
    effort=0.3,
    muscles: Sequence[str] = MUSCLES,
    highlight: str | None = "adductor_longus",
    ax=None,
) -> Figure:
    """Front view of the right leg: lines of pull, adduction moment (N·m), inward pull at the knee.

    ``effort`` is each muscle's pull as a share of its maximum isometric force (0..1). Angles in
    degrees, model signs (knee bent = negative). With ``ax=None`` the figure is a
    :class:`KitFigure` whose text form lists the pose, each muscle's pull × moment arm, the total,
    the inward pull at the knee and the gracilis' knee moment arm. Sources: module docstring;
    valgus as hip adduction plus internal rotation: EVIDENCE 1.4 (PMC7274868).
    """
    own = ax is None
    figure, ax = figure_and_axes(ax, (8.3, 7.2))
    view = KneeView(
        ax, Pose(hip_flexion, hip_adduction, hip_rotation, knee_angle), effort, muscles, highlight
    )
    source_note(figure)
    state_numbers(figure, view.summary(), own)
    return figure
