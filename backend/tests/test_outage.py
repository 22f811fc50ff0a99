"""The database goes away under load and comes back (PostgreSQL only).

A PostgreSQL server of this module's own (not the one the other tests share: this one is
stopped on purpose) runs a live app (``LiveServer``: uvicorn in a thread, real commits). Several
logged-in clients read and write without pause while the server is stopped twice, once with a
fast shutdown (sessions are told and terminated) and once with an immediate one (the processes
are killed; the connections just break), for a few seconds each, and started again. Then:

* every answer is a success or, while the database is away, 503 problem+json with
  ``Retry-After``: never a 500, never a broken connection;
* after the restart, everything answers normally again within a bounded time, by itself;
* nothing is half-written: a create that answered 503 left no row, one that answered 201 left
  the record with all its rows and audit events; every audit event has its record; a change
  counts once in the record's version and once in the audit trail, exactly when it answered 200.

(The last test, which needs no server, checks which errors count as "the database is not there".)
"""

from __future__ import annotations

import shlex
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from fastapi import Request

from spil.access.service import touch_api_client
from spil.kit import clock
from tests.conftest import IN_CI, LiveServer, _backends

needs_postgres = pytest.mark.skipif(
    "postgresql" not in _backends(), reason="the outage test needs PostgreSQL (SPIL_TEST_DATABASES)"
)

BOARD_ADMIN = "bestuur@demo.spil.nl"
READERS = ("lezer@demo.spil.nl", "directie@demo.spil.nl")
WRITERS = 4
OUTAGE_SECONDS = 4.0
RECOVERY_BOUND = 10.0  # seconds after PostgreSQL accepts connections again
SUCCESS = {200, 201, 204}


class Outage:
    """A throwaway PostgreSQL server that this test may stop and start again."""

    def __init__(self) -> None:
        from tests.pg import EphemeralPostgres

        # Commits durable in the WAL before they are acknowledged: an immediate shutdown must not
        # lose an answered 201 (with synchronous_commit=off it may, by design of that setting).
        self.pg = EphemeralPostgres(options="-c synchronous_commit=on")
        self.url = self.pg.start()
        self.data = self.pg.dir / "data"
        # The server's own command line, to start it again exactly as it was.
        opts = shlex.split((self.data / "postmaster.opts").read_text())[1:]
        if "-D" in opts:
            at = opts.index("-D")
            del opts[at : at + 2]
        self.opts = " ".join(shlex.quote(o) for o in opts)

    def _pg_ctl(self, *args: str) -> None:
        self.pg._run(str(self.pg.bindir / "pg_ctl"), "-D", str(self.data), *args)

    def stop(self, mode: str) -> None:
        self._pg_ctl("-m", mode, "-w", "-t", "30", "stop")

    def start(self) -> None:
        self._pg_ctl("-o", self.opts, "-l", str(self.pg.dir / "log"), "-w", "-t", "30", "start")

    def remove(self) -> None:
        self.pg.stop()


@pytest.fixture(scope="module")
def outage() -> Iterator[tuple[Outage, LiveServer]]:
    try:
        server = Outage()
    except Exception as exc:  # no binaries, or initdb failed
        if IN_CI:
            pytest.fail(f"PostgreSQL is required under CI and could not start: {exc}")
        pytest.skip(f"PostgreSQL not available here: {exc}")
    try:
        live = LiveServer(server.url)
    except BaseException:
        server.remove()
        raise
    try:
        yield server, live
    finally:
        live.stop()
        server.remove()


@dataclass
class Answer:
    client: str
    what: str
    started: float
    ended: float
    status: int | None  # None: no HTTP answer (the error says what happened)
    problem: bool = False
    retry_after: str | None = None
    error: str | None = None
    tag: str | None = None
    ident: int | None = None  # what a 201 created


