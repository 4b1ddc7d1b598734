"""Where the Appeal page keeps its documents: the workspace vault for a case, or the session.

The core reads documents by path, so each document has a local file: the user's own file in a
session, a decrypted copy in a private temporary folder for a workspace case (removed when the
page lets go of the case). Edits (a quarter turn, a crop) are not identity data and are kept in
the settings by document id; the statement is kept as vault ciphertext.
"""

from __future__ import annotations

import atexit
import base64
import logging
import secrets
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QSettings

from app.appeal.intake import Edits

log = logging.getLogger(__name__)


@dataclass
class StoredDocument:
    id: str
    kind: str
    path: Path
    filename: str
    edits: Edits | None = None


class PackageStore(Protocol):
    persistent: bool

    def load(self) -> list[StoredDocument]: ...
    def add(self, kind: str, path: Path, filename: str) -> StoredDocument: ...
    def remove(self, doc: StoredDocument) -> None: ...
    def restore(self, doc: StoredDocument) -> None: ...
    def set_edits(self, doc: StoredDocument, edits: Edits | None) -> None: ...
    def load_statement(self) -> str | None: ...
    def save_statement(self, text: str) -> None: ...
    def scratch_dir(self) -> Path: ...
    def close(self) -> None: ...


_OPEN_DIRS: set[Path] = set()


def _private_dir() -> Path:
    path = Path(tempfile.mkdtemp(prefix="wecom-appeal-ui-"))  # mode 0700
    _OPEN_DIRS.add(path)
    return path


def _remove(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
    _OPEN_DIRS.discard(path)


@atexit.register
def _remove_all() -> None:
    """Decrypted copies and pasted pictures never outlive the app, however the page ends."""
    for path in list(_OPEN_DIRS):
        _remove(path)


class SessionStore:
    """Documents for this session only: the user's files stay where they are."""

    persistent = False

    def __init__(self) -> None:
        self._docs: dict[str, StoredDocument] = {}
        self._statement: str | None = None
        self._scratch: Path | None = None

    def load(self) -> list[StoredDocument]:
        return list(self._docs.values())

    def add(self, kind: str, path: Path, filename: str) -> StoredDocument:
        doc = StoredDocument(secrets.token_hex(8), kind, path, filename)
        self._docs[doc.id] = doc
        return doc

    def remove(self, doc: StoredDocument) -> None:
        self._docs.pop(doc.id, None)

    def restore(self, doc: StoredDocument) -> None:
        self._docs[doc.id] = doc

    def set_edits(self, doc: StoredDocument, edits: Edits | None) -> None:
        doc.edits = edits

    def load_statement(self) -> str | None:
        return self._statement

    def save_statement(self, text: str) -> None:
        self._statement = text

    def scratch_dir(self) -> Path:
        if self._scratch is None:
            self._scratch = _private_dir()
        return self._scratch

    def close(self) -> None:
        if self._scratch is not None:
            _remove(self._scratch)
            self._scratch = None


class WorkspaceStore:
    """The documents of one case, encrypted in the workspace vault (app.store.documents)."""

    persistent = True

    def __init__(self, ws: Any, case_id: str, settings: QSettings) -> None:
        self.ws = ws
        self.case_id = case_id
        self.settings = settings
        self._dir = _private_dir()

    def _key(self, *parts: str) -> str:
        return "/".join(("appeal", "cases", self.case_id, *parts))

    def _materialise(self, doc_id: str, kind: str, filename: str | None, data: bytes
                     ) -> StoredDocument:
        name = Path(filename or f"{kind}").name
        folder = self._dir / doc_id
        folder.mkdir(exist_ok=True)
        path = folder / name
        path.write_bytes(data)
        raw = self.settings.value(self._key("edits", doc_id))
        edits = Edits.model_validate_json(raw) if raw else None
        return StoredDocument(doc_id, kind, path, name, edits)

    def load(self) -> list[StoredDocument]:
        from app.store import documents

        out = []
        for info in documents.list_documents(self.ws, self.case_id):
            _, filename, data = documents.read_document(self.ws, info.id)
            out.append(self._materialise(info.id, info.kind, filename, data))
        return out

    def add(self, kind: str, path: Path, filename: str) -> StoredDocument:
        from app.store import documents

        info = documents.add_document(self.ws, self.case_id, kind, path.read_bytes(), filename)
        return self._materialise(info.id, kind, filename, path.read_bytes())

    def remove(self, doc: StoredDocument) -> None:
        from app.store import documents

        documents.remove_document(self.ws, doc.id)  # to the trash: restore undoes it

    def restore(self, doc: StoredDocument) -> None:
        from app.store import documents

        documents.restore_document(self.ws, doc.id)

    def set_edits(self, doc: StoredDocument, edits: Edits | None) -> None:
        doc.edits = edits
        if edits is None:
            self.settings.remove(self._key("edits", doc.id))
        else:
            self.settings.setValue(self._key("edits", doc.id), edits.model_dump_json())

    def load_statement(self) -> str | None:
        raw = self.settings.value(self._key("statement"))
        if not raw:
            return None
        try:
            return self.ws.vault.decrypt_text(base64.b64decode(raw), self._key("statement"))
        except Exception:  # a statement from another vault: start again from the generated one
            log.warning("the saved statement of case %s cannot be decrypted", self.case_id)
            return None

    def save_statement(self, text: str) -> None:
        blob = self.ws.vault.encrypt_text(text, self._key("statement"))
        self.settings.setValue(self._key("statement"), base64.b64encode(blob).decode("ascii"))

    def scratch_dir(self) -> Path:
        return self._dir

    def close(self) -> None:
        _remove(self._dir)
