"""Sync runs from school administration systems (issue 19): keys, modes, idempotency, ownership,
the large-removal guard, the runs kept, role-name mappings; and the change feed."""

from __future__ import annotations

import copy
import threading
from typing import Any

import pytest
import sqlalchemy as sa

from spil.kit import audit
from spil.people.models import Person, RoleAssignment
from spil.sync import mapping
from tests.conftest import Api

BOARD_ADMIN = "bestuur@demo.spil.nl"

# A ParnasSys-shaped export of OBS De Spil (12AB00) and De Regenboog (23CD00): three teachers, a
# director who is in Spil already (matched by e-mail), an IB'er with her hours.
PAYLOAD: dict[str, Any] = {
    "source": "parnassys",
    "mode": "snapshot",
    "people": [
        {"sourceId": "PS-1", "name": "Anna de Leeuw", "email": "anna.deleeuw@despil.nl"},
        {"sourceId": "PS-2", "name": "Bram Visser", "email": "bram.visser@despil.nl"},
        {
            "sourceId": "PS-3",
            "name": "Carla Jansen",
            "email": "carla.jansen@despil.nl",
            "phone": "023 555 0101",
        },
        {"sourceId": "PS-4", "name": "Dewi de Directeur", "email": "d.directeur@obsdespil.example"},
        {"sourceId": "PS-5", "name": "Els Bakker", "email": "els.bakker@despil.nl"},
        {"sourceId": "PS-6", "name": "Fenna de Groot"},
        {"sourceId": "PS-7", "name": "Gijs Mulder"},
        {"sourceId": "PS-8", "name": "Hanna Smit"},
    ],
    "roleAssignments": [
        {"personSourceId": "PS-1", "role": "Leerkracht", "locationCode": "12AB00"},
        {"personSourceId": "PS-2", "role": "groepsleerkracht", "locationCode": "12AB00"},
        {"personSourceId": "PS-3", "role": "Docent", "locationCode": "23CD00"},
        {
            "sourceId": "A-9",
            "personSourceId": "PS-5",
            "role": "Intern begeleider",
            "locationCode": "23CD00",
            "hoursPerWeek": 8,
            "startsOn": "2026-08-01",
        },
        {"personSourceId": "PS-5", "role": "Leerkracht", "locationCode": "23CD00"},
        {"personSourceId": "PS-6", "role": "Leerkracht", "locationCode": "12AB00"},
        {"personSourceId": "PS-7", "role": "Leerkracht", "locationCode": "12AB00"},
        {"personSourceId": "PS-8", "role": "Leerkracht", "locationCode": "23CD00"},
    ],
}


def key_for(login: Any, demo: dict[str, int], scopes: list[str], board: str = "41234") -> dict[str, str]:
    r = login(BOARD_ADMIN if board == "41234" else "admin@demo.spil.nl").post(
        "/api-clients", {"name": "ParnasSys koppeling", "scopes": scopes, "boardId": demo[board]}
    )
    assert r.status_code == 201, r.text
    return {"Authorization": f"Bearer {r.json()['key']}"}


@pytest.fixture
def system(login: Any, client: Any, demo: dict[str, int]) -> Api:
    headers = key_for(login, demo, ["sync:write", "people:read", "organisations:read", "partners:read"])
    client.cookies.clear()
    return Api(client, headers=headers)


def sync(api: Api, payload: dict[str, Any], **params: Any) -> Any:
    query = {k: ("true" if v is True else "false" if v is False else v) for k, v in params.items()}
    return api.post("/sync-runs", payload, params=query)


def counts(r: Any) -> dict[str, dict[str, int]]:
    body = r.json()
    return (body.get("syncRun") or body)["counts"]


def test_normalise_titles():
    assert mapping.normalise("  Zorg-Coördinator ") == "zorg-coordinator"
    assert mapping.normalise("Intern   Begeleider") == "intern begeleider"
    assert mapping.DEFAULT_ROLE_NAMES[mapping.normalise("Leerkracht")] == "teacher"


