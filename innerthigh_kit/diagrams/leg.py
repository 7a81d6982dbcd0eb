"""What the knee and pelvis views share: the pose, each muscle's geometry, the artists both draw
(pelvis outline, femur, hip, lines of pull and force arrows, the dashed moment arm, the table of
rows and total, the grey note), projections and outlines. Each view adds only what is its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from matplotlib.patches import Circle, Polygon

from .. import anatomy
from ..anatomy import Pose
from ._style import BONE, BONE_FILL, COLOURS, INK, NEWTONS_PER_METRE, angle_words, arrow

Projection = Callable[[np.ndarray], np.ndarray]


class LegView:
    """What the knee and pelvis views share: the pose, the muscles' geometry and its cache.

    A view builds its artists once with the ``add_*`` helpers and moves them in :meth:`refresh`;
    :meth:`summary` states the numbers drawn, read from the same texts the picture shows.
    :attr:`moving` lists the artists :meth:`refresh` moves or rewrites; all the others are drawn
    once and never change, so an explorer can keep them as a picture and draw only these again.
    """

    #: The view's name at the head of its summary, e.g. "front view, right leg".
    VIEW = ""

    def __init__(self, ax, pose: Pose, effort: float, muscles: Sequence[str], highlight: str | None):
        self.ax, self.figure = ax, ax.figure
        self.muscles = tuple(anatomy.muscle(m).name for m in muscles)
        self.highlight = anatomy.muscle(highlight).name if highlight else None
        self.pose, self.effort = Pose(*pose), float(effort)
        self.paths: dict[str, np.ndarray] = {}
        self.arms: dict[str, dict] = {}
        self.recomputed: tuple[str, ...] = ()
        #: The artists refresh() moves or rewrites, in the order they were added.
        self.moving: list = []
        #: Lines of the summary after the table: the view's own numbers, set by refresh().
        self.readings: list[str] = []
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
        self.refresh()
        return self.recomputed

    def refresh(self) -> None:  # pragma: no cover - each view defines it
        """Move every artist to the current pose and effort and rewrite its text."""
        raise NotImplementedError

    def summary(self) -> str:
        """The pose, effort and every number the view draws, as the picture rounds them."""
        return "\n".join(
            [
                f"{self.VIEW}: {angle_words(self.pose._asdict())}; effort {self.effort:.0%}.",
                self.table_heading.get_text(),
                *(f"  {self.rows[name].get_text()}" for name in self.muscles),
                self.total_text.get_text(),
                *self.readings,
            ]
        )

    # Building: each view calls these in the order its artists are stacked.

    def moves(self, artist):
        """Note ``artist`` as one that refresh() moves or rewrites; returns it."""
        self.moving.append(artist)
        return artist

    def add_pelvis(self, outline) -> None:
        pelvis = Polygon(outline, closed=True, facecolor=BONE_FILL, edgecolor=BONE, linewidth=1.2, zorder=1)
        pelvis.set_gid("bone:pelvis")
        self.ax.add_patch(pelvis)

    def add_bone(self, gid: str, width: float):
        (bone,) = self.ax.plot([], [], color=BONE, linewidth=width, solid_capstyle="round", zorder=2, gid=gid)
        return self.moves(bone)

    def add_hip(self, radius: float) -> None:
        self.hip = Circle((0, 0), radius, facecolor="white", edgecolor=INK, linewidth=1.5, zorder=5)
        self.hip.set_gid("joint:hip")
        self.ax.add_patch(self.moves(self.hip))

    def add_pulls(self, **lever_text_style) -> None:
        """Each muscle's line of pull and force arrow; the dashed moment arm and its text."""
        self.lines, self.arrows = {}, {}
        for name in self.muscles:
            (line,) = self.ax.plot([], [], color=COLOURS[name], linewidth=2.2, zorder=3, gid=f"pull:{name}")
            self.lines[name] = self.moves(line)
            self.arrows[name] = self.moves(arrow(self.ax, f"force:{name}", COLOURS[name], zorder=4))
        self.lever = self.ax.plot(
            [], [], color=INK, linewidth=1.6, linestyle=(0, (2, 1.5)), zorder=7, gid="moment_arm"
        )[0]
        self.lever_text = self.ax.text(
            0, 0, "", fontsize=8, color=INK, gid="text:moment_arm", **lever_text_style
        )
        self.moving += [self.lever, self.lever_text]

    def add_table(self, heading: str, x: float, heading_y: float, rows_y: float, step: float) -> None:
        """A bold heading, one coloured row per muscle and the bold total below them (axes fractions)."""
        self.table_heading = self.ax.text(
            x,
            heading_y,
            heading,
            transform=self.ax.transAxes,
            fontsize=8.5,
            color=INK,
            va="top",
            weight="bold",
        )
        self.rows = {}
        for i, name in enumerate(self.muscles):
            text = self.ax.text(
                x,
                rows_y - i * step,
                "",
                transform=self.ax.transAxes,
                fontsize=8,
                color=COLOURS[name],
                va="top",
                ha="left",
                family="DejaVu Sans",
            )
            text.set_gid(f"row:{name}")
            self.rows[name] = self.moves(text)
        self.total_text = self.ax.text(
            x,
            rows_y - step * len(self.muscles),
            "",
            transform=self.ax.transAxes,
            fontsize=9,
            color=INK,
            va="top",
            weight="bold",
            gid="text:total",
        )
        self.moves(self.total_text)

    def add_note(self, x: float, y: float, text: str) -> None:
        """The grey explanation in plain words (axes fractions)."""
        self.ax.text(x, y, text, transform=self.ax.transAxes, fontsize=8, color="#444444", va="top")

    # Moving: shared by both views' refresh().

    def place_pulls(self, project: Projection, at_insertion: bool) -> None:
        """Each line along its projected path; its arrow at the insertion (toward the origin) or at
        the origin (toward the insertion), as long as the pull: 300 N draws 10 cm."""
        for name in self.muscles:
            path = project(self.paths[name])
            self.lines[name].set_data(*path.T)
            end, toward = (path[-1], path[-2]) if at_insertion else (path[0], path[1])
            direction = (toward - end) / max(np.linalg.norm(toward - end), 1e-9)
            self.arrows[name].set_positions(end, end + direction * self.force(name) / NEWTONS_PER_METRE)

    def place_moment_arm(self, hip, project: Projection, within_segment: bool) -> bool:
        """The dashed line from the hip, square to the highlighted muscle's first segment.

        ``within_segment`` keeps its foot on the segment itself rather than on the line through
        it. Returns False (and draws nothing) when no drawn muscle is highlighted.
        """
        if self.highlight not in self.paths:
            return False
        path = project(self.paths[self.highlight])
        a, b = path[0], path[1]
        t = np.dot(hip - a, b - a) / np.dot(b - a, b - a)
        foot = a + (np.clip(t, 0, 1) if within_segment else t) * (b - a)
        self.lever.set_data([hip[0], foot[0]], [hip[1], foot[1]])
        return True


def frontal(points):
    """Front view of the right leg: the subject faces you, so its midline is to your right (h = -z)."""
    points = np.asarray(points)
    return np.stack([-points[..., 2], points[..., 1]], -1)


def sagittal(points):
    """Side view from the subject's right: forward (anterior) to your right (x), up (y)."""
    points = np.asarray(points)
    return np.stack([points[..., 0], points[..., 1]], -1)


# A simplified outline of the pelvis (the model has no bone shapes here; the hip centres, the lumbar
# joint and the muscle attachments it passes through are the model's). Right half, front view (z, y).
PELVIS_FRONT_HALF = [
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
PELVIS_SIDE = [
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
