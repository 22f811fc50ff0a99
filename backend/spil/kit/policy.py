"""The permission policy: who may do what, where.

A *principal* is a logged-in user or an API client. Its *grants* are memberships: a role at a
board, a school, a region (of any kind) or a municipality. A board-level grant covers every school of that
board. Reading is enforced in the queries (see ``spil.kit.scope``): records outside
the principal's scope are never selected and answer 404. Changing needs a capability of the
role on that board or school; a record in scope without it answers 403.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from spil.kit.errors import ProblemError


class Role(StrEnum):
    BOARD_ADMIN = "board-admin"
    SCHOOL_ADMIN = "school-admin"
    COORDINATOR = "coordinator"
    CONFIDENTIAL_COUNSELLOR = "confidential-counsellor"
    VIEWER = "viewer"
    REGION_CONTACT = "region-contact"
    MUNICIPALITY_CONTACT = "municipality-contact"


class Capability(StrEnum):
    READ = "read"  # read the records of a board or school
    EDIT = "edit"  # change the everyday records of a school (partners, contacts, ...)
    MANAGE_SCHOOL = "manage-school"  # change the school record itself
    MANAGE_BOARD = "manage-board"  # change the board, create/delete its schools, its users, API clients
    READ_AUDIT = "read-audit"
    CONFIDENTIAL = "confidential"  # the confidential counsellor's register
    READ_CASE_REPORT = "read-case-report"  # the register's annual report (small numbers hidden)
    READ_BENEFIT = "read-benefit"  # a key person's benefit type (with the contact point)
    READ_REGION = "read-region"  # aggregated reading of an area: a region or a municipality

    @classmethod
    def beyond_platform_admin(cls) -> frozenset[Capability]:
        """What the platform administrator does not get by being one: the counsellor's register
        and a volunteer's benefit are for the people of that school or board only."""
        return frozenset({cls.CONFIDENTIAL, cls.READ_BENEFIT})


ROLE_CAPABILITIES: dict[Role, frozenset[Capability]] = {
    Role.BOARD_ADMIN: frozenset(
        {
            Capability.READ,
            Capability.EDIT,
            Capability.MANAGE_SCHOOL,
            Capability.MANAGE_BOARD,
            Capability.READ_AUDIT,
            Capability.READ_CASE_REPORT,
            Capability.READ_BENEFIT,
        }
    ),
    Role.SCHOOL_ADMIN: frozenset(
        {Capability.READ, Capability.EDIT, Capability.MANAGE_SCHOOL, Capability.READ_CASE_REPORT}
    ),
    Role.COORDINATOR: frozenset({Capability.READ, Capability.EDIT}),
    Role.CONFIDENTIAL_COUNSELLOR: frozenset(
        {Capability.READ, Capability.CONFIDENTIAL, Capability.READ_CASE_REPORT}
    ),
    Role.VIEWER: frozenset({Capability.READ}),
    Role.REGION_CONTACT: frozenset({Capability.READ_REGION}),
    Role.MUNICIPALITY_CONTACT: frozenset({Capability.READ_REGION}),
}

# Which scope each role may be granted at.
ROLE_SCOPES: dict[Role, frozenset[str]] = {
    Role.BOARD_ADMIN: frozenset({"board"}),
    Role.SCHOOL_ADMIN: frozenset({"school"}),
    Role.COORDINATOR: frozenset({"board", "school"}),
    Role.CONFIDENTIAL_COUNSELLOR: frozenset({"board", "school"}),
    Role.VIEWER: frozenset({"board", "school"}),
    Role.REGION_CONTACT: frozenset({"region"}),
    Role.MUNICIPALITY_CONTACT: frozenset({"municipality"}),
}

# Scopes an API client can be given (``<area>:read`` / ``<area>:write``) are listed in
# ``spil.access.schemas.ScopeName``; a write scope implies the read scope of its area.


@dataclass(frozen=True)
class Grant:
    role: Role
    board_id: int | None = None
    school_id: int | None = None
    region_id: int | None = None
    municipality_id: int | None = None
    # For a school grant: the school's board, so board-wide checks need no query.
    school_board_id: int | None = None


