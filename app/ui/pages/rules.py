"""The Rules workspace: the catalogue as a searchable tree with a detail pane."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTreeWidgetItem, QWidget

from app.ui import theme
from app.ui.context import AppContext
from app.ui.forms.ui_rules import Ui_RulesPage
from app.ui.widgets.catalogue_entries import Entry, build_entries

KEY_ROLE = Qt.ItemDataRole.UserRole


class RulesPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.ui = Ui_RulesPage()
        self.ui.setupUi(self)
        theme.style(self, 'QLabel[hint="true"] { color: @hint; }')
        self._split_done = False
        self._entries: dict[str, Entry] = {}
        self._items: dict[str, QTreeWidgetItem] = {}
        self.ui.searchEdit.textChanged.connect(self.apply_filter)
        self.ui.tree.currentItemChanged.connect(self._show_detail)
        context.hub.language_changed.connect(self.retranslate)
        theme.announcer().changed.connect(self._build)  # the detail's source line is a token
        self._build()

    def _build(self, *_: object) -> None:
        current = self.ui.tree.currentItem()
        current_key = current.data(0, KEY_ROLE) if current else None
        self.ui.tree.clear()
        self._entries.clear()
        self._items.clear()

        def add(entry: Entry, parent: QTreeWidgetItem | None) -> None:
            item = QTreeWidgetItem([entry.title])
            item.setData(0, KEY_ROLE, entry.key)
            item.setToolTip(0, entry.title)
            if parent is None:
                self.ui.tree.addTopLevelItem(item)
            else:
                parent.addChild(item)
            self._entries[entry.key] = entry
            self._items[entry.key] = item
            for child in entry.children:
                add(child, item)

        for entry in build_entries(self.context.catalogue, self.context.lang):
            add(entry, None)
        self.ui.tree.expandToDepth(1)
        meta = self.context.catalogue.meta
        self.ui.sourceLabel.setText(self.tr(
            "Rule catalogue {version}, from “{source}” (retrieved {retrieved})").format(
            version=meta.version, source=meta.source_title, retrieved=meta.retrieved.isoformat()))
        self.apply_filter(self.ui.searchEdit.text())
        if current_key in self._items:
            self.ui.tree.setCurrentItem(self._items[current_key])
        else:
            self.ui.detail.setHtml(self.tr("<p>Choose an item on the left to read it.</p>"))

    def apply_filter(self, text: str) -> None:
        words = text.lower().split()
        matches = 0

        def visit(item: QTreeWidgetItem, parent_matched: bool) -> bool:
            nonlocal matches
            entry = self._entries[item.data(0, KEY_ROLE)]
            own = bool(words) and bool(entry.haystack) and entry.matches(words)
            matches += own
            any_child = False
            for i in range(item.childCount()):
                any_child |= visit(item.child(i), parent_matched or own)
            visible = not words or own or any_child or parent_matched
            item.setHidden(not visible)
            if words and any_child:
                item.setExpanded(True)
            return own or any_child

        for i in range(self.ui.tree.topLevelItemCount()):
            visit(self.ui.tree.topLevelItem(i), False)
        self.ui.matchCount.setText(
            self.tr("Matches: {count}").format(count=matches) if words else "")

    def visible_keys(self) -> list[str]:
        """Keys of the entries the filter leaves visible (leaves and branches)."""
        return [key for key, item in self._items.items() if not item.isHidden()
                and self._entries[key].haystack]

    def _show_detail(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            return
        entry = self._entries[item.data(0, KEY_ROLE)]
        if entry.detail:
            self.ui.detail.setHtml(entry.detail)
        else:
            titles = "".join(f"<li>{html.escape(child.title)}</li>" for child in entry.children)
            self.ui.detail.setHtml(f"<h3>{html.escape(entry.title)}</h3><ul>{titles}</ul>")

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._split_done:  # the tree's labels are the longer ones: two thirds
            self._split_done = True
            width = self.ui.splitter.width()
            self.ui.splitter.setSizes([width * 2 // 3, width - width * 2 // 3])

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self._build()
