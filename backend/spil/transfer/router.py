"""HTTP endpoints: /imports/{kind} (CSV with dry run), /imports/duo-schools (a board's schools from
DUO's open data, with dry run) and /exports/{kind} (CSV or XLSX)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from spil.access.service import current_principal, scoped
from spil.kit import messages
from spil.kit.deps import SessionDep
from spil.kit.openapi import problems
from spil.kit.policy import Principal
from spil.kit.schemas import MAX_ID
from spil.kit.upload import read_upload, upload_body
from spil.organisations.schemas import Sector
from spil.transfer import duo, exports
from spil.transfer.service import COLUMNS, MAX_BYTES, ImportResult, Kind, import_csv

router = APIRouter(tags=["import and export"])

IMPORT_BODY = upload_body(
    "The file as it comes from Excel or a school administration system: an Excel workbook (XLSX, its "
    "first sheet) or CSV (UTF-8 with or without BOM, or Windows-1252; `;` or `,` separated), with a "
    "header row. Columns per kind: "
    + "; ".join(f"{k}: {', '.join(v)}" for k, v in COLUMNS.items())
    + ". The Dutch and English column labels of Spil's exports are read too (`Naam`, `KvK-nummer`, "
    "`E-mailadres`, `Soort`, ...), whatever the case, accents or punctuation, and so are the names of "
    "categories, roles and kinds (`Bibliotheek`, `Intern begeleider`, `Vrijwilliger`). A column Spil "
    "does not know is left out; `columns` in the answer says how each was read.",
    example="naam;categorie;kvknummer;e-mail\n"
    "Bibliotheek Zuid-Kennemerland;library;41223344;info@bibliotheek.example\n",
)
DUO_BODY = upload_body(
    "DUO's open-data file of school locations (*Adressen alle vestigingen*, duo.nl, Open "
    "onderwijsdata, per sector) as downloaded: current column names (`BEVOEGD GEZAG NUMMER`, "
    "`VESTIGINGSCODE`, `VESTIGINGSNAAM`, `GEMEENTENUMMER`, ...) or older ones (`BRIN NUMMER`, "
    "`VESTIGINGSNUMMER`); `;` or `,` separated; UTF-8 or Latin-1/Windows-1252.",
    example="BEVOEGD GEZAG NUMMER;VESTIGINGSCODE;VESTIGINGSNAAM;STRAATNAAM;HUISNUMMER-TOEVOEGING;POSTCODE;"
    "PLAATSNAAM;GEMEENTENUMMER;DENOMINATIE\n41234;12AB00;OBS DE SPIL;KLEVERPARKWEG;12;2023CA;HAARLEM;0392;"
    "Openbaar\n",
)


# Before ``/imports/{kind}``: routes are matched in order, and ``duo-schools`` is no kind.
@router.post(
    "/imports/duo-schools",
    summary="Create or update a board's schools from DUO's file of school locations (dry run by default)",
    description="Reads the rows of the board's number (`BEVOEGD GEZAG NUMMER`) and matches each to a "
    "school by its location code: created, updated (name, sector, municipality, address, phone, "
    "website, denomination) or unchanged; an empty cell changes nothing. The answer is the diff per "
    "school, and per row the problems with their column (an unknown municipality, a location of "
    "another board, which is never taken over). Nothing is written in a dry run, nor when a row has "
    "a problem unless `validOnly`. Every change is in the audit trail; the same file again changes "
    "nothing. Needs the board's administrator (an API key: `organisations:write`, bound to the board).",
    responses=problems(403, 404),
    openapi_extra=DUO_BODY,
)
async def run_duo_import(
    request: Request,
    session: SessionDep,
    principal: Annotated[Principal, Depends(scoped("organisations:write"))],
    board_id: Annotated[
        int, Query(alias="boardId", ge=1, le=MAX_ID, description="The board whose schools the file updates.")
    ],
    dry_run: Annotated[
        bool, Query(alias="dryRun", description="Only check and show the changes; write nothing.")
    ] = True,
    valid_only: Annotated[
        bool, Query(alias="validOnly", description="Write the rows without problems even when some have one.")
    ] = False,
    sector: Annotated[
        Sector | None,
        Query(
            description="The sector of new schools whose row does not name the kind of school (special "
            "education's file does: sbo, so, vso); without it, DUO's file of primary schools gives PO."
        ),
    ] = None,
) -> duo.DuoImportResult:
    raw = await read_upload(request, limit=duo.MAX_BYTES)
    return await run_in_threadpool(
        duo.import_duo_schools,
        session,
        principal,
        board_id,
        raw,
        dry_run=dry_run,
        valid_only=valid_only,
        sector=sector,
    )


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
    raw = await read_upload(request, limit=MAX_BYTES)
    # The import is synchronous database work: in the thread pool, not on the event loop, so that
    # a large file does not hold up every other request of this worker.
    return await run_in_threadpool(
        import_csv,
        session,
        principal,
        kind,
        board_id,
        raw,
        dry_run=dry_run,
        valid_only=valid_only,
        lang=messages.language_of(request),
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
    lang: Annotated[
        Literal["nl", "en"],
        Query(
            description="`nl` (default): Dutch column labels and names (`Naam`, `Categorie`: `Bibliotheek`), "
            "as people edit them; `en`: Spil's field names and codes (`name`, `category`: `library`). "
            "Both import back unchanged."
        ),
    ] = "nl",
) -> Response:
    principal.require_scope(exports.SCOPES[kind])
    content, media_type, filename = exports.export(session, principal, kind, board_id, fmt, lang)
    return Response(
        content, media_type=media_type, headers={"Content-Disposition": f'attachment; filename="{filename}"'}
    )
