"""The message catalogue: every user-facing sentence, in Dutch and English.

Dutch is the default language (the MR reads Dutch); ``DPIA_LANG=en`` or ``--lang en`` switches.
Code never builds user-facing sentences itself: it names a message key and its parameters.
"""

from __future__ import annotations

import os
from typing import Any

LANGS = ("nl", "en")

MESSAGES: dict[str, dict[str, str]] = {
    # ---- file level
    "path_missing": {
        "nl": "bestand of map bestaat niet",
        "en": "no such file or folder",
    },
    "empty_folder": {
        "nl": "de map bevat geen registerbestanden (*.yaml of *.yml)",
        "en": "the folder holds no register files (*.yaml or *.yml)",
    },
    "unreadable": {
        "nl": "bestand kan niet gelezen worden: {reason}",
        "en": "cannot read the file: {reason}",
    },
    "file_too_large": {
        "nl": "bestand is {size} MB; een registerbestand mag hoogstens {limit} MB zijn "
        "(grote tabellen horen in CSV)",
        "en": "the file is {size} MB; a register file may be at most {limit} MB (large tables belong in CSV)",
    },
    "utf16": {
        "nl": "bestand is als UTF-16 opgeslagen; sla het op als UTF-8",
        "en": "the file is encoded as UTF-16; save it as UTF-8",
    },
    "not_utf8": {
        "nl": "bestand is geen geldige UTF-8 (byte {byte} op positie {offset}); sla het op als UTF-8",
        "en": "the file is not valid UTF-8 (byte {byte} at offset {offset}); save it as UTF-8",
    },
    "binary": {
        "nl": "bestand bevat binaire gegevens (NUL-tekens), geen YAML-tekst",
        "en": "the file holds binary data (NUL characters), not YAML text",
    },
    "empty_file": {
        "nl": "bestand is leeg; verwacht secties zoals 'controller:' of 'flows:'",
        "en": "the file is empty; expected sections such as 'controller:' or 'flows:'",
    },
    "yaml_syntax": {
        "nl": "YAML-syntaxfout: {problem}",
        "en": "YAML syntax error: {problem}",
    },
    "yaml_tab": {
        "nl": "een tab-teken mag niet voor inspringen gebruikt worden; gebruik spaties",
        "en": "a tab character cannot be used for indentation; use spaces",
    },
    "duplicate_key": {
        "nl": "sleutel '{value}' komt twee keer voor in dezelfde mapping",
        "en": "key '{value}' appears twice in the same mapping",
    },
    "forbidden_tag": {
        "nl": "YAML-tag '{value}' is niet toegestaan: een register bevat alleen gewone gegevens",
        "en": "YAML tag '{value}' is not allowed: a register holds plain data only",
    },
    "alias": {
        "nl": "ankers en verwijzingen (&naam, *naam) zijn niet toegestaan in een register; schrijf de waarde uit",
        "en": "anchors and aliases (&name, *name) are not allowed in a register; write the value out",
    },
    "too_deep": {
        "nl": "te diep genest (meer dan {limit} niveaus)",
        "en": "nested too deeply (more than {limit} levels)",
    },
    "top_not_mapping": {
        "nl": "het hoogste niveau moet secties bevatten (controller:, parties:, flows: ...), niet {found}",
        "en": "the top level must hold sections (controller:, parties:, flows: ...), not {found}",
    },
    "unknown_section": {
        "nl": "onbekende sectie '{value}'; toegestaan: {allowed}{hint}",
        "en": "unknown section '{value}'; allowed: {allowed}{hint}",
    },
    "section_not_list": {
        "nl": "sectie '{section}' moet een lijst van items zijn ('- id: ...'), niet {found}",
        "en": "section '{section}' must be a list of entries ('- id: ...'), not {found}",
    },
    "item_not_mapping": {
        "nl": "{path}: een item moet velden hebben (id: ..., name: ...), niet {found}",
        "en": "{path}: an entry must have fields (id: ..., name: ...), not {found}",
    },
    "controller_missing": {
        "nl": "geen sectie 'controller' (het bevoegd gezag) in de registerbestanden",
        "en": "no 'controller' section (the school board) in the register files",
    },
    "controller_twice": {
        "nl": "sectie 'controller' staat ook in {where}; een register heeft één verwerkingsverantwoordelijke",
        "en": "section 'controller' also appears in {where}; a register has one controller",
    },
    # ---- field level (from the model)
    "missing": {
        "nl": "{path}: verplicht veld '{field}' ontbreekt",
        "en": "{path}: required field '{field}' is missing",
    },
    "extra_forbidden": {
        "nl": "{path}: onbekend veld '{field}'; toegestaan: {allowed}{hint}",
        "en": "{path}: unknown field '{field}'; allowed: {allowed}{hint}",
    },
    "enum": {
        "nl": "{path}: waarde '{value}' is niet toegestaan; toegestaan: {allowed}{hint}",
        "en": "{path}: value '{value}' is not allowed; allowed: {allowed}{hint}",
    },
    "wrong_type": {
        "nl": "{path}: verwacht {expected}, gevonden {value}",
        "en": "{path}: expected {expected}, found {value}",
    },
    "bad_id": {
        "nl": "{path}: '{value}' is geen geldige id; gebruik kleine letters, cijfers, '-', '_' en '.' "
        "en begin met een letter of cijfer",
        "en": "{path}: '{value}' is not a valid id; use lower-case letters, digits, '-', '_' and '.', "
        "starting with a letter or digit",
    },
    "bad_duration": {
        "nl": "{path}: '{value}' is geen ISO-8601-duur; gebruik bijvoorbeeld P2Y (2 jaar), P6M (6 maanden) of P5Y6M",
        "en": "{path}: '{value}' is not an ISO-8601 duration; use for example P2Y (2 years), P6M (6 months) or P5Y6M",
    },
    "bad_date": {
        "nl": "{path}: '{value}' is geen geldige datum; gebruik JJJJ-MM-DD, bijvoorbeeld 2026-08-01",
        "en": "{path}: '{value}' is not a valid date; use YYYY-MM-DD, for example 2026-08-01",
    },
    "bad_pattern": {
        "nl": "{path}: '{value}' heeft niet de vorm {what}",
        "en": "{path}: '{value}' does not have the form {what}",
    },
    "too_small": {
        "nl": "{path}: {value} is te klein; minimaal {limit}",
        "en": "{path}: {value} is too small; at least {limit}",
    },
    "too_short": {
        "nl": "{path}: mag niet leeg zijn",
        "en": "{path}: must not be empty",
    },
    "too_long": {
        "nl": "{path}: te lang (hoogstens {limit})",
        "en": "{path}: too long (at most {limit})",
    },
    "special_subtype_required": {
        "nl": "{path}: type 'special' vraagt een 'special_subtype' (AVG art. 9 lid 1); toegestaan: {allowed}",
        "en": "{path}: type 'special' needs a 'special_subtype' (GDPR Art. 9(1)); allowed: {allowed}",
    },
    "special_subtype_forbidden": {
        "nl": "{path}: 'special_subtype' hoort alleen bij type 'special', niet bij '{value}'",
        "en": "{path}: 'special_subtype' belongs only with type 'special', not with '{value}'",
    },
    "age_band_required": {
        "nl": "{path}: leerlingen hebben een 'age_band' nodig (wie toestemming geeft hangt ervan af, UAVG art. 5); "
        "toegestaan: {allowed}",
        "en": "{path}: pupils need an 'age_band' (who consents depends on it, UAVG art. 5); allowed: {allowed}",
    },
    "valid_until_before_from": {
        "nl": "{path}: 'valid_until' ligt vóór 'valid_from'",
        "en": "{path}: 'valid_until' is before 'valid_from'",
    },
    "retention_target": {
        "nl": "{path}: een bewaartermijn geldt voor precies één van 'category' of 'purpose'",
        "en": "{path}: a retention rule applies to exactly one of 'category' or 'purpose'",
    },
    "invalid_value": {
        "nl": "{path}: ongeldige waarde {value}: {detail}",
        "en": "{path}: invalid value {value}: {detail}",
    },
    # ---- register level
    "duplicate_id": {
        "nl": "{path}: id '{value}' is al gebruikt op {where}; ids moeten uniek zijn in het hele register",
        "en": "{path}: id '{value}' is already used at {where}; ids must be unique in the whole register",
    },
    "dangling_ref": {
        "nl": "{path}: '{value}' verwijst naar niets; verwacht een id uit {allowed}{hint}",
        "en": "{path}: '{value}' refers to nothing; expected an id from {allowed}{hint}",
    },
    "did_you_mean": {"nl": "; bedoelde u '{value}'?", "en": "; did you mean '{value}'?"},
    # ---- types named in messages
    "type_str": {"nl": "tekst", "en": "text"},
    "type_int": {"nl": "een geheel getal", "en": "a whole number"},
    "type_bool": {"nl": "true of false", "en": "true or false"},
    "type_list": {"nl": "een lijst", "en": "a list"},
    "type_mapping": {"nl": "velden (sleutel: waarde)", "en": "fields (key: value)"},
    "type_date": {"nl": "een datum (JJJJ-MM-DD)", "en": "a date (YYYY-MM-DD)"},
    "type_null": {"nl": "niets", "en": "nothing"},
    "type_number": {"nl": "een getal", "en": "a number"},
    "form_country": {"nl": "een landcode van twee hoofdletters (NL, DE, US)", "en": "a two-letter country code (NL, DE, US)"},
    "form_email": {"nl": "een e-mailadres", "en": "an e-mail address"},
    "form_brin": {"nl": "een BRIN-nummer (bijv. 01AB of 01AB00)", "en": "a BRIN number (e.g. 01AB or 01AB00)"},
    "form_kvk": {"nl": "een KvK-nummer van 8 cijfers", "en": "an 8-digit Chamber of Commerce number"},
    "form_other": {"nl": "{pattern}", "en": "{pattern}"},
    # ---- saving
    "changed_on_disk": {
        "nl": "bestand is op schijf gewijzigd sinds het geladen werd; niets opgeslagen. Laad het register "
        "opnieuw en breng de wijziging opnieuw aan",
        "en": "the file changed on disk since it was loaded; nothing was saved. Reload the register and "
        "make the edit again",
    },
    "save_invalid": {
        "nl": "de wijziging maakt het register ongeldig; niets opgeslagen",
        "en": "the edit makes the register invalid; nothing was saved",
    },
    "unknown_entity": {
        "nl": "geen item met id '{value}'{hint}",
        "en": "no entry with id '{value}'{hint}",
    },
    "write_failed": {
        "nl": "schrijven mislukt: {reason}; het oude bestand is ongewijzigd",
        "en": "writing failed: {reason}; the previous file is unchanged",
    },
    # ---- CLI
    "cli_description": {
        "nl": "DPIA-werkbank voor scholen: controleer het register van leerlinggegevens.",
        "en": "DPIA workbench for schools: check the register of pupil-data flows.",
    },
    "cli_valid": {
        "nl": "{path}: geldig register",
        "en": "{path}: valid register",
    },
    "cli_invalid": {
        "nl": "{count} probleem/problemen gevonden; het register is ongeldig",
        "en": "{count} problem(s) found; the register is invalid",
    },
    "cli_internal_error": {
        "nl": "interne fout: {error}. Dit is een fout in de werkbank, niet in uw register; meld het alstublieft",
        "en": "internal error: {error}. This is a bug in the workbench, not in your register; please report it",
    },
    "summary_title": {"nl": "Register van {name}", "en": "Register of {name}"},
    "summary_counts": {
        "nl": "{schools} scholen, {parties} partijen, {systems} systemen, {categories} gegevenscategorieën, "
        "{subjects} groepen betrokkenen, {purposes} doelen, {flows} gegevensstromen, {agreements} overeenkomsten, "
        "{consents} toestemmingsregelingen, {roles} toegangsrollen, {retention} bewaartermijnen, {measures} maatregelen",
        "en": "{schools} schools, {parties} parties, {systems} systems, {categories} data categories, "
        "{subjects} groups of data subjects, {purposes} purposes, {flows} data flows, {agreements} agreements, "
        "{consents} consent arrangements, {roles} access roles, {retention} retention rules, {measures} measures",
    },
    # ---- data map
    "datamap_title": {"nl": "Gegevensstromen van {name}", "en": "Data flows of {name}"},
    "datamap_problem": {"nl": "stroom met een bevinding", "en": "flow with a finding"},
    "role_data_subject": {"nl": "betrokkenen", "en": "data subjects"},
    "role_controller": {"nl": "school (verwerkingsverantwoordelijke)", "en": "school (controller)"},
    "role_system": {"nl": "systeem", "en": "system"},
    "role_joint_controller": {"nl": "gezamenlijk verantwoordelijke", "en": "joint controller"},
    "role_processor": {"nl": "verwerker", "en": "processor"},
    "role_sub_processor": {"nl": "subverwerker", "en": "sub-processor"},
    "role_independent_controller": {"nl": "zelfstandig verantwoordelijke", "en": "independent controller"},
    "role_recipient": {"nl": "ontvanger", "en": "recipient"},
    "role_third_party": {"nl": "derde", "en": "third party"},
    "role_public": {"nl": "openbaar (internet)", "en": "public (internet)"},
    "datatype_ordinary": {"nl": "gewone gegevens", "en": "ordinary data"},
    "datatype_sensitive": {"nl": "gevoelige gegevens", "en": "sensitive data"},
    "datatype_criminal": {"nl": "strafrechtelijke gegevens", "en": "criminal data"},
    "datatype_national_id": {"nl": "BSN", "en": "citizen service number (BSN)"},
    "datatype_special": {"nl": "bijzondere gegevens (art. 9)", "en": "special categories (Art. 9)"},
    # ---- widgets
    "widget_all": {"nl": "— alle —", "en": "— all —"},
    "widget_category": {"nl": "Gegevens", "en": "Data"},
    "widget_party": {"nl": "Partij", "en": "Party"},
    "widget_purpose": {"nl": "Doel", "en": "Purpose"},
    "widget_flow_count": {"nl": "{count} gegevensstromen", "en": "{count} data flows"},
    "widget_no_findings": {"nl": "Geen bevindingen.", "en": "No findings."},
    "widget_why": {"nl": "Waarom dit ertoe doet:", "en": "Why it matters:"},
    "widget_fix": {"nl": "Wat de school kan doen:", "en": "What the school can do:"},
    "widget_flow": {"nl": "Stroom", "en": "Flow"},
    "widget_to": {"nl": "Naar", "en": "To"},
    "widget_categories": {"nl": "Gegevens", "en": "Data"},
    "widget_purposes": {"nl": "Doelen", "en": "Purposes"},
    "widget_save": {"nl": "Opslaan", "en": "Save"},
    "widget_nothing_to_save": {"nl": "Niets gewijzigd.", "en": "Nothing changed."},
    "widget_agreement": {"nl": "Overeenkomst", "en": "Agreement"},
    "widget_valid_until": {"nl": "Geldig tot", "en": "Valid until"},
    "widget_deletion": {"nl": "Verwijderen na gebruik", "en": "Deletion after use"},
    "widget_saved": {
        "nl": "Opgeslagen in {files}. Nieuwe controle: {blocker} blokkerend, {warning} waarschuwing(en), {info} info.",
        "en": "Saved to {files}. New check: {blocker} blocker(s), {warning} warning(s), {info} info.",
    },
    # ---- tables
    "col_id": {"nl": "id", "en": "id"},
    "col_name": {"nl": "Naam", "en": "Name"},
    "col_role": {"nl": "Rol", "en": "Role"},
    "col_country": {"nl": "Land", "en": "Country"},
    "col_transfer": {"nl": "Doorgifte-instrument", "en": "Transfer mechanism"},
    "col_kind": {"nl": "Soort", "en": "Kind"},
    "col_operated_by": {"nl": "Beheerd door", "en": "Operated by"},
    "col_label": {"nl": "Omschrijving", "en": "Description"},
    "col_type": {"nl": "Type", "en": "Type"},
    "col_subtype": {"nl": "Bijzonder gegeven", "en": "Special category"},
    "col_legal_basis": {"nl": "Grondslag", "en": "Legal basis"},
    "col_legal_source": {"nl": "Wettelijke bron", "en": "Legal source"},
    "col_needs": {"nl": "Nodig", "en": "Needs"},
    "col_from": {"nl": "Van", "en": "From"},
    "col_to": {"nl": "Naar", "en": "To"},
    "col_categories": {"nl": "Gegevens", "en": "Data"},
    "col_purposes": {"nl": "Doelen", "en": "Purposes"},
    "col_parties": {"nl": "Partijen", "en": "Parties"},
    "col_valid_from": {"nl": "Geldig vanaf", "en": "Valid from"},
    "col_valid_until": {"nl": "Geldig tot", "en": "Valid until"},
    "col_deletion": {"nl": "Verwijderen na gebruik", "en": "Deletion after use"},
    "col_severity": {"nl": "Ernst", "en": "Severity"},
    "col_title": {"nl": "Onderwerp", "en": "Subject"},
    "col_message": {"nl": "Bevinding", "en": "Finding"},
    "col_article": {"nl": "Artikel", "en": "Article"},
    "col_accepted": {"nl": "Geaccepteerd", "en": "Accepted"},
    "basis_consent": {"nl": "toestemming", "en": "consent"},
    "basis_contract": {"nl": "overeenkomst", "en": "contract"},
    "basis_legal_obligation": {"nl": "wettelijke plicht", "en": "legal obligation"},
    "basis_vital_interests": {"nl": "vitaal belang", "en": "vital interests"},
    "basis_public_task": {"nl": "publieke taak", "en": "public task"},
    "basis_legitimate_interest": {"nl": "gerechtvaardigd belang", "en": "legitimate interest"},
    "agreement_model_4_0": {"nl": "modelverwerkersovereenkomst 4.0", "en": "model processing agreement 4.0"},
    "agreement_processing_agreement": {"nl": "verwerkersovereenkomst", "en": "processing agreement"},
    "agreement_data_sharing": {"nl": "afspraken over verstrekking", "en": "data-sharing arrangement"},
    "yes": {"nl": "ja", "en": "yes"},
    "no": {"nl": "nee", "en": "no"},
    # ---- report
    "report_title": {"nl": 'Privacyrapport voor de medezeggenschapsraad — {name}', "en": 'Privacy report for the participation council — {name}'},
    "report_intro": {"nl": 'Dit rapport beschrijft hoe {name} omgaat met persoonsgegevens van leerlingen en ouders: {flows} gegevensstromen tussen {schools} school/scholen, de systemen van de school en {parties} andere organisaties of systemen.', "en": "This report describes how {name} handles personal data of pupils and parents: {flows} data flows between {schools} school(s), the school's systems and {parties} other organisations or systems."},
    "report_check": {"nl": 'Op {on} zijn alle gegevensstromen gecontroleerd. Uitkomst: {blocker} blokkerende bevinding(en), {warning} waarschuwing(en), {info} ter informatie, {accepted} bewust geaccepteerd.', "en": 'On {on} every data flow was checked. Result: {blocker} blocking finding(s), {warning} warning(s), {info} for information, {accepted} knowingly accepted.'},
    "report_top": {"nl": 'Wat eerst aandacht nodig heeft:', "en": 'What needs attention first:'},
    "report_no_blockers": {"nl": 'Er zijn geen blokkerende bevindingen.', "en": 'There are no blocking findings.'},
    "report_accepted": {"nl": 'Het bestuur ({by}) accepteert dit tot {until}: {reason}', "en": 'The board ({by}) accepts this until {until}: {reason}'},
    "report_what": {"nl": 'Wat is er aan de hand?', "en": 'What is the matter?'},
    "report_why": {"nl": 'Waarom is dat belangrijk?', "en": 'Why does it matter?'},
    "report_action": {"nl": 'Wat doet de school eraan?', "en": 'What does the school do about it?'},
    "glossary_avg_term": {"nl": 'AVG', "en": 'GDPR (AVG)'},
    "glossary_avg": {"nl": 'De Algemene verordening gegevensbescherming: de Europese privacywet (in het Engels: GDPR).', "en": 'The General Data Protection Regulation, the EU privacy law (in Dutch: AVG).'},
    "glossary_verwerkingsverantwoordelijke_term": {"nl": 'Verwerkingsverantwoordelijke', "en": 'Controller (verwerkingsverantwoordelijke)'},
    "glossary_verwerkingsverantwoordelijke": {"nl": 'De organisatie die bepaalt waarom en hoe gegevens worden verwerkt; voor de school is dat het bestuur (bevoegd gezag).', "en": 'The organisation that decides why and how data is processed; for the school, the board.'},
    "glossary_verwerker_term": {"nl": 'Verwerker', "en": 'Processor (verwerker)'},
    "glossary_verwerker": {"nl": 'Een bedrijf dat gegevens in opdracht van de school verwerkt, zoals de leverancier van Magister.', "en": "A company processing data on the school's behalf, such as Magister's supplier."},
    "glossary_subverwerker_term": {"nl": 'Subverwerker', "en": 'Sub-processor (subverwerker)'},
    "glossary_subverwerker": {"nl": 'Een bedrijf dat een verwerker inschakelt, bijvoorbeeld een datacenter; de school moet daar toestemming voor geven.', "en": 'A company a processor engages, such as a data centre; the school must authorise it.'},
    "glossary_verwerkersovereenkomst_term": {"nl": 'Verwerkersovereenkomst', "en": 'Processing agreement (verwerkersovereenkomst)'},
    "glossary_verwerkersovereenkomst": {"nl": 'Het contract met een verwerker: welke gegevens, voor welk doel, hoe beveiligd, en dat ze na gebruik worden verwijderd.', "en": 'The contract with a processor: which data, for which purpose, how secured, and deletion after use.'},
    "glossary_privacybijsluiter_term": {"nl": 'Privacybijsluiter', "en": 'Product privacy annex (privacybijsluiter)'},
    "glossary_privacybijsluiter": {"nl": 'De bijlage bij de verwerkersovereenkomst die per product beschrijft welke gegevens het gebruikt en waarom.', "en": 'The annex to the processing agreement describing, per product, which data it uses and why.'},
    "glossary_betrokkene_term": {"nl": 'Betrokkene', "en": 'Data subject (betrokkene)'},
    "glossary_betrokkene": {"nl": 'De persoon over wie gegevens gaan: een leerling, ouder of medewerker.', "en": 'The person the data is about: a pupil, parent or staff member.'},
    "glossary_grondslag_term": {"nl": 'Grondslag', "en": 'Legal basis (grondslag)'},
    "glossary_grondslag": {"nl": 'De wettelijke reden waarom gegevens verwerkt mogen worden, bijvoorbeeld een wettelijke plicht of toestemming (AVG art. 6).', "en": 'The lawful reason for processing, such as a legal obligation or consent (GDPR Art. 6).'},
    "glossary_toestemming_term": {"nl": 'Toestemming', "en": 'Consent (toestemming)'},
    "glossary_toestemming": {"nl": 'Een vrije, duidelijke keuze om gegevens te laten gebruiken; onder de 16 geven ouders toestemming, vanaf 16 de leerling zelf. Intrekken kan altijd.', "en": 'A free, clear choice to allow data use; under 16 the parents consent, from 16 the pupil. It can always be withdrawn.'},
    "glossary_doelbinding_term": {"nl": 'Doelbinding', "en": 'Purpose limitation (doelbinding)'},
    "glossary_doelbinding": {"nl": 'Gegevens mogen alleen gebruikt worden voor het doel waarvoor ze verzameld zijn.', "en": 'Data may only be used for the purpose it was collected for.'},
    "glossary_dataminimalisatie_term": {"nl": 'Dataminimalisatie', "en": 'Data minimisation (dataminimalisatie)'},
    "glossary_dataminimalisatie": {"nl": 'Niet meer gegevens gebruiken of doorgeven dan voor het doel nodig is.', "en": 'Using or passing on no more data than the purpose needs.'},
    "glossary_bewaartermijn_term": {"nl": 'Bewaartermijn', "en": 'Retention period (bewaartermijn)'},
    "glossary_bewaartermijn": {"nl": 'Hoe lang gegevens bewaard worden, en vanaf welk moment (bijvoorbeeld twee jaar na uitschrijving).', "en": 'How long data is kept, and from when (for example two years after the pupil leaves).'},
    "glossary_fg_term": {"nl": 'FG', "en": 'DPO (FG)'},
    "glossary_fg": {"nl": 'Functionaris gegevensbescherming: de privacytoezichthouder binnen het schoolbestuur, die de DPIA van advies voorziet.', "en": "Data protection officer: the board's internal privacy supervisor, who advises on the DPIA."},
    "glossary_mr_term": {"nl": 'MR', "en": 'Participation council (MR)'},
    "glossary_mr": {"nl": 'Medezeggenschapsraad: ouders, personeel en leerlingen die meepraten over het beleid van de school, ook over privacy.', "en": "Parents, staff and pupils who have a say in the school's policy, privacy included."},
    "glossary_bevoegd_gezag_term": {"nl": 'Bevoegd gezag', "en": 'School board (bevoegd gezag)'},
    "glossary_bevoegd_gezag": {"nl": 'Het schoolbestuur; juridisch verantwoordelijk voor alle scholen die eronder vallen.', "en": 'The school board; legally responsible for all its schools.'},
    "glossary_leerplichtambtenaar_term": {"nl": 'Leerplichtambtenaar', "en": 'Attendance officer (leerplichtambtenaar)'},
    "glossary_leerplichtambtenaar": {"nl": 'De medewerker van de gemeente die toeziet op de leerplicht en verzuimmeldingen ontvangt.', "en": 'The municipal officer who enforces compulsory education and receives absence reports.'},
    "glossary_zorgleerling_term": {"nl": 'Zorgleerling', "en": 'Pupil with care needs (zorgleerling)'},
    "glossary_zorgleerling": {"nl": 'Een leerling die extra ondersteuning krijgt; over hem of haar kunnen gezondheidsgegevens worden vastgelegd.', "en": 'A pupil receiving extra support; health data about them may be recorded.'},
    "glossary_bsn_term": {"nl": 'BSN', "en": 'BSN'},
    "glossary_bsn": {"nl": 'Burgerservicenummer. Mag alleen gebruikt worden waar de wet dat voorschrijft, zoals voor meldingen aan DUO.', "en": 'Citizen service number. It may only be used where the law prescribes it, such as reports to DUO.'},
    "glossary_bijzondere_gegevens_term": {"nl": 'Bijzondere persoonsgegevens', "en": 'Special categories of data'},
    "glossary_bijzondere_gegevens": {"nl": 'Extra gevoelige gegevens, zoals over gezondheid, godsdienst of etniciteit (AVG art. 9). Verwerken is in principe verboden, tenzij een uitzondering geldt.', "en": 'Extra sensitive data such as health, religion or ethnicity (GDPR Art. 9). Processing is prohibited unless an exception applies.'},
    "glossary_dpia_term": {"nl": 'DPIA', "en": 'DPIA'},
    "glossary_dpia": {"nl": "Gegevensbeschermingseffectbeoordeling: een onderzoek naar de risico's van een verwerking voor leerlingen en ouders, en de maatregelen daartegen (AVG art. 35).", "en": 'Data protection impact assessment: a study of the risks of a processing to pupils and parents, and the measures against them (GDPR Art. 35).'},
    "glossary_ap_term": {"nl": 'AP', "en": 'AP'},
    "glossary_ap": {"nl": 'Autoriteit Persoonsgegevens: de Nederlandse privacytoezichthouder.', "en": 'Autoriteit Persoonsgegevens: the Dutch data protection authority.'},
    "report_h_summary": {"nl": "Samenvatting", "en": "Summary"},
    "report_h_datamap": {"nl": "Gegevenskaart", "en": "Data map"},
    "report_h_findings": {"nl": "Bevindingen en wat de school eraan doet", "en": "Findings and what the school does about them"},
    "report_h_glossary": {"nl": "Begrippen", "en": "Glossary"},
    "report_datamap_intro": {
        "nl": "De kaart toont welke gegevens van wie naar wie gaan, van links (leerlingen en ouders) naar rechts (andere organisaties en het internet). Rode, dikke pijlen zijn stromen met een bevinding.",
        "en": "The map shows which data goes from whom to whom, from the left (pupils and parents) to the right (other organisations and the internet). Thick red arrows are flows with a finding.",
    },
    "report_findings_intro": {
        "nl": "Een overtreding is iets dat verkeerd is vastgelegd; een leemte is iets dat nodig is maar ontbreekt. Blokkerende bevindingen moeten worden opgelost voordat het bestuur de DPIA goedkeurt.",
        "en": "A violation is something recorded wrongly; a gap is something needed but missing. Blocking findings must be resolved before the board approves the DPIA.",
    },
    # ---- check output
    "severity_blocker": {"nl": "BLOKKEREND", "en": "BLOCKER"},
    "severity_warning": {"nl": "WAARSCHUWING", "en": "WARNING"},
    "severity_info": {"nl": "INFO", "en": "INFO"},
    "kind_violation": {"nl": "overtreding", "en": "violation"},
    "kind_gap": {"nl": "leemte", "en": "gap"},
    "accepted_note": {
        "nl": "geaccepteerd door {by} tot {until}: {reason}",
        "en": "accepted by {by} until {until}: {reason}",
    },
    "check_summary": {
        "nl": "Controle op {on}: {blocker} blokkerend, {warning} waarschuwing(en), {info} info, {accepted} geaccepteerd",
        "en": "Check on {on}: {blocker} blocker(s), {warning} warning(s), {info} info, {accepted} accepted",
    },
    "rules_header": {"nl": "Regels", "en": "Rules"},
    "overview_column": {"nl": "Onderdeel", "en": "Part"},
    "overview_count": {"nl": "Aantal", "en": "Count"},
    "count_schools": {"nl": "Scholen", "en": "Schools"},
    "count_parties": {"nl": "Partijen", "en": "Parties"},
    "count_systems": {"nl": "Systemen", "en": "Systems"},
    "count_categories": {"nl": "Gegevenscategorieën", "en": "Data categories"},
    "count_subjects": {"nl": "Groepen betrokkenen", "en": "Groups of data subjects"},
    "count_purposes": {"nl": "Doelen", "en": "Purposes"},
    "count_flows": {"nl": "Gegevensstromen", "en": "Data flows"},
    "count_agreements": {"nl": "Overeenkomsten", "en": "Agreements"},
    "count_consents": {"nl": "Toestemmingsregelingen", "en": "Consent arrangements"},
    "count_roles": {"nl": "Toegangsrollen", "en": "Access roles"},
    "count_retention": {"nl": "Bewaartermijnen", "en": "Retention rules"},
    "count_measures": {"nl": "Maatregelen", "en": "Measures"},

}


def default_lang() -> str:
    lang = os.environ.get("DPIA_LANG", "nl")
    return lang if lang in LANGS else "nl"


def t(key: str, lang: str | None = None, /, **params: Any) -> str:
    """The message ``key`` in ``lang`` with ``params`` filled in.

    >>> t("cli_valid", "en", path="data/x")
    'data/x: valid register'
    """
    entry = MESSAGES[key]
    return entry[lang or default_lang()].format(**params)
