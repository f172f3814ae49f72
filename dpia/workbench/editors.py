"""Every form of the workbench, drawn from the register's model: one form system.

A :class:`Form` has one control per field of an entry's pydantic model (``dpia.model``, read through
:mod:`dpia.model.shape`): a dropdown for an enumeration (its label) or a reference (the register's
entries by name, "Name (id)"), a checklist for a list of either, one line per item for a list of
text, a date picker for a date, a date and a time (Dutch time) for a moment, a tick box for a yes/no,
a text box for text or a number, and a nested part's fields under its heading. A form shows every
field of its kind, or a chosen few named from the catalogue. The forms built on it:

* :class:`EntityEditor`: pick a kind and an entry (by name), or *new*, and edit any field of consents,
  access roles, retention rules, measures, acceptances, parties and systems;
* :class:`FlowEditor` and :class:`AgreementEditor`: the same editor for one kind and a few fields;
* :class:`SupplierWizard`: a party, its system, the flow to it and its agreement in one save, with a
  preview of the findings they would cause;
* :class:`BreachRecorder`: a breach in the breach log, discovered at a date and a time in Dutch time
  (the 72 hours to notify run from then).

One suggester (:func:`suggest_id`) proposes the id of every new entry from what the form says, until
the officer types one of their own; one refusal (:func:`refusals`) turns down a new entry without an
id, or with an id the register has (saying where), before anything changes, so running a notebook
twice never adds twice. An edit writes only the fields that changed (``LoadedRegister.update``), so
untouched fields, comments and order stay; a new entry goes next to its kind (:func:`add_entry`).
Every save goes through ``dpia.workbench.controls.save_with``: a refused save shows the located
problems in the officer's language and leaves nothing in memory.
"""

from __future__ import annotations

import datetime as dt
import html
from collections import Counter
from collections.abc import Callable
from typing import Any

import ipywidgets as w
from pydantic import BaseModel

from dpia.analysis.breach import DUTCH_TIME
from dpia.check import check, CheckResult, Finding
from dpia.i18n import t
from dpia.io.problems import ChangedOnDisk, RegisterInvalid
from dpia.io.store import LoadedRegister
from dpia.model import PartyRole, SECTIONS, shape
from dpia.model.names import field_label as names_field_label, field_label_key, label_of
from dpia.model.shape import plain
from dpia.workbench.controls import (catalogue_label, CheckList, Displayable, guarded, incremental, named_options, recheck, save_with, set_options, slug, tables_of)
from dpia.analysis.breach import impact

KINDS = ("consents", "access_roles", "retention", "measures", "acceptances", "parties", "systems")
NEW = "__new__"  # the entry dropdown's "new entry" choice
LONG_TEXT = {"reason", "detail", "how_recorded", "withdrawal", "notes"}
# A new entry goes after the last entry of its kind that shares this field (the file's grouping).
NEAR = {"parties": "role", "systems": "operated_by", "measures": "kind", "retention": "trigger", "access_roles": "system"}
# Ids of new entries follow the example register's habits: m-…, r-…, f-…, va-…, lek-…
ID_PREFIX = {"measures": "m-", "retention": "r-", "consents": "c-", "acceptances": "a-", "flows": "f-", "agreements": "va-",
             "breaches": "lek-"}
LAYOUT = {"layout": w.Layout(width="40em"), "style": {"description_width": "14em"}}


# ---- labels


def label_key(section: str, path: tuple[str, ...]) -> str | None:
    """The catalogue key naming a field, the one every face uses (``dpia.model.names.field_label_key``).

    >>> label_key("measures", ("due",)), label_key("parties", ("location", "country"))
    ('field.measures.due', 'field.parties.location.country')
    """
    return field_label_key(section, path)


def field_label(section: str, path: tuple[str, ...], lang: str | None) -> str:
    return names_field_label(section, path, lang)


# ---- one control per field


class Control:
    """A field's control: ``widget`` to show, ``input`` to set (the widget itself, a checklist or a
    moment), ``get()`` the value as the YAML holds it, ``set()`` to show one, ``offer()`` to take the
    register's current choices; an id may follow the values of the widgets in ``watch``."""

    def __init__(self, path: tuple[str, ...], widget: w.Widget, get: Callable[[], Any], set_: Callable[[Any], None],
                 input_: Any = None, watch: tuple = (), offer: Callable[[Any], None] | None = None):
        self.path, self.widget, self.get, self.set = path, widget, get, set_
        self.input = widget if input_ is None else input_
        self.watch = watch
        self.offer = offer or (lambda _register: None)


class Moment(Displayable):
    """A moment as a date and a time in Dutch time; ``value`` is the moment with its time zone."""

    def __init__(self, description: str, lang: str | None):
        self.date = w.DatePicker(description=description, style=LAYOUT["style"])
        self.time = w.TimePicker(description=t("recorder_time", lang), style=LAYOUT["style"])
        self.ui = w.HBox([self.date, self.time])

    @property
    def value(self) -> dt.datetime | None:
        if self.date.value is None or self.time.value is None:
            return None
        return dt.datetime.combine(self.date.value, self.time.value.replace(tzinfo=None), DUTCH_TIME)

    @value.setter
    def value(self, moment: dt.datetime | None) -> None:
        local = moment.astimezone(DUTCH_TIME) if moment is not None else None
        self.date.value = local.date() if local else None
        self.time.value = local.time().replace(second=0, microsecond=0, tzinfo=None) if local else None


def _ids(register, sections: tuple[str, ...]) -> list[str]:
    ids: list[str] = []
    for section in sections:
        if section == "controller":
            ids.append(register.controller.id)
        elif section == "schools":
            ids += [s.id for s in register.controller.schools]
        else:
            ids += [e.id for e in getattr(register, section)]
    return ids


