"""Export a workspace or one case to an encrypted archive, and import one (backup, transfer)."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from app.jobs import CancelToken, Progress, ProgressText, progress_text
from app.rules.contract import Diagnosis, RestrictionReport
from app.store import archive
from app.store.atomic import atomic_writer
from app.store.audit_evidence import read_evidence
from app.store.cases import CaseEvent, CaseStatus, LadderCount, get_case
from app.store.db import SCHEMA_VERSION, now, transaction
from app.store.documents import DocumentKind, read_document
from app.store.errors import ArchiveError, Cancelled
from app.store.ledger import MemberId, ViolationEntry, ensure_member
from app.store.profile import Profile, load_profile, mask_name, write_profile
from app.store.vault import SCRYPT_N
from app.store.workspace import Workspace

# The largest archive import opens (the sealed file is read whole: format version 1).
MAX_ARCHIVE_BYTES = 2 * 1024**3


class Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: Literal["wecom-appeal-export"] = "wecom-appeal-export"
    kind: Literal["workspace", "case"]
    schema_version: int
    created: str
    cases: list[str]


class MemberOut(BaseModel):
    model_config = ConfigDict(extra="forbid")

    userid: MemberId
    name: str | None = None
    created: str


class CaseOut(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[0-9a-f]{12}$")
    userid: MemberId | None = None
    created: str
    restricted_on: dt.date
    status: CaseStatus
    report: RestrictionReport
    diagnosis: Diagnosis
    timeline: list[CaseEvent]
    ladder: LadderCount | None = None
    # The package draft (app.store.drafts.PackageDraft as JSON), its builds and submissions;
    # kept as plain data here and validated by their own models on import.
    draft: dict[str, Any] | None = None
    builds: list[dict[str, Any]] = Field(default_factory=list)
    submissions: list[dict[str, Any]] = Field(default_factory=list)


class EnterpriseDocumentOut(BaseModel):
    """A standing document of the enterprise (app.store.enterprise); its bytes beside it."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[0-9a-f]{32}$")
    kind: str
    media_type: str
    valid_until: dt.date | None = None
    added: str
    filename: str | None = None


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
    enterprise_documents_added: int = 0
    profile: Literal["imported", "kept_existing", "not_in_archive"]


def _dump(model: BaseModel | list[Any]) -> bytes:
    if isinstance(model, list):
        return json.dumps([m.model_dump(mode="json") for m in model], ensure_ascii=False,
                          indent=1).encode()
    return model.model_dump_json(indent=1).encode()


def _case_entries(ws: Workspace, case_id: str, entries: dict[str, bytes],
                  blobs: list[tuple[str, str]]) -> None:
    """The case's JSON entries into ``entries``; its documents as (entry name, doc id) into
    ``blobs``, read one at a time when the archive is written."""
    detail = get_case(ws, case_id)
    row = ws.conn.execute("SELECT created FROM cases WHERE id = ?", (case_id,)).fetchone()
    from app.store import drafts, submissions

    draft = (json.loads(drafts.load_draft(ws, case_id).model_dump_json())
             if drafts.has_draft(ws, case_id) else None)
    entries[f"cases/{case_id}.json"] = _dump(CaseOut(
        id=case_id, userid=detail.userid, created=row["created"],
        restricted_on=detail.restricted_on, status=detail.status, report=detail.report,
        diagnosis=detail.diagnosis, timeline=detail.timeline, ladder=detail.ladder,
        draft=draft,
        builds=[b.model_dump(mode="json") for b in drafts.list_builds(ws, case_id)],
        submissions=[x.model_dump(mode="json", exclude={"note_locked"})
                     for x in submissions.list_submissions(ws, case_id)]))
    for doc in detail.documents:
        info, filename, _ = _document_meta(ws, doc.id)
        entries[f"documents/{doc.id}.json"] = _dump(DocumentOut(
            id=doc.id, case_id=case_id, kind=info.kind, media_type=info.media_type,
            added=info.added, filename=filename))
        blobs.append((f"documents/{doc.id}.bin", doc.id))


def _document_meta(ws: Workspace, doc_id: str) -> tuple[Any, str | None, None]:
    from app.store.documents import _filename_context, _info

    row = ws.conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
    filename = (None if row["filename_enc"] is None
                else ws.vault.decrypt_text(row["filename_enc"], _filename_context(doc_id)))
    return _info(row), filename, None


