"""What can go wrong in the workspace, in words the user can act on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app import jobs
from app.errors import UserError

if TYPE_CHECKING:
    from app.i18n import LocalText


class StoreError(UserError):
    """Base class: the message is meant for the user. The store raises it in English; the
    ``storeerr_`` labels give each message in Chinese word for word (unknown ones are shown
    as a workspace error with their English words)."""

    def local(self) -> LocalText:
        return self._text or store_text(str(self))


def store_text(message: str) -> LocalText:
    """A workspace error message in both languages."""
    from app.i18n import LocalText
    from app.labels import from_english, label

    zh = from_english(message, "storeerr_", "zh_CN")
    return LocalText(en=message, zh_CN=zh if zh is not None else label(
        "workspace_error_fallback", "zh_CN", message=message))


class NotFound(StoreError):
    """No such case, document or record (or it is in the trash)."""


class InvalidTransition(StoreError):
    """A case status change the timeline does not allow."""


class VaultError(StoreError):
    """The vault cannot do what was asked."""


class VaultLocked(VaultError):
    """The data key is not available: no keyring entry, no passphrase given, or no vault yet."""


class WrongPassphrase(VaultError):
    """The passphrase does not unwrap the data key. Nothing was changed."""


class VaultCorrupt(VaultError):
    """A blob or the vault header fails authentication: tampered, or from another workspace."""


class ArchiveError(StoreError):
    """An archive is tampered with, foreign, or would write outside the workspace."""


class Cancelled(StoreError, jobs.Cancelled):
    """The user cancelled long work (export, import); nothing was written. The one Cancelled of
    app/jobs.py, and a StoreError for the store's callers."""


class InvalidMemberId(StoreError, ValueError):
    """A member id that is not 1-64 printable characters (app.store.ledger.userid_problem)."""
