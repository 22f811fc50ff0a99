"""How jobs under the job agreement are counted (FACTS.md §3 and §7; decision record 0016).

- One job is 25.5 paid hours a week; a placement counts ``hours ÷ 25.5`` jobs, smaller and
  larger ones pro rata (12.75 hours is half a job, 38.25 hours one and a half).
- A month's figure is the average over its days: a placement counts for the days of the month
  on which it runs *and* counts towards the job agreement, so one that ends on the 15th of a
  30-day month counts half its jobs that month.
- The quota view: the jobs the sector's quota asks of a board in a year are
  ``annual paid staff hours × quota % ÷ 1,331`` (the sector fund Voion's yearly figure).

Exact decimals throughout; rounded only where shown.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

HOURS_PER_JOB = Decimal("25.5")
HOURS_PER_JOB_YEAR = Decimal("1331")  # Voion: annual hours of one job under the quota
ZERO = Decimal("0")


@dataclass(frozen=True)
class Span:
    """What the counting needs of a placement."""

    hours_per_week: Decimal
    starts_on: dt.date
    ends_on: dt.date | None
    counts: bool


def jobs_of_hours(hours_per_week: Decimal) -> Decimal:
    """Jobs for a number of hours a week: hours ÷ 25.5 (exact)."""
    return Decimal(hours_per_week) / HOURS_PER_JOB


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    days = calendar.monthrange(year, month)[1]
    return dt.date(year, month, 1), dt.date(year, month, days)


def days_running(span: Span, first: dt.date, last: dt.date) -> int:
    """The days from ``first`` to ``last`` (inclusive) on which the placement runs."""
    start = max(span.starts_on, first)
    end = last if span.ends_on is None else min(span.ends_on, last)
    return max(0, (end - start).days + 1)


def jobs_in_month(spans: Iterable[Span], year: int, month: int, *, until: dt.date | None = None) -> Decimal:
    """The jobs of the month: each counting placement's jobs times the share of the month's days
    it ran. ``until`` (today, say) leaves out the days after it: a month still under way counts
    only what has happened, over the days so far."""
    first, last = month_bounds(year, month)
    if until is not None:
        if until < first:
            return ZERO
        last = min(last, until)
    days = Decimal((last - first).days + 1)
    total = ZERO
    for span in spans:
        if not span.counts:
            continue
        ran = days_running(span, first, last)
        if ran:
            total += jobs_of_hours(span.hours_per_week) * Decimal(ran) / days
    return total


def jobs_on(spans: Iterable[Span], day: dt.date) -> Decimal:
    """The jobs that run and count on one day."""
    return sum(
        (
            jobs_of_hours(s.hours_per_week)
            for s in spans
            if s.counts and s.starts_on <= day and (s.ends_on is None or s.ends_on >= day)
        ),
        ZERO,
    )


def quota_jobs(paid_hours: Decimal, percentage: Decimal) -> Decimal:
    """The jobs the quota asks for a year: annual paid hours × quota % ÷ 1,331."""
    return Decimal(paid_hours) * Decimal(percentage) / Decimal(100) / HOURS_PER_JOB_YEAR


def ambition_in_jobs(jobs: Decimal | None, hours_per_week: Decimal | None) -> Decimal | None:
    """The ambition as a number of jobs: the jobs named, else the hours a week ÷ 25.5."""
    if jobs is not None:
        return Decimal(jobs)
    if hours_per_week is not None:
        return jobs_of_hours(hours_per_week)
    return None


def shown(value: Decimal | None, places: str = "0.01") -> Decimal | None:
    """A figure as shown: two decimals, half up."""
    return None if value is None else Decimal(value).quantize(Decimal(places), rounding=ROUND_HALF_UP)


def months_between(first: dt.date, last: dt.date) -> list[tuple[int, int]]:
    """The (year, month) pairs from ``first``'s month to ``last``'s month, inclusive."""
    out = []
    index, end = first.year * 12 + first.month - 1, last.year * 12 + last.month - 1
    while index <= end:
        out.append((index // 12, index % 12 + 1))
        index += 1
    return out
