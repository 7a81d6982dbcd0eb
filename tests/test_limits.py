"""One source per rule: every bound a widget offers is the model's own limit (vocab.LIMITS)."""

from __future__ import annotations

import pytest

import innerthigh_kit as kit
from innerthigh_kit import diagrams, vocab
from innerthigh_kit.plans import parse_group
from innerthigh_kit.widgets.levers import explore_knee, explore_pelvis
from innerthigh_kit.widgets.plan_builder import ClassBuilder
from innerthigh_kit.widgets.request_form import RequestForm
from innerthigh_kit.widgets.workshop import WorkshopPlanner


@pytest.fixture(scope="module")
def library():
    return kit.load_library()


def bounds(widget) -> tuple[float, float]:
    return widget.min, widget.max


def test_the_builders_dosage_boxes_are_the_models_limits(library):
    builder = ClassBuilder(library)
    for box, name in ((builder.sets, "sets"), (builder.reps, "reps"), (builder.hold, "hold_seconds")):
        limit = vocab.LIMITS[name]
        assert bounds(box) == (limit.low, limit.high), name


def test_the_minutes_slider_is_what_a_request_accepts():
    form = RequestForm()
    limit = vocab.LIMITS["class_minutes"]
    assert bounds(form.minutes) == (limit.low, limit.high)
    kit.ClassRequest(minutes=int(limit.low))
    kit.ClassRequest(minutes=int(limit.high))
    for outside in (int(limit.low) - 1, int(limit.high) + 1):
        with pytest.raises(kit.PlanError, match="minutes"):
            kit.ClassRequest(minutes=outside)


def test_the_weeks_slider_is_what_a_series_accepts(library):
    planner = WorkshopPlanner(library)
    limit = vocab.LIMITS["series_weeks"]
    assert bounds(planner.weeks) == (limit.low, limit.high)
    with pytest.raises(kit.PlanError, match="weeks"):
        kit.build_series(kit.ClassRequest(), weeks=int(limit.high) + 1, library=library)


def test_a_trainees_minutes_follow_the_class_limits():
    limit = vocab.LIMITS["class_minutes"]
    assert parse_group(f"Ann, general, {int(limit.high)}")[0].minutes == limit.high
    with pytest.raises(kit.PlanError, match=f"from {limit.low:g} to {limit.high:g}"):
        parse_group(f"Ann, general, {int(limit.high) + 5}")


def test_the_lever_sliders_are_the_diagrams_ranges():
    for explorer in (explore_knee().explorer, explore_pelvis().explorer):
        for name, slider in explorer.sliders.items():
            if name != "effort":
                assert bounds(slider) == diagrams.RANGES[name], name


def test_set_dosage_refuses_what_the_limits_refuse(library):
    plan = kit.build_plan(kit.ClassRequest(minutes=30), library)
    item = next(item for _, item in plan.items() if not item.is_hold)
    top = int(vocab.LIMITS["sets"].high)
    plan.set_dosage(item.key, sets=top)
    assert item.sets == top
    for bad in (top + 1, 0, "ten", 2.5, True):
        with pytest.raises(kit.PlanError, match="sets"):
            plan.set_dosage(item.key, sets=bad)
    assert item.sets == top  # a refused change changes nothing
    with pytest.raises(kit.PlanError, match="hold_seconds"):
        plan.set_dosage(item.key, hold_seconds=vocab.LIMITS["hold_seconds"].high + 1)


def test_the_check_and_the_schema_name_the_same_ranges(library, tmp_path):
    plan = kit.build_plan(kit.ClassRequest(minutes=30), library)
    item = next(item for _, item in plan.items())
    item.sets = int(vocab.LIMITS["sets"].high) + 1  # edited by hand, past the limit
    found = [f.message for f in kit.check_plan(plan, library) if f.severity == "error"]
    assert any(vocab.LIMITS["sets"].words() in message for message in found), found