def _offered(register, f: shape.Field, lang: str | None, choose: Callable | None) -> list[tuple[str, Any]]:
    """What a dropdown or checklist offers: an enumeration's values by label, the register's entries by
    name ("Name (id)"); ``choose`` (a function of the register) narrows them to the values it gives."""
    if f.kind == "enum":
        return [(label_of(v, lang, f.enum), v) for v in (choose(register) if choose else f.values)]
    return named_options(register, choose(register) if choose else _ids(register, f.targets), lang, officer=True)


def _control(register, f: shape.Field, label: str, lang: str | None, choose: Callable | None) -> Control:
    if f.kind == "model":  # a nested part: its heading (its fields have their own controls)
        return Control(f.path, w.HTML(f"<b>{html.escape(label)}</b>"), lambda: None, lambda _v: None)
    if f.kind in ("reference", "enum"):
        offered = lambda reg: _offered(reg, f, lang, choose)  # noqa: E731
        if f.many:
            return _checklist(f.path, label, offered, register, by_id=f.kind == "reference")
        return _dropdown(f.path, label, offered, register, f.optional)
    if f.many:
        return _lines(f.path, label)
    if f.kind == "date":
        picker = w.DatePicker(description=label, **LAYOUT)
        return Control(f.path, picker, lambda: picker.value, lambda v: setattr(picker, "value", v), watch=(picker,))
    if f.kind == "datetime":
        moment = Moment(label, lang)
        return Control(f.path, moment.ui, lambda: moment.value, lambda v: setattr(moment, "value", v), moment,
                       (moment.date, moment.time))
    if f.kind == "bool":
        box = w.Checkbox(description=label, indent=False)
        return Control(f.path, box, lambda: bool(box.value), lambda v: setattr(box, "value", bool(v)), watch=(box,))
    return _text(f.path, label, long=f.alias in LONG_TEXT, number={"int": int, "float": float}.get(f.kind))


def _dropdown(path, label, offered, register, optional: bool) -> Control:
    none = [("—", None)] if optional else []
    box = w.Dropdown(options=none + offered(register), description=label, **LAYOUT)

    def set_(value):
        if value is not None and value not in [v for _, v in box.options]:
            # e.g. an id the register no longer has: show it, so nothing is lost silently
            box.options = list(box.options) + [(str(value), value)]
        box.value = value

    def offer(reg):
        keep = box.value
        options = none + offered(reg)
        set_options(box, options)
        box.value = keep if keep in [v for _, v in options] else None

    return Control(path, box, lambda: box.value, set_, watch=(box,), offer=offer)


def _checklist(path, label, offered, register, by_id: bool) -> Control:
    """Ticks for a list; what the entry lists keeps its order, what is ticked anew follows it in the order
    of the ids (of the enumeration, for its values), whatever the language the options are named in."""
    checks = CheckList(offered(register), label)
    order: list = []

    def get():
        ticked = set(checks.value)
        kept = [v for v in order if v in ticked]  # the officer's order, where it stays
        new = [v for v in checks.value if v not in kept]
        return kept + (sorted(new) if by_id else new)

    def set_(value):
        order[:] = list(value or [])
        checks.value = tuple(value or ())

    return Control(path, checks.ui, get, set_, checks, offer=lambda reg: checks.set_options(offered(reg)))


def _lines(path, label) -> Control:
    area = w.Textarea(description=label, **LAYOUT)
    return Control(path, area, lambda: [x.strip() for x in area.value.splitlines() if x.strip()],
                   lambda v: setattr(area, "value", "\n".join(v or [])))


def _text(path, label, long: bool = False, number: Callable | None = None) -> Control:
    box = (w.Textarea if long else w.Text)(description=label, **LAYOUT)

    def get():
        value = box.value.strip()
        if not value:
            return None
        if number:
            try:
                return number(value)
            except ValueError:
                return value  # refused by validation, with its place in the file
        return value

    return Control(path, box, get, lambda v: setattr(box, "value", "" if v is None else str(v)), watch=(box,))


# ---- a form: the controls of one kind of entry


