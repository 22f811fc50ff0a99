"""HTTP endpoints: /indicators, /measurements (+ bulk), /targets and an indicator's series."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request, Response

from spil.access.service import scoped
from spil.indicators import measurements, series, service, targets
from spil.indicators.schemas import (
    BulkCreate,
    BulkOut,
    Domain,
    IndicatorCreate,
    IndicatorOut,
    MeasurementCreate,
    MeasurementOut,
    MeasurementUpdate,
    Series,
    TargetCreate,
    TargetOut,
    YearTargetCreate,
)
from spil.kit.deps import IDEMPOTENCY_DOC, IF_MATCH_DOC, SessionDep, VersionCheck, id_path, optional_id_query
from spil.kit.etag import set_etag
from spil.kit.idempotency import idempotent_create
from spil.kit.openapi import problems
from spil.kit.pagination import Page, PageParams, page_params
from spil.kit.policy import Principal

router = APIRouter(tags=["indicators"])
Reader = Annotated[Principal, Depends(scoped("indicators:read"))]
Writer = Annotated[Principal, Depends(scoped("indicators:write"))]
Paging = Annotated[PageParams, Depends(page_params)]
MeasurementId = Annotated[int, id_path("measurementId", "The measurement's id.")]
IndicatorCode = Annotated[
    str, Path(alias="code", pattern=r"^[a-z][a-z0-9-]{1,59}$", description="The indicator's code.")
]
PeriodQuery = Annotated[str | None, Query(max_length=12, pattern=r"^[0-9Q-]+$")]


@router.get("/indicators", summary="The indicator catalogue: built-in and the board's own")
def list_indicators(
    session: SessionDep,
    principal: Reader,
    board_id: Annotated[int | None, optional_id_query("boardId", "With this board's own.")] = None,
    domain: Annotated[Domain | None, Query()] = None,
) -> list[IndicatorOut]:
    return service.list_indicators(session, principal, board_id=board_id, domain=domain)


@router.post("/indicators", status_code=201, responses=problems(403, 409))
def create_indicator(session: SessionDep, principal: Writer, data: IndicatorCreate) -> IndicatorOut:
    return service.create_indicator(session, principal, data)


@router.get("/indicators/{code}", responses=problems(404))
def get_indicator(session: SessionDep, principal: Reader, code: IndicatorCode) -> IndicatorOut:
    return IndicatorOut.model_validate(service.visible_indicator(session, principal, code))


@router.get(
    "/indicators/{code}/series",
    responses=problems(403, 404),
    summary="Values per period with targets, rolled up to a board or a region; compare a board's schools",
)
def get_series(
    session: SessionDep,
    principal: Reader,
    code: IndicatorCode,
    scope: Annotated[
        str,
        Query(
            max_length=30,
            pattern=r"^[a-z]+:[0-9]+$",
            description="`school:<id>`, `board:<id>` or `region:<id>`.",
        ),
    ],
    period_from: Annotated[
        PeriodQuery, Query(alias="from", description="First period (default: 12 periods back).")
    ] = None,
    period_to: Annotated[
        PeriodQuery, Query(alias="to", description="Last period (default: the current one).")
    ] = None,
    compare: Annotated[bool, Query(description="For a board: its schools side by side.")] = False,
) -> Series:
    return series.series(session, principal, code, scope, start=period_from, end=period_to, compare=compare)


@router.get("/measurements", summary="Entered values of the schools and boards in your scope")
def list_measurements(
    session: SessionDep,
    principal: Reader,
    paging: Paging,
    indicator: Annotated[str | None, Query(max_length=60, pattern=r"^[a-z][a-z0-9-]*$")] = None,
    school_id: Annotated[int | None, optional_id_query("schoolId", "Only this school's.")] = None,
    board_id: Annotated[int | None, optional_id_query("boardId", "Only this board's.")] = None,
    date_from: Annotated[
        dt.date | None, Query(alias="from", description="Periods starting on or after.")
    ] = None,
    date_to: Annotated[
        dt.date | None, Query(alias="to", description="Periods starting on or before.")
    ] = None,
) -> Page[MeasurementOut]:
    return measurements.list_measurements(
        session,
        principal,
        paging,
        indicator=indicator,
        school_id=school_id,
        board_id=board_id,
        date_from=date_from,
        date_to=date_to,
    )


@router.post(
    "/measurements",
    status_code=201,
    responses=problems(403, 409),
    openapi_extra=IDEMPOTENCY_DOC,
    response_model=MeasurementOut,
    summary="Enter a value (409 when the indicator, scope and period have one: PATCH it instead)",
)
def create_measurement(
    request: Request, session: SessionDep, principal: Writer, data: MeasurementCreate
) -> Any:
    return idempotent_create(
        request,
        session,
        principal.idempotency_owner,
        data,
        lambda: measurements.create_measurement(session, principal, data),
        "measurements",
    )


@router.post(
    "/measurements/bulk",
    status_code=201,
    responses=problems(403),
    openapi_extra=IDEMPOTENCY_DOC,
    response_model=BulkOut,
    summary="Enter many values at once (integrations): all or nothing, per-item problems",
)
def bulk_create(request: Request, session: SessionDep, principal: Writer, data: BulkCreate) -> Any:
    return idempotent_create(
        request,
        session,
        principal.idempotency_owner,
        data,
        lambda: measurements.bulk_create(session, principal, data),
        "measurements",
    )


@router.get("/measurements/{measurementId}", responses=problems(404))
def get_measurement(
    session: SessionDep, principal: Reader, measurement_id: MeasurementId, response: Response
) -> MeasurementOut:
    out, version = measurements.get_measurement(session, principal, measurement_id)
    set_etag(response, version)
    return out


@router.patch("/measurements/{measurementId}", responses=problems(403, 404, 412), openapi_extra=IF_MATCH_DOC)
def update_measurement(
    session: SessionDep,
    principal: Writer,
    measurement_id: MeasurementId,
    data: MeasurementUpdate,
    check: VersionCheck,
    response: Response,
) -> MeasurementOut:
    out, version = measurements.update_measurement(session, principal, measurement_id, data, check)
    set_etag(response, version)
    return out


@router.delete(
    "/measurements/{measurementId}",
    status_code=204,
    responses=problems(403, 404, 412),
    openapi_extra=IF_MATCH_DOC,
)
def delete_measurement(
    session: SessionDep, principal: Writer, measurement_id: MeasurementId, check: VersionCheck
) -> Response:
    measurements.delete_measurement(session, principal, measurement_id, check)
    return Response(status_code=204)


@router.get("/targets", summary="Targets per indicator, scope and period")
def list_targets(
    session: SessionDep,
    principal: Reader,
    indicator: Annotated[str | None, Query(max_length=60, pattern=r"^[a-z][a-z0-9-]*$")] = None,
) -> list[TargetOut]:
    return targets.list_targets(session, principal, indicator)


@router.put(
    "/targets",
    responses=problems(403),
    summary="Set (or replace) the target of an indicator, scope and period",
)
def set_target(session: SessionDep, principal: Writer, data: TargetCreate) -> TargetOut:
    return targets.create_target(session, principal, data)


@router.put(
    "/targets/year",
    responses=problems(403),
    summary="Set (or replace) the target of every period of a school year or calendar year at once",
)
def set_targets_for_year(session: SessionDep, principal: Writer, data: YearTargetCreate) -> list[TargetOut]:
    return targets.set_year_targets(session, principal, data)
