"""Regional programmes: the programme, its members and admins, lines, initiatives with their
participating boards and results, and its shared partnerships.

Who reads and who keeps (decision record 0017):
- read: the board admins, school admins and coordinators (``Capability.EDIT``) of a *current*
  member board, the programme's admins, the platform administrator, and the contacts of the
  region it covers (without the people named in it);
- keep: the programme's admins, the lead board's admins and the platform administrator;
- a member board's own figures of an initiative: also that board's staff with ``EDIT``.
Leaving (``leftOn``) ends a board's access from that date; its history stays.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col

from spil.access.models import User
from spil.indicators import periods
from spil.indicators.models import Indicator
from spil.kit import audit, clock, deletion, scope
from spil.kit.crud import audited_create, audited_delete, audited_update
from spil.kit.errors import ProblemError, conflict, conflict_on, invalid, not_found
from spil.kit.policy import Capability, Principal
from spil.organisations.models import Board, Region
from spil.partners.models import Partner, PartnerCategory, Partnership
from spil.people.models import Person, RoleAssignment, active_assignment
from spil.programmes.models import (
    InitiativeBoard,
    InitiativeResult,
    ProgrammeAdmin,
    ProgrammeInitiative,
    ProgrammeLine,
    ProgrammeMember,
    RegionalProgramme,
)
from spil.programmes.schemas import (
    AdminCreate,
    AdminOut,
    BoardContacts,
    BoardRef,
    ContactOut,
    ContactUpdate,
    DocumentOut,
    InitiativeCreate,
    InitiativeOut,
    InitiativeUpdate,
    LineCreate,
    LineOut,
    LineUpdate,
    MemberCreate,
    MemberOut,
    MemberUpdate,
    ParticipantOut,
    ProgrammeCreate,
    ProgrammeOut,
    ProgrammeRegionRef,
    ProgrammeUpdate,
    ResultCreate,
    ResultOut,
    ResultTotal,
    ResultUpdate,
    SharedPartnershipCreate,
    SharedPartnershipOut,
)

LINES = {
    "target-group-policy": ("Doelgroepenbeleid", "Target-group policy"),
    "training": ("Opleiding en scholing", "Training"),
    "employment-conditions": ("Arbeidsvoorwaarden", "Employment conditions"),
    "organising-differently": ("Anders organiseren", "Organising differently"),
}


def board_names(session: Session, ids: Any) -> dict[int, str]:
    wanted = set(ids)
    if not wanted:
        return {}
    return {
        i: n for i, n in session.execute(sa.select(Board.id, Board.name).where(Board.id.in_(wanted))).all()
    }


# --- who reads, who keeps -------------------------------------------------------------------------
def readable(principal: Principal, today: dt.date) -> sa.ColumnElement[bool]:
    if principal.is_platform_admin:
        return sa.true()
    parts: list[sa.ColumnElement[bool]] = [
        RegionalProgramme.id.in_(scope.programmes(principal, today, Capability.EDIT))
    ]
    if principal.kind == "user":
        parts.append(
            RegionalProgramme.id.in_(
                sa.select(ProgrammeAdmin.programme_id).where(ProgrammeAdmin.user_id == principal.id)
            )
        )
    if region_ids := principal.region_ids():
        parts.append(RegionalProgramme.region_id.in_(region_ids))
    return sa.or_(*parts)


def is_admin(session: Session, principal: Principal, programme: RegionalProgramme) -> bool:
    return principal.kind == "user" and (
        session.execute(
            sa.select(ProgrammeAdmin.id).where(
                ProgrammeAdmin.programme_id == programme.id, ProgrammeAdmin.user_id == principal.id
            )
        ).first()
        is not None
    )


def can_edit(session: Session, principal: Principal, programme: RegionalProgramme) -> bool:
    return principal.can(Capability.MANAGE_BOARD, board_id=programme.lead_board_id) or is_admin(
        session, principal, programme
    )


def require_edit(session: Session, principal: Principal, programme: RegionalProgramme) -> None:
    if not can_edit(session, principal, programme):
        raise ProblemError(
            403,
            "Only the programme's admins and the lead board's administrators keep the programme.",
            code="forbidden",
        )


def sees_people(session: Session, principal: Principal, programme: RegionalProgramme) -> bool:
    """Members and admins see the contacts named in the programme; a region's reader does not."""
    if principal.is_platform_admin or can_edit(session, principal, programme):
        return True
    members = set(session.execute(scope.programme_boards(programme.id, clock.today())).scalars())
    return any(principal.can_in_board(Capability.EDIT, b) for b in members)


def visible_programme(session: Session, principal: Principal, programme_id: int) -> RegionalProgramme:
    found = session.execute(
        sa.select(RegionalProgramme).where(
            RegionalProgramme.id == programme_id, readable(principal, clock.today())
        )
    ).scalar()
    if found is None:
        raise not_found("regional programme")
    return found


def _child(
    session: Session, principal: Principal, programme_id: int, model: Any, ident: int, what: str
) -> Any:
    """A record of the programme (a member, line, initiative) by id: 404 outside it."""
    programme = visible_programme(session, principal, programme_id)
    found = session.get(model, ident)
    if found is None or found.programme_id != programme_id:
        raise not_found(what)
    return programme, found


def current_members(session: Session, programme_id: int, today: dt.date | None = None) -> set[int]:
    return set(session.execute(scope.programme_boards(programme_id, today or clock.today())).scalars())


