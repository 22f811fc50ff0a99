"""Two-factor login: a time-based one-time password (RFC 6238, pyotp) from an authenticator app,
or one of ten one-time recovery codes. Optional for everyone; required for platform and board
administrators when ``SPIL_TWO_FACTOR_FOR_ADMINS=required`` (docs/decisions/0022)."""

from __future__ import annotations

import hashlib
import secrets

import pyotp
import sqlalchemy as sa
from sqlmodel import Session

from spil.access.models import Membership, RecoveryCode, User
from spil.access.users import _audit_board_of_user, _require_full_control, _visible_user
from spil.kit import clock
from spil.kit.crud import audited_update
from spil.kit.errors import ProblemError, invalid
from spil.kit.policy import Principal, Role
from spil.kit.settings import get_settings

ISSUER = "Spil"
RECOVERY_CODES = 10
# What a session that must first set up two-factor login may still reach (paths below /api/v1).
SETUP_PATHS = ("/auth/session", "/auth/logout", "/auth/two-factor")


def is_admin(session: Session, user: User) -> bool:
    if user.is_platform_admin:
        return True
    return (
        session.scalar(
            sa.select(sa.func.count()).where(
                Membership.user_id == user.id, Membership.role == Role.BOARD_ADMIN.value
            )
        )
        or 0
    ) > 0


def required(session: Session, user: User) -> bool:
    return get_settings().two_factor_for_admins == "required" and is_admin(session, user)


def setup_required(session: Session, user: User) -> bool:
    return user.totp_enabled_at is None and required(session, user)


def _hash(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


def _normalise(code: str) -> str:
    return "".join(ch for ch in code.lower() if ch.isalnum())


def verify(session: Session, user: User, code: str) -> bool:
    """The code from the app (the step before and after count too: clocks drift), or an unused
    recovery code, which is then spent. Codes follow the real time, as the phone does, never the
    product's clock (which a demo or test may pin to another day)."""
    if user.totp_secret is None or user.totp_enabled_at is None:
        return False
    plain = _normalise(code)
    if plain.isdigit() and len(plain) == 6:
        return pyotp.TOTP(user.totp_secret).verify(plain, valid_window=1)
    row = session.scalars(
        sa.select(RecoveryCode).where(
            RecoveryCode.user_id == user.id,
            RecoveryCode.code_hash == _hash(plain),
            RecoveryCode.used_at.is_(None),
        )
    ).first()
    if row is None:
        return False
    row.used_at = clock.now()
    session.add(row)
    return True


def start_setup(session: Session, user: User) -> tuple[str, str]:
    """A new secret for the app (not yet in force): ``(secret, otpauth URI)`` for the QR code."""
    if user.totp_enabled_at is not None:
        raise ProblemError(
            409, "Two-factor login is already on. Switch it off first to use another app.", code="already-on"
        )
    secret = pyotp.random_base32()
    user.totp_secret = secret
    session.add(user)
    return secret, pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=ISSUER)


def _new_recovery_codes(session: Session, user_id: int) -> list[str]:
    session.execute(sa.delete(RecoveryCode).where(RecoveryCode.user_id == user_id))
    codes = []
    for _ in range(RECOVERY_CODES):
        code = secrets.token_hex(5)  # 10 hex digits, shown as xxxxx-xxxxx
        codes.append(f"{code[:5]}-{code[5:]}")
        session.add(RecoveryCode(user_id=user_id, code_hash=_hash(code)))
    return codes


def activate(session: Session, principal: Principal, user: User, code: str) -> list[str]:
    """Confirm the app with a code it shows: two-factor login is on; the recovery codes (shown
    only now) are returned."""
    if user.totp_secret is None or user.totp_enabled_at is not None:
        raise ProblemError(409, "Start the set-up first.", code="no-setup")
    if not pyotp.TOTP(user.totp_secret).verify(_normalise(code), valid_window=1):
        raise invalid(
            [("code", "wrong-code", "This code is not right. Check the time on your phone.")],
            code="wrong-code",
        )
    assert user.id is not None
    audited_update(
        session,
        principal,
        user,
        {"totp_enabled_at": clock.now()},
        "user",
        board_id=_audit_board_of_user(session, principal, user.id),
    )
    return _new_recovery_codes(session, user.id)


def switch_off(session: Session, principal: Principal, user: User) -> None:
    if required(session, user):
        raise ProblemError(
            409,
            "Administrators need two-factor login; it cannot be switched off.",
            code="two-factor-required",
        )
    _clear(session, principal, user, principal)


def _clear(session: Session, principal: Principal, user: User, audit_as: Principal) -> None:
    assert user.id is not None
    session.execute(sa.delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    audited_update(
        session,
        audit_as,
        user,
        {"totp_secret": None, "totp_enabled_at": None},
        "user",
        board_id=_audit_board_of_user(session, principal, user.id),
    )


def reset_by_admin(session: Session, principal: Principal, user_id: int) -> None:
    """A colleague lost their device: another administrator switches their two-factor login off
    (audited); an administrator is asked to set it up again at the next login."""
    user = _visible_user(session, principal, user_id)
    _require_full_control(session, principal, user)
    if user.id == principal.id:
        raise ProblemError(
            409, "Use a recovery code, or ask another administrator to reset yours.", code="own-account"
        )
    from spil.access.service import end_sessions

    end_sessions(session, user_id)
    _clear(session, principal, user, principal)
