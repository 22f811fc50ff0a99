"""Business rules for partner categories, partners, partnerships and their bottlenecks."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from spil.kit import clock, deletion, scope
from spil.kit.crud import audited_create, audited_delete, audited_update, ensure_exists, json_list_contains
from spil.kit.errors import ProblemError, conflict, conflict_on, invalid, not_found
from spil.kit.pagination import Page, PageParams, like_pattern, paginate
from spil.kit.policy import Capability, Principal
from spil.organisations.models import Municipality, School
from spil.organisations.service import visible_board_id
from spil.partners import contacts
from spil.partners.models import Bottleneck, Partner, PartnerCategory, Partnership
from spil.partners.schemas import (
    BottleneckCreate,
    BottleneckOut,
    BottleneckUpdate,
    CategoryCreate,
    CategoryOut,
    FirstContact,
    InternalContactOut,
    PartnerCreate,
    PartnerOut,
    PartnershipCreate,
    PartnershipFields,
    PartnershipOut,
    PartnerUpdate,
)


# --- categories ------------------------------------------------------------------------------
def list_categories(session: Session, principal: Principal, board_id: int | None) -> list[CategoryOut]:
    stmt = sa.select(PartnerCategory).where(
        sa.or_(
            PartnerCategory.board_id.is_(None),
            PartnerCategory.board_id.in_(scope.boards(principal, regional=True)),
        )
    )
    if board_id is not None:
        stmt = stmt.where(sa.or_(PartnerCategory.board_id.is_(None), PartnerCategory.board_id == board_id))
    rows = session.execute(
        stmt.order_by(PartnerCategory.board_id.is_not(None), PartnerCategory.name_nl)
    ).scalars()
    return [CategoryOut.model_validate(c) for c in rows]


def create_category(session: Session, principal: Principal, data: CategoryCreate) -> CategoryOut:
    visible_board_id(session, principal, data.board_id)
    principal.require(Capability.MANAGE_BOARD, board_id=data.board_id)
    clash = session.execute(
        sa.select(PartnerCategory.id).where(
            PartnerCategory.code == data.code,
            sa.or_(PartnerCategory.board_id.is_(None), PartnerCategory.board_id == data.board_id),
        )
    ).first()
    if clash:
        raise conflict_on("code", f"The category code '{data.code}' already exists.", "duplicate")
    category = PartnerCategory(**data.model_dump())
    audited_create(session, principal, category, "partner-category", board_id=lambda c: c.board_id)
    return CategoryOut.model_validate(category)


def resolve_category(session: Session, board_id: int, code: str, field: str = "category") -> PartnerCategory:
    category = (
        session.execute(
            sa.select(PartnerCategory)
            .where(
                PartnerCategory.code == code,
                sa.or_(PartnerCategory.board_id.is_(None), PartnerCategory.board_id == board_id),
            )
            .order_by(PartnerCategory.board_id.is_(None))
        )
        .scalars()
        .first()
    )
    if category is None:
        raise invalid(
            [(field, "unknown-category", f"Unknown partner category '{code}'.")], code="unknown-category"
        )
    return category


# --- partners --------------------------------------------------------------------------------
def _partner_query(principal: Principal) -> sa.Select[Any]:
    count = (
        sa.select(sa.func.count())
        .where(Partnership.partner_id == Partner.id)
        .correlate(Partner)
        .scalar_subquery()
    )
    return (
        sa.select(Partner, PartnerCategory.code, PartnerCategory.name_nl, Municipality.name, count)
        .join(PartnerCategory, PartnerCategory.id == Partner.category_id)
        .outerjoin(Municipality, Municipality.id == Partner.municipality_id)
        .where(Partner.board_id.in_(scope.boards(principal)))
    )


def _partner_out(row: Any) -> PartnerOut:
    partner, code, category_name, municipality_name, count = row
    return PartnerOut.model_validate(
        {
            **partner.model_dump(),
            "category_code": code,
            "category_name": category_name,
            "municipality_name": municipality_name,
            "partnership_count": count,
        }
    )


def list_partners(
    session: Session,
    principal: Principal,
    params: PageParams,
    *,
    q: str | None,
    board_id: int | None,
    category: str | None,
    municipality_id: int | None,
) -> Page[PartnerOut]:
    stmt = _partner_query(principal)
    if q:
        stmt = stmt.where(
            sa.or_(
                sa.func.lower(Partner.name).like(like_pattern(q), escape="\\"),
                Partner.kvk_number.like(like_pattern(q), escape="\\"),
            )
        )
    if board_id is not None:
        stmt = stmt.where(Partner.board_id == board_id)
    if category is not None:
        stmt = stmt.where(PartnerCategory.code == category)
    if municipality_id is not None:
        stmt = stmt.where(Partner.municipality_id == municipality_id)
    return paginate(
        session,
        stmt,
        params,
        sortable={"name": Partner.name, "category": PartnerCategory.code, "updatedAt": Partner.updated_at},
        default_sort=[Partner.name],
        tiebreak=Partner.id,
        convert=_partner_out,
    )


def visible_partner(session: Session, principal: Principal, partner_id: int) -> Partner:
    row = session.execute(_partner_query(principal).where(Partner.id == partner_id)).first()
    if row is None:
        raise not_found("partner")
    partner: Partner = row[0]
    return partner


def get_partner(session: Session, principal: Principal, partner_id: int) -> tuple[PartnerOut, int]:
    row = session.execute(_partner_query(principal).where(Partner.id == partner_id)).first()
    if row is None:
        raise not_found("partner")
    return _partner_out(row), row[0].version


def refuse_duplicate_kvk(
    session: Session, board_id: int, kvk: str | None, partner_id: int | None = None
) -> None:
    """One partner per KvK number in a board: a second is refused (409) naming the first, so
    that the screen can lead to it instead of a duplicate being kept."""
    if not kvk:
        return
    stmt = sa.select(Partner.id, Partner.name).where(Partner.board_id == board_id, Partner.kvk_number == kvk)
    if partner_id is not None:
        stmt = stmt.where(Partner.id != partner_id)
    existing = session.execute(stmt.limit(1)).first()
    if existing is None:
        return
    raise duplicate_kvk_error(kvk, existing.id, existing.name)


def duplicate_kvk_error(kvk: str, existing_id: int | None, existing_name: str) -> ProblemError:
    """The 409 that names the partner holding the KvK number already."""
    error = conflict_on(
        "kvkNumber",
        f"The board has a partner with KvK number {kvk} already: {existing_name}.",
        "duplicate-kvk",
    )
    error.extra = {"existingPartnerId": existing_id, "existingPartnerName": existing_name}
    return error


def add_partner(session: Session, principal: Principal, data: PartnerCreate) -> int:
    """Validate and insert (audited, not committed); the id."""
    visible_board_id(session, principal, data.board_id)
    principal.require_in_board(Capability.EDIT, data.board_id)
    refuse_duplicate_kvk(session, data.board_id, data.kvk_number)
    category = resolve_category(session, data.board_id, data.category)
    ensure_exists(session, Municipality, data.municipality_id, field="municipalityId", what="municipality")
    fields = data.model_dump(exclude={"category"})
    partner = Partner(**fields, category_id=category.id)
    ident = audited_create(session, principal, partner, "partner", board_id=lambda p: p.board_id)
    return ident


def create_partner(session: Session, principal: Principal, data: PartnerCreate) -> tuple[PartnerOut, int]:
    ident = add_partner(session, principal, data)
    return get_partner(session, principal, ident)


def change_partner(
    session: Session, principal: Principal, partner_id: int, data: PartnerUpdate, check_version: Any
) -> None:
    """Validate and apply a change (audited, not committed)."""
    partner = visible_partner(session, principal, partner_id)
    principal.require_in_board(Capability.EDIT, partner.board_id)
    check_version(partner.version)
    changes = data.model_dump(exclude_unset=True)
    if changes.get("kvk_number"):
        refuse_duplicate_kvk(session, partner.board_id, changes["kvk_number"], partner.id)
    if "category" in changes:
        code = changes.pop("category")
        if code is None:
            raise invalid([("category", "required", "A partner needs a category.")], code="required")
        changes["category_id"] = resolve_category(session, partner.board_id, code).id
    ensure_exists(
        session, Municipality, changes.get("municipality_id"), field="municipalityId", what="municipality"
    )
    audited_update(
        session, principal, partner, changes, "partner", required=["name"], board_id=partner.board_id
    )


def update_partner(
    session: Session, principal: Principal, partner_id: int, data: PartnerUpdate, check_version: Any
) -> tuple[PartnerOut, int]:
    change_partner(session, principal, partner_id, data, check_version)
    return get_partner(session, principal, partner_id)


def delete_partner(session: Session, principal: Principal, partner_id: int, check_version: Any) -> None:
    partner = visible_partner(session, principal, partner_id)
    principal.require(Capability.MANAGE_BOARD, board_id=partner.board_id)
    check_version(partner.version)
    used = session.scalar(sa.select(sa.func.count()).where(Partnership.partner_id == partner_id))
    if used:
        raise conflict(
            f"The partner has {used} partnership(s). End them (status 'ended') or delete them first.",
            "in-use",
        )
    audited_delete(session, principal, partner, "partner", board_id=partner.board_id)


# --- partnerships ----------------------------------------------------------------------------
def partnerships_in_scope(principal: Principal) -> sa.ColumnElement[bool]:
    """A school's or a board's own partnerships, and the shared partnerships of the regional
    programmes the principal's boards are current members of (decision record 0017)."""
    return sa.or_(
        scope.school_or_board(principal, Partnership.school_id, Partnership.board_id),
        Partnership.programme_id.in_(scope.programmes(principal, clock.today())),
    )


