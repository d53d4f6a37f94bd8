"""The command line's databases: a file or a PostgreSQL server URL given as ``--db``, opened
or refused in one line (a missing file, a file on a network share, a server that cannot be
reached, a database that is not Liaison Desk's or is newer than the program), and ``check``."""

from __future__ import annotations

import argparse
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from desktop.db.location import Location, server_url, shown
from desktop.db.location import location as db_location

__all__ = [
    "Cli",
    "InputError",
    "db_location",
    "open_existing",
    "passphrase_file_help",
    "require_file",
    "require_new",
    "shown",
]
EXIT_OK, EXIT_FAULT = 0, 1


class InputError(Exception):
    """Bad arguments or bad input: one line on stderr, exit 2, nothing created or changed."""


class Cli:
    """The command line's messages, in the "Cli" translation context (every cli_* module)."""

    @staticmethod
    def tr(text: str) -> str:
        return QCoreApplication.translate("Cli", text)


def passphrase_file_help() -> str:
    return Cli.tr(
        "a file whose first line is the passphrase (default: ask for it; never give it on the "
        "command line)"
    )


def require_file(path: Location) -> Location:
    """An existing file (a server database: the server will say whether it exists)."""
    if isinstance(path, Path) and not path.is_file():
        raise InputError(Cli.tr("The database file does not exist: {0}").format(path))
    return path


def _refuse_network_share(path: Path) -> None:
    """A database file on a network share is refused before anything opens it (exit 2)."""
    from desktop.db.sqlite import refuse_network_share
    from desktop.domain.errors import DatabaseRefused
    from desktop.ui.i18n import message

    try:
        refuse_network_share(path)
    except DatabaseRefused as exc:
        raise InputError(message(exc)) from exc


def _server_state(url: str) -> tuple[str | None, object]:
    """A server database's schema revision (None: no tables yet) and its site (None: not set
    up), or a one-line refusal when the server cannot be reached or refuses the login."""
    from sqlalchemy.exc import DBAPIError

    from desktop.db.engine import Database
    from desktop.db.migrate import current_revision

    db = Database(url)
    try:
        revision = current_revision(db)
        return revision, db.local_site_id() if revision else None
    except DBAPIError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if str(exc.orig).strip() else ""
        raise InputError(
            Cli.tr("Cannot use the database server {0}: {1}").format(shown(url), reason)
        ) from exc
    finally:
        db.dispose()


def _refolded(path: Location) -> Location:
    """A server URL that came through ``type=Path`` (which folds its "//" into "/"): every
    ``--db`` should be parsed with ``db_location``; this keeps one that is not working."""
    if isinstance(path, Path):
        text = str(path).replace("\\", "/")
        scheme, colon, rest = text.partition(":/")
        if colon and not rest.startswith("/") and server_url(f"{scheme}://"):
            return db_location(f"{scheme}://{rest}")
    return path


def open_existing(path: Location):
    """An existing Liaison Desk database, or a one-line refusal (never a traceback)."""
    from desktop.db.sqlite import is_sqlite_file
    from desktop.domain.errors import Refusal, SchemaTooNew
    from desktop.services import open_services

    path = _refolded(path)
    if isinstance(path, str):
        if _server_state(path)[0] is None:  # an empty database is not migrated unasked
            raise InputError(Cli.tr("Not a Liaison Desk database: {0}").format(shown(path)))
    else:
        _refuse_network_share(path)
        if not is_sqlite_file(require_file(path)):
            raise InputError(Cli.tr("Not a Liaison Desk database: {0}").format(path))
    try:
        services = open_services(path)
    except Refusal as exc:  # damaged (set aside), read-only and too old, held by another program
        from desktop.ui.i18n import message

        raise InputError(message(exc)) from exc
    except SchemaTooNew as exc:
        raise InputError(
            Cli.tr("The database {0} was written by a newer version of Liaison Desk.").format(
                shown(path)
            )
        ) from exc
    try:
        sign_in(services, SIGN_IN["user"])
    except BaseException:
        services.close()
        raise
    return services


# ``--user`` of the command line (cli.main sets it): who signs in when a site requires it.
SIGN_IN: dict[str, str | None] = {"user": None}
PASSWORD_ENV = "LIAISON_DESK_PASSWORD"


def sign_in(services, login: str | None) -> None:
    """Where the site requires sign-in, the command line signs in too (and is audited as that
    user): ``--user NAME``, the password from LIAISON_DESK_PASSWORD or asked on the terminal."""
    import getpass
    import os

    from desktop.domain.errors import ServiceError
    from desktop.ui.i18n import message

    if not services.access.sign_in_required():
        return
    if not login:
        raise InputError(
            Cli.tr(
                "This database requires sign-in: give --user NAME (the password is asked, or "
                "read from the environment variable {0})."
            ).format(PASSWORD_ENV)
        )
    password = os.environ.get(PASSWORD_ENV) or getpass.getpass(Cli.tr("Password: "))
    try:
        services.access.sign_in(login, password)
    except ServiceError as exc:
        raise InputError(message(exc)) from exc


def require_new(path: Location) -> Location:
    """A new file, or a server database that belongs to no site yet (init and demo)."""
    if isinstance(path, str):
        if _server_state(path)[1] is not None:
            raise InputError(
                Cli.tr("The database already belongs to a site; choose an empty one: {0}").format(
                    shown(path)
                )
            )
        return path
    _refuse_network_share(path)
    if path.exists() and path.stat().st_size > 0:
        raise InputError(Cli.tr("The file already exists; choose a new file: {0}").format(path))
    if not path.parent.is_dir():
        raise InputError(Cli.tr("The folder does not exist: {0}").format(path.parent))
    return path


def run_check(args: argparse.Namespace) -> int:
    """``check``: the schema revision, and the database's own integrity check."""
    from desktop.db import postgres, sqlite
    from desktop.db.engine import Database
    from desktop.db.migrate import current_revision, head_revision

    path = require_file(args.db)
    if isinstance(path, str):  # a server: reachable, UTF-8, the search index whole
        _server_state(path)
        integrity_check = postgres.integrity_check
    else:  # a file: SQLite's own integrity_check
        _refuse_network_share(path)
        if not sqlite.is_sqlite_file(path):
            raise InputError(Cli.tr("Not a Liaison Desk database: {0}").format(path))
        integrity_check = sqlite.integrity_check
    db = Database(path, read_only=True)
    try:
        revision: str | None = None
        revision = current_revision(db)
        checked = integrity_check(db.engine) if revision or db.path else []
        problems = [p for p in checked if p != "ok"]
    except Exception as exc:  # a damaged file: that is what check is for, so report it
        problems = [str(getattr(exc, "orig", exc))]
    finally:
        db.dispose()
    print(
        Cli.tr("Schema revision: {0} (this program: {1})").format(revision or "-", head_revision())
    )
    if problems:
        print(
            Cli.tr("Integrity check: the database is damaged ({0})").format(
                "; ".join(problems[:20])
            )
        )
    else:
        print(Cli.tr("Integrity check: {0}").format(Cli.tr("passed")))
    return EXIT_OK if revision == head_revision() and not problems else EXIT_FAULT
