"""JupyterLab: open notebooks 04 and 06, run every cell, and see the builder and run mode render."""

from __future__ import annotations

import pytest

from .conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _run_all(page, jupyterlab, notebook: str) -> None:
    url = f"{jupyterlab.base}/lab/tree/{notebook}?reset&token={jupyterlab.token}"
    page.goto(url)
    page.locator(".jp-NotebookPanel").first.wait_for(timeout=120_000)
    # Run All Cells, as the Run menu does, once the notebook's kernel is connected (a menu
    # click right after the page loads can land before the menu is ready on a cold machine)
    page.wait_for_function(
        "() => { const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;"
        " const k = w && w.sessionContext && w.sessionContext.session"
        " && w.sessionContext.session.kernel;"
        " return k && k.connectionStatus === 'connected'; }",
        timeout=120_000,
    )
    page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")


def test_notebook_04_runs_in_jupyterlab_and_shows_the_builder(page, jupyterlab):
    _run_all(page, jupyterlab, "04_class_builder.ipynb")
    build = page.locator(".itk-build").first
    try:
        build.wait_for(state="visible", timeout=120_000)
    except Exception:
        screenshot(page, "lab-notebook-04-failed")  # what the page showed, for the CI log
        raise
    assert page.locator(".itk-minutes .noUi-handle").count() == 1
    assert page.locator(".itk-population select").count() == 1
    build.click()
    page.locator(".itk-total").get_by_text("Total").wait_for(timeout=60_000)
    assert page.locator(".itk-row .itk-row-name").count() >= 5  # the class, one row per exercise
    screenshot(page, "lab-notebook-04")


def test_notebook_06_shows_run_mode_in_jupyterlab(page, jupyterlab):
    """Run mode's front end (an anywidget) loads in JupyterLab as in voila, and counts down."""
    _run_all(page, jupyterlab, "06_teach.ipynb")
    run = page.locator(".itk-run")
    try:
        run.wait_for(state="visible", timeout=120_000)
    except Exception:
        screenshot(page, "lab-notebook-06-failed")
        raise
    assert page.locator(".itk-run-name").inner_text()  # the sample class's first exercise
    page.locator(".itk-run-toggle").click()
    page.wait_for_function(
        "() => { const d = document.querySelector('.itk-run').dataset;"
        " return d.running === 'yes' && +d.ends >= 1; }",
        timeout=60_000,
    )
    screenshot(page, "lab-notebook-06")
