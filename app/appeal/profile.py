"""The enterprise profile (docs/design.md, "Contracts"): the one model the workspace, the letter
and the appeal package share, with one validation.

Two modes of the same model:

- **strict** (the default, ``Profile.model_validate(data)``): what the workspace saves and what
  an import accepts. Identity numbers, the phone number and the CorpID are checked with the
  checks of ``app.appeal.checks`` and normalised (compact ID numbers, digits-only phone); the
  first error of a field is a ``ValidationError`` located at that field.
- **draft** (``Profile.draft(data)``): what the user typed, shape-checked only (every field
  present, right types), so a letter or a package can still be previewed; ``problems()`` lists
  what is wrong, with the same checks and the same words as the strict mode.

``problems()`` is also what a *saved* profile is held to at the time it is used: an ID card that
has expired since (``id_valid_until``) is reported, although it was valid when saved.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

if TYPE_CHECKING:
    from app.appeal.checks import Problem

ProfileMode = Literal["strict", "draft"]
# A CorpID as the workspace accepts it; checks.py warns when it is not the usual ww + 16 hex.
_CORP_ID = re.compile(r"^[A-Za-z0-9]{4,64}$")


def _draft(info: ValidationInfo) -> bool:
    return isinstance(info.context, dict) and info.context.get("mode") == "draft"


def _first_error(problems: list[Problem], what: str) -> None:
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise ValueError(f"not a valid {what}: {errors[0].message.en}")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Person(_Model):
    # repr=False: a logged or printed model never shows identity data.
    name: str = Field(min_length=1, max_length=100, repr=False)
    id_number: str = Field(min_length=1, max_length=40, repr=False,
                           description="Resident identity card number (18 characters).")
    id_valid_until: dt.date | None = Field(
        default=None, description="Expiry date printed on the ID card; null for 'long term' "
        "(长期) or when not entered.")

    @field_validator("id_number")
    @classmethod
    def _check_id_number(cls, value: str, info: ValidationInfo) -> str:
        if _draft(info):
            return value
        from stdnum.cn import ric

        from app.appeal.checks import check_resident_id

        _first_error(check_resident_id(value, "id_number"), "resident identity number")
        return ric.compact(value)


# The legal person named on the business licence (法定代表人).
LegalPerson = Person


class Administrator(Person):
    phone: str = Field(min_length=1, max_length=40, repr=False,
                       description="Mainland mobile number, optionally with +86.")

    @field_validator("phone")
    @classmethod
    def _check_phone(cls, value: str, info: ValidationInfo) -> str:
        if _draft(info):
            return value
        from app.appeal.checks import check_phone, normalize_phone

        _first_error(check_phone(value, "phone"), "phone number")
        return normalize_phone(value)


class Profile(_Model):
    """The enterprise as the appeal package and the letters name it."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, title="Profile")

    company_name: str = Field(min_length=1, max_length=200)
    credit_code: str = Field(min_length=1, max_length=40,
                             description="Unified Social Credit Code (统一社会信用代码).")
    corp_id: str = Field(min_length=1, max_length=64,
                         description="The enterprise's WeCom CorpID (企业ID; admin console, "
                         "'My enterprise').")
    legal_person: Person
    administrator: Administrator

    @field_validator("credit_code")
    @classmethod
    def _check_credit_code(cls, value: str, info: ValidationInfo) -> str:
        if _draft(info):
            return value
        from stdnum.cn import uscc

        from app.appeal.checks import check_credit_code

        _first_error(check_credit_code(value), "Unified Social Credit Code")
        return uscc.compact(value)

    @field_validator("corp_id")
    @classmethod
    def _check_corp_id(cls, value: str, info: ValidationInfo) -> str:
        if not _draft(info) and not _CORP_ID.match(value):
            raise ValueError("a CorpID is 4 to 64 letters and digits (e.g. ww0123456789abcdef)")
        return value

    @classmethod
    def draft(cls, data: Any) -> Profile:
        """The profile as typed: shape-checked only; ``problems()`` says what is wrong."""
        return cls.model_validate(data, context={"mode": "draft"})

    @classmethod
    def draft_json(cls, data: str | bytes) -> Profile:
        return cls.model_validate_json(data, context={"mode": "draft"})

    def problems(self, today: dt.date | None = None,
                 names_on_documents: dict[str, list[tuple[str, str]]] | None = None,
                 ) -> list[Problem]:
        """Every check of ``app.appeal.checks.check_profile`` at ``today`` (expiry included)."""
        from app.appeal.checks import check_profile

        return check_profile(self, today, names_on_documents)


# The profile form's fields (dotted keys of Profile) that must be filled in.
REQUIRED_FIELDS: tuple[str, ...] = (
    "company_name", "credit_code", "corp_id", "legal_person.name", "legal_person.id_number",
    "administrator.name", "administrator.id_number", "administrator.phone")


def draft_problems(fields: dict[str, str], today: dt.date | None = None) -> list[Problem]:
    """The problems of a half-filled profile form (dotted keys → text as typed): empty
    required fields, then each filled field checked as ``Profile.problems()`` checks it."""
    from app.appeal.checks import (
        Problem,
        check_credit_code,
        check_id_expiry,
        check_phone,
        check_resident_id,
    )
    from app.i18n import LocalText

    problems: list[Problem] = [
        Problem(field=key, message=LocalText(en="This field is empty.", zh_CN="此项尚未填写。"))
        for key in REQUIRED_FIELDS if not (fields.get(key) or "").strip()]
    value = {key: (fields.get(key) or "").strip() for key in fields}
    if value.get("credit_code"):
        problems += check_credit_code(value["credit_code"])
    for person in ("legal_person", "administrator"):
        if value.get(f"{person}.id_number"):
            problems += check_resident_id(value[f"{person}.id_number"], f"{person}.id_number",
                                          today)
        until = value.get(f"{person}.id_valid_until")
        if until:
            try:
                day = dt.date.fromisoformat(until)
            except ValueError:
                problems.append(Problem(field=f"{person}.id_valid_until", message=LocalText(
                    en="Not a date (YYYY-MM-DD).", zh_CN="日期格式不正确（应为 YYYY-MM-DD）。")))
            else:
                problems += check_id_expiry(day, f"{person}.id_valid_until", today)
    if value.get("administrator.phone"):
        problems += check_phone(value["administrator.phone"])
    if value.get("corp_id") and not _CORP_ID.match(value["corp_id"]):
        problems.append(Problem(field="corp_id", message=LocalText(
            en="A CorpID is 4 to 64 letters and digits (e.g. ww0123456789abcdef).",
            zh_CN="企业ID 应为 4 到 64 位字母和数字（如 ww0123456789abcdef）。")))
    return problems
