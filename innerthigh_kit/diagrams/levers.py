"""Lever sketches: a plain lever beside the same lever found at the hip and the pelvis."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, Polygon

from .. import anatomy
from ._style import BONE, COLOURS, INK, arrow, cm, figure_and_axes, source_note


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
    effort = arrow(ax, "lever:effort", COLOURS["adductor_longus"], width=2.6, scale=18, zorder=6)
    effort.set_positions(
        (effort_x, y + (0.015 if effort_up else 0.17)), (effort_x, y + (0.17 if effort_up else 0.015))
    )
    load = arrow(ax, "lever:load", COLOURS["adductor_magnus_middle"], width=2.6, scale=18, zorder=6)
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
    figure, ax = figure_and_axes(ax, (8.3, 5.6), rect=(0.01, 0.04, 0.98, 0.94))
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
                "effort_arm": f"{cm(effort_arm)}",
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
                "effort_arm": f"{cm(front)} in front",
                "load_arm": f"{cm(back)} behind",
            },
        )
        note = (
            "Standing, the pelvis balances on the hips. A pull down in front tips it forward; a pull down\n"
            "behind tips it back. Arms drawn to scale with each other (not with the page); from the model, "
            "standing."
        )
    ax.text(-0.28, -0.08, note, fontsize=8.5, color="#333333", va="top", gid="text:balance")
    source_note(figure)
    return figure
