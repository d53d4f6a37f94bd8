"""``liaison-desk ledger | template | import-xlsx``: ledgers and workbooks from the command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.cli_db import Cli
from desktop.cli_words import iso_date, whole_number
from desktop.db.location import location as db_location
from desktop.domain.errors import Refusal
from desktop.domain.kinds import IMPORT_KINDS, LEDGER_KINDS, PEOPLE_ORDERS

FORMATS = {".pdf": "pdf", ".xlsx": "xlsx"}
EXIT_OK, EXIT_FAULT, EXIT_BAD_INPUT = 0, 1, 2


def add_parsers(sub: Any) -> None:
    ledger = sub.add_parser("ledger", help=Cli.tr("print a ledger as PDF or workbook"))
    ledger.add_argument("kind", choices=LEDGER_KINDS)
    ledger.add_argument("--db", type=db_location, required=True, help=Cli.tr("the database file"))
    ledger.add_argument(
        "--year", type=whole_number, required=True, help=Cli.tr("the year, e.g. 2025")
    )
    ledger.add_argument(
        "--month", type=whole_number, help=Cli.tr("1-12: that month only (default: the whole year)")
    )
    ledger.add_argument("--station", default="", help=Cli.tr("a station's code (default: all)"))
    ledger.add_argument("--out", type=Path, required=True, help=Cli.tr("the file to write"))
    ledger.add_argument("--format", choices=("pdf", "xlsx"), help=Cli.tr("default: from --out"))
    ledger.add_argument("--day", type=iso_date, help=Cli.tr("sign-in: the duty day (YYYY-MM-DD)"))
    ledger.add_argument(
        "--order", choices=PEOPLE_ORDERS, default="strokes", help=Cli.tr("order of people")
    )
    ledger.add_argument(
        "--reveal", action="store_true", help=Cli.tr("print phone and ID numbers in full")
    )
    template = sub.add_parser("template", help=Cli.tr("write an empty import template"))
    template.add_argument("kind", choices=IMPORT_KINDS)
    template.add_argument("--out", type=Path, required=True, help=Cli.tr("the file to write"))
    imp = sub.add_parser("import-xlsx", help=Cli.tr("import records from a workbook"))
    imp.add_argument("kind", choices=IMPORT_KINDS)
    imp.add_argument("file", type=Path, help=Cli.tr("the workbook (.xlsx, .xls)"))
    imp.add_argument("--db", type=db_location, required=True, help=Cli.tr("the database file"))
    imp.add_argument(
        "--dry-run", action="store_true", help=Cli.tr("check and report, write nothing")
    )
    imp.add_argument(
        "--skip-rejected",
        action="store_true",
        help=Cli.tr("import the good rows even if some rows are rejected"),
    )


def _message(exc: BaseException) -> str:
    from desktop.ui.i18n import message

    return message(exc)  # type: ignore[arg-type]


def _out_format(args: argparse.Namespace, error: type[Exception]) -> str:
    by_suffix = FORMATS.get(args.out.suffix.lower())
    if by_suffix is None:
        raise error(Cli.tr("The output file must end in .pdf or .xlsx: {0}").format(args.out))
    if args.format and args.format != by_suffix:
        raise error(
            Cli.tr("--format {0} does not match the file name {1}").format(args.format, args.out)
        )
    if not args.out.parent.is_dir():
        raise error(Cli.tr("The folder does not exist: {0}").format(args.out.parent))
    return by_suffix


def run_ledger(args: argparse.Namespace, open_db: Callable[[Path], Any], error: type) -> int:
    from desktop.formats.files import write_atomically
    from desktop.services.ledgers import LedgerRequest
    from desktop.ui.i18n import paper_label

    fmt = _out_format(args, error)
    services = open_db(args.db)
    try:
        request = LedgerRequest(
            args.kind, args.year, args.station, args.day, args.reveal, args.order, args.month
        )
        if fmt == "pdf":
            rendered = services.ledgers.pdf(request, paper_label)
            write_atomically(args.out, rendered.pdf)  # whole or not at all
            services.ledgers.record_output(request, "pdf", rendered.rows)
            print(Cli.tr("Wrote {0} ({1} pages)").format(args.out, rendered.pages))
            if rendered.flagged_characters:
                marks = " ".join(f"U+{ord(c):04X}" for c in sorted(rendered.flagged_characters))
                print(Cli.tr("Characters the font lacks, printed as codes: {0}").format(marks))
        else:
            rows = services.ledgers.write_xlsx(request, args.out, paper_label)
            services.ledgers.record_output(request, "xlsx", rows)
            print(Cli.tr("Wrote {0} ({1} rows)").format(args.out, rows))
        return EXIT_OK
    except Refusal as exc:
        print(_message(exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    finally:
        services.close()


def run_template(args: argparse.Namespace, error: type) -> int:
    from desktop.services.templates import write_template

    if args.out.suffix.lower() != ".xlsx":
        raise error(Cli.tr("A template is an .xlsx workbook: {0}").format(args.out))
    if not args.out.parent.is_dir():
        raise error(Cli.tr("The folder does not exist: {0}").format(args.out.parent))
    try:
        write_template(args.kind, args.out)
    except Refusal as exc:
        print(_message(exc), file=sys.stderr)
        return EXIT_FAULT
    print(Cli.tr("Wrote {0}").format(args.out))
    return EXIT_OK


def run_import(args: argparse.Namespace, open_db: Callable[[Path], Any], error: type) -> int:
    from desktop.services.importing import REJECTED
    from desktop.ui.i18n import paper_label

    if not args.file.is_file():
        raise error(Cli.tr("The workbook does not exist: {0}").format(args.file))
    services = open_db(args.db)
    try:
        plan = services.imports.plan(args.kind, args.file, paper_label)
        print(
            Cli.tr("{0}: {1} new, {2} updated, {3} unchanged, {4} rejected").format(
                args.file.name,
                plan.count("new"),
                plan.count("updated"),
                plan.count("unchanged"),
                plan.count(REJECTED),
            )
        )
        for warning in plan.warnings:
            print(Cli.tr("Note: {0}").format(_message(warning)))
        for row in plan.rows:
            for problem in row.problems:
                where = Cli.tr("row {0}").format(row.row_number)
                if problem.header:
                    where += f"「{problem.header}」"
                print(f"{where}: {_message(problem.error)}", file=sys.stderr)
        rejected = plan.count(REJECTED)
        if args.dry_run:
            print(Cli.tr("Dry run: nothing was written."))
            return EXIT_BAD_INPUT if rejected else EXIT_OK
        if rejected and not args.skip_rejected:
            print(
                Cli.tr("Nothing was written: correct the rejected rows, or use --skip-rejected."),
                file=sys.stderr,
            )
            return EXIT_BAD_INPUT
        counts = services.imports.apply(plan, actor="cli")
        print(Cli.tr("Imported: {0} new, {1} updated.").format(counts["new"], counts["updated"]))
        return EXIT_OK
    except Refusal as exc:
        print(_message(exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    finally:
        services.close()
