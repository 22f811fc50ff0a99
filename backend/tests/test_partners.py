"""Partners, partnerships, bottlenecks: rules, scope, concurrency."""

from __future__ import annotations

import pytest


@pytest.fixture
def ids(demo, login):
    api = login("admin@demo.spil.nl")
    partners = {p["name"]: p["id"] for p in api.get("/partners", params={"pageSize": 100}).json()["items"]}
    partnerships = {
        (p["partnerName"], p["schoolId"]): p["id"]
        for p in api.get("/partnerships", params={"pageSize": 100}).json()["items"]
    }
    people = {p["name"]: p["id"] for p in api.get("/people", params={"pageSize": 100}).json()["items"]}
    return {**demo, "partners": partners, "partnerships": partnerships, "people": people}


def test_categories_are_shipped_and_boards_add_their_own(login, demo):
    api = login("bestuur@demo.spil.nl")
    codes = [c["code"] for c in api.get("/partner-categories").json()]
    assert len(codes) == 22 and {"library", "youth-care", "public-health", "other"} <= set(codes)
    r = api.post(
        "/partner-categories",
        json={"boardId": demo["41234"], "code": "museum", "nameNl": "Museum", "nameEn": "Museum"},
    )
    assert r.status_code == 201 and r.json()["boardId"] == demo["41234"]
    dup = api.post(
        "/partner-categories",
        json={"boardId": demo["41234"], "code": "library", "nameNl": "x", "nameEn": "x"},
    )
    assert dup.status_code == 409
    # another board neither sees nor can use it
    other = login("bestuur@tweede.spil.nl")
    assert "museum" not in [c["code"] for c in other.get("/partner-categories").json()]
    r = other.post("/partners", json={"boardId": demo["51234"], "name": "X", "category": "museum"})
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "category"


def test_coordinator_registers_a_partner_with_validation(login, demo):
    api = login("coordinator@demo.spil.nl")
    bad = api.post(
        "/partners",
        json={"boardId": demo["41234"], "name": "Sportclub", "category": "sport", "kvkNumber": "1234"},
    )
    assert bad.status_code == 400 and bad.json()["invalidParams"][0]["name"] == "kvkNumber"
    r = api.post(
        "/partners",
        json={
            "boardId": demo["41234"],
            "name": "Sportclub HFC",
            "category": "sport",
            "kvkNumber": "12345678",
            "municipalityId": demo["GM0392"],
        },
    )
    assert r.status_code == 201
    assert r.json()["categoryCode"] == "sport" and r.json()["municipalityName"] == "Haarlem"
    assert (
        login("lezer@demo.spil.nl")
        .post("/partners", json={"boardId": demo["41234"], "name": "X", "category": "sport"})
        .status_code
        == 403
    )


def test_a_kvk_number_belongs_to_one_partner_of_a_board(login, demo):
    """Issue 16: a duplicate KvK number is refused, naming the partner that has it; another board
    may register the same organisation."""
    api = login("coordinator@demo.spil.nl")
    first = api.post(
        "/partners",
        json={
            "boardId": demo["41234"],
            "name": "Sportclub HFC",
            "category": "sport",
            "kvkNumber": "87654321",
        },
    )
    assert first.status_code == 201
    again = api.post(
        "/partners",
        json={"boardId": demo["41234"], "name": "HFC Haarlem", "category": "sport", "kvkNumber": "87654321"},
    )
    assert again.status_code == 409 and again.json()["type"].endswith("duplicate-kvk")
    assert again.json()["existingPartnerId"] == first.json()["id"]
    assert again.json()["existingPartnerName"] == "Sportclub HFC"
    assert again.json()["invalidParams"][0]["name"] == "kvkNumber"
    other = api.post("/partners", json={"boardId": demo["41234"], "name": "Tennis", "category": "sport"})
    changed = api.patch(f"/partners/{other.json()['id']}", json={"kvkNumber": "87654321"})
    assert changed.status_code == 409 and changed.json()["existingPartnerId"] == first.json()["id"]
    # the partner itself keeps its number when it is edited
    assert api.patch(f"/partners/{first.json()['id']}", json={"kvkNumber": "87654321"}).status_code == 200
    elsewhere = login("bestuur@tweede.spil.nl").post(
        "/partners",
        json={
            "boardId": demo["51234"],
            "name": "Sportclub HFC",
            "category": "sport",
            "kvkNumber": "87654321",
        },
    )
    assert elsewhere.status_code == 201


