"""Request and response shapes of partners, partnerships and bottlenecks."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, model_validator

from spil.kit.schemas import ApiModel, Email, Id, InputModel, MoneyOut, Phone, SafeStr, Url, VersionedOut

Level = Literal["pupil", "group", "school"]
Purpose = Literal["vision", "proximity", "societal-mission", "workload-relief", "required-care", "other"]
Status = Literal["exploring", "active", "paused", "ended"]
AgreementType = Literal["none", "informal", "covenant", "contract", "data-processing-agreement"]
BottleneckKind = Literal[
    "availability", "staff-turnover", "admin-burden", "system-differences", "privacy", "funding", "other"
]
Name = Annotated[SafeStr, Field(min_length=1, max_length=200)]
Text = Annotated[SafeStr, Field(max_length=4000)]
KvkNumber = Annotated[
    str, Field(pattern=r"^[0-9]{8}$", description="KvK number, 8 digits.", examples=["12345678"])
]
Money = Annotated[Decimal, Field(ge=0, le=Decimal("9999999999.99"), decimal_places=2, max_digits=12)]
CategoryCode = Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]{1,59}$")]


# --- categories ------------------------------------------------------------------------------
class CategoryOut(ApiModel):
    id: int
    code: str
    name_nl: str
    name_en: str
    board_id: int | None = Field(description="Empty for the built-in categories.")


class CategoryCreate(InputModel):
    board_id: Id
    code: CategoryCode
    name_nl: Annotated[SafeStr, Field(min_length=1, max_length=120)]
    name_en: Annotated[SafeStr, Field(min_length=1, max_length=120)]


# --- partners --------------------------------------------------------------------------------
class PartnerOut(ApiModel):
    id: int
    board_id: int
    name: str
    category_id: int
    category_code: str
    category_name: str
    kvk_number: str | None
    municipality_id: int | None
    municipality_name: str | None = None
    email: str | None
    phone: str | None
    website: str | None
    address: str | None
    notes: str | None
    partnership_count: int = 0
    created_at: dt.datetime
    updated_at: dt.datetime


class PartnerFields(InputModel):
    kvk_number: KvkNumber | None = None
    municipality_id: Id | None = None
    email: Email | None = None
    phone: Phone | None = None
    website: Url | None = None
    address: Annotated[SafeStr, Field(max_length=300)] | None = None
    notes: Text | None = None


class PartnerCreate(PartnerFields):
    board_id: Id
    name: Name
    category: CategoryCode = Field(description="A category code: built-in or one of the board's own.")


class PartnerUpdate(PartnerFields):
    name: Name | None = None
    category: CategoryCode | None = None


# --- partnerships ----------------------------------------------------------------------------
class ExternalContact(InputModel):
    name: Name
    function: Annotated[SafeStr, Field(max_length=120)] | None = None
    email: Email | None = None
    phone: Phone | None = None


class ExternalContactOut(ApiModel):
    name: str
    function: str | None = None
    email: str | None = None
    phone: str | None = None


class BottleneckOut(ApiModel):
    id: int
    kind: BottleneckKind
    occurred_on: dt.date
    note: str | None
    resolved: bool


class BottleneckCreate(InputModel):
    kind: BottleneckKind
    occurred_on: dt.date
    note: Annotated[SafeStr, Field(max_length=2000)] | None = None


class BottleneckUpdate(InputModel):
    resolved: bool | None = None
    note: Annotated[SafeStr, Field(max_length=2000)] | None = None


class InternalContactOut(VersionedOut):
    """A current contact; its ETag is the role assignment's (to end it)."""

    assignment_id: int
    person_id: int
    person_name: str
    is_primary: bool


class PartnershipOut(ApiModel):
    id: int
    board_id: int
    school_id: int | None = Field(description="Empty when the whole board works with the partner.")
    school_name: str | None = None
    partner_id: int
    partner_name: str
    category_code: str
    title: str | None
    levels: list[Level]
    purposes: list[Purpose]
    co_located: bool
    status: Status
    start_date: dt.date | None
    end_date: dt.date | None
    review_date: dt.date | None
    agreement_type: AgreementType
    annual_budget: MoneyOut | None
    external_contacts: list[ExternalContactOut]
    notes: str | None
    internal_contacts: list[InternalContactOut] = []
    bottlenecks: list[BottleneckOut] = []
    programme_id: int | None = Field(
        default=None,
        description="Set for a regional programme's shared partnership: it shows at every member board's "
        "schools, kept by the lead board.",
    )
    created_at: dt.datetime
    updated_at: dt.datetime


class PartnershipFields(InputModel):
    title: Name | None = None
    levels: list[Level] | None = Field(default=None, max_length=3)
    purposes: list[Purpose] | None = Field(default=None, max_length=6)
    co_located: bool | None = None
    status: Status | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    review_date: dt.date | None = None
    agreement_type: AgreementType | None = None
    annual_budget: Money | None = None
    external_contacts: list[ExternalContact] | None = Field(default=None, max_length=20)
    notes: Text | None = None

    @model_validator(mode="after")
    def _dates(self) -> PartnershipFields:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValueError("endDate is before startDate")
        return self


class FirstContact(InputModel):
    """The first internal contact of a new partnership, assigned in the same request."""

    person_id: Id = Field(description="A person of the partnership's board.")
    hours_per_week: Annotated[Decimal, Field(ge=0, le=60, max_digits=6, decimal_places=2)] | None = Field(
        default=None, description="Hours a week for the contact, when agreed."
    )


class PartnershipCreate(PartnershipFields):
    partner_id: Id
    school_id: Id | None = Field(default=None, description="Leave empty for a board-wide partnership.")
    board_id: Id | None = Field(default=None, description="Required for a board-wide partnership.")
    first_contact: FirstContact | None = Field(
        default=None,
        description=(
            "The first internal contact (role `partnership-contact`), assigned with the partnership in one"
            " transaction: a partnership without one is an urgent gap the moment it is saved."
        ),
    )

    @model_validator(mode="after")
    def _scope(self) -> PartnershipCreate:
        if self.school_id is None and self.board_id is None:
            raise ValueError("give schoolId, or boardId for a board-wide partnership")
        return self
