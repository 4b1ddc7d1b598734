"""The overall score of each saved audit over time (0-100), each point labelled with its score."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from app.ui.widgets.line_chart import LineChart, Series


class TrendChart(LineChart):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, fixed_max=100)
        self._points: list[tuple[dt.date, float]] = []
        self.retranslate()

    def set_points(self, points: list[tuple[dt.date, float]]) -> None:
        self._points = sorted(points)
        self.retranslate()

    def points(self) -> list[tuple[dt.date, float]]:
        return list(self._points)

    def retranslate(self) -> None:
        self.empty_text = self.tr("Saved audits appear here as a trend.")
        self.set_series([Series(self.tr("overall score"), self._points,
                                labels=[f"{v:.0f}" for _, v in self._points])]
                        if self._points else [])