def _members(ws: Workspace, userids: set[str] | None) -> list[MemberOut]:
    out = []
    for r in ws.conn.execute("SELECT * FROM members ORDER BY userid"):
        if userids is not None and r["userid"] not in userids:
            continue
        name = (None if r["name_enc"] is None else
                ws.vault.decrypt_text(r["name_enc"], f"member:{r['userid']}:name"))
        try:
            out.append(MemberOut(userid=r["userid"], name=name, created=r["created"]))
        except ValidationError as exc:  # stored before ids were checked where they enter
            raise ArchiveError(f"member id {r['userid']!r} in the workspace is not a valid "
                               "member id (control characters or blanks at an end); nothing "
                               "was written") from exc
    return out


def _step(progress: Progress | None, cancel: CancelToken | None, done: int, total: int,
          message: ProgressText) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled("cancelled; nothing was written")
    if progress is not None:
        progress(done, total, message)


def export_archive(ws: Workspace, out: Path, passphrase: str, *, case_id: str | None = None,
                   scrypt_n: int = SCRYPT_N, progress: Progress | None = None,
                   cancel: CancelToken | None = None) -> Manifest:
    """Write the workspace (or one case) to ``out``, encrypted under ``passphrase``.

    The archive is streamed (format 2): records first, then each document decrypted from the
    vault and re-encrypted into the archive one at a time, so memory holds one document,
    whatever the workspace's size. It is written to a temporary file (owner-only) beside
    ``out`` and renamed once complete; a failure or ``cancel`` removes it.
    ``progress(done, total, message)`` reports each case.
    """
    ws.unlock()
    entries: dict[str, bytes] = {}
    blobs: list[tuple[str, str]] = []
    evidence_blobs: list[tuple[str, str]] = []
    enterprise_blobs: list[tuple[str, str]] = []
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
        from app.store.audit_evidence import _filename_context as _evidence_name
        from app.store.audit_evidence import _info as _evidence_info

        for r in ws.conn.execute("SELECT * FROM audit_evidence WHERE deleted_at IS NULL "
                                 "ORDER BY added, rowid").fetchall():
            info = _evidence_info(r)
            filename = ws.vault.decrypt_text(r["filename_enc"], _evidence_name(info.id))
            entries[f"audit_evidence/{info.id}.json"] = _dump(EvidenceOut(
                id=info.id, question_id=info.question_id, media_type=info.media_type,
                added=info.added, filename=filename))
            evidence_blobs.append((f"audit_evidence/{info.id}.bin", info.id))
        # The enterprise's standing documents (app.store.enterprise).
        from app.store.enterprise import _filename_context as _standing_name
        from app.store.enterprise import list_enterprise_documents

        for doc in list_enterprise_documents(ws):
            row = ws.conn.execute("SELECT filename_enc FROM enterprise_documents WHERE id = ?",
                                  (doc.id,)).fetchone()
            filename = (None if row["filename_enc"] is None
                        else ws.vault.decrypt_text(row["filename_enc"], _standing_name(doc.id)))
            entries[f"enterprise_documents/{doc.id}.json"] = _dump(EnterpriseDocumentOut(
                id=doc.id, kind=doc.kind, media_type=doc.media_type,
                valid_until=doc.valid_until, added=doc.added, filename=filename))
            enterprise_blobs.append((f"enterprise_documents/{doc.id}.bin", doc.id))
    else:
        case_ids = [case_id]
        userid = get_case(ws, case_id).userid
        userids = {userid} if userid else set()
        # The member's restrictions entered by hand travel with the case: the ladder counts them.
        violations = ws.conn.execute(
            "SELECT * FROM violations WHERE case_id = ? OR (case_id IS NULL AND userid = ?)",
            (case_id, userid)).fetchall()
    entries["members.json"] = _dump(_members(ws, userids))  # refuses a bad id up front
    for done, cid in enumerate(case_ids):
        _step(progress, cancel, done, len(case_ids) + 1,
              progress_text("progress_export_case", case=cid))
        _case_entries(ws, cid, entries, blobs)
    _step(progress, cancel, len(case_ids), len(case_ids) + 1,
          progress_text("progress_export_encrypting"))
    entries["violations.json"] = _dump([ViolationEntry.model_validate(dict(v))
                                        for v in violations])
    kind: Literal["workspace", "case"] = "workspace" if case_id is None else "case"
    manifest = Manifest(kind=kind, schema_version=SCHEMA_VERSION, created=now(), cases=case_ids)
    entries = {"manifest.json": _dump(manifest), **entries}
    _step(progress, cancel, len(case_ids), len(case_ids) + 1,
          progress_text("progress_export_writing"))
    with atomic_writer(out) as f:
        writer = archive.StreamWriter(f, passphrase, kind, manifest.created, scrypt_n=scrypt_n)
        for name, data in entries.items():
            writer.add(name, data)
        for name, doc_id in blobs:
            _step(None, cancel, 0, 0, "")
            writer.add(name, read_document(ws, doc_id)[2])
        for name, evidence_id in evidence_blobs:
            _step(None, cancel, 0, 0, "")
            writer.add(name, read_evidence(ws, evidence_id)[2])
        if enterprise_blobs:
            from app.store.enterprise import read_enterprise_document

            for name, standing_id in enterprise_blobs:
                _step(None, cancel, 0, 0, "")
                writer.add(name, read_enterprise_document(ws, standing_id)[2])
        writer.close()
    if progress is not None:
        progress(len(case_ids) + 1, len(case_ids) + 1, progress_text("progress_archive_done"))
    return manifest


