"""A 10,000-row feedback import (read, check every row, plan, write in one transaction) against
the bare openpyxl read of the same workbook (``load_workbook(read_only=True)`` and
``iter_rows(values_only=True)``), in the same run. Target: at most 3x."""

from __future__ import annotations

import datetime as dt
import random
import shutil
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.report import Figure
from benchmarks.vocabulary import SURNAMES, TOPICS, VILLAGES

SEED = 20260706
ROWS, QUICK_ROWS = 10_000, 1_000
RUNS, QUICK_RUNS = 3, 1
TARGET_RATIO = 3.0
TODAY = dt.date(2026, 6, 30)
GIVEN = "志建国秀丽美德桂永文春海明华军平英芳红斌梅强玲云金宏伟涛静敏"


@dataclass(frozen=True)
class ImportResult:
    figures: list[Figure]
    notes: list[str]


def _base_database(folder: Path) -> tuple[Path, list[str]]:
    """A station with ten deputies the rows name; copied fresh for every timed import."""
    from desktop.domain.enums import SiteRole
    from desktop.domain.records import DeputyDraft, SiteDraft
    from desktop.services import open_services

    path = folder / "base.sqlite"
    services = open_services(path, today=lambda: TODAY)
    try:
        services.site.initialise(
            SiteDraft(SiteRole.STATION, "S01", "城关镇城北社区代表联络站", "城关镇")
        )
        station = services.site.current().station_id
        names = [f"{SURNAMES[i]}{GIVEN[i]}{GIVEN[i + 7]}" for i in range(10)]
        for name in names:
            services.deputies.create(DeputyDraft(name, station_ids=(station,)))
    finally:
        services.close()
    return path, names


def _workbook(path: Path, rows: int, deputies: list[str]) -> None:
    from desktop.domain.tables import SheetData
    from desktop.formats.xlsx_write import write_workbook
    from desktop.services.sheet_columns import importable

    rng = random.Random(SEED)
    columns = importable("feedback")
    keys = [c.key for c in columns]
    data = []
    for i in range(rows):
        values = {
            "received_date": TODAY - dt.timedelta(days=rng.randrange(360)),
            "channel": "来站反映",
            "anonymous": "否",
            "person_name": rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN),
            "phone": f"13{rng.randrange(10**9):09d}",
            "village": rng.choice(VILLAGES),
            "content": f"{rng.choice(TOPICS)}，第{i}号，{rng.choice(TOPICS)}，请尽快解决。",
            "deputies": rng.choice(deputies),
        }
        data.append(tuple(values.get(k) for k in keys))
    write_workbook(path, [SheetData("意见建议登记", columns, data)])


def _bare_read(path: Path) -> int:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True)
    n = sum(1 for _ in book.worksheets[0].iter_rows(values_only=True))
    book.close()
    return n


def _chinese_labels():
    """The labels the program reads workbooks with: its shipped Chinese translation."""
    from PySide6.QtCore import QCoreApplication

    from desktop.ui.i18n import install_translators, label

    install_translators(QCoreApplication.instance() or QCoreApplication([]), "zh_CN")
    return label


def _import(base: Path, folder: Path, workbook: Path, run: int) -> tuple[float, int]:
    from desktop.services import open_services

    path = folder / f"run{run}.sqlite"
    shutil.copy(base, path)
    services = open_services(path, today=lambda: TODAY)
    try:
        started = time.perf_counter_ns()
        plan = services.imports.plan("feedback", workbook, _chinese_labels())
        counts = services.imports.apply(plan)
        elapsed = time.perf_counter_ns() - started
    finally:
        services.close()
    return elapsed / 1e6, counts["new"]


def measure(quick: bool, runs: int | None = None) -> ImportResult:
    rows = QUICK_ROWS if quick else ROWS
    runs = runs or (QUICK_RUNS if quick else RUNS)
    with tempfile.TemporaryDirectory(prefix="liaison-desk-import-") as tmp:
        folder = Path(tmp)
        base, deputies = _base_database(folder)
        workbook = folder / "feedback.xlsx"
        _workbook(workbook, rows, deputies)
        _bare_read(workbook)  # warm the imports of both sides
        _import(base, folder, workbook, -1)
        bare, ours, written = [], [], 0
        for run in range(runs):
            started = time.perf_counter_ns()
            read = _bare_read(workbook)
            bare.append((time.perf_counter_ns() - started) / 1e6)
            ms, written = _import(base, folder, workbook, run)
            if written != rows:
                raise RuntimeError(f"the import wrote {written} of {rows} rows")
            ours.append(ms)
    figure = Figure(
        f"import {rows:,} feedback rows",
        statistics.median(ours),
        statistics.median(bare),
        max_ratio=TARGET_RATIO,
    )
    notes = [
        f"import: {written:,} cases written per run (baseline read {read - 1:,} rows + header); "
        "the import reads, checks every row, plans and writes in one transaction"
    ]
    return ImportResult([figure], notes)
