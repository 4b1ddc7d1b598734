"""Helpers shared by the headless commands: reading validated input, clear errors."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import secrets
import stat
import sys
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from app.errors import UserError
from app.i18n import LocalText
from app.labels import all_labels
from app.labels import text as local

M = TypeVar("M", bound=BaseModel)


class InputError(UserError):
    """Bad input or usage: printed on stderr, exit code 2. The message names file and field.

    A LocalText message is printed in the command's language; ``str()`` is the English."""


def describe_validation_error(source: str, exc: ValidationError) -> LocalText:
    lines = [local("err_invalid_input", source=source)]
    for err in exc.errors():
        field = ".".join(str(p) for p in err["loc"]) or "(root)"
        msg = _pydantic_message(err)
        lines.append(LocalText(en=local("err_invalid_field", field=field, msg=msg.en).en,
                               zh_CN=local("err_invalid_field", field=field,
                                           msg=msg.zh_CN).zh_CN))
    return LocalText(en="\n".join(t.en for t in lines), zh_CN="\n".join(t.zh_CN for t in lines))


def _pydantic_message(err: dict) -> LocalText:
    """Pydantic's message, and the Chinese of its commonest kinds (others stay English)."""
    key = f"pydantic_{err['type']}"
    try:
        ctx = dict(err.get("ctx") or {})
        if isinstance(ctx.get("expected"), str):  # "'a', 'b' or 'c'"
            ctx["expected"] = ctx["expected"].replace(" or ", ", ")
        zh = local(key, **ctx).zh_CN
    except (KeyError, IndexError):
        zh = err["msg"]
    return LocalText(en=err["msg"], zh_CN=zh)


