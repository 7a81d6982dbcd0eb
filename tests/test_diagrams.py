"""Diagrams: each returns a Figure with the labelled artists it promises, numbers with units, and
(when it makes its own figure) a KitFigure whose text form states those numbers."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import types
from pathlib import Path

import numpy as np
import pytest
from matplotlib.figure import Figure

import innerthigh_kit
from innerthigh_kit import anatomy, diagrams
from innerthigh_kit.diagrams import SHORT, KitFigure


def gids(figure) -> set[str]:
    return {artist.get_gid() for artist in figure.findobj() if artist.get_gid()}


def by_gid(figure, gid):
    (artist,) = [a for a in figure.findobj() if a.get_gid() == gid]
    return artist


def texts(figure) -> str:
    return "\n".join(t.get_text() for t in figure.findobj(lambda a: hasattr(a, "get_text")))


def test_knee_view_draws_bones_pulls_moment_and_the_knee():
    figure = diagrams.knee_view(effort=0.5)
    assert isinstance(figure, Figure)
    found = gids(figure)
    expected = {
        "bone:pelvis",
        "bone:femur",
        "bone:tibia",
        "joint:hip",
        "joint:knee",
        "moment:adduction",
        "knee:inward",
        "text:gracilis",
        "text:moment",
        "moment_arm",
    }
    assert expected <= found
    for name in anatomy.MUSCLES:
        assert {f"pull:{name}", f"force:{name}", f"row:{name}"} <= found
    total = sum(
        0.5 * anatomy.muscle(n).max_isometric_force * anatomy.moment_arm(n, "hip_adduction")
        for n in anatomy.MUSCLES
    )
    words = texts(figure)
    assert f"{total:.1f} N·m" in words
    assert "N" in by_gid(figure, "text:inward").get_text()
    assert "crosses the knee" in by_gid(figure, "text:gracilis").get_text()
    assert "-2.1 cm" in by_gid(figure, "text:gracilis").get_text()
    # the femur runs from the hip centre to the knee, in the front view (midline to the right: h = -z)
    femur = by_gid(figure, "bone:femur")
    assert femur.get_xdata()[0] == pytest.approx(-0.0835)
    assert femur.get_ydata()[1] == pytest.approx(anatomy.landmarks()["knee_centre"][1])
    # an adduction moment points the knee arrow toward the midline (+h)
    start, end = by_gid(figure, "knee:inward")._posA_posB
    assert end[0] > start[0]


def test_knee_view_force_arrows_scale_with_effort():
    def arrow_length(effort):
        start, end = by_gid(diagrams.knee_view(effort=effort), "force:adductor_longus")._posA_posB
        return np.hypot(*np.subtract(end, start))

    assert arrow_length(0.6) == pytest.approx(2 * arrow_length(0.3))


def test_pelvis_view_says_which_way_the_pelvis_tips_and_flips_with_flexion():
    standing = diagrams.pelvis_view(hip_flexion=0)
    assert {"bone:pelvis", "bone:femur", "joint:hip", "moment:tilt", "pull:adductor_longus"} <= gids(standing)
    row = by_gid(standing, "row:adductor_longus").get_text()
    assert "3.8 cm in front" in row and "forward" in row
    assert "back" in by_gid(standing, "row:adductor_magnus_inferior").get_text()
    deep = diagrams.pelvis_view(hip_flexion=90)
    row = by_gid(deep, "row:adductor_longus").get_text()
    assert "behind" in row and "back" in row
    assert "back (posterior tilt)" in by_gid(deep, "text:tilt").get_text()


def test_views_update_in_place_and_recompute_only_what_changed():
    figure = Figure()
    view = diagrams.KneeView(figure.add_subplot(), effort=0.3)
    line = view.lines["gracilis"]
    before_artists = len(figure.findobj())
    before = np.array(line.get_xydata())
    assert view.update(knee_angle=-60) == ("gracilis",)
    assert before.shape != line.get_xydata().shape  # the conditional point dropped out past 25°
    assert view.update(effort=0.8) == ()
    assert "N·m" in view.total_text.get_text()
    assert set(view.update(hip_adduction=-20)) == set(anatomy.MUSCLES)
    assert len(figure.findobj()) == before_artists  # moved, not re-created
    pelvis = diagrams.PelvisView(Figure().add_subplot())
    before = pelvis.rows["adductor_longus"].get_text()
    pelvis.update(hip_flexion=90)
    assert pelvis.rows["adductor_longus"].get_text() != before


@pytest.mark.parametrize("coordinate", anatomy.COORDINATES)
def test_moment_arm_curves_have_a_curve_per_muscle_and_mark_flips(coordinate):
    figure = diagrams.moment_arm_curves(coordinate)
    found = gids(figure)
    if coordinate == "knee_angle":
        assert {g for g in found if g.startswith("curve:")} == {"curve:gracilis"}
    else:
        assert {f"curve:{m}" for m in anatomy.MUSCLES} <= found
    ax = figure.axes[0]
    assert "(cm)" in ax.get_ylabel() and "(°)" in ax.get_xlabel()
    if coordinate == "hip_flexion":
        curve = by_gid(figure, "curve:adductor_longus")
        assert curve.get_ydata()[0] > 0 > curve.get_ydata()[-1]
        flip = by_gid(figure, "flip:adductor_longus")
        assert flip.get_xdata()[0] == pytest.approx(64.5, abs=1)


def test_stretch_curves_show_tight_reaching_passive_tension_sooner():
    figure = diagrams.stretch_curves(tightness=0.15)
    assert len(figure.axes) == 2
    assert {f"stretch:{m}" for m in anatomy.MUSCLES} <= gids(figure)
    typical, tight = by_gid(figure, "onset:typical"), by_gid(figure, "onset:tight")
    assert tight.get_xdata()[0] < typical.get_xdata()[0]
    assert "°" in by_gid(figure, "text:range").get_text()
    assert "(%)" in figure.axes[0].get_ylabel()
    single = diagrams.stretch_curves(relative_to="optimal")
    assert len(single.axes) == 1 and "zone:passive" in gids(single)


@pytest.mark.parametrize("kind", ["first", "third"])
def test_lever_sketch_labels_effort_load_fulcrum_and_arms(kind):
    figure = diagrams.lever_sketch(kind)
    assert {
        "lever:beam",
        "lever:fulcrum",
        "lever:effort",
        "lever:load",
        "lever:effort_arm",
        "lever:load_arm",
        "text:effort",
        "text:load",
        "text:fulcrum",
        "text:balance",
    } <= gids(figure)
    words = texts(figure)
    assert "cm" in words
    if kind == "third":
        assert "N·m" in by_gid(figure, "text:balance").get_text() and "19.6 N" in words


def test_diagrams_draw_into_given_axes_and_render(tmp_path):
    figure = Figure(figsize=(12, 5))
    left, right = figure.subplots(1, 2)
    assert diagrams.knee_view(ax=left) is figure
    assert diagrams.moment_arm_curves(ax=right) is figure
    figure.savefig(tmp_path / "two.png")
    assert (tmp_path / "two.png").stat().st_size > 10_000


def test_bad_choices_are_kit_errors():
    with pytest.raises(anatomy.AnatomyError, match="first"):
        diagrams.lever_sketch("second")
    with pytest.raises(anatomy.AnatomyError, match="hip_flexion"):
        diagrams.moment_arm_curves("ankle")
    with pytest.raises(anatomy.AnatomyError, match="sartorius"):
        diagrams.knee_view(muscles=["sartorius"])


def test_diagrams_never_touch_pyplot():
    code = (
        "import sys, innerthigh_kit.diagrams as d; d.knee_view(); "
        "assert 'matplotlib.pyplot' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# Figures that state their numbers: the summary is the repr, IPython shows it as text/plain beside
# the PNG, and its numbers are the model's (checked against innerthigh_kit.anatomy directly).

FIGURES = {
    "knee_view": lambda: diagrams.knee_view(),
    "pelvis_view": lambda: diagrams.pelvis_view(),
    "moment_arm_curves": lambda: diagrams.moment_arm_curves(),
    "stretch_curves": lambda: diagrams.stretch_curves(),
    "lever_sketch": lambda: diagrams.lever_sketch(),
}


def root(f, low, high):
    """Where the continuous f changes sign between low and high (bisection)."""
    assert np.sign(f(low)) != np.sign(f(high))
    for _ in range(60):
        middle = (low + high) / 2
        low, high = (middle, high) if np.sign(f(middle)) == np.sign(f(low)) else (low, middle)
    return (low + high) / 2


def number_after(text, words):
    (found,) = re.findall(re.escape(words) + r" (-?\d+(?:\.\d+)?)", text)
    return float(found)


def inline_formatter():
    """IPython's display formatter set up as ``%matplotlib inline`` sets it (matplotlib_inline's
    default formats and print options), without a shell or pyplot's global state."""
    from IPython.core.formatters import DisplayFormatter
    from IPython.core.pylabtools import select_figure_formats
    from matplotlib_inline.config import InlineBackend

    formatter = DisplayFormatter()
    inline = InlineBackend()
    shell = types.SimpleNamespace(display_formatter=formatter)
    select_figure_formats(shell, inline.figure_formats, **inline.print_figure_kwargs)
    return formatter