class Form(Displayable):
    """The controls of one kind of entry (``section``), generated from its model.

    ``fields`` chooses the fields shown and their order (path → catalogue key of the label, or None
    for the field's own label); by default every field is shown, a nested part's fields under its
    heading. ``choose`` narrows what a dropdown or checklist offers (path → a function of the register
    giving the values or ids). A form that edits existing entries shows a nested part whole. A new
    entry's id follows what the form says (:func:`suggest_id`) until the officer types one.
    """

    def __init__(self, register, section: str, lang: str | None, fields: dict[tuple[str, ...], str | None] | None = None,
                 choose: dict[tuple[str, ...], Callable] | None = None):
        self.section, self.lang, self.model = section, lang, SECTIONS[section]
        choose = choose or {}
        self.fields = {f.path: f for f in shape.walk(self.model, section)
                       if not (f.kind == "model" and f.many) and (fields is None or f.path in fields)}
        # in the model's order, so entries are written as the file's others are
        self.controls: dict[tuple[str, ...], Control] = {
            path: _control(register, f, t(fields[path], lang) if fields and fields[path] else field_label(section, path, lang),
                           lang, choose.get(path)) for path, f in self.fields.items()}
        self.new = True
        self._filling = False
        self._suggested = ""
        for path, control in self.controls.items():
            for widget in control.watch if path != ("id",) else ():
                widget.observe(lambda _c: self.follow_id(), names="value")
        self.ui = w.VBox(self.widgets(*(fields or self.controls)))

    def __getitem__(self, path: tuple[str, ...]) -> Any:
        """What the officer sets for a field: a text box, dropdown, checklist, date picker, moment..."""
        return self.controls[path].input

    def widgets(self, *paths: tuple[str, ...]) -> list[w.Widget]:
        return [self.controls[p].widget for p in paths]

    def refresh(self, register, *paths: tuple[str, ...]) -> None:
        """Offer the register's current entries in the dropdowns and checklists (of ``paths``, else all); values stay."""
        self._filling = True
        for path in paths or self.controls:
            self.controls[path].offer(register)
        self._filling = False

    def fill(self, entry: BaseModel | None = None, defaults: dict[tuple[str, ...], Any] | None = None) -> None:
        """Show ``entry``, or a new entry: the model's defaults, then ``defaults`` (path → value)."""
        values = plain(entry) if entry is not None else {}
        defaults = defaults or {}
        self._filling = True
        for path, control in self.controls.items():
            if entry is not None:
                control.set(_at(values, path))
            else:
                control.set(defaults[path] if path in defaults else self.fields[path].default())
        self._filling = False
        self.new = entry is None
        if ("id",) in self.controls:
            self.controls[("id",)].widget.disabled = not self.new  # renaming would break what refers to it
        self._suggested = ""
        self.follow_id()

    def follow_id(self) -> None:
        """A new entry's id follows what the form says, while the officer has not typed one of their own."""
        box = self.controls.get(("id",))
        if box is None or self._filling or not self.new or box.input.value.strip() not in ("", self._suggested):
            return
        self._suggested = suggest_id(self.section, self.values())
        self._filling = True
        box.input.value = self._suggested
        self._filling = False

    # ---- what the form says
    def values(self) -> dict[str, Any]:
        """The form as the entry's YAML mapping (fields without a value left out)."""
        out: dict[str, Any] = {}
        for path, control in self.controls.items():
            value = control.get()
            if value is not None:
                _put(out, path, value)
        return out

    def new_entry(self, given: dict[str, Any] | None = None) -> dict[str, Any]:
        """The form as a new entry, in the model's order, with ``given`` (YAML names) added or put
        instead: a field without a value, an empty list, an unticked box or a part left at its
        defaults is not written."""
        values = {**self.values(), **(given or {})}
        out: dict[str, Any] = {}
        for f in shape.fields(self.model):
            value = values.get(f.alias)
            if isinstance(value, dict) and f.model is not None:
                value = _trim(value, set(), f)
            if not (value is None or value is False or value == []):
                out[f.alias] = value
        return out

    def changes(self, entry: BaseModel) -> dict[str, Any]:
        """The top-level fields shown whose form value differs from the entry's (``None`` removes a field)."""
        before = plain(entry)
        set_fields = entry.model_dump(by_alias=True, exclude_unset=True, mode="json")
        after = self.values()
        shown = {path[0] for path in self.controls}
        changed: dict[str, Any] = {}
        for f in shape.fields(self.model):
            if f.alias not in shown:
                continue
            old, new = before.get(f.alias), after.get(f.alias)
            if isinstance(old, dict) or isinstance(new, dict):
                # sub-fields the file does not write and the form leaves at their default stay unwritten
                written = set(set_fields.get(f.alias) or {})
                old, new = (_trim(v, written, f) if isinstance(v, dict) else v for v in (old, new))
            if _empty(old) and _empty(new) or old == new:
                continue
            if new is None and not f.required and old == f.default():
                continue
            changed[f.alias] = new
        return changed


# ---- ids: one suggester, one refusal


def _day(moment: Any) -> str | None:
    return moment.date().isoformat() if isinstance(moment, dt.datetime) else None


def _system_words(values: dict[str, Any]) -> list[Any]:
    name = slug(str(values.get("name") or "")) or values.get("operated_by")
    return [name, "app"] if name and name == values.get("operated_by") else [name]


def _named_words(values: dict[str, Any]) -> list[Any]:
    label = values.get("label")
    return [values.get("name") or (label.get("nl") if isinstance(label, dict) else None) or values.get("category")
            or values.get("purpose") or values.get("finding")]


# What a new entry's id is made of, by kind: a flow's ends, an agreement's party, a breach's day and
# place, a system's name (the party's own, with -app, when it is named like the party); any other its
# name or label, or what it is about (a rule's category or purpose, an acceptance's finding).
ID_WORDS: dict[str, Callable[[dict[str, Any]], list[Any]]] = {
    "flows": lambda v: [v.get("from"), v.get("to")],
    "agreements": lambda v: (v.get("parties") or [None])[:1],
    "breaches": lambda v: [_day(v.get("discovered_at")), v.get("at")],
    "systems": _system_words,
}


def suggest_id(section: str, values: dict[str, Any]) -> str:
    """An id for a new entry from what the form says (YAML names); empty while that is not enough.

    >>> suggest_id("measures", {"label": {"nl": "Versleutelde back-ups"}}), suggest_id("retention", {"category": "grades"})
    ('m-versleutelde-back-ups', 'r-grades')
    >>> suggest_id("parties", {"name": "LeerApp B.V."}), suggest_id("systems", {"name": "LeerApp", "operated_by": "leerapp"})
    ('leerapp', 'leerapp-app')
    >>> suggest_id("flows", {"from": "omo-helmond", "to": "leerapp"}), suggest_id("agreements", {"parties": ["leerapp"]})
    ('f-omo-helmond-leerapp', 'va-leerapp')
    >>> suggest_id("breaches", {"discovered_at": dt.datetime(2026, 11, 28, 9, 15, tzinfo=DUTCH_TIME), "at": "snelsms"})
    'lek-2026-11-28-snelsms'
    >>> suggest_id("flows", {"from": "omo-helmond"})
    ''
    """
    words = ID_WORDS.get(section, _named_words)(values)
    if not all(words):
        return ""
    base = "-".join(slug(str(word)) for word in words)
    prefix = ID_PREFIX.get(section, "")
    return base if base.startswith(prefix) or not base else prefix + base


