"""Run mode: a plan as timed steps (plans.run), the run-mode widget and the teach page.

The countdown itself runs in the browser: tests/browser/test_teach.py drives it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import innerthigh_kit as kit
from innerthigh_kit import vocab
from innerthigh_kit.plans.items import PlanItem
from innerthigh_kit.plans.run import intervals_for, run_seconds, run_steps

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def library():
    return kit.load_library()


@pytest.fixture(scope="module")
def plan(library):
    return kit.build_plan(kit.ClassRequest(minutes=45, population="postnatal"), library)


def test_every_step_takes_its_item_s_time_plus_one_change_of_sides(plan, library):
    steps = run_steps(plan, library)
    items = [item for _, item in plan.items()]
    assert len(steps) == len(items)
    for step, item in zip(steps, items, strict=True):
        switch = vocab.SIDE_SWITCH_SECONDS if item.per_side else 0
        assert step.seconds == pytest.approx(item.seconds + switch), step.name
    switches = sum(vocab.SIDE_SWITCH_SECONDS for item in items if item.per_side)
    assert run_seconds(steps) == pytest.approx(plan.total_seconds + switches)
    # each step starts where the one before it ends
    for before, after in zip(steps, steps[1:], strict=False):
        assert after.start == pytest.approx(before.start + before.seconds)


def test_a_one_sided_hold_does_every_set_on_one_side_then_changes_once():
    item = PlanItem("single-leg-stand", sets=3, hold_seconds=20, per_side=True, rest_seconds=10)
    item.transition_seconds = 15
    kinds = [(i.kind, i.seconds) for i in intervals_for(item)]
    ready = vocab.GET_READY_SECONDS
    work, rest, switch = ("work", 20.0), ("rest", 10.0), ("switch", float(vocab.SIDE_SWITCH_SECONDS))
    one_side = [work, rest, work, rest, work]
    assert kinds == [("move", 15.0 - ready), ("ready", float(ready)), *one_side, switch, *one_side]
    labels = [i.label for i in intervals_for(item) if i.kind == "work"]
    assert labels[0] == "Set 1 of 3 · 20 s hold · first side"
    assert labels[-1] == "Set 3 of 3 · 20 s hold · other side"


def test_reps_count_at_their_pace_and_a_short_transition_is_all_get_ready():
    item = PlanItem("clamshell", sets=1, reps=10, seconds_per_rep=3, transition_seconds=4)
    intervals = intervals_for(item)
    assert [(i.kind, i.label, i.seconds) for i in intervals] == [
        ("ready", "Get ready", 4.0),  # no zero-second "get into place"
        ("work", "10 reps", 30.0),
    ]


def test_what_to_say_when_the_position_changes(library):
    plan = kit.ClassPlan.load(DATA / "short_class.yaml")
    first, second = run_steps(plan, library)
    assert first.change == "To start: Standing."
    assert second.change.startswith("Change of position: Come down to the mat and lie on your side")
    assert second.change.endswith("(about 3 s)")
    same = kit.ClassPlan.load(DATA / "short_class.yaml")
    same.add(library.get("clamshell"))  # side-lying again: nothing to say
    assert run_steps(same, library)[-1].change == ""


def test_the_widget_sends_words_figures_and_numbers_only(plan, library):
    from innerthigh_kit.widgets import run_mode

    widget = run_mode(plan, library)
    assert len(widget.steps) == len(list(plan.items()))
    json.dumps(widget.steps)  # what the browser gets is plain JSON
    first = widget.steps[0]
    assert first["figure"].startswith("data:image/png;base64,")
    assert first["name"] == library.get(first["exercise"]).name
    assert first["cue"] == library.get(first["exercise"]).key_cue
    assert widget.run_seconds == pytest.approx(run_seconds(run_steps(plan, library)))
    text = widget._repr_mimebundle_()["text/plain"]
    assert text.startswith(f"Run mode for {plan.title}: {len(widget.steps)} exercises")
    # the JavaScript ships in the package: no network needed
    assert "http" not in widget._esm and "import " not in widget._esm


def test_an_edited_plan_is_sent_again(plan, library):
    from innerthigh_kit.widgets import run_mode

    widget = run_mode(plan, library)
    shorter = plan.copy()
    shorter.remove(next(iter(shorter.items()))[1])
    widget.show(shorter)
    assert len(widget.steps) == len(list(plan.items())) - 1


def test_the_teach_page_opens_the_file_it_is_given(library):
    from innerthigh_kit.widgets import teach_page

    page = teach_page(DATA / "short_class.yaml", library)
    assert [step["name"] for step in page.run.steps] == ["Single-leg stand", "Side-lying inner-thigh lift"]
    assert page.message.value == ""
    assert page.run.keys_everywhere


def test_a_file_that_cannot_be_read_says_why_and_keeps_the_page(tmp_path, library, monkeypatch):
    from innerthigh_kit.widgets import teach_page

    monkeypatch.setenv("INNERTHIGH_KIT_PLANS_DIR", str(tmp_path / "plans"))
    bad = tmp_path / "broken.yaml"
    bad.write_text("title: [unclosed\n")
    page = teach_page(bad, library)
    assert "broken.yaml" in page.message.value and "Traceback" not in page.message.value
    assert page.run.steps == []
    # the sample class is still there to choose, and opens
    page.choice.value = ""
    assert page.message.value == "" and page.run.steps


def test_the_teach_page_lists_the_saved_plans(tmp_path, library, monkeypatch):
    from innerthigh_kit.widgets import teach_page

    folder = tmp_path / "plans"
    folder.mkdir()
    kit.ClassPlan.load(DATA / "short_class.yaml").save(folder / "monday.yaml")
    (folder / ".hidden.yaml").write_text("not a plan")
    monkeypatch.setenv("INNERTHIGH_KIT_PLANS_DIR", str(folder))
    monkeypatch.delenv("INNERTHIGH_KIT_PLAN", raising=False)
    page = teach_page(library=library)
    assert [label for label, _ in page.choice.options] == ["monday.yaml", "A sample class (30 min, everyone)"]
    assert page.run.title == "A short test class"
