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


def xlsx_to_csv(path: Path, out: Path, cancel: CancelToken | None = None) -> int:
    """Write the first worksheet of ``path`` to ``out``; return the number of sheet rows.

    Empty sheet rows become empty lines, so CSV line n is sheet row n. openpyxl streams about
    13 000 rows a second here, so long sheets check ``cancel`` as they go."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged or foreign file
        raise BehaviourFileError(LocalText(
            en=f"{path}: not a readable XLSX workbook ({exc.__class__.__name__}: {exc})",
            zh_CN=f"{path}：不是可读取的 XLSX 工作簿（{exc.__class__.__name__}：{exc}）")) from exc
    rows = 0
    try:
        sheet = book.worksheets[0]
        # Without this openpyxl first scans the whole sheet for its size when the file has no
        # <dimension> (many exporters leave it out): twice the parsing.
        sheet.reset_dimensions()
        width = 0
        with out.open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, lineterminator="\n")
            for rows, row in enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1):
                if cancel is not None and rows % 5000 == 1 and cancel():
                    raise Cancelled()
                cells = [_cell(v) for v in row]
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