@dataclass
class Principal:
    kind: str  # "user" or "api-client"
    id: int
    label: str
    is_platform_admin: bool = False
    grants: tuple[Grant, ...] = ()
    api_scopes: frozenset[str] | None = None  # None: a person, limited by roles only
    csrf_token: str | None = None
    session_id: int | None = None
    extra: dict[str, object] = field(default_factory=dict)

    # --- scope of reading (ids that the scope queries expand) ---------------------------------
    def board_ids(self, capability: Capability = Capability.READ) -> set[int]:
        return {g.board_id for g in self.grants if g.board_id and capability in ROLE_CAPABILITIES[g.role]}

    def school_ids(self, capability: Capability = Capability.READ) -> set[int]:
        return {g.school_id for g in self.grants if g.school_id and capability in ROLE_CAPABILITIES[g.role]}

    def region_ids(self) -> set[int]:
        return {g.region_id for g in self.grants if g.region_id}

    def municipality_ids(self) -> set[int]:
        """The municipalities the principal reads in aggregate as their contact."""
        return {g.municipality_id for g in self.grants if g.municipality_id}

    # --- capabilities ------------------------------------------------------------------------
    def holds(self, capability: Capability) -> bool:
        """Whether the capability is held anywhere (for what to offer, never for a record)."""
        if self.is_platform_admin and capability not in Capability.beyond_platform_admin():
            return True
        return any(capability in ROLE_CAPABILITIES[g.role] for g in self.grants)

    def can(self, capability: Capability, *, board_id: int | None, school_id: int | None = None) -> bool:
        if self.is_platform_admin and capability not in Capability.beyond_platform_admin():
            return True
        for grant in self.grants:
            if capability not in ROLE_CAPABILITIES[grant.role]:
                continue
            if grant.board_id is not None and grant.board_id == board_id:
                return True
            if school_id is not None and grant.school_id == school_id:
                return True
        return False

    def can_in_board(self, capability: Capability, board_id: int) -> bool:
        """Whether the capability is held for the board itself or for any one of its schools
        (board-wide registers such as partners and people are kept by school staff too)."""
        if self.can(capability, board_id=board_id):
            return True
        return any(
            g.school_board_id == board_id and capability in ROLE_CAPABILITIES[g.role] for g in self.grants
        )

    def require_in_board(self, capability: Capability, board_id: int) -> None:
        if not self.can_in_board(capability, board_id):
            raise ProblemError(
                403, "Your role does not allow changes to this board's registers.", code="forbidden"
            )

    def require(self, capability: Capability, *, board_id: int | None, school_id: int | None = None) -> None:
        if not self.can(capability, board_id=board_id, school_id=school_id):
            raise ProblemError(
                403,
                "Your role does not allow this change here. Ask a board administrator.",
                code="forbidden",
            )

    def require_platform_admin(self) -> None:
        if not self.is_platform_admin:
            raise ProblemError(403, "Only a platform administrator may do this.", code="forbidden")

    def require_scope(self, scope: str) -> None:
        if self.api_scopes is None or scope in self.api_scopes:
            return
        if scope.endswith(":read") and scope.removesuffix(":read") + ":write" in self.api_scopes:
            return
        raise ProblemError(403, f"This API key lacks the scope '{scope}'.", code="insufficient-scope")

    def access(self) -> dict[str, object]:
        """What this principal may do where (``GET /auth/session``): capabilities per board,
        school and region, and the capabilities held anywhere."""
        per: dict[tuple[str, int], set[Capability]] = {}
        board_of: dict[int, int | None] = {}
        for g in self.grants:
            caps = ROLE_CAPABILITIES[g.role]
            if g.board_id is not None:
                per.setdefault(("board", g.board_id), set()).update(caps)
            elif g.school_id is not None:
                per.setdefault(("school", g.school_id), set()).update(caps)
                board_of[g.school_id] = g.school_board_id
            elif g.region_id is not None:
                per.setdefault(("region", g.region_id), set()).update(caps)
            elif g.municipality_id is not None:
                per.setdefault(("municipality", g.municipality_id), set()).update(caps)
        held = set().union(*per.values()) if per else set()
        if self.is_platform_admin:
            held |= set(Capability) - Capability.beyond_platform_admin()

        def listed(kind: str) -> list[dict[str, object]]:
            return [
                {
                    "id": ident,
                    "board_id": board_of.get(ident) if kind == "school" else None,
                    "capabilities": sorted(c.value for c in caps),
                }
                for (k, ident), caps in sorted(per.items())
                if k == kind
            ]

        return {
            "platform_admin": self.is_platform_admin,
            "capabilities": sorted(c.value for c in held),
            "boards": listed("board"),
            "schools": listed("school"),
            "regions": listed("region"),
            "municipalities": listed("municipality"),
            "role_levels": {role.value: sorted(levels) for role, levels in ROLE_SCOPES.items()},
        }

    @property
    def idempotency_owner(self) -> str:
        return f"{self.kind}:{self.id}"
