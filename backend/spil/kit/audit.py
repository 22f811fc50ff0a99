"""Audit trail: one event for every change, with who, what, when, before and after."""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import hashlib
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlmodel import Field, Session, SQLModel

from spil.kit import clock
from spil.kit.db import UTCDateTime

if TYPE_CHECKING:
    from spil.kit.policy import Principal

# Never copied into the audit trail as such (only a fingerprint that shows a change).
SECRET_FIELDS = {"password_hash", "key_hash", "token_hash", "csrf_token", "totp_secret", "code_hash"}
# Need-to-know fields (a volunteer's benefit): never in the trail, not even as a fingerprint
# (a handful of possible values would make a fingerprint readable).
REDACTED_FIELDS = {"benefit_type"}


class AuditEvent(SQLModel, table=True):
    __tablename__ = "audit_event"

    id: int | None = Field(default=None, primary_key=True)
    occurred_at: dt.datetime = Field(
        default_factory=clock.now, sa_type=UTCDateTime, nullable=False, index=True
    )
    actor_type: str = Field(max_length=20)
    actor_id: int | None = None
    actor_label: str = Field(max_length=320)
    action: str = Field(max_length=20)
    entity_type: str = Field(max_length=60, index=True)
    entity_id: int = Field(index=True)
    board_id: int | None = Field(default=None, index=True)
    school_id: int | None = Field(default=None, index=True)
    before: dict[str, Any] | None = Field(default=None, sa_type=sa.JSON)
    after: dict[str, Any] | None = Field(default=None, sa_type=sa.JSON)
    # The change feed's order (``GET /changes``): given when the transaction commits, under one
    # lock, so a later commit always has a higher number than any earlier one (an id is taken
    # when the event is written, and transactions commit in another order than they started).
    feed_seq: int | None = Field(default=None, sa_type=sa.BigInteger, index=True)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    return value


def snapshot(obj: SQLModel | None) -> dict[str, Any] | None:
    """The record's columns, camelCase; secrets only as a short fingerprint, so the trail shows
    that a password or key changed without holding anything that could be reused."""
    if obj is None:
        return None
    table = obj.__table__
    return snapshot_of(table, {col.name: getattr(obj, col.name, None) for col in table.columns})


def snapshot_of(table: sa.Table, values: dict[str, Any]) -> dict[str, Any]:
    """``snapshot`` of a record given as its column values (an import writes rows, not objects)."""
    out: dict[str, Any] = {}
    for col in table.columns:
        value = values.get(col.name)
        if col.name in REDACTED_FIELDS:
            out[_camel(col.name)] = "[redacted]"
        elif col.name in SECRET_FIELDS:
            digest = hashlib.sha256(str(value).encode()).hexdigest()[:8]
            out[_camel(col.name)] = f"secret:{digest}" if value is not None else None
        else:
            out[_camel(col.name)] = _jsonable(value)
    return out


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def event_values(
    principal: Principal | None,
    action: str,
    entity_type: str,
    entity_id: int,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    board_id: int | None = None,
    school_id: int | None = None,
) -> dict[str, Any]:
    """The columns of one audit event; of a change, only the fields that changed."""
    if before is not None and after is not None:
        changed = {k for k in set(before) | set(after) if before.get(k) != after.get(k)}
        changed -= {"updatedAt", "version"}
        before = {k: v for k, v in before.items() if k in changed}
        after = {k: v for k, v in after.items() if k in changed}
    return {
        "actor_type": principal.kind if principal else "system",
        "actor_id": principal.id if principal else None,
        "actor_label": principal.label if principal else "system",
        "action": action,
        "entity_type": entity_type,
        "entity_id": entity_id,
        "board_id": board_id,
        "school_id": school_id,
        "before": before,
        "after": after,
    }


def record(
    session: Session,
    principal: Principal | None,
    action: str,
    entity_type: str,
    entity_id: int,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    board_id: int | None = None,
    school_id: int | None = None,
) -> AuditEvent:
    event = AuditEvent(
        **event_values(
            principal,
            action,
            entity_type,
            entity_id,
            before=before,
            after=after,
            board_id=board_id,
            school_id=school_id,
        )
    )
    session.add(event)
    session.info["audit_pending"] = True
    return event


def record_many(session: Session, events: list[dict[str, Any]]) -> None:
    """Many events (``event_values``) in one statement, in this order (an import's rows)."""
    if not events:
        return
    now = clock.now()
    table = AuditEvent.__table__  # type: ignore[attr-defined]
    session.execute(table.insert(), [{"occurred_at": now, "feed_seq": None, **e} for e in events])
    session.info["audit_pending"] = True


# The lock that orders the commits of audited transactions (PostgreSQL; SQLite writers are
# serialised by their write lock already).
FEED_LOCK_ID = 0x46454544  # "FEED"


def _sequence_feed(session: Session) -> None:
    """Before the commit: number this transaction's events after every event committed so far.
    The events are flushed first and the lock is taken last, so the lock is held only for two
    small statements and the commit (no other lock is waited for while holding it)."""
    if session.in_nested_transaction():
        return  # a savepoint (an import's row): the transaction around it numbers the events
    if not session.info.pop("audit_pending", False):
        return
    session.flush()
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:id)"), {"id": FEED_LOCK_ID})
    table = AuditEvent.__table__  # type: ignore[attr-defined]
    low = conn.execute(sa.select(sa.func.min(table.c.id)).where(table.c.feed_seq.is_(None))).scalar()
    if low is None:
        return
    top = conn.execute(sa.select(sa.func.coalesce(sa.func.max(table.c.feed_seq), 0))).scalar() or 0
    conn.execute(table.update().where(table.c.feed_seq.is_(None)).values(feed_seq=table.c.id - low + top + 1))


sa.event.listen(Session, "before_commit", _sequence_feed)
