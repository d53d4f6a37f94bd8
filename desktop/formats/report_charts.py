"""The annual report's charts (reportlab.graphics), every label set in the embedded CJK font.

Each function returns a Drawing (a platypus flowable) as wide as it is given, or None when there
is nothing to draw (the report then says so in words). reportlab is imported inside.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from typing import Any

from desktop.domain.figures import Count, TownshipLine
from desktop.formats.fonts import register_font
from desktop.formats.report_content import outcome_label

Clean = Callable[[str], str]  # text made safe for the font (TextSetter.clean)

# Print-friendly colours that stay apart in grey too (dark blue, orange, green, gold, grey).
PALETTE = ("#2F5597", "#C55A11", "#548235", "#BF9000", "#7F7F7F", "#7030A0")
OUTCOME_COLOURS = {"A": "#548235", "B": "#2F5597", "C": "#BF9000", "D": "#A6A6A6"}
TOWNSHIP_SERIES = (  # the grouped bars per township
    ("进站履职活动批次", lambda t: t.duty_batches),
    ("走访次数", lambda t: t.visits),
    ("意见建议件数", lambda t: t.cases),
    ("履职活动次数", lambda t: t.activities),
)
OUTCOME_LEGEND = "{label}　{value}件（{share}）"

_LABEL_SIZE = 8
_VALUE_SIZE = 7.5
_AXIS_GAP = 6  # between axis labels and the axis
_BAR_ROW = 18  # points per category of a horizontal bar chart
_MAX_BARS_HEIGHT = 560  # a long list of categories packs closer: a chart never outgrows a page
_MAX_LABELLED_BARS = 30  # more bars than this, and their value labels would collide


def _nice_step(top: int, ticks: int = 5) -> int:
    """A whole step (1, 2, 5 times a power of ten) giving about ``ticks`` gridlines."""
    step, factors = 1, itertools.cycle((2, 2.5, 2))  # 1, 2, 5, 10, 20, 50, 100 ...
    while top / step > ticks:
        step = round(step * next(factors))
    return step


def _value_axis(axis: Any, top: int, font: str) -> None:
    step = _nice_step(max(top, 1))
    axis.valueMin = 0
    axis.valueStep = step
    # Room above the tallest bar for its value label.
    axis.valueMax = step * (int(max(top, 1) * 1.12) // step + 1)
    axis.labels.fontName, axis.labels.fontSize = font, _LABEL_SIZE
    axis.labelTextFormat = "%d"
    axis.strokeColor = axis.gridStrokeColor = _grey(0.6)
    axis.visibleGrid = True
    axis.gridStrokeWidth = 0.3


def _grey(level: float) -> Any:
    from reportlab.lib import colors

    return colors.Color(level, level, level)


def _colour(hex_code: str) -> Any:
    from reportlab.lib import colors

    return colors.HexColor(hex_code)


def _drawing(width: float, height: float, font: str) -> Any:
    from reportlab.graphics.shapes import Drawing

    drawing = Drawing(width, height)
    drawing.initialFontName = font  # else the drawing starts in Helvetica, a font never embedded
    drawing.initialFontSize = _LABEL_SIZE
    return drawing


def _value_label(value: float) -> str:
    return "" if not value else str(int(value))


def _bar_labels(chart: Any, font: str, horizontal: bool) -> None:
    chart.barLabelFormat = _value_label
    chart.barLabels.fontName, chart.barLabels.fontSize = font, _VALUE_SIZE
    chart.barLabels.boxAnchor = "w" if horizontal else "s"
    chart.barLabels.dx, chart.barLabels.dy = (3, 0) if horizontal else (0, 2)


def _width(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, font, size)


def _has_data(counts: Sequence[int]) -> bool:
    return any(v > 0 for v in counts)


def column_chart(
    counts: Sequence[Count], width: float, clean: Clean, height: float = 150
) -> Any | None:
    """Vertical bars, one per count (months, points bands), each with its value on top."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart

    values = [c.value for c in counts]
    if not _has_data(values):
        return None
    font = register_font()
    labels = [clean(c.label) for c in counts]
    left = _width(str(max(values)), font, _LABEL_SIZE) + 2 * _AXIS_GAP
    drawing = _drawing(width, height, font)
    chart = VerticalBarChart()
    chart.x, chart.y = left, 2 * _LABEL_SIZE + _AXIS_GAP
    chart.width, chart.height = width - left - 4, height - chart.y - 4
    chart.data = [values]
    chart.bars[0].fillColor = _colour(PALETTE[0])
    chart.bars[0].strokeColor = None
    chart.barWidth, chart.groupSpacing = 10, 8
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = _LABEL_SIZE
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.categoryAxis.labels.dy = -3
    chart.categoryAxis.strokeColor = _grey(0.4)
    _value_axis(chart.valueAxis, max(values), font)
    _bar_labels(chart, font, horizontal=False)
    drawing.add(chart)
    return drawing


