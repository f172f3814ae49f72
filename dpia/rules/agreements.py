"""Processing agreements and sub-processors (GDPR Art. 28).

A processor (verwerker) may handle the school's data only under a processing agreement
(verwerkersovereenkomst) that fixes which data, for which purpose, for how long, with which
sub-processors and with deletion afterwards. The rules here check that every flow to a processor has
such an agreement, that the agreement covers what the flow carries, that it is in force on the
assessment date, and that processors pass data on only to the sub-processors it permits.

A flow's *candidate* agreements are ``tables.flow_agreements``: its explicit ``agreement``, or else every
agreement signed by the party that holds the flow's destination (a system counts as the party that
operates it).
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from dpia.analysis.graph import unauthorised_subprocessors
from dpia.model import AgreementKind, PartyRole
from dpia.rules.base import Context, Hit, hits_from, id_list, rule
from dpia.model.findings import Kind, Severity

# Agreements that are processing agreements in the sense of Art. 28(3); a data-sharing arrangement is not.
ART28_KINDS = (AgreementKind.MODEL_4_0.value, AgreementKind.PROCESSING_AGREEMENT.value)
PROCESSOR = PartyRole.PROCESSOR.value
SUB_PROCESSOR = PartyRole.SUB_PROCESSOR.value


# --------------------------------------------------------------------------------------------------
# Helpers (whole tables, no loop per flow)


def _validity(ctx: Context) -> pd.DataFrame:
    """agreements with boolean columns expired, not_yet_valid and in_force on ``ctx.on``."""
    a = ctx.tables.agreements.copy()
    on = pd.Timestamp(ctx.on)
    until = pd.to_datetime(a["valid_until"])
    since = pd.to_datetime(a["valid_from"])
    a["expired"] = (until < on).fillna(False).astype(bool)
    a["not_yet_valid"] = (since > on).fillna(False).astype(bool)
    a["in_force"] = ~a["expired"] & ~a["not_yet_valid"]
    return a


def _not_expired(ctx: Context) -> pd.DataFrame:
    a = _validity(ctx)
    return a[~a["expired"]]


def _uncovered(ctx: Context, flow_items: pd.DataFrame, agreement_items: pd.DataFrame, column: str) -> pd.DataFrame:
    """Flows that no candidate agreement covers in ``column`` (category or purpose).

    Returns flow, agreement (the best candidate: the explicit one, else the one missing fewest items,
    ties broken by id), dst and ``missing`` (the items that agreement lacks, as an id list).
    """
    t = ctx.tables
    # A flow's candidates follow from its explicit agreement or the holder of its destination, and its
    # items from its profile: decide once per group of such flows (the representatives), then spread.
    reps = t.representatives("agreement", "dst_holder")
    chosen = reps["rep"].unique()
    # Small frames from here on: plain ids (a categorical of a million flows is costly to regroup).
    flow_items = flow_items[flow_items["flow"].isin(chosen)].astype({"flow": object})
    candidates = t.flow_agreements[t.flow_agreements["flow"].isin(chosen)].astype({"flow": object})
    pairs = candidates.merge(flow_items, on="flow")
    if pairs.empty:
        return pd.DataFrame(columns=["flow", "agreement", "dst", "missing"])
    marked = pairs.merge(agreement_items, on=["agreement", column], how="left", indicator=True)
    marked["lacking"] = marked["_merge"] == "left_only"
    counts = marked.groupby(["flow", "agreement"], as_index=False)["lacking"].sum()
    covered = counts.loc[counts["lacking"] == 0, "flow"]
    counts = counts[~counts["flow"].isin(covered)]
    best = counts.sort_values(["flow", "lacking", "agreement"]).drop_duplicates("flow")[["flow", "agreement"]]
    lacking = marked[marked["lacking"]].merge(best, on=["flow", "agreement"])
    out = lacking.groupby(["flow", "agreement"])[column].agg(id_list).rename("missing").reset_index()
    out = out.rename(columns={"flow": "rep"})
    out = out.merge(t.members(reps, out["rep"]), on="rep").drop(columns="rep")
    return out.merge(t.flows_of(out["flow"], ["flow", "dst"]), on="flow").sort_values(["flow", "agreement"])


# --------------------------------------------------------------------------------------------------
# Rules


@rule(
    code="DPIA201",
    name="processor-without-agreement",
    severity=Severity.BLOCKER,
    kind=Kind.GAP,
    article="AVG art. 28 lid 3",
    theme="agreements",
    nl={
        "title": "Verwerker zonder verwerkersovereenkomst",
        "checks": "Een gegevensstroom gaat naar een verwerker (of naar een systeem dat een verwerker beheert), "
        "maar er is geen verwerkersovereenkomst met die verwerker. Een stroom binnen dezelfde organisatie telt "
        "niet mee; stromen naar subverwerkers controleert de regel over niet-toegestane subverwerkers.",
        "why": "Een verwerker werkt in opdracht van de school en mag de gegevens alleen gebruiken volgens een "
        "schriftelijke overeenkomst die vastlegt welke gegevens, voor welk doel, hoe lang en met welke "
        "beveiliging (AVG art. 28 lid 3). Afspraken over verstrekking (`data_sharing`) zijn geen "
        "verwerkersovereenkomst.",
        "fix": "Sluit een verwerkersovereenkomst met de verwerker (in het onderwijs het Model "
        "Verwerkersovereenkomst 4.0 van het Privacyconvenant) en neem hem op onder `agreements`, met de "
        "verwerker in `parties`. Is de partij geen verwerker maar een zelfstandig verantwoordelijke, pas dan "
        "haar `role` aan.",
        "message": "gegevensstroom '{flow}' ({src} → {dst}) geeft gegevens aan verwerker '{holder}' zonder verwerkersovereenkomst",
        "reader": "{holder} verwerkt gegevens voor de school. Er is geen verwerkersovereenkomst met {holder}.",
    },
    en={
        "title": "Processor without a processing agreement",
        "checks": "A flow goes to a processor (or to a system a processor runs), but there is no processing "
        "agreement with that processor. Flows within one organisation do not count; flows to sub-processors "
        "are checked by the rule on unauthorised sub-processors.",
        "why": "A processor works on the school's behalf and may use the data only under a written contract "
        "that fixes which data, for which purpose, for how long and with which security (GDPR Art. 28(3)). "
        "A data-sharing arrangement (`data_sharing`) is not a processing agreement.",
        "fix": "Conclude a processing agreement with the processor (in Dutch education the Model Processing "
        "Agreement 4.0 of the Privacyconvenant) and record it under `agreements` with the processor in "
        "`parties`. If the party is not a processor but an independent controller, correct its `role`.",
        "message": "flow '{flow}' ({src} → {dst}) passes data to processor '{holder}' without a processing agreement",
        "reader": "{holder} processes data for the school. There is no processing agreement with {holder}.",
    },
)
def processor_without_agreement(ctx: Context) -> Iterable[Hit]:
    t = ctx.tables
    f = t.flows
    to_processor = f[(f["dst_role"] == PROCESSOR) & (f["src_holder"] != f["dst_holder"])]
    art28 = t.agreements.loc[t.agreements["kind"].isin(ART28_KINDS), "agreement"]
    with_agreement = t.flow_agreements.loc[t.flow_agreements["agreement"].isin(art28), "flow"]
    bad = to_processor[~to_processor["flow"].isin(with_agreement)]
    return hits_from(bad, ["flow"], {"flow": "flow", "src": "src", "dst": "dst", "holder": "dst_holder"})


@rule(
    code="DPIA202",
    name="agreement-does-not-cover-categories",
    severity=Severity.BLOCKER,
    kind=Kind.VIOLATION,
    article="AVG art. 28 lid 3",
    theme="agreements",
    nl={
        "title": "Overeenkomst dekt niet alle gegevens van de stroom",
        "checks": "Een gegevensstroom bevat soorten gegevens die geen van zijn overeenkomsten noemt. De melding "
        "noemt de ontbrekende gegevens ten opzichte van de overeenkomst die er het dichtst bij zit (de "
        "overeenkomst die bij de stroom staat, anders die waar het minst aan ontbreekt).",
        "why": "De verwerkersovereenkomst legt vast om welke soort persoonsgegevens het gaat (AVG art. 28 lid 3). "
        "Gegevens die er niet in staan, verwerkt de verwerker zonder afspraak: bijvoorbeeld een fotograaf die "
        "ook de klas krijgt terwijl de overeenkomst alleen naam en foto noemt.",
        "fix": "Stuur de ontbrekende gegevens niet mee, of leg ze vast in de overeenkomst (en laat de verwerker "
        "dat tekenen) en vul dan `categories` van de overeenkomst aan.",
        "message": "gegevensstroom '{flow}' naar '{dst}' bevat {categories}, maar overeenkomst '{agreement}' noemt die gegevens niet",
        "reader": "{dst} krijgt deze gegevens: {categories}. De {agreement} noemt ze niet.",
    },
    en={
        "title": "Agreement does not cover all the data of the flow",
        "checks": "A flow carries categories of data that none of its agreements names. The finding lists the "
        "missing categories against the closest agreement (the one stated on the flow, else the one missing "
        "fewest).",
        "why": "The processing agreement fixes the type of personal data (GDPR Art. 28(3)). Data it does not "
        "name is processed without an agreement: a photographer who also gets the class while the agreement "
        "names only name and photo, for example.",
        "fix": "Stop sending the missing data, or add it to the agreement (signed by the processor) and then "
        "to the agreement's `categories`.",
        "message": "flow '{flow}' to '{dst}' carries {categories}, which agreement '{agreement}' does not cover",
        "reader": "{dst} receives this data: {categories}. The {agreement} does not mention it.",
    },
)
def agreement_does_not_cover_categories(ctx: Context) -> Iterable[Hit]:
    t = ctx.tables
    out = _uncovered(ctx, t.flow_categories, t.agreement_categories, "category")
    return hits_from(out, ["flow", "agreement"], {"flow": "flow", "dst": "dst", "categories": "missing", "agreement": "agreement"})


@rule(
    code="DPIA203",
    name="agreement-does-not-cover-purpose",
    severity=Severity.BLOCKER,
    kind=Kind.VIOLATION,
    article="AVG art. 28 lid 3 sub a",
    theme="agreements",
    nl={
        "title": "Overeenkomst dekt het doel van de stroom niet",
        "checks": "Een gegevensstroom dient een doel dat geen van zijn overeenkomsten noemt. De melding noemt de "
        "ontbrekende doelen ten opzichte van de overeenkomst die er het dichtst bij zit.",
        "why": "Een verwerker mag de gegevens alleen gebruiken op schriftelijke instructie van de school en voor "
        "het doel dat in de overeenkomst staat (AVG art. 28 lid 3 sub a). Een ander doel is een verwerking "
        "zonder opdracht.",
        "fix": "Gebruik de stroom alleen voor de doelen uit de overeenkomst, of leg het nieuwe doel in de "
        "overeenkomst vast en vul `purposes` van de overeenkomst aan.",
        "message": "gegevensstroom '{flow}' naar '{dst}' dient {purposes}, maar overeenkomst '{agreement}' noemt dat doel niet",
        "reader": "{dst} krijgt gegevens voor {purposes}. De {agreement} noemt dat doel niet.",
    },
    en={
        "title": "Agreement does not cover the purpose of the flow",
        "checks": "A flow serves a purpose that none of its agreements names. The finding lists the missing "
        "purposes against the closest agreement.",
        "why": "A processor may use the data only on the school's documented instructions and for the purpose "
        "the agreement states (GDPR Art. 28(3)(a)). Any other purpose is processing without instruction.",
        "fix": "Use the flow only for the agreement's purposes, or add the new purpose to the agreement and "
        "then to the agreement's `purposes`.",
        "message": "flow '{flow}' to '{dst}' serves {purposes}, which agreement '{agreement}' does not cover",
        "reader": "{dst} receives data for {purposes}. The {agreement} does not mention that purpose.",
    },
)
def agreement_does_not_cover_purpose(ctx: Context) -> Iterable[Hit]:
    t = ctx.tables
    out = _uncovered(ctx, t.flow_purposes, t.agreement_purposes, "purpose")
    return hits_from(out, ["flow", "agreement"], {"flow": "flow", "dst": "dst", "purposes": "missing", "agreement": "agreement"})


def _relying(ctx: Context) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The agreements with their validity, and the (flow, agreement) candidates of the flows that have no
    candidate in force."""
    a = _validity(ctx)
    fa = ctx.tables.flow_agreements.merge(a[["agreement", "in_force"]], on="agreement")
    has_valid = fa.loc[fa["in_force"], "flow"]
    return a, fa[~fa["flow"].isin(has_valid)]


