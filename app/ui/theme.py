"""Light and dark themes: the system colour scheme by default, or the user's choice.

A dark scheme uses the Fusion style with the dark palette below, so the app also goes dark
where the platform has no dark theme of its own (Linux without a platform theme, offscreen).
Colours that are not palette roles (the hint grey, error red, the green route box, citation
chips) are *tokens* with a value per scheme; stylesheets name them as ``@token`` and are set
through ``style(widget, template)``, which sets them again when the scheme changes.
Every token pair and palette role pair meets WCAG AA (tests/ui/test_theme.py checks it).
"""

from __future__ import annotations

import re
from typing import Literal

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from app.ui import settings as prefs

Mode = Literal["system", "light", "dark"]
MODES: tuple[Mode, ...] = ("system", "light", "dark")
SETTINGS_KEY = prefs.THEME.key  # the name this module used; declared in app/ui/settings.py
STYLE_PROPERTY = "themeStyle"  # the @token template a widget's stylesheet was made from

_Role = QPalette.ColorRole
PALETTES: dict[str, dict[QPalette.ColorRole, str]] = {
    "light": {
        _Role.Window: "#f0f0f0", _Role.WindowText: "#1a1a1a", _Role.Base: "#ffffff",
        _Role.AlternateBase: "#f4f6f8", _Role.Text: "#1a1a1a", _Role.Button: "#e6e6e6",
        _Role.ButtonText: "#1a1a1a", _Role.BrightText: "#ffffff", _Role.Highlight: "#2f65b0",
        _Role.HighlightedText: "#ffffff", _Role.ToolTipBase: "#ffffe1",
        _Role.ToolTipText: "#1a1a1a", _Role.PlaceholderText: "#6b6b6b", _Role.Link: "#0b57d0",
        _Role.LinkVisited: "#6a3fb0", _Role.Light: "#ffffff", _Role.Midlight: "#e3e3e3",
        _Role.Mid: "#b8b8b8", _Role.Dark: "#9f9f9f", _Role.Shadow: "#707070",
    },
    "dark": {
        _Role.Window: "#2b2b2b", _Role.WindowText: "#e8e8e8", _Role.Base: "#1e1e1e",
        _Role.AlternateBase: "#262a30", _Role.Text: "#e8e8e8", _Role.Button: "#383838",
        _Role.ButtonText: "#e8e8e8", _Role.BrightText: "#ffffff", _Role.Highlight: "#2f65b0",
        _Role.HighlightedText: "#ffffff", _Role.ToolTipBase: "#3c3c3c",
        _Role.ToolTipText: "#e8e8e8", _Role.PlaceholderText: "#9c9c9c", _Role.Link: "#8ab4f8",
        _Role.LinkVisited: "#c58af9", _Role.Light: "#505050", _Role.Midlight: "#404040",
        _Role.Mid: "#303030", _Role.Dark: "#1a1a1a", _Role.Shadow: "#000000",
    },
}
DISABLED_TEXT = {"light": "#8a8a8a", "dark": "#7a7a7a"}

# Text colours are read against Window and Base; *_bg / *_text pairs are boxes with their text.
TOKENS: dict[str, dict[str, str]] = {
    "light": {
        "hint": "#555555", "error": "#b00020", "warning": "#8a4b00", "success": "#1b6e20",
        "success_bg": "#e8f5e9", "success_text": "#14301a", "success_border": "#43a047",
        "warning_bg": "#fff6e0", "warning_text": "#3a2a00", "warning_border": "#d69e2e",
        "chip_bg": "#eef3fa", "chip_text": "#1f3b63", "chip_border": "#90a4c0",
        "chip_hover": "#d7e4f5", "border": "#c8ccd2", "accent": "#1d4ed8",
        "control_edge": "#767676",
        "answered": "#5b7fb4", "badge_text": "#ffffff", "badge_low": "#2e7d32",
        "badge_medium": "#a35a00", "badge_high": "#c62828",
    },
    "dark": {
        "hint": "#b4b4b4", "error": "#ff8a80", "warning": "#ffc266", "success": "#7bd88a",
        "success_bg": "#1f3a26", "success_text": "#e3f5e6", "success_border": "#4caf50",
        "warning_bg": "#3d3019", "warning_text": "#fbecc8", "warning_border": "#d69e2e",
        "chip_bg": "#263a55", "chip_text": "#d6e4f7", "chip_border": "#5a7aa6",
        "chip_hover": "#30496b", "border": "#5a5f66", "accent": "#6ea8fe",
        "control_edge": "#8c8c8c",
        "answered": "#7fa3d9", "badge_text": "#ffffff", "badge_low": "#2e7d32",
        "badge_medium": "#a35a00", "badge_high": "#c62828",
    },
}
SERIES = {"light": ("#1f5fa8", "#2e7d32", "#c62828", "#7b1fa2"),
          "dark": ("#6ea8fe", "#7bd88a", "#ff8a80", "#d7a5f0")}
# (foreground token, background token or palette role name) pairs that carry text.
TEXT_PAIRS = [("hint", "Window"), ("hint", "Base"), ("error", "Window"), ("error", "Base"),
              ("warning", "Window"), ("warning", "Base"), ("success", "Window"),
              ("success", "Base"), ("success_text", "success_bg"),
              ("warning_text", "warning_bg"), ("chip_text", "chip_bg"),
              ("chip_text", "chip_hover"), ("badge_text", "badge_low"),
              ("badge_text", "badge_medium"), ("badge_text", "badge_high")]
