"""A case's package draft and its builds, kept in the workspace (the draft as vault ciphertext).

Everything the Appeal page needs to rebuild the same package later lives here, per case: the
route chosen, the statement (the administrator's answers to the guided prompts, ticked measures,
or the whole edited text), the letter options, the documents chosen (of the case and of the
enterprise) with their crop/rotate edits, the watermark and layout settings; and each build
(when, pages, size, SHA-256 of the PDF). Nothing of a case stays in QSettings:
``import_legacy_settings`` moves what older versions kept there into the case once.

Import this module where it is used (it loads the image stack for ``Edits``/``WatermarkSpec``);
``wecom-appeal --help`` must start without it.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from app.appeal.sources import Edits
from app.appeal.statement import Measure
from app.appeal.watermark import WatermarkSpec
from app.i18n import Lang
from app.store.db import now, transaction
from app.store.errors import NotFound, StoreError, VaultError
from app.store.workspace import Workspace


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


# Measure (app.appeal.statement): text, done, source; "done" only from a confirmed source.
class StatementDraft(_Model):
    """The administrator's own words for the statement, by section; None leaves the section's
    placeholder (【请填写：…】) in the text. ``text`` (the whole statement as edited) replaces
    the generated one."""

    complied: str | None = Field(default=None, max_length=5000, description="Why we believe we "
                                 "complied, in the administrator's words.")
    what_happened: str | None = Field(default=None, max_length=3000, description="Anything to "
                                      "add to the facts of the case (date, accounts, notice).")
    measures: list[Measure] = Field(default_factory=list)
    request: str | None = Field(default=None, max_length=2000)
    accounts: list[str] = Field(default_factory=list, description="The restricted accounts.")
    notice: str | None = Field(default=None, max_length=20_000, description="The restriction "
                               "notice as quoted in the statement; None: the case's own.")
    restricted_on: dt.date | None = Field(default=None, description="The day of the "
                                          "restriction as stated; None: the case's own.")
    text: str | None = Field(default=None, max_length=20000)


class LetterOptions(_Model):
    valid_days: int | None = Field(default=None, ge=1, le=3650)


class DocumentChoice(_Model):
    """A document chosen for the package: one of the case's or one of the enterprise's."""

    source: Literal["case", "enterprise"]
    id: str = Field(pattern=r"^[0-9a-f]{8,64}$")


class PackageDraft(_Model):
    """Everything of one case's appeal package except the document bytes."""

    route: str | None = Field(default=None, description="An appeal route chosen instead of the "
                              "diagnosis' (route id); null follows the diagnosis.")
    lang: Lang = "zh_CN"
    statement: StatementDraft = Field(default_factory=StatementDraft)
    letter: LetterOptions = Field(default_factory=LetterOptions)
    documents: list[DocumentChoice] | None = Field(
        default=None, description="The documents chosen, in order; null: every document of the "
        "case and every current enterprise document.")
    edits: dict[str, Edits] = Field(default_factory=dict,
                                    description="Crop and rotation, by document id.")
    watermark: WatermarkSpec | None = Field(
        default_factory=lambda: WatermarkSpec(date=None),
        description="The purpose watermark (its date is the build's day when set); null: off.")
    watermark_date: bool = Field(default=True, description="Print the build's date after the "
                                 "watermark text.")
    watermark_all: bool = False
    id_on_one_page: bool = True
    dpi: int = Field(default=200, ge=72, le=600)
    kit_cap_kb: int = Field(default=2048, ge=50, le=100_000)
    kit_chars: int = Field(default=800, ge=50, le=20_000)

    def notice_for(self, case_notice: str | None) -> str | None:
        """The notice the statement quotes: the guide's, else the case's report."""
        own = self.statement.notice
        return own if own is not None and own.strip() else case_notice

    def accounts_for(self, case_userid: str | None) -> list[str]:
        """The restricted accounts the statement and cover name: the guide's, else the
        member the case was recorded for."""
        return list(self.statement.accounts) or ([case_userid] if case_userid else [])

    def restricted_on_for(self, case_day: dt.date | None) -> dt.date | None:
        """The restriction day the statement and cover state: the guide's, else the case's."""
        return self.statement.restricted_on or case_day

    def watermark_for(self, day: dt.date) -> WatermarkSpec | None:
        """The watermark as a build on ``day`` draws it."""
        if self.watermark is None:
            return None
        return self.watermark.model_copy(update={"date": day if self.watermark_date else None})


