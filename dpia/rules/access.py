"""Access roles: need-to-know, no shared accounts, a reason per role.

The privacy letter says it plainly: not everyone sees everything; a mentor may read conversation
reports, an arbitrary subject teacher may not. In 2018 the Dutch DPA found a pupil monitoring system
in which all staff could see all pupils' data, and required role-based access and logging.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from dpia.rules.base import Context, Hit, hits_from, id_list, rule
from dpia.model.findings import Kind, Severity
from dpia.rules.special import blank

# Types for which an access role must be able to say why it needs them.
PROTECTED_TYPES = ("sensitive", "special", "criminal", "national_id")
# Types for which a system must have role-based access at all.
HIGH_RISK_TYPES = ("special", "criminal", "national_id")


def roles(ctx: Context) -> pd.DataFrame:
    """role, system, reason, shared_account, care_team, has_needs: one row per access role (also roles without data)."""
    return pd.DataFrame.from_records(
        [(a.id, a.system, a.reason, a.shared_account, a.care_team, a.needs is not None) for a in ctx.register.access_roles],
        columns=["role", "system", "reason", "shared_account", "care_team", "has_needs"],
    )


def access_with_types(ctx: Context) -> pd.DataFrame:
    t = ctx.tables
    return t.access.merge(t.categories[["category", "type"]], on="category")


@rule(
    code="DPIA601",
    name="access-beyond-need",
    severity=Severity.WARNING,
    kind=Kind.VIOLATION,
    article="AVG art. 5 lid 1 sub c; art. 25 lid 2; art. 32",
    theme="access",
    nl={
        "title": "Toegang tot meer gegevens dan de rol nodig heeft",
        "checks": "Een toegangsrol kan categorieën lezen of wijzigen die niet in zijn `needs` staan (wat de "
        "rol voor zijn taak nodig heeft). Bijzondere persoonsgegevens buiten het zorgteam meldt DPIA303.",
        "why": "Niet iedereen hoeft alles te zien: een mentor mag gespreksverslagen lezen, een willekeurige "
        "vakdocent niet. Standaard mag een rol alleen bij de gegevens die hij nodig heeft (AVG art. 25 lid 2, "
        "privacy by default); dat beperkt ook de schade als een account wordt misbruikt (art. 32).",
        "fix": "Haal de categorieën uit `read` en `write` van de rol en pas de rechten in het systeem aan, of "
        "voeg ze toe aan `needs` en leg in `reason` uit waarom de rol ze nodig heeft.",
        "message": "toegangsrol '{access_role}' in '{system}' kan gegevens inzien die de rol niet nodig heeft: {categories}",
        "reader": "Medewerkers met de rol {access_role} in {system} kunnen meer zien dan zij nodig hebben: "
        "{categories}.",
    },
    en={
        "title": "Access to more data than the role needs",
        "checks": "An access role can read or change categories that are not in its `needs` (what the role "
        "needs for its task). Special-category data outside the care team is reported by DPIA303.",
        "why": "Not everyone needs to see everything: a form tutor may read conversation reports, an arbitrary "
        "subject teacher may not. By default a role may reach only the data it needs (GDPR Art. 25(2), privacy "
        "by default); that also limits the harm when an account is misused (Art. 32).",
        "fix": "Remove the categories from the role's `read` and `write` and change the rights in the system, "
        "or add them to `needs` and explain in `reason` why the role needs them.",
        "message": "access role '{access_role}' in '{system}' can see data the role does not need: {categories}",
        "reader": "Staff with the role {access_role} in {system} can see more than they need: {categories}.",
    },
)
def access_beyond_need(ctx: Context) -> Iterable[Hit]:
    a = access_with_types(ctx)
    beyond = a[(a["needed"] == False)]  # noqa: E712 - None means 'no needs declared', not False
    # DPIA303 already reports special-category data outside the care team.
    beyond = beyond[~((beyond["type"] == "special") & ~beyond["care_team"].astype(bool))]
    if beyond.empty:
        return []
    out = beyond.groupby(["role", "system"])["category"].agg(id_list).rename("categories").reset_index().sort_values("role")
    return hits_from(out, ["role"], {"access_role": "role", "system": "system", "categories": "categories"})


@rule(
    code="DPIA602",
    name="access-needs-not-declared",
    severity=Severity.INFO,
    kind=Kind.GAP,
    article="AVG art. 25 lid 2; art. 5 lid 2",
    theme="access",
    nl={
        "title": "Niet vastgelegd wat een rol nodig heeft",
        "checks": "Een toegangsrol kan gevoelige, bijzondere of strafrechtelijke gegevens of het BSN inzien, "
        "maar het register zegt niet welke gegevens de rol voor zijn taak nodig heeft (`needs`).",
        "why": "Zonder vastgelegde behoefte valt niet te toetsen of de rol te veel ziet (AVG art. 25 lid 2). "
        "Het bestuur moet kunnen laten zien dat het de toegang bewust heeft ingericht (art. 5 lid 2).",
        "fix": "Vul bij de rol `needs` in met de categorieën die de rol echt nodig heeft.",
        "message": "toegangsrol '{access_role}' in '{system}' ziet {categories}, maar heeft geen vastgelegde behoefte (`needs`)",
        "reader": "Medewerkers met de rol {access_role} in {system} zien deze gegevens: {categories}. Er staat niet welke "
        "zij echt nodig hebben.",
    },
    en={
        "title": "Not recorded what a role needs",
        "checks": "An access role can see sensitive, special-category or criminal data or the BSN, but the "
        "register does not say which data the role needs for its task (`needs`).",
        "why": "Without a stated need nobody can judge whether the role sees too much (GDPR Art. 25(2)). The "
        "board must be able to show that it set up access deliberately (Art. 5(2)).",
        "fix": "Set `needs` on the role to the categories it really needs.",
        "message": "access role '{access_role}' in '{system}' sees {categories}, but no need is recorded (`needs`)",
        "reader": "Staff with the role {access_role} in {system} see this data: {categories}. The register does not say which "
        "data they really need.",
    },
)
def access_needs_not_declared(ctx: Context) -> Iterable[Hit]:
    a = access_with_types(ctx)
    undeclared = a[a["needed"].isna() & a["type"].isin(PROTECTED_TYPES)]
    if undeclared.empty:
        return []
    out = undeclared.groupby(["role", "system"])["category"].agg(id_list).rename("categories").reset_index().sort_values("role")
    return hits_from(out, ["role"], {"access_role": "role", "system": "system", "categories": "categories"})


@rule(
    code="DPIA603",
    name="shared-account",
    severity=Severity.WARNING,
    kind=Kind.VIOLATION,
    article="AVG art. 32; art. 5 lid 1 sub f",
    theme="access",
    nl={
        "title": "Gedeeld account",
        "checks": "Een toegangsrol wordt gebruikt via een gedeeld account (`shared_account: true`).",
        "why": "Bij een gedeeld account weet niemand wie welk dossier heeft gelezen of gewijzigd. De Autoriteit "
        "Persoonsgegevens eiste in 2018 juist dat scholen vastleggen wie wat inziet (logging), en een gedeeld "
        "wachtwoord lekt makkelijk. Dat past niet bij passende beveiliging (AVG art. 32).",
        "fix": "Geef iedere medewerker een eigen account (met tweefactorauthenticatie) en zet `shared_account` op `false`.",
        "message": "toegangsrol '{access_role}' in '{system}' werkt met een gedeeld account",
        "reader": "Medewerkers met de rol {access_role} in {system} delen één inlog. Dan is niet na te gaan wie wat"
        " heeft gedaan.",
    },
    en={
        "title": "Shared account",
        "checks": "An access role is used through a shared account (`shared_account: true`).",
        "why": "With a shared account nobody knows who read or changed which file. In 2018 the Dutch DPA "
        "required schools to record who sees what (logging), and a shared password leaks easily. That is not "
        "appropriate security (GDPR Art. 32).",
        "fix": "Give every staff member a personal account (with two-factor authentication) and set "
        "`shared_account` to `false`.",
        "message": "access role '{access_role}' in '{system}' uses a shared account",
        "reader": "Staff with the role {access_role} in {system} share one account. Then nobody can tell who did "
        "what.",
    },
)
def shared_account(ctx: Context) -> Iterable[Hit]:
    r = roles(ctx)
    bad = r[r["shared_account"].astype(bool)].sort_values("role")
    return hits_from(bad, ["role"], {"access_role": "role", "system": "system"})


@rule(
    code="DPIA604",
    name="access-role-without-reason",
    severity=Severity.INFO,
    kind=Kind.GAP,
    article="AVG art. 5 lid 2",
    theme="access",
    nl={
        "title": "Toegangsrol zonder reden",
        "checks": "Een toegangsrol zegt niet waarom de rol deze gegevens nodig heeft (`reason`).",
        "why": "Het bestuur moet kunnen uitleggen waarom een rol toegang heeft (verantwoordingsplicht, AVG art. "
        "5 lid 2). Een korte reden helpt ook bij de jaarlijkse controle van de rechten.",
        "fix": "Vul `reason` in, bijvoorbeeld 'begeleidt de leerlingen van de eigen mentorgroep'.",
        "message": "toegangsrol '{access_role}' in '{system}' heeft geen reden",
        "reader": "Bij de rol {access_role} in {system} staat niet waarom die rol deze gegevens mag zien.",
    },
    en={
        "title": "Access role without a reason",
        "checks": "An access role does not say why it needs its data (`reason`).",
        "why": "The board must be able to explain why a role has access (accountability, GDPR Art. 5(2)). A "
        "short reason also helps the yearly review of rights.",
        "fix": "Set `reason`, for example 'guides the pupils of their own tutor group'.",
        "message": "access role '{access_role}' in '{system}' has no reason",
        "reader": "For the role {access_role} in {system}, the register does not say why it may see this data.",
    },
)
def access_role_without_reason(ctx: Context) -> Iterable[Hit]:
    r = roles(ctx)
    bad = r[blank(r["reason"])].sort_values("role")
    return hits_from(bad, ["role"], {"access_role": "role", "system": "system"})


@rule(
    code="DPIA605",
    name="high-risk-data-without-access-roles",
    severity=Severity.WARNING,
    kind=Kind.GAP,
    article="AVG art. 32; art. 25 lid 2",
    theme="access",
    nl={
        "title": "Bijzondere gegevens of BSN in een systeem zonder toegangsrollen",
        "checks": "Een systeem ontvangt bijzondere of strafrechtelijke persoonsgegevens of het BSN, maar het "
        "register beschrijft voor dat systeem geen enkele toegangsrol.",
        "why": "Voor zulke gegevens moet vastliggen wie erbij kan (AVG art. 32 en art. 25 lid 2). De Autoriteit "
        "Persoonsgegevens eiste in 2018 toegang per rol in leerlingvolgsystemen. Zonder rollen in het "
        "register valt niet na te gaan of alleen de juiste mensen de gegevens zien.",
        "fix": "Beschrijf onder `access_roles` de rollen in dit systeem, met wat ze lezen en wijzigen.",
        "message": "systeem '{system}' ontvangt {categories}, maar het register beschrijft er geen toegangsrollen voor",
        "reader": "{system} krijgt deze gegevens: {categories}. Er staat niet vast wie ze in {system} mag zien.",
    },
    en={
        "title": "Special data or BSN in a system without access roles",
        "checks": "A system receives special-category or criminal data or the BSN, but the register describes no "
        "access role for it.",
        "why": "For such data it must be fixed who can reach it (GDPR Art. 32 and Art. 25(2)). In 2018 the Dutch "
        "DPA required role-based access in pupil monitoring systems. Without roles in the register nobody can "
        "check that only the right people see the data.",
        "fix": "Describe the roles in this system under `access_roles`, with what they read and change.",
        "message": "system '{system}' receives {categories}, but the register describes no access roles for it",
        "reader": "{system} receives this data: {categories}. It is not recorded who may see it in {system}.",
    },
)
def high_risk_data_without_access_roles(ctx: Context) -> Iterable[Hit]:
    t = ctx.tables
    cats = t.categories[t.categories["type"].isin(HIGH_RISK_TYPES)][["category"]]
    carrying = t.flow_categories[t.flow_categories["category"].isin(cats["category"])]  # filter before joining
    into = t.flows[t.flows["dst_kind"] == "system"][["flow", "dst"]].merge(carrying, on="flow").merge(cats, on="category")
    into = into[~into["dst"].isin(roles(ctx)["system"])]
    if into.empty:
        return []
    out = into.groupby("dst")["category"].agg(id_list).rename("categories").reset_index().rename(columns={"dst": "system"})
    return hits_from(out.sort_values("system"), ["system"], {"system": "system", "categories": "categories"})
