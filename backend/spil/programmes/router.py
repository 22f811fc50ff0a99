"""HTTP endpoints: /regional-programmes with their members, admins, lines, initiatives, results
and shared partnerships (decision record 0017)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response

from spil.access.service import scoped
from spil.kit.deps import IDEMPOTENCY_DOC, IF_MATCH_DOC, SessionDep, VersionCheck, id_path, optional_id_query
from spil.kit.etag import set_etag
from spil.kit.idempotency import idempotent_create
from spil.kit.openapi import problems
from spil.kit.policy import Principal
from spil.programmes import service
from spil.programmes.schemas import (
    AdminCreate,
    AdminOut,
    ContactUpdate,
    InitiativeCreate,
    InitiativeOut,
    InitiativeStatus,
    InitiativeUpdate,
    LineCreate,
    LineOut,
    LineUpdate,
    MemberCreate,
    MemberOut,
    MemberUpdate,
    ParticipantOut,
    ProgrammeCreate,
    ProgrammeOut,
    ProgrammeUpdate,
    ResultCreate,
    ResultOut,
    ResultUpdate,
    SharedPartnershipCreate,
    SharedPartnershipOut,
)

router = APIRouter(tags=["regional programmes"])
Reader = Annotated[Principal, Depends(scoped("organisations:read"))]
Writer = Annotated[Principal, Depends(scoped("organisations:write"))]
ProgrammeId = Annotated[int, id_path("programmeId", "The regional programme's id.")]
MemberId = Annotated[int, id_path("memberId", "The membership's id.")]
AdminId = Annotated[int, id_path("adminId", "The programme admin's id.")]
LineId = Annotated[int, id_path("lineId", "The programme line's id.")]
InitiativeId = Annotated[int, id_path("initiativeId", "The initiative's id.")]
ResultId = Annotated[int, id_path("resultId", "The result's id.")]
BASE = "/regional-programmes/{programmeId}"


def _created(
    request: Request, session: Any, principal: Principal, data: Any, make: Any, collection: str
) -> Any:
    return idempotent_create(request, session, principal.idempotency_owner, data, make, collection)


@router.get("/regional-programmes", summary="The regional programmes you take part in or read")
def list_programmes(
    session: SessionDep,
    principal: Reader,
    board_id: Annotated[
        int | None, optional_id_query("boardId", "Only those this board is a current member of.")
    ] = None,
    region_id: Annotated[
        int | None, optional_id_query("regionId", "Only those covering this region.")
    ] = None,
) -> list[ProgrammeOut]:
    return service.list_programmes(session, principal, board_id=board_id, region_id=region_id)


@router.post(
    "/regional-programmes",
    status_code=201,
    responses=problems(403),
    openapi_extra=IDEMPOTENCY_DOC,
    response_model=ProgrammeOut,
    summary="Start a programme (the lead board's administrators): the lead board is its first member",
)
def create_programme(request: Request, session: SessionDep, principal: Writer, data: ProgrammeCreate) -> Any:
    return _created(
        request,
        session,
        principal,
        data,
        lambda: service.create_programme(session, principal, data),
        "regional-programmes",
    )


@router.get(BASE, responses=problems(404))
def get_programme(
    session: SessionDep, principal: Reader, programme_id: ProgrammeId, response: Response
) -> ProgrammeOut:
    out, version = service.get_programme(session, principal, programme_id)
    set_etag(response, version)
    return out


@router.patch(BASE, responses=problems(403, 404, 412), openapi_extra=IF_MATCH_DOC)
def update_programme(
    session: SessionDep,
    principal: Writer,
    programme_id: ProgrammeId,
    data: ProgrammeUpdate,
    check: VersionCheck,
    response: Response,
) -> ProgrammeOut:
    out, version = service.update_programme(session, principal, programme_id, data, check)
    set_etag(response, version)
    return out


@router.delete(BASE, status_code=204, responses=problems(403, 404, 409, 412), openapi_extra=IF_MATCH_DOC)
def delete_programme(
    session: SessionDep, principal: Writer, programme_id: ProgrammeId, check: VersionCheck
) -> Response:
    service.delete_programme(session, principal, programme_id, check)
    return Response(status_code=204)


# --- members ------------------------------------------------------------------------------------
@router.get(
    BASE + "/members", responses=problems(404), summary="Member boards, with the dates they joined and left"
)
def list_members(session: SessionDep, principal: Reader, programme_id: ProgrammeId) -> list[MemberOut]:
    return service.list_members(session, principal, programme_id)


@router.post(
    BASE + "/members",
    status_code=201,
    responses=problems(403, 404, 409),
    openapi_extra=IDEMPOTENCY_DOC,
    response_model=MemberOut,
)
def add_member(
    request: Request, session: SessionDep, principal: Writer, programme_id: ProgrammeId, data: MemberCreate
) -> Any:
    return _created(
        request,
        session,
        principal,
        data,
        lambda: service.add_member(session, principal, programme_id, data),
        f"regional-programmes/{programme_id}/members",
    )


@router.get(BASE + "/members/{memberId}", responses=problems(404))
def get_member(
    session: SessionDep, principal: Reader, programme_id: ProgrammeId, member_id: MemberId, response: Response
) -> MemberOut:
    out, version = service.get_member(session, principal, programme_id, member_id)
    set_etag(response, version)
    return out


@router.patch(
    BASE + "/members/{memberId}",
    responses=problems(403, 404, 412),
    openapi_extra=IF_MATCH_DOC,
    summary="Change a membership: `leftOn` ends the board's access from that date (the history stays)",
)
def update_member(
    session: SessionDep,
    principal: Writer,
    programme_id: ProgrammeId,
    member_id: MemberId,
    data: MemberUpdate,
    check: VersionCheck,
    response: Response,
) -> MemberOut:
    out, version = service.update_member(session, principal, programme_id, member_id, data, check)
    set_etag(response, version)
    return out


# --- admins -------------------------------------------------------------------------------------
@router.get(BASE + "/admins", responses=problems(404), summary="The accounts that keep the programme")
def list_admins(session: SessionDep, principal: Reader, programme_id: ProgrammeId) -> list[AdminOut]:
    return service.list_admins(session, principal, programme_id)


@router.post(BASE + "/admins", status_code=201, responses=problems(403, 404, 409), response_model=AdminOut)
def add_admin(
    session: SessionDep, principal: Writer, programme_id: ProgrammeId, data: AdminCreate, response: Response
) -> Any:
    out, _ = service.add_admin(session, principal, programme_id, data)
    response.headers["Location"] = f"/api/v1/regional-programmes/{programme_id}/admins/{out.id}"
    return out


@router.delete(BASE + "/admins/{adminId}", status_code=204, responses=problems(403, 404))
def remove_admin(
    session: SessionDep, principal: Writer, programme_id: ProgrammeId, admin_id: AdminId
) -> Response:
    service.remove_admin(session, principal, programme_id, admin_id)
    return Response(status_code=204)


# --- lines, initiatives, results ------------------------------------------------------------


@router.get(BASE + "/lines", responses=problems(404))
def list_lines(session: SessionDep, principal: Reader, programme_id: ProgrammeId) -> list[LineOut]:
    return service.list_lines(session, principal, programme_id)


@router.post(
    BASE + "/lines",
    status_code=201,
    responses=problems(403, 404, 409),
    openapi_extra=IDEMPOTENCY_DOC,
    response_model=LineOut,
)
def create_line(
    request: Request, session: SessionDep, principal: Writer, programme_id: ProgrammeId, data: LineCreate
) -> Any:
    return _created(
        request,
        session,
        principal,
        data,
        lambda: service.create_line(session, principal, programme_id, data),
        f"regional-programmes/{programme_id}/lines",
    )


@router.get(BASE + "/lines" + "/{lineId}", responses=problems(404))
def get_line(
    session: SessionDep, principal: Reader, programme_id: ProgrammeId, line_id: LineId, response: Response
) -> LineOut:
    out, version = service.get_line(session, principal, programme_id, line_id)
    set_etag(response, version)
    return out


@router.patch(BASE + "/lines" + "/{lineId}", responses=problems(403, 404, 412), openapi_extra=IF_MATCH_DOC)
def update_line(
    session: SessionDep,
    principal: Writer,
    programme_id: ProgrammeId,
    line_id: LineId,
    data: LineUpdate,
    check: VersionCheck,
    response: Response,
) -> LineOut:
    out, version = service.update_line(session, principal, programme_id, line_id, data, check)
    set_etag(response, version)
    return out


@router.delete(
    BASE + "/lines" + "/{lineId}",
    status_code=204,
    responses=problems(403, 404, 409, 412),
    openapi_extra=IF_MATCH_DOC,
)
def delete_line(
    session: SessionDep, principal: Writer, programme_id: ProgrammeId, line_id: LineId, check: VersionCheck
) -> Response:
    service.delete_line(session, principal, programme_id, line_id, check)
    return Response(status_code=204)


@router.get(BASE + "/initiatives", responses=problems(404))
def list_initiatives(
    session: SessionDep,
    principal: Reader,
    programme_id: ProgrammeId,
    line_id: Annotated[int | None, optional_id_query("lineId", "Only this line's.")] = None,
    status: Annotated[InitiativeStatus | None, Query(description="Only those with this status.")] = None,
) -> list[InitiativeOut]:
    return service.list_initiatives(session, principal, programme_id, line_id=line_id, status=status)


@router.post(
    BASE + "/initiatives",
    status_code=201,
    responses=problems(403, 404, 409),
    openapi_extra=IDEMPOTENCY_DOC,
    response_model=InitiativeOut,
)
def create_initiative(
    request: Request,
    session: SessionDep,
    principal: Writer,
    programme_id: ProgrammeId,
    data: InitiativeCreate,
) -> Any:
    return _created(
        request,
        session,
        principal,
        data,
        lambda: service.create_initiative(session, principal, programme_id, data),
        f"regional-programmes/{programme_id}/initiatives",
    )


@router.get(BASE + "/initiatives" + "/{initiativeId}", responses=problems(404))
def get_initiative(
    session: SessionDep,
    principal: Reader,
    programme_id: ProgrammeId,
    initiative_id: InitiativeId,
    response: Response,
) -> InitiativeOut:
    out, version = service.get_initiative(session, principal, programme_id, initiative_id)
    set_etag(response, version)
    return out


@router.patch(
    BASE + "/initiatives" + "/{initiativeId}", responses=problems(403, 404, 412), openapi_extra=IF_MATCH_DOC
)
def update_initiative(
    session: SessionDep,
    principal: Writer,
    programme_id: ProgrammeId,
    initiative_id: InitiativeId,
    data: InitiativeUpdate,
    check: VersionCheck,
    response: Response,
) -> InitiativeOut:
    out, version = service.update_initiative(session, principal, programme_id, initiative_id, data, check)
    set_etag(response, version)
    return out


@router.delete(
    BASE + "/initiatives" + "/{initiativeId}",
    status_code=204,
    responses=problems(403, 404, 409, 412),
    openapi_extra=IF_MATCH_DOC,
)
def delete_initiative(
    session: SessionDep,
    principal: Writer,
    programme_id: ProgrammeId,
    initiative_id: InitiativeId,
    check: VersionCheck,
) -> Response:
    service.delete_initiative(session, principal, programme_id, initiative_id, check)
    return Response(status_code=204)


@router.get(BASE + "/initiatives/{initiativeId}/results", responses=problems(404))
def list_results(
    session: SessionDep, principal: Reader, programme_id: ProgrammeId, initiative_id: InitiativeId
) -> list[ResultOut]:
    return service.list_results(session, principal, programme_id, initiative_id)


@router.post(
    BASE + "/initiatives/{initiativeId}/results",
    status_code=201,
    responses=problems(403, 404, 409),
    openapi_extra=IDEMPOTENCY_DOC,
    response_model=ResultOut,
)
def create_result(
    request: Request,
    session: SessionDep,
    principal: Writer,
    programme_id: ProgrammeId,
    initiative_id: InitiativeId,
    data: ResultCreate,
) -> Any:
    return _created(
        request,
        session,
        principal,
        data,
        lambda: service.create_result(session, principal, programme_id, initiative_id, data),
        f"regional-programmes/{programme_id}/initiatives/{initiative_id}/results",
    )


@router.get(BASE + "/initiatives/{initiativeId}/results" + "/{resultId}", responses=problems(404))
def get_result(
    session: SessionDep,
    principal: Reader,
    programme_id: ProgrammeId,
    initiative_id: InitiativeId,
    result_id: ResultId,
    response: Response,
) -> ResultOut:
    out, version = service.get_result(session, principal, programme_id, initiative_id, result_id)
    set_etag(response, version)
    return out


@router.patch(
    BASE + "/initiatives/{initiativeId}/results" + "/{resultId}",
    responses=problems(403, 404, 412),
    openapi_extra=IF_MATCH_DOC,
)
def update_result(
    session: SessionDep,
    principal: Writer,
    programme_id: ProgrammeId,
    initiative_id: InitiativeId,
    result_id: ResultId,
    data: ResultUpdate,
    check: VersionCheck,
    response: Response,
) -> ResultOut:
    out, version = service.update_result(
        session, principal, programme_id, initiative_id, result_id, data, check
    )
    set_etag(response, version)
    return out


@router.delete(
    BASE + "/initiatives/{initiativeId}/results" + "/{resultId}",
    status_code=204,
    responses=problems(403, 404, 409, 412),
    openapi_extra=IF_MATCH_DOC,
)
def delete_result(
    session: SessionDep,
    principal: Writer,
    programme_id: ProgrammeId,
    initiative_id: InitiativeId,
    result_id: ResultId,
    check: VersionCheck,
) -> Response:
    service.delete_result(session, principal, programme_id, initiative_id, result_id, check)
    return Response(status_code=204)


# --- shared partnerships ----------------------------------------------------------------------------
@router.get(
    BASE + "/partnerships",
    responses=problems(404),
    summary="The programme's shared partnerships, with each member board's contacts",
)
def list_shared(
    session: SessionDep, principal: Reader, programme_id: ProgrammeId
) -> list[SharedPartnershipOut]:
    return service.list_shared(session, principal, programme_id)


@router.post(
    BASE + "/partnerships",
    status_code=201,
    responses=problems(403, 404),
    openapi_extra=IDEMPOTENCY_DOC,
    response_model=SharedPartnershipOut,
    summary="Add a shared partnership (a covenant for all member boards), kept by the lead board",
)
def create_shared(
    request: Request,
    session: SessionDep,
    principal: Writer,
    programme_id: ProgrammeId,
    data: SharedPartnershipCreate,
) -> Any:
    return _created(
        request,
        session,
        principal,
        data,
        lambda: service.create_shared(session, principal, programme_id, data),
        "partnerships",
    )


# --- a participating board's own contact -------------------------------------------------------------
ParticipantPath = BASE + "/initiatives/{initiativeId}/participants/{boardId}"
BoardId = Annotated[int, id_path("boardId", "The participating board's id.")]


@router.get(ParticipantPath, responses=problems(404), summary="A participating board and its contact")
def get_participant(
    session: SessionDep,
    principal: Reader,
    programme_id: ProgrammeId,
    initiative_id: InitiativeId,
    board_id: BoardId,
    response: Response,
) -> ParticipantOut:
    out, version = service.get_participant(session, principal, programme_id, initiative_id, board_id)
    set_etag(response, version)
    return out


@router.patch(
    ParticipantPath,
    responses=problems(403, 404, 412),
    openapi_extra=IF_MATCH_DOC,
    summary="Name the board's own contact for the initiative (the board's staff; the initiative's ETag)",
)
def set_contact(
    session: SessionDep,
    principal: Writer,
    programme_id: ProgrammeId,
    initiative_id: InitiativeId,
    board_id: BoardId,
    data: ContactUpdate,
    check: VersionCheck,
    response: Response,
) -> ParticipantOut:
    out, version = service.set_contact(session, principal, programme_id, initiative_id, board_id, data, check)
    set_etag(response, version)
    return out
