"""The lever diagrams of a handout as SVG, drawn once per version of the drawing code and data.

The cache key covers every file of the drawing package (``innerthigh_kit.diagrams``), the
anatomy module and the anatomy data, so a change to any of them draws the diagrams afresh. A
workshop of twenty handouts draws each diagram once, and a handout kernel that finds them cached
need not import matplotlib at all.
"""

from __future__ import annotations

import hashlib
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
    files = [package / "anatomy.py", *drawing, *sorted(data_path("anatomy").glob("*"))]
    for path in files:
        if path.is_file():
            digest.update(path.name.encode("utf-8"))
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cached_svg(name: str) -> str:
    """The SVG markup of the named diagram from ``innerthigh_kit.diagrams``, drawn once."""
    path = _cache_dir() / f"{name}-{_code_fingerprint()}.svg"
    if path.is_file():
        return path.read_text(encoding="utf-8")
    import io

    import matplotlib

    from .. import diagrams

    figure = getattr(diagrams, name)()
    buffer = io.StringIO()
    # Text as <text>, not one path per glyph: a tenth of the markup, selectable in the PDF, and
    # nbconvert's HTML pass (BeautifulSoup over the whole page) stays quick.
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        figure.savefig(buffer, format="svg", bbox_inches="tight")
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]  # drop the XML prologue: it is inlined into HTML
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, svg)
    except (OSError, KitError):
        pass  # a read-only home only costs the cache
    return svg
