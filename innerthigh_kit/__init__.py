"""innerthigh-kit: teach why the inner thighs matter, and build classes that train them.

The public names are imported lazily (PEP 562), so ``import innerthigh_kit`` stays light:
matplotlib, pandas and the Jupyter machinery load only when a function that needs them runs.
"""

from __future__ import annotations

from ._lazy import lazy_names
from .errors import HandoutError, KitError, LibraryError, PlanError

__version__ = "0.1.0"

# public name -> module that defines it
_LAZY = {
    "Exercise": "exercises",
    "Library": "exercises",
    "load_library": "exercises",
    "browse_library": "widgets.library_browser",
    **dict.fromkeys(("MUSCLES", "musculotendon_length", "moment_arm", "moment_arms"), "anatomy"),
    **dict.fromkeys(("knee_view", "pelvis_view", "moment_arm_curves", "stretch_curves"), "diagrams"),
    **dict.fromkeys(("lever_sketch", "exercise_figure"), "diagrams"),
    **dict.fromkeys(("explore_knee", "explore_pelvis"), "widgets.levers"),
    "AnatomyError": "errors",
    **dict.fromkeys(("ClassPlan", "ClassRequest", "Audience", "Section", "PlanItem"), "plans"),
    **dict.fromkeys(("build_plan", "build_series", "check_series", "check_plan", "Finding"), "plans"),
    **dict.fromkeys(("render_handout", "render_workshop"), "handouts"),
}

__all__ = ["KitError", "LibraryError", "PlanError", "HandoutError", "__version__", *_LAZY]

__getattr__, __dir__ = lazy_names(__name__, _LAZY, globals(), extra=__all__)
