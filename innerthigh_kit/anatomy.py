"""The right leg's adductor group as straight-line muscles on a pelvis, femur and tibia (numpy only).

The geometry is OpenSim's Gait2392 model (Thelen, Seth, Anderson, Delp; joint definitions and
muscle paths after Delp et al. 1990, knee after Yamaguchi & Zajac 1989; CC BY 3.0, see
data/anatomy/CREDITS.md). Frames, signs and the knee splines follow data/anatomy's notes:

- every frame: x forward (anterior), y up, z to the subject's right (lateral for the right leg);
- hip: a point p of the femur sits at ``hip_centre + Rz(flexion) Rx(adduction) Ry(rotation) p``
  in the pelvis frame; knee: a point p of the tibia sits at ``(x(q), y(q), 0) + Rz(q) p`` in the
  femur frame, where x(q), y(q) are OpenSim ``SimmSpline``s of the knee angle q;
- angles in degrees with the model's signs: flexion, adduction and internal rotation positive;
  the knee's flexion is negative (0 = straight);
- moment arm as OpenSim defines it, r = -dL/dq (metres per radian, i.e. metres): positive means
  the muscle pulls toward the coordinate's positive direction.

No adductor wraps around anything in this model, so a path is a chain of straight segments
through its active points and the length and its derivatives are computed exactly (the moment arms
are the analytic derivatives, not finite differences). Every function broadcasts numpy arrays of
angles and loops only over a muscle's two to four path points, never over poses.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

import numpy as np

from ._data import data_path
from .errors import AnatomyError
from .spline import SimmSpline

#: The seven adductor-group muscles of the model, in the kit's names.
MUSCLES = (
    "adductor_longus",
    "adductor_brevis",
    "adductor_magnus_superior",
    "adductor_magnus_middle",
    "adductor_magnus_inferior",
    "gracilis",
    "pectineus",
)
#: The model's name for each muscle (right side).
MODEL_NAMES = dict(
    zip(
        MUSCLES,
        ("add_long_r", "add_brev_r", "add_mag1_r", "add_mag2_r", "add_mag3_r", "grac_r", "pect_r"),
        strict=True,
    )
)
#: The joint coordinates, in the kit's names (degrees), and the model's names.
COORDINATES = ("hip_flexion", "hip_adduction", "hip_rotation", "knee_angle")
MODEL_COORDINATES = {name: f"{name}_r" for name in COORDINATES}

#: Shape constants of the Thelen (2003) fibre curves as the model sets them for these seven muscles.
KSHAPE_ACTIVE = 0.5
KSHAPE_PASSIVE = 4.0
FMAX_MUSCLE_STRAIN = 0.6

# OpenSim includes a conditional point at the ends of its range with this tolerance (radians).
_RANGE_TOLERANCE = 1e-5


class Pose(NamedTuple):
    """A position of the right leg, in degrees (model signs: knee flexion is negative)."""

    hip_flexion: float = 0.0
    hip_adduction: float = 0.0
    hip_rotation: float = 0.0
    knee_angle: float = 0.0


@dataclass(frozen=True)
class PathPoint:
    name: str
    body: str  # "pelvis", "femur_r" or "tibia_r"
    location: tuple[float, float, float]  # metres, in the frame of body
    knee_range: tuple[float, float] | None = None  # radians; the point is used only inside it


@dataclass(frozen=True)
class Muscle:
    """One muscle: its names, the model's parameters and its path (origin first)."""

    name: str
    model_name: str
    common_name: str
    max_isometric_force: float  # N
    optimal_fiber_length: float  # m
    tendon_slack_length: float  # m
    pennation_at_optimal: float  # rad
    points: tuple[PathPoint, ...]

    @property
    def crosses_knee(self) -> bool:
        return any(point.body == "tibia_r" for point in self.points)


