"""Build a case's appeal package from what the workspace holds, and check it is complete.

The case (report, diagnosis, dates), the profile, the enterprise's standing documents, the
case's own documents and its package draft (``app.store.drafts``) make the package; nothing is
read from files the user has to keep around. Documents are decrypted into a private temporary
folder for the build and removed afterwards.

``completeness`` lists what still needs the administrator: the statement's placeholders
(they block the build unless explicitly allowed), profile problems (an ID card expired since it
was saved included), documents the route needs and the package lacks, standing documents that
are expired, about to expire or stale. The same list is what ``wecom-appeal case package``
prints, with exit code 1.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import tempfile
import threading
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from app.appeal.bundle import BundleOptions, BundleResult, CoverFacts, build_bundle
from app.appeal.documents import (
    SLOT_TITLES,
    PackageDocument,
    attachment_titles,
    missing_slots,
    order_documents,
)
from app.appeal.kit import KitResult
from app.appeal.profile import Profile
from app.appeal.statement import (
    Measure,
    build_statement,
    not_translated_note,
    placeholders,
    typeset_zh,
)
from app.i18n import Lang, LocalText
from app.jobs import Progress
from app.rules.contract import RestrictionReport
from app.store import drafts, enterprise
from app.store.cases import CaseDetail, get_case
from app.store.documents import read_document
from app.store.errors import StoreError
from app.store.profile import load_profile
from app.store.submissions import FixItem, rejection_checklist
from app.store.workspace import Workspace

log = logging.getLogger(__name__)

# Routes whose next step is a package of documents (the others wait or use the admin console).
PACKAGE_ROUTES = frozenset({"enterprise_appeal", "page_appeal"})
IssueKind = Literal["placeholder", "profile", "missing_document", "enterprise_document",
                    "no_profile", "route"]


class PackageIssue(BaseModel):
    """One thing the package still needs; ``blocking`` ones stop the build unless allowed."""

    kind: IssueKind
    severity: Literal["error", "warning"] = "error"
    blocking: bool = False
    message: LocalText


class PackageIncomplete(StoreError):
    """The statement still has placeholders: fill them in, or build with them allowed."""

    def __init__(self, blocking: list[PackageIssue], issues: list[PackageIssue] | None = None
                 ) -> None:
        self.blocking = blocking
        self.issues = issues if issues is not None else blocking  # everything still to do
        super().__init__(f"the statement still has {len(blocking)} placeholder(s) to fill in")


class PreparedPackage(BaseModel):
    """Everything a build needs, the documents as files in a private folder."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    case: CaseDetail
    profile: Profile
    draft: drafts.PackageDraft
    documents: list[PackageDocument]
    statement: str
    cover: CoverFacts
    lang: Lang
    route: str
    issues: list[PackageIssue]


# CoverFacts annotates its report with the contract's RestrictionReport, which the bundle module
# imports for type checking only (a bundle needs no contract model: bench/startup).
PreparedPackage.model_rebuild(_types_namespace={"RestrictionReport": RestrictionReport})


class PackageBuild(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)

    result: BundleResult
    build: drafts.BuildRecord
    issues: list[PackageIssue]
    kit: KitResult | None = None


def audit_measures(ws: Workspace, lang: Lang) -> list[Measure]:
    """The newest self-audit's remediation plan as measures: items marked done are confirmed
    (done=True, source remediation_plan); items under way are not (they become placeholders)."""
    from app.store.audits import list_audits

    audits = [a for a in list_audits(ws) if "answers" in a.payload]
    if not audits:
        return []
    try:
        from app.audit.checklist import load_checklist
        from app.audit.scoring import AuditAnswers, score_audit

        result = score_audit(AuditAnswers.model_validate(audits[-1].payload["answers"]),
                             load_checklist())
    except Exception:  # an audit that no longer fits the checklist gives no measure
        log.warning("the latest self-audit gives no measures", exc_info=True)
        return []
    return [Measure(text=item.action(lang), done=item.status == "done",
                    source="remediation_plan")
            for item in result.plan if item.status != "open"]