def width(value: str) -> int:
    """Columns ``value`` takes in a terminal: wide (CJK) characters count twice."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in value)


def pad(value: object, columns: int, align: str = "<") -> str:
    """``value`` padded to ``columns`` terminal columns (format's < and >, CJK-aware), its
    control characters escaped (:func:`shown`)."""
    safe = shown(value)
    fill = " " * max(0, columns - width(safe))
    return fill + safe if align == ">" else safe + fill


# Reading input --------------------------------------------------------------------------------
# A report, profile, case or answers file is kilobytes; 1 MiB leaves room for long notices and
# statements while a mistaken /dev/zero or a video is refused before it fills the memory.
MAX_TEXT_BYTES = 1024 * 1024
# Deeper JSON than this is refused before the parser recurses (no real input nests past ~10).
MAX_JSON_DEPTH = 64


def _mb(size: int) -> str:
    return f"{size / 2**20:.0f} MB" if size >= 2**20 else f"{size / 1024:.0f} KB"


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "other"


def _open_error(path: str, exc: OSError) -> InputError:
    if exc.errno == errno.ENOENT:
        return InputError(local("err_no_file", path=path))
    if exc.errno in (errno.EACCES, errno.EPERM):
        return InputError(local("err_permission", path=path))
    if exc.errno == errno.ELOOP:
        return InputError(local("err_link_loop", path=path))
    if exc.errno == errno.EISDIR:
        return InputError(local("err_is_folder", path=path))
    if exc.errno == errno.ENAMETOOLONG:
        return InputError(local("err_name_too_long", path=path))
    return InputError(local("err_cannot_read", path=path, reason=exc.strerror or str(exc)))


def _special(key: str, path: str, mode: int | None) -> InputError:
    """``key``'s message with the kind of file in each language."""
    kind = local(f"filekind_{_kind_of(mode)}") if mode is not None else local("filekind_other")
    message = all_labels()[key]
    return InputError(LocalText(en=message.en.format(path=path, kind=kind.en),
                                zh_CN=message.zh_CN.format(path=path, kind=kind.zh_CN)))


def check_input_file(path: str | os.PathLike[str], *, limit: int | None = None) -> int:
    """Refuse what is not a readable regular file (folder, FIFO, device, socket, dangling or
    looping link) or is larger than ``limit`` bytes, before anything is opened. Returns the
    size. Symbolic links to a regular file are fine: the user chose that file."""
    shown = str(path)
    try:
        info = os.stat(path)
    except OSError as exc:
        raise _open_error(shown, exc) from exc
    except ValueError as exc:  # an embedded NUL byte
        raise InputError(local("err_no_file", path=shown)) from exc
    if stat.S_ISDIR(info.st_mode):
        raise InputError(local("err_is_folder", path=shown))
    if not stat.S_ISREG(info.st_mode):
        raise _special("err_not_regular", shown, info.st_mode)
    if limit is not None and info.st_size > limit:
        raise InputError(local("err_too_large", path=shown, size=_mb(info.st_size),
                               limit=_mb(limit)))
    return info.st_size


def read_bytes_capped(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, or InputError naming the file.

    The size is checked from the file system first; the read itself stops after ``limit`` + 1
    bytes, so a file that grows while read (or lies about its size) is refused all the same."""
    shown = str(path)
    check_input_file(path, limit=limit)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                     | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise _open_error(shown, exc) from exc
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped for a FIFO since the check
            raise _special("err_not_regular", shown, None)
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read(limit + 1)
    except OSError as exc:
        raise _open_error(shown, exc) from exc
    finally:
        os.close(fd)
    if len(data) > limit:
        raise InputError(local("err_too_large", path=shown, size=f"> {_mb(limit)}",
                               limit=_mb(limit)))
    return data


def read_text(path: str, *, limit: int = MAX_TEXT_BYTES) -> tuple[str, str]:
    """Read a file path or '-' (stdin), at most ``limit`` bytes of UTF-8; return (name for
    messages, text)."""
    if path == "-":
        source = "<stdin>"
        stream = getattr(sys.stdin, "buffer", None)  # a replaced stdin may be text only
        data = (stream.read(limit + 1) if stream is not None
                else sys.stdin.read(limit + 1).encode("utf-8"))
        if len(data) > limit:
            raise InputError(local("err_too_large", path=source, size=f"> {_mb(limit)}",
                                   limit=_mb(limit)))
    else:
        source = path
        data = read_bytes_capped(path, limit)
    try:
        return source, data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(local("err_not_utf8", path=source, reason=exc.reason,
                              start=exc.start)) from exc


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
    found: dict[str, object] = {}
    for key, value in pairs:
        if key in found:
            raise _DuplicateKey(key)
        found[key] = value
    return found


def json_depth(text: str) -> int:
    """How deeply brackets nest in ``text`` (strings skipped), without recursing."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def load_json(source: str, text: str) -> object:
    """Parse JSON with the refusals every reader needs: too deep, duplicate keys, numbers too
    long, NaN; each an InputError naming ``source``."""
    if json_depth(text) > MAX_JSON_DEPTH:
        raise InputError(local("err_json_too_deep", source=source, limit=MAX_JSON_DEPTH))
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates,
                          parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise InputError(local("err_not_json", source=source, msg=exc.msg, line=exc.lineno,
                              column=exc.colno)) from exc
    except _DuplicateKey as exc:
        raise InputError(local("err_json_duplicate", source=source, name=exc.key)) from exc
    except RecursionError as exc:
        raise InputError(local("err_json_too_deep", source=source,
                               limit=MAX_JSON_DEPTH)) from exc
    except ValueError as exc:  # int digits over sys.get_int_max_str_digits(), NaN
        raise InputError(local("err_json_number", source=source)) from exc


def _refuse_constant(name: str) -> object:
    raise ValueError(name)


def parse_json_model(source: str, text: str, model: type[M],
                     context: dict[str, object] | None = None) -> M:
    """``text`` as ``model``; ``context`` is pydantic's validation context (e.g. the Profile's
    ``{"mode": "draft"}``)."""
    data = load_json(source, text)
    try:
        return model.model_validate(data, context=context)
    except ValidationError as exc:
        raise InputError(describe_validation_error(source, exc)) from exc
    except RecursionError as exc:
        raise InputError(local("err_json_too_deep", source=source,
                               limit=MAX_JSON_DEPTH)) from exc


def read_json_model(path: str, model: type[M], context: dict[str, object] | None = None) -> M:
    source, text = read_text(path)
    return parse_json_model(source, text, model, context)


def int_in_range(option: str, low: int, high: int) -> Callable[[str], int]:
    """An argparse ``type``: an integer between ``low`` and ``high`` (no OverflowError from a
    99999999 that reaches date arithmetic)."""
    import argparse

    def parse(value: str) -> int:
        number = int(value)  # ValueError: argparse's own "invalid int value" (translated)
        if not low <= number <= high:
            from app.i18n import system_lang

            raise argparse.ArgumentTypeError(local("err_value_range", option=option,
                                                   value=value[:20], low=low,
                                                   high=high)(system_lang()))
        return number
    parse.__name__ = "int"
    return parse


# Writing output -----------------------------------------------------------------------------

def _write_reason(exc: OSError) -> LocalText:
    """Why a write failed, in words: a full disk says so (not "I/O error")."""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return local("reason_disk_full")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return local("reason_permission")
    if exc.errno == errno.EROFS:
        return local("reason_read_only")
    if exc.errno == errno.ENOENT:
        return local("reason_no_folder")
    if exc.errno == errno.EISDIR:
        return local("reason_is_folder")
    if exc.errno == errno.ENAMETOOLONG:
        return local("reason_name_too_long")
    return LocalText(en=exc.strerror or str(exc), zh_CN=exc.strerror or str(exc))


def write_error(path: str | os.PathLike[str], exc: OSError) -> InputError:
    reason = _write_reason(exc)
    return InputError(LocalText(en=local("err_cannot_write", path=path, reason=reason.en).en,
                                zh_CN=local("err_cannot_write", path=path,
                                            reason=reason.zh_CN).zh_CN))


def check_output_path(path: str | os.PathLike[str]) -> Path:
    """Refuse an output path that cannot be a new or replaced regular file: a folder, a
    device or FIFO (``/dev/full``), a missing folder. Returns it as a Path."""
    target = Path(path)
    shown = str(path)
    if not shown or shown.endswith(("/", os.sep)):
        raise InputError(local("err_output_is_folder", path=shown))
    try:
        info = os.stat(target)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise write_error(shown, exc) from exc
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise InputError(local("err_output_is_folder", path=shown))
        if not stat.S_ISREG(info.st_mode):
            raise _special("err_output_not_regular", shown, info.st_mode)
    parent = target.parent
    if not parent.is_dir():
        raise InputError(local("err_output_no_folder", path=shown, folder=str(parent)))
    return target


@contextlib.contextmanager
def private_output(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Write an output that holds personal data: yields a temporary path in the same folder,
    created readable by the owner only (0600, whatever the umask); on success it replaces
    ``path`` atomically, on any failure or signal it is removed. OSError becomes an
    InputError that names the file and the reason ("disk full" when it is).

    Every command that writes a file the user named (-o, --csv, --kit, export) uses this, so
    a half-written PDF holding ID images never stays behind."""
    target = check_output_path(path)
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
                     | getattr(os, "O_BINARY", 0), 0o600)
        os.close(fd)
    except OSError as exc:
        raise write_error(path, exc) from exc
    try:
        yield tmp
        with contextlib.suppress(OSError):
            os.chmod(tmp, 0o600)  # a builder that recreated the file got the umask's mode
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise write_error(path, exc) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def write_private(path: str | os.PathLike[str], data: bytes) -> None:
    """``data`` into ``path`` through :func:`private_output`."""
    with private_output(path) as tmp, open(tmp, "wb") as f:
        f.write(data)


# Printing -----------------------------------------------------------------------------------

_CONTROL = {c: f"\\x{c:02x}" for c in [*range(0x20), 0x7F]}
_CONTROL |= {c: f"\\x{c:02x}" for c in range(0x80, 0xA0)}
_CONTROL |= {c: f"\\u{c:04x}" for c in (0x2028, 0x2029, 0x200E, 0x200F, *range(0x202A, 0x202F),
                                         *range(0x2066, 0x206A))}


def shown(value: object) -> str:
    """``value`` safe for a terminal: control characters (ESC sequences, carriage returns,
    bidirectional overrides) are printed as visible escapes, never interpreted."""
    return str(value).translate(_CONTROL)