def _relied_on(ctx: Context, state: str) -> pd.DataFrame:
    """Agreements in ``state`` (expired / not_yet_valid) that some flow relies on: the flow has it as a
    candidate and has no candidate in force. Columns agreement, valid_from, valid_until, flows."""
    a, relying = ctx.memo("relying", lambda: _relying(ctx))  # DPIA204 and 205 share it
    bad = relying.merge(a.loc[a[state], ["agreement"]], on="agreement")
    if bad.empty:
        return bad
    bad = bad.astype({"flow": object})  # plain ids: pandas casts an aggregate back to a categorical of a million flows
    flows = bad.groupby("agreement")["flow"].agg(id_list).rename("flows").reset_index()
    return flows.merge(a[["agreement", "valid_from", "valid_until"]], on="agreement").sort_values("agreement")


@rule(
    code="DPIA204",
    name="agreement-expired",
    severity=Severity.BLOCKER,
    kind=Kind.VIOLATION,
    article="AVG art. 28 lid 3",
    theme="agreements",
    nl={
        "title": "Overeenkomst verlopen",
        "checks": "Een overeenkomst is op de controledatum verlopen (`valid_until` ligt ervoor), terwijl er nog "
        "gegevensstromen op steunen zonder andere geldige overeenkomst.",
        "why": "Na de einddatum is er geen overeenkomst meer die de verwerker bindt. De gegevens gaan dan zonder "
        "afspraken over doel, beveiliging en verwijdering naar de verwerker (AVG art. 28 lid 3).",
        "fix": "Verleng of vernieuw de overeenkomst en leg de nieuwe einddatum vast, of stop de stromen en laat "
        "de verwerker de gegevens verwijderen.",
        "message": "overeenkomst '{agreement}' is verlopen op {until}, maar gegevensstromen {flows} steunen er nog op",
        "reader": "De {agreement} is verlopen op {until}. Toch gaan er nog gegevens naar deze partij.",
    },
    en={
        "title": "Agreement expired",
        "checks": "An agreement has expired on the assessment date (`valid_until` is before it), while flows "
        "still rely on it with no other agreement in force.",
        "why": "After the end date no agreement binds the processor any more. The data then reaches the "
        "processor without terms on purpose, security and deletion (GDPR Art. 28(3)).",
        "fix": "Extend or renew the agreement and record its new end date, or stop the flows and have the "
        "processor delete the data.",
        "message": "agreement '{agreement}' expired on {until}, but flows {flows} still rely on it",
        "reader": "The {agreement} expired on {until}. Data is still sent to this party.",
    },
)
def agreement_expired(ctx: Context) -> Iterable[Hit]:
    out = _relied_on(ctx, "expired")
    return hits_from(out, ["agreement"], {"agreement": "agreement", "until": "valid_until", "flows": "flows"})


