"""A small 3-D body for the exercise figures: segments, joint angles, and its place on the floor.

Frames as in the anatomy model (x forward, y up, z to the body's right; metres). The legs are
Gait2392's (hip centres 16.7 cm apart, thigh 39.6 cm, shank 43.0 cm: ``anatomy.landmarks``); the
rest is in proportion to an adult of about 1.70 m after the segment fractions of Drillis & Contini
(1966), as tabled in Winter, *Biomechanics and Motor Control of Human Movement* (4th ed., 2009).

``place(pose)`` turns a :class:`~innerthigh_kit.exercises.poses.PoseSpec` into world points: the
body is posed, laid down as its placement says (lying on the back: head to the left, face up;
side-lying: on the left side, facing the viewer...), tipped so the two points it rests on are
level, and lowered until it touches the floor (world y = 0 is the top of the mat or the floor).
Drawing is for ``figures``; this module is numpy only, so its geometry can be tested.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np

from .. import anatomy
from ..exercises.poses import PoseSpec

STATURE = 1.70
SHOULDER_HALF = 0.13  # the trunk's corners; the stroke's own width makes the shoulders ~46 cm
ARM_ROOT = 0.19  # the shoulder joints, outside the trunk's corners (bi-acromial breadth ~0.23 H)
TRUNK = 0.288 * STATURE - 0.08  # hip joint to shoulder line (0.818 H - 0.530 H), less the pelvis
UPPER_ARM, FOREARM, HAND = 0.186 * STATURE, 0.146 * STATURE, 0.06
NECK, HEAD_RADIUS = 0.12, 0.1
TOE, HEEL, SOLE = 0.16, 0.05, 0.07  # the foot from the ankle centre: forward, back, down

#: Half the thickness of each part, for the strokes and for touching the floor.
RADIUS = {"torso": 0.115, "trunk": 0.115, "thigh": 0.07, "shank": 0.05, "foot": 0.028, "upper_arm": 0.042,
          "forearm": 0.035, "hand": 0.03, "neck": 0.045, "head": HEAD_RADIUS, "pelvis": 0.1}  # fmt: skip

#: The placed body's axes (body x forward, y head-ward, z right) as world directions.
PLACEMENT_AXES = {
    "standing": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    "kneeling": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    "seated": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    "supine": ((0, 1, 0), (-1, 0, 0), (0, 0, 1)),  # face up, head to the left
    "prone": ((0, -1, 0), (-1, 0, 0), (0, 0, -1)),  # face down, head to the left
    "side-lying": ((0, 0, 1), (1, 0, 0), (0, 1, 0)),  # on the left side, head right, facing you
    "quadruped": ((0, -1, 0), (1, 0, 0), (0, 0, 1)),  # face down, head to the right
}


def _rx(degrees: float) -> np.ndarray:
    c, s = np.cos(np.radians(degrees)), np.sin(np.radians(degrees))
    return np.array([[1, 0, 0], [0, c, -s], [0, s, c]])


def _ry(degrees: float) -> np.ndarray:
    c, s = np.cos(np.radians(degrees)), np.sin(np.radians(degrees))
    return np.array([[c, 0, s], [0, 1, 0], [-s, 0, c]])


def _rz(degrees: float) -> np.ndarray:
    c, s = np.cos(np.radians(degrees)), np.sin(np.radians(degrees))
    return np.array([[c, -s, 0], [s, c, 0], [0, 0, 1]])


@cache
def leg_geometry() -> dict[str, np.ndarray]:
    """From the anatomy model (right leg, pelvis frame): hip centre, thigh and shank lengths, and
    the inner-thigh band's ends: the adductors' mean origin on the pubis (relative to the hip
    centre) and the lowest insertion, the adductor magnus at the adductor tubercle (in the thigh)."""
    marks = anatomy.landmarks()
    hip, knee, ankle = marks["right_hip_centre"], marks["knee_centre"], marks["ankle_centre"]
    origins = np.mean([anatomy.path_points(m)[0] for m in anatomy.MUSCLES if m != "gracilis"], axis=0)
    insertion = anatomy.path_points("adductor_magnus_inferior")[-1]
    return {
        "hip_half": np.array(abs(hip[2])),
        "thigh": np.array(np.linalg.norm(knee - hip)),
        "shank": np.array(np.linalg.norm(ankle - knee)),
        "band_origin": origins - hip,
        "band_insertion": insertion - hip,
    }


@dataclass
class Body:
    """A posed body's points (world, metres) and its parts as chains of points."""

    points: dict[str, np.ndarray]
    parts: list[tuple[str, tuple[str, ...], str]]  # (kind, point names, side or "")

    def __getitem__(self, name: str) -> np.ndarray:
        return self.points[name]


