"""Safe YAML loading, the one way the kit reads YAML (exercise files, references, class plans).

libyaml's safe loader is used when PyYAML was built with it (about ten times faster than the pure
Python one); both build only plain data (no Python objects), so a file can never run code.
"""

from __future__ import annotations

from typing import Any

import yaml

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """Parse YAML text into plain data (mappings, lists, strings, numbers, booleans, null)."""
    return yaml.load(text, Loader=SAFE_LOADER)  # noqa: S506 - a safe loader
