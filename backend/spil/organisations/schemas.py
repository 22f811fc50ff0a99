"""Request and response shapes of the organisations API."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from spil.kit.schemas import ApiModel, Email, Id, InputModel, Phone, SafeStr, Url
from spil.sync.synced import SyncedFrom

Sector = Literal["PO", "SBO", "SO", "VO"]


def _upper(value: str) -> str:
    return value.upper()


def _postal_code(value: str) -> str:
    match = re.fullmatch(r"([1-9][0-9]{3}) ?([A-Za-z]{2})", value)
    if not match:
        raise ValueError("must be a Dutch postal code such as 2011 AB")
    return f"{match[1]} {match[2].upper()}"


RegionCode = Annotated[str, AfterValidator(_upper), Field(pattern=r"^AM[0-9]{2}$", examples=["AM18"])]
MunicipalityCode = Annotated[str, AfterValidator(_upper), Field(pattern=r"^GM[0-9]{4}$", examples=["GM0363"])]
BoardNumber = Annotated[str, Field(pattern=r"^[0-9]{5}$", examples=["41234"])]
LocationCode = Annotated[
    str,
    AfterValidator(_upper),
    Field(
        pattern=r"^[0-9A-Za-z]{4}[0-9]{2}$",
        description="BRIN (4 characters) followed by the 2-digit location (vestiging) number.",
        examples=["12AB00"],
    ),
]
PostalCode = Annotated[str, Field(max_length=7), AfterValidator(_postal_code)]
Name = Annotated[SafeStr, Field(min_length=1, max_length=200)]


# --- regions and municipalities -------------------------------------------------------------
RegionKind = Literal["labour-market", "education-region", "inclusive-education", "ggd", "youth-care"]
AreaCode = Annotated[
    SafeStr, AfterValidator(_upper), Field(min_length=1, max_length=20, pattern=r"^[0-9A-Za-z-]+$")
]


class RegionOut(ApiModel):
    id: int
    kind: RegionKind = Field(
        description="`labour-market` (the 35 shipped, CBS), `education-region` (onderwijsregio), "
        "`inclusive-education` (samenwerkingsverband passend onderwijs), `ggd`, `youth-care`."
    )
    code: str
    name: str
    municipality_count: int = 0


class RegionCreate(InputModel):
    kind: Literal["education-region", "inclusive-education", "ggd", "youth-care"]
    code: AreaCode
    name: Annotated[SafeStr, Field(min_length=1, max_length=120)]
    municipality_ids: Annotated[list[Id], Field(max_length=400)] = []


class RegionUpdate(InputModel):
    code: AreaCode | None = None
    name: Annotated[SafeStr, Field(min_length=1, max_length=120)] | None = None


class RegionMunicipalities(InputModel):
    """The whole set of the region's municipalities (replaces the current one)."""

    municipality_ids: Annotated[list[Id], Field(max_length=400)]


class RegionRef(ApiModel):
    id: int
    kind: RegionKind
    name: str


class MunicipalityOut(ApiModel):
    id: int
    code: str
    name: str
    region_id: int = Field(description="The labour-market region (CBS).")
    region_name: str | None = None
    province: str | None = None
    ended_on: dt.date | None = Field(
        default=None, description="The day the municipality merged into its successor."
    )
    successor_id: int | None = None
    regions: list[RegionRef] = Field(
        default_factory=list, description="The regions of other kinds it belongs to."
    )


class MunicipalityCreate(InputModel):
    code: MunicipalityCode
    name: Annotated[SafeStr, Field(min_length=1, max_length=120)]
    region_id: Id


class MunicipalityUpdate(InputModel):
    name: Annotated[SafeStr, Field(min_length=1, max_length=120)] | None = None
    region_id: Id | None = None


# --- boards ----------------------------------------------------------------------------------
class BoardOut(ApiModel):
    id: int
    number: str = Field(description="The board number (bevoegd gezag), 5 digits.")
    name: str
    municipality_id: int | None
    municipality_name: str | None = None
    email: str | None
    phone: str | None
    website: str | None
    retention_years: int = Field(
        description="Years that personal data of ended roles and agreements is kept (docs/privacy.md)."
    )
    school_count: int = 0
    created_at: dt.datetime
    updated_at: dt.datetime


class BoardCreate(InputModel):
    number: BoardNumber
    name: Name
    municipality_id: Id | None = None
    email: Email | None = None
    phone: Phone | None = None
    website: Url | None = None


class BoardUpdate(InputModel):
    number: BoardNumber | None = None
    name: Name | None = None
    municipality_id: Id | None = None
    email: Email | None = None
    phone: Phone | None = None
    website: Url | None = None
    retention_years: Annotated[int, Field(ge=1, le=30)] | None = None


# --- schools ---------------------------------------------------------------------------------
class SchoolOut(ApiModel):
    id: int
    board_id: int
    board_name: str | None = None
    location_code: str
    brin: str = Field(description="The institution code: the first 4 characters of the location code.")
    name: str
    sector: Sector
    municipality_id: int
    municipality_name: str | None = None
    street: str | None
    house_number: str | None
    postal_code: str | None
    city: str | None
    email: str | None
    phone: str | None
    website: str | None
    denomination: str | None = Field(
        default=None, description="The denomination as DUO registers it: Openbaar, Rooms-Katholiek, ..."
    )
    profile: str | None
    synced_from: SyncedFrom | None = Field(
        default=None, description="Kept by a school administration system."
    )
    created_at: dt.datetime
    updated_at: dt.datetime


class SchoolFields(InputModel):
    street: Annotated[SafeStr, Field(max_length=200)] | None = None
    house_number: Annotated[SafeStr, Field(max_length=20)] | None = None
    postal_code: PostalCode | None = None
    city: Annotated[SafeStr, Field(max_length=120)] | None = None
    email: Email | None = None
    phone: Phone | None = None
    website: Url | None = None
    denomination: Annotated[SafeStr, Field(max_length=80)] | None = None
    profile: Annotated[SafeStr, Field(max_length=4000)] | None = None


class SchoolCreate(SchoolFields):
    board_id: Id
    location_code: LocationCode
    name: Name
    sector: Sector
    municipality_id: Id


class SchoolUpdate(SchoolFields):
    location_code: LocationCode | None = None
    name: Name | None = None
    sector: Sector | None = None
    municipality_id: Id | None = None
