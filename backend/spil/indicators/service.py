"""Business rules: the indicator catalogue, measurements (one per indicator, scope and period),
targets, and series rolled up school → board → region."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any, Literal

import sqlalchemy as sa
from sqlmodel import Session

from spil.complaints.cases import SMALL
from spil.indicators import derived, periods
from spil.indicators.models import Indicator, Measurement, Target
from spil.indicators.schemas import (
    BulkCreate,
    BulkOut,
    IndicatorCreate,
    IndicatorOut,
    MeasurementCreate,
    MeasurementOut,
    MeasurementUpdate,
    Series,
    TargetCreate,
    TargetOut,
)
from spil.keypersons.service import invalid
from spil.kit import clock
from spil.kit.crud import audited_create, audited_delete, audited_update
from spil.kit.errors import ProblemError, field_problem, not_found
from spil.kit.pagination import Page, PageParams, paginate
from spil.kit.policy import Capability, Principal
from spil.organisations.models import Board, LabourMarketRegion, Municipality, School
from spil.organisations.scope import board_clause, school_clause

ZERO = Decimal("0")
HUNDRED = Decimal("100")


# --- the catalogue ---------------------------------------------------------------------------------
def _visible_boards(principal: Principal) -> sa.Select[Any]:
    return sa.select(Board.id).where(board_clause(principal))


def list_indicators(
    session: Session, principal: Principal, *, board_id: int | None, domain: str | None
) -> list[IndicatorOut]:
    stmt = sa.select(Indicator).where(
        sa.or_(Indicator.board_id.is_(None), Indicator.board_id.in_(_visible_boards(principal)))
    )
    if board_id is not None:
        stmt = stmt.where(sa.or_(Indicator.board_id.is_(None), Indicator.board_id == board_id))
    if domain is not None:
        stmt = stmt.where(Indicator.domain == domain)
    rows = session.execute(stmt.order_by(Indicator.board_id.is_not(None), Indicator.id)).scalars()
    return [IndicatorOut.model_validate(r) for r in rows]


def find_indicator(session: Session, code: str, board_id: int | None) -> Indicator | None:
    """A board's own indicator of that code, else the built-in one."""
    return (
        session.execute(
            sa.select(Indicator)
            .where(
                Indicator.code == code, sa.or_(Indicator.board_id.is_(None), Indicator.board_id == board_id)
            )
            .order_by(Indicator.board_id.is_(None))
        )
        .scalars()
        .first()
    )


def visible_indicator(session: Session, principal: Principal, code: str) -> Indicator:
    found = (
        session.execute(
            sa.select(Indicator)
            .where(
                Indicator.code == code,
                sa.or_(Indicator.board_id.is_(None), Indicator.board_id.in_(_visible_boards(principal))),
            )
            .order_by(Indicator.board_id.is_(None))
        )
        .scalars()
        .first()
    )
    if found is None:
        raise not_found("indicator")
    return found


def create_indicator(session: Session, principal: Principal, data: IndicatorCreate) -> IndicatorOut:
    if (
        session.execute(sa.select(Board.id).where(Board.id == data.board_id, board_clause(principal))).first()
        is None
    ):
        raise field_problem(
            400, "boardId", f"There is no board with id {data.board_id} in your scope.", "unknown-reference"
        )
    principal.require(Capability.MANAGE_BOARD, board_id=data.board_id)
    if find_indicator(session, data.code, data.board_id) is not None:
        raise field_problem(409, "code", f"The indicator code '{data.code}' already exists.", "duplicate")
    indicator = Indicator(**data.model_dump(), derived=False)
    audited_create(session, principal, indicator, "indicator", board_id=lambda i: i.board_id)
    return IndicatorOut.model_validate(indicator)


