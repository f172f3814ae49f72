"""Synthetic registers at board or national scale, with planted defects whose findings are known.

``generate(schools, apps, seed, out)`` writes a register folder that looks like a real one (shared
suppliers, sub-processor chains, independent controllers, age bands, a consent-based publication)
and is clean under every rule of ``dpia check`` except for a controlled share of planted defects.
Each defect is listed in ``manifest.json`` with the finding ids (``CODE/subject/...``) it must produce,
so a test or a benchmark can check that the planted findings, and nothing else, are found.

The large parts of the register use the bulk (CSV) form of ``dpia.io.bulk``: ``schools.csv``,
``parties.csv``, ``systems.csv`` and ``flows.csv`` (the schools' flows and the suppliers' hosting and
back-up chains); the rest (categories, purposes, agreements, access roles, retention, the DPIA, and a
few flows kept by hand in ``chains.yaml``) is YAML, as a privacy officer would keep it. The same
arguments always give byte-identical files.

Shape, for ``schools`` N and ``apps`` M (M counts every product, the pupil administrations included):

* 1-3 pupil-administration systems (LAS), each school using one; the other products are learning
  materials, learning platforms, a school photographer, mail, identity and planning apps, run by
  about M/3 suppliers (processors), some outside the EEA under SCC, each with a hosting
  sub-processor (a shared cloud or its own datacentre, sometimes with a back-up sub-processor);
* per school: enrolment (parents → LAS), the school career and care data (→ LAS), BRON (→ DUO),
  absence reports (→ the municipality's attendance officer), photos for the public website, and one
  flow per product the school uses (each product's popularity varies around ``use``);
* primary schools (po) have pupils under 16 only, secondary schools (vo) all three age bands.

Planted defects (see ``DEFECT_KINDS``): flow-level kinds are planted on ``defect_share`` of the
school-to-product flows (at least one each); register-level kinds once each.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from dpia.io.files import output_stream, write_output
from dpia.model import Criterion

VERSION = 3  # of the layout; a register cached by an older version is generated again
ON = dt.date(2026, 11, 29)
VALID_FROM = dt.date(2024, 8, 1)
VALID_UNTIL = dt.date(2028, 7, 31)
EXPIRED_UNTIL = dt.date(2026, 7, 31)

# ---- vocabulary of the register

# id: (nl, en, type, record_type, special_subtype)
CATEGORIES: dict[str, tuple[str, str, str, str | None, str | None]] = {
    "name": ("Naam", "Name", "ordinary", None, None),
    "address": ("Adres", "Home address", "ordinary", None, None),
    "residence": ("Woonplaats en postcode", "Place of residence and postcode", "ordinary", None, None),
    "date_of_birth": ("Geboortedatum", "Date of birth", "ordinary", None, None),
    "gender": ("Geslacht", "Gender", "ordinary", None, None),
    "bsn": ("Burgerservicenummer (BSN/PGN)", "Citizen service number (BSN/PGN)", "national_id", None, None),
    "parent_contact": ("Contactgegevens ouders", "Contact details of parents", "ordinary", None, None),
    "passport_photo": ("Pasfoto", "Passport photo", "ordinary", None, None),
    "enrolment": ("In- en uitschrijvingsgegevens", "Enrolment records", "ordinary", "absence_enrolment", None),
    "class_group": ("Klas en leerjaar", "Class and year", "ordinary", None, None),
    "grades": ("Cijfers", "Grades", "sensitive", "pupil_file", None),
    "absence": ("Afwezigheid en verzuim", "Absence", "ordinary", "absence_enrolment", None),
    "conversation_reports": ("Gespreksverslagen", "Conversation reports", "sensitive", "pupil_file", None),
    "exam_results": ("Examenresultaten en cijferlijst", "Exam results and grade list", "sensitive", "central_exam", None),
    "care_data": ("Zorggegevens", "Care data", "special", "pupil_file", "health"),
    "care_reports": ("Testresultaten en onderzoeksrapporten", "Test results and research reports", "special", "pupil_file", "health"),
    "learning_results": ("Leerresultaten in lesmateriaal", "Results in learning materials", "sensitive", "pupil_file", None),
    "eck_id": ("ECK-iD", "ECK-iD (pseudonym in the learning-materials chain)", "ordinary", None, None),
    "account": ("Accountgegevens", "Account data", "ordinary", None, None),
    "mail_content": ("Inhoud van e-mail", "E-mail content", "ordinary", None, None),
    "images": ("Foto's en video's van leerlingen", "Photos and videos of pupils", "ordinary", None, None),
}

# id: (category, duration, trigger, legal source)
RETENTION: dict[str, tuple[str, str, str]] = {
    "name": ("P5Y", "deregistration", "WVO 2020; Leerplichtwet 1969"),
    "address": ("P5Y", "deregistration", "WVO 2020; Leerplichtwet 1969"),
    "residence": ("P5Y", "deregistration", "WVO 2020; Leerplichtwet 1969"),
    "date_of_birth": ("P5Y", "deregistration", "WVO 2020; Leerplichtwet 1969"),
    "gender": ("P5Y", "deregistration", "WVO 2020; Leerplichtwet 1969"),
    "bsn": ("P5Y", "deregistration", "WVO 2020; Leerplichtwet 1969"),
    "enrolment": ("P5Y", "deregistration", "WVO 2020; Leerplichtwet 1969"),
    "absence": ("P5Y", "deregistration", "Leerplichtwet 1969"),
    "parent_contact": ("P2Y", "deregistration", "AVG art. 5 lid 1 onder e"),
    "passport_photo": ("P2Y", "deregistration", "AVG art. 5 lid 1 onder e"),
    "class_group": ("P2Y", "deregistration", "AVG art. 5 lid 1 onder e"),
    "grades": ("P2Y", "deregistration", "AVG art. 5 lid 1 onder e"),
    "conversation_reports": ("P2Y", "deregistration", "AVG art. 5 lid 1 onder e"),
    "care_data": ("P2Y", "deregistration", "AVG art. 5 lid 1 onder e"),
    "care_reports": ("P2Y", "deregistration", "AVG art. 5 lid 1 onder e"),
    "learning_results": ("P2Y", "deregistration", "AVG art. 5 lid 1 onder e"),
    "exam_results": ("P1Y", "result", "Uitvoeringsbesluit WVO 2020 art. 4.39"),
    "eck_id": ("P6M", "deregistration", "AVG art. 5 lid 1 onder e"),
    "account": ("P6M", "deregistration", "AVG art. 5 lid 1 onder e"),
    "mail_content": ("P2Y", "creation", "AVG art. 5 lid 1 onder e"),
    "images": ("P1Y", "end_of_use", "AVG art. 5 lid 1 onder e"),
}

# id: (nl, en, legal basis, legal source, art. 9 exception, needs)
PURPOSES: dict[str, tuple[str, str, str, str | None, str | None, list[str]]] = {
    "p-enrolment": ("Aanmelding en leerlingadministratie", "Registration and pupil administration", "legal_obligation",
                    "WVO 2020; Leerplichtwet 1969",
                    None, ["name", "address", "residence", "date_of_birth", "gender", "bsn", "parent_contact", "enrolment",
                           "class_group"]),
    "p-education": ("Onderwijs geven", "Providing education", "public_task", "WVO 2020", None,
                    ["name", "class_group", "passport_photo", "grades", "absence", "account", "learning_results"]),
    "p-guidance": ("Leerlingbegeleiding", "Pastoral guidance", "public_task", "WVO 2020", None,
                   ["name", "class_group", "parent_contact", "grades", "absence", "conversation_reports"]),
    "p-care": ("Extra ondersteuning van zorgleerlingen", "Extra support for pupils with care needs", "public_task",
               "WVO 2020 (passend onderwijs)", "UAVG art. 30 lid 3 onder a",
               ["name", "class_group", "date_of_birth", "parent_contact", "grades", "absence", "conversation_reports",
                "care_data", "care_reports"]),
    "p-exams": ("Examens afnemen", "Holding exams", "legal_obligation", "WVO 2020; Eindexamenbesluit VO", None,
                ["name", "class_group", "grades", "exam_results"]),
    "p-bron": ("Gegevenslevering aan DUO (BRON)", "Reporting to DUO (BRON)", "legal_obligation",
               "WVO 2020 (gegevenslevering aan DUO)", None,
               ["bsn", "name", "date_of_birth", "gender", "residence", "enrolment", "exam_results"]),
    "p-absence-report": ("Verzuim melden aan de leerplichtambtenaar", "Reporting absence to the attendance officer",
                         "legal_obligation", "Leerplichtwet 1969 art. 21a", None, ["bsn", "name", "date_of_birth", "absence"]),
    "p-learning-materials": ("Digitaal lesmateriaal gebruiken", "Using digital learning materials", "public_task", "WVO 2020",
                             None, ["eck_id", "name", "class_group", "learning_results"]),
    "p-school-pass": ("Schoolpas maken", "Making the school pass", "public_task", "WVO 2020", None,
                      ["name", "class_group", "passport_photo"]),
    "p-communication": ("Communicatie met leerlingen en ouders", "Communication with pupils and parents", "public_task",
                        "WVO 2020", None, ["name", "class_group", "account", "parent_contact", "mail_content"]),
    "p-identity": ("Inloggen in de leermiddelenketen", "Logging in to the learning-materials chain", "public_task",
                   "WVO 2020", None, ["account", "eck_id", "name"]),
    "p-website": ("Foto's op de openbare website", "Photos on the public website", "consent", None, None, ["images"]),
}

# Product kinds (other than the pupil administration): system kind, categories, purposes, share outside the EEA.
PRODUCT_KINDS: list[tuple[str, str, list[str], list[str]]] = [
    ("lesmateriaal", "learning_materials", ["eck_id", "name", "class_group", "learning_results"], ["p-learning-materials"]),
    ("leerplatform", "learning_platform", ["account", "name", "class_group", "grades", "learning_results"], ["p-education"]),
    ("fotograaf", "photo", ["name", "class_group", "passport_photo"], ["p-school-pass"]),
    ("mail", "mail", ["account", "name", "parent_contact", "mail_content"], ["p-communication"]),
    ("inloggen", "identity", ["account", "eck_id", "name"], ["p-identity"]),
    ("planner", "other", ["name", "class_group", "parent_contact"], ["p-communication"]),
]
KIND_ORDER = [0, 1, 2, 3, 4, 5, 0, 1, 0, 5, 1, 0]  # learning materials are the most numerous

LAS_CATEGORIES_ENROL = ["name", "address", "residence", "date_of_birth", "gender", "bsn", "parent_contact", "enrolment",
                        "class_group"]
LAS_CATEGORIES_CAREER = ["class_group", "grades", "absence", "conversation_reports"]
LAS_CATEGORIES_CARE = ["name", "care_data", "care_reports"]
LAS_PURPOSES = ["p-enrolment", "p-education", "p-guidance", "p-care", "p-exams"]
BRON_CATEGORIES = ["bsn", "name", "date_of_birth", "gender", "residence", "enrolment"]
ABSENCE_CATEGORIES = ["bsn", "name", "date_of_birth", "absence"]

BANDS_PO = ["pupils-under-16"]
BANDS_VO = ["pupils-under-16", "pupils-16-17", "pupils-18-plus"]
CLOUDS = [("cloud-nl", "Cloud Hosting Nederland B.V.", "NL"), ("cloud-de", "Rechenzentrum Mitte GmbH", "DE"),
          ("cloud-ie", "Cloud Services Ireland Ltd.", "IE")]
EEA = ["NL", "NL", "NL", "NL", "BE", "DE", "IE", "FI"]

FLOW_COLUMNS = ["id", "from", "to", "categories", "purposes", "subjects", "agreement", "channel"]
YAML_FILES = ("register.yaml", "data.yaml", "purposes.yaml", "retention.yaml", "chains.yaml", "agreements.yaml",
              "access.yaml", "consents.yaml", "measures.yaml", "dpias.yaml", "screening.yaml")


# --------------------------------------------------------------------------------------------------
# Planted defects


@dataclass(frozen=True)
class DefectKind:
    kind: str
    rule: str
    theme: str
    level: str  # "flow": a share of the school-to-product flows; "register": once
    description: str


DEFECT_KINDS: dict[str, DefectKind] = {d.kind: d for d in [
    DefectKind("flow-without-purpose", "DPIA101", "purposes", "flow",
               "a school-to-product flow names no purpose"),
    DefectKind("bsn-to-publisher", "DPIA301", "special", "flow",
               "a flow to a learning-materials publisher also carries the BSN (the publisher's agreement does not "
               "cover it, its purpose does not need it, and the product has no access roles)"),
    DefectKind("category-outside-agreement", "DPIA202", "agreements", "flow",
               "a flow to a learning platform carries absence data, which its purpose needs but its agreement does not cover"),
    DefectKind("expired-agreement", "DPIA204", "agreements", "register",
               "the agreement of a niche supplier expired before the assessment date while flows still rely on it"),
    DefectKind("agreement-without-deletion", "DPIA206", "agreements", "register",
               "a processing agreement does not oblige the supplier to delete the data afterwards"),
    DefectKind("unpermitted-subprocessor", "DPIA207", "agreements", "register",
               "a supplier passes data to a sub-processor its agreement does not permit"),
    DefectKind("care-data-outside-care-team", "DPIA303", "special", "register",
               "the subject-teacher role of a pupil administration reads care data"),
    DefectKind("transfer-without-mechanism", "DPIA501", "transfers", "register",
               "a supplier sends data to an analytics sub-processor in the US without a transfer mechanism"),
]}


@dataclass
class Defect:
    kind: str
    rule: str
    target: str
    findings: list[str]
    description: str


@dataclass
class Manifest:
    schools: int
    apps: int
    seed: int
    use: float
    defect_share: float
    on: str
    counts: dict[str, int]
    defects: list[Defect] = field(default_factory=list)

    @property
    def expected_findings(self) -> list[str]:
        return sorted({f for d in self.defects for f in d.findings})

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["generator"] = "dpia synth"
        out["version"] = VERSION
        out["expected_findings"] = self.expected_findings
        return out


# --------------------------------------------------------------------------------------------------
# Generation


@dataclass
class _Product:
    system: str
    name: str
    kind: str  # system kind
    supplier: str
    categories: list[str]
    purposes: list[str]
    popularity: float


@dataclass
class _Supplier:
    id: str
    name: str
    country: str
    mechanism: str | None
    host: str  # its hosting sub-processor
    backup: str | None = None
    products: list[_Product] = field(default_factory=list)
    las: bool = False
    niche: bool = False


def flows_per_school(apps: int, use: float = 0.9) -> float:
    """About how many flows a school adds, for choosing ``schools`` to reach a number of flows."""
    las = _las_count(apps)
    return 6 + use * (apps - las)


def _las_count(apps: int) -> int:
    return 1 if apps < 6 else 2 if apps < 30 else 3


def generate(
    schools: int,
    apps: int,
    seed: int = 1,
    out: str | os.PathLike[str] = "synthetic",
    *,
    use: float = 0.9,
    defect_share: float = 0.0005,
    on: dt.date = ON,
) -> Manifest:
    """Write a synthetic register folder to ``out`` (created; existing register files are replaced).

    Returns the manifest, also written to ``out/manifest.json``.
    """
    if schools < 1:
        raise ValueError("schools must be at least 1")
    if apps < 2:
        raise ValueError("apps must be at least 2 (a pupil administration and one product)")
    if not 0 < use <= 1:
        raise ValueError("use must be in (0, 1]")
    rng = np.random.default_rng(seed)
    out = Path(out)
    if out.exists() and any(out.iterdir()) and not _written_by_synth(out):
        raise TargetNotSynthetic(out)
    out.mkdir(parents=True, exist_ok=True)
    for old in list(out.glob("*.yaml")) + list(out.glob("*.csv")) + [out / "manifest.json"]:
        if old.exists():
            old.unlink()

    # ---- suppliers and products
    n_las = _las_count(apps)
    n_products = apps - n_las
    n_suppliers = max(1, n_products // 3)
    suppliers: list[_Supplier] = []
    las_suppliers: list[_Supplier] = []
    for j in range(n_las):
        sid = f"las-sup-{j + 1}"
        sup = _Supplier(sid, f"LAS-leverancier {j + 1} B.V.", "NL", None, f"dc-{sid}", backup=f"backup-{sid}", las=True)
        sup.products.append(_Product(f"las-{j + 1}", f"Leerlingadministratie {j + 1}", "pupil_administration", sid,
                                     [], LAS_PURPOSES, 1.0))
        las_suppliers.append(sup)
    for k in range(n_suppliers):
        sid = f"sup-{k + 1:03d}"
        outside = n_suppliers >= 5 and k % 10 == 9  # every tenth supplier processes in the US, under SCC
        country = "US" if outside else EEA[int(rng.integers(len(EEA)))]
        own_dc = k % 3 == 2
        host = f"dc-{sid}" if own_dc else CLOUDS[k % len(CLOUDS)][0]
        suppliers.append(_Supplier(sid, f"Leverancier {k + 1} B.V.", country, "scc" if outside else None, host,
                                   backup=f"backup-{sid}" if own_dc and k % 2 == 0 else None))
    regular = n_suppliers - 1 if n_suppliers >= 2 else n_suppliers
    for m in range(n_products):
        label, kind, cats, purposes = PRODUCT_KINDS[KIND_ORDER[m % len(KIND_ORDER)]]
        # The last supplier (the niche one, whose agreement will have expired) has only the last product.
        sup = suppliers[-1] if n_suppliers >= 2 and m == n_products - 1 else suppliers[m % regular]
        popularity = float(np.clip(use + rng.uniform(-0.15, 0.15), 0.05, 1.0)) if use < 1 else 1.0
        sup.products.append(_Product(f"app-{m + 1:03d}", f"{label.capitalize()} {m + 1}", kind, sup.id, list(cats),
                                     list(purposes), popularity))
    # A niche product whose supplier's agreement has expired (planted) is used by few schools.
    niche = suppliers[-1] if n_suppliers >= 2 else None
    if niche is not None:
        niche.niche = True
        for p in niche.products:
            p.popularity = min(p.popularity, max(0.02, 1.0 / schools))
    products = [p for s in suppliers for p in s.products]

    # ---- schools
    n_gem = max(1, min(350, schools // 15))
    school_ids = [f"s{i + 1:05d}" for i in range(schools)]
    vo = rng.random(schools) < 0.3
    vo[0] = True
    las_of = rng.integers(n_las, size=schools)
    las_of[: min(schools, n_las)] = np.arange(min(schools, n_las))
    gem_of = np.arange(schools) % n_gem
    pupils = rng.integers(150, 1800, size=schools)
    uses = rng.random((schools, len(products))) < np.array([p.popularity for p in products])[None, :]
    for m in range(len(products)):  # every product is used somewhere
        if not uses[:, m].any():
            uses[int(rng.integers(schools)), m] = True

    # ---- flows: per school, then per school and product (the bulk), then the suppliers' chains (YAML)
    rows: list[list[str]] = []
    app_flow_rows: list[int] = []  # row indices of school-to-product flows, for planting
    app_flow_product: list[int] = []
    for i, s in enumerate(school_ids):
        bands = BANDS_VO if vo[i] else BANDS_PO
        b = " ".join(bands)
        las = las_suppliers[las_of[i]].products[0].system
        gem = f"gem-{gem_of[i] + 1:03d}"
        career = LAS_CATEGORIES_CAREER + (["exam_results"] if vo[i] else [])
        career_purposes = ["p-education", "p-guidance"] + (["p-exams"] if vo[i] else [])
        bron = BRON_CATEGORIES + (["exam_results"] if vo[i] else [])
        rows += [
            [f"f-{s}-enrol", "parents", las, " ".join(LAS_CATEGORIES_ENROL), "p-enrolment", b + " parents", "",
             "Aanmeldformulier in het LAS (HTTPS)"],
            [f"f-{s}-career", s, las, " ".join(career), " ".join(career_purposes), b, "", "Invoer door medewerkers"],
            [f"f-{s}-care", s, las, " ".join(LAS_CATEGORIES_CARE), "p-care", b, "", "Afgeschermd zorgdossier"],
            [f"f-{s}-bron", s, "duo", " ".join(bron), "p-bron", b, "", "BRON-koppeling"],
            [f"f-{s}-absence", s, gem, " ".join(ABSENCE_CATEGORIES), "p-absence-report", b, "", "Verzuimregister"],
            [f"f-{s}-website", s, "website", "images", "p-website", b, "", "Upload in het CMS"],
        ]
        for m in np.flatnonzero(uses[i]):
            p = products[m]
            app_flow_rows.append(len(rows))
            app_flow_product.append(int(m))
            rows.append([f"f-{s}-{p.system}", s, p.system, " ".join(p.categories), " ".join(p.purposes),
                         b + (" staff" if p.kind == "mail" else ""), "", "Koppeling (API)"])

    las_categories = sorted(set(LAS_CATEGORIES_ENROL + LAS_CATEGORIES_CAREER + LAS_CATEGORIES_CARE + ["exam_results"]))
    for sup in las_suppliers:
        sup.products[0].categories = las_categories
    # The suppliers' own chains (hosting, back-up) come from their privacy annexes: bulk rows as well.
    for sup in las_suppliers + suppliers:
        for p in sup.products:
            rows.append([f"f-{p.system}-hosting", p.system, sup.host, " ".join(p.categories), " ".join(p.purposes), "",
                         "", "Hosting en opslag"])
        if sup.backup:
            cats = sorted({c for p in sup.products for c in p.categories})
            purposes = sorted({x for p in sup.products for x in p.purposes})
            rows.append([f"f-{sup.id}-backup", sup.host, sup.backup, " ".join(cats), " ".join(purposes), "", "",
                         "Versleutelde back-up"])
    # Kept by hand in YAML: publication on the website, and what the defects add below.
    chain: list[dict[str, Any]] = []
    chain.append({"id": "f-website-publish", "from": "website", "to": "internet", "categories": ["images"],
                  "purposes": ["p-website"], "subjects": ["pupils-under-16", "pupils-16-17", "pupils-18-plus"],
                  "channel": "Openbare schoolwebsite"})

    # ---- plant the defects
    manifest = Manifest(schools, apps, seed, use, defect_share, on.isoformat(), {})
    extra_parties: list[dict[str, Any]] = []
    agreement_of = {sup.id: f"va-{sup.id}" for sup in las_suppliers + suppliers}
    agreement_changes: dict[str, dict[str, Any]] = {}
    role_changes: dict[str, dict[str, Any]] = {}
    n_flow_defects = max(1, round(defect_share * len(app_flow_rows)))
    taken: set[int] = set()

    def candidates(pred) -> np.ndarray:
        idx = [k for k, m in enumerate(app_flow_product) if pred(products[m]) and k not in taken]
        return np.array(idx, dtype=np.int64)

    def pick(pool: np.ndarray, n: int) -> list[int]:
        if len(pool) == 0:
            return []
        chosen = sorted(rng.choice(pool, size=min(n, len(pool)), replace=False).tolist())
        taken.update(chosen)
        return chosen

    not_niche = {p.system for s in suppliers if not s.niche for p in s.products}
    eea_suppliers = {s.id for s in suppliers if s.mechanism is None}

    def add(kind: str, target: str, findings: list[str]) -> None:
        d = DEFECT_KINDS[kind]
        manifest.defects.append(Defect(kind, d.rule, target, findings, d.description))

    # flow-level: no purpose
    for k in pick(candidates(lambda p: p.system in not_niche), n_flow_defects):
        row = rows[app_flow_rows[k]]
        row[4] = ""
        add("flow-without-purpose", row[0], [f"DPIA101/{row[0]}"])
    # flow-level: BSN to a learning-materials publisher in the EEA
    for k in pick(candidates(lambda p: p.kind == "learning_materials" and p.system in not_niche
                             and p.supplier in eea_suppliers), n_flow_defects):
        row = rows[app_flow_rows[k]]
        p = products[app_flow_product[k]]
        row[3] += " bsn"
        add("bsn-to-publisher", row[0], [f"DPIA301/{row[0]}", f"DPIA105/{row[0]}",
                                         f"DPIA202/{row[0]}/{agreement_of[p.supplier]}", f"DPIA605/{p.system}"])
    # flow-level: a category its purpose needs but the agreement does not cover
    for k in pick(candidates(lambda p: p.kind == "learning_platform" and p.system in not_niche), n_flow_defects):
        row = rows[app_flow_rows[k]]
        p = products[app_flow_product[k]]
        row[3] += " absence"
        add("category-outside-agreement", row[0], [f"DPIA202/{row[0]}/{agreement_of[p.supplier]}"])
    # register-level
    if niche is not None:
        agreement_changes[agreement_of[niche.id]] = {"valid_until": EXPIRED_UNTIL}
        add("expired-agreement", agreement_of[niche.id], [f"DPIA204/{agreement_of[niche.id]}"])
    others = [s for s in suppliers if not s.niche]
    if others:
        careless = others[len(others) // 2]
        agreement_changes.setdefault(agreement_of[careless.id], {})["deletion_after_use"] = False
        add("agreement-without-deletion", agreement_of[careless.id], [f"DPIA206/{agreement_of[careless.id]}"])
        leaky = others[0]
        rogue = f"sms-{leaky.id}"
        extra_parties.append({"id": rogue, "name": f"SMS-dienst van {leaky.name} (fictief)", "role": "sub_processor",
                              "location.country": "NL", "processor_of": leaky.id})
        p = leaky.products[0]
        chain.append({"id": f"f-{p.system}-sms", "from": p.system, "to": rogue, "categories": ["name"],
                      "purposes": p.purposes, "channel": "Sms-koppeling"})
        add("unpermitted-subprocessor", rogue, [f"DPIA207/{rogue}/{agreement_of[leaky.id]}"])
        exporter = others[-1]
        analytics = f"analytics-{exporter.id}"
        extra_parties.append({"id": analytics, "name": f"Analytics Inc. voor {exporter.name} (fictief)",
                              "role": "sub_processor", "location.country": "US", "processor_of": exporter.id})
        p = exporter.products[0]
        flow_id = f"f-{p.system}-analytics"
        chain.append({"id": flow_id, "from": p.system, "to": analytics, "categories": ["name"],
                      "purposes": p.purposes, "channel": "Gebruiksstatistiek"})
        agreement_changes.setdefault(agreement_of[exporter.id], {})["extra_permitted"] = analytics
        add("transfer-without-mechanism", flow_id, [f"DPIA501/{flow_id}"])
    role_changes["vakdocent-las-1"] = {"read_care": True}
    add("care-data-outside-care-team", "vakdocent-las-1", ["DPIA303/vakdocent-las-1"])

    # ---- what is actually used decides which categories, purposes and subjects exist
    used_categories: set[str] = set()
    used_purposes: set[str] = set()
    for row in rows:
        used_categories.update(row[3].split())
        used_purposes.update(row[4].split())
    for c in chain:
        used_categories.update(c["categories"])
        used_purposes.update(c["purposes"])
    has_mail = any(p.kind == "mail" for p in products)

    # ---- write
    _write_csv(out / "flows.csv", FLOW_COLUMNS, rows)
    _write_csv(out / "schools.csv", ["id", "name", "brin", "pupils", "staff"], [
        [s, f"School {i + 1} ({'vo' if vo[i] else 'po'})", _brin(i), str(int(pupils[i])), str(int(pupils[i]) // 12)]
        for i, s in enumerate(school_ids)
    ])
    party_rows: list[dict[str, Any]] = []
    for sup in las_suppliers + suppliers:
        party_rows.append({"id": sup.id, "name": sup.name, "role": "processor", "location.country": sup.country,
                           "location.transfer_mechanism": sup.mechanism or ""})
    hosts = sorted({sup.host for sup in las_suppliers + suppliers})
    owner_of_host = {}
    for sup in las_suppliers + suppliers:
        owner_of_host.setdefault(sup.host, sup.id)
    clouds = {c[0]: c for c in CLOUDS}
    for h in hosts:
        name, country = (clouds[h][1], clouds[h][2]) if h in clouds else (f"Datacentrum van {owner_of_host[h]}", "NL")
        party_rows.append({"id": h, "name": name, "role": "sub_processor", "location.country": country,
                           "processor_of": owner_of_host[h]})
    for sup in las_suppliers + suppliers:
        if sup.backup:
            party_rows.append({"id": sup.backup, "name": f"Back-up van {sup.name}", "role": "sub_processor",
                               "location.country": "NL", "processor_of": sup.id})
    party_rows += extra_parties
    party_rows.append({"id": "webbureau", "name": "Webbureau (fictief)", "role": "processor", "location.country": "NL"})
    party_rows.append({"id": "duo", "name": "Dienst Uitvoering Onderwijs (DUO)", "role": "independent_controller",
                       "location.country": "NL"})
    for g in range(n_gem):
        party_rows.append({"id": f"gem-{g + 1:03d}", "name": f"Leerplichtambtenaar gemeente {g + 1}",
                           "role": "independent_controller", "location.country": "NL"})
    party_rows.append({"id": "internet", "name": "Internet (openbare website)", "role": "public"})
    party_columns = ["id", "name", "role", "location.country", "location.transfer_mechanism", "processor_of"]
    _write_csv(out / "parties.csv", party_columns, [[str(r.get(c, "")) for c in party_columns] for r in party_rows])
    system_rows = [[p.system, p.name, p.kind, p.supplier] for s in las_suppliers for p in s.products]
    system_rows += [[p.system, p.name, p.kind, p.supplier] for p in products]
    system_rows.append(["website", "Schoolwebsites", "website", "webbureau"])
    _write_csv(out / "systems.csv", ["id", "name", "kind", "operated_by"], system_rows)

    counts = {
        "flows": len(rows) + len(chain), "flows_csv": len(rows), "flows_yaml": len(chain), "schools": schools,
        "parties": len(party_rows), "systems": len(system_rows), "agreements": len(las_suppliers) + len(suppliers) + 1,
    }
    manifest.counts = counts
    total_pupils = int(pupils.sum())
    y = _Yaml()
    _write(out / "register.yaml", _register_yaml(y, schools, total_pupils))
    _write(out / "data.yaml", _data_yaml(y, used_categories, total_pupils, vo, has_mail))
    _write(out / "purposes.yaml", _purposes_yaml(y, used_purposes))
    _write(out / "retention.yaml", _retention_yaml(y, used_categories))
    _write(out / "chains.yaml", y.section("flows", chain, "Publicatie en wat leveranciers verder doorgeven."))
    _write(out / "agreements.yaml", _agreements_yaml(y, las_suppliers + suppliers, agreement_changes))
    _write(out / "access.yaml", _access_yaml(y, las_suppliers, role_changes, used_categories))
    _write(out / "consents.yaml", y.section("consents", [{
        "id": "c-website", "purpose": "p-website",
        "given_by": {"under_16": "parent", "16_to_17": "pupil", "18_plus": "pupil"},
        "recorded_in": las_suppliers[0].products[0].system,
        "how_recorded": "Per leerling in het ouderportaal van het LAS, met datum en wie toestemming gaf.",
        "withdrawal": "Op elk moment in het ouderportaal; de school haalt de foto's binnen een week weg.",
        "renewed": "P1Y",
    }]))
    _write(out / "measures.yaml", _measures_yaml(y, [s.products[0].system for s in las_suppliers]))
    _write(out / "dpias.yaml", _dpia_yaml(y, [s.products[0].system for s in las_suppliers], on))
    gems = sorted({f"gem-{int(g) + 1:03d}" for g in gem_of[:schools]})
    _write(out / "screening.yaml", _screening_yaml(y, [p.system for p in products] + ["website"], gems, on))
    _write(out / "manifest.json", json.dumps(manifest.as_dict(), indent=2, ensure_ascii=False) + "\n")
    return manifest


class TargetNotSynthetic(Exception):
    """The output folder holds files that ``dpia synth`` did not write: they are never replaced."""


def _written_by_synth(folder: Path) -> bool:
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(manifest, dict) or manifest.get("generator") != "dpia synth":
        return False
    ours = {"manifest.json", "flows.csv", "schools.csv", "parties.csv", "systems.csv"} | set(YAML_FILES)
    return all(p.name in ours for p in folder.iterdir())


def _brin(i: int) -> str:
    letters = "ABCDEFGHJKLMNPRSTUVWXZ"
    return f"{(i // 484) % 100:02d}{letters[(i // 22) % 22]}{letters[i % 22]}"


def _write_csv(path: Path, header: list[str], rows: Iterable[list[str]]) -> None:
    with output_stream(path) as fh:  # streamed: a national register's flows.csv is a gigabyte
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def _write(path: Path, text: str) -> None:
    write_output(path, text)


# ---- YAML (written by hand: plain block style, deterministic, quick)


class _Yaml:
    def scalar(self, v: Any) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, (int, float)):
            return str(v)
        if isinstance(v, dt.date):
            return v.isoformat()
        s = str(v)
        return json.dumps(s, ensure_ascii=False)

    def value(self, v: Any, indent: int) -> list[str]:
        pad = " " * indent
        if isinstance(v, dict):
            out = []
            for k, x in v.items():
                if isinstance(x, (dict, list)) and x:
                    if isinstance(x, list) and all(not isinstance(e, (dict, list)) for e in x):
                        out.append(f"{pad}{k}: [{', '.join(self.scalar(e) for e in x)}]")
                    else:
                        out.append(f"{pad}{k}:")
                        out += self.value(x, indent + 2)
                elif isinstance(x, list):
                    out.append(f"{pad}{k}: []")
                else:
                    out.append(f"{pad}{k}: {self.scalar(x)}")
            return out
        if isinstance(v, list):
            out = []
            for e in v:
                inner = self.value(e, indent + 2)
                out.append(f"{pad}- {inner[0].lstrip()}")
                out += inner[1:]
            return out
        return [pad + self.scalar(v)]

    def section(self, name: str, items: list[dict[str, Any]], comment: str = "") -> str:
        head = f"# {comment}\n" if comment else ""
        return head + f"{name}:\n" + "\n".join(self.value(items, 2)) + "\n"


def _register_yaml(y: _Yaml, schools: int, pupils: int) -> str:
    controller = {
        "id": "bestuur", "name": "Stichting Synthetisch Onderwijs (fictief)", "sector": "vo", "kvk": "12345678",
        "public_authority": True,
        "dpo": {"name": "F. G. Functionaris", "email": "fg@synthetisch.example"},
    }
    return (f"# Synthetisch register: {schools} scholen (schools.csv), circa {pupils} leerlingen.\n"
            "# Geschreven door `dpia synth`; de scholen, partijen, systemen en stromen staan in CSV.\n"
            "# Sector vo: de tabellen van de WVO 2020 gelden voor het hele register (een register heeft één sector).\n"
            "controller:\n" + "\n".join(y.value(controller, 2)) + "\n")


def _data_yaml(y: _Yaml, used: set[str], pupils: int, vo: np.ndarray, has_mail: bool) -> str:
    cats = []
    for cid, (nl, en, typ, record, subtype) in CATEGORIES.items():
        if cid not in used:
            continue
        c: dict[str, Any] = {"id": cid, "label": {"nl": nl, "en": en}, "type": typ}
        if subtype:
            c["special_subtype"] = subtype
        if record:
            c["record_type"] = record
        cats.append(c)
    share_vo = float(vo.mean())
    subjects = [
        {"id": "pupils-under-16", "label": {"nl": "Leerlingen jonger dan 16", "en": "Pupils under 16"}, "kind": "pupil",
         "age_band": "under_16", "count": int(pupils * (1 - share_vo * 0.4))},
        {"id": "pupils-16-17", "label": {"nl": "Leerlingen van 16 en 17", "en": "Pupils aged 16 and 17"}, "kind": "pupil",
         "age_band": "16_to_17", "count": int(pupils * share_vo * 0.3)},
        {"id": "pupils-18-plus", "label": {"nl": "Leerlingen van 18 en ouder", "en": "Pupils aged 18 and over"},
         "kind": "pupil", "age_band": "18_plus", "count": int(pupils * share_vo * 0.1)},
        {"id": "parents", "label": {"nl": "Ouders en verzorgers", "en": "Parents and guardians"}, "kind": "parent",
         "count": int(pupils * 1.7)},
    ]
    if has_mail:
        subjects.append({"id": "staff", "label": {"nl": "Medewerkers", "en": "Staff"}, "kind": "staff",
                         "count": pupils // 12})
    return y.section("data_categories", cats) + "\n" + y.section("subjects", subjects)


def _purposes_yaml(y: _Yaml, used: set[str]) -> str:
    items = []
    for pid, (nl, en, basis, source, art9, needs) in PURPOSES.items():
        if pid not in used:
            continue
        p: dict[str, Any] = {"id": pid, "label": {"nl": nl, "en": en}, "legal_basis": basis}
        if source:
            p["legal_source"] = source
        if art9:
            p["art9_exception"] = art9
        p["needs"] = needs
        items.append(p)
    return y.section("purposes", items)


def _retention_yaml(y: _Yaml, used: set[str]) -> str:
    items = []
    for cid, (duration, trigger, source) in RETENTION.items():
        if cid in used:
            items.append({"id": f"r-{cid.replace('_', '-')}", "category": cid, "duration": duration, "trigger": trigger,
                          "legal_source": source})
    return y.section("retention", items)


def _agreements_yaml(y: _Yaml, suppliers: list[_Supplier], changes: dict[str, dict[str, Any]]) -> str:
    items = []
    for sup in suppliers:
        aid = f"va-{sup.id}"
        ch = changes.get(aid, {})
        permitted = [sup.host] + ([sup.backup] if sup.backup else []) + ([ch["extra_permitted"]] if "extra_permitted" in ch else [])
        items.append({
            "id": aid, "kind": "model_4_0", "parties": [sup.id],
            "categories": sorted({c for p in sup.products for c in p.categories}),
            "purposes": sorted({x for p in sup.products for x in p.purposes}),
            "valid_from": VALID_FROM, "valid_until": ch.get("valid_until", VALID_UNTIL),
            "deletion_after_use": ch.get("deletion_after_use", True),
            "permitted_subprocessors": sorted(permitted),
            "privacy_annex_version": "2025.1", "security_annex": f"Beveiligingsbijlage {sup.name}",
        })
    items.append({
        "id": "va-webbureau", "kind": "processing_agreement", "parties": ["webbureau"], "categories": ["images"],
        "purposes": ["p-website"], "valid_from": VALID_FROM, "valid_until": VALID_UNTIL, "deletion_after_use": True,
    })
    return y.section("agreements", items)


def _access_yaml(y: _Yaml, las: list[_Supplier], changes: dict[str, dict[str, Any]], used: set[str]) -> str:
    roles = []
    for sup in las:
        system = sup.products[0].system
        mentor = ["name", "class_group", "passport_photo", "parent_contact", "grades", "absence", "conversation_reports"]
        teacher = ["name", "class_group", "passport_photo", "grades", "absence"]
        care = ["name", "class_group", "date_of_birth", "parent_contact", "grades", "absence", "conversation_reports",
                "care_data", "care_reports"]
        admin = LAS_CATEGORIES_ENROL
        vak = f"vakdocent-{system}"
        if changes.get(vak, {}).get("read_care"):
            teacher = teacher + ["care_data"]
        for rid, nl, en, read, write, reason, care_team in [
            (f"mentor-{system}", "Mentor", "Form tutor", mentor, ["absence", "conversation_reports"],
             "Begeleidt de eigen mentorgroep.", False),
            (vak, "Vakdocent", "Subject teacher", teacher, ["grades", "absence"],
             "Geeft les aan de eigen lesgroepen.", False),
            (f"zorgteam-{system}", "Zorgteam", "Care team", care, ["care_data", "care_reports"],
             "Organiseert de extra ondersteuning van zorgleerlingen.", True),
            (f"administratie-{system}", "Leerlingadministratie", "Pupil administration", admin, admin,
             "Schrijft leerlingen in en levert gegevens aan DUO.", False),
        ]:
            read = [c for c in read if c in used]
            r = {"id": rid, "label": {"nl": nl, "en": en}, "system": system, "read": read,
                 "write": [c for c in write if c in used], "needs": read, "reason": reason}
            if care_team:
                r["care_team"] = True
            roles.append(r)
    return y.section("access_roles", roles)


def _measures_yaml(y: _Yaml, las: list[str]) -> str:
    return y.section("measures", [
        {"id": "m-mfa", "label": {"nl": "Tweefactorauthenticatie", "en": "Two-factor authentication"},
         "kind": "technical", "systems": las},
        {"id": "m-logging", "label": {"nl": "Logging van inzage in dossiers", "en": "Logging of file access"},
         "kind": "technical", "systems": las},
        {"id": "m-training", "label": {"nl": "Privacytraining voor medewerkers", "en": "Privacy training for staff"},
         "kind": "organisational"},
    ])


def _screening_yaml(y: _Yaml, systems: list[str], gems: list[str], on: dt.date) -> str:
    """The FG's recorded decisions that the products, the website and the statutory reports need no DPIA
    of the board's own, so that a synthetic register is clean under DPIA965-DPIA968 too."""
    day = on - dt.timedelta(days=60)
    by = "F. G. Functionaris"
    product = ("Product met de model-verwerkersovereenkomst 4.0 en de centrale DPIA van de sector; die is "
               "beoordeeld en de maatregelen zijn ingevoerd: geen eigen DPIA nodig.")
    report = "Wettelijke melding aan een zelfstandige verantwoordelijke; de DPIA van het LAS beschrijft de levering."
    items = [{"id": f"sd-{s}", "system": s, "reason": product, "decided_by": by, "decided_on": day} for s in systems]
    items.append({"id": "sd-bron", "party": "duo", "purpose": "p-bron", "reason": report, "decided_by": by, "decided_on": day})
    items += [{"id": f"sd-{g}", "party": g, "purpose": "p-absence-report", "reason": report, "decided_by": by,
               "decided_on": day} for g in gems]
    return y.section("screening_decisions", items, "Screeningsbesluiten van de FG: geen DPIA nodig, en waarom.")


