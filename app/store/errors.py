"""What can go wrong in the workspace, in words the user can act on."""

from __future__ import annotations

from app import jobs
from app.errors import UserError


class StoreError(UserError):
    """Base class: the message is meant for the user."""


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
