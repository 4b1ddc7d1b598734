"""The Appeal page with the workspace, the Diagnose page, the letter and the watermark."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from app.appeal.watermark import WatermarkSpec
from app.rules.contract import RestrictionReport
from app.store.cases import create_case, engine_diagnoser
from app.store.documents import list_documents
from app.store.enterprise import current_enterprise_documents
from app.store.profile import Profile as StoredProfile
from app.store.profile import save_profile
from app.ui import accessibility
from app.ui.dialogs.watermark_preview import WatermarkPreviewDialog
from app.ui.pages.appeal import AppealPage
from app.ui.pages.diagnose import DiagnosePage

from ..store_fakes import PASSPHRASE
from .helpers import drop, file_mime, make_picture, sample_profile

ENTERPRISE = RestrictionReport(account="enterprise", scope="account", duration="unknown",
                               believes_wrongful=True)


def choose(page: AppealPage, data) -> None:
    combo = page.ui.caseCombo
    index = combo.findData(data)
    assert index >= 0, f"{data} is not offered"
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_documents_of_a_saved_case_are_kept_in_the_vault(store, make_page, tmp_path):
    ws = store.workspace()
    store.ensure_vault(None)
    stored = StoredProfile.model_validate(sample_profile().model_dump(exclude_none=True))
    save_profile(ws, stored)
    case = create_case(ws, ENTERPRISE, diagnoser=engine_diagnoser("en"),
                       restricted_on=dt.date(2026, 11, 2))

    page = make_page()
    choose(page, f"case:{case.id}")
    assert page.documents.store.persistent
    assert "kept encrypted in the workspace" in page.ui.storageNote.text()
    assert "深圳市示例科技有限公司" in page.ui.profileSummary.text()
    assert "110105********002X" in page.ui.profileSummary.text(), "ID numbers are masked"
    assert "11010519491231002X" not in page.ui.profileSummary.text()
    assert page.documents.missing()[0] == "business_license"
    drop(page.documents.slots["business_license"],
         file_mime(make_picture(tmp_path / "licence.jpg")))
    page.documents.rotate("business_license")
    page.ui.statementEdit.setPlainText("我们的申诉说明")
    page.statement_editor.save()
    # The enterprise had no licence yet: kept once, for every case (the Enterprise page).
    assert list_documents(ws, case.id) == []
    assert list(current_enterprise_documents(ws)) == ["business_license"]

    again = make_page()
    choose(again, f"case:{case.id}")
    entries = again.documents.states["business_license"].entries
    assert [e.stored.filename for e in entries] == ["licence.jpg"]
    assert entries[0].edits.rotate == 90
    assert again.ui.statementEdit.toPlainText() == "我们的申诉说明"
    again.documents.slots["business_license"].remove_button.click()
    assert "business_license" in again.documents.missing(), "left out of this package"
    assert list(current_enterprise_documents(ws)) == ["business_license"], "not deleted"
    again.documents.undo("business_license")
    assert "business_license" not in again.documents.missing()
    # The case's own evidence stays with the case.
    drop(again.documents.slots["evidence"], file_mime(make_picture(tmp_path / "chat.jpg")))
    assert [d.kind for d in list_documents(ws, case.id)] == ["evidence"]


def test_without_a_case_nothing_is_kept_for_the_session(window):
    page = window.show_page("appeal")
    assert isinstance(page, AppealPage)
    assert page.target is None and page.ui.caseCombo.currentText() == "No case yet"
    assert not page.ui.slotsHost.isEnabled(), "no documents outside a case"
    assert page.ui.statementEdit.isReadOnly()
    assert "this session only" not in page.ui.storageNote.text()
    assert "Prepare the appeal package" in page.ui.storageNote.text()
    items = [page.ui.completenessList.item(i).text()
             for i in range(page.ui.completenessList.count())]
    assert not any("complete" in item for item in items)
    assert not page.ui.buildBundleButton.isEnabled() and not page.ui.buildKitButton.isEnabled()


def test_prepare_the_package_from_a_diagnosis_opens_it_on_its_case(window, store, qtbot):
    diagnose = window.show_page("diagnose")
    assert isinstance(diagnose, DiagnosePage)
    for question, value in (("account", "enterprise"), ("duration", "unknown")):
        diagnose.set_answer(question, value)
    diagnose.next_step()
    diagnose.next_step()
    diagnose.ui.wrongfulCheck.setChecked(True)
    diagnose.next_step()
    assert diagnose.diagnosis.appeal_route == "enterprise_appeal"
    panel = diagnose.next_panel
    assert panel.prepareButton.isVisible()
    qtbot.mouseClick(panel.prepareButton, Qt.MouseButton.LeftButton)  # one click

    assert diagnose.recorded_case is not None, "the case is recorded on the way"
    assert window.current_key() == "appeal"
    page = window.page("appeal")
    assert isinstance(page, AppealPage)
    assert page.target is not None and page.target.case_id == diagnose.recorded_case
    assert page.ui.caseCombo.currentData() == f"case:{diagnose.recorded_case}"
    assert store.asked.setup == 1, "the vault is set up for the package, once"
    assert page.documents.store.persistent and page.ui.slotsHost.isEnabled()
    assert "business_license" in page.documents.missing()
    qtbot.mouseClick(page.ui.diagnoseButton, Qt.MouseButton.LeftButton)
    assert window.current_key() == "diagnose"
    window.show_page("appeal")
    page.ui.editProfileButton.click()
    assert window.current_key() == "profile"


def test_profile_problems_are_shown_inline(page):
    broken = sample_profile().model_copy(update={"credit_code": "91440300MA5DC12340"})
    page.set_profile(broken)
    assert "check character" in page.ui.profileProblems.text()
    assert page.ui.profileProblems.isVisible()
    assert any("profile has errors" in page.ui.completenessList.item(i).text()
               for i in range(page.ui.completenessList.count()))


def test_the_letter_is_generated_and_previewed(page, answers, tmp_path):
    """The first page drawn in the app, with Open (the system viewer) and Print… there."""
    answers.save_pdf = str(tmp_path / "letter.pdf")
    page.ui.letterButton.click()
    assert len(PdfReader(answers.save_pdf).pages) == 1
    assert not answers.opened, "previewed in the app first"
    (dialog,) = answers.dialogs
    image = dialog.page_image
    assert image is not None and dialog.page_count == 1
    assert image.width() / image.height() == pytest.approx(595.28 / 841.89, rel=0.01)
    assert dialog.pageLabel.pixmap() is not None and not dialog.pageLabel.pixmap().isNull()
    assert "signed and sealed" in dialog.captionLabel.text()
    dialog.show()
    assert accessibility.unnamed(dialog) == []
    dialog.openButton.click()
    assert answers.opened == [answers.save_pdf]
    answers.print_to = str(tmp_path / "printed.pdf")
    dialog.printButton.click()
    assert len(PdfReader(answers.print_to).pages) == 1
    assert "Pages sent to the printer: 1" in dialog.captionLabel.text()
    dialog.close()
    assert page.ui.openLetterButton.isEnabled()
    page.ui.openLetterButton.click()
    assert len(answers.dialogs) == 2, "the letter button shows the preview again"


def test_without_a_renderer_the_letter_opens_in_the_viewer(make_page, answers, context,
                                                           tmp_path):
    context.appeal.page_images = None
    page = make_page()
    page.set_profile(sample_profile())
    answers.save_pdf = str(tmp_path / "letter.pdf")
    page.ui.letterButton.click()
    assert answers.opened == [answers.save_pdf] and not answers.dialogs


def test_the_preview_of_a_pdf_it_cannot_draw_says_why(page, answers, tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7 damaged")
    assert page.preview_pdf(broken)
    (dialog,) = answers.dialogs
    assert dialog.page_image is None and "not a readable PDF" in dialog.pageLabel.text()
    assert not dialog.printButton.isEnabled() and dialog.openButton.isEnabled()


def test_watermark_preview_follows_the_settings(qtbot, tmp_path):
    from PIL import Image

    picture = Image.open(make_picture(tmp_path / "front.jpg", (1200, 760))).convert("RGB")
    dialog = WatermarkPreviewDialog(WatermarkSpec(), picture, "en")
    qtbot.addWidget(dialog)
    before = dialog.preview_image
    assert dialog.ui.textEdit.text() == "仅供企业微信申诉使用，他用无效"
    dialog.ui.opacitySlider.setValue(90)
    dialog.ui.angleSpin.setValue(-45)
    dialog.ui.densitySlider.setValue(20)
    dialog.ui.textEdit.setText("仅供测试")
    qtbot.waitUntil(lambda: dialog.preview_image != before, timeout=3000)
    spec = dialog.spec()
    assert (spec.opacity, spec.angle, spec.density, spec.text) == (0.9, -45, 2.0, "仅供测试")
    assert spec.date == dt.date.today()
    dialog.ui.dateCheck.setChecked(False)
    assert dialog.spec().date is None


def test_watermark_settings_are_remembered(make_page, context):
    page = make_page()
    page.package.set_watermark(WatermarkSpec(text="仅供测试", opacity=0.5))
    page.ui.sizeCapSpin.setValue(512)
    again = make_page()
    spec = again.package.watermark()
    assert spec.text == "仅供测试" and spec.opacity == 0.5
    assert again.ui.sizeCapSpin.value() == 512
    assert "仅供测试" in again.ui.watermarkSummary.text()
    again.ui.watermarkCheck.setChecked(False)
    assert again.package.watermark() is None


def test_switching_to_chinese_retranslates_the_page(window, context, case_id, tmp_path):
    context.hub.set_current_case(case_id)
    page = window.show_page("appeal")
    assert isinstance(page, AppealPage)
    drop(page.documents.slots["legal_person_id_back"],
         file_mime(make_picture(tmp_path / "small.jpg", (640, 400))))
    window.ui.actionChinese.trigger()
    slot = page.documents.slots["legal_person_id_back"]
    assert slot.title.text() == "法定代表人身份证（国徽面）"
    assert slot.add_button.text() == "添加…"
    assert "像素" in slot.message.text(), "the core's warning follows the language"
    assert page.ui.buildBundleButton.text().startswith("生成 PDF 材料包")
    assert page.ui.caseCombo.currentText().startswith(f"案件 {case_id[:6]}")
    items = [page.ui.completenessList.item(i).text()
             for i in range(page.ui.completenessList.count())]
    assert "✗ 缺少：营业执照" in items


def test_a_locked_workspace_asks_and_shows_locked_not_missing(store, make_page, context,
                                                             case_id, qtbot):
    from ..store_fakes import Asked, make_store_service

    ws = store.workspace()
    save_profile(ws, StoredProfile.model_validate(sample_profile().model_dump(
        exclude_none=True)))
    store.close()
    context.store = locked = make_store_service(store.root, asked=Asked(passphrase=None))
    try:
        page = make_page()
        qtbot.waitUntil(lambda: locked.asked.unlock == 1, timeout=2000)  # asked on showing
        assert page.locked.isVisible() and "locked" in page.locked.label.text()
        assert page.target is not None and page.target.case_id == case_id
        assert not page.documents.store.persistent and not page.ui.slotsHost.isEnabled()
        assert "workspace is locked" in page.ui.storageNote.text()
        assert "深圳市示例科技有限公司" in page.ui.profileSummary.text(), "the masked profile"
        items = [page.ui.completenessList.item(i).text()
                 for i in range(page.ui.completenessList.count())]
        assert not any("Missing" in item for item in items), items
        assert any("locked" in item for item in items)
        make_page()
        assert locked.asked.unlock == 1, "one “not now” is enough"
        locked.asked.passphrase = PASSPHRASE
        page.locked.button.click()
        assert not page.locked.isVisible()
        assert page.documents.store.persistent and page.profile is not None
        assert "business_license" in page.documents.missing()
    finally:
        locked.close()


def test_a_profile_json_file_can_be_loaded(make_page, tmp_path):
    path = tmp_path / "profile.json"
    path.write_text(sample_profile().model_dump_json(), encoding="utf-8")
    page = make_page(ask_profile_file=lambda parent, caption, suggested: str(path))
    assert page.profile is None and not page.ui.letterButton.isEnabled()
    assert not page.ui.buildBundleButton.isEnabled(), "no bundle without a profile"
    page.ui.loadProfileButton.click()
    assert page.profile == sample_profile()
    assert "深圳市示例科技有限公司" in page.ui.statementEdit.toPlainText()
    assert page.ui.letterButton.isEnabled() and page.ui.buildBundleButton.isEnabled()


def test_the_package_draft_lives_in_the_case_not_in_the_settings(page, context, store,
                                                                  case_id, tmp_path):
    from app.store import drafts

    drop(page.documents.slots["business_license"],
         file_mime(make_picture(tmp_path / "licence.jpg")))
    page.documents.rotate("business_license")
    page.ui.statementEdit.setPlainText("我们的申诉说明")
    page.statement_editor.save()
    page.package.set_watermark(WatermarkSpec(text="仅供测试", opacity=0.5))
    page.ui.dpiSpin.setValue(300)
    assert not [k for k in context.settings.allKeys() if k.startswith("appeal/")]
    draft = drafts.load_draft(store.workspace(), case_id)
    assert draft.statement.text == "我们的申诉说明"
    assert draft.watermark.text == "仅供测试" and draft.dpi == 300
    assert [e.rotate for e in draft.edits.values()] == [90]


def test_statement_and_edits_left_in_the_settings_move_into_the_case_once(
        make_page, context, store, case_id):
    import base64

    from app.store import drafts

    ws = store.workspace()
    key = f"appeal/cases/{case_id}/statement"
    sealed = ws.vault.encrypt_text("旧版本保存的说明", key)
    context.settings.setValue(key, base64.b64encode(sealed).decode("ascii"))
    context.settings.setValue(f"appeal/cases/{case_id}/edits/00112233aabbccdd",
                              '{"rotate": 180}')
    context.settings.setValue("appeal/dpi", 150)
    page = make_page()
    assert page.ui.statementEdit.toPlainText() == "旧版本保存的说明"
    assert page.ui.dpiSpin.value() == 150, "the old general settings seed the new draft"
    assert not [k for k in context.settings.allKeys() if k.startswith("appeal/cases/")]
    draft = drafts.load_draft(ws, case_id)
    assert draft.statement.text == "旧版本保存的说明"
    assert draft.edits["00112233aabbccdd"].rotate == 180


def test_every_case_left_in_the_settings_moves_when_the_workspace_opens(
        make_page, context, store, case_id):
    from app.store import drafts

    ws = store.workspace()
    other = create_case(ws, ENTERPRISE, diagnoser=engine_diagnoser("en")).id
    context.settings.setValue(f"appeal/cases/{other}/edits/00112233aabbccdd", '{"rotate": 90}')
    context.settings.setValue("appeal/cases/0123456789ab/edits/00112233aabbccdd",
                              '{"rotate": 90}')  # a case the workspace does not have
    make_page()  # on case_id, not on ``other``
    assert drafts.load_draft(ws, other).edits["00112233aabbccdd"].rotate == 90
    assert context.settings.value(f"appeal/cases/{other}/edits/00112233aabbccdd") is None
    assert context.settings.value("appeal/cases/0123456789ab/edits/00112233aabbccdd"), \
        "left where it is: nothing is lost"