# --- the programme ------------------------------------------------------------------------------
def programmes_out(
    session: Session, principal: Principal, rows: list[RegionalProgramme]
) -> list[ProgrammeOut]:
    if not rows:
        return []
    today = clock.today()
    ids = [p.id for p in rows]
    members: dict[int, list[int]] = defaultdict(list)
    for pid, bid in session.execute(
        sa.select(ProgrammeMember.programme_id, ProgrammeMember.board_id).where(
            ProgrammeMember.programme_id.in_(ids),
            col(ProgrammeMember.joined_on) <= today,
            sa.or_(col(ProgrammeMember.left_on).is_(None), col(ProgrammeMember.left_on) > today),
        )
    ).all():
        members[pid].append(bid)
    boards = board_names(session, {p.lead_board_id for p in rows} | {b for m in members.values() for b in m})
    regions = {
        r.id: r
        for r in session.execute(
            sa.select(Region).where(Region.id.in_({p.region_id for p in rows if p.region_id}))
        ).scalars()
    }
    people = {p.id or 0: sees_people(session, principal, p) for p in rows}
    out = []
    for p in rows:
        region = regions.get(p.region_id or 0)
        out.append(
            ProgrammeOut(
                id=p.id or 0,
                name=p.name,
                kind=p.kind,  # type: ignore[arg-type]
                region=ProgrammeRegionRef(
                    id=region.id or 0, kind=region.kind, code=region.code, name=region.name
                )
                if region
                else None,
                lead_board=BoardRef(id=p.lead_board_id, name=boards.get(p.lead_board_id, "")),
                description=p.description,
                coordinator_name=p.coordinator_name if people[p.id or 0] else None,
                coordinator_email=p.coordinator_email if people[p.id or 0] else None,
                coordinator_phone=p.coordinator_phone if people[p.id or 0] else None,
                starts_on=p.starts_on,
                ends_on=p.ends_on,
                funding_scheme=p.funding_scheme,
                funding_amount=p.funding_amount,
                funding_from=p.funding_from,
                funding_to=p.funding_to,
                documents=[DocumentOut.model_validate(d) for d in p.documents or []],
                members=sorted(
                    (BoardRef(id=b, name=boards.get(b, "")) for b in members[p.id or 0]), key=lambda b: b.name
                ),
                can_edit=can_edit(session, principal, p),
                updated_at=p.updated_at,
            )
        )
    return out


def list_programmes(
    session: Session, principal: Principal, *, board_id: int | None, region_id: int | None
) -> list[ProgrammeOut]:
    today = clock.today()
    stmt = sa.select(RegionalProgramme).where(readable(principal, today))
    if board_id is not None:
        stmt = stmt.where(RegionalProgramme.id.in_(scope.programmes_of_boards([board_id], today)))
    if region_id is not None:
        stmt = stmt.where(RegionalProgramme.region_id == region_id)
    rows = list(session.execute(stmt.order_by(RegionalProgramme.name, RegionalProgramme.id)).scalars())
    return programmes_out(session, principal, rows)


def get_programme(session: Session, principal: Principal, programme_id: int) -> tuple[ProgrammeOut, int]:
    p = visible_programme(session, principal, programme_id)
    return programmes_out(session, principal, [p])[0], p.version


def _check_fields(session: Session, values: dict[str, Any]) -> list[tuple[str, str, str]]:
    problems = []
    if values.get("region_id") is not None and session.get(Region, values["region_id"]) is None:
        problems.append(
            ("regionId", "unknown-reference", f"There is no region with id {values['region_id']}.")
        )
    for first, last, field in (
        ("starts_on", "ends_on", "endsOn"),
        ("funding_from", "funding_to", "fundingTo"),
    ):
        if values.get(first) and values.get(last) and values[last] < values[first]:
            problems.append((field, "end-before-start", "The end lies before the start."))
    return problems


def create_programme(
    session: Session, principal: Principal, data: ProgrammeCreate
) -> tuple[ProgrammeOut, int]:
    if (
        session.execute(
            sa.select(Board.id).where(Board.id == data.lead_board_id, Board.id.in_(scope.boards(principal)))
        ).first()
        is None
    ):
        raise invalid(
            [
                (
                    "leadBoardId",
                    "unknown-reference",
                    f"There is no board with id {data.lead_board_id} in your scope.",
                )
            ]
        )
    if not principal.can(Capability.MANAGE_BOARD, board_id=data.lead_board_id):
        raise ProblemError(403, "Only the lead board's administrators start a programme.", code="forbidden")
    values = data.model_dump(exclude={"joined_on", "documents"}, exclude_none=True)
    if problems := _check_fields(session, values):
        raise invalid(problems)
    programme = RegionalProgramme(**values, documents=[d.model_dump() for d in data.documents or []])
    ident = audited_create(
        session, principal, programme, "regional-programme", board_id=lambda p: p.lead_board_id
    )
    joined = data.joined_on or data.starts_on or clock.today()
    session.add(ProgrammeMember(programme_id=ident, board_id=data.lead_board_id, joined_on=joined))
    session.flush()
    return get_programme(session, principal, ident)


