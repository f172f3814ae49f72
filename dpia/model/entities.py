"""The register model: everything a DPIA and an Art. 30 record need.

The shape of the register is declared here once. Validation, the JSON Schema shipped for editors
(`dpia/schema/register.schema.json`) and the file-format reference (`docs/register-format.md`) are all
derived from these classes.

Every entity has a stable ``id``; entities refer to each other by id only. Ids share one namespace per
register, so a flow's ``from`` and ``to`` can name a party, a system, a school, the controller or a
data-subject category without saying which.

The model checks *shape* (types, enumerations, dates, durations, required fields). Whether the content
is *lawful* (a purpose without a legal basis, an expired agreement) is the job of the rules in
`dpia.rules`, so the model deliberately lets such gaps through: they are findings, not syntax errors.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
import unicodedata
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field, PrivateAttr, field_validator,
                      model_validator)
from pydantic_core import PydanticCustomError

from dpia.i18n import default_lang

ID_PATTERN = r"^[a-z0-9][a-z0-9_.-]*$"

Id = Annotated[
    str,
    Field(
        pattern=ID_PATTERN,
        min_length=1,
        max_length=80,
        description="Stable identifier: lower-case letters, digits, '-', '_' and '.'; unique in the register.",
    ),
]

_DURATION = re.compile(
    r"^P(?!$)(?:(?P<y>\d+)Y)?(?:(?P<m>\d+)M)?(?:(?P<w>\d+)W)?(?:(?P<d>\d+)D)?$"
)


# Plausible bounds. A register is typed by hand or imported from a spreadsheet: a count of 10**32 or a
# retention of 9999 years is a typing error, not a fact, and would distort the screening (large scale)
# and the retention comparisons. The bounds are generous on purpose: the largest Dutch institutions
# (an mbo college) have some tens of thousands of students, and the whole country has fewer than
# 20 million inhabitants (a national-scale synthetic register sums every pupil and parent).
MAX_SCHOOL_PUPILS = 100_000
MAX_SCHOOL_STAFF = 20_000
MAX_SUBJECT_COUNT = 20_000_000
MAX_DURATION = "P100Y"  # longest retention or renewal period (a diploma register keeps decades, not centuries)


def _check_duration(value: str) -> str:
    if not _DURATION.match(value):
        raise ValueError("iso_duration")
    if duration_in_days(value) > duration_in_days(MAX_DURATION):
        raise ValueError("duration_range")
    return value


IsoDuration = Annotated[
    str,
    Field(
        pattern=r"^P(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$",
        description="ISO-8601 duration in years, months, weeks or days, e.g. P2Y, P6M, P5Y6M.",
        examples=["P2Y", "P6M"],
    ),
    AfterValidator(_check_duration),
]


def duration_in_days(value: str) -> float:
    """Approximate length of an ISO-8601 duration in days (a year is 365.25 days, a month 30.44).

    Used only to compare retention periods, where a day's precision is irrelevant.

    >>> duration_in_days("P2Y")
    730.5
    """
    m = _DURATION.match(value)
    if not m:
        raise ValueError(f"not an ISO-8601 duration: {value!r}")
    y, mo, w, d = (int(m.group(k) or 0) for k in "ymwd")
    return y * 365.25 + mo * 30.4375 + w * 7 + d


def invisible_character(text: str) -> tuple[int, str] | None:
    """The first character of ``text`` that a reader cannot see or that changes how the text around it
    reads, as (position from 1, "U+XXXX NAME"), or None: a format character (Unicode category Cf:
    right-to-left override U+202E, zero-width space U+200B, a byte-order mark ...) or half a surrogate
    pair (Cs). Two parties could look the same, or a name read backwards, in every document.

    >>> invisible_character("Fotostudio\u202eHelmond")
    (11, 'U+202E RIGHT-TO-LEFT OVERRIDE')
    >>> invisible_character("Café Ünal") is None
    True
    """
    for position, char in enumerate(text, start=1):
        category = unicodedata.category(char)
        if category in ("Cf", "Cs"):
            name = unicodedata.name(char, "SURROGATE" if category == "Cs" else "FORMAT CHARACTER")
            return position, f"U+{ord(char):04X} {name}"
    return None


class Strict(BaseModel):
    """Base for every register entity: unknown fields are errors, values are checked strictly, and no
    text holds an invisible character (:func:`invisible_character`)."""

    model_config = ConfigDict(extra="forbid", frozen=False, populate_by_name=True, use_enum_values=False)

    @field_validator("*", mode="after")
    @classmethod
    def _visible_text(cls, value: Any) -> Any:
        if isinstance(value, str):
            found = invisible_character(value)
            if found is not None:
                raise PydanticCustomError("invisible_character", "invisible character {char} at position {position}",
                                          {"char": found[1], "position": found[0]})
        return value


class Text(Strict):
    """A label in Dutch and English. Dutch is what the MR reads; English serves other readers."""

    nl: str = Field(min_length=1, description="Dutch text.")
    en: str = Field(min_length=1, description="English text.")

    def pick(self, lang: str | None = None) -> str:
        """The text in ``lang``; None is the reader's default language (``dpia.i18n.default_lang``).

        >>> Text(nl="Klas", en="Class").pick("en"), Text(nl="Klas", en="Class").pick("nl")
        ('Class', 'Klas')
        """
        return self.en if (lang or default_lang()) == "en" else self.nl


# --------------------------------------------------------------------------------------------------
# Enumerations. Values are English snake_case; Dutch labels live in the message catalogue.


class PartyRole(StrEnum):
    """Role of a party under the GDPR (Art. 4(7)-(10), Art. 26, Art. 28)."""

    CONTROLLER = "controller"
    JOINT_CONTROLLER = "joint_controller"
    PROCESSOR = "processor"
    SUB_PROCESSOR = "sub_processor"
    INDEPENDENT_CONTROLLER = "independent_controller"
    RECIPIENT = "recipient"
    THIRD_PARTY = "third_party"
    PUBLIC = "public"


class TransferMechanism(StrEnum):
    """Instrument for a transfer outside the EEA (GDPR Art. 45-49)."""

    ADEQUACY = "adequacy"
    SCC = "scc"
    BCR = "bcr"
    DEROGATION = "derogation"


class Sector(StrEnum):
    """The school's sector: it decides which education statute and which retention periods apply
    (``dpia.model.law``)."""

    PO = "po"  # primair onderwijs: Wet op het primair onderwijs (WPO)
    VO = "vo"  # voortgezet onderwijs: Wet voortgezet onderwijs 2020 (WVO 2020)
    MBO = "mbo"  # middelbaar beroepsonderwijs: Wet educatie en beroepsonderwijs (WEB)
    SO_VSO = "so_vso"  # (voortgezet) speciaal onderwijs: Wet op de expertisecentra (WEC)


class SystemTrait(StrEnum):
    """What a system does that the screening cannot see from its data alone (set by the officer)."""

    PUPIL_MONITORING = "pupil_monitoring"  # leerlingvolgsysteem: observes pupils' behaviour or development
    INNOVATIVE_TECHNOLOGY = "innovative_technology"  # e.g. AI, learning analytics, face recognition
    CAMERA_SURVEILLANCE = "camera_surveillance"  # cameratoezicht


class DataNature(StrEnum):
    """Kinds of ordinary data that the AP's DPIA list names."""

    COMMUNICATION = "communication"  # content or metadata of communication (mail, chat)
    LOCATION = "location"  # where a person is or was


