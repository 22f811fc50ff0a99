"""The map: the 342 municipalities of 2026, regions of every kind, a later year's CBS list."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import sqlalchemy as sa

from spil.organisations import cbs
from spil.organisations.models import Municipality, Region

ADMIN = "admin@demo.spil.nl"
SHIPPED = Path(__file__).resolve().parents[1] / "spil" / "organisations" / "data" / "municipalities-2026.csv"


def test_the_municipalities_of_2026_are_shipped_with_their_region(login, demo):
    api = login("bestuur@demo.spil.nl")
    everything = api.get("/municipalities", params={"pageSize": 100}).json()
    assert everything["total"] == 342
    haarlem = api.get(f"/municipalities/{demo['GM0392']}").json()
    assert (haarlem["name"], haarlem["province"], haarlem["endedOn"]) == ("Haarlem", "Noord-Holland", None)
    region = api.get(f"/regions/{haarlem['regionId']}").json()
    assert region["kind"] == "labour-market" and region["code"] == "AM37"
    assert region["municipalityCount"] >= 5  # Haarlem, Heemstede, Zandvoort, Bloemendaal, IJmond ...
    assert api.get("/regions", params={"kind": "labour-market"}).json()["total"] == 35
    assert [r["kind"] for r in haarlem["regions"]] == ["education-region"]  # the demo's


def test_the_platform_admin_keeps_regions_of_other_kinds(login, demo):
    api = login(ADMIN)
    body = {"kind": "youth-care", "code": "jr-zk", "name": "Jeugdregio Zuid-Kennemerland"}
    r = api.post("/regions", {**body, "municipalityIds": [demo["GM0392"], demo["GM0397"]]})
    assert r.status_code == 201, r.text
    region = r.json()
    assert region["code"] == "JR-ZK" and region["municipalityCount"] == 2
    assert api.post("/regions", body).status_code == 409  # same kind and code
    path = f"/regions/{region['id']}"
    members = [m["code"] for m in api.get(f"{path}/municipalities").json()]
    assert members == ["GM0392", "GM0397"]
    # a municipality lies in at most one region of each kind
    other = api.post("/regions", {"kind": "youth-care", "code": "jr-x", "name": "X"}).json()
    taken = api.put(
        f"/regions/{other['id']}/municipalities",
        {"municipalityIds": [demo["GM0392"]]},
        headers=api.current_etag(f"/regions/{other['id']}"),
    )
    assert taken.status_code == 409, taken.text
    assert "Haarlem" in taken.json()["detail"] and "Jeugdregio Zuid-Kennemerland" in taken.json()["detail"]
    # but in one of every kind
    ggd = api.post(
        "/regions",
        {"kind": "ggd", "code": "ggd-k", "name": "GGD Kennemerland", "municipalityIds": [demo["GM0392"]]},
    )
    assert ggd.status_code == 201, ggd.text
    # the set is replaced as a whole, with If-Match
    assert api.put(f"{path}/municipalities", {"municipalityIds": [demo["GM0397"]]}).status_code == 428
    etag = api.current_etag(path)
    r = api.put(f"{path}/municipalities", {"municipalityIds": [demo["GM0397"]]}, headers=etag)
    assert r.status_code == 200 and r.json()["municipalityCount"] == 1
    assert r.headers["ETag"] != etag["If-Match"]
    unknown = api.put(f"{path}/municipalities", {"municipalityIds": [99999]}, headers=api.current_etag(path))
    assert unknown.status_code == 400 and unknown.json()["invalidParams"][0]["name"] == "municipalityIds.0"
    assert api.delete(path).status_code == 204
    assert api.get(path).status_code == 404


def test_labour_market_regions_follow_cbs(login, demo):
    api = login(ADMIN)
    am37 = api.get(f"/regions/{demo['AM37']}")
    fixed = api.put(
        f"/regions/{demo['AM37']}/municipalities",
        {"municipalityIds": [demo["GM0344"]]},
        headers={"If-Match": am37.headers["ETag"]},
    )
    assert fixed.status_code == 400, fixed.text
    assert api.patch(f"/regions/{demo['AM37']}", {"code": "AM99"}).status_code == 400
    assert api.delete(f"/regions/{demo['AM37']}").status_code == 409
    assert api.post("/regions", {"kind": "labour-market", "code": "AM99", "name": "X"}).status_code == 400


def test_a_region_with_contacts_is_not_deleted(login, demo, db):
    api = login(ADMIN)
    region = api.post(
        "/regions", {"kind": "ggd", "code": "g1", "name": "GGD", "municipalityIds": [demo["GM0392"]]}
    ).json()
    user = api.post(
        "/users",
        {
            "email": "ggd@example.nl",
            "name": "G",
            "password": "een-goed-wachtwoord",
            "memberships": [{"role": "region-contact", "regionId": region["id"]}],
        },
    )
    assert user.status_code == 201, user.text
    r = api.delete(f"/regions/{region['id']}")
    assert r.status_code == 409 and "rol" in r.json()["detail"]


def test_a_contact_of_an_education_region_reads_its_schools_only(login, demo, db):
    api = login(ADMIN)
    region = db.execute(sa.select(Region).where(Region.kind == "education-region")).scalar_one()
    r = api.post(
        "/users",
        {
            "email": "onderwijsregio@example.nl",
            "name": "O",
            "password": "een-goed-wachtwoord",
            "memberships": [{"role": "region-contact", "regionId": region.id}],
        },
    )
    assert r.status_code == 201, r.text
    contact = login("onderwijsregio@example.nl", "een-goed-wachtwoord")
    codes = {s["locationCode"] for s in contact.get("/schools").json()["items"]}
    # Haarlem, Heemstede and Zandvoort, all three boards
    assert codes == {"12AB00", "23CD00", "45EF00", "78JK00", "89LM00"}
    assert contact.get("/people").json()["total"] == 0


def test_municipality_contacts_and_keys_are_bound_to_one_municipality(login, demo):
    api = login(ADMIN)
    wrong = api.post(
        "/users",
        {
            "email": "x@example.nl",
            "name": "X",
            "password": "een-goed-wachtwoord",
            "memberships": [{"role": "municipality-contact", "boardId": demo["41234"]}],
        },
    )
    assert wrong.status_code == 400 and wrong.json()["invalidParams"][0]["code"] == "role-scope-mismatch"
    key = api.post(
        "/api-clients",
        {"name": "Gemeente Haarlem", "scopes": ["organisations:read"], "municipalityId": demo["GM0392"]},
    )
    assert key.status_code == 201, key.text
    assert key.json()["municipalityId"] == demo["GM0392"]
    writes = api.post(
        "/api-clients",
        {"name": "W", "scopes": ["organisations:write"], "municipalityId": demo["GM0392"]},
    )
    assert writes.status_code == 400
    board_admin = login("bestuur@demo.spil.nl")
    assert (
        board_admin.post(
            "/api-clients", {"name": "G", "scopes": ["organisations:read"], "municipalityId": demo["GM0392"]}
        ).status_code
        == 403
    )


def test_a_school_is_not_placed_in_an_ended_municipality(login, demo, db):
    haarlem = db.get(Municipality, demo["GM0392"])
    old = Municipality(
        code="GM9902", name="Oud-Gemeente", region_id=haarlem.region_id, province="Noord-Holland"
    )
    old.ended_on = dt.date(2025, 1, 1)
    old.successor_id = haarlem.id
    db.add(old)
    db.flush()
    api = login("bestuur@demo.spil.nl")
    r = api.patch(f"/schools/{demo['12AB00']}", {"municipalityId": old.id})
    assert r.status_code == 400, r.text
    assert "Haarlem (GM0392)" in r.json()["invalidParams"][0]["reason"]
    assert login(ADMIN).get("/municipalities", params={"current": "false"}).json()["total"] == 1


def _write(tmp_path, rows, extra=""):
    path = tmp_path / "list.csv"
    header = "cbs_code,name,labour_market_region,province" + (",predecessor_codes" if extra else "")
    path.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def _shipped_rows(skip=()):
    lines = SHIPPED.read_text(encoding="utf-8").splitlines()[1:]
    return [line for line in lines if line.split(",")[0] not in skip]


def test_a_later_years_list_adds_renames_and_ends_with_a_successor(db, demo, tmp_path):
    """Heemstede and Bloemendaal merge into a new municipality; Haarlem is renamed."""
    rows = [
        line.replace("GM0392,Haarlem", "GM0392,Haarlem (nieuw)") + ","
        for line in _shipped_rows(skip={"GM0397", "GM0377"})
    ]
    rows.append("GM1999,Zuid-Kennemerland,AM37,Noord-Holland,GM0397;GM0377")
    report = cbs.apply_list(db, cbs.read_list(_write(tmp_path, rows, extra=True)), dt.date(2027, 1, 1), {})
    assert report.added == ["GM1999"] and report.updated == ["GM0392"]
    assert sorted(report.ended) == [("GM0377", "GM1999"), ("GM0397", "GM1999")]
    heemstede = db.get(Municipality, demo["GM0397"])
    assert heemstede.ended_on == dt.date(2027, 1, 1) and heemstede.successor_id is not None
    # the school in Heemstede keeps its municipality: its history; nothing is deleted
    from spil.organisations.models import School

    assert (
        db.execute(sa.select(School.municipality_id).where(School.location_code == "45EF00")).scalar()
        == heemstede.id
    )
    assert db.execute(sa.select(sa.func.count()).select_from(Municipality)).scalar() == 343


def test_a_missing_municipality_needs_its_successor(db, tmp_path):
    path = _write(tmp_path, _shipped_rows(skip={"GM0397"}))
    rows = cbs.read_list(path)
    assert [m.code for m in cbs.missing_successors(db, rows)] == ["GM0397"]
    with pytest.raises(cbs.ListError, match="GM0397"):
        cbs.apply_list(db, rows, dt.date(2027, 1, 1), {})
    report = cbs.apply_list(db, rows, dt.date(2027, 1, 1), {"GM0397": "GM0392"})
    assert report.ended == [("GM0397", "GM0392")] and report.added == []


@pytest.mark.parametrize(
    "content,message",
    [
        ("cbs_code,name\nGM0001,X\n", "lacks the column"),
        ("cbs_code,name,labour_market_region,province\nXX01,X,AM01,P\n", "not a CBS municipality code"),
        ("cbs_code,name,labour_market_region,province\nGM0001,X,AM01,P\nGM0001,Y,AM01,P\n", "twice"),
    ],
)
def test_a_broken_list_is_refused(tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(cbs.ListError, match=message):
        cbs.read_list(path)


def test_the_command_applies_a_list(tmp_path, database_url, engine):
    """``spil update-municipalities`` end to end, on a database of its own."""
    import os
    import subprocess
    import sys

    from alembic import command

    from tests.conftest import alembic_config, scratch_database

    url = scratch_database(database_url, engine, "cbs")
    command.upgrade(alembic_config(url), "head")
    rows = _shipped_rows(skip={"GM0397"})
    path = _write(tmp_path, rows)
    env = {**os.environ, "SPIL_DATABASE_URL": url, "SPIL_ENV": "test"}
    cmd = [sys.executable, "-m", "spil.cli", "update-municipalities", str(path)]
    refused = subprocess.run(cmd, env=env, input="\n", capture_output=True, text=True, timeout=60)
    assert refused.returncode != 0
    done = subprocess.run(
        [*cmd, "--successor", "GM0397=GM0392", "--ended-on", "2027-01-01"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "1 ended" in done.stdout and "GM0397 ended; successor GM0392" in done.stdout
