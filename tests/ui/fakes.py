"""Small stand-ins injected into the UI through its constructors (never patched globally)."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.i18n import Lang
from app.rules.catalogue import Catalogue
from app.rules.contract import CategoryCandidate, Diagnosis, RestrictionReport, Sentence


def _t(en: str, zh: str) -> dict[str, str]:
    return {"en": en, "zh_CN": zh}


def fake_catalogue() -> Catalogue:
    """A tiny catalogue with the shape of the real one (sections, rules, routes, documents)."""
    sections = [
        ("2", "Penalty rule 1", "处罚规则一"), ("2.1", "Corresponding violations", "对应违规行为"),
        ("2.2", "Punishment measures", "处罚措施"), ("3", "Penalty rule 2", "处罚规则二"),
        ("3.1", "Corresponding violations", "对应违规行为"),
        ("3.2", "Punishment measures", "处罚措施"),
        ("5.3", "Blocked by mistake", "被误封怎么办"),
    ]
    docs = [
        ("business_license", "Business licence", "营业执照"),
        ("legal_person_id", "Legal person's ID card", "法人身份证"),
        ("legal_person_holding_id", "Photo of the legal person holding the ID card",
         "法人手持身份证照片"),
        ("seal_authorization_letter", "Company-seal authorisation letter", "盖章授权书"),
    ]
    data = {
        "meta": {"source_title": "WeCom – Violation scenarios and penalty rules",
                 "source_file": "rules.en.txt", "retrieved": "2026-11-01", "version": "0.0-fake"},
        "sections": [{"id": i, "title": _t(en, zh)} for i, en, zh in sections],
        "violations": [
            {"id": "harassment", "rule": "R1", "section": "2.1",
             "title": _t("Sending harassing content", "发送骚扰内容"),
             "description": _t("Frequent advertising that users complain about.",
                                "频繁发送广告营销信息，引起用户投诉。")},
            {"id": "linked_wechat", "rule": "R2", "section": "3.1",
             "title": _t("Violation of the linked WeChat account", "绑定的微信账号违规"),
             "description": _t("The linked WeChat account broke WeChat's rules.",
                               "绑定的微信账号违反微信规则。")},
        ],
        "rules": [
            {"id": "R1", "section": "2", "title": _t("Penalty rule 1", "处罚规则一"),
             "summary": _t("Step-by-step penalties.", "阶梯式处罚。"),
             "ladder": [
                 {"step": 1, "section": "2.2", "scope": "interop", "duration": "temporary",
                  "self_unblock": True, "text": _t("Short interop ban, admin may apply.",
                                                   "短期禁用互通功能，管理员可申请解封。")},
             ],
             "measures": [{"id": "ladder", "section": "2.2", "accounts": ["member"],
                           "text": _t("Ban of the interop functions.", "禁用互通功能。")}]},
            {"id": "R2", "section": "3", "title": _t("Penalty rule 2", "处罚规则二"),
             "summary": _t("Linked WeChat.", "绑定微信。"),
             "measures": [{"id": "until_unblocked", "section": "3.2", "accounts": ["member"],
                           "text": _t("Until WeChat is unblocked.", "直至微信解封。")}]},
        ],
        "routes": [
            {"id": "admin_unblock_request", "sections": ["2.2"],
             "title": _t("The administrator applies for unblocking", "管理员申请解封"),
             "how": _t("In the admin console.", "在管理后台申请。")},
            {"id": "wait_for_wechat_unblock", "sections": ["3.2"],
             "title": _t("Wait for the WeChat account to be unblocked", "等待微信账号解封"),
             "how": _t("Unblocked within 24 hours after WeChat.", "微信解封后24小时内自动解封。")},
            {"id": "enterprise_appeal", "sections": ["5.3"],
             "title": _t("Enterprise appeal to customer support", "企业向客服申诉"),
             "how": _t("With the qualification documents.", "提交企业资质材料。"),
             "documents": [d[0] for d in docs]},
            {"id": "none", "sections": ["2.2"], "title": _t("No route", "无途径"),
             "how": _t("None.", "无。")},
        ],
        "documents": [{"id": i, "section": "5.3", "title": _t(en, zh),
                       "description": _t(en + ".", zh + "。")} for i, en, zh in docs],
        "faq": [{"id": "mistake", "section": "5.3",
                 "question": _t("Blocked by mistake?", "被误封怎么办？"),
                 "answer": [_t("Appeal.", "申诉。")]}],
        "category_phrases": [{"category": "harassment", "zh_CN": ["骚扰"], "en": ["harass"]}],
        "signal_phrases": [{"signal": "scope_interop", "zh_CN": ["互通"], "en": ["interop"]}],
        "statements": [{"id": "s", "citations": ["2.2"], "text": _t("S.", "S。"), "advice": True}],
    }
    return Catalogue.model_validate(data)


@dataclass
class FakeClassification:
    candidates: list[CategoryCandidate] = field(default_factory=list)
    signals: dict[str, list[str]] = field(default_factory=dict)


def fake_classify(text: str, catalogue: Catalogue) -> FakeClassification:
    result = FakeClassification()
    if "骚扰" in text or "harass" in text.lower():
        result.candidates.append(CategoryCandidate(category="harassment", rule="R1",
                                                   confidence=0.8, matched=["骚扰"]))
    if "互通" in text or "interop" in text.lower():
        result.signals["scope_interop"] = ["互通"]
    if "短期" in text or "temporar" in text.lower():
        result.signals["duration_temporary"] = ["短期"]
    return result


def fake_diagnose(report: RestrictionReport, catalogue: Catalogue, lang: Lang) -> Diagnosis:
    def say(en: str, zh: str, *cites: str) -> Sentence:
        return Sentence(id="fake", text=zh if lang == "zh_CN" else en, citations=list(cites))

    common = {"lang": lang, "catalogue_version": catalogue.meta.version, "timing": []}
    if report.account == "enterprise" and report.believes_wrongful:
        return Diagnosis(rule=None, step=None, category=None, appeal_route="enterprise_appeal",
                         documents=["business_license", "legal_person_id",
                                    "legal_person_holding_id", "seal_authorization_letter"],
                         citations=["5.3"], certainty="partial",
                         explanation=[say("Appeal to support.", "向客服申诉。", "5.3")],
                         next_violation=[],
                         undecided=[say("The rule is not known.", "无法判断规则。", "5.3")],
                         **common)
    if report.linked_wechat_banned or report.duration == "until_wechat_unblocked":
        return Diagnosis(rule="R2", step=None, category="linked_wechat",
                         appeal_route="wait_for_wechat_unblock", documents=[],
                         citations=["3.2"], certainty="decided",
                         explanation=[say("Linked WeChat is banned.", "绑定微信被封。", "3.2")],
                         next_violation=[], **common)
    return Diagnosis(rule="R1", step=report.prior_violations + 1, category="harassment",
                     appeal_route="admin_unblock_request", documents=[], citations=["2.2"],
                     certainty="decided",
                     explanation=[say("First violation: apply for unblocking.",
                                      "首次违规：可申请解封。", "2.2", "2.1")],
                     next_violation=[say("Next time no unblocking.", "再次违规不可申请解封。",
                                         "2.2")], **common)


def fake_render_text(diagnosis: Diagnosis, catalogue: Catalogue, lang: Lang) -> str:
    lines = [f"route: {diagnosis.appeal_route}"]
    lines += [s.text for s in diagnosis.explanation]
    return "\n".join(lines) + "\n"
