"""What the people feature holds about a person beyond the person record itself: their role
assignments (``spil.kit.personal_data``; the rights are in ``spil.privacy``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col

from spil.kit import personal_data
from spil.kit.personal_data import Holder, blank_audit, jsonable
from spil.organisations.models import School
from spil.people.models import RoleAssignment, RoleType


# --- the people feature's own holder: the person and their roles ------------------------------
def _export(session: Session, person_id: int) -> list[dict[str, Any]]:
    rows = session.execute(
        sa.select(RoleAssignment, RoleType.code, School.name)
        .join(RoleType, RoleType.id == RoleAssignment.role_type_id)
        .outerjoin(School, School.id == RoleAssignment.school_id)
        .where(RoleAssignment.person_id == person_id)
        .order_by(RoleAssignment.starts_on, RoleAssignment.id)
    ).all()
    return [{**jsonable(a), "roleCode": code, "schoolName": school} for a, code, school in rows]


def _erase(session: Session, person_id: int) -> int:
    ids = list(
        session.execute(
            sa.update(RoleAssignment)
            .where(RoleAssignment.person_id == person_id, RoleAssignment.notes.is_not(None))
            .values(notes=None, version=RoleAssignment.version + 1)
            .returning(RoleAssignment.id)
        ).scalars()
    )
    all_ids = list(
        session.execute(sa.select(RoleAssignment.id).where(RoleAssignment.person_id == person_id)).scalars()
    )
    blank_audit(session, "role-assignment", all_ids, ["notes"])
    return len(ids)


def _spans(session: Session, board_id: int) -> Iterable[tuple[int, dt.date | None]]:
    return [
        (pid, ends_on)
        for pid, ends_on in session.execute(
            sa.select(RoleAssignment.person_id, RoleAssignment.ends_on).where(
                RoleAssignment.board_id == board_id
            )
        ).all()
    ]


def _expire(session: Session, board_id: int, cutoff: dt.date) -> int:
    ids = list(
        session.execute(
            sa.update(RoleAssignment)
            .where(
                RoleAssignment.board_id == board_id,
                col(RoleAssignment.ends_on) <= cutoff,
                RoleAssignment.notes.is_not(None),
            )
            .values(notes=None, version=RoleAssignment.version + 1)
            .returning(RoleAssignment.id)
        ).scalars()
    )
    blank_audit(session, "role-assignment", ids, ["notes"])
    return len(ids)


personal_data.holds(
    Holder(
        kind="role-assignments",
        export=_export,
        erase=_erase,
        spans=_spans,
        expire=_expire,
        tables=("role_assignment", "person"),
    )
)
