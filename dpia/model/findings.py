"""The vocabulary of findings: how severe, and of which kind (declared and wrong, or needed and missing)."""

from __future__ import annotations

from enum import StrEnum


class Severity(StrEnum):
    BLOCKER = "blocker"
    WARNING = "warning"
    INFO = "info"


SEVERITY_ORDER = {Severity.BLOCKER: 0, Severity.WARNING: 1, Severity.INFO: 2}


class Kind(StrEnum):
    VIOLATION = "violation"  # something declared is wrong
    GAP = "gap"  # something needed is not declared
