"""The indicator catalogue: the built-in indicators and a board's own."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session

from spil.indicators.models import Indicator
from spil.indicators.schemas import (
    IndicatorCreate,
    IndicatorOut,
)
from spil.kit import scope
from spil.kit.crud import audited_create
from spil.kit.errors import conflict_on, invalid, not_found
from spil.kit.policy import Capability, Principal
from spil.organisations.models import Board

# --- the catalogue ---------------------------------------------------------------------------------


def list_indicators(
    session: Session, principal: Principal, *, board_id: int | None, domain: str | None
) -> list[IndicatorOut]:
    stmt = sa.select(Indicator).where(
        sa.or_(Indicator.board_id.is_(None), Indicator.board_id.in_(scope.boards(principal, regional=True)))
    )
    if board_id is not None:
        stmt = stmt.where(sa.or_(Indicator.board_id.is_(None), Indicator.board_id == board_id))
    if domain is not None:
        stmt = stmt.where(Indicator.domain == domain)
    rows = session.execute(stmt.order_by(Indicator.board_id.is_not(None), Indicator.id)).scalars()
    return [IndicatorOut.model_validate(r) for r in rows]


def find_indicator(session: Session, code: str, board_id: int | None) -> Indicator | None:
    """A board's own indicator of that code, else the built-in one."""
    return (
        session.execute(
            sa.select(Indicator)
            .where(
                Indicator.code == code, sa.or_(Indicator.board_id.is_(None), Indicator.board_id == board_id)
            )
            .order_by(Indicator.board_id.is_(None))
        )
        .scalars()
        .first()
    )


def visible_indicator(session: Session, principal: Principal, code: str) -> Indicator:
    found = (
        session.execute(
            sa.select(Indicator)
            .where(
                Indicator.code == code,
                sa.or_(
                    Indicator.board_id.is_(None),
                    Indicator.board_id.in_(scope.boards(principal, regional=True)),
                ),
            )
            .order_by(Indicator.board_id.is_(None))
        )
        .scalars()
        .first()
    )
    if found is None:
        raise not_found("indicator")
    return found


def create_indicator(session: Session, principal: Principal, data: IndicatorCreate) -> IndicatorOut:
    if (
        session.execute(
            sa.select(Board.id).where(
                Board.id == data.board_id, Board.id.in_(scope.boards(principal, regional=True))
            )
        ).first()
        is None
    ):
        raise invalid(
            [("boardId", "unknown-reference", f"There is no board with id {data.board_id} in your scope.")],
            code="unknown-reference",
        )
    principal.require(Capability.MANAGE_BOARD, board_id=data.board_id)
    if find_indicator(session, data.code, data.board_id) is not None:
        raise conflict_on("code", f"The indicator code '{data.code}' already exists.", "duplicate")
    indicator = Indicator(**data.model_dump(), derived=False)
    audited_create(session, principal, indicator, "indicator", board_id=lambda i: i.board_id)
    return IndicatorOut.model_validate(indicator)
