"""Gap rules of roles: every school has the roles the law or a guideline asks of it, roles that
need hours have them, and roles that end soon are seen in time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import sqlalchemy as sa
from sqlmodel import Session, col

from spil.kit.gaps import EXPIRY_WINDOW_DAYS, Gap, GapScope, rule
from spil.organisations.models import School
from spil.people.models import Person, RoleAssignment, RoleType, active_assignment


def required_role_types(session: Session) -> list[RoleType]:
    """The roles asked of every school: by the law or a guideline (built in, or a board's own)."""
    return list(
        session.execute(
            sa.select(RoleType)
            .where(RoleType.required_per_school.is_(True), RoleType.scope_level == "school")
            .order_by(RoleType.id)
        ).scalars()
    )


def held_roles(session: Session, school_ids: Iterable[int], today: dt.date) -> set[tuple[int, int]]:
    """(school, role type) of the roles currently held at these schools."""
    return {
        (school_id, role_type_id)
        for school_id, role_type_id in session.execute(
            sa.select(RoleAssignment.school_id, RoleAssignment.role_type_id).where(
                RoleAssignment.school_id.in_(school_ids), active_assignment(today)
            )
        ).all()
    }


@rule
def required_roles(session: Session, scope: GapScope) -> Iterable[Gap]:
    """A school without a role that the law (error) or a guideline (warning) asks of every school."""
    schools = session.execute(
        sa.select(School.id, School.name, School.board_id).where(School.id.in_(scope.school_ids))
    ).all()
    if not schools:
        return
    role_types = required_role_types(session)
    held = held_roles(session, scope.school_ids, scope.today)
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
