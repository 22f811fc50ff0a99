"""Request and response shapes of login, users, memberships, API clients and the audit trail."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal, get_args

from pydantic import AfterValidator, Field, model_validator

from spil.access.passwords import MAX_LENGTH, MIN_LENGTH, check_new_password
from spil.kit.policy import Role
from spil.kit.schemas import ApiModel, Email, Id, InputModel, SafeStr

RoleName = Literal[
    "board-admin",
    "school-admin",
    "coordinator",
    "confidential-counsellor",
    "viewer",
    "region-contact",
    "municipality-contact",
]
ScopeType = Literal["board", "school", "region", "municipality"]
ScopeName = Literal[
    "organisations:read",
    "organisations:write",
    "partners:read",
    "partners:write",
    "people:read",
    "people:write",
    "key-persons:read",
    "key-persons:write",
    "indicators:read",
    "indicators:write",
    "inclusion:read",
    "inclusion:write",
    "sync:read",
    "sync:write",
    "audit:read",
]
Language = Literal["nl", "en"]
Password = Annotated[str, Field(min_length=1, max_length=200)]
NewPassword = Annotated[
    SafeStr,
    Field(
        min_length=MIN_LENGTH,
        max_length=MAX_LENGTH,
        description=f"At least {MIN_LENGTH} characters (a passphrase is welcome), not one of the most used "
        "passwords.",
    ),
    AfterValidator(check_new_password),
]


OneTimeCode = Annotated[
    str,
    Field(
        min_length=6,
        max_length=20,
        pattern=r"^[0-9A-Za-z -]+$",
        description="The six digits from the authenticator app, or a recovery code.",
    ),
]


class LoginRequest(InputModel):
    email: Annotated[SafeStr, Field(min_length=3, max_length=320)]
    password: Password
    code: OneTimeCode | None = Field(
        None,
        description="With two-factor login on: the code from the app or a recovery code. Without it such "
        "an account is answered 401 `second-factor-required` (and no session starts).",
    )


class TwoFactorState(ApiModel):
    enabled: bool = Field(description="Two-factor login is on for this account.")
    required: bool = Field(description="This account must use it (platform and board administrators).")
    setup_required: bool = Field(
        description="Set it up now: until then this session reaches only the set-up, the session and logout."
    )


class TwoFactorSetup(ApiModel):
    secret: str = Field(description="The shared secret (base32), for typing into the app by hand.")
    otpauth_uri: str = Field(description="The `otpauth://` URI to show as a QR code.")


class TwoFactorCode(InputModel):
    code: OneTimeCode


class RecoveryCodes(ApiModel):
    recovery_codes: list[str] = Field(
        description="Ten one-time codes for when the phone is lost. Shown only now: store them safely."
    )


class MembershipOut(ApiModel):
    id: int
    role: RoleName
    scope_type: ScopeType
    board_id: int | None
    school_id: int | None
    region_id: int | None
    municipality_id: int | None = None
    scope_name: str | None = None


class UserOut(ApiModel):
    id: int
    email: str
    name: str
    is_platform_admin: bool
    is_active: bool
    last_login_at: dt.datetime | None = None
    previous_login_at: dt.datetime | None = Field(
        default=None, description="The login before the last one: what changed since is new to the user."
    )
    language: Language | None = Field(None, description="The language of the mails the account receives.")
    invited_at: dt.datetime | None = Field(
        None, description="Set while the colleague has not yet set a password from the invitation."
    )
    memberships: list[MembershipOut] = []


CapabilityName = Literal[
    "read",
    "edit",
    "manage-school",
    "manage-board",
    "read-audit",
    "confidential",
    "read-case-report",
    "read-benefit",
    "read-region",
]


class ScopedCapabilities(ApiModel):
    id: int = Field(description="The board's, school's or region's id.")
    board_id: int | None = Field(None, description="For a school: its board.")
    capabilities: list[CapabilityName]


class AccessOut(ApiModel):
    """What the caller may do where, from its roles (the API enforces it; screens use it to
    offer only what will be allowed). A board-level capability covers the board's schools."""

    platform_admin: bool = Field(
        description="Every capability everywhere, except `confidential` and `read-benefit`."
    )
    capabilities: list[CapabilityName] = Field(description="Held somewhere: what to offer at all.")
    boards: list[ScopedCapabilities] = Field(description="Per board (board-level roles).")
    schools: list[ScopedCapabilities] = Field(description="Per school (school-level roles).")
    regions: list[ScopedCapabilities] = Field(description="Per region (region contacts).")
    municipalities: list[ScopedCapabilities] = Field(
        default_factory=list, description="Per municipality (municipality contacts)."
    )
    role_levels: dict[RoleName, list[ScopeType]] = Field(description="At which level each role can be given.")


