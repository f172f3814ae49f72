"""Compliance rules, one module per theme (purposes, agreements, special data, consent, transfers,
access, retention, housekeeping). Importing a theme module registers its rules; ``load_all`` imports
every module in this package."""

from __future__ import annotations

from dpia.model.findings import Kind, Severity
from dpia.rules.base import REGISTRY, Context, Hit, Rule, load_all, rule, rules


__all__ = ["REGISTRY", "Context", "Hit", "Kind", "Rule", "Severity", "load_all", "rule", "rules"]
