"""App mode: the class builder served by voila (code hidden), used as an instructor would."""

from __future__ import annotations

from pathlib import Path

import pytest

import innerthigh_kit as kit

from .conftest import SCREENSHOTS, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.slow]


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
    items = page.locator(".itk-items select option")
    count = items.count()
    assert count >= 5
    screenshot(page, "app-built")
    # the form reads as words: no raw tag is visible anywhere on the page
    visible = page.locator("body").inner_text()
    for tag in ("small-ball", "knee-pain", "pelvic-girdle-pain", "prenatal-t3", "pregnancy-t1"):
        assert tag not in visible, tag

    # edit: the third exercise gets one more set; then remove the fourth
    page.locator(".itk-items select").select_option(index=2)
    page.locator(".itk-dosage.itk-editing-3").wait_for()  # the boxes now show the third item
    # the selected exercise's figure is drawn beside the list, and has really loaded
    figure = page.locator(".itk-figure-box img.itk-figure")
    figure.wait_for()
    assert figure.get_attribute("alt").startswith("Figure: ")
    assert page.evaluate("(img) => img.naturalWidth > 100 && img.complete", figure.element_handle())
    screenshot(page, "app-figure")
    # the timeline: a click on the fifth exercise's block selects it
    page.locator(".itk-timeline .itk-block-5").click()
    page.locator(".itk-dosage.itk-editing-5").wait_for()
    page.locator(".itk-timeline").screenshot(path=str(SCREENSHOTS / "app-timeline.png"))
    page.locator(".itk-items select").select_option(index=2)
    page.locator(".itk-dosage.itk-editing-3").wait_for()
    # the list and the figure beside it, as the instructor sees them
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator(".itk-items").locator("xpath=..").screenshot(
        path=str(SCREENSHOTS / "app-list-and-figure.png")
    )
    sets = page.locator(".itk-sets input")
    before = total.inner_text()
    sets.fill(str(int(sets.input_value()) + 1))
    sets.press("Enter")
    page.wait_for_function(
        "([sel, old]) => document.querySelector(sel).innerText !== old", arg=[".itk-total", before]
    )
    page.locator(".itk-items select").select_option(index=3)
    removed = page.locator(".itk-items select option").nth(3).inner_text().split("·")[1]
    page.locator("button.itk-remove, .itk-remove button").first.click()
    page.wait_for_function(
        "([sel, n]) => document.querySelectorAll(sel).length === n",
        arg=[".itk-items select option", count - 1],
    )
    # undo brings the removed exercise back; removing it again leaves the class as it was
    page.locator("button.itk-undo, .itk-undo button").first.click()
    page.wait_for_function(
        "([sel, n]) => document.querySelectorAll(sel).length === n", arg=[".itk-items select option", count]
    )
    assert removed in page.locator(".itk-items select").inner_text()
    page.locator("button.itk-remove, .itk-remove button").first.click()
    page.wait_for_function(
        "([sel, n]) => document.querySelectorAll(sel).length === n",
        arg=[".itk-items select option", count - 1],
    )

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
    assert removed.split("—")[0].strip() not in [library.get(i["exercise"]).name for i in flat]
    assert record["target_minutes"] == 30
    assert record["audience"]["population"] == "postnatal"
