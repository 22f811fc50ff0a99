"""HTTP endpoints: /external-bodies, /boards/{boardId}/complaint-settings, /complaint-routes, a
school's resolved routes, the public route finder, and the confidential case register."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request, Response

from spil.access.service import current_principal, scoped
from spil.complaints import cases, service
from spil.complaints.schemas import (
    Area,
    BodyOut,
    BodyUpdate,
    CaseCreate,
    CaseOut,
    CaseReport,
    CaseStatus,
    CaseUpdate,
    Group,
    PublicAreas,
    ResolvedRoute,
    RouteCreate,
    RouteOut,
    RouteUpdate,
    SettingsOut,
    SettingsUpdate,
)
from spil.kit.deps import IDEMPOTENCY_DOC, IF_MATCH_DOC, SessionDep, VersionCheck, id_path, optional_id_query
from spil.kit.errors import not_found
from spil.kit.etag import set_etag
from spil.kit.idempotency import idempotent_create
from spil.kit.openapi import problems
from spil.kit.pagination import Page, PageParams, page_params
from spil.kit.policy import Principal
from spil.kit.public import public_response

router = APIRouter(tags=["complaint routes"])
register = APIRouter(tags=["confidential register"])
public_router = APIRouter(tags=["public"])
Reader = Annotated[Principal, Depends(scoped("organisations:read"))]
Writer = Annotated[Principal, Depends(scoped("organisations:write"))]


def _people_only(principal: Principal = Depends(current_principal)) -> Principal:
    """The register is for people; to an API key it does not exist (404, like any record outside
    its scope)."""
    if principal.kind != "user":
        raise not_found("confidential case register")
    return principal


Person = Annotated[Principal, Depends(_people_only)]
Paging = Annotated[PageParams, Depends(page_params)]
RouteId = Annotated[int, id_path("routeId", "The route's id.")]
CaseId = Annotated[int, id_path("caseId", "The case's id.")]
SchoolId = Annotated[int, id_path("schoolId", "The school's id.")]
BoardId = Annotated[int, id_path("boardId", "The board's id.")]
LocationCode = Annotated[
    str,
    Path(
        alias="locationCode", pattern=r"^[0-9A-Za-z]{4}[0-9]{2}$", description="BRIN + location, e.g. 12AB00."
    ),
]
BodyCode = Annotated[
    str, Path(alias="code", pattern=r"^[a-z0-9][a-z0-9-]{0,39}$", description="The body's code.")
]
GroupQuery = Annotated[Group, Query(description="Who asks: pupil, parent or staff.")]


@router.get(
    "/external-bodies", summary="Veilig Thuis, the confidential inspectors, helplines, complaint committees"
)
def list_bodies(session: SessionDep, principal: Reader) -> list[BodyOut]:
    return service.list_bodies(session)


@router.get("/external-bodies/{code}", responses=problems(404))
def get_body(session: SessionDep, principal: Reader, code: BodyCode, response: Response) -> BodyOut:
    out, version = service.get_body(session, code)
    set_etag(response, version)
    return out


@router.patch(
    "/external-bodies/{code}",
    responses=problems(403, 404, 412),
    openapi_extra=IF_MATCH_DOC,
    summary="Correct a body's contact details (platform administrator)",
)
def update_body(
    session: SessionDep,
    principal: Writer,
    code: BodyCode,
    data: BodyUpdate,
    check: VersionCheck,
    response: Response,
) -> BodyOut:
    out, version = service.update_body(session, principal, code, data, check)
    set_etag(response, version)
    return out


@router.get(
    "/boards/{boardId}/complaint-settings",
    responses=problems(404),
    summary="The board's complaint committee and procedure",
)
def get_settings_(
    session: SessionDep, principal: Reader, board_id: BoardId, response: Response
) -> SettingsOut:
    out, version = service.get_settings(session, principal, board_id)
    set_etag(response, version)
    return out


@router.patch(
    "/boards/{boardId}/complaint-settings", responses=problems(403, 404, 412), openapi_extra=IF_MATCH_DOC
)
def update_settings(
    session: SessionDep,
    principal: Writer,
    board_id: BoardId,
    data: SettingsUpdate,
    check: VersionCheck,
    response: Response,
) -> SettingsOut:
    out, version = service.update_settings(session, principal, board_id, data, check)
    set_etag(response, version)
    return out


@router.get("/complaint-routes", summary="The default routes and the schools' own versions")
def list_routes(
    session: SessionDep,
    principal: Reader,
    school_id: Annotated[
        int | None, optional_id_query("schoolId", "Only this school's own versions.")
    ] = None,
    area: Annotated[Area | None, Query()] = None,
    group: Annotated[Group | None, Query()] = None,
) -> list[RouteOut]:
    return service.list_routes(session, principal, school_id=school_id, area=area, group=group)


@router.post(
    "/complaint-routes",
    status_code=201,
    responses=problems(403, 409),
    summary="Start a school's own version of a route (a copy of the default)",
)
def create_route(session: SessionDep, principal: Writer, data: RouteCreate, response: Response) -> RouteOut:
    out, version = service.create_route(session, principal, data)
    set_etag(response, version)
    return out


@router.get("/complaint-routes/{routeId}", responses=problems(404))
def get_route(session: SessionDep, principal: Reader, route_id: RouteId, response: Response) -> RouteOut:
    out, version = service.get_route(session, principal, route_id)
    set_etag(response, version)
    return out


@router.patch(
    "/complaint-routes/{routeId}",
    responses=problems(403, 404, 412),
    openapi_extra=IF_MATCH_DOC,
    summary="Reword, reorder, add or remove steps (statutory steps stay), publish",
)
def update_route(
    session: SessionDep,
    principal: Writer,
    route_id: RouteId,
    data: RouteUpdate,
    check: VersionCheck,
    response: Response,
) -> RouteOut:
    out, version = service.update_route(session, principal, route_id, data, check)
    set_etag(response, version)
    return out


@router.delete(
    "/complaint-routes/{routeId}",
    status_code=204,
    responses=problems(403, 404, 412),
    openapi_extra=IF_MATCH_DOC,
    summary="Drop a school's own version: the default applies again",
)
def delete_route(session: SessionDep, principal: Writer, route_id: RouteId, check: VersionCheck) -> Response:
    service.delete_route(session, principal, route_id, check)
    return Response(status_code=204)


@router.get(
    "/schools/{schoolId}/complaint-routes/{area}",
    responses=problems(404),
    summary="A route as it applies at the school, resolved to the people and partners",
)
def resolve_route(
    session: SessionDep,
    principal: Reader,
    school_id: SchoolId,
    area: Annotated[Area, Path()],
    group: GroupQuery,
    draft: Annotated[
        bool, Query(description="Show the school's unpublished version (the editor's preview).")
    ] = False,
) -> ResolvedRoute:
    return service.resolve_for(session, principal, school_id, area, group, draft)


@public_router.get(
    "/public/schools/{locationCode}/complaint-routes",
    responses={**problems(404, 429), 304: {"description": "Not modified (If-None-Match)."}},
    summary="Route finder: the problem areas in plain words (no login)",
    openapi_extra={"security": []},
    response_model=PublicAreas,
)
def public_areas(request: Request, session: SessionDep, location_code: LocationCode) -> Any:
    return public_response(request, service.public_areas(session, location_code))


@public_router.get(
    "/public/schools/{locationCode}/complaint-routes/{area}",
    responses={**problems(404, 429), 304: {"description": "Not modified (If-None-Match)."}},
    summary="Route finder: the steps for one area and group, with only published contact details (no login)",
    openapi_extra={"security": []},
    response_model=ResolvedRoute,
)
def public_route(
    request: Request,
    session: SessionDep,
    location_code: LocationCode,
    area: Annotated[Area, Path()],
    group: GroupQuery,
) -> Any:
    return public_response(request, service.public_route(session, location_code, area, group))


# --- the confidential register (people only: no API key reaches it) -------------------------------
@register.get("/confidential-cases", responses=problems(404), summary="The counsellor's case register")
def list_cases(
    session: SessionDep,
    principal: Person,
    paging: Paging,
    school_id: Annotated[int | None, optional_id_query("schoolId", "Only this school's.")] = None,
    status: Annotated[CaseStatus | None, Query()] = None,
    area: Annotated[Area | None, Query()] = None,
    year: Annotated[int | None, Query(ge=2000, le=2100, description="Opened in this year.")] = None,
) -> Page[CaseOut]:
    return cases.list_cases(
        session, principal, paging, school_id=school_id, status=status, area=area, year=year
    )


@register.post(
    "/confidential-cases",
    status_code=201,
    responses=problems(404),
    openapi_extra=IDEMPOTENCY_DOC,
    response_model=CaseOut,
)
def create_case(request: Request, session: SessionDep, principal: Person, data: CaseCreate) -> Any:
    return idempotent_create(
        request,
        session,
        principal.idempotency_owner,
        data,
        lambda: cases.create_case(session, principal, data),
        "confidential-cases",
    )


@register.get(
    "/confidential-cases/report",
    summary="Counts per area × reporter group × outcome; <5 for anyone but the counsellors",
    response_model=CaseReport,
    responses={
        **problems(404),
        200: {
            "description": "The counts as JSON, or as CSV with `format=csv`.",
            "content": {"text/csv": {"schema": {"type": "string"}}},
        },
    },
)
def case_report(
    session: SessionDep,
    principal: Person,
    year: Annotated[int, Query(ge=2000, le=2100)],
    board_id: Annotated[int | None, optional_id_query("boardId", "Only this board's.")] = None,
    school_id: Annotated[int | None, optional_id_query("schoolId", "Only this school's.")] = None,
    format: Annotated[Literal["json", "csv"], Query(description="`csv` for a spreadsheet.")] = "json",
) -> Any:
    result = cases.report(session, principal, year, board_id=board_id, school_id=school_id)
    if format == "csv":
        return Response(
            content=cases.report_csv(result),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="vertrouwenswerk-{year}.csv"'},
        )
    return result


@register.get("/confidential-cases/{caseId}", responses=problems(404))
def get_case(session: SessionDep, principal: Person, case_id: CaseId, response: Response) -> CaseOut:
    out, version = cases.get_case(session, principal, case_id)
    set_etag(response, version)
    return out


@register.patch("/confidential-cases/{caseId}", responses=problems(404, 412), openapi_extra=IF_MATCH_DOC)
def update_case(
    session: SessionDep,
    principal: Person,
    case_id: CaseId,
    data: CaseUpdate,
    check: VersionCheck,
    response: Response,
) -> CaseOut:
    out, version = cases.update_case(session, principal, case_id, data, check)
    set_etag(response, version)
    return out


@register.delete(
    "/confidential-cases/{caseId}", status_code=204, responses=problems(404, 412), openapi_extra=IF_MATCH_DOC
)
def delete_case(session: SessionDep, principal: Person, case_id: CaseId, check: VersionCheck) -> Response:
    cases.delete_case(session, principal, case_id, check)
    return Response(status_code=204)
