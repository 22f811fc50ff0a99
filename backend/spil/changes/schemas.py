"""Shapes of the change feed."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import Field

from spil.kit.schemas import ApiModel


class ChangeOut(ApiModel):
    cursor: str = Field(description="This change's place in the feed (resume after it with `since`).")
    type: str = Field(
        description="The record type: board, school, person, role-assignment, partner, partnership."
    )
    id: int
    change: Literal["created", "updated", "deleted"]
    occurred_at: dt.datetime
    state: dict[str, Any] | None = Field(
        description="The record as it is now, as `GET` on it answers you; empty in a tombstone."
    )
    tombstone: bool = Field(description="The record is gone, or no longer in your scope: forget it.")


class ChangePage(ApiModel):
    items: list[ChangeOut]
    next_cursor: str = Field(description="Send as `since` in the next call.")
    has_more: bool = Field(description="More changes are waiting: call again at once.")
    types: list[str] = Field(description="The record types this feed holds for you.")


class RecentCount(ApiModel):
    entity_type: str
    action: Literal["create", "update", "delete"]
    count: int


class RecentChange(ApiModel):
    occurred_at: dt.datetime
    entity_type: str
    entity_id: int
    action: Literal["create", "update", "delete"]
    label: str | None = Field(description="The record's name, when it has one.")
    school_id: int | None
    actor_label: str = Field(description="Who made the change: a colleague's name or an integration.")


class RecentChanges(ApiModel):
    since: dt.datetime
    total: int = Field(description="Changes by others since `since`, in your scope.")
    counts: list[RecentCount] = Field(description="Per record type and action, most first.")
    latest: list[RecentChange] = Field(description="The most recent ones, newest first.")
