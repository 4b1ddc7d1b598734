"""The WeCom API client against a local server on 127.0.0.1 that speaks the documented shapes:
token caching and expiry, errcode 40014/42001 (refresh once), 45009 (back-off), 60011 (no
privilege, naming the member), one member per call, 30-day windows in the last 180 days."""

from __future__ import annotations

import datetime as dt
import json
import threading
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from progress_messages import assert_progress_messages

from app.audit.api import (
    NoPrivilegeError,
    RateLimitError,
    WeComApiError,
    WeComClient,
    windows,
)
from app.audit.behaviour import rows_to_csv

CORPID = "ww-test-corp"
SECRET = "s3cr3t-never-shown"
CHINA = dt.timezone(dt.timedelta(hours=8))
TODAY = dt.date(2026, 11, 25)


class FakeWeCom:
    def __init__(self) -> None:
        self.tokens_issued = 0
        self.valid_tokens: set[str] = set()
        self.expires_in = 7200
        self.rate_limited_calls = 0  # answer this many calls with 45009 first
        self.always_expired = False
        self.no_privilege = {"outsider"}
        self.calls: list[dict] = []
        self.token_queries: list[dict] = []

    def gettoken(self, query: dict) -> dict:
        self.token_queries.append(query)
        if query.get("corpsecret") != [SECRET]:
            return {"errcode": 40001, "errmsg": "invalid credential"}
        self.tokens_issued += 1
        token = f"token-{self.tokens_issued}"
        self.valid_tokens.add(token)
        return {"errcode": 0, "errmsg": "ok", "access_token": token,
                "expires_in": self.expires_in}

    def behaviour(self, query: dict, body: dict) -> dict:
        self.calls.append(body)
        token = query.get("access_token", [""])[0]
        if self.always_expired or token not in self.valid_tokens:
            return {"errcode": 42001, "errmsg": "access_token expired"}
        if self.rate_limited_calls:
            self.rate_limited_calls -= 1
            return {"errcode": 45009, "errmsg": "api freq out of limit"}
        (userid,) = body["userid"]
        if userid in self.no_privilege:
            return {"errcode": 60011, "errmsg": "no privilege to access/modify contact"}
        days = (body["end_time"] - body["start_time"]) // 86400 + 1
        data = [{"stat_time": body["start_time"] + 86400 * d, "chat_cnt": 2, "message_cnt": 6,
                 "reply_percentage": 50.0, "avg_reply_time": 3, "negative_feedback_cnt": 0,
                 "new_apply_cnt": 200 if userid == "spammer" else 4,
                 "new_contact_cnt": 20 if userid == "spammer" else 3} for d in range(days)]
        return {"errcode": 0, "errmsg": "ok", "behavior_data": data}


@pytest.fixture
def server():
    fake = FakeWeCom()

    class Handler(BaseHTTPRequestHandler):
        def _send(self, payload: dict) -> None:
            body = json.dumps(payload).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            url = urllib.parse.urlsplit(self.path)
            if url.path == "/cgi-bin/gettoken":
                self._send(fake.gettoken(urllib.parse.parse_qs(url.query)))
            else:
                self.send_error(404)

        def do_POST(self):
            url = urllib.parse.urlsplit(self.path)
            length = int(self.headers.get("Content-Length", 0))
            body = json.loads(self.rfile.read(length))
            if url.path == "/cgi-bin/externalcontact/get_user_behavior_data":
                self._send(fake.behaviour(urllib.parse.parse_qs(url.query), body))
            else:
                self.send_error(404)

        def log_message(self, *args):  # keep test output (and any secret) quiet
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    fake.base_url = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield fake
    httpd.shutdown()
    httpd.server_close()


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def client(fake: FakeWeCom, **kwargs) -> WeComClient:
    kwargs.setdefault("sleep", lambda s: None)
    return WeComClient(CORPID, kwargs.pop("secret", SECRET), fake.base_url,
                       opener=urllib.request.build_opener(urllib.request.ProxyHandler({})),
                       **kwargs)


def test_one_member_per_call_in_30_day_windows(server):
    start, end = TODAY - dt.timedelta(days=44), TODAY
    messages = []
    rows = client(server).fetch_behaviour(["alice", "spammer"], start, end, today=TODAY,
                                          progress=lambda d, t, m: messages.append(m))
    assert len(server.calls) == 4  # 2 members × 2 windows
    assert len(messages) == 4
    assert assert_progress_messages(messages)[0] == (
        "Fetched alice 2026-10-12–2026-11-10", "已获取 alice 2026-10-12–2026-11-10")
    for body in server.calls:
        assert len(body["userid"]) == 1
        assert (body["end_time"] - body["start_time"]) // 86400 + 1 <= 30
    first = server.calls[0]
    assert first["start_time"] == int(dt.datetime(2026, 10, 12, tzinfo=CHINA).timestamp())
    assert len(rows) == 2 * 45
    alice = sorted(r.stat_date for r in rows if r.userid == "alice")
    assert alice[0] == start and alice[-1] == end and len(set(alice)) == 45
    assert server.tokens_issued == 1  # cached across calls