def test_a_parnassys_payload_creates_the_staff_and_roles_and_again_changes_nothing(system, db, demo):
    events_before = db.scalar(sa.select(sa.func.count()).select_from(audit.AuditEvent))
    first = sync(system, PAYLOAD)
    assert first.status_code == 201, first.text
    assert first.headers["Location"] == f"/api/v1/sync-runs/{first.json()['id']}"
    c = counts(first)
    assert c["people"] == {"created": 7, "updated": 1, "unchanged": 0, "ended": 0, "failed": 0}
    assert c["roleAssignments"]["created"] == 8 and c["roleAssignments"]["failed"] == 0
    # the director existed (made by hand): matched by e-mail address, her name taken from the source
    dewi = db.execute(sa.select(Person).where(Person.email == "d.directeur@obsdespil.example")).scalar_one()
    assert dewi.name == "Dewi de Directeur"
    ib = db.execute(
        sa.select(RoleAssignment)
        .join(Person)
        .where(Person.email == "els.bakker@despil.nl", RoleAssignment.hours_per_week.is_not(None))
    ).scalar_one()
    assert float(ib.hours_per_week) == 8.0 and ib.starts_on.isoformat() == "2026-08-01"
    events_after_first = db.scalar(sa.select(sa.func.count()).select_from(audit.AuditEvent))
    assert events_after_first > events_before

    again = sync(system, PAYLOAD)
    assert again.status_code == 201, again.text
    c = counts(again)
    for collection in ("people", "roleAssignments"):
        assert c[collection]["created"] == c[collection]["updated"] == c[collection]["ended"] == 0
    assert c["people"]["unchanged"] == 8 and c["roleAssignments"]["unchanged"] == 8
    assert again.json()["changes"] == []
    assert db.scalar(sa.select(sa.func.count()).select_from(audit.AuditEvent)) == events_after_first


def test_a_snapshot_without_one_teacher_ends_that_teachers_assignment_and_nothing_else(
    system, db, login, demo
):
    assert sync(system, PAYLOAD).status_code == 201
    manual = login(BOARD_ADMIN).post(
        "/people", {"boardId": demo["41234"], "name": "Handmatig Gemaakt", "email": "hand@despil.nl"}
    )
    assert manual.status_code == 201
    without = copy.deepcopy(PAYLOAD)
    without["people"] = [p for p in without["people"] if p["sourceId"] != "PS-2"]
    without["roleAssignments"] = [a for a in without["roleAssignments"] if a["personSourceId"] != "PS-2"]
    r = sync(system, without)
    assert r.status_code == 201, r.text
    c = counts(r)
    assert c["people"]["ended"] == 1 and c["roleAssignments"]["ended"] == 1
    assert c["people"]["unchanged"] == 7 and c["roleAssignments"]["unchanged"] == 7
    # the diff names what ended in words, as it names what it creates: person, role, school
    ended_labels = sorted(x["label"] for x in r.json()["changes"] if x["action"] == "ended")
    assert ended_labels == ["Bram Visser", "Bram Visser: Leerkracht / docent (OBS De Spil)"], ended_labels
    db.expire_all()
    bram = db.execute(sa.select(Person).where(Person.email == "bram.visser@despil.nl")).scalar_one()
    assert bram.inactive_since is not None
    ended = db.execute(sa.select(RoleAssignment).where(RoleAssignment.person_id == bram.id)).scalar_one()
    assert ended.ends_on is not None  # ended, not deleted
    # the manual person and the director (made by hand, then matched) are untouched
    hand = db.execute(sa.select(Person).where(Person.email == "hand@despil.nl")).scalar_one()
    assert hand.inactive_since is None
    dewi = db.execute(sa.select(Person).where(Person.email == "d.directeur@obsdespil.example")).scalar_one()
    assert dewi.inactive_since is None
    # Bram comes back: current again
    back = sync(system, PAYLOAD)
    assert counts(back)["people"]["updated"] == 1 and counts(back)["roleAssignments"]["updated"] == 1
    db.expire_all()
    assert db.get(Person, bram.id).inactive_since is None and db.get(RoleAssignment, ended.id).ends_on is None


