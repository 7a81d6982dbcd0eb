"""Class plans: the request, the plan and its items, building, fitting, series, checks and words.

The modules, each importing only those before it:
``request`` (ClassRequest, Audience) → ``items`` (PlanItem, Section, the timing rule) →
``dosing`` (default items, dosage bounds, transitions) → ``files`` (plan YAML) →
``versions`` (easier and harder versions) → ``explain`` (plain words) → ``model`` (ClassPlan and
its edit API) → ``twins`` (near-twins in one section) → ``partners`` (inner-thigh work and its
outer-hip partner) → ``checks`` (findings) → ``fit`` (fitting a class to its length) → ``flow``
(routes of positions) → ``chooser`` → ``musts`` (what the programmes ask a class to hold) →
``relaxed`` (what gave way) → ``build`` (build_plan) → ``series`` (weekly series) → ``groups``
(a training group's lines).
"""

from __future__ import annotations

from .._lazy import lazy_names

# public name -> module of this package; loaded on first use (PEP 562), so a handout kernel that
# needs only the plan, its checks and its words never imports the builder or the fitter.
_LAZY = {
    "build_plan": "build",
    **dict.fromkeys(("Finding", "check_plan"), "checks"),
    "explain_plan": "explain",
    **dict.fromkeys(("Trainee", "parse_group"), "groups"),
    **dict.fromkeys(("PlanItem", "Section"), "items"),
    "ClassPlan": "model",
    **dict.fromkeys(("Audience", "ClassRequest"), "request"),
    **dict.fromkeys(("SeriesWeek", "build_series", "check_series", "series_summary", "week_load"), "series"),
}

__all__ = sorted(_LAZY)

__getattr__, __dir__ = lazy_names(__name__, _LAZY, globals())
