"""The stateless allowance check: a volunteer's months against a year's limits, explained."""

from __future__ import annotations

from sqlmodel import Session

from spil.keypersons import allowance as rules
from spil.keypersons.rulesets import limits_for_year, rule_set_for, rule_set_out
from spil.keypersons.schemas import (
    AllowanceCheckOut,
    AllowanceCheckRequest,
)
from spil.kit import clock
from spil.kit.errors import invalid


# --- the stateless check -------------------------------------------------------------------------
def run_check(session: Session, data: AllowanceCheckRequest, language: str) -> AllowanceCheckOut:
    problems: list[tuple[str, str, str]] = []
    seen: dict[str, int] = {}
    for i, m in enumerate(data.months):
        if int(m.month[:4]) != data.year:
            problems.append((f"months.{i}.month", "outside-year", f"{m.month} is not in {data.year}."))
        if m.month in seen:
            problems.append((f"months.{i}.month", "duplicate", f"{m.month} is listed twice."))
        seen[m.month] = i
        effort = m.allowance + (rules.ZERO if m.expenses_documented else m.expenses)
        if data.hourly_agreement and effort > 0 and not m.hours:
            problems.append(
                (f"months.{i}.hours", "required", "An hourly allowance needs the hours worked in the month.")
            )
    if data.birth_date is not None and data.birth_date > clock.today():
        problems.append(("birthDate", "in-future", "The birth date is in the future."))
    if data.birth_date is not None and data.age_band is not None:
        problems.append(("ageBand", "conflict", "Send either birthDate or ageBand, not both."))
    if data.hourly_agreement and data.birth_date is None and data.age_band is None:
        problems.append(
            ("birthDate", "required", "With an hourly agreement the age matters: send birthDate or ageBand.")
        )
    if problems:
        raise invalid(problems)
    rule_set, assumed = rule_set_for(session, data.year, fallback=data.fallback_to_latest)
    limits = limits_for_year(rule_set, data.year)
    months = [
        rules.Month(
            period=rules.month_start(m.month),
            allowance=m.allowance,
            expenses=m.expenses,
            expenses_documented=m.expenses_documented,
            hours=m.hours,
        )
        for m in data.months
    ]
    result = rules.evaluate(
        limits,
        months,
        hourly_agreement=data.hourly_agreement,
        age_band=data.age_band,
        birth_date=data.birth_date,
    )
    explanation = rules.explain(
        result,
        language,
        hourly_agreement=data.hourly_agreement,
        sources=rule_set.sources,
        rules_year=rule_set.year,
    )
    assumption = (
        [{"code": "rule-set-assumed", "message": explanation.split("\n")[0], "period": str(data.year)}]
        if assumed
        else []
    )
    return AllowanceCheckOut(
        within_limits=not result.taxable,
        taxable=result.taxable,
        violations=[
            {"limit": v.limit, "period": v.period, "maximum": v.maximum, "actual": v.actual}
            for v in result.violations
        ],
        warnings=assumption
        + [
            {"code": w.code, "message": rules.warning_message(w, language), "period": w.period}
            for w in result.warnings
        ],
        rule_set=rule_set_out(rule_set),
        requested_year=data.year,
        rule_set_assumed=assumed,
        months=[
            {
                "month": rules.month_key(m.period),
                "allowance": m.effort,
                "expenses": m.expenses if m.expenses_documented else rules.ZERO,
                "counted": m.counted,
                "hourly_rate": result.hourly_rates.get(rules.month_key(m.period)),
                "age_band": result.age_bands.get(rules.month_key(m.period)),
            }
            for m in result.months
        ],
        totals={
            "allowance": result.total_allowance,
            "expenses": result.total_expenses,
            "counted": result.total_counted,
            "year_headroom": result.year_headroom,
        },
        explanation=explanation,
        language="nl" if language == "nl" else "en",
    )
