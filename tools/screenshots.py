"""Screenshots of every page, in Chinese and English, under offscreen Qt.

    python tools/screenshots.py [--out out/screenshots] [--lang zh_CN --lang en] [--stretch 1.4]
                                [--theme light|dark|system] [--size 1024x700]

Walks the Diagnose flow to its result (a member's first rule-1 violation and an enterprise
appeal), answers and saves two self-audits and scans a generated behaviour file (with the
thresholds and Fetch dialogs), records sample cases (one sent and rejected), prepares the
appeal package of a case chosen in the Appeal page's case picker (documents, the statement guide,
a bundle), shows the Enterprise page's standing documents, the Pre-send check, the other
workspaces and the About box, and saves each as PNG. Settings and workspaces go to a
temporary folder, never the user's; no real keyring.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from keyring.backends.fail import Keyring as FailKeyring  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget  # noqa: E402

from app.i18n import LANGS, Lang  # noqa: E402
from app.rules.catalogue import load_catalogue  # noqa: E402
from app.store.keystore import KeyringStore  # noqa: E402
from app.ui.audit_service import ApiCredentials, AuditService, WorkspaceArchive  # noqa: E402
from app.ui.context import AppContext  # noqa: E402
from app.ui.fonts import ensure_cjk_font  # noqa: E402
from app.ui.language import StretchTranslator, UiLanguage  # noqa: E402
from app.ui.main_window import MainWindow  # noqa: E402
from app.ui.pages.audit import AuditPage  # noqa: E402
from app.ui.pages.diagnose import DiagnosePage  # noqa: E402
from app.ui.pages.rules import RulesPage  # noqa: E402
from app.ui.store_service import WorkspaceService  # noqa: E402
from app.ui.theme import MODES, SETTINGS_KEY, Theme  # noqa: E402
from app.ui.workers import SynchronousRunner  # noqa: E402

SIZE = (1100, 720)
SAMPLE_PASSPHRASE = "sample passphrase for screenshots"
SAMPLE_PROFILE = {
    "company_name": "北京示例科技有限公司", "credit_code": "91110000600037341L",
    "corp_id": "ww0123456789abcdef", "legal_person.name": "王小明",
    "legal_person.id_number": "11010519491231002X", "administrator.name": "李四",
    "administrator.id_number": "110105198003070020", "administrator.phone": "13800138000",
}
NOTICE = {
    "zh_CN": "您好，您企业的成员账号因频繁向客户发送营销广告，被多位用户投诉，"
             "现已被短期禁止使用互通功能。管理员可在管理后台申请解封。",
    "en": "This member account was reported by several users for frequently sending marketing "
          "messages and is temporarily restricted from using the interop functions.",
}
SEARCH = {"zh_CN": "骚扰", "en": "harass"}


def settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


def shoot(app: QApplication, widget: QWidget, path: Path) -> Path:
    settle(app)
    widget.grab().save(str(path))
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return path


def walk(app: QApplication, window: MainWindow, lang: Lang, out: Path,
         suffix: str = "") -> list[Path]:
    shots: list[Path] = []

    def snap(name: str, widget: QWidget | None = None) -> None:
        shots.append(shoot(app, widget or window,
                           out / f"{lang}-{len(shots) + 1:02d}-{name}{suffix}.png"))

    diagnose = window.show_page("diagnose")
    assert isinstance(diagnose, DiagnosePage)
    snap("diagnose-1-restriction")
    for question, value in (("account", "member"), ("scope", "interop"),
                            ("duration", "temporary")):
        diagnose.set_answer(question, value)
    diagnose.next_step()
    diagnose.ui.noticeEdit.setPlainText(NOTICE[lang])
    diagnose.update_hint()
    snap("diagnose-2-notice")
    diagnose.next_step()
    diagnose.set_answer("self_unblock_offered", True)
    snap("diagnose-3-history")
    diagnose.next_step()
    snap("diagnose-4-result-member")
    diagnose.ui.resultScroll.ensureWidgetVisible(diagnose.next_panel)
    snap("diagnose-4-next-step")

    diagnose.start_over()
    for question, value in (("account", "enterprise"), ("scope", "account"),
                            ("duration", "unknown")):
        diagnose.set_answer(question, value)
    diagnose.next_step()
    diagnose.next_step()
    diagnose.ui.wrongfulCheck.setChecked(True)
    diagnose.next_step()
    snap("diagnose-4-result-enterprise")
    diagnose.ui.resultScroll.verticalScrollBar().setValue(
        diagnose.ui.resultScroll.verticalScrollBar().maximum())
    snap("diagnose-4-result-enterprise-end")

    window.show_page("appeal")
    snap("appeal")
    walk_audit(app, window, snap)
    walk_workspace(app, window, lang, snap)
    walk_appeal(app, window, lang, snap, out)
    walk_enterprise_documents(window, snap)
    walk_check(window, lang, snap, out)
    rules = window.show_page("rules")
    assert isinstance(rules, RulesPage)
    snap("rules")
    rules.ui.searchEdit.setText(SEARCH[lang])
    rules.ui.tree.setCurrentItem(rules._items["violation:harassment"])
    snap("rules-search")
    rules.ui.searchEdit.clear()
    rules.ui.tree.setCurrentItem(rules._items["step:R1:2"])
    snap("rules-ladder")

    from app.ui.dialogs.welcome import WelcomeDialog

    welcome = WelcomeDialog(window)
    welcome.show()
    snap("welcome", welcome)
    welcome.close()
    guide = window.user_guide()
    if guide is not None:
        guide.show()
        snap("user-guide", guide)
        guide.browser.verticalScrollBar().setValue(600)
        snap("user-guide-scrolled", guide)
        guide.close()

    about = QMessageBox(QMessageBox.Icon.NoIcon, window.tr("About"), window.about_text(),
                        QMessageBox.StandardButton.Ok, window)
    about.show()
    snap("about", about)
    about.close()
    return shots


MASS_MESSAGE = {
    "zh_CN": "【双十二福利】亲爱的会员，转发本条到朋友圈集满 30 个赞，到店即可领取价值 99 元的"
             "护肤礼盒！另招兼职刷 单，日结 200。本产品无副作用，效果全网最低价。",
    "en": "Dear member, share this post to your Moments and collect 30 likes to get a free gift "
          "box worth 99 yuan! Also: earn money at home, we pay for fake reviews.",
}
CHECK_ROWS = "\n".join((
    "内容", "欢迎分享使用体验，您的建议对我们很重要。", "您的快递单号是 SF1234567890，请注意查收。",
    "誠招兼職刷單，日結兩百", "理财有风险，投资需谨慎。", "本理财产品保本保息，零风险",
    "Share this to Moments and win a red packet!", ""))


def walk_check(window: MainWindow, lang: Lang, snap, out: Path) -> None:
    from app.ui.pages.check import CheckPage

    page = window.show_page("check")
    assert isinstance(page, CheckPage)
    page.ui.editor.setPlainText(MASS_MESSAGE[lang])
    page.run_check()
    page.ui.audienceSpin.setValue(8000)
    page.ui.messagesSpin.setValue(2)
    page.ui.daysSpin.setValue(1)
    snap("check-pasted")
    table = out / "check-texts.csv"
    table.write_text(CHECK_ROWS, encoding="utf-8")
    page.load_file(table)
    page.ui.table.setCurrentCell(2, 0)
    snap("check-csv")
    table.unlink()


def behaviour_file(path: Path) -> Path:
    """42 days of 20 members in the admin's Chinese column titles: a spammer, a member whose
    customers delete and block, normal members, and two malformed rows."""
    import csv
    import datetime as dt
    import random

    rng = random.Random(5)
    rows = []
    for d in range(42):
        day = (dt.date(2026, 9, 1) + dt.timedelta(days=d)).isoformat()
        rows.append(["spam.zhang", day, 180 + rng.randint(0, 60), 20, 10, 30, 80, 5, 0])
        rows.append(["harass.li", day, 10, 8, 12, 40, 70, 8, 2 + rng.randint(0, 1)])
        for i in range(18):
            apply = rng.randint(2, 15)
            rows.append([f"sales{i:02d}", day, apply, max(0, apply - rng.randint(0, 3)),
                         rng.randint(3, 20), rng.randint(10, 60), rng.randint(60, 100),
                         rng.randint(1, 30), 0])
    rows[30][2] = "很多"
    rows[95][1] = "昨天"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["成员", "日期", "发起申请数", "新增客户数", "聊天数", "发送消息数",
                         "已回复聊天占比", "平均首次回复时长", "删除/拉黑成员的客户数"])
        writer.writerows(rows)
    return path


AUDIT_NOTE = {"zh_CN": ("王经理", "两名成员每天向客户发送促销信息"),
              "en": ("Wang", "2 members send daily promotions")}


def walk_audit(app: QApplication, window: MainWindow, snap) -> None:
    import datetime as dt

    from PySide6.QtCore import QDate

    from app.store.ledger import add_past_violation
    from app.ui.audit_service import EvidenceItem
    from app.ui.pages.audit_thresholds import AuditThresholdsDialog

    page = window.show_page("audit")
    assert isinstance(page, AuditPage)
    checklist = page.checklist
    ids = list(checklist.cards)
    checklist.ui.titleEdit.setText("2026 Q2")
    checklist.ui.dateEdit.setDate(QDate(2026, 6, 30))
    for n, qid in enumerate(ids):
        checklist.cards[qid].radios["no" if n % 3 == 0 else "yes"].click()
    checklist.save_audit()
    checklist.new_audit(ask=False)
    checklist.ui.titleEdit.setText("2026 Q4")
    auditor, note = AUDIT_NOTE[page.context.lang]
    checklist.ui.auditorEdit.setText(auditor)
    checklist.ui.dateEdit.setDate(QDate(2026, 11, 20))
    for n, qid in enumerate(ids):
        checklist.cards[qid].radios[("partly", "no", "yes", "yes", "not_applicable",
                                     "yes")[n % 6]].click()
    checklist.cards[ids[0]].note.setText(note)
    # Listed as the vault lists it (by file name); the sample needs no file behind it.
    checklist.cards[ids[0]].add_evidence([EvidenceItem("vault:" + "0" * 32,
                                                       "marketing-policy.pdf")])
    checklist.save_audit()
    checklist.ui.workTabs.setCurrentIndex(0)
    snap("audit-checklist")
    checklist.ui.workTabs.setCurrentIndex(1)
    snap("audit-checklist-plan")
    checklist.ui.workTabs.setCurrentIndex(2)
    snap("audit-checklist-history")

    archive = page.context.audit.archive
    add_past_violation(archive.workspace, "spam.zhang", dt.date(2026, 3, 2), rule="R1",
                       category="malicious_adding", step=1)
    page.show_tab(1)
    data = behaviour_file(archive.workspace.root / "behaviour.csv")
    page.scan.import_file(str(data))
    for _ in range(400):
        settle(app)
        if page.scan.job is None and page.scan.chart.point_count():
            break
        app.thread().msleep(25)
    snap("audit-scan")
    dialog = AuditThresholdsDialog(page.scan.thresholds(), page.scan.thresholds(), window)
    dialog.show()
    snap("audit-thresholds", dialog)
    dialog.close()
    from app.ui.pages.audit_fetch import AuditFetchDialog

    fetch = AuditFetchDialog(page.context, window)
    fetch.show()
    snap("audit-fetch", fetch)
    fetch.close()
    page.show_tab(0)


def sample_png(seed: int) -> bytes:
    """A small picture standing in for a scanned document."""
    from PySide6.QtCore import QBuffer
    from PySide6.QtGui import QColor, QImage

    image = QImage(600, 400, QImage.Format.Format_RGB32)
    image.fill(QColor.fromHsv(40 * seed, 40, 240))
    buffer = QBuffer()
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def walk_workspace(app: QApplication, window: MainWindow, lang: Lang, snap) -> None:
    """Vault dialogs, the Cases workspace with its ledger, the Enterprise profile, and the
    Diagnose history step naming a member, over a workspace of sample cases."""
    import datetime as dt

    from PySide6.QtCore import QPoint, Qt

    from app.rules.contract import RestrictionReport
    from app.rules.engine import diagnose
    from app.store import cases, documents, ledger, submissions
    from app.ui.dialogs.vault_setup import VaultSetupDialog
    from app.ui.dialogs.vault_unlock import VaultUnlockDialog
    from app.ui.dialogs.workspace_security import WorkspaceSecurityDialog
    from app.ui.pages.cases import CasesPage
    from app.ui.pages.diagnose import HISTORY
    from app.ui.pages.profile import ProfilePage

    store = window.context.store
    setup = VaultSetupDialog(store, window)
    setup.passphrase_radio.setChecked(True)
    setup.fields.first.setText("short")
    setup.show()
    snap("vault-setup", setup)
    setup.close()
    store.create_vault(SAMPLE_PASSPHRASE)

    ws, catalogue = store.workspace(), window.context.catalogue
    diagnoser = lambda report: diagnose(report, catalogue, lang)  # noqa: E731
    member = {"account": "member", "scope": "interop", "duration": "temporary"}
    ledger.add_past_violation(ws, "zhang.san", dt.date(2026, 4, 8), rule="R1",
                              category="harassment", step=1, duration="temporary")
    first = cases.create_case(ws, RestrictionReport(**member, notice_text=NOTICE[lang]),
                      diagnoser=diagnoser, userid="zhang.san",
                      restricted_on=dt.date(2026, 11, 12))
    wechat = cases.create_case(ws, RestrictionReport(**{**member, "duration":
                                                        "until_wechat_unblocked"},
                                                     linked_wechat_banned=True),
                               diagnoser=diagnoser, userid="li.si",
                               restricted_on=dt.date(2026, 11, 18))
    enterprise = cases.create_case(ws, RestrictionReport(
        account="enterprise", scope="account", duration="unknown", believes_wrongful=True),
        diagnoser=diagnoser, restricted_on=dt.date(2026, 11, 20))
    cases.set_status(ws, enterprise.id, "appeal_submitted")
    for n, kind in enumerate(("business_license", "legal_person_id_front",
                              "seal_authorization_letter")):
        documents.add_document(ws, enterprise.id, kind, sample_png(n), f"{kind}.png")
    cases.record_wechat_unblocked(ws, wechat.id, dt.datetime.now(dt.UTC))
    store.cases_changed.emit()

    page = window.show_page("cases")
    assert isinstance(page, CasesPage)
    page.select_case(wechat.id)
    snap("cases-rule2-deadline")
    page.select_case(enterprise.id)
    page.ui.detailScroll.verticalScrollBar().setValue(
        page.ui.detailScroll.verticalScrollBar().maximum())
    snap("cases-documents")
    # The submissions box of a case sent once and rejected: what to fix before sending again.
    submissions.record_submission(ws, first.id, channel="admin_console",
                                  submitted_on=dt.date(2026, 11, 19), reference="A-20261119")
    submissions.record_outcome(ws, first.id, "rejected", reason="unclear_images",
                               on=dt.date(2026, 11, 24))
    store.cases_changed.emit()
    page.select_case(first.id)
    page.submissions.fixList.item(0).setCheckState(Qt.CheckState.Checked)
    settle(app)
    top = page.submissions.mapTo(page.ui.detailScroll.widget(), QPoint(0, 0)).y()
    page.ui.detailScroll.verticalScrollBar().setValue(top - 8)
    snap("cases-submissions")
    page.ui.tabs.setCurrentWidget(page.ui.membersTab)
    page.ui.memberList.setCurrentRow(page.ui.memberList.count() - 1)
    snap("cases-ledger")
    page.ui.tabs.setCurrentWidget(page.ui.casesTab)

    profile = window.show_page("profile")
    assert isinstance(profile, ProfilePage)
    profile._fill(SAMPLE_PROFILE, masked=False)
    profile.save()
    snap("profile")
    profile.ui.creditCodeEdit.setText("91110000600037341A")
    profile.legal_id.set_value("110105194912310021")
    for key in ("credit_code", "legal_person.id_number"):
        profile.check(key, final=True)
    snap("profile-errors")
    profile._fill(SAMPLE_PROFILE, masked=False)

    other = type(store)(store.root, store.keyring_store, scrypt_n=store.scrypt_n,
                        runner=store.runner, ask_setup=lambda parent, service: False,
                        ask_unlock=lambda parent, service: False)
    unlock = VaultUnlockDialog(other, window)
    unlock.passphrase.setText("not the passphrase")
    unlock.show()
    unlock.unlock()
    for _ in range(200):
        settle(app)
        if unlock.error.isVisible():
            break
        app.thread().msleep(25)
    snap("vault-unlock-wrong", unlock)
    unlock.close()
    other.close()
    security = WorkspaceSecurityDialog(store, window)
    security.show()
    snap("workspace-security", security)
    security.close()

    diagnose_page = window.show_page("diagnose")
    assert isinstance(diagnose_page, DiagnosePage)
    diagnose_page.start_over()
    for question, value in member.items():
        diagnose_page.set_answer(question, value)
    diagnose_page.go_to(HISTORY)
    diagnose_page.member_picker.set_member("zhang.san")
    snap("diagnose-3-history-member")


def sample_document(path: Path, size: tuple[int, int], title: str,
                    colour: tuple[int, int, int]) -> Path:
    """A stand-in scan: a tinted sheet with a title band and grey text bars (no real data)."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(img)
    w, h = size
    draw.rectangle((0, 0, w, h // 7), fill=(176, 40, 40) if title == "licence" else (90, 120, 160))
    for i, y in enumerate(range(h // 4, h - h // 8, max(14, h // 11))):
        draw.rectangle((w // 12, y, w // 12 + (w // 2 if i % 2 else w * 2 // 3), y + h // 34),
                       fill=(70, 78, 92))
    if title == "id-front":
        draw.rectangle((w * 2 // 3, h // 4, w * 9 // 10, h * 3 // 4), fill=(150, 165, 185))
    img.save(path, "JPEG", quality=85)
    return path


ENTERPRISE_NOTICE = {
    "zh_CN": "您的企业因违反《企业微信服务协议》被限制使用，如有异议可提交申诉。",
    "en": "Your enterprise is restricted for breaching the WeCom service agreement; you may "
          "appeal if you disagree.",
}
GUIDE_WORDS = {
    "zh_CN": ("已停止全部群发营销，并删除了相关群发内容。",
              ["制定并发布了《客户沟通规范》", "对全体销售成员进行了合规培训"],
              "恳请恢复企业账号的正常使用。"),
    "en": ("We stopped all mass marketing messages and deleted the ones sent.",
           ["Published a customer-contact policy", "Trained every sales member on it"],
           "We ask that the enterprise account be restored."),
}


def walk_enterprise_documents(window: MainWindow, snap) -> None:
    """The Enterprise page's standing documents, kept once for every case's package (the
    Appeal walk added the licence and the legal person's ID card)."""
    import datetime as dt

    from app.store import enterprise
    from app.ui.pages.profile import ProfilePage

    profile = window.show_page("profile")
    assert isinstance(profile, ProfilePage)
    profile._fill(SAMPLE_PROFILE, masked=False)
    for key in ("credit_code", "legal_person.id_number"):  # the errors shown earlier go
        profile.check(key, final=True)
    ws = window.context.store.workspace()
    front = enterprise.current_enterprise_documents(ws)["legal_person_id_front"]
    enterprise.set_valid_until(ws, front.id, dt.date.today() + dt.timedelta(days=20))
    profile.documents.load()
    profile.ui.scroll.ensureWidgetVisible(profile.documents)
    profile.ui.scroll.verticalScrollBar().setValue(
        profile.ui.scroll.verticalScrollBar().maximum())
    snap("profile-documents")


def walk_appeal(app: QApplication, window: MainWindow, lang: Lang, snap, out: Path) -> None:
    """The Appeal package over the sample workspace's profile, with sample scans in the slots,
    one of them too small and the sealed letter still missing; then a bundle built from it."""
    import datetime as dt

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QScrollArea, QSplitter

    from app.rules.contract import RestrictionReport
    from app.store.cases import create_case, engine_diagnoser
    from app.ui.dialogs.image_edit import CropDialog
    from app.ui.dialogs.watermark_preview import WatermarkPreviewDialog
    from app.ui.pages.appeal import AppealPage
    from app.ui.pages.appeal_documents import to_qimage

    # The package belongs to a case kept in the workspace (documents are kept only with one):
    # an enterprise restriction the administrator believes wrongful, chosen in the picker.
    case = create_case(window.context.store.workspace(), RestrictionReport(
        account="enterprise", scope="account", duration="unknown", believes_wrongful=True,
        notice_text=ENTERPRISE_NOTICE[lang]), diagnoser=engine_diagnoser(lang),
        restricted_on=dt.date(2026, 11, 26))
    window.context.store.cases_changed.emit()
    # The Cases page too shows the new case: it re-announces the case it shows whenever the
    # cases change (e.g. after a build), and the Appeal page follows that announcement.
    window.page("cases").select_case(case.id)
    page = window.show_page("appeal")
    assert isinstance(page, AppealPage)
    page.reload()
    combo = page.ui.caseCombo
    index = combo.findData(f"case:{case.id}")
    assert index >= 0, "the new case is offered in the case picker"
    combo.setCurrentIndex(index)
    page._case_chosen(ask=True)
    assert page.documents.store.persistent, "the case's package is kept in the workspace"
    snap("appeal-case")
    folder = Path(tempfile.mkdtemp(prefix="appeal-samples-"))
    samples = {
        "business_license": sample_document(folder / "营业执照.jpg", (1700, 1200), "licence",
                                            (246, 240, 226)),
        "legal_person_id_front": sample_document(folder / "id-front.jpg", (1280, 808),
                                                 "id-front", (214, 226, 238)),
        "legal_person_id_back": sample_document(folder / "id-back.jpg", (640, 404), "id-back",
                                                (226, 232, 240)),
        "legal_person_holding_id": sample_document(folder / "holding.jpg", (1200, 1600),
                                                   "holding", (232, 226, 220)),
        "notice_screenshot": sample_document(folder / "notice.jpg", (1080, 2000), "notice",
                                             (245, 245, 245)),
    }
    for kind, path in samples.items():
        page.documents.add_files(kind, [path])
    page.documents.rotate("legal_person_holding_id")
    page.ui.tabs.setCurrentIndex(0)
    snap("appeal-documents")
    page.ui.documentsScroll.verticalScrollBar().setValue(
        page.ui.documentsScroll.verticalScrollBar().maximum())
    snap("appeal-documents-end")
    page.ui.tabs.setCurrentIndex(1)
    guide = page.guide
    complied, measures, request = GUIDE_WORDS[lang]
    guide.complied.setPlainText(complied)
    for measure in measures:
        guide.measureEdit.setText(measure)
        guide.add_measure()
        guide.measures.item(guide.measures.count() - 1).setCheckState(Qt.CheckState.Checked)
    guide.request.setText(request)
    guide.flush()
    snap("appeal-statement")
    # The guide given most of the tab's height (the user moves the divider), at its questions.
    split = page.findChild(QSplitter, "statementSplit")
    split.setSizes([400, 60])
    settle(app)
    guide_scroll = page.findChild(QScrollArea, "statementGuideScroll")
    guide_scroll.ensureWidgetVisible(guide.request)
    guide_scroll.ensureWidgetVisible(guide.complied)
    snap("appeal-statement-guide")
    split.setSizes([1, 1])
    page.ui.tabs.setCurrentIndex(2)
    snap("appeal-settings")

    entry = page.documents.first_image(("legal_person_id_front",))
    from app.appeal.intake import open_image

    picture = open_image(entry.source, fit=(900, 900))
    dialog = WatermarkPreviewDialog(page.package.spec, picture, lang, window)
    dialog.show()
    snap("appeal-watermark", dialog)
    dialog.close()
    crop = CropDialog(to_qimage(open_image(entry.source, fit=(760, 560))),
                      (0.05, 0.08, 0.95, 0.92), window)
    crop.show()
    snap("appeal-crop", crop)
    crop.close()

    page.ui.tabs.setCurrentIndex(0)
    page.builder.runner = SynchronousRunner()
    bundle = out / f"{lang}-appeal-bundle.pdf"
    page._confirm = lambda parent, title, text: True
    page._ask_save_pdf = lambda parent, caption, suggested: str(bundle)
    page.build_bundle()
    snap("appeal-built")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "screenshots")
    parser.add_argument("--lang", action="append", choices=LANGS)
    parser.add_argument("--stretch", type=float, default=1.0,
                        help="lengthen every UI string by this factor, e.g. 1.4")
    parser.add_argument("--size", default=f"{SIZE[0]}x{SIZE[1]}",
                        help="the window size, e.g. 1024x700 (the smallest supported)")
    parser.add_argument("--theme", choices=MODES, default="light",
                        help="the colour scheme (file names get a -dark suffix for dark)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    if not ensure_cjk_font():
        print("warning: no CJK font, Chinese screenshots will show boxes", file=sys.stderr)
    language = UiLanguage(app)
    catalogue = load_catalogue()
    with tempfile.TemporaryDirectory() as tmp:
        for lang in args.lang or list(LANGS):
            language.install(lang)
            stretch = None
            if args.stretch != 1.0:
                stretch = StretchTranslator(args.stretch, list(language.translators), app)
                app.installTranslator(stretch)
            settings = QSettings(str(Path(tmp) / f"{lang}.ini"), QSettings.Format.IniFormat)
            settings.setValue(SETTINGS_KEY, args.theme)
            theme = Theme(app, settings)
            # The self-audit keeps its audits in a workspace of its own, never the user's.
            # The keyring is a failing one: screenshots never read the user's secrets.
            audit = AuditService(archive=WorkspaceArchive(Path(tmp) / f"workspace-{lang}"),
                                 credentials=ApiCredentials(FailKeyring()))
            # Cases and profile in a sample workspace of their own, no keyring: a passphrase.
            store = WorkspaceService(Path(tmp) / f"workspace-{lang}", KeyringStore(FailKeyring()),
                                     scrypt_n=2**14, runner=SynchronousRunner(),
                                     ask_setup=lambda parent, service: False,
                                     ask_unlock=lambda parent, service: False)
            window = MainWindow(AppContext(catalogue=catalogue, settings=settings, lang=lang,
                                           audit=audit, store=store),
                                install_language=language.install, theme=theme)
            window.resize(*(int(n) for n in args.size.split("x")))
            window.show()
            walk(app, window, lang, args.out, suffix="-dark" if theme.wanted_scheme() == "dark"
                 else "")
            window.close()
            window.deleteLater()
            audit.archive.close()
            store.close()
            if stretch is not None:
                app.removeTranslator(stretch)
            settle(app)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
