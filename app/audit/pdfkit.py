"""reportlab building blocks shared by the audit and scan reports: the CJK font, styles, a
numbered page frame, and the charts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from app.appeal.fonts import FontNotFoundError, find_cjk_font, register_pdf_font
from app.errors import UserError
from app.i18n import Lang, LocalText

ACCENT = colors.HexColor("#1f6feb")
MUTED = colors.HexColor("#57606a")
LEVEL_COLOURS = {"low": colors.HexColor("#2da44e"), "medium": colors.HexColor("#d4a72c"),
                 "high": colors.HexColor("#cf222e")}
SERIES = [colors.HexColor("#1f6feb"), colors.HexColor("#2da44e"), colors.HexColor("#cf222e"),
          colors.HexColor("#8250df")]


class ReportFontError(UserError):
    def __init__(self, message: LocalText) -> None:
        super().__init__(message)
        self.message = message


def cjk_font_name() -> str:
    try:
        return register_pdf_font(find_cjk_font())
    except FontNotFoundError as exc:
        raise ReportFontError(exc.message) from exc


class Styles:
    def __init__(self, font: str, lang: Lang) -> None:
        wrap = "CJK" if lang == "zh_CN" else None
        base = dict(fontName=font, wordWrap=wrap, alignment=TA_LEFT)
        self.font = font
        self.title = ParagraphStyle("title", fontSize=18, leading=24, spaceAfter=6,
                                    textColor=ACCENT, **base)
        self.h1 = ParagraphStyle("h1", fontSize=13.5, leading=18, spaceBefore=10, spaceAfter=4,
                                 textColor=ACCENT, **base)
        self.h2 = ParagraphStyle("h2", fontSize=11, leading=15, spaceBefore=6, spaceAfter=2,
                                 **base)
        self.body = ParagraphStyle("body", fontSize=9.5, leading=13.5, **base)
        self.small = ParagraphStyle("small", fontSize=8, leading=11, textColor=MUTED, **base)
        self.cell = ParagraphStyle("cell", fontSize=8.5, leading=11.5, **base)
        self.advice = ParagraphStyle("advice", fontSize=9, leading=12.5, leftIndent=8,
                                     textColor=colors.HexColor("#0b5e2a"), **base)

    def p(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(escape(text).replace("\n", "<br/>"), style or self.body)


def table(rows: list[list[Any]], widths: Sequence[float], styles: Styles,
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


def build(out: Path, story: list, styles: Styles, footer: str, title: str) -> None:
    """Write ``story`` to ``out`` with "page X of Y" and ``footer`` on every page."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(styles.font, 7.5)
                self.setFillColor(MUTED)
                self.drawString(18 * mm, 10 * mm, footer)
                self.drawRightString(A4[0] - 18 * mm, 10 * mm, f"{self._pageNumber} / {total}")
                super().showPage()
            super().save()

    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                            topMargin=16 * mm, bottomMargin=18 * mm, title=title,
                            author="", subject="", creator="WeCom Appeal & Compliance Assistant")
    doc.build(story, canvasmaker=NumberedCanvas)


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
    chart.bars[0].fillColor = ACCENT
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
    drawing.add(String(0, 2, text, fontName=font, fontSize=8, fillColor=MUTED))
    return drawing
