"""The lever diagrams of a handout as SVG, and each exercise's figure as a small PNG, drawn once
per version of the drawing code and data.

The cache key covers every file of the drawing package (``innerthigh_kit.diagrams``), the
anatomy module and the anatomy data, so a change to any of them draws the diagrams afresh. A
workshop of twenty handouts draws each diagram once, and a handout kernel that finds them cached
need not import matplotlib at all.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import cache
from pathlib import Path

from .._atomic import write_atomic
from .._data import data_path
from ..errors import KitError


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "innerthigh-kit" / "diagrams"


@cache
def _code_fingerprint() -> str:
    """Changes whenever the drawing code or the anatomy data change (read once per process)."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    drawing = sorted((package / "diagrams").glob("*.py"))
    files = [package / "anatomy.py", package / "exercises" / "poses.py", *drawing]
    files += sorted(data_path("anatomy").glob("*"))
    for path in files:
        if path.is_file():
            digest.update(path.name.encode("utf-8"))
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def inline_svg(figure) -> str:
    """A matplotlib figure as SVG markup to inline in a page."""
    import io

    import matplotlib

    buffer = io.StringIO()
    # Text as <text>, not one path per glyph: a tenth of the markup, selectable in the PDF, and
    # nbconvert's HTML pass (BeautifulSoup over the whole page) stays quick.
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        figure.savefig(buffer, format="svg", bbox_inches="tight")
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]  # drop the XML prologue: it is inlined into HTML


def cached_svg(name: str) -> str:
    """The SVG markup of the named diagram from ``innerthigh_kit.diagrams``, drawn once."""
    path = _cache_dir() / f"{name}-{_code_fingerprint()}.svg"
    if path.is_file():
        return path.read_text(encoding="utf-8")
    from .. import diagrams

    svg = inline_svg(getattr(diagrams, name)())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, svg)
    except (OSError, KitError):
        pass  # a read-only home only costs the cache
    return svg


def _figure_key(exercise, phase: str, size: tuple[float, float], dpi: int) -> str:
    figure = getattr(exercise, "figure", None)
    record = json.dumps(dict(figure.record) if figure is not None else None, sort_keys=True, default=str)
    text = f"{_code_fingerprint()}|{record}|{phase}|{size}|{dpi}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def cached_figure_png(exercise, phase: str = "both", size=(1.5, 1.1), dpi: int = 150) -> bytes:
    """The PNG of an exercise's figure (``diagrams.exercise_figure``), drawn once for its pose data.

    The key is the pose data itself with the drawing code's fingerprint, so an edited pose is drawn
    afresh and twenty handouts of the same class draw each figure once. Kept in memory too.
    """
    key = _figure_key(exercise, phase, tuple(size), dpi)
    if key in _PNG:
        return _PNG[key]
    path = _cache_dir().parent / "figures" / f"{key}.png"
    if path.is_file():
        _PNG[key] = path.read_bytes()
        return _PNG[key]
    import io

    from ..diagrams.figures import exercise_figure

    buffer = io.BytesIO()
    exercise_figure(exercise, phase=phase, size=size).savefig(buffer, format="png", dpi=dpi)
    _PNG[key] = buffer.getvalue()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, _PNG[key])
    except (OSError, KitError):
        pass  # a read-only home only costs the cache
    return _PNG[key]


_PNG: dict[str, bytes] = {}
