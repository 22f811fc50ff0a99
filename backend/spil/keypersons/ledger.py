"""The payments ledger: what an agreement paid per month, refused (409) or recorded deliberately
when it would cross a limit, and the year's ledger with headroom, projection and warnings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from spil.keypersons import allowance as rules
from spil.keypersons.agreements import (
    agreement_school_ids,
    agreements_in_scope,
    require_agreement_edit,
    visible_agreement,
)
from spil.keypersons.models import (
    AllowancePayment,
    VolunteerAgreement,
)
from spil.keypersons.rulesets import limits_for_year, rule_set_for, rule_set_out
from spil.keypersons.schemas import (
    LedgerOut,
    PaymentCreate,
    PaymentOut,
    PaymentUpdate,
)
from spil.kit import clock
from spil.kit.crud import audited_create, audited_delete, audited_update
from spil.kit.db import lock_for_update
from spil.kit.errors import ProblemError, conflict_on, invalid, not_found
from spil.kit.pagination import Page, PageParams, paginate
from spil.kit.policy import Principal
from spil.kit.schemas import money_json
from spil.people.models import Person

ZERO = rules.ZERO


# --- the ledger ---------------------------------------------------------------------------------
def expected_per_month(agreement: VolunteerAgreement) -> Decimal:
    """What the agreement is expected to pay in a month (the projection's basis)."""
    return rules.expected_per_month(
        agreement.allowance_scheme,
        agreement.fixed_amount_per_month,
        agreement.hourly_rate,
        agreement.hours_per_week,
    )


def month_of(payment: AllowancePayment) -> rules.Month:
    return rules.Month(
        period=payment.period,
        allowance=payment.allowance,
        expenses=payment.expenses,
        expenses_documented=payment.expenses_documented,
        hours=payment.hours,
    )


def person_payments(session: Session, person_id: int, year: int) -> list[AllowancePayment]:
    return list(
        session.execute(
            sa.select(AllowancePayment).where(
                AllowancePayment.person_id == person_id, AllowancePayment.year == year
            )
        ).scalars()
    )


def age_band(agreement: VolunteerAgreement) -> rules.AgeBand:
    return "under-21" if agreement.age_band == "under-21" else "21-plus"


def hourly_violation(
    agreement: VolunteerAgreement, month: rules.Month, limits: rules.Limits
) -> rules.Violation | None:
    if agreement.allowance_scheme != "hourly":
        return None
    return rules.hourly_violation(month, limits, age_band(agreement))


def violations_with(
    session: Session,
    agreement: VolunteerAgreement,
    candidate: AllowancePayment,
    limits: rules.Limits,
    replacing: int | None = None,
) -> tuple[list[rules.Violation], rules.Result]:
    """The limits the candidate payment would cross, with all of the person's payments that year.
    A limit counts only when the payment raises what counts against it: once a year is over the
    limit (recorded deliberately), documented costs alone or a correction downwards still pass."""
    existing = person_payments(session, agreement.person_id, candidate.year)
    others = [p for p in existing if p.id != replacing]
    found, result = rules.raised_violations(
        limits,
        rules.merge_months(month_of(p) for p in existing),
        rules.merge_months([*map(month_of, others), month_of(candidate)]),
        candidate.period,
    )
    hourly = hourly_violation(agreement, month_of(candidate), limits)
    if hourly is not None:
        found.insert(0, hourly)
    return found, result


def _violation_json(v: rules.Violation) -> dict[str, Any]:
    return {
        "limit": v.limit,
        "period": v.period,
        "maximum": money_json(v.maximum),
        "actual": money_json(v.actual),
    }


def payment_out(payment: AllowancePayment, warnings: list[dict[str, str]] | None = None) -> PaymentOut:
    return PaymentOut.model_validate(
        {**payment.model_dump(), "month": rules.month_key(payment.period), "warnings": warnings or []}
    )


def _payment_warnings(result: rules.Result, period: dt.date) -> list[dict[str, str]]:
    key = rules.month_key(period)
    return [
        {"code": w.code, "message": rules.warning_message(w, "en"), "period": w.period}
        for w in result.warnings
        if w.period in (key, str(period.year))
    ]


def _mark_taxable(
    session: Session, principal: Principal, agreement: VolunteerAgreement, year: int, on: bool
) -> None:
    years = (
        sorted(set(agreement.taxable_years) | {year})
        if on
        else [y for y in agreement.taxable_years if y != year]
    )
    if years != sorted(agreement.taxable_years):
        audited_update(
            session,
            principal,
            agreement,
            {"taxable_years": years},
            "volunteer-agreement",
            board_id=agreement.board_id,
        )


def _check_month(agreement: VolunteerAgreement, period: dt.date) -> None:
    first = agreement.starts_on.replace(day=1)
    if period < first or (agreement.ends_on is not None and period > agreement.ends_on):
        raise invalid(
            [
                (
                    "month",
                    "outside-agreement",
                    f"{rules.month_key(period)} is outside the agreement "
                    f"({agreement.starts_on.isoformat()} – "
                    f"{agreement.ends_on.isoformat() if agreement.ends_on else 'open-ended'}).",
                )
            ],
            code="outside-agreement",
        )


def _check_hours(agreement: VolunteerAgreement, payment: AllowancePayment) -> None:
    effort = month_of(payment).effort
    if agreement.allowance_scheme == "hourly" and effort > 0 and not payment.hours:
        raise invalid(
            [("hours", "required", "An hourly allowance needs the hours worked in the month.")],
            code="required",
        )


def _settle(
    session: Session,
    principal: Principal,
    agreement: VolunteerAgreement,
    payment: AllowancePayment,
    acknowledge: bool,
    replacing: int | None,
) -> list[dict[str, str]]:
    """Refuse (409) or record a limit crossing; the payment's warnings."""
    rule_set, _assumed = rule_set_for(session, payment.year, fallback=True)
    violations, result = violations_with(
        session, agreement, payment, limits_for_year(rule_set, payment.year), replacing
    )
    if violations and not acknowledge:
        raise ProblemError(
            409,
            rules.limit_detail(violations),
            code="allowance-limit-exceeded",
            extra={"violations": [_violation_json(v) for v in violations]},
        )
    payment.limit_exceeded_acknowledged = bool(violations)
    if violations:
        _mark_taxable(session, principal, agreement, payment.year, True)
    return _payment_warnings(result, payment.period)


def visible_payment(
    session: Session, principal: Principal, payment_id: int
) -> tuple[AllowancePayment, VolunteerAgreement]:
    row = session.execute(
        sa.select(AllowancePayment, VolunteerAgreement)
        .join(VolunteerAgreement, VolunteerAgreement.id == AllowancePayment.agreement_id)
        .where(AllowancePayment.id == payment_id, agreements_in_scope(principal))
    ).first()
    if row is None:
        raise not_found("allowance payment")
    return row[0], row[1]


def create_payment(session: Session, principal: Principal, data: PaymentCreate) -> tuple[PaymentOut, int]:
    try:
        agreement = visible_agreement(session, principal, data.agreement_id)
    except ProblemError:
        raise invalid(
            [
                (
                    "agreementId",
                    "unknown-reference",
                    f"There is no agreement with id {data.agreement_id} in your scope.",
                )
            ],
            code="unknown-reference",
        ) from None
    require_agreement_edit(principal, agreement.board_id, agreement_school_ids(session, agreement.id or 0))
    period = rules.month_start(data.month)
    _check_month(agreement, period)
    payment = AllowancePayment(
        agreement_id=data.agreement_id,
        board_id=agreement.board_id,
        person_id=agreement.person_id,
        period=period,
        year=period.year,
        hours=data.hours,
        allowance=data.allowance,
        expenses=data.expenses,
        expenses_documented=data.expenses_documented,
        note=data.note,
    )
    _check_hours(agreement, payment)
    # Two payments for one volunteer at once must not both slip under a limit: hold the person.
    lock_for_update(session, Person, agreement.person_id)
    session.refresh(agreement)
    if session.execute(
        sa.select(AllowancePayment.id).where(
            AllowancePayment.agreement_id == agreement.id, AllowancePayment.period == period
        )
    ).first():
        raise conflict_on(
            "month", f"A payment for {data.month} is already recorded; correct that one instead.", "duplicate"
        )
    warnings = _settle(session, principal, agreement, payment, data.acknowledge_limit_exceeded, None)
    audited_create(session, principal, payment, "allowance-payment", board_id=lambda p: p.board_id)
    return payment_out(payment, warnings), payment.version


def get_payment(session: Session, principal: Principal, payment_id: int) -> tuple[PaymentOut, int]:
    payment, _ = visible_payment(session, principal, payment_id)
    return payment_out(payment), payment.version


def list_payments(
    session: Session,
    principal: Principal,
    params: PageParams,
    *,
    agreement_id: int | None,
    person_id: int | None,
    year: int | None,
) -> Page[PaymentOut]:
    stmt = (
        sa.select(AllowancePayment)
        .join(VolunteerAgreement, VolunteerAgreement.id == AllowancePayment.agreement_id)
        .where(agreements_in_scope(principal))
    )
    for column, value in (
        (AllowancePayment.agreement_id, agreement_id),
        (AllowancePayment.person_id, person_id),
        (AllowancePayment.year, year),
    ):
        if value is not None:
            stmt = stmt.where(column == value)
    return paginate(
        session,
        stmt,
        params,
        sortable={"month": AllowancePayment.period, "allowance": AllowancePayment.allowance},
        default_sort=[AllowancePayment.period.desc()],
        tiebreak=AllowancePayment.id,
        convert=payment_out,
    )


def update_payment(
    session: Session,
    principal: Principal,
    payment_id: int,
    data: PaymentUpdate,
    check_version: Callable[[int], None],
) -> tuple[PaymentOut, int]:
    payment, agreement = visible_payment(session, principal, payment_id)
    require_agreement_edit(principal, agreement.board_id, agreement_school_ids(session, agreement.id or 0))
    check_version(payment.version)
    changes = data.model_dump(exclude_unset=True, exclude={"acknowledge_limit_exceeded"})
    lock_for_update(session, Person, agreement.person_id)
    session.refresh(payment)
    session.refresh(agreement)
    check_version(payment.version)
    candidate = AllowancePayment(**{**payment.model_dump(exclude={"id"}), **changes})
    for name in ("allowance", "expenses", "expenses_documented"):
        if getattr(candidate, name) is None:
            raise invalid([(name.replace("_d", "D"), "required", "Cannot be emptied.")], code="required")
    _check_hours(agreement, candidate)
    warnings = _settle(session, principal, agreement, candidate, data.acknowledge_limit_exceeded, payment.id)
    changes["limit_exceeded_acknowledged"] = candidate.limit_exceeded_acknowledged
    audited_update(session, principal, payment, changes, "allowance-payment", board_id=payment.board_id)
    _unmark_if_clear(session, principal, agreement, payment.year)
    return payment_out(payment, warnings), payment.version


def _unmark_if_clear(
    session: Session, principal: Principal, agreement: VolunteerAgreement, year: int
) -> None:
    """A year stays marked taxable while one of its payments was recorded over a limit."""
    if year not in agreement.taxable_years:
        return
    still = session.scalar(
        sa.select(sa.func.count()).where(
            AllowancePayment.agreement_id == agreement.id,
            AllowancePayment.year == year,
            AllowancePayment.limit_exceeded_acknowledged.is_(True),
        )
    )
    if not still:
        _mark_taxable(session, principal, agreement, year, False)


def delete_payment(
    session: Session, principal: Principal, payment_id: int, check_version: Callable[[int], None]
) -> None:
    payment, agreement = visible_payment(session, principal, payment_id)
    require_agreement_edit(principal, agreement.board_id, agreement_school_ids(session, agreement.id or 0))
    check_version(payment.version)
    audited_delete(session, principal, payment, "allowance-payment", board_id=payment.board_id)
    _unmark_if_clear(session, principal, agreement, payment.year)


def ledger(
    session: Session, principal: Principal, agreement_id: int, year: int, today: dt.date | None = None
) -> LedgerOut:
    agreement = visible_agreement(session, principal, agreement_id)
    today = today or clock.today()
    rule_set, assumed = rule_set_for(session, year, fallback=True)
    limits = limits_for_year(rule_set, year)
    payments = person_payments(session, agreement.person_id, year)
    own = {p.period: p for p in payments if p.agreement_id == agreement_id}
    merged = {m.period: m for m in rules.merge_months(month_of(p) for p in payments)}
    result = rules.evaluate(limits, list(merged.values()), hourly_agreement=False)
    violations = list(result.violations)
    for p in own.values():
        hourly = hourly_violation(agreement, month_of(p), limits)
        if hourly is not None:
            violations.insert(0, hourly)
    expected = expected_per_month(agreement)
    months = []
    remaining = 0
    ytd_counted = result.total_counted
    for month in range(1, 13):
        period = dt.date(year, month, 1)
        in_agreement = period >= agreement.starts_on.replace(day=1) and (
            agreement.ends_on is None or period <= agreement.ends_on
        )
        future = period >= today.replace(day=1) and period not in own and in_agreement
        mine = month_of(own[period]) if period in own else rules.Month(period=period)
        total = merged.get(period, rules.Month(period=period)).counted
        projected_amount = expected if future else ZERO
        if future and expected > 0:
            remaining += 1
        counted = mine.counted if period in own else projected_amount
        months.append(
            {
                "month": rules.month_key(period),
                "hours": mine.hours,
                "allowance": mine.effort if period in own else projected_amount,
                "expenses": mine.expenses if mine.expenses_documented else ZERO,
                "counted": counted,
                "other_agreements": total - mine.counted,
                "max_per_month": limits.max_per_month,
                "headroom": limits.max_per_month - (total - mine.counted) - counted,
                "over_limit": total - mine.counted + counted > limits.max_per_month,
                "projected": future,
            }
        )
    year_end = ytd_counted + expected * remaining
    own_counted = sum((month_of(p).counted for p in own.values()), ZERO)
    # Near-limit warnings: the year, and only the latest month paid (the chart shows the others).
    latest_paid = rules.month_key(max(own)) if own else None
    warnings = [
        {"code": w.code, "message": rules.warning_message(w, "en"), "period": w.period}
        for w in result.warnings
        if w.code != "near-month-limit" or w.period == latest_paid
    ]
    if remaining and year_end > limits.max_per_year and not result.taxable:
        warnings.append(
            {
                "code": "projected-over-limit",
                "message": f"At {rules.euro(expected, 'en')} a month the year ends at "
                f"{rules.euro(year_end, 'en')}, above the yearly maximum of "
                f"{rules.euro(limits.max_per_year, 'en')}.",
                "period": str(year),
            }
        )
    if expected > limits.max_per_month:
        warnings.append(
            {
                "code": "expected-over-month-limit",
                "message": f"The agreement pays {rules.euro(expected, 'en')} a month, above the monthly "
                f"maximum of {rules.euro(limits.max_per_month, 'en')}.",
                "period": str(year),
            }
        )
    if agreement.allowance_scheme == "hourly" and agreement.hourly_rate is not None:
        band = age_band(agreement)
        if agreement.hourly_rate > limits.max_per_hour(band):
            warnings.append(
                {
                    "code": "hourly-rate",
                    "message": f"The agreed rate of {rules.euro(agreement.hourly_rate, 'en')} an hour is "
                    f"above the maximum of {rules.euro(limits.max_per_hour(band), 'en')}; it is tax-free "
                    "only if the organisation can explain why it is not market-conform.",
                    "period": str(year),
                }
            )
    if assumed:
        warnings.insert(
            0,
            {
                "code": "rule-set-assumed",
                "message": f"No allowance rules are known for {year}; "
                f"the ledger assumes those of {rule_set.year}.",
                "period": str(year),
            },
        )
    return LedgerOut.model_validate(
        {
            "agreement_id": agreement_id,
            "person_id": agreement.person_id,
            "year": year,
            "rule_set": rule_set_out(rule_set),
            "rule_set_assumed": assumed,
            "taxable": bool(violations) or year in agreement.taxable_years,
            "marked_taxable": year in agreement.taxable_years,
            "months": months,
            "totals": {
                "allowance": sum((month_of(p).effort for p in own.values()), ZERO),
                "expenses": sum((p.expenses for p in own.values() if p.expenses_documented), ZERO),
                "counted": own_counted,
                "other_agreements": ytd_counted - own_counted,
                "max_per_year": limits.max_per_year,
                "headroom": limits.max_per_year - ytd_counted,
            },
            "projection": {
                "expected_per_month": expected,
                "remaining_months": remaining,
                "year_end_total": year_end,
                "exceeds_year_limit": year_end > limits.max_per_year,
                "exceeds_month_limit": expected > limits.max_per_month,
            },
            "violations": [
                {"limit": v.limit, "period": v.period, "maximum": v.maximum, "actual": v.actual}
                for v in violations
            ],
            "warnings": warnings,
        }
    )
