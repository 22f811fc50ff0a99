"""The product's clock: Dutch days, pinnable in development and tests, never in production."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from spil.kit import clock
from spil.kit.settings import Settings

SECRET = "a-test-secret-that-is-long-enough-0123456789"


def test_today_is_the_date_in_amsterdam_not_utc():
    # 23:30 UTC on 31 December is 00:30 on 1 January in Amsterdam (CET, UTC+1)
    with clock.pinned(dt.datetime(2026, 12, 31, 23, 30, tzinfo=dt.UTC)):
        assert clock.today() == dt.date(2027, 1, 1)
        assert clock.now().tzinfo is not None and clock.now().date() == dt.date(2026, 12, 31)
    # 22:30 UTC on 30 June is 00:30 on 1 July in summer time (CEST, UTC+2)
    with clock.pinned(dt.datetime(2027, 6, 30, 22, 30, tzinfo=dt.UTC)):
        assert clock.today() == dt.date(2027, 7, 1)


@pytest.mark.parametrize(
    ("text", "local"),
    [
        ("2027-02-28", dt.datetime(2027, 2, 28, 12, 0)),  # a date: noon in Amsterdam
        ("2026-12-31T23:40", dt.datetime(2026, 12, 31, 23, 40)),  # local time
        ("2028-02-29T08:15+01:00", dt.datetime(2028, 2, 29, 8, 15)),  # with an offset
    ],
)
def test_the_forms_a_pinned_clock_takes(text, local):
    moment = clock.parse_instant(text)
    assert moment.tzinfo is dt.UTC
    assert moment.astimezone(clock.ZONE).replace(tzinfo=None) == local


def test_a_pinned_clock_keeps_its_date_and_runs_on():
    was_pinned, before = clock.is_pinned(), clock.today()
    with clock.pinned("2031-06-15T23:40"):
        first = clock.now()
        assert clock.today() == dt.date(2031, 6, 15)
        assert clock.now() >= first  # it runs on from the pinned instant
    # afterwards the clock is what it was (the real one, or this run's SPIL_TODAY)
    assert clock.is_pinned() == was_pinned
    assert clock.today() in (before, before + dt.timedelta(days=1))


def test_spil_today_sets_the_clock_in_development_and_tests(monkeypatch):
    settings = Settings(env="test", secret_key=SECRET, today="2028-02-29")
    assert settings.today is not None
    assert settings.today.astimezone(clock.ZONE).date() == dt.date(2028, 2, 29)


def test_spil_today_is_refused_in_production():
    with pytest.raises(ValidationError, match="refused in production"):
        Settings(env="production", secret_key=SECRET, today="2027-02-28")
    # (``today=None`` stands for an environment without SPIL_TODAY, whatever this run's is)
    assert Settings(env="production", secret_key=SECRET, today=None).today is None


def test_spil_today_must_be_a_date_or_a_time():
    with pytest.raises(ValidationError, match="SPIL_TODAY must be"):
        Settings(env="test", secret_key=SECRET, today="tomorrow")
