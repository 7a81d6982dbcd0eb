"""What the knee and pelvis views share: the pose, each muscle's geometry, projections, outlines."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .. import anatomy
from ..anatomy import Pose
from ._style import COLOURS


class LegView:
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
