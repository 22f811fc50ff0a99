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
from spil.kit.errors import ProblemError, conflict_on, invalid, not_found
from spil.kit.policy import Capability, Principal
from spil.organisations.models import Board, School

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
    return [IndicatorOut.model_validate(r) for r in rows if _readable(session, principal, r)]


def _readable(session: Session, principal: Principal, indicator: Indicator) -> bool:
    """Whether the caller can read this indicator's series for some scope, so that no menu offers
    a dead end: a derived indicator from records of single people (a key person's allowances) only
    for the staff of a school, and one from guarded records only for an API key with their scope."""
    from spil.indicators import derived

    if not indicator.derived:
        return True
    needed = derived.EXTRA_API_SCOPE.get(indicator.code)
    if needed is not None:
        try:
            principal.require_scope(needed)
        except ProblemError:
            return False
    if indicator.code in derived.PERSONAL and not principal.is_platform_admin:
        staff_school = session.execute(
            sa.select(School.id).where(School.id.in_(scope.schools(principal))).limit(1)
        )
        return staff_school.first() is not None
    return True


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
