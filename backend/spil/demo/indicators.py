"""Demo indicators: six months of parent contacts, this school year's attendance and a target.

Parent contacts are entered for OBS De Spil and De Regenboog for the six months before this
one, rising each month; parent-evening attendance for this school year (64.5 % and 48 %) with
a target of 70 % at OBS De Spil, so that the charts show a trend and a gap to the target.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlmodel import Session, col, select

from spil.indicators.models import Indicator, Measurement, Target
from spil.indicators.periods import period_of, start_of
from spil.organisations.models import School


def seed_indicators(session: Session, today: dt.date) -> None:
    """Six months of parent contacts at two schools, this school year's attendance and a target
    (idempotent: skipped once any measurement exists)."""
    if session.exec(select(Measurement)).first() is not None:
        return
    indicators = {i.code: i for i in session.exec(select(Indicator).where(col(Indicator.board_id).is_(None)))}
    schools = {s.location_code: s for s in session.exec(select(School)).all()}
    contacts = indicators["parent-contacts"]
    for back in range(6, 0, -1):
        index = today.year * 12 + today.month - 1 - back
        period = f"{index // 12:04d}-{index % 12 + 1:02d}"
        for code, base in (("12AB00", 30), ("23CD00", 18)):
            school = schools[code]
            session.add(
                Measurement(
                    indicator_id=contacts.id,
                    board_id=school.board_id,
                    school_id=school.id,
                    scope_key=f"school:{school.id}",
                    period=period,
                    period_start=start_of("month", period),
                    value=Decimal(base + 3 * (6 - back)),
                    entered_by="demo",
                )
            )
    attendance = indicators["parent-evening-attendance"]
    year = period_of("school-year", today)
    for code, value in (("12AB00", "64.5"), ("23CD00", "48")):
        school = schools[code]
        session.add(
            Measurement(
                indicator_id=attendance.id,
                board_id=school.board_id,
                school_id=school.id,
                scope_key=f"school:{school.id}",
                period=year,
                period_start=start_of("school-year", year),
                value=Decimal(value),
                entered_by="demo",
            )
        )
    spil = schools["12AB00"]
    session.add(
        Target(
            indicator_id=attendance.id,
            board_id=spil.board_id,
            school_id=spil.id,
            scope_key=f"school:{spil.id}",
            period=year,
            period_start=start_of("school-year", year),
            value=Decimal("70"),
        )
    )
