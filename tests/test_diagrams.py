"""Diagrams: each returns a Figure with the labelled artists it promises, numbers with units."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from matplotlib.figure import Figure

from innerthigh_kit import anatomy, diagrams


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
