"""Every table, imported once so that Alembic and the tests see the whole schema."""

from sqlmodel import SQLModel

from spil.access.models import AccountToken, ApiClient, Membership, RecoveryCode, User, UserSession
from spil.complaints.models import (
    ComplaintRoute,
    ComplaintRouteStep,
    ComplaintSettings,
    ConfidentialCase,
    ConfidentialCaseDeletion,
    ExternalBody,
)
from spil.inclusion.models import (
    EmployerServicePoint,
    InclusionAction,
    InclusionBottleneck,
    InclusionPhaseChange,
    InclusionPlacement,
    InclusionStaffHours,
    InclusionTrack,
    JobAgreementQuota,
)
from spil.indicators.models import Indicator, Measurement, Target
from spil.keypersons.models import (
    AllowancePayment,
    AllowanceRuleRevision,
    AllowanceRuleSet,
    KeyPersonActivity,
    KeyPersonActivityPerson,
    KeyPersonListing,
    VolunteerAgreement,
    VolunteerAgreementSchool,
)
from spil.kit.audit import AuditEvent
from spil.kit.idempotency import IdempotencyRecord
from spil.kit.mail import OutboxMail
from spil.kit.ratelimit import RateLimitHit
from spil.organisations.models import Board, Municipality, Region, RegionMunicipality, School
from spil.partners.models import Bottleneck, Partner, PartnerCategory, Partnership
from spil.people.models import Person, RoleAssignment, RoleType
from spil.programmes.models import (
    InitiativeBoard,
    InitiativeResult,
    ProgrammeAdmin,
    ProgrammeInitiative,
    ProgrammeLine,
    ProgrammeMember,
    RegionalProgramme,
)
from spil.reminders.models import ReminderOptOut, ReminderSent
from spil.sync.models import SyncLink, SyncRoleMapping, SyncRun

metadata = SQLModel.metadata

__all__ = [
    "AccountToken",
    "AllowancePayment",
    "AllowanceRuleRevision",
    "AllowanceRuleSet",
    "ApiClient",
    "AuditEvent",
    "Board",
    "Bottleneck",
    "ComplaintRoute",
    "ComplaintRouteStep",
    "ComplaintSettings",
    "ConfidentialCase",
    "ConfidentialCaseDeletion",
    "EmployerServicePoint",
    "ExternalBody",
    "IdempotencyRecord",
    "InclusionAction",
    "InclusionBottleneck",
    "InclusionPhaseChange",
    "InclusionPlacement",
    "InclusionStaffHours",
    "InclusionTrack",
    "Indicator",
    "InitiativeBoard",
    "InitiativeResult",
    "JobAgreementQuota",
    "KeyPersonActivity",
    "KeyPersonActivityPerson",
    "KeyPersonListing",
    "Measurement",
    "Membership",
    "Municipality",
    "OutboxMail",
    "Partner",
    "PartnerCategory",
    "Partnership",
    "Person",
    "ProgrammeAdmin",
    "ProgrammeInitiative",
    "ProgrammeLine",
    "ProgrammeMember",
    "RateLimitHit",
    "RecoveryCode",
    "Region",
    "RegionMunicipality",
    "RegionalProgramme",
    "ReminderOptOut",
    "ReminderSent",
    "RoleAssignment",
    "RoleType",
    "School",
    "SyncLink",
    "SyncRoleMapping",
    "SyncRun",
    "Target",
    "User",
    "UserSession",
    "VolunteerAgreement",
    "VolunteerAgreementSchool",
    "metadata",
]