class SessionOut(ApiModel):
    user: UserOut
    access: AccessOut
    csrf_token: str = Field(description="Send this as `X-CSRF-Token` with every change made with the cookie.")
    today: dt.date = Field(
        description="The product's date (today in Europe/Amsterdam), for the screens' defaults."
    )
    two_factor: TwoFactorState | None = Field(None, description="The account's two-factor login.")


class MembershipCreate(InputModel):
    role: RoleName
    board_id: Id | None = None
    school_id: Id | None = None
    region_id: Id | None = None
    municipality_id: Id | None = None

    @model_validator(mode="after")
    def _one_scope(self) -> MembershipCreate:
        names = ("board_id", "school_id", "region_id", "municipality_id")
        given = [n for n in names if getattr(self, n) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of boardId, schoolId, regionId or municipalityId")
        return self

    @property
    def scope_type(self) -> str:
        if self.board_id:
            return "board"
        if self.school_id:
            return "school"
        return "region" if self.region_id else "municipality"

    @property
    def role_enum(self) -> Role:
        return Role(self.role)


class UserCreate(InputModel):
    email: Email
    name: Annotated[SafeStr, Field(min_length=1, max_length=200)]
    password: NewPassword
    memberships: list[MembershipCreate] = Field(default_factory=list, max_length=50)


class InvitationCreate(InputModel):
    email: Email
    name: Annotated[SafeStr, Field(min_length=1, max_length=200)]
    language: Language = Field("nl", description="The language of the invitation and later mails.")
    memberships: list[MembershipCreate] = Field(default_factory=list, max_length=50)


class PasswordResetRequest(InputModel):
    email: Annotated[SafeStr, Field(min_length=3, max_length=320)]


class PasswordResetAccepted(ApiModel):
    detail: str


class NewPasswordWithToken(InputModel):
    token: Annotated[str, Field(min_length=20, max_length=100, pattern=r"^[A-Za-z0-9_-]+$")]
    password: NewPassword


class PasswordChange(InputModel):
    current_password: Password
    new_password: NewPassword


class UserUpdate(InputModel):
    name: Annotated[SafeStr, Field(min_length=1, max_length=200)] | None = None
    language: Language | None = None
    is_active: bool | None = None
    password: NewPassword | None = None


class ApiClientOut(ApiModel):
    id: int
    name: str
    key_prefix: str
    scopes: list[str]
    board_id: int | None
    region_id: int | None
    municipality_id: int | None = None
    created_at: dt.datetime
    revoked_at: dt.datetime | None
    last_used_at: dt.datetime | None


class ApiClientCreated(ApiClientOut):
    key: str = Field(description="The API key. It is shown only now; store it safely.")


class ApiClientCreate(InputModel):
    name: Annotated[SafeStr, Field(min_length=1, max_length=200)]
    scopes: list[ScopeName] = Field(min_length=1, max_length=len(get_args(ScopeName)))
    board_id: Id | None = None
    region_id: Id | None = None
    municipality_id: Id | None = None

    @model_validator(mode="after")
    def _one_binding(self) -> ApiClientCreate:
        given = [n for n in ("board_id", "region_id", "municipality_id") if getattr(self, n) is not None]
        if len(given) != 1:
            raise ValueError("bind the client to exactly one of boardId, regionId or municipalityId")
        return self


class AuditEventOut(ApiModel):
    id: int
    occurred_at: dt.datetime
    actor_type: str
    actor_label: str
    action: Literal["create", "update", "delete", "export", "erase"]
    entity_type: str
    entity_id: int
    board_id: int | None
    school_id: int | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
