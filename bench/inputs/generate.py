"""The large and hostile inputs of issue 13, generated once and cached.

Each input is what a user (or an attacker) could hand the app: very large but legitimate
files that must be accepted within the memory goal, and files that must be refused quickly.
"""

from __future__ import annotations

import io
import json
import os
import struct
import tempfile
import zipfile
import zlib
from pathlib import Path

CACHE = Path(os.environ.get("TMPDIR", tempfile.gettempdir())) / "wecom-appeal-bench" / "inputs"
PASSPHRASE = "bench passphrase 1"


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def png(path: Path, width: int, height: int, depth: int, colour: int, channels: int) -> None:
    """A real PNG (every row present), streamed: white rows compress to almost nothing."""
    row = b"\x00" + b"\xff" * (width * channels * depth // 8)
    compressor = zlib.compressobj(6)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(_png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, depth, colour,
                                                0, 0, 0)))
        block = bytearray()
        for _ in range(height):
            block += compressor.compress(row)
            if len(block) > 1 << 20:
                f.write(_png_chunk(b"IDAT", bytes(block)))
                block.clear()
        block += compressor.flush()
        f.write(_png_chunk(b"IDAT", bytes(block)))
        f.write(_png_chunk(b"IEND", b""))


def jpeg(path: Path, width: int, height: int) -> None:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (width, height), (235, 232, 225))
    draw = ImageDraw.Draw(img)
    for y in range(200, height - 200, 160):
        draw.rectangle((300, y, width - 300, y + 40), fill=(40, 40, 40))
    img.save(path, "JPEG", quality=85)


def jpeg_claiming(path: Path, width: int, height: int) -> None:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), "white").save(buffer, "JPEG")
    data = bytearray(buffer.getvalue())
    sof = data.find(b"\xff\xc0")
    data[sof + 5:sof + 9] = struct.pack(">HH", height, width)
    path.write_bytes(bytes(data))


def pdf_pages(path: Path, pages: int) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    with open(path, "wb") as f:
        writer.write(f)


def pdf_content_bomb(path: Path, inflated: int) -> None:
    """One page whose content stream is ``inflated`` bytes of spaces, deflated to ~1/1000."""
    compressor = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    parts = [compressor.compress(chunk) for _ in range(inflated >> 20)]
    stream = b"".join(parts) + compressor.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream
        + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    path.write_bytes(bytes(out))


def archive_with_inflating_entry(path: Path, inflated: int) -> None:
    """A correctly sealed archive (the passphrase is known) whose document entry inflates
    to ``inflated`` bytes."""
    from app.store import archive

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", json.dumps({
            "format": "wecom-appeal-export", "kind": "workspace", "schema_version": 1,
            "created": "2026-01-01T00:00:00+00:00", "cases": []}))
        with zf.open("documents/" + "0" * 32 + ".bin", "w", force_zip64=True) as entry:
            zero = bytes(1 << 20)
            for _ in range(inflated >> 20):
                entry.write(zero)
    path.write_bytes(archive.seal(buffer.getvalue(), PASSPHRASE, "workspace",
                                  "2026-01-01T00:00:00+00:00", scrypt_n=2**14))


def archive_with_costly_kdf(path: Path) -> None:
    from app.store import archive

    sealed = archive.seal(b"x", PASSPHRASE, "workspace", "2026-01-01", scrypt_n=2**14)
    start = len(archive.MAGIC) + 4
    (length,) = struct.unpack(">I", sealed[len(archive.MAGIC):start])
    header = json.loads(sealed[start:start + length])
    header.update(n=2**20, r=16)
    raw = json.dumps(header).encode()
    path.write_bytes(archive.MAGIC + struct.pack(">I", len(raw)) + raw
                     + sealed[start + length:])


def report(path: Path) -> None:
    path.write_text(json.dumps({"account": "member", "scope": "interop",
                                "duration": "temporary", "self_unblock_offered": True}))


def profile() -> dict:
    person = {"name": "张三", "id_number": "11010519491231002X"}
    return {"company_name": "北京示例科技有限公司", "credit_code": "91110000600037341L",
            "corp_id": "ww0123456789abcdef", "legal_person": person,
            "administrator": {**person, "phone": "13800138000"}}


def case(path: Path, documents: list[tuple[str, Path]]) -> None:
    path.write_text(json.dumps({
        "profile": profile(),
        "report": {"account": "enterprise", "scope": "account", "duration": "permanent"},
        "documents": [{"kind": kind, "path": str(p)} for kind, p in documents]},
        ensure_ascii=False), encoding="utf-8")


def make_corpus(folder: Path = CACHE) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    steps = {
        "photo_108mp.jpg": lambda p: jpeg(p, 12_000, 9_000),
        "png_8bit_49mp.png": lambda p: png(p, 7_000, 7_000, 8, 2, 3),
        "png_16bit_rgba_10950.png": lambda p: png(p, 10_950, 10_950, 16, 6, 4),
        "jpeg_claims_65500.jpg": lambda p: jpeg_claiming(p, 65_500, 65_500),
        "pdf_200_pages.pdf": lambda p: pdf_pages(p, 200),
        "pdf_5000_pages.pdf": lambda p: pdf_pages(p, 5000),
        "pdf_stream_1_5gb.pdf": lambda p: pdf_content_bomb(p, 1536 << 20),
        "archive_entry_1_5gb.wae": lambda p: archive_with_inflating_entry(p, 1536 << 20),
        "archive_kdf_n20_r16.wae": archive_with_costly_kdf,
        "report.json": report,
    }
    for name, make in steps.items():
        path = folder / name
        if not path.exists():
            print(f"generating {name} …", flush=True)
            make(path)
    sparse = folder / "sparse_2gb.jpg"
    if not sparse.exists():
        with open(sparse, "wb") as f:
            f.write(b"\xff\xd8\xff\xe0")
            f.truncate(2 * 1024**3)  # takes no disk space
    case(folder / "case_large.json", [("business_license", folder / "photo_108mp.jpg"),
                                      ("evidence", folder / "png_8bit_49mp.png"),
                                      ("evidence", folder / "pdf_200_pages.pdf")])
    return folder


if __name__ == "__main__":
    print(make_corpus())
