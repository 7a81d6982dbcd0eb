"""Curves: each muscle's moment arm across a joint's range, and how far each stretches."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.figure import Figure

from .. import anatomy
from ..anatomy import MUSCLES
from ._style import (
    COLOURS,
    CREDIT,
    INK,
    LABELS,
    RANGES,
    SHORT,
    angle_words,
    figure_and_axes,
    kit_figure,
    source_note,
    state_numbers,
)

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
_NOT_AT_KNEE = "The other six do not cross the knee: their knee moment arm is 0 cm."
#: The stretch panel's summary gives each muscle's stretch at this abduction (degrees).
STRETCH_READING_AT = 40.0


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
    EVIDENCE 1.2). With ``ax=None`` the figure is a :class:`KitFigure` whose text form gives each
    muscle's moment arm at both ends and the middle of the range and the angle where it flips.
    Sources: module docstring.
    """
    coordinate = anatomy.coordinate_name(coordinate)
    own = ax is None
    figure, ax = figure_and_axes(ax, (8.3, 5.0), rect=(0.08, 0.12, 0.6, 0.74))
    low, high = RANGES[coordinate]
    angles = np.linspace(low, high, 241)
    others = {"hip_flexion": hip_flexion, "hip_adduction": hip_adduction, "hip_rotation": hip_rotation}
    others = {**others, "knee_angle": knee_angle}
    others.pop(coordinate)
    names = [anatomy.muscle(m).name for m in muscles]
    words = coordinate.replace("_", " ")
    _, positive, negative = _AXIS_WORDS[coordinate]
    summary = [
        f"Moment arm about {words}, {low}° to {high}° ({angle_words(others)}):",
        f"above 0: {positive}; below 0: {negative}",
    ]
    if coordinate == "knee_angle":
        names = [n for n in names if anatomy.muscle(n).crosses_knee]
        ax.text(0.02, 0.04, _NOT_AT_KNEE, transform=ax.transAxes, fontsize=8.5, color="#444444")
        summary.append(_NOT_AT_KNEE)
    ax.axhline(0, color=INK, linewidth=0.8)
    for name in names:
        arms = anatomy.moment_arm(name, coordinate, **others, **{coordinate: angles}) * 100
        summary.append(f"  {SHORT[name]}: {_curve(ax, name, angles, arms, positive, negative)}")
    _moment_arm_axes(ax, coordinate, low, high)
    source_note(figure)
    state_numbers(figure, "\n".join(summary), own)
    return figure


