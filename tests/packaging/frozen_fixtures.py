"""Inputs for the frozen app, made by the tests: a profile with valid identity numbers, a case
with photos (one of them HEIC) and a scanned letter, behaviour statistics, audit answers."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
from pathlib import Path

from PIL import Image, ImageDraw
from stdnum.cn import ric, uscc

ENTERPRISE_REPORT = {"account": "enterprise", "scope": "account", "duration": "unknown",
                     "believes_wrongful": True}
SPAMMER = "spam.zhang"
BEHAVIOUR_TITLES = ["userid", "stat_time", "new_apply_cnt", "new_contact_cnt", "chat_cnt",
                    "message_cnt", "reply_percentage", "avg_reply_time",
                    "negative_feedback_cnt"]


def _ric(base: str) -> str:
    return base + ric.calc_check_digit(base + "0")


def profile_dict() -> dict:
    credit = "91440300MA5DC1234"
    return {
        "company_name": "深圳市示例科技有限公司",
        "credit_code": credit + uscc.calc_check_digit(credit),
        "corp_id": "ww0123456789abcdef",
        "legal_person": {"name": "张伟", "id_number": _ric("11010519800214123")},
        "administrator": {"name": "李娜", "id_number": _ric("44030519900101456"),
                          "phone": "+86 138 0013 8000"},
    }


def _photo(size: tuple[int, int], seed: int) -> Image.Image:
    """A document-like photo: a light sheet with lines of dark strokes."""
    rng = random.Random(seed)
    image = Image.new("RGB", size, (120, 140, 160))
    draw = ImageDraw.Draw(image)
    w, h = size
    draw.rectangle((w // 10, h // 10, w * 9 // 10, h * 9 // 10), fill=(240, 236, 228))
    for y in range(h // 5, h * 4 // 5, max(8, h // 30)):
        x = w // 6
        while x < w * 5 // 6:
            word = rng.randint(w // 40, w // 12)
            draw.rectangle((x, y, x + word, y + max(3, h // 80)), fill=(30, 30, 40))
            x += word + w // 50
    return image


def _pdf(path: Path, text: str) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    canvas.setFont("Helvetica", 24)
    canvas.drawString(72, 700, text)
    canvas.showPage()
    canvas.save()
    path.write_bytes(buffer.getvalue())
    return path


def make_case(folder: Path) -> Path:
    """A complete enterprise-appeal case on disk; the ID card's front is a HEIC photo."""
    import pillow_heif

    folder.mkdir(parents=True)
    _photo((1400, 1000), 1).save(folder / "licence.jpg", "JPEG", quality=85)
    pillow_heif.from_pillow(_photo((856, 540), 2)).save(folder / "id_front.heic", quality=80)
    _photo((856, 540), 3).save(folder / "id_back.png", "PNG")
    _photo((1200, 1600), 4).save(folder / "holding.jpg", "JPEG", quality=85)
    _pdf(folder / "letter_scan.pdf", "Sealed letter")
    case = {
        "profile": profile_dict(),
        "report": ENTERPRISE_REPORT,
        # The administrator's own statement: a complete case, so the bundle exits 0.
        "statement": "我单位认为账号的使用符合企业微信的使用规范，恳请复核。",
        "documents": [
            {"kind": "business_license", "path": "licence.jpg"},
            {"kind": "legal_person_id_front", "path": "id_front.heic"},
            {"kind": "legal_person_id_back", "path": "id_back.png"},
            {"kind": "legal_person_holding_id", "path": "holding.jpg"},
            {"kind": "seal_authorization_letter", "path": "letter_scan.pdf"},
        ],
    }
    path = folder / "case.json"
    path.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    return path


def behaviour_rows(days: int = 30, seed: int = 7) -> list[list[object]]:
    """One row per member and day: a spammer sending 200 applications a day, of which a tenth
    become customers (the malicious-adding pattern of 2.1), and ten members who behave."""
    rng = random.Random(seed)
    rows: list[list[object]] = []
    for d in range(days):
        day = (dt.date(2026, 9, 1) + dt.timedelta(days=d)).isoformat()
        rows.append([SPAMMER, day, 200, 20, 10, 30, 80.0, 5, 0])
        for i in range(10):
            apply = rng.randint(2, 15)
            chat = rng.randint(3, 20)
            rows.append([f"normal{i:02d}", day, apply, max(0, apply - rng.randint(0, 3)), chat,
                         chat * rng.randint(1, 5), round(rng.uniform(60, 100), 1),
                         rng.randint(1, 30), 0])
    return rows


def write_behaviour_csv(path: Path, rows: list[list[object]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(BEHAVIOUR_TITLES)
        writer.writerows(rows)
    return path


def write_behaviour_xlsx(path: Path, rows: list[list[object]]) -> Path:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("members")
    sheet.append(BEHAVIOUR_TITLES)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def audit_answers() -> dict:
    """Every checklist question answered compliant."""
    from app.audit.checklist import load_checklist

    return {"date": "2026-11-20", "title": "Frozen build",
            "answers": [{"question": q.id, "answer": "yes", "note": ""}
                        for q in load_checklist().questions]}
