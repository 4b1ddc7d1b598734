"""Building from the Appeal page: progress reaches the bar, Cancel stops, the results open."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer

from app.ui.pages.appeal import AppealPage
from app.ui.workers import ThreadPoolRunner

from .helpers import drop, file_mime, make_pdf, make_picture, sample_profile

REQUIRED = ("business_license", "legal_person_id_front", "legal_person_id_back",
            "legal_person_holding_id", "seal_authorization_letter")


def fill(page: AppealPage, tmp_path, kinds=REQUIRED) -> None:
    for kind in kinds:
        drop(page.documents.slots[kind], file_mime(make_picture(tmp_path / f"{kind}.jpg")))


def bar_values(page: AppealPage) -> list[int]:
    seen: list[int] = []
    page.ui.progressBar.valueChanged.connect(seen.append)
    return seen


def test_build_bundle_reports_progress_and_writes_the_pdf(page, answers, tmp_path):
    fill(page, tmp_path)
    page.ui.statementEdit.setPlainText("我们的申诉说明，已由管理员全文填写。")
    drop(page.documents.slots["evidence"], file_mime(make_pdf(tmp_path / "chat.pdf", 2)))
    answers.save_pdf = str(tmp_path / "out" / "appeal.pdf")
    (tmp_path / "out").mkdir()
    seen = bar_values(page)
    page.ui.buildBundleButton.click()

    assert not any(a.startswith("confirm") for a in answers.asked), "complete: no question"
    total = page.ui.progressBar.maximum()
    assert total > 5 and seen[-1] == total
    assert len(set(seen)) >= 5 and seen == sorted(seen), "the bar moves step by step"
    assert page.builder.progress_seen[-1] == (total, total)
    reader = PdfReader(answers.save_pdf)
    titles = [o.title for o in reader.outline]
    assert "Business licence" not in titles, "the package is Chinese by default"
    assert "营业执照" in titles and "其他证明材料" in titles
    assert len(reader.pages) >= 8
    text = page.ui.resultLabel.text()
    assert "appeal.pdf" in text and f"{len(reader.pages)} pages" in text and "KB" in text
    assert page.ui.openButton.isEnabled() and page.ui.printButton.isEnabled()
    page.ui.openButton.click()
    assert answers.opened == [answers.save_pdf]
    assert not page.ui.cancelButton.isVisible()
    assert page.ui.buildBundleButton.isEnabled()


def test_building_an_incomplete_package_asks_first(page, answers, tmp_path):
    fill(page, tmp_path, kinds=("business_license",))
    answers.save_pdf = str(tmp_path / "appeal.pdf")
    answers.confirm = False
    page.ui.buildBundleButton.click()
    question = next(a for a in answers.asked if a.startswith("confirm"))
    assert "Legal person's ID card (photo side)" in question
    assert "save" not in answers.asked and not (tmp_path / "appeal.pdf").exists()
    answers.confirm = True
    page.ui.buildBundleButton.click()
    assert (tmp_path / "appeal.pdf").exists()


def test_cancel_stops_the_build_and_writes_nothing(page, answers, tmp_path):
    fill(page, tmp_path)
    answers.save_pdf = str(tmp_path / "appeal.pdf")
    seen = bar_values(page)

    def cancel_midway(value: int) -> None:
        if value == 2:
            assert page.ui.cancelButton.isVisible() and page.ui.cancelButton.isEnabled()
            page.ui.cancelButton.click()

    page.ui.progressBar.valueChanged.connect(cancel_midway)
    page.ui.buildBundleButton.click()
    assert 2 in seen and max(seen) < page.ui.progressBar.maximum()
    assert "Cancelled" in page.ui.resultLabel.text()
    assert not (tmp_path / "appeal.pdf").exists()
    assert not list(tmp_path.glob(".appeal.pdf*")), "no partial file is left"
    assert not page.ui.cancelButton.isVisible() and page.ui.buildBundleButton.isEnabled()
    assert not page.ui.openButton.isEnabled()


def test_the_build_runs_in_the_background(make_page, answers, qtbot, tmp_path):
    page = make_page(runner=ThreadPoolRunner())
    page.set_profile(sample_profile())
    fill(page, tmp_path)
    answers.save_pdf = str(tmp_path / "appeal.pdf")
    ticks = []
    timer = QTimer(page, interval=5)
    timer.timeout.connect(lambda: ticks.append(page.builder.busy))
    timer.start()
    page.ui.buildBundleButton.click()
    assert page.builder.busy and page.ui.cancelButton.isVisible()
    assert not page.ui.buildBundleButton.isEnabled(), "one build at a time"
    qtbot.waitUntil(lambda: not page.builder.busy, timeout=60000)
    timer.stop()
    assert True in ticks, "the event loop kept running while the bundle was built"
    assert page.builder.progress_seen[-1][0] == page.builder.progress_seen[-1][1]
    assert PdfReader(answers.save_pdf).pages


def test_build_kit_honours_the_size_cap_and_the_character_limit(page, answers, tmp_path):
    fill(page, tmp_path)
    page.ui.sizeCapSpin.setValue(100)
    page.ui.charLimitSpin.setValue(200)
    assert "over the upload form's limit" in page.ui.charCounter.text()
    assert page.ui.charCounter.property("over") is True
    answers.folder = str(tmp_path)
    page.ui.buildKitButton.click()
    kit = next(p for p in tmp_path.iterdir() if p.is_dir() and p.name.startswith("wecom"))
    # (the hidden .wecom-appeal-kit.json records what the app wrote there)
    files = sorted(p.name for p in kit.iterdir() if not p.name.startswith("."))
    assert files[0].startswith("01_") and len(files) == 6
    assert all(p.stat().st_size <= 100 * 1024 for p in kit.glob("*.jpg"))
    statement = next(kit.glob("*.txt")).read_text(encoding="utf-8")
    assert len(statement.strip()) <= 200
    assert "shortened" in page.ui.resultLabel.text()
    assert not page.ui.printButton.isEnabled(), "a folder is opened, not printed"


def built_bundle(page: AppealPage, answers, tmp_path) -> PdfReader:
    fill(page, tmp_path)
    drop(page.documents.slots["evidence"], file_mime(make_pdf(tmp_path / "chat.pdf", 2)))
    answers.save_pdf = str(tmp_path / "appeal.pdf")
    page.ui.buildBundleButton.click()
    return PdfReader(answers.save_pdf)


def test_print_renders_and_prints_every_page_of_the_bundle(page, answers, context, tmp_path):
    """The real renderer (pdfium through app.appeal.render), Qt's print dialog answered."""
    assert context.appeal.page_images is not None, "pypdfium2 draws the pages"
    bundle = built_bundle(page, answers, tmp_path)
    answers.print_to = str(tmp_path / "printed.pdf")
    page.ui.printButton.click()
    assert "print" in answers.asked and not answers.opened, "printed here, not in a viewer"
    printed = PdfReader(answers.print_to)
    assert len(printed.pages) == len(bundle.pages) >= 8
    # Each page is the bundle's page as a picture, fitted to the paper with its shape kept.
    for source, copy in zip(bundle.pages, printed.pages, strict=True):
        images = copy.images
        assert len(images) == 1
        picture = images[0].image
        assert picture.width / picture.height == pytest.approx(
            float(source.mediabox.width) / float(source.mediabox.height), rel=0.02)
        assert picture.convert("L").getextrema()[0] < 100, "not a blank page"
    assert f"{len(bundle.pages)}" in page.ui.progressLabel.text()


