"""What the Self-audit page asks of the core and the store; tests pass fakes here.

The core (``app.audit``) and the store (``app.store``) are imported when first used, so opening
the window costs nothing until the page is shown.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

    from app.audit.checklist import Checklist
    from app.audit.risk import ScanResult, ScanThresholds
    from app.jobs import CancelToken, Progress
    from app.store.ledger import ViolationEntry
    from app.store.workspace import Workspace
    from app.ui.store_service import WorkspaceService

SELF_AUDIT_KIND = "self_audit"
API_KEYRING_SERVICE = "wecom-appeal-api"


@dataclass(frozen=True)
class StoredAudit:
    id: str
    created: str
    payload: dict[str, Any]


class AuditArchive(Protocol):
    """Where audits are kept and where the members' earlier restrictions come from."""

    def list_self_audits(self) -> list[StoredAudit]: ...
    def save_self_audit(self, payload: dict[str, Any], replaces: str | None = None) -> str: ...
    def restrictions(self, userids: Iterable[str]) -> dict[str, list[ViolationEntry]]: ...


class WorkspaceArchive:
    """The workspace's ``audits`` table and violation ledger (``app.store``), opened lazily."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root
        self._ws: Workspace | None = None

    @property
    def workspace(self) -> Workspace:
        if self._ws is None:
            from app.store.workspace import Workspace

            self._ws = Workspace.open(self.root)
        return self._ws

    def list_self_audits(self) -> list[StoredAudit]:
        from app.store.audits import list_audits

        return [StoredAudit(r.id, r.created.isoformat(timespec="seconds"), r.payload)
                for r in list_audits(self.workspace, SELF_AUDIT_KIND)]

    def save_self_audit(self, payload: dict[str, Any], replaces: str | None = None) -> str:
        """Keep a new audit, or update ``replaces`` in place (one transaction, same id)."""
        from app.store.audits import add_audit, update_audit
        from app.store.errors import NotFound

        if replaces is not None:
            try:
                return update_audit(self.workspace, replaces, payload).id
            except NotFound:  # deleted meanwhile (another window, an import): keep it anew
                pass
        return add_audit(self.workspace, SELF_AUDIT_KIND, payload).id

    def restrictions(self, userids: Iterable[str]) -> dict[str, list[ViolationEntry]]:
        from app.store.ledger import list_members, member_ledger

        known = {m.userid for m in list_members(self.workspace)}
        return {u: entries for u in userids if u in known
                and (entries := member_ledger(self.workspace, u))}

    def close(self) -> None:
        if self._ws is not None:
            self._ws.close()
            self._ws = None


@dataclass(frozen=True)
class EvidenceItem:
    """One evidence file of an answer, as the checklist lists it."""

    ref: str  # what the answer keeps: "vault:<id>", or a file path (audits of older versions)
    name: str  # what the list shows: the original file name
    in_vault: bool = True


def _open_with_system(path: Path) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


_VIEW_FOLDERS: list[Path] = []


@atexit.register
def _remove_view_folders() -> None:
    """Decrypted copies made for a viewer do not outlive the app."""
    while _VIEW_FOLDERS:
        shutil.rmtree(_VIEW_FOLDERS.pop(), ignore_errors=True)


class EvidenceVault:
    """Self-audit evidence files encrypted in the workspace vault (``app.store.audit_evidence``),
    through the window's workspace service, which asks for the passphrase when needed."""

    def __init__(self, store: WorkspaceService,
                 viewer: Callable[[Path], None] = _open_with_system) -> None:
        self.store = store
        self.viewer = viewer

    def _unlocked(self, parent: Any) -> Workspace:
        from app.store.errors import VaultLocked

        if not self.store.ensure_vault(parent):
            raise VaultLocked("the workspace vault is locked")
        return self.store.workspace()

    def add_files(self, parent: Any, question_id: str,
                  paths: Iterable[str]) -> tuple[list[EvidenceItem], list[str]]:
        """Encrypt each file into the vault; the items kept and the problems, one per file."""
        from app.store import audit_evidence
        from app.store.errors import StoreError

        try:
            ws = self._unlocked(parent)
        except StoreError as exc:
            return [], [str(exc)]
        items: list[EvidenceItem] = []
        problems: list[str] = []
        for path in paths:
            try:
                info = audit_evidence.add_evidence_file(ws, question_id, Path(path))
            except StoreError as exc:
                problems.append(str(exc))
                continue
            items.append(EvidenceItem(info.ref, Path(path).name))
        return items, problems

    def items(self, parent: Any, refs: Iterable[str], locked_name: str) -> list[EvidenceItem]:
        """What an answer's references show: the file names from the vault (``locked_name``
        while it stays locked); evidence in the trash is left out; a path stays a path."""
        from app.store import audit_evidence
        from app.store.errors import StoreError

        refs = list(refs)
        ids = [i for r in refs if (i := audit_evidence.parse_ref(r)) is not None]
        ws: Workspace | None = None
        known: set[str] = set()
        if ids:
            try:
                ws = self.store.workspace()
                known = {e.id for e in audit_evidence.list_evidence(ws, ids=ids)}
            except StoreError:
                ws = None
        # Names only: after a "not now" this session, shown as locked rather than asked again.
        unlocked = ws is not None and bool(known) and self.store.offer_unlock(parent)
        out = []
        for ref in refs:
            evidence_id = audit_evidence.parse_ref(ref)
            if evidence_id is None:
                out.append(EvidenceItem(ref, ref, in_vault=False))
            elif evidence_id in known:
                name = locked_name
                if unlocked and ws is not None:
                    with contextlib.suppress(StoreError):
                        name = audit_evidence.evidence_name(ws, evidence_id)
                out.append(EvidenceItem(ref, name))
        return out

    def open(self, parent: Any, item: EvidenceItem) -> Path:
        """Show the file in the system's viewer: vault evidence decrypted into a private
        temporary folder (removed when the app ends), a path as it is."""
        from app.store import audit_evidence

        path = Path(item.ref)
        evidence_id = audit_evidence.parse_ref(item.ref) if item.in_vault else None
        if evidence_id is not None:
            ws = self._unlocked(parent)
            folder = Path(tempfile.mkdtemp(prefix="wecom-appeal-evidence-"))  # owner-only
            _VIEW_FOLDERS.append(folder)
            path = audit_evidence.open_evidence(ws, evidence_id, folder)
        self.viewer(path)
        return path

    def remove(self, item: EvidenceItem) -> None:
        """Move vault evidence to the trash (``restore`` undoes it); a path is only listed."""
        from app.store import audit_evidence

        evidence_id = audit_evidence.parse_ref(item.ref) if item.in_vault else None
        if evidence_id is not None:
            audit_evidence.remove_evidence(self.store.workspace(), evidence_id)

    def restore(self, item: EvidenceItem) -> None:
        from app.store import audit_evidence

        evidence_id = audit_evidence.parse_ref(item.ref) if item.in_vault else None
        if evidence_id is not None:
            audit_evidence.restore_evidence(self.store.workspace(), evidence_id)