def update_programme(
    session: Session,
    principal: Principal,
    programme_id: int,
    data: ProgrammeUpdate,
    check: Callable[[int], None],
) -> tuple[ProgrammeOut, int]:
    p = visible_programme(session, principal, programme_id)
    require_edit(session, principal, p)
    check(p.version)
    changes = data.model_dump(exclude_unset=True, exclude={"documents"})
    if data.documents is not None:
        changes["documents"] = [d.model_dump() for d in data.documents]
    problems = _check_fields(session, {**p.model_dump(), **changes})
    if changes.get("lead_board_id") not in (None, p.lead_board_id) and changes[
        "lead_board_id"
    ] not in current_members(session, programme_id):
        problems.append(("leadBoardId", "not-a-member", "The lead board must be a current member."))
    if problems:
        raise invalid(problems)
    audited_update(
        session,
        principal,
        p,
        changes,
        "regional-programme",
        required=["name", "kind", "lead_board_id"],
        board_id=p.lead_board_id,
    )
    return get_programme(session, principal, programme_id)


def delete_programme(
    session: Session, principal: Principal, programme_id: int, check: Callable[[int], None]
) -> None:
    p = visible_programme(session, principal, programme_id)
    require_edit(session, principal, p)
    check(p.version)
    deletion.refuse_if_referenced(session, "regional_programme", programme_id)
    if session.execute(
        sa.select(InitiativeResult.id)
        .join(ProgrammeInitiative, ProgrammeInitiative.id == InitiativeResult.initiative_id)
        .where(ProgrammeInitiative.programme_id == programme_id)
    ).first():
        raise conflict(
            "The programme has results; set its end date instead, so its history is kept.", "in-use"
        )
    for model in (InitiativeBoard,):
        session.execute(
            sa.delete(model).where(
                model.initiative_id.in_(  # type: ignore[attr-defined]
                    sa.select(ProgrammeInitiative.id).where(ProgrammeInitiative.programme_id == programme_id)
                )
            )
        )
    for table in (ProgrammeInitiative, ProgrammeLine, ProgrammeMember, ProgrammeAdmin):
        session.execute(sa.delete(table).where(table.programme_id == programme_id))  # type: ignore[attr-defined]
    audited_delete(session, principal, p, "regional-programme", board_id=p.lead_board_id)


# --- members ---------------------------------------------------------------------------------------
def _members_out(
    session: Session, programme: RegionalProgramme, rows: list[ProgrammeMember]
) -> list[MemberOut]:
    today = clock.today()
    names = board_names(session, {m.board_id for m in rows})
    return [
        MemberOut.model_validate(
            {
                **m.model_dump(),
                "board_name": names.get(m.board_id, ""),
                "current": m.joined_on <= today and (m.left_on is None or m.left_on > today),
                "lead": m.board_id == programme.lead_board_id,
            }
        )
        for m in rows
    ]


def list_members(session: Session, principal: Principal, programme_id: int) -> list[MemberOut]:
    p = visible_programme(session, principal, programme_id)
    rows = list(
        session.execute(
            sa.select(ProgrammeMember)
            .where(ProgrammeMember.programme_id == programme_id)
            .order_by(ProgrammeMember.joined_on)
        ).scalars()
    )
    return _members_out(session, p, rows)


def _member(
    session: Session, principal: Principal, programme_id: int, member_id: int
) -> tuple[RegionalProgramme, ProgrammeMember]:
    return _child(session, principal, programme_id, ProgrammeMember, member_id, "member")


def get_member(
    session: Session, principal: Principal, programme_id: int, member_id: int
) -> tuple[MemberOut, int]:
    p, m = _member(session, principal, programme_id, member_id)
    return _members_out(session, p, [m])[0], m.version


def add_member(
    session: Session, principal: Principal, programme_id: int, data: MemberCreate
) -> tuple[MemberOut, int]:
    p = visible_programme(session, principal, programme_id)
    require_edit(session, principal, p)
    if session.get(Board, data.board_id) is None:
        raise invalid([("boardId", "unknown-reference", f"There is no board with id {data.board_id}.")])
    if not principal.can(Capability.MANAGE_BOARD, board_id=data.board_id):
        # joining opens the programme to the board's staff and its people to the programme: the
        # board's own administrator decides (or the platform administrator, on its behalf)
        raise ProblemError(
            403,
            "A board joins a programme by its own administrator; ask them, or the platform administrator.",
            code="forbidden",
        )
    if session.execute(
        sa.select(ProgrammeMember.id).where(
            ProgrammeMember.programme_id == programme_id, ProgrammeMember.board_id == data.board_id
        )
    ).first():
        raise conflict_on(
            "boardId", "The board is (or was) a member already; change its dates instead.", "duplicate"
        )
    m = ProgrammeMember(
        programme_id=programme_id, board_id=data.board_id, joined_on=data.joined_on or clock.today()
    )
    audited_create(session, principal, m, "programme-member", board_id=lambda x: x.board_id)
    return _members_out(session, p, [m])[0], m.version


def update_member(
    session: Session,
    principal: Principal,
    programme_id: int,
    member_id: int,
    data: MemberUpdate,
    check: Callable[[int], None],
) -> tuple[MemberOut, int]:
    p, m = _member(session, principal, programme_id, member_id)
    require_edit(session, principal, p)
    check(m.version)
    changes = data.model_dump(exclude_unset=True)
    if "joined_on" in changes and changes["joined_on"] is None:
        raise invalid([("joinedOn", "required", "Cannot be emptied.")])
    merged = {**m.model_dump(), **changes}
    if merged["left_on"] is not None and merged["left_on"] < merged["joined_on"]:
        raise invalid([("leftOn", "end-before-start", "A board leaves on or after the day it joined.")])
    if merged["left_on"] is not None and m.board_id == p.lead_board_id:
        raise invalid(
            [("leftOn", "lead-board", "The lead board cannot leave; hand the lead to another member first.")]
        )
    audited_update(
        session, principal, m, changes, "programme-member", required=["joined_on"], board_id=m.board_id
    )
    return _members_out(session, p, [m])[0], m.version


