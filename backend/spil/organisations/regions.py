"""Regions of every kind: the shipped labour-market regions, and the education regions,
partnerships for inclusive education, GGD and youth-care regions that the platform administrator
keeps as sets of municipalities (at most one region of each kind per municipality)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from spil.kit import audit, clock, deletion
from spil.kit.crud import audited_create, audited_delete, audited_update
from spil.kit.errors import conflict, conflict_on, invalid, not_found
from spil.kit.pagination import Page, PageParams, like_pattern, paginate
from spil.kit.policy import Principal
from spil.organisations.models import LABOUR_MARKET, Municipality, Region, RegionMunicipality
from spil.organisations.schemas import RegionCreate, RegionMunicipalities, RegionOut, RegionRef, RegionUpdate


def _members(region: Any) -> sa.ColumnElement[Any]:
    """How many municipalities a region has (labour-market: by the municipality's own region)."""
    by_link = (
        sa.select(sa.func.count())
        .select_from(RegionMunicipality)
        .where(RegionMunicipality.region_id == region.id)
        .scalar_subquery()
    )
    by_cbs = (
        sa.select(sa.func.count())
        .select_from(Municipality)
        .where(Municipality.region_id == region.id)
        .scalar_subquery()
    )
    return sa.case((region.kind == LABOUR_MARKET, by_cbs), else_=by_link)


def _query() -> sa.Select[Any]:
    return sa.select(Region, _members(Region).label("count"))


def _out(row: Any) -> RegionOut:
    region, count = row
    return RegionOut.model_validate(region).model_copy(update={"municipality_count": count})


def list_regions(
    session: Session,
    params: PageParams,
    *,
    q: str | None,
    kind: str | None,
    municipality_id: int | None = None,
) -> Page[RegionOut]:
    stmt = _query()
    if q:
        pattern = like_pattern(q)
        stmt = stmt.where(
            sa.or_(
                sa.func.lower(Region.name).like(pattern, escape="\\"),
                sa.func.lower(Region.code).like(pattern, escape="\\"),
            )
        )
    if kind is not None:
        stmt = stmt.where(Region.kind == kind)
    if municipality_id is not None:
        stmt = stmt.where(
            sa.or_(
                Region.id.in_(sa.select(Municipality.region_id).where(Municipality.id == municipality_id)),
                Region.id.in_(
                    sa.select(RegionMunicipality.region_id).where(
                        RegionMunicipality.municipality_id == municipality_id
                    )
                ),
            )
        )
    return paginate(
        session,
        stmt,
        params,
        sortable={"code": Region.code, "name": Region.name, "kind": Region.kind},
        default_sort=[Region.kind, Region.code],
        tiebreak=Region.id,
        convert=_out,
    )


def find(session: Session, region_id: int, kind: str | None = None) -> Region:
    region = session.get(Region, region_id)
    if region is None or (kind is not None and region.kind != kind):
        raise not_found("region")
    return region


def get_region(session: Session, region_id: int, kind: str | None = None) -> tuple[RegionOut, int]:
    region = find(session, region_id, kind)
    row = session.execute(_query().where(Region.id == region_id)).one()
    return _out(row), region.version


def municipality_ids(session: Session, region: Region) -> sa.Select[Any]:
    """The ids of the region's municipalities, as a subquery."""
    if region.kind == LABOUR_MARKET:
        return sa.select(Municipality.id).where(Municipality.region_id == region.id)
    return sa.select(RegionMunicipality.municipality_id).where(RegionMunicipality.region_id == region.id)


def _set_members(session: Session, region: Region, ids: list[int]) -> None:
    """Replace the region's municipalities: each must exist, none may be in another region of
    the same kind (409 naming it)."""
    assert region.id is not None
    wanted = list(dict.fromkeys(ids))
    known: dict[Any, Any] = dict(
        session.execute(
            sa.select(Municipality.id, Municipality.name).where(Municipality.id.in_(wanted))
        ).all()
    )
    unknown = [i for i in wanted if i not in known]
    if unknown:
        raise invalid(
            [
                (
                    f"municipalityIds.{wanted.index(i)}",
                    "unknown-reference",
                    f"There is no municipality with id {i}.",
                )
                for i in unknown
            ],
            code="unknown-reference",
        )
    taken = session.execute(
        sa.select(Municipality.name, Region.name)
        .join(RegionMunicipality, RegionMunicipality.municipality_id == Municipality.id)
        .join(Region, Region.id == RegionMunicipality.region_id)
        .where(
            RegionMunicipality.municipality_id.in_(wanted),
            RegionMunicipality.kind == region.kind,
            RegionMunicipality.region_id != region.id,
        )
        .order_by(Municipality.name)
    ).first()
    if taken:
        raise conflict_on(
            "municipalityIds",
            f"{taken[0]} already belongs to {taken[1]}; a municipality lies in at most one region of "
            "each kind. Take it out of that region first.",
            "in-other-region",
        )
    session.execute(sa.delete(RegionMunicipality).where(RegionMunicipality.region_id == region.id))
    session.add_all(
        RegionMunicipality(region_id=region.id, municipality_id=i, kind=region.kind) for i in wanted
    )
    session.flush()


def create_region(session: Session, principal: Principal, data: RegionCreate) -> int:
    principal.require_platform_admin()
    if session.execute(
        sa.select(Region.id).where(Region.kind == data.kind, Region.code == data.code)
    ).first():
        raise conflict_on(
            "code", f"A region of this kind with the code {data.code} exists already.", "duplicate"
        )
    region = Region(kind=data.kind, code=data.code, name=data.name)
    ident = audited_create(session, principal, region, "region")
    _set_members(session, region, data.municipality_ids)
    return ident


def update_region(
    session: Session,
    principal: Principal,
    region_id: int,
    data: RegionUpdate,
    check: Any,
    kind: str | None = None,
) -> None:
    principal.require_platform_admin()
    region = find(session, region_id, kind)
    check(region.version)
    changes = data.model_dump(exclude_unset=True)
    if "code" in changes and region.kind == LABOUR_MARKET and changes["code"] != region.code:
        raise invalid([("code", "fixed", "The code of a labour-market region is CBS's and does not change.")])
    if (
        "code" in changes
        and session.execute(
            sa.select(Region.id).where(
                Region.kind == region.kind, Region.code == changes["code"], Region.id != region_id
            )
        ).first()
    ):
        raise conflict_on(
            "code", f"A region of this kind with the code {changes['code']} exists already.", "duplicate"
        )
    audited_update(session, principal, region, changes, "region", required=["name", "code"])


def set_municipalities(
    session: Session, principal: Principal, region_id: int, data: RegionMunicipalities, check: Any
) -> None:
    principal.require_platform_admin()
    region = find(session, region_id)
    check(region.version)
    if region.kind == LABOUR_MARKET:
        raise invalid(
            [("municipalityIds", "fixed", "A labour-market region's municipalities come from CBS's list.")],
            detail="The municipalities of a labour-market region come from CBS's list "
            "(spil update-municipalities).",
        )
    before = sorted(session.execute(municipality_ids(session, region)).scalars())
    _set_members(session, region, data.municipality_ids)
    region.updated_at = clock.now()  # the set is part of the region: a new version, a new ETag
    session.add(region)
    session.flush()
    audit.record(
        session,
        principal,
        "update",
        "region",
        region_id,
        before={"municipalityIds": before},
        after={"municipalityIds": sorted(set(data.municipality_ids))},
    )


def delete_region(session: Session, principal: Principal, region_id: int, check: Any) -> None:
    principal.require_platform_admin()
    region = find(session, region_id)
    check(region.version)
    if region.kind == LABOUR_MARKET:
        raise conflict("The labour-market regions are shipped with Spil and cannot be deleted.", "shipped")
    deletion.refuse_if_referenced(session, "region", region_id)
    session.execute(sa.delete(RegionMunicipality).where(RegionMunicipality.region_id == region_id))
    audited_delete(session, principal, region, "region")


def refs_of(session: Session, municipality_ids: list[int]) -> dict[int, list[RegionRef]]:
    """The regions of other kinds each municipality belongs to (one query)."""
    out: dict[int, list[RegionRef]] = {i: [] for i in municipality_ids}
    if not municipality_ids:
        return out
    rows = session.execute(
        sa.select(RegionMunicipality.municipality_id, Region.id, Region.kind, Region.name)
        .join(Region, Region.id == RegionMunicipality.region_id)
        .where(RegionMunicipality.municipality_id.in_(municipality_ids))
        .order_by(Region.kind)
    ).all()
    for mid, rid, kind, name in rows:
        out[mid].append(RegionRef(id=rid, kind=kind, name=name))
    return out
