"""Headless commands for backup and the vault: export, import, vault init/status/rewrap."""

from __future__ import annotations

import argparse
import functools
import getpass
import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

from app.cliutil import InputError
from app.store import transfer
from app.store.cases import resolve_case_id
from app.store.errors import StoreError
from app.store.vault import KeyringKek, ScryptKek, read_header
from app.store.workspace import PASSPHRASE_ENV, Workspace

ARCHIVE_PASSPHRASE_ENV = "WECOM_APPEAL_ARCHIVE_PASSPHRASE"
NEW_PASSPHRASE_ENV = "WECOM_APPEAL_NEW_PASSPHRASE"
Command = Callable[[argparse.Namespace], int]


def store_errors(func: Command) -> Command:
    """Workspace problems are the user's to fix: a clear message and exit code 2."""
    @functools.wraps(func)
    def wrapper(args: argparse.Namespace) -> int:
        try:
            return func(args)
        except StoreError as exc:
            raise InputError(str(exc)) from exc
        except sqlite3.OperationalError as exc:  # locked by another process, disk full, ...
            raise InputError(f"the workspace database cannot be written: {exc}") from exc
    return wrapper


def open_workspace() -> Workspace:
    return Workspace.open()


def _interactive() -> bool:
    return sys.stdin.isatty() and not os.environ.get(PASSPHRASE_ENV)


def _ask_new_passphrase() -> str:
    first = getpass.getpass("New vault passphrase: ")
    if getpass.getpass("Again: ") != first:
        raise InputError("the two passphrases differ")
    return first


def unlock(ws: Workspace) -> None:
    """Unlock the vault, setting one up on first use (keyring, else the passphrase variable).

    At a terminal without ``WECOM_APPEAL_PASSPHRASE`` a passphrase vault asks for it.
    """
    if ws.has_vault and _interactive() and isinstance(read_header(ws.root).kek, ScryptKek):
        ws.unlock(getpass.getpass("Vault passphrase: "))
        return
    _, created = ws.unlock_or_create()
    if created:
        print(f"Vault set up in {ws.root}; its key is kept in {ws.vault.key_location}.",
              file=sys.stderr)


def print_json(value: object) -> None:
    print(value.model_dump_json(indent=2))  # type: ignore[attr-defined]


# export / import ----------------------------------------------------------------------------

def _archive_passphrase(confirm: bool) -> str:
    for var in (ARCHIVE_PASSPHRASE_ENV, PASSPHRASE_ENV):
        if os.environ.get(var):
            return os.environ[var]
    if not sys.stdin.isatty():
        raise InputError(f"no archive passphrase: set {ARCHIVE_PASSPHRASE_ENV} (or "
                         f"{PASSPHRASE_ENV})")
    first = getpass.getpass("Archive passphrase: ")
    if confirm and getpass.getpass("Again: ") != first:
        raise InputError("the two passphrases differ")
    return first


@store_errors
def cmd_export(args: argparse.Namespace) -> int:
    passphrase = _archive_passphrase(confirm=True)
    if len(passphrase) < 8:
        raise InputError("the archive passphrase must have at least 8 characters")
    with open_workspace() as ws:
        unlock(ws)
        case_id = resolve_case_id(ws, args.case) if args.case else None
        manifest = transfer.export_archive(ws, Path(args.out), passphrase, case_id=case_id)
    print(f"Exported {manifest.kind} ({len(manifest.cases)} case(s)) to {args.out}, encrypted.")
    return 0


@store_errors
def cmd_import(args: argparse.Namespace) -> int:
    passphrase = _archive_passphrase(confirm=False)
    with open_workspace() as ws:
        unlock(ws)
        summary = transfer.import_archive(ws, Path(args.file), passphrase)
    if args.json:
        print_json(summary)
        return 0
    print(f"Imported {len(summary.cases_added)} case(s), {summary.documents_added} document(s), "
          f"{summary.violations_added} ledger entries, {summary.audits_added} audit(s); "
          f"profile: {summary.profile.replace('_', ' ')}.")
    if summary.cases_already_present:
        print(f"Already here, left unchanged: {', '.join(summary.cases_already_present)}")
    return 0


