"""Tables: the indicator catalogue, measurements and targets per scope and period."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import sqlalchemy as sa
from sqlmodel import Field

from spil.kit import deletion
from spil.kit.models import Versioned

UNITS = ("count", "percentage", "hours", "euro", "score")
DIRECTIONS = ("higher-is-better", "lower-is-better", "neutral")
AGGREGATIONS = ("sum", "mean", "last")
FREQUENCIES = ("month", "quarter", "school-year")
DOMAINS = ("key-persons", "collaboration", "confidential-work", "inclusion", "region")
SOURCES = ("entered", "imported", "api")


class Indicator(Versioned, table=True):
    """What a school measures: built-in rows (no board) from the seeds; boards add their own."""

    __tablename__ = "indicator"
    __table_args__ = (sa.UniqueConstraint("board_id", "code"),)

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=60, index=True)
    board_id: int | None = Field(default=None, foreign_key="board.id", index=True, ondelete="CASCADE")
    name_nl: str = Field(max_length=200)
    name_en: str = Field(max_length=200)
    description_nl: str | None = Field(default=None, max_length=1000)
    description_en: str | None = Field(default=None, max_length=1000)
    unit: str = Field(max_length=20)
    direction: str = Field(max_length=20)
    aggregation: str = Field(max_length=10)
    frequency: str = Field(max_length=20)
    domain: str = Field(max_length=20)
    derived: bool = Field(default=False)
    source: str | None = Field(default=None, max_length=300)


class Measurement(Versioned, table=True):
    """One value of an indicator for a school or a whole board in one period."""

    __tablename__ = "measurement"
    __table_args__ = (
        sa.UniqueConstraint("indicator_id", "scope_key", "period"),
        sa.Index("ix_measurement_indicator_start", "indicator_id", "period_start"),
        # Series read a few schools' values of one indicator over a range of periods
        # (docs/performance.md); it also serves every lookup by school that a school_id index did.
        sa.Index("ix_measurement_school_indicator_start", "school_id", "indicator_id", "period_start"),
    )

    id: int | None = Field(default=None, primary_key=True)
    indicator_id: int = Field(foreign_key="indicator.id", ondelete="RESTRICT")
    board_id: int = Field(foreign_key="board.id", index=True, ondelete="RESTRICT")
    school_id: int | None = Field(default=None, foreign_key="school.id", ondelete="RESTRICT")
    scope_key: str = Field(max_length=30, description="school:<id> or board:<id> (one row per scope).")
    period: str = Field(max_length=12)
    period_start: dt.date
    value: Decimal = Field(sa_type=sa.Numeric(14, 4))
    source: str = Field(default="entered", max_length=10)
    entered_by: str = Field(max_length=320)
    note: str | None = Field(default=None, max_length=1000)


class Target(Versioned, table=True):
    __tablename__ = "indicator_target"
    __table_args__ = (sa.UniqueConstraint("indicator_id", "scope_key", "period"),)

    id: int | None = Field(default=None, primary_key=True)
    indicator_id: int = Field(foreign_key="indicator.id", index=True, ondelete="RESTRICT")
    board_id: int = Field(foreign_key="board.id", index=True, ondelete="RESTRICT")
    school_id: int | None = Field(default=None, foreign_key="school.id", index=True, ondelete="RESTRICT")
    scope_key: str = Field(max_length=30)
    period: str = Field(max_length=12)
    period_start: dt.date
    value: Decimal = Field(sa_type=sa.Numeric(14, 4))


# What of other features these records keep in place (``spil.kit.deletion``).
deletion.restricted_by(
    "school", Measurement.school_id, "Indicator values were recorded for this school; they keep its history."
)
deletion.restricted_by(
    "board", Measurement.board_id, "Indicator values were recorded for this board; they keep its history."
)
deletion.restricted_by("school", Target.school_id, "Indicator targets were set for this school.")
deletion.restricted_by("board", Target.board_id, "Indicator targets were set for this board.")