def _parse(entries: dict[str, bytes], name: str, model: type[BaseModel], many: bool = False,
           context: dict[str, Any] | None = None) -> Any:
    data = archive.load_json(entries, name)
    try:
        if many:
            if not isinstance(data, list):
                raise ArchiveError(f"{name} in the archive is not a list")
            return [model.model_validate(item, context=context) for item in data]
        return model.model_validate(data, context=context)
    except ValidationError as exc:
        raise ArchiveError(f"{name} in the archive is invalid: {exc.errors()[0]['msg']} "
                           f"at {'.'.join(map(str, exc.errors()[0]['loc']))}") from exc


def import_archive(ws: Workspace, path: Path, passphrase: str, *,
                   progress: Progress | None = None,
                   cancel: CancelToken | None = None) -> ImportSummary:
    """Check, decrypt and merge an archive into this workspace; all of it or nothing.

    Format 2 is read as a stream: the records first (checked as a whole), then each document
    re-encrypted into the vault as it arrives, so memory holds one document at a time; a
    failure anywhere, even in the last frame, removes what was written. Format 1 (one sealed
    zip) is still read, in memory."""
    try:
        with open(path, "rb") as source:
            if source.read(len(archive.MAGIC_V2)) == archive.MAGIC_V2:
                source.seek(0)
                header, stream = archive.read_stream(source, passphrase)
                return _import_entries(ws, header, stream, progress, cancel)
            source.seek(0)
            sealed = source.read()
    except OSError as exc:
        raise ArchiveError(f"{path}: cannot read: {exc.strerror}") from exc
    header, payload = archive.open_sealed(sealed, passphrase)
    del sealed
    unpacked = archive.unpack(payload)
    del payload
    # Records first, document bytes after: the order format 2 has by construction.
    ordered = sorted(unpacked.items(), key=lambda item: item[0].endswith(".bin"))
    return _import_entries(ws, header, iter(ordered), progress, cancel)


