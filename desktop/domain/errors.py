"""Refusals a person can act on, raised by services and shown by the interface in Chinese."""

from __future__ import annotations


class SchemaTooNew(Exception):
    """The database was written by a newer program; opening it could damage it."""

    def __init__(self, revision: str) -> None:
        super().__init__(revision)
        self.revision = revision


class Refusal(Exception):
    """``message`` is an English source string in the translation context ``context``;
    ``args_map`` fills its placeholders once translated, and ``listed`` those that list labels:
    placeholder -> (the labels' context, their English sources), each translated and joined as
    the reader's language lists things."""

    context = "Service"

    def __init__(
        self, message: str, *, listed: dict[str, tuple[str, tuple[str, ...]]] | None = None,
        **args: str,
    ) -> None:  # fmt: skip
        self.listed = dict(listed or {})
        plain = {**args, **{k: ", ".join(labels) for k, (_, labels) in self.listed.items()}}
        super().__init__(message.format(**plain) if plain else message)
        self.message = message
        self.args_map = args


class ServiceError(Refusal):
    """A service refuses (translation context "Service")."""


class DraftInvalid(ValueError):
    """A draft with one or more bad fields; ``errors`` maps a field name to its problem
    (an ``InvalidValue``). Defined here, not in checks.py, so that the command line can catch
    it without loading the record types (start-up time)."""

    def __init__(self, errors: dict) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


class DatabaseRefused(Refusal):
    """A database the program will not open where it lies (a SQLite file on a network share)."""

    context = "Storage"


class DatabaseDamaged(DatabaseRefused):
    """A database file found damaged at start and moved aside: ``moved`` is where it went
    (None when it could not be moved, on a read-only disk), ``backup`` the newest automatic
    backup that passed its integrity check (None: there is none)."""

    def __init__(self, message: str, *, moved: object, backup: object, **args: str) -> None:
        super().__init__(message, **args)
        self.moved = moved  # a pathlib.Path or None
        self.backup = backup


class BackupRefused(Refusal):
    """A backup that could not be taken, written, read or restored (context "Backups")."""

    context = "Backups"
