"""Placements under the job agreement, with their workplace mentors.

A placement belongs to a school of the track's board. The board's staff read every placement of
the board, a school's staff those at their school; a board administrator or the school's
administrator keeps them. The employee's name is for the board's administrators and the
placement's workplace mentor only: everyone else reads "placement 3 at OBS De Spil".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from spil.inclusion import counting
from spil.inclusion.models import InclusionPlacement, InclusionTrack
from spil.inclusion.schemas import MentorOut, PlacementCreate, PlacementOut, PlacementUpdate
from spil.inclusion.service import visible_track
from spil.kit import clock, scope
from spil.kit.crud import audited_create, audited_delete, audited_update
from spil.kit.errors import ProblemError, invalid, not_found
from spil.kit.policy import Capability, Principal, Role
from spil.organisations.models import School
from spil.people.models import Person, RoleAssignment, RoleType
from spil.people.service import is_active

MENTOR_ROLE = "workplace-mentor"


def placements_in_scope(
    principal: Principal, capability: Capability = Capability.READ
) -> sa.ColumnElement[bool]:
    """Placements at a school the principal reads (``spil.kit.scope``); never a region's."""
    return scope.school_or_board(
        principal, InclusionPlacement.school_id, InclusionPlacement.board_id, capability
    )


def is_board_admin(principal: Principal, board_id: int) -> bool:
    """A board administrator of this board (not the platform administrator: the name is the board's)."""
    return principal.kind == "user" and any(
        g.role is Role.BOARD_ADMIN and g.board_id == board_id for g in principal.grants
    )


def may_see_name(principal: Principal, placement: InclusionPlacement, mentor_current: bool) -> bool:
    """The board's administrators, and the current mentor as a board administrator confirmed them
    (``mentor_login``, taken when a board admin named the mentor: not the person's e-mail address
    as it may be edited later by others)."""
    if is_board_admin(principal, placement.board_id):
        return True
    login = placement.mentor_login
    return (
        principal.kind == "user" and mentor_current and login is not None and login == principal.label.lower()
    )


def _mentor_login(
    session: Session, principal: Principal, board_id: int, assignment_id: int | None
) -> str | None:
    """Who may read the name as the mentor: the mentor's e-mail address when a board administrator
    names the mentor; nobody when someone else does (a board admin confirms it by naming them)."""
    if assignment_id is None or not is_board_admin(principal, board_id):
        return None
    email = session.scalar(
        sa.select(Person.email)
        .join(RoleAssignment, RoleAssignment.person_id == Person.id)
        .where(RoleAssignment.id == assignment_id)
    )
    return email.lower() if email else None


def require_edit(principal: Principal, board_id: int, school_id: int) -> None:
    if not principal.can(Capability.MANAGE_SCHOOL, board_id=board_id, school_id=school_id):
        raise ProblemError(
            403,
            "Only the board's administrators and the school's administrators keep placements.",
            code="forbidden",
        )


def _mentors(session: Session, ids: set[int]) -> dict[int, MentorOut]:
    if not ids:
        return {}
    rows = session.execute(
        sa.select(RoleAssignment, Person.name)
        .join(Person, Person.id == RoleAssignment.person_id)
        .where(RoleAssignment.id.in_(ids))
    ).all()
    return {
        a.id: MentorOut(
            assignment_id=a.id, person_name=name, hours_per_week=a.hours_per_week, active=is_active(a)
        )
        for a, name in rows
    }


