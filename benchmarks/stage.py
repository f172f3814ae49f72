"""One benchmark stage, run in a fresh process by ``benchmarks/run.py``.

    python benchmarks/stage.py STAGE REGISTER RESULT.json [--on DATE] [--out FILE]

Stages: ``validate`` and ``check`` run the ``dpia`` command itself (its output goes to ``--out``);
``reachability``, ``screening``, ``processings`` (the screening of every processing activity, DPIA965-DPIA968,
timed after every other rule ran on the same tables, as in `dpia check`), ``risk``, ``breach`` (the impact
of a breach at the shared pupil-administration supplier), ``promises`` (their share of `dpia check`) and
``letter`` (the letter and the privacy statement) load the register; ``diff`` compares the register with a
copy of it whose flows differ by 1 % (`dpia diff`: both versions loaded, checked and compared) and time the library call; ``report``
writes the MR report to ``--out`` (the notebook runs in a kernel process; its peak is reported apart). The result
file gets ``stage`` (seconds spent in the measured call), ``process`` (seconds since this process
started, imports included), ``cpu`` (its CPU seconds), ``peak_rss_mb`` (its peak resident memory) and
stage details.
"""

from __future__ import annotations

import datetime as dt
import json
import resource
import sys
import time

START = time.perf_counter()


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)  # bytes on macOS, KB on Linux


def changed_copy(register: str, folder) -> dict:
    """A copy of ``register`` in ``folder`` with 1 % of its CSV flows changed: of every 300 rows one
    stopped (left out), one changed (another channel) and one started (a new row). Streams the file, so
    the copy costs no memory worth measuring."""
    import csv
    import shutil
    from pathlib import Path

    src, dst = Path(register), Path(folder)
    shutil.copytree(src, dst)
    counts = {"stopped": 0, "changed": 0, "started": 0}
    with open(src / "flows.csv", newline="", encoding="utf-8") as fin, \
            open(dst / "flows.csv", "w", newline="", encoding="utf-8") as fout:
        rows, out = csv.reader(fin), csv.writer(fout, lineterminator="\n")
        header = next(rows)
        out.writerow(header)
        channel = header.index("channel")
        for i, row in enumerate(rows):
            if i % 300 == 0:
                counts["stopped"] += 1
                continue
            if i % 300 == 100:
                row[channel] = "Nieuw kanaal (benchmark)"
                counts["changed"] += 1
            out.writerow(row)
            if i % 300 == 200:
                out.writerow([row[0] + "-bench", *row[1:]])
                counts["started"] += 1
    return counts


def diff_stage(register: str, on: str) -> dict:
    """`dpia diff` of a register and a copy with 1 % of its flows changed: both loaded, checked on
    ``on`` and compared, with the JSON written (the copy is made first, not timed)."""
    import tempfile

    from dpia.diff import as_json, diff_versions

    with tempfile.TemporaryDirectory(prefix="dpia-bench-diff-") as tmp:
        expected = changed_copy(register, f"{tmp}/new")
        day = dt.date.fromisoformat(on)
        t0 = time.perf_counter()
        d = diff_versions(register, f"{tmp}/new", on=day, old_on=day, lang="nl")
        as_json(d, "nl")
        elapsed = time.perf_counter() - t0
    found = {"stopped": len(d.flows("removed")), "changed": len(d.flows("changed")), "started": len(d.flows("added"))}
    # The old version is checked in a second process meanwhile (dpia.diff.ELSEWHERE_FROM_BYTES): its
    # peak counts too, added to this one's (an upper bound: the two overlap in time).
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return {"elapsed": elapsed, "expected": expected, "found": found, "exact": found == expected,
            "other_changes": len([e for e in d.entities if e.section != "flows"]), "child_peak_rss_mb": round(child, 1)}


