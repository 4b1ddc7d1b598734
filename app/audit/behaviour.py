"""Member behaviour statistics (WeCom ``externalcontact/get_user_behavior_data``): import from
CSV/XLSX and per-member metrics.

The engine is DuckDB: one typed ``read_csv`` pass with ``store_rejects`` (malformed rows are
skipped and come back with their line numbers) feeding one ``GROUP BY userid``. A pure-Python
loop is ~6× slower on 1.8 M rows (docs/design.md, "Measured pitfalls"). Checks that a type cannot
express (percentages over 100, the same member and day twice, empty member ids) are counted in
the same pass; only when one fires does a slower pass find their line numbers.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import tempfile
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from app.audit import engine_sql
from app.audit.behaviour_rows import BehaviourRow, MetricOptions, RejectedRow
from app.audit.columns import FIELDS, BehaviourFileError
from app.audit.sources import EPOCH, PreparedSource, prepare_source
from app.i18n import LocalText
from app.jobs import Cancelled, CancelToken, Progress, progress_text

MAX_REJECTS_LISTED = 1000


ScanCancelled = Cancelled  # the name this module used before the one contract (app/jobs.py)


@dataclass(slots=True)
class MemberMetrics:
    """Per-member figures over the imported days (a plain dataclass: 10 000 of them are built
    per scan, and pydantic's construction cost would show in the benchmark)."""

    userid: str
    days: int  # days with data
    first_day: dt.date
    last_day: dt.date
    applications: int
    applications_per_day: float
    peak_applications: int
    peak_day: dt.date | None
    spike_days: int
    new_contacts: int
    # New customers per application. New customers include people who added the member
    # themselves (e.g. by QR code), so this can exceed 1.
    acceptance_rate: float | None
    negative_feedback: int
    negative_feedback_rate: float | None  # deletions and blocks per new customer
    chats: int
    messages: int
    messages_per_chat: float | None
    reply_percentage: float | None  # chat-weighted mean of reply_percentage
    avg_reply_time: float | None
    application_trend: float | None  # change of daily applications per week, recent weighted

    def to_dict(self) -> dict[str, Any]:
        out = {name: getattr(self, name) for name in _METRIC_FIELDS}
        for key in ("first_day", "last_day", "peak_day"):
            if out[key] is not None:
                out[key] = out[key].isoformat()
        return out


_METRIC_FIELDS = [f.name for f in fields(MemberMetrics)]


class BehaviourImport(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)

    source: str
    columns: dict[str, str] = Field(description="API field → the file's column title.")
    rows_read: int
    rows_kept: int
    rows_rejected_count: int
    rows_rejected: list[RejectedRow] = Field(description=f"First {MAX_REJECTS_LISTED} rejected "
                                             "lines, in file order.")
    members: list[MemberMetrics] = Field(json_schema_extra={"items": {"type": "object"}})
    _source: PreparedSource | None = PrivateAttr(default=None)

    def daily(self, userids: Iterable[str]) -> dict[str, list[BehaviourRow]]:
        """Day-by-day rows of a few members (for charts); reads the file again."""
        if self._source is None:
            return {}
        return engine_sql.daily_rows(self._source, list(userids))

    def close(self) -> None:
        if self._source is not None:
            self._source.close()
            self._source = None


def _stage(progress: Progress | None, done: int, key: str) -> None:
    if progress:
        progress(done, 3, progress_text(key))


def _check_cancel(cancel: CancelToken | None) -> None:
    if cancel and cancel():
        raise Cancelled()


def _run_interruptible(con, run: Callable[[], list], cancel: CancelToken | None) -> list:
    """Run a long query; interrupt DuckDB when the cancel flag is set meanwhile."""
    if cancel is None:
        return run()
    finished = threading.Event()

    def watch() -> None:
        while not finished.wait(0.05):
            if cancel():
                con.interrupt()
                return

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        return run()
    except Exception:
        if cancel():
            raise Cancelled() from None
        raise
    finally:
        finished.set()
        watcher.join()


def _metrics(row: tuple) -> MemberMetrics:
    return MemberMetrics(*row[:_N_METRICS])


_N_METRICS = len(_METRIC_FIELDS)


def _suspects(rows: list[tuple]) -> set[str]:
    """Members (as written in the file; "" for none) for whom a check the types could not make
    fired: empty ids, out-of-range values, the same day twice."""
    out = set()
    for r in rows:
        userid, n_rows, n_days, bad = r[0], r[1], r[-2], r[-1]
        if userid is None or not userid.strip() or bad or n_rows > n_days:
            out.add(userid or "")
    return out


def import_behaviour(path: str | Path, options: MetricOptions | None = None,
                     progress: Progress | None = None,
                     cancel: CancelToken | None = None) -> BehaviourImport:
    """Read a CSV/XLSX behaviour file and compute per-member metrics.

    Raises BehaviourFileError (bad file, unknown or missing column), Cancelled."""
    options = options or MetricOptions()
    _stage(progress, 0, "progress_scan_checking")
    source = prepare_source(path, cancel)
    try:
        _check_cancel(cancel)
        _stage(progress, 1, "progress_scan_reading")
        con = engine_sql.connect()
        rows = _run_interruptible(
            con, lambda: engine_sql.aggregate(con, source, source.csv_path, options), cancel)
        rejects = engine_sql.rejected_lines(con, source)
        _check_cancel(cancel)
        suspects = _suspects(rows)
        if suspects:
            _stage(progress, 2, "progress_scan_locating")
            extra, clean = _validate_rows(source, {r.line for r in rejects}, suspects)
            rejects = sorted(rejects + extra, key=lambda r: r.line)
            con = engine_sql.connect()
            # From here on (the second pass, charts) only the rows kept are read.
            source.csv_path, source.skip = clean, 0
            rows = _run_interruptible(
                con, lambda: engine_sql.aggregate(con, source, source.csv_path, options), cancel)
        members = [_metrics(r) for r in rows]
        kept = sum(m.days for m in members)
        result = BehaviourImport(
            source=source.name,
            columns={f: t for f, t in zip(source.fields, source.titles, strict=True) if f},
            rows_read=kept + len(rejects), rows_kept=kept, rows_rejected_count=len(rejects),
            rows_rejected=rejects[:MAX_REJECTS_LISTED], members=members)
        _stage(progress, 3, "progress_scan_done")
    except BaseException:
        source.close()
        raise
    result._source = source
    return result


def _validate_rows(source: PreparedSource, skip: set[int],
                   suspects: set[str]) -> tuple[list[RejectedRow], Path]:
    """Python pass for the checks DuckDB's types cannot make, on the rows of ``suspects``
    only (parsing dates in Python is slow); writes the rows that pass."""
    index = {f: i for i, f in enumerate(source.fields) if f}
    fmt = source.date_format
    seen: dict[tuple[str, int], int] = {}
    rejected: list[RejectedRow] = []
    if source._tmp is None:
        source._tmp = tempfile.TemporaryDirectory(prefix="wecom-scan-")
    clean = Path(source._tmp.name) / "checked.csv"
    with source.csv_path.open("r", encoding="utf-8-sig", newline="") as f, \
            clean.open("w", encoding="utf-8", newline="") as out:
        reader = csv.reader(f, delimiter=source.delimiter)
        writer = csv.writer(out, delimiter=source.delimiter, lineterminator="\n")
        for row in reader:
            if reader.line_num > source.skip:
                writer.writerow(row)  # the title line
                break
        user_index = index["userid"]
        for row in reader:
            line = reader.line_num
            if not row or line in skip:
                continue
            if len(row) > user_index and row[user_index] not in suspects:
                writer.writerow(row)
                continue
            reason = _row_problem(row, index, source, fmt, seen, line)
            if reason is None:
                writer.writerow(row)
            else:
                rejected.append(RejectedRow(line=line, reason=reason))
    return rejected, clean


def _row_problem(row: list[str], index: dict[str, int], source: PreparedSource, fmt,
                 seen: dict[tuple[str, int], int], line: int) -> LocalText | None:
    userid = row[index["userid"]].strip()
    if not userid:
        col = source.column("userid")
        return LocalText(en=f"{col.en} is empty", zh_CN=f"{col.zh_CN}为空")
    raw_date = row[index["stat_time"]]
    try:
        day = fmt.day_number(raw_date)
    except ValueError:
        col = source.column("stat_time")
        return LocalText(en=f"{col.en}: '{raw_date}' is not a date like "
                            f"{fmt.example}",
                         zh_CN=f"{col.zh_CN}：“{raw_date}”不是形如 {fmt.example} "
                               "的日期")
    for field, low, high in (("reply_percentage", 0.0, 100.0), ("avg_reply_time", 0.0, None)):
        if field not in index or not row[index[field]].strip():
            continue
        try:
            value = float(row[index[field]].strip().removesuffix("%"))
        except ValueError:
            value = math.nan
        if math.isnan(value):
            col = source.column(field)
            return LocalText(en=f"{col.en}: '{row[index[field]]}' is not a "
                                "number", zh_CN=f"{col.zh_CN}：“{row[index[field]]}”"
                                "不是数字")
        if value < low or (high is not None and value > high):
            col = source.column(field)
            bound = f"0 to {high:g}" if high is not None else "0 or more"
            bound_zh = f"0 到 {high:g}" if high is not None else "不小于 0"
            return LocalText(en=f"{col.en}: {value:g} is outside {bound}",
                             zh_CN=f"{col.zh_CN}：{value:g} 超出范围（应为{bound_zh}）")
    first = seen.setdefault((userid, day), line)
    if first != line:
        return LocalText(en=f"same member and day as line {first} ({userid}, "
                            f"{EPOCH + dt.timedelta(days=day)})",
                         zh_CN=f"与第 {first} 行的成员和日期重复（{userid}，"
                               f"{EPOCH + dt.timedelta(days=day)}）")
    return None


def rows_to_csv(rows: Iterable[BehaviourRow], path: Path) -> Path:
    """Write rows (e.g. fetched from the API) as a file the import reads."""
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(FIELDS)
        for r in rows:
            writer.writerow([r.userid, r.stat_date.isoformat(), r.new_apply_cnt,
                             r.new_contact_cnt, r.chat_cnt, r.message_cnt,
                             "" if r.reply_percentage is None else r.reply_percentage,
                             "" if r.avg_reply_time is None else r.avg_reply_time,
                             r.negative_feedback_cnt])
    return path


__all__ = ["BehaviourFileError", "BehaviourImport", "BehaviourRow", "MemberMetrics",
           "MetricOptions", "RejectedRow", "ScanCancelled", "import_behaviour", "rows_to_csv"]
