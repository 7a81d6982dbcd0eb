"""Exercise figures drawn from the library's pose data: a calm, printable figure of each exercise.

``exercise_figure(exercise, ax=None, phase="both")`` draws the body of ``body.py`` by projection
for the exercise's view (side, front or above), farthest part first, limbs as rounded strokes in
greys, the inner thighs that work as a band of the kit's accent colour along the thigh, from
the adductors' origin on the pubis to the adductor magnus's insertion just above the knee (the
anatomy model's points), so the picture also shows where they run. ``phase``: "start", "end",
"both" (the end pose with the start pose faint behind it and an arrow for the movement) or
"pair" (start and end side by side). An exercise without pose data gets a neutral placeholder.
"""

from __future__ import annotations

import numpy as np
from matplotlib.patches import Circle, FancyArrowPatch, Polygon

from ..exercises import Exercise
from ..exercises.poses import PLACEHOLDER, FigureSpec, PoseSpec
from ._style import figure_and_axes, state_numbers
from .body import RADIUS, Body, place
from .props import draw_props, prop_heights, prop_spans

ACCENT = "#D55E00"  # Okabe & Ito vermilion: the inner thighs
INK, NEAR, FAR = "#3a3a3a", "#d9d9d9", "#b8b8b8"
PHASES = ("start", "end", "both", "pair")

#: How each view lays the world on the page: page x, page y and depth (toward you) as world axes.
VIEW_AXES = {
    "side": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    "front": ((0, 0, -1), (0, 1, 0), (1, 0, 0)),
    "above": ((1, 0, 0), (0, 0, -1), (0, 1, 0)),
}


def project(view: str, point: np.ndarray) -> tuple[float, float, float]:
    """Page x, page y and depth (larger is nearer) of a world point in ``view``."""
    x_axis, y_axis, depth_axis = (np.array(a, dtype=float) for a in VIEW_AXES[view])
    return float(point @ x_axis), float(point @ y_axis), float(point @ depth_axis)


def _axes_inches(ax) -> tuple[float, float]:
    box = ax.get_position()
    width, height = ax.figure.get_size_inches()
    return width * box.width, height * box.height


def _stroke_width(ax, metres: float) -> float:
    """The line width in points that spans ``metres`` of data on these (equal-scale) axes."""
    xmin, xmax = ax.get_xlim()
    return max(metres * _axes_inches(ax)[0] * 72 / max(xmax - xmin, 1e-9), 0.5)


def _working(spec: FigureSpec, side: str) -> bool:
    return spec.working == "both" or spec.working == side


def _drawables(body: Body, view: str, spec: FigureSpec, faint: bool) -> list:
    """(depth, draw function) for every part of the body, the band on each working thigh."""
    items = []
    for kind, names, side in body.parts:
        flat = [project(view, body[name]) for name in names]
        depth = float(np.mean([d for _, _, d in flat])) - (1e-3 if kind == "torso" else 0.0)
        items.append((depth, kind, [(x, y) for x, y, _ in flat], side))
        if kind == "thigh" and spec.working != "none" and _working(spec, side) and not faint:
            band = [project(view, body[f"{side}_band_origin"]), project(view, body[f"{side}_band_insertion"])]
            items.append((depth + 1e-4, "band", [(x, y) for x, y, _ in band], side))
    return sorted(items, key=lambda item: item[0])


def _draw_part(ax, kind: str, xy: list, colour: str, outline: str, alpha: float, zorder: float) -> None:
    width = _stroke_width(ax, 2 * RADIUS.get(kind, 0.03))
    edge = max(width * 0.08, 0.8)
    if kind == "head":
        ax.add_patch(Circle(xy[0], RADIUS["head"], facecolor=colour, edgecolor=outline, lw=edge,
                            alpha=alpha, zorder=zorder))  # fmt: skip
        return
    if kind == "trunk":
        for face, lw, z in ((outline, width + 2 * edge, zorder), (colour, width, zorder + 0.01)):
            ax.add_patch(Polygon(xy, closed=True, facecolor=face, edgecolor=face, lw=lw, joinstyle="round",
                                 alpha=alpha, zorder=z))  # fmt: skip
        return
    xs, ys = zip(*xy, strict=True)
    if kind == "band":
        ax.plot(xs, ys, color=ACCENT, lw=_stroke_width(ax, 0.075), solid_capstyle="round", alpha=0.9,
                zorder=zorder)  # fmt: skip
        return
    for face, lw, z in ((outline, width + 2 * edge, zorder), (colour, width, zorder + 0.01)):
        ax.plot(
            xs, ys, color=face, lw=lw, solid_capstyle="round", solid_joinstyle="round", alpha=alpha, zorder=z
        )


def _draw_body(ax, body: Body, view: str, spec: FigureSpec, faint: bool = False, base: float = 10):
    """Draw the body farthest part first; returns depth -> zorder, to slot held props between parts."""
    near_side = max(("left", "right"), key=lambda s: project(view, body[f"{s}_hip"])[2])
    alpha = 0.28 if faint else 1.0
    parts = _drawables(body, view, spec, faint)
    for order, (_, kind, xy, side) in enumerate(parts):
        colour = NEAR if side in ("", near_side) else FAR
        _draw_part(ax, kind, xy, colour, INK, alpha, base + order * 0.02)
    depths = [depth for depth, *_ in parts]
    return lambda depth: base + 0.02 * sum(d < depth for d in depths) - 0.005


