"""Business rules: allowance rule sets, the stateless check, volunteer agreements and the ledger."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col

from spil.keypersons import allowance as rules
from spil.keypersons.models import (
    AllowancePayment,
    AllowanceRuleRevision,
    AllowanceRuleSet,
    VolunteerAgreement,
    VolunteerAgreementSchool,
)
from spil.keypersons.schemas import (
    AgreementCreate,
    AgreementOut,
    AgreementUpdate,
    AllowanceCheckOut,
    AllowanceCheckRequest,
    LedgerOut,
    PaymentCreate,
    PaymentOut,
    PaymentUpdate,
    RuleRevisionOut,
    RuleSetCreate,
    RuleSetOut,
    RuleSetUpdate,
)
from spil.kit import audit, clock, scope
from spil.kit.crud import audited_create, audited_delete, audited_update
from spil.kit.db import lock_for_update
from spil.kit.errors import ProblemError, conflict, field_problem, invalid, not_found
from spil.kit.pagination import Page, PageParams, paginate
from spil.kit.policy import Capability, Principal
from spil.organisations.models import School
from spil.people.models import Person, RoleAssignment, RoleType, active_assignment
from spil.people.service import is_active, visible_person

ZERO = Decimal("0")
WEEKS_PER_MONTH = Decimal(52) / Decimal(12)


def month_start(code: str) -> dt.date:
    year, month = code.split("-")
    return dt.date(int(year), int(month), 1)


# --- rule sets ---------------------------------------------------------------------------------
def rule_set_out(rule_set: AllowanceRuleSet) -> RuleSetOut:
    return RuleSetOut.model_validate(rule_set)


def limits_of(rule_set: AllowanceRuleSet) -> rules.Limits:
    return rules.Limits(
        year=rule_set.year,
        max_per_hour_adult=rule_set.max_per_hour_adult,
        max_per_hour_young=rule_set.max_per_hour_young,
        max_per_month=rule_set.max_per_month,
        max_per_year=rule_set.max_per_year,
        age_cutoff=rule_set.age_cutoff,
    )


def limits_for_year(rule_set: AllowanceRuleSet, year: int) -> rules.Limits:
    """The rule set's limits applied to ``year`` (another year's only as a marked assumption)."""
    return dataclasses.replace(limits_of(rule_set), year=year)


def list_rule_sets(session: Session) -> list[RuleSetOut]:
    rows = session.execute(sa.select(AllowanceRuleSet).order_by(AllowanceRuleSet.year.desc())).scalars()
    return [rule_set_out(r) for r in rows]


def _rule_set(session: Session, year: int) -> AllowanceRuleSet | None:
    return session.execute(sa.select(AllowanceRuleSet).where(AllowanceRuleSet.year == year)).scalars().first()


def latest_year(session: Session) -> int | None:
    return session.scalar(sa.select(sa.func.max(AllowanceRuleSet.year)))


def rule_set_for(session: Session, year: int, *, fallback: bool) -> tuple[AllowanceRuleSet, bool]:
    """The year's rule set, or with ``fallback`` the latest known one marked as assumed; a 404
    that names the latest available year otherwise (FACTS.md: never silently another year)."""
    found = _rule_set(session, year)
    if found is not None:
        return found, False
    latest = latest_year(session)
    if fallback and latest is not None:
        latest_set = _rule_set(session, latest)
        assert latest_set is not None
        return latest_set, True
    detail = f"There are no allowance rules for {year}." + (
        f" The latest year available is {latest}; send fallbackToLatest: true to use it as an assumption."
        if latest is not None
        else ""
    )
    raise ProblemError(404, detail, code="no-rule-set", extra={"latestYear": latest})


def get_rule_set(session: Session, year: int) -> tuple[RuleSetOut, int]:
    found = _rule_set(session, year)
    if found is None:
        raise not_found("allowance rule set")
    return rule_set_out(found), found.version


def create_rule_set(session: Session, principal: Principal, data: RuleSetCreate) -> tuple[RuleSetOut, int]:
    principal.require_platform_admin()
    if _rule_set(session, data.year) is not None:
        raise field_problem(
            409, "year", f"There already are rules for {data.year}; correct them instead.", "duplicate"
        )
    fields = data.model_dump(exclude_none=True)
    fields["sources"] = [s.model_dump(mode="json") for s in data.sources]
    rule_set = AllowanceRuleSet(**fields)
    audited_create(session, principal, rule_set, "allowance-rule-set")
    return rule_set_out(rule_set), rule_set.version


def update_rule_set(
    session: Session,
    principal: Principal,
    year: int,
    data: RuleSetUpdate,
    check_version: Callable[[int], None],
) -> tuple[RuleSetOut, int]:
    principal.require_platform_admin()
    rule_set = _rule_set(session, year)
    if rule_set is None:
        raise not_found("allowance rule set")
    check_version(rule_set.version)
    before = audit.snapshot(rule_set)
    changes = data.model_dump(exclude_unset=True, exclude={"reason"})
    if "sources" in changes and data.sources is not None:
        changes["sources"] = [s.model_dump(mode="json") for s in data.sources]
    required = [
        "max_per_hour_adult",
        "max_per_hour_young",
        "max_per_month",
        "max_per_year",
        "age_cutoff",
        "sources",
    ]
    if audited_update(session, principal, rule_set, changes, "allowance-rule-set", required=required):
        assert rule_set.id is not None
        session.add(
            AllowanceRuleRevision(
                rule_set_id=rule_set.id,
                year=year,
                before=before,
                reason=data.reason,
                changed_by=principal.label,
            )
        )
    return rule_set_out(rule_set), rule_set.version


def list_revisions(session: Session, year: int) -> list[RuleRevisionOut]:
    if _rule_set(session, year) is None:
        raise not_found("allowance rule set")
    rows = session.execute(
        sa.select(AllowanceRuleRevision)
        .where(AllowanceRuleRevision.year == year)
        .order_by(AllowanceRuleRevision.changed_at.desc(), AllowanceRuleRevision.id.desc())
    ).scalars()
    return [RuleRevisionOut.model_validate(r) for r in rows]


# --- the stateless check -------------------------------------------------------------------------
def _warning_message(w: rules.Warning, language: str) -> str:
    p = rules.period_label(w.period, language)
    amount, maximum = rules.euro(w.actual, language), rules.euro(w.maximum, language)
    if language == "nl":
        return f"{p} zit dicht bij de grens: {amount} van {maximum}."
    return f"{p} is close to the limit: {amount} of {maximum}."


def run_check(session: Session, data: AllowanceCheckRequest, language: str) -> AllowanceCheckOut:
    problems: list[tuple[str, str, str]] = []
    seen: dict[str, int] = {}
    for i, m in enumerate(data.months):
        if int(m.month[:4]) != data.year:
            problems.append((f"months.{i}.month", "outside-year", f"{m.month} is not in {data.year}."))
        if m.month in seen:
            problems.append((f"months.{i}.month", "duplicate", f"{m.month} is listed twice."))
        seen[m.month] = i
        effort = m.allowance + (ZERO if m.expenses_documented else m.expenses)
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
            period=month_start(m.month),
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
            {"code": w.code, "message": _warning_message(w, language), "period": w.period}
            for w in result.warnings
        ],
        rule_set=rule_set_out(rule_set),
        requested_year=data.year,
        rule_set_assumed=assumed,
        months=[
            {
                "month": rules.month_key(m.period),
                "allowance": m.effort,
                "expenses": m.expenses if m.expenses_documented else ZERO,
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


# --- agreements ---------------------------------------------------------------------------------
KEY_ROLES = {
    "supervisor_assignment_id": "key-person-supervisor",
    "contact_point_assignment_id": "key-person-contact-point",
}


def agreements_in_scope(
    principal: Principal, capability: Capability = Capability.READ
) -> sa.ColumnElement[bool]:
    """Agreements with a school the principal may read (``spil.kit.scope``): the board's staff and
    the schools' staff, never a region (these are a volunteer's personal arrangements)."""
    return scope.any_school_of(
        principal,
        VolunteerAgreementSchool.school_id,
        VolunteerAgreementSchool.agreement_id,
        VolunteerAgreement.id,
        capability,
    )


def visible_agreement(session: Session, principal: Principal, agreement_id: int) -> VolunteerAgreement:
    found = (
        session.execute(
            sa.select(VolunteerAgreement).where(
                VolunteerAgreement.id == agreement_id, agreements_in_scope(principal)
            )
        )
        .scalars()
        .first()
    )
    if found is None:
        raise not_found("volunteer agreement")
    return found


def agreement_school_ids(session: Session, agreement_id: int) -> list[int]:
    return list(
        session.execute(
            sa.select(VolunteerAgreementSchool.school_id)
            .where(VolunteerAgreementSchool.agreement_id == agreement_id)
            .order_by(VolunteerAgreementSchool.school_id)
        ).scalars()
    )


def require_agreement_edit(principal: Principal, board_id: int, school_ids: Iterable[int]) -> None:
    for school_id in school_ids:
        principal.require(Capability.EDIT, board_id=board_id, school_id=school_id)


def _email_of_assignment(session: Session, assignment_id: int | None) -> str | None:
    if assignment_id is None:
        return None
    return session.scalar(
        sa.select(Person.email)
        .join(RoleAssignment, RoleAssignment.person_id == Person.id)
        .where(RoleAssignment.id == assignment_id, active_assignment())  # a former contact point no longer
    )


def may_see_benefit(
    session: Session, principal: Principal, board_id: int, contact_point_id: int | None
) -> bool:
    """The benefit type is for the board's administrators and the key person's contact point only
    (the person record of the contact point and the login share the e-mail address)."""
    if principal.kind != "user":
        return False
    if principal.can(Capability.READ_BENEFIT, board_id=board_id):
        return True
    email = _email_of_assignment(session, contact_point_id)
    return email is not None and email == principal.label.lower()


BENEFIT_WARNINGS = {
    "participatiewet": [
        (
            "participatiewet-consent",
            "Participatiewet (bijstand): the municipality must agree to the volunteer work beforehand.",
        ),
        (
            "participatiewet-maxima",
            "Since 1 April 2017 an allowance up to the fiscal maxima ({month} a month, {year} a year) "
            "leaves the benefit unchanged. Sources differ on claimants under 27. "
            "This is a warning, not a verdict.",
        ),
    ],
    "ww": [
        ("ww-permission", "WW (UWV): ask UWV for permission before the volunteer work starts."),
        (
            "ww-maxima",
            "The allowance must stay within the maxima ({month} a month, {year} a year) and be reported "
            "to UWV within one week. Sources differ on whether travel costs count.",
        ),
    ],
    "other": [
        ("benefit-check", "Check with the benefit agency what a volunteer allowance means for this benefit."),
    ],
}


def benefit_warnings(
    session: Session, benefit_type: str | None, year: int | None = None
) -> list[dict[str, str]]:
    if benefit_type not in BENEFIT_WARNINGS:
        return []
    rule_set = _rule_set(session, year or clock.today().year) or (
        _rule_set(session, latest_year(session) or 0)
    )
    month = rules.euro(rule_set.max_per_month, "en") if rule_set else "the monthly maximum"
    year_max = rules.euro(rule_set.max_per_year, "en") if rule_set else "the yearly maximum"
    return [
        {"code": code, "message": text.format(month=month, year=year_max)}
        for code, text in BENEFIT_WARNINGS[benefit_type]
    ]


def _assignment_ref(session: Session, assignment_id: int | None) -> dict[str, Any] | None:
    if assignment_id is None:
        return None
    row = session.execute(
        sa.select(RoleAssignment, Person.name)
        .join(Person, Person.id == RoleAssignment.person_id)
        .where(RoleAssignment.id == assignment_id)
    ).first()
    if row is None:
        return None
    assignment, name = row
    return {
        "id": assignment.id,
        "person_name": name,
        "hours_per_week": assignment.hours_per_week,
        "hours_per_year": assignment.hours_per_year,
        "active": is_active(assignment),
    }


def agreement_out(session: Session, principal: Principal, agreement: VolunteerAgreement) -> AgreementOut:
    assert agreement.id is not None
    person = session.get(Person, agreement.person_id)
    assert person is not None
    schools = session.execute(
        sa.select(School.id, School.name)
        .join(VolunteerAgreementSchool, VolunteerAgreementSchool.school_id == School.id)
        .where(VolunteerAgreementSchool.agreement_id == agreement.id)
        .order_by(School.name)
    ).all()
    today = clock.today()
    show_benefit = may_see_benefit(
        session, principal, agreement.board_id, agreement.contact_point_assignment_id
    )
    data = agreement.model_dump(exclude={"benefit_type"})
    return AgreementOut.model_validate(
        {
            **data,
            "person_name": person.name,
            "languages": person.languages,
            "schools": [{"id": i, "name": n} for i, n in schools],
            "supervisor": _assignment_ref(session, agreement.supervisor_assignment_id),
            "contact_point": _assignment_ref(session, agreement.contact_point_assignment_id),
            "plan": {
                "goals": agreement.plan_goals,
                "internship": agreement.plan_internship,
                "other_tasks": agreement.plan_other_tasks,
                "review_date": agreement.plan_review_date,
            },
            "active": agreement.starts_on <= today
            and (agreement.ends_on is None or agreement.ends_on >= today),
            "benefit_type": agreement.benefit_type if show_benefit else None,
            "benefit_warnings": benefit_warnings(session, agreement.benefit_type) if show_benefit else [],
        }
    )


def list_agreements(
    session: Session,
    principal: Principal,
    params: PageParams,
    *,
    board_id: int | None,
    school_id: int | None,
    person_id: int | None,
    active: bool | None,
) -> Page[AgreementOut]:
    stmt = (
        sa.select(VolunteerAgreement, Person.name)
        .join(Person, Person.id == VolunteerAgreement.person_id)
        .where(agreements_in_scope(principal))
    )
    if board_id is not None:
        stmt = stmt.where(VolunteerAgreement.board_id == board_id)
    if person_id is not None:
        stmt = stmt.where(VolunteerAgreement.person_id == person_id)
    if school_id is not None:
        stmt = stmt.where(
            VolunteerAgreement.id.in_(
                sa.select(VolunteerAgreementSchool.agreement_id).where(
                    VolunteerAgreementSchool.school_id == school_id
                )
            )
        )
    today = clock.today()
    current = sa.and_(
        col(VolunteerAgreement.starts_on) <= today,
        sa.or_(col(VolunteerAgreement.ends_on).is_(None), col(VolunteerAgreement.ends_on) >= today),
    )
    if active is True:
        stmt = stmt.where(current)
    elif active is False:
        stmt = stmt.where(sa.not_(current))
    return paginate(
        session,
        stmt,
        params,
        sortable={
            "person": Person.name,
            "startsOn": VolunteerAgreement.starts_on,
            "endsOn": VolunteerAgreement.ends_on,
        },
        default_sort=[Person.name],
        tiebreak=VolunteerAgreement.id,
        convert=lambda row: agreement_out(session, principal, row[0]),
    )


def get_agreement(session: Session, principal: Principal, agreement_id: int) -> tuple[AgreementOut, int]:
    agreement = visible_agreement(session, principal, agreement_id)
    return agreement_out(session, principal, agreement), agreement.version


def _check_schools(session: Session, principal: Principal, board_id: int, school_ids: list[int]) -> list[int]:
    unique = sorted(set(school_ids))
    visible = set(
        session.execute(
            sa.select(School.id).where(
                School.id.in_(unique), School.board_id == board_id, School.id.in_(scope.schools(principal))
            )
        ).scalars()
    )
    unknown = [
        (
            f"schoolIds.{school_ids.index(s)}",
            "unknown-reference",
            f"There is no school with id {s} in the key person's board and your scope.",
        )
        for s in unique
        if s not in visible
    ]
    if unknown:
        raise invalid(unknown)
    return unique


def _check_assignment(
    session: Session, board_id: int, field: str, assignment_id: int | None
) -> list[tuple[str, str, str]]:
    if assignment_id is None:
        return []
    code = KEY_ROLES[field]
    row = session.execute(
        sa.select(RoleAssignment.board_id, RoleType.code)
        .join(RoleType, RoleType.id == RoleAssignment.role_type_id)
        .where(RoleAssignment.id == assignment_id)
    ).first()
    camel = "supervisorAssignmentId" if field.startswith("supervisor") else "contactPointAssignmentId"
    if row is None or row[0] != board_id:
        return [
            (
                camel,
                "unknown-reference",
                f"There is no role assignment with id {assignment_id} in this board.",
            )
        ]
    if row[1] != code:
        return [(camel, "wrong-role", f"Role assignment {assignment_id} is a '{row[1]}', not a '{code}'.")]
    return []


def _check_scheme(values: dict[str, Any]) -> list[tuple[str, str, str]]:
    scheme = values.get("allowance_scheme") or "none"
    problems = []
    if scheme == "fixed" and values.get("fixed_amount_per_month") is None:
        problems.append(("fixedAmountPerMonth", "required", "A fixed allowance needs its amount per month."))
    if scheme == "hourly":
        if values.get("hourly_rate") is None:
            problems.append(("hourlyRate", "required", "An hourly allowance needs its rate."))
        if values.get("age_band") is None:
            problems.append(
                ("ageBand", "required", "An hourly allowance needs the age band (21-plus or under-21).")
            )
    if scheme != "fixed" and values.get("fixed_amount_per_month") is not None:
        problems.append(
            ("fixedAmountPerMonth", "not-applicable", f"A '{scheme}' scheme has no fixed amount.")
        )
    if scheme != "hourly" and values.get("hourly_rate") is not None:
        problems.append(("hourlyRate", "not-applicable", f"A '{scheme}' scheme has no hourly rate."))
    return problems


def _require_benefit_right(
    session: Session, principal: Principal, board_id: int, contact_point_id: int | None
) -> None:
    if not may_see_benefit(session, principal, board_id, contact_point_id):
        raise ProblemError(
            403,
            "Only the board's administrators and the key person's contact point may record a benefit type.",
            code="forbidden",
            invalid_params=[
                {"name": "benefitType", "in": "body", "code": "forbidden", "reason": "Not allowed."}
            ],
        )


def _plan_fields(data: AgreementCreate | AgreementUpdate, partial: bool) -> dict[str, Any]:
    if data.plan is None:
        return {}
    plan = data.plan.model_dump(exclude_unset=partial)
    return {f"plan_{k}": v for k, v in plan.items()}


def add_agreement(session: Session, principal: Principal, data: AgreementCreate) -> int:
    try:
        person = visible_person(session, principal, data.person_id)
    except ProblemError:
        raise field_problem(
            400,
            "personId",
            f"There is no person with id {data.person_id} in your scope.",
            "unknown-reference",
        ) from None
    school_ids = _check_schools(session, principal, person.board_id, data.school_ids)
    require_agreement_edit(principal, person.board_id, school_ids)
    values = data.model_dump(exclude={"school_ids", "plan", "person_id"}, exclude_none=True)
    problems = _check_scheme(values)
    for field in KEY_ROLES:
        problems += _check_assignment(session, person.board_id, field, values.get(field))
    if problems:
        raise invalid(problems)
    if data.benefit_type is not None:
        _require_benefit_right(session, principal, person.board_id, data.contact_point_assignment_id)
    agreement = VolunteerAgreement(
        **values, **_plan_fields(data, partial=False), board_id=person.board_id, person_id=person.id
    )
    ident = audited_create(
        session, principal, agreement, "volunteer-agreement", board_id=lambda a: a.board_id
    )
    for school_id in school_ids:
        session.add(VolunteerAgreementSchool(agreement_id=ident, school_id=school_id))
    session.flush()
    return ident


def create_agreement(
    session: Session, principal: Principal, data: AgreementCreate
) -> tuple[AgreementOut, int]:
    ident = add_agreement(session, principal, data)
    return get_agreement(session, principal, ident)


def update_agreement(
    session: Session,
    principal: Principal,
    agreement_id: int,
    data: AgreementUpdate,
    check_version: Callable[[int], None],
) -> tuple[AgreementOut, int]:
    agreement = visible_agreement(session, principal, agreement_id)
    current_schools = agreement_school_ids(session, agreement_id)
    require_agreement_edit(principal, agreement.board_id, current_schools)
    check_version(agreement.version)
    changes = data.model_dump(exclude_unset=True, exclude={"school_ids", "plan"})
    changes.update(_plan_fields(data, partial=True))
    if "benefit_type" in changes:
        contact = changes.get("contact_point_assignment_id", agreement.contact_point_assignment_id)
        _require_benefit_right(session, principal, agreement.board_id, contact)
    if (
        "contact_point_assignment_id" in changes
        and changes["contact_point_assignment_id"] != agreement.contact_point_assignment_id
        and agreement.benefit_type is not None
    ):
        # the contact point may read the benefit type: only someone who may read it already
        # (a board admin, the current contact point) hands that on
        _require_benefit_right(session, principal, agreement.board_id, agreement.contact_point_assignment_id)
    for name, field in (("starts_on", "startsOn"), ("allowance_scheme", "allowanceScheme")):
        if name in changes and changes[name] is None:
            raise invalid([(field, "required", "Cannot be emptied.")])
    merged = {**agreement.model_dump(), **changes}
    problems = _check_scheme(merged)
    for field in KEY_ROLES:
        if field in changes:
            problems += _check_assignment(session, agreement.board_id, field, changes[field])
    if merged["ends_on"] is not None and merged["ends_on"] < merged["starts_on"]:
        problems.append(("endsOn", "end-before-start", "The end date is before the start date."))
    if problems:
        raise invalid(problems)
    if "tasks" in changes and changes["tasks"] is None:
        changes["tasks"] = []
    if "facilities" in changes and changes["facilities"] is None:
        changes["facilities"] = []
    changed = audited_update(
        session,
        principal,
        agreement,
        changes,
        "volunteer-agreement",
        required=["starts_on", "allowance_scheme"],
        board_id=agreement.board_id,
    )
    if data.school_ids is not None:
        new_schools = _check_schools(session, principal, agreement.board_id, data.school_ids)
        require_agreement_edit(principal, agreement.board_id, new_schools)
        if new_schools != current_schools:
            session.execute(
                sa.delete(VolunteerAgreementSchool).where(
                    VolunteerAgreementSchool.agreement_id == agreement_id
                )
            )
            for school_id in new_schools:
                session.add(VolunteerAgreementSchool(agreement_id=agreement_id, school_id=school_id))
            if not changed:
                agreement.updated_at = clock.now()  # the row update moves the version (the ETag) too
            session.flush()
            audit.record(
                session,
                principal,
                "update",
                "volunteer-agreement",
                agreement_id,
                before={"schoolIds": current_schools},
                after={"schoolIds": new_schools},
                board_id=agreement.board_id,
            )
    return get_agreement(session, principal, agreement_id)


def delete_agreement(
    session: Session, principal: Principal, agreement_id: int, check_version: Callable[[int], None]
) -> None:
    agreement = visible_agreement(session, principal, agreement_id)
    require_agreement_edit(principal, agreement.board_id, agreement_school_ids(session, agreement_id))
    check_version(agreement.version)
    if session.scalar(sa.select(sa.func.count()).where(AllowancePayment.agreement_id == agreement_id)):
        raise conflict(
            "Payments were recorded on this agreement; end it (endsOn) instead, so the ledger is kept.",
            "in-use",
        )
    audited_delete(session, principal, agreement, "volunteer-agreement", board_id=agreement.board_id)


# --- the ledger ---------------------------------------------------------------------------------
def expected_per_month(agreement: VolunteerAgreement) -> Decimal:
    """What the agreement is expected to pay in a month (the projection's basis)."""
    if agreement.allowance_scheme == "fixed" and agreement.fixed_amount_per_month is not None:
        return agreement.fixed_amount_per_month
    if (
        agreement.allowance_scheme == "hourly"
        and agreement.hourly_rate is not None
        and agreement.hours_per_week
    ):
        return rules.cents(agreement.hourly_rate * agreement.hours_per_week * WEEKS_PER_MONTH)
    return ZERO


def month_of(payment: AllowancePayment) -> rules.Month:
    return rules.Month(
        period=payment.period,
        allowance=payment.allowance,
        expenses=payment.expenses,
        expenses_documented=payment.expenses_documented,
        hours=payment.hours,
    )


def merge_months(months: Iterable[rules.Month]) -> list[rules.Month]:
    """One month per period for the volunteer: efforts and documented expenses added up."""
    effort: dict[dt.date, Decimal] = defaultdict(lambda: ZERO)
    documented: dict[dt.date, Decimal] = defaultdict(lambda: ZERO)
    for m in months:
        effort[m.period] += m.effort
        documented[m.period] += m.expenses if m.expenses_documented else ZERO
    return [
        rules.Month(period=p, allowance=effort[p], expenses=documented[p], expenses_documented=True)
        for p in sorted(set(effort) | set(documented))
    ]


def person_payments(session: Session, person_id: int, year: int) -> list[AllowancePayment]:
    return list(
        session.execute(
            sa.select(AllowancePayment).where(
                AllowancePayment.person_id == person_id, AllowancePayment.year == year
            )
        ).scalars()
    )


def hourly_violation(
    agreement: VolunteerAgreement, month: rules.Month, limits: rules.Limits
) -> rules.Violation | None:
    if agreement.allowance_scheme != "hourly" or not month.hours or month.effort <= 0:
        return None
    band: rules.AgeBand = "under-21" if agreement.age_band == "under-21" else "21-plus"
    maximum = limits.max_per_hour(band)
    if month.effort > maximum * month.hours:
        return rules.Violation(
            "per-hour", rules.month_key(month.period), maximum, rules.cents(month.effort / month.hours)
        )
    return None


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
    before = rules.evaluate(limits, merge_months(month_of(p) for p in existing), hourly_agreement=False)
    result = rules.evaluate(
        limits, merge_months([*map(month_of, others), month_of(candidate)]), hourly_agreement=False
    )
    key = rules.month_key(candidate.period)
    counted_before = {rules.month_key(m.period): m.counted for m in before.months}
    counted_after = {rules.month_key(m.period): m.counted for m in result.months}
    found = [
        v
        for v in result.violations
        if (v.limit == "per-year" and result.total_counted > before.total_counted)
        or (v.period == key and counted_after.get(key, ZERO) > counted_before.get(key, ZERO))
    ]
    hourly = hourly_violation(agreement, month_of(candidate), limits)
    if hourly is not None:
        found.insert(0, hourly)
    return found, result


def _limit_detail(violations: list[rules.Violation]) -> str:
    parts = []
    for v in violations:
        where = rules.period_label(v.period, "en")
        amount, maximum = rules.euro(v.actual, "en"), rules.euro(v.maximum, "en")
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


def _violation_json(v: rules.Violation) -> dict[str, Any]:
    return {"limit": v.limit, "period": v.period, "maximum": float(v.maximum), "actual": float(v.actual)}


def payment_out(payment: AllowancePayment, warnings: list[dict[str, str]] | None = None) -> PaymentOut:
    return PaymentOut.model_validate(
        {**payment.model_dump(), "month": rules.month_key(payment.period), "warnings": warnings or []}
    )


def _payment_warnings(result: rules.Result, period: dt.date) -> list[dict[str, str]]:
    key = rules.month_key(period)
    return [
        {"code": w.code, "message": _warning_message(w, "en"), "period": w.period}
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
        raise field_problem(
            400,
            "month",
            f"{rules.month_key(period)} is outside the agreement ({agreement.starts_on.isoformat()} – "
            f"{agreement.ends_on.isoformat() if agreement.ends_on else 'open-ended'}).",
            "outside-agreement",
        )


def _check_hours(agreement: VolunteerAgreement, payment: AllowancePayment) -> None:
    effort = month_of(payment).effort
    if agreement.allowance_scheme == "hourly" and effort > 0 and not payment.hours:
        raise field_problem(
            400, "hours", "An hourly allowance needs the hours worked in the month.", "required"
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
            _limit_detail(violations),
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
        raise field_problem(
            400,
            "agreementId",
            f"There is no agreement with id {data.agreement_id} in your scope.",
            "unknown-reference",
        ) from None
    require_agreement_edit(principal, agreement.board_id, agreement_school_ids(session, agreement.id or 0))
    period = month_start(data.month)
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
        raise field_problem(
            409,
            "month",
            f"A payment for {data.month} is already recorded; correct that one instead.",
            "duplicate",
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
            raise field_problem(400, name.replace("_d", "D"), "Cannot be emptied.", "required")
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
    merged = {m.period: m for m in merge_months(month_of(p) for p in payments)}
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
        {"code": w.code, "message": _warning_message(w, "en"), "period": w.period}
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
        band: rules.AgeBand = "under-21" if agreement.age_band == "under-21" else "21-plus"
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
