"""The volunteer-allowance rules of the Belastingdienst, as a pure calculation (FACTS.md §1).

- All limits must hold: per hour (only with an hourly agreement), per month and per year.
  Crossing any one makes the *whole* allowance taxable, not just the excess.
- Reimbursement of actual, documented costs alone is not an allowance and has no maximum.
- Spil follows the Belastingdienst's own example when an allowance for effort is combined with
  a cost reimbursement: in a month with an allowance, documented costs count towards the
  month and year maxima as well (sources disagree; the explanation says so).
- Undocumented expense payments are a (lump-sum) allowance and always count.
- The hourly maximum depends on the volunteer's age at the start of the month (the lower
  maximum applies in the month of the birthday: the cautious reading).
- Money is ``Decimal`` throughout; nothing here touches a float.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

AgeBand = Literal["21-plus", "under-21"]
LimitKind = Literal["per-hour", "per-month", "per-year"]
NEAR_LIMIT_SHARE = Decimal("0.9")  # "within 10%" of a limit is a warning
CENT = Decimal("0.01")
ZERO = Decimal("0")


@dataclass(frozen=True)
class Limits:
    year: int
    max_per_hour_adult: Decimal
    max_per_hour_young: Decimal
    max_per_month: Decimal
    max_per_year: Decimal
    age_cutoff: int

    def max_per_hour(self, band: AgeBand) -> Decimal:
        return self.max_per_hour_adult if band == "21-plus" else self.max_per_hour_young


@dataclass(frozen=True)
class Month:
    period: dt.date  # the first day of the month
    allowance: Decimal = ZERO
    expenses: Decimal = ZERO
    expenses_documented: bool = True
    hours: Decimal | None = None

    @property
    def effort(self) -> Decimal:
        """The allowance for effort: what was agreed plus any expenses paid without receipts."""
        return self.allowance + (ZERO if self.expenses_documented else self.expenses)

    @property
    def counted(self) -> Decimal:
        """What counts towards the month and year maxima."""
        if self.effort <= 0:
            return ZERO  # documented costs only: not an allowance, no maximum
        return self.effort + (self.expenses if self.expenses_documented else ZERO)


@dataclass(frozen=True)
class Violation:
    limit: LimitKind
    period: str  # "2025-03" or "2025"
    maximum: Decimal
    actual: Decimal


@dataclass(frozen=True)
class Warning:
    code: str
    period: str
    maximum: Decimal
    actual: Decimal


@dataclass
class Result:
    limits: Limits
    months: list[Month]
    violations: list[Violation] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    hourly_rates: dict[str, Decimal] = field(default_factory=dict)
    age_bands: dict[str, AgeBand] = field(default_factory=dict)

    @property
    def taxable(self) -> bool:
        return bool(self.violations)

    @property
    def total_allowance(self) -> Decimal:
        return sum((m.effort for m in self.months), ZERO)

    @property
    def total_expenses(self) -> Decimal:
        return sum((m.expenses for m in self.months if m.expenses_documented), ZERO)

    @property
    def total_counted(self) -> Decimal:
        return sum((m.counted for m in self.months), ZERO)

    @property
    def year_headroom(self) -> Decimal:
        return self.limits.max_per_year - self.total_counted

    @property
    def combined(self) -> bool:
        """Whether documented costs were counted because they came with an allowance."""
        return any(m.effort > 0 and m.expenses_documented and m.expenses > 0 for m in self.months)

    @property
    def expenses_only(self) -> bool:
        return self.total_counted == 0 and any(m.expenses > 0 for m in self.months)


def month_key(period: dt.date) -> str:
    return f"{period.year:04d}-{period.month:02d}"


def month_start(code: str) -> dt.date:
    """``2025-03`` as the first day of that month."""
    year, month = code.split("-")
    return dt.date(int(year), int(month), 1)


def age_band_on(birth_date: dt.date, day: dt.date, cutoff: int) -> AgeBand:
    age = day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))
    return "21-plus" if age >= cutoff else "under-21"


def cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def evaluate(
    limits: Limits,
    months: Sequence[Month],
    *,
    hourly_agreement: bool,
    age_band: AgeBand | None = None,
    birth_date: dt.date | None = None,
) -> Result:
    """Apply the three limits to a volunteer's months of one year (all of their allowances)."""
    ordered = sorted(months, key=lambda m: m.period)
    result = Result(limits=limits, months=ordered)
    for m in ordered:
        key = month_key(m.period)
        if hourly_agreement and m.hours and m.effort > 0:
            band = age_band_on(birth_date, m.period, limits.age_cutoff) if birth_date else age_band
            band = band or "21-plus"
            result.age_bands[key] = band
            maximum = limits.max_per_hour(band)
            rate = cents(m.effort / m.hours)
            result.hourly_rates[key] = rate
            if m.effort > maximum * m.hours:
                result.violations.append(Violation("per-hour", key, maximum, rate))
        if m.counted > limits.max_per_month:
            result.violations.append(Violation("per-month", key, limits.max_per_month, m.counted))
        elif m.counted >= limits.max_per_month * NEAR_LIMIT_SHARE:
            result.warnings.append(Warning("near-month-limit", key, limits.max_per_month, m.counted))
    total = result.total_counted
    if total > limits.max_per_year:
        result.violations.append(Violation("per-year", str(limits.year), limits.max_per_year, total))
    elif total >= limits.max_per_year * NEAR_LIMIT_SHARE:
        result.warnings.append(Warning("near-year-limit", str(limits.year), limits.max_per_year, total))
    return result