def _import_entries(ws: Workspace, header: archive.ArchiveHeader,
                    stream: Iterator[tuple[str, bytes]], progress: Progress | None,
                    cancel: CancelToken | None) -> ImportSummary:
    entries: dict[str, bytes] = {}
    pending: tuple[str, bytes] | None = None
    for name, data in stream:
        if name.endswith(".bin"):
            pending = (name, data)
            break
        entries[name] = data
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
    # Draft mode: a profile an earlier version saved is kept as it was (its problems are
    # reported where it is used), not refused with the whole archive.
    profile: Profile | None = (_parse(entries, "profile.json", Profile,
                                      context={"mode": "draft"})
                               if "profile.json" in entries else None)
    evidence: list[EvidenceOut] = [
        _parse(entries, name, EvidenceOut) for name in sorted(entries)
        if name.startswith("audit_evidence/") and name.endswith(".json")]
    if any(f"audit_evidence/{e.id}.json" not in entries for e in evidence):
        raise ArchiveError("an audit evidence file in the archive is misnamed or has no bytes")
    enterprise_docs: list[EnterpriseDocumentOut] = [
        _parse(entries, name, EnterpriseDocumentOut) for name in sorted(entries)
        if name.startswith("enterprise_documents/") and name.endswith(".json")]
    from app.store import drafts, enterprise, submissions

    if any(e.kind not in enterprise.ENTERPRISE_KINDS for e in enterprise_docs):
        raise ArchiveError("an enterprise document in the archive has an unknown kind")
    try:
        case_drafts = {c.id: drafts.PackageDraft.model_validate(c.draft)
                       for c in cases if c.draft is not None}
        case_builds = [drafts.BuildRecord.model_validate(b) for c in cases for b in c.builds]
        case_submissions = [submissions.Submission.model_validate(x) for c in cases
                            for x in c.submissions]
    except ValidationError as exc:
        raise ArchiveError(f"a case's package or submissions in the archive are invalid: "
                           f"{exc.errors()[0]['msg']}") from exc
    if any(b.case_id not in manifest.cases for b in case_builds) or any(
            x.case_id not in manifest.cases for x in case_submissions):
        raise ArchiveError("a build or submission in the archive belongs to no case of it")
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
    known_enterprise = {r[0] for r in ws.conn.execute("SELECT id FROM enterprise_documents")}
    on_file = {r[0] for r in ws.conn.execute(
        "SELECT kind FROM enterprise_documents WHERE deleted_at IS NULL")}
    # The destination's own standing documents win; the archive fills kinds it lacks.
    new_enterprise = [e for e in enterprise_docs
                      if e.id not in known_enterprise and e.kind not in on_file]
    enterprise_blobs: dict[str, str] = {}
    wanted_enterprise = {f"enterprise_documents/{e.id}.bin": e.id for e in new_enterprise}
    sizes: dict[str, int] = {}
    wanted_docs = {f"documents/{d.id}.bin": d.id for d in new_docs}
    wanted_evidence = {f"audit_evidence/{e.id}.bin": e.id for e in new_evidence}
    known_bins = ({f"documents/{d.id}.bin" for d in docs}
                  | {f"audit_evidence/{e.id}.bin" for e in evidence}
                  | {f"enterprise_documents/{e.id}.bin" for e in enterprise_docs})
    done = 0
    try:
        if new_docs or new_evidence:
            _step(progress, cancel, 0, len(new_docs) + 1,
                  progress_text("progress_import_document", number=1, total=len(new_docs)))
        remaining = itertools.chain([pending] if pending else [], stream)
        for name, data in remaining:
            if not name.endswith(".bin"):
                raise ArchiveError(f"archive entry {name!r} comes after the documents' bytes")
            if name not in known_bins:
                raise ArchiveError(f"archive entry {name!r} belongs to no record of the "
                                   "archive")
            sizes[name] = len(data)
            if name in wanted_docs:
                if cancel is not None and cancel.is_set():
                    raise Cancelled("cancelled; nothing was written")
                doc_id = wanted_docs[name]
                blobs[doc_id] = vault.put_blob(data, f"document:{doc_id}")
                done += 1
                if done < len(new_docs):
                    _step(progress, cancel, done, len(new_docs) + 1,
                          progress_text("progress_import_document", number=done + 1,
                                        total=len(new_docs)))
            elif name in wanted_evidence:
                if cancel is not None and cancel.is_set():
                    raise Cancelled("cancelled; nothing was written")
                evidence_id = wanted_evidence[name]
                evidence_blobs[evidence_id] = vault.put_blob(data,
                                                             f"audit_evidence:{evidence_id}")
            elif name in wanted_enterprise:
                if cancel is not None and cancel.is_set():
                    raise Cancelled("cancelled; nothing was written")
                standing_id = wanted_enterprise[name]
                enterprise_blobs[standing_id] = vault.put_blob(
                    data, f"enterprise_document:{standing_id}")
            del data
        for doc in new_docs:
            if doc.id not in blobs:
                raise ArchiveError(f"the archive has no bytes for document {doc.id}")
        if any(e.id not in evidence_blobs for e in new_evidence):
            raise ArchiveError("an audit evidence file in the archive is misnamed or has no "
                               "bytes")
        if any(e.id not in enterprise_blobs for e in new_enterprise):
            raise ArchiveError("an enterprise document in the archive has no bytes")
        _step(progress, cancel, len(new_docs), len(new_docs) + 1,
              progress_text("progress_import_recording"))
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
                if case.ladder is not None:
                    c.execute("UPDATE cases SET ladder_json = ? WHERE id = ?",
                              (case.ladder.model_dump_json(), case.id))
                if case.id in case_drafts:
                    drafts.write_draft_row(c, ws, case.id,
                                           case_drafts[case.id].model_dump_json())
                c.executemany(
                    "INSERT INTO case_events (case_id, at, kind, value) VALUES (?, ?, ?, ?)",
                    [(case.id, e.at.isoformat(timespec="seconds"), e.kind, e.value)
                     for e in case.timeline])
            for doc in new_docs:
                c.execute(
                    "INSERT INTO documents (id, case_id, kind, media_type, size, filename_enc, "
                    "blob_id, added) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (doc.id, doc.case_id, doc.kind, doc.media_type,
                     sizes[f"documents/{doc.id}.bin"],
                     None if doc.filename is None else vault.encrypt_text(
                         doc.filename, f"document:{doc.id}:filename"),
                     blobs[doc.id], doc.added))
            for b in case_builds:
                if b.case_id in new_ids:
                    drafts.insert_build(c, b)
            for x in case_submissions:
                if x.case_id not in new_ids:
                    continue
                c.execute(
                    "INSERT INTO submissions (id, case_id, submitted_on, channel, "
                    "bundle_sha256, reference, follow_up_on, outcome, outcome_on, reason, "
                    "note_enc, created, fixes_done) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (x.id, x.case_id, x.submitted_on.isoformat(), x.channel, x.bundle_sha256,
                     x.reference, x.follow_up_on.isoformat(), x.outcome,
                     x.outcome_on.isoformat() if x.outcome_on else None, x.reason,
                     None if not x.note else vault.encrypt_text(
                         x.note, f"submission:{x.id}:note"), x.created,
                     json.dumps(x.fixes_done) if x.fixes_done else None))
            for e in new_enterprise:
                c.execute(
                    "INSERT INTO enterprise_documents (id, kind, media_type, size, "
                    "filename_enc, blob_id, valid_until, added) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (e.id, e.kind, e.media_type, sizes[f"enterprise_documents/{e.id}.bin"],
                     None if e.filename is None else vault.encrypt_text(
                         e.filename, f"enterprise_document:{e.id}:filename"),
                     enterprise_blobs[e.id],
                     e.valid_until.isoformat() if e.valid_until else None, e.added))
            added_violations = 0
            for v in violations:
                if v.case_id is not None and v.case_id not in new_ids:
                    continue
                ensure_member(c, v.userid)
                added_violations += c.execute(
                    "INSERT OR IGNORE INTO violations (id, userid, case_id, occurred, rule, "
                    "category, step, duration, outcome, created, date_known) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (v.id, v.userid, v.case_id, v.occurred.isoformat(), v.rule, v.category,
                     v.step, v.duration, v.outcome, now(), int(v.date_known))).rowcount
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
                     sizes[f"audit_evidence/{e.id}.bin"],
                     vault.encrypt_text(e.filename, f"audit_evidence:{e.id}:filename"),
                     evidence_blobs[e.id], e.added))
    except BaseException:
        for blob_id in [*blobs.values(), *evidence_blobs.values(),
                        *enterprise_blobs.values()]:
            vault.delete_blob(blob_id)
        raise
    if progress is not None:
        progress(len(new_docs) + 1, len(new_docs) + 1, progress_text("progress_archive_done"))
    return ImportSummary(
        kind=manifest.kind, cases_added=sorted(new_ids),
        cases_already_present=sorted(c.id for c in cases if c.id in present),
        documents_added=len(new_docs), violations_added=added_violations,
        audits_added=added_audits, evidence_added=len(new_evidence),
        enterprise_documents_added=len(new_enterprise), profile=profile_state)
