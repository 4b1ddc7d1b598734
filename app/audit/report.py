"""The audit report and the scan report as PDF (reportlab, with charts).

Everything a reader needs is on the paper: scores and what each finding costs, what the rules
say (with sections), the app's advice labelled as advice, the plan, and the trend.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer

from app.audit.checklist import Checklist, load_checklist
from app.audit.pdfkit import (
    LEVEL_COLOURS,
    bar_chart,
    caption,
    line_chart,
    table,
)
from app.audit.risk import ScanResult, ScanThresholds, percent
from app.audit.scoring import AuditResult, CategoryScore, answer_word
from app.i18n import Lang, LocalText
from app.labels import label
from app.pdf.fonts import CJKFont
from app.pdf.renderer import PdfRenderer
from app.pdf.styles import ReportStyles

TOP_MEMBERS_CHARTED = 8
TOP_MEMBERS_LISTED = 40
REJECTS_LISTED = 60


def _t(lang: Lang, en: str, zh: str) -> str:
    return LocalText(en=en, zh_CN=zh)(lang)


def _threshold_name(group: str, key: str, lang: Lang) -> str:
    """The setting's name from resources/text/report.toml."""
    return label(f"threshold_{group}_{key}", lang)


def _threshold_value(group: str, key: str, value: float) -> str:
    """A share as a person reads it: the model bounds shares by 1 (0.3 → 30%) and percentages
    by 100 (50 → 50%); counts and rates stay numbers."""
    section = ScanThresholds.model_fields[group].annotation
    field = getattr(section, "model_fields", {}).get(key)
    upper = next((m.le for m in (field.metadata if field else []) if hasattr(m, "le")), None)
    if upper == 1:
        return percent(value)
    if upper == 100:
        return percent(value / 100)
    return f"{value:g}"


def _category_score(c: CategoryScore, lang: Lang) -> str:
    if c.score is not None:
        return f"{c.score:.0f}"
    if c.answered == 0:  # nothing answered yet: not an answer of 'not applicable'
        return _t(lang, "not answered", "未作答")
    return _t(lang, "n/a", "不适用")


def _disclaimer(lang: Lang) -> str:
    return _t(lang, "Scores, risk levels and advice are this app's assessment, not WeCom's. "
              "Sections refer to “WeCom – Violation scenarios and penalty rules”.",
              "分数、风险等级和建议均为本应用的评估，并非企业微信的结论。"
              "节号指《企业微信违规场景及处罚规则》。")


