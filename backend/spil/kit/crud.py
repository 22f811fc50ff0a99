"""Small helpers the feature services share: applying a PATCH, uniqueness checks."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlmodel import Session, SQLModel

from spil.kit import audit, clock
from spil.kit.errors import conflict_on, invalid

if TYPE_CHECKING:
    from spil.kit.policy import Principal


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p[:1].upper() + p[1:] for p in rest)


def refuse_nulls(changes: dict[str, Any], required: Iterable[str]) -> None:
    """400 when a change empties a field the record cannot be without."""
    nulls = [name for name in required if name in changes and changes[name] is None]
    if nulls:
        raise invalid(
            [(_camel(n), "required", "Cannot be null.") for n in nulls],
            detail="These fields cannot be emptied: " + ", ".join(_camel(n) for n in nulls) + ".",
            code="required",
        )


def apply_patch(obj: SQLModel, changes: dict[str, Any], *, required: Iterable[str] = ()) -> bool:
    """Set the given fields; refuse ``null`` for fields the record cannot be without."""
    refuse_nulls(changes, required)
    changed = False
    for name, value in changes.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    if changed and hasattr(obj, "updated_at"):
        obj.updated_at = clock.now()
    return changed


def ensure_unique(
    session: Session, column: Any, value: Any, *, field: str, what: str, exclude_id: int | None = None
) -> None:
    """A clear 409 for a duplicate code before the database has to refuse it. ``column`` is a
    model attribute (``School.location_code``); ``exclude_id`` is the record being changed."""
    if value is None:
        return
    id_column = column.class_.id
    stmt = sa.select(id_column).where(column == value)
    if exclude_id is not None:
        stmt = stmt.where(id_column != exclude_id)
    if session.execute(stmt.limit(1)).first() is not None:
        raise conflict_on(
            field, f"There already is {what} with {field} '{value}'.", "duplicate", reason="Already in use."
        )


def ensure_exists(
    session: Session, model: type[SQLModel], ident: int | None, *, field: str, what: str
) -> None:
    """A referenced record must exist: 400 naming the field, not a foreign-key 500."""
    if ident is None:
        return
    if session.get(model, ident) is None:
        raise invalid(
            [(field, "unknown-reference", "Unknown id.")],
            detail=f"There is no {what} with id {ident}.",
            code="unknown-reference",
        )


# --- audited writes: every feature service changes records through these ----------------------
def audited_create(
    session: Session,
    principal: Principal | None,
    obj: SQLModel,
    entity_type: str,
    *,
    board_id: Callable[[Any], int | None] | None = None,
    school_id: Callable[[Any], int | None] | None = None,
) -> int:
    """Insert ``obj`` and record it in the audit trail (not committed). Returns its id.
    ``board_id``/``school_id`` read the audit scope from the stored record (its id is known only then)."""
    session.add(obj)
    session.flush()
    ident: int = obj.id
    audit.record(
        session,
        principal,
        "create",
        entity_type,
        ident,
        after=audit.snapshot(obj),
        board_id=board_id(obj) if board_id else None,
        school_id=school_id(obj) if school_id else None,
    )
    return ident


def audited_update(
    session: Session,
    principal: Principal | None,
    obj: SQLModel,
    changes: dict[str, Any],
    entity_type: str,
    *,
    required: Iterable[str] = (),
    board_id: int | None = None,
    school_id: int | None = None,
) -> bool:
    """Apply a PATCH and record what changed (not committed). Returns whether anything changed."""
    before = audit.snapshot(obj)
    if not apply_patch(obj, changes, required=required):
        return False
    session.flush()
    audit.record(
        session,
        principal,
        "update",
        entity_type,
        obj.id,
        before=before,
        after=audit.snapshot(obj),
        board_id=board_id,
        school_id=school_id,
    )
    return True


def audited_delete(
    session: Session,
    principal: Principal | None,
    obj: SQLModel,
    entity_type: str,
    *,
    board_id: int | None = None,
    school_id: int | None = None,
) -> None:
    """Delete ``obj`` and keep its last state in the audit trail (not committed)."""
    audit.record(
        session,
        principal,
        "delete",
        entity_type,
        obj.id,
        before=audit.snapshot(obj),
        board_id=board_id,
        school_id=school_id,
    )
    session.delete(obj)
    session.flush()


def json_list_contains(column: Any, value: str) -> sa.ColumnElement[bool]:
    """``value`` is one of the strings in a JSON list column, on SQLite and PostgreSQL alike
    (values are codes from a fixed vocabulary, so the quoted form cannot occur by accident)."""
    return sa.cast(column, sa.Text).like(f'%"{value}"%')
