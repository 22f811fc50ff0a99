"""Test fixtures: every API test runs on SQLite and on a real PostgreSQL, each in a transaction
that is rolled back, on a database built by the migrations and loaded with the demo data."""

from __future__ import annotations

import os
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ["SPIL_ENV"] = "test"
os.environ["SPIL_SECRET_KEY"] = "test-secret-key-that-is-long-enough-0123456789"
os.environ["SPIL_DEMO_PASSWORD"] = "spil-demo"
os.environ.setdefault("SPIL_LOGIN_RATE_LIMIT", "1000/minute")
# The demo accounts log in with a password alone; test_two_factor.py turns the requirement on.
os.environ["SPIL_TWO_FACTOR_FOR_ADMINS"] = "optional"
warnings.filterwarnings("ignore", message=".*httpx.*", category=DeprecationWarning)

# The settings above must be in the environment before spil is imported (hence E402 below).

import sqlalchemy as sa  # noqa: E402
from alembic import command  # noqa: E402
from alembic.config import Config  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from sqlmodel import Session  # noqa: E402

from spil.kit import db as kit_db  # noqa: E402
from spil.kit import ratelimit  # noqa: E402
from spil.kit.settings import get_settings  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
DEMO_PASSWORD = "spil-demo"


def alembic_config(url: str) -> Config:
    cfg = Config(str(REPO / "alembic.ini"))
    cfg.attributes["url"] = url
    return cfg


def _backends() -> list[str]:
    wanted = os.environ.get("SPIL_TEST_DATABASES", "sqlite,postgresql")
    return [b.strip() for b in wanted.split(",") if b.strip()]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A test that only makes sense on one database (``@pytest.mark.only_postgresql`` or
    ``only_sqlite``) is not collected for the other: not a skip, which CI counts as a gap."""
    keep, drop = [], []
    for item in items:
        backend = getattr(getattr(item, "callspec", None), "params", {}).get("database_url")
        only = {m.name for m in item.iter_markers()} & {"only_postgresql", "only_sqlite"}
        if backend and only and f"only_{backend}" not in only:
            drop.append(item)
        else:
            keep.append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


@pytest.fixture(scope="session", params=_backends())
def database_url(request: pytest.FixtureRequest) -> Iterator[str]:
    if request.param == "sqlite":
        tmp = tempfile.mkdtemp(prefix="spil-test-")
        yield f"sqlite:///{tmp}/spil.sqlite3"
        return
    url = os.environ.get("SPIL_TEST_POSTGRES_URL")
    if url:
        yield url
        return
    from tests.pg import EphemeralPostgres

    try:
        server = EphemeralPostgres()
        url = server.start()
    except Exception as exc:  # no binaries, or initdb failed
        if IN_CI:
            pytest.fail(f"PostgreSQL is required under CI and could not start: {exc}")
        pytest.skip(f"PostgreSQL not available here: {exc}")
    yield url
    server.stop()


def scratch_database(database_url: str, engine: sa.Engine, name: str) -> str:
    """An empty database beside the tests' own, on the same server."""
    if database_url.startswith("sqlite"):
        scratch = database_url.replace("spil.sqlite3", f"{name}.sqlite3")
        for suffix in ("", "-wal", "-shm"):
            Path(scratch.removeprefix("sqlite:///") + suffix).unlink(missing_ok=True)
        return scratch
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(sa.text(f"DROP DATABASE IF EXISTS spil_{name}"))
        conn.execute(sa.text(f"CREATE DATABASE spil_{name}"))
    return database_url.rsplit("/", 1)[0] + f"/spil_{name}"


@pytest.fixture(scope="session")
def engine(database_url: str) -> Iterator[sa.Engine]:
    """A migrated database with the demo data, shared by the tests of one backend."""
    get_settings.cache_clear()
    command.upgrade(alembic_config(database_url), "head")
    eng = kit_db.make_engine(database_url)
    from spil.demo import seed_demo

    with kit_db.unit_of_work(engine=eng) as session:
        seed_demo(session, DEMO_PASSWORD)
    yield eng
    eng.dispose()


@pytest.fixture
def db(engine: sa.Engine) -> Iterator[Session]:
    """A session inside a transaction that is rolled back after the test; commits become savepoints."""
    connection = engine.connect()
    transaction = connection.begin()
    session = Session(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False)
    yield session
    session.close()
    transaction.rollback()
    connection.close()


@pytest.fixture(scope="session")
def application() -> Any:
    from spil.main import create_app

    get_settings.cache_clear()
    return create_app()


@pytest.fixture
def app(db: Session, engine: sa.Engine, application: Any) -> Iterator[Any]:
    ratelimit.reset_all()
    previous = kit_db._engine
    kit_db._engine = engine
    # Requests commit and roll back as in production; inside ``db`` those become savepoints.
    with kit_db.borrowed_session(db):
        yield application
    kit_db._engine = previous


@pytest.fixture
def client(app: Any) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


