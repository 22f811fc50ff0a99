"""Rate limits (login attempts, public pages): a moving window per key, refused with 429.

Limits are written as the ``limits`` library parses them (``10/minute``). Where the counters live
is ``SPIL_RATE_LIMIT_STORAGE`` (docs/decisions/0013-rate-limits-in-the-database.md):

- ``database`` (the default): on PostgreSQL, in the table ``rate_limit_hit``, one row per hit
  that is still inside its window. Every worker and every API container shares them, with no
  server to run besides the database. A hit is counted in a short transaction of its own, on a
  small connection pool of its own: a request that rolls back still counts, a request's own
  transaction is never touched, and a busy request pool cannot starve the limiter. Expired
  rows are deleted now and then (at most once a minute per process). On SQLite (the embedded
  mode: one process) the counters are kept in memory.
- a ``limits`` storage URI: ``memory://`` (per process), ``redis://host:6379``, ...
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import math
import threading
import time
import weakref
from typing import Protocol

import sqlalchemy as sa
from fastapi import Request
from limits import RateLimitItem, parse
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Field, SQLModel

from spil.kit.db import UTCDateTime, get_engine, make_engine
from spil.kit.errors import ProblemError
from spil.kit.settings import get_settings

log = logging.getLogger("spil.ratelimit")

# The advisory-lock class of the counters (the two-key form: its key space is apart from the
# single-key migration lock); the second key is the hash of the counter's key.
LOCK_CLASS = 0x52415445  # "RATE"
CLEANUP_INTERVAL = 60.0  # seconds between two deletions of expired rows, per process
KEY_LENGTH = 255


class RateLimitHit(SQLModel, table=True):
    """One counted hit, until ``expires_at`` (its moment plus the window of its limit)."""

    __tablename__ = "rate_limit_hit"
    __table_args__ = (sa.Index("ix_rate_limit_hit_key_expires_at", "key", "expires_at"),)

    id: int | None = Field(
        default=None, sa_column=sa.Column(sa.BigInteger, primary_key=True, autoincrement=True)
    )
    key: str = Field(max_length=KEY_LENGTH)
    expires_at: dt.datetime = Field(sa_type=UTCDateTime, nullable=False)


class _Counters(Protocol):
    def hit(self, item: RateLimitItem, keys: tuple[str, ...]) -> int | None:
        """Count one hit for ``keys``; ``None`` within the limit, else the seconds to wait."""

    def reset(self) -> None:
        """Forget every counter."""


class _LimitsCounters:
    """Counters in a ``limits`` storage (memory, Redis, ...), with its moving-window strategy."""

    def __init__(self, uri: str) -> None:
        self.storage = storage_from_string(uri)
        self.limiter = MovingWindowRateLimiter(self.storage)

    def hit(self, item: RateLimitItem, keys: tuple[str, ...]) -> int | None:
        if self.limiter.hit(item, *keys):
            return None
        reset = self.limiter.get_window_stats(item, *keys).reset_time
        return max(1, math.ceil(reset - time.time()))

    def reset(self) -> None:
        self.storage.reset()


_COUNT = sa.text("SELECT count(*) FROM rate_limit_hit WHERE key = :key AND expires_at > clock_timestamp()")
_INSERT = sa.text(
    "INSERT INTO rate_limit_hit (key, expires_at) "
    "VALUES (:key, clock_timestamp() + make_interval(secs => :expiry))"
)
# The hit whose expiry brings the count back under the limit.
_WAIT = sa.text(
    "SELECT extract(epoch FROM expires_at - clock_timestamp()) FROM rate_limit_hit "
    "WHERE key = :key AND expires_at > clock_timestamp() ORDER BY expires_at OFFSET :skip LIMIT 1"
)


class _DatabaseCounters:
    """Counters in PostgreSQL's ``rate_limit_hit``, through ``engine`` (the limiter's own pool).
    The database's clock decides, so API processes on several hosts agree."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._next_cleanup = 0.0
        self._cleaning = threading.Lock()

    def hit(self, item: RateLimitItem, keys: tuple[str, ...]) -> int | None:
        key = item.key_for(*keys)
        if len(key) > KEY_LENGTH:
            key = "sha256:" + hashlib.sha256(key.encode()).hexdigest()
        wait: int | None = None
        with self.engine.begin() as conn:
            # Hits of one key take turns (until this transaction ends), so that two processes
            # never both see room for one more; other keys are not held up.
            conn.execute(
                sa.text("SELECT pg_advisory_xact_lock(:cls, hashtext(:key))"), {"cls": LOCK_CLASS, "key": key}
            )
            counted = conn.execute(_COUNT, {"key": key}).scalar_one()
            if counted < item.amount:
                conn.execute(_INSERT, {"key": key, "expiry": item.get_expiry()})
            else:
                left = conn.execute(_WAIT, {"key": key, "skip": counted - item.amount}).scalar()
                wait = max(1, math.ceil(float(left or 1)))
        self._clean_up_now_and_then()
        return wait

    def _clean_up_now_and_then(self) -> None:
        if time.monotonic() < self._next_cleanup or not self._cleaning.acquire(blocking=False):
            return
        try:
            self._next_cleanup = time.monotonic() + CLEANUP_INTERVAL
            with self.engine.begin() as conn:
                conn.execute(sa.text("DELETE FROM rate_limit_hit WHERE expires_at <= clock_timestamp()"))
        except sa.exc.SQLAlchemyError as exc:  # the hit counted; the rows go next time
            log.warning("could not delete expired rate-limit hits: %s", exc)
        finally:
            self._cleaning.release()

    def reset(self) -> None:
        with self.engine.begin() as conn:
            conn.execute(sa.text("DELETE FROM rate_limit_hit"))


