"""The validation messages of the catalogue (``dpia.i18n``) say what to do, not only what is wrong.

Every problem key the loader, the CSV reader and the spreadsheet import can report either has a next
step (``step_<key>``, added by ``Problem.message`` as a second sentence) or says the step itself; the
phrase that does so is named here, so a new message without one fails this test.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dpia.i18n import forms, has, LANGS, t, template
from dpia.io.problems import LEVELS, Msg, order_problems, Problem

ROOT = Path(__file__).resolve().parents[1]

# Messages that carry their step in their own text: key → the step, in English.
SAYS_WHAT_TO_DO = {
    "alias": "write the value out",
    "bad_date": "use YYYY-MM-DD, for example",
    "bad_duration": "use for example P2Y",
    "bad_id": "use lower-case letters, digits",
    "changed_on_disk": "Reload the register and make the edit again",
    "csv_not_utf8": "Save it as CSV UTF-8",
    "csv_read_only": "edit that file itself",
    "csv_stray_cr": "save the file with ordinary line ends",
    "csv_unnamed_value": "Give the column one of the allowed names, or empty the cell",
    "csv_utf16": "save it as UTF-8 (CSV UTF-8)",
    "not_utf8": "Save it as UTF-8",
    "save_locked": "Try again in a moment",
    "section_empty": "Put its entries under",
    "symlink_outside": "Copy the file into the folder",
    "duplicate_screening_answer": "give one answer per criterion",
    "import_column_missing": "add it to the header row",
    "import_csv_binary": "save it as 'CSV UTF-8'",
    "import_encrypted": "remove the password in Excel",
    "import_formula": "type the value itself",
    "import_key_missing": "say which entry this row belongs to",
    "import_ods": "Save it as 'Excel 2007-365 (.xlsx)'",
    "import_not_zip": "Save it in Excel as",
    "import_xls": "Save it in Excel as",
    "import_part_missing": "save it again in Excel",
    "import_reload_failed": "please report it",
    "import_sheet_damaged": "save the workbook again in Excel",
    "import_sheet_part_missing": "save it again in Excel",
    "import_single_csv": "give an .xlsx workbook or a folder",
    "import_xml_broken": "save it again in Excel",
    "import_xml_encoding": "save it again in Excel",
    "import_zip_damaged": "save it again or ask for it again",
    "import_zip_part_damaged": "save the workbook again in Excel",
    "import_more_problems": "fix them and import the workbook again",
    "refs_unchecked": "Fix the problem above first",
    "bad_datetime": "write for example 2026-11-20T09:15:00+01:00",
    "breach_discovered_in_future": "fill in when the breach was discovered",
    "breach_before_discovery": "check the times and time zones",
    "promise_needs_to": "name the organisations",
    "promise_needs_categories": "name the data this promise is about",
    "promise_needs_max": "name the longest retention period",
}


def reported_keys() -> set[str]:
    """The catalogue keys the loader, the CSV reader and the import report problems under."""
    keys: set[str] = set()
    patterns = (
        r'problem_at\([^"]*?"(\w+)"',
        r'Problem\([^"]*?"(\w+)"',
        r'\.add\([^,]+, [^,]+, [^,]+, "(\w+)"',
        r'\.file\("(\w+)"',
        r'not_utf8problem_at\([^)]*"(\w+)"\)',
        r'reason in \(\s*((?:"\w+",?\s*)+)\)',
        r'elif reason == "(\w+)"',
    )
    for name in ("io/store.py", "io/problems.py", "io/files.py", "io/causes.py", "io/bulk.py", "io/importer.py"):
        text = (ROOT / "dpia" / name).read_text(encoding="utf-8")
        for pattern in patterns:
            for found in re.findall(pattern, text):
                keys.update(re.findall(r"\w+", found))
    return {k for k in keys if has(k)} | {"not_utf8", "utf16", "refs_unchecked"}


def test_the_keys_are_found() -> None:
    keys = reported_keys()
    assert len(keys) > 80
    assert {"dangling_ref", "empty_file", "csv_fields", "import_formula", "retention_target"} <= keys


@pytest.mark.parametrize("key", sorted(reported_keys()))
def test_every_validation_message_says_the_next_step(key: str) -> None:
    if has(f"step_{key}"):
        for lang in LANGS:
            assert template(f"step_{key}", lang).strip()
        return
    assert key in SAYS_WHAT_TO_DO, f"'{key}' states a fact only: add a step_{key} entry to the catalogue (dpia.po)"
    assert SAYS_WHAT_TO_DO[key] in " ".join(forms(key, "en"))


def test_the_step_is_a_second_sentence_after_the_hint() -> None:
    hint = Msg("did_you_mean", (("value", "role"),))
    p = Problem("x.yaml", 3, 5, "extra_forbidden", (("allowed", "id, name, role"), ("field", "rol"), ("hint", hint),
                                                     ("path", "parties[0]")))
    assert p.render("en") == ("x.yaml:3:5: parties[0]: unknown field 'rol'; allowed: id, name, role; did you mean "
                              "'role'? Correct the field name, or delete the field if it is not needed")
    q = Problem("x.yaml", 3, 5, "extra_forbidden", (("allowed", "id"), ("field", "rol"), ("hint", ""), ("path", "p")))
    assert q.message("nl") == ("p: onbekend veld 'rol'; toegestaan: id. Verbeter de veldnaam, of verwijder het veld "
                               "als het niet nodig is")
    assert t("step_missing", "en", field="role") == "Fill in 'role' for this entry"


def test_problems_are_ordered_causes_first() -> None:
    probs = [
        Problem("a.yaml", 2, 1, "dangling_ref", (("allowed", "parties"), ("hint", ""), ("path", "p"), ("value", "x"))),
        Problem("a.yaml", 1, 1, "enum", (("allowed", "a"), ("hint", ""), ("path", "p"), ("value", "b"))),
        Problem("z.yaml", 9, 1, "yaml_tab"),
        Problem("z.yaml", 1, 1, "refs_unchecked", (("count", 3), ("first", "a.yaml:4"), ("level", "file"),
                                                  ("what", "ids from z.yaml"), ("why", "that file could not be read")),
                caused_by="z.yaml:1:1"),
        Problem("z.yaml", 1, 1, "utf16"),
    ]
    ordered = order_problems(probs)
    assert [p.key for p in ordered] == ["utf16", "refs_unchecked", "yaml_tab", "enum", "dangling_ref"]
    assert [p.level for p in ordered] == ["file", "file", "syntax", "shape", "reference"]
    assert set(LEVELS) == {p.level for p in ordered}
    assert ordered[1].as_dict("en")["caused_by"] == "z.yaml:1:1" and ordered[0].as_dict("en")["caused_by"] is None
