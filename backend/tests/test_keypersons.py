"""Key persons and the volunteer allowance through the API: rule sets, the check, agreements,
the ledger (with its concurrency), activities, public listings and the new gap kinds."""

from __future__ import annotations

import datetime as dt
import threading
import time
from decimal import Decimal

import pytest
import sqlalchemy as sa
from sqlmodel import Session

from spil.gaps.service import scope_for
from spil.keypersons import ledger as payments
from spil.keypersons.models import (
    AllowancePayment,
    AllowanceRuleSet,
    VolunteerAgreement,
    VolunteerAgreementSchool,
)
from spil.keypersons.schemas import PaymentCreate
from spil.kit import clock
from spil.kit.audit import AuditEvent
from spil.kit.db import unit_of_work
from spil.kit.errors import ProblemError
from spil.kit.gaps import collect
from spil.kit.policy import Principal
from spil.people.models import Person, RoleAssignment, RoleType

BOARD = "bestuur@demo.spil.nl"
COORDINATOR = "coordinator@demo.spil.nl"
CONTACT_POINT = "contactpunt@demo.spil.nl"
ADMIN = Principal(kind="user", id=0, label="test", is_platform_admin=True)
THIS_YEAR = clock.today().year


@pytest.fixture
def kp(db, demo):
    people = dict(db.execute(sa.select(Person.name, Person.id)).all())
    agreements = dict(
        db.execute(
            sa.select(Person.name, VolunteerAgreement.id).join(
                Person, Person.id == VolunteerAgreement.person_id
            )
        ).all()
    )

    def assignment(person, role, school="12AB00"):
        return db.execute(
            sa.select(RoleAssignment.id)
            .join(RoleType, RoleType.id == RoleAssignment.role_type_id)
            .where(
                RoleAssignment.person_id == people[person],
                RoleType.code == role,
                RoleAssignment.school_id == demo[school],
            )
        ).scalar_one()

    return {
        "people": people,
        "fatima": agreements["Fatima El Amrani"],
        "murat": agreements["Murat Yılmaz"],
        "supervisor": assignment("Karin Bos", "key-person-supervisor"),
        "contact": assignment("Karin Bos", "key-person-contact-point"),
        "fatima_role": assignment("Fatima El Amrani", "key-person"),
        "murat_role": assignment("Murat Yılmaz", "key-person", "23CD00"),
    }


def new_agreement(api, demo, kp, **extra):
    body = {
        "personId": kp["people"]["Sanne de Vries"],
        "schoolIds": [demo["12AB00"]],
        "startsOn": "2025-01-01",
        "allowanceScheme": "fixed",
        "fixedAmountPerMonth": 150,
        **extra,
    }
    r = api.post("/volunteer-agreements", body)
    assert r.status_code == 201, r.text
    return r.json()


def invalid_fields(r):
    assert r.status_code == 400, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    return {p["name"]: p["code"] for p in r.json()["invalidParams"]}


# --- rule sets ----------------------------------------------------------------------------------
def test_rule_sets_2019_to_2025_are_shipped_with_their_sources(login):
    api = login(COORDINATOR)
    years = {r["year"]: r for r in api.get("/allowance-rules").json()}
    assert sorted(years) == list(range(2019, 2026))
    expected = {  # FACTS.md §1; money on the wire is an exact decimal string (decision record 0011)
        2019: ("5.00", "2.75", "170.00", "1700.00", 22),
        2021: ("5.00", "2.75", "180.00", "1800.00", 21),
        2023: ("5.00", "2.75", "190.00", "1900.00", 21),
        2024: ("5.50", "3.25", "210.00", "2100.00", 21),
        2025: ("5.60", "3.30", "210.00", "2100.00", 21),
    }
    for year, figures in expected.items():
        r = years[year]
        assert (
            r["maxPerHourAdult"],
            r["maxPerHourYoung"],
            r["maxPerMonth"],
            r["maxPerYear"],
            r["ageCutoff"],
        ) == figures
        assert r["sources"] and all(s["url"].startswith("https://") for s in r["sources"])
    assert "22 or 23" in years[2019]["ageCutoffNote"]
    assert api.get("/allowance-rules/2030").status_code == 404


def test_platform_admin_adds_and_corrects_a_year_with_history(login, db):
    admin = login("admin@demo.spil.nl")
    body = {
        "year": 2026,
        "maxPerHourAdult": 5.75,
        "maxPerHourYoung": 3.4,
        "maxPerMonth": 220,
        "maxPerYear": 2200,
        "sources": [{"title": "Belastingdienst 2026", "url": "https://www.belastingdienst.nl"}],
    }
    r = admin.post("/allowance-rules", body)
    assert r.status_code == 201, r.text
    assert admin.post("/allowance-rules", body).status_code == 409
    etag = admin.get("/allowance-rules/2026").headers["ETag"]
    assert invalid_fields(admin.patch("/allowance-rules/2026", {"maxPerMonth": 230})) == {"reason": "missing"}
    r = admin.patch(
        "/allowance-rules/2026", {"maxPerMonth": 230, "reason": "Typo"}, headers={"If-Match": etag}
    )
    assert r.status_code == 200 and r.json()["maxPerMonth"] == "230.00"
    stale = admin.patch(
        "/allowance-rules/2026", {"maxPerMonth": 240, "reason": "x"}, headers={"If-Match": etag}
    )
    assert stale.status_code == 412
    history = admin.get("/allowance-rules/2026/revisions").json()
    assert len(history) == 1 and history[0]["before"]["maxPerMonth"] == "220.00"
    assert history[0]["reason"] == "Typo" and history[0]["changedBy"] == "admin@demo.spil.nl"
    board = login(BOARD)
    assert board.patch("/allowance-rules/2026", {"notes": "x", "reason": "y"}).status_code == 403
    assert board.get("/allowance-rules/2026").json()["maxPerMonth"] == "230.00"


