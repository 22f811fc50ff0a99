"""Targets: the value aimed at per indicator, scope and period (setting one again replaces it)."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlmodel import Session

from spil.indicators import periods
from spil.indicators.measurements import entry_scope, parse_period, value_problems
from spil.indicators.models import Indicator, Target
from spil.indicators.schemas import (
    TargetCreate,
    TargetOut,
    YearTargetCreate,
)
from spil.indicators.service import find_indicator
from spil.kit import scope
from spil.kit.crud import audited_create, audited_update
from spil.kit.errors import invalid
from spil.kit.policy import Capability, Principal


# --- targets -------------------------------------------------------------------------------------------
def create_target(session: Session, principal: Principal, data: TargetCreate) -> TargetOut:
    board_id, school_id, scope_key = entry_scope(session, principal, data.school_id, data.board_id)
    indicator = find_indicator(session, data.indicator, board_id)
    if indicator is None:
        raise invalid([("indicator", "unknown-indicator", f"There is no indicator '{data.indicator}'.")])
    start, problems = parse_period(indicator, data.period, "period")
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


def year_periods(frequency: str, year: str) -> list[str] | None:
    """The periods of ``frequency`` that start in ``year`` (a school year ``2026-2027`` or a calendar
    year ``2027``); None when the year is not of a kind the frequency divides."""
    if "-" in year:
        first, second = (int(part) for part in year.split("-"))
        if second != first + 1:
            return None
        start, end = dt.date(first, 8, 1), dt.date(second, 7, 31)
    else:
        if frequency == "school-year":
            return None  # a calendar year holds parts of two school years
        start, end = dt.date(int(year), 1, 1), dt.date(int(year), 12, 31)
    if frequency == "school-year":
        return [year]
    step = 1 if frequency == "month" else 3
    out, day = [], dt.date(start.year, ((start.month - 1) // step) * step + 1, 1)
    while day <= end:
        if day >= start:
            out.append(periods.period_of(frequency, day))
        month = day.month - 1 + step
        day = dt.date(day.year + month // 12, month % 12 + 1, 1)
    return out


def set_year_targets(session: Session, principal: Principal, data: YearTargetCreate) -> list[TargetOut]:
    """The same target for every period of a year, in one transaction (issue 16: targets are set
    for a whole year at once, not period by period)."""
    board_id, _, _ = entry_scope(session, principal, data.school_id, data.board_id)
    indicator = find_indicator(session, data.indicator, board_id)
    if indicator is None:
        raise invalid([("indicator", "unknown-indicator", f"There is no indicator '{data.indicator}'.")])
    chosen = year_periods(indicator.frequency, data.year)
    if chosen is None or not 2000 <= int(data.year[:4]) <= 2099:
        reason = (
            "Give a school year such as 2026-2027, between 2000 and 2100."
            if indicator.frequency == "school-year"
            else (
                "Give a school year such as 2026-2027 or a calendar year such as 2027, between 2000 and 2100."
            )
        )
        raise invalid([("year", "wrong-year", reason)])
    return [
        create_target(
            session,
            principal,
            TargetCreate(
                indicator=data.indicator,
                school_id=data.school_id,
                board_id=data.board_id,
                period=p,
                value=data.value,
            ),
        )
        for p in chosen
    ]


def list_targets(session: Session, principal: Principal, indicator: str | None) -> list[TargetOut]:
    stmt = (
        sa.select(Target, Indicator.code)
        .join(Indicator, Indicator.id == Target.indicator_id)
        .where(scope.school_or_board(principal, Target.school_id, Target.board_id, regional_boards=True))
    )
    if indicator is not None:
        stmt = stmt.where(Indicator.code == indicator)
    rows = session.execute(stmt.order_by(Target.period_start, Target.id)).all()
    return [TargetOut.model_validate({**t.model_dump(), "indicator": code}) for t, code in rows]
