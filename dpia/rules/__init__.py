"""Compliance rules, one module per theme (purposes, agreements, special data, consent, transfers,
access, retention, housekeeping). Importing a theme module registers its rules; ``load_all`` imports
every module in this package."""

from __future__ import annotations

import importlib
import pkgutil

from dpia.rules.base import Context, Hit, REGISTRY, Rule, rule, rules
from dpia.model.findings import Kind, Severity

_LOADED = False


def load_all() -> None:
    """Import every theme module once, so every rule is registered."""
    global _LOADED
    if _LOADED:
        return
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name != "base":
            importlib.import_module(f"{__name__}.{info.name}")
    _LOADED = True


__all__ = ["REGISTRY", "Context", "Hit", "Kind", "Rule", "Severity", "load_all", "rule", "rules"]