def test_money_is_stored_exactly(db):
    row = db.execute(sa.select(AllowanceRuleSet).where(AllowanceRuleSet.year == 2025)).scalar_one()
    assert row.max_per_hour_adult == Decimal("5.60") and isinstance(row.max_per_hour_adult, Decimal)
    raw = db.execute(
        sa.text("SELECT max_per_hour_adult FROM allowance_rule_set WHERE year = 2025")
    ).scalar_one()
    assert not isinstance(raw, float)  # cents on SQLite, NUMERIC on PostgreSQL; never a binary float


# --- the stateless check --------------------------------------------------------------------------
def test_check_within_limits_and_over_a_limit(login):
    api = login(COORDINATOR)
    ok = api.post("/allowance-checks", {"year": 2025, "months": [{"month": "2025-01", "allowance": 210}]})
    assert ok.status_code == 200, ok.text
    body = ok.json()
    assert body["withinLimits"] and not body["taxable"] and body["violations"] == []
    assert body["totals"]["yearHeadroom"] == "1890.00" and body["ruleSet"]["year"] == 2025
    assert body["language"] == "nl" and "onbelast" in body["explanation"]
    over = api.post(
        "/allowance-checks",
        {
            "year": 2025,
            "months": [{"month": "2025-01", "allowance": 50}, {"month": "2025-02", "allowance": 215}],
        },
        headers={"Accept-Language": "en-GB,en;q=0.9"},
    )
    body = over.json()
    assert over.headers["Content-Language"] == "en"
    assert body["taxable"] and not body["withinLimits"]
    assert body["violations"] == [
        {"limit": "per-month", "period": "2025-02", "maximum": "210.00", "actual": "215.00"}
    ]
    assert "whole allowance is taxable" in body["explanation"]


def test_check_the_combined_example_and_expenses_only(login):
    api = login(COORDINATOR)
    combined = api.post(
        "/allowance-checks",
        {
            "year": 2023,
            "hourlyAgreement": True,
            "ageBand": "21-plus",
            "months": [
                {"month": "2023-03", "hours": 4, "allowance": 16, "expenses": 192, "expensesDocumented": True}
            ],
        },
    ).json()
    assert combined["taxable"] and combined["violations"][0]["limit"] == "per-month"
    assert combined["months"][0]["counted"] == "208.00"
    costs = api.post(
        "/allowance-checks", {"year": 2025, "months": [{"month": "2025-03", "expenses": 900}]}
    ).json()
    assert costs["withinLimits"] and costs["totals"]["counted"] == "0.00"


def test_check_hourly_by_birth_date(login):
    api = login(COORDINATOR)
    r = api.post(
        "/allowance-checks",
        {
            "year": 2025,
            "hourlyAgreement": True,
            "birthDate": "2004-06-15",
            "months": [
                {"month": "2025-06", "hours": 10, "allowance": 40},
                {"month": "2025-07", "hours": 10, "allowance": 40},
            ],
        },
    ).json()
    assert [(v["limit"], v["period"], v["maximum"]) for v in r["violations"]] == [
        ("per-hour", "2025-06", "3.30")
    ]
    assert [m["ageBand"] for m in r["months"]] == ["under-21", "21-plus"]


def test_check_without_rules_for_the_year(login):
    api = login(COORDINATOR)
    body = {"year": 2026, "months": [{"month": "2026-01", "allowance": 100}]}
    missing = api.post("/allowance-checks", body)
    assert missing.status_code == 404
    assert missing.json()["latestYear"] == 2025 and "2025" in missing.json()["detail"]
    assumed = api.post("/allowance-checks", {**body, "fallbackToLatest": True}).json()
    assert (
        assumed["ruleSetAssumed"] and assumed["ruleSet"]["year"] == 2025 and assumed["requestedYear"] == 2026
    )
    assert assumed["warnings"][0]["code"] == "rule-set-assumed"
    assert "aanname" in assumed["explanation"]


@pytest.mark.parametrize(
    "change,fields",
    [
        ({"months": [{"month": "2024-12", "allowance": 10}]}, {"months.0.month": "outside-year"}),
        ({"months": [{"month": "2025-01", "allowance": -1}]}, {"months.0.allowance": "greater_than_equal"}),
        (
            {"months": [{"month": "2025-01", "allowance": 1.005}]},
            {"months.0.allowance": "decimal_max_places"},
        ),
        ({"months": [{"month": "2025-01", "hours": 745}]}, {"months.0.hours": "less_than_equal"}),
        ({"months": [{"month": "2025-13"}]}, {"months.0.month": "string_pattern_mismatch"}),
        (
            {"months": [{"month": "2025-01"}, {"month": "2025-01"}]},
            {"months.1.month": "duplicate"},
        ),
        ({"birthDate": "2099-01-01"}, {"birthDate": "in-future"}),
        ({"hourlyAgreement": True}, {"birthDate": "required", "months.0.hours": "required"}),
        ({"birthDate": "2000-01-01", "ageBand": "21-plus"}, {"ageBand": "conflict"}),
    ],
)
def test_check_bad_input(login, change, fields):
    api = login(COORDINATOR)
    body = {"year": 2025, "months": [{"month": "2025-01", "allowance": 10}], **change}
    found = invalid_fields(api.post("/allowance-checks", body))
    assert {k: v for k, v in found.items() if k in fields} == fields, found