def placements_out(
    session: Session, principal: Principal, rows: list[InclusionPlacement]
) -> list[PlacementOut]:
    if not rows:
        return []
    today = clock.today()
    schools: dict[int, str] = dict(
        session.execute(
            sa.select(School.id, School.name).where(School.id.in_({p.school_id for p in rows}))
        ).all()
    )
    mentors = _mentors(session, {p.mentor_assignment_id for p in rows if p.mentor_assignment_id})
    out = []
    for p in rows:
        mentor = mentors.get(p.mentor_assignment_id or 0)
        visible = may_see_name(principal, p, mentor is not None and mentor.active)
        out.append(
            PlacementOut.model_validate(
                {
                    **p.model_dump(exclude={"employee_name"}),
                    "school_name": schools.get(p.school_id, ""),
                    "jobs": counting.shown(counting.jobs_of_hours(p.hours_per_week), "0.0001"),
                    "running": p.starts_on <= today and (p.ends_on is None or p.ends_on >= today),
                    "mentor": mentor,
                    "employee_name": p.employee_name if visible else None,
                    "name_visible": visible,
                }
            )
        )
    return out


def list_placements(
    session: Session, principal: Principal, track_id: int, *, school_id: int | None
) -> list[PlacementOut]:
    visible_track(session, principal, track_id)
    stmt = sa.select(InclusionPlacement).where(
        InclusionPlacement.track_id == track_id, placements_in_scope(principal)
    )
    if school_id is not None:
        stmt = stmt.where(InclusionPlacement.school_id == school_id)
    rows = list(session.execute(stmt.order_by(InclusionPlacement.number)).scalars())
    return placements_out(session, principal, rows)


def _visible(
    session: Session, principal: Principal, track_id: int, placement_id: int
) -> tuple[InclusionTrack, InclusionPlacement]:
    track = visible_track(session, principal, track_id)
    found = session.execute(
        sa.select(InclusionPlacement).where(
            InclusionPlacement.id == placement_id,
            InclusionPlacement.track_id == track_id,
            placements_in_scope(principal),
        )
    ).scalar()
    if found is None:
        raise not_found("placement")
    return track, found


def get_placement(
    session: Session, principal: Principal, track_id: int, placement_id: int
) -> tuple[PlacementOut, int]:
    _, placement = _visible(session, principal, track_id, placement_id)
    return placements_out(session, principal, [placement])[0], placement.version


def _check(session: Session, board_id: int, values: dict[str, Any]) -> list[tuple[str, str, str]]:
    problems: list[tuple[str, str, str]] = []
    school_id = values.get("school_id")
    if (
        school_id is not None
        and session.scalar(sa.select(School.board_id).where(School.id == school_id)) != board_id
    ):
        problems.append(
            ("schoolId", "unknown-reference", f"There is no school with id {school_id} in this board.")
        )
    mentor_id = values.get("mentor_assignment_id")
    if mentor_id is not None:
        row = session.execute(
            sa.select(RoleAssignment.board_id, RoleType.code)
            .join(RoleType, RoleType.id == RoleAssignment.role_type_id)
            .where(RoleAssignment.id == mentor_id)
        ).first()
        if row is None or row[0] != board_id:
            problems.append(
                (
                    "mentorAssignmentId",
                    "unknown-reference",
                    f"There is no role assignment with id {mentor_id} in this board.",
                )
            )
        elif row[1] != MENTOR_ROLE:
            problems.append(
                (
                    "mentorAssignmentId",
                    "wrong-role",
                    f"Role assignment {mentor_id} is a '{row[1]}', not a '{MENTOR_ROLE}'.",
                )
            )
    starts, ends = values.get("starts_on"), values.get("ends_on")
    if starts is not None and ends is not None and ends < starts:
        problems.append(("endsOn", "end-before-start", "The end date is before the start date."))
    checked = values.get("register_checked_on")
    if checked is not None and checked > clock.today():
        problems.append(
            ("registerCheckedOn", "in-the-future", "The register check cannot lie in the future.")
        )
    return problems


def _require_name_right(principal: Principal, board_id: int) -> None:
    if not is_board_admin(principal, board_id):
        raise ProblemError(
            403,
            "Only the board's administrators record an employee's name.",
            code="forbidden",
            invalid_params=[
                {"name": "employeeName", "in": "body", "code": "forbidden", "reason": "Not allowed."}
            ],
        )


