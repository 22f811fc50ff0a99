"""Gap rules of partnerships: a contact point inside the school, and not just one; agreements and
reviews on time. (The rules of roles are the people feature's, ``spil.people.gaps``.)"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from spil.kit.gaps import EXPIRY_WINDOW_DAYS, Gap, GapScope, Severity, rule
from spil.organisations.models import School
from spil.partners import contacts
from spil.partners.models import Partner, Partnership

OPEN_STATUSES = ("exploring", "active", "paused")


def _open_partnerships(session: Session, scope: GapScope) -> list[Any]:
    """The open partnerships in scope as plain rows (no ORM objects: at national scale a board has
    thousands), each with its number of current internal contacts counted by the database."""
    current = contacts.provider().count(Partnership.id, scope.today)
    in_scope = [Partnership.school_id.in_(scope.school_ids)]
    if scope.board_ids:
        in_scope.append(sa.and_(Partnership.school_id.is_(None), Partnership.board_id.in_(scope.board_ids)))
    return list(
        session.execute(
            sa.select(
                Partnership.id,
                Partnership.board_id,
                Partnership.school_id,
                Partnership.status,
                Partnership.end_date,
                Partnership.review_date,
                Partner.name.label("partner"),
                School.name.label("school"),
                current.label("contacts"),
            )
            .join(Partner, Partner.id == Partnership.partner_id)
            .outerjoin(School, School.id == Partnership.school_id)
            # a programme's shared partnerships are the programme's rule: a contact per member board
            .where(
                sa.or_(*in_scope), Partnership.status.in_(OPEN_STATUSES), Partnership.programme_id.is_(None)
            )
        ).all()
    )


def _partnership_gap(kind: str, severity: Severity, row: Any, message: str, **details: str) -> Gap:
    return Gap(
        kind=kind,
        severity=severity,
        subject_type="partnership",
        subject_id=row.id,
        subject_name=row.partner,
        message=message,
        board_id=row.board_id,
        school_id=row.school_id,
        school_name=row.school,
        details=details,
    )


@rule
def partnerships(session: Session, scope: GapScope) -> Iterable[Gap]:
    """Every ongoing partnership needs an internal contact, and better two: contacts must not rest
    on one person (seed 001). Open agreements must not have run out, nor their review."""
    soon = scope.today + dt.timedelta(days=EXPIRY_WINDOW_DAYS)
    for row in _open_partnerships(session, scope):
        ongoing = row.status in ("exploring", "active")
        if ongoing and row.contacts == 0:
            yield _partnership_gap(
                "no-internal-contact",
                "error",
                row,
                f"Nobody at school is the contact point for {row.partner}.",
            )
        elif ongoing and row.contacts == 1:
            yield _partnership_gap(
                "single-internal-contact",
                "warning",
                row,
                f"The contact with {row.partner} rests on one person; add a second contact.",
            )
        end, review = row.end_date, row.review_date
        if end is not None and end < scope.today:
            yield _partnership_gap(
                "expired",
                "error",
                row,
                f"The agreement with {row.partner} ended on {end.isoformat()} "
                "but the partnership is still open.",
                endDate=end.isoformat(),
            )
        elif end is not None and end <= soon:
            yield _partnership_gap(
                "expiring",
                "warning",
                row,
                f"The agreement with {row.partner} ends on {end.isoformat()}.",
                endDate=end.isoformat(),
            )
        if review is not None and review < scope.today:
            yield _partnership_gap(
                "review-overdue",
                "warning",
                row,
                f"The review of the partnership with {row.partner} was due on {review.isoformat()}.",
                reviewDate=review.isoformat(),
            )
