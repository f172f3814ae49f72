"""Confidential values: what a document for the MR or for parents must never show.

Named contacts (unless marked public), measure details and confidential category labels are
replaced by ``REDACTED`` in the last pass over every document (:func:`scrub`).
"""

from __future__ import annotations

import html

from dpia.model import Register


REDACTED = "[vertrouwelijk]"


def confidential_values(register: Register) -> list[str]:
    """Every value the register marks confidential: named contacts (unless marked public), measure
    details, confidential category labels. A contact's role address is public (it is the address the
    report gives). Longest first, so a scrub replaces whole values before their parts."""
    values: set[str] = set()
    public: set[str] = set()
    contacts = [register.controller.dpo, register.controller.contact] + [p.contact for p in register.parties]
    for c in contacts:
        if c is None:
            continue
        if c.role_address:
            public.add(c.role_address)
        if not c.public:
            values |= {v for v in (c.name, c.email, c.phone) if v}
    values |= {m.detail for m in register.measures if m.detail}
    for c in register.data_categories:
        if c.confidential:
            values |= {c.label.nl, c.label.en}
    return sorted((v for v in values - public if len(v.strip()) >= 3), key=lambda v: (-len(v), v))


def scrub(text: str, register: Register) -> str:
    """Replace every confidential value (raw and HTML-escaped) in ``text``."""
    for value in confidential_values(register):
        for form in {value, html.escape(value, quote=True), html.escape(value, quote=False)}:
            text = text.replace(form, REDACTED)
    return text
