"""The enterprise profile (docs/design.md, "Contracts"), checked, and its masked display form.

Names, identity numbers and phone numbers are stored only as vault ciphertext; the masked forms
are kept beside them for lists and forms while the vault is locked.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict, Field, field_validator
from stdnum.cn import ric, uscc
from stdnum.exceptions import ValidationError as StdnumError

from app.store.db import now, transaction
from app.store.vault import Vault
from app.store.workspace import Workspace

_CORP_ID = re.compile(r"^[A-Za-z0-9]{4,64}$")
_PHONE = re.compile(r"^\+?[0-9][0-9 -]{5,20}$")


def check_id_number(value: str) -> str:
    """A resident identity number (GB 11643) in its compact form, or ValueError."""
    try:
        return ric.validate(value)
    except StdnumError as exc:
        raise ValueError(f"not a valid resident identity number ({exc.message})") from exc


class LegalPerson(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    # repr=False: a logged or printed model never shows identity data.
    name: str = Field(min_length=1, max_length=100, repr=False)
    id_number: str = Field(description="Resident identity number (18 characters).", repr=False)

    _check_id = field_validator("id_number")(check_id_number)


class Administrator(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    # repr=False: a logged or printed model never shows identity data.
    name: str = Field(min_length=1, max_length=100, repr=False)
    id_number: str = Field(description="Resident identity number (18 characters).", repr=False)
    phone: str = Field(description="Mobile phone number.", repr=False)

    _check_id = field_validator("id_number")(check_id_number)

    @field_validator("phone")
    @classmethod
    def _check_phone(cls, value: str) -> str:
        if not _PHONE.match(value):
            raise ValueError("not a phone number (digits, optionally +country code)")
        return re.sub(r"[ -]", "", value)


class Profile(BaseModel):
    """The enterprise as the appeal package and the letters name it."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, title="Profile")

    company_name: str = Field(min_length=1, max_length=200)
    credit_code: str = Field(description="Unified Social Credit Code (18 characters).")
    corp_id: str = Field(description="The enterprise's WeCom CorpID (admin console, "
                         "'My enterprise').")
    legal_person: LegalPerson
    administrator: Administrator

    @field_validator("credit_code")
    @classmethod
    def _check_credit_code(cls, value: str) -> str:
        try:
            return uscc.validate(value)
        except StdnumError as exc:
            raise ValueError(f"not a valid Unified Social Credit Code ({exc.message})") from exc

    @field_validator("corp_id")
    @classmethod
    def _check_corp_id(cls, value: str) -> str:
        if not _CORP_ID.match(value):
            raise ValueError("a CorpID is 4 to 64 letters and digits (e.g. ww0123456789abcdef)")
        return value


ProfileIn = Profile


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


def save_profile(ws: Workspace, profile: Profile) -> ProfileView:
    """Save a complete, checked profile; the draft it came from is no longer needed."""
    with transaction(ws.conn) as c:
        write_profile(c, ws.vault, profile)
        c.execute("DELETE FROM profile_draft")
    view = profile_view(ws)
    assert view is not None
    return view


def write_profile(c: sqlite3.Connection, vault: Vault, profile: Profile) -> None:
    """Inside a transaction: replace the profile, its identity data as vault ciphertext."""
    lp, admin = profile.legal_person, profile.administrator
    c.execute("DELETE FROM administrators")
    c.execute(
        "INSERT OR REPLACE INTO profile (id, company_name, credit_code, corp_id, "
        "legal_person_name_enc, legal_person_name_masked, legal_person_id_enc, "
        "legal_person_id_masked, updated) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)",
        (profile.company_name, profile.credit_code, profile.corp_id,
         vault.encrypt_text(lp.name, "profile:legal_person.name"), mask_name(lp.name),
         vault.encrypt_text(lp.id_number, "profile:legal_person.id_number"),
         mask_id_number(lp.id_number), now()))
    c.execute(
        "INSERT INTO administrators (id, position, name_enc, name_masked, id_number_enc, "
        "id_number_masked, phone_enc, phone_masked) VALUES ('primary', 0, ?, ?, ?, ?, ?, ?)",
        (vault.encrypt_text(admin.name, "administrator:primary:name"), mask_name(admin.name),
         vault.encrypt_text(admin.id_number, "administrator:primary:id_number"),
         mask_id_number(admin.id_number),
         vault.encrypt_text(admin.phone, "administrator:primary:phone"),
         mask_phone(admin.phone)))