def test_a_dry_run_answers_the_diff_and_writes_nothing(system, db):
    people = db.scalar(sa.select(sa.func.count()).select_from(Person))
    r = sync(system, PAYLOAD, dryRun=True)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["status"] == "dry-run" and body["counts"]["people"]["created"] == 7
    created = [c for c in body["changes"] if c["action"] == "created"]
    assert created and all(c["id"] is None for c in created)
    updated = [c for c in body["changes"] if c["action"] == "updated"]
    assert updated[0]["fields"]["name"]["new"] == "Dewi de Directeur"
    assert db.scalar(sa.select(sa.func.count()).select_from(Person)) == people


def test_item_problems_name_index_and_field_and_write_nothing_unless_valid_only(system, db):
    bad = copy.deepcopy(PAYLOAD)
    bad["people"][1]["email"] = "not-an-address"
    bad["roleAssignments"][0]["role"] = "Conciërge"  # not mapped
    people = db.scalar(sa.select(sa.func.count()).select_from(Person))
    r = sync(system, bad)
    assert r.status_code == 400 and r.headers["content-type"].startswith("application/problem+json")
    names = {p["name"] for p in r.json()["invalidParams"]}
    assert {"people.1.email", "roleAssignments.0.role"} <= names
    unmapped = next(p for p in r.json()["invalidParams"] if p["name"] == "roleAssignments.0.role")
    assert unmapped["code"] == "unmapped-role" and "Conciërge" in unmapped["reason"]
    assert r.json()["syncRun"]["status"] == "rejected"
    assert db.scalar(sa.select(sa.func.count()).select_from(Person)) == people

    partly = sync(system, bad, validOnly=True)
    assert partly.status_code == 201, partly.text
    c = counts(partly)
    assert c["people"]["failed"] == 1 and c["people"]["created"] == 6
    # Bram's assignment refers to a person that failed: its own problem, not a guess
    assert c["roleAssignments"]["failed"] == 2


def test_a_board_mapping_maps_a_title_the_defaults_do_not_know(system, login, demo):
    admin = login(BOARD_ADMIN)
    added = admin.post(
        "/sync-role-mappings",
        {"boardId": demo["41234"], "source": "parnassys", "sourceName": "Conciërge", "roleType": "teacher"},
    )
    assert added.status_code == 201, added.text
    listed = admin.get("/sync-role-mappings", params={"boardId": demo["41234"]}).json()
    assert listed[0]["sourceName"] == "concierge" and not listed[0]["builtIn"]
    assert any(m["builtIn"] and m["sourceName"] == "leerkracht" for m in listed)
    assert (
        admin.post(
            "/sync-role-mappings",
            {
                "boardId": demo["41234"],
                "source": "parnassys",
                "sourceName": "concierge",
                "roleType": "teacher",
            },
        ).status_code
        == 409
    )
    payload = copy.deepcopy(PAYLOAD)
    payload["roleAssignments"][0]["role"] = "Conciërge"
    system.client.cookies.clear()
    assert sync(system, payload).status_code == 201
    admin = login(BOARD_ADMIN)
    assert admin.delete(f"/sync-role-mappings/{added.json()['id']}").status_code == 204


def test_a_snapshot_that_would_end_most_records_stops_and_asks(system, db):
    assert sync(system, PAYLOAD).status_code == 201
    empty = {"source": "parnassys", "mode": "snapshot", "people": [], "roleAssignments": []}
    r = sync(system, empty)
    assert r.status_code == 409 and r.json()["type"].endswith("large-removal")
    assert "7 van de 7 people" in r.json()["detail"] and "confirmLargeRemoval" in r.json()["detail"]
    db.expire_all()
    assert (
        db.scalar(sa.select(sa.func.count()).select_from(Person).where(Person.inactive_since.is_not(None)))
        == 0
    )
    confirmed = sync(system, empty, confirmLargeRemoval=True)
    assert confirmed.status_code == 201
    assert counts(confirmed)["people"]["ended"] == 7  # the director was made by hand: never ended


def test_an_upsert_never_ends_anything(system):
    assert sync(system, PAYLOAD).status_code == 201
    upsert = {"source": "parnassys", "people": PAYLOAD["people"][:1]}
    r = sync(system, upsert)
    assert (
        r.status_code == 201 and counts(r)["people"]["ended"] == 0 and counts(r)["people"]["unchanged"] == 1
    )


