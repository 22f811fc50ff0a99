"""Demo inclusive employment (seed 003): Stichting Spil Demo is carrying out its action plan with
two placements (one counting, one whose register check is still to come), one workplace mentor
without hours and an overdue action; Stichting Tweede Demo has just had its intake. The
labour-market region Zuid-Kennemerland en IJmond has filled in its employer service point.
Everything is placed relative to ``today``."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlmodel import Session, col, select

from spil.inclusion.models import (
    EmployerServicePoint,
    InclusionAction,
    InclusionBottleneck,
    InclusionPhaseChange,
    InclusionPlacement,
    InclusionStaffHours,
    InclusionTrack,
)
from spil.organisations.models import LABOUR_MARKET, Board, Region, School
from spil.people.models import Person, RoleAssignment, RoleType

WHO = "demo"


def _days(today: dt.date, n: int) -> dt.date:
    return today + dt.timedelta(days=n)


def _mentor(session: Session, board: Board, person_name: str, hours: Decimal | None, today: dt.date) -> int:
    person = session.exec(select(Person).where(Person.board_id == board.id, Person.name == person_name)).one()
    role = session.exec(
        select(RoleType).where(RoleType.code == "workplace-mentor", col(RoleType.board_id).is_(None))
    ).one()
    found = session.exec(
        select(RoleAssignment).where(
            RoleAssignment.person_id == person.id, RoleAssignment.role_type_id == role.id
        )
    ).first()
    if found is None:
        found = RoleAssignment(
            person_id=person.id or 0,
            role_type_id=role.id or 0,
            board_id=board.id or 0,
            hours_per_week=hours,
            starts_on=_days(today, -150),
        )
        session.add(found)
        session.flush()
    return found.id or 0


def _track(
    session: Session, board: Board, started: dt.date, phases: list[tuple[str, dt.date]], **fields: object
) -> InclusionTrack | None:
    """The board's track, created with its phase history; None when it exists already."""
    if session.exec(select(InclusionTrack).where(InclusionTrack.board_id == board.id)).first():
        return None
    phase, since = phases[-1]
    track = InclusionTrack(
        board_id=board.id or 0, phase=phase, phase_since=since, started_on=started, **fields
    )
    session.add(track)
    session.flush()
    previous = None
    for name, day in phases:
        session.add(
            InclusionPhaseChange(
                track_id=track.id or 0, phase=name, from_phase=previous, changed_on=day, changed_by=WHO
            )
        )
        previous = name
    return track


def seed_inclusion(session: Session, today: dt.date) -> None:
    boards = {b.number: b for b in session.exec(select(Board)).all()}
    schools = {s.location_code: s for s in session.exec(select(School)).all()}
    first = boards["41234"]
    track = _track(
        session,
        first,
        _days(today, -300),
        [
            ("intake", _days(today, -300)),
            ("action-plan", _days(today, -240)),
            ("execution", _days(today, -150)),
        ],
        ambition_jobs=Decimal("3"),
        target_date=_days(today, 395),
        ambition_notes="Drie banen bij de scholen in Haarlem: conciërge-assistent, onderwijsassistent, "
        "medewerker facilitair.",
        first_contact_on=_days(today, -260),
    )
    if track is not None:
        for kind, label, notes in (
            ("workplace-guidance", None, "Wie begeleidt op de werkvloer, en met welke uren?"),
            ("guidance-on-teachers", None, "Leerkrachten vrezen dat de begeleiding op hun bordje komt."),
            ("funding", None, "Welke subsidies (loonkostensubsidie, no-riskpolis) gelden voor ons?"),
        ):
            session.add(InclusionBottleneck(track_id=track.id or 0, kind=kind, label=label, notes=notes))
        for title, theme, status, due, done, outcome in (
            (
                "Taken voor een conciërge-assistent in kaart brengen",
                "new-jobs",
                "done",
                _days(today, -200),
                _days(today, -205),
                "Takenpakket van 20 uur per week bij OBS De Spil.",
            ),
            (
                "Werkplekbegeleiders trainen",
                "workplace-guidance",
                "open",
                _days(today, -20),
                None,
                None,
            ),
            (
                "Met het werkgeversservicepunt afspreken over loonkostensubsidie",
                "lasting-placement",
                "in-progress",
                _days(today, 30),
                None,
                None,
            ),
        ):
            session.add(
                InclusionAction(
                    track_id=track.id or 0,
                    title=title,
                    theme=theme,
                    status=status,
                    due_on=due,
                    done_on=done,
                    outcome=outcome,
                )
            )
        # 2024 is the year whose quota is known (FACTS.md §7); last year's quota is not, yet
        staff = {2024: Decimal("182000"), today.year - 1: Decimal("186500")}
        for year, hours in sorted(staff.items()):
            session.add(InclusionStaffHours(track_id=track.id or 0, year=year, paid_hours=hours))
        with_hours = _mentor(session, first, "Karin Bos", Decimal("2"), today)
        without_hours = _mentor(session, first, "Sanne de Vries", None, today)
        for number, school, job, hours, kind, counts, checked, mentor, name in (
            (
                1,
                "12AB00",
                "Conciërge-assistent",
                Decimal("20"),
                "own-employment",
                True,
                _days(today, -120),
                with_hours,
                "Jeroen Smit",
            ),
            (
                2,
                "23CD00",
                "Onderwijsassistent",
                Decimal("12.75"),
                "secondment",
                False,
                None,
                without_hours,
                None,
            ),
        ):
            session.add(
                InclusionPlacement(
                    track_id=track.id or 0,
                    board_id=first.id or 0,
                    school_id=schools[school].id or 0,
                    number=number,
                    job_title=job,
                    hours_per_week=hours,
                    starts_on=_days(today, -140 if number == 1 else -45),
                    contract_kind=kind,
                    counts_towards_job_agreement=counts,
                    register_checked_on=checked,
                    mentor_assignment_id=mentor,
                    mentor_login="contactpunt@demo.spil.nl" if mentor == with_hours else None,
                    employee_name=name,
                )
            )
        track.next_placement_number = 3
    second = _track(
        session,
        boards["51234"],
        _days(today, -20),
        [("intake", _days(today, -20))],
        ambition_hours_per_week=Decimal("25.5"),
        target_date=_days(today, 345),
    )
    if second is not None:
        own: tuple[tuple[str, str | None, str | None], ...] = (
            ("finding-candidates", None, "Hoe vinden we kandidaten uit het doelgroepregister?"),
            ("suitable-jobs", None, None),
            ("other", "Draagvlak in het team", "Eerst het team meenemen."),
        )
        for code, own_label, own_notes in own:
            session.add(
                InclusionBottleneck(track_id=second.id or 0, kind=code, label=own_label, notes=own_notes)
            )
    region = session.exec(select(Region).where(Region.kind == LABOUR_MARKET, Region.code == "AM37")).first()
    if (
        region is not None
        and not session.exec(
            select(EmployerServicePoint).where(EmployerServicePoint.region_id == region.id)
        ).first()
    ):
        session.add(
            EmployerServicePoint(
                region_id=region.id or 0,
                organisation="Werkgeversservicepunt Zuid-Kennemerland en IJmond",
                contact_name="Team Onderwijs",
                email="onderwijs@wsp-zkij.example",
                phone="023 555 0600",
                opening_hours="Maandag tot en met vrijdag, 9.00–17.00 uur",
            )
        )
    session.flush()
