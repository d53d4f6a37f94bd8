"""The annual report's page: A4 geometry, paragraph styles, headings, and the front page (title,
headline figures as tiles, a summary in words). reportlab is imported inside."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from desktop.domain.figures import AnnualReport, Figures, Rate
from desktop.formats.fonts import TextSetter, bold_line, drawn_line, paragraph_style, register_font
from desktop.formats.report_charts import PALETTE
from desktop.formats.report_content import (
    AS_OF,
    SCOPE,
    Headline,
    county_and_office,
    headlines,
    period_end,
    station_count,
)
from desktop.formats.slips import format_date

# --- The printed wording of the front page, kept together for a translation pass.
FIRST_SECTION = "一、主要数据"
ACTIVITIES_TILE = "履职活动次数／参与人次"
PERIOD = "{start}至{end}"
SUMMARY = (
    "{period}，全县{townships}个乡镇{stations}个代表联络站共组织代表进站履职活动"
    "{duty_batches}批次，参与代表{duty_deputy_times}人次，接待群众{people_received}人次，"
    "形成书面意见{written_opinions}条；开展走访{visits}次，走访代表{deputies_visited}人次；"
    "收集群众意见建议{opinions_collected}件，交办承办单位{opinions_passed_on}件{rates}。"
    "截至{as_of}，逾期未答复{overdue}件。代表开展履职活动{activities}次、"
    "{activity_person_times}人次。"
)
SUMMARY_RATE = "，{label}{rate}"
_SUMMARY_FIGURES = (
    "duty_batches", "duty_deputy_times", "people_received", "written_opinions", "visits",
    "deputies_visited", "opinions_collected", "opinions_passed_on", "overdue", "activities",
    "activity_person_times",
)  # fmt: skip

MM = 72 / 25.4
A4 = (210 * MM, 297 * MM)
MARGIN = 20 * MM  # where the footer canvas of slips draws its footer
WIDTH = A4[0] - 2 * MARGIN
_TITLE_SIZE, _HEADING_SIZE, _SUBHEADING_SIZE, _BODY_SIZE = 22, 14, 11.5, 10.5
_TILE_VALUE_SIZE, _TILE_LABEL_SIZE = 19, 9
_TILES_ACROSS = 4


@functools.cache
def styles() -> dict[str, Any]:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT

    navy, grey = colors.HexColor(PALETTE[0]), colors.Color(0.35, 0.35, 0.35)
    body = dict(alignment=TA_JUSTIFY, firstLineIndent=2 * _BODY_SIZE, leading=_BODY_SIZE * 1.8)
    return {
        "unit": paragraph_style("ReportUnit", 12, alignment=TA_CENTER, spaceBefore=4),
        "as_of": paragraph_style("ReportAsOf", _BODY_SIZE, alignment=TA_CENTER, spaceAfter=10),
        "body": paragraph_style("ReportBody", _BODY_SIZE, spaceBefore=6, spaceAfter=4, **body),
        "note": paragraph_style("ReportNote", 8.5, alignment=TA_LEFT, spaceBefore=3),
        "sub": paragraph_style(
            "ReportSub", _SUBHEADING_SIZE, spaceBefore=8, spaceAfter=4, textColor=navy
        ),
        "value": paragraph_style(
            "ReportTile",
            _TILE_VALUE_SIZE,
            alignment=TA_CENTER,
            textColor=navy,
            leading=_TILE_VALUE_SIZE * 1.2,
        ),
        "label": paragraph_style("ReportTileLabel", _TILE_LABEL_SIZE, alignment=TA_CENTER),
        "detail": paragraph_style("ReportTileDetail", 7, alignment=TA_CENTER, textColor=grey),
    }


def heading(setter: TextSetter, text: str, size: float = _HEADING_SIZE) -> Any:
    """A section heading on the left, bold (filled and stroked), kept with what follows."""
    text, font = setter.clean(text), register_font()

    def draw(c: Any, width: float) -> None:
        c.saveState()
        c.setLineWidth(size / 30)
        t = c.beginText(0, size * 0.45)
        t.setTextRenderMode(2)  # the font has no bold face: glyphs filled, then outlined
        t.setFont(font, size)
        t.textOut(text)
        c.drawText(t)
        c.restoreState()

    line = drawn_line(size * 1.6, draw, space_after=4)
    line.spaceBefore = size * 0.8
    line.keepWithNext = True
    return line


def sub(setter: TextSetter, text: str, keep: bool = True) -> Any:
    """A subheading (（一）…), kept with what follows unless ``keep`` is False."""
    para = setter.paragraph(text, styles()["sub"])
    para.keepWithNext = keep
    return para


def note(setter: TextSetter, text: str) -> Any:
    return setter.paragraph(text, styles()["note"])


def _title(setter: TextSetter, text: str) -> Any:
    """The report's title, at 二号 unless the county's name makes it wider than the page."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    size = min(_TITLE_SIZE, WIDTH / max(stringWidth(setter.clean(text), register_font(), 1), 1))
    style = paragraph_style("ReportTitle", size, leading=size * 1.6, spaceAfter=2)
    return bold_line(setter, text, style)


