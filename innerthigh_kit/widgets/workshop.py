"""The workshop planner: a multi-week series, and a class for each trainee of a group.

Thin over the API: ``build_series`` and ``series_summary`` for the weeks, ``parse_group`` and
``build_plan`` per trainee, ``render_workshop`` for the handouts. The group is typed as plain
lines ("Anna, prenatal-t2, 45"); ``parse_group`` names the line and the fix when one is off.
"""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as w

from .. import vocab
from .._atomic import prepare_output
from ..errors import KitError, PlanError
from ..exercises import Library, load_library
from ..handouts import render_workshop
from ..plans import build_plan, build_series, parse_group, series_summary
from ..words import duration_words
from . import _html
from .request_form import RequestForm
from .save_panel import plans_dir


class WorkshopPlanner:
    """Plan a series of weeks, and one class per trainee with handouts for all."""

    def __init__(self, library: Library | None = None):
        self.library = library if library is not None else load_library()
        self.series = []
        self.group_plans: dict[str, Path] = {}
        self.form = RequestForm(title="Inner thighs: a four-week course")
        weeks = vocab.LIMITS["series_weeks"]
        self.weeks = w.IntSlider(
            value=4,
            min=int(weeks.low),
            max=int(weeks.high),
            description="Weeks",
            style={"description_width": "120px"},
        )
        self.weeks.add_class("itk-weeks")
        self.series_button = w.Button(description="Plan the series", button_style="primary", icon="calendar")
        self.series_button.add_class("itk-series")
        self.series_button.on_click(lambda _: self.plan_series())
        self.series_view = w.HTML()
        self.series_view.add_class("itk-series-view")
        self.group_text = w.Textarea(
            value="Anna, prenatal-t2, 45\nBen, athlete, 30\nChloe, older-adult, 45\nDee, postnatal, 30",
            placeholder="One trainee per line: name, group, minutes",
            layout=w.Layout(width="520px", height="120px"),
        )
        self.group_text.add_class("itk-group")
        self.group_button = w.Button(
            description="Build the group's classes", icon="users", button_style="primary"
        )
        self.group_button.add_class("itk-group-build")
        self.group_button.on_click(lambda _: self.plan_group())
        self.handouts_button = w.Button(description="Make all the handouts", icon="print")
        self.handouts_button.add_class("itk-group-handouts")
        self.handouts_button.on_click(lambda _: self.render_group())
        self.group_view = w.HTML()
        self.group_view.add_class("itk-group-view")
        self.progress = w.Output()
        self.ui = w.VBox(
            [
                w.HTML("<h3 style='margin:0'>A series of weeks</h3>"),
                self.form.widget,
                self.weeks,
                self.series_button,
                self.series_view,
                w.HTML(
                    "<h3>Classes for a teacher-training group</h3><p>One trainee per line: "
                    "name, group (" + ", ".join(vocab.POPULATIONS) + "), minutes. The level, "
                    "equipment and focus come from the form above.</p>"
                ),
                self.group_text,
                w.HBox([self.group_button, self.handouts_button]),
                self.group_view,
                self.progress,
            ]
        )

    def plan_series(self) -> None:
        try:
            self.series = build_series(
                self.form.request(), weeks=self.weeks.value, library=self.library, seed=1
            )
        except KitError as error:
            self.series_view.value = _html.error_html(str(error))
            return
        rows = [
            f"<tr><td>Week {row.week}</td><td>{row.exercises}</td><td>{row.average_level:.2f}</td>"
            f"<td>{html.escape(duration_words(row.strength_seconds))}</td><td>{row.load_vs_first:.0%}</td>"
            f"<td>{row.total_seconds / 60:.1f} min</td></tr>"
            for row in series_summary(self.series, self.library)
        ]
        self.series_view.value = (
            "<table class='itk-table'><tr><th>Week</th><th>Exercises</th><th>Average level</th>"
            "<th>Strength work</th><th>Load vs week 1</th><th>Time</th></tr>" + "".join(rows) + "</table>"
            "<p>Each week keeps the class length and asks a little more: more reps or sets, "
            "or a harder version of an exercise. Strength work counts every set on both sides; the "
            "load also weighs each exercise by its level.</p>"
        )

    def summary(self) -> str:
        """The series the form as it stands gives, week by week, as text."""
        try:
            plans = self.series or build_series(
                self.form.request(), weeks=self.weeks.value, library=self.library, seed=1
            )
        except KitError as error:
            return f"Workshop planner: the form as it stands cannot be planned. {error}"
        lines = [f"Workshop planner. A {len(plans)}-week series for the form as it stands:"]
        lines += [
            f"week {row.week}: {row.exercises} exercises, average level {row.average_level:.2f}, "
            f"strength work {duration_words(row.strength_seconds)}, load {row.load_vs_first:.0%} of week 1, "
            f"{duration_words(row.total_seconds)}"
            for row in series_summary(plans, self.library)
        ]
        return "\n".join(lines)

    def plan_group(self) -> None:
        try:
            trainees = parse_group(self.group_text.value, self.form.minutes.value)
        except PlanError as error:
            self.group_view.value = _html.error_html(str(error))
            return
        folder = plans_dir() / "workshop"
        self.group_plans, rows, failed = {}, [], []
        base = self.form.request()
        for trainee in trainees:
            path = folder / f"{trainee.slug}.yaml"
            try:
                plan = build_plan(trainee.request(base), self.library, seed=len(self.group_plans) + 1)
                plan.title = f"{trainee.name}'s class: {trainee.population}, {trainee.minutes} min"
                prepare_output(path)
                plan.save(path)
            except KitError as error:
                failed.append(f"<li>{html.escape(trainee.name)}: {html.escape(str(error))}</li>")
                continue
            self.group_plans[trainee.name] = path
            rows.append(
                f"<li>{html.escape(plan.title)} — saved as <code>{html.escape(str(path))}</code></li>"
            )
        message = f"<ul>{''.join(rows)}</ul>"
        if failed:
            message += f"<p>Could not build:</p><ul>{''.join(failed)}</ul>"
        self.group_view.value = message

    def render_group(self):
        if not self.group_plans:
            self.group_view.value = _html.error_html("Build the group's classes first.")
            return None
        out = plans_dir() / "workshop-handouts"
        try:  # the handouts are made again from the group's plans, which are kept (with .bak)
            with self.progress:
                result = render_workshop(list(self.group_plans.values()), out, force=True)
        except KitError as error:  # another workshop writing there, a folder that can't be written
            self.group_view.value += _html.error_html(str(error))
            return None
        failed = "".join(f"<li>{html.escape(Path(p).name)}: {html.escape(r)}</li>" for p, r in result.failed)
        self.group_view.value += (
            f"<p>{len(result.rendered)} handouts written; open "
            f"<code>{html.escape(str(result.index))}</code>.</p>" + (f"<ul>{failed}</ul>" if failed else "")
        )
        return result

    def _repr_mimebundle_(self, **kwargs):
        # The browser shows the widget; the text form (nbval, exported pages) states the series.
        bundle = self.ui._repr_mimebundle_(**kwargs) or {}
        bundle["text/plain"] = self.summary()
        return bundle


def workshop_planner(library: Library | None = None) -> WorkshopPlanner:
    """The workshop planner UI for notebook 05."""
    return WorkshopPlanner(library)
