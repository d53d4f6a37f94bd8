"""Shared set-up for the bundle tests: a county office, stations it enrolled, records to carry,
and tools to look inside a database or a bundle (and to forge one with a site's real keys)."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import sqlite3
import uuid
from collections.abc import Iterable, Mapping
from contextlib import closing
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop.db.revision import HEAD
from desktop.domain.enums import SiteRole
from desktop.domain.records import (
    ActivityDraft,
    CaseDraft,
    DeputyDraft,
    DutyDayDraft,
    ParticipantDraft,
    SiteDraft,
    VisitDraft,
)
from desktop.domain.workflow import CaseAction
from desktop.services import Services, open_services
from desktop.services import bundle_export as bx
from desktop.services import bundle_import as bi
from desktop.services.bundle_peers import local_site, peers
from desktop.services.departments import DepartmentDraft
from desktop.sync import archive, crypto
from desktop.sync import payload as pl
from desktop.sync.manifest import Manifest

PASSPHRASE = "望江镇联络站 2026"
TODAY = dt.date(2026, 6, 15)
COUNTY = ("XQ", "新桥县人大常委会")
STATIONS = {
    "WJ-03": ("望江镇第三联络站", "望江镇"),
    "WJ-04": ("望江镇第四联络站", "望江镇"),
    "XS-01": ("西山镇第一联络站", "西山镇"),
}
# People who trust a deputy with their name and phone: never readable in a bundle (row 30).
PEOPLE = {
    "WJ-03": ("赵大山", "13812348000"),
    "WJ-04": ("钱小红", "13900002222"),
    "XS-01": ("欧阳𠮷祥", "15077774444"),
}
DEPUTIES = {"WJ-03": ("张晓明", "13900001111"), "WJ-04": ("李春燕", "13600005555"),
            "XS-01": ("王建国", "13500006666")}  # fmt: skip


def names_and_phones() -> list[str]:
    return [text for pair in (*PEOPLE.values(), *DEPUTIES.values()) for text in pair]


def reply(services: Services, case_id: uuid.UUID, on: dt.date) -> Any:
    payload = {"text": "已安排维修", "replied_on": on.isoformat(), "outcome": "A"}
    return services.casework.act(case_id, CaseAction.REPLY, payload)


def answer_back(services: Services, case_id: uuid.UUID, on: dt.date) -> Any:
    payload = {"answered_on": on.isoformat(), "method": "phone", "satisfaction": "satisfied"}
    return services.casework.act(case_id, CaseAction.ANSWER_BACK, payload)


@dataclass(frozen=True)
class Filled:
    """One station's records of a day: a duty day, a case, a visit, an activity."""

    duty_day: uuid.UUID
    case: uuid.UUID
    visit: uuid.UUID
    activity: uuid.UUID


def fill(services: Services, deputy_id: uuid.UUID, person: tuple[str, str]) -> Filled:
    """Records a station keeps, with a deputy from the county's roster and a person's data."""
    station = services.site.current().station_id
    duty = services.duty_days.create(
        DutyDayDraft(station, TODAY, deputy_ids=(deputy_id,), people_received=3, summary="接待")
    )
    case = services.feedback.register(
        CaseDraft(station, TODAY, person_name=person[0], phone=person[1], content="村口路灯不亮",
                  deputy_ids=(deputy_id,), duty_day_id=duty.id)
    )  # fmt: skip
    visit = services.visits.create(
        VisitDraft(station, TODAY, visitor_ids=(deputy_id,), visited_people=person[0] + "一家",
                   people_count=2, summary="走访")
    )  # fmt: skip
    kind = services.reference.activity_kinds()[0].id
    activity = services.activities.create(
        ActivityDraft(kind, TODAY, station, title="集中视察", participants=(
            ParticipantDraft(deputy_id),))
    )  # fmt: skip
    return Filled(duty.id, case.id, visit.id, activity.id)


def add_department(services: Services, code: str = "ZJJ", name: str = "镇建设办") -> uuid.UUID:
    """A county-level department, added as the 承办单位 dialog adds one."""
    return services.departments.add(DepartmentDraft(name, code=code)).id


class Network:
    """A county office and the stations it enrolled, each a database file under ``root``;
    bundles travel through the folder ``usb``."""

    def __init__(
        self, root: Path, codes: Iterable[str] = ("WJ-03",), county_db: Path | str | None = None
    ) -> None:
        self.root = root
        self.usb = root / "usb"
        self.usb.mkdir(parents=True, exist_ok=True)
        # The county office's database: a file, or a PostgreSQL URL (conftest's new_db).
        self.county_db = county_db or root / "county.sqlite"
        self.county = open_services(self.county_db, today=lambda: TODAY)
        self.county.site.initialise(SiteDraft(SiteRole.COUNTY, *COUNTY, ""))
        self.department = add_department(self.county)
        self.stations: dict[str, Services] = {}
        self.deputies: dict[str, uuid.UUID] = {}
        for code in codes:
            self.enroll(code)

    def enroll(self, code: str) -> Services:
        name, township = STATIONS[code]
        blob = self.county.enrolment.enroll_site(
            code, name, SiteRole.STATION, township, PASSPHRASE, TODAY
        )
        station = open_services(self.path(code), today=lambda: TODAY)
        station.enrolment.accept(blob, PASSPHRASE)
        self.stations[code] = station
        deputy = DEPUTIES[code]
        self.deputies[code] = self.county.deputies.create(
            DeputyDraft(deputy[0], phone=deputy[1], station_ids=(self.station_id(code),))
        ).id
        return station

    def path(self, code: str | None = None) -> Path | str:
        return self.root / f"{code}.sqlite" if code else self.county_db

    def station_id(self, code: str) -> uuid.UUID:
        return self.stations[code].site.current().station_id

    def site_id(self, code: str) -> uuid.UUID:
        return self.stations[code].site.current().id

    @property
    def county_id(self) -> uuid.UUID:
        return self.county.site.current().id

    def to_county(self, code: str, folder: Path | None = None) -> bx.ExportResult:
        return self.stations[code].bundles.export(self.county_id, folder or self.usb)

    def to_station(self, code: str, folder: Path | None = None) -> bx.ExportResult:
        return self.county.bundles.export(self.site_id(code), folder or self.usb)

    def roster(self, code: str) -> None:
        """The county's roster reaches the station (its deputies, departments)."""
        for path in self.to_station(code).files:
            self.stations[code].bundles.apply(path)

    def close(self) -> None:
        for services in (self.county, *self.stations.values()):
            services.close()


