"""HTTP endpoints: /regions (and /labour-market-regions), /municipalities, /boards, /schools."""

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
from spil.organisations import regions, service
from spil.organisations.models import LABOUR_MARKET
from spil.organisations.schemas import (
    BoardCreate,
    BoardOut,
    BoardUpdate,
    MunicipalityCreate,
    MunicipalityOut,
    MunicipalityUpdate,
    RegionCreate,
    RegionKind,
    RegionMunicipalities,
    RegionOut,
    RegionUpdate,
    SchoolCreate,
    SchoolOut,
    SchoolUpdate,
    Sector,
)

router = APIRouter()
Reader = Annotated[Principal, Depends(scoped("organisations:read"))]
Writer = Annotated[Principal, Depends(scoped("organisations:write"))]
Paging = Annotated[PageParams, Depends(page_params)]
RegionId = Annotated[int, id_path("regionId", "The region's id.")]
MunicipalityId = Annotated[int, id_path("municipalityId", "The municipality's id.")]
BoardId = Annotated[int, id_path("boardId", "The board's id.")]
SchoolId = Annotated[int, id_path("schoolId", "The school's id.")]


# --- regions ---------------------------------------------------------------------------------
Kind = Annotated[RegionKind | None, Query(description="Only regions of this kind.")]


def _region(session: SessionDep, region_id: int, response: Response, kind: str | None = None) -> RegionOut:
    """The region as answered, with its ETag on the response."""
    out, version = regions.get_region(session, region_id, kind)
    set_etag(response, version)
    return out


@router.get("/regions", tags=["organisations"], summary="List the regions of every kind")
def list_regions(
    session: SessionDep,
    _: Reader,
    paging: Paging,
    q: SearchQuery = None,
    kind: Kind = None,
    municipality_id: Annotated[
        int | None, optional_id_query("municipalityId", "Only the regions this municipality lies in.")
    ] = None,
) -> Page[RegionOut]:
    return regions.list_regions(session, paging, q=q, kind=kind, municipality_id=municipality_id)


@router.post(
    "/regions",
    status_code=201,
    tags=["organisations"],
    summary="Add a region of another kind than labour-market (platform administrator)",
    responses=problems(403, 409),
)
def create_region(
    session: SessionDep, principal: Writer, data: RegionCreate, response: Response
) -> RegionOut:
    ident = regions.create_region(session, principal, data)
    return _region(session, ident, response)


@router.get("/regions/{regionId}", tags=["organisations"], responses=problems(404))
def get_region(session: SessionDep, _: Reader, region_id: RegionId, response: Response) -> RegionOut:
    return _region(session, region_id, response)


@router.patch(
    "/regions/{regionId}",
    tags=["organisations"],
    responses=problems(403, 404, 409, 412),
    openapi_extra=IF_MATCH_DOC,
)
def update_region(
    session: SessionDep,
    principal: Writer,
    region_id: RegionId,
    data: RegionUpdate,
    check: VersionCheck,
    response: Response,
) -> RegionOut:
    regions.update_region(session, principal, region_id, data, check)
    return _region(session, region_id, response)


@router.delete(
    "/regions/{regionId}",
    status_code=204,
    tags=["organisations"],
    responses=problems(403, 404, 409, 412),
    openapi_extra=IF_MATCH_DOC,
)
def delete_region(
    session: SessionDep, principal: Writer, region_id: RegionId, check: VersionCheck
) -> Response:
    regions.delete_region(session, principal, region_id, check)
    return Response(status_code=204)


@router.get("/regions/{regionId}/municipalities", tags=["organisations"], responses=problems(404))
def list_region_municipalities(session: SessionDep, _: Reader, region_id: RegionId) -> list[MunicipalityOut]:
    return service.municipalities_of_region(session, region_id)