def test_partner_search_and_filters(login, ids):
    api = login("bestuur@demo.spil.nl")
    assert api.get("/partners", params={"q": "bibliotheek"}).json()["total"] == 1
    assert api.get("/partners", params={"category": "youth-care"}).json()["items"][0]["name"] == "CJG Haarlem"
    assert (
        login("bestuur@tweede.spil.nl").get(f"/partners/{ids['partners']['CJG Haarlem']}").status_code == 404
    )


def test_partnership_with_a_partner_of_another_board_is_409(login, ids):
    api = login("admin@demo.spil.nl")
    r = api.post(
        "/partnerships", json={"schoolId": ids["12AB00"], "partnerId": ids["partners"]["Bibliotheek Utrecht"]}
    )
    assert r.status_code == 409 and r.json()["invalidParams"][0]["name"] == "partnerId"


def test_partnership_create_validate_and_filter(login, ids):
    api = login("coordinator@demo.spil.nl")
    body = {
        "schoolId": ids["12AB00"],
        "partnerId": ids["partners"]["GGD Kennemerland"],
        "levels": ["pupil"],
        "purposes": ["required-care"],
        "startDate": "2026-09-01",
        "endDate": "2026-08-01",
    }
    assert api.post("/partnerships", json=body).status_code == 400
    body["endDate"] = "2027-07-31"
    body["annualBudget"] = "1200.505"
    r = api.post("/partnerships", json=body)
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "annualBudget"
    body["annualBudget"] = 1200.5
    body["externalContacts"] = [{"name": "Jeugdarts Noor", "email": "noor@ggd.example"}]
    r = api.post("/partnerships", json=body)
    assert r.status_code == 201, r.text
    created = r.json()
    assert created["annualBudget"] == "1200.50" and created["externalContacts"][0]["name"] == "Jeugdarts Noor"
    pupil = api.get("/partnerships", params={"schoolId": ids["12AB00"], "level": "pupil"}).json()
    assert {p["partnerName"] for p in pupil["items"]} == {"CJG Haarlem", "GGD Kennemerland"}
    assert pupil["total"] == 2
    # a coordinator of one school cannot add a partnership for another
    other = dict(body, schoolId=ids["23CD00"])
    assert api.post("/partnerships", json=other).status_code == 400  # not in scope: unknown school


def test_concurrent_edits_of_a_partnership_second_gets_412(login, ids):
    a = login("coordinator@demo.spil.nl")
    path = f"/partnerships/{ids['partnerships'][('CJG Haarlem', ids['12AB00'])]}"
    etag = a.get(path).headers["ETag"]
    first = a.patch(path, json={"notes": "Vaste spreekuren op dinsdag."}, headers={"If-Match": etag})
    assert first.status_code == 200
    second = a.patch(path, json={"status": "paused"}, headers={"If-Match": etag})
    assert second.status_code == 412
    now = a.get(path).json()
    assert now["notes"] == "Vaste spreekuren op dinsdag." and now["status"] == "active"


def test_bottlenecks_are_logged_and_resolved(login, ids):
    api = login("coordinator@demo.spil.nl")
    pid = ids["partnerships"][("Bibliotheek Zuid-Kennemerland", ids["12AB00"])]
    r = api.post(
        f"/partnerships/{pid}/bottlenecks",
        json={"kind": "staff-turnover", "occurredOn": "2026-10-01", "note": "Nieuwe leesconsulent"},
    )
    assert r.status_code == 201
    bad = api.post(f"/partnerships/{pid}/bottlenecks", json={"kind": "weather", "occurredOn": "2026-10-01"})
    assert bad.status_code == 400
    done = api.patch(f"/partnerships/{pid}/bottlenecks/{r.json()['id']}", json={"resolved": True})
    assert done.json()["resolved"] is True
    detail = api.get(f"/partnerships/{pid}").json()
    assert detail["bottlenecks"][0]["kind"] == "staff-turnover"


