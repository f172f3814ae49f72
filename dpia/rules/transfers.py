"""Transfers outside the EEA and where processors keep the data (GDPR Art. 44-49, Art. 30(1)(e)).

A flow is a *transfer* when the party that holds its destination (a system counts as the party that
operates it) is located outside the European Economic Area. Such a transfer needs an instrument: an
adequacy decision (Art. 45), appropriate safeguards such as standard contractual clauses or binding
corporate rules (Art. 46, 47), or, for occasional transfers only, a derogation (Art. 49).

Publishing on the public website is not a transfer in this sense (CJEU C-101/01, Lindqvist), so flows
to a node of role ``public`` are left out here; the consent rules cover them.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from dpia.model import EEA_COUNTRIES, PartyRole, TransferMechanism
from dpia.analysis.tables import PROCESSOR_ROLES
from dpia.rules.base import Context, Hit, hits_from, id_list, rule
from dpia.model.findings import Kind, Severity

# Countries with an adequacy decision of the European Commission (GDPR Art. 45(3)), as known in 2025:
# Andorra, Argentina, Canada (commercial organisations under PIPEDA), Switzerland, Faroe Islands,
# United Kingdom, Guernsey, Israel, Isle of Man, Jersey, Japan, Republic of Korea, New Zealand,
# United States (only organisations certified under the EU-US Data Privacy Framework) and Uruguay.
# Keep this list current: the Commission adds, reviews and may withdraw decisions.
ADEQUACY_COUNTRIES = frozenset("AD AR CA CH FO GB GG IL IM JE JP KR NZ US UY".split())

# Categories whose transfer under SCC or BCR calls for a documented transfer impact assessment.
SENSITIVE_TYPES = ("special", "criminal", "national_id")
SAFEGUARDS = (TransferMechanism.SCC.value, TransferMechanism.BCR.value)


def _transfers(ctx: Context) -> pd.DataFrame:
    """Flows whose destination is held by a party outside the EEA, between two different holders
    (computed once per check: DPIA501, 502 and 506 share it).

    Columns: flow, src, dst, holder, country, mechanism (upper-case: ADEQUACY, SCC, BCR, DEROGATION, or None).
    """
    return ctx.memo("transfers", lambda: _compute_transfers(ctx))


def _compute_transfers(ctx: Context) -> pd.DataFrame:
    t = ctx.tables
    nodes = t.nodes.set_index("node")
    f = t.flows.copy()
    f["in_eea"] = f["dst"].map(nodes["in_eea"])
    f["country"] = f["dst"].map(nodes["country"])
    f["mechanism"] = f["dst"].map(nodes["transfer_mechanism"])
    out = f[
        f["in_eea"].eq(False)
        & (f["src_holder"] != f["dst_holder"])
        & (f["dst_role"] != PartyRole.PUBLIC.value)
    ].rename(columns={"dst_holder": "holder"})
    out = out.assign(mechanism=out["mechanism"].map(str.upper, na_action="ignore"))
    return out[["flow", "src", "dst", "holder", "country", "mechanism"]].sort_values("flow")


@rule(
    code="DPIA501",
    name="transfer-outside-eea-without-mechanism",
    severity=Severity.BLOCKER,
    kind=Kind.VIOLATION,
    article="AVG art. 44–46",
    theme="transfers",
    nl={
        "title": "Doorgifte buiten de EER zonder doorgifte-instrument",
        "checks": "Een gegevensstroom gaat naar een partij (of een systeem van een partij) die buiten de "
        "Europese Economische Ruimte zit, maar bij die partij staat geen doorgifte-instrument "
        "(`transfer_mechanism`).",
        "why": "Buiten de EER geldt de AVG niet vanzelf. Gegevens mogen daar alleen heen op grond van een "
        "adequaatheidsbesluit van de Europese Commissie, passende waarborgen zoals "
        "modelcontractbepalingen (SCC) of bindende bedrijfsvoorschriften (BCR), of bij uitzondering (AVG art. "
        "44 tot en met 46 en 49).",
        "fix": "Vraag de leverancier op welke grond de gegevens het land in gaan en vul `transfer_mechanism` in "
        "(`adequacy`, `scc` of `bcr`), of kies een partij die de gegevens in de EER verwerkt.",
        "message": "gegevensstroom '{flow}' geeft gegevens aan '{holder}' in {country}, buiten de EER, zonder "
        "doorgifte-instrument",
        "reader": "{holder} ({country}) krijgt gegevens buiten de Europese Economische Ruimte. Er is geen afspraak "
        "die de gegevens daar beschermt.",
    },
    en={
        "title": "Transfer outside the EEA without a transfer mechanism",
        "checks": "A flow goes to a party (or a party's system) located outside the European Economic Area, "
        "but the party has no transfer mechanism (`transfer_mechanism`).",
        "why": "Outside the EEA the GDPR does not apply by itself. Data may go there only under an adequacy "
        "decision of the European Commission, appropriate safeguards such as standard contractual clauses "
        "(SCC) or binding corporate rules (BCR), or by way of derogation (GDPR Art. 44-46 and 49).",
        "fix": "Ask the supplier on what ground the data enters the country and set `transfer_mechanism` "
        "(`adequacy`, `scc` or `bcr`), or choose a party that processes the data inside the EEA.",
        "message": "flow '{flow}' passes data to '{holder}' in {country}, outside the EEA, without a transfer mechanism",
        "reader": "{holder} ({country}) receives data outside the European Economic Area. No arrangement protects the"
        " data there.",
    },
)
def transfer_without_mechanism(ctx: Context) -> Iterable[Hit]:
    out = _transfers(ctx)
    bad = out[out["mechanism"].isna()]
    return hits_from(bad, ["flow"], {"flow": "flow", "holder": "holder", "country": "country"})


@rule(
    code="DPIA502",
    name="derogation-for-recurring-transfer",
    severity=Severity.WARNING,
    kind=Kind.VIOLATION,
    article="AVG art. 49 lid 1",
    theme="transfers",
    advisory=True,
    nl={
        "title": "Uitzondering gebruikt voor een vaste doorgifte",
        "checks": "Een gegevensstroom naar een partij buiten de EER steunt op een uitzondering "
        "(`transfer_mechanism: derogation`).",
        "why": "De uitzonderingen van AVG art. 49 (zoals uitdrukkelijke toestemming of de uitvoering van een "
        "overeenkomst) zijn bedoeld voor incidentele doorgiften, niet voor een vaste gegevensstroom zoals die "
        "in het register staat; de EDPB leest ze eng (richtsnoeren 2/2018). Adviserend: voor een eenmalige "
        "doorgifte, zoals een deelnemerslijst voor één schoolreis, kan een uitzondering wel passen.",
        "fix": "Kies voor een vaste stroom een adequaatheidsbesluit, SCC of BCR. Gaat het werkelijk om een "
        "eenmalige doorgifte, accepteer de bevinding dan met die reden en een einddatum.",
        "message": "gegevensstroom '{flow}' naar '{holder}' in {country} steunt op een uitzondering (AVG art. 49), "
        "die alleen voor incidentele doorgiften geldt",
        "reader": "{holder} ({country}) krijgt gegevens buiten de Europese Economische Ruimte op grond van een "
        "uitzondering. Die uitzondering geldt alleen voor een enkele keer, niet voor vaste levering.",
    },
    en={
        "title": "Derogation used for a recurring transfer",
        "checks": "A flow to a party outside the EEA relies on a derogation (`transfer_mechanism: derogation`).",
        "why": "The derogations of GDPR Art. 49 (explicit consent, performance of a contract and so on) are "
        "meant for occasional transfers, not for a standing flow such as the register records; the EDPB "
        "reads them narrowly (Guidelines 2/2018). Advisory: for a one-off transfer, such as a participant "
        "list for a single school trip, a derogation may fit.",
        "fix": "For a standing flow use an adequacy decision, SCC or BCR. If the transfer really is one-off, "
        "accept the finding with that reason and an end date.",
        "message": "flow '{flow}' to '{holder}' in {country} relies on a derogation (GDPR Art. 49), which covers "
        "only occasional transfers",
        "reader": "{holder} ({country}) receives data outside the European Economic Area under an exception. That "
        "exception is only for a single case, not for regular transfers.",
    },
)
def derogation_for_recurring_transfer(ctx: Context) -> Iterable[Hit]:
    out = _transfers(ctx)
    bad = out[out["mechanism"] == TransferMechanism.DEROGATION.value.upper()]
    return hits_from(bad, ["flow"], {"flow": "flow", "holder": "holder", "country": "country"})


@rule(
    code="DPIA503",
    name="processor-location-unknown",
    severity=Severity.INFO,
    kind=Kind.GAP,
    article="AVG art. 30 lid 1 sub e; art. 44",
    theme="transfers",
    nl={
        "title": "Onbekend waar een verwerker de gegevens verwerkt",
        "checks": "Bij een verwerker of subverwerker staat geen `location`.",
        "why": "Het register van verwerkingen moet doorgiften naar landen buiten de EER vermelden (AVG art. 30 "
        "lid 1 sub e). Zolang niet bekend is waar een verwerker de gegevens opslaat, valt niet te toetsen of "
        "ze de EER verlaten (AVG art. 44).",
        "fix": "Vraag de verwerker waar de gegevens worden opgeslagen en beheerd (de privacybijsluiter noemt "
        "dat meestal) en vul `location.country` in, buiten de EER ook `transfer_mechanism`.",
        "message": "{role} '{party}' heeft geen locatie: onbekend is waar de gegevens worden verwerkt",
        "reader": "Van {party} ({role}) is niet bekend in welk land de gegevens worden verwerkt.",
    },
    en={
        "title": "Unknown where a processor processes the data",
        "checks": "A processor or sub-processor has no `location`.",
        "why": "The record of processing must list transfers to countries outside the EEA (GDPR Art. 30(1)(e)). "
        "As long as it is unknown where a processor stores the data, nobody can tell whether it leaves the "
        "EEA (GDPR Art. 44).",
        "fix": "Ask the processor where the data is stored and managed (the privacy annex usually says) and "
        "set `location.country`, and `transfer_mechanism` outside the EEA.",
        "message": "{role} '{party}' has no location: it is unknown where the data is processed",
        "reader": "For {party} ({role}), it is not known in which country the data is processed.",
    },
)
def processor_location_unknown(ctx: Context) -> Iterable[Hit]:
    n = ctx.tables.nodes
    bad = n[(n["kind"] == "party") & n["role"].isin([r.value for r in PROCESSOR_ROLES]) & n["country"].isna()]
    return hits_from(bad.sort_values("node"), ["node"], {"role": "role", "party": "node"})


@rule(
    code="DPIA504",
    name="transfer-mechanism-inside-eea",
    severity=Severity.INFO,
    kind=Kind.VIOLATION,
    article="AVG art. 30 lid 1 sub e; art. 44",
    theme="transfers",
    nl={
        "title": "Doorgifte-instrument bij een partij binnen de EER",
        "checks": "Een partij zit volgens het register in de EER, maar heeft toch een doorgifte-instrument "
        "(`transfer_mechanism`).",
        "why": "Binnen de EER is geen doorgifte-instrument nodig. Staat er toch een, dan klopt vaak het land "
        "niet: de gegevens gaan misschien wel naar buiten de EER, en dan moet het register dat vermelden "
        "(AVG art. 30 lid 1 sub e).",
        "fix": "Controleer waar de partij de gegevens verwerkt. Klopt het land, verwijder dan "
        "`transfer_mechanism`; zo niet, vul het juiste land in.",
        "message": "'{party}' zit in {country} (binnen de EER) maar heeft doorgifte-instrument {mechanism}; klopt het land?",
        "reader": "{party} ({country}) zit binnen de Europese Economische Ruimte. Toch staat er een afspraak voor "
        "doorgifte naar buiten die ruimte bij. Misschien klopt het land niet.",
    },
    en={
        "title": "Transfer mechanism for a party inside the EEA",
        "checks": "A party is located inside the EEA according to the register, yet has a transfer mechanism "
        "(`transfer_mechanism`).",
        "why": "Inside the EEA no transfer mechanism is needed. When one is recorded anyway the country is "
        "often wrong: the data may in fact leave the EEA, and the record must say so (GDPR Art. 30(1)(e)).",
        "fix": "Check where the party processes the data. If the country is right, remove `transfer_mechanism`; "
        "otherwise correct the country.",
        "message": "'{party}' is in {country} (inside the EEA) but has transfer mechanism {mechanism}; is the country right?",
        "reader": "{party} ({country}) is inside the European Economic Area. Yet an arrangement for transfers "
        "outside it is recorded. The country may be wrong.",
    },
)
def transfer_mechanism_inside_eea(ctx: Context) -> Iterable[Hit]:
    n = ctx.tables.nodes
    bad = n[(n["kind"] == "party") & n["country"].isin(EEA_COUNTRIES) & n["transfer_mechanism"].notna()]
    bad = bad.assign(mechanism=bad["transfer_mechanism"].map(str.upper, na_action="ignore")).sort_values("node")
    return hits_from(bad, ["node"], {"party": "node", "country": "country", "mechanism": "mechanism"})


@rule(
    code="DPIA505",
    name="adequacy-without-decision",
    severity=Severity.WARNING,
    kind=Kind.VIOLATION,
    article="AVG art. 45 lid 1 en lid 3",
    theme="transfers",
    advisory=True,
    nl={
        "title": "Adequaatheidsbesluit genoemd voor een land zonder besluit",
        "checks": "Een partij buiten de EER steunt op een adequaatheidsbesluit (`transfer_mechanism: adequacy`), "
        "maar voor haar land is geen adequaatheidsbesluit van de Europese Commissie bekend.",
        "why": "Alleen als de Europese Commissie heeft besloten dat een land passende bescherming biedt, mogen "
        "gegevens er zonder extra waarborgen heen (AVG art. 45). Adviserend: de lijst van landen met een "
        "besluit (stand 2025: Andorra, Argentinië, Canada, Faeröer, Guernsey, Israël, Isle of Man, Japan, "
        "Jersey, Nieuw-Zeeland, Uruguay, het Verenigd Koninkrijk, Zuid-Korea, Zwitserland en de VS, de VS alleen "
        "voor bedrijven met een certificering onder het EU-US Data Privacy Framework) verandert; controleer de "
        "actuele lijst van de Commissie.",
        "fix": "Controleer of er een besluit voor het land is. Zo niet, leg SCC of BCR vast in "
        "`transfer_mechanism`; is er inmiddels wel een, accepteer de bevinding dan met die bron.",
        "message": "'{party}' in {country} steunt op een adequaatheidsbesluit, maar voor {country} is geen besluit bekend",
        "reader": "{party} ({country}) steunt op een besluit dat het land veilig noemt. Zo'n besluit is voor dit land"
        " niet bekend.",
    },
    en={
        "title": "Adequacy claimed for a country without a decision",
        "checks": "A party outside the EEA relies on an adequacy decision (`transfer_mechanism: adequacy`), but no "
        "adequacy decision of the European Commission is known for its country.",
        "why": "Only when the European Commission has decided that a country ensures an adequate level of "
        "protection may data go there without further safeguards (GDPR Art. 45). Advisory: the list of "
        "countries with a decision (as of 2025: Andorra, Argentina, Canada, Faroe Islands, Guernsey, Israel, "
        "Isle of Man, Japan, Jersey, New Zealand, Republic of Korea, Switzerland, United Kingdom, Uruguay and "
        "the US, the US only for companies certified under the EU-US Data Privacy Framework) changes; check "
        "the Commission's current list.",
        "fix": "Check whether the country has a decision. If not, record SCC or BCR in `transfer_mechanism`; if "
        "a decision has since been adopted, accept the finding citing it.",
        "message": "'{party}' in {country} relies on an adequacy decision, but none is known for {country}",
        "reader": "{party} ({country}) relies on a decision that the country is safe. No such decision is known for "
        "this country.",
    },
)
def adequacy_without_decision(ctx: Context) -> Iterable[Hit]:
    n = ctx.tables.nodes
    bad = n[
        (n["kind"] == "party")
        & n["in_eea"].eq(False)
        & (n["transfer_mechanism"] == TransferMechanism.ADEQUACY.value)
        & ~n["country"].isin(ADEQUACY_COUNTRIES)
    ]
    return hits_from(bad.sort_values("node"), ["node"], {"party": "node", "country": "country"})


@rule(
    code="DPIA506",
    name="sensitive-data-transfer-without-assessment",
    severity=Severity.WARNING,
    kind=Kind.GAP,
    article="AVG art. 46 lid 1; HvJ EU C-311/18 (Schrems II)",
    theme="transfers",
    advisory=True,
    nl={
        "title": "Bijzondere gegevens of BSN buiten de EER op grond van SCC of BCR",
        "checks": "Een gegevensstroom naar een partij buiten de EER bevat bijzondere persoonsgegevens (zoals "
        "gezondheid), strafrechtelijke gegevens of het BSN, en steunt op modelcontractbepalingen (SCC) of "
        "bindende bedrijfsvoorschriften (BCR).",
        "why": "SCC en BCR beschermen alleen als de wet van het land ze niet ondermijnt, bijvoorbeeld door "
        "toegang van inlichtingendiensten. Sinds het Schrems II-arrest (HvJ EU C-311/18) moet de school dat per "
        "doorgifte beoordelen (een transfer impact assessment, EDPB-aanbevelingen 01/2020) en zo nodig extra "
        "maatregelen nemen (AVG art. 46 lid 1). Voor gezondheidsgegevens van leerlingen en het BSN weegt dat "
        "zwaar. Adviserend: het register kent geen veld voor die beoordeling.",
        "fix": "Stuur deze gegevens niet buiten de EER, of versleutel of pseudonimiseer ze zodat de ontvanger ze "
        "niet kan lezen. Laat anders een transfer impact assessment maken en accepteer de bevinding met "
        "verwijzing daarnaar.",
        "message": "gegevensstroom '{flow}' stuurt {categories} naar '{holder}' in {country} op grond van {mechanism}; "
        "leg een beoordeling van de doorgifte (transfer impact assessment) vast",
        "reader": "{holder} ({country}) krijgt deze gegevens buiten de Europese Economische Ruimte: {categories}. "
        "De school moet "
        "vastleggen of de gegevens daar goed beschermd zijn.",
    },
    en={
        "title": "Special-category data or BSN outside the EEA under SCC or BCR",
        "checks": "A flow to a party outside the EEA carries special-category data (such as health), criminal "
        "data or the BSN (citizen service number), and relies on standard contractual clauses (SCC) or "
        "binding corporate rules (BCR).",
        "why": "SCC and BCR protect only if the country's law does not undermine them, for example through "
        "access by intelligence services. Since the Schrems II judgment (CJEU C-311/18) the school must "
        "assess this per transfer (a transfer impact assessment, EDPB Recommendations 01/2020) and add "
        "measures where needed (GDPR Art. 46(1)). For pupils' health data and the BSN this weighs heavily. "
        "Advisory: the register has no field for that assessment.",
        "fix": "Do not send this data outside the EEA, or encrypt or pseudonymise it so the recipient cannot "
        "read it. Otherwise have a transfer impact assessment made and accept the finding citing it.",
        "message": "flow '{flow}' sends {categories} to '{holder}' in {country} under {mechanism}; record a "
        "transfer impact assessment",
        "reader": "{holder} ({country}) receives this data outside the European Economic Area: {categories}. "
        "The school must "
        "record whether the data is well protected there.",
    },
)
def sensitive_data_transfer_without_assessment(ctx: Context) -> Iterable[Hit]:
    t = ctx.tables
    out = _transfers(ctx)
    out = out[out["mechanism"].isin([m.upper() for m in SAFEGUARDS])]
    sensitive = t.categories.loc[t.categories["type"].isin(SENSITIVE_TYPES), ["category"]]
    carried = t.flow_categories.merge(sensitive, on="category")
    carried = carried[carried["flow"].isin(out["flow"])]
    if carried.empty:
        return []
    cats = carried.groupby("flow")["category"].agg(id_list).rename("categories").reset_index()
    bad = out.merge(cats, on="flow").sort_values("flow")
    return hits_from(
        bad, ["flow"],
        {"flow": "flow", "categories": "categories", "holder": "holder", "country": "country", "mechanism": "mechanism"},
    )
