"""Handouts: the parameters (one contract), what a handout says, and rendering one or a batch.

``parameters`` (audiences, paper, formats, the checks) → ``content`` (the pieces the template
displays) → ``export`` (HTML and PDF pages) → ``render`` (one handout through papermill) →
``workshop`` (many in parallel, with an index page).
"""

from __future__ import annotations

from .parameters import AUDIENCES, FORMATS, PAPER_SIZES, check_parameters, template_path
from .render import render_handout
from .workshop import WorkshopResult, render_workshop

__all__ = [
    "AUDIENCES",
    "FORMATS",
    "PAPER_SIZES",
    "WorkshopResult",
    "check_parameters",
    "render_handout",
    "render_workshop",
    "template_path",
]
