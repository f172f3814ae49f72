"""Broken promises: what the school tells parents and pupils must be true (GDPR Art. 5(1)(a), 12(1)).

One rule per kind of promise (``dpia.analysis.promises`` documents the vocabulary); each cites the article the
promise is about and the transparency duty that makes an untrue promise a blocker. A manual promise
that was not checked in the last year is a reminder, not a blocker: the register cannot tell.
"""

from __future__ import annotations

from collections.abc import Iterable

from dpia.model import PromiseKind
from dpia.analysis.promises import check_promise
from dpia.rules.base import Context, Hit, rule
from dpia.model.findings import Kind, Severity

TRANSPARENCY = "AVG art. 5 lid 1 onder a; art. 12 lid 1"


def _hits(ctx: Context, kind: PromiseKind) -> Iterable[Hit]:
    for promise in sorted((p for p in ctx.register.promises if p.kind is kind), key=lambda p: p.id):
        broken = check_promise(ctx.register, promise, ctx.on, ctx.tables)
        if broken is not None:
            yield Hit((promise.id,), {"promise": promise.id, "text": promise.text.nl, "text_en": promise.text.en,
                                      **broken.params})


def _declare(kind: PromiseKind, code: str, name: str, article: str, nl: dict, en: dict,
             severity: Severity = Severity.BLOCKER, advisory: bool = False) -> None:
    def find(ctx: Context) -> Iterable[Hit]:
        return _hits(ctx, kind)

    find.__name__ = f"promise_{kind.value}"
    rule(code=code, name=name, severity=severity, kind=Kind.VIOLATION, article=f"{article}; {TRANSPARENCY}",
         theme="promises", advisory=advisory, nl=nl, en=en)(find)


_WHY_NL = ("De school belooft ouders en leerlingen iets dat volgens het register niet klopt. Wie op de brief "
           "vertrouwt, wordt misleid; de informatie moet juist en begrijpelijk zijn (AVG art. 12).")
_WHY_EN = ("The school promises parents and pupils something the register shows to be untrue. Whoever trusts "
           "the letter is misled; the information must be accurate and clear (GDPR Art. 12).")
_READER_NL = "Een belofte van de school klopt nu niet. De school past dit aan. Het gaat om deze belofte: {promise}"
_READER_EN = "A promise of the school is not true at the moment. The school is putting it right. This is the promise: {promise}"

_declare(
    PromiseKind.NO_FLOW_WITHOUT_CONSENT, "DPIA981", "promise-no-flow-without-consent", "AVG art. 6 lid 1 onder a; art. 7",
    nl={"title": "Belofte gebroken: geen gegevens zonder toestemming",
        "checks": "De school belooft dat bepaalde gegevens alleen met toestemming naar bepaalde organisaties gaan; "
        "een gegevensstroom daarheen dient een doel zonder toestemming als grondslag of zonder toestemmingsregeling.",
        "why": _WHY_NL,
        "fix": "Baseer het doel op toestemming en leg de regeling vast (`consents`), stop de gegevensstroom, of "
        "pas de tekst van de belofte aan.",
        "message": "belofte '{promise}' ('{text}') klopt niet: {count} gegevensstroom/-stromen naar {parties} zonder "
        "toestemming als grondslag, bijvoorbeeld {flows}",
        "reader": _READER_NL},
    en={"title": "Promise broken: no data without consent",
        "checks": "The school promises that some data goes to some organisations only with consent; a flow there "
        "serves a purpose not based on consent or without a consent arrangement.",
        "why": _WHY_EN,
        "fix": "Base the purpose on consent and record the arrangement (`consents`), stop the flow, or change the "
        "promise's text.",
        "message": "promise '{promise}' ('{text_en}') does not hold: {count} flow(s) to {parties} without consent as "
        "the basis, for example {flows}",
        "reader": _READER_EN},
)

