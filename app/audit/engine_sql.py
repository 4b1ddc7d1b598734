"""The DuckDB side of the behaviour import: the typed read, the per-member aggregation, the
rejected lines. Kept apart from ``behaviour`` so the SQL reads in one place."""

from __future__ import annotations

import csv
import datetime as dt
import math
from pathlib import Path

import duckdb

from app.audit.behaviour_rows import BehaviourRow, MetricOptions, RejectedRow
from app.audit.sources import EPOCH, PreparedSource
from app.i18n import LocalText

_COUNTS = ("new_apply_cnt", "new_contact_cnt", "chat_cnt", "message_cnt",
           "negative_feedback_cnt")
_TYPES = {"userid": "VARCHAR", "reply_percentage": "DOUBLE", "avg_reply_time": "DOUBLE",
          **dict.fromkeys(_COUNTS, "UINTEGER")}
# Distinct days per member without a DISTINCT: a bitmask of day % 192 in three 64-bit words.
# Data spanning more than 192 days can only make it undercount, which sends the import to its
# exact (slower) duplicate check: never a wrong answer, at worst a slower one.
_MASK_DAYS = 192


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def connect() -> duckdb.DuckDBPyConnection:
    return duckdb.connect(":memory:")


def _read_csv(source: PreparedSource, csv_path: Path, *, store_rejects: bool) -> str:
    fmt = source.date_format
    columns = []
    for i, field in enumerate(source.fields):
        if field is None:
            columns.append((f"ignored_{i}", "VARCHAR"))
        elif field == "stat_time":
            columns.append((field, {"unix": "BIGINT", "unix_ms": "BIGINT",
                                    "date": "DATE"}.get(fmt.kind, "VARCHAR")))
        elif field == "reply_percentage" and source.percent_text:
            columns.append((field, "VARCHAR"))
        else:
            columns.append((field, _TYPES[field]))
    spec = "{" + ", ".join(f"{_literal(n)}: {_literal(t)}" for n, t in columns) + "}"
    options = [f"skip = {int(source.skip)}", "header = true",
               f"delim = {_literal(source.delimiter)}", "quote = '\"'", "escape = '\"'",
               f"columns = {spec}", "auto_detect = false"]
    if fmt.kind == "date":
        options.append(f"dateformat = {_literal(fmt.pattern)}")
    options.append("store_rejects = true" if store_rejects else "ignore_errors = true")
    return f"read_csv({_literal(str(csv_path))}, {', '.join(options)})"


def _day_expr(source: PreparedSource) -> str:
    fmt = source.date_format
    if fmt.kind == "unix":
        # The API counts a day from 00:00 China time (UTC+8, no DST).
        return "((stat_time + 28800) // 86400)::INTEGER"
    if fmt.kind == "unix_ms":
        return "((stat_time // 1000 + 28800) // 86400)::INTEGER"
    if fmt.kind == "date":
        return "(stat_time - DATE '1970-01-01')::INTEGER"
    return f"(try_strptime(stat_time, {_literal(fmt.pattern)})::DATE - DATE '1970-01-01')::INTEGER"


_PERCENT = "try_cast(rtrim(trim(reply_percentage), '%') AS DOUBLE)"


def _converted(source: PreparedSource) -> str:
    """Extra select items: the day number, absent optional columns, "60%" converted."""
    items = [f"{_day_expr(source)} AS day"]
    items += [f"NULL::DOUBLE AS {f}" for f in ("reply_percentage", "avg_reply_time")
              if f not in source.fields]
    if source.percent_text:
        items.append(f"reply_percentage IS NOT NULL AND {_PERCENT} IS NULL AS reply_invalid")
    return ", ".join(items)


def _star(source: PreparedSource) -> str:
    return f"* REPLACE ({_PERCENT} AS reply_percentage)" if source.percent_text else "*"


def aggregate(con: duckdb.DuckDBPyConnection, source: PreparedSource, csv_path: Path,
              options: MetricOptions) -> list[tuple]:
    """One row per member; the column order is what ``behaviour._metrics`` unpacks."""
    decay = math.log(2) / options.trend_half_life_days
    masks = " + ".join(
        f"coalesce(bit_count(bit_or(CASE WHEN day % {_MASK_DAYS} // 64 = {k} "
        f"THEN 1::UBIGINT << (day % {_MASK_DAYS} % 64) END)), 0)" for k in range(3))
    bad = "reply_percentage < 0 OR reply_percentage > 100 OR avg_reply_time < 0"
    if source.date_format.kind == "text":
        bad += " OR day IS NULL"
    if source.percent_text:
        bad += " OR reply_invalid"
    sql = f"""
        WITH per_member AS (
            SELECT userid, count(*)::BIGINT AS n, {masks} AS n_days,
                   min(day) AS first_day, max(day) AS last_day,
                   coalesce(sum(new_apply_cnt), 0)::BIGINT AS apps,
                   max(new_apply_cnt)::BIGINT AS peak, arg_max(day, new_apply_cnt) AS peak_day,
                   count(*) FILTER (WHERE new_apply_cnt >= {int(options.spike_applications)})
                       AS spikes,
                   coalesce(sum(new_contact_cnt), 0)::BIGINT AS contacts,
                   coalesce(sum(negative_feedback_cnt), 0)::BIGINT AS negative,
                   coalesce(sum(chat_cnt), 0)::BIGINT AS chats,
                   coalesce(sum(message_cnt), 0)::BIGINT AS messages,
                   sum(reply_percentage * chat_cnt) AS reply_weighted,
                   sum(chat_cnt) FILTER (WHERE reply_percentage IS NOT NULL) AS reply_chats,
                   avg(avg_reply_time) AS reply_time,
                   count(*) FILTER (WHERE {bad}) AS bad,
                   sum(w) AS sw, sum(w * x) AS swx, sum(w * y) AS swy, sum(w * x * y) AS swxy,
                   sum(w * x * x) AS swxx
            FROM (
                SELECT userid, day, new_apply_cnt, new_contact_cnt, chat_cnt, message_cnt,
                       reply_percentage, avg_reply_time, negative_feedback_cnt,
                       {"reply_invalid," if source.percent_text else ""}
                       (day - {int(source.anchor_day)})::DOUBLE AS x,
                       exp(least(x * {decay!r}, 600)) AS w, new_apply_cnt::DOUBLE AS y
                FROM (SELECT {_star(source)}, {_converted(source)}
                      FROM {_read_csv(source, csv_path, store_rejects=True)})
            )
            GROUP BY userid
        )
        SELECT userid, n, DATE '1970-01-01' + first_day, DATE '1970-01-01' + last_day, apps,
               round(apps / n, 2), peak,
               CASE WHEN peak > 0 THEN DATE '1970-01-01' + peak_day END, spikes, contacts,
               round(contacts / nullif(apps, 0), 4), negative,
               round(negative / nullif(contacts, 0), 4), chats, messages,
               round(messages / nullif(chats, 0), 2), round(reply_weighted / reply_chats, 2),
               round(reply_time, 2),
               CASE WHEN sw * swxx - swx * swx > 1e-9 * greatest(1, sw * swxx)
                    THEN round(7 * (sw * swxy - swx * swy) / (sw * swxx - swx * swx), 2) END,
               n_days, bad
        FROM per_member
    """
    return con.execute(sql).fetchall()


