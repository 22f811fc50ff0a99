"""The volunteer-allowance rules of FACTS.md §1 as a table of cases (pure: no database)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from spil.keypersons.allowance import Limits, Month, age_band_on, euro, evaluate, explain

# The figures of FACTS.md §1 (the migration ships the same as data; test_keypersons checks that).
LIMITS = {
    2019: Limits(2019, D("5.00"), D("2.75"), D("170"), D("1700"), 22),
    2023: Limits(2023, D("5.00"), D("2.75"), D("190"), D("1900"), 21),
    2024: Limits(2024, D("5.50"), D("3.25"), D("210"), D("2100"), 21),
    2025: Limits(2025, D("5.60"), D("3.30"), D("210"), D("2100"), 21),
}


def m(month: str, allowance="0", expenses="0", documented=True, hours=None) -> Month:
    year, mm = month.split("-")
    return Month(
        period=dt.date(int(year), int(mm), 1),
        allowance=D(allowance),
        expenses=D(expenses),
        expenses_documented=documented,
        hours=D(hours) if hours is not None else None,
    )


def limits_crossed(result) -> list[tuple[str, str]]:
    return [(v.limit, v.period) for v in result.violations]


CASES = [
    # (name, year, hourly, age band, months, expected violations)
    ("a month exactly at the maximum is allowed", 2025, False, None, [m("2025-03", "210")], []),
    (
        "one cent above the month maximum",
        2025,
        False,
        None,
        [m("2025-03", "210.01")],
        [("per-month", "2025-03")],
    ),
    (
        "one month above 210 is enough, even when the year stays far below 2,100",
        2025,
        False,
        None,
        [m("2025-01", "50"), m("2025-02", "215")],
        [("per-month", "2025-02")],
    ),
    (
        "the year exactly at the maximum",
        2025,
        False,
        None,
        [m(f"2025-{i:02d}", "175") for i in range(1, 13)],
        [],
    ),
    (
        "the year one cent above the maximum, every month within",
        2025,
        False,
        None,
        [m(f"2025-{i:02d}", "175") for i in range(1, 12)] + [m("2025-12", "175.01")],
        [("per-year", "2025")],
    ),
    ("2019: 170 a month", 2019, False, None, [m("2019-05", "171")], [("per-month", "2019-05")]),
    (
        "2019: 1,700 a year",
        2019,
        False,
        None,
        [m(f"2019-{i:02d}", "170") for i in range(1, 11)] + [m("2019-11", "1")],
        [("per-year", "2019")],
    ),
    ("hourly, 21 and older, at 5.60", 2025, True, "21-plus", [m("2025-04", "56", hours="10")], []),
    (
        "hourly, 21 and older, above 5.60",
        2025,
        True,
        "21-plus",
        [m("2025-04", "56.10", hours="10")],
        [("per-hour", "2025-04")],
    ),
    ("hourly, under 21, at 3.30", 2025, True, "under-21", [m("2025-04", "33", hours="10")], []),
    (
        "hourly, under 21, above 3.30",
        2025,
        True,
        "under-21",
        [m("2025-04", "34", hours="10")],
        [("per-hour", "2025-04")],
    ),
    (
        "2024: 5.50 an hour",
        2024,
        True,
        "21-plus",
        [m("2024-02", "56", hours="10")],
        [("per-hour", "2024-02")],
    ),
    (
        "without an hourly agreement the hourly maximum does not apply",
        2025,
        False,
        None,
        [m("2025-04", "100", hours="10")],
        [],
    ),
    (
        "the tax authority's combined example: €4/hour plus travel, €208 a month in 2023",
        2023,
        True,
        "21-plus",
        [m("2023-03", "16", expenses="192", hours="4")],
        [("per-month", "2023-03")],
    ),
    (
        "documented expenses alone have no maximum",
        2025,
        False,
        None,
        [m("2025-06", expenses="900"), m("2025-07", expenses="2500")],
        [],
    ),
    (
        "undocumented expenses are an allowance",
        2025,
        False,
        None,
        [m("2025-06", expenses="250", documented=False)],
        [("per-month", "2025-06")],
    ),
    (
        "documented expenses count in a month with an allowance",
        2025,
        False,
        None,
        [m("2025-06", "150", expenses="61")],
        [("per-month", "2025-06")],
    ),
    (
        "... but not in a month without one",
        2025,
        False,
        None,
        [m("2025-06", "150"), m("2025-07", expenses="300")],
        [],
    ),
    (
        "several limits at once",
        2025,
        True,
        "21-plus",
        [m("2025-01", "300", hours="10")] + [m(f"2025-{i:02d}", "200", hours="40") for i in range(2, 13)],
        [("per-hour", "2025-01"), ("per-month", "2025-01"), ("per-year", "2025")],
    ),
]


@pytest.mark.parametrize("name,year,hourly,band,months,expected", CASES, ids=[c[0] for c in CASES])
def test_limits(name, year, hourly, band, months, expected):
    result = evaluate(LIMITS[year], months, hourly_agreement=hourly, age_band=band)
    assert limits_crossed(result) == expected
    assert result.taxable is bool(expected)


def test_the_whole_allowance_is_taxable_when_one_limit_is_crossed():
    result = evaluate(LIMITS[2025], [m("2025-01", "100"), m("2025-02", "211")], hourly_agreement=False)
    assert result.taxable
    assert result.total_counted == D("311")  # everything counts, not just the 1 euro above
    text = explain(result, "en", hourly_agreement=False, sources=[])
    assert "whole allowance is taxable" in text


def test_age_at_the_start_of_the_month_decides_the_hourly_maximum():
    born = dt.date(2004, 6, 15)  # turns 21 on 15 June 2025
    assert age_band_on(born, dt.date(2025, 6, 1), 21) == "under-21"  # the month of the birthday: cautious
    assert age_band_on(born, dt.date(2025, 7, 1), 21) == "21-plus"
    result = evaluate(
        LIMITS[2025],
        [m("2025-06", "40", hours="10"), m("2025-07", "40", hours="10")],
        hourly_agreement=True,
        birth_date=born,
    )
    assert limits_crossed(result) == [("per-hour", "2025-06")]  # 4.00 > 3.30 in June, fine in July
    assert result.age_bands == {"2025-06": "under-21", "2025-07": "21-plus"}


def test_2019_used_an_age_cut_off_of_22():
    born = dt.date(1998, 3, 1)  # 21 in 2019: still "young" under the 2019 cut-off
    result = evaluate(LIMITS[2019], [m("2019-04", "40", hours="10")], hourly_agreement=True, birth_date=born)
    assert limits_crossed(result) == [("per-hour", "2019-04")]
    assert result.violations[0].maximum == D("2.75")


def test_near_limit_warnings_within_ten_percent():
    result = evaluate(LIMITS[2025], [m("2025-01", "189")], hourly_agreement=False)
    assert [(w.code, w.period) for w in result.warnings] == [("near-month-limit", "2025-01")]
    result = evaluate(LIMITS[2025], [m("2025-01", "188.99")], hourly_agreement=False)
    assert result.warnings == []
    year = evaluate(LIMITS[2025], [m(f"2025-{i:02d}", "158") for i in range(1, 13)], hourly_agreement=False)
    assert [w.code for w in year.warnings] == ["near-year-limit"]  # 1,896 of 2,100


def test_money_stays_exact():
    # 0.1 + 0.2 style sums must not drift: twelve months of 175.00 are exactly 2,100.00
    result = evaluate(
        LIMITS[2025], [m(f"2025-{i:02d}", "175.00") for i in range(1, 13)], hourly_agreement=False
    )
    assert result.total_counted == D("2100.00") and not result.taxable
    assert result.hourly_rates == {}


def test_explanations_in_dutch_and_english_name_the_sources():
    result = evaluate(LIMITS[2023], [m("2023-03", "16", expenses="192", hours="4")], hourly_agreement=True)
    sources = [{"title": "Belastingdienst", "url": "https://www.belastingdienst.nl"}]
    nl = explain(result, "nl", hourly_agreement=True, sources=sources)
    en = explain(result, "en", hourly_agreement=True, sources=sources)
    assert "maart 2023" in nl and "€208,00" in nl and "€190,00 per maand" in nl
    assert "hele vergoeding belast" in nl and "Belastingdienst in zijn eigen voorbeeld" in nl
    assert "marktconform" in nl and "https://www.belastingdienst.nl" in nl
    assert "March 2023" in en and "€208.00" in en and "other sources disagree" in en
    only_costs = evaluate(LIMITS[2025], [m("2025-06", expenses="900")], hourly_agreement=False)
    assert "geen maximum" in explain(only_costs, "nl", hourly_agreement=False, sources=[])


def test_an_assumed_year_is_said_plainly():
    result = evaluate(LIMITS[2025], [m("2025-01", "10")], hourly_agreement=False)
    from dataclasses import replace

    assumed = evaluate(replace(LIMITS[2025], year=2026), [m("2026-01", "10")], hourly_agreement=False)
    assert "aanname" in explain(assumed, "nl", hourly_agreement=False, sources=[], rules_year=2025)
    assert "aanname" not in explain(result, "nl", hourly_agreement=False, sources=[], rules_year=2025)


def test_euro_formatting():
    assert euro(D("2100"), "nl") == "€2.100,00"
    assert euro(D("2100"), "en") == "€2,100.00"
    assert euro(D("0.005"), "en") == "€0.01"
