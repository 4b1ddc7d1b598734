"""The documents of an appeal package: slots, their titles and order, and what a route needs."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from app.appeal.sources import Edits
from app.i18n import LocalText
from app.rules.ids import DocumentSlot

SLOT_TITLES: dict[str, LocalText] = {
    "business_license": LocalText(en="Business licence", zh_CN="营业执照"),
    "legal_person_id_front": LocalText(en="Legal person's ID card (photo side)",
                                       zh_CN="法定代表人身份证（人像面）"),
    "legal_person_id_back": LocalText(en="Legal person's ID card (emblem side)",
                                      zh_CN="法定代表人身份证（国徽面）"),
    "legal_person_holding_id": LocalText(en="Legal person holding the ID card",
                                         zh_CN="法定代表人手持身份证照片"),
    "seal_authorization_letter": LocalText(en="Authorisation letter (sealed)",
                                           zh_CN="授权委托书（盖章）"),
    "notice_screenshot": LocalText(en="Restriction notice", zh_CN="限制通知截图"),
    "evidence": LocalText(en="Evidence", zh_CN="其他证明材料"),
}
ID_PAIR_TITLE = LocalText(en="Legal person's ID card (both sides)",
                          zh_CN="法定代表人身份证（正反面）")
SLOT_ORDER: tuple[str, ...] = tuple(SLOT_TITLES)

# The diagnosis names documents by kind (DocumentKind); an ID card is two pictures.
ROUTE_SLOTS: dict[str, tuple[str, ...]] = {
    "business_license": ("business_license",),
    "legal_person_id": ("legal_person_id_front", "legal_person_id_back"),
    "legal_person_holding_id": ("legal_person_holding_id",),
    "seal_authorization_letter": ("seal_authorization_letter",),
}
# Identity documents carry the purpose watermark unless the user turns it off.
WATERMARKED_SLOTS = frozenset({"legal_person_id_front", "legal_person_id_back",
                               "legal_person_holding_id"})


class PackageDocument(BaseModel):
    """One file in the package (Case JSON ``documents[]``)."""

    # defer_build: validators made at first use, not at import (a bundle without photos imports it
    # and validates none).
    model_config = ConfigDict(extra="forbid", defer_build=True)

    kind: DocumentSlot
    path: Path
    title: str | None = Field(default=None, max_length=200)
    edits: Edits | None = None

    def display_title(self, lang: Literal["zh_CN", "en"]) -> str:
        return self.title or SLOT_TITLES[self.kind](lang)


def order_documents(documents: Iterable[PackageDocument]) -> list[PackageDocument]:
    """Slot order (licence first, evidence last); the user's order within a slot."""
    return sorted(documents, key=lambda d: SLOT_ORDER.index(d.kind))


def missing_slots(required_kinds: Iterable[str], documents: Iterable[PackageDocument]
                  ) -> list[str]:
    present = {d.kind for d in documents}
    missing: list[str] = []
    for kind in required_kinds:
        missing += [slot for slot in ROUTE_SLOTS.get(kind, (kind,)) if slot not in present]
    return missing


def attachment_titles(documents: Iterable[PackageDocument], lang: Literal["zh_CN", "en"]
                      ) -> list[str]:
    """The statement's list of attached documents, in package order, as the bundle's contents
    name them (the ID card's two sides are one entry)."""
    titles: list[str] = []
    for doc in order_documents(documents):
        title = (ID_PAIR_TITLE(lang) if doc.kind in ("legal_person_id_front",
                                                     "legal_person_id_back")
                 else doc.display_title(lang))
        if title not in titles:
            titles.append(title)
    return titles
