"""The kit's anatomy against OpenSim itself (the `opensim` extra; `make test` installs it).

Lengths and all four moment arms of the seven muscles, on a grid and on random combined poses over
hip flexion -20..100 deg, adduction -40..20 deg, rotation -30..30 deg and knee 0..-100 deg, must
agree within 1 mm; in practice they agree to about 1e-13 m because the geometry is the model's own.
"""

from __future__ import annotations

import itertools
import math
import os
from pathlib import Path

import numpy as np
import pytest

try:
    import opensim
except ImportError:
    if os.environ.get("CI"):
        raise  # CI installs the opensim extra (make test does): it must not skip this check
    pytest.skip(
        "OpenSim's Python bindings are not installed: pip install -e '.[opensim]' (make test does)",
        allow_module_level=True,
    )

from innerthigh_kit import anatomy  # noqa: E402

MODEL_FILE = Path(__file__).parent / "data" / "gait2392_thelen2003muscle.osim"
TOLERANCE_M = 1e-3  # the bar: 1 mm


@pytest.fixture(scope="module")
def model():
    opensim.Logger.removeFileSink()  # else OpenSim writes opensim.log beside the model file
    opensim.Logger.setLevelString("error")  # the model's mesh files are not shipped; that is fine
    osim_model = opensim.Model(str(MODEL_FILE))
    state = osim_model.initSystem()
    return osim_model, state


def _poses() -> np.ndarray:
    grid = itertools.product((-20, 0, 45, 100), (-40, 0, 20), (-30, 0, 30), (0, -24.9, -25, -25.1, -60, -100))
    rng = np.random.default_rng(2392)
    random = np.column_stack(
        [
            rng.uniform(-20, 100, 120),
            rng.uniform(-40, 20, 120),
            rng.uniform(-30, 30, 120),
            rng.uniform(-100, 0, 120),
        ]
    )
    return np.vstack([np.array(list(grid), dtype=float), random])


def _opensim_values(model, poses):
    """OpenSim's length and four moment arms for every muscle and pose: {muscle: (n, 5) array}."""
    osim_model, state = model
    coordinates = [
        osim_model.getCoordinateSet().get(anatomy.MODEL_COORDINATES[c]) for c in anatomy.COORDINATES
    ]
    muscles = {name: osim_model.getMuscles().get(anatomy.MODEL_NAMES[name]) for name in anatomy.MUSCLES}
    out = {name: np.empty((len(poses), 5)) for name in anatomy.MUSCLES}
    for i, pose in enumerate(poses):
        for coordinate, degrees in zip(coordinates, pose, strict=True):
            coordinate.setValue(state, math.radians(degrees), False)
        osim_model.realizePosition(state)
        for name, muscle in muscles.items():
            out[name][i, 0] = muscle.getLength(state)
            out[name][i, 1:] = [muscle.computeMomentArm(state, c) for c in coordinates]
    return out


def test_lengths_and_moment_arms_agree_with_opensim_within_1_mm(model):
    poses = _poses()
    reference = _opensim_values(model, poses)
    errors = {}
    for name in anatomy.MUSCLES:
        ours = anatomy.moment_arms(name, *poses.T)
        for column, key in enumerate(("length", *anatomy.COORDINATES)):
            errors[(name, key)] = float(np.max(np.abs(ours[key] - reference[name][:, column])))
    worst = max(errors, key=errors.get)
    assert errors[worst] < TOLERANCE_M, f"{worst}: {errors[worst] * 1000:.3f} mm"
    # the geometry is the model's own, so the agreement is far better than the bar
    assert errors[worst] < 1e-9


def test_single_pose_calls_agree_with_the_vectorised_ones(model):
    reference = _opensim_values(model, np.array([[30.0, -10.0, 15.0, -70.0]]))
    for name in anatomy.MUSCLES:
        assert anatomy.musculotendon_length(name, 30, -10, 15, -70) == pytest.approx(
            reference[name][0, 0], abs=1e-9
        )
        for column, coordinate in enumerate(anatomy.COORDINATES, start=1):
            value = anatomy.moment_arm(name, coordinate, 30, -10, 15, -70)
            assert value == pytest.approx(reference[name][0, column], abs=1e-9)