def refusals(loaded: LoadedRegister, entries: list[tuple[str, dict[str, Any]]], lang: str | None) -> list[str]:
    """Why new entries cannot be added, before anything changes: an entry without an id, or with an id
    the register has, said with the place of the entry that has it (in the officer's language).

    Every form that adds refuses through this, so a notebook run twice never adds twice."""
    out = []
    for _section, entry in entries:
        new_id = str(entry.get("id") or "").strip()
        if not new_id:
            out.append(t("editor_need_id", lang))
        elif new_id in loaded.origins or new_id in loaded.register.index() or (loaded.bulk and loaded.bulk.where(new_id)):
            out.append(f"{loaded.where(new_id)}: {t('wizard_id_taken', lang, id=new_id)}")
    return out


def add_entry(loaded: LoadedRegister, section: str, entry: dict[str, Any]) -> None:
    """Add a new entry next to its kind: in the file that holds most entries of the kind (measures live
    in two), after the last entry that shares its grouping field (:data:`NEAR`)."""
    files = Counter(o.file.path.name for o in loaded.origins.values() if o.section == section and o.file.doc is not None)
    near_field = NEAR.get(section)
    near = {near_field: entry[near_field]} if near_field in entry else None
    loaded.add(section, entry, file=files.most_common(1)[0][0] if files else None, near=near)


def _show(status: w.HTML, lines: list[str]) -> bool:
    """Show ``lines`` in a form's status line; True when there were any (a refusal)."""
    status.value = "<br>".join(html.escape(line) for line in lines)
    return bool(lines)


# ---- the entry editor


class EntityEditor(Displayable):
    """Edit or add an entry of any kind in ``kinds`` (:data:`KINDS`), one control per field of its model.

    With ``fields`` (for one kind) the form shows those fields only; without ``new`` it edits the
    existing entries only. Saving writes the changed fields (or the new entry) and runs the check again;
    ``on_saved`` (if given) receives the new result.
    """

    def __init__(self, loaded: LoadedRegister, on: dt.date | None = None, lang: str | None = None,
                 on_saved: Callable[[CheckResult], None] | None = None, kinds: tuple[str, ...] = KINDS,
                 kind: str = "measures", fields: dict[tuple[str, ...], str | None] | None = None, new: bool = True,
                 entry_label: str = "remove_entry"):
        self.loaded, self.on, self.lang, self.on_saved = loaded, on, lang, on_saved
        self.result: CheckResult | None = None
        self.kinds, self.fields, self.adds = kinds, fields, new
        self.kind = w.Dropdown(options=[(catalogue_label("remove_kind", k, lang).capitalize(), k) for k in kinds],
                               value=kind if kind in kinds else kinds[0], description=t("remove_kind", lang), **LAYOUT)
        self.entry = w.Dropdown(description=t(entry_label, lang), **LAYOUT)
        self.body = w.VBox()
        self.save_button = w.Button(description=t("widget_save", lang), button_style="primary", icon="save")
        self.status = w.HTML()
        self.form: Form | None = None
        self._filling = False
        self.kind.observe(lambda _c: self.refresh(), names="value")
        self.entry.observe(lambda _c: self.load_entry(), names="value")
        self.save_button.on_click(guarded(self, self.save))
        self.ui = w.VBox(([self.kind] if len(kinds) > 1 else []) + [self.entry, self.body, self.save_button, self.status])
        self.refresh()

    @property
    def section(self) -> str:
        return self.kind.value

    @property
    def model(self) -> type[BaseModel]:
        return SECTIONS[self.section]

    @property
    def controls(self) -> dict[tuple[str, ...], Control]:
        return self.form.controls

    def entries(self) -> list:
        return list(getattr(self.loaded.register, self.section))

    def refresh(self) -> None:
        """Take the register as it is now (after a save here or elsewhere): entries, options, values."""
        reg = self.loaded.register
        if self.form is None or self.form.section != self.section:
            self.form = Form(reg, self.section, self.lang, self.fields)
            self.body.children = [self.form.ui]
        else:
            self.form.refresh(reg)
        keep = self.entry.value
        named = named_options(reg, [e.id for e in self.entries()], self.lang, officer=True)
        options = ([(t("editor_new", self.lang), NEW)] if self.adds else []) + named
        self._filling = True
        set_options(self.entry, options)
        self.entry.value = keep if keep in [v for _, v in options] else (named[0][1] if named else options[0][1] if options else None)
        self._filling = False
        self.load_entry()

    def current(self):
        return next((e for e in self.entries() if e.id == self.entry.value), None)

    def load_entry(self) -> None:
        """Fill the form from the chosen entry, or with the model's defaults for a new one."""
        if self._filling:
            return
        self.form.fill(self.current())
        self.status.value = ""

    # ---- what the form says
    def values(self) -> dict[str, Any]:
        return self.form.values()

    def changes(self) -> dict[str, Any]:
        return self.form.changes(self.current())

    def new_entry(self) -> dict[str, Any]:
        return self.form.new_entry()

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
        if _show(self.status, refusals(self.loaded, [(self.section, entry)], self.lang)):
            return False
        if not save_with(self, lambda: add_entry(self.loaded, self.section, entry)):
            return False
        self._after_save(entry["id"])
        return True

    def _after_save(self, entry_id: str) -> None:
        saved = self.status.value
        self.refresh()
        if entry_id in [v for _, v in self.entry.options]:
            self.entry.value = entry_id
        self.status.value = saved


