"""The rights of a person over what Spil holds about them, across the features: access (an
export of everything), erasure (anonymised, history kept), and the retention purge (``spil
purge-personal-data``). Each feature that holds personal data registers a holder
(``spil.kit.personal_data``); this module loads them all, as ``spil.gaps`` loads the gap rules.
``docs/privacy.md`` is the register."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from spil.inclusion import privacy as inclusion_data
from spil.keypersons import privacy as key_person_data
from spil.kit import audit, clock, idempotency, personal_data
from spil.kit.errors import ProblemError, conflict
from spil.kit.personal_data import ERASED_NAME, blank_audit, jsonable
from spil.kit.policy import Capability, Principal
from spil.organisations.models import Board, School
from spil.people import privacy as role_data
from spil.people.models import Person, RoleAssignment, RoleType, active_assignment
from spil.people.service import visible_person
from spil.programmes import privacy as programme_data

# Each feature registers its holder when its module is imported.
HOLDER_MODULES = (role_data, key_person_data, inclusion_data, programme_data)
PERSON_FIELDS = ("name", "email", "phone", "notes", "languages")


def _manageable(session: Session, principal: Principal, person_id: int) -> Person:
    """The person, for a manager of their board: 404 outside the scope, 403 for other roles."""
    person = visible_person(session, principal, person_id)
    principal.require(Capability.MANAGE_BOARD, board_id=person.board_id)
    return person


def export(session: Session, principal: Principal, person_id: int) -> dict[str, Any]:
    """Everything Spil holds about the person (right of access, AVG article 15)."""
    person = _manageable(session, principal, person_id)
    board = session.get(Board, person.board_id)
    records: dict[str, list[dict[str, Any]]] = {}
    for holder in personal_data.holders():
        records[holder.kind] = holder.export(session, person_id)
    trail = session.execute(
        sa.select(audit.AuditEvent)
        .where(audit.AuditEvent.entity_type == "person", audit.AuditEvent.entity_id == person_id)
        .order_by(audit.AuditEvent.occurred_at, audit.AuditEvent.id)
    ).scalars()
    records["changes"] = [
        {"occurredAt": e.occurred_at.isoformat(), "action": e.action, "before": e.before, "after": e.after}
        for e in trail
    ]
    audit.record(session, principal, "export", "person", person_id, board_id=person.board_id)
    return {
        "generatedAt": clock.now(),
        "controller": board.name if board else None,
        "person": jsonable(person),
        "records": records,
    }


def statutory_roles(session: Session, person_id: int) -> list[tuple[str, str, str | None]]:
    """The person's current roles that the law requires (role name in English and Dutch, school)."""
    return [
        (name, name_nl, school)
        for name, name_nl, school in session.execute(
            sa.select(RoleType.name_en, RoleType.name_nl, School.name)
            .select_from(RoleAssignment)
            .join(RoleType, RoleType.id == RoleAssignment.role_type_id)
            .outerjoin(School, School.id == RoleAssignment.school_id)
            .where(RoleAssignment.person_id == person_id, RoleType.required_by == "law", active_assignment())
            .order_by(RoleType.id)
        ).all()
    ]


def _anonymise(session: Session, person: Person) -> None:
    assert person.id is not None
    for holder in personal_data.holders():
        holder.erase(session, person.id)
    person.name = ERASED_NAME
    person.email = None
    person.phone = None
    person.notes = None
    person.languages = []
    person.erased_on = clock.today()
    session.add(person)
    session.flush()
    blank_audit(session, "person", [person.id], PERSON_FIELDS)


def erase(session: Session, principal: Principal, person_id: int, check_version: Any) -> Person:
    """Anonymise the person and every record about them (right to erasure, AVG article 17); the
    history stays, without the name. Refused while they hold a role the law requires."""
    person = _manageable(session, principal, person_id)
    check_version(person.version)
    if person.erased_on is not None:
        raise conflict("This person's data was erased already.", "already-erased")
    if roles := statutory_roles(session, person_id):
        role, _, school = roles[0]
        where = f" at {school}" if school else ""
        raise ProblemError(
            409,
            f"{person.name} is the {role}{where}, a role the law requires. Hand the role over or end "
            "it first, then erase the person.",
            code="holds-statutory-role",
            extra={
                "person": person.name,
                "roles": [{"role": r, "roleNl": nl, "school": s} for r, nl, s in roles],
            },
        )
    _anonymise(session, person)
    audit.record(session, principal, "erase", "person", person_id, board_id=person.board_id)
    return person


def purge(session: Session, today: dt.date | None = None) -> dict[str, int]:
    """Retention: per board, blank the free texts of records ended more than the board's
    retention period ago, and erase the people whose every record ended before it."""
    today = today or clock.today()
    counts = {"expired": 0, "erased": 0}
    for board_id, years in session.execute(sa.select(Board.id, Board.retention_years)).all():
        cut = personal_data.cutoff(today, years)
        latest: dict[int, dt.date | None] = {}
        for holder in personal_data.holders():
            if holder.expire:
                counts["expired"] += holder.expire(session, board_id, cut)
            if holder.spans:
                for pid, ends_on in holder.spans(session, board_id):
                    if pid in latest and latest[pid] is None:
                        continue
                    latest[pid] = None if ends_on is None else max(ends_on, latest.get(pid) or ends_on)
        done = [pid for pid, last in latest.items() if last is not None and last <= cut]
        for person in session.execute(
            sa.select(Person).where(Person.id.in_(done), Person.erased_on.is_(None))
        ).scalars():
            _anonymise(session, person)
            audit.record(session, None, "erase", "person", person.id or 0, board_id=board_id)
            counts["erased"] += 1
    counts["idempotencyRecords"] = idempotency.purge(session)
    from spil.sync.models import purge_changes

    counts["syncRunDiffs"] = purge_changes(session, today)
    session.flush()
    return counts
