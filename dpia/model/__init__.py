"""The register's model: every entity of the file format, validated by pydantic.

The shape of a register is declared once, in :mod:`dpia.model.entities`; the loader, the JSON
Schema, the spreadsheet layout, the forms and the documentation of the format all come from it.
Beside it: :mod:`~dpia.model.shape` (what each field holds, for everyone who walks the model's
fields), :mod:`~dpia.model.flowtable` (bulk flows as a table), :mod:`~dpia.model.names` (every id
and value named for people), :mod:`~dpia.model.law` (retention periods per sector),
:mod:`~dpia.model.findings` (severity and kind); the JSON Schema editors use is written from it by
:mod:`dpia.io.schema`.

``from dpia.model import Register`` is the way in; this floor imports nothing of dpia but the
message catalogue.
"""

from dpia.model.entities import (Acceptance, AccessRole, AffectedRight, AgeBand, AgreementKind, ApNotification, AuthorStep, BoardDecision, Breach, BreachNature, CHECKSUM_PATTERN, COMMIT_PATTERN, ConsentArrangement, ConsentBy, Consenter, Contact, Controller, Criterion, DataCategory, DataNature, DataType, DecisionOutcome, Dpia, DpiaStatus, duration_in_days, EEA_COUNTRIES, FgAdvice, FINDING_PATTERN, Flow, Id, ID_PATTERN, Import, IsoDuration, LegalBasis, Level, LevelAssessment, Location, MAX_DURATION, MAX_SCHOOL_PUPILS, MAX_SCHOOL_STAFF, MAX_SUBJECT_COUNT, Measure, MeasureEffect, MeasureKind, MeasureStatus, Moment, MrRight, MrViews, NESTED_REFERENCES, NODE_SECTIONS, NotifyDecision, Party, PartyRole, PrivacyPolicy, ProcessingAgreement, Promise, PromiseKind, Purpose, RecordType, REFERENCES, references_to, Register, RetentionRule, RetentionTrigger, Risk, RiskAcceptance, RiskKind, RiskMeasure, RiskScale, RiskSource, SCALE_LEVELS, School, Screening, ScreeningAnswer, ScreeningDecision, SECTIONS, Sector, Signoff, SpecialSubtype, Strict, SubjectCategory, SubjectKind, SubjectsNotification, System, SystemKind, SystemTrait, Text, TOP_KEYS, TransferMechanism)