# --- agreements -----------------------------------------------------------------------------------
def test_agreement_detail_and_benefit_type_visibility(login, kp):
    board = login(BOARD).get(f"/volunteer-agreements/{kp['fatima']}").json()
    assert board["personName"] == "Fatima El Amrani" and board["allowanceScheme"] == "fixed"
    assert board["supervisor"]["personName"] == "Karin Bos" and board["contactPoint"]["active"]
    assert board["benefitType"] == "participatiewet"
    codes = {w["code"] for w in board["benefitWarnings"]}
    assert codes == {"participatiewet-consent", "participatiewet-maxima"}
    contact = login(CONTACT_POINT).get(f"/volunteer-agreements/{kp['fatima']}").json()
    assert contact["benefitType"] == "participatiewet"
    for email in (COORDINATOR, "directie@demo.spil.nl", "lezer@demo.spil.nl", "admin@demo.spil.nl"):
        other = login(email).get(f"/volunteer-agreements/{kp['fatima']}").json()
        assert other["benefitType"] is None and other["benefitWarnings"] == [], email
        listed = login(email).get("/volunteer-agreements").json()["items"]
        assert all(a["benefitType"] is None for a in listed)


def test_only_board_admins_and_the_contact_point_record_a_benefit(login, demo, kp):
    coordinator = login(COORDINATOR)
    r = coordinator.patch(f"/volunteer-agreements/{kp['fatima']}", {"benefitType": "ww"})
    assert r.status_code == 403 and r.json()["invalidParams"][0]["name"] == "benefitType"
    r = coordinator.post(
        "/volunteer-agreements",
        {
            "personId": kp["people"]["Sanne de Vries"],
            "schoolIds": [demo["12AB00"]],
            "startsOn": "2026-01-01",
            "benefitType": "ww",
        },
    )
    assert r.status_code == 403
    contact = login(CONTACT_POINT)
    r = contact.patch(f"/volunteer-agreements/{kp['fatima']}", {"benefitType": "ww"})
    assert r.status_code == 200 and r.json()["benefitType"] == "ww"
    assert {w["code"] for w in r.json()["benefitWarnings"]} == {"ww-permission", "ww-maxima"}


def test_agreement_scope(login, kp):
    assert login(COORDINATOR).get(f"/volunteer-agreements/{kp['murat']}").status_code == 404
    assert login("regio@demo.spil.nl").get("/volunteer-agreements").json()["total"] == 0
    assert login("bestuur@tweede.spil.nl").get("/volunteer-agreements").json()["total"] == 0
    mine = login(COORDINATOR).get("/volunteer-agreements").json()
    assert [a["personName"] for a in mine["items"]] == ["Fatima El Amrani"]
    board = login(BOARD)
    assert board.get("/volunteer-agreements", params={"active": "true"}).json()["total"] == 2
    assert (
        board.get("/volunteer-agreements", params={"personId": kp["people"]["Murat Yılmaz"]}).json()["total"]
        == 1
    )


def test_agreement_bad_input(login, demo, kp):
    api = login(BOARD)
    base = {
        "personId": kp["people"]["Sanne de Vries"],
        "schoolIds": [demo["12AB00"]],
        "startsOn": "2026-01-01",
    }
    assert invalid_fields(api.post("/volunteer-agreements", {**base, "allowanceScheme": "fixed"})) == {
        "fixedAmountPerMonth": "required"
    }
    assert invalid_fields(api.post("/volunteer-agreements", {**base, "allowanceScheme": "hourly"})) == {
        "hourlyRate": "required",
        "ageBand": "required",
    }
    assert invalid_fields(
        api.post("/volunteer-agreements", {**base, "supervisorAssignmentId": kp["contact"]})
    ) == {"supervisorAssignmentId": "wrong-role"}
    assert invalid_fields(api.post("/volunteer-agreements", {**base, "schoolIds": [demo["67GH00"]]})) == {
        "schoolIds.0": "unknown-reference"
    }
    assert "body" in invalid_fields(api.post("/volunteer-agreements", {**base, "endsOn": "2025-01-01"}))
    assert invalid_fields(api.post("/volunteer-agreements", {**base, "hourlyRate": -1})) == {
        "hourlyRate": "greater_than_equal"
    }
    assert api.get("/volunteer-agreements").json()["total"] == 2  # nothing half-written


