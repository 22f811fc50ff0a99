"""The overview of an area (a municipality or a region): aggregates, never a person."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from spil.inclusion.schemas import AreaInclusion
from spil.kit.pagination import Page
from spil.kit.schemas import ApiModel


class AreaRef(ApiModel):
    type: Literal["municipality", "region"]
    id: int
    code: str
    name: str
    kind: str = Field(
        description="`municipality`, or the region's kind (`labour-market`, `education-region`, ...)."
    )


class SchoolRef(ApiModel):
    id: int
    name: str
    location_code: str


class AreaSchool(ApiModel):
    """A school of the area as the public register knows it, with its coverage at a glance."""

    id: int
    name: str
    location_code: str
    sector: str
    board_id: int
    board_name: str
    municipality_name: str
    street: str | None
    house_number: str | None
    postal_code: str | None
    city: str | None
    roles: dict[str, bool] = Field(
        description="Per role the law or a guideline asks of every school (its code): filled today."
    )
    partnerships: int = Field(description="Active partnerships of the school.")
    own_routes_published: int = Field(
        description="Problem areas for which the school published its own complaint route (the others "
        "follow the default route)."
    )
    route_finder_url: str = Field(description="The public route finder of the school (no login).")


class RoleCoverage(ApiModel):
    role_code: str
    role_name_nl: str
    role_name_en: str
    required_by: Literal["law", "guideline"]
    schools_filled: int
    schools_total: int
    schools_missing: list[SchoolRef] = Field(
        description="The schools without it: the school, never a person."
    )


class CategoryCount(ApiModel):
    category_code: str
    category_name_nl: str
    category_name_en: str
    partnerships: int
    schools: int = Field(description="Schools with at least one such partnership.")


class PartnershipFigures(ApiModel):
    total: int
    by_category: list[CategoryCount]
    by_level: dict[str, int] = Field(
        description="Per level (`pupil`, `group`, `school`); one partnership can have several."
    )
    by_status: dict[str, int]


class QuarterFigure(ApiModel):
    quarter: str = Field(examples=["2026-Q3"])
    activities: int
    parents_reached: int


class KeyPersonFigures(ApiModel):
    count: int | None = Field(
        description="Key persons with a current role; null when fewer than 5 (suppressed)."
    )
    count_display: str = Field(description="The count as shown: a number, or `<5`.")
    languages: list[str] = Field(
        description="The languages the key persons offer together (ISO 639); empty when suppressed."
    )
    schools_with_key_persons: int
    per_quarter: list[QuarterFigure] = Field(
        description="Activities and parents reached, the last four quarters."
    )


class CaseFigure(ApiModel):
    area: str
    display: str = Field(description="The number of cases opened in the year, or `<5`.")


class CaseFigures(ApiModel):
    year: int
    per_area: list[CaseFigure]
    total_display: str = Field(
        description="The total, or `<5` / `-` where a small number would be given away."
    )


class AreaOverview(ApiModel):
    area: AreaRef
    computed_at: dt.datetime
    period_from: dt.date = Field(description="The first day of the period the activity figures cover.")
    period_to: dt.date
    boards: int = Field(description="Boards with schools in the area.")
    schools_total: int
    schools_by_sector: dict[str, int]
    schools: Page[AreaSchool]
    roles: list[RoleCoverage]
    partnerships: PartnershipFigures
    key_persons: KeyPersonFigures
    confidential_cases: CaseFigures
    inclusion: AreaInclusion = Field(
        description="Inclusive employment of the area's boards: tracks, jobs, bottlenecks, contact points."
    )
