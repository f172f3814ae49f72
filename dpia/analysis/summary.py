"""A plain-text summary of a register: what it holds, in the reader's language."""

from __future__ import annotations

from dpia.model.flowtable import flow_count
from dpia.i18n import t
from dpia.model import Register


def counts(register: Register) -> dict[str, int]:
    """Number of entities per kind, for summaries and the notebooks' overview."""
    r = register
    return {
        "schools": len(r.controller.schools),
        "parties": len(r.parties),
        "systems": len(r.systems),
        "categories": len(r.data_categories),
        "subjects": len(r.subjects),
        "purposes": len(r.purposes),
        "flows": flow_count(r),  # YAML and bulk (flows.csv) flows
        "agreements": len(r.agreements),
        "consents": len(r.consents),
        "roles": len(r.access_roles),
        "retention": len(r.retention),
        "measures": len(r.measures),
    }


def summary_lines(register: Register, lang: str | None = None) -> list[str]:
    """Title and counts of the register, one line each."""
    return [
        t("summary_title", lang, name=register.controller.name),
        t("summary_counts", lang, **{k: t(f"summary_n_{k}", lang, count=n) for k, n in counts(register).items()}),
    ]
