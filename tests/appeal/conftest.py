"""Fixtures for the appeal package: every image, PDF and profile is generated in the tests."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from app.appeal.profile import Profile
from app.pdf.fonts import FontNotFoundError, find_cjk_font
from app.rules.contract import Diagnosis

from .samples import make_ric, make_uscc, pdf_file, photo, require


@pytest.fixture(scope="session")
def cjk_font():
    try:
        return find_cjk_font()
    except FontNotFoundError:
        require(False, "a CJK TrueType font (fonts-wqy-microhei)")


@pytest.fixture(scope="session")
def pdftoppm() -> str:
    path = shutil.which("pdftoppm")
    require(path is not None, "pdftoppm (poppler-utils)")
    return path


@pytest.fixture
def profile() -> Profile:
    return Profile.model_validate({
        "company_name": "深圳市示例科技有限公司",
        "credit_code": make_uscc(),
        "corp_id": "ww0123456789abcdef",
        "legal_person": {"name": "张伟", "id_number": make_ric()},
        "administrator": {"name": "李娜", "id_number": make_ric("440305", "19900101", "456"),
                          "phone": "+86 138 0013 8000"},
    })


@pytest.fixture
def diagnosis() -> Diagnosis:
    return Diagnosis.model_validate({
        "rule": "R3", "step": None, "category": None, "appeal_route": "enterprise_appeal",
        "documents": ["business_license", "legal_person_id", "legal_person_holding_id",
                      "seal_authorization_letter"],
        "citations": ["4.1", "5.3"],
        "explanation": [{"id": "t", "text": "整个企业被封禁，可通过管理员账号申诉（5.3）。",
                         "citations": ["5.3"]}],
        "next_violation": [], "certainty": "partial", "lang": "zh_CN",
        "catalogue_version": "test"})


@pytest.fixture
def case_dir(tmp_path: Path, profile: Profile, diagnosis: Diagnosis) -> Path:
    """A complete case on disk: relative paths, a profile file, every document the route needs."""
    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "profile.json").write_text(profile.model_dump_json(), encoding="utf-8")
    photo(folder / "licence.jpg", (1400, 1000), orientation=6, seed=1, gps=True)
    photo(folder / "id_front.jpg", (856, 540), seed=2)
    photo(folder / "id_back.png", (856, 540), seed=3, fmt="PNG")
    photo(folder / "holding.jpg", (1200, 1600), orientation=1, seed=4)
    pdf_file(folder / "letter_scan.pdf", text="Sealed letter")
    pdf_file(folder / "evidence.pdf", pages=2, rotate=90)
    case = {
        "profile": "profile.json",
        "diagnosis": json.loads(diagnosis.model_dump_json()),
        "report": {"account": "enterprise", "scope": "account", "duration": "permanent",
                   "believes_wrongful": True, "notice_text": "你的企业因违反使用规范已被封禁"},
        "restricted_on": "2026-11-20",
        "accounts": ["zhangsan"],
        "complied": "相关账号均由本单位员工使用，服务主动咨询的客户。",
        "measures": [{"text": "组织成员重新学习企业微信使用规范", "done": True}],
        "documents": [
            {"kind": "evidence", "path": "evidence.pdf"},
            {"kind": "legal_person_id_back", "path": "id_back.png"},
            {"kind": "business_license", "path": "licence.jpg"},
            {"kind": "legal_person_id_front", "path": "id_front.jpg"},
            {"kind": "legal_person_holding_id", "path": "holding.jpg"},
            {"kind": "seal_authorization_letter", "path": "letter_scan.pdf"},
        ],
    }
    (folder / "case.json").write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    return folder