class AuditReportRenderer(PdfRenderer):
    """The self-audit report: scores, findings with what the rules say, the plan, all answers."""

    def __init__(self, result: AuditResult, lang: Lang, checklist: Checklist | None = None,
                 font: CJKFont | None = None) -> None:
        super().__init__(lang, font)
        self.result = result
        self.checklist = checklist or load_checklist()

    def report_name(self) -> str:
        return _t(self.lang, "WeCom self-audit report", "企业微信合规自查报告")

    def title(self) -> str:
        enterprise = self.result.enterprise
        return f"{self.report_name()} — {enterprise}" if enterprise else self.report_name()

    def header(self) -> str:
        parts = [self.report_name(), self.result.enterprise, str(self.result.date)]
        return " · ".join(p for p in parts if p)

    def story(self) -> list[Flowable]:
        result, lang, checklist, font = self.result, self.lang, self.checklist, self.font
        s = ReportStyles(font, lang)
        title = self.report_name()
        story: list = [s.p(title, s.title)]
        if result.enterprise:
            story.append(s.p(result.enterprise, s.h2))
        meta = [result.title, _t(lang, f"Date: {result.date}", f"日期：{result.date}"),
                _t(lang, f"Auditor: {result.auditor}", f"自查人：{result.auditor}")
                if result.auditor else "",
                f"{_t(lang, 'Checklist', '检查清单')} {result.checklist_version}"]
        story.append(s.p(" · ".join(m for m in meta if m), s.small))
        story.append(Spacer(1, 4 * mm))

        level = result.level_label(lang)
        summary = _t(lang, f"Overall score: {result.overall:.0f} / 100 — {level}",
                     f"总分：{result.overall:.0f} / 100 — {level}")
        story.append(s.p(summary, s.h1))
        story.append(s.p(result.level_meaning(lang)))
        if result.delta is not None:
            story.append(s.p(_t(lang,
                                f"Change since the previous audit: {result.delta:+.1f} points.",
                                f"与上次自查相比：{result.delta:+.1f} 分。")))
        if result.critical_noes:
            names = "; ".join(checklist.question(q).text(lang) for q in result.critical_noes)
            story.append(s.p(_t(lang, f"Critical answers 'no' (rule 3 brings a permanent ban, "
                                      f"4.2): {names}",
                                f"关键问题回答“否”（规则三将永久封号，4.2）：{names}")))
        for cat in (c for c in result.categories if c.id in result.weak_categories):
            story.append(s.p(_t(lang, f"“{cat.title(lang)}” scores {cat.score:.0f}: one weak area "
                                      "raises the level even when the average is good.",
                                f"“{cat.title(lang)}”仅得 {cat.score:.0f} 分：单个薄弱领域即会上调"
                                "风险等级，即使平均分较高。")))
        if result.unanswered:
            count = len(result.unanswered)
            story.append(s.p(_t(lang, f"{count} question(s) unanswered; they are not scored.",
                                f"{count} 个问题未回答，未计分。"), s.small))

        scored = [c for c in result.categories if c.score is not None]
        story.append(s.p(_t(lang, "Score per category", "各类别得分"), s.h2))
        story.append(bar_chart([c.title(lang) for c in scored], [c.score or 0 for c in scored],
                               font,
                               colours=[LEVEL_COLOURS[checklist.risk.for_score(c.score or 0).id]
                                        for c in scored]))
        rows = [[_t(lang, "Category", "类别"), _t(lang, "Score", "得分"),
                 _t(lang, "Points", "分值"), _t(lang, "Findings", "问题数"),
                 _t(lang, "N/A", "不适用")]]
        rows += [[c.title(lang), _category_score(c, lang),
                  f"{c.earned:g} / {c.possible:g}", c.findings, c.not_applicable]
                 for c in result.categories]
        story.append(table(rows, [80 * mm, 18 * mm, 28 * mm, 22 * mm, 22 * mm], s))

        if len(result.trend) >= 2:
            story.append(s.p(_t(lang, "Trend across audits", "历次自查趋势"), s.h2))
            story.append(line_chart([(_t(lang, "Overall score", "总分"),
                                      [(p.date, p.overall) for p in result.trend])], font,
                                    value_min=0, value_max=100))
            story.append(s.p(" → ".join(f"{p.date}: {p.overall:.0f}" for p in result.trend),
                             s.small))

        story.append(s.p(_t(lang, "Findings, point by point", "逐项问题说明"), s.h1))
        if not result.findings:
            story.append(s.p(_t(lang, "Every answered question is 'yes'.",
                                "所有已答问题均为“是”。")))
        for i, f in enumerate(result.findings, start=1):
            head = _t(lang, f"{i}. {f.text(lang)} — answered '{answer_word(f.answer, lang)}', "
                            f"−{f.points_lost:g} points (section {', '.join(f.citations)})",
                      f"{i}. {f.text(lang)} —— 回答“{answer_word(f.answer, lang)}”，扣 "
                      f"{f.points_lost:g} 分（第 {', '.join(f.citations)} 节）")
            block = [s.p(head, s.h2),
                     s.p(_t(lang, "What the rules say (in brief): ",
                                   "规则要点（转述）：") + f.basis(lang)),
                     s.p(_t(lang, "Advice (the app's suggestion, not a WeCom rule): ",
                            "建议（本应用的建议，并非企业微信规则）：") + f.advice(lang), s.advice)]
            if f.note:
                block.append(s.p(_t(lang, "Note: ", "备注：") + f.note, s.small))
            if f.evidence:
                block.append(s.p(_t(lang, "Evidence: ", "证据：") + ", ".join(f.evidence), s.small))
            story.append(KeepTogether(block))

        story.append(s.p(_t(lang, "Remediation plan", "整改计划"), s.h1))
        statuses = {"open": _t(lang, "open", "未开始"),
                    "in_progress": _t(lang, "in progress", "进行中"),
                    "done": _t(lang, "done", "已完成")}
        rows = [["#", _t(lang, "Measure", "措施"), _t(lang, "Owner", "负责人"),
                 _t(lang, "Due", "截止日期"), _t(lang, "Status", "状态"),
                 _t(lang, "Sections", "条款")]]
        for i, item in enumerate(result.plan, start=1):
            overdue = _t(lang, " (overdue)", "（已逾期）") if item.overdue else ""
            due = str(item.due or "—") + overdue
            rows.append([i, item.action(lang), item.owner or "—", due, statuses[item.status],
                         ", ".join(item.citations)])
        if len(rows) == 1:
            rows.append(["—", _t(lang, "Nothing to remedy.", "无需整改。"), "", "", "", ""])
        story.append(table(rows, [8 * mm, 80 * mm, 22 * mm, 24 * mm, 18 * mm, 18 * mm], s))

        story += [PageBreak(), s.p(_t(lang, "All answers", "全部回答"), s.h1)]
        given = {a.question: a for a in result.answers}
        rows = [[_t(lang, "Question", "问题"), _t(lang, "Answer", "回答"),
                 _t(lang, "Note", "备注")]]
        for q in checklist.questions:
            a = given.get(q.id)
            rows.append([f"{q.text(lang)} ({', '.join(q.citations)})",
                         answer_word(a.answer, lang) if a else _t(lang, "not answered", "未作答"),
                         a.note if a else ""])
        # The last rows stay with the closing note: the report never ends on a page holding one
        # line.
        tail = 3 if len(rows) > 5 else len(rows) - 1
        widths = [110 * mm, 20 * mm, 44 * mm]
        story.append(table(rows[:-tail], widths, s))
        story.append(KeepTogether([table(rows[-tail:], widths, s, header=False),
                                   Spacer(1, 4 * mm), s.p(_disclaimer(lang), s.small)]))
        return story


