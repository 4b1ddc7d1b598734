"""The enterprise's standing documents, kept once in the vault and reused by every case.

Business licence, the legal person's ID card (both sides), the photo holding it and the sealed
authorisation letter belong to the enterprise, not to one case. Each is stored once (bytes in
the vault, metadata here) with its validity date; adding a new one of a kind moves the previous
one to the trash (``restore_enterprise_document`` undoes it). Case-specific files (notice
screenshots, evidence) stay with their case (``app.store.documents``).

``enterprise_warnings`` says what needs attention before a package is built:

- **expired / expiring**: a validity date in the past, or within ``EXPIRY_LEAD_DAYS``. The lead
  time is 30 days: WeCom support takes about a week to answer an appeal (the app's follow-up
  default is 7 working days, ``app.store.submissions``), a rejection costs another round, and
  renewing an ID card or re-sealing a letter takes days more; 30 days leaves room for two rounds.
  For the ID card pictures without a date of their own, the profile's ID card expiry counts.
- **stale**: the profile's legal person changed (name or ID number) after the ID pictures, the
  holding photo or the authorisation letter were added; or the company (name or credit code)
  changed after the licence or the letter were added.
- **missing**: a kind not on file (only for the kinds a caller asks about).

Every file goes through the Appeal page's intake (``app.appeal.intake.read_document``) before it
is stored, so a file the package cannot use is refused here, with the same words.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from app.i18n import LocalText
from app.labels import label
from app.store.db import now, transaction
from app.store.documents import MAX_DOCUMENT_BYTES, check_file, sniff_media_type
from app.store.errors import NotFound, StoreError
from app.store.workspace import Workspace

EnterpriseKind = Literal["business_license", "legal_person_id_front", "legal_person_id_back",
                         "legal_person_holding_id", "seal_authorization_letter"]
ENTERPRISE_KINDS: tuple[str, ...] = EnterpriseKind.__args__  # type: ignore[attr-defined]
# Kinds tied to who the legal person is, and to which company it is.
LEGAL_PERSON_KINDS = frozenset({"legal_person_id_front", "legal_person_id_back",
                                "legal_person_holding_id", "seal_authorization_letter"})
COMPANY_KINDS = frozenset({"business_license", "seal_authorization_letter"})
ID_CARD_KINDS = frozenset({"legal_person_id_front", "legal_person_id_back",
                           "legal_person_holding_id"})
EXPIRY_LEAD_DAYS = 30


def kind_title(kind: str) -> LocalText:
    """The kind's name in both languages: the Appeal page's slot title, so a document is called
    the same everywhere (imported here: the appeal package brings Pillow, which the store's other
    commands do not need)."""
    from app.appeal.documents import SLOT_TITLES

    return SLOT_TITLES.get(kind, LocalText(en=kind, zh_CN=kind))


def _message(key: str, title: LocalText, **values: object) -> LocalText:
    """A warning from resources/text, with the document's title in each language."""
    return LocalText(en=label(key, "en", kind=title.en, **values),
                     zh_CN=label(key, "zh_CN", kind=title.zh_CN, **values))


class EnterpriseDocument(BaseModel):
    """One standing document (metadata; the bytes need the unlocked vault)."""

    id: str
    kind: EnterpriseKind
    media_type: str
    size: int
    valid_until: dt.date | None = Field(
        default=None, description="Expiry (ID card) or end of term (licence, letter); null "
        "for long-term or not entered.")
    added: str
    in_trash: bool = False


WarningState = Literal["missing", "expired", "expiring", "stale_legal_person", "stale_company"]


class DocumentWarning(BaseModel):
    """Something to fix about one standing document before it goes into a package."""

    kind: EnterpriseKind
    document_id: str | None
    state: WarningState
    due: dt.date | None = None
    message: LocalText


def _context(doc_id: str) -> str:
    return f"enterprise_document:{doc_id}"


def _filename_context(doc_id: str) -> str:
    return f"enterprise_document:{doc_id}:filename"


def _info(row: object) -> EnterpriseDocument:
    r = dict(row)  # type: ignore[call-overload]
    return EnterpriseDocument(id=r["id"], kind=r["kind"], media_type=r["media_type"],
                              size=r["size"], valid_until=r["valid_until"], added=r["added"],
                              in_trash=r["deleted_at"] is not None)


