"""Case documents: metadata in the database, bytes encrypted in the vault.

Removing a document moves it to the trash (``restore_document`` undoes it); ``purge_trash`` in
``cases`` deletes for good.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from pydantic import BaseModel

from app.i18n import LocalText
from app.rules.contract import DOCUMENT_SLOTS, DocumentSlot
from app.store.db import now, transaction
from app.store.errors import NotFound, StoreError
from app.store.workspace import Workspace

# The kinds of the Case JSON contract, under the store's own names.
DocumentKind = DocumentSlot
DOCUMENT_KINDS: tuple[str, ...] = DOCUMENT_SLOTS
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024


class DocumentInfo(BaseModel):
    id: str
    case_id: str
    kind: DocumentKind
    media_type: str
    size: int
    added: str
    in_trash: bool = False


def sniff_media_type(data: bytes) -> str:
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    if data[4:8] == b"ftyp" and data[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"heim"):
        return "image/heic"
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "image/webp"
    return "application/octet-stream"


def _context(doc_id: str) -> str:
    return f"document:{doc_id}"


def _filename_context(doc_id: str) -> str:
    return f"document:{doc_id}:filename"


def _info(row: object) -> DocumentInfo:
    r = dict(row)  # type: ignore[call-overload]
    return DocumentInfo(id=r["id"], case_id=r["case_id"], kind=r["kind"],
                        media_type=r["media_type"], size=r["size"], added=r["added"],
                        in_trash=r["deleted_at"] is not None)


def add_document(ws: Workspace, case_id: str, kind: str, data: bytes,
                 filename: str | None = None, *, doc_id: str | None = None) -> DocumentInfo:
    """Encrypt ``data`` into the vault and attach it to the case."""
    if kind not in DOCUMENT_KINDS:
        raise StoreError(f"unknown document kind {kind!r}; one of: {', '.join(DOCUMENT_KINDS)}")
    if not data:
        raise StoreError("the document is empty")
    if len(data) > MAX_DOCUMENT_BYTES:
        raise StoreError(f"the document is larger than {MAX_DOCUMENT_BYTES // 2**20} MiB")
    case = ws.conn.execute("SELECT id FROM cases WHERE id = ? AND deleted_at IS NULL",
                           (case_id,)).fetchone()
    if case is None:
        raise NotFound(f"no case {case_id}")
    vault = ws.vault
    doc_id = doc_id or secrets.token_hex(16)
    # Blob first, row second: a crash in between leaves an unreferenced ciphertext file (swept
    # later), never a row without its bytes.
    blob_id = vault.put_blob(data, _context(doc_id))
    try:
        with transaction(ws.conn) as c:
            c.execute(
                "INSERT INTO documents (id, case_id, kind, media_type, size, filename_enc, "
                "blob_id, added) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (doc_id, case_id, kind, sniff_media_type(data), len(data),
                 None if filename is None else vault.encrypt_text(filename,
                                                                  _filename_context(doc_id)),
                 blob_id, now()))
    except BaseException:
        vault.delete_blob(blob_id)
        raise
    return get_document(ws, doc_id)


def check_file(path: str | os.PathLike[str]) -> list[LocalText]:
    """Run the Appeal page's intake on ``path``: IntakeError when the package cannot use it,
    else the notes the user should see (low resolution, transparency, ...)."""
    from app.appeal.intake import read_document

    return [note.message for note in read_document(path).notes]


def add_document_file(ws: Workspace, case_id: str, kind: str, path: str | os.PathLike[str]
                      ) -> tuple[DocumentInfo, list[LocalText]]:
    """Check ``path`` with the Appeal page's intake (IntakeError when the package cannot use
    it), then attach it to the case; returns it with the intake's notes for the user."""
    notes = check_file(path)
    info = add_document(ws, case_id, kind, Path(path).read_bytes(), Path(path).name)
    return info, notes


def get_document(ws: Workspace, doc_id: str) -> DocumentInfo:
    row = ws.conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        raise NotFound(f"no document {doc_id}")
    return _info(row)


def list_documents(ws: Workspace, case_id: str, *,
                   include_trashed: bool = False) -> list[DocumentInfo]:
    sql = "SELECT * FROM documents WHERE case_id = ?"
    if not include_trashed:
        sql += " AND deleted_at IS NULL"
    return [_info(r) for r in ws.conn.execute(sql + " ORDER BY added, rowid", (case_id,))]


def read_document(ws: Workspace, doc_id: str) -> tuple[DocumentInfo, str | None, bytes]:
    """The document's metadata, original file name and bytes (needs the unlocked vault)."""
    row = ws.conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        raise NotFound(f"no document {doc_id}")
    vault = ws.vault
    filename = (None if row["filename_enc"] is None
                else vault.decrypt_text(row["filename_enc"], _filename_context(doc_id)))
    return _info(row), filename, vault.get_blob(row["blob_id"], _context(doc_id))


def remove_document(ws: Workspace, doc_id: str) -> None:
    """Move the document to the trash; ``restore_document`` undoes it."""
    with transaction(ws.conn) as c:
        cur = c.execute("UPDATE documents SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
                        (now(), doc_id))
        if cur.rowcount == 0:
            raise NotFound(f"no document {doc_id} (or it is already in the trash)")


def restore_document(ws: Workspace, doc_id: str) -> None:
    with transaction(ws.conn) as c:
        cur = c.execute("UPDATE documents SET deleted_at = NULL WHERE id = ? "
                        "AND deleted_at IS NOT NULL", (doc_id,))
        if cur.rowcount == 0:
            raise NotFound(f"no document {doc_id} in the trash")
