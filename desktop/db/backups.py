"""Automatic backups of a SQLite database file: taken through the backup API and checked, named,
listed, rotated and pruned by age; files set aside, not deleted.

Rotation keeps the newest backup of each of the last 7 days, 4 weeks and 12 months, whatever
its reason. Besides these, it keeps the backups taken before a change that may need undoing,
and the ones a person asked for, which the one-per-day rule would delete with the day's next
backup: the last 2 taken before a migration and the last 5 taken by hand (however old), and
those taken before a bundle import in the last 7 days (the newest 20 of them). The reason is
read from the file name. Pruning by age (the retention period) deletes every backup older than
its cutoff, these included."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from desktop.db import sqlite
from desktop.db.durable import sync_folder
from desktop.domain.errors import BackupRefused
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.paths import backup_dir_for

log = logging.getLogger(__name__)

# Why a backup was taken; all of them are "automatic" and rotate together (the ones before a
# migration or an import are kept longer as well: kept_for_reason).
REASONS = ("daily", "migration", "import", "manual")
STAMP = "%Y%m%d-%H%M%S"
# <stem>-<YYYYmmdd-HHMMSS>-<reason>[-n].sqlite; and the names migrations used before this module.
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z]+)(?:-(?P<n>\d+))?\.sqlite$"
)
_LEGACY = re.compile(r"^(?P<stem>.+)-before-[^-]+-(?P<stamp>\d{8}-\d{6})\.sqlite$")
_SIDE_FILES = ("-wal", "-shm")
KEEP_DAYS, KEEP_WEEKS, KEEP_MONTHS = 7, 4, 12
# Kept besides: the last pre-migration backups, and the pre-import ones of the last days.
KEEP_MIGRATIONS, KEEP_MANUAL = 2, 5
KEEP_IMPORT_DAYS, KEEP_IMPORTS = 7, 20

NOT_WRITTEN = QT_TRANSLATE_NOOP(
    "Backups",
    "A backup of the database could not be written to {folder}: the disk may be full or the "
    "folder read-only. The database itself is unchanged. Free some space and try again.",
)
UNSOUND = QT_TRANSLATE_NOOP(
    "Backups",
    "A backup just made of the database did not pass its integrity check, so it was deleted. "
    "The database itself may be damaged: do not delete anything, and call the county office.",
)
UNREADABLE = QT_TRANSLATE_NOOP(
    "Backups",
    "The backup {file} is damaged or is not a Liaison Desk backup, so it cannot be restored. "
    "Choose another backup.",
)


@dataclass(frozen=True)
class Backup:
    """One automatic backup file; ``taken`` is the local time written in its name, ``n``
    tells apart backups taken in the same second (-2, -3 ... after the reason)."""

    path: Path
    taken: dt.datetime
    reason: str
    n: int = 1


@dataclass(frozen=True)
class Summary:
    """What a backup holds, read from the file itself."""

    revision: str | None
    site: str
    counts: dict[str, int] = field(default_factory=dict)


# What the restore dialog counts (records not deleted), by the name it shows them under.
COUNTED = {
    "deputies": "deputies",
    "cases": "feedback_cases",
    "duty_days": "duty_days",
    "visits": "visits",
    "activities": "activities",
}


def folder_for(db_path: Path) -> Path:
    return backup_dir_for(db_path)


def _parse(path: Path) -> tuple[str, Backup] | None:
    match = _NAME.match(path.name)
    reason, n = (match["reason"], int(match["n"] or 1)) if match else ("migration", 1)
    match = match or _LEGACY.match(path.name)
    if match is None:
        return None
    try:
        taken = dt.datetime.strptime(match["stamp"], STAMP)
    except ValueError:
        return None
    return match["stem"], Backup(path, taken, reason, n)


def listed(folder: Path | None, stem: str | None = None) -> list[Backup]:
    """The backups in ``folder`` (of the database named ``stem``, or all), newest first."""
    if folder is None or not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        parsed = _parse(path) if path.is_file() else None
        if parsed is not None and (stem is None or parsed[0] == stem):
            found.append(parsed[1])
    return sorted(found, key=_order, reverse=True)


def _order(b: Backup) -> tuple[dt.datetime, int, str]:
    return b.taken, b.n, b.path.name


def _free(folder: Path, name: str, suffix: str) -> Path:
    """``folder/name + suffix``, or with -2, -3 ... when a file of that name exists."""
    target, n = folder / f"{name}{suffix}", 1
    while any(Path(f"{target}{side}").exists() for side in ("", *_SIDE_FILES)):
        n += 1
        target = folder / f"{name}-{n}{suffix}"
    return target


def take(source: Path, folder: Path, reason: str, now: dt.datetime) -> Path:
    """A backup of ``source`` in ``folder``, kept only if it passes ``integrity_check``.

    Written as a hidden partial file first and renamed when sound, so a listed backup is
    always a whole one. BackupRefused when it could not be written or was unsound."""
    if reason not in REASONS:
        raise ValueError(reason)
    # Several in one second (imports one after another) are numbered upwards, so that the
    # newest is the one rotation keeps.
    second = now.replace(microsecond=0)
    same = [b.n for b in listed(folder, source.stem) if b.taken == second]
    n = max(same, default=0) + 1
    name = f"{source.stem}-{now.strftime(STAMP)}-{reason}" + (f"-{n}" if n > 1 else "")
    target = folder / f"{name}.sqlite"
    partial = target.with_name(f".{target.name}.partial")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        sqlite.backup_to(source, partial)
        problems = sqlite.check_file(partial)
        if problems != ["ok"]:
            log.error("backup of %s failed its integrity check: %s", source, problems[:5])
            raise BackupRefused(UNSOUND)
        os.replace(partial, target)
        sync_folder(folder)
    except (OSError, sqlite3.Error) as exc:
        log.error("backup of %s to %s failed: %s", source, folder, exc)
        if sqlite.is_damage(exc):
            raise BackupRefused(UNSOUND) from exc
        raise BackupRefused(NOT_WRITTEN, folder=str(folder)) from exc
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
    log.info("backup taken (%s): %s", reason, target)
    return target


def kept(backups: list[Backup], today: dt.date) -> set[Path]:
    """Which backups rotation keeps: the newest of each of the last 7 days, of each of the
    last 4 (ISO) weeks and of each of the last 12 months, the newest of all, any dated
    after ``today`` (a clock set back must not delete the backups it cannot place), and those
    taken before a migration or an import that ``kept_for_reason`` keeps."""
    newest_first = sorted(backups, key=_order, reverse=True)
    keep = {b.path for b in newest_first[:1]} | kept_for_reason(newest_first, today)
    keep |= {b.path for b in newest_first if b.taken.date() > today}
    days = {today - dt.timedelta(days=n) for n in range(KEEP_DAYS)}
    weeks = {(today - dt.timedelta(weeks=n)).isocalendar()[:2] for n in range(KEEP_WEEKS)}
    months = {_month_back(today, n) for n in range(KEEP_MONTHS)}
    rules = (
        (days, lambda d: d),
        (weeks, lambda d: d.isocalendar()[:2]),
        (months, lambda d: (d.year, d.month)),
    )
    for window, bucket in rules:
        seen: set[object] = set()
        for b in newest_first:
            key = bucket(b.taken.date())
            if key in window and key not in seen:
                seen.add(key)
                keep.add(b.path)
    return keep


def kept_for_reason(backups: list[Backup], today: dt.date) -> set[Path]:
    """The backups kept besides the one-per-day rule, so that each change stays undoable and a
    backup someone asked for is not gone by evening: the last ``KEEP_MIGRATIONS`` taken before
    a migration, the last ``KEEP_MANUAL`` taken by hand, and the newest ``KEEP_IMPORTS`` of
    those taken before an import in the last ``KEEP_IMPORT_DAYS`` days (today included)."""
    newest_first = sorted(backups, key=_order, reverse=True)
    since = today - dt.timedelta(days=KEEP_IMPORT_DAYS - 1)
    migrations = [b for b in newest_first if b.reason == "migration"]
    by_hand = [b for b in newest_first if b.reason == "manual"]
    imports = [b for b in newest_first if b.reason == "import" and since <= b.taken.date() <= today]
    chosen = (*migrations[:KEEP_MIGRATIONS], *by_hand[:KEEP_MANUAL], *imports[:KEEP_IMPORTS])
    return {b.path for b in chosen}


def _month_back(day: dt.date, n: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 - n
    return index // 12, index % 12 + 1


def rotate(folder: Path, stem: str, today: dt.date) -> list[Path]:
    """Delete the backups of ``stem`` that rotation does not keep; the deleted paths."""
    backups = listed(folder, stem)
    keep = kept(backups, today)
    return [b.path for b in backups if b.path not in keep and _delete(b.path)]


def prune_older_than(folder: Path, cutoff: dt.date) -> list[Path]:
    """Delete every backup in ``folder`` taken before ``cutoff`` (the retention period: old
    backups hold personal data that was since purged from the database); the deleted paths."""
    return [b.path for b in listed(folder) if b.taken.date() < cutoff and _delete(b.path)]


def _delete(path: Path) -> bool:
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except OSError as exc:  # held by an antivirus scanner: tried again next time
        log.warning("could not delete the old backup %s: %s", path, exc)
        return False
    return True


def has_one_of(folder: Path | None, stem: str, day: dt.date) -> bool:
    return any(b.taken.date() == day for b in listed(folder, stem))


def newest_sound(folder: Path | None, stem: str) -> Backup | None:
    """The newest backup of ``stem`` that passes ``integrity_check`` now."""
    for backup in listed(folder, stem):
        try:
            if sqlite.check_file(backup.path) == ["ok"]:
                return backup
        except sqlite3.OperationalError:
            pass  # cannot be read now: not offered
        log.warning("backup %s is damaged; an older one is offered", backup.path)
    return None


def describe(path: Path) -> Summary:
    """Schema revision, site name and record counts read from a backup (or any database)
    file; BackupRefused when it cannot be read as one."""
    try:
        con = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
        try:
            return summary_of(con)
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        log.warning("backup %s cannot be read: %s", path, exc)
        raise BackupRefused(UNREADABLE, file=path.name) from exc


def describe_bytes(data: bytes, name: str) -> Summary:
    """``describe`` for a database held as bytes (a decrypted backup), after checking it
    whole; BackupRefused (naming ``name``) when it is not sound."""
    try:
        con = sqlite.from_bytes(data)
        try:
            problems = sqlite.check_connection(con)
            if problems != ["ok"]:
                log.warning("backup %s is damaged: %s", name, problems[:5])
                raise BackupRefused(UNREADABLE, file=name)
            return summary_of(con)
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise BackupRefused(UNREADABLE, file=name) from exc


def summary_of(con: sqlite3.Connection) -> Summary:
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
    revision = None
    if "alembic_version" in tables:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = row[0] if row else None
    site = ""
    if {"sites", "app_settings"} <= tables:
        row = con.execute(
            "SELECT name FROM sites WHERE id = (SELECT replace(value, '-', '') "
            "FROM app_settings WHERE key = 'local_site_id')"
        ).fetchone()
        site = row[0] if row else ""
    counts = {
        shown: con.execute(f'SELECT count(*) FROM "{table}" WHERE NOT deleted').fetchone()[0]
        for shown, table in COUNTED.items()
        if table in tables
    }
    return Summary(revision, site, counts)


def set_aside(path: Path, label: str, now: dt.datetime) -> Path:
    """Rename ``path`` with its -wal and -shm to ``<stem>-<label>-<stamp><suffix>`` in the same
    folder (never deleted); all three or none (OSError)."""
    suffix = path.suffix or ".sqlite"
    aside = _free(path.parent, f"{path.stem}-{label}-{now.strftime(STAMP)}", suffix)
    moved: list[tuple[Path, Path]] = []
    try:
        for side in ("", *_SIDE_FILES):
            source = Path(f"{path}{side}")
            if source.exists():
                os.replace(source, Path(f"{aside}{side}"))
                moved.append((source, Path(f"{aside}{side}")))
        sync_folder(path.parent)
    except OSError:
        for source, target in reversed(moved):
            with contextlib.suppress(OSError):
                os.replace(target, source)
        raise
    log.warning("database %s set aside as %s", path, aside)
    return aside


def put_back(aside: Path, path: Path) -> None:
    """Undo ``set_aside`` (a restore that failed): the files return under their old name."""
    for side in ("", *_SIDE_FILES):
        source = Path(f"{aside}{side}")
        if source.exists():
            os.replace(source, Path(f"{path}{side}"))


def write_into_place(source: Path | bytes, target: Path, name: str) -> None:
    """``source`` (a backup file, or a decrypted one's bytes) copied to ``target`` (which must
    not exist) through the backup API and checked whole before it takes the name;
    BackupRefused (naming the backup ``name``) and nothing at ``target`` if not."""
    partial = target.with_name(f".{target.name}.restoring")
    try:
        partial.unlink(missing_ok=True)
        if isinstance(source, bytes):
            con = sqlite.from_bytes(source)
            try:
                sqlite.backup_to(con, partial)
            finally:
                con.close()
        else:
            sqlite.backup_to(source, partial)
        problems = sqlite.check_file(partial)
        if problems != ["ok"]:
            log.error("restored copy of %s failed its integrity check: %s", name, problems[:5])
            raise BackupRefused(UNREADABLE, file=name)
        os.replace(partial, target)
        sync_folder(target.parent)
    except (OSError, sqlite3.Error) as exc:
        log.error("restoring %s to %s failed: %s", name, target, exc)
        if sqlite.is_damage(exc):
            raise BackupRefused(UNREADABLE, file=name) from exc
        raise BackupRefused(NOT_WRITTEN, folder=str(target.parent)) from exc
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
