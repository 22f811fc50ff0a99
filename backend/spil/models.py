"""Every table, imported once so that Alembic and the tests see the whole schema."""

from sqlmodel import SQLModel

from spil.access.models import ApiClient, Membership, User, UserSession
from spil.kit.audit import AuditEvent
from spil.kit.idempotency import IdempotencyRecord
from spil.organisations.models import Board, LabourMarketRegion, Municipality, School

metadata = SQLModel.metadata

__all__ = [
    "ApiClient",
    "AuditEvent",
    "Board",
    "IdempotencyRecord",
    "LabourMarketRegion",
    "Membership",
    "Municipality",
    "School",
    "User",
    "UserSession",
    "metadata",
]