def _partnership_query(principal: Principal) -> sa.Select[Any]:
    return (
        sa.select(Partnership, Partner.name, PartnerCategory.code, School.name)
        .join(Partner, Partner.id == Partnership.partner_id)
        .join(PartnerCategory, PartnerCategory.id == Partner.category_id)
        .outerjoin(School, School.id == Partnership.school_id)
        .where(partnerships_in_scope(principal))
    )


def _contacts(session: Session, ids: list[int]) -> dict[int, list[InternalContactOut]]:
    return contacts.provider().of(session, ids)


def _partnership_out(row: Any, contacts: list[InternalContactOut], bottlenecks: list[Any]) -> PartnershipOut:
    partnership, partner_name, code, school_name = row
    return PartnershipOut.model_validate(
        {
            **partnership.model_dump(),
            "partner_name": partner_name,
            "category_code": code,
            "school_name": school_name,
            "internal_contacts": contacts,
            "bottlenecks": [BottleneckOut.model_validate(b) for b in bottlenecks],
        }
    )


def list_partnerships(
    session: Session,
    principal: Principal,
    params: PageParams,
    *,
    q: str | None,
    board_id: int | None,
    school_id: int | None,
    partner_id: int | None,
    status: str | None,
    level: str | None,
) -> Page[PartnershipOut]:
    stmt = _partnership_query(principal)
    if q:
        stmt = stmt.where(
            sa.or_(
                sa.func.lower(Partner.name).like(like_pattern(q), escape="\\"),
                sa.func.lower(Partnership.title).like(like_pattern(q), escape="\\"),
            )
        )
    today = clock.today()
    if board_id is not None:  # the board's own, and the programmes' it shares as a member
        stmt = stmt.where(
            sa.or_(
                Partnership.board_id == board_id,
                Partnership.programme_id.in_(scope.programmes_of_boards([board_id], today)),
            )
        )
    if school_id is not None:  # the school's, and its board's programmes' (they show at every school)
        boards_of_school = sa.select(School.board_id).where(School.id == school_id)
        stmt = stmt.where(
            sa.or_(
                Partnership.school_id == school_id,
                Partnership.programme_id.in_(scope.programmes_of_boards(boards_of_school, today)),
            )
        )
    for column, value in (
        (Partnership.partner_id, partner_id),
        (Partnership.status, status),
    ):
        if value is not None:
            stmt = stmt.where(column == value)
    if level is not None:
        stmt = stmt.where(json_list_contains(Partnership.levels, level))
    page = paginate(
        session,
        stmt,
        params,
        sortable={
            "partner": Partner.name,
            "status": Partnership.status,
            "endDate": Partnership.end_date,
            "reviewDate": Partnership.review_date,
            "updatedAt": Partnership.updated_at,
        },
        default_sort=[Partner.name],
        tiebreak=Partnership.id,
        convert=lambda row: row,
    )
    contacts = _contacts(session, [r[0].id for r in page.items])
    return Page[PartnershipOut](
        items=[_partnership_out(r, contacts[r[0].id], []) for r in page.items],
        total=page.total,
        page=page.page,
        page_size=page.page_size,
    )