@rule(
    code="DPIA205",
    name="agreement-not-yet-valid",
    severity=Severity.BLOCKER,
    kind=Kind.VIOLATION,
    article="AVG art. 28 lid 3 en lid 9",
    theme="agreements",
    nl={
        "title": "Overeenkomst nog niet ingegaan",
        "checks": "Een overeenkomst gaat pas na de controledatum in (`valid_from` ligt erna), terwijl er al "
        "gegevensstromen op steunen zonder andere geldige overeenkomst.",
        "why": "Een verwerker mag pas gegevens krijgen als er een schriftelijke overeenkomst geldt (AVG art. 28 "
        "lid 3 en lid 9). Stromen die al lopen, lopen tot de ingangsdatum zonder afspraken.",
        "fix": "Laat de stromen pas beginnen op de ingangsdatum, of corrigeer `valid_from` als de overeenkomst "
        "eerder is getekend.",
        "message": "overeenkomst '{agreement}' gaat pas in op {since}, maar gegevensstromen {flows} steunen er nu al op",
        "reader": "De {agreement} gaat pas in op {since}. Toch gaan er nu al gegevens naar deze partij.",
    },
    en={
        "title": "Agreement not yet in force",
        "checks": "An agreement takes effect only after the assessment date (`valid_from` is later), while flows "
        "already rely on it with no other agreement in force.",
        "why": "A processor may receive data only once a written agreement applies (GDPR Art. 28(3) and (9)). "
        "Flows that already run do so without terms until the start date.",
        "fix": "Start the flows on the start date, or correct `valid_from` if the agreement was signed earlier.",
        "message": "agreement '{agreement}' takes effect only on {since}, but flows {flows} already rely on it",
        "reader": "The {agreement} only takes effect on {since}. Data is already sent to this party.",
    },
)
def agreement_not_yet_valid(ctx: Context) -> Iterable[Hit]:
    out = _relied_on(ctx, "not_yet_valid")
    return hits_from(out, ["agreement"], {"agreement": "agreement", "since": "valid_from", "flows": "flows"})