@router.put(
    "/regions/{regionId}/municipalities",
    tags=["organisations"],
    summary="Set the region's municipalities (the whole set)",
    description="A municipality lies in at most one region of each kind: one that lies in another region "
    "of this kind is a 409 naming both. Labour-market regions follow CBS's list (400).",
    responses=problems(403, 404, 409, 412),
    openapi_extra=IF_MATCH_DOC,
)
def set_region_municipalities(
    session: SessionDep,
    principal: Writer,
    region_id: RegionId,
    data: RegionMunicipalities,
    check: VersionCheck,
    response: Response,
) -> RegionOut:
    regions.set_municipalities(session, principal, region_id, data, check)
    return _region(session, region_id, response)


# The labour-market regions under their own path (the 35 shipped; kept for existing clients).
@router.get("/labour-market-regions", tags=["organisations"], summary="List the labour-market regions")
def list_labour_market_regions(
    session: SessionDep, _: Reader, paging: Paging, q: SearchQuery = None
) -> Page[RegionOut]:
    return regions.list_regions(session, paging, q=q, kind=LABOUR_MARKET)


@router.get("/labour-market-regions/{regionId}", tags=["organisations"], responses=problems(404))
def get_labour_market_region(
    session: SessionDep, _: Reader, region_id: RegionId, response: Response
) -> RegionOut:
    return _region(session, region_id, response, LABOUR_MARKET)


@router.patch(
    "/labour-market-regions/{regionId}",
    tags=["organisations"],
    responses=problems(403, 404, 412),
    openapi_extra=IF_MATCH_DOC,
)
def update_labour_market_region(
    session: SessionDep,
    principal: Writer,
    region_id: RegionId,
    data: RegionUpdate,
    check: VersionCheck,
    response: Response,
) -> RegionOut:
    regions.update_region(session, principal, region_id, data, check, LABOUR_MARKET)
    return _region(session, region_id, response, LABOUR_MARKET)


# --- municipalities --------------------------------------------------------------------------
@router.get("/municipalities", tags=["organisations"], summary="List municipalities")
def list_municipalities(
    session: SessionDep,
    _: Reader,
    paging: Paging,
    q: SearchQuery = None,
    region_id: Annotated[int | None, optional_id_query("regionId", "Only this region's (any kind).")] = None,
    current: Annotated[
        bool | None, Query(description="`true`: only those that exist today; `false`: only ended ones.")
    ] = None,
) -> Page[MunicipalityOut]:
    return service.list_municipalities(session, paging, q, region_id, current)


@router.post(
    "/municipalities",
    status_code=201,
    tags=["organisations"],
    responses=problems(403, 409),
    openapi_extra=IDEMPOTENCY_DOC,
    response_model=MunicipalityOut,
)
def create_municipality(
    request: Request, session: SessionDep, principal: Writer, data: MunicipalityCreate
) -> Any:
    return idempotent_create(
        request,
        session,
        principal.idempotency_owner,
        data,
        lambda: (service.create_municipality(session, principal, data), 1),
        "municipalities",
    )


@router.get("/municipalities/{municipalityId}", tags=["organisations"], responses=problems(404))
def get_municipality(session: SessionDep, _: Reader, municipality_id: MunicipalityId) -> MunicipalityOut:
    return service.get_municipality(session, municipality_id)


@router.patch("/municipalities/{municipalityId}", tags=["organisations"], responses=problems(403, 404))
def update_municipality(
    session: SessionDep, principal: Writer, municipality_id: MunicipalityId, data: MunicipalityUpdate
) -> MunicipalityOut:
    return service.update_municipality(session, principal, municipality_id, data)


@router.delete(
    "/municipalities/{municipalityId}",
    status_code=204,
    tags=["organisations"],
    responses=problems(403, 404, 409),
)
def delete_municipality(session: SessionDep, principal: Writer, municipality_id: MunicipalityId) -> Response:
    service.delete_municipality(session, principal, municipality_id)
    return Response(status_code=204)


# --- boards ----------------------------------------------------------------------------------
@router.get("/boards", tags=["organisations"], summary="List the boards in your scope")
def list_boards(
    session: SessionDep,
    principal: Reader,
    paging: Paging,
    q: SearchQuery = None,
    municipality_id: Annotated[
        int | None, optional_id_query("municipalityId", "Seated in this municipality.")
    ] = None,
) -> Page[BoardOut]:
    return service.list_boards(session, principal, paging, q, municipality_id)


