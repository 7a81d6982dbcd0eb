"""A finding of a plan check: how serious, what, where (section, item) and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Finding:
    """One thing a check found: how serious, what, where (section, item) and how to fix it."""

    severity: str
    message: str
    section: str | None = None
    item: str | None = None
    fix: str = ""
    #: The rule a builder may let go for it, as in ``plan.relaxed`` (empty: none may).
    rule: str = ""

    def __str__(self) -> str:
        where = " / ".join(part for part in (self.section, self.item) if part)
        where = f" [{where}]" if where else ""
        fix = f" {self.fix}" if self.fix else ""
        return f"{self.severity}{where}: {self.message}{fix}"