@rule(
    code="DPIA206",
    name="agreement-without-deletion-clause",
    severity=Severity.WARNING,
    kind=Kind.GAP,
    article="AVG art. 28 lid 3 sub g",
    theme="agreements",
    nl={
        "title": "Verwerkersovereenkomst zonder verwijderplicht",
        "checks": "Een verwerkersovereenkomst (model 4.0 of een andere) die nog niet verlopen is, verplicht de "
        "verwerker niet om de gegevens na afloop te verwijderen of terug te geven (`deletion_after_use` is "
        "niet `true`).",
        "why": "De overeenkomst moet regelen dat de verwerker na afloop van de dienst alle gegevens wist of "
        "teruggeeft, tenzij de wet bewaren verplicht (AVG art. 28 lid 3 sub g). Zonder die afspraak kunnen "
        "leerlinggegevens jaren bij een leverancier blijven staan.",
        "fix": "Neem een verwijderplicht op in de overeenkomst (het Model 4.0 heeft er een) en zet "
        "`deletion_after_use: true`; leg de termijn vast met `retention` en `retention_trigger`.",
        "message": "verwerkersovereenkomst '{agreement}' verplicht de verwerker niet om de gegevens na afloop te verwijderen of terug te geven",
        "reader": "In de {agreement} staat niet dat de gegevens na afloop worden gewist of teruggegeven.",
    },
    en={
        "title": "Processing agreement without a deletion clause",
        "checks": "A processing agreement (model 4.0 or another) that has not expired does not oblige the "
        "processor to delete or return the data afterwards (`deletion_after_use` is not `true`).",
        "why": "The agreement must make the processor delete or return all data at the end of the service, "
        "unless the law requires storage (GDPR Art. 28(3)(g)). Without it, pupil data can stay with a "
        "supplier for years.",
        "fix": "Add a deletion clause to the agreement (Model 4.0 has one) and set `deletion_after_use: true`; "
        "record the period with `retention` and `retention_trigger`.",
        "message": "processing agreement '{agreement}' does not oblige the processor to delete or return the data afterwards",
        "reader": "The {agreement} does not say that the data is deleted or returned afterwards.",
    },
)
def agreement_without_deletion_clause(ctx: Context) -> Iterable[Hit]:
    a = _not_expired(ctx)
    bad = a[a["kind"].isin(ART28_KINDS) & ~a["deletion_after_use"].astype(bool)]
    return hits_from(bad.sort_values("agreement"), ["agreement"], {"agreement": "agreement"})


