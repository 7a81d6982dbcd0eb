"""ipywidgets UIs, thin over the kit's API. Imported lazily: ipywidgets loads on first use."""

from __future__ import annotations

import importlib

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
}


def __getattr__(name: str):
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'innerthigh_kit.widgets' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module_name}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(_LAZY)
