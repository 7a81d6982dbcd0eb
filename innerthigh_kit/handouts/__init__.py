"""Handouts: the parameters (one contract), what a handout says, and rendering one or a batch.

``parameters`` (audiences, paper, formats, the checks) → ``content`` (the pieces the template
displays) → ``export`` (HTML and PDF pages) → ``render`` (one handout through papermill) →
``workshop`` (many in parallel, with an index page).
"""

from __future__ import annotations

import importlib

# public name -> module of this package, loaded on first use (PEP 562): the handout kernel
# imports only ``content`` and ``parameters``, the CLI only ``parameters`` until a command runs.
_LAZY = {
    **dict.fromkeys(
        ("AUDIENCES", "FORMATS", "PAPER_SIZES", "check_parameters", "template_path"), "parameters"
    ),
    "render_handout": "render",
    **dict.fromkeys(("WorkshopResult", "render_workshop"), "workshop"),
}

__all__ = sorted(_LAZY)


def __getattr__(name: str):
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'innerthigh_kit.handouts' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module_name}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(_LAZY)
