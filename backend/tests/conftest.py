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


@pytest.fixture(scope="session")
def engine(database_url: str) -> Iterator[sa.Engine]:
    """A migrated database with the demo data, shared by the tests of one backend."""
    get_settings.cache_clear()
    command.upgrade(alembic_config(database_url), "head")
    eng = kit_db.make_engine(database_url)
    from spil.demo import seed_demo

    with Session(eng) as session:
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
    from spil.kit.db import get_session

    ratelimit.reset_all()
    application.state.api.dependency_overrides[get_session] = lambda: db
    previous = kit_db._engine
    kit_db._engine = engine
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

    def patch(self, path: str, json: Any = None, **kw: Any) -> Any:
        return self.client.patch(f"/api/v1{path}", json=json, headers=self._h(kw.pop("headers", None)), **kw)

    def delete(self, path: str, **kw: Any) -> Any:
        return self.client.delete(f"/api/v1{path}", headers=self._h(kw.pop("headers", None)), **kw)


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
    from spil.organisations.models import Board, Municipality, School

    out: dict[str, int] = {}
    for table, key in (
        (Board, Board.number),
        (School, School.location_code),
        (Municipality, Municipality.code),
    ):
        out.update({code: ident for code, ident in db.execute(sa.select(key, table.id)).all()})
    return out


@pytest.fixture
def demo(db: Session) -> dict[str, int]:
    return ids(db)