@pytest.mark.parametrize("name", FIGURES)
def test_figures_are_kit_figures_whose_repr_and_text_plain_are_the_summary(name):
    figure = FIGURES[name]()
    assert isinstance(figure, KitFigure) and figure.summary
    assert repr(figure) == figure.summary
    assert "<Figure" not in figure.summary
    data, _ = inline_formatter().format(figure)
    assert data["text/plain"] == figure.summary
    assert data["image/png"].startswith("iVBORw0KGgo")  # base64 of the PNG signature


def test_a_figure_drawn_into_the_callers_axes_keeps_its_class_and_repr():
    figure = Figure()
    ax = figure.add_subplot()
    for draw in (diagrams.knee_view, diagrams.pelvis_view, diagrams.moment_arm_curves, diagrams.lever_sketch):
        assert draw(ax=ax) is figure
    assert diagrams.stretch_curves(relative_to="optimal", ax=ax) is figure
    assert type(figure) is Figure and not hasattr(figure, "summary")
    assert repr(figure).startswith("<Figure size")


def test_knee_view_summary_states_pose_pulls_total_knee_and_gracilis():
    pose = dict(hip_flexion=0, hip_adduction=8, hip_rotation=10, knee_angle=-40)
    figure = diagrams.knee_view(**pose, effort=0.5, highlight="gracilis")
    summary = figure.summary
    assert summary.startswith("Front view, right leg: hip flexion 0°, hip adduction 8°, hip rotation 10°, ")
    assert "knee angle -40°; effort 50%." in summary
    total = 0.0
    for name in anatomy.MUSCLES:
        force = 0.5 * anatomy.muscle(name).max_isometric_force
        arm = anatomy.moment_arm(name, "hip_adduction", **pose)
        total += force * arm
        row = f"{SHORT[name]}: {force:.0f} N × {arm * 100:.1f} cm = {force * arm:.1f} N·m"
        assert f"\n  {row}\n" in summary
        assert by_gid(figure, f"row:{name}").get_text() == row  # the same words as the picture
    assert f"adduction moment, all 7: {total:.1f} N·m" in summary
    assert f"turns the thigh in: {total:.1f} N·m" in summary
    marks = anatomy.landmarks(**pose)
    lever = np.linalg.norm(marks["knee_centre"] - marks["right_hip_centre"])
    assert f"at the knee: inward pull ≈ {total / lever:.0f} N (= {total:.1f} N·m ÷ {lever:.2f} m" in summary
    knee_arm = anatomy.moment_arm("gracilis", "knee_angle", **pose)
    assert f"knee moment arm {knee_arm * 100:.1f} cm (bends the knee)" in summary