def test_declining_the_print_dialog_prints_nothing(page, answers, tmp_path):
    built_bundle(page, answers, tmp_path)
    answers.print_to = ""
    page.ui.printButton.click()
    assert "print" in answers.asked
    assert not list(tmp_path.glob("printed*")) and not answers.opened


def test_print_draws_every_page_through_the_print_dialog(make_page, answers, context,
                                                          tmp_path):
    from PySide6.QtGui import QImage

    drawn: list[str] = []
    totals: list[int] = []

    def page_images(path: str, dpi: int, progress=None, cancel=None):  # a fake renderer
        for number in range(3):
            if progress is not None:
                progress(number, 3, "")
            drawn.append(f"{path}:{number}")
            image = QImage(400, 566, QImage.Format.Format_RGB32)
            image.fill(0xFFFFFF)
            yield image
        totals.append(dpi)

    context.appeal.page_images = page_images
    page = make_page()
    page.set_profile(sample_profile())
    fill(page, tmp_path)
    answers.save_pdf = str(tmp_path / "appeal.pdf")
    answers.print_to = str(tmp_path / "printed.pdf")
    page.ui.buildBundleButton.click()
    page.ui.printButton.click()
    assert len(drawn) == 3 and totals == [300], "at most 300 dpi for the printer"
    assert len(PdfReader(answers.print_to).pages) == 3


