"""Rate limits (login attempts, public pages) on the ``limits`` library.

The storage is configurable (``SPIL_RATE_LIMIT_STORAGE``): ``memory://`` per process for the
embedded mode, ``redis://...`` or ``memcached://...`` when several API processes run.
"""

from __future__ import annotations

from functools import lru_cache

from fastapi import Request
from limits import parse
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

from spil.kit.errors import ProblemError
from spil.kit.settings import get_settings


@lru_cache
def _limiter() -> MovingWindowRateLimiter:
    return MovingWindowRateLimiter(storage_from_string(get_settings().rate_limit_storage))


def client_ip(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def hit(limit: str, *keys: str, detail: str) -> None:
    """Count one hit against ``limit`` (e.g. ``10/minute``); refuse with 429 past it."""
    item = parse(limit)
    limiter = _limiter()
    if not limiter.hit(item, *keys):
        reset = limiter.get_window_stats(item, *keys).reset_time
        import time

        retry = max(1, int(reset - time.time()))
        raise ProblemError(429, detail, code="rate-limited", headers={"Retry-After": str(retry)})


def reset_all() -> None:
    """Forget every counter (tests)."""
    _limiter().storage.reset()
