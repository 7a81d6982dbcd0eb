"""The class builder and workshop planner, driven from code: set values, press buttons."""

from __future__ import annotations

import html

import pytest

import innerthigh_kit as kit
from innerthigh_kit.widgets.plan_builder import ClassBuilder
from innerthigh_kit.widgets.workshop import WorkshopPlanner, parse_group


@pytest.fixture(scope="module")
def library():
    return kit.load_library()


@pytest.fixture
def builder(library, tmp_path, monkeypatch):
    monkeypatch.setenv("INNERTHIGH_KIT_PLANS_DIR", str(tmp_path))
    return ClassBuilder(library)


def tick(box, *tags):
    """Tick the boxes for these tags (the boxes show words; each keeps its tag)."""
    rows = [child for child in box.children if hasattr(child, "children")] or [box]
    for row in rows:
        for child in row.children:
            if getattr(child, "tag", None) in tags:
                child.value = True


def build(builder, minutes=30, population="postnatal", equipment=("small-ball",), conditions=("knee-pain",)):
    form = builder.request_form
    form.minutes.value = minutes
    form.population.value = population
    tick(form.equipment, *equipment)
    tick(form.conditions, *conditions)
    builder.build_button.click()


def flat_ids(plan):
    return [item.exercise for section in plan.sections for item in section.items]


def test_nothing_shown_until_built(builder):
    assert builder.plan is None
    assert builder.plan_area.layout.display == "none"
    builder.save_button.click()
    assert "Build a class first" in builder.status.value


def test_build_shows_items_total_findings_and_reasoning(builder, library):
    build(builder)
    plan = builder.plan
    assert plan is not None and builder.plan_area.layout.display is None
    assert len(builder.items.options) == len(flat_ids(plan)) >= 5
    assert "of 30 min" in builder.total.value
    assert builder.reasoning.value.count("<p>") >= 2
    assert builder.findings.value
    request = builder.request()
    assert request.population == "postnatal" and "knee-pain" in request.conditions
    for exercise_id in flat_ids(plan):
        assert not library.get(exercise_id).clashes(["postnatal-early", "knee-pain"])


def test_another_version_changes_the_seed_and_the_plan(builder, library):
    build(builder)
    first = flat_ids(builder.plan)
    builder.again_button.click()
    assert builder.seed == 2
    assert flat_ids(builder.plan) != first  # another version, not the same class again
    assert builder.plan == kit.build_plan(builder.request(), library, seed=2, title=builder.plan.title)


def test_dosage_edit_updates_the_total(builder):
    build(builder)
    builder.items.index = 2
    before = builder.plan.total_seconds
    builder.sets.value = builder.sets.value + 1
    assert builder.plan.total_seconds > before
    assert builder.total.value.count("Total") == 1


def test_move_remove_and_add(builder, library):
    build(builder)
    pairs = list(builder.plan.items())
    ids = [item.exercise for _, item in pairs]
    # the first item with a neighbour below it in the same section: moving it down swaps the two
    index = next(i for i in range(len(pairs) - 1) if pairs[i][0] is pairs[i + 1][0])
    key = pairs[index][1].key
    builder.items.value = key
    builder.buttons["down"].click()
    moved = flat_ids(builder.plan)
    assert moved == ids[:index] + [ids[index + 1], ids[index]] + ids[index + 2 :]
    assert builder.items.value == key  # the moved item stays selected
    # the last item of a section does not cross into the next one
    last = builder.plan.sections[0].items[-1]
    builder.items.value = last.key
    builder.buttons["down"].click()
    assert builder.plan.sections[0].items[-1] is last
    builder.items.value = key
    removed = builder.plan.item(key).exercise
    builder.buttons["remove"].click()
    assert len(flat_ids(builder.plan)) == len(ids) - 1 and removed not in flat_ids(builder.plan)
    choice = next(value for _, value in builder.add_choice.options if value)
    builder.add_choice.value = choice
    builder.add_button.click()
    assert choice in flat_ids(builder.plan)


