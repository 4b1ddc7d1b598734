"""The appeal statement (申诉说明): the enterprise's letter to WeCom, written from facts.

Structure: who we are; what happened (date, accounts, the notice quoted); why we believe we
complied (the administrator's own words, guided by prompts); corrective and preventive
measures; the request; the attached documents (the bundle adds their page numbers); signature.

It states only what the administrator entered or confirmed. A measure reads as done only when
a confirmed source says so (``Measure.done``: a self-audit answer, a remediation-plan item
marked done, or the administrator ticked it). Every other slot is a visible placeholder
``【请填写：…】`` (``[Please fill in: …]`` in English packages) that ``placeholders()`` lists and
the completeness check reports. Nothing of the diagnosis' explanations is copied and no penalty
clause is cited: that reasoning is advice to the administrator, not text for the reviewer.

Plain text on purpose: the same text goes on a PDF page and into the upload form's text box.
Paragraphs are separated by blank lines. Chinese text is typeset (``typeset_zh``): full-width
punctuation next to Chinese characters, no stray spaces around Chinese text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.i18n import Lang, LocalText
from app.labels import label

if TYPE_CHECKING:  # types only: the bundle's start-up needs neither (bench/startup)
    from app.appeal.profile import Profile
    from app.rules.contract import Diagnosis, RestrictionReport


STATEMENT_TITLE = LocalText(en="Appeal statement", zh_CN="申诉说明")
MeasureSource = Literal["administrator", "self_audit", "remediation_plan"]
# The guided prompts for "why we believe we complied" (labels stmt_prompt_*), in order.
COMPLIED_PROMPTS: tuple[str, ...] = ("stmt_prompt_use", "stmt_prompt_customers",
                                     "stmt_prompt_tools", "stmt_prompt_messages",
                                     "stmt_prompt_checked")


class Measure(BaseModel):
    """A corrective or preventive measure. Printed as done only when ``done`` is true, i.e. a
    confirmed source says so; otherwise it becomes a placeholder asking whether it was done."""

    # defer_build: validators made at first use, not at import (a bundle imports it and most
    # validate none).
    model_config = ConfigDict(extra="forbid", defer_build=True)

    text: str = Field(min_length=1, max_length=500)
    done: bool = False
    source: MeasureSource = "administrator"


def complied_prompts(lang: Lang) -> list[str]:
    """The questions that guide the administrator's "why we believe we complied"."""
    return [label(key, lang) for key in COMPLIED_PROMPTS]


# Placeholders --------------------------------------------------------------------------------

PLACEHOLDER = re.compile(r"【请填写：(?P<zh>[^】]*)】|\[Please fill in: (?P<en>[^\]]*)\]")


def placeholder(what: str, lang: Lang) -> str:
    return label("stmt_placeholder", lang, what=what)


def placeholders(text: str) -> list[str]:
    """What is still to fill in: the placeholders of ``text`` (their wording), in order."""
    return [m.group("zh") if m.group("zh") is not None else m.group("en")
            for m in PLACEHOLDER.finditer(text)]


# Chinese typesetting -------------------------------------------------------------------------

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_FULL = r"\u3000-\u303f\uff00-\uffef\u201c\u201d\u2018\u2019"  # CJK punctuation, full width
_CLOSE = "）」』”’】》"  # full-width closing marks: punctuation after them is Chinese too
_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}


def has_cjk(text: str) -> bool:
    return re.search(f"[{_CJK}]", text) is not None


