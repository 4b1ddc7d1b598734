"""Export a workspace or one case to an encrypted archive, and import one (backup, transfer)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from app.jobs import CancelToken, Progress
from app.rules.contract import Diagnosis, RestrictionReport
from app.store import archive
from app.store.audit_evidence import read_evidence
from app.store.cases import CaseEvent, CaseStatus, get_case
from app.store.db import SCHEMA_VERSION, now, transaction
from app.store.documents import DocumentKind, read_document
from app.store.errors import ArchiveError, Cancelled
from app.store.ledger import USERID_PATTERN, ViolationEntry, ensure_member
from app.store.profile import Profile, load_profile, mask_name, write_profile
from app.store.vault import SCRYPT_N
from app.store.workspace import Workspace


class Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: Literal["wecom-appeal-export"] = "wecom-appeal-export"
    kind: Literal["workspace", "case"]
    schema_version: int
    created: str
    cases: list[str]


class MemberOut(BaseModel):
    model_config = ConfigDict(extra="forbid")

    userid: str = Field(pattern=USERID_PATTERN)
    name: str | None = None
    created: str


class CaseOut(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[0-9a-f]{12}$")
    userid: str | None = Field(default=None, pattern=USERID_PATTERN)
    created: str
    restricted_on: dt.date
    status: CaseStatus
    report: RestrictionReport
    diagnosis: Diagnosis
    timeline: list[CaseEvent]


class DocumentOut(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[0-9a-f]{32}$")
    case_id: str = Field(pattern=r"^[0-9a-f]{12}$")
    kind: DocumentKind
    media_type: str
    added: str
    filename: str | None = None


class AuditOut(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[0-9a-f]{1,64}$")
    created: str
    kind: str
    payload: dict[str, Any]


class EvidenceOut(BaseModel):
    """A self-audit evidence file (app.store.audit_evidence); its bytes beside it (.bin)."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[0-9a-f]{32}$")
    question_id: str = Field(pattern=r"^[A-Za-z0-9_.-]{1,100}$")
    media_type: str
    added: str
    filename: str


class ImportSummary(BaseModel):
    kind: Literal["workspace", "case"]
    cases_added: list[str]
    cases_already_present: list[str]
    documents_added: int
    violations_added: int
    audits_added: int
    evidence_added: int = 0
    profile: Literal["imported", "kept_existing", "not_in_archive"]


def _dump(model: BaseModel | list[Any]) -> bytes:
    if isinstance(model, list):
        return json.dumps([m.model_dump(mode="json") for m in model], ensure_ascii=False,
                          indent=1).encode()
    return model.model_dump_json(indent=1).encode()


def _case_entries(ws: Workspace, case_id: str, entries: dict[str, bytes]) -> None:
    detail = get_case(ws, case_id)
    row = ws.conn.execute("SELECT created FROM cases WHERE id = ?", (case_id,)).fetchone()
    entries[f"cases/{case_id}.json"] = _dump(CaseOut(
        id=case_id, userid=detail.userid, created=row["created"],
        restricted_on=detail.restricted_on, status=detail.status, report=detail.report,
        diagnosis=detail.diagnosis, timeline=detail.timeline))
    for doc in detail.documents:
        info, filename, data = read_document(ws, doc.id)
        entries[f"documents/{doc.id}.json"] = _dump(DocumentOut(
            id=doc.id, case_id=case_id, kind=info.kind, media_type=info.media_type,
            added=info.added, filename=filename))
        entries[f"documents/{doc.id}.bin"] = data


def _members(ws: Workspace, userids: set[str] | None) -> list[MemberOut]:
    out = []
    for r in ws.conn.execute("SELECT * FROM members ORDER BY userid"):
        if userids is not None and r["userid"] not in userids:
            continue
        name = (None if r["name_enc"] is None else
                ws.vault.decrypt_text(r["name_enc"], f"member:{r['userid']}:name"))
        out.append(MemberOut(userid=r["userid"], name=name, created=r["created"]))
    return out


