"""The programmes' ledgers (projects, the special fund, drafts, training, legal-service events)
as data: typed tables first, then strings on paper (``Section``) or cells in a workbook
(``SheetData``), from the same tables.

Headers are the specs' Chinese ``Field.header``; choices print as the county's own words
(programme_columns.WORDS); money prints as yuan with two decimals and is a 0.00 number of yuan
in a workbook. Each table closes with a 合计 row where something adds up.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from desktop.domain.money import yuan
from desktop.domain.programme_fields import FieldType
from desktop.domain.programme_specs import SPECS
from desktop.domain.tables import Cell, CellKind, Column, Section, SheetData
from desktop.services.programme_columns import paper_word
from desktop.services.sheet_columns import NO, YES

TOTALS = "合计"
# On paper, in characters of 小五 type (A4 landscape holds about 90; see ledgers.PAPER_WIDTHS):
# dates and amounts sized not to wrap, names of stations on two lines at most.
PAPER_WIDTHS = {
    "day": 7, "received_on": 7, "deadline": 7, "applied_on": 7, "accepted_on": 7,
    "requested_fen": 7.5, "approved_fen": 7.5, "spent_fen": 7.5, "budget_fen": 8.5,
    "station_id": 10, "case_id": 9, "officer_id": 7, "satisfaction": 5,
    "out_supervisions": 4.5,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Table:
    """One table of a programme ledger: typed rows, and the sums of its 合计 row."""

    name: str  # the workbook sheet's name; the heading on paper when ``heading``
    columns: tuple[Column, ...]
    rows: list[tuple[Cell, ...]]
    totals: tuple[Cell, ...] | None = None
    notes: tuple[str, ...] = ()
    heading: bool = False


def paper_text(value: Cell, kind: CellKind) -> str:
    if value is None:
        return ""
    if kind == CellKind.MONEY and isinstance(value, int):
        return yuan(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def paper_section(table: Table) -> Section:
    kinds = [c.kind for c in table.columns]
    rows = [tuple(paper_text(v, k) for v, k in zip(r, kinds, strict=True)) for r in table.rows]
    totals = None
    if table.totals is not None:
        totals = tuple(paper_text(v, k) for v, k in zip(table.totals, kinds, strict=True))
    heading = table.name if table.heading else ""
    return Section(table.columns, rows, heading=heading, totals=totals, notes=table.notes)


def paper_sheet(table: Table, caption: str) -> SheetData:
    rows: list[Sequence[Cell]] = list(table.rows)
    if table.totals is not None:
        rows.append((TOTALS, *table.totals[1:]))
    return SheetData(table.name, table.columns, rows, caption)


def _column(kind: str, key: str, width: float | None = None, header: str = "") -> Column:
    f = SPECS[kind].field(key)
    cell = CellKind.INTEGER if f.type is FieldType.FIGURE else f.cell_kind
    if f.type in (FieldType.REF, FieldType.REFS, FieldType.CHOICE, FieldType.BOOL):
        cell = CellKind.TEXT
    return Column(key, header or f.header, cell, width or PAPER_WIDTHS.get(key, f.width))


def _cell(kind: str, key: str, row: Any) -> Cell:
    """A record's value as a ledger prints it: names for references, words for choices."""
    f = SPECS[kind].field(key)
    value = row.values.get(key)
    if f.type in (FieldType.REF, FieldType.REFS):
        return row.names.get(key, "")
    if f.type is FieldType.CHOICE and f.choices is not None:
        return paper_word(f.choices, value or "")
    if f.type is FieldType.BOOL:
        return YES if value else NO
    return value


def _table(kind: str, keys: Sequence[str], records: list[Any], name: str, **more: Any) -> Table:
    columns = tuple(_column(kind, k) for k in keys)
    rows = [tuple(_cell(kind, k, r) for k in keys) for r in records]
    return Table(name, columns, rows, **more)


