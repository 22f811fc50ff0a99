"""The read scope: which records a principal may read, as SQL. One policy for every feature.

Reading is enforced in the queries: a record outside the caller's scope is never selected, so it
answers 404 ("does not exist or is outside your scope"), never a 403 that would tell it exists.
Every feature builds its scope from the pieces here, and only from them:

- ``schools(principal)`` and ``boards(principal)``: the ids a principal reads (subqueries, for
  ``School.id.in_(...)`` and the like).
- ``school_or_board(principal, Model.school_id, Model.board_id)``: *the* clause of a record that
  belongs to one school or, with no school, to a board as a whole (a partnership, a role
  assignment, a measurement, a confidential case, ...).
- ``any_school_of(...)``: a record linked to several schools (a volunteer agreement).
- ``region_visible``: regions whose aggregates the principal reads.
- ``first_or_404``: the lookup by id that answers 404 (the organisations feature adds
  ``visible_board`` and ``visible_school`` on it).

Which *capability* a clause is built for decides whose grants count (``Capability.READ`` for
the registry, ``Capability.CONFIDENTIAL`` for the counsellor's register, ...); see
``spil.kit.policy`` for the roles and what they may do. ``regional=True`` adds what a region
contact reads of its region (public register data: boards and schools, their catalogues and
aggregates); the features holding personal data (people, assignments, partners, partnerships,
key persons, cases) leave it out: a region contact reads no colleague
(``tests/test_region_privacy.py``).

The kit knows the tenancy tables (``board``, ``school``, ``municipality``) by their columns only,
so that it imports no feature.
"""

from __future__ import annotations

from typing import Any, Literal

import sqlalchemy as sa
from sqlmodel import Session

from spil.kit.errors import not_found
from spil.kit.policy import Capability, Principal

_school = sa.table("school", sa.column("id"), sa.column("board_id"), sa.column("municipality_id"))
_board = sa.table("board", sa.column("id"), sa.column("municipality_id"))
_municipality = sa.table("municipality", sa.column("id"), sa.column("region_id"))
_region_municipality = sa.table("region_municipality", sa.column("region_id"), sa.column("municipality_id"))
_programme_member = sa.table(
    "programme_member",
    sa.column("programme_id"),
    sa.column("board_id"),
    sa.column("joined_on"),
    sa.column("left_on"),
)

BoardWide = Literal["board-and-schools", "board"]


def _everything(principal: Principal, capability: Capability) -> bool:
    return principal.is_platform_admin and capability not in Capability.beyond_platform_admin()


def region_municipalities(
    region_ids: set[int], municipality_ids: set[int] | frozenset[int] = frozenset()
) -> sa.Select[Any]:
    """The ids of the municipalities in these regions, of any kind (a labour-market region's by
    the municipality's own region, the other kinds' by their member list), and these ones."""
    return sa.select(_municipality.c.id).where(
        sa.or_(
            _municipality.c.region_id.in_(region_ids),
            _municipality.c.id.in_(
                sa.select(_region_municipality.c.municipality_id).where(
                    _region_municipality.c.region_id.in_(region_ids)
                )
            ),
            _municipality.c.id.in_(municipality_ids),
        )
    )


def area_municipalities(principal: Principal) -> sa.Select[Any] | None:
    """The municipalities a region or municipality contact reads in aggregate (None: none)."""
    region_ids, municipality_ids = principal.region_ids(), principal.municipality_ids()
    if not region_ids and not municipality_ids:
        return None
    return region_municipalities(region_ids, municipality_ids)


def schools(
    principal: Principal, capability: Capability = Capability.READ, *, regional: bool = False
) -> sa.Select[Any]:
    """The ids of the schools the principal reads: the schools of its boards, its own schools
    and (``regional``, reading only) the schools in its regions."""
    ids = sa.select(_school.c.id)
    if _everything(principal, capability):
        return ids
    parts: list[sa.ColumnElement[bool]] = []
    if board_ids := principal.board_ids(capability):
        parts.append(_school.c.board_id.in_(board_ids))
    if school_ids := principal.school_ids(capability):
        parts.append(_school.c.id.in_(school_ids))
    if regional and capability is Capability.READ and (areas := area_municipalities(principal)) is not None:
        parts.append(_school.c.municipality_id.in_(areas))
    return ids.where(sa.or_(*parts) if parts else sa.false())