class Load:
    """Clients reading and writing in threads until stopped; every answer is kept."""

    def __init__(self, live: LiveServer) -> None:
        self.live = live
        self.answers: list[Answer] = []
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.threads: list[threading.Thread] = []
        with live.engine.connect() as conn:
            self.board = conn.execute(sa.text("SELECT id FROM board WHERE number = '41234'")).scalar_one()
            self.school = conn.execute(
                sa.text("SELECT id FROM school WHERE location_code = '12AB00'")
            ).scalar_one()

    def call(
        self,
        client: httpx.Client,
        name: str,
        what: str,
        send: Callable[[], httpx.Response],
        tag: str | None = None,
    ) -> httpx.Response | None:
        started = time.monotonic()
        try:
            r = send()
        except httpx.HTTPError as exc:
            answer = Answer(name, what, started, time.monotonic(), None, error=repr(exc), tag=tag)
            r = None
        else:
            answer = Answer(
                name,
                what,
                started,
                time.monotonic(),
                r.status_code,
                problem=r.headers.get("content-type", "").startswith("application/problem+json"),
                retry_after=r.headers.get("retry-after"),
                tag=tag,
                ident=r.json().get("id") if r.status_code == 201 else None,
            )
        with self.lock:
            self.answers.append(answer)
        if answer.status == 503:
            time.sleep(0.02)  # keep at it, but leave the machine some breath
        return r

    def _reader(self, client: httpx.Client, n: int, paths: list[str] | None = None) -> None:
        name = f"reader-{n}"
        paths = paths or [
            f"/partners?pageSize=50&boardId={self.board}",
            "/partnerships",
            "/gaps",
            "/schools",
            "/people",
            f"/indicators?boardId={self.board}",
            "/health/ready",
            "/auth/session",
        ]
        i = 0
        while not self.stop.is_set():
            path = paths[i % len(paths)]
            self.call(client, name, f"GET {path.split('?')[0]}", lambda p=path: client.get(p))
            i += 1
        client.close()

    def _visitor(self) -> None:
        """A parent on the public route finder: no login, rate-limited per address (so slowly)."""
        client = httpx.Client(base_url=self.live.base, timeout=20)
        paths = [
            "/public/schools/12AB00/complaint-routes",
            "/public/schools/12AB00/complaint-routes/school-organisation?group=parent",
            "/public/schools/12AB00/key-persons",
        ]
        i = 0
        while not self.stop.wait(0.4):
            path = paths[i % len(paths)]
            self.call(client, "visitor", f"GET {path.split('?')[0]}", lambda p=path: client.get(p))
            i += 1
        client.close()

    def _writer(self, client: httpx.Client, n: int) -> None:
        name = f"writer-{n}"
        made = client.post(
            "/partners",
            json={"boardId": self.board, "name": f"Uitval {uuid.uuid4().hex[:8]}", "category": "sport"},
        )
        assert made.status_code == 201, made.text
        own_partner = made.json()["id"]
        with self.lock:
            self.partners.append(own_partner)
        created: list[int] = []
        i = 0
        while not self.stop.is_set():
            step = i % 4
            i += 1
            tag = uuid.uuid4().hex[:12]
            if step == 0:  # one request, several rows: a partnership and its audit event
                body = {
                    "partnerId": own_partner,
                    "schoolId": self.school,
                    "title": f"uitval-{tag}",
                    "externalContacts": [
                        {"name": "Eerste Contact", "email": "een@example.org"},
                        {"name": "Tweede Contact", "phone": "023 555 0102"},
                    ],
                    "purposes": [],
                }
                r = self.call(
                    client,
                    name,
                    "POST /partnerships",
                    lambda b=body: client.post("/partnerships", json=b),
                    tag,
                )
                if r is not None and r.status_code == 201:
                    created.append(r.json()["id"])
            elif step == 1:  # a user with two roles: user, memberships and their audit events
                body = {
                    "email": f"uitval-{tag}@demo.spil.nl",
                    "name": f"Uitval {tag}",
                    "password": "een-goed-wachtwoord",
                    "memberships": [
                        {"role": "viewer", "boardId": self.board},
                        {"role": "coordinator", "schoolId": self.school},
                    ],
                }
                self.call(client, name, "POST /users", lambda b=body: client.post("/users", json=b), tag)
            elif step == 2:  # read, then change with If-Match
                got = self.call(
                    client, name, "GET /partners/{id}", lambda: client.get(f"/partners/{own_partner}")
                )
                if got is not None and got.status_code == 200:
                    etag = got.headers["ETag"]
                    self.call(
                        client,
                        name,
                        "PATCH /partners/{id}",
                        lambda e=etag, t=tag: client.patch(
                            f"/partners/{own_partner}",
                            json={"notes": f"bijgewerkt {t}"},
                            headers={"If-Match": e},
                        ),
                        str(own_partner),
                    )
            elif created:  # read, then delete with If-Match
                victim = created[0]
                got = self.call(
                    client, name, "GET /partnerships/{id}", lambda v=victim: client.get(f"/partnerships/{v}")
                )
                if got is not None and got.status_code == 200:
                    etag = got.headers["ETag"]
                    r = self.call(
                        client,
                        name,
                        "DELETE /partnerships/{id}",
                        lambda v=victim, e=etag: client.delete(f"/partnerships/{v}", headers={"If-Match": e}),
                        str(victim),
                    )
                    if r is not None and r.status_code == 204:
                        created.pop(0)
        client.close()

    def _client(self, email: str) -> httpx.Client:
        client = self.live.login(email)
        client.timeout = httpx.Timeout(20)
        return client

    def start(self) -> None:
        self.partners: list[int] = []
        # One login after the other: simultaneous logins of one account both update its row (the
        # last login, a versioned record) and the second answers 412, which this test is not about.
        writers = [self._client(BOARD_ADMIN) for _ in range(WRITERS)]
        readers = [self._client(email) for email in READERS]
        # An integration too: its API key is checked (and its use noted afterwards) on each call.
        r = writers[0].post(
            "/api-clients",
            json={"name": "uitval", "scopes": ["partners:read", "people:read"], "boardId": self.board},
        )
        assert r.status_code == 201, r.text
        self.api_client = r.json()["id"]
        integration = httpx.Client(
            base_url=self.live.base, timeout=20, headers={"Authorization": f"Bearer {r.json()['key']}"}
        )
        integration_paths = [f"/partners?boardId={self.board}", "/partnerships", "/people"]
        runners: list[Callable[[], None]] = [
            lambda n=n, c=c: self._writer(c, n) for n, c in enumerate(writers)
        ]
        runners += [lambda n=n, c=c: self._reader(c, n) for n, c in enumerate(readers)]
        runners.append(lambda: self._reader(integration, len(readers), integration_paths))
        runners.append(self._visitor)

        def guarded(run: Callable[[], None]) -> None:
            try:
                run()
            except BaseException as exc:  # a broken set-up shows up in the assertions
                with self.lock:
                    self.answers.append(Answer("thread", "crashed", 0, 0, None, error=repr(exc)))

        self.threads = [threading.Thread(target=guarded, args=(r,), daemon=True) for r in runners]
        for t in self.threads:
            t.start()
        deadline = time.monotonic() + 20
        while len(self.partners) < WRITERS and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(self.partners) == WRITERS, [a for a in self.answers if a.what == "crashed"]

    def finish(self) -> None:
        self.stop.set()
        for t in self.threads:
            t.join(30)
        assert not any(t.is_alive() for t in self.threads), "a load thread hangs"


