"""Demo key persons: agreements, this year's payments, activities and the public listing.

The same story on every day of the year:

- Fatima El Amrani: a fixed €160 a month, paid at the start of each month, this month's
  included. This month €30 of documented costs for coffee-morning materials come with it, so
  this month counts €190 of the €210 monthly maximum: *near the limit* (within 10 %). The year
  stays below its maximum even in December (12 × €160 + €30 + travel costs < €2,100).
- Murat Yılmaz: €5 an hour, paid per month from January up to this month. January's project
  week (44 hours, €220) crossed the monthly maximum knowingly: his year is *taxable*.

Karin Bos (registry) supervises Fatima and is the key persons' contact point of OBS De Spil;
Murat has no supervisor, which the gaps report.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlmodel import Session, select

from spil.demo.registry import find_assignment
from spil.keypersons.models import (
    AllowancePayment,
    KeyPersonActivity,
    KeyPersonActivityPerson,
    KeyPersonListing,
    VolunteerAgreement,
    VolunteerAgreementSchool,
)
from spil.organisations.models import School
from spil.people.models import Person


def seed_key_persons(session: Session, today: dt.date) -> None:
    """Fatima's and Murat's agreements, payments and activities, and the public listing of OBS De
    Spil (idempotent: nothing is added once an agreement exists)."""
    people = {p.name: p for p in session.exec(select(Person)).all()}
    schools = {s.location_code: s for s in session.exec(select(School)).all()}
    if session.exec(select(VolunteerAgreement)).first() is not None:
        return
    fatima, murat = people["Fatima El Amrani"], people["Murat Yılmaz"]
    supervisor = find_assignment(session, "Karin Bos", "key-person-supervisor", "12AB00")
    contact = find_assignment(session, "Karin Bos", "key-person-contact-point", "12AB00")
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
            find_assignment(session, "Fatima El Amrani", "key-person", "12AB00"),
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
            find_assignment(session, "Murat Yılmaz", "key-person", "23CD00"),
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
