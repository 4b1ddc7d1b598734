"""Preparing a behaviour file for the scan engine: encoding, dialect, header, date format.

CSV files are read by DuckDB in place when they are UTF-8; other encodings (GB18030, UTF-16, as
Excel on Chinese Windows writes them) and XLSX workbooks are first turned into a UTF-8 CSV in a
temporary folder, one CSV line per sheet row so that line numbers still point at the sheet.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from app.audit.columns import BehaviourFileError, map_header
from app.i18n import LocalText
from app.jobs import CancelToken

SAMPLE_ROWS = 200
# stat_time of the API is midnight China Standard Time of the day it counts (UTC+8, no DST).
CHINA_OFFSET_SECONDS = 8 * 3600
EPOCH = dt.date(1970, 1, 1)


@dataclass(frozen=True)
class DateFormat:
    """How stat_time is written: ``kind`` 'unix', 'unix_ms', 'date' (DuckDB-typed, fast) or
    'text' (parsed with strptime in SQL)."""

    kind: str
    pattern: str = ""
    example: str = ""

    def day_number(self, value: str) -> int:
        """Days since 1970-01-01 (China date for timestamps); ValueError when it does not fit."""
        value = value.strip()
        if self.kind == "unix":
            return (int(value) + CHINA_OFFSET_SECONDS) // 86400
        if self.kind == "unix_ms":
            return (int(value) // 1000 + CHINA_OFFSET_SECONDS) // 86400
        return (dt.datetime.strptime(value, self.pattern).date() - EPOCH).days


_DATE_KINDS: tuple[tuple[re.Pattern[str], DateFormat], ...] = (
    (re.compile(r"\d{9,11}"), DateFormat("unix", example="1767196800")),
    (re.compile(r"\d{12,14}"), DateFormat("unix_ms", example="1767196800000")),
    (re.compile(r"\d{4}-\d{1,2}-\d{1,2}"), DateFormat("date", "%Y-%m-%d", "2026-05-01")),
    (re.compile(r"\d{4}/\d{1,2}/\d{1,2}"), DateFormat("date", "%Y/%m/%d", "2026/05/01")),
    (re.compile(r"\d{4}\.\d{1,2}\.\d{1,2}"), DateFormat("date", "%Y.%m.%d", "2026.05.01")),
    (re.compile(r"\d{8}"), DateFormat("date", "%Y%m%d", "20260501")),
    (re.compile(r"\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}:\d{2}"),
     DateFormat("text", "%Y-%m-%d %H:%M:%S", "2026-05-01 00:00:00")),
    (re.compile(r"\d{4}/\d{1,2}/\d{1,2} \d{1,2}:\d{2}(:\d{2})?"),
     DateFormat("text", "%Y/%m/%d %H:%M", "2026/05/01 00:00")),
    (re.compile(r"\d{4}年\d{1,2}月\d{1,2}日"), DateFormat("text", "%Y年%m月%d日", "2026年5月1日")),
)


@dataclass
class PreparedSource:
    """A UTF-8 CSV the engine can read, with what was learnt about it."""

    name: str  # for messages: the file the user gave
    csv_path: Path
    delimiter: str
    titles: list[str]
    fields: list[str | None]
    date_format: DateFormat
    anchor_day: int = 0  # a day near the data, for numerically safe trend weights
    percent_text: bool = False  # reply_percentage written as "60%" (read as text, converted)
    skip: int = 0  # lines above the title line
    _tmp: tempfile.TemporaryDirectory[str] | None = field(default=None, repr=False)

    def title_of(self, field_name: str) -> str:
        return self.titles[self.fields.index(field_name)]

    def column(self, field_name: str) -> LocalText:
        """How messages name a column: its title, and the API field when they differ."""
        title = self.title_of(field_name)
        if title.strip() == field_name:
            return LocalText(en=f"column '{title}'", zh_CN=f"列“{title}”")
        return LocalText(en=f"column '{title}' ({field_name})",
                         zh_CN=f"列“{title}”（{field_name}）")

    def close(self) -> None:
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None


def _error(en: str, zh: str) -> BehaviourFileError:
    return BehaviourFileError(LocalText(en=en, zh_CN=zh))


def _detect_encoding(path: Path) -> str:
    with path.open("rb") as f:
        head = f.read(1 << 20)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(head, final=False)  # a character cut at the end of the sample is fine
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        codecs.getincrementaldecoder("gb18030")().decode(head, final=False)
        return "gb18030"
    except UnicodeDecodeError as exc:
        raise _error(f"{path}: the text encoding is neither UTF-8 nor GB18030; save the file as "
                     "'CSV UTF-8'", f"{path}：文件编码既不是 UTF-8 也不是 GB18030，请另存为"
                     "“CSV UTF-8”格式") from exc


def _transcode(path: Path, encoding: str, out: Path) -> None:
    with path.open("r", encoding=encoding, newline="") as src, \
            out.open("w", encoding="utf-8", newline="") as dst:
        while chunk := src.read(1 << 20):
            dst.write(chunk)


def _sniff_delimiter(line: str) -> str:
    counts = {d: line.count(d) for d in (",", "\t", ";")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def sniff_date_format(values: list[str], name: str, title: str) -> DateFormat:
    kinds: Counter[DateFormat] = Counter()
    unknown = []
    for value in values:
        value = value.strip()
        if not value:
            continue
        kind = next((k for rx, k in _DATE_KINDS if rx.fullmatch(value)), None)
        if kind is None:
            unknown.append(value)
        else:
            kinds[kind] += 1
    if kinds:
        return kinds.most_common(1)[0][0]
    sample = f"'{unknown[0]}'" if unknown else "(empty)"
    raise _error(f"{name}: column '{title}' (stat_time): {sample} is not a date; write dates "
                 "as 2026-05-01 or unix seconds",
                 f"{name}：列“{title}”（stat_time）的值 {sample} 不是日期；请写成 2026-05-01 "
                 "或 Unix 秒数")


HEADER_SEARCH_LINES = 10


@dataclass
class _Head:
    delimiter: str
    skip: int  # lines before the title line (report titles some exports put on top)
    titles: list[str]
    fields: list[str | None]
    sample: list[list[str]]


def _read_head(csv_path: Path, name: str) -> _Head:
    """Find the title line (line 1, or a later one when an export puts a report title on top)
    and sample the rows under it."""
    with csv_path.open("r", encoding="utf-8-sig", newline="") as f:
        lines = [f.readline() for _ in range(HEADER_SEARCH_LINES)]
    if not any(line.strip() for line in lines):
        raise _error(f"{name}: the file is empty", f"{name}：文件为空")
    # When no line fits, report on the widest line: that is the title line the user meant.
    best_error: tuple[int, BehaviourFileError] | None = None
    skip = 0
    for number, line in enumerate(lines):
        if not line.strip():
            continue
        skip = number
        delimiter = _sniff_delimiter(line)
        titles = next(csv.reader([line], delimiter=delimiter))
        try:
            fields = map_header(titles, name)
        except BehaviourFileError as exc:
            if best_error is None or len(titles) > best_error[0]:
                best_error = (len(titles), exc)
            continue
        break
    else:
        assert best_error is not None
        raise best_error[1]
    sample: list[list[str]] = []
    with csv_path.open("r", encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f, delimiter=delimiter)
        for row in reader:
            if reader.line_num <= skip + 1:
                continue
            if row:
                sample.append(row)
            if len(sample) >= SAMPLE_ROWS:
                break
    return _Head(delimiter, skip, titles, fields, sample)


def prepare_source(path: str | Path,
                   cancel: CancelToken | None = None) -> PreparedSource:
    """Make ``path`` (CSV or XLSX) readable by the engine; errors name the file and column."""
    path = Path(path)
    name = str(path)
    if not path.is_file():
        raise _error(f"{name}: no such file", f"{name}：文件不存在")
    tmp: tempfile.TemporaryDirectory[str] | None = None
    csv_path = path
    try:
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            from app.audit.xlsx import xlsx_to_csv

            tmp = tempfile.TemporaryDirectory(prefix="wecom-scan-")
            csv_path = Path(tmp.name) / "sheet.csv"
            xlsx_to_csv(path, csv_path, cancel)
        else:
            encoding = _detect_encoding(path)
            if encoding != "utf-8":
                tmp = tempfile.TemporaryDirectory(prefix="wecom-scan-")
                csv_path = Path(tmp.name) / "utf8.csv"
                _transcode(path, encoding, csv_path)
        head = _read_head(csv_path, name)
        delimiter, titles, fields, sample = head.delimiter, head.titles, head.fields, head.sample
        stat_index = fields.index("stat_time")
        date_format = sniff_date_format([r[stat_index] for r in sample if len(r) > stat_index],
                                        name, titles[stat_index])
        percent_text = False
        if "reply_percentage" in fields:
            reply_index = fields.index("reply_percentage")
            percent_text = any(r[reply_index].strip().endswith("%") for r in sample
                               if len(r) > reply_index)
        anchor = 0
        for row in sample:
            try:
                anchor = date_format.day_number(row[stat_index])
                break
            except (ValueError, IndexError):
                continue
    except BaseException:
        if tmp is not None:
            tmp.cleanup()
        raise
    return PreparedSource(name=name, csv_path=csv_path, delimiter=delimiter, titles=titles,
                          fields=fields, date_format=date_format, anchor_day=anchor,
                          percent_text=percent_text, skip=head.skip, _tmp=tmp)