def test_swap_for_easier_and_harder_versions(builder, library):
    build(builder, minutes=45, population="general", equipment=("small-ball", "band"), conditions=())
    for index, exercise_id in enumerate(flat_ids(builder.plan)):  # noqa: B007 (used below)
        if library.get(exercise_id).progression:
            break
    else:
        pytest.fail("a general class should hold an exercise with a harder version")
    builder.items.index = index
    builder.buttons["harder"].click()
    assert flat_ids(builder.plan)[index] == library.get(exercise_id).progression
    assert "harder version" in builder.status.value


def test_save_writes_the_plan_and_keeps_a_backup(builder, tmp_path):
    build(builder)
    builder.save_name.value = "../escape.yaml"
    builder.save_button.click()
    assert "plain file name" in builder.status.value
    builder.save_name.value = "tuesday"
    builder.save_button.click()
    saved = tmp_path / "tuesday.yaml"
    assert saved.is_file() and "Saved to" in builder.status.value
    loaded = kit.ClassPlan.load(saved)
    assert flat_ids(loaded) == flat_ids(builder.plan)
    builder.save_button.click()
    assert (tmp_path / "tuesday.yaml.bak").is_file()
    assert "previous version is kept" in builder.status.value


def test_impossible_request_shows_a_plain_error(builder, monkeypatch):
    def refuse(*args, **kwargs):
        raise kit.PlanError("no standing strength exercise fits level 1; add a band")

    monkeypatch.setattr("innerthigh_kit.widgets.plan_builder.build_plan", refuse)
    builder.build_button.click()
    assert "add a band" in builder.error.value
    assert builder.plan is None


def test_user_text_in_the_builder_is_escaped(builder):
    builder.title.value = "<script>x</script>"
    build(builder)
    assert builder.plan.title == "<script>x</script>"
    assert "<script>" not in builder.reasoning.value
    assert "&lt;script&gt;x&lt;/script&gt;" in builder.reasoning.value  # shown, as text
    builder.save_name.value = "<b>.yaml"
    builder.save_button.click()
    assert "<b>.yaml" not in builder.status.value and "&lt;b&gt;.yaml" in builder.status.value


# --------------------------------------------------------------------------- workshop


def test_parse_group_reads_lines_and_names_mistakes():
    trainees = parse_group("Anna, prenatal-t2, 45\n\nBen, athlete\n", default_minutes=30)
    assert [(t.name, t.population, t.minutes) for t in trainees] == [
        ("Anna", "prenatal-t2", 45),
        ("Ben", "athlete", 30),
    ]
    with pytest.raises(kit.PlanError) as caught:
        parse_group("Anna, pregnant, 45\nBen, athlete, 200")
    message = str(caught.value)
    assert "line 1" in message and "'pregnant' is not a group" in message
    assert "line 2" in message and "15 to 90" in message
    with pytest.raises(kit.PlanError, match="appear twice"):
        parse_group("Anna\nanna")
    with pytest.raises(kit.PlanError, match="empty"):
        parse_group("\n \n")


def test_workshop_series_and_group(library, tmp_path, monkeypatch):
    monkeypatch.setenv("INNERTHIGH_KIT_PLANS_DIR", str(tmp_path))
    planner = WorkshopPlanner(library)
    tick(planner.form.equipment, "small-ball", "band")
    planner.weeks.value = 3
    planner.series_button.click()
    assert len(planner.series) == 3
    assert planner.series_view.value.count("<tr>") == 4
    planner.group_text.value = "Anna, prenatal-t2, 45\nBen, athlete, 30"
    planner.group_button.click()
    assert set(planner.group_plans) == {"Anna", "Ben"}
    assert (tmp_path / "workshop" / "anna.yaml").is_file()
    planner.group_text.value = "Anna, nobody"
    planner.group_button.click()
    assert "'nobody' is not a group" in html.unescape(planner.group_view.value)


def test_the_selected_item_shows_its_figure_and_key_cue(builder, library):
    build(builder)
    keys = [value for _, value in builder.items.options]
    builder.items.value = keys[2]
    exercise = library.get(builder.plan.item(keys[2]).exercise)
    assert "data:image/png;base64," in builder.figure.value
    assert html.escape(exercise.name) in builder.figure.value
    assert html.escape(exercise.key_cue) in builder.figure.value