def _chosen(ws: Workspace, case: CaseDetail, draft: drafts.PackageDraft
            ) -> list[tuple[str, str, str]]:
    """(source, document id, kind) of the package's documents, in the draft's order."""
    case_docs = {d.id: d.kind for d in case.documents}
    standing = {d.id: d.kind for d in enterprise.list_enterprise_documents(ws)}
    if draft.documents is None:
        return ([("enterprise", i, k) for i, k in standing.items()]
                + [("case", i, k) for i, k in case_docs.items()])
    # A standing document chosen, then replaced by a newer one of its kind: the newer one.
    every_kind = {d.id: d.kind for d in enterprise.list_enterprise_documents(
        ws, include_trashed=True)}
    current = {kind: doc_id for doc_id, kind in standing.items()}
    out = []
    for choice in draft.documents:
        if choice.source == "case":
            if choice.id in case_docs:  # a document removed since is left out
                out.append(("case", choice.id, case_docs[choice.id]))
            continue
        doc_id = current.get(every_kind.get(choice.id, ""))
        if doc_id is not None and ("enterprise", doc_id, standing[doc_id]) not in out:
            out.append(("enterprise", doc_id, standing[doc_id]))
    return out


def prepare_package(ws: Workspace, case_id: str, workdir: Path, *, lang: Lang | None = None,
                    today: dt.date | None = None,
                    profile: Profile | None = None) -> PreparedPackage:
    """Gather the case's package (needs the unlocked vault) into ``workdir``; ``profile``
    (the Appeal page's, e.g. loaded from a file) instead of the workspace's."""
    today = today or dt.date.today()
    case = get_case(ws, case_id)
    profile = profile or load_profile(ws)
    if profile is None:
        raise StoreError("no enterprise profile yet: save it first (wecom-appeal profile set)")
    draft = drafts.load_draft(ws, case_id)
    lang = lang or draft.lang
    route = draft.route or case.diagnosis.appeal_route
    documents: list[PackageDocument] = []
    for n, (source, doc_id, kind) in enumerate(_chosen(ws, case, draft)):
        if source == "case":
            _, filename, data = read_document(ws, doc_id)
        else:
            _, filename, data = enterprise.read_enterprise_document(ws, doc_id)
        folder = workdir / f"{n:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / Path(filename or kind).name
        path.write_bytes(data)
        documents.append(PackageDocument(kind=kind, path=path,  # type: ignore[arg-type]
                                         edits=draft.edits.get(doc_id)))
    documents = order_documents(documents)
    statement = _statement(ws, case, profile, draft, documents, lang, today)
    cover = CoverFacts(report=_report(case, draft), accounts=draft.accounts_for(case.userid),
                       restricted_on=draft.restricted_on_for(case.restricted_on))
    prepared = PreparedPackage(case=case, profile=profile, draft=draft, documents=documents,
                               statement=statement, cover=cover, lang=lang, route=route,
                               issues=[])
    prepared.issues = completeness(ws, prepared, today=today)
    return prepared


def _report(case: CaseDetail, draft: drafts.PackageDraft) -> RestrictionReport:
    """The case's report with the notice as the administrator gave it in the guide."""
    notice = draft.notice_for(case.report.notice_text)
    if notice == case.report.notice_text:
        return case.report
    return case.report.model_copy(update={"notice_text": notice})


def _statement(ws: Workspace, case: CaseDetail, profile: Profile, draft: drafts.PackageDraft,
               documents: list[PackageDocument], lang: Lang, today: dt.date) -> str:
    st = draft.statement
    if st.text:  # written whole by the administrator: only typeset, never reworded
        body = typeset_zh(st.text) if lang == "zh_CN" else st.text
        note = not_translated_note(st.text, lang)
        return f"{note}\n\n{body}" if note else body
    return build_statement(
        profile, lang=lang, report=_report(case, draft),
        accounts=draft.accounts_for(case.userid),
        restricted_on=draft.restricted_on_for(case.restricted_on), complied=st.complied,
        what_happened=st.what_happened,
        measures=[*st.measures, *audit_measures(ws, lang)], request=st.request,
        attachments=attachment_titles(documents, lang), today=today)


