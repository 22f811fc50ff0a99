"""HTTP endpoints: /auth, /oauth/token, /users, /api-clients, /audit-events."""

from __future__ import annotations

from typing import Annotated, Any, Literal

import sqlalchemy as sa
from fastapi import APIRouter, Depends, Query, Request, Response
from sqlmodel import Session, select

from spil.access import oauth, twofactor, users
from spil.access.models import User, UserSession
from spil.access.schemas import (
    ApiClientCreate,
    ApiClientCreated,
    ApiClientOut,
    AuditEventOut,
    LoginRequest,
    MembershipCreate,
    PasswordChange,
    SessionOut,
    UserCreate,
    UserOut,
    UserUpdate,
)
from spil.access.security import verify_password
from spil.access.service import (
    SESSION_COOKIE,
    authenticate,
    person,
    principal_for_user,
    scoped,
    start_session,
)
from spil.kit import clock, ratelimit
from spil.kit.audit import AuditEvent
from spil.kit.deps import (
    IDEMPOTENCY_DOC,
    IF_MATCH_DOC,
    SearchQuery,
    SessionDep,
    VersionCheck,
    id_path,
    optional_id_query,
)
from spil.kit.errors import ProblemError, invalid
from spil.kit.etag import set_etag
from spil.kit.idempotency import idempotent_create
from spil.kit.openapi import problems
from spil.kit.pagination import Page, PageParams, page_params, paginate
from spil.kit.policy import Capability, Principal
from spil.kit.settings import get_settings

router = APIRouter()
Paging = Annotated[PageParams, Depends(page_params)]
Person = Annotated[Principal, Depends(person)]
UserId = Annotated[int, id_path("userId", "The user's id.")]


# --- auth ------------------------------------------------------------------------------------
@router.post(
    "/auth/login",
    tags=["access"],
    summary="Log in with e-mail and password",
    description="Starts a session in an HttpOnly, SameSite cookie and returns the user and a CSRF token "
    "to send as `X-CSRF-Token` with every change.",
    responses=problems(401, 429),
    openapi_extra={"security": []},
)
def login(request: Request, session: SessionDep, data: LoginRequest, response: Response) -> SessionOut:
    settings = get_settings()
    detail = "Too many login attempts. Wait a minute and try again."
    ratelimit.hit(settings.login_rate_limit, "login-ip", ratelimit.client_ip(request), detail=detail)
    ratelimit.hit(settings.login_rate_limit, "login-email", data.email.lower(), detail=detail)
    user = authenticate(data.email, data.password, session)
    if user is None:
        raise ProblemError(401, "The e-mail address or password is wrong.", code="invalid-credentials")
    if user.totp_enabled_at is not None:
        if not data.code:
            raise ProblemError(
                401, "Enter the code from your authenticator app.", code="second-factor-required"
            )
        if not twofactor.verify(session, user, data.code):
            raise ProblemError(401, "The code is not right.", code="invalid-second-factor")
    return _start(session, user, response)


def _start(session: Session, user: User, response: Response) -> SessionOut:
    """A new session for ``user`` in the cookie, and the answer that carries its CSRF token."""
    settings = get_settings()
    token, user_session = start_session(session, user)
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=settings.session_hours * 3600,
        httponly=True,
        secure=settings.cookie_secure,
        samesite="lax",
        path="/",
    )
    principal = principal_for_user(session, user, user_session)
    return _session_out(session, users.user_out(session, user), principal)


@router.post(
    "/auth/password",
    tags=["access"],
    summary="Change your own password",
    description="Needs the current password. Ends every session of the account, on every device, and "
    "starts a new one here (a new cookie and CSRF token).",
    responses=problems(401, 429),
)
def change_password(
    request: Request, session: SessionDep, principal: Person, data: PasswordChange, response: Response
) -> SessionOut:
    settings = get_settings()
    detail = "Too many attempts. Wait a minute and try again."
    ratelimit.hit(settings.login_rate_limit, "password-user", str(principal.id), detail=detail)
    user = session.get(User, principal.id)
    if user is None or not verify_password(user.password_hash, data.current_password):
        raise invalid(
            [("currentPassword", "wrong-password", "This is not your current password.")],
            code="wrong-password",
        )
    users.set_password(session, principal, user, data.new_password)
    return _start(session, user, response)


@router.get(
    "/auth/session",
    tags=["access"],
    summary="The logged-in user, what they may do where, and the CSRF token",
)
def get_current_session(session: SessionDep, principal: Person) -> SessionOut:
    return _session_out(session, users.user_out_by_id(session, principal.id), principal)


def _session_out(session: Session, user: UserOut, principal: Principal) -> SessionOut:
    account = session.get(User, user.id)
    assert account is not None
    return SessionOut.model_validate(
        {
            "user": user,
            "access": principal.access(),
            "csrf_token": principal.csrf_token or "",
            "today": clock.today(),
            "two_factor": {
                "enabled": account.totp_enabled_at is not None,
                "required": twofactor.required(session, account),
                "setup_required": twofactor.setup_required(session, account),
            },
        }
    )


@router.post("/auth/logout", status_code=204, tags=["access"], summary="End the session")
def logout(session: SessionDep, principal: Person) -> Response:
    if principal.session_id is not None:
        session.execute(sa.delete(UserSession).where(UserSession.id == principal.session_id))
    response = Response(status_code=204)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