class SystemKind(StrEnum):
    PUPIL_ADMINISTRATION = "pupil_administration"
    LEARNING_PLATFORM = "learning_platform"
    LEARNING_MATERIALS = "learning_materials"
    WEBSITE = "website"
    MAIL = "mail"
    IDENTITY = "identity"
    FILE_STORAGE = "file_storage"
    PHOTO = "photo"
    OTHER = "other"


class DataType(StrEnum):
    """Legal type of a data category: drives which rules apply."""

    ORDINARY = "ordinary"
    SENSITIVE = "sensitive"  # not Art. 9, but sensitive in context (grades, conversation reports)
    SPECIAL = "special"  # GDPR Art. 9(1)
    CRIMINAL = "criminal"  # GDPR Art. 10
    NATIONAL_ID = "national_id"  # BSN and other numbers prescribed by law (UAVG art. 46)


class SpecialSubtype(StrEnum):
    """The special categories of GDPR Art. 9(1)."""

    RACIAL_ETHNIC_ORIGIN = "racial_ethnic_origin"
    POLITICAL_OPINIONS = "political_opinions"
    RELIGION_BELIEF = "religion_belief"
    TRADE_UNION = "trade_union"
    GENETIC = "genetic"
    BIOMETRIC = "biometric"
    HEALTH = "health"
    SEX_LIFE_ORIENTATION = "sex_life_orientation"


class SubjectKind(StrEnum):
    PUPIL = "pupil"
    PARENT = "parent"
    STAFF = "staff"
    OTHER = "other"


class AgeBand(StrEnum):
    """Age bands that decide who consents (UAVG art. 5: a parent under 16, the pupil from 16)."""

    UNDER_16 = "under_16"
    AGE_16_TO_17 = "16_to_17"
    ADULT = "18_plus"


class LegalBasis(StrEnum):
    """GDPR Art. 6(1) (a)-(f)."""

    CONSENT = "consent"
    CONTRACT = "contract"
    LEGAL_OBLIGATION = "legal_obligation"
    VITAL_INTERESTS = "vital_interests"
    PUBLIC_TASK = "public_task"
    LEGITIMATE_INTEREST = "legitimate_interest"


class AgreementKind(StrEnum):
    MODEL_4_0 = "model_4_0"  # model processing agreement of the Privacyconvenant Onderwijs 4.0
    PROCESSING_AGREEMENT = "processing_agreement"  # other Art. 28(3) agreement
    DATA_SHARING = "data_sharing"  # arrangement with an independent controller or recipient


class Consenter(StrEnum):
    PARENT = "parent"
    PUPIL = "pupil"


class RetentionTrigger(StrEnum):
    """Event from which a retention period runs."""

    DEREGISTRATION = "deregistration"  # uitschrijving: the pupil leaves the school
    RESULT = "result"  # the exam result is final
    CREATION = "creation"  # the record is made
    END_OF_SCHOOL_YEAR = "end_of_school_year"
    END_OF_CONTRACT = "end_of_contract"  # end of the processing agreement
    END_OF_USE = "end_of_use"  # the purpose is served (e.g. the pass is printed)
    END_OF_EMPLOYMENT = "end_of_employment"


class RecordType(StrEnum):
    """Kinds of school records whose retention the law or the sector fixes (see ``dpia.model.law``)."""

    PUPIL_FILE = "pupil_file"  # leerlingdossier
    ABSENCE_ENROLMENT = "absence_enrolment"  # verzuim, in- en uitschrijving
    SPECIAL_EDUCATION_REFERRAL = "special_education_referral"  # verwijzing speciaal onderwijs
    CENTRAL_EXAM = "central_exam"  # centraal examenwerk en cijferlijst
    SCHOOL_EXAM = "school_exam"  # schoolexamenwerk


class MeasureKind(StrEnum):
    TECHNICAL = "technical"
    ORGANISATIONAL = "organisational"


class MeasureStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    IMPLEMENTED = "implemented"


# --------------------------------------------------------------------------------------------------
# Entities


class School(Strict):
    """A school (vestiging) under the board's authority."""

    id: Id
    name: str = Field(min_length=1)
    brin: str | None = Field(
        default=None, pattern=r"^[0-9]{2}[A-Z]{2}([0-9]{2})?$", description="BRIN or vestigingsnummer."
    )
    pupils: int | None = Field(
        default=None, ge=0, le=MAX_SCHOOL_PUPILS, description="Number of pupils, for the screening."
    )
    staff: int | None = Field(default=None, ge=0, le=MAX_SCHOOL_STAFF, description="Number of staff.")


