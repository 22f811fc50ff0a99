"""``GET /gaps``: every rule's findings within the caller's scope."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlmodel import Session

from spil.complaints import gaps as complaint_rules
from spil.gaps.schemas import GapOut, GapPage
from spil.inclusion import gaps as inclusion_rules
from spil.keypersons import gaps as key_person_rules
from spil.kit import clock, scope
from spil.kit.gaps import Gap, GapScope, collect
from spil.kit.pagination import PageParams
from spil.kit.policy import Principal
from spil.organisations.models import Board, School
from spil.partners import gaps as partner_rules
from spil.people import gaps as role_rules
from spil.programmes import gaps as programme_rules

# Each capability registers its gap rules when its module is imported (decision record 0006).
RULE_MODULES = (
    role_rules,
    partner_rules,
    key_person_rules,
    complaint_rules,
    inclusion_rules,
    programme_rules,
)


def scope_for(
    session: Session,
    principal: Principal,
    board_id: int | None,
    school_id: int | None,
    today: dt.date | None = None,
) -> GapScope:
    # A region contact reads the region's boards and schools, but the gaps name colleagues (who
    # lacks hours, whose role ends): those stay with the board and its schools.
    schools = sa.select(School.id).where(School.id.in_(scope.schools(principal)))
    # Board-wide records (a partnership of the whole board) are the gaps of people who work at
    # board level, not of a single school's staff.
    boards = sa.select(Board.id).where(Board.id.in_(scope.boards(principal, board_wide="board")))
    if board_id is not None:
        schools = schools.where(School.board_id == board_id)
        boards = boards.where(Board.id == board_id)
    if school_id is not None:
        schools = schools.where(School.id == school_id)
        boards = boards.where(sa.false())  # board-wide records are not a school's gaps
    return GapScope.of(
        session.execute(schools).scalars(), session.execute(boards).scalars(), today or clock.today()
    )


def gaps_of(session: Session, scope: GapScope) -> list[Gap]:
    """Every rule's findings in ``scope``. Use this rather than ``rules.collect`` outside the gaps
    list: importing this module is what loads the capabilities' rules (``RULE_MODULES``)."""
    return collect(session, scope)


def _out(gap: Gap) -> GapOut:
    return GapOut(
        kind=gap.kind,
        severity=gap.severity,
        subject={"type": gap.subject_type, "id": gap.subject_id, "name": gap.subject_name},
        message=gap.message,
        board_id=gap.board_id,
        school_id=gap.school_id,
        school_name=gap.school_name,
        details=gap.details,
    )


def list_gaps(
    session: Session,
    principal: Principal,
    params: PageParams,
    *,
    board_id: int | None,
    school_id: int | None,
    kind: str | None,
    severity: str | None,
) -> GapPage:
    gaps = gaps_of(session, scope_for(session, principal, board_id, school_id))
    counts = {"error": 0, "warning": 0, "info": 0}
    for gap in gaps:
        counts[gap.severity] += 1
    selected = [
        g for g in gaps if (kind is None or g.kind == kind) and (severity is None or g.severity == severity)
    ]
    window = selected[params.offset : params.offset + params.page_size]
    return GapPage(
        items=[_out(g) for g in window],
        total=len(selected),
        page=params.page,
        page_size=params.page_size,
        counts=counts,
    )
