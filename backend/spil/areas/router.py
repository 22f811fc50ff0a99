"""HTTP endpoints: ``/municipalities/{id}/overview`` and ``/regions/{id}/overview`` (with an export)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Response

from spil.access.service import scoped
from spil.areas import service
from spil.areas.schemas import AreaOverview
from spil.kit.deps import SessionDep, id_path, optional_id_query
from spil.kit.openapi import problems
from spil.kit.pagination import PageParams, page_params
from spil.kit.policy import Principal
from spil.transfer.tabular import write_csv, write_xlsx

router = APIRouter(tags=["areas"])
Reader = Annotated[Principal, Depends(scoped("organisations:read"))]
Paging = Annotated[PageParams, Depends(page_params)]
BoardFilter = Annotated[int | None, optional_id_query("boardId", "Only this board's schools in the list.")]
SectorFilter = Annotated[
    Literal["PO", "SBO", "SO", "VO"] | None, Query(description="Only this sector's schools.")
]
Format = Annotated[Literal["csv", "xlsx"], Query(alias="format")]
DESCRIPTION = (
    "For the area's contacts (and the platform administrator): every board's schools located in the "
    "area, their coverage of the roles the law or a guideline asks of every school, partnerships by "
    "category, level and status, key-person reach, published complaint routes and the confidential "
    "cases as the annual report shows them. Never a person: a school without a role is named, the "
    "people who hold roles are not; counts below 5 that could identify someone are shown as `<5`. "
    "The indicators of the area are in `/indicators/{code}/series?scope={kind}:<id>`."
)
FILE: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {"text/csv": {}, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {}},
        "description": "The schools of the area with their coverage, as a file.",
    }
}


def _file(overview: AreaOverview, fmt: str) -> Response:
    headers, rows = service.export_rows(overview)
    name = f"spil-{overview.area.type}-{overview.area.code.lower()}"
    if fmt == "xlsx":
        content = write_xlsx(overview.area.name[:31], headers, rows)
        media = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        content, media = write_csv(headers, rows), "text/csv; charset=utf-8"
    return Response(
        content, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'}
    )


EVERYTHING = PageParams(page=1, page_size=100_000, sort=None)


@router.get(
    "/municipalities/{municipalityId}/overview",
    summary="The municipality's schools across boards: coverage, partnerships, key persons, routes",
    description=DESCRIPTION,
    responses=problems(404),
)
def municipality_overview(
    session: SessionDep,
    principal: Reader,
    municipality_id: Annotated[int, id_path("municipalityId", "The municipality's id.")],
    paging: Paging,
    board_id: BoardFilter = None,
    sector: SectorFilter = None,
) -> AreaOverview:
    return service.overview(
        session, principal, "municipality", municipality_id, paging, board_id=board_id, sector=sector
    )


@router.get(
    "/municipalities/{municipalityId}/overview/export",
    summary="The municipality's overview as CSV or XLSX (one row per school)",
    responses={**problems(404), **FILE},
    response_class=Response,
)
def municipality_overview_export(
    session: SessionDep,
    principal: Reader,
    municipality_id: Annotated[int, id_path("municipalityId", "The municipality's id.")],
    fmt: Format = "csv",
) -> Response:
    return _file(service.overview(session, principal, "municipality", municipality_id, EVERYTHING), fmt)


@router.get(
    "/regions/{regionId}/overview",
    summary="The region's schools across boards: coverage, partnerships, key persons, routes",
    description=DESCRIPTION,
    responses=problems(404),
)
def region_overview(
    session: SessionDep,
    principal: Reader,
    region_id: Annotated[int, id_path("regionId", "The region's id.")],
    paging: Paging,
    board_id: BoardFilter = None,
    sector: SectorFilter = None,
) -> AreaOverview:
    return service.overview(session, principal, "region", region_id, paging, board_id=board_id, sector=sector)


@router.get(
    "/regions/{regionId}/overview/export",
    summary="The region's overview as CSV or XLSX (one row per school)",
    responses={**problems(404), **FILE},
    response_class=Response,
)
def region_overview_export(
    session: SessionDep,
    principal: Reader,
    region_id: Annotated[int, id_path("regionId", "The region's id.")],
    fmt: Format = "csv",
) -> Response:
    return _file(service.overview(session, principal, "region", region_id, EVERYTHING), fmt)
