"""Business rules for regions, municipalities, boards and schools."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from spil.kit import deletion, scope
from spil.kit.crud import audited_create, audited_delete, audited_update, ensure_unique
from spil.kit.errors import conflict, invalid, not_found
from spil.kit.pagination import Page, PageParams, like_pattern, paginate
from spil.kit.policy import Capability, Principal
from spil.organisations import regions
from spil.organisations.models import LABOUR_MARKET, Board, Municipality, Region, School
from spil.organisations.schemas import (
    BoardCreate,
    BoardOut,
    BoardUpdate,
    MunicipalityCreate,
    MunicipalityOut,
    MunicipalityUpdate,
    SchoolCreate,
    SchoolOut,
    SchoolUpdate,
)
from spil.sync import ownership


def _search(column: Any, q: str | None) -> sa.ColumnElement[bool]:
    return sa.func.lower(column).like(like_pattern(q), escape="\\") if q else sa.true()


# --- municipalities --------------------------------------------------------------------------
def _municipality_outs(session: Session, rows: list[Any]) -> list[MunicipalityOut]:
    refs = regions.refs_of(session, [m.id for m, _ in rows])
    return [
        MunicipalityOut.model_validate(m).model_copy(update={"region_name": name, "regions": refs[m.id]})
        for m, name in rows
    ]


def _municipality_query() -> sa.Select[Any]:
    return sa.select(Municipality, Region.name).join(Region, Region.id == Municipality.region_id)


def list_municipalities(
    session: Session,
    params: PageParams,
    q: str | None,
    region_id: int | None,
    current: bool | None = None,
) -> Page[MunicipalityOut]:
    stmt = _municipality_query().where(sa.or_(_search(Municipality.name, q), _search(Municipality.code, q)))
    if region_id is not None:
        region = regions.find(session, region_id)
        stmt = stmt.where(Municipality.id.in_(regions.municipality_ids(session, region)))
    if current is not None:
        stmt = stmt.where(Municipality.ended_on.is_(None) if current else Municipality.ended_on.is_not(None))
    page = paginate(
        session,
        stmt,
        params,
        sortable={"code": Municipality.code, "name": Municipality.name},
        default_sort=[Municipality.name],
        tiebreak=Municipality.id,
        convert=lambda row: row,
    )
    return Page[MunicipalityOut](
        items=_municipality_outs(session, page.items),
        total=page.total,
        page=page.page,
        page_size=page.page_size,
    )


def municipalities_of_region(session: Session, region_id: int) -> list[MunicipalityOut]:
    """A region's municipalities by name, in two queries whatever their number."""
    region = regions.find(session, region_id)
    rows = session.execute(
        _municipality_query()
        .where(Municipality.id.in_(regions.municipality_ids(session, region)))
        .order_by(Municipality.name)
    ).all()
    return _municipality_outs(session, list(rows))


def get_municipality(session: Session, municipality_id: int) -> MunicipalityOut:
    row = session.execute(_municipality_query().where(Municipality.id == municipality_id)).first()
    if row is None:
        raise not_found("municipality")
    return _municipality_outs(session, [row])[0]


def current_municipality(
    session: Session, municipality_id: int | None, field: str = "municipalityId"
) -> None:
    """A board or school is placed in a municipality that exists today: an ended one is a 400
    naming its successor."""
    if municipality_id is None:
        return
    municipality = session.get(Municipality, municipality_id)
    if municipality is None:
        raise invalid([(field, "unknown-reference", "Unknown id.")], code="unknown-reference")
    if municipality.ended_on is not None:
        successor = (
            session.get(Municipality, municipality.successor_id) if municipality.successor_id else None
        )
        hint = f" Use its successor {successor.name} ({successor.code})." if successor else ""
        raise invalid([(field, "ended", f"{municipality.name} ended on {municipality.ended_on}.{hint}")])


def create_municipality(session: Session, principal: Principal, data: MunicipalityCreate) -> MunicipalityOut:
    principal.require_platform_admin()
    ensure_unique(session, Municipality.code, data.code, field="code", what="a municipality")
    region = session.get(Region, data.region_id)
    if region is None or region.kind != LABOUR_MARKET:
        raise invalid([("regionId", "unknown-reference", "There is no labour-market region with that id.")])
    ident = audited_create(session, principal, Municipality(**data.model_dump()), "municipality")
    return get_municipality(session, ident)


def update_municipality(
    session: Session, principal: Principal, municipality_id: int, data: MunicipalityUpdate
) -> MunicipalityOut:
    principal.require_platform_admin()
    municipality = session.get(Municipality, municipality_id)
    if municipality is None:
        raise not_found("municipality")
    changes = data.model_dump(exclude_unset=True)
    if changes.get("region_id") is not None:
        region = session.get(Region, changes["region_id"])
        if region is None or region.kind != LABOUR_MARKET:
            raise invalid(
                [("regionId", "unknown-reference", "There is no labour-market region with that id.")]
            )
    audited_update(session, principal, municipality, changes, "municipality", required=["name", "region_id"])
    return get_municipality(session, municipality_id)