def add_enterprise_document(ws: Workspace, kind: str, path: str | os.PathLike[str], *,
                            valid_until: dt.date | None = None,
                            doc_id: str | None = None) -> tuple[EnterpriseDocument,
                                                                list[LocalText]]:
    """Check ``path`` with the intake, encrypt it into the vault as the enterprise's ``kind``
    and return it with the intake's notes; the previous document of that kind goes to the
    trash. Raises IntakeError for a file the package cannot use, StoreError otherwise."""
    if kind not in ENTERPRISE_KINDS:
        raise StoreError(f"unknown enterprise document kind {kind!r}; one of: "
                         f"{', '.join(ENTERPRISE_KINDS)}")
    notes = check_file(path)
    data = Path(path).read_bytes()
    if len(data) > MAX_DOCUMENT_BYTES:
        raise StoreError(f"the document is larger than {MAX_DOCUMENT_BYTES // 2**20} MiB")
    vault = ws.vault
    doc_id = doc_id or secrets.token_hex(16)
    blob_id = vault.put_blob(data, _context(doc_id))  # blob first: a crash leaves no bare row
    try:
        with transaction(ws.conn) as c:
            stamp = now()
            c.execute("UPDATE enterprise_documents SET deleted_at = ? "
                      "WHERE kind = ? AND deleted_at IS NULL", (stamp, kind))
            c.execute(
                "INSERT INTO enterprise_documents (id, kind, media_type, size, filename_enc, "
                "blob_id, valid_until, added) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (doc_id, kind, sniff_media_type(data), len(data),
                 vault.encrypt_text(Path(path).name, _filename_context(doc_id)), blob_id,
                 valid_until.isoformat() if valid_until else None, stamp))
    except BaseException:
        vault.delete_blob(blob_id)
        raise
    return get_enterprise_document(ws, doc_id), notes


def get_enterprise_document(ws: Workspace, doc_id: str) -> EnterpriseDocument:
    row = ws.conn.execute("SELECT * FROM enterprise_documents WHERE id = ?",
                          (doc_id,)).fetchone()
    if row is None:
        raise NotFound(f"no enterprise document {doc_id}")
    return _info(row)


def list_enterprise_documents(ws: Workspace, *, include_trashed: bool = False
                              ) -> list[EnterpriseDocument]:
    """The current document of each kind (kind order); with ``include_trashed`` the replaced
    and removed ones too. Readable while the vault is locked."""
    sql = "SELECT * FROM enterprise_documents"
    if not include_trashed:
        sql += " WHERE deleted_at IS NULL"
    rows = [_info(r) for r in ws.conn.execute(sql + " ORDER BY added, rowid")]
    return sorted(rows, key=lambda d: ENTERPRISE_KINDS.index(d.kind))


def current_enterprise_documents(ws: Workspace) -> dict[str, EnterpriseDocument]:
    """kind → the document on file for it."""
    return {d.kind: d for d in list_enterprise_documents(ws)}


def read_enterprise_document(ws: Workspace, doc_id: str
                             ) -> tuple[EnterpriseDocument, str | None, bytes]:
    """Metadata, original file name and bytes (needs the unlocked vault)."""
    row = ws.conn.execute("SELECT * FROM enterprise_documents WHERE id = ?",
                          (doc_id,)).fetchone()
    if row is None:
        raise NotFound(f"no enterprise document {doc_id}")
    vault = ws.vault
    filename = (None if row["filename_enc"] is None
                else vault.decrypt_text(row["filename_enc"], _filename_context(doc_id)))
    return _info(row), filename, vault.get_blob(row["blob_id"], _context(doc_id))


def set_valid_until(ws: Workspace, doc_id: str, valid_until: dt.date | None
                    ) -> EnterpriseDocument:
    with transaction(ws.conn) as c:
        cur = c.execute("UPDATE enterprise_documents SET valid_until = ? WHERE id = ?",
                        (valid_until.isoformat() if valid_until else None, doc_id))
        if cur.rowcount == 0:
            raise NotFound(f"no enterprise document {doc_id}")
    return get_enterprise_document(ws, doc_id)


