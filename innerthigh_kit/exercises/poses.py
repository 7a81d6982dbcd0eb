"""The pose data of an exercise's figure: how the body is placed, its joint angles, the props.

An exercise's ``figure`` field in the library says how to draw it::

    figure:
      view: side                       # side, front or above
      start: {pose: crook-lying}       # a named pose, changed joint by joint
      end: {pose: crook-lying, hip_abduction: 0, knee: 90}   # or leave out `end` for a hold
      props: [mat, {prop: small-ball, at: knees}]
      working: both                    # whose inner thigh works: left, right, both or none

A pose starts from one of ``POSES`` and changes any joint of ``JOINTS`` (both sides), or one
side's (``left_knee``, ``right_hip_abduction``). Angles are in degrees, each inside the range a
body can take (``JOINTS``); a figure only needs to be recognisable, not a measurement. This
module is plain data and checks, no drawing: ``diagrams.figures`` draws what it describes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .._yaml import shown

#: Every joint a pose may set, with the range a body can take (degrees) and what a positive
#: angle means. Hip and shoulder angles as in anatomy: flexion forward, abduction out to the
#: side (negative: across the midline), turn-out is outward rotation; the knee and elbow bend
#: from 0 (straight); the ankle points the foot (positive) or pulls it up (negative).
JOINTS: dict[str, tuple[float, float, str]] = {
    "hip_flexion": (-30, 140, "the thigh forward (negative: behind the body)"),
    "hip_abduction": (-30, 90, "the leg out to the side (negative: across the midline)"),
    "hip_turnout": (-45, 70, "the knee turned out (negative: turned in)"),
    "knee": (0, 160, "the knee bent"),
    "ankle": (-30, 90, "the foot pointed, 90 when kneeling on the top of the foot (negative: pulled up)"),
    "shoulder_flexion": (-60, 180, "the arm forward and up"),
    "shoulder_abduction": (-20, 180, "the arm out to the side and up"),
    "elbow": (0, 150, "the elbow bent"),
    "wrist": (-70, 90, "the back of the hand toward the forearm, as on the floor (negative: flexed)"),
    "trunk_flexion": (-30, 110, "the upper body bent forward over the pelvis"),
    "trunk_side": (-40, 40, "the upper body bent to its right (negative: to its left)"),
    "head_nod": (-40, 60, "the chin toward the chest (negative: the head tipped back)"),
    "head_side": (-45, 45, "the head tipped toward the right shoulder (negative: the left)"),
    "tilt": (-90, 90, "the whole body pitched forward from the pelvis (a hinge)"),
}
#: The joints that belong to a side: ``left_knee`` and ``right_knee`` as well as ``knee``.
SIDED = ("hip_flexion", "hip_abduction", "hip_turnout", "knee", "ankle", "shoulder_flexion",
         "shoulder_abduction", "elbow", "wrist")  # fmt: skip

#: How the body is placed in the room; the figure rests on the floor, the mat or a chair.
PLACEMENTS = ("standing", "kneeling", "seated", "supine", "prone", "side-lying", "quadruped")
VIEWS = ("side", "front", "above")
SIDES = ("left", "right", "both", "none")

#: Points a pose can rest on, a prop can sit at, and what a movement arrow can follow.
POINTS = ("head", "shoulders", "elbows", "hands", "pelvis", "hips", "knees", "ankles", "feet", "thighs")
SIDED_POINTS = tuple(
    f"{side}_{point}"
    for side in ("left", "right")
    for point in ("shoulder", "elbow", "hand", "hip", "knee", "ankle", "foot")
)

#: The points a movement arrow can follow.
ARROW_POINTS = (
    "pelvis",
    "head",
    *(
        f"{side}_{part}"
        for side in ("left", "right")
        for part in ("knee", "ankle", "toe", "hand", "elbow", "hip")
    ),
)

#: Where each prop can go, its first anchor being where it goes when none is named.
PROP_ANCHORS: dict[str, tuple[str, ...]] = {
    "mat": ("floor",),
    "small-ball": ("knees", "thighs", "ankles", "hands"),
    "pilates-ring": ("knees", "ankles", "hands"),
    "towel": ("knees", "head", "hands"),
    "pillow": ("head", "knees", "bump", "pelvis"),
    "wedge": ("back",),
    "block": ("hands", "knees", "pelvis", "under_knees"),
    "band": ("knees", "ankles", "feet"),
    "ankle-weights": ("ankles", "left_ankle", "right_ankle"),
    "slider": ("right_foot", "left_foot"),
    "bench": ("right_ankle", "left_ankle", "feet", "pelvis"),
    "chair": ("seat", "right_hand", "left_hand", "hands"),
    "wall": ("back", "feet", "right_hand", "left_hand"),
    "barre": ("right_hand", "left_hand", "hands"),
    "birth-ball": ("seat", "hands"),
}

#: Named starting poses: a placement and the joints that differ from standing tall.
POSES: dict[str, dict[str, Any]] = {
    "standing": {"placement": "standing", "shoulder_abduction": 6},
    "standing-wide": {"placement": "standing", "hip_abduction": 22, "hip_turnout": 35,
                      "shoulder_abduction": 6},
    "squat": {"placement": "standing", "hip_flexion": 75, "knee": 85, "ankle": -25, "tilt": 20,
              "shoulder_flexion": 80},
    "wide-squat": {"placement": "standing", "hip_abduction": 30, "hip_turnout": 40, "hip_flexion": 55,
                   "knee": 70, "ankle": -15, "shoulder_abduction": 10},
    "hinge": {"placement": "standing", "tilt": 50, "hip_flexion": 50, "knee": 15, "ankle": -8,
              "shoulder_flexion": 60},
    "kneeling": {"placement": "kneeling", "knee": 90, "ankle": 85, "shoulder_abduction": 6},
    "half-kneeling": {"placement": "kneeling", "left_hip_flexion": 95, "left_knee": 95, "right_knee": 90,
                      "right_ankle": 85, "left_ankle": 0, "shoulder_abduction": 6},
    "seated-chair": {"placement": "seated", "hip_flexion": 90, "knee": 90, "shoulder_flexion": 30,
                     "elbow": 40},
    "seated-floor": {"placement": "seated", "hip_flexion": 95, "shoulder_flexion": -25, "wrist": 80,
                     "rest_on": ["hips", "feet"]},
    "butterfly": {"placement": "seated", "hip_flexion": 130, "hip_abduction": 45, "hip_turnout": 45,
                  "knee": 150, "ankle": -10, "trunk_flexion": 5, "shoulder_flexion": 35, "elbow": 40,
                  "rest_on": ["hips"]},
    "supine": {"placement": "supine", "shoulder_abduction": 15, "rest_on": ["shoulders", "hips"]},
    "crook-lying": {"placement": "supine", "hip_flexion": 45, "knee": 93, "ankle": 42,
                    "shoulder_abduction": 15,
                    "rest_on": ["shoulders", "hips"]},
    "bridge": {"placement": "supine", "hip_flexion": 0, "knee": 90, "shoulder_abduction": 15, "head_nod": 30,
               "rest_on": ["shoulders", "feet"]},
    "prone": {"placement": "prone", "shoulder_abduction": 8, "ankle": 60, "rest_on": ["shoulders", "hips"]},
    "side-lying": {"placement": "side-lying", "hip_flexion": 15, "knee": 10, "left_shoulder_abduction": 170,
                   "right_shoulder_flexion": 20, "right_elbow": 60, "head_side": -30,
                   "rest_on": ["left_shoulder", "left_ankle"]},
    "side-lying-bent": {"placement": "side-lying", "hip_flexion": 45, "knee": 90, "head_side": -30,
                        "left_shoulder_abduction": 170, "right_shoulder_flexion": 30, "right_elbow": 70,
                        "rest_on": ["left_shoulder", "left_hip"]},
    "quadruped": {"placement": "quadruped", "hip_flexion": 80, "knee": 90, "ankle": 90,
                  "shoulder_flexion": 90, "elbow": 20, "wrist": -70, "rest_on": ["hands", "knees"]},
}  # fmt: skip


@dataclass(frozen=True)
class PoseSpec:
    """One drawn pose: a placement, the body's joint angles by side, what it rests on."""

    placement: str
    angles: Mapping[str, float]  # "left_knee": 90, "tilt": 20 ... every joint, both sides
    rest_on: tuple[str, ...] = ()
    name: str = ""
    shift: float = 0.0  # metres to the body's right: a side step or a lunge travels

    def angle(self, joint: str, side: str | None = None) -> float:
        key = f"{side}_{joint}" if side else joint
        return float(self.angles.get(key, 0.0))

    def is_symmetric(self) -> bool:
        return all(self.angle(j, "left") == self.angle(j, "right") for j in SIDED)


