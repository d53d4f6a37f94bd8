"""Backups (reliability row 6): consistent while another thread writes, checked, taken before
each bundle import; the encrypted USB backup (no readable name or phone, a wrong passphrase
refused, a pulled stick leaves the old file); restore (set aside, a new bundle epoch the county
accepts, audited). Rotation and pruning by age: test_backup_rotation.py."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import sqlite3
import threading
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.db import backups
from desktop.domain.errors import BackupRefused, ServiceError
from desktop.domain.records import CaseDraft, DeputyDraft
from desktop.domain.roles import AuditAction, Permission, Role
from desktop.services import backups as svc
from desktop.services import open_services
from desktop.services.access import NOT_PERMITTED
from desktop.services.bundle_export import EPOCH_KEY, epoch
from tests.bundle_fixtures import PEOPLE, Network, fill, table_counts

TODAY = dt.date(2026, 6, 15)
PASSPHRASE = "望江镇 backup 2026"
PERSON, PHONE = PEOPLE["WJ-03"]
DEPUTY, DEPUTY_PHONE = "张晓明", "13900001111"


def names_in(path: Path) -> list[str]:
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
        return [r[0] for r in con.execute("SELECT name FROM deputies ORDER BY name")]


def integrity(path: Path) -> list[str]:
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
        return [r[0] for r in con.execute("PRAGMA integrity_check")]


def epoch_of(path: Path) -> str:
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
        row = con.execute("SELECT value FROM app_settings WHERE key = ?", (EPOCH_KEY,))
        return row.fetchone()[0]


# --- row 6: consistent, checked, rotated ----------------------------------------------------


def test_backups_taken_while_another_thread_inserts_are_each_a_committed_prefix(
    services,
) -> None:
    total = 300
    started, done = threading.Event(), threading.Event()

    def insert() -> None:
        try:
            for i in range(total):
                services.deputies.create(DeputyDraft(f"代表{i:04d}"))
                started.set()
        finally:
            done.set()

    writer = threading.Thread(target=insert)
    writer.start()
    assert started.wait(30)
    seen: list[int] = []
    while not done.is_set():
        path = services.backups.take("manual")  # rotation keeps only the newest: check now
        assert integrity(path) == ["ok"]
        names = names_in(path)
        assert names == [f"代表{i:04d}" for i in range(len(names))]  # no gap, no torn row
        seen.append(len(names))
    writer.join()
    assert any(0 < n < total for n in seen), seen  # taken while the inserts went on
    assert seen == sorted(seen)


def test_each_bundle_import_first_backs_up_the_database_as_it_was(tmp_path: Path) -> None:
    net = Network(tmp_path, ("WJ-03",))
    county = net.county

    def import_next() -> tuple[backups.Backup, dict[str, int]]:
        """The station's next bundle imported at the county: the backup it made, and the
        county's tables (records, receipts, the change counter) just before."""
        (bundle,) = net.to_county("WJ-03").files
        before, old = table_counts(county.db.path), backups.listed(county.backups.folder, "county")
        county.bundles.apply(bundle)
        (new,) = set(backups.listed(county.backups.folder, "county")) - set(old)
        return new, before

    try:
        net.roster("WJ-03")
        fill(net.stations["WJ-03"], net.deputies["WJ-03"], PEOPLE["WJ-03"])
        first = import_next()
        net.stations["WJ-03"].feedback.register(
            CaseDraft(net.station_id("WJ-03"), TODAY, person_name=PERSON, content="桥面破损")
        )
        second = import_next()  # the same day: the first must still be there
        for backup, before in (first, second):
            assert backup.reason == "import" and backup.path.is_file()
            assert integrity(backup.path) == ["ok"] and table_counts(backup.path) == before
        assert [before["bundles_received"] for _, before in (first, second)] == [0, 1]
        assert first[1]["feedback_cases"] < second[1]["feedback_cases"]
    finally:
        net.close()