def _wait_ready(live: LiveServer, bound: float) -> float:
    """Seconds until /health/ready answers 200 (fails after ``bound``)."""
    started = time.monotonic()
    with httpx.Client(base_url=live.base, timeout=5) as probe:
        while time.monotonic() - started < bound:
            try:
                if probe.get("/health/ready").status_code == 200:
                    return time.monotonic() - started
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
    pytest.fail(f"the app was not ready {bound}s after PostgreSQL came back")


@needs_postgres
def test_outage_answers_503_and_recovers_with_nothing_half_written(outage):
    server, live = outage
    load = Load(live)
    load.start()
    windows: list[tuple[str, float, float, float]] = []  # mode, stopped at, started at, recovered at
    try:
        for mode in ("fast", "immediate"):
            time.sleep(1.5)
            down = time.monotonic()
            server.stop(mode)
            # What the API-key check leaves to run after the answer fails quietly meanwhile.
            touch_api_client(load.api_client, clock.now())
            time.sleep(OUTAGE_SECONDS)
            server.start()
            up = time.monotonic()
            ready = _wait_ready(live, RECOVERY_BOUND)
            windows.append((mode, down, up, up + ready))
        time.sleep(2.0)  # load on a healthy database again
    finally:
        load.finish()
    finished = time.monotonic()

    answers = load.answers
    statuses = Counter(a.status for a in answers)
    # Every request got an HTTP answer: no reset connection, no timeout, no crashed client.
    broken = [a for a in answers if a.status is None]
    assert not broken, broken[:5]
    assert set(statuses) <= SUCCESS | {503}, [a for a in answers if a.status not in SUCCESS | {503}][:5]
    unavailable = [a for a in answers if a.status == 503]
    assert unavailable, "no request met the outage: the test did not test anything"
    assert all(a.problem and a.retry_after and a.retry_after.isdigit() for a in unavailable), [
        a for a in unavailable if not (a.problem and a.retry_after)
    ][:5]
    # Back to normal by itself within the bound after each restart: from some moment on (the end of
    # the last failed request) until the next outage, every request succeeds, and there are some.
    ends = [down for _, down, _, _ in windows[1:]] + [finished]
    recovered_at = []
    for (mode, _down, up, _ready), until in zip(windows, ends, strict=True):
        failed = [a.ended for a in answers if up <= a.ended < until and a.status not in SUCCESS]
        back = max(failed, default=up)
        assert back - up < RECOVERY_BOUND, f"{mode}: still failing {back - up:.1f}s after the restart"
        assert any(back < a.started and a.ended < until and a.status in SUCCESS for a in answers), mode
        recovered_at.append(back)
    # A 503 only while the database was away (a request may have started just before).
    for a in unavailable:
        assert any(
            down - 1 <= a.ended and a.started <= back
            for (_, down, _, _), back in zip(windows, recovered_at, strict=True)
        ), a
    # Every kind of request worked at some point: the load was real.
    assert {a.what for a in answers} == {a.what for a in answers if a.status in SUCCESS}
    writes = Counter((a.what, a.status) for a in answers if not a.what.startswith("GET"))
    print(f"\noutage: {len(answers)} requests, {dict(statuses)}; back after", end=" ")
    print(", ".join(f"{m} {b - up:.2f}s" for (m, _, up, _), b in zip(windows, recovered_at, strict=True)))
    assert writes[("POST /partnerships", 201)] and writes[("POST /partnerships", 503)], writes
    assert writes[("POST /users", 201)] and writes[("POST /users", 503)], writes

    _nothing_half_written(live, load)


