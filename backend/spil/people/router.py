"""HTTP endpoints: /people, /role-types, /role-assignments, a school's organogram and induction overview."""

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
from spil.people import overview, service
from spil.people.schemas import (
    PersonCreate,
    PersonKind,
    PersonOut,
    PersonUpdate,
    RoleAssignmentCreate,
    RoleAssignmentOut,
    RoleAssignmentUpdate,
    RoleCode,
    RoleTypeCreate,
    RoleTypeOut,
)

router = APIRouter(tags=["people"])
Reader = Annotated[Principal, Depends(scoped("people:read"))]
Writer = Annotated[Principal, Depends(scoped("people:write"))]
Paging = Annotated[PageParams, Depends(page_params)]
PersonId = Annotated[int, id_path("personId", "The person's id.")]
AssignmentId = Annotated[int, id_path("roleAssignmentId", "The role assignment's id.")]
SchoolId = Annotated[int, id_path("schoolId", "The school's id.")]
BoardFilter = Annotated[int | None, optional_id_query("boardId", "Only this board's.")]


@router.get("/people", summary="Staff, volunteers and external contacts of the boards in your scope")
def list_people(
    session: SessionDep,
    principal: Reader,
    paging: Paging,
    q: SearchQuery = None,
    board_id: BoardFilter = None,
    kind: Annotated[PersonKind | None, Query()] = None,
    language: Annotated[
        str | None, Query(pattern=r"^[a-z]{2,3}$", description="Speaks this language.")
    ] = None,
    school_id: Annotated[
        int | None, optional_id_query("schoolId", "Only people who hold a role at this school today.")
    ] = None,
) -> Page[PersonOut]:
    return service.list_people(
        session, principal, paging, q=q, board_id=board_id, kind=kind, language=language, school_id=school_id
    )


@router.post(
    "/people",
    status_code=201,
    responses=problems(403, 409),
    openapi_extra=IDEMPOTENCY_DOC,
    response_model=PersonOut,
)
def create_person(request: Request, session: SessionDep, principal: Writer, data: PersonCreate) -> Any:
    return idempotent_create(
        request,
        session,
        principal.idempotency_owner,
        data,
        lambda: service.create_person(session, principal, data),
        "people",
    )


@router.get("/people/{personId}", responses=problems(404))
def get_person(session: SessionDep, principal: Reader, person_id: PersonId, response: Response) -> PersonOut:
    out, version = service.get_person(session, principal, person_id)
    set_etag(response, version)
    return out


@router.patch("/people/{personId}", responses=problems(403, 404, 409, 412), openapi_extra=IF_MATCH_DOC)
def update_person(
    session: SessionDep,
    principal: Writer,
    person_id: PersonId,
    data: PersonUpdate,
    check: VersionCheck,
    response: Response,
) -> PersonOut:
    out, version = service.update_person(session, principal, person_id, data, check)
    set_etag(response, version)
    return out


@router.delete(
    "/people/{personId}", status_code=204, responses=problems(403, 404, 409, 412), openapi_extra=IF_MATCH_DOC
)
def delete_person(
    session: SessionDep, principal: Writer, person_id: PersonId, check: VersionCheck
) -> Response:
    service.delete_person(session, principal, person_id, check)
    return Response(status_code=204)


@router.get("/role-types", summary="The role catalogue: built-in roles and the board's own")
def list_role_types(
    session: SessionDep, principal: Reader, board_id: BoardFilter = None
) -> list[RoleTypeOut]:
    return service.list_role_types(session, principal, board_id)


@router.post("/role-types", status_code=201, responses=problems(403, 409))
def create_role_type(session: SessionDep, principal: Writer, data: RoleTypeCreate) -> RoleTypeOut:
    return service.create_role_type(session, principal, data)


@router.delete("/role-types/{roleTypeId}", status_code=204, responses=problems(403, 404, 409))
def delete_role_type(
    session: SessionDep,
    principal: Writer,
    role_type_id: Annotated[int, id_path("roleTypeId", "The role type's id.")],
) -> Response:
    service.delete_role_type(session, principal, role_type_id)
    return Response(status_code=204)


@router.get("/role-assignments", summary="Who holds which role where (history included)")
def list_assignments(
    session: SessionDep,
    principal: Reader,
    paging: Paging,
    board_id: BoardFilter = None,
    school_id: Annotated[int | None, optional_id_query("schoolId", "At this school.")] = None,
    person_id: Annotated[int | None, optional_id_query("personId", "Held by this person.")] = None,
    partnership_id: Annotated[int | None, optional_id_query("partnershipId", "For this partnership.")] = None,
    role: Annotated[RoleCode | None, Query(description="A role type code.")] = None,
    active: Annotated[
        bool | None, Query(description="true: current only; false: ended or future only.")
    ] = None,
) -> Page[RoleAssignmentOut]:
    return service.list_assignments(
        session,
        principal,
        paging,
        board_id=board_id,
        school_id=school_id,
        person_id=person_id,
        partnership_id=partnership_id,
        role=role,
        active=active,
    )


@router.post(
    "/role-assignments",
    status_code=201,
    responses=problems(403),
    openapi_extra=IDEMPOTENCY_DOC,
    response_model=RoleAssignmentOut,
)
def create_assignment(
    request: Request, session: SessionDep, principal: Writer, data: RoleAssignmentCreate
) -> Any:
    return idempotent_create(
        request,
        session,
        principal.idempotency_owner,
        data,
        lambda: service.create_assignment(session, principal, data),
        "role-assignments",
    )


@router.get("/role-assignments/{roleAssignmentId}", responses=problems(404))
def get_assignment(
    session: SessionDep, principal: Reader, assignment_id: AssignmentId, response: Response
) -> RoleAssignmentOut:
    out, version = service.get_assignment(session, principal, assignment_id)
    set_etag(response, version)
    return out


@router.patch(
    "/role-assignments/{roleAssignmentId}",
    responses=problems(403, 404, 412),
    openapi_extra=IF_MATCH_DOC,
    description="Ending an assignment is setting `endsOn`; the history is kept.",
)
def update_assignment(
    session: SessionDep,
    principal: Writer,
    assignment_id: AssignmentId,
    data: RoleAssignmentUpdate,
    check: VersionCheck,
    response: Response,
) -> RoleAssignmentOut:
    out, version = service.update_assignment(session, principal, assignment_id, data, check)
    set_etag(response, version)
    return out


@router.delete(
    "/role-assignments/{roleAssignmentId}",
    status_code=204,
    responses=problems(403, 404, 412),
    openapi_extra=IF_MATCH_DOC,
    description="Only for an assignment entered by mistake; to end one, set `endsOn`.",
)
def delete_assignment(
    session: SessionDep, principal: Writer, assignment_id: AssignmentId, check: VersionCheck
) -> Response:
    service.delete_assignment(session, principal, assignment_id, check)
    return Response(status_code=204)


@router.get(
    "/schools/{schoolId}/organogram",
    responses=problems(404),
    summary="The school's roles, the people holding them and the partners they are the contact for",
)
def get_organogram(session: SessionDep, principal: Reader, school_id: SchoolId) -> overview.Organogram:
    return overview.organogram(session, principal, school_id)


@router.get(
    "/schools/{schoolId}/induction",
    responses=problems(404),
    summary="For new staff: the school's partners by level, with the colleague to go to",
)
def get_induction(session: SessionDep, principal: Reader, school_id: SchoolId) -> overview.Induction:
    return overview.induction(session, principal, school_id)