def test_knee_view_summary_follows_the_pose_and_leaves_out_what_is_not_drawn():
    summary = diagrams.knee_view(hip_adduction=-30, muscles=["adductor_longus", "pectineus"]).summary
    assert "hip adduction -30°" in summary and "all 2:" in summary
    assert "gracilis" not in summary and "magnus" not in summary


def test_pelvis_view_summary_states_each_flexion_moment_arm_and_the_tilt():
    figure = diagrams.pelvis_view(hip_flexion=90, effort=0.4)
    summary = figure.summary
    assert summary.startswith("Side view, right hip: hip flexion 90°")
    total = 0.0
    for name in anatomy.MUSCLES:
        arm = anatomy.moment_arm(name, "hip_flexion", hip_flexion=90)
        total += 0.4 * anatomy.muscle(name).max_isometric_force * arm
        where = "in front of" if arm > 0 else "behind"
        assert f"  {SHORT[name]}: {abs(arm) * 100:.1f} cm {where} the axis, tips it" in summary
    assert total < 0
    assert f"all 7 at 40% effort: {abs(total):.1f} N·m, pelvis tips back" in summary
    assert summary.endswith("pelvis tips back (posterior tilt)")
    standing = diagrams.pelvis_view().summary
    assert "adductor longus: 3.8 cm in front of the axis, tips it forward" in standing
    assert "pelvis tips forward (anterior tilt)" in standing


