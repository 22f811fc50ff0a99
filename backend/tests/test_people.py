"""People, role types and role assignments."""

from __future__ import annotations

import datetime as dt

import pytest

from spil.kit import clock


@pytest.fixture
def people(login):
    api = login("admin@demo.spil.nl")
    return {p["name"]: p["id"] for p in api.get("/people", params={"pageSize": 100}).json()["items"]}


def test_people_with_languages_and_board_wide_unique_email(login, demo):
    api = login("coordinator@demo.spil.nl")
    r = api.post(
        "/people",
        json={
            "boardId": demo["41234"],
            "name": "Amina Yusuf",
            "kind": "volunteer",
            "languages": ["so", "nl"],
            "email": "amina@example.org",
        },
    )
    assert r.status_code == 201
    dup = api.post(
        "/people", json={"boardId": demo["41234"], "name": "A. Yusuf", "email": "AMINA@example.org"}
    )
    assert dup.status_code == 409 and dup.json()["invalidParams"][0]["name"] == "email"
    # the same address in another board is another person
    other = login("bestuur@tweede.spil.nl")
    assert (
        other.post(
            "/people", json={"boardId": demo["51234"], "name": "Amina", "email": "amina@example.org"}
        ).status_code
        == 201
    )
    api = login("coordinator@demo.spil.nl")  # the test client holds one session at a time
    speakers = api.get("/people", params={"language": "ar"}).json()["items"]
    assert [p["name"] for p in speakers] == ["Fatima El Amrani"]
    assert (
        api.post("/people", json={"boardId": demo["41234"], "name": "X", "languages": ["Dutch"]}).status_code
        == 400
    )


def test_role_catalogue(login, demo):
    api = login("bestuur@demo.spil.nl")
    roles = {r["code"]: r for r in api.get("/role-types").json()}
    assert len(roles) == 17
    assert roles["anti-bullying-coordinator"]["requiredBy"] == "law"
    assert roles["key-person-supervisor"]["needsHours"] is True
    r = api.post(
        "/role-types",
        json={
            "boardId": demo["41234"],
            "code": "ict-coordinator",
            "nameNl": "ICT-coördinator",
            "nameEn": "ICT coordinator",
            "scopeLevel": "school",
        },
    )
    assert r.status_code == 201
    assert api.delete(f"/role-types/{roles['ib']['id']}").status_code == 403
    assert api.delete(f"/role-types/{r.json()['id']}").status_code == 204


def test_assignment_rules(login, demo, people):
    api = login("directie@demo.spil.nl")
    base = {"personId": people["Sanne de Vries"]}
    r = api.post("/role-assignments", json={**base, "role": "language-coordinator"})
    assert r.status_code == 400 and r.json()["type"].endswith("role-scope-mismatch")
    r = api.post("/role-assignments", json={**base, "role": "astronaut", "schoolId": demo["12AB00"]})
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "role"
    r = api.post(
        "/role-assignments",
        json={
            **base,
            "role": "language-coordinator",
            "schoolId": demo["12AB00"],
            "startsOn": "2026-08-01",
            "endsOn": "2026-01-01",
        },
    )
    assert r.status_code == 400
    r = api.post(
        "/role-assignments",
        json={
            **base,
            "role": "language-coordinator",
            "schoolId": demo["12AB00"],
            "hoursPerWeek": 3,
            "startsOn": "2026-08-01",
        },
    )
    assert r.status_code == 201, r.text
    assert r.json()["hoursPerWeek"] == 3 and r.json()["active"] is True
    # a school admin cannot assign roles at another school of the board
    r = api.post(
        "/role-assignments", json={**base, "role": "language-coordinator", "schoolId": demo["23CD00"]}
    )
    assert r.status_code == 400 or r.status_code == 403