_declare(
    PromiseKind.UNDER_AGREEMENT, "DPIA982", "promise-under-agreement", "AVG art. 28 lid 3",
    nl={"title": "Belofte gebroken: alleen met een verwerkersovereenkomst",
        "checks": "De school belooft dat externe partijen gegevens alleen krijgen met een geldige "
        "verwerkersovereenkomst die het doel noemt en vernietiging na gebruik vastlegt; een gegevensstroom "
        "heeft zo'n overeenkomst niet.",
        "why": _WHY_NL,
        "fix": "Sluit of verleng de overeenkomst met het doel en de vernietigingsplicht (`agreements`), of pas "
        "de tekst van de belofte aan (bijvoorbeeld: ontvangers met een eigen wettelijke taak vallen erbuiten).",
        "message": "belofte '{promise}' ('{text}') klopt niet: {count} gegevensstroom/-stromen naar {parties} zonder "
        "geldige overeenkomst met doel en vernietiging na gebruik, bijvoorbeeld {flows}",
        "reader": _READER_NL},
    en={"title": "Promise broken: only under a processing agreement",
        "checks": "The school promises that external parties get data only under a valid processing agreement "
        "that names the purpose and provides for destruction after use; a flow has no such agreement.",
        "why": _WHY_EN,
        "fix": "Conclude or renew the agreement with the purpose and the deletion duty (`agreements`), or change "
        "the promise's text (for example: recipients with a legal task of their own are not included).",
        "message": "promise '{promise}' ('{text_en}') does not hold: {count} flow(s) to {parties} without a valid "
        "agreement with purpose and deletion after use, for example {flows}",
        "reader": _READER_EN},
)

_declare(
    PromiseKind.ONLY_ROLES_READ, "DPIA983", "promise-only-roles-read", "AVG art. 5 lid 1 onder f; art. 32",
    nl={"title": "Belofte gebroken: niet iedereen ziet alles",
        "checks": "De school belooft dat alleen bepaalde rollen bepaalde gegevens kunnen lezen; een andere rol "
        "kan ze lezen.",
        "why": _WHY_NL,
        "fix": "Beperk de leesrechten van die rol (`access_roles`), of pas de tekst van de belofte aan.",
        "message": "belofte '{promise}' ('{text}') klopt niet: ook {roles} kan {categories} lezen",
        "reader": _READER_NL},
    en={"title": "Promise broken: not everyone sees everything",
        "checks": "The school promises that only some roles can read some data; another role can read it.",
        "why": _WHY_EN,
        "fix": "Restrict that role's read access (`access_roles`), or change the promise's text.",
        "message": "promise '{promise}' ('{text_en}') does not hold: {roles} can read {categories} too",
        "reader": _READER_EN},
)

_declare(
    PromiseKind.NO_PUBLICATION_WITHOUT_CONSENT, "DPIA984", "promise-no-publication-without-consent",
    "AVG art. 6 lid 1 onder a; art. 8; UAVG art. 5",
    nl={"title": "Belofte gebroken: niets op internet zonder toestemming",
        "checks": "De school belooft geen foto's of gegevens openbaar te maken zonder toestemming van de juiste "
        "persoon (onder 16 de ouder, vanaf 16 de leerling); een gegevensstroom naar het publiek heeft die "
        "toestemming niet.",
        "why": _WHY_NL,
        "fix": "Leg een toestemmingsregeling vast met de ouder onder 16 en de leerling vanaf 16, of stop met "
        "publiceren.",
        "message": "belofte '{promise}' ('{text}') klopt niet: {count} gegevensstroom/-stromen naar het publiek "
        "zonder toestemming van de juiste persoon, bijvoorbeeld {flows}",
        "reader": _READER_NL},
    en={"title": "Promise broken: nothing online without consent",
        "checks": "The school promises to publish no photos or data without the consent of the right person "
        "(a parent under 16, the pupil from 16); a flow to the public lacks that consent.",
        "why": _WHY_EN,
        "fix": "Record a consent arrangement with the parent under 16 and the pupil from 16, or stop publishing.",
        "message": "promise '{promise}' ('{text_en}') does not hold: {count} flow(s) to the public without consent "
        "of the right person, for example {flows}",
        "reader": _READER_EN},
)

_declare(
    PromiseKind.POLICY_ADOPTED_AFTER_MR, "DPIA985", "promise-policy-adopted-after-mr", "WMS art. 10 en 14 (verify)",
    nl={"title": "Belofte gebroken: beleid na overleg met de MR",
        "checks": "De school belooft dat het privacybeleid is vastgesteld na overleg met de MR; het register "
        "legt de vaststelling of het overleg niet vast, of het overleg kwam later.",
        "why": _WHY_NL + " Welk artikel van de WMS de MR hier precies een rol geeft, is nog te verifiëren.",
        "fix": "Leg bij het bestuur `privacy_policy` vast met `adopted_on` en `mr_consulted_on`, of pas de "
        "belofte aan.",
        "message": "belofte '{promise}' ('{text}') klopt niet ({why})",
        "reader": _READER_NL},
    en={"title": "Promise broken: policy adopted after consulting the MR",
        "checks": "The school promises its privacy policy was adopted after consulting the MR; the register does "
        "not record the adoption or the consultation, or the consultation came later.",
        "why": _WHY_EN + " Which article of the WMS gives the MR its part here is still to be verified.",
        "fix": "Record the board's `privacy_policy` with `adopted_on` and `mr_consulted_on`, or change the promise.",
        "message": "promise '{promise}' ('{text_en}') does not hold ({why})",
        "reader": _READER_EN},
)

