"""Demo complaint routes and the confidential register of OBS De Spil.

The board has its complaint settings (the national committee, LKC) and Vera Vertrouwen is
published on the route finder. Her register holds this year's cases (opened no earlier than
the 1st of January, so that this year's report is filled early in January too) and one case
closed six years ago: past the retention period, it is purged on first use.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, select

from spil.complaints.models import ComplaintSettings, ConfidentialCase
from spil.demo.registry import find_assignment
from spil.keypersons.models import KeyPersonListing
from spil.organisations.models import Board, School


def seed_complaints(session: Session, today: dt.date) -> None:
    """The board's complaint settings, Vera Vertrouwen published on the route finder, and the
    counsellor's register of OBS De Spil (idempotent: skipped once the board has settings)."""
    board = session.exec(select(Board).where(Board.number == "41234")).one()
    if (
        session.exec(select(ComplaintSettings).where(ComplaintSettings.board_id == board.id)).first()
        is not None
    ):
        return
    session.add(
        ComplaintSettings(
            board_id=board.id,
            committee="lkc",
            procedure_url="https://spil-demo.example/klachtenregeling",
        )
    )
    vera = find_assignment(session, "Vera Vertrouwen", "internal-confidential-counsellor", "12AB00")
    assert vera.id is not None and vera.school_id is not None
    session.add(
        KeyPersonListing(
            board_id=vera.board_id,
            school_id=vera.school_id,
            role_assignment_id=vera.id,
            display_name="Vera Vertrouwen",
            how_to_reach="vertrouwenspersoon@obsdespil.example of bel 023 555 0101 en vraag naar Vera.",
            position=10,
        )
    )
    school = session.exec(select(School).where(School.location_code == "12AB00")).one()
    this_year = today.year
    cases = [
        # area, group, opened (days ago), closed (days ago or None), status, referred to, outcome
        *[
            ("undesirable-behaviour", "pupil", 200 - 9 * i, 180 - 9 * i, "closed", None, "resolved")
            for i in range(6)
        ],
        ("undesirable-behaviour", "parent", 90, 60, "closed", "school-leader", "referred"),
        ("personal-problems", "pupil", 40, None, "referred", "youth-care", None),
        ("school-organisation", "staff", 20, None, "open", None, None),
        (
            "sexual-misconduct",
            "pupil",
            365 * 6 + 40,
            365 * 6,
            "closed",
            "confidential-inspectors",
            "report-filed",
        ),
    ]
    for area, group, opened, closed, status, referred, outcome in cases:
        opened_on = today - dt.timedelta(days=opened)
        if opened < 365 * 5 and opened_on.year != this_year:
            opened_on = dt.date(this_year, 1, 1)  # keep this year's report filled early in January too
        session.add(
            ConfidentialCase(
                board_id=board.id,
                school_id=school.id,
                area=area,
                reporter_group=group,
                opened_on=opened_on,
                closed_on=max(opened_on, today - dt.timedelta(days=closed)) if closed is not None else None,
                status=status,
                referred_to=referred,
                outcome=outcome,
            )
        )
