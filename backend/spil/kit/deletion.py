"""Refusing a delete that would leave another feature's records behind.

A feature whose records refer to another feature's record says so where its tables are defined
(its ``models.py``, loaded with them): ``restricted_by("school", Partnership.school_id, "...")``.
The owner of the record asks ``refuse_if_referenced(session, "school", school_id)`` before it
deletes, and so imports none of the features that refer to it. The answer is a 409 whose text
says what is in the way and what to do instead; the foreign keys (``ON DELETE RESTRICT``) stay
as the database's last word. ``tests/test_units.py`` checks that every such foreign key between
features is registered here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from spil.kit.errors import conflict


@dataclass(frozen=True)
class Reference:
    table: str  # the referenced table ("school")
    column: Any  # the referring column (Partnership.school_id)
    advice: str  # what is in the way and what to do instead, for the 409


_REFERENCES: dict[str, list[Reference]] = {}


def restricted_by(table: str, column: Any, advice: str) -> None:
    """Records in ``column`` refer to a row of ``table``: while any does, it cannot be deleted."""
    refs = _REFERENCES.setdefault(table, [])
    if all(r.column is not column for r in refs):
        refs.append(Reference(table, column, advice))


def references(table: str) -> list[Reference]:
    return list(_REFERENCES.get(table, []))


def refuse_if_referenced(session: Session, table: str, ident: int) -> None:
    """409 ``in-use`` naming the first kind of record that still refers to the row."""
    for ref in _REFERENCES.get(table, []):
        if session.execute(sa.select(ref.column).where(ref.column == ident).limit(1)).first() is not None:
            raise conflict(ref.advice, "in-use")