def typeset_zh(text: str) -> str:
    """In lines with Chinese text: full-width punctuation after Chinese characters (and
    before a space, Chinese text or the line's end), full-width parentheses around Chinese
    text, and no spaces between Chinese characters, full-width punctuation and other text
    (ideographic spaces and line breaks are kept)."""
    lines = []
    for line in text.split("\n"):
        if not has_cjk(line):
            lines.append(line)
            continue
        line = re.sub(f"\\(([^()]*[{_CJK}][^()]*)\\)", r"（\1）", line)
        # In a Chinese line: after a Chinese character, or before a space, Chinese or the end.
        line = re.sub(f"(?<=[{_CJK}{_CLOSE}])([,;:?!])|([,;:?!])(?=[ \\t{_CJK}]|$)",
                      lambda m: _HALF_TO_FULL[m.group(1) or m.group(2)], line)
        line = re.sub(f"(?<=[{_CJK}{_CLOSE}])[ \\t]*\\.(?![0-9A-Za-z])", "。", line)
        # Spaces touching Chinese text or full-width punctuation go.
        line = re.sub(f"[ \\t]+(?=[{_CJK}{_FULL}])|(?<=[{_CJK}{_FULL}])[ \\t]+", "", line)
        lines.append(line)
    return "\n".join(lines)


# The statement -------------------------------------------------------------------------------

def _date(day: dt.date, lang: Lang) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if lang == "zh_CN" else day.isoformat()


def appealed_what(report: RestrictionReport | None, lang: Lang) -> str:
    """What is appealed, in words: 企业账号封禁 / block of the enterprise account, ..."""
    account = report.account if report else "enterprise"
    key = ("appealed_member_interop" if account == "member" and report is not None
           and report.scope == "interop" else f"appealed_{account}")
    return label(key, lang)


def _own_words(text: str, lang: Lang) -> str:
    """The administrator's words as written; when they are not in the package's language the
    statement says they were not translated."""
    text = text.strip()
    if lang == "en" and has_cjk(text):
        return f"{label('stmt_not_translated', lang)}\n{typeset_zh(text)}"
    if lang == "zh_CN" and not has_cjk(text) and re.search(r"[A-Za-z]{3}", text):
        return f"{label('stmt_not_translated', lang)}\n{text}"
    return text


def measure_lines(measures: Sequence[Measure], lang: Lang) -> list[str]:
    """Numbered lines: a confirmed measure as done, any other as a placeholder."""
    if not any(m.text.strip() for m in measures):
        return [placeholder(label("stmt_fill_measures", lang), lang)]
    out = []
    for i, m in enumerate((m for m in measures if m.text.strip()), 1):
        text = m.text.strip().rstrip("。.")
        if m.done:
            body = (text if lang == "zh_CN" and text.startswith("已")
                    else label("stmt_measure_done", lang, text=text))
            body += "。" if lang == "zh_CN" else "."
        else:
            body = placeholder(label("stmt_fill_measure", lang, text=text), lang)
        out.append(f"（{i}）{body}" if lang == "zh_CN" else f"({i}) {body}")
    return out


