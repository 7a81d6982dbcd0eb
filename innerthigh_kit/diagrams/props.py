"""The props of an exercise figure, drawn simply where the body uses them.

Each prop is placed from the posed body: the ball between the knees, the chair under the pelvis
or under a hand, the bench under a foot, the barre at the hand, the wall at the back... so one
rule serves every exercise. Props sit behind the body unless the body holds them (a ball, a
ring, a band), and are drawn in light greys with an ink outline, printable in black and white.
"""

from __future__ import annotations

import numpy as np
from matplotlib.patches import Circle, Ellipse, FancyBboxPatch, Polygon, Rectangle

from ..exercises.poses import FigureSpec
from .body import RADIUS, Body

INK, PROP, PROP_DARK = "#3a3a3a", "#f2f2f2", "#9a9a9a"
MAT_THICK = 0.02
BENCH_HEIGHT = 0.42
SEAT_HEIGHT = 0.45


def prop_heights(spec: FigureSpec) -> dict[str, float]:
    """Resting points held above the floor by a prop (a foot on a bench)."""
    heights = {}
    for prop in spec.props:
        if prop.prop == "bench":
            heights[prop.at] = BENCH_HEIGHT
    return heights


def _between(body: Body, part: str) -> np.ndarray:
    if part == "thighs":
        left = body["left_hip"] * 0.35 + body["left_knee"] * 0.65
        right = body["right_hip"] * 0.35 + body["right_knee"] * 0.65
        return (left + right) / 2
    singular = {"knees": "knee", "ankles": "ankle", "hands": "hand", "feet": "toe"}[part]
    return (body[f"left_{singular}"] + body[f"right_{singular}"]) / 2


def _point(body: Body, at: str) -> np.ndarray:
    if at == "under_knees":
        return _between(body, "knees")
    if at in ("knees", "ankles", "hands", "feet", "thighs"):
        return _between(body, at)
    if at.endswith("_foot"):
        return body[at.replace("_foot", "_heel")] * 0.5 + body[at.replace("_foot", "_toe")] * 0.5
    return body[at]


def _held(ax, prop, body, view, project, z_at):
    """Props the body holds: drawn at the depth of what holds them (between the near and far leg)."""
    centre = project(view, _point(body, prop.at))
    xy, z = centre[:2], z_at(centre[2])
    if prop.prop == "small-ball":
        ax.add_patch(Circle(xy, 0.09, facecolor="#ffffff", edgecolor=INK, lw=1.2, zorder=z))
    elif prop.prop == "pilates-ring":
        ax.add_patch(Circle(xy, 0.17, facecolor="none", edgecolor=INK, lw=2.2, zorder=z))
    elif prop.prop == "pillow":  # between the knees
        ax.add_patch(Ellipse(xy, 0.22, 0.12, facecolor=PROP, edgecolor=INK, lw=1, zorder=z))
    elif prop.prop == "towel":
        ax.add_patch(FancyBboxPatch((xy[0] - 0.08, xy[1] - 0.04), 0.16, 0.08, boxstyle="round,pad=0.01",
                                    facecolor=PROP, edgecolor=INK, lw=1, zorder=z))  # fmt: skip
    elif prop.prop == "band":
        name = {"knees": "knee", "ankles": "ankle", "feet": "toe"}[prop.at]
        a, b = (project(view, body[f"{s}_{name}"])[:2] for s in ("left", "right"))
        middle, size = (
            ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2),
            (abs(a[0] - b[0]) + 0.16, abs(a[1] - b[1]) + 0.1),
        )
        ax.add_patch(Ellipse(middle, *size, facecolor="none", edgecolor=INK, lw=1.6, zorder=z))
    elif prop.prop == "ankle-weights":
        sides = ("left", "right") if prop.at == "ankles" else (prop.at.split("_")[0],)
        for side in sides:
            x, y, _ = project(view, body[f"{side}_ankle"])
            ax.add_patch(Rectangle((x - 0.05, y - 0.04), 0.1, 0.08, facecolor=PROP_DARK, edgecolor=INK,
                                   lw=1, zorder=z + 0.5))  # fmt: skip
    elif prop.prop == "block" and prop.at == "under_knees":  # a block under each knee, on the floor
        for side in ("left", "right"):
            x, y, depth = project(view, body[f"{side}_knee"])
            top = max(y - RADIUS["shank"], 0.04)
            ax.add_patch(Rectangle((x - 0.07, 0), 0.14, top, facecolor=PROP, edgecolor=INK, lw=1,
                                   zorder=z_at(depth)))  # fmt: skip
    elif prop.prop == "block":
        ax.add_patch(Rectangle((xy[0] - 0.1, xy[1] - 0.05), 0.2, 0.1, facecolor=PROP, edgecolor=INK,
                               lw=1, zorder=z))  # fmt: skip