_registry_lock = threading.Lock()
_limits_counters: dict[str, _LimitsCounters] = {}
# Per application engine, the limiter's own small engine on the same database; disposed with it.
_database_counters: weakref.WeakKeyDictionary[Engine, _DatabaseCounters] = weakref.WeakKeyDictionary()


def _forget(engine: Engine) -> None:
    counters = _database_counters.pop(engine, None)
    if counters is not None:
        counters.engine.dispose()


def _for_database(engine: Engine) -> _DatabaseCounters:
    counters = _database_counters.get(engine)
    if counters is None:
        with _registry_lock:
            counters = _database_counters.get(engine)
            if counters is None:
                url = engine.url.render_as_string(hide_password=False)
                own = make_engine(url, pool_size=2, max_overflow=8, pool_timeout=10)
                counters = _database_counters[engine] = _DatabaseCounters(own)
                if not event.contains(engine, "engine_disposed", _forget):
                    event.listen(engine, "engine_disposed", _forget)
    return counters


def _counters() -> _Counters:
    storage = get_settings().rate_limit_storage
    if storage == "database":
        engine = get_engine()
        if engine.dialect.name == "postgresql":
            return _for_database(engine)
        storage = "memory://"
    counters = _limits_counters.get(storage)
    if counters is None:
        with _registry_lock:
            counters = _limits_counters.setdefault(storage, _LimitsCounters(storage))
    return counters


def client_ip(request: Request) -> str:
    """The client's address. Behind a proxy, uvicorn puts the address from ``X-Forwarded-For``
    here, but only for a peer in ``SPIL_FORWARDED_ALLOW_IPS`` (backend/docker-entrypoint.sh)."""
    return request.client.host if request.client else "unknown"


def hit(limit: str, *keys: str, detail: str) -> None:
    """Count one hit against ``limit`` (e.g. ``10/minute``) for ``keys``; past it, refuse with
    429 and ``Retry-After``."""
    item = parse(limit)
    wait = _counters().hit(item, keys)
    if wait is not None:
        raise ProblemError(429, detail, code="rate-limited", headers={"Retry-After": str(wait)})


def reset_all() -> None:
    """Forget every counter (tests)."""
    with _registry_lock:
        stores: list[_Counters] = [*_limits_counters.values(), *_database_counters.values()]
    for counters in stores:
        counters.reset()
