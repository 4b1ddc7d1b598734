"""Accessible names for every control, derived from what a sighted user sees.

Screen readers announce a control by its accessible name. Controls drawn in Designer or code
mostly show their purpose in a label beside them, so the name is derived, in this order, from:
a radio button's group box title and its own text ("Account: Member"); its own text; the QLabel
whose buddy it is; the QFormLayout label of its field; a group box around it; its tooltip; its
placeholder. Names set explicitly (icon-only buttons, citation chips) are never replaced.

``watch(widget)`` names the controls of a page or dialog now and again whenever it is shown,
its language changes or the keyboard focus enters a control that has no name yet (controls
created later, such as a diagnosis result's checkboxes). ``unnamed(widget)`` lists what is
still without a name; the UI tests assert it is empty.
"""

from __future__ import annotations

import re
from html import unescape

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

DERIVED = "a11yDerivedName"  # the dynamic property that marks a name this module chose
_TAG = re.compile(r"<[^>]+>")
_INTERNAL_PARENTS = (QAbstractSpinBox, QComboBox)


def visible_text(text: str) -> str:
    """``&Next:`` → ``Next``; rich text → plain text; whitespace collapsed."""
    if "<" in text and _TAG.search(text):
        text = unescape(_TAG.sub(" ", text))
    text = re.sub(r"&(&?)", lambda m: m.group(1), text)
    text = " ".join(text.split())
    return text.rstrip(":：").strip()


