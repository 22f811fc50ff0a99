"""Measurements: one value per indicator, scope (a school, or a board as a whole) and period;
entered one by one, in bulk or by import, changed with If-Match."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Literal

import sqlalchemy as sa
from sqlmodel import Session

from spil.indicators import periods
from spil.indicators.models import Indicator, Measurement
from spil.indicators.schemas import (
    BulkCreate,
    BulkOut,
    MeasurementCreate,
    MeasurementOut,
    MeasurementUpdate,
)
from spil.indicators.service import find_indicator
from spil.kit import scope
from spil.kit.crud import audited_create, audited_delete, audited_update
from spil.kit.errors import ProblemError, invalid, not_found
from spil.kit.pagination import Page, PageParams, paginate
from spil.kit.policy import Capability, Principal
from spil.organisations.models import Board, School

ZERO = Decimal("0")
HUNDRED = Decimal("100")


# --- scopes and values ------------------------------------------------------------------------------
def entry_scope(
    session: Session, principal: Principal, school_id: int | None, board_id: int | None, prefix: str = ""
) -> tuple[int, int | None, str]:
    """(board id, school id, scope key) of a body's scope, which must be in the principal's scope
    (a region's schools are not: regions read aggregates only)."""
    if school_id is not None:
        row = session.execute(
            sa.select(School.board_id).where(School.id == school_id, School.id.in_(scope.schools(principal)))
        ).first()
        if row is None:
            raise invalid(
                [
                    (
                        f"{prefix}schoolId",
                        "unknown-reference",
                        f"There is no school with id {school_id} in your scope.",
                    )
                ]
            )
        return row[0], school_id, f"school:{school_id}"
    assert board_id is not None
    if (
        session.execute(
            sa.select(Board.id).where(Board.id == board_id, Board.id.in_(scope.boards(principal)))
        ).first()
        is None
    ):
        raise invalid(
            [
                (
                    f"{prefix}boardId",
                    "unknown-reference",
                    f"There is no board with id {board_id} in your scope.",
                )
            ]
        )
    return board_id, None, f"board:{board_id}"


def value_problems(indicator: Indicator, value: Decimal, field: str) -> list[tuple[str, str, str]]:
    if indicator.unit == "percentage" and not ZERO <= value <= HUNDRED:
        return [(field, "out-of-range", "A percentage lies between 0 and 100.")]
    if indicator.unit == "count" and (value < 0 or value != value.to_integral_value()):
        return [(field, "not-a-count", "A count is a whole number of 0 or more.")]
    if indicator.unit in ("hours", "score") and value < 0:
        return [(field, "negative", f"{indicator.unit.capitalize()} cannot be negative.")]
    return []


def parse_period(
    indicator: Indicator, period: str, field: str
) -> tuple[dt.date | None, list[tuple[str, str, str]]]:
    try:
        return periods.start_of(indicator.frequency, period), []
    except periods.PeriodError as exc:
        return None, [
            (field, "wrong-period", f"{exc} ('{indicator.code}' is measured per {indicator.frequency}.)")
        ]


def _prepare(
    session: Session,
    principal: Principal,
    data: MeasurementCreate,
    prefix: str = "",
    source: str | None = None,
) -> tuple[Measurement | None, list[tuple[str, str, str]]]:
    """A validated, not yet inserted measurement, or the problems with it."""
    board_id, school_id, scope_key = entry_scope(session, principal, data.school_id, data.board_id, prefix)
    indicator = find_indicator(session, data.indicator, board_id)
    if indicator is None:
        return None, [
            (f"{prefix}indicator", "unknown-indicator", f"There is no indicator '{data.indicator}'.")
        ]
    if indicator.derived:
        return None, [
            (
                f"{prefix}indicator",
                "derived",
                f"'{data.indicator}' is computed from the registry, not entered.",
            )
        ]
    start, problems = parse_period(indicator, data.period, f"{prefix}period")
    problems += value_problems(indicator, data.value, f"{prefix}value")
    if problems or start is None:
        return None, problems
    principal.require(Capability.EDIT, board_id=board_id, school_id=school_id)
    source = source or ("api" if principal.kind == "api-client" else "entered")
    return (
        Measurement(
            indicator_id=indicator.id or 0,
            board_id=board_id,
            school_id=school_id,
            scope_key=scope_key,
            period=data.period,
            period_start=start,
            value=data.value,
            source=source,
            entered_by=principal.label,
            note=data.note,
        ),
        [],
    )


def _duplicate(session: Session, m: Measurement) -> int | None:
    return session.scalar(
        sa.select(Measurement.id).where(
            Measurement.indicator_id == m.indicator_id,
            Measurement.scope_key == m.scope_key,
            Measurement.period == m.period,
        )
    )


def _duplicate_problem(existing: int, field: str) -> ProblemError:
    return ProblemError(
        409,
        f"A value for this indicator, scope and period exists already (measurement {existing}); "
        "change it with PATCH and If-Match instead.",
        code="duplicate",
        invalid_params=[{"name": field, "in": "body", "code": "duplicate", "reason": "Already measured."}],
        extra={"existingId": existing},
    )


def _codes(session: Session, ids: Iterable[int]) -> dict[int, str]:
    return dict(
        session.execute(sa.select(Indicator.id, Indicator.code).where(Indicator.id.in_(set(ids)))).all()
    )


def measurement_out(m: Measurement, code: str) -> MeasurementOut:
    return MeasurementOut.model_validate({**m.model_dump(), "indicator": code})


def create_measurement(
    session: Session, principal: Principal, data: MeasurementCreate
) -> tuple[MeasurementOut, int]:
    m, problems = _prepare(session, principal, data)
    if problems or m is None:
        raise invalid(problems)
    if (existing := _duplicate(session, m)) is not None:
        raise _duplicate_problem(existing, "period")
    audited_create(
        session, principal, m, "measurement", board_id=lambda x: x.board_id, school_id=lambda x: x.school_id
    )
    return measurement_out(m, data.indicator), m.version


def upsert_measurement(
    session: Session, principal: Principal, data: MeasurementCreate, source: str
) -> tuple[Literal["create", "update", "unchanged"], str]:
    """For the CSV import: create, or change the value of the existing one (not committed).
    Returns the status (create, update, unchanged) and a key naming the row."""
    m, problems = _prepare(session, principal, data, source=source)
    if problems or m is None:
        raise invalid(problems)
    key = f"{data.indicator} {m.scope_key} {data.period}"
    existing = (
        session.execute(
            sa.select(Measurement).where(
                Measurement.indicator_id == m.indicator_id,
                Measurement.scope_key == m.scope_key,
                Measurement.period == m.period,
            )
        )
        .scalars()
        .first()
    )
    if existing is None:
        audited_create(
            session,
            principal,
            m,
            "measurement",
            board_id=lambda x: x.board_id,
            school_id=lambda x: x.school_id,
        )
        return "create", key
    changes = {"value": m.value, "note": m.note, "source": source}
    if existing.value == m.value and existing.note == m.note:
        return "unchanged", key
    audited_update(session, principal, existing, changes, "measurement", board_id=existing.board_id)
    return "update", key


def bulk_create(session: Session, principal: Principal, data: BulkCreate) -> tuple[BulkOut, int]:
    """All or nothing: every item is checked first; one problem and nothing is written."""
    prepared: list[Measurement] = []
    problems: list[tuple[str, str, str]] = []
    seen: set[tuple[int, str, str]] = set()
    for i, item in enumerate(data.items):
        m, found = _prepare(session, principal, item, f"items.{i}.")
        problems += found
        if m is None:
            continue
        key = (m.indicator_id, m.scope_key, m.period)
        if key in seen:
            problems.append(
                (f"items.{i}.period", "duplicate", "The same indicator, scope and period occur twice.")
            )
        elif (existing := _duplicate(session, m)) is not None:
            problems.append((f"items.{i}.period", "duplicate", f"Already measured (measurement {existing})."))
        seen.add(key)
        prepared.append(m)
    if problems:
        raise invalid(problems, detail=f"{len(problems)} problem(s) in the items; nothing was written.")
    for m in prepared:
        audited_create(
            session,
            principal,
            m,
            "measurement",
            board_id=lambda x: x.board_id,
            school_id=lambda x: x.school_id,
        )
    codes = _codes(session, [m.indicator_id for m in prepared])
    return BulkOut(
        created=len(prepared), items=[measurement_out(m, codes[m.indicator_id]) for m in prepared]
    ), 1


def list_measurements(
    session: Session,
    principal: Principal,
    params: PageParams,
    *,
    indicator: str | None,
    school_id: int | None,
    board_id: int | None,
    date_from: dt.date | None,
    date_to: dt.date | None,
) -> Page[MeasurementOut]:
    stmt = (
        sa.select(Measurement, Indicator.code)
        .join(Indicator, Indicator.id == Measurement.indicator_id)
        .where(scope.school_or_board(principal, Measurement.school_id, Measurement.board_id))
    )
    for column, value in (
        (Indicator.code, indicator),
        (Measurement.school_id, school_id),
        (Measurement.board_id, board_id),
    ):
        if value is not None:
            stmt = stmt.where(column == value)
    if date_from is not None:
        stmt = stmt.where(Measurement.period_start >= date_from)
    if date_to is not None:
        stmt = stmt.where(Measurement.period_start <= date_to)
    return paginate(
        session,
        stmt,
        params,
        sortable={"period": Measurement.period_start, "value": Measurement.value},
        default_sort=[Measurement.period_start.desc()],
        tiebreak=Measurement.id,
        convert=lambda row: measurement_out(row[0], row[1]),
    )


def _visible_measurement(session: Session, principal: Principal, ident: int) -> tuple[Measurement, Indicator]:
    row = session.execute(
        sa.select(Measurement, Indicator)
        .join(Indicator, Indicator.id == Measurement.indicator_id)
        .where(
            Measurement.id == ident,
            scope.school_or_board(principal, Measurement.school_id, Measurement.board_id),
        )
    ).first()
    if row is None:
        raise not_found("measurement")
    return row[0], row[1]


def get_measurement(session: Session, principal: Principal, ident: int) -> tuple[MeasurementOut, int]:
    m, indicator = _visible_measurement(session, principal, ident)
    return measurement_out(m, indicator.code), m.version


def update_measurement(
    session: Session, principal: Principal, ident: int, data: MeasurementUpdate, check: Callable[[int], None]
) -> tuple[MeasurementOut, int]:
    m, indicator = _visible_measurement(session, principal, ident)
    principal.require(Capability.EDIT, board_id=m.board_id, school_id=m.school_id)
    check(m.version)
    changes = data.model_dump(exclude_unset=True)
    if "value" in changes:
        if changes["value"] is None:
            raise invalid([("value", "required", "A measurement needs a value.")])
        if problems := value_problems(indicator, changes["value"], "value"):
            raise invalid(problems)
    audited_update(session, principal, m, changes, "measurement", board_id=m.board_id, school_id=m.school_id)
    return measurement_out(m, indicator.code), m.version


def delete_measurement(
    session: Session, principal: Principal, ident: int, check: Callable[[int], None]
) -> None:
    m, _ = _visible_measurement(session, principal, ident)
    principal.require(Capability.EDIT, board_id=m.board_id, school_id=m.school_id)
    check(m.version)
    audited_delete(session, principal, m, "measurement", board_id=m.board_id, school_id=m.school_id)
