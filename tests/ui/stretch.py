"""Finding text that does not fit: labels and buttons narrower than their text."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QLabel, QTabBar, QWidget


def in_scroll_area(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, QTabBar):
            return True
        parent = parent.parentWidget()
    return False


def clipped(root: QWidget) -> list[str]:
    """Visible labels and buttons showing text whose size hint is wider than they are
    (a word-wrapping label, or one in a scroll area the user can scroll, is not clipped)."""
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, (QLabel, QAbstractButton)) or not widget.isVisible():
            continue
        if not widget.text().strip() or in_scroll_area(widget):
            continue
        if isinstance(widget, QLabel) and (widget.wordWrap() or not widget.pixmap().isNull()):
            continue
        if widget.sizeHint().width() > widget.width():
            found.append(f"{type(widget).__name__} {widget.objectName()!r}: "
                         f"{widget.width()} < {widget.sizeHint().width()} {widget.text()[:40]!r}")
    return found


def clipped_cells(root: QWidget) -> list[str]:
    """Table cells whose text neither fits (wrapped, where the table wraps) nor has the whole
    text as its tooltip: a reader could not see the rest (cells holding an editor widget are
    the editor's business)."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QTableView

    found = []
    for view in root.findChildren(QTableView):
        model = view.model()
        if model is None or not view.isVisible():
            continue
        metrics = view.fontMetrics()
        margin = 2 * (view.style().pixelMetric(view.style().PixelMetric.PM_FocusFrameHMargin,
                                               None, view) + 1)
        for row in range(model.rowCount()):
            if view.isRowHidden(row):
                continue
            for column in range(model.columnCount()):
                if view.isColumnHidden(column):
                    continue
                index = model.index(row, column)
                text = index.data(Qt.ItemDataRole.DisplayRole)
                editor = view.indexWidget(index)
                if editor is not None:  # a combo box or date field: its widest text fits
                    for field in (editor, *editor.findChildren(QWidget)):
                        if (isinstance(field, (QComboBox, QAbstractSpinBox))
                                and field.isVisible()
                                and field.sizeHint().width() > field.width()):
                            found.append(f"{view.objectName() or type(view).__name__} editor "
                                         f"({row}, {column}) {field.width()} < "
                                         f"{field.sizeHint().width()}")
                    continue
                if not isinstance(text, str) or not text.strip():
                    continue
                width = view.columnWidth(column) - margin
                height = view.rowHeight(row)
                if view.wordWrap():
                    needed = metrics.boundingRect(QRect(0, 0, max(width, 1), 100000),
                                                  int(Qt.TextFlag.TextWordWrap), text)
                    fits = needed.height() <= height and needed.width() <= width + 1
                else:
                    fits = metrics.horizontalAdvance(text) <= width
                tip = index.data(Qt.ItemDataRole.ToolTipRole)
                if not fits and tip != text:
                    found.append(f"{view.objectName() or type(view).__name__} cell "
                                 f"({row}, {column}) {width}×{height}: {text[:40]!r}")
    return found
