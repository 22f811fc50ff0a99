"""The overview of a municipality or region across boards: the boards' own figures, no person."""

from __future__ import annotations

import csv
import io

import pytest

MUNICIPALITY = "gemeente@demo.spil.nl"
REGION = "regio@demo.spil.nl"
HAARLEM_SCHOOLS = {"12AB00", "23CD00", "78JK00"}


def overview(api, path, **params):
    r = api.get(path, params=params or None)
    assert r.status_code == 200, r.text
    return r.json()


def test_a_municipality_contact_reads_haarlem_across_both_boards(login, demo):
    api = login(MUNICIPALITY)
    data = overview(api, f"/municipalities/{demo['GM0392']}/overview")
    assert data["area"] == {
        "type": "municipality",
        "id": demo["GM0392"],
        "code": "GM0392",
        "name": "Haarlem",
        "kind": "municipality",
    }
    assert data["boards"] == 2 and data["schoolsTotal"] == 3
    assert {s["locationCode"] for s in data["schools"]["items"]} == HAARLEM_SCHOOLS
    school = next(s for s in data["schools"]["items"] if s["locationCode"] == "12AB00")
    assert school["routeFinderUrl"] == "/openbaar/scholen/12AB00/klachtenroutes"
    assert set(school["roles"]) == {r["roleCode"] for r in data["roles"]}
    assert data["periodFrom"] <= data["periodTo"] and data["computedAt"]


def test_role_coverage_equals_what_the_boards_gap_screens_count(login, demo):
    data = overview(login(MUNICIPALITY), f"/municipalities/{demo['GM0392']}/overview")
    gaps = {}
    for admin in ("bestuur@demo.spil.nl", "bestuur@tweede.spil.nl"):
        for g in login(admin).get("/gaps", params={"pageSize": 100}).json()["items"]:
            if g["kind"] in ("statutory-role-missing", "recommended-role-missing"):
                gaps.setdefault(g["details"]["role"], set()).add(g["schoolId"])
    haarlem = {s["id"] for s in data["schools"]["items"]}
    for role in data["roles"]:
        missing = {s["id"] for s in role["schoolsMissing"]}
        assert missing == gaps.get(role["roleCode"], set()) & haarlem, role["roleCode"]
        assert role["schoolsFilled"] + len(missing) == role["schoolsTotal"] == 3
    # the new school of the second board has no roles yet: it shows, by name, never a person
    ark = next(s for s in data["schools"]["items"] if s["locationCode"] == "78JK00")
    assert not any(ark["roles"].values())


def test_partnerships_by_category_equal_the_partnership_lists(login, demo):
    data = overview(login(MUNICIPALITY), f"/municipalities/{demo['GM0392']}/overview")
    haarlem = {s["id"] for s in data["schools"]["items"]}
    active = [
        p
        for admin in ("bestuur@demo.spil.nl", "bestuur@tweede.spil.nl")
        for p in login(admin).get("/partnerships", params={"pageSize": 100}).json()["items"]
        if p["schoolId"] in haarlem and p["status"] == "active"
    ]
    figures = data["partnerships"]
    assert figures["total"] == len(active) > 0
    counted = {c["categoryCode"]: c["partnerships"] for c in figures["byCategory"]}
    expected = {}
    for p in active:
        expected[p["categoryCode"]] = expected.get(p["categoryCode"], 0) + 1
    assert counted == expected
    assert sum(s["partnerships"] for s in data["schools"]["items"]) == len(active)


def test_small_numbers_of_key_persons_are_suppressed(login, demo):
    data = overview(login(MUNICIPALITY), f"/municipalities/{demo['GM0392']}/overview")
    kp = data["keyPersons"]
    assert kp["count"] is None and kp["countDisplay"] == "<5" and kp["languages"] == []
    assert kp["schoolsWithKeyPersons"] == 2
    assert len(kp["perQuarter"]) == 4 and sum(q["activities"] for q in kp["perQuarter"]) >= 1
    cases = data["confidentialCases"]
    assert {c["display"] for c in cases["perArea"]} <= {"0", "<5"} | {str(n) for n in range(5, 1000)}


