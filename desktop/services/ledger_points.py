"""The annual points register (年度履职积分登记表) and the sign-in sheet (签到表) as ledger data."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from desktop.domain.points import format_points
from desktop.domain.records import DeputyRow
from desktop.domain.tables import Align, CellKind, Column, Section, SheetData
from desktop.services.register_sheets import sort_people
from desktop.services.sheet_columns import COUNTY_LEVEL, TOWNSHIP_LEVEL

QUARTERS = ("第一季度", "第二季度", "第三季度", "第四季度")
SIGN_IN_BLANK_ROWS = 6  # for deputies who come without being on the rota
SIGN_IN_ROW_HEIGHT = 30  # points: room for a handwritten signature

_SUMMARY = (
    Column("name", "姓名", CellKind.TEXT, 6, align=Align.CENTRE),
    Column("level", "代表层级", CellKind.TEXT, 6),
    Column("township", "所属乡镇", CellKind.TEXT, 10),
    *(Column(f"q{i + 1}", q, CellKind.DECIMAL, 6) for i, q in enumerate(QUARTERS)),
    Column("total", "全年积分", CellKind.DECIMAL, 6),
    Column("items", "得分项目数", CellKind.INTEGER, 6),
    Column("rank", "排名", CellKind.INTEGER, 4),
)
_DETAIL = (
    Column("item", "积分项目", CellKind.TEXT, 22, align=Align.LEFT),
    Column("rule", "计分标准", CellKind.TEXT, 12),
    Column("count", "次数（数量）", CellKind.INTEGER, 7),
    Column("points", "得分", CellKind.DECIMAL, 6),
    Column("adjustment", "核定调整", CellKind.DECIMAL, 6),
    Column("subtotal", "小计", CellKind.DECIMAL, 6),
    Column("note", "备注", CellKind.TEXT, 10),
)
_SIGN_IN = (
    Column("name", "姓名", CellKind.TEXT, 8),
    Column("level", "代表层级", CellKind.TEXT, 8),
    Column("time", "签到时间", CellKind.TEXT, 8),
    Column("signature", "本人签名", CellKind.TEXT, 12),
    Column("note", "备注", CellKind.TEXT, 10),
)


def level_text(county_level: bool) -> str:
    return COUNTY_LEVEL if county_level else TOWNSHIP_LEVEL


def points_text(value: Decimal) -> str:
    return format_points(value)  # exact: 0.25 stays 0.25, as the rules give it


def _ranked(services: Any, year: int, ids: list[uuid.UUID] | None, order: str) -> list[Any]:
    ranked = services.points.registers(year, ids)
    if order == "rank":
        return ranked  # already by rank, then name
    return sort_people(ranked, order, lambda r: r.name)


def _levels(services: Any) -> dict[str, bool]:
    return {d.id.hex: d.is_county_level for d in services.deputies.list()}


def _rule_text(line: Any) -> str:
    item = line.item
    text = f"{points_text(item.points)} 分/{'单位' if item.per_unit else '次'}"
    if item.cap is not None:
        text += f"，上限 {points_text(item.cap)}"
    return text


def _detail_rows(register: Any) -> list[tuple[str, ...]]:
    return [
        (
            line.item.name,
            _rule_text(line),
            str(line.units),
            points_text(line.points),
            points_text(line.adjustment) if line.adjustment else "",
            points_text(line.subtotal),
            "已达上限" if line.capped else "",
        )
        for line in register.lines
    ]


def points_sections(
    services: Any, year: int, ids: list[uuid.UUID] | None, order: str
) -> tuple[Section, ...]:
    """A summary of every deputy first, then one page per deputy with every rule item."""
    ranked = _ranked(services, year, ids, order)
    levels = _levels(services)
    summary_rows = []
    for r in ranked:
        reg = r.register
        summary_rows.append(
            (
                r.name,
                level_text(levels.get(reg.deputy_id, False)),
                r.township,
                *(points_text(q) for q in reg.quarters),
                points_text(reg.total),
                str(reg.earning_items),
                str(r.rank),
            )
        )
    sections = [
        Section(_SUMMARY, summary_rows, heading="汇总表", notes=(f"共 {len(ranked)} 名代表。",))
    ]
    for r in ranked:
        reg = r.register
        heading = (
            f"代表姓名：{r.name}　　代表层级：{level_text(levels.get(reg.deputy_id, False))}"
            f"　　所属乡镇：{r.township or '—'}"
        )
        quarters = "　".join(
            f"{q} {points_text(v)} 分" for q, v in zip(QUARTERS, reg.quarters, strict=True)
        )
        totals = ("", "", "", "", "", points_text(reg.total), "")  # 合计 is printed by the renderer
        sections.append(
            Section(
                _DETAIL,
                _detail_rows(reg),
                heading=heading,
                new_page=True,
                totals=totals,
                notes=(f"季度亮分：{quarters}", "代表本人确认（签名）：＿＿＿＿＿＿＿＿"),
            )
        )
    return tuple(sections)


def points_sheets(
    services: Any,
    year: int,
    ids: list[uuid.UUID] | None,
    order: str,
    caption: str,
) -> list[SheetData]:
    """The same register as two worksheets: the summary, and one row per deputy and item."""
    ranked = _ranked(services, year, ids, order)
    levels = _levels(services)
    summary, detail = [], []
    for r in ranked:
        reg = r.register
        level = level_text(levels.get(reg.deputy_id, False))
        summary.append(
            (
                r.name,
                level,
                r.township,
                *map(float, reg.quarters),
                float(reg.total),
                reg.earning_items,
                r.rank,
            )
        )
        for line in reg.lines:
            detail.append(
                (
                    r.name,
                    line.item.name,
                    line.units,
                    *map(float, (line.points, line.adjustment, line.subtotal)),
                )
            )
    detail_columns = (
        Column("name", "姓名", CellKind.TEXT, 8),
        Column("item", "积分项目", CellKind.TEXT, 24),
        Column("count", "次数（数量）", CellKind.INTEGER, 8),
        Column("points", "得分", CellKind.DECIMAL, 8),
        Column("adjustment", "核定调整", CellKind.DECIMAL, 8),
        Column("subtotal", "小计", CellKind.DECIMAL, 8),
    )
    return [
        SheetData("积分汇总", _SUMMARY, summary, caption),
        SheetData("积分明细", detail_columns, detail, caption),
    ]


def sign_in_section(on_duty: Sequence[DeputyRow], order: str) -> Section:
    people = sort_people(on_duty, order, lambda d: d.name)
    rows = [(d.name, level_text(d.is_county_level), "", "", "") for d in people]
    rows += [("", "", "", "", "")] * SIGN_IN_BLANK_ROWS
    return Section(
        _SIGN_IN,
        rows,
        min_row_height=SIGN_IN_ROW_HEIGHT,
        notes=("未列入排班、临时进站的代表请在空白行签到。",),
    )
