"""The front view of the right leg: the inner thighs swing the thigh toward the midline."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Circle, Polygon

from ..anatomy import MUSCLES, Pose
from ._style import (
    BONE,
    BONE_FILL,
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
)
from .leg import PELVIS_FRONT_HALF, LegView, frontal


class KneeView(LegView):
    """Front view: the adductors swing the thigh toward the midline about the hip, the knee follows.

    Draws the pelvis (simplified outline), femur and tibia placed by the model, the hip as the
    fulcrum, each muscle's line of pull with an arrow for its pull on the bone (N), the summed
    adduction moment (force × moment arm, N·m), the matching inward pull at the knee (valgus
    tendency when the foot is planted) and the gracilis crossing the knee. The numbers are the
    model's 3-D moment arms; the drawing is their projection on the front (frontal) plane.
    """

    def __init__(self, ax, pose=NEUTRAL, effort=0.3, muscles=MUSCLES, highlight="adductor_longus"):
        super().__init__(ax, pose, effort, muscles, highlight)
        plain_axes(ax, -0.42, 0.16, -0.76, 0.15, grow="right")
        outline = np.array(PELVIS_FRONT_HALF)
        both = np.vstack([outline * (-1, 1), outline[::-1] * (1, 1)])  # mirror: h = -z
        pelvis = Polygon(both, closed=True, facecolor=BONE_FILL, edgecolor=BONE, linewidth=1.2, zorder=1)
        pelvis.set_gid("bone:pelvis")
        ax.add_patch(pelvis)
        ax.text(0.0, 0.1, "pelvis", ha="center", fontsize=9, color=INK)
        left_hip = frontal(self.landmarks["left_hip_centre"])
        ax.add_patch(Circle(left_hip, 0.022, facecolor="white", edgecolor=BONE, zorder=2))
        (self.femur,) = ax.plot(
            [], [], color=BONE, linewidth=7, solid_capstyle="round", zorder=2, gid="bone:femur"
        )
        (self.tibia,) = ax.plot(
            [], [], color=BONE, linewidth=6, solid_capstyle="round", zorder=2, gid="bone:tibia"
        )
        self.hip = Circle((0, 0), 0.022, facecolor="white", edgecolor=INK, linewidth=1.5, zorder=5)
        self.hip.set_gid("joint:hip")
        ax.add_patch(self.hip)
        (self.knee,) = ax.plot(
            [], [], "o", color="white", markeredgecolor=INK, markersize=9, zorder=5, gid="joint:knee"
        )
        self.lines, self.arrows = {}, {}
        for name in self.muscles:
            (line,) = ax.plot([], [], color=COLOURS[name], linewidth=2.2, zorder=3, gid=f"pull:{name}")
            self.lines[name] = line
            self.arrows[name] = arrow(ax, f"force:{name}", COLOURS[name], zorder=4)
        self.lever = ax.plot(
            [], [], color=INK, linewidth=1.6, linestyle=(0, (2, 1.5)), zorder=7, gid="moment_arm"
        )[0]
        self.lever_text = ax.text(
            0, 0, "", fontsize=8, color=INK, ha="right", va="bottom", gid="text:moment_arm"
        )
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
        ax.text(
            0.53,
            0.985,
            "each muscle: pull × moment arm = turn",
            transform=ax.transAxes,
            fontsize=8.5,
            color=INK,
            va="top",
            weight="bold",
        )
        self.rows = self._table_rows(0.53, 0.95, step=0.04)
        self.total_text = ax.text(
            0.53,
            0.95 - 0.04 * len(self.muscles),
            "",
            transform=ax.transAxes,
            fontsize=9,
            color=INK,
            va="top",
            weight="bold",
            gid="text:total",
        )
        ax.text(
            0.53,
            0.6,
            "moment arm: how far the pull sits from the hip,\nmeasured square to the pull. "
            "Longer = more turn.\nmoment (N·m) = pull (N) × moment arm (m)",
            transform=ax.transAxes,
            fontsize=8,
            color="#444444",
            va="top",
        )
        scale_bar(ax, 0.45, -0.70)
        ax.set_title(
            "The inner thighs pull the thigh toward the midline (front view, right leg)",
            loc="left",
            fontsize=11,
        )
        self._refresh()

    def _refresh(self) -> None:
        marks = {k: frontal(v) for k, v in self.landmarks.items()}
        hip, knee, ankle = marks["right_hip_centre"], marks["knee_centre"], marks["ankle_centre"]
        self.femur.set_data(*np.array([hip, knee]).T)
        self.tibia.set_data(*np.array([knee, ankle]).T)
        self.hip.center = hip
        self.knee.set_data([knee[0]], [knee[1]])
        self.hip_text.xy = hip
        for name in self.muscles:
            path = frontal(self.paths[name])
            self.lines[name].set_data(*path.T)
            end, before = path[-1], path[-2]
            direction = (before - end) / max(np.linalg.norm(before - end), 1e-9)
            self.arrows[name].set_positions(end, end + direction * self.force(name) / NEWTONS_PER_METRE)
            arm = self.arms[name]["hip_adduction"]
            self.rows[name].set_text(
                f"{SHORT[name]}: {self.force(name):.0f} N × {cm(arm)} = {self.force(name) * arm:.1f} N·m"
            )
        total = self.moment("hip_adduction")
        self.total_text.set_text(f"adduction moment, all {len(self.muscles)}: {total:.1f} N·m")
        if self.highlight in self.paths:
            path = frontal(self.paths[self.highlight])
            a, b = path[0], path[1]
            t = np.clip(np.dot(hip - a, b - a) / np.dot(b - a, b - a), 0, 1)
            foot = a + t * (b - a)
            self.lever.set_data([hip[0], foot[0]], [hip[1], foot[1]])
            self.lever_text.set_position((hip[0] - 0.035, hip[1] + 0.045))
            self.lever_text.set_text(
                f"moment arm of {LABELS[self.highlight]}\n"
                f"{cm(self.arms[self.highlight]['hip_adduction'])} (dashed)"
            )
        sign = 1 if total >= 0 else -1
        # left of the femur, below the hip: adduction swings this side down and in (anticlockwise here)
        upper, lower = hip + np.array([-0.10, -0.02]), hip + np.array([-0.035, -0.12])
        self.moment_arc.set_positions(*((upper, lower) if sign > 0 else (lower, upper)))
        self.moment_arc.set_connectionstyle(f"arc3,rad={0.45 * sign}")
        self.moment_text.set_position((hip[0] - 0.33, hip[1] - 0.10))
        self.moment_text.set_text(f"turns the thigh {'in' if sign > 0 else 'out'}:\n{abs(total):.1f} N·m")
        lever = float(np.linalg.norm(self.landmarks["knee_centre"] - self.landmarks["right_hip_centre"]))
        inward = total / lever
        self.inward.set_positions(
            knee, knee + np.array([sign * min(abs(inward) / NEWTONS_PER_METRE, 0.3), 0.0])
        )
        self.inward_text.set_text(
            f"black arrow at the knee: inward pull ≈ {abs(inward):.0f} N\n"
            f"(= {abs(total):.1f} N·m ÷ {lever:.2f} m, hip to knee)\n"
            "foot planted: the knee is drawn in\n(the 'knees cave in' / valgus tendency)"
        )
        if "gracilis" in self.paths:
            self.gracilis_text.xy = frontal(self.paths["gracilis"][-1])
            arm = self.arms["gracilis"]["knee_angle"]
            self.gracilis_text.set_text(
                f"gracilis: the only one that crosses the knee\n"
                f"knee moment arm {cm(arm)} ({'bends' if arm < 0 else 'straightens'} "
                "the knee)"
            )


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
    degrees, model signs (knee bent = negative). Sources: module docstring; valgus as hip
    adduction plus internal rotation: EVIDENCE 1.4 (PMC7274868).
    """
    figure, ax = figure_and_axes(ax, (8.3, 7.2))
    KneeView(ax, Pose(hip_flexion, hip_adduction, hip_rotation, knee_angle), effort, muscles, highlight)
    source_note(figure)
    return figure