def _chair(ax, body, at, view, project):
    if at == "seat":
        x, y, _ = project(view, body["pelvis"])
        seat = y - RADIUS["pelvis"]
        back = x - 0.2 if view == "side" else x - 0.21  # seen from the front: centred under the pelvis
        ax.add_patch(
            Rectangle((back, seat - 0.04), 0.42, 0.04, facecolor=PROP, edgecolor=INK, lw=1, zorder=2)
        )
        for leg in (back + 0.02, back + 0.38):
            ax.plot([leg, leg], [0, seat - 0.04], color=INK, lw=1.2, zorder=2)
        if view == "side":
            ax.plot([back, back], [seat, seat + 0.45], color=INK, lw=2, solid_capstyle="round", zorder=2)
        return
    hand = _point(body, at)
    x, y, _ = project(view, hand)
    # the chair's back is under the hand; its seat points away from the body
    away = 1.0 if x >= project(view, body["pelvis"])[0] else -1.0
    ax.plot([x, x], [0, y], color=INK, lw=2, solid_capstyle="round", zorder=2)
    seat = (x, x + 0.4 * away)
    ax.add_patch(Rectangle((min(seat), SEAT_HEIGHT - 0.04), 0.4, 0.04, facecolor=PROP, edgecolor=INK, lw=1,
                           zorder=2))  # fmt: skip
    ax.plot([x + 0.38 * away] * 2, [0, SEAT_HEIGHT - 0.04], color=INK, lw=1.2, zorder=2)


def _behind(ax, prop, body, view, project, box):
    """Props the body rests on or reaches for: drawn behind it."""
    xmin, xmax = box
    if prop.prop == "mat" and view != "above":
        ax.add_patch(Rectangle((xmin + 0.05, -MAT_THICK), xmax - xmin - 0.1, MAT_THICK, facecolor=PROP_DARK,
                               edgecolor="none", zorder=1.5))  # fmt: skip
    elif prop.prop == "mat":
        ax.add_patch(Rectangle((xmin + 0.05, -0.35), xmax - xmin - 0.1, 0.7, facecolor="#f4f4f4",
                               edgecolor=PROP_DARK, lw=0.8, zorder=0.5))  # fmt: skip
    elif prop.prop == "chair":
        _chair(ax, body, prop.at, view, project)
    elif prop.prop == "bench":
        x, y, _ = project(view, _point(body, prop.at))
        ax.add_patch(Rectangle((x - 0.25, 0), 0.5, BENCH_HEIGHT - 0.05, facecolor=PROP, edgecolor=INK, lw=1,
                               zorder=2))  # fmt: skip
    elif prop.prop == "wall":
        x = project(view, _point(body, "pelvis" if prop.at == "back" else prop.at))[0]
        x = x - 0.14 if prop.at == "back" else x + (0.06 if prop.at == "feet" else 0.05)
        ax.add_patch(
            Rectangle((x - 0.05, 0), 0.05, 1.9, facecolor="#eeeeee", edgecolor=INK, lw=0.8, zorder=2)
        )
    elif prop.prop == "barre":
        x, y, _ = project(view, _point(body, prop.at))
        ax.plot([x, x], [0, y], color=INK, lw=1.5, zorder=2)
        ax.add_patch(Circle((x, y), 0.025, facecolor=PROP_DARK, edgecolor=INK, lw=1, zorder=2))
    elif prop.prop in ("pillow", "wedge"):
        x, y, _ = project(view, _point(body, "pelvis" if prop.at in ("bump", "back") else prop.at))
        if prop.prop == "wedge":
            ax.add_patch(Polygon([(x - 0.6, 0), (x - 0.1, 0), (x - 0.6, 0.25)], facecolor=PROP, edgecolor=INK,
                                 lw=1, zorder=2))  # fmt: skip
        else:
            ax.add_patch(Ellipse((x, max(y - 0.1, 0.04)), 0.3, 0.09, facecolor=PROP, edgecolor=INK, lw=1,
                                 zorder=2))  # fmt: skip
    elif prop.prop == "slider":
        x, _, _ = project(view, _point(body, prop.at))
        ax.add_patch(Ellipse((x, 0.005), 0.2, 0.03, facecolor=PROP_DARK, edgecolor=INK, lw=1, zorder=2))
    elif prop.prop == "birth-ball":
        x, y, _ = project(view, _point(body, "pelvis" if prop.at == "seat" else prop.at))
        ax.add_patch(Circle((x, 0.3), 0.3, facecolor=PROP, edgecolor=INK, lw=1.2, zorder=2))


