"""HTTP endpoints: /imports/{kind} (CSV with dry run) and /exports/{kind} (CSV or XLSX)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from spil.access.service import current_principal
from spil.kit.deps import SessionDep
from spil.kit.openapi import problems
from spil.kit.policy import Principal
from spil.kit.schemas import MAX_ID
from spil.transfer import exports
from spil.transfer.service import COLUMNS, ImportResult, Kind, import_csv

router = APIRouter(tags=["import and export"])

IMPORT_BODY = {
    "requestBody": {
        "required": True,
        "description": "The CSV file as it comes from Excel or a school administration system: "
        "UTF-8 (with or without BOM) or Windows-1252, `;` or `,` separated, a header row. Columns per kind: "
        + "; ".join(f"{k}: {', '.join(v)}" for k, v in COLUMNS.items())
        + ". Dutch column names (naam, categorie, talen, rol, ...) are accepted too.",
        "content": {"text/csv": {"schema": {"type": "string", "format": "binary"}}},
    }
}


@router.post(
    "/imports/{kind}",
    summary="Import partners, people, role assignments or measurements from CSV (dry run by default)",
    responses=problems(403),
    openapi_extra=IMPORT_BODY,
)
async def run_import(
    request: Request,
    session: SessionDep,
    principal: Annotated[Principal, Depends(current_principal)],
    kind: Annotated[Kind, Path(description="What the file holds.")],
    board_id: Annotated[
        int, Query(alias="boardId", ge=1, le=MAX_ID, description="The board to import into.")
    ],
    dry_run: Annotated[
        bool, Query(alias="dryRun", description="Only check and preview; write nothing.")
    ] = True,
    valid_only: Annotated[
        bool, Query(alias="validOnly", description="Write the valid rows even when some rows have errors.")
    ] = False,
) -> ImportResult:
    raw = await request.body()
    # The import is synchronous database work: in the thread pool, not on the event loop, so that
    # a large file does not hold up every other request of this worker.
    return await run_in_threadpool(
        import_csv, session, principal, kind, board_id, raw, dry_run=dry_run, valid_only=valid_only
    )


@router.get(
    "/exports/{kind}",
    summary="Export a list as CSV (Excel-ready: UTF-8 with BOM, `;`) or XLSX",
    responses={
        200: {
            "content": {
                "text/csv": {},
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {},
            },
            "description": "The file.",
        }
    },
    response_class=Response,
)
def run_export(
    session: SessionDep,
    principal: Annotated[Principal, Depends(current_principal)],
    kind: Annotated[exports.ExportKind, Path()],
    fmt: Annotated[Literal["csv", "xlsx"], Query(alias="format")] = "csv",
    board_id: Annotated[int | None, Query(alias="boardId", ge=1, le=MAX_ID)] = None,
) -> Response:
    principal.require_scope(exports.SCOPES[kind])
    content, media_type, filename = exports.export(session, principal, kind, board_id, fmt)
    return Response(
        content, media_type=media_type, headers={"Content-Disposition": f'attachment; filename="{filename}"'}
    )
