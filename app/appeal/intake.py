"""Reading the files a user adds: real type from the bytes, refusal with a clear reason.

Each refusal is an IntakeError naming the file and saying, in both languages, what is wrong and
what to do. Nothing here keeps the file's bytes: callers re-open the path when they decode, so
thirty phone photos never sit in memory at once.
"""

from __future__ import annotations

import contextlib
import functools
import io
import logging
import os
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from PIL import Image, ImageFile, UnidentifiedImageError

from app import startup
from app.appeal.sources import Edits, FileType, Note, SourceDocument
from app.errors import UserError
from app.i18n import LocalText

log = logging.getLogger(__name__)


@functools.cache
def heic_supported() -> bool:
    """Whether HEIC files can be read: pillow-heif is installed (optional, depends on the
    platform's wheels). It is imported and registered with Pillow when the first HEIC file
    comes, not by every process that reads a JPEG or builds a bundle (bench/startup)."""
    try:
        import pillow_heif
    except ImportError:  # pragma: no cover - depends on the platform's wheels
        return False
    pillow_heif.register_heif_opener()
    return True


# Refuse images above 120 megapixels (a 108 MP phone photo still passes). Pillow warns above
# this and raises above twice this; both are turned into a refusal before anything is decoded.
MAX_IMAGE_PIXELS = 120_000_000
Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
ImageFile.LOAD_TRUNCATED_IMAGES = False

MAX_FILE_BYTES = 60 * 1024 * 1024
# Memory ceilings (issue 13: peak under 500 MB for anything accepted). A PNG or HEIC cannot be
# decoded at reduced size, so its decoded pixels must fit this (an A4 page scanned at 600 dpi in
# colour is ~105 MB; 160 MB is 53 MP in RGB, 40 MP with transparency; measured peak for the
# largest accepted PNG stays under 500 MB in bench/inputs); a JPEG is decoded at 1/2 to 1/8
# scale (draft) and only its pixel count is capped. A 16-bit RGBA PNG of 10 950² pixels
# (120 MP, under the pixel cap, under 1 MB on disk) needs 480 MB decoded and is refused.
MAX_DECODED_BYTES = 160 * 1024 * 1024
# A document of an appeal is a few pages; a PDF longer than this is refused before its pages
# are merged (a 5 000-page file took 24 s).
MAX_PDF_PAGES = 200
# A page's drawing instructions, unpacked. Real pages take kilobytes to a few megabytes; the
# bundle unpacks them to place the page, so one that inflates past this is refused (a
# 1.5 MB stream that inflates to 1.5 GB ended in a traceback).
MAX_PAGE_CONTENT_BYTES = 64 * 1024 * 1024
# Below this many pixels on the long side, a licence or ID card is hard to read once printed.
LOW_RES_LONG_SIDE = 1000

RefusalReason = Literal["missing", "not_a_file", "permission", "empty", "too_large",
                        "unsupported", "corrupt", "truncated", "encrypted", "bomb",
                        "not_writable"]


_EXTENSIONS = {
    FileType.JPEG: (".jpg", ".jpeg", ".jpe", ".jfif"),
    FileType.PNG: (".png",),
    FileType.HEIC: (".heic", ".heif", ".hif"),
    FileType.PDF: (".pdf",),
}
_HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"}


class IntakeError(UserError):
    """A file the package cannot use; ``message`` says which file and why, in both languages."""

    def __init__(self, path: str | os.PathLike[str], reason: RefusalReason,
                 message: LocalText) -> None:
        self.path = Path(path)
        self.reason = reason
        self.message = message  # type: ignore[assignment] (a LocalText: message(lang) as well)
        super().__init__(message)


def _refuse(path: Path, reason: RefusalReason, en: str, zh: str) -> IntakeError:
    return IntakeError(path, reason, LocalText(en=f"{path.name}: {en}", zh_CN=f"{path.name}：{zh}"))


def sniff(head: bytes) -> FileType | None:
    """The file type told by its first bytes, whatever its name says."""
    if head.startswith(b"\xff\xd8\xff"):
        return FileType.JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return FileType.PNG
    if head[4:8] == b"ftyp" and (head[8:12] in _HEIF_BRANDS
                                 or any(head[i:i + 4] in _HEIF_BRANDS
                                        for i in range(16, min(len(head), 64), 4))):
        return FileType.HEIC
    if b"%PDF-" in head[:1024]:
        return FileType.PDF
    return None