def visible_partnership(session: Session, principal: Principal, partnership_id: int) -> Partnership:
    found = (
        session.execute(
            sa.select(Partnership).where(Partnership.id == partnership_id, partnerships_in_scope(principal))
        )
        .scalars()
        .first()
    )
    if found is None:
        raise not_found("partnership")
    return found


def get_partnership(
    session: Session, principal: Principal, partnership_id: int
) -> tuple[PartnershipOut, int]:
    row = session.execute(_partnership_query(principal).where(Partnership.id == partnership_id)).first()
    if row is None:
        raise not_found("partnership")
    bottlenecks = (
        session.execute(
            sa.select(Bottleneck)
            .where(Bottleneck.partnership_id == partnership_id)
            .order_by(Bottleneck.occurred_on.desc())
        )
        .scalars()
        .all()
    )
    return _partnership_out(
        row, _contacts(session, [partnership_id])[partnership_id], list(bottlenecks)
    ), row[0].version


def _require_partnership_edit(principal: Principal, board_id: int, school_id: int | None) -> None:
    if school_id is None:
        principal.require(Capability.EDIT, board_id=board_id)
    else:
        principal.require(Capability.EDIT, board_id=board_id, school_id=school_id)


def _check_dates(partnership: Partnership) -> None:
    if partnership.start_date and partnership.end_date and partnership.end_date < partnership.start_date:
        raise invalid(
            [("endDate", "end-before-start", "The end date is before the start date.")],
            code="end-before-start",
        )


