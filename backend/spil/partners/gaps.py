"""Gap rules of partners, people and roles (issue: who is the contact point for what)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col

from spil.kit.gaps import EXPIRY_WINDOW_DAYS, Gap, GapScope, Severity, rule
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


def _open_partnerships(session: Session, scope: GapScope) -> list[Any]:
    """The open partnerships in scope as plain rows (no ORM objects: at national scale a board has
    thousands), each with its number of current internal contacts counted by the database."""
    contacts = (
        sa.select(sa.func.count(sa.distinct(RoleAssignment.person_id)))
        .where(RoleAssignment.partnership_id == Partnership.id, active_assignment(scope.today))
        .correlate(Partnership)
        .scalar_subquery()
    )
    in_scope = [Partnership.school_id.in_(scope.school_ids)]
    if scope.board_ids:
        in_scope.append(sa.and_(Partnership.school_id.is_(None), Partnership.board_id.in_(scope.board_ids)))
    return list(
        session.execute(
            sa.select(
                Partnership.id,
                Partnership.board_id,
                Partnership.school_id,
                Partnership.status,
                Partnership.end_date,
                Partnership.review_date,
                Partner.name.label("partner"),
                School.name.label("school"),
                contacts.label("contacts"),
            )
            .join(Partner, Partner.id == Partnership.partner_id)
            .outerjoin(School, School.id == Partnership.school_id)
            .where(sa.or_(*in_scope), Partnership.status.in_(OPEN_STATUSES))
        ).all()
    )


def _partnership_gap(kind: str, severity: Severity, row: Any, message: str, **details: str) -> Gap:
    return Gap(
        kind=kind,
        severity=severity,
        subject_type="partnership",
        subject_id=row.id,
        subject_name=row.partner,
        message=message,
        board_id=row.board_id,
        school_id=row.school_id,
        school_name=row.school,
        details=details,
    )


@rule
def partnerships(session: Session, scope: GapScope) -> Iterable[Gap]:
    """Every ongoing partnership needs an internal contact, and better two: contacts must not rest
    on one person (seed 001). Open agreements must not have run out, nor their review."""
    soon = scope.today + dt.timedelta(days=EXPIRY_WINDOW_DAYS)
    for row in _open_partnerships(session, scope):
        ongoing = row.status in ("exploring", "active")
        if ongoing and row.contacts == 0:
            yield _partnership_gap(
                "no-internal-contact",
                "error",
                row,
                f"Nobody at school is the contact point for {row.partner}.",
            )
        elif ongoing and row.contacts == 1:
            yield _partnership_gap(
                "single-internal-contact",
                "warning",
                row,
                f"The contact with {row.partner} rests on one person; add a second contact.",
            )
        end, review = row.end_date, row.review_date
        if end is not None and end < scope.today:
            yield _partnership_gap(
                "expired",
                "error",
                row,
                f"The agreement with {row.partner} ended on {end.isoformat()} "
                "but the partnership is still open.",
                endDate=end.isoformat(),
            )
        elif end is not None and end <= soon:
            yield _partnership_gap(
                "expiring",
                "warning",
                row,
                f"The agreement with {row.partner} ends on {end.isoformat()}.",
                endDate=end.isoformat(),
            )
        if review is not None and review < scope.today:
            yield _partnership_gap(
                "review-overdue",
                "warning",
                row,
                f"The review of the partnership with {row.partner} was due on {review.isoformat()}.",
                reviewDate=review.isoformat(),
            )


@rule
def assignments(session: Session, scope: GapScope) -> Iterable[Gap]:
    """Roles that need hours but have none (a supervisor needs enough hours, seed 000), and roles
    that end within the expiry window. The database keeps only those."""
    soon = scope.today + dt.timedelta(days=EXPIRY_WINDOW_DAYS)
    in_scope = [RoleAssignment.school_id.in_(scope.school_ids)]
    if scope.board_ids:
        board_wide = sa.and_(RoleAssignment.school_id.is_(None), RoleAssignment.board_id.in_(scope.board_ids))
        in_scope.append(board_wide)
    without_hours = sa.and_(
        RoleType.needs_hours.is_(True),
        sa.func.coalesce(RoleAssignment.hours_per_week, 0) == 0,
        sa.func.coalesce(RoleAssignment.hours_per_year, 0) == 0,
    )
    rows = session.execute(
        sa.select(
            RoleAssignment.id,
            RoleAssignment.board_id,
            RoleAssignment.school_id,
            RoleAssignment.ends_on,
            Person.name,
            RoleType.code,
            RoleType.name_en,
            School.name,
            without_hours,
        )
        .join(Person, Person.id == RoleAssignment.person_id)
        .join(RoleType, RoleType.id == RoleAssignment.role_type_id)
        .outerjoin(School, School.id == RoleAssignment.school_id)
        .where(
            sa.or_(*in_scope),
            active_assignment(scope.today),
            sa.or_(without_hours, col(RoleAssignment.ends_on) <= soon),
        )
    ).all()
    for aid, board_id, school_id, ends_on, person_name, code, role_name, school_name, no_hours in rows:
        base = {
            "subject_type": "role-assignment",
            "subject_id": aid,
            "subject_name": f"{person_name} ({role_name})",
            "board_id": board_id,
            "school_id": school_id,
            "school_name": school_name,
        }
        if no_hours:
            supervisor = code.endswith("supervisor")
            yield Gap(
                kind="supervisor-without-hours" if supervisor else "role-without-hours",
                severity="warning" if supervisor else "info",
                message=f"{person_name} is {role_name.lower()} without allocated hours.",
                details={"role": code},
                **base,
            )
        if ends_on is not None and ends_on <= soon:
            yield Gap(
                kind="expiring",
                severity="warning",
                message=f"{person_name} stops as {role_name.lower()} on {ends_on.isoformat()}.",
                details={"role": code, "endsOn": ends_on.isoformat()},
                **base,
            )