def _read_csv(name: str) -> list[dict[str, str]]:
    with open(data_path("anatomy", name), newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _vector(row: dict[str, str]) -> tuple[float, float, float]:
    return (float(row["x"]), float(row["y"]), float(row["z"]))


@cache
def _geometry():
    """Muscles, hip centre, knee splines and landmarks, read once from data/anatomy."""
    points: dict[str, list[PathPoint]] = {}
    for row in _read_csv("adductor_geometry.csv"):
        knee_range = None
        if row["kind"] == "conditional":  # "knee_angle_r in [lo, hi] rad (...)"
            low, high = row["condition"].split("[", 1)[1].split("]", 1)[0].split(",")
            knee_range = (float(low), float(high))
        points.setdefault(row["muscle"], []).append(
            PathPoint(row["point_name"], row["body"], _vector(row), knee_range)
        )
    by_model_name = {model: name for name, model in MODEL_NAMES.items()}
    muscles = {}
    for row in _read_csv("adductor_muscles.csv"):
        name = by_model_name[row["muscle"]]
        muscles[name] = Muscle(
            name=name,
            model_name=row["muscle"],
            common_name=row["common_name"],
            max_isometric_force=float(row["max_isometric_force_N"]),
            optimal_fiber_length=float(row["optimal_fiber_length_m"]),
            tendon_slack_length=float(row["tendon_slack_length_m"]),
            pennation_at_optimal=float(row["pennation_rad"]),
            points=tuple(points[row["muscle"]]),
        )
    joints = {(row["joint"], row["transform_axis"]): row for row in _read_csv("joints.csv")}
    hip = joints[("hip_r", "rotation1")]
    hip_centre = np.array([float(hip[f"location_in_parent_{axis}_m"]) for axis in "xyz"])
    splines = tuple(
        SimmSpline(
            [float(v) for v in joints[("knee_r", axis)]["spline_x_rad"].split()],
            [float(v) for v in joints[("knee_r", axis)]["spline_y_m"].split()],
        )
        for axis in ("translation1", "translation2")
    )
    landmarks = {row["landmark"]: (row["body"], np.array(_vector(row))) for row in _read_csv("landmarks.csv")}
    return muscles, hip_centre, splines, landmarks


def muscle(name: str | Muscle) -> Muscle:
    """The muscle record for a kit name (``"adductor_longus"``) or a model name (``"add_long_r"``)."""
    if isinstance(name, Muscle):
        return name
    muscles = _geometry()[0]
    key = str(name).strip().lower().replace(" ", "_").replace("-", "_")
    for kit_name, model_name in MODEL_NAMES.items():
        if key in (model_name, model_name[:-2]):
            key = kit_name
    if key not in muscles:
        raise AnatomyError(
            f"Unknown muscle {name!r}. Use one of: {', '.join(MUSCLES)} "
            f"(or the model's names: {', '.join(MODEL_NAMES.values())})."
        )
    return muscles[key]


def coordinate_name(name: str) -> str:
    key = str(name).strip().lower().removesuffix("_r")
    if key not in COORDINATES:
        raise AnatomyError(f"Unknown coordinate {name!r}. Use one of: {', '.join(COORDINATES)}.")
    return key


def knee_translation(knee_angle=0.0):
    """Where the tibia's origin sits in the femur frame (x, y in metres) for a knee angle in degrees."""
    spline_x, spline_y = _geometry()[2]
    q = np.radians(knee_angle)
    return spline_x(q), spline_y(q)


def _rotations(f, a, r):
    """Rz(f) Rx(a) Ry(r) and its derivatives by f, a and r, each of shape (..., 3, 3)."""
    zero, one = np.zeros_like(f), np.ones_like(f)

    def rz(t):
        c, s = np.cos(t), np.sin(t)
        return np.stack([c, -s, zero, s, c, zero, zero, zero, one], -1).reshape(t.shape + (3, 3))

    def rx(t):
        c, s = np.cos(t), np.sin(t)
        return np.stack([one, zero, zero, zero, c, -s, zero, s, c], -1).reshape(t.shape + (3, 3))

    def ry(t):
        c, s = np.cos(t), np.sin(t)
        return np.stack([c, zero, s, zero, one, zero, -s, zero, c], -1).reshape(t.shape + (3, 3))

    # d/dt of a rotation about a unit axis u is [u]x @ R.
    cross = {axis: np.cross(np.eye(3), np.eye(3)[axis]) for axis in range(3)}
    rz_f, rx_a, ry_r = rz(f), rx(a), ry(r)
    rot = rz_f @ rx_a @ ry_r
    return rot, (
        cross[2] @ rot,
        rz_f @ (cross[0] @ rx_a) @ ry_r,
        rot @ cross[1],
    )


def _angles(hip_flexion, hip_adduction, hip_rotation, knee_angle):
    values = np.broadcast_arrays(
        *(
            np.radians(np.asarray(v, dtype=float))
            for v in (hip_flexion, hip_adduction, hip_rotation, knee_angle)
        )
    )
    return [np.array(v) for v in values]


def _point_motion(point: PathPoint, frames):
    """A path point's position in the pelvis frame and its derivatives by the four coordinates."""
    rot, drot, knee, tibia = frames
    p = np.asarray(point.location)
    if point.body == "pelvis":
        position = np.broadcast_to(p, rot.shape[:-1])
        return position, (None, None, None, None)
    if point.body == "femur_r":
        return _geometry()[1] + rot @ p, (*(d @ p for d in drot), None)
    tx, ty, dtx, dty, rk, drk = tibia
    local = np.stack([tx, ty, np.zeros_like(tx)], -1) + rk @ p  # in the femur frame
    dlocal = np.stack([dtx, dty, np.zeros_like(tx)], -1) + drk @ p
    return _geometry()[1] + _apply(rot, local), (*(_apply(d, local) for d in drot), _apply(rot, dlocal))


def _apply(matrices, vectors):
    """Matrices (..., 3, 3) times vectors (..., 3), pose by pose."""
    return np.einsum("...ij,...j->...i", matrices, vectors)


def _frames(f, a, r, k):
    rot, drot = _rotations(f, a, r)
    spline_x, spline_y = _geometry()[2]
    c, s, zero, one = np.cos(k), np.sin(k), np.zeros_like(k), np.ones_like(k)
    rk = np.stack([c, -s, zero, s, c, zero, zero, zero, one], -1).reshape(k.shape + (3, 3))
    drk = np.stack([-s, -c, zero, c, -s, zero, zero, zero, zero], -1).reshape(k.shape + (3, 3))
    tibia = (spline_x(k), spline_y(k), spline_x.derivative(k), spline_y.derivative(k), rk, drk)
    return rot, drot, k, tibia


def _chain(motions):
    """Length and -dL/dq (4 coordinates) of the straight path through the given points."""
    length = 0.0
    arms = [0.0, 0.0, 0.0, 0.0]
    for (p0, d0), (p1, d1) in zip(motions[:-1], motions[1:], strict=True):
        segment = p1 - p0
        seg_length = np.sqrt(np.einsum("...i,...i", segment, segment))
        unit = segment / seg_length[..., None]
        length = length + seg_length
        for j in range(4):
            if d0[j] is None and d1[j] is None:
                continue
            rate = (d1[j] if d1[j] is not None else 0.0) - (d0[j] if d0[j] is not None else 0.0)
            arms[j] = arms[j] - np.einsum("...i,...i", unit, rate)
    return length, arms


def _length_and_arms(name, hip_flexion, hip_adduction, hip_rotation, knee_angle):
    m = muscle(name)
    f, a, r, k = _angles(hip_flexion, hip_adduction, hip_rotation, knee_angle)
    frames = _frames(f, a, r, k)
    motions = [_point_motion(point, frames) for point in m.points]
    conditional = [i for i, point in enumerate(m.points) if point.knee_range]
    length, arms = _chain(motions)
    if conditional:  # the path without the conditional points, used outside their knee range
        low, high = m.points[conditional[0]].knee_range
        outside = (k < low - _RANGE_TOLERANCE) | (k > high + _RANGE_TOLERANCE)
        if np.any(outside):
            short_length, short_arms = _chain([mo for i, mo in enumerate(motions) if i not in conditional])
            length = np.where(outside, short_length, length)
            arms = [np.where(outside, s, full) for s, full in zip(short_arms, arms, strict=True)]
    arms = [np.broadcast_to(arm, length.shape) for arm in arms]
    return length, dict(zip(COORDINATES, arms, strict=True))


def _out(value):
    value = np.asarray(value, dtype=float)
    return float(value) if value.ndim == 0 else value


def musculotendon_length(muscle, hip_flexion=0.0, hip_adduction=0.0, hip_rotation=0.0, knee_angle=0.0):
    """The muscle-tendon length in metres at the given angles (degrees, numpy arrays broadcast)."""
    return _out(_length_and_arms(muscle, hip_flexion, hip_adduction, hip_rotation, knee_angle)[0])


def moment_arm(muscle, coordinate, hip_flexion=0.0, hip_adduction=0.0, hip_rotation=0.0, knee_angle=0.0):
    """The moment arm (m, OpenSim's -dL/dq) of a muscle about one coordinate at the given angles.

    Positive: the muscle pulls toward the coordinate's positive direction (flexion, adduction,
    internal rotation; at the knee, negative = the muscle flexes the knee).
    """
    key = coordinate_name(coordinate)
    arms = _length_and_arms(muscle, hip_flexion, hip_adduction, hip_rotation, knee_angle)[1]
    return _out(arms[key])


def moment_arms(muscle, hip_flexion=0.0, hip_adduction=0.0, hip_rotation=0.0, knee_angle=0.0):
    """The length (m) and the four moment arms (m) in one pass: ``{"length": ..., "hip_flexion": ...}``."""
    length, arms = _length_and_arms(muscle, hip_flexion, hip_adduction, hip_rotation, knee_angle)
    return {"length": _out(length), **{key: _out(value) for key, value in arms.items()}}


def normalized_fiber_length(
    muscle, hip_flexion=0.0, hip_adduction=0.0, hip_rotation=0.0, knee_angle=0.0, fiber_scale=1.0
):
    """Fibre length over optimal fibre length, estimated with a rigid tendon (no unit).

    Fibre length from the muscle-tendon length L, the tendon slack length Ls and the model's
    constant-thickness pennation: l = sqrt((L - Ls)^2 + (l_opt sin a_opt)^2). ``fiber_scale`` < 1
    models a muscle whose fibres are shorter than the model's ("tight": fewer sarcomeres in series,
    e.g. 0.85 = 15 % shorter), with the same tendon. An estimate for teaching, not an OpenSim output:
    with a compliant tendon the fibres are slightly shorter.
    """
    m = globals()["muscle"](muscle)
    length = musculotendon_length(m, hip_flexion, hip_adduction, hip_rotation, knee_angle)
    height = m.optimal_fiber_length * np.sin(m.pennation_at_optimal)
    fiber = np.sqrt((np.asarray(length) - m.tendon_slack_length) ** 2 + height**2)
    return _out(fiber / (m.optimal_fiber_length * fiber_scale))


def active_force_length(normalized_length):
    """Thelen (2003) active force-length curve: share of maximum force (0..1) at a fibre length."""
    x = np.asarray(normalized_length, dtype=float)
    return _out(np.exp(-((x - 1.0) ** 2) / KSHAPE_ACTIVE))


def passive_force_length(normalized_length):
    """Thelen (2003) passive force-length curve (share of maximum force, 0 below optimal length)."""
    x = np.asarray(normalized_length, dtype=float)
    rise = np.expm1(KSHAPE_PASSIVE * (x - 1.0) / FMAX_MUSCLE_STRAIN) / np.expm1(KSHAPE_PASSIVE)
    return _out(np.where(x > 1.0, rise, 0.0))


def landmarks(hip_flexion=0.0, hip_adduction=0.0, hip_rotation=0.0, knee_angle=0.0) -> dict:
    """Joint centres in the pelvis frame (m) for one pose: hips, lumbar joint, knee (tibia origin), ankle."""
    f, a, r, k = _angles(hip_flexion, hip_adduction, hip_rotation, knee_angle)
    frames = _frames(f, a, r, k)
    out = {}
    for name, (body, location) in _geometry()[3].items():
        out[name] = _point_motion(PathPoint(name, body, tuple(location)), frames)[0]
    out["knee_centre"] = _point_motion(PathPoint("knee", "tibia_r", (0.0, 0.0, 0.0)), frames)[0]
    return out


def path_points(muscle, hip_flexion=0.0, hip_adduction=0.0, hip_rotation=0.0, knee_angle=0.0):
    """The muscle's active path points for one pose, origin first: an array (n, 3) in metres, pelvis frame."""
    m = globals()["muscle"](muscle)
    if any(np.ndim(v) for v in (hip_flexion, hip_adduction, hip_rotation, knee_angle)):
        raise AnatomyError("path_points takes one pose: give single angles, not arrays.")
    frames = _frames(*_angles(hip_flexion, hip_adduction, hip_rotation, knee_angle))
    k = frames[2]
    keep = [
        p
        for p in m.points
        if p.knee_range is None
        or p.knee_range[0] - _RANGE_TOLERANCE <= k <= p.knee_range[1] + _RANGE_TOLERANCE
    ]
    return np.array([_point_motion(p, frames)[0] for p in keep])