def boards(
    principal: Principal,
    capability: Capability = Capability.READ,
    *,
    regional: bool = False,
    board_wide: BoardWide = "board-and-schools",
) -> sa.Select[Any]:
    """The ids of the boards the principal reads: its boards and (``board-and-schools``) the
    boards of its schools, and (``regional``, reading only) the boards seated or with a school in
    its regions. ``board_wide="board"`` keeps to board-level grants: a school's counsellor does
    not read the board's own cases."""
    ids = sa.select(_board.c.id)
    if _everything(principal, capability):
        return ids
    parts: list[sa.ColumnElement[bool]] = []
    if board_ids := principal.board_ids(capability):
        parts.append(_board.c.id.in_(board_ids))
    if board_wide == "board-and-schools" and (school_ids := principal.school_ids(capability)):
        parts.append(_board.c.id.in_(sa.select(_school.c.board_id).where(_school.c.id.in_(school_ids))))
    if regional and capability is Capability.READ and (munis := area_municipalities(principal)) is not None:
        parts.append(_board.c.municipality_id.in_(munis))
        parts.append(
            _board.c.id.in_(sa.select(_school.c.board_id).where(_school.c.municipality_id.in_(munis)))
        )
    return ids.where(sa.or_(*parts) if parts else sa.false())


def school_or_board(
    principal: Principal,
    school_id: Any,
    board_id: Any,
    capability: Capability = Capability.READ,
    *,
    regional: bool = False,
    regional_boards: bool | None = None,
    board_wide: BoardWide = "board-and-schools",
) -> sa.ColumnElement[bool]:
    """The clause of a record that belongs to a school (``school_id`` set) or, without one, to a
    board as a whole: in scope when its school is, or when it is board-wide and its board is.
    ``school_id`` and ``board_id`` are the record's columns (``Partnership.school_id``, ...).
    ``regional_boards`` (default: ``regional``) lets a region contact read a board's aggregate
    records (its targets) without reading its schools'."""
    if _everything(principal, capability):
        return sa.true()
    by_region = regional if regional_boards is None else regional_boards
    return sa.or_(
        school_id.in_(schools(principal, capability, regional=regional)),
        sa.and_(
            school_id.is_(None),
            board_id.in_(boards(principal, capability, regional=by_region, board_wide=board_wide)),
        ),
    )


def any_school_of(
    principal: Principal,
    link_school_id: Any,
    link_record_id: Any,
    record_id: Any,
    capability: Capability = Capability.READ,
    *,
    regional: bool = False,
) -> sa.ColumnElement[bool]:
    """The clause of a record linked to several schools through a link table (a volunteer
    agreement and its schools): in scope when one of its schools is. ``link_school_id`` and
    ``link_record_id`` are the link table's columns, ``record_id`` the record's id column."""
    if _everything(principal, capability):
        return sa.true()
    return sa.exists(
        sa.select(link_record_id).where(
            link_record_id == record_id, link_school_id.in_(schools(principal, capability, regional=regional))
        )
    )


def current_member(today: Any) -> sa.ColumnElement[bool]:
    """A programme membership that runs on ``today``: joined, and not left (leaving ends access
    from its date)."""
    return sa.and_(
        _programme_member.c.joined_on <= today,
        sa.or_(_programme_member.c.left_on.is_(None), _programme_member.c.left_on > today),
    )


def programmes_of_boards(board_ids: Any, today: Any) -> sa.Select[Any]:
    """The ids of the regional programmes these boards (ids or a subquery) are current members of."""
    return sa.select(_programme_member.c.programme_id).where(
        _programme_member.c.board_id.in_(board_ids), current_member(today)
    )


def programme_boards(programme_id: Any, today: Any) -> sa.Select[Any]:
    """The ids of a programme's current member boards."""
    return sa.select(_programme_member.c.board_id).where(
        _programme_member.c.programme_id == programme_id, current_member(today)
    )


def programmes(principal: Principal, today: Any, capability: Capability = Capability.READ) -> sa.Select[Any]:
    """The regional programmes whose shared records the principal reads through a board that is a
    current member (decision record 0017): never another board's own registry."""
    return programmes_of_boards(boards(principal, capability), today)


def municipality_visible(principal: Principal, municipality_id: Any) -> sa.ColumnElement[bool]:
    """Municipalities whose aggregates the principal reads: the platform administrator's all, a
    municipality contact's own, a region contact's those of its region."""
    if principal.is_platform_admin:
        return sa.true()
    areas = area_municipalities(principal)
    return municipality_id.in_(areas) if areas is not None else sa.false()


def region_visible(principal: Principal, region_id: Any) -> sa.ColumnElement[bool]:
    """Regions whose aggregates the principal reads: the platform administrator's all, a region
    contact's own. (A board's staff read their board, not the region around it: a region holds
    other boards' schools.)"""
    if principal.is_platform_admin:
        return sa.true()
    return region_id.in_(principal.region_ids() or {0})


# --- lookups by id: 404 outside the scope --------------------------------------------------------
def first_or_404(session: Session, stmt: sa.Select[Any], what: str) -> Any:
    """The first row of a scoped ``stmt``, or 404 naming ``what``."""
    row = session.execute(stmt.limit(1)).first()
    if row is None:
        raise not_found(what)
    return row
