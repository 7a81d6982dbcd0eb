"""The handout's parameters: the one contract of the renderer, the template notebook and the CLI.

Who a handout is for, its paper sizes and file formats, the cells that never reach a page, and
``check_parameters``, which the template calls first (papermill passes parameters without
checking their types and only warns about unknown ones) and ``render_handout`` calls before a
kernel is started at all.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import HandoutError

AUDIENCES = ("participant", "instructor")
FORMATS = (".html", ".pdf", ".ipynb")
PAPER_SIZES = ("A4", "Letter")
#: Cells with these tags never reach a handout (papermill's injected cell has no tags of ours).
REMOVED_TAGS = ("remove-cell", "parameters", "injected-parameters")
KERNEL_NAME = "python3"


def template_path() -> Path:
    """The handout template notebook (notebooks/handout_template.ipynb, or its wheel copy)."""
    package = Path(__file__).resolve().parents[1]
    for candidate in (package / "_notebooks", package.parent / "notebooks"):
        path = candidate / "handout_template.ipynb"
        if path.is_file():
            return path
    raise HandoutError("The handout template notebook is missing; reinstall innerthigh-kit.")


def check_parameters(
    plan_path: object,
    audience: object = "participant",
    include_diagrams: object = True,
    paper: object = "A4",
    library_paths: object = (),
    *,
    plan_required: bool = True,
) -> None:
    """Check the handout parameters; raise HandoutError naming the parameter and the fix.

    Papermill passes parameters without checking their types and only warns about unknown
    ones, so the template calls this first, and ``render_handout`` calls it before starting
    a kernel at all (first with ``plan_required=False``, before a plan object is saved).
    """
    problems = []
    if not plan_required:
        pass
    elif not isinstance(plan_path, (str, os.PathLike)) or not str(plan_path).strip():
        problems.append(
            "plan_path: give the path of a class plan file (.yaml), e.g. -p plan_path my_class.yaml."
        )
    elif not Path(plan_path).is_file():
        problems.append(f"plan_path: there is no file at {str(plan_path)!r}. Check the path.")
    if audience not in AUDIENCES:
        problems.append(f"audience: {audience!r} is not allowed. Use one of: {', '.join(AUDIENCES)}.")
    if not isinstance(include_diagrams, bool):
        problems.append(f"include_diagrams: {include_diagrams!r} should be True or False.")
    if paper not in PAPER_SIZES:
        problems.append(f"paper: {paper!r} is not allowed. Use one of: {', '.join(PAPER_SIZES)}.")
    if isinstance(library_paths, (str, os.PathLike)) or not isinstance(library_paths, (list, tuple)):
        problems.append(
            "library_paths: give a list of your exercise files, e.g. ['my_moves.yaml'], or [] for none."
        )
    if problems:
        raise HandoutError(
            "The handout cannot be made with these parameters:\n  - " + "\n  - ".join(problems)
        )


def check_format(out: str | os.PathLike) -> str:
    """The handout format ``out`` asks for by its extension ('.html', '.pdf' or '.ipynb')."""
    suffix = Path(out).suffix.lower()
    if suffix not in FORMATS:
        raise HandoutError(
            f"{out}: a handout can be {', '.join(FORMATS)}; "
            f"{Path(out).suffix or 'no extension'} is not one of them."
        )
    return suffix
