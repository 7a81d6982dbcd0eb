"""Lever sketches: a plain lever beside the same lever found at the hip and the pelvis."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, Polygon

from .. import anatomy
from ._style import BONE, COLOURS, INK, arrow, cm, figure_and_axes, source_note, state_numbers

EFFORT, LOAD = COLOURS["adductor_longus"], COLOURS["adductor_magnus_middle"]
#: Heights (data units) of the plain lever and of the same lever in the body, and of the words.
PLAIN_Y, BODY_Y, TITLE_Y, BODY_TITLE_Y, NOTE_Y, LEFT = 0.64, 0.10, 0.97, 0.44, -0.08, -0.28


class Lever(NamedTuple):
    """Where a lever's parts sit along its beam (data units) and which way the effort points."""

    y: float
    fulcrum_x: float
    effort_x: float
    load_x: float
    effort_up: bool


class LeverWords(NamedTuple):
    effort: str
    load: str
    fulcrum: str
    effort_arm: str
    load_arm: str


def draw_lever(ax, lever: Lever, words: LeverWords) -> None:
    """A plain lever along y: beam, fulcrum triangle, effort and load arrows, arm brackets."""
    _beam_and_fulcrum(ax, lever)
    _forces(ax, lever, words)
    _arms(ax, lever, words)


def _beam_and_fulcrum(ax, lever: Lever) -> None:
    y, x = lever.y, lever.fulcrum_x
    xs = (lever.fulcrum_x, lever.effort_x, lever.load_x)
    (beam,) = ax.plot(
        [min(xs) - 0.02, max(xs) + 0.02], [y, y], color=BONE, linewidth=7, solid_capstyle="round"
    )
    beam.set_gid("lever:beam")
    fulcrum = Polygon(
        [(x, y - 0.012), (x - 0.035, y - 0.07), (x + 0.035, y - 0.07)],
        facecolor="white",
        edgecolor=INK,
        linewidth=1.5,
        zorder=5,
    )
    fulcrum.set_gid("lever:fulcrum")
    ax.add_patch(fulcrum)


def _forces(ax, lever: Lever, words: LeverWords) -> None:
    """The effort arrow (up or down), the load arrow (down), and the words over them and the fulcrum."""
    y = lever.y
    effort = arrow(ax, "lever:effort", EFFORT, width=2.6, scale=18, zorder=6)
    low, high = y + 0.015, y + 0.17
    start, end = (low, high) if lever.effort_up else (high, low)
    effort.set_positions((lever.effort_x, start), (lever.effort_x, end))
    load = arrow(ax, "lever:load", LOAD, width=2.6, scale=18, zorder=6)
    load.set_positions((lever.load_x, y + 0.15), (lever.load_x, y + 0.015))
    for x, text, colour, gid in (
        (lever.effort_x, words.effort, EFFORT, "text:effort"),
        (lever.load_x, words.load, LOAD, "text:load"),
    ):
        ax.text(x, y + 0.19, text, ha="center", va="bottom", fontsize=9, color=colour, gid=gid)
    ax.text(
        lever.fulcrum_x - 0.045,
        y - 0.045,
        words.fulcrum,
        ha="right",
        va="center",
        fontsize=9,
        color=INK,
        gid="text:fulcrum",
    )


def _arms(ax, lever: Lever, words: LeverWords) -> None:
    """A bracket from the fulcrum to each force, with its words under it (or beside it when short)."""
    fulcrum_x = lever.fulcrum_x
    for i, (x, word) in enumerate(((lever.effort_x, words.effort_arm), (lever.load_x, words.load_arm))):
        level = lever.y - 0.04 - 0.05 * i if abs(x - fulcrum_x) > 0.01 else lever.y - 0.04
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


def _heading(ax, y: float, text: str) -> None:
    ax.text(LEFT, y, text, fontsize=11, va="top", weight="bold")


