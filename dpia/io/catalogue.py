"""Keeping the message catalogue (``dpia.i18n``): compile the .po files to .mo with Babel (``make catalogue``).

The .po files are the source: translators edit them (``locale/<lang>/LC_MESSAGES/dpia.po``). The
.mo files beside them are what the program reads (``dpia.i18n.catalogue``), so they are committed and
must be compiled again after every edit of a .po file; tests/test_catalogue.py fails until they are.

Each entry carries the other language's text as an extracted comment (``#. en: ...`` in nl.po and
``#. nl: ...`` in en.po), so that a translator sees the source of a message whose msgid is a key.
:func:`compile_catalogues` brings those comments up to date too. Babel is imported here only: the
program itself reads the .mo files with the standard library.
"""

from __future__ import annotations

import io
import re
from typing import Any

from dpia.i18n import LANGS, mo_path, po_path
from dpia.io.files import atomic_write


def read_catalogue(lang: str) -> Any:
    """The .po file of ``lang`` as a ``babel.messages.Catalog``."""
    from babel.messages.pofile import read_po

    with open(po_path(lang), "rb") as fp:
        return read_po(fp, locale=lang, domain="dpia")


def po_text(catalog: Any) -> bytes:
    """A catalogue as .po text: one line per message text (no wrapping, so a diff shows one message), and
    no line naming the Babel version that wrote it (the file stays the same under another version)."""
    from babel.messages.pofile import write_po

    out = io.BytesIO()
    write_po(out, catalog, width=1_000_000, no_location=True, sort_output=False)
    return re.sub(rb'"Generated-By: [^"]*"\n', b"", out.getvalue())


def mo_bytes(catalog: Any) -> bytes:
    """A catalogue compiled to the GNU .mo format."""
    from babel.messages.mofile import write_mo

    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def _source_comment(lang: str, text: Any) -> list[str]:
    """The extracted comments that show ``text`` of the other language ``lang`` to a translator."""
    if isinstance(text, (tuple, list)):
        return [f"{lang} [{i}]: {form}" for i, form in enumerate(text)]
    return [f"{lang}: {text}"]


def _is_source_comment(comment: str) -> bool:
    return any(comment.startswith((f"{lang}: ", f"{lang} [")) for lang in LANGS)


def refresh_source_comments(catalogs: dict[str, Any]) -> None:
    """Give each entry the other languages' texts as extracted comments, replacing the old ones."""
    for lang, catalog in catalogs.items():
        for message in catalog:
            if not message.id:
                continue
            own = [c for c in message.auto_comments if not _is_source_comment(c)]
            for other, other_catalog in catalogs.items():
                source = other_catalog.get(message.id)
                if other != lang and source is not None:
                    own += _source_comment(other, source.string)
            message.auto_comments = own


def compile_catalogues() -> list[str]:
    """Bring the source comments of every .po file up to date and compile each to its .mo; returns the
    files written (those whose content changed)."""
    catalogs = {lang: read_catalogue(lang) for lang in LANGS}
    refresh_source_comments(catalogs)
    written = []
    for lang, catalog in catalogs.items():
        for path, data in ((po_path(lang), po_text(catalog)), (mo_path(lang), mo_bytes(catalog))):
            if not path.exists() or path.read_bytes() != data:
                atomic_write(path, data)
                written.append(str(path))
    return written