def test_the_school_list_pages_and_filters(login, demo):
    api = login(MUNICIPALITY)
    path = f"/municipalities/{demo['GM0392']}/overview"
    first = overview(api, path, pageSize=2)
    assert first["schools"]["total"] == 3 and len(first["schools"]["items"]) == 2
    second = overview(api, path, pageSize=2, page=2)
    assert len(second["schools"]["items"]) == 1
    only = overview(api, path, boardId=demo["51234"])
    assert [s["locationCode"] for s in only["schools"]["items"]] == ["78JK00"]
    assert only["schoolsTotal"] == 3  # the figures are the area's; the filter is for the list


def test_a_region_contact_reads_its_region(login, demo):
    data = overview(login(REGION), f"/regions/{demo['AM37']}/overview")
    assert data["area"]["kind"] == "labour-market"
    # Haarlem, Heemstede and Zandvoort (the third board's school)
    assert {s["locationCode"] for s in data["schools"]["items"]} == HAARLEM_SCHOOLS | {"45EF00", "89LM00"}


@pytest.mark.parametrize(
    "account,path",
    [
        (MUNICIPALITY, "/municipalities/{GM0344}/overview"),  # another municipality
        (MUNICIPALITY, "/regions/{AM37}/overview"),  # the region around it
        (REGION, "/municipalities/{GM0344}/overview"),  # outside the region
        ("bestuur@demo.spil.nl", "/municipalities/{GM0392}/overview"),  # a board reads its board
        ("coordinator@demo.spil.nl", "/regions/{AM37}/overview"),
    ],
)
def test_an_overview_outside_ones_area_is_404(login, demo, account, path):
    r = login(account).get(path.format(**demo))
    assert r.status_code == 404, r.text


@pytest.mark.parametrize(
    "path",
    [
        "/people",
        "/role-assignments",
        "/partnerships",
        "/volunteer-agreements",
        "/schools/{12AB00}/organogram",
        "/people/{person}",
    ],
)
def test_a_municipality_contact_gets_no_internal_lists(login, demo, db, path):
    import sqlalchemy as sa

    from spil.people.models import Person

    person = db.execute(sa.select(Person.id).limit(1)).scalar()
    r = login(MUNICIPALITY).get(path.format(person=person, **demo))
    if "{" in path:
        assert r.status_code == 404, r.text
    else:
        assert r.status_code in (200, 404) and (r.status_code == 404 or r.json()["total"] == 0), r.text


def test_the_overview_exports_as_csv_and_xlsx(login, demo):
    api = login(MUNICIPALITY)
    r = api.get(f"/municipalities/{demo['GM0392']}/overview/export")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["vestiging", "school", "sector"]
    assert {row[0] for row in rows[1:]} == HAARLEM_SCHOOLS
    x = api.get(f"/municipalities/{demo['GM0392']}/overview/export", params={"format": "xlsx"})
    assert x.status_code == 200 and x.content[:2] == b"PK"
    assert api.get(f"/regions/{demo['AM37']}/overview/export").status_code == 404


def test_indicators_roll_up_to_the_municipality(login, demo):
    api = login(MUNICIPALITY)
    r = api.get("/indicators/parent-contacts/series", params={"scope": f"municipality:{demo['GM0392']}"})
    assert r.status_code == 200, r.text
    assert r.json()["scopeName"] == "Haarlem" and r.json()["scope"] == f"municipality:{demo['GM0392']}"
    other = api.get("/indicators/parent-contacts/series", params={"scope": f"municipality:{demo['GM0344']}"})
    assert other.status_code == 404
    school = api.get("/indicators/parent-contacts/series", params={"scope": f"school:{demo['12AB00']}"})
    assert school.status_code == 404  # never a single school's figures


def test_an_api_key_bound_to_the_municipality_reads_the_overview(login, client, demo):
    key = login("admin@demo.spil.nl").post(
        "/api-clients",
        {"name": "Gemeente Haarlem LEA", "scopes": ["organisations:read"], "municipalityId": demo["GM0392"]},
    )
    assert key.status_code == 201, key.text
    headers = {"Authorization": f"Bearer {key.json()['key']}"}
    client.cookies.clear()
    r = client.get(f"/api/v1/municipalities/{demo['GM0392']}/overview", headers=headers)
    assert r.status_code == 200 and r.json()["schoolsTotal"] == 3
    assert client.get(f"/api/v1/municipalities/{demo['GM0344']}/overview", headers=headers).status_code == 404
