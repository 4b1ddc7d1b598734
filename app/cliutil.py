"""Helpers shared by the headless commands: reading validated input, clear errors."""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from app.errors import UserError
from app.i18n import LocalText
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
    """``value`` padded to ``columns`` terminal columns (format's < and >, CJK-aware)."""
    shown = str(value)
    fill = " " * max(0, columns - width(shown))
    return fill + shown if align == ">" else shown + fill


def read_text(path: str) -> tuple[str, str]:
    """Read a file path or '-' (stdin); return (name for messages, text)."""
    if path == "-":
        return "<stdin>", sys.stdin.read()
    try:
        return path, Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise InputError(local("err_no_file", path=path)) from exc
    except IsADirectoryError as exc:
        raise InputError(local("err_is_folder", path=path)) from exc
    except PermissionError as exc:
        raise InputError(local("err_permission", path=path)) from exc
    except UnicodeDecodeError as exc:
        raise InputError(local("err_not_utf8", path=path, reason=exc.reason,
                              start=exc.start)) from exc


def parse_json_model(source: str, text: str, model: type[M]) -> M:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(local("err_not_json", source=source, msg=exc.msg, line=exc.lineno,
                              column=exc.colno)) from exc
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise InputError(describe_validation_error(source, exc)) from exc


def read_json_model(path: str, model: type[M]) -> M:
    source, text = read_text(path)
    return parse_json_model(source, text, model)
