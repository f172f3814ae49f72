"""Every rule proves itself: for each rule code a register that makes it fire and one that keeps it silent.

Like a linter's rule fixtures, each case is a small edit of one minimal valid register: the MINI register of
``tests/conftest.py`` (clean: no rule fires on it), read as plain data. A case is a function that edits a
fresh copy through :class:`Reg` and is declared with :func:`fires` (the finding ids it must produce,
exactly) or :func:`silent` (the rule must find nothing). The silent cases are near misses: the smallest
change from a firing register that keeps the rule quiet, and the boundaries (an agreement that ends on
the assessment date, a processor keeping data exactly as long as the school, a review date on the day).

``tests/test_rule_cases.py`` runs every case of every registered rule and fails for a rule without both a
firing and a silent case; it also reads every case register through the real loader (``dpia.io.store``).
"""

from __future__ import annotations

import copy
import datetime as dt
import textwrap
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import pytest
from ruamel.yaml import YAML

from dpia.check import Finding, check
from dpia.model import Register
from dpia.rules import REGISTRY, Context

from .conftest import MINI
from .test_screening import dpia as dpia_entry
from .test_signoff import ANSWERS, DECISION, LOW_RISK, SIGNOFF, complete

ON = dt.date(2026, 11, 29)  # the assessment date of every case unless it says otherwise
DAY = dt.timedelta(days=1)
TEXT = {"nl": "Tekst", "en": "Text"}


def _mini() -> dict[str, Any]:
    yaml = YAML(typ="safe")
    doc: dict[str, Any] = {}
    for text in MINI.values():
        doc.update(yaml.load(textwrap.dedent(text)))
    return doc


MINI_DOC = _mini()


class Reg:
    """A register under construction: the MINI register as plain data, changed by small named edits.

    >>> r = Reg().set("purposes", "bron", legal_basis=None)
    >>> r.entry("purposes", "bron").get("legal_basis") is None
    True
    """

    def __init__(self) -> None:
        self.doc: dict[str, Any] = copy.deepcopy(MINI_DOC)

    # ---- finding and changing entries
    def entry(self, section: str, id: str) -> dict[str, Any]:
        """The entry ``id`` of ``section`` (to change in place)."""
        for e in self.doc.get(section, []):
            if e["id"] == id:
                return e
        raise KeyError(f"{section}: no entry {id!r}")

    def set(self, section: str, id: str, **fields: Any) -> Reg:
        """Set fields of an entry; a field set to None is removed."""
        e = self.entry(section, id)
        for key, value in fields.items():
            key = {"from_": "from", "except_": "except"}.get(key, key)
            if value is None:
                e.pop(key, None)
            else:
                e[key] = value
        return self

    def add(self, section: str, **entry: Any) -> Reg:
        entry = {{"from_": "from", "except_": "except"}.get(k, k): v for k, v in copy.deepcopy(entry).items()}
        self.doc.setdefault(section, []).append(entry)
        return self

    def remove(self, section: str, id: str) -> Reg:
        self.doc[section].remove(self.entry(section, id))
        if not self.doc[section]:
            del self.doc[section]
        return self

    def controller(self, **fields: Any) -> Reg:
        for key, value in fields.items():
            if value is None:
                self.doc["controller"].pop(key, None)
            else:
                self.doc["controller"][key] = value
        return self

    # ---- shorthands for the entries the cases add most
    def party(self, id: str, role: str, country: str | None = "NL", mechanism: str | None = None, **more: Any) -> Reg:
        location = None if country is None else {"country": country, **({"transfer_mechanism": mechanism} if mechanism else {})}
        return self.add("parties", id=id, name=id.capitalize(), role=role,
                        **({"location": location} if location else {}), **more)

    def flow(self, id: str, src: str, dst: str, categories: list[str], purposes: list[str] = (), subjects: list[str] = (),
             **more: Any) -> Reg:
        return self.add("flows", id=id, from_=src, to=dst, categories=list(categories), purposes=list(purposes),
                        subjects=list(subjects), **more)

    def category(self, id: str, type: str = "ordinary", **more: Any) -> Reg:
        return self.add("data_categories", id=id, label={"nl": id, "en": id}, type=type, **more)

    def purpose(self, id: str, basis: str | None, needs: list[str] = (), **more: Any) -> Reg:
        return self.add("purposes", id=id, label={"nl": id, "en": id}, needs=list(needs),
                        **({"legal_basis": basis} if basis else {}), **more)

    def subject(self, id: str, kind: str = "pupil", band: str | None = None, **more: Any) -> Reg:
        return self.add("subjects", id=id, label={"nl": id, "en": id}, kind=kind, **({"age_band": band} if band else {}),
                        **more)

    def dpia(self, **fields: Any) -> Reg:
        """A DPIA 'd' of the pupil administration with every sign-off step (``tests/test_signoff.complete``)."""
        return self.add("dpias", **complete(**fields))

    def promise(self, kind: str, **fields: Any) -> Reg:
        return self.add("promises", id="pr", text=TEXT, kind=kind, **fields)

    def breach(self, **fields: Any) -> Reg:
        """A breach 'b' at the pupil administration, found on 20 November, handled and recorded."""
        base = {"id": "b", "title": "Lek", "discovered_at": "2026-11-20T10:00:00+01:00", "at": "las",
                "nature": ["confidentiality"], "categories": ["name"], "measures_taken": ["Wachtwoorden vervangen."],
                "ap": {"decision": "not_notify", "decided_at": "2026-11-21T10:00:00+01:00",
                       "reason": "Alleen namen, bij een verwerker met een geheimhoudingsplicht."},
                "data_subjects": {"decision": "not_notify", "decided_at": "2026-11-21T10:00:00+01:00",
                                  "reason": "Geen hoog risico."}}
        base.update(fields)
        return self.add("breaches", **{k: v for k, v in base.items() if v is not None})

    # ---- the register
    def register(self) -> Register:
        """The register, validated by the model (the loader reads the same: ``yaml``, tested per case)."""
        return Register.model_validate(copy.deepcopy(self.doc))

    def yaml(self) -> str:
        """The register as one YAML file, for the loader."""
        import io

        out = io.StringIO()
        y = YAML(typ="safe", pure=True)
        y.default_flow_style = False
        y.dump(self.doc, out)
        return out.getvalue()


@dataclass(frozen=True)
class Case:
    """One case of a rule: an edit of MINI, and the finding ids it must produce (none for a silent case)."""

    code: str
    name: str
    edit: Callable[[Reg], Any]
    fires: bool
    expect: tuple[str, ...] = ()  # finding ids, without the code: "va-supplier", "c-photos/under_16"
    on: dt.date = ON
    patch: Callable[[pytest.MonkeyPatch], None] | None = field(default=None, compare=False)
    params: dict[str, Any] = field(default_factory=dict, compare=False)  # what every finding's message says

    def check(self) -> list[str]:
        """What is wrong with this case's findings (nothing when the rule does what the case says)."""
        with ExitStack() as stack:
            if self.patch is not None:
                self.patch(stack.enter_context(pytest.MonkeyPatch.context()))
            found = findings(self.build().register(), self.code, self.on)
        ids = {f.id for f in found}
        if ids != self.ids:
            return [f"expected {sorted(self.ids) or 'nothing'}, found {sorted(ids) or 'nothing'}"]
        return [f"{f.id}: {key} is {f.params.get(key)!r}, expected {value!r}"
                for f in found for key, value in self.params.items() if f.params.get(key) != value]

    @property
    def ids(self) -> set[str]:
        return {f"{self.code}/{e}" for e in self.expect}

    def build(self) -> Reg:
        r = Reg()
        self.edit(r)
        return r


def findings(register: Register, code: str, on: dt.date) -> list[Finding]:
    """The findings of rule ``code``: a rule that reads the other findings (acceptances, the approval gate,
    Art. 36) through the whole check; any other on its own, as the check runs it (same context, same
    string storage), which is a hundred times faster than every rule and gives the same findings."""
    rule = REGISTRY[code]
    if rule.after_findings:
        return [f for f in check(register, on).findings if f.code == code]
    with pd.option_context("mode.string_storage", "python"):
        return [Finding(code, hit.subjects, hit.params) for hit in rule.func(Context(register, on))]


CASES: list[Case] = []


def fires(code: str, *expect: str, on: dt.date = ON, patch=None, params: dict[str, Any] | None = None):
    """Declare a case in which rule ``code`` fires with exactly the findings ``CODE/expect`` (one per argument),
    each with these message ``params`` (as far as given)."""
    assert expect, "a firing case names the subjects it fires on"

    def declare(edit: Callable[[Reg], Any]) -> Callable[[Reg], Any]:
        CASES.append(Case(code, edit.__name__, edit, True, expect, on, patch, params or {}))
        return edit

    return declare


