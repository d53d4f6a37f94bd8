"""The county's annual report (年度人大代表联络站工作报告) as an A4 PDF for the standing committee.

Headline figures and a summary on page 1 (report_page), then charts (report_charts) and tables
(report_tables): cases, townships and their stations, bundle completeness, deputies' points.
reportlab is imported inside (never at the program's start).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desktop.domain.figures import AnnualReport, Figures
from desktop.formats.files import write_atomically
from desktop.formats.fonts import TextSetter, register_font
from desktop.formats.report_charts import (
    PALETTE,
    bar_chart,
    column_chart,
    outcome_chart,
    township_chart,
)
from desktop.formats.report_content import (
    COUNTY_ROW,
    LINE_COLUMNS,
    NO_DATA,
    PROGRAMME_COLUMNS,
    STATION_COLUMNS,
    TITLE,
    by_workflow,
    completeness_by_township,
    county_and_office,
    programme_lines,
    silent_stations,
    station_lines,
    township_lines,
)
from desktop.formats.report_page import (
    A4,
    MARGIN,
    MM,
    WIDTH,
    front_page,
    heading,
    note,
    styles,
    sub,
)
from desktop.formats.report_tables import (
    MATRIX_LEGEND,
    completeness_table,
    line_table,
    month_matrix,
    programme_line_table,
    programme_table,
    silent_table,
    top_table,
)
from desktop.formats.slips import FLAGGED_NOTE, _footer_canvas, format_date

# --- The printed wording (section titles and sentences), kept together for a translation pass.
SECTIONS = (
    "二、意见建议收集办理情况",
    "三、各乡镇工作情况",
    "四、数据报送完整性",
    "五、代表履职积分",
    "六、代表参与重点工作",
)
PARTS = {
    "month": "（一）各月收集意见建议件数",
    "category": "（二）意见建议分类情况（件）",
    "state": "（三）意见建议办理状态（件，按办理流程排列）",
    "outcome": "（四）承办单位答复办理结果",
    "township_chart": "（一）各乡镇主要工作量",
    "township_table": "（二）各乡镇工作情况统计表",
    "station_tables": "（三）各代表联络站工作情况",
    "completeness": "（一）各乡镇数据报送情况",
    "silent": "（二）长期未报送数据的代表联络站",
    "matrix": "（三）各代表联络站逐月报送情况",
    "bands": "（一）代表年度履职积分分布（人）",
    "top": "（二）年度履职积分前列代表",
    "programmes": "（一）主要数据",
    "programme_townships": "（二）各乡镇情况（全县含县级组织、未归属代表联络站的记录）",
}
TOWNSHIP_HEADER = "乡镇"
STATION_HEADER = "代表联络站"
STATIONS_OF = "{number}. {township}（{stations}个代表联络站）"
COMPLETENESS_INTRO = (
    "各代表联络站每月的数据包应于次月{due_day}日前报送{office}。截至{as_of}，"
    "共有{silent}个代表联络站超过{silent_after}天未报送数据包。"
)
NONE_SILENT = "无超过{silent_after}天未报送数据包的代表联络站。"
NO_TOP = "本年度暂无履职积分记录。"

_KEEP_ROWS = 25  # a table this short moves whole to the next page rather than split
_ROOM_TO_START = 120  # points: a title, the header and a few rows


def _chart(setter: TextSetter, title: str, drawing: Any | None) -> list[Any]:
    """A chart under its title, kept together (so is a section heading just before them)."""
    return [sub(setter, title), drawing if drawing is not None else note(setter, NO_DATA)]


def _titled(
    setter: TextSetter, title: str, table: Any, rows: int, lead: Sequence[Any] = ()
) -> list[Any]:
    """A table under its title (and the ``lead`` flowables before it: a heading, an intro): kept
    together on one page when short, else starting on this page when there is room for a few
    rows (a long table then splits, its header repeated)."""
    from reportlab.platypus import CondPageBreak, KeepTogether

    for flowable in lead:
        flowable.keepWithNext = False  # KeepTogether does it; it cannot hold itself to the next
    block = [*lead, sub(setter, title, keep=False), table]
    if rows <= _KEEP_ROWS:
        return [KeepTogether(block)]
    return [CondPageBreak(_ROOM_TO_START), *block]


def _cases(setter: TextSetter, f: Figures) -> list[Any]:
    clean = setter.clean
    states = bar_chart(by_workflow(f.cases_by_state), WIDTH, clean, PALETTE[1])
    return [
        heading(setter, SECTIONS[0]),
        *_chart(setter, PARTS["month"], column_chart(f.cases_per_month, WIDTH, clean)),
        *_chart(setter, PARTS["category"], bar_chart(f.cases_by_category, WIDTH, clean)),
        *_chart(setter, PARTS["state"], states),
        *_chart(setter, PARTS["outcome"], outcome_chart(f.outcomes, WIDTH, clean)),
    ]


def _townships(setter: TextSetter, report: AnnualReport) -> list[Any]:
    lines = township_lines(report)
    table = line_table(setter, lines, LINE_COLUMNS, TOWNSHIP_HEADER, WIDTH, 24 * MM)
    story = [
        heading(setter, SECTIONS[1]),
        *_chart(setter, PARTS["township_chart"], township_chart(lines, WIDTH, setter.clean)),
        *_titled(setter, PARTS["township_table"], table, len(lines)),
    ]
    lead = [sub(setter, PARTS["station_tables"])]  # kept with the first township's table
    for number, (township, stations) in enumerate(station_lines(report), start=1):
        text = STATIONS_OF.format(number=number, township=township, stations=len(stations))
        if stations:
            table = line_table(setter, stations, STATION_COLUMNS, STATION_HEADER, WIDTH, 42 * MM)
            story += _titled(setter, text, table, len(stations), lead)
        else:
            story += [*lead, sub(setter, text), note(setter, NO_DATA)]
        lead = []
    if lead:  # no township at all
        story += [*lead, note(setter, NO_DATA)]
    return story


def _completeness(setter: TextSetter, report: AnnualReport) -> list[Any]:
    c = report.completeness
    order = [t.name for t in township_lines(report)]
    silent = silent_stations(c, order)
    intro = COMPLETENESS_INTRO.format(
        due_day=c.due_day, office=county_and_office(report.county_name)[1],
        as_of=format_date(c.as_of), silent=len(silent), silent_after=c.silent_after,
    )  # fmt: skip
    lead = [heading(setter, SECTIONS[2]), setter.paragraph(intro, styles()["body"])]
    story: list[Any] = []
    lines = completeness_by_township(c, order)
    if lines:
        table = completeness_table(setter, lines, WIDTH)
        story += _titled(setter, PARTS["completeness"], table, len(lines), lead)
    else:
        story += lead
    if silent:
        table = silent_table(setter, silent, WIDTH)
        story += _titled(setter, PARTS["silent"], table, len(silent))
    else:
        none = NONE_SILENT.format(silent_after=c.silent_after)
        story += [sub(setter, PARTS["silent"]), note(setter, none)]
    if c.stations:
        matrix = month_matrix(setter, c.stations, WIDTH)
        story += _titled(setter, PARTS["matrix"], matrix, len(c.stations))
        story.append(note(setter, MATRIX_LEGEND))
    return story


def _points(setter: TextSetter, f: Figures) -> list[Any]:
    story = [
        heading(setter, SECTIONS[3]),
        *_chart(setter, PARTS["bands"], column_chart(f.points_bands, WIDTH, setter.clean)),
    ]
    if f.top_deputies:
        table = top_table(setter, f.top_deputies, WIDTH)
        story += _titled(setter, PARTS["top"], table, len(f.top_deputies))
    else:
        story += [sub(setter, PARTS["top"]), note(setter, NO_TOP)]
    return story


def _programmes(setter: TextSetter, report: AnnualReport) -> list[Any]:
    """代表参与重点工作: the county's figures, then the station-tied ones per township."""
    from reportlab.platypus import PageBreak

    found = report.programmes
    if found is None:
        return []
    lines = programme_lines(found.county)
    lead = [heading(setter, SECTIONS[4])]
    story: list[Any] = [PageBreak()]
    story += _titled(setter, PARTS["programmes"], programme_table(setter, lines, WIDTH),
                     len(lines), lead)  # fmt: skip
    rows = [(p.scope.name, p) for p in found.townships] + [(COUNTY_ROW, found.county)]
    table = programme_line_table(setter, rows, PROGRAMME_COLUMNS, TOWNSHIP_HEADER, WIDTH)
    return story + _titled(setter, PARTS["programme_townships"], table, len(rows))


