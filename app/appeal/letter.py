"""The company-seal authorisation letter (授权委托书), filled from the profile.

Printed, signed by the legal person, sealed, and scanned back into the package: section 5.3
lists the "company seal authorization letter" among the documents of an enterprise appeal.
"""

from __future__ import annotations

import datetime as dt
import io
import os

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from app.appeal.checks import normalize_phone
from app.appeal.profile import Profile
from app.i18n import Lang, LocalText
from app.pdf.fonts import CJKFont
from app.pdf.page import FRAME_W, INK, MUTED
from app.pdf.renderer import PdfRenderer
from app.pdf.styles import Styles, build_styles, escape, table_style

DEFAULT_VALID_DAYS = 90
LETTER_TITLE = LocalText(en="Letter of Authorisation", zh_CN="授权委托书")
SCOPE = LocalText(en="handling the WeCom account appeal", zh_CN="办理企业微信账号申诉事宜")

_TEXT = {
    "to": LocalText(en="To: the WeCom team, Tencent",
                    zh_CN="致：腾讯企业微信团队"),
    "grant": LocalText(
        en="{company} (Unified Social Credit Code {code}; WeCom CorpID {corp_id}) hereby "
           "authorises {person} (resident ID number {id_number}) to act on its behalf in "
           "<b>{scope}</b>: submitting the appeal and its documents, communicating with WeCom "
           "customer support about its progress, and receiving the outcome.",
        zh_CN="兹授权 {person}（身份证号码：{id_number}）作为我单位 {company}（统一社会信用代码："
              "{code}；企业微信企业ID：{corp_id}）的授权代表，代表我单位<b>{scope}</b>，"
              "包括提交申诉及相关材料、与企业微信客服沟通申诉进展、接收处理结果。"),
    "bind": LocalText(
        en="The enterprise acknowledges everything the authorised person does within this "
           "scope and bears the responsibility for it. The authorised person may not delegate "
           "this authority.",
        zh_CN="被授权人在上述授权范围内办理的相关事宜，我单位均予以承认，并承担相应的法律责任。"
              "被授权人无转委托权。"),
    "valid": LocalText(en="Valid from {start} to {end}.",
                       zh_CN="授权期限：自 {start} 起至 {end} 止。"),
    "company": LocalText(en="Enterprise", zh_CN="企业名称"),
    "code": LocalText(en="Unified Social Credit Code", zh_CN="统一社会信用代码"),
    "corp_id": LocalText(en="WeCom CorpID", zh_CN="企业微信企业ID"),
    "legal": LocalText(en="Legal representative", zh_CN="法定代表人"),
    "person": LocalText(en="Authorised person", zh_CN="被授权人"),
    "id_number": LocalText(en="ID number of the authorised person", zh_CN="被授权人身份证号码"),
    "phone": LocalText(en="Phone of the authorised person", zh_CN="被授权人联系电话"),
    "scope": LocalText(en="Scope", zh_CN="授权事项"),
    "sign_legal": LocalText(en="Legal representative (signature)", zh_CN="法定代表人（签字）"),
    "sign_person": LocalText(en="Authorised person (signature)", zh_CN="被授权人（签字）"),
    "seal": LocalText(en="Company seal", zh_CN="单位公章（盖章）"),
    "date": LocalText(en="Date: ____ / ____ / ________", zh_CN="日期：______年____月____日"),
}


def _date(day: dt.date, lang: Lang) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if lang == "zh_CN" else day.isoformat()


def _format_phone(phone: str) -> str:
    digits = normalize_phone(phone)
    return f"{digits[:3]} {digits[3:7]} {digits[7:]}" if len(digits) == 11 else phone


SIGN_GAP = 6 * mm
SIGN_H = 48 * mm  # room for a 42 mm round seal, and for a signature with the date under it


