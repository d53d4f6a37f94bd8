"""Empty import templates: the column spec's headers, a hidden kind marker, instructions."""

from __future__ import annotations

from pathlib import Path

from desktop.domain.kinds import PROGRAMME_KINDS
from desktop.domain.tables import SheetData
from desktop.services import programme_columns
from desktop.services.sheet_columns import (
    RECORD_ID,
    TEMPLATE_VERSION,
    TITLES,
    importable,
    template_lines,
)


def template_sheet(kind: str) -> SheetData:
    """The columns a clerk fills in for new records (not the 系统编号 of existing ones)."""
    if kind in PROGRAMME_KINDS:
        return SheetData(programme_columns.TITLES[kind], programme_columns.columns(kind), [])
    columns = tuple(c for c in importable(kind) if c is not RECORD_ID)
    return SheetData(TITLES[kind], columns, [])


def write_template(kind: str, target: Path) -> None:
    """The writer marks required headers with * and lists every column's rule on the
    instructions sheet; the reader ignores the * when matching headers."""
    from desktop.formats.xlsx_write import write_workbook  # openpyxl loads on demand

    if kind in PROGRAMME_KINDS:
        version, lines = programme_columns.TEMPLATE_VERSION, programme_columns.template_lines(kind)
    else:
        version, lines = TEMPLATE_VERSION, template_lines(kind)
    write_workbook(target, [template_sheet(kind)], template=(kind, version), instructions=lines)
