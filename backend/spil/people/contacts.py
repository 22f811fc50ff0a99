"""The people feature provides the partnerships' internal contacts (``spil.partners.contacts``):
the current role assignments for a partnership, with the person's name."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from spil.kit import clock, scope
from spil.kit.policy import Principal
from spil.partners import contacts
from spil.partners.models import Partnership
from spil.partners.schemas import InternalContactOut
from spil.people.models import Person, RoleAssignment, active_assignment
from spil.people.schemas import RoleAssignmentCreate

# The role of a partnership's internal contacts (people.catalogue).
CONTACT_ROLE = "partnership-contact"


class _Contacts:
    def of(self, session: Session, partnership_ids: list[int]) -> dict[int, list[InternalContactOut]]:
        out: dict[int, list[InternalContactOut]] = {i: [] for i in partnership_ids}
        if not partnership_ids:
            return out
        members = scope.programme_boards(Partnership.programme_id, clock.today())
        rows = session.execute(
            sa.select(
                RoleAssignment.id,
                RoleAssignment.partnership_id,
                RoleAssignment.person_id,
                RoleAssignment.is_primary,
                RoleAssignment.version,
                Person.name,
            )
            .join(Person, Person.id == RoleAssignment.person_id)
            .join(Partnership, Partnership.id == RoleAssignment.partnership_id)
            .where(
                RoleAssignment.partnership_id.in_(partnership_ids),
                active_assignment(),
                # a programme's shared partnership: only the contacts of boards that are members
                # today (a board that left takes its people with it; the history stays)
                sa.or_(
                    Partnership.programme_id.is_(None),
                    RoleAssignment.board_id.in_(members),
                ),
            )
            .order_by(RoleAssignment.is_primary.desc(), Person.name)
        ).all()
        for assignment_id, partnership_id, person_id, primary, version, name in rows:
            out[partnership_id].append(
                InternalContactOut(
                    assignment_id=assignment_id,
                    person_id=person_id,
                    person_name=name,
                    is_primary=primary,
                    version=version,
                )
            )
        return out

    def count(self, partnership_id: Any, today: dt.date) -> sa.ScalarSelect[Any]:
        return (
            sa.select(sa.func.count(sa.distinct(RoleAssignment.person_id)))
            .where(RoleAssignment.partnership_id == partnership_id, active_assignment(today))
            .scalar_subquery()
        )

    def assign(
        self,
        session: Session,
        principal: Principal,
        partnership_id: int,
        person_id: int,
        hours_per_week: Decimal | None,
    ) -> int:
        from spil.people.service import add_assignment  # the service imports this module's feature

        data = RoleAssignmentCreate(
            person_id=person_id,
            role=CONTACT_ROLE,
            partnership_id=partnership_id,
            hours_per_week=hours_per_week,
        )
        return add_assignment(session, principal, data)


contacts.provide(_Contacts())
