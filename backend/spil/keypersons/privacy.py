"""What the key-persons feature holds about a person (``spil.kit.personal_data``): volunteer
agreements and their payments, the activities they took part in, and their public listings.

Erasure keeps the ledger (amounts per month: the fiscal record of the board) and the activity
log (how many parents were reached), without the free texts that describe the person; a public
listing, which shows the person to everyone, is deleted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col

from spil.keypersons.models import (
    AllowancePayment,
    KeyPersonActivity,
    KeyPersonActivityPerson,
    KeyPersonListing,
    VolunteerAgreement,
)
from spil.kit import personal_data
from spil.kit.personal_data import Holder, blank_audit, jsonable
from spil.people.models import RoleAssignment

# Free texts of an agreement that describe the person, and the need-to-know benefit type.
AGREEMENT_TEXTS = (
    "notes",
    "benefit_type",
    "plan_goals",
    "plan_internship",
    "plan_other_tasks",
    "other_expenses",
)
LISTING_TEXTS = ("displayName", "howToReach", "introductionNl", "introductionEn")


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p.capitalize() for p in rest)


def _blank_agreements(session: Session, where: Any) -> int:
    ids = list(session.execute(sa.select(VolunteerAgreement.id).where(where)).scalars())
    if not ids:
        return 0
    session.execute(
        sa.update(VolunteerAgreement)
        .where(VolunteerAgreement.id.in_(ids))
        .values({**dict.fromkeys(AGREEMENT_TEXTS), "version": VolunteerAgreement.version + 1})
    )
    payments = list(
        session.execute(
            sa.select(AllowancePayment.id).where(AllowancePayment.agreement_id.in_(ids))
        ).scalars()
    )
    session.execute(
        sa.update(AllowancePayment)
        .where(AllowancePayment.id.in_(payments), AllowancePayment.note.is_not(None))
        .values(note=None, version=AllowancePayment.version + 1)
    )
    blank_audit(session, "volunteer-agreement", ids, [_camel(f) for f in AGREEMENT_TEXTS])
    blank_audit(session, "allowance-payment", payments, ["note"])
    return len(ids)


# --- agreements and payments -------------------------------------------------------------------
def _export_agreements(session: Session, person_id: int) -> list[dict[str, Any]]:
    out = []
    for agreement in session.execute(
        sa.select(VolunteerAgreement)
        .where(VolunteerAgreement.person_id == person_id)
        .order_by(VolunteerAgreement.id)
    ).scalars():
        payments = session.execute(
            sa.select(AllowancePayment)
            .where(AllowancePayment.agreement_id == agreement.id)
            .order_by(AllowancePayment.period)
        ).scalars()
        out.append({**jsonable(agreement), "payments": [jsonable(p) for p in payments]})
    return out


def _erase_agreements(session: Session, person_id: int) -> int:
    return _blank_agreements(session, VolunteerAgreement.person_id == person_id)


def _agreement_spans(session: Session, board_id: int) -> Iterable[tuple[int, dt.date | None]]:
    return [
        (pid, ends_on)
        for pid, ends_on in session.execute(
            sa.select(VolunteerAgreement.person_id, VolunteerAgreement.ends_on).where(
                VolunteerAgreement.board_id == board_id
            )
        ).all()
    ]


def _expire_agreements(session: Session, board_id: int, cutoff: dt.date) -> int:
    has_text = sa.or_(*(getattr(VolunteerAgreement, f).is_not(None) for f in AGREEMENT_TEXTS))
    return _blank_agreements(
        session,
        sa.and_(VolunteerAgreement.board_id == board_id, col(VolunteerAgreement.ends_on) <= cutoff, has_text),
    )


# --- activities and listings ------------------------------------------------------------------
def _export_activities(session: Session, person_id: int) -> list[dict[str, Any]]:
    rows = session.execute(
        sa.select(KeyPersonActivity)
        .join(KeyPersonActivityPerson, KeyPersonActivityPerson.activity_id == KeyPersonActivity.id)
        .where(KeyPersonActivityPerson.person_id == person_id)
        .order_by(KeyPersonActivity.occurred_on)
    ).scalars()
    return [jsonable(a) for a in rows]


def _export_listings(session: Session, person_id: int) -> list[dict[str, Any]]:
    rows = session.execute(
        sa.select(KeyPersonListing)
        .join(RoleAssignment, RoleAssignment.id == KeyPersonListing.role_assignment_id)
        .where(RoleAssignment.person_id == person_id)
    ).scalars()
    return [jsonable(listing) for listing in rows]


def _erase_listings(session: Session, person_id: int) -> int:
    ids = list(
        session.execute(
            sa.select(KeyPersonListing.id)
            .join(RoleAssignment, RoleAssignment.id == KeyPersonListing.role_assignment_id)
            .where(RoleAssignment.person_id == person_id)
        ).scalars()
    )
    blank_audit(session, "key-person-listing", ids, LISTING_TEXTS)
    if ids:
        session.execute(sa.delete(KeyPersonListing).where(KeyPersonListing.id.in_(ids)))
    return len(ids)


personal_data.holds(
    Holder(
        kind="volunteer-agreements",
        export=_export_agreements,
        erase=_erase_agreements,
        spans=_agreement_spans,
        expire=_expire_agreements,
        tables=("volunteer_agreement", "allowance_payment"),
    )
)
personal_data.holds(
    Holder(
        kind="key-person-activities",
        export=_export_activities,
        erase=lambda session, person_id: 0,  # the log keeps the activity; the person is anonymised
        tables=("key_person_activity_person",),
    )
)
personal_data.holds(Holder(kind="key-person-listings", export=_export_listings, erase=_erase_listings))
