"""Building an appeal package with the keyboard alone: Tab to each slot's Add… button, Space,
documents come from the page's file chooser (answered by the test), Tab to Build PDF bundle."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ..keyboard import focused, key, tab_to
from .helpers import make_picture, sample_profile
from .test_build import REQUIRED


def test_keyboard_only_build_of_the_pdf_bundle(make_page, answers, qtbot, tmp_path):
    chosen: list[str] = []

    def choose(parent, caption, filters):  # the file dialog, as the user would answer it
        path = make_picture(tmp_path / f"scan-{len(chosen)}.jpg")
        chosen.append(str(path))
        return [str(path)]

    page = make_page(ask_open_files=choose)
    page.set_profile(sample_profile())
    answers.save_pdf = str(tmp_path / "appeal.pdf")
    with qtbot.waitActive(page):
        page.activateWindow()
    key(Qt.Key.Key_Tab)
    for kind in REQUIRED:
        slot = page.documents.slots[kind]
        tab_to(lambda w, slot=slot: w is slot.add_button)
        key(Qt.Key.Key_Space)
        assert slot.count() == 1, kind
    assert page.documents.missing() == []
    tab_to(lambda w: w is page.ui.buildBundleButton)
    assert focused().isEnabled()
    key(Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not page.builder.busy, timeout=60000)
    assert (tmp_path / "appeal.pdf").stat().st_size > 10_000
    assert len(chosen) == len(REQUIRED)
    assert "appeal.pdf" in page.ui.resultLabel.text()


def test_keyboard_crop(qtbot, tmp_path):
    from PySide6.QtGui import QImage

    from app.ui.dialogs.image_edit import CropDialog

    dialog = CropDialog(QImage(str(make_picture(tmp_path / "id.png", (500, 300), "PNG"))), None)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    assert focused() is dialog.canvas and dialog.crop() is None
    key(Qt.Key.Key_Right)  # the first key: a rectangle inside 10 % margins
    assert dialog.crop() == pytest.approx((0.1, 0.1, 0.9, 0.9), abs=0.01)
    key(Qt.Key.Key_Left)
    key(Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier)  # 2 % less tall
    assert dialog.crop() == pytest.approx((0.08, 0.1, 0.88, 0.88), abs=0.01)
    assert "8–88 % across" in dialog.canvas.accessibleDescription()
    for _ in range(10):
        key(Qt.Key.Key_Left)  # stops at the edge, keeping its size
    assert dialog.crop() == pytest.approx((0.0, 0.1, 0.8, 0.88), abs=0.01)
    key(Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
