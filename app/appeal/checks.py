"""Identity checks for the appeal package: credit code, resident IDs, expiry, names, phone.

Every problem names the profile field it belongs to and says what is wrong in both languages;
identity numbers appear in messages only masked (docs/design.md, "Privacy").
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict
from stdnum.cn import ric, uscc
from stdnum.exceptions import (
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    ValidationError,
)

from app.appeal import regions
from app.i18n import LocalText

if TYPE_CHECKING:  # the Profile model runs these checks itself (app.appeal.profile)
    from app.appeal.profile import Profile

Severity = Literal["error", "warning"]

# An ID card that expires within this many days is flagged: the appeal takes days to process.
EXPIRY_WARNING_DAYS = 30


class Problem(BaseModel):
    """One finding about one field: errors block the package, warnings are for the user to see."""

    # defer_build: validators made at first use, not at import (every profile check imports it, a
    # valid profile makes none).
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    field: str
    severity: Severity = "error"
    message: LocalText


def _problem(field: str, en: str, zh: str, severity: Severity = "error") -> Problem:
    return Problem(field=field, severity=severity, message=LocalText(en=en, zh_CN=zh))


def mask_id(number: str, keep_start: int = 6, keep_end: int = 4) -> str:
    """Mask the middle of an identity number: 11010519491231002X → 110105********002X."""
    compact = re.sub(r"\s+", "", number or "")
    if len(compact) <= keep_start + keep_end:
        return "*" * len(compact)
    return compact[:keep_start] + "*" * (len(compact) - keep_start - keep_end) + compact[-keep_end:]


def check_credit_code(code: str, field: str = "credit_code") -> list[Problem]:
    """Unified Social Credit Code (GB 32100-2015): 18 characters, mod-31 check character."""
    # Public (printed on the business licence, listed in the national registry): shown whole,
    # so the user can find the mistyped character; only personal numbers are masked.
    shown = uscc.compact(code)
    try:
        uscc.validate(code)
    except InvalidLength:
        n = len(uscc.compact(code))
        return [_problem(field, f"The Unified Social Credit Code must have 18 characters; "
                         f"this one has {n}.",
                         f"统一社会信用代码应为 18 位，当前为 {n} 位。")]
    except InvalidFormat:
        return [_problem(field, f"The Unified Social Credit Code {shown} contains characters "
                         "that are not allowed (letters I, O, S, V, Z never occur).",
                         f"统一社会信用代码 {shown} 含有不允许的字符（不使用 I、O、S、V、Z）。")]
    except InvalidChecksum:
        return [_problem(field, f"The Unified Social Credit Code {shown} fails its check "
                         "character: a character is mistyped.",
                         f"统一社会信用代码 {shown} 校验位不符，可能有字符输入错误。")]
    except ValidationError:
        return [_problem(field, f"The Unified Social Credit Code {shown} is not valid.",
                         f"统一社会信用代码 {shown} 无效。")]
    return []


def check_resident_id(number: str, field: str, today: dt.date | None = None) -> list[Problem]:
    """Resident identity card number (GB 11643-1999): region, birth date, mod-11 check."""
    today = today or dt.date.today()
    shown = mask_id(number)
    regions.prime()  # stdnum's region table from the disk cache (app/appeal/regions.py)
    try:
        compact = ric.validate(number)
    except InvalidLength:
        n = len(ric.compact(number))
        return [_problem(field, f"A resident ID number has 18 characters; this one has {n}.",
                         f"身份证号码应为 18 位，当前为 {n} 位。")]
    except InvalidFormat:
        return [_problem(field, f"The ID number {shown} may contain only digits, and X as the "
                         "last character.",
                         f"身份证号码 {shown} 只能由数字组成，最后一位可为 X。")]
    except InvalidChecksum:
        return [_problem(field, f"The ID number {shown} fails its check digit: a digit is "
                         "mistyped.",
                         f"身份证号码 {shown} 校验位不符，可能有数字输入错误。")]
    except InvalidComponent:
        return [_problem(field, f"The ID number {shown} has an impossible birth date or an "
                         "unknown region code.",
                         f"身份证号码 {shown} 的出生日期或地区代码无效。")]
    except ValidationError:
        return [_problem(field, f"The ID number {shown} is not valid.",
                         f"身份证号码 {shown} 无效。")]
    birth = ric.get_birth_date(compact)
    if birth > today:
        return [_problem(field, f"The ID number {shown} has a birth date in the future.",
                         f"身份证号码 {shown} 的出生日期晚于今天。")]
    age = today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
    if age < 16:
        return [_problem(field, f"The ID number {shown} belongs to someone aged {age}; a legal "
                         "person or administrator is an adult.",
                         f"身份证号码 {shown} 对应年龄为 {age} 岁，法定代表人或管理员应为成年人。",
                         "warning")]
    return []


def check_id_expiry(valid_until: dt.date | None, field: str,
                    today: dt.date | None = None) -> list[Problem]:
    if valid_until is None:
        return []
    today = today or dt.date.today()
    if valid_until < today:
        return [_problem(field, f"The ID card expired on {valid_until.isoformat()}; WeCom "
                         "support does not accept an expired ID card.",
                         f"身份证已于 {valid_until.isoformat()} 过期，申诉不接受过期证件。")]
    if (valid_until - today).days <= EXPIRY_WARNING_DAYS:
        return [_problem(field, f"The ID card expires on {valid_until.isoformat()}, before the "
                         "appeal may be decided.",
                         f"身份证将于 {valid_until.isoformat()} 到期，可能早于申诉处理完成。",
                         "warning")]
    return []


_MOBILE = re.compile(r"^1[3-9]\d{9}$")


def normalize_phone(phone: str) -> str:
    digits = re.sub(r"[\s\-()（）]", "", unicodedata.normalize("NFKC", phone or ""))
    for prefix in ("+86", "0086", "86"):
        if digits.startswith(prefix) and len(digits) == len(prefix) + 11:
            return digits[len(prefix):]
    return digits


def check_phone(phone: str, field: str = "administrator.phone") -> list[Problem]:
    """A mainland mobile number: WeCom support calls or texts the administrator on it."""
    if _MOBILE.match(normalize_phone(phone)):
        return []
    return [_problem(field, "The phone number is not a mainland China mobile number "
                     "(11 digits starting with 1, optionally +86).",
                     "手机号码格式不正确（应为以 1 开头的 11 位数字，可带 +86）。")]


def normalize_name(name: str) -> str:
    """Compare names the way a reader would: full-width forms, spaces and the middle dot."""
    text = unicodedata.normalize("NFKC", name or "")
    text = text.replace("·", "").replace("•", "").replace("．", "").replace("・", "")
    return re.sub(r"\s+", "", text).casefold()


def check_names_agree(field: str, names: Iterable[tuple[str, str]]) -> list[Problem]:
    """``names``: (where the name was entered, the name). All must be the same person's name."""
    entries = [(where, name) for where, name in names if name and name.strip()]
    if len({normalize_name(name) for _, name in entries}) <= 1:
        return []
    listing = "; ".join(f"{where}: {name}" for where, name in entries)
    return [_problem(field, f"The name differs between documents ({listing}); WeCom support "
                     "rejects a package whose names do not match.",
                     f"各材料中的姓名不一致（{listing}），名称不一致的材料会被驳回。")]


