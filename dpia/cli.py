"""The ``dpia`` command: a thin face over the library. It parses, calls and prints.

Exit codes: 0 success, 1 a blocking finding remains (``check``), 2 the input is invalid or a usage
error. A traceback is never shown: an unexpected error is reported in one line, with exit code 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from dpia.i18n import default_lang, LANGS, t
from dpia.settings import assessment_date, BadSetting
from dpia.io.problems import ChangedOnDisk, RegisterInvalid
from dpia.io.files import OutputRefused
from dpia.io.store import load
from dpia.analysis.summary import summary_lines
from dpia.io.store import module_lines

EXIT_OK, EXIT_BLOCKED, EXIT_INVALID = 0, 1, 2


def _loaded(args: argparse.Namespace):
    """The register of ``args.path``; when loading finished a save that was interrupted (a process killed
    while it wrote several files), one line on stderr says which files it completed."""
    loaded = load(args.path)
    if loaded.finished:
        print(t("save_finished", args.lang, files=", ".join(loaded.finished)), file=sys.stderr)
    return loaded


def _cmd_validate(args: argparse.Namespace) -> int:
    loaded = _loaded(args)
    if args.format == "json":
        _print_problems_json(args.path, [], args.lang)
        return EXIT_OK
    print(t("cli_valid", args.lang, path=args.path))
    if not args.quiet:
        for line in module_lines(loaded, args.lang):
            print(line)
        for line in summary_lines(loaded.register, args.lang):
            print(line)
    return EXIT_OK


def _cmd_module(args: argparse.Namespace) -> int:
    from dpia.io.store import folder_checksum

    print(t("cli_module_checksum", args.lang, checksum=folder_checksum(args.folder)))
    return EXIT_OK


def _print_problems_json(path: str, problems: list, lang: str) -> None:
    """The verdict as JSON on stdout: every problem with its place, ``level`` (file, syntax, shape,
    reference) and ``caused_by`` (the place of the problem it follows from, or null), causes first."""
    import json

    doc = {"register": path, "valid": not problems, "problems": [p.as_dict(lang) for p in problems]}
    sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")


def _cmd_summary(args: argparse.Namespace) -> int:
    loaded = _loaded(args)
    for line in summary_lines(loaded.register, args.lang):
        print(line)
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace) -> int:
    from dpia.io.schema import schema_text

    sys.stdout.write(schema_text())
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    from dpia.check import as_csv, as_json, as_text, check

    loaded = _loaded(args)
    result = check(loaded.register, args.on, loaded.where, loaded.module_of)
    if args.format == "json":
        out = as_json(result, args.lang, args.path, loaded.register)
    elif args.format == "csv":
        out = as_csv(result, args.lang)
    else:
        out = "".join(line + "\n" for line in module_lines(loaded, args.lang)) + as_text(result, args.lang, loaded.register)
    sys.stdout.write(out)
    return EXIT_BLOCKED if result.blocking else EXIT_OK


def _dpias_of(register, args: argparse.Namespace) -> list | None:
    """The DPIAs the command is about (``--dpia`` or all, by id); None after reporting an unknown id."""
    dpias = sorted(register.dpias, key=lambda d: d.id)
    if args.dpia is None:
        return dpias
    chosen = [d for d in dpias if d.id == args.dpia]
    if not chosen:
        allowed = ", ".join(d.id for d in dpias) or "—"
        print(t("cli_unknown_dpia", args.lang, value=args.dpia, allowed=allowed), file=sys.stderr)
        return None
    return chosen


def _cmd_screen(args: argparse.Namespace) -> int:
    import json

    from dpia.analysis.processing import screen_processings
    from dpia.analysis.processing import screening_text as processings_text
    from dpia.analysis.screening import screen, screening_text

    loaded = _loaded(args)
    dpias = _dpias_of(loaded.register, args)
    if dpias is None:
        return EXIT_INVALID
    results = [screen(loaded.register, d) for d in dpias]
    # Every processing of the register first (is a DPIA needed?), then the DPIAs' own screenings; with
    # --dpia only that DPIA's screening.
    everything = screen_processings(loaded.register) if args.dpia is None else []
    if args.format == "json":
        doc = {"register": args.path,
               "processings": [s.as_dict(loaded.register, args.lang) for s in everything],
               "screenings": [r.as_dict(args.lang) for r in results]}
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    if args.dpia is None:
        sys.stdout.write(processings_text(loaded.register, everything, args.lang))
        if not results:
            print(t("cli_no_dpias", args.lang, path=args.path))
    if results:
        if args.dpia is None:
            print()
        sys.stdout.write("\n".join(screening_text(r, loaded.register, args.lang) for r in results))
    return EXIT_OK


def _cmd_risks(args: argparse.Namespace) -> int:
    import json

    from dpia.check import check
    from dpia.analysis.risk import assess, prior_consultation, risks_text, what_if

    loaded = _loaded(args)
    dpias = _dpias_of(loaded.register, args)
    if dpias is None:
        return EXIT_INVALID
    result = check(loaded.register, args.on, loaded.where, loaded.module_of)
    if args.format == "json":
        out = []
        for d in dpias:
            now = assess(loaded.register, d, result.findings)
            planned = what_if(loaded.register, d, None, result.findings)
            out.append({
                "dpia": d.id,
                "scale": d.scale.value,
                "risks": [a.as_dict(args.lang) for a in now],
                "what_if": {a.risk: {"residual_likelihood": a.residual_likelihood.value,
                                     "residual_impact": a.residual_impact.value, "residual": a.residual.value}
                            for a in planned},
                "prior_consultation": prior_consultation(loaded.register, d, assessments=now).as_dict(),
            })
        doc = {"register": args.path, "on": result.on.isoformat(), "dpias": out}
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    elif not dpias:
        print(t("cli_no_dpias", args.lang, path=args.path))
    else:
        sys.stdout.write("\n".join(risks_text(loaded.register, d, result.findings, args.lang) for d in dpias))
    return EXIT_OK


def _cmd_rules(args: argparse.Namespace) -> int:
    from dpia.documents.rulesdoc import rules_json, rules_markdown, rules_text

    render = {"json": rules_json, "markdown": rules_markdown}.get(args.format, rules_text)
    sys.stdout.write(render(args.lang))
    return EXIT_OK


def _cmd_report(args: argparse.Namespace) -> int:
    from dpia.io.git import VersionNotFound
    from dpia.documents.report import build_report, ReportPdfMissing

    on = args.on.isoformat()
    if args.dpia is not None and _dpias_of(_loaded(args).register, args) is None:
        return EXIT_INVALID
    try:
        written = build_report(args.path, args.output, lang=args.lang, on=on, pdf=args.pdf, dpia=args.dpia, force=args.force,
                               since=args.since)
    except VersionNotFound as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return EXIT_INVALID
    except ReportPdfMissing as exc:
        print(exc.html_path)
        print(exc.message(args.lang), file=sys.stderr)
        return EXIT_INVALID
    for path in written:
        print(path)
    return EXIT_OK


def _cmd_diff(args: argparse.Namespace) -> int:
    from dpia import diff
    from dpia.io.git import VersionNotFound

    try:
        d = diff.diff_versions(args.old, args.new, on=args.on, old_on=args.old_on, lang=args.lang)
    except VersionNotFound as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return EXIT_INVALID
    render = {"json": diff.as_json, "markdown": diff.as_markdown, "html": diff.as_html}.get(args.format, diff.as_text)
    sys.stdout.write(render(d, args.lang))
    return EXIT_OK


def _cmd_breach(args: argparse.Namespace) -> int:
    import json

    from dpia.analysis import breach as br

    register = _loaded(args).register
    recorded = None
    if args.breach:
        known = {b.id: b for b in register.breaches}
        recorded = known.get(args.breach)
        if recorded is None:
            print(t("breach_unknown_breach", args.lang, value=args.breach, allowed=", ".join(sorted(known)) or "—"), file=sys.stderr)
            return EXIT_INVALID
    place = recorded.at if recorded else args.at
    since, today = None, args.on  # the period ends on the assessment date
    if args.since is not None:
        try:
            since = dt.date.fromisoformat(args.since)
        except ValueError:
            print(t("breach_since_not_date", args.lang, value=args.since), file=sys.stderr)
            return EXIT_INVALID
        if since > today:
            print(t("breach_since_future", args.lang, value=args.since, today=today.isoformat()), file=sys.stderr)
            return EXIT_INVALID
    try:
        found = br.impact(register, place, since=since, until=today)
    except br.UnknownPlace as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return EXIT_INVALID
    if args.map:
        from dpia.documents.datamap import impact_figure

        written = _write_map(impact_figure(register, found, args.lang), Path(args.map), args)
        if written != EXIT_OK:
            return written
    assessment = br.assess_breach(register, recorded, found) if recorded else None
    now = args.now or br.moment_of(args.on)  # the end of that day, or now when it is today
    if args.form:
        if recorded is None:
            print(t("breach_form_needs_breach", args.lang), file=sys.stderr)
            return EXIT_INVALID
        return _write_page(br.notification_form(register, recorded, args.lang), args, args.form)
    if args.format == "json":
        doc = {"impact": found.as_dict(), "assessment": assessment.as_dict(args.lang) if assessment else None}
        if recorded:
            doc["deadline"] = br.deadline(recorded).isoformat()
            doc["seconds_left"] = int(br.time_left(recorded, now).total_seconds())
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    elif args.format == "csv":
        sys.stdout.write(br.impact_csv(register, found, args.lang))
    else:
        lines = br.report_lines(register, found, assessment, recorded, now, args.lang)
        if since is not None:
            lines.insert(0, t("breach_since", args.lang, since=since.isoformat(), until=today.isoformat()))
        sys.stdout.write("\n".join(lines) + "\n")
    return EXIT_OK


def _write_map(fig, target: Path, args: argparse.Namespace) -> int:
    """Save a figure as PNG or SVG (by the suffix) through the one output writer: whole or not at all."""
    from dpia.documents.figures import figure_bytes
    from dpia.io.files import write_output

    fmt = target.suffix.lstrip(".").lower()
    if fmt not in ("png", "svg"):
        print(t("breach_map_format", args.lang, path=target), file=sys.stderr)
        return EXIT_INVALID
    write_output(target, figure_bytes(fig, fmt), [args.path], args.force)
    print(t("breach_map_written", args.lang, path=target), file=sys.stderr)
    return EXIT_OK


def _cmd_access_request(args: argparse.Namespace) -> int:
    import json

    from dpia.analysis.access_request import access_request, answer_lines, UnknownSubject

    register = _loaded(args).register
    try:
        answer = access_request(register, args.subject, args.school, args.received)
    except UnknownSubject as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return EXIT_INVALID
    if args.format == "json":
        sys.stdout.write(json.dumps(answer.as_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write("\n".join(answer_lines(register, answer, args.lang)) + "\n")
    return EXIT_OK


def _cmd_letter(args: argparse.Namespace) -> int:
    from dpia.documents.letter import letter_html, LetterRefused

    register = _loaded(args).register
    schools = {s.id for s in register.controller.schools}
    if args.school and args.school not in schools:
        print(t("access_unknown_school", args.lang, value=args.school, allowed=", ".join(sorted(schools))), file=sys.stderr)
        return EXIT_INVALID
    try:
        page = letter_html(register, args.on, args.school, args.lang, draft=args.draft)
    except LetterRefused as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return EXIT_BLOCKED
    return _write_page(page, args)


def _cmd_privacy_statement(args: argparse.Namespace) -> int:
    from dpia.documents.letter import statement_html

    return _write_page(statement_html(_loaded(args).register, args.lang), args)


def _write_page(page: str, args: argparse.Namespace, output: str | None = None) -> int:
    """Write an offline page atomically to ``output`` (default ``-o``), and its PDF on request (``--pdf``);
    print the paths written."""
    from dpia.documents.browser import PdfNotPrinted, print_pdf
    from dpia.io.files import write_output

    target = write_output(output or args.output, page, [args.path], args.force)
    print(target)
    if args.pdf:
        try:
            print(print_pdf(target, Path(args.pdf), protect=[args.path], force=args.force))
        except PdfNotPrinted as exc:
            print(t("pdf_not_written", args.lang, html=target, pdf=args.pdf, reason=exc.reason_text(args.lang)), file=sys.stderr)
            return EXIT_INVALID
    return EXIT_OK


def _datetime(value: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise argparse.ArgumentTypeError(f"'{value}': YYYY-MM-DDTHH:MM+01:00")
    return moment


def _cmd_export_art30(args: argparse.Namespace) -> int:
    from dpia.analysis.art30 import write_art30

    delimiter = "\t" if args.delimiter == "tab" else args.delimiter
    print(write_art30(args.path, args.output, lang=args.lang, delimiter=delimiter, force=args.force))
    return EXIT_OK


def _cmd_export_register(args: argparse.Namespace) -> int:
    from dpia.io.importer import export_register

    print(export_register(args.path, args.output, force=args.force))
    return EXIT_OK


def _cmd_import(args: argparse.Namespace) -> int:
    from dpia.io.export import safe_filename
    from dpia.io.importer import import_spreadsheet, TargetNotEmpty, TargetNotWritable

    target = Path(args.output)
    target = target.with_name(safe_filename(target.name))
    try:
        written = import_spreadsheet(args.path, target)
    except (TargetNotEmpty, TargetNotWritable) as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return EXIT_INVALID
    print(t("import_written", args.lang, count=len(written), path=target))
    return EXIT_OK


def _cmd_synth(args: argparse.Namespace) -> int:
    from dpia.io.synth import generate, TargetNotSynthetic

    try:
        manifest = generate(args.schools, args.apps, args.seed, args.output, use=args.use,
                            defect_share=args.defect_share, on=args.on or dt.date(2026, 11, 29))
    except TargetNotSynthetic:
        print(t("synth_target_not_empty", args.lang, path=args.output), file=sys.stderr)
        return EXIT_INVALID
    print(t("synth_written", args.lang, path=args.output, flows=manifest.counts["flows"],
            schools=args.schools, defects=len(manifest.defects), findings=len(manifest.expected_findings)))
    return EXIT_OK


def _output_file(lang: str, *suffixes: str) -> Callable[[str], str]:
    """An argparse type: a file name ending in one of ``suffixes`` (a usage error otherwise)."""

    def check(value: str) -> str:
        if not value.lower().endswith(suffixes):
            raise argparse.ArgumentTypeError(t("cli_bad_output_suffix", lang, value=value, allowed=" / ".join(suffixes)))
        return value

    return check


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}': YYYY-MM-DD") from None


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "check": _cmd_check,
    "screen": _cmd_screen,
    "risks": _cmd_risks,
    "report": _cmd_report,
    "rules": _cmd_rules,
    "diff": _cmd_diff,
    "breach": _cmd_breach,
    "access-request": _cmd_access_request,
    "letter": _cmd_letter,
    "privacy-statement": _cmd_privacy_statement,
    "validate": _cmd_validate,
    "summary": _cmd_summary,
    "schema": _cmd_schema,
    "export-art30": _cmd_export_art30,
    "export-register": _cmd_export_register,
    "import": _cmd_import,
    "synth": _cmd_synth,
    "module": _cmd_module,
}


# The commands that assess the register on a date (``dpia.settings.assessment_date``); ``diff`` compares
# versions on their own dates and ``synth`` plants defects for a fixed date.
ASSESSED = ("check", "risks", "report", "breach", "letter")

# What a file written by each command is usually called, for the example in "this is a folder".
EXAMPLE_NAMES = {"report": "rapport.html", "breach": "melding.html", "letter": "brief.html",
                 "privacy-statement": "privacyverklaring.html", "export-art30": "art30.xlsx", "export-register": "register.xlsx"}
_TEMPORARY = re.compile(r"^\.(?P<name>.+)\.[^.]+\.tmp$")  # store.atomic_write's ".NAME.<random>.tmp"


def _outputs(args: argparse.Namespace) -> list[str]:
    names = ("output", "form", "pdf", "map")
    return [v for v in (getattr(args, name, None) for name in names) if v]


def _refused_output(args: argparse.Namespace) -> str | None:
    """The message for an output file that must not be written (checked before any work): a folder, or
    what ``dpia.io.files.check_output`` refuses (inside the register, a link, a device, read-only)."""
    if args.command not in EXAMPLE_NAMES:
        return None
    folder = _output_is_folder(args)
    if folder:
        return folder
    from dpia.io.files import OutputRefused, check_output

    for value in _outputs(args):
        try:
            check_output(value, [args.path], getattr(args, "force", False))
        except OutputRefused as refused:
            return refused.message(args.lang)
    return None


def _output_is_folder(args: argparse.Namespace) -> str | None:
    """The message for an output file argument that names an existing folder (checked before any work)."""
    if args.command not in EXAMPLE_NAMES:
        return None
    for value in _outputs(args):
        if os.path.isdir(value):
            name = "rapport.pdf" if value == getattr(args, "pdf", None) else EXAMPLE_NAMES[args.command]
            return t("output_is_folder", args.lang, path=value, example=os.path.join(value, name))
    return None


def os_error_message(exc: OSError, args: argparse.Namespace) -> str:
    """An ordinary operating-system cause (a full disk, a folder one may not write in, a missing
    program ...) in the reader's language, with what to do. Never "internal error"."""
    lang = args.lang
    path = str(exc.filename2 or exc.filename or (_outputs(args) or ["—"])[0])
    tmp = _TEMPORARY.match(os.path.basename(path))
    if tmp:  # a temporary of an atomic write: name the file it was for
        path = os.path.join(os.path.dirname(path), tmp["name"])
    code = exc.errno
    if isinstance(exc, FileNotFoundError) and exc.filename and os.sep not in str(exc.filename) \
            and str(exc.filename) not in _outputs(args):  # a program run by name
        return t("tool_missing", lang, tool=exc.filename)
    if code in (errno.ENOSPC, errno.EDQUOT):
        return t("output_disk_full", lang, path=path)
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        from dpia.io.files import os_reason

        reason = os_reason(exc)
        reason = reason.render(lang) if hasattr(reason, "render") else reason
        if code == errno.EROFS:
            reason = exc.strerror or reason
        return t("output_read_only", lang, path=path, folder=os.path.dirname(os.path.abspath(path)), reason=reason)
    if code == errno.EISDIR:
        return t("output_is_folder", lang, path=path, example=os.path.join(path, EXAMPLE_NAMES.get(args.command, "uitvoer")))
    if code in (errno.ENOTDIR, errno.EEXIST):  # a file where a folder of the path should be
        return t("output_parent_not_folder", lang, path=path)
    return t("output_os_error", lang, path=path, reason=exc.strerror or exc)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's own exit code for usage errors is 2 too
        self.print_usage(sys.stderr)
        self.exit(EXIT_INVALID, f"{self.prog}: {message}\n")


