"""``liaison-desk report``: the county's annual report as JSON, an A4 PDF or a workbook."""

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
from desktop.domain.figures import REPORT_FORMATS as FORMATS

EXIT_OK, EXIT_BAD_INPUT = 0, 2


def add_parsers(sub: Any) -> None:
    report = sub.add_parser("report", help=Cli.tr("the county's annual report"))
    report.add_argument("--db", type=db_location, required=True, help=Cli.tr("the database file"))
    report.add_argument(
        "--year", type=whole_number, required=True, help=Cli.tr("the year, e.g. 2025")
    )
    report.add_argument("--out", type=Path, required=True, help=Cli.tr("the file to write"))
    report.add_argument(
        "--format", choices=tuple(FORMATS.values()), help=Cli.tr("default: from --out")
    )
    report.add_argument(
        "--as-of",
        type=iso_date,
        help=Cli.tr("the day overdue cases and silent stations are judged on (default: today)"),
    )


def _out_format(args: argparse.Namespace, error: type[Exception]) -> str:
    by_suffix = FORMATS.get(args.out.suffix.lower())
    if by_suffix is None:
        raise error(
            Cli.tr("The output file must end in .json, .pdf or .xlsx: {0}").format(args.out)
        )
    if args.format and args.format != by_suffix:
        raise error(
            Cli.tr("--format {0} does not match the file name {1}").format(args.format, args.out)
        )
    if not args.out.parent.is_dir():
        raise error(Cli.tr("The folder does not exist: {0}").format(args.out.parent))
    return by_suffix


def run(args: argparse.Namespace, open_db: Callable[[Path], Any], error: type) -> int:
    from desktop.ui.i18n import message, paper_label

    if not 2000 <= args.year <= 2100:
        raise error(Cli.tr("The year must be between 2000 and 2100: {0}").format(args.year))
    fmt = _out_format(args, error)
    services = open_db(args.db)
    try:
        done = services.county.write_report(args.year, args.out, fmt, paper_label, as_of=args.as_of)
    except Refusal as exc:
        print(message(exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    finally:
        services.close()
    if fmt == "pdf":
        print(Cli.tr("Wrote {0} ({1} pages)").format(args.out, done))
    else:
        print(Cli.tr("Wrote {0} ({1} stations)").format(args.out, done))
    return EXIT_OK