def build_statement(profile: Profile, diagnosis: Diagnosis | None = None, *,
                    lang: Lang = "zh_CN", report: RestrictionReport | None = None,
                    accounts: Sequence[str] = (), restricted_on: dt.date | None = None,
                    complied: str | None = None, what_happened: str | None = None,
                    measures: Sequence[Measure] = (),
                    corrective_measures: Sequence[str] | None = None,
                    request: str | None = None, attachments: Iterable[str] = (),
                    today: dt.date | None = None) -> str:
    """The statement text in ``lang``.

    ``complied``, ``what_happened`` and ``request`` are the administrator's own words (None:
    a placeholder, or for the request the plain request for review). ``measures`` carry whether
    a confirmed source says they were done. ``corrective_measures`` (plain strings, e.g. a
    self-audit's plan items under way) are not confirmed: each becomes a placeholder asking
    whether it was done. ``attachments`` are the documents' titles, in package order.
    ``diagnosis`` is accepted for the callers' convenience and not quoted: the reviewer reads
    the enterprise's facts, not the app's reasoning."""
    del diagnosis  # deliberately unused: nothing of the diagnosis goes to the reviewer
    fill = lambda key: placeholder(label(key, lang), lang)  # noqa: E731
    account = report.account if report else "enterprise"
    scope = report.scope if report else "account"

    who = label("stmt_who", lang, company=profile.company_name, code=profile.credit_code,
                corp_id=profile.corp_id)
    happened = [label("stmt_happened", lang,
                      date=_date(restricted_on, lang) if restricted_on else fill("stmt_fill_date"),
                      account=label(f"stmt_account_{account}", lang),
                      scope=label("stmt_scope_interop", lang) if scope == "interop" else "")]
    names = [a.strip() for a in accounts if a.strip()]
    if names or account != "enterprise":
        joined = ("、" if lang == "zh_CN" else ", ").join(names)
        happened.append(label("stmt_accounts", lang,
                              accounts=joined or fill("stmt_fill_accounts")))
    notice = (report.notice_text or "").strip() if report else ""
    quoted = label("stmt_notice", lang, text=notice or fill("stmt_fill_notice"))
    if lang == "zh_CN" and not re.search(r"[。！？!?.]$", notice):
        quoted += "。"
    happened.append(quoted)
    if what_happened and what_happened.strip():
        happened.append(_own_words(what_happened, lang))

    all_measures = list(measures) + [Measure(text=t) for t in (corrective_measures or [])
                                     if t.strip()]
    titles = [t for t in attachments if t.strip()]
    attachment_lines = ([f"{i}、{t}" if lang == "zh_CN" else f"{i}. {t}"
                         for i, t in enumerate(titles, 1)] if titles
                        else [label("stmt_no_attachments", lang)])
    admin = profile.administrator
    sep = " " if lang == "en" else ""
    paragraphs = [
        label("stmt_greeting", lang),
        f"{label('stmt_who_heading', lang)}\n{who}",
        f"{label('stmt_happened_heading', lang)}\n" + sep.join(happened[:3])
        + ("\n" + "\n".join(happened[3:]) if happened[3:] else ""),
        f"{label('stmt_complied_heading', lang)}\n"
        + (_own_words(complied, lang) if complied and complied.strip()
           else fill("stmt_fill_complied")),
        "\n".join([label("stmt_measures_heading", lang), *measure_lines(all_measures, lang)]),
        f"{label('stmt_request_heading', lang)}\n"
        + (_own_words(request, lang) if request and request.strip()
           else label("stmt_request", lang, what=appealed_what(report, lang))),
        "\n".join([label("stmt_attachments_heading", lang), *attachment_lines]),
        label("stmt_sign", lang, company=profile.company_name, person=admin.name,
              phone=admin.phone, date=_date(today or dt.date.today(), lang)),
    ]
    text = "\n\n".join(paragraphs)
    return typeset_zh(text) if lang == "zh_CN" else text


def attachments_heading(lang: Lang) -> str:
    """The first line of the statement's attachment section (the bundle puts page numbers
    after its entries)."""
    return label("stmt_attachments_heading", lang)


def not_translated_note(text: str, lang: Lang) -> str | None:
    """For a statement the administrator wrote (or edited) whole: a note to put before it when
    it is not in the package's language, else None."""
    if lang == "en" and has_cjk(text) and len(re.findall(f"[{_CJK}]", text)) > len(text) / 4:
        return label("stmt_text_not_translated", lang)
    if lang == "zh_CN" and not has_cjk(text) and re.search(r"[A-Za-z]{3}", text):
        return label("stmt_text_not_translated", lang)
    return None


def fit_to_limit(text: str, limit: int) -> tuple[str, bool]:
    """Shorten ``text`` to at most ``limit`` characters at a sentence or line end; returns
    (text, shortened). The user sees that it was shortened and can edit it instead."""
    if len(text) <= limit:
        return text, False
    cut = text[:limit]
    ends = [cut.rfind(mark) for mark in ("。", "\n", ". ", "；", "! ", "？")]
    end = max(ends)
    if end < limit // 2:
        end = limit - 1
    return cut[:end + 1].rstrip(), True
