"""The feedback ledger as PDF: ``render_ledger`` (layout pass, then a bare canvas) against the
naive reportlab way (a ``Paragraph`` in every cell of one ``LongTable`` with ``repeatRows=1``,
built by ``SimpleDocTemplate``) over the same rows, fonts and column widths, in the same run."""

from __future__ import annotations

import io
import itertools
import random
import statistics
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from benchmarks.report import Figure
from benchmarks.vocabulary import SURNAMES, TOPICS, VILLAGES

if TYPE_CHECKING:  # reportlab and the formats are imported when measured, not when listed
    from desktop.domain.tables import Column, LedgerDocument

SEED = 20260705
ROWS, QUICK_ROWS = 10_000, 1_000
RUNS, QUICK_RUNS = 3, 1
TARGET_RATIO = 0.5
UNIT = "城关镇人大代表联络站"
DEPARTMENTS = ("城关镇规划建设办公室", "城关镇财政所", "县交通运输局", "县水利局", "县卫生健康局")
OUTCOMES = ("A类（已解决）", "B类（正在解决）", "C类（留作参考）")
SATISFACTION = ("满意", "基本满意", "不满意")
MORE = (
    "群众多次反映，情况属实。",
    "涉及农户二十余户，影响较大。",
    "代表接待日当面反映，已现场查看。",
    "请承办单位于三十日内书面答复。",
)


@dataclass(frozen=True)
class LedgerResult:
    figures: list[Figure]
    notes: list[str]


def _columns() -> tuple[Column, ...]:
    from desktop.domain.tables import CellKind, Column

    return (
        Column("case_number", "编号", CellKind.IDENTIFIER, 7.5),
        Column("received_on", "受理日期", CellKind.DATE, 7),
        Column("person", "反映人", width=4),
        Column("phone", "联系电话", CellKind.IDENTIFIER, 6.5),
        Column("village", "所在村", width=4.5),
        Column("content", "反映内容", CellKind.LONG_TEXT, 20),
        Column("department", "承办单位", width=7),
        Column("referred_on", "交办日期", CellKind.DATE, 7),
        Column("replied_on", "答复日期", CellKind.DATE, 7),
        Column("outcome", "办理结果", width=5.5),
        Column("satisfaction", "满意度", width=4),
    )


def _date(rng: random.Random, month: int | None = None) -> str:
    return f"2025年{month or rng.randint(1, 12)}月{rng.randint(1, 28)}日"


def _content(rng: random.Random) -> str:
    """40 to 200 characters of Chinese, as people's concerns are written down."""
    text, length = "", rng.randint(40, 200)
    while len(text) < length:
        text += rng.choice(TOPICS) + "。" + rng.choice(MORE)
    return text[:length]


def feedback_ledger(rows: int, seed: int = SEED) -> LedgerDocument:
    """A year's feedback ledger of the given size (landscape, 11 columns plus 序号)."""
    from desktop.domain.tables import LedgerDocument, Section

    rng = random.Random(seed)
    data = []
    for i in range(rows):
        month = rng.randint(1, 12)
        data.append(
            (
                f"CG-2025-{i + 1:05}",
                _date(rng, month),
                rng.choice(SURNAMES) + "**",
                f"1{rng.choice('3578')}{rng.randint(0, 9)}****{rng.randrange(10_000):04}",
                rng.choice(VILLAGES),
                _content(rng),
                rng.choice(DEPARTMENTS),
                _date(rng, month),
                _date(rng, month),
                rng.choice(OUTCOMES),
                rng.choice(SATISFACTION),
            )
        )
    section = Section(_columns(), data)
    return LedgerDocument(
        UNIT, "群众意见建议办理台账", "2025年1月1日至2025年12月31日", (section,), landscape=True
    )


def naive_pdf(doc: LedgerDocument, widths: list[float], size: float) -> tuple[bytes, int]:
    """What one writes first: a Paragraph per cell in one LongTable, the same widths and font."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import LongTable, SimpleDocTemplate

    from desktop.formats.fonts import TextSetter, paragraph_style, register_font
    from desktop.formats.ledger_pdf import NUMBER_HEADER

    font = register_font()
    setter = TextSetter()
    style = paragraph_style("cell", size, leading=size * 1.35)
    section = doc.sections[0]
    header = [NUMBER_HEADER, *(c.header for c in section.columns)]
    cells = [[setter.paragraph(h, style) for h in header]]
    cells += [
        [setter.paragraph(v, style) for v in (str(n), *row)]
        for n, row in enumerate(section.rows, start=1)
    ]
    table = LongTable(cells, colWidths=widths, repeatRows=1)
    table.setStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), font),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.88, 0.88, 0.88)),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]
    )
    out = io.BytesIO()
    margin = 15 * 72 / 25.4
    pdf = SimpleDocTemplate(
        out, pagesize=landscape(A4), initialFontName=font,
        leftMargin=margin, rightMargin=margin, topMargin=margin, bottomMargin=margin,
    )  # fmt: skip
    pdf.build([table])
    return out.getvalue(), pdf.page


def widths_and_size(doc: LedgerDocument) -> tuple[list[float], float]:
    """The column widths and type size render_ledger chooses, read back from its first page."""
    from desktop.formats.fonts import TextSetter
    from desktop.formats.ledger_pdf import NUMBER_HEADER, lay_out_ledger

    first = lay_out_ledger(doc, TextSetter())[0]
    xs = sorted({r.x1 for r in first.rules if r.x1 == r.x2})
    size = next(t.size for t in first.texts if t.text == NUMBER_HEADER)
    return [b - a for a, b in itertools.pairwise(xs)], size


def measure(quick: bool, runs: int | None = None) -> LedgerResult:
    from desktop.formats.ledger_pdf import render_ledger

    rows = QUICK_ROWS if quick else ROWS
    runs = runs or (QUICK_RUNS if quick else RUNS)
    doc = feedback_ledger(rows)
    render_ledger(doc)  # warm-up: font file read, imports
    widths, size = widths_and_size(doc)  # the baseline's, worked out before the clock starts
    ours: list[int] = []
    naive: list[int] = []
    pages = naive_pages = 0
    for _ in range(runs):
        started = time.perf_counter_ns()
        pages = render_ledger(doc).pages
        ours.append(time.perf_counter_ns() - started)
        started = time.perf_counter_ns()
        naive_pages = naive_pdf(doc, widths, size)[1]
        naive.append(time.perf_counter_ns() - started)
    a, b = statistics.median(ours) / 1e6, statistics.median(naive) / 1e6
    figure = Figure(f"feedback ledger PDF {rows:,} rows", a, b, max_ratio=TARGET_RATIO)
    notes = [
        f"feedback ledger PDF: {rows:,} rows, {pages:,} pages, {pages / (a / 1000):.0f} pages/s "
        f"(baseline naive LongTable + Paragraph: {naive_pages:,} pages, "
        f"{naive_pages / (b / 1000):.0f} pages/s); runs {runs}"
    ]
    return LedgerResult([figure], notes)
