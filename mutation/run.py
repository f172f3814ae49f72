"""`make mutation`: mutation testing of dpia/rules with cosmic-ray, and its figures.

    python mutation/run.py [--before] [--only dpia/rules/acceptances.py] [--retest out/mutation/after.sqlite]
                           [--shard 1/2]
    python mutation/run.py --merge out/mutation/after-1of2.sqlite out/mutation/after-2of2.sqlite

Makes a fresh cosmic-ray session of the mutants of dpia/rules (cosmic-ray.toml: which replacements), starts
the fork server (server.py), checks that the tests pass unmutated, runs every mutant (cosmic-ray writes each
into the working tree, runs the test command, puts the file back), and prints the figures: mutants, killed,
survived, timeouts, kill rate, run time. The survivors, each with its diff, go to out/mutation/<name>.md.

``--before`` runs the rule tests as they were before issue 24 (tests/test_rules_*.py, without the rule
cases); ``--only`` limits the run to one module; ``--retest SESSION`` runs only the survivors of an earlier
session again (after tests were added: a killed mutant stays killed, as the tests only grow), provided
dpia/rules is what that session mutated. ``--shard K/N`` runs every N-th mutant only, so N copies of the
repository can share the work on a machine with cores to spare; ``--merge`` gives the figures of the shards
together. dpia/rules must have no uncommitted changes: cosmic-ray
edits its files in place (and puts them back), so nothing else may run the tests of this tree meanwhile.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "mutation"
BIN = Path(sys.executable).parent


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout


def config_for(only: str | None, folder: Path) -> Path:
    text = (HERE / "cosmic-ray.toml").read_text()
    if only:
        text = text.replace('module-path = "dpia/rules"', f'module-path = "{only}"')
    path = folder / "cosmic-ray.toml"
    path.write_text(text)
    return path


def skip_annotations(session: Path) -> int:
    """Mark the mutants inside type annotations as skipped: dpia/rules has ``from __future__ import
    annotations``, so ``str | None`` is never evaluated and ``str & None`` is the same program. Returns how many."""
    import ast

    from cosmic_ray.work_db import WorkDB, use_db
    from cosmic_ray.work_item import WorkerOutcome, WorkResult

    spans: dict[str, list[tuple[tuple[int, int], tuple[int, int]]]] = {}

    def inside(path: str, pos) -> bool:
        if path not in spans:
            tree = ast.parse((ROOT / path).read_text())
            spans[path] = [((n.lineno, n.col_offset), (n.end_lineno, n.end_col_offset))
                           for node in ast.walk(tree) for n in (getattr(node, "annotation", None), getattr(node, "returns", None))
                           if isinstance(n, ast.expr)]
        return any(start <= tuple(pos) < end for start, end in spans[path])

    count = 0
    with use_db(str(session), WorkDB.Mode.open) as db:
        for item in list(db.pending_work_items):
            if all(inside(str(m.module_path), m.start_pos) for m in item.mutations):
                db.set_result(item.job_id, WorkResult(output="in a type annotation, never evaluated",
                                                      worker_outcome=WorkerOutcome.SKIPPED))
                count += 1
    return count


def rules_tree() -> str:
    """The git tree of dpia/rules: which code a session's mutants are mutants of."""
    return git("rev-parse", "HEAD:dpia/rules").strip()


def reopen_survivors(old: Path, session: Path) -> int:
    """A copy of session ``old`` in which its survivors are pending again; how many."""
    import shutil
    import sqlite3

    tree = old.with_suffix(".rules-tree")
    if not tree.exists() or tree.read_text().strip() != rules_tree():
        raise SystemExit(f"{old} is not a session of the dpia/rules committed now; run without --retest")
    shutil.copyfile(old, session)
    with sqlite3.connect(session) as db:
        count = db.execute("DELETE FROM work_results WHERE worker_outcome = 'NORMAL' AND test_outcome = 'SURVIVED'").rowcount
    return count


OTHER_SHARD = "left to another shard"


# A mutant is the same in every session by what it changes where (cosmic-ray's job ids are random per session).
SPEC = "module_path, start_pos_row, start_pos_col, operator_name, occurrence"


