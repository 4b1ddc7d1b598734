"""Helpers shared by the headless commands: reading validated input, clear errors."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)


class InputError(Exception):
    """Bad input or usage: printed on stderr, exit code 2. The message names file and field."""


def describe_validation_error(source: str, exc: ValidationError) -> str:
    lines = [f"{source}: invalid input"]
    for err in exc.errors():
        field = ".".join(str(p) for p in err["loc"]) or "(root)"
        lines.append(f"  field '{field}': {err['msg']}")
    return "\n".join(lines)


def read_text(path: str) -> tuple[str, str]:
    """Read a file path or '-' (stdin); return (name for messages, text)."""
    if path == "-":
        return "<stdin>", sys.stdin.read()
    try:
        return path, Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{path}: is a folder, not a file") from exc
    except PermissionError as exc:
        raise InputError(f"{path}: permission denied") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc


def parse_json_model(source: str, text: str, model: type[M]) -> M:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{source}: not valid JSON: {exc.msg} at line {exc.lineno}, "
                         f"column {exc.colno}") from exc
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise InputError(describe_validation_error(source, exc)) from exc


def read_json_model(path: str, model: type[M]) -> M:
    source, text = read_text(path)
    return parse_json_model(source, text, model)