class BuildRecord(_Model):
    id: str
    case_id: str
    built: dt.datetime
    pages: int
    size: int
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    lang: Lang


def _context(case_id: str) -> str:
    return f"case:{case_id}:package_draft"


def _check_case(ws: Workspace, case_id: str) -> None:
    if ws.conn.execute("SELECT 1 FROM cases WHERE id = ?", (case_id,)).fetchone() is None:
        raise NotFound(f"no case {case_id}")


def has_draft(ws: Workspace, case_id: str) -> bool:
    """Whether the case has a saved draft (readable while the vault is locked)."""
    return ws.conn.execute("SELECT 1 FROM case_drafts WHERE case_id = ?",
                           (case_id,)).fetchone() is not None


def load_draft(ws: Workspace, case_id: str) -> PackageDraft:
    """The case's draft, or a fresh one (needs the unlocked vault when one is saved)."""
    _check_case(ws, case_id)
    row = ws.conn.execute("SELECT draft_enc FROM case_drafts WHERE case_id = ?",
                          (case_id,)).fetchone()
    if row is None:
        return PackageDraft()
    raw = ws.vault.decrypt_text(row["draft_enc"], _context(case_id))
    try:
        return PackageDraft.model_validate_json(raw)
    except ValidationError as exc:
        raise StoreError(f"the package draft of case {case_id} is unreadable: "
                         f"{exc.errors()[0]['msg']}") from exc


def save_draft(ws: Workspace, case_id: str, draft: PackageDraft) -> PackageDraft:
    """Replace the case's draft (autosave: commits at once)."""
    _check_case(ws, case_id)
    sealed = ws.vault.encrypt_text(draft.model_dump_json(), _context(case_id))
    with transaction(ws.conn) as c:
        c.execute("INSERT OR REPLACE INTO case_drafts (case_id, draft_enc, updated) "
                  "VALUES (?, ?, ?)", (case_id, sealed, now()))
    return draft


def write_draft_row(c: object, ws: Workspace, case_id: str, draft_json: str) -> None:
    """Inside a transaction (archive import): store an already validated draft."""
    sealed = ws.vault.encrypt_text(PackageDraft.model_validate_json(draft_json)
                                   .model_dump_json(), _context(case_id))
    c.execute("INSERT OR REPLACE INTO case_drafts (case_id, draft_enc, updated) "  # type: ignore[attr-defined]
              "VALUES (?, ?, ?)", (case_id, sealed, now()))


# Builds --------------------------------------------------------------------------------------

