"""`make bench`: time and peak memory of the workbench at 10k, 100k and 1M flows.

For each size a synthetic register is generated (``dpia.io.synth``, cached under benchmarks/results/tmp)
and every stage runs in a fresh Python process (``benchmarks/stage.py``): validate, check (both the
``dpia`` command), reachability (``dpia.analysis.graph.receivers_table``: who receives each category),
screening and risk scoring (``dpia.analysis.screening``, ``dpia.analysis.risk``, when importable), and the screening of
every processing activity (``dpia.analysis.processing``: rules DPIA965-DPIA968, timed after the other rules on the
same tables, so the time is what it adds to the check), and the diff of the register with a copy whose
flows differ by 1 % (``dpia diff``: both versions loaded, checked and compared; every change must be
found). Wall time is measured
around the process; the process reports the time of the measured call and its peak resident memory.
The check's findings are compared with the synthetic register's manifest: the planted defects must
all be found, and nothing else.

Then the MR report is written for a register of 20,000 flows, and the what-if widget of the example
register is updated (a planned measure ticked and unticked) to time one update, and a save in the
workbench (agreement editor, every live view following) is timed on a copy of the example.

Results: benchmarks/results/latest.json and latest.md (a table, the log-log slopes between sizes
and the targets of issue 7).

    python benchmarks/run.py [--sizes 10000,100000,1000000] [--no-report] [--no-whatif] [--no-save]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
CACHE = RESULTS / "tmp"
STAGE = ROOT / "benchmarks" / "stage.py"
SIZES = (10_000, 100_000, 1_000_000)
REPORT_FLOWS = 20_000
APPS, USE, SEED = 150, 0.9, 1
ON = "2026-11-29"
TARGETS = {"check_1m_s": 10.0, "peak_1m_mb": 2048.0, "slope": 1.1, "report_s": 60.0, "whatif_ms": 50.0,
           "processings_share": 0.10, "breach_1m_s": 2.0, "promises_share": 0.10, "letter_100k_s": 10.0,
           "save_ms": 200.0, "diff_1m_s": 15.0, "diff_1m_mb": 3072.0, "breach_widget_ms": 100.0}

sys.path.insert(0, str(ROOT))


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


# ---- registers


def register_for(flows: int) -> tuple[Path, dict]:
    """A synthetic register of about ``flows`` flows (cached), and its manifest."""
    from dpia.io.synth import flows_per_school, generate, VERSION

    schools = max(1, round(flows / flows_per_school(APPS, USE)))
    path = CACHE / f"synth-{flows}"
    manifest_path = path / "manifest.json"
    if manifest_path.exists():
        manifest = json.loads(manifest_path.read_text())
        if (manifest.get("schools"), manifest.get("apps"), manifest.get("seed"), manifest.get("use"),
                manifest.get("version")) == (schools, APPS, SEED, USE, VERSION):
            return path, manifest
    log(f"generating a register of about {flows:,} flows ({schools} schools x {APPS} products)")
    t0 = time.perf_counter()
    generate(schools, APPS, SEED, path, use=USE, on=dt.date.fromisoformat(ON))
    log(f"  generated in {time.perf_counter() - t0:.1f} s")
    return path, json.loads(manifest_path.read_text())


# ---- stages


def run_stages(stage: str, register: Path, out: Path | None, repeat: int) -> dict:
    """The stage run ``repeat`` times; the fastest run stands for the stage (other work on the machine
    only ever adds time), the peak memory is the highest of all runs, and every run is kept."""
    runs = [run_stage(stage, register, out) for _ in range(repeat)]
    best = dict(min(runs, key=lambda r: r["wall"]))
    best["peak_rss_mb"] = max(r["peak_rss_mb"] for r in runs)
    best["runs"] = [{k: r[k] for k in ("wall", "stage", "cpu", "peak_rss_mb") if k in r} for r in runs]
    return best


def run_stage(stage: str, register: Path, out: Path | None = None) -> dict:
    result = CACHE / f"result-{stage}.json"
    result.unlink(missing_ok=True)
    cmd = [sys.executable, str(STAGE), stage, str(register), str(result), "--on", ON]
    if out is not None:
        cmd += ["--out", str(out)]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - t0
    if proc.returncode != 0 or not result.exists():
        raise RuntimeError(f"stage {stage} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    data = json.loads(result.read_text())
    data["wall"] = round(wall, 3)
    return data


def importable(module: str, name: str) -> bool:
    try:
        mod = __import__(module, fromlist=[name])
    except ImportError:
        return False
    return hasattr(mod, name)


def planted(check_json: Path, manifest: dict) -> dict:
    found = sorted(f["id"] for f in json.loads(check_json.read_text())["findings"])
    expected = manifest["expected_findings"]
    return {"expected": len(expected), "found": len(found), "exact": found == expected,
            "missing": sorted(set(expected) - set(found))[:10], "extra": sorted(set(found) - set(expected))[:10]}


# ---- slopes


def slope(points: list[tuple[float, float]]) -> float | None:
    """Least-squares slope of log(y) on log(x)."""
    pts = [(math.log(x), math.log(y)) for x, y in points if x > 0 and y > 0]
    if len(pts) < 2:
        return None
    mx = statistics.fmean(p[0] for p in pts)
    my = statistics.fmean(p[1] for p in pts)
    den = sum((p[0] - mx) ** 2 for p in pts)
    return round(sum((p[0] - mx) * (p[1] - my) for p in pts) / den, 3) if den else None


# ---- the report and the what-if widget


def report_timing() -> dict:
    path, manifest = register_for(REPORT_FLOWS)
    out = CACHE / "report-20k.html"
    log(f"report for {manifest['counts']['flows']:,} flows")
    data = run_stage("report", path, out)
    data["flows"] = manifest["counts"]["flows"]
    return data


def whatif_timing(repeats: int = 21) -> dict:
    """One update of the what-if widget on the example: tick a planned measure, untick it again."""
    import matplotlib

    matplotlib.use("Agg")
    from dpia import workbench as wb
    from dpia.workbench.widgets import WhatIf

    loaded = wb.open_register(None)
    result = wb.assess(loaded, ON)
    dpia = next((d.id for d in loaded.register.dpias if WhatIf(loaded, d.id, result).boxes), None)
    if dpia is None:
        return {"skipped": "no DPIA with planned measures in the example"}
    import contextlib
    import io

    from dpia.documents.figures import risk_map
    from dpia.analysis.scope import get_dpia

    widget = WhatIf(loaded, dpia, result)
    box = next(iter(widget.boxes.values()))
    full, compute, render = [], [], []
    scale = get_dpia(loaded.register, dpia).scale
    with contextlib.redirect_stdout(io.StringIO()):  # outside a notebook, display() prints the figure's repr
        for i in range(repeats):
            t0 = time.perf_counter()
            box.value = not box.value  # the widget observes the box and updates
            full.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            widget.compute()
            compute.append(time.perf_counter() - t0)
            fig = risk_map(widget.assessments, scale)
            t0 = time.perf_counter()
            fig.savefig(io.BytesIO(), format="png")  # what the notebook's front end then does with it
            render.append(time.perf_counter() - t0)
    return {"dpia": dpia, "measure": next(iter(widget.boxes)), "update_ms": round(statistics.median(full) * 1000, 1),
            "update_min_ms": round(min(full) * 1000, 1), "compute_ms": round(statistics.median(compute) * 1000, 1),
            "png_render_ms": round(statistics.median(render) * 1000, 1), "repeats": repeats}


def save_timing(repeats: int = 7) -> dict:
    """A save in the workbench on a copy of the example, until every view shows the new assessment (the
    live summary, findings and agreements tables, the stepper and the other editors follow:
    LiveViews.refresh). Three kinds of save, ``repeats`` each: the agreement editor changes one
    agreement's security annex (the headline figure), the flow editor ticks a data category on and off
    again, and the supplier wizard adds a supplier with its system, flow and agreement. Each split into
    the save itself (validate the edited register, write atomically), the check, and the views."""
    import contextlib
    import io
    import shutil
    import tempfile

    import matplotlib

    matplotlib.use("Agg")
    from dpia.workbench import widgets as widget_module
    from dpia import workbench as wb
    from dpia.io.store import load, LoadedRegister

    folder = Path(tempfile.mkdtemp(prefix="dpia-bench-save-")) / "register"
    shutil.copytree(ROOT / "data" / "omo-helmond", folder)
    loaded = load(folder)
    spent = {"save": 0.0, "check": 0.0}

    def timed(name, func):
        def run(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - t0
        return run

    with contextlib.redirect_stdout(io.StringIO()):  # outside a notebook, display() prints the views' text
        # As the notebook does: its first check (workbench.assess) is the one the check after a save starts from.
        views = widget_module.LiveViews(loaded, wb.assess(loaded, ON))
        views.summary(), views.findings(), views.agreements(), views.stepper()
        wizard, flows, agreements = views.supplier_wizard(), views.flow_editor(), views.agreement_editor()

        def annex(i):
            agreements.security_annex.value = f"Beveiligingsbijlage, versie {i + 1}"

        def flow(i):
            ticked = set(flows.categories.value)
            flows.categories.value = tuple(ticked ^ {"gender"})

        def supplier(i):
            wizard.existing.value = None
            wizard.name.value = f"Toetsbureau {i + 1} B.V."
            wizard.categories.value, wizard.purposes.value = ("name", "class_group"), ("p-education",)
            wizard.subjects.value = ("pupils-under-16",)

        out = {}
        original_save, original_check = LoadedRegister.save, widget_module.check
        LoadedRegister.save, widget_module.check = timed("save", original_save), timed("check", original_check)
        try:
            for kind, prepare, widget in (("agreement", annex, agreements), ("flow", flow, flows), ("supplier", supplier, wizard)):
                total, parts = [], {"save": [], "check": [], "views": []}
                for i in range(repeats):
                    prepare(i)
                    spent.update(save=0.0, check=0.0)
                    t0 = time.perf_counter()
                    saved = widget.save()
                    total.append(time.perf_counter() - t0)
                    if not saved:
                        raise RuntimeError(f"the {kind} save was refused: {widget.status.value}")
                    parts["save"].append(spent["save"])
                    parts["check"].append(spent["check"])
                    parts["views"].append(total[-1] - spent["save"] - spent["check"])
                med = {k: round(statistics.median(v) * 1000, 1) for k, v in parts.items()}
                out[kind] = {"update_ms": round(statistics.median(total) * 1000, 1), "update_min_ms": round(min(total) * 1000, 1),
                             **{f"{k}_ms": v for k, v in med.items()}, "rules_run": len(widget_module.incremental(loaded).ran)}
        finally:
            LoadedRegister.save, widget_module.check = original_save, original_check
    shutil.rmtree(folder.parent, ignore_errors=True)
    return {**out["agreement"], "repeats": repeats, "findings": len(views.result.findings), "flow": out["flow"],
            "supplier": out["supplier"]}


def breach_widget_timing(repeats: int = 21) -> dict:
    """One update of the breach explorer on the example: choose another place in its dropdown (the
    places in turn), and the same with the highlighted map drawn (ticked **map**), which the widget
    does on request only."""
    import matplotlib

    matplotlib.use("Agg")
    from dpia import workbench as wb
    from dpia.workbench.widgets import BreachExplorer

    loaded = wb.open_register(None)
    widget = BreachExplorer(loaded, wb.breach_moment(wb.assess(loaded, ON)), "nl")
    places = [v for _, v in widget.place.options]
    first = widget.place.value

    def turns(n: int) -> list[float]:
        out = []
        for i in range(n):
            place = places[(places.index(widget.place.value) + 1) % len(places)]
            t0 = time.perf_counter()
            widget.place.value = place  # the widget observes the dropdown and updates
            out.append(time.perf_counter() - t0)
        return out

    plain = turns(repeats)
    widget.show_map.value = True
    drawn = turns(max(repeats // 3, 3))
    widget.show_map.value, widget.place.value = False, first
    return {"places": len(places), "update_ms": round(statistics.median(plain) * 1000, 1),
            "update_max_ms": round(max(plain) * 1000, 1), "with_map_ms": round(statistics.median(drawn) * 1000, 1),
            "repeats": repeats, "map_repeats": len(drawn)}


# ---- output


def fmt_s(value: float | None) -> str:
    return "—" if value is None else (f"{value:.2f}" if value < 10 else f"{value:.1f}")


def markdown(doc: dict) -> str:
    sizes = doc["sizes"]
    head = "| stage | " + " | ".join(f"{s['flows']:,} flows" for s in sizes) + \
        " | log-log slope, wall: all sizes / last two | slope of the call alone: all / last two |"
    rule = "|---|" + "---|" * len(sizes) + "---|---|"
    lines = [
        f"# Benchmark results ({doc['date']})",
        "",
        f"Machine: {doc['machine']['cpus']} CPUs, {doc['machine']['memory_gb']} GB, {doc['machine']['platform']}; "
        f"Python {doc['machine']['python']}, pandas {doc['machine']['pandas']}, pyarrow {doc['machine']['pyarrow']}. "
        f"Speed during the run: a 1M-step Python loop {doc['machine'].get('python_loop_ms', '—')} ms, sorting 2M floats "
        f"{doc['machine'].get('numpy_sort_ms', '—')} ms (best of 3; on this shared machine both vary up to twofold "
        "from hour to hour).",
        "Registers: `dpia synth` with "
        f"{APPS} products, use {USE}, seed {SEED}; schools: "
        + ", ".join(f"{s['schools']:,}" for s in sizes) + ".",
        "",
        f"Wall time in seconds of a fresh process (Python start, imports and loading the register included), "
        f"the fastest of {doc.get('repeat', 1)} runs; in brackets the measured call alone. validate and check are "
        "the `dpia` command.",
        "",
        head,
        rule,
    ]
    for stage in doc["stages"]:
        cells = []
        for s in sizes:
            r = s["stages"].get(stage)
            cells.append("—" if r is None else f"{fmt_s(r['wall'])} ({fmt_s(r['stage'])})")
        sl = doc["slopes"].get(stage, {})
        lines.append(f"| {stage} | " + " | ".join(cells) + f" | {sl.get('fit', '—')} / {sl.get('last', '—')} | "
                     f"{sl.get('fit_measured_call', '—')} / {sl.get('last_measured_call', '—')} |")
    lines += ["", "Peak resident memory (MB) of each process:", "",
              "| stage | " + " | ".join(f"{s['flows']:,} flows" for s in sizes) + " |", "|---|" + "---|" * len(sizes)]
    for stage in doc["stages"]:
        cells = [("—" if s["stages"].get(stage) is None else f"{s['stages'][stage]['peak_rss_mb']:,.0f}") for s in sizes]
        lines.append(f"| {stage} | " + " | ".join(cells) + " |")
    if all("cpu" in r for s in sizes for r in s["stages"].values()):
        lines += ["", "CPU seconds of each process (user + system; unlike wall time, not inflated when other work "
                  "shares the machine):", "",
                  "| stage | " + " | ".join(f"{s['flows']:,} flows" for s in sizes) + " |", "|---|" + "---|" * len(sizes)]
        for stage in doc["stages"]:
            cells = [("—" if s["stages"].get(stage) is None else fmt_s(s["stages"][stage]["cpu"])) for s in sizes]
            lines.append(f"| {stage} | " + " | ".join(cells) + " |")
    lines += ["", "Planted defects (check findings against the manifest):", ""]
    for s in sizes:
        p = s["planted"]
        lines.append(f"- {s['flows']:,} flows: {p['found']} findings, {p['expected']} expected — "
                     + ("exactly the planted ones" if p["exact"] else f"MISMATCH (missing {p['missing']}, extra {p['extra']})"))
    lines += [""]
    if doc.get("report"):
        r = doc["report"]
        lines.append(f"MR report (`dpia report`) for {r['flows']:,} flows: {fmt_s(r['wall'])} s, "
                     f"{r['bytes'] / 1e6:.1f} MB of HTML, peak {r['peak_rss_mb']:,.0f} MB (notebook kernel {r['kernel_peak_rss_mb']:,.0f} MB).")
    if doc.get("whatif"):
        w = doc["whatif"]
        if "skipped" in w:
            lines.append(f"What-if widget: skipped ({w['skipped']}).")
        else:
            lines.append(f"What-if widget on the example (`{w['dpia']}`, ticking `{w['measure']}`): one update "
                         f"{w['update_ms']} ms (median of {w['repeats']}; fastest {w.get('update_min_ms', '—')} ms): the "
                         f"risk computation {w['compute_ms']} ms, the rest builds the risk table and the risk map figure. "
                         f"The notebook then renders the figure as PNG: {w.get('png_render_ms', '—')} ms more.")
    if doc.get("save"):
        v = doc["save"]
        lines.append(f"A save in the workbench on the example (agreement editor, every live view following): "
                     f"{v['update_ms']} ms (median of {v['repeats']}; fastest {v['update_min_ms']} ms): validating and "
                     f"writing {v['save_ms']} ms, the check {v['check_ms']} ms ({v.get('rules_run', '—')} rules ran again), "
                     f"the views {v['views_ms']} ms.")
        for kind, what in (("flow", "the flow editor, a category ticked"), ("supplier", "the wizard adding a supplier")):
            if kind in v:
                k = v[kind]
                lines.append(f"The same with {what}: {k['update_ms']} ms (save {k['save_ms']} ms, check {k['check_ms']} ms "
                             f"with {k['rules_run']} rules, views {k['views_ms']} ms).")
    if doc.get("breach_widget"):
        b = doc["breach_widget"]
        lines.append(f"Breach widget on the example (choosing each of its {b['places']} places in turn): one update "
                     f"{b['update_ms']} ms (median of {b['repeats']}; slowest {b['update_max_ms']} ms). With the map of "
                     f"the reach drawn (ticked on request): {b['with_map_ms']} ms (median of {b['map_repeats']}).")
    lines += ["", "Targets (issue 7):", "", "| target | measured | met |", "|---|---|---|"]
    for name, (target, measured, ok) in doc["targets"].items():
        lines.append(f"| {name} | {measured} | {'yes' if ok else 'NO'} |")
    if doc.get("skipped"):
        lines += ["", "Not measured: " + "; ".join(doc["skipped"]) + "."]
    return "\n".join(lines) + "\n"


def targets(doc: dict) -> dict:
    out = {}
    big = max(doc["sizes"], key=lambda s: s["flows"])
    check = big["stages"]["check"]
    label = f"{big['flows']:,} flows"
    out[f"validate + check of {label} ≤ {TARGETS['check_1m_s']:.0f} s (`dpia check` validates first)"] = (
        TARGETS["check_1m_s"], f"{check['wall']:.2f} s", check["wall"] <= TARGETS["check_1m_s"])
    peak = max(r["peak_rss_mb"] for r in big["stages"].values())
    out[f"peak memory at {label} ≤ 2 GB"] = (TARGETS["peak_1m_mb"], f"{peak:,.0f} MB", peak <= TARGETS["peak_1m_mb"])
    for stage in ("validate", "check"):
        sl = doc["slopes"][stage]
        worst = max(v for v in (sl.get("fit"), sl.get("last")) if v is not None)
        calls = [v for v in (sl.get("fit_measured_call"), sl.get("last_measured_call")) if v is not None]
        worst = max([worst, *calls])
        out[f"log-log slope of {stage} ≤ {TARGETS['slope']}"] = (
            TARGETS["slope"], f"wall {sl.get('fit')} (last two {sl.get('last')}); call alone {sl.get('fit_measured_call')} "
            f"(last two {sl.get('last_measured_call')})", worst <= TARGETS["slope"])
    diff = big["stages"].get("diff")
    if diff is not None:
        ok = diff["stage"] <= TARGETS["diff_1m_s"] and diff["peak_rss_mb"] <= TARGETS["diff_1m_mb"] and diff.get("exact", False)
        out[f"diff of two registers of {label} that differ in 1 % of their flows ≤ {TARGETS['diff_1m_s']:.0f} s and "
            f"≤ {TARGETS['diff_1m_mb'] / 1024:.0f} GB, every change found"] = (
            TARGETS["diff_1m_s"], f"{diff['stage']:.2f} s, {diff['peak_rss_mb']:,.0f} MB, "
            + ("exact" if diff.get("exact") else f"found {diff.get('found')} of {diff.get('expected')}"), ok)
    breach = big["stages"].get("breach")
    if breach is not None:
        out[f"impact of a breach at the shared supplier, {label}, after loading ≤ {TARGETS['breach_1m_s']:.0f} s"] = (
            TARGETS["breach_1m_s"], f"{breach['stage']:.2f} s", breach["stage"] <= TARGETS["breach_1m_s"])
    promises = big["stages"].get("promises")
    if promises is not None:
        out[f"promise checks add ≤ {TARGETS['promises_share']:.0%} to `dpia check` at {label}"] = (
            TARGETS["promises_share"], f"{promises['added_share']:+.1%}", promises["added_share"] <= TARGETS["promises_share"])
    mid = next((s for s in doc["sizes"] if s["target"] == 100_000), None)
    if mid is not None and "letter" in mid["stages"]:
        r = mid["stages"]["letter"]
        worst = max(r["letter_s"], r["statement_s"])
        out["letter and privacy statement at 100,000 flows ≤ 10 s each (after loading)"] = (
            TARGETS["letter_100k_s"], f"letter {r['letter_s']:.2f} s, statement {r['statement_s']:.2f} s", worst <= TARGETS["letter_100k_s"])
    proc = big["stages"].get("processings")
    if proc is not None:  # issue 14: the screening of every processing adds at most 10 % to `dpia check`
        # CPU seconds of DPIA965-DPIA968 against those of every other rule on the same tables (the check's
        # rules without its loading, so the share of the whole check is smaller still); CPU time is not
        # inflated by other work on a shared machine, as wall time is.
        share = proc["stage_cpu"] / proc["other_rules_cpu"]
        out[f"screening of every processing at {label} adds ≤ 10 % to the check's rules (CPU)"] = (
            TARGETS["processings_share"],
            f"{proc['stage_cpu']:.2f} s CPU after {proc['other_rules_cpu']:.2f} s of the other rules = {share:.1%} "
            f"(wall: {proc['stage']:.2f} s; the whole check {check['stage']:.2f} s)", share <= TARGETS["processings_share"])
    exact = all(s["planted"]["exact"] for s in doc["sizes"])
    out["planted defects all found, nothing else"] = (True, "at every size" if exact else "mismatch", exact)
    if doc.get("report"):
        out[f"MR report for {doc['report']['flows']:,} flows ≤ 60 s"] = (
            TARGETS["report_s"], f"{doc['report']['wall']:.1f} s", doc["report"]["wall"] <= TARGETS["report_s"])
    if doc.get("whatif") and "update_ms" in doc["whatif"]:
        out["what-if widget update on the example ≤ 50 ms"] = (
            TARGETS["whatif_ms"], f"{doc['whatif']['update_ms']} ms", doc["whatif"]["update_ms"] <= TARGETS["whatif_ms"])
    if doc.get("save"):
        out["widget update after a save on the example ≤ 200 ms"] = (
            TARGETS["save_ms"], f"{doc['save']['update_ms']} ms", doc["save"]["update_ms"] <= TARGETS["save_ms"])
    if doc.get("breach_widget") and "update_ms" in doc["breach_widget"]:
        out["breach widget update on the example ≤ 100 ms"] = (
            TARGETS["breach_widget_ms"], f"{doc['breach_widget']['update_ms']} ms",
            doc["breach_widget"]["update_ms"] <= TARGETS["breach_widget_ms"])
    return out


def calibration(repeats: int = 3) -> dict:
    """A fixed workload (a Python loop and a numpy sort), best of ``repeats``: how fast the machine was
    during the run. On a shared machine the same code takes up to twice as long at busy moments."""
    import numpy as np

    loop, sort = [], []
    data = np.random.default_rng(1).random(2_000_000)
    for _ in range(repeats):
        t0 = time.perf_counter()
        total = 0
        for i in range(1_000_000):
            total += i * i
        loop.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        np.sort(data)
        sort.append(time.perf_counter() - t0)
    return {"python_loop_ms": round(min(loop) * 1000, 1), "numpy_sort_ms": round(min(sort) * 1000, 1)}


def machine() -> dict:
    import pandas
    import pyarrow

    try:
        memory = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
    except (ValueError, OSError, AttributeError):
        memory = None
    return {"cpus": os.cpu_count(), "memory_gb": memory, "platform": platform.platform(),
            "python": platform.python_version(), "pandas": pandas.__version__, "pyarrow": pyarrow.__version__}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="flow counts, comma-separated")
    parser.add_argument("--no-report", action="store_true", help="skip the MR report")
    parser.add_argument("--no-whatif", action="store_true", help="skip the what-if widget")
    parser.add_argument("--no-save", action="store_true", help="skip the save in the workbench")
    parser.add_argument("--repeat", type=int, default=3, help="runs per stage; the fastest counts (default 3)")
    parser.add_argument("--output", default=str(RESULTS / "latest"), help="results file stem (.json and .md)")
    parser.add_argument("--render", metavar="JSON", help="only write the table again from an earlier results file")
    args = parser.parse_args(argv)
    if args.render:
        doc = json.loads(Path(args.render).read_text())
        doc["targets"] = {k: list(v) for k, v in targets(doc).items()}
        Path(args.render).write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
        md = markdown({**doc, "targets": {k: tuple(v) for k, v in doc["targets"].items()}})
        Path(args.render).with_suffix(".md").write_text(md)
        print(md)
        return 0
    CACHE.mkdir(parents=True, exist_ok=True)
    stages = ["validate", "check", "reachability", "breach", "promises", "letter", "diff"]
    skipped = []
    for stage, (module, name) in (("screening", ("dpia.analysis.screening", "screen")), ("risk", ("dpia.analysis.risk", "assess")),
                                  ("processings", ("dpia.analysis.processing", "screen_processings"))):
        if importable(module, name):
            stages.append(stage)
        else:
            skipped.append(f"{stage} ({module}.{name} is not available)")
    sizes = []
    for flows in (int(x) for x in args.sizes.split(",")):
        path, manifest = register_for(flows)
        entry = {"target": flows, "flows": manifest["counts"]["flows"], "schools": manifest["schools"], "stages": {}}
        for stage in stages:
            out = CACHE / f"check-{flows}.json" if stage == "check" else None
            log(f"{stage} at {entry['flows']:,} flows")
            entry["stages"][stage] = run_stages(stage, path, out, args.repeat)
            r = entry["stages"][stage]
            log(f"  {r['wall']:.2f} s wall (best of {args.repeat}), {r['stage']:.2f} s measured, "
                f"{r['peak_rss_mb']:,.0f} MB peak")
        entry["planted"] = planted(CACHE / f"check-{flows}.json", manifest)
        sizes.append(entry)
    slopes = {}
    for stage in stages:
        pts = [(s["flows"], s["stages"][stage]["wall"]) for s in sizes]
        calls = [(s["flows"], s["stages"][stage]["stage"]) for s in sizes]
        slopes[stage] = {"fit": slope(pts), "last": slope(pts[-2:]), "fit_measured_call": slope(calls),
                         "last_measured_call": slope(calls[-2:])}
    doc = {"date": dt.datetime.now().isoformat(timespec="seconds"), "machine": {**machine(), **calibration()},
           "repeat": args.repeat, "stages": stages,
           "sizes": sizes, "slopes": slopes, "skipped": skipped, "on": ON,
           "generator": {"apps": APPS, "use": USE, "seed": SEED}}
    if not args.no_report:
        doc["report"] = report_timing()
    if not args.no_whatif:
        log("what-if widget on the example")
        doc["whatif"] = whatif_timing()
        log("breach widget on the example")
        doc["breach_widget"] = breach_widget_timing()
    if not args.no_save:
        log("a save in the workbench on the example")
        doc["save"] = save_timing()
    doc["targets"] = {k: list(v) for k, v in targets(doc).items()}
    stem = Path(args.output)
    stem.parent.mkdir(parents=True, exist_ok=True)
    stem.with_suffix(".json").write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    md = markdown({**doc, "targets": {k: tuple(v) for k, v in doc["targets"].items()}})
    stem.with_suffix(".md").write_text(md)
    print(md)
    return 0 if all(v[2] for v in doc["targets"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