def _read_head(path: Path, max_bytes: int) -> tuple[bytes, int]:
    if path.is_symlink() and not path.exists():
        raise _refuse(path, "missing", "the link points to a file that no longer exists.",
                      "该快捷方式指向的文件已不存在。")
    if not path.exists():
        raise _refuse(path, "missing", "no such file.", "文件不存在。")
    if not path.is_file():
        raise _refuse(path, "not_a_file", "is a folder or a device, not a file.",
                      "这是文件夹或设备，不是文件。")
    try:
        size = path.stat().st_size
        with open(path, "rb") as f:
            head = f.read(4096)
    except PermissionError as exc:
        raise _refuse(path, "permission", "permission denied: the app may not read this file.",
                      "没有读取该文件的权限。") from exc
    except OSError as exc:
        raise _refuse(path, "permission", f"cannot be read ({exc.strerror}).",
                      f"无法读取（{exc.strerror}）。") from exc
    if size == 0 or not head:
        raise _refuse(path, "empty", "the file is empty (0 bytes); the copy or download did "
                      "not finish.", "文件为空（0 字节），可能复制或下载未完成。")
    if size > max_bytes:
        raise _refuse(path, "too_large", f"the file is {size / 2**20:.0f} MB, above the "
                      f"{max_bytes / 2**20:.0f} MB limit.",
                      f"文件大小 {size / 2**20:.0f} MB，超过 {max_bytes / 2**20:.0f} MB 上限。")
    return head, size


@contextlib.contextmanager
def image_errors(path: Path) -> Iterator[None]:
    """Turn Pillow's many ways of failing into refusals that name the file."""
    try:
        yield
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _bomb(path) from exc
    except UnidentifiedImageError as exc:
        raise _refuse(path, "corrupt", "the image is damaged and cannot be read.",
                      "图像已损坏，无法读取。") from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        if "truncated" in str(exc) or isinstance(exc, EOFError):
            raise _refuse(path, "truncated", "the image is incomplete (truncated); copy or "
                          "download it again.",
                          "图像不完整（被截断），请重新复制或下载。") from exc
        raise _refuse(path, "corrupt", "the image is damaged and cannot be decoded.",
                      "图像已损坏，无法解码。") from exc


def _bomb(path: Path) -> IntakeError:
    return _refuse(path, "bomb", f"the image claims more than {MAX_IMAGE_PIXELS // 1_000_000} "
                   "megapixels; it is refused to protect this computer (a 'decompression "
                   "bomb' or a damaged file).",
                   f"图像声明超过 {MAX_IMAGE_PIXELS // 1_000_000} 百万像素，为保护本机已拒绝"
                   "（可能是“解压炸弹”或文件损坏）。")


def decoded_bytes(img: Image.Image) -> int:
    """Memory the decoded picture takes in Pillow: pixels × bands × bytes per band."""
    per_band = 4 if img.mode in ("I", "F") else 2 if img.mode.startswith("I;16") else 1
    return img.width * img.height * len(img.getbands()) * per_band


def _too_many_bytes(path: Path, img: Image.Image) -> IntakeError:
    need = decoded_bytes(img) // 2**20
    limit = MAX_DECODED_BYTES // 2**20
    return _refuse(path, "bomb", f"the image is {img.width}×{img.height} pixels and would need "
                   f"{need} MB of memory to open (the limit is {limit} MB); save it smaller "
                   "(for example as a JPEG) and add it again.",
                   f"图像为 {img.width}×{img.height} 像素，打开需要 {need} MB 内存（上限 "
                   f"{limit} MB），请缩小或另存为 JPEG 后再添加。")


def exif_orientation(img: Image.Image) -> int:
    """EXIF orientation 1-8; anything else (0 is common from some phones and scanners) is 1."""
    try:
        if img.format == "PNG":
            # Pillow's PNG getexif() decodes the whole picture to look for a late eXIf
            # chunk; only one before the pixels (in ``info``) is read here.
            if not img.info.get("exif"):
                return 1
            exif = Image.Exif()
            exif.load(img.info["exif"])
            value = exif.get(0x0112, 1)
        else:
            value = img.getexif().get(0x0112, 1)
    except Exception:  # a damaged EXIF block must not cost the user the picture
        log.debug("unreadable EXIF orientation; the picture is kept as stored", exc_info=True)
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


_TRANSPOSE = {
    2: (Image.Transpose.FLIP_LEFT_RIGHT,),
    3: (Image.Transpose.ROTATE_180,),
    4: (Image.Transpose.FLIP_TOP_BOTTOM,),
    5: (Image.Transpose.TRANSPOSE,),
    6: (Image.Transpose.ROTATE_270,),
    7: (Image.Transpose.TRANSVERSE,),
    8: (Image.Transpose.ROTATE_90,),
}


