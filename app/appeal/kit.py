"""The upload kit: every document as its own file under the form's size cap, plus the
statement as plain text within its character limit, in a folder and a zip.

Sizes before and after are reported per file: "compression" that silently leaves a file too
large is what users of other tools complain about (docs/design.md).
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import secrets
import stat
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from app.appeal.documents import WATERMARKED_SLOTS, PackageDocument, order_documents
from app.appeal.images import Cancelled, jpeg_under_cap, strip_jpeg_metadata
from app.appeal.intake import IntakeError, open_image, read_document
from app.appeal.sources import FileType, SourceDocument
from app.appeal.statement import STATEMENT_TITLE, fit_to_limit
from app.appeal.watermark import WatermarkSpec, apply_watermark
from app.i18n import Lang
from app.jobs import CancelToken, Progress, progress_text
from app.labels import text
from app.pdf.fonts import CJKFont

# Defaults of the upload forms WeCom's appeal pages use: JPEG/PNG at most 2 MB per image (the
# cap is adjustable), file names at most 64 characters without spaces.
DEFAULT_SIZE_CAP = 2 * 1024 * 1024
DEFAULT_CHAR_LIMIT = 800
MAX_NAME_CHARS = 64
# Long side of a kit image before any size reduction: A4 at 300 dpi.
KIT_MAX_SIDE = 3508
# The kit folder's own record of the files the app wrote there: only those are ever replaced.
KIT_MARKER = ".wecom-appeal-kit.json"
_PART = re.compile(r"^\.(.+)\.[0-9a-f]{8}\.part$")


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


class KitMarker(BaseModel):
    """What ``KIT_MARKER`` holds: the names the app wrote (plain names, no folders)."""

    model_config = ConfigDict(extra="ignore")

    format: Literal["wecom-appeal-kit"] = "wecom-appeal-kit"
    files: list[Annotated[str, StringConstraints(pattern=r"^[^/\\\x00]{1,255}$")]] = []
    zip: Annotated[str, StringConstraints(pattern=r"^[^/\\\x00]{1,255}$")] | None = None


def _safe(name: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s\x00-\x1f]+', "_", name).strip("._") or "document"


def kit_name(stem: str, suffix: str) -> str:
    """A file name the upload forms accept: no spaces or path characters, at most
    ``MAX_NAME_CHARS`` characters with its suffix."""
    safe = _safe(stem)[:MAX_NAME_CHARS - len(suffix)].rstrip("._") or "document"
    return safe + suffix


def _refuse(folder: Path, key: str, **values: object) -> IntakeError:
    return IntakeError(folder, "not_writable", text(key, folder=folder, **values))


def _read_marker(folder: Path) -> KitMarker | None:
    marker = folder / KIT_MARKER
    try:
        info = marker.lstat()
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(info.st_mode) or info.st_size > 64 * 1024:
        raise _refuse(folder, "kit_folder_link")
    try:
        return KitMarker.model_validate_json(marker.read_bytes())
    except (ValueError, OSError):
        raise _refuse(folder, "kit_folder_foreign") from None


def check_kit_folder(folder: str | Path, *, make_zip: bool = True) -> None:
    """Raise IntakeError now if :func:`build_kit` would refuse ``folder`` (a link, a file, a
    folder holding what the app did not write, a foreign zip beside it); changes nothing.
    Commands call it before they write anything else (the bundle), so a refused kit leaves
    no half of the output behind."""
    folder = Path(folder)
    zip_path = folder.with_name(folder.name + ".zip") if make_zip else None
    prepare_kit_folder(folder, [], zip_path, check_only=True)


def prepare_kit_folder(folder: Path, names: Sequence[str], zip_path: Path | None, *,
                       check_only: bool = False) -> None:
    """Make ``folder`` ready for a kit of ``names`` without touching anything the app did not
    write: a new folder is created (owner only); an existing one must be empty or hold an
    earlier kit (its marker lists what the app wrote: only those files are removed). Links are
    never followed: a link in place of the folder, of a kit file or of the zip is refused."""
    if folder.is_symlink():
        raise _refuse(folder, "kit_folder_link")
    if folder.exists() and not folder.is_dir():
        raise _refuse(folder, "kit_not_folder")
    if zip_path is not None and zip_path.is_symlink():
        raise _refuse(zip_path, "kit_folder_link")
    if not folder.exists():
        if zip_path is not None and zip_path.exists():
            raise IntakeError(zip_path, "not_writable", text("kit_zip_foreign", zip=zip_path))
        if check_only:
            return
        folder.mkdir(parents=True, mode=0o700)
        marker = KitMarker()
    else:
        marker = _read_marker(folder) or KitMarker()
        present = set(os.listdir(folder)) - {KIT_MARKER}
        # Temporary files of an interrupted earlier build of this kit are ours too.
        ours = set(marker.files) | {n for n in present if (m := _PART.match(n))
                                    and m.group(1) in marker.files} if marker.files else set()
        if present - ours:
            raise _refuse(folder, "kit_folder_foreign")
        for name in present:
            if not stat.S_ISREG((folder / name).lstat().st_mode):
                raise _refuse(folder, "kit_folder_link")
        if (zip_path is not None and zip_path.exists()
                and (marker.zip != zip_path.name or not zip_path.is_file())):
            raise IntakeError(zip_path, "not_writable", text("kit_zip_foreign", zip=zip_path))
        if check_only:
            return
        for name in present:  # the earlier kit: replaced, never mixed with the new one
            (folder / name).unlink()
    # Written before the files, so that an interrupted build is still ours to clean up.
    record = KitMarker(files=list(names), zip=zip_path.name if zip_path else None)
    _write_new(folder / KIT_MARKER, record.model_dump_json().encode(), replace=True)


def _write_new(path: Path, data: bytes, *, replace: bool = False) -> None:
    """Write a file readable by its owner only, never through a link: a temporary file
    created exclusively beside it, then renamed over it (a rename replaces a link, not its
    target)."""
    if not replace and os.path.lexists(path):
        raise IntakeError(path, "not_writable", text("kit_folder_link", folder=path))
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
                 | getattr(os, "O_BINARY", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


# Page keys an imported PDF keeps in the kit: what a page shows, nothing else (no annotations,
# actions, page-level XMP, thumbnails, piece info). The document keeps only its pages.
_PAGE_KEYS = {"/Type", "/Parent", "/Resources", "/Contents", "/MediaBox", "/CropBox",
              "/BleedBox", "/TrimBox", "/ArtBox", "/Rotate", "/UserUnit"}
_RESOURCE_DROPPED = ("/Metadata", "/PieceInfo", "/OPI")


def _clean_resources(resources: object, seen: set[int], depth: int = 0) -> None:
    """Drop XMP and private data from the XObjects a page uses (form XObjects recursively)."""
    from pypdf.generic import DictionaryObject, IndirectObject

    if isinstance(resources, IndirectObject):
        resources = resources.get_object()
    if not isinstance(resources, DictionaryObject) or depth > 8 or id(resources) in seen:
        return
    seen.add(id(resources))
    xobjects = resources.get("/XObject")
    xobjects = xobjects.get_object() if xobjects is not None else None
    if not isinstance(xobjects, DictionaryObject):
        return
    for ref in xobjects.values():
        xobject = ref.get_object()
        if not isinstance(xobject, DictionaryObject):
            continue
        for key in _RESOURCE_DROPPED:
            xobject.pop(key, None)
        if xobject.get("/Subtype") == "/Form" and "/Resources" in xobject:
            _clean_resources(xobject["/Resources"], seen, depth + 1)


def sanitized_pdf(path: Path) -> bytes:
    """The PDF's pages, their content and resources, and nothing else: no document metadata
    or XMP, no JavaScript, actions, attachments, forms, outlines or annotations, and none of
    the file's unreferenced objects (a fresh file is written, not a copy)."""
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(io.BytesIO(path.read_bytes()), strict=False)
    if reader.is_encrypted:
        reader.decrypt("")
    writer = PdfWriter()
    seen: set[int] = set()
    for page in reader.pages:
        for key in [k for k in page if k not in _PAGE_KEYS]:
            del page[key]
        if "/Resources" in page:
            _clean_resources(page["/Resources"], seen)
        writer.add_page(page)
    writer.metadata = None
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
              progress: Progress | None = None,
              cancel: CancelToken | None = None) -> KitResult:
    """Write the kit into ``folder``: a new folder, an empty one, or one holding an earlier
    kit (see :func:`prepare_kit_folder`); nothing else in it is ever touched. Every file is
    created readable by its owner only (it holds ID images)."""
    folder = Path(folder)
    ordered = order_documents(documents)
    # Everything is checked before the folder is touched: a refused file changes nothing.
    sources = [read_document(doc.path) for doc in ordered]
    names = [kit_name(f"{number:02d}_{doc.display_title(lang)}",
                      ".pdf" if src.is_pdf else ".jpg")
             for number, (doc, src) in enumerate(zip(ordered, sources, strict=True), 1)]
    statement_file = kit_name(STATEMENT_TITLE(lang), ".txt")
    zip_path = folder.with_name(folder.name + ".zip") if make_zip else None
    prepare_kit_folder(folder, [*names, statement_file], zip_path)
    total = len(ordered) + 1
    files: list[KitFile] = []
    for number, (doc, src, name) in enumerate(zip(ordered, sources, names, strict=True), 1):
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        if src.is_pdf:
            data = sanitized_pdf(src.path)
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
        _write_new(folder / name, data)
        files.append(KitFile(name=name, kind=doc.kind, before_bytes=src.size_bytes,
                             after_bytes=len(data), over_cap=len(data) > size_cap))
        if progress:
            progress(number, total, progress_text("progress_kit_file", name=name))
    text_, shortened = fit_to_limit(statement, char_limit)
    _write_new(folder / statement_file, (text_ + "\n").encode("utf-8"))
    if zip_path is not None:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
            for name in [f.name for f in files] + [statement_file]:
                archive.write(folder / name, arcname=f"{folder.name}/{name}")
        _write_new(zip_path, buffer.getvalue(), replace=True)
    if progress:
        progress(total, total, progress_text("progress_kit_statement", name=statement_file))
    return KitResult(folder=folder, zip_path=zip_path, files=files,
                     statement_file=statement_file, statement_chars=len(text_),
                     statement_shortened=shortened)
