"""Business rules for people, role types and role assignments."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from spil.kit import clock, deletion, scope
from spil.kit.crud import audited_create, audited_delete, audited_update
from spil.kit.errors import ProblemError, conflict, conflict_on, invalid, not_found
from spil.kit.pagination import Page, PageParams, like_pattern, paginate
from spil.kit.policy import Capability, Principal
from spil.organisations.models import Board, Region, School
from spil.organisations.service import visible_board_id
from spil.partners.models import Partner, Partnership
from spil.people.models import Person, RoleAssignment, RoleType, active_assignment
from spil.people.schemas import (
    AssignmentFields,
    PersonCreate,
    PersonOut,
    PersonRole,
    PersonUpdate,
    RoleAssignmentCreate,
    RoleAssignmentOut,
    RoleTypeCreate,
    RoleTypeOut,
)
from spil.sync import ownership


# --- people ----------------------------------------------------------------------------------
def _person_query(principal: Principal) -> sa.Select[Any]:
    roles = (
        sa.select(sa.func.count())
        .where(RoleAssignment.person_id == Person.id, active_assignment())
        .correlate(Person)
        .scalar_subquery()
    )
    source, owned = ownership.columns("person", Person.id)
    return sa.select(Person, roles, source, owned).where(Person.board_id.in_(scope.boards(principal)))


def _person_out(row: Any) -> PersonOut:
    person, roles, source, owned = row
    return PersonOut.model_validate(
        {
            **person.model_dump(),
            "active_roles": roles,
            "synced_from": ownership.synced_from("person", source, owned),
        }
    )


def list_people(
    session: Session,
    principal: Principal,
    params: PageParams,
    *,
    q: str | None,
    board_id: int | None,
    kind: str | None,
    language: str | None,
    school_id: int | None = None,
) -> Page[PersonOut]:
    stmt = _person_query(principal)
    if q:
        stmt = stmt.where(
            sa.or_(
                sa.func.lower(Person.name).like(like_pattern(q), escape="\\"),
                Person.email.like(like_pattern(q), escape="\\"),
            )
        )
    if board_id is not None:
        stmt = stmt.where(Person.board_id == board_id)
    if kind is not None:
        stmt = stmt.where(Person.kind == kind)
    if language is not None:
        from spil.kit.crud import json_list_contains

        stmt = stmt.where(json_list_contains(Person.languages, language))
    if school_id is not None:
        holds = sa.select(RoleAssignment.person_id).where(
            RoleAssignment.school_id == school_id, active_assignment()
        )
        stmt = stmt.where(Person.id.in_(holds))
    page = paginate(
        session,
        stmt,
        params,
        sortable={"name": Person.name, "kind": Person.kind, "updatedAt": Person.updated_at},
        default_sort=[Person.name],
        tiebreak=Person.id,
        convert=_person_out,
    )
    _add_current_roles(session, principal, page.items)
    return page


def _add_current_roles(session: Session, principal: Principal, people: list[PersonOut]) -> None:
    """Each person's roles of today, in one query for the page."""
    if not people:
        return
    rows = session.execute(
        sa.select(
            RoleAssignment.person_id, RoleType.code, RoleType.name_nl, School.id, School.name, Partner.name
        )
        .join(RoleType, RoleType.id == RoleAssignment.role_type_id)
        .outerjoin(School, School.id == RoleAssignment.school_id)
        .outerjoin(Partnership, Partnership.id == RoleAssignment.partnership_id)
        .outerjoin(Partner, Partner.id == Partnership.partner_id)
        .where(
            RoleAssignment.person_id.in_([p.id for p in people]),
            active_assignment(),
            scope.school_or_board(principal, RoleAssignment.school_id, RoleAssignment.board_id),
        )
        .order_by(RoleAssignment.person_id, RoleAssignment.is_primary.desc(), RoleType.name_nl, School.name)
    ).all()
    by_person: dict[int, list[PersonRole]] = {}
    for person_id, code, name, school_id, school_name, partner_name in rows:
        by_person.setdefault(person_id, []).append(
            PersonRole(
                role_code=code,
                role_name=name,
                school_id=school_id,
                school_name=school_name,
                partner_name=partner_name,
            )
        )
    for person in people:
        person.current_roles = by_person.get(person.id, [])


