"""Step 2's live hint: what the pasted notice suggests, from the core's notice classifier."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.i18n import Lang
from app.rules.catalogue import Catalogue

# Signal from the classifier -> (step-1 question, answer, how the hint names it).
SIGNAL_ANSWERS: dict[str, tuple[str, str, str]] = {
    "account_admin": ("account", "admin",
                      QT_TRANSLATE_NOOP("NoticeHint", "the administrator account")),
    "account_enterprise": ("account", "enterprise",
                           QT_TRANSLATE_NOOP("NoticeHint", "the whole enterprise")),
    "scope_interop": ("scope", "interop",
                      QT_TRANSLATE_NOOP("NoticeHint", "only the interop functions")),
    "scope_account": ("scope", "account", QT_TRANSLATE_NOOP("NoticeHint", "the whole account")),
    "duration_temporary": ("duration", "temporary",
                           QT_TRANSLATE_NOOP("NoticeHint", "for a limited time")),
    "duration_permanent": ("duration", "permanent", QT_TRANSLATE_NOOP("NoticeHint", "permanently")),
    "duration_until_wechat_unblocked": (
        "duration", "until_wechat_unblocked",
        QT_TRANSLATE_NOOP("NoticeHint", "until the WeChat account is unblocked")),
}

translate = QCoreApplication.translate  # lupdate extracts translate("Context", "text")


def _tr(text: str) -> str:
    return translate("NoticeHint", text)


@dataclass
class NoticeHint:
    """What one notice suggests, ready to show; ``answers`` are the step-1 answers it implies."""

    category: str
    signals: str
    answers: dict[str, str]

    @classmethod
    def empty(cls) -> NoticeHint:
        return cls(translate("NoticeHint",
                             "Paste a notice to see the likely violation category."), "", {})

    @classmethod
    def from_classification(cls, result: Any, catalogue: Catalogue, lang: Lang) -> NoticeHint:
        candidates = list(getattr(result, "candidates", []) or [])
        if candidates:
            best = candidates[0]
            try:
                title = catalogue.violation(best.category).title(lang)
            except StopIteration:
                title = best.category
            category = translate(
                "NoticeHint",
                "Likely category: {title} ({rule}), confidence {confidence}%. "
                "Matched: {matched}").format(
                title=title, rule=catalogue.rule(best.rule).title(lang),
                confidence=round(best.confidence * 100),
                matched="、".join(best.matched) if lang == "zh_CN" else ", ".join(best.matched))
            if len(candidates) > 1:
                others = []
                for candidate in candidates[1:3]:
                    try:
                        others.append(catalogue.violation(candidate.category).title(lang))
                    except StopIteration:
                        others.append(candidate.category)
                category += "\n" + translate("NoticeHint", "Also possible: {others}").format(
                    others="; ".join(others))
        else:
            category = translate("NoticeHint", "No violation category recognised in this text.")

        signals: dict[str, list[str]] = dict(getattr(result, "signals", {}) or {})
        found = [name for name in SIGNAL_ANSWERS if signals.get(name)]
        by_question: dict[str, set[str]] = {}
        for name in found:
            question, answer, _ = SIGNAL_ANSWERS[name]
            by_question.setdefault(question, set()).add(answer)
        # A question the notice answers two ways is left to the user.
        answers = {q: next(iter(a)) for q, a in by_question.items() if len(a) == 1}
        if found:
            described = "; ".join(
                f"{_tr(SIGNAL_ANSWERS[name][2])} ({', '.join(signals[name])})" for name in found)
            signal_text = translate("NoticeHint", "The notice says: {signals}").format(
                signals=described)
        else:
            signal_text = translate("NoticeHint", "Nothing about scope or duration recognised.")
        return cls(category, signal_text, answers)
