"""Public names of a package, imported on first use (PEP 562): one loader for every package.

    __getattr__, __dir__ = lazy_names(__name__, {"build_plan": "build", ...}, globals())

Importing the package stays cheap; ``package.build_plan`` imports ``package.build`` the first
time it is asked for and keeps the value, so later look-ups are ordinary attribute reads.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable


def lazy_names(
    package: str, names: dict[str, str], namespace: dict, extra: Iterable[str] = ()
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for ``package``: each name loads from its submodule."""

    def __getattr__(name: str) -> object:
        module_name = names.get(name)
        if module_name is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f".{module_name}", package), name)
        namespace[name] = value
        return value

    listed = sorted({*names, *extra})

    def __dir__() -> list[str]:
        return list(listed)

    return __getattr__, __dir__
