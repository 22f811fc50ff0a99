"""Gap rules of key persons and the volunteer allowance."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col

from spil.keypersons import allowance as rules
from spil.keypersons.ledger import hourly_violation, month_of
from spil.keypersons.models import (
    AllowancePayment,
    AllowanceRuleSet,
    VolunteerAgreement,
    VolunteerAgreementSchool,
)
from spil.keypersons.rulesets import limits_for_year, rule_set_for
from spil.kit.gaps import Gap, GapScope, rule
from spil.organisations.models import Board, School
from spil.people.models import Person, RoleAssignment, RoleType, active_assignment


def _active_agreements(session: Session, scope: GapScope) -> list[Any]:
    """Current agreements with a school in scope, with the person's name and their first school."""
    first_school = (
        sa.select(sa.func.min(VolunteerAgreementSchool.school_id))
        .where(
            VolunteerAgreementSchool.agreement_id == VolunteerAgreement.id,
            VolunteerAgreementSchool.school_id.in_(scope.school_ids),
        )
        .correlate(VolunteerAgreement)
        .scalar_subquery()
    )
    rows = session.execute(
        sa.select(VolunteerAgreement, Person.name, first_school)
        .join(Person, Person.id == VolunteerAgreement.person_id)
        .where(
            first_school.is_not(None),
            col(VolunteerAgreement.starts_on) <= scope.today,
            sa.or_(col(VolunteerAgreement.ends_on).is_(None), col(VolunteerAgreement.ends_on) >= scope.today),
        )
    ).all()
    names: dict[int, str] = dict(
        session.execute(sa.select(School.id, School.name).where(School.id.in_({r[2] for r in rows}))).all()
    )
    return [(agreement, person, school_id, names.get(school_id)) for agreement, person, school_id in rows]


def _agreement_gap(kind: str, severity: Any, row: Any, message: str, **details: str) -> Gap:
    agreement, person, school_id, school_name = row
    return Gap(
        kind=kind,
        severity=severity,
        subject_type="volunteer-agreement",
        subject_id=agreement.id,
        subject_name=person,
        message=message,
        board_id=agreement.board_id,
        school_id=school_id,
        school_name=school_name,
        details=details,
    )


@rule
def allowance_rules_missing(session: Session, scope: GapScope) -> Iterable[Gap]:
    """The tax authority's maxima of this year are not known yet (boards paying allowances)."""
    year = scope.today.year
    if session.execute(sa.select(AllowanceRuleSet.id).where(AllowanceRuleSet.year == year)).first():
        return
    # A board-level matter (a platform administrator adds the figures): for the board's staff only.
    paying = {a.board_id for a, *_ in _active_agreements(session, scope) if a.allowance_scheme != "none"}
    if not paying:
        return
    boards = sa.select(Board.id, Board.name).where(Board.id.in_(paying), Board.id.in_(scope.board_ids))
    for board_id, name in session.execute(boards).all():
        yield Gap(
            kind="allowance-rules-missing",
            severity="error",
            subject_type="allowance-rules",
            subject_id=year,
            subject_name=f"{year}",
            message=f"The volunteer-allowance maxima for {year} are not in Spil yet; ledgers assume the "
            "latest known year until a platform administrator adds them.",
            board_id=board_id,
            details={"year": str(year), "board": name},
        )


