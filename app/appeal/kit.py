"""The upload kit: every document as its own file under the form's size cap, plus the
statement as plain text within its character limit, in a folder and a zip.

Sizes before and after are reported per file: "compression" that silently leaves a file too
large is what users of other tools complain about (docs/design.md).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import BaseModel, Field

from app.appeal.documents import WATERMARKED_SLOTS, PackageDocument, order_documents
from app.appeal.images import Cancelled, jpeg_under_cap, strip_jpeg_metadata
from app.appeal.intake import FileType, SourceDocument, open_image, read_document
from app.appeal.statement import STATEMENT_TITLE, fit_to_limit
from app.appeal.watermark import WatermarkSpec, apply_watermark
from app.i18n import Lang
from app.jobs import CancelToken
from app.pdf.fonts import CJKFont

DEFAULT_SIZE_CAP = 2 * 1024 * 1024
DEFAULT_CHAR_LIMIT = 800
# Long side of a kit image before any size reduction: A4 at 300 dpi.
KIT_MAX_SIDE = 3508
_KIT_FILE = re.compile(r"^\d\d_.+\.(jpg|pdf)$")


class KitFile(BaseModel):
    name: str
    kind: str
    before_bytes: int
    after_bytes: int
    over_cap: bool = False


class KitResult(BaseModel):
    folder: Path
    zip_path: Path | None
    files: list[KitFile]
    statement_file: str
    statement_chars: int
    statement_shortened: bool = Field(description="The statement was cut at a sentence end to "
                                      "fit the character limit; the user should edit it.")


def _safe(name: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", name).strip("._") or "document"


def _pdf_without_metadata(src: SourceDocument) -> bytes:
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    reader = PdfReader(io.BytesIO(src.path.read_bytes()), strict=False)
    if reader.is_encrypted:
        reader.decrypt("")
    writer = PdfWriter(clone_from=reader)
    writer.metadata = None
    writer.root_object.pop(NameObject("/Metadata"), None)  # XMP: author, tool, dates
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _as_is(src: SourceDocument, size_cap: int) -> bytes | None:
    """An upright JPEG already under the cap keeps its pixels: re-encoding would only make it
    worse (and often larger). Its metadata goes all the same."""
    if (src.file_type is not FileType.JPEG or src.orientation != 1 or src.size_bytes > size_cap
            or max(src.width or 0, src.height or 0) > KIT_MAX_SIDE):
        return None
    try:
        return strip_jpeg_metadata(src.path.read_bytes())
    except ValueError:
        return None


def build_kit(documents: Sequence[PackageDocument], statement: str, folder: str | Path, *,
              lang: Lang = "zh_CN", size_cap: int = DEFAULT_SIZE_CAP,
              char_limit: int = DEFAULT_CHAR_LIMIT,
              watermark: WatermarkSpec | None = None, watermark_all: bool = False,
              make_zip: bool = True, font: CJKFont | None = None,
              progress: Callable[[int, int, str], None] | None = None,
              cancel: CancelToken | None = None) -> KitResult:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.iterdir():  # an earlier kit in the same folder: replace, don't mix
        if stale.is_file() and _KIT_FILE.match(stale.name):
            stale.unlink()
    ordered = order_documents(documents)
    total = len(ordered) + 1
    files: list[KitFile] = []
    for number, doc in enumerate(ordered, 1):
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        src = read_document(doc.path)
        stem = f"{number:02d}_{_safe(doc.display_title(lang))}"
        if src.is_pdf:
            data = _pdf_without_metadata(src)
            name = f"{stem}.pdf"
        else:
            marked = watermark is not None and (watermark_all or doc.kind in WATERMARKED_SLOTS)
            data = _as_is(src, size_cap) if not (marked or doc.edits) else None
            if data is None:
                img = open_image(src, fit=(KIT_MAX_SIDE, KIT_MAX_SIDE), edits=doc.edits)
                if marked:
                    img = apply_watermark(img, watermark, font)
                try:
                    data = jpeg_under_cap(img, size_cap, cancel=cancel).data
                except ValueError:
                    data = jpeg_under_cap(img, 1 << 62).data
            name = f"{stem}.jpg"
        (folder / name).write_bytes(data)
        files.append(KitFile(name=name, kind=doc.kind, before_bytes=src.size_bytes,
                             after_bytes=len(data), over_cap=len(data) > size_cap))
        if progress:
            progress(number, total, name)
    text, shortened = fit_to_limit(statement, char_limit)
    statement_file = f"{_safe(STATEMENT_TITLE(lang))}.txt"
    (folder / statement_file).write_text(text + "\n", encoding="utf-8")
    zip_path = None
    if make_zip:
        zip_path = folder.with_name(folder.name + ".zip")
        with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_STORED) as archive:
            for name in [f.name for f in files] + [statement_file]:
                archive.write(folder / name, arcname=f"{folder.name}/{name}")
    if progress:
        progress(total, total, statement_file)
    return KitResult(folder=folder, zip_path=zip_path, files=files,
                     statement_file=statement_file, statement_chars=len(text),
                     statement_shortened=shortened)