# --- the ledger's arithmetic: a volunteer's payments of a year, merged and checked --------------
WEEKS_PER_MONTH = Decimal(52) / Decimal(12)


def merge_months(months: Iterable[Month]) -> list[Month]:
    """One month per period for the volunteer (all agreements): efforts and documented
    expenses added up."""
    effort: dict[dt.date, Decimal] = defaultdict(lambda: ZERO)
    documented: dict[dt.date, Decimal] = defaultdict(lambda: ZERO)
    for m in months:
        effort[m.period] += m.effort
        documented[m.period] += m.expenses if m.expenses_documented else ZERO
    return [
        Month(period=p, allowance=effort[p], expenses=documented[p], expenses_documented=True)
        for p in sorted(set(effort) | set(documented))
    ]


def hourly_violation(month: Month, limits: Limits, band: AgeBand) -> Violation | None:
    """An hourly agreement's month above the hourly maximum of its age band."""
    if not month.hours or month.effort <= 0:
        return None
    maximum = limits.max_per_hour(band)
    if month.effort > maximum * month.hours:
        return Violation("per-hour", month_key(month.period), maximum, cents(month.effort / month.hours))
    return None


def raised_violations(
    limits: Limits, before: Sequence[Month], after: Sequence[Month], period: dt.date
) -> tuple[list[Violation], Result]:
    """The limits a change of the month ``period`` crosses: those of ``after`` (the volunteer's
    months with the change) that it *raises*. Once a year is over a limit (recorded deliberately),
    documented costs alone or a correction downwards still pass."""
    was = evaluate(limits, before, hourly_agreement=False)
    result = evaluate(limits, after, hourly_agreement=False)
    key = month_key(period)
    counted_before = {month_key(m.period): m.counted for m in was.months}
    counted_after = {month_key(m.period): m.counted for m in result.months}
    found = [
        v
        for v in result.violations
        if (v.limit == "per-year" and result.total_counted > was.total_counted)
        or (v.period == key and counted_after.get(key, ZERO) > counted_before.get(key, ZERO))
    ]
    return found, result


def expected_per_month(
    scheme: str, fixed: Decimal | None, hourly_rate: Decimal | None, hours_per_week: Decimal | None
) -> Decimal:
    """What an agreement is expected to pay in a month: the fixed amount, or the hourly rate for
    the weekly hours over an average month (52 / 12 weeks)."""
    if scheme == "fixed" and fixed is not None:
        return fixed
    if scheme == "hourly" and hourly_rate is not None and hours_per_week:
        return cents(hourly_rate * hours_per_week * WEEKS_PER_MONTH)
    return ZERO


def limit_detail(violations: Sequence[Violation]) -> str:
    """Why a payment is refused, in a sentence (English; the SPA words it by the violations)."""
    parts = []
    for v in violations:
        where = period_label(v.period, "en")
        amount, maximum = euro(v.actual, "en"), euro(v.maximum, "en")
        if v.limit == "per-hour":
            parts.append(f"the hourly maximum of {maximum} ({amount} an hour in {where})")
        elif v.limit == "per-month":
            parts.append(f"the monthly maximum of {maximum} ({amount} in {where})")
        else:
            parts.append(f"the yearly maximum of {maximum} ({amount} over {where})")
    return (
        "This payment would cross "
        + " and ".join(parts)
        + ". The whole allowance of that year would then be taxable for the volunteer. Record it with "
        "acknowledgeLimitExceeded: true only if this is deliberate."
    )


def warning_message(w: Warning, language: str) -> str:
    p = period_label(w.period, language)
    amount, maximum = euro(w.actual, language), euro(w.maximum, language)
    if language == "nl":
        return f"{p} zit dicht bij de grens: {amount} van {maximum}."
    return f"{p} is close to the limit: {amount} of {maximum}."


# --- the plain-language explanation ------------------------------------------------------------
MONTHS = {
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"],
}  # fmt: skip


def euro(value: Decimal, language: str) -> str:
    text = f"{cents(value):,.2f}"
    if language == "nl":
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return f"€{text}"


def period_label(period: str, language: str) -> str:
    if len(period) == 4:
        return period
    year, month = period.split("-")
    return f"{MONTHS[language][int(month) - 1]} {year}"


