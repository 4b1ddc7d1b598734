"""The public diagnosis contract (docs/design.md): what ``wecom-appeal diagnose`` reads and prints.

The core of both models is stable; fields may be added, never renamed.
"""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from app.rules.ids import DocumentKind, DocumentSlot, RouteId, RuleId

Account = Literal["member", "admin", "enterprise"]
Scope = Literal["interop", "account"]
Duration = Literal["temporary", "permanent", "until_wechat_unblocked", "unknown"]
Certainty = Literal["decided", "partial", "undecided"]
DOCUMENT_SLOTS: tuple[str, ...] = get_args(DocumentSlot)


class RestrictionReport(BaseModel):
    """What the administrator knows about one restriction."""

    # defer_build: validators made at first use, not at import (a bundle imports it for the cover
    # and validates no diagnosis).
    model_config = ConfigDict(extra="forbid", title="RestrictionReport", defer_build=True)

    account: Account = Field(description="Which account carries the restriction; 'enterprise': "
                             "the whole enterprise is blocked.")
    scope: Scope = Field(description="'interop': only the WeChat-interoperability functions are "
                         "blocked; 'account': the account as a whole.")
    duration: Duration = Field(description="What the notice says about how long.")
    self_unblock_offered: bool | None = Field(
        default=None, description="The admin console offers the administrator to apply for "
        "unblocking; null when not known.")
    linked_wechat_banned: bool | None = Field(
        default=None, description="The member's linked WeChat account is itself blocked.")
    prior_violations: int = Field(default=0, ge=0, description="Earlier rule-1 restrictions of "
                                  "this member.")
    notice_text: str | None = Field(default=None, max_length=20_000,
                                    description="The restriction notice as shown.")
    believes_wrongful: bool = Field(default=False, description="The enterprise has checked and "
                                    "believes no rule was broken.")


class Sentence(BaseModel):
    """One statement of the diagnosis and the sections of the source text that back it."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    id: str = Field(description="Stable id of the statement template.")
    text: str
    citations: list[str] = Field(min_length=1)
    advice: bool = Field(default=False, description="The app's own reading, inference or "
                         "suggestion, not a restatement of the rules; shown labelled as such.")


class TimingFact(Sentence):
    hours: int | None = Field(default=None, description="A duration the rules name, in hours.")


class CategoryCandidate(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    category: str
    rule: RuleId
    confidence: float = Field(ge=0, le=1)
    matched: list[str]


class Diagnosis(BaseModel):
    """The answer: rule, ladder step, category, route, documents, and the reasons."""

    model_config = ConfigDict(extra="forbid", title="Diagnosis", defer_build=True)

    rule: RuleId | None
    step: int | None = Field(description="1, 2 or 3 on the rule-1 ladder (2.2); null otherwise.")
    category: str | None
    appeal_route: RouteId
    documents: list[DocumentKind]
    documents_open: bool = Field(default=False, description="The source ends the route's list "
                                 "of documents with 'etc.' (5.3): more may be asked for.")
    route_variant: Literal["off_ladder"] | None = Field(
        default=None, description="'off_ladder': the route's own text for a block that is not a "
        "step of rule 1's ladder (catalogue route variants).")
    citations: list[str]
    explanation: list[Sentence]
    next_violation: list[Sentence]
    timing: list[TimingFact] = []
    certainty: Certainty = Field(description="'decided' when the published rules decide every "
                                 "field; 'partial' or 'undecided' when they do not.")
    undecided: list[Sentence] = Field(default=[], description="What the published rules do not "
                                      "decide for this report.")
    aggravated: bool = Field(default=False, description="The measure is one of the 'bad "
                             "influence' escalations, off the ordinary ladder.")
    alternative_routes: list[RouteId] = []
    category_candidates: list[CategoryCandidate] = []
    lang: Literal["zh_CN", "en"]
    catalogue_version: str
