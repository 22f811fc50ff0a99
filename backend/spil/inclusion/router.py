"""HTTP endpoints: /inclusion-tracks (+ bottlenecks, actions, placements, progress),
/job-agreement-quotas and each labour-market region's employer service point."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request, Response

from spil.access.service import scoped
from spil.inclusion import placements, service
from spil.inclusion.schemas import (
    ActionCreate,
    ActionOut,
    ActionUpdate,
    EmployerServicePointOut,
    EmployerServicePointUpdate,
    InclusionBottleneckCreate,
    InclusionBottleneckOut,
    InclusionBottleneckUpdate,
    Phase,
    PlacementCreate,
    PlacementOut,
    PlacementUpdate,
    ProgressOut,
    QuotaCreate,
    QuotaOut,
    QuotaUpdate,
    TrackCreate,
    TrackOut,
    TrackUpdate,
)
from spil.kit.deps import IDEMPOTENCY_DOC, IF_MATCH_DOC, SessionDep, VersionCheck, id_path, optional_id_query
from spil.kit.etag import set_etag
from spil.kit.idempotency import idempotent_create
from spil.kit.openapi import problems
from spil.kit.policy import Principal

router = APIRouter(tags=["inclusion"])
Reader = Annotated[Principal, Depends(scoped("inclusion:read"))]
Writer = Annotated[Principal, Depends(scoped("inclusion:write"))]
RegionReader = Annotated[Principal, Depends(scoped("organisations:read"))]
RegionWriter = Annotated[Principal, Depends(scoped("organisations:write"))]
TrackId = Annotated[int, id_path("trackId", "The inclusion track's id.")]
BottleneckId = Annotated[int, id_path("bottleneckId", "The bottleneck's id.")]
ActionId = Annotated[int, id_path("actionId", "The action's id.")]
PlacementId = Annotated[int, id_path("placementId", "The placement's id.")]
RegionId = Annotated[int, id_path("regionId", "The labour-market region's id.")]
YearPath = Annotated[int, Path(ge=2000, le=2100, description="The calendar year.")]
BoardFilter = Annotated[int | None, optional_id_query("boardId", "Only this board's.")]
SchoolFilter = Annotated[int | None, optional_id_query("schoolId", "Only those at this school.")]


# --- tracks ------------------------------------------------------------------------------------
@router.get("/inclusion-tracks", summary="The inclusion tracks of the boards you work for")
def list_tracks(
    session: SessionDep,
    principal: Reader,
    board_id: BoardFilter = None,
    phase: Annotated[Phase | None, Query(description="Only tracks in this phase.")] = None,
) -> list[TrackOut]:
    return service.list_tracks(session, principal, board_id=board_id, phase=phase)


@router.post(
    "/inclusion-tracks",
    status_code=201,
    responses=problems(403, 409),
    openapi_extra=IDEMPOTENCY_DOC,
    response_model=TrackOut,
    summary="Start a board's track (board administrator): it begins with the intake",
)
def create_track(request: Request, session: SessionDep, principal: Writer, data: TrackCreate) -> Any:
    return idempotent_create(
        request,
        session,
        principal.idempotency_owner,
        data,
        lambda: service.create_track(session, principal, data),
        "inclusion-tracks",
    )


@router.get("/inclusion-tracks/{trackId}", responses=problems(404))
def get_track(session: SessionDep, principal: Reader, track_id: TrackId, response: Response) -> TrackOut:
    out, version = service.get_track(session, principal, track_id)
    set_etag(response, version)
    return out


@router.patch(
    "/inclusion-tracks/{trackId}",
    responses=problems(403, 404, 412),
    openapi_extra=IF_MATCH_DOC,
    summary="Change the ambition, the phase (kept in the history), the evaluation or the staff hours",
)
def update_track(
    session: SessionDep,
    principal: Writer,
    track_id: TrackId,
    data: TrackUpdate,
    check: VersionCheck,
    response: Response,
) -> TrackOut:
    out, version = service.update_track(session, principal, track_id, data, check)
    set_etag(response, version)
    return out


@router.delete(
    "/inclusion-tracks/{trackId}",
    status_code=204,
    responses=problems(403, 404, 409, 412),
    openapi_extra=IF_MATCH_DOC,
    summary="Remove a track started by mistake (not one with placements)",
)
def delete_track(session: SessionDep, principal: Writer, track_id: TrackId, check: VersionCheck) -> Response:
    service.delete_track(session, principal, track_id, check)
    return Response(status_code=204)


@router.get(
    "/inclusion-tracks/{trackId}/progress",
    responses=problems(404),
    summary="Jobs realised per month against the ambition (hours ÷ 25.5, pro rata)",
)
def get_progress(session: SessionDep, principal: Reader, track_id: TrackId) -> ProgressOut:
    return service.progress(session, principal, track_id)


# --- bottlenecks --------------------------------------------------------------------------------
@router.get("/inclusion-tracks/{trackId}/bottlenecks", responses=problems(404))
def list_bottlenecks(
    session: SessionDep, principal: Reader, track_id: TrackId
) -> list[InclusionBottleneckOut]:
    return service.list_bottlenecks(session, principal, track_id)


@router.post(
    "/inclusion-tracks/{trackId}/bottlenecks",
    status_code=201,
    responses=problems(403, 404, 409),
    openapi_extra=IDEMPOTENCY_DOC,
    response_model=InclusionBottleneckOut,
)
def create_bottleneck(
    request: Request,
    session: SessionDep,
    principal: Writer,
    track_id: TrackId,
    data: InclusionBottleneckCreate,
) -> Any:
    return idempotent_create(
        request,
        session,
        principal.idempotency_owner,
        data,
        lambda: service.create_bottleneck(session, principal, track_id, data),
        f"inclusion-tracks/{track_id}/bottlenecks",
    )


@router.get("/inclusion-tracks/{trackId}/bottlenecks/{bottleneckId}", responses=problems(404))
def get_bottleneck(
    session: SessionDep, principal: Reader, track_id: TrackId, bottleneck_id: BottleneckId, response: Response
) -> InclusionBottleneckOut:
    out, version = service.get_bottleneck(session, principal, track_id, bottleneck_id)
    set_etag(response, version)
    return out


@router.patch(
    "/inclusion-tracks/{trackId}/bottlenecks/{bottleneckId}",
    responses=problems(403, 404, 412),
    openapi_extra=IF_MATCH_DOC,
)
def update_bottleneck(
    session: SessionDep,
    principal: Writer,
    track_id: TrackId,
    bottleneck_id: BottleneckId,
    data: InclusionBottleneckUpdate,
    check: VersionCheck,
    response: Response,
) -> InclusionBottleneckOut:
    out, version = service.update_bottleneck(session, principal, track_id, bottleneck_id, data, check)
    set_etag(response, version)
    return out


@router.delete(
    "/inclusion-tracks/{trackId}/bottlenecks/{bottleneckId}",
    status_code=204,
    responses=problems(403, 404, 412),
    openapi_extra=IF_MATCH_DOC,
)
def delete_bottleneck(
    session: SessionDep,
    principal: Writer,
    track_id: TrackId,
    bottleneck_id: BottleneckId,
    check: VersionCheck,
) -> Response:
    service.delete_bottleneck(session, principal, track_id, bottleneck_id, check)
    return Response(status_code=204)


# --- the action plan ------------------------------------------------------------------------------
@router.get("/inclusion-tracks/{trackId}/actions", responses=problems(404), summary="The action plan")
def list_actions(session: SessionDep, principal: Reader, track_id: TrackId) -> list[ActionOut]:
    return service.list_actions(session, principal, track_id)


@router.post(
    "/inclusion-tracks/{trackId}/actions",
    status_code=201,
    responses=problems(403, 404),
    openapi_extra=IDEMPOTENCY_DOC,
    response_model=ActionOut,
)
def create_action(
    request: Request, session: SessionDep, principal: Writer, track_id: TrackId, data: ActionCreate
) -> Any:
    return idempotent_create(
        request,
        session,
        principal.idempotency_owner,
        data,
        lambda: service.create_action(session, principal, track_id, data),
        f"inclusion-tracks/{track_id}/actions",
    )


@router.get("/inclusion-tracks/{trackId}/actions/{actionId}", responses=problems(404))
def get_action(
    session: SessionDep, principal: Reader, track_id: TrackId, action_id: ActionId, response: Response
) -> ActionOut:
    out, version = service.get_action(session, principal, track_id, action_id)
    set_etag(response, version)
    return out


@router.patch(
    "/inclusion-tracks/{trackId}/actions/{actionId}",
    responses=problems(403, 404, 412),
    openapi_extra=IF_MATCH_DOC,
    summary="Change an action; status `done` ticks it off with today's date",
)
def update_action(
    session: SessionDep,
    principal: Writer,
    track_id: TrackId,
    action_id: ActionId,
    data: ActionUpdate,
    check: VersionCheck,
    response: Response,
) -> ActionOut:
    out, version = service.update_action(session, principal, track_id, action_id, data, check)
    set_etag(response, version)
    return out


@router.delete(
    "/inclusion-tracks/{trackId}/actions/{actionId}",
    status_code=204,
    responses=problems(403, 404, 412),
    openapi_extra=IF_MATCH_DOC,
)
def delete_action(
    session: SessionDep, principal: Writer, track_id: TrackId, action_id: ActionId, check: VersionCheck
) -> Response:
    service.delete_action(session, principal, track_id, action_id, check)
    return Response(status_code=204)


# --- placements ----------------------------------------------------------------------------------
@router.get(
    "/inclusion-tracks/{trackId}/placements",
    responses=problems(404),
    summary="Placements at the schools you read (the employee's name only for the board admin and mentor)",
)
def list_placements(
    session: SessionDep, principal: Reader, track_id: TrackId, school_id: SchoolFilter = None
) -> list[PlacementOut]:
    return placements.list_placements(session, principal, track_id, school_id=school_id)


@router.post(
    "/inclusion-tracks/{trackId}/placements",
    status_code=201,
    responses=problems(403, 404),
    openapi_extra=IDEMPOTENCY_DOC,
    response_model=PlacementOut,
)
def create_placement(
    request: Request, session: SessionDep, principal: Writer, track_id: TrackId, data: PlacementCreate
) -> Any:
    return idempotent_create(
        request,
        session,
        principal.idempotency_owner,
        data,
        lambda: placements.create_placement(session, principal, track_id, data),
        f"inclusion-tracks/{track_id}/placements",
        redact=lambda body: {**body, "employeeName": None, "nameVisible": False},
    )


@router.get("/inclusion-tracks/{trackId}/placements/{placementId}", responses=problems(404))
def get_placement(
    session: SessionDep, principal: Reader, track_id: TrackId, placement_id: PlacementId, response: Response
) -> PlacementOut:
    out, version = placements.get_placement(session, principal, track_id, placement_id)
    set_etag(response, version)
    return out


@router.patch(
    "/inclusion-tracks/{trackId}/placements/{placementId}",
    responses=problems(403, 404, 412),
    openapi_extra=IF_MATCH_DOC,
)
def update_placement(
    session: SessionDep,
    principal: Writer,
    track_id: TrackId,
    placement_id: PlacementId,
    data: PlacementUpdate,
    check: VersionCheck,
    response: Response,
) -> PlacementOut:
    out, version = placements.update_placement(session, principal, track_id, placement_id, data, check)
    set_etag(response, version)
    return out


@router.delete(
    "/inclusion-tracks/{trackId}/placements/{placementId}",
    status_code=204,
    responses=problems(403, 404, 412),
    openapi_extra=IF_MATCH_DOC,
    summary="Remove a placement entered by mistake (end a real one with `endsOn`)",
)
def delete_placement(
    session: SessionDep, principal: Writer, track_id: TrackId, placement_id: PlacementId, check: VersionCheck
) -> Response:
    placements.delete_placement(session, principal, track_id, placement_id, check)
    return Response(status_code=204)


# --- the quota per year -----------------------------------------------------------------------------
@router.get(
    "/job-agreement-quotas", summary="The quota of government and education per year, with its source"
)
def list_quotas(session: SessionDep, principal: Reader) -> list[QuotaOut]:
    return service.list_quotas(session)


@router.post(
    "/job-agreement-quotas",
    status_code=201,
    responses=problems(403, 409),
    summary="Add a year's quota (platform administrator)",
)
def create_quota(session: SessionDep, principal: Writer, data: QuotaCreate, response: Response) -> QuotaOut:
    out, version = service.create_quota(session, principal, data)
    set_etag(response, version)
    response.headers["Location"] = f"/api/v1/job-agreement-quotas/{out.year}"
    return out


@router.get("/job-agreement-quotas/{year}", responses=problems(404))
def get_quota(session: SessionDep, principal: Reader, year: YearPath, response: Response) -> QuotaOut:
    out, version = service.get_quota(session, year)
    set_etag(response, version)
    return out


@router.patch(
    "/job-agreement-quotas/{year}",
    responses=problems(403, 404, 412),
    openapi_extra=IF_MATCH_DOC,
    summary="Correct a year's quota (platform administrator)",
)
def update_quota(
    session: SessionDep,
    principal: Writer,
    year: YearPath,
    data: QuotaUpdate,
    check: VersionCheck,
    response: Response,
) -> QuotaOut:
    out, version = service.update_quota(session, principal, year, data, check)
    set_etag(response, version)
    return out


# --- employer service points -------------------------------------------------------------------------
@router.get(
    "/labour-market-regions/{regionId}/employer-service-point",
    tags=["organisations"],
    responses=problems(404),
    summary="The region's single contact point for school boards at the employer service point",
    description='Every labour-market region has one; it is empty (ETag `"v0"`) until someone fills it in.',
)
def get_service_point(
    session: SessionDep, principal: RegionReader, region_id: RegionId, response: Response
) -> EmployerServicePointOut:
    out, version = service.get_service_point(session, region_id)
    set_etag(response, version)
    return out


@router.patch(
    "/labour-market-regions/{regionId}/employer-service-point",
    tags=["organisations"],
    responses=problems(403, 404, 412),
    openapi_extra=IF_MATCH_DOC,
    summary="Fill in or change the contact point (platform administrator, the region's contacts)",
)
def update_service_point(
    session: SessionDep,
    principal: RegionWriter,
    region_id: RegionId,
    data: EmployerServicePointUpdate,
    check: VersionCheck,
    response: Response,
) -> EmployerServicePointOut:
    out, version = service.update_service_point(session, principal, region_id, data, check)
    set_etag(response, version)
    return out