def visible_person(session: Session, principal: Principal, person_id: int) -> Person:
    person = (
        session.execute(
            sa.select(Person).where(Person.id == person_id, Person.board_id.in_(scope.boards(principal)))
        )
        .scalars()
        .first()
    )
    if person is None:
        raise not_found("person")
    return person


def get_person(session: Session, principal: Principal, person_id: int) -> tuple[PersonOut, int]:
    row = session.execute(_person_query(principal).where(Person.id == person_id)).first()
    if row is None:
        raise not_found("person")
    person = _person_out(row)
    _add_current_roles(session, principal, [person])
    return person, row[0].version


def _check_email(session: Session, board_id: int, email: str | None, exclude: int | None) -> None:
    if email is None:
        return
    stmt = sa.select(Person.id).where(Person.board_id == board_id, Person.email == email)
    if exclude is not None:
        stmt = stmt.where(Person.id != exclude)
    if session.execute(stmt).first():
        raise conflict_on(
            "email", f"Someone in this board already has the e-mail address {email}.", "duplicate"
        )


def add_person(session: Session, principal: Principal, data: PersonCreate) -> int:
    """Validate and insert (audited, not committed); the id."""
    visible_board_id(session, principal, data.board_id)
    principal.require_in_board(Capability.EDIT, data.board_id)
    _check_email(session, data.board_id, data.email, None)
    fields = {k: v for k, v in data.model_dump().items() if v is not None}
    person = Person(**fields)
    ident = audited_create(session, principal, person, "person", board_id=lambda p: p.board_id)
    return ident


def create_person(session: Session, principal: Principal, data: PersonCreate) -> tuple[PersonOut, int]:
    ident = add_person(session, principal, data)
    return get_person(session, principal, ident)


def change_person(
    session: Session, principal: Principal, person_id: int, data: PersonUpdate, check_version: Any
) -> None:
    """Validate and apply a change (audited, not committed)."""
    person = visible_person(session, principal, person_id)
    principal.require_in_board(Capability.EDIT, person.board_id)
    check_version(person.version)
    if person.erased_on is not None:
        raise conflict("This person's data was erased; register them anew if they come back.", "erased")
    changes = data.model_dump(exclude_unset=True)
    if changes.get("languages") is None and "languages" in changes:
        changes["languages"] = []
    _check_email(session, person.board_id, changes.get("email"), person_id)
    ownership.refuse_owned(session, "person", person_id, changes, person)
    audited_update(
        session, principal, person, changes, "person", required=["name", "kind"], board_id=person.board_id
    )


def update_person(
    session: Session, principal: Principal, person_id: int, data: PersonUpdate, check_version: Any
) -> tuple[PersonOut, int]:
    change_person(session, principal, person_id, data, check_version)
    return get_person(session, principal, person_id)


def delete_person(session: Session, principal: Principal, person_id: int, check_version: Any) -> None:
    person = visible_person(session, principal, person_id)
    principal.require_in_board(Capability.EDIT, person.board_id)
    check_version(person.version)
    if session.scalar(sa.select(sa.func.count()).where(RoleAssignment.person_id == person_id)):
        raise conflict(
            "This person holds or held roles; end the roles instead, so the history is kept.", "in-use"
        )
    deletion.refuse_if_referenced(session, "person", person_id)
    audited_delete(session, principal, person, "person", board_id=person.board_id)