def test_cancel_in_the_progress_dialog_stops_printing(make_page, answers, context, tmp_path):
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QProgressDialog

    drawn: list[int] = []

    def page_images(path: str, dpi: int, progress=None, cancel=None):
        for number in range(5):
            progress(number, 5, "")
            if number == 2:  # the user presses Cancel while page 3 is drawn
                page.findChild(QProgressDialog).cancel()
            drawn.append(number)
            image = QImage(400, 566, QImage.Format.Format_RGB32)
            image.fill(0)
            yield image

    context.appeal.page_images = page_images
    page = make_page()
    page.set_profile(sample_profile())
    fill(page, tmp_path)
    answers.save_pdf = str(tmp_path / "appeal.pdf")
    answers.print_to = str(tmp_path / "printed.pdf")
    page.ui.buildBundleButton.click()
    page.ui.printButton.click()
    assert drawn == [0, 1, 2], "no page is drawn after Cancel"
    assert "cancelled; nothing was sent" in page.ui.progressLabel.text()
    assert not Path(answers.print_to).exists(), "the pages drawn before Cancel are not printed"
    assert not page.findChildren(QProgressDialog) or not page.findChild(
        QProgressDialog).isVisible()


def test_a_pdf_that_cannot_be_drawn_prints_nothing_and_says_why(page, answers, tmp_path):
    built_bundle(page, answers, tmp_path)
    Path(answers.save_pdf).write_bytes(b"%PDF-1.7\n1 0 obj damaged")
    answers.print_to = str(tmp_path / "printed.pdf")
    page.ui.printButton.click()
    assert "not a readable PDF" in page.ui.progressLabel.text()
    assert not Path(answers.print_to).exists(), "no empty print job"


def test_without_a_renderer_print_explains_and_opens_the_viewer(make_page, answers, context,
                                                                 tmp_path, qtbot):
    from PySide6.QtWidgets import QApplication, QMessageBox

    context.appeal.page_images = None  # an installation without pypdfium2
    page = make_page()
    page.set_profile(sample_profile())
    fill(page, tmp_path)
    answers.save_pdf = str(tmp_path / "appeal.pdf")
    page.ui.buildBundleButton.click()
    seen = []

    def answer_box() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.button(QMessageBox.StandardButton.Open).click()

    QTimer.singleShot(50, answer_box)
    page.ui.printButton.click()
    assert seen and "PDF viewer" in seen[0] and "pypdfium2" in seen[0]
    assert answers.opened == [answers.save_pdf]
    assert "print" not in answers.asked


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_statement_is_prefilled_and_counted(page, lang):
    page.ui.languageCombo.setCurrentIndex(page.ui.languageCombo.findData(lang))
    text = page.ui.statementEdit.toPlainText()
    assert "深圳市示例科技有限公司" in text
    assert ("申诉" in text) == (lang == "zh_CN")
    assert f"{len(text.strip())} / 800" in page.ui.charCounter.text()
    page.ui.statementEdit.setPlainText("短")
    assert page.ui.charCounter.text().startswith("1 / 800")


def test_the_statement_is_written_from_the_administrators_words(page, answers, store,
                                                                 case_id, tmp_path):
    """Structure and guided prompts; placeholders visible and listed; a measure is done only
    when ticked; the build asks before sending placeholders (the explicit override)."""
    from app.store import drafts

    page.package.ui.languageCombo.setCurrentIndex(page.ui.languageCombo.findData("zh_CN"))
    text = page.ui.statementEdit.toPlainText()
    assert "【请填写：" in text and "处理方式" not in text, "no diagnosis text, placeholders"
    assert "已组织" not in text, "no measure stated as done that nobody confirmed"
    listed = page.placeholders.items
    assert listed and page.placeholder_label.text().startswith(f"Still to fill in ({len(listed)})")
    guide = page.guide
    assert "•" in guide.prompts.text(), "the guiding questions are shown"
    guide.complied.setPlainText("我们的成员只向已添加的客户发送订单通知。")
    guide.measureEdit.setText("组织全体成员重新学习使用规范")
    guide.add_measure()
    guide.measureEdit.setText("每周抽查外部聊天记录")
    guide.add_measure()
    guide.measures.item(0).setCheckState(Qt.CheckState.Checked)  # done, the admin confirms
    guide.flush()
    text = page.ui.statementEdit.toPlainText()
    assert "我们的成员只向已添加的客户发送订单通知。" in text
    assert "已组织全体成员重新学习使用规范" in text or "组织全体成员重新学习使用规范" in text
    assert "【请填写：" in text and "每周抽查外部聊天记录" in text
    assert len(page.placeholders.items) < len(listed), "one placeholder fewer"
    saved = drafts.load_draft(store.workspace(), case_id).statement
    assert saved.complied.startswith("我们的成员") and [m.done for m in saved.measures] == [
        True, False]

    fill(page, tmp_path)
    answers.save_pdf = str(tmp_path / "appeal.pdf")
    answers.confirm = False
    page.ui.buildBundleButton.click()
    question = next(a for a in answers.asked if a.startswith("confirm"))
    assert "The statement still asks" in question
    assert not (tmp_path / "appeal.pdf").exists(), "blocked until filled or overridden"
    answers.confirm = True
    page.ui.buildBundleButton.click()
    assert (tmp_path / "appeal.pdf").exists(), "built on the explicit override"
    (build,) = drafts.list_builds(store.workspace(), case_id)
    assert build.sha256 == drafts.sha256_of(tmp_path / "appeal.pdf")
    assert build.pages == len(PdfReader(tmp_path / "appeal.pdf").pages)


