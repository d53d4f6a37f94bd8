"""The pure layout pass of a ledger: measured text, wrapped cells, row heights and page breaks."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from desktop.domain.tables import Align, CellKind, Column, Section

# Text is measured in thousandths of an em, the unit of the font's width table: those widths are
# binary fractions (530.76171875), so sums are exact and a line measured twice, in any order,
# never creeps past its limit by a rounding error.
UNITS_PER_EM = 1000

# Break rules (禁则): closing punctuation never starts a line and opening punctuation never ends
# one, so each clings to its neighbour. Runs of Latin letters, digits and their punctuation stay
# together as a word (a masked phone 138****8000, a case number CG-2025-0042) when they fit.
_OPEN = "（《「『【〔〈“‘"
_CLOSE = "，。、；：？！）》」』】〕〉”’…·％"
_WORD = r"0-9A-Za-z\u00c0-\u024f.,:;!?%@#&*+\-/_'\"()\[\]{}<>=~$^|\\`"
_TOKEN = re.compile(rf"[{_OPEN}]*(?:[{_WORD}]+|[^ ])[{_CLOSE}]*| +")

_RIGHT_KINDS = frozenset({CellKind.INTEGER, CellKind.DECIMAL, CellKind.MONEY})


class Metrics:
    """Character widths of one font, cached per character and per wrapping token.

    reportlab's own stringWidth sums the same table (face.charWidths, else the default width),
    so what is measured here is what the canvas advances when it draws.
    """

    def __init__(self, char_widths: Mapping[int, float], default_width: float) -> None:
        self._char_widths, self._default = char_widths, default_width
        self._widths: dict[str, float] = {}

    def units(self, text: str) -> float:
        """Width of text in thousandths of an em (cached: tokens and cells repeat a lot)."""
        try:
            return self._widths[text]
        except KeyError:
            get, default = self._char_widths.get, self._default
            width = sum(get(ord(ch), default) for ch in text)
            if len(text) <= 16:  # cache words and characters, not whole paragraphs
                self._widths[text] = width
            return width

    def width(self, text: str, size: float) -> float:  # in points
        return self.units(text) * size / UNITS_PER_EM


def wrap_text(text: str, width: float, size: float, metrics: Metrics) -> list[str]:
    """Lines of text that each fit in width points; "\\n" always breaks a line.

    Chinese breaks between any two characters; a Latin word moves whole to the next line unless
    it is wider than a line by itself, when it is cut. A single character wider than the whole
    width still gets a line of its own (the renderer clips it): nothing is ever dropped.
    """
    limit = width * UNITS_PER_EM / size
    units = metrics.units
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if units(paragraph) <= limit:  # the common case: a short cell on one line
            lines.append(paragraph)
            continue
        line: list[str] = []
        used = 0.0
        for token in _TOKEN.findall(paragraph):
            w = units(token)
            if used + w <= limit:
                line.append(token)
                used += w
                continue
            if line:
                lines.append("".join(line).rstrip(" "))
            line, used = [], 0.0
            if token[0] == " ":  # a break at a space swallows the space
                continue
            if w <= limit:
                line, used = [token], w
                continue
            for ch in token:  # a word longer than a line: cut it where the line is full
                cw = units(ch)
                if line and used + cw > limit:
                    lines.append("".join(line))
                    line, used = [], 0.0
                line.append(ch)
                used += cw
        if line:
            lines.append("".join(line).rstrip(" "))
    return lines


class Text(NamedTuple):
    """One line of text placed on a page: baseline at (x, y), its measured width in points."""

    x: float
    y: float
    size: float
    text: str
    width: float
    bold: bool = False
    clip: tuple[float, float] | None = None  # (left, right) when a lone glyph is too wide


class Rule(NamedTuple):  # a straight line from (x1, y1) to (x2, y2)
    x1: float
    y1: float
    x2: float
    y2: float
    weight: float


class Shade(NamedTuple):  # a grey rectangle behind a header row
    x: float
    y: float
    width: float
    height: float


@dataclass
class Page:
    """What one page draws, in PDF coordinates (points, origin bottom left)."""

    texts: list[Text] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    shades: list[Shade] = field(default_factory=list)
    rows_done: int = 0  # data rows finished by the end of this page, for progress


@dataclass(frozen=True)
class Box:
    """The page's size and the area text may fill."""

    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float

    @property
    def inner_width(self) -> float:
        return self.width - self.left - self.right


