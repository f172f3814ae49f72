"""One form for every kind of entry the officer maintains by hand, drawn from the register's model.

:class:`EntityEditor` offers consents, access roles, retention rules, measures, acceptances, parties and
systems. Pick the kind and an entry (by name, "Name (id)"), or *new*; the form has one control per
field of the pydantic model (``dpia.model``): a dropdown for an enumeration (its catalogue label) or a
reference (the register's entries by name), a checklist for a list of either, a date picker for a
date, a tick box for a yes/no, a text box for text, two boxes for a Dutch/English label.

Saving writes only the fields that changed (``LoadedRegister.update``), so untouched fields, comments
and order stay; a new entry is added next to its kind (``LoadedRegister.add``) and refused when its
id exists, so running a notebook twice never adds twice. A refused save shows the located problems
in the form, in the officer's language, and leaves nothing in memory (``dpia.workbench.controls.save_with``).
"""

from __future__ import annotations

import datetime as dt
import html
import types
import typing
from collections.abc import Callable
from enum import StrEnum
from typing import Any

import ipywidgets as w
from pydantic import BaseModel

from dpia.check import CheckResult
from dpia.i18n import t
from dpia.model import REFERENCES, SECTIONS
from dpia.model.names import field_label as names_field_label, field_label_key, label_of
from dpia.io.store import LoadedRegister
from dpia.workbench.controls import catalogue_label, CheckList, Displayable, guarded, named_options, save_with, slug

KINDS = ("consents", "access_roles", "retention", "measures", "acceptances", "parties", "systems")
NEW = "__new__"  # the entry dropdown's "new entry" choice
LONG_TEXT = {"reason", "detail", "how_recorded", "withdrawal", "notes"}
# A new entry goes after the last entry of its kind that shares this field (the file's grouping).
NEAR = {"parties": "role", "systems": "operated_by", "measures": "kind", "retention": "trigger", "access_roles": "system"}
# Ids of new entries follow the example register's habits: m-…, r-…, c-…
ID_PREFIX = {"measures": "m-", "retention": "r-", "consents": "c-", "acceptances": "a-"}
LAYOUT = {"layout": w.Layout(width="40em"), "style": {"description_width": "14em"}}


# ---- reading the model


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """The type inside ``X | None`` and whether None is allowed."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return (args[0] if len(args) == 1 else annotation), True
    return annotation, False


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _is_enum(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, StrEnum)


def fields_of(cls: type[BaseModel]) -> list[tuple[str, str, Any]]:
    """``(attribute, YAML name, field info)`` of a model, in the model's order."""
    return [(name, info.alias or name, info) for name, info in cls.model_fields.items()]


def label_key(section: str, path: tuple[str, ...]) -> str | None:
    """The catalogue key naming a field, the one every face uses (``dpia.model.names.field_label_key``).

    >>> label_key("measures", ("due",)), label_key("parties", ("location", "country"))
    ('field.measures.due', 'field.parties.location.country')
    """
    return field_label_key(section, path)


def field_label(section: str, path: tuple[str, ...], lang: str | None) -> str:
    return names_field_label(section, path, lang)


def _plain(value: Any) -> Any:
    """Model values as the YAML holds them: enum members as their values, models as dicts."""
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, BaseModel):
        return {alias: _plain(getattr(value, name)) for name, alias, _ in fields_of(type(value))}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


# ---- one control per field


class Control:
    """A field's control: ``widget`` to show, ``get()`` the form's value as the YAML would hold it."""

    def __init__(self, path: tuple[str, ...], widget: w.Widget, get: Callable[[], Any], set_: Callable[[Any], None]):
        self.path, self.widget, self.get, self.set = path, widget, get, set_


def _reference_options(register, sections: tuple[str, ...], lang: str | None) -> list[tuple[str, str]]:
    ids: list[str] = []
    for section in sections:
        if section == "controller":
            ids.append(register.controller.id)
        elif section == "schools":
            ids += [s.id for s in register.controller.schools]
        else:
            ids += [e.id for e in getattr(register, section)]
    return named_options(register, ids, lang, officer=True)


