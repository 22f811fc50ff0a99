"""Tables: people, the catalogue of role types, and role assignments (who holds what, with hours)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import sqlalchemy as sa
from sqlmodel import Field, SQLModel, col

from spil.kit import clock, deletion
from spil.kit.models import Versioned

PERSON_KINDS = ("staff", "volunteer", "external")
SCOPE_LEVELS = ("school", "board", "region")
REQUIREMENTS = ("law", "guideline", "none")


class Person(Versioned, table=True):
    __tablename__ = "person"
    __table_args__ = (sa.UniqueConstraint("board_id", "email"),)

    id: int | None = Field(default=None, primary_key=True)
    board_id: int = Field(foreign_key="board.id", index=True, ondelete="RESTRICT")
    name: str = Field(max_length=200, index=True)
    kind: str = Field(default="staff", max_length=20)
    email: str | None = Field(default=None, max_length=320)
    phone: str | None = Field(default=None, max_length=40)
    languages: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    notes: str | None = Field(default=None, max_length=2000)
    # Set when the person's data was erased (right to erasure or retention): the record stays so
    # that history refers to someone, without the name (spil.people.privacy).
    erased_on: dt.date | None = None
    # Set when the school administration system that made this person no longer lists them
    # (a snapshot sync, spil.sync): the history stays, the person is no longer current.
    inactive_since: dt.date | None = None


class RoleType(SQLModel, table=True):
    """What someone can be: built-in rows (no board) follow the law and guidelines; boards add their own."""

    __tablename__ = "role_type"
    __table_args__ = (sa.UniqueConstraint("board_id", "code"),)

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=60, index=True)
    name_nl: str = Field(max_length=120)
    name_en: str = Field(max_length=120)
    scope_level: str = Field(max_length=10)
    required_by: str = Field(default="none", max_length=10)
    required_per_school: bool = Field(default=False)
    needs_hours: bool = Field(default=False)
    is_contact_point: bool = Field(default=False)
    source: str | None = Field(default=None, max_length=300)
    board_id: int | None = Field(default=None, foreign_key="board.id", index=True, ondelete="CASCADE")


class RoleAssignment(Versioned, table=True):
    """A person holding a role at a school, a board or a region, optionally for one partnership."""

    __tablename__ = "role_assignment"
    __table_args__ = (
        sa.CheckConstraint("ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on", name="dates"),
    )

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True, ondelete="RESTRICT")
    role_type_id: int = Field(foreign_key="role_type.id", index=True, ondelete="RESTRICT")
    board_id: int = Field(foreign_key="board.id", index=True, ondelete="RESTRICT")
    school_id: int | None = Field(default=None, foreign_key="school.id", index=True, ondelete="RESTRICT")
    region_id: int | None = Field(default=None, foreign_key="region.id", index=True, ondelete="RESTRICT")
    partnership_id: int | None = Field(
        default=None, foreign_key="partnership.id", index=True, ondelete="RESTRICT"
    )
    hours_per_week: Decimal | None = Field(default=None, sa_type=sa.Numeric(6, 2))
    hours_per_year: Decimal | None = Field(default=None, sa_type=sa.Numeric(7, 2))
    starts_on: dt.date | None = None
    ends_on: dt.date | None = Field(default=None, index=True)
    is_primary: bool = Field(default=True)
    notes: str | None = Field(default=None, max_length=2000)


def active_assignment(today: dt.date | None = None) -> sa.ColumnElement[bool]:
    """SQL: the assignment is current on ``today`` (started, not ended)."""
    today = today or clock.today()
    return sa.and_(
        sa.or_(col(RoleAssignment.ends_on).is_(None), col(RoleAssignment.ends_on) >= today),
        sa.or_(col(RoleAssignment.starts_on).is_(None), col(RoleAssignment.starts_on) <= today),
    )


# What of other features these records keep in place (``spil.kit.deletion``).
deletion.restricted_by(
    "board", Person.board_id, "The board still has people in its register; remove them or move them first."
)
deletion.restricted_by(
    "board", RoleAssignment.board_id, "Roles are (or were) assigned at this board; they keep its history."
)
deletion.restricted_by(
    "school",
    RoleAssignment.school_id,
    "Roles are (or were) assigned at this school; end them or move them to another school first.",
)
deletion.restricted_by("region", RoleAssignment.region_id, "Roles are (or were) assigned in this region.")
deletion.restricted_by(
    "partnership",
    RoleAssignment.partnership_id,
    "Contacts are (or were) assigned to this partnership; set its status to 'ended' to keep the history.",
)
