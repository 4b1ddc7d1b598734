"""Every control of every page and dialog has an accessible name, with data on the pages."""

from __future__ import annotations

import datetime as dt

import pytest
from PIL import Image
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog

from app.rules.contract import RestrictionReport
from app.ui import accessibility
from app.ui.pages import PAGES

from .appeal.helpers import make_picture


def describe(widgets) -> list[str]:  # type: ignore[no-untyped-def]
    return [f"{type(w).__name__} {w.objectName()!r} in {type(w.parentWidget()).__name__} "
            f"{w.parentWidget().objectName()!r}" for w in widgets]


def with_data(window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A diagnosis result, a recorded case, documents in the appeal slots, a saved audit."""
    from app.rules.engine import diagnose
    from app.store import cases

    context = window.context
    page = window.page("diagnose")
    for question, value in (("account", "enterprise"), ("scope", "account"),
                            ("duration", "unknown")):
        page.set_answer(question, value)
    page.ui.wrongfulCheck.setChecked(True)
    page.go_to(2)
    page.next_step()

    ws = context.store.workspace()
    context.store.ensure_vault(None)  # a case's package is kept only encrypted
    case = cases.create_case(ws, RestrictionReport(account="member", scope="interop",
                                                   duration="temporary"),
                             diagnoser=lambda r: diagnose(r, context.catalogue, "en"),
                             userid="zhang.san", restricted_on=dt.date(2026, 11, 12))
    context.store.cases_changed.emit()
    window.page("cases").select_case(case.id)

    appeal = window.page("appeal")
    assert appeal.documents.store.persistent
    for kind in ("business_license", "legal_person_id_front"):
        appeal.documents.add_files(kind, [make_picture(tmp_path / f"{kind}.jpg")])

    checklist = window.page("audit").checklist
    for n, card in enumerate(checklist.cards.values()):
        card.radios[("yes", "no", "partly")[n % 3]].click()
    window.page("rules")
    window.page("profile")


def test_every_control_of_every_page_has_a_name(window, tmp_path):
    with_data(window, tmp_path)
    for entry in PAGES:
        window.show_page(PAGES[0].key if entry.key != PAGES[0].key else PAGES[1].key)
        page = window.show_page(entry.key)  # shown again: controls made since are named
        controls = accessibility.controls(page)
        assert len(controls) >= 3, entry.key
        assert describe(accessibility.unnamed(page)) == [], entry.key
        assert page.accessibleName()


def test_names_follow_the_language(window, qtbot):
    page = window.show_page("diagnose")
    assert page.ui.nextButton.accessibleName() == "Next"
    window.set_language("zh_CN")
    name = page.ui.nextButton.accessibleName()
    assert name and name != "Next"
    assert name == accessibility.visible_text(page.ui.nextButton.text())
    window.set_language("en")
    assert page.ui.nextButton.accessibleName() == "Next"


def test_names_are_derived_from_what_is_shown(window):
    page = window.show_page("diagnose")
    ui = page.ui
    assert ui.radioMember.accessibleName().endswith(": A member account")
    assert ui.noticeEdit.accessibleName()  # from its label
    cases = window.show_page("cases")
    assert cases.ui.statusFilter.accessibleName() == "Status"  # the buddy label "S&tatus:"


def dialogs(window, tmp_path):  # type: ignore[no-untyped-def]
    """One of each dialog, with test data."""
    from app.appeal.watermark import WatermarkSpec
    from app.ui.dialogs.image_edit import CropDialog
    from app.ui.dialogs.pdf_preview import PdfPreviewDialog
    from app.ui.dialogs.vault_setup import VaultSetupDialog
    from app.ui.dialogs.vault_unlock import VaultUnlockDialog
    from app.ui.dialogs.watermark_preview import WatermarkPreviewDialog
    from app.ui.dialogs.workspace_security import WorkspaceSecurityDialog
    from app.ui.pages.audit_fetch import AuditFetchDialog
    from app.ui.pages.audit_thresholds import AuditThresholdsDialog

    from .store_fakes import make_store_service

    unlocked = make_store_service(tmp_path / "dialogs")
    unlocked.create_vault("a passphrase for the dialog tests")
    locked = make_store_service(tmp_path / "dialogs")
    picture = Image.open(make_picture(tmp_path / "id.jpg"))
    image = QImage(str(make_picture(tmp_path / "crop.png", fmt="PNG")))
    scan = window.page("audit").scan
    return [
        VaultSetupDialog(make_store_service(tmp_path / "new"), window),
        VaultUnlockDialog(locked, window),
        WorkspaceSecurityDialog(unlocked, window),
        CropDialog(image, (0.1, 0.1, 0.9, 0.9), window),
        WatermarkPreviewDialog(WatermarkSpec(), picture, "en", window),
        AuditThresholdsDialog(scan.thresholds(), scan.thresholds(), window),
        AuditFetchDialog(window.context, window),
        PdfPreviewDialog(_one_page_pdf(tmp_path / "letter.pdf"), _blank_pages,
                         lambda *args, **kwargs: None, lambda url: True, "en", parent=window),
    ]


def _one_page_pdf(path):  # type: ignore[no-untyped-def]
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path))
    canvas.drawString(72, 720, "Authorisation letter")
    canvas.save()
    return path


def _blank_pages(path, dpi, **kwargs):  # type: ignore[no-untyped-def]
    page = QImage(int(8.27 * dpi), int(11.69 * dpi), QImage.Format.Format_RGB32)
    page.fill(0xFFFFFF)
    yield page


@pytest.mark.parametrize("index", range(8))
def test_every_control_of_every_dialog_has_a_name(window, tmp_path, qtbot, index):
    dialog: QDialog = dialogs(window, tmp_path)[index]
    qtbot.addWidget(dialog)
    dialog.show()
    assert accessibility.controls(dialog), type(dialog).__name__
    assert describe(accessibility.unnamed(dialog)) == [], type(dialog).__name__
