"""HTTP endpoints: /sync-runs (a school administration system sends what it knows now) and
/sync-role-mappings (a board's translation of job titles)."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from spil.access.service import scoped
from spil.kit.deps import IDEMPOTENCY_DOC, SessionDep, id_path, optional_id_query
from spil.kit.errors import invalid, problem_response
from spil.kit.etag import etag_for
from spil.kit.idempotency import Idempotency
from spil.kit.openapi import problems
from spil.kit.pagination import Page, PageParams, page_params
from spil.kit.policy import Principal
from spil.sync import service
from spil.sync.schemas import RoleMappingCreate, RoleMappingOut, SyncRunCreate, SyncRunOut

router = APIRouter(tags=["sync"])
Reader = Annotated[Principal, Depends(scoped("sync:read"))]
Writer = Annotated[Principal, Depends(scoped("sync:write"))]
Paging = Annotated[PageParams, Depends(page_params)]
RunId = Annotated[int, id_path("syncRunId", "The sync run's id.")]
MappingId = Annotated[int, id_path("mappingId", "The mapping's id.")]
BoardFilter = Annotated[int | None, optional_id_query("boardId", "Only this board's.")]

EXAMPLE = {
    "source": "parnassys",
    "mode": "snapshot",
    "schools": [
        {"locationCode": "12AB00", "name": "OBS De Spil", "sector": "PO", "municipalityCode": "GM0392"}
    ],
    "people": [
        {"sourceId": "PS-1001", "name": "Dewi Directeur", "email": "dewi@despil.nl"},
        {"sourceId": "PS-1002", "name": "Ilse Ib", "email": "ilse@despil.nl", "kind": "staff"},
    ],
    "roleAssignments": [
        {"personSourceId": "PS-1001", "role": "Directeur", "locationCode": "12AB00"},
        {
            "sourceId": "PS-A-77",
            "personSourceId": "PS-1002",
            "role": "Intern begeleider",
            "locationCode": "12AB00",
            "hoursPerWeek": 8,
            "startsOn": "2026-08-01",
        },
    ],
}

BODY_DOC = {
    **IDEMPOTENCY_DOC,
    "requestBody": {
        "required": True,
        "description": "What the source knows now. Every item is checked on its own: a bad item is a "
        "problem of that item (its list, index and field), the others are fine.",
        "content": {
            "application/json": {
                "schema": {"$ref": "#/components/schemas/SyncRunCreate"},
                "examples": {"parnassys": {"summary": "Two people of OBS De Spil", "value": EXAMPLE}},
            }
        },
    },
}


def add_body_schemas(doc: dict[str, Any]) -> None:
    """The body is read item by item (not by FastAPI), so its schema is added to the document here."""
    schema = SyncRunCreate.model_json_schema(by_alias=True, ref_template="#/components/schemas/{model}")
    schemas = doc.setdefault("components", {}).setdefault("schemas", {})
    for name, sub in schema.pop("$defs", {}).items():
        schemas.setdefault(name, sub)
    schemas["SyncRunCreate"] = schema


@router.post(
    "/sync-runs",
    status_code=201,
    response_model=SyncRunOut,
    responses={
        200: {"model": SyncRunOut, "description": "A dry run: what the run would change, nothing written."},
        **problems(400, 403, 404, 409),
    },
    openapi_extra=BODY_DOC,
    summary="Send what the school administration system knows now (staff, roles, schools); "
    "creates, updates and, in a snapshot, ends",
)
async def create_sync_run(
    request: Request,
    session: SessionDep,
    principal: Writer,
    board_id: BoardFilter = None,
    dry_run: Annotated[
        bool, Query(alias="dryRun", description="Answer the full diff without writing anything.")
    ] = False,
    valid_only: Annotated[
        bool, Query(alias="validOnly", description="Apply the valid items even when some have problems.")
    ] = False,
    confirm_large_removal: Annotated[
        bool,
        Query(
            alias="confirmLargeRemoval",
            description="Go ahead with a snapshot that ends more than 20 % of the source's records.",
        ),
    ] = False,
) -> Any:
    raw_bytes = await request.body()
    try:
        raw = json.loads(raw_bytes)
    except (ValueError, UnicodeDecodeError):
        raise invalid([("body", "json", "The body is not valid JSON.")], code="invalid-json") from None
    idem = Idempotency(request, session, principal.idempotency_owner)
    replay = idem.claim(
        {
            "body": raw,
            "boardId": board_id,
            "dryRun": dry_run,
            "validOnly": valid_only,
            "confirm": confirm_large_removal,
        }
    )
    if replay is not None:
        return replay
    run = await run_in_threadpool(
        service.run_sync,
        session,
        principal,
        raw,
        board_id=board_id,
        dry_run=dry_run,
        valid_only=valid_only,
        confirm_large_removal=confirm_large_removal,
    )
    out = service.run_out(run)
    if run.status == "applied":
        return idem.created(
            out,
            f"/api/v1/sync-runs/{run.id}",
            etag_for(1),
            # a replay answers the counts and problems; the diff (with names) is read at its address
            redact=lambda body: {**body, "changes": None},
        )
    idem.release()
    body = jsonable_encoder(out)
    if run.status == "dry-run":
        return JSONResponse(body, status_code=200)
    if run.status == "rejected":
        params = [
            {
                "name": f"{p['collection']}.{p['index']}" + (f".{p['field']}" if p["field"] else ""),
                "in": "body",
                "code": p["code"],
                "reason": p["detail"],
            }
            for p in run.problems
        ]
        return problem_response(
            request,
            400,
            f"{len(run.problems)} problem(s) in the items; nothing was written. Fix them, or send "
            "validOnly=true to apply the valid items.",
            code="sync-items-invalid",
            invalid_params=params,
            extra={"syncRun": body},
        )
    return problem_response(
        request,
        409,
        " ".join(p["detail"] for p in run.problems if p["code"] == "large-removal"),
        code="large-removal",
        extra={"syncRun": body},
    )


@router.get("/sync-runs", summary="The sync runs of your boards (board administrators): who, what, counts")
def list_sync_runs(
    session: SessionDep,
    principal: Reader,
    paging: Paging,
    board_id: BoardFilter = None,
    source: Annotated[str | None, Query(max_length=40, pattern=r"^[a-z][a-z0-9-]{1,39}$")] = None,
) -> Page[SyncRunOut]:
    return service.list_runs(session, principal, paging, board_id=board_id, source=source)


@router.get("/sync-runs/{syncRunId}", responses=problems(404), summary="A sync run with what it changed")
def get_sync_run(session: SessionDep, principal: Reader, run_id: RunId) -> SyncRunOut:
    return service.get_run(session, principal, run_id)


# --- role-name mappings ----------------------------------------------------------------------
@router.get(
    "/sync-role-mappings",
    responses=problems(404),
    summary="How job titles of the sources map to role types: the board's own, then the built-in defaults",
)
def list_sync_role_mappings(
    session: SessionDep,
    principal: Reader,
    board_id: Annotated[int, optional_id_query("boardId", "The board.")],
) -> list[RoleMappingOut]:
    return service.list_mappings(session, principal, board_id)


@router.post(
    "/sync-role-mappings",
    status_code=201,
    responses=problems(400, 403, 409),
    summary="Map a job title of a source to a role type (board administrator)",
)
def create_sync_role_mapping(
    session: SessionDep, principal: Writer, data: RoleMappingCreate, response: Response
) -> RoleMappingOut:
    out = service.add_mapping(session, principal, data)
    response.headers["Location"] = f"/api/v1/sync-role-mappings/{out.id}"
    return out


@router.delete("/sync-role-mappings/{mappingId}", status_code=204, responses=problems(403, 404))
def delete_sync_role_mapping(session: SessionDep, principal: Writer, mapping_id: MappingId) -> Response:
    service.delete_mapping(session, principal, mapping_id)
    return Response(status_code=204)
