"""The anatomy model: signs, shapes, the knee splines, the gracilis' conditional point, errors."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import innerthigh_kit
from innerthigh_kit import KitError, anatomy
from innerthigh_kit.errors import AnatomyError

MM = 1e-3


def test_seven_muscles_with_the_models_parameters():
    assert anatomy.MUSCLES == (
        "adductor_longus",
        "adductor_brevis",
        "adductor_magnus_superior",
        "adductor_magnus_middle",
        "adductor_magnus_inferior",
        "gracilis",
        "pectineus",
    )
    longus = anatomy.muscle("adductor_longus")
    assert (longus.model_name, longus.common_name) == ("add_long_r", "adductor longus")
    assert longus.max_isometric_force == 627 and longus.optimal_fiber_length == pytest.approx(0.138)
    assert anatomy.muscle("add_long_r") is longus and anatomy.muscle("add_long") is longus
    assert [m for m in anatomy.MUSCLES if anatomy.muscle(m).crosses_knee] == ["gracilis"]


def test_signs_at_neutral_match_the_anatomy():
    arm = anatomy.moment_arm
    assert arm("adductor_longus", "hip_adduction") > 0.05  # adducts, about 67 mm
    assert arm("adductor_longus", "hip_flexion") == pytest.approx(0.0378, abs=0.5 * MM)  # flexes near neutral
    assert arm("adductor_magnus_inferior", "hip_flexion") < -0.02  # the "hamstring" part extends
    assert arm("gracilis", "knee_angle") == pytest.approx(-0.0206, abs=0.5 * MM)  # flexes the knee
    for name in anatomy.MUSCLES:
        assert arm(name, "hip_adduction") > 0, name  # every one adducts at neutral
        if name != "gracilis":
            assert arm(name, "knee_angle") == 0.0, name


def test_adductor_longus_turns_from_flexor_to_extensor_in_deep_flexion():
    flexion = np.linspace(-20, 120, 1401)
    arms = anatomy.moment_arm("adductor_longus", "hip_flexion", hip_flexion=flexion)
    crossing = flexion[np.argmax(arms < 0)]
    assert arms[0] > 0 and arms[-1] < 0
    assert crossing == pytest.approx(64.5, abs=0.5)
    # the inferior magnus extends over the whole range
    assert np.all(anatomy.moment_arm("adductor_magnus_inferior", "hip_flexion", hip_flexion=flexion) < 0)


def test_angles_broadcast_and_match_single_poses():
    flexion = np.array([[-20.0], [30.0], [90.0]])
    knee = np.array([0.0, -30.0, -90.0, -100.0])
    lengths = anatomy.musculotendon_length(
        "gracilis", hip_flexion=flexion, hip_adduction=-20, knee_angle=knee
    )
    arms = anatomy.moment_arm("gracilis", "knee_angle", hip_flexion=flexion, knee_angle=knee)
    assert lengths.shape == arms.shape == (3, 4)
    for i, f in enumerate(flexion[:, 0]):
        for j, k in enumerate(knee):
            single = anatomy.musculotendon_length("gracilis", hip_flexion=f, hip_adduction=-20, knee_angle=k)
            assert isinstance(single, float)
            assert single == pytest.approx(lengths[i, j], abs=1e-15)
            assert anatomy.moment_arm("gracilis", "knee_angle", f, 0, 0, k) == pytest.approx(
                arms[i, j], abs=1e-15
            )


def test_moment_arms_in_one_pass_equal_the_single_calls():
    table = anatomy.moment_arms("pectineus", 20, -10, 5, -40)
    assert set(table) == {"length", *anatomy.COORDINATES}
    assert table["length"] == anatomy.musculotendon_length("pectineus", 20, -10, 5, -40)
    for coordinate in anatomy.COORDINATES:
        assert table[coordinate] == anatomy.moment_arm("pectineus", coordinate, 20, -10, 5, -40)


pose_values = st.tuples(
    st.floats(-20, 100),
    st.floats(-40, 20),
    st.floats(-30, 30),
    st.floats(-100, 0).filter(lambda k: abs(k + 25) > 0.1),
)


@settings(max_examples=60, deadline=None)
@given(pose=pose_values, name=st.sampled_from(anatomy.MUSCLES))
def test_moment_arms_are_minus_the_slope_of_length(pose, name):
    step = 1e-4  # degrees
    for index, coordinate in enumerate(anatomy.COORDINATES):
        up, down = list(pose), list(pose)
        up[index] += step
        down[index] -= step
        slope = (
            anatomy.musculotendon_length(name, *up) - anatomy.musculotendon_length(name, *down)
        ) / np.radians(2 * step)
        assert anatomy.moment_arm(name, coordinate, *pose) == pytest.approx(-slope, abs=1e-6)


def test_gracilis_conditional_point_switches_at_25_degrees_of_knee_flexion():
    assert len(anatomy.path_points("gracilis", knee_angle=0)) == 4
    assert len(anatomy.path_points("gracilis", knee_angle=-24.9)) == 4
    assert len(anatomy.path_points("gracilis", knee_angle=-25.1)) == 3
    # the length is continuous across the switch, the knee moment arm jumps by about 0.13 mm
    before, after = anatomy.musculotendon_length("gracilis", knee_angle=np.array([-24.99999, -25.00001]))
    assert after == pytest.approx(before, abs=1e-6)
    jump = np.diff(anatomy.moment_arm("gracilis", "knee_angle", knee_angle=np.array([-24.999, -25.01])))
    assert 0.05 * MM < abs(jump[0]) < 0.3 * MM


def test_simmspline_is_c2_with_fmm_ends_not_natural():
    for spline in anatomy._geometry()[2]:
        np.testing.assert_allclose(spline(spline.x), spline.y, atol=1e-15)
        inner = spline.x[1:-1]
        eps = 1e-9
        np.testing.assert_allclose(spline.derivative(inner - eps), spline.derivative(inner + eps), atol=1e-6)
        second = 2 * spline.c  # second derivative at each knot, from its own piece
        left_second = 2 * spline.c[:-2] + 6 * spline.d[:-2] * np.diff(spline.x)[:-1]
        np.testing.assert_allclose(left_second, second[1:-1], atol=1e-9)
        assert abs(second[0]) > 1e-6  # a natural spline would have zero here
        # end condition: third derivative of the end piece = that of the cubic through the 4 end knots
        cubic = np.polyfit(spline.x[:4], spline.y[:4], 3)
        assert 6 * spline.d[0] == pytest.approx(6 * cubic[0], rel=1e-8)
        # straight lines beyond the knots, with the end slopes
        assert spline(spline.x[-1] + 1) == pytest.approx(spline.y[-1] + spline.derivative(spline.x[-1]))


def test_knee_translation_puts_the_tibia_396_mm_below_the_hip():
    x, y = anatomy.knee_translation(0)
    assert (float(x), float(y)) == pytest.approx((-0.0045, -0.3958), abs=0.2 * MM)
    assert anatomy.landmarks()["ankle_centre"][1] == pytest.approx(-0.0661 + float(y) - 0.43)


def test_stretch_with_abduction_and_the_fibre_curves():
    abduction = -np.arange(0, 41, 10.0)
    longus = anatomy.musculotendon_length("adductor_longus", hip_adduction=abduction)
    assert np.all(np.diff(longus) > 0)  # abduction stretches the adductors
    assert longus[-1] / longus[0] - 1 == pytest.approx(0.19, abs=0.02)  # about 19 % at 40 degrees
    typical = anatomy.normalized_fiber_length("adductor_longus", hip_adduction=abduction)
    tight = anatomy.normalized_fiber_length("adductor_longus", hip_adduction=abduction, fiber_scale=0.85)
    np.testing.assert_allclose(tight, typical / 0.85)
    assert anatomy.active_force_length(1.0) == 1.0 and anatomy.passive_force_length(0.9) == 0.0
    assert anatomy.passive_force_length(1.0 + anatomy.FMAX_MUSCLE_STRAIN) == pytest.approx(1.0)


def test_unknown_names_say_what_to_use():
    with pytest.raises(AnatomyError, match="adductor_longus, adductor_brevis") as caught:
        anatomy.musculotendon_length("sartorius")
    assert isinstance(caught.value, KitError)
    with pytest.raises(KitError, match="hip_flexion, hip_adduction, hip_rotation, knee_angle"):
        anatomy.moment_arm("gracilis", "ankle")
    with pytest.raises(AnatomyError, match="one pose"):
        anatomy.path_points("gracilis", hip_flexion=[0, 10])


def test_the_package_stays_light():
    code = (
        "import sys, innerthigh_kit, innerthigh_kit.anatomy; "
        "assert 'matplotlib' not in sys.modules and 'opensim' not in sys.modules, sorted(sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    assert "explore_knee" in dir(innerthigh_kit)
