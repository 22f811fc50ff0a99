"""What changed in a person's scope since a moment (their previous visit), for the home page.

Read from the audit trail, but only what a reader of the registers may see: the record types of
the registry, the routes, the indicators and the key persons' activities, in the schools and
boards the reader reads. Not the accounts, the confidential register, volunteers' payments and
agreements (benefits are for some roles only) or placements (an employee's name is for two
people): those stay with the screens that guard them. The reader's own changes are left out: they
know what they did.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from spil.changes.schemas import RecentChange, RecentChanges, RecentCount
from spil.kit import scope
from spil.kit.audit import AuditEvent
from spil.kit.policy import Principal

VISIBLE = (
    "board",
    "school",
    "partner",
    "partnership",
    "bottleneck",
    "person",
    "role-assignment",
    "complaint-route",
    "key-person-activity",
    "key-person-listing",
    "measurement",
    "indicator-target",
    "inclusion-track",
    "inclusion-action",
)
LABEL_FIELDS = ("name", "partner_name", "title", "code")


def _label(event: AuditEvent) -> str | None:
    state: dict[str, Any] = event.after or event.before or {}
    for field in LABEL_FIELDS:
        value = state.get(field)
        if isinstance(value, str) and value:
            return value[:200]
    return None


def _names(session: Session, events: Sequence[AuditEvent]) -> dict[tuple[str, int], str]:
    """Names of records whose audit state holds none: a partnership by its partner, a role
    assignment by its person (both read in the reader's scope already)."""
    from spil.partners.models import Partner, Partnership
    from spil.people.models import Person, RoleAssignment

    wanted: dict[str, set[int]] = {}
    for e in events:
        wanted.setdefault(e.entity_type, set()).add(e.entity_id)
    out: dict[tuple[str, int], str] = {}
    if wanted.get("partnership"):
        rows = session.execute(
            sa.select(Partnership.id, Partner.name)
            .join(Partner, Partner.id == Partnership.partner_id)
            .where(Partnership.id.in_(wanted["partnership"]))
        ).all()
        out |= {("partnership", i): name for i, name in rows}
    if wanted.get("role-assignment"):
        rows = session.execute(
            sa.select(RoleAssignment.id, Person.name)
            .join(Person, Person.id == RoleAssignment.person_id)
            .where(RoleAssignment.id.in_(wanted["role-assignment"]), Person.erased_on.is_(None))
        ).all()
        out |= {("role-assignment", i): name for i, name in rows}
    return out


def recent_changes(session: Session, principal: Principal, since: dt.datetime, limit: int) -> RecentChanges:
    where = sa.and_(
        AuditEvent.occurred_at > since,
        AuditEvent.entity_type.in_(VISIBLE),
        scope.school_or_board(principal, AuditEvent.school_id, AuditEvent.board_id),
        sa.not_(sa.and_(AuditEvent.actor_type == principal.kind, AuditEvent.actor_id == principal.id)),
    )
    counts = session.execute(
        sa.select(AuditEvent.entity_type, AuditEvent.action, sa.func.count())
        .where(where)
        .group_by(AuditEvent.entity_type, AuditEvent.action)
        .order_by(sa.func.count().desc(), AuditEvent.entity_type, AuditEvent.action)
    ).all()
    latest = (
        session.execute(
            sa.select(AuditEvent)
            .where(where)
            .order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc())
            .limit(limit)
        )
        .scalars()
        .all()
    )
    names = _names(session, latest)
    return RecentChanges(
        since=since,
        total=sum(n for _, _, n in counts),
        counts=[RecentCount(entity_type=t, action=a, count=n) for t, a, n in counts],
        latest=[
            RecentChange(
                occurred_at=e.occurred_at,
                entity_type=e.entity_type,
                entity_id=e.entity_id,
                action=e.action,
                label=names.get((e.entity_type, e.entity_id)) or _label(e),
                school_id=e.school_id,
                actor_label=e.actor_label,
            )
            for e in latest
        ],
    )
