"""Ledgers (台账) as PDF: embedded font, text on paper, pages and footers, wrapping, splitting."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.tables import Cancelled, CellKind, Column, LedgerDocument, Section
from desktop.formats.fonts import TextSetter, marker
from desktop.formats.ledger_layout import Page, wrap_text
from desktop.formats.ledger_pdf import (
    NUMBER_HEADER,
    TOTALS_LABEL,
    font_metrics,
    lay_out_ledger,
    render_ledger,
)
from desktop.formats.slips import FLAGGED_NOTE, RenderedPdf

# poppler-utils (pdftotext, pdffonts, pdfinfo) reads the PDFs as a person's viewer would; .ci/run
# and README install it. Without it these tests fail: they never skip.

RARE = "𠮷"  # U+20BB7, CJK Extension B: not in WenQuanYi Micro Hei
UNIT = "城关镇人大代表联络站"
TITLE = "群众意见建议办理台账"
PERIOD = "2025年1月1日至2025年12月31日"
CONTENT = "村东头的路灯坏了三个月，晚上出行很不方便。希望尽快修复，并在村口增设一处路灯。"
COLUMNS = (
    Column("case_number", "编号", CellKind.IDENTIFIER, 8),
    Column("received_on", "受理日期", CellKind.DATE, 7),
    Column("person", "反映人", width=4),
    Column("phone", "联系电话", CellKind.IDENTIFIER, 7),
    Column("content", "反映内容", CellKind.LONG_TEXT, 20),
    Column("department", "承办单位", width=8),
    Column("satisfaction", "满意度", width=4),
)
HEADERS = [c.header for c in COLUMNS]


def row(n: int, content: str = CONTENT) -> tuple[str, ...]:
    return (f"CG-2025-{n:04}", "2025年3月5日", "张**", "138****8000", content, "镇财政所", "满意")


def ledger(*sections: Section, **changes: object) -> LedgerDocument:
    sections = sections or (Section(COLUMNS, [row(n) for n in range(1, 4)]),)
    fields: dict = {"landscape": True, **changes}
    return LedgerDocument(UNIT, TITLE, PERIOD, sections, **fields)


def _file(rendered: RenderedPdf, tmp_path: Path) -> Path:
    path = tmp_path / "ledger.pdf"
    path.write_bytes(rendered.pdf)
    return path


def _run(*cmd: str) -> str:
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def _pages_text(rendered: RenderedPdf, tmp_path: Path, layout: bool = False) -> list[str]:
    """Each page's text as pdftotext reads it, without whitespace (it splits lines and cells).

    By default pdftotext reads a wrapped cell's lines together; with layout=True it reads the
    page line by line across, which keeps a header row's cells in column order.
    """
    options = ["-layout"] if layout else []
    out = _run("pdftotext", *options, str(_file(rendered, tmp_path)), "-")
    pages = [re.sub(r"\s+", "", page) for page in out.split("\f")]
    return pages[: rendered.pages]


def _column_texts(page: Page, column: int, header: str) -> list[str]:
    """The texts of one column of the page's table (inside its rules), its header left out."""
    verticals = [r for r in page.rules if r.x1 == r.x2]  # only tables draw these
    if not verticals:
        return []
    xs = sorted({r.x1 for r in verticals})
    top, bottom = max(r.y1 for r in verticals), min(r.y2 for r in verticals)
    return [
        t.text
        for t in page.texts
        if xs[column] < t.x < xs[column + 1] and bottom < t.y < top and t.text != header
    ]


def _number_column_texts(pages: list[Page]) -> list[list[str]]:
    return [_column_texts(page, 0, NUMBER_HEADER) for page in pages]


def test_the_font_is_embedded_and_subset(tmp_path: Path) -> None:
    out = _run("pdffonts", str(_file(render_ledger(ledger()), tmp_path)))
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["name", "type", "encoding"], out
    fonts = [line.split() for line in lines[2:]]
    assert fonts, out
    for parts in fonts:
        # name type encoding emb sub uni object ID: flags read from the right ("Type 1" has a space)
        assert "WenQuanYi" in parts[0], f"an unexpected font: {parts}"
        assert (parts[-5], parts[-4], parts[-3]) == ("yes", "yes", "yes"), parts


def test_the_chinese_text_comes_out_and_the_page_is_landscape(tmp_path: Path) -> None:
    rendered = render_ledger(ledger(printed_on=dt.date(2025, 3, 5)))
    text = "".join(_pages_text(rendered, tmp_path))
    for expected in (TITLE, UNIT, PERIOD, *HEADERS, NUMBER_HEADER, CONTENT, "CG-2025-0003"):
        assert expected in text
    assert "138****8000" in text
    assert "打印日期：2025年3月5日" in text
    for label in ("填表人", "审核人", "日期"):
        assert f"{label}：" in text
    info = _run("pdfinfo", str(_file(rendered, tmp_path)))
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert (round(width), round(height)) == (842, 595)


