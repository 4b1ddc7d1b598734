"""XLSX behaviour files → UTF-8 CSV, streamed (openpyxl read-only), one line per sheet row."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from app.audit.columns import BehaviourFileError
from app.i18n import LocalText
from app.jobs import Cancelled, CancelToken


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()  # stat_time counts whole days
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


ConversionCancelled = Cancelled  # the name this module used before app/jobs.py


# Limits (issue 13): Excel itself holds at most 1 048 576 rows and 32 767 characters per cell,
# so a longer sheet or cell was not exported by it (and a behaviour cell is a number, a date or
# a userid); openpyxl keeps the shared-string table in memory, so its size is checked from the
# zip's directory first.
MAX_ROWS = 1_048_576
MAX_CELL_CHARS = 32_767  # Excel's own limit per cell
MAX_SHARED_STRINGS_BYTES = 128 * 1024 * 1024


# A sheet whose XML is larger than this is counted first (its <row> tags, at the speed of
# inflating it: ~1 s for 2 million rows) rather than parsed for a minute and then refused.
ROW_COUNT_FROM_BYTES = 32 * 1024 * 1024


def _count_rows(path: Path, member: str) -> int:
    import zipfile

    rows = 0
    tail = b""
    with zipfile.ZipFile(path) as zf, zf.open(member) as f:
        while rows <= MAX_ROWS:
            chunk = f.read(1 << 20)
            if not chunk:
                break
            block = tail + chunk
            rows += block.count(b"<row ") + block.count(b"<row>")
            tail = block[-5:]
            rows -= tail.count(b"<row ") + tail.count(b"<row>")  # counted again next time
    return rows + tail.count(b"<row ") + tail.count(b"<row>")


def _refuse(path: Path, en: str, zh: str) -> BehaviourFileError:
    return BehaviourFileError(LocalText(en=f"{path}: {en}", zh_CN=f"{path}：{zh}"))


def _check_zip(path: Path) -> None:
    """Refuse, before openpyxl reads anything, a workbook whose strings or sheet would not
    fit in memory (sizes from the zip directory: nothing is inflated)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # openpyxl's own refusal says it is not a workbook
    for info in infos:
        if (info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")
                and info.file_size > ROW_COUNT_FROM_BYTES):
            rows = _count_rows(path, info.filename)
            if rows > MAX_ROWS:
                raise _refuse(path, f"more than {MAX_ROWS} rows, the most a worksheet can "
                              "hold; this is not a behaviour export.",
                              f"超过 {MAX_ROWS} 行（工作表的最大行数），不是行为数据导出。")
        if info.filename == "xl/sharedStrings.xml" and info.file_size > MAX_SHARED_STRINGS_BYTES:
            raise _refuse(path, f"its text cells take {info.file_size // 2**20} MB unpacked, "
                          f"more than the {MAX_SHARED_STRINGS_BYTES // 2**20} MB a behaviour "
                          "export needs; export the statistics again.",
                          f"其中文本单元格解压后达 {info.file_size // 2**20} MB，"
                          f"超过行为数据导出所需的 {MAX_SHARED_STRINGS_BYTES // 2**20} MB 上限，"
                          "请重新导出统计数据。")


def xlsx_to_csv(path: Path, out: Path, cancel: CancelToken | None = None) -> int:
    """Write the first worksheet of ``path`` to ``out``; return the number of sheet rows.

    Empty sheet rows become empty lines, so CSV line n is sheet row n. openpyxl streams about
    13 000 rows a second here, so long sheets check ``cancel`` as they go."""
    from openpyxl import load_workbook

    _check_zip(path)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged or foreign file
        raise BehaviourFileError(LocalText(
            en=f"{path}: not a readable XLSX workbook ({exc.__class__.__name__}: {exc})",
            zh_CN=f"{path}：不是可读取的 XLSX 工作簿（{exc.__class__.__name__}：{exc}）")) from exc
    rows = 0
    try:
        sheet = book.worksheets[0]
        # The sheet's own <dimension>, when it has one, tells the size before any row is read:
        # a sheet over the limit is refused at once instead of after a minute of parsing.
        declared = sheet.max_row if getattr(sheet, "_max_row", None) else None
        if declared is not None and declared > MAX_ROWS:
            raise _refuse(path, f"the sheet declares {declared} rows, more than the {MAX_ROWS} "
                          "a worksheet can hold; this is not a behaviour export.",
                          f"工作表声明有 {declared} 行，超过工作表最多 {MAX_ROWS} 行，"
                          "不是行为数据导出。")
        # Without this openpyxl first scans the whole sheet for its size when the file has no
        # <dimension> (many exporters leave it out): twice the parsing.
        sheet.reset_dimensions()
        width = 0
        with out.open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, lineterminator="\n")
            for rows, row in enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1):
                if cancel is not None and rows % 5000 == 1 and cancel():
                    raise Cancelled()
                if rows > MAX_ROWS:
                    raise _refuse(path, f"more than {MAX_ROWS} rows, the most a worksheet can "
                                  "hold; this is not a behaviour export.",
                                  f"超过 {MAX_ROWS} 行（工作表的最大行数），不是行为数据导出。")
                cells = [_cell(v) for v in row]
                if any(len(c) > MAX_CELL_CHARS for c in cells):
                    raise _refuse(path, f"row {rows} holds a cell longer than "
                                  f"{MAX_CELL_CHARS} characters (Excel's limit); a behaviour "
                                  "cell is a number, a date or a userid.",
                                  f"第 {rows} 行有超过 {MAX_CELL_CHARS} 个字符（Excel 的上限）"
                                  "的单元格；行为数据单元格应为数字、日期或成员 ID。")
                while cells and not cells[-1]:
                    cells.pop()
                if rows == 1:
                    width = len(cells)
                if not cells:
                    f.write("\n")
                    continue
                cells += [""] * (width - len(cells))
                writer.writerow(cells)
    finally:
        book.close()
    return rows
