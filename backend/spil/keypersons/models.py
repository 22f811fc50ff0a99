"""Tables: the tax authority's allowance rules per year, volunteer agreements of key persons, the
payments ledger, key-person activities and the public "who is who" listings."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from spil.kit import clock, deletion
from spil.kit.db import Money, UTCDateTime
from spil.kit.models import Versioned

ALLOWANCE_SCHEMES = ("none", "fixed", "hourly", "expenses-only")
BENEFIT_TYPES = ("none", "participatiewet", "ww", "other")
FACILITIES = ("workplace", "meeting-place", "phone", "email")
ACTIVITY_KINDS = (
    "coffee-morning",
    "intake",
    "parent-evening",
    "home-visit",
    "flyer-round",
    "introduction",
    "workshop",
    "other",
)


class AllowanceRuleSet(Versioned, table=True):
    """The maxima of the volunteer allowance for one calendar year (FACTS.md §1), as data."""

    __tablename__ = "allowance_rule_set"

    id: int | None = Field(default=None, primary_key=True)
    year: int = Field(unique=True, index=True)
    max_per_hour_adult: Decimal = Field(sa_type=Money(6))
    max_per_hour_young: Decimal = Field(sa_type=Money(6))
    max_per_month: Decimal = Field(sa_type=Money(8))
    max_per_year: Decimal = Field(sa_type=Money(9))
    age_cutoff: int = Field(default=21)
    age_cutoff_note: str | None = Field(default=None, max_length=300)
    sources: list[dict[str, str]] = Field(default_factory=list, sa_type=sa.JSON)
    notes: str | None = Field(default=None, max_length=2000)


class AllowanceRuleRevision(SQLModel, table=True):
    """The state of a rule set before each correction: corrections never erase what was shown."""

    __tablename__ = "allowance_rule_revision"

    id: int | None = Field(default=None, primary_key=True)
    rule_set_id: int = Field(foreign_key="allowance_rule_set.id", index=True, ondelete="CASCADE")
    year: int
    before: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON)
    reason: str | None = Field(default=None, max_length=500)
    changed_by: str = Field(max_length=200)
    changed_at: dt.datetime = Field(default_factory=clock.now, sa_type=UTCDateTime, nullable=False)


class VolunteerAgreement(Versioned, table=True):
    """A key person's volunteer contract with the board: tasks, allowance, support, perspective."""

    __tablename__ = "volunteer_agreement"
    __table_args__ = (sa.CheckConstraint("ends_on IS NULL OR ends_on >= starts_on", name="dates"),)

    id: int | None = Field(default=None, primary_key=True)
    board_id: int = Field(foreign_key="board.id", index=True, ondelete="RESTRICT")
    person_id: int = Field(foreign_key="person.id", index=True, ondelete="RESTRICT")
    tasks: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    hours_per_week: Decimal | None = Field(default=None, sa_type=sa.Numeric(5, 2))
    age_band: str | None = Field(default=None, max_length=10)
    allowance_scheme: str = Field(default="none", max_length=20)
    fixed_amount_per_month: Decimal | None = Field(default=None, sa_type=Money(8))
    hourly_rate: Decimal | None = Field(default=None, sa_type=Money(6))
    travel_per_km: Decimal | None = Field(default=None, sa_type=Money(5))
    other_expenses: str | None = Field(default=None, max_length=500)
    facilities: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    supervisor_assignment_id: int | None = Field(
        default=None, foreign_key="role_assignment.id", index=True, ondelete="SET NULL"
    )
    contact_point_assignment_id: int | None = Field(
        default=None, foreign_key="role_assignment.id", index=True, ondelete="SET NULL"
    )
    plan_goals: str | None = Field(default=None, max_length=2000)
    plan_internship: str | None = Field(default=None, max_length=1000)
    plan_other_tasks: str | None = Field(default=None, max_length=1000)
    plan_review_date: dt.date | None = None
    starts_on: dt.date
    ends_on: dt.date | None = Field(default=None, index=True)
    benefit_type: str | None = Field(default=None, max_length=20)
    taxable_years: list[int] = Field(default_factory=list, sa_type=sa.JSON)
    notes: str | None = Field(default=None, max_length=2000)


class VolunteerAgreementSchool(SQLModel, table=True):
    __tablename__ = "volunteer_agreement_school"

    agreement_id: int = Field(foreign_key="volunteer_agreement.id", primary_key=True, ondelete="CASCADE")
    school_id: int = Field(foreign_key="school.id", primary_key=True, index=True, ondelete="RESTRICT")


