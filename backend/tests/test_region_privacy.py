"""A region contact reads aggregates, never colleagues (decision record 0009, issue "hardening").

The walk asks every GET of the API as the demo region contact, with every path parameter filled
with a record of the demo board in its region, and fails on any person's name, e-mail address or
phone number in an answer (the contact's own account excepted). A new endpoint is walked as soon
as it exists: a path parameter the walk cannot fill fails the test until it is added below.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
import sqlalchemy as sa

REGION = "regio@demo.spil.nl"
MUNICIPALITY = "gemeente@demo.spil.nl"

# Pages anyone may read without logging in: what a school published for pupils and parents.
PUBLIC = ("/public/",)


def _first(db: Any, stmt: Any) -> Any:
    value = db.execute(stmt.limit(1)).scalar()
    assert value is not None, stmt
    return value


def _sync_run(db: Any, board: int) -> int:
    """A run of the demo board whose diff names a person (the demo has no runs)."""
    from spil.sync.models import SyncRun

    run = SyncRun(
        board_id=board,
        source="parnassys",
        mode="upsert",
        status="applied",
        actor_type="api-client",
        actor_label="ParnasSys",
        changes=[
            {
                "collection": "people",
                "index": 0,
                "key": "PS-1",
                "action": "updated",
                "id": 1,
                "label": "Dewi Directeur",
                "fields": {},
            }
        ],
    )
    db.add(run)
    db.flush()
    return int(run.id or 0)


def _path_values(db: Any, demo: dict[str, int]) -> dict[str, Any]:
    """A value for every path parameter: a record of the demo board (in the contact's region)."""
    from spil.access.models import User
    from spil.complaints.models import ComplaintRoute, ConfidentialCase
    from spil.inclusion.models import (
        InclusionAction,
        InclusionBottleneck,
        InclusionPlacement,
        InclusionTrack,
    )
    from spil.indicators.models import Measurement
    from spil.keypersons.models import (
        AllowancePayment,
        KeyPersonActivity,
        KeyPersonListing,
        VolunteerAgreement,
    )
    from spil.organisations.models import Municipality
    from spil.partners.models import Partner, Partnership
    from spil.people.models import Person, RoleAssignment
    from spil.programmes.models import (
        InitiativeResult,
        ProgrammeInitiative,
        ProgrammeLine,
        ProgrammeMember,
        RegionalProgramme,
    )

    board, school = demo["41234"], demo["12AB00"]
    return {
        "userId": _first(db, sa.select(User.id).where(User.email == "coordinator@demo.spil.nl")),
        "regionId": _first(db, sa.select(Municipality.region_id).where(Municipality.id == demo["GM0392"])),
        "municipalityId": demo["GM0392"],
        "boardId": board,
        "schoolId": school,
        "partnerId": _first(db, sa.select(Partner.id).where(Partner.board_id == board)),
        "partnershipId": _first(db, sa.select(Partnership.id).where(Partnership.school_id == school)),
        "personId": _first(db, sa.select(Person.id).where(Person.board_id == board)),
        "roleAssignmentId": _first(
            db, sa.select(RoleAssignment.id).where(RoleAssignment.school_id == school)
        ),
        "agreementId": _first(
            db, sa.select(VolunteerAgreement.id).where(VolunteerAgreement.board_id == board)
        ),
        "paymentId": _first(db, sa.select(AllowancePayment.id).where(AllowancePayment.board_id == board)),
        "activityId": _first(
            db, sa.select(KeyPersonActivity.id).where(KeyPersonActivity.school_id == school)
        ),
        "listingId": _first(db, sa.select(KeyPersonListing.id).where(KeyPersonListing.school_id == school)),
        "routeId": _first(db, sa.select(ComplaintRoute.id).order_by(ComplaintRoute.board_id.desc())),
        "caseId": _first(db, sa.select(ConfidentialCase.id).where(ConfidentialCase.school_id == school)),
        "measurementId": _first(db, sa.select(Measurement.id).where(Measurement.school_id == school)),
        "trackId": _first(db, sa.select(InclusionTrack.id).where(InclusionTrack.board_id == board)),
        "bottleneckId": _first(db, sa.select(InclusionBottleneck.id)),
        "actionId": _first(db, sa.select(InclusionAction.id)),
        "placementId": _first(
            db, sa.select(InclusionPlacement.id).where(InclusionPlacement.school_id == school)
        ),
        "programmeId": _first(db, sa.select(RegionalProgramme.id)),
        "memberId": _first(db, sa.select(ProgrammeMember.id)),
        "lineId": _first(db, sa.select(ProgrammeLine.id)),
        "initiativeId": _first(db, sa.select(ProgrammeInitiative.id)),
        "resultId": _first(db, sa.select(InitiativeResult.id)),
        "syncRunId": _sync_run(db, board),
        "mappingId": None,  # only DELETE takes it
        "code": None,  # per path: an indicator's code or an external body's
        "year": 2025,
        "area": "undesirable-behaviour",
        "kind": None,  # per export kind, below
    }


def _needles(db: Any, account: str = REGION) -> set[str]:
    """Every person's name, e-mail and phone that Spil holds, but the reader's own."""
    from spil.access.models import User
    from spil.partners.models import Partnership
    from spil.people.models import Person

    own = db.execute(sa.select(User.name, User.email).where(User.email == account)).one()
    values: set[str] = set()
    for row in db.execute(sa.select(Person.name, Person.email, Person.phone)).all():
        values.update(v for v in row if v)
    for row in db.execute(sa.select(User.name, User.email)).all():
        values.update(v for v in row if v)
    from spil.inclusion.models import InclusionPlacement

    values.update(name for (name,) in db.execute(sa.select(InclusionPlacement.employee_name)).all() if name)
    for (contacts,) in db.execute(sa.select(Partnership.external_contacts)).all():
        for contact in contacts or []:
            values.update(contact.get(k) for k in ("name", "email", "phone") if contact.get(k))
    return {v for v in values if len(v) >= 4} - set(own)


def _get_paths() -> list[str]:
    from spil.api import create_api

    doc = create_api().openapi()
    return [p for p, item in doc["paths"].items() if "get" in item and not p.startswith(PUBLIC)]


def _urls(path: str, values: dict[str, Any]) -> list[str]:
    from typing import get_args

    from spil.transfer.exports import ExportKind

    if path == "/exports/{kind}":
        return [f"/exports/{kind}" for kind in get_args(ExportKind)]
    if path.startswith("/indicators/{code}"):
        values = {**values, "code": "parent-contacts"}
    elif path.startswith("/external-bodies/{code}"):
        values = {**values, "code": "onderwijsinspectie"}
    names = re.findall(r"{(\w+)}", path)
    missing = [n for n in names if n not in values]
    assert not missing, f"{path}: add a value for {missing} to _path_values"
    return [path.format(**{n: values[n] for n in names})]


def _params(path: str) -> dict[str, Any] | None:
    if "{area}" in path:
        return {"group": "parent"}
    if "{" not in path and path != "/auth/session":
        return {"pageSize": 100}
    return None


def test_every_get_is_walked():
    """The walk covers every GET but the public pages; a path it cannot fill fails the test."""
    paths = _get_paths()
    assert len(paths) > 40
    for path in paths:
        assert re.findall(r"{(\w+)}", path) == [] or _urls(path, {n: 1 for n in re.findall(r"{(\w+)}", path)})


@pytest.mark.parametrize("account", [REGION, MUNICIPALITY])
def test_a_region_contact_reads_no_personal_data(login, demo, db, account):
    """The region contact and the municipality contact (the aggregate readers)."""
    api = login(account)
    values = _path_values(db, demo)
    needles = _needles(db, account)
    assert len(needles) > 20  # the demo holds people: the walk has something to find
    read = 0
    leaks: list[str] = []
    for path in _get_paths():
        for url in _urls(path, values):
            r = api.get(
                url, params={"pageSize": 100} if "{" not in path and path != "/auth/session" else None
            )
            assert r.status_code < 500, (url, r.text)
            if r.status_code != 200:
                assert r.status_code in (400, 403, 404), (url, r.status_code, r.text)
                continue
            read += 1
            body = (
                r.text
                if not r.headers["content-type"].startswith("application/json")
                else json.dumps(r.json(), ensure_ascii=False)
            )
            found = sorted(n for n in needles if n in body)
            if found:
                leaks.append(f"{url}: {found[:3]}")
    assert not leaks, "a region contact reads personal data:\n" + "\n".join(leaks)
    assert read >= 15, read  # the contact still reads its region's register and aggregates


@pytest.mark.parametrize(
    "url",
    [
        "/people/{personId}",
        "/role-assignments/{roleAssignmentId}",
        "/schools/{schoolId}/organogram",
        "/schools/{schoolId}/induction",
        "/schools/{schoolId}/complaint-routes/{area}",
        "/partnerships/{partnershipId}",
        "/partners/{partnerId}",
    ],
)
def test_a_region_contact_reads_no_personal_record(login, demo, db, url):
    """Out of a region contact's scope, so 404 (it does not exist for them), like any record."""
    r = login(REGION).get(
        url.format(**_path_values(db, demo)), params={"group": "parent"} if "{area}" in url else None
    )
    assert r.status_code == 404, r.text
    assert r.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize("url", ["/people", "/role-assignments", "/partnerships", "/partners"])
def test_a_region_contact_lists_no_colleagues(login, url):
    r = login(REGION).get(url)
    assert r.status_code == 200 and r.json()["total"] == 0, r.text
