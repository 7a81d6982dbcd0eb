"""Pictures that explain the inner thighs: levers, lines of pull, moment arms and stretch.

Each function takes ``ax=None`` (draw into the given axes, or make a new Figure with an Agg
canvas; never pyplot), returns the Figure, and gives its artists stable gids such as
``"pull:adductor_longus"`` so notebooks and tests can find them. The two views that the
explorers animate (:class:`KneeView`, :class:`PelvisView`) keep their artists and move them in
place with ``update(...)``.

Sources. Geometry, moment arms and muscle parameters: OpenSim Gait2392 (Thelen, Seth, Anderson,
Delp; after Delp SL et al. 1990, IEEE Trans Biomed Eng 37(8):757-767), CC BY 3.0, computed by
:mod:`innerthigh_kit.anatomy`. Fibre force-length curves: Thelen DG 2003, J Biomech Eng
125(1):70-77. Actions that change with hip angle: see ../shared EVIDENCE notes 1.2 (EMG:
Eur J Appl Physiol 2019, doi 10.1007/s00421-019-04150-5). Palette: Okabe & Ito (2008),
"Color Universal Design", safe for the common colour-vision deficiencies.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Circle, FancyArrowPatch, Polygon, Rectangle

from . import anatomy
from .anatomy import MUSCLES, Pose

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
_NEUTRAL = Pose()
NEWTONS_PER_METRE = 3000.0  # force arrows: 300 N is drawn 10 cm long


def _cm(metres: float) -> str:
    return f"{metres * 100:.1f} cm"


def _figure_and_axes(ax, size, rect=(0.02, 0.03, 0.96, 0.9)):
    if ax is not None:
        return ax.figure, ax
    figure = Figure(figsize=size, facecolor="white")
    FigureCanvasAgg(figure)
    return figure, figure.add_axes(rect)


def _plain_axes(ax, xmin, xmax, ymin, ymax, grow="right") -> None:
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


def _arrow(ax, gid, colour, width=1.8, style="-|>", scale=14, **kw):
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


def _scale_bar(ax, x, y, gid="scale", length=0.1):
    (bar,) = ax.plot([x, x + length], [y, y], color=INK, linewidth=2, solid_capstyle="butt")
    bar.set_gid(gid)
    ax.text(x + length / 2, y - 0.012, f"{length * 100:.0f} cm", ha="center", va="top", fontsize=8, color=INK)
    force = _arrow(ax, "scale:force", INK, width=1.4, scale=10)
    force.set_positions((x, y - 0.05), (x + 300 / NEWTONS_PER_METRE, y - 0.05))
    ax.text(x + 0.05, y - 0.062, "300 N of pull", ha="center", va="top", fontsize=8, color=INK)


def _source_note(figure, text=CREDIT) -> None:
    figure.text(0.01, 0.005, text, fontsize=6.5, color="#555555", ha="left", va="bottom")


class _LegView:
    """What the knee and pelvis views share: the pose, the muscles' geometry and its cache."""

    def __init__(self, ax, pose: Pose, effort: float, muscles: Sequence[str], highlight: str | None):
        self.ax, self.figure = ax, ax.figure
        self.muscles = tuple(anatomy.muscle(m).name for m in muscles)
        self.highlight = anatomy.muscle(highlight).name if highlight else None
        self.pose, self.effort = Pose(*pose), float(effort)
        self.paths: dict[str, np.ndarray] = {}
        self.arms: dict[str, dict] = {}
        self.recomputed: tuple[str, ...] = ()
        self._compute(self.muscles)

    def _compute(self, names) -> None:
        for name in names:
            self.paths[name] = anatomy.path_points(name, *self.pose)
            self.arms[name] = anatomy.moment_arms(name, *self.pose)
        self.landmarks = anatomy.landmarks(*self.pose)
        self.recomputed = tuple(names)

    def force(self, name: str) -> float:
        """The muscle's pull in newtons: effort (0..1) times its maximum isometric force."""
        return self.effort * anatomy.muscle(name).max_isometric_force

    def moment(self, coordinate: str) -> float:
        """The summed moment of the drawn muscles about a coordinate, N·m."""
        return sum(self.force(n) * self.arms[n][coordinate] for n in self.muscles)

    def update(self, pose: Pose | None = None, effort: float | None = None, **angles) -> tuple[str, ...]:
        """Move the drawing to a new pose or effort; returns the muscles whose geometry was recomputed.

        A change of knee angle alone recomputes only the muscles that cross the knee (gracilis);
        a change of effort alone recomputes none. The caller redraws the canvas.
        """
        new_pose = Pose(*pose) if pose is not None else self.pose._replace(**angles)
        changed = {c for c in anatomy.COORDINATES if getattr(new_pose, c) != getattr(self.pose, c)}
        self.pose = new_pose
        if effort is not None:
            self.effort = float(effort)
        if changed - {"knee_angle"}:
            names = self.muscles
        elif changed:
            names = tuple(n for n in self.muscles if anatomy.muscle(n).crosses_knee)
        else:
            names = ()
        if changed:
            self._compute(names)
        else:
            self.recomputed = ()
        self._refresh()
        return self.recomputed

    def _table_rows(self, x, y, step=0.045):
        rows = {}
        for i, name in enumerate(self.muscles):
            text = self.ax.text(
                x,
                y - i * step,
                "",
                transform=self.ax.transAxes,
                fontsize=8,
                color=COLOURS[name],
                va="top",
                ha="left",
                family="DejaVu Sans",
            )
            text.set_gid(f"row:{name}")
            rows[name] = text
        return rows

    def _refresh(self) -> None:  # pragma: no cover - each view defines it
        raise NotImplementedError