def third_class(ax) -> tuple[str, str]:
    """Effort between pivot and load: a side-lying lift with a 2 kg ankle weight.

    Returns the note under the drawing and the summary.
    """
    effort_arm = anatomy.moment_arms("adductor_longus")["hip_adduction"]
    marks = anatomy.landmarks()
    load_arm = float(np.linalg.norm(marks["ankle_centre"] - marks["right_hip_centre"]))
    load = 2.0 * 9.81
    effort = load * load_arm / effort_arm
    _heading(ax, TITLE_Y, "A third-class lever: the effort sits between the pivot and the load")
    plain = LeverWords("effort", "load", "fulcrum (pivot)", "effort arm (short)", "load arm (long)")
    draw_lever(ax, Lever(PLAIN_Y, 0.0, 0.25, 0.95, True), plain)
    _heading(ax, BODY_TITLE_Y, "The same lever at your hip: lying on your side, lifting the lower leg")
    body = LeverWords(
        f"adductors pull\n{effort:.0f} N",
        f"2 kg ankle weight\n{load:.1f} N",
        "hip joint",
        f"{cm(effort_arm)}",
        f"hip to ankle {load_arm:.2f} m",
    )
    draw_lever(ax, Lever(BODY_Y, 0.0, effort_arm, load_arm, True), body)
    balance = (
        f"Balance: {effort:.0f} N × {effort_arm:.3f} m = {load:.1f} N × {load_arm:.2f} m "
        f"= {load * load_arm:.1f} N·m."
    )
    harder = f"The muscle pulls {effort / load:.0f}× harder than the weight,"
    further = f"and the foot travels {load_arm / effort_arm:.0f}× further than the muscle shortens."
    note = f"{balance} {harder}\n{further} The leg's own weight adds to the load (not shown)."
    summary = (
        "Third-class lever at the hip (side-lying lift, 2 kg ankle weight):\n"
        f"{balance}\n{harder} {further}\n"
        f"effort arm (adductor longus' moment arm) {cm(effort_arm)}; load arm (hip to ankle) {load_arm:.2f} m"
    )
    return note, summary


def first_class(ax) -> tuple[str, str]:
    """Pivot in the middle: the pelvis balancing on the hip, pulled down in front and behind.

    Returns the note under the drawing and the summary.
    """
    front = anatomy.moment_arms("adductor_longus")["hip_flexion"]
    back = -anatomy.moment_arm("adductor_magnus_inferior", "hip_flexion")
    _heading(ax, TITLE_Y, "A first-class lever: the pivot sits between effort and load (a seesaw)")
    plain = LeverWords("effort", "load", "fulcrum (pivot)", "effort arm", "load arm")
    draw_lever(ax, Lever(PLAIN_Y, 0.45, 0.9, 0.0, False), plain)
    _heading(ax, BODY_TITLE_Y, "The same lever in your pelvis, seen from the side (front to the right)")
    scale = 0.45 / max(front, back)
    in_front, behind = f"{cm(front)} in front", f"{cm(back)} behind"
    body = LeverWords(
        "adductor longus pulls\nthe pubic bone down",
        "magnus (hamstring part)\npulls the sitting bone down",
        "hip joint",
        in_front,
        behind,
    )
    draw_lever(ax, Lever(BODY_Y, 0.45, 0.45 + front * scale, 0.45 - back * scale, False), body)
    note = (
        "Standing, the pelvis balances on the hips. A pull down in front tips it forward; a pull down\n"
        "behind tips it back. Arms drawn to scale with each other (not with the page); from the model, "
        "standing."
    )
    summary = (
        "First-class lever in the pelvis (standing, side view; the hip joint is the pivot):\n"
        f"adductor longus pulls the pubic bone down {in_front} of the hip (tips the pelvis forward);\n"
        f"magnus (hamstring part) pulls the sitting bone down {behind} (tips it back)"
    )
    return note, summary


def lever_sketch(kind: str = "third", ax=None) -> Figure:
    """A plain lever (effort, load, fulcrum, arms) above the same lever found at the hip.

    ``kind="third"``: effort between fulcrum and load, as in a side-lying inner-thigh lift: the hip
    is the fulcrum, the adductor longus pulls 6.7 cm from it (its moment arm in the model), an ankle
    weight hangs 0.83 m away (hip to ankle in the model). The muscle pulls far harder than the
    weight, and in return the foot moves far further and faster. ``kind="first"``: fulcrum in the
    middle, as the pelvis balances on the hip: adductor longus pulls the pubis down in front, the
    hamstring part of adductor magnus pulls the sitting bone down behind (moment arms from the
    model). With ``ax=None`` the figure is a :class:`KitFigure` whose text form gives the balance
    numbers (third) or the two arms (first). Sources: module docstring; lever classes in any
    kinesiology text (e.g. Neumann DA, Kinesiology of the Musculoskeletal System, ch. 4).
    """
    if kind not in ("first", "third"):
        raise anatomy.AnatomyError(f"kind must be 'first' or 'third', not {kind!r}.")
    own = ax is None
    figure, ax = figure_and_axes(ax, (8.3, 5.6), rect=(0.01, 0.04, 0.98, 0.94))
    ax.set_axis_off()
    ax.set_xlim(-0.3, 1.08)
    ax.set_ylim(-0.2, 1.0)
    note, summary = third_class(ax) if kind == "third" else first_class(ax)
    ax.text(LEFT, NOTE_Y, note, fontsize=8.5, color="#333333", va="top", gid="text:balance")
    source_note(figure)
    state_numbers(figure, summary, own)
    return figure
