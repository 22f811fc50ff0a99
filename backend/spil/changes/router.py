"""HTTP endpoint: /changes (the change feed)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from spil.access.service import current_principal
from spil.changes import recent, service
from spil.changes.schemas import ChangePage, RecentChanges
from spil.kit.deps import SessionDep
from spil.kit.errors import invalid
from spil.kit.openapi import problems
from spil.kit.policy import Principal

router = APIRouter(tags=["changes"])


@router.get(
    "/changes",
    responses=problems(400),
    summary="What changed in your scope since a cursor, in commit order, with each record as it is now",
)
def list_changes(
    session: SessionDep,
    principal: Annotated[Principal, Depends(current_principal)],
    since: Annotated[
        str | None,
        Query(
            max_length=20,
            description="The `nextCursor` of the previous call; leave out to start at the beginning.",
        ),
    ] = None,
    types: Annotated[
        str | None,
        Query(
            max_length=200,
            pattern=r"^[a-z-]+(,[a-z-]+)*$",
            description="Comma-separated record types, e.g. `person,role-assignment` (default: all).",
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=500, description="At most this many changes.")] = 100,
) -> ChangePage:
    wanted = types.split(",") if types else None
    return service.changes(session, principal, since=since, types=wanted, limit=limit)


@router.get(
    "/recent-changes",
    responses=problems(400),
    summary="What others changed in your scope since a moment, such as your previous visit",
)
def list_recent_changes(
    session: SessionDep,
    principal: Annotated[Principal, Depends(current_principal)],
    since: Annotated[
        dt.datetime,
        Query(description="A date and time with its zone, e.g. the `previousLoginAt` of your session."),
    ],
    limit: Annotated[int, Query(ge=1, le=50, description="At most this many of the latest changes.")] = 10,
) -> RecentChanges:
    if since.tzinfo is None:
        raise invalid([("since", "timezone", "Give the time zone too, such as +01:00.")], location="query")
    return recent.recent_changes(session, principal, since, limit)