# vault --------------------------------------------------------------------------------------

@store_errors
def cmd_vault_init(args: argparse.Namespace) -> int:
    with open_workspace() as ws:
        if ws.has_vault:
            raise InputError(f"{ws.root} already has a vault ('wecom-appeal vault status')")
        if args.passphrase_from_env:
            passphrase = os.environ.get(PASSPHRASE_ENV)
            if not passphrase:
                raise InputError(f"--passphrase-from-env: {PASSPHRASE_ENV} is not set")
            vault = ws.create_vault(passphrase)
        else:
            status = ws.keyring.status()
            if not status.usable and _interactive():
                print(f"No usable keyring ({status.reason}): the vault key will be protected "
                      "by a passphrase.", file=sys.stderr)
                vault = ws.create_vault(_ask_new_passphrase())
            elif not status.usable:
                raise InputError(f"cannot keep the key in a keyring: {status.reason}. Use a "
                                 f"passphrase: set {PASSPHRASE_ENV} and run 'wecom-appeal "
                                 "vault init --passphrase-from-env'")
            else:
                vault = ws.create_vault()
        print(f"Vault set up in {ws.root}; its key is kept in {vault.key_location}.")
    return 0


@store_errors
def cmd_vault_status(args: argparse.Namespace) -> int:
    with open_workspace() as ws:
        print(f"Workspace: {ws.root}")
        status = ws.keyring.status()
        print(f"Keyring:   {status.backend}: "
              + ("usable" if status.usable else f"not usable ({status.reason})"))
        if not ws.has_vault:
            print("Vault:     not set up ('wecom-appeal vault init')")
            return 0
        header = read_header(ws.root)
        if isinstance(header.kek, KeyringKek):
            print(f"Vault:     key in the keyring {header.kek.backend}, entry "
                  f"'{header.kek.service}/{header.kek.entry}'")
        else:
            print(f"Vault:     key under a passphrase (scrypt N={header.kek.n}, "
                  f"r={header.kek.r}, p={header.kek.p})")
        try:
            ws.unlock()
            print("State:     unlocks")
        except StoreError as exc:
            print(f"State:     locked: {exc}")
            return 1
    return 0


@store_errors
def cmd_vault_rewrap(args: argparse.Namespace) -> int:
    """Re-wrap the data key only: no document is re-encrypted."""
    with open_workspace() as ws:
        vault = ws.unlock()
        if args.to == "keyring":
            vault.move_to_keyring(ws.keyring)
        else:
            passphrase = os.environ.get(NEW_PASSPHRASE_ENV)
            if not passphrase:
                raise InputError(f"--to passphrase: set {NEW_PASSPHRASE_ENV} to the new "
                                 "passphrase")
            vault.move_to_passphrase(passphrase, ws.keyring)
        print(f"The vault key is now kept in {vault.key_location}.")
    return 0


def register_transfer_and_vault(sub: argparse._SubParsersAction) -> None:
    q = sub.add_parser("export", help="write the workspace or one case to an encrypted archive")
    q.add_argument("out", metavar="OUT")
    q.add_argument("--case", metavar="ID")
    q.set_defaults(func=cmd_export)
    q = sub.add_parser("import", help="merge an encrypted archive into the workspace")
    q.add_argument("file", metavar="IN")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_import)

    p = sub.add_parser("vault", help="the encrypted vault: set up, status, re-wrap")
    vs = p.add_subparsers(dest="vault_command", metavar="ACTION", required=True)
    q = vs.add_parser("init", help="set up the vault (keyring, or a passphrase)")
    q.add_argument("--passphrase-from-env", action="store_true",
                   help=f"protect the key with the passphrase in {PASSPHRASE_ENV}")
    q.set_defaults(func=cmd_vault_init)
    q = vs.add_parser("status", help="where the key is kept, and whether the vault unlocks")
    q.set_defaults(func=cmd_vault_status)
    q = vs.add_parser("rewrap", help="change the passphrase, or move the key to the keyring")
    q.add_argument("--to", choices=("passphrase", "keyring"), required=True,
                   help=f"'passphrase': the new one from {NEW_PASSPHRASE_ENV}")
    q.set_defaults(func=cmd_vault_rewrap)

