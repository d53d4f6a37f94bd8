"""``liaison-desk backup`` and ``restore``: a backup into the database's backups folder or an
encrypted one to a file, and restoring one (the current database set aside first, never deleted).
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.cli_db import Cli, passphrase_file_help
from desktop.db.location import location as db_location

EXIT_OK, EXIT_BAD_INPUT = 0, 2


def add_parsers(sub: Any) -> None:
    """Register this module's sub-commands on ``sub``."""
    passphrase_help = passphrase_file_help()
    backup = sub.add_parser(
        "backup",
        help=Cli.tr("back up a database into its backups folder, or encrypted to a file"),
    )
    backup.add_argument("--db", type=db_location, required=True, help=Cli.tr("the database file"))
    backup.add_argument(
        "--to",
        type=Path,
        metavar="FILE",
        help=Cli.tr("write an encrypted backup (.ldbackup) to this file or folder"),
    )
    backup.add_argument("--passphrase-file", type=Path, help=passphrase_help)
    restore = sub.add_parser(
        "restore", help=Cli.tr("replace a database with a backup (the current one is set aside)")
    )
    restore.add_argument(
        "--db", type=db_location, required=True, help=Cli.tr("the database file to replace")
    )
    restore.add_argument(
        "--from",
        dest="source",
        type=Path,
        required=True,
        metavar="FILE",
        help=Cli.tr("the backup: a file from the backups folder, or an encrypted .ldbackup"),
    )
    restore.add_argument("--passphrase-file", type=Path, help=passphrase_help)


def _message(exc: BaseException) -> str:
    from desktop.ui.i18n import message

    return message(exc)  # type: ignore[arg-type]


def counts_text(summary: Any) -> str:
    """The counts as "deputies 12, cases 30, ..." in the interface language."""
    from desktop.services.backups import COUNT_LABELS

    return ", ".join(
        f"{QCoreApplication.translate('Backups', COUNT_LABELS[key])} {n}"
        for key, n in summary.counts.items()
        if key in COUNT_LABELS
    )


def run(args: argparse.Namespace, open_db: Callable[[Any], Any], error: type) -> int:
    from desktop.domain.errors import Refusal

    try:
        if args.command == "backup":
            return _backup(args, open_db, error)
        return _restore(args, open_db, error)
    except Refusal as exc:  # a damaged or locked file, a wrong passphrase, a permission
        raise error(_message(exc)) from exc


def _backup(args: argparse.Namespace, open_db: Callable[[Any], Any], error: type) -> int:
    from desktop.cli_bundles import read_passphrase
    from desktop.domain.errors import BackupRefused
    from desktop.services.backups import NO_FILE

    services = open_db(args.db)
    try:
        if args.to is not None:
            passphrase = read_passphrase(args.passphrase_file, error, confirm=True)
            done = services.backups.to_usb(args.to, passphrase)
            print(Cli.tr("Encrypted backup written and checked: {0}").format(done.path))
            return EXIT_OK
        path = services.backups.take("manual")
        if path is None:
            raise BackupRefused(NO_FILE, where=services.db.where)
        print(path)
        return EXIT_OK
    finally:
        services.close()


def _restore(args: argparse.Namespace, open_db: Callable[[Any], Any], error: type) -> int:
    from desktop.db import backups, startup
    from desktop.domain.errors import DatabaseDamaged
    from desktop.services import backups as svc

    path = args.db
    if not isinstance(path, Path):
        raise error(Cli.tr("A database on a server is restored from the server's own backups."))
    if not args.source.is_file():
        raise error(Cli.tr("The backup file does not exist: {0}").format(args.source))
    if args.source.suffix.lower() == svc.SUFFIX:
        from desktop.cli_bundles import read_passphrase

        choice = svc.unlock(args.source, read_passphrase(args.passphrase_file, error,
                                                         confirm=False))  # fmt: skip
    else:
        choice = svc.choice_of(args.source)
    services = None
    try:  # a damaged database is set aside here: the backup goes in its place
        startup.check_file(path, backups.folder_for(path), svc.local_now(dt.date.today))
    except DatabaseDamaged as exc:
        print(_message(exc))
    if any(Path(f"{path}{side}").exists() for side in ("", "-wal")):
        services = open_db(path)
    if services is not None:
        done = services.backups.restore(choice)  # needs the permission; closes the services
    else:  # nothing there to replace (nor anyone to ask): the restored file asks for sign-in
        done = svc.restore_file(path, choice)
    taken = f"{choice.taken:%Y-%m-%d %H:%M}"
    print(Cli.tr("Restored {0} from {1}, a backup of {2}: {3}").format(
        path, choice.source, taken, counts_text(choice.summary)))  # fmt: skip
    if done.replaced is not None:
        print(Cli.tr("The database before it was set aside as {0}").format(done.replaced))
    return EXIT_OK
