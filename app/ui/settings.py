"""Every preference the app keeps in QSettings, declared once: key, type and default.

Pages read and write through these declarations (``LANGUAGE.read(settings)``,
``THEME.write(settings, "dark")``), never through key strings of their own. QSettings holds window
state and preferences only, never anything of a case (docs/design.md, "Settings").

Types: ``bool``, ``int`` and ``str`` are converted back from what the settings file stored (an
INI file keeps every value as text); ``bytes`` is Qt's saved window geometry or state
(QByteArray), returned as stored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QSettings

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    type: type
    # The value when nothing (or nothing usable) is stored; a callable is asked when needed, for
    # defaults that live in a core module the start-up should not import.
    default: T | Callable[[], T]

    def default_value(self) -> T:
        return self.default() if callable(self.default) else self.default  # type: ignore[return-value]

    def read(self, settings: QSettings) -> T:
        raw = settings.value(self.key)
        if raw is None:
            return self.default_value()
        try:
            return self._convert(raw)
        except (TypeError, ValueError):
            return self.default_value()

    def write(self, settings: QSettings, value: T) -> None:
        settings.setValue(self.key, value)

    def remove(self, settings: QSettings) -> None:
        settings.remove(self.key)

    def _convert(self, raw: Any) -> T:
        if self.type is bool:
            if isinstance(raw, bool):
                return raw  # type: ignore[return-value]
            text = str(raw).strip().lower()
            if text in ("true", "1"):
                return True  # type: ignore[return-value]
            if text in ("false", "0"):
                return False  # type: ignore[return-value]
            raise ValueError(raw)
        if self.type is int:
            return int(raw)  # type: ignore[return-value]
        if self.type is str:
            return str(raw)  # type: ignore[return-value]
        return raw  # bytes: Qt's QByteArray as stored


# The window ---------------------------------------------------------------------------------
LANGUAGE = Setting[str]("ui/language", str, "")  # "" : the system's language
THEME = Setting[str]("ui/theme", str, "system")  # system, light or dark
WINDOW_GEOMETRY = Setting[Any]("ui/main_window/geometry", bytes, None)
WINDOW_STATE = Setting[Any]("ui/main_window/state", bytes, None)
CURRENT_PAGE = Setting[str]("ui/main_window/page", str, "")
WELCOME_SHOWN = Setting[bool]("ui/welcome_shown", bool, False)  # true once shown on a first start

# Self-audit ---------------------------------------------------------------------------------
WECOM_API_BASE_URL = Setting[str]("audit/api/base_url", str, "https://qyapi.weixin.qq.com")
WECOM_API_MEMBERS = Setting[str]("audit/api/members", str, "")  # one userid a line
SCAN_THRESHOLDS = Setting[str]("audit/scan/thresholds", str, "")  # JSON of ScanThresholds

ALL: tuple[Setting[Any], ...] = (
    LANGUAGE, THEME, WINDOW_GEOMETRY, WINDOW_STATE, CURRENT_PAGE, WELCOME_SHOWN, WECOM_API_BASE_URL,
    WECOM_API_MEMBERS, SCAN_THRESHOLDS,
)
# The appeal package's choices (watermark, dpi, kit limits, language) are kept in each case's
# draft in the workspace; app/store/drafts.py moves what older versions kept under "appeal/".
