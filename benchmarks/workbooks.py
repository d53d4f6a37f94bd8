"""Workbook export and read: ``write_workbook`` against a bare openpyxl write-only loop over the
same values, and ``read_table`` against openpyxl's read-only ``iter_rows`` over the same file."""

from __future__ import annotations

import datetime as dt
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.report import Figure
from benchmarks.vocabulary import SURNAMES, TOWNSHIPS

SEED = 20260705
EXPORT_ROWS, QUICK_EXPORT_ROWS = 100_000, 5_000
READ_ROWS, QUICK_READ_ROWS = 10_000, 1_000
RUNS, QUICK_RUNS = 3, 1
EXPORT_TARGET = 1.3
PHRASES = (
    "村里的路灯坏了很久没有人修，晚上出行很不方便",
    "希望尽快硬化通往村小学的道路，雨天泥泞难行",
    "农田灌溉水渠年久失修，渗漏严重，影响春耕",
    "建议增加农村公交班次，方便老人就医",
    "垃圾收运不及时，夏天气味很大，群众意见较多",
    '=HYPERLINK("http://example.invalid")',  # a clerk's paste that must stay text
)


@dataclass(frozen=True)
class WorkbooksResult:
    figures: list[Figure]
    notes: list[str]


def _columns() -> tuple:
    from desktop.domain.tables import CellKind, Column

    return (
        Column("case_number", "编号", CellKind.IDENTIFIER, 11),
        Column("received_date", "受理日期", CellKind.DATE, 8),
        Column("station", "联络站", CellKind.TEXT, 12),
        Column("person_name", "反映人", CellKind.TEXT, 6),
        Column("phone", "联系电话", CellKind.IDENTIFIER, 11),
        Column("id_number", "身份证号", CellKind.IDENTIFIER, 16),
        Column("village", "所在村（社区）", CellKind.TEXT, 9),
        Column("content", "反映内容", CellKind.LONG_TEXT, 36, required=True),
        Column("people", "反映人数", CellKind.INTEGER, 6),
        Column("reply", "答复内容", CellKind.LONG_TEXT, 24),
    )


def feedback_rows(n: int, seed: int = SEED) -> list[tuple]:
    """Rows like the feedback register's: dates, identifiers, long Chinese text, integers."""
    rng = random.Random(seed)
    start = dt.date(2025, 1, 1)
    rows = []
    for i in range(n):
        content = "；".join(rng.choice(PHRASES) for _ in range(rng.randint(1, 4))) + "。"
        reply = "" if rng.random() < 0.4 else "已转交镇政府办理，" + rng.choice(PHRASES) + "。"
        rows.append(
            (
                f"2025-{i + 1:06}",
                start + dt.timedelta(days=i % 365),
                f"{rng.choice(TOWNSHIPS)}联络站",
                rng.choice(SURNAMES) + "某某",
                f"1{rng.choice('3578')}{rng.randrange(10**9):09}",
                f"4405241980{rng.randrange(10**7):07}{rng.choice('0123456789X')}",
                f"第{rng.randint(1, 30)}村",
                content,
                rng.randint(1, 20),
                reply or None,
            )
        )
    return rows


def _bare_write(target: Path, headers: list[str], rows: list[tuple]) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("意见建议")
    ws.append(headers)
    for row in rows:
        ws.append(row)
    wb.save(target)


def _bare_read(path: Path) -> int:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    try:
        return sum(1 for _ in wb.worksheets[0].iter_rows(values_only=True))
    finally:
        wb.close()


def _median_ms(fn: Callable[[], object], runs: int) -> float:
    samples = []
    for _ in range(runs):
        started = time.perf_counter_ns()
        fn()
        samples.append(time.perf_counter_ns() - started)
    return statistics.median(samples) / 1e6


def measure(quick: bool, runs: int | None = None) -> WorkbooksResult:
    from desktop.domain.tables import SheetData
    from desktop.formats.xlsx_read import read_table
    from desktop.formats.xlsx_write import write_workbook

    runs = runs or (QUICK_RUNS if quick else RUNS)
    n_export = QUICK_EXPORT_ROWS if quick else EXPORT_ROWS
    n_read = QUICK_READ_ROWS if quick else READ_ROWS
    columns = _columns()
    headers = [c.header for c in columns]
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="liaison-desk-xlsx-") as tmp:
        folder = Path(tmp)
        rows = feedback_rows(max(n_export, n_read))
        export = SheetData("意见建议登记", columns, rows[:n_export], caption="红旗镇 2025年")
        ours, bare = folder / "ours.xlsx", folder / "bare.xlsx"
        write_workbook(ours, [export])  # warm-up: imports, style tables
        _bare_write(bare, headers, export.rows)
        export_ms = _median_ms(lambda: write_workbook(ours, [export]), runs)
        bare_ms = _median_ms(lambda: _bare_write(bare, headers, export.rows), runs)
        sizes = f"{ours.stat().st_size / 2**20:.1f} MB (bare {bare.stat().st_size / 2**20:.1f} MB)"
        notes.append(f"export: {n_export:,} rows x {len(columns)} columns, {sizes}; runs {runs}")

        source = folder / "read.xlsx"
        write_workbook(source, [SheetData("意见建议登记", columns, rows[:n_read])])
        table = read_table(source, columns)
        problems = sum(len(r.problems) for r in table.rows)
        if len(table.rows) != n_read or problems:
            notes.append(f"WARNING: read {len(table.rows):,} rows, {problems:,} problems")
        read_ms = _median_ms(lambda: read_table(source, columns), runs)
        bare_read_ms = _median_ms(lambda: _bare_read(source), runs)
        notes.append(f"read: {n_read:,} rows x {len(columns)} columns, typed and checked")
    figures = [
        Figure(f"export {n_export:,} rows", export_ms, bare_ms, max_ratio=EXPORT_TARGET),
        Figure(f"read {n_read:,} rows", read_ms, bare_read_ms),
    ]
    return WorkbooksResult(figures, notes)
