"""A county office and a station of about 10,000 records, built once for the crash tests: the
station's feedback workbook, the station before and after importing it, the county before the
station's bundle, and the bundle (reliability row 1)."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import uuid
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import openpyxl

from desktop.services import Services, open_services
from desktop.sync import crypto
from desktop.sync import payload as pl
from tests.bundle_fixtures import DEPUTIES, TODAY, Network, table_counts

CODE = "WJ-03"
# Each row makes three records (the case, its first step, its link to the deputy): ~10,200.
ROWS = 3_400
VILLAGES = ("大田村", "巩桥村", "北莱村", "黄姚社区")
TOPICS = ("村口路灯不亮", "村道坑洼难行", "饮水管道漏水", "垃圾清运不及时", "河堤护栏松动")
HEADERS = ("受理日期", "反映人", "联系电话", "所在村（社区）", "反映内容", "接待代表")


@dataclass(frozen=True)
class World:
    """Closed, checkpointed database files (a plain copy of one is the database)."""

    station_before: Path  # the station, enrolled, roster taken, before the workbook
    workbook: Path  # ROWS feedback rows naming the station's deputy
    county_before: Path  # the county, before the station's bundle
    bundle: Path  # the station's first bundle: everything in the station_after
    bundle_id: uuid.UUID
    station_site: uuid.UUID
    records: int  # records the bundle carries


def write_workbook(path: Path, rows: int = ROWS) -> Path:
    """A feedback register as a clerk keeps it: dates, names, phones, villages, what was said."""
    deputy = DEPUTIES[CODE][0]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    first = TODAY - dt.timedelta(days=364)
    for i in range(rows):
        day = first + dt.timedelta(days=i * 364 // rows)
        content = f"第{i + 1}件：{TOPICS[i % len(TOPICS)]}，请尽快处理。"
        phone = f"139{i:08d}"
        sheet.append([day, f"赵{i}", phone, VILLAGES[i % len(VILLAGES)], content, deputy])
    for row in sheet.iter_rows(min_row=2, min_col=3, max_col=3):
        for cell in row:
            cell.data_type = "s"  # a phone is text, never a number
    book.save(path)
    return path


def checkpoint_copy(source: Path, target: Path) -> Path:
    """Fold the WAL into ``source`` (closed by its program) and copy the file."""
    with closing(sqlite3.connect(source)) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, target)
    return target


def import_workbook(services: Services, workbook: Path) -> dict[str, int]:
    plan = services.imports.plan("feedback", workbook)
    return services.imports.apply(plan)


def build(root: Path) -> World:
    """The network, the workbook imported at the station, its bundle written to the USB."""
    saved, crypto.DEFAULT_SCRYPT = crypto.DEFAULT_SCRYPT, (4, 1, 1)
    try:
        network = Network(root / "network", (CODE,))
        try:
            network.roster(CODE)
            station_path = Path(network.path(CODE))
            station = network.stations[CODE]
            station.close()
            station_before = checkpoint_copy(station_path, root / "station-before.sqlite")
            station = network.stations[CODE] = open_services(station_path, today=lambda: TODAY)
            workbook = write_workbook(root / "feedback.xlsx")
            counts = import_workbook(station, workbook)
            assert counts["new"] == ROWS and counts["rejected"] == 0, counts
            exported = network.to_county(CODE)
            bundle, sent = exported.files[0], exported.bundles[0]
            station_site = network.site_id(CODE)
        finally:
            network.close()
        county_before = checkpoint_copy(Path(network.path()), root / "county-before.sqlite")
    finally:
        crypto.DEFAULT_SCRYPT = saved
    return World(station_before, workbook, county_before, bundle, sent.bundle_id, station_site,
                 sent.records)  # fmt: skip


def owned_records(path: Path, site: uuid.UUID) -> int:
    """Travelling records ``site`` owns in the database at ``path``."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
        total = 0
        for name in pl.TRAVELLING:
            owner = "site_id" if name == pl.EVENT_TABLE else "owner_site_id"
            query = f"SELECT count(*) FROM {name} WHERE {owner} = ?"
            total += con.execute(query, (site.hex,)).fetchone()[0]
        return total


def receipts(path: Path, bundle_id: uuid.UUID) -> int:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
        query = "SELECT count(*) FROM bundles_received WHERE bundle_id = ?"
        return con.execute(query, (bundle_id.hex,)).fetchone()[0]


def counts(path: Path) -> dict[str, int]:
    return table_counts(path)
