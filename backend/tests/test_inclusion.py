"""Inclusive employment (issue 14): the counting rules, a board's track from intake to
evaluation, placements and who sees the employee's name, the quota view, the gaps, the derived
indicator and what a region reads."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import sqlalchemy as sa

from spil.inclusion import counting
from spil.kit import clock

BOARD_ADMIN = "bestuur@demo.spil.nl"
SCHOOL_ADMIN = "directie@demo.spil.nl"  # OBS De Spil
COORDINATOR = "coordinator@demo.spil.nl"
MENTOR = "contactpunt@demo.spil.nl"  # Karin Bos: workplace mentor of placement 1
VIEWER = "lezer@demo.spil.nl"
OTHER_ADMIN = "bestuur@tweede.spil.nl"
REGION = "regio@demo.spil.nl"
MUNICIPALITY = "gemeente@demo.spil.nl"
PLATFORM = "admin@demo.spil.nl"


def span(hours: str, start: dt.date, end: dt.date | None = None, counts: bool = True) -> counting.Span:
    return counting.Span(Decimal(hours), start, end, counts)


# --- the counting rules -------------------------------------------------------------------------
def test_a_job_is_25_5_hours_and_smaller_ones_count_pro_rata():
    assert counting.jobs_of_hours(Decimal("25.5")) == 1
    assert counting.jobs_of_hours(Decimal("12.75")) == Decimal("0.5")
    assert counting.jobs_of_hours(Decimal("38.25")) == Decimal("1.5")


def test_a_placement_counts_for_the_days_of_the_month_it_ran():
    half = [span("12.75", dt.date(2026, 1, 1))]
    assert counting.jobs_in_month(half, 2026, 3) == Decimal("0.5")
    # ends on the 15th of a 30-day month: half of its half job
    ends = [span("12.75", dt.date(2026, 1, 1), dt.date(2026, 4, 15))]
    assert counting.jobs_in_month(ends, 2026, 4) == Decimal("0.25")
    assert counting.jobs_in_month(ends, 2026, 5) == 0
    # starts on 17 February 2028 (29 days): 13 of 29 days of one job
    leap = [span("25.5", dt.date(2028, 2, 17))]
    assert counting.jobs_in_month(leap, 2028, 2) == Decimal(13) / Decimal(29)
    # one that does not count, counts nothing; two add up
    both = [span("25.5", dt.date(2026, 1, 1)), span("25.5", dt.date(2026, 1, 1), counts=False)]
    assert counting.jobs_in_month(both, 2026, 6) == 1


def test_the_month_under_way_counts_the_days_so_far():
    started = [span("25.5", dt.date(2026, 12, 1))]
    assert counting.jobs_in_month(started, 2026, 12, until=dt.date(2026, 12, 2)) == 1
    later = [span("25.5", dt.date(2026, 12, 2))]
    assert counting.jobs_in_month(later, 2026, 12, until=dt.date(2026, 12, 2)) == Decimal("0.5")
    assert counting.jobs_in_month(started, 2027, 1, until=dt.date(2026, 12, 2)) == 0


def test_the_quota_asks_paid_hours_times_the_quota_over_1331():
    assert counting.quota_jobs(Decimal("1331"), Decimal("100")) == 1
    assert counting.shown(counting.quota_jobs(Decimal("182000"), Decimal("2.76"))) == Decimal("3.77")
    assert counting.ambition_in_jobs(None, Decimal("51")) == 2
    assert counting.ambition_in_jobs(Decimal("3"), Decimal("51")) == 3
    assert counting.ambition_in_jobs(None, None) is None


# --- the track ------------------------------------------------------------------------------------
def track_of(api, board_id):
    found = api.get("/inclusion-tracks", params={"boardId": board_id}).json()
    assert len(found) == 1, found
    return found[0]


def test_a_board_admin_walks_a_track_from_intake_to_evaluation(login, demo):
    api = login(OTHER_ADMIN)
    track = track_of(api, demo["51234"])
    assert track["phase"] == "intake" and [h["phase"] for h in track["history"]] == ["intake"]
    assert track["ambitionInJobs"] == 1  # 25.5 hours a week
    path = f"/inclusion-tracks/{track['id']}"
    for phase in ("action-plan", "execution", "evaluation"):
        r = api.patch(path, json={"phase": phase, "phaseNote": f"naar {phase}"})
        assert r.status_code == 200, r.text
    r = api.patch(
        path,
        json={
            "evaluationWorked": "Eén aanspreekpunt bij het WSP.",
            "evaluationDidNotWork": "Te grote stappen in het begin.",
            "evaluationLessons": "Begin met één baan.",
            "sharesEvaluation": True,
        },
    )
    assert r.status_code == 200, r.text
    done = r.json()
    assert done["phase"] == "evaluation" and done["phaseSince"] == clock.today().isoformat()
    assert [(h["fromPhase"], h["phase"]) for h in done["history"]] == [
        (None, "intake"),
        ("intake", "action-plan"),
        ("action-plan", "execution"),
        ("execution", "evaluation"),
    ]
    assert done["history"][-1]["note"] == "naar evaluation" and done["sharesEvaluation"] is True
    # the same phase again is not a change
    again = api.patch(path, json={"phase": "evaluation"}).json()
    assert len(again["history"]) == 4
    # the audit trail has every step
    events = api.get("/audit-events", params={"entityType": "inclusion-track"}).json()["items"]
    assert len([e for e in events if e["entityId"] == track["id"]]) == 4


def test_bad_track_input_is_a_clear_400_and_writes_nothing(login, demo):
    api = login(BOARD_ADMIN)
    track = track_of(api, demo["41234"])
    path = f"/inclusion-tracks/{track['id']}"
    for body, field in (
        ({"phase": "finished"}, "phase"),
        ({"phaseNote": "zonder fase"}, "phaseNote"),
        ({"ambitionJobs": -1}, "ambitionJobs"),
        ({"targetDate": "1999-01-01"}, "targetDate"),
        ({"firstContactOn": (clock.today() + dt.timedelta(days=3)).isoformat()}, "firstContactOn"),
        ({"staffHours": [{"year": 2024, "paidHours": 1}, {"year": 2024, "paidHours": 2}]}, "staffHours"),
        ({"sharesEvaluation": None}, "sharesEvaluation"),
    ):
        r = api.patch(path, json=body)
        assert r.status_code == 400, (body, r.text)
        assert r.headers["content-type"].startswith("application/problem+json")
        assert any(p["name"].startswith(field) for p in r.json()["invalidParams"]), r.json()
    assert api.get(path).json() == track
    # one track per board
    r = api.post("/inclusion-tracks", json={"boardId": demo["41234"]})
    assert r.status_code == 409


def test_the_quota_view_is_information_from_the_years_data(login, demo):
    api = login(BOARD_ADMIN)
    track = track_of(api, demo["41234"])
    years = {y["year"]: y for y in track["staffHours"]}
    assert years[2024]["quotaPercentage"] == 2.76 and years[2024]["levyImposed"] is False
    assert years[2024]["jobsAsked"] == 3.77  # 182,000 × 2.76 % ÷ 1,331
    assert "UWV" in years[2024]["quotaSource"]
    unknown = years[clock.today().year - 1] if clock.today().year - 1 != 2024 else None
    if unknown is not None:
        assert unknown["quotaPercentage"] is None and unknown["jobsAsked"] is None
    r = api.patch(
        f"/inclusion-tracks/{track['id']}", json={"staffHours": [{"year": 2024, "paidHours": 13310}]}
    )
    assert r.status_code == 200, r.text
    assert r.json()["staffHours"] == [
        {
            "year": 2024,
            "paidHours": 13310.0,
            "quotaPercentage": 2.76,
            "quotaSource": years[2024]["quotaSource"],
            "levyImposed": False,
            "jobsAsked": 0.28,
            "jobsRealised": 0.0,
        }
    ]
    # the platform administrator adds a year's quota; nobody else
    body = {"year": 2027, "percentage": 2.5, "source": "UWV 2027"}
    assert api.post("/job-agreement-quotas", json=body).status_code == 403
    assert login(PLATFORM).post("/job-agreement-quotas", json=body).status_code == 201


# --- bottlenecks and actions ---------------------------------------------------------------------------
def test_bottlenecks_from_the_catalogue_or_the_boards_own(login, demo):
    api = login(BOARD_ADMIN)
    track = track_of(api, demo["41234"])
    base = f"/inclusion-tracks/{track['id']}/bottlenecks"
    kinds = {b["kind"] for b in api.get(base).json()}
    assert kinds == {"workplace-guidance", "guidance-on-teachers", "funding"}
    assert api.post(base, json={"kind": "funding"}).status_code == 409  # named already
    r = api.post(base, json={"kind": "other"})
    assert r.status_code == 400 and r.json()["invalidParams"]
    r = api.post(base, json={"kind": "other", "label": "Roosters", "notes": "Past het in de roosters?"})
    assert r.status_code == 201, r.text
    assert r.headers["Location"].endswith(f"/bottlenecks/{r.json()['id']}")
    one = r.json()
    r = api.patch(f"{base}/{one['id']}", json={"resolved": True}, headers={"If-Match": one["etag"]})
    assert r.status_code == 200 and r.json()["resolved"] is True
    assert api.patch(f"{base}/{one['id']}", json={"label": None}).status_code == 400


def test_the_action_plan_assigns_ticks_off_and_shows_what_is_overdue(login, demo, db):
    from spil.people.models import Person

    api = login(BOARD_ADMIN)
    track = track_of(api, demo["41234"])
    base = f"/inclusion-tracks/{track['id']}/actions"
    actions = api.get(base).json()
    overdue = [a for a in actions if a["overdue"]]
    assert [a["title"] for a in overdue] == ["Werkplekbegeleiders trainen"]
    assert track["actionsOverdue"] == 1 and track["actionsOpen"] == 2
    dewi = db.execute(sa.select(Person.id).where(Person.name == "Dewi Directeur")).scalar_one()
    other = db.execute(sa.select(Person.id).where(Person.name == "Tom Tweede")).scalar_one()
    due = (clock.today() + dt.timedelta(days=14)).isoformat()
    r = api.post(
        base, json={"title": "Vacature opstellen", "theme": "new-jobs", "personId": other, "dueOn": due}
    )
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "personId"
    r = api.post(
        base, json={"title": "Vacature opstellen", "theme": "new-jobs", "personId": dewi, "dueOn": due}
    )
    assert r.status_code == 201, r.text
    action = r.json()
    assert action["who"] == "Dewi Directeur" and action["status"] == "open" and not action["overdue"]
    r = api.patch(f"{base}/{action['id']}", json={"status": "done", "outcome": "Geplaatst bij het UWV."})
    assert r.status_code == 200
    assert r.json()["doneOn"] == clock.today().isoformat()
    r = api.patch(f"{base}/{action['id']}", json={"status": "open"})
    assert r.json()["doneOn"] is None
    # a coordinator reads the plan, and may not change it
    coordinator = login(COORDINATOR)
    assert len(coordinator.get(base).json()) == 4
    assert coordinator.post(base, json={"title": "x"}).status_code == 403


# --- placements -----------------------------------------------------------------------------------
def placements(api, track_id):
    return {p["number"]: p for p in api.get(f"/inclusion-tracks/{track_id}/placements").json()}


def test_the_employees_name_is_for_the_board_admin_and_the_mentor_only(login, demo):
    admin = login(BOARD_ADMIN)
    track = track_of(admin, demo["41234"])
    mine = placements(admin, track["id"])
    assert mine[1]["employeeName"] == "Jeroen Smit" and mine[1]["nameVisible"] is True
    assert mine[1]["mentor"]["personName"] == "Karin Bos" and mine[1]["mentor"]["hoursPerWeek"] == 2
    assert mine[1]["jobs"] == pytest.approx(20 / 25.5, abs=1e-4) and mine[1]["countsTowardsJobAgreement"]
    assert mine[2]["jobs"] == 0.5 and not mine[2]["countsTowardsJobAgreement"]
    mentor = placements(login(MENTOR), track["id"])
    assert mentor[1]["employeeName"] == "Jeroen Smit"
    for email in (COORDINATOR, SCHOOL_ADMIN, VIEWER, PLATFORM):
        seen = placements(login(email), track["id"])
        assert all(p["employeeName"] is None and not p["nameVisible"] for p in seen.values()), email
        assert seen[1]["schoolName"] == "OBS De Spil"
    # a school's staff see their school's placements only
    assert set(placements(login(COORDINATOR), track["id"])) == {1}
    # the audit trail, read by more people, never holds the name
    admin = login(BOARD_ADMIN)
    events = admin.get("/audit-events", params={"entityType": "inclusion-placement"}).json()["items"]
    assert "Jeroen" not in str(events)


def test_a_school_admin_keeps_placements_at_their_school(login, demo, db):
    from spil.people.models import RoleAssignment, RoleType

    api = login(SCHOOL_ADMIN)
    track = track_of(api, demo["41234"])
    base = f"/inclusion-tracks/{track['id']}/placements"
    body = {
        "schoolId": demo["12AB00"],
        "jobTitle": "Medewerker facilitair",
        "hoursPerWeek": 12.75,
        "startsOn": clock.today().isoformat(),
        "contractKind": "agency",
    }
    r = api.post(base, json=body)
    assert r.status_code == 201, r.text
    assert r.json()["number"] == 3 and r.json()["jobs"] == 0.5
    assert api.post(base, json={**body, "schoolId": demo["23CD00"]}).status_code == 403
    r = api.post(base, json={**body, "employeeName": "Iemand"})
    assert r.status_code == 403 and r.json()["invalidParams"][0]["name"] == "employeeName"
    ib = db.execute(
        sa.select(RoleAssignment.id)
        .join(RoleType)
        .where(RoleType.code == "ib", RoleAssignment.school_id == demo["12AB00"])
    ).scalar_one()
    for bad, field in (
        ({"mentorAssignmentId": ib}, "mentorAssignmentId"),
        ({"hoursPerWeek": 0}, "hoursPerWeek"),
        ({"hoursPerWeek": 61}, "hoursPerWeek"),
        ({"endsOn": "2000-01-01"}, "endsOn"),
        ({"contractKind": "volunteer"}, "contractKind"),
        ({"registerCheckedOn": (clock.today() + dt.timedelta(days=1)).isoformat()}, "registerCheckedOn"),
        ({"countsTowardsJobAgreement": "yes"}, "countsTowardsJobAgreement"),
        ({"schoolId": demo["67GH00"]}, "schoolId"),
    ):
        r = api.post(base, json={**body, **bad})
        assert r.status_code == 400, (bad, r.text)
        assert r.json()["invalidParams"][0]["name"] == field, (bad, r.json())
    assert len(placements(login(BOARD_ADMIN), track["id"])) == 3  # nothing half-written


def test_placement_numbers_stay_unique_under_concurrent_creates(live):
    """Two school staff add placements at the same moment: real commits, real threads."""
    from concurrent.futures import ThreadPoolExecutor

    admin = live.login(BOARD_ADMIN)
    boards = admin.get("/boards").json()["items"]
    board = next(b for b in boards if b["number"] == "41234")
    track = admin.get("/inclusion-tracks", params={"boardId": board["id"]}).json()[0]
    school = next(s for s in admin.get("/schools", params={"boardId": board["id"]}).json()["items"])
    clients = [live.login(BOARD_ADMIN) for _ in range(4)]

    def create(i: int) -> int:
        r = clients[i].post(
            f"/inclusion-tracks/{track['id']}/placements",
            json={
                "schoolId": school["id"],
                "jobTitle": f"Taak {i}",
                "hoursPerWeek": 10,
                "startsOn": clock.today().isoformat(),
                "contractKind": "agency",
            },
        )
        assert r.status_code == 201, r.text
        return int(r.json()["number"])

    with ThreadPoolExecutor(4) as pool:
        numbers = sorted(pool.map(create, range(4)))
    existing = {p["number"] for p in admin.get(f"/inclusion-tracks/{track['id']}/placements").json()}
    assert len(set(numbers)) == 4 and set(numbers) <= existing


# --- progress, the indicator and the gaps -----------------------------------------------------------
def test_progress_counts_jobs_per_month_against_the_ambition(login, demo):
    api = login(BOARD_ADMIN)
    track = track_of(api, demo["41234"])
    progress = api.get(f"/inclusion-tracks/{track['id']}/progress").json()
    today = clock.today()
    assert progress["ambitionInJobs"] == 3 and progress["months"][-1]["month"] == today.strftime("%Y-%m")
    assert progress["jobsNow"] == pytest.approx(20 / 25.5, abs=0.01)
    assert track["jobsRealised"] == progress["jobsNow"]
    # placement 1 has run (and counted) for 140 days: the month three months ago is a whole one
    three_back = counting.months_between(today - dt.timedelta(days=100), today)[0]
    month = next(m for m in progress["months"] if m["month"] == f"{three_back[0]:04d}-{three_back[1]:02d}")
    assert month["jobs"] == pytest.approx(20 / 25.5, abs=0.01) and month["ambition"] == 3
    # placement 2 does not count (yet): once its check is in, the month's figure grows
    second = placements(api, track["id"])[2]
    r = api.patch(
        f"/inclusion-tracks/{track['id']}/placements/{second['id']}",
        json={"countsTowardsJobAgreement": True, "registerCheckedOn": today.isoformat()},
    )
    assert r.status_code == 200, r.text
    after = api.get(f"/inclusion-tracks/{track['id']}/progress").json()
    assert after["jobsNow"] == pytest.approx(20 / 25.5 + 0.5, abs=0.01)


def test_jobs_realised_is_derived_and_rolls_up_to_the_region(login, demo):
    today = clock.today()
    first = (today.replace(day=1) - dt.timedelta(days=62)).replace(day=1)
    params = {"from": first.strftime("%Y-%m"), "to": today.strftime("%Y-%m")}
    admin = login(BOARD_ADMIN)
    board = admin.get(
        "/indicators/job-agreement-jobs/series", params={**params, "scope": f"board:{demo['41234']}"}
    )
    assert board.status_code == 200, board.text
    values = [p["value"] for p in board.json()["points"]]
    assert values and all(v == pytest.approx(20 / 25.5, abs=0.01) for v in values), values
    # entering a value of a derived indicator is refused
    r = admin.post(
        "/measurements",
        json={
            "indicator": "job-agreement-jobs",
            "schoolId": demo["12AB00"],
            "period": params["to"],
            "value": 1,
        },
    )
    assert r.status_code in (400, 409), r.text
    region = login(REGION).get(
        "/indicators/job-agreement-jobs/series", params={**params, "scope": f"region:{demo['AM37']}"}
    )
    assert region.status_code == 200, region.text
    assert [p["value"] for p in region.json()["points"]] == values  # the second board has no placements yet


def test_the_gap_rules_of_inclusion(login, demo, db):
    from spil.inclusion.models import InclusionPlacement, InclusionTrack

    api = login(BOARD_ADMIN)

    def kinds():
        items = api.get("/gaps", params={"pageSize": 100}).json()["items"]
        return {(g["kind"], g["subject"]["name"]) for g in items}

    found = kinds()
    assert ("mentor-without-hours", "Placement 2: Onderwijsassistent") in found
    assert ("inclusion-action-overdue", "Werkplekbegeleiders trainen") in found
    today = clock.today()
    track = db.execute(sa.select(InclusionTrack).where(InclusionTrack.board_id == demo["41234"])).scalar_one()
    first = db.execute(
        sa.select(InclusionPlacement).where(
            InclusionPlacement.track_id == track.id, InclusionPlacement.number == 1
        )
    ).scalar_one()
    first.register_checked_on = today - dt.timedelta(days=400)
    second = db.execute(
        sa.select(InclusionPlacement).where(
            InclusionPlacement.track_id == track.id, InclusionPlacement.number == 2
        )
    ).scalar_one()
    second.mentor_assignment_id = None
    track.phase_since = today - dt.timedelta(days=200)
    db.flush()
    found = kinds()
    assert ("inclusion-register-check-missing", "Placement 1: Conciërge-assistent") in found
    assert ("placement-without-mentor", "Placement 2: Onderwijsassistent") in found
    assert (
        "inclusion-track-stalled",
        "Stichting Spil Demo",
    ) in found  # the last action done was 205 days ago
    # the region contact reads no board's gaps
    r = login(REGION).get("/gaps")
    assert r.status_code == 200, r.text
    assert not [g for g in r.json()["items"] if "placement" in g["kind"] or g["kind"].startswith("inclusion")]


# --- the region ------------------------------------------------------------------------------------------
def test_the_region_reads_both_boards_tracks_in_aggregate(login, demo):
    data = login(REGION).get(f"/regions/{demo['AM37']}/overview").json()["inclusion"]
    assert data["boardsTotal"] == 3 and data["boardsWithTrack"] == 2  # the third board has no track
    assert data["byPhase"] == {"execution": 1, "intake": 1}
    rows = {t["boardName"]: t for t in data["tracks"]}
    assert rows["Stichting Spil Demo"]["ambitionInJobs"] == 3
    assert rows["Stichting Spil Demo"]["jobsInArea"] == pytest.approx(20 / 25.5, abs=0.01)
    assert rows["Stichting Tweede Demo"]["phase"] == "intake"
    assert data["ambitionInJobs"] == 4
    top = {b["kind"]: b["boards"] for b in data["bottlenecks"]}
    assert top["funding"] == 1 and top["other"] == 1
    assert [p["regionCode"] for p in data["employerServicePoints"]] == ["AM37"]
    assert data["employerServicePoints"][0]["filledIn"] is True
    text = str(data)
    assert "Jeroen" not in text and "Karin" not in text and "Conciërge" not in text
    # a region contact reads no track itself
    assert login(REGION).get("/inclusion-tracks").json() == []


def test_every_labour_market_region_has_a_contact_point_kept_by_its_contacts(login, demo, db):
    from spil.organisations.models import Region

    groningen = db.execute(
        sa.select(Region.id).where(Region.kind == "labour-market", Region.code == "AM01")
    ).scalar_one()
    reader = login(COORDINATOR)
    r = reader.get(f"/labour-market-regions/{groningen}/employer-service-point")
    assert r.status_code == 200 and r.headers["ETag"] == '"v0"' and r.json()["filledIn"] is False
    # the region contact of AM37 keeps AM37's, not Groningen's
    region = login(REGION)
    assert (
        region.patch(
            f"/labour-market-regions/{groningen}/employer-service-point", json={"phone": "050 555 0100"}
        ).status_code
        == 403
    )
    path = f"/labour-market-regions/{demo['AM37']}/employer-service-point"
    r = region.patch(path, json={"openingHours": "Ma–do 9–16 uur"}, headers={"If-Match": '"v0"'})
    assert r.status_code == 412  # the demo filled it in: version 1
    r = region.patch(path, json={"openingHours": "Ma–do 9–16 uur", "email": "Onderwijs@WSP.example"})
    assert r.status_code == 200, r.text
    assert r.json()["email"] == "onderwijs@wsp.example" and r.headers["ETag"] == '"v2"'
    assert region.patch(path, json={"email": "geen adres"}).status_code == 400
    assert login(MUNICIPALITY).patch(path, json={"phone": "023 555 0700"}).status_code == 403
    # the platform administrator fills in an empty one: it is created at version 1
    platform = login(PLATFORM)
    r = platform.patch(
        f"/labour-market-regions/{groningen}/employer-service-point", json={"organisation": "WSP Groningen"}
    )
    assert r.status_code == 200 and r.headers["ETag"] == '"v1"'
    # a board's track shows the region of its seat
    track = track_of(login(BOARD_ADMIN), demo["41234"])
    assert track["employerServicePoint"]["regionCode"] == "AM37"
    assert track["employerServicePoint"]["openingHours"] == "Ma–do 9–16 uur"
    # only labour-market regions have one
    education = db.execute(sa.select(Region.id).where(Region.kind == "education-region")).scalar_one()
    assert reader.get(f"/labour-market-regions/{education}/employer-service-point").status_code == 404


# --- personal data ----------------------------------------------------------------------------------
def test_erasure_and_retention_reach_the_inclusion_records(login, demo, db):
    from spil.inclusion.models import InclusionAction, InclusionPlacement, InclusionTrack
    from spil.kit.personal_data import cutoff
    from spil.people.models import Person

    api = login(BOARD_ADMIN)
    track = track_of(api, demo["41234"])
    dewi = db.execute(sa.select(Person.id).where(Person.name == "Dewi Directeur")).scalar_one()
    r = api.post(f"/inclusion-tracks/{track['id']}/actions", json={"title": "Gesprek", "personId": dewi})
    assert r.status_code == 201
    export = api.get(f"/people/{dewi}/personal-data").json()
    assert "Gesprek" in str(export)
    # deleting the person is refused while the plan names them
    assert api.delete(f"/people/{dewi}").status_code == 409
    r2 = api.post(f"/people/{dewi}/erasure", headers=api.current_etag(f"/people/{dewi}"))
    assert r2.status_code == 200, r2.text
    action = db.get(InclusionAction, r.json()["id"])
    db.refresh(action)
    assert action.person_id is None
    # the retention purge blanks the name of a placement that ended long ago
    first = db.execute(
        sa.select(InclusionPlacement).where(
            InclusionPlacement.track_id == track["id"], InclusionPlacement.number == 1
        )
    ).scalar_one()
    first.ends_on = cutoff(clock.today(), 8)
    first.starts_on = first.ends_on - dt.timedelta(days=100)
    db.flush()
    from spil.privacy import service as privacy

    assert privacy.purge(db, clock.today())["expired"] >= 1
    db.refresh(first)
    assert first.employee_name is None
    assert db.get(InclusionTrack, track["id"]) is not None


def test_editing_a_mentors_e_mail_does_not_hand_on_the_name(login, demo, db):
    """The review's probe: a coordinator who gives the mentor's person record their own e-mail
    address does not become the mentor; nor does a name go into the idempotency store."""
    from spil.kit.idempotency import IdempotencyRecord
    from spil.people.models import Person

    karin = db.execute(sa.select(Person.id).where(Person.name == "Karin Bos")).scalar_one()
    coordinator = login(COORDINATOR)
    r = coordinator.patch(f"/people/{karin}", json={"email": COORDINATOR})
    assert r.status_code == 200, r.text
    track = track_of(coordinator, demo["41234"])
    assert placements(coordinator, track["id"])[1]["employeeName"] is None
    admin = login(BOARD_ADMIN)
    r = admin.post(
        f"/inclusion-tracks/{track['id']}/placements",
        json={
            "schoolId": demo["12AB00"],
            "jobTitle": "Medewerker facilitair",
            "hoursPerWeek": 10,
            "startsOn": clock.today().isoformat(),
            "contractKind": "agency",
            "employeeName": "Geheime Naam",
        },
        headers={"Idempotency-Key": "plaatsing-3"},
    )
    assert r.status_code == 201 and r.json()["employeeName"] == "Geheime Naam"
    stored = db.execute(sa.select(IdempotencyRecord.response_body)).scalars().all()
    assert "Geheime Naam" not in str(stored)