# --- admins ---------------------------------------------------------------------------------------
def list_admins(session: Session, principal: Principal, programme_id: int) -> list[AdminOut]:
    p = visible_programme(session, principal, programme_id)
    if not sees_people(session, principal, p):
        return []
    rows = session.execute(
        sa.select(ProgrammeAdmin.id, User.id, User.name, User.email)
        .join(User, User.id == ProgrammeAdmin.user_id)
        .where(ProgrammeAdmin.programme_id == programme_id)
        .order_by(User.name)
    ).all()
    return [AdminOut(id=i, user_id=u, name=n, email=e) for i, u, n, e in rows]


def add_admin(
    session: Session, principal: Principal, programme_id: int, data: AdminCreate
) -> tuple[AdminOut, int]:
    p = visible_programme(session, principal, programme_id)
    require_edit(session, principal, p)
    user = session.get(User, data.user_id)
    if (
        user is None
        or not user.is_active
        or not (principal.is_platform_admin or _works_for_a_member(session, user.id or 0, programme_id))
    ):
        # only accounts of the member boards: the programme looks up no other board's staff
        raise invalid(
            [
                (
                    "userId",
                    "unknown-reference",
                    f"There is no active account with id {data.user_id} at a member board.",
                )
            ]
        )
    if session.execute(
        sa.select(ProgrammeAdmin.id).where(
            ProgrammeAdmin.programme_id == programme_id, ProgrammeAdmin.user_id == user.id
        )
    ).first():
        raise conflict_on("userId", "This account keeps the programme already.", "duplicate")
    admin = ProgrammeAdmin(programme_id=programme_id, user_id=user.id or 0)
    session.add(admin)
    session.flush()
    audit.record(
        session,
        principal,
        "create",
        "programme-admin",
        admin.id or 0,
        after={"programmeId": programme_id, "userId": user.id},
        board_id=p.lead_board_id,
    )
    return AdminOut(id=admin.id or 0, user_id=user.id or 0, name=user.name, email=user.email), 1


def _works_for_a_member(session: Session, user_id: int, programme_id: int) -> bool:
    from spil.access.models import Membership
    from spil.organisations.models import School

    members = list(current_members(session, programme_id))
    return (
        session.execute(
            sa.select(Membership.id).where(
                Membership.user_id == user_id,
                sa.or_(
                    Membership.board_id.in_(members),
                    Membership.school_id.in_(sa.select(School.id).where(School.board_id.in_(members))),
                ),
            )
        ).first()
        is not None
    )


def remove_admin(session: Session, principal: Principal, programme_id: int, admin_id: int) -> None:
    p = visible_programme(session, principal, programme_id)
    require_edit(session, principal, p)
    admin = session.get(ProgrammeAdmin, admin_id)
    if admin is None or admin.programme_id != programme_id:
        raise not_found("programme admin")
    audit.record(
        session,
        principal,
        "delete",
        "programme-admin",
        admin_id,
        before={"programmeId": programme_id, "userId": admin.user_id},
        board_id=p.lead_board_id,
    )
    session.delete(admin)
    session.flush()


# --- lines -----------------------------------------------------------------------------------------
def _lines_out(session: Session, rows: list[ProgrammeLine]) -> list[LineOut]:
    counts: dict[int, int] = dict(
        session.execute(
            sa.select(ProgrammeInitiative.line_id, sa.func.count())
            .where(ProgrammeInitiative.line_id.in_([r.id for r in rows]))
            .group_by(ProgrammeInitiative.line_id)
        ).all()
    )
    return [LineOut.model_validate({**r.model_dump(), "initiatives": counts.get(r.id or 0, 0)}) for r in rows]


def list_lines(session: Session, principal: Principal, programme_id: int) -> list[LineOut]:
    visible_programme(session, principal, programme_id)
    rows = list(
        session.execute(
            sa.select(ProgrammeLine)
            .where(ProgrammeLine.programme_id == programme_id)
            .order_by(ProgrammeLine.position, ProgrammeLine.id)
        ).scalars()
    )
    return _lines_out(session, rows)


def _line(
    session: Session, principal: Principal, programme_id: int, line_id: int
) -> tuple[RegionalProgramme, ProgrammeLine]:
    return _child(session, principal, programme_id, ProgrammeLine, line_id, "programme line")


def get_line(session: Session, principal: Principal, programme_id: int, line_id: int) -> tuple[LineOut, int]:
    _, line = _line(session, principal, programme_id, line_id)
    return _lines_out(session, [line])[0], line.version


