"""reportlab building blocks of the audit and scan reports: tables and charts. The font, the
page, the styles (app.pdf.styles.ReportStyles), the numbered canvas and the writing come from
app.pdf."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Table, TableStyle

from app.pdf.styles import REPORT_ACCENT, REPORT_MUTED, ReportStyles

LEVEL_COLOURS = {"low": colors.HexColor("#2da44e"), "medium": colors.HexColor("#d4a72c"),
                 "high": colors.HexColor("#cf222e")}
SERIES = [colors.HexColor("#1f6feb"), colors.HexColor("#2da44e"), colors.HexColor("#cf222e"),
          colors.HexColor("#8250df")]


def table(rows: list[list[Any]], widths: Sequence[float], styles: ReportStyles,
          header: bool = True) -> Table:
    cells = [[styles.p(str(c), styles.cell) if not hasattr(c, "wrap") else c for c in row]
             for row in rows]
    t = Table(cells, colWidths=list(widths), repeatRows=1 if header else 0)
    commands = [("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#d0d7de")),
                ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eaeef2")))
    t.setStyle(TableStyle(commands))
    return t


def bar_chart(labels: list[str], values: list[float], font: str, *, width: float = 170 * mm,
              value_max: float = 100, colours: list[Any] | None = None,
              value_format: str = "%.0f") -> Drawing:
    """Horizontal bars, one per label, top to bottom in the given order."""
    row = 16
    height = max(60, row * len(labels) + 30)
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 62 * mm, 18
    chart.width, chart.height = width - 62 * mm - 30, height - 28
    chart.data = [list(reversed(values))]
    chart.categoryAxis.categoryNames = list(reversed(labels))
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = value_max
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.bars.strokeColor = None
    chart.bars[0].fillColor = REPORT_ACCENT
    for i, colour in enumerate(reversed(colours or [])):
        chart.bars[(0, i)].fillColor = colour
    chart.barLabelFormat = value_format
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing


def line_chart(series: list[tuple[str, list[tuple[dt.date, float]]]], font: str, *,
               width: float = 170 * mm, height: float = 55 * mm,
               value_min: float | None = None, value_max: float | None = None) -> Drawing:
    """Lines over dates; x values are day numbers labelled as dates."""
    drawing = Drawing(width, height)
    plot = LinePlot()
    plot.x, plot.y = 30, 28
    plot.width, plot.height = width - 50, height - 48
    data = [[(d.toordinal(), v) for d, v in points] for _, points in series]
    plot.data = data
    xs = [x for points in data for x, _ in points]
    lo, hi = min(xs), max(xs)
    if lo == hi:
        lo, hi = lo - 1, hi + 1
    plot.xValueAxis.valueMin, plot.xValueAxis.valueMax = lo, hi
    steps = min(6, hi - lo) or 1
    plot.xValueAxis.valueSteps = [lo + round(i * (hi - lo) / steps) for i in range(steps + 1)]
    plot.xValueAxis.labelTextFormat = lambda x: dt.date.fromordinal(int(x)).strftime("%Y-%m-%d")
    plot.xValueAxis.labels.fontName = font
    plot.xValueAxis.labels.fontSize = 6.5
    plot.yValueAxis.labels.fontName = font
    plot.yValueAxis.labels.fontSize = 7
    if value_min is not None:
        plot.yValueAxis.valueMin = value_min
    if value_max is not None:
        plot.yValueAxis.valueMax = value_max
    for i in range(len(series)):
        plot.lines[i].strokeColor = SERIES[i % len(SERIES)]
        plot.lines[i].strokeWidth = 1.2
        if max(len(p) for p in data) <= 12:
            plot.lines[i].symbol = makeMarker("FilledCircle", size=3)
    drawing.add(plot)
    legend = Legend()
    legend.x, legend.y = 32, height - 4
    legend.fontName = font
    legend.fontSize = 7
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 70
    legend.colorNamePairs = [(SERIES[i % len(SERIES)], name) for i, (name, _) in
                             enumerate(series)]
    legend.dxTextSpace = 3
    legend.dx = legend.dy = 6
    legend.boxAnchor = "nw"
    drawing.add(legend)
    return drawing


def caption(text: str, font: str, width: float = 170 * mm) -> Drawing:
    drawing = Drawing(width, 12)
    drawing.add(String(0, 2, text, fontName=font, fontSize=8, fillColor=REPORT_MUTED))
    return drawing