def apply_orientation(img: Image.Image, orientation: int) -> Image.Image:
    for op in _TRANSPOSE.get(orientation, ()):
        img = img.transpose(op)
    return img


def flatten(img: Image.Image) -> Image.Image:
    """RGB (or L) on white: transparency would turn black in a JPEG or a PDF."""
    if img.mode == "P":
        img = img.convert("RGBA" if "transparency" in img.info else "RGB")
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "RGBa"):
        rgba = img.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    if img.mode in ("RGB", "L"):
        return img
    return img.convert("RGB")


def apply_edits(img: Image.Image, edits: Edits | None) -> Image.Image:
    if edits is None:
        return img
    if edits.rotate:
        img = img.transpose({90: Image.Transpose.ROTATE_270, 180: Image.Transpose.ROTATE_180,
                             270: Image.Transpose.ROTATE_90}[edits.rotate])
    if edits.crop:
        left, top, right, bottom = edits.crop
        if not (0 <= left < right <= 1 and 0 <= top < bottom <= 1):
            raise ValueError(f"crop {edits.crop}: need 0 <= left < right <= 1 and "
                             "0 <= top < bottom <= 1")
        w, h = img.size
        img = img.crop((round(left * w), round(top * h), round(right * w), round(bottom * h)))
    return img


def _swaps_axes(orientation: int, edits: Edits | None) -> bool:
    return (orientation in (5, 6, 7, 8)) != bool(edits and edits.rotate in (90, 270))


def read_document(path: str | os.PathLike[str], *, max_bytes: int = MAX_FILE_BYTES,
                  verify: bool = True) -> SourceDocument:
    """Accept a JPEG, PNG, HEIC or PDF file or raise IntakeError. ``verify`` decodes images
    completely (at reduced scale) so that truncated files are caught now, not at export."""
    startup.start_up_done()  # decoded pictures are where memory goes: collect as usual
    path = Path(path)
    head, size = _read_head(path, max_bytes)
    file_type = sniff(head)
    if file_type is None or (file_type is FileType.HEIC and not heic_supported()):
        raise _refuse(path, "unsupported", "not a JPEG, PNG, HEIC or PDF file (judged by its "
                      "content, not its name).",
                      "不是 JPEG、PNG、HEIC 或 PDF 文件（按文件内容判断，而非文件名）。")
    notes: list[Note] = []
    if path.suffix.lower() not in _EXTENSIONS[file_type]:
        shown = path.suffix or "(none)"
        notes.append(Note(code="extension_mismatch", message=LocalText(
            en=f"{path.name}: the name ends in {shown} but the file is a "
               f"{file_type.value.upper()}; it is used as a {file_type.value.upper()}.",
            zh_CN=f"{path.name}：扩展名为 {shown}，但内容是 {file_type.value.upper()}，"
                  f"已按 {file_type.value.upper()} 处理。")))
    if file_type is FileType.PDF:
        return _read_pdf(path, size, notes)
    return _read_image(path, file_type, size, notes, verify)