def _curve(ax, name, angles, arms, positive: str, negative: str) -> str:
    """One muscle's curve (cm), its first change of sign marked; returns its numbers in words."""
    ax.plot(angles, arms, color=COLOURS[name], linewidth=2.2, label=SHORT[name], gid=f"curve:{name}")
    picks = (0, len(angles) // 2, -1)  # both ends of the range and its middle
    words = ", ".join(f"{arms[i]:.1f} cm at {angles[i]:.0f}°" for i in picks)
    flips = np.nonzero(np.diff(np.sign(arms)))[0]
    if not len(flips):
        return f"{words}; {positive if arms[0] > 0 else negative} throughout"
    i = flips[0]
    at = angles[i] - arms[i] * (angles[i + 1] - angles[i]) / (arms[i + 1] - arms[i])
    mark = f"{at:.0f}°"
    ax.plot([at], [0], "o", color=COLOURS[name], markersize=5, gid=f"flip:{name}")
    ax.annotate(
        mark,
        (at, 0),
        (0, 10 if arms[i] < 0 else -14),
        textcoords="offset points",
        ha="center",
        fontsize=8,
        color=COLOURS[name],
    )
    before, after = (negative, positive) if arms[i + 1] > 0 else (positive, negative)
    return f"{words}; {before} up to {mark}, then {after}"


def _moment_arm_axes(ax, coordinate, low, high) -> None:
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
    ``"both"`` and ``ax=None`` two panels side by side; ``ax`` may then be a pair of axes. With
    ``ax=None`` the figure is a :class:`KitFigure` whose text form gives each muscle's stretch at
    40° and the angles where the focus muscle's fibres reach optimal length.
    """
    if relative_to not in ("both", "neutral", "optimal"):
        raise anatomy.AnatomyError(
            f"relative_to must be 'both', 'neutral' or 'optimal', not {relative_to!r}."
        )
    own = ax is None
    if own:
        figure = kit_figure((8.3, 4.4) if relative_to == "both" else (5.5, 4.4))
        axes = figure.subplots(1, 2 if relative_to == "both" else 1, squeeze=False)[0]
        figure.subplots_adjust(left=0.08, right=0.98, bottom=0.22, top=0.86, wspace=0.28)
    else:
        axes = list(ax) if relative_to == "both" else [ax]
        figure = axes[0].figure
    abduction = np.linspace(0, 50, 101)
    panels = dict(zip(("neutral", "optimal") if relative_to == "both" else (relative_to,), axes, strict=True))
    summary = []
    if "neutral" in panels:
        summary += _neutral_panel(panels["neutral"], [anatomy.muscle(m).name for m in muscles], abduction)
    if "optimal" in panels:
        summary += _optimal_panel(panels["optimal"], anatomy.muscle(focus).name, abduction, tightness)
    source_note(figure, CREDIT + " Fibre curves: Thelen 2003. Teaching model, not a measurement.")
    state_numbers(figure, "\n".join(summary), own)
    return figure


def _neutral_panel(a, names, abduction) -> list[str]:
    """Each muscle's whole length (muscle and tendon) in % over standing; returns the summary lines."""
    at = int(np.searchsorted(abduction, STRETCH_READING_AT))
    summary = [f"Stretch of the whole muscle and tendon at {abduction[at]:.0f}° abduction (thigh out):"]
    for name in names:
        lengths = anatomy.musculotendon_length(name, hip_adduction=-abduction)
        stretch = 100 * (lengths / lengths[0] - 1)
        a.plot(abduction, stretch, color=COLOURS[name], linewidth=2, label=SHORT[name], gid=f"stretch:{name}")
        summary.append(f"  {SHORT[name]}: {stretch[at]:.0f}% longer than when standing")
    a.set_xlabel("hip abduction (°): thigh out to the side")
    a.set_ylabel("longer than when standing (%)")
    a.set_title("Stretch of the whole muscle and tendon", loc="left", fontsize=10)
    a.legend(fontsize=7, frameon=False, loc="upper left")
    a.grid(True, color="#e5e5e5", linewidth=0.6)
    return summary


def _optimal_panel(a, name, abduction, tightness) -> list[str]:
    """The focus muscle's fibre length over optimal, typical and tight; returns the summary lines."""
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
    onsets, summary = {}, [f"{LABELS[name]}: fibres reach optimal length (1), where passive tension rises:"]
    for scale, style, word, said in (
        (1.0, "-", "typical", "typical"),
        (
            1.0 - tightness,
            "--",
            f"tight: fibres {tightness:.0%} shorter",
            f"tight (fibres {tightness:.0%} shorter)",
        ),
    ):
        onsets[scale == 1.0], reached = _fibre_curve(a, name, abduction, scale, style, word)
        summary.append(f"  {said}: {reached}")
    if len(onsets) == 2 and None not in onsets.values():
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
    return summary


def _fibre_curve(a, name, abduction, scale, style, word) -> tuple[float | None, str]:
    """One fibre-length curve with its onset of passive tension marked: (onset angle or None, words)."""
    kind = "typical" if scale == 1.0 else "tight"
    fibre = anatomy.normalized_fiber_length(name, hip_adduction=-abduction, fiber_scale=scale)
    a.plot(
        abduction, fibre, color=COLOURS[name], linestyle=style, linewidth=2.2, label=word, gid=f"fibre:{kind}"
    )
    if fibre[0] < 1.0 <= fibre[-1]:
        at = float(np.interp(1.0, fibre, abduction))
        a.plot([at], [1.0], "o", color=COLOURS[name], gid=f"onset:{kind}")
        a.annotate(f"{at:.0f}°", (at, 1.0), (4, -14), textcoords="offset points", fontsize=8.5)
        return at, f"at {at:.0f}° abduction"
    if fibre[0] >= 1.0:
        a.annotate("already at 0°", (0, fibre[0]), (4, 6), textcoords="offset points", fontsize=8.5)
        return 0.0, "already at 0°"
    return None, f"not within {abduction[0]:.0f}-{abduction[-1]:.0f}°"
