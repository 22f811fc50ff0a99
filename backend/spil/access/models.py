"""Tables: users, their memberships (role at a board, school or region), sessions, API clients."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from spil.kit import clock, deletion
from spil.kit.db import UTCDateTime
from spil.kit.models import Versioned


class User(Versioned, table=True):
    __tablename__ = "user_account"

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=320, unique=True)
    name: str = Field(max_length=200)
    password_hash: str = Field(max_length=200)
    is_platform_admin: bool = Field(default=False)
    is_active: bool = Field(default=True)
    last_login_at: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    previous_login_at: dt.datetime | None = Field(
        default=None, sa_type=UTCDateTime, description="The login before the last: the user's previous visit."
    )
    # The language of the mails the account receives (nl, en).
    language: str = Field(default="nl", max_length=2, sa_column_kwargs={"server_default": "nl"})
    # Invited and not yet set a password (``password_hash`` is empty until then): cannot log in.
    invited_at: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    # Two-factor login (RFC 6238 TOTP): the shared secret (base32), set up but not yet confirmed
    # while ``totp_enabled_at`` is empty.
    totp_secret: str | None = Field(default=None, max_length=64)
    totp_enabled_at: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)


class Membership(SQLModel, table=True):
    __tablename__ = "membership"
    __table_args__ = (
        sa.CheckConstraint(
            "(CASE WHEN board_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN school_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN region_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN municipality_id IS NULL THEN 0 ELSE 1 END) = 1",
            name="one_scope",
        ),
        sa.UniqueConstraint(
            "user_id",
            "role",
            "board_id",
            "school_id",
            "region_id",
            "municipality_id",
            name="uq_membership_scope",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user_account.id", index=True, ondelete="CASCADE")
    role: str = Field(max_length=40)
    board_id: int | None = Field(default=None, foreign_key="board.id", index=True, ondelete="CASCADE")
    school_id: int | None = Field(default=None, foreign_key="school.id", index=True, ondelete="CASCADE")
    region_id: int | None = Field(default=None, foreign_key="region.id", index=True, ondelete="CASCADE")
    municipality_id: int | None = Field(
        default=None, foreign_key="municipality.id", index=True, ondelete="CASCADE"
    )
    created_at: dt.datetime = Field(default_factory=clock.now, sa_type=UTCDateTime, nullable=False)


class UserSession(SQLModel, table=True):
    __tablename__ = "user_session"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)
    csrf_token: str = Field(max_length=64)
    user_id: int = Field(foreign_key="user_account.id", index=True, ondelete="CASCADE")
    created_at: dt.datetime = Field(default_factory=clock.now, sa_type=UTCDateTime, nullable=False)
    expires_at: dt.datetime = Field(sa_type=UTCDateTime, nullable=False, index=True)


class AccountToken(SQLModel, table=True):
    """A single-use link to set a password: an invitation (72 hours) or a reset (1 hour). Only a
    SHA-256 of the token is kept; the token itself is only in the mail."""

    __tablename__ = "account_token"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user_account.id", index=True, ondelete="CASCADE")
    purpose: str = Field(max_length=20)  # invitation, password-reset
    token_hash: str = Field(max_length=64, unique=True)
    created_at: dt.datetime = Field(default_factory=clock.now, sa_type=UTCDateTime, nullable=False)
    expires_at: dt.datetime = Field(sa_type=UTCDateTime, nullable=False)
    used_at: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)


class RecoveryCode(SQLModel, table=True):
    """A one-time code for logging in without the authenticator app (kept as a SHA-256)."""

    __tablename__ = "recovery_code"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user_account.id", index=True, ondelete="CASCADE")
    code_hash: str = Field(max_length=64)
    used_at: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)


class ApiClient(SQLModel, table=True):
    __tablename__ = "api_client"
    __table_args__ = (
        sa.CheckConstraint(
            "(CASE WHEN board_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN region_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN municipality_id IS NULL THEN 0 ELSE 1 END) = 1",
            name="one_binding",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    key_prefix: str = Field(max_length=16, unique=True)
    key_hash: str = Field(max_length=64)
    scopes: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    board_id: int | None = Field(default=None, foreign_key="board.id", index=True, ondelete="CASCADE")
    region_id: int | None = Field(default=None, foreign_key="region.id", index=True, ondelete="CASCADE")
    municipality_id: int | None = Field(
        default=None, foreign_key="municipality.id", index=True, ondelete="CASCADE"
    )
    created_at: dt.datetime = Field(default_factory=clock.now, sa_type=UTCDateTime, nullable=False)
    created_by: int | None = Field(default=None, foreign_key="user_account.id", ondelete="SET NULL")
    revoked_at: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_used_at: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)


# What of other features these records keep in place (``spil.kit.deletion``).
deletion.restricted_by(
    "region", Membership.region_id, "Accounts have a role in this region; remove those roles first."
)
deletion.restricted_by(
    "region", ApiClient.region_id, "API keys are bound to this region; revoke and remove them first."
)
deletion.restricted_by(
    "municipality",
    Membership.municipality_id,
    "Accounts have a role in this municipality; remove those roles first.",
)
deletion.restricted_by(
    "municipality", ApiClient.municipality_id, "API keys are bound to this municipality; remove them first."
)
