"""A small line chart drawn with QPainter (QtCharts is not part of PySide6-Essentials).

Series of (date, value) points share one date axis; the legend names each series in text, so
colour is never the only cue (the series also differ in point marks).
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.ui import theme

MARKS = ("circle", "square", "triangle", "diamond")


@dataclass
class Series:
    name: str
    points: list[tuple[dt.date, float]]
    colour: str = ""
    labels: list[str] = field(default_factory=list)  # one per point, drawn beside it


TICKS = 4


def _nice_max(value: float) -> float:
    """A top of the value axis whose quarter is a round number (60, 120, 180, 240 for 238)."""
    if value <= 0:
        return float(TICKS)
    step = value / TICKS
    magnitude = 10 ** math.floor(math.log10(step))
    for factor in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if step <= factor * magnitude:
            return factor * magnitude * TICKS
    return 10 * magnitude * TICKS


class LineChart(QWidget):
    def __init__(self, parent: QWidget | None = None, *, fixed_max: float | None = None) -> None:
        super().__init__(parent)
        self.series: list[Series] = []
        self.fixed_max = fixed_max
        self.empty_text = ""
        self.setMinimumHeight(140)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(360, 180)

    def set_series(self, series: list[Series]) -> None:
        self.series = series
        # A screen reader cannot see the lines: the name says what is drawn, the description
        # summarises each series and lists its last points.
        self.setAccessibleName(self.tr("Chart: {series}").format(
            series=", ".join(s.name for s in series)) if series else self.empty_text)
        self.setAccessibleDescription("; ".join(self._summary(s) for s in series if s.points))
        self.update()

    def _summary(self, s: Series) -> str:
        days = [d for d, _ in s.points]
        high_day, high = max(s.points, key=lambda p: p[1])
        return self.tr("{name}: {count} points from {first} to {last}, highest {high:g} on "
                       "{high_day}, latest {latest:g}; last values {values}").format(
            name=s.name, count=len(s.points), first=min(days), last=max(days), high=high,
            high_day=high_day, latest=s.points[-1][1],
            values=", ".join(f"{d} {v:g}" for d, v in s.points[-10:]))

    def point_count(self) -> int:
        return sum(len(s.points) for s in self.series)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        painter.fillRect(rect, self.palette().base())
        metrics = QFontMetrics(self.font())
        text_colour = self.palette().text().color()
        points = [p for s in self.series for p in s.points]
        if not points:
            painter.setPen(text_colour)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self.empty_text)
            return
        days = [d for d, _ in points]
        first, last = min(days), max(days)
        top = self.fixed_max or _nice_max(max(v for _, v in points))
        line = metrics.height()
        legend = self._legend_layout(metrics, rect)
        legend_height = (max(row for _, _, row in legend) + 1) * (line + 2) + 4
        ticks = [f"{top * i / TICKS:g}" for i in range(TICKS + 1)]
        left = max(metrics.horizontalAdvance(t) for t in ticks) + 10
        plot = QRectF(rect.left() + left, rect.top() + legend_height + 4,
                      rect.width() - left - 12, rect.height() - legend_height - line - 14)
        if plot.width() < 20 or plot.height() < 20:
            return
        span = max(1, (last - first).days)

        def at(day: dt.date, value: float) -> QPointF:
            x = plot.left() + plot.width() * ((day - first).days / span if last != first else 0.5)
            return QPointF(x, plot.bottom() - plot.height() * min(value, top) / top)

        grid = QColor(text_colour)
        grid.setAlpha(50)
        painter.setPen(QPen(grid, 1))
        for i, label in enumerate(ticks):
            y = plot.bottom() - plot.height() * i / TICKS
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text_colour)
            painter.drawText(QRectF(rect.left(), y - line / 2, left - 6, line),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            painter.setPen(QPen(grid, 1))
        painter.setPen(text_colour)
        for day, align in ((first, Qt.AlignmentFlag.AlignLeft),
                           (last, Qt.AlignmentFlag.AlignRight)):
            if day == last and last == first:
                continue
            painter.drawText(QRectF(plot.left(), plot.bottom() + 4, plot.width(), line),
                             align, day.isoformat())
        if last == first:
            painter.drawText(QRectF(plot.left(), plot.bottom() + 4, plot.width(), line),
                             Qt.AlignmentFlag.AlignHCenter, first.isoformat())

        for i, s in enumerate(self.series):
            # Each scheme has its own series colours, legible on its Base colour.
            colour = QColor(s.colour) if s.colour else theme.series_colour(i)
            painter.setPen(QPen(colour, 2))
            pts = [at(d, v) for d, v in s.points]
            for a, b in itertools.pairwise(pts):
                painter.drawLine(a, b)
            mark = MARKS[i % len(MARKS)]
            if len(pts) <= 40:
                for p in pts:
                    self._mark(painter, p, mark, colour)
            for p, label in zip(pts, s.labels, strict=False):
                painter.setPen(text_colour)
                # Beside the point at the edges, so the axis labels stay readable.
                box, align = QRectF(p.x() - 40, p.y() - line - 6, 80, line), \
                    Qt.AlignmentFlag.AlignHCenter
                if box.left() < plot.left():
                    box.moveLeft(p.x() + 6)
                    align = Qt.AlignmentFlag.AlignLeft
                elif box.right() > plot.right():
                    box.moveRight(p.x() - 6)
                    align = Qt.AlignmentFlag.AlignRight
                painter.drawText(box, align, label)
            # Legend: a mark and the name, in text.
            _, x, row = legend[i]
            y = rect.top() + row * (line + 2)
            self._mark(painter, QPointF(x + 5, y + line / 2 + 2), mark, colour)
            painter.setPen(text_colour)
            painter.drawText(QPointF(x + 14, y + metrics.ascent() + 2), s.name)

    def _legend_layout(self, metrics: QFontMetrics, rect: QRectF) -> list[tuple[str, float, int]]:
        """(name, x, row) of each legend entry, wrapped to the width."""
        out = []
        x, row = rect.left() + 8, 0
        for s in self.series:
            width = 14 + metrics.horizontalAdvance(s.name) + 16
            if x + width > rect.right() and x > rect.left() + 8:
                x, row = rect.left() + 8, row + 1
            out.append((s.name, x, row))
            x += width
        return out or [("", 0.0, 0)]

    @staticmethod
    def _mark(painter: QPainter, p: QPointF, mark: str, colour: QColor) -> None:
        painter.setPen(QPen(colour, 1.5))
        painter.setBrush(colour)
        r = 3.5
        if mark == "circle":
            painter.drawEllipse(p, r, r)
        elif mark == "square":
            painter.drawRect(QRectF(p.x() - r, p.y() - r, 2 * r, 2 * r))
        elif mark == "triangle":
            painter.drawPolygon([QPointF(p.x(), p.y() - r - 1), QPointF(p.x() - r, p.y() + r),
                                 QPointF(p.x() + r, p.y() + r)])
        else:
            painter.drawPolygon([QPointF(p.x(), p.y() - r - 1), QPointF(p.x() + r + 1, p.y()),
                                 QPointF(p.x(), p.y() + r + 1), QPointF(p.x() - r - 1, p.y())])
        painter.setBrush(Qt.BrushStyle.NoBrush)
