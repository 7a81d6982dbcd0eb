"""Run mode on the teach page, driven as an instructor would through a short class.

The class (tests/data/short_class.yaml) is a one-sided hold of 2 sets with rests, then a change
of position to the mat for 2 reps: every interval lasts a few seconds, so the test lets the
countdowns really run out. The page gets no internet: any request off 127.0.0.1 is refused.
"""

from __future__ import annotations

import time

import pytest

from .conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _state(page) -> dict:
    return page.evaluate("() => ({...document.querySelector('.itk-run').dataset})")


def _wait(page, condition: str, timeout: float = 30_000) -> dict:
    """Wait until the run-mode root's data attributes (``d``) satisfy ``condition``."""
    page.wait_for_function(
        f"() => {{ const d = document.querySelector('.itk-run')?.dataset; return d && ({condition}); }}",
        timeout=timeout,
    )
    return _state(page)


def _offline(context) -> list[str]:
    refused = []

    def route(request_route):
        url = request_route.request.url
        if url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:")):
            request_route.continue_()
        else:
            refused.append(url)
            request_route.abort()

    context.route("**/*", route)
    return refused


def test_teach_a_short_class_in_run_mode(page, teach_app):
    refused = _offline(page.context)
    page.goto(teach_app.url)
    root = page.locator(".itk-run")
    root.wait_for(timeout=90_000)
    state = _wait(page, "d.step === '1' && d.kind === 'ready'")
    assert state["running"] == "no" and state["remaining"] == "3"
    assert "Single-leg stand" in page.locator(".itk-run-name").inner_text()
    assert page.locator(".itk-run-dosage").inner_text() == "2 × 2 s hold each side"
    assert page.locator(".itk-run-next").inner_text().startswith("Next up: Side-lying inner-thigh lift")
    assert page.evaluate("() => document.querySelector('.itk-run-figure').naturalWidth > 100")
    # touch targets: every control at least 44 px each way
    for box in [b.bounding_box() for b in page.locator(".itk-run-button").all()]:
        assert box["width"] >= 44 and box["height"] >= 44, box
    screenshot(page, "teach-ready")

    # start: the get-ready count runs out, a chime and a flash mark it, the first set begins
    page.locator(".itk-run-toggle").click()
    state = _wait(page, "d.kind === 'work'")
    assert int(state["ends"]) == 1
    assert "Set 1 of 2" in page.locator(".itk-run-label").inner_text()

    # the space bar pauses: nothing moves while paused; it resumes where it stopped
    page.keyboard.press("Space")
    paused = _wait(page, "d.running === 'no'")
    time.sleep(1.5)
    assert _state(page)["remaining"] == paused["remaining"] and _state(page)["interval"] == paused["interval"]
    assert page.locator(".itk-run-toggle").inner_text() == "Resume"
    page.keyboard.press("Space")
    _wait(page, "d.running === 'yes'")

    # the connection drops for a moment: the countdown goes on (it runs in the page)
    page.context.set_offline(True)
    before = _state(page)
    state = _wait(page, f"+d.ends > {before['ends']}", timeout=10_000)
    page.context.set_offline(False)

    # the side switch, then the other side's first set
    state = _wait(page, "d.kind === 'switch'")
    assert page.locator(".itk-run-label").inner_text() == "Change sides"
    screenshot(page, "teach-switch")
    # +15 s gives more time; "skip set" goes straight to the next set
    left = int(state["remaining"])
    page.locator(".itk-run-more").click()
    assert int(_state(page)["remaining"]) >= left + 14
    page.locator(".itk-run-skip").click()
    state = _wait(page, "d.kind === 'work'")
    assert "other side" in page.locator(".itk-run-label").inner_text()

    # the next exercise (the → key): a change of position, with what to say
    page.keyboard.press("ArrowRight")
    state = _wait(page, "d.step === '2'")
    change = page.locator(".itk-run-change").inner_text()
    assert change.startswith("Change of position: Come down to the mat and lie on your side"), change
    assert page.locator(".itk-run-next").inner_text() == "Next up: the end of the class"
    screenshot(page, "teach-transition")

    # sound off: the ends are still flashed, no chime is played
    page.locator(".itk-run-sound").click()
    assert page.locator(".itk-run-sound").inner_text() == "Sound off"
    muted = _state(page)
    state = _wait(page, "d.finished === 'yes'")
    assert int(state["ends"]) > int(muted["ends"]) and state["sounds"] == muted["sounds"]
    assert page.locator(".itk-run-label").inner_text().startswith("Class done")
    # the class clock stops with the class
    clock = page.locator(".itk-run-clock").inner_text()
    time.sleep(1.5)
    assert page.locator(".itk-run-clock").inner_text() == clock
    screenshot(page, "teach-done")

    # ← goes back to the first exercise, ready to teach again
    page.keyboard.press("ArrowLeft")
    _wait(page, "d.step === '1' && d.kind === 'ready' && d.finished === 'no'")
    visible = page.locator("body").inner_text()
    for tag in ("single-leg-stand", "side-lying-inner-thigh-lift", "per_side", "hold_seconds"):
        assert tag not in visible, tag
    assert all("127.0.0.1" not in url for url in refused)