def silent(code: str, on: dt.date = ON, patch=None):
    """Declare a case in which rule ``code`` finds nothing."""

    def declare(edit: Callable[[Reg], Any]) -> Callable[[Reg], Any]:
        CASES.append(Case(code, edit.__name__, edit, False, (), on, patch))
        return edit

    return declare


def cases_for(code: str) -> list[Case]:
    return [c for c in CASES if c.code == code]


def iso(day: dt.date) -> str:
    return day.isoformat()


# ==================================================================================================
# DPIA101-106 purposes and legal bases


@fires("DPIA101", "f-las-duo")
def flow_names_no_purpose(r: Reg) -> None:
    r.set("flows", "f-las-duo", purposes=[])


@silent("DPIA101")
def flow_whose_purpose_lacks_a_basis_still_has_a_purpose(r: Reg) -> None:
    r.set("purposes", "bron", legal_basis=None, legal_source=None)


@fires("DPIA102", "bron")
def purpose_without_basis(r: Reg) -> None:
    r.set("purposes", "bron", legal_basis=None, legal_source=None)


@silent("DPIA102")
def purpose_with_basis_but_no_source_has_a_basis(r: Reg) -> None:
    r.set("purposes", "bron", legal_source=None)


@fires("DPIA103", "bron")
def legal_obligation_without_source(r: Reg) -> None:
    r.set("purposes", "bron", legal_source=None)


@fires("DPIA103", "education")
def public_task_with_a_blank_source(r: Reg) -> None:
    r.set("purposes", "education", legal_source="   ")


@silent("DPIA103")
def contract_needs_no_statute(r: Reg) -> None:
    r.set("purposes", "bron", legal_basis="contract", legal_source=None)


@fires("DPIA104", "photos")
def public_board_uses_legitimate_interest(r: Reg) -> None:
    r.set("purposes", "photos", legal_basis="legitimate_interest")


@silent("DPIA104")
def private_board_may_use_legitimate_interest(r: Reg) -> None:
    r.set("purposes", "photos", legal_basis="legitimate_interest")
    r.controller(public_authority=False)


@fires("DPIA105", "f-photos")
def flow_carries_what_its_purpose_does_not_need(r: Reg) -> None:
    r.set("flows", "f-photos", categories=["name", "care"])


@silent("DPIA105")
def second_purpose_needs_the_extra_category(r: Reg) -> None:
    r.set("flows", "f-photos", categories=["name", "bsn"], purposes=["photos", "bron"])


@silent("DPIA105")
def flow_without_purpose_is_not_judged_on_minimisation(r: Reg) -> None:
    r.set("flows", "f-photos", categories=["name", "care"], purposes=[])


@fires("DPIA106", "f-las-duo")
def disclosure_to_independent_controller_without_basis(r: Reg) -> None:
    r.set("purposes", "bron", legal_basis=None, legal_source=None)


@fires("DPIA106", "f-web")
def publication_without_any_purpose(r: Reg) -> None:
    r.party("web", "public")
    r.flow("f-web", "school-a", "web", ["name"])


@silent("DPIA106")
def flow_to_a_processor_is_no_disclosure(r: Reg) -> None:
    r.set("purposes", "education", legal_basis=None, legal_source=None)


# ==================================================================================================
# DPIA201-209 processing agreements


@fires("DPIA201", "f-school-las")
def data_sharing_arrangement_is_no_processing_agreement(r: Reg) -> None:
    r.set("agreements", "va-supplier", kind="data_sharing")


@silent("DPIA201")
def any_art28_agreement_will_do(r: Reg) -> None:
    r.set("agreements", "va-supplier", kind="processing_agreement")


@silent("DPIA201")
def flow_inside_the_processor_needs_no_agreement(r: Reg) -> None:
    r.remove("agreements", "va-supplier")
    r.remove("flows", "f-school-las")
    r.flow("f-las-supplier", "las", "supplier", ["name"], ["education"])
    r.flow("f-school-duo", "school-a", "duo", ["care"], ["education"])


@fires("DPIA202", "f-school-las/va-supplier")
def agreement_lacks_a_category_of_the_flow(r: Reg) -> None:
    r.set("agreements", "va-supplier", categories=["name"])


@silent("DPIA202")
def explicit_agreement_covers_what_the_other_lacks(r: Reg) -> None:
    r.set("agreements", "va-supplier", categories=["name"])
    r.add("agreements", **{**r.entry("agreements", "va-supplier"), "id": "va-care", "categories": ["name", "care"]})
    r.set("flows", "f-school-las", agreement="va-care")


@fires("DPIA203", "f-school-las/va-supplier")
def agreement_lacks_the_purpose_of_the_flow(r: Reg) -> None:
    r.set("agreements", "va-supplier", purposes=["bron"])


@silent("DPIA203")
def flow_without_purpose_has_no_purpose_to_cover(r: Reg) -> None:
    r.set("agreements", "va-supplier", purposes=["bron"])
    r.set("flows", "f-school-las", purposes=[])


@fires("DPIA204", "va-supplier")
def agreement_ended_the_day_before(r: Reg) -> None:
    r.set("agreements", "va-supplier", valid_until=iso(ON - DAY))


@silent("DPIA204")
def agreement_ends_on_the_assessment_date(r: Reg) -> None:
    r.set("agreements", "va-supplier", valid_until=iso(ON))


@silent("DPIA204")
def expired_agreement_replaced_by_one_in_force(r: Reg) -> None:
    r.set("agreements", "va-supplier", valid_until=iso(ON - DAY))
    r.add("agreements", **{**r.entry("agreements", "va-supplier"), "id": "va-new", "valid_from": iso(ON - DAY),
                           "valid_until": "2030-12-31"})


@fires("DPIA205", "va-supplier")
def agreement_starts_the_day_after(r: Reg) -> None:
    r.set("agreements", "va-supplier", valid_from=iso(ON + DAY))


@silent("DPIA205")
def agreement_starts_on_the_assessment_date(r: Reg) -> None:
    r.set("agreements", "va-supplier", valid_from=iso(ON))


@fires("DPIA206", "va-supplier")
def agreement_without_deletion_clause(r: Reg) -> None:
    r.set("agreements", "va-supplier", deletion_after_use=False)


@fires("DPIA206", "va-supplier")
def agreement_without_deletion_clause_on_its_last_day(r: Reg) -> None:
    r.set("agreements", "va-supplier", deletion_after_use=False, valid_until=iso(ON))


@silent("DPIA206")
def expired_agreement_without_deletion_clause(r: Reg) -> None:
    r.set("agreements", "va-supplier", deletion_after_use=False, valid_until=iso(ON - DAY))


@silent("DPIA206")
def data_sharing_arrangement_needs_no_deletion_clause(r: Reg) -> None:
    r.set("agreements", "va-supplier", deletion_after_use=False, kind="data_sharing")


@fires("DPIA207", "hosting/va-supplier")
def processor_passes_data_to_an_unlisted_sub_processor(r: Reg) -> None:
    r.set("agreements", "va-supplier", permitted_subprocessors=[])
    r.flow("f-las-hosting", "las", "hosting", ["name"], ["education"])


@silent("DPIA207")
def sub_processor_listed_in_the_agreement(r: Reg) -> None:
    r.flow("f-las-hosting", "las", "hosting", ["name"], ["education"])


@silent("DPIA207")
def sub_processor_permitted_by_another_agreement_of_the_processor(r: Reg) -> None:
    r.set("agreements", "va-supplier", permitted_subprocessors=[])
    r.add("agreements", **{**r.entry("agreements", "va-supplier"), "id": "va-other", "kind": "processing_agreement",
                           "permitted_subprocessors": ["hosting"]})
    r.flow("f-las-hosting", "las", "hosting", ["name"], ["education"])


@fires("DPIA208", "va-supplier")
def model_agreement_without_security_annex(r: Reg) -> None:
    r.set("agreements", "va-supplier", security_annex="  ")


@silent("DPIA208")
def other_agreement_kind_needs_no_model_annexes(r: Reg) -> None:
    r.set("agreements", "va-supplier", kind="processing_agreement", security_annex=None, privacy_annex_version=None)


@silent("DPIA208")
def expired_model_agreement_without_annexes(r: Reg) -> None:
    r.set("agreements", "va-supplier", valid_until=iso(ON - DAY), security_annex=None, privacy_annex_version=None)


@fires("DPIA209", "f-school-las/va-duo")
def flow_names_an_agreement_its_processor_did_not_sign(r: Reg) -> None:
    r.add("agreements", id="va-duo", kind="processing_agreement", parties=["duo"], categories=["name", "care"],
          purposes=["education"], deletion_after_use=True)
    r.set("flows", "f-school-las", agreement="va-duo")


@silent("DPIA209")
def flow_to_an_independent_controller_naming_another_partys_agreement(r: Reg) -> None:
    r.set("flows", "f-las-duo", agreement="va-supplier")