def create_line(
    session: Session, principal: Principal, programme_id: int, data: LineCreate
) -> tuple[LineOut, int]:
    p = visible_programme(session, principal, programme_id)
    require_edit(session, principal, p)
    if (
        data.code is not None
        and session.execute(
            sa.select(ProgrammeLine.id).where(
                ProgrammeLine.programme_id == programme_id, ProgrammeLine.code == data.code
            )
        ).first()
    ):
        raise conflict_on("code", f"The programme has the line '{data.code}' already.", "duplicate")
    nl, en = LINES[data.code] if data.code else (data.name_nl or "", data.name_en or data.name_nl or "")
    position = data.position
    if position is None:
        position = (
            session.scalar(
                sa.select(sa.func.max(ProgrammeLine.position)).where(
                    ProgrammeLine.programme_id == programme_id
                )
            )
            or 0
        ) + 1
    line = ProgrammeLine(
        programme_id=programme_id,
        code=data.code,
        name_nl=data.name_nl or nl,
        name_en=data.name_en or en,
        description=data.description,
        position=position,
    )
    audited_create(session, principal, line, "programme-line", board_id=lambda _: p.lead_board_id)
    return _lines_out(session, [line])[0], line.version


def update_line(
    session: Session,
    principal: Principal,
    programme_id: int,
    line_id: int,
    data: LineUpdate,
    check: Callable[[int], None],
) -> tuple[LineOut, int]:
    p, line = _line(session, principal, programme_id, line_id)
    require_edit(session, principal, p)
    check(line.version)
    audited_update(
        session,
        principal,
        line,
        data.model_dump(exclude_unset=True),
        "programme-line",
        required=["name_nl", "name_en", "position"],
        board_id=p.lead_board_id,
    )
    return _lines_out(session, [line])[0], line.version


def delete_line(
    session: Session, principal: Principal, programme_id: int, line_id: int, check: Callable[[int], None]
) -> None:
    p, line = _line(session, principal, programme_id, line_id)
    require_edit(session, principal, p)
    check(line.version)
    if session.execute(
        sa.select(ProgrammeInitiative.id).where(ProgrammeInitiative.line_id == line_id)
    ).first():
        raise conflict("The line has initiatives; move or remove them first.", "in-use")
    audited_delete(session, principal, line, "programme-line", board_id=p.lead_board_id)


# --- initiatives ------------------------------------------------------------------------------------
def initiatives_out(
    session: Session, principal: Principal, programme: RegionalProgramme, rows: list[ProgrammeInitiative]
) -> list[InitiativeOut]:
    if not rows:
        return []
    ids = [r.id for r in rows]
    people = sees_people(session, principal, programme)
    participants: dict[int, list[ParticipantOut]] = defaultdict(list)
    links = session.execute(
        sa.select(InitiativeBoard, Person)
        .outerjoin(Person, Person.id == InitiativeBoard.contact_person_id)
        .where(InitiativeBoard.initiative_id.in_(ids))
    ).all()
    boards = board_names(session, {link.board_id for link, _ in links})
    for link, person in sorted(links, key=lambda lp: boards.get(lp[0].board_id, "")):
        contact = (
            ContactOut(person_id=person.id, name=person.name, email=person.email, phone=person.phone)
            if person is not None and people
            else None
        )
        participants[link.initiative_id].append(
            ParticipantOut(board_id=link.board_id, board_name=boards.get(link.board_id, ""), contact=contact)
        )
    totals: dict[int, list[ResultTotal]] = defaultdict(list)
    for initiative_id, indicator, period, total, count in session.execute(
        sa.select(
            InitiativeResult.initiative_id,
            Indicator,
            InitiativeResult.period,
            sa.func.sum(InitiativeResult.value),
            sa.func.count(sa.distinct(InitiativeResult.board_id)),
        )
        .join(Indicator, Indicator.id == InitiativeResult.indicator_id)
        .where(InitiativeResult.initiative_id.in_(ids))
        .group_by(InitiativeResult.initiative_id, Indicator.id, InitiativeResult.period)
        .order_by(Indicator.code, InitiativeResult.period)
    ).all():
        totals[initiative_id].append(
            ResultTotal(
                indicator=indicator.code,
                indicator_name_nl=indicator.name_nl,
                indicator_name_en=indicator.name_en,
                unit=indicator.unit,
                period=period,
                total=Decimal(total),
                boards=count,
            )
        )
    return [
        InitiativeOut.model_validate(
            {**r.model_dump(), "participants": participants[r.id or 0], "totals": totals[r.id or 0]}
        )
        for r in rows
    ]


def list_initiatives(
    session: Session, principal: Principal, programme_id: int, *, line_id: int | None, status: str | None
) -> list[InitiativeOut]:
    p = visible_programme(session, principal, programme_id)
    stmt = sa.select(ProgrammeInitiative).where(ProgrammeInitiative.programme_id == programme_id)
    if line_id is not None:
        stmt = stmt.where(ProgrammeInitiative.line_id == line_id)
    if status is not None:
        stmt = stmt.where(ProgrammeInitiative.status == status)
    rows = list(session.execute(stmt.order_by(ProgrammeInitiative.name, ProgrammeInitiative.id)).scalars())
    return initiatives_out(session, principal, p, rows)


def _initiative(
    session: Session, principal: Principal, programme_id: int, initiative_id: int
) -> tuple[RegionalProgramme, ProgrammeInitiative]:
    return _child(session, principal, programme_id, ProgrammeInitiative, initiative_id, "initiative")


def get_initiative(
    session: Session, principal: Principal, programme_id: int, initiative_id: int
) -> tuple[InitiativeOut, int]:
    p, found = _initiative(session, principal, programme_id, initiative_id)
    return initiatives_out(session, principal, p, [found])[0], found.version


