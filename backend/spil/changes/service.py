"""The change feed: the audit trail, in commit order, as "what changed" for systems that read Spil.

Every audited change has a feed number, given when its transaction commits (``spil.kit.audit``),
so reading ``since`` the last number seen never misses a change that committed later. A change
is shown with the record as it is now, read through the same rules as ``GET`` on the record
(``state``), or as a tombstone when the record is gone. Aggregate readers (region and
municipality keys) get only the public register records: boards and schools."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from fastapi.encoders import jsonable_encoder
from sqlmodel import Session, col

from spil.changes.schemas import ChangeOut, ChangePage
from spil.kit import scope
from spil.kit.audit import AuditEvent
from spil.kit.errors import ProblemError, invalid
from spil.kit.policy import Principal

Getter = Callable[[Session, Principal, int], Any]


def _getters() -> dict[str, tuple[str, Getter]]:
    from spil.organisations.service import get_board, get_school
    from spil.partners.service import get_partner, get_partnership
    from spil.people.service import get_assignment, get_person

    return {
        "board": ("organisations:read", get_board),
        "school": ("organisations:read", get_school),
        "person": ("people:read", get_person),
        "role-assignment": ("people:read", get_assignment),
        "partner": ("partners:read", get_partner),
        "partnership": ("partners:read", get_partnership),
    }


TYPES = ("board", "school", "person", "role-assignment", "partner", "partnership")
AREA_TYPES = ("board", "school")
KINDS = {"create": "created", "update": "updated", "delete": "deleted"}


def _aggregate_reader(principal: Principal) -> bool:
    return not principal.is_platform_admin and not principal.board_ids() and not principal.school_ids()


def readable_types(principal: Principal) -> list[str]:
    """The record types this caller's feed holds: those its scopes and roles let it read."""
    allowed = AREA_TYPES if _aggregate_reader(principal) else TYPES
    getters = _getters()
    out = []
    for kind in allowed:
        try:
            principal.require_scope(getters[kind][0])
        except ProblemError:
            continue
        out.append(kind)
    return out


def _cursor(value: str | None) -> int:
    if value is None:
        return 0
    if not value.isdigit() or len(value) > 18:
        raise invalid(
            [("since", "cursor", "Not a cursor of this feed.")], location="query", code="invalid-cursor"
        )
    return int(value)


def changes(
    session: Session, principal: Principal, *, since: str | None, types: list[str] | None, limit: int
) -> ChangePage:
    after = _cursor(since)
    allowed = readable_types(principal)
    if types:
        unknown = [t for t in types if t not in TYPES]
        if unknown:
            raise invalid(
                [
                    (
                        "types",
                        "unknown-type",
                        f"Unknown record type(s): {', '.join(unknown)}. Known: {', '.join(TYPES)}.",
                    )
                ],
                location="query",
                code="unknown-type",
            )
        allowed = [t for t in allowed if t in types]
    area = _aggregate_reader(principal)
    # Read the high-water mark first: whatever commits after it has a higher number.
    top = session.execute(sa.select(sa.func.max(AuditEvent.feed_seq))).scalar() or 0
    events: list[AuditEvent] = []
    if allowed:
        events = list(
            session.execute(
                sa.select(AuditEvent)
                .where(
                    col(AuditEvent.feed_seq) > after,
                    col(AuditEvent.feed_seq) <= top,
                    col(AuditEvent.entity_type).in_(allowed),
                    scope.school_or_board(
                        principal, AuditEvent.school_id, AuditEvent.board_id, regional=area
                    ),
                )
                .order_by(AuditEvent.feed_seq)
                .limit(limit + 1)
            ).scalars()
        )
    more = len(events) > limit
    events = events[:limit]
    getters = _getters()
    states: dict[tuple[str, int], Any] = {}
    items: list[ChangeOut] = []
    for event in events:
        ref = (event.entity_type, event.entity_id)
        if ref not in states:
            try:
                out, _version = getters[event.entity_type][1](session, principal, event.entity_id)
                states[ref] = jsonable_encoder(out)
            except ProblemError:
                states[ref] = None  # gone, or no longer in your scope
        state = states[ref]
        items.append(
            ChangeOut(
                cursor=str(event.feed_seq),
                type=event.entity_type,
                id=event.entity_id,
                change=KINDS.get(event.action, "updated"),
                occurred_at=event.occurred_at,
                state=state,
                tombstone=state is None,
            )
        )
    next_cursor = items[-1].cursor if more else str(max(top, after))
    return ChangePage(items=items, next_cursor=next_cursor, has_more=more, types=allowed)
