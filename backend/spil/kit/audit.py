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
SECRET_FIELDS = {"password_hash", "key_hash", "token_hash", "csrf_token"}
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
    out: dict[str, Any] = {}
    for col in table.columns:
        value = getattr(obj, col.name, None)
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
    if before is not None and after is not None:
        changed = {k for k in set(before) | set(after) if before.get(k) != after.get(k)}
        changed -= {"updatedAt", "version"}
        before = {k: v for k, v in before.items() if k in changed}
        after = {k: v for k, v in after.items() if k in changed}
    event = AuditEvent(
        actor_type=principal.kind if principal else "system",
        actor_id=principal.id if principal else None,
        actor_label=principal.label if principal else "system",
        action=action,
        entity_type=entity_type,
        entity_id=entity_id,
        board_id=board_id,
        school_id=school_id,
        before=before,
        after=after,
    )
    session.add(event)
    return event