def _moving_point(start: Body, end: Body) -> str:
    names = (
        "left_ankle",
        "right_ankle",
        "left_knee",
        "right_knee",
        "left_hand",
        "right_hand",
        "pelvis",
        "head",
    )
    return max(names, key=lambda n: float(np.linalg.norm(end[n] - start[n])))


def _arrow(ax, start: Body, end: Body, view: str, name: str | None = None) -> None:
    name = name or _moving_point(start, end)
    a, b = project(view, start[name])[:2], project(view, end[name])[:2]
    if np.hypot(b[0] - a[0], b[1] - a[1]) < 0.06:
        return
    arrow = FancyArrowPatch(a, b, arrowstyle="-|>", mutation_scale=12, color=INK, lw=1.5,
                            connectionstyle="arc3,rad=0.25", shrinkA=4, shrinkB=4, zorder=40)  # fmt: skip
    arrow.set_gid("movement")
    ax.add_patch(arrow)


def _bounds(bodies: list[Body], view: str, margin: float = 0.17) -> tuple[float, float, float, float]:
    xy = np.array([project(view, p)[:2] for body in bodies for p in body.points.values()])
    xmin, ymin = xy.min(axis=0) - margin
    xmax, ymax = xy.max(axis=0) + margin
    if view != "above":
        ymin = min(ymin, -0.06)
    return float(xmin), float(xmax), float(ymin), float(ymax)


def _frame(ax, box) -> None:
    """Equal scales, the box grown to the axes' shape about its centre, so widths stay true."""
    xmin, xmax, ymin, ymax = box
    width, height = _axes_inches(ax)
    span_x, span_y = xmax - xmin, ymax - ymin
    if span_x / span_y < width / height:
        grow = span_y * width / height - span_x
        xmin, xmax = xmin - grow / 2, xmax + grow / 2
    else:
        grow = span_x * height / width - span_y
        ymin, ymax = ymin - grow / 2, ymax + grow / 2
    ax.set_axis_off()
    ax.set_xlim(xmin, xmax)
    ax.set_ylim(ymin, ymax)
    ax.set_aspect("equal", adjustable="datalim")


def _bodies(spec: FigureSpec, phase: str) -> list[tuple[PoseSpec, Body]]:
    heights = prop_heights(spec)
    chosen = {"start": [spec.start], "end": [spec.end or spec.start]}.get(phase, list(spec.poses))
    return [(pose, place(pose, heights)) for pose in chosen]


def draw_into(ax, spec: FigureSpec, phase: str = "both") -> None:
    """Draw ``spec`` in one axes: one pose, or the end pose over a faint start and an arrow."""
    placed = _bodies(spec, "both" if phase == "pair" else phase)
    bodies = [body for _, body in placed]
    xmin, xmax, ymin, ymax = _bounds(bodies, spec.view)
    for low, high in prop_spans(spec, bodies, spec.view, project):  # a bench or chair stays in the frame
        xmin, xmax = min(xmin, low - 0.05), max(xmax, high + 0.05)
    _frame(ax, (xmin, xmax, ymin, ymax))
    if spec.view != "above":
        ax.axhline(0, color=INK, lw=0.8, zorder=1)
    final = bodies[-1]
    if len(bodies) == 2:
        _draw_body(ax, bodies[0], spec.view, spec, faint=True, base=5)
        _arrow(ax, bodies[0], final, spec.view, spec.arrow)
    z_at = _draw_body(ax, final, spec.view, spec)
    draw_props(ax, spec, final, spec.view, project, z_at, seated=min(bodies, key=lambda b: b["pelvis"][1]))


def figure_spec_of(exercise: Exercise | None) -> FigureSpec:
    figure = getattr(exercise, "figure", None)
    return figure if figure is not None else PLACEHOLDER


def exercise_figure(exercise: Exercise | None, ax=None, phase: str = "both", size=(3.2, 2.4)):
    """The exercise's figure (a KitFigure; into ``ax`` if given); a placeholder without pose data."""
    if phase not in PHASES:
        from ..errors import KitError

        raise KitError(f"phase {phase!r} is not allowed. Use one of: {', '.join(PHASES)}.")
    spec = figure_spec_of(exercise)
    own = ax is None
    if phase == "pair" and ax is None and spec.end is not None:
        figure, _ = figure_and_axes(None, (size[0] * 2, size[1]), rect=(0, 0, 1, 1))
        figure.clear()
        left, right = figure.add_axes((0, 0, 0.5, 1)), figure.add_axes((0.5, 0, 0.5, 1))
        draw_into(left, spec, "start")
        draw_into(right, spec, "end")
    else:
        figure, ax = figure_and_axes(ax, size, rect=(0, 0, 1, 1))
        draw_into(ax, spec, "both" if phase == "pair" else phase)
    name = getattr(exercise, "name", "an exercise")
    state_numbers(figure, f"Figure of {name}: {spec.view} view, {len(spec.poses)} pose(s)", own)
    return figure