def remove_enterprise_document(ws: Workspace, doc_id: str) -> None:
    """Move it to the trash; ``restore_enterprise_document`` undoes it."""
    with transaction(ws.conn) as c:
        cur = c.execute("UPDATE enterprise_documents SET deleted_at = ? "
                        "WHERE id = ? AND deleted_at IS NULL", (now(), doc_id))
        if cur.rowcount == 0:
            raise NotFound(f"no enterprise document {doc_id} (or it is already in the trash)")


def restore_enterprise_document(ws: Workspace, doc_id: str) -> None:
    """Bring it back as the current document of its kind (the one it replaced goes to the
    trash in its turn)."""
    with transaction(ws.conn) as c:
        row = c.execute("SELECT kind FROM enterprise_documents WHERE id = ? "
                        "AND deleted_at IS NOT NULL", (doc_id,)).fetchone()
        if row is None:
            raise NotFound(f"no enterprise document {doc_id} in the trash")
        c.execute("UPDATE enterprise_documents SET deleted_at = ? "
                  "WHERE kind = ? AND deleted_at IS NULL", (now(), row["kind"]))
        c.execute("UPDATE enterprise_documents SET deleted_at = NULL WHERE id = ?", (doc_id,))


def _stamps(ws: Workspace) -> tuple[str | None, str | None, dt.date | None]:
    row = ws.conn.execute("SELECT legal_person_since, company_since, "
                          "legal_person_id_valid_until FROM profile WHERE id = 1").fetchone()
    if row is None:
        return None, None, None
    until = row["legal_person_id_valid_until"]
    return (row["legal_person_since"], row["company_since"],
            dt.date.fromisoformat(until) if until else None)


def _before(added: str, since: str | None) -> bool:
    return since is not None and dt.datetime.fromisoformat(added) < dt.datetime.fromisoformat(
        since)


def document_warnings(doc: EnterpriseDocument, *, legal_person_since: str | None,
                      company_since: str | None, id_card_valid_until: dt.date | None,
                      today: dt.date, lead_days: int = EXPIRY_LEAD_DAYS
                      ) -> list[DocumentWarning]:
    """The warnings of one document (pure: the profile's stamps are passed in)."""
    title = kind_title(doc.kind)
    out: list[DocumentWarning] = []
    until = doc.valid_until or (id_card_valid_until if doc.kind in ID_CARD_KINDS else None)
    if until is not None and until < today:
        out.append(DocumentWarning(
            kind=doc.kind, document_id=doc.id, state="expired", due=until,
            message=_message("enterprise_doc_expired", title, until=until.isoformat())))
    elif until is not None and (until - today).days <= lead_days:
        out.append(DocumentWarning(
            kind=doc.kind, document_id=doc.id, state="expiring", due=until,
            message=_message("enterprise_doc_expiring", title, until=until.isoformat(),
                             lead_days=lead_days)))
    if doc.kind in LEGAL_PERSON_KINDS and _before(doc.added, legal_person_since):
        out.append(DocumentWarning(
            kind=doc.kind, document_id=doc.id, state="stale_legal_person",
            message=_message("enterprise_doc_stale_legal_person", title)))
    elif doc.kind in COMPANY_KINDS and _before(doc.added, company_since):
        out.append(DocumentWarning(
            kind=doc.kind, document_id=doc.id, state="stale_company",
            message=_message("enterprise_doc_stale_company", title)))
    return out


def enterprise_warnings(ws: Workspace, *, today: dt.date | None = None,
                        lead_days: int = EXPIRY_LEAD_DAYS,
                        required: Iterable[str] = ()) -> list[DocumentWarning]:
    """Everything to fix about the standing documents today; ``required`` kinds that are not on
    file are reported as missing. Readable while the vault is locked."""
    today = today or dt.date.today()
    person_since, company_since, id_until = _stamps(ws)
    current = current_enterprise_documents(ws)
    out: list[DocumentWarning] = []
    for kind in required:
        if kind in ENTERPRISE_KINDS and kind not in current:
            title = kind_title(kind)
            out.append(DocumentWarning(kind=kind, document_id=None, state="missing",  # type: ignore[arg-type]
                                       message=LocalText(en=f"{title.en}: not on file yet.",
                                                         zh_CN=f"{title.zh_CN}：尚未上传。")))
    for doc in current.values():
        out += document_warnings(doc, legal_person_since=person_since,
                                 company_since=company_since, id_card_valid_until=id_until,
                                 today=today, lead_days=lead_days)
    return out