def case_statement(ws: Workspace, case_id: str, *, lang: Lang | None = None,
                   today: dt.date | None = None) -> str:
    """The statement the case's package would carry now (the Appeal page's preview), without
    decrypting any document; needs the unlocked vault for the profile and the draft."""
    case = get_case(ws, case_id)
    profile = load_profile(ws)
    if profile is None:
        raise StoreError("no enterprise profile yet: save it first (wecom-appeal profile set)")
    draft = drafts.load_draft(ws, case_id)
    kinds = [PackageDocument(kind=kind, path=Path(kind))  # type: ignore[arg-type]
             for _, _, kind in _chosen(ws, case, draft)]
    return _statement(ws, case, profile, draft, order_documents(kinds), lang or draft.lang,
                      today or dt.date.today())


def _route_title(route_id: str) -> LocalText:
    """The route as the catalogue names it (the id only if the catalogue does not know it)."""
    from app.rules.catalogue import load_catalogue

    try:
        route = load_catalogue().route(route_id)
    except StopIteration:
        return LocalText(en=route_id, zh_CN=route_id)
    return route.title


def completeness(ws: Workspace, prepared: PreparedPackage, *, today: dt.date | None = None
                 ) -> list[PackageIssue]:
    """What the package still needs, blocking issues (placeholders) first."""
    issues = [PackageIssue(kind="placeholder", blocking=True, message=LocalText(
        en=f"The statement still asks: {p}", zh_CN=f"申诉说明尚待填写：{p}"))
        for p in placeholders(prepared.statement)]
    if prepared.route not in PACKAGE_ROUTES:
        route = _route_title(prepared.route)
        issues.append(PackageIssue(kind="route", severity="warning", message=LocalText(
            en=f"The case's route ({route.en}) does not ask for an appeal package.",
            zh_CN=f"本案件的处理途径（{route.zh_CN}）不需要提交申诉材料。")))
    for p in prepared.profile.problems(today):
        issues.append(PackageIssue(kind="profile", severity=p.severity, message=LocalText(
            en=f"Profile, {p.field}: {p.message.en}",
            zh_CN=f"企业资料 {p.field}：{p.message.zh_CN}")))
    required = prepared.case.diagnosis.documents if prepared.route in PACKAGE_ROUTES else []
    for slot in missing_slots(required, prepared.documents):
        title = SLOT_TITLES[slot]
        issues.append(PackageIssue(kind="missing_document", message=LocalText(
            en=f"Missing: {title.en}", zh_CN=f"缺少材料：{title.zh_CN}")))
    in_package = {d.kind for d in prepared.documents}
    for w in enterprise.enterprise_warnings(ws, today=today):
        if w.kind in in_package:
            issues.append(PackageIssue(
                kind="enterprise_document",
                severity="warning" if w.state == "expiring" else "error", message=w.message))
    return issues


