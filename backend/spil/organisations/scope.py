"""Reading scope as SQL: the boards and schools a principal may see.

Every list and every lookup by id goes through these clauses, so an out-of-scope record is
simply not found (404), never filtered after the fact.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from spil.kit.policy import Capability, Principal
from spil.organisations.models import Board, Municipality, School


def _region_municipalities(region_ids: set[int]) -> sa.Select[Any]:
    return sa.select(Municipality.id).where(Municipality.region_id.in_(region_ids))


def school_clause(
    principal: Principal, capability: Capability = Capability.READ, *, regional: bool = True
) -> sa.ColumnElement[bool]:
    """Schools the principal can see: its boards' schools, its schools, and (``regional``) its
    regions' schools."""
    if principal.is_platform_admin and capability is not Capability.CONFIDENTIAL:
        return sa.true()
    parts: list[sa.ColumnElement[bool]] = []
    if board_ids := principal.board_ids(capability):
        parts.append(School.board_id.in_(board_ids))
    if school_ids := principal.school_ids(capability):
        parts.append(School.id.in_(school_ids))
    if regional and capability is Capability.READ and (region_ids := principal.region_ids()):
        parts.append(School.municipality_id.in_(_region_municipalities(region_ids)))
    return sa.or_(*parts) if parts else sa.false()


def board_clause(principal: Principal, capability: Capability = Capability.READ) -> sa.ColumnElement[bool]:
    """Boards the principal can see: its boards, the boards of its schools, the boards of its region
    (seated there or with a school there)."""
    if principal.is_platform_admin and capability is not Capability.CONFIDENTIAL:
        return sa.true()
    parts: list[sa.ColumnElement[bool]] = []
    if board_ids := principal.board_ids(capability):
        parts.append(Board.id.in_(board_ids))
    if school_ids := principal.school_ids(capability):
        parts.append(Board.id.in_(sa.select(School.board_id).where(School.id.in_(school_ids))))
    if capability is Capability.READ and (region_ids := principal.region_ids()):
        munis = _region_municipalities(region_ids)
        parts.append(Board.municipality_id.in_(munis))
        parts.append(Board.id.in_(sa.select(School.board_id).where(School.municipality_id.in_(munis))))
    return sa.or_(*parts) if parts else sa.false()
