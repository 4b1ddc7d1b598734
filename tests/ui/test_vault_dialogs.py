"""First run and unlocking: keyring when a real one is usable, otherwise a passphrase set twice;
a wrong passphrase says so and changes nothing; File → Workspace security re-wraps the key."""

from __future__ import annotations

from keyring.backends.fail import Keyring as NoKeyring

from app.store import vault as vault_mod
from app.store.errors import WrongPassphrase
from app.store.vault import KeyringKek, ScryptKek
from app.ui.dialogs.vault_setup import VaultSetupDialog
from app.ui.dialogs.vault_unlock import VaultUnlockDialog
from app.ui.dialogs.workspace_security import WorkspaceSecurityDialog
from app.ui.store_service import keyring_place

from .store_fakes import PASSPHRASE, MemoryKeyring, make_store_service


def header(service) -> bytes:
    return vault_mod.header_path(service.workspace().root).read_bytes()


def test_without_a_keyring_only_a_passphrase_typed_twice(tmp_path, qtbot):
    service = make_store_service(tmp_path / "ws", keyring=NoKeyring())
    dialog = VaultSetupDialog(service)
    qtbot.addWidget(dialog)
    assert not dialog.keyring_radio.isEnabled()
    assert dialog.passphrase_radio.isChecked()
    assert "The system keyring cannot be used here" in dialog.keyring_note.text()
    ok = dialog.buttons.buttons()[0]
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.fields.first, "short")
    assert "Too short" in dialog.fields.strength_label.text()
    dialog.fields.first.clear()
    qtbot.keyClicks(dialog.fields.first, PASSPHRASE)
    assert "strong" in dialog.fields.strength_label.text()
    qtbot.keyClicks(dialog.fields.second, PASSPHRASE + "x")
    assert dialog.fields.mismatch_label.text() == "The two passphrases differ."
    assert not ok.isEnabled()
    dialog.fields.second.backspace()
    assert ok.isEnabled()
    dialog.set_up()
    assert dialog.result() == VaultSetupDialog.DialogCode.Accepted
    assert service.is_unlocked
    assert isinstance(vault_mod.read_header(service.workspace().root).kek, ScryptKek)
    service.close()


def test_a_usable_keyring_is_offered_first_and_named(tmp_path, qtbot):
    keyring = MemoryKeyring()
    service = make_store_service(tmp_path / "ws", keyring=keyring)
    dialog = VaultSetupDialog(service)
    qtbot.addWidget(dialog)
    assert dialog.keyring_radio.isEnabled() and dialog.keyring_radio.isChecked()
    assert "MemoryKeyring" in dialog.keyring_radio.text()
    assert not dialog.fields.isEnabled()
    dialog.set_up()
    assert service.is_unlocked
    assert isinstance(vault_mod.read_header(service.workspace().root).kek, KeyringKek)
    assert keyring.items, "the key went into the (fake) keyring"
    service.close()


def test_keyring_places_in_the_users_words():
    def backend(module: str) -> object:
        return type("Keyring", (), {"__module__": module})()

    assert keyring_place(backend("keyring.backends.SecretService")) == \
        "Secret Service / GNOME Keyring"
    assert keyring_place(backend("keyring.backends.macOS")) == "macOS Keychain"
    assert keyring_place(backend("keyring.backends.Windows")) == "Windows Credential Locker"


def test_wrong_passphrase_says_so_and_destroys_nothing(tmp_path, qtbot):
    service = make_store_service(tmp_path / "ws", keyring=NoKeyring())
    service.create_vault(PASSPHRASE)
    service.close()
    before = header(service)
    dialog = VaultUnlockDialog(service)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.passphrase, "not the passphrase")
    dialog.unlock()
    assert dialog.error.isVisibleTo(dialog)
    assert "Wrong passphrase" in dialog.error.text()
    assert "nothing was changed" in dialog.error.text()
    assert dialog.result() != VaultUnlockDialog.DialogCode.Accepted
    assert not service.is_unlocked
    assert header(service) == before
    dialog.passphrase.setText(PASSPHRASE)
    dialog.unlock()
    assert dialog.result() == VaultUnlockDialog.DialogCode.Accepted
    assert service.is_unlocked
    service.close()


def test_ensure_vault_asks_for_setup_then_unlock(tmp_path):
    service = make_store_service(tmp_path / "ws", keyring=NoKeyring())
    assert service.ensure_vault(None)
    assert service.asked.setup == 1 and service.asked.unlock == 0
    service.close()
    assert service.ensure_vault(None)
    assert service.asked.unlock == 1
    service.close()


def test_change_passphrase_and_move_to_keyring(tmp_path, qtbot):
    keyring = MemoryKeyring()
    service = make_store_service(tmp_path / "ws", keyring=keyring)
    service.create_vault(PASSPHRASE)
    dialog = WorkspaceSecurityDialog(service)
    qtbot.addWidget(dialog)
    assert "a passphrase that only you know" in dialog.where.text()
    dialog.fields.first.setText("a brand new passphrase")
    dialog.fields.second.setText("a brand new passphrase")
    dialog.set_passphrase()
    assert "passphrase was changed" in dialog.message.text()
    root = service.workspace().root
    try:
        vault_mod.unlock_with_passphrase(root, PASSPHRASE)
        raise AssertionError("the old passphrase still opens the vault")
    except WrongPassphrase:
        pass
    assert vault_mod.unlock_with_passphrase(root, "a brand new passphrase")

    assert dialog.keyring_button.isEnabled()
    dialog.move_to_keyring()
    assert isinstance(vault_mod.read_header(root).kek, KeyringKek)
    assert "the system keyring" in dialog.where.text()
    assert not dialog.keyring_group.isVisible()
    service.close()


def test_file_menu_offers_workspace_security(window):
    actions = [a for a in window.ui.menuFile.actions() if not a.isSeparator()]
    assert "Workspace &security…" in [a.text() for a in actions]
    window.ui.actionChinese.trigger()
    assert window.actionSecurity.text() == "工作区安全(&S)…"


def test_the_wrong_passphrase_message_is_not_cut_off(tmp_path, qtbot):
    service = make_store_service(tmp_path / "ws", keyring=NoKeyring())
    service.create_vault(PASSPHRASE)
    service.close()
    dialog = VaultUnlockDialog(service)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.passphrase, "not the passphrase")
    dialog.unlock()
    qtbot.waitUntil(dialog.error.isVisible)
    for label in (dialog.intro, dialog.error):
        assert label.height() >= label.heightForWidth(label.width()), label.objectName()
    service.close()


def test_the_keyring_problem_is_given_in_the_ui_language(tmp_path, qtbot):
    from PySide6.QtCore import QLocale

    service = make_store_service(tmp_path / "ws", keyring=NoKeyring())
    before = QLocale()
    QLocale.setDefault(QLocale("zh_CN"))  # what UiLanguage.install does for Chinese
    try:
        dialog = VaultSetupDialog(service)
        qtbot.addWidget(dialog)
        assert "没有可用的系统密钥环" in dialog.keyring_note.text()
    finally:
        QLocale.setDefault(before)