def _step(progress: Progress | None, cancel: CancelToken | None, done: int, total: int,
          message: str) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled("cancelled; nothing was written")
    if progress is not None:
        progress(done, total, message)


def export_archive(ws: Workspace, out: Path, passphrase: str, *, case_id: str | None = None,
                   scrypt_n: int = SCRYPT_N, progress: Progress | None = None,
                   cancel: CancelToken | None = None) -> Manifest:
    """Write the workspace (or one case) to ``out``, encrypted under ``passphrase``.

    ``progress(done, total, message)`` reports each case; setting ``cancel`` stops before
    anything is written (the archive file appears only once complete).
    """
    ws.unlock()
    entries: dict[str, bytes] = {}
    if case_id is None:
        case_ids = [r[0] for r in ws.conn.execute(
            "SELECT id FROM cases WHERE deleted_at IS NULL ORDER BY created, rowid")]
        profile = load_profile(ws)
        if profile is not None:
            entries["profile.json"] = _dump(profile)
        userids = None
        violations = ws.conn.execute(
            "SELECT v.* FROM violations v LEFT JOIN cases c ON c.id = v.case_id "
            "WHERE v.case_id IS NULL OR c.deleted_at IS NULL").fetchall()
        audits = [AuditOut(id=r["id"], created=r["created"], kind=r["kind"],
                           payload=json.loads(r["payload"]))
                  for r in ws.conn.execute("SELECT * FROM audits ORDER BY created, rowid")]
        entries["audits.json"] = _dump(audits)
        # The audits' evidence files (their answers refer to them as vault:<id>).
        for r in ws.conn.execute("SELECT id FROM audit_evidence WHERE deleted_at IS NULL "
                                 "ORDER BY added, rowid").fetchall():
            info, filename, data = read_evidence(ws, r["id"])
            entries[f"audit_evidence/{info.id}.json"] = _dump(EvidenceOut(
                id=info.id, question_id=info.question_id, media_type=info.media_type,
                added=info.added, filename=filename))
            entries[f"audit_evidence/{info.id}.bin"] = data
    else:
        case_ids = [case_id]
        userid = get_case(ws, case_id).userid
        userids = {userid} if userid else set()
        violations = ws.conn.execute("SELECT * FROM violations WHERE case_id = ?",
                                     (case_id,)).fetchall()
    for done, cid in enumerate(case_ids):
        _step(progress, cancel, done, len(case_ids) + 1, f"case {cid}")
        _case_entries(ws, cid, entries)
    _step(progress, cancel, len(case_ids), len(case_ids) + 1, "encrypting the archive")
    entries["members.json"] = _dump(_members(ws, userids))
    entries["violations.json"] = _dump([ViolationEntry.model_validate(dict(v))
                                        for v in violations])
    kind: Literal["workspace", "case"] = "workspace" if case_id is None else "case"
    manifest = Manifest(kind=kind, schema_version=SCHEMA_VERSION, created=now(), cases=case_ids)
    entries["manifest.json"] = _dump(manifest)
    sealed = archive.seal(archive.pack(entries), passphrase, kind, manifest.created,
                          scrypt_n=scrypt_n)
    _step(progress, cancel, len(case_ids), len(case_ids) + 1, "writing the archive")
    archive.write_archive(out, sealed)
    if progress is not None:
        progress(len(case_ids) + 1, len(case_ids) + 1, "done")
    return manifest


def _parse(entries: dict[str, bytes], name: str, model: type[BaseModel], many: bool = False
           ) -> Any:
    data = archive.load_json(entries, name)
    try:
        if many:
            if not isinstance(data, list):
                raise ArchiveError(f"{name} in the archive is not a list")
            return [model.model_validate(item) for item in data]
        return model.model_validate(data)
    except ValidationError as exc:
        raise ArchiveError(f"{name} in the archive is invalid: {exc.errors()[0]['msg']} "
                           f"at {'.'.join(map(str, exc.errors()[0]['loc']))}") from exc