def _nothing_half_written(live: LiveServer, load: Load) -> None:
    answers = load.answers
    with live.engine.connect() as conn:

        def scalar(sql: str, **params: Any) -> Any:
            return conn.execute(sa.text(sql), params).scalar()

        # Partnerships (a row with its contacts, and its audit event).
        for a in (a for a in answers if a.what == "POST /partnerships"):
            rows = conn.execute(
                sa.text("SELECT id, external_contacts FROM partnership WHERE title = :t"),
                {"t": f"uitval-{a.tag}"},
            ).all()
            if a.status == 503:
                assert not rows, f"a create that answered 503 left a partnership: {a}"
                assert not scalar(
                    "SELECT count(*) FROM audit_event WHERE entity_type = 'partnership' "
                    'AND CAST("after" AS TEXT) LIKE :t',
                    t=f"%uitval-{a.tag}%",
                ), a
            else:
                assert [row.id for row in rows] == [a.ident] or _deleted(answers, a.ident), a
                if rows:
                    ident, contacts = rows[0]
                    assert len(contacts) == 2, (a, contacts)
                    assert (
                        scalar(
                            "SELECT count(*) FROM audit_event WHERE entity_type = 'partnership' "
                            "AND action = 'create' AND entity_id = :i",
                            i=ident,
                        )
                        == 1
                    ), a
        # Users (the account, its two memberships, the audit events).
        for a in (a for a in answers if a.what == "POST /users"):
            user = scalar("SELECT id FROM user_account WHERE email = :e", e=f"uitval-{a.tag}@demo.spil.nl")
            if a.status == 503:
                assert user is None, f"a create that answered 503 left an account: {a}"
                continue
            assert user is not None, a
            assert scalar("SELECT count(*) FROM membership WHERE user_id = :u", u=user) == 2, a
            assert (
                scalar(
                    "SELECT count(*) FROM audit_event WHERE entity_type = 'user' AND action = 'create' "
                    "AND entity_id = :u",
                    u=user,
                )
                == 1
            ), a
        # Deletes (retried until one answers 204): gone with one audit event after a 204, there
        # with none when every attempt answered 503.
        victims: dict[int, set[int | None]] = {}
        for a in (a for a in answers if a.what == "DELETE /partnerships/{id}"):
            victims.setdefault(int(a.tag or 0), set()).add(a.status)
        for victim, seen in victims.items():
            there = scalar("SELECT count(*) FROM partnership WHERE id = :i", i=victim)
            gone = scalar(
                "SELECT count(*) FROM audit_event WHERE entity_type = 'partnership' AND action = 'delete' "
                "AND entity_id = :i",
                i=victim,
            )
            assert (there, gone) == ((0, 1) if 204 in seen else (1, 0)), (victim, seen, there, gone)
        # Changes: each answered 200 counts once in the version and once in the trail; a 503 not.
        for partner in load.partners:
            done = sum(
                1
                for a in answers
                if a.what == "PATCH /partners/{id}" and a.tag == str(partner) and a.status == 200
            )
            version = scalar("SELECT version FROM partner WHERE id = :i", i=partner)
            events = scalar(
                "SELECT count(*) FROM audit_event WHERE entity_type = 'partner' AND action = 'update' "
                "AND entity_id = :i",
                i=partner,
            )
            assert (version - 1, events) == (done, done), (partner, version, events, done)
        # No audit event without its record, for everything this test created.
        for table, entity in (("partnership", "partnership"), ("user_account", "user")):
            orphans = scalar(
                f"SELECT count(*) FROM audit_event e WHERE e.entity_type = :k AND e.action = 'create' "
                f"AND NOT EXISTS (SELECT 1 FROM {table} t WHERE t.id = e.entity_id) "
                "AND NOT EXISTS (SELECT 1 FROM audit_event d WHERE d.entity_type = :k "
                "AND d.action = 'delete' AND d.entity_id = e.entity_id)",
                k=entity,
            )
            assert orphans == 0, (table, orphans)


