"""The shape of the register's model, read in one place: what each field of an entry is.

The spreadsheet layout (:mod:`dpia.io.importer`), the CSV reader (:mod:`dpia.io.bulk`), the loader's
messages (:mod:`dpia.io.store`) and the forms (:mod:`dpia.workbench.editors`) all ask this module what
a field holds, instead of taking pydantic's annotations apart themselves. A :class:`Field` says it in
the register's words: its YAML name and path, its kind, whether it is a list, required or optional,
the values of an enumeration, the sections a reference names (:data:`~dpia.model.entities.REFERENCES`)
and the model of a nested part.

>>> from dpia.model import Party
>>> [(f.alias, f.kind, f.many) for f in fields(Party)][:5]
[('id', 'str', False), ('name', 'str', False), ('role', 'enum', False), ('location', 'model', False), ('processor_of', 'reference', False)]
>>> [f.dotted for f in walk(Party)][3:6]
['location', 'location.country', 'location.transfer_mechanism']
>>> field_at(Party, ("processor_of",)).targets
('parties',)
"""

from __future__ import annotations

import datetime as dt
import functools
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from pydantic import AwareDatetime, BaseModel, NaiveDatetime
from pydantic.fields import FieldInfo

from dpia.model.entities import Controller, NESTED_REFERENCES, REFERENCES, SECTIONS

# What a field holds (``many``: a list of it).
KINDS = ("str", "int", "float", "bool", "date", "datetime", "enum", "reference", "model", "other")
_SCALARS: dict[Any, str] = {str: "str", int: "int", float: "float", bool: "bool", dt.date: "date",
                            dt.datetime: "datetime", AwareDatetime: "datetime", NaiveDatetime: "datetime"}


def unwrap(annotation: Any) -> tuple[Any, bool]:
    """The type inside ``Annotated[...]`` and ``X | None``, and whether None is allowed.

    >>> unwrap(int | None), unwrap(typing.Annotated[str, "id"]), unwrap(list[str])
    ((<class 'int'>, True), (<class 'str'>, False), (list[str], False))
    """
    optional = False
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            optional = optional or len(args) < len(typing.get_args(annotation))
            if len(args) != 1:
                return annotation, optional
            annotation = args[0]
        else:
            return annotation, optional


def is_model(tp: Any) -> bool:
    """Whether ``tp`` is a model class (a nested part of an entry)."""
    return isinstance(tp, type) and issubclass(tp, BaseModel)


@dataclass(frozen=True)
class Field:
    """One field of a model, in the register's words.

    ``path`` is the YAML names from the model walked down to this field; ``required`` says whether an
    entry must have it (a field inside an optional part is not required); ``targets`` are the sections
    whose ids a reference names; ``model`` is the class of a nested part (``many``: a list of parts).
    """

    name: str
    alias: str
    path: tuple[str, ...]
    kind: str
    many: bool
    required: bool
    optional: bool
    description: str = ""
    enum: type[Enum] | None = None
    targets: tuple[str, ...] = ()
    model: type[BaseModel] | None = None
    info: FieldInfo | None = field(default=None, compare=False, repr=False)

    @property
    def dotted(self) -> str:
        """The path with dots, as the spreadsheet's columns and the CSV headers name it."""
        return ".".join(self.path)

    @property
    def values(self) -> tuple[str, ...]:
        """The values of an enumeration, in the model's order (empty for any other kind)."""
        return tuple(str(m.value) for m in self.enum) if self.enum else ()

    def default(self) -> Any:
        """The default a new entry gets, as the YAML holds it; None for a field without one."""
        if self.info is None or self.info.is_required():
            return None
        return plain(self.info.get_default(call_default_factory=True))


def plain(value: Any) -> Any:
    """A model value as the YAML holds it: enum members as their values, parts as mappings by YAML name.

    >>> from dpia.model import Location
    >>> plain(Location(country="US", transfer_mechanism="scc"))
    {'country': 'US', 'transfer_mechanism': 'scc'}
    """
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, BaseModel):
        return {f.alias: plain(getattr(value, f.name)) for f in fields(type(value))}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def section_of(cls: type[BaseModel]) -> str | None:
    """The section whose entries ``cls`` describes (``"controller"`` for the controller), else None."""
    if cls is Controller:
        return "controller"
    return next((name for name, model in SECTIONS.items() if model is cls), None)