def delete_municipality(session: Session, principal: Principal, municipality_id: int) -> None:
    principal.require_platform_admin()
    municipality = session.get(Municipality, municipality_id)
    if municipality is None:
        raise not_found("municipality")
    in_use = session.scalar(
        sa.select(sa.func.count()).select_from(School).where(School.municipality_id == municipality_id)
    ) or session.scalar(
        sa.select(sa.func.count()).select_from(Board).where(Board.municipality_id == municipality_id)
    )
    if in_use:
        raise conflict("Boards or schools are located in this municipality; move them first.", "in-use")
    deletion.refuse_if_referenced(session, "municipality", municipality_id)
    audited_delete(session, principal, municipality, "municipality")


# --- boards ----------------------------------------------------------------------------------
def visible_board(
    session: Session, principal: Principal, board_id: int, *, regional: bool = True, what: str = "board"
) -> Board:
    """The board, when the principal reads it (``spil.kit.scope``); 404 otherwise."""
    stmt = sa.select(Board).where(
        Board.id == board_id, Board.id.in_(scope.boards(principal, regional=regional))
    )
    board: Board = scope.first_or_404(session, stmt, what)[0]
    return board


def visible_school(
    session: Session,
    principal: Principal,
    school_id: int,
    capability: Capability = Capability.READ,
    *,
    regional: bool = False,
    what: str = "school",
) -> School:
    """The school, when the principal reads it with ``capability``; 404 otherwise."""
    stmt = sa.select(School).where(
        School.id == school_id, School.id.in_(scope.schools(principal, capability, regional=regional))
    )
    school: School = scope.first_or_404(session, stmt, what)[0]
    return school


def _board_query(principal: Principal) -> sa.Select[Any]:
    school_count = (
        sa.select(sa.func.count()).where(School.board_id == Board.id).correlate(Board).scalar_subquery()
    )
    return (
        sa.select(Board, Municipality.name, school_count)
        .outerjoin(Municipality, Municipality.id == Board.municipality_id)
        .where(Board.id.in_(scope.boards(principal, regional=True)))
    )


def _board_out(row: Any) -> BoardOut:
    board, municipality_name, school_count = row
    return BoardOut.model_validate(board).model_copy(
        update={"municipality_name": municipality_name, "school_count": school_count}
    )


def list_boards(
    session: Session, principal: Principal, params: PageParams, q: str | None, municipality_id: int | None
) -> Page[BoardOut]:
    stmt = _board_query(principal).where(sa.or_(_search(Board.name, q), _search(Board.number, q)))
    if municipality_id is not None:
        stmt = stmt.where(Board.municipality_id == municipality_id)
    return paginate(
        session,
        stmt,
        params,
        sortable={"name": Board.name, "number": Board.number, "updatedAt": Board.updated_at},
        default_sort=[Board.name],
        tiebreak=Board.id,
        convert=_board_out,
    )


def get_board(session: Session, principal: Principal, board_id: int) -> tuple[BoardOut, int]:
    row = scope.first_or_404(session, _board_query(principal).where(Board.id == board_id), "board")
    return _board_out(row), row[0].version


def create_board(session: Session, principal: Principal, data: BoardCreate) -> tuple[BoardOut, int]:
    principal.require_platform_admin()
    ensure_unique(session, Board.number, data.number, field="number", what="a board")
    current_municipality(session, data.municipality_id)
    ident = audited_create(session, principal, Board(**data.model_dump()), "board", board_id=lambda b: b.id)
    return get_board(session, principal, ident)


def update_board(
    session: Session, principal: Principal, board_id: int, data: BoardUpdate, check_version: Any
) -> tuple[BoardOut, int]:
    board = visible_board(session, principal, board_id, regional=True)
    principal.require(Capability.MANAGE_BOARD, board_id=board_id)
    check_version(board.version)
    changes = data.model_dump(exclude_unset=True)
    ensure_unique(
        session, Board.number, changes.get("number"), field="number", what="a board", exclude_id=board_id
    )
    current_municipality(session, changes.get("municipality_id"))
    audited_update(
        session, principal, board, changes, "board", required=["number", "name"], board_id=board_id
    )
    return get_board(session, principal, board_id)


def delete_board(session: Session, principal: Principal, board_id: int, check_version: Any) -> None:
    board = visible_board(session, principal, board_id, regional=True)
    principal.require_platform_admin()
    check_version(board.version)
    schools = session.scalar(
        sa.select(sa.func.count()).select_from(School).where(School.board_id == board_id)
    )
    if schools:
        raise conflict(f"The board still has {schools} school(s); delete or move them first.", "in-use")
    deletion.refuse_if_referenced(session, "board", board_id)
    audited_delete(session, principal, board, "board", board_id=board_id)


