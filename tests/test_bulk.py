"""The bulk form (``dpia.io.bulk``): flows and inventories in CSV beside the YAML.

Two promises: CSV flows load into the same tables as the same flows in YAML (so every rule finds the
same), and every problem in a CSV file is reported with file, row (the line) and column, with the
YAML loader's messages.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import textwrap
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings

from dpia.io.bulk import PROBLEM_CAP
from dpia.model.flowtable import flow_count, flow_ids, flows_by_id, iter_flows
from dpia.check import as_json, check
from dpia.cli import main
from dpia.analysis.graph import build_graph, party_graph, receivers_of, receivers_table, unauthorised_subprocessors
from dpia.analysis.risk import assess
from dpia.analysis.scope import dpia_scope
from dpia.analysis.screening import screen
from dpia.io.problems import RegisterInvalid
from dpia.io.store import load
from dpia.io.synth import generate
from dpia.analysis.tables import Tables

from .conftest import MINI, write_register
from .strategies import build, registers

ON = dt.date(2026, 11, 29)
HEADER = "id,from,to,categories,purposes,subjects,agreement,channel\n"


# --------------------------------------------------------------------------------------------------
# Helpers: the same register with its bulk files written out as YAML


def _q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def as_yaml(src: Path, dst: Path) -> Path:
    """Copy register folder ``src`` to ``dst`` with every bulk CSV file turned into YAML."""
    dst.mkdir(parents=True)
    for p in src.glob("*.yaml"):
        (dst / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")

    def rows(name: str) -> list[dict[str, str]]:
        p = src / f"{name}.csv"
        return list(csv.DictReader(p.open(encoding="utf-8"))) if p.exists() else []

    schools = rows("schools")
    if schools:
        lines = ["  schools:"]
        for r in schools:
            lines.append("    - {" + ", ".join(f"{k}: {v if k in ('pupils', 'staff') else _q(v)}" for k, v in r.items() if v) + "}")
        reg = dst / "register.yaml"
        reg.write_text(reg.read_text(encoding="utf-8").rstrip("\n") + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    for name in ("parties", "systems"):
        rs = rows(name)
        if not rs:
            continue
        lines = [f"{name}:"]
        for r in rs:
            parts, location = [], {}
            for k, v in r.items():
                if not v:
                    continue
                if k.startswith("location."):
                    location[k.split(".", 1)[1]] = v
                elif k == "schools":
                    parts.append(f"schools: [{', '.join(v.split())}]")
                else:
                    parts.append(f"{k}: {_q(v)}")
            if location:
                parts.append("location: {" + ", ".join(f"{k}: {_q(v)}" for k, v in location.items()) + "}")
            lines.append("  - {" + ", ".join(parts) + "}")
        (dst / f"bulk-{name}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    flows = rows("flows")
    if flows:
        lines = ["flows:"]
        for r in flows:
            parts = [f"id: {_q(r['id'])}", f"from: {_q(r['from'])}", f"to: {_q(r['to'])}",
                     f"categories: [{', '.join(r['categories'].split())}]"]
            for k in ("purposes", "subjects"):
                if (r.get(k) or "").strip():
                    parts.append(f"{k}: [{', '.join(r[k].split())}]")
            for k in ("agreement", "channel"):
                if r.get(k):
                    parts.append(f"{k}: {_q(r[k])}")
            lines.append("  - {" + ", ".join(parts) + "}")
        (dst / "bulk-flows.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return dst


def findings_json(path: Path) -> list[dict]:
    loaded = load(path)
    doc = json.loads(as_json(check(loaded.register, ON, loaded.where), "en"))
    for f in doc["findings"]:
        f.pop("location")  # file:line differs between the two forms, by design
    return doc["findings"]


def mini_with_csv_flows(tmp_path: Path, extra_csv: str = "") -> Path:
    """MINI with its flows moved from more.yaml to flows.csv (plus ``extra_csv`` rows)."""
    files = {k: textwrap.dedent(v) for k, v in MINI.items()}
    more = files["more.yaml"]
    start, end = more.index("flows:\n"), more.index("agreements:\n")
    files["more.yaml"] = more[:start] + more[end:]
    csv_text = HEADER + (
        "f-school-las,school-a,las,name care,education,pupils-u16,,web\n"
        "f-las-duo,las,duo,name bsn,bron,,,\n"
        "f-photos,school-a,board,name,photos,pupils-u16,,\n"
    ) + extra_csv
    path = write_register(tmp_path / "reg", files)
    (path / "flows.csv").write_text(csv_text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------------------------------
# The same tables, the same findings


def test_csv_flows_give_the_same_tables_and_findings_as_yaml_flows(tmp_path: Path) -> None:
    yaml_reg = write_register(tmp_path / "yaml", {k: textwrap.dedent(v) for k, v in MINI.items()})
    csv_reg = mini_with_csv_flows(tmp_path)
    a, b = load(yaml_reg).register, load(csv_reg).register
    assert len(b.flows) == 0 and flow_count(b) == flow_count(a) == 3
    ta, tb = Tables(a), Tables(b)
    for name in ("flows", "flow_categories", "flow_purposes", "flow_subjects", "flow_agreements"):
        fa = getattr(ta, name).astype(object).sort_values(list(getattr(ta, name).columns)).reset_index(drop=True)
        fb = getattr(tb, name).astype(object).sort_values(list(getattr(tb, name).columns)).reset_index(drop=True)
        pd.testing.assert_frame_equal(fa, fb, check_dtype=False)
    assert [f.model_dump() for f in a.flows] == [f.model_dump() for f in iter_flows(b)]
    assert findings_json(yaml_reg) == findings_json(csv_reg)


def test_a_synthetic_register_checks_the_same_in_csv_and_in_yaml(tmp_path: Path) -> None:
    manifest = generate(8, 9, 4, tmp_path / "bulk", defect_share=0.05)
    yaml_reg = as_yaml(tmp_path / "bulk", tmp_path / "yaml")
    assert not list(yaml_reg.glob("*.csv"))
    bulk, plain = load(tmp_path / "bulk").register, load(yaml_reg).register
    assert flow_count(bulk) == flow_count(plain) == manifest.counts["flows"]
    assert sorted(flow_ids(bulk)) == sorted(flow_ids(plain))
    assert findings_json(tmp_path / "bulk") == findings_json(yaml_reg)
    # Screening, scope and risk scoring read the bulk flows too.
    d_bulk, d_plain = bulk.dpias[0], plain.dpias[0]
    assert dpia_scope(bulk, d_bulk) == dpia_scope(plain, d_plain)
    assert screen(bulk, d_bulk).as_dict("en") == screen(plain, d_plain).as_dict("en")
    res = check(plain, ON)
    assert [r.as_dict("en") for r in assess(bulk, d_bulk, res.findings)] == \
        [r.as_dict("en") for r in assess(plain, d_plain, res.findings)]
    # The graph: one edge per flow, bulk flows included; the merged forms answer the same.
    G = build_graph(bulk)
    assert G.number_of_edges() == manifest.counts["flows"] + len(bulk.systems)
    table = receivers_table(Tables(bulk))
    for category in sorted(set(table["category"])):
        assert table.loc[table["category"] == category, "node"].tolist() == receivers_of(G, category)
    assert unauthorised_subprocessors(party_graph(Tables(bulk)), bulk) == unauthorised_subprocessors(G, bulk)


def test_flow_objects_of_bulk_flows(tmp_path: Path) -> None:
    reg = load(mini_with_csv_flows(tmp_path)).register
    [flow] = flows_by_id(reg, ["f-school-las", "nothing"])
    assert (flow.id, flow.from_, flow.to, flow.categories, flow.purposes, flow.subjects, flow.channel, flow.agreement) == (
        "f-school-las", "school-a", "las", ["name", "care"], ["education"], ["pupils-u16"], "web", None)
    assert [f.id for f in iter_flows(reg)] == ["f-school-las", "f-las-duo", "f-photos"]


def test_a_finding_on_a_bulk_flow_points_at_its_row(tmp_path: Path) -> None:
    path = mini_with_csv_flows(tmp_path, "f-nopurpose,school-a,las,name,,,,\n")
    loaded = load(path)
    [f] = [f for f in check(loaded.register, ON, loaded.where).findings if f.code == "DPIA101"]
    assert f.location == f"{path}/flows.csv:5"


def test_a_dpia_may_name_a_bulk_flow_and_an_edit_of_the_yaml_saves(tmp_path: Path) -> None:
    path = mini_with_csv_flows(tmp_path)
    (path / "dpia.yaml").write_text(textwrap.dedent("""\
        dpias:
          - id: d1
            title: {nl: D, en: D}
            flows: [f-photos]
        """), encoding="utf-8")
    loaded = load(path)
    assert dpia_scope(loaded.register, loaded.register.dpias[0]).flows == ("f-photos",)
    loaded.update("bron", legal_source="WVO 2020 art. 8.1")
    loaded.save()
    assert load(path).register.purposes[1].legal_source == "WVO 2020 art. 8.1"
    with pytest.raises(RegisterInvalid) as exc:
        loaded.update("f-photos", channel="mail")  # a CSV row is edited in its file
    assert exc.value.problems[0].key == "csv_read_only"


# --------------------------------------------------------------------------------------------------
# Problems: file, row, column and the YAML loader's message


def problems(path: Path) -> list[str]:
    with pytest.raises(RegisterInvalid) as exc:
        load(path)
    return [p.render("en") for p in exc.value.problems]


def test_every_kind_of_flow_cell_problem_is_located(tmp_path: Path) -> None:
    path = mini_with_csv_flows(tmp_path, (
        ",school-a,las,name,education,,,\n"                       # 5: missing id
        "Bad Id,school-a,las,name,education,,,\n"                 # 6: bad id
        "f-dangling,school-b,las,name naam,education,,va-x,\n"   # 7: dangling from, category, agreement
        "f-empty,school-a,las,,education,,,\n"                    # 8: no categories
        "f-school-las,school-a,las,name,education,,,\n"           # 9: duplicate of row 2
        "f-badlist,school-a,las,name Care,eduction,pupils-u17,,\n"  # 10: bad id in a list, dangling purpose, subject
        f"{'f' * 81},school-a,las,name,education,,,\n"            # 11: id too long
        "f-bron-dup,school-a,,name,education,,,\n"                # 12: missing to
    ))
    shown = f"{path}/flows.csv"
    got = problems(path)
    expected = [
        f"{shown}:5:1: flows[3]: required field 'id' is missing",
        f"{shown}:6:1: flows[4] (Bad Id).id: 'Bad Id' is not a valid id",
        f"{shown}:7:2: flows[5] (f-dangling).from: 'school-b' refers to nothing; expected an id from "
        "controller/schools/parties/systems/subjects; did you mean 'school-a'?",
        f"{shown}:7:4: flows[5] (f-dangling).categories[1]: 'naam' refers to nothing; expected an id from "
        "data_categories; did you mean 'name'?",
        f"{shown}:7:7: flows[5] (f-dangling).agreement: 'va-x' refers to nothing; expected an id from agreements",
        f"{shown}:8:4: flows[6] (f-empty).categories: must not be empty",
        f"{shown}:9:1: flows[7] (f-school-las).id: id 'f-school-las' is already used at {shown}:2",
        f"{shown}:10:4: flows[8] (f-badlist).categories[1]: 'Care' is not a valid id",
        f"{shown}:10:5: flows[8] (f-badlist).purposes[0]: 'eduction' refers to nothing; expected an id from "
        "purposes; did you mean 'education'?",
        f"{shown}:10:6: flows[8] (f-badlist).subjects[0]: 'pupils-u17' refers to nothing; expected an id from "
        "subjects; did you mean 'pupils-u16'?",
        f"{shown}:11:1: flows[9] ({'f' * 81}).id: too long (at most 80)",
        f"{shown}:12:3: flows[10] (f-bron-dup): required field 'to' is missing",
    ]
    for line in expected:
        assert any(g.startswith(line) for g in got), (line, got)
    assert len(got) == len(expected)


def test_header_problems_are_on_line_one(tmp_path: Path) -> None:
    path = mini_with_csv_flows(tmp_path)
    (path / "flows.csv").write_text("id,from,to,catgories,purposes,purposes\nf1,school-a,las,name,education,x\n")
    got = problems(path)
    shown = f"{path}/flows.csv"
    assert f"{shown}:1:4: flows: unknown field 'catgories'; allowed: id, from, to, categories, purposes, subjects, " \
        "agreement, channel; did you mean 'categories'? Correct the field name, or delete the field if it is not needed" in got
    assert f"{shown}:1:6: key 'purposes' appears twice in the same mapping. Delete one of the two, or merge them into one" in got
    assert any(g.startswith(f"{shown}:1:1: required column 'categories' is missing from the header") for g in got)


def test_a_duplicate_of_a_yaml_id_names_where_the_yaml_has_it(tmp_path: Path) -> None:
    path = mini_with_csv_flows(tmp_path, "education,school-a,las,name,education,,,\n")
    got = problems(path)
    assert any(g.startswith(f"{path}/flows.csv:5:1: flows[3] (education).id: id 'education' is already used at "
                            f"{path}/more.yaml:") for g in got), got


def test_rows_are_lines_even_with_blank_lines_and_quoted_line_breaks(tmp_path: Path) -> None:
    path = mini_with_csv_flows(tmp_path)
    text = (path / "flows.csv").read_text()
    text += '\nf-quoted,school-a,las,name,education,,,"two\nlines"\n\nf-x,school-a,las,nam,education,,,\n'
    (path / "flows.csv").write_text(text)
    [p] = problems(path)
    assert p.startswith(f"{path}/flows.csv:9:4: flows[4] (f-x).categories[0]: 'nam' refers to nothing")


def test_a_row_with_the_wrong_number_of_fields_is_located(tmp_path: Path) -> None:
    path = mini_with_csv_flows(tmp_path, "f-short,school-a,las\n")
    assert problems(path) == [f"{path}/flows.csv:5:4: this row has 3 fields, the header 8. Is there a separator (',' or "
                              "';') inside a cell? Put that cell between double quotes, or remove the separator"]


def test_a_file_that_is_not_utf8_is_located(tmp_path: Path) -> None:
    path = mini_with_csv_flows(tmp_path)
    (path / "flows.csv").write_bytes(HEADER.encode() + b"f1,school-a,las,na\xe9me,,,,\n")
    [p] = problems(path)
    assert p.startswith(f"{path}/flows.csv:2:19: the file is not valid UTF-8 (byte 0xe9")


def test_many_problems_of_one_kind_are_capped_with_a_count(tmp_path: Path) -> None:
    rows = "".join(f"f-{i},school-a,las,nope{i},education,,,\n" for i in range(PROBLEM_CAP + 10))
    path = mini_with_csv_flows(tmp_path, rows)
    got = problems(path)
    assert len(got) == PROBLEM_CAP + 1
    assert got[-1] == f"{path}/flows.csv:{5 + PROBLEM_CAP}:4: 10 more problems of this kind (dangling_ref) not shown; " \
        "the first of them is here. Fix the ones shown and validate again to see the rest"
    # The cap is per kind: other kinds are still listed.
    path2 = mini_with_csv_flows(tmp_path / "two", rows + "BAD,school-a,las,name,education,,,\n")
    assert len(problems(path2)) == PROBLEM_CAP + 2


def test_a_misspelt_bulk_file_is_reported(tmp_path: Path) -> None:
    path = mini_with_csv_flows(tmp_path)
    (path / "flows.csv").rename(path / "flow.csv")
    got = problems(path)
    assert any(g.startswith(f"{path}/flow.csv:1:1: CSV file 'flow.csv' is not part of the register") and
               g.endswith("did you mean 'flows'? Rename the file to one of these names if it belongs to the register, "
                          "or move it out of the folder") for g in got), got


def test_inventory_rows_go_through_the_model_with_located_messages(tmp_path: Path) -> None:
    path = mini_with_csv_flows(tmp_path)
    (path / "parties.csv").write_text(
        "id,name,role,location.country,processor_of\n"
        "photo,Fotograaf,processor,NL,\n"            # 2: fine
        "bus,Busbedrijf,procesor,NL,\n"              # 3: misspelt role
        "cloud,Cloud,sub_processor,Nederland,photo\n"  # 4: not a country code
        "sub,,sub_processor,NL,nobody\n"             # 5: empty name, dangling processor_of
        "duo,DUO again,independent_controller,NL,\n"  # 6: duplicate of a YAML party
    )
    (path / "schools.csv").write_text("id,name,pupils\nschool-b,College B,-3\n")
    shown = f"{path}/parties.csv"
    got = problems(path)
    expected = [
        f"{shown}:3:3: parties[4] (bus).role: value 'procesor' is not allowed; allowed: controller, joint_controller, "
        "processor, sub_processor, independent_controller, recipient, third_party, public; did you mean 'processor'?",
        f"{shown}:4:4: parties[5] (cloud).location.country: 'Nederland' does not have the form a two-letter country code",
        f"{shown}:5:2: parties[6] (sub): required field 'name' is missing",
        f"{shown}:5:5: parties[6] (sub).processor_of: 'nobody' refers to nothing; expected an id from parties",
        f"{shown}:6:1: parties[7] (duo).id: id 'duo' is already used at {path}/register.yaml:",
        f"{path}/schools.csv:2:3: schools[0] (school-b).pupils: -3 is too small; at least 0",
    ]
    for line in expected:
        assert any(g.startswith(line) for g in got), (line, got)
    assert len(got) == len(expected)


def test_inventories_in_csv_join_the_register(tmp_path: Path) -> None:
    path = mini_with_csv_flows(tmp_path, "f-b,school-b,bus-app,name,education,,,\n")
    (path / "schools.csv").write_text("id,name,brin,pupils\nschool-b,College B,02CD,450\n")
    (path / "parties.csv").write_text("id,name,role,location.country\nbus,Busbedrijf,processor,NL\n")
    (path / "systems.csv").write_text("id,name,kind,operated_by,schools\nbus-app,Bus-app,other,bus,school-a school-b\n")
    loaded = load(path)
    reg = loaded.register
    assert [s.id for s in reg.controller.schools] == ["school-a", "school-b"]
    assert reg.controller.schools[1].pupils == 450
    assert reg.parties[-1].location.country == "NL"
    assert reg.systems[-1].schools == ["school-a", "school-b"]
    assert loaded.where("bus") == f"{path}/parties.csv:2"
    assert any(f.code == "DPIA201" and f.subjects == ("f-b",) for f in check(reg, ON).findings)


def test_cli_validate_reports_csv_problems_as_file_row_column(tmp_path: Path, capsys) -> None:
    path = mini_with_csv_flows(tmp_path, "f-x,school-a,las,nam,education,,,\n")
    assert main(["validate", str(path), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert f"{path}/flows.csv:5:4: flows[3] (f-x).categories[0]: 'nam' refers to nothing" in err
    assert main(["validate", str(mini_with_csv_flows(tmp_path / "ok")), "--lang", "en"]) == 0
    assert "3 data flows" in capsys.readouterr().out


# --------------------------------------------------------------------------------------------------
# The scale forms of the graph answer as the graph of one edge per flow


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(registers())
def test_receivers_table_and_party_graph_agree_with_the_flow_graph(data) -> None:
    reg = build(data)
    G, tables = build_graph(reg), Tables(reg)
    table = receivers_table(tables)
    carried = sorted({c for f in reg.flows for c in f.categories})
    assert sorted(set(table["category"])) == carried
    for category in carried:
        assert table.loc[table["category"] == category, "node"].tolist() == receivers_of(G, category)
    assert unauthorised_subprocessors(party_graph(tables), reg) == unauthorised_subprocessors(G, reg)


# --------------------------------------------------------------------------------------------------
# A quote left open never hides rows


def test_a_quote_never_closed_is_located_where_it_opened_not_swallowing_rows(tmp_path: Path, capsys) -> None:
    # The rows after the open quote include a flow that sends the BSN to the bus company: swallowed into
    # one channel value they would vanish, and the check would come back clean.
    path = mini_with_csv_flows(tmp_path, (
        'f-open,school-a,las,name,education,,,"web\n'
        "f-hidden,las,duo,name bsn,bron,,,\n"
        "f-after,school-a,las,name,education,,,\n"
    ))
    [p] = problems(path)
    assert p.startswith(f"{path}/flows.csv:5:8: the value in column 'channel' starts here with a quote")
    assert main(["validate", str(path)]) == 2


def test_a_quote_closed_rows_later_is_located_too(tmp_path: Path) -> None:
    path = mini_with_csv_flows(tmp_path, (
        'f-open,school-a,las,name,education,,,"web\n'
        "f-hidden,las,duo,name bsn,bron,,,\n"
        'f-after,school-a,las,name,education,,,web"\n'
    ))
    [p] = problems(path)
    assert p.startswith(f"{path}/flows.csv:5:8: the value in column 'channel' starts here with a quote")


def test_a_line_break_in_an_id_or_a_list_is_refused(tmp_path: Path) -> None:
    path = mini_with_csv_flows(tmp_path, 'f-x,school-a,las,"name\ncare",education,,,\n')
    [p] = problems(path)
    assert p.startswith(f"{path}/flows.csv:5:4: the value in column 'categories' starts here with a quote")
