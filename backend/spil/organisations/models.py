"""Tables: regions (of several kinds) → municipalities → boards → schools (locations).

Every municipality lies in one labour-market region (CBS, ``Municipality.region_id``); the other
kinds of region (education regions, partnerships for inclusive education, GGD and youth-care
regions) are sets of municipalities kept by the platform administrator
(``RegionMunicipality``), at most one region of each kind per municipality."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from spil.kit.models import Versioned

SECTORS = ("PO", "SBO", "SO", "VO")


LABOUR_MARKET = "labour-market"
REGION_KINDS = (LABOUR_MARKET, "education-region", "inclusive-education", "ggd", "youth-care")


class Region(Versioned, table=True):
    """A named area of whole municipalities. The 35 labour-market regions are shipped (and every
    municipality names its own); the other kinds are kept by the platform administrator."""

    __tablename__ = "region"
    __table_args__ = (
        sa.UniqueConstraint("kind", "code"),
        sa.CheckConstraint(
            "kind IN ('labour-market', 'education-region', 'inclusive-education', 'ggd', 'youth-care')",
            name="kind",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(default=LABOUR_MARKET, max_length=20, index=True)
    code: str = Field(max_length=20)
    name: str = Field(max_length=120)


class Municipality(SQLModel, table=True):
    __tablename__ = "municipality"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=6, unique=True)
    name: str = Field(max_length=120, index=True)
    region_id: int = Field(foreign_key="region.id", index=True, ondelete="RESTRICT")
    province: str | None = Field(default=None, max_length=40)
    # A municipality that merged into another is not deleted: it ends, and names its successor,
    # so that the schools and partners that pointed at it keep their history.
    ended_on: dt.date | None = None
    successor_id: int | None = Field(default=None, foreign_key="municipality.id", ondelete="RESTRICT")


class RegionMunicipality(SQLModel, table=True):
    """A municipality's membership of a region of another kind than labour-market."""

    __tablename__ = "region_municipality"
    __table_args__ = (sa.UniqueConstraint("municipality_id", "kind"),)

    region_id: int = Field(foreign_key="region.id", primary_key=True, ondelete="CASCADE")
    municipality_id: int = Field(
        foreign_key="municipality.id", primary_key=True, index=True, ondelete="RESTRICT"
    )
    kind: str = Field(max_length=20)


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
    # The school's denomination as DUO registers it (Openbaar, Rooms-Katholiek, Algemeen bijzonder, ...).
    denomination: str | None = Field(default=None, max_length=80)
    profile: str | None = Field(default=None, max_length=4000)