def keep_shard(session: Path, shard: str) -> None:
    """Mark every mutant outside shard K of N (in the order of what they change where) as done elsewhere."""
    import sqlite3

    k, n = (int(x) for x in shard.split("/"))
    with sqlite3.connect(session) as db:
        pending = [j for (j,) in db.execute(
            f"SELECT job_id FROM mutation_specs WHERE job_id NOT IN (SELECT job_id FROM work_results) ORDER BY {SPEC}")]
        db.executemany("INSERT INTO work_results (worker_outcome, output, test_outcome, diff, job_id) "
                       "VALUES ('SKIPPED', ?, NULL, NULL, ?)",
                       [(OTHER_SHARD, j) for i, j in enumerate(pending) if i % n != k - 1])


def spec_of(item: dict) -> tuple:
    m = item["mutations"][0]
    return (m["module_path"], tuple(m["start_pos"]), m["operator_name"], m["occurrence"])


def merged(sessions: list[Path]) -> list[tuple[dict, dict | None]]:
    """The results of shards of one run: for each mutant, the result of the shard that ran it."""
    by_spec: dict[tuple, tuple[dict, dict | None]] = {}
    for session in sessions:
        for item, result in results(session):
            if result is None or result.get("output") == OTHER_SHARD:
                by_spec.setdefault(spec_of(item), (item, None))
            else:
                by_spec[spec_of(item)] = (item, result)
    return list(by_spec.values())


def merge_sessions(sessions: list[Path], target: Path) -> None:
    """One session of the shards' sessions (each mutant with the result of the shard that ran it), for
    ``--retest``."""
    import shutil
    import sqlite3

    shutil.copyfile(sessions[0], target)
    shutil.copyfile(sessions[0].with_suffix(".rules-tree"), target.with_suffix(".rules-tree"))
    with sqlite3.connect(target) as db:
        db.execute("DELETE FROM work_results WHERE output = ?", (OTHER_SHARD,))  # run by another shard, or by none
        job = {tuple(spec): j for j, *spec in db.execute(f"SELECT job_id, {SPEC} FROM mutation_specs")}
        for other in sessions[1:]:
            with sqlite3.connect(other) as src:
                rows = src.execute(f"SELECT r.worker_outcome, r.output, r.test_outcome, r.diff, {SPEC} FROM work_results r "
                                   "JOIN mutation_specs USING (job_id) WHERE r.output IS NULL OR r.output != ?",
                                   (OTHER_SHARD,)).fetchall()
            db.executemany("INSERT OR REPLACE INTO work_results (worker_outcome, output, test_outcome, diff, job_id) "
                           "VALUES (?, ?, ?, ?, ?)", [(*r[:4], job[tuple(r[4:])]) for r in rows])


def start_server(sock: str, before: bool) -> subprocess.Popen:
    env = {**os.environ, "MUTATION_TESTS": "before" if before else ""}
    server = subprocess.Popen([sys.executable, str(HERE / "server.py"), "serve", sock], cwd=ROOT, env=env)
    for _ in range(600):
        if os.path.exists(sock):
            return server
        if server.poll() is not None:
            raise SystemExit("the fork server did not start")
        time.sleep(0.1)
    server.kill()
    raise SystemExit("the fork server did not start within a minute")


