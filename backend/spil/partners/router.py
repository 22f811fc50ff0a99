"""HTTP endpoints: /partner-categories, /partners, /partnerships (+ bottlenecks)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response

from spil.access.service import scoped
from spil.kit.deps import (
    IDEMPOTENCY_DOC,
    IF_MATCH_DOC,
    SearchQuery,
    SessionDep,
    VersionCheck,
    id_path,
    optional_id_query,
)
from spil.kit.etag import set_etag
from spil.kit.idempotency import idempotent_create
from spil.kit.openapi import problems
from spil.kit.pagination import Page, PageParams, page_params
from spil.kit.policy import Principal
from spil.partners import service
from spil.partners.schemas import (
    BottleneckCreate,
    BottleneckOut,
    BottleneckUpdate,
    CategoryCode,
    CategoryCreate,
    CategoryOut,
    Level,
    PartnerCreate,
    PartnerOut,
    PartnershipCreate,
    PartnershipFields,
    PartnershipOut,
    PartnerUpdate,
    Status,
)

router = APIRouter(tags=["partners"])
Reader = Annotated[Principal, Depends(scoped("partners:read"))]
Writer = Annotated[Principal, Depends(scoped("partners:write"))]
Paging = Annotated[PageParams, Depends(page_params)]
PartnerId = Annotated[int, id_path("partnerId", "The partner's id.")]
PartnershipId = Annotated[int, id_path("partnershipId", "The partnership's id.")]
BoardFilter = Annotated[int | None, optional_id_query("boardId", "Only this board's.")]


@router.get("/partner-categories", summary="Partner categories: the built-in catalogue and the board's own")
def list_categories(
    session: SessionDep, principal: Reader, board_id: BoardFilter = None
) -> list[CategoryOut]:
    return service.list_categories(session, principal, board_id)


@router.post("/partner-categories", status_code=201, responses=problems(403, 409))
def create_category(session: SessionDep, principal: Writer, data: CategoryCreate) -> CategoryOut:
    return service.create_category(session, principal, data)


@router.get("/partners", summary="Partners (external organisations) of the boards in your scope")
def list_partners(
    session: SessionDep,
    principal: Reader,
    paging: Paging,
    q: SearchQuery = None,
    board_id: BoardFilter = None,
    category: Annotated[CategoryCode | None, Query(description="A category code.")] = None,
    municipality_id: Annotated[int | None, optional_id_query("municipalityId", "Located there.")] = None,
) -> Page[PartnerOut]:
    return service.list_partners(
        session, principal, paging, q=q, board_id=board_id, category=category, municipality_id=municipality_id
    )


@router.post(
    "/partners",
    status_code=201,
    responses=problems(403, 409),
    openapi_extra=IDEMPOTENCY_DOC,
    response_model=PartnerOut,
)
def create_partner(request: Request, session: SessionDep, principal: Writer, data: PartnerCreate) -> Any:
    return idempotent_create(
        request,
        session,
        principal.idempotency_owner,
        data,
        lambda: service.create_partner(session, principal, data),
        "partners",
    )


@router.get("/partners/{partnerId}", responses=problems(404))
def get_partner(
    session: SessionDep, principal: Reader, partner_id: PartnerId, response: Response
) -> PartnerOut:
    out, version = service.get_partner(session, principal, partner_id)
    set_etag(response, version)
    return out


@router.patch("/partners/{partnerId}", responses=problems(403, 404, 409, 412), openapi_extra=IF_MATCH_DOC)
def update_partner(
    session: SessionDep,
    principal: Writer,
    partner_id: PartnerId,
    data: PartnerUpdate,
    check: VersionCheck,
    response: Response,
) -> PartnerOut:
    out, version = service.update_partner(session, principal, partner_id, data, check)
    set_etag(response, version)
    return out


@router.delete(
    "/partners/{partnerId}",
    status_code=204,
    responses=problems(403, 404, 409, 412),
    openapi_extra=IF_MATCH_DOC,
)
def delete_partner(
    session: SessionDep, principal: Writer, partner_id: PartnerId, check: VersionCheck
) -> Response:
    service.delete_partner(session, principal, partner_id, check)
    return Response(status_code=204)


@router.get("/partnerships", summary="Partnerships of the schools and boards in your scope")
def list_partnerships(
    session: SessionDep,
    principal: Reader,
    paging: Paging,
    q: SearchQuery = None,
    board_id: BoardFilter = None,
    school_id: Annotated[int | None, optional_id_query("schoolId", "Only this school's.")] = None,
    partner_id: Annotated[int | None, optional_id_query("partnerId", "Only with this partner.")] = None,
    status: Annotated[Status | None, Query()] = None,
    level: Annotated[Level | None, Query(description="Only partnerships at this level.")] = None,
) -> Page[PartnershipOut]:
    return service.list_partnerships(
        session,
        principal,
        paging,
        q=q,
        board_id=board_id,
        school_id=school_id,
        partner_id=partner_id,
        status=status,
        level=level,
    )


@router.post(
    "/partnerships",
    status_code=201,
    responses=problems(403, 409),
    openapi_extra=IDEMPOTENCY_DOC,
    response_model=PartnershipOut,
)
def create_partnership(
    request: Request, session: SessionDep, principal: Writer, data: PartnershipCreate
) -> Any:
    return idempotent_create(
        request,
        session,
        principal.idempotency_owner,
        data,
        lambda: service.create_partnership(session, principal, data),
        "partnerships",
    )


@router.get("/partnerships/{partnershipId}", responses=problems(404))
def get_partnership(
    session: SessionDep, principal: Reader, partnership_id: PartnershipId, response: Response
) -> PartnershipOut:
    out, version = service.get_partnership(session, principal, partnership_id)
    set_etag(response, version)
    return out


@router.patch("/partnerships/{partnershipId}", responses=problems(403, 404, 412), openapi_extra=IF_MATCH_DOC)
def update_partnership(
    session: SessionDep,
    principal: Writer,
    partnership_id: PartnershipId,
    data: PartnershipFields,
    check: VersionCheck,
    response: Response,
) -> PartnershipOut:
    out, version = service.update_partnership(session, principal, partnership_id, data, check)
    set_etag(response, version)
    return out


@router.delete(
    "/partnerships/{partnershipId}",
    status_code=204,
    responses=problems(403, 404, 409, 412),
    openapi_extra=IF_MATCH_DOC,
)
def delete_partnership(
    session: SessionDep, principal: Writer, partnership_id: PartnershipId, check: VersionCheck
) -> Response:
    service.delete_partnership(session, principal, partnership_id, check)
    return Response(status_code=204)


@router.post("/partnerships/{partnershipId}/bottlenecks", status_code=201, responses=problems(403, 404))
def add_bottleneck(
    session: SessionDep, principal: Writer, partnership_id: PartnershipId, data: BottleneckCreate
) -> BottleneckOut:
    return service.add_bottleneck(session, principal, partnership_id, data)


@router.patch("/partnerships/{partnershipId}/bottlenecks/{bottleneckId}", responses=problems(403, 404))
def update_bottleneck(
    session: SessionDep,
    principal: Writer,
    partnership_id: PartnershipId,
    bottleneck_id: Annotated[int, id_path("bottleneckId", "The bottleneck's id.")],
    data: BottleneckUpdate,
) -> BottleneckOut:
    return service.update_bottleneck(session, principal, partnership_id, bottleneck_id, data)
