"""Backups as the program uses them: automatic ones (daily, before a migration or a bundle import),
an encrypted copy for a USB stick, and restoring one (the current file set aside first, then a
new bundle epoch so that the county office is not confused by numbers it has seen)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import struct
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.db import backups, sqlite
from desktop.db.backups import Summary
from desktop.db.models import AppSetting
from desktop.domain.errors import BackupRefused
from desktop.domain.roles import AuditAction, Permission
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.services.audit import AuditLog, joined, phrase

if TYPE_CHECKING:
    from desktop.services import Services

log = logging.getLogger(__name__)

SUFFIX = ".ldbackup"
PURPOSE = "backup"  # crypto.lock's purpose: an enrollment file is not taken for a backup
_MAGIC = b"LDBACKUP\x01"
_LENGTH = struct.Struct(">I")
FILE_REASON = "file"  # a Choice read from a file the clerk chose

NO_FILE = QT_TRANSLATE_NOOP(
    "Backups",
    "This database is kept on a database server ({where}). The server's own backups protect "
    "it, so Liaison Desk makes no backup files of it here: ask the county office's "
    "administrator.",
)
READ_ONLY = QT_TRANSLATE_NOOP(
    "Backups",
    "This database is open read-only, so it cannot be backed up or replaced from here. Copy "
    "it to a folder of your own and open the copy.",
)
NOT_A_BACKUP = QT_TRANSLATE_NOOP(
    "Backups",
    "{file} is not a Liaison Desk backup, or it is incomplete (copied before it was finished?). "
    "Nothing was changed; choose another file.",
)
WRONG_PASSPHRASE = QT_TRANSLATE_NOOP(
    "Backups",
    "The passphrase does not open {file}. Check it (capital letters, the input method, spaces) "
    "and try again; if it still fails, the file may be damaged. Nothing was changed.",
)
STICK_FAILED = QT_TRANSLATE_NOOP(
    "Backups",
    "The backup could not be written to {file}: the USB stick was removed, is full or is "
    "write-protected. An older backup file of that name, if there was one, is unchanged. "
    "Check the stick and try again.",
)
STICK_CHANGED = QT_TRANSLATE_NOOP(
    "Backups",
    "The backup written to {file} read back differently from what was written: the USB stick "
    "may be failing. Use another stick and try again.",
)
NEWER = QT_TRANSLATE_NOOP(
    "Backups",
    "The backup {file} was made by a newer version of Liaison Desk. Install that version to "
    "restore it; nothing was changed.",
)
NOT_SET_ASIDE = QT_TRANSLATE_NOOP(
    "Backups",
    "The database {path} could not be set aside (another program may hold it open), so "
    "nothing was restored and nothing was changed. Close other programs and try again.",
)


# The counts a backup is shown with, by Summary.counts' keys.
COUNT_LABELS = {
    "deputies": QT_TRANSLATE_NOOP("Backups", "deputies"),
    "cases": QT_TRANSLATE_NOOP("Backups", "cases"),
    "duty_days": QT_TRANSLATE_NOOP("Backups", "duty days"),
    "visits": QT_TRANSLATE_NOOP("Backups", "visits"),
    "activities": QT_TRANSLATE_NOOP("Backups", "activities"),
}


def local_now(today: Callable[[], dt.date]) -> dt.datetime:
    """Now, on the services' day (tests inject the day; the time is the PC's)."""
    return dt.datetime.combine(today(), dt.datetime.now().time().replace(microsecond=0))


@dataclass(frozen=True)
class Choice:
    """A backup ready to restore, with what it holds. ``source`` is what the clerk chose: an
    automatic backup, a plain backup file, or an encrypted one (then ``data`` holds the
    decrypted database in memory: no plain copy of it is written anywhere but into place)."""

    source: Path
    taken: dt.datetime
    reason: str  # backups.REASONS, or FILE_REASON
    summary: Summary
    data: bytes | None = None


@dataclass(frozen=True)
class Restored:
    path: Path
    replaced: Path | None  # the previous database, set aside (None: there was none)
    choice: Choice
    purged: int = 0  # cases whose people the retention period removed again


@dataclass(frozen=True)
class UsbBackup:
    path: Path
    size: int
    taken: dt.datetime
    summary: Summary


def choice_of(path: Path) -> Choice:
    """A plain backup file as a Choice (its time from its name, else from the file)."""
    summary = backups.describe(path)
    parsed = backups.listed(path.parent, None)
    found = next((b for b in parsed if b.path == path), None)
    if found is not None:
        return Choice(path, found.taken, found.reason, summary)
    taken = dt.datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)
    return Choice(path, taken, FILE_REASON, summary)


def listed_choices(folder: Path | None, stem: str) -> list[Choice]:
    """The automatic backups of the database ``stem`` that can be read, newest first."""
    out = []
    for backup in backups.listed(folder, stem):
        try:
            out.append(Choice(backup.path, backup.taken, backup.reason,
                              backups.describe(backup.path)))  # fmt: skip
        except BackupRefused:
            continue  # unreadable: not offered (describe logged it)
    return out


def unlock(path: Path, passphrase: str) -> Choice:
    """An encrypted backup file opened with ``passphrase``, checked whole, held in memory.
    (The whole file is in memory twice over: fine for a station's few megabytes; a county
    database of gigabytes would need a streaming format.)"""
    from desktop.sync import crypto
    from desktop.sync.errors import BundleRefused

    try:
        blob = path.read_bytes()
    except OSError as exc:
        raise BackupRefused(NOT_A_BACKUP, file=path.name) from exc
    try:
        plain = crypto.unlock(blob, passphrase, purpose=PURPOSE)
    except BundleRefused as exc:
        wrong = exc.message == crypto.WRONG_PASSPHRASE
        raise BackupRefused(WRONG_PASSPHRASE if wrong else NOT_A_BACKUP, file=path.name) from exc
    try:
        if not plain.startswith(_MAGIC):
            raise ValueError("magic")
        (size,) = _LENGTH.unpack_from(plain, len(_MAGIC))
        start = len(_MAGIC) + _LENGTH.size
        meta = json.loads(plain[start : start + size].decode("utf-8"))
        taken = dt.datetime.fromisoformat(meta["taken"])
    except (ValueError, KeyError, TypeError, struct.error) as exc:
        raise BackupRefused(NOT_A_BACKUP, file=path.name) from exc
    data = plain[start + size :]
    return Choice(path, taken, FILE_REASON, backups.describe_bytes(data, path.name), data)


def _refuse_newer(choice: Choice) -> None:
    from desktop.db.migrate import known
    from desktop.db.revision import HEAD

    revision = choice.summary.revision
    if revision is not None and revision != HEAD and not known(revision):
        raise BackupRefused(NEWER, file=choice.source.name)


def restore_file(
    path: Path,
    choice: Choice,
    *,
    today: Callable[[], dt.date] = dt.date.today,
    who: tuple[str, str] | None = None,
    retention_years: int | None = None,
) -> Restored:
    """Put ``choice`` in place of the database file ``path`` (closed by the caller).

    The current file goes aside with its -wal and -shm (``<stem>-replaced-<time>``, never
    deleted); the backup is written through the backup API and checked whole; it is opened
    (migrated if older), given a new bundle epoch, and the restore is audited in it as done
    by ``who`` (default: whoever its own audit log would name). ``retention_years``: the
    period the replaced database kept, which stays in force: its purge is made again in the
    same transaction (retention.after_restore). If any step fails, the previous database is
    put back as it was."""
    from desktop.services import open_services
    from desktop.services.bundle_export import EPOCH_KEY
    from desktop.services.retention import after_restore

    _refuse_newer(choice)
    now = local_now(today)
    replaced = None
    if any(Path(f"{path}{side}").exists() for side in ("", "-wal", "-shm")):
        try:
            replaced = backups.set_aside(path, "replaced", now)
        except OSError as exc:
            raise BackupRefused(NOT_SET_ASIDE, path=str(path)) from exc
    try:
        source = choice.data if choice.data is not None else choice.source
        backups.write_into_place(source, path, choice.source.name)
        services = open_services(path, today=today)
        purged = 0
        try:
            actor, role = who or services.access.who()
            audit = AuditLog(services.db, lambda: (actor, role))
            with services.db.write() as s:
                # Bundles from this database start a new sequence: the county office has seen
                # the old numbers after this backup was taken, with other contents.
                s.merge(AppSetting(key=EPOCH_KEY, value=str(uuid.uuid4())))
                detail = joined(
                    phrase("backup taken {taken}", taken=f"{choice.taken:%Y-%m-%d %H:%M}"),
                    phrase("the database before it set aside as {file}", file=replaced.name)
                    if replaced
                    else "",
                )
                audit.record(AuditAction.RESTORE, choice.source.name, detail, session=s)
                if retention_years is not None:
                    purged = after_restore(s, services.db.dialect, audit, today(), retention_years)
        finally:
            services.close()
    except BaseException:
        for side in ("", "-wal", "-shm"):  # the restored copy: the backup itself stays
            Path(f"{path}{side}").unlink(missing_ok=True)
        if replaced is not None:
            backups.put_back(replaced, path)
        raise
    log.warning("database %s restored from %s (taken %s)", path, choice.source, choice.taken)
    return Restored(path, replaced, choice, purged)


class BackupService:
    """``services.backups``: a SQLite file's backups (a server database has none here)."""

    def __init__(self, services: Services, today: Callable[[], dt.date]) -> None:
        self._services = services
        self._db = services.db
        self._today = today
        self.folder: Path | None = backups.folder_for(self._db.path) if self._db.path else None
        self.failure: BackupRefused | None = None  # the day's backup at start, if it failed

    @property
    def available(self) -> bool:
        """File backups exist for this database (a SQLite file, not a server's)."""
        return self._db.path is not None

    def _require_file(self) -> Path:
        if self._db.path is None:
            raise BackupRefused(NO_FILE, where=self._db.where)
        if self._db.read_only:
            raise BackupRefused(READ_ONLY)
        return self._db.path

    def take(self, reason: str) -> Path | None:
        """An automatic backup now (``reason``: "daily", "migration", "import", "manual"),
        checked and rotated; None for a server or read-only database. BackupRefused when it
        could not be made (nothing else changed)."""
        if self._db.path is None or self._db.read_only or self.folder is None:
            return None
        now = local_now(self._today)
        taken = backups.take(self._db.path, self.folder, reason, now)
        backups.rotate(self.folder, self._db.path.stem, now.date())
        return taken

    def daily(self) -> Path | None:
        """The day's backup at start, unless one of today is there. A failure does not stop
        the program: it is logged and kept in ``failure`` for the window to show."""
        if self._db.path is None or self._db.read_only:
            return None
        if backups.has_one_of(self.folder, self._db.path.stem, self._today()):
            return None
        try:
            return self.take("daily")
        except BackupRefused as exc:
            log.error("the daily backup failed: %s", exc)
            self.failure = exc
            return None

    def choices(self) -> list[Choice]:
        """The automatic backups of this database, newest first, with what each holds."""
        path = self._require_file()
        return listed_choices(self.folder, path.stem)

    def to_usb(self, where: Path, passphrase: str) -> UsbBackup:
        """An encrypted backup written into the folder ``where`` (a USB stick; or to the file
        ``where``), read back and checked.

        The copy is made through the backup API into memory and encrypted there
        (``crypto.lock``: scrypt and AES-256-GCM), so no plain copy reaches any disk."""
        from desktop.formats.files import replacing
        from desktop.sync import crypto

        self._services.access.require(Permission.EXPORT_PERSONAL)
        if self._db.path is None:
            raise BackupRefused(NO_FILE, where=self._db.where)
        now = local_now(self._today)
        data = sqlite.snapshot(self._db.path)
        summary = backups.describe_bytes(data, self._db.path.name)  # checked whole first
        meta = json.dumps({"taken": now.isoformat(), "site": summary.site,
                           "revision": summary.revision}).encode("utf-8")  # fmt: skip
        plain = b"".join((_MAGIC, _LENGTH.pack(len(meta)), meta, data))
        del data
        blob = crypto.lock(plain, passphrase, purpose=PURPOSE)  # a short passphrase: refused
        target = where / f"{self._db.path.stem}-{now:%Y%m%d-%H%M}{SUFFIX}"
        if not where.is_dir():  # a file named by the caller (the command line's --to)
            target = where if where.suffix.lower() == SUFFIX else Path(f"{where}{SUFFIX}")
        try:
            with replacing(target) as out:
                out.write(blob)
            back = target.read_bytes()
        except OSError as exc:
            log.error("USB backup to %s failed: %s", target, exc)
            raise BackupRefused(STICK_FAILED, file=str(target)) from exc
        if hashlib.sha256(back).digest() != hashlib.sha256(blob).digest():
            raise BackupRefused(STICK_CHANGED, file=str(target))
        if crypto.unlock(back, passphrase, purpose=PURPOSE) != plain:  # it opens again
            raise BackupRefused(STICK_CHANGED, file=str(target))
        self._services.audit.record(
            AuditAction.EXPORT, target.name,
            joined(
                phrase("encrypted backup of {size} bytes", size=len(blob)),
                phrase("backup taken {taken}", taken=f"{now:%Y-%m-%d %H:%M}"),
            ),
        )  # fmt: skip
        return UsbBackup(target, len(blob), now, summary)

    def restore(self, choice: Choice) -> Restored:
        """Replace this database with ``choice`` (restore_file, keeping this database's
        retention period and its purge). The services are closed first and stay closed: open
        the database again (the window does) to go on."""
        from desktop.services.retention import years_in

        self._services.access.require(Permission.RESTORE)
        path = self._require_file()
        _refuse_newer(choice)
        who = self._services.access.who()
        with self._db.read() as s:
            years = years_in(s)
        self._services.close()
        return restore_file(path, choice, today=self._today, who=who, retention_years=years)
