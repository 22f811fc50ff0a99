"""The gap rules, one by one, on the demo registry, and the /gaps endpoint."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from spil.gaps.service import scope_for
from spil.kit import clock
from spil.kit.gaps import collect
from spil.kit.policy import Principal
from spil.partners.models import Partnership
from spil.people.models import RoleAssignment, RoleType

ADMIN = Principal(kind="user", id=0, label="test", is_platform_admin=True)


def gaps(db, today=None, **filters):
    return collect(db, scope_for(db, ADMIN, filters.get("board_id"), filters.get("school_id"), today))


def kinds(found, school=None):
    return sorted((g.kind, g.subject_name) for g in found if school is None or g.school_name == school)


def test_statutory_roles_missing_at_a_school_without_them(db, demo):
    found = [g for g in gaps(db, school_id=demo["45EF00"]) if g.kind == "statutory-role-missing"]
    assert {g.details["role"] for g in found} == {
        "anti-bullying-coordinator",
        "internal-confidential-counsellor",
    }
    assert all(g.severity == "error" for g in found)
    # De Regenboog has a counsellor but no anti-bullying coordinator
    regenboog = [g for g in gaps(db, school_id=demo["23CD00"]) if g.kind == "statutory-role-missing"]
    assert [g.details["role"] for g in regenboog] == ["anti-bullying-coordinator"]


def test_an_ended_role_no_longer_fills_the_gap(db, demo):
    role = db.execute(sa.select(RoleType).where(RoleType.code == "anti-bullying-coordinator")).scalar_one()
    db.execute(
        sa.update(RoleAssignment)
        .where(RoleAssignment.school_id == demo["12AB00"], RoleAssignment.role_type_id == role.id)
        .values(ends_on=clock.today() - dt.timedelta(days=1))
    )
    found = [g for g in gaps(db, school_id=demo["12AB00"]) if g.kind == "statutory-role-missing"]
    assert [g.details["role"] for g in found] == ["anti-bullying-coordinator"]


def test_contact_rules(db, demo):
    found = gaps(db, board_id=demo["41234"])
    assert ("single-internal-contact", "CJG Haarlem") in kinds(found)
    assert ("no-internal-contact", "GGD Kennemerland") in kinds(found)
    assert ("no-internal-contact", "Pabo Inholland Haarlem") in kinds(found)  # board-wide partnership
    assert not any(g.subject_name == "Bibliotheek Zuid-Kennemerland" for g in found)  # two contacts


def test_paused_and_ended_partnerships_need_no_contact(db, demo):
    db.execute(sa.update(Partnership).values(status="paused").where(Partnership.school_id == demo["23CD00"]))
    assert ("no-internal-contact", "GGD Kennemerland") not in kinds(gaps(db, board_id=demo["41234"]))


def test_date_rules_use_the_window(db, demo):
    today = clock.today()
    found = kinds(gaps(db, today=today, board_id=demo["41234"]))
    assert ("expiring", "Kinderopvang Het Speelhuis") in found  # ends in 30 days
    assert ("expired", "Muziekschool Haarlem") in found  # ended 10 days ago, still active
    assert ("review-overdue", "GGD Kennemerland") in found
    # 31 days on, the childcare contract has expired; 61 days before it was not yet expiring
    later = kinds(gaps(db, today=today + dt.timedelta(days=31), board_id=demo["41234"]))
    assert ("expired", "Kinderopvang Het Speelhuis") in later
    earlier = kinds(gaps(db, today=today - dt.timedelta(days=31), board_id=demo["41234"]))
    assert ("expiring", "Kinderopvang Het Speelhuis") not in earlier


def test_supervisor_without_hours(db, demo):
    found = [g for g in gaps(db, school_id=demo["12AB00"]) if g.kind == "supervisor-without-hours"]
    assert [g.subject_name for g in found] == ["Karin Bos (Key-person supervisor)"]
    db.execute(
        sa.update(RoleAssignment).where(RoleAssignment.id == found[0].subject_id).values(hours_per_week=4)
    )
    assert not [g for g in gaps(db, school_id=demo["12AB00"]) if g.kind == "supervisor-without-hours"]


def test_gaps_endpoint_scope_filters_and_counts(login, demo):
    api = login("directie@demo.spil.nl")
    body = api.get("/gaps").json()
    assert {g["schoolId"] for g in body["items"]} == {demo["12AB00"]}
    assert body["counts"]["error"] == 0 and body["counts"]["warning"] >= 3
    assert {g["kind"] for g in body["items"]} >= {
        "single-internal-contact",
        "expiring",
        "supervisor-without-hours",
    }
    board = login("bestuur@demo.spil.nl").get("/gaps", params={"severity": "error"}).json()
    assert board["total"] == board["counts"]["error"] >= 6
    assert all(g["severity"] == "error" for g in board["items"])
    assert (
        login("bestuur@tweede.spil.nl").get("/gaps", params={"schoolId": demo["12AB00"]}).json()["total"] == 0
    )


def test_continuity_gap_disappears_with_a_second_contact(login, demo):
    api = login("coordinator@demo.spil.nl")
    cjg = next(
        g
        for g in api.get("/gaps", params={"kind": "single-internal-contact"}).json()["items"]
        if g["subject"]["name"] == "CJG Haarlem"
    )
    people = {p["name"]: p["id"] for p in api.get("/people", params={"pageSize": 100}).json()["items"]}
    r = api.post(
        "/role-assignments",
        json={
            "personId": people["Vera Vertrouwen"],
            "role": "partnership-contact",
            "partnershipId": cjg["subject"]["id"],
        },
    )
    assert r.status_code == 201, r.text
    assert r.json()["schoolId"] == demo["12AB00"] and r.json()["partnerName"] == "CJG Haarlem"
    left = api.get("/gaps", params={"kind": "single-internal-contact"}).json()["items"]
    assert all(g["subject"]["name"] != "CJG Haarlem" for g in left)


def test_region_contacts_do_not_see_the_gaps_that_name_colleagues(login):
    assert login("regio@demo.spil.nl").get("/gaps").json()["total"] == 0