def results(session: Path) -> list[tuple[dict, dict | None]]:
    out = subprocess.run([str(BIN / "cosmic-ray"), "dump", str(session)], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout
    return [tuple(json.loads(line)) for line in out.splitlines() if line.strip()]


def figures(rows: list[tuple[dict, dict | None]]) -> dict:
    tested = [(item, result) for item, result in rows if not (result and result["worker_outcome"] == "skipped")]
    outcome = Counter()
    for _, result in tested:
        if result is None:
            outcome["not run"] += 1
        elif result["worker_outcome"] != "normal":
            outcome["incompetent"] += 1  # the mutant could not be applied or the worker failed
        elif result["test_outcome"] == "killed":
            outcome["timeout" if (result.get("output") or "").strip() == "timeout" else "killed"] += 1
        else:
            outcome[result["test_outcome"]] += 1
    killed = outcome["killed"] + outcome["timeout"]
    judged = killed + outcome["survived"]
    return {"generated": len(rows), "filtered": len(rows) - len(tested), "mutants": len(tested),
            "killed": outcome["killed"], "timeout": outcome["timeout"], "survived": outcome["survived"],
            "incompetent": outcome["incompetent"], "not run": outcome["not run"],
            "kill rate": f"{100 * killed / judged:.1f} %" if judged else "—"}


def survivors(rows: list[tuple[dict, dict | None]]) -> list[str]:
    out = []
    for item, result in sorted(rows, key=lambda r: (r[0]["mutations"][0]["module_path"], r[0]["mutations"][0]["start_pos"])):
        if result and result["worker_outcome"] == "normal" and result["test_outcome"] == "survived":
            m = item["mutations"][0]
            out.append(f"### {m['module_path']}:{m['start_pos'][0]} {m['operator_name']} (job {item['job_id'][:8]})\n\n"
                       f"```diff\n{(result.get('diff') or '').strip()}\n```\n")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", action="store_true", help="only tests/test_rules_*.py, without the rule cases")
    parser.add_argument("--only", help="one module of dpia/rules, e.g. dpia/rules/acceptances.py")
    parser.add_argument("--retest", type=Path, help="an earlier session: run only its survivors again")
    parser.add_argument("--shard", help="K/N: run only every N-th mutant, starting at the K-th")
    parser.add_argument("--merge", type=Path, nargs="+", help="the sessions of the shards of one run: their figures")
    args = parser.parse_args()
    if args.merge:
        merge_sessions(args.merge, args.merge[0].with_name("merged.sqlite"))
        rows = merged(args.merge)
        found = figures(rows)
        print("\n".join(f"{k:<12}  {v}" for k, v in found.items()))
        report = args.merge[0].with_name("merged.md")
        report.write_text("# Mutation run: merged shards\n\n## Survivors\n\n" + "\n".join(survivors(rows)))
        print(f"survivors with their diffs: {report}")
        return 0
    if git("status", "--porcelain", "--", "dpia/rules").strip():
        raise SystemExit("dpia/rules has uncommitted changes; commit or stash them first (cosmic-ray edits it in place)")
    name = ("before" if args.before else "after") + (f"-{Path(args.only).stem}" if args.only else "") + (
        "-retest" if args.retest else "") + (f"-{args.shard.replace('/', 'of')}" if args.shard else "")
    folder = ROOT / "out" / "mutation"
    folder.mkdir(parents=True, exist_ok=True)
    session = folder / f"{name}.sqlite"
    session.unlink(missing_ok=True)
    config = config_for(args.only, folder)
    started = time.monotonic()
    if args.retest:
        print(f"{reopen_survivors(args.retest, session)} survivors of {args.retest} to test again", flush=True)
    else:
        subprocess.run([str(BIN / "cosmic-ray"), "init", str(config), str(session)], cwd=ROOT, check=True)
        subprocess.run([str(BIN / "cr-filter-operators"), str(session), str(config)], cwd=ROOT, check=True)
    print(f"{skip_annotations(session)} mutants in type annotations left out", flush=True)
    if args.shard:
        keep_shard(session, args.shard)
    session.with_suffix(".rules-tree").write_text(rules_tree() + "\n")
    sock = os.path.join(tempfile.mkdtemp(prefix="dpia-mutation-"), "server.sock")
    server = start_server(sock, args.before)
    env = {**os.environ, "MUTATION_SOCKET": sock}
    try:
        baseline = subprocess.run([sys.executable, str(HERE / "server.py")], cwd=ROOT, env=env, capture_output=True, text=True)
        if baseline.returncode != 0:
            print(baseline.stdout[-3000:])
            raise SystemExit("the tests fail without any mutant: fix them first")
        print(f"baseline passes; running the mutants ({name}) ...", flush=True)
        subprocess.run([str(BIN / "cosmic-ray"), "exec", str(config), str(session)], cwd=ROOT, env=env, check=True)
    finally:
        subprocess.run([sys.executable, str(HERE / "server.py"), "stop", sock], cwd=ROOT)
        server.wait(timeout=60)
        if git("status", "--porcelain", "--", "dpia/rules").strip():  # a run broken off halfway
            git("checkout", "--", "dpia/rules")
            print("dpia/rules restored from the last commit")
    minutes = (time.monotonic() - started) / 60
    rows = results(session)
    found = figures(rows) | {"run time": f"{minutes:.1f} min"}
    width = max(map(len, found))
    summary = "\n".join(f"{k:<{width}}  {v}" for k, v in found.items())
    print(summary)
    report = folder / f"{name}.md"
    report.write_text(f"# Mutation run: {name}\n\n```\n{summary}\n```\n\n## Survivors\n\n" + "\n".join(survivors(rows)))
    print(f"survivors with their diffs: {report.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
