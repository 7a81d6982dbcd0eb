"""Where the kit's data lives: the one function that builds a path into data/.

In a source checkout (and an editable install) the data is the repository's top-level data/
folder. A wheel carries the same folder inside the package as ``innerthigh_kit/_data`` (mapped at
build time by hatch's ``force-include``), so there is only ever one copy in the repository.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .errors import LibraryError

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_dir() -> Path:
    """The folder that holds exercises/, anatomy/ and references.yaml."""
    for candidate in (_PACKAGE / "_data", _PACKAGE.parent / "data"):
        if (candidate / "exercises").is_dir():
            return candidate
    raise LibraryError(
        "The kit's data folder is missing: reinstall innerthigh-kit "
        "(it should sit beside the package or inside it as _data)."
    )


def data_path(*parts: str) -> Path:
    """A path inside the kit's data folder, e.g. ``data_path("anatomy", "joints.csv")``."""
    return data_dir().joinpath(*parts)
