"""The enterprise profile (docs/design.md, "Contracts"), checked, and its masked display form.

Names, identity numbers and phone numbers are stored only as vault ciphertext; the masked forms
are kept beside them for lists and forms while the vault is locked.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict, Field

from app.appeal.checks import Problem
from app.appeal.profile import Administrator, LegalPerson, Person, Profile
from app.store.db import now, transaction
from app.store.vault import Vault
from app.store.workspace import Workspace

# One Profile model for the whole app (app.appeal.profile); re-exported for the store's callers.
__all__ = ["Administrator", "LegalPerson", "Person", "Profile"]


def mask_id_number(value: str) -> str:
    return value[:4] + "*" * (len(value) - 8) + value[-4:] if len(value) > 8 else "*" * len(value)


def mask_name(value: str) -> str:
    return value[:1] + "*" * (len(value) - 1) if len(value) > 1 else "*"


def mask_phone(value: str) -> str:
    return value[:3] + "*" * (len(value) - 7) + value[-4:] if len(value) >= 11 else (
        "*" * (len(value) - 2) + value[-2:])


class MaskedPerson(BaseModel):
    name: str
    id_number: str
    id_valid_until: dt.date | None = None


class MaskedAdministrator(MaskedPerson):
    phone: str


class ProfileView(BaseModel):
    """What ``profile show`` prints: identity data masked, readable without the vault."""

    model_config = ConfigDict(title="ProfileView")

    company_name: str
    credit_code: str
    corp_id: str
    legal_person: MaskedPerson
    administrator: MaskedAdministrator | None
    updated: str
    legal_person_since: str | None = Field(
        default=None, description="When a save last changed the legal person (UTC, ISO).")
    company_since: str | None = Field(
        default=None, description="When a save last changed the company name or credit code.")


def save_profile(ws: Workspace, profile: Profile) -> ProfileView:
    """Save a complete, checked profile; the draft it came from is no longer needed."""
    with transaction(ws.conn) as c:
        write_profile(c, ws.vault, profile)
        c.execute("DELETE FROM profile_draft")
    view = profile_view(ws)
    assert view is not None
    return view


def _changed(c: sqlite3.Connection, vault: Vault, profile: Profile) -> tuple[bool, bool]:
    """(the legal person changed, the company changed) against the saved profile."""
    row = c.execute("SELECT * FROM profile WHERE id = 1").fetchone()
    if row is None:
        return False, False
    name = vault.decrypt_text(row["legal_person_name_enc"], "profile:legal_person.name")
    number = vault.decrypt_text(row["legal_person_id_enc"], "profile:legal_person.id_number")
    lp = profile.legal_person
    return ((name, number) != (lp.name, lp.id_number),
            (row["company_name"], row["credit_code"]) != (profile.company_name,
                                                          profile.credit_code))


def write_profile(c: sqlite3.Connection, vault: Vault, profile: Profile) -> None:
    """Inside a transaction: replace the profile, its identity data as vault ciphertext.

    A new legal person (name or ID number) or a new company (name or credit code) is recorded
    with its time: the standing documents added before it are stale (app.store.enterprise)."""
    lp, admin = profile.legal_person, profile.administrator
    person_changed, company_changed = _changed(c, vault, profile)
    stamp = now()
    old = c.execute("SELECT legal_person_since, company_since FROM profile WHERE id = 1"
                    ).fetchone()
    person_since = stamp if person_changed else (old["legal_person_since"] if old else None)
    company_since = stamp if company_changed else (old["company_since"] if old else None)
    c.execute("DELETE FROM administrators")
    c.execute(
        "INSERT OR REPLACE INTO profile (id, company_name, credit_code, corp_id, "
        "legal_person_name_enc, legal_person_name_masked, legal_person_id_enc, "
        "legal_person_id_masked, legal_person_id_valid_until, legal_person_since, "
        "company_since, updated) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (profile.company_name, profile.credit_code, profile.corp_id,
         vault.encrypt_text(lp.name, "profile:legal_person.name"), mask_name(lp.name),
         vault.encrypt_text(lp.id_number, "profile:legal_person.id_number"),
         mask_id_number(lp.id_number),
         lp.id_valid_until.isoformat() if lp.id_valid_until else None,
         person_since, company_since, stamp))
    c.execute(
        "INSERT INTO administrators (id, position, name_enc, name_masked, id_number_enc, "
        "id_number_masked, phone_enc, phone_masked, id_valid_until) "
        "VALUES ('primary', 0, ?, ?, ?, ?, ?, ?, ?)",
        (vault.encrypt_text(admin.name, "administrator:primary:name"), mask_name(admin.name),
         vault.encrypt_text(admin.id_number, "administrator:primary:id_number"),
         mask_id_number(admin.id_number),
         vault.encrypt_text(admin.phone, "administrator:primary:phone"),
         mask_phone(admin.phone),
         admin.id_valid_until.isoformat() if admin.id_valid_until else None))


def profile_view(ws: Workspace) -> ProfileView | None:
    row = ws.conn.execute("SELECT * FROM profile WHERE id = 1").fetchone()
    if row is None:
        return None
    admin = ws.conn.execute("SELECT * FROM administrators ORDER BY position LIMIT 1").fetchone()
    return ProfileView(
        company_name=row["company_name"], credit_code=row["credit_code"], corp_id=row["corp_id"],
        legal_person=MaskedPerson(name=row["legal_person_name_masked"],
                                  id_number=row["legal_person_id_masked"],
                                  id_valid_until=row["legal_person_id_valid_until"]),
        administrator=None if admin is None else MaskedAdministrator(
            name=admin["name_masked"], id_number=admin["id_number_masked"],
            phone=admin["phone_masked"] or "", id_valid_until=admin["id_valid_until"]),
        updated=row["updated"], legal_person_since=row["legal_person_since"],
        company_since=row["company_since"])


def load_profile(ws: Workspace) -> Profile | None:
    """The full profile (needs the unlocked vault), e.g. for a letter or the appeal package.

    Read in draft mode: what was valid when saved is not refused later (an ID card that has
    expired since is one of ``Profile.problems()``, not an error here)."""
    row = ws.conn.execute("SELECT * FROM profile WHERE id = 1").fetchone()
    admin = ws.conn.execute("SELECT * FROM administrators ORDER BY position LIMIT 1").fetchone()
    if row is None or admin is None:
        return None
    v = ws.vault
    aid = admin["id"]
    return Profile.draft({
        "company_name": row["company_name"], "credit_code": row["credit_code"],
        "corp_id": row["corp_id"],
        "legal_person": {
            "name": v.decrypt_text(row["legal_person_name_enc"], "profile:legal_person.name"),
            "id_number": v.decrypt_text(row["legal_person_id_enc"],
                                        "profile:legal_person.id_number"),
            "id_valid_until": row["legal_person_id_valid_until"]},
        "administrator": {
            "name": v.decrypt_text(admin["name_enc"], f"administrator:{aid}:name"),
            "id_number": v.decrypt_text(admin["id_number_enc"],
                                        f"administrator:{aid}:id_number"),
            "phone": v.decrypt_text(admin["phone_enc"], f"administrator:{aid}:phone"),
            "id_valid_until": admin["id_valid_until"]}})


def profile_problems(ws: Workspace, today: dt.date | None = None) -> list[Problem]:
    """What is wrong with the saved profile today (an ID card expired or about to), or []
    when there is none; needs the unlocked vault."""
    profile = load_profile(ws)
    return [] if profile is None else profile.problems(today)


# The draft: the profile form as typed, saved on every edit ------------------------------------

# The form's fields, in the form's order: dotted keys of Profile.
DRAFT_FIELDS: tuple[str, ...] = (
    "company_name", "credit_code", "corp_id", "legal_person.name", "legal_person.id_number",
    "administrator.name", "administrator.id_number", "administrator.phone")
# Optional fields the form may also keep (dates as YYYY-MM-DD; empty for "long term").
OPTIONAL_DRAFT_FIELDS: tuple[str, ...] = ("legal_person.id_valid_until",
                                          "administrator.id_valid_until")
MAX_DRAFT_FIELD = 1000
_DRAFT_CONTEXT = "profile:draft"


class ProfileDraft(BaseModel):
    """What the user typed so far: any subset of DRAFT_FIELDS (and OPTIONAL_DRAFT_FIELDS),
    values possibly invalid."""

    fields: dict[str, str] = Field(repr=False)
    updated: str


def profile_fields(profile: Profile, *, optional: bool = False) -> dict[str, str]:
    """The profile as the form's fields (DRAFT_FIELDS; with ``optional``, the ID cards'
    expiry dates of OPTIONAL_DRAFT_FIELDS too, "" for none)."""
    lp, admin = profile.legal_person, profile.administrator
    fields = {"company_name": profile.company_name, "credit_code": profile.credit_code,
            "corp_id": profile.corp_id, "legal_person.name": lp.name,
            "legal_person.id_number": lp.id_number, "administrator.name": admin.name,
            "administrator.id_number": admin.id_number, "administrator.phone": admin.phone}
    if optional:
        fields["legal_person.id_valid_until"] = (lp.id_valid_until.isoformat()
                                                 if lp.id_valid_until else "")
        fields["administrator.id_valid_until"] = (admin.id_valid_until.isoformat()
                                                  if admin.id_valid_until else "")
    return fields


def save_profile_draft(ws: Workspace, fields: Mapping[str, str]) -> ProfileDraft:
    """Keep the half-filled form, every field in one vault ciphertext (names and identity
    numbers included); replaces the previous draft. Unknown keys are refused."""
    unknown = sorted(set(fields) - set(DRAFT_FIELDS) - set(OPTIONAL_DRAFT_FIELDS))
    if unknown:
        raise ValueError(f"not profile fields: {', '.join(unknown)}")
    kept = {key: str(fields[key])[:MAX_DRAFT_FIELD]
            for key in (*DRAFT_FIELDS, *OPTIONAL_DRAFT_FIELDS) if key in fields}
    sealed = ws.vault.encrypt_text(json.dumps(kept, ensure_ascii=False), _DRAFT_CONTEXT)
    updated = now()
    with transaction(ws.conn) as c:
        c.execute("INSERT OR REPLACE INTO profile_draft (id, fields_enc, updated) "
                  "VALUES (1, ?, ?)", (sealed, updated))
    return ProfileDraft(fields=kept, updated=updated)


def has_profile_draft(ws: Workspace) -> bool:
    """Whether a draft is kept (readable without the vault)."""
    return ws.conn.execute("SELECT 1 FROM profile_draft WHERE id = 1").fetchone() is not None


def load_profile_draft(ws: Workspace) -> ProfileDraft | None:
    """The saved draft, whatever its age (needs the unlocked vault)."""
    row = ws.conn.execute("SELECT fields_enc, updated FROM profile_draft WHERE id = 1").fetchone()
    if row is None:
        return None
    fields = json.loads(ws.vault.decrypt_text(row["fields_enc"], _DRAFT_CONTEXT))
    known = (*DRAFT_FIELDS, *OPTIONAL_DRAFT_FIELDS)
    return ProfileDraft(fields={k: v for k, v in fields.items()
                                if k in known and isinstance(v, str)},
                        updated=row["updated"])


def current_draft(ws: Workspace) -> ProfileDraft | None:
    """The draft the form should show: kept, and not older than the saved profile (a profile
    saved later, e.g. by an import or on another connection, wins)."""
    draft = load_profile_draft(ws)
    if draft is None:
        return None
    row = ws.conn.execute("SELECT updated FROM profile WHERE id = 1").fetchone()
    if row is not None and (dt.datetime.fromisoformat(draft.updated)
                            < dt.datetime.fromisoformat(row["updated"])):
        return None
    return draft


def clear_profile_draft(ws: Workspace) -> bool:
    """Forget the draft; True when there was one."""
    with transaction(ws.conn) as c:
        return c.execute("DELETE FROM profile_draft").rowcount > 0