def _dpia_yaml(y: _Yaml, las: list[str], on: dt.date) -> str:
    derived_true = {"wp248_sensitive_data", "wp248_large_scale", "wp248_vulnerable_subjects", "ap_health_data",
                    "art35_3b_large_scale_special_data", "wp248_evaluation_scoring", "wp248_systematic_monitoring",
                    "ap_behaviour_observation"}
    answers = [{"criterion": c.value, "applies": c.value in derived_true,
                "reason": "Beoordeeld door de FG bij de screening van het LAS."} for c in Criterion]
    d = {
        "id": "dpia-las", "title": {"nl": "DPIA leerlingadministratie", "en": "DPIA pupil administration"},
        "version": "1.0", "status": "draft", "scale": "model_dpia", "systems": las,
        "description": "De leerlingadministratiesystemen van alle scholen: aanmelding, cijfers, verzuim, zorgdossier.",
        "necessity": "De school moet een leerlingadministratie voeren (WVO 2020, Leerplichtwet 1969); minder "
                     "ingrijpend kan niet.",
        "screening": {"date": on - dt.timedelta(days=60), "by": "F. G. Functionaris", "answers": answers},
        "risks": [
            {"id": "r-las-breach", "title": {"nl": "Inbraak in het LAS", "en": "Break-in into the pupil administration"},
             "kind": "illegitimate_access", "sources": ["external_human"], "rights": ["private_life", "data_protection"],
             "systems": las,
             "likelihood": {"level": "low", "motivation": "Tweefactorauthenticatie en logging zijn ingevoerd."},
             "impact": {"level": "high", "motivation": "Alle leerlingen, het BSN en zorggegevens."},
             "measures": [{"measure": "m-mfa", "reduces": "likelihood"}, {"measure": "m-logging", "reduces": "likelihood"}]},
            {"id": "r-las-care", "title": {"nl": "Onbevoegde inzage in zorggegevens", "en": "Unauthorised access to care data"},
             "kind": "illegitimate_access", "sources": ["internal_human"], "rights": ["private_life", "rights_of_the_child"],
             "systems": las,
             "likelihood": {"level": "low", "motivation": "Alleen het zorgteam heeft toegang; inzage wordt gelogd."},
             "impact": {"level": "high", "motivation": "Gezondheidsgegevens van kinderen."},
             "measures": [{"measure": "m-logging", "reduces": "likelihood"}, {"measure": "m-training", "reduces": "likelihood"}]},
        ],
        "signoff": {
            "author": {"name": "Privacyteam", "date": on - dt.timedelta(days=45)},
            "fg_advice": {"date": on - dt.timedelta(days=30), "version": "1.0", "by": "F. G. Functionaris"},
            "mr": {"sought": True, "date": on - dt.timedelta(days=20), "views": "Geen bezwaren."},
            "review_by": on + dt.timedelta(days=365 * 2),
        },
    }
    return y.section("dpias", [d])
