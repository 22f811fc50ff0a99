"""What Spil holds about one person, across the features: export, erasure and retention.

The people feature owns the person; other features keep records about them (a volunteer
agreement, the payments of a key person, an activity they took part in, a public listing). Each
feature that holds personal data registers a ``Holder`` where its tables are defined (its
``models.py``), so that the right of access and the right to erasure (AVG/GDPR articles 15 and
17) reach every record without the people feature importing the others. ``docs/privacy.md`` is
the register of what is held, why, for whom and how long; ``tests/test_privacy.py`` checks that
every table with a ``person_id`` column is covered by a holder.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from spil.kit import audit

# What an erased person is called from then on; the id keeps the history readable.
ERASED_NAME = "Gewiste persoon"
# Fields an erasure or the retention purge blanks in the audit trail's before/after.
ERASED = "[gewist]"


@dataclass(frozen=True)
class Holder:
    """Records of one kind that a feature keeps about people.

    - ``export(session, person_id)``: the records, as plain JSON-able dicts (camelCase).
    - ``erase(session, person_id)``: anonymise them (not delete: history and ledgers stay); the
      number of records changed.
    - ``spans(session, board_id)``: (person id, end date) of the records that make a person
      current: ``None`` as end date while one runs. The retention purge erases a person whose
      every span ended before the board's retention cut-off.
    - ``expire(session, board_id, cutoff)``: blank the free texts of records that ended on or
      before ``cutoff`` (notes of an ended role, an ended agreement's benefit type); a count.
    """

    kind: str
    export: Callable[[Session, int], list[dict[str, Any]]]
    erase: Callable[[Session, int], int]
    spans: Callable[[Session, int], Iterable[tuple[int, dt.date | None]]] | None = None
    expire: Callable[[Session, int, dt.date], int] | None = None
    tables: tuple[str, ...] = ()  # the tables with a person_id column this holder covers


_HOLDERS: dict[str, Holder] = {}


def holds(holder: Holder) -> None:
    _HOLDERS[holder.kind] = holder


def holders() -> list[Holder]:
    return list(_HOLDERS.values())


def jsonable(row: Any, *, drop: Iterable[str] = ("version",)) -> dict[str, Any]:
    """A record's columns as JSON values with camelCase keys (what the export shows)."""
    snap = audit.snapshot(row) or {}
    return {k: v for k, v in snap.items() if k not in set(drop)}


def blank_audit(session: Session, entity_type: str, ids: list[int], fields: Iterable[str]) -> None:
    """Replace ``fields`` (camelCase) in the trail's before/after of these records by a marker:
    the trail keeps that something changed and when, not what the person's data was."""
    if not ids:
        return
    from spil.kit.audit import AuditEvent

    names = set(fields)
    events = session.execute(
        sa.select(AuditEvent).where(AuditEvent.entity_type == entity_type, AuditEvent.entity_id.in_(ids))
    ).scalars()
    for event in events:
        for side in ("before", "after"):
            data = getattr(event, side)
            if data and names & set(data):
                setattr(event, side, {k: (ERASED if k in names and v else v) for k, v in data.items()})


def cutoff(today: dt.date, years: int) -> dt.date:
    """The day ``years`` before ``today`` (28 February for a 29 February)."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)