def visible_board_id(
    session: Session, principal: Principal, board_id: int, field: str = "boardId", location: str = "body"
) -> int:
    found = session.execute(
        sa.select(Board.id).where(Board.id == board_id, Board.id.in_(scope.boards(principal, regional=True)))
    ).first()
    if found is None:
        raise invalid(
            [(field, "unknown-reference", f"There is no board with id {board_id} in your scope.")],
            code="unknown-reference",
            location=location,
        )
    return board_id


# --- schools ---------------------------------------------------------------------------------
def _school_query(principal: Principal) -> sa.Select[Any]:
    return (
        sa.select(School, Board.name, Municipality.name, *ownership.columns("school", School.id))
        .join(Board, Board.id == School.board_id)
        .join(Municipality, Municipality.id == School.municipality_id)
        .where(School.id.in_(scope.schools(principal, regional=True)))
    )


def _school_out(row: Any) -> SchoolOut:
    school, board_name, municipality_name, source, owned = row
    return SchoolOut.model_validate(
        {
            **school.model_dump(),
            "brin": school.location_code[:4],
            "board_name": board_name,
            "municipality_name": municipality_name,
            "synced_from": ownership.synced_from("school", source, owned),
        }
    )


def list_schools(
    session: Session,
    principal: Principal,
    params: PageParams,
    *,
    q: str | None,
    board_id: int | None,
    municipality_id: int | None,
    sector: str | None,
) -> Page[SchoolOut]:
    stmt = _school_query(principal).where(
        sa.or_(_search(School.name, q), _search(School.location_code, q), _search(School.city, q))
    )
    if board_id is not None:
        stmt = stmt.where(School.board_id == board_id)
    if municipality_id is not None:
        stmt = stmt.where(School.municipality_id == municipality_id)
    if sector is not None:
        stmt = stmt.where(School.sector == sector)
    return paginate(
        session,
        stmt,
        params,
        sortable={
            "name": School.name,
            "locationCode": School.location_code,
            "sector": School.sector,
            "city": School.city,
            "updatedAt": School.updated_at,
        },
        default_sort=[School.name],
        tiebreak=School.id,
        convert=_school_out,
    )


def get_school(session: Session, principal: Principal, school_id: int) -> tuple[SchoolOut, int]:
    row = scope.first_or_404(session, _school_query(principal).where(School.id == school_id), "school")
    return _school_out(row), row[0].version


def create_school(session: Session, principal: Principal, data: SchoolCreate) -> tuple[SchoolOut, int]:
    # A board outside the caller's scope is reported exactly like one that does not exist.
    board = session.scalars(
        sa.select(Board).where(
            Board.id == data.board_id, Board.id.in_(scope.boards(principal, regional=True))
        )
    ).first()
    if board is None:
        raise invalid(
            [("boardId", "unknown-reference", "Unknown id.")],
            detail=f"There is no board with id {data.board_id} in your scope.",
            code="unknown-reference",
        )
    principal.require(Capability.MANAGE_BOARD, board_id=board.id)
    ensure_unique(session, School.location_code, data.location_code, field="locationCode", what="a school")
    current_municipality(session, data.municipality_id)
    ident = audited_create(
        session,
        principal,
        School(**data.model_dump()),
        "school",
        board_id=lambda s: s.board_id,
        school_id=lambda s: s.id,
    )
    return get_school(session, principal, ident)


def update_school(
    session: Session, principal: Principal, school_id: int, data: SchoolUpdate, check_version: Any
) -> tuple[SchoolOut, int]:
    school = visible_school(session, principal, school_id, regional=True)
    principal.require(Capability.MANAGE_SCHOOL, board_id=school.board_id, school_id=school_id)
    check_version(school.version)
    changes = data.model_dump(exclude_unset=True)
    ensure_unique(
        session,
        School.location_code,
        changes.get("location_code"),
        field="locationCode",
        what="a school",
        exclude_id=school_id,
    )
    current_municipality(session, changes.get("municipality_id"))
    ownership.refuse_owned(session, "school", school_id, changes, school)
    audited_update(
        session,
        principal,
        school,
        changes,
        "school",
        required=["location_code", "name", "sector", "municipality_id"],
        board_id=school.board_id,
        school_id=school_id,
    )
    return get_school(session, principal, school_id)


def delete_school(session: Session, principal: Principal, school_id: int, check_version: Any) -> None:
    school = visible_school(session, principal, school_id, regional=True)
    principal.require(Capability.MANAGE_BOARD, board_id=school.board_id)
    check_version(school.version)
    deletion.refuse_if_referenced(session, "school", school_id)
    audited_delete(session, principal, school, "school", board_id=school.board_id, school_id=school_id)
