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

from app.cliutil import InputError, check_input_file, check_output_path, pad, write_error
from app.i18n import LANGS, Lang, LocalText, system_lang
from app.labels import label, text
from app.store import archive, transfer
from app.store.cases import resolve_case_id
from app.store.errors import StoreError
from app.store.keystore import keyring_reason
from app.store.vault import KeyringKek, ScryptKek, Vault, read_header
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
            raise InputError(exc.local()) from exc
        except sqlite3.OperationalError as exc:  # locked by another process, disk full, ...
            from app.store.paths import workspace_dir
            from app.store.workspace import disk_full

            root = workspace_dir()
            if "full" in str(exc) or ("I/O error" in str(exc) and disk_full(root)):
                raise InputError(text("storeerr_disk_full", root=root)) from exc
            raise InputError(text("err_database", error=exc)) from exc
    return wrapper


def add_lang(parser: argparse.ArgumentParser, lang: Lang) -> argparse.ArgumentParser:
    parser.add_argument("--lang", choices=LANGS, default=None,
                        help=label("clihelp_lang", lang))
    return parser


def lang_of(args: argparse.Namespace) -> Lang:
    return getattr(args, "lang", None) or system_lang()


def key_location(vault: Vault, lang: Lang) -> str:
    kek = vault.header.kek
    if isinstance(kek, KeyringKek):
        return label("vault_key_keyring", lang, backend=kek.backend, service=kek.service,
                     entry=kek.entry)
    return label("vault_key_passphrase", lang)


def open_workspace() -> Workspace:
    return Workspace.open()


def _interactive() -> bool:
    return sys.stdin.isatty() and not os.environ.get(PASSPHRASE_ENV)


def _ask_new_passphrase(lang: Lang) -> str:
    first = getpass.getpass(label("prompt_new_vault_passphrase", lang))
    if getpass.getpass(label("prompt_again", lang)) != first:
        raise InputError(text("passphrases_differ"))
    return first


def unlock(ws: Workspace, lang: Lang | None = None) -> None:
    """Unlock the vault, setting one up on first use (keyring, else the passphrase variable).

    At a terminal without ``WECOM_APPEAL_PASSPHRASE`` a passphrase vault asks for it.
    """
    lang = lang or system_lang()
    if ws.has_vault and _interactive() and isinstance(read_header(ws.root).kek, ScryptKek):
        ws.unlock(getpass.getpass(label("prompt_vault_passphrase", lang)))
        return
    vault, created = ws.unlock_or_create()
    if created:
        print(label("vault_set_up", lang, root=ws.root, location=key_location(vault, lang)),
              file=sys.stderr)


def print_json(value: object) -> None:
    print(value.model_dump_json(indent=2))  # type: ignore[attr-defined]


# export / import ----------------------------------------------------------------------------

def _archive_passphrase(confirm: bool, lang: Lang) -> str:
    for var in (ARCHIVE_PASSPHRASE_ENV, PASSPHRASE_ENV):
        if os.environ.get(var):
            return os.environ[var]
    if not sys.stdin.isatty():
        raise InputError(text("archive_no_passphrase", var=ARCHIVE_PASSPHRASE_ENV,
                              fallback=PASSPHRASE_ENV))
    first = getpass.getpass(label("prompt_archive_passphrase", lang))
    if confirm and getpass.getpass(label("prompt_again", lang)) != first:
        raise InputError(text("passphrases_differ"))
    return first


@store_errors
def cmd_export(args: argparse.Namespace) -> int:
    lang = lang_of(args)
    out = check_output_path(args.out)  # before the passphrase is asked for
    passphrase = _archive_passphrase(confirm=True, lang=lang)
    if len(passphrase) < 8:
        raise InputError(text("archive_passphrase_short"))
    with open_workspace() as ws:
        unlock(ws, lang)
        case_id = resolve_case_id(ws, args.case) if args.case else None
        try:
            manifest = transfer.export_archive(ws, out, passphrase, case_id=case_id)
        except OSError as exc:  # a full disk, a folder that went away
            raise write_error(args.out, exc) from exc
    print(label("exported", lang, kind=label(f"export_kind_{manifest.kind}", lang),
                count=len(manifest.cases), path=args.out))
    return 0


@store_errors
def cmd_import(args: argparse.Namespace) -> int:
    lang = lang_of(args)
    check_input_file(args.file, limit=transfer.MAX_ARCHIVE_BYTES)
    try:  # a foreign or edited file is refused before a vault is set up or unlocked
        archive.peek_any_header(Path(args.file))
    except StoreError as exc:
        message = exc.local()
        raise InputError(LocalText(en=f"{args.file}: {message.en}",
                                   zh_CN=f"{args.file}：{message.zh_CN}")) from exc
    except OSError as exc:
        raise InputError(text("err_permission", path=args.file)) from exc
    passphrase = _archive_passphrase(confirm=False, lang=lang)
    with open_workspace() as ws:
        unlock(ws, lang)
        try:
            summary = transfer.import_archive(ws, Path(args.file), passphrase)
        except StoreError as exc:  # say which file: "not a WeCom Appeal archive" alone does not
            message = exc.local()
            raise InputError(LocalText(en=f"{args.file}: {message.en}",
                                       zh_CN=f"{args.file}：{message.zh_CN}")) from exc
    if args.json:
        print_json(summary)
        return 0
    print(label("imported", lang, cases=len(summary.cases_added),
                documents=summary.documents_added, violations=summary.violations_added,
                audits=summary.audits_added,
                profile=label(f"import_profile_{summary.profile}", lang)))
    if summary.cases_already_present:
        print(label("import_already_present", lang,
                    ids=", ".join(summary.cases_already_present)))
    return 0