def test_another_source_never_ends_what_parnassys_made(system):
    assert sync(system, PAYLOAD).status_code == 201
    hr = {
        "source": "afas",
        "mode": "snapshot",
        "people": [{"sourceId": "E-1", "name": "Anna de Leeuw", "email": "anna.deleeuw@despil.nl"}],
    }
    r = sync(system, hr)
    assert r.status_code == 201, r.text
    assert counts(r)["people"] == {"created": 0, "updated": 0, "unchanged": 1, "ended": 0, "failed": 0}


def test_idempotency_key_replays_the_first_answer(system, db):
    headers = {"Idempotency-Key": "sync-2026-12-02-1"}
    first = system.post("/sync-runs", PAYLOAD, headers=headers)
    assert first.status_code == 201
    again = system.post("/sync-runs", PAYLOAD, headers=headers)
    assert again.status_code == 201 and again.headers.get("Idempotent-Replayed") == "true"
    assert again.json()["id"] == first.json()["id"] and again.json()["changes"] is None


def test_synced_fields_are_owned_by_the_source(system, login, db):
    assert sync(system, PAYLOAD).status_code == 201
    admin = login(BOARD_ADMIN)
    anna = db.execute(sa.select(Person).where(Person.email == "anna.deleeuw@despil.nl")).scalar_one()
    shown = admin.get(f"/people/{anna.id}").json()
    assert (
        shown["syncedFrom"]
        == {"source": "parnassys", "sourceLabel": "ParnasSys", "fields": ["email", "kind", "name", "phone"]}
        or shown["syncedFrom"]["source"] == "parnassys"
    )
    refused = admin.patch(f"/people/{anna.id}", {"name": "Anna van Dijk"})
    assert refused.status_code == 409 and "ParnasSys" in refused.json()["detail"]
    assert refused.json()["invalidParams"][0]["name"] == "name"
    # what the source does not send stays the school's to keep
    assert admin.patch(f"/people/{anna.id}", {"languages": ["nl", "en"]}).status_code == 200
    assignment = db.execute(sa.select(RoleAssignment).where(RoleAssignment.person_id == anna.id)).scalar_one()
    assert admin.patch(f"/role-assignments/{assignment.id}", {"endsOn": "2027-07-31"}).status_code == 409
    assert (
        admin.patch(f"/role-assignments/{assignment.id}", {"notes": "Ook bouwcoördinator"}).status_code == 200
    )


def test_runs_are_kept_and_read_by_board_admins_only(system, login, demo):
    run = sync(system, PAYLOAD).json()
    admin = login(BOARD_ADMIN)
    listed = admin.get("/sync-runs", params={"boardId": demo["41234"]})
    assert listed.status_code == 200 and listed.json()["items"][0]["id"] == run["id"]
    assert listed.json()["items"][0]["changes"] is None
    one = admin.get(f"/sync-runs/{run['id']}").json()
    assert len(one["changes"]) == 16 and one["actorLabel"]
    assert login("coordinator@demo.spil.nl").get(f"/sync-runs/{run['id']}").status_code == 404
    assert login("bestuur@tweede.spil.nl").get(f"/sync-runs/{run['id']}").status_code == 404


def test_a_key_without_sync_write_or_of_another_board_cannot_sync(login, client, demo):
    reader = key_for(login, demo, ["people:read"])
    client.cookies.clear()
    assert Api(client, headers=reader).post("/sync-runs", PAYLOAD).status_code == 403
    other = key_for(login, demo, ["sync:write"], board="51234")
    client.cookies.clear()
    r = Api(client, headers=other).post("/sync-runs", PAYLOAD, params={"boardId": demo["41234"]})
    assert r.status_code == 404
    # the other board's own run cannot name the first board's schools
    r = Api(client, headers=other).post("/sync-runs", PAYLOAD)
    assert r.status_code == 400
    assert any(
        p["code"] == "unknown-reference" and p["name"].endswith("locationCode")
        for p in r.json()["invalidParams"]
    )


