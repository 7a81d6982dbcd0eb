"""ipywidgets UIs, thin over the kit's API. Imported lazily: ipywidgets loads on first use."""

from __future__ import annotations

from .._lazy import lazy_names

# public name -> module in this package
_LAZY = {
    "ClassBuilder": "plan_builder",
    "class_builder": "plan_builder",
    "WorkshopPlanner": "workshop",
    "workshop_planner": "workshop",
    "LibraryBrowser": "library_browser",
    "browse_library": "library_browser",
    "exercise_counts": "library_browser",
    "explore_knee": "levers",
    "explore_pelvis": "levers",
    "LeverExplorer": "levers",
    "RunMode": "run_screen",
    "run_mode": "run_screen",
    "TeachPage": "teach",
    "teach_page": "teach",
}

__getattr__, __dir__ = lazy_names(__name__, _LAZY, globals())