@dataclass(frozen=True)
class PropSpec:
    prop: str
    at: str


@dataclass(frozen=True)
class FigureSpec:
    """How to draw an exercise: the view, the start pose, the end pose (None for a hold), props."""

    view: str
    start: PoseSpec
    end: PoseSpec | None = None
    props: tuple[PropSpec, ...] = ()
    working: str = "both"
    record: Mapping[str, Any] = field(default_factory=dict, compare=False)
    arrow: str | None = None  # the point the movement arrow follows (default: the one that moves most)

    @property
    def poses(self) -> tuple[PoseSpec, ...]:
        return (self.start,) if self.end is None else (self.start, self.end)


def _allowed(values) -> str:
    return ", ".join(values)


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value == value


def _joint_problems(key: str, value: Any, where: str) -> list[str]:
    joint = key.removeprefix("left_").removeprefix("right_")
    if joint not in JOINTS or (joint != key and joint not in SIDED):
        return [
            f"{where}: {shown(key)} is not a joint a pose can set. Use one of: {_allowed(JOINTS)}, "
            "or left_/right_ before a limb's joint (e.g. left_knee)."
        ]
    low, high, meaning = JOINTS[joint]
    if not _number(value):
        return [f"{where}: {key} should be an angle in degrees, e.g. {key}: {int(high // 2)}."]
    if not low <= value <= high:
        return [
            f"{where}: {key} {value:g}° is outside what a body can do ({low:g}° to {high:g}°: "
            f"{meaning}). Use an angle in that range."
        ]
    return []