_declare(
    PromiseKind.DELETED_AFTER_LEAVING, "DPIA986", "promise-deleted-after-leaving", "AVG art. 5 lid 1 onder e",
    nl={"title": "Belofte gebroken: verwijderd na vertrek",
        "checks": "De school belooft gegevens te verwijderen nadat de leerling de school verlaat; voor sommige "
        "gegevens ontbreekt een bewaartermijn die zo kort is, of die loopt vanaf een later moment.",
        "why": _WHY_NL,
        "fix": "Leg voor die gegevens een bewaartermijn vast vanaf de uitschrijving (`retention`), of noem ze in "
        "`except` van de belofte als de wet langer bewaren voorschrijft.",
        "message": "belofte '{promise}' ('{text}') klopt niet: {categories} heeft of hebben geen bewaartermijn van "
        "hoogstens {max} na vertrek",
        "reader": _READER_NL},
    en={"title": "Promise broken: deleted after leaving",
        "checks": "The school promises to delete data after the pupil leaves; for some data there is no retention "
        "period that short, or it runs from a later moment.",
        "why": _WHY_EN,
        "fix": "Record a retention period from deregistration for that data (`retention`), or list it in the "
        "promise's `except` where the law requires keeping it longer.",
        "message": "promise '{promise}' ('{text_en}') does not hold: {categories} has no retention period of at "
        "most {max} after leaving",
        "reader": _READER_EN},
)

_declare(
    PromiseKind.ONLY_NEEDED_DATA, "DPIA987", "promise-only-needed-data", "AVG art. 5 lid 1 onder c",
    nl={"title": "Belofte gebroken: alleen gegevens die nodig zijn",
        "checks": "De school belooft alleen gegevens te gebruiken die nodig zijn; een gegevensstroom bevat "
        "gegevens die geen van zijn doelen nodig heeft.",
        "why": _WHY_NL,
        "fix": "Haal de overbodige gegevens uit de gegevensstroom, of leg vast waarvoor het doel ze nodig heeft "
        "(`needs`).",
        "message": "belofte '{promise}' ('{text}') klopt niet: {count} gegevensstroom/-stromen bevat(ten) "
        "{categories} zonder dat een doel die nodig heeft, bijvoorbeeld {flows}",
        "reader": _READER_NL},
    en={"title": "Promise broken: only the data needed",
        "checks": "The school promises to use only the data it needs; a flow carries data that none of its "
        "purposes needs.",
        "why": _WHY_EN,
        "fix": "Take the surplus data out of the flow, or record what the purpose needs it for (`needs`).",
        "message": "promise '{promise}' ('{text_en}') does not hold: {count} flow(s) carry {categories} that no "
        "purpose needs, for example {flows}",
        "reader": _READER_EN},
)

_declare(
    PromiseKind.MANUAL, "DPIA988", "promise-not-checked-this-year", "AVG art. 5 lid 2",
    severity=Severity.WARNING, advisory=True,
    nl={"title": "Belofte niet gecontroleerd",
        "checks": "Een belofte die het register niet kan nagaan, is het afgelopen jaar niet met de hand "
        "gecontroleerd (of de controle staat er niet bij).",
        "why": "Ook wat het register niet kan zien, moet kloppen. Adviserend: de werkbank kan alleen zien of er "
        "een recente controle is vastgelegd, niet of de belofte klopt.",
        "fix": "Controleer de belofte en leg vast hoe (`evidence`) en wanneer (`checked_on`).",
        "message": "belofte '{promise}' ('{text}') is het afgelopen jaar niet gecontroleerd (laatst: {checked_on})",
        "reader": "Een belofte van de school is het afgelopen jaar niet nagegaan. Het gaat om deze belofte: {promise}"},
    en={"title": "Promise not checked",
        "checks": "A promise the register cannot verify has not been checked by hand in the last year (or the "
        "check is not recorded).",
        "why": "What the register cannot see must be true as well. Advisory: the workbench can only see whether "
        "a recent check is recorded, not whether the promise holds.",
        "fix": "Check the promise and record how (`evidence`) and when (`checked_on`).",
        "message": "promise '{promise}' ('{text_en}') was not checked in the last year (last: {checked_on})",
        "reader": "A promise of the school has not been checked in the last year. This is the promise: {promise}"},
)
