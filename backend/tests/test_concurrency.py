"""Concurrency with real commits and real threads, against a running app on both databases.

The other API tests run inside a transaction that is rolled back; here the app commits for
real (``LiveServer``), so that what two simultaneous requests do to each other is what happens in
production: one transaction per request, idempotent retries, SQLite's single writer.
"""

from __future__ import annotations

import threading
import uuid
from collections import Counter
from typing import Any

import sqlalchemy as sa

BOARD_ADMIN = "bestuur@demo.spil.nl"


def _at_once(count: int, call: Any) -> list[Any]:
    """Run ``call(i)`` in ``count`` threads released together; their results in order."""
    barrier = threading.Barrier(count)
    results: list[Any] = [None] * count

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = call(i)
        except Exception as exc:  # a transport error is a result too: the assertions name it
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return results


def _board(live: Any) -> int:
    with live.engine.connect() as conn:
        return conn.execute(sa.text("SELECT id FROM board WHERE number = '41234'")).scalar_one()


def test_simultaneous_retries_with_one_key_make_one_record(live):
    """Eight retries of one create with one Idempotency-Key, sent at the same moment."""
    board = _board(live)
    clients = [live.login(BOARD_ADMIN) for _ in range(8)]
    key = f"retry-{uuid.uuid4()}"
    name = f"Speeltuin {key[-8:]}"
    body = {"boardId": board, "name": name, "category": "sport"}
    answers = _at_once(8, lambda i: clients[i].post("/partners", json=body, headers={"Idempotency-Key": key}))
    statuses = Counter(a.status_code for a in answers)
    assert set(statuses) <= {201, 409}, [(a.status_code, a.text) for a in answers]
    created = [a for a in answers if a.status_code == 201 and "Idempotent-Replayed" not in a.headers]
    replayed = [a for a in answers if a.headers.get("Idempotent-Replayed") == "true"]
    assert len(created) == 1, statuses
    assert all(a.json() == created[0].json() for a in replayed)  # every retry gets the first answer
    busy = [a for a in answers if a.status_code == 409]
    assert all(a.json()["type"].endswith("idempotency-key-in-progress") for a in busy)
    with live.engine.connect() as conn:
        count = conn.execute(sa.text("SELECT count(*) FROM partner WHERE name = :n"), {"n": name}).scalar()
        keys = conn.execute(
            sa.text("SELECT count(*) FROM idempotency_record WHERE key = :k"), {"k": key}
        ).scalar()
    assert (count, keys) == (1, 1)
    # a later retry still gets the first answer
    again = clients[0].post("/partners", json=body, headers={"Idempotency-Key": key})
    assert again.status_code == 201 and again.headers["Idempotent-Replayed"] == "true"
    assert again.json() == created[0].json()
    for c in clients:
        c.close()


def test_parallel_writers_all_succeed(live):
    """Four writers at once, five creates each: on SQLite they queue for the write lock (never
    "database is locked"), on PostgreSQL they run side by side; nobody gets a 5xx."""
    board = _board(live)
    clients = [live.login(BOARD_ADMIN) for _ in range(4)]
    tag = uuid.uuid4().hex[:8]

    def write(i: int) -> list[int]:
        return [
            clients[i].post("/people", json={"boardId": board, "name": f"Collega {tag} {i}-{n}"}).status_code
            for n in range(5)
        ]

    results = _at_once(4, write)
    assert all(isinstance(r, list) for r in results), results
    assert Counter(s for r in results for s in r) == Counter({201: 20})
    with live.engine.connect() as conn:
        count = conn.execute(
            sa.text("SELECT count(*) FROM person WHERE name LIKE :n"), {"n": f"Collega {tag} %"}
        ).scalar()
    assert count == 20
    for c in clients:
        c.close()


def test_a_failed_request_writes_nothing(live):
    """The user and its first role are written before the second (the same role again) turns out
    to be a duplicate: the request's transaction rolls back, so neither is there."""
    board = _board(live)
    client = live.login(BOARD_ADMIN)
    email = f"half-{uuid.uuid4().hex[:8]}@demo.spil.nl"
    r = client.post(
        "/users",
        json={
            "email": email,
            "name": "Half",
            "password": "een-goed-wachtwoord",
            "memberships": [
                {"role": "viewer", "boardId": board},
                {"role": "viewer", "boardId": board},
            ],
        },
    )
    assert r.status_code == 409, r.text
    with live.engine.connect() as conn:
        assert (
            conn.execute(sa.text("SELECT count(*) FROM user_account WHERE email = :e"), {"e": email}).scalar()
            == 0
        )
    client.close()


def test_two_payments_for_one_volunteer_at_once(live):
    """Each payment fits under the yearly maximum, both together do not: exactly one is refused."""
    client = live.login(BOARD_ADMIN)
    with live.engine.connect() as conn:
        person = conn.execute(sa.text("SELECT id FROM person WHERE name = 'Sanne de Vries'")).scalar_one()
        school = conn.execute(sa.text("SELECT id FROM school WHERE location_code = '12AB00'")).scalar_one()
    r = client.post(
        "/volunteer-agreements",
        json={
            "personId": person,
            "schoolIds": [school],
            "startsOn": "2025-01-01",
            "endsOn": "2025-12-31",
            "allowanceScheme": "fixed",
            "fixedAmountPerMonth": 200,
        },
    )
    assert r.status_code == 201, r.text
    agreement = r.json()["id"]
    for month in range(1, 11):
        paid = client.post(
            "/allowance-payments",
            json={"agreementId": agreement, "month": f"2025-{month:02d}", "allowance": 200},
        )
        assert paid.status_code == 201, paid.text
    clients = [live.login(BOARD_ADMIN) for _ in range(2)]
    answers = _at_once(
        2,
        lambda i: clients[i].post(
            "/allowance-payments",
            json={"agreementId": agreement, "month": f"2025-{11 + i}", "allowance": 80},
        ),
    )
    assert sorted(a.status_code for a in answers) == [201, 409], [a.text for a in answers]
    with live.engine.connect() as conn:
        total = conn.execute(
            sa.text("SELECT count(*) FROM allowance_payment WHERE agreement_id = :a"), {"a": agreement}
        ).scalar()
    assert total == 11
    for c in [client, *clients]:
        c.close()


def test_two_logins_of_one_account_at_once_both_succeed(live):
    """Two tabs, or a retry: logging in notes the time, which is not a change of the account,
    so neither login is answered 412 for the other's."""
    import httpx

    from tests.conftest import DEMO_PASSWORD

    clients = [httpx.Client(base_url=live.base, timeout=60) for _ in range(6)]
    with live.engine.connect() as conn:
        before = conn.execute(
            sa.text("SELECT version FROM user_account WHERE email = :e"), {"e": BOARD_ADMIN}
        ).scalar()
    results = _at_once(
        6,
        lambda i: (
            clients[i].post("/auth/login", json={"email": BOARD_ADMIN, "password": DEMO_PASSWORD}).status_code
        ),
    )
    assert results == [200] * 6, results
    with live.engine.connect() as conn:
        row = conn.execute(
            sa.text("SELECT version, last_login_at FROM user_account WHERE email = :e"), {"e": BOARD_ADMIN}
        ).one()
    assert row.version == before and row.last_login_at is not None  # the account's ETag stays
    for c in clients:
        c.close()
