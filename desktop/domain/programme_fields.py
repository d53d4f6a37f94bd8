"""The shape of a programme record kind's spec: its fields, as the form, the table, the ledger, the
workbook and the import all see them.

A field's ``label`` is the English source a screen translates (context "Programme"); its
``header`` is the Chinese word of the county's own workbooks and ledgers, whatever language the
menus are in. Keys are the table's column names, or for ``REFS`` the deputies (or stations)
kept in a link table. Keys starting ``out_`` are the program's own figures: shown and
printed, never typed or imported.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktop.domain.enums import LabelledEnum
from desktop.domain.tables import CellKind
from desktop.domain.tr import QT_TRANSLATE_NOOP


class FieldType(StrEnum):
    TEXT = "text"
    LONG_TEXT = "long_text"
    PHONE = "phone"
    DATE = "date"
    YEAR = "year"
    INT = "int"
    PERCENT = "percent"
    MONEY = "money"  # integer fen; yuan with two decimals on screen and paper
    BOOL = "bool"
    CHOICE = "choice"  # a LabelledEnum's value
    REF = "ref"  # one record's id: ``target`` says which kind
    REFS = "refs"  # several deputies or stations, kept in the ``link`` table
    FIGURE = "figure"  # a number the program computes (keys "out_...")
    FIGURE_TEXT = "figure_text"  # a figure in words (a vote's result)


# What a REF or REFS field points to (the service resolves names for each).
STATION, DEPUTY, CASE, SUGGESTION = "station", "deputy", "case", "suggestion"
PROJECT, FUND_PROJECT, DRAFT, CONTACT, OFFICER = (
    "project",
    "fund_project",
    "draft",
    "contact",
    "officer",
)


@dataclass(frozen=True, slots=True)
class Field:
    key: str
    label: str
    header: str
    type: FieldType = FieldType.TEXT
    required: bool = False
    choices: type[LabelledEnum] | None = None
    target: str = ""
    link: str = ""  # REFS: the link table
    link_value: tuple[str, str] | None = None  # REFS: a column the link holds, and its value
    width: float = 8
    listed: bool = True  # a column of the tab's table
    max_length: int = 200
    synonyms: tuple[str, ...] = ()
    note: str = ""  # for a template's instructions sheet

    @property
    def cell_kind(self) -> CellKind:
        return _CELL_KINDS.get(self.type, CellKind.TEXT)

    @property
    def editable(self) -> bool:
        return self.type not in (FieldType.FIGURE, FieldType.FIGURE_TEXT)


_CELL_KINDS = {
    FieldType.LONG_TEXT: CellKind.LONG_TEXT,
    FieldType.PHONE: CellKind.IDENTIFIER,
    FieldType.DATE: CellKind.DATE,
    FieldType.YEAR: CellKind.INTEGER,
    FieldType.INT: CellKind.INTEGER,
    FieldType.PERCENT: CellKind.INTEGER,
    FieldType.MONEY: CellKind.MONEY,
    FieldType.FIGURE: CellKind.INTEGER,
}


@dataclass(frozen=True, slots=True)
class KindSpec:
    kind: str  # the command line's word, and the key of SPECS
    table: str
    label: str  # English source (context "Programme"): a tab's or dialog's name
    title: str  # the ledger's Chinese title
    fields: tuple[Field, ...]
    year_key: str = ""  # the YEAR or DATE field that puts a record in a year ("" : none)
    county_only: bool = False  # only the county office creates and changes them
    parent: str = ""  # child kinds: the REF field naming the record they belong to
    past_dates: tuple[str, ...] = ()  # DATE fields that cannot lie in the future
    sort: tuple[str, ...] = ()  # list order (newest first on the first key)

    def field(self, key: str) -> Field:
        return next(f for f in self.fields if f.key == key)

    @property
    def editable(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.editable)


# Fields several kinds share.
YEAR_FIELD = Field(
    "year", QT_TRANSLATE_NOOP("Programme", "Year"), "年度", FieldType.YEAR, True, width=5
)
STATION_FIELD = Field(
    "station_id",
    QT_TRANSLATE_NOOP("Programme", "Station"),
    "联络站",
    FieldType.REF,
    target=STATION,
    width=12,
    synonyms=("站点", "联络站名称"),
    note="空白时为本站或全县",
)
SUMMARY_FIELD = Field(
    "summary",
    QT_TRANSLATE_NOOP("Programme", "Notes"),
    "情况说明",
    FieldType.LONG_TEXT,
    width=24,
    listed=False,
    max_length=5000,
    synonyms=("备注", "主要内容"),
)
NAMES_NOTE = "多名代表用“、”分隔，须与代表名册中的姓名一致"