def import_archive(ws: Workspace, path: Path, passphrase: str, *,
                   progress: Progress | None = None,
                   cancel: CancelToken | None = None) -> ImportSummary:
    """Check, decrypt and merge an archive into this workspace; all of it or nothing."""
    try:
        sealed = path.read_bytes()
    except OSError as exc:
        raise ArchiveError(f"{path}: cannot read: {exc.strerror}") from exc
    header, payload = archive.open_sealed(sealed, passphrase)
    entries = archive.unpack(payload)
    manifest: Manifest = _parse(entries, "manifest.json", Manifest)
    if manifest.kind != header.kind:
        raise ArchiveError("the archive's manifest does not match its header")
    if manifest.schema_version > SCHEMA_VERSION:
        raise ArchiveError("the archive comes from a newer version of the app; update first")
    cases: list[CaseOut] = [_parse(entries, f"cases/{cid}.json", CaseOut)
                            for cid in manifest.cases]
    listed = {f"cases/{cid}.json" for cid in manifest.cases}
    if listed != {name for name in entries if name.startswith("cases/")}:
        raise ArchiveError("the archive's case files do not match its manifest")
    if any(c.id != cid for c, cid in zip(cases, manifest.cases, strict=True)):
        raise ArchiveError("a case file in the archive names another case")
    docs: list[DocumentOut] = [_parse(entries, name, DocumentOut) for name in sorted(entries)
                               if name.startswith("documents/") and name.endswith(".json")]
    if any(f"documents/{d.id}.json" not in entries or d.case_id not in manifest.cases
           for d in docs):
        raise ArchiveError("a document in the archive belongs to no case of the archive")
    members: list[MemberOut] = _parse(entries, "members.json", MemberOut, many=True)
    violations: list[ViolationEntry] = _parse(entries, "violations.json", ViolationEntry,
                                              many=True)
    audits: list[AuditOut] = (_parse(entries, "audits.json", AuditOut, many=True)
                              if "audits.json" in entries else [])
    profile: Profile | None = (_parse(entries, "profile.json", Profile)
                               if "profile.json" in entries else None)
    evidence: list[EvidenceOut] = [
        _parse(entries, name, EvidenceOut) for name in sorted(entries)
        if name.startswith("audit_evidence/") and name.endswith(".json")]
    if any(f"audit_evidence/{e.id}.json" not in entries
           or f"audit_evidence/{e.id}.bin" not in entries for e in evidence):
        raise ArchiveError("an audit evidence file in the archive is misnamed or has no bytes")
    vault = ws.unlock()

    present = {r[0] for r in ws.conn.execute("SELECT id FROM cases")}
    new_cases = [c for c in cases if c.id not in present]
    new_ids = {c.id for c in new_cases}
    known_docs = {r[0] for r in ws.conn.execute("SELECT id FROM documents")}
    new_docs = [d for d in docs if d.case_id in new_ids and d.id not in known_docs]
    known_evidence = {r[0] for r in ws.conn.execute("SELECT id FROM audit_evidence")}
    new_evidence = [e for e in evidence if e.id not in known_evidence]
    blobs: dict[str, str] = {}
    evidence_blobs: dict[str, str] = {}
    try:
        for done, doc in enumerate(new_docs):
            _step(progress, cancel, done, len(new_docs) + 1, f"document {done + 1}")
            data = entries.get(f"documents/{doc.id}.bin")
            if data is None:
                raise ArchiveError(f"the archive has no bytes for document {doc.id}")
            blobs[doc.id] = vault.put_blob(data, f"document:{doc.id}")
        for e in new_evidence:
            _step(progress, cancel, len(new_docs), len(new_docs) + 1, "audit evidence")
            evidence_blobs[e.id] = vault.put_blob(entries[f"audit_evidence/{e.id}.bin"],
                                                  f"audit_evidence:{e.id}")
        _step(progress, cancel, len(new_docs), len(new_docs) + 1, "recording")
        with transaction(ws.conn) as c:
            profile_state = "not_in_archive"
            if profile is not None:
                if c.execute("SELECT 1 FROM profile").fetchone() is None:
                    write_profile(c, vault, profile)
                    profile_state = "imported"
                else:
                    profile_state = "kept_existing"
            for m in members:
                ensure_member(c, m.userid)
                if m.name:
                    c.execute("UPDATE members SET name_enc = ?, name_masked = ? "
                              "WHERE userid = ? AND name_enc IS NULL",
                              (vault.encrypt_text(m.name, f"member:{m.userid}:name"),
                               mask_name(m.name), m.userid))
            for case in new_cases:
                if case.userid:
                    ensure_member(c, case.userid)
                notice = case.report.notice_text
                c.execute(
                    "INSERT INTO cases (id, userid, created, restricted_on, status, report_json, "
                    "notice_enc, diagnosis_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (case.id, case.userid, case.created, case.restricted_on.isoformat(),
                     case.status, case.report.model_dump_json(exclude={"notice_text"}),
                     None if not notice else vault.encrypt_text(
                         notice, f"case:{case.id}:notice_text"),
                     case.diagnosis.model_dump_json()))
                c.executemany(
                    "INSERT INTO case_events (case_id, at, kind, value) VALUES (?, ?, ?, ?)",
                    [(case.id, e.at.isoformat(timespec="seconds"), e.kind, e.value)
                     for e in case.timeline])
            for doc in new_docs:
                c.execute(
                    "INSERT INTO documents (id, case_id, kind, media_type, size, filename_enc, "
                    "blob_id, added) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (doc.id, doc.case_id, doc.kind, doc.media_type,
                     len(entries[f"documents/{doc.id}.bin"]),
                     None if doc.filename is None else vault.encrypt_text(
                         doc.filename, f"document:{doc.id}:filename"),
                     blobs[doc.id], doc.added))
            added_violations = 0
            for v in violations:
                if v.case_id is not None and v.case_id not in new_ids:
                    continue
                ensure_member(c, v.userid)
                added_violations += c.execute(
                    "INSERT OR IGNORE INTO violations (id, userid, case_id, occurred, rule, "
                    "category, step, duration, outcome, created) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (v.id, v.userid, v.case_id, v.occurred.isoformat(), v.rule, v.category,
                     v.step, v.duration, v.outcome, now())).rowcount
            added_audits = 0
            for a in audits:
                added_audits += c.execute(
                    "INSERT OR IGNORE INTO audits (id, created, kind, payload) "
                    "VALUES (?, ?, ?, ?)",
                    (a.id, a.created, a.kind, json.dumps(a.payload, ensure_ascii=False))
                ).rowcount
            for e in new_evidence:
                c.execute(
                    "INSERT INTO audit_evidence (id, question_id, media_type, size, "
                    "filename_enc, blob_id, added) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (e.id, e.question_id, e.media_type,
                     len(entries[f"audit_evidence/{e.id}.bin"]),
                     vault.encrypt_text(e.filename, f"audit_evidence:{e.id}:filename"),
                     evidence_blobs[e.id], e.added))
    except BaseException:
        for blob_id in [*blobs.values(), *evidence_blobs.values()]:
            vault.delete_blob(blob_id)
        raise
    if progress is not None:
        progress(len(new_docs) + 1, len(new_docs) + 1, "done")
    return ImportSummary(
        kind=manifest.kind, cases_added=sorted(new_ids),
        cases_already_present=sorted(c.id for c in cases if c.id in present),
        documents_added=len(new_docs), violations_added=added_violations,
        audits_added=added_audits, evidence_added=len(new_evidence), profile=profile_state)