# --- role types ------------------------------------------------------------------------------
def list_role_types(session: Session, principal: Principal, board_id: int | None) -> list[RoleTypeOut]:
    stmt = sa.select(RoleType).where(
        sa.or_(RoleType.board_id.is_(None), RoleType.board_id.in_(scope.boards(principal, regional=True)))
    )
    if board_id is not None:
        stmt = stmt.where(sa.or_(RoleType.board_id.is_(None), RoleType.board_id == board_id))
    rows = session.execute(stmt.order_by(RoleType.board_id.is_not(None), RoleType.id)).scalars()
    return [RoleTypeOut.model_validate(r) for r in rows]


def create_role_type(session: Session, principal: Principal, data: RoleTypeCreate) -> RoleTypeOut:
    visible_board_id(session, principal, data.board_id)
    principal.require(Capability.MANAGE_BOARD, board_id=data.board_id)
    clash = session.execute(
        sa.select(RoleType.id).where(
            RoleType.code == data.code,
            sa.or_(RoleType.board_id.is_(None), RoleType.board_id == data.board_id),
        )
    ).first()
    if clash:
        raise conflict_on("code", f"The role type code '{data.code}' already exists.", "duplicate")
    role_type = RoleType(**data.model_dump(), required_by="none")
    audited_create(session, principal, role_type, "role-type", board_id=lambda r: r.board_id)
    return RoleTypeOut.model_validate(role_type)


def delete_role_type(session: Session, principal: Principal, role_type_id: int) -> None:
    role_type = session.get(RoleType, role_type_id)
    if role_type is None or (
        role_type.board_id is not None
        and session.execute(
            sa.select(Board.id).where(
                Board.id == role_type.board_id, Board.id.in_(scope.boards(principal, regional=True))
            )
        ).first()
        is None
    ):
        raise not_found("role type")
    if role_type.board_id is None:
        raise ProblemError(403, "Built-in role types cannot be removed.", code="built-in")
    principal.require(Capability.MANAGE_BOARD, board_id=role_type.board_id)
    if session.scalar(sa.select(sa.func.count()).where(RoleAssignment.role_type_id == role_type_id)):
        raise conflict("People hold (or held) this role; it cannot be removed.", "in-use")
    audited_delete(session, principal, role_type, "role-type", board_id=role_type.board_id)


def resolve_role_type(session: Session, board_id: int, code: str, field: str = "role") -> RoleType:
    role_type = (
        session.execute(
            sa.select(RoleType)
            .where(RoleType.code == code, sa.or_(RoleType.board_id.is_(None), RoleType.board_id == board_id))
            .order_by(RoleType.board_id.is_(None))
        )
        .scalars()
        .first()
    )
    if role_type is None:
        raise invalid(
            [(field, "unknown-role-type", f"Unknown role type '{code}'.")], code="unknown-role-type"
        )
    return role_type


# --- role assignments ------------------------------------------------------------------------
def _assignment_query(principal: Principal) -> sa.Select[Any]:
    source, owned = ownership.columns("role-assignment", RoleAssignment.id)
    return (
        sa.select(
            RoleAssignment,
            Person.name,
            RoleType.code,
            RoleType.name_nl,
            School.name,
            Partner.name,
            source,
            owned,
        )
        .join(Person, Person.id == RoleAssignment.person_id)
        .join(RoleType, RoleType.id == RoleAssignment.role_type_id)
        .outerjoin(School, School.id == RoleAssignment.school_id)
        .outerjoin(Partnership, Partnership.id == RoleAssignment.partnership_id)
        .outerjoin(Partner, Partner.id == Partnership.partner_id)
        .where(scope.school_or_board(principal, RoleAssignment.school_id, RoleAssignment.board_id))
    )


def is_active(assignment: RoleAssignment, today: dt.date | None = None) -> bool:
    today = today or clock.today()
    return (assignment.ends_on is None or assignment.ends_on >= today) and (
        assignment.starts_on is None or assignment.starts_on <= today
    )