def _field(form: str, *path: str) -> property:
    """A form's control as an attribute of the widget that holds the form (``editor.categories``)."""
    return property(lambda self: getattr(self, form)[path], doc=f"The control of {'.'.join(path)}.")


class _OneKindEditor(EntityEditor):
    """The entry editor for the existing entries of one kind (``KIND``), with a few fields (``FIELDS``)."""

    KIND, ENTRY_LABEL = "", ""
    FIELDS: dict[tuple[str, ...], str | None] = {}

    def __init__(self, loaded: LoadedRegister, on: dt.date | None = None, lang: str | None = None,
                 on_saved: Callable[[CheckResult], None] | None = None):
        super().__init__(loaded, on, lang, on_saved, kinds=(self.KIND,), kind=self.KIND, fields=self.FIELDS, new=False,
                         entry_label=self.ENTRY_LABEL)


class FlowEditor(_OneKindEditor):
    """Edit one flow: where it goes, which data and for which purposes (the entry editor for flows).

    Saving goes through :meth:`LoadedRegister.save`: comments kept, written atomically, refused when
    the file changed on disk or when the edit makes the register invalid. After a save the check is run
    again and ``on_saved`` (if given) receives the new result.
    """

    KIND, ENTRY_LABEL = "flows", "widget_flow"
    FIELDS = {("to",): "widget_to", ("categories",): "widget_categories", ("purposes",): "widget_purposes"}

    flow = property(lambda self: self.entry, doc="The flow chosen.")
    to, categories, purposes = _field("form", "to"), _field("form", "categories"), _field("form", "purposes")


class AgreementEditor(_OneKindEditor):
    """Edit one agreement's coverage, validity and deletion clause, and save it like the flow editor."""

    KIND, ENTRY_LABEL = "agreements", "widget_agreement"
    FIELDS = {("categories",): "widget_categories", ("purposes",): "widget_purposes", ("valid_from",): "wizard_valid_from",
              ("valid_until",): "widget_valid_until", ("security_annex",): "wizard_security_annex",
              ("deletion_after_use",): "widget_deletion"}

    agreement = property(lambda self: self.entry, doc="The agreement chosen.")
    categories, purposes = _field("form", "categories"), _field("form", "purposes")
    valid_from, valid_until = _field("form", "valid_from"), _field("form", "valid_until")
    security_annex, deletion = _field("form", "security_annex"), _field("form", "deletion_after_use")


# ---- the "new supplier" wizard


def _processors(register) -> list[str]:
    return [p.id for p in register.parties if p.role.value in ("processor", "sub_processor")]


