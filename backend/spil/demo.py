"""Fictional, realistic demo data: two boards, four schools, one account per role.

Loading is idempotent: records are found by their natural keys (codes, numbers, e-mail) and
created only when missing, so ``spil seed-demo`` can run on every start.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlmodel import Session, col, select

from spil.access.models import Membership, User
from spil.access.security import hash_password
from spil.kit import clock
from spil.kit.db import advisory_lock
from spil.organisations.models import Board, LabourMarketRegion, Municipality, School
from spil.partners.models import Bottleneck, Partner, PartnerCategory, Partnership
from spil.people.models import Person, RoleAssignment, RoleType

MUNICIPALITIES = [
    ("GM0392", "Haarlem", "AM37"),
    ("GM0397", "Heemstede", "AM37"),
    ("GM0344", "Utrecht", "AM13"),
]

BOARDS = [
    {
        "number": "41234",
        "name": "Stichting Spil Demo",
        "municipality": "GM0392",
        "email": "bestuursbureau@spil-demo.example",
        "website": "https://spil-demo.example",
    },
    {
        "number": "51234",
        "name": "Stichting Tweede Demo",
        "municipality": "GM0344",
        "email": "info@tweede-demo.example",
        "website": "https://tweede-demo.example",
    },
]

SCHOOLS = [
    {
        "board": "41234",
        "location_code": "12AB00",
        "name": "OBS De Spil",
        "sector": "PO",
        "municipality": "GM0392",
        "street": "Kleverparkweg",
        "house_number": "12",
        "postal_code": "2023 CA",
        "city": "Haarlem",
        "email": "info@obsdespil.example",
        "phone": "023 555 0101",
    },
    {
        "board": "41234",
        "location_code": "23CD00",
        "name": "Basisschool De Regenboog",
        "sector": "PO",
        "municipality": "GM0392",
        "street": "Schoterweg",
        "house_number": "40",
        "postal_code": "2021 HZ",
        "city": "Haarlem",
        "email": "info@deregenboog.example",
        "phone": "023 555 0202",
    },
    {
        "board": "41234",
        "location_code": "45EF00",
        "name": "SBO De Wending",
        "sector": "SBO",
        "municipality": "GM0397",
        "street": "Binnenweg",
        "house_number": "7",
        "postal_code": "2101 JA",
        "city": "Heemstede",
        "email": "info@dewending.example",
        "phone": "023 555 0303",
    },
    {
        "board": "51234",
        "location_code": "67GH00",
        "name": "CBS Het Kompas",
        "sector": "PO",
        "municipality": "GM0344",
        "street": "Amsterdamsestraatweg",
        "house_number": "101",
        "postal_code": "3513 AB",
        "city": "Utrecht",
        "email": "info@hetkompas.example",
        "phone": "030 555 0404",
    },
]


@dataclass(frozen=True)
class DemoAccount:
    email: str
    name: str
    description: str
    role: str | None = None
    board: str | None = None
    school: str | None = None
    region: str | None = None
    platform_admin: bool = False


ACCOUNTS = [
    DemoAccount("admin@demo.spil.nl", "Anna Platform", "platform administrator", platform_admin=True),
    DemoAccount(
        "bestuur@demo.spil.nl",
        "Bram Bestuur",
        "board admin, Stichting Spil Demo",
        "board-admin",
        board="41234",
    ),
    DemoAccount(
        "directie@demo.spil.nl",
        "Dewi Directeur",
        "school admin, OBS De Spil",
        "school-admin",
        school="12AB00",
    ),
    DemoAccount(
        "coordinator@demo.spil.nl",
        "Chris Coördinator",
        "coordinator (IB'er), OBS De Spil",
        "coordinator",
        school="12AB00",
    ),
    DemoAccount(
        "vertrouwenspersoon@demo.spil.nl",
        "Vera Vertrouwen",
        "confidential counsellor, OBS De Spil",
        "confidential-counsellor",
        school="12AB00",
    ),
    DemoAccount(
        "contactpunt@demo.spil.nl",
        "Karin Bos",
        "coordinator and key-person contact point, OBS De Spil",
        "coordinator",
        school="12AB00",
    ),
    DemoAccount("lezer@demo.spil.nl", "Lars Lezer", "viewer, Stichting Spil Demo", "viewer", board="41234"),
    DemoAccount(
        "regio@demo.spil.nl",
        "Rana Regio",
        "region contact, Zuid-Kennemerland en IJmond",
        "region-contact",
        region="AM37",
    ),
    DemoAccount(
        "bestuur@tweede.spil.nl",
        "Tim Tweede",
        "board admin, Stichting Tweede Demo",
        "board-admin",
        board="51234",
    ),
]


def seed_demo(session: Session, password: str, today: dt.date | None = None) -> list[DemoAccount]:
    """Load the demo (idempotent). Every example is placed relative to ``today`` (the product's
    clock by default), so that the demo tells the same story on every day of the year."""
    today = today or clock.today()
    advisory_lock(session.connection())
    regions = {r.code: r for r in session.exec(select(LabourMarketRegion)).all()}
    if len(regions) < 35:
        raise RuntimeError("The labour-market regions are missing: run the migrations first.")
    municipalities: dict[str, Municipality] = {}
    for code, name, region in MUNICIPALITIES:
        m = session.exec(select(Municipality).where(Municipality.code == code)).first()
        if m is None:
            m = Municipality(code=code, name=name, region_id=regions[region].id)
            session.add(m)
            session.flush()
        municipalities[code] = m
    boards: dict[str, Board] = {}
    for spec in BOARDS:
        b = session.exec(select(Board).where(Board.number == spec["number"])).first()
        if b is None:
            b = Board(
                number=spec["number"],
                name=spec["name"],
                municipality_id=municipalities[spec["municipality"]].id,
                email=spec["email"],
                website=spec["website"],
            )
            session.add(b)
            session.flush()
        boards[spec["number"]] = b
    schools: dict[str, School] = {}
    for spec in SCHOOLS:
        s = session.exec(select(School).where(School.location_code == spec["location_code"])).first()
        if s is None:
            fields = {k: v for k, v in spec.items() if k not in ("board", "municipality")}
            s = School(
                **fields,
                board_id=boards[spec["board"]].id,
                municipality_id=municipalities[spec["municipality"]].id,
            )
            session.add(s)
            session.flush()
        schools[spec["location_code"]] = s
    hashed = hash_password(password)
    for account in ACCOUNTS:
        user = session.exec(select(User).where(User.email == account.email)).first()
        if user is None:
            user = User(
                email=account.email,
                name=account.name,
                password_hash=hashed,
                is_platform_admin=account.platform_admin,
            )
            session.add(user)
            session.flush()
        if account.role is None:
            continue
        scope = {
            "board_id": boards[account.board].id if account.board else None,
            "school_id": schools[account.school].id if account.school else None,
            "region_id": regions[account.region].id if account.region else None,
        }
        exists = session.exec(
            select(Membership).where(
                Membership.user_id == user.id,
                Membership.role == account.role,
                Membership.board_id == scope["board_id"],
                Membership.school_id == scope["school_id"],
                Membership.region_id == scope["region_id"],
            )
        ).first()
        if exists is None:
            assert user.id is not None
            session.add(Membership(user_id=user.id, role=account.role, **scope))
    seed_registry(session, today)
    seed_key_persons(session, today)
    seed_complaints(session, today)
    seed_indicators(session, today)
    return ACCOUNTS


# --- partners, people and roles ----------------------------------------------------------------
PEOPLE = [
    # board, name, kind, e-mail, languages
    ("41234", "Dewi Directeur", "staff", "d.directeur@obsdespil.example", ["nl", "en"]),
    ("41234", "Chris Coördinator", "staff", "c.coordinator@obsdespil.example", ["nl", "en"]),
    ("41234", "Vera Vertrouwen", "staff", "v.vertrouwen@obsdespil.example", ["nl"]),
    ("41234", "Sanne de Vries", "staff", "s.devries@obsdespil.example", ["nl", "de"]),
    # The login contactpunt@demo.spil.nl is Karin Bos: a person and a login with the same e-mail are
    # one human (decision record 0007), which lets her read her key persons' benefit type.
    ("41234", "Karin Bos", "staff", "contactpunt@demo.spil.nl", ["nl"]),
    ("41234", "Fatima El Amrani", "volunteer", None, ["ar", "nl", "fr"]),
    ("41234", "Murat Yılmaz", "volunteer", None, ["tr", "nl"]),
    ("41234", "Peter Jansen", "staff", "p.jansen@deregenboog.example", ["nl"]),
    ("41234", "Els Visser", "external", "els.visser@vertrouwenswerk.example", ["nl", "en"]),
    ("51234", "Tom Tweede", "staff", "t.tweede@hetkompas.example", ["nl"]),
]

PARTNERS = [
    # board, name, category, kvk
    ("41234", "Bibliotheek Zuid-Kennemerland", "library", "41224390"),
    ("41234", "CJG Haarlem", "youth-care", "34567812"),
    ("41234", "Kinderopvang Het Speelhuis", "childcare", "56781234"),
    ("41234", "GGD Kennemerland", "public-health", "78123456"),
    ("41234", "Muziekschool Haarlem", "culture", "81234567"),
    ("41234", "Pabo Inholland Haarlem", "teacher-training-college", "41150000"),
    ("51234", "Bibliotheek Utrecht", "library", "30276543"),
]


def _partnerships(today: dt.date) -> list[dict[str, Any]]:
    return [
        {
            "partner": "Bibliotheek Zuid-Kennemerland",
            "school": "12AB00",
            "levels": ["group", "school"],
            "purposes": ["vision", "societal-mission"],
            "agreement_type": "covenant",
            "annual_budget": Decimal("2500.00"),
            "review_date": today + dt.timedelta(days=200),
            "contacts": [("Sanne de Vries", True), ("Chris Coördinator", False)],
        },
        {
            "partner": "CJG Haarlem",
            "school": "12AB00",
            "levels": ["pupil"],
            "purposes": ["required-care"],
            "agreement_type": "informal",
            "contacts": [("Chris Coördinator", True)],
            "bottleneck": ("availability", "Wachttijd voor gesprekken met de jeugdverpleegkundige loopt op."),
        },
        {
            "partner": "Kinderopvang Het Speelhuis",
            "school": "12AB00",
            "levels": ["school"],
            "purposes": ["proximity", "vision"],
            "co_located": True,
            "agreement_type": "contract",
            "start_date": today - dt.timedelta(days=700),
            "end_date": today + dt.timedelta(days=30),
            "contacts": [("Dewi Directeur", True), ("Chris Coördinator", False)],
        },
        {
            "partner": "GGD Kennemerland",
            "school": "23CD00",
            "levels": ["pupil", "group"],
            "purposes": ["required-care"],
            "agreement_type": "data-processing-agreement",
            "review_date": today - dt.timedelta(days=20),
            "contacts": [],
        },
        {
            "partner": "Muziekschool Haarlem",
            "school": "45EF00",
            "levels": ["group"],
            "purposes": ["workload-relief"],
            "agreement_type": "contract",
            "start_date": today - dt.timedelta(days=400),
            "end_date": today - dt.timedelta(days=10),
            "contacts": [],
        },
        {
            "partner": "Pabo Inholland Haarlem",
            "school": None,
            "board": "41234",
            "levels": ["school"],
            "purposes": ["societal-mission"],
            "status": "exploring",
            "contacts": [],
        },
        {
            "partner": "Bibliotheek Utrecht",
            "school": "67GH00",
            "levels": ["group"],
            "purposes": ["vision"],
            "contacts": [("Tom Tweede", True)],
        },
    ]


ROLES = [
    # person, role code, school (None: board level), hours per week
    ("Dewi Directeur", "school-leader", "12AB00", None),
    ("Chris Coördinator", "ib", "12AB00", Decimal("16")),
    ("Vera Vertrouwen", "internal-confidential-counsellor", "12AB00", Decimal("2")),
    ("Vera Vertrouwen", "anti-bullying-coordinator", "12AB00", Decimal("1")),
    ("Sanne de Vries", "culture-coordinator", "12AB00", Decimal("4")),
    ("Sanne de Vries", "reporting-code-officer", "12AB00", Decimal("2")),
    ("Karin Bos", "key-person-supervisor", "12AB00", None),
    ("Karin Bos", "key-person-contact-point", "12AB00", Decimal("2")),
    ("Fatima El Amrani", "key-person", "12AB00", None),
    ("Murat Yılmaz", "key-person", "23CD00", None),
    ("Peter Jansen", "school-leader", "23CD00", None),
    ("Peter Jansen", "internal-confidential-counsellor", "23CD00", Decimal("2")),
    ("Els Visser", "external-confidential-counsellor", None, None),
    ("Tom Tweede", "school-leader", "67GH00", None),
    ("Tom Tweede", "internal-confidential-counsellor", "67GH00", Decimal("2")),
    ("Tom Tweede", "anti-bullying-coordinator", "67GH00", Decimal("1")),
]


def seed_registry(session: Session, today: dt.date | None = None) -> None:
    """Partners, people and roles with examples of several gap kinds (idempotent)."""
    today = today or clock.today()
    boards = {b.number: b for b in session.exec(select(Board)).all()}
    schools = {s.location_code: s for s in session.exec(select(School)).all()}
    people: dict[str, Person] = {}
    for board, name, kind, email, languages in PEOPLE:
        person = session.exec(
            select(Person).where(Person.board_id == boards[board].id, Person.name == name)
        ).first()
        if person is None:
            person = Person(board_id=boards[board].id, name=name, kind=kind, email=email, languages=languages)
            session.add(person)
            session.flush()
        people[name] = person
    builtin_categories = select(PartnerCategory).where(col(PartnerCategory.board_id).is_(None))
    categories = {c.code: c for c in session.exec(builtin_categories)}
    partners: dict[str, Partner] = {}
    for board, name, category, kvk in PARTNERS:
        partner = session.exec(
            select(Partner).where(Partner.board_id == boards[board].id, Partner.name == name)
        ).first()
        if partner is None:
            partner = Partner(
                board_id=boards[board].id,
                name=name,
                category_id=categories[category].id,
                kvk_number=kvk,
                municipality_id=schools["12AB00"].municipality_id
                if board == "41234"
                else schools["67GH00"].municipality_id,
            )
            session.add(partner)
            session.flush()
        partners[name] = partner
    for spec in _partnerships(today):
        partner = partners[spec["partner"]]
        school = schools[spec["school"]] if spec["school"] else None
        partnership = session.exec(
            select(Partnership).where(
                Partnership.partner_id == partner.id, Partnership.school_id == (school.id if school else None)
            )
        ).first()
        if partnership is not None:
            continue
        fields = {
            k: v for k, v in spec.items() if k not in ("partner", "school", "board", "contacts", "bottleneck")
        }
        partnership = Partnership(
            partner_id=partner.id,
            board_id=partner.board_id,
            school_id=school.id if school else None,
            **fields,
        )
        session.add(partnership)
        session.flush()
        if "bottleneck" in spec:
            kind, note = spec["bottleneck"]
            session.add(
                Bottleneck(
                    partnership_id=partnership.id,
                    kind=kind,
                    note=note,
                    occurred_on=today - dt.timedelta(days=45),
                )
            )
        contact_role = session.exec(select(RoleType).where(RoleType.code == "partnership-contact")).one()
        for name, primary in spec["contacts"]:
            session.add(
                RoleAssignment(
                    person_id=people[name].id,
                    role_type_id=contact_role.id,
                    board_id=partner.board_id,
                    school_id=partnership.school_id,
                    partnership_id=partnership.id,
                    is_primary=primary,
                    starts_on=today - dt.timedelta(days=365),
                )
            )
    builtin_roles = select(RoleType).where(col(RoleType.board_id).is_(None))
    role_types = {r.code: r for r in session.exec(builtin_roles)}
    for name, code, school_code, hours in ROLES:
        person = people[name]
        school_id = schools[school_code].id if school_code else None
        exists = session.exec(
            select(RoleAssignment).where(
                RoleAssignment.person_id == person.id,
                RoleAssignment.role_type_id == role_types[code].id,
                RoleAssignment.school_id == school_id,
            )
        ).first()
        if exists is None:
            session.add(
                RoleAssignment(
                    person_id=person.id,
                    role_type_id=role_types[code].id,
                    board_id=person.board_id,
                    school_id=school_id,
                    hours_per_week=hours,
                    starts_on=today - dt.timedelta(days=365),
                )
            )


# --- key persons: agreements, payments, activities, public listings -----------------------------
def _assignment(session: Session, person: str, role: str, school: str) -> RoleAssignment:
    return session.exec(
        select(RoleAssignment)
        .join(Person, col(Person.id) == RoleAssignment.person_id)
        .join(RoleType, col(RoleType.id) == RoleAssignment.role_type_id)
        .join(School, col(School.id) == RoleAssignment.school_id)
        .where(Person.name == person, RoleType.code == role, School.location_code == school)
    ).one()


def seed_key_persons(session: Session, today: dt.date | None = None) -> None:
    """Two key persons with agreements and this year's payments, activities and the public listing
    of OBS De Spil (idempotent). The same story on every day of the year:

    - Fatima El Amrani: a fixed €160 a month, paid at the start of each month, this month's
      included. This month €30 of documented costs for coffee-morning materials come with it, so
      this month counts €190 of the €210 monthly maximum: *near the limit* (within 10 %). The year
      stays below its maximum even in December (12 × €160 + €30 + travel costs < €2,100).
    - Murat Yılmaz: €5 an hour, paid per month from January up to this month. January's project
      week (44 hours, €220) crossed the monthly maximum knowingly: his year is *taxable*."""
    from spil.keypersons.models import (
        AllowancePayment,
        KeyPersonActivity,
        KeyPersonActivityPerson,
        KeyPersonListing,
        VolunteerAgreement,
        VolunteerAgreementSchool,
    )

    today = today or clock.today()
    people = {p.name: p for p in session.exec(select(Person)).all()}
    schools = {s.location_code: s for s in session.exec(select(School)).all()}
    if session.exec(select(VolunteerAgreement)).first() is not None:
        return
    fatima, murat = people["Fatima El Amrani"], people["Murat Yılmaz"]
    supervisor = _assignment(session, "Karin Bos", "key-person-supervisor", "12AB00")
    contact = _assignment(session, "Karin Bos", "key-person-contact-point", "12AB00")
    first_of_year = today.replace(month=1, day=1)
    agreements = [
        (
            VolunteerAgreement(
                board_id=fatima.board_id,
                person_id=fatima.id,
                tasks=[
                    "Koffieochtenden voor Arabisch- en Franstalige ouders",
                    "Aansluiten bij intakegesprekken met nieuwe ouders",
                    "Vertrouwd gezicht bij moeilijke gesprekken",
                ],
                hours_per_week=Decimal("6"),
                allowance_scheme="fixed",
                fixed_amount_per_month=Decimal("160.00"),
                travel_per_km=Decimal("0.23"),
                facilities=["workplace", "meeting-place", "email"],
                supervisor_assignment_id=supervisor.id,
                contact_point_assignment_id=contact.id,
                plan_goals="Doorgroeien naar onderwijsassistent.",
                plan_internship="Stage onderwijsassistent (mbo) vanaf het voorjaar.",
                plan_review_date=today + dt.timedelta(days=90),
                starts_on=first_of_year.replace(year=first_of_year.year - 1),
                benefit_type="participatiewet",
            ),
            "12AB00",
        ),
        (
            VolunteerAgreement(
                board_id=murat.board_id,
                person_id=murat.id,
                tasks=["Ouderavonden voor Turkstalige ouders", "Huisbezoeken samen met de leerkracht"],
                hours_per_week=Decimal("3"),
                age_band="21-plus",
                allowance_scheme="hourly",
                hourly_rate=Decimal("5.00"),
                facilities=["meeting-place"],
                starts_on=first_of_year,
            ),
            "23CD00",
        ),
    ]
    for agreement, school in agreements:
        session.add(agreement)
        session.flush()
        assert agreement.id is not None
        session.add(VolunteerAgreementSchool(agreement_id=agreement.id, school_id=schools[school].id))
    fatima_agreement, murat_agreement = agreements[0][0], agreements[1][0]
    for month in range(1, today.month + 1):
        period = dt.date(today.year, month, 1)
        materials = month == today.month  # this month's coffee-morning materials, with receipts
        travel = month % 3 == 0 and not materials  # a quarter's travel costs by the km log
        session.add(
            AllowancePayment(
                agreement_id=fatima_agreement.id,
                board_id=fatima.board_id,
                person_id=fatima.id,
                period=period,
                year=today.year,
                allowance=Decimal("160.00"),
                expenses=Decimal("30.00") if materials else Decimal("12.50") if travel else Decimal("0"),
                expenses_documented=True,
                note="Materiaal koffieochtenden (bonnetjes)"
                if materials
                else "Reiskosten volgens kilometerstaat"
                if travel
                else None,
            )
        )
        extra = month == 1  # January's project week, paid knowingly above the monthly maximum
        session.add(
            AllowancePayment(
                agreement_id=murat_agreement.id,
                board_id=murat.board_id,
                person_id=murat.id,
                period=period,
                year=today.year,
                hours=Decimal("44") if extra else Decimal("12"),
                allowance=Decimal("220.00") if extra else Decimal("60.00"),
                expenses=Decimal("0"),
                limit_exceeded_acknowledged=extra,
                note="Projectweek: bewust boven het maandmaximum" if extra else None,
            )
        )
    murat_agreement.taxable_years = [today.year]
    activities = [
        (
            "12AB00",
            "coffee-morning",
            21,
            "Koffieochtend: het nieuwe schooljaar",
            12,
            ["ar", "fr", "nl"],
            [fatima],
        ),
        ("12AB00", "intake", 9, "Intake nieuwe ouders groep 1", 2, ["ar"], [fatima]),
        ("23CD00", "parent-evening", 30, "Ouderavond groep 5-6", 18, ["tr", "nl"], [murat]),
        ("23CD00", "home-visit", 14, None, 1, ["tr"], [murat]),
    ]
    for school, kind, days_ago, title, parents, languages, involved in activities:
        activity = KeyPersonActivity(
            board_id=schools[school].board_id,
            school_id=schools[school].id,
            kind=kind,
            occurred_on=today - dt.timedelta(days=days_ago),
            title=title,
            parents_reached=parents,
            languages=languages,
        )
        session.add(activity)
        session.flush()
        assert activity.id is not None
        for person in involved:
            assert person.id is not None
            session.add(KeyPersonActivityPerson(activity_id=activity.id, person_id=person.id))
    listings = [
        (
            _assignment(session, "Fatima El Amrani", "key-person", "12AB00"),
            "Fatima",
            "Op dinsdag- en donderdagochtend op school, of vraag de leerkracht naar Fatima.",
            "Ik help ouders die Arabisch of Frans spreken om de school te leren kennen.",
            "I help parents who speak Arabic or French to get to know the school.",
            True,
        ),
        (
            contact,
            "Karin Bos",
            "contactpunt@demo.spil.nl · 023 555 0101",
            "Ik ben het aanspreekpunt voor onze sleutelpersonen.",
            "I am the contact point for our key persons.",
            True,
        ),
        (
            _assignment(session, "Murat Yılmaz", "key-person", "23CD00"),
            "Murat",
            "Via de leerkracht.",
            None,
            None,
            False,  # not published (yet): never on the public page
        ),
    ]
    for position, (assignment, name, reach, intro_nl, intro_en, published) in enumerate(listings):
        assert assignment.id is not None and assignment.school_id is not None
        session.add(
            KeyPersonListing(
                board_id=assignment.board_id,
                school_id=assignment.school_id,
                role_assignment_id=assignment.id,
                display_name=name,
                how_to_reach=reach,
                introduction_nl=intro_nl,
                introduction_en=intro_en,
                published=published,
                position=position,
            )
        )


# --- complaint routes and the confidential register ------------------------------------------------
def seed_complaints(session: Session, today: dt.date | None = None) -> None:
    """The board's complaint settings, Vera Vertrouwen published on the route finder, and the
    counsellor's register of OBS De Spil (one case past retention, purged on first use)."""
    from spil.complaints.models import ComplaintSettings, ConfidentialCase
    from spil.keypersons.models import KeyPersonListing

    today = today or clock.today()
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
    vera = _assignment(session, "Vera Vertrouwen", "internal-confidential-counsellor", "12AB00")
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