def bar_chart(
    counts: Sequence[Count], width: float, clean: Clean, colour: str = PALETTE[0]
) -> Any | None:
    """Horizontal bars, the first count at the top (categories, states in workflow order)."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart

    values = [c.value for c in counts]
    if not _has_data(values):
        return None
    font = register_font()
    labels = [clean(c.label) for c in counts]
    left = max(_width(label, font, _LABEL_SIZE) for label in labels) + 2 * _AXIS_GAP
    right = _width(str(max(values)), font, _VALUE_SIZE) + 8
    bottom = _LABEL_SIZE + 2 * _AXIS_GAP
    bars_height = min(_BAR_ROW * len(counts), _MAX_BARS_HEIGHT)
    height = bottom + bars_height + 6
    drawing = _drawing(width, height, font)
    chart = HorizontalBarChart()
    chart.x, chart.y = left, bottom
    chart.width, chart.height = width - left - right, bars_height
    chart.data = [values]
    chart.bars[0].fillColor = _colour(colour)
    chart.bars[0].strokeColor = None
    chart.barWidth, chart.groupSpacing = 10, 6
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.reverseDirection = 1  # the first count on top, as it is read
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = _LABEL_SIZE
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -_AXIS_GAP / 2
    chart.categoryAxis.strokeColor = _grey(0.4)
    _value_axis(chart.valueAxis, max(values), font)
    _bar_labels(chart, font, horizontal=True)
    drawing.add(chart)
    return drawing


def _legend(pairs: list[tuple[Any, str]], font: str, x: float, y: float, **kwargs: Any) -> Any:
    from reportlab.graphics.charts.legends import Legend

    legend = Legend()
    legend.colorNamePairs = pairs
    legend.fontName, legend.fontSize = font, _LABEL_SIZE + 1
    legend.x, legend.y = x, y
    legend.strokeColor = None
    legend.alignment = "right"  # the swatch first, its text to the right
    legend.dxTextSpace, legend.swdx = 4, 0
    legend.dx = legend.dy = 8
    for name, value in kwargs.items():
        setattr(legend, name, value)
    return legend


def township_chart(lines: Sequence[TownshipLine], width: float, clean: Clean) -> Any | None:
    """Grouped bars per township: duty batches, visits, cases and deputy activities."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart

    data = [[value(t) for t in lines] for _, value in TOWNSHIP_SERIES]
    if not lines or not _has_data([v for series in data for v in series]):
        return None
    font = register_font()
    labels = [clean(t.name) for t in lines]
    top = max(v for series in data for v in series)
    left = _width(str(top), font, _LABEL_SIZE) + 2 * _AXIS_GAP
    slot = (width - left - 4) / len(lines)
    widest = max(_width(label, font, _LABEL_SIZE) for label in labels)
    slanted = widest > slot - 4  # long names at 30 degrees rather than over each other
    bottom = (widest * 0.5 + _LABEL_SIZE if slanted else _LABEL_SIZE) + 2 * _AXIS_GAP
    legend_height = _LABEL_SIZE + 14
    height = bottom + 170 + legend_height
    drawing = _drawing(width, height, font)
    chart = VerticalBarChart()
    chart.x, chart.y = left, bottom
    chart.width, chart.height = width - left - 4, 170
    chart.data = data
    for i in range(len(data)):
        chart.bars[i].fillColor = _colour(PALETTE[i])
        chart.bars[i].strokeColor = None
    # Relative to a bar's width (10): few townships get narrower bars and wider gaps.
    chart.groupSpacing, chart.barSpacing = (14 if len(lines) > 3 else 50), 0.5
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = _LABEL_SIZE
    chart.categoryAxis.strokeColor = _grey(0.4)
    if slanted:
        chart.categoryAxis.labels.angle = 30
        chart.categoryAxis.labels.boxAnchor = "ne"
        chart.categoryAxis.labels.dx, chart.categoryAxis.labels.dy = 4, -6
    else:
        chart.categoryAxis.labels.boxAnchor = "n"
        chart.categoryAxis.labels.dy = -3
    _value_axis(chart.valueAxis, top, font)
    if len(lines) * len(data) <= _MAX_LABELLED_BARS:
        _bar_labels(chart, font, horizontal=False)
    drawing.add(chart)
    pairs = [(_colour(PALETTE[i]), clean(name)) for i, (name, _) in enumerate(TOWNSHIP_SERIES)]
    drawing.add(
        _legend(
            pairs, font, left, height - 4, columnMaximum=1, deltax=10, boxAnchor="nw", variColumn=1
        )
    )
    return drawing


def outcome_chart(counts: Sequence[Count], width: float, clean: Clean) -> Any | None:
    """A pie of the outcomes A to D, with a legend giving each one's label, count and share."""
    from reportlab.graphics.charts.piecharts import Pie

    total = sum(c.value for c in counts)
    if total <= 0:
        return None
    font = register_font()
    drawn = [c for c in counts if c.value > 0]  # a zero slice has no angle to draw
    diameter, height = 120, 140
    drawing = _drawing(width, height, font)
    pie = Pie()
    pie.x, pie.y = 20, (height - diameter) / 2
    pie.width = pie.height = diameter
    pie.data = [c.value for c in drawn]
    pie.labels = None
    pie.startAngle, pie.direction = 90, "clockwise"
    pie.slices.strokeColor, pie.slices.strokeWidth = _grey(1), 1
    pie.slices.fontName = font
    colours = [_colour(OUTCOME_COLOURS.get(c.key, PALETTE[4])) for c in counts]
    for i, c in enumerate(drawn):
        pie.slices[i].fillColor = colours[counts.index(c)]
    drawing.add(pie)
    pairs = [
        (
            colours[i],
            clean(
                OUTCOME_LEGEND.format(
                    label=outcome_label(c), value=c.value, share=f"{100 * c.value / total:.1f}%"
                )
            ),
        )
        for i, c in enumerate(counts)
    ]
    legend = _legend(pairs, font, diameter + 60, height / 2, boxAnchor="w", columnMaximum=10)
    legend.deltay = 18
    drawing.add(legend)
    return drawing