class SupplierWizard(Displayable):
    """Add a supplier in one form: the party, its system, the flow to it and its agreement.

    Four forms of the one form system (party, system, flow, agreement), each showing the fields a
    supplier needs; the agreement covers the flow's data and purposes. **Preview** shows the findings
    the new entries would cause, without saving; **Save** writes them through the loss-free save path
    (comments kept, each entry next to its kind in the file's style) and re-runs the check. A refused
    save leaves nothing in memory. For a party the register has, only what is new is added: a flow
    the register already has (same ends, data, purposes, people and channel) is not added again, and
    its flows without an agreement get the new one.
    """

    PARTY = {("name",): "wizard_name", ("id",): "wizard_id", ("role",): "wizard_role",
             ("processor_of",): "wizard_processor_of", ("location", "country"): "wizard_country"}
    SYSTEM = {("name",): "wizard_system_name", ("kind",): "wizard_system_kind"}
    FLOW = {("from",): "wizard_from", ("to",): "wizard_to", ("categories",): "widget_categories",
            ("purposes",): "widget_purposes", ("subjects",): "wizard_subjects", ("channel",): "wizard_channel"}
    AGREEMENT = {("kind",): "wizard_agreement_kind", ("valid_from",): "wizard_valid_from", ("valid_until",): "widget_valid_until",
                 ("deletion_after_use",): "widget_deletion", ("security_annex",): "wizard_security_annex",
                 ("privacy_annex_version",): "wizard_privacy_annex"}

    def __init__(self, loaded: LoadedRegister, on: dt.date | None = None, lang: str | None = None,
                 on_saved: Callable[[CheckResult], None] | None = None, result: CheckResult | None = None):
        self.loaded, self.on, self.lang, self.on_saved = loaded, on, lang, on_saved
        self.result: CheckResult | None = result  # the check of the register as saved (the baseline of a preview)
        self.new_findings: list[Finding] = []
        reg = loaded.register
        self.existing = w.Dropdown(description=t("wizard_existing", lang), **LAYOUT)
        roles = [r.value for r in PartyRole if r is not PartyRole.CONTROLLER]
        self.party_form = Form(reg, "parties", lang, self.PARTY, {("role",): lambda _r: roles, ("processor_of",): _processors})
        self.system_form = Form(reg, "systems", lang, self.SYSTEM)
        self.flow_form = Form(reg, "flows", lang, self.FLOW, {("to",): self._target_ids})
        self.agreement_form = Form(reg, "agreements", lang, self.AGREEMENT)
        self.party_form.fill(None, {("role",): "processor", ("location", "country"): "NL"})
        self.system_form.fill(None, {("kind",): "other"})
        self.flow_form.fill(None, {("from",): reg.controller.id})
        self.agreement_form.fill(None, {("kind",): "model_4_0", ("deletion_after_use",): True})
        self.with_system = w.Checkbox(value=True, description=t("wizard_with_system", lang), indent=False)
        self.with_flow = w.Checkbox(value=True, description=t("wizard_with_flow", lang), indent=False)
        self.with_agreement = w.Checkbox(value=True, description=t("wizard_with_agreement", lang), indent=False)
        self.preview_button = w.Button(description=t("wizard_preview", lang), icon="search")
        self.save_button = w.Button(description=t("widget_save", lang), button_style="primary", icon="save")
        self.status = w.HTML()
        self.findings = w.HTML()
        self._last_name = ""
        self.name.observe(lambda _c: self._name_changed(), names="value")
        self.existing.observe(lambda _c: self._existing_changed(), names="value")
        self.with_system.observe(lambda _c: self._targets(), names="value")
        self.preview_button.on_click(guarded(self, self.preview))
        self.save_button.on_click(guarded(self, self.save))
        h = lambda key: w.HTML(f"<h4>{html.escape(t(key, lang))}</h4>")  # noqa: E731
        self.ui = w.VBox([
            h("wizard_step_party"), self.existing, *self.party_form.widgets(*self.PARTY),
            h("wizard_step_system"), self.with_system, *self.system_form.widgets(*self.SYSTEM),
            h("wizard_step_flow"), self.with_flow, *self.flow_form.widgets(*self.FLOW),
            h("wizard_step_agreement"), self.with_agreement, *self.agreement_form.widgets(*self.AGREEMENT),
            w.HBox([self.preview_button, self.save_button]), self.status, self.findings,
        ])
        self.refresh()

    name, party_id, role = _field("party_form", "name"), _field("party_form", "id"), _field("party_form", "role")
    processor_of, country = _field("party_form", "processor_of"), _field("party_form", "location", "country")
    system_name, system_kind = _field("system_form", "name"), _field("system_form", "kind")
    source, target, channel = _field("flow_form", "from"), _field("flow_form", "to"), _field("flow_form", "channel")
    categories, purposes = _field("flow_form", "categories"), _field("flow_form", "purposes")
    subjects = _field("flow_form", "subjects")
    agreement_kind, valid_from = _field("agreement_form", "kind"), _field("agreement_form", "valid_from")
    valid_until, deletion = _field("agreement_form", "valid_until"), _field("agreement_form", "deletion_after_use")
    security_annex = _field("agreement_form", "security_annex")
    privacy_annex = _field("agreement_form", "privacy_annex_version")

    # ---- following the register (again after every save) and the officer
    def refresh(self) -> None:
        reg = self.loaded.register
        for form in (self.party_form, self.system_form, self.flow_form, self.agreement_form):
            form.refresh(reg)
        keep = self.existing.value
        set_options(self.existing, [(t("wizard_new_party", self.lang), None)]
                    + named_options(reg, [p.id for p in reg.parties], self.lang, officer=True))
        self.existing.value = keep if keep in {p.id for p in reg.parties} else None
        if self.source.value is None:
            self.source.value = reg.controller.id
        self._targets()

    def _existing_changed(self) -> None:
        """A party the register has: its fields are shown, not edited; only the new flow, system or agreement is added."""
        party = next((p for p in self.loaded.register.parties if p.id == self.existing.value), None)
        if party is not None:
            self.party_form.fill(party)
            self.with_system.value = False
        else:
            self.party_form.fill(None, {("role",): "processor", ("location", "country"): "NL"})
        for control in self.party_form.controls.values():
            control.widget.disabled = party is not None
        self._targets()

    def _target_ids(self, register) -> list[str]:
        """Where the flow can go for a party the register has: its systems, or the party itself."""
        pid = self.existing.value
        return sorted(s.id for s in register.systems if pid and s.operated_by == pid) + ([pid] if pid else [])

    def _targets(self) -> None:
        """The flow goes to the party's first system, or to the party; for a new party to what is added."""
        self.flow_form.refresh(self.loaded.register, ("to",))
        ids = self._target_ids(self.loaded.register)
        self.target.value = ids[0] if ids else None
        self.target.disabled = not self.existing.value or self.with_system.value

    def _name_changed(self) -> None:
        """The system's name follows the party's while the officer has not given it one of its own."""
        if not self.system_name.value or self.system_name.value == self._last_name:
            self.system_name.value = self.name.value
        self._last_name = self.name.value

    # ---- the entries the form describes
    @property
    def ids(self) -> dict[str, str]:
        """The ids of what the form adds, from the one suggester: the flow is named for where the officer
        sends the data (the new supplier, or the target chosen for a party the register has)."""
        pid = self.party_id.value.strip()
        to = self.target.value if self.existing.value and not self.with_system.value else pid
        return {"party": pid, "system": suggest_id("systems", {"name": self.system_name.value, "operated_by": pid}),
                "flow": suggest_id("flows", {"from": self.source.value, "to": to}),
                "agreement": suggest_id("agreements", {"parties": [pid]})}

    def _flow(self) -> dict[str, Any]:
        ids = self.ids
        to = ids["system"] if self.with_system.value else (self.target.value if self.existing.value else ids["party"])
        flow = self.flow_form.new_entry({"id": ids["flow"], "to": to})
        if self.with_agreement.value:
            flow["agreement"] = ids["agreement"]
        return flow

    def same_flow(self) -> str | None:
        """The flow the register already has that the form's flow would repeat (same ends, data,
        purposes, people and channel), else None."""
        def key(flow: dict) -> tuple:
            return (flow.get("from"), flow.get("to"), *(frozenset(flow.get(k) or ()) for k in ("categories", "purposes", "subjects")),
                    flow.get("channel"))

        wanted = key(self._flow())
        return next((f.id for f in self.loaded.register.flows if key(plain(f)) == wanted), None)

    def entries(self) -> list[tuple[str, dict[str, Any]]]:
        """``(section, entry)`` for every entry the form adds, in the register's YAML names."""
        ids = self.ids
        out: list[tuple[str, dict[str, Any]]] = []
        if not self.existing.value:
            party = self.party_form.new_entry({"id": ids["party"]})
            if party.get("role") != "sub_processor":
                party.pop("processor_of", None)
            if "location" in party:
                party["location"] = {**party["location"], "country": party["location"]["country"].upper()}
            out.append(("parties", party))
        if self.with_system.value:
            out.append(("systems", self.system_form.new_entry({"id": ids["system"], "operated_by": ids["party"],
                                                               "name": self.system_name.value.strip() or self.name.value.strip()})))
        flow = self._flow()
        if self.with_agreement.value:
            out.append(("agreements", self.agreement_form.new_entry({
                "id": ids["agreement"], "parties": [ids["party"]], "categories": flow.get("categories", []),
                "purposes": flow.get("purposes", [])})))
        if self.with_flow.value and self.same_flow() is None:
            out.append(("flows", flow))
        return out

    def uncovered_flows(self) -> list[str]:
        """For a new agreement with an existing party: its flows (to it or its systems) that name no agreement.

        They get the new agreement, as the officer means by "add its agreement"."""
        pid = self.existing.value
        if not (pid and self.with_agreement.value):
            return []
        reg = self.loaded.register
        holders = {pid} | {s.id for s in reg.systems if s.operated_by == pid}
        return sorted(f.id for f in reg.flows if f.to in holders and not f.agreement)

    def problems(self) -> list[str]:
        """What the form still lacks, in the officer's language (checked before anything is applied)."""
        out = []
        if not self.name.value.strip():
            out.append(t("wizard_need_name", self.lang))
        if not self.categories.value and (self.with_flow.value or self.with_agreement.value):
            out.append(t("wizard_need_categories", self.lang))
        entries = self.entries()
        if not entries:  # nothing, or only a flow the register has
            out += self._notes() or [t("wizard_nothing_to_add", self.lang)]
        return out or refusals(self.loaded, entries, self.lang)

    def _notes(self) -> list[str]:
        """That the flow is not added again, when the register has it."""
        same = self.same_flow() if self.with_flow.value else None
        return [t("wizard_flow_exists", self.lang, id=same)] if same else []

    def _baseline(self) -> set[str]:
        if self.result is None:
            self.result = recheck(self.loaded, self.on)
        return {f.id for f in self.result.findings}

    def _apply(self) -> None:
        for section, entry in self.entries():
            add_entry(self.loaded, section, entry)
        for flow in self.uncovered_flows():
            self.loaded.update(flow, agreement=self.ids["agreement"])

    # ---- preview and save
    def preview(self) -> list[Finding]:
        """The findings the new entries would cause (not yet in the register's check); nothing is saved."""
        self.findings.value = ""
        if _show(self.status, self.problems()):
            return []
        before = self._baseline()
        notes = self._notes()
        try:
            self._apply()
            fresh = self.loaded.preview()
        except (RegisterInvalid, ChangedOnDisk) as exc:
            _show(self.status, [p.render(self.lang) for p in exc.problems])
            return []
        finally:
            self.loaded.discard()
        after = check(fresh.register, self.on, fresh.where, fresh.module_of, incremental=incremental(self.loaded))
        self.new_findings = [f for f in after.findings if f.id not in before]
        _show(self.status, [t("wizard_preview_count", self.lang, count=len(self.new_findings)), *notes])
        self.findings.value = _findings_list_html(self.new_findings, self.lang)
        return self.new_findings

    def save(self) -> bool:
        """Write the new entries; True when saved. A refusal is shown in ``status`` and leaves nothing in memory."""
        self.findings.value = ""
        if _show(self.status, self.problems()):
            return False
        before = self._baseline()
        notes = self._notes()
        if not save_with(self, self._apply):
            return False
        self.status.value = "<br>".join([self.status.value, *(html.escape(n) for n in notes)])
        self.new_findings = [f for f in self.result.findings if f.id not in before]
        self.findings.value = _findings_list_html(self.new_findings, self.lang)
        self.refresh()
        return True


