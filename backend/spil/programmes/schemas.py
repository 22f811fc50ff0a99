"""Request and response shapes of regional programmes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, model_validator

from spil.kit.schemas import (
    ApiModel,
    Email,
    Id,
    InputModel,
    MoneyOut,
    NumberOut,
    Phone,
    SafeStr,
    Url,
    VersionedOut,
)
from spil.partners.schemas import AgreementType, Purpose

ProgrammeKind = Literal["education-region", "rap", "other"]
LineCode = Literal["target-group-policy", "training", "employment-conditions", "organising-differently"]
InitiativeStatus = Literal["idea", "preparing", "running", "evaluating", "ended"]
Name = Annotated[SafeStr, Field(min_length=1, max_length=200)]
Text = Annotated[SafeStr, Field(max_length=2000)]
Amount = Annotated[Decimal, Field(ge=0, le=Decimal("9999999999.99"), decimal_places=2)]


class Document(InputModel):
    title: Annotated[SafeStr, Field(min_length=1, max_length=200)]
    url: Url


class DocumentOut(ApiModel):
    title: str
    url: str


class ProgrammeFields(InputModel):
    kind: ProgrammeKind | None = None
    region_id: Id | None = Field(default=None, description="The region it covers (any kind).")
    description: Annotated[SafeStr, Field(max_length=4000)] | None = None
    coordinator_name: Name | None = None
    coordinator_email: Email | None = None
    coordinator_phone: Phone | None = None
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    funding_scheme: Name | None = Field(
        default=None, description="The subsidy scheme, e.g. RAP or onderwijsregio's."
    )
    funding_amount: Amount | None = None
    funding_from: dt.date | None = None
    funding_to: dt.date | None = None
    documents: list[Document] | None = Field(default=None, max_length=30)


class ProgrammeCreate(ProgrammeFields):
    name: Name
    lead_board_id: Id = Field(description="The lead board (penvoerder): a member from the start.")
    joined_on: dt.date | None = Field(
        default=None, description="When the lead board joined; today if left out."
    )


class ProgrammeUpdate(ProgrammeFields):
    name: Name | None = None
    lead_board_id: Id | None = Field(default=None, description="A current member board.")


class BoardRef(ApiModel):
    id: int
    name: str


class ProgrammeRegionRef(ApiModel):
    id: int
    kind: str
    code: str
    name: str


class ProgrammeOut(ApiModel):
    id: int
    name: str
    kind: ProgrammeKind
    region: ProgrammeRegionRef | None
    lead_board: BoardRef
    description: str | None
    coordinator_name: str | None
    coordinator_email: str | None
    coordinator_phone: str | None
    starts_on: dt.date | None
    ends_on: dt.date | None
    funding_scheme: str | None
    funding_amount: MoneyOut | None
    funding_from: dt.date | None
    funding_to: dt.date | None
    documents: list[DocumentOut]
    members: list[BoardRef] = Field(description="The current member boards.")
    can_edit: bool = Field(
        description="Whether you keep this programme (its admins, the lead board's admins)."
    )
    updated_at: dt.datetime


# --- members and admins ---------------------------------------------------------------------------
class MemberCreate(InputModel):
    board_id: Id
    joined_on: dt.date | None = Field(default=None, description="Today if left out.")


class MemberUpdate(InputModel):
    joined_on: dt.date | None = None
    left_on: dt.date | None = Field(
        default=None, description="Leaving ends the board's access from that date."
    )


class MemberOut(VersionedOut):
    id: int
    board_id: int
    board_name: str
    joined_on: dt.date
    left_on: dt.date | None
    current: bool
    lead: bool


class AdminCreate(InputModel):
    user_id: Id


class AdminOut(ApiModel):
    id: int
    user_id: int
    name: str
    email: str


# --- lines and initiatives --------------------------------------------------------------------------
class LineCreate(InputModel):
    code: LineCode | None = Field(
        default=None, description="One of the seed's four lines; leave out for your own."
    )
    name_nl: Name | None = Field(default=None, description="Required for a line of your own.")
    name_en: Name | None = None
    description: Text | None = None
    position: Annotated[int, Field(ge=0, le=1000)] | None = None

    @model_validator(mode="after")
    def _own_needs_name(self) -> LineCreate:
        if self.code is None and not self.name_nl:
            raise ValueError("a line of the programme's own needs nameNl")
        return self


class LineUpdate(InputModel):
    name_nl: Name | None = None
    name_en: Name | None = None
    description: Text | None = None
    position: Annotated[int, Field(ge=0, le=1000)] | None = None


class LineOut(VersionedOut):
    id: int
    code: LineCode | None
    name_nl: str
    name_en: str
    description: str | None
    position: int
    initiatives: int


class Participant(InputModel):
    board_id: Id
    contact_person_id: Id | None = Field(
        default=None, description="The board's contact for the initiative: a person of that board."
    )


class InitiativeFields(InputModel):
    line_id: Id | None = None
    description: Text | None = None
    status: InitiativeStatus | None = None
    ended_reason: Text | None = Field(default=None, description="Required once the status is `ended`.")
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    participants: list[Participant] | None = Field(
        default=None, max_length=100, description="The member boards taking part (replaces the list)."
    )


class InitiativeCreate(InitiativeFields):
    name: Name
    line_id: Id


class InitiativeUpdate(InitiativeFields):
    name: Name | None = None


class ContactUpdate(InputModel):
    contact_person_id: Id | None = Field(description="A person of the board, or null for none.")


class ContactOut(ApiModel):
    person_id: int
    name: str
    email: str | None
    phone: str | None


class ParticipantOut(ApiModel):
    board_id: int
    board_name: str
    contact: ContactOut | None = Field(description="Hidden (null) for readers of the region.")


class ResultTotal(ApiModel):
    indicator: str
    indicator_name_nl: str
    indicator_name_en: str
    unit: str
    period: str
    total: NumberOut = Field(description="Summed over the participating boards.")
    boards: int


class InitiativeOut(VersionedOut):
    id: int
    programme_id: int
    line_id: int
    name: str
    description: str | None
    status: InitiativeStatus
    ended_reason: str | None
    starts_on: dt.date | None
    ends_on: dt.date | None
    participants: list[ParticipantOut]
    totals: list[ResultTotal]


# --- results -------------------------------------------------------------------------------------
class ResultCreate(InputModel):
    board_id: Id
    indicator: Annotated[str, Field(min_length=1, max_length=60, description="An indicator code.")]
    period: Annotated[str, Field(min_length=4, max_length=10, examples=["2025-2026"])]
    value: Annotated[Decimal, Field(ge=0, le=Decimal("99999999"), decimal_places=4)]
    note: Annotated[SafeStr, Field(max_length=500)] | None = None


class ResultUpdate(InputModel):
    value: Annotated[Decimal, Field(ge=0, le=Decimal("99999999"), decimal_places=4)] | None = None
    note: Annotated[SafeStr, Field(max_length=500)] | None = None


class ResultOut(VersionedOut):
    id: int
    initiative_id: int
    board_id: int
    board_name: str
    indicator: str
    period: str
    value: NumberOut
    note: str | None


# --- shared partnerships ---------------------------------------------------------------------------
class SharedPartnershipCreate(InputModel):
    partner_id: Id = Field(description="A partner of the lead board's registry (the covenant's other party).")
    title: Name | None = None
    purposes: list[Purpose] | None = Field(default=None, max_length=6)
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    review_date: dt.date | None = None
    agreement_type: AgreementType | None = None
    notes: Annotated[SafeStr, Field(max_length=4000)] | None = None


class BoardContacts(ApiModel):
    board_id: int
    board_name: str
    contacts: list[str] = Field(
        description="The names of the board's internal contacts for it (members only)."
    )


class SharedPartnershipOut(ApiModel):
    id: int
    partner_name: str
    partner_category: str
    title: str | None
    status: str
    start_date: dt.date | None
    end_date: dt.date | None
    agreement_type: str
    boards: list[BoardContacts]
