"""Tables: sync runs (what a school administration system sent and what it changed), the links
between a source's own keys and Spil's records, and a board's mapping of source role names."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from spil.kit import clock
from spil.kit.db import UTCDateTime

ENTITY_TYPES = ("school", "person", "role-assignment")


class SyncRun(SQLModel, table=True):
    """One call of ``POST /sync-runs``: kept with its counts, problems and the diff it made."""

    __tablename__ = "sync_run"
    __table_args__ = (sa.Index("ix_sync_run_board_started", "board_id", "started_at"),)

    id: int | None = Field(default=None, primary_key=True)
    board_id: int = Field(foreign_key="board.id", index=True, ondelete="CASCADE")
    source: str = Field(max_length=40)
    mode: str = Field(max_length=10)  # upsert | snapshot
    dry_run: bool = False
    valid_only: bool = False
    # applied | dry-run | rejected (item problems, nothing written) | stopped (large removal)
    status: str = Field(max_length=12)
    actor_type: str = Field(max_length=20)
    actor_id: int | None = None
    actor_label: str = Field(max_length=320)
    started_at: dt.datetime = Field(default_factory=clock.now, sa_type=UTCDateTime, nullable=False)
    finished_at: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    counts: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON)
    problems: list[dict[str, Any]] = Field(default_factory=list, sa_type=sa.JSON)
    # What changed, item by item (holds names: board administrators only; emptied after the
    # retention of ``spil purge-personal-data``).
    changes: list[dict[str, Any]] = Field(default_factory=list, sa_type=sa.JSON)


class SyncLink(SQLModel, table=True):
    """A source's key for one of Spil's records: a school by location code, a person or an
    assignment by the source's own id (or, for an assignment without one, person + role + scope)."""

    __tablename__ = "sync_link"
    __table_args__ = (
        sa.UniqueConstraint("board_id", "source", "entity_type", "external_key"),
        sa.Index("ix_sync_link_entity", "entity_type", "entity_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    board_id: int = Field(foreign_key="board.id", index=True, ondelete="CASCADE")
    source: str = Field(max_length=40)
    entity_type: str = Field(max_length=20)
    external_key: str = Field(max_length=300)
    entity_id: int
    # Made by this source (a snapshot may end it), or an existing record the source took over on
    # first sight (matched by e-mail address, location code): never ended by a sync.
    created_by_source: bool = True
    # The fields the source sends: shown as "from <source>" and not editable by hand.
    owned_fields: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    last_run_id: int | None = Field(default=None, foreign_key="sync_run.id", ondelete="SET NULL")
    ended_by_run_id: int | None = Field(default=None, foreign_key="sync_run.id", ondelete="SET NULL")


class SyncRoleMapping(SQLModel, table=True):
    """A board's own translation of a source's job title to one of Spil's role types (on top of
    the built-in defaults of ``spil.sync.mapping``); ``source`` empty: for every source."""

    __tablename__ = "sync_role_mapping"
    __table_args__ = (sa.UniqueConstraint("board_id", "source", "source_name"),)

    id: int | None = Field(default=None, primary_key=True)
    board_id: int = Field(foreign_key="board.id", index=True, ondelete="CASCADE")
    source: str | None = Field(default=None, max_length=40)
    source_name: str = Field(max_length=120)  # normalised: lower case, single spaces
    role_type_id: int = Field(foreign_key="role_type.id", index=True, ondelete="CASCADE")
    created_at: dt.datetime = Field(default_factory=clock.now, sa_type=UTCDateTime, nullable=False)


# How long a run's item-by-item diff (names and e-mail addresses) is kept; the counts and the
# problems stay.
KEEP_CHANGES_DAYS = 90


def purge_changes(session: Any, today: dt.date) -> int:
    """Empty the diffs of runs older than ``KEEP_CHANGES_DAYS`` (``spil purge-personal-data``)."""
    cutoff = dt.datetime.combine(today - dt.timedelta(days=KEEP_CHANGES_DAYS), dt.time(), tzinfo=dt.UTC)
    table = SyncRun.__table__  # type: ignore[attr-defined]
    old = [
        ident
        for ident, changes in session.execute(
            sa.select(table.c.id, table.c.changes).where(table.c.started_at < cutoff)
        ).all()
        if changes
    ]
    if old:
        session.execute(table.update().where(table.c.id.in_(old)).values(changes=[]))
    return len(old)
