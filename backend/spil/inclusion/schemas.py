"""Request and response shapes of inclusion tracks, placements, the quota and the employer
service points."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from spil.kit.schemas import (
    ApiModel,
    Email,
    Id,
    InputModel,
    NumberOut,
    Phone,
    SafeStr,
    Url,
    VersionedOut,
)

Phase = Literal["intake", "action-plan", "execution", "evaluation", "completed"]
BottleneckKind = Literal[
    "suitable-jobs", "finding-candidates", "workplace-guidance", "funding", "guidance-on-teachers", "other"
]
ActionTheme = Literal["new-jobs", "workplace-guidance", "lasting-placement", "other"]
ActionStatus = Literal["open", "in-progress", "done", "dropped"]
ContractKind = Literal["own-employment", "secondment", "agency"]
Text = Annotated[SafeStr, Field(max_length=2000)]
LongText = Annotated[SafeStr, Field(max_length=4000)]
Jobs = Annotated[Decimal, Field(ge=0, le=99999, decimal_places=2, description="A number of 25.5-hour jobs.")]
WeekHours = Annotated[
    Decimal, Field(gt=0, le=60, decimal_places=2, description="Paid hours a week (more than 0, at most 60).")
]
Year = Annotated[int, Field(ge=2000, le=2100)]


# --- tracks ------------------------------------------------------------------------------------
class StaffHours(InputModel):
    year: Year
    paid_hours: Annotated[
        Decimal,
        Field(ge=0, le=Decimal("9999999999.99"), decimal_places=2, description="The board's paid hours."),
    ]


class TrackFields(InputModel):
    ambition_jobs: Jobs | None = None
    ambition_hours_per_week: Annotated[
        Decimal | None,
        Field(ge=0, le=999999, decimal_places=2, description="Or the ambition in hours a week."),
    ] = None
    target_date: dt.date | None = None
    ambition_notes: Text | None = None
    first_contact_on: dt.date | None = Field(
        default=None,
        description="When the board was first in touch with the region's employer service point.",
    )


class TrackCreate(TrackFields):
    board_id: Id
    started_on: dt.date | None = Field(default=None, description="The intake's date; today if left out.")


class TrackUpdate(TrackFields):
    phase: Phase | None = Field(
        default=None,
        description="A new phase: the change is kept in the history with today's date (and `phaseNote`).",
    )
    phase_note: Annotated[SafeStr, Field(max_length=1000)] | None = None
    evaluation_worked: LongText | None = None
    evaluation_did_not_work: LongText | None = None
    evaluation_lessons: LongText | None = None
    shares_evaluation: bool | None = None
    staff_hours: list[StaffHours] | None = Field(
        default=None, max_length=50, description="The annual paid staff hours per year (replaces the list)."
    )

    @field_validator("staff_hours")
    @classmethod
    def _one_figure_per_year(cls, value: list[StaffHours] | None) -> list[StaffHours] | None:
        years = [h.year for h in value or []]
        if len(years) != len(set(years)):
            raise ValueError("names a year more than once")
        return value


class PhaseChangeOut(ApiModel):
    phase: Phase
    from_phase: Phase | None
    changed_on: dt.date
    changed_by: str
    note: str | None


class EmployerServicePointOut(ApiModel):
    region_id: int
    region_code: str
    region_name: str
    organisation: str | None
    contact_name: str | None
    email: str | None
    phone: str | None
    opening_hours: str | None
    website: str | None
    notes: str | None
    filled_in: bool = Field(description="Whether anyone has filled in the contact point yet.")


class QuotaYear(ApiModel):
    year: int
    paid_hours: NumberOut
    quota_percentage: NumberOut | None = Field(description="The sector's quota of the year, where known.")
    quota_source: str | None
    levy_imposed: bool | None
    jobs_asked: NumberOut | None = Field(
        description="Paid hours × quota % ÷ 1,331: what the quota would ask. Information, not a verdict."
    )
    jobs_realised: NumberOut = Field(description="The average of the year's monthly jobs so far.")


class TrackOut(ApiModel):
    id: int
    board_id: int
    board_name: str
    phase: Phase
    phase_since: dt.date
    started_on: dt.date
    history: list[PhaseChangeOut]
    ambition_jobs: NumberOut | None
    ambition_hours_per_week: NumberOut | None
    ambition_in_jobs: NumberOut | None = Field(
        description="The ambition as jobs (hours ÷ 25.5 where given in hours)."
    )
    target_date: dt.date | None
    ambition_notes: str | None
    jobs_realised: NumberOut = Field(description="Jobs that run and count today (hours ÷ 25.5).")
    placements_total: int
    placements_counting: int
    actions_open: int
    actions_overdue: int
    first_contact_on: dt.date | None
    evaluation_worked: str | None
    evaluation_did_not_work: str | None
    evaluation_lessons: str | None
    shares_evaluation: bool
    staff_hours: list[QuotaYear]
    employer_service_point: EmployerServicePointOut | None = Field(
        description="The contact point of the labour-market region of the board's seat."
    )
    created_at: dt.datetime
    updated_at: dt.datetime


# --- bottlenecks ---------------------------------------------------------------------------------
class InclusionBottleneckCreate(InputModel):
    kind: BottleneckKind
    label: Annotated[SafeStr, Field(min_length=1, max_length=200)] | None = Field(
        default=None, description="The board's own name for it (required for `other`)."
    )
    notes: Text | None = None

    @model_validator(mode="after")
    def _other_needs_label(self) -> InclusionBottleneckCreate:
        if self.kind == "other" and not self.label:
            raise ValueError("a bottleneck of kind 'other' needs a label")
        return self


class InclusionBottleneckUpdate(InputModel):
    label: Annotated[SafeStr, Field(min_length=1, max_length=200)] | None = None
    notes: Text | None = None
    resolved: bool | None = None


class InclusionBottleneckOut(VersionedOut):
    id: int
    track_id: int
    kind: BottleneckKind
    label: str | None
    notes: str | None
    resolved: bool


# --- actions -----------------------------------------------------------------------------------
class ActionFields(InputModel):
    theme: ActionTheme | None = None
    description: Text | None = None
    person_id: Id | None = Field(default=None, description="Who carries it out: a person of the board ...")
    assignment_id: Id | None = Field(
        default=None, description="... or a role assignment (the role's holder)."
    )
    due_on: dt.date | None = None
    status: ActionStatus | None = None
    outcome: Text | None = None


class ActionCreate(ActionFields):
    title: Annotated[SafeStr, Field(min_length=1, max_length=300)]


class ActionUpdate(ActionFields):
    title: Annotated[SafeStr, Field(min_length=1, max_length=300)] | None = None


class ActionOut(VersionedOut):
    id: int
    track_id: int
    title: str
    theme: ActionTheme
    description: str | None
    person_id: int | None
    assignment_id: int | None
    who: str | None = Field(description="The person's name, or the role and its holder.")
    due_on: dt.date | None
    status: ActionStatus
    done_on: dt.date | None
    overdue: bool
    outcome: str | None


# --- placements ----------------------------------------------------------------------------------
class PlacementFields(InputModel):
    ends_on: dt.date | None = None
    counts_towards_job_agreement: bool | None = Field(
        default=None,
        description="Whether it counts towards the job agreement (UWV's target-group register). Nothing "
        "else is recorded: no ground, no diagnosis, no health data.",
    )
    register_checked_on: dt.date | None = Field(default=None, description="When UWV's register was checked.")
    mentor_assignment_id: Id | None = Field(
        default=None, description="The workplace mentor: a role assignment of the role `workplace-mentor`."
    )
    employee_name: Annotated[SafeStr, Field(min_length=1, max_length=200)] | None = Field(
        default=None, description="Optional; shown only to the board's administrators and the mentor."
    )
    notes: Text | None = None


class PlacementCreate(PlacementFields):
    school_id: Id
    job_title: Annotated[SafeStr, Field(min_length=1, max_length=200)]
    hours_per_week: WeekHours
    starts_on: dt.date
    contract_kind: ContractKind


class PlacementUpdate(PlacementFields):
    school_id: Id | None = None
    job_title: Annotated[SafeStr, Field(min_length=1, max_length=200)] | None = None
    hours_per_week: WeekHours | None = None
    starts_on: dt.date | None = None
    contract_kind: ContractKind | None = None


class MentorOut(ApiModel):
    assignment_id: int
    person_name: str
    hours_per_week: NumberOut | None
    active: bool


class PlacementOut(VersionedOut):
    id: int
    track_id: int
    board_id: int
    number: int
    school_id: int
    school_name: str
    job_title: str
    hours_per_week: NumberOut
    jobs: NumberOut = Field(description="Hours ÷ 25.5.")
    starts_on: dt.date
    ends_on: dt.date | None
    running: bool
    contract_kind: ContractKind
    counts_towards_job_agreement: bool
    register_checked_on: dt.date | None
    mentor: MentorOut | None
    employee_name: str | None = Field(description="Only for the board's administrators and the mentor.")
    name_visible: bool = Field(description="Whether you may see the employee's name (null here otherwise).")
    notes: str | None


# --- progress ----------------------------------------------------------------------------------
class MonthJobs(ApiModel):
    month: str = Field(examples=["2026-11"])
    jobs: NumberOut
    ambition: NumberOut | None


class ProgressOut(ApiModel):
    track_id: int
    ambition_in_jobs: NumberOut | None
    target_date: dt.date | None
    jobs_now: NumberOut
    months: list[MonthJobs]


# --- quota -------------------------------------------------------------------------------------
class QuotaCreate(InputModel):
    year: Year
    percentage: Annotated[Decimal, Field(ge=0, le=100, decimal_places=2)]
    levy_imposed: bool | None = None
    source: Annotated[SafeStr, Field(min_length=1, max_length=500)]
    notes: Annotated[SafeStr, Field(max_length=1000)] | None = None


class QuotaUpdate(InputModel):
    percentage: Annotated[Decimal, Field(ge=0, le=100, decimal_places=2)] | None = None
    levy_imposed: bool | None = None
    source: Annotated[SafeStr, Field(min_length=1, max_length=500)] | None = None
    notes: Annotated[SafeStr, Field(max_length=1000)] | None = None


class QuotaOut(VersionedOut):
    year: int
    percentage: NumberOut
    levy_imposed: bool | None
    source: str
    notes: str | None


# --- employer service point ---------------------------------------------------------------------
class EmployerServicePointUpdate(InputModel):
    organisation: Annotated[SafeStr, Field(max_length=200)] | None = None
    contact_name: Annotated[SafeStr, Field(max_length=200)] | None = None
    email: Email | None = None
    phone: Phone | None = None
    opening_hours: Annotated[SafeStr, Field(max_length=300)] | None = None
    website: Url | None = None
    notes: Annotated[SafeStr, Field(max_length=1000)] | None = None


# --- the area's view ----------------------------------------------------------------------------
class AreaTrack(ApiModel):
    board_id: int
    board_name: str
    phase: Phase
    phase_since: dt.date
    ambition_in_jobs: NumberOut | None
    target_date: dt.date | None
    jobs_realised: NumberOut = Field(
        description="The board's jobs that run and count today, at all its schools."
    )
    jobs_in_area: NumberOut = Field(description="Of those, at the board's schools in this area.")
    first_contact_on: dt.date | None
    shares_evaluation: bool


class BottleneckCount(ApiModel):
    kind: BottleneckKind
    boards: int


class AreaInclusion(ApiModel):
    boards_total: int = Field(description="Boards with schools in the area.")
    boards_with_track: int
    by_phase: dict[str, int]
    tracks: list[AreaTrack]
    ambition_in_jobs: NumberOut
    jobs_realised: NumberOut
    bottlenecks: list[BottleneckCount] = Field(
        description="The most named bottlenecks, by boards naming them."
    )
    employer_service_points: list[EmployerServicePointOut] = Field(
        description="The contact points of the area's labour-market regions."
    )