class ApiCredentials:
    """The WeCom CorpID and secret in the system keyring (service ``wecom-appeal-api``).

    Never in QSettings, files or logs. A backend that is not a system store is refused, as the
    vault refuses it: the secret is then used for this session only."""

    def __init__(self, backend: KeyringBackend | None = None,
                 service: str = API_KEYRING_SERVICE) -> None:
        self._backend = backend
        self.service = service

    @property
    def backend(self) -> KeyringBackend:
        if self._backend is None:
            import keyring

            self._backend = keyring.get_keyring()
        return self._backend

    def problem(self) -> str | None:
        """Why the keyring cannot keep the secret, or None when it can."""
        from app.store.keystore import refusal

        return refusal(self.backend)

    def where(self) -> str:
        from app.store.keystore import backend_name

        return backend_name(self.backend)

    def load(self) -> tuple[str, str] | None:
        if self.problem() is not None:
            return None
        try:
            corpid = self.backend.get_password(self.service, "corpid")
            secret = self.backend.get_password(self.service, "secret")
        except Exception as exc:  # a locked or unreachable store: ask again, as if nothing was kept
            log.warning("the saved WeCom credentials cannot be read (%s)", type(exc).__name__)
            return None
        return (corpid, secret) if corpid and secret else None

    def save(self, corpid: str, secret: str) -> None:
        self.backend.set_password(self.service, "corpid", corpid)
        self.backend.set_password(self.service, "secret", secret)

    def forget(self) -> None:
        import keyring.errors

        for name in ("corpid", "secret"):
            with contextlib.suppress(keyring.errors.PasswordDeleteError):
                self.backend.delete_password(self.service, name)


def _load_checklist() -> Checklist:
    from app.audit.checklist import load_checklist

    return load_checklist()


def _score(answers: Any, checklist: Checklist) -> Any:
    from app.audit.scoring import score_audit

    return score_audit(answers, checklist)


def _scan(path: str, thresholds: ScanThresholds, progress: Progress,
          cancel: CancelToken) -> ScanResult:
    from app.audit.risk import scan

    return scan(path, thresholds, progress=progress, cancel=cancel)


def _load_thresholds(overrides: dict[str, Any] | None) -> ScanThresholds:
    from app.audit.risk import load_thresholds

    return load_thresholds(overrides=overrides)


def _make_client(corpid: str, secret: str, base_url: str) -> Any:
    from app.audit.api import WeComClient

    return WeComClient(corpid, secret, base_url)


@dataclass
class AuditService:
    checklist: Callable[[], Checklist] = _load_checklist
    score: Callable[[Any, Checklist], Any] = _score
    scan: Callable[..., ScanResult] = _scan
    load_thresholds: Callable[[dict[str, Any] | None], ScanThresholds] = _load_thresholds
    make_client: Callable[[str, str, str], Any] = _make_client
    archive: AuditArchive = field(default_factory=WorkspaceArchive)
    credentials: ApiCredentials = field(default_factory=ApiCredentials)


def latest_corrective_measures(service: AuditService, lang: str) -> list[str]:
    """Measures under way or done in the newest saved self-audit, for the appeal statement;
    empty when no audit is saved or it no longer fits the checklist."""
    from pydantic import ValidationError

    from app.audit.scoring import AuditAnswers, AuditInputError

    audits = [a for a in service.archive.list_self_audits() if "answers" in a.payload]
    if not audits:
        return []
    try:
        answers = AuditAnswers.model_validate(audits[-1].payload["answers"])
        result = service.score(answers, service.checklist())
    except (ValidationError, AuditInputError):
        return []
    return result.corrective_measures(lang)