def test_bad_frames_are_400(system):
    assert system.post("/sync-runs", {"source": "ParnasSys!"}).status_code == 400
    assert system.post("/sync-runs", {"source": "parnassys", "mode": "replace"}).status_code == 400
    assert system.post("/sync-runs", [1, 2]).status_code == 400
    r = system.client.post(
        "/api/v1/sync-runs", content=b"{nope", headers={**system.headers, "Content-Type": "application/json"}
    )
    assert r.status_code == 400


def test_schools_are_updated_by_location_code_and_another_boards_school_is_refused(system, db, demo):
    payload = {
        "source": "parnassys",
        "schools": [
            {"locationCode": "12AB00", "name": "OBS De Spil", "phone": "023 555 0199"},
            {
                "locationCode": "12AB01",
                "name": "OBS De Spil, dependance",
                "sector": "PO",
                "municipalityCode": "GM0392",
            },
            {"locationCode": "78JK00", "name": "Overname", "sector": "VO", "municipalityCode": "GM0392"},
            {"locationCode": "99ZZ00", "name": "Zonder gemeente", "sector": "PO"},
        ],
    }
    r = sync(system, payload, validOnly=True)
    assert r.status_code == 201, r.text
    c = counts(r)["schools"]
    assert c == {"created": 1, "updated": 1, "unchanged": 0, "ended": 0, "failed": 2}
    problems = {(p["index"], p["field"], p["code"]) for p in r.json()["problems"]}
    assert problems == {(2, "locationCode", "other-board"), (3, "municipalityCode", "required")}
    db.expire_all()
    from spil.organisations.models import School

    assert db.get(School, demo["12AB00"]).phone == "023 555 0199"
    assert db.get(School, demo["78JK00"]).name != "Overname"


# --- concurrency: real commits, real threads ------------------------------------------------------
def test_two_runs_at_once_are_serialised_never_mixed(live):
    # (no in-process fixtures here: the live server commits for real)
    admin = live.login(BOARD_ADMIN)
    key = admin.post(
        "/api-clients", json={"name": "ParnasSys", "scopes": ["sync:write"], "boardId": _board_id(live)}
    )
    assert key.status_code == 201, key.text
    import httpx

    results: list[Any] = []

    def run() -> None:
        with httpx.Client(
            base_url=live.base, timeout=120, headers={"Authorization": f"Bearer {key.json()['key']}"}
        ) as c:
            results.append(c.post("/sync-runs", json=PAYLOAD))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(r.status_code for r in results) == [201, 201], [r.text for r in results]
    created = sorted(r.json()["counts"]["people"]["created"] for r in results)
    assert created == [0, 7]  # one made them, the other found them all made
    with live.engine.connect() as conn:
        n = conn.execute(
            sa.text("SELECT count(*) FROM person WHERE email = 'anna.deleeuw@despil.nl'")
        ).scalar()
    assert n == 1


def _board_id(live: Any) -> int:
    with live.engine.connect() as conn:
        return int(conn.execute(sa.text("SELECT id FROM board WHERE number = '41234'")).scalar_one())


# --- the change feed --------------------------------------------------------------------------------
def test_the_change_feed_returns_changes_in_order_with_a_working_cursor(system, login, demo, db):
    start = system.get("/changes", params={"types": "person"})
    assert start.status_code == 200, start.text
    cursor = start.json()["nextCursor"]
    while start.json()["hasMore"]:
        start = system.get("/changes", params={"types": "person", "since": cursor})
        cursor = start.json()["nextCursor"]
    assert sync(system, PAYLOAD).status_code == 201
    page = system.get("/changes", params={"types": "person", "since": cursor, "limit": 5}).json()
    assert page["hasMore"] is True and len(page["items"]) == 5
    cursors = [int(i["cursor"]) for i in page["items"]]
    assert cursors == sorted(cursors) and cursors[0] > int(cursor)
    rest = system.get("/changes", params={"types": "person", "since": page["nextCursor"]}).json()
    items = page["items"] + rest["items"]
    assert rest["hasMore"] is False and len(items) == 8
    assert {i["change"] for i in items} == {"created", "updated"}
    anna = next(i for i in items if i["state"] and i["state"]["name"] == "Anna de Leeuw")
    assert anna["type"] == "person" and anna["state"]["syncedFrom"]["source"] == "parnassys"
    # nothing new: the same cursor again, no items
    idle = system.get("/changes", params={"types": "person", "since": rest["nextCursor"]}).json()
    assert idle["items"] == [] and idle["nextCursor"] == rest["nextCursor"]
    # a person made and removed by hand: a creation, then a tombstone
    admin = login(BOARD_ADMIN)
    made = admin.post("/people", {"boardId": demo["41234"], "name": "Tijdelijk"})
    assert admin.delete(f"/people/{made.json()['id']}").status_code == 204
    system.client.cookies.clear()
    later = system.get("/changes", params={"types": "person", "since": rest["nextCursor"]}).json()
    assert [(i["change"], i["tombstone"]) for i in later["items"]] == [("created", True), ("deleted", True)]