def test_moment_arm_curves_summary_gives_arms_across_the_range_and_the_flip():
    summary = diagrams.moment_arm_curves("hip_flexion", knee_angle=-30).summary
    assert summary.startswith("Moment arm about hip flexion, -20° to 100° (hip adduction 0°, ")
    assert "knee angle -30°" in summary.splitlines()[0]
    lines = {line.split(":")[0].strip(): line for line in summary.splitlines()[2:]}
    assert set(lines) == {SHORT[m] for m in anatomy.MUSCLES}
    for name in anatomy.MUSCLES:
        for angle in (-20, 40, 100):
            arm = anatomy.moment_arm(name, "hip_flexion", hip_flexion=angle, knee_angle=-30)
            assert f"{arm * 100:.1f} cm at {angle}°" in lines[SHORT[name]]
    longus = lines["adductor longus"]
    flip = root(lambda f: anatomy.moment_arm("adductor_longus", "hip_flexion", f, knee_angle=-30), 0, 100)
    assert number_after(longus, "flexes the hip up to") == pytest.approx(flip, abs=1)
    assert longus.endswith("then extends the hip")
    assert lines["magnus, lower (hamstring part)"].endswith("extends the hip throughout")


def test_moment_arm_curves_summary_at_the_knee_names_only_the_gracilis():
    summary = diagrams.moment_arm_curves("knee_angle").summary
    assert "The other six do not cross the knee" in summary
    arm = anatomy.moment_arm("gracilis", "knee_angle", knee_angle=-50)
    assert "gracilis: " in summary and f"{arm * 100:.1f} cm at -50°" in summary
    assert "adductor longus" not in summary


