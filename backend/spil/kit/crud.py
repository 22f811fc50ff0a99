"""Small helpers the feature services share: applying a PATCH, uniqueness checks."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, SQLModel

from spil.kit.db import utcnow
from spil.kit.errors import ProblemError


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p[:1].upper() + p[1:] for p in rest)


def apply_patch(obj: SQLModel, changes: dict[str, Any], *, required: Iterable[str] = ()) -> bool:
    """Set the given fields; refuse ``null`` for fields the record cannot be without."""
    nulls = [name for name in required if name in changes and changes[name] is None]
    if nulls:
        raise ProblemError(
            400,
            "These fields cannot be emptied: " + ", ".join(_camel(n) for n in nulls) + ".",
            code="required",
            invalid_params=[
                {"name": _camel(n), "in": "body", "code": "required", "reason": "Cannot be null."}
                for n in nulls
            ],
        )
    changed = False
    for name, value in changes.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    if changed and hasattr(obj, "updated_at"):
        obj.updated_at = utcnow()
    return changed


def ensure_unique(
    session: Session,
    column: Any,
    value: Any,
    *,
    exclude_id: int | None,
    id_column: Any,
    field: str,
    what: str,
) -> None:
    """A clear 409 for a duplicate code before the database has to refuse it."""
    if value is None:
        return
    stmt = sa.select(id_column).where(column == value)
    if exclude_id is not None:
        stmt = stmt.where(id_column != exclude_id)
    if session.execute(stmt.limit(1)).first() is not None:
        raise ProblemError(
            409,
            f"There already is {what} with {field} '{value}'.",
            code="duplicate",
            invalid_params=[{"name": field, "in": "body", "code": "duplicate", "reason": "Already in use."}],
        )


def ensure_exists(
    session: Session, model: type[SQLModel], ident: int | None, *, field: str, what: str
) -> None:
    """A referenced record must exist: 400 naming the field, not a foreign-key 500."""
    if ident is None:
        return
    if session.get(model, ident) is None:
        raise ProblemError(
            400,
            f"There is no {what} with id {ident}.",
            code="unknown-reference",
            invalid_params=[
                {"name": field, "in": "body", "code": "unknown-reference", "reason": "Unknown id."}
            ],
        )
