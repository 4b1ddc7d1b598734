"""The upload kit never deletes or overwrites what it did not write, never follows a link,
writes its files for the owner only, and keeps only the pages of an imported PDF (issue 13,
items 2-4), with names the upload forms accept (issue 9, item 8)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject, TextStringObject

from app.appeal.documents import PackageDocument
from app.appeal.intake import IntakeError
from app.appeal.kit import KIT_MARKER, MAX_NAME_CHARS, build_kit, kit_name

from .samples import pdf_file, photo


def _docs(tmp_path: Path) -> list[PackageDocument]:
    return [PackageDocument(kind="business_license", path=photo(tmp_path / "licence.jpg")),
            PackageDocument(kind="evidence", path=pdf_file(tmp_path / "evidence.pdf"))]


def test_a_folder_holding_the_users_files_is_refused_and_left_alone(tmp_path):
    folder = tmp_path / "kit"
    folder.mkdir()
    trip = folder / "01_family_trip.jpg"
    tax = folder / "07_tax_return_2025.pdf"
    trip.write_bytes(b"holiday")
    tax.write_bytes(b"tax")
    with pytest.raises(IntakeError) as info:
        build_kit(_docs(tmp_path), "x", folder)
    assert "did not write" in info.value.message.en and "未做任何改动" in info.value.message.zh_CN
    assert trip.read_bytes() == b"holiday" and tax.read_bytes() == b"tax"
    assert sorted(p.name for p in folder.iterdir()) == [trip.name, tax.name]
    assert not (tmp_path / "kit.zip").exists()


def test_a_file_added_to_an_earlier_kit_folder_is_not_deleted(tmp_path):
    folder = tmp_path / "kit"
    build_kit(_docs(tmp_path), "x", folder, make_zip=False)
    mine = folder / "01_family_trip.jpg"
    mine.write_bytes(b"holiday")
    with pytest.raises(IntakeError):
        build_kit(_docs(tmp_path), "x", folder, make_zip=False)
    assert mine.read_bytes() == b"holiday"


def test_rebuilding_replaces_only_the_files_the_app_wrote(tmp_path):
    folder = tmp_path / "kit"
    first = build_kit(_docs(tmp_path), "x", folder)
    second = build_kit(_docs(tmp_path)[:1], "y", folder)
    names = {p.name for p in folder.iterdir()} - {KIT_MARKER}
    assert names == {f.name for f in second.files} | {second.statement_file}
    assert len(first.files) == 2 and len(second.files) == 1


def test_a_planted_link_is_never_followed(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    folder = tmp_path / "kit"
    build_kit(_docs(tmp_path), "x", folder, make_zip=False)
    statement = next(folder.glob("*.txt"))
    statement.unlink()
    statement.symlink_to(victim)
    with pytest.raises(IntakeError):
        build_kit(_docs(tmp_path), "x", folder, make_zip=False)
    assert victim.read_text() == "precious"
    # the kit folder itself a link: refused too
    target = tmp_path / "elsewhere"
    target.mkdir()
    link = tmp_path / "linked"
    link.symlink_to(target)
    with pytest.raises(IntakeError):
        build_kit(_docs(tmp_path), "x", link, make_zip=False)
    assert list(target.iterdir()) == []


def test_a_foreign_zip_beside_the_folder_is_not_overwritten(tmp_path):
    theirs = tmp_path / "kit.zip"
    theirs.write_bytes(b"their archive")
    with pytest.raises(IntakeError):
        build_kit(_docs(tmp_path), "x", tmp_path / "kit")
    assert theirs.read_bytes() == b"their archive" and not (tmp_path / "kit").exists()


def test_kit_files_are_private_whatever_the_umask(tmp_path):
    old = os.umask(0o000)
    try:
        result = build_kit(_docs(tmp_path), "x", tmp_path / "kit")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "kit").stat().st_mode) == 0o700
    for path in [*(tmp_path / "kit").iterdir(), result.zip_path]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_names_fit_the_upload_forms(tmp_path):
    name = kit_name("01_" + "很长的证明材料 名称 " * 20, ".jpg")
    assert len(name) <= MAX_NAME_CHARS and " " not in name and name.endswith(".jpg")
    result = build_kit(_docs(tmp_path), "x", tmp_path / "kit", make_zip=False)
    for f in [*(f.name for f in result.files), result.statement_file]:
        assert len(f) <= MAX_NAME_CHARS and " " not in f
    assert all(f.after_bytes <= 2 * 1024 * 1024 for f in result.files if f.name.endswith(".jpg"))


def _hostile_pdf(path: Path) -> Path:
    source = PdfReader(pdf_file(path.with_name("plain.pdf"), pages=2))
    writer = PdfWriter(clone_from=source)
    action = DictionaryObject({NameObject("/S"): NameObject("/JavaScript"),
                               NameObject("/JS"): TextStringObject("app.alert('hi');")})
    writer.root_object[NameObject("/OpenAction")] = writer._add_object(action)
    writer.add_attachment("payload.exe", b"MZ-not-really-an-exe")
    xmp = DecodedStreamObject()
    xmp.set_data(b"<x:xmpmeta>page-secret-author</x:xmpmeta>")
    xmp.update({NameObject("/Type"): NameObject("/Metadata"),
                NameObject("/Subtype"): NameObject("/XML")})
    writer.pages[0][NameObject("/Metadata")] = writer._add_object(xmp)
    doc_xmp = DecodedStreamObject()
    doc_xmp.set_data(b"<x:xmpmeta>document-secret-author</x:xmpmeta>")
    writer._add_object(doc_xmp)  # unlinked: still in the bytes of a plain copy
    writer.add_metadata({"/Author": "secret-author"})
    with open(path, "wb") as f:
        writer.write(f)
    return path


def test_an_imported_pdf_keeps_only_its_pages(tmp_path):
    hostile = _hostile_pdf(tmp_path / "hostile.pdf")
    assert b"/JavaScript" in hostile.read_bytes()
    doc = PackageDocument(kind="evidence", path=hostile)
    result = build_kit([doc], "x", tmp_path / "kit", make_zip=False)
    data = (tmp_path / "kit" / result.files[0].name).read_bytes()
    for needle in (b"/JavaScript", b"/EmbeddedFile", b"payload.exe", b"MZ-not", b"xmpmeta",
                   b"secret-author", b"/OpenAction", b"/Names"):
        assert needle not in data, needle
    reader = PdfReader(tmp_path / "kit" / result.files[0].name)
    assert len(reader.pages) == 2 and "Evidence page" in reader.pages[0].extract_text()


def test_the_folder_is_checked_before_anything_is_written(tmp_path):
    from app.appeal.kit import check_kit_folder

    folder = tmp_path / "kit"
    folder.mkdir()
    (folder / "01_family_trip.jpg").write_bytes(b"holiday")
    with pytest.raises(IntakeError):
        check_kit_folder(folder)
    check_kit_folder(tmp_path / "new")  # a new folder: fine, and not created by the check
    assert not (tmp_path / "new").exists()
