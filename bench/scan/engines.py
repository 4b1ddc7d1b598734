"""One timed run of one engine on a behaviour file, in its own process (run.py starts it).

Prints one JSON line: engine, seconds inside the process (imports included), peak RSS,
members and (for ours) flagged members."""

from __future__ import annotations

import json
import resource
import sys
import time

START = time.perf_counter()

# The reference: what an analyst would write with DuckDB — typed read_csv and one GROUP BY
# computing the same per-member sums, counts, peaks and means.
REFERENCE_SQL = """
SELECT userid, count(*), min(stat_time), max(stat_time), sum(new_apply_cnt),
       max(new_apply_cnt), sum(new_contact_cnt), sum(negative_feedback_cnt), sum(chat_cnt),
       sum(message_cnt), avg(reply_percentage), avg(avg_reply_time)
FROM read_csv(?, header = true, dateformat = '%Y-%m-%d', columns = {
    'userid': 'VARCHAR', 'stat_time': 'DATE', 'new_apply_cnt': 'INTEGER',
    'new_contact_cnt': 'INTEGER', 'chat_cnt': 'INTEGER', 'message_cnt': 'INTEGER',
    'reply_percentage': 'DOUBLE', 'avg_reply_time': 'DOUBLE', 'negative_feedback_cnt': 'INTEGER'})
GROUP BY userid
"""


def ours(path: str) -> dict:
    from app.audit.risk import scan

    result = scan(path)
    out = {"members": len(result.members), "flagged": len(result.flagged),
           "rows": result.data.rows_kept, "rejected": result.data.rows_rejected_count}
    result.close()
    return out


def duckdb_reference(path: str) -> dict:
    import duckdb

    rows = duckdb.connect().execute(REFERENCE_SQL, [path]).fetchall()
    return {"members": len(rows)}


def pandas_reference(path: str) -> dict:
    import pandas as pd

    frame = pd.read_csv(path, dtype={"userid": "string", "new_apply_cnt": "int32",
                                     "new_contact_cnt": "int32", "chat_cnt": "int32",
                                     "message_cnt": "int32", "negative_feedback_cnt": "int32",
                                     "reply_percentage": "float64",
                                     "avg_reply_time": "float64"},
                        parse_dates=["stat_time"], engine="c")
    grouped = frame.groupby("userid").agg(
        days=("stat_time", "count"), first=("stat_time", "min"), last=("stat_time", "max"),
        applications=("new_apply_cnt", "sum"), peak=("new_apply_cnt", "max"),
        contacts=("new_contact_cnt", "sum"), negative=("negative_feedback_cnt", "sum"),
        chats=("chat_cnt", "sum"), messages=("message_cnt", "sum"),
        reply=("reply_percentage", "mean"), reply_time=("avg_reply_time", "mean"))
    return {"members": len(grouped)}


ENGINES = {"ours": ours, "duckdb": duckdb_reference, "pandas": pandas_reference}

if __name__ == "__main__":
    engine, path = sys.argv[1], sys.argv[2]
    info = ENGINES[engine](path)
    info.update(engine=engine, seconds=round(time.perf_counter() - START, 3),
                peak_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1))
    print(json.dumps(info))