def audit_report_pdf(result: AuditResult, out: str | Path, lang: Lang,
                     checklist: Checklist | None = None) -> Path:
    """``checklist``: the question set the audit was scored with (default: the shipped one)."""
    AuditReportRenderer(result, lang, checklist).write(out)
    return Path(out)


def _fmt(value: float | None, pattern: str = "{:g}") -> str:
    return "—" if value is None else pattern.format(value)


class ScanReportRenderer(PdfRenderer):
    """The member behaviour scan: who is flagged and why, their days, the thresholds used."""

    def __init__(self, result: ScanResult, lang: Lang, font: CJKFont | None = None) -> None:
        super().__init__(lang, font)
        self.result = result

    def title(self) -> str:
        return _t(self.lang, "Member behaviour scan", "成员行为数据扫描报告")

    def source_name(self) -> str:
        """The input's file name: its folder may name a person, and the reader needs neither."""
        return Path(self.result.data.source).name or self.result.data.source

    def header(self) -> str:
        return f"{self.title()} · {self.source_name()}"

    def story(self) -> list[Flowable]:
        result, lang, font = self.result, self.lang, self.font
        s = ReportStyles(font, lang)
        title = self.title()
        data = result.data
        story: list = [s.p(title, s.title),
                       s.p(f"{self.source_name()} · " + _t(
                           lang, f"{data.rows_read} rows read, {data.rows_kept} kept, "
                                 f"{data.rows_rejected_count} rejected · "
                                 f"{len(result.members)} members",
                           f"读取 {data.rows_read} 行，保留 {data.rows_kept} 行，拒绝 "
                           f"{data.rows_rejected_count} 行 · 成员 {len(result.members)} 位"),
                       s.small),
                       Spacer(1, 3 * mm)]
        flagged = result.flagged
        names = {sc.id: sc.title(lang) for sc in load_checklist().scenarios}
        story.append(s.p(_t(lang, f"{len(flagged)} member(s) flagged for rule-1 patterns (2.1)",
                            f"{len(flagged)} 位成员存在规则一（2.1）风险特征"), s.h1))
        story.append(s.p(_t(
            lang, "Malicious adding of external contacts and harassment are rule-1 violations "
                  "(2.1): a first violation blocks interworking for a short time, a third "
                  "permanently (2.2). Customers' deletions and blocks are the feedback WeCom "
                  "weighs when it sets the adding limit (5.1).",
            "恶意添加外部联系人和骚扰属于规则一违规（2.1）：首次违规短期禁用互通，第三次永久禁用"
            "（2.2）。客户的删除、拉黑是企业微信确定添加上限时参考的反馈（5.1）。")))
        top = result.members[:15]
        if top:
            story.append(s.p(_t(lang, "Highest risk scores", "风险分最高的成员"), s.h2))
            story.append(bar_chart([m.userid for m in top], [m.risk_score for m in top], font,
                                   colours=[LEVEL_COLOURS["high" if m.flags else "low"]
                                            for m in top]))
        rows = [[_t(lang, "Member", "成员"), _t(lang, "Risk", "风险分"),
                 _t(lang, "Appl./day", "日均申请"), _t(lang, "Accepted", "通过率"),
                 _t(lang, "Del./blocks", "删除拉黑率"), _t(lang, "Msgs/chat", "每聊天消息"),
                 _t(lang, "Flags", "风险项")]]
        for m in flagged[:TOP_MEMBERS_LISTED]:
            x = m.metrics
            rows.append([m.userid, f"{m.risk_score:g}", _fmt(x.applications_per_day),
                         percent(x.acceptance_rate), percent(x.negative_feedback_rate),
                         _fmt(x.messages_per_chat),
                         ", ".join(sorted({names[f.category] for f in m.flags}))])
        if flagged:
            story.append(table(rows, [28 * mm, 14 * mm, 20 * mm, 18 * mm, 22 * mm, 20 * mm,
                                      52 * mm], s))
            if len(flagged) > TOP_MEMBERS_LISTED:
                story.append(s.p(_t(lang, f"… and {len(flagged) - TOP_MEMBERS_LISTED} more in the "
                                          "CSV/JSON export.",
                                    f"……其余 {len(flagged) - TOP_MEMBERS_LISTED} 位见 "
                                    "CSV/JSON 导出。"),
                                 s.small))

        charted = flagged[:TOP_MEMBERS_CHARTED]
        daily = data.daily(m.userid for m in charted) if charted else {}
        for m in charted:
            score = f"{m.risk_score:g}"
            block = [s.p(f"{m.userid} · " + _t(lang, f"risk {score}", f"风险分 {score}"), s.h2)]
            block += [s.p("• " + _t(lang, f"{names[f.category]} (rule 1, section {f.citation}): ",
                                    f"{names[f.category]}（规则一，第 {f.citation} 节）：")
                          + f.reason(lang)) for f in m.flags]
            days = daily.get(m.userid, [])
            if days:
                block.append(line_chart([
                    (_t(lang, "applications", "发起申请"),
                     [(r.stat_date, r.new_apply_cnt) for r in days]),
                    (_t(lang, "new customers", "新增客户"),
                     [(r.stat_date, r.new_contact_cnt) for r in days]),
                    (_t(lang, "deleted/blocked", "删除/拉黑"),
                     [(r.stat_date, r.negative_feedback_cnt) for r in days]),
                ], font, height=48 * mm, value_min=0))
            story.append(KeepTogether(block))

        story.append(s.p(_t(lang, "Thresholds used", "所用阈值"), s.h1))
        story.append(s.p(_t(lang, "WeCom publishes no numbers: its limits differ per enterprise "
                                  "(5.1). These are the app's defaults or your overrides.",
                            "企业微信未公布具体数值，添加上限因企业而异（5.1）。以下为本应用默认值或您的设置。"),
                         s.small))
        rows = [[_t(lang, "Setting", "设置"), _t(lang, "Value", "值")]]
        for group, values in result.thresholds.model_dump().items():
            rows += [[_threshold_name(group, key, lang), _threshold_value(group, key, value)]
                     for key, value in values.items()]
        story.append(table(rows, [134 * mm, 40 * mm], s))

        if data.rows_rejected:
            story.append(s.p(_t(lang, "Rejected rows", "被拒绝的行"), s.h1))
            rows = [[_t(lang, "Line", "行号"), _t(lang, "Reason", "原因")]]
            rows += [[r.line, r.reason(lang)] for r in data.rows_rejected[:REJECTS_LISTED]]
            story.append(table(rows, [18 * mm, 156 * mm], s))
            if data.rows_rejected_count > REJECTS_LISTED:
                story.append(s.p(_t(lang, f"… {data.rows_rejected_count - REJECTS_LISTED} more.",
                                    f"……另有 {data.rows_rejected_count - REJECTS_LISTED} 行。"),
                                 s.small))
        story += [Spacer(1, 4 * mm), s.p(_disclaimer(lang), s.small),
                  caption(_t(lang, "Reply share = share of customer-started chats the member "
                                   "replied to (API reply_percentage).",
                             "回复占比 = 客户发起的聊天中成员回复的比例"
                             "（API 字段 reply_percentage）。"), font)]
        return story


def scan_report_pdf(result: ScanResult, out: str | Path, lang: Lang) -> Path:
    ScanReportRenderer(result, lang).write(out)
    return Path(out)
