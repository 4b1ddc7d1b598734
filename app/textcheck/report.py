"""The check's findings as CSV (editable, forwardable) and as a PDF report."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Paragraph

from app.i18n import Lang
from app.labels import label
from app.pdf.fonts import CJKFont
from app.pdf.renderer import PdfRenderer
from app.pdf.styles import ReportStyles
from app.store.atomic import write_atomic
from app.textcheck.engine import RowFindings

COLUMNS = ("row", "severity", "category", "rule", "section", "start", "end", "matched",
           "reason", "hint", "text")


def _where(rule: str | None, section: str | None, lang: Lang) -> str:
    if rule:
        return label("check_cites", lang, rule=rule[1:], section=section)
    return label("check_not_a_rule", lang)


def write_csv(items: Sequence[RowFindings], path: Path, lang: Lang) -> int:
    """One line per finding (UTF-8 with BOM, so Excel reads the Chinese); returns the count."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([label(f"check_col_{c}", lang) for c in COLUMNS])
    count = 0
    for item in items:
        for f in item.findings:
            writer.writerow([item.row, label(f"check_severity_{f.severity}", lang), f.title,
                             f.rule or "", f.section or "", f.start, f.end, f.matched, f.reason,
                             f.hint, item.text])
            count += 1
    write_atomic(path, ("\ufeff" + buffer.getvalue()).encode("utf-8"))
    return count


class CheckReportRenderer(PdfRenderer):
    """The check report: a summary, then each text with findings, its found passages marked,
    and a table of severity, category (rule and section) and reason with the hint."""

    def __init__(self, items: Sequence[RowFindings], lang: Lang, source: str,
                 font: CJKFont | None = None) -> None:
        super().__init__(lang, font)
        self.items = items
        self.source = source

    def title(self) -> str:
        return label("check_pdf_title", self.lang)

    def story(self) -> list[Flowable]:
        from reportlab.lib.units import mm

        from app.audit import pdfkit

        lang = self.lang
        styles = ReportStyles(self.font, lang)
        flagged = [i for i in self.items if i.findings]
        total = sum(len(i.findings) for i in self.items)
        summary = (label("check_summary", lang, findings=total, texts=len(flagged),
                         of=len(self.items))
                   if total else label("check_clean", lang, texts=len(self.items)))
        story: list[Flowable] = [
            styles.p(self.title(), styles.title),
            styles.p(label("check_pdf_meta", lang, source=self.source,
                           date=dt.date.today().isoformat())),
            styles.p(summary)]
        for item in flagged:
            story.append(styles.p(label("check_row_title", lang, row=item.row), styles.h2))
            story.append(Paragraph(_marked(item), styles.body))
            rows = [[label("check_col_severity", lang), label("check_col_category", lang),
                     label("check_col_reason", lang)]]
            for f in item.findings:
                rows.append([label(f"check_severity_{f.severity}", lang),
                             f.title + label("check_paren", lang,
                                             text=_where(f.rule, f.section, lang)),
                             f"«{f.matched}» {f.reason} {label('check_hint', lang)}{f.hint}"])
            story.append(pdfkit.table(rows, [18 * mm, 45 * mm, 107 * mm], styles))
        story.append(styles.p(label("check_pdf_disclaimer", lang), styles.small))
        return story


def write_pdf(items: Sequence[RowFindings], path: Path, lang: Lang, source: str) -> None:
    """Write the report; raises app.pdf.fonts.FontNotFoundError without a CJK font."""
    CheckReportRenderer(items, lang, source).write(path)


_MARK = {"high": "#cf222e", "medium": "#b08800", "info": "#1f6feb"}


def _marked(item: RowFindings) -> str:
    """The text with each finding underlined in its severity's colour (reportlab markup)."""
    out: list[str] = []
    pos = 0
    text = item.text
    for f in sorted(item.findings, key=lambda f: f.start):
        if f.start < pos:
            continue
        out.append(escape(text[pos:f.start]))
        out.append(f'<font color="{_MARK[f.severity]}"><u>{escape(text[f.start:f.end])}</u></font>')
        pos = f.end
    out.append(escape(text[pos:]))
    return "".join(out).replace("\n", "<br/>")
