"""Where the Appeal page keeps a case's package: its documents encrypted in the workspace vault
and its draft (statement, letter options, edits, watermark and layout) in the case's encrypted
package draft (app.store.drafts). Nothing of a case stays in the settings: what older versions
kept there is moved into the case once, when the case is first opened, and removed.

The core reads documents by path, so each document has a local file: a decrypted copy in a
private temporary folder (removed when the page lets go of the case).
"""

from __future__ import annotations

import atexit
import logging
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QSettings

from app.appeal.sources import Edits
from app.store.drafts import PackageDraft

log = logging.getLogger(__name__)


@dataclass
class StoredDocument:
    id: str
    kind: str
    path: Path
    filename: str
    edits: Edits | None = None
    source: str = "case"  # or "enterprise": a standing document of the Enterprise page


class PackageStore(Protocol):
    persistent: bool

    def load(self) -> list[StoredDocument]: ...
    def add(self, kind: str, path: Path, filename: str) -> StoredDocument: ...
    def remove(self, doc: StoredDocument) -> None: ...
    def restore(self, doc: StoredDocument) -> None: ...
    def set_edits(self, doc: StoredDocument, edits: Edits | None) -> None: ...
    def load_statement(self) -> str | None: ...
    def save_statement(self, text: str) -> None: ...
    def draft(self) -> PackageDraft: ...
    def update_draft(self, **fields: Any) -> None: ...
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


def move_legacy_drafts(ws: Any, settings: QSettings) -> int:
    """Every case's statement and edits that older versions kept in the settings, into the
    case's encrypted draft (needs the unlocked vault); the moved keys are removed. Returns how
    many cases had some. Cases in the settings that the workspace no longer has are left."""
    from app.store import drafts
    from app.store.errors import StoreError

    prefix = f"{drafts.LEGACY_PREFIX}cases/"
    case_ids = {key[len(prefix):].split("/", 1)[0] for key in settings.allKeys()
                if key.startswith(prefix)}
    values = {key: settings.value(key) for key in settings.allKeys()
              if key.startswith(drafts.LEGACY_PREFIX)}
    moved = 0
    for case_id in sorted(case_ids):
        try:
            result = drafts.import_legacy_settings(ws, case_id, values)
        except StoreError as exc:  # a case deleted since, or a draft that cannot be read
            log.info("settings of case %s not moved: %s", case_id, exc)
            continue
        for key in result.moved:
            settings.remove(key)
        moved += bool(result.moved)
    return moved


class NoCaseStore:
    """No case chosen (or its workspace locked): nothing to show and nothing kept; the page
    disables the slots, so nothing is ever held "for this session only"."""

    persistent = False

    def __init__(self) -> None:
        self._draft = PackageDraft()

    def load(self) -> list[StoredDocument]:
        return []

    def add(self, kind: str, path: Path, filename: str) -> StoredDocument:
        raise RuntimeError("no case: documents are kept only with a case")

    def remove(self, doc: StoredDocument) -> None:
        pass

    def restore(self, doc: StoredDocument) -> None:
        pass

    def set_edits(self, doc: StoredDocument, edits: Edits | None) -> None:
        doc.edits = edits

    def load_statement(self) -> str | None:
        return None

    def save_statement(self, text: str) -> None:
        pass

    def draft(self) -> PackageDraft:
        return self._draft

    def update_draft(self, **fields: Any) -> None:
        self._draft = self._draft.model_copy(update=fields)

    def scratch_dir(self) -> Path:
        raise RuntimeError("no case: nothing to keep")

    def close(self) -> None:
        pass