class Flow:
    """Pages filled from the top down; `on_new_page` draws a continuation page's furniture."""

    def __init__(self, box: Box, metrics: Metrics) -> None:
        self.box, self.metrics = box, metrics
        self.pages: list[Page] = [Page()]
        self.y = self.content_top = box.height - box.top
        self.on_new_page: Callable[[Flow], None] = lambda flow: None
        self.rows_done = 0

    @property
    def page(self) -> Page:
        return self.pages[-1]

    def space(self) -> float:
        return self.y - self.box.bottom

    def new_page(self) -> None:
        self.page.rows_done = self.rows_done
        self.pages.append(Page())
        self.y = self.box.height - self.box.top
        self.on_new_page(self)
        self.content_top = self.y  # below the furniture: "nothing on this page yet"

    def ensure(self, height: float) -> None:
        if height > self.space() and self.y < self.content_top:
            self.new_page()

    def line(self, text: str, size: float, *, align: Align = Align.LEFT, bold: bool = False,
             leading: float = 0, left: float | None = None,
             width: float | None = None) -> None:  # fmt: skip
        """Text wrapped over the width (the page's by default), moving down line by line."""
        leading = leading or size * LEADING
        left = self.box.left if left is None else left
        width = self.box.inner_width if width is None else width
        for part in wrap_text(text, width, size, self.metrics):
            self.ensure(leading)
            w = self.metrics.width(part, size)
            x = {Align.LEFT: left, Align.RIGHT: left + width - w}.get(align, left + (width - w) / 2)
            clip = (left, left + width) if w > width else None
            y = self.y - leading + baseline_offset(size, leading)
            self.page.texts.append(Text(left if clip else x, y, size, part, w, bold, clip))
            self.y -= leading


# The font's ascent and descent (WenQuanYi Micro Hei: 0.765 and 0.240 em): a line's glyphs are
# centred in its line box, so text sits in the middle of a cell and never touches a rule.
ASCENT, DESCENT = 0.765, 0.240
LEADING = 1.35


def baseline_offset(size: float, leading: float) -> float:
    """The baseline's height above the bottom of a line box of the given leading."""
    return (leading - (ASCENT + DESCENT) * size) / 2 + DESCENT * size


def default_align(column: Column) -> Align:
    """Numbers right, free text left, dates, identifiers and short text centred."""
    if column.align is not None:
        return column.align
    if column.kind in _RIGHT_KINDS:
        return Align.RIGHT
    return Align.LEFT if column.kind is CellKind.LONG_TEXT else Align.CENTRE


@dataclass(frozen=True)
class TableStyle:
    """Sizes, rules and the captions a table prints itself."""

    number_header: str  # 序号
    totals_label: str  # 合计
    continued: str  # appended to a heading repeated on the next page
    size: float = 10.5  # 五号
    heading_size: float = 12  # 小四
    note_size: float = 9  # 小五
    padding_x: float = 3
    padding_y: float = 3
    inner_rule: float = 0.5
    outer_rule: float = 1.0

    @property
    def leading(self) -> float:
        return self.size * LEADING