def test_knee_splines_are_opensims_simmsplines():
    _, _, splines, _ = anatomy._geometry()
    q = np.linspace(-2.5, 2.5, 1001)  # beyond the knots too, where both go straight
    for ours in splines:
        theirs = opensim.SimmSpline()
        for x, y in zip(ours.x, ours.y, strict=True):
            theirs.addPoint(float(x), float(y))
        values = np.array([theirs.calcValue(opensim.Vector(1, float(v))) for v in q])
        slopes = np.array(
            [theirs.calcDerivative(opensim.StdVectorInt([0]), opensim.Vector(1, float(v))) for v in q]
        )
        np.testing.assert_allclose(ours(q), values, atol=1e-12)
        np.testing.assert_allclose(ours.derivative(q), slopes, atol=1e-10)


def test_landmarks_and_path_points_sit_where_opensim_puts_them(model):
    osim_model, state = model
    pose = (40.0, -15.0, 10.0, -50.0)
    for coordinate, degrees in zip(anatomy.COORDINATES, pose, strict=True):
        osim_model.getCoordinateSet().get(anatomy.MODEL_COORDINATES[coordinate]).setValue(
            state, math.radians(degrees), False
        )
    osim_model.realizePosition(state)
    pelvis = osim_model.getBodySet().get("pelvis")
    joints = osim_model.getJointSet()

    def in_pelvis(frame, point=(0.0, 0.0, 0.0)):
        station = frame.findStationLocationInAnotherFrame(state, opensim.Vec3(*point), pelvis)
        return np.array([station.get(i) for i in range(3)])

    ours = anatomy.landmarks(*pose)
    np.testing.assert_allclose(
        ours["knee_centre"], in_pelvis(joints.get("knee_r").getChildFrame()), atol=1e-12
    )
    np.testing.assert_allclose(
        ours["ankle_centre"], in_pelvis(joints.get("ankle_r").getParentFrame()), atol=1e-12
    )
    np.testing.assert_allclose(
        ours["right_hip_centre"], in_pelvis(joints.get("hip_r").getParentFrame()), atol=1e-12
    )
    np.testing.assert_allclose(
        ours["left_hip_centre"], in_pelvis(joints.get("hip_l").getParentFrame()), atol=1e-12
    )
    np.testing.assert_allclose(
        ours["lumbar_joint"], in_pelvis(joints.get("back").getParentFrame()), atol=1e-12
    )
    for name in anatomy.MUSCLES:
        path = osim_model.getMuscles().get(anatomy.MODEL_NAMES[name]).getGeometryPath().getCurrentPath(state)
        theirs = np.array(
            [
                in_pelvis(path.get(i).getParentFrame(), path.get(i).getLocation(state).to_numpy())
                for i in range(path.getSize())
            ]
        )
        np.testing.assert_allclose(anatomy.path_points(name, *pose), theirs, atol=1e-12)


def test_muscle_parameters_and_fibre_curve_constants_are_the_models(model):
    osim_model, _ = model
    for name in anatomy.MUSCLES:
        theirs = opensim.Thelen2003Muscle.safeDownCast(osim_model.getMuscles().get(anatomy.MODEL_NAMES[name]))
        ours = anatomy.muscle(name)
        assert ours.max_isometric_force == pytest.approx(theirs.getMaxIsometricForce())
        assert ours.optimal_fiber_length == pytest.approx(theirs.getOptimalFiberLength())
        assert ours.tendon_slack_length == pytest.approx(theirs.getTendonSlackLength())
        assert ours.pennation_at_optimal == pytest.approx(theirs.getPennationAngleAtOptimalFiberLength())
        assert theirs.get_KshapeActive() == anatomy.KSHAPE_ACTIVE
        assert theirs.get_KshapePassive() == anatomy.KSHAPE_PASSIVE
        assert theirs.get_FmaxMuscleStrain() == pytest.approx(anatomy.FMAX_MUSCLE_STRAIN)
