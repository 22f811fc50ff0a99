"""Users, their memberships and API clients, managed by platform and board administrators."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from spil.access.models import ApiClient, Membership, User
from spil.access.schemas import (
    ApiClientCreate,
    ApiClientCreated,
    ApiClientOut,
    MembershipCreate,
    MembershipOut,
    UserCreate,
    UserOut,
    UserUpdate,
)
from spil.access.security import hash_password, new_api_key
from spil.access.service import end_sessions
from spil.kit import clock
from spil.kit.crud import audited_create, audited_delete, audited_update
from spil.kit.errors import ProblemError, conflict_on, invalid, not_found
from spil.kit.pagination import Page, PageParams, like_pattern, paginate
from spil.kit.policy import ROLE_SCOPES, Capability, Principal, Role
from spil.organisations.models import Board, Municipality, Region, School


def _managed_board_ids(principal: Principal) -> set[int]:
    return principal.board_ids(Capability.MANAGE_BOARD)


def _membership_board(session: Session, m: Membership | MembershipCreate) -> int | None:
    if m.board_id is not None:
        return m.board_id
    if m.school_id is not None:
        school = session.get(School, m.school_id)
        return school.board_id if school else None
    return None


def _users_in_scope(principal: Principal) -> sa.ColumnElement[bool]:
    if principal.is_platform_admin:
        return sa.true()
    boards = _managed_board_ids(principal)
    if not boards:
        return sa.false()
    in_board = sa.select(Membership.user_id).where(
        sa.or_(
            Membership.board_id.in_(boards),
            Membership.school_id.in_(sa.select(School.id).where(School.board_id.in_(boards))),
        )
    )
    return User.id.in_(in_board)


def _memberships(
    session: Session, user_ids: list[int], viewer: Principal | None = None
) -> dict[int, list[MembershipOut]]:
    """The users' roles; for a board admin (``viewer``) only the roles within their boards, so
    that sharing one board does not reveal where else someone works."""
    if not user_ids:
        return {}
    rows = session.execute(
        sa.select(Membership, Board.name, School.name, Region.name, Municipality.name, School.board_id)
        .outerjoin(Board, Board.id == Membership.board_id)
        .outerjoin(School, School.id == Membership.school_id)
        .outerjoin(Region, Region.id == Membership.region_id)
        .outerjoin(Municipality, Municipality.id == Membership.municipality_id)
        .where(Membership.user_id.in_(user_ids))
        .order_by(Membership.id)
    ).all()
    out: dict[int, list[MembershipOut]] = {uid: [] for uid in user_ids}
    managed = None if viewer is None or viewer.is_platform_admin else _managed_board_ids(viewer)
    for m, board_name, school_name, region_name, municipality_name, school_board in rows:
        if managed is not None and (m.board_id or school_board) not in managed:
            continue
        scope_type = (
            "board"
            if m.board_id
            else "school"
            if m.school_id
            else "region"
            if m.region_id
            else "municipality"
        )
        out[m.user_id].append(
            MembershipOut.model_validate(
                {
                    **m.model_dump(),
                    "scope_type": scope_type,
                    "scope_name": board_name or school_name or region_name or municipality_name,
                }
            )
        )
    return out


def user_out(session: Session, user: User, viewer: Principal | None = None) -> UserOut:
    """The account; ``viewer`` None means the user themselves (all their roles)."""
    assert user.id is not None
    return UserOut.model_validate(user).model_copy(
        update={"memberships": _memberships(session, [user.id], viewer)[user.id]}
    )


def list_users(session: Session, principal: Principal, params: PageParams, q: str | None) -> Page[UserOut]:
    stmt = sa.select(User).where(_users_in_scope(principal))
    if q:
        pattern = like_pattern(q)
        stmt = stmt.where(
            sa.or_(sa.func.lower(User.name).like(pattern, escape="\\"), User.email.like(pattern, escape="\\"))
        )
    page = paginate(
        session,
        stmt,
        params,
        sortable={"name": User.name, "email": User.email},
        default_sort=[User.name],
        tiebreak=User.id,
        convert=UserOut.model_validate,
    )
    members = _memberships(session, [u.id for u in page.items], principal)
    page.items = [u.model_copy(update={"memberships": members[u.id]}) for u in page.items]
    return page


def _visible_user(session: Session, principal: Principal, user_id: int) -> User:
    user = session.scalars(sa.select(User).where(User.id == user_id, _users_in_scope(principal))).first()
    if user is None:
        raise not_found("user")
    return user


def get_user(session: Session, principal: Principal, user_id: int) -> tuple[UserOut, int]:
    user = _visible_user(session, principal, user_id)
    return user_out(session, user, principal), user.version


def _check_membership(session: Session, principal: Principal, m: MembershipCreate) -> None:
    role = m.role_enum
    if m.scope_type not in ROLE_SCOPES[role]:
        allowed = " or ".join(sorted(ROLE_SCOPES[role]))
        raise invalid(
            [("role", "role-scope-mismatch", "Wrong level.")],
            detail=f"The role '{role}' is given at {allowed} level, not at {m.scope_type} level.",
            code="role-scope-mismatch",
        )
    model: Any = Board if m.board_id else School if m.school_id else Region if m.region_id else Municipality
    ident = m.board_id or m.school_id or m.region_id or m.municipality_id
    exists = session.get(model, ident) is not None
    # A board administrator gets one answer for a board (or school, or region) that does not exist
    # and for one they do not administer: nothing tells them which of the two it is.
    if exists and (
        principal.is_platform_admin or _membership_board(session, m) in _managed_board_ids(principal)
    ):
        return
    where = "" if principal.is_platform_admin else " that you administer"
    raise invalid(
        [(f"{m.scope_type}Id", "unknown-reference", "Unknown id.")],
        detail=f"There is no {m.scope_type} with id {ident}{where}.",
        code="unknown-reference",
    )


def _audit_board_of_user(session: Session, principal: Principal, user_id: int) -> int | None:
    """The board under which a change to an account is logged: one of the user's boards that the
    principal administers (so that board's admins see it), else any of the user's boards."""
    rows = session.execute(
        sa.select(sa.func.coalesce(Membership.board_id, School.board_id))
        .outerjoin(School, School.id == Membership.school_id)
        .where(Membership.user_id == user_id)
        .order_by(Membership.id)
    ).scalars()
    boards = [b for b in rows if b is not None]
    managed = _managed_board_ids(principal)
    return next((b for b in boards if b in managed), boards[0] if boards else None)


def _require_user_manager(principal: Principal) -> None:
    if not principal.is_platform_admin and not _managed_board_ids(principal):
        raise ProblemError(403, "Only platform and board administrators manage users.", code="forbidden")


def create_user(
    session: Session, principal: Principal, data: UserCreate, *, password_hash: str | None = None
) -> tuple[UserOut, int]:
    """A new account; ``password_hash=""`` for an invited one (no password until they set it)."""
    _require_user_manager(principal)
    if not principal.is_platform_admin and not data.memberships:
        raise invalid(
            [("memberships", "required", "At least one membership.")],
            detail="Give the new user at least one role in your board.",
            code="membership-required",
        )
    for m in data.memberships:
        _check_membership(session, principal, m)
    if session.execute(sa.select(User.id).where(User.email == data.email)).first() is not None:
        # One answer whether the account is in the admin's own boards or anywhere else: a board
        # administrator learns nothing of accounts outside their boards from it.
        raise conflict_on(
            "email",
            "This e-mail address cannot be used for a new account. If the colleague already has a "
            "Spil account, ask a platform administrator to give it a role in your board.",
            "email-unavailable",
            reason="Cannot be used for a new account.",
        )
    if password_hash is None:
        password_hash = hash_password(data.password)
    user = User(email=data.email, name=data.name, password_hash=password_hash)
    first_board = _membership_board(session, data.memberships[0]) if data.memberships else None
    user_id = audited_create(session, principal, user, "user", board_id=lambda _: first_board)
    for m in data.memberships:
        _add_membership(session, principal, user_id, m)
    return get_user(session, principal, user_id)


def _add_membership(session: Session, principal: Principal, user_id: int, m: MembershipCreate) -> Membership:
    exists = session.scalars(
        sa.select(Membership).where(
            Membership.user_id == user_id,
            Membership.role == m.role,
            Membership.board_id == m.board_id,
            Membership.school_id == m.school_id,
            Membership.region_id == m.region_id,
            Membership.municipality_id == m.municipality_id,
        )
    ).first()
    if exists is not None:
        raise ProblemError(409, "The user already has this role there.", code="duplicate")
    membership = Membership(
        user_id=user_id,
        role=Role(m.role).value,
        board_id=m.board_id,
        school_id=m.school_id,
        region_id=m.region_id,
        municipality_id=m.municipality_id,
    )
    board_id = _membership_board(session, m)
    audited_create(
        session,
        principal,
        membership,
        "membership",
        board_id=lambda _: board_id,
        school_id=lambda _: m.school_id,
    )
    return membership


def add_membership(session: Session, principal: Principal, user_id: int, m: MembershipCreate) -> UserOut:
    user = (
        _visible_user(session, principal, user_id)
        if not principal.is_platform_admin
        else session.get(User, user_id)
    )
    if user is None:
        raise not_found("user")
    _check_membership(session, principal, m)
    _add_membership(session, principal, user_id, m)
    return user_out(session, user, principal)


def remove_membership(session: Session, principal: Principal, user_id: int, membership_id: int) -> None:
    _visible_user(session, principal, user_id)
    membership = session.get(Membership, membership_id)
    if membership is None or membership.user_id != user_id:
        raise not_found("membership")
    board_id = _membership_board(session, membership)
    if not principal.is_platform_admin and (
        board_id is None or board_id not in _managed_board_ids(principal)
    ):
        raise not_found("membership")
    audited_delete(
        session, principal, membership, "membership", board_id=board_id, school_id=membership.school_id
    )
    user = session.get(User, user_id)
    remaining = session.scalar(sa.select(sa.func.count()).where(Membership.user_id == user_id))
    if user is not None and not user.is_platform_admin and not remaining:
        end_sessions(session, user_id)  # an account without a role has nothing to be logged in for


def set_password(session: Session, principal: Principal, user: User, password: str) -> None:
    """A new password for ``user`` (audited as a fingerprint); every session of the account ends."""
    end_sessions(session, user.id or 0)
    audited_update(
        session,
        principal,
        user,
        {"password_hash": hash_password(password)},
        "user",
        board_id=_audit_board_of_user(session, principal, user.id or 0),
    )


def _require_full_control(session: Session, principal: Principal, user: User) -> None:
    """A board admin changes an account (name, password, active) only when every role of that
    account lies within the boards they administer; otherwise sharing one board would let them
    take over an administrator of another board."""
    if principal.is_platform_admin:
        return
    boards = {
        m.board_id or board
        for m, board in session.execute(
            sa.select(Membership, School.board_id)
            .outerjoin(School, School.id == Membership.school_id)
            .where(Membership.user_id == user.id)
        ).all()
    }
    if user.is_platform_admin or not boards <= _managed_board_ids(principal):
        raise ProblemError(
            403,
            "This account also has roles outside the boards you administer; "
            "ask a platform administrator to change it.",
            code="account-outside-your-boards",
        )


def update_user(
    session: Session, principal: Principal, user_id: int, data: UserUpdate, check_version: Any
) -> tuple[UserOut, int]:
    _require_user_manager(principal)
    user = _visible_user(session, principal, user_id)
    _require_full_control(session, principal, user)
    check_version(user.version)
    if user.id == principal.id and principal.kind == "user" and data.is_active is False:
        raise ProblemError(409, "You cannot deactivate your own account.", code="self-deactivation")
    changes = data.model_dump(exclude_unset=True)
    if password := changes.pop("password", None):
        changes["password_hash"] = hash_password(password)
    if password or changes.get("is_active") is False:
        end_sessions(session, user_id)  # whoever was logged in as this account is out
    audited_update(
        session,
        principal,
        user,
        changes,
        "user",
        required=["name", "is_active", "language"],
        board_id=_audit_board_of_user(session, principal, user_id),
    )
    return get_user(session, principal, user_id)


# --- API clients -----------------------------------------------------------------------------
def _clients_in_scope(principal: Principal) -> sa.ColumnElement[bool]:
    if principal.is_platform_admin:
        return sa.true()
    boards = _managed_board_ids(principal)
    return ApiClient.board_id.in_(boards) if boards else sa.false()


def list_api_clients(session: Session, principal: Principal, params: PageParams) -> Page[ApiClientOut]:
    stmt = sa.select(ApiClient).where(_clients_in_scope(principal))
    return paginate(
        session,
        stmt,
        params,
        sortable={"name": ApiClient.name, "createdAt": ApiClient.created_at},
        default_sort=[ApiClient.name],
        tiebreak=ApiClient.id,
        convert=ApiClientOut.model_validate,
    )


def create_api_client(session: Session, principal: Principal, data: ApiClientCreate) -> ApiClientCreated:
    if data.region_id is not None or data.municipality_id is not None:
        principal.require_platform_admin()
        area: Any = Region if data.region_id is not None else Municipality
        field = "regionId" if data.region_id is not None else "municipalityId"
        ident = data.region_id or data.municipality_id
        if session.get(area, ident) is None:
            raise invalid(
                [(field, "unknown-reference", "Unknown id.")],
                detail=f"There is no {'region' if area is Region else 'municipality'} with id {ident}.",
                code="unknown-reference",
            )
        if any(s.endswith(":write") for s in data.scopes):
            raise invalid(
                [("scopes", "read-only", "Only read scopes.")],
                detail="A client bound to a region or municipality can only read.",
                code="read-only-binding",
            )
    else:
        board = session.get(Board, data.board_id)
        if board is None or not principal.can(Capability.MANAGE_BOARD, board_id=data.board_id):
            raise invalid(
                [("boardId", "unknown-reference", "Unknown id.")],
                detail=f"There is no board with id {data.board_id} that you administer.",
                code="unknown-reference",
            )
    key, prefix, key_hash = new_api_key()
    client = ApiClient(
        name=data.name,
        key_prefix=prefix,
        key_hash=key_hash,
        scopes=sorted(set(data.scopes)),
        board_id=data.board_id,
        region_id=data.region_id,
        municipality_id=data.municipality_id,
        created_by=principal.id if principal.kind == "user" else None,
    )
    audited_create(session, principal, client, "api-client", board_id=lambda c: c.board_id)
    return ApiClientCreated.model_validate({**ApiClientOut.model_validate(client).model_dump(), "key": key})


def revoke_api_client(session: Session, principal: Principal, client_id: int) -> None:
    client = session.scalars(
        sa.select(ApiClient).where(ApiClient.id == client_id, _clients_in_scope(principal))
    ).first()
    if client is None:
        raise not_found("API client")
    if client.revoked_at is None:
        audited_update(
            session, principal, client, {"revoked_at": clock.now()}, "api-client", board_id=client.board_id
        )


def user_out_by_id(session: Session, user_id: int) -> UserOut:
    user = session.get(User, user_id)
    if user is None:
        raise not_found("user")
    return user_out(session, user)