@functools.cache
def fields(cls: type[BaseModel], section: str | None = None, at: tuple[str, ...] = ()) -> tuple[Field, ...]:
    """The fields of ``cls``, in the model's order (one level; see :func:`walk` for the parts' fields).

    ``section`` (by default the one ``cls`` describes) and ``at`` (where ``cls`` sits in that
    section's entries, e.g. ``("risks",)`` for a DPIA's risks) decide which fields are references.
    """
    return tuple(_fields(cls, section or section_of(cls), at, (), True))


def _fields(cls: type[BaseModel], section: str | None, at: tuple[str, ...], prefix: tuple[str, ...],
            required: bool) -> Iterator[Field]:
    refs = {**REFERENCES.get(section, {}), **NESTED_REFERENCES.get(section, {})} if section else {}
    for name, info in cls.model_fields.items():
        alias = info.alias or name
        path = prefix + (alias,)
        tp, optional = unwrap(info.annotation)
        many = typing.get_origin(tp) is list
        if many:
            tp, _ = unwrap((typing.get_args(tp) or (str,))[0])
        targets = refs.get(".".join(at + path), ())
        if is_model(tp):
            kind = "model"
        elif isinstance(tp, type) and issubclass(tp, Enum):
            kind = "enum"
        elif tp is str and targets:
            kind = "reference"
        else:
            kind = _SCALARS.get(tp, "other")
        yield Field(name, alias, path, kind, many, required and info.is_required(), optional,
                    (info.description or "").strip(), tp if kind == "enum" else None, targets if kind == "reference" else (),
                    tp if kind == "model" else None, info)


def walk(cls: type[BaseModel], section: str | None = None, at: tuple[str, ...] = ()) -> Iterator[Field]:
    """Every field of ``cls`` depth first: a nested part, then its own fields (paths below the part's).

    A list of parts (a DPIA's risks) is given as one field and not entered: its entries are walked
    with ``walk(field.model, section, at=field.path)``.

    >>> from dpia.model import Flow
    >>> [(f.dotted, f.kind, f.many, f.targets) for f in walk(Flow) if f.kind == "reference"][:2]
    [('from', 'reference', False, ('controller', 'schools', 'parties', 'systems', 'subjects')), ('to', 'reference', False, ('controller', 'schools', 'parties', 'systems'))]
    """
    yield from _walk(cls, section or section_of(cls), at, (), True)


def _walk(cls, section, at, prefix, required) -> Iterator[Field]:
    for f in _fields(cls, section, at, prefix, required):
        yield f
        if f.kind == "model" and not f.many:
            yield from _walk(f.model, section, at, f.path, f.required)


def by_alias(cls: type[BaseModel]) -> dict[str, Field]:
    """The fields of ``cls`` by YAML name, in the model's order."""
    return {f.alias: f for f in fields(cls)}


def field_at(cls: type[BaseModel], loc: tuple[Any, ...]) -> Field | None:
    """The field a location names (YAML names, list positions skipped), through parts and lists of
    parts; None when it names none.

    >>> from dpia.model import Dpia
    >>> field_at(Dpia, ("risks", 0, "measures", 1, "reduces")).values
    ('likelihood', 'impact', 'both')
    """
    names = [part for part in loc if not isinstance(part, int)]
    found = None
    for i, part in enumerate(names):
        if i and (found is None or found.model is None):
            return None
        owner = found.model if i else cls
        found = by_alias(owner).get(part)
    return found


def model_at(cls: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel]:
    """The model that owns the field the last part of ``loc`` names: the deepest part ``loc`` reaches
    (``cls`` itself for a top-level field), whose field names are those allowed there.

    >>> from dpia.model import Party
    >>> model_at(Party, ("location", "contry")).__name__, model_at(Party, ("nmae",)).__name__
    ('Location', 'Party')
    """
    owner = cls
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        found = by_alias(owner).get(part)
        if found is None or found.model is None:
            break
        owner = found.model
    return owner


__all__ = ["Field", "KINDS", "by_alias", "field_at", "fields", "is_model", "model_at", "plain", "section_of", "unwrap", "walk"]