def _deleted(answers: list[Answer], ident: int | None) -> bool:
    """Whether the test deleted the partnership ``ident`` (its row is then gone)."""
    return any(
        a.what == "DELETE /partnerships/{id}" and a.status == 204 and a.tag == str(ident) for a in answers
    )


# --- which errors mean "the database is not there" (no server needed) --------------------------
def _unavailable_errors() -> list[BaseException]:
    import psycopg

    dead = sa.exc.DBAPIError(
        "SELECT 1", {}, Exception("server closed the connection"), connection_invalidated=True
    )
    wrapped = sa.exc.OperationalError("SELECT 1", {}, psycopg.errors.AdminShutdown("terminating connection"))
    chained = RuntimeError("while rolling back")
    chained.__context__ = wrapped
    return [
        sa.exc.OperationalError("connect", {}, psycopg.OperationalError("connection refused")),
        sa.exc.InterfaceError("SELECT 1", {}, psycopg.InterfaceError("the connection is closed")),
        dead,
        sa.exc.TimeoutError("QueuePool limit of size 10 overflow 20 reached, connection timed out"),
        sa.exc.DisconnectionError("gone"),
        psycopg.OperationalError("connection refused"),
        psycopg.errors.CannotConnectNow("the database system is starting up"),
        chained,
        ExceptionGroup("task group", [ValueError("x"), wrapped]),
    ]