def _leg(points: dict, pose: PoseSpec, side: str, root: np.ndarray) -> None:
    sign = 1.0 if side == "right" else -1.0
    geometry = leg_geometry()
    mirror = np.array([1.0, 1.0, sign])  # the model's right leg, mirrored for the left
    hip = root @ np.array([0.0, 0.0, sign * float(geometry["hip_half"])])
    thigh = root @ _rz(pose.angle("hip_flexion", side)) @ _rx(-sign * pose.angle("hip_abduction", side))
    thigh = thigh @ _ry(-sign * pose.angle("hip_turnout", side))
    knee = hip + thigh @ np.array([0.0, -float(geometry["thigh"]), 0.0])
    shank = thigh @ _rz(-pose.angle("knee", side))
    ankle = knee + shank @ np.array([0.0, -float(geometry["shank"]), 0.0])
    foot = shank @ _rz(-pose.angle("ankle", side))
    points.update(
        {
            f"{side}_hip": hip,
            f"{side}_knee": knee,
            f"{side}_ankle": ankle,
            f"{side}_toe": ankle + foot @ np.array([TOE, -SOLE * 0.65, 0.0]),
            f"{side}_heel": ankle + foot @ np.array([-HEEL, -SOLE * 0.65, 0.0]),
            f"{side}_band_origin": hip + root @ (geometry["band_origin"] * mirror),
            f"{side}_band_insertion": hip + thigh @ (geometry["band_insertion"] * mirror),
        }
    )


def _arm(points: dict, pose: PoseSpec, side: str, trunk: np.ndarray, top: np.ndarray) -> None:
    sign = 1.0 if side == "right" else -1.0
    shoulder = top + trunk @ np.array([0.0, -0.05, sign * ARM_ROOT])
    arm = (
        trunk
        @ _rz(pose.angle("shoulder_flexion", side))
        @ _rx(-sign * pose.angle("shoulder_abduction", side))
    )
    elbow = shoulder + arm @ np.array([0.0, -UPPER_ARM, 0.0])
    forearm = arm @ _rz(pose.angle("elbow", side))
    wrist = elbow + forearm @ np.array([0.0, -FOREARM, 0.0])
    points.update(
        {
            f"{side}_shoulder": shoulder,
            f"{side}_elbow": elbow,
            f"{side}_wrist": wrist,
            f"{side}_hand": wrist + forearm @ _rz(-pose.angle("wrist", side)) @ np.array([0.0, -HAND, 0.0]),
        }
    )


def posed(pose: PoseSpec) -> Body:
    """The body in its own frame, the pelvis at the origin (before it is placed in the room)."""
    root = _rz(-pose.angle("tilt"))
    trunk = root @ _rz(-pose.angle("trunk_flexion")) @ _rx(pose.angle("trunk_side"))
    base = root @ np.array([0.0, 0.08, 0.0])
    top = base + trunk @ np.array([0.0, TRUNK, 0.0])
    points = {"pelvis": np.zeros(3), "trunk_base": base, "neck": top}
    neck = trunk @ _rz(-pose.angle("head_nod")) @ _rx(pose.angle("head_side"))
    points["head"] = top + neck @ np.array([0.02, NECK + HEAD_RADIUS * 0.6, 0.0])
    for side in ("left", "right"):
        _leg(points, pose, side, root)
        _arm(points, pose, side, trunk, top)
    corners = {f"{side}_corner": top + trunk @ np.array([0.0, -0.02, sign * SHOULDER_HALF])
               for side, sign in (("left", -1.0), ("right", 1.0))}  # fmt: skip
    points.update(corners)
    # the torso: a rounded stroke up the middle (its depth seen from the side), under the trunk's
    # outline from hip to hip and shoulder to shoulder (its width seen from the front)
    parts = [
        ("torso", ("pelvis", "neck"), ""),
        ("trunk", ("left_hip", "right_hip", "right_corner", "left_corner"), ""),
    ]
    parts.append(("neck", ("neck", "head"), ""))
    parts.append(("head", ("head",), ""))
    for side in ("left", "right"):
        parts += [
            ("thigh", (f"{side}_hip", f"{side}_knee"), side),
            ("shank", (f"{side}_knee", f"{side}_ankle"), side),
            ("foot", (f"{side}_heel", f"{side}_toe"), side),
            ("upper_arm", (f"{side}_shoulder", f"{side}_elbow"), side),
            ("forearm", (f"{side}_elbow", f"{side}_wrist"), side),
            ("hand", (f"{side}_wrist", f"{side}_hand"), side),
        ]
    return Body(points, parts)