def test_a_portrait_ledger_is_portrait(tmp_path: Path) -> None:
    info = _run("pdfinfo", str(_file(render_ledger(ledger(landscape=False)), tmp_path)))
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert (round(width), round(height)) == (595, 842)


def test_every_page_has_the_header_row_and_page_x_of_y(tmp_path: Path) -> None:
    rows = [row(n, CONTENT * (1 + n % 3)) for n in range(1, 121)]
    rendered = render_ledger(ledger(Section(COLUMNS, rows)))
    pages = _pages_text(rendered, tmp_path, layout=True)
    assert rendered.pages >= 4 and len(pages) == rendered.pages
    for number, text in enumerate(pages, start=1):
        assert f"第{number}页共{rendered.pages}页" in text
        assert NUMBER_HEADER + "".join(HEADERS) in text  # the header row, in column order
        assert TITLE in text and PERIOD in text  # a loose page still says what it belongs to
    assert UNIT in pages[0] and UNIT not in pages[1]  # the full title block on page 1 only


def test_row_numbers_run_on_across_pages_from_one() -> None:
    rows = [row(n, CONTENT * (1 + n % 4)) for n in range(1, 151)]
    pages = lay_out_ledger(ledger(Section(COLUMNS, rows)), TextSetter())
    numbers = _number_column_texts(pages)
    assert len(pages) >= 4 and all(numbers[:-1])
    assert [n for page in numbers for n in page] == [str(n) for n in range(1, 151)]


def test_numbering_restarts_in_each_section_and_unnumbered_sections_have_none() -> None:
    first = Section(COLUMNS, [row(n) for n in range(1, 4)])
    second = Section(COLUMNS, [row(n) for n in range(4, 6)], heading="第二部分")
    bare = Section(COLUMNS, [row(9)], numbered=False)
    texts = [t.text for t in lay_out_ledger(ledger(first, second, bare), TextSetter())[0].texts]
    assert texts.count(NUMBER_HEADER) == 2
    assert [t for t in texts if t.isdigit()] == ["1", "2", "3", "1", "2"]


@given(
    text=st.text(
        alphabet=st.sampled_from(list("路灯坏了三个月，。（）《》“”abcXYZ0123456789-* \n")),
        max_size=300,
    )
    | st.lists(
        st.sampled_from(
            ["反映", "问题", "CG-2025-0042", "138****8000", "Internationalisation", " "]
        ),
        max_size=40,
    ).map("".join),
    width=st.floats(min_value=12, max_value=400),
    size=st.sampled_from([9, 10.5, 12, 22]),
)
@settings(max_examples=300)
def test_wrapped_lines_never_exceed_their_width(text: str, width: float, size: float) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from desktop.formats.fonts import register_font

    font = register_font()
    lines = wrap_text(text, width, size, font_metrics())
    for line in lines:
        # A single glyph wider than the cell is the one exception, and it is drawn clipped.
        assert stringWidth(line, font, size) <= width + 1e-6 or len(line) == 1, (line, width)
    assert len(lines) >= text.count("\n") + 1  # every line break is honoured
    # Nothing is lost: only the spaces at a break are dropped.
    assert "".join(lines).replace(" ", "") == text.replace("\n", "").replace(" ", "")


def test_latin_words_stay_whole_and_punctuation_does_not_start_a_line() -> None:
    metrics = font_metrics()
    word = "138****8000"
    width = metrics.width("反映" + word, 10.5) - 1  # not both on one line
    assert wrap_text("反映" + word, width, 10.5, metrics) == ["反映", word]
    comma_width = metrics.width("路灯坏了", 10.5) + 1  # 路灯坏了 fits, 路灯坏了， does not
    lines = wrap_text("路灯坏了，晚上很黑", comma_width, 10.5, metrics)
    assert not any(line.startswith("，") for line in lines)


def test_no_text_runs_outside_its_cell() -> None:
    rows = [row(n, "Internationalisation路灯" * n) for n in range(1, 30)]
    rows.append(row(30, "X" * 300))  # one long word, cut where the cell ends
    pages = lay_out_ledger(ledger(Section(COLUMNS, rows)), TextSetter())
    checked = 0
    for page in pages:
        verticals = [r for r in page.rules if r.x1 == r.x2]  # only the table has these
        xs = sorted({r.x1 for r in verticals})
        top, bottom = max(r.y1 for r in verticals), min(r.y2 for r in verticals)
        for t in page.texts:
            if not bottom < t.y < top:
                continue  # page furniture, outside the table
            assert t.clip is None
            left = max(x for x in xs if x <= t.x)
            right = min(x for x in xs if x > t.x)
            assert t.x >= left + 2.9 and t.x + t.width <= right - 2.9 + 1e-6, t
            checked += 1
    assert checked > 200