def _check_initiative(
    session: Session,
    principal: Principal,
    programme_id: int,
    values: dict[str, Any],
    participants: Any,
    existing: dict[int, int | None] | None = None,
) -> list[tuple[str, str, str]]:
    """``existing``: the contacts named now, per board; a board's contact may stay as it is, and a
    new one must be a person of that board whom the caller reads (each board names its own)."""
    problems = []
    line = session.get(ProgrammeLine, values.get("line_id") or 0)
    if values.get("line_id") is not None and (line is None or line.programme_id != programme_id):
        problems.append(("lineId", "unknown-reference", "There is no such line in this programme."))
    if values.get("status") == "ended" and not values.get("ended_reason"):
        problems.append(
            ("endedReason", "required", "Say why the initiative ended, so others can learn from it.")
        )
    if values.get("starts_on") and values.get("ends_on") and values["ends_on"] < values["starts_on"]:
        problems.append(("endsOn", "end-before-start", "The end lies before the start."))
    if participants is not None:
        members = current_members(session, programme_id)
        seen: set[int] = set()
        for i, part in enumerate(participants):
            if part.board_id not in members:
                problems.append(
                    (f"participants.{i}.boardId", "not-a-member", "Only current member boards take part.")
                )
            if part.board_id in seen:
                problems.append((f"participants.{i}.boardId", "duplicate", "The board is named twice."))
            seen.add(part.board_id)
            if part.contact_person_id is not None and part.contact_person_id != (existing or {}).get(
                part.board_id
            ):
                board = session.scalar(
                    sa.select(Person.board_id).where(
                        Person.id == part.contact_person_id, Person.board_id.in_(scope.boards(principal))
                    )
                )
                if board != part.board_id:
                    problems.append(
                        (
                            f"participants.{i}.contactPersonId",
                            "unknown-reference",
                            "The contact must be a person of that board.",
                        )
                    )
    return problems


def get_participant(
    session: Session, principal: Principal, programme_id: int, initiative_id: int, board_id: int
) -> tuple[ParticipantOut, int]:
    p, initiative = _initiative(session, principal, programme_id, initiative_id)
    found = next(
        (
            x
            for x in initiatives_out(session, principal, p, [initiative])[0].participants
            if x.board_id == board_id
        ),
        None,
    )
    if found is None:
        raise not_found("participating board")
    return found, initiative.version


def set_contact(
    session: Session,
    principal: Principal,
    programme_id: int,
    initiative_id: int,
    board_id: int,
    data: ContactUpdate,
    check: Callable[[int], None],
) -> tuple[ParticipantOut, int]:
    """A participating board names its own contact for the initiative (its staff with ``edit``, or
    the programme's keepers naming a person they read)."""
    p, initiative = _initiative(session, principal, programme_id, initiative_id)
    link = session.get(InitiativeBoard, (initiative_id, board_id))
    if link is None:
        raise not_found("participating board")
    if not (principal.can_in_board(Capability.EDIT, board_id) or can_edit(session, principal, p)):
        raise ProblemError(403, "The board's own staff name its contact.", code="forbidden")
    check(initiative.version)
    if data.contact_person_id is not None:
        person_board = session.scalar(
            sa.select(Person.board_id).where(
                Person.id == data.contact_person_id, Person.board_id.in_(scope.boards(principal))
            )
        )
        if person_board != board_id:
            raise invalid(
                [("contactPersonId", "unknown-reference", "The contact must be a person of that board.")]
            )
    if link.contact_person_id != data.contact_person_id:
        before = link.contact_person_id
        link.contact_person_id = data.contact_person_id
        initiative.updated_at = clock.now()  # moves the initiative's version (the ETag)
        session.flush()
        audit.record(
            session,
            principal,
            "update",
            "programme-initiative",
            initiative_id,
            before={"boardId": board_id, "contactPersonId": before},
            after={"boardId": board_id, "contactPersonId": data.contact_person_id},
            board_id=board_id,
        )
    return get_participant(session, principal, programme_id, initiative_id, board_id)


def _set_participants(session: Session, initiative_id: int, participants: Any) -> None:
    session.execute(sa.delete(InitiativeBoard).where(InitiativeBoard.initiative_id == initiative_id))
    session.add_all(
        InitiativeBoard(
            initiative_id=initiative_id, board_id=p.board_id, contact_person_id=p.contact_person_id
        )
        for p in participants
    )
    session.flush()


def create_initiative(
    session: Session, principal: Principal, programme_id: int, data: InitiativeCreate
) -> tuple[InitiativeOut, int]:
    p = visible_programme(session, principal, programme_id)
    require_edit(session, principal, p)
    values = data.model_dump(exclude={"participants"}, exclude_none=True)
    if problems := _check_initiative(session, principal, programme_id, values, data.participants):
        raise invalid(problems)
    initiative = ProgrammeInitiative(programme_id=programme_id, **values)
    ident = audited_create(
        session, principal, initiative, "programme-initiative", board_id=lambda _: p.lead_board_id
    )
    _set_participants(session, ident, data.participants or [])
    return get_initiative(session, principal, programme_id, ident)


