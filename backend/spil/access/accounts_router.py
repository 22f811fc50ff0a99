"""HTTP endpoints: invitations, forgotten passwords and setting a password from a mailed link."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Depends, Request, Response

from spil.access import accounts, twofactor
from spil.access.models import User
from spil.access.schemas import (
    InvitationCreate,
    NewPasswordWithToken,
    PasswordResetAccepted,
    PasswordResetRequest,
    RecoveryCodes,
    TwoFactorCode,
    TwoFactorSetup,
    UserOut,
)
from spil.access.service import person
from spil.kit import mail, ratelimit
from spil.kit.deps import IDEMPOTENCY_DOC, SessionDep, id_path
from spil.kit.idempotency import idempotent_create
from spil.kit.messages import language_of
from spil.kit.openapi import problems
from spil.kit.policy import Principal
from spil.kit.settings import get_settings

router = APIRouter()
Person = Annotated[Principal, Depends(person)]
UserId = Annotated[int, id_path("userId", "The user's id.")]

RESET_ACCEPTED = {
    "nl": "Als er een account met dit e-mailadres is, komt er binnen een paar minuten een mail met een "
    "link om een nieuw wachtwoord te kiezen. Kijk ook in uw map met ongewenste mail.",
    "en": "If there is an account with this e-mail address, a mail with a link to choose a new password "
    "arrives within a few minutes. Check your spam folder too.",
}


@router.post(
    "/invitations",
    status_code=201,
    tags=["access"],
    summary="Invite a colleague by e-mail",
    description="Creates the account without a password (it cannot log in yet) and mails a link, valid "
    "for 72 hours and usable once, with which the colleague sets their own password. The same rules as "
    "for creating a user decide which roles you may give.",
    responses=problems(403, 409),
    openapi_extra=IDEMPOTENCY_DOC,
    response_model=UserOut,
)
def invite_user(
    request: Request,
    session: SessionDep,
    principal: Person,
    data: InvitationCreate,
    background: BackgroundTasks,
) -> Any:
    answer = idempotent_create(
        request,
        session,
        principal.idempotency_owner,
        data,
        lambda: accounts.invite(session, principal, data),
        "users",
    )
    mail.deliver_after_response(background)
    return answer


@router.post(
    "/users/{userId}/invitations",
    tags=["access"],
    summary="Send an invitation again",
    description="A new link, valid for 72 hours; the earlier link stops working.",
    responses=problems(403, 404, 409),
)
def resend_invitation(
    session: SessionDep, principal: Person, user_id: UserId, background: BackgroundTasks
) -> UserOut:
    out = accounts.resend_invitation(session, principal, user_id)
    mail.deliver_after_response(background)
    return out


@router.delete(
    "/users/{userId}/invitations",
    status_code=204,
    tags=["access"],
    summary="Withdraw an invitation",
    description="The link stops working and the account, never used, is removed with its roles.",
    responses=problems(403, 404, 409),
)
def withdraw_invitation(session: SessionDep, principal: Person, user_id: UserId) -> Response:
    accounts.withdraw_invitation(session, principal, user_id)
    return Response(status_code=204)


@router.post(
    "/auth/password-reset",
    status_code=202,
    tags=["access"],
    summary="Forgot your password: ask for a link by e-mail",
    description="Always answers 202 with the same text, whether or not an account has this address. An "
    "active account gets a mail with a link, valid for one hour and usable once. Limited per address "
    "and per IP address.",
    responses=problems(429),
    openapi_extra={"security": []},
)
def request_password_reset(
    request: Request, session: SessionDep, data: PasswordResetRequest, background: BackgroundTasks
) -> PasswordResetAccepted:
    settings = get_settings()
    detail = "Too many requests for a new password. Wait a while and try again."
    limit = settings.password_reset_rate_limit
    ratelimit.hit(limit, "reset-ip", ratelimit.client_ip(request), detail=detail)
    ratelimit.hit(limit, "reset-email", data.email.strip().lower(), detail=detail)
    accounts.request_password_reset(session, data.email)
    mail.deliver_after_response(background)
    return PasswordResetAccepted(detail=RESET_ACCEPTED[language_of(request)])


@router.post(
    "/auth/new-password",
    status_code=204,
    tags=["access"],
    summary="Set a password with the link from an invitation or reset mail",
    description="The link's token and the new password. The token is then spent, and every session of "
    "the account ends; log in with the new password.",
    responses=problems(429),
    openapi_extra={"security": []},
)
def set_new_password(request: Request, session: SessionDep, data: NewPasswordWithToken) -> Response:
    settings = get_settings()
    detail = "Too many attempts. Wait a minute and try again."
    ratelimit.hit(settings.login_rate_limit, "new-password-ip", ratelimit.client_ip(request), detail=detail)
    accounts.set_password_with_token(session, data.token, data.password)
    return Response(status_code=204)


# --- two-factor login ---------------------------------------------------------------------------
def _me(session: SessionDep, principal: Principal) -> User:
    user = session.get(User, principal.id)
    assert user is not None
    return user


@router.post(
    "/auth/two-factor/secret",
    tags=["access"],
    summary="Start setting up two-factor login",
    description="A new secret for an authenticator app (show `otpauthUri` as a QR code). It is in force "
    "once confirmed with a code from the app (`POST /auth/two-factor/activation`).",
    responses=problems(409),
)
def start_two_factor_setup(session: SessionDep, principal: Person) -> TwoFactorSetup:
    secret, uri = twofactor.start_setup(session, _me(session, principal))
    return TwoFactorSetup(secret=secret, otpauth_uri=uri)


@router.post(
    "/auth/two-factor/activation",
    tags=["access"],
    summary="Confirm two-factor login with a code from the app",
    description="Switches two-factor login on and returns ten one-time recovery codes, shown only now.",
    responses=problems(409),
)
def activate_two_factor(session: SessionDep, principal: Person, data: TwoFactorCode) -> RecoveryCodes:
    codes = twofactor.activate(session, principal, _me(session, principal), data.code)
    return RecoveryCodes(recovery_codes=codes)


@router.delete(
    "/auth/two-factor",
    status_code=204,
    tags=["access"],
    summary="Switch your two-factor login off",
    description="Not for administrators when their role requires it.",
    responses=problems(409),
)
def switch_off_two_factor(session: SessionDep, principal: Person) -> Response:
    twofactor.switch_off(session, principal, _me(session, principal))
    return Response(status_code=204)


@router.delete(
    "/users/{userId}/two-factor",
    status_code=204,
    tags=["access"],
    summary="Reset a colleague's two-factor login (a lost phone)",
    description="Switches it off and ends their sessions; audited. An administrator is asked to set it "
    "up again at the next login. Not for your own account: use a recovery code.",
    responses=problems(403, 404, 409),
)
def reset_two_factor(session: SessionDep, principal: Person, user_id: UserId) -> Response:
    twofactor.reset_by_admin(session, principal, user_id)
    return Response(status_code=204)
