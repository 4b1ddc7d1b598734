"""The rule catalogue as a tree of entries, each with its detail text and a bilingual haystack."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from app.i18n import LANGS, Lang, LocalText
from app.rules.catalogue import Catalogue
from app.ui import theme

translate = QCoreApplication.translate  # lupdate extracts translate("Context", "text")


def _tr(text: str) -> str:
    return translate("RulesPage", text)


@dataclass
class Entry:
    key: str  # stable across languages, e.g. "violation:harassment"
    title: str
    detail: str  # HTML
    haystack: str  # lower-case text in both languages, for search
    children: list[Entry] = field(default_factory=list)

    def matches(self, words: list[str]) -> bool:
        return all(word in self.haystack for word in words)


def first_clause(text: str) -> str:
    """The text up to its first comma or full stop: a tree label, the detail has the rest."""
    match = re.search(r"[，。；：（;]|[,.:](?=\s)|\s\(", text)
    return text[:match.start()] if match and match.start() >= 6 else text


def _hay(*texts: LocalText | str) -> str:
    parts: list[str] = []
    for text in texts:
        parts += [text(lang) for lang in LANGS] if isinstance(text, LocalText) else [text]
    return " ".join(parts).lower()


def _detail(title: str, section: str, paragraphs: list[str], *, advice: str = "",
            advice_heading: str = "", quotes: list[str] | None = None) -> str:
    """Title, section, the catalogue's text; then the app's advice, labelled as the app's; then
    the source sentences the text restates, quoted from the English original."""
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs if p)
    source = html.escape(
        translate("RulesPage", "Source text section {section}").format(section=section))
    tokens = theme.tokens()
    hint = tokens["hint"]
    if advice:
        heading = advice_heading or translate("RulesPage", "The app's advice, not a WeCom rule:")
        gap = "" if heading.endswith("：") else " "  # no space after a full-width colon
        body += f"<p><b>{html.escape(heading)}</b>{gap}{html.escape(advice)}</p>"
    if quotes:
        body += (f"<p style='color:{hint}'>"
                 + html.escape(translate("RulesPage", "What the source text says "
                                                      "(English original, word for word):"))
                 + "</p>"
                 + "".join(f"<blockquote lang='en'>“{html.escape(q)}”</blockquote>"
                           for q in quotes))
    return f"<h3>{html.escape(title)}</h3><p style='color:{hint}'>{source}</p>{body}"


def _statement_text(text: str) -> str:
    """A template with its placeholders shown as an ellipsis: “{category}” → “…”."""
    return re.sub(r"\{[a-z_]+\}", "…", text)


def build_entries(catalogue: Catalogue, lang: Lang) -> list[Entry]:
    yes = translate("RulesPage", "yes")
    no = translate("RulesPage", "no")
    scope_names = {"interop": translate("RulesPage", "interop functions only"),
                   "account": translate("RulesPage", "whole account")}
    duration_names = {"temporary": translate("RulesPage", "for a limited time"),
                      "permanent": translate("RulesPage", "permanent")}
    account_names = {"member": translate("RulesPage", "member account"),
                     "admin": translate("RulesPage", "administrator account"),
                     "enterprise": translate("RulesPage", "enterprise")}

    general = catalogue.provisions_of("1")
    description = [Entry(
        "section:1", f"§1 {catalogue.section_title('1', lang)}",
        _detail(catalogue.section_title("1", lang), "1", [p.text(lang) for p in general],
                quotes=[q for p in general for q in p.source]),
        _hay(catalogue.section("1").title, *(p.text for p in general), "§1"))] if general else []

    rules_node = Entry("rules", translate("RulesPage", "Penalty rules"), "", "")
    for rule in catalogue.rules:
        node = Entry(f"rule:{rule.id}", f"§{rule.section} {rule.title(lang)}",
                     _detail(rule.title(lang), rule.section, [rule.summary(lang)]),
                     _hay(rule.title, rule.summary, rule.id, f"§{rule.section}"))
        for violation in (v for v in catalogue.violations if v.rule == rule.id):
            node.children.append(Entry(
                f"violation:{violation.id}", violation.title(lang),
                _detail(violation.title(lang), violation.section,
                        [violation.description(lang),
                         translate("RulesPage", "Penalised under {rule}.").format(
                             rule=rule.title(lang))]),
                _hay(violation.title, violation.description, violation.id,
                     f"§{violation.section}")))
        pointers = [p for v_section in sorted({v.section for v in catalogue.violations
                                               if v.rule == rule.id})
                    for p in catalogue.provisions_of(v_section)]
        for provision in pointers:
            title = first_clause(provision.text(lang))
            node.children.append(Entry(
                f"provision:{provision.id}", title,
                _detail(title, provision.section, [provision.text(lang)],
                        quotes=provision.source),
                _hay(provision.text, f"§{provision.section}")))
        for step in rule.ladder:
            title = translate("RulesPage", "Ladder step {step}").format(step=step.step)
            node.children.append(Entry(
                f"step:{rule.id}:{step.step}", title,
                _detail(title, step.section, [
                    step.text(lang),
                    translate("RulesPage",
                              "Blocked: {scope}. Duration: {duration}. The administrator can "
                              "apply for unblocking: {self_unblock}.").format(
                        scope=scope_names[step.scope], duration=duration_names[step.duration],
                        self_unblock=yes if step.self_unblock else no)]),
                _hay(step.text, title, f"§{step.section}")))
        for measure in rule.measures:
            title = translate("RulesPage", "Measure: {text}").format(
                text=first_clause(measure.text(lang)))
            accounts = ", ".join(account_names[a] for a in measure.accounts)
            node.children.append(Entry(
                f"measure:{rule.id}:{measure.id}", title,
                _detail(title, measure.section, [
                    measure.text(lang),
                    translate("RulesPage", "Applies to: {accounts}.").format(accounts=accounts)
                    + (" " + translate("RulesPage", "Only when the violation had a bad influence.")
                       if measure.aggravated else "")]),
                _hay(measure.text, f"§{measure.section}")))
        rules_node.children.append(node)

    routes_node = Entry("routes", translate("RulesPage", "Appeal routes"), "", "")
    titles = {d.id: d.title(lang) for d in catalogue.documents}
    for route in catalogue.routes:
        paragraphs = [route.how(lang)]
        if route.documents:
            documents = ", ".join(titles.get(d, d) for d in route.documents)
            paragraphs.append(
                translate("RulesPage", "Documents: {documents}, among others (the source "
                                       "ends the list with “etc.”)").format(documents=documents)
                if route.documents_open else
                translate("RulesPage", "Documents: {documents}").format(documents=documents))
        for variant in route.variants:  # e.g. a block off rule 1's ladder
            paragraphs.append(translate("RulesPage", "{kind}: {text}").format(
                kind=variant.title(lang), text=variant.how(lang)))
            if variant.advice:
                heading = translate("RulesPage", "The app's advice, not a WeCom rule:")
                gap = "" if heading.endswith("：") else " "
                paragraphs.append(f"{heading}{gap}{variant.advice(lang)}")
        routes_node.children.append(Entry(
            f"route:{route.id}", route.title(lang),
            _detail(route.title(lang), ", ".join(route.sections), paragraphs,
                    advice=route.advice(lang) if route.advice else "", quotes=route.source),
            _hay(route.title, route.how, route.id, *(f"§{s}" for s in route.sections),
                 *([route.advice] if route.advice else []))))

    documents_node = Entry("documents", translate("RulesPage", "Required documents"), "", "")
    for document in catalogue.documents:
        documents_node.children.append(Entry(
            f"document:{document.id}", document.title(lang),
            _detail(document.title(lang), document.section, [document.description(lang)]),
            _hay(document.title, document.description, f"§{document.section}")))

    faq_node = Entry("faq", translate("RulesPage", "Frequently asked questions"), "", "")
    for faq in catalogue.faq:
        faq_node.children.append(Entry(
            f"faq:{faq.id}", f"§{faq.section} {faq.question(lang)}",
            _detail(faq.question(lang), faq.section, [a(lang) for a in faq.answer]),
            _hay(faq.question, *faq.answer, f"§{faq.section}")))

    statements_node = Entry(
        "statements", translate("RulesPage", "What the diagnosis may say"), "", "")
    restates = translate("RulesPage", "Restates the rules")
    reading = translate("RulesPage", "The app's reading or advice")
    compare = translate("RulesPage", "Compare it with the source sentence below.")
    not_rules = translate("RulesPage", "This is the app's reading, inference or advice, not the "
                                       "rules' words.")
    for statement in catalogue.statements:
        text = _statement_text(statement.text(lang))
        kind = reading if statement.advice else restates
        statements_node.children.append(Entry(
            f"statement:{statement.id}",
            translate("RulesPage", "{kind}: {text}").format(kind=kind, text=text)
            if statement.advice else text,
            _detail(kind, ", ".join(statement.citations),
                    [text, not_rules if statement.advice else compare],
                    quotes=statement.source),
            _hay(statement.text, statement.id, *(f"§{c}" for c in statement.citations),
                 *statement.source)))

    return [*description, rules_node, routes_node, documents_node, faq_node,
            statements_node]