def is_control(widget: QWidget) -> bool:
    """A widget the keyboard can reach (labels that merely show text are not controls; a
    widget that hands its focus to another, as QTabWidget to its tab bar, is that other)."""
    if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or widget.focusProxy() is not None:
        return False
    if isinstance(widget, QLabel):
        keyboard = (Qt.TextInteractionFlag.LinksAccessibleByKeyboard
                    | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        return bool(widget.textInteractionFlags() & keyboard)
    return True


def controls(root: QWidget) -> list[QWidget]:
    window = root.window()  # not the popups of combo boxes, which are windows of their own
    return [w for w in (root, *root.findChildren(QWidget))
            if is_control(w) and w.window() is window]


def unnamed(root: QWidget) -> list[QWidget]:
    """The controls under ``root`` that still have no accessible name."""
    return [w for w in controls(root) if not w.accessibleName().strip()]


def _key(widget: QWidget) -> int:
    return shiboken6.getCppPointer(widget)[0]


def _label_map(root: QWidget) -> dict[int, str]:
    """id(field) → text of its buddy label or its QFormLayout label."""
    found: dict[int, str] = {}
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and label.text().strip():
            found.setdefault(_key(buddy), visible_text(label.text()))
    for layout in root.findChildren(QFormLayout):
        for row in range(layout.rowCount()):
            item = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = layout.itemAt(row, QFormLayout.ItemRole.FieldRole)
            label = item.widget() if item is not None else None
            if not isinstance(label, QLabel) or field is None or not label.text().strip():
                continue
            for widget in _widgets_of(field):
                found.setdefault(_key(widget), visible_text(label.text()))
    return found


def _widgets_of(item) -> list[QWidget]:  # type: ignore[no-untyped-def]
    """The widget of a layout item, or every widget in a nested layout."""
    widget = item.widget()
    if widget is not None:
        return [widget, *widget.findChildren(QWidget)]
    layout = item.layout() if not isinstance(item, QLayout) else item
    if layout is None:
        return []
    out: list[QWidget] = []
    for i in range(layout.count()):
        out += _widgets_of(layout.itemAt(i))
    return out


def _group_title(widget: QWidget) -> str:
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        if isinstance(parent, QGroupBox) and parent.title().strip():
            return visible_text(parent.title())
        parent = parent.parentWidget()
    return ""


def _preceding_label(widget: QWidget) -> str:
    """The text of the label laid out just before ``widget`` (a heading above a list), when
    no other control sits between them."""
    parent = widget.parentWidget()
    layout = parent.layout() if parent is not None else None
    if layout is None:
        return ""
    before = None
    for other in _widgets_of(layout):
        if other is widget:
            break
        if other.parentWidget() is not parent:
            continue
        if isinstance(other, QLabel):
            before = other
        elif is_control(other):
            before = None
    if isinstance(before, QLabel) and before.buddy() is None and before.text().strip():
        return visible_text(before.text())
    return ""


def _tab_title(widget: QWidget) -> str:
    """The title of the tab whose page holds ``widget``."""
    seen, parent = [widget], widget.parentWidget()
    while parent is not None and not parent.isWindow():
        if isinstance(parent, QTabWidget):
            for page in seen:  # the page sits in the tab widget's internal stack
                if (index := parent.indexOf(page)) >= 0:
                    return visible_text(parent.tabText(index))
        seen.append(parent)
        parent = parent.parentWidget()
    return ""


def _placeholder(widget: QWidget) -> str:
    if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
        return widget.placeholderText()
    if isinstance(widget, QComboBox) and widget.lineEdit() is not None:
        return widget.lineEdit().placeholderText()
    return ""


def derive_name(widget: QWidget, labels: dict[int, str] | None = None) -> str:
    """The name a sighted user would give ``widget`` from what is on screen, or ""."""
    labels = _label_map(widget.window()) if labels is None else labels
    parent = widget.parentWidget()
    if parent is not None and isinstance(parent, _INTERNAL_PARENTS):
        # A spin box's or an editable combo box's own line edit: the box's name.
        return parent.accessibleName() or derive_name(parent, labels)
    own = visible_text(widget.text()) if isinstance(widget, QAbstractButton) else ""
    group = _group_title(widget)
    if isinstance(widget, QRadioButton) and own and group:
        return f"{group}: {own}"
    if isinstance(widget, QGroupBox) and widget.isCheckable():
        own = visible_text(widget.title())
    if isinstance(widget, QTabBar):
        own = ", ".join(visible_text(widget.tabText(i)) for i in range(widget.count()))
    for candidate in (own, labels.get(_key(widget), ""), _preceding_label(widget), group,
                      visible_text(widget.toolTip()), visible_text(_placeholder(widget)),
                      _tab_title(widget)):
        if candidate:
            return candidate
    return ""


def name_controls(root: QWidget) -> list[QWidget]:
    """Give every control under ``root`` without a name (or with a name derived earlier, which
    may be stale after a language change) a derived one; the tooltip becomes the description.
    Returns the controls still without a name."""
    labels = _label_map(root.window())
    for widget in controls(root):
        current = widget.accessibleName()
        derived_before = widget.property(DERIVED)
        if current and current != derived_before:
            continue  # set explicitly
        name = derive_name(widget, labels)
        if name != current:
            widget.setAccessibleName(name)
        widget.setProperty(DERIVED, name)
        tip = visible_text(widget.toolTip())
        if tip and tip != name and not widget.accessibleDescription():
            widget.setAccessibleDescription(tip)
    return unnamed(root)


def tab_after(anchor: QWidget, widgets: list[QWidget]) -> QWidget:
    """Put ``widgets`` (and their own focusable children) in the Tab chain right after
    ``anchor``, in this order; returns the last one. Widgets created after a form's setupUi
    otherwise come last in the chain, after everything the form laid out below them."""
    previous = anchor
    for widget in widgets:
        for part in (widget, *widget.findChildren(QWidget)):
            if part.focusPolicy() & Qt.FocusPolicy.TabFocus and part.focusProxy() is None:
                QWidget.setTabOrder(previous, part)
                previous = part
    return previous


class _Namer(QObject):
    """Names the controls of one page or dialog when it is shown or retranslated, and a control
    that receives the focus without a name (it was created after the page was shown)."""

    def __init__(self, root: QWidget) -> None:
        super().__init__(root)
        self.root = root
        root.installEventFilter(self)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.root and event.type() in (QEvent.Type.Show,
                                                     QEvent.Type.LanguageChange):
            name_controls(self.root)
        return False

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and not new.accessibleName() and self.root.isAncestorOf(new):
            name_controls(self.root)


ARROWS = {Qt.Key.Key_Down: 1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_Left: -1}


def radio_siblings(radio: QRadioButton) -> list[QRadioButton]:
    """The radio buttons that exclude each other with ``radio``, in reading order."""
    group = radio.group()
    if group is not None and group.exclusive():
        buttons = [b for b in group.buttons() if isinstance(b, QRadioButton)]
    elif radio.autoExclusive() and radio.parentWidget() is not None:
        buttons = [b for b in radio.parentWidget().findChildren(QRadioButton)
                   if b.parentWidget() is radio.parentWidget() and b.autoExclusive()
                   and b.group() is None]
    else:
        return [radio]
    buttons = [b for b in buttons if b.isVisible() and b.isEnabled()]
    top = radio.window()
    return sorted(buttons, key=lambda b: (b.mapTo(top, b.rect().topLeft()).y(),
                                          b.mapTo(top, b.rect().topLeft()).x()))


class _RadioArrows(QObject):
    """Every arrow key moves through a radio group and selects, whichever way the group is
    laid out (Qt's own handling only follows the layout's direction: Right did nothing in a
    column, Down nothing in a row); at the group's ends the keys stop."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() != QEvent.Type.KeyPress or not isinstance(watched, QRadioButton)
                or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            return False
        step = ARROWS.get(Qt.Key(event.key()))
        buttons = radio_siblings(watched) if step else []
        if len(buttons) < 2 or watched not in buttons:
            return False
        index = buttons.index(watched) + step
        if not 0 <= index < len(buttons):
            return True  # at the group's end, as Qt: no jump to another group
        target = buttons[index]
        target.setFocus(Qt.FocusReason.TabFocusReason)
        if not target.isChecked():
            target.click()
        return True


_radio_arrows: _RadioArrows | None = None


def arrow_keys_select_radios() -> None:
    """Install (once per application) the arrow-key handling of radio groups."""
    global _radio_arrows
    app = QApplication.instance()
    if _radio_arrows is None and app is not None:
        _radio_arrows = _RadioArrows(app)
        app.installEventFilter(_radio_arrows)


def watch(root: QWidget) -> QWidget:
    """Name ``root``'s controls now and keep them named; returns ``root``."""
    arrow_keys_select_radios()
    name_controls(root)
    if not root.property("a11yWatched"):
        root.setProperty("a11yWatched", True)
        _Namer(root)
    return root

