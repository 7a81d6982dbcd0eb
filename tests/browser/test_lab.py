"""JupyterLab: open notebook 04, run every cell, and see the class builder's widgets render."""

from __future__ import annotations

import pytest

from .conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_notebook_04_runs_in_jupyterlab_and_shows_the_builder(page, jupyterlab):
    url = (f"{jupyterlab.base}/lab/tree/04_class_builder.ipynb?reset"
           f"&token={jupyterlab.token}")
    page.goto(url)
    page.locator(".jp-NotebookPanel").first.wait_for(timeout=120_000)
    # wait for the kernel to be idle before running everything
    page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").first.wait_for(
        timeout=120_000)
    page.locator(".jp-NotebookPanel").first.click()
    page.keyboard.press("Escape")
    page.evaluate("window.jupyterapp && 0")  # the page is live
    page.get_by_text("Run", exact=True).first.click()
    page.get_by_text("Run All Cells", exact=True).first.click()
    build = page.locator(".itk-build").first
    build.wait_for(state="visible", timeout=120_000)
    assert page.locator(".itk-minutes .noUi-handle").count() == 1
    assert page.locator(".itk-population select").count() == 1
    build.click()
    page.locator(".itk-total").get_by_text("Total").wait_for(timeout=60_000)
    assert page.locator(".itk-items select option").count() >= 5
    screenshot(page, "lab-notebook-04")
