"""The appeal statement (申诉说明): plain text built from the diagnosis, edited by the user.

Plain text on purpose: the same text goes on a PDF page and into the upload form's text box,
and the user edits it before export. Paragraphs are separated by blank lines.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence

from app.appeal.profile import Profile
from app.i18n import Lang, LocalText
from app.rules.contract import Diagnosis, RestrictionReport

log = logging.getLogger(__name__)

STATEMENT_TITLE = LocalText(en="Appeal statement", zh_CN="申诉说明")

_ACCOUNT = {
    "member": LocalText(en="a member account of the enterprise", zh_CN="我单位成员账号"),
    "admin": LocalText(en="the administrator account", zh_CN="我单位管理员账号"),
    "enterprise": LocalText(en="the enterprise's WeCom account",
                            zh_CN="我单位企业微信账号（整个企业）"),
}
_SCOPE = {
    "interop": LocalText(en="in the functions that work with WeChat",
                         zh_CN="与微信互通的相关功能"),
    "account": LocalText(en="as a whole", zh_CN="账号"),
}
_DEFAULT_MEASURES = [
    LocalText(en="We re-trained every member who serves customers on WeCom's usage rules.",
              zh_CN="已组织全体对外服务成员重新学习企业微信使用规范。"),
    LocalText(en="We checked that no third-party plug-in or automation tool is in use.",
              zh_CN="已核查并确认未使用任何第三方外挂或自动化工具。"),
    LocalText(en="We limit how many new customers each member adds per day and use the "
                 "'contact me' QR code instead of searching for phone numbers (5.1).",
              zh_CN="已限制成员每日添加客户数量，改用“联系我”二维码，不再通过手机号搜索添加（5.1）。"),
]
_T = {
    "greeting": LocalText(en="To the WeCom team:", zh_CN="企业微信团队："),
    "who": LocalText(
        en="We are {company} (Unified Social Credit Code {code}, CorpID {corp_id}). "
           "{when}{account} was restricted {scope}.",
        zh_CN="我单位为 {company}（统一社会信用代码：{code}，企业ID：{corp_id}）。"
              "{when}{account}被限制使用{scope}。"),
    "when": LocalText(en="On {date}, ", zh_CN="{date}，"),
    "recently": LocalText(en="Recently, ", zh_CN="近日，"),
    "accounts": LocalText(en="Accounts concerned: {accounts}.", zh_CN="涉及账号：{accounts}。"),
    "notice": LocalText(en="The notice read: “{text}”", zh_CN="限制通知内容为：“{text}”"),
    "happened": LocalText(en="1. What happened", zh_CN="一、情况说明"),
    "happened_blank": LocalText(
        en="(Write here when which account was restricted, how, and what the notice said.)",
        zh_CN="（请在此写明：何时、哪个账号受到了何种限制，以及通知原文。）"),
    "rule": LocalText(en="Under WeCom's published rules this corresponds to {what} "
                         "(sections {sections}).",
                      zh_CN="根据企业微信公布的违规处罚规则，本次限制对应{what}"
                            "（第 {sections} 条）。"),
    "complied": LocalText(en="2. Why we believe we complied",
                          zh_CN="二、我单位认为未违反规定的理由"),
    "complied_text": LocalText(
        en="We have reviewed how the accounts concerned were used. They are used by our own "
           "employees to serve real customers who asked to be contacted; no plug-in or "
           "automation was used, customers were not harassed or induced to share, and no "
           "account was registered or bought in bulk. As section 5.3 provides, having "
           "confirmed that our use did not break the rules, we appeal through our "
           "administrator account.",
        zh_CN="经我单位自查，相关账号均由本单位员工使用，用于服务主动咨询的真实客户；未使用外挂或"
              "自动化工具，未骚扰客户或诱导分享，未批量注册或购买账号。依据规则第 5.3 条，"
              "我单位在确认实际使用未违反规定后，通过管理员账号提出申诉。"),
    "measures": LocalText(en="3. Corrective measures", zh_CN="三、整改措施"),
    "request": LocalText(
        en="4. Our request: please review the restriction and restore normal use. The "
           "documents of section 5.3 are attached.",
        zh_CN="四、申诉请求：恳请贵团队复核并恢复账号正常使用。规则第 5.3 条所列资质材料附后。"),
    "sign": LocalText(en="{company}\nContact: {person}, {phone}\n{date}",
                      zh_CN="申诉单位：{company}\n联系人：{person}　电话：{phone}\n{date}"),
}


def _date(day: dt.date, lang: Lang) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if lang == "zh_CN" else day.isoformat()


def _what(diagnosis: Diagnosis, lang: Lang) -> str | None:
    try:
        from app.rules.catalogue import load_catalogue

        catalogue = load_catalogue()
        if diagnosis.category:
            return catalogue.violation(diagnosis.category).title(lang)
        if diagnosis.rule:
            return catalogue.rule(diagnosis.rule).title(lang)
    except Exception:  # the statement is still useful without the catalogue's titles
        log.warning("rule titles unavailable for the statement", exc_info=True)
        pass
    return diagnosis.category or diagnosis.rule


def build_statement(profile: Profile, diagnosis: Diagnosis, *, lang: Lang = "zh_CN",
                    report: RestrictionReport | None = None,
                    accounts: Sequence[str] = (), restricted_on: dt.date | None = None,
                    corrective_measures: Sequence[str] | None = None,
                    today: dt.date | None = None) -> str:
    """The statement text. ``corrective_measures`` come from the latest self-audit; without
    them, general measures are proposed for the user to edit."""
    t = {key: text(lang) for key, text in _T.items()}
    account = report.account if report else "enterprise"
    scope = report.scope if report else "account"
    when = (t["when"].format(date=_date(restricted_on, lang)) if restricted_on
            else t["recently"])
    who = t["who"].format(company=profile.company_name, code=profile.credit_code,
                          corp_id=profile.corp_id, when=when, account=_ACCOUNT[account](lang),
                          scope=_SCOPE[scope](lang))
    intro = [who]
    if accounts:
        intro.append(t["accounts"].format(accounts=("、" if lang == "zh_CN" else ", ")
                                          .join(accounts)))
    if report and report.notice_text:
        intro.append(t["notice"].format(text=report.notice_text.strip()))

    happened = [t["happened"]]
    what = _what(diagnosis, lang)
    if what and diagnosis.citations:
        happened.append(t["rule"].format(what=what, sections=", ".join(diagnosis.citations)))
    happened += [s.text for s in diagnosis.explanation]
    if len(happened) == 1:  # a route chosen by hand: leave the user a visible gap to fill
        happened.append(t["happened_blank"])

    measures = list(corrective_measures or [m(lang) for m in _DEFAULT_MEASURES])
    numbered = [f"({i}) {m}" if lang == "en" else f"（{i}）{m}"
                for i, m in enumerate(measures, 1)]
    admin = profile.administrator
    paragraphs = [
        t["greeting"],
        " ".join(intro) if lang == "en" else "".join(intro),
        "\n".join(happened),
        f"{t['complied']}\n{t['complied_text']}",
        "\n".join([t["measures"], *numbered]),
        t["request"],
        t["sign"].format(company=profile.company_name, person=admin.name, phone=admin.phone,
                         date=_date(today or dt.date.today(), lang)),
    ]
    return "\n\n".join(paragraphs)


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
