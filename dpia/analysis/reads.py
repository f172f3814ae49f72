"""What a check read of the register, for the incremental check (``dpia.check.Incremental``).

A :class:`Reads` is a stack of frames; a register made by :func:`reading` reports each field read
to it, and the tables (``dpia.analysis.tables.table``) and the rules' shared helpers pass on what
they read. This sits below the tables and the rules, which both report to it.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any

from pydantic import PrivateAttr

from dpia.model import Register


class Reads:
    """What the computations of a check read of the register, for the incremental check
    (``dpia.check.Incremental``): a stack of frames, one per rule being run (and per shared helper or
    table being built inside it). A frame collects ``("section", name)`` for a field of the register
    read directly and ``("table", name)`` for a table of :class:`dpia.analysis.tables.Tables`; a frame ends by
    passing what it collected to the frame around it, unless it is *muted* (a table's own reads: the
    incremental check compares the table itself, by value)."""

    def __init__(self) -> None:
        self.frames: list[set[tuple[str, str]]] = []

    def add(self, *deps: tuple[str, str]) -> None:
        if self.frames:
            self.frames[-1].update(deps)

    @contextmanager
    def frame(self, muted: bool = False):
        deps: set[tuple[str, str]] = set()
        self.frames.append(deps)
        try:
            yield deps
        finally:
            self.frames.pop()
            if not muted and self.frames:
                self.frames[-1].update(deps)


_REGISTER_FIELDS = frozenset(Register.model_fields) | {"_flow_table"}


_WHOLE = frozenset({"__dict__", "model_dump", "model_dump_json", "model_copy", "__iter__", "__getstate__"})


class _ReadRegister(Register):
    """A register that tells its :class:`Reads` which of its fields are read (made by
    :func:`reading`; the fields are the same objects as the original's). Reading it whole
    (``model_dump``, ``__dict__``) counts as reading every field."""

    _reads: Any = PrivateAttr(default=None)

    def __getattribute__(self, name: str) -> Any:
        if name in _REGISTER_FIELDS or name in _WHOLE:
            reads = object.__getattribute__(self, "__pydantic_private__").get("_reads")
            if reads is not None and reads.frames:
                if name in _WHOLE:
                    reads.add(*(("section", n) for n in _REGISTER_FIELDS))
                else:
                    reads.add(("section", name))
        return super().__getattribute__(name)


def reading(register: Register, reads: Reads) -> Register:
    """``register`` as a :class:`_ReadRegister` reporting to ``reads``."""
    out = _ReadRegister.model_construct(**{name: getattr(register, name) for name in Register.model_fields})
    out._flow_table = getattr(register, "_flow_table", None)
    out._reads = reads
    return out


def register_reads(register: Register) -> Reads | None:
    """The :class:`Reads` a register reports to (a register made by :func:`reading`), or None."""
    if type(register) is not _ReadRegister:
        return None
    return object.__getattribute__(register, "__pydantic_private__").get("_reads")
