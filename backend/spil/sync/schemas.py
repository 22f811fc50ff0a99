"""Request and response shapes of sync runs and role-name mappings."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, model_validator

from spil.kit.schemas import ApiModel, Email, Id, InputModel, Phone, SafeStr, Url
from spil.organisations.schemas import LocationCode, MunicipalityCode, PostalCode, Sector
from spil.people.schemas import Hours, PersonKind, RoleCode

KNOWN_SOURCES = {"parnassys": "ParnasSys", "magister": "Magister", "somtoday": "Somtoday", "esis": "Esis"}
Source = Annotated[
    str,
    Field(
        pattern=r"^[a-z][a-z0-9-]{1,39}$",
        description="`parnassys`, `magister`, `somtoday`, `esis`, or the board's own name for its HR "
        "system (lower case, e.g. `afas`).",
        examples=["parnassys"],
    ),
]
SourceId = Annotated[SafeStr, Field(min_length=1, max_length=200, description="The source's own id.")]
Mode = Literal["upsert", "snapshot"]
RunStatus = Literal["applied", "dry-run", "rejected", "stopped"]
MAX_ITEMS = 20_000


def source_label(source: str) -> str:
    return KNOWN_SOURCES.get(source, source)


# --- the items of a run (validated one by one: a bad item is that item's problem) -------------
class SyncSchool(InputModel):
    location_code: LocationCode
    name: Annotated[SafeStr, Field(min_length=1, max_length=200)] | None = None
    sector: Sector | None = None
    municipality_code: MunicipalityCode | None = None
    street: Annotated[SafeStr, Field(max_length=200)] | None = None
    house_number: Annotated[SafeStr, Field(max_length=20)] | None = None
    postal_code: PostalCode | None = None
    city: Annotated[SafeStr, Field(max_length=120)] | None = None
    email: Email | None = None
    phone: Phone | None = None
    website: Url | None = None


class SyncPerson(InputModel):
    source_id: SourceId
    name: Annotated[SafeStr, Field(min_length=1, max_length=200)]
    email: Email | None = None
    phone: Phone | None = None
    kind: PersonKind = "staff"


class SyncRoleAssignment(InputModel):
    source_id: SourceId | None = Field(
        default=None,
        description="The source's id of this assignment; without it the key is person + role + school.",
    )
    person_source_id: SourceId
    role: Annotated[SafeStr, Field(min_length=1, max_length=120)] | None = Field(
        default=None, description="The job title as the source writes it (mapped to a role type)."
    )
    role_type: RoleCode | None = Field(default=None, description="Or Spil's role type code directly.")
    location_code: LocationCode | None = Field(
        default=None,
        description="The school (location code) for a school-level role; empty for a board role.",
    )
    hours_per_week: Hours | None = None
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None

    @model_validator(mode="after")
    def _one_role(self) -> SyncRoleAssignment:
        if (self.role is None) == (self.role_type is None):
            raise ValueError("give either role (the source's job title) or roleType (Spil's code)")
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValueError("endsOn lies before startsOn")
        return self


class SyncRunCreate(InputModel):
    """What the source knows now. Items are checked one by one; see the endpoint."""

    source: Source
    mode: Mode = "upsert"
    schools: list[SyncSchool] = Field(default_factory=list, max_length=MAX_ITEMS)
    people: list[SyncPerson] = Field(default_factory=list, max_length=MAX_ITEMS)
    role_assignments: list[SyncRoleAssignment] = Field(default_factory=list, max_length=MAX_ITEMS)


class SyncRunHead(InputModel):
    """The body's frame, checked before the items (a wrong source or mode fails the whole run)."""

    source: Source
    mode: Mode = "upsert"
    schools: list[Any] = Field(default_factory=list, max_length=MAX_ITEMS)
    people: list[Any] = Field(default_factory=list, max_length=MAX_ITEMS)
    role_assignments: list[Any] = Field(default_factory=list, max_length=MAX_ITEMS)


# --- answers ---------------------------------------------------------------------------------
class Counts(ApiModel):
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    ended: int = 0
    failed: int = 0


class RunCounts(ApiModel):
    schools: Counts = Field(default_factory=Counts)
    people: Counts = Field(default_factory=Counts)
    role_assignments: Counts = Field(default_factory=Counts)


class ItemProblem(ApiModel):
    collection: Literal["schools", "people", "roleAssignments"]
    index: int = Field(description="The item's position in its list (0-based).")
    field: str | None = Field(description="The item's field, camelCase; empty for the item as a whole.")
    code: str
    detail: str


class FieldChange(ApiModel):
    old: Any = None
    new: Any = None


class ItemChange(ApiModel):
    collection: Literal["schools", "people", "roleAssignments"]
    index: int | None = Field(description="The item's position; empty for a record ended by a snapshot.")
    key: str = Field(description="The source's key of the record.")
    action: Literal["created", "updated", "ended"]
    id: int | None = Field(description="Spil's id of the record (empty in a dry run's creations).")
    label: str = Field(description="What the record is, in words (a name, a role at a school).")
    fields: dict[str, FieldChange] = Field(default_factory=dict)


class SyncRunOut(ApiModel):
    id: int
    board_id: int
    source: str
    source_label: str
    mode: Mode
    dry_run: bool
    valid_only: bool
    status: RunStatus
    actor_label: str
    started_at: dt.datetime
    finished_at: dt.datetime | None
    counts: RunCounts
    problems: list[ItemProblem]
    changes: list[ItemChange] | None = Field(
        default=None,
        description="Item by item what changed (not in lists; empty after the retention period).",
    )


# --- role-name mappings ----------------------------------------------------------------------
class RoleMappingOut(ApiModel):
    id: int | None = Field(description="Empty for a built-in default.")
    board_id: int | None
    source: str | None = Field(description="Empty: for every source.")
    source_name: str
    role_type: str
    built_in: bool


class RoleMappingCreate(InputModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "boardId": 1,
                    "source": "parnassys",
                    "sourceName": "Bouwcoördinator",
                    "roleType": "care-coordinator",
                }
            ]
        }
    )

    board_id: Id
    source: Source | None = None
    source_name: Annotated[SafeStr, Field(min_length=1, max_length=120)]
    role_type: RoleCode
