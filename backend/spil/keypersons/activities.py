"""Key-person activities (what they do, whom they reach) and the public "who is who" listings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from spil.keypersons.models import KeyPersonActivity, KeyPersonActivityPerson, KeyPersonListing
from spil.keypersons.schemas import (
    ActivityCreate,
    ActivityOut,
    ActivityUpdate,
    ListingCreate,
    ListingOut,
    ListingUpdate,
    PublicKeyPersons,
)
from spil.kit import clock, scope
from spil.kit.crud import audited_create, audited_delete, audited_update
from spil.kit.errors import ProblemError, conflict_on, invalid, not_found
from spil.kit.pagination import Page, PageParams, paginate
from spil.kit.policy import Capability, Principal
from spil.organisations.models import School
from spil.people.models import Person, RoleAssignment, RoleType, active_assignment
from spil.people.service import is_active

PUBLIC_ROLES = ("key-person", "key-person-contact-point")
# People on the complaint routes whom a school may name publicly (the route finder); the "who is
# who" page of key persons shows only PUBLIC_ROLES.
ROUTE_ROLES = (
    "internal-confidential-counsellor",
    "anti-bullying-coordinator",
    "reporting-code-officer",
    "school-leader",
    "ib",
    "care-coordinator",
)


def _school_in_scope(session: Session, principal: Principal, school_id: int) -> School:
    school = (
        session.execute(
            sa.select(School).where(School.id == school_id, School.id.in_(scope.schools(principal)))
        )
        .scalars()
        .first()
    )
    if school is None:
        raise invalid(
            [("schoolId", "unknown-reference", f"There is no school with id {school_id} in your scope.")],
            code="unknown-reference",
        )
    return school


# --- activities -------------------------------------------------------------------------------
def _activity_people(session: Session, ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = {i: [] for i in ids}
    rows = session.execute(
        sa.select(KeyPersonActivityPerson.activity_id, Person.id, Person.name)
        .join(Person, Person.id == KeyPersonActivityPerson.person_id)
        .where(KeyPersonActivityPerson.activity_id.in_(ids))
        .order_by(Person.name)
    ).all()
    for activity_id, person_id, name in rows:
        out[activity_id].append({"id": person_id, "name": name})
    return out


def _activity_outs(session: Session, rows: list[Any]) -> list[ActivityOut]:
    people = _activity_people(session, [r[0].id for r in rows])
    return [
        ActivityOut.model_validate({**a.model_dump(), "school_name": school_name, "people": people[a.id]})
        for a, school_name in rows
    ]


def _activity_query(principal: Principal) -> sa.Select[Any]:
    return (
        sa.select(KeyPersonActivity, School.name)
        .join(School, School.id == KeyPersonActivity.school_id)
        .where(KeyPersonActivity.school_id.in_(scope.schools(principal)))
    )


def list_activities(
    session: Session,
    principal: Principal,
    params: PageParams,
    *,
    board_id: int | None,
    school_id: int | None,
    person_id: int | None,
    kind: str | None,
    date_from: dt.date | None,
    date_to: dt.date | None,
) -> Page[ActivityOut]:
    stmt = _activity_query(principal)
    for column, value in (
        (KeyPersonActivity.board_id, board_id),
        (KeyPersonActivity.school_id, school_id),
        (KeyPersonActivity.kind, kind),
    ):
        if value is not None:
            stmt = stmt.where(column == value)
    if person_id is not None:
        stmt = stmt.where(
            KeyPersonActivity.id.in_(
                sa.select(KeyPersonActivityPerson.activity_id).where(
                    KeyPersonActivityPerson.person_id == person_id
                )
            )
        )
    if date_from is not None:
        stmt = stmt.where(KeyPersonActivity.occurred_on >= date_from)
    if date_to is not None:
        stmt = stmt.where(KeyPersonActivity.occurred_on <= date_to)
    page = paginate(
        session,
        stmt,
        params,
        sortable={
            "occurredOn": KeyPersonActivity.occurred_on,
            "parentsReached": KeyPersonActivity.parents_reached,
        },
        default_sort=[KeyPersonActivity.occurred_on.desc()],
        tiebreak=KeyPersonActivity.id,
        convert=lambda row: row,
    )
    return Page[ActivityOut](
        items=_activity_outs(session, list(page.items)),
        total=page.total,
        page=page.page,
        page_size=page.page_size,
    )


def get_activity(session: Session, principal: Principal, activity_id: int) -> tuple[ActivityOut, int]:
    row = session.execute(_activity_query(principal).where(KeyPersonActivity.id == activity_id)).first()
    if row is None:
        raise not_found("activity")
    return _activity_outs(session, [row])[0], row[0].version


def _check_people(session: Session, board_id: int, person_ids: list[int]) -> list[int]:
    unique = list(dict.fromkeys(person_ids))
    known = set(
        session.execute(
            sa.select(Person.id).where(Person.id.in_(unique), Person.board_id == board_id)
        ).scalars()
    )
    missing = [
        (
            f"personIds.{person_ids.index(p)}",
            "unknown-reference",
            f"There is no person with id {p} in this board.",
        )
        for p in unique
        if p not in known
    ]
    if missing:
        raise invalid(missing)
    return unique


def _check_date(occurred_on: dt.date | None) -> None:
    if occurred_on is not None and occurred_on > clock.today() + dt.timedelta(days=366):
        raise invalid(
            [("occurredOn", "too-far-ahead", "The date is more than a year ahead.")], code="too-far-ahead"
        )


def create_activity(session: Session, principal: Principal, data: ActivityCreate) -> tuple[ActivityOut, int]:
    school = _school_in_scope(session, principal, data.school_id)
    principal.require(Capability.EDIT, board_id=school.board_id, school_id=school.id)
    people = _check_people(session, school.board_id, data.person_ids)
    _check_date(data.occurred_on)
    fields = data.model_dump(exclude={"person_ids", "school_id"}, exclude_none=True)
    activity = KeyPersonActivity(**fields, school_id=school.id, board_id=school.board_id)
    ident = audited_create(
        session,
        principal,
        activity,
        "key-person-activity",
        board_id=lambda a: a.board_id,
        school_id=lambda a: a.school_id,
    )
    session.add_all([KeyPersonActivityPerson(activity_id=ident, person_id=p) for p in people])
    return get_activity(session, principal, ident)


def _visible_activity(session: Session, principal: Principal, activity_id: int) -> KeyPersonActivity:
    found = (
        session.execute(
            sa.select(KeyPersonActivity).where(
                KeyPersonActivity.id == activity_id, KeyPersonActivity.school_id.in_(scope.schools(principal))
            )
        )
        .scalars()
        .first()
    )
    if found is None:
        raise not_found("activity")
    principal.require(Capability.EDIT, board_id=found.board_id, school_id=found.school_id)
    return found


def update_activity(
    session: Session,
    principal: Principal,
    activity_id: int,
    data: ActivityUpdate,
    check_version: Callable[[int], None],
) -> tuple[ActivityOut, int]:
    activity = _visible_activity(session, principal, activity_id)
    check_version(activity.version)
    changes = data.model_dump(exclude_unset=True, exclude={"person_ids"})
    _check_date(changes.get("occurred_on"))
    if "languages" in changes and changes["languages"] is None:
        changes["languages"] = []
    changed = audited_update(
        session,
        principal,
        activity,
        changes,
        "key-person-activity",
        required=["kind", "occurred_on", "parents_reached"],
        board_id=activity.board_id,
        school_id=activity.school_id,
    )
    if data.person_ids is not None:
        people = _check_people(session, activity.board_id, data.person_ids)
        session.execute(
            sa.delete(KeyPersonActivityPerson).where(KeyPersonActivityPerson.activity_id == activity_id)
        )
        session.add_all([KeyPersonActivityPerson(activity_id=activity_id, person_id=p) for p in people])
        if not changed:
            activity.updated_at = clock.now()
        session.flush()
    return get_activity(session, principal, activity_id)


def delete_activity(
    session: Session, principal: Principal, activity_id: int, check_version: Callable[[int], None]
) -> None:
    activity = _visible_activity(session, principal, activity_id)
    check_version(activity.version)
    audited_delete(
        session,
        principal,
        activity,
        "key-person-activity",
        board_id=activity.board_id,
        school_id=activity.school_id,
    )


# --- listings ---------------------------------------------------------------------------------
def _listing_query(principal: Principal) -> sa.Select[Any]:
    return (
        sa.select(KeyPersonListing, School.name, RoleType.code, Person.name, Person.languages, RoleAssignment)
        .join(School, School.id == KeyPersonListing.school_id)
        .join(RoleAssignment, RoleAssignment.id == KeyPersonListing.role_assignment_id)
        .join(RoleType, RoleType.id == RoleAssignment.role_type_id)
        .join(Person, Person.id == RoleAssignment.person_id)
        .where(KeyPersonListing.school_id.in_(scope.schools(principal)))
    )


def _listing_out(row: Any) -> ListingOut:
    listing, school_name, code, person_name, languages, assignment = row
    return ListingOut.model_validate(
        {
            **listing.model_dump(),
            "school_name": school_name,
            "role_code": code,
            "person_name": person_name,
            "languages": languages,
            "active": is_active(assignment),
        }
    )


def list_listings(
    session: Session, principal: Principal, params: PageParams, *, school_id: int | None
) -> Page[ListingOut]:
    stmt = _listing_query(principal)
    if school_id is not None:
        stmt = stmt.where(KeyPersonListing.school_id == school_id)
    return paginate(
        session,
        stmt,
        params,
        sortable={"position": KeyPersonListing.position, "displayName": KeyPersonListing.display_name},
        default_sort=[School.name, KeyPersonListing.position, KeyPersonListing.display_name],
        tiebreak=KeyPersonListing.id,
        convert=_listing_out,
    )


def get_listing(session: Session, principal: Principal, listing_id: int) -> tuple[ListingOut, int]:
    row = session.execute(_listing_query(principal).where(KeyPersonListing.id == listing_id)).first()
    if row is None:
        raise not_found("listing")
    return _listing_out(row), row[0].version


def create_listing(session: Session, principal: Principal, data: ListingCreate) -> tuple[ListingOut, int]:
    row = session.execute(
        sa.select(RoleAssignment, RoleType.code)
        .join(RoleType, RoleType.id == RoleAssignment.role_type_id)
        .where(
            RoleAssignment.id == data.role_assignment_id,
            RoleAssignment.school_id.in_(scope.schools(principal)),
        )
    ).first()
    if row is None:
        raise invalid(
            [
                (
                    "roleAssignmentId",
                    "unknown-reference",
                    f"There is no role assignment with id {data.role_assignment_id} "
                    "at a school in your scope.",
                )
            ],
            code="unknown-reference",
        )
    assignment, code = row
    if code not in PUBLIC_ROLES + ROUTE_ROLES:
        raise invalid(
            [
                (
                    "roleAssignmentId",
                    "wrong-role",
                    "Only key persons, their contact points and the people on the complaint routes are "
                    "listed "
                    f"publicly; this is a '{code}'.",
                )
            ],
            code="wrong-role",
        )
    assert assignment.school_id is not None
    principal.require(Capability.EDIT, board_id=assignment.board_id, school_id=assignment.school_id)
    if session.execute(
        sa.select(KeyPersonListing.id).where(KeyPersonListing.role_assignment_id == assignment.id)
    ).first():
        raise conflict_on("roleAssignmentId", "This role is already listed.", "duplicate")
    listing = KeyPersonListing(
        **data.model_dump(exclude_none=True), board_id=assignment.board_id, school_id=assignment.school_id
    )
    ident = audited_create(
        session,
        principal,
        listing,
        "key-person-listing",
        board_id=lambda x: x.board_id,
        school_id=lambda x: x.school_id,
    )
    return get_listing(session, principal, ident)


def _visible_listing(session: Session, principal: Principal, listing_id: int) -> KeyPersonListing:
    found = (
        session.execute(
            sa.select(KeyPersonListing).where(
                KeyPersonListing.id == listing_id, KeyPersonListing.school_id.in_(scope.schools(principal))
            )
        )
        .scalars()
        .first()
    )
    if found is None:
        raise not_found("listing")
    principal.require(Capability.EDIT, board_id=found.board_id, school_id=found.school_id)
    return found


def update_listing(
    session: Session,
    principal: Principal,
    listing_id: int,
    data: ListingUpdate,
    check_version: Callable[[int], None],
) -> tuple[ListingOut, int]:
    listing = _visible_listing(session, principal, listing_id)
    check_version(listing.version)
    audited_update(
        session,
        principal,
        listing,
        data.model_dump(exclude_unset=True),
        "key-person-listing",
        required=["display_name", "published", "position"],
        board_id=listing.board_id,
        school_id=listing.school_id,
    )
    return get_listing(session, principal, listing_id)


def delete_listing(
    session: Session, principal: Principal, listing_id: int, check_version: Callable[[int], None]
) -> None:
    listing = _visible_listing(session, principal, listing_id)
    check_version(listing.version)
    audited_delete(
        session,
        principal,
        listing,
        "key-person-listing",
        board_id=listing.board_id,
        school_id=listing.school_id,
    )


# --- public -----------------------------------------------------------------------------------
def public_key_persons(session: Session, location_code: str) -> PublicKeyPersons:
    """What a school chose to publish: published listings of current key-person roles, nothing else."""
    school = (
        session.execute(sa.select(School).where(School.location_code == location_code.upper()))
        .scalars()
        .first()
    )
    if school is None:
        raise ProblemError(404, "There is no school with this code.", code="not-found")
    rows = session.execute(
        sa.select(KeyPersonListing, RoleType, Person.languages)
        .join(RoleAssignment, RoleAssignment.id == KeyPersonListing.role_assignment_id)
        .join(RoleType, RoleType.id == RoleAssignment.role_type_id)
        .join(Person, Person.id == RoleAssignment.person_id)
        .where(
            KeyPersonListing.school_id == school.id,
            KeyPersonListing.published.is_(True),
            RoleType.code.in_(PUBLIC_ROLES),
            RoleAssignment.school_id == school.id,
            active_assignment(),
        )
        .order_by(KeyPersonListing.position, KeyPersonListing.display_name, KeyPersonListing.id)
    ).all()
    return PublicKeyPersons.model_validate(
        {
            "school": {"name": school.name, "city": school.city, "location_code": school.location_code},
            "people": [
                {
                    "display_name": listing.display_name,
                    "role": role.code,
                    "role_name_nl": role.name_nl,
                    "role_name_en": role.name_en,
                    "languages": languages,
                    "how_to_reach": listing.how_to_reach,
                    "introduction_nl": listing.introduction_nl,
                    "introduction_en": listing.introduction_en,
                }
                for listing, role, languages in rows
            ],
        }
    )
