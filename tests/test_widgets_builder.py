"""The class builder and workshop planner, driven from code: set values, press buttons."""

from __future__ import annotations

import html

import pytest

import innerthigh_kit as kit
from innerthigh_kit.widgets.plan_builder import ClassBuilder
from innerthigh_kit.widgets.workshop import WorkshopPlanner, parse_group
from innerthigh_kit.words import dosage_words, duration_words, section_words


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


def click(builder, key: str, action: str) -> None:
    """One click on the row of ``key``: its name ('select') or a button ('up', 'remove'...)."""
    builder.rows.button(key, action).click()


def test_nothing_shown_until_built(builder):
    assert builder.plan is None
    assert builder.plan_area.layout.display == "none"
    builder.save_button.click()
    assert "Build a class first" in builder.status.value


def test_build_shows_items_total_findings_and_reasoning(builder, library):
    build(builder)
    plan = builder.plan
    assert plan is not None and builder.plan_area.layout.display is None
    assert len(builder.rows.keys) == len(flat_ids(plan)) >= 5
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
    click(builder, builder.rows.keys[2], "select")
    assert builder.selected_key == builder.rows.keys[2]
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
    click(builder, key, "down")  # one click on the row's own button
    moved = flat_ids(builder.plan)
    assert moved == ids[:index] + [ids[index + 1], ids[index]] + ids[index + 2 :]
    assert builder.selected_key == key  # the moved item is selected
    assert "itk-row-selected" in builder.rows._rows[index + 1].box._dom_classes
    # the last item of a section does not cross into the next one
    last = builder.plan.sections[0].items[-1]
    click(builder, last.key, "down")
    assert builder.plan.sections[0].items[-1] is last
    removed = builder.plan.item(key).exercise
    click(builder, key, "remove")
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
    click(builder, builder.rows.keys[index], "harder")
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
    keys = builder.rows.keys
    click(builder, keys[2], "select")
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
    from innerthigh_kit.diagrams.timeline import SECTION_COLOURS
    from innerthigh_kit.widgets.timeline import ROWS, row_of

    build(builder, minutes=45)
    timeline = builder.timeline
    assert timeline.rows == list(ROWS)
    pairs = list(builder.plan.items())
    total = sum(item.seconds for _, item in pairs)
    blocks = timeline.blocks  # one per exercise, in class order; every row has a cell for each
    assert [block["key"] for block in blocks] == [item.key for _, item in pairs]
    assert [block["number"] for block in blocks] == list(range(1, len(pairs) + 1))
    assert sum(block["share"] for block in blocks) == pytest.approx(100, abs=0.1), "one clock for all rows"
    before = None
    for block, (section, item) in zip(blocks, pairs, strict=True):
        exercise = library.get(item.exercise)
        assert block["row"] == row_of(exercise.position) and block["row"] in ROWS
        assert block["share"] == pytest.approx(100 * item.seconds / total, abs=0.01)
        assert block["colour"] == SECTION_COLOURS[section.name]
        assert block["changed"] == (before is not None and exercise.position != before)
        assert exercise.name in block["tip"] and duration_words(item.seconds) in block["tip"]
        before = exercise.position
    assert len({block["row"] for block in blocks}) > 1, "the class changes position: more than one row"
    assert [entry["colour"] for entry in timeline.legend] == list(SECTION_COLOURS.values())

    # a click in the browser sends {select: key}: the builder selects that exercise
    version, same_widget = timeline.version, timeline
    fourth = pairs[3][1]
    timeline._handle_custom_msg({"select": fourth.key}, [])
    assert builder.selected_key == fourth.key
    timeline._handle_custom_msg({"select": "no-such-key"}, [])  # an unknown key changes nothing
    timeline.click(pairs[1][1].key)
    assert builder.selected_key == pairs[1][1].key
    assert timeline.version == version, "selecting sends no new blocks"

    # an edit changes the same widget's blocks in place, and their version
    builder.sets.value = builder.sets.value + 1
    assert builder.timeline is same_widget and timeline.version == version + 1
    assert timeline.blocks[1]["share"] > blocks[1]["share"]


def test_the_timeline_draws_words_as_text_never_as_html():
    from innerthigh_kit.widgets.timeline import HERE

    script = (HERE / "timeline.js").read_text(encoding="utf-8")
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script
    assert "textContent" in script


def test_the_add_list_is_sent_again_only_when_it_changes(builder):
    build(builder, minutes=45)
    sent = []
    builder.add_choice.observe(lambda change: sent.append(change), names="options")
    builder.sets.value = builder.sets.value + 1  # the same exercises: the same list
    assert sent == []
    keys = [item.key for _, item in builder.plan.items()]
    builder.rows.button(keys[-1], "remove").click()  # one fewer in the class: one more to add
    assert len(sent) == 1


def test_undo_takes_back_the_last_twenty_edits(builder):
    from innerthigh_kit.widgets.plan_builder import UNDO_STEPS

    build(builder, minutes=45)
    assert builder.buttons["undo"].disabled, "nothing to undo after a fresh build"
    before = builder.plan.to_json_dict()
    click(builder, builder.rows.keys[2], "remove")
    click(builder, builder.rows.keys[0], "select")
    builder.sets.value = builder.sets.value + 1
    assert builder.plan.to_json_dict() != before
    builder.buttons["undo"].click()  # the sets
    builder.buttons["undo"].click()  # the removal
    assert builder.plan.to_json_dict() == before
    assert builder.buttons["undo"].disabled and not builder.undo()
    last = builder.rows.keys[-1]
    assert builder.rows.button(last, "down").disabled  # the last item cannot go down
    click(builder, last, "down")  # and if pressed anyway: nothing to undo
    assert builder.buttons["undo"].disabled
    first = builder.rows.keys[0]
    for step in range(UNDO_STEPS + 5):
        click(builder, first, "down" if step % 2 == 0 else "up")
    undone = sum(builder.undo() for _ in range(UNDO_STEPS + 5))
    assert undone == UNDO_STEPS


def test_each_row_shows_the_figure_name_dosage_and_time_and_rows_are_reused(builder, library):
    build(builder, minutes=45)
    pairs = list(builder.plan.items())
    row = builder.rows._rows[1]
    section, item = pairs[1]
    exercise = library.get(item.exercise)
    assert row.name.description == f"2. {exercise.name}"
    assert "data:image/png;base64," in row.thumb.value
    detail = html.unescape(row.detail.value)
    assert dosage_words(item.sets, item.reps, item.hold_seconds, item.per_side, short=True) in detail
    assert duration_words(item.seconds) in detail and section_words(section.name) in detail
    boxes = [r.box for r in builder.rows._rows]
    click(builder, pairs[0][1].key, "remove")
    # one row fewer is shown, and no row was made again: the edit only changed values
    assert [r.box for r in builder.rows._rows] == boxes
    assert [r.box.layout.display for r in builder.rows._rows].count("none") == 1
    assert builder.rows._rows[0].name.description == f"1. {exercise.name}"


def test_the_teach_tab_teaches_the_class_being_edited(builder):
    build(builder, minutes=45)
    assert builder.run is None, "no run screen is made (no figures drawn) until the tab is opened"
    builder.ui.selected_index = 1
    names = [step["name"] for step in builder.run.steps]
    assert len(names) == len(builder.rows.keys) and names[0] in builder.rows._rows[0].name.description
    builder.ui.selected_index = 0
    click(builder, builder.rows.keys[0], "remove")
    builder.ui.selected_index = 1
    assert [step["name"] for step in builder.run.steps] == names[1:]
