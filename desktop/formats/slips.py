"""Referral slips (交办单) and reply slips (答复告知单) on paper: plain data in, PDF bytes out."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

from desktop.formats.fonts import (
    TextSetter,
    bold_line,
    drawn_line,
    paragraph_style,
    printable,
    register_font,
)

# --- The printed wording. Fixed Chinese form captions: paper for inspectors, kept in one place
# --- so that a later translation pass finds them all.
REFERRAL_TITLE = "交办单"
REPLY_TITLE = "答复告知单"
CASE_NUMBER = "编号："
PERSON = "反映人"
PHONE = "联系电话"
RECEIVED_ON = "受理日期"
CHANNEL = "反映渠道"
VILLAGE = "所在村（社区）"
CATEGORY = "问题类别"
DEPUTIES = "接待代表"
CONTENT = "反映内容"
DEPARTMENT = "承办单位"
CO_DEPARTMENTS = "协办单位"
REFERRED_ON = "交办日期"
DEADLINE = "办理时限"
DEADLINE_TEXT = "请于{date}前办结，并将办理情况书面答复本站"
DEADLINE_NOT_EXACT = "（节假日未录入，按双休日计算）"
NOTE = "备注"
NONE = "无"
REFERRING_UNIT = "交办单位（盖章）：{unit}"
RECEIVED_BY = "签收人"
RECEIPT_DATE = "签收日期"
REPLIED_ON = "答复日期"
REPLY_TEXT = "答复内容"
OUTCOME = "办理结果"
ISSUED_ON = "告知日期"
SATISFACTION = "满意度"
SATISFACTION_CHOICES = ("满意", "基本满意", "不满意")
SATISFACTION_HINT = "（请在相应方框内打“√”）"
PERSON_SIGNATURE = "反映人签名"
CLERK_SIGNATURE = "经办人签名"
SIGNED_ON = "日期"
DATE_BLANK = "　　　年　　月　　日"  # written in by hand
FLAGGED_NOTE = "注：{markers}处为本字体无法显示的字，请对照原件手写补正。"
PAGE_FOOTER = "第 {page} 页 共 {pages} 页"
DATE_FORMAT = "{year}年{month}月{day}日"
LIST_SEPARATOR = "、"

# Chinese type sizes: 二号 22 pt for titles, 四号 14 pt, 五号 10.5 pt for body text.
_TITLE_SIZE = 22
_UNIT_SIZE = 14
_BODY_SIZE = 10.5
_SMALL_SIZE = 9
_MARGIN_MM = 20
_LABEL_WIDTH_MM = 30
_CONTENT_MIN_HEIGHT_MM = 45
_SIGNATURE_MIN_HEIGHT_MM = 14
# A table row may break across pages only where at least this much of it stays together (points).
_MIN_ROW_PIECE = 40
_CELL_PADDING = 6
_FRAME_PADDING = 6  # reportlab's default
_THIN_RULE = 0.8
_THICK_RULE = 1.4


def format_date(day: dt.date) -> str:
    """A date as written on Chinese forms: 2025年3月5日 (no leading zeros)."""
    return DATE_FORMAT.format(year=day.year, month=day.month, day=day.day)


@dataclass(frozen=True)
class ReferralSlipData:
    unit_name: str
    case_number: str
    received_on: dt.date
    channel_label: str
    person_label: str  # already masked, or 匿名
    phone_masked: str  # never the full number: the slip goes to another office
    village: str
    category: str
    content: str
    deputies: Sequence[str]
    department: str
    co_departments: Sequence[str]
    referred_on: dt.date
    deadline: dt.date
    deadline_exact: bool  # False when next year's holidays are not entered yet
    note: str = ""

    def __post_init__(self) -> None:
        # Callers pass lists; frozen data holds tuples, so that it stays hashable and unchanged.
        object.__setattr__(self, "deputies", tuple(self.deputies))
        object.__setattr__(self, "co_departments", tuple(self.co_departments))


@dataclass(frozen=True)
class ReplySlipData:
    unit_name: str
    case_number: str
    person_label: str
    received_on: dt.date
    content: str  # what the person asked
    department: str
    replied_on: dt.date
    reply_text: str
    outcome_label: str
    issued_on: dt.date


@dataclass(frozen=True)
class RenderedPdf:
    pdf: bytes
    flagged_characters: frozenset[str]  # characters the font lacks, printed as markers
    pages: int
    rows: int = 0  # a ledger: the rows of its tables (as a workbook of it counts them)


@dataclass
class _Builder(TextSetter):
    """Collects the flowables of one slip in its styles, and the characters it had to flag."""

    styles: dict[str, Any] = field(default_factory=dict)

    def para(self, text: str, style: str = "body") -> Any:
        return self.paragraph(text, self.styles[style])


def _styles() -> dict[str, Any]:
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT

    return {
        "unit": paragraph_style("unit", _UNIT_SIZE, alignment=TA_CENTER, spaceAfter=4),
        "title": paragraph_style("title", _TITLE_SIZE, alignment=TA_CENTER, spaceAfter=10),
        "number": paragraph_style("number", _BODY_SIZE, alignment=TA_RIGHT, spaceAfter=4),
        "label": paragraph_style("label", _BODY_SIZE, alignment=TA_CENTER),
        "body": paragraph_style("body", _BODY_SIZE),
        "right": paragraph_style(
            "right", _BODY_SIZE, alignment=TA_RIGHT, spaceBefore=14, spaceAfter=14
        ),
        "small": paragraph_style("small", _SMALL_SIZE, spaceBefore=6),
    }


def _form_table(
    b: _Builder,
    rows: list[list[Any]],
    content_rows: Sequence[int] = (),
    signature_rows: Sequence[int] = (),
) -> list[Any]:
    """A bordered label/value grid: rows [label, value] or [label, value, label, value].

    Values are text or a flowable. Content rows are tall even for a short text, signature rows
    leave room for a hand, and a long text breaks across pages (3,000 characters do not fit on
    one). reportlab loses a spanned cell when it breaks a row, so instead of spanning, each run
    of two- or four-column rows is its own table, stacked flush so that they read as one.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm

    label = _LABEL_WIDTH_MM * mm
    # The page frame keeps 6 pt of padding inside the margins; a table wider than the frame
    # cannot be broken across pages.
    value = (A4[0] - 2 * _MARGIN_MM * mm - 2 * _FRAME_PADDING - 2 * label) / 2
    page_body = A4[1] - 2 * _MARGIN_MM * mm - 2 * _FRAME_PADDING
    heights = {**dict.fromkeys(content_rows, _CONTENT_MIN_HEIGHT_MM * mm),
               **dict.fromkeys(signature_rows, _SIGNATURE_MIN_HEIGHT_MM * mm)}  # fmt: skip
    runs = [[r for r, _ in run] for _, run in groupby(enumerate(rows), key=lambda rr: len(rr[1]))]
    tables = []
    for n, run in enumerate(runs):
        four = len(rows[run[0]]) == 4
        widths = [label, value, label, value] if four else [label, 2 * value + label]
        data, top_rows, label_top_rows = [], [], []
        for i, r in enumerate(run):
            styles = ("label", "body") * 2
            cells = [
                b.para(v, st) if isinstance(v, str) else v
                for v, st in zip(rows[r], styles, strict=False)
            ]
            if r in content_rows:
                top_rows.append(i)
                # reportlab cannot break a row whose label is centred vertically; only a text
                # longer than a page needs breaking, so only then does its label go to the top.
                _, height = cells[1].wrap(widths[1] - 2 * _CELL_PADDING, A4[1])
                if height > page_body - 60:
                    label_top_rows.append(i)
            data.append(cells)
        style = _table_style(b, len(widths), n == 0, n == len(runs) - 1, top_rows, label_top_rows)
        table = _form_table_class()(
            data, colWidths=widths, style=style, minRowHeights=[heights.get(r, 0) for r in run],
            splitByRow=0, splitInRow=_MIN_ROW_PIECE,
        )  # fmt: skip
        tables.append(table)
    return tables


