"""Tables: labour-market regions → municipalities → boards → schools (locations)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from spil.kit.models import Versioned

SECTORS = ("PO", "SBO", "SO", "VO")


class LabourMarketRegion(SQLModel, table=True):
    __tablename__ = "labour_market_region"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=4, unique=True)
    name: str = Field(max_length=120)


class Municipality(SQLModel, table=True):
    __tablename__ = "municipality"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=6, unique=True)
    name: str = Field(max_length=120, index=True)
    region_id: int = Field(foreign_key="labour_market_region.id", index=True, ondelete="RESTRICT")


class Board(Versioned, table=True):
    __tablename__ = "board"
    __table_args__ = (sa.CheckConstraint("retention_years BETWEEN 1 AND 30", name="retention_years"),)

    id: int | None = Field(default=None, primary_key=True)
    number: str = Field(max_length=5, unique=True)
    name: str = Field(max_length=200, index=True)
    municipality_id: int | None = Field(
        default=None, foreign_key="municipality.id", index=True, ondelete="RESTRICT"
    )
    email: str | None = Field(default=None, max_length=320)
    phone: str | None = Field(default=None, max_length=40)
    website: str | None = Field(default=None, max_length=500)
    # Years that personal data of ended roles and agreements is kept before the retention purge
    # anonymises it (docs/privacy.md); 7 is the fiscal retention of the allowance payments.
    retention_years: int = Field(default=7, sa_column_kwargs={"server_default": "7"})


class School(Versioned, table=True):
    __tablename__ = "school"
    __table_args__ = (sa.CheckConstraint("sector IN ('PO', 'SBO', 'SO', 'VO')", name="sector"),)

    id: int | None = Field(default=None, primary_key=True)
    board_id: int = Field(foreign_key="board.id", index=True, ondelete="RESTRICT")
    location_code: str = Field(max_length=6, unique=True)
    name: str = Field(max_length=200, index=True)
    sector: str = Field(max_length=3)
    municipality_id: int = Field(foreign_key="municipality.id", index=True, ondelete="RESTRICT")
    street: str | None = Field(default=None, max_length=200)
    house_number: str | None = Field(default=None, max_length=20)
    postal_code: str | None = Field(default=None, max_length=7)
    city: str | None = Field(default=None, max_length=120)
    email: str | None = Field(default=None, max_length=320)
    phone: str | None = Field(default=None, max_length=40)
    website: str | None = Field(default=None, max_length=500)
    profile: str | None = Field(default=None, max_length=4000)