#: Which points a named resting point stands for, and how thick the body is there.
def _rest_point(body: Body, name: str) -> tuple[np.ndarray, float]:
    plural = {"shoulders": "corner", "elbows": "elbow", "hands": "wrist", "knees": "knee",
              "ankles": "ankle", "feet": "heel", "thighs": "knee"}  # fmt: skip
    radius = {"corner": RADIUS["trunk"], "shoulder": RADIUS["trunk"], "elbow": RADIUS["forearm"],
              "wrist": 0.04, "knee": RADIUS["shank"], "ankle": RADIUS["shank"], "heel": RADIUS["foot"],
              "foot": RADIUS["foot"]}  # fmt: skip
    if name in plural:
        part = plural[name]
        low = min(body[f"left_{part}"][1], body[f"right_{part}"][1])
        point = (body[f"left_{part}"] + body[f"right_{part}"]) / 2
        return np.array([point[0], low, point[2]]), radius[part]
    if name in ("head", "pelvis"):
        return body[name], RADIUS[name]
    if name == "hips":
        return (body["left_hip"] + body["right_hip"]) / 2, RADIUS["trunk"]
    side, part = name.split("_", 1)
    part = {"foot": "heel", "hand": "wrist"}.get(part, part)
    if part in ("hip", "shoulder"):
        return body[f"{side}_{'hip' if part == 'hip' else 'corner'}"], RADIUS["trunk"]
    return body[f"{side}_{part}"], radius[part]


def surface(body: Body) -> list[tuple[np.ndarray, float]]:
    """Every point of the body with its thickness there: what may touch the floor."""
    found = []
    for kind, names, _ in body.parts:
        for name in names if kind != "torso" else ():  # the trunk's corners stand for it
            found.append((body[name], RADIUS[kind]))
    return found


def below_floor(body: Body, slack: float = 0.0) -> list[tuple[str, float]]:
    """The points that go more than ``slack`` into the floor, deepest first: (name, depth in m)."""
    deepest: dict[str, float] = {}
    for kind, names, _ in body.parts:
        for name in names if kind != "torso" else ():
            depth = RADIUS[kind] - float(body[name][1])
            if depth > slack:
                deepest[name] = max(depth, deepest.get(name, 0.0))
    return sorted(deepest.items(), key=lambda item: -item[1])


def lowest(body: Body) -> float:
    """The height of the body's lowest surface."""
    return min(point[1] - radius for point, radius in surface(body))


#: Placements that lie along the floor: tipped so their two resting points are level. An
#: upright body (standing, kneeling, seated) is never tipped; it is lowered onto its resting points.
LEVELLED = ("supine", "prone", "side-lying", "quadruped")


def place(pose: PoseSpec, heights: dict[str, float] | None = None) -> Body:
    """The body posed, laid as its placement says, levelled on its two resting points and lowered
    onto the floor. ``heights``: resting points held above the floor (a foot on a bench)."""
    body = posed(pose)
    axes = np.array(PLACEMENT_AXES[pose.placement], dtype=float).T  # columns: body x, y, z in the world
    body.points = {name: axes @ point for name, point in body.points.items()}
    heights = heights or {}
    if len(pose.rest_on) == 2 and pose.placement in LEVELLED:
        (a, ra), (b, rb) = (_rest_point(body, name) for name in pose.rest_on)
        rise = heights.get(pose.rest_on[1], 0.0) - heights.get(pose.rest_on[0], 0.0) + (rb - ra)
        dx, dy = b[0] - a[0], b[1] - a[1]
        reach = float(np.hypot(dx, dy))
        if reach > 1e-6:
            turn = np.degrees(np.arcsin(np.clip(rise / reach, -1, 1)) - np.arctan2(dy, dx))
            turn = (turn + 180) % 360 - 180
            if abs(turn) > 90:  # the other solution keeps the body the right way up
                turn = np.degrees(np.pi - np.arcsin(np.clip(rise / reach, -1, 1)) - np.arctan2(dy, dx))
                turn = (turn + 180) % 360 - 180
            spin = _rz(turn)
            body.points = {name: spin @ point for name, point in body.points.items()}
    if pose.rest_on:
        # the resting points touch the floor (soft parts elsewhere may press into it a little)
        drop = min(p[1] - r - heights.get(name, 0.0) for name, (p, r) in
                   zip(pose.rest_on, (_rest_point(body, n) for n in pose.rest_on), strict=True))  # fmt: skip
    else:
        drop = lowest(body)
    right = axes @ np.array([0.0, 0.0, pose.shift])  # a side step: the body's right, in the room
    body.points = {name: point - np.array([0.0, drop, 0.0]) + right for name, point in body.points.items()}
    return body