@functools.cache
def _form_table_class() -> type:
    from reportlab.lib import colors
    from reportlab.platypus import Table

    class FormTable(Table):
        """A table ruled off on both sides of a page break, also where the break cuts a row."""

        def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803
            parts = super().split(availWidth, availHeight)
            if len(parts) == 2:
                parts[0].setStyle([("LINEBELOW", (0, -1), (-1, -1), _THIN_RULE, colors.black)])
                parts[1].setStyle([("LINEABOVE", (0, 0), (-1, 0), _THIN_RULE, colors.black)])
            return parts

        def _splitCell(self, value: Any, style: Any, old: float, new: float, width: float) -> Any:
            # reportlab 5.1 fills the top half of a cut cell down to its very edge, ignoring the
            # bottom padding, so the last line would sit on the rule.
            return super()._splitCell(value, style, old, new - style.bottomPadding, width)

    return FormTable


def _table_style(
    b: _Builder, columns: int, first: bool, last: bool, top_rows: list[int], label_top: list[int]
) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import TableStyle

    grey, thin, thick = colors.Color(0.93, 0.93, 0.93), _THIN_RULE, _THICK_RULE
    commands: list[tuple[Any, ...]] = [
        # Cells' own font: the table sets it even for empty cells, and Helvetica is not embedded.
        ("FONTNAME", (0, 0), (-1, -1), b.styles["body"].fontName),
        ("GRID", (0, 0), (-1, -1), thin, colors.black),
        ("LINEBEFORE", (0, 0), (0, -1), thick, colors.black),
        ("LINEAFTER", (-1, 0), (-1, -1), thick, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), _CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), _CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]
    for c in range(0, columns, 2):
        commands += [
            ("BACKGROUND", (c, 0), (c, -1), grey),
            # Narrower padding beside labels: seven characters (所在村（社区）) fit on one line.
            ("LEFTPADDING", (c, 0), (c, -1), 3),
            ("RIGHTPADDING", (c, 0), (c, -1), 3),
        ]
    if first:
        commands.append(("LINEABOVE", (0, 0), (-1, 0), thick, colors.black))
    if last:
        commands.append(("LINEBELOW", (0, -1), (-1, -1), thick, colors.black))
    commands += [("VALIGN", (1, r), (1, r), "TOP") for r in top_rows]
    commands += [("VALIGN", (0, r), (0, r), "TOP") for r in label_top]
    return TableStyle(commands)


