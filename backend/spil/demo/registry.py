"""Demo registry: partners and partnerships, people and their roles.

Stichting Spil Demo's registry shows the gap kinds of the README (``tests/test_demo_story.py``
checks them on awkward dates): De Regenboog and SBO De Wending lack statutory roles; GGD
Kennemerland and the board-wide Pabo partnership have no internal contact, CJG Haarlem only one;
Het Speelhuis's contract ends in 30 days, the Muziekschool's ended 10 days ago and the GGD's
review is 20 days overdue; Karin Bos supervises the key persons without hours for it. The login
contactpunt@demo.spil.nl is Karin Bos the person too (decision record 0007).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlmodel import Session, col, select

from spil.organisations.models import Board, School
from spil.partners.models import Bottleneck, Partner, PartnerCategory, Partnership
from spil.people.models import Person, RoleAssignment, RoleType

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


def seed_registry(session: Session, today: dt.date) -> None:
    """Partners, people and roles with examples of several gap kinds (idempotent)."""
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


def find_assignment(session: Session, person: str, role: str, school: str) -> RoleAssignment:
    """The demo's role assignment of ``person`` as ``role`` at ``school`` (by location code)."""
    return session.exec(
        select(RoleAssignment)
        .join(Person, col(Person.id) == RoleAssignment.person_id)
        .join(RoleType, col(RoleType.id) == RoleAssignment.role_type_id)
        .join(School, col(School.id) == RoleAssignment.school_id)
        .where(Person.name == person, RoleType.code == role, School.location_code == school)
    ).one()
