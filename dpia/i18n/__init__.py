"""The message catalogue: every user-facing sentence, in Dutch and English.

The texts live in one gettext catalogue per language, ``locale/<lang>/LC_MESSAGES/dpia.po``: a
translator opens it in any .po editor. The program reads the ``dpia.mo`` compiled from it next to it,
with the standard library's :mod:`gettext` only, so that ``python -m dpia.documents.browser`` runs
before Babel is installed. ``make catalogue`` compiles the .po files with Babel
(:func:`dpia.io.catalogue.compile_catalogues`); tests/test_catalogue.py fails while a .mo is out of date.

A message's msgid is its key: code never builds user-facing sentences itself, it names a key and its
parameters (``t("cli_valid", lang, path=...)``). The rules' texts are keys too:
``rule.<CODE>.<part>`` for the parts of ``dpia.rules.base.TEXT_FIELDS``; a model field's label is
``field.<section>.<field path>``.

Dutch is the default language (the MR reads Dutch); ``DPIA_LANG=en`` or ``--lang en`` switches.

Plurals: a message with plural forms (``msgid_plural``, one ``msgstr[i]`` per form of the language's
CLDR plural rule, in the catalogue's Plural-Forms header) takes its form from its ``count`` parameter,
through gettext's ``ngettext``. Numbers: ``{count}`` is written for the reader's locale ('1.500' in
Dutch); another parameter is written as it is, unless the text asks for ``{name:number}`` (a decimal
number, '0,5') or ``{name:size}`` (a number of bytes, '0,5 MB').

A validation message that states what is wrong is followed by what to do: ``step_<key>`` holds that
second sentence for problem key ``<key>`` (``dpia.io.problems.Problem.message`` adds it; tests/test_messages.py
checks that every problem key has one, or says the step itself).
"""

from __future__ import annotations

import functools
import gettext
import numbers
import operator
import os
import re
import string
from pathlib import Path
from typing import Any

LANGS = ("nl", "en")
DOMAIN = "dpia"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
BABEL_LOCALES = {"nl": "nl_NL", "en": "en_GB"}


def default_lang() -> str:
    lang = os.environ.get("DPIA_LANG", "nl")
    return lang if lang in LANGS else "nl"


