"""HTML of the check page's detail pane and send-plan result (no widgets here)."""

from __future__ import annotations

import html

from app.i18n import Lang
from app.labels import label
from app.textcheck.engine import Finding, RowFindings
from app.textcheck.plans import PlanFinding
from app.ui import theme

# Theme tokens per severity: text on the window, and a marked passage (background, text).
_TEXT = {"high": "error", "medium": "warning", "info": "accent"}
_BADGE = {"high": "badge_high", "medium": "badge_medium", "info": "accent"}
_MARK = {"high": ("badge_high", "badge_text"), "medium": ("warning_bg", "warning_text"),
         "info": ("chip_bg", "chip_text")}


def colour(severity: str) -> str:
    """The severity's text colour in the scheme in effect."""
    return theme.tokens()[_TEXT[severity]]


def badge(severity: str) -> tuple[str, str]:
    """Background and text colour of the severity's badge in the findings table."""
    tokens = theme.tokens()
    return tokens[_BADGE[severity]], tokens["badge_text"]


def _mark(severity: str) -> tuple[str, str]:
    background, text = _MARK[severity]
    tokens = theme.tokens()
    return tokens[background], tokens[text]


def where(f: Finding, lang: Lang) -> str:
    if f.rule:
        return label("check_cites", lang, rule=f.rule[1:], section=f.section)
    return label("check_not_a_rule", lang)


def highlighted(item: RowFindings, current: int) -> str:
    """The text with every finding marked in its severity's colour; ``current`` underlined."""
    out: list[str] = []
    pos = 0
    text = item.text
    for i, f in sorted(enumerate(item.findings), key=lambda p: (p[1].start, -p[1].end)):
        if f.start < pos:
            continue
        underline = "text-decoration:underline;" if i == current else ""
        out.append(html.escape(text[pos:f.start]))
        background, foreground = _mark(f.severity)
        out.append(f'<span style="background-color:{background};color:{foreground};'
                   f'{underline}">{html.escape(text[f.start:f.end])}</span>')
        pos = f.end
    out.append(html.escape(text[pos:]))
    return "".join(out).replace("\n", "<br>")


def detail_html(item: RowFindings, current: int, lang: Lang, row_title: str) -> str:
    parts = [f"<p><b>{html.escape(row_title)}</b></p>", f"<p>{highlighted(item, current)}</p>",
             "<hr>"]
    for i, f in enumerate(item.findings):
        weight = "font-weight:600;" if i == current else ""
        severity = html.escape(label("check_severity_" + f.severity, lang))
        parts.append(
            f'<p style="{weight}"><span style="color:{colour(f.severity)}">[{severity}]</span> '
            f"{html.escape(f.title)} · {html.escape(where(f, lang))} · "
            f"«{html.escape(f.matched)}»<br>{html.escape(f.reason)}<br>"
            f"<i>{html.escape(label('check_hint', lang) + f.hint)}</i></p>")
    return "".join(parts)


def plan_html(found: list[PlanFinding], lang: Lang, clean: str) -> str:
    if not found:
        return f'<span style="color:{theme.tokens()["success"]}">{html.escape(clean)}</span>'
    parts = []
    for f in found:
        severity = html.escape(label("check_severity_" + f.severity, lang))
        source = f"<br><small>{html.escape(f.source)}</small>" if f.source else ""
        parts.append(f'<p><span style="color:{colour(f.severity)}">[{severity}]</span> '
                     f"{html.escape(f.reason)}{source}<br>"
                     f"<i>{html.escape(label('check_hint', lang) + f.hint)}</i></p>")
    return "".join(parts)
