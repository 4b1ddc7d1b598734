"""Case JSON (docs/design.md, "Contracts"): the profile, the report or diagnosis, the statement,
the documents."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from app.appeal.documents import PackageDocument
from app.appeal.profile import Profile
from app.appeal.statement import Measure
from app.cliutil import read_json_model
from app.rules.contract import Diagnosis, RestrictionReport

DRAFT: dict[str, object] = {"mode": "draft"}


class Case(BaseModel):
    model_config = ConfigDict(extra="forbid", title="Case")

    profile: Profile | Path = Field(description="The profile object, or a path to its JSON.")
    report: RestrictionReport | None = None
    diagnosis: Diagnosis | None = None
    statement: str | None = Field(default=None, description="Replaces the generated statement.")
    documents: list[PackageDocument] = []
    accounts: list[str] = Field(default=[], description="The restricted accounts, for the "
                                "statement.")
    restricted_on: dt.date | None = None
    corrective_measures: list[str] | None = Field(
        default=None, description="Measures under way (e.g. from a self-audit): not confirmed "
        "as done, each becomes a placeholder asking whether it was done.")
    complied: str | None = Field(default=None, description="Why the enterprise believes it "
                                 "complied, in the administrator's own words.")
    what_happened: str | None = Field(default=None, description="Facts to add to the date, "
                                      "accounts and notice.")
    measures: list[Measure] = Field(default=[], description="Corrective and preventive "
                                    "measures; ``done`` only when confirmed.")
    request: str | None = Field(default=None, description="The request, in the administrator's "
                                "words; default: a review of the restriction.")

    @model_validator(mode="after")
    def _needs_a_diagnosis(self) -> Case:
        if self.report is None and self.diagnosis is None:
            raise ValueError("give 'report' (a restriction report) or 'diagnosis'")
        return self


def load_case(path: str) -> tuple[Case, Profile]:
    """Read a case file; relative paths inside it are relative to the case file."""
    # Draft mode: a package can be built with a mistyped ID number; the problems are reported
    # (exit code 1) instead of refusing the file (the workspace is the strict boundary).
    case = read_json_model(path, Case, DRAFT)
    base = Path(path).resolve().parent
    if isinstance(case.profile, Path):
        profile_path = case.profile if case.profile.is_absolute() else base / case.profile
        profile = read_json_model(str(profile_path), Profile, DRAFT)
    else:
        profile = case.profile
    documents = [doc.model_copy(update={"path": doc.path if doc.path.is_absolute()
                                        else base / doc.path}) for doc in case.documents]
    return case.model_copy(update={"documents": documents}), profile