def po_path(lang: str) -> Path:
    """The translators' catalogue of ``lang``."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(lang: str) -> Path:
    """The compiled catalogue of ``lang``, which the program reads."""
    return po_path(lang).with_suffix(".mo")


class Catalogue(gettext.GNUTranslations):
    """One language's compiled catalogue: gettext's, plus its keys and which of them have plural forms."""

    texts: dict[str, str]
    plurals: dict[str, tuple[str, ...]]
    formatted: frozenset[str]  # the keys whose text asks for {name:number} or {name:size}

    def _parse(self, fp: Any) -> None:  # gettext's documented hook for reading a catalogue
        super()._parse(fp)
        self.texts = {k: v for k, v in self._catalog.items() if isinstance(k, str) and k}
        forms: dict[str, dict[int, str]] = {}
        for k, v in self._catalog.items():
            if isinstance(k, tuple):
                forms.setdefault(k[0], {})[k[1]] = v
        self.plurals = {k: tuple(v[i] for i in sorted(v)) for k, v in forms.items()}
        self.formatted = frozenset(k for k, v in [*self.texts.items(), *((k, " ".join(f)) for k, f in self.plurals.items())]
                                   if _SPEC.search(v))


@functools.cache
def catalogue(lang: str) -> Catalogue:
    """The compiled catalogue of ``lang`` (read once; ``catalogue.cache_clear()`` reads it again)."""
    if lang not in LANGS:
        raise KeyError(lang)
    with open(mo_path(lang), "rb") as fp:
        return Catalogue(fp)


def has(key: str) -> bool:
    """Whether the catalogue has a message ``key`` (tests/test_catalogue.py: then in every language)."""
    cat = catalogue(LANGS[0])
    return key in cat.texts or key in cat.plurals


def keys() -> list[str]:
    """Every message key, sorted."""
    cat = catalogue(LANGS[0])
    return sorted({*cat.texts, *cat.plurals})


def template(key: str, lang: str | None = None) -> str | tuple[str, ...]:
    """The text of ``key`` as the catalogue holds it, placeholders unfilled; for a message with plural
    forms, the tuple of its forms (in the order of the language's Plural-Forms).

    >>> template("cli_valid", "en")
    '{path}: valid register'
    >>> template("report_n_findings", "nl")
    ('{count} bevinding', '{count} bevindingen')
    """
    cat = catalogue(lang or default_lang())
    if key in cat.plurals:
        return cat.plurals[key]
    return cat.texts[key]


def forms(key: str, lang: str | None = None) -> tuple[str, ...]:
    """Every text of ``key`` in ``lang``: its one text, or each of its plural forms.

    >>> forms("cli_valid", "en"), forms("report_n_findings", "en")
    (('{path}: valid register',), ('{count} finding', '{count} findings'))
    """
    text = template(key, lang)
    return text if isinstance(text, tuple) else (text,)


def _whole(count: Any) -> int | None:
    """A count as an int (numpy and pandas give their own integer types, a sum can be a float), or None
    when it is no whole number ('?' for a number nobody knows)."""
    try:
        return operator.index(count)
    except TypeError:
        if isinstance(count, float) and count.is_integer():
            return int(count)
        return None


MANY = 100  # the count that chooses the plural form of a count that is no whole number ('about ? people')


def t(key: str, lang: str | None = None, /, **params: Any) -> str:
    """The message ``key`` in ``lang`` with ``params`` filled in.

    A message with plural forms takes the form for its ``count`` parameter; a count that is no whole
    number ('?') takes the form for many.

    >>> t("cli_valid", "en", path="data/x")
    'data/x: valid register'
    >>> t("report_n_findings", "nl", count=1), t("report_n_findings", "nl", count=2)
    ('1 bevinding', '2 bevindingen')
    >>> t("report_n_findings", "nl", count=1500), t("report_n_findings", "en", count=1500)
    ('1.500 bevindingen', '1,500 findings')
    """
    lang = lang or default_lang()
    cat = catalogue(lang)
    if key in cat.plurals:
        if "count" not in params:
            raise TypeError(f"message {key!r} has plural forms and needs a count parameter")
        whole = _whole(params["count"])
        text = cat.ngettext(key, key, MANY if whole is None else whole)
    elif key in cat.texts:
        text = cat.gettext(key)
    else:
        raise KeyError(key)
    count = params.get("count")
    if isinstance(count, numbers.Number) and not isinstance(count, bool):
        if not isinstance(count, int) or abs(count) >= 1000:  # below 1000 an int is written as Python writes it
            params = {**params, "count": format_number(count, lang)}
    if key in cat.formatted:
        return _Formatter(lang).vformat(text, (), params)
    return text.format(**params)


# Placeholders that ask for a number written for the reader: {name:number}, {name:size}.
_SPEC = re.compile(r"\{\w+:(?:number|size)\}")


class _Formatter(string.Formatter):
    def __init__(self, lang: str):
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec in ("number", "size") and (isinstance(value, bool) or not isinstance(value, numbers.Number)):
            return str(value)  # a value found in a file ('abc' where a number belongs) is shown as it is
        if format_spec == "number":
            return format_number(value, self.lang)
        if format_spec == "size":
            return format_size(value, self.lang)
        return format(value, format_spec)


# ---- numbers, sizes, durations, dates and lists for the reader's locale (Babel, imported when needed)


def format_number(value: Any, lang: str | None = None) -> str:
    """A number as the reader writes it: '1.500' and '0,5' in Dutch, '1,500' and '0.5' in English.

    >>> format_number(1500, "nl"), format_number(0.5, "nl"), format_number(0.5, "en")
    ('1.500', '0,5', '0.5')
    """
    from babel.numbers import format_decimal

    return format_decimal(value, locale=BABEL_LOCALES[lang or default_lang()])


def format_size(n_bytes: float, lang: str | None = None) -> str:
    """A number of bytes in megabytes (2**20 bytes), to one decimal at most: '0,5 MB' / '0.5 MB'.

    >>> format_size(2**19, "nl"), format_size(5 * 2**20, "en")
    ('0,5 MB', '5 MB')
    """
    from babel.units import format_unit

    return format_unit(n_bytes / 2**20, "digital-megabyte", length="short", format="#,##0.#",
                       locale=BABEL_LOCALES[lang or default_lang()])


DURATION_UNITS = ("year", "month", "week", "day", "hour", "minute")


def format_duration(parts: Any, lang: str | None = None) -> str:
    """A duration of several units as a sentence says it: '5 jaar en 6 maanden' / '5 years and 6 months'.

    ``parts`` are ``(number, unit)`` pairs, unit one of ``DURATION_UNITS``; each part is written by
    Babel's ``format_unit`` and the parts are joined by ``format_list``.

    >>> format_duration([(5, "year"), (1, "month")], "nl"), format_duration([(2, "day"), (1, "hour")], "en")
    ('5 jaar en 1 maand', '2 days and 1 hour')
    """
    from babel.units import format_unit

    locale = BABEL_LOCALES[lang or default_lang()]
    return format_list([format_unit(n, f"duration-{unit}", length="long", locale=locale) for n, unit in parts], lang)


def format_date(day: Any, lang: str | None = None) -> str:
    """A date written out for people: '31 juli 2026' in Dutch, '31 July 2026' in English.

    Accepts a ``datetime.date`` or an ISO string (YYYY-MM-DD).

    >>> format_date("2026-07-31", "nl"), format_date("2026-07-31", "en")
    ('31 juli 2026', '31 July 2026')
    """
    import datetime as dt

    from babel.dates import format_date as babel_format_date

    if isinstance(day, str):
        day = dt.date.fromisoformat(day)
    return babel_format_date(day, format="long", locale=BABEL_LOCALES[lang or default_lang()])


def format_datetime(moment: Any, lang: str | None = None) -> str:
    """A moment written out for people, in its own time zone: the long date and the hour (Babel's
    ``format_date`` and ``format_time``) in the message ``names_moment``: '23 november 2026 om 09:15'.

    >>> import datetime as dt
    >>> format_datetime(dt.datetime(2026, 11, 23, 9, 15), "nl"), format_datetime(dt.datetime(2026, 11, 23, 9, 5), "en")
    ('23 november 2026 om 09:15', '23 November 2026 at 09:05')
    """
    from babel.dates import format_time

    time = format_time(moment, "short", tzinfo=moment.tzinfo, locale=BABEL_LOCALES[lang or default_lang()])
    return t("names_moment", lang, date=format_date(moment, lang), time=time)


def format_list(items: Any, lang: str | None = None) -> str:
    """Items joined as a sentence does: 'a, b en c' in Dutch, 'a, b and c' in English.

    >>> format_list(["a", "b", "c"], "nl"), format_list(["a", "b"], "en")
    ('a, b en c', 'a and b')
    """
    from babel.lists import format_list as babel_format_list

    items = [str(i) for i in items]
    return babel_format_list(items, locale=BABEL_LOCALES[lang or default_lang()]) if items else ""
