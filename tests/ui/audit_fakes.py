"""Stand-ins for the Self-audit page: a WeCom client without a network,
behaviour files made on the spot. Nothing here touches the real keyring or workspace."""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from app.audit.behaviour import BehaviourRow

ZH_TITLES = ["成员", "日期", "发起申请数", "新增客户数", "聊天数", "发送消息数", "已回复聊天占比",
             "平均首次回复时长", "删除/拉黑成员的客户数"]
FIRST_DAY = dt.date(2026, 9, 1)
SPAMMER = "spam.zhang"
HARASSER = "harass.li"


def behaviour_rows(members: int = 12, days: int = 35, seed: int = 3) -> list[list[object]]:
    """A spammer (200 applications a day, 10 % accepted), a harasser (a quarter of new
    customers delete or block), the rest normal."""
    rng = random.Random(seed)
    rows: list[list[object]] = []
    for d in range(days):
        day = (FIRST_DAY + dt.timedelta(days=d)).isoformat()
        rows.append([SPAMMER, day, 200, 20, 10, 30, 80.0, 5, 0])
        rows.append([HARASSER, day, 10, 8, 12, 40, 70.0, 8, 2])
        for i in range(members):
            apply = rng.randint(2, 15)
            chat = rng.randint(3, 20)
            rows.append([f"normal{i:04d}", day, apply, max(0, apply - rng.randint(0, 3)), chat,
                         chat * rng.randint(1, 5), round(rng.uniform(60, 100), 1),
                         rng.randint(1, 30), 0])
    return rows


def write_behaviour_csv(path: Path, rows: list[list[object]] | None = None,
                        titles: list[str] = ZH_TITLES) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(titles)
        writer.writerows(behaviour_rows() if rows is None else rows)
    return path


class FakeWeComClient:
    """Answers ``fetch_behaviour`` from planted rows; records what it was asked."""

    def __init__(self, corpid: str, secret: str, base_url: str) -> None:
        self.corpid, self.secret, self.base_url = corpid, secret, base_url
        self.asked: list[tuple[list[str], dt.date, dt.date]] = []

    def fetch_behaviour(self, userids, start, end, *, progress=None, cancel=None, today=None):
        members = list(userids)
        self.asked.append((members, start, end))
        rows = []
        for n, userid in enumerate(members, start=1):
            day = start
            while day <= end:
                spam = userid == SPAMMER
                rows.append(BehaviourRow(userid=userid, stat_date=day,
                                         new_apply_cnt=200 if spam else 5,
                                         new_contact_cnt=20 if spam else 4, chat_cnt=5,
                                         message_cnt=10, negative_feedback_cnt=0))
                day += dt.timedelta(days=1)
            if progress:
                from app.jobs import progress_text

                progress(n, len(members), progress_text(
                    "progress_fetched", member=userid, first=str(start), last=str(end)))
        return rows


class LocalWeCom:
    """A server on 127.0.0.1 that answers gettoken and get_user_behavior_data as documented."""

    corpid = "ww-local-test"
    secret = "local-s3cr3t"

    def __init__(self) -> None:
        self.calls: list[dict] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def _send(self, payload: dict) -> None:
                body = json.dumps(payload).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:
                query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
                ok = query.get("corpsecret") == [fake.secret]
                self._send({"errcode": 0, "access_token": "t1", "expires_in": 7200} if ok
                           else {"errcode": 40001, "errmsg": "invalid credential"})

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                fake.calls.append(body)
                (userid,) = body["userid"]
                days = (body["end_time"] - body["start_time"]) // 86400 + 1
                spam = userid == "spammer"
                self._send({"errcode": 0, "behavior_data": [
                    {"stat_time": body["start_time"] + 86400 * d, "chat_cnt": 2,
                     "message_cnt": 6, "negative_feedback_cnt": 0,
                     "new_apply_cnt": 200 if spam else 4, "new_contact_cnt": 20 if spam else 3}
                    for d in range(days)]})

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True).start()
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
