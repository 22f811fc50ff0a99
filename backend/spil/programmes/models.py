"""Tables of regional programmes (seed 004; FACTS.md §6): a programme of several boards with its
members, admins, lines, initiatives, the boards taking part in each and their results.

Cross-board access is decision record 0017: a programme is shared by its current members, and
nothing of a member's own registry becomes visible to another member through it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from spil.kit import deletion
from spil.kit.db import Money
from spil.kit.models import Versioned

PROGRAMME_KINDS = ("education-region", "rap", "other")
LINE_CODES = ("target-group-policy", "training", "employment-conditions", "organising-differently")
INITIATIVE_STATUSES = ("idea", "preparing", "running", "evaluating", "ended")


class RegionalProgramme(Versioned, table=True):
    __tablename__ = "regional_programme"
    __table_args__ = (
        sa.CheckConstraint("ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on", name="dates"),
        sa.CheckConstraint(
            "funding_to IS NULL OR funding_from IS NULL OR funding_to >= funding_from", name="funding_dates"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    kind: str = Field(default="rap", max_length=20)
    region_id: int | None = Field(default=None, foreign_key="region.id", index=True, ondelete="RESTRICT")
    lead_board_id: int = Field(foreign_key="board.id", index=True, ondelete="RESTRICT")
    description: str | None = Field(default=None, max_length=4000)
    coordinator_name: str | None = Field(default=None, max_length=200)
    coordinator_email: str | None = Field(default=None, max_length=320)
    coordinator_phone: str | None = Field(default=None, max_length=40)
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    funding_scheme: str | None = Field(default=None, max_length=200)
    funding_amount: Decimal | None = Field(default=None, sa_type=Money(12))
    funding_from: dt.date | None = None
    funding_to: dt.date | None = None
    documents: list[dict[str, Any]] = Field(default_factory=list, sa_type=sa.JSON)


class ProgrammeMember(Versioned, table=True):
    """A board's membership of a programme, from the day it joined to the day it left."""

    __tablename__ = "programme_member"
    __table_args__ = (
        sa.CheckConstraint("left_on IS NULL OR left_on >= joined_on", name="dates"),
        sa.UniqueConstraint("programme_id", "board_id", name="uq_programme_member_board"),
    )

    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = Field(foreign_key="regional_programme.id", index=True, ondelete="CASCADE")
    board_id: int = Field(foreign_key="board.id", index=True, ondelete="RESTRICT")
    joined_on: dt.date
    left_on: dt.date | None = None


class ProgrammeAdmin(SQLModel, table=True):
    """An account that keeps the programme (its coordinator, say), whichever board it works for."""

    __tablename__ = "programme_admin"
    __table_args__ = (sa.UniqueConstraint("programme_id", "user_id", name="uq_programme_admin_user"),)

    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = Field(foreign_key="regional_programme.id", index=True, ondelete="CASCADE")
    user_id: int = Field(foreign_key="user_account.id", index=True, ondelete="CASCADE")


class ProgrammeLine(Versioned, table=True):
    """A programme line: one of the seed's four (``code``) or the programme's own (no code)."""

    __tablename__ = "programme_line"

    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = Field(foreign_key="regional_programme.id", index=True, ondelete="CASCADE")
    code: str | None = Field(default=None, max_length=40)
    name_nl: str = Field(max_length=200)
    name_en: str = Field(max_length=200)
    description: str | None = Field(default=None, max_length=2000)
    position: int = Field(default=0)


class ProgrammeInitiative(Versioned, table=True):
    __tablename__ = "programme_initiative"
    __table_args__ = (
        sa.CheckConstraint("ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on", name="dates"),
        sa.CheckConstraint("status <> 'ended' OR ended_reason IS NOT NULL", name="ended_reason"),
    )

    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = Field(foreign_key="regional_programme.id", index=True, ondelete="CASCADE")
    line_id: int = Field(foreign_key="programme_line.id", index=True, ondelete="RESTRICT")
    name: str = Field(max_length=200)
    description: str | None = Field(default=None, max_length=2000)
    status: str = Field(default="idea", max_length=20)
    ended_reason: str | None = Field(default=None, max_length=2000)
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None


class InitiativeBoard(SQLModel, table=True):
    """A member board taking part in an initiative, with its contact person for it."""

    __tablename__ = "initiative_board"

    initiative_id: int = Field(foreign_key="programme_initiative.id", primary_key=True, ondelete="CASCADE")
    board_id: int = Field(foreign_key="board.id", primary_key=True, index=True, ondelete="RESTRICT")
    contact_person_id: int | None = Field(
        default=None, foreign_key="person.id", index=True, ondelete="RESTRICT"
    )


class InitiativeResult(Versioned, table=True):
    """A participating board's figure of an initiative for a period (an indicator's value)."""

    __tablename__ = "initiative_result"
    __table_args__ = (
        sa.UniqueConstraint(
            "initiative_id", "board_id", "indicator_id", "period", name="uq_initiative_result_period"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    initiative_id: int = Field(foreign_key="programme_initiative.id", index=True, ondelete="CASCADE")
    board_id: int = Field(foreign_key="board.id", index=True, ondelete="RESTRICT")
    indicator_id: int = Field(foreign_key="indicator.id", index=True, ondelete="RESTRICT")
    period: str = Field(max_length=10)
    value: Decimal = Field(sa_type=sa.Numeric(14, 4))
    note: str | None = Field(default=None, max_length=500)


deletion.restricted_by(
    "board",
    RegionalProgramme.lead_board_id,
    "The board leads a regional programme; hand the lead over first.",
)
deletion.restricted_by(
    "board",
    ProgrammeMember.board_id,
    "The board is (or was) a member of a regional programme; its history is kept.",
)
deletion.restricted_by("board", InitiativeBoard.board_id, "The board takes part in a programme's initiative.")
deletion.restricted_by("board", InitiativeResult.board_id, "The board has results in a regional programme.")
deletion.restricted_by(
    "region", RegionalProgramme.region_id, "A regional programme covers this region; change its region first."
)
deletion.restricted_by(
    "person",
    InitiativeBoard.contact_person_id,
    "The person is a board's contact for a programme initiative; name another contact first.",
)
deletion.restricted_by(
    "indicator", InitiativeResult.indicator_id, "Programme results were recorded for this indicator."
)