def _frontal(points):
    """Front view of the right leg: the subject faces you, so its midline is to your right (h = -z)."""
    points = np.asarray(points)
    return np.stack([-points[..., 2], points[..., 1]], -1)


def _sagittal(points):
    """Side view from the subject's right: forward (anterior) to your right (x), up (y)."""
    points = np.asarray(points)
    return np.stack([points[..., 0], points[..., 1]], -1)


# A simplified outline of the pelvis (the model has no bone shapes here; the hip centres, the lumbar
# joint and the muscle attachments it passes through are the model's). Right half, front view (z, y).
_PELVIS_FRONT_HALF = [
    (0.0, -0.092),
    (0.012, -0.098),
    (0.045, -0.125),
    (0.065, -0.128),
    (0.08, -0.11),
    (0.11, -0.09),
    (0.12, -0.06),
    (0.122, -0.03),
    (0.128, -0.005),
    (0.14, 0.03),
    (0.125, 0.06),
    (0.09, 0.07),
    (0.055, 0.045),
    (0.035, 0.075),
    (0.0, 0.085),
]
# Side view of the right hip bone (x, y): ASIS at the origin (the model's pelvis origin lies midway
# between the two ASIS), pubis below and in front, ischium (sitting bone) below and behind.
_PELVIS_SIDE = [
    (0.0, 0.0),
    (-0.015, -0.028),
    (-0.03, -0.045),
    (-0.012, -0.07),
    (-0.02, -0.088),
    (-0.04, -0.1),
    (-0.075, -0.118),
    (-0.11, -0.128),
    (-0.13, -0.112),
    (-0.125, -0.08),
    (-0.115, -0.05),
    (-0.14, -0.02),
    (-0.155, 0.01),
    (-0.15, 0.04),
    (-0.12, 0.075),
    (-0.07, 0.085),
    (-0.03, 0.06),
]