class AllowancePayment(Versioned, table=True):
    """What one agreement paid for one month: the allowance for effort and the expenses."""

    __tablename__ = "allowance_payment"
    __table_args__ = (sa.UniqueConstraint("agreement_id", "period"),)

    id: int | None = Field(default=None, primary_key=True)
    agreement_id: int = Field(foreign_key="volunteer_agreement.id", index=True, ondelete="RESTRICT")
    board_id: int = Field(foreign_key="board.id", index=True, ondelete="RESTRICT")
    person_id: int = Field(foreign_key="person.id", index=True, ondelete="RESTRICT")
    period: dt.date = Field(index=True, description="The first day of the month paid for.")
    year: int = Field(index=True)
    hours: Decimal | None = Field(default=None, sa_type=sa.Numeric(6, 2))
    allowance: Decimal = Field(default=Decimal("0"), sa_type=Money(9))
    expenses: Decimal = Field(default=Decimal("0"), sa_type=Money(9))
    expenses_documented: bool = Field(default=True)
    limit_exceeded_acknowledged: bool = Field(default=False)
    note: str | None = Field(default=None, max_length=1000)


class KeyPersonActivity(Versioned, table=True):
    __tablename__ = "key_person_activity"

    id: int | None = Field(default=None, primary_key=True)
    board_id: int = Field(foreign_key="board.id", index=True, ondelete="RESTRICT")
    school_id: int = Field(foreign_key="school.id", index=True, ondelete="RESTRICT")
    kind: str = Field(max_length=30)
    occurred_on: dt.date = Field(index=True)
    title: str | None = Field(default=None, max_length=200)
    parents_reached: int = Field(default=0)
    languages: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    note: str | None = Field(default=None, max_length=2000)


class KeyPersonActivityPerson(SQLModel, table=True):
    __tablename__ = "key_person_activity_person"

    activity_id: int = Field(foreign_key="key_person_activity.id", primary_key=True, ondelete="CASCADE")
    person_id: int = Field(foreign_key="person.id", primary_key=True, index=True, ondelete="RESTRICT")


class KeyPersonListing(Versioned, table=True):
    """A key person or contact point that a school chose to show on its public "who is who" page."""

    __tablename__ = "key_person_listing"
    __table_args__ = (sa.UniqueConstraint("school_id", "role_assignment_id"),)

    id: int | None = Field(default=None, primary_key=True)
    board_id: int = Field(foreign_key="board.id", index=True, ondelete="RESTRICT")
    school_id: int = Field(foreign_key="school.id", index=True, ondelete="RESTRICT")
    role_assignment_id: int = Field(foreign_key="role_assignment.id", index=True, ondelete="CASCADE")
    display_name: str = Field(max_length=100)
    how_to_reach: str | None = Field(default=None, max_length=300)
    introduction_nl: str | None = Field(default=None, max_length=1000)
    introduction_en: str | None = Field(default=None, max_length=1000)
    published: bool = Field(default=True)
    position: int = Field(default=0)


# What of other features these records keep in place (``spil.kit.deletion``).
deletion.restricted_by(
    "school",
    VolunteerAgreementSchool.school_id,
    "Key persons have volunteer agreements at this school; end them or move them first.",
)
deletion.restricted_by(
    "board", VolunteerAgreement.board_id, "The board has volunteer agreements; they keep the ledger."
)
deletion.restricted_by(
    "board", AllowancePayment.board_id, "The board paid volunteer allowances; the ledger is kept."
)
deletion.restricted_by(
    "person",
    VolunteerAgreement.person_id,
    "This person has a volunteer agreement; end the agreement instead, so the ledger is kept.",
)
deletion.restricted_by(
    "person", AllowancePayment.person_id, "Allowances were paid to this person; the ledger is kept."
)
deletion.restricted_by(
    "person",
    KeyPersonActivityPerson.person_id,
    "This person took part in key-person activities; the activity log keeps them.",
)
deletion.restricted_by(
    "school", KeyPersonActivity.school_id, "Key-person activities were logged at this school."
)
deletion.restricted_by(
    "board", KeyPersonActivity.board_id, "Key-person activities were logged at this board."
)
deletion.restricted_by(
    "school",
    KeyPersonListing.school_id,
    "The school publishes key persons or contact points; remove them first.",
)
deletion.restricted_by("board", KeyPersonListing.board_id, "The board's schools publish key persons.")
