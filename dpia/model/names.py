"""Names for people: every id and enumeration value that reaches a human-facing text goes through here.

The register refers to everything by id (``fotograaf``, ``class_group``, ``p-photo``). People read
names: the party's name, the category's or purpose's label in their language, a flow as "van X naar
Y". :func:`name_of` gives that name for any id of a register; with ``officer=True`` it adds the id in
brackets ("Fotostudio Helmond-Peel (fotograaf)"), which is what the privacy officer's views show.
:func:`label_of` does the same for enumeration values (a party's role, a legal basis, an Art. 9
subtype, a transfer mechanism, a severity), from the message catalogue. :func:`join_words` and
:func:`join_names` write a list as "A, B en C" / "A, B and C".

The index of a register (id → entity) is built once per register object and kept while the register
lives; it is rebuilt when an entity is added, removed or renamed, so an edit in the workbench is seen
at the next call. Bulk flows (``flows.csv``) are looked up in their table by binary search, never
turned into objects.

>>> from dpia.model import Register
>>> reg = Register.model_validate({
...     "controller": {"id": "board", "name": "Stichting Voorbeeld", "sector": "vo"},
...     "parties": [{"id": "photo", "name": "Fotostudio Peel", "role": "processor"}],
...     "data_categories": [{"id": "class_group", "label": {"nl": "Klas", "en": "Class"}, "type": "ordinary"}],
...     "flows": [{"id": "f1", "from": "board", "to": "photo", "categories": ["class_group"]}],
... })
>>> name_of(reg, "class_group", "nl")
'Klas'
>>> name_of(reg, "photo", "en", officer=True)
'Fotostudio Peel (photo)'
>>> name_of(reg, "f1", "nl")
'van Stichting Voorbeeld naar Fotostudio Peel'
>>> join_names(reg, ["photo", "board"], "nl")
'Fotostudio Peel en Stichting Voorbeeld'
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
import types
import typing
import weakref
from collections.abc import Iterable, Iterator, Sequence
from enum import StrEnum
from typing import Any

from pydantic import BaseModel

from dpia import model as m
from dpia.i18n import BABEL_LOCALES, default_lang, format_date, format_datetime, format_duration, format_list, has, LANGS, t
from dpia.model.findings import Kind, Severity
import re
from dpia.model.flowtable import bulk_flows

# ---- enumeration values


# The catalogue prefix of each enumeration's labels (``<prefix><value>``).
ENUM_PREFIXES: dict[type[StrEnum], str] = {
    m.PartyRole: "role_",
    m.TransferMechanism: "transfer_",
    m.SystemKind: "systemkind_",
    m.DataType: "datatype_",
    m.SpecialSubtype: "special_",
    m.SubjectKind: "subjectkind_",
    m.AgeBand: "ageband_",
    m.LegalBasis: "basis_",
    m.AgreementKind: "agreement_",
    m.Consenter: "consenter_",
    m.RetentionTrigger: "trigger_",
    m.RecordType: "recordtype_",
    m.MeasureKind: "measurekind_",
    m.MeasureStatus: "measurestatus_",
    m.DpiaStatus: "dpiastatus_",
    m.RiskScale: "scale_",
    m.Level: "level_",
    m.Criterion: "criterion_",
    m.RiskKind: "riskkind_",
    m.RiskSource: "risksource_",
    m.AffectedRight: "right_",
    m.MeasureEffect: "effect_",
    m.DecisionOutcome: "decision_",
    m.BreachNature: "form_nature_",
    m.NotifyDecision: "notifydecision_",
    m.PromiseKind: "promisekind_",
    m.MrRight: "mrright_",
    m.Sector: "sector_",
    m.SystemTrait: "trait_",
    m.DataNature: "datanature_",
    Severity: "severity_",
    Kind: "kind_",
}


def enum_prefixes() -> dict[type[StrEnum], str]:
    """Every enumeration whose values reach people, with its catalogue prefix."""
    return ENUM_PREFIXES


def label_of(value: StrEnum | str, lang: str | None = None, enum: type[StrEnum] | None = None) -> str:
    """The readable label of an enumeration value.

    ``value`` is an enum member, or its plain value together with ``enum``. A value without a label
    is returned as it is.

    >>> label_of(m.LegalBasis.LEGAL_OBLIGATION, "nl")
    'wettelijke plicht'
    >>> label_of("sub_processor", "en", m.PartyRole)
    'sub-processor'
    """
    if enum is None:
        enum = type(value) if isinstance(value, StrEnum) else None
    prefix = enum_prefixes().get(enum) if enum is not None else None
    raw = value.value if isinstance(value, StrEnum) else str(value)
    key = f"{prefix}{raw}" if prefix else None
    if key and has(key):
        return t(key, lang)
    return raw


# ---- the model's fields


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """The models a field holds: ``X``, ``X | None``, ``list[X]``, ``Annotated[X, ...]``."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _models_in(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, list, tuple, set, frozenset):
        return [tp for arg in typing.get_args(annotation) for tp in _models_in(arg)]
    return [annotation] if isinstance(annotation, type) and issubclass(annotation, BaseModel) else []