@rule(
    code="DPIA207",
    name="unauthorised-sub-processor",
    severity=Severity.BLOCKER,
    kind=Kind.VIOLATION,
    article="AVG art. 28 lid 2 en lid 4",
    theme="agreements",
    nl={
        "title": "Subverwerker zonder toestemming van de school",
        "checks": "Een verwerker geeft gegevens door aan een subverwerker (direct of via andere subverwerkers) "
        "die zijn verwerkersovereenkomst niet noemt in `permitted_subprocessors`. Een subverwerker die een "
        "andere verwerkersovereenkomst van dezelfde verwerker wel toestaat, telt als toegestaan.",
        "why": "Een verwerker mag alleen een andere verwerker inschakelen als de school daar vooraf schriftelijk "
        "toestemming voor gaf, en moet hem dezelfde plichten opleggen (AVG art. 28 lid 2 en lid 4). Anders "
        "weet de school niet wie de gegevens van leerlingen heeft.",
        "fix": "Vraag de verwerker de subverwerker te melden; stem in (neem hem op in "
        "`permitted_subprocessors` en in de privacybijsluiter) of laat de verwerker de doorgifte stoppen.",
        "message": "subverwerker '{subprocessor}' krijgt gegevens van verwerker '{processor}' (route: {path}), "
        "maar overeenkomst '{agreement}' staat die subverwerker niet toe",
        "reader": "{processor} laat {subprocessor} meewerken aan de verwerking. De school heeft daar in de "
        "{agreement} geen toestemming voor gegeven.",
    },
    en={
        "title": "Sub-processor without the school's authorisation",
        "checks": "A processor passes data to a sub-processor (directly or through other sub-processors) that "
        "its processing agreement does not list in `permitted_subprocessors`. A sub-processor that another "
        "processing agreement of the same processor permits counts as permitted.",
        "why": "A processor may engage another processor only with the school's prior written authorisation, "
        "and must impose the same obligations on it (GDPR Art. 28(2) and (4)). Otherwise the school does not "
        "know who holds its pupils' data.",
        "fix": "Ask the processor to notify the sub-processor; authorise it (add it to "
        "`permitted_subprocessors` and the privacy annex) or have the processor stop passing data on.",
        "message": "sub-processor '{subprocessor}' receives data from processor '{processor}' (path: {path}), "
        "but agreement '{agreement}' does not permit it",
        "reader": "{processor} lets {subprocessor} help with the processing. The school did not allow this in the "
        "{agreement}.",
    },
)
def unauthorised_sub_processor(ctx: Context) -> Iterable[Hit]:
    t = ctx.tables
    found = unauthorised_subprocessors(ctx.party_graph, ctx.register)  # same answer as on ctx.graph, at any size
    if not found:
        return []
    frame = pd.DataFrame(
        [(f.subprocessor, f.agreement, f.processor, " → ".join(f.path)) for f in found],
        columns=["subprocessor", "agreement", "processor", "path"],
    )
    # Only parties declared as sub-processors: an uncontracted *processor* further down the chain is
    # reported by DPIA201 / DPIA209 on the flow that reaches it.
    roles = t.nodes.set_index("node")["role"]
    frame = frame[frame["subprocessor"].map(roles) == SUB_PROCESSOR]
    # Permitted by any Art. 28 agreement of the same processor (a supplier with two products).
    art28 = t.agreements.loc[t.agreements["kind"].isin(ART28_KINDS), ["agreement"]]
    permitted = (
        t.agreement_parties.merge(art28, on="agreement")
        .merge(t.agreement_subprocessors.rename(columns={"party": "subprocessor"}), on="agreement")
        .rename(columns={"party": "processor"})[["processor", "subprocessor"]]
        .drop_duplicates()
    )
    frame = frame.merge(permitted, on=["processor", "subprocessor"], how="left", indicator=True)
    frame = frame[frame["_merge"] == "left_only"].sort_values(["subprocessor", "agreement", "processor"])
    return hits_from(
        frame,
        ["subprocessor", "agreement"],
        {"subprocessor": "subprocessor", "processor": "processor", "path": "path", "agreement": "agreement"},
    )


