"""The message catalogue: every user-facing sentence, in Dutch and English.

Dutch is the default language (the MR reads Dutch); ``DPIA_LANG=en`` or ``--lang en`` switches.
Code never builds user-facing sentences itself: it names a message key and its parameters.

A validation message that states what is wrong is followed by what to do: ``step_<key>`` holds that
second sentence for problem key ``<key>`` (``dpia.store.Problem.message`` adds it; tests/test_messages.py
checks that every problem key has one, or says the step itself).
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
    # reasons why a file cannot be read (the operating system's own text is English only)
    "os_no_such_file": {
        "nl": "bestand of map bestaat niet",
        "en": "No such file or directory",
    },
    "os_permission": {
        "nl": "geen toegang (de leesrechten ontbreken)",
        "en": "Permission denied",
    },
    "os_symlink_loop": {
        "nl": "te veel niveaus van symbolische koppelingen (een lus)",
        "en": "Too many levels of symbolic links",
    },
    "os_is_dir": {
        "nl": "dit is een map, geen bestand",
        "en": "Is a directory",
    },
    "os_not_dir": {
        "nl": "een deel van het pad is geen map",
        "en": "Not a directory",
    },
    "os_not_regular": {
        "nl": "geen gewoon bestand (een pipe, apparaat of socket)",
        "en": "not a regular file (a pipe, device or socket)",
    },
    "os_io": {
        "nl": "invoer-/uitvoerfout van de schijf",
        "en": "Input/output error",
    },
    "symlink_outside": {
        "nl": "bestand is een symbolische koppeling naar {target}, buiten de registermap; een register leest "
        "alleen bestanden in zijn eigen map. Kopieer het bestand in de map als het erbij hoort",
        "en": "the file is a symbolic link to {target}, outside the register folder; a register reads only "
        "files in its own folder. Copy the file into the folder if it belongs to the register",
    },
    "too_many_files": {
        "nl": "de map bevat {count} registerbestanden; een register mag er hoogstens {limit} hebben",
        "en": "the folder holds {count} register files; a register may have at most {limit}",
    },
    "folder_too_large": {
        "nl": "de YAML-bestanden van de map zijn samen {size} MB; een register mag hoogstens {limit} MB YAML "
        "hebben (grote tabellen horen in CSV: flows.csv, schools.csv ...)",
        "en": "the folder's YAML files add up to {size} MB; a register may hold at most {limit} MB of YAML "
        "(large tables belong in CSV: flows.csv, schools.csv ...)",
    },
    "csv_too_large": {
        "nl": "bestand is {size} MB; {name} mag hoogstens {limit} MB zijn",
        "en": "the file is {size} MB; {name} may be at most {limit} MB",
    },
    "save_locked": {
        "nl": "het register wordt op dit moment door een ander proces opgeslagen; niets opgeslagen. Probeer het "
        "zo opnieuw",
        "en": "another process is saving this register right now; nothing was saved. Try again in a moment",
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
        "nl": "bestand is geen geldige UTF-8 (byte {byte} op positie {offset}); waarschijnlijk is het als {guess} "
        "opgeslagen, waarin dit '{char}' is. Sla het op als UTF-8: in Kladblok Bestand > Opslaan als, Codering "
        "'UTF-8'; in VS Code rechtsonder op de codering klikken > Opslaan met codering > UTF-8",
        "en": "the file is not valid UTF-8 (byte {byte} at offset {offset}); it was probably saved as {guess}, "
        "where this is '{char}'. Save it as UTF-8: in Notepad File > Save As, Encoding 'UTF-8'; in VS Code click "
        "the encoding at the bottom right > Save with Encoding > UTF-8",
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
    # The YAML reader's (ruamel.yaml's) own problem texts: English stays as ruamel says it ({raw});
    # Dutch readers get a translation. See dpia.store.YAML_PHRASES.
    "yaml_no_colon": {
        "nl": "er ontbreekt een ':' na een sleutel",
        "en": "{raw}",
    },
    "yaml_mapping_here": {
        "nl": "hier mag geen 'sleutel: waarde' staan (vaak: een ':' in een waarde zonder aanhalingstekens, "
        "of een regel die verkeerd inspringt)",
        "en": "{raw}",
    },
    "yaml_indent": {
        "nl": "het inspringen klopt niet: deze regel staat verder of minder ver in dan de regels eromheen",
        "en": "{raw}",
    },
    "yaml_end_of_stream": {
        "nl": "het bestand eindigt voordat een aanhalingsteken of haakje gesloten is",
        "en": "{raw}",
    },
    "yaml_flow_unclosed": {
        "nl": "tussen haakjes ontbreekt een ',' of het sluitende '{closing}'",
        "en": "{raw}",
    },
    "yaml_documents": {
        "nl": "het bestand bevat meer dan één document (een regel '---'); een registerbestand is één document",
        "en": "{raw}",
    },
    "yaml_cannot_start": {
        "nl": "het teken {char} mag niet aan het begin van een waarde staan; zet de waarde tussen aanhalingstekens",
        "en": "{raw}",
    },
    "yaml_dash_here": {
        "nl": "hier mag geen lijstitem ('- ') staan; controleer het inspringen",
        "en": "{raw}",
    },
    "yaml_control_char": {
        "nl": "het bestand bevat een stuurteken ({char}) dat in YAML niet is toegestaan",
        "en": "{raw}",
    },
    "yaml_anchor_name": {
        "nl": "na '&' of '*' hoort een naam (ankers en verwijzingen zijn in een register niet toegestaan)",
        "en": "{raw}",
    },
    "yaml_escape": {
        "nl": "onbekende escape {char} in een waarde tussen dubbele aanhalingstekens",
        "en": "{raw}",
    },
    "yaml_version": {
        "nl": "YAML-versie '{directive}' wordt niet ondersteund (gebruik 1.1 of 1.2, of laat de regel weg)",
        "en": "unsupported YAML version directive '{directive}' (use 1.1 or 1.2, or leave it out)",
    },
    "yaml_began_at": {
        "nl": "{problem} (begonnen op regel {line})",
        "en": "{problem} (line {line})",
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
    # ---- CSV files beside the YAML (dpia.bulk)
    "csv_unknown": {
        "nl": "CSV-bestand '{value}' hoort niet bij het register; bulkbestanden heten {allowed}{hint}",
        "en": "CSV file '{value}' is not part of the register; bulk files are named {allowed}{hint}",
    },
    "csv_no_header": {
        "nl": "de eerste regel moet de kolomnamen bevatten (id,from,to,...)",
        "en": "the first line must hold the column names (id,from,to,...)",
    },
    "csv_missing_column": {
        "nl": "verplichte kolom '{field}' ontbreekt in de kopregel; gevonden: {allowed}",
        "en": "required column '{field}' is missing from the header; found: {allowed}",
    },
    "csv_fields": {
        "nl": "deze regel heeft {found} velden, de kopregel {expected}",
        "en": "this row has {found} fields, the header {expected}",
    },
    "csv_field_too_long": {
        "nl": "een cel is langer dan {limit} tekens; zo'n lange waarde hoort niet in het register",
        "en": "a cell is longer than {limit} characters; a value that long does not belong in the register",
    },
    "csv_stray_cr": {
        "nl": "een los regeleinde-teken (CR) midden in een regel; sla het bestand op met gewone regeleinden",
        "en": "a lone carriage return (CR) inside a line; save the file with ordinary line ends",
    },
    "csv_syntax": {
        "nl": "CSV-fout: {problem}",
        "en": "CSV error: {problem}",
    },
    "csv_read_only": {
        "nl": "'{value}' staat in een CSV-bestand; wijzig het bestand zelf",
        "en": "'{value}' is defined in a CSV file; edit that file itself",
    },
    "problems_capped": {
        "nl": "nog {count} meldingen van deze soort ({kind}) niet getoond; de eerste staat hier",
        "en": "{count} more problems of this kind ({kind}) not shown; the first of them is here",
    },
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
    "datamap_by_role": {
        "nl": "samengevat per rol: {flows} gegevensstromen tussen {nodes} partijen, systemen en groepen; "
        "de getallen tellen stromen en deelnemers",
        "en": "summarised by role: {flows} flows between {nodes} parties, systems and groups; the numbers count "
        "flows and members",
    },
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
    "widget_whatif_intro": {
        "nl": "Vink geplande maatregelen aan alsof ze al genomen zijn, en zie wat er van de risico's overblijft. Er wordt niets opgeslagen.",
        "en": "Tick planned measures as if they were already taken, and see what remains of the risks. Nothing is saved.",
    },
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
    "widget_reloaded_keep_form": {
        "nl": "Het register is opnieuw geladen zoals het nu op schijf staat. Uw wijziging staat nog in het "
        "formulier: controleer haar en klik opnieuw op Opslaan.",
        "en": "The register was reloaded as it is on disk now. Your edit is still in the form: check it and "
        "click Save again.",
    },
    "widget_agreement": {"nl": "Overeenkomst", "en": "Agreement"},
    "widget_valid_until": {"nl": "Geldig tot", "en": "Valid until"},
    "widget_deletion": {"nl": "Verwijderen na gebruik", "en": "Deletion after use"},
    "widget_saved": {
        "nl": "Opgeslagen in {files}. Nieuwe controle: {blocker} blokkerend, {warning} waarschuwing(en), {info} info.",
        "en": "Saved to {files}. New check: {blocker} blocker(s), {warning} warning(s), {info} info.",
    },
    # ---- tables
    "col_status": {"nl": "Stand", "en": "Status"},
    "col_scale": {"nl": "Schaal", "en": "Scale"},
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
    "report_h_dpias": {"nl": "De DPIA's: screening, risico's, maatregelen en besluit", "en": "The DPIAs: screening, risks, measures and decision"},
    "report_no_dpias": {"nl": "Het register bevat nog geen DPIA.", "en": "The register holds no DPIA yet."},
    "report_h_screening": {"nl": "Is een DPIA nodig? (screening)", "en": "Is a DPIA needed? (screening)"},
    "report_h_risks": {"nl": "Risico's voor leerlingen en ouders", "en": "Risks to pupils and parents"},
    "report_riskmap_intro": {
        "nl": "Elk nummer is een risico: het gevulde bolletje is het risico zonder maatregelen, de pijl wijst naar het risico dat overblijft na de maatregelen die al zijn genomen.",
        "en": "Each number is a risk: the filled marker is the risk without measures, the arrow points to the risk that remains after the measures already taken.",
    },
    "report_h_actionplan": {"nl": "Actieplan", "en": "Action plan"},
    "report_h_signoff": {"nl": "Advies en besluit", "en": "Advice and decision"},
    "report_signoff_missing": {"nl": "nog niet vastgelegd", "en": "not yet recorded"},
    "report_signoff_status": {"nl": "Stand van de DPIA", "en": "Status of the DPIA"},
    "report_signoff_author": {"nl": "Opgesteld", "en": "Written"},
    "report_signoff_fg": {"nl": "Advies van de FG", "en": "Advice of the DPO (FG)"},
    "report_signoff_fg_done": {"nl": "{date} (over versie {version})", "en": "{date} (on version {version})"},
    "report_signoff_mr": {"nl": "Standpunt van de MR", "en": "Views of the MR"},
    "report_signoff_mr_not_sought": {"nl": "niet gevraagd: {reason}", "en": "not sought: {reason}"},
    "report_signoff_decision": {"nl": "Besluit van het bestuur", "en": "Decision of the board"},
    "report_signoff_review": {"nl": "Herbeoordeling uiterlijk", "en": "Review at the latest"},
    "dpiastatus_draft": {"nl": "concept", "en": "draft"},
    "dpiastatus_to_be_approved": {"nl": "ter goedkeuring", "en": "to be approved"},
    "dpiastatus_decided": {"nl": "besluit genomen", "en": "decided"},
    "decision_approve": {"nl": "goedgekeurd", "en": "approved"},
    "decision_approve_with_conditions": {"nl": "goedgekeurd onder voorwaarden", "en": "approved with conditions"},
    "decision_reject": {"nl": "afgewezen", "en": "rejected"},
    "decision_refer_to_ap": {"nl": "voorgelegd aan de Autoriteit Persoonsgegevens", "en": "referred to the Dutch DPA (AP)"},
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
    # ---- DPIAs: register problems
    "duplicate_risk_id": {
        "nl": "{path}: twee risico's hebben dezelfde id; een risico-id is uniek binnen een DPIA",
        "en": "{path}: two risks have the same id; a risk id is unique within a DPIA",
    },
    "duplicate_screening_answer": {
        "nl": "{path}: de screening beantwoordt hetzelfde criterium twee keer; geef per criterium één antwoord",
        "en": "{path}: the screening answers the same criterion twice; give one answer per criterion",
    },
    "level_not_on_scale": {
        "nl": "{path}: een risico gebruikt een niveau dat niet op de schaal van deze DPIA staat; model_dpia kent "
        "low, medium, high en cnil kent negligible, limited, significant, maximum",
        "en": "{path}: a risk uses a level that is not on this DPIA's scale; model_dpia has low, medium, high and "
        "cnil has negligible, limited, significant, maximum",
    },
    # ---- DPIAs: screening
    "verdict_required": {"nl": "DPIA verplicht", "en": "DPIA required"},
    "verdict_recommended": {"nl": "DPIA aanbevolen", "en": "DPIA recommended"},
    "verdict_not_required": {"nl": "DPIA niet verplicht", "en": "DPIA not required"},
    "screen_verdict_required": {"nl": "Een DPIA is verplicht.", "en": "A DPIA is required."},
    "screen_verdict_recommended": {
        "nl": "Eén criterium van de EDPB (WP248) is van toepassing ({criteria}): een DPIA is aanbevolen; leg vast "
        "waarom u er geen doet.",
        "en": "One EDPB (WP248) criterion applies ({criteria}): a DPIA is recommended; record why you do not "
        "carry one out.",
    },
    "screen_verdict_not_required": {
        "nl": "Geen criterium van AVG art. 35 lid 3, de EDPB (WP248) of de lijst van de AP is van toepassing: een "
        "DPIA is niet verplicht. Deze screening blijft bewaard.",
        "en": "No criterion of GDPR Art. 35(3), the EDPB (WP248) or the AP's list applies: a DPIA is not "
        "required. This screening is kept on record.",
    },
    "screen_ground_art35": {"nl": "AVG art. 35 lid 3: {criteria}.", "en": "GDPR Art. 35(3): {criteria}."},
    "screen_ground_ap": {"nl": "Lijst van de AP: {criteria}.", "en": "The AP's list: {criteria}."},
    "screen_ground_wp248": {
        "nl": "{count} criteria van de EDPB (WP248): {criteria}.",
        "en": "{count} EDPB (WP248) criteria: {criteria}.",
    },
    "screen_group_art35_3": {"nl": "AVG art. 35 lid 3", "en": "GDPR Art. 35(3)"},
    "screen_group_wp248": {"nl": "Criteria van de EDPB (WP248)", "en": "EDPB criteria (WP248)"},
    "screen_group_ap_list": {"nl": "Lijst van de AP (DPIA verplicht)", "en": "The AP's list (DPIA mandatory)"},
    "screen_basis_register": {"nl": "volgens het register", "en": "from the register"},
    "screen_basis_confirmed": {"nl": "bevestigd", "en": "confirmed"},
    "screen_basis_override": {"nl": "afwijking van het register", "en": "overrides the register"},
    "screen_basis_officer": {"nl": "oordeel privacyfunctionaris", "en": "officer's judgment"},
    "screen_basis_not_assessed": {"nl": "niet beoordeeld", "en": "not assessed"},
    "screen_override_note": {
        "nl": "het register liet zien: {derived} (afwijking door {by} op {on})",
        "en": "the register showed: {derived} (overridden by {by} on {on})",
    },
    "screen_header": {"nl": "Screening {dpia}: {title}", "en": "Screening {dpia}: {title}"},
    "screen_record": {"nl": "Vastgelegd op {date} door {by}", "en": "Recorded on {date} by {by}"},
    "screen_verdict_line": {"nl": "Uitkomst: {reason}", "en": "Verdict: {reason}"},
    "screen_kind_special": {"nl": "bijzondere of strafrechtelijke gegevens", "en": "special or criminal data"},
    "screen_kind_health": {"nl": "gezondheidsgegevens", "en": "health data"},
    "screen_kind_genetic": {"nl": "genetische gegevens", "en": "genetic data"},
    "screen_kind_biometric": {"nl": "biometrische gegevens", "en": "biometric data"},
    "screen_d_officer": {
        "nl": "het register kan dit niet laten zien; de privacyfunctionaris beoordeelt het",
        "en": "the register cannot show this; the privacy officer decides",
    },
    "screen_d_no_flows": {
        "nl": "de DPIA heeft nog geen systemen of gegevensstromen met gegevens",
        "en": "the DPIA has no systems or data flows with data yet",
    },
    "screen_d_no_subjects": {
        "nl": "de gegevensstromen noemen geen betrokkenen",
        "en": "the data flows name no data subjects",
    },
    "screen_d_sensitive": {
        "nl": "gevoelige of bijzondere gegevens: {categories}",
        "en": "sensitive or special data: {categories}",
    },
    "screen_d_ordinary": {"nl": "alleen gewone persoonsgegevens", "en": "ordinary personal data only"},
    "screen_d_large_system": {
        "nl": "{systems} is een leerlingadministratie: alle leerlingen van de school, jarenlang",
        "en": "{systems} is a pupil administration: every pupil of the school, for years",
    },
    "screen_d_large_count": {
        "nl": "ongeveer {count} betrokkenen (grens voor grote schaal: {threshold})",
        "en": "about {count} data subjects (large-scale threshold: {threshold})",
    },
    "screen_d_small_count": {
        "nl": "ongeveer {count} betrokkenen, minder dan de grens van {threshold}",
        "en": "about {count} data subjects, fewer than the threshold of {threshold}",
    },
    "screen_d_count_unknown": {
        "nl": "aantal betrokkenen onbekend (vul 'count' in bij de groepen betrokkenen)",
        "en": "number of data subjects unknown (fill in 'count' on the groups of data subjects)",
    },
    "screen_d_vulnerable": {
        "nl": "kwetsbare betrokkenen: {groups} (leerlingen, meestal kinderen, en medewerkers zijn afhankelijk van de school)",
        "en": "vulnerable data subjects: {groups} (pupils, mostly children, and staff depend on the school)",
    },
    "screen_d_not_vulnerable": {
        "nl": "betrokkenen {groups}: geen leerlingen of medewerkers",
        "en": "data subjects {groups}: no pupils or staff",
    },
    "screen_d_none_of": {"nl": "geen {kind} in de reikwijdte", "en": "no {kind} in scope"},
    "screen_d_large_of": {
        "nl": "{kind} ({categories}) op grote schaal: {why}",
        "en": "{kind} ({categories}) on a large scale: {why}",
    },
    "screen_d_not_large_of": {
        "nl": "{kind} ({categories}), maar niet op grote schaal: {why}",
        "en": "{kind} ({categories}), but not on a large scale: {why}",
    },
    "screen_d_unknown_large_of": {
        "nl": "{kind} ({categories}); of dat op grote schaal is, blijkt niet uit het register",
        "en": "{kind} ({categories}); whether on a large scale, the register does not show",
    },
    "screen_d_biometric": {"nl": "biometrische gegevens: {categories}", "en": "biometric data: {categories}"},
    "criterion_art35_3a_systematic_evaluation": {
        "nl": "stelselmatige en uitvoerige beoordeling, waaronder profilering, met rechtsgevolgen",
        "en": "systematic and extensive evaluation, including profiling, with legal effects",
    },
    "criterion_art35_3b_large_scale_special_data": {
        "nl": "grootschalige verwerking van bijzondere of strafrechtelijke gegevens",
        "en": "large-scale processing of special-category or criminal data",
    },
    "criterion_art35_3c_public_area_monitoring": {
        "nl": "stelselmatige en grootschalige monitoring van openbaar toegankelijke ruimten",
        "en": "systematic large-scale monitoring of publicly accessible areas",
    },
    "criterion_wp248_evaluation_scoring": {"nl": "evaluatie of scoretoekenning", "en": "evaluation or scoring"},
    "criterion_wp248_automated_decision": {
        "nl": "geautomatiseerde besluitvorming met rechtsgevolg of vergelijkbaar wezenlijk gevolg",
        "en": "automated decision-making with legal or similar significant effect",
    },
    "criterion_wp248_systematic_monitoring": {"nl": "stelselmatige monitoring", "en": "systematic monitoring"},
    "criterion_wp248_sensitive_data": {
        "nl": "gevoelige of zeer persoonlijke gegevens",
        "en": "sensitive or highly personal data",
    },
    "criterion_wp248_large_scale": {"nl": "verwerking op grote schaal", "en": "processing on a large scale"},
    "criterion_wp248_matching_datasets": {
        "nl": "matchen of samenvoegen van datasets",
        "en": "matching or combining datasets",
    },
    "criterion_wp248_vulnerable_subjects": {
        "nl": "gegevens over kwetsbare betrokkenen (zoals kinderen)",
        "en": "data concerning vulnerable data subjects (such as children)",
    },
    "criterion_wp248_innovative_technology": {
        "nl": "innovatief gebruik of nieuwe technologie",
        "en": "innovative use or new technology",
    },
    "criterion_wp248_prevents_rights": {
        "nl": "verhindert de uitoefening van een recht of het gebruik van een dienst",
        "en": "prevents exercising a right or using a service",
    },
    "criterion_ap_covert_investigation": {"nl": "heimelijk onderzoek", "en": "covert investigation"},
    "criterion_ap_blacklists": {"nl": "zwarte lijsten", "en": "blacklists"},
    "criterion_ap_fraud_prevention": {"nl": "fraudebestrijding", "en": "fraud prevention"},
    "criterion_ap_credit_scores": {"nl": "creditscores", "en": "credit scores"},
    "criterion_ap_financial_situation": {"nl": "financiële situatie", "en": "financial situation"},
    "criterion_ap_genetic_data": {"nl": "genetische persoonsgegevens", "en": "genetic data"},
    "criterion_ap_health_data": {"nl": "gezondheidsgegevens (grootschalig)", "en": "health data (large scale)"},
    "criterion_ap_cooperation_arrangements": {
        "nl": "samenwerkingsverbanden die bijzondere of gevoelige gegevens uitwisselen",
        "en": "cooperation arrangements exchanging special or sensitive data",
    },
    "criterion_ap_camera_surveillance": {"nl": "cameratoezicht", "en": "camera surveillance"},
    "criterion_ap_flexible_camera_surveillance": {
        "nl": "flexibel cameratoezicht (bodycams, drones)",
        "en": "flexible camera surveillance (body cams, drones)",
    },
    "criterion_ap_employee_monitoring": {"nl": "controle van werknemers", "en": "employee monitoring"},
    "criterion_ap_location_data": {"nl": "locatiegegevens", "en": "location data"},
    "criterion_ap_communication_data": {"nl": "communicatiegegevens", "en": "communication data"},
    "criterion_ap_internet_of_things": {"nl": "internet of things", "en": "internet of things"},
    "criterion_ap_profiling": {"nl": "profilering", "en": "profiling"},
    "criterion_ap_behaviour_observation": {
        "nl": "observatie en beïnvloeding van gedrag (zoals leerlingvolgsystemen)",
        "en": "observing and influencing behaviour (such as pupil monitoring systems)",
    },
    "criterion_ap_biometric_data": {"nl": "biometrische gegevens", "en": "biometric data"},
    # ---- DPIAs: risks
    "scale_model_dpia": {"nl": "Model DPIA (3×3)", "en": "Model DPIA (3×3)"},
    "scale_cnil": {"nl": "CNIL (4×4)", "en": "CNIL (4×4)"},
    "level_low": {"nl": "laag", "en": "low"},
    "level_medium": {"nl": "midden", "en": "medium"},
    "level_high": {"nl": "hoog", "en": "high"},
    "level_negligible": {"nl": "verwaarloosbaar", "en": "negligible"},
    "level_limited": {"nl": "beperkt", "en": "limited"},
    "level_significant": {"nl": "aanzienlijk", "en": "significant"},
    "level_maximum": {"nl": "maximaal", "en": "maximum"},
    "riskkind_illegitimate_access": {"nl": "onrechtmatige toegang", "en": "illegitimate access"},
    "riskkind_unwanted_modification": {"nl": "ongewenste wijziging", "en": "unwanted modification"},
    "riskkind_disappearance": {"nl": "verdwijnen van gegevens", "en": "disappearance of data"},
    "riskkind_discrimination": {"nl": "discriminatie", "en": "discrimination"},
    "riskkind_chilling_effect": {"nl": "remmend effect van monitoring", "en": "chilling effect of monitoring"},
    "riskkind_loss_of_control": {"nl": "verlies van controle", "en": "loss of control"},
    "riskkind_exclusion": {"nl": "uitsluiting", "en": "exclusion"},
    "riskkind_unlawful_publication": {"nl": "onrechtmatige publicatie", "en": "unlawful publication"},
    "riskkind_other": {"nl": "ander risico", "en": "other risk"},
    "factor_data_type": {"nl": "soort gegevens", "en": "data type"},
    "factor_subjects": {"nl": "kwetsbaarheid", "en": "vulnerability"},
    "factor_volume": {"nl": "omvang", "en": "volume"},
    "factor_recipients": {"nl": "ontvangers", "en": "recipients"},
    "factor_transfers": {"nl": "doorgifte", "en": "transfers"},
    "factor_access": {"nl": "toegang", "en": "access"},
    "factor_findings": {"nl": "open bevindingen", "en": "open findings"},
    "factor_line": {"nl": "{factor}: +{points} van {max} — {why}", "en": "{factor}: +{points} of {max} — {why}"},
    "suggestion_line": {
        "nl": "voorstel: {score} van {max} punten → {level}",
        "en": "suggestion: {score} of {max} points → {level}",
    },
    "factor_data_special": {"nl": "bijzondere of strafrechtelijke gegevens: {categories}", "en": "special or criminal data: {categories}"},
    "factor_data_sensitive": {"nl": "gevoelige gegevens of BSN: {categories}", "en": "sensitive data or BSN: {categories}"},
    "factor_data_ordinary": {"nl": "alleen gewone gegevens", "en": "ordinary data only"},
    "factor_children": {"nl": "kinderen: {groups}", "en": "children: {groups}"},
    "factor_no_children": {"nl": "geen kinderen onder de betrokkenen", "en": "no children among the data subjects"},
    "factor_recipients_open": {
        "nl": "ontvangers buiten contractuele controle (ontvanger, derde of openbaar): {parties}",
        "en": "recipients outside contractual control (recipient, third party or public): {parties}",
    },
    "factor_recipients_external": {
        "nl": "andere organisaties (verwerkers of verantwoordelijken): {parties}",
        "en": "other organisations (processors or controllers): {parties}",
    },
    "factor_recipients_internal": {"nl": "gegevens blijven bij de school", "en": "data stays with the school"},
    "factor_transfer": {"nl": "partij buiten de EER: {parties}", "en": "party outside the EEA: {parties}"},
    "factor_no_transfer": {"nl": "geen doorgifte buiten de EER", "en": "no transfer outside the EEA"},
    "factor_access_excess": {
        "nl": "rollen met meer toegang dan nodig of een gedeeld account: {roles}",
        "en": "roles with more access than needed or a shared account: {roles}",
    },
    "factor_access_broad": {
        "nl": "{count} rollen lezen gevoelige gegevens: {roles}",
        "en": "{count} roles read sensitive data: {roles}",
    },
    "factor_access_narrow": {"nl": "toegang beperkt tot wat rollen nodig hebben: {roles}", "en": "access limited to what roles need: {roles}"},
    "factor_access_none": {"nl": "geen toegangsrollen vastgelegd voor de systemen", "en": "no access roles recorded for the systems"},
    "factor_findings_open": {"nl": "{count} open bevinding(en): {ids}", "en": "{count} open finding(s): {ids}"},
    "factor_no_findings": {"nl": "geen open bevindingen", "en": "no open findings"},
    "factor_findings_not_considered": {
        "nl": "bevindingen niet meegewogen (geen controle meegegeven)",
        "en": "findings not considered (no check given)",
    },
    "rated_override": {"nl": "(voorstel: {suggested}; afgeweken)", "en": "(suggested: {suggested}; overridden)"},
    "rated_suggested": {"nl": "(voorstel, niet beoordeeld)", "en": "(suggested, not rated)"},
    "rated_confirmed": {"nl": "(voorstel, bevestigd)", "en": "(suggested, confirmed)"},
    "art36_required": {"nl": "raadpleging AP nodig", "en": "consult the AP"},
    "art36_accepted": {"nl": "restrisico aanvaard", "en": "residual risk accepted"},
    "art36_line_required": {
        "nl": "AVG art. 36: voorafgaande raadpleging van de AP nodig voor {risks} (of aanvaarding van het restrisico met onderbouwing)",
        "en": "GDPR Art. 36: prior consultation of the AP needed for {risks} (or acceptance of the residual risk with a rationale)",
    },
    "art36_line_referred": {
        "nl": "AVG art. 36: het bestuur legt de DPIA voor aan de AP ({risks})",
        "en": "GDPR Art. 36: the board refers the DPIA to the AP ({risks})",
    },
    "art36_line_none": {
        "nl": "AVG art. 36: geen voorafgaande raadpleging nodig (aanvaard restrisico: {accepted})",
        "en": "GDPR Art. 36: no prior consultation needed (accepted residual risk: {accepted})",
    },
    "risks_header": {
        "nl": "Risico's {dpia}: {title} — schaal {scale}, {count} risico('s)",
        "en": "Risks {dpia}: {title} — scale {scale}, {count} risk(s)",
    },
    "risks_risk": {"nl": "  {risk} [{kind}] {title}", "en": "  {risk} [{kind}] {title}"},
    "risks_likelihood": {"nl": "waarschijnlijkheid", "en": "likelihood"},
    "risks_impact": {"nl": "impact", "en": "impact"},
    "risks_motivation": {"nl": "motivering: {text}", "en": "motivation: {text}"},
    "risks_levels": {
        "nl": "risico: {inherent} → restrisico: {residual} (met geplande maatregelen: {planned})",
        "en": "risk: {inherent} → residual: {residual} (with planned measures: {planned})",
    },
    "risks_measures": {
        "nl": "maatregelen geteld: {counted}; nog niet geïmplementeerd: {pending}",
        "en": "measures counted: {counted}; not implemented yet: {pending}",
    },
    "risks_accepted": {
        "nl": "restrisico aanvaard door {by} op {on}: {rationale}",
        "en": "residual risk accepted by {by} on {on}: {rationale}",
    },
    "col_risk": {"nl": "Risico", "en": "Risk"},
    "col_risk_title": {"nl": "Omschrijving", "en": "Description"},
    "col_risk_kind": {"nl": "Soort risico", "en": "Kind of risk"},
    "col_likelihood": {"nl": "Waarschijnlijkheid", "en": "Likelihood"},
    "col_impact": {"nl": "Impact", "en": "Impact"},
    "col_inherent": {"nl": "Risiconiveau", "en": "Risk level"},
    "col_measures_counted": {"nl": "Maatregelen", "en": "Measures"},
    "col_residual_li": {"nl": "Rest: waarschijnlijkheid / impact", "en": "Residual: likelihood / impact"},
    "col_residual": {"nl": "Restrisico", "en": "Residual risk"},
    "col_art36": {"nl": "Art. 36", "en": "Art. 36"},
    "scaffold_illegitimate_access": {"nl": "Onrechtmatige toegang tot gegevens in {name}", "en": "Illegitimate access to data in {name}"},
    "scaffold_unwanted_modification": {"nl": "Ongewenste wijziging van gegevens in {name}", "en": "Unwanted modification of data in {name}"},
    "scaffold_disappearance": {"nl": "Verdwijnen van gegevens in {name}", "en": "Disappearance of data in {name}"},
    "scaffold_discrimination": {"nl": "Discriminatie door gebruik van bijzondere gegevens", "en": "Discrimination through use of special data"},
    "scaffold_chilling_effect": {"nl": "Remmend effect van het volgen van leerlingen", "en": "Chilling effect of monitoring pupils"},
    "scaffold_loss_of_control": {"nl": "Verlies van controle over gegevens bij verwerkers", "en": "Loss of control over data at processors"},
    "scaffold_exclusion": {"nl": "Uitsluiting van leerlingen of ouders", "en": "Exclusion of pupils or parents"},
    "scaffold_unlawful_publication": {"nl": "Onrechtmatige publicatie van gegevens", "en": "Unlawful publication of data"},
    "scaffold_other": {"nl": "Ander risico in {name}", "en": "Other risk in {name}"},
    "riskmap_title": {"nl": "Risicokaart — {scale}", "en": "Risk map — {scale}"},
    "riskmap_likelihood": {"nl": "Waarschijnlijkheid", "en": "Likelihood"},
    "riskmap_impact_model_dpia": {"nl": "Impact", "en": "Impact"},
    "riskmap_impact_cnil": {"nl": "Ernst", "en": "Severity"},
    "riskmap_key": {"nl": "Risico's", "en": "Risks"},
    "riskmap_before": {"nl": "voor maatregelen", "en": "before measures"},
    "riskmap_after": {"nl": "na maatregelen", "en": "after measures"},
    # ---- DPIAs: action plan
    "plan_sheet": {"nl": "Actieplan", "en": "Action plan"},
    "col_plan_dpia": {"nl": "DPIA", "en": "DPIA"},
    "col_plan_measure": {"nl": "Maatregel", "en": "Measure"},
    "col_plan_label": {"nl": "Omschrijving", "en": "Description"},
    "col_plan_kind": {"nl": "Soort", "en": "Kind"},
    "col_plan_status": {"nl": "Status", "en": "Status"},
    "col_plan_owner": {"nl": "Eigenaar", "en": "Owner"},
    "col_plan_due": {"nl": "Gereed op", "en": "Due"},
    "col_plan_overdue": {"nl": "Te laat", "en": "Overdue"},
    "col_plan_risks": {"nl": "Risico's", "en": "Risks"},
    "col_plan_reduces": {"nl": "Verlaagt", "en": "Reduces"},
    "measurekind_technical": {"nl": "technisch", "en": "technical"},
    "measurekind_organisational": {"nl": "organisatorisch", "en": "organisational"},
    "measurestatus_planned": {"nl": "gepland", "en": "planned"},
    "measurestatus_in_progress": {"nl": "in uitvoering", "en": "in progress"},
    "measurestatus_implemented": {"nl": "geïmplementeerd", "en": "implemented"},
    "effect_likelihood": {"nl": "waarschijnlijkheid", "en": "likelihood"},
    "effect_impact": {"nl": "impact", "en": "impact"},
    "effect_both": {"nl": "waarschijnlijkheid en impact", "en": "likelihood and impact"},
    # ---- DPIAs: CLI
    "cli_no_dpias": {
        "nl": "{path}: het register bevat geen DPIA's (sectie 'dpias')",
        "en": "{path}: the register holds no DPIAs (section 'dpias')",
    },
    "cli_unknown_dpia": {
        "nl": "geen DPIA met id '{value}'; wel: {allowed}",
        "en": "no DPIA with id '{value}'; there are: {allowed}",
    },
    # ---- Art. 30 record (dpia export-art30)
    "art30_sheet": {"nl": "Verwerkingsregister", "en": "Record of processing"},
    "art30_col_id": {"nl": "Kenmerk", "en": "Reference"},
    "art30_col_activity": {"nl": "Verwerkingsactiviteit (doel)", "en": "Processing activity (purpose)"},
    "art30_col_controller": {"nl": "Verwerkingsverantwoordelijke", "en": "Controller"},
    "art30_col_controller_contact": {
        "nl": "Contactgegevens verwerkingsverantwoordelijke",
        "en": "Contact details of the controller",
    },
    "art30_col_dpo": {"nl": "Functionaris gegevensbescherming (FG)", "en": "Data protection officer (DPO)"},
    "art30_col_legal_basis": {"nl": "Grondslag (AVG art. 6)", "en": "Legal basis (GDPR Art. 6)"},
    "art30_col_legal_source": {"nl": "Wettelijke bron", "en": "Legal source"},
    "art30_col_art9": {
        "nl": "Uitzondering bijzondere persoonsgegevens (AVG art. 9)",
        "en": "Exception for special categories (GDPR Art. 9)",
    },
    "art30_col_subjects": {"nl": "Categorieën betrokkenen", "en": "Categories of data subjects"},
    "art30_col_categories": {"nl": "Categorieën persoonsgegevens", "en": "Categories of personal data"},
    "art30_col_recipients": {"nl": "Categorieën ontvangers", "en": "Categories of recipients"},
    "art30_col_transfers": {
        "nl": "Doorgifte naar derde landen en waarborgen",
        "en": "Transfers to third countries and safeguards",
    },
    "art30_col_retention": {"nl": "Bewaartermijnen", "en": "Retention periods"},
    "art30_col_systems": {"nl": "Systemen", "en": "Systems"},
    "art30_col_measures": {
        "nl": "Beveiligingsmaatregelen (algemene beschrijving)",
        "en": "Security measures (general description)",
    },
    "art30_basis": {"nl": "{basis} (AVG art. 6 lid 1 onder {letter})", "en": "{basis} (GDPR Art. 6(1)({letter}))"},
    "art30_not_recorded": {"nl": "niet vastgelegd", "en": "not recorded"},
    "art30_kvk": {"nl": " (KvK {kvk})", "en": " (Chamber of Commerce {kvk})"},
    "art30_cat_special": {
        "nl": "{label} (bijzonder persoonsgegeven: {subtype})",
        "en": "{label} (special category: {subtype})",
    },
    "art30_cat_criminal": {"nl": "{label} (strafrechtelijk gegeven)", "en": "{label} (criminal data)"},
    "art30_cat_national_id": {
        "nl": "{label} (wettelijk identificatienummer, UAVG art. 46)",
        "en": "{label} (national identification number, UAVG art. 46)",
    },
    "art30_recipient": {"nl": "{name} ({role})", "en": "{name} ({role})"},
    "art30_recipient_abroad": {"nl": "{name} ({role}, {country})", "en": "{name} ({role}, {country})"},
    "art30_transfer": {"nl": "{name}: {country}, {safeguard}", "en": "{name}: {country}, {safeguard}"},
    "art30_no_transfers": {"nl": "geen", "en": "none"},
    "art30_no_safeguard": {"nl": "geen waarborg vastgelegd", "en": "no safeguard recorded"},
    "art30_retention": {"nl": "{duration} {trigger}", "en": "{duration} {trigger}"},
    "art30_retention_minimum": {"nl": "ten minste {duration} {trigger}", "en": "at least {duration} {trigger}"},
    "art30_retention_of": {"nl": "{label}: {rule}", "en": "{label}: {rule}"},
    "art30_no_retention": {"nl": "geen bewaartermijn vastgelegd", "en": "no retention period recorded"},
    "art30_measure_status": {"nl": "{label} ({status})", "en": "{label} ({status})"},
    "special_racial_ethnic_origin": {"nl": "ras of etnische afkomst", "en": "racial or ethnic origin"},
    "special_political_opinions": {"nl": "politieke opvattingen", "en": "political opinions"},
    "special_religion_belief": {"nl": "godsdienst of levensovertuiging", "en": "religion or belief"},
    "special_trade_union": {"nl": "lidmaatschap van een vakbond", "en": "trade union membership"},
    "special_genetic": {"nl": "genetische gegevens", "en": "genetic data"},
    "special_biometric": {"nl": "biometrische gegevens", "en": "biometric data"},
    "special_health": {"nl": "gezondheid", "en": "health"},
    "special_sex_life_orientation": {"nl": "seksueel gedrag of seksuele gerichtheid", "en": "sex life or sexual orientation"},
    "transfer_adequacy": {"nl": "adequaatheidsbesluit (AVG art. 45)", "en": "adequacy decision (GDPR Art. 45)"},
    "transfer_scc": {
        "nl": "standaardcontractbepalingen (AVG art. 46 lid 2 onder c)",
        "en": "standard contractual clauses (GDPR Art. 46(2)(c))",
    },
    "transfer_bcr": {"nl": "bindende bedrijfsvoorschriften (AVG art. 47)", "en": "binding corporate rules (GDPR Art. 47)"},
    "transfer_derogation": {"nl": "uitzondering (AVG art. 49)", "en": "derogation (GDPR Art. 49)"},
    "trigger_deregistration": {"nl": "na uitschrijving", "en": "after the pupil leaves (deregistration)"},
    "trigger_result": {"nl": "na de uitslag", "en": "after the result"},
    "trigger_creation": {"nl": "na het vastleggen", "en": "after the record is made"},
    "trigger_end_of_school_year": {"nl": "na het einde van het schooljaar", "en": "after the end of the school year"},
    "trigger_end_of_contract": {"nl": "na het einde van de overeenkomst", "en": "after the end of the agreement"},
    "trigger_end_of_use": {"nl": "na afloop van het gebruik", "en": "after use"},
    "trigger_end_of_employment": {"nl": "na uitdiensttreding", "en": "after employment ends"},
    "duration_y_one": {"nl": "{n} jaar", "en": "{n} year"},
    "duration_y_many": {"nl": "{n} jaar", "en": "{n} years"},
    "duration_m_one": {"nl": "{n} maand", "en": "{n} month"},
    "duration_m_many": {"nl": "{n} maanden", "en": "{n} months"},
    "duration_w_one": {"nl": "{n} week", "en": "{n} week"},
    "duration_w_many": {"nl": "{n} weken", "en": "{n} weeks"},
    "duration_d_one": {"nl": "{n} dag", "en": "{n} day"},
    "duration_d_many": {"nl": "{n} dagen", "en": "{n} days"},
    "duration_and": {"nl": " en ", "en": " and "},
    # ---- spreadsheet import (dpia import) and export in the import layout (dpia export-register)
    "import_too_large": {
        "nl": "bestand is te groot: {size} MB, hoogstens {limit} MB (een .xlsx ook uitgepakt)",
        "en": "the file is too large: {size} MB, at most {limit} MB (for an .xlsx also when unpacked)",
    },
    "import_single_csv": {
        "nl": "één CSV-bestand kan geen heel register bevatten; geef een .xlsx-werkmap of een map met een "
        "CSV-bestand per blad (controller.csv, parties.csv, ...)",
        "en": "one CSV file cannot hold a whole register; give an .xlsx workbook or a folder with one CSV "
        "file per sheet (controller.csv, parties.csv, ...)",
    },
    "import_not_zip": {
        "nl": "bestand is geen Excel-werkmap (.xlsx): het is geen zip-archief. Sla het in Excel op als "
        "'Excel-werkmap (*.xlsx)'",
        "en": "the file is not an Excel workbook (.xlsx): it is not a zip archive. Save it in Excel as "
        "'Excel Workbook (*.xlsx)'",
    },
    "import_not_xlsx": {
        "nl": "bestand is geen leesbare Excel-werkmap (.xlsx): {reason}",
        "en": "the file is not a readable Excel workbook (.xlsx): {reason}",
    },
    "import_no_workbook_part": {
        "nl": "bestand is een zip-archief, maar geen Excel-werkmap (.xlsx): xl/workbook.xml ontbreekt",
        "en": "the file is a zip archive but not an Excel workbook (.xlsx): xl/workbook.xml is missing",
    },
    "import_no_csv": {
        "nl": "de map bevat geen CSV-bladen (controller.csv, parties.csv, ...)",
        "en": "the folder holds no CSV sheets (controller.csv, parties.csv, ...)",
    },
    "import_unknown_sheet": {
        "nl": "onbekend blad '{value}'; toegestaan: {allowed}{hint} (een blad waarvan de naam met '_' begint "
        "wordt overgeslagen)",
        "en": "unknown sheet '{value}'; allowed: {allowed}{hint} (a sheet whose name starts with '_' is skipped)",
    },
    "import_duplicate_sheet": {
        "nl": "blad '{value}' komt twee keer voor",
        "en": "sheet '{value}' appears twice",
    },
    "import_sheet_missing": {
        "nl": "blad '{sheet}' ontbreekt; het register heeft een verwerkingsverantwoordelijke nodig "
        "(gevonden bladen: {found})",
        "en": "sheet '{sheet}' is missing; the register needs a controller (sheets found: {found})",
    },
    "import_unknown_column": {
        "nl": "onbekende kolom '{value}'; toegestaan: {allowed}{hint}",
        "en": "unknown column '{value}'; allowed: {allowed}{hint}",
    },
    "import_duplicate_column": {
        "nl": "kolom '{value}' staat twee keer in de kopregel (ook in kolom {where})",
        "en": "column '{value}' appears twice in the header row (also in column {where})",
    },
    "import_column_missing": {
        "nl": "verplichte kolom '{column}' ontbreekt in blad '{sheet}'; voeg hem toe aan de kopregel (rij 1)",
        "en": "required column '{column}' is missing from sheet '{sheet}'; add it to the header row (row 1)",
    },
    "import_no_header": {
        "nl": "cel heeft een waarde, maar haar kolom heeft geen naam in de kopregel (rij 1)",
        "en": "the cell holds a value, but its column has no name in the header row (row 1)",
    },
    "import_formula": {
        "nl": "cel bevat een formule ({value}); typ de waarde zelf in: de werkbank voert geen formules uit",
        "en": "the cell holds a formula ({value}); type the value itself: the workbench never runs formulas",
    },
    "import_controller_rows": {
        "nl": "blad 'controller' moet precies één rij hebben (het bevoegd gezag), niet {count}",
        "en": "sheet 'controller' must have exactly one row (the school board), not {count}",
    },
    "import_key_missing": {
        "nl": "kolom '{column}' is leeg; zeg bij welk item deze rij hoort",
        "en": "column '{column}' is empty; say which entry this row belongs to",
    },
    "import_orphan_row": {
        "nl": "deze rij hoort bij '{value}', maar dat item staat niet op blad '{parent}'",
        "en": "this row belongs to '{value}', but no such entry is on sheet '{parent}'",
    },
    "import_file_comment": {
        "nl": "Ingelezen uit {source} met 'dpia import'.",
        "en": "Imported from {source} by 'dpia import'.",
    },
    "import_target_not_empty": {
        "nl": "{path} bestaat al en is geen lege map; niets geschreven. Kies een nieuwe map",
        "en": "{path} already exists and is not an empty folder; nothing was written. Choose a new folder",
    },
    "import_cannot_write": {
        "nl": "{path}: de registermap kan niet geschreven worden: {reason}; niets geschreven",
        "en": "{path}: cannot write the register folder: {reason}; nothing was written",
    },
    "import_encrypted": {
        "nl": "werkmap is met een wachtwoord beveiligd (versleuteld) en kan niet gelezen worden; haal in Excel het "
        "wachtwoord weg (Bestand > Info > Werkmap beveiligen) en sla de werkmap opnieuw op als .xlsx",
        "en": "the workbook is protected with a password (encrypted) and cannot be read; remove the password in "
        "Excel (File > Info > Protect Workbook) and save the workbook again as .xlsx",
    },
    "import_xls": {
        "nl": "bestand is een oude Excel 97-2003-werkmap (.xls) of een ander Office-bestand, geen .xlsx. Sla het "
        "in Excel op als 'Excel-werkmap (*.xlsx)'",
        "en": "the file is an old Excel 97-2003 workbook (.xls) or another Office file, not an .xlsx. Save it in "
        "Excel as 'Excel Workbook (*.xlsx)'",
    },
    "import_ods": {
        "nl": "bestand is een OpenDocument-rekenblad (.ods), geen .xlsx. Sla het op als 'Excel 2007-365 (.xlsx)'",
        "en": "the file is an OpenDocument spreadsheet (.ods), not an .xlsx. Save it as 'Excel 2007-365 (.xlsx)'",
    },
    "import_zip_damaged": {
        "nl": "bestand begint als een Excel-werkmap (zip-archief), maar is beschadigd of afgebroken; sla het "
        "opnieuw op of vraag het opnieuw op",
        "en": "the file starts like an Excel workbook (a zip archive) but is damaged or cut off; save it again "
        "or ask for it again",
    },
    "import_zip_part_damaged": {
        "nl": "onderdeel {part} van de werkmap kan niet uitgepakt worden (beschadigd of onbekende compressie); "
        "sla de werkmap in Excel opnieuw op",
        "en": "part {part} of the workbook cannot be unpacked (damaged, or an unknown compression); save the "
        "workbook again in Excel",
    },
    "import_xml_dtd": {
        "nl": "onderdeel {part} van de werkmap bevat een documenttypedeclaratie (<!DOCTYPE>); Excel schrijft die "
        "nooit en ze kan een aanval verbergen (entiteiten die uitdijen of andere bestanden lezen): geweigerd",
        "en": "part {part} of the workbook holds a document type declaration (<!DOCTYPE>); Excel never writes "
        "one and it can hide an attack (entities that expand or read other files): refused",
    },
    "import_xml_broken": {
        "nl": "onderdeel {part} van de werkmap is geen geldige XML (regel {line}, kolom {column}); de werkmap is "
        "beschadigd: sla haar in Excel opnieuw op",
        "en": "part {part} of the workbook is not well-formed XML (line {line}, column {column}); the workbook "
        "is damaged: save it again in Excel",
    },
    "import_xml_encoding": {
        "nl": "onderdeel {part} van de werkmap noemt een tekencodering die niet gelezen kan worden; de werkmap "
        "is beschadigd: sla haar in Excel opnieuw op",
        "en": "part {part} of the workbook names a character encoding that cannot be read; the workbook is "
        "damaged: save it again in Excel",
    },
    "import_too_many_sheets": {
        "nl": "werkmap heeft {count} bladen, hoogstens {limit}",
        "en": "the workbook has {count} sheets, at most {limit}",
    },
    "import_too_many_rows": {
        "nl": "werkmap heeft meer dan {limit} rijen (alle bladen samen, lege rijen tussendoor meegeteld); gelezen "
        "tot hier",
        "en": "the workbook has more than {limit} rows (all sheets together, empty rows in between included); "
        "read up to here",
    },
    "import_too_many_entries": {
        "nl": "werkmap heeft meer dan {limit} gevulde rijen (alle bladen samen), meer dan de import leest; "
        "gelezen tot hier",
        "en": "the workbook has more than {limit} rows with values (all sheets together), more than the import "
        "reads; read up to here",
    },
    "import_too_many_cells": {
        "nl": "werkmap heeft meer dan {limit} cellen (alle bladen samen, tot de laatste waarde van elke rij); "
        "gelezen tot hier",
        "en": "the workbook has more than {limit} cells (all sheets together, up to the last value of each "
        "row); read up to here",
    },
    "import_sheet_damaged": {
        "nl": "blad kan vanaf deze rij niet gelezen worden: een cel of de opmaak is beschadigd ({reason}); sla de "
        "werkmap in Excel opnieuw op",
        "en": "the sheet cannot be read from this row on: a cell or the formatting is damaged ({reason}); save the "
        "workbook again in Excel",
    },
    "import_cell_too_long": {
        "nl": "cel bevat {length} tekens; een cel mag hoogstens {limit} tekens bevatten (de grens van Excel zelf)",
        "en": "the cell holds {length} characters; a cell may hold at most {limit} (Excel's own limit)",
    },
    "import_row_out_of_place": {
        "nl": "rij {row} staat niet op haar plaats in het blad (na rij {previous}); de werkmap is beschadigd: sla "
        "haar in Excel opnieuw op",
        "en": "row {row} is out of place in the sheet (after row {previous}); the workbook is damaged: save it "
        "again in Excel",
    },
    "import_cell_out_of_place": {
        "nl": "cel {cell} staat niet op haar plaats in de rij (na {previous}); de werkmap is beschadigd: sla haar "
        "in Excel opnieuw op",
        "en": "cell {cell} is out of place in its row (after {previous}); the workbook is damaged: save it again "
        "in Excel",
    },
    "import_cell_wrong_row": {
        "nl": "cel {cell} staat in rij {row} van het blad; de werkmap is beschadigd: sla haar in Excel opnieuw op",
        "en": "cell {cell} is written in row {row} of the sheet; the workbook is damaged: save it again in Excel",
    },
    "import_sheet_part_missing": {
        "nl": "blad staat in de werkmap, maar de inhoud ontbreekt ({part}); de werkmap is beschadigd: sla haar in "
        "Excel opnieuw op",
        "en": "the sheet is listed in the workbook, but its contents are missing ({part}); the workbook is damaged: "
        "save it again in Excel",
    },
    "import_part_missing": {
        "nl": "onderdeel {part} ontbreekt in de werkmap; de werkmap is beschadigd: sla haar in Excel opnieuw op",
        "en": "part {part} is missing from the workbook; the workbook is damaged: save it again in Excel",
    },
    "import_csv_binary": {
        "nl": "bestand bevat binaire gegevens (NUL-tekens), geen CSV-tekst; sla het op als 'CSV UTF-8'",
        "en": "the file holds binary data (NUL characters), not CSV text; save it as 'CSV UTF-8'",
    },
    "import_csv_field_too_long": {
        "nl": "een veld in deze rij is langer dan {limit} tekens; staat er een aanhalingsteken (\") dat nooit "
        "gesloten wordt?",
        "en": "a field in this row is longer than {limit} characters; is there a quote (\") that is never "
        "closed?",
    },
    "import_yaml_too_large": {
        "nl": "het register in deze werkmap is te groot voor een registermap: {file} zou minstens {size} MB "
        "worden, een registerbestand mag hoogstens {limit} MB zijn",
        "en": "the register in this workbook is too large for a register folder: {file} would be at least {size} "
        "MB, and a register file may be at most {limit} MB",
    },
    "import_yaml_total_too_large": {
        "nl": "het register in deze werkmap is te groot voor een registermap: samen minstens {size} MB YAML, "
        "hoogstens {limit} MB",
        "en": "the register in this workbook is too large for a register folder: at least {size} MB of YAML in "
        "all, at most {limit} MB",
    },
    "import_more_problems": {
        "nl": "en meer problemen: de eerste {limit} staan hierboven; verhelp ze en lees de werkmap opnieuw in",
        "en": "and more problems: the first {limit} are above; fix them and import the workbook again",
    },
    "import_reload_failed": {
        "nl": "het register uit de werkmap laat zich niet als registermap inlezen ({detail}); niets geschreven. "
        "Dit is een gat in de import; meld het alstublieft",
        "en": "the register read from the workbook does not load as a register folder ({detail}); nothing was "
        "written. This is a gap in the import; please report it",
    },
    "synth_written": {
        "nl": "synthetisch register geschreven naar {path}: {schools} scholen, {flows} gegevensstromen, "
        "{defects} geplante fouten die {findings} bevindingen moeten geven (zie manifest.json)",
        "en": "wrote a synthetic register to {path}: {schools} schools, {flows} flows, {defects} planted defects "
        "that must give {findings} findings (see manifest.json)",
    },
    "synth_target_not_empty": {
        "nl": "{path} bevat al bestanden die niet van `dpia synth` zijn; kies een nieuwe of lege map",
        "en": "{path} already holds files that `dpia synth` did not write; choose a new or empty folder",
    },
    "import_written": {
        "nl": "{count} registerbestand(en) geschreven in {path}",
        "en": "{count} register file(s) written to {path}",
    },
    "cli_bad_output_suffix": {
        "nl": "'{value}': het uitvoerbestand moet eindigen op {allowed}",
        "en": "'{value}': the output file must end in {allowed}",
    },
    # ---- causes first; spreadsheets as Excel and LibreOffice save them (issue 15)
    "refs_unchecked": {
        "nl": "{count} verwijzingen naar {what} zijn niet gecontroleerd omdat {why} (de eerste op {first}). "
        "Los eerst de melding hierboven op en valideer opnieuw",
        "en": "{count} references to {what} were not checked because {why} (the first at {first}). Fix the "
        "problem above first, then validate again",
    },
    "refs_unchecked_one": {
        "nl": "1 verwijzing naar {what} is niet gecontroleerd omdat {why} (op {first}). Los eerst de melding "
        "hierboven op en valideer opnieuw",
        "en": "1 reference to {what} was not checked because {why} (at {first}). Fix the problem above first, "
        "then validate again",
    },
    "refs_to_ids_of": {"nl": "ids uit {file}", "en": "ids from {file}"},
    "refs_to_sections": {"nl": "ids uit {sections}", "en": "ids in {sections}"},
    "refs_to_id": {"nl": "'{value}'", "en": "'{value}'"},
    "refs_why_duplicate": {"nl": "die id twee keer gebruikt wordt", "en": "that id is used twice"},
    "refs_to_ids_maybe_in": {"nl": "ids die in {file} kunnen staan", "en": "ids that may be in {file}"},
    "refs_why_unread": {"nl": "dat bestand niet gelezen kon worden", "en": "that file could not be read"},
    "refs_why_empty": {"nl": "dat bestand leeg is", "en": "that file is empty"},
    "refs_why_section": {"nl": "die sectie in {file} leeg of onbruikbaar is",
                         "en": "that section in {file} is empty or unusable"},
    "section_empty": {
        "nl": "sectie '{section}' is leeg en staat nergens anders in het register, maar er wordt wel naar "
        "verwezen. Zet de items onder '{section}:' (elk als '- id: ...') of haal de verwijzingen weg",
        "en": "section '{section}' is empty and appears nowhere else in the register, but other entries refer "
        "to it. Put its entries under '{section}:' (each as '- id: ...') or remove the references",
    },
    "csv_not_utf8": {
        "nl": "bestand is geen geldige UTF-8 (byte {byte} op positie {offset}); waarschijnlijk is het als {guess} "
        "opgeslagen, waarin dit '{char}' is. Sla het op als CSV UTF-8: in Excel Bestand > Opslaan als > "
        "'CSV UTF-8 (door komma's gescheiden)'; in LibreOffice Opslaan als > Tekst CSV met tekenset "
        "'Unicode (UTF-8)'",
        "en": "the file is not valid UTF-8 (byte {byte} at offset {offset}); it was probably saved as {guess}, where "
        "this is '{char}'. Save it as CSV UTF-8: in Excel File > Save As > 'CSV UTF-8 (Comma delimited)'; "
        "in LibreOffice Save As > Text CSV with character set 'Unicode (UTF-8)'",
    },
    "csv_utf16": {
        "nl": "bestand is als UTF-16 opgeslagen; sla het op als UTF-8 (CSV UTF-8): in Excel Bestand > Opslaan als > "
        "'CSV UTF-8 (door komma's gescheiden)'",
        "en": "the file is encoded as UTF-16; save it as UTF-8 (CSV UTF-8): in Excel File > Save As > "
        "'CSV UTF-8 (Comma delimited)'",
    },
    "csv_unnamed_value": {
        "nl": "deze cel staat in een kolom zonder naam in de kopregel: '{value}'. Geef de kolom een naam uit "
        "de toegestane kolommen, of maak de cel leeg",
        "en": "this cell is in a column without a name in the header: '{value}'. Give the column one of the "
        "allowed names, or empty the cell",
    },
    # The next step after a message that states a fact (Problem.message adds it as a second sentence):
    # ``step_<key>`` for the problem key ``<key>``, with the same parameters.
    "step_path_missing": {
        "nl": "Controleer het pad dat u typte: een register is een map met .yaml-bestanden, bijvoorbeeld data/omo-helmond",
        "en": "Check the path you typed: a register is a folder of .yaml files, for example data/omo-helmond",
    },
    "step_empty_folder": {
        "nl": "Open de map waarin de .yaml-bestanden van het register staan, of zet ze in deze map",
        "en": "Open the folder that holds the register's .yaml files, or put them in this one",
    },
    "step_unreadable": {
        "nl": "Controleer of het bestand bestaat, een gewoon bestand is en of u het mag lezen (in de verkenner: Eigenschappen > Beveiliging); hoort het niet bij het register, haal het dan uit de map",
        "en": "Check that the file exists, is an ordinary file and that you may read it (in the file manager: Properties > Permissions); if it is not part of the register, move it out of the folder",
    },
    "step_too_many_files": {
        "nl": "Haal bestanden die niet bij het register horen uit de map, of voeg kleine bestanden samen",
        "en": "Move files that are not part of the register out of the folder, or combine small files",
    },
    "step_folder_too_large": {
        "nl": "Zet de langste secties in CSV-bestanden naast de YAML (docs/register-format.md beschrijft de kolommen)",
        "en": "Move the longest sections into CSV files beside the YAML (docs/register-format.md lists the columns)",
    },
    "step_csv_too_large": {
        "nl": "Splits het bestand of haal rijen weg die niet bij dit register horen",
        "en": "Split the file, or remove the rows that are not part of this register",
    },
    "step_file_too_large": {
        "nl": "Verdeel de secties over meer .yaml-bestanden (een sectie mag over bestanden verdeeld zijn) of zet grote tabellen in CSV",
        "en": "Spread the sections over more .yaml files (a section may be split over files), or move large tables to CSV",
    },
    "step_utf16": {
        "nl": "In Kladblok: Bestand > Opslaan als, Codering 'UTF-8'",
        "en": "In Notepad: File > Save As, Encoding 'UTF-8'",
    },
    "step_binary": {
        "nl": "Dit is geen tekstbestand (misschien een werkmap, pdf of afbeelding met een .yaml-naam): haal het uit de registermap of geef het een andere naam",
        "en": "This is not a text file (perhaps a workbook, PDF or image with a .yaml name): move it out of the register folder or rename it",
    },
    "step_empty_file": {
        "nl": "Zet er secties in (bijvoorbeeld 'measures:' met daaronder '  - id: ...') of verwijder het bestand",
        "en": "Write sections into it (for example 'measures:' with '  - id: ...' below it) or delete the file",
    },
    "step_yaml_syntax": {
        "nl": "Kijk op deze regel en de regel erboven: een ontbrekende ':' of een ontbrekend aanhalingsteken, of verkeerd inspringen, is de gewone oorzaak; vergelijk met een item dat wel goed is",
        "en": "Look at this line and the one above it: a missing ':' or quote, or wrong indentation, is the usual cause; compare with an entry that is correct",
    },
    "step_yaml_tab": {
        "nl": "Vervang de tab aan het begin van de regel door spaties, twee per niveau, zoals de regels eromheen",
        "en": "Replace the tab at the start of the line with spaces, two per level, like the lines around it",
    },
    "step_duplicate_key": {
        "nl": "Verwijder een van de twee, of voeg ze samen tot één",
        "en": "Delete one of the two, or merge them into one",
    },
    "step_forbidden_tag": {
        "nl": "Haal de tag weg (het woord dat met '!' begint) en schrijf de waarde als gewone tekst, lijst of velden",
        "en": "Remove the tag (the word starting with '!') and write the value as plain text, a list or fields",
    },
    "step_too_deep": {
        "nl": "Schrijf het item vlakker: een register heeft maar een paar niveaus nodig (zie docs/register-format.md)",
        "en": "Write the entry flatter: a register needs only a few levels (see docs/register-format.md)",
    },
    "step_csv_syntax": {
        "nl": "Open het bestand in een rekenprogramma en sla het opnieuw op als CSV UTF-8; kijk naar de aanhalingstekens in deze regel",
        "en": "Open the file in a spreadsheet program and save it again as CSV UTF-8; look at the quotes in this line",
    },
    "step_csv_field_too_long": {
        "nl": "Maak de cel korter, of bewaar de lange tekst in een document en verwijs ernaar",
        "en": "Shorten the cell, or keep the long text in a document and refer to it",
    },
    "step_csv_fields": {
        "nl": "Staat er een scheidingsteken (',' of ';') in een cel? Zet die cel tussen dubbele aanhalingstekens of haal het teken weg",
        "en": "Is there a separator (',' or ';') inside a cell? Put that cell between double quotes, or remove the separator",
    },
    "step_csv_no_header": {
        "nl": "Zet de kolomnamen op de eerste regel, bijvoorbeeld id;from;to;categories voor flows.csv",
        "en": "Put the column names on the first line, for example id;from;to;categories for flows.csv",
    },
    "step_top_not_mapping": {
        "nl": "Begin het bestand met een sectienaam en een dubbele punt aan het begin van de regel, bijvoorbeeld 'parties:'",
        "en": "Start the file with a section name and a colon at the start of a line, for example 'parties:'",
    },
    "step_unknown_section": {
        "nl": "Verbeter de sectienaam (aan het begin van de regel, gevolgd door ':') of verwijder de sectie",
        "en": "Correct the section name (at the start of the line, followed by ':') or delete the section",
    },
    "step_section_not_list": {
        "nl": "Zet elk item op een eigen regel die met '- ' begint, ingesprongen onder de sectienaam",
        "en": "Put each entry on a line of its own starting with '- ', indented under the section name",
    },
    "step_item_not_mapping": {
        "nl": "Schrijf het item als velden: '- id: mijn-id' met 'name: ...' ingesprongen op de regel eronder",
        "en": "Write the entry as fields: '- id: my-id' with 'name: ...' indented on the line below",
    },
    "step_controller_missing": {
        "nl": "Zet een sectie 'controller:' met de id en naam van het bevoegd gezag in een van de bestanden (meestal register.yaml)",
        "en": "Add a 'controller:' section with the school board's id and name to one of the files (usually register.yaml)",
    },
    "step_controller_twice": {
        "nl": "Houd er één en verwijder de andere",
        "en": "Keep one and delete the other",
    },
    "step_missing": {
        "nl": "Vul '{field}' in bij dit item",
        "en": "Fill in '{field}' for this entry",
    },
    "step_extra_forbidden": {
        "nl": "Verbeter de veldnaam, of verwijder het veld als het niet nodig is",
        "en": "Correct the field name, or delete the field if it is not needed",
    },
    "step_enum": {
        "nl": "Typ een van de toegestane waarden, precies zo geschreven",
        "en": "Type one of the allowed values, spelt exactly so",
    },
    "step_wrong_type": {
        "nl": "Verander de waarde in {expected}",
        "en": "Change the value to {expected}",
    },
    "step_bad_pattern": {
        "nl": "Verbeter de waarde naar die vorm",
        "en": "Correct the value to that form",
    },
    "step_too_small": {
        "nl": "Maak het {limit} of meer",
        "en": "Make it {limit} or more",
    },
    "step_too_short": {
        "nl": "Vul minstens één waarde in",
        "en": "Fill in at least one value",
    },
    "step_too_long": {
        "nl": "Maak de waarde korter",
        "en": "Shorten the value",
    },
    "step_special_subtype_required": {
        "nl": "Voeg 'special_subtype:' toe met een van deze waarden",
        "en": "Add 'special_subtype:' with one of these values",
    },
    "step_special_subtype_forbidden": {
        "nl": "Verwijder 'special_subtype', of zet 'type: special' als het bijzondere persoonsgegevens zijn",
        "en": "Delete 'special_subtype', or set 'type: special' if the data are special categories",
    },
    "step_age_band_required": {
        "nl": "Voeg 'age_band:' toe met een van deze waarden",
        "en": "Add 'age_band:' with one of these values",
    },
    "step_valid_until_before_from": {
        "nl": "Verbeter een van de twee datums (JJJJ-MM-DD)",
        "en": "Correct one of the two dates (YYYY-MM-DD)",
    },
    "step_retention_target": {
        "nl": "Houd 'category' of 'purpose' in deze bewaartermijn en maak voor de andere een tweede bewaartermijn",
        "en": "Keep either 'category' or 'purpose' in this rule, and make a second rule for the other",
    },
    "step_invalid_value": {
        "nl": "Verbeter de waarde; docs/register-format.md laat per veld zien wat erin mag",
        "en": "Correct the value; docs/register-format.md shows what each field takes",
    },
    "step_csv_missing_column": {
        "nl": "Zet de kolom in de eerste regel; staan de namen er wel, controleer dan dat het hele bestand één scheidingsteken gebruikt (gelezen met {delimiter})",
        "en": "Add the column to the first line; if the names are there, check that the whole file uses one separator (read with {delimiter})",
    },
    "step_csv_unknown": {
        "nl": "Geef het bestand een van deze namen als het bij het register hoort, of haal het uit de map",
        "en": "Rename the file to one of these names if it belongs to the register, or move it out of the folder",
    },
    "step_duplicate_risk_id": {
        "nl": "Geef een van de twee risico's een nieuwe id",
        "en": "Give one of the two risks a new id",
    },
    "step_duplicate_id": {
        "nl": "Geef een van de twee een nieuwe id en pas de verwijzingen aan die die bedoelen",
        "en": "Give one of the two a new id, and change the references that mean it",
    },
    "step_dangling_ref": {
        "nl": "Verbeter de id, of voeg een item met deze id toe aan {allowed}",
        "en": "Correct the id, or add an entry with this id to {allowed}",
    },
    "step_problems_capped": {
        "nl": "Verhelp de getoonde en valideer opnieuw om de rest te zien",
        "en": "Fix the ones shown and validate again to see the rest",
    },
    "step_unknown_entity": {
        "nl": "Controleer de id; de notebooks tonen alle ids in de inventaris",
        "en": "Check the id; the notebooks show every id in the inventory",
    },
    "step_import_too_large": {
        "nl": "Splits de werkmap of haal bladen en rijen weg die niet bij het register horen",
        "en": "Split the workbook, or remove sheets and rows that are not part of the register",
    },
    "step_import_not_xlsx": {
        "nl": "Open het bestand in Excel en sla het op als 'Excel-werkmap (*.xlsx)'",
        "en": "Open the file in Excel and save it as 'Excel Workbook (*.xlsx)'",
    },
    "step_import_no_workbook_part": {
        "nl": "Open het bestand in Excel en sla het op als 'Excel-werkmap (*.xlsx)'",
        "en": "Open the file in Excel and save it as 'Excel Workbook (*.xlsx)'",
    },
    "step_import_no_csv": {
        "nl": "Sla elk blad van de werkmap op als CSV UTF-8 met de bladnaam als bestandsnaam, of importeer de .xlsx zelf",
        "en": "Save each sheet of the workbook as CSV UTF-8 named after the sheet, or import the .xlsx itself",
    },
    "step_import_unknown_sheet": {
        "nl": "Geef het blad een van deze namen, of zet een '_' voor de naam om het over te slaan",
        "en": "Rename the sheet to one of these names, or put a '_' before its name to skip it",
    },
    "step_import_duplicate_sheet": {
        "nl": "Voeg de twee bladen samen of verwijder er een",
        "en": "Merge the two sheets or delete one",
    },
    "step_import_unknown_column": {
        "nl": "Verbeter de kolomnaam in rij 1, of verwijder de kolom",
        "en": "Correct the column name in row 1, or delete the column",
    },
    "step_import_duplicate_column": {
        "nl": "Verwijder een van de twee kolommen of geef hem de juiste naam",
        "en": "Delete one of the two columns, or give it its right name",
    },
    "step_import_controller_rows": {
        "nl": "Houd één rij met het bevoegd gezag en verwijder de andere",
        "en": "Keep one row with the school board and delete the others",
    },
    "step_import_orphan_row": {
        "nl": "Verbeter de id in deze rij, of voeg het item toe aan blad '{parent}'",
        "en": "Correct the id in this row, or add the entry to sheet '{parent}'",
    },
    "step_import_too_many_sheets": {
        "nl": "Verwijder bladen die niet bij het register horen",
        "en": "Delete sheets that are not part of the register",
    },
    "step_import_too_many_rows": {
        "nl": "Verwijder lege rijen en rijen die niet bij het register horen (Ctrl+End toont de laatste rij die Excel meetelt)",
        "en": "Delete empty rows and rows that are not part of the register (Ctrl+End shows the last row Excel counts)",
    },
    "step_import_too_many_entries": {
        "nl": "Zet grote tabellen in CSV naast de YAML (flows.csv, ...) in plaats van in de werkmap",
        "en": "Keep large tables in CSV beside the YAML (flows.csv, ...) instead of in the workbook",
    },
    "step_import_too_many_cells": {
        "nl": "Verwijder lege kolommen en rijen aan het eind van de bladen",
        "en": "Delete empty columns and rows at the end of the sheets",
    },
    "step_import_cell_too_long": {
        "nl": "Maak de tekst korter, of bewaar hem in een document en verwijs ernaar",
        "en": "Shorten the text, or keep it in a document and refer to it",
    },
    "step_import_yaml_too_large": {
        "nl": "Zet de grootste tabellen in CSV naast de YAML (flows.csv, ...)",
        "en": "Keep the largest tables in CSV beside the YAML (flows.csv, ...)",
    },
    "step_import_yaml_total_too_large": {
        "nl": "Zet de grootste tabellen in CSV naast de YAML (flows.csv, ...)",
        "en": "Keep the largest tables in CSV beside the YAML (flows.csv, ...)",
    },
    "step_import_csv_field_too_long": {
        "nl": "Sluit het aanhalingsteken of haal het weg, en sla het bestand opnieuw op als CSV UTF-8",
        "en": "Close the quote or remove it, and save the file again as CSV UTF-8",
    },
    "step_import_no_header": {
        "nl": "Geef de kolom een naam in rij 1, of maak de cel leeg",
        "en": "Give the column a name in row 1, or empty the cell",
    },
    "step_import_sheet_missing": {
        "nl": "Voeg een blad '{sheet}' toe met het bevoegd gezag in rij 2 (een export van 'dpia export-register' laat zien hoe)",
        "en": "Add a sheet '{sheet}' with the school board in row 2 (an export by 'dpia export-register' shows how)",
    },
    "step_import_xml_dtd": {
        "nl": "Sla de werkmap in Excel opnieuw op (Excel schrijft zo'n declaratie niet), of vraag de afzender om een nieuwe",
        "en": "Save the workbook again in Excel (which writes no such declaration), or ask the sender for a new one",
    },
    "step_level_not_on_scale": {
        "nl": "Gebruik een niveau van de schaal die bij 'scale:' van deze DPIA staat",
        "en": "Use a level of the scale named under 'scale:' in this DPIA",
    },
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
