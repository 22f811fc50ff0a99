"""What the programmes feature holds about people (``spil.kit.personal_data``): a board's contact
person for an initiative. Erasure takes the person off the initiative; the initiative stays."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from spil.kit import personal_data
from spil.kit.personal_data import Holder
from spil.programmes.models import InitiativeBoard, ProgrammeInitiative, RegionalProgramme


def _export(session: Session, person_id: int) -> list[dict[str, Any]]:
    rows = session.execute(
        sa.select(RegionalProgramme.name, ProgrammeInitiative.name, InitiativeBoard.board_id)
        .join(ProgrammeInitiative, ProgrammeInitiative.id == InitiativeBoard.initiative_id)
        .join(RegionalProgramme, RegionalProgramme.id == ProgrammeInitiative.programme_id)
        .where(InitiativeBoard.contact_person_id == person_id)
        .order_by(RegionalProgramme.name, ProgrammeInitiative.name)
    ).all()
    return [{"programme": p, "initiative": i, "boardId": b, "as": "contact person"} for p, i, b in rows]


def _erase(session: Session, person_id: int) -> int:
    result = session.execute(
        sa.update(InitiativeBoard)
        .where(InitiativeBoard.contact_person_id == person_id)
        .values(contact_person_id=None)
    )
    return int(getattr(result, "rowcount", 0) or 0)


personal_data.holds(
    Holder(kind="programme-contacts", export=_export, erase=_erase, tables=("initiative_board",))
)
