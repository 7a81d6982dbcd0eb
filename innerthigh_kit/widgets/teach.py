"""The teach page (``make teach PLAN=...``): a saved class in run mode, from a tablet or laptop.

The class is the file named by ``$INNERTHIGH_KIT_PLAN`` (``make teach`` sets it), or one chosen
from the plans folder (``save_panel.plans_dir``), or a sample class when there is none yet. A
file that cannot be read says why, in words, and the page stays usable.
"""

from __future__ import annotations

import os
from pathlib import Path

import ipywidgets as w

from ..errors import KitError
from ..exercises import Library, load_library
from ..plans import ClassPlan, ClassRequest, build_plan
from . import _html
from ._html import named
from .run_screen import RunMode
from .save_panel import PLAN_SUFFIXES, plans_dir

SAMPLE = "A sample class (30 min, everyone)"


def _saved_plans() -> list[Path]:
    folder = plans_dir()
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in PLAN_SUFFIXES and not p.name.startswith("."))


class TeachPage:
    """Pick a class, then teach it: run mode with keys that work anywhere on the page."""

    def __init__(self, plan_file: str | os.PathLike | None = None, library: Library | None = None):
        self.library = library if library is not None else load_library()
        self.run = RunMode(library=self.library, keys_everywhere=True)
        saved = _saved_plans()
        options = [(p.name, str(p)) for p in saved] + [(SAMPLE, "")]
        if plan_file and str(plan_file) not in [value for _, value in options]:
            options.insert(0, (Path(plan_file).name, str(plan_file)))
        self.choice = named(
            w.Dropdown(options=options, description="Class", layout=w.Layout(width="460px")),
            "itk-teach-choice",
        )
        self.message = named(w.HTML(), "itk-teach-message")
        self.choice.observe(lambda _: self.open(self.choice.value), names="value")
        self.ui = w.VBox([w.HBox([self.choice]), self.message, self.run])
        self.ui.add_class("itk-teach")
        self.open(str(plan_file) if plan_file else (str(saved[0]) if saved else ""))

    def open(self, path: str) -> bool:
        """Teach the class in ``path`` ('' for the sample); False, with a message, if it can't be read."""
        try:
            if path:
                plan = ClassPlan.load(path)
            else:
                plan = build_plan(ClassRequest(minutes=30), self.library)
                plan.title = "A sample class"
        except (KitError, OSError) as error:
            text = (
                str(error) if isinstance(error, KitError) else f"{path} cannot be opened: {error.strerror}."
            )
            self.message.value = _html.error_html(text)
            return False
        self.message.value = ""
        self.run.show(plan)
        return True

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.ui._repr_mimebundle_(**kwargs) or {}
        # the same words wherever it runs (the class shown depends on the plans folder)
        bundle["text/plain"] = "Teach page: choose a class (a saved plan or the sample), then press Start."
        return bundle


def teach_page(plan_file: str | os.PathLike | None = None, library: Library | None = None) -> TeachPage:
    """The teach page for ``plan_file`` (default: ``$INNERTHIGH_KIT_PLAN``, else a chooser)."""
    return TeachPage(plan_file or os.environ.get("INNERTHIGH_KIT_PLAN") or None, library)
