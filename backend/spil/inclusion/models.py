"""Tables of inclusive employment (the job agreement, *Baanbrekers*, seed 003; FACTS.md §3 and §7):
a board's inclusion track with its phase history, bottlenecks, action plan, annual paid staff
hours and placements; the quota per year as data; each labour-market region's contact point at
the employer service point.

No health data, ever: a placement records only whether it counts towards the job agreement and
when UWV's target-group register was checked (decision record 0016).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from spil.kit import clock, deletion
from spil.kit.db import UTCDateTime
from spil.kit.models import Versioned

PHASES = ("intake", "action-plan", "execution", "evaluation", "completed")
BOTTLENECK_KINDS = (
    "suitable-jobs",
    "finding-candidates",
    "workplace-guidance",
    "funding",
    "guidance-on-teachers",
    "other",
)
ACTION_THEMES = ("new-jobs", "workplace-guidance", "lasting-placement", "other")
ACTION_STATUSES = ("open", "in-progress", "done", "dropped")
CONTRACT_KINDS = ("own-employment", "secondment", "agency")


class InclusionTrack(Versioned, table=True):
    """A board's track towards the job agreement: one per board."""

    __tablename__ = "inclusion_track"
    __table_args__ = (
        sa.CheckConstraint("ambition_jobs IS NULL OR ambition_jobs >= 0", name="ambition_jobs"),
        sa.CheckConstraint(
            "ambition_hours_per_week IS NULL OR ambition_hours_per_week >= 0", name="ambition_hours"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    board_id: int = Field(foreign_key="board.id", unique=True, index=True, ondelete="RESTRICT")
    phase: str = Field(default="intake", max_length=20)
    phase_since: dt.date
    started_on: dt.date
    ambition_jobs: Decimal | None = Field(default=None, sa_type=sa.Numeric(7, 2))
    ambition_hours_per_week: Decimal | None = Field(default=None, sa_type=sa.Numeric(8, 2))
    target_date: dt.date | None = None
    ambition_notes: str | None = Field(default=None, max_length=2000)
    first_contact_on: dt.date | None = None  # with the region's employer service point
    evaluation_worked: str | None = Field(default=None, max_length=4000)
    evaluation_did_not_work: str | None = Field(default=None, max_length=4000)
    evaluation_lessons: str | None = Field(default=None, max_length=4000)
    shares_evaluation: bool = Field(default=False)
    next_placement_number: int = Field(default=1)


class InclusionPhaseChange(SQLModel, table=True):
    """The history of a track's phase: every change, with its date and who made it."""

    __tablename__ = "inclusion_phase_change"

    id: int | None = Field(default=None, primary_key=True)
    track_id: int = Field(foreign_key="inclusion_track.id", index=True, ondelete="CASCADE")
    phase: str = Field(max_length=20)
    from_phase: str | None = Field(default=None, max_length=20)
    changed_on: dt.date
    changed_at: dt.datetime = Field(default_factory=clock.now, sa_type=UTCDateTime, nullable=False)
    changed_by: str = Field(max_length=200)
    note: str | None = Field(default=None, max_length=1000)


class InclusionBottleneck(Versioned, table=True):
    """A bottleneck named at intake: from the catalogue, or the board's own (kind ``other``)."""

    __tablename__ = "inclusion_bottleneck"

    id: int | None = Field(default=None, primary_key=True)
    track_id: int = Field(foreign_key="inclusion_track.id", index=True, ondelete="CASCADE")
    kind: str = Field(max_length=30)
    label: str | None = Field(default=None, max_length=200)
    notes: str | None = Field(default=None, max_length=2000)
    resolved: bool = Field(default=False)


class InclusionAction(Versioned, table=True):
    """An item of the action plan: what, who (a person or a role assignment), when, how it went."""

    __tablename__ = "inclusion_action"

    id: int | None = Field(default=None, primary_key=True)
    track_id: int = Field(foreign_key="inclusion_track.id", index=True, ondelete="CASCADE")
    title: str = Field(max_length=300)
    theme: str = Field(default="other", max_length=30)
    description: str | None = Field(default=None, max_length=2000)
    person_id: int | None = Field(default=None, foreign_key="person.id", index=True, ondelete="RESTRICT")
    assignment_id: int | None = Field(
        default=None, foreign_key="role_assignment.id", index=True, ondelete="RESTRICT"
    )
    due_on: dt.date | None = None
    status: str = Field(default="open", max_length=20)
    done_on: dt.date | None = None
    outcome: str | None = Field(default=None, max_length=2000)


class InclusionStaffHours(SQLModel, table=True):
    """The board's annual paid staff hours of one year: the base of the quota view."""

    __tablename__ = "inclusion_staff_hours"
    __table_args__ = (
        sa.UniqueConstraint("track_id", "year", name="uq_inclusion_staff_hours_year"),
        sa.CheckConstraint("paid_hours >= 0", name="paid_hours"),
    )

    id: int | None = Field(default=None, primary_key=True)
    track_id: int = Field(foreign_key="inclusion_track.id", index=True, ondelete="CASCADE")
    year: int
    paid_hours: Decimal = Field(sa_type=sa.Numeric(12, 2))


class InclusionPlacement(Versioned, table=True):
    """A job of someone under the job agreement at one of the board's schools. The employee's name
    is optional and shown only to the board's administrators and the workplace mentor."""

    __tablename__ = "inclusion_placement"
    __table_args__ = (
        sa.CheckConstraint("ends_on IS NULL OR ends_on >= starts_on", name="dates"),
        sa.CheckConstraint("hours_per_week > 0 AND hours_per_week <= 60", name="hours"),
        sa.UniqueConstraint("track_id", "number", name="uq_inclusion_placement_number"),
    )

    id: int | None = Field(default=None, primary_key=True)
    track_id: int = Field(foreign_key="inclusion_track.id", index=True, ondelete="RESTRICT")
    board_id: int = Field(foreign_key="board.id", index=True, ondelete="RESTRICT")
    school_id: int = Field(foreign_key="school.id", index=True, ondelete="RESTRICT")
    number: int  # "placement 3": how everyone else refers to it
    job_title: str = Field(max_length=200)
    hours_per_week: Decimal = Field(sa_type=sa.Numeric(5, 2))
    starts_on: dt.date
    ends_on: dt.date | None = None
    contract_kind: str = Field(max_length=20)
    counts_towards_job_agreement: bool = Field(default=False)
    register_checked_on: dt.date | None = None
    mentor_assignment_id: int | None = Field(
        default=None, foreign_key="role_assignment.id", index=True, ondelete="RESTRICT"
    )
    employee_name: str | None = Field(default=None, max_length=200)
    # The login of the mentor who may read the name, as a board administrator confirmed it when
    # naming the mentor: editing a person's e-mail address later does not hand the name on.
    mentor_login: str | None = Field(default=None, max_length=320)
    notes: str | None = Field(default=None, max_length=2000)


class JobAgreementQuota(Versioned, table=True):
    """The quota percentage of the sector government and education for one year, with its source
    (FACTS.md §7): shipped as data, kept by the platform administrator."""

    __tablename__ = "job_agreement_quota"

    id: int | None = Field(default=None, primary_key=True)
    year: int = Field(unique=True, index=True)
    percentage: Decimal = Field(sa_type=sa.Numeric(5, 2))
    levy_imposed: bool | None = None
    source: str = Field(max_length=500)
    notes: str | None = Field(default=None, max_length=1000)


class EmployerServicePoint(Versioned, table=True):
    """A labour-market region's single contact point for school boards at the employer service
    point (*werkgeversservicepunt*). Every labour-market region has one, empty until someone
    fills it in: a region without a row answers an empty contact point at version 0."""

    __tablename__ = "employer_service_point"

    id: int | None = Field(default=None, primary_key=True)
    region_id: int = Field(foreign_key="region.id", unique=True, index=True, ondelete="CASCADE")
    organisation: str | None = Field(default=None, max_length=200)
    contact_name: str | None = Field(default=None, max_length=200)
    email: str | None = Field(default=None, max_length=320)
    phone: str | None = Field(default=None, max_length=40)
    opening_hours: str | None = Field(default=None, max_length=300)
    website: str | None = Field(default=None, max_length=500)
    notes: str | None = Field(default=None, max_length=1000)


deletion.restricted_by(
    "board",
    InclusionTrack.board_id,
    "The board has an inclusion track; a board with a job-agreement history is not deleted.",
)
deletion.restricted_by(
    "board",
    InclusionPlacement.board_id,
    "Job-agreement placements were recorded at this board; they count in its history.",
)
deletion.restricted_by(
    "school",
    InclusionPlacement.school_id,
    "Job-agreement placements were recorded at this school; move or remove them first.",
)
deletion.restricted_by(
    "person",
    InclusionAction.person_id,
    "The person is named in an inclusion action plan; assign those actions to someone else first.",
)
deletion.restricted_by(
    "role_assignment",
    InclusionAction.assignment_id,
    "The role assignment is named in an inclusion action plan; assign those actions to someone else.",
)
deletion.restricted_by(
    "role_assignment",
    InclusionPlacement.mentor_assignment_id,
    "The role assignment is a placement's workplace mentor; give the placement another mentor first.",
)