@rule
def allowance_limits(session: Session, scope: GapScope) -> Iterable[Gap]:
    """A key person's allowance this year over a limit (error) or within 10% of one (warning)."""
    year = scope.today.year
    agreements = [r for r in _active_agreements(session, scope) if r[0].allowance_scheme != "none"]
    if not agreements or not session.execute(sa.select(AllowanceRuleSet.id)).first():
        return
    rule_set, _ = rule_set_for(session, year, fallback=True)
    limits = limits_for_year(rule_set, year)
    person_ids = {r[0].person_id for r in agreements}
    payments: dict[int, list[AllowancePayment]] = {p: [] for p in person_ids}
    for payment in session.execute(
        sa.select(AllowancePayment).where(
            AllowancePayment.person_id.in_(person_ids), AllowancePayment.year == year
        )
    ).scalars():
        payments[payment.person_id].append(payment)
    for row in agreements:
        agreement = row[0]
        own = [p for p in payments[agreement.person_id] if p.agreement_id == agreement.id]
        result = rules.evaluate(
            limits,
            rules.merge_months(month_of(p) for p in payments[agreement.person_id]),
            hourly_agreement=False,
        )
        violations = list(result.violations) + [
            v for p in own if (v := hourly_violation(agreement, month_of(p), limits)) is not None
        ]
        if violations or year in agreement.taxable_years:
            which = ", ".join(sorted({v.limit for v in violations})) or "marked taxable"
            yield _agreement_gap(
                "allowance-limit-exceeded",
                "error",
                row,
                f"{row[1]}'s allowance for {year} crossed a limit ({which}): the whole allowance is taxable.",
                year=str(year),
                limits=which,
            )
        elif result.warnings:
            w = result.warnings[-1]
            yield _agreement_gap(
                "allowance-near-limit",
                "warning",
                row,
                f"{row[1]}'s allowance is close to the limit: {rules.euro(w.actual, 'en')} of "
                f"{rules.euro(w.maximum, 'en')} ({rules.period_label(w.period, 'en')}).",
                period=w.period,
                actual=str(w.actual),
                maximum=str(w.maximum),
            )


@rule
def key_person_supervision(session: Session, scope: GapScope) -> Iterable[Gap]:
    """Every key person needs a supervisor (seed 000): on the agreement, or at least at the school."""
    reported: set[tuple[int, int | None]] = set()
    supervised_people: set[int] = set()
    for row in _active_agreements(session, scope):
        agreement = row[0]
        supervisor = (
            session.get(RoleAssignment, agreement.supervisor_assignment_id)
            if agreement.supervisor_assignment_id
            else None
        )
        if supervisor is None or not (
            (supervisor.ends_on is None or supervisor.ends_on >= scope.today)
            and (supervisor.starts_on is None or supervisor.starts_on <= scope.today)
        ):
            reported.add((agreement.person_id, row[2]))
            yield _agreement_gap(
                "key-person-without-supervisor",
                "warning",
                row,
                f"{row[1]} has no (current) supervisor on the volunteer agreement.",
            )
        else:
            supervised_people.add(agreement.person_id)
    supervised = set(
        session.execute(
            sa.select(RoleAssignment.school_id)
            .join(RoleType, RoleType.id == RoleAssignment.role_type_id)
            .where(
                RoleType.code == "key-person-supervisor",
                RoleAssignment.school_id.in_(scope.school_ids),
                active_assignment(scope.today),
            )
        ).scalars()
    )
    key_persons = session.execute(
        sa.select(RoleAssignment, Person.name, School.name)
        .join(RoleType, RoleType.id == RoleAssignment.role_type_id)
        .join(Person, Person.id == RoleAssignment.person_id)
        .join(School, School.id == RoleAssignment.school_id)
        .where(
            RoleType.code == "key-person",
            RoleAssignment.school_id.in_(scope.school_ids),
            active_assignment(scope.today),
        )
    ).all()
    for assignment, person, school_name in key_persons:
        if (
            assignment.school_id in supervised
            or assignment.person_id in supervised_people
            or (assignment.person_id, assignment.school_id) in reported
        ):
            continue
        yield Gap(
            kind="key-person-without-supervisor",
            severity="warning",
            subject_type="role-assignment",
            subject_id=assignment.id,
            subject_name=f"{person} (Key person)",
            message=f"{person} is a key person at {school_name}, where nobody is key-person supervisor.",
            board_id=assignment.board_id,
            school_id=assignment.school_id,
            school_name=school_name,
        )
