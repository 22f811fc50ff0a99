"""Request and response shapes of people, role types and role assignments."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, model_validator

from spil.kit.schemas import ApiModel, Email, Id, InputModel, NumberOut, Phone, SafeStr
from spil.sync.synced import SyncedFrom

PersonKind = Literal["staff", "volunteer", "external"]
ScopeLevel = Literal["school", "board", "region"]
Requirement = Literal["law", "guideline", "none"]
Name = Annotated[SafeStr, Field(min_length=1, max_length=200)]
Language = Annotated[str, Field(pattern=r"^[a-z]{2,3}$", description="ISO 639 code, e.g. `nl`, `ar`, `tr`.")]
Hours = Annotated[Decimal, Field(ge=0, decimal_places=2, max_digits=7)]
RoleCode = Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]{1,59}$")]


class PersonRole(ApiModel):
    """A role the person holds today, where: enough to tell two colleagues apart in a picker."""

    role_code: str
    role_name: str
    school_id: int | None
    school_name: str | None
    partner_name: str | None = Field(default=None, description="For a partnership contact: the partner.")


class PersonOut(ApiModel):
    id: int
    board_id: int
    name: str
    kind: PersonKind
    email: str | None
    phone: str | None
    languages: list[str]
    notes: str | None
    active_roles: int = 0
    current_roles: list[PersonRole] = Field(
        default_factory=list, description="The roles held today (in your scope), with their school."
    )
    erased_on: dt.date | None = Field(
        default=None, description="The day the person's data was erased (history kept, without the name)."
    )
    inactive_since: dt.date | None = Field(
        default=None, description="The day the school administration system stopped listing the person."
    )
    synced_from: SyncedFrom | None = Field(
        default=None, description="Kept by a school administration system."
    )
    created_at: dt.datetime
    updated_at: dt.datetime


class PersonFields(InputModel):
    kind: PersonKind | None = None
    email: Email | None = None
    phone: Phone | None = None
    languages: list[Language] | None = Field(default=None, max_length=20)
    notes: Annotated[SafeStr, Field(max_length=2000)] | None = None


class PersonCreate(PersonFields):
    board_id: Id
    name: Name


class PersonUpdate(PersonFields):
    name: Name | None = None


class RoleTypeOut(ApiModel):
    id: int
    code: str
    name_nl: str
    name_en: str
    scope_level: ScopeLevel
    required_by: Requirement
    required_per_school: bool
    needs_hours: bool
    is_contact_point: bool
    source: str | None
    board_id: int | None = Field(description="Empty for the built-in catalogue.")


class RoleTypeCreate(InputModel):
    board_id: Id
    code: RoleCode
    name_nl: Annotated[SafeStr, Field(min_length=1, max_length=120)]
    name_en: Annotated[SafeStr, Field(min_length=1, max_length=120)]
    scope_level: ScopeLevel
    needs_hours: bool = False
    is_contact_point: bool = True
    required_per_school: bool = False


class RoleAssignmentOut(ApiModel):
    id: int
    person_id: int
    person_name: str
    role_type_id: int
    role_code: str
    role_name: str
    board_id: int
    school_id: int | None
    school_name: str | None = None
    region_id: int | None
    partnership_id: int | None
    partner_name: str | None = None
    hours_per_week: NumberOut | None
    hours_per_year: NumberOut | None
    starts_on: dt.date | None
    ends_on: dt.date | None
    is_primary: bool
    active: bool
    notes: str | None
    synced_from: SyncedFrom | None = Field(
        default=None, description="Kept by a school administration system."
    )
    created_at: dt.datetime
    updated_at: dt.datetime


class AssignmentFields(InputModel):
    hours_per_week: Annotated[Hours, Field(le=60)] | None = None
    hours_per_year: Annotated[Hours, Field(le=2500)] | None = None
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    is_primary: bool | None = None
    notes: Annotated[SafeStr, Field(max_length=2000)] | None = None

    @model_validator(mode="after")
    def _dates(self) -> AssignmentFields:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValueError("endsOn is before startsOn")
        return self


class RoleAssignmentCreate(AssignmentFields):
    person_id: Id
    role: RoleCode = Field(description="A role type code (built-in or the board's own).")
    school_id: Id | None = None
    region_id: Id | None = None
    partnership_id: Id | None = Field(default=None, description="For a partnership contact: the partnership.")


class RoleAssignmentUpdate(AssignmentFields):
    pass
