"""A person's rights over their data: access (export), erasure, and the retention purge."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import sqlalchemy as sa

from spil.kit import clock, personal_data
from spil.kit.audit import AuditEvent
from spil.people.models import Person, RoleAssignment, RoleType

BOARD = "bestuur@demo.spil.nl"


def person_id(db, name):
    return db.execute(sa.select(Person.id).where(Person.name == name)).scalar_one()


def test_every_table_about_a_person_has_a_holder():
    """A new table with a person_id column must be reached by export and erasure."""
    import spil.models
    import spil.privacy.service  # noqa: F401  (every holder)
    from spil.kit.db import SQLModel

    covered = {t for h in personal_data.holders() for t in h.tables}
    with_person = {t.name for t in SQLModel.metadata.tables.values() if "person_id" in t.c}
    assert with_person, "no table refers to a person?"
    assert with_person <= covered, f"no personal-data holder for {sorted(with_person - covered)}"


def test_a_board_admin_exports_everything_about_a_key_person(login, db):
    fatima = person_id(db, "Fatima El Amrani")
    r = login(BOARD).get(f"/people/{fatima}/personal-data")
    assert r.status_code == 200, r.text
    data = r.json()
    assert data["person"]["name"] == "Fatima El Amrani"
    assert data["controller"] == "Stichting Spil Onderwijs" or data["controller"]
    records = data["records"]
    assert [a["roleCode"] for a in records["role-assignments"]] == ["key-person"]
    (agreement,) = records["volunteer-agreements"]
    assert agreement["payments"], "the ledger belongs to the export"
    assert {p["allowance"] for p in agreement["payments"]} >= {"160.00"}
    assert [item["displayName"] for item in records["key-person-listings"]] == ["Fatima"]
    assert records["key-person-activities"], "the demo logs activities with Fatima"
    assert isinstance(records["changes"], list)  # the demo is loaded without a trail
    trail = db.execute(
        sa.select(AuditEvent.action).where(AuditEvent.entity_type == "person", AuditEvent.entity_id == fatima)
    ).scalars()
    assert "export" in list(trail), "an export is audited"


@pytest.mark.parametrize(
    "account,status",
    [
        ("coordinator@demo.spil.nl", 403),
        ("directie@demo.spil.nl", 403),
        ("regio@demo.spil.nl", 404),
        ("bestuur@tweede.spil.nl", 404),
    ],
)
def test_only_the_managers_of_the_board_export_or_erase(login, db, account, status):
    fatima = person_id(db, "Fatima El Amrani")
    api = login(account)
    assert api.get(f"/people/{fatima}/personal-data").status_code == status
    r = api.post(f"/people/{fatima}/erasure", headers={"If-Match": '"v1"'})
    assert r.status_code == status, r.text


def test_erasure_anonymises_the_person_and_keeps_the_history(login, anon, db, demo):
    api = login(BOARD)
    fatima = person_id(db, "Fatima El Amrani")
    path = f"/people/{fatima}"
    assert api.post(f"{path}/erasure").status_code == 428  # blind: needs If-Match
    assert api.post(f"{path}/erasure", headers={"If-Match": '"v999"'}).status_code == 412
    payments_before = api.get("/allowance-payments", params={"personId": fatima, "pageSize": 100}).json()[
        "total"
    ]
    r = api.post(f"{path}/erasure", headers=api.current_etag(path))
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["name"] == personal_data.ERASED_NAME
    assert out["email"] is None and out["languages"] == [] and out["notes"] is None
    assert out["erasedOn"] == clock.today().isoformat()
    # the ledger stays (the board's fiscal record), the roles stay as history
    assert (
        api.get("/allowance-payments", params={"personId": fatima, "pageSize": 100}).json()["total"]
        == payments_before
    )
    assert api.get("/role-assignments", params={"personId": fatima}).json()["total"] >= 1
    # nothing readable is left: not the public page, not the agreement's texts, not the audit trail
    public = anon.get("/public/schools/12AB00/key-persons").text
    assert "Fatima" not in public
    agreement = api.get("/volunteer-agreements", params={"personId": fatima}).json()["items"][0]
    assert "benefitType" not in agreement or agreement.get("benefitType") is None
    events = db.execute(
        sa.select(AuditEvent.before, AuditEvent.after).where(
            AuditEvent.entity_type == "person", AuditEvent.entity_id == fatima
        )
    ).all()
    assert "Fatima" not in json.dumps([list(e) for e in events], ensure_ascii=False)
    assert "Fatima" not in api.get(f"{path}/personal-data").text
    # and it is final
    again = api.post(f"{path}/erasure", headers=api.current_etag(path))
    assert again.status_code == 409 and again.json()["type"] == "urn:spil:problem:already-erased"
    edit = api.patch(path, {"name": "Fatima El Amrani"})
    assert edit.status_code == 409, edit.text
    role = api.post(
        "/role-assignments", {"personId": fatima, "role": "key-person", "schoolId": demo["12AB00"]}
    )
    assert role.status_code == 400, role.text


def test_erasure_is_refused_while_the_person_holds_a_statutory_role(login, db):
    api = login(BOARD)
    vera = person_id(db, "Vera Vertrouwen")
    path = f"/people/{vera}"
    r = api.post(f"{path}/erasure", headers=api.current_etag(path))
    assert r.status_code == 409, r.text
    body = r.json()
    assert body["type"] == "urn:spil:problem:holds-statutory-role"
    assert "confidential counsellor" in body["detail"].lower() or "bullying" in body["detail"].lower()
    assert body["roles"]
    assert api.get(path).json()["name"] == "Vera Vertrouwen"  # nothing written


def _assignment(db, person, role, *, starts, ends, notes=None, board_id):
    role_type = db.execute(
        sa.select(RoleType).where(RoleType.code == role, RoleType.board_id.is_(None))
    ).scalar_one()
    a = RoleAssignment(
        person_id=person.id,
        role_type_id=role_type.id,
        board_id=board_id,
        starts_on=starts,
        ends_on=ends,
        notes=notes,
    )
    db.add(a)
    db.flush()
    return a


def test_the_retention_purge_erases_people_gone_for_longer_than_the_period(db, demo):
    from spil.privacy.service import purge

    today = clock.today()
    board = demo["41234"]
    long_gone = Person(board_id=board, name="Lang Geleden", email="lang@example.nl", notes="oud")
    recent = Person(board_id=board, name="Pas Vertrokken", email="pas@example.nl")
    still_here = Person(board_id=board, name="Nog Actief", email="actief@example.nl")
    db.add_all([long_gone, recent, still_here])
    db.flush()
    eight_years = today - dt.timedelta(days=8 * 366)
    old = _assignment(
        db,
        long_gone,
        "culture-coordinator",
        starts=eight_years - dt.timedelta(days=400),
        ends=eight_years,
        notes="vertrok naar Utrecht",
        board_id=board,
    )
    _assignment(
        db,
        recent,
        "culture-coordinator",
        starts=eight_years,
        ends=today - dt.timedelta(days=30),
        board_id=board,
    )
    _assignment(
        db,
        still_here,
        "culture-coordinator",
        starts=eight_years,
        ends=eight_years,
        notes="eerste",
        board_id=board,
    )
    _assignment(db, still_here, "culture-coordinator", starts=eight_years, ends=None, board_id=board)

    counts = purge(db, today)
    for p in (long_gone, recent, still_here):
        db.refresh(p)
    db.refresh(old)
    assert long_gone.name == personal_data.ERASED_NAME and long_gone.email is None
    assert old.notes is None
    assert recent.name == "Pas Vertrokken"
    assert still_here.name == "Nog Actief"  # an ended role long ago, but a current one
    assert counts["erased"] >= 1
    assert purge(db, today)["erased"] == 0  # idempotent


def test_a_board_sets_its_retention_period(login, demo, db):
    api = login(BOARD)
    path = f"/boards/{demo['41234']}"
    assert api.get(path).json()["retentionYears"] == 7
    r = api.patch(path, {"retentionYears": 0})
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "retentionYears"
    r = api.patch(path, {"retentionYears": 10})
    assert r.status_code == 200 and r.json()["retentionYears"] == 10
