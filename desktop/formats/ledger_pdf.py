"""Ledgers (台账) on paper: a LedgerDocument laid out in one pure pass, then drawn on a canvas."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import io
from collections.abc import Callable
from itertools import groupby
from typing import Any

from desktop.domain.tables import (
    Align,
    Cancelled,
    CancelledFn,
    LedgerDocument,
    ProgressFn,
    never_cancelled,
    no_progress,
)
from desktop.formats.fonts import TextSetter, marker, register_font
from desktop.formats.ledger_layout import (
    Box,
    Flow,
    Metrics,
    Page,
    Rule,
    TableLayout,
    TableStyle,
    Text,
)
from desktop.formats.slips import FLAGGED_NOTE, PAGE_FOOTER, RenderedPdf, format_date

# --- The printed wording, kept in one place for a later translation pass.
NUMBER_HEADER = "序号"
TOTALS_LABEL = "合计"
CONTINUED = "（续）"
PRINTED_ON = "打印日期：{date}"
SIGNATURE = "{label}："
CONTINUATION_HEADER = "{title}（{period}）"

# Chinese type sizes: 二号 22 pt title, 小四 12 pt unit line and headings, 五号 10.5 pt body,
# 小五 9 pt notes and footer.
_TITLE_SIZE = 22
_UNIT_SIZE = 12
_BODY_SIZE = 10.5
_SMALL_SIZE = 9
_NUMBER_CHARACTERS = 3  # the 序号 column, counted like Column.width
_MM = 72 / 25.4
_A4 = (210 * _MM, 297 * _MM)
_SIDE_MARGIN, _TOP_MARGIN, _BOTTOM_MARGIN = 15 * _MM, 15 * _MM, 16 * _MM
_FOOTER_Y = 8 * _MM  # the footer's baseline, inside the bottom margin
_SECTION_GAP = 10
_SIGNATURE_GAP = 24  # room above the signature line, below the last table
_SHADE_GREY = 0.88
_PROGRESS_EVERY = 200  # rows between progress reports and cancel checks
# Of a ledger's time, the layout pass takes about this share and drawing the rest (measured on
# the 10,000-row benchmark): progress reports both passes in rows of one scale.
_LAYOUT_SHARE = 0.25

_TABLE_STYLE = TableStyle(
    number_header=NUMBER_HEADER,
    totals_label=TOTALS_LABEL,
    continued=CONTINUED,
    size=_BODY_SIZE,
    heading_size=_UNIT_SIZE,
    note_size=_SMALL_SIZE,
)


@functools.cache
def _face() -> Any:  # reportlab.pdfbase.ttfonts.TTFontFace
    from reportlab.pdfbase import pdfmetrics

    return pdfmetrics.getFont(register_font()).face


def font_metrics() -> Metrics:
    """The embedded font's widths, as reportlab's stringWidth reads them. A new one per ledger:
    its cache of measured words then lives as long as the ledger, not as long as the program."""
    face = _face()
    return Metrics(face.charWidths, face.defaultWidth)


class _Ticker:
    """Progress and cancel checks every few hundred rows, over both passes."""

    def __init__(self, total: int, progress: ProgressFn, is_cancelled: CancelledFn) -> None:
        self.total, self.progress, self.is_cancelled = total, progress, is_cancelled
        self.next = _PROGRESS_EVERY

    def at(self, rows: int, share: float, base: float = 0) -> None:
        if rows >= self.next:
            self.next = rows + _PROGRESS_EVERY
            self.report(int(base + rows * share))

    def report(self, done: int) -> None:
        if self.is_cancelled():
            raise Cancelled
        self.progress(min(done, self.total), self.total, "")


def _page_box(landscape: bool) -> Box:
    width, height = (_A4[1], _A4[0]) if landscape else _A4
    return Box(width, height, _SIDE_MARGIN, _SIDE_MARGIN, _TOP_MARGIN, _BOTTOM_MARGIN)


def _title_block(flow: Flow, doc: LedgerDocument, setter: TextSetter) -> None:
    """The first page's title, and the unit and period on one line beneath it."""
    title, unit, period = (setter.clean(t) for t in (doc.title, doc.unit_name, doc.period))
    flow.line(title, _TITLE_SIZE, align=Align.CENTRE, bold=True, leading=_TITLE_SIZE * 1.6)
    m, box = flow.metrics, flow.box
    if m.width(unit, _UNIT_SIZE) + m.width(period, _UNIT_SIZE) + 2 * _UNIT_SIZE <= box.inner_width:
        y = flow.y
        flow.line(unit, _UNIT_SIZE)
        flow.y = y  # the period shares the unit's line, on the right
        flow.line(period, _UNIT_SIZE, align=Align.RIGHT)
    else:
        flow.line(unit, _UNIT_SIZE)
        flow.line(period, _UNIT_SIZE, align=Align.RIGHT)
    flow.y -= _UNIT_SIZE * 0.4
    flow.content_top = flow.y  # a section that wants a new page may start right here