class Contact(Strict):
    """A named person. Confidential: never shown in the report for the MR, unless marked ``public``.

    ``role_address`` is the address of the role (``fg@school.nl``), not of the person: it stays when
    the person changes, and the report gives it as the address to write to.
    """

    name: str = Field(min_length=1)
    email: str | None = Field(default=None, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    phone: str | None = None
    role_address: str | None = Field(
        default=None, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$",
        description="E-mail address of the role (e.g. the FG's mailbox), not of the person; shown in the MR report.",
    )
    public: bool = Field(
        default=False, description="The person's name, e-mail and phone may be shown in the MR report."
    )


class Controller(Strict):
    """The controller: the school board (bevoegd gezag). One per register."""

    id: Id
    name: str = Field(min_length=1)
    sector: Sector = Field(
        description="The sector of the board's schools: po (WPO), vo (WVO 2020), mbo (WEB) or so_vso (WEC). "
        "It decides the statutes and retention periods the rules apply (dpia.model.law); there is no default."
    )
    kvk: str | None = Field(default=None, pattern=r"^[0-9]{8}$", description="Chamber of Commerce number.")
    public_authority: bool = Field(
        default=True,
        description="A public or publicly funded school board; it may not rely on legitimate interest "
        "for its public tasks (GDPR Art. 6(1), last sentence).",
    )
    dpo: Contact | None = Field(default=None, description="The FG (functionaris gegevensbescherming).")
    contact: Contact | None = None
    privacy_policy: PrivacyPolicy | None = Field(default=None, description="The board's privacy policy and the MR's part in it.")
    schools: list[School] = Field(default_factory=list)


class Location(Strict):
    """Where a party processes the data."""

    country: str = Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2 country code.")
    transfer_mechanism: TransferMechanism | None = Field(
        default=None, description="Required when the country is outside the EEA (GDPR Art. 44-49)."
    )

    @property
    def in_eea(self) -> bool:
        return self.country in EEA_COUNTRIES


EEA_COUNTRIES = frozenset(
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO".split()
)


class Party(Strict):
    """An organisation (or the public) that receives or handles pupil data."""

    id: Id
    name: str = Field(min_length=1)
    role: PartyRole
    location: Location | None = None
    processor_of: Id | None = Field(
        default=None, description="For a sub-processor: the processor that engages it."
    )
    contact: Contact | None = None
    notes: str | None = None


class System(Strict):
    """An application or system in which data is kept (Magister, the website, mail)."""

    id: Id
    name: str = Field(min_length=1)
    kind: SystemKind
    operated_by: Id = Field(description="The party that runs it (a processor, or the controller itself).")
    schools: list[Id] = Field(default_factory=list, description="Schools that use it; empty means all.")
    traits: list[SystemTrait] = Field(
        default_factory=list,
        description="What the system does that its data does not show, for the screening: pupil_monitoring "
        "(a pupil monitoring system, AP list), innovative_technology (WP248 criterion 8), camera_surveillance.",
    )
    notes: str | None = None


class DataCategory(Strict):
    """A category of personal data."""

    id: Id
    label: Text
    type: DataType
    special_subtype: SpecialSubtype | None = Field(
        default=None, description="Required when type is special (GDPR Art. 9(1))."
    )
    record_type: RecordType | None = Field(
        default=None, description="The kind of school record, when the law fixes its retention."
    )
    nature: DataNature | None = Field(
        default=None, description="communication or location data, which the AP's DPIA list names."
    )
    confidential: bool = Field(default=False, description="Never shown by name in the MR report.")
    identifying: bool = Field(
        default=False, description="Names the person directly (name, photo, address): for the breach assessment."
    )

    @model_validator(mode="after")
    def _subtype_matches_type(self) -> DataCategory:
        if self.type is DataType.SPECIAL and self.special_subtype is None:
            raise ValueError("special_subtype_required")
        if self.type is not DataType.SPECIAL and self.special_subtype is not None:
            raise ValueError("special_subtype_forbidden")
        return self


class SubjectCategory(Strict):
    """A category of data subjects (betrokkenen)."""

    id: Id
    label: Text
    kind: SubjectKind
    age_band: AgeBand | None = Field(default=None, description="Required for pupils.")
    count: int | None = Field(
        default=None, ge=0, le=MAX_SUBJECT_COUNT, description="Approximate number, for the screening."
    )

    @model_validator(mode="after")
    def _age_band_for_pupils(self) -> SubjectCategory:
        if self.kind is SubjectKind.PUPIL and self.age_band is None:
            raise ValueError("age_band_required")
        return self


class Purpose(Strict):
    """A purpose of processing, with its legal basis (GDPR Art. 5(1)(b), Art. 6)."""

    id: Id
    label: Text
    legal_basis: LegalBasis | None = Field(
        default=None, description="GDPR Art. 6(1). Missing is reported by `dpia check`, not by validation."
    )
    legal_source: str | None = Field(
        default=None,
        description="The statute for a legal obligation or public task, e.g. 'WVO 2020 art. 8.1'.",
    )
    art9_exception: str | None = Field(
        default=None,
        description="Exception for special-category data: GDPR Art. 9(2) point and UAVG article.",
    )
    needs: list[Id] = Field(default_factory=list, description="Data categories this purpose needs.")


class Flow(Strict):
    """A flow of personal data from one node to another."""

    id: Id
    from_: Id = Field(alias="from", description="Source: a party, system, school, controller or subjects.")
    to: Id = Field(description="Destination: a party, system, school or the controller.")
    categories: list[Id] = Field(min_length=1)
    purposes: list[Id] = Field(default_factory=list)
    subjects: list[Id] = Field(default_factory=list)
    channel: str | None = Field(default=None, description="How the data travels (API, SFTP, mail, paper).")
    agreement: Id | None = Field(default=None, description="The agreement that covers this flow, if stated.")


class ProcessingAgreement(Strict):
    """A processing agreement (Art. 28(3)) or a data-sharing arrangement."""

    id: Id
    kind: AgreementKind
    parties: list[Id] = Field(min_length=1, description="The other parties (processor or recipient).")
    categories: list[Id] = Field(default_factory=list)
    purposes: list[Id] = Field(default_factory=list)
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    deletion_after_use: bool = Field(
        default=False, description="The agreement obliges deletion or return after use (Art. 28(3)(g))."
    )
    permitted_subprocessors: list[Id] = Field(default_factory=list)
    privacy_annex_version: str | None = Field(default=None, description="Version of the privacybijsluiter.")
    security_annex: str | None = Field(default=None, description="Reference to the beveiligingsbijlage.")
    retention: IsoDuration | None = Field(
        default=None, description="How long the processor keeps the data after the trigger below."
    )
    retention_trigger: RetentionTrigger | None = None
    breach_notice_hours: int | None = Field(
        default=None, ge=1, le=720,
        description="Hours within which the processor must report a breach to the school (Art. 28(3)(f), 33(2)); "
        "the model agreement 4.0 has its own clause.",
    )

    @model_validator(mode="after")
    def _dates_in_order(self) -> ProcessingAgreement:
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValueError("valid_until_before_from")
        return self


class ConsentBy(Strict):
    """Who gives consent per age band."""

    under_16: Consenter | None = None
    age_16_17: Consenter | None = Field(default=None, alias="16_to_17")
    adult: Consenter | None = Field(default=None, alias="18_plus")

    def for_band(self, band: AgeBand) -> Consenter | None:
        return {AgeBand.UNDER_16: self.under_16, AgeBand.AGE_16_TO_17: self.age_16_17, AgeBand.ADULT: self.adult}[band]


class ConsentArrangement(Strict):
    """How consent is asked, recorded and withdrawn for a purpose (GDPR Art. 7, UAVG art. 5)."""

    id: Id
    purpose: Id
    given_by: ConsentBy
    recorded_in: Id | None = Field(default=None, description="The system in which consent is recorded.")
    how_recorded: str | None = None
    withdrawal: str | None = Field(default=None, description="How consent is withdrawn.")
    renewed: IsoDuration | None = Field(default=None, description="How often consent is asked again.")


class AccessRole(Strict):
    """A role in a system and the categories it may read or change (need-to-know)."""

    id: Id
    label: Text
    system: Id
    read: list[Id] = Field(default_factory=list)
    write: list[Id] = Field(default_factory=list)
    reason: str | None = Field(default=None, description="Why the role needs these categories.")
    care_team: bool = Field(default=False, description="Member of the care team (zorgteam).")
    needs: list[Id] | None = Field(
        default=None, description="Categories the role needs for its task; reading more is a finding."
    )
    shared_account: bool = False


class RetentionRule(Strict):
    """How long a category (or the data of a purpose) is kept, and from which event."""

    id: Id
    category: Id | None = None
    purpose: Id | None = None
    duration: IsoDuration
    trigger: RetentionTrigger
    legal_source: str | None = None
    minimum: bool = Field(default=False, description="True when the duration is a legal minimum, not a maximum.")

    @model_validator(mode="after")
    def _one_target(self) -> RetentionRule:
        if (self.category is None) == (self.purpose is None):
            raise ValueError("retention_target")
        return self


# A finding's stable id as ``dpia check`` prints it: the rule code, then the ids it is about.
FINDING_PATTERN = r"^DPIA[0-9]{3}(/[^/\s]+)*$"


class Measure(Strict):
    """A technical or organisational measure (GDPR Art. 24, 25, 32)."""

    id: Id
    label: Text
    kind: MeasureKind
    status: MeasureStatus = MeasureStatus.IMPLEMENTED
    systems: list[Id] = Field(default_factory=list)
    owner: str | None = None
    due: dt.date | None = None
    detail: str | None = Field(default=None, description="Confidential implementation detail; never in the MR report.")
    addresses: list[Annotated[str, Field(pattern=FINDING_PATTERN)]] = Field(
        default_factory=list,
        description="The findings this measure resolves: a finding id (DPIA202/f-photo/va-photo), or its "
        "beginning up to a '/' (DPIA202/f-photo: every DPIA202 finding about f-photo; DPIA303: every DPIA303 "
        "finding). The MR report shows the measure as what the school does about those findings.",
    )

    def addresses_finding(self, finding_id: str) -> bool:
        """Whether one of ``addresses`` names ``finding_id`` (whole, or its beginning up to a '/')."""
        return any(finding_id == a or finding_id.startswith(a + "/") for a in self.addresses)


class Acceptance(Strict):
    """A finding the board accepts for now, with its reason, who accepted it and until when.

    ``finding`` is the finding's stable id as ``dpia check`` prints it (``CODE/subject/...``). After
    ``until`` the acceptance lapses and the finding is open again; an acceptance that matches no
    finding is itself reported, so stale acceptances do not pile up.
    """

    id: Id
    finding: str = Field(pattern=FINDING_PATTERN, description="Finding id, e.g. DPIA202/f-photo/va-photo.")
    reason: str = Field(min_length=1)
    accepted_by: str = Field(min_length=1)
    accepted_on: dt.date | None = None
    until: dt.date


# --------------------------------------------------------------------------------------------------
# DPIAs: scopes over the register, each with its screening, risks, measures and sign-off.
#
# A DPIA does not copy the register: it names systems and flows, and everything else (categories,
# subjects, recipients, access roles) follows from them. Risks link to the register's measures from
# the risk side, each link saying what the measure reduces. The model checks shape only; a missing
# step, an unassessed risk or a passed review date is a finding (``dpia.rules.signoff``).


class MrRight(StrEnum):
    """What the board asks of the participation council (MR) on a DPIA.

    ``advice``: the MR's views (GDPR Art. 35(9)); ``consent``: the DPIA comes with rules on the
    processing and protection of personal data that need the MR's consent (WMS art. 10, and art. 14 for
    the parent and pupil section) *(verify the article numbers against the statute)*.
    """

    ADVICE = "advice"
    CONSENT = "consent"


class DpiaStatus(StrEnum):
    """Where a DPIA stands in its sign-off chain. Findings advise a draft and block one to be approved."""

    DRAFT = "draft"
    TO_BE_APPROVED = "to_be_approved"
    DECIDED = "decided"  # the board has decided; ``signoff.decision`` says how


class RiskScale(StrEnum):
    """The scale on which a DPIA rates likelihood and impact."""

    MODEL_DPIA = "model_dpia"  # Rijksoverheid Model DPIA v3.0: laag / midden / hoog, 3x3
    CNIL = "cnil"  # CNIL PIA method: negligible / limited / significant / maximum, 4x4


class Level(StrEnum):
    """A level of likelihood or impact; which levels are allowed depends on the DPIA's scale."""

    LOW = "low"  # laag
    MEDIUM = "medium"  # midden
    HIGH = "high"  # hoog
    NEGLIGIBLE = "negligible"
    LIMITED = "limited"
    SIGNIFICANT = "significant"
    MAXIMUM = "maximum"


SCALE_LEVELS: dict[RiskScale, tuple[Level, ...]] = {
    RiskScale.MODEL_DPIA: (Level.LOW, Level.MEDIUM, Level.HIGH),
    RiskScale.CNIL: (Level.NEGLIGIBLE, Level.LIMITED, Level.SIGNIFICANT, Level.MAXIMUM),
}


class Criterion(StrEnum):
    """Screening criteria: GDPR Art. 35(3), the nine EDPB/WP248 criteria and the AP's list (2019, 17 types)."""

    ART35_3A = "art35_3a_systematic_evaluation"
    ART35_3B = "art35_3b_large_scale_special_data"
    ART35_3C = "art35_3c_public_area_monitoring"
    WP248_EVALUATION = "wp248_evaluation_scoring"
    WP248_AUTOMATED_DECISION = "wp248_automated_decision"
    WP248_MONITORING = "wp248_systematic_monitoring"
    WP248_SENSITIVE = "wp248_sensitive_data"
    WP248_LARGE_SCALE = "wp248_large_scale"
    WP248_MATCHING = "wp248_matching_datasets"
    WP248_VULNERABLE = "wp248_vulnerable_subjects"
    WP248_INNOVATIVE = "wp248_innovative_technology"
    WP248_PREVENTS_RIGHTS = "wp248_prevents_rights"
    AP_COVERT_INVESTIGATION = "ap_covert_investigation"
    AP_BLACKLISTS = "ap_blacklists"
    AP_FRAUD = "ap_fraud_prevention"
    AP_CREDIT_SCORES = "ap_credit_scores"
    AP_FINANCIAL = "ap_financial_situation"
    AP_GENETIC = "ap_genetic_data"
    AP_HEALTH = "ap_health_data"
    AP_COOPERATION = "ap_cooperation_arrangements"
    AP_CAMERA = "ap_camera_surveillance"
    AP_FLEXIBLE_CAMERA = "ap_flexible_camera_surveillance"
    AP_EMPLOYEE_MONITORING = "ap_employee_monitoring"
    AP_LOCATION = "ap_location_data"
    AP_COMMUNICATION = "ap_communication_data"
    AP_IOT = "ap_internet_of_things"
    AP_PROFILING = "ap_profiling"
    AP_BEHAVIOUR = "ap_behaviour_observation"
    AP_BIOMETRIC = "ap_biometric_data"


class ScreeningAnswer(Strict):
    """The officer's answer to one criterion: a confirmation or an override, always with its reason."""

    criterion: Criterion
    applies: bool
    reason: str = Field(min_length=1, description="Why it applies or not; stays on record.")
    by: str | None = Field(default=None, description="Who answered (the privacy officer).")
    on: dt.date | None = Field(default=None, description="When.")


class Screening(Strict):
    """The record of the screening: is a DPIA required? Kept even when the answer is 'not required'."""

    date: dt.date | None = Field(default=None, description="When the screening was done.")
    by: str | None = None
    answers: list[ScreeningAnswer] = Field(
        default_factory=list,
        description="Answers that confirm or override what the register shows, or decide what it cannot show.",
    )
    note: str | None = None


class ScreeningDecision(Strict):
    """The officer's recorded decision that a processing activity needs no DPIA, and why.

    A processing activity is a system with every flow into or out of it (``system``), or, for flows
    that touch no system, the disclosures to one receiving party for one purpose (``party`` and
    ``purpose``; ``purpose`` left out for flows without a purpose). See ``dpia.analysis.processing``. The
    decision silences the rules that ask for a DPIA (DPIA965-DPIA967) and is shown in the MR report.
    """

    id: Id
    system: Id | None = Field(default=None, description="The system whose processing is decided on.")
    party: Id | None = Field(default=None, description="Or: the receiving party of a disclosure ...")
    purpose: Id | None = Field(default=None, description="... for this purpose.")
    reason: str = Field(min_length=1, description="Why no DPIA is needed; stays on record.")
    decided_by: str = Field(min_length=1)
    decided_on: dt.date

    @model_validator(mode="after")
    def _one_processing(self) -> ScreeningDecision:
        if (self.system is None) == (self.party is None) or (self.system is not None and self.purpose is not None):
            raise ValueError("decision_target")
        return self


class RiskKind(StrEnum):
    """What could go wrong: CNIL's three feared events, or a risk to other rights and freedoms."""

    ILLEGITIMATE_ACCESS = "illegitimate_access"
    UNWANTED_MODIFICATION = "unwanted_modification"
    DISAPPEARANCE = "disappearance"
    DISCRIMINATION = "discrimination"
    CHILLING_EFFECT = "chilling_effect"
    LOSS_OF_CONTROL = "loss_of_control"
    EXCLUSION = "exclusion"
    UNLAWFUL_PUBLICATION = "unlawful_publication"
    OTHER = "other"


class RiskSource(StrEnum):
    """Risk sources of the CNIL method."""

    INTERNAL_HUMAN = "internal_human"
    EXTERNAL_HUMAN = "external_human"
    NON_HUMAN = "non_human"


class AffectedRight(StrEnum):
    """Rights and freedoms a risk touches (EU Charter of Fundamental Rights)."""

    PRIVATE_LIFE = "private_life"  # art. 7
    DATA_PROTECTION = "data_protection"  # art. 8
    FREEDOM_OF_EXPRESSION = "freedom_of_expression"  # art. 11
    EDUCATION = "education"  # art. 14
    NON_DISCRIMINATION = "non_discrimination"  # art. 21
    RIGHTS_OF_THE_CHILD = "rights_of_the_child"  # art. 24


class LevelAssessment(Strict):
    """The officer's rating of likelihood or impact. Without ``level`` the register's suggestion stands;
    a level that differs from the suggestion is an override, and ``motivation`` is its reason."""

    level: Level | None = None
    motivation: str = Field(min_length=1)
    by: str | None = None
    on: dt.date | None = None


class MeasureEffect(StrEnum):
    """What an implemented measure lowers by one step (never below the lowest level)."""

    LIKELIHOOD = "likelihood"
    IMPACT = "impact"
    BOTH = "both"


class RiskMeasure(Strict):
    """A link from a risk to a measure of the register, with what the measure reduces."""

    measure: Id
    reduces: MeasureEffect = MeasureEffect.LIKELIHOOD


class RiskAcceptance(Strict):
    """The board accepts a residual risk with a rationale (instead of prior consultation, Art. 36)."""

    rationale: str = Field(min_length=1)
    accepted_by: str = Field(min_length=1)
    accepted_on: dt.date


class Risk(Strict):
    """A risk to the rights and freedoms of data subjects (GDPR Art. 35(7)(c))."""

    id: Id
    title: Text
    kind: RiskKind
    description: str | None = None
    sources: list[RiskSource] = Field(default_factory=list)
    threat: str | None = Field(default=None, description="How the risk could come about.")
    impacts: str | None = Field(default=None, description="What it would mean for pupils, parents or staff.")
    rights: list[AffectedRight] = Field(default_factory=list)
    systems: list[Id] = Field(default_factory=list, description="Where it lies; empty with no flows: the whole DPIA.")
    flows: list[Id] = Field(default_factory=list)
    likelihood: LevelAssessment | None = None
    impact: LevelAssessment | None = None
    measures: list[RiskMeasure] = Field(default_factory=list)
    acceptance: RiskAcceptance | None = None


class AuthorStep(Strict):
    name: str = Field(min_length=1)
    date: dt.date | None = None


class FgAdvice(Strict):
    """The DPO's (FG's) advice (GDPR Art. 35(2)), tied to the version it is about."""

    date: dt.date
    version: str = Field(min_length=1)
    by: str | None = None
    summary: str | None = None


class MrViews(Strict):
    """The views of the participation council (MR), or why they were not sought (GDPR Art. 35(9))."""

    sought: bool = True
    date: dt.date | None = None
    views: str | None = None
    reason_not_sought: str | None = None


class DecisionOutcome(StrEnum):
    APPROVE = "approve"
    APPROVE_WITH_CONDITIONS = "approve_with_conditions"
    REJECT = "reject"
    REFER_TO_AP = "refer_to_ap"  # prior consultation of the Autoriteit Persoonsgegevens (Art. 36)


class BoardDecision(Strict):
    outcome: DecisionOutcome
    date: dt.date
    by: str | None = None
    version: str | None = None
    conditions: str | None = None
    rationale: str | None = None


class Signoff(Strict):
    """The sign-off chain: author, FG advice, MR views, board decision, review date (at most 3 years)."""

    author: AuthorStep | None = None
    fg_advice: FgAdvice | None = None
    mr: MrViews | None = None
    decision: BoardDecision | None = None
    review_by: dt.date | None = None


class Dpia(Strict):
    """A DPIA (GDPR Art. 35): a scope of systems and flows with its screening, risks and sign-off.

    The scope is ``systems`` plus every flow that starts or ends at one of them, plus ``flows``.
    """

    id: Id
    title: Text
    version: str | None = None
    status: DpiaStatus = DpiaStatus.DRAFT
    scale: RiskScale = RiskScale.MODEL_DPIA
    systems: list[Id] = Field(default_factory=list)
    flows: list[Id] = Field(default_factory=list)
    description: str | None = None
    necessity: str | None = Field(default=None, description="Necessity and proportionality (Art. 35(7)(b)).")
    screening: Screening | None = None
    risks: list[Risk] = Field(default_factory=list)
    signoff: Signoff = Field(default_factory=Signoff)
    mr_right: MrRight = Field(
        default=MrRight.ADVICE,
        description="What the MR is asked for: advice (its views, GDPR Art. 35(9)) or consent (WMS art. 10/14).",
    )

    @model_validator(mode="after")
    def _consistent(self) -> Dpia:
        ids = [r.id for r in self.risks]
        if len(ids) != len(set(ids)):
            raise ValueError("duplicate_risk_id")
        answered = [a.criterion for a in self.screening.answers] if self.screening else []
        if len(answered) != len(set(answered)):
            raise ValueError("duplicate_screening_answer")
        allowed = SCALE_LEVELS[self.scale]
        for r in self.risks:
            for a in (r.likelihood, r.impact):
                if a is not None and a.level is not None and a.level not in allowed:
                    raise ValueError("level_not_on_scale")
        return self


# --------------------------------------------------------------------------------------------------
# The school's public promises (the letter to parents, the privacy statement), each in a checkable form.


class PromiseKind(StrEnum):
    """The vocabulary of checkable promises (``dpia.analysis.promises`` says what each checks, with its article)."""

    NO_FLOW_WITHOUT_CONSENT = "no_flow_without_consent"  # no data of C to parties P without consent
    UNDER_AGREEMENT = "under_agreement"  # every flow to parties of roles R: agreement, purpose, deletion
    ONLY_ROLES_READ = "only_roles_read"  # only access roles A read categories C
    NO_PUBLICATION_WITHOUT_CONSENT = "no_publication_without_consent"  # nothing of C to the public without the right consent
    POLICY_ADOPTED_AFTER_MR = "policy_adopted_after_mr"  # the privacy policy was adopted after consulting the MR
    DELETED_AFTER_LEAVING = "deleted_after_leaving"  # data in system S is deleted within D after the pupil leaves
    ONLY_NEEDED_DATA = "only_needed_data"  # flows carry only what their purposes need
    MANUAL = "manual"  # not checkable from the register: checked by hand, with evidence and a date


class Promise(Strict):
    """A promise the school makes in public, with its text and its checkable form (GDPR Art. 12-14)."""

    id: Id
    text: Text
    kind: PromiseKind
    categories: list[Id] = Field(default_factory=list)
    to: list[Id] = Field(default_factory=list, description="Parties the promise is about.")
    roles: list[PartyRole] = Field(default_factory=list, description="Kinds of parties the promise is about.")
    access_roles: list[Id] = Field(default_factory=list, description="The access roles that may read the categories.")
    system: Id | None = None
    max: IsoDuration | None = Field(default=None, description="The longest period the promise allows.")
    except_: list[Id] = Field(default_factory=list, alias="except", description="Categories the promise leaves out.")
    evidence: str | None = Field(default=None, description="For a manual promise: how it was checked.")
    checked_on: dt.date | None = Field(default=None, description="For a manual promise: when it was last checked.")

    @model_validator(mode="after")
    def _has_what_its_kind_needs(self) -> Promise:
        needs = {
            PromiseKind.NO_FLOW_WITHOUT_CONSENT: ("to", "roles"),
            PromiseKind.ONLY_ROLES_READ: ("categories",),
            PromiseKind.DELETED_AFTER_LEAVING: ("max",),
        }.get(self.kind, ())
        if needs and not any(getattr(self, f) for f in needs):
            raise ValueError(f"promise_needs_{needs[0]}")
        return self


class PrivacyPolicy(Strict):
    """The board's privacy policy: when it was adopted and when the MR was consulted (WMS)."""

    adopted_on: dt.date
    mr_consulted_on: dt.date | None = Field(default=None, description="When the MR gave its advice or consent.")
    url: str | None = None


# --------------------------------------------------------------------------------------------------
# Data breaches (GDPR Art. 33-34): every breach is recorded, notified or not (Art. 33(5)).


def _plain_datetime(value: dt.datetime) -> dt.datetime:
    """A plain ``datetime`` (YAML gives ruamel's TimeStamp, whose copies drop the time zone)."""
    return dt.datetime.fromisoformat(value.isoformat()) if type(value) is not dt.datetime else value


Moment = Annotated[AwareDatetime, AfterValidator(_plain_datetime)]


class BreachNature(StrEnum):
    """What happened to the data (EDPB Guidelines 9/2022, after WP250: the three kinds of breach)."""

    CONFIDENTIALITY = "confidentiality"  # seen or taken by someone who should not have it
    INTEGRITY = "integrity"  # changed without authority
    AVAILABILITY = "availability"  # lost or out of reach


class NotifyDecision(StrEnum):
    NOTIFY = "notify"
    NOT_NOTIFY = "not_notify"


class ApNotification(Strict):
    """The decision on notifying the Autoriteit Persoonsgegevens (Art. 33(1)) and, if notified, when and
    under which reference; the reason when not notified, or when notified after 72 hours."""

    decision: NotifyDecision
    decided_at: Moment
    notified_at: Moment | None = None
    reference: str | None = Field(default=None, description="The AP's reference number of the notification.")
    reason: str | None = Field(default=None, description="Why not notified, or why notified after 72 hours.")


class SubjectsNotification(Strict):
    """The decision on informing the data subjects (Art. 34): when, or why not (Art. 34(3))."""

    decision: NotifyDecision
    decided_at: Moment
    informed_at: Moment | None = None
    reason: str | None = None


class Breach(Strict):
    """A personal-data breach: where and when it was found, what happened, and what was decided.

    ``at`` is where it happened: a party, a system, a flow, a school or the board. ``categories`` and
    ``subjects`` are what the report says was involved, when known; the register itself says what could
    be (``dpia.analysis.breach.impact``). Times carry their time zone (``2026-11-20T09:15:00+01:00``).
    """

    id: Id
    title: str = Field(min_length=1)
    discovered_at: Moment
    reported_by: Id | None = Field(default=None, description="Who reported it: a party, or the board.")
    at: Id
    nature: list[BreachNature] = Field(min_length=1)
    description: str | None = None
    categories: list[Id] = Field(default_factory=list)
    subjects: list[Id] = Field(default_factory=list)
    affected: int | None = Field(default=None, ge=0, le=100_000_000, description="Number of people affected, when known.")
    encrypted: bool = Field(default=False, description="The data was encrypted with a state-of-the-art method.")
    key_compromised: bool = Field(default=False, description="The key (or password) was exposed too.")
    malicious: bool = Field(default=False, description="Caused on purpose (theft, hacking), not by mistake.")
    measures_taken: list[str] = Field(default_factory=list, description="What was done to end it and limit the harm.")
    measures: list[Id] = Field(default_factory=list, description="Measures of the register taken because of it.")
    ap: ApNotification | None = None
    data_subjects: SubjectsNotification | None = None
    closed_at: Moment | None = None

    @model_validator(mode="after")
    def _times_in_order(self) -> Breach:
        now = dt.datetime.now(dt.timezone.utc)
        if self.discovered_at > now + dt.timedelta(minutes=5):
            raise ValueError("breach_discovered_in_future")
        later = [self.ap.decided_at if self.ap else None, self.ap.notified_at if self.ap else None,
                 self.data_subjects.decided_at if self.data_subjects else None,
                 self.data_subjects.informed_at if self.data_subjects else None, self.closed_at]
        if any(t is not None and t < self.discovered_at for t in later):
            raise ValueError("breach_before_discovery")
        return self


class Register(Strict):
    """A whole register: the controller and every entity, in file order."""

    controller: Controller
    parties: list[Party] = Field(default_factory=list)
    systems: list[System] = Field(default_factory=list)
    data_categories: list[DataCategory] = Field(default_factory=list)
    subjects: list[SubjectCategory] = Field(default_factory=list)
    purposes: list[Purpose] = Field(default_factory=list)
    flows: list[Flow] = Field(default_factory=list)
    agreements: list[ProcessingAgreement] = Field(default_factory=list)
    consents: list[ConsentArrangement] = Field(default_factory=list)
    access_roles: list[AccessRole] = Field(default_factory=list)
    retention: list[RetentionRule] = Field(default_factory=list)
    measures: list[Measure] = Field(default_factory=list)
    acceptances: list[Acceptance] = Field(default_factory=list)
    dpias: list[Dpia] = Field(default_factory=list)
    breaches: list[Breach] = Field(default_factory=list)
    promises: list[Promise] = Field(default_factory=list)
    screening_decisions: list[ScreeningDecision] = Field(default_factory=list)
    # Flows read in bulk from flows.csv (a ``dpia.model.flowtable.FlowTable``), kept as a table; ``flows`` above
    # holds the YAML flows only. Use ``dpia.model.flowtable.iter_flows`` / ``flow_count`` to see both.
    _flow_table: Any = PrivateAttr(default=None)

    def index(self) -> dict[str, Any]:
        """Every entity by id (the controller and schools included)."""
        out: dict[str, Any] = {self.controller.id: self.controller}
        out.update({s.id: s for s in self.controller.schools})
        for name in SECTIONS:
            out.update({e.id: e for e in getattr(self, name)})
        return out


CHECKSUM_PATTERN = r"^sha256:[0-9a-f]{64}$"
COMMIT_PATTERN = r"^[0-9a-f]{40}$"  # a full git commit id: a branch, a tag or a short id can move


class Import(Strict):
    """A module (a sector DPIA published by someone else) the register imports: a folder or an archive
    (.tar.gz, .tgz, .tar, .zip) inside the register folder, or a git repository there (a file:// URL)
    pinned to a commit; pinned by the checksum ``dpia module checksum FOLDER|ARCHIVE`` prints
    (dpia.io.modules; for git, that of the commit's files, as a checkout of it gives)."""

    id: Id
    source: str = Field(description="the module's folder or archive, relative to the register folder "
                                    "(e.g. modules/sector-magister or modules/sector-magister-1.2.tar.gz)")
    version: str = Field(description="the module's version, as its module.yaml says (in quotes: \"2026.1\")")
    revision: str | None = Field(default=None, pattern=COMMIT_PATTERN,
                                 description="for a git repository as source (file:///…/NAME.git inside the register "
                                             "folder): the full 40-character commit id the import is pinned to")
    checksum: str = Field(pattern=CHECKSUM_PATTERN, description="sha256 over the module's YAML files (of a folder) "
                                                                "or over the archive file's bytes")


SECTIONS: dict[str, type[Strict]] = {
    "parties": Party,
    "systems": System,
    "data_categories": DataCategory,
    "subjects": SubjectCategory,
    "purposes": Purpose,
    "flows": Flow,
    "agreements": ProcessingAgreement,
    "consents": ConsentArrangement,
    "access_roles": AccessRole,
    "retention": RetentionRule,
    "measures": Measure,
    "acceptances": Acceptance,
    "dpias": Dpia,
    "breaches": Breach,
    "promises": Promise,
    "screening_decisions": ScreeningDecision,
}


# The keys a register file may have at its top: the controller, the sections, and the imported modules.
TOP_KEYS = ("controller", *SECTIONS, "imports")


# Reference fields: for each section, the field paths holding ids and the sections they must name.
NODE_SECTIONS = ("controller", "schools", "parties", "systems", "subjects")
REFERENCES: dict[str, dict[str, tuple[str, ...]]] = {
    "controller": {},
    "parties": {"processor_of": ("parties",)},
    "systems": {"operated_by": ("controller", "parties"), "schools": ("schools",)},
    "data_categories": {},
    "subjects": {},
    "purposes": {"needs": ("data_categories",)},
    "flows": {
        "from": NODE_SECTIONS,
        "to": ("controller", "schools", "parties", "systems"),
        "categories": ("data_categories",),
        "purposes": ("purposes",),
        "subjects": ("subjects",),
        "agreement": ("agreements",),
    },
    "agreements": {
        "parties": ("parties",),
        "categories": ("data_categories",),
        "purposes": ("purposes",),
        "permitted_subprocessors": ("parties",),
    },
    "consents": {"purpose": ("purposes",), "recorded_in": ("systems",)},
    "access_roles": {
        "system": ("systems",),
        "read": ("data_categories",),
        "write": ("data_categories",),
        "needs": ("data_categories",),
    },
    "retention": {"category": ("data_categories",), "purpose": ("purposes",)},
    "measures": {"systems": ("systems",)},
    "acceptances": {},
    "dpias": {"systems": ("systems",), "flows": ("flows",)},
    "breaches": {
        "at": ("controller", "schools", "parties", "systems", "flows"),
        "reported_by": ("controller", "schools", "parties"),
        "categories": ("data_categories",),
        "subjects": ("subjects",),
        "measures": ("measures",),
    },
    "promises": {
        "categories": ("data_categories",),
        "to": ("parties",),
        "access_roles": ("access_roles",),
        "system": ("systems",),
        "except": ("data_categories",),
    },
    "screening_decisions": {"system": ("systems",), "party": ("controller", "schools", "parties"), "purpose": ("purposes",)},
}

# References inside nested entries, as dotted paths through lists of mappings ("risks.systems": the
# systems of every risk). Kept apart from REFERENCES, whose keys are plain field names.
NESTED_REFERENCES: dict[str, dict[str, tuple[str, ...]]] = {
    "dpias": {
        "risks.systems": ("systems",),
        "risks.flows": ("flows",),
        "risks.measures.measure": ("measures",),
    },
}


def references_to(register: Register, entity_id: str) -> list[tuple[str, str, str]]:
    """Every entry that refers to ``entity_id``: ``(section, entry id, field)``, sorted.

    The fields are those of :data:`REFERENCES` and :data:`NESTED_REFERENCES`; an entity that nothing
    refers to can be deleted without breaking the register.

    >>> reg = Register.model_validate({"controller": {"id": "s", "name": "S", "sector": "vo"},
    ...     "parties": [{"id": "p", "name": "P", "role": "processor"}],
    ...     "systems": [{"id": "app", "name": "App", "kind": "other", "operated_by": "p"}]})
    >>> references_to(reg, "p"), references_to(reg, "app")
    ([('systems', 'app', 'operated_by')], [])
    """

    def values(node: Any, path: list[str]) -> list[Any]:
        if isinstance(node, list):
            return [v for item in node for v in values(item, path)]
        if not path:
            return [node]
        if not isinstance(node, dict) or path[0] not in node:
            return []
        return values(node[path[0]], path[1:])

    out = set()
    for section in ("controller", *SECTIONS):
        entries = [register.controller] if section == "controller" else getattr(register, section)
        fields = {**REFERENCES.get(section, {}), **NESTED_REFERENCES.get(section, {})}
        if not fields:
            continue
        for entry in entries:
            data = entry.model_dump(by_alias=True, mode="json")
            for name in fields:
                if entity_id in values(data, name.split(".")):
                    out.add((section, entry.id, name))
    return sorted(out)


def _resolve_forward_references() -> None:
    """Resolve every annotation written before its class (``Controller.privacy_policy`` names
    ``PrivacyPolicy``, defined further down), so that whoever walks the model's fields sees types,
    never ``ForwardRef``s, whatever was validated first."""
    for value in list(globals().values()):
        if (isinstance(value, type) and issubclass(value, BaseModel) and value.__module__ == __name__
                and any(isinstance(f.annotation, typing.ForwardRef) for f in value.model_fields.values())):
            value.model_rebuild(force=True)


_resolve_forward_references()
