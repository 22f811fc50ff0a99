"""Tables: external bodies, a board's complaint settings, complaint and report routes with their
steps (defaults and schools' own versions), and the confidential counsellor's case register."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from spil.kit import clock, deletion
from spil.kit.db import UTCDateTime
from spil.kit.models import Versioned

AREAS = (
    "school-organisation",
    "educational-matters",
    "domestic-violence",
    "personal-problems",
    "sexual-misconduct",
    "undesirable-behaviour",
)
GROUPS = ("pupil", "parent", "staff")
STEP_KINDS = ("talk", "advice", "report", "complaint", "duty", "emergency")
ACTOR_TYPES = ("none", "role", "body", "partner-category", "board", "complaint-committee")
CASE_STATUSES = ("open", "referred", "closed")
OUTCOMES = ("resolved", "referred", "complaint-filed", "report-filed", "withdrawn", "other")


class ExternalBody(Versioned, table=True):
    """Veilig Thuis, the confidential inspectors, De Kindertelefoon, ...: editable defaults."""

    __tablename__ = "external_body"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=40, unique=True, index=True)
    name_nl: str = Field(max_length=200)
    name_en: str = Field(max_length=200)
    phone: str | None = Field(default=None, max_length=40)
    website: str | None = Field(default=None, max_length=300)
    hours_nl: str | None = Field(default=None, max_length=200)
    hours_en: str | None = Field(default=None, max_length=200)
    description_nl: str | None = Field(default=None, max_length=1000)
    description_en: str | None = Field(default=None, max_length=1000)


class ComplaintSettings(Versioned, table=True):
    """A board's complaint committee and procedure (the external counsellors are role assignments)."""

    __tablename__ = "complaint_settings"

    id: int | None = Field(default=None, primary_key=True)
    board_id: int = Field(foreign_key="board.id", unique=True, index=True, ondelete="CASCADE")
    committee: str = Field(default="lkc", max_length=40)
    procedure_url: str | None = Field(default=None, max_length=500)
    notes: str | None = Field(default=None, max_length=2000)


class ComplaintRoute(Versioned, table=True):
    """One area × reporter group: the shipped default (no school) or a school's own version."""

    __tablename__ = "complaint_route"
    __table_args__ = (sa.UniqueConstraint("school_id", "area", "reporter_group"),)

    id: int | None = Field(default=None, primary_key=True)
    board_id: int | None = Field(default=None, foreign_key="board.id", index=True, ondelete="CASCADE")
    school_id: int | None = Field(default=None, foreign_key="school.id", index=True, ondelete="CASCADE")
    area: str = Field(max_length=40, index=True)
    reporter_group: str = Field(max_length=10)
    published: bool = Field(default=False)


class ComplaintRouteStep(SQLModel, table=True):
    __tablename__ = "complaint_route_step"
    __table_args__ = (sa.UniqueConstraint("route_id", "position"),)

    id: int | None = Field(default=None, primary_key=True)
    route_id: int = Field(foreign_key="complaint_route.id", index=True, ondelete="CASCADE")
    position: int
    key: str = Field(max_length=60, description="Identifies the step across versions (statutory checks).")
    kind: str = Field(max_length=20)
    actor_type: str = Field(max_length=20)
    actor: str | None = Field(default=None, max_length=60)
    statutory: bool = Field(default=False)
    rule: str | None = Field(default=None, max_length=300, description="Why the step is statutory.")
    text_nl: str = Field(max_length=1000)
    text_en: str = Field(max_length=1000)
    expect_nl: str | None = Field(default=None, max_length=1000)
    expect_en: str | None = Field(default=None, max_length=1000)


class ConfidentialCase(Versioned, table=True):
    """The confidential counsellor's register: no names, only what the annual report needs."""

    __tablename__ = "confidential_case"
    __table_args__ = (sa.CheckConstraint("closed_on IS NULL OR closed_on >= opened_on", name="dates"),)

    id: int | None = Field(default=None, primary_key=True)
    board_id: int = Field(foreign_key="board.id", index=True, ondelete="RESTRICT")
    school_id: int | None = Field(default=None, foreign_key="school.id", index=True, ondelete="RESTRICT")
    area: str = Field(max_length=40)
    reporter_group: str = Field(max_length=10)
    opened_on: dt.date = Field(index=True)
    closed_on: dt.date | None = Field(default=None, index=True)
    status: str = Field(default="open", max_length=10)
    referred_to: str | None = Field(default=None, max_length=60)
    outcome: str | None = Field(default=None, max_length=20)
    notes: str | None = Field(default=None, max_length=4000)


class ConfidentialCaseDeletion(SQLModel, table=True):
    """What remains of a case deleted after the retention period: metadata, never its content."""

    __tablename__ = "confidential_case_deletion"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int
    board_id: int = Field(index=True)
    school_id: int | None = None
    closed_on: dt.date
    deleted_at: dt.datetime = Field(default_factory=clock.now, sa_type=UTCDateTime, nullable=False)
    reason: str = Field(default="retention", max_length=40)


# What of other features these records keep in place (``spil.kit.deletion``).
CASES_KEPT = (
    "The confidential counsellor's register still holds cases here; they are deleted at the end of "
    "their retention period."
)
deletion.restricted_by("school", ConfidentialCase.school_id, CASES_KEPT)
deletion.restricted_by("board", ConfidentialCase.board_id, CASES_KEPT)