def profile_view(ws: Workspace) -> ProfileView | None:
    row = ws.conn.execute("SELECT * FROM profile WHERE id = 1").fetchone()
    if row is None:
        return None
    admin = ws.conn.execute("SELECT * FROM administrators ORDER BY position LIMIT 1").fetchone()
    return ProfileView(
        company_name=row["company_name"], credit_code=row["credit_code"], corp_id=row["corp_id"],
        legal_person=MaskedPerson(name=row["legal_person_name_masked"],
                                  id_number=row["legal_person_id_masked"]),
        administrator=None if admin is None else MaskedAdministrator(
            name=admin["name_masked"], id_number=admin["id_number_masked"],
            phone=admin["phone_masked"] or ""),
        updated=row["updated"])


def load_profile(ws: Workspace) -> Profile | None:
    """The full profile (needs the unlocked vault), e.g. for a letter or the appeal package."""
    row = ws.conn.execute("SELECT * FROM profile WHERE id = 1").fetchone()
    admin = ws.conn.execute("SELECT * FROM administrators ORDER BY position LIMIT 1").fetchone()
    if row is None or admin is None:
        return None
    v = ws.vault
    aid = admin["id"]
    return Profile.model_validate({
        "company_name": row["company_name"], "credit_code": row["credit_code"],
        "corp_id": row["corp_id"],
        "legal_person": {
            "name": v.decrypt_text(row["legal_person_name_enc"], "profile:legal_person.name"),
            "id_number": v.decrypt_text(row["legal_person_id_enc"],
                                        "profile:legal_person.id_number")},
        "administrator": {
            "name": v.decrypt_text(admin["name_enc"], f"administrator:{aid}:name"),
            "id_number": v.decrypt_text(admin["id_number_enc"],
                                        f"administrator:{aid}:id_number"),
            "phone": v.decrypt_text(admin["phone_enc"], f"administrator:{aid}:phone")}})


# The draft: the profile form as typed, saved on every edit ------------------------------------

# The form's fields, in the form's order: dotted keys of Profile.
DRAFT_FIELDS: tuple[str, ...] = (
    "company_name", "credit_code", "corp_id", "legal_person.name", "legal_person.id_number",
    "administrator.name", "administrator.id_number", "administrator.phone")
MAX_DRAFT_FIELD = 1000
_DRAFT_CONTEXT = "profile:draft"


class ProfileDraft(BaseModel):
    """What the user typed so far: any subset of DRAFT_FIELDS, values possibly invalid."""

    fields: dict[str, str] = Field(repr=False)
    updated: str


def profile_fields(profile: Profile) -> dict[str, str]:
    """The profile as the form's fields (DRAFT_FIELDS)."""
    lp, admin = profile.legal_person, profile.administrator
    return {"company_name": profile.company_name, "credit_code": profile.credit_code,
            "corp_id": profile.corp_id, "legal_person.name": lp.name,
            "legal_person.id_number": lp.id_number, "administrator.name": admin.name,
            "administrator.id_number": admin.id_number, "administrator.phone": admin.phone}


def save_profile_draft(ws: Workspace, fields: Mapping[str, str]) -> ProfileDraft:
    """Keep the half-filled form, every field in one vault ciphertext (names and identity
    numbers included); replaces the previous draft. Unknown keys are refused."""
    unknown = sorted(set(fields) - set(DRAFT_FIELDS))
    if unknown:
        raise ValueError(f"not profile fields: {', '.join(unknown)}")
    kept = {key: str(fields[key])[:MAX_DRAFT_FIELD] for key in DRAFT_FIELDS if key in fields}
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
    return ProfileDraft(fields={k: v for k, v in fields.items()
                                if k in DRAFT_FIELDS and isinstance(v, str)},
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
