"""Undoable edits of the Cases workspace: deleting a case, removing a document.

Both go to the store's trash, so undo restores exactly what was there.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from app.store import cases, documents
from app.store.workspace import Workspace


class DeleteCaseCommand(QUndoCommand):
    def __init__(self, ws: Workspace, case_id: str, changed: Callable[[], None]) -> None:
        super().__init__(QCoreApplication.translate("CasesPage", "delete case {id}").format(
            id=case_id))
        self.ws, self.case_id, self.changed = ws, case_id, changed

    def redo(self) -> None:
        cases.trash_case(self.ws, self.case_id)
        self.changed()

    def undo(self) -> None:
        cases.restore_case(self.ws, self.case_id)
        self.changed()


class RemoveDocumentCommand(QUndoCommand):
    def __init__(self, ws: Workspace, doc_id: str, title: str,
                 changed: Callable[[], None]) -> None:
        super().__init__(QCoreApplication.translate("CasesPage", "remove {document}").format(
            document=title))
        self.ws, self.doc_id, self.changed = ws, doc_id, changed

    def redo(self) -> None:
        documents.remove_document(self.ws, self.doc_id)
        self.changed()

    def undo(self) -> None:
        documents.restore_document(self.ws, self.doc_id)
        self.changed()
