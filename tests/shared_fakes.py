"""Test doubles and sample values shared by every test area (store, ui, audit, appeal): one
in-memory keyring, the test passphrase, the cheapest scrypt cost the vault accepts, and valid
identity numbers. Area-specific fakes stay next to their tests and import from here.

Imported by name (``from shared_fakes import ...``): pytest puts ``tests/`` on ``sys.path`` for
the test packages below it.
"""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

PASSPHRASE = "correct horse battery staple"
FAST_SCRYPT_N = 2**14  # the floor the vault accepts; keeps the tests quick
ID_NUMBER = "11010519491231002X"  # the textbook valid resident ID number (checksum X)
ADMIN_ID_NUMBER = "110105198003070020"
CREDIT_CODE = "91110000600037341L"  # a valid unified social credit code
LEGAL_NAME = "王小明"


class MemoryKeyring(KeyringBackend):
    """A keyring backend that keeps everything in a dict: the real keyring stays untouched."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.items.pop((service, username), None) is None:
            raise PasswordDeleteError(username)