# --- looking inside -------------------------------------------------------------------------


def table_counts(path: Path | str) -> dict[str, int]:
    """Rows in every table of the database (bookkeeping and indexes' tables included)."""
    if isinstance(path, str):
        return _server_counts(path)
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
        names = [n for (n,) in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL%'"  # an FTS table is counted by its shadow tables
        )]  # fmt: skip
        query = " UNION ALL ".join(f"SELECT '{n}', count(*) FROM \"{n}\"" for n in names)
        counts = dict(con.execute(query).fetchall())
        counts["#change_counter"] = con.execute("SELECT value FROM change_counter").fetchone()[0]
    return counts


def _server_counts(url: str) -> dict[str, int]:
    from sqlalchemy import inspect

    from desktop.db.engine import Database

    db = Database(url, read_only=True)
    try:
        with db.engine.connect() as con:
            names = inspect(con).get_table_names()
            query = " UNION ALL ".join(f"SELECT '{n}', count(*) FROM \"{n}\"" for n in names)
            counts = dict(con.exec_driver_sql(query).all())
            counts["#change_counter"] = con.exec_driver_sql(
                "SELECT value FROM change_counter"
            ).scalar()
    finally:
        db.dispose()
    return counts


def healthy(path: Path | str) -> bool:
    if isinstance(path, str):  # the server keeps its own pages and foreign keys whole
        from desktop.db import postgres
        from desktop.db.engine import Database

        db = Database(path, read_only=True)
        try:
            return postgres.integrity_check(db.engine) == ["ok"]
        finally:
            db.dispose()
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
        ok = con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return ok and con.execute("PRAGMA foreign_key_check").fetchall() == []


def rows(services: Services, name: str) -> dict[uuid.UUID, dict[str, Any]]:
    """Every row of a travelling table, by id, as the payload codec sees it."""
    table = pl.table(name)
    with services.db.read() as s:
        found = s.execute(select(*(table.c[c] for c in pl.CODECS[name].names))).mappings()
        return {r["id"]: dict(r) for r in found}


def open_payload(services: Services, path: Path) -> pl.Payload:
    """The payload of a bundle for ``services``'s site, decrypted with its own keys."""
    with services.db.read() as s:
        local = local_site(s, services.db.local_site_id(s))
        opened = bi.open_bundle(s, local, path)
    return bi.decrypt(opened, local)


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- forging with a site's real keys ----------------------------------------------------------


def canonical(body: Mapping[str, Any]) -> bytes:
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def forge(
    sender: Services,
    recipient_id: uuid.UUID,
    tables: Mapping[str, list[Mapping[str, Any]]],
    *,
    seq: int,
    previous: str = "",
    epoch: uuid.UUID | None = None,
    acks: Iterable[pl.Ack] = (),
    counts: Mapping[str, int] | None = None,
    plain: bytes | None = None,
    manifest_changes: Mapping[str, Any] | None = None,
    signer: crypto.SiteKeys | None = None,
) -> bytes:
    """A bundle's bytes, signed and sealed as ``sender`` would (with the keys in its
    ``local_keys``, or ``signer``'s), carrying ``tables`` (or the raw payload ``plain``)."""
    with sender.db.read() as s:
        local = local_site(s, sender.db.local_site_id(s))
        recipient = next(p for p in peers(s, local) if p.site_id == recipient_id)
        the_epoch = epoch or bx.epoch(s)
    body = plain if plain is not None else pl.encode(acks, tables)
    draft = Manifest(
        bundle_id=uuid.uuid4(), sender=local.site_id, recipient=recipient_id, epoch=the_epoch,
        seq=seq, previous=previous, schema=HEAD, reference_version=0,
        counts=dict(counts if counts is not None else {n: len(r) for n, r in tables.items()}),
        payload_sha256="0" * 64, payload_size=0, written_at="2026-06-15T08:00:00+00:00",
    )  # fmt: skip
    sealed = crypto.seal(body, recipient.public, bx.aad(draft))
    values = {f.name: getattr(draft, f.name) for f in fields(draft)}
    values.update(
        payload_sha256=sha(sealed.ciphertext), payload_size=len(sealed.ciphertext),
        sealed={"ephemeral": base64.b64encode(sealed.ephemeral_public).decode(),
                "nonce": base64.b64encode(sealed.nonce).decode()},
    )  # fmt: skip
    raw = Manifest(**values).to_bytes()
    if manifest_changes:
        raw = canonical({**json.loads(raw), **manifest_changes})
    return archive.pack(
        {
            bx.MANIFEST: raw,
            bx.SIGNATURE: crypto.sign(raw, signer or local.keys),
            bx.PAYLOAD: sealed.ciphertext,
        }
    )