class Api:
    """A logged-in browser: keeps the cookie and sends the CSRF token on changes."""

    def __init__(self, client: TestClient, csrf: str | None = None, headers: dict[str, str] | None = None):
        self.client = client
        self.csrf = csrf
        self.headers = headers or {}

    def _h(self, extra: dict[str, str] | None) -> dict[str, str]:
        h = dict(self.headers)
        if self.csrf:
            h["X-CSRF-Token"] = self.csrf
        h.update(extra or {})
        return h

    def get(self, path: str, **kw: Any) -> Any:
        return self.client.get(f"/api/v1{path}", headers=self._h(kw.pop("headers", None)), **kw)

    def post(self, path: str, json: Any = None, **kw: Any) -> Any:
        return self.client.post(f"/api/v1{path}", json=json, headers=self._h(kw.pop("headers", None)), **kw)

    def put(self, path: str, json: Any = None, **kw: Any) -> Any:
        """A PUT as sent: with the test's own headers (If-Match where the operation needs one)."""
        return self.client.put(f"/api/v1{path}", json=json, headers=self._h(kw.pop("headers", None)), **kw)

    def current_etag(self, path: str) -> dict[str, str]:
        """``If-Match`` with the record's current ETag, as the SPA sends it after reading the record
        (empty when this caller cannot read it: the change then answers 403 or 404 on its own)."""
        r = self.client.get(f"/api/v1{path.split('?')[0]}", headers=self._h(None))
        return {"If-Match": r.headers["ETag"]} if r.status_code == 200 and "ETag" in r.headers else {}

    def patch(self, path: str, json: Any = None, **kw: Any) -> Any:
        """A change made after reading the record (``If-Match`` with its ETag) unless the test
        sends headers of its own or ``if_match=False`` (a blind change: 428)."""
        headers = kw.pop("headers", None)
        if headers is None and kw.pop("if_match", True):
            headers = self.current_etag(path)
        return self.client.patch(f"/api/v1{path}", json=json, headers=self._h(headers), **kw)

    def delete(self, path: str, **kw: Any) -> Any:
        headers = kw.pop("headers", None)
        if headers is None and kw.pop("if_match", True):
            headers = self.current_etag(path)
        return self.client.delete(f"/api/v1{path}", headers=self._h(headers), **kw)


@pytest.fixture
def login(client: TestClient) -> Any:
    def _login(email: str, password: str = DEMO_PASSWORD) -> Api:
        client.cookies.clear()
        r = client.post("/api/v1/auth/login", json={"email": email, "password": password})
        assert r.status_code == 200, r.text
        return Api(client, r.json()["csrfToken"])

    return _login


@pytest.fixture
def anon(client: TestClient) -> Api:
    return Api(client)


def ids(db: Session) -> dict[str, int]:
    """Ids of the demo records by their natural keys."""
    from spil.organisations.models import Board, Municipality, Region, School

    out: dict[str, int] = {}
    for table, key in (
        (Board, Board.number),
        (School, School.location_code),
        (Municipality, Municipality.code),
        (Region, Region.code),
    ):
        out.update({code: ident for code, ident in db.execute(sa.select(key, table.id)).all()})
    return out


@pytest.fixture
def demo(db: Session) -> dict[str, int]:
    return ids(db)


# --- a running app on a database of its own: real commits, real threads ---------------------------
class LiveServer:
    """Spil under uvicorn in a thread, on a migrated scratch database with the demo data. Requests
    commit for real (no savepoints), so concurrency can be tested as in production."""

    def __init__(self, url: str) -> None:
        import socket
        import threading

        import uvicorn

        from spil.main import create_app

        self.url = url
        self.engine = kit_db.make_engine(url)
        command.upgrade(alembic_config(url), "head")
        from spil.demo import seed_demo

        with kit_db.unit_of_work(engine=self.engine) as session:
            seed_demo(session, DEMO_PASSWORD)
        self._previous_engine = kit_db._engine
        kit_db._engine = self.engine
        ratelimit.reset_all()
        for port in range(16500, 17500):
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) != 0:
                    self.port = port
                    break
        config = uvicorn.Config(create_app(), host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        import time

        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the live server did not start")
            time.sleep(0.05)
        self.base = f"http://127.0.0.1:{self.port}/api/v1"

    def login(self, email: str) -> Any:
        """An ``httpx.Client`` logged in as ``email``, sending the CSRF token with every change."""
        import httpx

        client = httpx.Client(base_url=self.base, timeout=60)
        r = client.post("/auth/login", json={"email": email, "password": DEMO_PASSWORD})
        assert r.status_code == 200, r.text
        client.headers["X-CSRF-Token"] = r.json()["csrfToken"]
        return client

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(30)
        kit_db._engine = self._previous_engine
        self.engine.dispose()


@pytest.fixture(scope="module")
def live(database_url: str, engine: sa.Engine) -> Iterator[LiveServer]:
    server = LiveServer(scratch_database(database_url, engine, "live"))
    yield server
    server.stop()


# --- a real SMTP server on this machine ----------------------------------------------------------
@pytest.fixture
def smtp(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Spil's mail goes to a local aiosmtpd server (plain SMTP, no TLS); read it from ``.messages``."""
    from tests.mailserver import MailServer

    server = MailServer()
    server.up()
    settings = get_settings()
    monkeypatch.setattr(settings, "smtp_host", "127.0.0.1")
    monkeypatch.setattr(settings, "smtp_port", server.port)
    monkeypatch.setattr(settings, "smtp_tls", "none")
    monkeypatch.setattr(settings, "smtp_timeout_seconds", 5.0)
    monkeypatch.setattr(settings, "public_url", "https://spil.test")
    yield server
    server.down()