@silent("DPIA209")
def flow_names_its_processors_agreement(r: Reg) -> None:
    r.set("flows", "f-school-las", agreement="va-supplier")


# ==================================================================================================
# DPIA301-305 special categories, criminal data, the BSN


@fires("DPIA301", "f-las-duo")
def bsn_for_a_purpose_with_a_blank_legal_source(r: Reg) -> None:
    r.set("purposes", "bron", legal_source=" ")


@fires("DPIA301", "f-las-duo")
def bsn_for_a_purpose_that_does_not_need_it(r: Reg) -> None:
    r.set("purposes", "bron", needs=["name"])


@fires("DPIA301", "f-web")
def bsn_published_even_for_a_statutory_purpose(r: Reg) -> None:
    r.party("web", "public")
    r.flow("f-web", "las", "web", ["bsn"], ["bron"])


@silent("DPIA301")
def bsn_kept_by_the_board_itself(r: Reg) -> None:
    r.set("flows", "f-photos", categories=["name", "bsn"])


@fires("DPIA302", "f-school-las")
def care_data_without_art9_exception(r: Reg) -> None:
    r.set("purposes", "education", art9_exception=" ")


@silent("DPIA302")
def one_purpose_of_the_flow_has_the_exception(r: Reg) -> None:
    r.purpose("support", "public_task", ["care"], legal_source="WVO 2020")
    r.set("flows", "f-school-las", purposes=["support", "education"])


@fires("DPIA303", "mentor")
def care_data_readable_outside_the_care_team(r: Reg) -> None:
    r.set("access_roles", "mentor", care_team=False)


@silent("DPIA303")
def role_outside_the_care_team_reads_no_special_data(r: Reg) -> None:
    r.set("access_roles", "mentor", care_team=False, read=["name"], needs=["name"])


def _criminal(r: Reg, purpose: str) -> None:
    r.category("incident", "criminal")
    r.flow("f-incident", "school-a", "las", ["incident"], [purpose], ["pupils-u16"])


@fires("DPIA304", "f-incident")
def criminal_data_for_a_purpose_without_legal_source(r: Reg) -> None:
    _criminal(r, "photos")


@fires("DPIA304", "f-incident")
def criminal_data_for_a_purpose_with_a_blank_source(r: Reg) -> None:
    r.set("purposes", "education", legal_source=" ")
    _criminal(r, "education")


@silent("DPIA304")
def criminal_data_for_a_purpose_with_legal_source(r: Reg) -> None:
    _criminal(r, "education")


@fires("DPIA305", "f-web")
def care_data_published(r: Reg) -> None:
    r.party("web", "public")
    r.flow("f-web", "school-a", "web", ["name", "care"], ["photos"], ["pupils-u16"])


@silent("DPIA305")
def ordinary_data_published(r: Reg) -> None:
    r.party("web", "public")
    r.flow("f-web", "school-a", "web", ["name"], ["photos"], ["pupils-u16"])


# ==================================================================================================
# DPIA401-409 consent


@fires("DPIA401", "photos")
def consent_purpose_without_arrangement(r: Reg) -> None:
    r.remove("consents", "c-photos")


@silent("DPIA401")
def unused_consent_purpose_needs_no_arrangement_yet(r: Reg) -> None:
    r.purpose("alumni", "consent", ["name"])


def _web(r: Reg, purposes: list[str]) -> None:
    r.party("web", "public")
    r.flow("f-web", "school-a", "web", ["name"], purposes, ["pupils-u16"])


@fires("DPIA402", "f-web")
def publication_for_a_public_task(r: Reg) -> None:
    _web(r, ["education"])


@fires("DPIA402", "f-web")
def publication_for_consent_without_arrangement(r: Reg) -> None:
    r.purpose("website", "consent", ["name"])
    _web(r, ["website"])


@silent("DPIA402")
def publication_with_arranged_consent(r: Reg) -> None:
    _web(r, ["photos"])


@fires("DPIA403", "c-photos/under_16")
def pupil_under_16_consents_alone(r: Reg) -> None:
    r.set("consents", "c-photos", given_by={"under_16": "pupil", "16_to_17": "pupil", "18_plus": "pupil"})


@fires("DPIA403", "c-photos/18_plus")
def parent_consents_for_an_adult(r: Reg) -> None:
    r.subject("pupils-18", band="18_plus")
    r.set("flows", "f-photos", subjects=["pupils-u16", "pupils-18"])
    r.set("consents", "c-photos", given_by={"under_16": "parent", "16_to_17": "pupil", "18_plus": "parent"})


@silent("DPIA403")
def staff_of_18_are_not_pupils_whose_parents_consent(r: Reg) -> None:
    r.subject("staff", kind="staff", band="18_plus")
    r.set("flows", "f-photos", subjects=["pupils-u16", "staff"])
    r.set("consents", "c-photos", given_by={"under_16": "parent", "16_to_17": "pupil", "18_plus": "parent"})


@silent("DPIA403")
def wrong_consenter_for_a_band_the_flows_do_not_reach(r: Reg) -> None:
    r.set("consents", "c-photos", given_by={"under_16": "parent", "16_to_17": "pupil", "18_plus": "parent"})


def _sixteen(r: Reg, consenter: str) -> None:
    r.subject("pupils-16", band="16_to_17")
    r.set("flows", "f-photos", subjects=["pupils-u16", "pupils-16"])
    r.set("consents", "c-photos", given_by={"under_16": "parent", "16_to_17": consenter, "18_plus": "pupil"})


@fires("DPIA404", "c-photos")
def parent_consents_for_a_pupil_of_16(r: Reg) -> None:
    _sixteen(r, "parent")


@silent("DPIA404")
def pupil_of_16_consents(r: Reg) -> None:
    _sixteen(r, "pupil")


@fires("DPIA405", "c-photos/under_16")
def nobody_consents_for_the_youngest(r: Reg) -> None:
    r.set("consents", "c-photos", given_by={"16_to_17": "pupil", "18_plus": "pupil"})


@silent("DPIA405")
def nobody_named_for_a_band_the_flows_do_not_reach(r: Reg) -> None:
    r.set("consents", "c-photos", given_by={"under_16": "parent"})


@fires("DPIA406", "c-photos")
def consent_without_a_way_to_withdraw(r: Reg) -> None:
    r.set("consents", "c-photos", withdrawal="  ")


@silent("DPIA406")
def consent_with_a_way_to_withdraw(r: Reg) -> None:
    r.set("consents", "c-photos", withdrawal="per e-mail aan de mentor")


@fires("DPIA407", "c-photos")
def consent_recorded_nowhere(r: Reg) -> None:
    r.set("consents", "c-photos", recorded_in=None, how_recorded=" ")


@silent("DPIA407")
def consent_recorded_on_paper(r: Reg) -> None:
    r.set("consents", "c-photos", recorded_in=None, how_recorded="formulier in het leerlingdossier")


@fires("DPIA408", "c-bron")
def consent_asked_for_a_legal_obligation(r: Reg) -> None:
    r.add("consents", id="c-bron", purpose="bron", given_by={"under_16": "parent"}, recorded_in="las", withdrawal="x")


@silent("DPIA408")
def consent_arrangement_for_a_purpose_without_basis_yet(r: Reg) -> None:
    r.set("purposes", "bron", legal_basis=None, legal_source=None)
    r.add("consents", id="c-bron", purpose="bron", given_by={"under_16": "parent"}, recorded_in="las", withdrawal="x")


@fires("DPIA409", "photos")
def staff_asked_for_consent(r: Reg) -> None:
    r.subject("staff", kind="staff")
    r.set("flows", "f-photos", subjects=["pupils-u16", "staff"])


@silent("DPIA409")
def staff_data_for_a_public_task(r: Reg) -> None:
    r.subject("staff", kind="staff")
    r.set("flows", "f-school-las", subjects=["pupils-u16", "staff"])


# ==================================================================================================
# DPIA501-506 transfers


def _to_hosting(r: Reg, categories: list[str] = ("name",)) -> None:
    r.flow("f-las-hosting", "las", "hosting", list(categories), ["education"])


@fires("DPIA501", "f-las-hosting")
def transfer_to_the_us_without_mechanism(r: Reg) -> None:
    r.set("parties", "hosting", location={"country": "US"})
    _to_hosting(r)


@silent("DPIA501")
def publication_on_a_website_hosted_outside_the_eea_is_no_transfer(r: Reg) -> None:
    r.party("web", "public", country="US")
    r.flow("f-web", "school-a", "web", ["name"], ["photos"], ["pupils-u16"])


@silent("DPIA501")
def transfer_under_scc(r: Reg) -> None:
    _to_hosting(r)


@fires("DPIA502", "f-las-hosting")
def recurring_transfer_on_a_derogation(r: Reg) -> None:
    r.set("parties", "hosting", location={"country": "US", "transfer_mechanism": "derogation"})
    _to_hosting(r)