def main(argv: list[str]) -> int:
    stage, register, result_path = argv[:3]
    on = argv[argv.index("--on") + 1] if "--on" in argv else "2026-11-29"
    out = argv[argv.index("--out") + 1] if "--out" in argv else None
    details: dict = {}
    if stage == "report":
        from dpia.documents.report import build_report

        t0 = time.perf_counter()
        written = build_report(register, out, lang="nl", on=on)
        elapsed = time.perf_counter() - t0
        details["bytes"] = sum(p.stat().st_size for p in written)
        kernel = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the notebook's kernel
        details["kernel_peak_rss_mb"] = round(kernel / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)
    elif stage == "diff":
        details.update(diff_stage(register, on))
        elapsed = details.pop("elapsed")
        details["own_peak_rss_mb"] = peak_rss_mb()
    elif stage in ("validate", "check"):
        from dpia.cli import main as dpia

        args = ["validate", register, "-q"] if stage == "validate" else ["check", register, "--on", on, "--format", "json"]
        t0 = time.perf_counter()
        with open(out or "/dev/null", "w", encoding="utf-8") as fh:
            saved, sys.stdout = sys.stdout, fh
            try:
                code = dpia(args + ["--lang", "en"])
            finally:
                sys.stdout = saved
        elapsed = time.perf_counter() - t0
        details["exit_code"] = code
    else:
        from dpia.io.store import load
        from dpia.analysis.tables import Tables

        loaded = load(register)
        reg = loaded.register
        if stage == "reachability":
            from dpia.analysis.graph import receivers_table

            t0 = time.perf_counter()
            table = receivers_table(Tables(reg))  # receivers_of for every category, tables included
            elapsed = time.perf_counter() - t0
            details.update(categories=int(table["category"].nunique()), rows=len(table))
        elif stage == "screening":
            from dpia.analysis.screening import screen

            t0 = time.perf_counter()
            verdicts = [screen(reg, d).verdict.value for d in reg.dpias]
            elapsed = time.perf_counter() - t0
            details["verdicts"] = verdicts
        elif stage == "processings":
            # What the screening of every processing adds to `dpia check`: every other rule runs first on
            # one Context (untimed; the tables they build are shared), then DPIA965-DPIA968 are timed.
            from dpia.rules import Context, rules

            ours = ("DPIA965", "DPIA966", "DPIA967", "DPIA968")
            ctx = Context(reg, dt.date.fromisoformat(on))
            t0, c0 = time.perf_counter(), time.process_time()
            for r in rules():
                if r.code not in ours and not r.after_findings:
                    for _ in r.func(ctx):
                        pass
            details["other_rules_s"] = round(time.perf_counter() - t0, 3)
            details["other_rules_cpu"] = round(time.process_time() - c0, 3)
            t0, c0 = time.perf_counter(), time.process_time()
            hits = [h for r in rules() if r.code in ours for h in r.func(ctx)]
            elapsed = time.perf_counter() - t0
            details["stage_cpu"] = round(time.process_time() - c0, 3)
            screened = ctx.memo("processing_screenings", lambda: [])
            details.update(processings=len(screened), findings=len(hits),
                           verdicts={v: sum(s.verdict.value == v for s in screened)
                                     for v in ("required", "likely", "to_be_judged", "not_indicated")})
        elif stage == "risk":
            from dpia.check import check
            from dpia.analysis.risk import assess, what_if

            findings = check(reg, dt.date.fromisoformat(on)).findings
            t0 = time.perf_counter()
            levels = {}
            for d in reg.dpias:
                levels[d.id] = [a.residual.value for a in assess(reg, d, findings)]
                what_if(reg, d, None, findings)
            elapsed = time.perf_counter() - t0
            details["residual"] = levels
        elif stage == "promises":
            # the promise checks' share of `dpia check`: the check without promises, then with one promise
            # of every kind that a synthetic register can be asked about
            from dpia.check import check
            from dpia.model import Promise

            day = dt.date.fromisoformat(on)
            check(reg, day)  # once to warm up (imports, the rules' registry), not counted
            text = {"nl": "Belofte.", "en": "Promise."}
            kinds = [{"kind": "under_agreement"}, {"kind": "only_needed_data"},
                     {"kind": "no_flow_without_consent", "roles": ["recipient"]}, {"kind": "no_publication_without_consent"},
                     {"kind": "only_roles_read", "categories": [c.id for c in reg.data_categories[:2]]},
                     {"kind": "deleted_after_leaving", "max": "P2Y"}, {"kind": "policy_adopted_after_mr"}]
            promises = [Promise.model_validate({"id": f"pr-{i}", "text": text, **k}) for i, k in enumerate(kinds)]
            # Three of each, taken in turn; the fastest of each counts (a single pair of 3-second runs
            # on a shared machine gave shares from +2 % to +18 %).
            runs: dict[bool, list[float]] = {False: [], True: []}
            for _ in range(3):
                for with_promises in (False, True):
                    reg.promises = promises if with_promises else []
                    t0 = time.perf_counter()
                    check(reg, day)
                    runs[with_promises].append(time.perf_counter() - t0)
            without, elapsed = min(runs[False]), min(runs[True])
            details.update(check_without_s=round(without, 3), added_share=round(elapsed / without - 1, 3))
        elif stage == "letter":
            from dpia.documents.letter import letter_html, statement_html

            t0 = time.perf_counter()
            letter_html(reg, dt.date.fromisoformat(on), draft=True)
            details["letter_s"] = round(time.perf_counter() - t0, 3)
            t1 = time.perf_counter()
            statement_html(reg)
            details["statement_s"] = round(time.perf_counter() - t1, 3)
            elapsed = time.perf_counter() - t0
        elif stage == "breach":
            from dpia.analysis.breach import impact

            place = "las-sup-1" if any(p.id == "las-sup-1" for p in reg.parties) else reg.parties[0].id
            t0 = time.perf_counter()
            found = impact(reg, place)  # the tables included: the first question after loading
            elapsed = time.perf_counter() - t0
            details.update(place=place, flows=found.flows, categories=len(found.categories), schools=len(found.schools))
        else:
            raise SystemExit(f"unknown stage {stage!r}")
    usage = resource.getrusage(resource.RUSAGE_SELF)
    result = {"stage": round(elapsed, 3), "process": round(time.perf_counter() - START, 3),
              "cpu": round(usage.ru_utime + usage.ru_stime, 3),  # less sensitive to other load than wall time
              "peak_rss_mb": round(peak_rss_mb() + details.get("child_peak_rss_mb", 0.0), 1), **details}
    with open(result_path, "w", encoding="utf-8") as fh:
        json.dump(result, fh)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