def _pose_problems(raw: Any, where: str) -> list[str]:
    if not isinstance(raw, dict):
        return [f"{where} should be a mapping, e.g. {{pose: crook-lying, knee: 90}}."]
    problems = []
    name = raw.get("pose")
    if name is not None and (not isinstance(name, str) or name not in POSES):
        problems.append(f"{where}: pose {shown(name)} is not a named pose. Use one of: {_allowed(POSES)}.")
    placement = raw.get("placement", POSES.get(name, {}).get("placement") if isinstance(name, str) else None)
    if placement is None:
        problems.append(f"{where} needs a pose (one of: {_allowed(POSES)}) or a placement.")
    elif not isinstance(placement, str) or placement not in PLACEMENTS:
        problems.append(
            f"{where}: placement {shown(placement)} is not allowed. Use one of: {_allowed(PLACEMENTS)}."
        )
    for key, value in raw.items():
        if key in ("pose", "placement"):
            continue
        if key == "shift":
            if not (_number(value) and -1.5 <= value <= 1.5):
                problems.append(f"{where}: shift should be metres to the body's right, from -1.5 to 1.5.")
            continue
        if key == "rest_on":
            allowed = (*POINTS, *SIDED_POINTS)
            if not (isinstance(value, list) and len(value) in (1, 2) and all(v in allowed for v in value)):
                problems.append(
                    f"{where}: rest_on should name the one or two points the body rests on, e.g. "
                    f"[shoulders, feet]. Points: {_allowed(allowed)}."
                )
            continue
        problems += _joint_problems(str(key), value, where)
    return problems