def _continuation_header(doc: LedgerDocument, setter: TextSetter) -> Callable[[Flow], None]:
    """A loose page still says what it belongs to: title and period, small, at its top."""
    text = setter.clean(CONTINUATION_HEADER.format(title=doc.title, period=doc.period))

    def header(flow: Flow) -> None:
        flow.line(text, _SMALL_SIZE, align=Align.CENTRE)
        flow.y -= _SMALL_SIZE * 0.4

    return header


def _signatures(flow: Flow, labels: list[str]) -> None:
    """Each label with an underline to sign on, sharing one line across the page."""
    if not labels:
        return
    size, leading = _BODY_SIZE, _BODY_SIZE * 2
    # A narrower gap rather than a page holding nothing but the signature line.
    flow.y -= max(min(_SIGNATURE_GAP, flow.space() - leading), _SIGNATURE_GAP / 3)
    flow.ensure(leading)
    slot = flow.box.inner_width / len(labels)
    y = flow.y - leading
    for i, text in enumerate(labels):
        left = flow.box.left + i * slot
        w = flow.metrics.width(text, size)
        flow.line(text, size, leading=leading, left=left, width=slot)
        flow.y = y + leading  # every label on the same line
        start, end = left + min(w, slot) + 2, left + slot - size * 1.5
        if end > start:
            flow.page.rules.append(Rule(start, y + leading * 0.3, end, y + leading * 0.3, 0.6))
    flow.y = y


def _footers(pages: list[Page], box: Box, printed_on: dt.date | None, metrics: Metrics) -> None:
    """第 X 页 共 Y 页 centred on every page (the layout knows Y), and the printing date."""
    printed = PRINTED_ON.format(date=format_date(printed_on)) if printed_on else ""
    printed_width = metrics.width(printed, _SMALL_SIZE)
    for number, page in enumerate(pages, start=1):
        text = PAGE_FOOTER.format(page=number, pages=len(pages))
        w = metrics.width(text, _SMALL_SIZE)
        page.texts.append(Text((box.width - w) / 2, _FOOTER_Y, _SMALL_SIZE, text, w))
        if printed:
            x = box.width - box.right - printed_width
            page.texts.append(Text(x, _FOOTER_Y, _SMALL_SIZE, printed, printed_width))


def _table_style(doc: LedgerDocument, box: Box) -> TableStyle:
    """五号 body text, or 小五 when the columns (widths in characters of body text) would not
    fit across the page at 五号: a wide ledger keeps its dates and phones on one line."""
    characters = max(
        (sum(c.width for c in s.columns) + _NUMBER_CHARACTERS * s.numbered for s in doc.sections),
        default=0,
    )
    if characters * _BODY_SIZE <= box.inner_width:
        return _TABLE_STYLE
    return dataclasses.replace(_TABLE_STYLE, size=_SMALL_SIZE)


def _cleaner(setter: TextSetter) -> Callable[[str], str]:
    """Text made safe for the font, with Windows line ends and tabs made plain for wrapping."""

    def clean(text: str) -> str:
        text = setter.clean(text)
        if "\r" in text or "\t" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
        return text

    return clean