def test_the_form_says_words_not_tags_and_asks_about_pregnancy_once(builder):
    import re

    from innerthigh_kit import vocab

    form = builder.request_form
    labels = [label for label, _ in form.population.options]
    assert "Pregnancy, 3rd trimester (28+ weeks)" in labels
    shown = labels + [
        child.description
        for box in (form.equipment, *form.conditions.children)
        for child in box.children
        if hasattr(child, "tag")
    ]
    tags = [t for t in (*vocab.POPULATIONS, *vocab.EQUIPMENT, *vocab.CAUTIONS) if "-" in t]
    assert not [t for t in tags if any(re.search(rf"\b{t}\b", text) for text in shown)]
    assert "Small ball" in shown and "Knee pain" in shown
    needs = [c.description for row in form.conditions.children for c in row.children if hasattr(c, "tag")]
    assert not any("regnan" in text or "after birth" in text.lower() for text in needs), "pregnancy once"
    build(builder, population="prenatal-t2", equipment=("small-ball",), conditions=("pelvic-girdle-pain",))
    assert builder.plan.audience.population == "prenatal-t2"
    assert builder.plan.audience.conditions == ["pelvic-girdle-pain"]


def test_the_total_says_the_minutes_without_a_minus_zero(builder):
    build(builder)
    total = builder.total.value
    assert "of 30 min" in total and "%)" not in total.replace("% over)", "").replace("% under)", "")
    assert "-0%" not in total and "+0%" not in total


def test_the_timeline_shows_each_exercise_by_time_and_position_and_a_click_selects_it(builder, library):
    from innerthigh_kit.widgets.timeline import ROWS, row_of

    build(builder, minutes=45)
    rows = builder.timeline.children[0].children[: len(ROWS)]
    pairs = list(builder.plan.items())
    total = sum(item.seconds for _, item in pairs)
    for row, label in zip(rows, ROWS, strict=True):
        assert label in row.children[0].value
        cells = row.children[1].children  # one cell per exercise, in class order: a block or a gap
        assert len(cells) == len(pairs)
        widths = [float(cell.layout.width.rstrip("%")) for cell in cells]
        assert sum(widths) == pytest.approx(100, abs=0.1), "every row keeps the whole class's clock"
        for cell, (_, item) in zip(cells, pairs, strict=True):
            is_block = "itk-block" in cell._dom_classes
            assert is_block == (row_of(library.get(item.exercise).position) == label)
            assert float(cell.layout.width.rstrip("%")) == pytest.approx(100 * item.seconds / total, abs=0.01)
    fourth = pairs[3][1]
    block = next(
        row.children[1].children[3] for row in rows if "itk-block" in row.children[1].children[3]._dom_classes
    )
    block.click()
    assert builder.items.value == fourth.key


def test_undo_takes_back_the_last_twenty_edits(builder):
    from innerthigh_kit.widgets.plan_builder import UNDO_STEPS

    build(builder, minutes=45)
    assert builder.buttons["undo"].disabled, "nothing to undo after a fresh build"
    before = builder.plan.to_json_dict()
    keys = [value for _, value in builder.items.options]
    builder.items.value = keys[2]
    builder.buttons["remove"].click()
    builder.items.value = [value for _, value in builder.items.options][0]
    builder.sets.value = builder.sets.value + 1
    assert builder.plan.to_json_dict() != before
    builder.buttons["undo"].click()  # the sets
    builder.buttons["undo"].click()  # the removal
    assert builder.plan.to_json_dict() == before
    assert builder.buttons["undo"].disabled and not builder.undo()
    builder.items.value = [value for _, value in builder.items.options][-1]
    builder.buttons["down"].click()  # the last item cannot go down: nothing to undo
    assert builder.buttons["undo"].disabled
    builder.items.value = [value for _, value in builder.items.options][0]
    for step in range(UNDO_STEPS + 5):
        builder.buttons["down" if step % 2 == 0 else "up"].click()
    undone = sum(builder.undo() for _ in range(UNDO_STEPS + 5))
    assert undone == UNDO_STEPS