@router.post(
    "/boards",
    status_code=201,
    tags=["organisations"],
    responses=problems(403, 409),
    openapi_extra=IDEMPOTENCY_DOC,
    response_model=BoardOut,
)
def create_board(request: Request, session: SessionDep, principal: Writer, data: BoardCreate) -> Any:
    return idempotent_create(
        request,
        session,
        principal.idempotency_owner,
        data,
        lambda: service.create_board(session, principal, data),
        "boards",
    )


@router.get("/boards/{boardId}", tags=["organisations"], responses=problems(404))
def get_board(session: SessionDep, principal: Reader, board_id: BoardId, response: Response) -> BoardOut:
    out, version = service.get_board(session, principal, board_id)
    set_etag(response, version)
    return out


@router.patch(
    "/boards/{boardId}",
    tags=["organisations"],
    responses=problems(403, 404, 409, 412),
    openapi_extra=IF_MATCH_DOC,
)
def update_board(
    session: SessionDep,
    principal: Writer,
    board_id: BoardId,
    data: BoardUpdate,
    check: VersionCheck,
    response: Response,
) -> BoardOut:
    out, version = service.update_board(session, principal, board_id, data, check)
    set_etag(response, version)
    return out


@router.delete(
    "/boards/{boardId}",
    status_code=204,
    tags=["organisations"],
    responses=problems(403, 404, 409, 412),
    openapi_extra=IF_MATCH_DOC,
)
def delete_board(session: SessionDep, principal: Writer, board_id: BoardId, check: VersionCheck) -> Response:
    service.delete_board(session, principal, board_id, check)
    return Response(status_code=204)


# --- schools ---------------------------------------------------------------------------------
@router.get("/schools", tags=["organisations"], summary="List the schools (locations) in your scope")
def list_schools(
    session: SessionDep,
    principal: Reader,
    paging: Paging,
    q: SearchQuery = None,
    board_id: Annotated[int | None, optional_id_query("boardId", "Only this board's schools.")] = None,
    municipality_id: Annotated[
        int | None, optional_id_query("municipalityId", "Only in this municipality.")
    ] = None,
    sector: Annotated[Sector | None, Query(description="Only this sector.")] = None,
) -> Page[SchoolOut]:
    return service.list_schools(
        session, principal, paging, q=q, board_id=board_id, municipality_id=municipality_id, sector=sector
    )


@router.post(
    "/schools",
    status_code=201,
    tags=["organisations"],
    responses=problems(403, 409),
    openapi_extra=IDEMPOTENCY_DOC,
    response_model=SchoolOut,
)
def create_school(request: Request, session: SessionDep, principal: Writer, data: SchoolCreate) -> Any:
    return idempotent_create(
        request,
        session,
        principal.idempotency_owner,
        data,
        lambda: service.create_school(session, principal, data),
        "schools",
    )


@router.get("/schools/{schoolId}", tags=["organisations"], responses=problems(404))
def get_school(session: SessionDep, principal: Reader, school_id: SchoolId, response: Response) -> SchoolOut:
    out, version = service.get_school(session, principal, school_id)
    set_etag(response, version)
    return out


@router.patch(
    "/schools/{schoolId}",
    tags=["organisations"],
    responses=problems(403, 404, 409, 412),
    openapi_extra=IF_MATCH_DOC,
)
def update_school(
    session: SessionDep,
    principal: Writer,
    school_id: SchoolId,
    data: SchoolUpdate,
    check: VersionCheck,
    response: Response,
) -> SchoolOut:
    out, version = service.update_school(session, principal, school_id, data, check)
    set_etag(response, version)
    return out


@router.delete(
    "/schools/{schoolId}",
    status_code=204,
    tags=["organisations"],
    responses=problems(403, 404, 409, 412),
    openapi_extra=IF_MATCH_DOC,
)
def delete_school(
    session: SessionDep, principal: Writer, school_id: SchoolId, check: VersionCheck
) -> Response:
    service.delete_school(session, principal, school_id, check)
    return Response(status_code=204)