def lay_out_ledger(
    doc: LedgerDocument, setter: TextSetter, tick: Callable[[int], None] = lambda rows: None
) -> list[Page]:
    """The pure first pass: every page's text, rules and shading, footers included."""
    flow = Flow(_page_box(doc.landscape), font_metrics())
    style, clean = _table_style(doc, flow.box), _cleaner(setter)
    _title_block(flow, doc, setter)
    flow.on_new_page = _continuation_header(doc, setter)
    for i, section in enumerate(doc.sections):
        if i:
            flow.y -= _SECTION_GAP
        TableLayout(flow, section, style, clean).lay_out(lambda: tick(flow.rows_done))
    labels = [setter.clean(SIGNATURE.format(label=label)) for label in doc.signatures]
    if setter.flagged:  # under the tables it speaks of, before the signatures close the ledger
        markers = "".join(sorted(marker(ch) for ch in setter.flagged))
        flow.y -= _SMALL_SIZE * 0.5
        flow.line(FLAGGED_NOTE.format(markers=markers), _SMALL_SIZE)
    _signatures(flow, labels)
    flow.page.rows_done = flow.rows_done
    _footers(flow.pages, flow.box, doc.printed_on, flow.metrics)
    return flow.pages


def render_ledger(
    doc: LedgerDocument,
    *,
    progress: ProgressFn = no_progress,
    is_cancelled: CancelledFn = never_cancelled,
    invariant: bool = False,
) -> RenderedPdf:
    """The ledger as PDF bytes; raises Cancelled when is_cancelled() turns True."""
    total = sum(len(s.rows) for s in doc.sections)
    ticker = _Ticker(total, progress, is_cancelled)
    ticker.report(0)
    setter = TextSetter()
    pages = lay_out_ledger(doc, setter, lambda rows: ticker.at(rows, _LAYOUT_SHARE))
    ticker.next = _PROGRESS_EVERY

    def drawn(rows: int) -> None:
        ticker.at(rows, 1 - _LAYOUT_SHARE, total * _LAYOUT_SHARE)

    pdf = _draw(pages, _page_box(doc.landscape), setter.clean(doc.title), invariant, drawn)
    ticker.report(total)
    return RenderedPdf(pdf, frozenset(setter.flagged), len(pages), rows=total)


def _draw(
    pages: list[Page], box: Box, title: str, invariant: bool, tick: Callable[[int], None]
) -> bytes:
    """The second pass: each laid-out page straight onto a reportlab canvas."""
    from reportlab.pdfgen.canvas import Canvas

    font = register_font()
    out = io.BytesIO()
    c = Canvas(
        out,
        pagesize=(box.width, box.height),
        invariant=int(invariant),
        initialFontName=font,  # else every page names Helvetica, a font we never embed
        initialFontSize=_BODY_SIZE,
    )
    c.setTitle(title)
    c.setCreator("Liaison Desk")
    for page in pages:
        _draw_page(c, page, font)
        c.showPage()
        tick(page.rows_done)
    c.save()
    return out.getvalue()


def _draw_page(c: Any, page: Page, font: str) -> None:
    if page.shades:
        c.setFillGray(_SHADE_GREY)
        for s in page.shades:
            c.rect(s.x, s.y, s.width, s.height, stroke=0, fill=1)
        c.setFillGray(0)
    for weight, rules in groupby(sorted(page.rules, key=lambda r: r.weight), lambda r: r.weight):
        c.setLineWidth(weight)
        c.lines([r[:4] for r in rules])
    plain = [t for t in page.texts if not t.bold and not t.clip and t.text]
    bold = [t for t in page.texts if t.bold and not t.clip and t.text]
    _text_object(c, plain, font, 0)
    # The font has no bold face: bold is the glyphs filled and stroked (render mode 2) with a
    # pen a thirtieth of the size, so a bigger size needs its own stroke width.
    for size, texts in groupby(sorted(bold, key=lambda t: t.size), lambda t: t.size):
        c.setLineWidth(size / 30)
        _text_object(c, list(texts), font, 2)
    for t in page.texts:
        if t.clip and t.text:  # a lone glyph wider than its cell: cut at the cell's edges
            c.saveState()
            path = c.beginPath()
            path.rect(t.clip[0], t.y - t.size, t.clip[1] - t.clip[0], t.size * 2.5)
            c.clipPath(path, stroke=0, fill=0)
            _text_object(c, [t], font, 2 if t.bold else 0)
            c.restoreState()


def _text_object(c: Any, texts: list[Text], font: str, mode: int) -> None:
    """All the lines in one text object: one BT..ET, a font switch only when the size changes."""
    if not texts:
        return
    t = c.beginText()
    if mode:
        t.setTextRenderMode(mode)
    size = None
    for line in texts:
        if line.size != size:
            size = line.size
            t.setFont(font, size)
        t.setTextOrigin(line.x, line.y)
        t.textOut(line.text)
    c.drawText(t)
