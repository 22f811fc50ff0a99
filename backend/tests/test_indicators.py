"""Indicators: the catalogue, measurements with their bad input, targets, derived values and the
roll-up arithmetic school → board → region."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import sqlalchemy as sa

from spil.indicators import derived, periods, series
from spil.indicators.models import Indicator, Measurement
from spil.keypersons.models import KeyPersonActivity
from spil.kit import clock
from spil.kit.policy import Principal
from spil.organisations.models import Region, School

BOARD = "bestuur@demo.spil.nl"
COORDINATOR = "coordinator@demo.spil.nl"
ADMIN = Principal(kind="user", id=0, label="test", is_platform_admin=True)


def invalid_fields(r):
    assert r.status_code == 400, r.text
    return {p["name"]: p["code"] for p in r.json()["invalidParams"]}


def put(db, code, school_id, board_id, period, value):
    indicator = db.execute(
        sa.select(Indicator).where(Indicator.code == code, Indicator.board_id.is_(None))
    ).scalar_one()
    db.add(
        Measurement(
            indicator_id=indicator.id,
            board_id=board_id,
            school_id=school_id,
            scope_key=f"school:{school_id}" if school_id else f"board:{board_id}",
            period=period,
            period_start=periods.start_of(indicator.frequency, period),
            value=Decimal(value),
            entered_by="test",
        )
    )
    db.flush()


@pytest.mark.parametrize(
    "frequency,period,start",
    [
        ("month", "2025-03", dt.date(2025, 3, 1)),
        ("quarter", "2025-Q4", dt.date(2025, 10, 1)),
        ("school-year", "2024-2025", dt.date(2024, 8, 1)),
    ],
)
def test_periods(frequency, period, start):
    assert periods.start_of(frequency, period) == start
    assert periods.period_of(frequency, start) == period


@pytest.mark.parametrize(
    "frequency,period",
    [("month", "2025-13"), ("month", "2025-Q1"), ("quarter", "2025-Q5"), ("school-year", "2024-2026")],
)
def test_wrong_periods(frequency, period):
    with pytest.raises(periods.PeriodError):
        periods.start_of(frequency, period)


def test_catalogue(login):
    found = login(COORDINATOR).get("/indicators").json()
    assert len(found) >= 15
    codes = {i["code"]: i for i in found}
    assert codes["parent-evening-attendance"]["unit"] == "percentage"
    assert codes["key-person-activities"]["derived"] and not codes["parent-contacts"]["derived"]
    assert {i["domain"] for i in found} == {
        "key-persons",
        "collaboration",
        "confidential-work",
        "inclusion",
        "region",
    }
    assert codes["job-agreement-jobs"]["derived"] and codes["job-agreement-jobs"]["frequency"] == "month"


def test_a_board_adds_its_own_indicator(login, demo):
    api = login(BOARD)
    body = {
        "boardId": demo["41234"],
        "code": "reading-club",
        "nameNl": "Leesclub",
        "nameEn": "Reading club",
        "unit": "count",
        "frequency": "month",
        "domain": "inclusion",
    }
    assert api.post("/indicators", body).status_code == 201
    assert api.post("/indicators", body).status_code == 409
    assert api.post("/indicators", {**body, "code": "parent-contacts"}).status_code == 409
    assert login(COORDINATOR).post("/indicators", {**body, "code": "x-club"}).status_code == 403
    assert login("bestuur@tweede.spil.nl").get("/indicators/reading-club").status_code == 404


def test_measurements_and_their_bad_input(login, demo):
    api = login(COORDINATOR)
    body = {
        "indicator": "parent-evening-attendance",
        "schoolId": demo["12AB00"],
        "period": "2023-2024",
        "value": 55.5,
    }
    r = api.post("/measurements", body)
    assert r.status_code == 201, r.text
    created = r.json()
    assert created["source"] == "entered" and created["enteredBy"] == COORDINATOR
    dup = api.post("/measurements", body)
    assert dup.status_code == 409 and dup.json()["existingId"] == created["id"]
    assert invalid_fields(api.post("/measurements", {**body, "period": "2024-03"})) == {
        "period": "wrong-period"
    }
    assert invalid_fields(api.post("/measurements", {**body, "period": "2022-2023", "value": 100.5})) == {
        "value": "out-of-range"
    }
    assert invalid_fields(api.post("/measurements", {**body, "indicator": "nope"})) == {
        "indicator": "unknown-indicator"
    }
    assert invalid_fields(
        api.post("/measurements", {**body, "indicator": "key-person-activities", "period": "2025-01"})
    ) == {"indicator": "derived"}
    assert invalid_fields(
        api.post(
            "/measurements",
            {"indicator": "parent-contacts", "schoolId": demo["12AB00"], "period": "2025-01", "value": 2.5},
        )
    ) == {"value": "not-a-count"}
    assert invalid_fields(api.post("/measurements", {**body, "schoolId": demo["23CD00"]})) == {
        "schoolId": "unknown-reference"
    }
    assert "body" in invalid_fields(api.post("/measurements", {**body, "boardId": demo["41234"]}))
    url = f"/measurements/{created['id']}"
    etag = api.get(url).headers["ETag"]
    assert api.patch(url, {"value": 60}, headers={"If-Match": etag}).json()["value"] == 60
    assert api.patch(url, {"value": 61}, headers={"If-Match": etag}).status_code == 412
    assert invalid_fields(api.patch(url, {"value": 120})) == {"value": "out-of-range"}
    assert login("lezer@demo.spil.nl").patch(url, {"value": 1}).status_code == 403
    assert login("regio@demo.spil.nl").get(url).status_code == 404
    assert login(COORDINATOR).delete(url).status_code == 204


def test_bulk_is_all_or_nothing_and_idempotent(login, demo):
    api = login(BOARD)
    items = [
        {
            "indicator": "parent-contacts",
            "schoolId": demo["12AB00"],
            "period": f"2024-{m:02d}",
            "value": 10 + m,
        }
        for m in range(1, 4)
    ]
    bad = api.post("/measurements/bulk", {"items": [*items, {**items[0], "value": -1}]})
    assert invalid_fields(bad) == {"items.3.value": "not-a-count"}
    twice = api.post("/measurements/bulk", {"items": [*items, items[0]]})
    assert invalid_fields(twice) == {"items.3.period": "duplicate"}
    assert (
        api.get(
            "/measurements", params={"indicator": "parent-contacts", "from": "2024-01-01", "to": "2024-12-31"}
        ).json()["total"]
        == 0
    )
    key = {"Idempotency-Key": "bulk-2024-q1"}
    first = api.post("/measurements/bulk", {"items": items}, headers=key)
    assert first.status_code == 201 and first.json()["created"] == 3
    again = api.post("/measurements/bulk", {"items": items}, headers=key)
    assert again.status_code == 201 and again.headers.get("Idempotent-Replayed") == "true"
    assert (
        api.get(
            "/measurements", params={"indicator": "parent-contacts", "from": "2024-01-01", "to": "2024-12-31"}
        ).json()["total"]
        == 3
    )


def test_rollups_per_aggregation_with_missing_values(db, demo):
    s1, s2, board = demo["12AB00"], demo["23CD00"], demo["41234"]
    put(db, "parent-contacts", s1, board, "2024-01", "10")
    put(db, "parent-contacts", s2, board, "2024-01", "20")
    put(
        db, "parent-contacts", s1, board, "2024-02", "5"
    )  # De Regenboog missed February; nobody measured March
    put(db, "culture-sensitive-team", s1, board, "2022-2023", "5")
    put(db, "culture-sensitive-team", s1, board, "2023-2024", "10")
    sums = series.series(
        db, ADMIN, "parent-contacts", f"board:{board}", start="2024-01", end="2024-03", compare=True
    )
    assert [(p.period, p.value, p.contributors) for p in sums.points] == [
        ("2024-01", Decimal("30"), 2),
        ("2024-02", Decimal("5"), 1),
        ("2024-03", None, 0),
    ]
    # without the comparison the database adds up: the same line
    assert (
        series.series(
            db, ADMIN, "parent-contacts", f"board:{board}", start="2024-01", end="2024-03", compare=False
        ).points
        == sums.points
    )
    regenboog = next(x for x in sums.schools if x.school_name == "Basisschool De Regenboog")
    assert [p.value for p in regenboog.points] == [Decimal("20"), None, None]
    put(db, "culture-sensitive-team", s2, board, "2023-2024", "3")  # mean of 10 and 3
    means = series.series(
        db,
        ADMIN,
        "culture-sensitive-team",
        f"board:{board}",
        start="2022-2023",
        end="2023-2024",
        compare=False,
    )
    assert [(p.period, p.value) for p in means.points] == [
        ("2022-2023", Decimal("5")),
        ("2023-2024", Decimal("6.5")),
    ]
    assert [p.contributors for p in means.points] == [1, 2]
    put(db, "culture-sensitive-team", s2, board, "2022-2023", "2")  # (5 + 2) / 2 = 3.5
    put(db, "culture-sensitive-team", s1, board, "2021-2022", "10")
    three = series.series(
        db,
        ADMIN,
        "culture-sensitive-team",
        f"board:{board}",
        start="2021-2022",
        end="2022-2023",
        compare=False,
    )
    assert [p.value for p in three.points] == [Decimal("10"), Decimal("3.5")]
    assert (
        three.points
        == series.series(
            db,
            ADMIN,
            "culture-sensitive-team",
            f"board:{board}",
            start="2021-2022",
            end="2022-2023",
            compare=True,
        ).points
    )
    # a value entered for the board itself is the board's figure for that period
    put(db, "parent-contacts", None, board, "2024-01", "99")
    assert (
        series.series(
            db, ADMIN, "parent-contacts", f"board:{board}", start="2024-01", end="2024-01", compare=False
        )
        .points[0]
        .value
        == 99
    )
    region = db.execute(sa.select(Region.id).where(Region.code == "AM37")).scalar_one()
    regional = series.series(
        db, ADMIN, "parent-contacts", f"region:{region}", start="2024-01", end="2024-02", compare=False
    )
    assert [p.value for p in regional.points] == [
        Decimal("30"),
        Decimal("5"),
    ]  # school entries of the region's schools


def test_last_rolls_up_as_a_mean(db, demo):
    from spil.indicators.series import _aggregate

    assert _aggregate("last", [Decimal("2"), Decimal("4")]) == Decimal("3")
    assert _aggregate("sum", []) is None


def test_derived_indicators_follow_the_registry(db, demo, login):
    school = demo["12AB00"]
    db.add(
        KeyPersonActivity(
            board_id=demo["41234"],
            school_id=school,
            kind="intake",
            occurred_on=dt.date(2024, 5, 3),
            parents_reached=7,
        )
    )
    db.add(
        KeyPersonActivity(
            board_id=demo["41234"],
            school_id=school,
            kind="workshop",
            occurred_on=dt.date(2024, 5, 20),
            parents_reached=5,
        )
    )
    db.flush()
    activities = series.series(
        db, ADMIN, "key-person-activities", f"school:{school}", start="2024-05", end="2024-06", compare=False
    )
    assert [p.value for p in activities.points] == [Decimal("2"), None]
    parents = series.series(
        db, ADMIN, "parents-reached", f"school:{school}", start="2024-05", end="2024-05", compare=False
    )
    assert parents.points[0].value == Decimal("12")
    today = clock.today()
    share = series.series(
        db,
        ADMIN,
        "partnerships-two-contacts",
        f"school:{school}",
        start=None,
        end=None,
        compare=False,
        today=today,
    )
    # OBS De Spil: library and childcare have two contacts, CJG one: 2 of 3
    assert share.points[-1].value == Decimal("66.67")
    api = login("directie@demo.spil.nl")
    cases = api.get("/indicators/confidential-cases/series", params={"scope": f"school:{school}"}).json()
    assert (
        cases["points"][-1]["suppressed"] and cases["points"][-1]["value"] is None
    )  # below 5, not a counsellor
    counsellor = (
        login("vertrouwenspersoon@demo.spil.nl")
        .get("/indicators/confidential-cases/series", params={"scope": f"school:{school}"})
        .json()
    )
    assert counsellor["points"][-1]["value"] is not None


def test_region_contacts_see_aggregates_only(login, demo):
    api = login("regio@demo.spil.nl")
    assert (
        api.get(
            "/indicators/parent-contacts/series", params={"scope": f"school:{demo['12AB00']}"}
        ).status_code
        == 404
    )
    board = api.get("/indicators/parent-contacts/series", params={"scope": f"board:{demo['41234']}"})
    assert board.status_code == 200 and board.json()["schools"] is None
    assert (
        api.get(
            "/indicators/parent-contacts/series",
            params={"scope": f"board:{demo['41234']}", "compare": "true"},
        ).status_code
        == 404
    )
    assert api.get("/measurements").json()["total"] == 0
    assert api.get("/indicators/parent-contacts/series", params={"scope": "nope:1"}).status_code == 400
    assert (
        api.get(
            "/indicators/parent-contacts/series",
            params={"scope": f"board:{demo['41234']}", "from": "2024-Q1"},
        ).status_code
        == 400
    )


def test_targets(login, demo):
    api = login("directie@demo.spil.nl")

    def put_target(value, **change):
        body = {
            "indicator": "parent-contacts",
            "schoolId": demo["12AB00"],
            "period": "2024-09",
            "value": value,
            **change,
        }
        return api.client.put("/api/v1/targets", json=body, headers={"X-CSRF-Token": api.csrf})

    assert put_target(40).json()["value"] == 40
    assert put_target(45).json()["value"] == 45  # setting it again replaces it
    listed = [
        t
        for t in api.get("/targets", params={"indicator": "parent-contacts"}).json()
        if t["period"] == "2024-09"
    ]
    assert [t["value"] for t in listed] == [45]
    series = api.get(
        "/indicators/parent-contacts/series",
        params={"scope": f"school:{demo['12AB00']}", "from": "2024-09", "to": "2024-09"},
    ).json()
    assert series["points"][0]["target"] == 45
    assert invalid_fields(put_target(40, period="2024")) == {"period": "wrong-period"}
    coordinator = login(COORDINATOR)
    r = coordinator.client.put(
        "/api/v1/targets",
        json={"indicator": "parent-contacts", "schoolId": demo["12AB00"], "period": "2024-10", "value": 1},
        headers={"X-CSRF-Token": coordinator.csrf},
    )
    assert r.status_code == 403


def test_a_target_for_a_whole_year_at_once(login, demo):
    """Issue 16, item 5: one value for every period of a school year (or a calendar year)."""
    api = login("directie@demo.spil.nl")

    def put_year(year, value=12, indicator="parent-contacts"):
        body = {"indicator": indicator, "schoolId": demo["12AB00"], "year": year, "value": value}
        return api.client.put("/api/v1/targets/year", json=body, headers={"X-CSRF-Token": api.csrf})

    r = put_year("2025-2026")
    assert r.status_code == 200, r.text
    periods = [t["period"] for t in r.json()]
    assert periods == ["2025-08", "2025-09", "2025-10", "2025-11", "2025-12"] + [
        f"2026-{m:02d}" for m in range(1, 8)
    ]
    assert {t["value"] for t in r.json()} == {12}
    # a month set on its own before is replaced, not doubled
    assert put_year("2025-2026", value=14).status_code == 200
    listed = [
        t
        for t in api.get("/targets", params={"indicator": "parent-contacts"}).json()
        if t["period"] == "2026-03"
    ]
    assert [t["value"] for t in listed] == [14]
    assert [t["period"] for t in put_year("2027").json()] == [f"2027-{m:02d}" for m in range(1, 13)]
    assert invalid_fields(put_year("2025-2027")) == {"year": "wrong-year"}
    assert invalid_fields(put_year("1999-2000")) == {"year": "wrong-year"}
    refused = put_year("2025-2026", value=140, indicator="partnerships-two-contacts")
    assert invalid_fields(refused) == {"value": "out-of-range"}
    # nothing half-written: a refused year leaves no target behind
    assert not [
        t for t in api.get("/targets").json() if t["period"].startswith("2025-") and t["value"] == 140
    ]


def test_year_periods_of_each_frequency():
    from spil.indicators.targets import year_periods

    assert year_periods("quarter", "2026-2027") == ["2026-Q4", "2027-Q1", "2027-Q2", "2027-Q3"]
    assert year_periods("quarter", "2027") == ["2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"]
    assert year_periods("school-year", "2026-2027") == ["2026-2027"]
    assert year_periods("school-year", "2027") is None
    assert year_periods("month", "2026-2028") is None
    assert len(year_periods("month", "2026-2027") or []) == 12


def test_csv_import_of_measurements_with_a_dry_run(login, demo):
    from tests.test_transfer import post_csv

    api = login(BOARD)
    content = (
        "indicator;vestiging;periode;waarde;toelichting\r\n"
        "parent-contacts;12AB00;2023-05;31;\r\n"
        "parent-contacts;;2023-05;50;hele bestuur\r\n"
        "parent-evening-attendance;23CD00;2023-2024;57,5;\r\n"
        "parent-evening-attendance;23CD00;2023-05;101;\r\n"
        "parent-contacts;67GH00;2023-05;3;\r\n"
    ).encode("cp1252")
    preview = post_csv(api, "measurements", demo["41234"], content)
    body = preview.json()
    assert preview.status_code == 200 and body["dryRun"] and not body["written"]
    assert [r["status"] for r in body["rows"]] == ["create", "create", "create", "error", "error"]
    assert {e["field"] for e in body["rows"][3]["errors"]} == {"period", "value"}
    assert body["rows"][4]["errors"][0]["field"] == "school"
    assert api.get("/measurements", params={"from": "2023-01-01", "to": "2023-12-31"}).json()["total"] == 0
    written = post_csv(api, "measurements", demo["41234"], content, dryRun=False, validOnly=True).json()
    assert written["written"] and written["created"] == 3
    listed = api.get("/measurements", params={"from": "2023-01-01", "to": "2024-12-31"}).json()["items"]
    assert {(m["indicator"], m["value"], m["source"]) for m in listed} == {
        ("parent-contacts", 31, "imported"),
        ("parent-contacts", 50, "imported"),
        ("parent-evening-attendance", 57.5, "imported"),
    }
    again = post_csv(api, "measurements", demo["41234"], content, dryRun=False, validOnly=True).json()
    assert [r["status"] for r in again["rows"][:3]] == [
        "unchanged"
    ] * 3  # sending the file again changes nothing
    export = api.client.get("/api/v1/exports/measurements", params={"boardId": demo["41234"]})
    assert export.status_code == 200 and "parent-evening-attendance;23CD00;2023-2024;57.5" in export.text


def test_importing_measurements_needs_the_indicators_scope(login, demo, client):
    key = (
        login(BOARD)
        .post("/api-clients", {"name": "LAS", "scopes": ["people:write"], "boardId": demo["41234"]})
        .json()["key"]
    )
    r = client.post(
        "/api/v1/imports/measurements",
        params={"boardId": demo["41234"]},
        content=b"indicator;period;value\r\nparent-contacts;2023-05;1\r\n",
        headers={"Authorization": f"Bearer {key}", "Content-Type": "text/csv"},
    )
    assert r.status_code == 403 and r.json()["type"] == "urn:spil:problem:insufficient-scope"


def test_the_built_in_catalogue_is_what_the_migrations_ship(db):
    """catalogue.py documents the built-in indicators; the migrations ship them: the two agree."""
    from spil.indicators.catalogue import DESCRIPTIONS, INDICATORS

    rows = db.execute(sa.select(Indicator).where(Indicator.board_id.is_(None))).scalars().all()
    shipped = {
        i.code: (
            i.code,
            i.name_nl,
            i.name_en,
            i.unit,
            i.direction,
            i.aggregation,
            i.frequency,
            i.domain,
            i.derived,
            i.source,
        )
        for i in rows
    }
    assert shipped == {row[0]: row for row in INDICATORS}
    assert {i.code: (i.description_nl, i.description_en) for i in rows} == DESCRIPTIONS
    assert set(derived.DERIVED) == {i.code for i in rows if i.derived}  # every derived one is computed


def test_open_gaps_by_severity_count_what_the_gaps_list_shows(login, demo):
    api = login(BOARD)
    board, school = demo["41234"], demo["12AB00"]
    gaps_of_school = api.get("/gaps", params={"schoolId": school}).json()["counts"]
    gaps_of_board = api.get("/gaps", params={"boardId": board}).json()["counts"]
    assert gaps_of_board["error"] and gaps_of_board["warning"]  # the demo data shows both

    def now(code, scope, **params):
        r = api.get(f"/indicators/{code}/series", params={"scope": scope, **params})
        assert r.status_code == 200, r.text
        return r.json()["points"][-1]

    for severity in ("error", "warning"):
        assert Decimal(now(f"open-gaps-{severity}", f"school:{school}")["value"]) == gaps_of_school[severity]
        # the board's figure: its schools plus its own board-wide gaps
        assert Decimal(now(f"open-gaps-{severity}", f"board:{board}")["value"]) == gaps_of_board[severity]
    compared = api.get(
        "/indicators/open-gaps-error/series", params={"scope": f"board:{board}", "compare": "true"}
    ).json()["schools"]
    spil = next(s for s in compared if s["schoolId"] == school)
    assert Decimal(spil["points"][-1]["value"]) == gaps_of_school["error"]
    # a snapshot of now: an earlier month has no value, and no value is not zero
    past = api.get(
        "/indicators/open-gaps-error/series",
        params={"scope": f"school:{school}", "from": "2024-01", "to": "2024-02"},
    ).json()["points"]
    assert [p["value"] for p in past] == [None, None]
    # a new partnership without a contact is one more urgent gap
    partner = api.post("/partners", {"boardId": board, "name": "Sportclub Haarlem", "category": "culture"})
    assert partner.status_code == 201, partner.text
    created = api.post(
        "/partnerships",
        {"schoolId": school, "partnerId": partner.json()["id"], "status": "active", "levels": ["group"]},
    )
    assert created.status_code == 201, created.text
    assert Decimal(now("open-gaps-error", f"school:{school}")["value"]) == gaps_of_school["error"] + 1


def test_derived_indicators_need_the_api_scope_of_their_records(login, demo, client):
    key = (
        login(BOARD)
        .post("/api-clients", {"name": "Dashboard", "scopes": ["indicators:read"], "boardId": demo["41234"]})
        .json()["key"]
    )
    headers = {"Authorization": f"Bearer {key}"}
    scope = {"scope": f"board:{demo['41234']}"}
    for code in ("open-gaps-error", "allowance-headroom", "parents-reached", "active-partnerships"):
        r = client.get(f"/api/v1/indicators/{code}/series", params=scope, headers=headers)
        assert r.status_code == 403 and r.json()["type"] == "urn:spil:problem:insufficient-scope", code
    assert (
        client.get("/api/v1/indicators/parent-contacts/series", params=scope, headers=headers).status_code
        == 200
    )
    # ... and the catalogue does not offer what the key cannot read (no dead end in a menu)
    offered = {i["code"] for i in client.get("/api/v1/indicators", headers=headers).json()}
    assert "parent-contacts" in offered
    assert not offered & {"open-gaps-error", "allowance-headroom", "parents-reached", "active-partnerships"}


def test_the_catalogue_offers_a_role_only_what_it_can_read(login, demo):
    """Issue 16: a region contact is not offered "Ruimte onder het jaarmaximum" (a key person's
    allowances, read by a school's staff only); the board's staff are."""
    region = {i["code"] for i in login("regio@demo.spil.nl").get("/indicators").json()}
    assert "allowance-headroom" not in region and "parent-contacts" in region
    board = {i["code"] for i in login(BOARD).get("/indicators").json()}
    assert "allowance-headroom" in board
    api = login("regio@demo.spil.nl")
    for code in region:  # everything offered answers for the region contact's own region
        r = api.get(f"/indicators/{code}/series", params={"scope": f"region:{demo['AM37']}"})
        assert r.status_code == 200, (code, r.text)


def test_allowance_headroom_is_the_yearly_room_left_per_key_person(db, demo):
    from spil.keypersons.models import (
        AllowancePayment,
        AllowanceRuleSet,
        VolunteerAgreement,
        VolunteerAgreementSchool,
    )
    from spil.people.models import Person

    board, spil_school, regenboog = demo["41234"], demo["12AB00"], demo["23CD00"]
    maximum = db.execute(
        sa.select(AllowanceRuleSet.max_per_year).where(AllowanceRuleSet.year == 2024)
    ).scalar_one()
    person = Person(board_id=board, name="Sanne de Wit", kind="volunteer")
    db.add(person)
    db.flush()
    # one agreement at two schools: she counts once, at the first school (lowest id)
    agreement = VolunteerAgreement(
        board_id=board,
        person_id=person.id,
        allowance_scheme="fixed",
        fixed_amount_per_month=Decimal("150"),
        starts_on=dt.date(2024, 2, 1),
        ends_on=dt.date(2024, 5, 31),
    )
    db.add(agreement)
    db.flush()
    for school in (spil_school, regenboog):
        db.add(VolunteerAgreementSchool(agreement_id=agreement.id, school_id=school))
    paid = {2: ("150", "0", True), 3: ("150", "40", True), 4: ("150", "25", False)}
    for month, (allowance, expenses, documented) in paid.items():
        db.add(
            AllowancePayment(
                agreement_id=agreement.id,
                board_id=board,
                person_id=person.id,
                period=dt.date(2024, month, 1),
                year=2024,
                allowance=Decimal(allowance),
                expenses=Decimal(expenses),
                expenses_documented=documented,
            )
        )
    db.flush()
    home = min(spil_school, regenboog)
    other = max(spil_school, regenboog)

    def values(scope, start="2024-01", end="2024-07"):
        found = series.series(
            db,
            ADMIN,
            "allowance-headroom",
            scope,
            start=start,
            end=end,
            compare=False,
            today=dt.date(2024, 12, 15),
        )
        return [p.value for p in found.points]

    # January: no agreement yet. February: 150 counted. March: 150 + 40 documented with an
    # allowance counts. April: 150 + 25 without receipts. May: nothing paid, the room stays.
    # June: the agreement has ended.
    expected = [None, maximum - 150, maximum - 340, maximum - 515, maximum - 515, None, None]
    assert values(f"school:{home}") == expected
    assert values(f"school:{other}") == [None] * 7  # counted once, at her first school
    # the demo's key persons have no agreements in 2024: the board's figure is hers alone
    assert values(f"board:{board}") == expected
    # months after today have no value
    later = series.series(
        db,
        ADMIN,
        "allowance-headroom",
        f"school:{home}",
        start="2024-04",
        end="2024-06",
        compare=False,
        today=dt.date(2024, 4, 20),
    )
    assert [p.value for p in later.points] == [maximum - 515, None, None]
    # From September she works at the other school only: from then on she counts there, and the
    # months before stay where they were, whatever range is asked for.
    second = VolunteerAgreement(
        board_id=board,
        person_id=person.id,
        allowance_scheme="hourly",
        hourly_rate=Decimal("5"),
        starts_on=dt.date(2024, 9, 1),
    )
    db.add(second)
    db.flush()
    db.add(VolunteerAgreementSchool(agreement_id=second.id, school_id=other))
    db.flush()
    assert values(f"school:{home}", end="2024-10") == [*expected, None, None, None]
    assert values(f"school:{other}", end="2024-10") == [None] * 8 + [maximum - 515, maximum - 515]
    assert values(f"school:{home}", start="2024-02", end="2024-03") == expected[1:3]


def test_allowance_headroom_is_for_the_staff_of_every_school_in_the_scope(login, demo):
    """It is about single key persons' allowances: a board's figure less one's own school's would
    give away the other schools' key persons, and a region contact would read what no ledger shows
    them. So only who reads every school of the scope as its staff gets it."""

    def status(user, scope):
        r = login(user).get("/indicators/allowance-headroom/series", params={"scope": scope})
        return r.status_code

    board, school = f"board:{demo['41234']}", f"school:{demo['12AB00']}"
    assert status(BOARD, board) == 200 and status(BOARD, school) == 200
    assert status("directie@demo.spil.nl", school) == 200
    assert status("directie@demo.spil.nl", board) == 404  # the other schools are not theirs
    assert status("regio@demo.spil.nl", board) == 404
    regions = login("regio@demo.spil.nl").get("/labour-market-regions", params={"q": "AM37"}).json()["items"]
    region = next(r for r in regions if r["code"] == "AM37")
    assert status("regio@demo.spil.nl", f"region:{region['id']}") == 404
    # gap counts carry no one's data: a region contact reads them per board
    assert (
        login("regio@demo.spil.nl")
        .get("/indicators/open-gaps-error/series", params={"scope": board})
        .status_code
        == 200
    )


def test_a_boards_own_gaps_add_to_its_figure_but_are_no_contributor(login, demo):
    api = login(BOARD)
    points = api.get(
        "/indicators/open-gaps-warning/series", params={"scope": f"board:{demo['41234']}"}
    ).json()["points"]
    schools = api.get("/schools", params={"boardId": demo["41234"]}).json()["total"]
    assert points[-1]["contributors"] == schools


def test_a_region_series_is_for_the_regions_contacts_only(login, demo):
    """A region holds other boards' schools: its figures are its contacts' (and the platform
    administrator's), not those of a board's staff, let alone another board's."""
    path = f"/indicators/parent-contacts/series?scope=region:{demo['AM37']}"
    assert login("regio@demo.spil.nl").get(path).status_code == 200
    assert login("admin@demo.spil.nl").get(path).status_code == 200
    assert login("bestuur@tweede.spil.nl").get(path).status_code == 404
    assert login("bestuur@demo.spil.nl").get(path).status_code == 404


def test_a_boards_share_is_computed_from_the_counts_not_averaged(db, demo):
    """Issue 16: 3 of 7 partnerships is 43 %, whatever the schools' own percentages are."""
    from spil.partners.models import Partner, Partnership

    today = clock.today()
    board = demo["41234"]

    def value(scope: str) -> Decimal | None:
        return (
            series.series(
                db,
                ADMIN,
                "partnerships-two-contacts",
                scope,
                start=None,
                end=None,
                compare=False,
                today=today,
            )
            .points[-1]
            .value
        )

    # De Regenboog gets five partnerships without a second contact: the schools' percentages and
    # the board's counts now tell different stories
    partner = db.execute(sa.select(Partner).where(Partner.board_id == board)).scalars().first()
    for _ in range(5):
        db.add(Partnership(board_id=board, school_id=demo["23CD00"], partner_id=partner.id, status="active"))
    db.flush()
    schools = db.execute(sa.select(School.id).where(School.board_id == board)).scalars().all()
    counts = [_counts(db, [s], today) for s in schools]
    with_partnerships = [c for c in counts if c[1]]
    assert [value(f"school:{s}") for s, c in zip(schools, counts, strict=True) if c[1]] == [
        derived.share(*c) for c in with_partnerships
    ]
    two, whole = _counts(db, schools, today)
    mean = (sum(derived.share(*c) for c in with_partnerships) / len(with_partnerships)).quantize(
        Decimal("0.01")
    )
    assert derived.share(two, whole) != mean  # the case tells the two apart
    assert value(f"board:{board}") == derived.share(two, whole)


def _counts(db, schools: list[int], today: dt.date) -> tuple[int, int]:
    """(partnerships with two or more current internal contacts, ongoing partnerships), by hand."""
    from spil.partners.models import Partnership
    from spil.people.models import RoleAssignment

    ids = (
        db.execute(
            sa.select(Partnership.id).where(
                Partnership.school_id.in_(schools), Partnership.status.in_(("exploring", "active"))
            )
        )
        .scalars()
        .all()
    )
    two = 0
    for pid in ids:
        people = db.execute(
            sa.select(RoleAssignment.person_id, RoleAssignment.starts_on, RoleAssignment.ends_on).where(
                RoleAssignment.partnership_id == pid
            )
        ).all()
        current = {
            person
            for person, starts, ends in people
            if (starts is None or starts <= today) and (ends is None or ends >= today)
        }
        two += len(current) >= 2
    return two, len(ids)
