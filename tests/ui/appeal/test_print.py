"""Placing a drawn page on the paper: fitted with its shape kept, turned to the sheet."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QImage

from app.ui.pages.appeal_print import fitted, upright_for

PORTRAIT_PAPER = QRect(0, 0, 2000, 3000)


def image(width: int, height: int) -> QImage:
    picture = QImage(width, height, QImage.Format.Format_RGB32)
    picture.fill(0xFFFFFF)
    return picture


def test_a_page_is_fitted_and_centred():
    target = fitted(image(400, 300), PORTRAIT_PAPER)
    assert target.width() == 2000 and target.height() == 1500
    assert target.top() == 750 and target.left() == 0


def test_a_landscape_page_is_turned_to_portrait_paper():
    turned = upright_for(image(842, 595), PORTRAIT_PAPER)
    assert (turned.width(), turned.height()) == (595, 842)
    same = image(595, 842)
    assert upright_for(same, PORTRAIT_PAPER) is same
    assert upright_for(image(842, 595), QRect(0, 0, 3000, 2000)).width() == 842