def update_initiative(
    session: Session,
    principal: Principal,
    programme_id: int,
    initiative_id: int,
    data: InitiativeUpdate,
    check: Callable[[int], None],
) -> tuple[InitiativeOut, int]:
    p, initiative = _initiative(session, principal, programme_id, initiative_id)
    require_edit(session, principal, p)
    check(initiative.version)
    changes = data.model_dump(exclude_unset=True, exclude={"participants"})
    existing: dict[int, int | None] = dict(
        session.execute(
            sa.select(InitiativeBoard.board_id, InitiativeBoard.contact_person_id).where(
                InitiativeBoard.initiative_id == initiative_id
            )
        ).all()
    )
    if problems := _check_initiative(
        session, principal, programme_id, {**initiative.model_dump(), **changes}, data.participants, existing
    ):
        raise invalid(problems)
    changed = audited_update(
        session,
        principal,
        initiative,
        changes,
        "programme-initiative",
        required=["name", "line_id", "status"],
        board_id=p.lead_board_id,
    )
    if data.participants is not None:
        before = sorted(
            (b, c)
            for b, c in session.execute(
                sa.select(InitiativeBoard.board_id, InitiativeBoard.contact_person_id).where(
                    InitiativeBoard.initiative_id == initiative_id
                )
            ).all()
        )
        after = sorted((x.board_id, x.contact_person_id) for x in data.participants)
        if before != after:
            _set_participants(session, initiative_id, data.participants)
            if not changed:
                initiative.updated_at = clock.now()
                session.flush()
            audit.record(
                session,
                principal,
                "update",
                "programme-initiative",
                initiative_id,
                before={"participants": [list(x) for x in before]},
                after={"participants": [list(x) for x in after]},
                board_id=p.lead_board_id,
            )
    return get_initiative(session, principal, programme_id, initiative_id)


def delete_initiative(
    session: Session,
    principal: Principal,
    programme_id: int,
    initiative_id: int,
    check: Callable[[int], None],
) -> None:
    p, initiative = _initiative(session, principal, programme_id, initiative_id)
    require_edit(session, principal, p)
    check(initiative.version)
    if session.execute(
        sa.select(InitiativeResult.id).where(InitiativeResult.initiative_id == initiative_id)
    ).first():
        raise conflict(
            "The initiative has results; end it (status `ended` with the reason) instead.", "in-use"
        )
    session.execute(sa.delete(InitiativeBoard).where(InitiativeBoard.initiative_id == initiative_id))
    audited_delete(session, principal, initiative, "programme-initiative", board_id=p.lead_board_id)


# --- results ---------------------------------------------------------------------------------------
def _results_out(session: Session, rows: list[tuple[InitiativeResult, str]]) -> list[ResultOut]:
    names = board_names(session, {r.board_id for r, _ in rows})
    return [
        ResultOut.model_validate(
            {**r.model_dump(), "board_name": names.get(r.board_id, ""), "indicator": code}
        )
        for r, code in rows
    ]


def list_results(
    session: Session, principal: Principal, programme_id: int, initiative_id: int
) -> list[ResultOut]:
    _initiative(session, principal, programme_id, initiative_id)
    rows = [
        (r, code)
        for r, code in session.execute(
            sa.select(InitiativeResult, Indicator.code)
            .join(Indicator, Indicator.id == InitiativeResult.indicator_id)
            .where(InitiativeResult.initiative_id == initiative_id)
            .order_by(Indicator.code, InitiativeResult.period, InitiativeResult.board_id)
        ).all()
    ]
    return _results_out(session, rows)


def _require_result_edit(
    session: Session, principal: Principal, programme: RegionalProgramme, board_id: int
) -> None:
    """The programme's keepers enter any board's figures; a member board's staff its own."""
    if can_edit(session, principal, programme) or principal.can_in_board(Capability.EDIT, board_id):
        return
    raise ProblemError(403, "Your role does not allow entering this board's figures.", code="forbidden")


def _result(
    session: Session, principal: Principal, programme_id: int, initiative_id: int, result_id: int
) -> tuple[RegionalProgramme, InitiativeResult, str]:
    p, _ = _initiative(session, principal, programme_id, initiative_id)
    row = session.execute(
        sa.select(InitiativeResult, Indicator.code)
        .join(Indicator, Indicator.id == InitiativeResult.indicator_id)
        .where(InitiativeResult.id == result_id, InitiativeResult.initiative_id == initiative_id)
    ).first()
    if row is None:
        raise not_found("result")
    return p, row[0], row[1]


def get_result(
    session: Session, principal: Principal, programme_id: int, initiative_id: int, result_id: int
) -> tuple[ResultOut, int]:
    _, r, code = _result(session, principal, programme_id, initiative_id, result_id)
    return _results_out(session, [(r, code)])[0], r.version


def create_result(
    session: Session, principal: Principal, programme_id: int, initiative_id: int, data: ResultCreate
) -> tuple[ResultOut, int]:
    p, _ = _initiative(session, principal, programme_id, initiative_id)
    participating = set(
        session.execute(
            sa.select(InitiativeBoard.board_id).where(InitiativeBoard.initiative_id == initiative_id)
        ).scalars()
    )
    problems = []
    if data.board_id not in participating:
        problems.append(
            ("boardId", "not-participating", "Only a board taking part in the initiative has figures for it.")
        )
    indicator = session.execute(
        sa.select(Indicator).where(
            Indicator.code == data.indicator, Indicator.board_id.is_(None), Indicator.derived.is_(False)
        )
    ).scalar()
    if indicator is None:
        problems.append(
            ("indicator", "unknown-reference", f"There is no entered built-in indicator '{data.indicator}'.")
        )
    else:
        try:
            periods.start_of(indicator.frequency, data.period)
        except periods.PeriodError as exc:
            problems.append(("period", "invalid-period", str(exc)))
        if indicator.unit == "count" and data.value != data.value.to_integral_value():
            problems.append(("value", "whole-number", "A count is a whole number."))
    if problems:
        raise invalid(problems)
    assert indicator is not None
    _require_result_edit(session, principal, p, data.board_id)
    if session.execute(
        sa.select(InitiativeResult.id).where(
            InitiativeResult.initiative_id == initiative_id,
            InitiativeResult.board_id == data.board_id,
            InitiativeResult.indicator_id == indicator.id,
            InitiativeResult.period == data.period,
        )
    ).first():
        raise conflict_on(
            "period", "This board has a figure for that period already; change it instead.", "duplicate"
        )
    result = InitiativeResult(
        initiative_id=initiative_id,
        board_id=data.board_id,
        indicator_id=indicator.id or 0,
        period=data.period,
        value=data.value,
        note=data.note,
    )
    audited_create(session, principal, result, "initiative-result", board_id=lambda r: r.board_id)
    return _results_out(session, [(result, indicator.code)])[0], result.version


