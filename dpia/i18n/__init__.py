"""The message catalogue: every user-facing sentence, in Dutch and English.

Dutch is the default language (the MR reads Dutch); ``DPIA_LANG=en`` or ``--lang en`` switches.
Code never builds user-facing sentences itself: it names a message key and its parameters.

A validation message that states what is wrong is followed by what to do: ``step_<key>`` holds that
second sentence for problem key ``<key>`` (``dpia.io.problems.Problem.message`` adds it; tests/test_messages.py
checks that every problem key has one, or says the step itself).
"""

from __future__ import annotations

import os
from typing import Any

LANGS = ("nl", "en")

MESSAGES: dict[str, dict[str, Any]] = {  # text, or plural forms {'one': ..., 'other': ...}
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
    # Dutch readers get a translation. See dpia.io.store.YAML_PHRASES.
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
    "bad_datetime": {
        "nl": "{path}: '{value}' is geen datum met tijd en tijdzone; schrijf bijvoorbeeld 2026-11-20T09:15:00+01:00 "
        "(+01:00 in de winter, +02:00 in de zomer)",
        "en": "{path}: '{value}' is not a date with a time and time zone; write for example 2026-11-20T09:15:00+01:00 "
        "(+01:00 in winter, +02:00 in summer in the Netherlands)",
    },
    "notifydecision_notify": {"nl": "melden", "en": "notify"},
    "notifydecision_not_notify": {"nl": "niet melden", "en": "not notify"},
    "promisekind_no_flow_without_consent": {"nl": "geen gegevens zonder toestemming", "en": "no data without consent"},
    "promisekind_under_agreement": {"nl": "alleen met een verwerkersovereenkomst", "en": "only under a processing agreement"},
    "promisekind_only_roles_read": {"nl": "alleen bepaalde rollen zien bepaalde gegevens", "en": "only some roles see some data"},
    "promisekind_no_publication_without_consent": {"nl": "niets openbaar zonder toestemming", "en": "nothing public without consent"},
    "promisekind_policy_adopted_after_mr": {"nl": "beleid na overleg met de MR", "en": "policy after consulting the MR"},
    "promisekind_deleted_after_leaving": {"nl": "verwijderd na vertrek", "en": "deleted after leaving"},
    "promisekind_only_needed_data": {"nl": "alleen gegevens die nodig zijn", "en": "only the data needed"},
    "promisekind_manual": {"nl": "met de hand gecontroleerd", "en": "checked by hand"},
    "mrright_advice": {"nl": "advies", "en": "advice"},
    "mrright_consent": {"nl": "instemming", "en": "consent"},
    "promise_why_no_policy": {"nl": "het register legt geen privacybeleid vast", "en": "the register records no privacy policy"},
    "promise_why_no_mr": {"nl": "het register legt niet vast wanneer de MR is geraadpleegd",
                          "en": "the register does not record when the MR was consulted"},
    "promise_why_mr_after": {"nl": "de MR is pas na de vaststelling geraadpleegd", "en": "the MR was consulted only after the adoption"},
    "promise_needs_to": {
        "nl": "{path}: deze belofte gaat over gegevens naar anderen; noem de organisaties (to: [...]) of de soorten "
        "organisaties (roles: [...])",
        "en": "{path}: this promise is about data going to others; name the organisations (to: [...]) or the kinds "
        "of organisations (roles: [...])",
    },
    "promise_needs_categories": {
        "nl": "{path}: noem de gegevens waar deze belofte over gaat (categories: [...])",
        "en": "{path}: name the data this promise is about (categories: [...])",
    },
    "promise_needs_max": {
        "nl": "{path}: noem de langste bewaartermijn die de belofte toestaat (max: bijvoorbeeld P2Y)",
        "en": "{path}: name the longest retention period the promise allows (max: for example P2Y)",
    },
    "breach_discovered_in_future": {
        "nl": "{path}: de ontdekking (discovered_at) ligt in de toekomst; vul het moment in waarop het lek ontdekt is",
        "en": "{path}: the discovery (discovered_at) lies in the future; fill in when the breach was discovered",
    },
    "breach_before_discovery": {
        "nl": "{path}: een besluit, melding of afsluiting ligt vóór de ontdekking (discovered_at); controleer de "
        "tijden en tijdzones",
        "en": "{path}: a decision, notification or closing lies before the discovery (discovered_at); check the "
        "times and time zones",
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
    # ---- CSV files beside the YAML (dpia.io.bulk)
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
    # ---- the browser (chromium) and writing output: ordinary causes, each with what to do
    "browser_missing_not_root": {
        "nl": "chromium ontbreekt (nodig voor de PDF van het rapport en de browsertests); installeer het met: {command}",
        "en": "chromium is missing (needed for the report's PDF and the browser tests); install it with: {command}",
    },
    "browser_missing_no_apt": {
        "nl": "chromium ontbreekt en apt-get is er niet; installeer chromium met de pakketbeheerder van dit systeem en "
        "start dan opnieuw",
        "en": "chromium is missing and there is no apt-get; install chromium with this system's package manager, "
        "then start again",
    },
    "browser_installing": {
        "nl": "chromium ontbreekt; Debians pakket wordt eenmalig geïnstalleerd (apt-get update && apt-get install -y "
        "chromium, een paar minuten) ...",
        "en": "chromium is missing; installing Debian's package once (apt-get update && apt-get install -y chromium, "
        "a few minutes) ...",
    },
    "browser_installed": {
        "nl": "chromium geïnstalleerd: {path}",
        "en": "chromium installed: {path}",
    },
    "browser_install_failed": {
        "nl": "chromium kon niet geïnstalleerd worden: '{command}' mislukte ({reason}). De laatste regels:\n{log}\n"
        "Los dit op en start opnieuw, of installeer chromium zelf",
        "en": "chromium could not be installed: '{command}' failed ({reason}). Its last lines:\n{log}\n"
        "Fix this and start again, or install chromium yourself",
    },
    "browser_installed_not_found": {
        "nl": "chromium is geïnstalleerd maar staat niet in PATH; voeg /usr/bin toe aan PATH en start opnieuw",
        "en": "chromium was installed but is not on PATH; add /usr/bin to PATH and start again",
    },
    "browser_timeout": {
        "nl": "geen antwoord binnen {seconds} seconden",
        "en": "no answer within {seconds} seconds",
    },
    "pdf_not_written": {
        "nl": "{html} is geschreven, maar de PDF {pdf} niet: {reason}. Installeer chromium (sudo apt-get install -y "
        "chromium) en start opnieuw, of laat --pdf weg; de HTML kunt u ook in een browser openen en afdrukken",
        "en": "{html} was written, but the PDF {pdf} was not: {reason}. Install chromium (sudo apt-get install -y "
        "chromium) and start again, or leave out --pdf; you can also open the HTML in a browser and print it",
    },
    "pdf_no_chromium": {
        "nl": "chromium is niet gevonden (het programma dat de PDF maakt)",
        "en": "chromium was not found (the program that makes the PDF)",
    },
    "pdf_chromium_failed": {
        "nl": "chromium stopte met een fout (code {code}): {detail}",
        "en": "chromium stopped with an error (code {code}): {detail}",
    },
    "pdf_chromium_timeout": {
        "nl": "chromium maakte de PDF niet binnen {seconds} seconden",
        "en": "chromium did not make the PDF within {seconds} seconds",
    },
    "pdf_chromium_empty": {
        "nl": "chromium schreef een leeg bestand",
        "en": "chromium wrote an empty file",
    },
    "pdf_chromium_unusable": {
        "nl": "chromium ({path}) kon niet gestart worden: {detail}",
        "en": "chromium ({path}) could not be started: {detail}",
    },
    "output_disk_full": {
        "nl": "{path} kon niet geschreven worden: de schijf is vol. Er is niets half geschreven. Maak ruimte vrij of "
        "kies met -o een andere schijf, en start opnieuw",
        "en": "{path} could not be written: the disk is full. Nothing was half written. Free some space or choose "
        "another disk with -o, and start again",
    },
    "output_read_only": {
        "nl": "{path} kon niet geschreven worden: u mag niet schrijven in {folder} ({reason}). Kies met -o een map "
        "waarin u wel mag schrijven, bijvoorbeeld in uw eigen map",
        "en": "{path} could not be written: you may not write in {folder} ({reason}). Choose a folder you may "
        "write in with -o, for example in your home folder",
    },
    "output_is_folder": {
        "nl": "{path} is een map, geen bestand. Zet achter -o een bestandsnaam, bijvoorbeeld {example}",
        "en": "{path} is a folder, not a file. Put a file name after -o, for example {example}",
    },
    "output_parent_not_folder": {
        "nl": "{path} kon niet geschreven worden: een deel van het pad is een bestand, geen map. Kies met -o een "
        "pad in een bestaande map",
        "en": "{path} could not be written: part of the path is a file, not a folder. Choose a path in an "
        "existing folder with -o",
    },
    "output_os_error": {
        "nl": "{path} kon niet geschreven of gelezen worden: {reason}. Er is niets half geschreven; kies met -o een "
        "andere plek of los de oorzaak op en start opnieuw",
        "en": "{path} could not be written or read: {reason}. Nothing was half written; choose another place with -o "
        "or fix the cause and start again",
    },
    "widget_school": {"nl": "School", "en": "School"},
    "widget_subject": {"nl": "Betrokkenen", "en": "Data subjects"},
    "widget_breach": {"nl": "Datalek", "en": "Breach"},
    "widget_place": {"nl": "Plaats", "en": "Place"},
    "widget_no_breach": {"nl": "(een plaats kiezen)", "en": "(choose a place)"},
    "widget_col_finding": {"nl": "Bevinding", "en": "Finding"},
    "widget_col_severity": {"nl": "Ernst", "en": "Severity"},
    "widget_col_message": {"nl": "Wat er is", "en": "What it is"},
    # ---- the MR report: promises, breaches, changes
    "report_h_promises": {"nl": "Wat de school belooft", "en": "What the school promises"},
    "report_h_breaches": {"nl": "Datalekken", "en": "Data breaches"},
    "report_h_changes": {"nl": "Wat is er veranderd sinds {date}", "en": "What has changed since {date}"},
    "report_no_promises": {"nl": "Het register legt geen beloften aan ouders en leerlingen vast.", "en": "The register records no promises to parents and pupils."},
    "report_promises_intro": {"nl": {"one": "De school doet ouders en leerlingen {count} belofte. Volgens het register klopt er nu {kept}.", "other": "De school doet ouders en leerlingen {count} beloften. Volgens het register kloppen er nu {kept}."}, "en": {"one": "The school makes parents and pupils {count} promise. By the register, {kept} holds now.", "other": "The school makes parents and pupils {count} promises. By the register, {kept} hold now."}},
    "report_promise_col": {"nl": "Belofte", "en": "Promise"},
    "report_promise_state": {"nl": "Klopt het?", "en": "Is it true?"},
    "report_promise_kept": {"nl": "ja", "en": "yes"},
    "report_promise_broken": {"nl": "nee, nu niet", "en": "no, not at the moment"},
    "report_no_breaches": {"nl": "Het register van datalekken is leeg.", "en": "The breach register is empty."},
    "report_breaches_intro": {"nl": {"one": "Het register van datalekken bevat {count} datalek.", "other": "Het register van datalekken bevat {count} datalekken."}, "en": {"one": "The breach register holds {count} breach.", "other": "The breach register holds {count} breaches."}},
    "report_breach_year": {"nl": "Jaar", "en": "Year"},
    "report_breach_count": {"nl": "Datalekken", "en": "Breaches"},
    "report_breach_notified": {"nl": "Gemeld bij de AP", "en": "Notified to the AP"},
    "report_breach_informed": {"nl": "Betrokkenen geïnformeerd", "en": "People informed"},
    "report_breach_undecided": {"nl": "nog geen besluit over melden", "en": "no decision on notifying yet"},
    "report_breach_was_notified": {"nl": "gemeld bij de Autoriteit Persoonsgegevens", "en": "notified to the Autoriteit Persoonsgegevens"},
    "report_breach_not_notified": {"nl": "niet gemeld, met een reden", "en": "not notified, with a reason"},
    "report_breach_no_measures": {"nl": "nog geen maatregelen vastgelegd", "en": "no measures recorded yet"},
    "report_breach_closed": {"nl": "afgehandeld", "en": "closed"},
    "report_breach_open": {"nl": "nog open", "en": "still open"},
    "report_breach_line": {"nl": "Ontdekt op {date}. Wat er gebeurde: {nature}. Besluit: {decision}. Stand: {state}.", "en": "Discovered on {date}. What happened: {nature}. Decision: {decision}. State: {state}."},
    "report_breach_done": {"nl": "Wat er is gedaan:", "en": "What was done:"},
    # ---- the letter to parents and the privacy statement (dpia letter, dpia privacy-statement)
    "letter_refused": {"nl": "De brief is niet gemaakt: {count} belofte(n) klopt of kloppen nu niet: {texts}. Los dit op in het register, of maak een concept met --draft.", "en": "The letter was not written: {count} promise(s) do not hold: {texts}. Fix the register, or write a draft with --draft."},
    "letter_and_more": {"nl": " en nog {count} andere", "en": " and {count} others"},
    "letter_title": {"nl": "Privacy bij {school}: wat wij met uw gegevens doen", "en": "Privacy at {school}: what we do with your data"},
    "letter_greeting": {"nl": "Beste leerling, beste ouder,", "en": "Dear pupil, dear parent,"},
    "letter_intro": {"nl": "{school} wil goed onderwijs en goede begeleiding geven. Daarvoor hebben wij gegevens nodig van leerlingen en ouders.", "en": "{school} wants to give good teaching and good guidance. For that we need data about pupils and parents."},
    "letter_intro_2": {"nl": "In deze brief leest u welke gegevens dat zijn. U leest ook wat wij ermee doen. En wat u zelf kunt doen.", "en": "In this letter you can read which data that is. You can also read what we do with it. And what you can do yourself."},
    "letter_h_data": {"nl": "Welke gegevens wij vastleggen", "en": "Which data we record"},
    "letter_collected": {"nl": "Bij de aanmelding vragen wij: {items}.", "en": "At registration we ask for: {items}."},
    "letter_during": {"nl": "Tijdens de schooltijd leggen wij ook vast: {items}.", "en": "During the school years we also record: {items}."},
    "letter_care": {"nl": "Krijgt een leerling extra ondersteuning? Dan leggen wij ook dit vast: {items}. Daar zijn wij extra zorgvuldig mee.", "en": "Does a pupil get extra support? Then we also record this: {items}. We are extra careful with it."},
    "letter_purposes": {"nl": "Wij gebruiken de gegevens voor deze doelen: {items}.", "en": "We use the data for these purposes: {items}."},
    "letter_h_where": {"nl": "Waar de gegevens staan", "en": "Where the data is kept"},
    "letter_systems": {"nl": "De meeste gegevens staan in {systems}. Dat is het systeem van de school voor de leerlingadministratie.", "en": "Most data is kept in {systems}. That is the school's system for the pupil records."},
    "letter_shielded": {"nl": "Die gegevens zijn afgeschermd. Alleen wie ze nodig heeft voor zijn werk, kan erbij.", "en": "That data is protected. Only people who need it for their work can see it."},
    "letter_h_others": {"nl": "Wie de gegevens nog meer krijgt", "en": "Who else receives the data"},
    "letter_others_intro": {"nl": "Soms hebben andere organisaties gegevens nodig. Wij geven alleen wat nodig is.", "en": "Sometimes other organisations need data. We only give what is needed."},
    "letter_processors": {"nl": "Bedrijven die voor ons werken, zoals {names}. Zij mogen de gegevens alleen voor de school gebruiken.", "en": "Companies that work for us, such as {names}. They may use the data only for the school."},
    "letter_authorities": {"nl": "Instanties met een eigen taak in de wet, zoals {names}. De wet zegt wat zij krijgen.", "en": "Bodies with a task of their own under the law, such as {names}. The law says what they receive."},
    "letter_recipients": {"nl": "Anderen, zoals {names}. Zij krijgen alleen wat zij nodig hebben, bijvoorbeeld voor een uitje.", "en": "Others, such as {names}. They only get what they need, for example for a trip."},
    "letter_outside_eea": {"nl": "Een klein deel van de gegevens kan buiten Europa komen, bij {names}. Daarvoor gelden extra afspraken.", "en": "A small part of the data may leave Europe, to {names}. Extra safeguards apply to that."},
    "letter_h_photos": {"nl": "Foto's en video's", "en": "Photos and videos"},
    "letter_public": {"nl": "Op de website van de school staan soms foto's of video's.", "en": "The school's website sometimes shows photos or videos."},
    "letter_consent": {"nl": "Voor sommige dingen vragen wij eerst toestemming: {items}.", "en": "For some things we ask for consent first: {items}."},
    "letter_consent_age": {"nl": "Is de leerling jonger dan 16? Dan geeft de ouder toestemming. Vanaf 16 beslist de leerling zelf.", "en": "Is the pupil younger than 16? Then a parent gives consent. From 16 the pupil decides."},
    "letter_withdraw": {"nl": "U mag uw toestemming altijd weer intrekken. Niets zeggen is geen toestemming.", "en": "You may always take your consent back. Saying nothing is not consent."},
    "letter_h_access": {"nl": "Wie in de school wat ziet", "en": "Who in the school sees what"},
    "letter_access": {"nl": "Niet iedereen in de school ziet alles. Iedere medewerker ziet alleen wat hij nodig heeft.", "en": "Not everyone in the school sees everything. Every member of staff sees only what they need."},
    "letter_h_retention": {"nl": "Hoe lang wij gegevens bewaren", "en": "How long we keep data"},
    "letter_retention_intro": {"nl": "Wij bewaren gegevens niet langer dan nodig. Of zo lang als de wet zegt. Een paar voorbeelden:", "en": "We keep data no longer than needed. Or as long as the law says. A few examples:"},
    "letter_h_rights": {"nl": "Uw rechten", "en": "Your rights"},
    "letter_rights": {"nl": "U mag de gegevens inzien die wij van u of uw kind hebben. Vraag het ons, dan laten wij ze zien.", "en": "You may see the data we hold about you or your child. Ask us, and we will show it."},
    "letter_rights_2": {"nl": "Klopt er iets niet? Dan mag u vragen het te verbeteren. U mag ook vragen gegevens te wissen. En u mag bezwaar maken.", "en": "Is something wrong? Then you may ask us to correct it. You may also ask us to delete data. And you may object."},
    "letter_rights_age": {"nl": "Is uw kind jonger dan 16? Dan doet u dit als ouder. Vanaf 16 doet de leerling dit zelf.", "en": "Is your child younger than 16? Then you do this as a parent. From 16 the pupil does it."},
    "letter_rights_time": {"nl": "Wij antwoorden binnen een maand.", "en": "We answer within one month."},
    "letter_h_open": {"nl": "Hoe wij dit regelen", "en": "How we arrange this"},
    "letter_h_contact": {"nl": "Vragen of een klacht", "en": "Questions or a complaint"},
    "letter_contact": {"nl": "Heeft u een vraag over privacy? Mail dan de functionaris gegevensbescherming: {address}.", "en": "Do you have a question about privacy? Then e-mail the data protection officer: {address}."},
    "letter_contact_school": {"nl": "Heeft u een vraag over privacy? Neem dan contact op met de school.", "en": "Do you have a question about privacy? Then contact the school."},
    "letter_complaint": {"nl": "Bent u het niet met ons eens? Dan kunt u een klacht indienen bij de Autoriteit Persoonsgegevens.", "en": "Do you not agree with us? Then you can complain to the Autoriteit Persoonsgegevens, the Dutch data protection authority."},
    "letter_closing": {"nl": "Privacy is belangrijk. Wij doen ons best om zorgvuldig te zijn.", "en": "Privacy matters. We do our best to be careful."},
    "letter_signature": {"nl": "Met vriendelijke groet, {board}", "en": "Kind regards, {board}"},
    "letter_not_true": {"nl": "Klopt nu niet:", "en": "Not true at the moment:"},
    "letter_draft": {"nl": "CONCEPT: {count} belofte(n) in deze brief klopt of kloppen nu niet. Verstuur de brief zo niet.", "en": "DRAFT: {count} promise(s) in this letter do not hold. Do not send the letter like this."},
    "statement_title": {"nl": "Privacyverklaring van {board}", "en": "Privacy statement of {board}"},
    "statement_controller": {"nl": "{board} is verwerkingsverantwoordelijke voor de persoonsgegevens van leerlingen en ouders (AVG art. 13 lid 1 onder a).", "en": "{board} is the controller of the personal data of pupils and parents (GDPR Art. 13(1)(a))."},
    "statement_dpo": {"nl": "De functionaris gegevensbescherming is bereikbaar via {address} (AVG art. 13 lid 1 onder b).", "en": "The data protection officer can be reached at {address} (GDPR Art. 13(1)(b))."},
    "statement_no_dpo": {"nl": "Het register noemt geen adres van de functionaris gegevensbescherming (AVG art. 13 lid 1 onder b): vul dit aan.", "en": "The register gives no address of the data protection officer (GDPR Art. 13(1)(b)): add it."},
    "statement_h_purposes": {"nl": "Doelen, grondslagen en gegevens (AVG art. 13 lid 1 onder c)", "en": "Purposes, legal bases and data (GDPR Art. 13(1)(c))"},
    "statement_col_purpose": {"nl": "Doel", "en": "Purpose"},
    "statement_col_basis": {"nl": "Grondslag", "en": "Legal basis"},
    "statement_col_data": {"nl": "Gegevens", "en": "Data"},
    "statement_h_recipients": {"nl": "Ontvangers (AVG art. 13 lid 1 onder e en f)", "en": "Recipients (GDPR Art. 13(1)(e) and (f))"},
    "statement_transfer": {"nl": "; buiten de EER ({country}), waarborg: {mechanism}", "en": "; outside the EEA ({country}), safeguard: {mechanism}"},
    "statement_h_retention": {"nl": "Bewaartermijnen (AVG art. 13 lid 2 onder a)", "en": "Retention periods (GDPR Art. 13(2)(a))"},
    "statement_h_sources": {"nl": "Gegevens die wij van anderen krijgen (AVG art. 14 lid 2 onder f)", "en": "Data we receive from others (GDPR Art. 14(2)(f))"},
    "statement_h_rights": {"nl": "Rechten (AVG art. 13 lid 2 onder b tot en met d)", "en": "Rights (GDPR Art. 13(2)(b) to (d))"},
    "statement_rights": {"nl": "U heeft recht op inzage, rectificatie, wissing, beperking en overdraagbaarheid van uw gegevens, en u kunt bezwaar maken.", "en": "You have the right of access, rectification, erasure, restriction and portability of your data, and you may object."},
    "statement_withdraw": {"nl": "Waar de grondslag toestemming is, mag u die op elk moment intrekken; wat eerder gebeurde, blijft rechtmatig.", "en": "Where the basis is consent, you may withdraw it at any time; what happened before stays lawful."},
    "statement_complaint": {"nl": "U kunt een klacht indienen bij de Autoriteit Persoonsgegevens.", "en": "You may lodge a complaint with the Autoriteit Persoonsgegevens."},
    "statement_no_automated": {"nl": "Het register legt geen geautomatiseerde besluiten of profilering met rechtsgevolgen vast (AVG art. 13 lid 2 onder f).", "en": "The register records no automated decisions or profiling with legal effects (GDPR Art. 13(2)(f))."},
    # ---- access requests (dpia access-request)
    "access_unknown_subject": {"nl": "'{value}' is geen groep betrokkenen in het register; kies uit: {allowed}{hint}", "en": "'{value}' is not a group of data subjects in the register; choose from: {allowed}{hint}"},
    "access_unknown_school": {"nl": "'{value}' is geen school van het register; kies uit: {allowed}", "en": "'{value}' is not a school of the register; choose from: {allowed}"},
    "access_heading": {"nl": "Inzageverzoek (AVG art. 15) van: {subject}; {school}", "en": "Access request (GDPR Art. 15) by: {subject}; {school}"},
    "access_all_schools": {"nl": "alle scholen", "en": "all schools"},
    "access_due": {"nl": "Ontvangen op {received}: antwoorden uiterlijk {due} (met verlenging, mits gemeld en uitgelegd: {extended}; AVG art. 12 lid 3)", "en": "Received on {received}: answer by {due} (with an extension, if announced and explained: {extended}; GDPR Art. 12(3))"},
    "access_h_purposes": {"nl": "Doelen, grondslag en gegevens (art. 15 lid 1 onder a en b):", "en": "Purposes, legal basis and data (Art. 15(1)(a) and (b)):"},
    "access_no_basis": {"nl": "geen grondslag vastgelegd", "en": "no legal basis recorded"},
    "access_h_recipients": {"nl": "Ontvangers, ook verwerkers en subverwerkers (art. 15 lid 1 onder c, lid 2):", "en": "Recipients, processors and sub-processors included (Art. 15(1)(c), (2)):"},
    "access_via": {"nl": ", via {via}", "en": ", through {via}"},
    "access_outside_eea": {"nl": "; buiten de EER ({country}), waarborg: {mechanism}", "en": "; outside the EEA ({country}), safeguard: {mechanism}"},
    "access_h_retention": {"nl": "Bewaartermijnen (art. 15 lid 1 onder d):", "en": "Retention periods (Art. 15(1)(d)):"},
    "access_no_safeguard": {"nl": "geen waarborg vastgelegd", "en": "no safeguard recorded"},
    "access_no_retention": {"nl": "geen bewaartermijn vastgelegd", "en": "no retention period recorded"},
    "access_h_sources": {"nl": "Herkomst van gegevens die niet van de persoon zelf komen (art. 15 lid 1 onder g):", "en": "Where data comes from when not from the person (Art. 15(1)(g)):"},
    "access_rights": {"nl": "Vermeld ook: het recht op rectificatie, wissing, beperking en bezwaar (art. 15 lid 1 onder e) en het recht een klacht in te dienen bij de Autoriteit Persoonsgegevens (onder f). Onder 16 oefent de ouder deze rechten uit, vanaf 16 de leerling zelf. Voeg de eigen gegevens van de persoon toe (art. 15 lid 3).", "en": "Also state: the right to rectification, erasure, restriction and objection (Art. 15(1)(e)) and the right to lodge a complaint with the Autoriteit Persoonsgegevens (f). Under 16 a parent exercises these rights, from 16 the pupil. Add the person's own records (Art. 15(3))."},
    # ---- data breaches (dpia breach)
    "breach_unknown_place": {
        "nl": "'{place}' is geen organisatie, systeem, gegevensstroom, school of bestuur in het register; geef "
        "achter --at een id uit parties, systems, flows of de scholen{hint}",
        "en": "'{place}' is not an organisation, system, data flow, school or the board in the register; give "
        "an id from parties, systems, flows or the schools after --at{hint}",
    },
    "breach_unknown_breach": {
        "nl": "'{value}' is geen datalek in het register; kies uit: {allowed}",
        "en": "'{value}' is not a breach in the register; choose from: {allowed}",
    },
    "breach_level_low": {"nl": "laag", "en": "low"},
    "breach_level_medium": {"nl": "middelhoog", "en": "medium"},
    "breach_level_high": {"nl": "hoog", "en": "high"},
    "breach_level_very_high": {"nl": "zeer hoog", "en": "very high"},
    "breach_at": {"nl": "Plaats van het lek: {place} ({id}); {flows} gegevensstromen komen daar of vertrekken daar",
                  "en": "Where the breach happened: {place} ({id}); {flows} data flows arrive or leave there"},
    "breach_categories": {"nl": "Gegevens die daar zijn: {names}", "en": "Data that is there: {names}"},
    "breach_subjects": {"nl": "Van wie: {names}", "en": "About whom: {names}"},
    "breach_schools": {"nl": "Scholen: {names} (leerlingen: {pupils}, medewerkers: {staff})",
                       "en": "Schools: {names} (pupils: {pupils}, staff: {staff})"},
    "breach_has_special": {"nl": "Bijzondere persoonsgegevens (AVG art. 9): {names}", "en": "Special categories (GDPR Art. 9): {names}"},
    "breach_has_criminal": {"nl": "Strafrechtelijke gegevens (AVG art. 10): {names}", "en": "Criminal data (GDPR Art. 10): {names}"},
    "breach_has_bsn": {"nl": "Het BSN (UAVG art. 46): {names}", "en": "The BSN (UAVG art. 46): {names}"},
    "breach_has_children": {"nl": "Er zijn gegevens van kinderen onder 16 bij", "en": "Data of children under 16 is involved"},
    "breach_deadline": {"nl": "Ontdekt op {discovered}; melden bij de AP uiterlijk {deadline} ({zone}, 72 uur)",
                        "en": "Discovered on {discovered}; notify the AP by {deadline} ({zone}, 72 hours)"},
    "breach_time_left": {"nl": "Nog {duration} tot de termijn verloopt", "en": "{duration} left until the deadline"},
    "breach_time_passed": {"nl": "De termijn is {duration} geleden verlopen", "en": "The deadline passed {duration} ago"},
    "breach_suggestion": {
        "nl": "Voorstel (adviserend): risico {level} (ernst {severity}); melden bij de AP: {ap}; betrokkenen informeren: {subjects}",
        "en": "Suggestion (advisory): {level} risk (severity {severity}); notify the AP: {ap}; inform the data subjects: {subjects}",
    },
    "breach_yes": {"nl": "ja", "en": "yes"},
    "breach_no": {"nl": "nee", "en": "no"},
    "breach_decision_ap_none": {"nl": "Besluit over melden bij de AP: nog niet genomen", "en": "Decision on notifying the AP: not yet taken"},
    "breach_decision_ap_notify": {"nl": "Besluit ({when}): melden bij de AP", "en": "Decision ({when}): notify the AP"},
    "breach_decision_ap_not_notify": {"nl": "Besluit ({when}): niet melden bij de AP, omdat: {reason}",
                                      "en": "Decision ({when}): not notify the AP, because: {reason}"},
    "breach_decision_subjects_none": {"nl": "Besluit over informeren van betrokkenen: nog niet genomen",
                                      "en": "Decision on informing the data subjects: not yet taken"},
    "breach_decision_subjects_notify": {"nl": "Besluit ({when}): betrokkenen informeren", "en": "Decision ({when}): inform the data subjects"},
    "breach_decision_subjects_not_notify": {"nl": "Besluit ({when}): betrokkenen niet informeren, omdat: {reason}",
                                            "en": "Decision ({when}): not inform the data subjects, because: {reason}"},
    "form_title": {"nl": "Concept-melding datalek: {title}", "en": "Draft breach notification: {title}"},
    "form_intro": {"nl": "Dit is een voorbereiding voor het meldformulier van de Autoriteit Persoonsgegevens, gemaakt uit het register. Controleer elk antwoord en neem het over in het formulier van de AP.", "en": "This prepares the Autoriteit Persoonsgegevens' notification form from the register. Check every answer and copy it into the AP's form."},
    "form_fill_in": {"nl": "(zelf invullen)", "en": "(fill in yourself)"},
    "form_h_organisation": {"nl": "Organisatie", "en": "Organisation"},
    "form_h_what": {"nl": "Wat is er gebeurd", "en": "What happened"},
    "form_h_when": {"nl": "Wanneer", "en": "When"},
    "form_h_data": {"nl": "Welke gegevens", "en": "Which data"},
    "form_h_people": {"nl": "Om wie gaat het", "en": "Who is affected"},
    "form_h_consequences": {"nl": "Mogelijke gevolgen", "en": "Possible consequences"},
    "form_h_measures": {"nl": "Genomen maatregelen", "en": "Measures taken"},
    "form_h_informed": {"nl": "Betrokkenen informeren", "en": "Informing the data subjects"},
    "form_h_extra": {"nl": "Overig", "en": "Other"},
    "form_org_name": {"nl": "Naam van de organisatie", "en": "Name of the organisation"},
    "form_org_kvk": {"nl": "KvK-nummer", "en": "Chamber of Commerce number"},
    "form_org_contact": {"nl": "Contactpersoon (FG)", "en": "Contact person (DPO)"},
    "form_summary": {"nl": "Samenvatting", "en": "Summary"},
    "form_nature": {"nl": "Soort lek", "en": "Kind of breach"},
    "form_nature_confidentiality": {"nl": "inzage of diefstal (vertrouwelijkheid)", "en": "seen or taken (confidentiality)"},
    "form_nature_integrity": {"nl": "gegevens veranderd (integriteit)", "en": "data changed (integrity)"},
    "form_nature_availability": {"nl": "gegevens kwijt of onbereikbaar (beschikbaarheid)", "en": "data lost or out of reach (availability)"},
    "form_where": {"nl": "Waar", "en": "Where"},
    "form_reported_by": {"nl": "Gemeld door", "en": "Reported by"},
    "form_malicious": {"nl": "Met opzet veroorzaakt", "en": "Caused on purpose"},
    "form_discovered": {"nl": "Ontdekt op", "en": "Discovered on"},
    "form_deadline": {"nl": "Uiterste meldmoment (72 uur)", "en": "Latest notification (72 hours)"},
    "form_late_reason": {"nl": "Reden van een latere melding", "en": "Reason for a later notification"},
    "form_categories": {"nl": "Soorten persoonsgegevens", "en": "Kinds of personal data"},
    "form_special": {"nl": "Bijzondere persoonsgegevens", "en": "Special categories"},
    "form_bsn": {"nl": "BSN", "en": "BSN"},
    "form_encrypted": {"nl": "Versleuteld", "en": "Encrypted"},
    "form_encrypted_yes": {"nl": "ja, met een sleutel die niet is gelekt", "en": "yes, with a key that did not leak"},
    "form_count": {"nl": "Aantal betrokkenen (ongeveer)", "en": "Number of people affected (about)"},
    "form_groups": {"nl": "Groepen betrokkenen", "en": "Groups of data subjects"},
    "form_children": {"nl": "Kinderen onder de betrokkenen", "en": "Children among them"},
    "form_assessment": {"nl": "Beoordeling (voorstel van de werkbank)", "en": "Assessment (the workbench's suggestion)"},
    "form_measures": {"nl": "Maatregelen", "en": "Measures"},
    "form_informed": {"nl": "Geïnformeerd", "en": "Informed"},
    "form_schools": {"nl": "Betrokken scholen", "en": "Schools involved"},
    "form_cross_border": {"nl": "Betrokkenen in andere EU-landen", "en": "Data subjects in other EU countries"},
    "breach_form_needs_breach": {
        "nl": "--form maakt de melding van een vastgelegd datalek; geef er --breach ID bij",
        "en": "--form prepares the notification of a recorded breach; add --breach ID",
    },
    "breach_duration": {"nl": "{days} d {hours} u", "en": "{days} d {hours} h"},
    "breach_crit_data_label": {"nl": "Soort gegevens", "en": "Kind of data"},
    "breach_crit_data": {"nl": "De gevoeligste gegevens zijn {kind}: {categories}.", "en": "The most sensitive data are {kind}: {categories}."},
    "breach_crit_identification_label": {"nl": "Herleidbaarheid", "en": "Ease of identification"},
    "breach_crit_identification": {"nl": "De gegevens noemen de persoon direct: {categories}.", "en": "The data names the person directly: {categories}."},
    "breach_crit_identification_not": {"nl": "Geen gegevens die de persoon direct noemen; alleen indirect of gepseudonimiseerd.", "en": "No data that names the person directly; only indirect or pseudonymised data."},
    "breach_crit_confidentiality_label": {"nl": "Vertrouwelijkheid", "en": "Confidentiality"},
    "breach_crit_confidentiality": {"nl": "Onbevoegden hebben de gegevens kunnen zien of meenemen.", "en": "People without authority could see or take the data."},
    "breach_crit_confidentiality_not": {"nl": "De gegevens zijn niet door onbevoegden gezien.", "en": "The data was not seen by people without authority."},
    "breach_crit_integrity_label": {"nl": "Integriteit", "en": "Integrity"},
    "breach_crit_integrity": {"nl": "Gegevens zijn zonder toestemming veranderd.", "en": "Data was changed without authority."},
    "breach_crit_integrity_not": {"nl": "Gegevens zijn niet veranderd.", "en": "Data was not changed."},
    "breach_crit_availability_label": {"nl": "Beschikbaarheid", "en": "Availability"},
    "breach_crit_availability": {"nl": "Gegevens zijn kwijt of tijdelijk niet te gebruiken.", "en": "Data is lost or temporarily out of reach."},
    "breach_crit_availability_not": {"nl": "Gegevens zijn niet kwijt.", "en": "Data is not lost."},
    "breach_crit_malicious_label": {"nl": "Opzet", "en": "Malicious intent"},
    "breach_crit_malicious": {"nl": "Het lek is met opzet veroorzaakt (diefstal, hack): de kans op misbruik is groter.", "en": "The breach was caused on purpose (theft, hacking): misuse is more likely."},
    "breach_crit_malicious_not": {"nl": "Geen aanwijzing voor opzet.", "en": "No sign of malicious intent."},
    "breach_crit_encrypted_label": {"nl": "Versleuteling", "en": "Encryption"},
    "breach_crit_encrypted": {"nl": "De gegevens waren goed versleuteld en de sleutel is niet gelekt: ze zijn onleesbaar (AVG art. 34 lid 3 onder a).", "en": "The data was properly encrypted and the key did not leak: it is unintelligible (GDPR Art. 34(3)(a))."},
    "breach_crit_encrypted_not": {"nl": "De gegevens waren niet versleuteld, of de sleutel is ook gelekt.", "en": "The data was not encrypted, or the key leaked too."},
    "breach_crit_children_label": {"nl": "Kinderen", "en": "Children"},
    "breach_crit_children": {"nl": "Er zijn gegevens van minderjarige leerlingen bij: {subjects}.", "en": "Data of minor pupils is involved: {subjects}."},
    "breach_crit_children_not": {"nl": "Er zijn geen gegevens van minderjarigen bij.", "en": "No data of minors is involved."},
    "breach_crit_volume_label": {"nl": "Aantal betrokkenen", "en": "Number affected"},
    "breach_crit_volume": {"nl": "Het gaat om ongeveer {count} personen ({limit} of meer).", "en": "About {count} people are affected ({limit} or more)."},
    "breach_crit_volume_not": {"nl": "Het gaat om ongeveer {count} personen (minder dan {limit}).", "en": "About {count} people are affected (fewer than {limit})."},
    "breach_dpc_ordinary": {"nl": "gewone gegevens", "en": "ordinary data"},
    "breach_dpc_sensitive": {"nl": "gevoelige gegevens (zoals cijfers, verzuim of gespreksverslagen)", "en": "sensitive data (such as grades, absence or conversation reports)"},
    "breach_dpc_national_id": {"nl": "het BSN", "en": "the BSN"},
    "breach_dpc_special": {"nl": "bijzondere persoonsgegevens (AVG art. 9)", "en": "special categories of data (GDPR Art. 9)"},
    "breach_dpc_criminal": {"nl": "strafrechtelijke gegevens (AVG art. 10)", "en": "criminal data (GDPR Art. 10)"},
    # ---- what changed between two versions (dpia diff)
    "diff_section_controller": {"nl": "bestuur", "en": "board"},
    "diff_section_schools": {"nl": "scholen", "en": "schools"},
    "diff_section_parties": {"nl": "organisaties", "en": "organisations"},
    "diff_section_systems": {"nl": "systemen", "en": "systems"},
    "diff_section_data_categories": {"nl": "soorten gegevens", "en": "kinds of data"},
    "diff_section_subjects": {"nl": "groepen betrokkenen", "en": "groups of data subjects"},
    "diff_section_purposes": {"nl": "doelen", "en": "purposes"},
    "diff_section_flows": {"nl": "gegevensstromen", "en": "data flows"},
    "diff_section_agreements": {"nl": "overeenkomsten", "en": "agreements"},
    "diff_section_consents": {"nl": "toestemmingsregelingen", "en": "consent arrangements"},
    "diff_section_access_roles": {"nl": "rollen met toegang", "en": "access roles"},
    "diff_section_retention": {"nl": "bewaartermijnen", "en": "retention periods"},
    "diff_section_measures": {"nl": "maatregelen", "en": "measures"},
    "diff_section_acceptances": {"nl": "geaccepteerde bevindingen", "en": "accepted findings"},
    "diff_section_dpias": {"nl": "DPIA's", "en": "DPIAs"},
    "diff_section_breaches": {"nl": "datalekken", "en": "data breaches"},
    "diff_section_promises": {"nl": "beloften aan ouders en leerlingen", "en": "promises to parents and pupils"},
    "diff_section_screening_decisions": {"nl": "besluiten over de noodzaak van een DPIA", "en": "decisions on whether a DPIA is needed"},
    "diff_no_git": {
        "nl": "git is niet gevonden; een eerdere versie (REVISIE:MAP) lezen vraagt git. Installeer git, of vergelijk "
        "twee mappen",
        "en": "git was not found; reading an earlier version (REVISION:FOLDER) needs git. Install git, or compare "
        "two folders",
    },
    "diff_git_timeout": {
        "nl": "git antwoordde niet binnen {seconds} seconden; probeer het opnieuw",
        "en": "git did not answer within {seconds} seconds; try again",
    },
    "diff_no_such_version": {
        "nl": "'{spec}' is geen map en geen versie; geef een registermap of REVISIE:MAP, bijvoorbeeld "
        "HEAD~1:data/omo-helmond of 2025-12-01:data/omo-helmond",
        "en": "'{spec}' is neither a folder nor a version; give a register folder or REVISION:FOLDER, for example "
        "HEAD~1:data/omo-helmond or 2025-12-01:data/omo-helmond",
    },
    "diff_not_a_repository": {
        "nl": "'{spec}' noemt een git-versie, maar {folder} hoort niet bij een git-repository; start de opdracht in "
        "de map van het register",
        "en": "'{spec}' names a git version, but {folder} is not in a git repository; run the command in the "
        "register's folder",
    },
    "diff_no_commit_before": {
        "nl": "'{spec}': er is geen versie van {date} of eerder; kies een latere datum (git log toont de versies)",
        "en": "'{spec}': there is no version of {date} or earlier; choose a later date (git log lists the versions)",
    },
    "diff_unknown_revision": {
        "nl": "'{spec}': git kent de revisie '{rev}' niet; gebruik een commit, een tag, HEAD~N of een datum "
        "JJJJ-MM-DD",
        "en": "'{spec}': git does not know the revision '{rev}'; use a commit, a tag, HEAD~N or a date YYYY-MM-DD",
    },
    "diff_path_outside": {
        "nl": "'{spec}': de map ligt buiten de repository {repo}",
        "en": "'{spec}': the folder lies outside the repository {repo}",
    },
    "diff_path_not_in_revision": {
        "nl": "'{spec}': de map {path} bestaat niet in versie {commit}; controleer de naam (git ls-tree {commit})",
        "en": "'{spec}': the folder {path} does not exist in version {commit}; check the name (git ls-tree {commit})",
    },
    "diff_agreement_with": {"nl": "overeenkomst met {parties}", "en": "agreement with {parties}"},
    "diff_heading": {
        "nl": "Wijzigingen van {old} ({old_on}) naar {new} ({new_on})",
        "en": "Changes from {old} ({old_on}) to {new} ({new_on})",
    },
    "diff_nothing": {"nl": "Er is niets veranderd.", "en": "Nothing has changed."},
    "diff_added": {"nl": "nieuw", "en": "added"},
    "diff_removed": {"nl": "verdwenen", "en": "removed"},
    "diff_changed": {"nl": "gewijzigd", "en": "changed"},
    "diff_agreement_renewed": {
        "nl": "verlengd: {name} ({id}), loopt nu tot {new} (was {old})",
        "en": "renewed: {name} ({id}), now runs until {new} (was {old})",
    },
    "diff_agreement_expired": {
        "nl": "verlopen in deze periode: {name} ({id}), einddatum {new}",
        "en": "expired in this period: {name} ({id}), end date {new}",
    },
    "diff_dpia_status": {
        "nl": "DPIA {name} ({id}): {old} → {new}",
        "en": "DPIA {name} ({id}): {old} → {new}",
    },
    "diff_risk": {
        "nl": "risico {title} ({id}, {dpia}): voor maatregelen {inherent}; na maatregelen {residual}",
        "en": "risk {title} ({id}, {dpia}): before measures {inherent}; after measures {residual}",
    },
    "diff_finding_new": {"nl": "nieuwe bevinding", "en": "new finding"},
    "diff_finding_resolved": {"nl": "opgelost", "en": "resolved"},
    "diff_finding_accepted": {"nl": "geaccepteerd", "en": "accepted"},
    "diff_finding_lapsed": {"nl": "acceptatie verlopen", "en": "acceptance lapsed"},
    "diff_md_heading": {"nl": "Wat is er veranderd sinds {date}", "en": "What has changed since {date}"},
    # the history widget (dpia.workbench.history): pick an earlier version of the register
    "history_version": {"nl": "Eerdere versie", "en": "Earlier version"},
    "history_typed": {"nl": "Of typ", "en": "Or type"},
    "history_typed_hint": {"nl": "een datum (2025-12-01), tag, revisie of map", "en": "a date (2025-12-01), tag, revision or folder"},
    "history_show": {"nl": "Vergelijk", "en": "Compare"},
    "history_none": {
        "nl": "Dit register heeft nog geen geschiedenis in git: er is geen eerdere versie om mee te vergelijken. Typ een map met een eerdere versie, of leg het register vast met git.",
        "en": "This register has no history in git yet: there is no earlier version to compare with. Type a folder holding an earlier version, or commit the register with git.",
    },
    "history_old_invalid": {
        "nl": "De versie {spec} laadt niet met de regels van nu (bijvoorbeeld een veld dat sindsdien verplicht is); kies een latere versie. Wat er niet klopt:",
        "en": "Version {spec} does not load under today's rules (for example a field that has become required since); pick a later version. What is wrong:",
    },
    "history_details": {"nl": "Alle wijzigingen, met ids en velden (voor de privacyfunctionaris)",
                        "en": "Every change, with ids and fields (for the privacy officer)"},
    "diff_sum_added": {"nl": "Nieuw bij {what}: {names}.", "en": "New among {what}: {names}."},
    "diff_sum_removed": {"nl": "Niet meer bij {what}: {names}.", "en": "No longer among {what}: {names}."},
    "diff_sum_changed": {"nl": "Gewijzigd bij {what}: {names}.", "en": "Changed among {what}: {names}."},
    "diff_sum_flows_added": {"nl": "Gegevensstromen die begonnen zijn: {count}.", "en": "Data flows that started: {count}."},
    "diff_sum_flows_removed": {"nl": "Gegevensstromen die gestopt zijn: {count}.", "en": "Data flows that stopped: {count}."},
    "diff_sum_flows_changed": {"nl": "Gegevensstromen die veranderd zijn: {count}.", "en": "Data flows that changed: {count}."},
    "diff_sum_agreement_renewed": {"nl": "De {name} is verlengd tot {date}.", "en": "The {name} was renewed until {date}."},
    "diff_sum_agreement_expired": {"nl": "De {name} is verlopen op {date}.", "en": "The {name} expired on {date}."},
    "diff_sum_dpia_status": {"nl": "{name}: van {old} naar {new}.", "en": "{name}: from {old} to {new}."},
    "diff_sum_risk_new": {
        "nl": "Nieuw risico '{title}': na maatregelen {new}.",
        "en": "New risk '{title}': {new} after measures.",
    },
    "diff_sum_risk_gone": {
        "nl": "Het risico '{title}' staat niet meer in de DPIA (was {old}).",
        "en": "The risk '{title}' is no longer in the DPIA (was {old}).",
    },
    "diff_sum_risk": {
        "nl": "Het risico '{title}' is na maatregelen nu {new} (was {old}).",
        "en": "The risk '{title}' is now {new} after measures (was {old}).",
    },
    "diff_sum_findings_new": {"nl": "Nieuwe bevindingen ({count}): {titles}.", "en": "New findings ({count}): {titles}."},
    "diff_sum_findings_resolved": {"nl": "Opgeloste bevindingen ({count}): {titles}.", "en": "Resolved findings ({count}): {titles}."},
    "diff_sum_findings_accepted": {
        "nl": "Door het bestuur geaccepteerd ({count}): {titles}.",
        "en": "Accepted by the board ({count}): {titles}.",
    },
    "diff_sum_findings_lapsed": {
        "nl": "Acceptatie verlopen, weer open ({count}): {titles}.",
        "en": "Acceptance lapsed, open again ({count}): {titles}.",
    },
    "tool_missing": {
        "nl": "het programma '{tool}' is niet gevonden; installeer het (of maak de virtuele omgeving opnieuw met "
        "make clean && make test) en start opnieuw",
        "en": "the program '{tool}' was not found; install it (or make the virtual environment again with "
        "make clean && make test) and start again",
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
    "report_top": {"nl": 'Wat eerst aandacht nodig heeft:', "en": 'What needs attention first:'},
    "report_no_blockers": {"nl": 'Er zijn geen blokkerende bevindingen.', "en": 'There are no blocking findings.'},
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
        "en": "The map shows which data goes from whom to whom. It runs from the left (pupils and parents) to the right (other organisations and the internet). Thick red arrows are flows with a finding.",
    },
    "report_findings_intro": {
        "nl": "Bij elke bevinding staat wat er aan de hand is, waarom dat belangrijk is en wat de school eraan doet. Blokkerende bevindingen moeten zijn opgelost voordat het bestuur een DPIA goedkeurt.",
        "en": "Each finding says what is the matter, why it matters and what the school does about it. Blocking findings must be resolved before the board approves a DPIA.",
    },
    "report_h_dpias": {"nl": "De DPIA's: screening, risico's, maatregelen en besluit", "en": "The DPIAs: screening, risks, measures and decision"},
    "report_no_dpias": {"nl": "Het register bevat nog geen DPIA.", "en": "The register holds no DPIA yet."},
    "report_h_screening": {"nl": "Is een DPIA nodig? (screening)", "en": "Is a DPIA needed? (screening)"},
    "report_h_risks": {"nl": "Risico's voor leerlingen en ouders", "en": "Risks to pupils and parents"},
    "report_riskmap_intro": {
        "nl": "Elk nummer is een risico. Het gevulde bolletje is het risico zonder maatregelen. De pijl wijst naar het risico dat overblijft na de maatregelen die al zijn genomen.",
        "en": "Each number is a risk. The filled marker is the risk without measures. The arrow points to the risk that remains after the measures already taken.",
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
        "nl": {"one": "{count} criterium van de EDPB (WP248): {criteria}.", "other": "{count} criteria van de EDPB (WP248): {criteria}."},
        "en": {"one": "{count} EDPB (WP248) criterion: {criteria}.", "other": "{count} EDPB (WP248) criteria: {criteria}."},
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
    # ---- MR report: plural counts, page 1, what the school does, appendix for the privacy officer
    "form_finding": {
        "nl": "een bevinding-id zoals `dpia check` het toont (DPIA202/f-foto/va-foto), of het begin ervan tot een / (DPIA202)",
        "en": "a finding id as `dpia check` prints it (DPIA202/f-photo/va-photo), or its beginning up to a / (DPIA202)",
    },
    "report_n_findings": {
        "nl": {"one": "{count} bevinding", "other": "{count} bevindingen"},
        "en": {"one": "{count} finding", "other": "{count} findings"},
    },
    "report_n_blocker": {
        "nl": {"one": "{count} blokkerende bevinding", "other": "{count} blokkerende bevindingen"},
        "en": {"one": "{count} blocking finding", "other": "{count} blocking findings"},
    },
    "report_n_warning": {
        "nl": {"one": "{count} waarschuwing", "other": "{count} waarschuwingen"},
        "en": {"one": "{count} warning", "other": "{count} warnings"},
    },
    "report_n_info": {
        "nl": {"one": "{count} punt ter informatie", "other": "{count} punten ter informatie"},
        "en": {"one": "{count} point for information", "other": "{count} points for information"},
    },
    "report_n_accepted": {
        "nl": {"one": "{count} bevinding", "other": "{count} bevindingen"},
        "en": {"one": "{count} finding", "other": "{count} findings"},
    },
    "report_n_flows": {
        "nl": {"one": "{count} gegevensstroom", "other": "{count} gegevensstromen"},
        "en": {"one": "{count} data flow", "other": "{count} data flows"},
    },
    "report_n_schools": {
        "nl": {"one": "{count} school", "other": "{count} scholen"},
        "en": {"one": "{count} school", "other": "{count} schools"},
    },
    "report_n_parties": {
        "nl": {"one": "{count} andere organisatie of systeem", "other": "{count} andere organisaties en systemen"},
        "en": {"one": "{count} other organisation or system", "other": "{count} other organisations and systems"},
    },
    "report_intro_what": {
        "nl": "Dit rapport beschrijft hoe {name} omgaat met persoonsgegevens van leerlingen en ouders.",
        "en": "This report describes how {name} handles personal data of pupils and parents.",
    },
    "report_intro_flows": {
        "nl": "Het gaat om {flows} tussen {schools}, de systemen van de school en {parties}.",
        "en": "It covers {flows} between {schools}, the school's systems and {parties}.",
    },
    "report_one_dpia": {
        "nl": "Dit rapport gaat over één DPIA: {title}.",
        "en": "This report is about one DPIA: {title}.",
    },
    "report_check_on": {
        "nl": "Op {on} zijn alle gegevensstromen gecontroleerd.",
        "en": "On {on} every data flow was checked.",
    },
    "report_check_found": {"nl": "De controle vond {found}.", "en": "The check found {found}."},
    "report_check_none": {"nl": "De controle vond geen bevindingen.", "en": "The check found nothing to report."},
    "report_check_none_open": {"nl": "De controle vond geen open bevindingen.", "en": "The check found no open findings."},
    "report_check_accepted": {
        "nl": "Het bestuur heeft {accepted} bewust geaccepteerd.",
        "en": "The board has knowingly accepted {accepted}.",
    },
    "report_sev_blocker": {"nl": "blokkerend", "en": "blocking"},
    "report_sev_warning": {"nl": "waarschuwing", "en": "warning"},
    "report_sev_info": {"nl": "ter informatie", "en": "for information"},
    "report_group_blocker": {
        "nl": {"one": "{count} blokkerende bevinding", "other": "{count} blokkerende bevindingen"},
        "en": {"one": "{count} blocking finding", "other": "{count} blocking findings"},
    },
    "report_group_warning": {
        "nl": {"one": "{count} waarschuwing", "other": "{count} waarschuwingen"},
        "en": {"one": "{count} warning", "other": "{count} warnings"},
    },
    "report_group_info": {
        "nl": {"one": "{count} punt ter informatie", "other": "{count} punten ter informatie"},
        "en": {"one": "{count} point for information", "other": "{count} points for information"},
    },
    "report_group_accepted": {
        "nl": {"one": "{count} bewust geaccepteerde bevinding", "other": "{count} bewust geaccepteerde bevindingen"},
        "en": {"one": "{count} knowingly accepted finding", "other": "{count} knowingly accepted findings"},
    },
    "report_no_measure": {"nl": "Hiervoor is nog geen maatregel gepland.", "en": "No measure is planned for this yet."},
    "report_accepted_reader": {
        "nl": "Het bestuur accepteert dit voorlopig, tot {until}. De reden: {reason}",
        "en": "The board accepts this for now, until {until}. The reason: {reason}",
    },
    "report_owner_missing": {"nl": "nog niemand aangewezen", "en": "nobody assigned yet"},
    "report_do_planned": {
        "nl": "{what}. Gepland: {who} zorgt ervoor, uiterlijk {due}.",
        "en": "{what}. Planned: {who} sees to it, by {due}.",
    },
    "report_do_planned_nodate": {
        "nl": "{what}. Gepland: {who} zorgt ervoor. Er is nog geen datum.",
        "en": "{what}. Planned: {who} sees to it. There is no date yet.",
    },
    "report_do_in_progress": {
        "nl": "{what}. Hieraan wordt gewerkt: {who} zorgt ervoor, uiterlijk {due}.",
        "en": "{what}. Under way: {who} sees to it, by {due}.",
    },
    "report_do_in_progress_nodate": {
        "nl": "{what}. Hieraan wordt gewerkt: {who} zorgt ervoor. Er is nog geen datum.",
        "en": "{what}. Under way: {who} sees to it. There is no date yet.",
    },
    "report_do_implemented": {
        "nl": "{what}. Dit is al ingevoerd: {who} is verantwoordelijk.",
        "en": "{what}. This is already in place: {who} is responsible.",
    },
    "report_do_overdue": {
        "nl": "Die datum is voorbij en de maatregel is nog niet af.",
        "en": "That date has passed and the measure is not finished.",
    },
    "report_cover_date": {"nl": "Datum van de beoordeling:", "en": "Date of the assessment:"},
    "report_cover_contact": {"nl": "Vragen?", "en": "Questions?"},
    "report_contact_role": {
        "nl": "Schrijf naar de functionaris gegevensbescherming (FG): {address}.",
        "en": "Write to the data protection officer (FG): {address}.",
    },
    "report_contact_person": {
        "nl": "Schrijf naar de functionaris gegevensbescherming (FG), {name}: {address}.",
        "en": "Write to the data protection officer (FG), {name}: {address}.",
    },
    "report_contact_person_noaddress": {
        "nl": "Vraag het de functionaris gegevensbescherming (FG), {name}.",
        "en": "Ask the data protection officer (FG), {name}.",
    },
    "report_contact_none": {
        "nl": "Vraag het de functionaris gegevensbescherming (FG) van het bestuur, via de school.",
        "en": "Ask the board's data protection officer (FG), through the school.",
    },
    "report_cover_ask": {"nl": "Wat vragen wij van de MR?", "en": "What do we ask of the MR?"},
    "report_ask_advice": {
        "nl": "Uw advies over de {title}. Dat is uw standpunt over de risico's en de maatregelen (AVG art. 35 lid 9).",
        "en": "Your advice on the {title}: your views on the risks and the measures (GDPR Art. 35(9)).",
    },
    "report_ask_consent": {
        "nl": "Uw instemming met de {title}. De DPIA hoort bij regels over persoonsgegevens waarvoor de MR moet instemmen (WMS art. 10 en 14).",
        "en": "Your consent to the {title}. The DPIA comes with rules on personal data that need the MR's consent (WMS art. 10 and 14).",
    },
    "report_ask_how": {
        "nl": "Het bestuur legt uw standpunt vast bij de DPIA, voordat het besluit.",
        "en": "The board records your views with the DPIA before it decides.",
    },
    "report_ask_nothing": {
        "nl": "Er ligt nu geen DPIA bij de MR voor advies of instemming. Dit rapport is ter informatie.",
        "en": "No DPIA awaits the MR's advice or consent now. This report is for your information.",
    },
    "report_toc": {"nl": "Inhoud", "en": "Contents"},
    "report_page_of": {"nl": "pagina {page} van {pages}", "en": "page {page} of {pages}"},
    "report_h_officer": {"nl": "Voor de privacyfunctionaris", "en": "For the privacy officer"},
    "report_officer_intro": {
        "nl": "Deze bijlage is voor de privacyfunctionaris. Zij geeft bij elke bevinding de code, het artikel en de ids uit het register. U kunt haar overslaan.",
        "en": "This appendix is for the privacy officer. It gives each finding's code, article and register ids. You may skip it.",
    },
    "report_officer_col_finding": {"nl": "Bevinding", "en": "Finding"},
    "report_officer_col_rule": {"nl": "Regel", "en": "Rule"},
    "report_officer_col_article": {"nl": "Artikel", "en": "Article"},
    "report_officer_col_message": {"nl": "Melding", "en": "Message"},
    "report_officer_col_measures": {"nl": "Maatregelen", "en": "Measures"},
    "report_officer_col_accepted": {"nl": "Acceptatie", "en": "Acceptance"},
    "report_officer_col_dpia": {"nl": "DPIA", "en": "DPIA"},
    "report_officer_col_number": {"nl": "Nr.", "en": "No."},
    "report_officer_col_risk": {"nl": "Risico", "en": "Risk"},
    "report_risk_col_number": {"nl": "Nr.", "en": "No."},
    "report_risk_col_risk": {"nl": "Risico", "en": "Risk"},
    "report_risk_col_inherent": {"nl": "Zonder maatregelen", "en": "Without measures"},
    "report_risk_col_measures": {"nl": "Wat de school doet", "en": "What the school does"},
    "report_risk_col_residual": {"nl": "Wat overblijft", "en": "What remains"},
    "report_risk_accepted": {
        "nl": "Het bestuur aanvaardt dit restrisico sinds {on}",
        "en": "The board accepts this residual risk since {on}",
    },
    "report_risk_art36": {
        "nl": "De school moet de Autoriteit Persoonsgegevens vooraf raadplegen",
        "en": "The school must consult the Dutch DPA (AP) first",
    },
    "report_plan_col_what": {"nl": "Maatregel", "en": "Measure"},
    "report_plan_col_who": {"nl": "Wie", "en": "Who"},
    "report_plan_col_due": {"nl": "Uiterlijk", "en": "By"},
    "report_plan_col_status": {"nl": "Stand", "en": "Status"},
    "report_plan_col_risks": {"nl": "Tegen risico nr.", "en": "Against risk no."},
    "report_plan_no_date": {"nl": "nog geen datum", "en": "no date yet"},
    "report_plan_overdue": {"nl": "(voorbij)", "en": "(passed)"},
    "report_signoff_conditions": {"nl": "Voorwaarden: {conditions}", "en": "Conditions: {conditions}"},
    # ---- names for people (dpia.model.names) and the reader form of findings
    "names_more": {"nl": "meer", "en": "more"},
    "names_quoted": {"nl": "‘{name}’", "en": "‘{name}’"},
    "sector_po": {"nl": "primair onderwijs (po)", "en": "primary education (po)"},
    "sector_vo": {"nl": "voortgezet onderwijs (vo)", "en": "secondary education (vo)"},
    "sector_mbo": {"nl": "middelbaar beroepsonderwijs (mbo)", "en": "vocational education (mbo)"},
    "sector_so_vso": {"nl": "(voortgezet) speciaal onderwijs (so/vso)", "en": "special education (so/vso)"},
    "trait_pupil_monitoring": {"nl": "leerlingvolgsysteem", "en": "pupil monitoring system"},
    "trait_innovative_technology": {"nl": "nieuwe technologie", "en": "innovative technology"},
    "trait_camera_surveillance": {"nl": "cameratoezicht", "en": "camera surveillance"},
    "datanature_communication": {"nl": "communicatiegegevens", "en": "communication data"},
    "datanature_location": {"nl": "locatiegegevens", "en": "location data"},
    "names_processing": {"nl": "{party} voor {purpose}", "en": "{party} for {purpose}"},
    "names_moment": {"nl": "{date} om {time}", "en": "{date} at {time}"},
    "names_flow": {"nl": "van {src} naar {dst}", "en": "from {src} to {dst}"},
    "names_agreement": {"nl": "{kind} met {parties}", "en": "{kind} with {parties}"},
    "names_agreementkind_model_4_0": {"nl": "verwerkersovereenkomst (model 4.0)", "en": "processing agreement (model 4.0)"},
    "names_agreementkind_processing_agreement": {"nl": "verwerkersovereenkomst", "en": "processing agreement"},
    "names_agreementkind_data_sharing": {"nl": "overeenkomst over het delen van gegevens", "en": "data-sharing agreement"},
    "names_consent": {"nl": "toestemmingsregeling voor ‘{purpose}’", "en": "consent arrangement for ‘{purpose}’"},
    "names_retention": {"nl": "bewaartermijn voor {target}", "en": "retention period for {target}"},
    "names_acceptance": {"nl": "acceptatie van de bevinding {finding}", "en": "acceptance of the finding {finding}"},
    "names_finding": {"nl": "‘{title}’ ({about})", "en": "‘{title}’ ({about})"},
    "names_finding_bare": {"nl": "‘{title}’", "en": "‘{title}’"},
    "names_unknown_finding": {"nl": "een bevinding die niet bestaat", "en": "a finding that does not exist"},
    "names_confidential_category": {"nl": "vertrouwelijke gegevens", "en": "confidential data"},
    "names_step_fg_advice": {"nl": "het advies van de FG", "en": "the DPO's advice"},
    "names_step_decision": {"nl": "het besluit van het bestuur", "en": "the board's decision"},
    "names_field_privacy_annex_version": {"nl": "privacybijsluiter", "en": "privacy annex"},
    "names_field_security_annex": {"nl": "beveiligingsbijlage", "en": "security annex"},
    "names_field_likelihood": {"nl": "de kans", "en": "the likelihood"},
    "names_field_impact": {"nl": "de gevolgen", "en": "the impact"},
    "systemkind_pupil_administration": {"nl": "leerlingadministratie", "en": "pupil administration"},
    "systemkind_learning_platform": {"nl": "leerplatform", "en": "learning platform"},
    "systemkind_learning_materials": {"nl": "digitaal lesmateriaal", "en": "learning materials"},
    "systemkind_website": {"nl": "website", "en": "website"},
    "systemkind_mail": {"nl": "e-mail", "en": "e-mail"},
    "systemkind_identity": {"nl": "inlog en accounts", "en": "sign-in and accounts"},
    "systemkind_file_storage": {"nl": "bestandsopslag", "en": "file storage"},
    "systemkind_photo": {"nl": "foto's", "en": "photos"},
    "systemkind_other": {"nl": "overig systeem", "en": "other system"},
    "subjectkind_pupil": {"nl": "leerlingen", "en": "pupils"},
    "subjectkind_parent": {"nl": "ouders en verzorgers", "en": "parents and guardians"},
    "subjectkind_staff": {"nl": "medewerkers", "en": "staff"},
    "subjectkind_other": {"nl": "anderen", "en": "others"},
    "ageband_under_16": {"nl": "jonger dan 16", "en": "under 16"},
    "ageband_16_to_17": {"nl": "16 en 17 jaar", "en": "aged 16 and 17"},
    "ageband_18_plus": {"nl": "18 jaar en ouder", "en": "18 and over"},
    "consenter_parent": {"nl": "een ouder of verzorger", "en": "a parent or guardian"},
    "consenter_pupil": {"nl": "de leerling zelf", "en": "the pupil"},
    "risksource_internal_human": {"nl": "mensen binnen de school", "en": "people inside the school"},
    "risksource_external_human": {"nl": "mensen buiten de school", "en": "people outside the school"},
    "risksource_non_human": {"nl": "storing, brand of ander onheil", "en": "failures, fire or other events"},
    "right_private_life": {"nl": "privéleven", "en": "private life"},
    "right_data_protection": {"nl": "bescherming van persoonsgegevens", "en": "protection of personal data"},
    "right_freedom_of_expression": {"nl": "vrijheid van meningsuiting", "en": "freedom of expression"},
    "right_education": {"nl": "recht op onderwijs", "en": "right to education"},
    "right_non_discrimination": {"nl": "verbod op discriminatie", "en": "non-discrimination"},
    "right_rights_of_the_child": {"nl": "rechten van het kind", "en": "rights of the child"},
    # ---- data map for the reader (A4 maps by role and theme)
    "datamap_column_subjects": {"nl": "Van wie", "en": "About whom"},
    "datamap_column_controller": {"nl": "School", "en": "School"},
    "datamap_column_processor": {"nl": "Verwerkers", "en": "Processors"},
    "datamap_column_sub_processor": {"nl": "Subverwerkers", "en": "Sub-processors"},
    "datamap_column_others": {"nl": "Andere organisaties", "en": "Other organisations"},
    "datamap_column_public": {"nl": "Openbaar", "en": "Public"},
    "datamap_roles_explained": {
        "nl": "Verwerkers werken in opdracht van de school; subverwerkers werken voor een verwerker. Andere "
        "organisaties beslissen zelf wat zij met de gegevens doen. Een pijl wijst van wie de gegevens geeft naar "
        "wie ze krijgt.",
        "en": "Processors work for the school; sub-processors work for a processor. Other organisations decide "
        "for themselves what they do with the data. An arrow points from who gives the data to who receives it.",
    },
    "datamap_overview_title": {"nl": "Overzicht: gegevensstromen van {name}", "en": "Overview: data flows of {name}"},
    "datamap_theme_title": {"nl": "Gegevenskaart: {theme}", "en": "Data map: {theme}"},
    "datamap_theme_part_title": {"nl": "Gegevenskaart: {theme} (deel {part} van {parts})",
                                 "en": "Data map: {theme} (part {part} of {parts})"},
    "datamap_theme_pupil_administration": {"nl": "leerlingadministratie", "en": "pupil administration"},
    "datamap_theme_learning": {"nl": "lesmateriaal en leerplatforms", "en": "learning materials and platforms"},
    "datamap_theme_photos": {"nl": "foto's en website", "en": "photos and website"},
    "datamap_theme_communication": {"nl": "communicatie en andere systemen", "en": "communication and other systems"},
    "datamap_theme_legal": {"nl": "wettelijke plichten", "en": "legal duties"},
    "datamap_theme_sharing": {"nl": "gegevens voor andere organisaties", "en": "data for other organisations"},
    "datamap_theme_other": {"nl": "overige gegevensstromen", "en": "other data flows"},
    "datamap_n_schools_one": {"nl": "{count} school", "en": "{count} school"},
    "datamap_n_schools_other": {"nl": "{count} scholen", "en": "{count} schools"},
    "datamap_n_systems_one": {"nl": "{count} systeem", "en": "{count} system"},
    "datamap_n_systems_other": {"nl": "{count} systemen", "en": "{count} systems"},
    "datamap_n_groups_one": {"nl": "{count} groep", "en": "{count} group"},
    "datamap_n_groups_other": {"nl": "{count} groepen", "en": "{count} groups"},
    "datamap_n_organisations_one": {"nl": "{count} organisatie", "en": "{count} organisation"},
    "datamap_n_organisations_other": {"nl": "{count} organisaties", "en": "{count} organisations"},
    "datamap_n_flows_one": {"nl": "{count} gegevensstroom", "en": "{count} data flow"},
    "datamap_n_flows_other": {"nl": "{count} gegevensstromen", "en": "{count} data flows"},
    "datamap_alt": {"nl": "{title}. {flows}, van links naar rechts in de richting van de pijlen. {columns}.",
                    "en": "{title}. {flows}, from left to right in the direction of the arrows. {columns}."},
    "datamap_alt_more": {"nl": "en {count} meer", "en": "and {count} more"},
    "report_datamap_parts": {
        "nl": "Het register is te groot voor één kaart. Eerst een overzicht, dan één kaart per onderwerp: "
        "leerlingadministratie, lesmateriaal, foto's, wettelijke plichten en de rest.",
        "en": "The register is too large for one map. First an overview, then one map per subject: pupil "
        "administration, learning materials, photos, legal duties and the rest.",
    },
    # ---- workbench: one register, DPIA and date for every face; picker; wizard and editors (issue 19)
    "header_register": {"nl": "Register", "en": "Register"},
    "header_folder": {"nl": "Map", "en": "Folder"},
    "header_dpia": {"nl": "DPIA", "en": "DPIA"},
    "header_on": {"nl": "Peildatum", "en": "Assessment date"},
    "setting_bad_date": {
        "nl": "{source}: '{value}' is geen geldige datum; gebruik JJJJ-MM-DD, bijvoorbeeld 2026-08-01",
        "en": "{source}: '{value}' is not a valid date; use YYYY-MM-DD, for example 2026-08-01",
    },
    "setting_bad_dpia": {
        "nl": "DPIA '{value}' staat niet in dit register; kies uit: {allowed}",
        "en": "DPIA '{value}' is not in this register; choose from: {allowed}",
    },
    "widget_register": {"nl": "Register", "en": "Register"},
    "widget_dpia": {"nl": "DPIA", "en": "DPIA"},
    "widget_use_choice": {"nl": "Gebruik deze keuze", "en": "Use this choice"},
    "widget_choice_saved": {
        "nl": "Gekozen: register {register}, DPIA {dpia} (bewaard in {file}). Voer de andere notebooks opnieuw uit (Run All) om ermee te werken.",
        "en": "Chosen: register {register}, DPIA {dpia} (kept in {file}). Run the other notebooks again (Run All) to work on it.",
    },
    "widget_choice_overridden": {
        "nl": "Let op: {variables} is gezet (bijvoorbeeld door make lab EXAMPLE=...); dat gaat voor deze keuze.",
        "en": "Note: {variables} is set (for example by make lab EXAMPLE=...); it takes precedence over this choice.",
    },
    "widget_choice_invalid": {"nl": "Dit register kan niet worden geopend; kies een ander.", "en": "This register cannot be opened; choose another."},
    "widget_failed": {"nl": "Dat lukte niet: {reason}. Er is niets opgeslagen.", "en": "That did not work: {reason}. Nothing was saved."},
    "wizard_step_party": {"nl": "1. De leverancier of partij", "en": "1. The supplier or party"},
    "wizard_step_system": {"nl": "2. Het systeem (de app of dienst)", "en": "2. The system (the app or service)"},
    "wizard_step_flow": {"nl": "3. Welke gegevens gaan erheen, waarvoor en over wie", "en": "3. Which data goes there, for what and about whom"},
    "wizard_step_agreement": {"nl": "4. De (verwerkers)overeenkomst", "en": "4. The (processing) agreement"},
    "wizard_name": {"nl": "Naam", "en": "Name"},
    "wizard_id": {"nl": "Korte code (id)", "en": "Short code (id)"},
    "wizard_role": {"nl": "Rol (AVG)", "en": "Role (GDPR)"},
    "wizard_processor_of": {"nl": "Subverwerker van", "en": "Sub-processor of"},
    "wizard_country": {"nl": "Land (2 letters)", "en": "Country (2 letters)"},
    "wizard_with_system": {"nl": "De partij levert een systeem of app", "en": "The party provides a system or app"},
    "wizard_system_name": {"nl": "Naam van het systeem", "en": "Name of the system"},
    "wizard_system_kind": {"nl": "Soort systeem", "en": "Kind of system"},
    "wizard_from": {"nl": "Gegevens komen van", "en": "Data comes from"},
    "wizard_subjects": {"nl": "Over wie", "en": "About whom"},
    "wizard_channel": {"nl": "Hoe (kanaal)", "en": "How (channel)"},
    "wizard_with_agreement": {"nl": "Er is een overeenkomst", "en": "There is an agreement"},
    "wizard_agreement_kind": {"nl": "Soort overeenkomst", "en": "Kind of agreement"},
    "wizard_valid_from": {"nl": "Geldig vanaf", "en": "Valid from"},
    "wizard_security_annex": {"nl": "Beveiligingsbijlage", "en": "Security annex"},
    "wizard_privacy_annex": {"nl": "Versie privacybijsluiter", "en": "Privacy annex version"},
    "wizard_preview": {"nl": "Bekijk de bevindingen", "en": "Show the findings"},
    "wizard_preview_count": {
        "nl": "Nog niet opgeslagen. Met deze gegevens komen er {count} bevinding(en) bij:",
        "en": "Not saved yet. With these entries {count} finding(s) would be added:",
    },
    "wizard_no_new_findings": {"nl": "Geen nieuwe bevindingen.", "en": "No new findings."},
    "wizard_need_name": {"nl": "Vul de naam van de partij in.", "en": "Fill in the party's name."},
    "wizard_need_categories": {"nl": "Kies minstens één soort gegevens.", "en": "Choose at least one kind of data."},
    "wizard_id_taken": {
        "nl": "'{id}' staat al in het register; kies een andere korte code of pas het bestaande item aan.",
        "en": "'{id}' is already in the register; choose another short code or edit the existing entry.",
    },
    "wizard_systemkind_pupil_administration": {"nl": "leerlingadministratie", "en": "pupil administration"},
    "wizard_systemkind_learning_platform": {"nl": "leerplatform", "en": "learning platform"},
    "wizard_systemkind_learning_materials": {"nl": "digitaal lesmateriaal", "en": "learning materials"},
    "wizard_systemkind_website": {"nl": "website", "en": "website"},
    "wizard_systemkind_mail": {"nl": "e-mail", "en": "mail"},
    "wizard_systemkind_identity": {"nl": "inloggen en identiteit", "en": "sign-in and identity"},
    "wizard_systemkind_file_storage": {"nl": "bestandsopslag", "en": "file storage"},
    "wizard_systemkind_photo": {"nl": "foto's", "en": "photos"},
    "wizard_systemkind_other": {"nl": "anders", "en": "other"},
    "wizard_agreementkind_model_4_0": {"nl": "model verwerkersovereenkomst 4.0 (Privacyconvenant)", "en": "model processing agreement 4.0 (Privacyconvenant)"},
    "wizard_agreementkind_processing_agreement": {"nl": "andere verwerkersovereenkomst", "en": "other processing agreement"},
    "remove_kind": {"nl": "Soort", "en": "Kind"},
    "remove_entry": {"nl": "Item", "en": "Entry"},
    "remove_confirm": {"nl": "Ja, verwijder dit item uit het register", "en": "Yes, delete this entry from the register"},
    "remove_button": {"nl": "Verwijderen", "en": "Delete"},
    "remove_confirm_first": {"nl": "Vink eerst aan dat u dit item wilt verwijderen.", "en": "First tick that you want to delete this entry."},
    "remove_done": {"nl": "'{id}' is verwijderd.", "en": "'{id}' was deleted."},
    "remove_referred": {
        "nl": "'{id}' kan niet worden verwijderd: {count} verwijzing(en) ernaar. Pas die eerst aan:",
        "en": "'{id}' cannot be deleted: {count} reference(s) to it. Change those first:",
    },
    "remove_kind_parties": {"nl": "partij", "en": "party"},
    "remove_kind_systems": {"nl": "systeem", "en": "system"},
    "remove_kind_data_categories": {"nl": "gegevenscategorie", "en": "data category"},
    "remove_kind_subjects": {"nl": "groep betrokkenen", "en": "data subjects"},
    "remove_kind_purposes": {"nl": "doel", "en": "purpose"},
    "remove_kind_flows": {"nl": "gegevensstroom", "en": "data flow"},
    "remove_kind_agreements": {"nl": "overeenkomst", "en": "agreement"},
    "remove_kind_consents": {"nl": "toestemmingsregeling", "en": "consent arrangement"},
    "remove_kind_access_roles": {"nl": "toegangsrol", "en": "access role"},
    "remove_kind_retention": {"nl": "bewaartermijn", "en": "retention rule"},
    "remove_kind_measures": {"nl": "maatregel", "en": "measure"},
    "remove_kind_acceptances": {"nl": "acceptatie", "en": "acceptance"},
    "remove_kind_dpias": {"nl": "DPIA", "en": "DPIA"},
    "remove_kind_controller": {"nl": "bestuur", "en": "school board"},
    "wizard_existing": {"nl": "Partij", "en": "Party"},
    "wizard_new_party": {"nl": "— een nieuwe partij —", "en": "— a new party —"},
    "wizard_with_flow": {"nl": "Voeg een gegevensstroom toe", "en": "Add a data flow"},
    "wizard_to": {"nl": "Gegevens gaan naar", "en": "Data goes to"},
    "wizard_nothing_to_add": {"nl": "Er is niets om toe te voegen: kies een stroom, systeem of overeenkomst.", "en": "There is nothing to add: choose a flow, system or agreement."},
    "wizard_agreementkind_data_sharing": {"nl": "afspraak over gegevensdeling", "en": "data sharing arrangement"},
    # ---- screening of every processing activity, the school's sector, plausible numbers (issue 14)
    "sector_missing": {
        "nl": "{path}: verplicht veld 'sector' ontbreekt; de sector bepaalt welke onderwijswet en bewaartermijnen "
        "gelden en wordt niet geraden; toegestaan: {allowed} (po = primair onderwijs, vo = voortgezet onderwijs, "
        "mbo = middelbaar beroepsonderwijs, so_vso = (voortgezet) speciaal onderwijs)",
        "en": "{path}: required field 'sector' is missing; the sector decides which education statute and "
        "retention periods apply and is never guessed; allowed: {allowed} (po = primary, vo = secondary, "
        "mbo = vocational, so_vso = special education)",
    },
    "out_of_range": {
        "nl": "{path}: {value} is geen aannemelijk aantal; toegestaan: {low} tot en met {high}",
        "en": "{path}: {value} is not a plausible number; allowed: {low} to {high}",
    },
    "duration_range": {
        "nl": "{path}: '{value}' is langer dan aannemelijk; toegestaan: P0D tot en met {high}",
        "en": "{path}: '{value}' is longer than plausible; allowed: P0D to {high}",
    },
    "decision_target": {
        "nl": "{path}: een screeningsbesluit noemt óf een 'system', óf een 'party' (met zo nodig een 'purpose')",
        "en": "{path}: a screening decision names either a 'system' or a 'party' (with a 'purpose' where the flows have one)",
    },
    "screen_kind_location": {"nl": "locatiegegevens", "en": "location data"},
    "screen_kind_communication": {"nl": "communicatiegegevens", "en": "communication data"},
    "screen_d_none_marked": {
        "nl": "geen categorie als {kind} gemarkeerd (`nature`)",
        "en": "no category marked as {kind} (`nature`)",
    },
    "screen_d_systematic_of": {
        "nl": "{kind} ({categories}), niet op grote schaal; of de verwerking stelselmatig is, beoordeelt de "
        "privacyfunctionaris",
        "en": "{kind} ({categories}), not on a large scale; whether the processing is systematic, the privacy "
        "officer decides",
    },
    "screen_d_monitoring_system": {
        "nl": "{systems} is gemarkeerd als leerlingvolgsysteem (`traits: [pupil_monitoring]`): het volgt gedrag "
        "en ontwikkeling van leerlingen stelselmatig",
        "en": "{systems} is marked as a pupil monitoring system (`traits: [pupil_monitoring]`): it follows pupils' "
        "behaviour and development systematically",
    },
    "screen_d_camera_system": {
        "nl": "{systems} is gemarkeerd als cameratoezicht (`traits: [camera_surveillance]`)",
        "en": "{systems} is marked as camera surveillance (`traits: [camera_surveillance]`)",
    },
    "screen_d_innovative_system": {
        "nl": "{systems} is gemarkeerd als innovatieve technologie (`traits: [innovative_technology]`)",
        "en": "{systems} is marked as innovative technology (`traits: [innovative_technology]`)",
    },
    "screen_d_matching": {
        "nl": "ontvangt gegevens van andere verwerkingsverantwoordelijken ({parties}) en voegt ze samen met die "
        "van de school",
        "en": "receives data from other controllers ({parties}) and combines it with the school's",
    },
    "screen_note_outside_eea": {
        "nl": "Let op: gegevens gaan buiten de EER ({parties}). Dat is geen van de negen criteria van WP248 "
        "(het concept van 2017 noemde het nog wel), maar weeg het mee in de beoordeling (AVG art. 44-49).",
        "en": "Note: data leaves the EEA ({parties}). That is none of WP248's nine criteria (the 2017 draft "
        "still named it), but weigh it in the assessment (GDPR Art. 44-49).",
    },
    "proc_no_flows": {
        "nl": "het register noemt dit systeem, maar geen gegevensstromen ervan of erheen",
        "en": "the register names this system, but no data flows from or to it",
    },
    "procverdict_required": {"nl": "DPIA verplicht", "en": "DPIA required"},
    "procverdict_likely": {"nl": "DPIA waarschijnlijk nodig", "en": "DPIA likely needed"},
    "procverdict_to_be_judged": {"nl": "te beoordelen", "en": "to be judged"},
    "procverdict_not_indicated": {"nl": "geen aanwijzing voor een DPIA", "en": "no DPIA indicated"},
    "proc_status_decision": {
        "nl": "besluit: geen DPIA nodig ({on})",
        "en": "decision: no DPIA needed ({on})",
    },
    "proc_status_covered": {"nl": "gedekt door {dpias}", "en": "covered by {dpias}"},
    "proc_status_partial": {
        "nl": "deels gedekt door {dpias} ({covered} van {count} stromen)",
        "en": "partly covered by {dpias} ({covered} of {count} flows)",
    },
    "proc_status_none": {"nl": "geen DPIA en geen besluit", "en": "no DPIA and no decision"},
    "proc_col_processing": {"nl": "verwerking", "en": "processing"},
    "proc_col_name": {"nl": "naam", "en": "name"},
    "proc_col_flows": {"nl": "stromen", "en": "flows"},
    "proc_col_verdict": {"nl": "uitkomst", "en": "verdict"},
    "proc_col_grounds": {"nl": "volgens het register", "en": "from the register"},
    "proc_col_to_judge": {"nl": "nog te beoordelen door de FG", "en": "still to be judged by the DPO"},
    "proc_col_status": {"nl": "stand", "en": "status"},
    "proc_header": {
        "nl": "Screening van alle {count} verwerkingen in het register (per systeem; stromen buiten een systeem "
        "per ontvanger en doel)",
        "en": "Screening of all {count} processing activities in the register (per system; flows outside a "
        "system per receiver and purpose)",
    },
    "proc_line": {"nl": "{processing} ({name}, {flows} stromen): {verdict}", "en": "{processing} ({name}, {flows} flows): {verdict}"},
    "proc_grounds": {"nl": "volgens het register: {grounds}", "en": "from the register: {grounds}"},
    "proc_to_judge": {"nl": "nog te beoordelen door de FG: {criteria}", "en": "still to be judged by the DPO: {criteria}"},
    "proc_status_line": {"nl": "stand: {status}", "en": "status: {status}"},
    "proc_decision_line": {
        "nl": "besluit van {by} op {on}: {reason}",
        "en": "decision by {by} on {on}: {reason}",
    },
    "report_h_processings": {"nl": "Is een DPIA nodig? Alle verwerkingen", "en": "Is a DPIA needed? Every processing"},
    "report_processings_intro": {
        "nl": "Een verwerking is een systeem met zijn gegevensstromen, of gegevens die zonder systeem naar een "
        "ontvanger gaan. Per verwerking staat hier of een DPIA verplicht of waarschijnlijk nodig is. Er staat ook "
        "of er al een DPIA is, of een besluit van de privacyfunctionaris dat er geen nodig is.",
        "en": "A processing is a system with its data flows, or data that goes to a receiver without a system. For "
        "each processing this shows whether a DPIA is required or likely needed. It also shows whether there is a "
        "DPIA already, or a decision of the privacy officer that none is needed.",
    },
    "report_h_decisions": {"nl": "Besluiten: geen DPIA nodig", "en": "Decisions: no DPIA needed"},
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
    "step_sector_missing": {
        "nl": "Zet onder controller bijvoorbeeld: sector: vo",
        "en": "Add under controller, for example: sector: vo",
    },
    "step_decision_target": {
        "nl": "Laat een van de twee weg: 'system' voor een systeem, of 'party' en 'purpose' voor gegevens buiten een systeem",
        "en": "Leave one of them out: 'system' for a system, or 'party' and 'purpose' for data outside a system",
    },
    "step_out_of_range": {
        "nl": "Vul het echte aantal in; een schatting is goed",
        "en": "Fill in the real number; an estimate is fine",
    },
    "step_duration_range": {
        "nl": "Kies een kortere termijn, bijvoorbeeld P2Y voor twee jaar",
        "en": "Choose a shorter period, for example P2Y for two years",
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
    # ---- issue 19: the generic entry editor (dpia.workbench.editors) and the supplier overview (dpia.workbench)
    "editor_new": {"nl": "— nieuw item —", "en": "— new entry —"},
    "editor_need_id": {"nl": "Vul een korte code (id) in voor het nieuwe item.", "en": "Fill in a short code (id) for the new entry."},
    "field_id": {"nl": "Korte code (id)", "en": "Short code (id)"},
    "field_name": {"nl": "Naam", "en": "Name"},
    "field_label": {"nl": "Omschrijving", "en": "Label"},
    "field_nl": {"nl": "Nederlands", "en": "Dutch"},
    "field_en": {"nl": "Engels", "en": "English"},
    "field_role": {"nl": "Rol (AVG)", "en": "Role (GDPR)"},
    "field_location": {"nl": "Waar de gegevens worden verwerkt", "en": "Where the data are processed"},
    "field_country": {"nl": "Land (code, bijv. NL)", "en": "Country (code, e.g. NL)"},
    "field_transfer_mechanism": {"nl": "Grondslag doorgifte buiten de EER", "en": "Transfer mechanism outside the EEA"},
    "field_processor_of": {"nl": "Subverwerker van", "en": "Sub-processor of"},
    "field_contact": {"nl": "Contactpersoon", "en": "Contact person"},
    "field_contact_name": {"nl": "Naam contactpersoon", "en": "Contact's name"},
    "field_email": {"nl": "E-mail", "en": "E-mail"},
    "field_phone": {"nl": "Telefoon", "en": "Phone"},
    "field_role_address": {"nl": "E-mailadres van de functie", "en": "E-mail address of the role"},
    "field_public": {"nl": "Naam en gegevens mogen in het MR-rapport", "en": "Name and details may appear in the MR report"},
    "field_notes": {"nl": "Notities", "en": "Notes"},
    "field_kind": {"nl": "Soort", "en": "Kind"},
    "field_operated_by": {"nl": "Beheerd door", "en": "Run by"},
    "field_schools": {"nl": "Scholen (geen: alle)", "en": "Schools (none: all)"},
    "field_traits": {"nl": "Kenmerken", "en": "Traits"},
    "field_purpose": {"nl": "Doel", "en": "Purpose"},
    "field_given_by": {"nl": "Wie geeft toestemming", "en": "Who gives consent"},
    "field_under_16": {"nl": "Onder de 16", "en": "Under 16"},
    "field_16_to_17": {"nl": "16 en 17 jaar", "en": "16 and 17"},
    "field_18_plus": {"nl": "18 en ouder", "en": "18 and over"},
    "field_recorded_in": {"nl": "Vastgelegd in", "en": "Recorded in"},
    "field_how_recorded": {"nl": "Hoe het wordt vastgelegd", "en": "How it is recorded"},
    "field_withdrawal": {"nl": "Hoe men intrekt", "en": "How it is withdrawn"},
    "field_renewed": {"nl": "Opnieuw gevraagd (bijv. P1Y)", "en": "Asked again (e.g. P1Y)"},
    "field_system": {"nl": "Systeem", "en": "System"},
    "field_read": {"nl": "Mag lezen", "en": "May read"},
    "field_write": {"nl": "Mag wijzigen", "en": "May change"},
    "field_reason": {"nl": "Reden", "en": "Reason"},
    "field_care_team": {"nl": "Lid van het zorgteam", "en": "Member of the care team"},
    "field_needs": {"nl": "Nodig voor de taak", "en": "Needed for the task"},
    "field_shared_account": {"nl": "Gedeeld account", "en": "Shared account"},
    "field_category": {"nl": "Gegevenscategorie", "en": "Data category"},
    "field_duration": {"nl": "Termijn (bijv. P5Y, P6M)", "en": "Period (e.g. P5Y, P6M)"},
    "field_trigger": {"nl": "Termijn loopt vanaf", "en": "Period runs from"},
    "field_legal_source": {"nl": "Wettelijke bron", "en": "Legal source"},
    "field_minimum": {"nl": "Wettelijke minimumtermijn", "en": "Legal minimum period"},
    "field_status": {"nl": "Stand", "en": "Status"},
    "field_systems": {"nl": "Systemen", "en": "Systems"},
    "field_owner": {"nl": "Eigenaar", "en": "Owner"},
    "field_due": {"nl": "Klaar op", "en": "Due"},
    "field_detail": {"nl": "Uitvoering (vertrouwelijk)", "en": "Implementation (confidential)"},
    "field_addresses": {"nl": "Lost deze bevindingen op (één per regel)", "en": "Resolves these findings (one a line)"},
    "field_finding": {"nl": "Bevinding (bijv. DPIA202/f-photo)", "en": "Finding (e.g. DPIA202/f-photo)"},
    "field_accepted_by": {"nl": "Geaccepteerd door", "en": "Accepted by"},
    "field_accepted_on": {"nl": "Geaccepteerd op", "en": "Accepted on"},
    "field_until": {"nl": "Geldig tot", "en": "Valid until"},
    "field_access_roles_needs": {"nl": "Nodig voor de taak (meer lezen is een bevinding)", "en": "Needed for the task (reading more is a finding)"},
    "supplier_col_name": {"nl": "Leverancier", "en": "Supplier"},
    "supplier_col_role": {"nl": "Rol", "en": "Role"},
    "supplier_col_systems": {"nl": "Systemen", "en": "Systems"},
    "supplier_col_categories": {"nl": "Gegevens", "en": "Data"},
    "supplier_col_agreement": {"nl": "Overeenkomst", "en": "Agreement"},
    "supplier_col_until": {"nl": "Geldig tot", "en": "Valid until"},
    "supplier_col_dpia": {"nl": "DPIA", "en": "DPIA"},
    "supplier_col_findings": {"nl": "Open bevindingen", "en": "Open findings"},
    "supplier_agreement_none": {"nl": "geen", "en": "none"},
    "supplier_agreement_valid": {"nl": "geldig", "en": "valid"},
    "supplier_agreement_expired": {"nl": "verlopen", "en": "expired"},
    "supplier_agreement_not_yet": {"nl": "nog niet ingegaan", "en": "not yet in force"},
    "supplier_agreement_permitted": {"nl": "toegestaan als subverwerker in de {agreement}", "en": "permitted as sub-processor in the {agreement}"},
    "supplier_dpia_none": {"nl": "geen DPIA", "en": "no DPIA"},
    "supplier_filter_text": {"nl": "Zoeken", "en": "Search"},
    "supplier_filter_role": {"nl": "Rol", "en": "Role"},
    "supplier_sort": {"nl": "Sorteren op", "en": "Sort by"},
    "supplier_export": {"nl": "Exporteren naar Excel", "en": "Export to Excel"},
    "supplier_exported": {"nl": "Opgeslagen in {file}.", "en": "Saved in {file}."},
    "supplier_count": {"nl": {"one": "{count} leverancier", "other": "{count} leveranciers"}, "en": {"one": "{count} supplier", "other": "{count} suppliers"}},
    # ---- issue 17: recording a breach from the notebook, the drawing of its reach, --since
    "recorder_id": {"nl": "Kenmerk", "en": "Identifier"},
    "recorder_title": {"nl": "Wat er gebeurde (kort)", "en": "What happened (short)"},
    "recorder_date": {"nl": "Ontdekt op", "en": "Discovered on"},
    "recorder_time": {"nl": "om (Nederlandse tijd)", "en": "at (Dutch time)"},
    "recorder_reported_by": {"nl": "Gemeld door", "en": "Reported by"},
    "recorder_nature": {"nl": "Wat er met de gegevens gebeurde", "en": "What happened to the data"},
    "recorder_measures": {"nl": "Wat er is gedaan (een regel per maatregel)", "en": "What was done (one line per measure)"},
    "recorder_ap": {"nl": "Besluit melden bij de AP", "en": "Decision on notifying the AP"},
    "recorder_subjects": {"nl": "Besluit informeren betrokkenen", "en": "Decision on informing the people"},
    "recorder_reason": {"nl": "Reden", "en": "Reason"},
    "recorder_decision_notify": {"nl": "melden", "en": "notify"},
    "recorder_decision_not_notify": {"nl": "niet melden", "en": "do not notify"},
    "recorder_missing_id": {"nl": "Vul een kenmerk in voor het datalek", "en": "Fill in an identifier for the breach"},
    "recorder_missing_title": {"nl": "Beschrijf kort wat er gebeurde", "en": "Say briefly what happened"},
    "recorder_missing_discovered_at": {"nl": "Vul in wanneer het lek is ontdekt (datum en tijd)", "en": "Fill in when the breach was discovered (date and time)"},
    "recorder_missing_nature": {"nl": "Vink aan wat er met de gegevens gebeurde", "en": "Tick what happened to the data"},
    "recorder_id_taken": {"nl": "Het kenmerk '{id}' bestaat al in het register: dit datalek is al vastgelegd, of kies een ander kenmerk",
                          "en": "The identifier '{id}' is already in the register: this breach is recorded already, or choose another identifier"},
    "recorder_saved": {"nl": "Datalek '{id}' vastgelegd in het register van datalekken.", "en": "Breach '{id}' recorded in the breach register."},
    "breach_map_title": {"nl": "Wat een lek bij {place} kan raken", "en": "What a breach at {place} can reach"},
    "breach_since": {"nl": "Alleen wat van {since} tot {until} hier kwam of vandaan ging: een gegevensstroom waarvan elke overeenkomst buiten die periode lag valt weg (een overeenkomst zonder data telt mee)",
                     "en": "Only what arrived or left here from {since} to {until}: a data flow whose every agreement lay outside that period is left out (an agreement without dates counts)"},
    "breach_since_future": {"nl": "--since {value} ligt in de toekomst; geef de datum vanaf wanneer het lek kan hebben gelopen (uiterlijk {today})",
                            "en": "--since {value} lies in the future; give the date from which the breach may have run (at the latest {today})"},
    "breach_since_not_date": {"nl": "--since '{value}' is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-09-01",
                              "en": "--since '{value}' is not a date; write YYYY-MM-DD, for example 2026-09-01"},
    "widget_breach_map": {"nl": "kaart", "en": "map"},
    "breach_map_format": {"nl": "--map {path}: geef een bestand dat eindigt op .png of .svg", "en": "--map {path}: give a file ending in .png or .svg"},
    "breach_map_written": {"nl": "Kaart van wat het lek kan raken geschreven naar {path}", "en": "Map of what the breach can reach written to {path}"},
    # ---- imported modules: a sector DPIA reused by a school (issue 18 part 2)
    "module_outside": {
        "nl": "import '{module}': de map '{source}' ligt buiten de registermap; een module wordt alleen gelezen uit een map binnen het register",
        "en": "import '{module}': the folder '{source}' lies outside the register folder; a module is read only from a folder inside the register",
    },
    "step_module_outside": {
        "nl": "Kopieer de module naar een map in het register (bijvoorbeeld modules/) en verwijs daarnaar.",
        "en": "Copy the module into a folder in the register (for example modules/) and refer to that.",
    },
    "module_missing": {
        "nl": "import '{module}': de map '{source}' bestaat niet",
        "en": "import '{module}': the folder '{source}' does not exist",
    },
    "step_module_missing": {
        "nl": "Controleer de naam van de map, of zet de module op die plaats.",
        "en": "Check the folder's name, or put the module in that place.",
    },
    "module_checksum": {
        "nl": "import '{module}': de controlesom van '{source}' klopt niet: verwacht {expected}, gevonden {actual}; de module is veranderd en wordt niet gebruikt",
        "en": "import '{module}': the checksum of '{source}' does not match: expected {expected}, found {actual}; the module has changed and is not used",
    },
    "step_module_checksum": {
        "nl": "Bekijk eerst wat er veranderd is met 'dpia diff OUDE-MAP {source}'; neem je de nieuwe versie over, zet dan {actual} bij checksum.",
        "en": "First review what changed with 'dpia diff OLD-FOLDER {source}'; if you accept the new version, put {actual} as the checksum.",
    },
    "module_no_manifest": {
        "nl": "import '{module}': '{source}' heeft geen geldig module.yaml met naam en versie",
        "en": "import '{module}': '{source}' has no valid module.yaml with a name and a version",
    },
    "step_module_no_manifest": {
        "nl": "Een module heeft een module.yaml met 'name', 'publisher' en 'version'; vraag de uitgever om een volledige module.",
        "en": "A module has a module.yaml with 'name', 'publisher' and 'version'; ask the publisher for a complete module.",
    },
    "module_version": {
        "nl": "import '{module}': de import noemt versie {expected}, de module is versie {actual}",
        "en": "import '{module}': the import names version {expected}, the module is version {actual}",
    },
    "step_module_version": {
        "nl": "Bekijk de nieuwe versie met 'dpia diff' en zet daarna de versie en de controlesom van de import goed.",
        "en": "Review the new version with 'dpia diff', then correct the import's version and checksum.",
    },
    "module_controller": {
        "nl": "module '{module}' bevat een verwerkingsverantwoordelijke (controller); die staat alleen in het register van de school",
        "en": "module '{module}' contains a controller; only the school's register holds the controller",
    },
    "step_module_controller": {
        "nl": "Gebruik deze module niet; vraag de uitgever om een versie zonder 'controller'.",
        "en": "Do not use this module; ask the publisher for a version without 'controller'.",
    },
    "module_imports": {
        "nl": "module '{module}' importeert zelf modules; alleen het register van de school importeert",
        "en": "module '{module}' imports modules itself; only the school's register imports",
    },
    "step_module_imports": {
        "nl": "Importeer de andere module rechtstreeks in het register van de school.",
        "en": "Import the other module directly in the school's register.",
    },
    "module_clash": {
        "nl": "id '{value}' staat in module '{module}' en in module '{other}'",
        "en": "id '{value}' is in module '{module}' and in module '{other}'",
    },
    "step_module_clash": {
        "nl": "Kies in het eigen register van de school: neem een eigen item met id '{value}' op; dat vervangt beide.",
        "en": "Choose in the school's own register: add an entry of its own with id '{value}'; it replaces both.",
    },
    "module_read_only": {
        "nl": "'{value}' komt uit de module '{module}' en wordt daar niet gewijzigd",
        "en": "'{value}' comes from the module '{module}' and is not changed there",
    },
    "step_module_read_only": {
        "nl": "Neem in een eigen bestand van de school een item met hetzelfde id op; dat vervangt het item van de module.",
        "en": "Add an entry with the same id to one of the school's own files; it replaces the module's entry.",
    },
    "module_override": {
        "nl": "{where}: {id} vervangt het item uit module {module} (anders: {fields})",
        "en": "{where}: {id} overrides the entry of module {module} (different: {fields})",
    },
    "module_override_same": {"nl": "geen velden", "en": "no fields"},
    "module_imported": {
        "nl": "module {name} versie {version} van {publisher} ({id})",
        "en": "module {name} version {version} by {publisher} ({id})",
    },
    "module_source_own": {"nl": "eigen register", "en": "own register"},
    "report_sector_dpia": {
        "nl": "Deze DPIA bouwt voort op {modules}; wat de school zelf vastlegt, vervangt of vult die aan.",
        "en": "This DPIA builds on {modules}; what the school records itself replaces or adds to it.",
    },
    "report_sector_dpia_item": {
        "nl": "de sector-DPIA {name} (versie {version}) van {publisher}",
        "en": "the sector DPIA {name} (version {version}) by {publisher}",
    },
    "cli_module_checksum": {"nl": "{checksum}", "en": "{checksum}"},
    "module_finding": {"nl": "uit module {name} versie {version}", "en": "from module {name} version {version}"},
    # ---- issue 18 part 3: imports checked by the model, archive sources, the module in the MR report
    "form_checksum": {
        "nl": "'sha256:' gevolgd door 64 tekens 0-9 en a-f, zoals 'dpia module checksum' het toont",
        "en": "'sha256:' followed by 64 characters 0-9 and a-f, as 'dpia module checksum' prints it",
    },
    "report_from_module": {
        "nl": "Dit komt uit de sector-DPIA {name} (versie {version}).",
        "en": "This comes from the sector DPIA {name} (version {version}).",
    },
    "diff_read_with": {
        "nl": "De oude versie is gelezen met waarden voor velden die er later bij kwamen, overgenomen uit de nieuwe versie: {fields}",
        "en": "The old version was read with values for fields added later, taken from the new version: {fields}",
    },
    "diff_read_with_item": {
        "nl": "{field} = {value} (veld toegevoegd op {added})",
        "en": "{field} = {value} (field added on {added})",
    },
    "diff_sum_read_with": {
        "nl": "De oude versie legde nog niet alles vast wat nu verplicht is. Voor de vergelijking is dit uit de nieuwe versie overgenomen: {items}.",
        "en": "The old version did not yet record everything that is required now. For the comparison, this was taken from the new version: {items}.",
    },
    "diff_later_controller_sector": {"nl": "de sector {value}", "en": "the sector {value}"},
    "form_commit": {
        "nl": "een volledige commit-id van 40 tekens 0-9 en a-f, zoals 'git rev-parse HEAD' die toont; een branch, een tag of een korte id kan later naar een andere commit wijzen",
        "en": "a full commit id of 40 characters 0-9 and a-f, as 'git rev-parse HEAD' prints it; a branch, a tag or a short id can later point to another commit",
    },
    "module_url_scheme": {
        "nl": "import '{module}': '{source}' wordt niet gelezen; een module komt uit een map, een archief of een git-repository (file://) binnen de registermap, nooit van internet",
        "en": "import '{module}': '{source}' is not read; a module comes from a folder, an archive or a git repository (file://) inside the register folder, never from the internet",
    },
    "step_module_url_scheme": {
        "nl": "Download het archief van de uitgever, zet het in de registermap (bijvoorbeeld modules/) en importeer dat; of clone de repository daar en verwijs ernaar met file://.",
        "en": "Download the publisher's archive, put it in the register folder (for example modules/) and import that; or clone the repository there and refer to it with file://.",
    },
    "module_not_pinned": {
        "nl": "import '{module}': de git-repository '{source}' heeft een 'revision' nodig: de volledige commit-id die de import vastlegt",
        "en": "import '{module}': the git repository '{source}' needs a 'revision': the full commit id the import is pinned to",
    },
    "step_module_not_pinned": {
        "nl": "Zet 'revision:' met de commit-id die 'git rev-parse BRANCH' in die repository toont.",
        "en": "Add 'revision:' with the commit id that 'git rev-parse BRANCH' prints in that repository.",
    },
    "module_revision_not_git": {
        "nl": "import '{module}': 'revision' hoort alleen bij een git-repository (file://...), niet bij '{source}'",
        "en": "import '{module}': 'revision' belongs only to a git repository (file://...), not to '{source}'",
    },
    "step_module_revision_not_git": {
        "nl": "Verwijder 'revision', of verwijs met 'source' naar de git-repository.",
        "en": "Remove 'revision', or let 'source' name the git repository.",
    },
    "module_git_failed": {
        "nl": "git-repository '{source}' is niet te lezen: {reason}",
        "en": "git repository '{source}' cannot be read: {reason}",
    },
    "step_module_git_failed": {
        "nl": "Controleer dat de map een git-repository is en de commit bevat ('git cat-file -t COMMIT' toont 'commit').",
        "en": "Check that the folder is a git repository holding the commit ('git cat-file -t COMMIT' prints 'commit').",
    },
    "archive_missing": {
        "nl": "import '{module}': het archief '{source}' bestaat niet",
        "en": "import '{module}': the archive '{source}' does not exist",
    },
    "step_archive_missing": {
        "nl": "Controleer de naam van het archief, of zet het archief van de uitgever op die plaats.",
        "en": "Check the archive's name, or put the publisher's archive in that place.",
    },
    "archive_member_path": {
        "nl": "archief '{source}': '{member}' wijst naar een plaats buiten het archief (een absoluut pad of '..'); het archief wordt niet gelezen",
        "en": "archive '{source}': '{member}' points to a place outside the archive (an absolute path or '..'); the archive is not read",
    },
    "step_archive_member_path": {
        "nl": "Gebruik dit archief niet; vraag de uitgever om een archief met alleen gewone bestanden in de module.",
        "en": "Do not use this archive; ask the publisher for an archive that holds only plain files of the module.",
    },
    "archive_member_kind": {
        "nl": "archief '{source}': '{member}' is geen gewoon bestand (een koppeling of een apparaat); het archief wordt niet gelezen",
        "en": "archive '{source}': '{member}' is not a plain file (a link or a device); the archive is not read",
    },
    "step_archive_member_kind": {
        "nl": "Gebruik dit archief niet; vraag de uitgever om een archief zonder koppelingen.",
        "en": "Do not use this archive; ask the publisher for an archive without links.",
    },
    "archive_member_twice": {
        "nl": "archief '{source}': '{member}' staat er twee keer in; niet te zeggen welke geldt",
        "en": "archive '{source}': '{member}' is in it twice; there is no telling which one counts",
    },
    "step_archive_member_twice": {
        "nl": "Vraag de uitgever om een archief waarin elk bestand één keer staat.",
        "en": "Ask the publisher for an archive that holds each file once.",
    },
    "archive_too_many": {
        "nl": "archief '{source}': meer dan {limit} onderdelen; zoveel heeft een module niet",
        "en": "archive '{source}': more than {limit} members; a module has not that many",
    },
    "step_archive_too_many": {
        "nl": "Gebruik dit archief niet; vraag de uitgever om een archief met alleen de bestanden van de module.",
        "en": "Do not use this archive; ask the publisher for an archive with only the module's files.",
    },
    "archive_too_large": {
        "nl": "archief '{source}': uitgepakt meer dan {limit} MB; zoveel YAML heeft een module niet",
        "en": "archive '{source}': more than {limit} MB when unpacked; a module has not that much YAML",
    },
    "step_archive_too_large": {
        "nl": "Gebruik dit archief niet; vraag de uitgever om een archief met alleen de bestanden van de module.",
        "en": "Do not use this archive; ask the publisher for an archive with only the module's files.",
    },
    "archive_unreadable": {
        "nl": "archief '{source}' is niet te lezen als .tar, .tar.gz of .zip: {reason}",
        "en": "archive '{source}' cannot be read as .tar, .tar.gz or .zip: {reason}",
    },
    "step_archive_unreadable": {
        "nl": "Download het archief opnieuw bij de uitgever; een versleuteld archief wordt niet gelezen.",
        "en": "Download the archive again from the publisher; an encrypted archive is not read.",
    },
    "archive_empty": {
        "nl": "archief '{source}' bevat geen YAML-bestanden (bovenin, of in de ene map die het bevat)",
        "en": "archive '{source}' holds no YAML files (at its top, or in the one folder it holds)",
    },
    "step_archive_empty": {
        "nl": "Controleer of dit het archief van de module is; de bestanden module.yaml en de YAML-bestanden staan bovenin.",
        "en": "Check that this is the module's archive; module.yaml and the YAML files are at its top.",
    },

    # ---- outputs that would touch the register (dpia.io.files.check_output; branch main)
    "output_in_register": {
        "nl": "{path} ligt in het register {register}: een uitvoerbestand mag geen bestand van het register "
        "vervangen. Er is niets geschreven; kies met -o een plek buiten de registermap",
        "en": "{path} is inside the register {register}: an output may not replace a file of the register. "
        "Nothing was written; choose a place outside the register folder with -o",
    },
    "output_is_link": {
        "nl": "{path} is een symbolische koppeling (naar {target}); een uitvoerbestand wordt niet via een koppeling "
        "geschreven. Er is niets geschreven; kies met -o een gewone bestandsnaam",
        "en": "{path} is a symbolic link (to {target}); an output is never written through a link. Nothing was "
        "written; choose an ordinary file name with -o",
    },
    "output_not_regular": {
        "nl": "{path} is geen gewoon bestand (een apparaat, pipe of socket). Er is niets geschreven; kies met -o een "
        "gewone bestandsnaam",
        "en": "{path} is not a regular file (a device, pipe or socket). Nothing was written; choose an ordinary "
        "file name with -o",
    },
    "output_read_only_file": {
        "nl": "{path} is alleen-lezen; het wordt niet vervangen. Er is niets geschreven; kies met -o een andere naam, "
        "of geef --force om het toch te vervangen",
        "en": "{path} is read-only; it is not replaced. Nothing was written; choose another name with -o, or give "
        "--force to replace it anyway",
    },

    # ---- CSV values that span lines (dpia.io.bulk; branch main)
    "csv_value_spans_lines": {
        "nl": "de waarde in kolom '{column}' begint hier met een aanhalingsteken (\") dat op deze regel niet wordt "
        "gesloten; ze loopt {lines} regels door, en die regels zouden als gegevensstromen verdwijnen",
        "en": "the value in column '{column}' starts here with a quote (\") that is not closed on this line; it runs "
        "on for {lines} lines, and those lines would vanish as data flows",
    },
    "step_csv_value_spans_lines": {
        "nl": "Sluit het aanhalingsteken of haal het weg; alleen een vrije tekst (zoals een naam of kanaal) mag over "
        "meer regels lopen.",
        "en": "Close the quote or remove it; only free text (such as a name or a channel) may run over several lines.",
    },

    "import_csv_quote_open": {
        "nl": "de waarde in kolom '{column}' begint met een aanhalingsteken (\") dat pas {lines} regels verder, of "
        "nooit, gesloten wordt; de rijen daartussen zouden in deze ene cel verdwijnen",
        "en": "the value in column '{column}' starts with a quote (\") that is closed only {lines} lines further, or "
        "never; the rows in between would vanish into this one cell",
    },
    "step_import_csv_quote_open": {
        "nl": "Sluit het aanhalingsteken of haal het weg, sla het blad opnieuw als CSV op en importeer opnieuw.",
        "en": "Close the quote or remove it, save the sheet as CSV again and import again.",
    },

    # ---- saves of several files (dpia.io.files.write_together; branch main)
    "save_finished": {
        "nl": "Een opslag die werd onderbroken is afgemaakt: {files}. Het register is weer heel.",
        "en": "A save that was interrupted has been finished: {files}. The register is whole again.",
    },
    "save_interrupted_conflict": {
        "nl": "een opslag van meer bestanden werd onderbroken en kan niet worden afgemaakt: dit bestand is sindsdien "
        "door iemand anders veranderd",
        "en": "a save of several files was interrupted and cannot be finished: this file was changed by someone "
        "else since",
    },
    "step_save_interrupted_conflict": {
        "nl": "Kijk welke versie van dit bestand juist is; verwijder daarna {journal} en laad het register opnieuw.",
        "en": "Check which version of this file is right; then delete {journal} and load the register again.",
    },

    # ---- YAML beyond plain data (dpia.io.store; branch main)
    "yaml_merge_key": {
        "nl": "een samenvoegsleutel ('<<:') is niet toegestaan: ze voegt velden toe die in het bestand niet te zien zijn",
        "en": "a merge key ('<<:') is not allowed: it adds fields that the file does not show",
    },
    "step_yaml_merge_key": {
        "nl": "Schrijf de velden zelf uit in deze entry en haal de regel met '<<:' weg.",
        "en": "Write the fields out in this entry and remove the line with '<<:'.",
    },
    "yaml_complex_key": {
        "nl": "een sleutel moet een gewone tekst zijn, geen lijst of mapping ('? [...]')",
        "en": "a key must be plain text, not a list or a mapping ('? [...]')",
    },
    "step_yaml_complex_key": {
        "nl": "Gebruik een veldnaam uit het registerformaat (docs/register-format.md) als sleutel.",
        "en": "Use a field name of the register format (docs/register-format.md) as the key.",
    },

    # ---- invisible characters in a text (dpia.model.entities.invisible_character; branch main)
    "invisible_character": {
        "nl": "{path}: {value} bevat op positie {position} een onzichtbaar teken ({char}); zo'n teken kan een naam "
        "achterstevoren laten lezen of twee namen gelijk laten lijken",
        "en": "{path}: {value} holds an invisible character at position {position} ({char}); such a character can "
        "make a name read backwards or two names look the same",
    },
    "step_invisible_character": {
        "nl": "Typ de tekst opnieuw zonder dat teken (het komt vaak mee bij kopiëren uit een webpagina of pdf).",
        "en": "Type the text again without that character (it often comes along when copying from a web page or PDF).",
    },

    # ---- memory (dpia.cli; branch main)
    "out_of_memory": {
        "nl": "{path}: deze computer heeft niet genoeg geheugen om dit register te lezen en te controleren; er is niets "
        "geschreven. Een register binnen de grenzen (docs/performance.md) vraagt hoogstens 2 GB; sluit andere "
        "programma's, of splits een groot flows.csv",
        "en": "{path}: this computer has not enough memory to read and check this register; nothing was written. A "
        "register within the limits (docs/performance.md) takes at most 2 GB; close other programs, or split a large "
        "flows.csv",
    },

    # ---- git modules that read from outside (dpia.io.modules.git_dir_outside; branch main)
    "module_git_outside": {
        "nl": "import '{module}': de git-repository '{source}' leest uit {place}, buiten de registermap",
        "en": "import '{module}': the git repository '{source}' reads from outside the register folder: {place}",
    },
    "step_module_git_outside": {
        "nl": "Zet een volledige kopie van de repository in de registermap ('git clone --bare --no-local') en verwijs daarnaar.",
        "en": "Put a complete copy of the repository in the register folder ('git clone --bare --no-local') and point to it.",
    },

    # ---- forms (branch forms)
    "wizard_flow_exists": {
        "nl": "De gegevensstroom '{id}' staat al in het register met deze gegevens, doelen en betrokkenen; die wordt niet nog eens toegevoegd.",
        "en": "The data flow '{id}' is already in the register with this data, these purposes and these people; it is not added again.",
    },
}


def default_lang() -> str:
    lang = os.environ.get("DPIA_LANG", "nl")
    return lang if lang in LANGS else "nl"


# Plural forms: a message whose text is a mapping {"one": ..., "other": ...} is chosen by its ``count``
# parameter. Dutch and English both use "one" for exactly 1 and "other" for everything else (0 too).
PLURAL_FORMS = ("one", "other")


def plural_form(count: Any) -> str:
    """'one' for a count of exactly 1, 'other' otherwise (the rule of Dutch and English)."""
    return "one" if count == 1 else "other"


def t(key: str, lang: str | None = None, /, **params: Any) -> str:
    """The message ``key`` in ``lang`` with ``params`` filled in.

    A message with plural forms takes the form for its ``count`` parameter.

    >>> t("cli_valid", "en", path="data/x")
    'data/x: valid register'
    >>> t("report_n_findings", "nl", count=1), t("report_n_findings", "nl", count=2)
    ('1 bevinding', '2 bevindingen')
    """
    text = MESSAGES[key][lang or default_lang()]
    if isinstance(text, dict):
        if "count" not in params:
            raise TypeError(f"message {key!r} has plural forms and needs a count parameter")
        text = text[plural_form(params["count"])]
    return text.format(**params)


BABEL_LOCALES = {"nl": "nl_NL", "en": "en_GB"}


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


def format_list(items: Any, lang: str | None = None) -> str:
    """Items joined as a sentence does: 'a, b en c' in Dutch, 'a, b and c' in English.

    >>> format_list(["a", "b", "c"], "nl"), format_list(["a", "b"], "en")
    ('a, b en c', 'a and b')
    """
    from babel.lists import format_list as babel_format_list

    items = [str(i) for i in items]
    return babel_format_list(items, locale=BABEL_LOCALES[lang or default_lang()]) if items else ""
