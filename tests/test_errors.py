"""One base for the errors a person reads (app/errors.py): intake, store, input, render, font and
behaviour-file errors are UserErrors with a message in both languages."""

from __future__ import annotations

import pytest

from app.errors import UserError, user_message
from app.i18n import LocalText


def test_a_bilingual_message_in_either_language_and_english_as_str():
    err = UserError(LocalText(en="photo.jpg: not an image", zh_CN="photo.jpg：不是图片"))
    assert err.message("en") == "photo.jpg: not an image"
    assert err.message("zh_CN") == "photo.jpg：不是图片"
    assert str(err) == "photo.jpg: not an image"
    plain = UserError("case 7: not found")
    assert plain.message("zh_CN") == "case 7: not found"


@pytest.mark.parametrize("path, name", [
    ("app.appeal.intake", "IntakeError"),
    ("app.appeal.render", "RenderError"),
    ("app.pdf.fonts", "FontNotFoundError"),
    ("app.audit.columns", "BehaviourFileError"),
    ("app.audit.checklist", "ChecklistError"),
    ("app.audit.api", "WeComApiError"),
    ("app.audit.scoring", "AuditInputError"),
    ("app.audit.risk", "ThresholdsError"),
    ("app.store.errors", "StoreError"),
    ("app.cliutil", "InputError"),
    ("app.rules.catalogue", "CatalogueError"),
])
def test_every_user_facing_error_derives_from_the_one_base(path: str, name: str):
    import importlib

    assert issubclass(getattr(importlib.import_module(path), name), UserError)


def test_domain_errors_keep_both_languages():
    from app.appeal.intake import IntakeError
    from app.cliutil import InputError
    from app.pdf.fonts import FontNotFoundError
    from app.store.errors import VaultLocked

    text = LocalText(en="no font", zh_CN="没有字体")
    for err in (FontNotFoundError(text), IntakeError("a.jpg", "unreadable", text),
                InputError(text)):
        assert (err.message("en"), err.message("zh_CN"), str(err)) == (
            "no font", "没有字体", "no font")
        assert user_message(err, "zh_CN") == "没有字体"
    assert user_message(VaultLocked("the vault is locked"), "en") == "the vault is locked"


def test_what_is_not_a_user_error_is_shown_by_its_text():
    assert user_message(FileNotFoundError(2, "No such file", "x.pdf"), "en") == \
        "x.pdf: No such file"
    assert user_message(KeyError(), "en") == "KeyError"
