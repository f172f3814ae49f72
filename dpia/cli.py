"""The ``dpia`` command: a thin face over the library. It parses, calls and prints.

Exit codes: 0 success, 1 a blocking finding remains (``check``), 2 the input is invalid or a usage
error. A traceback is never shown: an unexpected error is reported in one line, with exit code 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Sequence

from .i18n import LANGS, default_lang, t
from .store import ChangedOnDisk, RegisterInvalid, load
from .summary import summary_lines

EXIT_OK, EXIT_BLOCKED, EXIT_INVALID = 0, 1, 2


def _cmd_validate(args: argparse.Namespace) -> int:
    loaded = load(args.path)
    print(t("cli_valid", args.lang, path=args.path))
    if not args.quiet:
        for line in summary_lines(loaded.register, args.lang):
            print(line)
    return EXIT_OK


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


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}': YYYY-MM-DD") from None


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "check": _cmd_check,
    "report": _cmd_report,
    "rules": _cmd_rules,
    "validate": _cmd_validate,
    "summary": _cmd_summary,
    "schema": _cmd_schema,
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
    p = sub.add_parser("summary", help="print a summary of the register")
    p.add_argument("path")
    p = sub.add_parser("check", help="check the register against the rules (exit 1 when a blocker remains)")
    p.add_argument("path")
    p.add_argument("--on", type=_date, default=None, help="assessment date YYYY-MM-DD (default: today)")
    p.add_argument("--format", choices=("text", "json", "csv"), default="text")
    p = sub.add_parser("report", help="write the report for the participation council (HTML, optionally PDF)")
    p.add_argument("path")
    p.add_argument("-o", "--output", required=True, help="the HTML file to write")
    p.add_argument("--pdf", help="also print the report to this PDF file (needs chromium)")
    p.add_argument("--on", type=_date, default=None, help="assessment date YYYY-MM-DD (default: today)")
    p = sub.add_parser("rules", help="list the rules with their articles")
    p.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    sub.add_parser("schema", help="print the JSON Schema of the register files")
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