def _build(story: Sequence[Any], title: str) -> bytes:
    from reportlab.platypus import SimpleDocTemplate

    font = register_font()
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=A4, invariant=1, title=title, creator="Liaison Desk",
        initialFontName=font,  # else every page names Helvetica, a font we never embed
        leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
    )  # fmt: skip
    # The footer (title, 第 N 页 共 M 页) is drawn once the page count is known.
    doc.build(list(story), canvasmaker=_footer_canvas(font, title, []))
    return out.getvalue()


def render_report(report: AnnualReport, target: Path | None = None) -> bytes:
    """The annual report as PDF bytes, identical for identical input; also written whole to
    ``target`` when one is given (a FileRefused says why it could not be)."""
    setter = TextSetter()
    county = county_and_office(report.county_name)[0]
    title = setter.clean(TITLE.format(county=county, year=report.year))
    story = [
        *front_page(setter, report, title),
        *_cases(setter, report.county),
        *_townships(setter, report),
        *_completeness(setter, report),
        *_points(setter, report.county),
        *_programmes(setter, report),
    ]
    if setter.flagged:  # characters the font lacks were printed as markers: say so
        markers = "".join(sorted(setter.clean(ch) for ch in setter.flagged))
        story.append(note(setter, FLAGGED_NOTE.format(markers=markers)))
    pdf = _build(story, title)
    if target is not None:
        write_atomically(Path(target), pdf)
    return pdf
