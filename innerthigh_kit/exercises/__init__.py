"""The exercise library: the model, the schema, reading files, and the library itself.

``model`` (Exercise, Dosage, Caution) → ``schema`` (each field once: its rule, help and example)
→ ``files`` (safe YAML, every entry checked) → ``library`` (Library, load_library).
"""

from __future__ import annotations

from .files import read_exercise_file
from .library import Library, is_valid_id, load_library, load_references
from .model import Caution, Dosage, Exercise
from .schema import FIELD_NAMES, FIELDS, schema_markdown, schema_table

__all__ = [
    "FIELDS",
    "FIELD_NAMES",
    "Caution",
    "Dosage",
    "Exercise",
    "Library",
    "is_valid_id",
    "load_library",
    "load_references",
    "read_exercise_file",
    "schema_markdown",
    "schema_table",
]