def _tile(setter: TextSetter, value: str, label: str, detail: str) -> list[Any]:
    s = styles()
    tile = [setter.paragraph(value, s["value"]), setter.paragraph(label, s["label"])]
    if detail:
        tile.append(setter.paragraph(detail, s["detail"]))
    return tile


def _figure_text(h: Headline) -> str:
    return h.value.text() if isinstance(h.value, Rate) else str(h.value)


def _headline_grid(setter: TextSetter, figures: Figures) -> Any:
    """The headline figures as tiles, four across; deputy activities and person-times share one."""
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    *single, activities, person_times = headlines(figures)
    tiles: list[Any] = [_tile(setter, _figure_text(h), h.label, h.detail) for h in single]
    combined = f"{activities.value}／{person_times.value}"
    tiles.append(_tile(setter, combined, ACTIVITIES_TILE, ""))
    n = _TILES_ACROSS
    rows = [tiles[i : i + n] for i in range(0, len(tiles), n)]
    rows[-1] += [""] * (n - len(rows[-1]))
    table = Table(rows, colWidths=[WIDTH / n] * n, hAlign="CENTER")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), register_font()),
                ("BOX", (0, 0), (-1, -1), 0.8, colors.HexColor(PALETTE[0])),
                ("INNERGRID", (0, 0), (-1, -1), 0.4, colors.Color(0.7, 0.7, 0.7)),
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#F2F6FC")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return table


def _summary(setter: TextSetter, report: AnnualReport) -> Any:
    """The year in one paragraph, as the standing committee's reports put it."""
    f, end = report.county, period_end(report)
    rates = "".join(
        SUMMARY_RATE.format(label=h.label, rate=h.value.text())
        for h in headlines(f)
        if isinstance(h.value, Rate) and h.value.percent is not None  # no "—" in a sentence
    )
    text = SUMMARY.format(
        period=PERIOD.format(start=format_date(end.replace(month=1, day=1)), end=format_date(end)),
        townships=len(f.townships),
        stations=station_count(report),
        rates=rates,
        as_of=format_date(report.as_of),
        **{name: getattr(f, name) for name in _SUMMARY_FIGURES},
    )
    return setter.paragraph(text, styles()["body"])


def front_page(setter: TextSetter, report: AnnualReport, title: str) -> Sequence[Any]:
    """Title, office, as-of day and scope, the headline tiles and the summary."""
    s = styles()
    scope = SCOPE.format(townships=len(report.county.townships), stations=station_count(report))
    as_of = AS_OF.format(date=format_date(report.as_of))
    return [
        _title(setter, title),
        setter.paragraph(county_and_office(report.county_name)[1], s["unit"]),
        setter.paragraph(f"{as_of}　{scope}", s["as_of"]),
        heading(setter, FIRST_SECTION),
        _headline_grid(setter, report.county),
        _summary(setter, report),
    ]
