"""Database engine and sessions: SQLite for the embedded mode, PostgreSQL in production.

One transaction per unit of work. A request's session (``get_session``, the ``SessionDep`` of
every router) commits once when the handler succeeds and rolls back on any error; the CLI, jobs
and tests use ``unit_of_work`` for the same. Services and the kit never commit: they add and
flush, and whoever owns the transaction decides.

On SQLite, a writing unit of work takes the database's write lock up front (``BEGIN IMMEDIATE``)
and waits for it up to ``SPIL_SQLITE_LOCK_TIMEOUT`` seconds, so that two writers never both read
and then fight over the lock ("database is locked") half-way through. PostgreSQL runs writers in
parallel; the few places that decide on a sum lock a row first (``lock_for_update``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel
from starlette.requests import Request

from spil.kit.settings import get_settings

# Constraint names that Alembic can diff and PostgreSQL/SQLite both accept.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(sa.types.TypeDecorator[datetime]):
    """A timezone-aware timestamp on both databases (SQLite drops the offset; we restore UTC)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTCDateTime column")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Money(sa.types.TypeDecorator[Decimal]):
    """An exact amount in euro: NUMERIC(precision, 2) on PostgreSQL; whole cents in an INTEGER
    on SQLite, whose NUMERIC affinity would store a binary float. Decimals in, Decimals out."""

    impl = sa.Numeric
    cache_ok = True

    def __init__(self, precision: int = 9) -> None:
        super().__init__()
        self.precision = precision

    def load_dialect_impl(self, dialect: sa.Dialect) -> sa.types.TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(sa.BigInteger())
        return dialect.type_descriptor(sa.Numeric(self.precision, 2))

    def process_bind_param(self, value: Decimal | None, dialect: sa.Dialect) -> Any:
        if value is None:
            return None
        amount = Decimal(value)
        if amount != amount.quantize(CENT):
            raise ValueError(f"{amount} has more than two decimals")
        return int(amount * 100) if dialect.name == "sqlite" else amount

    def process_result_value(self, value: Any, dialect: sa.Dialect) -> Decimal | None:
        if value is None:
            return None
        if dialect.name == "sqlite":
            return (Decimal(int(value)) / 100).quantize(CENT)
        return Decimal(value).quantize(CENT)


CENT = Decimal("0.01")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin (so SAVEPOINTs
    # and rollbacks behave as on PostgreSQL), and enforce foreign keys. A writer waits for the
    # write lock (busy_timeout) instead of failing at once; WAL lets readers go on meanwhile.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={int(get_settings().sqlite_lock_timeout * 1000)}")
    cursor.execute("PRAGMA journal_mode")
    if cursor.fetchone()[0] not in ("wal", "memory"):
        cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def _sqlite_begin(conn: sa.Connection) -> None:
    immediate = conn.get_execution_options().get("sqlite_immediate", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


# Seconds a PostgreSQL connection attempt may take before it counts as "the database is down".
CONNECT_TIMEOUT = 5


def make_engine(url: str, **kwargs: Any) -> Engine:
    if url.startswith("sqlite"):
        if ":memory:" not in url and url.startswith("sqlite:///"):
            from pathlib import Path

            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url, connect_args={"check_same_thread": False}, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    # Riding out a database restart: a pooled connection is tested before it is handed out
    # (pre-ping), so connections the restart broke are replaced instead of failing a request; one
    # that breaks mid-request invalidates the pool's other connections of its generation. A
    # connection attempt gives up after a few seconds (a host that does not answer at all would
    # otherwise hold the request for the TCP timeout); the request then answers 503 with
    # Retry-After (kit/errors.py), and the next one tries again.
    kwargs.setdefault("pool_pre_ping", True)
    kwargs.setdefault("pool_size", 10)
    kwargs.setdefault("max_overflow", 20)
    kwargs["connect_args"] = {"connect_timeout": CONNECT_TIMEOUT, **kwargs.get("connect_args", {})}
    return sa.create_engine(url, **kwargs)


_engine: Engine | None = None


def get_engine() -> Engine:
    global _engine
    if _engine is None:
        _engine = make_engine(get_settings().database_url)
    return _engine


SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

# Tests hand the requests a session of their own (inside a transaction they roll back); the
# request still commits and rolls back as in production, which the session turns into savepoints.
_borrowed: Session | None = None


def begin_write(session: Session) -> None:
    """Start ``session``'s transaction as a writer: on SQLite with ``BEGIN IMMEDIATE`` (the write
    lock, waited for), on PostgreSQL as usual. A no-op once the transaction has begun."""
    if not session.in_transaction():
        session.connection(execution_options={"sqlite_immediate": True})


@contextmanager
def unit_of_work(*, write: bool = True, engine: Engine | None = None) -> Iterator[Session]:
    """One transaction outside a request (CLI, jobs, tests): commit when the block succeeds,
    roll back on any error. ``write=False`` for reading only (no write lock on SQLite)."""
    if _borrowed is not None and engine is None:
        session = _borrowed
    else:
        session = Session(engine or get_engine(), expire_on_commit=False)
        if write:
            begin_write(session)
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        if session is not _borrowed:
            session.close()


def get_session(request: Request) -> Iterator[Session]:
    """FastAPI dependency (``SessionDep``): the request's unit of work. Writing methods begin as
    writers; the handler's success commits, any error rolls back. Used with ``scope="function"``,
    so the commit happens before the answer is sent and a failing commit is the answer."""
    with unit_of_work(write=request.method not in SAFE_METHODS) as session:
        yield session


@contextmanager
def borrowed_session(session: Session) -> Iterator[None]:
    """Tests: requests use ``session`` (and commit into it) instead of opening their own."""
    global _borrowed
    previous, _borrowed = _borrowed, session
    try:
        yield
    finally:
        _borrowed = previous


def lock_for_update(session: Session, model: type[SQLModel], ident: int) -> None:
    """Serialise writers that decide on a sum (a ledger limit): lock the row ``ident`` of
    ``model``'s table until this transaction ends. PostgreSQL: ``SELECT ... FOR UPDATE``. SQLite
    has no row locks, but a writing unit of work holds the database's write lock from its start
    (``begin_write``), which serialises the writers already."""
    table = sa.inspect(model).local_table
    if session.get_bind().dialect.name == "postgresql":
        session.execute(sa.select(table.c.id).where(table.c.id == ident).with_for_update())


# One lock for schema changes and demo seeding, so that several API processes starting at once
# (docker compose --scale backend=N) do not run them concurrently.
MIGRATION_LOCK_ID = 0x5350494C  # "SPIL"


def advisory_lock(conn: sa.Connection) -> None:
    """Hold the migration lock for the rest of this connection's transaction (PostgreSQL only)."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:id)"), {"id": MIGRATION_LOCK_ID})