def _prop_problems(raw: Any) -> list[str]:
    if not isinstance(raw, list):
        return ["props should be a list, e.g. [mat, {prop: small-ball, at: knees}]."]
    problems = []
    for number, item in enumerate(raw, start=1):
        prop, at = (item, None) if not isinstance(item, dict) else (item.get("prop"), item.get("at"))
        if isinstance(item, dict) and set(item) - {"prop", "at"}:
            problems.append(f"prop {number} has unknown keys. Use only 'prop' and 'at'.")
        if not isinstance(prop, str) or not isinstance(at, (str, type(None))) or prop not in PROP_ANCHORS:
            problems.append(
                f"prop {number}: {shown(prop)} is not a prop the figures can draw. "
                f"Use one of: {_allowed(PROP_ANCHORS)}."
            )
        elif at is not None and at not in PROP_ANCHORS[prop]:  # a string, checked above
            problems.append(
                f"prop {number} ({prop}): at {shown(at)} is not a place for it. "
                f"Use one of: {_allowed(PROP_ANCHORS[prop])}."
            )
    return problems


def check_figure(value: Any) -> list[str]:
    """The problems of a ``figure`` field, each saying how to fix it (empty when it is good).
    ``figure: null`` is no figure: the exercise is drawn as a neutral placeholder."""
    if value is None:
        return []
    if not isinstance(value, dict):
        return ["should be a mapping with view, start, and (for a movement) end, e.g. "
                "{view: side, start: {pose: crook-lying}}."]  # fmt: skip
    problems = []
    unknown = set(map(str, value)) - {"view", "start", "end", "props", "working", "arrow"}
    if unknown:
        problems.append(
            f"has unknown key(s) {shown(sorted(unknown))}. Use view, start, end, props, working and arrow."
        )
    if value.get("arrow") is not None and value.get("arrow") not in ARROW_POINTS:
        problems.append(
            f"arrow {shown(value.get('arrow'))} is not a point the arrow can follow. Use one of: "
            f"{_allowed(ARROW_POINTS)}."
        )
    if value.get("view", "side") not in VIEWS:
        problems.append(f"view {shown(value.get('view'))} is not allowed. Use one of: {_allowed(VIEWS)}.")
    if value.get("working", "both") not in SIDES:
        problems.append(
            f"working {shown(value.get('working'))} is not allowed. Use one of: {_allowed(SIDES)}."
        )
    if "start" not in value:
        problems.append("needs a start pose, e.g. start: {pose: standing}.")
    else:
        problems += _pose_problems(value["start"], "start")
    if value.get("end") is not None:
        problems += _pose_problems(value["end"], "end")
    return problems + _prop_problems(value.get("props", []))


def _apply(angles: dict[str, float], layer: Mapping[str, Any]) -> None:
    """A layer's joints for both sides first, then one side's own."""
    for key, value in layer.items():
        if key in JOINTS:
            targets = [f"left_{key}", f"right_{key}"] if key in SIDED else [key]
            angles.update(dict.fromkeys(targets, float(value)))
    for key, value in layer.items():
        if key.startswith(("left_", "right_")):
            angles[key] = float(value)


def pose_spec(raw: Mapping[str, Any]) -> PoseSpec:
    """A checked pose mapping as a PoseSpec: the named pose, then this pose's own changes."""
    named = POSES.get(raw.get("pose", ""), {})
    angles: dict[str, float] = {}
    _apply(angles, named)
    _apply(angles, raw)
    merged = {**named, **raw}
    rest_on, name = tuple(merged.get("rest_on", ())), str(raw.get("pose", ""))
    return PoseSpec(merged["placement"], angles, rest_on, name, float(raw.get("shift", 0.0)))


def figure_spec(raw: Mapping[str, Any]) -> FigureSpec:
    """A checked ``figure`` mapping as a FigureSpec."""
    props = tuple(
        PropSpec(item, PROP_ANCHORS[item][0])
        if isinstance(item, str)
        else PropSpec(item["prop"], item.get("at") or PROP_ANCHORS[item["prop"]][0])
        for item in raw.get("props", [])
    )
    end = raw.get("end")
    return FigureSpec(
        raw.get("view", "side"),
        pose_spec(raw["start"]),
        pose_spec(end) if end is not None else None,
        props,
        raw.get("working", "both"),
        record=dict(raw),
        arrow=raw.get("arrow"),
    )


#: What a figure of an exercise with no pose data shows: a neutral standing figure, no props.
PLACEHOLDER = FigureSpec("front", pose_spec({"pose": "standing"}), working="none")