class WorkspaceStore:
    """The documents and the package draft of one case, encrypted in the workspace."""

    persistent = True

    def __init__(self, ws: Any, case_id: str, settings: QSettings) -> None:
        self.ws = ws
        self.case_id = case_id
        self._dir = _private_dir()
        self._all: list[StoredDocument] = []
        self._draft = self._move_legacy_settings(settings)

    def _move_legacy_settings(self, settings: QSettings) -> PackageDraft:
        """Older versions kept the statement and the edits in the settings: into the case's
        draft once, then removed there (the general package settings seed a new draft)."""
        from app.store import drafts

        prefix = drafts.LEGACY_PREFIX
        values = {key: settings.value(key) for key in settings.allKeys()
                  if key.startswith(prefix)}
        mine = [k for k in values if k.startswith(f"{prefix}cases/{self.case_id}/")]
        if not mine and drafts.has_draft(self.ws, self.case_id):
            return drafts.load_draft(self.ws, self.case_id)
        moved = drafts.import_legacy_settings(self.ws, self.case_id, values)
        for key in moved.moved:
            settings.remove(key)
        if moved.skipped:
            log.warning("%d setting(s) of case %s could not be moved into the workspace",
                        len(moved.skipped), self.case_id)
        return moved.draft

    def draft(self) -> PackageDraft:
        return self._draft

    def update_draft(self, **fields: Any) -> None:
        """Change the draft and save it at once (encrypted, in the workspace)."""
        from app.store import drafts

        draft = PackageDraft.model_validate({**self._draft.model_dump(), **{
            k: v.model_dump() if hasattr(v, "model_dump") else v for k, v in fields.items()}})
        self._draft = drafts.save_draft(self.ws, self.case_id, draft)

    def _materialise(self, doc_id: str, kind: str, filename: str | None, data: bytes,
                     source: str = "case") -> StoredDocument:
        name = Path(filename or f"{kind}").name
        folder = self._dir / doc_id
        folder.mkdir(exist_ok=True)
        path = folder / name
        path.write_bytes(data)
        return StoredDocument(doc_id, kind, path, name, self._draft.edits.get(doc_id), source)

    def _choose(self, doc: StoredDocument, chosen: bool) -> None:
        """Keep the draft's list of chosen documents (None: every one) in step."""
        from app.store.drafts import DocumentChoice

        choices = self._draft.documents
        if choices is None:
            if chosen:
                return  # every document is in the package already
            choices = [DocumentChoice(source=d.source, id=d.id)  # type: ignore[arg-type]
                       for d in self._all]
        kept = [c for c in choices if c.id != doc.id]
        if chosen:
            kept.append(DocumentChoice(source=doc.source, id=doc.id))  # type: ignore[arg-type]
        self.update_draft(documents=[c.model_dump() for c in kept])

    def load(self) -> list[StoredDocument]:
        """The case's documents and the enterprise's standing ones the package uses."""
        from app.store import documents, enterprise

        out = []
        for doc in enterprise.current_enterprise_documents(self.ws).values():
            _, filename, data = enterprise.read_enterprise_document(self.ws, doc.id)
            out.append(self._materialise(doc.id, doc.kind, filename, data, "enterprise"))
        for info in documents.list_documents(self.ws, self.case_id):
            _, filename, data = documents.read_document(self.ws, info.id)
            out.append(self._materialise(info.id, info.kind, filename, data))
        self._all = list(out)
        chosen = self._draft.documents
        if chosen is not None:
            ids = {c.id for c in chosen}
            out = [d for d in out if d.id in ids]
        return out

    def add(self, kind: str, path: Path, filename: str) -> StoredDocument:
        """A standing document the enterprise has none of yet is kept once, for every case
        (the Enterprise page shows it); anything else belongs to this case."""
        from app.store import documents, enterprise

        if (kind in enterprise.ENTERPRISE_KINDS
                and kind not in enterprise.current_enterprise_documents(self.ws)):
            standing, _notes = enterprise.add_enterprise_document(self.ws, kind, path)
            doc = self._materialise(standing.id, kind, filename, path.read_bytes(),
                                    "enterprise")
            self._all.append(doc)
            self._choose(doc, True)
            return doc
        info = documents.add_document(self.ws, self.case_id, kind, path.read_bytes(), filename)
        doc = self._materialise(info.id, kind, filename, path.read_bytes())
        self._all.append(doc)
        self._choose(doc, True)
        return doc

    def remove(self, doc: StoredDocument) -> None:
        """A case document goes to the trash; a standing one only leaves this package."""
        from app.store import documents

        if doc.source == "case":
            documents.remove_document(self.ws, doc.id)  # to the trash: restore undoes it
            if self._draft.documents is not None:
                self._choose(doc, False)
        else:
            self._choose(doc, False)

    def restore(self, doc: StoredDocument) -> None:
        from app.store import documents

        if doc.source == "case":
            documents.restore_document(self.ws, doc.id)
        self._choose(doc, True)

    def set_edits(self, doc: StoredDocument, edits: Edits | None) -> None:
        doc.edits = edits
        kept = dict(self._draft.edits)
        if edits is None:
            kept.pop(doc.id, None)
        else:
            kept[doc.id] = edits
        self.update_draft(edits={k: v.model_dump() for k, v in kept.items()})

    def load_statement(self) -> str | None:
        return self._draft.statement.text

    def save_statement(self, text: str) -> None:
        statement = self._draft.statement.model_copy(update={"text": text or None})
        self.update_draft(statement=statement)

    def scratch_dir(self) -> Path:
        return self._dir

    def close(self) -> None:
        _remove(self._dir)