def test_agreement_update_delete_and_concurrency(login, demo, kp):
    api = login(BOARD)
    created = new_agreement(
        api, demo, kp, supervisorAssignmentId=kp["supervisor"], plan={"goals": "Taalcursus"}
    )
    assert created["supervisor"]["personName"] == "Karin Bos" and created["plan"]["goals"] == "Taalcursus"
    url = f"/volunteer-agreements/{created['id']}"
    etag = api.get(url).headers["ETag"]
    r = api.patch(url, {"schoolIds": [demo["12AB00"], demo["23CD00"]]}, headers={"If-Match": etag})
    assert r.status_code == 200 and len(r.json()["schools"]) == 2
    assert r.headers["ETag"] != etag
    assert api.patch(url, {"tasks": ["x"]}, headers={"If-Match": etag}).status_code == 412
    assert invalid_fields(api.patch(url, {"endsOn": "2024-01-01"})) == {"endsOn": "end-before-start"}
    assert api.delete(url).status_code == 204
    assert api.get(url).status_code == 404


# --- payments and the ledger ------------------------------------------------------------------------
def test_payments_within_and_over_a_limit(login, demo, kp, db):
    api = login(BOARD)
    agreement = new_agreement(api, demo, kp)
    r = api.post(
        "/allowance-payments", {"agreementId": agreement["id"], "month": "2025-01", "allowance": 190}
    )
    assert r.status_code == 201, r.text
    assert [w["code"] for w in r.json()["warnings"]] == ["near-month-limit"]
    assert (
        api.post(
            "/allowance-payments", {"agreementId": agreement["id"], "month": "2025-01", "allowance": 10}
        ).status_code
        == 409
    )
    over = {"agreementId": agreement["id"], "month": "2025-02", "allowance": 200, "expenses": 20}
    refused = api.post("/allowance-payments", over)
    assert refused.status_code == 409
    problem = refused.json()
    assert problem["type"] == "urn:spil:problem:allowance-limit-exceeded"
    assert problem["violations"] == [
        {"limit": "per-month", "period": "2025-02", "maximum": "210.00", "actual": "220.00"}
    ]
    assert "maximum per maand van € 210,00 (€ 220,00 in februari 2025)" in problem["detail"], problem
    assert "hele vergoeding" in problem["detail"]
    assert api.get("/allowance-payments", params={"agreementId": agreement["id"]}).json()["total"] == 1
    accepted = api.post("/allowance-payments", {**over, "acknowledgeLimitExceeded": True})
    assert accepted.status_code == 201 and accepted.json()["limitExceededAcknowledged"]
    detail = api.get(f"/volunteer-agreements/{agreement['id']}").json()
    assert detail["taxableYears"] == [2025]
    ledger = api.get(f"/volunteer-agreements/{agreement['id']}/ledger", params={"year": 2025}).json()
    assert ledger["taxable"] and ledger["markedTaxable"] and not ledger["ruleSetAssumed"]
    assert ledger["totals"]["counted"] == "410.00" and ledger["totals"]["headroom"] == "1690.00"
    feb = ledger["months"][1]
    assert feb["overLimit"] and feb["counted"] == "220.00" and feb["headroom"] == "-10.00"
    # deleting the deliberate payment clears the mark
    assert api.delete(f"/allowance-payments/{accepted.json()['id']}").status_code == 204
    assert api.get(f"/volunteer-agreements/{agreement['id']}").json()["taxableYears"] == []


def test_limits_count_all_of_a_volunteers_agreements(login, demo, kp):
    api = login(BOARD)
    first = new_agreement(api, demo, kp)
    second = new_agreement(api, demo, kp, schoolIds=[demo["23CD00"]], fixedAmountPerMonth=20)
    assert (
        api.post(
            "/allowance-payments", {"agreementId": first["id"], "month": "2025-03", "allowance": 190}
        ).status_code
        == 201
    )
    r = api.post("/allowance-payments", {"agreementId": second["id"], "month": "2025-03", "allowance": 25})
    assert r.status_code == 409 and r.json()["violations"][0]["actual"] == "215.00"
    ledger = api.get(f"/volunteer-agreements/{second['id']}/ledger", params={"year": 2025}).json()
    assert (
        ledger["months"][2]["otherAgreements"] == "190.00" and ledger["totals"]["otherAgreements"] == "190.00"
    )


def test_hourly_payments(login, demo, kp):
    api = login(BOARD)
    agreement = new_agreement(
        api,
        demo,
        kp,
        allowanceScheme="hourly",
        fixedAmountPerMonth=None,
        hourlyRate=5,
        ageBand="under-21",
        hoursPerWeek=2,
    )
    base = {"agreementId": agreement["id"], "month": "2025-04"}
    assert invalid_fields(api.post("/allowance-payments", {**base, "allowance": 20})) == {"hours": "required"}
    r = api.post("/allowance-payments", {**base, "allowance": 40, "hours": 10})
    assert r.status_code == 409 and r.json()["violations"][0]["limit"] == "per-hour"  # 4.00 > 3.30 under 21
    ledger = api.get(f"/volunteer-agreements/{agreement['id']}/ledger", params={"year": 2025}).json()
    assert "hourly-rate" in {w["code"] for w in ledger["warnings"]}  # the agreed 5.00 is above 3.30


@pytest.mark.parametrize(
    "change,fields",
    [
        ({"month": "2024-12"}, {"month": "outside-agreement"}),
        ({"allowance": -5}, {"allowance": "greater_than_equal"}),
        ({"allowance": 1.234}, {"allowance": "decimal_max_places"}),
        ({"hours": 745}, {"hours": "less_than_equal"}),
        ({"month": "2025-1"}, {"month": "string_pattern_mismatch"}),
    ],
)
def test_payment_bad_input(login, demo, kp, change, fields):
    api = login(BOARD)
    agreement = new_agreement(api, demo, kp)
    body = {"agreementId": agreement["id"], "month": "2025-05", "allowance": 10, **change}
    assert invalid_fields(api.post("/allowance-payments", body)) == fields
    assert api.get("/allowance-payments", params={"agreementId": agreement["id"]}).json()["total"] == 0


