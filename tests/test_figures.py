"""Exercise figures: the pose data's checks, the body's geometry on the floor, and the drawing."""

from __future__ import annotations

import numpy as np
import pytest

import innerthigh_kit as kit
from innerthigh_kit import vocab
from innerthigh_kit.diagrams.body import RADIUS, place, surface
from innerthigh_kit.diagrams.figures import exercise_figure, project
from innerthigh_kit.exercises.poses import POSES, PROP_ANCHORS, check_figure, figure_spec, pose_spec

FLOOR_SLACK = 0.035  # soft parts may press a little into the mat; a limb through the floor is more


@pytest.fixture(scope="module")
def library():
    return kit.load_library()


def _figured(library):
    return [e for e in library if e.figure is not None]


def _bottom(body, name, radius):
    return float(body[name][1] - radius)


@pytest.mark.parametrize("name", sorted(POSES))
def test_every_named_pose_is_a_pose_the_checks_accept(name):
    assert check_figure({"view": "side", "start": {"pose": name}}) == []


@pytest.mark.parametrize("name", sorted(POSES))
def test_no_named_pose_goes_through_the_floor_and_it_rests_on_its_points(name):
    body = place(pose_spec({"pose": name}))
    assert min(point[1] - radius for point, radius in surface(body)) > -FLOOR_SLACK
    assert min(point[1] - radius for point, radius in surface(body)) < 0.03, "it touches the floor"


def test_standing_has_both_feet_flat_on_the_floor():
    body = place(pose_spec({"pose": "standing"}))
    for part in ("left_heel", "right_heel", "left_toe", "right_toe"):
        assert abs(_bottom(body, part, RADIUS["foot"])) < 0.01, part
    assert body["head"][1] > 1.4, "a standing adult's head is well above the floor"


@pytest.mark.parametrize("name", ["supine", "crook-lying"])
def test_lying_on_the_back_keeps_pelvis_and_shoulders_on_the_mat(name):
    body = place(pose_spec({"pose": name}))
    for part in ("left_hip", "right_hip", "left_corner", "right_corner"):
        assert abs(_bottom(body, part, RADIUS["trunk"])) < 0.02, part
    assert project("side", body["head"])[0] < project("side", body["pelvis"])[0], "head to the left"


def test_the_bridge_lifts_the_pelvis_off_the_mat_with_shoulders_and_feet_down():
    body = place(pose_spec({"pose": "bridge"}))
    assert _bottom(body, "left_hip", RADIUS["trunk"]) > 0.1
    assert abs(_bottom(body, "left_corner", RADIUS["trunk"])) < 0.02
    assert abs(_bottom(body, "left_heel", RADIUS["foot"])) < 0.02


def test_a_foot_on_the_bench_rests_at_the_bench_height():
    spec = figure_spec(
        {
            "view": "side",
            "start": {"pose": "side-lying", "rest_on": ["left_elbow", "right_ankle"]},
            "props": [{"prop": "bench", "at": "right_ankle"}],
        }
    )
    from innerthigh_kit.diagrams.props import BENCH_HEIGHT, prop_heights

    body = place(spec.start, prop_heights(spec))
    assert abs(_bottom(body, "right_ankle", RADIUS["shank"]) - BENCH_HEIGHT) < 0.02


@pytest.mark.parametrize("name", [n for n in sorted(POSES) if pose_spec({"pose": n}).is_symmetric()])
def test_a_symmetric_pose_is_a_mirror_image_left_to_right(name):
    body = place(pose_spec({"pose": name}))
    placement = pose_spec({"pose": name}).placement
    across = {"side-lying": 1, "supine": 2, "prone": 2, "quadruped": 2}.get(placement, 2)
    for part in ("hip", "knee", "ankle", "toe", "shoulder", "hand"):
        left, right = body[f"left_{part}"], body[f"right_{part}"]
        mirrored = left.copy()
        mirrored[across] = -mirrored[across] + 2 * body["pelvis"][across]
        if placement != "side-lying":
            assert np.allclose(mirrored, right, atol=1e-9), part


