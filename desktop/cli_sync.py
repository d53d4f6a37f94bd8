"""``liaison-desk export-bundle | import-bundle``: bundles (数据包) from the command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.cli_db import Cli
from desktop.db.location import location as db_location
from desktop.domain.errors import Refusal

COMMANDS = ("export-bundle", "import-bundle")
EXIT_OK, EXIT_BAD_INPUT = 0, 2


def _label(text: str) -> str:
    return QCoreApplication.translate("BundlePlan", text)


def add_parsers(sub: Any) -> None:
    export = sub.add_parser(
        "export-bundle", help=Cli.tr("write the bundles of changes since the last ones")
    )
    export.add_argument("--db", type=db_location, required=True, help=Cli.tr("the database file"))
    export.add_argument("--to", type=Path, required=True, help=Cli.tr("the folder to write into"))
    export.add_argument(
        "--recipient",
        default="all",
        help=Cli.tr("the recipient's code, or all (a station's recipient is the county office)"),
    )
    imp = sub.add_parser("import-bundle", help=Cli.tr("import bundles: the plan, then the result"))
    imp.add_argument("--db", type=db_location, required=True, help=Cli.tr("the database file"))
    imp.add_argument("files", type=Path, nargs="+", help=Cli.tr("the bundle files"))
    imp.add_argument(
        "--dry-run", action="store_true", help=Cli.tr("show the plan only; nothing is written")
    )


def _message(exc: BaseException) -> str:
    from desktop.ui.i18n import message

    return message(exc)  # type: ignore[arg-type]


def run(args: argparse.Namespace, open_existing: Callable[[Path], Any], error: type) -> int:
    if args.command == "export-bundle":
        if not args.to.is_dir():
            raise error(Cli.tr("The folder does not exist: {0}").format(args.to))
        return _export(args, open_existing(args.db))
    missing = [str(f) for f in args.files if not f.is_file()]
    if missing:
        raise error(Cli.tr("The file does not exist: {0}").format(", ".join(missing)))
    return _import(args, open_existing(args.db))


def _export(args: argparse.Namespace, services: Any) -> int:
    try:
        bundles = services.bundles
        if args.recipient == "all":
            recipients = bundles.recipients()
        else:
            recipients = [bundles.recipient_by_code(args.recipient)]
        for recipient in recipients:
            result = bundles.export(recipient.site_id, args.to)
            if result.nothing_changed:
                print(
                    Cli.tr("{0}: nothing has changed since the last bundle.").format(recipient.name)
                )
            for path, sent in zip(result.files, result.bundles, strict=True):
                print(
                    Cli.tr(
                        "Wrote {0}: bundle {1} to {2}, {3} records, checked after writing."
                    ).format(path, sent.seq, recipient.name, sent.records)
                )
    except Refusal as exc:
        print(_message(exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    finally:
        services.close()
    return EXIT_OK


def _import(args: argparse.Namespace, services: Any) -> int:
    refused = False
    try:
        for path in args.files:
            try:
                plan = (services.bundles.plan if args.dry_run else services.bundles.apply)(path)
            except Refusal as exc:
                print(_message(exc), file=sys.stderr)
                refused = True
                continue
            for line in plan_lines(plan, dry_run=args.dry_run):
                print(line)
    finally:
        services.close()
    return EXIT_BAD_INPUT if refused else EXIT_OK


def plan_lines(plan: Any, *, dry_run: bool) -> list[str]:
    """The plan (or the result) of one bundle, in lines a clerk can read."""
    from desktop.sync.payload import TABLE_LABELS

    head = Cli.tr("{0}: bundle {1} from {2}").format(plan.file_name, plan.seq, plan.sender_name)
    if plan.already:
        return [head, Cli.tr("Already imported; nothing was changed.")]
    lines = [head]
    for name, f in plan.merge.tables.items():
        lines.append(
            Cli.tr(
                "  {0}: {1} new, {2} updated, {3} unchanged, {4} conflicts, {5} rejected, "
                "{6} waiting"
            ).format(
                _label(TABLE_LABELS[name]),
                f.new,
                f.updated,
                f.unchanged,
                f.conflicts,
                f.rejected,
                f.waiting,
            )
        )
    for row in plan.merge.rejected[:50]:
        lines.append(
            Cli.tr("  rejected: {0} {1}: {2}").format(
                _label(TABLE_LABELS[row.table]),
                row.record_id,
                _label(row.reason),
            )
        )
    for seq in plan.missing:
        lines.append(Cli.tr("Bundle {0} from {1} is missing.").format(seq, plan.sender_name))
    if plan.acknowledged:
        lines.append(Cli.tr("{0} of our bundles confirmed as received.").format(plan.acknowledged))
    lines.append(Cli.tr("Plan only: nothing was written.") if dry_run else Cli.tr("Imported."))
    return lines
