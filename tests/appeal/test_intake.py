"""The bad-file corpus: each file refused with its own message; good files accepted."""

from __future__ import annotations

import io
import os
import struct
import time
import zlib
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter

from app.appeal.intake import (
    Edits,
    FileType,
    IntakeError,
    open_image,
    read_document,
    sniff,
)

from .samples import pdf_file, photo


def _refusal(path: Path, **kwargs) -> IntakeError:
    with pytest.raises(IntakeError) as info:
        read_document(path, **kwargs)
    error = info.value
    assert path.name in error.message.en and path.name in error.message.zh_CN
    return error


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def bomb_png(path: Path, width: int = 30000, height: int = 30000) -> Path:
    """A real one-bit PNG: 30000×30000 is about 100 KB on disk, 900 megapixels decoded."""
    row = b"\x00" * (1 + (width + 7) // 8)
    packer = zlib.compressobj(9)
    body = b"".join(packer.compress(row * 500) for _ in range(height // 500)) + packer.flush()
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr)
                     + _png_chunk(b"IDAT", body) + _png_chunk(b"IEND", b""))
    return path


def test_zero_bytes(tmp_path):
    path = tmp_path / "empty.jpg"
    path.write_bytes(b"")
    error = _refusal(path)
    assert error.reason == "empty" and "0 bytes" in error.message.en


def test_truncated_jpeg(tmp_path):
    whole = photo(tmp_path / "whole.jpg", (1200, 900)).read_bytes()
    path = tmp_path / "truncated.jpg"
    path.write_bytes(whole[: len(whole) // 2])
    error = _refusal(path)
    assert error.reason == "truncated" and "truncated" in error.message.en


def test_garbage_with_image_header(tmp_path):
    path = tmp_path / "garbage.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2000))
    assert _refusal(path).reason == "corrupt"


def test_wrong_extension_content_wins_and_user_is_told(tmp_path):
    path = tmp_path / "scan.jpg"
    Image.new("RGB", (1200, 900), "white").save(path, "PNG")
    doc = read_document(path)
    assert doc.file_type is FileType.PNG
    [note] = [n for n in doc.notes if n.code == "extension_mismatch"]
    assert "scan.jpg" in note.message.en and "PNG" in note.message.en


def test_not_an_image_at_all(tmp_path):
    path = tmp_path / "licence.jpg"
    path.write_text("this is a text file", encoding="utf-8")
    error = _refusal(path)
    assert error.reason == "unsupported"


def test_password_protected_pdf(tmp_path):
    plain = pdf_file(tmp_path / "plain.pdf")
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    path = tmp_path / "locked.pdf"
    writer.write(path)
    error = _refusal(path)
    assert error.reason == "encrypted" and "password" in error.message.en


def test_owner_password_only_pdf_is_accepted_with_a_note(tmp_path):
    writer = PdfWriter(clone_from=PdfReader(pdf_file(tmp_path / "plain.pdf", pages=2)))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-128")
    path = tmp_path / "restricted.pdf"
    writer.write(path)
    doc = read_document(path)
    assert doc.page_count == 2 and [n.code for n in doc.notes] == ["owner_password"]


def test_corrupt_pdf(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage")
    assert _refusal(path).reason == "corrupt"


@pytest.mark.parametrize("width,height", [(30000, 30000), (12000, 11000)])
def test_decompression_bomb_is_refused_quickly(tmp_path, width, height, recwarn):
    path = bomb_png(tmp_path / "bomb.png", width, height)
    assert path.stat().st_size < 2_000_000
    started = time.perf_counter()
    error = _refusal(path)
    assert error.reason == "bomb" and "megapixels" in error.message.en
    assert time.perf_counter() - started < 1.0
    assert not [w for w in recwarn if issubclass(w.category, Image.DecompressionBombWarning)]


def test_unreadable_paths(tmp_path):
    folder = tmp_path / "a_folder.jpg"
    folder.mkdir()
    assert _refusal(folder).reason == "not_a_file"
    link = tmp_path / "dangling.jpg"
    link.symlink_to(tmp_path / "gone.jpg")
    error = _refusal(link)
    assert error.reason == "missing" and "no longer exists" in error.message.en
    assert _refusal(tmp_path / "never.jpg").reason == "missing"


def test_each_refusal_has_its_own_message(tmp_path):
    messages = set()
    for make in (lambda p: p.write_bytes(b""), lambda p: p.mkdir(),
                 lambda p: p.write_text("hello")):
        path = tmp_path / f"f{len(messages)}.jpg"
        make(path)
        messages.add(_refusal(path).message.en.split(": ", 1)[1])
    assert len(messages) == 3


def test_size_cap(tmp_path):
    path = photo(tmp_path / "big.jpg", (1200, 900))
    error = _refusal(path, max_bytes=10_000)
    assert error.reason == "too_large"


@pytest.mark.parametrize("orientation,size,red_corner", [
    (None, (200, 100), (0, 0)), (0, (200, 100), (0, 0)), (1, (200, 100), (0, 0)),
    (6, (100, 200), (99, 0)), (8, (100, 200), (0, 199)), (3, (200, 100), (199, 99)),
    (99, (200, 100), (0, 0)),
])
def test_exif_orientation_including_invalid_values(tmp_path, orientation, size, red_corner):
    path = photo(tmp_path / "o.jpg", (200, 100), orientation=orientation)
    doc = read_document(path)
    assert (doc.width, doc.height) == size
    img = open_image(doc)
    assert img.size == size
    r, g, b = img.getpixel(red_corner)
    assert r > 180 and g < 90 and b < 90


def test_transparency_is_flattened_on_white(tmp_path):
    path = tmp_path / "screenshot.png"
    img = Image.new("RGBA", (1200, 800), (0, 0, 0, 0))
    img.paste((0, 0, 255, 255), (0, 0, 100, 100))
    img.save(path)
    doc = read_document(path)
    assert "transparency" in [n.code for n in doc.notes]
    flat = open_image(doc)
    assert flat.mode == "RGB"
    assert flat.getpixel((600, 400)) == (255, 255, 255)
    assert flat.getpixel((50, 50)) == (0, 0, 255)


def test_palette_png_with_transparency(tmp_path):
    path = tmp_path / "p.png"
    img = Image.new("P", (1100, 10), 0)
    img.putpalette([0, 0, 0, 255, 0, 0])
    img.info["transparency"] = 0
    img.save(path, transparency=0)
    assert open_image(read_document(path)).getpixel((5, 5)) == (255, 255, 255)


def test_low_resolution_warning(tmp_path):
    doc = read_document(photo(tmp_path / "tiny.jpg", (320, 200)))
    [note] = [n for n in doc.notes if n.code == "low_resolution"]
    assert "320×200" in note.message.en


def test_rotate_and_crop(tmp_path):
    doc = read_document(photo(tmp_path / "e.jpg", (200, 100)))
    turned = open_image(doc, edits=Edits(rotate=90))
    assert turned.size == (100, 200)
    assert turned.getpixel((99, 0))[0] > 180  # top-left corner went to the top right
    cropped = open_image(doc, edits=Edits(crop=(0.0, 0.0, 0.5, 0.5)))
    assert cropped.size == (100, 50)
    with pytest.raises(ValueError):
        open_image(doc, edits=Edits(crop=(0.6, 0.0, 0.5, 1.0)))


def test_fit_uses_draft_and_keeps_orientation(tmp_path):
    doc = read_document(photo(tmp_path / "p.jpg", (2400, 1800), orientation=6))
    img = open_image(doc, fit=(450, 600))
    assert img.size == (450, 600)


def test_sniff():
    assert sniff(b"\xff\xd8\xff\xe0") is FileType.JPEG
    assert sniff(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00") is FileType.HEIC
    assert sniff(b"junk%PDF-1.4") is FileType.PDF
    assert sniff(b"GIF89a") is None


def test_heic_is_read_when_pillow_heif_can(tmp_path):
    pillow_heif = pytest.importorskip("pillow_heif")
    path = tmp_path / "photo.heic"
    try:
        pillow_heif.from_pillow(Image.new("RGB", (1200, 900), "navy")).save(path, quality=80)
    except Exception as exc:  # the wheel may come without an encoder
        if os.environ.get("CI", "").lower() == "true":  # CI's wheel encodes: a real failure
            raise
        pytest.skip(f"pillow-heif cannot encode here: {exc}")
    doc = read_document(path)
    assert doc.file_type is FileType.HEIC
    assert open_image(doc).size == (1200, 900)


def test_nothing_is_lost_on_refusal(tmp_path):
    good = photo(tmp_path / "good.jpg", (1200, 900))
    before = good.read_bytes()
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(before[:100])
    with pytest.raises(IntakeError):
        read_document(bad)
    assert good.read_bytes() == before and read_document(good).file_type is FileType.JPEG
    assert io.BytesIO(before).read(3) == b"\xff\xd8\xff"