def test_bad_pose_data_is_named_with_the_fix():
    problems = check_figure(
        {
            "view": "sideways",
            "start": {"pose": "squat", "knee": 200, "elbw": 10},
            "end": {"pose": "no-such-pose"},
            "props": ["mat", "trampoline", {"prop": "small-ball", "at": "nose"}],
        }
    )
    text = "\n".join(problems)
    assert "view 'sideways' is not allowed" in text
    assert "knee 200° is outside what a body can do (0° to 160°" in text
    assert "'elbw' is not a joint" in text and "left_/right_" in text
    assert "pose 'no-such-pose' is not a named pose" in text
    assert "'trampoline' is not a prop" in text
    assert "at 'nose' is not a place for it" in text


def test_every_piece_of_equipment_can_be_drawn_and_every_prop_is_equipment():
    assert set(PROP_ANCHORS) == set(vocab.EQUIPMENT)


def test_a_squeeze_draws_the_ball_between_the_thighs():
    spec = figure_spec({"view": "front", "start": {"pose": "seated-chair"}, "props": ["small-ball"]})
    from innerthigh_kit.diagrams._style import kit_figure
    from innerthigh_kit.diagrams.figures import draw_into

    figure = kit_figure((3, 3))
    ax = figure.add_axes((0, 0, 1, 1))
    draw_into(ax, spec, "start")
    body = place(spec.start)
    left, right = (project("front", body[f"{s}_knee"])[0] for s in ("left", "right"))
    balls = [p for p in ax.patches if type(p).__name__ == "Circle" and abs(p.radius - 0.09) < 1e-9]
    assert len(balls) == 1
    assert min(left, right) < balls[0].center[0] < max(left, right)


def test_an_exercise_without_pose_data_gets_a_placeholder(make_exercise):
    exercise = make_exercise("my-move", "strength", "standing", 1, ["knee"])
    figure = exercise_figure(exercise)
    assert "placeholder" in repr(figure) or "1 pose" in repr(figure)
    assert figure.axes and figure.axes[0].lines, "a neutral figure is drawn, not an error"


def test_a_movement_is_drawn_with_a_faint_start_and_an_arrow(make_exercise):
    from dataclasses import replace

    spec = figure_spec(
        {"view": "side", "start": {"pose": "crook-lying"}, "end": {"pose": "bridge"}, "props": ["mat"]}
    )
    exercise = replace(make_exercise("my-bridge", "strength", "supine", 1, ["knee"]), figure=spec)
    figure = exercise_figure(exercise)
    ax = figure.axes[0]
    assert any(p.get_gid() == "movement" for p in ax.patches)
    assert any(line.get_alpha() is not None and line.get_alpha() < 0.5 for line in ax.lines)
    pair = exercise_figure(exercise, phase="pair")
    assert len(pair.axes) == 2


def test_every_exercise_of_the_kit_is_drawn_above_the_floor_and_resting_on_it(library):
    from innerthigh_kit.diagrams.body import below_floor
    from innerthigh_kit.diagrams.props import prop_heights

    through = {}
    for exercise in _figured(library):
        for pose in exercise.figure.poses:
            body = place(pose, prop_heights(exercise.figure))
            deep = below_floor(body, FLOOR_SLACK)
            if deep:
                through[exercise.id] = deep[:2]
            assert min(point[1] - radius for point, radius in surface(body)) < 0.03, (exercise.id, pose.name)
    assert not through, through


def test_the_record_of_an_exercise_with_a_figure_writes_as_yaml_and_json(library):
    import json

    import yaml

    for exercise in _figured(library)[:5]:
        record = exercise.to_record()
        assert yaml.safe_load(yaml.safe_dump(record))["figure"] == record["figure"]
        assert json.loads(json.dumps(record))["figure"] == record["figure"]
