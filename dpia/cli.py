"""The ``dpia`` command: a thin face over the library. It parses, calls and prints.

Exit codes: 0 success, 1 a blocking finding remains (``check``), 2 the input is invalid or a usage
error. A traceback is never shown: an unexpected error is reported in one line, with exit code 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from .i18n import LANGS, default_lang, t
from .store import ChangedOnDisk, RegisterInvalid, load
from .summary import summary_lines

EXIT_OK, EXIT_BLOCKED, EXIT_INVALID = 0, 1, 2


def _cmd_validate(args: argparse.Namespace) -> int:
    loaded = load(args.path)
    if args.format == "json":
        _print_problems_json(args.path, [], args.lang)
        return EXIT_OK
    print(t("cli_valid", args.lang, path=args.path))
    if not args.quiet:
        for line in summary_lines(loaded.register, args.lang):
            print(line)
    return EXIT_OK


def _print_problems_json(path: str, problems: list, lang: str) -> None:
    """The verdict as JSON on stdout: every problem with its place, ``level`` (file, syntax, shape,
    reference) and ``caused_by`` (the place of the problem it follows from, or null), causes first."""
    import json

    doc = {"register": path, "valid": not problems, "problems": [p.as_dict(lang) for p in problems]}
    sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")


def _cmd_summary(args: argparse.Namespace) -> int:
    loaded = load(args.path)
    for line in summary_lines(loaded.register, args.lang):
        print(line)
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace) -> int:
    from .schema import schema_text

    sys.stdout.write(schema_text())
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    from .check import as_csv, as_json, as_text, check

    loaded = load(args.path)
    result = check(loaded.register, args.on, loaded.where)
    if args.format == "json":
        out = as_json(result, args.lang, args.path)
    elif args.format == "csv":
        out = as_csv(result, args.lang)
    else:
        out = as_text(result, args.lang)
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

    from .screening import screen, screening_text

    loaded = load(args.path)
    dpias = _dpias_of(loaded.register, args)
    if dpias is None:
        return EXIT_INVALID
    results = [screen(loaded.register, d) for d in dpias]
    if args.format == "json":
        doc = {"register": args.path, "screenings": [r.as_dict(args.lang) for r in results]}
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    elif not results:
        print(t("cli_no_dpias", args.lang, path=args.path))
    else:
        sys.stdout.write("\n".join(screening_text(r, loaded.register, args.lang) for r in results))
    return EXIT_OK


def _cmd_risks(args: argparse.Namespace) -> int:
    import json

    from .check import check
    from .risk import assess, prior_consultation, risks_text, what_if

    loaded = load(args.path)
    dpias = _dpias_of(loaded.register, args)
    if dpias is None:
        return EXIT_INVALID
    result = check(loaded.register, args.on, loaded.where)
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
    from .rulesdoc import rules_json, rules_markdown, rules_text

    render = {"json": rules_json, "markdown": rules_markdown}.get(args.format, rules_text)
    sys.stdout.write(render(args.lang))
    return EXIT_OK


def _cmd_report(args: argparse.Namespace) -> int:
    from .report import build_report

    on = args.on.isoformat() if args.on else None
    for path in build_report(args.path, args.output, lang=args.lang, on=on, pdf=args.pdf):
        print(path)
    return EXIT_OK


def _cmd_export_art30(args: argparse.Namespace) -> int:
    from .art30 import write_art30

    delimiter = "\t" if args.delimiter == "tab" else args.delimiter
    print(write_art30(args.path, args.output, lang=args.lang, delimiter=delimiter))
    return EXIT_OK


def _cmd_export_register(args: argparse.Namespace) -> int:
    from .importer import export_register

    print(export_register(args.path, args.output))
    return EXIT_OK


def _cmd_import(args: argparse.Namespace) -> int:
    from .export import safe_filename
    from .importer import TargetNotEmpty, TargetNotWritable, import_spreadsheet

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
    from .synth import TargetNotSynthetic, generate

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
    "validate": _cmd_validate,
    "summary": _cmd_summary,
    "schema": _cmd_schema,
    "export-art30": _cmd_export_art30,
    "export-register": _cmd_export_register,
    "import": _cmd_import,
    "synth": _cmd_synth,
}


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
    p.add_argument("--on", type=_date, default=None, help="assessment date YYYY-MM-DD (default: today)")
    p.add_argument("--format", choices=("text", "json", "csv"), default="text")
    p = sub.add_parser("screen", help="screen each DPIA: is it required? (GDPR Art. 35(3), WP248, the AP's list)")
    p.add_argument("path")
    p.add_argument("--dpia", default=None, help="only this DPIA (its id)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p = sub.add_parser("risks", help="the risks of each DPIA: levels, residual risk, what-if, Art. 36")
    p.add_argument("path")
    p.add_argument("--dpia", default=None, help="only this DPIA (its id)")
    p.add_argument("--on", type=_date, default=None, help="assessment date YYYY-MM-DD (default: today)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p = sub.add_parser("report", help="write the report for the participation council (HTML, optionally PDF)")
    p.add_argument("path")
    p.add_argument("-o", "--output", required=True, help="the HTML file to write")
    p.add_argument("--pdf", help="also print the report to this PDF file (needs chromium)")
    p.add_argument("--on", type=_date, default=None, help="assessment date YYYY-MM-DD (default: today)")
    p = sub.add_parser("rules", help="list the rules with their articles")
    p.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    sub.add_parser("schema", help="print the JSON Schema of the register files")
    p = sub.add_parser("export-art30", help="write the record of processing (GDPR Art. 30) as XLSX or CSV")
    p.add_argument("path")
    p.add_argument("-o", "--output", required=True, type=_output_file(lang, ".xlsx", ".csv"), help="FILE.xlsx or FILE.csv")
    p.add_argument("--delimiter", choices=(";", ",", "tab"), default=None,
                   help="CSV separator (default ';' for nl, as Dutch Excel expects, ',' for en)")
    p = sub.add_parser("export-register", help="write the whole register as a workbook in the import layout")
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
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the promise is: never a traceback
        print(t("cli_internal_error", args.lang, error=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
        return EXIT_INVALID


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
