"""Authentication: who is calling (a person with a session cookie, or an API client with a key or
an OAuth access token)."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

import sqlalchemy as sa
from fastapi import BackgroundTasks, Depends, Request
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import Session, select

from spil.access import oauth
from spil.access.models import ApiClient, Membership, User, UserSession
from spil.access.security import (
    hash_password,
    is_api_key,
    needs_rehash,
    new_token,
    same,
    session_hash,
    split_api_key,
    token_hash,
    verify_password,
)
from spil.kit import clock
from spil.kit.db import unit_of_work
from spil.kit.deps import SessionDep
from spil.kit.errors import ProblemError
from spil.kit.openapi import mark_required_scope
from spil.kit.policy import Grant, Principal, Role
from spil.kit.settings import get_settings
from spil.organisations.models import School

log = logging.getLogger("spil")

SESSION_COOKIE = "spil_session"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def unauthenticated(detail: str = "Log in first, or send an API key or access token.") -> ProblemError:
    return ProblemError(
        401, detail, code="unauthenticated", headers={"WWW-Authenticate": 'Bearer realm="spil"'}
    )


def invalid_token(detail: str) -> ProblemError:
    """401 for a bearer access token that is malformed, expired or whose client is revoked
    (RFC 6750 §3.1: the client should ask for a new token)."""
    return ProblemError(
        401,
        detail,
        code="invalid-token",
        headers={
            "WWW-Authenticate": f'Bearer realm="spil", error="invalid_token", error_description="{detail}"'
        },
    )


def grants_for(session: Session, user_id: int) -> tuple[Grant, ...]:
    rows = session.execute(
        sa.select(Membership, School.board_id)
        .outerjoin(School, School.id == Membership.school_id)
        .where(Membership.user_id == user_id)
        .order_by(Membership.id)
    ).all()
    return tuple(
        Grant(
            role=Role(m.role),
            board_id=m.board_id,
            school_id=m.school_id,
            region_id=m.region_id,
            municipality_id=m.municipality_id,
            school_board_id=board_id,
        )
        for m, board_id in rows
    )


def principal_for_user(session: Session, user: User, user_session: UserSession | None = None) -> Principal:
    assert user.id is not None
    return Principal(
        kind="user",
        id=user.id,
        label=user.email,
        is_platform_admin=user.is_platform_admin,
        grants=grants_for(session, user.id),
        csrf_token=user_session.csrf_token if user_session else None,
        session_id=user_session.id if user_session else None,
    )


def principal_for_client(client: ApiClient, token: oauth.AccessToken | None = None) -> Principal:
    """The API client as the caller: its binding as its grant, its scopes (with an access token:
    those of the token, never more than the client holds now)."""
    assert client.id is not None
    scopes = frozenset(client.scopes)
    if token is not None:
        scopes &= token.scopes
    if client.board_id is not None:
        grants: tuple[Grant, ...] = (Grant(role=Role.BOARD_ADMIN, board_id=client.board_id),)
    elif client.region_id is not None:
        grants = (Grant(role=Role.REGION_CONTACT, region_id=client.region_id),)
    else:
        grants = (Grant(role=Role.MUNICIPALITY_CONTACT, municipality_id=client.municipality_id),)
    return Principal(
        kind="api-client",
        id=client.id,
        label=f"api-client:{client.name}",
        grants=grants,
        api_scopes=scopes,
        extra={"access_token_id": token.token_id} if token is not None else {},
    )


def authenticate(email: str, password: str, session: Session) -> User | None:
    user = session.exec(select(User).where(User.email == email.strip().lower())).first()
    ok = verify_password(user.password_hash if user else None, password)
    # An invited account has no password until the colleague sets one: it cannot log in.
    if not ok or user is None or not user.is_active or not user.password_hash:
        return None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return user


def start_session(session: Session, user: User) -> tuple[str, UserSession]:
    token = new_token()
    assert user.id is not None
    user_session = UserSession(
        token_hash=session_hash(token),
        csrf_token=new_token(),
        user_id=user.id,
        expires_at=clock.now() + dt.timedelta(hours=get_settings().session_hours),
    )
    session.add(user_session)
    # Housekeeping: drop this user's expired sessions.
    session.execute(
        sa.delete(UserSession).where(
            UserSession.user_id == user.id,
            UserSession.expires_at < clock.now(),
        )
    )
    # Not a change of the account (no new version, no ETag change): two logins of the same
    # account at the same moment both succeed, where an ORM update would make one of them stale.
    now = clock.now()
    # the previous visit is the login before this one (the SET reads the row's old values)
    session.execute(
        sa.update(User)
        .where(User.id == user.id)
        .values(previous_login_at=User.last_login_at, last_login_at=now)
    )
    set_committed_value(user, "previous_login_at", user.last_login_at)
    set_committed_value(user, "last_login_at", now)
    return token, user_session


def end_sessions(session: Session, user_id: int) -> None:
    """End every session of an account: after its password changes, when it is deactivated or
    loses its last role. Sessions are rows, so they do not come back when it is re-activated."""
    session.execute(sa.delete(UserSession).where(UserSession.user_id == user_id))


def _from_api_key(session: Session, key: str, background: BackgroundTasks) -> Principal:
    prefix = split_api_key(key)
    client = session.exec(select(ApiClient).where(ApiClient.key_prefix == prefix)).first() if prefix else None
    if client is None or client.revoked_at is not None or not same(client.key_hash, token_hash(key)):
        raise unauthenticated("The API key is unknown or revoked.")
    _note_use(client, background)
    return principal_for_client(client)


def _from_access_token(session: Session, token: str, background: BackgroundTasks) -> Principal:
    try:
        claims = oauth.read_access_token(token)
    except oauth.InvalidAccessToken as exc:
        raise invalid_token(str(exc)) from exc
    # Every request looks the client up (one lookup by a unique key): revoking it ends its
    # tokens at once, however long they had left.
    client = session.exec(select(ApiClient).where(ApiClient.key_prefix == claims.client_id)).first()
    if client is None or client.revoked_at is not None:
        raise invalid_token("The API client of this access token is revoked.")
    _note_use(client, background)
    return principal_for_client(client, claims)


def _note_use(client: ApiClient, background: BackgroundTasks) -> None:
    now = clock.now()
    if client.last_used_at is None or now - client.last_used_at > dt.timedelta(minutes=5):
        # Noted after the answer, in a transaction of its own: a read stays a read, and the
        # request's own transaction is never committed half-way by the authentication.
        background.add_task(touch_api_client, client.id, now)


def touch_api_client(client_id: int, at: dt.datetime) -> None:
    """Remember when a key was last used (at most every five minutes; best effort)."""
    try:
        with unit_of_work() as session:
            session.execute(sa.update(ApiClient).where(ApiClient.id == client_id).values(last_used_at=at))
    except sa.exc.SQLAlchemyError:
        log.warning("could not note the use of API client %s", client_id, exc_info=True)


def _from_cookie(request: Request, session: Session, token: str) -> Principal:
    row = session.exec(
        select(UserSession, User)
        .join(User, User.id == UserSession.user_id)
        .where(UserSession.token_hash == session_hash(token))
    ).first()
    if row is None:
        raise unauthenticated("Your session has ended. Log in again.")
    user_session, user = row
    if user_session.expires_at <= clock.now() or not user.is_active:
        raise unauthenticated("Your session has ended. Log in again.")
    if request.method not in SAFE_METHODS:
        sent = request.headers.get(CSRF_HEADER, "")
        if not sent or not same(sent, user_session.csrf_token):
            raise ProblemError(
                403, "The X-CSRF-Token header is missing or wrong. Reload the page.", code="csrf-failed"
            )
    principal = principal_for_user(session, user, user_session)
    from spil.access import twofactor

    if (
        user.totp_enabled_at is None
        and get_settings().two_factor_for_admins == "required"
        and (principal.is_platform_admin or any(g.role is Role.BOARD_ADMIN for g in principal.grants))
    ):
        # An administrator without two-factor login: this session may only set it up.
        path = request.url.path.split("/api/v1", 1)[-1]
        if not path.startswith(twofactor.SETUP_PATHS):
            raise ProblemError(
                403,
                "Set up two-factor login first: your role requires it.",
                code="two-factor-setup-required",
            )
    return principal


def current_principal(request: Request, session: SessionDep, background: BackgroundTasks) -> Principal:
    """FastAPI dependency: the authenticated caller, or a 401 problem."""
    cached = getattr(request.state, "principal", None)
    if isinstance(cached, Principal):
        return cached
    auth = request.headers.get("authorization")
    if auth:
        scheme, _, credentials = auth.partition(" ")
        credentials = credentials.strip()
        if scheme.lower() != "bearer" or not credentials:
            raise unauthenticated("Use 'Authorization: Bearer <api key or access token>'.")
        if is_api_key(credentials):
            principal = _from_api_key(session, credentials, background)
        else:
            principal = _from_access_token(session, credentials, background)
    elif token := request.cookies.get(SESSION_COOKIE):
        principal = _from_cookie(request, session, token)
    else:
        raise unauthenticated()
    request.state.principal = principal
    return principal


def scoped(scope: str) -> Any:
    """Dependency factory: the caller, if an API client, must hold ``scope`` (write implies read)."""

    def dependency(principal: Principal = Depends(current_principal)) -> Principal:
        principal.require_scope(scope)
        return principal

    mark_required_scope(dependency, scope)
    return dependency


def person(principal: Principal = Depends(current_principal)) -> Principal:
    """Dependency: only people (not API clients) manage accounts and keys."""
    if principal.kind != "user":
        raise ProblemError(
            403, "Accounts and API keys are managed by people, not by API clients.", code="forbidden"
        )
    return principal
