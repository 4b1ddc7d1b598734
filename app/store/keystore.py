"""A thin interface over ``keyring`` that knows whether the backend is a real system store.

The vault keeps its key-encryption key here when it can. A backend that is not a system store
(``keyring.backends.fail``, ``null``, a chainer with nothing behind it, the file and plaintext
backends of ``keyrings.alt``) is refused: the vault then asks for a passphrase, never a silent
plaintext fallback.
"""

from __future__ import annotations

import base64
import contextlib
import logging
from dataclasses import dataclass

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from app.labels import from_english
from app.lang import Lang

log = logging.getLogger(__name__)

SERVICE = "wecom-appeal"

# Backends that keep secrets in a file of their own (some of them as plaintext).
_FILE_BACKEND_MODULES = ("keyrings.alt",)
_NO_STORE = ("keyring.backends.fail", "keyring.backends.null")


@dataclass(frozen=True)
class KeyringStatus:
    usable: bool
    backend: str
    reason: str


def backend_name(backend: KeyringBackend) -> str:
    name = getattr(backend, "name", None) or type(backend).__name__
    return f"{name} ({type(backend).__module__}.{type(backend).__qualname__})"


def refusal(backend: KeyringBackend) -> str | None:
    """Why ``backend`` is not a system secret store, or None when it is one."""
    module = type(backend).__module__
    if module.startswith(_NO_STORE):
        return "no system keyring is available"
    if module.startswith(_FILE_BACKEND_MODULES):
        return f"{backend_name(backend)} keeps secrets in a file, not in a system keyring"
    children = getattr(backend, "backends", None)
    # keyring.backends.chainer.ChainerBackend: usable only with a usable backend behind it.
    if children is not None and not any(refusal(child) is None for child in children):
        return "no system keyring is available (the keyring chain is empty)"
    return None


def keyring_reason(reason: str, lang: Lang) -> str:
    """Why the keyring cannot be used (a reason of this module, in English), in ``lang``."""
    return from_english(reason, "keyringwhy_", lang) or reason


class KeyringStore:
    """Secrets of this app in one keyring backend (injected in tests; the system's otherwise)."""

    def __init__(self, backend: KeyringBackend | None = None, service: str = SERVICE) -> None:
        self._backend = backend
        self.service = service

    @property
    def backend(self) -> KeyringBackend:
        if self._backend is None:
            self._backend = keyring.get_keyring()
        return self._backend

    def status(self) -> KeyringStatus:
        backend = self.backend
        reason = refusal(backend)
        if reason is None:
            try:
                # A locked or unreachable store fails here rather than halfway through a write.
                backend.get_password(self.service, "probe")
            except keyring.errors.KeyringLocked:
                reason = f"{backend_name(backend)} is locked"
            except Exception as exc:
                log.info("keyring backend %s is not reachable: %s", backend_name(backend),
                         type(exc).__name__)
                reason = f"{backend_name(backend)} is not reachable: {exc}"
        return KeyringStatus(usable=reason is None, backend=backend_name(backend),
                             reason=reason or "")

    def get(self, name: str) -> bytes | None:
        value = self.backend.get_password(self.service, name)
        return None if value is None else base64.b64decode(value)

    def put(self, name: str, secret: bytes) -> None:
        self.backend.set_password(self.service, name, base64.b64encode(secret).decode("ascii"))
        if self.get(name) != secret:  # some stores accept a write and keep nothing
            raise keyring.errors.PasswordSetError(f"{backend_name(self.backend)} did not keep "
                                                  "the secret")

    def delete(self, name: str) -> None:
        with contextlib.suppress(keyring.errors.PasswordDeleteError):
            self.backend.delete_password(self.service, name)