class TableLayout:
    """One section's table laid out into a flow: header row repeated, rows kept whole unless a
    row is taller than a page, which is then cut line by line."""

    def __init__(self, flow: Flow, section: Section, style: TableStyle,
                 clean: Callable[[str], str]) -> None:  # fmt: skip
        n = len(section.columns)
        bad = [i for i, row in enumerate(section.rows, start=1) if len(row) != n]
        if bad or (section.totals is not None and len(section.totals) != n):
            # A row of the wrong length is a bug in the service that built the ledger.
            raise ValueError(f"{n} columns, but rows {bad[:5]} or the totals differ in length")
        self.flow, self.section, self.style, self.clean = flow, section, style, clean
        m, size, pad = flow.metrics, style.size, style.padding_x
        number_width = 0.0
        if section.numbered:  # fixed: as wide as its header, 合计 or the biggest number
            texts = (style.number_header, style.totals_label, str(len(section.rows)))
            number_width = max(m.width(t, size) for t in texts) + 2 * pad + 1
        # The rest of the width is shared out in proportion to Column.width.
        weights = [max(c.width, 0.1) for c in section.columns]
        scale = (flow.box.inner_width - number_width) / sum(weights)
        self.widths = [number_width] if number_width else []
        self.widths += [w * scale for w in weights]
        self.lefts = [flow.box.left + sum(self.widths[:i]) for i in range(len(self.widths))]
        self.inner = [w - 2 * pad for w in self.widths]
        aligns = [default_align(c) for c in section.columns]
        self.aligns = [Align.CENTRE, *aligns] if section.numbered else aligns
        headers = [c.header for c in section.columns]
        self.header = self.wrap(self.numbered(style.number_header, headers))
        self.header_height = self.height(self.header)
        self.block_top, self.bottoms = 0.0, list[float]()

    def numbered(self, first: str, row: Sequence[str]) -> Sequence[str]:
        return (first, *row) if self.section.numbered else row

    def wrap(self, cells: Sequence[str]) -> list[list[str]]:
        m, size, clean = self.flow.metrics, self.style.size, self.clean
        return [
            wrap_text(clean(text), w, size, m) for text, w in zip(cells, self.inner, strict=True)
        ]

    def height(self, cells: Sequence[Sequence[str]], minimum: float = 0) -> float:
        lines = max(1, *(len(c) for c in cells))
        return max(lines * self.style.leading + 2 * self.style.padding_y, minimum)

    def heading(self, suffix: str = "") -> None:
        if self.section.heading:
            size = self.style.heading_size
            self.flow.line(self.section.heading + suffix, size, bold=True, leading=size * 1.6)

    def start_block(self) -> None:
        """The table's top and its shaded header row, at its start or at the top of a page."""
        flow, h = self.flow, self.header_height
        self.block_top, self.bottoms = flow.y, []
        flow.page.shades.append(Shade(flow.box.left, flow.y - h, sum(self.widths), h))
        self.row(self.header, h, bold=True, aligns=[Align.CENTRE] * len(self.aligns))

    def close_block(self) -> None:
        """Rules for the rows laid on this page: inner ones thin, the frame thick."""
        if not self.bottoms:
            return
        inner, outer = self.style.inner_rule, self.style.outer_rule
        left, right = self.lefts[0], self.lefts[-1] + self.widths[-1]
        top, bottom = self.block_top, self.bottoms[-1]
        rules = self.flow.page.rules
        rules += [Rule(left, y, right, y, inner) for y in self.bottoms[:-1]]
        rules += [Rule(x, top, x, bottom, inner) for x in self.lefts[1:]]
        rules += [Rule(left, y, right, y, outer) for y in (top, bottom)]
        rules += [Rule(x, top, x, bottom, outer) for x in (left, right)]
        self.bottoms = []

    def break_page(self) -> None:
        self.close_block()
        self.flow.new_page()
        self.heading(self.style.continued)
        self.start_block()

    def row(self, cells: Sequence[Sequence[str]], height: float, *, bold: bool = False,
            aligns: Sequence[Align] | None = None, top_aligned: bool = False) -> None:  # fmt: skip
        """Cells' lines drawn in a row of the given height at the flow's position."""
        flow, st = self.flow, self.style
        size, leading, pad_x, pad_y = st.size, st.leading, st.padding_x, st.padding_y
        units, texts = flow.metrics.units, flow.page.texts
        scale, lift, top = size / UNITS_PER_EM, baseline_offset(size, leading), flow.y
        columns = zip(cells, self.lefts, self.inner, aligns or self.aligns, strict=True)
        for lines, left, inner, align in columns:
            offset = pad_y if top_aligned else (height - len(lines) * leading) / 2
            y = top - offset - leading + lift
            left += pad_x
            # A centred paragraph that wraps reads better as a left-aligned block.
            cell_align = Align.LEFT if align is Align.CENTRE and len(lines) > 1 else align
            for text in lines:
                w = units(text) * scale
                clip = None
                if w > inner:  # a lone glyph wider than the cell: drawn clipped to it
                    x, clip = left, (left, left + inner)
                elif cell_align is Align.LEFT:
                    x = left
                elif cell_align is Align.RIGHT:
                    x = left + inner - w
                else:
                    x = left + (inner - w) / 2
                texts.append(Text(x, y, size, text, w, bold, clip))
                y -= leading
        flow.y = top - height
        self.bottoms.append(flow.y)

    def place(self, cells: list[list[str]], minimum: float, bold: bool = False) -> None:
        """A data or totals row: on this page, on the next, or cut across pages."""
        flow, st = self.flow, self.style
        height = self.height(cells, minimum)
        # The room under a continuation page's furniture (roughly: a heading may wrap).
        room = flow.box.height - flow.box.top - flow.box.bottom - self.header_height
        if flow.space() < height <= room - 3 * st.heading_size:
            self.break_page()
        if height <= flow.space():
            self.row(cells, height, bold=bold)
            return
        total, start, fresh = max(len(c) for c in cells), 0, False
        while start < total:
            fit = math.floor((flow.space() - 2 * st.padding_y) / st.leading + 1e-9)
            take = min(fit, total - start)
            if take < min(2, total - start) and not fresh:  # a sliver: start on the next page
                self.break_page()
                fresh = True
                continue
            take = max(take, 1)  # even a page too full for one line moves on (never loops)
            piece = [c[start : start + take] for c in cells]
            if start and self.section.numbered:
                piece[0] = []  # the number stands on the row's first piece only
            self.row(piece, self.height(piece), bold=bold, top_aligned=True)
            start += take
            if start < total:
                self.break_page()
                fresh = True

    def lay_out(self, tick: Callable[[], None]) -> None:
        """The whole section: heading, header, rows, totals and notes; tick() after each row."""
        flow, section, st = self.flow, self.section, self.style
        if section.new_page:
            flow.ensure(flow.space() + 1)  # a fresh page, unless this one is still empty
        # The heading and header row keep with the first row (or two lines of a very tall one).
        first = [self.wrap(self.numbered("1", section.rows[0]))] if section.rows else []
        some = 2 * st.leading + 2 * st.padding_y
        some = min(self.height(first[0], section.min_row_height), some) if first else 0
        heading = st.heading_size * 1.6 if section.heading else 0
        flow.ensure(heading + self.header_height + some)
        self.heading()
        self.start_block()
        for n, row in enumerate(section.rows, start=1):
            cells = first[0] if n == 1 else self.wrap(self.numbered(str(n), row))
            self.place(cells, section.min_row_height)
            flow.rows_done += 1
            tick()
        if section.totals is not None:
            totals = list(section.totals)
            if section.numbered:
                totals.insert(0, st.totals_label)
            else:
                totals[0] = f"{st.totals_label} {totals[0]}".strip()
            self.place(self.wrap(totals), section.min_row_height, bold=True)
        self.close_block()
        if section.notes:
            flow.y -= st.note_size * 0.5
            for note in section.notes:
                flow.line(self.clean(note), st.note_size)
