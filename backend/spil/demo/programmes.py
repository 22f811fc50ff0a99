"""Demo regional programme (seed 004): "RAP Zuid-Kennemerland", with Stichting Spil Demo as the
lead board and Stichting Derde Demo (Zandvoort) as a member, covering the education region
Zuid-Kennemerland. Four programme lines; a running side-entry track with figures from both boards;
the shared substitution pool, ended for the seed's reason; a training course in preparation; and
a youth-care covenant shared by both boards, with a contact at the lead board only (a gap for the
other). Stichting Tweede Demo (Utrecht) is not a member. Everything is placed relative to
``today``."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlmodel import Session, col, select

from spil.indicators import periods
from spil.indicators.models import Indicator
from spil.organisations.models import Board, Region
from spil.partners.models import Partner, PartnerCategory, Partnership
from spil.people.models import Person, RoleAssignment, RoleType
from spil.programmes.models import (
    InitiativeBoard,
    InitiativeResult,
    ProgrammeInitiative,
    ProgrammeLine,
    ProgrammeMember,
    RegionalProgramme,
)
from spil.programmes.service import LINES

NAME = "RAP Zuid-Kennemerland"
POOL_ENDED = (
    "Door het personeelstekort stond de gezamenlijke vervangingspool niet meer in verhouding tot wat "
    "geleverd kon worden. De besturen hebben nu elk een eigen vervangingspool, met kortere lijnen naar "
    "het personeel; de samenwerking gaat verder in Samen Opleiden en Professionaliseren."
)
COVENANT_PARTNER = "Jeugd- en gezinsteams Zuid-Kennemerland"


def _person(session: Session, board: Board, name: str, email: str) -> Person:
    found = session.exec(select(Person).where(Person.board_id == board.id, Person.name == name)).first()
    if found is None:
        found = Person(board_id=board.id or 0, name=name, kind="staff", email=email, languages=["nl"])
        session.add(found)
        session.flush()
    return found


def _school_year(today: dt.date, back: int) -> str:
    return periods.period_of("school-year", dt.date(today.year - back, today.month, 1))


def seed_programmes(session: Session, today: dt.date) -> None:
    if session.exec(select(RegionalProgramme).where(RegionalProgramme.name == NAME)).first():
        return
    boards = {b.number: b for b in session.exec(select(Board)).all()}
    lead, third = boards["41234"], boards["61234"]
    region = session.exec(select(Region).where(Region.code == "OR-ZK")).first()
    programme = RegionalProgramme(
        name=NAME,
        kind="rap",
        region_id=region.id if region else None,
        lead_board_id=lead.id or 0,
        description="Besturen in Zuid-Kennemerland werken samen aan voldoende en goed personeel: "
        "doelgroepenbeleid, opleiding en scholing, arbeidsvoorwaarden en anders organiseren.",
        coordinator_name="Projectleider RAP Zuid-Kennemerland",
        coordinator_email="rap@zuid-kennemerland.example",
        starts_on=today - dt.timedelta(days=5 * 365),
        funding_scheme="Regionale aanpak personeelstekort (RAP)",
        funding_amount=Decimal("250000.00"),
        funding_from=today - dt.timedelta(days=3 * 365),
        funding_to=today + dt.timedelta(days=365),
        documents=[{"title": "Programmaplan", "url": "https://rap-zuid-kennemerland.example/programmaplan"}],
    )
    session.add(programme)
    session.flush()
    pid = programme.id or 0
    for board, years in ((lead, 5), (third, 3)):
        session.add(
            ProgrammeMember(
                programme_id=pid, board_id=board.id or 0, joined_on=today - dt.timedelta(days=years * 365)
            )
        )
    lines = {}
    for position, (code, (nl, en)) in enumerate(LINES.items(), start=1):
        line = ProgrammeLine(programme_id=pid, code=code, name_nl=nl, name_en=en, position=position)
        session.add(line)
        session.flush()
        lines[code] = line.id or 0
    dewi = session.exec(
        select(Person).where(Person.board_id == lead.id, Person.name == "Dewi Directeur")
    ).one()
    noor = _person(session, third, "Noor de Wit", "n.dewit@deduinpan.example")
    indicators = {
        i.code: i.id or 0 for i in session.exec(select(Indicator).where(col(Indicator.board_id).is_(None)))
    }

    def initiative(
        line: str, name: str, status: str, start_days: int, end_days: int | None, **kw: object
    ) -> int:
        row = ProgrammeInitiative(
            programme_id=pid,
            line_id=lines[line],
            name=name,
            status=status,
            starts_on=today + dt.timedelta(days=start_days),
            ends_on=today + dt.timedelta(days=end_days) if end_days is not None else None,
            **kw,
        )
        session.add(row)
        session.flush()
        for board, contact in ((lead, dewi), (third, noor)):
            session.add(
                InitiativeBoard(
                    initiative_id=row.id or 0, board_id=board.id or 0, contact_person_id=contact.id
                )
            )
        return row.id or 0

    side_entry = initiative(
        "target-group-policy",
        "Zij-instroomtraject",
        "running",
        -500,
        None,
        description="Zij-instromers starten bij besturen waar dat nog niet gebeurde, met één aanpak "
        "in de regio.",
    )
    for board, figures in ((lead, (3, 2)), (third, (1, 1))):
        for back, value in zip((1, 0), figures, strict=True):
            session.add(
                InitiativeResult(
                    initiative_id=side_entry,
                    board_id=board.id or 0,
                    indicator_id=indicators["side-entrants-started"],
                    period=_school_year(today, back),
                    value=Decimal(value),
                )
            )
    pool = initiative(
        "organising-differently",
        "Gezamenlijke vervangingspool (RTC de Beurs)",
        "ended",
        -5 * 365,
        -200,
        description="Een regionaal transfercentrum met een gezamenlijke vervangingspool.",
        ended_reason=POOL_ENDED,
    )
    for back in (1, 2):
        quarter = periods.period_of("quarter", today - dt.timedelta(days=200 + 92 * back))
        for board, days in ((lead, 40 - 10 * back), (third, 12 - 2 * back)):
            session.add(
                InitiativeResult(
                    initiative_id=pool,
                    board_id=board.id or 0,
                    indicator_id=indicators["substitute-days-covered"],
                    period=quarter,
                    value=Decimal(days),
                )
            )
    initiative(
        "training",
        "Tweejarige AD PEP-opleiding in de regio",
        "preparing",
        120,
        None,
        description="De associate degree Pedagogisch Educatief Professional, samen met de hogescholen.",
    )
    # the shared youth-care covenant: in the lead board's registry, a contact at the lead board only
    category = session.exec(
        select(PartnerCategory).where(
            PartnerCategory.code == "youth-care", col(PartnerCategory.board_id).is_(None)
        )
    ).one()
    partner = session.exec(
        select(Partner).where(Partner.board_id == lead.id, Partner.name == COVENANT_PARTNER)
    ).first()
    if partner is None:
        partner = Partner(board_id=lead.id or 0, name=COVENANT_PARTNER, category_id=category.id or 0)
        session.add(partner)
        session.flush()
    covenant = Partnership(
        partner_id=partner.id or 0,
        board_id=lead.id or 0,
        school_id=None,
        programme_id=pid,
        title="Convenant jeugdhulp in en om de school",
        levels=["school"],
        purposes=["required-care"],
        status="active",
        agreement_type="covenant",
        start_date=today - dt.timedelta(days=400),
        end_date=today + dt.timedelta(days=700),
    )
    session.add(covenant)
    session.flush()
    contact_role = session.exec(select(RoleType).where(RoleType.code == "partnership-contact")).one()
    chris = session.exec(
        select(Person).where(Person.board_id == lead.id, Person.name == "Chris Coördinator")
    ).one()
    session.add(
        RoleAssignment(
            person_id=chris.id or 0,
            role_type_id=contact_role.id or 0,
            board_id=lead.id or 0,
            partnership_id=covenant.id,
            is_primary=True,
            starts_on=today - dt.timedelta(days=400),
        )
    )
    session.flush()
