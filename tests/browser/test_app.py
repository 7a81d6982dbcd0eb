"""App mode: the class builder served by voila (code hidden), used as an instructor would."""

from __future__ import annotations

from pathlib import Path

import pytest

import innerthigh_kit as kit

from .conftest import SCREENSHOTS, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.slow]

_VISIBLE_ROWS = "[...document.querySelectorAll('.itk-row')].filter(r => r.offsetParent !== null)"


def _rows(page) -> int:
    return page.evaluate(f"() => {_VISIBLE_ROWS}.length")


def _wait_rows(page, count: int) -> None:
    page.wait_for_function(f"(n) => {_VISIBLE_ROWS}.length === n", arg=count)


def _names(page, visible_only: bool = True) -> list[str]:
    """The exercises' names in the rows, in class order, without their numbers."""
    rows = _VISIBLE_ROWS if visible_only else "[...document.querySelectorAll('.itk-row')]"
    return page.evaluate(
        f"() => {rows}.map(r => r.querySelector('.itk-row-name').innerText.split('. ').slice(1).join('. '))"
    )


def _name(page, number: int) -> str:
    return _names(page)[number - 1]


def test_build_edit_and_save_a_class_in_the_app(page, voila_app):
    page.goto(voila_app.url)
    build = page.locator(".itk-build button, button.itk-build").first
    build.wait_for(state="visible", timeout=90_000)
    assert page.locator("text=from innerthigh_kit").count() == 0, "code stays hidden"

    # 30 minutes: the slider steps by 5 from 45, so three presses to the left
    handle = page.locator(".itk-minutes .noUi-handle").first
    handle.focus()
    for _ in range(3):
        handle.press("ArrowLeft")
    page.locator(".itk-population select").select_option(label="After birth, the first months")
    page.locator(".itk-equipment label", has_text="Small ball").locator("input").check()
    page.locator(".itk-conditions label", has_text="Knee pain").locator("input").check()
    build.click()

    total = page.locator(".itk-total")
    total.get_by_text("Total").wait_for()
    assert "of 30 min" in total.inner_text()
    count = _rows(page)
    assert count >= 5
    screenshot(page, "app-built")
    # the form reads as words: no raw tag is visible anywhere on the page
    visible = page.locator("body").inner_text()
    for tag in ("small-ball", "knee-pain", "pelvic-girdle-pain", "prenatal-t3", "pregnancy-t1"):
        assert tag not in visible, tag

    # edit: a click on the third exercise's name selects it; it gets one more set
    page.locator(".itk-row-3 .itk-row-name").click()
    page.locator(".itk-dosage.itk-editing-3").wait_for()  # the boxes now show the third item
    page.locator(".itk-row-3.itk-row-selected").wait_for()
    # the selected exercise's figure is drawn beside the list, and has really loaded
    figure = page.locator(".itk-figure-box img.itk-figure")
    figure.wait_for()
    assert figure.get_attribute("alt").startswith("Figure: ")
    assert page.evaluate("(img) => img.naturalWidth > 100 && img.complete", figure.element_handle())
    # every row has its own figure, loaded
    assert page.evaluate(
        "() => [...document.querySelectorAll('.itk-row img')].filter(i => i.offsetParent)"
        ".every(i => i.complete && i.naturalWidth > 50)"
    )
    screenshot(page, "app-figure")
    # the timeline: a click on the fifth exercise's block selects it
    page.locator(".itk-timeline .itk-block-5").click()
    page.locator(".itk-dosage.itk-editing-5").wait_for()
    # one block per exercise; every row (standing, chair, mat) has a cell for each, so one clock
    cells = "() => [...document.querySelectorAll('.itk-timeline-cells')].map(c => c.children.length)"
    assert page.evaluate(cells) == [count] * 3
    assert page.locator(".itk-timeline .itk-block").count() == count
    assert _name(page, 5) in page.locator(".itk-timeline .itk-block-5").get_attribute("title")
    page.locator(".itk-timeline").screenshot(path=str(SCREENSHOTS / "app-timeline.png"))
    page.locator(".itk-row-3 .itk-row-name").click()
    page.locator(".itk-dosage.itk-editing-3").wait_for()
    # the rows and the figure beside them, as the instructor sees them
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator(".itk-rows").locator("xpath=..").screenshot(
        path=str(SCREENSHOTS / "app-rows-and-figure.png")
    )
    sets = page.locator(".itk-sets input")
    before = total.inner_text()
    sets.fill(str(int(sets.input_value()) + 1))
    sets.press("Enter")
    page.wait_for_function(
        "([sel, old]) => document.querySelector(sel).innerText !== old", arg=[".itk-total", before]
    )
    # one click removes the fourth exercise
    removed = _name(page, 4)
    page.locator(".itk-row-4 .itk-row-remove").click()
    _wait_rows(page, count - 1)
    assert removed not in _names(page)
    # undo brings the removed exercise back; removing it again leaves the class as it was
    page.locator("button.itk-undo, .itk-undo button").first.click()
    _wait_rows(page, count)
    assert _name(page, 4) == removed
    page.locator(".itk-row-4 .itk-row-remove").click()
    _wait_rows(page, count - 1)

    # the Teach tab: run mode for the class being edited
    page.locator(".lm-TabBar-tab", has_text="Teach").click()
    run = page.locator(".itk-run")
    run.wait_for()
    page.wait_for_function("() => document.querySelector('.itk-run').dataset.step === '1'")
    assert page.locator(".itk-run-name").inner_text() == _names(page, visible_only=False)[0]
    page.locator(".itk-run-toggle").click()
    page.wait_for_function("() => document.querySelector('.itk-run').dataset.running === 'yes'")
    screenshot(page, "app-teach")
    page.locator(".itk-run-toggle").click()  # pause, and back to editing
    page.locator(".lm-TabBar-tab", has_text="Build and edit").click()

    name = page.locator(".itk-save-name input")
    # a name that climbs out of the plans folder is refused in words, and nothing is written
    name.fill("../escape.yaml")
    page.locator("button.itk-save, .itk-save button").first.click()
    page.locator(".itk-status").get_by_text("names a folder as well as a file").wait_for()
    assert not (Path(voila_app.saved_plans).parent / "escape.yaml").exists()
    name.fill("browser-class.yaml")
    page.locator("button.itk-save, .itk-save button").first.click()
    page.locator(".itk-status").get_by_text("Saved to").wait_for()
    screenshot(page, "app-saved")

    plans_dir = Path(voila_app.saved_plans)
    plan = kit.ClassPlan.load(plans_dir / "browser-class.yaml")
    record = plan.to_json_dict()
    flat = [item for section in record["sections"] for item in section["items"]]
    assert len(flat) == count - 1
    library = kit.load_library()
    assert removed not in [library.get(i["exercise"]).name for i in flat]
    assert record["target_minutes"] == 30
    assert record["audience"]["population"] == "postnatal"
