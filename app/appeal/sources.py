"""What the app knows about an accepted file: its real type, size, orientation and notes, and
what the user did to it (Edits). Plain models, apart from app.appeal.intake, which reads the
files with Pillow: a bundle without photos, and the models that hold these, need no Pillow
(bench/startup)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from app.i18n import LocalText


class FileType(StrEnum):
    JPEG = "jpeg"
    PNG = "png"
    HEIC = "heic"
    PDF = "pdf"


class Note(BaseModel):
    """Something the user should know about an accepted file."""

    # defer_build: validators made at first use, not at import (a bundle without photos imports it
    # and validates none).
    model_config = ConfigDict(frozen=True, defer_build=True)

    code: Literal["extension_mismatch", "low_resolution", "transparency", "owner_password"]
    message: LocalText


class SourceDocument(BaseModel):
    """An accepted file: its real type and what it holds. Sizes are after EXIF orientation."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    path: Path
    file_type: FileType
    size_bytes: int
    width: int | None = None
    height: int | None = None
    orientation: int = 1
    page_count: int = 1
    notes: list[Note] = Field(default_factory=list)

    @property
    def is_pdf(self) -> bool:
        return self.file_type is FileType.PDF


class Edits(BaseModel):
    """What the user did to an image in the app: a quarter turn and a crop."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    rotate: Literal[0, 90, 180, 270] = Field(default=0, description="Clockwise degrees.")
    crop: tuple[float, float, float, float] | None = Field(
        default=None, description="(left, top, right, bottom) as fractions of the oriented "
        "image, after rotation.")
