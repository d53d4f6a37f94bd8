"""Reliability row 29: a deleted person is gone from the disk. After a case (and a deputy typed in
at the station) is deleted and the WAL checkpointed, neither the database file nor its WAL holds
the person's name, phone, ID number or the name's pinyin keys, and no search finds them. The
same scenario with secure_delete switched off shows the bytes linger: the check can fail."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

from sqlalchemy import event

from desktop.db import sqlite as db_sqlite
from desktop.domain.records import CaseDraft, DeputyDraft, ListFilter
from desktop.domain.textsearch import match_expression
from desktop.services import Services
from desktop.services.collation import search_keys
from tests.workbook_fixtures import ID_WITH_X, open_station

TODAY = dt.date(2026, 6, 15)
NAME, PHONE = "司徒翠凤", "13987654321"
DEPUTY_PHONE = "13765432109"
WORDS = "村道坑洼"  # what the person said: in the full-text index until the case is deleted
NEIGHBOURS, DELETED = 40, 30  # other people's cases around the person's; the first 30 deleted
# The deputy's name stays on its tombstone (a deputy's name is public; personal_fields in
# desktop/db/models.py clears the phone and workplace): only the phone is checked for them.
SECRETS = {
    "name": NAME,
    "phone": PHONE,
    "ID number": ID_WITH_X,
    "name's pinyin keys": search_keys(NAME),
    "deputy's phone": DEPUTY_PHONE,
    **{f"neighbour {i}'s name": f"路人{i}号" for i in range(DELETED)},
    **{f"neighbour {i}'s phone": f"1380000{i:04d}" for i in range(DELETED)},
}
KEPT = {f"路人{i}号" for i in range(DELETED, NEIGHBOURS)}


def _checkpoint(path: Path) -> None:
    with closing(sqlite3.connect(path)) as con:
        busy, _, _ = con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        assert busy == 0  # every page of the log went into the file, the log is empty


def _on_disk(path: Path) -> bytes:
    wal = Path(f"{path}-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def _lingering(path: Path) -> set[str]:
    data = _on_disk(path)
    return {what for what, text in SECRETS.items() if text.encode("utf-8") in data}


def _found(services: Services, text: str) -> int:
    flt = ListFilter(text=text)
    return len(services.feedback.page(flt).rows) + services.feedback.count(flt)


def _indexed(path: Path, text: str) -> int:
    """Rows of the full-text index matching ``text`` (bigrams, as the search asks)."""
    with closing(sqlite3.connect(path)) as con:
        query = f"SELECT count(*) FROM {db_sqlite.FTS_TABLE} WHERE {db_sqlite.FTS_TABLE} MATCH ?"
        return con.execute(query, (match_expression(text),)).fetchone()[0]


def _delete_a_person(path: Path, *, secure: bool) -> Services:
    """A station with a person among other cases, and a deputy it typed in; both deleted."""
    services = open_station(path, TODAY)
    if not secure:  # the control: the same program with the PRAGMA switched back off

        def insecure(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
            dbapi_conn.execute("PRAGMA secure_delete = OFF")

        services.db.engine.dispose()
        event.listen(services.db.engine, "connect", insecure)
    station = services.site.current().station_id
    neighbours = [
        services.feedback.register(
            CaseDraft(station, TODAY, person_name=f"路人{i}号", phone=f"1380000{i:04d}",
                      content=f"第{i}件：村口路灯不亮")
        )
        for i in range(NEIGHBOURS)
    ]  # fmt: skip
    case = services.feedback.register(
        CaseDraft(station, TODAY, person_name=NAME, phone=PHONE, id_number=ID_WITH_X,
                  village="大田村", content=f"反映{WORDS}，雨天积水")
    )  # fmt: skip
    deputy = services.deputies.create(DeputyDraft("欧阳振邦", phone=DEPUTY_PHONE,
                                                  station_ids=(station,)))  # fmt: skip
    _checkpoint(path)
    assert _lingering(path) == set(SECRETS)  # on disk before: the check sees them
    assert _found(services, NAME) == 2  # page and count find the person by name
    assert _indexed(path, WORDS) == 1  # and the index the case by what was said
    services.feedback.delete(case.id, case.version)
    services.deputies.delete(deputy.id)
    for row in neighbours[:DELETED]:
        services.feedback.delete(row.id, row.version)
    _checkpoint(path)
    return services


def test_a_deleted_person_is_gone_from_the_file_the_wal_and_the_search(tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite"
    services = _delete_a_person(path, secure=True)
    try:
        assert _lingering(path) == set()
        for text in (NAME, PHONE, ID_WITH_X, "路人0号", WORDS):
            assert _found(services, text) == 0
            assert _indexed(path, text) == 0
        assert services.feedback.count() == NEIGHBOURS - DELETED
        data = _on_disk(path)
        assert all(name.encode() in data for name in KEPT)  # the scan does see live people
    finally:
        services.close()


def test_without_secure_delete_the_same_check_finds_the_person(tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite"
    services = _delete_a_person(path, secure=False)
    try:
        assert _lingering(path)  # deleted names and phones still in free space on the disk
        assert _found(services, NAME) == 0  # the program no longer shows them: the disk does
    finally:
        services.close()
