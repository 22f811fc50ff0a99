"""Boards, schools and municipalities: CRUD within scope, duplicates, ETags, idempotency, audit."""

from __future__ import annotations

import pytest

NEW_SCHOOL = {
    "locationCode": "98ZZ00",
    "name": "IKC De Brug",
    "sector": "PO",
    "street": "Zijlweg",
    "houseNumber": "3",
    "postalCode": "2013dj",
    "city": "Haarlem",
    "email": "Info@DeBrug.example",
    "website": "https://debrug.example",
}


def test_regions_are_shipped(login):
    api = login("lezer@demo.spil.nl")
    body = api.get("/labour-market-regions", params={"pageSize": 100}).json()
    assert body["total"] == 35
    codes = {r["code"]: r["name"] for r in body["items"]}
    assert codes["AM18"] == "Groot Amsterdam" and codes["AM37"] == "Zuid-Kennemerland en IJmond"


def test_board_admin_creates_a_school_in_its_board(login, demo):
    api = login("bestuur@demo.spil.nl")
    r = api.post("/schools", json={**NEW_SCHOOL, "boardId": demo["41234"], "municipalityId": demo["GM0392"]})
    assert r.status_code == 201, r.text
    school = r.json()
    assert school["postalCode"] == "2013 DJ" and school["email"] == "info@debrug.example"
    assert school["brin"] == "98ZZ" and school["boardName"] == "Stichting Spil Demo"
    assert r.headers["Location"] == f"/api/v1/schools/{school['id']}"
    assert r.headers["ETag"] == '"v1"'
    events = api.get("/audit-events", params={"entityType": "school", "entityId": school["id"]}).json()
    assert events["items"][0]["action"] == "create"
    assert events["items"][0]["actorLabel"] == "bestuur@demo.spil.nl"


def test_duplicate_location_code_is_409_and_nothing_written(login, demo):
    api = login("bestuur@demo.spil.nl")
    r = api.post(
        "/schools",
        json={
            **NEW_SCHOOL,
            "locationCode": "12ab00",
            "boardId": demo["41234"],
            "municipalityId": demo["GM0392"],
        },
    )
    assert r.status_code == 409
    assert r.json()["invalidParams"][0]["name"] == "locationCode"
    assert api.get("/schools").json()["total"] == 3


def test_invalid_codes_are_400_with_the_fields(login, demo):
    api = login("bestuur@demo.spil.nl")
    r = api.post(
        "/schools",
        json={
            **NEW_SCHOOL,
            "locationCode": "12AB",
            "postalCode": "12345",
            "sector": "MBO",
            "website": "ftp://x",
            "boardId": demo["41234"],
            "municipalityId": demo["GM0392"],
        },
    )
    assert r.status_code == 400
    assert {p["name"] for p in r.json()["invalidParams"]} == {
        "locationCode",
        "postalCode",
        "sector",
        "website",
    }


def test_unknown_or_foreign_references_are_400(login, demo):
    api = login("bestuur@demo.spil.nl")
    r = api.post("/schools", json={**NEW_SCHOOL, "boardId": demo["51234"], "municipalityId": demo["GM0392"]})
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "boardId"
    r = api.post("/schools", json={**NEW_SCHOOL, "boardId": demo["41234"], "municipalityId": 999999})
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "municipalityId"


def test_update_with_etag_and_stale_if_match_is_412(login, demo):
    api = login("directie@demo.spil.nl")
    path = f"/schools/{demo['12AB00']}"
    first = api.get(path)
    etag = first.headers["ETag"]
    r = api.patch(path, json={"name": "OBS De Spil (hoofdlocatie)"}, headers={"If-Match": etag})
    assert r.status_code == 200 and r.headers["ETag"] != etag
    stale = api.patch(path, json={"name": "Oude naam"}, headers={"If-Match": etag})
    assert stale.status_code == 412
    assert stale.json()["type"].endswith("stale-record")
    assert api.get(path).json()["name"] == "OBS De Spil (hoofdlocatie)"


def test_required_fields_cannot_be_emptied(login, demo):
    api = login("directie@demo.spil.nl")
    r = api.patch(f"/schools/{demo['12AB00']}", json={"name": None})
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "name"
    r = api.patch(f"/schools/{demo['12AB00']}", json={"phone": None})
    assert r.status_code == 200 and r.json()["phone"] is None


def test_idempotency_key_replays_the_first_answer(login, demo):
    api = login("bestuur@demo.spil.nl")
    body = {**NEW_SCHOOL, "boardId": demo["41234"], "municipalityId": demo["GM0392"]}
    h = {"Idempotency-Key": "sis-import-2026-11-23-001"}
    first = api.post("/schools", json=body, headers=h)
    again = api.post("/schools", json=body, headers=h)
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert api.get("/schools").json()["total"] == 4
    other = api.post("/schools", json={**body, "name": "Andere school"}, headers=h)
    assert other.status_code == 409 and other.json()["type"].endswith("idempotency-key-reused")
    bad = api.post("/schools", json=body, headers={"Idempotency-Key": "has space"})
    assert bad.status_code == 400