# --- OAuth 2.0 client credentials (RFC 6749 §4.4) ---------------------------------------------
async def _token_request_body(request: Request) -> bytes:
    """The form of a token request, read up to a little past what one can need."""
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > oauth.MAX_BODY_BYTES:
            break
    return bytes(body)


# Not an operation of the OpenAPI document: the token endpoint answers in OAuth's format (RFC 6749
# §5.2), not with problem details, and is documented as the ``oauth2`` security scheme's tokenUrl
# (docs/decisions/0014-oauth-client-credentials.md).
@router.post(oauth.TOKEN_PATH, include_in_schema=False)
def issue_access_token(
    request: Request, session: SessionDep, body: Annotated[bytes, Depends(_token_request_body)]
) -> Response:
    return oauth.token_response(request, session, body)


# --- users -----------------------------------------------------------------------------------
@router.get("/users", tags=["access"], summary="Users in the boards you administer")
def list_users(
    session: SessionDep, principal: Person, paging: Paging, q: SearchQuery = None
) -> Page[UserOut]:
    return users.list_users(session, principal, paging, q)


@router.post(
    "/users",
    status_code=201,
    tags=["access"],
    responses=problems(403, 409),
    openapi_extra=IDEMPOTENCY_DOC,
    response_model=UserOut,
)
def create_user(request: Request, session: SessionDep, principal: Person, data: UserCreate) -> Any:
    return idempotent_create(
        request,
        session,
        principal.idempotency_owner,
        data,
        lambda: users.create_user(session, principal, data),
        "users",
    )


@router.get("/users/{userId}", tags=["access"], responses=problems(404))
def get_user(session: SessionDep, principal: Person, user_id: UserId, response: Response) -> UserOut:
    out, version = users.get_user(session, principal, user_id)
    set_etag(response, version)
    return out


@router.patch(
    "/users/{userId}", tags=["access"], responses=problems(403, 404, 409, 412), openapi_extra=IF_MATCH_DOC
)
def update_user(
    session: SessionDep,
    principal: Person,
    user_id: UserId,
    data: UserUpdate,
    check: VersionCheck,
    response: Response,
) -> UserOut:
    out, version = users.update_user(session, principal, user_id, data, check)
    set_etag(response, version)
    return out


@router.post(
    "/users/{userId}/memberships", status_code=201, tags=["access"], responses=problems(403, 404, 409)
)
def add_membership(
    session: SessionDep, principal: Person, user_id: UserId, data: MembershipCreate
) -> UserOut:
    return users.add_membership(session, principal, user_id, data)


@router.delete(
    "/users/{userId}/memberships/{membershipId}", status_code=204, tags=["access"], responses=problems(404)
)
def remove_membership(
    session: SessionDep,
    principal: Person,
    user_id: UserId,
    membership_id: Annotated[int, id_path("membershipId", "The membership's id.")],
) -> Response:
    users.remove_membership(session, principal, user_id, membership_id)
    return Response(status_code=204)


# --- API clients -----------------------------------------------------------------------------
@router.get("/api-clients", tags=["access"], summary="API clients of the boards you administer")
def list_api_clients(session: SessionDep, principal: Person, paging: Paging) -> Page[ApiClientOut]:
    return users.list_api_clients(session, principal, paging)


@router.post(
    "/api-clients",
    status_code=201,
    tags=["access"],
    responses=problems(403),
    summary="Create an API client; the key is returned once",
)
def create_api_client(session: SessionDep, principal: Person, data: ApiClientCreate) -> ApiClientCreated:
    return users.create_api_client(session, principal, data)


@router.delete("/api-clients/{apiClientId}", status_code=204, tags=["access"], responses=problems(404))
def revoke_api_client(
    session: SessionDep,
    principal: Person,
    api_client_id: Annotated[int, id_path("apiClientId", "The API client's id.")],
) -> Response:
    users.revoke_api_client(session, principal, api_client_id)
    return Response(status_code=204)


# --- audit -----------------------------------------------------------------------------------
@router.get("/audit-events", tags=["access"], summary="The audit trail of the boards you administer")
def list_audit_events(
    session: SessionDep,
    principal: Annotated[Principal, Depends(scoped("audit:read"))],
    paging: Paging,
    board_id: Annotated[int | None, optional_id_query("boardId", "Only this board's events.")] = None,
    school_id: Annotated[int | None, optional_id_query("schoolId", "Only this school's events.")] = None,
    entity_type: Annotated[
        str | None,
        Query(alias="entityType", max_length=60, pattern=r"^[a-z-]+$", description="e.g. `school`."),
    ] = None,
    entity_id: Annotated[int | None, optional_id_query("entityId", "Only events of this record.")] = None,
    action: Annotated[Literal["create", "update", "delete"] | None, Query()] = None,
) -> Page[AuditEventOut]:
    stmt = select(AuditEvent)
    if not principal.is_platform_admin:
        boards = principal.board_ids(Capability.READ_AUDIT)
        stmt = stmt.where(AuditEvent.board_id.in_(boards))
    for column, value in (
        (AuditEvent.board_id, board_id),
        (AuditEvent.school_id, school_id),
        (AuditEvent.entity_type, entity_type),
        (AuditEvent.entity_id, entity_id),
        (AuditEvent.action, action),
    ):
        if value is not None:
            stmt = stmt.where(column == value)
    return paginate(
        session,
        stmt,
        paging,
        sortable={"occurredAt": AuditEvent.occurred_at},
        default_sort=[AuditEvent.occurred_at.desc()],
        tiebreak=AuditEvent.id.desc(),
        convert=AuditEventOut.model_validate,
    )
