"""Test doubles for the store tests: a stand-in diagnosis, fixture files (the keyring and the
sample values come from tests/shared_fakes.py)."""

from __future__ import annotations

import os
import struct
import zlib

from shared_fakes import ADMIN_ID_NUMBER, ID_NUMBER, LEGAL_NAME, PASSPHRASE, MemoryKeyring

from app.rules.contract import Diagnosis, RestrictionReport, Sentence, TimingFact

__all__ = ["ADMIN_ID_NUMBER", "ID_NUMBER", "LEGAL_NAME", "PASSPHRASE", "MemoryKeyring",
           "fake_diagnosis", "png_bytes", "profile_dict"]


def fake_diagnosis(report: RestrictionReport) -> Diagnosis:
    """Enough of the engine for the store: the rule-1 ladder step follows prior_violations."""
    if report.duration == "until_wechat_unblocked":
        return Diagnosis(
            rule="R2", step=None, category="linked_wechat", appeal_route="wait_for_wechat_unblock",
            documents=[], citations=["3.2"],
            explanation=[Sentence(id="r2", text="Linked WeChat account.", citations=["3.2"])],
            next_violation=[], certainty="decided", lang="en", catalogue_version="test",
            timing=[TimingFact(id="r2_auto", text="Within 24 hours.", citations=["3.2"],
                               hours=24)])
    if report.account == "enterprise":
        return Diagnosis(
            rule=None, step=None, category=None, appeal_route="enterprise_appeal",
            documents=["business_license", "legal_person_id", "legal_person_holding_id",
                       "seal_authorization_letter"], citations=["5.3"],
            explanation=[Sentence(id="ent", text="Enterprise appeal.", citations=["5.3"])],
            next_violation=[], certainty="partial", lang="en", catalogue_version="test")
    step = min(report.prior_violations + 1, 3)
    return Diagnosis(
        rule="R1", step=step, category="harassment",
        appeal_route="admin_unblock_request" if step == 1 else "wait_for_expiry",
        documents=[], citations=["2.2"],
        explanation=[Sentence(id="r1", text=f"Rule 1, step {step}.", citations=["2.2"])],
        next_violation=[], certainty="decided", lang="en", catalogue_version="test")


def png_bytes(seed: int = 7, size: int = 24) -> bytes:
    """A small valid PNG with noisy pixels, so its bytes are distinctive."""
    rng = os.urandom(size * size * 3) if seed < 0 else bytes(
        (seed * 31 + i * 17 + (i * i) % 251) % 256 for i in range(size * size * 3))
    raw = b"".join(b"\x00" + rng[y * size * 3:(y + 1) * size * 3] for y in range(size))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0,
                                                              0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 0)) + chunk(b"IEND", b""))


def profile_dict() -> dict:
    return {
        "company_name": "北京示例科技有限公司",
        "credit_code": "91110000600037341L",
        "corp_id": "ww0123456789abcdef",
        "legal_person": {"name": LEGAL_NAME, "id_number": ID_NUMBER},
        "administrator": {"name": "李四", "id_number": ADMIN_ID_NUMBER,
                          "phone": "13800138000"},
    }