def test_payment_correction_is_checked_again(login, demo, kp):
    api = login(BOARD)
    agreement = new_agreement(api, demo, kp)
    created = api.post(
        "/allowance-payments", {"agreementId": agreement["id"], "month": "2025-06", "allowance": 100}
    ).json()
    url = f"/allowance-payments/{created['id']}"
    etag = api.get(url).headers["ETag"]
    assert api.patch(url, {"allowance": 250}, headers={"If-Match": etag}).status_code == 409
    assert api.get(url).json()["allowance"] == "100.00"
    r = api.patch(url, {"allowance": 150, "note": "correctie"}, headers={"If-Match": etag})
    assert r.status_code == 200 and r.json()["allowance"] == "150.00"
    assert api.patch(url, {"allowance": 160}, headers={"If-Match": etag}).status_code == 412
    assert invalid_fields(api.patch(url, {"allowance": None})) == {"allowance": "required"}


def test_ledger_projects_to_year_end(login, demo, kp, db):
    api = login(BOARD)
    agreement = new_agreement(api, demo, kp, fixedAmountPerMonth=190)
    for month in range(1, 7):
        assert (
            api.post(
                "/allowance-payments",
                {"agreementId": agreement["id"], "month": f"2025-{month:02d}", "allowance": 190},
            ).status_code
            == 201
        )
    ledger = payments.ledger(db, ADMIN, agreement["id"], 2025, today=dt.date(2025, 7, 10))
    assert ledger.projection.remaining_months == 6
    assert ledger.projection.year_end_total == Decimal("2280") and ledger.projection.exceeds_year_limit
    assert [m.projected for m in ledger.months] == [False] * 6 + [True] * 6
    assert "projected-over-limit" in {w.code for w in ledger.warnings}
    this_year = api.get(f"/volunteer-agreements/{kp['fatima']}/ledger").json()
    assert this_year["year"] == THIS_YEAR and this_year["ruleSetAssumed"] is (THIS_YEAR > 2025)


@pytest.fixture
def committed_agreement(engine):
    """An agreement with 2,000 paid in 2025, committed (the concurrency test needs real transactions;
    no other fixture may hold a transaction open meanwhile, so no ``db`` here)."""
    from spil.organisations.models import School

    with unit_of_work(engine=engine) as s:
        person = s.execute(sa.select(Person).where(Person.name == "Sanne de Vries")).scalar_one()
        school_id = s.execute(sa.select(School.id).where(School.location_code == "12AB00")).scalar_one()
        agreement = VolunteerAgreement(
            board_id=person.board_id,
            person_id=person.id,
            allowance_scheme="fixed",
            fixed_amount_per_month=Decimal("200"),
            starts_on=dt.date(2025, 1, 1),
        )
        s.add(agreement)
        s.flush()
        s.add(VolunteerAgreementSchool(agreement_id=agreement.id, school_id=school_id))
        for month in range(1, 11):
            s.add(
                AllowancePayment(
                    agreement_id=agreement.id,
                    board_id=person.board_id,
                    person_id=person.id,
                    period=dt.date(2025, month, 1),
                    year=2025,
                    allowance=Decimal("200"),
                )
            )
        s.flush()
        ident = agreement.id
    yield ident
    with unit_of_work(engine=engine) as s:
        ids = (
            s.execute(sa.select(AllowancePayment.id).where(AllowancePayment.agreement_id == ident))
            .scalars()
            .all()
        )
        s.execute(sa.delete(AllowancePayment).where(AllowancePayment.agreement_id == ident))
        s.execute(sa.delete(VolunteerAgreementSchool).where(VolunteerAgreementSchool.agreement_id == ident))
        s.execute(sa.delete(VolunteerAgreement).where(VolunteerAgreement.id == ident))
        s.execute(
            sa.delete(AuditEvent).where(
                AuditEvent.entity_type == "allowance-payment", AuditEvent.entity_id.in_(ids)
            )
        )


