"""``liaison-desk audit``: verify the audit log's chain, list its rows, or export them.

``--verify`` exits 0 when every row's hash holds (and prints the rows checked and the chain's
last hash, to be written down: rows cut off the end leave a shorter chain that still holds) and
1 naming the first broken row. Listing and exporting need a role that may manage (MANAGE).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.cli_db import Cli
from desktop.cli_words import whole_number
from desktop.db.location import location as db_location
from desktop.domain.errors import Refusal
from desktop.domain.roles import AuditAction

EXIT_OK, EXIT_BROKEN, EXIT_BAD_INPUT = 0, 1, 2


def add_parsers(sub: Any) -> None:
    audit = sub.add_parser("audit", help=Cli.tr("verify, list or export the audit log"))
    audit.add_argument("--db", type=db_location, required=True, help=Cli.tr("the database file"))
    what = audit.add_mutually_exclusive_group(required=True)
    what.add_argument(
        "--verify", action="store_true", help=Cli.tr("check that no row was changed or removed")
    )
    what.add_argument("--list", action="store_true", help=Cli.tr("print the rows, newest first"))
    what.add_argument(
        "--export",
        type=Path,
        metavar="FILE",
        help=Cli.tr("write the rows to an .xlsx or .csv file"),
    )
    audit.add_argument(
        "--limit", type=whole_number, default=50, help=Cli.tr("rows to list (default: 50; 0: all)")
    )
    audit.add_argument(
        "--action", choices=[a.value for a in AuditAction], help=Cli.tr("only rows of this kind")
    )


def _translate(context: str, source: str) -> str:
    return QCoreApplication.translate(context, source)


def _verify(services: Any) -> int:
    from desktop.services.audit import AuditReview, local_time

    review = AuditReview(services.access)
    result = review.verify()
    if result.ok:
        print(Cli.tr("The audit log holds: {0} rows checked, last hash {1}").format(
            result.rows, result.last_hash))  # fmt: skip
        return EXIT_OK
    broken = review.log.broken_row(result)
    when = local_time(broken.at, seconds=True) if broken is not None else ""
    print(
        Cli.tr(
            "The audit log is broken at row {0} ({1}): it was changed outside the program. "
            "{2} rows before it hold."
        ).format(result.broken_at, when, result.rows),
        file=sys.stderr,
    )
    return EXIT_BROKEN


def _list(services: Any, limit: int, action: str | None) -> int:
    from desktop.services.audit import AuditReview, action_label, describe, local_time, role_label

    review = AuditReview(services.access)
    if limit > 0:
        rows = list(review.page(None, limit, action).rows)
    else:
        rows = review.every_row(action)[::-1]
    for r in rows:
        fields = (
            local_time(r.at, seconds=True), r.actor, role_label(r.role, _translate),
            action_label(r.action, _translate), describe(r.target, _translate),
            describe(r.detail, _translate),
        )  # fmt: skip
        print("\t".join(fields))
    return EXIT_OK


def _export(services: Any, target: Path, action: str | None, error: type) -> int:
    from desktop.services.audit import EXPORT_FORMATS, AuditReview

    if target.suffix.lower() not in EXPORT_FORMATS:
        raise error(Cli.tr("The output file must end in .xlsx or .csv: {0}").format(target))
    if not target.parent.is_dir():
        raise error(Cli.tr("The folder does not exist: {0}").format(target.parent))
    rows = AuditReview(services.access).export(target, action, _translate)
    print(Cli.tr("Wrote {0} ({1} rows)").format(target, rows))
    return EXIT_OK


def run(args: argparse.Namespace, open_db: Callable[[Any], Any], error: type) -> int:
    from desktop.ui.i18n import message

    if args.limit < 0:
        raise error(Cli.tr("--limit must be 0 or more: {0}").format(args.limit))
    services = open_db(args.db)
    try:
        if args.verify:
            return _verify(services)
        if args.list:
            return _list(services, args.limit, args.action)
        return _export(services, args.export, args.action, error)
    except Refusal as exc:
        print(message(exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    finally:
        services.close()