def test_disconnect_errors_are_503_with_retry_after():
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

    from spil.kit.errors import database_unavailable, install_handlers, problem_response

    errors = _unavailable_errors()
    assert all(database_unavailable(e) for e in errors)
    assert not database_unavailable(sa.exc.DBAPIError("SELECT 1", {}, Exception("syntax")))
    assert not database_unavailable(ValueError("not a database error"))

    app = FastAPI()
    install_handlers(app)

    @app.get("/fail/{n}")
    def fail(n: int) -> None:
        raise errors[n]

    @app.get("/not-ready")
    def not_ready(request: Request) -> Any:
        return problem_response(request, 503, "The database does not answer.", code="not-ready")

    with TestClient(app, raise_server_exceptions=False) as client:
        for n in range(len(errors)):
            r = client.get(f"/fail/{n}")
            assert r.status_code == 503, (errors[n], r.text)
            assert r.headers["content-type"] == "application/problem+json"
            assert r.headers["retry-after"].isdigit()
            assert r.json()["type"] == "urn:spil:problem:database-unavailable"
        r = client.get("/not-ready")  # any 503, whoever answers it, says when to try again
        assert (r.status_code, r.headers["retry-after"]) == (503, "5")


def test_values_the_database_refuses_are_400_and_its_own_faults_500():
    import psycopg
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

    from spil.kit.errors import install_handlers

    def data_error(orig: Exception) -> sa.exc.DataError:
        return sa.exc.DataError("INSERT ...", {}, orig)

    errors = {
        "too-long": data_error(psycopg.errors.StringDataRightTruncation("value too long")),
        "out-of-range": data_error(psycopg.errors.NumericValueOutOfRange("numeric field overflow")),
        "nul": data_error(psycopg.DataError("PostgreSQL text fields cannot contain NUL (0x00) bytes")),
        "division": data_error(psycopg.errors.DivisionByZero("division by zero")),
    }
    app = FastAPI()
    install_handlers(app)

    @app.get("/fail/{name}")
    def fail(name: str) -> None:
        raise errors[name]

    with TestClient(app, raise_server_exceptions=False) as client:
        for name in ("too-long", "out-of-range", "nul"):
            r = client.get(f"/fail/{name}")
            assert (r.status_code, r.json()["type"]) == (400, "urn:spil:problem:invalid-input"), name
        assert client.get("/fail/division").status_code == 500  # a bug of ours, not bad input


def test_a_wrong_query_on_sqlite_is_our_bug_not_an_outage():
    """SQLite reports "no such column" as an OperationalError like "database is locked": only the
    second is a 503; the first must show as the 500 it is, not hide behind "try again later"."""
    import sqlite3

    from spil.kit.errors import database_unavailable

    def wrapped(message: str) -> sa.exc.OperationalError:
        return sa.exc.OperationalError("SELECT 1", {}, sqlite3.OperationalError(message))

    assert database_unavailable(wrapped("database is locked"))
    assert database_unavailable(wrapped("unable to open database file"))
    assert not database_unavailable(wrapped('near "UNION": syntax error'))
    assert not database_unavailable(wrapped("no such column: board.retention_years"))
    assert not database_unavailable(wrapped("ambiguous column name: school.name"))