# --- indicators ----------------------------------------------------------------------------------------
def seed_indicators(session: Session, today: dt.date | None = None) -> None:
    """Six months of parent contacts at two schools, this school year's attendance and a target."""
    from spil.indicators.models import Indicator, Measurement, Target
    from spil.indicators.periods import period_of, start_of

    today = today or clock.today()
    if session.exec(select(Measurement)).first() is not None:
        return
    indicators = {i.code: i for i in session.exec(select(Indicator).where(col(Indicator.board_id).is_(None)))}
    schools = {s.location_code: s for s in session.exec(select(School)).all()}
    contacts = indicators["parent-contacts"]
    for back in range(6, 0, -1):
        index = today.year * 12 + today.month - 1 - back
        period = f"{index // 12:04d}-{index % 12 + 1:02d}"
        for code, base in (("12AB00", 30), ("23CD00", 18)):
            school = schools[code]
            session.add(
                Measurement(
                    indicator_id=contacts.id,
                    board_id=school.board_id,
                    school_id=school.id,
                    scope_key=f"school:{school.id}",
                    period=period,
                    period_start=start_of("month", period),
                    value=Decimal(base + 3 * (6 - back)),
                    entered_by="demo",
                )
            )
    attendance = indicators["parent-evening-attendance"]
    year = period_of("school-year", today)
    for code, value in (("12AB00", "64.5"), ("23CD00", "48")):
        school = schools[code]
        session.add(
            Measurement(
                indicator_id=attendance.id,
                board_id=school.board_id,
                school_id=school.id,
                scope_key=f"school:{school.id}",
                period=year,
                period_start=start_of("school-year", year),
                value=Decimal(value),
                entered_by="demo",
            )
        )
    spil = schools["12AB00"]
    session.add(
        Target(
            indicator_id=attendance.id,
            board_id=spil.board_id,
            school_id=spil.id,
            scope_key=f"school:{spil.id}",
            period=year,
            period_start=start_of("school-year", year),
            value=Decimal("70"),
        )
    )