def _dump_fields(data: PartnershipFields, *, exclude_unset: bool) -> dict[str, Any]:
    changes = data.model_dump(exclude_unset=exclude_unset, mode="python")
    if changes.get("external_contacts") is not None:
        changes["external_contacts"] = [c for c in data.model_dump(mode="json")["external_contacts"]]
    for key in ("levels", "purposes"):
        if changes.get(key) is not None:
            changes[key] = sorted(set(changes[key]))
    return changes


def create_partnership(
    session: Session, principal: Principal, data: PartnershipCreate
) -> tuple[PartnershipOut, int]:
    if data.school_id is not None:
        school = (
            session.execute(
                sa.select(School).where(School.id == data.school_id, School.id.in_(scope.schools(principal)))
            )
            .scalars()
            .first()
        )
        if school is None:
            raise invalid(
                [
                    (
                        "schoolId",
                        "unknown-reference",
                        f"There is no school with id {data.school_id} in your scope.",
                    )
                ],
                code="unknown-reference",
            )
        if data.board_id is not None and data.board_id != school.board_id:
            raise invalid(
                [("boardId", "board-mismatch", "The school belongs to another board.")], code="board-mismatch"
            )
        board_id = school.board_id
    else:
        assert data.board_id is not None
        board_id = visible_board_id(session, principal, data.board_id)
    _require_partnership_edit(principal, board_id, data.school_id)
    partner = (
        session.execute(
            sa.select(Partner).where(
                Partner.id == data.partner_id, Partner.board_id.in_(scope.boards(principal))
            )
        )
        .scalars()
        .first()
    )
    if partner is None:
        raise invalid(
            [
                (
                    "partnerId",
                    "unknown-reference",
                    f"There is no partner with id {data.partner_id} in your scope.",
                )
            ],
            code="unknown-reference",
        )
    if partner.board_id != board_id:
        raise conflict_on(
            "partnerId",
            "The partner is registered by another board; a school can only "
            "work with its own board's partners.",
            "partner-of-other-board",
        )
    fields = _dump_fields(data, exclude_unset=False)
    fields = {k: v for k, v in fields.items() if v is not None and k not in ("board_id", "first_contact")}
    partnership = Partnership(**fields, board_id=board_id)
    ident = audited_create(
        session,
        principal,
        partnership,
        "partnership",
        board_id=lambda p: p.board_id,
        school_id=lambda p: p.school_id,
    )
    if data.first_contact is not None:
        _assign_first_contact(session, principal, ident, data.first_contact)
    return get_partnership(session, principal, ident)