def test_two_payments_at_once_cannot_both_slip_under_the_year_limit(engine, committed_agreement, monkeypatch):
    """Each of the two fits (2,080 of 2,100) but not both: exactly one must be refused."""
    real = payments.person_payments

    def slow(session, person_id, year):  # widen the window between reading the sum and writing
        rows = real(session, person_id, year)
        time.sleep(0.4)
        return rows

    monkeypatch.setattr(payments, "person_payments", slow)
    outcomes: list[str] = []

    def pay(month: str) -> None:
        try:
            with unit_of_work(engine=engine) as s:
                payments.create_payment(
                    s,
                    ADMIN,
                    PaymentCreate(agreement_id=committed_agreement, month=month, allowance=Decimal("80")),
                )
            outcomes.append("created")
        except ProblemError as exc:
            outcomes.append(f"refused {exc.status}")

    threads = [threading.Thread(target=pay, args=(m,)) for m in ("2025-11", "2025-12")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(outcomes) == ["created", "refused 409"]
    with Session(engine) as s:
        total = sum(
            p.allowance
            for p in s.execute(
                sa.select(AllowancePayment).where(AllowancePayment.agreement_id == committed_agreement)
            ).scalars()
        )
    assert total == Decimal("2080")


# --- activities -------------------------------------------------------------------------------------
def test_activities(login, demo, kp):
    api = login(COORDINATOR)
    body = {
        "schoolId": demo["12AB00"],
        "kind": "coffee-morning",
        "occurredOn": "2026-10-01",
        "title": "Koffieochtend",
        "personIds": [kp["people"]["Fatima El Amrani"]],
        "parentsReached": 14,
        "languages": ["ar", "nl"],
    }
    r = api.post("/key-person-activities", body)
    assert r.status_code == 201, r.text
    created = r.json()
    assert created["people"] == [{"id": kp["people"]["Fatima El Amrani"], "name": "Fatima El Amrani"}]
    listed = api.get(
        "/key-person-activities", params={"kind": "coffee-morning", "from": "2026-09-30", "to": "2026-10-02"}
    )
    assert [a["id"] for a in listed.json()["items"]] == [created["id"]]
    by_person = api.get("/key-person-activities", params={"personId": kp["people"]["Murat Yılmaz"]}).json()
    assert by_person["total"] == 0  # Murat works at De Regenboog, outside the coordinator's school
    url = f"/key-person-activities/{created['id']}"
    etag = api.get(url).headers["ETag"]
    r = api.patch(
        url,
        {"personIds": [kp["people"]["Fatima El Amrani"], kp["people"]["Karin Bos"]]},
        headers={"If-Match": etag},
    )
    assert r.status_code == 200 and len(r.json()["people"]) == 2 and r.headers["ETag"] != etag
    assert invalid_fields(
        api.post("/key-person-activities", {**body, "personIds": [kp["people"]["Tom Tweede"]]})
    ) == {"personIds.0": "unknown-reference"}
    assert invalid_fields(api.post("/key-person-activities", {**body, "parentsReached": -1})) == {
        "parentsReached": "greater_than_equal"
    }
    assert invalid_fields(api.post("/key-person-activities", {**body, "schoolId": demo["23CD00"]})) == {
        "schoolId": "unknown-reference"
    }
    assert login("regio@demo.spil.nl").get("/key-person-activities").json()["total"] == 0
    assert login("lezer@demo.spil.nl").delete(url).status_code == 403
    assert login(COORDINATOR).delete(url).status_code == 204
    assert login(COORDINATOR).get(url).status_code == 404


# --- listings and the public page ---------------------------------------------------------------------
def test_public_page_shows_only_what_was_published(login, anon, kp, db):
    page = anon.get("/public/schools/12AB00/key-persons")
    assert page.status_code == 200
    assert page.headers["Cache-Control"] == "public, max-age=300"
    body = page.json()
    assert body["school"] == {"name": "OBS De Spil", "city": "Haarlem", "locationCode": "12AB00"}
    assert [(p["displayName"], p["role"]) for p in body["people"]] == [
        ("Fatima", "key-person"),
        ("Karin Bos", "key-person-contact-point"),
    ]
    assert body["people"][0]["languages"] == ["ar", "nl", "fr"]
    text = page.text
    for secret in ("El Amrani", "participatiewet", "190", "Murat"):
        assert secret not in text
    # Murat's listing exists but is not published
    assert anon.get("/public/schools/23CD00/key-persons").json()["people"] == []
    # 304 on an unchanged page
    again = anon.get("/public/schools/12ab00/key-persons", headers={"If-None-Match": page.headers["ETag"]})
    assert again.status_code == 304
    assert anon.get("/public/schools/99ZZ00/key-persons").status_code == 404
    assert anon.get("/public/schools/x/key-persons").status_code == 400
    # an ended role disappears from the public page at once
    db.execute(
        sa.update(RoleAssignment)
        .where(RoleAssignment.id == kp["fatima_role"])
        .values(ends_on=clock.today() - dt.timedelta(days=1))
    )
    assert [p["displayName"] for p in anon.get("/public/schools/12AB00/key-persons").json()["people"]] == [
        "Karin Bos"
    ]


def test_listings_are_managed_by_the_school(login, anon, kp, db):
    api = login(COORDINATOR)
    listed = api.get("/key-person-listings").json()
    assert {item["displayName"] for item in listed["items"]} == {"Fatima", "Karin Bos", "Vera Vertrouwen"}
    fatima = next(i for i in listed["items"] if i["displayName"] == "Fatima")
    assert fatima["personName"] == "Fatima El Amrani" and fatima["active"]
    url = f"/key-person-listings/{fatima['id']}"
    r = api.patch(url, {"published": False}, headers={"If-Match": api.get(url).headers["ETag"]})
    assert r.status_code == 200
    assert [p["displayName"] for p in anon.get("/public/schools/12AB00/key-persons").json()["people"]] == [
        "Karin Bos"
    ]
    assert (
        api.post(
            "/key-person-listings", {"roleAssignmentId": kp["fatima_role"], "displayName": "F"}
        ).status_code
        == 409
    )
    assert invalid_fields(
        api.post("/key-person-listings", {"roleAssignmentId": kp["supervisor"], "displayName": "K"})
    ) == {"roleAssignmentId": "wrong-role"}
    assert invalid_fields(
        api.post("/key-person-listings", {"roleAssignmentId": kp["murat_role"], "displayName": "M"})
    ) == {"roleAssignmentId": "unknown-reference"}  # another school's
    assert api.delete(url).status_code == 204
    created = api.post(
        "/key-person-listings",
        {
            "roleAssignmentId": kp["fatima_role"],
            "displayName": "Fatima E.",
            "howToReach": "Via de leerkracht",
        },
    )
    assert created.status_code == 201 and created.json()["published"]
    assert (
        login("lezer@demo.spil.nl")
        .post("/key-person-listings", {"roleAssignmentId": kp["contact"], "displayName": "x"})
        .status_code
        == 403
    )
    assert login("regio@demo.spil.nl").get("/key-person-listings").json()["total"] == 0


def test_public_page_is_rate_limited(anon, monkeypatch):
    from spil.kit.settings import get_settings

    monkeypatch.setattr(get_settings(), "public_rate_limit", "3/minute")
    codes = [anon.get("/public/schools/12AB00/key-persons").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]


# --- gaps ---------------------------------------------------------------------------------------------
def gaps(db, today, **filters):
    return collect(db, scope_for(db, ADMIN, filters.get("board_id"), filters.get("school_id"), today))


def test_key_person_gaps(db, demo, kp):
    last_year = THIS_YEAR - 1
    today = dt.date(last_year, 12, 31)  # Fatima's agreement started on 1 January of last year
    found = {(g.kind, g.subject_name) for g in gaps(db, today, board_id=demo["41234"])}
    assert ("key-person-without-supervisor", "Murat Yılmaz") not in found  # his agreement starts this year
    assert (
        "key-person-without-supervisor",
        "Murat Yılmaz (Key person)",
    ) in found  # nobody supervises at De Regenboog
    assert not any(
        k in ("allowance-near-limit", "allowance-limit-exceeded") for k, _ in found
    )  # nothing paid
    fatima = db.get(VolunteerAgreement, kp["fatima"])
    for month in range(1, 11):
        db.add(
            AllowancePayment(
                agreement_id=fatima.id,
                board_id=fatima.board_id,
                person_id=fatima.person_id,
                period=dt.date(last_year, month, 1),
                year=last_year,
                allowance=Decimal("190"),
            )
        )
    db.flush()
    near = [g for g in gaps(db, today, board_id=demo["41234"]) if g.kind == "allowance-near-limit"]
    assert [(g.subject_name, g.severity, g.details["actual"]) for g in near] == [
        ("Fatima El Amrani", "warning", "1900.00")
    ]
    db.add(
        AllowancePayment(
            agreement_id=fatima.id,
            board_id=fatima.board_id,
            person_id=fatima.person_id,
            period=dt.date(last_year, 11, 1),
            year=last_year,
            allowance=Decimal("201"),
        )
    )
    db.flush()
    over = [g for g in gaps(db, today, board_id=demo["41234"]) if g.kind.startswith("allowance-l")]
    assert [(g.kind, g.severity) for g in over] == [("allowance-limit-exceeded", "error")]


def test_allowance_rules_missing_is_a_board_gap(db, demo, login):
    next_year = dt.date(2099, 2, 1)  # a year without rules
    board_gaps = [
        g for g in gaps(db, next_year, board_id=demo["41234"]) if g.kind == "allowance-rules-missing"
    ]
    assert [(g.subject_id, g.severity) for g in board_gaps] == [(2099, "error")]
    assert not [
        g for g in gaps(db, next_year, school_id=demo["12AB00"]) if g.kind == "allowance-rules-missing"
    ]
    db.add(
        AllowanceRuleSet(
            year=2099,
            max_per_hour_adult=Decimal("5.70"),
            max_per_hour_young=Decimal("3.35"),
            max_per_month=Decimal("220"),
            max_per_year=Decimal("2200"),
            sources=[{"title": "x", "url": "https://example.org"}],
        )
    )
    db.flush()
    assert not [g for g in gaps(db, next_year, board_id=demo["41234"]) if g.kind == "allowance-rules-missing"]


def test_supervisor_on_the_agreement_fills_the_gap(db, demo, kp):
    today = clock.today()
    murat = db.get(VolunteerAgreement, kp["murat"])
    found = [g for g in gaps(db, today, board_id=demo["41234"]) if g.kind == "key-person-without-supervisor"]
    assert [g.subject_type for g in found] == ["volunteer-agreement"]  # reported once, on the agreement
    murat.supervisor_assignment_id = kp["supervisor"]
    db.flush()
    assert [
        g.subject_type
        for g in gaps(db, today, board_id=demo["41234"])
        if g.kind == "key-person-without-supervisor"
    ] == []


# --- found in review -------------------------------------------------------------------------------
def test_a_coordinator_cannot_make_themself_the_contact_point(login, demo, kp):
    api = login(COORDINATOR)
    me = api.post("/people", {"boardId": demo["41234"], "name": "Ik", "email": COORDINATOR}).json()
    mine = api.post(
        "/role-assignments",
        {"personId": me["id"], "role": "key-person-contact-point", "schoolId": demo["12AB00"]},
    ).json()
    r = api.patch(f"/volunteer-agreements/{kp['fatima']}", {"contactPointAssignmentId": mine["id"]})
    assert r.status_code == 403
    assert api.get(f"/volunteer-agreements/{kp['fatima']}").json()["benefitType"] is None


def test_a_former_contact_point_no_longer_sees_the_benefit(login, db, kp):
    db.execute(
        sa.update(RoleAssignment)
        .where(RoleAssignment.id == kp["contact"])
        .values(ends_on=clock.today() - dt.timedelta(days=1))
    )
    assert login(CONTACT_POINT).get(f"/volunteer-agreements/{kp['fatima']}").json()["benefitType"] is None


def test_the_benefit_type_stays_out_of_the_audit_trail(login, kp):
    login(BOARD).patch(f"/volunteer-agreements/{kp['fatima']}", {"benefitType": "ww"})
    events = (
        login(BOARD)
        .get("/audit-events", params={"entityType": "volunteer-agreement", "pageSize": 100})
        .json()
    )
    snapshots = [e["before"] for e in events["items"]] + [e["after"] for e in events["items"]]
    assert events["total"] >= 1
    assert all(s.get("benefitType") in (None, "[redacted]") for s in snapshots if s)


def test_amounts_that_do_not_fit_are_refused_not_a_500(login, demo, kp):
    api = login(BOARD)
    r = api.post(
        "/volunteer-agreements",
        {
            "personId": kp["people"]["Sanne de Vries"],
            "schoolIds": [demo["12AB00"]],
            "startsOn": "2026-01-01",
            "allowanceScheme": "fixed",
            "fixedAmountPerMonth": 1000000,
        },
    )
    assert invalid_fields(r) == {"fixedAmountPerMonth": "less_than_equal"}
    created = new_agreement(api, demo, kp, endsOn="2026-12-31")
    assert invalid_fields(api.patch(f"/volunteer-agreements/{created['id']}", {"startsOn": None})) == {
        "startsOn": "required"
    }


def test_after_a_deliberate_crossing_costs_and_corrections_still_pass(login, demo, kp):
    api = login(BOARD)
    agreement = new_agreement(api, demo, kp)
    base = {"agreementId": agreement["id"]}
    over = api.post(
        "/allowance-payments",
        {**base, "month": "2025-01", "allowance": 250, "acknowledgeLimitExceeded": True},
    )
    assert over.status_code == 201
    costs = api.post(
        "/allowance-payments", {**base, "month": "2025-02", "expenses": 300}
    )  # documented costs only
    assert costs.status_code == 201 and not costs.json()["limitExceededAcknowledged"]
    url = f"/allowance-payments/{over.json()['id']}"
    lower = api.patch(url, {"allowance": 230})  # still over, but lower: a correction, not a new crossing
    assert lower.status_code == 200
    assert api.post("/allowance-payments", {**base, "month": "2025-03", "allowance": 10}).status_code == 201


def test_the_agreements_list_is_a_fixed_number_of_queries(login, demo, kp, db):
    """Not one query set per agreement: two agreements or eight cost the same."""
    api = login("bestuur@demo.spil.nl")
    engine = db.get_bind()
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args):
        statements.append(statement)

    def listed() -> int:
        statements.clear()
        sa.event.listen(engine, "before_cursor_execute", count)
        try:
            assert api.get("/volunteer-agreements", params={"pageSize": 100}).status_code == 200
        finally:
            sa.event.remove(engine, "before_cursor_execute", count)
        return len(statements)

    two = listed()
    person = kp["people"]["Sanne de Vries"]
    for year in range(2019, 2025):
        r = api.post(
            "/volunteer-agreements",
            {
                "personId": person,
                "schoolIds": [demo["12AB00"]],
                "startsOn": f"{year}-01-01",
                "endsOn": f"{year}-12-31",
                "allowanceScheme": "fixed",
                "fixedAmountPerMonth": "100.00",
                "contactPointAssignmentId": kp["contact"],
                "supervisorAssignmentId": kp["supervisor"],
            },
        )
        assert r.status_code == 201, r.text
    assert api.get("/volunteer-agreements").json()["total"] == 8
    assert listed() == two