def _read_image(path: Path, file_type: FileType, size: int, notes: list[Note],
                verify: bool) -> SourceDocument:
    # Pillow warns between MAX_IMAGE_PIXELS and twice that, and raises above; both refuse.
    # (The warnings filter is process-wide: this runs where files are added, not in workers.)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with image_errors(path), Image.open(path) as img:
            # Before anything else: a PNG's getexif() decodes the whole picture.
            if img.format != "JPEG" and decoded_bytes(img) > MAX_DECODED_BYTES:
                raise _too_many_bytes(path, img)
            orientation = exif_orientation(img)
            width, height = img.size
            has_alpha = img.mode in ("RGBA", "LA", "PA") or "transparency" in img.info
            if verify:
                if img.format == "JPEG":
                    img.draft("RGB", (max(1, width // 8), max(1, height // 8)))
                img.load()
    if orientation in (5, 6, 7, 8):
        width, height = height, width
    if has_alpha:
        notes.append(Note(code="transparency", message=LocalText(
            en=f"{path.name}: transparent areas are shown on white.",
            zh_CN=f"{path.name}：透明区域将以白色显示。")))
    if max(width, height) < LOW_RES_LONG_SIDE:
        notes.append(Note(code="low_resolution", message=LocalText(
            en=f"{path.name}: only {width}×{height} pixels; text may be unreadable when "
               "printed. A photo of at least 1000 pixels on the long side is safer.",
            zh_CN=f"{path.name}：仅 {width}×{height} 像素，打印后文字可能看不清，"
                  "建议长边至少 1000 像素。")))
    return SourceDocument(path=path, file_type=file_type, size_bytes=size, width=width,
                          height=height, orientation=orientation, notes=notes)


def _read_pdf(path: Path, size: int, notes: list[Note]) -> SourceDocument:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    try:
        reader = PdfReader(io.BytesIO(path.read_bytes()), strict=False)
        if reader.is_encrypted:
            # An owner password alone (printing or editing restricted) still opens with "".
            if not reader.decrypt(""):
                raise _refuse(path, "encrypted", "the PDF is protected by a password. Save an "
                              "unprotected copy (print to PDF) and add that instead.",
                              "该 PDF 设有打开密码，请另存一份无密码的副本（打印为 PDF）后再添加。")
            notes.append(Note(code="owner_password", message=LocalText(
                en=f"{path.name}: the PDF carries usage restrictions; its pages are copied "
                   "into the package as they are.",
                zh_CN=f"{path.name}：该 PDF 设有使用限制，其页面将按原样放入材料包。")))
        # The page tree's own count first: flattening 5 000 pages takes seconds.
        declared = reader.trailer["/Root"]["/Pages"].get("/Count", 0)
        pages = (int(declared) if isinstance(declared, int) and declared > MAX_PDF_PAGES
                 else len(reader.pages))
        if pages <= MAX_PDF_PAGES:
            for number, page in enumerate(reader.pages, 1):
                if _content_bytes(page) > MAX_PAGE_CONTENT_BYTES:
                    raise _refuse(path, "bomb", f"page {number} unpacks to more than "
                                  f"{MAX_PAGE_CONTENT_BYTES // 2**20} MB of drawing "
                                  "instructions; it is refused to protect this computer.",
                                  f"第 {number} 页解压后的绘制指令超过 "
                                  f"{MAX_PAGE_CONTENT_BYTES // 2**20} MB，为保护本机已拒绝。")
        if pages > MAX_PDF_PAGES:
            raise _refuse(path, "too_large", f"the PDF has {pages} pages, more than the "
                          f"{MAX_PDF_PAGES} a document of the package may have; split it and "
                          "add the pages that matter.",
                          f"该 PDF 有 {pages} 页，超过材料包中单份文件 {MAX_PDF_PAGES} 页的上限，"
                          "请拆分后只添加相关页面。")
    except IntakeError:
        raise
    except DependencyError as exc:
        raise _refuse(path, "encrypted", "the PDF is encrypted in a way that cannot be opened "
                      "here; save an unprotected copy and add that instead.",
                      "该 PDF 的加密方式无法打开，请另存无密码副本后再添加。") from exc
    except Exception as exc:  # pypdf raises assorted errors on damaged or hostile files
        raise _refuse(path, "corrupt", "the PDF is damaged and cannot be opened.",
                      "PDF 已损坏，无法打开。") from exc
    if pages == 0:
        raise _refuse(path, "corrupt", "the PDF has no pages.", "该 PDF 没有页面。")
    return SourceDocument(path=path, file_type=FileType.PDF, size_bytes=size, page_count=pages,
                          notes=notes)


def _content_bytes(page: object) -> int:
    """How many bytes the page's content streams unpack to, counted in slices and stopping
    past the limit: nothing large is held in memory."""
    import zlib

    from pypdf.generic import ArrayObject

    contents = page.get("/Contents")  # type: ignore[attr-defined]
    if contents is None:
        return 0
    contents = contents.get_object()
    streams = list(contents) if isinstance(contents, ArrayObject) else [contents]
    total = 0
    for ref in streams:
        stream = ref.get_object()
        raw = getattr(stream, "_data", b"") or b""
        filters = stream.get("/Filter")
        filters = filters.get_object() if filters is not None else None
        first = (filters[0] if isinstance(filters, ArrayObject) and filters else filters)
        if first not in ("/FlateDecode", "/Fl"):
            total += len(raw)
            continue
        inflate = zlib.decompressobj()
        pending = raw
        while pending and total <= MAX_PAGE_CONTENT_BYTES:
            try:
                chunk = inflate.decompress(pending, 1 << 20)
            except zlib.error:
                break  # damaged: pypdf's own reading decides
            total += len(chunk)
            pending = inflate.unconsumed_tail
            if not chunk and not pending:
                break
        if total > MAX_PAGE_CONTENT_BYTES:
            break
    return total


def open_image(doc: SourceDocument, fit: tuple[int, int] | None = None,
               edits: Edits | None = None, tolerance: float = 1.0) -> Image.Image:
    """Decode an accepted image upright, on white, edited, and no larger than ``fit`` pixels
    (or up to ``tolerance`` times larger, when resizing would cost more than it saves).

    For JPEG, ``draft`` decodes at 1/2, 1/4 or 1/8 scale in the DCT domain — far cheaper than a
    full decode and a resize (docs/design.md, "Measured pitfalls"); orientation comes after it.
    """
    startup.start_up_done()  # as in read_document
    if doc.file_type is FileType.HEIC:
        heic_supported()  # registers the HEIC opener in this process
    with image_errors(doc.path), Image.open(doc.path) as src:
        img: Image.Image = src
        if src.format != "JPEG" and decoded_bytes(src) > MAX_DECODED_BYTES:
            raise _too_many_bytes(doc.path, src)
        if fit and src.format == "JPEG":
            want_w, want_h = fit
            if _swaps_axes(doc.orientation, edits):
                want_w, want_h = want_h, want_w
            if edits and edits.crop:
                left, top, right, bottom = edits.crop
                want_w = round(want_w / max(right - left, 0.05))
                want_h = round(want_h / max(bottom - top, 0.05))
            src.draft("RGB", _cover_size(src.size, (want_w, want_h)))
        img.load()
        if fit and src.format != "JPEG":
            # No draft for PNG or HEIC: shrink by a whole factor before any copy is made
            # (flattening an RGBA picture copies it twice), so the peak stays one decode.
            img = _reduce_for(img, fit, doc.orientation, edits)
        img = flatten(img)
    img = apply_orientation(img, doc.orientation)
    img = apply_edits(img, edits)
    if fit:
        img = fit_within(img, fit, tolerance)
    return img


def _reduce_for(img: Image.Image, fit: tuple[int, int], orientation: int,
                edits: Edits | None) -> Image.Image:
    want_w, want_h = fit
    if _swaps_axes(orientation, edits):
        want_w, want_h = want_h, want_w
    if edits and edits.crop:
        left, top, right, bottom = edits.crop
        want_w = round(want_w / max(right - left, 0.05))
        want_h = round(want_h / max(bottom - top, 0.05))
    factor = int(min(img.width / max(want_w, 1), img.height / max(want_h, 1)))
    if factor < 2:
        return img
    if img.mode in ("RGB", "RGBA", "L", "LA", "RGBa", "La"):
        return img.reduce(factor)
    # Palette and other modes: nearest-neighbour keeps the mode (flattened after).
    return img.resize((max(1, img.width // factor), max(1, img.height // factor)),
                      Image.Resampling.NEAREST)


def _cover_size(size: tuple[int, int], box: tuple[int, int]) -> tuple[int, int]:
    """The smallest size of ``size``'s shape that fits ``box`` exactly on one side."""
    scale = min(box[0] / size[0], box[1] / size[1], 1.0)
    return max(1, int(size[0] * scale)), max(1, int(size[1] * scale))


def fit_within(img: Image.Image, box: tuple[int, int], tolerance: float = 1.0) -> Image.Image:
    target = _cover_size(img.size, box)
    if img.width <= target[0] * tolerance and img.height <= target[1] * tolerance:
        return img
    return img.resize(target, Image.Resampling.BILINEAR, reducing_gap=2.0)


def read_checked(path: str | os.PathLike[str], *, max_bytes: int = MAX_FILE_BYTES
                 ) -> tuple[SourceDocument, bytes]:
    """The same checks as the Appeal page (:func:`read_document`: real type, size from the
    file system before any byte is read, full decode at reduced scale), then the bytes, read
    at most ``max_bytes`` + 1 so a file that grew meanwhile is refused too.

    For every command that stores a file (``doc add``, ``enterprise doc add``)."""
    source = read_document(path, max_bytes=max_bytes)
    try:
        with open(source.path, "rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as exc:
        raise _refuse(source.path, "permission", f"cannot be read ({exc.strerror}).",
                      f"无法读取（{exc.strerror}）。") from exc
    if len(data) != source.size_bytes:
        raise _refuse(source.path, "corrupt", "the file changed while it was read; add it "
                      "again once it is complete.", "读取时文件发生变化，请在文件完整后重新添加。")
    return source, data