HELD = ("small-ball", "pilates-ring", "towel", "band", "ankle-weights", "block")


def prop_spans(spec: FigureSpec, bodies: list[Body], view: str, project) -> list[tuple[float, float]]:
    """The page-x span of each prop that reaches beyond the body (a bench, a chair, a ball to sit on)."""
    reach = {"bench": (-0.25, 0.25), "birth-ball": (-0.3, 0.3)}
    spans = []
    for prop in spec.props:
        body = bodies[-1]
        if prop.prop == "chair" and prop.at == "seat":
            x = project(view, min(bodies, key=lambda b: b["pelvis"][1])["pelvis"])[0]
            spans.append((x - 0.22, x + 0.22))
        elif prop.prop == "chair":
            x = project(view, _point(body, prop.at))[0]
            away = 1.0 if x >= project(view, body["pelvis"])[0] else -1.0
            spans.append((min(x, x + 0.42 * away), max(x, x + 0.42 * away)))
        elif prop.prop in reach:
            x = project(view, _point(body, "pelvis" if prop.at == "seat" else prop.at))[0]
            spans.append((x + reach[prop.prop][0], x + reach[prop.prop][1]))
    return spans


def draw_props(
    ax, spec: FigureSpec, body: Body, view: str, project, z_at, seated: Body | None = None
) -> None:
    """Every prop of ``spec`` for the posed ``body`` (held props above the body, others behind).
    ``seated``: the pose that sits (a chair's seat stays under it when the movement stands up)."""
    xs = [project(view, p)[0] for p in body.points.values()]
    box = (min(xs) - 0.12, max(xs) + 0.12)
    for prop in spec.props:
        if prop.prop in HELD or (prop.prop == "pillow" and prop.at == "knees"):
            _held(ax, prop, body, view, project, z_at)
            if prop.prop in ("small-ball", "pilates-ring", "pillow", "towel"):
                _seen_through(ax, prop, body, view, project)
        else:
            sitting = seated if prop.at == "seat" and seated is not None else body
            _behind(ax, prop, sitting, view, project, box)


def _seen_through(ax, prop, body, view, project) -> None:
    """A dashed outline on top of everything: a ball the near leg hides still shows where it is."""
    x, y, _ = project(view, _point(body, prop.at))
    shape = {
        "small-ball": (0.18, 0.18),
        "pilates-ring": (0.34, 0.34),
        "pillow": (0.22, 0.12),
        "towel": (0.18, 0.1),
    }
    width, height = shape[prop.prop]
    ax.add_patch(Ellipse((x, y), width, height, facecolor="none", edgecolor=INK, lw=0.9, ls=(0, (2, 1.5)),
                         zorder=60))  # fmt: skip