# vault --------------------------------------------------------------------------------------

@store_errors
def cmd_vault_init(args: argparse.Namespace) -> int:
    lang = lang_of(args)
    with open_workspace() as ws:
        if ws.has_vault:
            raise InputError(text("vault_exists", root=ws.root))
        if args.passphrase_from_env:
            passphrase = os.environ.get(PASSPHRASE_ENV)
            if not passphrase:
                raise InputError(text("vault_env_not_set", var=PASSPHRASE_ENV))
            vault = ws.create_vault(passphrase)
        else:
            status = ws.keyring.status()
            if not status.usable and _interactive():
                why = keyring_reason(status.reason, lang)
                print(label("vault_no_keyring_ask", lang, reason=why), file=sys.stderr)
                vault = ws.create_vault(_ask_new_passphrase(lang))
            elif not status.usable:
                raise InputError(LocalText(
                    en=label("vault_no_keyring", "en", reason=status.reason, var=PASSPHRASE_ENV),
                    zh_CN=label("vault_no_keyring", "zh_CN", var=PASSPHRASE_ENV,
                                reason=keyring_reason(status.reason, "zh_CN"))))
            else:
                vault = ws.create_vault()
        print(label("vault_set_up", lang, root=ws.root, location=key_location(vault, lang)))
    return 0


def _status_line(key: str, value: str, lang: Lang) -> str:
    """'Vault:     value', the values lined up (wide characters count twice)."""
    colon = "：" if lang == "zh_CN" else ":"
    return pad(label(key, lang) + colon, 11 if lang == "en" else 10) + value


@store_errors
def cmd_vault_status(args: argparse.Namespace) -> int:
    lang = lang_of(args)
    with open_workspace() as ws:
        print(_status_line("vault_workspace", str(ws.root), lang))
        status = ws.keyring.status()
        keyring = (label("vault_keyring_usable", lang, backend=status.backend) if status.usable
                   else label("vault_keyring_unusable", lang, backend=status.backend,
                              reason=keyring_reason(status.reason, lang)))
        print(_status_line("vault_keyring", keyring, lang))
        if not ws.has_vault:
            print(_status_line("vault_vault", label("vault_not_set_up", lang), lang))
            return 0
        header = read_header(ws.root)
        if isinstance(header.kek, KeyringKek):
            where = label("vault_in_keyring", lang, backend=header.kek.backend,
                          service=header.kek.service, entry=header.kek.entry)
        else:
            where = label("vault_under_passphrase", lang, n=header.kek.n, r=header.kek.r,
                          p=header.kek.p)
        print(_status_line("vault_vault", where, lang))
        try:
            ws.unlock()
            print(_status_line("vault_state", label("vault_unlocks", lang), lang))
        except StoreError as exc:
            error = exc.local()(lang)
            print(_status_line("vault_state", label("vault_locked", lang, error=error), lang))
            return 1
    return 0


@store_errors
def cmd_vault_rewrap(args: argparse.Namespace) -> int:
    """Re-wrap the data key only: no document is re-encrypted."""
    lang = lang_of(args)
    with open_workspace() as ws:
        vault = ws.unlock()
        if args.to == "keyring":
            vault.move_to_keyring(ws.keyring)
        else:
            passphrase = os.environ.get(NEW_PASSPHRASE_ENV)
            if not passphrase:
                raise InputError(text("vault_new_passphrase_env", var=NEW_PASSPHRASE_ENV))
            vault.move_to_passphrase(passphrase, ws.keyring)
        print(label("vault_rewrapped", lang, location=key_location(vault, lang)))
    return 0


def register_transfer_and_vault(sub: argparse._SubParsersAction, lang: Lang) -> None:
    q = add_lang(sub.add_parser("export", help=label("clihelp_export", lang)), lang)
    q.add_argument("out", metavar="OUT")
    q.add_argument("--case", metavar="ID")
    q.set_defaults(func=cmd_export)
    q = add_lang(sub.add_parser("import", help=label("clihelp_import", lang)), lang)
    q.add_argument("file", metavar="IN")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_import)

    p = sub.add_parser("vault", help=label("clihelp_vault", lang))
    vs = p.add_subparsers(dest="vault_command", metavar="ACTION", required=True)
    q = add_lang(vs.add_parser("init", help=label("clihelp_vault_init", lang)), lang)
    q.add_argument("--passphrase-from-env", action="store_true",
                   help=label("clihelp_vault_passphrase_from_env", lang, var=PASSPHRASE_ENV))
    q.set_defaults(func=cmd_vault_init)
    q = add_lang(vs.add_parser("status", help=label("clihelp_vault_status", lang)), lang)
    q.set_defaults(func=cmd_vault_status)
    q = add_lang(vs.add_parser("rewrap", help=label("clihelp_vault_rewrap", lang)), lang)
    q.add_argument("--to", choices=("passphrase", "keyring"), required=True,
                   help=label("clihelp_vault_to", lang, var=NEW_PASSPHRASE_ENV))
    q.set_defaults(func=cmd_vault_rewrap)