def test_ending_an_assignment_keeps_history(login, demo):
    api = login("directie@demo.spil.nl")
    current = api.get("/role-assignments", params={"schoolId": demo["12AB00"], "role": "culture-coordinator"})
    assignment = current.json()["items"][0]
    path = f"/role-assignments/{assignment['id']}"
    yesterday = (clock.today() - dt.timedelta(days=1)).isoformat()
    r = api.patch(path, json={"endsOn": yesterday}, headers={"If-Match": api.get(path).headers["ETag"]})
    assert r.status_code == 200 and r.json()["active"] is False
    active = api.get(
        "/role-assignments",
        params={"schoolId": demo["12AB00"], "role": "culture-coordinator", "active": "true"},
    ).json()
    ended = api.get(
        "/role-assignments",
        params={"schoolId": demo["12AB00"], "role": "culture-coordinator", "active": "false"},
    ).json()
    assert active["total"] == 0 and ended["total"] == 1


def test_person_with_roles_cannot_be_deleted(login, people):
    api = login("bestuur@demo.spil.nl")
    assert api.delete(f"/people/{people['Chris Coördinator']}").status_code == 409


def test_organogram_nodes_and_edges(login, demo):
    api = login("lezer@demo.spil.nl")
    graph = api.get(f"/schools/{demo['12AB00']}/organogram").json()
    labels = {n["id"]: n for n in graph["nodes"]}
    assert any(
        n["type"] == "partner" and n["label"] == "Bibliotheek Zuid-Kennemerland" for n in graph["nodes"]
    )
    sanne = next(n for n in graph["nodes"] if n["label"] == "Sanne de Vries")
    assert "Cultuurcoördinator" in sanne["roles"]
    edge = next(e for e in graph["edges"] if e["source"] == sanne["id"] and e["type"] == "contact-for")
    assert labels[edge["target"]]["label"] == "Bibliotheek Zuid-Kennemerland"
    # the board-level external counsellor shows as well
    assert any(n["label"] == "Els Visser" for n in graph["nodes"])
    assert login("bestuur@tweede.spil.nl").get(f"/schools/{demo['12AB00']}/organogram").status_code == 404


def test_induction_overview_groups_by_level(login, demo):
    api = login("coordinator@demo.spil.nl")
    overview = api.get(f"/schools/{demo['12AB00']}/induction").json()
    levels = {lvl["level"]: [p["partnerName"] for p in lvl["partners"]] for lvl in overview["levels"]}
    assert levels["pupil"] == ["CJG Haarlem"]
    assert (
        "Bibliotheek Zuid-Kennemerland" in levels["group"]
        and "Kinderopvang Het Speelhuis" in levels["school"]
    )
    library = next(
        p for lvl in overview["levels"] for p in lvl["partners"] if p["partnerName"].startswith("Biblio")
    )
    assert [c["name"] for c in library["contacts"]] == ["Sanne de Vries", "Chris Coördinator"]


def test_a_colleague_picker_finds_people_with_their_roles_and_school(login, demo):
    """Issue 16, item 5: pickers search and tell two colleagues apart by role and school."""
    api = login("admin@demo.spil.nl")
    at_school = api.get("/people", params={"schoolId": demo["12AB00"], "pageSize": 100}).json()["items"]
    assert at_school
    for person in at_school:
        assert any(r["schoolId"] == demo["12AB00"] for r in person["currentRoles"]), person
    everyone = api.get("/people", params={"pageSize": 100}).json()
    assert everyone["total"] > len(at_school)
    someone = next(p for p in at_school if p["currentRoles"])
    role = next(r for r in someone["currentRoles"] if r["schoolId"] == demo["12AB00"])
    assert role["roleName"] and role["schoolName"] == "OBS De Spil" and role["roleCode"]
    found = api.get("/people", params={"q": someone["name"][:5].lower(), "schoolId": demo["12AB00"]}).json()
    assert someone["id"] in {p["id"] for p in found["items"]}
    single = api.get(f"/people/{someone['id']}").json()
    assert single["currentRoles"] == someone["currentRoles"]
    # an ended role is not a current one
    assignments = api.get("/role-assignments", params={"personId": someone["id"], "pageSize": 100}).json()[
        "items"
    ]
    active = [a for a in assignments if a["active"]]
    assert len(single["currentRoles"]) == len(active)
