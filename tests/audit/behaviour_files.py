"""Behaviour files made by the tests: planted members, English or Chinese titles, CSV or XLSX."""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

EN_TITLES = ["userid", "stat_time", "new_apply_cnt", "new_contact_cnt", "chat_cnt",
             "message_cnt", "reply_percentage", "avg_reply_time", "negative_feedback_cnt"]
ZH_TITLES = ["成员", "日期", "发起申请数", "新增客户数", "聊天数", "发送消息数", "已回复聊天占比",
             "平均首次回复时长", "删除/拉黑成员的客户数"]
FIRST_DAY = dt.date(2026, 9, 1)
DAYS = 42
SPAMMER = "spam.zhang"
HARASSER = "harass.li"
PUSHER = "push.wang"
NORMALS = [f"normal{i:02d}" for i in range(12)]


def planted_rows(days: int = DAYS, seed: int = 7) -> list[list[object]]:
    """One row per member and day. A spammer sends 200 applications a day and 10 % become
    customers; a harasser loses a quarter of new customers to deletions and blocks; a pusher
    sends 40 messages per chat and answers few chats; the rest behave normally."""
    rng = random.Random(seed)
    rows: list[list[object]] = []
    for d in range(days):
        day = (FIRST_DAY + dt.timedelta(days=d)).isoformat()
        rows.append([SPAMMER, day, 200, 20, 10, 30, 80.0, 5, 0])
        rows.append([HARASSER, day, 10, 8, 12, 40, 70.0, 8, 2])
        rows.append([PUSHER, day, 3, 3, 10, 400, 5.0, 90, 0])
        for userid in NORMALS:
            apply = rng.randint(2, 15)
            contact = max(0, apply - rng.randint(0, 3))
            chat = rng.randint(3, 20)
            rows.append([userid, day, apply, contact, chat, chat * rng.randint(1, 5),
                         round(rng.uniform(60, 100), 1), rng.randint(1, 30),
                         1 if rng.random() < 0.02 else 0])
    return rows


def write_csv(path: Path, rows: list[list[object]], titles: list[str] = EN_TITLES,
              encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(titles)
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list[object]], titles: list[str] = ZH_TITLES,
               real_dates: bool = True) -> Path:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("成员统计")
    sheet.append(titles)
    for row in rows:
        row = list(row)
        if real_dates and isinstance(row[1], str):
            row[1] = dt.datetime.fromisoformat(row[1])
        sheet.append(row)
    book.save(path)
    return path