@rule(
    code="DPIA208",
    name="model-agreement-without-annexes",
    severity=Severity.WARNING,
    kind=Kind.GAP,
    article="AVG art. 28 lid 3 sub c; art. 32; Model Verwerkersovereenkomst 4.0 (Privacyconvenant Onderwijs)",
    theme="agreements",
    advisory=True,
    nl={
        "title": "Modelovereenkomst 4.0 zonder privacybijsluiter of beveiligingsbijlage",
        "checks": "Bij een Model Verwerkersovereenkomst 4.0 die nog niet verlopen is, staat de versie van de "
        "privacybijsluiter (`privacy_annex_version`) of de beveiligingsbijlage (`security_annex`) niet in het "
        "register.",
        "why": "Het Model 4.0 van het Privacyconvenant Onderwijs werkt met twee bijlagen: de privacybijsluiter "
        "beschrijft per product welke gegevens het gebruikt en welke subverwerkers het inschakelt, de "
        "beveiligingsbijlage de maatregelen die AVG art. 28 lid 3 sub c en art. 32 eisen. Adviserend: de wet "
        "zelf schrijft deze bijlagen niet voor, maar zonder bijlagen is niet na te gaan wat de leverancier "
        "heeft beloofd.",
        "fix": "Vraag de bijlagen op bij de leverancier (vaak via Edu-K of de website van het "
        "Privacyconvenant) en vul `privacy_annex_version` en `security_annex` in.",
        "message": "modelovereenkomst 4.0 '{agreement}' noemt geen {missing} in het register",
        "reader": "Bij de {agreement} ontbreekt de {missing}. Daarin staat wat de leverancier met de gegevens doet en"
        " hoe hij ze beveiligt.",
    },
    en={
        "title": "Model agreement 4.0 without its privacy or security annex",
        "checks": "For a Model Processing Agreement 4.0 that has not expired, the register records no version "
        "of the product privacy annex (privacybijsluiter, `privacy_annex_version`) or no security annex "
        "(beveiligingsbijlage, `security_annex`).",
        "why": "Model 4.0 of the Dutch education privacy covenant (Privacyconvenant Onderwijs) relies on two "
        "annexes: the privacy annex describes per product which data it uses and which sub-processors it "
        "engages; the security annex the measures that GDPR Art. 28(3)(c) and Art. 32 require. Advisory: the "
        "law itself does not prescribe these annexes, but without them nobody can check what the supplier "
        "promised.",
        "fix": "Obtain the annexes from the supplier (often through Edu-K or the covenant's website) and fill "
        "in `privacy_annex_version` and `security_annex`.",
        "message": "model agreement 4.0 '{agreement}' records no {missing} in the register",
        "reader": "The {agreement} lacks the {missing}. These say what the supplier does with the data and how it "
        "protects it.",
    },
)
def model_agreement_without_annexes(ctx: Context) -> Iterable[Hit]:
    current = set(_not_expired(ctx)["agreement"])
    rows = [
        (a.id, id_list(field for field, value in (("privacy_annex_version", a.privacy_annex_version),
                                                   ("security_annex", a.security_annex))
                       if not (value or "").strip()))
        for a in ctx.register.agreements
        if a.kind is AgreementKind.MODEL_4_0 and a.id in current
    ]
    frame = pd.DataFrame(rows, columns=["agreement", "missing"])
    frame = frame[frame["missing"] != ""].sort_values("agreement")
    return hits_from(frame, ["agreement"], {"agreement": "agreement", "missing": "missing"})