def _assignment_out(row: Any) -> RoleAssignmentOut:
    assignment, person_name, code, role_name, school_name, partner_name, source, owned = row
    return RoleAssignmentOut.model_validate(
        {
            **assignment.model_dump(),
            "person_name": person_name,
            "role_code": code,
            "role_name": role_name,
            "school_name": school_name,
            "partner_name": partner_name,
            "active": is_active(assignment),
            "synced_from": ownership.synced_from("role-assignment", source, owned),
        }
    )


def list_assignments(
    session: Session,
    principal: Principal,
    params: PageParams,
    *,
    board_id: int | None,
    school_id: int | None,
    person_id: int | None,
    partnership_id: int | None,
    role: str | None,
    active: bool | None,
) -> Page[RoleAssignmentOut]:
    stmt = _assignment_query(principal)
    for column, value in (
        (RoleAssignment.board_id, board_id),
        (RoleAssignment.school_id, school_id),
        (RoleAssignment.person_id, person_id),
        (RoleAssignment.partnership_id, partnership_id),
        (RoleType.code, role),
    ):
        if value is not None:
            stmt = stmt.where(column == value)
    if active is True:
        stmt = stmt.where(active_assignment())
    elif active is False:
        stmt = stmt.where(sa.not_(active_assignment()))
    return paginate(
        session,
        stmt,
        params,
        sortable={
            "person": Person.name,
            "role": RoleType.code,
            "startsOn": RoleAssignment.starts_on,
            "endsOn": RoleAssignment.ends_on,
        },
        default_sort=[RoleType.id, Person.name],
        tiebreak=RoleAssignment.id,
        convert=_assignment_out,
    )


def visible_assignment(session: Session, principal: Principal, assignment_id: int) -> RoleAssignment:
    found = (
        session.execute(
            sa.select(RoleAssignment).where(
                RoleAssignment.id == assignment_id,
                scope.school_or_board(principal, RoleAssignment.school_id, RoleAssignment.board_id),
            )
        )
        .scalars()
        .first()
    )
    if found is None:
        raise not_found("role assignment")
    return found


def get_assignment(
    session: Session, principal: Principal, assignment_id: int
) -> tuple[RoleAssignmentOut, int]:
    row = session.execute(_assignment_query(principal).where(RoleAssignment.id == assignment_id)).first()
    if row is None:
        raise not_found("role assignment")
    return _assignment_out(row), row[0].version


def _require_assignment_edit(principal: Principal, board_id: int, school_id: int | None) -> None:
    if school_id is None:
        principal.require(Capability.EDIT, board_id=board_id)
    else:
        principal.require(Capability.EDIT, board_id=board_id, school_id=school_id)