_CAST_REASONS = {
    "count": LocalText(en="'{value}' is not a whole number of 0 or more",
                       zh_CN="“{value}”不是非负整数"),
    "stat_time": LocalText(en="'{value}' is not a date like {example}",
                           zh_CN="“{value}”不是形如 {example} 的日期"),
    "number": LocalText(en="'{value}' is not a number", zh_CN="“{value}”不是数字"),
}
_STRUCTURE_REASONS = {
    "MISSING COLUMNS": LocalText(en="has fewer values than the title line",
                                 zh_CN="数值个数少于标题行的列数"),
    "TOO MANY COLUMNS": LocalText(en="has more values than the title line",
                                  zh_CN="数值个数多于标题行的列数"),
    "UNQUOTED VALUE": LocalText(en="a quotation mark is misplaced", zh_CN="引号位置不正确"),
    "INVALID ENCODING": LocalText(en="contains bytes that are not UTF-8 text",
                                  zh_CN="包含非 UTF-8 编码的字节"),
    "LINE SIZE OVER MAXIMUM": LocalText(en="the line is too long", zh_CN="该行过长"),
}


def _cast_reason(source: PreparedSource, column: str, index: int, csv_line: str) -> LocalText:
    try:
        cells = next(csv.reader([csv_line], delimiter=source.delimiter))
        value = cells[index - 1] if 0 < index <= len(cells) else "?"
    except (csv.Error, StopIteration):
        value = "?"
    field = column if column in source.fields else None
    kind = ("stat_time" if field == "stat_time" else "count" if field in _COUNTS
            else "number")
    reason = _CAST_REASONS[kind].format(value=value, example=source.date_format.example)
    col = source.column(field) if field else LocalText(en=f"column {column}",
                                                       zh_CN=f"列 {column}")
    return LocalText(en=f"{col.en}: {reason.en}", zh_CN=f"{col.zh_CN}：{reason.zh_CN}")


def rejected_lines(con: duckdb.DuckDBPyConnection, source: PreparedSource) -> list[RejectedRow]:
    rows = con.execute("""SELECT line, column_idx, column_name, error_type::VARCHAR, csv_line,
                                 error_message
                          FROM reject_errors ORDER BY line, column_idx""").fetchall()
    by_line: dict[int, list[LocalText]] = {}
    for line, index, column, kind, csv_line, message in rows:
        if kind == "CAST":
            reason = _cast_reason(source, column, index, csv_line or "")
        else:
            reason = _STRUCTURE_REASONS.get(kind) or LocalText(en=message, zh_CN=message)
        reasons = by_line.setdefault(int(line), [])
        if reason not in reasons:
            reasons.append(reason)
    return [RejectedRow(line=line, reason=LocalText(en="; ".join(r.en for r in reasons),
                                                    zh_CN="；".join(r.zh_CN for r in reasons)))
            for line, reasons in by_line.items()]


def daily_rows(source: PreparedSource, userids: list[str]) -> dict[str, list[BehaviourRow]]:
    if not userids:
        return {}
    con = connect()
    wanted = ", ".join(_literal(u) for u in userids)
    rows = con.execute(f"""
        SELECT userid, day, new_apply_cnt, new_contact_cnt, chat_cnt, message_cnt,
               reply_percentage, avg_reply_time, negative_feedback_cnt
        FROM (SELECT {_star(source)}, {_converted(source)}
              FROM {_read_csv(source, source.csv_path, store_rejects=False)})
        WHERE userid IN ({wanted}) AND day IS NOT NULL
        ORDER BY userid, day""").fetchall()
    out: dict[str, list[BehaviourRow]] = {u: [] for u in userids}
    for userid, day, apply, contact, chat, message, reply, reply_time, negative in rows:
        out[userid].append(BehaviourRow.model_construct(
            userid=userid, stat_date=EPOCH + dt.timedelta(days=day), new_apply_cnt=apply or 0,
            new_contact_cnt=contact or 0, chat_cnt=chat or 0, message_cnt=message or 0,
            reply_percentage=reply, avg_reply_time=reply_time,
            negative_feedback_cnt=negative or 0))
    return out
