"""The lever explorers: sliders move the drawn artists, recompute only what changed, report a status."""

from __future__ import annotations

import ipywidgets as w
import numpy as np
import pytest

import innerthigh_kit
from innerthigh_kit.widgets import levers


def test_explore_knee_is_a_container_with_sliders_figure_and_status():
    ui = innerthigh_kit.explore_knee()
    assert isinstance(ui, w.VBox)
    explorer = ui.explorer
    assert set(explorer.sliders) == {"hip_flexion", "hip_adduction", "hip_rotation", "knee_angle", "effort"}
    assert isinstance(explorer.figure_widget, w.Image) and bytes(explorer.figure_widget.value).startswith(
        b"\x89PNG"
    )
    assert "N·m" in explorer.status.value


def test_knee_slider_moves_the_gracilis_only_and_redraws():
    explorer = innerthigh_kit.explore_knee().explorer
    tibia = explorer.view.tibia
    before_tibia = np.array(tibia.get_xydata())
    before_png, before_count = explorer.figure_widget.value, explorer.redraws
    explorer.sliders["knee_angle"].value = -60
    assert explorer.view.recomputed == ("gracilis",)
    assert not np.allclose(before_tibia, tibia.get_xydata())
    assert explorer.figure_widget.value != before_png
    assert explorer.redraws == before_count + 1
    assert f"itk-update-{explorer.redraws}" in explorer.status._dom_classes  # a marker, not words
    assert "update" not in explorer.status.value


def test_effort_slider_changes_arrows_and_moment_without_geometry():
    explorer = innerthigh_kit.explore_knee().explorer
    arrow = explorer.view.arrows["adductor_longus"]
    start, end = (np.array(p) for p in arrow._posA_posB)
    status = explorer.status.value
    explorer.sliders["effort"].value = 60
    assert explorer.view.recomputed == ()
    new_start, new_end = (np.array(p) for p in arrow._posA_posB)
    assert np.linalg.norm(new_end - new_start) == pytest.approx(2 * np.linalg.norm(end - start))
    assert explorer.status.value != status


def test_hip_slider_recomputes_every_muscle_and_moves_the_femur():
    explorer = innerthigh_kit.explore_knee().explorer
    femur = np.array(explorer.view.femur.get_xydata())
    explorer.sliders["hip_adduction"].value = -30
    assert len(explorer.view.recomputed) == 7
    assert explorer.view.femur.get_xydata()[1, 0] < femur[1, 0]  # the knee swings out, away from the midline


def test_explore_pelvis_reports_the_tilt_flipping_with_hip_flexion():
    explorer = innerthigh_kit.explore_pelvis().explorer
    assert set(explorer.sliders) == {"hip_flexion", "hip_adduction", "knee_angle", "effort"}
    row = explorer.view.rows["adductor_longus"]
    assert "forward" in row.get_text()
    explorer.sliders["hip_flexion"].value = 90
    assert "back" in row.get_text()
    assert "pelvis tips back" in explorer.status.value


def test_ipympl_canvas_when_the_widget_backend_is_active(monkeypatch):
    pytest.importorskip("ipympl")
    monkeypatch.setattr(levers, "ipympl_active", lambda: True)
    explorer = levers.explore_knee().explorer
    assert type(explorer.figure_widget).__name__ == "Canvas"
    assert explorer.figure_widget in explorer.widget.children
    explorer.sliders["knee_angle"].value = -40
    assert explorer.view.recomputed == ("gracilis",) and "N·m" in explorer.status.value


@pytest.mark.parametrize("explore", [levers.explore_knee, levers.explore_pelvis])
def test_a_redraw_over_the_kept_still_parts_is_the_full_picture(explore, monkeypatch):
    from io import BytesIO

    from PIL import Image

    monkeypatch.setattr(levers, "ipympl_active", lambda: False)  # importing ipympl may switch the backend
    explorer = explore().explorer
    explorer.set(hip_flexion=75, hip_adduction=-25, knee_angle=-70, effort=0.8)
    quick = np.asarray(Image.open(BytesIO(bytes(explorer.figure_widget.value))).convert("RGB"))
    explorer.figure.canvas.draw()  # everything drawn again, in full
    full = np.asarray(explorer.figure.canvas.buffer_rgba())[..., :3]
    assert quick.shape == full.shape and (quick == full).all()


def test_a_value_handed_back_unchanged_draws_nothing(monkeypatch):
    monkeypatch.setattr(levers, "ipympl_active", lambda: False)
    explorer = levers.explore_knee().explorer
    redraws = explorer.redraws
    explorer.sliders["hip_flexion"].value = 3.552713678800501e-15  # noUiSlider's 0, as a page loads
    explorer.sliders["effort"].value = 30.000000000000004
    assert explorer.redraws == redraws and explorer.view.pose.hip_flexion == 0
    explorer.sliders["hip_flexion"].value = 1
    assert explorer.redraws == redraws + 1