def check_profile(profile: Profile, today: dt.date | None = None,
                  names_on_documents: dict[str, list[tuple[str, str]]] | None = None,
                  ) -> list[Problem]:
    """All checks of one profile. ``names_on_documents`` maps a profile name field
    (``legal_person.name``, ``administrator.name``, ``company_name``) to the names the user
    read off the documents, as (document, name) pairs."""
    problems: list[Problem] = []
    problems += check_credit_code(profile.credit_code)
    if not re.fullmatch(r"ww[0-9a-f]{16}", profile.corp_id.strip()):
        problems.append(_problem("corp_id", "A WeCom CorpID looks like 'ww' followed by 16 "
                                 "hexadecimal characters; please copy it from the admin "
                                 "console (My Enterprise → Enterprise Info).",
                                 "企业ID 通常为 ww 加 16 位十六进制字符，请从管理后台"
                                 "“我的企业 → 企业信息”复制。", "warning"))
    for key, person in (("legal_person", profile.legal_person),
                        ("administrator", profile.administrator)):
        problems += check_resident_id(person.id_number, f"{key}.id_number", today)
        problems += check_id_expiry(person.id_valid_until, f"{key}.id_valid_until", today)
    problems += check_phone(profile.administrator.phone)
    current = {"legal_person.name": profile.legal_person.name,
               "administrator.name": profile.administrator.name,
               "company_name": profile.company_name}
    for field, found in (names_on_documents or {}).items():
        problems += check_names_agree(field, [("profile", current.get(field, "")), *found])
    return problems
