"""Shapes of external bodies, complaint settings, routes, their resolution, the public route
finder and the confidential case register."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from spil.kit.schemas import ApiModel, Id, InputModel, Phone, SafeStr, Url

Area = Literal[
    "school-organisation",
    "educational-matters",
    "domestic-violence",
    "personal-problems",
    "sexual-misconduct",
    "undesirable-behaviour",
]
Group = Literal["pupil", "parent", "staff"]
StepKind = Literal["talk", "advice", "report", "complaint", "duty", "emergency"]
ActorType = Literal["none", "role", "body", "partner-category", "board", "complaint-committee"]
CaseStatus = Literal["open", "referred", "closed"]
Outcome = Literal["resolved", "referred", "complaint-filed", "report-filed", "withdrawn", "other"]
Code = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,59}$")]
Text = Annotated[SafeStr, Field(min_length=1, max_length=1000)]


class BodyOut(ApiModel):
    code: str
    name_nl: str
    name_en: str
    phone: str | None
    website: str | None
    hours_nl: str | None
    hours_en: str | None
    description_nl: str | None
    description_en: str | None
    updated_at: dt.datetime


class BodyUpdate(InputModel):
    name_nl: Annotated[SafeStr, Field(min_length=1, max_length=200)] | None = None
    name_en: Annotated[SafeStr, Field(min_length=1, max_length=200)] | None = None
    phone: Phone | None = None
    website: Url | None = None
    hours_nl: Annotated[SafeStr, Field(max_length=200)] | None = None
    hours_en: Annotated[SafeStr, Field(max_length=200)] | None = None
    description_nl: Annotated[SafeStr, Field(max_length=1000)] | None = None
    description_en: Annotated[SafeStr, Field(max_length=1000)] | None = None


class SettingsOut(ApiModel):
    board_id: int
    committee: Literal["lkc", "gcbo"]
    procedure_url: str | None
    notes: str | None
    external_counsellors: list[str] = Field(
        description="People holding the board's external counsellor role."
    )


class SettingsUpdate(InputModel):
    committee: Literal["lkc", "gcbo"] | None = None
    procedure_url: Url | None = None
    notes: Annotated[SafeStr, Field(max_length=2000)] | None = None


class StepIn(InputModel):
    key: Code | None = Field(
        default=None, description="Keep the key of an existing step; empty for a new one."
    )
    kind: StepKind
    actor_type: ActorType = "none"
    actor: Code | None = Field(
        default=None, description="A role type, external body or partner category code."
    )
    text_nl: Text
    text_en: Text
    expect_nl: Annotated[SafeStr, Field(max_length=1000)] | None = None
    expect_en: Annotated[SafeStr, Field(max_length=1000)] | None = None


class StepOut(ApiModel):
    position: int
    key: str
    kind: StepKind
    actor_type: ActorType
    actor: str | None
    statutory: bool
    rule: str | None
    text_nl: str
    text_en: str
    expect_nl: str | None
    expect_en: str | None


class RouteOut(ApiModel):
    id: int
    board_id: int | None
    school_id: int | None = Field(description="Empty for a shipped default route.")
    area: Area
    group: Group
    published: bool
    steps: list[StepOut]
    updated_at: dt.datetime


class RouteCreate(InputModel):
    school_id: Id
    area: Area
    group: Group


class RouteUpdate(InputModel):
    steps: list[StepIn] | None = Field(default=None, min_length=1, max_length=30)
    published: bool | None = None


class Contact(ApiModel):
    name: str | None = Field(description="In Dutch where it differs by language (see nameEn).")
    name_en: str | None = None
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    hours: str | None = Field(default=None, description="Opening hours in Dutch (see hoursEn).")
    hours_en: str | None = None
    how_to_reach: str | None = None


class ResolvedStep(ApiModel):
    position: int
    key: str
    kind: StepKind
    statutory: bool
    actor_type: ActorType
    actor: str | None
    actor_name_nl: str | None
    actor_name_en: str | None
    text_nl: str
    text_en: str
    expect_nl: str | None
    expect_en: str | None
    contacts: list[Contact]
    unfilled: bool = Field(
        description="A role nobody holds at the school or the board, or no partner of the category."
    )
    via_school: bool = Field(
        default=False, description="Public view: the role is filled; reach it through the school."
    )


class RouteSchool(ApiModel):
    name: str
    city: str | None
    location_code: str
    phone: str | None
    email: str | None


class ResolvedRoute(ApiModel):
    school: RouteSchool
    area: Area
    group: Group
    source: Literal["school", "default"]
    published: bool
    steps: list[ResolvedStep]


class AreaOut(ApiModel):
    code: Area
    name_nl: str
    name_en: str
    description_nl: str
    description_en: str


class PublicAreas(ApiModel):
    school: RouteSchool
    areas: list[AreaOut]
    groups: list[Group]


# --- the confidential case register ---------------------------------------------------------------
class CaseFields(InputModel):
    area: Area | None = None
    group: Group | None = None
    opened_on: dt.date | None = None
    closed_on: dt.date | None = None
    status: CaseStatus | None = None
    referred_to: Code | None = Field(
        default=None, description="A route step actor: role type or external body code."
    )
    outcome: Outcome | None = None
    notes: Annotated[SafeStr, Field(max_length=4000)] | None = Field(
        default=None, description="No names: the register holds what the annual report needs."
    )


class CaseCreate(CaseFields):
    school_id: Id | None = Field(default=None, description="The school; or boardId for a board-wide case.")
    board_id: Id | None = None
    area: Area
    group: Group
    opened_on: dt.date
    status: CaseStatus = "open"


class CaseUpdate(CaseFields):
    pass


class CaseOut(ApiModel):
    id: int
    board_id: int
    school_id: int | None
    school_name: str | None
    area: Area
    group: Group
    opened_on: dt.date
    closed_on: dt.date | None
    status: CaseStatus
    referred_to: str | None
    outcome: Outcome | None
    notes: str | None
    delete_after: dt.date | None = Field(description="Closed cases are deleted automatically on this date.")
    created_at: dt.datetime
    updated_at: dt.datetime


class ReportCell(ApiModel):
    area: Area
    group: Group
    outcome: str = Field(description="An outcome, or `open` while the case is not closed.")
    count: int | None = Field(description="Empty when suppressed.")
    display: str = Field(description='The number, or "<5" for small numbers (anyone but the counsellors).')


class CaseReport(ApiModel):
    year: int
    suppressed: bool = Field(
        description="Small numbers are shown as <5 (you are not a confidential counsellor)."
    )
    cells: list[ReportCell]
    total: int | None = Field(description="All cases of the year; only for the counsellors.")
