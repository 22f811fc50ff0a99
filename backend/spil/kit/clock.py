"""The product's clock: what "now" and "today" are for Spil.

School days are Dutch days: ``today()`` is the date in Europe/Amsterdam, not the server's local
date or UTC (at 00:30 on 1 January a UTC server is still in December). ``now()`` is an aware
instant in UTC, for timestamps.

The clock can be pinned, for the demo and the tests, so that they can be run "on" a date:

- ``SPIL_TODAY=2027-02-28`` (noon in Amsterdam) or ``SPIL_TODAY=2026-12-31T23:40`` (Amsterdam
  local time, or with an explicit offset) in development and test; the settings refuse it in
  production. The pinned clock starts at that instant when the process starts and then runs on
  with the real clock, so that durations (sessions, rate limits, "since your last visit") stay
  real while the date is the one asked for.
- ``pinned(...)`` in-process, for a test that needs a moment of its own.

Nothing else in Spil calls ``date.today()`` or ``datetime.now()``.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from contextlib import contextmanager
from zoneinfo import ZoneInfo

ZONE = ZoneInfo("Europe/Amsterdam")

# (the pinned instant, the monotonic reading when it was pinned); None: the real clock.
_pin: tuple[dt.datetime, float] | None = None
_configured = False


def parse_instant(value: str | dt.date | dt.datetime) -> dt.datetime:
    """``2027-02-28`` (noon in Amsterdam), ``2026-12-31T23:40`` (Amsterdam) or an ISO instant with
    an offset, as an aware UTC datetime. Raises ``ValueError`` on anything else."""
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, dt.date):
        moment = dt.datetime.combine(value, dt.time(12, 0))
    else:
        text = value.strip()
        if len(text) == 10:
            moment = dt.datetime.combine(dt.date.fromisoformat(text), dt.time(12, 0))
        else:
            moment = dt.datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZONE)
    return moment.astimezone(dt.UTC)


def _configure() -> None:
    global _configured, _pin
    if _configured:
        return
    _configured = True
    from spil.kit.settings import get_settings

    pinned_at = get_settings().today
    if pinned_at is not None and _pin is None:
        _pin = (pinned_at, time.monotonic())


def now() -> dt.datetime:
    """The current instant, aware, in UTC."""
    _configure()
    if _pin is None:
        return dt.datetime.now(dt.UTC)
    start, mono = _pin
    return start + dt.timedelta(seconds=time.monotonic() - mono)


def local_now() -> dt.datetime:
    """The current time in Amsterdam."""
    return now().astimezone(ZONE)


def today() -> dt.date:
    """Today's date in Amsterdam."""
    return local_now().date()


def is_pinned() -> bool:
    _configure()
    return _pin is not None


def pin(value: str | dt.date | dt.datetime | None) -> None:
    """Pin the clock at ``value`` (see ``parse_instant``) from now on; ``None`` releases it."""
    global _pin, _configured
    _configured = True
    _pin = None if value is None else (parse_instant(value), time.monotonic())


@contextmanager
def pinned(value: str | dt.date | dt.datetime) -> Iterator[None]:
    """Run a block "on" a moment; the previous clock comes back afterwards."""
    global _pin, _configured
    previous, was_configured = _pin, _configured
    pin(value)
    try:
        yield
    finally:
        _pin, _configured = previous, was_configured


def reset() -> None:
    """Forget the pin and read ``SPIL_TODAY`` again on next use (after the settings change)."""
    global _pin, _configured
    _pin, _configured = None, False
