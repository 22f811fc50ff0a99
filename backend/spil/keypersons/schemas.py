"""Request and response shapes of allowance rules, checks, agreements, payments, activities and
the public "who is who"."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, model_validator

from spil.kit.schemas import ApiModel, Id, InputModel, MoneyOut, SafeStr, Url, VersionedOut

AgeBand = Literal["21-plus", "under-21"]
Scheme = Literal["none", "fixed", "hourly", "expenses-only"]
BenefitType = Literal["none", "participatiewet", "ww", "other"]
Facility = Literal["workplace", "meeting-place", "phone", "email"]
ActivityKind = Literal[
    "coffee-morning",
    "intake",
    "parent-evening",
    "home-visit",
    "flyer-round",
    "introduction",
    "workshop",
    "other",
]
LimitKind = Literal["per-hour", "per-month", "per-year"]
Language = Annotated[str, Field(pattern=r"^[a-z]{2,3}$", description="ISO 639 code, e.g. `nl`, `ar`, `tr`.")]
# Fits the narrowest money column it is stored in (NUMERIC(8, 2)).
Money = Annotated[Decimal, Field(ge=0, le=Decimal("999999.99"), decimal_places=2)]
Rate = Annotated[Decimal, Field(ge=0, le=1000, decimal_places=2, max_digits=6)]
MonthHours = Annotated[
    Decimal, Field(ge=0, le=744, decimal_places=2, max_digits=5, description="At most 744.")
]
MonthCode = Annotated[
    str,
    Field(
        pattern=r"^(19|20)[0-9]{2}-(0[1-9]|1[0-2])$",
        description="A month as `YYYY-MM` (1900–2099).",
        examples=["2025-03"],
    ),
]
Year = Annotated[int, Field(ge=2000, le=2100)]
Text = Annotated[SafeStr, Field(max_length=2000)]


# --- rule sets ---------------------------------------------------------------------------------
class Source(InputModel):
    title: Annotated[SafeStr, Field(min_length=1, max_length=200)]
    url: Url


class SourceOut(ApiModel):
    title: str
    url: str


class RuleSetOut(ApiModel):
    year: int
    max_per_hour_adult: MoneyOut = Field(description="Per hour, for volunteers at or above the age cut-off.")
    max_per_hour_young: MoneyOut = Field(description="Per hour, for volunteers below the age cut-off.")
    max_per_month: MoneyOut
    max_per_year: MoneyOut
    age_cutoff: int = Field(
        description="The age from which the higher hourly maximum applies (21 since 2021)."
    )
    age_cutoff_note: str | None
    sources: list[SourceOut]
    notes: str | None
    updated_at: dt.datetime


class RuleSetFields(InputModel):
    max_per_hour_adult: Rate | None = None
    max_per_hour_young: Rate | None = None
    max_per_month: Money | None = None
    max_per_year: Money | None = None
    age_cutoff: Annotated[int, Field(ge=16, le=30)] | None = None
    age_cutoff_note: Annotated[SafeStr, Field(max_length=300)] | None = None
    sources: list[Source] | None = Field(default=None, max_length=10)
    notes: Text | None = None


class RuleSetCreate(RuleSetFields):
    year: Year
    max_per_hour_adult: Rate
    max_per_hour_young: Rate
    max_per_month: Money
    max_per_year: Money
    sources: list[Source] = Field(min_length=1, max_length=10)


class RuleSetUpdate(RuleSetFields):
    reason: Annotated[SafeStr, Field(min_length=1, max_length=500)] = Field(
        description="Why the figures are corrected (kept with the previous values)."
    )


class RuleRevisionOut(ApiModel):
    id: int
    year: int
    before: dict[str, object]
    reason: str | None
    changed_by: str
    changed_at: dt.datetime


# --- the stateless check -----------------------------------------------------------------------
class CheckMonth(InputModel):
    month: MonthCode
    hours: MonthHours | None = None
    allowance: Money = Decimal("0")
    expenses: Money = Decimal("0")
    expenses_documented: bool = Field(
        default=True, description="Receipts or kilometres driven back the expenses up."
    )


class AllowanceCheckRequest(InputModel):
    year: Year
    birth_date: dt.date | None = Field(
        default=None, description="Or `ageBand`; needed with an hourly agreement."
    )
    age_band: AgeBand | None = Field(
        default=None, description="`21-plus`: at or above the year's age cut-off; `under-21`: below it."
    )
    hourly_agreement: bool = False
    months: list[CheckMonth] = Field(min_length=1, max_length=12)
    fallback_to_latest: bool = Field(
        default=False,
        description="When the year has no rule set, use the latest known year and mark it as an assumption "
        "(instead of a 404).",
    )


class ViolationOut(ApiModel):
    limit: LimitKind
    period: str = Field(description="`YYYY-MM` for a month, `YYYY` for the year.")
    maximum: MoneyOut
    actual: MoneyOut


class WarningOut(ApiModel):
    code: str = Field(description="near-month-limit, near-year-limit, projected-over-limit, hourly-rate, ...")
    message: str
    period: str | None = None


class CheckMonthOut(ApiModel):
    month: str
    allowance: MoneyOut = Field(description="The allowance for effort (undocumented expenses included).")
    expenses: MoneyOut = Field(description="Documented expenses.")
    counted: MoneyOut = Field(description="What counts towards the month and year maxima.")
    hourly_rate: MoneyOut | None = None
    age_band: AgeBand | None = None


class CheckTotals(ApiModel):
    allowance: MoneyOut
    expenses: MoneyOut
    counted: MoneyOut
    year_headroom: MoneyOut = Field(description="The yearly maximum minus what counted (negative when over).")


class AllowanceCheckOut(ApiModel):
    within_limits: bool
    taxable: bool = Field(description="True when any limit is crossed: then the whole allowance is taxable.")
    violations: list[ViolationOut]
    warnings: list[WarningOut]
    rule_set: RuleSetOut
    requested_year: int
    rule_set_assumed: bool = Field(description="True when another year's rules were used (fallbackToLatest).")
    months: list[CheckMonthOut]
    totals: CheckTotals
    explanation: str
    language: Literal["nl", "en"]


# --- agreements --------------------------------------------------------------------------------
class Plan(InputModel):
    goals: Text | None = None
    internship: Annotated[SafeStr, Field(max_length=1000)] | None = None
    other_tasks: Annotated[SafeStr, Field(max_length=1000)] | None = None
    review_date: dt.date | None = None


class PlanOut(ApiModel):
    goals: str | None
    internship: str | None
    other_tasks: str | None
    review_date: dt.date | None


class AgreementFields(InputModel):
    school_ids: list[Id] | None = Field(default=None, min_length=1, max_length=20)
    tasks: list[Annotated[SafeStr, Field(min_length=1, max_length=200)]] | None = Field(
        default=None, max_length=20
    )
    hours_per_week: Annotated[Decimal, Field(ge=0, le=60, decimal_places=2, max_digits=5)] | None = None
    age_band: AgeBand | None = Field(
        default=None, description="Needed for an hourly allowance (no birth date is kept)."
    )
    allowance_scheme: Scheme | None = None
    fixed_amount_per_month: Money | None = None
    hourly_rate: Rate | None = None
    travel_per_km: Annotated[Decimal, Field(ge=0, le=5, decimal_places=2, max_digits=4)] | None = None
    other_expenses: Annotated[SafeStr, Field(max_length=500)] | None = None
    facilities: list[Facility] | None = Field(default=None, max_length=4)
    supervisor_assignment_id: Id | None = Field(
        default=None, description="A key-person-supervisor role assignment."
    )
    contact_point_assignment_id: Id | None = Field(
        default=None, description="A key-person-contact-point role assignment."
    )
    plan: Plan | None = None
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    benefit_type: BenefitType | None = Field(
        default=None, description="Only board admins and the key person's contact point may set or read it."
    )
    notes: Text | None = None

    @model_validator(mode="after")
    def _dates(self) -> AgreementFields:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValueError("endsOn is before startsOn")
        return self


class AgreementCreate(AgreementFields):
    person_id: Id = Field(description="The key person.")
    school_ids: list[Id] = Field(min_length=1, max_length=20)
    starts_on: dt.date
    allowance_scheme: Scheme = "none"


class AgreementUpdate(AgreementFields):
    pass


class AssignmentRef(ApiModel):
    id: int
    person_name: str
    hours_per_week: MoneyOut | None
    hours_per_year: MoneyOut | None
    active: bool


class AgreementSchool(ApiModel):
    id: int
    name: str


class BenefitWarning(ApiModel):
    code: str
    message: str


class AgreementOut(ApiModel):
    id: int
    board_id: int
    person_id: int
    person_name: str
    languages: list[str]
    schools: list[AgreementSchool]
    tasks: list[str]
    hours_per_week: MoneyOut | None
    age_band: AgeBand | None
    allowance_scheme: Scheme
    fixed_amount_per_month: MoneyOut | None
    hourly_rate: MoneyOut | None
    travel_per_km: MoneyOut | None
    other_expenses: str | None
    facilities: list[Facility]
    supervisor: AssignmentRef | None
    contact_point: AssignmentRef | None
    plan: PlanOut
    starts_on: dt.date
    ends_on: dt.date | None
    active: bool
    benefit_type: BenefitType | None = Field(
        default=None, description="Present only for board admins and the key person's contact point."
    )
    benefit_warnings: list[BenefitWarning] = Field(default_factory=list)
    taxable_years: list[int]
    notes: str | None
    created_at: dt.datetime
    updated_at: dt.datetime


# --- payments and the ledger -------------------------------------------------------------------
class PaymentFields(InputModel):
    hours: MonthHours | None = None
    allowance: Money | None = None
    expenses: Money | None = None
    expenses_documented: bool | None = None
    note: Annotated[SafeStr, Field(max_length=1000)] | None = None
    acknowledge_limit_exceeded: bool = Field(
        default=False,
        description="Record it although it crosses a limit: the agreement's year is then marked taxable.",
    )


class PaymentCreate(PaymentFields):
    agreement_id: Id
    month: MonthCode
    allowance: Money = Decimal("0")
    expenses: Money = Decimal("0")
    expenses_documented: bool = True


class PaymentUpdate(PaymentFields):
    pass


class PaymentOut(VersionedOut):
    id: int
    agreement_id: int
    person_id: int
    month: str
    hours: MoneyOut | None
    allowance: MoneyOut
    expenses: MoneyOut
    expenses_documented: bool
    limit_exceeded_acknowledged: bool
    note: str | None
    warnings: list[WarningOut] = Field(default_factory=list)
    created_at: dt.datetime
    updated_at: dt.datetime


class LedgerMonth(ApiModel):
    month: str
    hours: MoneyOut | None
    allowance: MoneyOut
    expenses: MoneyOut
    counted: MoneyOut = Field(description="This agreement's amount that counts towards the limits.")
    other_agreements: MoneyOut = Field(description="Counted amounts of the person's other agreements.")
    max_per_month: MoneyOut
    headroom: MoneyOut
    over_limit: bool
    projected: bool = Field(description="A future month: the amount is the agreement's expected payment.")


class LedgerTotals(ApiModel):
    allowance: MoneyOut
    expenses: MoneyOut
    counted: MoneyOut
    other_agreements: MoneyOut
    max_per_year: MoneyOut
    headroom: MoneyOut


class Projection(ApiModel):
    expected_per_month: MoneyOut
    remaining_months: int
    year_end_total: MoneyOut
    exceeds_year_limit: bool
    exceeds_month_limit: bool


class LedgerOut(ApiModel):
    agreement_id: int
    person_id: int
    year: int
    rule_set: RuleSetOut
    rule_set_assumed: bool
    taxable: bool = Field(description="A limit was crossed this year (or the year was marked taxable).")
    marked_taxable: bool
    months: list[LedgerMonth]
    totals: LedgerTotals = Field(description="Year to date: what was paid so far this year.")
    projection: Projection
    violations: list[ViolationOut]
    warnings: list[WarningOut]


# --- activities --------------------------------------------------------------------------------
class ActivityFields(InputModel):
    kind: ActivityKind | None = None
    occurred_on: dt.date | None = None
    title: Annotated[SafeStr, Field(max_length=200)] | None = None
    person_ids: list[Id] | None = Field(
        default=None, min_length=1, max_length=20, description="Key persons involved."
    )
    parents_reached: Annotated[int, Field(ge=0, le=100_000)] | None = None
    languages: list[Language] | None = Field(default=None, max_length=20)
    note: Text | None = None


class ActivityCreate(ActivityFields):
    school_id: Id
    kind: ActivityKind
    occurred_on: dt.date
    person_ids: list[Id] = Field(min_length=1, max_length=20)
    parents_reached: Annotated[int, Field(ge=0, le=100_000)] = 0


class ActivityUpdate(ActivityFields):
    pass


class PersonRef(ApiModel):
    id: int
    name: str


class ActivityOut(VersionedOut):
    id: int
    board_id: int
    school_id: int
    school_name: str
    kind: ActivityKind
    occurred_on: dt.date
    title: str | None
    people: list[PersonRef]
    parents_reached: int
    languages: list[str]
    note: str | None
    created_at: dt.datetime
    updated_at: dt.datetime


# --- public "who is who" ---------------------------------------------------------------------------
class ListingFields(InputModel):
    display_name: Annotated[SafeStr, Field(min_length=1, max_length=100)] | None = None
    how_to_reach: Annotated[SafeStr, Field(max_length=300)] | None = None
    introduction_nl: Annotated[SafeStr, Field(max_length=1000)] | None = None
    introduction_en: Annotated[SafeStr, Field(max_length=1000)] | None = None
    published: bool | None = None
    position: Annotated[int, Field(ge=0, le=1000)] | None = None


class ListingCreate(ListingFields):
    role_assignment_id: Id = Field(
        description="A key-person or key-person-contact-point assignment at a school, or a role on the "
        "complaint routes (confidential counsellor, anti-bullying coordinator, ...)."
    )
    display_name: Annotated[SafeStr, Field(min_length=1, max_length=100)] = Field(
        description="As shown to the public, e.g. a first name."
    )
    published: bool = True


class ListingUpdate(ListingFields):
    pass


class ListingOut(VersionedOut):
    id: int
    board_id: int
    school_id: int
    school_name: str
    role_assignment_id: int
    role_code: str
    person_name: str
    display_name: str
    how_to_reach: str | None
    introduction_nl: str | None
    introduction_en: str | None
    languages: list[str]
    published: bool
    active: bool = Field(description="The role assignment is current; ended roles are never shown publicly.")
    position: int
    updated_at: dt.datetime


class PublicPerson(ApiModel):
    display_name: str
    role: Literal["key-person", "key-person-contact-point"]
    role_name_nl: str
    role_name_en: str
    languages: list[str]
    how_to_reach: str | None
    introduction_nl: str | None
    introduction_en: str | None


class PublicSchool(ApiModel):
    name: str
    city: str | None
    location_code: str


class PublicKeyPersons(ApiModel):
    school: PublicSchool
    people: list[PublicPerson]
