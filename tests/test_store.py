"""Loading a register: every kind of problem, located and explained, in one pass."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from dpia.io import store
from dpia.io.problems import RegisterInvalid
from dpia.io.store import load

from .conftest import MINI, write_register


def problems_of(path: Path, lang: str = "en") -> list[str]:
    with pytest.raises(RegisterInvalid) as info:
        load(path)
    return [p.render(lang) for p in info.value.problems]


def broken(tmp_path: Path, old: str, new: str, file: str = "more.yaml") -> Path:
    """The mini register with one substitution made in one file."""
    files = dict(MINI)
    text = textwrap.dedent(files[file])
    assert old in text, old
    files[file] = text.replace(old, new, 1)
    return write_register(tmp_path / "reg", files)


def line_of(path: Path, needle: str) -> int:
    for i, line in enumerate(path.read_text().splitlines(), 1):
        if needle in line:
            return i
    raise AssertionError(needle)


def test_every_entity_loads(mini: Path) -> None:
    reg = load(mini).register
    assert reg.controller.id == "board"
    assert [s.id for s in reg.controller.schools] == ["school-a"]
    assert reg.controller.dpo.email == "fg@example.nl"
    assert [p.id for p in reg.parties] == ["supplier", "hosting", "duo"]
    assert reg.parties[1].location.in_eea is False and reg.parties[0].location.in_eea is True
    assert reg.systems[0].operated_by == "supplier"
    assert reg.data_categories[2].special_subtype == "health"
    assert reg.subjects[0].age_band == "under_16"
    assert reg.purposes[1].legal_source == "WVO 2020"
    assert reg.flows[0].from_ == "school-a" and reg.flows[1].to == "duo"
    agreement = reg.agreements[0]
    assert agreement.valid_until.isoformat() == "2027-12-31" and agreement.permitted_subprocessors == ["hosting"]
    assert reg.consents[0].given_by.for_band("16_to_17") == "pupil"
    assert reg.access_roles[0].read == ["name", "care"]
    assert reg.retention[0].duration == "P2Y"
    assert reg.measures[0].status == "implemented"


def test_origins_locate_entities(mini: Path) -> None:
    loaded = load(mini)
    assert loaded.where("f-las-duo") == f"{mini}/more.yaml:{line_of(mini / 'more.yaml', 'id: f-las-duo')}"
    assert loaded.where("school-a").endswith(f"register.yaml:{line_of(mini / 'register.yaml', 'id: school-a')}")


@pytest.mark.parametrize(
    ("old", "new", "needle", "expected"),
    [
        ("    channel: web", "    chanel: web", "chanel", "unknown field 'chanel'; allowed: id, from, to"),
        ("    channel: web", "    chanel: web", "chanel", "did you mean 'channel'?"),
        ("legal_basis: public_task", "legal_basis: public_tsak", "public_tsak", "value 'public_tsak' is not allowed; allowed: consent, contract"),
        ("legal_basis: public_task", "legal_basis: public_tsak", "public_tsak", "did you mean 'public_task'?"),
        ("categories: [name, bsn]", "categories: [name, bsm]", "bsm", "flows[1] (f-las-duo).categories[1]: 'bsm' refers to nothing; expected an id from data_categories; did you mean 'bsn'?"),
        ("valid_until: 2027-12-31", "valid_until: 2027-02-30", "2027-02-30", "valid_until: '2027-02-30' is not a valid date"),
        ("retention: P1Y", "retention: 1 jaar", "1 jaar", "retention: '1 jaar' is not an ISO-8601 duration"),
        ("deletion_after_use: true", "deletion_after_use: [true]", "deletion_after_use", "deletion_after_use: expected true or false, found […]"),
        ("  - id: bron", "  - id: education", "id: education\n", "id 'education' is already used at"),
        ("  - id: bron", "  - id: Bron Melding", "Bron Melding", "'Bron Melding' is not a valid id"),
        ("    duration: P2Y\n", "", "id: r-name", "retention[0] (r-name): required field 'duration' is missing"),
    ],
)
def test_field_errors_are_located_and_explained(tmp_path, old, new, needle, expected) -> None:
    reg = broken(tmp_path, old, new)
    messages = problems_of(reg)
    text = (reg / "more.yaml").read_text()
    matching = [m for m in messages if expected in m]
    assert matching, messages
    first_line = next(i for i, line in enumerate(text.splitlines(), 1) if needle.strip("\n") in line)
    if needle == "id: education\n":  # the duplicate is reported at its second occurrence
        first_line = [i for i, line in enumerate(text.splitlines(), 1) if "id: education" in line][1]
    assert matching[0].startswith(f"{reg}/more.yaml:{first_line}:"), matching[0]


def test_messages_default_to_dutch(tmp_path) -> None:
    reg = broken(tmp_path, "legal_basis: public_task", "legal_basis: publieke_taak")
    (message,) = problems_of(reg, lang="nl")
    assert "waarde 'publieke_taak' is niet toegestaan; toegestaan: consent" in message


def test_special_category_needs_subtype(tmp_path) -> None:
    reg = broken(tmp_path, "    special_subtype: health\n", "", file="register.yaml")
    (message,) = problems_of(reg)
    assert "type 'special' needs a 'special_subtype' (GDPR Art. 9(1)); allowed: racial_ethnic_origin" in message


def test_pupils_need_an_age_band(tmp_path) -> None:
    reg = broken(tmp_path, "    age_band: under_16\n", "", file="register.yaml")
    (message,) = problems_of(reg)
    assert "pupils need an 'age_band'" in message


def test_wrong_type_names_the_value(tmp_path) -> None:
    reg = broken(tmp_path, "pupils: 900", "pupils: veel", file="register.yaml")
    (message,) = problems_of(reg)
    assert "controller.schools[0].pupils: expected a whole number, found 'veel'" in message
    assert f":{line_of(reg / 'register.yaml', 'pupils: veel')}:" in message


def test_unknown_section_suggests(tmp_path) -> None:
    reg = broken(tmp_path, "flows:", "flow:")
    (message,) = problems_of(reg)
    assert "unknown section 'flow'" in message and "did you mean 'flows'?" in message
    assert message.startswith(f"{reg}/more.yaml:{line_of(reg / 'more.yaml', 'flow:')}:1:")


@pytest.mark.parametrize(
    ("text", "expected", "line"),
    [
        ("controller:\n\tid: x\n", "a tab character cannot be used for indentation", 2),
        ("controller:\n  id: x\n  id: y\n", "key 'id' appears twice", 3),
        ("controller: [unclosed\n", "YAML syntax error", 2),
        ("controller: !!python/object:os.system {id: x}\n", "YAML tag 'tag:yaml.org,2002:python/object:os.system' is not allowed", 1),
        ("controller: &c {id: x, name: y}\nparties:\n  - *c\n", "anchors and aliases", 1),
        ("- just\n- a list\n", "the top level must hold sections", 1),
        ("parties: {id: x}\n", "section 'parties' must be a list of entries", 1),
        ("", "the file is empty", 1),
    ],
)
def test_yaml_level_errors(tmp_path, text, expected, line) -> None:
    folder = tmp_path / "reg"
    folder.mkdir()
    (folder / "a.yaml").write_text(text, encoding="utf-8")
    messages = problems_of(folder)
    hit = [m for m in messages if expected in m]
    assert hit, messages
    assert hit[0].startswith(f"{folder}/a.yaml:{line}:"), hit[0]


def test_encodings_are_explained(tmp_path) -> None:
    folder = tmp_path / "reg"
    folder.mkdir()
    (folder / "latin1.yaml").write_bytes("controller:\n  name: Caf\u00e9\n".encode("latin-1"))
    (folder / "utf16.yaml").write_bytes("controller: {}\n".encode("utf-16"))
    messages = problems_of(folder)
    assert any("latin1.yaml:2:" in m and "not valid UTF-8 (byte 0xe9" in m for m in messages), messages
    assert any("utf16.yaml:1:1: the file is encoded as UTF-16" in m for m in messages), messages


def test_missing_path_and_empty_folder(tmp_path) -> None:
    assert problems_of(tmp_path / "nothing") == [f"{tmp_path / 'nothing'}:1:1: no such file or folder. Check the path "
                                                 "you typed: a register is a folder of .yaml files, for example "
                                                 "data/omo-helmond"]
    (tmp_path / "empty").mkdir()
    assert "holds no register files" in problems_of(tmp_path / "empty")[0]


def test_controller_required(tmp_path) -> None:
    folder = write_register(tmp_path / "reg", {"a.yaml": "parties: []\n"})
    assert "no 'controller' section" in problems_of(folder)[0]


def test_five_mistakes_all_reported_with_lines(tmp_path) -> None:
    files = dict(MINI)
    text = textwrap.dedent(files["more.yaml"])
    for old, new in [
        ("legal_basis: legal_obligation", "legal_basis: wettelijke_plicht"),
        ("    channel: web", "    chanel: web"),
        ("categories: [name, bsn]", "categories: [name, bsm]"),
        ("valid_until: 2027-12-31", "valid_until: 31-12-2027"),
        ("duration: P2Y", "duration: twee jaar"),
    ]:
        text = text.replace(old, new, 1)
    files["more.yaml"] = text
    reg = write_register(tmp_path / "reg", files)
    messages = problems_of(reg)
    assert len(messages) == 5, messages
    # the four wrong fields in file order, then the reference (causes before consequences)
    for needle, message in zip(["wettelijke_plicht", "chanel", "31-12-2027", "twee jaar", "bsm"], messages):
        assert f"more.yaml:{line_of(reg / 'more.yaml', needle)}:" in message, (needle, message)


# One broken snippet for each ruamel problem text that dpia.io.store.YAML_PHRASES translates.
YAML_SNIPPETS = {
    "yaml_no_colon": ("a: [b\n  c]\nd", "er ontbreekt een ':'"),
    "yaml_mapping_here": ("a: b: c\n", "hier mag geen 'sleutel: waarde' staan"),
    "yaml_indent": ("a: b\n- c\n", "het inspringen klopt niet"),
    "yaml_end_of_stream": ("a: 'open\n", "eindigt voordat een aanhalingsteken"),
    "yaml_flow_unclosed": ("a: {b: 1\nc: 2\n", "ontbreekt een ',' of het sluitende '}' (begonnen op regel 1)"),
    "yaml_documents": ("a: 1\n---\nb: 2\n", "meer dan één document"),
    "yaml_cannot_start": ("a: @x\n", "het teken '@' mag niet aan het begin"),
    "yaml_dash_here": ("a: - b\n", "hier mag geen lijstitem"),
    "yaml_control_char": ("a: b\x07\n", "stuurteken (#x0007)"),
    "yaml_anchor_name": ("a: &\n", "na '&' of '*' hoort een naam"),
    "yaml_escape": ('a: "\\q"\n', "onbekende escape 'q'"),
}


def test_every_translated_yaml_problem_has_an_example() -> None:
    assert set(YAML_SNIPPETS) == {key for _, key in store.YAML_PHRASES}


@pytest.mark.parametrize("key", sorted(YAML_SNIPPETS))
def test_yaml_syntax_errors_are_explained_in_dutch_and_kept_in_english(key: str) -> None:
    text, dutch = YAML_SNIPPETS[key]
    problems: list = []
    store._parse(text, "x.yaml", problems)
    [problem] = problems
    nl, en = problem.render("nl"), problem.render("en")
    assert dutch in nl and "YAML-syntaxfout" in nl
    assert not re.search(r"\b(while|found|expected|allowed)\b", nl), nl  # no English left in the Dutch
    pattern = {k: p for p, k in store.YAML_PHRASES}[key]
    assert "YAML syntax error" in en and pattern.search(en)  # the English reader sees ruamel's own words


# --------------------------------------------------------------------------------------------------
# Causes first: what a broken file or section leaves unchecked is counted, not listed


def test_an_empty_section_is_the_cause_of_the_references_into_it(tmp_path) -> None:
    files = {k: textwrap.dedent(v) for k, v in MINI.items()}
    more = files["more.yaml"]
    files["more.yaml"] = "purposes:\n" + more[more.index("flows:\n"):]
    reg = write_register(tmp_path / "reg", files)
    with pytest.raises(RegisterInvalid) as info:
        load(reg)
    got = [p.render("en") for p in info.value.problems]
    assert got == [
        f"{reg}/more.yaml:1:1: section 'purposes' is empty and appears nowhere else in the register, but other entries "
        "refer to it. Put its entries under 'purposes:' (each as '- id: ...') or remove the references",
        f"{reg}/more.yaml:1:1: 5 references to ids in purposes were not checked because that section in more.yaml is "
        f"empty or unusable (the first at {reg}/more.yaml:7). Fix the problem above first, then validate again",
    ]
    assert info.value.problems[1].caused_by == f"{reg}/more.yaml:1:1"
    # an empty section that nothing refers to is fine ("none yet")
    files["more.yaml"] = more.replace("consents:\n", "acceptances:\nconsents:\n")
    load(write_register(tmp_path / "ok", files))


def test_a_file_with_bad_syntax_leaves_only_the_references_to_its_ids_unchecked(tmp_path) -> None:
    files = {k: textwrap.dedent(v) for k, v in MINI.items()}
    files["more.yaml"] = files["more.yaml"].replace("    needs: [name, bsn]", "\tneeds: [name, bsn]", 1)
    # more.yaml cannot be parsed (a tab); register.yaml does not refer into it, and a third file refers to
    # a purpose more.yaml defines (counted with it) and to one no file defines (listed):
    files["dpia.yaml"] = ("retention:\n  - {id: r-x, purpose: bron, duration: P1Y, trigger: deregistration}\n"
                          "  - {id: r-y, purpose: nergens, duration: P1Y, trigger: deregistration}\n")
    reg = write_register(tmp_path / "reg", files)
    with pytest.raises(RegisterInvalid) as info:
        load(reg)
    got = [p.render("en") for p in info.value.problems]
    assert got[0].startswith(f"{reg}/more.yaml:") and "a tab character" in got[0]
    assert got[1].startswith(f"{reg}/more.yaml:") and got[1].split(": ", 1)[1].startswith(
        "1 reference to ids from more.yaml was not checked because that file could not be read")
    # 'nergens' is in no file's text: a reference of its own, listed
    assert got[2].startswith(f"{reg}/dpia.yaml:3:") and "'nergens' refers to nothing" in got[2]
    assert len(got) == 3


def test_a_duplicate_id_counts_the_references_that_meant_its_second_entry(tmp_path) -> None:
    files = {k: textwrap.dedent(v) for k, v in MINI.items()}
    files["more.yaml"] = files["more.yaml"].replace("  - id: photos\n", "  - id: care\n", 1) \
        .replace("purposes: [photos]", "purposes: [care]").replace("purpose: photos", "purpose: care")
    reg = write_register(tmp_path / "reg", files)
    with pytest.raises(RegisterInvalid) as info:
        load(reg)
    got = [p.render("en") for p in info.value.problems]
    # more.yaml is read first, so its purpose 'care' keeps the id; the six references to the data category
    # 'care' of register.yaml are counted with the duplicate, not listed as references to nothing
    assert len(got) == 2 and f"{reg}/register.yaml:" in got[0] and "id 'care' is already used at" in got[0]
    assert got[1].split(": ", 1)[1].startswith("6 references to 'care' were not checked because that id is used twice")


def test_a_misspelt_required_field_is_one_problem_not_two(tmp_path) -> None:
    reg = broken(tmp_path, "    name: Leverancier LAS\n    role: processor", "    name: Leverancier LAS\n    rol: processor",
                 file="register.yaml")
    assert problems_of(reg) == [f"{reg}/register.yaml:{line_of(reg / 'register.yaml', 'rol:')}:5: parties[0] (supplier): "
                                "unknown field 'rol'; allowed: id, name, role, location, processor_of, contact, notes; "
                                "did you mean 'role'? Correct the field name, or delete the field if it is not needed"]