def _controls(register, section: str, cls: type[BaseModel], lang: str | None, prefix: tuple[str, ...] = ()) -> list[Control]:
    """The controls of a model's fields; a nested model (location, label, given_by) gives its own."""
    out: list[Control] = []
    refs = REFERENCES.get(section, {}) if not prefix else {}
    for name, alias, info in fields_of(cls):
        path = prefix + (alias,)
        description = field_label(section, path, lang)
        tp, optional = _unwrap(info.annotation)
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if _is_model(tp):
            inner = _controls(register, section, tp, lang, path)
            out.append(Control(path, w.HTML(f"<b>{html.escape(description)}</b>"), lambda: None, lambda _v: None))
            out += inner
        elif origin is list and alias in refs:
            out.append(_checklist(path, _reference_options(register, refs[alias], lang), description))
        elif origin is list and args and _is_enum(args[0]):
            out.append(_checklist(path, [(label_of(v, lang), v.value) for v in args[0]], description))
        elif origin is list:
            out.append(_lines(path, description))
        elif alias in refs:
            options = _reference_options(register, refs[alias], lang)
            out.append(_dropdown(path, ([("—", None)] if optional else []) + options, description))
        elif _is_enum(tp):
            options = [(label_of(v, lang), v.value) for v in tp]
            out.append(_dropdown(path, ([("—", None)] if optional else []) + options, description))
        elif tp is dt.date:
            picker = w.DatePicker(description=description, **LAYOUT)
            out.append(Control(path, picker, lambda p=picker: p.value, lambda v, p=picker: setattr(p, "value", v)))
        elif tp is bool:
            box = w.Checkbox(description=description, indent=False)
            out.append(Control(path, box, lambda b=box: bool(b.value), lambda v, b=box: setattr(b, "value", bool(v))))
        elif tp is int:
            out.append(_text(path, description, number=True))
        else:
            out.append(_text(path, description, long=alias in LONG_TEXT))
    return out


def _dropdown(path, options, description) -> Control:
    box = w.Dropdown(options=options, description=description, **LAYOUT)
    values = [v for _, v in options]

    def set_(value):
        if value not in values:  # e.g. an id the register no longer has: show it, so nothing is lost silently
            box.options = list(box.options) + [(str(value), value)]
            values.append(value)
        box.value = value

    return Control(path, box, lambda: box.value, set_)


def _checklist(path, options, description) -> Control:
    checks = CheckList(options, description)
    holder: dict[str, list] = {"order": []}

    def get():
        ticked = set(checks.value)
        kept = [v for v in holder["order"] if v in ticked]  # the officer's order, where it stays
        return kept + [v for v in checks.value if v not in kept]

    def set_(value):
        holder["order"] = list(value or [])
        checks.value = tuple(value or ())

    return Control(path, checks.ui, get, set_)


def _lines(path, description) -> Control:
    area = w.Textarea(description=description, **LAYOUT)
    return Control(path, area, lambda: [x.strip() for x in area.value.splitlines() if x.strip()],
                   lambda v: setattr(area, "value", "\n".join(v or [])))


def _text(path, description, long: bool = False, number: bool = False) -> Control:
    box = (w.Textarea if long else w.Text)(description=description, **LAYOUT)

    def get():
        value = box.value.strip()
        if not value:
            return None
        if number:
            try:
                return int(value)
            except ValueError:
                return value  # refused by validation, with its place in the file
        return value

    return Control(path, box, get, lambda v: setattr(box, "value", "" if v is None else str(v)))


# ---- the editor


