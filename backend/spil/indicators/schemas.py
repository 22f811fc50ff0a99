"""Shapes of indicators, measurements, targets and series."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, model_validator

from spil.kit.schemas import ApiModel, Id, InputModel, NumberOut, SafeStr

Unit = Literal["count", "percentage", "hours", "euro", "score"]
Direction = Literal["higher-is-better", "lower-is-better", "neutral"]
# How a board's, region's or municipality's figure follows from its schools': ``sum``, ``mean`` of
# the schools' values, ``last``, or ``share``: a percentage computed from the schools' counts
# (3 of 7 = 43 %), never a mean of their percentages (only derived indicators know the counts).
Aggregation = Literal["sum", "mean", "last", "share"]
EnteredAggregation = Literal["sum", "mean", "last"]
Frequency = Literal["month", "quarter", "school-year"]
Domain = Literal["key-persons", "collaboration", "confidential-work", "inclusion", "region"]
Source = Literal["entered", "imported", "api"]
Code = Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]{1,59}$")]
Period = Annotated[
    str, Field(max_length=12, description="`2025-03`, `2025-Q1` or `2024-2025`, per the frequency.")
]
Value = Annotated[Decimal, Field(ge=-1_000_000_000, le=1_000_000_000, decimal_places=4, max_digits=14)]


class IndicatorOut(ApiModel):
    id: int
    code: str
    board_id: int | None = Field(description="Empty for the built-in catalogue.")
    name_nl: str
    name_en: str
    description_nl: str | None
    description_en: str | None
    unit: Unit
    direction: Direction
    aggregation: Aggregation
    frequency: Frequency
    domain: Domain
    derived: bool
    source: str | None


class IndicatorCreate(InputModel):
    board_id: Id
    code: Code
    name_nl: Annotated[SafeStr, Field(min_length=1, max_length=200)]
    name_en: Annotated[SafeStr, Field(min_length=1, max_length=200)]
    description_nl: Annotated[SafeStr, Field(max_length=1000)] | None = None
    description_en: Annotated[SafeStr, Field(max_length=1000)] | None = None
    unit: Unit
    direction: Direction = "neutral"
    aggregation: EnteredAggregation = Field(
        default="sum",
        description="How a board's or region's figure follows from the schools': their sum, their mean "
        "or the last value (a share weighed by counts is for derived indicators, which know the counts).",
    )
    frequency: Frequency
    domain: Domain


class ScopeIn(InputModel):
    school_id: Id | None = None
    board_id: Id | None = None

    @model_validator(mode="after")
    def _one_scope(self) -> ScopeIn:
        if (self.school_id is None) == (self.board_id is None):
            raise ValueError("give either schoolId or boardId")
        return self


class MeasurementCreate(ScopeIn):
    indicator: Code
    period: Period
    value: Value
    note: Annotated[SafeStr, Field(max_length=1000)] | None = None


class MeasurementUpdate(InputModel):
    value: Value | None = None
    note: Annotated[SafeStr, Field(max_length=1000)] | None = None


class MeasurementOut(ApiModel):
    id: int
    indicator: str
    board_id: int
    school_id: int | None
    period: str
    period_start: dt.date
    value: NumberOut
    source: Source
    entered_by: str
    note: str | None
    created_at: dt.datetime
    updated_at: dt.datetime


class BulkCreate(InputModel):
    items: list[MeasurementCreate] = Field(min_length=1, max_length=1000)


class BulkOut(ApiModel):
    created: int
    items: list[MeasurementOut]


class TargetCreate(ScopeIn):
    indicator: Code
    period: Period
    value: Value


class YearTargetCreate(ScopeIn):
    indicator: Code
    year: Annotated[str, Field(pattern=r"^[0-9]{4}(-[0-9]{4})?$", examples=["2026-2027", "2027"])] = Field(
        description=(
            "A school year (`2026-2027`, 1 August to 31 July) or a calendar year (`2027`): the target is set"
            " for every period of the indicator's frequency that starts in it."
        )
    )
    value: Value


class TargetOut(ApiModel):
    id: int
    indicator: str
    board_id: int
    school_id: int | None
    period: str
    value: NumberOut


class Point(ApiModel):
    period: str
    value: NumberOut | None = Field(description="Empty when nothing was measured (or suppressed).")
    target: NumberOut | None = None
    contributors: int = Field(description="How many schools (or board entries) the value is made of.")
    suppressed: bool = False


class SchoolSeries(ApiModel):
    school_id: int
    school_name: str
    points: list[Point]


class Series(ApiModel):
    indicator: IndicatorOut
    scope: str
    scope_name: str
    points: list[Point]
    schools: list[SchoolSeries] | None = Field(
        default=None, description="With compare=true on a board: its schools side by side."
    )
