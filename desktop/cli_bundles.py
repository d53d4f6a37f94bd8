"""``liaison-desk enroll-site | enroll``: enrollment files from the command line."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.cli_db import Cli, passphrase_file_help
from desktop.db.location import location as db_location
from desktop.db.location import shown
from desktop.domain.errors import Refusal

COMMANDS = ("enroll-site", "enroll")
EXIT_OK, EXIT_FAULT, EXIT_BAD_INPUT = 0, 1, 2
MAX_KEY_FILE = 1 << 20  # an enrollment file is a few kilobytes: never read a whole disk image


def add_parsers(sub: Any) -> None:
    passphrase_help = passphrase_file_help()
    site = sub.add_parser(
        "enroll-site",
        help=Cli.tr(
            "county office: enroll a station or township centre, write its enrollment file"
        ),
    )
    site.add_argument("--db", type=db_location, required=True, help=Cli.tr("the database file"))
    site.add_argument("--code", required=True, help=Cli.tr("the site's code"))
    site.add_argument("--name", required=True, help=Cli.tr("the site's name"))
    site.add_argument("--role", choices=("station", "township"), required=True)
    site.add_argument("--township", default="", help=Cli.tr("the township's name"))
    site.add_argument("--out", type=Path, required=True, help=Cli.tr("the file to write"))
    site.add_argument("--passphrase-file", type=Path, help=passphrase_help)
    enroll = sub.add_parser(
        "enroll", help=Cli.tr("set a station's database up from its enrollment file")
    )
    enroll.add_argument(
        "--db",
        type=db_location,
        required=True,
        help=Cli.tr("the database file (created if absent)"),
    )
    enroll.add_argument(
        "file", type=Path, help=Cli.tr("the enrollment file from the county office")
    )
    enroll.add_argument("--passphrase-file", type=Path, help=passphrase_help)


def _message(exc: BaseException) -> str:
    from desktop.ui.i18n import message

    return message(exc)  # type: ignore[arg-type]


def read_passphrase(path: Path | None, error: type[Exception], *, confirm: bool) -> str:
    """The first line of ``path``, or typed at the terminal (twice when ``confirm``)."""
    if path is not None:
        try:  # utf-8-sig: Notepad may start the file with a byte-order mark
            lines = path.read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError):
            raise error(Cli.tr("The passphrase file cannot be read: {0}").format(path)) from None
        return lines[0] if lines else ""
    import getpass

    try:
        first = getpass.getpass(Cli.tr("Passphrase: "))
        if confirm and getpass.getpass(Cli.tr("The passphrase again: ")) != first:
            raise error(Cli.tr("The two passphrases differ; nothing was written."))
    except EOFError:
        raise error(Cli.tr("No passphrase was given; nothing was written.")) from None
    return first


def run(args: argparse.Namespace, open_existing: Callable[[Path], Any], error: type) -> int:
    if args.command == "enroll-site":
        return run_enroll_site(args, open_existing, error)
    return run_enroll(args, open_existing, error)


def run_enroll_site(
    args: argparse.Namespace, open_existing: Callable[[Path], Any], error: type
) -> int:
    from desktop.domain.enums import SiteRole
    from desktop.formats.files import write_atomically

    if not args.township.strip():
        raise error(Cli.tr("A station or township centre needs --township."))
    if not args.out.parent.is_dir():
        raise error(Cli.tr("The folder does not exist: {0}").format(args.out.parent))
    services = open_existing(args.db)  # before the passphrase is asked for
    try:
        passphrase = read_passphrase(args.passphrase_file, error, confirm=True)
        blob = services.enrolment.enroll_site(
            args.code, args.name, SiteRole(args.role), args.township, passphrase, dt.date.today()
        )
        write_atomically(args.out, blob)
        row = next(r for r in services.enrolment.enrolled() if r.code == args.code.strip())
    except Refusal as exc:
        print(_message(exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    finally:
        services.close()
    print(
        Cli.tr("Wrote {0}: the enrollment file of {1} ({2}), key generation {3}.").format(
            args.out, row.name, row.code, row.key_generation
        )
    )
    print(Cli.tr("Key fingerprint of {0}: {1}").format(row.name, row.fingerprint))
    return EXIT_OK


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def run_enroll(args: argparse.Namespace, open_existing: Callable[[Path], Any], error: type) -> int:
    from desktop.services import open_services
    from desktop.sync.crypto import NOT_A_KEY_FILE, BundleRefused

    if not args.file.is_file():
        raise error(Cli.tr("The enrollment file does not exist: {0}").format(args.file))
    if args.file.stat().st_size > MAX_KEY_FILE:
        print(_message(BundleRefused(NOT_A_KEY_FILE)), file=sys.stderr)
        return EXIT_BAD_INPUT
    blob = args.file.read_bytes()
    server = isinstance(args.db, str)  # a PostgreSQL URL: the database exists, maybe empty
    new = not server and not args.db.exists()
    if new and not args.db.parent.is_dir():
        raise error(Cli.tr("The folder does not exist: {0}").format(args.db.parent))
    passphrase = read_passphrase(args.passphrase_file, error, confirm=False)
    # Enrollment is how a station's database is born; a refused file leaves no database behind.
    try:
        services = open_services(args.db) if new or server else open_existing(args.db)
    except Refusal as exc:  # a new file on a network share
        print(_message(exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        site = services.enrolment.accept(blob, passphrase)
        own, county = services.enrolment.own_public(), services.enrolment.county_site()
        county_keys = services.enrolment.county_public()
    except BaseException as exc:
        services.close()
        if new:
            _remove_database(args.db)
        if isinstance(exc, Refusal):
            print(_message(exc), file=sys.stderr)
            return EXIT_BAD_INPUT
        raise
    services.close()
    print(
        Cli.tr("{0} is now the database of {1} ({2}).").format(shown(args.db), site.name, site.code)
    )
    print(Cli.tr("Key fingerprint of {0}: {1}").format(site.name, own.fingerprint()))
    print(
        Cli.tr(
            "County office: {0}, key fingerprint {1}. Compare it with the county office over "
            "the phone."
        ).format(county.name, county_keys.fingerprint())
    )
    return EXIT_OK