ROLE_PAIRS = [("WindowText", "Window"), ("Text", "Base"), ("Text", "AlternateBase"),
              ("ButtonText", "Button"), ("HighlightedText", "Highlight"),
              ("ToolTipText", "ToolTipBase"), ("PlaceholderText", "Base"), ("Link", "Base"),
              ("WindowText", "Base")]

_TOKEN = re.compile(r"@([a-z_]+)")
_scheme = "light"  # the scheme in effect: "light" or "dark"
_native_palette: QPalette | None = None  # the platform's palette, before any theme
_native_style: str | None = None  # the platform's style, remembered when Fusion replaces it
# Whether ``style()`` was ever used: until then no widget has a template to restyle, and the
# walk over every widget (which gives PySide each widget's class to wrap) is skipped.
_any_styled = False


def scheme() -> str:
    return _scheme


def is_dark() -> bool:
    return _scheme == "dark"


def tokens(which: str | None = None) -> dict[str, str]:
    return TOKENS[which or _scheme]


def color(name: str) -> QColor:
    return QColor(tokens()[name])


def series_colour(index: int) -> QColor:
    colours = SERIES[_scheme]
    return QColor(colours[index % len(colours)])


def css(template: str) -> str:
    """``template`` with each ``@token`` replaced by its colour in the current scheme."""
    values = tokens()
    return _TOKEN.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def style(widget: QWidget, template: str) -> None:
    """Set ``widget``'s stylesheet from a template; it follows later scheme changes."""
    global _any_styled
    _any_styled = True
    widget.setProperty(STYLE_PROPERTY, template)
    widget.setStyleSheet(css(template))


def palette(which: str) -> QPalette:
    result = QPalette()
    for role, value in PALETTES[which].items():
        result.setColor(role, QColor(value))
    for role in (_Role.WindowText, _Role.Text, _Role.ButtonText, _Role.PlaceholderText):
        result.setColor(QPalette.ColorGroup.Disabled, role, QColor(DISABLED_TEXT[which]))
    result.setColor(QPalette.ColorGroup.Disabled, _Role.Highlight, QColor(PALETTES[which][
        _Role.Mid]))
    return result


def system_is_dark() -> bool:
    from PySide6.QtCore import Qt

    hints = QGuiApplication.styleHints()
    return hasattr(hints, "colorScheme") and hints.colorScheme() == Qt.ColorScheme.Dark


def contrast(foreground: QColor | str, background: QColor | str) -> float:
    """The WCAG 2 contrast ratio of two colours (1 to 21)."""
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return (0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF())
                + 0.0722 * channel(c.blueF()))
    a, b = luminance(QColor(foreground)), luminance(QColor(background))
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


class _Announcer(QObject):
    changed = Signal(str)  # the scheme now in effect: "light" or "dark"


_announcer: _Announcer | None = None


def announcer() -> _Announcer:
    """Emits ``changed`` after any Theme has applied a scheme (palette and stylesheets are
    already in place). Rich text and item colours made from tokens are not restyled by
    ``style()``: their widgets connect the method that renders them to this signal."""
    global _announcer
    if _announcer is None:
        _announcer = _Announcer()
    return _announcer


class Theme(QObject):
    """Applies the chosen mode to the application and follows the system's colour scheme."""

    changed = Signal(str)  # the scheme now in effect: "light" or "dark"

    def __init__(self, app: QApplication, settings: QSettings | None = None,
                 parent: QObject | None = None) -> None:
        global _native_palette
        super().__init__(parent if parent is not None else app)
        self._app = app
        self._settings = settings
        if _native_palette is None:
            _native_palette = app.palette()  # a copy (QPalette(...) would load the Qt namespace)
        self._native_palette = _native_palette
        value = prefs.THEME.read(settings) if settings is not None else None
        self.mode: Mode = value if value in MODES else "system"
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(self._system_changed)
        self.apply()

    def set_mode(self, mode: Mode) -> None:
        self.mode = mode
        if self._settings is not None:
            prefs.THEME.write(self._settings, mode)
        self.apply()

    def wanted_scheme(self) -> str:
        if self.mode == "system":
            return "dark" if system_is_dark() else "light"
        return self.mode

    def apply(self) -> None:
        global _scheme, _native_style
        which = self.wanted_scheme()
        if which == "dark" or self.mode == "light":
            # Fusion draws with the palette everywhere; native styles may not.
            from app.ui.theme_fusion import FusionStyle

            style = self._app.style()
            if not isinstance(style, FusionStyle):
                if _native_style is None:
                    _native_style = style.name()
                self._app.setStyle(FusionStyle(TOKENS["dark"]["control_edge"],
                                               TOKENS["dark"]["accent"]))
            self._app.setPalette(palette(which))
        else:
            # The platform's style stays until a theme replaces it (the QStyle classes are not
            # imported before the first paint: docs/design.md, "Start-up").
            if (_native_style is not None
                    and self._app.style().name().lower() != _native_style.lower()):
                from PySide6.QtWidgets import QStyleFactory

                self._app.setStyle(QStyleFactory.create(_native_style))
            self._app.setPalette(self._native_palette)
        _scheme = which
        for widget in self._app.allWidgets() if _any_styled else ():
            template = widget.property(STYLE_PROPERTY)
            if template:
                widget.setStyleSheet(css(template))
        self.changed.emit(which)
        announcer().changed.emit(which)

    def _system_changed(self, *_: object) -> None:
        if self.mode == "system":
            self.apply()


def __getattr__(name: str) -> object:
    if name == "FusionStyle":  # app/ui/theme_fusion.py, imported when first needed
        from app.ui.theme_fusion import FusionStyle

        return FusionStyle
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
