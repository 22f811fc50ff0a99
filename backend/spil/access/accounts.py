"""Invitations and forgotten passwords: single-use links in a mail, the password set by the person
themselves (an administrator never types or sees a colleague's password)."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

import sqlalchemy as sa
from sqlmodel import Session

from spil.access.models import AccountToken, Membership, User
from spil.access.schemas import InvitationCreate, UserCreate, UserOut
from spil.access.security import hash_password
from spil.access.service import end_sessions
from spil.access.users import (
    _audit_board_of_user,
    _require_full_control,
    _visible_user,
    create_user,
    get_user,
)
from spil.kit import clock, mail
from spil.kit.crud import audited_delete, audited_update
from spil.kit.errors import ProblemError, invalid
from spil.kit.policy import Principal
from spil.kit.settings import get_settings

INVITATION = "invitation"
PASSWORD_RESET = "password-reset"
VALID_FOR = {INVITATION: dt.timedelta(hours=72), PASSWORD_RESET: dt.timedelta(hours=1)}


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(session: Session, user_id: int, purpose: str) -> str:
    """A new single-use token for ``user_id``; earlier unused ones of the purpose stop working."""
    session.execute(
        sa.delete(AccountToken).where(
            AccountToken.user_id == user_id, AccountToken.purpose == purpose, AccountToken.used_at.is_(None)
        )
    )
    token = secrets.token_urlsafe(32)
    session.add(
        AccountToken(
            user_id=user_id,
            purpose=purpose,
            token_hash=_hash(token),
            expires_at=clock.now() + VALID_FOR[purpose],
        )
    )
    session.flush()
    return token


def link(path: str, token: str) -> str:
    # The token travels in the fragment: browsers send it to no server (logs, Referer).
    return f"{get_settings().public_url.rstrip('/')}{path}#token={token}"


# --- the mails ----------------------------------------------------------------------------------
def _inviter_name(principal: Principal, session: Session) -> str:
    inviter = session.get(User, principal.id) if principal.kind == "user" else None
    return inviter.name if inviter else "Spil"


def invitation_mail(user: User, inviter: str, token: str) -> mail.Content:
    url = link("/wachtwoord-instellen", token)
    if user.language == "en":
        return mail.Content(
            subject="You are invited to Spil",
            greeting=f"Dear {user.name},",
            paragraphs=(
                f"{inviter} has invited you to Spil, the registry of your school's partners, contacts "
                "and routes.",
                "Choose your own password with the link below. The link works once, for 72 hours.",
            ),
            link_text="Set your password",
            link=url,
            footer=(
                "Not expecting this? Then ignore this mail; without a password nobody can use the account.",
            ),
        )
    return mail.Content(
        subject="Uitnodiging voor Spil",
        greeting=f"Beste {user.name},",
        paragraphs=(
            f"{inviter} nodigt u uit voor Spil, het overzicht van de partners, contactpersonen "
            "en routes van uw school.",
            "Kies met de link hieronder zelf uw wachtwoord. De link werkt één keer, 72 uur lang.",
        ),
        link_text="Wachtwoord instellen",
        link=url,
        footer=(
            "Verwachtte u dit niet? Negeer deze mail dan; zonder wachtwoord kan niemand het account "
            "gebruiken.",
        ),
    )


def reset_mail(user: User, token: str) -> mail.Content:
    url = link("/wachtwoord-herstellen", token)
    if user.language == "en":
        return mail.Content(
            subject="Set a new password for Spil",
            greeting=f"Dear {user.name},",
            paragraphs=(
                "Someone (probably you) asked to set a new password for your Spil account.",
                "Choose a new password with the link below. The link works once, for one hour. Setting "
                "it logs you out everywhere.",
            ),
            link_text="Choose a new password",
            link=url,
            footer=("Did not ask for this? Then ignore this mail; your password stays as it is.",),
        )
    return mail.Content(
        subject="Nieuw wachtwoord voor Spil",
        greeting=f"Beste {user.name},",
        paragraphs=(
            "Iemand (waarschijnlijk u zelf) vroeg om een nieuw wachtwoord voor uw account in Spil.",
            "Kies met de link hieronder een nieuw wachtwoord. De link werkt één keer, een uur lang. Daarna "
            "bent u overal uitgelogd.",
        ),
        link_text="Nieuw wachtwoord kiezen",
        link=url,
        footer=("Vroeg u hier niet om? Negeer deze mail dan; uw wachtwoord blijft zoals het is.",),
    )


# --- invitations --------------------------------------------------------------------------------
def invite(session: Session, principal: Principal, data: InvitationCreate) -> tuple[UserOut, int]:
    """A new account without a password (same scoping rules as creating a user) and a mail with a
    link to set one."""
    out, _ = create_user(
        session,
        principal,
        UserCreate.model_construct(
            email=data.email, name=data.name, password="", memberships=data.memberships
        ),
        password_hash="",
    )
    user = session.get(User, out.id)
    assert user is not None and user.id is not None
    user.language = data.language
    user.invited_at = clock.now()
    session.add(user)
    _send_invitation(session, principal, user)
    return get_user(session, principal, user.id)


def _send_invitation(session: Session, principal: Principal, user: User) -> None:
    assert user.id is not None
    token = issue_token(session, user.id, INVITATION)
    mail.queue(
        session,
        kind=INVITATION,
        to=user.email,
        name=user.name,
        language=user.language,
        content=invitation_mail(user, _inviter_name(principal, session), token),
    )


def _pending_invitation(session: Session, principal: Principal, user_id: int) -> User:
    user = _visible_user(session, principal, user_id)
    _require_full_control(session, principal, user)
    if user.password_hash:
        raise ProblemError(
            409, "This colleague has already set a password; there is no open invitation.", code="not-invited"
        )
    return user


def resend_invitation(session: Session, principal: Principal, user_id: int) -> UserOut:
    """A new link (the earlier one stops working), valid for another 72 hours."""
    user = _pending_invitation(session, principal, user_id)
    assert user.id is not None
    audited_update(
        session,
        principal,
        user,
        {"invited_at": clock.now(), "is_active": True},
        "user",
        board_id=_audit_board_of_user(session, principal, user.id),
    )
    _send_invitation(session, principal, user)
    return get_user(session, principal, user.id)[0]


def withdraw_invitation(session: Session, principal: Principal, user_id: int) -> None:
    """The invitation is withdrawn: the account, never used, is removed with its roles."""
    user = _pending_invitation(session, principal, user_id)
    board_id = _audit_board_of_user(session, principal, user_id)
    session.execute(sa.delete(Membership).where(Membership.user_id == user_id))
    audited_delete(session, principal, user, "user", board_id=board_id)


# --- forgotten password ------------------------------------------------------------------------
def request_password_reset(session: Session, email: str) -> None:
    """Mail a reset link to an active account with this address; nothing otherwise (the caller
    answers the same either way)."""
    user = session.scalars(sa.select(User).where(User.email == email.strip().lower())).first()
    if user is None or not user.is_active or user.id is None:
        return
    # An invited colleague who lost the invitation gets a new invitation-kind link: same page.
    token = issue_token(session, user.id, PASSWORD_RESET)
    mail.queue(
        session,
        kind=PASSWORD_RESET,
        to=user.email,
        name=user.name,
        language=user.language,
        content=reset_mail(user, token),
    )


def set_password_with_token(session: Session, token: str, password: str) -> User:
    """Use a link: set the password, end every session of the account, spend the token."""
    row = session.scalars(sa.select(AccountToken).where(AccountToken.token_hash == _hash(token))).first()
    now = clock.now()
    if row is None or row.used_at is not None or row.expires_at <= now:
        raise invalid(
            [("token", "invalid-token", "This link is no longer valid.")],
            detail="This link has been used or has expired. Ask for a new one.",
            code="invalid-link",
        )
    user = session.get(User, row.user_id)
    if user is None or not user.is_active:
        raise invalid(
            [("token", "invalid-token", "This link is no longer valid.")],
            detail="This link has been used or has expired. Ask for a new one.",
            code="invalid-link",
        )
    assert user.id is not None
    row.used_at = now
    session.add(row)
    # Every other link of the account stops working too.
    session.execute(
        sa.delete(AccountToken).where(
            AccountToken.user_id == user.id, AccountToken.used_at.is_(None), AccountToken.id != row.id
        )
    )
    end_sessions(session, user.id)
    actor = Principal(kind="user", id=user.id, label=user.email)
    audited_update(
        session,
        actor,
        user,
        {"password_hash": hash_password(password), "invited_at": None},
        "user",
        board_id=_audit_board_of_user(session, actor, user.id),
    )
    return user