def test_a_backup_failing_its_integrity_check_is_deleted_and_reported(
    services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.db import sqlite

    monkeypatch.setattr(sqlite, "check_file", lambda p, quick=False: ["row 3 missing"])
    with pytest.raises(BackupRefused) as refused:
        services.backups.take("daily")
    assert refused.value.message == backups.UNSOUND
    folder = services.backups.folder
    assert folder is not None and list(folder.iterdir()) == []  # nothing kept, no partial


def test_the_day_s_first_start_takes_one_daily_backup(tmp_path: Path) -> None:
    path, folder = tmp_path / "station.sqlite", tmp_path / "backups"
    day = [TODAY]

    def start() -> list[backups.Backup]:
        open_services(path, backup_dir=folder, today=lambda: day[0]).close()
        return backups.listed(folder, "station")

    assert start() == []  # a new database: nothing to protect yet
    assert [b.taken.date() for b in start()] == [TODAY]
    assert [b.taken.date() for b in start()] == [TODAY]  # once a day
    day[0] = TODAY + dt.timedelta(days=1)
    assert [(b.taken.date(), b.reason) for b in start()] == [
        (day[0], "daily"), (TODAY, "daily")]  # fmt: skip


def test_a_migration_backup_is_an_automatic_one_of_the_old_schema(tmp_path: Path) -> None:
    from alembic import command

    from desktop.db.engine import Database
    from desktop.db.migrate import alembic_config

    path = tmp_path / "station.sqlite"
    db = Database(path)
    config = alembic_config()
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0009")
    db.dispose()
    open_services(path, today=lambda: TODAY).close()  # the command line's way: no backup_dir
    (taken,) = backups.listed(tmp_path / "backups", "station")
    assert taken.reason == "migration" and taken.taken.date() == TODAY
    assert backups.describe(taken.path).revision == "0009"


# --- the encrypted USB backup ---------------------------------------------------------------


@pytest.fixture
def station(services):
    """A station with a deputy and a person's case: the names and phones a stick must hide."""
    deputy = services.deputies.create(DeputyDraft(DEPUTY, phone=DEPUTY_PHONE))
    station_id = services.site.current().station_id
    services.feedback.register(
        CaseDraft(station_id, TODAY, person_name=PERSON, phone=PHONE, content="村口路灯不亮",
                  deputy_ids=(deputy.id,))
    )  # fmt: skip
    return services


def test_the_usb_backup_holds_no_readable_name_or_phone(station, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    done = station.backups.to_usb(stick, PASSPHRASE)
    assert done.path.parent == stick and done.path.suffix == ".ldbackup"
    blob = done.path.read_bytes()
    secrets = (PERSON, PHONE, DEPUTY, DEPUTY_PHONE)
    plain = svc.unlock(done.path, PASSPHRASE).data
    assert plain is not None and PERSON.encode() in plain  # the search would find them
    for text in secrets:
        for encoding in ("utf-8", "gbk"):
            assert text.encode(encoding) not in blob
    # No plain copy went anywhere on the way: every other file is the database's own.
    for path in tmp_path.rglob("*"):
        if path.is_file() and not path.name.startswith("station.sqlite"):
            assert PERSON.encode() not in path.read_bytes(), path
    assert done.summary.counts["cases"] == 1 and done.summary.counts["deputies"] == 1
    (row,) = station.audit.rows(action=AuditAction.EXPORT.value)
    assert row.target == done.path.name


def test_a_wrong_passphrase_or_another_file_is_refused(station, tmp_path: Path) -> None:
    done = station.backups.to_usb(tmp_path, PASSPHRASE)
    with pytest.raises(BackupRefused) as wrong:
        svc.unlock(done.path, PASSPHRASE + "x")
    assert wrong.value.message == svc.WRONG_PASSPHRASE
    cut = tmp_path / "cut.ldbackup"
    cut.write_bytes(done.path.read_bytes()[:-100])  # copied before it was finished
    with pytest.raises(BackupRefused) as truncated:
        svc.unlock(cut, PASSPHRASE)
    assert truncated.value.message == svc.NOT_A_BACKUP


@pytest.mark.parametrize("step", ["write", "fsync", "replace"])
def test_a_stick_pulled_during_the_write_leaves_the_old_file(
    station, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    from desktop.formats import files

    stick = tmp_path / "stick"
    stick.mkdir()
    target = stick / "station.ldbackup"
    old = station.backups.to_usb(target, PASSPHRASE)
    before = target.read_bytes()
    station.deputies.create(DeputyDraft("新代表"))

    def pulled(*_args, **_kwargs):
        raise OSError(errno.EIO, "Input/output error")

    if step == "write":
        monkeypatch.setattr(files.os, "fdopen", lambda fd, mode: _FailingFile(fd))
    else:
        monkeypatch.setattr(files.os, step, pulled)
    with pytest.raises(BackupRefused) as refused:
        station.backups.to_usb(target, PASSPHRASE)
    assert refused.value.message == svc.STICK_FAILED
    monkeypatch.undo()
    assert target.read_bytes() == before and old.path == target
    assert sorted(p.name for p in stick.iterdir()) == ["station.ldbackup"]  # no temporary


class _FailingFile:
    """A file whose write fails as on a stick pulled out mid-write."""

    def __init__(self, fd: int) -> None:
        self._fd = fd

    def __enter__(self) -> _FailingFile:
        return self

    def __exit__(self, *_exc: object) -> None:
        os.close(self._fd)

    def write(self, _data: bytes) -> int:
        raise OSError(errno.EIO, "Input/output error")


def test_a_stick_that_reads_back_other_bytes_is_not_reported_done(
    station, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = Path.read_bytes

    def lying(self: Path) -> bytes:
        data = real(self)
        return data[:-1] + bytes([data[-1] ^ 1]) if self.suffix == ".ldbackup" else data

    monkeypatch.setattr(Path, "read_bytes", lying)
    with pytest.raises(BackupRefused) as refused:
        station.backups.to_usb(tmp_path, PASSPHRASE)
    assert refused.value.message == svc.STICK_CHANGED
    assert station.audit.count(AuditAction.EXPORT.value) == 0


def _signed_in_clerk(services) -> None:
    password = "a-long-password"
    services.access.add_user("head", "站长", Role.STATION_HEAD, password)
    services.access.add_user("clerk", "文员", Role.CLERK, password)
    services.access.set_sign_in_required(True)
    services.access.sign_in("clerk", password)


def test_usb_backup_and_restore_need_their_permissions(station, tmp_path: Path) -> None:
    backup = station.backups.take("manual")
    _signed_in_clerk(station)
    with pytest.raises(ServiceError) as usb:
        station.backups.to_usb(tmp_path, PASSPHRASE)
    assert usb.value.message == NOT_PERMITTED[Permission.EXPORT_PERSONAL]
    with pytest.raises(ServiceError) as restore:
        station.backups.restore(svc.choice_of(backup))
    assert restore.value.message == NOT_PERMITTED[Permission.RESTORE]
    assert not list(tmp_path.glob("*.ldbackup"))
    assert not list(station.db.path.parent.glob("*-replaced-*"))
    assert len(station.deputies.list()) == 1  # still open, still this database


# --- restore ----------------------------------------------------------------------------------


def test_restore_sets_the_current_database_aside_and_is_audited_in_the_restored_one(
    station, tmp_path: Path
) -> None:
    path = station.db.path
    with station.db.write() as s:
        old_epoch = str(epoch(s))
    backup = station.backups.take("manual")
    station.deputies.create(DeputyDraft("备份后的代表"))
    current = path.read_bytes()
    restored = station.backups.restore(svc.choice_of(backup))
    assert restored.replaced is not None and restored.replaced.parent == path.parent
    assert restored.replaced.name.startswith("station-replaced-")
    assert "备份后的代表" in names_in(restored.replaced) and len(current) > 0
    assert names_in(path) == [DEPUTY]
    assert epoch_of(path) != old_epoch
    again = open_services(path, today=lambda: TODAY)
    try:
        row = again.audit.rows(limit=1)[0]
        assert row.action == AuditAction.RESTORE.value and row.target == backup.name
        assert f"{svc.choice_of(backup).taken:%Y-%m-%d %H:%M}" in row.detail
        assert again.audit.verify().ok
    finally:
        again.close()


def test_after_restoring_an_older_backup_the_county_takes_the_station_s_next_bundle(
    tmp_path: Path,
) -> None:
    net = Network(tmp_path, ("WJ-03",))

    def case(content: str, deputy) -> CaseDraft:  # type: ignore[no-untyped-def]
        return CaseDraft(net.station_id("WJ-03"), TODAY, person_name=PERSON, content=content,
                         deputy_ids=(deputy,))  # fmt: skip

    try:
        net.roster("WJ-03")
        station = net.stations["WJ-03"]
        deputy = net.deputies["WJ-03"]
        fill(station, deputy, PEOPLE["WJ-03"])
        for path in net.to_county("WJ-03").files:  # bundle 1
            net.county.bundles.apply(path)
        backup = station.backups.take("manual")
        lost = station.feedback.register(case("备份之后登记", deputy))
        (second,) = net.to_county("WJ-03").files  # bundle 2: the county has it, the backup not
        net.county.bundles.apply(second)
        station.backups.restore(svc.choice_of(backup))
        station = net.stations["WJ-03"] = open_services(net.path("WJ-03"), today=lambda: TODAY)
        after = station.feedback.register(case("恢复之后登记", deputy))
        (third,) = net.to_county("WJ-03").files
        assert third.name != second.name
        plan = net.county.bundles.apply(third)  # not a duplicate, not a fork
        assert not plan.already and plan.seq == 1
        assert net.county.feedback.get(after.id).content == "恢复之后登记"
        assert net.county.feedback.get(lost.id).content == "备份之后登记"  # kept at the county
        assert net.county.bundles.quarantined() == [] and net.county.bundles.gaps() == []
        for path in net.to_station("WJ-03").files:  # and the county's bundles still arrive
            station.bundles.apply(path)
    finally:
        net.close()


# --- the command line -----------------------------------------------------------------------


def test_the_command_line_backs_up_and_restores(station, tmp_path: Path, capsys) -> None:
    path = station.db.path
    station.close()
    assert main(["backup", "--db", str(path)]) == 0
    made = Path(capsys.readouterr().out.strip())
    assert made.parent == tmp_path / "backups" and integrity(made) == ["ok"]
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    stick = tmp_path / "stick.ldbackup"
    assert main(["backup", "--db", str(path), "--to", str(stick),
                 "--passphrase-file", str(secret)]) == 0  # fmt: skip
    assert stick.is_file() and PERSON.encode() not in stick.read_bytes()
    capsys.readouterr()
    assert main(["--lang", "en", "restore", "--db", str(path), "--from", str(stick),
                 "--passphrase-file", str(secret)]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert "deputies 1, cases 1" in out and "replaced" in out
    assert names_in(path) == [DEPUTY]
    with path.open("r+b") as f:  # the header page destroyed: no database to open any more
        f.write(b"\0" * 100)
    assert main(["restore", "--db", str(path), "--from", str(made)]) == 0
    assert "station-damaged-" in capsys.readouterr().out  # where it went, in any language
    assert integrity(path) == ["ok"] and names_in(path) == [DEPUTY]
    assert len(list(tmp_path.glob("station-damaged-*.sqlite"))) == 1


def test_the_command_line_refuses_a_wrong_passphrase_or_a_damaged_backup(
    station, tmp_path: Path, capsys
) -> None:
    path = station.db.path
    stick = station.backups.to_usb(tmp_path, PASSPHRASE).path
    station.close()
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase", encoding="utf-8")
    before = path.read_bytes()
    capsys.readouterr()
    assert main(["restore", "--db", str(path), "--from", str(stick),
                 "--passphrase-file", str(wrong)]) == 2  # fmt: skip
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x07" * 8000)
    assert main(["restore", "--db", str(path), "--from", str(damaged)]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert path.read_bytes() == before and not list(tmp_path.glob("*-replaced-*"))


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_a_server_database_has_no_file_backups(services) -> None:
    """The county office's PostgreSQL database: the server's own backups protect it."""
    assert not services.backups.available
    assert services.backups.take("import") is None and services.backups.daily() is None
    for call in (services.backups.choices, lambda: services.backups.to_usb(Path("."), "x" * 9)):
        with pytest.raises(BackupRefused) as refused:
            call()
        assert refused.value.message == svc.NO_FILE