def add_assignment(session: Session, principal: Principal, data: RoleAssignmentCreate) -> int:
    """Validate and insert (audited, not committed); the id."""
    try:
        person = visible_person(session, principal, data.person_id)
    except ProblemError:
        raise invalid(
            [
                (
                    "personId",
                    "unknown-reference",
                    f"There is no person with id {data.person_id} in your scope.",
                )
            ],
            code="unknown-reference",
        ) from None
    if person.erased_on is not None:
        raise invalid([("personId", "erased", "This person's data was erased; register them anew.")])
    board_id = person.board_id
    role_type = resolve_role_type(session, board_id, data.role)
    school_id, region_id = data.school_id, data.region_id
    if data.partnership_id is not None:
        partnership = session.get(Partnership, data.partnership_id)
        shared = partnership is not None and partnership.programme_id is not None
        if shared and partnership is not None:  # a programme's: any current member board's people
            members = scope.programme_boards(partnership.programme_id, clock.today())
            shared = board_id in set(session.execute(members).scalars())
        if partnership is None or (partnership.board_id != board_id and not shared):
            raise invalid(
                [
                    (
                        "partnershipId",
                        "unknown-reference",
                        "There is no partnership with that id in this person's board.",
                    )
                ],
                code="unknown-reference",
            )
        if school_id is None:
            school_id = partnership.school_id
        elif partnership.school_id not in (None, school_id):
            raise invalid(
                [("schoolId", "school-mismatch", "The partnership belongs to another school.")],
                code="school-mismatch",
            )
    level = "school" if school_id else "region" if region_id else "board"
    board_wide_partnership = data.partnership_id is not None and school_id is None
    if role_type.scope_level != level and not (board_wide_partnership and role_type.scope_level == "school"):
        field = "schoolId" if role_type.scope_level == "school" else "role"
        reason = (
            f"The role '{role_type.code}' is held at {role_type.scope_level} level; this assignment is at "
            f"{level} level."
        )
        raise invalid([(field, "role-scope-mismatch", reason)], code="role-scope-mismatch")
    if school_id is not None:
        school = session.get(School, school_id)
        if school is None or school.board_id != board_id:
            raise invalid(
                [
                    (
                        "schoolId",
                        "unknown-reference",
                        "There is no school with that id in this person's board.",
                    )
                ],
                code="unknown-reference",
            )
    if region_id is not None and session.get(Region, region_id) is None:
        raise invalid(
            [("regionId", "unknown-reference", f"There is no region with id {region_id}.")],
            code="unknown-reference",
        )
    if level == "region":
        principal.require(Capability.MANAGE_BOARD, board_id=board_id)
    else:
        _require_assignment_edit(principal, board_id, school_id)
    fields = data.model_dump(exclude={"person_id", "role", "school_id", "region_id", "partnership_id"})
    fields = {k: v for k, v in fields.items() if v is not None}
    assignment = RoleAssignment(
        **fields,
        person_id=person.id,
        role_type_id=role_type.id,
        board_id=board_id,
        school_id=school_id,
        region_id=region_id,
        partnership_id=data.partnership_id,
    )
    ident = audited_create(
        session,
        principal,
        assignment,
        "role-assignment",
        board_id=lambda a: a.board_id,
        school_id=lambda a: a.school_id,
    )
    return ident


def create_assignment(
    session: Session, principal: Principal, data: RoleAssignmentCreate
) -> tuple[RoleAssignmentOut, int]:
    ident = add_assignment(session, principal, data)
    return get_assignment(session, principal, ident)


def change_assignment(
    session: Session, principal: Principal, assignment_id: int, data: AssignmentFields, check_version: Any
) -> None:
    """Validate and apply a change (audited, not committed)."""
    assignment = visible_assignment(session, principal, assignment_id)
    _require_assignment_edit(principal, assignment.board_id, assignment.school_id)
    check_version(assignment.version)
    changes = data.model_dump(exclude_unset=True)
    ownership.refuse_owned(session, "role-assignment", assignment_id, changes, assignment)
    audited_update(
        session,
        principal,
        assignment,
        changes,
        "role-assignment",
        required=["is_primary"],
        board_id=assignment.board_id,
        school_id=assignment.school_id,
    )
    if assignment.starts_on and assignment.ends_on and assignment.ends_on < assignment.starts_on:
        raise invalid(
            [("endsOn", "end-before-start", "The end date is before the start date.")],
            code="end-before-start",
        )


def update_assignment(
    session: Session, principal: Principal, assignment_id: int, data: AssignmentFields, check_version: Any
) -> tuple[RoleAssignmentOut, int]:
    change_assignment(session, principal, assignment_id, data, check_version)
    return get_assignment(session, principal, assignment_id)


def delete_assignment(session: Session, principal: Principal, assignment_id: int, check_version: Any) -> None:
    """For an assignment entered by mistake; ending a real one is a PATCH of ``endsOn``."""
    assignment = visible_assignment(session, principal, assignment_id)
    _require_assignment_edit(principal, assignment.board_id, assignment.school_id)
    check_version(assignment.version)
    deletion.refuse_if_referenced(session, "role_assignment", assignment_id)
    audited_delete(
        session,
        principal,
        assignment,
        "role-assignment",
        board_id=assignment.board_id,
        school_id=assignment.school_id,
    )