class KneeView(_LegView):
    """Front view: the adductors swing the thigh toward the midline about the hip, the knee follows.

    Draws the pelvis (simplified outline), femur and tibia placed by the model, the hip as the
    fulcrum, each muscle's line of pull with an arrow for its pull on the bone (N), the summed
    adduction moment (force × moment arm, N·m), the matching inward pull at the knee (valgus
    tendency when the foot is planted) and the gracilis crossing the knee. The numbers are the
    model's 3-D moment arms; the drawing is their projection on the front (frontal) plane.
    """

    def __init__(self, ax, pose=_NEUTRAL, effort=0.3, muscles=MUSCLES, highlight="adductor_longus"):
        super().__init__(ax, pose, effort, muscles, highlight)
        _plain_axes(ax, -0.42, 0.16, -0.76, 0.15, grow="right")
        outline = np.array(_PELVIS_FRONT_HALF)
        both = np.vstack([outline * (-1, 1), outline[::-1] * (1, 1)])  # mirror: h = -z
        pelvis = Polygon(both, closed=True, facecolor=BONE_FILL, edgecolor=BONE, linewidth=1.2, zorder=1)
        pelvis.set_gid("bone:pelvis")
        ax.add_patch(pelvis)
        ax.text(0.0, 0.1, "pelvis", ha="center", fontsize=9, color=INK)
        left_hip = _frontal(self.landmarks["left_hip_centre"])
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
            self.arrows[name] = _arrow(ax, f"force:{name}", COLOURS[name], zorder=4)
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
        self.moment_arc = _arrow(
            ax, "moment:adduction", INK, width=1.6, connectionstyle="arc3,rad=0.5", zorder=6
        )
        self.moment_text = ax.text(
            0, 0, "", fontsize=9.5, color=INK, va="center", gid="text:moment", weight="bold"
        )
        self.inward = _arrow(ax, "knee:inward", INK, width=2.8, scale=20, zorder=6)
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
        _scale_bar(ax, 0.45, -0.70)
        ax.set_title(
            "The inner thighs pull the thigh toward the midline (front view, right leg)",
            loc="left",
            fontsize=11,
        )
        self._refresh()

    def _refresh(self) -> None:
        marks = {k: _frontal(v) for k, v in self.landmarks.items()}
        hip, knee, ankle = marks["right_hip_centre"], marks["knee_centre"], marks["ankle_centre"]
        self.femur.set_data(*np.array([hip, knee]).T)
        self.tibia.set_data(*np.array([knee, ankle]).T)
        self.hip.center = hip
        self.knee.set_data([knee[0]], [knee[1]])
        self.hip_text.xy = hip
        for name in self.muscles:
            path = _frontal(self.paths[name])
            self.lines[name].set_data(*path.T)
            end, before = path[-1], path[-2]
            direction = (before - end) / max(np.linalg.norm(before - end), 1e-9)
            self.arrows[name].set_positions(end, end + direction * self.force(name) / NEWTONS_PER_METRE)
            arm = self.arms[name]["hip_adduction"]
            self.rows[name].set_text(
                f"{SHORT[name]}: {self.force(name):.0f} N × {_cm(arm)} = {self.force(name) * arm:.1f} N·m"
            )
        total = self.moment("hip_adduction")
        self.total_text.set_text(f"adduction moment, all {len(self.muscles)}: {total:.1f} N·m")
        if self.highlight in self.paths:
            path = _frontal(self.paths[self.highlight])
            a, b = path[0], path[1]
            t = np.clip(np.dot(hip - a, b - a) / np.dot(b - a, b - a), 0, 1)
            foot = a + t * (b - a)
            self.lever.set_data([hip[0], foot[0]], [hip[1], foot[1]])
            self.lever_text.set_position((hip[0] - 0.035, hip[1] + 0.045))
            self.lever_text.set_text(
                f"moment arm of {LABELS[self.highlight]}\n"
                f"{_cm(self.arms[self.highlight]['hip_adduction'])} (dashed)"
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
            self.gracilis_text.xy = _frontal(self.paths["gracilis"][-1])
            arm = self.arms["gracilis"]["knee_angle"]
            self.gracilis_text.set_text(
                f"gracilis: the only one that crosses the knee\n"
                f"knee moment arm {_cm(arm)} ({'bends' if arm < 0 else 'straightens'} "
                "the knee)"
            )


class PelvisView(_LegView):
    """Side view: the adductors pull on the pubic bone and ischium about the hip's flexion axis.

    With the thigh held still, a muscle whose line of pull passes in front of the hip axis (a hip
    flexor) tips the pelvis forward (anterior tilt); one behind it (an extensor) tips it back.
    Flex the hip and the lines swing: the adductor longus flexes near standing and extends in deep
    flexion (its moment arm changes sign at about 64° in this model).
    """

    def __init__(self, ax, pose=_NEUTRAL, effort=0.3, muscles=MUSCLES, highlight="adductor_longus"):
        super().__init__(ax, pose, effort, muscles, highlight)
        _plain_axes(ax, -0.40, 0.45, -0.34, 0.13, grow="down")
        pelvis = Polygon(
            _PELVIS_SIDE, closed=True, facecolor=BONE_FILL, edgecolor=BONE, linewidth=1.2, zorder=1
        )
        pelvis.set_gid("bone:pelvis")
        ax.add_patch(pelvis)
        for text, xy, where in (
            ("pubic bone", (-0.02, -0.092), (0.035, -0.13)),
            ("sitting bone (ischium)", (-0.115, -0.125), (-0.35, -0.17)),
            ("front hip point (ASIS)", (0.0, 0.0), (0.03, 0.05)),
        ):
            ax.annotate(
                text,
                xy,
                where,
                fontsize=8.5,
                color=INK,
                gid=f"text:{text.split()[0]}",
                arrowprops=dict(arrowstyle="-", color=BONE, lw=0.8),
            )
        (self.femur,) = ax.plot(
            [], [], color=BONE, linewidth=8, solid_capstyle="round", zorder=2, gid="bone:femur"
        )
        self.hip = Circle(
            (0, 0), 0.018, facecolor="white", edgecolor=INK, linewidth=1.5, zorder=5, gid="joint:hip"
        )
        ax.add_patch(self.hip)
        (self.axis_dot,) = ax.plot([], [], "o", color=INK, markersize=3, zorder=6)
        self.lines, self.arrows = {}, {}
        for name in self.muscles:
            (line,) = ax.plot([], [], color=COLOURS[name], linewidth=2.2, zorder=3, gid=f"pull:{name}")
            self.lines[name] = line
            self.arrows[name] = _arrow(ax, f"force:{name}", COLOURS[name], zorder=4)
        self.lever = ax.plot(
            [], [], color=INK, linewidth=1.6, linestyle=(0, (2, 1.5)), zorder=7, gid="moment_arm"
        )[0]
        self.lever_text = ax.text(0, 0, "", fontsize=8, color=INK, va="center", gid="text:moment_arm")
        self.tilt_arc = _arrow(ax, "moment:tilt", INK, width=1.8, connectionstyle="arc3,rad=0.55", zorder=6)
        self.tilt_text = ax.text(0.0, 0.0, "", fontsize=9.5, color=INK, gid="text:tilt", va="bottom")
        ax.text(
            0.0,
            0.33,
            "pull on the pelvis, and which way it tips it",
            transform=ax.transAxes,
            fontsize=8.5,
            color=INK,
            va="top",
            weight="bold",
        )
        self.rows = self._table_rows(0.0, 0.29, step=0.035)
        self.total_text = ax.text(
            0.0,
            0.29 - 0.035 * len(self.muscles),
            "",
            transform=ax.transAxes,
            fontsize=9,
            color=INK,
            va="top",
            weight="bold",
            gid="text:total",
        )
        ax.text(
            0.6,
            0.29,
            "If the thigh stays still, a pull in front of the hip axis\n(a hip flexor) "
            "tips the pelvis forward; a pull behind\nit (a hip extensor) tips it back. "
            "Bend the hip and\nthe lines swing around the axis: the answer changes.",
            transform=ax.transAxes,
            fontsize=8,
            color="#444444",
            va="top",
        )
        _scale_bar(ax, 0.30, -0.27)
        clip = Rectangle((-0.40, -0.34), 0.85, 0.47, transform=ax.transData)
        for artist in (self.femur, *self.lines.values(), *self.arrows.values(), self.lever):
            artist.set_clip_path(clip)
        ax.set_title("", loc="left", fontsize=11)
        self._refresh()

    def _refresh(self) -> None:
        hip = _sagittal(self.landmarks["right_hip_centre"])
        knee = _sagittal(self.landmarks["knee_centre"])
        self.femur.set_data(*np.array([hip, knee]).T)
        self.hip.center = hip
        self.axis_dot.set_data([hip[0]], [hip[1]])
        for name in self.muscles:
            path = _sagittal(self.paths[name])
            self.lines[name].set_data(*path.T)
            start, after = path[0], path[1]
            direction = (after - start) / max(np.linalg.norm(after - start), 1e-9)
            self.arrows[name].set_positions(start, start + direction * self.force(name) / NEWTONS_PER_METRE)
            arm = self.arms[name]["hip_flexion"]
            tip = "tips it forward" if arm > 0.0005 else "tips it back" if arm < -0.0005 else "hardly tips it"
            where = "in front of" if arm > 0 else "behind"
            self.rows[name].set_text(f"{SHORT[name]}: {_cm(abs(arm))} {where} the axis, {tip}")
        total = self.moment("hip_flexion")
        forward = total >= 0
        self.total_text.set_text(
            f"all {len(self.muscles)} at {self.effort:.0%} effort: {abs(total):.1f} N·m, "
            f"pelvis tips {'forward' if forward else 'back'}"
        )
        if self.highlight in self.paths:
            path = _sagittal(self.paths[self.highlight])
            a, b = path[0], path[1]
            t = np.dot(hip - a, b - a) / np.dot(b - a, b - a)
            foot = a + t * (b - a)
            self.lever.set_data([hip[0], foot[0]], [hip[1], foot[1]])
            self.lever_text.set_position((hip[0] + 0.03, hip[1] + 0.035))
            arm = self.arms[self.highlight]["hip_flexion"]
            self.lever_text.set_text(f"{LABELS[self.highlight]}:\nmoment arm {_cm(abs(arm))}")
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
    figure, ax = _figure_and_axes(ax, (8.3, 7.2))
    KneeView(ax, Pose(hip_flexion, hip_adduction, hip_rotation, knee_angle), effort, muscles, highlight)
    _source_note(figure)
    return figure


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

    Sources: module docstring; the longus flexes near neutral and extends in deep flexion (model,
    EVIDENCE 1.2), the magnus' hamstring part extends throughout (Neumann 2010, via EVIDENCE 1.2).
    """
    figure, ax = _figure_and_axes(ax, (8.3, 7.4))
    PelvisView(ax, Pose(hip_flexion, hip_adduction, hip_rotation, knee_angle), effort, muscles, highlight)
    _source_note(figure)
    return figure


RANGES = {
    "hip_flexion": (-20, 100),
    "hip_adduction": (-40, 20),
    "hip_rotation": (-30, 30),
    "knee_angle": (-100, 0),
}
_AXIS_WORDS = {
    "hip_flexion": (
        "hip flexion (°): + bends the hip, − takes the thigh back",
        "flexes the hip",
        "extends the hip",
    ),
    "hip_adduction": ("hip adduction (°): + toward the midline, − out to the side", "adducts", "abducts"),
    "hip_rotation": ("hip rotation (°): + turns the thigh in, − out", "turns the thigh in", "turns it out"),
    "knee_angle": ("knee angle (°): 0 = straight, − = bent", "straightens the knee", "bends the knee"),
}


def moment_arm_curves(
    coordinate: str = "hip_flexion",
    muscles: Sequence[str] = MUSCLES,
    hip_flexion=0.0,
    hip_adduction=0.0,
    hip_rotation=0.0,
    knee_angle=0.0,
    ax=None,
) -> Figure:
    """Moment arm (cm) of each muscle about ``coordinate`` as that angle sweeps its teaching range.

    The other angles stay at the values given. Where a muscle's moment arm changes sign its action
    flips, and the curve is marked with the angle (e.g. adductor longus: flexor to extensor at
    about 64° of hip flexion in this model; crossover angles differ between people and models,
    EVIDENCE 1.2). Sources: module docstring.
    """
    coordinate = anatomy._coordinate(coordinate)
    figure, ax = _figure_and_axes(ax, (8.3, 5.0), rect=(0.08, 0.12, 0.6, 0.74))
    low, high = RANGES[coordinate]
    angles = np.linspace(low, high, 241)
    pose = {
        "hip_flexion": hip_flexion,
        "hip_adduction": hip_adduction,
        "hip_rotation": hip_rotation,
        "knee_angle": knee_angle,
        coordinate: angles,
    }
    names = [anatomy.muscle(m).name for m in muscles]
    if coordinate == "knee_angle":
        names = [n for n in names if anatomy.muscle(n).crosses_knee]
        ax.text(
            0.02,
            0.04,
            "The other six do not cross the knee: their knee moment arm is 0 cm.",
            transform=ax.transAxes,
            fontsize=8.5,
            color="#444444",
        )
    ax.axhline(0, color=INK, linewidth=0.8)
    for name in names:
        arms = anatomy.moment_arm(name, coordinate, **pose) * 100
        ax.plot(angles, arms, color=COLOURS[name], linewidth=2.2, label=SHORT[name], gid=f"curve:{name}")
        flips = np.nonzero(np.diff(np.sign(arms)))[0]
        for i in flips[:1]:
            at = angles[i] - arms[i] * (angles[i + 1] - angles[i]) / (arms[i + 1] - arms[i])
            ax.plot([at], [0], "o", color=COLOURS[name], markersize=5, gid=f"flip:{name}")
            ax.annotate(
                f"{at:.0f}°",
                (at, 0),
                (0, 10 if arms[i] < 0 else -14),
                textcoords="offset points",
                ha="center",
                fontsize=8,
                color=COLOURS[name],
            )
    words, positive, negative = _AXIS_WORDS[coordinate]
    ax.text(0.99, 0.97, f"above 0: {positive}", transform=ax.transAxes, ha="right", va="top", fontsize=9)
    ax.text(0.99, 0.03, f"below 0: {negative}", transform=ax.transAxes, ha="right", va="bottom", fontsize=9)
    ax.set_xlabel(words)
    ax.set_ylabel(f"moment arm (cm) about {coordinate.replace('_', ' ')}")
    ax.set_xlim(low, high)
    ax.grid(True, color="#e5e5e5", linewidth=0.6)
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    ax.set_title(
        f"How far each pull sits from the joint as the {coordinate.replace('_', ' ')} changes\n"
        "(moment arm: the longer, the stronger the turn; the sign says which way)",
        loc="left",
        fontsize=10,
    )
    _source_note(figure)
    return figure


def stretch_curves(
    muscles: Sequence[str] = MUSCLES,
    focus: str = "adductor_longus",
    tightness: float = 0.15,
    relative_to: str = "both",
    ax=None,
) -> Figure:
    """How much each muscle stretches as the hip opens out to the side (abduction, 0-50°).

    ``relative_to="neutral"``: length change in % of the standing length, all muscles.
    ``relative_to="optimal"``: fibre length over optimal fibre length (the length where the fibres
    pull hardest) for ``focus``, typical and "tight" (fibres ``tightness`` shorter, e.g. 0.15 =
    15 %), with the zone where passive tension rises (Thelen 2003 curve: from optimal length up).
    The tight muscle meets passive tension sooner and has a shorter range to work in. A teaching
    model, not a measurement: fibre lengths are rigid-tendon estimates, and "tight means weak" is
    a coaching idea with thin evidence (EVIDENCE 2.9-2.10; Witvrouw 2003, Tyler 2001). With
    ``"both"`` and ``ax=None`` two panels side by side; ``ax`` may then be a pair of axes.
    """
    if relative_to not in ("both", "neutral", "optimal"):
        raise anatomy.AnatomyError(
            f"relative_to must be 'both', 'neutral' or 'optimal', not {relative_to!r}."
        )
    if ax is None:
        figure = Figure(figsize=(8.3, 4.4) if relative_to == "both" else (5.5, 4.4), facecolor="white")
        FigureCanvasAgg(figure)
        axes = figure.subplots(1, 2 if relative_to == "both" else 1, squeeze=False)[0]
        figure.subplots_adjust(left=0.08, right=0.98, bottom=0.22, top=0.86, wspace=0.28)
    else:
        axes = list(ax) if relative_to == "both" else [ax]
        figure = axes[0].figure
    abduction = np.linspace(0, 50, 101)
    panels = dict(zip(("neutral", "optimal") if relative_to == "both" else (relative_to,), axes, strict=True))
    if "neutral" in panels:
        a = panels["neutral"]
        for name in (anatomy.muscle(m).name for m in muscles):
            lengths = anatomy.musculotendon_length(name, hip_adduction=-abduction)
            a.plot(
                abduction,
                100 * (lengths / lengths[0] - 1),
                color=COLOURS[name],
                linewidth=2,
                label=SHORT[name],
                gid=f"stretch:{name}",
            )
        a.set_xlabel("hip abduction (°): thigh out to the side")
        a.set_ylabel("longer than when standing (%)")
        a.set_title("Stretch of the whole muscle and tendon", loc="left", fontsize=10)
        a.legend(fontsize=7, frameon=False, loc="upper left")
        a.grid(True, color="#e5e5e5", linewidth=0.6)
    if "optimal" in panels:
        _optimal_panel(panels["optimal"], anatomy.muscle(focus).name, abduction, tightness)
    _source_note(figure, CREDIT + " Fibre curves: Thelen 2003. Teaching model, not a measurement.")
    return figure


def _optimal_panel(a, name, abduction, tightness) -> None:
    a.axhspan(1.0, 2.0, color="#dddddd", zorder=0, gid="zone:passive")
    a.text(
        1,
        1.57,
        "above 1: passive tension rises,\nthe muscle resists (the stretch you feel)",
        fontsize=8,
        color="#444444",
        va="top",
    )
    a.axhline(1.0, color=INK, linewidth=0.8)
    onsets = {}
    for scale, style, word in (
        (1.0, "-", "typical"),
        (1.0 - tightness, "--", f"tight: fibres {tightness:.0%} shorter"),
    ):
        fibre = anatomy.normalized_fiber_length(name, hip_adduction=-abduction, fiber_scale=scale)
        a.plot(
            abduction,
            fibre,
            color=COLOURS[name],
            linestyle=style,
            linewidth=2.2,
            label=word,
            gid=f"fibre:{'typical' if scale == 1.0 else 'tight'}",
        )
        if fibre[0] < 1.0 <= fibre[-1]:
            at = float(np.interp(1.0, fibre, abduction))
            onsets[scale == 1.0] = at
            a.plot(
                [at], [1.0], "o", color=COLOURS[name], gid=f"onset:{'typical' if scale == 1.0 else 'tight'}"
            )
            a.annotate(f"{at:.0f}°", (at, 1.0), (4, -14), textcoords="offset points", fontsize=8.5)
        elif fibre[0] >= 1.0:
            a.annotate("already at 0°", (0, fibre[0]), (4, 6), textcoords="offset points", fontsize=8.5)
            onsets[scale == 1.0] = 0.0
    if len(onsets) == 2:
        a.text(
            0.98,
            0.20,
            f"range before the muscle resists:\ntypical {onsets[True]:.0f}°, tight {onsets[False]:.0f}°",
            transform=a.transAxes,
            ha="right",
            va="bottom",
            fontsize=8.5,
            color=INK,
            gid="text:range",
        )
    a.set_ylim(0.5, 1.6)
    a.set_xlim(abduction[0], abduction[-1])
    a.set_xlabel("hip abduction (°): thigh out to the side")
    a.set_ylabel("fibre length ÷ optimal fibre length")
    a.set_title(
        f"{LABELS[name]}: where the fibres work best\n(optimal length = 1: the strongest pull)",
        loc="left",
        fontsize=10,
    )
    a.legend(fontsize=8, frameon=False, loc="lower right", bbox_to_anchor=(1.0, 0.0))
    a.grid(True, color="#e5e5e5", linewidth=0.6)


def _lever(ax, y, fulcrum_x, effort_x, load_x, effort_up, texts, scale=1.0):
    """A plain lever along y: beam, fulcrum triangle, effort and load arrows, arm brackets."""
    xs = (fulcrum_x, effort_x, load_x)
    (beam,) = ax.plot(
        [min(xs) - 0.02, max(xs) + 0.02], [y, y], color=BONE, linewidth=7, solid_capstyle="round"
    )
    beam.set_gid("lever:beam")
    fulcrum = Polygon(
        [(fulcrum_x, y - 0.012), (fulcrum_x - 0.035, y - 0.07), (fulcrum_x + 0.035, y - 0.07)],
        facecolor="white",
        edgecolor=INK,
        linewidth=1.5,
        zorder=5,
    )
    fulcrum.set_gid("lever:fulcrum")
    ax.add_patch(fulcrum)
    effort = _arrow(ax, "lever:effort", COLOURS["adductor_longus"], width=2.6, scale=18, zorder=6)
    effort.set_positions(
        (effort_x, y + (0.015 if effort_up else 0.17)), (effort_x, y + (0.17 if effort_up else 0.015))
    )
    load = _arrow(ax, "lever:load", COLOURS["adductor_magnus_middle"], width=2.6, scale=18, zorder=6)
    load.set_positions((load_x, y + 0.15), (load_x, y + 0.015))
    ax.text(
        effort_x,
        y + 0.19,
        texts["effort"],
        ha="center",
        va="bottom",
        fontsize=9,
        color=COLOURS["adductor_longus"],
        gid="text:effort",
    )
    ax.text(
        load_x,
        y + 0.19,
        texts["load"],
        ha="center",
        va="bottom",
        fontsize=9,
        color=COLOURS["adductor_magnus_middle"],
        gid="text:load",
    )
    ax.text(
        fulcrum_x - 0.045,
        y - 0.045,
        texts["fulcrum"],
        ha="right",
        va="center",
        fontsize=9,
        color=INK,
        gid="text:fulcrum",
    )
    for i, (x, word) in enumerate(((effort_x, texts["effort_arm"]), (load_x, texts["load_arm"]))):
        level = y - 0.04 - 0.05 * i if abs(x - fulcrum_x) > 0.01 else y - 0.04
        arm = FancyArrowPatch(
            (fulcrum_x, level),
            (x, level),
            arrowstyle="|-|",
            mutation_scale=4,
            color=INK,
            linewidth=1,
            shrinkA=0,
            shrinkB=0,
            gid=f"lever:{'effort' if i == 0 else 'load'}_arm",
        )
        ax.add_patch(arm)
        if abs(x - fulcrum_x) < 0.15:  # too short to hold its words: write them beside it
            ax.text(max(x, fulcrum_x) + 0.01, level, word, ha="left", va="center", fontsize=8, color=INK)
        else:
            ax.text((fulcrum_x + x) / 2, level - 0.008, word, ha="center", va="top", fontsize=8, color=INK)


def lever_sketch(kind: str = "third", ax=None) -> Figure:
    """A plain lever (effort, load, fulcrum, arms) above the same lever found at the hip.

    ``kind="third"``: effort between fulcrum and load, as in a side-lying inner-thigh lift: the hip
    is the fulcrum, the adductor longus pulls 6.7 cm from it (its moment arm in the model), an ankle
    weight hangs 0.83 m away (hip to ankle in the model). The muscle pulls far harder than the
    weight, and in return the foot moves far further and faster. ``kind="first"``: fulcrum in the
    middle, as the pelvis balances on the hip: adductor longus pulls the pubis down in front, the
    hamstring part of adductor magnus pulls the sitting bone down behind (moment arms from the
    model). Sources: module docstring; lever classes in any kinesiology text (e.g. Neumann DA,
    Kinesiology of the Musculoskeletal System, ch. 4).
    """
    if kind not in ("first", "third"):
        raise anatomy.AnatomyError(f"kind must be 'first' or 'third', not {kind!r}.")
    figure, ax = _figure_and_axes(ax, (8.3, 5.6), rect=(0.01, 0.04, 0.98, 0.94))
    ax.set_axis_off()
    ax.set_xlim(-0.3, 1.08)
    ax.set_ylim(-0.2, 1.0)
    longus = anatomy.moment_arms("adductor_longus")
    if kind == "third":
        effort_arm = longus["hip_adduction"]
        marks = anatomy.landmarks()
        load_arm = float(np.linalg.norm(marks["ankle_centre"] - marks["right_hip_centre"]))
        load = 2.0 * 9.81
        effort = load * load_arm / effort_arm
        ax.text(
            -0.28,
            0.97,
            "A third-class lever: the effort sits between the pivot and the load",
            fontsize=11,
            va="top",
            weight="bold",
        )
        _lever(
            ax,
            0.64,
            0.0,
            0.25,
            0.95,
            True,
            {
                "effort": "effort",
                "load": "load",
                "fulcrum": "fulcrum (pivot)",
                "effort_arm": "effort arm (short)",
                "load_arm": "load arm (long)",
            },
        )
        ax.text(
            -0.28,
            0.44,
            "The same lever at your hip: lying on your side, lifting the lower leg",
            fontsize=11,
            va="top",
            weight="bold",
        )
        _lever(
            ax,
            0.10,
            0.0,
            effort_arm,
            load_arm,
            True,
            {
                "effort": f"adductors pull\n{effort:.0f} N",
                "load": f"2 kg ankle weight\n{load:.1f} N",
                "fulcrum": "hip joint",
                "effort_arm": f"{_cm(effort_arm)}",
                "load_arm": f"hip to ankle {load_arm:.2f} m",
            },
        )
        note = (
            f"Balance: {effort:.0f} N × {effort_arm:.3f} m = {load:.1f} N × {load_arm:.2f} m "
            f"= {load * load_arm:.1f} N·m. The muscle pulls {effort / load:.0f}× harder than the weight,\n"
            f"and the foot travels {load_arm / effort_arm:.0f}× further than the muscle shortens. "
            "The leg's own weight adds to the load (not shown)."
        )
    else:
        front, back = longus["hip_flexion"], -anatomy.moment_arm("adductor_magnus_inferior", "hip_flexion")
        ax.text(
            -0.28,
            0.97,
            "A first-class lever: the pivot sits between effort and load (a seesaw)",
            fontsize=11,
            va="top",
            weight="bold",
        )
        _lever(
            ax,
            0.64,
            0.45,
            0.9,
            0.0,
            False,
            {
                "effort": "effort",
                "load": "load",
                "fulcrum": "fulcrum (pivot)",
                "effort_arm": "effort arm",
                "load_arm": "load arm",
            },
        )
        ax.text(
            -0.28,
            0.44,
            "The same lever in your pelvis, seen from the side (front to the right)",
            fontsize=11,
            va="top",
            weight="bold",
        )
        scale = 0.45 / max(front, back)
        _lever(
            ax,
            0.10,
            0.45,
            0.45 + front * scale,
            0.45 - back * scale,
            False,
            {
                "effort": "adductor longus pulls\nthe pubic bone down",
                "load": "magnus (hamstring part)\npulls the sitting bone down",
                "fulcrum": "hip joint",
                "effort_arm": f"{_cm(front)} in front",
                "load_arm": f"{_cm(back)} behind",
            },
        )
        note = (
            "Standing, the pelvis balances on the hips. A pull down in front tips it forward; a pull down\n"
            "behind tips it back. Arms drawn to scale with each other (not with the page); from the model, "
            "standing."
        )
    ax.text(-0.28, -0.08, note, fontsize=8.5, color="#333333", va="top", gid="text:balance")
    _source_note(figure)
    return figure