def check_case_package(ws: Workspace, case_id: str, *, lang: Lang | None = None,
                       today: dt.date | None = None) -> list[PackageIssue]:
    """The completeness check alone (what the Appeal page lists before a build); needs the
    unlocked vault. The documents are decrypted to a private folder and removed at once."""
    workdir = Path(tempfile.mkdtemp(prefix="wecom-appeal-check-"))
    try:
        return prepare_package(ws, case_id, workdir, lang=lang, today=today).issues
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def build_case_package(ws: Workspace, case_id: str, out: str | Path, *,
                       kit: str | Path | None = None, allow_placeholders: bool = False,
                       lang: Lang | None = None, font: object | None = None,
                       today: dt.date | None = None,
                       progress: Progress | None = None,
                       cancel: threading.Event | None = None,
                       profile: Profile | None = None) -> PackageBuild:
    """Build the case's bundle (and upload kit) from the workspace and record the build: the
    one path of ``case package`` and of the Appeal page's build (on its worker, with its
    progress and cancel).

    Raises PackageIncomplete while the statement has placeholders, unless
    ``allow_placeholders``; IntakeError for a stored file the package cannot use."""
    today = today or dt.date.today()
    workdir = Path(tempfile.mkdtemp(prefix="wecom-appeal-package-"))  # mode 0700
    try:
        prepared = prepare_package(ws, case_id, workdir, lang=lang, today=today,
                                   profile=profile)
        blocking = [i for i in prepared.issues if i.blocking]
        if blocking and not allow_placeholders:
            raise PackageIncomplete(blocking, prepared.issues)
        draft = prepared.draft
        watermark = draft.watermark_for(today)
        options = BundleOptions(lang=prepared.lang, dpi=draft.dpi, watermark=watermark,
                                watermark_all=draft.watermark_all,
                                id_on_one_page=draft.id_on_one_page)
        result = build_bundle(prepared.profile, prepared.documents, out,
                              statement=prepared.statement, diagnosis=prepared.case.diagnosis,
                              options=options, font=font, today=today,  # type: ignore[arg-type]
                              cover=prepared.cover, progress=progress, cancel=cancel)
        kit_result = None
        if kit is not None:
            from app.appeal.kit import build_kit

            kit_result = build_kit(prepared.documents, prepared.statement, kit,
                                   lang=prepared.lang, size_cap=draft.kit_cap_kb * 1024,
                                   char_limit=draft.kit_chars, watermark=watermark,
                                   watermark_all=draft.watermark_all,
                                   font=font)  # type: ignore[arg-type]
        record = drafts.record_build(ws, case_id, out, pages=result.pages, lang=prepared.lang)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return PackageBuild(result=result, build=record, issues=prepared.issues, kit=kit_result)


FixState = Literal["ok", "to_fix", "by_hand"]


class FixStatus(BaseModel):
    """One item of a rejection's checklist with what the app's check says about it now."""

    item: FixItem
    state: FixState
    details: list[LocalText] = []


def rejection_fixes(ws: Workspace, case_id: str, reason: str, *,
                    today: dt.date | None = None) -> list[FixStatus]:
    """The checklist of a rejection for ``reason``, each item run through the check it is tied
    to on the case's package as it stands (needs the unlocked vault): ``ok``, ``to_fix`` (with
    what the check found) or ``by_hand`` (no automatic check: the letter's seal, notes)."""
    from app.appeal.intake import read_document as intake

    workdir = Path(tempfile.mkdtemp(prefix="wecom-appeal-check-"))
    try:
        prepared = prepare_package(ws, case_id, workdir, today=today)
        notes = {doc.path.name: [n for n in intake(doc.path).notes
                                 if n.code == "low_resolution"]
                 for doc in prepared.documents}
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    profile_problems = [p for p in prepared.profile.problems(today) if p.severity == "error"]
    found: dict[str, list[LocalText]] = {
        "intake.resolution": [n.message for found in notes.values() for n in found],
        "profile.names": [p.message for p in profile_problems if p.field.endswith("name")],
        "profile.identity": [p.message for p in profile_problems
                             if not p.field.endswith("name")],
        "enterprise.documents": [i.message for i in prepared.issues
                                 if i.kind in ("enterprise_document", "missing_document")],
        "watermark.purpose": [] if prepared.draft.watermark is not None else [LocalText(
            en="The purpose watermark is turned off for this case.",
            zh_CN="本案件的用途水印已关闭。")],
        "statement.placeholders": [i.message for i in prepared.issues if i.blocking],
    }
    out = []
    for item in rejection_checklist(reason):
        if item.check not in found:
            out.append(FixStatus(item=item, state="by_hand"))
        else:
            details = found[item.check]
            out.append(FixStatus(item=item, state="to_fix" if details else "ok",
                                 details=details))
    return out
