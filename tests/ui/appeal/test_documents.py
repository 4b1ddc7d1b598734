"""Adding documents to the Appeal page: drag and drop, paste, refusals, rotate, crop, undo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.ui.pages.appeal import AppealPage

from .helpers import drop, file_mime, make_pdf, make_picture, truncated_jpeg


def names(page: AppealPage, kind: str) -> list[str]:
    return [e.stored.filename for e in page.documents.states[kind].entries]


def thumbnail(page: AppealPage, kind: str) -> QImage:
    slot = page.documents.slots[kind]
    item = slot.thumbnails.item(slot.thumbnails.currentRow())
    return item.icon().pixmap(slot.thumbnails.iconSize()).toImage()


def test_dropping_a_png_and_a_jpeg_fills_the_slots(page, tmp_path):
    licence = make_picture(tmp_path / "licence.png", fmt="PNG")
    front = make_picture(tmp_path / "front.jpg")
    drop(page.documents.slots["business_license"], file_mime(licence))
    drop(page.documents.slots["legal_person_id_front"], file_mime(front))

    assert names(page, "business_license") == ["licence.png"]
    assert names(page, "legal_person_id_front") == ["front.jpg"]
    slot = page.documents.slots["business_license"]
    assert slot.thumbnails.count() == 1 and not thumbnail(page, "business_license").isNull()
    assert not slot.message.isVisible(), "a good file leaves no message"
    kinds = [d.kind for d in page.documents.documents()]
    assert kinds == ["business_license", "legal_person_id_front"]


def test_a_corrupt_drop_names_the_file_and_keeps_the_previous_document(page, tmp_path):
    slot = page.documents.slots["business_license"]
    drop(slot, file_mime(make_picture(tmp_path / "licence.jpg")))
    drop(slot, file_mime(truncated_jpeg(tmp_path / "broken.jpg")))

    assert names(page, "business_license") == ["licence.jpg"]
    assert slot.message.isVisible()
    assert "broken.jpg" in slot.message.text()
    assert "incomplete" in slot.message.text() or "damaged" in slot.message.text()
    assert slot.message.property("level") == "error"

    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    drop(page.documents.slots["evidence"], file_mime(empty))
    assert "empty.png" in page.documents.slots["evidence"].message.text()
    assert names(page, "evidence") == []
    assert names(page, "business_license") == ["licence.jpg"], "nothing else is lost"


def test_many_files_go_into_a_multi_document_slot_and_pdfs_are_accepted(page, tmp_path):
    files = [make_picture(tmp_path / "notice1.png", (1200, 2400), "PNG"),
             make_pdf(tmp_path / "notice2.pdf")]
    drop(page.documents.slots["notice_screenshot"], file_mime(*files))
    assert names(page, "notice_screenshot") == ["notice1.png", "notice2.pdf"]
    slot = page.documents.slots["notice_screenshot"]
    assert not slot.rotate_button.isEnabled(), "a PDF is not turned in the app"
    slot.thumbnails.setCurrentRow(0)
    page.documents._refresh("notice_screenshot")
    assert slot.rotate_button.isEnabled()


def test_ctrl_v_pastes_a_picture_from_the_clipboard(page, qtbot):
    image = QImage(1400, 900, QImage.Format.Format_RGB32)
    image.fill(QColor("#c8d7eb"))
    QApplication.clipboard().setImage(image)
    slot = page.documents.slots["legal_person_holding_id"]
    slot.setFocus()
    QTest.keyClick(slot, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    entries = page.documents.states["legal_person_holding_id"].entries
    assert len(entries) == 1
    assert (entries[0].source.width, entries[0].source.height) == (1400, 900)
    # With the thumbnails focused (the slot's child), Ctrl+V still pastes into the slot.
    slot.thumbnails.setFocus()
    QTest.keyClick(slot.thumbnails, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(entries) == 1, "one document per slot: the paste replaced the first"
    assert entries[0].stored.filename.startswith("pasted-")
    assert slot.undo_button.isVisibleTo(slot)


def test_paste_without_a_picture_says_so(page):
    QApplication.clipboard().setText("not a picture")
    page.documents.paste("evidence")
    assert "no picture" in page.documents.slots["evidence"].message.text()


def test_low_resolution_is_a_warning_in_the_slot(page, tmp_path):
    small = make_picture(tmp_path / "small.jpg", (640, 400))
    drop(page.documents.slots["legal_person_id_back"], file_mime(small))
    slot = page.documents.slots["legal_person_id_back"]
    assert names(page, "legal_person_id_back") == ["small.jpg"]
    assert slot.message.property("level") == "warning"
    assert "640×400" in slot.message.text()


def test_rotate_turns_the_picture_and_the_thumbnail(page, tmp_path):
    drop(page.documents.slots["business_license"],
         file_mime(make_picture(tmp_path / "licence.jpg", (1600, 1000))))
    before = thumbnail(page, "business_license")
    page.documents.slots["business_license"].rotate_button.click()
    entry = page.documents.states["business_license"].entries[0]
    assert entry.edits is not None and entry.edits.rotate == 90
    assert page.documents.documents()[0].edits.rotate == 90
    after = thumbnail(page, "business_license")
    # Landscape before, portrait after: the red corner moved from top-left to top-right.
    assert before.width() > before.height() or after.height() > after.width()
    red = [after.pixelColor(after.width() - 3, 3), after.pixelColor(3, 3)]
    assert red[0].red() > 180 and red[0].green() < 90, "top-right is red after a quarter turn"
    assert red[1].green() > 150, "top-left is no longer red"
    for _ in range(3):
        page.documents.rotate("business_license")
    assert entry.edits is None, "four quarter turns are no edit at all"


def test_crop_keeps_the_rectangle_and_warns_when_it_gets_small(page, answers, tmp_path):
    drop(page.documents.slots["business_license"],
         file_mime(make_picture(tmp_path / "licence.jpg", (1600, 1000))))
    answers.crop = ((0.0, 0.0, 0.5, 0.5),)
    page.documents.slots["business_license"].crop_button.click()
    entry = page.documents.states["business_license"].entries[0]
    assert entry.edits.crop == (0.0, 0.0, 0.5, 0.5)
    slot = page.documents.slots["business_license"]
    assert slot.message.property("level") == "warning"
    assert "800×500" in slot.message.text()
    answers.crop = None  # cancelled: nothing changes
    page.documents.crop("business_license")
    assert entry.edits.crop == (0.0, 0.0, 0.5, 0.5)


def test_remove_and_undo(page, tmp_path):
    slot = page.documents.slots["business_license"]
    drop(slot, file_mime(make_picture(tmp_path / "licence.jpg")))
    slot.setFocus()
    slot.remove_button.click()
    assert names(page, "business_license") == []
    assert slot.undo_button.isVisibleTo(slot) and "licence.jpg" in slot.message.text()
    slot.undo_button.click()
    assert names(page, "business_license") == ["licence.jpg"]
    assert not slot.undo_button.isVisibleTo(slot)


def test_replacing_a_single_document_can_be_undone(page, tmp_path):
    slot = page.documents.slots["business_license"]
    drop(slot, file_mime(make_picture(tmp_path / "old.jpg")))
    drop(slot, file_mime(make_picture(tmp_path / "new.jpg")))
    assert names(page, "business_license") == ["new.jpg"]
    slot.undo_button.click()
    assert names(page, "business_license") == ["old.jpg"]


def test_completeness_panel_follows_the_slots(page, tmp_path):
    def shown() -> str:
        lst = page.ui.completenessList
        return "\n".join(lst.item(i).text() for i in range(lst.count()))

    assert "Missing: Business licence" in shown()
    assert "Missing: Legal person's ID card (photo side)" in shown()
    assert "The statement still asks:" in shown(), "its placeholders are listed"
    page.ui.statementEdit.setPlainText("我们的申诉说明，已由管理员全文填写。")
    assert "The statement still asks:" not in shown()
    drop(page.documents.slots["business_license"],
         file_mime(make_picture(tmp_path / "licence.jpg")))
    assert "Missing: Business licence" not in shown()
    assert "✓ Business licence" in shown()
    for kind in ("legal_person_id_front", "legal_person_id_back", "legal_person_holding_id",
                 "seal_authorization_letter"):
        drop(page.documents.slots[kind], file_mime(make_picture(tmp_path / f"{kind}.jpg")))
    assert "complete for this route" in shown()
    page.documents.slots["business_license"].remove_button.click()
    assert "Missing: Business licence" in shown()


def test_a_route_without_documents_needs_none(page):
    combo = page.ui.routeCombo
    combo.setCurrentIndex(combo.findData("admin_unblock_request"))
    combo.activated.emit(combo.currentIndex())
    assert page.documents.missing() == []
    lst = page.ui.completenessList
    items = [lst.item(i).text() for i in range(lst.count())]
    assert "This route needs no appeal package." in items
    assert any("admin console" in item for item in items), "the route's own next step"
    assert not any("complete" in item for item in items), "never complete for an empty package"
