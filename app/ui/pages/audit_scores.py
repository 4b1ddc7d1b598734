"""The Checklist tab's scores: overall with the risk level (coloured, and said in words), per
category, and the findings explained point by point."""

from __future__ import annotations

import html
import math

from PySide6.QtCore import QObject
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QLabel, QProgressBar, QSizePolicy

from app.audit.checklist import Checklist
from app.audit.scoring import AuditResult, answer_word
from app.i18n import Lang
from app.ui import theme
from app.ui.forms.ui_audit_checklist import Ui_AuditChecklistPage

LEVEL_COLOURS = {"low": "@badge_low", "medium": "@badge_medium", "high": "@badge_high"}


def text_room(label: QLabel, text: str) -> int:
    """Pixels ``label`` needs to draw ``text`` whole: the wider of the advance and the ink (a
    synthetic bold, as fontconfig makes for WenQuanYi Micro Hei, inks past the advance), plus
    half a character of slack for rounding at fractional scales."""
    metrics = QFontMetricsF(label.font())
    ink = metrics.tightBoundingRect(text)
    needed = max(metrics.horizontalAdvance(text), ink.right(), ink.width())
    margins = label.contentsMargins()
    return (math.ceil(needed + metrics.averageCharWidth() / 2) + 2 * label.margin()
            + margins.left() + margins.right())


class AuditScores(QObject):
    def __init__(self, ui: Ui_AuditChecklistPage, checklist: Checklist) -> None:
        super().__init__(ui.summaryPanel)
        self.ui = ui
        self.checklist = checklist
        self._category_rows: dict[str, tuple[QLabel, QProgressBar, QLabel]] = {}
        self._build_categories()

    def show(self, result: AuditResult | None, lang: Lang, total: int) -> None:
        """``total``: questions in the checklist, for "n of total answered"."""
        self._show_scores(result, lang, total)
        self._show_findings(result, lang)

    def category_row(self, category: str) -> tuple[QLabel, QProgressBar, QLabel]:
        return self._category_rows[category]

    def _build_categories(self) -> None:
        grid = self.ui.categoryLayout
        for row, group in enumerate(self.checklist.categories):
            name = QLabel(wordWrap=True)
            bar = QProgressBar(maximum=100, textVisible=True)
            bar.setMaximumWidth(140)
            detail = QLabel()
            detail.setProperty("hint", True)
            grid.addWidget(name, row, 0)
            grid.addWidget(bar, row, 1)
            grid.addWidget(detail, row, 2)
            self._category_rows[group.id] = (name, bar, detail)
        grid.setColumnStretch(0, 1)

    def _show_scores(self, result: AuditResult | None, lang: Lang, total: int) -> None:
        ui = self.ui
        if result is None:
            ui.overallLabel.setText(self.tr("No score yet"))
            ui.levelBadge.clear()
            theme.style(ui.levelBadge, "")
            ui.levelMeaning.setText(self.tr("Answer a question with yes, partly or no to see "
                                            "the scores."))
        else:
            score_text = self.tr("{score:.0f} / 100")
            ui.overallLabel.setText(score_text.format(score=result.overall))
            ui.levelBadge.setText(result.level_label(lang))
            colour = LEVEL_COLOURS.get(result.level, "@badge_medium")
            theme.style(ui.levelBadge, f"QLabel {{ background: {colour}; color: @badge_text; "
                                        "border-radius: 4px; padding: 2px 8px; "
                                        "font-weight: bold; }")
            meaning = result.level_meaning(lang)
            answered = len(result.answers)
            meaning += " " + self.tr("{answered} of {total} questions answered.").format(
                answered=answered, total=total)
            ui.levelMeaning.setText(meaning)
        # Room for the widest score ("100 / 100") whatever the score is: never cut at the right.
        widest = self.tr("{score:.0f} / 100").format(score=100) if result else ""
        ui.overallLabel.setMinimumWidth(max(text_room(ui.overallLabel, text)
                                            for text in (ui.overallLabel.text(), widest)))
        ui.overallLabel.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        scores = {c.id: c for c in result.categories} if result else {}
        for group in self.checklist.categories:
            name, bar, detail = self._category_rows[group.id]
            name.setText(group.title(lang))
            score = scores.get(group.id)
            if score is None or score.score is None:
                bar.setValue(0)
                # Nothing answered is not an answer of "not applicable".
                bar.setFormat(self.tr("not answered") if score is None or score.answered == 0
                              else self.tr("n/a"))
                detail.setText("")
            else:
                bar.setValue(round(score.score))
                bar.setFormat(f"{score.score:.0f}")
                detail.setText(self.tr("%n finding(s)", "", score.findings))

    def _show_findings(self, result: AuditResult | None, lang: Lang) -> None:
        if result is None:
            self.ui.findingsView.setHtml("")
            return
        lines = result.explain(lang)[:1]
        lines += [self.tr("A critical question was answered “no”, which raises the level: "
                          "{question}").format(question=self.checklist.question(q).text(lang))
                  for q in result.critical_noes]
        titles = {c.id: c.title(lang) for c in result.categories}
        lines += [self.tr("“{category}” scores below {floor:g}, which raises the level.").format(
            category=titles[c], floor=self.checklist.risk.weak_category_below)
            for c in result.weak_categories]
        parts = [f"<p>{html.escape(line)}</p>" for line in lines]
        for finding in result.findings:
            question = self.checklist.question(finding.question)
            lines = [
                f"<b>{html.escape(question.text(lang))}</b>",
                self.tr("Answer: {answer}; −{points:g} points; sections {sections}").format(
                    answer=answer_word(finding.answer, lang), points=finding.points_lost,
                    sections=", ".join(finding.citations)),
                self.tr("What the rules say: {basis}").format(basis=finding.basis(lang)),
                self.tr("Advice (this app's suggestion): {advice}").format(
                    advice=finding.advice(lang)),
            ]
            if finding.critical:
                lines.insert(1, self.tr("Critical question."))
            if finding.note:
                lines.append(self.tr("Your note: {note}").format(note=finding.note))
            parts.append("<p>" + "<br>".join(
                lines[:1] + [html.escape(line) for line in lines[1:]]) + "</p>")
        if not result.findings:
            parts.append("<p>" + html.escape(self.tr("No findings: every answered question is "
                                                     "compliant.")) + "</p>")
        if result.unanswered:
            parts.append("<p><i>" + html.escape(self.tr("%n question(s) not answered yet; they "
                                                        "are not scored.", "",
                                                        len(result.unanswered))) + "</i></p>")
        self.ui.findingsView.setHtml("".join(parts))