def test_stretch_curves_summary_gives_stretch_at_40_degrees_and_the_onsets():
    summary = diagrams.stretch_curves(tightness=0.2).summary
    assert "at 40° abduction" in summary
    for name in anatomy.MUSCLES:
        lengths = anatomy.musculotendon_length(name, hip_adduction=np.array([0.0, -40.0]))
        assert f"  {SHORT[name]}: {100 * (lengths[1] / lengths[0] - 1):.0f}% longer" in summary
    for scale, words in ((1.0, "typical: at"), (0.8, "tight (fibres 20% shorter): at")):
        onset = root(
            lambda a, s=scale: (
                anatomy.normalized_fiber_length("adductor_longus", hip_adduction=-a, fiber_scale=s) - 1
            ),
            0,
            50,
        )
        assert number_after(summary, words) == pytest.approx(onset, abs=1)
    assert number_after(summary, "tight (fibres 20% shorter): at") < number_after(summary, "typical: at")
    optimal_only = diagrams.stretch_curves(relative_to="optimal", focus="gracilis").summary
    assert optimal_only.startswith("gracilis: fibres reach optimal length") and "% longer" not in optimal_only


def test_lever_sketch_summary_states_the_balance_and_the_arms():
    summary = diagrams.lever_sketch("third").summary
    effort_arm = anatomy.moment_arm("adductor_longus", "hip_adduction")
    marks = anatomy.landmarks()
    load_arm = np.linalg.norm(marks["ankle_centre"] - marks["right_hip_centre"])
    effort = 2 * 9.81 * load_arm / effort_arm
    balance = f"{effort:.0f} N × {effort_arm:.3f} m = 19.6 N × {load_arm:.2f} m = {19.62 * load_arm:.1f} N·m."
    assert f"Balance: {balance}" in summary
    assert (
        f"pulls {effort / 19.62:.0f}× harder" in summary
        and f"{load_arm / effort_arm:.0f}× further" in summary
    )
    assert summary.splitlines()[1] in by_gid(diagrams.lever_sketch("third"), "text:balance").get_text()
    first = diagrams.lever_sketch("first").summary
    front = anatomy.moment_arm("adductor_longus", "hip_flexion")
    back = -anatomy.moment_arm("adductor_magnus_inferior", "hip_flexion")
    assert f"{front * 100:.1f} cm in front" in first and f"{back * 100:.1f} cm behind" in first


@pytest.mark.slow
def test_a_real_kernel_shows_the_png_and_the_summary(tmp_path):
    """``%matplotlib inline`` in an ipykernel: the result carries image/png and the summary as text."""
    import nbformat
    from nbclient import NotebookClient

    code = "%matplotlib inline\nfrom innerthigh_kit import diagrams\ndiagrams.lever_sketch('first')"
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    root_folder = str(Path(innerthigh_kit.__file__).parents[1])  # the kernel imports this very package
    previous = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (root_folder, previous) if p)
    try:
        NotebookClient(notebook, kernel_name="python3", timeout=60, shutdown_kernel="immediate").execute()
    finally:
        if previous is None:
            os.environ.pop("PYTHONPATH")
        else:
            os.environ["PYTHONPATH"] = previous
    (result,) = [o for o in notebook.cells[0].outputs if o.output_type == "execute_result"]
    assert result.data["text/plain"] == diagrams.lever_sketch("first").summary
    assert result.data["image/png"]


def test_the_class_timeline_has_a_block_per_exercise_in_its_positions_row():
    import innerthigh_kit as kit
    from innerthigh_kit.diagrams.timeline import ROWS, class_timeline, row_of
    from innerthigh_kit.plans.group_checks import position_changes

    library = kit.load_library()
    plan = kit.build_plan(
        kit.ClassRequest(minutes=45, population="postnatal", equipment=["small-ball"]), library
    )
    figure = class_timeline(plan, library)
    ax = figure.axes[0]
    blocks = [p for p in ax.patches if p.get_height() > 0.5]
    items = [item for _, item in plan.items()]
    assert len(blocks) == len(items)
    assert sum(b.get_width() for b in blocks) == pytest.approx(plan.total_seconds / 60)
    rows = list(ROWS)
    for block, item in zip(blocks, items, strict=True):
        row = row_of(library.get(item.exercise).position)
        assert int(block.get_y()) == len(rows) - 1 - rows.index(row)
    assert f"{position_changes(plan, library)} change(s) of position" in repr(figure)
