"""The enterprise profile as the appeal package reads it (docs/design.md, "Contracts").

Interim home: the workspace's own Profile model (``app/store/profile.py``) replaces this one
once it exists; the field names are the contract and stay as they are.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Person(_Model):
    name: str = Field(min_length=1, max_length=100)
    id_number: str = Field(min_length=1, max_length=40,
                           description="Resident identity card number (18 characters).")
    id_valid_until: dt.date | None = Field(
        default=None, description="Expiry date printed on the ID card; null for 'long term' "
        "(长期) or when not entered.")


class Administrator(Person):
    phone: str = Field(min_length=1, max_length=40)


class Profile(_Model):
    company_name: str = Field(min_length=1, max_length=200)
    credit_code: str = Field(min_length=1, max_length=40,
                             description="Unified Social Credit Code (统一社会信用代码).")
    corp_id: str = Field(min_length=1, max_length=64, description="WeCom CorpID (企业ID).")
    legal_person: Person
    administrator: Administrator