def test_a_row_taller_than_a_page_is_cut_line_by_line(tmp_path: Path) -> None:
    long = "".join(f"第{n}句话说明情况。" for n in range(1, 401))
    rows = [row(1), row(2, long), row(3)]
    rendered = render_ledger(ledger(Section(COLUMNS, rows)))
    assert rendered.pages >= 3
    for page in _pages_text(rendered, tmp_path, layout=True):
        assert NUMBER_HEADER + "".join(HEADERS) in page
    assert all("句话说明情况" in page for page in _pages_text(rendered, tmp_path))
    laid = lay_out_ledger(ledger(Section(COLUMNS, rows)), TextSetter())
    assert len(laid) == rendered.pages
    numbers = [n for page in _number_column_texts(laid) for n in page]
    assert numbers == ["1", "2", "3"]  # the number stands on the first piece only
    # The content column's lines, page after page: the whole text, in order.
    content = [text for page in laid for text in _column_texts(page, 5, "反映内容")]
    assert "".join(content) == CONTENT + long + CONTENT
    for number, page in enumerate(laid, start=1):  # nothing runs into the footer
        footer = next(t for t in page.texts if t.text.startswith(f"第 {number} 页"))
        body = [t.y for t in page.texts if t is not footer] + [r.y2 for r in page.rules]
        assert min(body) > footer.y + footer.size * 2


def test_a_character_the_font_lacks_prints_as_a_marker(tmp_path: Path) -> None:
    rendered = render_ledger(ledger(Section(COLUMNS, [row(1, f"反映人吉{RARE}家门口积水")])))
    assert rendered.flagged_characters == frozenset({RARE})
    text = "".join(_pages_text(rendered, tmp_path))
    assert RARE not in text
    assert f"吉{marker(RARE)}家门口" in text
    assert FLAGGED_NOTE.format(markers=marker(RARE)) in text
    clean = render_ledger(ledger())
    assert clean.flagged_characters == frozenset()
    assert "注：" not in "".join(_pages_text(clean, tmp_path))


def test_cancel_stops_the_render_and_progress_comes_now_and_then() -> None:
    doc = ledger(Section(COLUMNS, [row(n) for n in range(1, 1001)]))
    calls: list[tuple[int, int]] = []
    render_ledger(doc, progress=lambda done, total, text: calls.append((done, total)))
    assert 5 <= len(calls) <= 30  # every ~200 rows over both passes, not once per row
    assert calls[-1] == (1000, 1000) and calls[0] == (0, 1000)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) >= 3

    with pytest.raises(Cancelled):
        render_ledger(doc, is_cancelled=cancelled)
    assert len(asked) == 3


def test_invariant_output_is_byte_identical() -> None:
    doc = ledger(printed_on=dt.date(2025, 3, 5))
    first = render_ledger(doc, invariant=True)
    assert first.pdf.startswith(b"%PDF-")
    assert render_ledger(doc, invariant=True).pdf == first.pdf


def test_sign_in_sheet_rows_leave_room_to_sign() -> None:
    columns = (
        Column("name", "姓名"),
        Column("level", "代表层级"),
        Column("sign", "签名", width=12),
    )
    rows = [("李建国", "县级", ""), ("王秀英", "镇级", ""), ("张志强", "县级", "")]
    doc = ledger(Section(columns, rows, min_row_height=40), landscape=False)
    page = lay_out_ledger(doc, TextSetter())[0]
    left = min(r.x1 for r in page.rules)
    ys = sorted({r.y1 for r in page.rules if r.y1 == r.y2 and r.x1 == left}, reverse=True)
    heights = [a - b for a, b in itertools.pairwise(ys)]
    assert len(heights) == 4  # the header row and three rows
    assert heights[0] < 40 and all(abs(h - 40) < 1e-6 for h in heights[1:])


def test_heading_new_page_totals_and_notes(tmp_path: Path) -> None:
    first = Section(COLUMNS, [row(1), row(2)], heading="一、城关社区")
    second = Section(
        COLUMNS,
        [row(3)],
        heading="二、东风村",
        new_page=True,
        totals=("", "", "", "", "", "", "3件"),
        notes=("注：满意度由反映人在答复时填写。",),
    )
    rendered = render_ledger(ledger(first, second))
    pages = _pages_text(rendered, tmp_path)
    assert rendered.pages == 2
    assert "一、城关社区" in pages[0] and "二、东风村" not in pages[0]
    assert "二、东风村" in pages[1] and "CG-2025-0003" in pages[1]
    assert TOTALS_LABEL + "3件" in pages[1]
    assert pages[1].index("3件") < pages[1].index("注：满意度由反映人在答复时填写。")


def test_a_new_page_section_first_in_the_ledger_stays_under_the_title(tmp_path: Path) -> None:
    doc = ledger(Section(COLUMNS, [row(1)], heading="一、城关社区", new_page=True))
    rendered = render_ledger(doc)
    assert rendered.pages == 1
    assert "一、城关社区" in _pages_text(rendered, tmp_path)[0]


def test_a_row_of_the_wrong_length_is_refused() -> None:
    with pytest.raises(ValueError, match="columns"):
        render_ledger(ledger(Section(COLUMNS, [row(1)[:-1]])))
