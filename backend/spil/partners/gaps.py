"""Gap rules of partners, people and roles (issue: who is the contact point for what)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from spil.gaps.rules import EXPIRY_WINDOW_DAYS, Gap, GapScope, Severity, rule
from spil.organisations.models import School
from spil.partners.models import Partner, Partnership
from spil.people.models import Person, RoleAssignment, RoleType, active_assignment

OPEN_STATUSES = ("exploring", "active", "paused")


@rule
def required_roles(session: Session, scope: GapScope) -> Iterable[Gap]:
    """A school without a role that the law (error) or a guideline (warning) asks of every school."""
    schools = session.execute(
        sa.select(School.id, School.name, School.board_id).where(School.id.in_(scope.school_ids))
    ).all()
    if not schools:
        return
    role_types = (
        session.execute(
            sa.select(RoleType).where(
                RoleType.required_per_school.is_(True), RoleType.scope_level == "school"
            )
        )
        .scalars()
        .all()
    )
    held = set(
        session.execute(
            sa.select(RoleAssignment.school_id, RoleAssignment.role_type_id).where(
                RoleAssignment.school_id.in_(scope.school_ids), active_assignment(scope.today)
            )
        ).all()
    )
    for school_id, school_name, board_id in schools:
        for role_type in role_types:
            if role_type.board_id not in (None, board_id) or (school_id, role_type.id) in held:
                continue
            statutory = role_type.required_by == "law"
            yield Gap(
                kind="statutory-role-missing" if statutory else "recommended-role-missing",
                severity="error" if statutory else "warning",
                subject_type="school",
                subject_id=school_id,
                subject_name=school_name,
                message=f"{school_name} has no {role_type.name_en.lower()}"
                + (" (required by law)." if statutory else " (recommended)."),
                board_id=board_id,
                school_id=school_id,
                school_name=school_name,
                details={"role": role_type.code, "source": role_type.source or ""},
            )


def _open_partnerships(scope: GapScope) -> sa.Select[Any]:
    return (
        sa.select(Partnership, Partner.name, School.name)
        .join(Partner, Partner.id == Partnership.partner_id)
        .outerjoin(School, School.id == Partnership.school_id)
        .where(
            sa.or_(
                Partnership.school_id.in_(scope.school_ids),
                sa.and_(Partnership.school_id.is_(None), Partnership.board_id.in_(scope.board_ids)),
            )
        )
    )


def _partnership_gap(kind: str, severity: Severity, row: Any, message: str, **details: str) -> Gap:
    partnership, partner_name, school_name = row
    return Gap(
        kind=kind,
        severity=severity,
        subject_type="partnership",
        subject_id=partnership.id,
        subject_name=partner_name,
        message=message,
        board_id=partnership.board_id,
        school_id=partnership.school_id,
        school_name=school_name,
        details=details,
    )


@rule
def internal_contacts(session: Session, scope: GapScope) -> Iterable[Gap]:
    """Every open partnership needs an internal contact, and better two: contacts must not rest
    on one person (seed 001)."""
    rows = session.execute(
        _open_partnerships(scope).where(Partnership.status.in_(("exploring", "active")))
    ).all()
    if not rows:
        return
    counts: dict[int, int] = dict(
        session.execute(
            sa.select(RoleAssignment.partnership_id, sa.func.count(sa.distinct(RoleAssignment.person_id)))
            .where(RoleAssignment.partnership_id.in_([r[0].id for r in rows]), active_assignment(scope.today))
            .group_by(RoleAssignment.partnership_id)
        ).all()
    )
    for row in rows:
        n = counts.get(row[0].id, 0)
        if n == 0:
            yield _partnership_gap(
                "no-internal-contact", "error", row, f"Nobody at school is the contact point for {row[1]}."
            )
        elif n == 1:
            yield _partnership_gap(
                "single-internal-contact",
                "warning",
                row,
                f"The contact with {row[1]} rests on one person; add a second contact.",
            )


@rule
def partnership_dates(session: Session, scope: GapScope) -> Iterable[Gap]:
    soon = scope.today + dt.timedelta(days=EXPIRY_WINDOW_DAYS)
    rows = session.execute(_open_partnerships(scope).where(Partnership.status.in_(OPEN_STATUSES))).all()
    for row in rows:
        partnership = row[0]
        if partnership.end_date is not None and partnership.end_date < scope.today:
            yield _partnership_gap(
                "expired",
                "error",
                row,
                f"The agreement with {row[1]} ended on {partnership.end_date.isoformat()} "
                "but the partnership is still open.",
                endDate=partnership.end_date.isoformat(),
            )
        elif partnership.end_date is not None and partnership.end_date <= soon:
            yield _partnership_gap(
                "expiring",
                "warning",
                row,
                f"The agreement with {row[1]} ends on {partnership.end_date.isoformat()}.",
                endDate=partnership.end_date.isoformat(),
            )
        if partnership.review_date is not None and partnership.review_date < scope.today:
            yield _partnership_gap(
                "review-overdue",
                "warning",
                row,
                f"The review of the partnership with {row[1]} was due on "
                f"{partnership.review_date.isoformat()}.",
                reviewDate=partnership.review_date.isoformat(),
            )


def _assignments(session: Session, scope: GapScope) -> list[Any]:
    return list(
        session.execute(
            sa.select(RoleAssignment, Person.name, RoleType, School.name)
            .join(Person, Person.id == RoleAssignment.person_id)
            .join(RoleType, RoleType.id == RoleAssignment.role_type_id)
            .outerjoin(School, School.id == RoleAssignment.school_id)
            .where(
                sa.or_(
                    RoleAssignment.school_id.in_(scope.school_ids),
                    sa.and_(RoleAssignment.school_id.is_(None), RoleAssignment.board_id.in_(scope.board_ids)),
                ),
                active_assignment(scope.today),
            )
        ).all()
    )


@rule
def assignments(session: Session, scope: GapScope) -> Iterable[Gap]:
    """Roles that need hours but have none (a supervisor needs enough hours, seed 000), and roles
    that end within the expiry window."""
    soon = scope.today + dt.timedelta(days=EXPIRY_WINDOW_DAYS)
    for assignment, person_name, role_type, school_name in _assignments(session, scope):
        base = {
            "subject_type": "role-assignment",
            "subject_id": assignment.id,
            "subject_name": f"{person_name} ({role_type.name_en})",
            "board_id": assignment.board_id,
            "school_id": assignment.school_id,
            "school_name": school_name,
        }
        if role_type.needs_hours and not (assignment.hours_per_week or assignment.hours_per_year):
            supervisor = role_type.code.endswith("supervisor")
            yield Gap(
                kind="supervisor-without-hours" if supervisor else "role-without-hours",
                severity="warning" if supervisor else "info",
                message=f"{person_name} is {role_type.name_en.lower()} without allocated hours.",
                details={"role": role_type.code},
                **base,
            )
        if assignment.ends_on is not None and assignment.ends_on <= soon:
            yield Gap(
                kind="expiring",
                severity="warning",
                message=f"{person_name} stops as {role_type.name_en.lower()} "
                f"on {assignment.ends_on.isoformat()}.",
                details={"role": role_type.code, "endsOn": assignment.ends_on.isoformat()},
                **base,
            )