@silent("DPIA502")
def derogation_recorded_for_a_party_without_flows(r: Reg) -> None:
    r.set("parties", "hosting", location={"country": "US", "transfer_mechanism": "derogation"})


@fires("DPIA503", "supplier")
def processor_without_location(r: Reg) -> None:
    r.set("parties", "supplier", location=None)


@silent("DPIA503")
def independent_controller_without_location(r: Reg) -> None:
    r.set("parties", "duo", location=None)


@fires("DPIA504", "supplier")
def transfer_mechanism_for_a_dutch_processor(r: Reg) -> None:
    r.set("parties", "supplier", location={"country": "NL", "transfer_mechanism": "scc"})


@silent("DPIA504")
def transfer_mechanism_outside_the_eea(r: Reg) -> None:
    r.set("parties", "hosting", location={"country": "GB", "transfer_mechanism": "scc"})


@fires("DPIA505", "hosting")
def adequacy_claimed_for_a_country_without_decision(r: Reg) -> None:
    r.set("parties", "hosting", location={"country": "CN", "transfer_mechanism": "adequacy"})


@silent("DPIA505")
def adequacy_for_a_country_with_a_decision(r: Reg) -> None:
    r.set("parties", "hosting", location={"country": "JP", "transfer_mechanism": "adequacy"})


@fires("DPIA506", "f-las-hosting")
def care_data_transferred_under_scc(r: Reg) -> None:
    _to_hosting(r, ["name", "care"])


@silent("DPIA506")
def care_data_transferred_under_adequacy(r: Reg) -> None:
    r.set("parties", "hosting", location={"country": "JP", "transfer_mechanism": "adequacy"})
    _to_hosting(r, ["name", "care"])


@silent("DPIA506")
def ordinary_data_transferred_under_scc(r: Reg) -> None:
    _to_hosting(r, ["name"])


# ==================================================================================================
# DPIA601-605 access


@fires("DPIA601", "mentor")
def role_reads_more_than_it_needs(r: Reg) -> None:
    r.set("access_roles", "mentor", read=["name", "care", "bsn"])


@silent("DPIA601")
def role_without_declared_needs_is_not_judged_on_them(r: Reg) -> None:
    r.set("access_roles", "mentor", read=["name", "care", "bsn"], needs=None)


@silent("DPIA601")
def special_data_outside_the_care_team_is_left_to_dpia303(r: Reg) -> None:
    r.set("access_roles", "mentor", needs=["name"], care_team=False)


@fires("DPIA602", "mentor")
def role_reads_care_data_without_declared_needs(r: Reg) -> None:
    r.set("access_roles", "mentor", needs=None)


@silent("DPIA602")
def role_reads_only_ordinary_data_without_declared_needs(r: Reg) -> None:
    r.set("access_roles", "mentor", needs=None, read=["name"])


@fires("DPIA603", "mentor")
def shared_account(r: Reg) -> None:
    r.set("access_roles", "mentor", shared_account=True)


@silent("DPIA603")
def personal_accounts(r: Reg) -> None:
    r.set("access_roles", "mentor", shared_account=False)


@fires("DPIA604", "mentor")
def role_with_a_blank_reason(r: Reg) -> None:
    r.set("access_roles", "mentor", reason=" ")


@silent("DPIA604")
def role_with_a_reason(r: Reg) -> None:
    r.set("access_roles", "mentor", reason="Begeleiding van de eigen klas")


@fires("DPIA605", "las")
def care_data_in_a_system_without_access_roles(r: Reg) -> None:
    r.remove("access_roles", "mentor")


@silent("DPIA605")
def high_risk_data_only_at_a_party_needs_no_access_roles(r: Reg) -> None:
    r.remove("access_roles", "mentor")
    r.set("flows", "f-school-las", categories=["name"])


# ==================================================================================================
# DPIA701-710 retention


@fires("DPIA701", "bsn", params={"count": 1, "flows": "f-las-duo"})
def category_without_retention(r: Reg) -> None:
    r.remove("retention", "r-bsn")


def _bsn_flows(r: Reg, count: int) -> None:
    r.remove("retention", "r-bsn")
    r.remove("flows", "f-las-duo")
    for i in range(1, count + 1):
        r.flow(f"f-{i}", "las", "duo", ["name", "bsn"], ["bron"])


@fires("DPIA701", "bsn", params={"count": 4, "flows": "f-1, f-2, f-3, …"})
def category_without_retention_in_four_flows(r: Reg) -> None:
    _bsn_flows(r, 4)


@fires("DPIA701", "bsn", params={"count": 3, "flows": "f-1, f-2, f-3"})
def category_without_retention_in_three_flows(r: Reg) -> None:
    _bsn_flows(r, 3)


@silent("DPIA701")
def category_covered_by_a_rule_on_its_purpose(r: Reg) -> None:
    r.remove("retention", "r-bsn")
    r.add("retention", id="r-bron", purpose="bron", duration="P5Y", trigger="deregistration")


def _statutory_pupil_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """The vo table has no statutory maximum: make the pupil file one (P2Y after leaving)."""
    from dpia.model import RecordType, RetentionTrigger
    from dpia.model import law

    entry = law.LegalRetention(RecordType.PUPIL_FILE, "P2Y", RetentionTrigger.DEREGISTRATION, law.Bound.MAXIMUM, True,
                               "Wet X art. 1")
    monkeypatch.setitem(law.LEGAL_RETENTION, RecordType.PUPIL_FILE, entry)


def _pupil_file(r: Reg, duration: str, trigger: str = "deregistration") -> None:
    r.set("data_categories", "care", record_type="pupil_file")
    r.set("retention", "r-care", duration=duration, trigger=trigger)


@fires("DPIA702", "r-care/care", patch=_statutory_pupil_file)
def pupil_file_kept_beyond_the_statutory_maximum(r: Reg) -> None:
    _pupil_file(r, "P3Y")


@fires("DPIA702", "r-care/care", patch=_statutory_pupil_file)
def pupil_file_kept_from_another_event_than_the_statute(r: Reg) -> None:
    _pupil_file(r, "P2Y", "creation")


@silent("DPIA702", patch=_statutory_pupil_file)
def pupil_file_kept_exactly_the_statutory_maximum(r: Reg) -> None:
    _pupil_file(r, "P2Y")


@silent("DPIA702")
def pupil_file_beyond_a_sector_maximum_is_left_to_dpia703(r: Reg) -> None:
    _pupil_file(r, "P3Y")


@fires("DPIA703", "r-care/care")
def pupil_file_kept_two_days_beyond_the_sector_maximum(r: Reg) -> None:
    _pupil_file(r, "P732D")  # P2Y is 730.5 days


@fires("DPIA703", "r-care/care")
def pupil_file_kept_from_another_event_than_the_sector(r: Reg) -> None:
    _pupil_file(r, "P1Y", "creation")


@silent("DPIA703")
def pupil_file_kept_within_a_day_of_the_sector_maximum(r: Reg) -> None:
    _pupil_file(r, "P731D")  # a day's precision is irrelevant (retention periods are compared in whole days)


@silent("DPIA703")
def pupil_file_kept_exactly_the_sector_maximum(r: Reg) -> None:
    _pupil_file(r, "P2Y")


def _central_exam(r: Reg, duration: str, trigger: str = "result") -> None:
    r.category("exam", "sensitive", record_type="central_exam")
    r.flow("f-exam", "school-a", "las", ["exam"], ["education"], ["pupils-u16"])
    r.set("purposes", "education", needs=["name", "care", "exam"])
    r.set("agreements", "va-supplier", categories=["name", "care", "exam"])
    r.add("retention", id="r-exam", category="exam", duration=duration, trigger=trigger, minimum=True,
          legal_source="Uitvoeringsbesluit WVO 2020 art. 4.39")


@fires("DPIA704", "r-exam/exam")
def central_exam_kept_shorter_than_the_statutory_minimum(r: Reg) -> None:
    _central_exam(r, "P182D")  # P6M is 182.6 days


@fires("DPIA704", "r-exam/exam")
def central_exam_kept_from_another_event(r: Reg) -> None:
    _central_exam(r, "P6M", "creation")


@silent("DPIA704")
def central_exam_kept_within_a_day_of_the_minimum(r: Reg) -> None:
    _central_exam(r, "P183D")


@silent("DPIA704")
def central_exam_kept_exactly_the_minimum(r: Reg) -> None:
    _central_exam(r, "P6M")


def _processor_keeps(r: Reg, duration: str, trigger: str) -> None:
    r.set("agreements", "va-supplier", retention=duration, retention_trigger=trigger)


@fires("DPIA705", "va-supplier/care", "va-supplier/name")
def processor_keeps_a_year_longer_than_the_school(r: Reg) -> None:
    _processor_keeps(r, "P3Y", "deregistration")


