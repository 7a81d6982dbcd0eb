"""Run mode: teach a class from the screen, one exercise at a time, with its countdowns.

The kernel sends the class once, as ``plans.run`` steps (each exercise's name, figure, key cue,
dosage and timed intervals); the countdown, the controls, the chime and the flash are the
browser's (``run_screen.js``, an anywidget: its JavaScript ships inside the package, so it works
with no internet). The timer keeps going while the kernel is busy or the connection drops.
``RunMode.at`` is where the page is (exercise number, interval), reported back when it changes.
"""

from __future__ import annotations

import base64
from pathlib import Path

import anywidget
import traitlets

from ..exercises import Library, load_library
from ..plans.run import run_seconds, run_steps
from ._html import front_end

HERE = Path(__file__).parent


def _figure_uri(exercise) -> str:
    from ..handouts.diagram_cache import cached_figure_png

    png = cached_figure_png(exercise, "both", (2.6, 1.9), dpi=110)
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


class RunMode(anywidget.AnyWidget):
    """The run-mode screen for one class: ``RunMode(plan)`` or ``RunMode().show(plan)``."""

    _esm = front_end("run_screen.js")
    _css = (HERE / "run_screen.css").read_text(encoding="utf-8")

    steps = traitlets.List([]).tag(sync=True)
    title = traitlets.Unicode("").tag(sync=True)
    run_seconds = traitlets.Float(0).tag(sync=True)
    sound = traitlets.Bool(True).tag(sync=True)
    #: Space and the arrows work anywhere on the page (the teach page), not only on the widget.
    keys_everywhere = traitlets.Bool(False).tag(sync=True)
    at = traitlets.Dict({}).tag(sync=True)

    def __init__(self, plan=None, library: Library | None = None, **kwargs):
        super().__init__(**kwargs)
        self.library = library
        if plan is not None:
            self.show(plan)

    def show(self, plan) -> None:
        """Load ``plan`` (figures drawn once per pose, then cached), from its first exercise."""
        library = self.library = self.library if self.library is not None else load_library()
        steps = run_steps(plan, library)
        records = []
        for step in steps:
            record = step.to_dict()
            exercise = library.get(step.exercise) if step.exercise in library else None
            record["figure"] = _figure_uri(exercise) if exercise is not None else ""
            records.append(record)
        with self.hold_sync():
            self.title = plan.title or "Your class"
            self.run_seconds = run_seconds(steps)
            self.steps = records

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs) or {}
        if isinstance(bundle, tuple):
            bundle = bundle[0]
        bundle["text/plain"] = self.summary()
        return bundle

    def summary(self) -> str:
        """Run mode's text form (nbval, exported pages): what the screen will count down."""
        if not self.steps:
            return "Run mode: no class to teach yet."
        minutes = round(self.run_seconds / 60, 1)
        first = self.steps[0]
        return (
            f"Run mode for {self.title}: {len(self.steps)} exercises, {minutes} min with the changes "
            f"of sides; it starts with {first['name']} ({first['dosage']})."
        )


def run_mode(plan=None, library: Library | None = None, keys_everywhere: bool = False) -> RunMode:
    """The run-mode screen for ``plan`` (a notebook, the teach page or the app's Teach tab)."""
    return RunMode(plan, library, keys_everywhere=keys_everywhere)
