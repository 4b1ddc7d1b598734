"""Texts to check from files: TXT (one text, or one per line), CSV and XLSX (one per row)."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable
from pathlib import Path

from app.i18n import LocalText
from app.labels import text as local

# Column titles that name the text column (case-insensitive); otherwise the first column.
TEXT_COLUMNS = ("text", "texts", "content", "message", "copy", "文本", "内容", "消息", "文案",
                "消息内容", "群发内容", "欢迎语")
MAX_BYTES = 50 * 1024 * 1024


class TextsFileError(Exception):
    """A file of texts cannot be read; the message names the file and the problem."""

    def __init__(self, message: LocalText) -> None:
        super().__init__(message.en)
        self.message = message


Rows = list[tuple[int, str]]  # (row number as the user sees it, text)


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM (Notepad's "Unicode"), else GB18030
    (what Chinese Excel and Notepad write as "ANSI")."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise TextsFileError(local("check_err_encoding", path=name)) from None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise TextsFileError(local("check_err_encoding", path=name))


def lines_as_rows(text: str) -> Rows:
    return [(i, line.strip()) for i, line in enumerate(text.splitlines(), 1) if line.strip()]


def _table_rows(rows: Iterable[tuple[int, list[str]]], name: str) -> Rows:
    rows = list(rows)
    if not rows:
        return []
    header = rows[0][1]
    titles = [h.strip().lower() for h in header]
    column = next((i for i, t in enumerate(titles) if t in TEXT_COLUMNS), None)
    body = rows[1:] if column is not None else rows
    column = column or 0
    out = []
    for number, cells in body:
        value = cells[column].strip() if column < len(cells) else ""
        if value:
            out.append((number, value))
    return out


def read_csv_text(text: str, name: str) -> Rows:
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, ",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        return _table_rows(((reader.line_num, row) for row in reader), name)
    except csv.Error as exc:
        raise TextsFileError(local("check_err_csv", path=name, line=reader.line_num,
                                   error=str(exc))) from exc


def read_xlsx(path: Path) -> Rows:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise TextsFileError(local("check_err_xlsx", path=path.name)) from exc
    try:
        sheet = book.worksheets[0]
        rows = ((i, ["" if v is None else str(v) for v in values])
                for i, values in enumerate(sheet.iter_rows(values_only=True), 1))
        return _table_rows(rows, path.name)
    finally:
        book.close()


def read_texts_file(path: Path, *, txt_rows: bool = True) -> tuple[Rows, bool]:
    """The texts of a file and whether it is a table (rows) rather than one text.

    TXT: one text per non-empty line when ``txt_rows``, else the whole file as one text."""
    name = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise TextsFileError(local("err_no_file", path=name)) from exc
    except OSError as exc:
        raise TextsFileError(local("err_permission", path=name)) from exc
    if path.is_dir():
        raise TextsFileError(local("err_is_folder", path=name))
    if size > MAX_BYTES:
        raise TextsFileError(local("check_err_too_big", path=name, mb=MAX_BYTES // 2**20))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path), True
    if suffix in (".xls", ".docx", ".doc", ".pdf"):
        raise TextsFileError(local("check_err_kind", path=name))
    try:
        data = path.read_bytes()
    except PermissionError as exc:
        raise TextsFileError(local("err_permission", path=name)) from exc
    if b"\x00" in data[:4096] and data[:2] not in (b"\xff\xfe", b"\xfe\xff"):
        raise TextsFileError(local("check_err_kind", path=name))
    text = decode(data, name)
    if suffix in (".csv", ".tsv"):
        return read_csv_text(text, name), True
    if txt_rows:
        return lines_as_rows(text), True
    return [(1, text)], False