@fires("DPIA705", "va-supplier/care", "va-supplier/name")
def processor_keeps_two_days_longer_than_the_school(r: Reg) -> None:
    _processor_keeps(r, "P732D", "deregistration")


@fires("DPIA705", "va-supplier/care", params={"rule": "r-care", "duration": "P2Y"})
def processor_keeps_longer_than_two_school_rules_of_the_same_length(r: Reg) -> None:
    r.set("agreements", "va-supplier", categories=["care"])
    r.add("retention", id="r-zz-education", purpose="education", duration="P2Y", trigger="deregistration")
    _processor_keeps(r, "P3Y", "deregistration")


@silent("DPIA705")
def processor_keeps_shorter_than_the_schools_longest_rule(r: Reg) -> None:
    r.add("retention", id="r-zz-education", purpose="education", duration="P1Y", trigger="deregistration")
    _processor_keeps(r, "P1Y6M", "deregistration")


@silent("DPIA705")
def processor_keeps_exactly_as_long_as_the_school(r: Reg) -> None:
    _processor_keeps(r, "P2Y", "deregistration")


@silent("DPIA705")
def processor_keeps_within_a_day_of_the_school(r: Reg) -> None:
    _processor_keeps(r, "P731D", "deregistration")


@silent("DPIA705")
def longer_period_from_another_event_is_left_to_dpia706(r: Reg) -> None:
    _processor_keeps(r, "P3Y", "end_of_contract")


@silent("DPIA705")
def data_sharing_arrangement_is_not_compared(r: Reg) -> None:
    r.set("agreements", "va-supplier", kind="data_sharing")
    _processor_keeps(r, "P3Y", "deregistration")


@fires("DPIA706", "va-supplier/care", "va-supplier/name")
def processor_keeps_longer_from_another_event(r: Reg) -> None:
    _processor_keeps(r, "P3Y", "end_of_contract")


@fires("DPIA706", "va-supplier/care", "va-supplier/name")
def processor_keeps_two_days_longer_from_another_event(r: Reg) -> None:
    _processor_keeps(r, "P732D", "end_of_contract")


@silent("DPIA706")
def processor_keeps_as_long_from_another_event(r: Reg) -> None:
    _processor_keeps(r, "P2Y", "end_of_contract")


@silent("DPIA706")
def processor_keeps_within_a_day_from_another_event(r: Reg) -> None:
    _processor_keeps(r, "P731D", "end_of_contract")


@silent("DPIA706")
def longer_period_from_the_same_event_is_left_to_dpia705(r: Reg) -> None:
    _processor_keeps(r, "P3Y", "deregistration")


@fires("DPIA707", "r-care/care")
def pupil_file_rule_without_legal_source(r: Reg) -> None:
    _pupil_file(r, "P2Y")
    r.set("retention", "r-care", legal_source="  ")


@silent("DPIA707")
def pupil_file_rule_with_its_source(r: Reg) -> None:
    _pupil_file(r, "P2Y")
    r.set("retention", "r-care", legal_source="Privacyreglement art. 7")


@silent("DPIA707")
def rule_for_data_without_a_legal_period_needs_no_source(r: Reg) -> None:
    r.set("retention", "r-care", legal_source=None)


@fires("DPIA708", "r-care")
def pupil_data_kept_eleven_years(r: Reg) -> None:
    r.set("retention", "r-care", duration="P11Y")


@silent("DPIA708")
def pupil_data_kept_ten_years(r: Reg) -> None:
    r.set("retention", "r-care", duration="P10Y")


@fires("DPIA709", "care")
def only_a_minimum_for_care_data(r: Reg) -> None:
    r.set("retention", "r-care", minimum=True)


@silent("DPIA709")
def minimum_with_an_end_set_for_the_purpose(r: Reg) -> None:
    r.set("retention", "r-care", minimum=True)
    r.add("retention", id="r-education", purpose="education", duration="P5Y", trigger="deregistration")


def _mbo_exam(r: Reg, duration: str) -> None:
    r.controller(sector="mbo")
    _central_exam(r, duration)


@fires("DPIA710", "r-exam/exam")
def mbo_exam_kept_shorter_than_the_sector_minimum(r: Reg) -> None:
    _mbo_exam(r, "P5M")


@silent("DPIA710")
def mbo_exam_kept_exactly_the_sector_minimum(r: Reg) -> None:
    _mbo_exam(r, "P6M")


@silent("DPIA710")
def statutory_minimum_is_left_to_dpia704(r: Reg) -> None:
    _central_exam(r, "P5M")


# ==================================================================================================
# DPIA801-806 housekeeping


@fires("DPIA801", "va-hosting")
def agreement_with_a_party_no_flow_reaches(r: Reg) -> None:
    r.add("agreements", id="va-hosting", kind="processing_agreement", parties=["hosting"], categories=["name"],
          purposes=["education"], deletion_after_use=True)


@silent("DPIA801")
def agreement_with_a_party_a_flow_reaches(r: Reg) -> None:
    r.add("agreements", id="va-duo", kind="data_sharing", parties=["duo"], categories=["name", "bsn"], purposes=["bron"])


@fires("DPIA802", "museum")
def party_without_flows(r: Reg) -> None:
    r.party("museum", "recipient")


@fires("DPIA802", "hosting")
def sub_processor_no_agreement_permits(r: Reg) -> None:
    r.set("agreements", "va-supplier", permitted_subprocessors=[])


@fires("DPIA802", "reseller", "sub")
def unused_sub_processor_of_an_unused_processor(r: Reg) -> None:
    r.party("reseller", "processor")
    r.party("sub", "sub_processor", processor_of="reseller")


@silent("DPIA802")
def party_a_flow_reaches(r: Reg) -> None:
    r.party("museum", "recipient")
    r.flow("f-museum", "school-a", "museum", ["name"], ["education"])


@silent("DPIA802")
def processor_of_a_sub_processor_in_use(r: Reg) -> None:
    r.set("parties", "hosting", processor_of="reseller")
    r.party("reseller", "sub_processor", processor_of="supplier")
    r.set("agreements", "va-supplier", permitted_subprocessors=[])
    r.flow("f-las-hosting", "las", "hosting", ["name"], ["education"])


@fires("DPIA803", "alumni")
def purpose_no_flow_serves(r: Reg) -> None:
    r.purpose("alumni", "consent", ["name"])


@silent("DPIA803")
def purpose_one_flow_serves(r: Reg) -> None:
    r.purpose("alumni", "consent", ["name"])
    r.set("flows", "f-photos", purposes=["photos", "alumni"])


@fires("DPIA804", "address")
def category_no_flow_carries(r: Reg) -> None:
    r.category("address")
    r.set("purposes", "education", needs=["name", "care", "address"])


@silent("DPIA804")
def category_one_flow_carries(r: Reg) -> None:
    r.category("address")
    r.set("flows", "f-photos", categories=["name", "address"])


@fires("DPIA805", "app")
def system_no_flow_touches(r: Reg) -> None:
    r.add("systems", id="app", name="App", kind="learning_platform", operated_by="supplier")


@silent("DPIA805")
def system_that_only_sends(r: Reg) -> None:
    r.add("systems", id="app", name="App", kind="learning_platform", operated_by="supplier")
    r.flow("f-app-duo", "app", "duo", ["name"], ["bron"])


@fires("DPIA806", "parents")
def subject_category_no_flow_names(r: Reg) -> None:
    r.subject("parents", kind="parent")


@silent("DPIA806")
def subject_category_that_is_a_flows_source(r: Reg) -> None:
    r.subject("parents", kind="parent")
    r.flow("f-parents", "parents", "school-a", ["name"], ["education"])


# ==================================================================================================
# DPIA901-902 acceptances


def _accept(r: Reg, finding: str, until: dt.date) -> None:
    r.add("acceptances", id="acc", finding=finding, reason="wordt uitgezocht", accepted_by="Bestuur", until=iso(until))


@fires("DPIA901", "acc")
def acceptance_of_a_finding_that_does_not_exist(r: Reg) -> None:
    _accept(r, "DPIA102/bron", ON + DAY)


@silent("DPIA901")
def acceptance_of_an_open_finding(r: Reg) -> None:
    r.set("purposes", "bron", legal_basis=None, legal_source=None)
    _accept(r, "DPIA102/bron", ON + DAY)


@fires("DPIA902", "acc")
def acceptance_ended_the_day_before(r: Reg) -> None:
    r.set("purposes", "bron", legal_basis=None, legal_source=None)
    _accept(r, "DPIA102/bron", ON - DAY)


@silent("DPIA902")
def acceptance_ends_on_the_assessment_date(r: Reg) -> None:
    r.set("purposes", "bron", legal_basis=None, legal_source=None)
    _accept(r, "DPIA102/bron", ON)


@silent("DPIA902")
def lapsed_acceptance_of_a_finding_that_is_gone(r: Reg) -> None:
    _accept(r, "DPIA102/bron", ON - DAY)


