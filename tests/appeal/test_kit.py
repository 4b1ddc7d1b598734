from __future__ import annotations

import zipfile

from PIL import Image
from progress_messages import assert_progress_messages
from pypdf import PdfReader

from app.appeal.case import load_case
from app.appeal.kit import build_kit
from app.appeal.watermark import WatermarkSpec


def test_kit_files_in_order_under_the_cap_without_exif(case_dir, tmp_path, cjk_font):
    case, _ = load_case(str(case_dir / "case.json"))
    folder = tmp_path / "kit"
    cap = 150 * 1024
    calls = []
    result = build_kit(case.documents, "申诉说明。" * 100, folder, size_cap=cap,
                       char_limit=120, watermark=WatermarkSpec(), font=cjk_font,
                       progress=lambda *a: calls.append(a))
    rendered = assert_progress_messages(c[2] for c in calls)
    assert rendered[0] == ("Prepared 01_营业执照.jpg", "已准备 01_营业执照.jpg")
    names = [f.name for f in result.files]
    assert names == ["01_营业执照.jpg", "02_法定代表人身份证（人像面）.jpg",
                     "03_法定代表人身份证（国徽面）.jpg", "04_法定代表人手持身份证照片.jpg",
                     "05_授权委托书（盖章）.pdf", "06_其他证明材料.pdf"]
    for f in result.files:
        path = folder / f.name
        assert path.stat().st_size == f.after_bytes <= cap and not f.over_cap
        if path.suffix == ".jpg":
            with Image.open(path) as img:
                assert len(img.getexif()) == 0 and "exif" not in img.info
        else:
            reader = PdfReader(path)
            assert not reader.metadata and "/Metadata" not in reader.trailer["/Root"]
    # the licence photo (orientation 6, GPS) came out upright and without its GPS block
    with Image.open(folder / names[0]) as licence:
        assert licence.height > licence.width
    assert b"TestPhone" not in (folder / names[0]).read_bytes()
    text = (folder / result.statement_file).read_text(encoding="utf-8")
    assert len(text.strip()) <= 120 and result.statement_shortened
    assert text.strip().endswith("。")
    with zipfile.ZipFile(result.zip_path) as archive:
        assert sorted(archive.namelist()) == sorted(f"kit/{n}" for n in
                                                    [*names, result.statement_file])
    assert calls[-1][0] == calls[-1][1]


def test_a_tight_cap_downscales_and_reports_sizes(case_dir, tmp_path):
    case, _ = load_case(str(case_dir / "case.json"))
    licence = [d for d in case.documents if d.kind == "business_license"]
    result = build_kit(licence, "short", tmp_path / "k", size_cap=20 * 1024, make_zip=False)
    [entry] = result.files
    assert entry.after_bytes <= 20 * 1024 < entry.before_bytes
    assert result.zip_path is None and not result.statement_shortened


def test_rebuilding_replaces_the_previous_kit(case_dir, tmp_path):
    case, _ = load_case(str(case_dir / "case.json"))
    folder = tmp_path / "k"
    build_kit(case.documents, "x", folder, make_zip=False)
    build_kit(case.documents[:1], "x", folder, make_zip=False)
    assert len([p for p in folder.iterdir() if p.suffix in (".jpg", ".pdf")]) == 1


def test_a_small_upright_jpeg_keeps_its_pixels_and_loses_its_metadata(tmp_path):
    from app.appeal.documents import PackageDocument

    from .samples import photo

    path = photo(tmp_path / "scan.jpg", (1200, 900), orientation=1, gps=True)
    doc = PackageDocument(kind="evidence", path=path)
    result = build_kit([doc], "x", tmp_path / "k", make_zip=False)
    [entry] = result.files
    out = tmp_path / "k" / entry.name
    assert entry.after_bytes < entry.before_bytes
    with Image.open(out) as img, Image.open(path) as original:
        assert len(img.getexif()) == 0 and len(original.getexif()) > 0
        assert img.tobytes() == original.tobytes()  # not re-encoded