def _tick_boxes(b: _Builder, choices: Sequence[str], hint: str) -> Any:
    """Choices each followed by an empty square to tick, drawn (the font's □ is small and high)."""
    style = b.styles["body"]
    font, size = style.fontName, style.fontSize
    labels, hint = [b.clean(choice) for choice in choices], b.clean(hint)

    def draw(c: Any, width: float) -> None:
        c.setFont(font, size)
        c.setLineWidth(_THIN_RULE)
        baseline, box, x = (style.leading - size) / 2 + size * 0.12, size * 1.1, 0.0
        for label in labels:
            c.drawString(x, baseline, label)
            x += c.stringWidth(label, font, size) + size * 0.4
            c.rect(x, baseline - size * 0.12, box, box)
            x += box + size * 2.5
        c.drawString(x, baseline, hint)

    return drawn_line(style.leading, draw)


def _footer_canvas(font: str, footer_left: str, page_count: list[int]) -> Callable[..., Any]:
    """A canvas class that writes 第 X 页 共 Y 页 once the number of pages is known."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    class FooterCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            page_count.append(len(self._pages))
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self.setFont(font, _SMALL_SIZE)
                y = _MARGIN_MM * mm / 2
                text = PAGE_FOOTER.format(page=number, pages=len(self._pages))
                self.drawCentredString(A4[0] / 2, y, text)
                self.drawString(_MARGIN_MM * mm, y, footer_left)
                super().showPage()
            super().save()

    return FooterCanvas


def _render(b: _Builder, body: list[Any], title: str, unit_name: str, number: str) -> RenderedPdf:
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    font = register_font()
    story = [
        b.para(unit_name, "unit"),
        bold_line(b, title, b.styles["title"]),
        b.para(CASE_NUMBER + number, "number"),
    ]
    story += body
    footer_left = b.clean(f"{title} {CASE_NUMBER}{number}")
    if b.flagged:
        markers = "".join(sorted({printable(ch)[0] for ch in b.flagged}))
        story.append(b.para(FLAGGED_NOTE.format(markers=markers), "small"))
    out = io.BytesIO()
    page_count: list[int] = []
    doc = SimpleDocTemplate(
        out, pagesize=A4, invariant=1, title=footer_left, creator="Liaison Desk",
        initialFontName=font,
        leftMargin=_MARGIN_MM * mm, rightMargin=_MARGIN_MM * mm,
        topMargin=_MARGIN_MM * mm, bottomMargin=_MARGIN_MM * mm,
    )  # fmt: skip
    doc.build(story, canvasmaker=_footer_canvas(font, footer_left, page_count))
    return RenderedPdf(out.getvalue(), frozenset(b.flagged), page_count[0])


def _joined(names: Sequence[str]) -> str:
    return LIST_SEPARATOR.join(n for n in names if n) or NONE


def render_referral_slip(data: ReferralSlipData) -> RenderedPdf:
    """The 交办单 sent with a case to its lead department."""
    b = _Builder(styles=_styles())
    deadline = DEADLINE_TEXT.format(date=format_date(data.deadline))
    if not data.deadline_exact:
        deadline += DEADLINE_NOT_EXACT
    rows: list[list[Any]] = [
        [PERSON, data.person_label, PHONE, data.phone_masked],
        [RECEIVED_ON, format_date(data.received_on), CHANNEL, data.channel_label],
        [VILLAGE, data.village, CATEGORY, data.category],
        [DEPUTIES, _joined(data.deputies)],
        [CONTENT, data.content],
        [DEPARTMENT, data.department, REFERRED_ON, format_date(data.referred_on)],
        [CO_DEPARTMENTS, _joined(data.co_departments)],
        [DEADLINE, deadline],
        [NOTE, data.note or NONE],
    ]
    referring_unit = REFERRING_UNIT.format(unit=data.unit_name)
    body = [
        *_form_table(b, rows, content_rows=[4]),
        b.para(f"{referring_unit}\n{format_date(data.referred_on)}", "right"),
        # The department signs for the slip on the station's copy.
        *_form_table(b, [[RECEIVED_BY, "", RECEIPT_DATE, DATE_BLANK]], signature_rows=[0]),
    ]
    return _render(b, body, REFERRAL_TITLE, data.unit_name, data.case_number)


def render_reply_slip(data: ReplySlipData) -> RenderedPdf:
    """The 答复告知单 the station hands or reads to the person: their question and the answer."""
    b = _Builder(styles=_styles())
    rows: list[list[Any]] = [
        [PERSON, data.person_label, RECEIVED_ON, format_date(data.received_on)],
        [CONTENT, data.content],
        [DEPARTMENT, data.department, REPLIED_ON, format_date(data.replied_on)],
        [REPLY_TEXT, data.reply_text],
        [OUTCOME, data.outcome_label, ISSUED_ON, format_date(data.issued_on)],
        [SATISFACTION, _tick_boxes(b, SATISFACTION_CHOICES, SATISFACTION_HINT)],
        [PERSON_SIGNATURE, "", SIGNED_ON, DATE_BLANK],
        [CLERK_SIGNATURE, "", SIGNED_ON, DATE_BLANK],
    ]
    body = _form_table(b, rows, content_rows=[1, 3], signature_rows=[6, 7])
    return _render(b, body, REPLY_TITLE, data.unit_name, data.case_number)