class EntityEditor(Displayable):
    """Edit or add an entry of any kind in :data:`KINDS`, one control per field of its model."""

    def __init__(self, loaded: LoadedRegister, on: dt.date | None = None, lang: str | None = None,
                 on_saved: Callable[[CheckResult], None] | None = None, kinds: tuple[str, ...] = KINDS,
                 kind: str = "measures"):
        self.loaded, self.on, self.lang, self.on_saved = loaded, on, lang, on_saved
        self.result: CheckResult | None = None
        self.kinds = kinds
        self.kind = w.Dropdown(options=[(catalogue_label("remove_kind", k, lang).capitalize(), k) for k in kinds],
                               value=kind if kind in kinds else kinds[0], description=t("remove_kind", lang), **LAYOUT)
        self.entry = w.Dropdown(description=t("remove_entry", lang), **LAYOUT)
        self.form = w.VBox()
        self.save_button = w.Button(description=t("widget_save", lang), button_style="primary", icon="save")
        self.status = w.HTML()
        self.controls: dict[tuple[str, ...], Control] = {}
        self._id_edited = False
        self._filling = False
        self.kind.observe(lambda _c: self.refresh(build=True), names="value")
        self.entry.observe(lambda _c: self.load_entry(), names="value")
        self.save_button.on_click(guarded(self, self.save))
        self.ui = w.VBox([self.kind, self.entry, self.form, self.save_button, self.status])
        self.refresh(build=True)

    # ---- building the form
    @property
    def section(self) -> str:
        return self.kind.value

    @property
    def model(self) -> type[BaseModel]:
        return SECTIONS[self.section]

    def entries(self) -> list:
        return list(getattr(self.loaded.register, self.section))

    def refresh(self, build: bool = True) -> None:
        """Take the register as it is now (after a save here or elsewhere): entries, options, values."""
        reg = self.loaded.register
        keep = self.entry.value
        self.controls = {c.path: c for c in _controls(reg, self.section, self.model, self.lang)}
        for c in self.controls.values():
            if isinstance(c.widget, (w.Text, w.Textarea, w.Dropdown, w.DatePicker, w.Checkbox)):
                c.widget.observe(lambda _c: self._suggest_id(), names="value")
        self.controls[("id",)].widget.observe(lambda _c: self._id_typed(), names="value")
        self.form.children = [c.widget for c in self.controls.values()]
        named = named_options(reg, [e.id for e in self.entries()], self.lang, officer=True)
        options = [(t("editor_new", self.lang), NEW)] + named
        self._filling = True
        self.entry.options = options
        self.entry.value = keep if keep in [v for _, v in options] else (named[0][1] if named else NEW)
        self._filling = False
        self.load_entry()

    def current(self):
        return next((e for e in self.entries() if e.id == self.entry.value), None)

    def load_entry(self) -> None:
        """Fill the form from the chosen entry, or with the model's defaults for a new one."""
        if self._filling:
            return
        entry = self.current()
        values = _plain(entry) if entry is not None else {}
        self._filling = True
        for path, control in self.controls.items():
            control.set(_at(values, path) if entry is not None else _default(self.model, path))
        self._filling = False
        self.controls[("id",)].widget.disabled = entry is not None  # renaming would break what refers to it
        self._id_edited = False
        self.status.value = ""

    def _id_typed(self) -> None:
        if not self._filling and self.entry.value == NEW:
            self._id_edited = bool(self.controls[("id",)].widget.value.strip())

    def _suggest_id(self) -> None:
        if self._filling or self.entry.value != NEW or self._id_edited:
            return
        self._filling = True
        self.controls[("id",)].widget.value = suggest_id(self.section, self.values(), self.loaded.register)
        self._filling = False

    # ---- what the form says
    def values(self) -> dict[str, Any]:
        """The form as the entry's YAML mapping (absent fields left out)."""
        out: dict[str, Any] = {}
        for path, control in self.controls.items():
            value = control.get()
            if value is not None:
                _put(out, path, value)
        return out

    def changes(self) -> dict[str, Any]:
        """The top-level fields whose form value differs from the entry's (``None`` removes a field)."""
        entry = self.current()
        before = _plain(entry)
        set_fields = entry.model_dump(by_alias=True, exclude_unset=True, mode="json")
        after = self.values()
        changed: dict[str, Any] = {}
        for name, alias, info in fields_of(self.model):
            old, new = before.get(alias), after.get(alias)
            if isinstance(old, dict) or isinstance(new, dict):
                # sub-fields the file does not write and the form leaves at their default stay unwritten
                written = set(set_fields.get(alias) or {})
                old, new = (_trim(v, written, info) if isinstance(v, dict) else v for v in (old, new))
            if _empty(old) and _empty(new) or old == new:
                continue
            if new is None and not info.is_required() and old == _plain(info.get_default(call_default_factory=True)):
                continue
            changed[alias] = new
        return changed

    def new_entry(self) -> dict[str, Any]:
        """The form as a new entry: fields left at no value, an empty list or an unticked box are not written."""
        return {k: v for k, v in self.values().items() if v not in (None, [], False)}

    # ---- saving
    def save(self) -> bool:
        """Write the edit or the new entry; True when saved. A refusal is shown in ``status``."""
        if self.entry.value == NEW:
            return self._add()
        entry = self.current()
        if entry is None:
            return False
        changes = self.changes()
        if not changes:
            self.status.value = html.escape(t("widget_nothing_to_save", self.lang))
            return False
        if not save_with(self, lambda: self.loaded.update(entry.id, **changes)):
            return False
        self._after_save(entry.id)
        return True

    def _add(self) -> bool:
        entry = self.new_entry()
        new_id = str(entry.get("id") or "").strip()
        if not new_id:
            self.status.value = html.escape(t("editor_need_id", self.lang))
            return False
        if new_id in self.loaded.register.index() or new_id in self.loaded.origins:
            self.status.value = html.escape(t("wizard_id_taken", self.lang, id=new_id))
            return False
        near_field = NEAR.get(self.section)
        near = {near_field: entry[near_field]} if near_field and near_field in entry else None
        if not save_with(self, lambda: self.loaded.add(self.section, entry, file=self._file(), near=near)):
            return False
        self._after_save(new_id)
        return True

    def _file(self) -> str | None:
        """The file that holds most entries of this kind (measures live in two files)."""
        from collections import Counter

        files = Counter(o.file.path.name for o in self.loaded.origins.values() if o.section == self.section and o.file.doc is not None)
        return files.most_common(1)[0][0] if files else None

    def _after_save(self, entry_id: str) -> None:
        saved = self.status.value
        self.refresh()
        if entry_id in [v for _, v in self.entry.options]:
            self.entry.value = entry_id
        self.status.value = saved