def model_fields(cls: type[BaseModel] | None = None, section: str | None = None,
                 prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Every field of the register's model as ``(section, path)``, the path in YAML names: the
    controller's fields and each section's, and the fields of the models inside them (a school of the
    controller, a risk of a DPIA), in the model's order. A bilingual ``Text`` is one field.

    >>> fields = list(model_fields())
    >>> ("parties", ("location", "country")) in fields, ("dpias", ("risks", "likelihood", "level")) in fields
    (True, True)
    """
    if cls is None:
        for name, model in {"controller": m.Controller, **m.SECTIONS}.items():
            yield from model_fields(model, name)
        return
    for name, info in cls.model_fields.items():
        path = prefix + (info.alias or name,)
        yield section, path
        for inner in _models_in(info.annotation):
            if inner is not m.Text:
                yield from model_fields(inner, section, path)


def field_key(section: str, path: Sequence[str]) -> str:
    """The catalogue key of a field's label, the same for every face: ``field.<section>.<path>``.

    >>> field_key("parties", ("location", "country"))
    'field.parties.location.country'
    """
    return f"field.{section}.{'.'.join(path)}"


def field_label_key(section: str, path: Sequence[str]) -> str | None:
    """The key that labels a field, or None: the field's own label; for the two boxes of a bilingual
    text (``label.nl``), the language's name."""
    key = field_key(section, path)
    if has(key):
        return key
    if len(path) > 1 and path[-1] in LANGS and has(f"language_{path[-1]}"):
        return f"language_{path[-1]}"
    return None


def field_label(section: str, path: Sequence[str], lang: str | None = None) -> str:
    """A field's label for people ('Land (code, bijv. NL)'), or its name when it has none.

    >>> field_label("agreements", ("security_annex",), "nl"), field_label("measures", ("label", "en"), "en")
    ('Beveiligingsbijlage', 'English')
    """
    key = field_label_key(section, path)
    return t(key, lang) if key else path[-1]


@functools.cache
def _fields_named() -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    named: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for section, path in model_fields():
        named.setdefault(path[-1], []).append((section, path))
    return named


def _field_in_sentence(name: str, lang: str) -> str:
    """A field a finding names by its YAML name ('security_annex'), by its label in lower case when the
    model has one field of that name ('beveiligingsbijlage'), else by the name itself."""
    places = _fields_named().get(name, [])
    if len(places) != 1:
        return name
    key = field_label_key(*places[0])
    return _sentence_case(t(key, lang)) if key else name


# ---- lists, dates, countries


def join_words(items: Iterable[str], lang: str | None = None) -> str:
    """'A', 'A en B', 'A, B en C' (Dutch) / 'A, B and C' (English), in the order given, empty items left
    out (``dpia.i18n.format_list``).

    >>> join_words(["naam", "klas", "pasfoto"], "nl")
    'naam, klas en pasfoto'
    >>> join_words(["name", "class"], "en")
    'name and class'
    """
    return format_list([i for i in items if i], lang)


def date_text(value: dt.date | str, lang: str | None = None) -> str:
    """A date written out: '31 juli 2026' / '31 July 2026' (``dpia.i18n.format_date``). A value that is
    no date is returned as it is.

    >>> date_text("2026-07-31", "nl")
    '31 juli 2026'
    """
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        return str(value)
    return format_date(value, lang)


def country_name(code: str, lang: str | None = None) -> str:
    """The country's name for an ISO 3166-1 alpha-2 code ('US' → 'Verenigde Staten'), from Babel's
    locale data; an unknown code is returned as it is.

    >>> country_name("US", "nl")
    'Verenigde Staten'
    """
    from babel import Locale

    return Locale.parse(BABEL_LOCALES[lang or default_lang()]).territories.get(str(code).upper(), code)


# ---- the index of a register


class _Index:
    """id → entity for one register, with the fingerprint it was built from."""

    def __init__(self, register: m.Register):
        self.fingerprint = _fingerprint(register)
        self.missing: set[str] = set()  # ids looked up and not found since this build
        self.bulk_ends: tuple | None = None  # (src codes, src names, dst codes, dst names) of flows.csv
        self.by_id: dict[str, Any] = register.index()
        self.risks: dict[tuple[str, str], m.Risk] = {}
        first_risk: dict[str, m.Risk] = {}
        for d in register.dpias:
            for r in d.risks:
                self.risks[(d.id, r.id)] = r
                first_risk.setdefault(r.id, r)
        for rid, r in first_risk.items():  # a risk id is unique within its DPIA only: first one wins
            self.by_id.setdefault(rid, r)


_SECTIONS = operator.attrgetter(*m.SECTIONS)


def _fingerprint(register: m.Register) -> tuple:
    """Which lists the register holds and how long they are: changes when an entity is added or
    removed or a section replaced (a name changed in place needs no new index: names are read live)."""
    sections = (register.controller.schools, *_SECTIONS(register))
    return (id(register.controller), *map(id, sections), *map(len, sections))


_INDEXES: dict[int, _Index] = {}


def _index(register: m.Register) -> _Index:
    key = id(register)
    idx = _INDEXES.get(key)
    if idx is None or idx.fingerprint != _fingerprint(register):
        if idx is None:
            weakref.finalize(register, _INDEXES.pop, key, None)
        idx = _INDEXES[key] = _Index(register)
    return idx


def entity_of(register: m.Register, entity_id: str) -> Any:
    """The entity with this id (controller, school, party, ..., risk), or None. Bulk flows are not
    entities here; :func:`name_of` finds them in their table.

    An id the index does not know, or knows under another id (renamed in place), rebuilds the index
    once: an entity added or renamed in the workbench is found without a new register object.
    """
    idx = _index(register)
    e = idx.by_id.get(entity_id)
    if e is not None and getattr(e, "id", entity_id) == entity_id:
        return e
    if e is None and (entity_id in idx.missing or _bulk_ends(register, entity_id) is not None):
        return None
    idx = _INDEXES[id(register)] = _Index(register)
    e = idx.by_id.get(entity_id)
    if e is None:
        idx.missing.add(entity_id)
    return e


# ---- names


def _text(label: m.Text, lang: str) -> str:
    return label.pick(lang)


def _codes(column) -> tuple[Any, Any]:
    """A column as (codes, values): a categorical without copying, anything else as itself."""
    if hasattr(column, "cat"):
        return column.cat.codes.to_numpy(), column.cat.categories.to_numpy()
    return None, column.to_numpy()


def _bulk_ends(register: m.Register, flow_id: str) -> tuple[str, str] | None:
    """Source and destination of a bulk flow (``flows.csv``) by binary search, or None."""
    table = bulk_flows(register)
    if table is None:
        return None
    k = table.row_of(flow_id)
    if k is None:
        return None
    idx = _index(register)
    if idx.bulk_ends is None:
        idx.bulk_ends = (*_codes(table.flows["src"]), *_codes(table.flows["dst"]))
    src_codes, src_values, dst_codes, dst_values = idx.bulk_ends
    src = src_values[k] if src_codes is None else src_values[src_codes[k]]
    dst = dst_values[k] if dst_codes is None else dst_values[dst_codes[k]]
    return str(src), str(dst)


def _plain_name(register: m.Register, entity_id: str, lang: str, officer: bool) -> str | None:
    e = entity_of(register, entity_id)
    if e is None:
        ends = _bulk_ends(register, entity_id)
        if ends is None:
            return None
        return t("names_flow", lang, src=name_of(register, ends[0], lang), dst=name_of(register, ends[1], lang))
    return _entity_name(register, e, lang, officer)


def _entity_name(register: m.Register, e: Any, lang: str, officer: bool) -> str | None:
    if isinstance(e, (m.Controller, m.School, m.Party, m.System)):
        return e.name
    if isinstance(e, m.DataCategory):
        if e.confidential and not officer:
            return t("names_confidential_category", lang)
        return _text(e.label, lang)
    if isinstance(e, (m.SubjectCategory, m.Purpose, m.AccessRole, m.Measure)):
        return _text(e.label, lang)
    if isinstance(e, (m.Dpia, m.Risk)):
        return _text(e.title, lang)
    if isinstance(e, m.Flow):
        return t("names_flow", lang, src=name_of(register, e.from_, lang), dst=name_of(register, e.to, lang))
    if isinstance(e, m.ProcessingAgreement):
        kind = t(f"names_agreementkind_{e.kind.value}", lang)
        return t("names_agreement", lang, kind=kind, parties=join_names(register, e.parties, lang))
    if isinstance(e, m.ConsentArrangement):
        return t("names_consent", lang, purpose=name_of(register, e.purpose, lang))
    if isinstance(e, m.RetentionRule):
        target = e.category if e.category is not None else e.purpose
        named = _plain_name(register, target, lang, officer) or target
        return t("names_retention", lang, target=_sentence_case(named) if e.category is not None else named)
    if isinstance(e, m.Acceptance):
        return t("names_acceptance", lang, finding=finding_name(register, e.finding, lang))
    if isinstance(e, m.Breach):
        return e.title
    if isinstance(e, m.Promise):
        return _text(e.text, lang)
    return None


def name_of(register: m.Register, entity_id: str, lang: str | None = None, officer: bool = False) -> str:
    """The name of any entity of ``register`` in the reader's language.

    Parties, systems, schools and the controller by their name; categories, subjects, purposes,
    access roles and measures by their label; DPIAs and risks by their title; a flow as "van X naar
    Y"; an agreement as its kind with its parties; a consent arrangement, a retention rule and an
    acceptance by what they are about. A confidential data category is named only for the officer.
    ``officer=True`` adds the id: "Fotostudio Helmond-Peel (fotograaf)". An id the register does not
    know is returned as it is.
    """
    lang = lang or default_lang()
    name = _plain_name(register, entity_id, lang, officer)
    if name is None:
        return entity_id
    return f"{name} ({entity_id})" if officer else name


def names_of(register: m.Register, ids: Iterable[str], lang: str | None = None, officer: bool = False) -> list[str]:
    """:func:`name_of` for each id, in the order given."""
    return [name_of(register, i, lang, officer) for i in ids]


def join_names(register: m.Register, ids: Iterable[str], lang: str | None = None, officer: bool = False) -> str:
    """The ids as names in a sentence: 'Magister, Microsoft 365 en de website'."""
    return join_words(names_of(register, ids, lang, officer), lang)


def finding_name(register: m.Register, finding_id: str, lang: str | None = None, officer: bool = False) -> str:
    """A finding id ('DPIA202/f-photo/va-photo') as the rule's title and what it is about; with
    ``officer=True`` the id follows in brackets."""
    code, *subjects = finding_id.split("/")
    if not has(f"rule.{code}.title"):  # the rules' texts are in the catalogue, under their code
        return finding_id if officer else t("names_unknown_finding", lang)
    title = t(f"rule.{code}.title", lang)
    about = name_of(register, subjects[0], lang) if subjects else ""  # the first subject: where to look
    text = t("names_finding", lang, title=title, about=about) if about else t("names_finding_bare", lang, title=title)
    return f"{text} ({finding_id})" if officer else text


# ---- message parameters of findings

# What each message parameter of a rule holds, so that a finding's text can name it for people.
# "entity": one id; "entities": ids joined by ", " (maybe cut with "…"); "path": ids joined by " → ";
# an enumeration class: one value (or several joined by ", " or " + "); the other kinds are named.
PARAM_KINDS: dict[str, Any] = {
    **dict.fromkeys(
        ("flow", "src", "dst", "holder", "party", "purpose", "category", "system", "agreement", "access_role",
         "consent", "dpia", "controller", "operator", "subject", "processor", "subprocessor", "rule",
         "acceptance", "target", "breach", "promise", "place"),
        "entity",
    ),
    **dict.fromkeys(("flows", "categories", "purposes", "parties", "subjects", "rules", "roles", "agreements"), "entities"),
    **dict.fromkeys(("discovered", "deadline", "notified", "closed"), "moment"),
    "processing": "processing",
    "path": "path",
    "risk": "risk",
    "finding": "finding",
    **dict.fromkeys(("until", "since", "review_by", "decided", "date"), "date"),
    **dict.fromkeys(("duration", "agreement_duration", "legal_duration"), "duration"),
    "country": "country",
    "role": m.PartyRole,
    "basis": m.LegalBasis,
    "record_type": m.RecordType,
    **dict.fromkeys(("trigger", "legal_trigger", "agreement_trigger"), m.RetentionTrigger),
    "mechanism": m.TransferMechanism,
    **dict.fromkeys(("likelihood", "impact"), m.Level),
    "criteria": m.Criterion,
    "band": "band",
    "step": "step",
    "missing": "field",
}

# The age bands as DPIA403-405 print them (``dpia.rules.consent.BAND_LABEL``).
_BANDS = {"<16": m.AgeBand.UNDER_16, "16-17": m.AgeBand.AGE_16_TO_17, "18+": m.AgeBand.ADULT}

# Kinds of entity named in a sentence by their label in lower case ("klas en leerjaar"), by their
# label in quotes (a purpose, a DPIA), or by their proper name (a party, a system).
_LOWER = (m.DataCategory, m.SubjectCategory, m.AccessRole)
_QUOTED = (m.Purpose, m.Dpia, m.Risk, m.Measure, m.Breach, m.Promise)


def _sentence_case(text: str) -> str:
    """'Klas en leerjaar' → 'klas en leerjaar'; 'ECK-iD' and 'BSN' stay as they are."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def in_sentence(register: m.Register, entity_id: str, lang: str | None = None) -> str:
    """The reader's name of an entity as it stands inside a sentence: a category or role in lower
    case, a purpose or DPIA in quotes, a party or system by its proper name."""
    lang = lang or default_lang()
    e = entity_of(register, entity_id)
    name = (_entity_name(register, e, lang, False) if e is not None else None) or name_of(register, entity_id, lang)
    if isinstance(e, _LOWER):
        return _sentence_case(name)
    if isinstance(e, _QUOTED):
        return t("names_quoted", lang, name=name)
    return name


def _split(value: str, sep: str = ", ") -> tuple[list[str], bool]:
    items = [v.strip() for v in str(value).split(sep) if v.strip()]
    more = bool(items) and items[-1] in ("…", "...")
    return [i for i in items if i not in ("…", "...")], more


def _officer_name(register: m.Register, entity_id: str, lang: str) -> str:
    """'Name (id)' for the officer; a flow (named by its ends elsewhere in the message) by its id."""
    e = entity_of(register, entity_id)
    if e is None or isinstance(e, m.Flow):
        return entity_id
    return name_of(register, entity_id, lang, True)


def _entities(register: m.Register, value: Any, lang: str, officer: bool) -> str:
    items, more = _split(value)
    named = [_officer_name(register, i, lang) if officer else in_sentence(register, i, lang) for i in items]
    if more:
        named.append(t("names_more", lang))
    return ", ".join(named) if officer else join_words(named, lang)


def param_text(register: m.Register, key: str, value: Any, lang: str | None = None, officer: bool = False,
               params: dict[str, Any] | None = None) -> Any:
    """One message parameter of a finding, named for people (``officer=True``: with the ids).

    ``params`` are the finding's other parameters (a risk is named within its DPIA).
    """
    lang = lang or default_lang()
    if isinstance(value, m.Text):  # a text of the register in both languages (a promise's)
        return value.pick(lang)
    kind = PARAM_KINDS.get(key)
    if value is None or kind is None:
        return value
    if kind == "entity":
        ident = str(value).strip("'")
        return _officer_name(register, ident, lang) if officer else in_sentence(register, ident, lang)
    if kind == "entities":
        return _entities(register, value, lang, officer)
    if kind == "path":
        items = str(value).split(" → ")
        return " → ".join(_officer_name(register, i, lang) if officer else name_of(register, i, lang) for i in items)
    if kind == "risk":
        dpia = (params or {}).get("dpia")
        risk = _index(register).risks.get((dpia, str(value))) if dpia else None
        if risk is None:
            return name_of(register, str(value), lang, officer)
        title = _text(risk.title, lang)
        return f"{title} ({value})" if officer else t("names_quoted", lang, name=title)
    if kind == "finding":
        return finding_name(register, str(value), lang, officer)
    if kind == "date":
        return value if officer else date_text(value, lang)
    if kind == "processing":  # a system's id, or 'party/purpose' for flows outside any system (dpia.analysis.processing)
        party, _, purpose = str(value).partition("/")
        if not purpose:
            return _officer_name(register, party, lang) if officer else in_sentence(register, party, lang)
        named = (lambda i: _officer_name(register, i, lang)) if officer else (lambda i: in_sentence(register, i, lang))
        return t("names_processing", lang, party=named(party), purpose=named(purpose))
    if kind == "moment":  # 'YYYY-MM-DD HH:MM' (Dutch time), as the breach rules give it
        try:
            moment = dt.datetime.fromisoformat(str(value))
        except ValueError:
            return value
        return value if officer or " " not in str(value) else format_datetime(moment, lang)
    if kind == "duration":
        return duration_text(str(value), lang)
    if kind == "country":
        return f"{country_name(str(value), lang)} ({value})" if officer else country_name(str(value), lang)
    if kind == "band":
        band = _BANDS.get(str(value))
        return label_of(band, lang) if band is not None else value
    if kind == "step":
        key_ = f"names_step_{value}"
        return t(key_, lang) if has(key_) else value
    if kind == "field":
        parts = [p.strip() for p in str(value).replace(" + ", ", ").split(", ") if p.strip()]
        return join_words([_field_in_sentence(p, lang) for p in parts], lang)
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        parts = [p.strip() for p in str(value).replace(" + ", ", ").split(", ") if p.strip()]
        return join_words([label_of(p, lang, kind) for p in parts], lang)
    return value


def params_for(register: m.Register, params: dict[str, Any], lang: str | None = None, officer: bool = False) -> dict[str, Any]:
    """Every parameter of a finding named for people (see :func:`param_text`)."""
    return {k: param_text(register, k, v, lang, officer, params) for k, v in params.items()}


_DURATION = re.compile(r"^P(?:(?P<y>\d+)Y)?(?:(?P<m>\d+)M)?(?:(?P<w>\d+)W)?(?:(?P<d>\d+)D)?$")


def duration_text(value: str, lang: str | None = None) -> str:
    """'P5Y6M' → '5 jaar en 6 maanden' / '5 years and 6 months' (``dpia.i18n.format_duration``); a value
    that is no duration is returned as it is.

    >>> duration_text("P5Y6M", "nl"), duration_text("P1Y2W", "en"), duration_text("P1M", "nl")
    ('5 jaar en 6 maanden', '1 year and 2 weeks', '1 maand')
    """
    m = _DURATION.match(value)
    if not m:
        return value
    units = {"y": "year", "m": "month", "w": "week", "d": "day"}
    return format_duration([(int(m.group(u)), unit) for u, unit in units.items() if m.group(u) is not None], lang)
