"""Regional programmes (issue 15): boards working together, read by the member boards, kept by
the lead board and the programme's admins; shared partnerships; results rolled up over the boards
taking part; leaving ends access; nothing of a member's own registry reaches another member."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from spil.indicators import periods
from spil.kit import clock

LEAD = "bestuur@demo.spil.nl"  # Stichting Spil Demo, the lead board
THIRD = "bestuur@derde.spil.nl"  # Stichting Derde Demo, a member
OTHER = "bestuur@tweede.spil.nl"  # Stichting Tweede Demo, not a member
COORDINATOR = "coordinator@demo.spil.nl"
VIEWER = "lezer@demo.spil.nl"
PLATFORM = "admin@demo.spil.nl"


def programme(api):
    found = api.get("/regional-programmes").json()
    assert [p["name"] for p in found] == ["RAP Zuid-Kennemerland"], found
    return found[0]


def test_the_member_boards_read_the_programme_and_another_board_gets_404(login):
    rap = programme(login(LEAD))
    assert rap["leadBoard"]["name"] == "Stichting Spil Demo" and rap["canEdit"] is True
    assert [m["name"] for m in rap["members"]] == ["Stichting Derde Demo", "Stichting Spil Demo"]
    assert rap["region"]["code"] == "OR-ZK" and rap["fundingAmount"] == "250000.00"
    third = login(THIRD)
    assert programme(third)["canEdit"] is False
    lines = third.get(f"/regional-programmes/{rap['id']}/lines").json()
    assert [line["code"] for line in lines] == [
        "target-group-policy",
        "training",
        "employment-conditions",
        "organising-differently",
    ]
    other = login(OTHER)
    assert other.get("/regional-programmes").json() == []
    for path in ("", "/lines", "/initiatives", "/members", "/partnerships"):
        r = other.get(f"/regional-programmes/{rap['id']}{path}")
        assert r.status_code == 404 and r.headers["content-type"] == "application/problem+json"
    # a viewer reads its board's registry, not the programme
    assert login(VIEWER).get(f"/regional-programmes/{rap['id']}").status_code == 404
    assert login(COORDINATOR).get(f"/regional-programmes/{rap['id']}").status_code == 200


def test_an_ended_initiative_keeps_why_and_results_roll_up_over_the_boards(login, demo):
    api = login(LEAD)
    rap = programme(api)
    initiatives = {i["name"]: i for i in api.get(f"/regional-programmes/{rap['id']}/initiatives").json()}
    pool = initiatives["Gezamenlijke vervangingspool (RTC de Beurs)"]
    assert pool["status"] == "ended" and "personeelstekort" in pool["endedReason"]
    side = initiatives["Zij-instroomtraject"]
    assert side["status"] == "running"
    assert {p["boardName"] for p in side["participants"]} == {"Stichting Spil Demo", "Stichting Derde Demo"}
    today = clock.today()
    this_year = periods.period_of("school-year", today)
    last_year = periods.period_of("school-year", dt.date(today.year - 1, today.month, 1))
    totals = {(t["indicator"], t["period"]): (t["total"], t["boards"]) for t in side["totals"]}
    assert totals == {
        ("side-entrants-started", last_year): (4, 2),  # 3 + 1
        ("side-entrants-started", this_year): (3, 2),  # 2 + 1
    }
    # the third board enters its own figure, not another board's
    base = f"/regional-programmes/{rap['id']}/initiatives/{side['id']}/results"
    third = login(THIRD)
    body = {"boardId": demo["61234"], "indicator": "side-entrants-started", "period": "2019-2020", "value": 2}
    r = third.post(base, json=body)
    assert r.status_code == 201, r.text
    assert third.post(base, json={**body, "boardId": demo["41234"]}).status_code == 403
    assert third.post(base, json=body).status_code == 409  # that period has its figure
    for bad, field in (
        ({"period": "2019"}, "period"),
        ({"indicator": "job-agreement-jobs"}, "indicator"),  # derived: not entered
        ({"value": 1.5}, "value"),  # a count is whole
        ({"boardId": demo["51234"]}, "boardId"),  # not taking part
    ):
        r = third.post(base, json={**body, **bad, "period": bad.get("period", "2018-2019")})
        assert r.status_code == 400, (bad, r.text)
        assert r.json()["invalidParams"][0]["name"] == field, (bad, r.json())
    side = login(LEAD).get(f"/regional-programmes/{rap['id']}/initiatives/{side['id']}").json()
    assert {(t["period"], t["total"]) for t in side["totals"]} >= {("2019-2020", 2)}


def test_initiatives_are_checked_before_anything_is_written(login, demo):
    api = login(LEAD)
    rap = programme(api)
    lines = api.get(f"/regional-programmes/{rap['id']}/lines").json()
    base = f"/regional-programmes/{rap['id']}/initiatives"
    body = {"name": "Vakdocenten delen", "lineId": lines[0]["id"]}
    r = api.post(base, json={**body, "status": "ended"})
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "endedReason"
    r = api.post(base, json={**body, "participants": [{"boardId": demo["51234"]}]})
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "participants.0.boardId"
    r = api.post(base, json={**body, "participants": [{"boardId": demo["61234"], "contactPersonId": 1}]})
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "participants.0.contactPersonId"
    assert len(api.get(base).json()) == 3  # nothing half-written
    r = api.post(
        base, json={**body, "participants": [{"boardId": demo["61234"]}, {"boardId": demo["41234"]}]}
    )
    assert r.status_code == 201, r.text
    assert [p["boardName"] for p in r.json()["participants"]] == [
        "Stichting Derde Demo",
        "Stichting Spil Demo",
    ]
    # a line of the programme's own, and the seed's lines once only
    lines_path = f"/regional-programmes/{rap['id']}/lines"
    assert api.post(lines_path, json={"code": "training"}).status_code == 409
    assert api.post(lines_path, json={}).status_code == 400
    assert api.post(lines_path, json={"nameNl": "Samen opleiden"}).json()["nameEn"] == "Samen opleiden"


def test_a_shared_partnership_shows_at_every_member_board_and_needs_a_contact_at_each(login, demo, db):
    from spil.people.models import Person

    third = login(THIRD)
    rap = programme(third)
    shared = third.get(f"/regional-programmes/{rap['id']}/partnerships").json()
    assert [s["partnerName"] for s in shared] == ["Jeugd- en gezinsteams Zuid-Kennemerland"]
    contacts = {b["boardName"]: b["contacts"] for b in shared[0]["boards"]}
    assert contacts == {"Stichting Derde Demo": [], "Stichting Spil Demo": ["Chris Coördinator"]}
    # it shows among the third board's partnerships, with the programme as its owner
    listed = third.get("/partnerships", params={"boardId": demo["61234"]}).json()["items"]
    covenant = next(p for p in listed if p["id"] == shared[0]["id"])
    assert covenant["programmeId"] == rap["id"] and covenant["schoolId"] is None
    at_school = third.get("/partnerships", params={"schoolId": demo["89LM00"]}).json()["items"]
    assert shared[0]["id"] in {p["id"] for p in at_school}
    # ... it is kept by the lead board, and the lead board's registry stays its own
    path = f"/partnerships/{shared[0]['id']}"
    assert third.patch(path, json={"notes": "x"}).status_code == 403
    partner_id = third.get(path).json()["partnerId"]
    assert third.get(f"/partners/{partner_id}").status_code == 404
    assert third.get("/people").json()["total"] == 0 or "Chris Coördinator" not in str(
        third.get("/people").json()
    )
    assert login(OTHER).get(path).status_code == 404
    # no contact at the third board: its gap (and the lead board has none for it)
    gaps = {
        (g["kind"], g["boardId"]) for g in login(THIRD).get("/gaps", params={"pageSize": 100}).json()["items"]
    }
    assert ("shared-partnership-no-contact", demo["61234"]) in gaps
    lead_gaps = {g["kind"] for g in login(LEAD).get("/gaps", params={"pageSize": 100}).json()["items"]}
    assert "shared-partnership-no-contact" not in lead_gaps
    # a person of the third board becomes its contact: the gap goes
    third = login(THIRD)
    noor = db.execute(sa.select(Person.id).where(Person.name == "Noor de Wit")).scalar_one()
    r = third.post(
        "/role-assignments",
        json={"personId": noor, "role": "partnership-contact", "partnershipId": shared[0]["id"]},
    )
    assert r.status_code == 201, r.text
    gaps = {g["kind"] for g in third.get("/gaps", params={"pageSize": 100}).json()["items"]}
    assert "shared-partnership-no-contact" not in gaps
    # a non-member's person cannot be made its contact
    tom = db.execute(sa.select(Person.id).where(Person.name == "Tom Tweede")).scalar_one()
    r = login(OTHER).post(
        "/role-assignments",
        json={"personId": tom, "role": "partnership-contact", "partnershipId": shared[0]["id"]},
    )
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "partnershipId"


def test_leaving_ends_access_from_that_date_and_keeps_the_history(login, demo):
    lead = login(LEAD)
    rap = programme(lead)
    members = {m["boardName"]: m for m in lead.get(f"/regional-programmes/{rap['id']}/members").json()}
    third_member = members["Stichting Derde Demo"]
    path = f"/regional-programmes/{rap['id']}/members/{third_member['id']}"
    tomorrow = (clock.today() + dt.timedelta(days=1)).isoformat()
    assert lead.patch(path, json={"leftOn": tomorrow}).status_code == 200
    third = login(THIRD)
    assert third.get(f"/regional-programmes/{rap['id']}").status_code == 200  # until tomorrow
    lead = login(LEAD)
    r = lead.patch(path, json={"leftOn": clock.today().isoformat()})
    assert r.status_code == 200 and r.json()["current"] is False
    third = login(THIRD)
    assert third.get(f"/regional-programmes/{rap['id']}").status_code == 404
    assert third.get("/regional-programmes").json() == []
    listed = third.get("/partnerships", params={"boardId": demo["61234"]}).json()["items"]
    assert all(p["programmeId"] is None for p in listed)
    lead = login(LEAD)
    history = {m["boardName"]: m for m in lead.get(f"/regional-programmes/{rap['id']}/members").json()}
    assert history["Stichting Derde Demo"]["leftOn"] == clock.today().isoformat()
    assert [m["name"] for m in programme(lead)["members"]] == ["Stichting Spil Demo"]
    # the lead board does not leave; a board joins once
    lead_member = history["Stichting Spil Demo"]
    r = lead.patch(f"/regional-programmes/{rap['id']}/members/{lead_member['id']}", json={"leftOn": tomorrow})
    assert r.status_code == 400
    r = login(PLATFORM).post(f"/regional-programmes/{rap['id']}/members", json={"boardId": demo["61234"]})
    assert r.status_code == 409


def test_a_programme_admin_keeps_it_without_being_a_board_admin(login, db):
    from spil.access.models import User

    lead = login(LEAD)
    rap = programme(lead)
    karin = db.execute(sa.select(User.id).where(User.email == "contactpunt@demo.spil.nl")).scalar_one()
    karin_api = login("contactpunt@demo.spil.nl")
    assert karin_api.patch(f"/regional-programmes/{rap['id']}", json={"description": "x"}).status_code == 403
    lead = login(LEAD)
    r = lead.post(f"/regional-programmes/{rap['id']}/admins", json={"userId": karin})
    assert r.status_code == 201, r.text
    karin_api = login("contactpunt@demo.spil.nl")
    assert (
        karin_api.patch(f"/regional-programmes/{rap['id']}", json={"description": "Nieuw"}).status_code == 200
    )
    assert programme(karin_api)["canEdit"] is True


def test_a_contact_of_the_covered_region_reads_the_programme_without_its_people(login, db):
    from spil.organisations.models import Region

    region = db.execute(sa.select(Region.id).where(Region.code == "OR-ZK")).scalar_one()
    platform = login(PLATFORM)
    r = platform.post(
        "/users",
        {
            "email": "onderwijsregio@example.nl",
            "name": "O",
            "password": "een-goed-wachtwoord",
            "memberships": [{"role": "region-contact", "regionId": region}],
        },
    )
    assert r.status_code == 201, r.text
    contact = login("onderwijsregio@example.nl", "een-goed-wachtwoord")
    rap = programme(contact)
    assert rap["canEdit"] is False
    initiatives = contact.get(f"/regional-programmes/{rap['id']}/initiatives").json()
    assert initiatives and all(p["contact"] is None for i in initiatives for p in i["participants"])
    assert contact.get(f"/regional-programmes/{rap['id']}/admins").json() == []
    shared = contact.get(f"/regional-programmes/{rap['id']}/partnerships").json()
    assert all(b["contacts"] == [] for s in shared for b in s["boards"])
    text = str(initiatives) + str(shared)
    assert "Dewi" not in text and "Noor" not in text and "Chris" not in text
    assert rap["coordinatorName"] is None and rap["coordinatorEmail"] is None
    assert contact.patch(f"/regional-programmes/{rap['id']}", json={"description": "x"}).status_code == 403
    # the members see the contacts named in the programme
    member_view = login(THIRD).get(f"/regional-programmes/{rap['id']}/initiatives").json()
    names = {p["contact"]["name"] for i in member_view for p in i["participants"] if p["contact"]}
    assert names == {"Dewi Directeur", "Noor de Wit"}


def test_starting_a_programme_makes_the_lead_board_its_first_member(login, demo):
    api = login(THIRD)
    r = api.post(
        "/regional-programmes",
        json={
            "name": "Samen Opleiden Zandvoort",
            "kind": "other",
            "leadBoardId": demo["61234"],
            "startsOn": "2026-08-01",
        },
    )
    assert r.status_code == 201, r.text
    created = r.json()
    assert [m["name"] for m in created["members"]] == ["Stichting Derde Demo"]
    assert r.headers["Location"].endswith(f"/regional-programmes/{created['id']}")
    for bad, field in (
        ({"leadBoardId": demo["51234"]}, "leadBoardId"),
        ({"endsOn": "2020-01-01", "startsOn": "2021-01-01"}, "endsOn"),
        ({"kind": "consortium"}, "kind"),
        ({"coordinatorEmail": "geen adres"}, "coordinatorEmail"),
        ({"documents": [{"title": "x", "url": "ftp://x"}]}, "documents"),
    ):
        r = api.post("/regional-programmes", json={"name": "X", "leadBoardId": demo["61234"], **bad})
        assert r.status_code == 400, (bad, r.text)
        assert r.json()["invalidParams"][0]["name"].startswith(field), (bad, r.json())
    path = f"/regional-programmes/{created['id']}"
    assert api.delete(path).status_code == 204


def test_erasure_takes_a_person_off_the_initiatives(login, db):
    from spil.people.models import Person
    from spil.programmes.models import InitiativeBoard

    noor = db.execute(sa.select(Person.id).where(Person.name == "Noor de Wit")).scalar_one()
    api = login(THIRD)
    assert "Zij-instroomtraject" in str(api.get(f"/people/{noor}/personal-data").json())
    assert api.delete(f"/people/{noor}").status_code == 409  # named in the programme
    r = api.post(f"/people/{noor}/erasure", headers=api.current_etag(f"/people/{noor}"))
    assert r.status_code == 200, r.text
    left = db.execute(sa.select(InitiativeBoard).where(InitiativeBoard.contact_person_id == noor)).all()
    assert left == []


def test_a_programme_reaches_no_board_that_did_not_join_and_no_person_it_did_not_name(login, demo, db):
    """The review's probes: a keeper cannot enrol a board, name another board's person, look up
    another board's accounts or use the lead board's registry without being its staff."""
    from spil.access.models import User
    from spil.people.models import Person

    lead = login(LEAD)
    rap = programme(lead)
    base = f"/regional-programmes/{rap['id']}"
    r = lead.post(f"{base}/members", json={"boardId": demo["51234"]})
    assert r.status_code == 403  # only the board's own admin (or the platform admin) enrols it
    tom = db.execute(sa.select(Person.id).where(Person.name == "Tom Tweede")).scalar_one()
    noor = db.execute(sa.select(Person.id).where(Person.name == "Noor de Wit")).scalar_one()
    lines = lead.get(f"{base}/lines").json()
    r = lead.post(
        f"{base}/initiatives",
        json={
            "name": "x",
            "lineId": lines[0]["id"],
            "participants": [{"boardId": demo["61234"], "contactPersonId": noor}],
        },
    )
    assert r.status_code == 400  # the lead board does not read the third board's people
    assert "Noor" not in r.text and "Tom" not in r.text
    tweede_admin = db.execute(sa.select(User.id).where(User.email == OTHER)).scalar_one()
    r = lead.post(f"{base}/admins", json={"userId": tweede_admin})
    assert r.status_code == 400 and OTHER not in r.text
    # the third board names its own contact for an initiative it takes part in
    side = next(i for i in lead.get(f"{base}/initiatives").json() if i["name"] == "Zij-instroomtraject")
    third = login(THIRD)
    path = f"{base}/initiatives/{side['id']}/participants/{demo['61234']}"
    assert third.patch(path, json={"contactPersonId": tom}).status_code == 400
    r = third.patch(path, json={"contactPersonId": None})
    assert r.status_code == 200 and r.json()["contact"] is None
    r = third.patch(path, json={"contactPersonId": noor})
    assert r.status_code == 200 and r.json()["contact"]["name"] == "Noor de Wit"
    assert (
        third.patch(
            f"{base}/initiatives/{side['id']}/participants/{demo['41234']}", json={"contactPersonId": None}
        ).status_code
        == 403
    )
    # a keeper from another board keeps the programme, but not the lead board's registry
    derde = db.execute(sa.select(User.id).where(User.email == THIRD)).scalar_one()
    lead = login(LEAD)
    assert lead.post(f"{base}/admins", json={"userId": derde}).status_code == 201
    third = login(THIRD)
    assert third.patch(base, json={"description": "Samen"}).status_code == 200
    partner = db.execute(
        sa.text("SELECT id FROM partner WHERE name = 'Bibliotheek Zuid-Kennemerland'")
    ).scalar()
    partner = partner or db.execute(sa.text("SELECT id FROM partner ORDER BY id LIMIT 1")).scalar()
    r = third.post(f"{base}/partnerships", json={"partnerId": partner})
    assert r.status_code == 403 and "Bibliotheek" not in r.text
    # an emptied join date is a 400, not a 500
    member = next(m for m in login(LEAD).get(f"{base}/members").json() if m["boardId"] == demo["61234"])
    r = login(LEAD).patch(f"{base}/members/{member['id']}", json={"joinedOn": None, "leftOn": "2030-01-01"})
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "joinedOn"


def test_a_board_that_leaves_takes_its_contacts_off_the_shared_partnership(login, demo, db):
    """The shared partnership shows the contacts of boards that are members today: a board that
    left no longer shows its people to the others (the assignment itself is kept)."""
    from spil.people.models import Person, RoleAssignment

    lead = login(LEAD)
    rap = programme(lead)
    shared = lead.get(f"/regional-programmes/{rap['id']}/partnerships").json()
    noor = db.execute(sa.select(Person.id).where(Person.name == "Noor de Wit")).scalar_one()
    third = login(THIRD)
    r = third.post(
        "/role-assignments",
        json={"personId": noor, "role": "partnership-contact", "partnershipId": shared[0]["id"]},
    )
    assert r.status_code == 201, r.text
    assignment = r.json()["id"]
    path = f"/partnerships/{shared[0]['id']}"
    lead = login(LEAD)
    names = [c["personName"] for c in lead.get(path).json()["internalContacts"]]
    assert "Noor de Wit" in names
    members = {m["boardName"]: m for m in lead.get(f"/regional-programmes/{rap['id']}/members").json()}
    member_path = f"/regional-programmes/{rap['id']}/members/{members['Stichting Derde Demo']['id']}"
    assert lead.patch(member_path, json={"leftOn": clock.today().isoformat()}).status_code == 200
    names = [c["personName"] for c in lead.get(path).json()["internalContacts"]]
    assert "Noor de Wit" not in names, names
    assert db.get(RoleAssignment, assignment) is not None  # the history is kept