def test_rows_feed_the_same_scan_as_a_file(server, tmp_path, load):
    rows = client(server).fetch_behaviour(["alice", "spammer"], TODAY - dt.timedelta(days=9),
                                          TODAY, today=TODAY)
    result = load(rows_to_csv(rows, tmp_path / "api.csv"))
    spammer = next(m for m in result.members if m.userid == "spammer")
    assert spammer.applications_per_day == 200 and spammer.acceptance_rate == 0.1


def test_token_is_refetched_after_it_expires(server):
    clock = Clock()
    server.expires_in = 7200
    c = client(server, clock=clock)
    c.member_behaviour("alice", TODAY, TODAY)
    clock.now += 6000
    c.member_behaviour("alice", TODAY, TODAY)
    assert server.tokens_issued == 1
    clock.now += 1000  # within the early-refresh margin of the 7200 s
    c.member_behaviour("alice", TODAY, TODAY)
    assert server.tokens_issued == 2


def test_server_side_expiry_refreshes_once(server):
    c = client(server)
    c.member_behaviour("alice", TODAY, TODAY)
    server.valid_tokens.clear()  # the server forgot the token (42001)
    assert c.member_behaviour("alice", TODAY, TODAY)
    assert server.tokens_issued == 2
    server.always_expired = True
    with pytest.raises(WeComApiError) as err:
        c.member_behaviour("alice", TODAY, TODAY)
    assert err.value.errcode == 42001
    assert server.tokens_issued == 3  # one refresh, not a loop


def test_rate_limit_backs_off_exponentially(server):
    slept: list[float] = []
    server.rate_limited_calls = 3
    rows = client(server, sleep=slept.append, backoff_seconds=0.5).member_behaviour(
        "alice", TODAY, TODAY)
    assert len(rows) == 1
    assert slept == [0.5, 1.0, 2.0]
    server.rate_limited_calls = 10
    slept.clear()
    with pytest.raises(RateLimitError) as err:
        client(server, sleep=slept.append, max_retries=2).member_behaviour("alice", TODAY, TODAY)
    assert err.value.errcode == 45009 and slept == [1.0, 2.0]


def test_no_privilege_names_the_member(server):
    with pytest.raises(NoPrivilegeError) as err:
        client(server).fetch_behaviour(["alice", "outsider"], TODAY, TODAY, today=TODAY)
    assert err.value.userid == "outsider"
    assert "outsider" in str(err.value) and "60011" in str(err.value)
    assert "outsider" in err.value.message.zh_CN


def test_secret_never_shows(server):
    c = client(server, secret="wrong-" + SECRET)
    assert SECRET not in repr(c) and CORPID not in repr(c)
    with pytest.raises(WeComApiError) as err:
        c.member_behaviour("alice", TODAY, TODAY)
    assert err.value.errcode == 40001
    text = f"{err.value} {err.value.message.zh_CN} {err.value.__cause__} {err.value.__context__}"
    assert SECRET not in text


def test_unreachable_server_does_not_leak_the_secret():
    c = WeComClient(CORPID, SECRET, "http://127.0.0.1:9", timeout=2,
                    opener=urllib.request.build_opener(urllib.request.ProxyHandler({})))
    with pytest.raises(WeComApiError) as err:
        c.access_token()
    assert "cannot reach" in str(err.value)
    assert err.value.__cause__ is None and err.value.__context__ is None
    assert SECRET not in str(err.value)


def test_windows_stay_within_180_days():
    spans = windows(TODAY - dt.timedelta(days=180), TODAY, TODAY)
    assert len(spans) == 7 and all((b - a).days < 30 for a, b in spans)
    assert spans[0][0] == TODAY - dt.timedelta(days=180) and spans[-1][1] == TODAY
    with pytest.raises(ValueError, match="last 180 days"):
        windows(TODAY - dt.timedelta(days=181), TODAY, TODAY)
    with pytest.raises(ValueError, match="future"):
        windows(TODAY, TODAY + dt.timedelta(days=1), TODAY)


def test_base_url_is_checked():
    with pytest.raises(ValueError, match="base URL"):
        WeComClient(CORPID, SECRET, "qyapi.weixin.qq.com")
