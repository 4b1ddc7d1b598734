"""A small WeCom API client for member behaviour data (``externalcontact/get_user_behavior_data``).

Standard library only. The CorpID and secret are passed in by the caller (the GUI keeps them in
the keyring); this module never logs them, never writes them anywhere, keeps them out of
``repr`` and out of exception messages and chains.

API facts it relies on (WeCom server API documentation):
- ``GET /cgi-bin/gettoken?corpid=…&corpsecret=…`` → ``access_token``, ``expires_in`` (seconds).
- ``POST /cgi-bin/externalcontact/get_user_behavior_data?access_token=…`` with ``userid`` (a
  list), ``start_time``, ``end_time`` (unix seconds of days): at most 30 days per call, within
  the last 180 days. Several userids come back as ONE summed series, so the client asks for one
  member per call.
- errcode 40014 / 42001: invalid / expired token → fetch a new one, once; 45009: rate limit →
  back off exponentially; 60011: no privilege for that member.
"""

from __future__ import annotations

import datetime as dt
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from typing import Any

from app.audit.behaviour import BehaviourRow
from app.audit.sources import CHINA_OFFSET_SECONDS
from app.errors import UserError
from app.i18n import LocalText
from app.jobs import CancelToken, Progress, progress_text

DEFAULT_BASE_URL = "https://qyapi.weixin.qq.com"
WINDOW_DAYS = 30
HISTORY_DAYS = 180
TOKEN_ERRORS = {40014, 42001}
RATE_LIMITED = 45009
NO_PRIVILEGE = 60011
CHINA = dt.timezone(dt.timedelta(seconds=CHINA_OFFSET_SECONDS))


class WeComApiError(UserError):
    """An API call failed; ``message`` says why in both languages. Never holds secrets."""

    def __init__(self, message: LocalText, errcode: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.errcode = errcode


class NoPrivilegeError(WeComApiError):
    def __init__(self, userid: str, errmsg: str) -> None:
        super().__init__(LocalText(
            en=f"WeCom refused the behaviour data of member {userid} (errcode 60011, no "
               f"privilege: {errmsg}). The API documentation asks for the secret of a self-built "
               "app listed under customer contact's \"apps that can call the API\", with this "
               "member in the app's visible range.",
            zh_CN=f"企业微信拒绝读取成员 {userid} 的行为数据（错误码 60011，无权限：{errmsg}）。"
                  "接口文档要求使用配置到客户联系“可调用应用”列表中的自建应用 Secret，"
                  "且该成员在应用的可见范围内。"),
            errcode=NO_PRIVILEGE)
        self.userid = userid


class RateLimitError(WeComApiError):
    pass


def _day_start(day: dt.date) -> int:
    """Unix seconds of 00:00 China time on ``day`` (how the API counts days)."""
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=CHINA).timestamp())


def _china_date(stat_time: int) -> dt.date:
    return dt.datetime.fromtimestamp(stat_time, CHINA).date()


def windows(start: dt.date, end: dt.date, today: dt.date) -> list[tuple[dt.date, dt.date]]:
    """Split [start, end] into windows of at most 30 days; refuse days the API does not keep."""
    earliest = today - dt.timedelta(days=HISTORY_DAYS)
    if start > end:
        raise ValueError(f"start {start} is after end {end}")
    if start < earliest:
        raise ValueError(f"WeCom keeps behaviour data for the last {HISTORY_DAYS} days only: "
                         f"start on {earliest} or later (asked for {start})")
    if end > today:
        raise ValueError(f"end {end} is in the future")
    out = []
    while start <= end:
        stop = min(end, start + dt.timedelta(days=WINDOW_DAYS - 1))
        out.append((start, stop))
        start = stop + dt.timedelta(days=1)
    return out