def update_result(
    session: Session,
    principal: Principal,
    programme_id: int,
    initiative_id: int,
    result_id: int,
    data: ResultUpdate,
    check: Callable[[int], None],
) -> tuple[ResultOut, int]:
    p, r, code = _result(session, principal, programme_id, initiative_id, result_id)
    _require_result_edit(session, principal, p, r.board_id)
    check(r.version)
    audited_update(
        session,
        principal,
        r,
        data.model_dump(exclude_unset=True),
        "initiative-result",
        required=["value"],
        board_id=r.board_id,
    )
    return _results_out(session, [(r, code)])[0], r.version


def delete_result(
    session: Session,
    principal: Principal,
    programme_id: int,
    initiative_id: int,
    result_id: int,
    check: Callable[[int], None],
) -> None:
    p, r, _ = _result(session, principal, programme_id, initiative_id, result_id)
    _require_result_edit(session, principal, p, r.board_id)
    check(r.version)
    audited_delete(session, principal, r, "initiative-result", board_id=r.board_id)


# --- shared partnerships ---------------------------------------------------------------------------------
def shared_out(
    session: Session, principal: Principal, programme: RegionalProgramme, rows: list[Any]
) -> list[SharedPartnershipOut]:
    today = clock.today()
    people = sees_people(session, principal, programme)
    members = sorted(current_members(session, programme.id or 0))
    names = board_names(session, members)
    contacts: dict[tuple[int, int], list[str]] = defaultdict(list)
    for pid, board_id, name in session.execute(
        sa.select(RoleAssignment.partnership_id, RoleAssignment.board_id, Person.name)
        .join(Person, Person.id == RoleAssignment.person_id)
        .where(RoleAssignment.partnership_id.in_([r[0].id for r in rows]), active_assignment(today))
        .order_by(Person.name)
    ).all():
        contacts[(pid, board_id)].append(name)
    return [
        SharedPartnershipOut(
            id=ps.id or 0,
            partner_name=partner,
            partner_category=category,
            title=ps.title,
            status=ps.status,
            start_date=ps.start_date,
            end_date=ps.end_date,
            agreement_type=ps.agreement_type,
            boards=[
                BoardContacts(
                    board_id=b,
                    board_name=names.get(b, ""),
                    contacts=contacts[(ps.id or 0, b)] if people else [],
                )
                for b in sorted(members, key=lambda x: names.get(x, ""))
            ],
        )
        for ps, partner, category in rows
    ]


def _shared_query(programme_id: int) -> sa.Select[Any]:
    return (
        sa.select(Partnership, Partner.name, PartnerCategory.code)
        .join(Partner, Partner.id == Partnership.partner_id)
        .join(PartnerCategory, PartnerCategory.id == Partner.category_id)
        .where(Partnership.programme_id == programme_id)
        .order_by(Partner.name, Partnership.id)
    )


def list_shared(session: Session, principal: Principal, programme_id: int) -> list[SharedPartnershipOut]:
    p = visible_programme(session, principal, programme_id)
    return shared_out(session, principal, p, list(session.execute(_shared_query(programme_id)).all()))


def create_shared(
    session: Session, principal: Principal, programme_id: int, data: SharedPartnershipCreate
) -> tuple[SharedPartnershipOut, int]:
    p = visible_programme(session, principal, programme_id)
    require_edit(session, principal, p)
    if not principal.can_in_board(Capability.EDIT, p.lead_board_id):
        # the partner and the partnership are the lead board's records, kept by its staff
        raise ProblemError(
            403, "A shared partnership is kept in the lead board's registry, by its staff.", code="forbidden"
        )
    partner = session.get(Partner, data.partner_id)
    if partner is None or partner.board_id != p.lead_board_id:
        raise invalid(
            [("partnerId", "unknown-reference", "The partner must be in the lead board's registry.")]
        )
    values = data.model_dump(exclude_none=True)
    if values.get("start_date") and values.get("end_date") and values["end_date"] < values["start_date"]:
        raise invalid([("endDate", "end-before-start", "The end date lies before the start date.")])
    partnership = Partnership(
        **values, board_id=p.lead_board_id, school_id=None, programme_id=programme_id, levels=["school"]
    )
    ident = audited_create(session, principal, partnership, "partnership", board_id=lambda x: x.board_id)
    row = session.execute(_shared_query(programme_id).where(Partnership.id == ident)).one()
    return shared_out(session, principal, p, [row])[0], partnership.version
