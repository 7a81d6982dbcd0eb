"""Saving a plan and making its handout from a screen, without ever replacing a file unasked.

The panel writes only into its plans folder (``plans_dir()``), under a plain file name: no
folder part, no leading dot, no NUL, at most 255 bytes. A file that is already there and that
this panel did not write itself is replaced only after the instructor presses "Replace it"
(the replaced plan is still kept as ``.bak``); saving the same plan again while editing does not
ask each time. Every message, good or bad, shows in the status line.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable
from pathlib import Path

import ipywidgets as w

from .._atomic import check_file_name, prepare_output
from ..errors import KitError
from ..handouts import render_handout
from ..plans import ClassPlan
from ._html import named

PLAN_SUFFIXES = (".yaml", ".yml")


def plans_dir() -> Path:
    """Where saved plans go: $INNERTHIGH_KIT_PLANS_DIR, or 'my_plans' beside the notebook."""
    return Path(os.environ.get("INNERTHIGH_KIT_PLANS_DIR") or Path.cwd() / "my_plans")


class SavePanel:
    """File name, save, handout, a "Replace it" button that appears only when asked, the status."""

    def __init__(self, plan: Callable[[], ClassPlan | None]):
        self._plan = plan
        self._written: set[Path] = set()  # files this panel wrote: saving them again asks nothing
        self._pending: Callable[[], object] | None = None
        self.name = named(
            w.Text(value="my-class.yaml", description="File name", layout=w.Layout(width="360px")),
            "itk-save-name",
        )
        self.save_button = named(
            w.Button(description="Save the plan", icon="save", button_style="success"), "itk-save"
        )
        self.save_button.on_click(lambda _: self.save())
        self.handout_button = named(w.Button(description="Make the handout", icon="file"), "itk-handout")
        self.handout_button.on_click(lambda _: self.handout())
        self.replace_button = named(
            w.Button(description="Replace it", icon="exchange", button_style="warning"), "itk-replace"
        )
        self.replace_button.on_click(lambda _: self._confirm())
        self.replace_button.layout.display = "none"
        self.status = named(w.HTML(), "itk-status")
        self.widget = w.VBox(
            [w.HBox([self.name, self.save_button, self.handout_button, self.replace_button]), self.status]
        )

    # ------------------------------------------------------------------ actions

    def save(self, name: str | None = None, replace: bool = False) -> Path | None:
        """Save the plan as YAML in ``plans_dir()``; an existing file is replaced only if asked."""
        plan = self._plan()
        if plan is None:
            return self.say("Build a class first.", ok=False)
        try:
            path = self._path(name or self.name.value)
            if path.exists() and path not in self._written and not replace:
                return self._ask(
                    f"<code>{html.escape(path.name)}</code> is already in your plans folder. "
                    "Press <b>Replace it</b> to save over it (the old one is kept as .bak), "
                    "or give another file name.",
                    lambda: self.save(name, replace=True),
                )
            existed = path.exists()
            plan.save(prepare_output(path))
        except KitError as error:
            return self.say(html.escape(str(error)), ok=False)
        self._written.add(path)
        kept = " The previous version is kept as .bak." if existed else ""
        self.say(f"Saved to <code>{html.escape(str(path))}</code>.{kept}")
        return path

    def handout(self, replace: bool = False) -> Path | None:
        """Save, then render the participant handout (HTML) beside the plan, asking before replacing."""
        path = self.save()
        if path is None:
            return None
        out = path.with_suffix(".html")
        if out.exists() and out not in self._written and not replace:
            return self._ask(
                f"A handout <code>{html.escape(out.name)}</code> is already there. "
                "Press <b>Replace it</b> to make it again, or save under another file name.",
                lambda: self.handout(replace=True),
            )
        try:
            render_handout(path, out, force=True)
        except KitError as error:
            return self.say(html.escape(str(error)), ok=False)
        self._written.add(out)
        self.say(f"Handout written: <code>{html.escape(str(out))}</code>")
        return out

    def say(self, message: str, ok: bool = True) -> None:
        """Show ``message`` (already escaped) in the status line; any question asked is dropped."""
        self._pending = None
        self.replace_button.layout.display = "none"
        colour = "#0b6e69" if ok else "#9b1c1c"
        self.status.value = f"<span style='color:{colour}'>{message}</span>"

    # ------------------------------------------------------------------ helpers

    def _path(self, name: str) -> Path:
        name = check_file_name(name, example="tuesday-class.yaml")
        return plans_dir() / (name if name.endswith(PLAN_SUFFIXES) else name + ".yaml")

    def _ask(self, question: str, action: Callable[[], object]) -> None:
        self.say(question, ok=False)
        self._pending = action
        self.replace_button.layout.display = None

    def _confirm(self) -> None:
        action, self._pending = self._pending, None
        self.replace_button.layout.display = "none"
        if action is not None:
            action()