# ==================================================================================================
# DPIA950-968 the DPIA: screening, content, sign-off, review, approval gate, processings


@fires("DPIA950", "d")
def dpia_without_screening(r: Reg) -> None:
    r.dpia(screening=None)


@fires("DPIA950", "d")
def screening_without_date(r: Reg) -> None:
    r.dpia(screening={"answers": ANSWERS})


@silent("DPIA950")
def dated_screening(r: Reg) -> None:
    r.dpia()


@fires("DPIA951", "d")
def screening_leaves_criteria_unanswered(r: Reg) -> None:
    r.dpia(screening={"date": iso(ON - 30 * DAY), "by": "FG", "answers": ANSWERS[1:]})


@fires("DPIA951", "d")
def screening_leaves_criteria_unanswered_after_a_dpia_without_screening(r: Reg) -> None:
    r.add("dpias", **complete(id="a", screening=None))
    r.dpia(screening={"date": iso(ON - 30 * DAY), "by": "FG", "answers": ANSWERS[1:]})


@silent("DPIA951")
def screening_answers_every_criterion(r: Reg) -> None:
    r.dpia()


@silent("DPIA951")
def undated_screening_is_left_to_dpia950(r: Reg) -> None:
    r.dpia(screening={"answers": []})


def _not_required(r: Reg, **fields: Any) -> None:
    """A DPIA of a mail system for the newsletter to parents: recorded as not required."""
    r.party("mailer", "processor")
    r.add("systems", id="mail", name="Mail", kind="mail", operated_by="mailer")
    r.subject("parents", kind="parent", count=60)
    r.purpose("newsletter", "public_task", ["name"], legal_source="WVO 2020")
    r.flow("f-mail", "school-a", "mail", ["name"], ["newsletter"], ["parents"])
    r.add("dpias", **dpia_entry(flows=["f-mail"], screening={"date": iso(ON - 30 * DAY), "by": "FG", "answers": ANSWERS},
                          **fields))


@fires("DPIA952", "d")
def required_dpia_without_necessity(r: Reg) -> None:
    r.dpia(necessity="  ")


@silent("DPIA952")
def dpia_screened_as_not_required_needs_no_necessity(r: Reg) -> None:
    _not_required(r)


@fires("DPIA953", "d")
def required_dpia_without_risks(r: Reg) -> None:
    r.dpia(risks=[])


@silent("DPIA953")
def dpia_screened_as_not_required_needs_no_risks(r: Reg) -> None:
    _not_required(r, risks=[])


@fires("DPIA954", "d/r-1")
def risk_without_impact(r: Reg) -> None:
    r.dpia(risks=[{k: v for k, v in LOW_RISK.items() if k != "impact"}])


@silent("DPIA954")
def risk_rated_on_both(r: Reg) -> None:
    r.dpia()


HIGH = {**LOW_RISK, "likelihood": {"level": "high", "motivation": "iedereen kan erbij"},
        "impact": {"level": "high", "motivation": "zorggegevens"}}


@fires("DPIA955", "d/r-1")
def residual_high_risk_neither_accepted_nor_referred(r: Reg) -> None:
    r.dpia(risks=[HIGH])


@fires("DPIA955", "d/r-1")
def residual_high_risk_after_a_dpia_that_was_referred(r: Reg) -> None:
    r.dpia(risks=[HIGH])
    r.add("dpias", **complete(id="a", status="decided", risks=[HIGH]))
    r.entry("dpias", "a")["signoff"]["decision"] = {**DECISION, "outcome": "refer_to_ap"}


@silent("DPIA955")
def residual_high_risk_referred_to_the_ap(r: Reg) -> None:
    r.dpia(status="decided", risks=[HIGH])
    r.entry("dpias", "d")["signoff"]["decision"] = {**DECISION, "outcome": "refer_to_ap"}


@silent("DPIA955")
def residual_high_risk_accepted_by_the_board(r: Reg) -> None:
    r.dpia(risks=[{**HIGH, "acceptance": {"rationale": "tijdelijk", "accepted_by": "Bestuur", "accepted_on": iso(ON)}}])


def _signoff(**steps: Any) -> dict[str, Any]:
    return {k: v for k, v in {**copy.deepcopy(SIGNOFF), **steps}.items() if v is not None}


@fires("DPIA956", "d")
def dpia_without_author(r: Reg) -> None:
    r.dpia(signoff=_signoff(author=None))


@silent("DPIA956")
def dpia_screened_as_not_required_needs_no_author(r: Reg) -> None:
    _not_required(r)


@silent("DPIA956")
def dpia_with_author(r: Reg) -> None:
    r.dpia(signoff=_signoff(author={"name": "Privacyteam"}))


@fires("DPIA957", "d")
def dpia_without_dpo_advice(r: Reg) -> None:
    r.dpia(signoff=_signoff(fg_advice=None))


@silent("DPIA957")
def dpia_with_dpo_advice(r: Reg) -> None:
    r.dpia()


@fires("DPIA958", "d")
def mr_not_sought_without_reason(r: Reg) -> None:
    r.dpia(signoff=_signoff(mr={"sought": False, "reason_not_sought": " "}))


@fires("DPIA958", "d")
def mr_sought_without_its_views(r: Reg) -> None:
    r.dpia(signoff=_signoff(mr={"sought": True, "views": " "}))


@fires("DPIA958", "d")
def mr_step_missing(r: Reg) -> None:
    r.dpia(signoff=_signoff(mr=None))


@silent("DPIA958")
def mr_not_sought_with_reason(r: Reg) -> None:
    r.dpia(signoff=_signoff(mr={"sought": False, "reason_not_sought": "De MR zag af van advies."}))


@fires("DPIA959", "d")
def decided_dpia_without_decision(r: Reg) -> None:
    r.dpia(status="decided", signoff=_signoff(review_by=iso(ON + DAY)))


@silent("DPIA959")
def dpia_to_be_approved_needs_no_decision_yet(r: Reg) -> None:
    r.dpia(status="to_be_approved")


@fires("DPIA960", "d")
def decided_dpia_without_review_date(r: Reg) -> None:
    r.dpia(status="decided", signoff=_signoff(decision=DECISION))


@silent("DPIA960")
def draft_needs_no_review_date(r: Reg) -> None:
    r.dpia()


@fires("DPIA961", "d/fg_advice")
def dpo_advised_on_an_earlier_version(r: Reg) -> None:
    r.dpia(version="1.1")


@fires("DPIA961", "d/decision")
def board_decided_on_an_earlier_version(r: Reg) -> None:
    r.dpia(status="decided")
    r.entry("dpias", "d")["signoff"]["decision"]["version"] = "0.9"


@fires("DPIA961", "d/fg_advice")
def dpo_advised_on_an_earlier_version_after_a_dpia_without_version(r: Reg) -> None:
    r.add("dpias", **complete(id="a", version=None))
    r.dpia(version="1.1")


@silent("DPIA961")
def every_step_on_the_same_version(r: Reg) -> None:
    r.dpia(status="decided")


def _review(r: Reg, review_by: dt.date, decided: dt.date = dt.date(2026, 6, 1)) -> None:
    r.dpia(status="decided")
    signoff = r.entry("dpias", "d")["signoff"]
    signoff["review_by"] = iso(review_by)
    signoff["decision"]["date"] = iso(decided)


@fires("DPIA962", "d")
def review_date_was_yesterday(r: Reg) -> None:
    _review(r, ON - DAY)


@silent("DPIA962")
def review_date_is_today(r: Reg) -> None:
    _review(r, ON)


@fires("DPIA963", "d")
def review_three_years_and_a_day_after_the_decision(r: Reg) -> None:
    _review(r, dt.date(2029, 6, 2))


@silent("DPIA963")
def review_three_years_after_the_decision(r: Reg) -> None:
    _review(r, dt.date(2029, 6, 1))


@fires("DPIA963", "d")
def review_after_the_last_day_of_february_three_years_after_a_leap_day(r: Reg) -> None:
    _review(r, dt.date(2031, 3, 1), decided=dt.date(2028, 2, 29))


@silent("DPIA963")
def review_on_the_last_day_of_february_three_years_after_a_leap_day(r: Reg) -> None:
    _review(r, dt.date(2031, 2, 28), decided=dt.date(2028, 2, 29))


@fires("DPIA964", "d")
def dpia_to_be_approved_with_an_open_finding_in_scope(r: Reg) -> None:
    r.set("access_roles", "mentor", shared_account=True)
    r.dpia(status="to_be_approved")


@fires("DPIA964", "d", params={"count": 1, "findings": "DPIA957/d"})
def dpia_to_be_approved_without_dpo_advice(r: Reg) -> None:
    r.dpia(status="to_be_approved", signoff=_signoff(fg_advice=None))