def test_partner_in_use_cannot_be_deleted(login, ids):
    api = login("bestuur@demo.spil.nl")
    assert api.delete(f"/partners/{ids['partners']['CJG Haarlem']}").status_code == 409


def test_an_internal_contact_is_ended_with_the_etag_of_its_assignment(login, ids):
    """The partnership lists its contacts with the assignment's ETag: ending one from that list is
    a change with If-Match, refused (412) when the assignment changed since."""
    api = login("coordinator@demo.spil.nl")
    path = f"/partnerships/{ids['partnerships'][('CJG Haarlem', ids['12AB00'])]}"
    contact = api.get(path).json()["internalContacts"][0]
    assignment = f"/role-assignments/{contact['assignmentId']}"
    assert contact["etag"] == api.get(assignment).headers["ETag"]
    moved = api.patch(assignment, {"notes": "Ook voor de buitenschoolse opvang."})
    assert moved.status_code == 200, moved.text
    stale = api.patch(assignment, {"endsOn": "2099-12-31"}, headers={"If-Match": contact["etag"]})
    assert stale.status_code == 412, stale.text
    fresh = api.get(path).json()["internalContacts"][0]
    assert fresh["etag"] == moved.headers["ETag"]
    ended = api.patch(assignment, {"endsOn": "2099-12-31"}, headers={"If-Match": fresh["etag"]})
    assert ended.status_code == 200, ended.text


def test_a_new_partnership_gets_its_first_contact_in_the_same_request(login, ids):
    """Issue 16, item 5: the form asks for the first internal contact, so that a new partnership is
    not an urgent gap the moment it is saved; a wrong contact writes nothing at all."""
    api = login("coordinator@demo.spil.nl")
    mine = {p["id"] for p in api.get("/people", params={"pageSize": 100}).json()["items"]}
    others = set(ids["people"].values()) - mine
    assert mine and others
    body = {"schoolId": ids["12AB00"], "partnerId": ids["partners"]["GGD Kennemerland"], "levels": ["pupil"]}
    before = api.get("/partnerships", params={"schoolId": ids["12AB00"]}).json()["total"]

    wrong = api.post("/partnerships", json={**body, "firstContact": {"personId": min(others)}})
    assert wrong.status_code == 400, wrong.text
    assert [p["name"] for p in wrong.json()["invalidParams"]] == ["firstContact.personId"]
    assert api.get("/partnerships", params={"schoolId": ids["12AB00"]}).json()["total"] == before

    person = min(mine)
    r = api.post("/partnerships", json={**body, "firstContact": {"personId": person, "hoursPerWeek": 1.5}})
    assert r.status_code == 201, r.text
    created = r.json()
    assert [c["personId"] for c in created["internalContacts"]] == [person]
    assignment = api.get(f"/role-assignments/{created['internalContacts'][0]['assignmentId']}").json()
    assert assignment["roleCode"] == "partnership-contact" and assignment["hoursPerWeek"] == 1.5
    assert assignment["partnershipId"] == created["id"] and assignment["schoolId"] == ids["12AB00"]

    # without one, the partnership is an urgent gap at once (the form warns about exactly this)
    bare = api.post(
        "/partnerships", json={**body, "partnerId": ids["partners"]["Bibliotheek Zuid-Kennemerland"]}
    )
    assert bare.status_code == 201, bare.text

    def gap_kinds(partnership_id):
        gaps = api.get("/gaps", params={"schoolId": ids["12AB00"], "pageSize": 100}).json()["items"]
        return {
            g["kind"]
            for g in gaps
            if g["subject"] == {**g["subject"], "type": "partnership", "id": partnership_id}
        }

    assert "no-internal-contact" not in gap_kinds(created["id"])
    assert "single-internal-contact" in gap_kinds(created["id"])
    assert "no-internal-contact" in gap_kinds(bare.json()["id"])