def test_delete_school_then_404(login, demo):
    api = login("bestuur@demo.spil.nl")
    created = api.post(
        "/schools", json={**NEW_SCHOOL, "boardId": demo["41234"], "municipalityId": demo["GM0392"]}
    )
    path = f"/schools/{created.json()['id']}"
    assert api.delete(path, headers={"If-Match": '"v9"'}).status_code == 412
    assert api.delete(path).status_code == 204
    assert api.get(path).status_code == 404
    assert api.get("/audit-events", params={"action": "delete"}).json()["items"][0]["entityType"] == "school"


def test_board_lifecycle_for_platform_admin(login, demo):
    api = login("admin@demo.spil.nl")
    r = api.post(
        "/boards", json={"number": "12345", "name": "Stichting Nieuw", "municipalityId": demo["GM0344"]}
    )
    assert r.status_code == 201
    board = r.json()
    assert board["schoolCount"] == 0 and board["municipalityName"] == "Utrecht"
    assert api.post("/boards", json={"number": "12345", "name": "Dubbel"}).status_code == 409
    patched = api.patch(f"/boards/{board['id']}", json={"website": "https://nieuw.example"})
    assert patched.json()["website"] == "https://nieuw.example"
    assert api.delete(f"/boards/{demo['41234']}").status_code == 409  # still has schools
    assert api.delete(f"/boards/{board['id']}").status_code == 204


def test_board_admin_cannot_create_boards_but_edits_its_own(login, demo):
    api = login("bestuur@demo.spil.nl")
    assert api.post("/boards", json={"number": "12345", "name": "X"}).status_code == 403
    assert api.patch(f"/boards/{demo['41234']}", json={"phone": "023 555 0000"}).status_code == 200
    assert api.patch(f"/boards/{demo['51234']}", json={"phone": "023 555 0000"}).status_code == 404


def test_municipalities_are_managed_by_the_platform_admin(login, demo):
    admin = login("admin@demo.spil.nl")
    # Amsterdam is shipped (CBS 2026); a made-up code is added by hand
    assert (
        admin.post("/municipalities", json={"code": "GM0363", "name": "A", "regionId": 1}).status_code == 409
    )
    r = admin.post("/municipalities", json={"code": "gm9901", "name": "Proefgemeente", "regionId": 1})
    assert r.status_code == 201 and r.json()["code"] == "GM9901"
    assert (
        admin.post("/municipalities", json={"code": "GM363", "name": "A", "regionId": 1}).status_code == 400
    )
    assert admin.delete(f"/municipalities/{demo['GM0392']}").status_code == 409
    assert admin.delete(f"/municipalities/{r.json()['id']}").status_code == 204
    reader = login("lezer@demo.spil.nl")
    assert reader.get("/municipalities").json()["total"] == 342
    assert (
        reader.post("/municipalities", json={"code": "GM0001", "name": "A", "regionId": 1}).status_code == 403
    )


@pytest.mark.parametrize(
    "email,expected",
    [
        ("admin@demo.spil.nl", 6),
        ("bestuur@demo.spil.nl", 3),
        ("directie@demo.spil.nl", 1),
        ("lezer@demo.spil.nl", 3),
        ("regio@demo.spil.nl", 5),  # AM37: the Haarlem, Heemstede and Zandvoort schools of three boards
        ("gemeente@demo.spil.nl", 3),  # Haarlem: both boards' schools there
        ("bestuur@tweede.spil.nl", 2),
    ],
)
def test_each_account_sees_only_its_scope(login, email, expected):
    api = login(email)
    assert api.get("/schools").json()["total"] == expected


def test_second_board_gets_404_for_a_school_of_the_first(login, demo):
    api = login("bestuur@tweede.spil.nl")
    for path in (f"/schools/{demo['12AB00']}", f"/boards/{demo['41234']}"):
        r = api.get(path)
        assert r.status_code == 404
        assert "buiten wat u mag zien" in r.json()["detail"]
    assert api.patch(f"/schools/{demo['12AB00']}", json={"city": "X"}).status_code == 404
    assert api.delete(f"/schools/{demo['12AB00']}").status_code == 404
    assert api.get("/audit-events").json()["total"] == 0


