"""The identifiers the rule catalogue and the diagnosis contract share: rules, appeal routes and
the kinds of document a route needs. Kept apart from the catalogue's models so that the contract
(and the appeal bundle, which reads it) does not build them (docs/design.md, "Start-up").
"""

from __future__ import annotations

from typing import Literal

RuleId = Literal["R1", "R2", "R3"]
RouteId = Literal[
    "admin_unblock_request",
    "wait_for_expiry",
    "wait_for_wechat_unblock",
    "page_appeal",
    "enterprise_appeal",
    "none",
]
DocumentKind = Literal[
    "business_license",
    "legal_person_id",
    "legal_person_holding_id",
    "seal_authorization_letter",
]
# Case JSON (docs/design.md, "Contracts"): the kinds of document a case can carry. A route's
# documents (DocumentKind) map onto these; an ID card is two pictures.
DocumentSlot = Literal[
    "business_license",
    "legal_person_id_front",
    "legal_person_id_back",
    "legal_person_holding_id",
    "seal_authorization_letter",
    "notice_screenshot",
    "evidence",
]