def _findings_list_html(findings: list[Finding], lang: str | None) -> str:
    e = html.escape
    if not findings:
        return f"<p>{e(t('wizard_no_new_findings', lang))}</p>"
    items = "".join(f"<li><b>{e(t('severity_' + f.severity.value, lang))}</b> {e(f.code)}: {e(f.message(lang))}</li>" for f in findings)
    return f"<ul>{items}</ul>"


# ---- recording a breach


def places(register) -> list[str]:
    """Where a breach can happen: the board, its schools, the parties and the systems."""
    return [register.controller.id, *(s.id for s in register.controller.schools), *(p.id for p in register.parties),
            *(s.id for s in register.systems)]


class BreachRecorder(Displayable):
    """Record a breach in the register's breach log (``breaches``), through the loss-free save path.

    The form of the one form system for a breach: an id (suggested from the day and the place), a
    title, when it was discovered (a date and a time in Dutch time: the 72 hours to notify the AP run
    from then), who reported it, where it happened, what happened (confidentiality, integrity,
    availability), the data and the people involved (ticked beforehand with what the register says
    reaches the place, :func:`dpia.analysis.breach.impact`), what was done, and the decisions on
    notifying when already taken (dated now). **Save** writes one entry at the end of the breach log
    (comments kept); a refused save (a discovery in the future, an unknown place, an id the register
    has) shows the located problems and leaves nothing in memory. With ``place`` (the explorer's
    dropdown) the recorder follows the explorer's place.
    """

    FIELDS = {("id",): "recorder_id", ("title",): "recorder_title", ("discovered_at",): "recorder_date",
              ("reported_by",): "recorder_reported_by", ("at",): "widget_place", ("nature",): "recorder_nature",
              ("categories",): "widget_categories", ("subjects",): "wizard_subjects", ("measures_taken",): "recorder_measures",
              ("ap", "decision"): "recorder_ap", ("ap", "reason"): "recorder_reason",
              ("data_subjects", "decision"): "recorder_subjects", ("data_subjects", "reason"): "recorder_reason"}

    def __init__(self, loaded: LoadedRegister, now: dt.datetime | None = None, lang: str | None = None,
                 on_saved: Callable[[CheckResult], None] | None = None, place: w.Dropdown | None = None):
        self.loaded, self.lang, self.on_saved = loaded, lang, on_saved
        self.now = (now or dt.datetime.now(dt.timezone.utc)).astimezone(DUTCH_TIME)
        self.on = self.now.date()
        self.result: CheckResult | None = None
        self.form = Form(loaded.register, "breaches", lang, self.FIELDS, {("at",): places})
        first = self.form[("at",)].options[0][1] if self.form[("at",)].options else None
        self.form.fill(None, {("discovered_at",): self.now, ("at",): place.value if place is not None else first})
        self.save_button = w.Button(description=t("widget_save", lang), button_style="primary", icon="save")
        self.status = w.HTML()
        self.place.observe(lambda _c: self._place_changed(), names="value")
        if place is not None:
            w.dlink((place, "value"), (self.place, "value"))
        self.save_button.on_click(guarded(self, self.save))
        pair = lambda *paths: w.HBox(self.form.widgets(*paths))  # noqa: E731
        self.ui = w.VBox([*self.form.widgets(*list(self.FIELDS)[:9]), pair(("ap", "decision"), ("ap", "reason")),
                          pair(("data_subjects", "decision"), ("data_subjects", "reason")), self.save_button, self.status])
        self.refresh()

    breach_id, title, place = _field("form", "id"), _field("form", "title"), _field("form", "at")
    reported_by, nature, measures = _field("form", "reported_by"), _field("form", "nature"), _field("form", "measures_taken")
    categories, subjects = _field("form", "categories"), _field("form", "subjects")
    ap, ap_reason = _field("form", "ap", "decision"), _field("form", "ap", "reason")
    informed, informed_reason = _field("form", "data_subjects", "decision"), _field("form", "data_subjects", "reason")
    date = property(lambda self: self.form[("discovered_at",)].date, doc="The day of discovery.")
    time = property(lambda self: self.form[("discovered_at",)].time, doc="The time of discovery (Dutch time).")

    def refresh(self) -> None:
        """The choices from the register (again after a save)."""
        self.form.refresh(self.loaded.register)
        self._place_changed()

    def _place_changed(self) -> None:
        """Tick the data and the people that reach the new place, by the register."""
        if self.place.value is not None:
            found = impact(self.loaded.register, self.place.value, tables_of(self.loaded.register))
            self.categories.value, self.subjects.value = found.categories, found.subjects

    def entry(self) -> dict[str, Any]:
        """The breach as it will be written (only the fields filled in); a decision on notifying is dated
        now, or at the discovery when that is later."""
        out = self.form.new_entry()
        discovered = out.get("discovered_at") or self.now
        for key in ("ap", "data_subjects"):
            part = out.pop(key, None) or {}
            if part.get("decision"):
                out[key] = {"decision": part["decision"], "decided_at": max(self.now, discovered),
                            **({"reason": part["reason"]} if part.get("reason") else {})}
        return out

    def problems(self) -> list[str]:
        """What the form misses before saving (the register's own checks come with the save)."""
        entry = self.entry()
        return refusals(self.loaded, [("breaches", entry)], self.lang) + [
            t(f"recorder_missing_{key}", self.lang) for key in ("title", "discovered_at", "nature") if not entry.get(key)]

    def save(self) -> bool:
        """Write the breach; True when saved. A refusal is shown in ``status`` and leaves nothing in memory."""
        if _show(self.status, self.problems()):
            return False
        entry = self.entry()
        if not save_with(self, lambda: add_entry(self.loaded, "breaches", entry)):
            return False
        self.status.value = html.escape(t("recorder_saved", self.lang, id=entry["id"])) + "<br>" + self.status.value
        self.refresh()
        return True


# ---- helpers


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


def _trim(value: dict, written: set[str], part: shape.Field) -> dict | None:
    """A part's values without those at their default that the file does not write (None when nothing remains)."""
    defaults = {f.alias: f.default() for f in shape.fields(part.model)}
    kept = {k: v for k, v in value.items() if v is not None and (k in written or v != defaults.get(k))}
    return kept or None


def shown_fields(section: str) -> list[tuple[str, ...]]:
    """The field paths the entry editor shows for a kind (for the test that each has a catalogue label)."""
    return [f.path for f in shape.walk(SECTIONS[section], section) if not (f.kind == "model" and f.many)]


__all__ = ["AgreementEditor", "BreachRecorder", "EntityEditor", "FlowEditor", "Form", "KINDS", "SupplierWizard", "add_entry",
           "field_label", "label_key", "places", "refusals", "shown_fields", "suggest_id"]