def test_the_build_summary_follows_a_language_switch(page, answers, tmp_path, context,
                                                      ui_language):
    fill(page, tmp_path)
    answers.folder = str(tmp_path)
    page.ui.buildKitButton.click()
    assert "files" in page.ui.resultLabel.text()
    ui_language.install("zh_CN")
    context.lang = "zh_CN"
    context.hub.language_changed.emit("zh_CN")
    assert "个文件" in page.ui.resultLabel.text() and "files" not in page.ui.resultLabel.text()
    assert page.ui.progressLabel.text() == "已完成。"


def test_the_page_builds_through_the_cores_case_package(page, answers, tmp_path, store,
                                                         case_id, monkeypatch):
    """One path for the GUI and `case package`: the page's build worker calls the core's
    build_case_package (with the page's progress and cancel), which records the build once;
    the same case built by the core alone gives the same document."""
    from app.store import drafts, package

    calls: list[tuple[str, dict]] = []
    real = package.build_case_package

    def spy(ws, cid, out, **kwargs):  # type: ignore[no-untyped-def]
        calls.append((cid, kwargs))
        return real(ws, cid, out, **kwargs)

    monkeypatch.setattr(package, "build_case_package", spy)
    fill(page, tmp_path)
    page.ui.statementEdit.setPlainText("我们的申诉说明，已由管理员全文填写。")
    answers.save_pdf = str(tmp_path / "appeal.pdf")
    seen = bar_values(page)
    page.ui.buildBundleButton.click()
    assert (tmp_path / "appeal.pdf").exists()
    [(cid, kwargs)] = calls
    assert cid == case_id and kwargs["progress"] is not None and kwargs["cancel"] is not None
    assert seen and seen[-1] == page.ui.progressBar.maximum(), "progress still reaches the bar"
    (build,) = drafts.list_builds(store.workspace(), case_id)
    assert build.sha256 == drafts.sha256_of(tmp_path / "appeal.pdf"), "recorded once"

    cli = real(store.workspace(), case_id, tmp_path / "cli.pdf", profile=sample_profile())
    gui = PdfReader(tmp_path / "appeal.pdf")
    assert cli.result.pages == len(gui.pages)
    assert [o.title for o in PdfReader(tmp_path / "cli.pdf").outline] == [
        o.title for o in gui.outline]
    assert "全文填写" in "".join(p.extract_text() or "" for p in gui.pages[:3])


def test_the_progress_line_shows_the_cores_steps_in_the_windows_language(
        page, answers, tmp_path, context, ui_language):
    shown: list[str] = []
    label = page.ui.progressLabel
    real_set_text = label.setText
    label.setText = lambda text: (shown.append(text), real_set_text(text))  # type: ignore[method-assign]
    fill(page, tmp_path)
    page.ui.statementEdit.setPlainText("我们的申诉说明，已由管理员全文填写。")
    answers.save_pdf = str(tmp_path / "appeal.pdf")
    page.ui.buildBundleButton.click()
    assert "Placed Business licence" in shown, "English window, Chinese package: English steps"
    assert "Bundle written" in shown and not any("营业执照" in text for text in shown)

    shown.clear()
    ui_language.install("zh_CN")
    context.lang = "zh_CN"
    context.hub.language_changed.emit("zh_CN")
    answers.folder = str(tmp_path / "kit")
    page.ui.buildKitButton.click()
    assert any(text.startswith("已准备 01_") for text in shown), shown
    assert not any(text.startswith("Prepared") for text in shown)
