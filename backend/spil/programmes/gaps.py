"""Gap rule of regional programmes: a shared partnership needs a contact at every member board."""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa
from sqlmodel import Session, col

from spil.kit.gaps import Gap, GapScope, rule
from spil.partners.models import Partner, Partnership
from spil.people.models import RoleAssignment, active_assignment
from spil.programmes.models import ProgrammeMember, RegionalProgramme


@rule
def shared_partnership_contacts(session: Session, scope: GapScope) -> Iterable[Gap]:
    """A programme's shared partnership (a covenant for all member boards) with no current internal
    contact at one of the member boards: a gap for that board (seed 001: a fixed contact point)."""
    if not scope.board_ids:
        return
    rows = session.execute(
        sa.select(Partnership.id, Partner.name, RegionalProgramme.name, ProgrammeMember.board_id)
        .join(Partner, Partner.id == Partnership.partner_id)
        .join(RegionalProgramme, RegionalProgramme.id == Partnership.programme_id)
        .join(ProgrammeMember, ProgrammeMember.programme_id == RegionalProgramme.id)
        .where(
            Partnership.status.in_(("exploring", "active", "paused")),
            ProgrammeMember.board_id.in_(scope.board_ids),
            ProgrammeMember.joined_on <= scope.today,
            sa.or_(col(ProgrammeMember.left_on).is_(None), col(ProgrammeMember.left_on) > scope.today),
        )
    ).all()
    if not rows:
        return
    covered = set(
        session.execute(
            sa.select(RoleAssignment.partnership_id, RoleAssignment.board_id).where(
                RoleAssignment.partnership_id.in_({r[0] for r in rows}), active_assignment(scope.today)
            )
        ).all()
    )
    for partnership_id, partner, programme, board_id in rows:
        if (partnership_id, board_id) in covered:
            continue
        yield Gap(
            kind="shared-partnership-no-contact",
            severity="warning",
            subject_type="partnership",
            subject_id=partnership_id,
            subject_name=partner,
            message=f"Nobody at the board is the contact point for {partner}, a partnership shared in "
            f"the programme '{programme}'.",
            board_id=board_id,
            details={"programme": programme},
        )