def sha256_of(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def record_build(ws: Workspace, case_id: str, pdf: str | Path, *, pages: int, lang: Lang,
                 built: dt.datetime | None = None) -> BuildRecord:
    """Remember a bundle built for the case: when, pages, size and the PDF's SHA-256 (the
    submission names the bundle sent by it)."""
    _check_case(ws, case_id)
    record = BuildRecord(id=secrets.token_hex(8), case_id=case_id,
                         built=built or dt.datetime.now(dt.UTC), pages=pages,
                         size=Path(pdf).stat().st_size, sha256=sha256_of(pdf), lang=lang)
    with transaction(ws.conn) as c:
        insert_build(c, record)
    return record


def insert_build(c: object, record: BuildRecord) -> None:
    """Inside a transaction: store a build record (also used by the archive import)."""
    c.execute("INSERT OR IGNORE INTO case_builds (id, case_id, built, pages, size, sha256, "  # type: ignore[attr-defined]
              "lang) VALUES (?, ?, ?, ?, ?, ?, ?)",
              (record.id, record.case_id, record.built.isoformat(timespec="seconds"),
               record.pages, record.size, record.sha256, record.lang))


def list_builds(ws: Workspace, case_id: str) -> list[BuildRecord]:
    """The case's builds, oldest first (readable while the vault is locked)."""
    rows = ws.conn.execute("SELECT * FROM case_builds WHERE case_id = ? ORDER BY built, rowid",
                           (case_id,))
    return [BuildRecord.model_validate(dict(r)) for r in rows]


# Moving what older versions kept in QSettings -------------------------------------------------

LEGACY_PREFIX = "appeal/"


class LegacyImport(_Model):
    draft: PackageDraft
    moved: list[str] = Field(description="The settings keys taken into the case: remove them.")
    skipped: list[str] = Field(default_factory=list,
                               description="Keys of the case that could not be read (left).")


def _flag(value: object, default: bool) -> bool:
    if isinstance(value, bool):
        return value
    if value is None:
        return default
    return str(value).strip().lower() in ("true", "1", "yes")


def import_legacy_settings(ws: Workspace, case_id: str, values: Mapping[str, object]
                           ) -> LegacyImport:
    """Move a case's package draft from the settings of older versions into the workspace.

    ``values`` are the QSettings entries as the old Appeal page wrote them, full keys:
    ``appeal/cases/<case_id>/statement`` (base64 of vault ciphertext, context the key itself),
    ``appeal/cases/<case_id>/edits/<document_id>`` (``Edits`` JSON), and the page's general
    package settings ``appeal/watermark`` (``WatermarkSpec`` JSON), ``appeal/watermark_on``,
    ``appeal/watermark_all``, ``appeal/id_one_page``, ``appeal/dpi``, ``appeal/kit_cap_kb``,
    ``appeal/kit_chars``, ``appeal/package_lang``. The general ones seed the draft (they stay in
    the settings as the user's defaults); the case's own keys are merged into the case's draft
    (what the draft already holds wins) and returned in ``moved`` for the caller to remove.
    Running it twice is harmless."""
    draft = load_draft(ws, case_id)
    fresh = not has_draft(ws, case_id)
    case_prefix = f"{LEGACY_PREFIX}cases/{case_id}/"
    moved: list[str] = []
    skipped: list[str] = []
    updates: dict[str, object] = {}
    if fresh:
        g = {k[len(LEGACY_PREFIX):]: v for k, v in values.items()
             if k.startswith(LEGACY_PREFIX) and "/" not in k[len(LEGACY_PREFIX):]}
        if g.get("watermark"):
            try:
                spec = WatermarkSpec.model_validate_json(str(g["watermark"]))
                updates["watermark"] = spec.model_copy(update={"date": None})
                updates["watermark_date"] = spec.date is not None
            except ValidationError:
                pass
        if "watermark_on" in g and not _flag(g["watermark_on"], True):
            updates["watermark"] = None
        if "watermark_all" in g:
            updates["watermark_all"] = _flag(g["watermark_all"], False)
        if "id_one_page" in g:
            updates["id_on_one_page"] = _flag(g["id_one_page"], True)
        for key, field in (("dpi", "dpi"), ("kit_cap_kb", "kit_cap_kb"),
                           ("kit_chars", "kit_chars")):
            try:
                if key in g:
                    updates[field] = int(str(g[key]))
            except ValueError:
                pass
        if g.get("package_lang") in ("zh_CN", "en"):
            updates["lang"] = g["package_lang"]
    edits = dict(draft.edits)
    statement = draft.statement
    for key, value in values.items():
        if not key.startswith(case_prefix):
            continue
        rest = key[len(case_prefix):]
        if rest == "statement":
            try:
                text = ws.vault.decrypt_text(base64.b64decode(str(value)), key)
            except (binascii.Error, ValueError, VaultError):
                skipped.append(key)  # from another vault: unreadable, left for the user
                continue
            if statement.text is None:
                statement = statement.model_copy(update={"text": text})
            moved.append(key)
        elif rest.startswith("edits/"):
            doc_id = rest[len("edits/"):]
            try:
                edit = Edits.model_validate_json(str(value))
            except ValidationError:
                skipped.append(key)
                continue
            edits.setdefault(doc_id, edit)
            moved.append(key)
    updates["edits"] = edits
    updates["statement"] = statement
    try:  # validated again: a dpi of 5 from the settings falls back to the default
        merged = PackageDraft.model_validate(draft.model_copy(update=updates).model_dump())
    except ValidationError:
        merged = draft.model_copy(update={"edits": edits, "statement": statement})
    if moved or fresh:
        save_draft(ws, case_id, merged)
    return LegacyImport(draft=merged, moved=sorted(moved), skipped=sorted(skipped))