def test_the_feed_of_a_municipality_key_holds_no_person(login, client, demo, system):
    assert sync(system, PAYLOAD).status_code == 201
    key = login("admin@demo.spil.nl").post(
        "/api-clients",
        {
            "name": "Gemeente Haarlem",
            "scopes": ["organisations:read", "people:read"],
            "municipalityId": demo["GM0392"],
        },
    )
    assert key.status_code == 201, key.text
    client.cookies.clear()
    municipality = Api(client, headers={"Authorization": f"Bearer {key.json()['key']}"})
    feed = municipality.get("/changes", params={"limit": 500}).json()
    assert feed["types"] == ["board", "school"]
    assert all(i["type"] in ("board", "school") for i in feed["items"])
    text = str(feed)
    assert "Anna de Leeuw" not in text and "@" not in text.replace("@demo", "")
    assert municipality.get("/changes", params={"types": "person"}).json()["items"] == []


def test_bad_feed_parameters_are_400(system):
    assert system.get("/changes", params={"since": "abc"}).status_code == 400
    assert system.get("/changes", params={"types": "pupil"}).status_code == 400
    assert system.get("/changes", params={"limit": 0}).status_code == 400


def test_a_later_commit_always_gets_a_later_feed_number(live):
    """Two transactions write in one order and commit in the other: the feed follows the commits.
    (PostgreSQL runs them side by side; SQLite serialises writers, so there they commit in turn.)"""
    from sqlmodel import Session

    from spil.kit.db import begin_write

    postgres = live.engine.dialect.name == "postgresql"
    first, second = Session(live.engine), Session(live.engine)
    try:
        if not postgres:
            begin_write(first)
        audit.record(first, None, "update", "board", 1, board_id=1)
        first.flush()  # the lower id
        if postgres:
            audit.record(second, None, "update", "board", 2, board_id=1)
            second.flush()
            second.commit()  # commits first
            first.commit()
        else:
            first.commit()
            begin_write(second)
            audit.record(second, None, "update", "board", 2, board_id=1)
            second.commit()
    finally:
        first.close()
        second.close()
    with live.engine.connect() as conn:
        rows = conn.execute(
            sa.text("SELECT entity_id, id, feed_seq FROM audit_event ORDER BY id DESC LIMIT 2")
        ).all()
    seq = {entity: feed for entity, _id, feed in rows}
    ids = {entity: ident for entity, ident, _feed in rows}
    assert ids[1] < ids[2]
    if postgres:
        assert seq[2] < seq[1]  # committed first, numbered first
    else:
        assert seq[1] < seq[2]


def test_the_feed_numbers_a_transactions_events_once_at_its_commit_not_per_savepoint(db, demo):
    """An import writes each row in a savepoint: the change feed's order is given once, when the
    transaction around them commits (not 5,000 times)."""
    from spil.kit.policy import Principal

    admin = Principal(kind="user", id=0, label="test", is_platform_admin=True)
    events = []
    for n in range(3):
        with db.begin_nested():
            events.append(audit.record(db, admin, "create", "person", 900000 + n, after={"name": f"P{n}"}))
    db.flush()
    table = audit.AuditEvent.__table__
    ids = [e.id for e in events]

    def numbers() -> list[int | None]:
        return [db.execute(sa.select(table.c.feed_seq).where(table.c.id == i)).scalar_one() for i in ids]

    assert numbers() == [None, None, None]  # the savepoints numbered nothing
    db.commit()
    given = numbers()
    assert None not in given and given == sorted(given) and len(set(given)) == 3