def test_users_and_memberships_by_board_admin(login, demo):
    api = login("bestuur@demo.spil.nl")
    r = api.post(
        "/users",
        json={
            "email": "nieuw@demo.spil.nl",
            "name": "Nina Nieuw",
            "password": "een-goed-wachtwoord",
            "memberships": [{"role": "coordinator", "schoolId": demo["23CD00"]}],
        },
    )
    assert r.status_code == 201, r.text
    user = r.json()
    assert user["memberships"][0]["scopeName"] == "Basisschool De Regenboog"
    # wrong level, foreign board
    bad = api.post(
        f"/users/{user['id']}/memberships", json={"role": "school-admin", "boardId": demo["41234"]}
    )
    assert bad.status_code == 400 and bad.json()["type"].endswith("role-scope-mismatch")
    # another board's id and an id that does not exist get the same answer: no existence oracle
    foreign = api.post(f"/users/{user['id']}/memberships", json={"role": "viewer", "boardId": demo["51234"]})
    unknown = api.post(f"/users/{user['id']}/memberships", json={"role": "viewer", "boardId": 999999})
    assert foreign.status_code == unknown.status_code == 400
    assert foreign.json()["type"] == unknown.json()["type"] == "urn:spil:problem:unknown-reference"
    assert foreign.json()["detail"].replace(str(demo["51234"]), "N") == unknown.json()["detail"].replace(
        "999999", "N"
    )
    added = api.post(f"/users/{user['id']}/memberships", json={"role": "viewer", "boardId": demo["41234"]})
    assert added.status_code == 201 and len(added.json()["memberships"]) == 2
    dup = api.post(f"/users/{user['id']}/memberships", json={"role": "viewer", "boardId": demo["41234"]})
    assert dup.status_code == 409
    membership = added.json()["memberships"][1]["id"]
    assert api.delete(f"/users/{user['id']}/memberships/{membership}").status_code == 204
    # the new user logs in and sees one school
    nina = login("nieuw@demo.spil.nl", "een-goed-wachtwoord")
    assert nina.get("/schools").json()["total"] == 1
    # the other board cannot see this user
    other = login("bestuur@tweede.spil.nl")
    assert other.get(f"/users/{user['id']}").status_code == 404


def test_duplicate_user_email_is_409(login, demo):
    api = login("bestuur@demo.spil.nl")
    r = api.post(
        "/users",
        json={
            "email": "LEZER@demo.spil.nl",
            "name": "X",
            "password": "een-goed-wachtwoord",
            "memberships": [{"role": "viewer", "boardId": demo["41234"]}],
        },
    )
    assert r.status_code == 409


def test_audit_trail_records_before_and_after_in_camel_case(login, demo):
    api = login("bestuur@demo.spil.nl")
    api.patch(f"/schools/{demo['12AB00']}", json={"postalCode": "2023 CB"})
    event = api.get("/audit-events", params={"entityType": "school", "action": "update"}).json()["items"][0]
    assert event["before"] == {"postalCode": "2023 CA"}
    assert event["after"] == {"postalCode": "2023 CB"}
    assert event["schoolId"] == demo["12AB00"] and event["boardId"] == demo["41234"]
    # readable by board admins only: a viewer of the same board sees nothing
    assert login("lezer@demo.spil.nl").get("/audit-events").json()["total"] == 0


def test_password_change_is_audited_without_the_hash(login, demo):
    api = login("bestuur@demo.spil.nl")
    user_id = next(u["id"] for u in api.get("/users").json()["items"] if u["email"] == "lezer@demo.spil.nl")
    assert api.patch(f"/users/{user_id}", json={"password": "een-nieuw-wachtwoord"}).status_code == 200
    event = api.get("/audit-events", params={"entityType": "user", "entityId": user_id}).json()["items"][0]
    assert set(event["after"]) == {"passwordHash"}
    assert event["after"]["passwordHash"].startswith("secret:") and len(event["after"]["passwordHash"]) == 15
    assert event["before"]["passwordHash"] != event["after"]["passwordHash"]
    assert login("lezer@demo.spil.nl", "een-nieuw-wachtwoord").get("/schools").status_code == 200


def test_board_admin_cannot_take_over_an_account_with_roles_elsewhere(login, demo):
    admin = login("admin@demo.spil.nl")
    other_admin = next(
        u
        for u in admin.get("/users", params={"q": "tweede"}).json()["items"]
        if u["email"] == "bestuur@tweede.spil.nl"
    )
    r = admin.post(
        f"/users/{other_admin['id']}/memberships", json={"role": "viewer", "boardId": demo["41234"]}
    )
    assert r.status_code == 201
    board_admin = login("bestuur@demo.spil.nl")
    seen = board_admin.get(f"/users/{other_admin['id']}")
    assert seen.status_code == 200
    # only the shared board's role is shown, not where else the account works
    assert [m["scopeName"] for m in seen.json()["memberships"]] == ["Stichting Spil Demo"]
    for change in ({"password": "overgenomen-wachtwoord"}, {"isActive": False}, {"name": "X"}):
        r = board_admin.patch(f"/users/{other_admin['id']}", json=change)
        assert r.status_code == 403 and r.json()["type"].endswith("account-outside-your-boards")
    assert login("bestuur@tweede.spil.nl").get("/auth/session").status_code == 200


def test_an_email_in_use_elsewhere_gets_the_answer_of_one_in_use_here(login, demo):
    """A board admin learns nothing of accounts outside their boards from POST /users."""
    api = login("bestuur@demo.spil.nl")

    def create(email: str):
        return api.post(
            "/users",
            json={
                "email": email,
                "name": "X",
                "password": "een-goed-wachtwoord",
                "memberships": [{"role": "viewer", "boardId": demo["41234"]}],
            },
        )

    here, elsewhere = create("lezer@demo.spil.nl"), create("bestuur@tweede.spil.nl")
    assert here.status_code == elsewhere.status_code == 409
    assert here.json() | {"instance": None} == elsewhere.json() | {"instance": None}
    assert "tweede" not in elsewhere.text