@rule(
    code="DPIA209",
    name="agreement-not-signed-by-processor",
    severity=Severity.BLOCKER,
    kind=Kind.VIOLATION,
    article="AVG art. 28 lid 3",
    theme="agreements",
    nl={
        "title": "Overeenkomst bij de stroom is niet met deze verwerker gesloten",
        "checks": "Een gegevensstroom naar een verwerker noemt in `agreement` een overeenkomst die die verwerker "
        "niet heeft getekend (de verwerker staat niet in `parties`).",
        "why": "Een verwerkersovereenkomst bindt alleen wie haar tekent (AVG art. 28 lid 3). Een overeenkomst "
        "met een andere partij, zoals een distributeur die tekent voor een uitgever of de leverancier van het "
        "LAS voor een koppeling, beschermt de gegevens bij deze verwerker niet.",
        "fix": "Sluit een eigen verwerkersovereenkomst met deze verwerker en verwijs daarnaar in `agreement`, of "
        "corrigeer `to` als de gegevens eigenlijk naar een andere partij gaan.",
        "message": "gegevensstroom '{flow}' naar verwerker '{holder}' verwijst naar overeenkomst '{agreement}', "
        "maar die is gesloten met {parties}, niet met '{holder}'",
        "reader": "Gegevens gaan naar {holder} op grond van een overeenkomst met {parties}. Met {holder} zelf is die "
        "overeenkomst niet gesloten.",
    },
    en={
        "title": "The flow's agreement was not concluded with this processor",
        "checks": "A flow to a processor names in `agreement` an agreement that processor has not signed (it is "
        "not in `parties`).",
        "why": "A processing agreement binds only those who sign it (GDPR Art. 28(3)). An agreement with "
        "someone else, such as a distributor signing for a publisher or the pupil-administration supplier "
        "for a link, does not protect the data at this processor.",
        "fix": "Conclude a processing agreement with this processor and name it in `agreement`, or correct `to` "
        "if the data really goes to another party.",
        "message": "flow '{flow}' to processor '{holder}' names agreement '{agreement}', which is with {parties}, "
        "not with '{holder}'",
        "reader": "Data goes to {holder} under an agreement with {parties}. That agreement was not made with {holder}"
        " itself.",
    },
)
def agreement_not_signed_by_processor(ctx: Context) -> Iterable[Hit]:
    t = ctx.tables
    f = t.flows
    explicit = f[f["agreement"].notna() & (f["dst_role"] == PROCESSOR) & (f["src_holder"] != f["dst_holder"])]
    signed = explicit.merge(
        t.agreement_parties, left_on=["agreement", "dst_holder"], right_on=["agreement", "party"], how="left", indicator=True
    )
    bad = signed.loc[signed["_merge"] == "left_only", ["flow", "agreement", "dst_holder"]]
    if bad.empty:
        return []
    parties = t.agreement_parties.groupby("agreement")["party"].agg(id_list).rename("parties").reset_index()
    bad = bad.merge(parties, on="agreement").sort_values("flow")
    return hits_from(bad, ["flow", "agreement"], {"flow": "flow", "holder": "dst_holder", "agreement": "agreement", "parties": "parties"})