def build_parser(lang: str) -> argparse.ArgumentParser:
    parser = _Parser(prog="dpia", description=t("cli_description", lang))
    parser.add_argument("--lang", choices=LANGS, default=lang, help="nl (default) or en")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("validate", help="check the register's files and report every problem")
    p.add_argument("path", help="register folder (or one YAML file)")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary, only the verdict")
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="json: the problems as JSON on stdout, each with its level and caused_by")
    p = sub.add_parser("summary", help="print a summary of the register")
    p.add_argument("path")
    p = sub.add_parser("check", help="check the register against the rules (exit 1 when a blocker remains)")
    p.add_argument("path")
    p.add_argument("--on", type=_date, default=None, help="assessment date YYYY-MM-DD (default: $DPIA_ON, else today)")
    p.add_argument("--format", choices=("text", "json", "csv"), default="text")
    p = sub.add_parser("screen", help="screen every processing of the register, then each DPIA: is a DPIA required? "
                       "(GDPR Art. 35(3), WP248, the AP's list)")
    p.add_argument("path")
    p.add_argument("--dpia", default=None, help="only this DPIA (its id)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p = sub.add_parser("risks", help="the risks of each DPIA: levels, residual risk, what-if, Art. 36")
    p.add_argument("path")
    p.add_argument("--dpia", default=None, help="only this DPIA (its id)")
    p.add_argument("--on", type=_date, default=None, help="assessment date YYYY-MM-DD (default: $DPIA_ON, else today)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p = sub.add_parser("report", help="write the report for the participation council (HTML, optionally PDF)")
    p.add_argument("--force", action="store_true", help="replace an output file even when it is read-only")
    p.add_argument("path")
    p.add_argument("-o", "--output", required=True, help="the HTML file to write")
    p.add_argument("--pdf", help="also print the report to this PDF file (needs chromium)")
    p.add_argument("--dpia", default=None, help="only this DPIA (its id): its findings, risks and sign-off")
    p.add_argument("--since", default=None,
                   help="say what changed since this version: a folder, REV:PATH or DATE:PATH (see dpia diff)")
    p.add_argument("--on", type=_date, default=None, help="assessment date YYYY-MM-DD (default: $DPIA_ON, else today)")
    p = sub.add_parser("diff", help="what changed between two versions: folders or git revisions (REV:PATH, DATE:PATH)")
    p.add_argument("old", help="the earlier version: a folder, REV:PATH (HEAD~5:data/x, a tag) or DATE:PATH (2025-12-01:data/x)")
    p.add_argument("new", help="the later version, in the same forms")
    p.add_argument("--on", type=_date, default=None, help="date the new version is checked on (default: today)")
    p.add_argument("--old-on", type=_date, default=None,
                   help="date the old version is checked on (default: its commit date, or --on for a folder)")
    p.add_argument("--format", choices=("text", "json", "markdown", "html"), default="text")
    p = sub.add_parser("breach", help="a data breach: who is affected, through the data map, and whether to notify (GDPR Art. 33-34)")
    p.add_argument("--force", action="store_true", help="replace an output file even when it is read-only")
    p.add_argument("path")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--at", help="where it happened: a party, system, flow or school id")
    where.add_argument("--breach", help="a breach recorded in the register (its id)")
    p.add_argument("--now", type=_datetime, default=None, help="the moment to count the 72 hours to (default: now)")
    p.add_argument("--on", type=_date, default=None, help="count to the end of this day (Dutch time; default: $DPIA_ON, else now)")
    p.add_argument("--format", choices=("text", "json", "csv"), default="text")
    p.add_argument("--form", help="write the AP notification form, pre-filled, to this HTML file (with --breach)")
    p.add_argument("--pdf", help="also print the form to this PDF file (needs chromium)")
    p.add_argument("--since", metavar="DATE", default=None,
                   help="only what reached the place from DATE (YYYY-MM-DD) until today counts: a data flow is left out "
                        "when every agreement that covers it (its own, else those of the party it goes to) ended before "
                        "DATE or began after today; a flow without such a dated agreement counts")
    p.add_argument("--map", metavar="FILE", default=None,
                   help="also draw the data map with the part the breach can reach highlighted, to FILE.png or FILE.svg")
    p = sub.add_parser("access-request", help="the structure of the answer to an access request (GDPR Art. 15)")
    p.add_argument("path")
    p.add_argument("--subject", required=True, help="the group of data subjects (an id from subjects)")
    p.add_argument("--school", default=None, help="only this school (its id)")
    p.add_argument("--received", type=_date, default=None, help="the day the request came in: the answer is due a month later")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p = sub.add_parser("letter", help="write the letter to parents and pupils from the register (plain Dutch; exit 1 if a promise is broken)")
    p.add_argument("--force", action="store_true", help="replace an output file even when it is read-only")
    p.add_argument("path")
    p.add_argument("--school", default=None, help="the letter of one school (its id)")
    p.add_argument("-o", "--output", required=True, help="the HTML file to write")
    p.add_argument("--pdf", help="also print it to this PDF file (needs chromium)")
    p.add_argument("--on", type=_date, default=None, help="the date the promises are checked on (default: $DPIA_ON, else today)")
    p.add_argument("--draft", action="store_true", help="write it even when a promise is broken, marked as not true")
    p = sub.add_parser("privacy-statement", help="write the privacy statement (GDPR Art. 13/14) from the register")
    p.add_argument("--force", action="store_true", help="replace an output file even when it is read-only")
    p.add_argument("path")
    p.add_argument("-o", "--output", required=True, help="the HTML file to write")
    p.add_argument("--pdf", help="also print it to this PDF file (needs chromium)")
    p = sub.add_parser("rules", help="list the rules with their articles")
    p.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    sub.add_parser("schema", help="print the JSON Schema of the register files")
    p = sub.add_parser("module", help="imported modules (a sector DPIA): 'checksum FOLDER' (or ARCHIVE: .tar.gz, .zip) prints the checksum an import needs")
    p.add_argument("action", choices=["checksum"])
    p.add_argument("folder")
    p = sub.add_parser("export-art30", help="write the record of processing (GDPR Art. 30) as XLSX or CSV")
    p.add_argument("--force", action="store_true", help="replace an output file even when it is read-only")
    p.add_argument("path")
    p.add_argument("-o", "--output", required=True, type=_output_file(lang, ".xlsx", ".csv"), help="FILE.xlsx or FILE.csv")
    p.add_argument("--delimiter", choices=(";", ",", "tab"), default=None,
                   help="CSV separator (default ';' for nl, as Dutch Excel expects, ',' for en)")
    p = sub.add_parser("export-register", help="write the whole register as a workbook in the import layout")
    p.add_argument("--force", action="store_true", help="replace an output file even when it is read-only")
    p.add_argument("path")
    p.add_argument("-o", "--output", required=True, type=_output_file(lang, ".xlsx"), help="FILE.xlsx")
    p = sub.add_parser("import", help="turn a spreadsheet (XLSX, or a folder of CSV sheets) into a register folder")
    p.add_argument("path", help="the workbook (.xlsx) or a folder of CSV files, one per sheet")
    p.add_argument("-o", "--output", required=True, help="the register folder to create (new or empty)")
    p = sub.add_parser("synth", help="write a synthetic register with planted defects (for tests and benchmarks)")
    p.add_argument("--schools", type=int, required=True, help="number of schools")
    p.add_argument("--apps", type=int, required=True, help="number of products, pupil administrations included")
    p.add_argument("--seed", type=int, default=1, help="random seed: the same seed gives the same files")
    p.add_argument("--use", type=float, default=0.9, help="share of the products a school uses (default 0.9)")
    p.add_argument("--defect-share", type=float, default=0.0005,
                   help="share of the school-to-product flows given a planted defect, per kind (default 0.0005)")
    p.add_argument("--on", type=_date, default=None, help="assessment date the manifest's findings hold on")
    p.add_argument("-o", "--output", required=True, help="the folder to write (new, empty, or an earlier synth)")
    for p in sub.choices.values():
        p.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS, help="nl (default) or en")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # Read --lang early so usage messages already follow it.
    lang = default_lang()
    for i, a in enumerate(argv):
        if a == "--lang" and i + 1 < len(argv) and argv[i + 1] in LANGS:
            lang = argv[i + 1]
        elif a.startswith("--lang=") and a.split("=", 1)[1] in LANGS:
            lang = a.split("=", 1)[1]
    parser = build_parser(lang)
    args = parser.parse_args(argv)
    refused = _refused_output(args)
    if refused:
        print(refused, file=sys.stderr)
        return EXIT_INVALID
    if args.command in ASSESSED:  # one assessment date for every command: --on, else $DPIA_ON, else today
        try:
            args.on = assessment_date(args.on)
        except BadSetting as exc:
            print(exc.render(args.lang), file=sys.stderr)
            return EXIT_INVALID
    try:
        return COMMANDS[args.command](args)
    except (RegisterInvalid, ChangedOnDisk) as exc:
        if getattr(args, "format", None) == "json":  # a program reads the problems: JSON on stdout
            _print_problems_json(args.path, exc.problems, args.lang)
            return EXIT_INVALID
        for p in exc.problems:
            print(p.render(args.lang), file=sys.stderr)
        if isinstance(exc, RegisterInvalid):
            print(t("cli_invalid", args.lang, count=len(exc.problems)), file=sys.stderr)
        return EXIT_INVALID
    except OutputRefused as exc:  # found at the moment of writing (a link made since the start, say)
        print(exc.message(args.lang), file=sys.stderr)
        return EXIT_INVALID
    except MemoryError:  # within the documented limits a check stays far below this; say it plainly if not
        print(t("out_of_memory", args.lang, path=getattr(args, "path", "—")), file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:
        print(os_error_message(exc, args), file=sys.stderr)
        return EXIT_INVALID
    except Exception as exc:  # noqa: BLE001 - the promise is: never a traceback
        print(t("cli_internal_error", args.lang, error=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
        return EXIT_INVALID


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