@fires("DPIA964", "d", params={"count": 1, "findings": "DPIA603/mentor"})
def approved_dpia_with_an_open_finding_in_scope(r: Reg) -> None:
    r.set("access_roles", "mentor", shared_account=True)
    r.dpia(status="decided")
    r.entry("dpias", "d")["signoff"]["review_by"] = iso(ON + DAY)


@fires("DPIA964", "d", params={"count": 9, "findings": ", ".join(f"DPIA603/role-{i}" for i in range(1, 9)) + " (+1)"})
def dpia_to_be_approved_with_nine_open_findings(r: Reg) -> None:
    for i in range(1, 10):
        r.add("access_roles", id=f"role-{i}", label=TEXT, system="las", read=["name"], needs=["name"], reason="x",
              shared_account=True)
    r.dpia(status="to_be_approved")


@fires("DPIA964", "d", params={"count": 8, "findings": ", ".join(f"DPIA603/role-{i}" for i in range(1, 9))})
def dpia_to_be_approved_with_eight_open_findings(r: Reg) -> None:
    for i in range(1, 9):
        r.add("access_roles", id=f"role-{i}", label=TEXT, system="las", read=["name"], needs=["name"], reason="x",
              shared_account=True)
    r.dpia(status="to_be_approved")


@fires("DPIA964", "d", params={"count": 1, "findings": "DPIA954/d/r-1"})
def dpia_to_be_approved_with_an_unrated_risk(r: Reg) -> None:
    r.dpia(status="to_be_approved", risks=[{k: v for k, v in LOW_RISK.items() if k != "impact"}])


@silent("DPIA964")
def rejected_dpia_with_an_open_finding_in_scope(r: Reg) -> None:
    r.set("access_roles", "mentor", shared_account=True)
    r.dpia(status="decided")
    signoff = r.entry("dpias", "d")["signoff"]
    signoff["review_by"] = iso(ON + DAY)
    signoff["decision"]["outcome"] = "reject"


@silent("DPIA964")
def draft_with_an_open_finding_in_scope(r: Reg) -> None:
    r.set("access_roles", "mentor", shared_account=True)
    r.dpia()


@silent("DPIA964")
def dpia_to_be_approved_with_the_finding_accepted_until_today(r: Reg) -> None:
    r.set("access_roles", "mentor", shared_account=True)
    r.dpia(status="to_be_approved")
    _accept(r, "DPIA603/mentor", ON)


@fires("DPIA965", "las", params={"dpias": "—", "count": 2})
def required_processing_without_dpia_or_decision(r: Reg) -> None:
    r.remove("screening_decisions", "sd-las")


@fires("DPIA965", "las", params={"dpias": "d: 1/2"})
def required_processing_partly_covered_by_a_dpia(r: Reg) -> None:
    r.remove("screening_decisions", "sd-las")
    r.dpia(systems=[], flows=["f-school-las"])


@silent("DPIA965")
def required_processing_with_its_dpia(r: Reg) -> None:
    r.remove("screening_decisions", "sd-las")
    r.dpia()


def _bus(r: Reg, travellers: int = 1000) -> None:
    """Names of pupils under 16 to a bus company for trips: children (WP248 criterion 7), and from 1000 of
    them a large scale (criterion 5, ``dpia.analysis.screening.LARGE_SCALE_SUBJECTS``)."""
    r.party("bus", "recipient")
    r.subject("travellers", band="under_16", count=travellers)
    r.purpose("trip", "public_task", ["name"], legal_source="WVO 2020")
    r.flow("f-bus", "school-a", "bus", ["name"], ["trip"], ["travellers"])


def _bus_decision(r: Reg) -> None:
    r.add("screening_decisions", id="sd-bus", party="bus", purpose="trip", reason="Eén namenlijst per reis.",
          decided_by="FG", decided_on=iso(ON))


@fires("DPIA966", "bus/trip")
def two_criteria_for_1000_children(r: Reg) -> None:
    _bus(r, 1000)


@silent("DPIA966")
def one_criterion_for_999_children(r: Reg) -> None:
    _bus(r, 999)


@silent("DPIA966")
def likely_processing_with_a_recorded_decision(r: Reg) -> None:
    _bus(r)
    _bus_decision(r)


@fires("DPIA967", "d/las")
def dpia_covers_one_flow_of_the_processing(r: Reg) -> None:
    r.remove("screening_decisions", "sd-las")
    r.dpia(systems=[], flows=["f-school-las"])


@fires("DPIA967", "d/las")
def dpia_covers_one_flow_after_a_processing_that_needs_nothing(r: Reg) -> None:
    r.remove("screening_decisions", "sd-las")
    r.add("systems", id="app", name="App", kind="learning_platform", operated_by="supplier")
    r.flow("f-app", "school-a", "app", ["name"], ["education"])
    r.dpia(systems=[], flows=["f-school-las"])


@silent("DPIA967")
def dpia_covers_the_whole_system(r: Reg) -> None:
    r.remove("screening_decisions", "sd-las")
    r.dpia(systems=["las"])


@fires("DPIA968", "sd-app", params={"target": "app"})
def decision_on_a_system_without_flows(r: Reg) -> None:
    r.add("systems", id="app", name="App", kind="learning_platform", operated_by="supplier")
    r.add("screening_decisions", id="sd-app", system="app", reason="Nog niet in gebruik.", decided_by="FG",
          decided_on=iso(ON))


@fires("DPIA968", "sd-duo", params={"target": "duo/education"})
def decision_on_a_processing_the_register_lacks(r: Reg) -> None:
    r.add("screening_decisions", id="sd-duo", party="duo", purpose="education", reason="Geen verstrekking.",
          decided_by="FG", decided_on=iso(ON))


@silent("DPIA968")
def decision_on_a_disclosure_the_register_has(r: Reg) -> None:
    _bus(r)
    _bus_decision(r)


# ==================================================================================================
# DPIA971-977 breaches (a check of a past day looks at 23:59:59 Dutch time that day)


@fires("DPIA971", "b")
def undecided_a_second_after_the_72_hours(r: Reg) -> None:
    r.breach(discovered_at="2026-11-26T23:59:58+01:00", ap=None, data_subjects=None)


@silent("DPIA971")
def undecided_on_the_72nd_hour(r: Reg) -> None:
    r.breach(discovered_at="2026-11-26T23:59:59+01:00", ap=None, data_subjects=None)


@silent("DPIA971")
def decided_after_the_72_hours(r: Reg) -> None:
    r.breach(discovered_at="2026-11-20T10:00:00+01:00")


def _notified(r: Reg, at: str, reason: str | None = None) -> None:
    ap = {"decision": "notify", "decided_at": at, "notified_at": at, **({"reason": reason} if reason else {})}
    r.breach(discovered_at="2026-11-20T10:00:00+01:00", ap=ap)


@fires("DPIA972", "b", params={"notified": "2026-11-23 10:01", "deadline": "2026-11-23 10:00"})
def notified_a_minute_late_without_reason(r: Reg) -> None:
    _notified(r, "2026-11-23T10:01:00+01:00")


@fires("DPIA972", "b")
def notified_late_with_a_blank_reason(r: Reg) -> None:
    _notified(r, "2026-11-24T10:00:00+01:00", "  ")


@fires("DPIA972", "b")
def notified_late_after_a_breach_notified_with_reason(r: Reg) -> None:
    _notified(r, "2026-11-23T10:01:00+01:00")
    r.breach(id="a", ap={"decision": "notify", "decided_at": "2026-11-24T10:00:00+01:00",
                         "notified_at": "2026-11-24T10:00:00+01:00", "reason": "De verwerker meldde het laat."})


@silent("DPIA972")
def undecided_breach_is_left_to_dpia971(r: Reg) -> None:
    r.breach(ap=None)


@silent("DPIA972")
def notified_on_the_deadline(r: Reg) -> None:
    _notified(r, "2026-11-23T10:00:00+01:00")


@silent("DPIA972")
def notified_late_with_reason(r: Reg) -> None:
    _notified(r, "2026-11-24T10:00:00+01:00", "De verwerker meldde het lek pas op 24 november.")


def _care_breach(r: Reg, **fields: Any) -> None:
    """Care data and the BSN of children, taken on purpose: a very high risk."""
    r.breach(categories=["care", "bsn", "name"], malicious=True, **fields)


@fires("DPIA973", "b")
def high_risk_breach_without_a_decision_on_informing_pupils(r: Reg) -> None:
    _care_breach(r, data_subjects=None)


@fires("DPIA973", "b")
def high_risk_breach_undecided_after_a_decided_one(r: Reg) -> None:
    _care_breach(r, data_subjects=None)
    r.breach(id="a")


@silent("DPIA973")
def high_risk_breach_with_a_decision_on_informing_pupils(r: Reg) -> None:
    _care_breach(r)


@silent("DPIA973")
def low_risk_breach_without_a_decision_on_informing_pupils(r: Reg) -> None:
    r.breach(nature=["availability"], data_subjects=None)