def _sums(table: Table, keys: Sequence[str]) -> tuple[Cell, ...]:
    """The 合计 row: the sum of each of ``keys``' columns, blank elsewhere."""
    out: list[Cell] = []
    for i, c in enumerate(table.columns):
        out.append(sum(int(r[i] or 0) for r in table.rows) if c.key in keys else None)
    return tuple(out)


def _with_totals(table: Table, keys: Sequence[str], notes: tuple[str, ...] = ()) -> Table:
    return replace(table, totals=_sums(table, keys), notes=notes)


class ProgrammeLedgers:
    """A programme kind's tables for a year (or a month of it), one station's or every one's."""

    def __init__(self, services: Any) -> None:
        self._s = services

    def tables(
        self, kind: str, year: int, month: int | None, station: uuid.UUID | None, county: bool
    ) -> list[Table]:
        """``station``: that station's records only; ``county``: every station's, with a
        联络站 column."""
        return getattr(self, "_" + kind.replace("-", "_"))(year, month, station, county)

    def _rows(self, kind: str, year: int, month: int | None, station: uuid.UUID | None,
              with_county_wide: bool = False) -> list[Any]:  # fmt: skip
        """The year's records, oldest first (the list's order is newest first)."""
        spec = SPECS[kind]
        rows = self._s.programmes.rows(kind, year=year)
        if station is not None and any(f.key == "station_id" for f in spec.fields):
            wanted = {station, None} if with_county_wide else {station}
            rows = [r for r in rows if r.values.get("station_id") in wanted]
        if month is not None and spec.year_key:
            rows = [r for r in rows if r.values[spec.year_key].month == month]
        return list(reversed(rows)) if spec.field(spec.sort[0]).type is FieldType.DATE else rows

    @staticmethod
    def _keys(keys: tuple[str, ...], county: bool) -> tuple[str, ...]:
        return keys if county else tuple(k for k in keys if k != "station_id")

    def _projects(self, year: int, month: int | None, station: Any, county: bool) -> list[Table]:
        projects = sorted(self._rows("projects", year, None, None), key=lambda r: r["title"])
        keys = ("title", "proposer", "department", "budget_fen", "stage", "out_selection",
                "out_progress", "out_satisfaction", "supervisor_ids")  # fmt: skip
        main = _table("projects", keys, projects, "民生实事项目")
        budget = sum(r["budget_fen"] for r in projects)
        note = (
            f"共 {len(projects)} 个项目，预算合计 {yuan(budget)} 元。票决结果为赞成/反对/弃权票数。"
        )
        main = _with_totals(main, ("budget_fen",), (note,))
        order = {r.id: i for i, r in enumerate(projects)}
        steps = [
            m for m in self._s.programmes.rows("project-milestones") if m["project_id"] in order
        ]
        steps.sort(key=lambda m: (order[m["project_id"]], m["day"]))
        progress = _table("project-milestones", ("project_id", "day", "percent", "note"), steps,
                          "项目实施进度", heading=True)  # fmt: skip
        widths = {"project_id": 16, "day": 7, "percent": 6, "note": 40}
        columns = tuple(replace(c, width=widths[c.key]) for c in progress.columns)
        return [main, replace(progress, columns=columns)]

    def _fund_projects(self, year: int, month: int | None, station: Any, county: bool):
        records = self._rows("fund-projects", year, None, station)
        records.sort(key=lambda r: (r.values["applied_on"] or dt.date.max, r["title"]))
        keys = self._keys(("title", "station_id", "case_id", "department", "stage",
                           "requested_fen", "approved_fen", "spent_fen", "applied_on",
                           "accepted_on", "satisfaction", "out_supervisions"), county)  # fmt: skip
        table = _table("fund-projects", keys, records, "专项资金项目")
        programmes = self._s.programmes
        limits, used = programmes.fund_limits(year), programmes.fund_used(year)
        note = (f"{year}年度专项资金总额 {yuan(limits.total_fen)} 元，已安排 {yuan(used)} 元，"
                f"剩余 {yuan(max(0, limits.total_fen - used))} 元；单个项目最高 "
                f"{yuan(limits.cap_fen)} 元。")  # fmt: skip
        money = ("requested_fen", "approved_fen", "spent_fen")
        return [_with_totals(table, money, (f"共 {len(records)} 个项目。", note))]

    def _drafts(self, year: int, month: int | None, station: Any, county: bool) -> list[Table]:
        drafts = self._rows("drafts", year, month, None)
        comments: dict[uuid.UUID, list[Any]] = {d.id: [] for d in drafts}
        for c in self._s.programmes.rows("draft-comments"):
            if c["draft_id"] in comments and (station is None or c["station_id"] == station):
                comments[c["draft_id"]].append(c)
        keys = ("title", "issuing_body", "received_on", "deadline", "out_comments",
                "out_reported", "out_adopted")  # fmt: skip
        table = _table("drafts", keys, drafts, "法律法规草案")
        counted = []  # the counts of the comments listed (one station's, when a station prints)
        for row, d in zip(table.rows, drafts, strict=True):
            listed = comments[d.id]
            counts = (len(listed), sum(c["reported"] for c in listed),
                      sum(c["adopted"] for c in listed))  # fmt: skip
            counted.append((*row[:4], *counts))
        table = _with_totals(replace(table, rows=counted), keys[4:])
        out = [replace(table, notes=(f"共 {len(drafts)} 部草案。",))]
        ckeys = self._keys(("article", "content", "commenter", "station_id", "received_on",
                            "reported", "adopted"), county or station is None)  # fmt: skip
        for n, d in enumerate(drafts, 1):
            listed = sorted(
                comments[d.id], key=lambda c: (_article(c["article"]), c["received_on"])
            )
            if listed:
                name = f"{n}.《{d['title']}》意见建议"
                out.append(_table("draft-comments", ckeys, listed, name, heading=True))
        return out

    def _training(self, year: int, month: int | None, station: Any, county: bool):
        records = self._rows("training", year, month, station, with_county_wide=True)
        keys = self._keys(("day", "level", "topic", "hours", "organizer", "station_id",
                           "attendee_ids", "out_attendance"), county)  # fmt: skip
        table = _with_totals(_table("training", keys, records, "代表培训"),
                             ("hours", "out_attendance"))  # fmt: skip
        total = sum(r["out_attendance"] for r in records)
        return [replace(table, notes=(f"共 {len(records)} 期，参训 {total} 人次。",))]

    def _legal_events(self, year: int, month: int | None, station: Any, county: bool):
        records = self._rows("legal-events", year, month, station)
        keys = self._keys(("day", "station_id", "officer_id", "kind", "topic", "people",
                           "outcome", "summary"), county)  # fmt: skip
        table = _with_totals(_table("legal-events", keys, records, "三官进站活动"), ("people",))
        total = sum(r["people"] for r in records)
        return [replace(table, notes=(f"共 {len(records)} 场次，参加 {total} 人次。",))]


_DIGITS = dict(zip("零一二三四五六七八九", range(10), strict=True))


def _by_article(comment: Any) -> tuple:
    return _article(comment["article"]), comment["received_on"]


def _article(text: str) -> tuple[int, str]:
    """第十二条 before 第二十条: articles in their number's order, then the rest by text."""
    inner = text.strip().removeprefix("第").split("条")[0]
    if inner.isdigit():
        return int(inner), text
    number, unit = 0, 0
    for ch in inner:
        if ch in _DIGITS:
            unit = _DIGITS[ch]
        elif ch in "十百":
            number += (unit or 1) * (10 if ch == "十" else 100)
            unit = 0
        else:
            return 10**6, text
    number += unit
    return (number or 10**6), text