def test_a_payment_is_changed_and_deleted_from_the_list_with_its_etag(login, demo, kp):
    """List items carry their ETag (decision record 0012), so a row is deleted without reading it
    again, and a row someone changed meanwhile is not deleted unseen."""
    api = login(BOARD)
    agreement = new_agreement(api, demo, kp)
    created = api.post(
        "/allowance-payments", {"agreementId": agreement["id"], "month": "2025-02", "allowance": 50}
    )
    assert created.status_code == 201, created.text
    assert created.json()["etag"] == created.headers["ETag"]
    row = api.get("/allowance-payments", params={"agreementId": agreement["id"]}).json()["items"][0]
    assert row["etag"] == created.headers["ETag"]
    changed = api.patch(
        f"/allowance-payments/{row['id']}", {"allowance": 60}, headers={"If-Match": row["etag"]}
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["etag"] == changed.headers["ETag"] != row["etag"]
    stale = api.delete(f"/allowance-payments/{row['id']}", headers={"If-Match": row["etag"]})
    assert stale.status_code == 412, stale.text
    fresh = api.get("/allowance-payments", params={"agreementId": agreement["id"]}).json()["items"][0]
    assert (
        api.delete(f"/allowance-payments/{row['id']}", headers={"If-Match": fresh["etag"]}).status_code == 204
    )
