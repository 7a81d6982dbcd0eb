"""Handouts: the parameters (one contract), what a handout says, and rendering one or a batch.

``parameters`` (audiences, paper, formats, the checks) → ``content`` (the pieces the template
displays) → ``export`` (HTML and PDF pages) → ``render`` (one handout through papermill) →
``workshop`` (many in parallel, with an index page).
"""

from __future__ import annotations

from .._lazy import lazy_names

# public name -> module of this package, loaded on first use (PEP 562): the handout kernel
# imports only ``content`` and ``parameters``, the CLI only ``parameters`` until a command runs.
_LAZY = {
    **dict.fromkeys(
        ("AUDIENCES", "FORMATS", "PAPER_SIZES", "check_parameters", "template_path"), "parameters"
    ),
    "render_handout": "render",
    "render_card": "cards",
    **dict.fromkeys(("WorkshopResult", "render_workshop"), "workshop"),
}

__all__ = sorted(_LAZY)

__getattr__, __dir__ = lazy_names(__name__, _LAZY, globals())