# --- scopes and values ------------------------------------------------------------------------------
def _scope(
    session: Session, principal: Principal, school_id: int | None, board_id: int | None, prefix: str = ""
) -> tuple[int, int | None, str]:
    """(board id, school id, scope key) of a body's scope, which must be in the principal's scope
    (a region's schools are not: regions read aggregates only)."""
    if school_id is not None:
        row = session.execute(
            sa.select(School.board_id).where(School.id == school_id, school_clause(principal, regional=False))
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
    boards = principal.board_ids() | {
        b
        for (b,) in session.execute(
            sa.select(School.board_id).where(School.id.in_(principal.school_ids() or {0}))
        )
    }
    if not principal.is_platform_admin and board_id not in boards:
        raise invalid(
            [
                (
                    f"{prefix}boardId",
                    "unknown-reference",
                    f"There is no board with id {board_id} in your scope.",
                )
            ]
        )
    if session.get(Board, board_id) is None:
        raise invalid([(f"{prefix}boardId", "unknown-reference", f"There is no board with id {board_id}.")])
    return board_id, None, f"board:{board_id}"


def value_problems(indicator: Indicator, value: Decimal, field: str) -> list[tuple[str, str, str]]:
    if indicator.unit == "percentage" and not ZERO <= value <= HUNDRED:
        return [(field, "out-of-range", "A percentage lies between 0 and 100.")]
    if indicator.unit == "count" and (value < 0 or value != value.to_integral_value()):
        return [(field, "not-a-count", "A count is a whole number of 0 or more.")]
    if indicator.unit in ("hours", "score") and value < 0:
        return [(field, "negative", f"{indicator.unit.capitalize()} cannot be negative.")]
    return []


def _period(
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
    board_id, school_id, scope_key = _scope(session, principal, data.school_id, data.board_id, prefix)
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
    start, problems = _period(indicator, data.period, f"{prefix}period")
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


def _measurement_clause(principal: Principal) -> sa.ColumnElement[bool]:
    schools = sa.select(School.id).where(school_clause(principal, regional=False))
    boards = (
        sa.select(Board.id).where(board_clause(principal, Capability.READ))
        if principal.is_platform_admin
        else sa.select(School.board_id).where(school_clause(principal, regional=False))
    )
    return sa.or_(
        Measurement.school_id.in_(schools),
        sa.and_(Measurement.school_id.is_(None), Measurement.board_id.in_(boards)),
    )


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
        .where(_measurement_clause(principal))
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
        .where(Measurement.id == ident, _measurement_clause(principal))
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


# --- targets -------------------------------------------------------------------------------------------
def create_target(session: Session, principal: Principal, data: TargetCreate) -> TargetOut:
    board_id, school_id, scope_key = _scope(session, principal, data.school_id, data.board_id)
    indicator = find_indicator(session, data.indicator, board_id)
    if indicator is None:
        raise invalid([("indicator", "unknown-indicator", f"There is no indicator '{data.indicator}'.")])
    start, problems = _period(indicator, data.period, "period")
    problems += value_problems(indicator, data.value, "value")
    if problems or start is None:
        raise invalid(problems)
    principal.require(Capability.MANAGE_SCHOOL, board_id=board_id, school_id=school_id)
    target = (
        session.execute(
            sa.select(Target).where(
                Target.indicator_id == indicator.id,
                Target.scope_key == scope_key,
                Target.period == data.period,
            )
        )
        .scalars()
        .first()
    )
    if target is None:
        target = Target(
            indicator_id=indicator.id or 0,
            board_id=board_id,
            school_id=school_id,
            scope_key=scope_key,
            period=data.period,
            period_start=start,
            value=data.value,
        )
        audited_create(session, principal, target, "indicator-target", board_id=lambda t: t.board_id)
    else:  # a target is set, not accumulated: setting it again replaces it
        audited_update(
            session, principal, target, {"value": data.value}, "indicator-target", board_id=board_id
        )
    return TargetOut.model_validate({**target.model_dump(), "indicator": indicator.code})


def list_targets(session: Session, principal: Principal, indicator: str | None) -> list[TargetOut]:
    schools = sa.select(School.id).where(school_clause(principal, regional=False))
    stmt = (
        sa.select(Target, Indicator.code)
        .join(Indicator, Indicator.id == Target.indicator_id)
        .where(
            sa.or_(
                Target.school_id.in_(schools),
                sa.and_(Target.school_id.is_(None), Target.board_id.in_(_visible_boards(principal))),
            )
        )
    )
    if indicator is not None:
        stmt = stmt.where(Indicator.code == indicator)
    rows = session.execute(stmt.order_by(Target.period_start, Target.id)).all()
    return [TargetOut.model_validate({**t.model_dump(), "indicator": code}) for t, code in rows]


# --- series and roll-ups ----------------------------------------------------------------------------------
def _period_range(indicator: Indicator, start: str | None, end: str | None, today: dt.date) -> list[str]:
    freq = indicator.frequency
    problems: list[tuple[str, str, str]] = []
    first = last = None
    if end is not None:
        last, found = _period(indicator, end, "to")
        problems += found
    if start is not None:
        first, found = _period(indicator, start, "from")
        problems += found
    if problems:
        raise ProblemError(
            400,
            problems[0][2],
            code="wrong-period",
            invalid_params=[{"name": f, "in": "query", "code": c, "reason": r} for f, c, r in problems],
        )
    last = last or periods.start_of(freq, periods.period_of(freq, today))
    step = {"month": 1, "quarter": 3, "school-year": 12}[freq]
    first = first or _shift(last, -11 * step)
    if first > last:
        raise ProblemError(
            400,
            "'from' is after 'to'.",
            code="invalid-range",
            invalid_params=[
                {"name": "from", "in": "query", "code": "invalid-range", "reason": "After 'to'."}
            ],
        )
    out: list[str] = []
    day = first
    while day <= last and len(out) < 120:
        out.append(periods.period_of(freq, day))
        day = _shift(day, step)
    return out


def _shift(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _aggregate(aggregation: str, values: list[Decimal]) -> Decimal | None:
    if not values:
        return None
    if aggregation == "sum":
        return sum(values, ZERO)
    return (sum(values, ZERO) / len(values)).quantize(Decimal("0.0001"))  # mean; "last" across schools: mean


def _combine(indicator: Indicator, total: Decimal, count: int) -> Decimal | None:
    """What ``_aggregate`` gives for values whose sum and number the database counted."""
    if count == 0:
        return None
    if indicator.aggregation == "sum":
        return total
    return (total / count).quantize(Decimal("0.0001"))


def _schools_of_scope(
    session: Session, principal: Principal, scope: str, compare: bool
) -> tuple[str, list[tuple[int, str]], int | None]:
    """(name, schools, board id) of ``scope``: `school:<id>`, `board:<id>` or `region:<id>`."""
    kind, _, raw = scope.partition(":")
    if kind not in ("school", "board", "region") or not raw.isdigit() or not 0 < int(raw) < 2**31:
        raise ProblemError(
            400,
            "scope is school:<id>, board:<id> or region:<id>.",
            code="invalid-scope",
            invalid_params=[
                {
                    "name": "scope",
                    "in": "query",
                    "code": "invalid-scope",
                    "reason": "school:<id>, board:<id> or region:<id>.",
                }
            ],
        )
    ident = int(raw)
    if kind == "school":
        row = session.execute(
            sa.select(School.id, School.name, School.board_id).where(
                School.id == ident, school_clause(principal, regional=False)
            )
        ).first()
        if row is None:
            raise not_found("school")
        return row[1], [(row[0], row[1])], row[2]
    if kind == "board":
        board = (
            session.execute(sa.select(Board).where(Board.id == ident, board_clause(principal)))
            .scalars()
            .first()
        )
        if board is None:
            raise not_found("board")
        if compare and not principal.is_platform_admin and ident not in principal.board_ids():
            raise not_found("school comparison")  # school-level figures are for the board's own staff
        schools = session.execute(
            sa.select(School.id, School.name).where(School.board_id == ident).order_by(School.name)
        ).all()
        return board.name, [(s, n) for s, n in schools], ident
    region = session.get(LabourMarketRegion, ident)
    if region is None:
        raise not_found("region")
    schools = session.execute(
        sa.select(School.id, School.name)
        .join(Municipality, Municipality.id == School.municipality_id)
        .where(Municipality.region_id == ident)
    ).all()
    return region.name, [(s, n) for s, n in schools], None


def _entered_values(
    session: Session,
    indicator: Indicator,
    school_ids: list[int],
    board_id: int | None,
    first: dt.date,
    last: dt.date,
) -> tuple[dict[int, dict[str, Decimal]], dict[str, Decimal]]:
    """Per school per period, and the board's own entries per period."""
    per_school: dict[int, dict[str, Decimal]] = defaultdict(dict)
    board_values: dict[str, Decimal] = {}
    rows = session.execute(
        sa.select(Measurement.school_id, Measurement.board_id, Measurement.period, Measurement.value).where(
            Measurement.indicator_id == indicator.id,
            Measurement.period_start >= first,
            Measurement.period_start <= last,
            sa.or_(
                Measurement.school_id.in_(school_ids),
                sa.and_(Measurement.school_id.is_(None), Measurement.board_id == (board_id or 0)),
            ),
        )
    ).all()
    for school_id, _board, period, value in rows:
        if school_id is None:
            board_values[period] = Decimal(value)
        else:
            per_school[school_id][period] = Decimal(value)
    return per_school, board_values


def _entered_totals(
    session: Session,
    indicator: Indicator,
    school_ids: list[int],
    board_id: int | None,
    first: dt.date,
    last: dt.date,
) -> tuple[dict[str, tuple[Decimal, int]], dict[str, Decimal]]:
    """The schools' (sum, count) per period, added up by the database, and the board's own
    entries: a board's or region's line needs no school's single value, so thousands of rows
    stay in PostgreSQL (docs/performance.md)."""
    in_range = (
        Measurement.indicator_id == indicator.id,
        Measurement.period_start >= first,
        Measurement.period_start <= last,
    )
    totals = {
        period: (Decimal(total), int(n))
        for period, total, n in session.execute(
            sa.select(Measurement.period, sa.func.sum(Measurement.value), sa.func.count())
            .where(*in_range, Measurement.school_id.in_(school_ids))
            .group_by(Measurement.period)
        ).all()
    }
    board_values: dict[str, Decimal] = {}
    if board_id is not None:
        board_values = {
            period: Decimal(value)
            for period, value in session.execute(
                sa.select(Measurement.period, Measurement.value).where(
                    *in_range, Measurement.school_id.is_(None), Measurement.board_id == board_id
                )
            ).all()
        }
    return totals, board_values


def series(
    session: Session,
    principal: Principal,
    code: str,
    scope: str,
    *,
    start: str | None,
    end: str | None,
    compare: bool,
    today: dt.date | None = None,
) -> Series:
    today = today or clock.today()
    indicator = visible_indicator(session, principal, code)
    name, schools, board_id = _schools_of_scope(session, principal, scope, compare)
    labels = _period_range(indicator, start, end, today)
    first = periods.start_of(indicator.frequency, labels[0])
    last = periods.start_of(indicator.frequency, labels[-1])
    school_ids = [s for s, _ in schools]
    suppress: set[int] = set()
    per_school: dict[int, dict[str, Decimal]] = {}
    totals: dict[str, tuple[Decimal, int]] | None = None  # (sum, count) per period from the database
    board_values: dict[str, Decimal] = {}  # a board's own entry: it replaces the roll-up
    board_extra: dict[str, Decimal] = {}  # what belongs to the board as a whole: added to it
    if indicator.derived:
        if code in derived.EXTRA_API_SCOPE:
            principal.require_scope(derived.EXTRA_API_SCOPE[code])
        step = {"month": 1, "quarter": 3, "school-year": 12}[indicator.frequency]
        window = derived.Window(
            indicator=indicator,
            school_ids=school_ids,
            board_id=board_id if scope.startswith("board:") else None,
            first=first,
            end=_shift(last, step),
            today=today,
        )
        computed = derived.compute(session, principal, window)
        per_school, suppress, board_extra = computed.per_school, computed.suppress, computed.board_extra
    elif compare or scope.startswith("school:"):
        per_school, board_values = _entered_values(session, indicator, school_ids, board_id, first, last)
    else:
        own_board = board_id if scope.startswith("board:") else None
        totals, board_values = _entered_totals(session, indicator, school_ids, own_board, first, last)
    target_key = scope if not scope.startswith("region:") else None
    targets: dict[str, Decimal] = dict(
        session.execute(
            sa.select(Target.period, Target.value).where(
                Target.indicator_id == indicator.id,
                Target.scope_key == (target_key or ""),
                Target.period.in_(labels),
            )
        ).all()
    )

    def point(
        period: str,
        values: list[Decimal],
        small: bool,
        target: Any = None,
        one_school: bool = False,
        total: tuple[Decimal, int] | None = None,
    ) -> dict[str, Any]:
        """``small``: suppression applies. A school's own figure is then hidden whatever its size
        (next to the board's it would give the small numbers away); an aggregate only below 5.
        ``total``: the (sum, count) the database added up, instead of the single values."""
        value = _aggregate(indicator.aggregation, values) if total is None else _combine(indicator, *total)
        hidden = small and value is not None and (one_school or value < SMALL)
        return {
            "period": period,
            "value": None if hidden else value,
            "target": target,
            "contributors": len(values) if total is None else total[1],
            "suppressed": hidden,
        }

    points = []
    for period in labels:
        if scope.startswith("board:") and period in board_values:
            points.append(point(period, [board_values[period]], False, targets.get(period)))
            continue
        if totals is not None:
            points.append(point(period, [], False, targets.get(period), total=totals.get(period, (ZERO, 0))))
            continue
        values = [per_school[s][period] for s in school_ids if period in per_school.get(s, {})]
        small = bool(suppress & {s for s in school_ids if period in per_school.get(s, {})})
        points.append(
            point(period, values, small, targets.get(period), one_school=scope.startswith("school:"))
        )
        if period in board_extra and not points[-1]["suppressed"]:
            # the board's own share of a sum: added to the figure, not a contributor
            value = points[-1]["value"]
            points[-1]["value"] = board_extra[period] + (value if value is not None else ZERO)
    compared = None
    if compare and scope.startswith("board:"):
        compared = [
            {
                "school_id": s,
                "school_name": n,
                "points": [
                    point(p, [per_school[s][p]] if p in per_school.get(s, {}) else [], s in suppress)
                    for p in labels
                ],
            }
            for s, n in schools
        ]
    return Series.model_validate(
        {
            "indicator": IndicatorOut.model_validate(indicator),
            "scope": scope,
            "scope_name": name,
            "points": points,
            "schools": compared,
        }
    )