def _assign_first_contact(
    session: Session, principal: Principal, partnership_id: int, contact: FirstContact
) -> None:
    """The new partnership's first internal contact, in the same transaction; a problem with it is
    reported on ``firstContact.*`` and nothing of the request is written."""
    try:
        contacts.provider().assign(
            session, principal, partnership_id, contact.person_id, contact.hours_per_week
        )
    except ProblemError as exc:
        for param in exc.invalid_params or []:
            if param.get("in") == "body" and param.get("name") in ("personId", "schoolId", "role"):
                param["name"] = "firstContact.personId"  # the person is what the caller chose
        raise


def update_partnership(
    session: Session, principal: Principal, partnership_id: int, data: PartnershipFields, check_version: Any
) -> tuple[PartnershipOut, int]:
    partnership = visible_partnership(session, principal, partnership_id)
    _require_partnership_edit(principal, partnership.board_id, partnership.school_id)
    check_version(partnership.version)
    changes = _dump_fields(data, exclude_unset=True)
    for key in ("levels", "purposes", "external_contacts"):
        if key in changes and changes[key] is None:
            changes[key] = []
    audited_update(
        session,
        principal,
        partnership,
        changes,
        "partnership",
        required=["status", "agreement_type", "co_located"],
        board_id=partnership.board_id,
        school_id=partnership.school_id,
    )
    _check_dates(partnership)
    return get_partnership(session, principal, partnership_id)


def delete_partnership(
    session: Session, principal: Principal, partnership_id: int, check_version: Any
) -> None:
    partnership = visible_partnership(session, principal, partnership_id)
    _require_partnership_edit(principal, partnership.board_id, partnership.school_id)
    check_version(partnership.version)
    deletion.refuse_if_referenced(session, "partnership", partnership_id)
    session.execute(sa.delete(Bottleneck).where(Bottleneck.partnership_id == partnership_id))
    audited_delete(
        session,
        principal,
        partnership,
        "partnership",
        board_id=partnership.board_id,
        school_id=partnership.school_id,
    )


# --- bottlenecks -----------------------------------------------------------------------------
def add_bottleneck(
    session: Session, principal: Principal, partnership_id: int, data: BottleneckCreate
) -> BottleneckOut:
    partnership = visible_partnership(session, principal, partnership_id)
    _require_partnership_edit(principal, partnership.board_id, partnership.school_id)
    bottleneck = Bottleneck(partnership_id=partnership_id, **data.model_dump())
    audited_create(
        session,
        principal,
        bottleneck,
        "bottleneck",
        board_id=lambda _: partnership.board_id,
        school_id=lambda _: partnership.school_id,
    )
    return BottleneckOut.model_validate(bottleneck)


def update_bottleneck(
    session: Session, principal: Principal, partnership_id: int, bottleneck_id: int, data: BottleneckUpdate
) -> BottleneckOut:
    partnership = visible_partnership(session, principal, partnership_id)
    _require_partnership_edit(principal, partnership.board_id, partnership.school_id)
    bottleneck = session.get(Bottleneck, bottleneck_id)
    if bottleneck is None or bottleneck.partnership_id != partnership_id:
        raise not_found("bottleneck")
    audited_update(
        session,
        principal,
        bottleneck,
        data.model_dump(exclude_unset=True),
        "bottleneck",
        required=["resolved"],
        board_id=partnership.board_id,
        school_id=partnership.school_id,
    )
    return BottleneckOut.model_validate(bottleneck)
