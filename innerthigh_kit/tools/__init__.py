"""Maintenance tools for the kit's developers (not part of the instructors' API)."""
