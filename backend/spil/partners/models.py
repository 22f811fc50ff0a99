"""Tables: partner categories, partners (external organisations), partnerships and bottlenecks."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from spil.kit import clock, deletion
from spil.kit.db import Money, UTCDateTime
from spil.kit.models import Versioned

LEVELS = ("pupil", "group", "school")
PURPOSES = ("vision", "proximity", "societal-mission", "workload-relief", "required-care", "other")
STATUSES = ("exploring", "active", "paused", "ended")
AGREEMENT_TYPES = ("none", "informal", "covenant", "contract", "data-processing-agreement")
BOTTLENECK_KINDS = (
    "availability",
    "staff-turnover",
    "admin-burden",
    "system-differences",
    "privacy",
    "funding",
    "other",
)


class PartnerCategory(SQLModel, table=True):
    """The catalogue of partner kinds; built-in rows have no board, a board may add its own."""

    __tablename__ = "partner_category"
    __table_args__ = (sa.UniqueConstraint("board_id", "code"),)

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=60, index=True)
    name_nl: str = Field(max_length=120)
    name_en: str = Field(max_length=120)
    board_id: int | None = Field(default=None, foreign_key="board.id", index=True, ondelete="CASCADE")


class Partner(Versioned, table=True):
    __tablename__ = "partner"

    id: int | None = Field(default=None, primary_key=True)
    board_id: int = Field(foreign_key="board.id", index=True, ondelete="RESTRICT")
    name: str = Field(max_length=200, index=True)
    category_id: int = Field(foreign_key="partner_category.id", index=True, ondelete="RESTRICT")
    kvk_number: str | None = Field(default=None, max_length=8)
    municipality_id: int | None = Field(
        default=None, foreign_key="municipality.id", index=True, ondelete="RESTRICT"
    )
    email: str | None = Field(default=None, max_length=320)
    phone: str | None = Field(default=None, max_length=40)
    website: str | None = Field(default=None, max_length=500)
    address: str | None = Field(default=None, max_length=300)
    notes: str | None = Field(default=None, max_length=4000)


class Partnership(Versioned, table=True):
    """A school (or the whole board, ``school_id`` empty) working with a partner."""

    __tablename__ = "partnership"
    __table_args__ = (
        sa.CheckConstraint("status IN ('exploring', 'active', 'paused', 'ended')", name="status"),
        sa.CheckConstraint("end_date IS NULL OR start_date IS NULL OR end_date >= start_date", name="dates"),
    )

    id: int | None = Field(default=None, primary_key=True)
    board_id: int = Field(foreign_key="board.id", index=True, ondelete="RESTRICT")
    school_id: int | None = Field(default=None, foreign_key="school.id", index=True, ondelete="RESTRICT")
    partner_id: int = Field(foreign_key="partner.id", index=True, ondelete="RESTRICT")
    # A partnership of a regional programme (its lead board's, shared by every member board).
    programme_id: int | None = Field(
        default=None, foreign_key="regional_programme.id", index=True, ondelete="RESTRICT"
    )
    title: str | None = Field(default=None, max_length=200)
    levels: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    purposes: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    co_located: bool = Field(default=False)
    status: str = Field(default="active", max_length=20, index=True)
    start_date: dt.date | None = None
    end_date: dt.date | None = Field(default=None, index=True)
    review_date: dt.date | None = Field(default=None, index=True)
    agreement_type: str = Field(default="none", max_length=40)
    annual_budget: Decimal | None = Field(default=None, sa_type=Money(12))
    external_contacts: list[dict[str, Any]] = Field(default_factory=list, sa_type=sa.JSON)
    notes: str | None = Field(default=None, max_length=4000)


class Bottleneck(SQLModel, table=True):
    """A logged bottleneck in a partnership (the research report's list of what goes wrong)."""

    __tablename__ = "partnership_bottleneck"

    id: int | None = Field(default=None, primary_key=True)
    partnership_id: int = Field(foreign_key="partnership.id", index=True, ondelete="CASCADE")
    kind: str = Field(max_length=40)
    occurred_on: dt.date
    note: str | None = Field(default=None, max_length=2000)
    resolved: bool = Field(default=False)
    created_at: dt.datetime = Field(default_factory=clock.now, sa_type=UTCDateTime, nullable=False)


# What of other features these records keep in place (``spil.kit.deletion``).
deletion.restricted_by(
    "board", Partner.board_id, "The board still has partners in its register; remove them first."
)
deletion.restricted_by(
    "municipality", Partner.municipality_id, "Partners are located in this municipality; move them first."
)
deletion.restricted_by(
    "school",
    Partnership.school_id,
    "The school still has partnerships; end them (status 'ended') or move them first.",
)
deletion.restricted_by("board", Partnership.board_id, "The board still has partnerships; end them first.")


deletion.restricted_by(
    "regional_programme",
    Partnership.programme_id,
    "The programme has shared partnerships; end or remove them first.",
)