class SignatureBoxes(Flowable):
    """Ruled boxes side by side, each with its caption: the two signatures and the seal.

    One flowable draws all three, so they share one baseline and one height and together
    span exactly the frame's width: nothing sticks out past a margin."""

    def __init__(self, captions: list[str], styles: Styles, height: float = SIGN_H) -> None:
        super().__init__()
        self.captions, self.styles, self.box_h = captions, styles, height

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.width, self.height = avail_w, self.box_h
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        count = len(self.captions)
        box_w = (self.width - SIGN_GAP * (count - 1)) / count
        for i, caption in enumerate(self.captions):
            x = i * (box_w + SIGN_GAP)
            c.setStrokeColor(MUTED)
            c.setLineWidth(0.6)
            c.setDash(3, 2)
            c.rect(x, 0, box_w, self.box_h)
            c.setDash()
            c.setFillColor(INK)
            c.setFont(self.styles.font, 9.5)
            c.drawString(x + 3 * mm, self.box_h - 6 * mm, caption)


def letter_story(profile: Profile, styles: Styles, lang: Lang, valid_from: dt.date,
                 valid_days: int) -> list[Flowable]:
    t = {key: text(lang) for key, text in _TEXT.items()}
    admin = profile.administrator
    end = valid_from + dt.timedelta(days=valid_days)
    values = {
        "company": escape(profile.company_name), "code": escape(profile.credit_code),
        "corp_id": escape(profile.corp_id), "person": escape(admin.name),
        "id_number": escape(admin.id_number), "scope": escape(SCOPE(lang)),
    }
    rows = [
        (t["company"], profile.company_name), (t["code"], profile.credit_code),
        (t["corp_id"], profile.corp_id), (t["legal"], profile.legal_person.name),
        (t["person"], admin.name), (t["id_number"], admin.id_number),
        (t["phone"], _format_phone(admin.phone)), (t["scope"], SCOPE(lang)),
    ]
    table = Table([[Paragraph(escape(k), styles.cell_label), Paragraph(escape(v), styles.cell)]
                   for k, v in rows], colWidths=[FRAME_W * 0.34, FRAME_W * 0.66])
    table.setStyle(table_style(
        styles, ("GRID", (0, 0), (-1, -1), 0.5, MUTED), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)))
    boxes = SignatureBoxes([t["sign_legal"], t["sign_person"], t["seal"]], styles)
    return [
        Paragraph(escape(LETTER_TITLE(lang)), styles.title),
        Paragraph(escape(t["to"]), styles.body),
        Spacer(1, 3 * mm),
        Paragraph(t["grant"].format(**values), styles.body),
        Paragraph(escape(t["bind"]), styles.body),
        Paragraph(escape(t["valid"].format(start=_date(valid_from, lang),
                                           end=_date(end, lang))), styles.body),
        Spacer(1, 4 * mm),
        table,
        Spacer(1, 10 * mm),
        boxes,
        Spacer(1, 6 * mm),
        Paragraph(escape(t["date"]), styles.body),
    ]


class LetterRenderer(PdfRenderer):
    """The letter on one A4 page, headed by the company's name."""

    def __init__(self, profile: Profile, *, lang: Lang, valid_from: dt.date, valid_days: int,
                 font: CJKFont | None = None) -> None:
        super().__init__(lang, font)
        self.profile, self.valid_from, self.valid_days = profile, valid_from, valid_days

    def title(self) -> str:
        return f"{LETTER_TITLE(self.lang)} — {self.profile.company_name}"

    def header(self) -> str:
        return self.profile.company_name

    def story(self) -> list[Flowable]:
        return letter_story(self.profile, build_styles(self.font), self.lang, self.valid_from,
                            self.valid_days)


def build_letter(profile: Profile, out: str | os.PathLike[str] | io.BytesIO, *,
                 lang: Lang = "zh_CN", valid_from: dt.date | None = None,
                 valid_days: int = DEFAULT_VALID_DAYS, font: CJKFont | None = None) -> None:
    """Write the authorisation letter as a one-page A4 PDF (atomically)."""
    if valid_days < 1:
        raise ValueError("valid_days must be at least 1")
    LetterRenderer(profile, lang=lang, valid_from=valid_from or dt.date.today(),
                   valid_days=valid_days, font=font).write(out)
