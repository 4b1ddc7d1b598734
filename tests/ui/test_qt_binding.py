"""The pinned Qt binding keeps Python's reference counts intact (why pyproject pins 6.11).

PySide6-Essentials 6.12.0 took a reference off None (and True) on calls such as
QLabel.setWordWrap(True); on Python 3.11, where they are not immortal, the interpreter aborted
at exit with 'bool_dealloc'/'none_dealloc' after enough widgets.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel


def test_setters_and_property_keywords_do_not_leak_references_of_none_or_true(qapp):
    before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(500):
        label = QLabel(wordWrap=True)
        label.setWordWrap(True)
        QTimer(singleShot=True, interval=5)
    after = sys.getrefcount(None), sys.getrefcount(True)
    assert after[0] >= before[0] - 50 and after[1] >= before[1] - 50
