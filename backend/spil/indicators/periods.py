"""Periods of an indicator's frequency: `2025-03` (month), `2025-Q1` (quarter), `2024-2025`
(school year, 1 August to 31 July)."""

from __future__ import annotations

import datetime as dt
import re

PATTERNS = {
    # [0-9], not \d: \d also matches other scripts' digits ("２０２５-03")
    "month": re.compile(r"^([0-9]{4})-(0[1-9]|1[0-2])$"),
    "quarter": re.compile(r"^([0-9]{4})-Q([1-4])$"),
    "school-year": re.compile(r"^([0-9]{4})-([0-9]{4})$"),
}
EXAMPLES = {"month": "2025-03", "quarter": "2025-Q1", "school-year": "2024-2025"}


class PeriodError(ValueError):
    pass


def start_of(frequency: str, period: str) -> dt.date:
    """The first day of ``period``; a ``PeriodError`` when it does not fit the frequency."""
    match = PATTERNS[frequency].match(period)
    if match is None:
        raise PeriodError(f"'{period}' is not a {frequency} period; write it like {EXAMPLES[frequency]}.")
    year = int(match.group(1))
    if not 2000 <= year <= 2100:
        raise PeriodError(f"'{period}' is outside 2000-2100.")
    if frequency == "month":
        return dt.date(year, int(match.group(2)), 1)
    if frequency == "quarter":
        return dt.date(year, 3 * (int(match.group(2)) - 1) + 1, 1)
    if int(match.group(2)) != year + 1:
        raise PeriodError(f"'{period}' is not a school year: the second year must follow the first.")
    return dt.date(year, 8, 1)


def period_of(frequency: str, day: dt.date) -> str:
    """The period of ``frequency`` that contains ``day``."""
    if frequency == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if frequency == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    first = day.year if day.month >= 8 else day.year - 1
    return f"{first}-{first + 1}"
