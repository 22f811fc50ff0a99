"""HTTP endpoints: /allowance-rules, /allowance-checks, /volunteer-agreements (+ ledger),
/allowance-payments, /key-person-activities, /key-person-listings and the public "who is who"."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Path, Query, Request, Response

from spil.access.service import current_principal, scoped
from spil.keypersons import activities, agreements, checks, ledger, rulesets
from spil.keypersons.schemas import (
    ActivityCreate,
    ActivityKind,
    ActivityOut,
    ActivityUpdate,
    AgreementCreate,
    AgreementOut,
    AgreementUpdate,
    AllowanceCheckOut,
    AllowanceCheckRequest,
    LedgerOut,
    ListingCreate,
    ListingOut,
    ListingUpdate,
    PaymentCreate,
    PaymentOut,
    PaymentUpdate,
    PublicKeyPersons,
    RuleRevisionOut,
    RuleSetCreate,
    RuleSetOut,
    RuleSetUpdate,
)
from spil.kit import clock
from spil.kit.deps import IDEMPOTENCY_DOC, IF_MATCH_DOC, SessionDep, VersionCheck, id_path, optional_id_query
from spil.kit.etag import set_etag
from spil.kit.idempotency import idempotent_create
from spil.kit.openapi import problems
from spil.kit.pagination import Page, PageParams, page_params
from spil.kit.policy import Principal
from spil.kit.public import public_response

router = APIRouter(tags=["key persons"])
public_router = APIRouter(tags=["public"])
Reader = Annotated[Principal, Depends(scoped("key-persons:read"))]
Writer = Annotated[Principal, Depends(scoped("key-persons:write"))]
Anyone = Annotated[Principal, Depends(current_principal)]
Paging = Annotated[PageParams, Depends(page_params)]
YearPath = Annotated[int, Path(ge=2000, le=2100, description="The calendar year.")]
AgreementId = Annotated[int, id_path("agreementId", "The volunteer agreement's id.")]
PaymentId = Annotated[int, id_path("paymentId", "The payment's id.")]
ActivityId = Annotated[int, id_path("activityId", "The activity's id.")]
ListingId = Annotated[int, id_path("listingId", "The listing's id.")]
BoardFilter = Annotated[int | None, optional_id_query("boardId", "Only this board's.")]
SchoolFilter = Annotated[int | None, optional_id_query("schoolId", "Only this school's.")]
PersonFilter = Annotated[int | None, optional_id_query("personId", "Only this person's.")]


def _language(accept_language: str | None) -> str:
    """``nl`` unless the caller prefers English (the first language named decides)."""
    if not accept_language:
        return "nl"
    first = accept_language.split(",")[0].strip().lower()
    return "en" if first.startswith("en") else "nl"


# --- allowance rules -------------------------------------------------------------------------
@router.get("/allowance-rules", summary="The volunteer-allowance maxima per calendar year")
def list_rule_sets(session: SessionDep, principal: Reader) -> list[RuleSetOut]:
    return rulesets.list_rule_sets(session)


@router.post(
    "/allowance-rules",
    status_code=201,
    responses=problems(403, 409),
    summary="Add a year (platform administrator)",
)
def create_rule_set(
    session: SessionDep, principal: Reader, data: RuleSetCreate, response: Response
) -> RuleSetOut:
    out, version = rulesets.create_rule_set(session, principal, data)
    set_etag(response, version)
    return out


@router.get("/allowance-rules/{year}", responses=problems(404))
def get_rule_set(session: SessionDep, principal: Reader, year: YearPath, response: Response) -> RuleSetOut:
    out, version = rulesets.get_rule_set(session, year)
    set_etag(response, version)
    return out


@router.patch(
    "/allowance-rules/{year}",
    responses=problems(403, 404, 412),
    openapi_extra=IF_MATCH_DOC,
    summary="Correct a year (platform administrator; the previous figures are kept)",
)
def update_rule_set(
    session: SessionDep,
    principal: Reader,
    year: YearPath,
    data: RuleSetUpdate,
    check: VersionCheck,
    response: Response,
) -> RuleSetOut:
    out, version = rulesets.update_rule_set(session, principal, year, data, check)
    set_etag(response, version)
    return out


@router.get("/allowance-rules/{year}/revisions", responses=problems(404), summary="Earlier figures of a year")
def list_revisions(session: SessionDep, principal: Reader, year: YearPath) -> list[RuleRevisionOut]:
    return rulesets.list_revisions(session, year)


@router.post(
    "/allowance-checks",
    responses=problems(404),
    summary="Check allowances against the year's limits (stateless; nothing is stored)",
    description="The explanation is in Dutch unless `Accept-Language` prefers English.",
)
def check_allowance(
    session: SessionDep,
    principal: Reader,
    data: AllowanceCheckRequest,
    response: Response,
    accept_language: Annotated[str | None, Header(max_length=200)] = None,
) -> AllowanceCheckOut:
    language = _language(accept_language)
    response.headers["Content-Language"] = language
    return checks.run_check(session, data, language)


# --- volunteer agreements ---------------------------------------------------------------------
@router.get("/volunteer-agreements", summary="Key persons' volunteer agreements in your scope")
def list_agreements(
    session: SessionDep,
    principal: Reader,
    paging: Paging,
    board_id: BoardFilter = None,
    school_id: SchoolFilter = None,
    person_id: PersonFilter = None,
    active: Annotated[
        bool | None, Query(description="Only current (true) or ended/future (false) ones.")
    ] = None,
) -> Page[AgreementOut]:
    return agreements.list_agreements(
        session, principal, paging, board_id=board_id, school_id=school_id, person_id=person_id, active=active
    )


@router.post(
    "/volunteer-agreements",
    status_code=201,
    responses=problems(403, 409),
    openapi_extra=IDEMPOTENCY_DOC,
    response_model=AgreementOut,
)
def create_agreement(request: Request, session: SessionDep, principal: Writer, data: AgreementCreate) -> Any:
    return idempotent_create(
        request,
        session,
        principal.idempotency_owner,
        data,
        lambda: agreements.create_agreement(session, principal, data),
        "volunteer-agreements",
    )


@router.get("/volunteer-agreements/{agreementId}", responses=problems(404))
def get_agreement(
    session: SessionDep, principal: Reader, agreement_id: AgreementId, response: Response
) -> AgreementOut:
    out, version = agreements.get_agreement(session, principal, agreement_id)
    set_etag(response, version)
    return out


@router.patch(
    "/volunteer-agreements/{agreementId}", responses=problems(403, 404, 412), openapi_extra=IF_MATCH_DOC
)
def update_agreement(
    session: SessionDep,
    principal: Writer,
    agreement_id: AgreementId,
    data: AgreementUpdate,
    check: VersionCheck,
    response: Response,
) -> AgreementOut:
    out, version = agreements.update_agreement(session, principal, agreement_id, data, check)
    set_etag(response, version)
    return out


@router.delete(
    "/volunteer-agreements/{agreementId}",
    status_code=204,
    responses=problems(403, 404, 409, 412),
    openapi_extra=IF_MATCH_DOC,
)
def delete_agreement(
    session: SessionDep, principal: Writer, agreement_id: AgreementId, check: VersionCheck
) -> Response:
    agreements.delete_agreement(session, principal, agreement_id, check)
    return Response(status_code=204)


@router.get(
    "/volunteer-agreements/{agreementId}/ledger",
    responses=problems(404),
    summary="Year-to-date totals, headroom against each limit and a projection to year end",
)
def get_ledger(
    session: SessionDep,
    principal: Reader,
    agreement_id: AgreementId,
    year: Annotated[int | None, Query(ge=2000, le=2100, description="Default: this year.")] = None,
) -> LedgerOut:
    return ledger.ledger(session, principal, agreement_id, year or clock.today().year)


# --- payments ---------------------------------------------------------------------------------
@router.get("/allowance-payments", summary="The payments ledger")
def list_payments(
    session: SessionDep,
    principal: Reader,
    paging: Paging,
    agreement_id: Annotated[int | None, optional_id_query("agreementId", "Only this agreement's.")] = None,
    person_id: PersonFilter = None,
    year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
) -> Page[PaymentOut]:
    return ledger.list_payments(
        session, principal, paging, agreement_id=agreement_id, person_id=person_id, year=year
    )


@router.post(
    "/allowance-payments",
    status_code=201,
    responses=problems(403, 409),
    openapi_extra=IDEMPOTENCY_DOC,
    response_model=PaymentOut,
    summary="Record a month's allowance and expenses (409 when it would cross a limit)",
)
def create_payment(request: Request, session: SessionDep, principal: Writer, data: PaymentCreate) -> Any:
    return idempotent_create(
        request,
        session,
        principal.idempotency_owner,
        data,
        lambda: ledger.create_payment(session, principal, data),
        "allowance-payments",
    )


@router.get("/allowance-payments/{paymentId}", responses=problems(404))
def get_payment(
    session: SessionDep, principal: Reader, payment_id: PaymentId, response: Response
) -> PaymentOut:
    out, version = ledger.get_payment(session, principal, payment_id)
    set_etag(response, version)
    return out


@router.patch(
    "/allowance-payments/{paymentId}", responses=problems(403, 404, 409, 412), openapi_extra=IF_MATCH_DOC
)
def update_payment(
    session: SessionDep,
    principal: Writer,
    payment_id: PaymentId,
    data: PaymentUpdate,
    check: VersionCheck,
    response: Response,
) -> PaymentOut:
    out, version = ledger.update_payment(session, principal, payment_id, data, check)
    set_etag(response, version)
    return out


@router.delete(
    "/allowance-payments/{paymentId}",
    status_code=204,
    responses=problems(403, 404, 412),
    openapi_extra=IF_MATCH_DOC,
)
def delete_payment(
    session: SessionDep, principal: Writer, payment_id: PaymentId, check: VersionCheck
) -> Response:
    ledger.delete_payment(session, principal, payment_id, check)
    return Response(status_code=204)


# --- activities -------------------------------------------------------------------------------
@router.get("/key-person-activities", summary="Coffee mornings, intakes, home visits, ...")
def list_activities(
    session: SessionDep,
    principal: Reader,
    paging: Paging,
    board_id: BoardFilter = None,
    school_id: SchoolFilter = None,
    person_id: PersonFilter = None,
    kind: Annotated[ActivityKind | None, Query()] = None,
    date_from: Annotated[dt.date | None, Query(alias="from", description="On or after this date.")] = None,
    date_to: Annotated[dt.date | None, Query(alias="to", description="On or before this date.")] = None,
) -> Page[ActivityOut]:
    return activities.list_activities(
        session,
        principal,
        paging,
        board_id=board_id,
        school_id=school_id,
        person_id=person_id,
        kind=kind,
        date_from=date_from,
        date_to=date_to,
    )


@router.post(
    "/key-person-activities",
    status_code=201,
    responses=problems(403),
    openapi_extra=IDEMPOTENCY_DOC,
    response_model=ActivityOut,
)
def create_activity(request: Request, session: SessionDep, principal: Writer, data: ActivityCreate) -> Any:
    return idempotent_create(
        request,
        session,
        principal.idempotency_owner,
        data,
        lambda: activities.create_activity(session, principal, data),
        "key-person-activities",
    )


@router.get("/key-person-activities/{activityId}", responses=problems(404))
def get_activity(
    session: SessionDep, principal: Reader, activity_id: ActivityId, response: Response
) -> ActivityOut:
    out, version = activities.get_activity(session, principal, activity_id)
    set_etag(response, version)
    return out


@router.patch(
    "/key-person-activities/{activityId}", responses=problems(403, 404, 412), openapi_extra=IF_MATCH_DOC
)
def update_activity(
    session: SessionDep,
    principal: Writer,
    activity_id: ActivityId,
    data: ActivityUpdate,
    check: VersionCheck,
    response: Response,
) -> ActivityOut:
    out, version = activities.update_activity(session, principal, activity_id, data, check)
    set_etag(response, version)
    return out


@router.delete(
    "/key-person-activities/{activityId}",
    status_code=204,
    responses=problems(403, 404, 412),
    openapi_extra=IF_MATCH_DOC,
)
def delete_activity(
    session: SessionDep, principal: Writer, activity_id: ActivityId, check: VersionCheck
) -> Response:
    activities.delete_activity(session, principal, activity_id, check)
    return Response(status_code=204)


# --- listings for the public page ---------------------------------------------------------------
@router.get("/key-person-listings", summary='Who a school shows on its public "who is who" page')
def list_listings(
    session: SessionDep, principal: Reader, paging: Paging, school_id: SchoolFilter = None
) -> Page[ListingOut]:
    return activities.list_listings(session, principal, paging, school_id=school_id)


@router.post("/key-person-listings", status_code=201, responses=problems(403, 409))
def create_listing(
    session: SessionDep, principal: Writer, data: ListingCreate, response: Response
) -> ListingOut:
    out, version = activities.create_listing(session, principal, data)
    set_etag(response, version)
    return out


@router.get("/key-person-listings/{listingId}", responses=problems(404))
def get_listing(
    session: SessionDep, principal: Reader, listing_id: ListingId, response: Response
) -> ListingOut:
    out, version = activities.get_listing(session, principal, listing_id)
    set_etag(response, version)
    return out


@router.patch(
    "/key-person-listings/{listingId}", responses=problems(403, 404, 412), openapi_extra=IF_MATCH_DOC
)
def update_listing(
    session: SessionDep,
    principal: Writer,
    listing_id: ListingId,
    data: ListingUpdate,
    check: VersionCheck,
    response: Response,
) -> ListingOut:
    out, version = activities.update_listing(session, principal, listing_id, data, check)
    set_etag(response, version)
    return out


@router.delete(
    "/key-person-listings/{listingId}",
    status_code=204,
    responses=problems(403, 404, 412),
    openapi_extra=IF_MATCH_DOC,
)
def delete_listing(
    session: SessionDep, principal: Writer, listing_id: ListingId, check: VersionCheck
) -> Response:
    activities.delete_listing(session, principal, listing_id, check)
    return Response(status_code=204)


# --- public ---------------------------------------------------------------------------------------
@public_router.get(
    "/public/schools/{locationCode}/key-persons",
    responses={**problems(404, 429), 304: {"description": "Not modified (If-None-Match)."}},
    summary="A school's key persons and contact points, as the school published them (no login)",
    openapi_extra={"security": []},
    response_model=PublicKeyPersons,
)
def public_key_persons(
    request: Request,
    session: SessionDep,
    location_code: Annotated[
        str,
        Path(
            alias="locationCode",
            pattern=r"^[0-9A-Za-z]{4}[0-9]{2}$",
            description="BRIN + location, e.g. 12AB00.",
        ),
    ],
) -> Any:
    return public_response(request, activities.public_key_persons(session, location_code))