# ---- helpers


def suggest_id(section: str, values: dict[str, Any], register=None) -> str:
    """An id for a new entry from what the form says: its name or label, else what it is about.

    >>> suggest_id("measures", {"label": {"nl": "Versleutelde back-ups"}})
    'm-versleutelde-back-ups'
    >>> suggest_id("retention", {"category": "grades"})
    'r-grades'
    """
    label = values.get("label")
    base = values.get("name") or (label.get("nl") if isinstance(label, dict) else None) or values.get("category") \
        or values.get("purpose") or (values.get("finding") or "").lower().replace("/", "-") or ""
    base = slug(str(base))
    if not base:
        return ""
    prefix = ID_PREFIX.get(section, "")
    return base if base.startswith(prefix) else prefix + base


def _at(values: dict, path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(values, dict):
            return None
        values = values.get(key)
    return values


def _put(out: dict, path: tuple[str, ...], value: Any) -> None:
    for key in path[:-1]:
        out = out.setdefault(key, {})
    out[path[-1]] = value


def _empty(value: Any) -> bool:
    return value is None or value == [] or value == {}


def _trim(value: dict, written: set[str], info) -> dict | None:
    kept = {k: v for k, v in value.items() if v is not None and (k in written or v != _default_in(info, k))}
    return kept or None


def _default_in(info, key: str) -> Any:
    tp, _ = _unwrap(info.annotation)
    if not _is_model(tp):
        return None
    for name, alias, sub in fields_of(tp):
        if alias == key:
            return _plain(sub.get_default(call_default_factory=True)) if not sub.is_required() else None
    return None


def _default(cls: type[BaseModel], path: tuple[str, ...]) -> Any:
    """The model's default for a field of a new entry (None for a required one)."""
    for name, alias, info in fields_of(cls):
        if alias != path[0]:
            continue
        if len(path) > 1:
            tp, _ = _unwrap(info.annotation)
            return _default(tp, path[1:]) if _is_model(tp) else None
        return None if info.is_required() else _plain(info.get_default(call_default_factory=True))
    return None


def shown_fields(section: str) -> list[tuple[str, ...]]:
    """The field paths the editor shows for a kind (for the test that each has a catalogue label)."""
    out: list[tuple[str, ...]] = []

    def walk(cls, prefix):
        for _name, alias, info in fields_of(cls):
            tp, _ = _unwrap(info.annotation)
            out.append(prefix + (alias,))
            if _is_model(tp):
                walk(tp, prefix + (alias,))

    walk(SECTIONS[section], ())
    return out


__all__ = ["KINDS", "EntityEditor", "field_label", "label_key", "shown_fields", "suggest_id"]