def _processor_agreement(r: Reg, **fields: Any) -> None:
    r.set("agreements", "va-supplier", kind="processing_agreement", **fields)


@fires("DPIA974", "b/supplier")
def breach_at_a_processor_whose_agreement_has_no_notice_clause(r: Reg) -> None:
    _processor_agreement(r)
    r.breach(at="f-school-las")


@fires("DPIA974", "b/hosting")
def breach_at_a_sub_processor_whose_processor_has_no_notice_clause(r: Reg) -> None:
    _processor_agreement(r)
    r.flow("f-las-hosting", "las", "hosting", ["name"], ["education"])
    r.breach(at="hosting")


@fires("DPIA974", "b/supplier")
def breach_at_a_processor_after_one_at_an_independent_controller(r: Reg) -> None:
    _processor_agreement(r)
    r.breach(id="a", at="duo", categories=["bsn"])
    r.breach(at="supplier")


@fires("DPIA974", "b/supplier")
def breach_at_a_processor_after_one_at_a_processor_without_any_agreement(r: Reg) -> None:
    _processor_agreement(r)
    r.party("mailer", "processor")
    r.flow("f-mail", "school-a", "mailer", ["name"], ["education"])
    r.breach(id="a", at="mailer")
    r.breach(at="supplier")


@fires("DPIA974", "b/hosting")
def breach_at_a_sub_processor_with_its_own_agreement_without_notice_clause(r: Reg) -> None:
    r.set("parties", "hosting", processor_of=None)
    r.add("agreements", id="va-hosting", kind="processing_agreement", parties=["hosting"], categories=["name"],
          purposes=["education"], deletion_after_use=True)
    r.flow("f-las-hosting", "las", "hosting", ["name"], ["education"])
    r.breach(at="hosting")


@silent("DPIA974")
def breach_at_an_independent_controller_with_a_data_sharing_arrangement(r: Reg) -> None:
    r.add("agreements", id="va-duo", kind="data_sharing", parties=["duo"], categories=["name", "bsn"], purposes=["bron"])
    r.breach(at="duo", categories=["bsn"])


@silent("DPIA974")
def breach_at_a_school(r: Reg) -> None:
    r.breach(at="school-a")


@fires("DPIA974", "b/mailer")
def breach_at_a_processor_without_clause_after_one_under_the_model_agreement(r: Reg) -> None:
    r.party("mailer", "processor")
    r.add("agreements", id="va-mailer", kind="processing_agreement", parties=["mailer"], categories=["name"],
          purposes=["education"], deletion_after_use=True)
    r.flow("f-mail", "school-a", "mailer", ["name"], ["education"])
    r.breach(id="a", at="las")
    r.breach(at="mailer")


@silent("DPIA974")
def breach_at_a_processor_with_a_notice_clause(r: Reg) -> None:
    _processor_agreement(r, breach_notice_hours=24)
    r.breach(at="supplier")


@silent("DPIA974")
def breach_at_a_processor_under_the_model_agreement(r: Reg) -> None:
    r.breach(at="las")


@fires("DPIA975", "b")
def closed_without_measures(r: Reg) -> None:
    r.breach(closed_at="2026-11-25T10:00:00+01:00", measures_taken=None)


@silent("DPIA975")
def closed_with_a_measure_of_the_register(r: Reg) -> None:
    r.breach(closed_at="2026-11-25T10:00:00+01:00", measures_taken=None, measures=["m-mfa"])


@fires("DPIA976", "b")
def breach_report_names_data_the_place_never_held(r: Reg) -> None:
    r.breach(at="duo", categories=["bsn", "care"])


@silent("DPIA976")
def breach_report_names_data_the_place_holds(r: Reg) -> None:
    r.breach(at="duo", categories=["bsn", "name"])


@fires("DPIA977", "b/ap")
def ap_not_notified_without_reason(r: Reg) -> None:
    r.breach(ap={"decision": "not_notify", "decided_at": "2026-11-21T10:00:00+01:00"})


@fires("DPIA977", "b/data_subjects")
def pupils_not_informed_without_reason(r: Reg) -> None:
    r.breach(data_subjects={"decision": "not_notify", "decided_at": "2026-11-21T10:00:00+01:00"})


@fires("DPIA977", "b/data_subjects")
def pupils_not_informed_with_a_blank_reason(r: Reg) -> None:
    r.breach(data_subjects={"decision": "not_notify", "decided_at": "2026-11-21T10:00:00+01:00", "reason": " "})


@silent("DPIA977")
def not_notified_with_reasons(r: Reg) -> None:
    r.breach()


# ==================================================================================================
# DPIA981-988 the school's promises (each kind has its own code)


@fires("DPIA981", "pr")
def promise_of_consent_broken_by_a_statutory_flow(r: Reg) -> None:
    r.promise("no_flow_without_consent", to=["duo"])


@silent("DPIA981")
def promise_of_consent_for_data_the_party_never_gets(r: Reg) -> None:
    r.promise("no_flow_without_consent", to=["duo"], categories=["care"])


@fires("DPIA982", "pr")
def promise_of_agreements_broken_by_one_that_ended_yesterday(r: Reg) -> None:
    r.set("agreements", "va-supplier", valid_until=iso(ON - DAY))
    r.promise("under_agreement")


@silent("DPIA982")
def promise_of_agreements_kept_on_the_agreements_last_day(r: Reg) -> None:
    r.set("agreements", "va-supplier", valid_until=iso(ON))
    r.promise("under_agreement")


@fires("DPIA983", "pr")
def promise_that_only_the_care_team_reads_care_data(r: Reg) -> None:
    r.add("access_roles", id="teacher", label={"nl": "Vakdocent", "en": "Teacher"}, system="las", read=["name", "care"],
          needs=["name", "care"], care_team=True, reason="lesgeven")
    r.promise("only_roles_read", categories=["care"], access_roles=["mentor"])


@silent("DPIA983")
def promise_that_only_the_mentor_reads_care_data(r: Reg) -> None:
    r.promise("only_roles_read", categories=["care"], access_roles=["mentor"])


@fires("DPIA984", "pr")
def promise_of_parental_consent_for_publication_broken_at_16(r: Reg) -> None:
    r.set("consents", "c-photos", given_by={"under_16": "parent", "16_to_17": "parent", "18_plus": "pupil"})
    _web(r, ["photos"])
    r.promise("no_publication_without_consent")


@silent("DPIA984")
def promise_of_consent_for_publication_kept(r: Reg) -> None:
    _web(r, ["photos"])
    r.promise("no_publication_without_consent")


def _policy(r: Reg, consulted: str | None) -> None:
    r.controller(privacy_policy={"adopted_on": "2025-07-01", **({"mr_consulted_on": consulted} if consulted else {})})
    r.promise("policy_adopted_after_mr")


@fires("DPIA985", "pr")
def policy_adopted_the_day_before_the_mr_was_consulted(r: Reg) -> None:
    _policy(r, "2025-07-02")


@fires("DPIA985", "pr")
def policy_adopted_without_the_mr(r: Reg) -> None:
    _policy(r, None)


@silent("DPIA985")
def policy_adopted_the_day_the_mr_was_consulted(r: Reg) -> None:
    _policy(r, "2025-07-01")


@fires("DPIA986", "pr")
def promise_of_deletion_within_a_year(r: Reg) -> None:
    r.promise("deleted_after_leaving", system="las", max="P1Y")


@silent("DPIA986")
def promise_of_deletion_within_exactly_the_schools_period(r: Reg) -> None:
    r.promise("deleted_after_leaving", system="las", max="P2Y")


@fires("DPIA987", "pr")
def promise_of_minimal_data_broken(r: Reg) -> None:
    r.set("flows", "f-photos", categories=["name", "care"])
    r.promise("only_needed_data")


@silent("DPIA987")
def promise_of_minimal_data_kept(r: Reg) -> None:
    r.promise("only_needed_data")


@fires("DPIA988", "pr")
def manual_promise_checked_367_days_ago(r: Reg) -> None:
    r.promise("manual", evidence="Steekproef in Magister.", checked_on=iso(ON - 367 * DAY))


@silent("DPIA988")
def manual_promise_checked_366_days_ago(r: Reg) -> None:
    r.promise("manual", evidence="Steekproef in Magister.", checked_on=iso(ON - 366 * DAY))


# ==================================================================================================
# DPIA991 transparency


@fires("DPIA991", "board")
def dpo_without_an_address(r: Reg) -> None:
    r.controller(dpo={"name": "A. de Vries"})


@fires("DPIA991", "board")
def no_dpo(r: Reg) -> None:
    r.controller(dpo=None)


@silent("DPIA991")
def dpo_reachable_through_the_role_address(r: Reg) -> None:
    r.controller(dpo={"name": "A. de Vries", "role_address": "fg@example.nl"})
