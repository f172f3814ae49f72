"""Modules: a sector DPIA published by someone else and imported into a school's register.

A module is a folder holding ``module.yaml`` (name, publisher, version) and register-shaped YAML files
with entity sections (never a ``controller``). A register imports it in its ``imports:`` section::

    imports:
      - id: sector-magister
        source: modules/sector-magister     # a folder inside the register folder
        version: "2026.1"
        checksum: "sha256:…"                # `dpia module checksum FOLDER` prints it

The checksum is taken over the module's YAML files (sorted relative paths and their bytes); one that
does not match is refused, so an update of the module is reviewed (``dpia diff OLD NEW``) before its
new checksum is pasted. An entity of the school's own files with the id of a module entity overrides
it; each override is recorded (``LoadedRegister.overrides``) and shown.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Module:
    """An imported module as it was read: the import's id, its name, publisher and version, and its folder."""

    import_id: str
    name: str
    publisher: str
    version: str
    folder: Path
    checksum: str


@dataclass(frozen=True)
class Override:
    """An entity of the school's register that replaces the module's entity with the same id."""

    entity_id: str
    section: str
    module: str  # the import's id
    fields: tuple[str, ...] = field(default=())  # the fields whose values differ (added or removed too)
    where: str = ""  # the school's file:line


def module_checksum(files: list[Path], folder: Path) -> str:
    """``sha256:<hex>`` over ``files`` (inside ``folder``): sorted relative paths, each with its bytes."""
    h = hashlib.sha256()
    for p in sorted(files, key=lambda p: p.relative_to(folder).as_posix()):
        rel = p.relative_to(folder).as_posix().encode("utf-8")
        data = p.read_bytes()
        h.update(len(rel).to_bytes(8, "big") + rel + len(data).to_bytes(8, "big") + data)
    return "sha256:" + h.hexdigest()


def inside(root: Path, target: Path) -> bool:
    """Whether ``target`` (links resolved) lies inside the folder ``root``."""
    base, real = os.path.realpath(root), os.path.realpath(target)
    return os.path.commonpath([base, real]) == base


def differing_fields(a: dict, b: dict) -> tuple[str, ...]:
    """The names of the fields whose values differ between two entries (the id excluded)."""
    return tuple(sorted(k for k in set(a) | set(b) if k != "id" and a.get(k) != b.get(k)))
