"""The daily reminders: one mail per person, each item once per subject and threshold, switched
off per kind (in the settings or with the signed link), read from a real local SMTP server."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qs, urlparse

import sqlalchemy as sa

from spil.kit import clock
from spil.partners.models import Partner, Partnership
from spil.people.models import Person, RoleAssignment
from spil.reminders.models import ReminderSent
from spil.reminders.service import send_reminders, unsubscribe_link


def _partnership_with_contacts(db) -> tuple[Partnership, str, set[str]]:
    rows = db.execute(
        sa.select(Partnership, Partner.name, Person.email)
        .join(Partner, Partner.id == Partnership.partner_id)
        .join(RoleAssignment, RoleAssignment.partnership_id == Partnership.id)
        .join(Person, Person.id == RoleAssignment.person_id)
        .where(Person.email.is_not(None), Partnership.status != "ended")
        .order_by(Partnership.id)
    ).all()
    partnership, partner = rows[0][0], rows[0][1]
    contacts = {email.lower() for p, _, email in rows if p.id == partnership.id}
    return partnership, partner, contacts


def _mentions(smtp, emails, partner) -> list:
    return [m for e in emails for m in smtp.to(e) if partner in smtp.text(m)]


def test_contacts_get_one_reminder_29_days_before_the_end_and_none_the_next_day(db, app, smtp):
    partnership, partner, contacts = _partnership_with_contacts(db)
    end = clock.today() + dt.timedelta(days=120)
    partnership.end_date = end
    partnership.review_date = None
    db.add(partnership)
    db.flush()

    with clock.pinned(end - dt.timedelta(days=31)):
        send_reminders()
    assert _mentions(smtp, contacts, partner) == []  # not yet: more than 30 days ahead

    with clock.pinned(end - dt.timedelta(days=29)):
        send_reminders()
    mails = _mentions(smtp, contacts, partner)
    assert len(mails) == len(contacts) >= 1
    text = smtp.text(mails[0])
    assert f"De samenwerking met {partner} loopt af op {end:%d-%m-%Y}." in text
    assert f"https://spil.test/partnerships/{partnership.id}" in text
    assert mails[0]["Subject"] == "Spil: wat uw aandacht vraagt"
    assert "/afmelden?" in text

    with clock.pinned(end - dt.timedelta(days=28)):
        send_reminders()
    assert len(_mentions(smtp, contacts, partner)) == len(contacts)  # nothing new the next day


def test_one_mail_per_person_with_all_that_is_theirs(db, app, smtp):
    send_reminders()
    recipients = [m["X-Envelope-To"] for m in smtp.messages]
    assert recipients and len(recipients) == len(set(recipients))
    # The board administrator's weekly summary, sent once a week.
    [summary] = smtp.to("bestuur@demo.spil.nl")
    assert re.search(r"\d+ urgente en \d+ andere hiaten open", smtp.text(summary))
    count = len(smtp.messages)
    send_reminders()
    assert len(smtp.messages) == count
    assert db.scalar(sa.select(sa.func.count()).select_from(ReminderSent)) > 0


def test_a_kind_is_switched_off_in_the_settings(login, db, app, smtp):
    admin = login("bestuur@demo.spil.nl")
    settings = admin.get("/reminder-settings").json()
    assert settings["email"] == "bestuur@demo.spil.nl"
    assert {s["kind"]: s["enabled"] for s in settings["settings"]}["weekly-summary"] is True
    r = admin.put("/reminder-settings", json={"settings": [{"kind": "weekly-summary", "enabled": False}]})
    assert r.status_code == 200
    assert {s["kind"]: s["enabled"] for s in r.json()["settings"]}["weekly-summary"] is False
    send_reminders()
    assert smtp.to("bestuur@demo.spil.nl") == []


def test_the_unsubscribe_link_works_without_login_and_only_with_its_signature(anon, db, app, smtp):
    link = unsubscribe_link("bestuur@demo.spil.nl", "weekly-summary")
    query = {k: v[0] for k, v in parse_qs(urlparse(link).query).items()}
    forged = dict(query, kind="school-gaps")
    r = anon.post("/reminder-unsubscriptions", json=forged)
    assert r.status_code == 400 and r.json()["type"].endswith("invalid-link")
    assert anon.post("/reminder-unsubscriptions", json=query).status_code == 204
    send_reminders()
    assert smtp.to("bestuur@demo.spil.nl") == []


def test_each_role_gets_its_own_kind_of_reminder(db, app, smtp, demo):
    """The school leader the school's urgent gaps (in Dutch words), the key-person contact point the
    allowances near a limit, the counsellor a count of next month's case deletions (no details)."""
    from spil.complaints.cases import delete_after
    from spil.complaints.models import ConfidentialCase

    today = clock.today()
    first_of_next_month = (today.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    closed_on = first_of_next_month.replace(year=first_of_next_month.year - 5)
    assert delete_after(closed_on) == first_of_next_month
    for _ in range(2):
        db.add(
            ConfidentialCase(
                board_id=demo["41234"],
                school_id=demo["12AB00"],
                area="school-organisation",
                reporter_group="parent",
                opened_on=closed_on,
                closed_on=closed_on,
                status="closed",
                notes="niet in de mail",
            )
        )
    db.flush()
    send_reminders()

    [leader] = smtp.to("p.jansen@deregenboog.example")
    assert "Wettelijk verplichte rol ontbreekt: Basisschool De Regenboog." in smtp.text(leader)
    [point] = smtp.to("contactpunt@demo.spil.nl")
    assert "Vergoedingen van sleutelpersonen dicht bij een grens" in smtp.text(point)
    [counsellor] = smtp.to("vertrouwenspersoon@demo.spil.nl")
    text = smtp.text(counsellor)
    assert f"2 afgesloten dossier(s) worden in {first_of_next_month:%Y-%m} verwijderd" in text
    assert "niet in de mail" not in text and "school-organisation" not in text
