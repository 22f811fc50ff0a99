"""Rate limits: counted in PostgreSQL, shared by every worker, outside the request's transaction;
in memory on SQLite (one process)."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import sqlalchemy as sa

from spil.kit import db as kit_db
from spil.kit import ratelimit
from spil.kit.errors import ProblemError
from spil.kit.settings import get_settings

DETAIL = "Too many."


def _key() -> str:
    return f"test-{uuid.uuid4().hex}"


def _rows(engine: sa.Engine, key: str | None = None) -> int:
    """Counted hits in the table (of ``key``: its identifier is one part of the stored key)."""
    query = "SELECT count(*) FROM rate_limit_hit" + (" WHERE key LIKE :k" if key else "")
    with engine.connect() as conn:
        return conn.execute(sa.text(query), {"k": f"%/{key}/%"} if key else {}).scalar_one()


def _passes(limit: str, *keys: str) -> bool:
    try:
        ratelimit.hit(limit, *keys, detail=DETAIL)
    except ProblemError as exc:
        assert exc.status == 429 and exc.code == "rate-limited" and exc.detail == DETAIL
        return False
    return True


@contextmanager
def worker(engine: sa.Engine) -> Iterator[None]:
    """Run the block as an API process whose database engine is ``engine``."""
    previous, kit_db._engine = kit_db._engine, engine
    try:
        yield
    finally:
        kit_db._engine = previous


@pytest.fixture
def on_database(engine: sa.Engine) -> Iterator[sa.Engine]:
    ratelimit.reset_all()
    with worker(engine):
        yield engine
    ratelimit.reset_all()


@pytest.fixture
def postgresql(on_database: sa.Engine) -> sa.Engine:
    """The counters are in the database on PostgreSQL only (the tests using this are marked)."""
    assert on_database.dialect.name == "postgresql"
    return on_database


def test_a_limit_refuses_the_hit_past_it_with_retry_after(on_database):
    key = _key()
    assert [_passes("3/minute", "login-ip", key) for _ in range(4)] == [True, True, True, False]
    with pytest.raises(ProblemError) as refused:
        ratelimit.hit("3/minute", "login-ip", key, detail=DETAIL)
    assert 1 <= int(refused.value.headers["Retry-After"]) <= 60
    # another key has a budget of its own
    assert _passes("3/minute", "login-ip", _key())


def test_the_window_moves_on(on_database):
    key = _key()
    assert _passes("1/second", "k", key)
    assert not _passes("1/second", "k", key)
    time.sleep(1.2)
    assert _passes("1/second", "k", key)


@pytest.mark.only_sqlite
def test_sqlite_counts_in_memory(on_database):
    key = _key()
    assert [_passes("2/minute", "k", key) for _ in range(3)] == [True, True, False]
    assert _rows(on_database) == 0  # the table exists, but nobody writes to it


@pytest.mark.only_postgresql
def test_two_workers_share_one_limit(postgresql, database_url):
    """Two API processes, each with its own engine and connections, count against one budget."""
    first, second = kit_db.make_engine(database_url), kit_db.make_engine(database_url)
    key = _key()
    try:
        with worker(first):
            assert _passes("3/minute", "login-email", key)
            assert _passes("3/minute", "login-email", key)
        with worker(second):
            assert _passes("3/minute", "login-email", key)
            assert not _passes("3/minute", "login-email", key)
        with worker(first):
            assert not _passes("3/minute", "login-email", key)
        assert _rows(postgresql, key) == 3
    finally:
        first.dispose()
        second.dispose()


@pytest.mark.only_postgresql
def test_simultaneous_hits_of_two_workers_never_exceed_the_limit(postgresql, database_url):
    engines = [kit_db.make_engine(database_url) for _ in range(2)]
    key = _key()
    passed: list[bool] = []
    start = threading.Barrier(16)

    def attempt(engine: sa.Engine) -> None:
        # what a worker does: the limiter of its own engine (kit_db._engine is one global, so
        # the threads call the counters of their engine directly)
        counters = ratelimit._for_database(engine)
        item = ratelimit.parse("10/minute")
        start.wait()
        for _ in range(4):
            passed.append(counters.hit(item, ("public", key)) is None)

    threads = [threading.Thread(target=attempt, args=(engines[i % 2],)) for i in range(16)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        assert len(passed) == 64 and passed.count(True) == 10
        assert _rows(postgresql, key) == 10
    finally:
        for engine in engines:
            engine.dispose()


@pytest.mark.only_postgresql
def test_a_rolled_back_request_still_counts_and_keeps_its_transaction(postgresql):
    key = _key()
    region = sa.text("SELECT name FROM region WHERE code = 'AM01'")
    with postgresql.connect() as conn:
        name = conn.execute(region).scalar_one()
    with pytest.raises(RuntimeError), kit_db.unit_of_work(engine=postgresql) as session:
        session.execute(sa.text("UPDATE region SET name = 'Changed' WHERE code = 'AM01'"))
        assert _passes("2/minute", "login-ip", key)
        # the hit committed on a connection of its own: the request's transaction goes on
        assert session.in_transaction()
        assert session.execute(region).scalar_one() == "Changed"
        raise RuntimeError("the handler fails: the request rolls back")
    with postgresql.connect() as conn:
        assert conn.execute(region).scalar_one() == name
    assert _rows(postgresql, key) == 1
    assert _passes("2/minute", "login-ip", key)
    assert not _passes("2/minute", "login-ip", key)


@pytest.mark.only_postgresql
def test_refused_logins_are_counted_in_the_table(postgresql, client, monkeypatch):
    monkeypatch.setattr(get_settings(), "login_rate_limit", "3/minute")
    email = f"{_key()}@demo.spil.nl"
    codes = [
        client.post("/api/v1/auth/login", json={"email": email, "password": "bad"}).status_code
        for _ in range(4)
    ]
    assert codes == [401, 401, 401, 429]
    # every 401 rolled its request back; the attempts stay counted (the 429 is not a hit)
    assert _rows(postgresql, email) == 3


@pytest.mark.only_postgresql
def test_expired_hits_are_deleted_now_and_then(postgresql):
    with postgresql.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO rate_limit_hit (key, expires_at) VALUES ('old', now() - interval '1 minute')"
            )
        )
    counters = ratelimit._for_database(postgresql)
    counters._next_cleanup = 0.0  # the clean-up is due
    assert _passes("3/minute", "k", _key())
    assert _rows(postgresql) == 1  # the new hit only
    with postgresql.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO rate_limit_hit (key, expires_at) VALUES ('old', now() - interval '1 minute')"
            )
        )
    assert _passes("3/minute", "k", _key())
    assert _rows(postgresql) == 3  # not again within the minute


@pytest.mark.only_postgresql
def test_a_long_key_is_stored_as_its_hash(postgresql):
    long = "x" * 400
    assert [_passes("1/minute", "login-email", long) for _ in range(2)] == [True, False]
    with postgresql.connect() as conn:
        stored = conn.execute(sa.text("SELECT key FROM rate_limit_hit")).scalar_one()
    assert stored.startswith("sha256:") and len(stored) <= 255


@pytest.mark.only_postgresql
def test_an_explicit_storage_uri_is_used_instead(postgresql, monkeypatch):
    monkeypatch.setattr(get_settings(), "rate_limit_storage", "memory://")
    key = _key()
    assert [_passes("1/minute", "k", key) for _ in range(2)] == [True, False]
    assert _rows(postgresql) == 0


@pytest.mark.only_postgresql
def test_the_limiter_has_a_pool_of_its_own_that_goes_with_the_engine(postgresql, database_url):
    engine = kit_db.make_engine(database_url)
    with worker(engine):
        assert _passes("3/minute", "k", _key())
    own = ratelimit._database_counters[engine].engine
    assert own is not engine and own.pool.size() == 2
    engine.dispose()
    assert engine not in ratelimit._database_counters
