"""Series: an indicator's values per period for a scope (a school, a board, a region of any kind,
a municipality) with its targets, rolled up school -> board -> region or municipality per the
indicator's aggregation."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal, cast

import sqlalchemy as sa
from sqlmodel import Session

from spil.complaints.cases import SMALL
from spil.indicators import derived, periods
from spil.indicators.measurements import parse_period
from spil.indicators.models import Indicator, Measurement, Target
from spil.indicators.schemas import (
    IndicatorOut,
    Series,
)
from spil.indicators.service import visible_indicator
from spil.kit import clock, scope
from spil.kit.errors import invalid, not_found
from spil.kit.policy import Principal
from spil.organisations.models import Municipality, Region, School
from spil.organisations.service import visible_board, visible_school

ZERO = Decimal("0")
HUNDRED = Decimal("100")


# --- series and roll-ups ----------------------------------------------------------------------------------
def _period_range(indicator: Indicator, start: str | None, end: str | None, today: dt.date) -> list[str]:
    freq = indicator.frequency
    problems: list[tuple[str, str, str]] = []
    first = last = None
    if end is not None:
        last, found = parse_period(indicator, end, "to")
        problems += found
    if start is not None:
        first, found = parse_period(indicator, start, "from")
        problems += found
    if problems:
        raise invalid(problems, detail=problems[0][2], location="query", code="wrong-period")
    last = last or periods.start_of(freq, periods.period_of(freq, today))
    step = {"month": 1, "quarter": 3, "school-year": 12}[freq]
    first = first or _shift(last, -11 * step)
    if first > last:
        raise invalid(
            [("from", "invalid-range", "After 'to'.")],
            detail="'from' is after 'to'.",
            location="query",
            code="invalid-range",
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


ScopeKind = Literal["school", "board", "region", "municipality"]


@dataclass(frozen=True)
class SeriesScope:
    """The ``scope`` of a series, parsed: ``school:<id>``, ``board:<id>`` or ``region:<id>``."""

    kind: ScopeKind
    id: int

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.id}"

    @classmethod
    def parse(cls, text: str) -> SeriesScope:
        kind, _, raw = text.partition(":")
        if (
            kind not in ("school", "board", "region", "municipality")
            or not raw.isdigit()
            or not 0 < int(raw) < 2**31
        ):
            raise invalid(
                [("scope", "invalid-scope", "school:<id>, board:<id>, region:<id> or municipality:<id>.")],
                detail="scope is school:<id>, board:<id>, region:<id> or municipality:<id>.",
                location="query",
                code="invalid-scope",
            )
        return cls(cast(ScopeKind, kind), int(raw))


def _schools_of_scope(
    session: Session, principal: Principal, wanted: SeriesScope, compare: bool
) -> tuple[str, list[tuple[int, str]], int | None]:
    """(name, schools, board id) of the scope, which must be the principal's (404 otherwise)."""
    kind, ident = wanted.kind, wanted.id
    if kind == "school":
        school = visible_school(session, principal, ident)
        return school.name, [(ident, school.name)], school.board_id
    if kind == "board":
        board = visible_board(session, principal, ident, regional=True)
        if compare and not principal.is_platform_admin and ident not in principal.board_ids():
            raise not_found("school comparison")  # school-level figures are for the board's own staff
        schools = session.execute(
            sa.select(School.id, School.name).where(School.board_id == ident).order_by(School.name)
        ).all()
        return board.name, [(s, n) for s, n in schools], ident
    if kind == "municipality":
        municipality = scope.first_or_404(
            session,
            sa.select(Municipality).where(
                Municipality.id == ident, scope.municipality_visible(principal, Municipality.id)
            ),
            "municipality",
        )[0]
        name, areas = municipality.name, sa.select(Municipality.id).where(Municipality.id == ident)
    else:
        region = scope.first_or_404(
            session,
            sa.select(Region).where(Region.id == ident, scope.region_visible(principal, Region.id)),
            "region",
        )[0]
        name, areas = region.name, scope.region_municipalities({ident})
    schools = session.execute(
        sa.select(School.id, School.name).where(School.municipality_id.in_(areas)).order_by(School.name)
    ).all()
    return name, [(s, n) for s, n in schools], None


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
    scope_text: str,
    *,
    start: str | None,
    end: str | None,
    compare: bool,
    today: dt.date | None = None,
) -> Series:
    today = today or clock.today()
    indicator = visible_indicator(session, principal, code)
    wanted = SeriesScope.parse(scope_text)
    name, schools, board_id = _schools_of_scope(session, principal, wanted, compare)
    labels = _period_range(indicator, start, end, today)
    first = periods.start_of(indicator.frequency, labels[0])
    last = periods.start_of(indicator.frequency, labels[-1])
    school_ids = [s for s, _ in schools]
    suppress: set[int] = set()
    per_school: dict[int, dict[str, Decimal]] = {}
    parts: dict[int, dict[str, tuple[int, int]]] = {}  # a share's counts per school and period
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
            board_id=board_id if wanted.kind == "board" else None,
            first=first,
            end=_shift(last, step),
            today=today,
        )
        computed = derived.compute(session, principal, window)
        per_school, suppress, board_extra = computed.per_school, computed.suppress, computed.board_extra
        parts = computed.parts
    elif compare or wanted.kind == "school":
        per_school, board_values = _entered_values(session, indicator, school_ids, board_id, first, last)
    else:
        own_board = board_id if wanted.kind == "board" else None
        totals, board_values = _entered_totals(session, indicator, school_ids, own_board, first, last)
    target_key = wanted.key if wanted.kind in ("school", "board") else None
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
        counts: list[tuple[int, int]] | None = None,
    ) -> dict[str, Any]:
        """``small``: suppression applies. A school's own figure is then hidden whatever its size
        (next to the board's it would give the small numbers away); an aggregate only below 5.
        ``total``: the (sum, count) the database added up, instead of the single values."""
        value: Decimal | None
        if counts:  # a share: the summed parts of the summed wholes, never a mean of percentages
            value = derived.share(sum(p for p, _ in counts), sum(w for _, w in counts))
        elif total is None:
            value = _aggregate(indicator.aggregation, values)
        else:
            value = _combine(indicator, *total)
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
        if wanted.kind == "board" and period in board_values:
            points.append(point(period, [board_values[period]], False, targets.get(period)))
            continue
        if totals is not None:
            points.append(point(period, [], False, targets.get(period), total=totals.get(period, (ZERO, 0))))
            continue
        values = [per_school[s][period] for s in school_ids if period in per_school.get(s, {})]
        small = bool(suppress & {s for s in school_ids if period in per_school.get(s, {})})
        counts = [parts[s][period] for s in school_ids if period in parts.get(s, {})]
        one_school = wanted.kind == "school"
        points.append(point(period, values, small, targets.get(period), one_school=one_school, counts=counts))
        if period in board_extra and not points[-1]["suppressed"]:
            # the board's own share of a sum: added to the figure, not a contributor
            value = points[-1]["value"]
            points[-1]["value"] = board_extra[period] + (value if value is not None else ZERO)
    compared = None
    if compare and wanted.kind == "board":
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
            "scope": wanted.key,
            "scope_name": name,
            "points": points,
            "schools": compared,
        }
    )
