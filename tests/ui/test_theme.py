"""Light and dark themes: the contrast of every text colour, the menu, the system scheme."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from app.ui import theme

AA_TEXT = 4.5  # WCAG 2 AA, body text
AA_LARGE = 3.0  # large or bold headings; borders of controls


@pytest.fixture(autouse=True)
def _back_to_light(qapp):
    yield
    reset = theme.Theme(qapp)  # the next test starts from the system's (light) scheme
    reset.set_mode("system")
    reset.deleteLater()


def role_colour(which: str, name: str) -> QColor:
    return theme.palette(which).color(getattr(QPalette.ColorRole, name))


@pytest.mark.parametrize("which", ["light", "dark"])
@pytest.mark.parametrize("pair", theme.ROLE_PAIRS, ids=lambda p: f"{p[0]}-on-{p[1]}")
def test_palette_roles_meet_contrast(which, pair):
    fg, bg = (role_colour(which, name) for name in pair)
    assert theme.contrast(fg, bg) >= AA_TEXT, (which, pair)


def token_or_role(which: str, name: str) -> QColor:
    values = theme.TOKENS[which]
    return QColor(values[name]) if name in values else role_colour(which, name)


@pytest.mark.parametrize("which", ["light", "dark"])
@pytest.mark.parametrize("pair", theme.TEXT_PAIRS, ids=lambda p: f"{p[0]}-on-{p[1]}")
def test_theme_tokens_meet_contrast(which, pair):
    fg, bg = (token_or_role(which, name) for name in pair)
    assert theme.contrast(fg, bg) >= AA_TEXT, (which, pair, fg.name(), bg.name())


@pytest.mark.parametrize("which", ["light", "dark"])
def test_focus_borders_and_chart_lines_are_visible(which):
    base = role_colour(which, "Base")
    for token in ("accent", "control_edge"):
        for role in ("Base", "Window"):
            assert theme.contrast(theme.TOKENS[which][token],
                                  role_colour(which, role)) >= AA_LARGE, (which, token, role)
    for colour in theme.SERIES[which]:
        assert theme.contrast(colour, base) >= AA_LARGE, (which, colour)


def test_every_token_has_a_value_in_both_schemes():
    assert set(theme.TOKENS["light"]) == set(theme.TOKENS["dark"])


def test_a_low_contrast_token_is_caught(monkeypatch):
    monkeypatch.setitem(theme.TOKENS["dark"], "hint", "#555555")
    fg, bg = token_or_role("dark", "hint"), token_or_role("dark", "Window")
    assert theme.contrast(fg, bg) < AA_TEXT
    assert theme.contrast("#000000", "#ffffff") == pytest.approx(21)


def test_dark_mode_menu_is_remembered_and_restyles_the_pages(window, qapp, settings):
    page = window.show_page("diagnose")
    window.theme_actions["dark"].trigger()
    assert theme.is_dark() and settings.value(theme.SETTINGS_KEY) == "dark"
    assert isinstance(qapp.style(), theme.FusionStyle)
    window_colour = qapp.palette().color(QPalette.ColorRole.Window)
    assert window_colour.lightness() < 80
    assert theme.TOKENS["dark"]["hint"] in page.styleSheet()
    window.theme_actions["light"].trigger()
    assert not theme.is_dark()
    assert theme.TOKENS["light"]["hint"] in page.styleSheet()
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() > 200


def test_the_system_scheme_is_followed(qapp, settings, monkeypatch):
    follows = theme.Theme(qapp, settings)
    follows.setParent(None)  # collected with the test
    assert follows.mode == "system"
    monkeypatch.setattr(theme, "system_is_dark", lambda: True)
    follows._system_changed()  # what QStyleHints.colorSchemeChanged calls
    assert theme.is_dark()
    monkeypatch.setattr(theme, "system_is_dark", lambda: False)
    follows._system_changed()
    assert not theme.is_dark()
    follows.set_mode("dark")
    monkeypatch.setattr(theme, "system_is_dark", lambda: False)
    follows._system_changed()
    assert theme.is_dark(), "a chosen scheme stays until the user picks System again"


def test_no_colour_is_hard_coded_outside_the_theme():
    """Colours in app/ui come from the palette or a theme token; a hex literal would stay the
    same in dark mode. The document icon is a drawing of a white sheet of paper."""
    import re
    from pathlib import Path

    ui = Path(theme.__file__).parent
    allowed = {ui / "theme.py", ui / "pages" / "appeal_documents.py"}
    literal = re.compile(r"""["'][^"'\n]*#[0-9a-fA-F]{3,6}\b""")
    found = [f"{path.relative_to(ui)}:{n}" for path in sorted(ui.rglob("*.py"))
             if path not in allowed and "forms" not in path.parts
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if literal.search(line)]
    assert found == []