def create_placement(
    session: Session, principal: Principal, track_id: int, data: PlacementCreate
) -> tuple[PlacementOut, int]:
    track = visible_track(session, principal, track_id)
    values = data.model_dump(exclude_none=True)
    if problems := _check(session, track.board_id, values):
        raise invalid(problems)
    require_edit(principal, track.board_id, data.school_id)
    if data.employee_name is not None:
        _require_name_right(principal, track.board_id)
    # numbered within the track; the row lock on the track serialises two creates
    session.execute(
        sa.update(InclusionTrack)
        .where(InclusionTrack.id == track_id)
        .values(next_placement_number=InclusionTrack.next_placement_number + 1)
        .execution_options(synchronize_session=False)
    )
    number = session.scalar(
        sa.select(InclusionTrack.next_placement_number).where(InclusionTrack.id == track_id)
    )
    placement = InclusionPlacement(
        track_id=track_id,
        board_id=track.board_id,
        number=(number or 2) - 1,
        mentor_login=_mentor_login(session, principal, track.board_id, data.mentor_assignment_id),
        **values,
    )
    audited_create(
        session,
        principal,
        placement,
        "inclusion-placement",
        board_id=lambda p: p.board_id,
        school_id=lambda p: p.school_id,
    )
    if placement.employee_name is not None:
        audit_blank_name(session, placement.id or 0)
    return get_placement(session, principal, track_id, placement.id or 0)


def update_placement(
    session: Session,
    principal: Principal,
    track_id: int,
    placement_id: int,
    data: PlacementUpdate,
    check_version: Callable[[int], None],
) -> tuple[PlacementOut, int]:
    track, placement = _visible(session, principal, track_id, placement_id)
    require_edit(principal, track.board_id, placement.school_id)
    check_version(placement.version)
    changes = data.model_dump(exclude_unset=True)
    merged = {**placement.model_dump(), **changes}
    if problems := _check(
        session,
        track.board_id,
        {k: v for k, v in merged.items() if k in changes or k in ("starts_on", "ends_on")},
    ):
        raise invalid(problems)
    if "school_id" in changes and changes["school_id"] not in (None, placement.school_id):
        require_edit(principal, track.board_id, changes["school_id"])
    if "employee_name" in changes and changes["employee_name"] != placement.employee_name:
        _require_name_right(principal, track.board_id)
    if "mentor_assignment_id" in changes:  # named (again): confirmed by a board admin, else nobody
        changes["mentor_login"] = _mentor_login(
            session, principal, track.board_id, changes["mentor_assignment_id"]
        )
    audited_update(
        session,
        principal,
        placement,
        changes,
        "inclusion-placement",
        required=[
            "school_id",
            "job_title",
            "hours_per_week",
            "starts_on",
            "contract_kind",
            "counts_towards_job_agreement",
        ],
        board_id=placement.board_id,
        school_id=placement.school_id,
    )
    if "employee_name" in changes:
        audit_blank_name(session, placement.id or 0)
    return get_placement(session, principal, track_id, placement_id)


def audit_blank_name(session: Session, placement_id: int) -> None:
    """The audit trail is read by more people than may read the name: it keeps that the name
    changed, not what it is."""
    from spil.kit.personal_data import blank_audit

    blank_audit(session, "inclusion-placement", [placement_id], ["employeeName"])


def delete_placement(
    session: Session,
    principal: Principal,
    track_id: int,
    placement_id: int,
    check_version: Callable[[int], None],
) -> None:
    track, placement = _visible(session, principal, track_id, placement_id)
    require_edit(principal, track.board_id, placement.school_id)
    check_version(placement.version)
    audited_delete(
        session,
        principal,
        placement,
        "inclusion-placement",
        board_id=placement.board_id,
        school_id=placement.school_id,
    )
    audit_blank_name(session, placement_id)
