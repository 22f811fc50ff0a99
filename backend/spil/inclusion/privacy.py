"""What the inclusion feature holds about people (``spil.kit.personal_data``): the actions of a
plan that name a person, and the optional name of a placement's employee.

The employee is not a person of the registry (they need not be in it at all), so their name is
not reached through a person id: it is blanked by the retention purge once the placement has
ended before the board's retention cut-off, and a board administrator can empty it at any time.
An erased person is taken off the actions that named them; the plan stays."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col

from spil.inclusion.models import InclusionAction, InclusionPlacement
from spil.kit import personal_data
from spil.kit.personal_data import Holder, blank_audit, jsonable


def _export(session: Session, person_id: int) -> list[dict[str, Any]]:
    rows = session.execute(
        sa.select(InclusionAction).where(InclusionAction.person_id == person_id).order_by(InclusionAction.id)
    ).scalars()
    return [jsonable(a) for a in rows]


def _erase(session: Session, person_id: int) -> int:
    ids = list(
        session.execute(sa.select(InclusionAction.id).where(InclusionAction.person_id == person_id)).scalars()
    )
    if ids:
        session.execute(
            sa.update(InclusionAction)
            .where(InclusionAction.id.in_(ids))
            .values(person_id=None, version=InclusionAction.version + 1)
        )
        blank_audit(session, "inclusion-action", ids, ["personId"])
    return len(ids)


def _spans(session: Session, board_id: int) -> Iterable[tuple[int, dt.date | None]]:
    """An action keeps its person current while it is open; done or dropped ones end on done_on."""
    from spil.inclusion.models import InclusionTrack

    rows = session.execute(
        sa.select(
            InclusionAction.person_id,
            InclusionAction.status,
            InclusionAction.done_on,
            InclusionAction.updated_at,
        )
        .join(InclusionTrack, InclusionTrack.id == InclusionAction.track_id)
        .where(InclusionTrack.board_id == board_id, col(InclusionAction.person_id).is_not(None))
    ).all()
    for person_id, status, done_on, updated_at in rows:
        if status in ("open", "in-progress"):
            yield person_id, None
        else:
            yield person_id, done_on or updated_at.date()


def _expire(session: Session, board_id: int, cutoff: dt.date) -> int:
    ids = list(
        session.execute(
            sa.select(InclusionPlacement.id).where(
                InclusionPlacement.board_id == board_id,
                col(InclusionPlacement.ends_on) <= cutoff,
                sa.or_(
                    col(InclusionPlacement.employee_name).is_not(None),
                    col(InclusionPlacement.notes).is_not(None),
                ),
            )
        ).scalars()
    )
    if ids:
        session.execute(
            sa.update(InclusionPlacement)
            .where(InclusionPlacement.id.in_(ids))
            .values(employee_name=None, notes=None, mentor_login=None, version=InclusionPlacement.version + 1)
        )
        blank_audit(session, "inclusion-placement", ids, ["employeeName", "notes", "mentorLogin"])
    return len(ids)


personal_data.holds(
    Holder(
        kind="inclusion-actions",
        export=_export,
        erase=_erase,
        spans=_spans,
        expire=_expire,
        tables=("inclusion_action",),
    )
)