class WeComClient:
    def __init__(self, corpid: str, secret: str, base_url: str = DEFAULT_BASE_URL, *,
                 sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic, timeout: float = 15.0,
                 max_retries: int = 5, backoff_seconds: float = 1.0,
                 opener: urllib.request.OpenerDirector | None = None) -> None:
        parsed = urllib.parse.urlsplit(base_url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise ValueError(f"base URL must be http(s)://host[:port], got {base_url!r}")
        self._corpid = corpid
        self._secret = secret
        self.base_url = base_url.rstrip("/")
        self._sleep = sleep
        self._clock = clock
        self._timeout = timeout
        self._max_retries = max_retries
        self._backoff = backoff_seconds
        self._opener = opener or urllib.request.build_opener()
        self._token: str | None = None
        self._token_expires = 0.0

    def __repr__(self) -> str:  # never show the secret
        return f"WeComClient(base_url={self.base_url!r}, corpid=<hidden>, secret=<hidden>)"

    # --- transport ---------------------------------------------------------------------------

    def _request(self, path: str, query: dict[str, str], body: dict[str, Any] | None,
                 what: str) -> dict[str, Any]:
        url = f"{self.base_url}{path}?{urllib.parse.urlencode(query)}"
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(url, data=data, method="GET" if body is None else "POST",
                                         headers={"Content-Type": "application/json"})
        failure: LocalText | None = None
        try:
            with self._opener.open(request, timeout=self._timeout) as response:
                payload = json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as exc:
            failure = LocalText(en=f"{what}: the server answered HTTP {exc.code}",
                                zh_CN=f"{what}：服务器返回 HTTP {exc.code}")
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            failure = LocalText(en=f"{what}: cannot reach {self.base_url} ({reason})",
                                zh_CN=f"{what}：无法连接 {self.base_url}（{reason}）")
        except (ValueError, UnicodeDecodeError):
            failure = LocalText(en=f"{what}: the answer is not JSON",
                                zh_CN=f"{what}：返回内容不是 JSON")
        if failure is not None:
            # Raised outside the except block: the chained error would carry the URL, and the
            # token request's URL holds the secret.
            raise WeComApiError(failure)
        if not isinstance(payload, dict):
            raise WeComApiError(LocalText(en=f"{what}: unexpected answer",
                                          zh_CN=f"{what}：返回格式不符"))
        return payload

    def _fail(self, what: str, payload: dict[str, Any]) -> WeComApiError:
        code, msg = payload.get("errcode"), payload.get("errmsg", "")
        return WeComApiError(LocalText(en=f"{what}: WeCom error {code}: {msg}",
                                       zh_CN=f"{what}：企业微信错误 {code}：{msg}"), errcode=code)

    # --- token ---------------------------------------------------------------------------------

    def access_token(self) -> str:
        """The cached token; a new one shortly before it expires."""
        if self._token is None or self._clock() >= self._token_expires:
            self._fetch_token()
        assert self._token is not None
        return self._token

    def _fetch_token(self) -> None:
        for attempt in range(self._max_retries + 1):
            payload = self._request("/cgi-bin/gettoken",
                                    {"corpid": self._corpid, "corpsecret": self._secret},
                                    None, "gettoken")
            if payload.get("errcode", 0) == RATE_LIMITED and attempt < self._max_retries:
                self._sleep(self._backoff * 2 ** attempt)
                continue
            if payload.get("errcode", 0) != 0 or not payload.get("access_token"):
                raise self._fail("gettoken", payload)
            break
        expires_in = float(payload.get("expires_in", 7200))
        # Refresh early: a token that expires in flight costs a failed call and a retry.
        self._token = str(payload["access_token"])
        self._token_expires = self._clock() + expires_in - min(300.0, expires_in * 0.1)

    def invalidate_token(self) -> None:
        self._token = None

    # --- calls ---------------------------------------------------------------------------------

    def _post(self, path: str, body: dict[str, Any], what: str,
              userid: str | None = None) -> dict[str, Any]:
        token_refreshed = False
        attempt = 0
        while True:
            payload = self._request(path, {"access_token": self.access_token()}, body, what)
            code = payload.get("errcode", 0)
            if code == 0:
                return payload
            if code in TOKEN_ERRORS and not token_refreshed:
                token_refreshed = True
                self.invalidate_token()
                continue
            if code == RATE_LIMITED:
                if attempt >= self._max_retries:
                    raise RateLimitError(LocalText(
                        en=f"{what}: still rate-limited (45009) after {attempt} retries",
                        zh_CN=f"{what}：重试 {attempt} 次后仍被限频（45009）"), errcode=code)
                self._sleep(self._backoff * 2 ** attempt)
                attempt += 1
                continue
            if code == NO_PRIVILEGE and userid is not None:
                raise NoPrivilegeError(userid, str(payload.get("errmsg", "")))
            raise self._fail(what, payload)

    def member_behaviour(self, userid: str, start: dt.date, end: dt.date) -> list[BehaviourRow]:
        """One member, one window of at most 30 days."""
        body = {"userid": [userid], "start_time": _day_start(start),
                "end_time": _day_start(end)}
        payload = self._post("/cgi-bin/externalcontact/get_user_behavior_data", body,
                             f"get_user_behavior_data({userid})", userid=userid)
        rows = []
        for item in payload.get("behavior_data", []):
            rows.append(BehaviourRow(
                userid=userid, stat_date=_china_date(int(item["stat_time"])),
                new_apply_cnt=item.get("new_apply_cnt", 0),
                new_contact_cnt=item.get("new_contact_cnt", 0),
                chat_cnt=item.get("chat_cnt", 0), message_cnt=item.get("message_cnt", 0),
                reply_percentage=item.get("reply_percentage"),
                avg_reply_time=item.get("avg_reply_time"),
                negative_feedback_cnt=item.get("negative_feedback_cnt", 0)))
        return rows

    def fetch_behaviour(self, userids: Iterable[str], start: dt.date, end: dt.date, *,
                        today: dt.date | None = None,
                        progress: Progress | None = None,
                        cancel: CancelToken | None = None) -> list[BehaviourRow]:
        """Every member's days from ``start`` to ``end``: one call per member and window."""
        today = today or dt.datetime.now(CHINA).date()
        spans = windows(start, end, today)
        members = list(userids)
        total = len(members) * len(spans)
        rows: list[BehaviourRow] = []
        done = 0
        for userid in members:
            for first, last in spans:
                if cancel and cancel():
                    return rows
                rows += self.member_behaviour(userid, first, last)
                done += 1
                if progress:
                    progress(done, total, progress_text("progress_fetched", member=userid,
                                                        first=str(first), last=str(last)))
        return rows
