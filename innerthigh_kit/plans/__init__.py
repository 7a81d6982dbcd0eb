"""Class plans: the request, the plan and its items, building, fitting, series, checks and words.

The modules, each importing only those before it:
``request`` (ClassRequest, Audience) → ``items`` (PlanItem, Section, the timing rule) →
``dosing`` (default items, dosage bounds, transitions) → ``files`` (plan YAML) →
``explain`` (plain words) → ``model`` (ClassPlan and its edit API) → ``checks`` (findings) →
``fit`` (fitting a class to its length) → ``build`` (build_plan) → ``series`` (weekly series) →
``groups`` (a training group's lines).
"""

from __future__ import annotations

from .build import build_plan
from .checks import Finding, check_plan
from .explain import explain_plan
from .groups import Trainee, parse_group
from .items import PlanItem, Section
from .model import ClassPlan
from .request import Audience, ClassRequest
from .series import SeriesWeek, build_series, check_series, series_summary, week_load

__all__ = [
    "Audience",
    "ClassPlan",
    "ClassRequest",
    "Finding",
    "PlanItem",
    "Section",
    "SeriesWeek",
    "Trainee",
    "build_plan",
    "build_series",
    "check_plan",
    "check_series",
    "explain_plan",
    "parse_group",
    "series_summary",
    "week_load",
]