def explain(
    result: Result,
    language: str,
    *,
    hourly_agreement: bool,
    sources: Sequence[dict[str, str]],
    rules_year: int | None = None,
) -> str:
    """A few plain sentences (B1 level in Dutch) on what was checked and what follows from it."""
    nl = language == "nl"
    lim = result.limits

    def e(value: Decimal) -> str:
        return euro(value, language)

    lines: list[str] = []
    rules_year = rules_year or lim.year
    if rules_year != lim.year:
        lines.append(
            f"Voor {lim.year} zijn nog geen bedragen bekend. Deze berekening gaat uit van de "
            f"bedragen van {rules_year}: dat is een aanname."
            if nl
            else f"No amounts are known for {lim.year} yet. This check assumes the amounts of {rules_year}."
        )
    if nl:
        lines.append(
            f"Regels van de Belastingdienst voor {rules_year}: een vrijwilligersvergoeding is onbelast tot "
            f"{e(lim.max_per_month)} per maand en {e(lim.max_per_year)} per jaar"
            + (
                f", en bij een vergoeding per uur tot {e(lim.max_per_hour_adult)} per uur "
                f"({lim.age_cutoff} jaar en ouder) of {e(lim.max_per_hour_young)} per uur "
                f"(jonger dan {lim.age_cutoff})."
                if hourly_agreement
                else "."
            )
        )
    else:
        lines.append(
            f"The tax authority's rules for {rules_year}: a volunteer allowance is tax-free up to "
            f"{e(lim.max_per_month)} a month and {e(lim.max_per_year)} a year"
            + (
                f", and with an hourly allowance up to {e(lim.max_per_hour_adult)} an hour "
                f"(aged {lim.age_cutoff} or older) or {e(lim.max_per_hour_young)} an hour "
                f"(under {lim.age_cutoff})."
                if hourly_agreement
                else "."
            )
        )
    if result.expenses_only:
        lines.append(
            "Alleen een vergoeding van echte, aantoonbare kosten is geen vrijwilligersvergoeding. "
            "Daarvoor geldt geen maximum."
            if nl
            else "Reimbursing actual, documented costs only is not an allowance and has no maximum."
        )
    for v in result.violations:
        p = period_label(v.period, language)
        if v.limit == "per-hour":
            lines.append(
                f"In {p} was de vergoeding {e(v.actual)} per uur; de grens is {e(v.maximum)} per uur."
                if nl
                else f"In {p} the allowance was {e(v.actual)} an hour; the limit is {e(v.maximum)} an hour."
            )
        elif v.limit == "per-month":
            lines.append(
                f"In {p} kwam de vergoeding op {e(v.actual)}; de grens is {e(v.maximum)} per maand."
                if nl
                else f"In {p} the allowance came to {e(v.actual)}; the limit is {e(v.maximum)} a month."
            )
        else:
            lines.append(
                f"Over {p} kwam de vergoeding op {e(v.actual)}; de grens is {e(v.maximum)} per jaar."
                if nl
                else f"Over {p} the allowance came to {e(v.actual)}; the limit is {e(v.maximum)} a year."
            )
    if result.taxable:
        lines.append(
            "Omdat een grens is overschreden, is de hele vergoeding belast, niet alleen het deel erboven."
            if nl
            else "Because a limit is crossed, the whole allowance is taxable, not just the part above it."
        )
    else:
        lines.append(
            f"Alles blijft binnen de grenzen: de vergoeding is onbelast. Er is nog {e(result.year_headroom)} "
            f"ruimte tot de jaargrens."
            if nl
            else f"Everything stays within the limits: the allowance is tax-free. {e(result.year_headroom)} "
            "remains below the yearly limit."
        )
    for w in result.warnings:
        p = period_label(w.period, language)
        lines.append(
            f"Let op: {p} zit dicht bij de grens ({e(w.actual)} van {e(w.maximum)})."
            if nl
            else f"Note: {p} is close to the limit ({e(w.actual)} of {e(w.maximum)})."
        )
    if result.combined:
        lines.append(
            "Kostenvergoeding naast een vrijwilligersvergoeding telt mee voor de grenzen. Zo rekent de "
            "Belastingdienst in zijn eigen voorbeeld; andere bronnen zijn het daar niet over eens."
            if nl
            else "Costs reimbursed alongside an allowance count towards the limits, as in the tax "
            "authority's own example; other sources disagree on this."
        )
    if hourly_agreement:
        lines.append(
            "Een hoger uurbedrag kan toch onbelast zijn als de organisatie kan uitleggen waarom het niet "
            "marktconform is. Spil waarschuwt, maar beslist dat niet."
            if nl
            else "A higher hourly amount may still be tax-free if the organisation can explain why it is "
            "not market-conform. Spil warns; it does not decide."
        )
    lines.append(
        "Vergoedingen van andere organisaties tellen mee; Spil ziet alleen wat hier is ingevoerd."
        if nl
        else "Allowances from other organisations count too; Spil only sees what was entered here."
    )
    if sources:
        names = "; ".join(f"{s.get('title', '')} ({s.get('url', '')})" for s in sources)
        lines.append(("Bronnen: " if nl else "Sources: ") + names)
    return "\n".join(lines)
