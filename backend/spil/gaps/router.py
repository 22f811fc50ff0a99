"""HTTP endpoint: /gaps."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query

from spil.access.service import scoped
from spil.gaps import service
from spil.gaps.schemas import GapPage
from spil.kit.deps import SessionDep, optional_id_query
from spil.kit.pagination import PageParams, page_params
from spil.kit.policy import Principal

router = APIRouter(tags=["gaps"])


@router.get(
    "/gaps",
    summary="What is missing or at risk: unfilled statutory roles, partners on one person, "
    "expiring agreements, ...",
)
def list_gaps(
    session: SessionDep,
    principal: Annotated[Principal, Depends(scoped("partners:read"))],
    paging: Annotated[PageParams, Depends(page_params)],
    board_id: Annotated[int | None, optional_id_query("boardId", "Only this board.")] = None,
    school_id: Annotated[int | None, optional_id_query("schoolId", "Only this school.")] = None,
    kind: Annotated[str | None, Query(max_length=60, pattern=r"^[a-z-]+$")] = None,
    severity: Annotated[Literal["error", "warning", "info"] | None, Query()] = None,
) -> GapPage:
    return service.list_gaps(
        session, principal, paging, board_id=board_id, school_id=school_id, kind=kind, severity=severity
    )
