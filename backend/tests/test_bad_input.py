"""Bad input is a 400 that names the field, never a 500, on both databases (found by a probe)."""

from __future__ import annotations

import pytest

from tests.test_transfer import post_csv

BOARD_ADMIN = "bestuur@demo.spil.nl"


def _fatima(api) -> int:
    items = api.get("/volunteer-agreements", params={"pageSize": 100}).json()["items"]
    return next(a["id"] for a in items if a["personName"] == "Fatima El Amrani")


@pytest.mark.parametrize("month", ["0000-01", "9999-12", "1899-12", "2025-13", "2025-1"])
def test_a_payment_for_an_impossible_month(login, month):
    api = login(BOARD_ADMIN)
    r = api.post("/allowance-payments", {"agreementId": _fatima(api), "month": month, "allowance": 10})
    assert r.status_code == 400, r.text
    assert [p["name"] for p in r.json()["invalidParams"]] == ["month"]


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "1899-12-31", "2101-01-01"])
def test_dates_far_outside_a_schools_life(login, demo, day):
    api = login(BOARD_ADMIN)
    r = api.post(
        "/key-person-activities",
        {"schoolId": demo["12AB00"], "kind": "coffee-morning", "occurredOn": day, "parentsReached": 1},
    )
    assert r.status_code == 400, r.text
    assert "occurredOn" in [p["name"] for p in r.json()["invalidParams"]]


@pytest.mark.parametrize("value", [True, False, 1.5, 0, 2**31])
def test_an_id_is_a_number_not_a_boolean(login, value):
    api = login(BOARD_ADMIN)
    r = api.post("/partners", {"boardId": value, "name": "X", "category": "sport"})
    assert r.status_code == 400, r.text
    assert [p["name"] for p in r.json()["invalidParams"]] == ["boardId"]


def test_a_csv_with_a_cell_over_the_csv_limit(login, demo):
    api = login(BOARD_ADMIN)
    content = ("naam;categorie\r\n" + "x" * 140_000 + ";sport\r\n").encode()
    r = post_csv(api, "partners", demo["41234"], content)
    assert r.status_code == 400, r.text
    assert r.json()["type"].endswith("unreadable-file") and r.json()["invalidParams"][0]["name"] == "file"


def test_a_csv_with_nul_bytes(login, demo):
    api = login(BOARD_ADMIN)
    r = post_csv(api, "partners", demo["41234"], b"naam;categorie\r\nSpeel\x00tuin;sport\r\n")
    assert r.status_code == 400, r.text
    assert r.json()["type"].endswith("unreadable-file")
    assert api.get("/partners", params={"q": "tuin"}).json()["total"] == 0


@pytest.mark.parametrize("period", ["２０２５-03", "2025-Q５", "٢٠٢٥-03"])
def test_a_period_in_other_digits_is_refused(login, demo, period):
    """Only ASCII digits: "２０２５-03" would be stored beside "2025-03" as another period."""
    r = login("coordinator@demo.spil.nl").post(
        "/measurements",
        {"indicator": "parent-contacts", "schoolId": demo["12AB00"], "period": period, "value": 3},
    )
    assert r.status_code == 400, r.text


@pytest.mark.parametrize("value", [0, 1, "yes", "false", "off"])
def test_a_boolean_is_true_or_false(login, demo, value):
    """Found by the fuzzer's strict check: `"published": 0` was taken as false."""
    api = login("directie@demo.spil.nl")
    listing = api.get("/key-person-listings", params={"schoolId": demo["12AB00"]}).json()["items"][0]
    r = api.patch(f"/key-person-listings/{listing['id']}", {"published": value})
    assert r.status_code == 400, r.text
    assert r.json()["invalidParams"][0]["name"] == "published"
