"""The workshop planner: a multi-week series, and a class for each trainee of a group.

Thin over the API: ``build_series`` for the weeks, ``build_plan`` per trainee, ``render_workshop``
for the handouts. The group is typed as plain lines ("Anna, prenatal-t2, 45"), parsed by
``parse_group`` which names the line and the fix when something is off.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, replace
from pathlib import Path

import ipywidgets as w

from .. import vocab
from ..errors import KitError, PlanError
from .plan_builder import plans_dir
from .request_form import RequestForm


@dataclass(frozen=True)
class Trainee:
    name: str
    population: str
    minutes: int


def parse_group(text: str, default_minutes: int = 45) -> list[Trainee]:
    """One trainee per line: ``name, population[, minutes]``. Blank lines are skipped."""
    trainees, problems = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [part.strip() for part in line.split(",")]
        name = parts[0]
        population = parts[1] if len(parts) > 1 and parts[1] else "general"
        minutes = parts[2] if len(parts) > 2 else str(default_minutes)
        where = f"line {number} ({line.strip()!r})"
        if not re.fullmatch(r"[\w][\w .'-]{0,40}", name):
            problems.append(f"{where}: start with the trainee's name (letters, up to 40).")
        if population not in vocab.POPULATIONS:
            problems.append(
                f"{where}: {population!r} is not a group. Use one of: {', '.join(vocab.POPULATIONS)}."
            )
        if not minutes.isdigit() or not 15 <= int(minutes) <= 90:
            problems.append(f"{where}: minutes should be a whole number from 15 to 90.")
        if len(parts) > 3:
            problems.append(f"{where}: write at most name, group, minutes.")
        if not problems or not problems[-1].startswith(where):
            trainees.append(Trainee(name, population, int(minutes)))
    if problems:
        raise PlanError("Some lines of the group list need fixing:\n  - " + "\n  - ".join(problems))
    if not trainees:
        raise PlanError("The group list is empty: write one trainee per line, e.g. 'Anna, prenatal-t2, 45'.")
    names = [t.name.lower() for t in trainees]
    doubles = sorted({n for n in names if names.count(n) > 1})
    if doubles:
        raise PlanError(f"Each trainee needs a different name; {', '.join(doubles)} appear twice.")
    return trainees


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "trainee"


class WorkshopPlanner:
    """Plan a series of weeks, and one class per trainee with handouts for all."""

    def __init__(self, library=None):
        from ..exercises import load_library

        self.library = library if library is not None else load_library()
        self.series = []
        self.group_plans: dict[str, Path] = {}
        self.form = RequestForm(title="Inner thighs: a four-week course")
        self.weeks = w.IntSlider(
            value=4, min=2, max=8, description="Weeks", style={"description_width": "120px"}
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
        from ..builder import build_series

        try:
            self.series = build_series(
                self.form.request(), weeks=self.weeks.value, library=self.library, seed=1
            )
        except KitError as error:
            self.series_view.value = _error(str(error))
            return
        rows = []
        for number, plan in enumerate(self.series, start=1):
            record = plan.to_json_dict()
            items = [i for s in record["sections"] for i in s["items"]]
            levels = [self.library.get(i["exercise"]).level for i in items if i["exercise"] in self.library]
            work = sum(i["sets"] * (i.get("reps") or 0) for i in items)
            rows.append(
                f"<tr><td>Week {number}</td><td>{len(items)}</td>"
                f"<td>{sum(levels) / max(len(levels), 1):.2f}</td><td>{work}</td>"
                f"<td>{record['total_seconds'] / 60:.1f} min</td></tr>"
            )
        self.series_view.value = (
            "<table class='itk-table'><tr><th>Week</th><th>Exercises</th><th>Average level</th>"
            "<th>Total reps</th><th>Time</th></tr>" + "".join(rows) + "</table>"
            "<p>Each week keeps the class length and asks a little more: more reps or sets, "
            "or a harder version of an exercise.</p>"
        )

    def plan_group(self) -> None:
        from ..builder import build_plan

        try:
            trainees = parse_group(self.group_text.value, self.form.minutes.value)
        except PlanError as error:
            self.group_view.value = _error(str(error))
            return
        folder = plans_dir() / "workshop"
        folder.mkdir(parents=True, exist_ok=True)
        self.group_plans, rows, failed = {}, [], []
        base = self.form.request()
        for trainee in trainees:
            try:
                request = replace(base, population=trainee.population, minutes=trainee.minutes)
                plan = build_plan(request, self.library, seed=len(self.group_plans) + 1)
            except KitError as error:
                failed.append(f"<li>{html.escape(trainee.name)}: {html.escape(str(error))}</li>")
                continue
            plan.title = f"{trainee.name}'s class: {trainee.population}, {trainee.minutes} min"
            path = folder / f"{_slug(trainee.name)}.yaml"
            plan.save(path)
            self.group_plans[trainee.name] = path
            rows.append(
                f"<li>{html.escape(plan.title)} — saved as <code>{html.escape(str(path))}</code></li>"
            )
        message = f"<ul>{''.join(rows)}</ul>"
        if failed:
            message += f"<p>Could not build:</p><ul>{''.join(failed)}</ul>"
        self.group_view.value = message

    def render_group(self):
        from ..handouts import render_workshop

        if not self.group_plans:
            self.group_view.value = _error("Build the group's classes first.")
            return None
        out = plans_dir() / "workshop-handouts"
        with self.progress:
            result = render_workshop(list(self.group_plans.values()), out, force=True)
        failed = "".join(f"<li>{html.escape(Path(p).name)}: {html.escape(r)}</li>" for p, r in result.failed)
        self.group_view.value += (
            f"<p>{len(result.rendered)} handouts written; open "
            f"<code>{html.escape(str(result.index))}</code>.</p>" + (f"<ul>{failed}</ul>" if failed else "")
        )
        return result

    def _ipython_display_(self):
        from IPython.display import display

        display(self.ui)


def _error(message: str) -> str:
    return (
        "<div style='color:#9b1c1c;border-left:4px solid #9b1c1c;padding:4px 10px;"
        f"white-space:pre-wrap'>{html.escape(message)}</div>"
    )


def workshop_planner(library=None) -> WorkshopPlanner:
    """The workshop planner UI for notebook 05."""
    return WorkshopPlanner(library)
