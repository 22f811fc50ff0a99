"""Derived indicators: values computed from the registry, never entered.

Each built-in derived indicator has one function here, registered under its code. A function
gets the schools of the requested scope and the period range and returns the values per school
per period, the schools whose small numbers must be hidden from this caller, and (for a board)
what belongs to the board as a whole rather than to one of its schools.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

import sqlalchemy as sa
from sqlmodel import Session, col

from spil.complaints.models import ConfidentialCase
from spil.gaps.service import gaps_of
from spil.inclusion import counting
from spil.inclusion.models import InclusionPlacement
from spil.indicators import periods
from spil.indicators.models import Indicator
from spil.keypersons import allowance as rules
from spil.keypersons.ledger import month_of
from spil.keypersons.models import (
    AllowancePayment,
    AllowanceRuleSet,
    KeyPersonActivity,
    VolunteerAgreement,
    VolunteerAgreementSchool,
)
from spil.keypersons.rulesets import limits_for_year, rule_set_for
from spil.kit import scope
from spil.kit.errors import not_found
from spil.kit.gaps import GapScope
from spil.kit.policy import Capability, Principal
from spil.organisations.models import School
from spil.partners.models import Partnership
from spil.people.models import RoleAssignment, active_assignment

ZERO = Decimal("0")
ONE = Decimal("1")
STEP_MONTHS = {"month": 1, "quarter": 3, "school-year": 12}


@dataclass(frozen=True)
class Window:
    """What a derived indicator is asked for."""

    indicator: Indicator
    school_ids: list[int]
    board_id: int | None  # set only for a board scope: then board-wide records count as well
    first: dt.date  # the first day of the first period
    end: dt.date  # the day after the last period
    today: dt.date

    @property
    def frequency(self) -> str:
        return self.indicator.frequency

    @property
    def current(self) -> str:
        """The period of today: snapshots of the registry, which keeps no history, land there."""
        return periods.period_of(self.frequency, self.today)


@dataclass
class Derived:
    per_school: dict[int, dict[str, Decimal]] = field(default_factory=lambda: defaultdict(dict))
    suppress: set[int] = field(default_factory=set)
    board_extra: dict[str, Decimal] = field(default_factory=dict)
    # a ``share`` indicator's counts per school and period: (part, whole)
    parts: dict[int, dict[str, tuple[int, int]]] = field(default_factory=lambda: defaultdict(dict))

    def add(self, school_id: int, period: str, amount: Decimal) -> None:
        self.per_school[school_id][period] = self.per_school[school_id].get(period, ZERO) + amount

    def add_share(self, school_id: int, period: str, part: int, whole: int) -> None:
        """A school's percentage with the counts it comes from, so that a roll-up divides the
        summed counts instead of averaging the percentages."""
        if whole <= 0:
            return
        self.parts[school_id][period] = (part, whole)
        self.per_school[school_id][period] = share(part, whole)


def share(part: int, whole: int) -> Decimal:
    """``part`` of ``whole`` as a percentage with two decimals."""
    return (Decimal(100 * part) / whole).quantize(Decimal("0.01"))


Compute = Callable[[Session, Principal, Window], Derived]
DERIVED: dict[str, Compute] = {}
# What an API key needs besides ``indicators:read`` to read a derived indicator: the values come
# from records that another scope guards.
EXTRA_API_SCOPE: dict[str, str] = {}
# Derived from records about single people that only the staff of a school or board may read (a
# key person's allowances): such an indicator is there only for a scope whose every school the
# caller reads that way. Otherwise a board's figure less one's own school's would give away the
# other schools' key persons, and a region contact would read what the ledger never shows them.
PERSONAL: set[str] = set()


def derived(
    *codes: str, api_scope: str | None = None, personal: bool = False
) -> Callable[[Compute], Compute]:
    def register(fn: Compute) -> Compute:
        for code in codes:
            DERIVED[code] = fn
            if api_scope:
                EXTRA_API_SCOPE[code] = api_scope
            if personal:
                PERSONAL.add(code)
        return fn

    return register


def compute(session: Session, principal: Principal, window: Window) -> Derived:
    code = window.indicator.code
    if code in PERSONAL and window.school_ids:
        readable = session.execute(
            sa.select(sa.func.count()).where(
                School.id.in_(window.school_ids), School.id.in_(scope.schools(principal))
            )
        ).scalar_one()
        if readable < len(set(window.school_ids)):
            raise not_found("indicator for this scope")
    fn = DERIVED.get(code)
    if fn is None:  # a derived indicator this version does not know how to compute: no values
        return Derived()
    return fn(session, principal, window)


@derived("key-person-activities", "parents-reached", api_scope="key-persons:read")
def activities(session: Session, principal: Principal, w: Window) -> Derived:
    out = Derived()
    rows = session.execute(
        sa.select(
            KeyPersonActivity.school_id, KeyPersonActivity.occurred_on, KeyPersonActivity.parents_reached
        ).where(
            KeyPersonActivity.school_id.in_(w.school_ids),
            KeyPersonActivity.occurred_on >= w.first,
            KeyPersonActivity.occurred_on < w.end,
        )
    ).all()
    for school_id, day, parents in rows:
        amount = ONE if w.indicator.code == "key-person-activities" else Decimal(parents)
        out.add(school_id, periods.period_of(w.frequency, day), amount)
    return out


@derived("active-partnerships", "partnerships-two-contacts", api_scope="partners:read")
def partnerships(session: Session, principal: Principal, w: Window) -> Derived:
    out = Derived()
    rows = session.execute(
        sa.select(Partnership.id, Partnership.school_id, Partnership.status).where(
            Partnership.school_id.in_(w.school_ids), Partnership.status.in_(("exploring", "active"))
        )
    ).all()
    contacts: dict[int, int] = dict(
        session.execute(
            sa.select(RoleAssignment.partnership_id, sa.func.count(sa.distinct(RoleAssignment.person_id)))
            .where(RoleAssignment.partnership_id.in_([r[0] for r in rows] or [0]), active_assignment(w.today))
            .group_by(RoleAssignment.partnership_id)
        ).all()
    )
    by_school: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for pid, school_id, status in rows:
        by_school[school_id].append((status, contacts.get(pid, 0)))
    for school_id in w.school_ids:
        items = by_school.get(school_id, [])
        if w.indicator.code == "active-partnerships":
            out.add(school_id, w.current, Decimal(sum(1 for status, _ in items if status == "active")))
        elif items:
            out.add_share(school_id, w.current, sum(1 for _, n in items if n >= 2), len(items))
    return out


@derived("confidential-cases")
def confidential_cases(session: Session, principal: Principal, w: Window) -> Derived:
    """Exact numbers only where the caller is the confidential counsellor; elsewhere hidden below 5."""
    out = Derived()
    exact = set(
        session.execute(
            sa.select(School.id).where(
                School.id.in_(w.school_ids), School.id.in_(scope.schools(principal, Capability.CONFIDENTIAL))
            )
        ).scalars()
    )
    rows = session.execute(
        sa.select(ConfidentialCase.school_id, ConfidentialCase.opened_on).where(
            ConfidentialCase.school_id.in_(w.school_ids),
            ConfidentialCase.opened_on >= w.first,
            ConfidentialCase.opened_on < w.end,
        )
    ).all()
    for school_id, day in rows:
        out.add(school_id, periods.period_of(w.frequency, day), ONE)
    out.suppress = {s for s in w.school_ids if s not in exact}
    return out


GAP_SEVERITY = {"open-gaps-error": "error", "open-gaps-warning": "warning"}


@derived(*GAP_SEVERITY, api_scope="partners:read")
def open_gaps(session: Session, principal: Principal, w: Window) -> Derived:
    """The gaps of ``GET /gaps`` of one severity, counted per school now. A board's own gaps (a
    board-wide partnership without a contact) count for the board, not for one of its schools."""
    out = Derived()
    if not w.first <= periods.start_of(w.frequency, w.current) < w.end:
        return out
    severity = GAP_SEVERITY[w.indicator.code]
    boards = [w.board_id] if w.board_id is not None else []
    found = gaps_of(session, GapScope.of(w.school_ids, boards, w.today))
    for school_id in w.school_ids:
        out.add(school_id, w.current, ZERO)  # no gaps is a value too: zero, not unknown
    for gap in found:
        if gap.severity != severity:
            continue
        if gap.school_id is not None:
            out.add(gap.school_id, w.current, ONE)
        else:
            out.board_extra[w.current] = out.board_extra.get(w.current, ZERO) + ONE
    return out


@derived("allowance-headroom", api_scope="key-persons:read", personal=True)
def allowance_headroom(session: Session, principal: Principal, w: Window) -> Derived:
    """What key persons with an allowance may still receive this year under the yearly maximum,
    at the end of each month: the maximum less all their allowances of the year so far (every
    agreement counts, as in the ledger). A key person counts once a month, at the first school of
    the agreements that run that month, so that a board's sum does not count anyone twice. Only
    for callers who read every school of the scope as its staff (``PERSONAL``)."""
    out = Derived()
    last_month = periods.start_of("month", periods.period_of("month", w.today))
    if not session.execute(sa.select(AllowanceRuleSet.id)).first():
        return out
    candidates = set(
        session.execute(
            sa.select(VolunteerAgreement.person_id)
            .join(VolunteerAgreementSchool, VolunteerAgreementSchool.agreement_id == VolunteerAgreement.id)
            .where(VolunteerAgreementSchool.school_id.in_(w.school_ids))
        ).scalars()
    )
    if not candidates:
        return out
    rows = session.execute(
        sa.select(
            VolunteerAgreement.person_id,
            VolunteerAgreement.starts_on,
            VolunteerAgreement.ends_on,
            sa.func.min(VolunteerAgreementSchool.school_id),
        )
        .join(VolunteerAgreementSchool, VolunteerAgreementSchool.agreement_id == VolunteerAgreement.id)
        .where(
            VolunteerAgreement.allowance_scheme.in_(("fixed", "hourly")),
            VolunteerAgreement.starts_on < w.end,
            sa.or_(col(VolunteerAgreement.ends_on).is_(None), col(VolunteerAgreement.ends_on) >= w.first),
            VolunteerAgreement.person_id.in_(candidates),
        )
        .group_by(VolunteerAgreement.id, VolunteerAgreement.person_id)
    ).all()
    if not rows:
        return out
    wanted = set(w.school_ids)
    until = min(w.end - dt.timedelta(days=1), last_month)
    years = range(w.first.year, until.year + 1)
    payments: dict[tuple[int, int], list[rules.Month]] = defaultdict(list)
    for payment in session.execute(
        sa.select(AllowancePayment).where(
            AllowancePayment.person_id.in_({r[0] for r in rows}), AllowancePayment.year.in_(list(years))
        )
    ).scalars():
        payments[(payment.person_id, payment.year)].append(month_of(payment))
    limits = {year: limits_for_year(rule_set_for(session, year, fallback=True)[0], year) for year in years}
    # The room of each key person at the end of each period: a position, not a flow, so the last
    # month of a quarter or school year is what counts. In each month a key person counts once, at
    # the first school of the agreements that run that month, so a board's sum counts nobody twice.
    position: dict[tuple[str, int], tuple[int, Decimal]] = {}
    month = w.first
    while month <= until:
        month_end = _next_month(month) - dt.timedelta(days=1)
        label = periods.period_of(w.frequency, month)
        home: dict[int, int] = {}
        for person_id, starts_on, ends_on, school_id in rows:
            if starts_on <= month_end and (ends_on is None or ends_on >= month):
                home[person_id] = min(school_id, home.get(person_id, school_id))
        for person_id, school_id in home.items():
            so_far = rules.merge_months(m for m in payments[(person_id, month.year)] if m.period <= month)
            counted = sum((m.counted for m in so_far), ZERO)
            position[(label, person_id)] = (school_id, max(ZERO, limits[month.year].max_per_year - counted))
        month = _next_month(month)
    for (label, _person), (school_id, room) in position.items():
        if school_id in wanted:
            out.add(school_id, label, room)
    return out


@derived("job-agreement-jobs", api_scope="inclusion:read")
def job_agreement_jobs(session: Session, principal: Principal, w: Window) -> Derived:
    """Jobs under the job agreement at each school per month: hours ÷ 25.5 of every placement that
    counts, pro rata for the days of the month it ran (``spil.inclusion.counting``). The month
    under way counts the days so far; later months have no value yet. Quarters and school years
    sum their months as any "sum" indicator would, so monthly frequency is what is shipped."""
    out = Derived()
    rows = session.execute(
        sa.select(
            InclusionPlacement.school_id,
            InclusionPlacement.hours_per_week,
            InclusionPlacement.starts_on,
            InclusionPlacement.ends_on,
        ).where(
            InclusionPlacement.school_id.in_(w.school_ids),
            InclusionPlacement.counts_towards_job_agreement.is_(True),
            InclusionPlacement.starts_on < w.end,
            sa.or_(col(InclusionPlacement.ends_on).is_(None), col(InclusionPlacement.ends_on) >= w.first),
        )
    ).all()
    spans: dict[int, list[counting.Span]] = defaultdict(list)
    for school_id, hours, starts_on, ends_on in rows:
        spans[school_id].append(counting.Span(hours, starts_on, ends_on, True))
    last = min(w.end - dt.timedelta(days=1), w.today)
    months = counting.months_between(w.first, last) if w.first <= last else []
    zero = Decimal("0.0000")
    for school_id in w.school_ids:
        mine = spans.get(school_id)
        for year, month in months:
            value = counting.jobs_in_month(mine, year, month, until=w.today) if mine else zero
            out.add(
                school_id,
                periods.period_of(w.frequency, dt.date(year, month, 1)),
                value.quantize(Decimal("0.0001")),
            )
    return out


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
