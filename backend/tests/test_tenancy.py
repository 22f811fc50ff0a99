"""The tenancy sweep: no record of one board reaches another board, whatever the path.

Every operation of the OpenAPI document that names a record in its path (an id or a code) is
asked for a record of board A (Stichting Spil Demo) by two callers of board B (Stichting Tweede
Demo): its board administrator and an API key bound to it with every scope. Each answer must be
404 problem+json ("does not exist or is outside your scope"), the very answer a record that does
not exist gets: never 200/204, never a 403 that tells the record exists, never a 412/428 about
its version (the scope comes first) and never a body with board A's personal data. Every
collection is read as board B too, plain and filtered on board A's ids: the answer is 400/404 or
holds none of board A's records, the same as for a filter on a record that does not exist.

The operations come from the document, not from a list, so a new endpoint is swept by itself; one
whose path parameter cannot be filled with a board-A record must be named in ``NOT_SWEPT`` with
the reason, or ``test_every_path_with_an_id_is_swept_or_listed`` fails.

One setup per database (module scope, rolled back at the end); the last test checks that the
sweep wrote nothing.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from sqlmodel import Session, SQLModel

from spil.api import create_api
from spil.kit import clock, ratelimit
from spil.kit import db as kit_db
from spil.kit.schemas import MAX_ID
from tests.conftest import DEMO_PASSWORD, ids

BOARD_A, BOARD_B = "41234", "51234"  # Stichting Spil Demo, Stichting Tweede Demo
A_ADMIN = "bestuur@demo.spil.nl"
A_COUNSELLOR = "vertrouwenspersoon@demo.spil.nl"  # the register is for counsellors only
PLATFORM = "admin@demo.spil.nl"  # reads a region's figures, for the controls
B_ADMIN = "bestuur@tweede.spil.nl"  # the demo's second board has its own administrator
CALLERS = ("board-b-admin", "board-b-key")
SHIPPED_INDICATOR = "parent-contacts"  # reference data: every board reads it

# Path parameters filled with a board-A record (the fixture ``world`` finds or makes each one).
RECORD_PARAMS = {
    "boardId": "board A itself",
    "schoolId": "OBS De Spil",
    "partnerId": "CJG Haarlem",
    "partnershipId": "CJG Haarlem at OBS De Spil",
    "bottleneckId": "the bottleneck logged on that partnership",
    "personId": "Chris Coördinator",
    "roleTypeId": "a role type of board A's own (made here)",
    "roleAssignmentId": "Chris Coördinator as IB'er of OBS De Spil",
    "agreementId": "Fatima El Amrani's volunteer agreement",
    "paymentId": "one of Fatima's allowance payments",
    "activityId": "a key-person activity at OBS De Spil",
    "listingId": "Fatima's public listing",
    "routeId": "a complaint route of OBS De Spil's own (made here)",
    "caseId": "a confidential case of OBS De Spil",
    "measurementId": "a measurement of OBS De Spil",
    "userId": "Lars Lezer, viewer of board A",
    "membershipId": "Lars Lezer's membership",
    "apiClientId": "an API client of board A (made here)",
    "indicatorCode": "an indicator of board A's own (made here)",
    "trackId": "board A's inclusion track",
    "inclusionBottleneckId": "a bottleneck named on that track",
    "actionId": "an action of that track's plan",
    "placementId": "placement 1 of that track, at OBS De Spil",
    "programmeId": "RAP Zuid-Kennemerland, led by board A (board B is no member)",
    "memberId": "board A's membership of it",
    "adminId": "a programme admin (made here)",
    "lineId": "a line of the programme",
    "initiativeId": "its side-entry track",
    "resultId": "a figure of board A in that track",
    "syncRunId": "a ParnasSys run of board A (made here)",
    "mappingId": "a job-title mapping of board A (made here)",
}
# A path parameter whose name means something else under a prefix: (prefix, name) -> fill key.
PATH_SPECIFIC = {
    ("/indicators/{code}", "code"): "indicatorCode",
    ("/inclusion-tracks/{trackId}/bottlenecks", "bottleneckId"): "inclusionBottleneckId",
}
# ... and the other values it is swept with: reference data, so only where something else in the
# request names board A (``/indicators/parent-contacts/series?scope=board:<A>``).
ALTERNATIVES = {"indicatorCode": [SHIPPED_INDICATOR]}

# Paths that name no board-A record: public or global reference data (every board reads the same).
NOT_SWEPT = {
    "/labour-market-regions/{regionId}": "global reference data: the 35 labour-market regions (CBS)",
    "/municipalities/{municipalityId}": "global reference data: the municipalities (CBS)",
    "/regions/{regionId}": "global reference data: regions of every kind, kept by the platform admin",
    "/regions/{regionId}/municipalities": "global reference data: a region's municipalities",
    "/municipalities/{municipalityId}/overview": "an area's aggregates across boards, for its contacts only: test_areas",
    "/municipalities/{municipalityId}/overview/export": "the same as a file: test_areas",
    "/regions/{regionId}/overview": "an area's aggregates across boards, for its contacts only: test_areas",
    "/regions/{regionId}/overview/export": "the same as a file: test_areas",
    "/labour-market-regions/{regionId}/employer-service-point": "global reference data: a region's public "
    "contact point at the employer service point, for every board",
    "/job-agreement-quotas/{year}": "global reference data: the job agreement's quota per year",
    "/allowance-rules/{year}": "global reference data: the tax authority's maxima per year",
    "/allowance-rules/{year}/revisions": "global reference data: the history of those maxima",
    "/external-bodies/{code}": "global reference data: Veilig Thuis, inspectorate, committees",
    "/public/schools/{locationCode}/key-persons": "public page by location code (no login, published only)",
    "/public/schools/{locationCode}/complaint-routes": "public page by location code (no login)",
    "/public/schools/{locationCode}/complaint-routes/{area}": "public page by location code (no login)",
}
# Operations closed to API clients as a whole: a key gets the same 403 for every id (it tells
# nothing about the record), as the oracle (an id that does not exist) checks.
PEOPLE_ONLY = {
    "/auth/session": "sessions are people's",
    "/users": "accounts are managed by people, not by API clients",
    "/api-clients": "API keys are managed by people, not by API clients",
    "/reminder-settings": "reminders go to people",
}
# Required query parameters of the swept operations: name -> value.
QUERY_FILLS = {
    "boardId": "{boardId}",
    "schoolId": "{schoolId}",
    "year": str(clock.today().year),
    "since": "2000-01-01T00:00:00+00:00",
}
# A ``scope`` query parameter is swept once per kind its description lists (`kind:<id>`).
SCOPE_FILLS = {"school": "{schoolId}", "board": "{boardId}", "region": "{regionId}"}
# Collection filters set to a board-A record, one at a time: name -> value.
LIST_FILTERS = {
    "boardId": "{boardId}",
    "schoolId": "{schoolId}",
    "partnerId": "{partnerId}",
    "partnershipId": "{partnershipId}",
    "personId": "{personId}",
    "agreementId": "{agreementId}",
    "entityId": "{schoolId}",
    "indicator": "{indicatorCode}",
    "lineId": "{lineId}",
}
LIST_FILTERS_NOT_SWEPT = {
    "municipalityId": "global reference data (a municipality holds schools of several boards)",
    "regionId": "global reference data (a region holds schools of several boards)",
}
# Bodies that pass validation, so that the answer is the scope's (the default is ``{}``).
BODIES: dict[tuple[str, str], Any] = {
    ("PATCH", "/users/{userId}"): {"name": "Overgenomen"},
    ("POST", "/users/{userId}/memberships"): {"role": "viewer", "boardId": "{boardB}"},
    ("PATCH", "/boards/{boardId}"): {"phone": "023 555 1234"},
    ("PATCH", "/schools/{schoolId}"): {"city": "Utrecht"},
    ("PATCH", "/partners/{partnerId}"): {"notes": "x"},
    ("PATCH", "/partnerships/{partnershipId}"): {"notes": "x"},
    ("POST", "/partnerships/{partnershipId}/bottlenecks"): {"kind": "privacy", "occurredOn": "{today}"},
    ("PATCH", "/partnerships/{partnershipId}/bottlenecks/{bottleneckId}"): {"note": "x"},
    ("PATCH", "/people/{personId}"): {"phone": "023 555 7777"},
    ("POST", "/sync-runs"): {"source": "parnassys", "people": [{"sourceId": "B-1", "name": "Overgenomen"}]},
    ("PATCH", "/role-assignments/{roleAssignmentId}"): {"notes": "x"},
    ("PATCH", "/volunteer-agreements/{agreementId}"): {"notes": "x"},
    ("PATCH", "/allowance-payments/{paymentId}"): {"note": "x"},
    ("PATCH", "/key-person-activities/{activityId}"): {"note": "x"},
    ("PATCH", "/key-person-listings/{listingId}"): {"published": False},
    ("PATCH", "/boards/{boardId}/complaint-settings"): {"committee": "gcbo"},
    ("PATCH", "/complaint-routes/{routeId}"): {"published": True},
    ("PATCH", "/confidential-cases/{caseId}"): {"notes": "x"},
    ("PATCH", "/measurements/{measurementId}"): {"note": "x"},
    ("PATCH", "/inclusion-tracks/{trackId}"): {"ambitionNotes": "x"},
    ("PATCH", "/regional-programmes/{programmeId}"): {"description": "x"},
    ("POST", "/regional-programmes/{programmeId}/members"): {"boardId": "{boardB}"},
    ("PATCH", "/regional-programmes/{programmeId}/members/{memberId}"): {"leftOn": "{today}"},
    ("POST", "/regional-programmes/{programmeId}/admins"): {"userId": "{userId}"},
    ("POST", "/regional-programmes/{programmeId}/lines"): {"nameNl": "x"},
    ("PATCH", "/regional-programmes/{programmeId}/lines/{lineId}"): {"description": "x"},
    ("POST", "/regional-programmes/{programmeId}/initiatives"): {"name": "x", "lineId": "{lineId}"},
    ("PATCH", "/regional-programmes/{programmeId}/initiatives/{initiativeId}"): {"description": "x"},
    ("POST", "/regional-programmes/{programmeId}/initiatives/{initiativeId}/results"): {
        "boardId": "{boardId}",
        "indicator": "side-entrants-started",
        "period": "2020-2021",
        "value": 1,
    },
    ("PATCH", "/regional-programmes/{programmeId}/initiatives/{initiativeId}/results/{resultId}"): {
        "note": "x"
    },
    ("POST", "/regional-programmes/{programmeId}/partnerships"): {"partnerId": "{partnerId}"},
    ("PATCH", "/regional-programmes/{programmeId}/initiatives/{initiativeId}/participants/{boardId}"): {
        "contactPersonId": None
    },
    ("PATCH", "/inclusion-tracks/{trackId}/bottlenecks/{bottleneckId}"): {"notes": "x"},
    ("POST", "/inclusion-tracks/{trackId}/bottlenecks"): {"kind": "other", "label": "x"},
    ("PATCH", "/inclusion-tracks/{trackId}/actions/{actionId}"): {"outcome": "x"},
    ("POST", "/inclusion-tracks/{trackId}/actions"): {"title": "x"},
    ("PATCH", "/inclusion-tracks/{trackId}/placements/{placementId}"): {"notes": "x"},
    ("POST", "/inclusion-tracks/{trackId}/placements"): {
        "schoolId": "{schoolId}",
        "jobTitle": "x",
        "hoursPerWeek": 10,
        "startsOn": "{today}",
        "contractKind": "agency",
    },
}
CSV_BODIES = {"/imports/{kind}": b"name\nOvergenomen\n"}
CHANGES = ("PATCH", "PUT", "DELETE")


# --- the operations, from the OpenAPI document -----------------------------------------------
@dataclass(frozen=True)
class Variant:
    method: str
    template: str  # the path as the document names it
    url: str  # with ``{fill}`` placeholders and enum values in place
    query: tuple[tuple[str, str], ...] = ()

    @property
    def label(self) -> str:
        query = "&".join(f"{k}={v}" for k, v in self.query)
        return f"{self.method} {self.url}" + (f"?{query}" if query else "")

    @property
    def in_path(self) -> bool:
        """Whether a board-A record is named in the path (else in the query only)."""
        return "{" in self.url

    def names_board_a(self) -> bool:
        return self.in_path or any("{" in v for _, v in self.query)


@dataclass
class Sweep:
    records: list[Variant] = field(default_factory=list)  # expected: 404
    collections: list[Variant] = field(default_factory=list)  # expected: none of board A's records
    unfilled: list[str] = field(default_factory=list)  # neither fillable nor listed
    listed: set[str] = field(default_factory=set)  # NOT_SWEPT entries that matched a path


def _path_choices(template: str, path_params: list[dict[str, Any]]) -> list[list[str]] | str:
    """Per path parameter the values to sweep: a board-A record (with its alternatives) or each
    value of an enum; or the name of the parameter that cannot be filled."""
    choices = []
    for p in path_params:
        name = p["name"]
        key = next(
            (k for (pre, n), k in PATH_SPECIFIC.items() if n == name and template.startswith(pre)), name
        )
        if "enum" in p.get("schema", {}):
            choices.append(list(p["schema"]["enum"]))
        elif key in RECORD_PARAMS:
            choices.append([f"{{{key}}}", *ALTERNATIVES.get(key, [])])
        else:
            return name
    return choices


def _sweep(doc: dict[str, Any]) -> Sweep:
    sweep = Sweep()
    for template, item in doc["paths"].items():
        for method, op in item.items():
            method, where = method.upper(), f"{method.upper()} {template}"
            params = op.get("parameters", [])
            path_params = [p for p in params if p["in"] == "path"]
            if template in NOT_SWEPT:
                sweep.listed.add(template)
                continue
            if not path_params and method != "GET":
                continue  # a create on a collection: the permission matrix covers it
            choices = _path_choices(template, path_params)
            if isinstance(choices, str):
                sweep.unfilled.append(f"{where}: path parameter {choices}")
                continue
            required: list[list[tuple[str, str]]] = []  # one list of choices per parameter
            filters: list[tuple[str, str]] = []
            for p in (p for p in params if p["in"] == "query"):
                name = p["name"]
                if name == "scope":
                    kinds = re.findall(r"`([a-z]+):<id>`", p.get("description", ""))
                    if not kinds or set(kinds) - set(SCOPE_FILLS):
                        sweep.unfilled.append(f"{where}: scope kinds {kinds}")
                    required.append([(name, f"{k}:{SCOPE_FILLS[k]}") for k in kinds if k in SCOPE_FILLS])
                elif p.get("required"):
                    if "enum" in p.get("schema", {}):
                        required.append([(name, p["schema"]["enum"][0])])
                    elif name in QUERY_FILLS:
                        required.append([(name, QUERY_FILLS[name])])
                    else:
                        sweep.unfilled.append(f"{where}: required query parameter {name}")
                elif name in LIST_FILTERS:
                    filters.append((name, LIST_FILTERS[name]))
                elif name.endswith("Id") and name not in LIST_FILTERS_NOT_SWEPT:
                    sweep.unfilled.append(f"{where}: query filter {name}")
            names = [p["name"] for p in path_params]
            by_record = any("enum" not in p.get("schema", {}) for p in path_params)
            for values in itertools.product(*choices):
                url = template
                for name, value in zip(names, values, strict=True):
                    url = url.replace(f"{{{name}}}", value)
                for query in itertools.product(*required):
                    base = Variant(method, template, url, tuple(query))
                    if base.names_board_a():
                        sweep.records.append(base)
                    elif by_record:
                        continue  # an alternative (reference data) and nothing of board A
                    elif method == "GET":  # a collection (its path holds enum values at most)
                        sweep.collections.append(base)
                        sweep.collections += [Variant(method, template, url, (*query, f)) for f in filters]
                    else:
                        sweep.unfilled.append(f"{where}: names no record to sweep")
    return sweep


DOC = create_api().openapi()
SWEEP = _sweep(DOC)


def test_every_path_with_an_id_is_swept_or_listed():
    """A new path must be sweepable (its parameters map to board-A records) or be listed in
    ``NOT_SWEPT`` with the reason; a listed path that is gone must leave the list."""
    assert not SWEEP.unfilled, (
        "fill these (RECORD_PARAMS, QUERY_FILLS, LIST_FILTERS) or list them: " + "; ".join(SWEEP.unfilled)
    )
    assert set(NOT_SWEPT) == SWEEP.listed, (
        f"NOT_SWEPT names paths that are gone: {set(NOT_SWEPT) - SWEEP.listed}"
    )
    swept = SWEEP.records + SWEEP.collections
    for prefix in PEOPLE_ONLY:
        assert any(v.template.startswith(prefix) for v in swept), f"PEOPLE_ONLY: {prefix} is gone"
    with_path_params = {
        (m.upper(), p)
        for p, item in DOC["paths"].items()
        for m, op in item.items()
        if any(x["in"] == "path" for x in op.get("parameters", [])) and p not in NOT_SWEPT
    }
    assert with_path_params <= {(v.method, v.template) for v in swept}
    assert len({(v.method, v.template) for v in SWEEP.records}) >= 55  # the sweep sweeps


# --- board A's world, as seen from board B (one setup per database) ---------------------------
@dataclass
class World:
    fills: dict[str, str]  # placeholder -> board A's value
    nowhere: dict[str, str]  # placeholder -> a record that does not exist (the oracle)
    a_schools: set[int]
    markers: list[str]  # board A's personal data and its records' names: never in B's answers
    callers: dict[str, tuple[TestClient, dict[str, str]]]  # board B: a client and its headers
    session: Session
    records: dict[str, tuple[Any, int]]  # fill key -> (model, id)
    controls: dict[str, str] = field(default_factory=dict)  # a GET's label -> who reads it in A
    counts: dict[str, int] = field(default_factory=dict)  # rows per table before the sweep
    rows: dict[str, Any] = field(default_factory=dict)  # board A's swept records before the sweep


def _browser(app: Any, email: str) -> tuple[TestClient, dict[str, str]]:
    client = TestClient(app, raise_server_exceptions=False)
    r = client.post("/api/v1/auth/login", json={"email": email, "password": DEMO_PASSWORD})
    assert r.status_code == 200, r.text
    return client, {"X-CSRF-Token": r.json()["csrfToken"]}


def _counts(session: Session) -> dict[str, int]:
    return {
        name: session.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
        for name, table in SQLModel.metadata.tables.items()
    }


def _rows(session: Session, records: dict[str, tuple[Any, int]]) -> dict[str, Any]:
    out = {}
    for key, (model, ident) in records.items():
        table = model.__table__
        row = session.execute(sa.select(table).where(table.c.id == ident)).mappings().one_or_none()
        out[key] = {k: v for k, v in row.items() if k != "last_used_at"} if row is not None else None
    return out


@pytest.fixture(scope="module")
def world(engine: sa.Engine, application: Any) -> Iterator[World]:
    """Board A's records and board B's two callers, on one connection for the whole module: its
    transaction is rolled back at the end, the requests' commits are savepoints in it."""
    connection = engine.connect()
    transaction = connection.begin()
    session = Session(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False)
    previous = kit_db._engine
    kit_db._engine = engine
    ratelimit.reset_all()
    try:
        with kit_db.borrowed_session(session):
            yield _build_world(session, application)
    finally:
        kit_db._engine = previous
        session.close()
        transaction.rollback()
        connection.close()


def _build_world(session: Session, app: Any) -> World:
    from spil.access.models import ApiClient, Membership, User
    from spil.complaints.models import ComplaintRoute, ConfidentialCase
    from spil.inclusion.models import InclusionAction, InclusionBottleneck, InclusionPlacement, InclusionTrack
    from spil.indicators.models import Indicator, Measurement
    from spil.keypersons.models import (
        AllowancePayment,
        KeyPersonActivity,
        KeyPersonListing,
        VolunteerAgreement,
    )
    from spil.organisations.models import Board, School
    from spil.partners.models import Bottleneck, Partner, Partnership
    from spil.people.models import Person, RoleAssignment, RoleType

    demo = ids(session)
    board_a, board_b, s1 = demo[BOARD_A], demo[BOARD_B], demo["12AB00"]
    a_schools = set(session.execute(sa.select(School.id).where(School.board_id == board_a)).scalars())
    browsers = {email: _browser(app, email) for email in (A_ADMIN, A_COUNSELLOR, PLATFORM, B_ADMIN)}

    def post(email: str, path: str, body: dict[str, Any]) -> dict[str, Any]:
        client, headers = browsers[email]
        r = client.post(f"/api/v1{path}", json=body, headers=headers)
        assert r.status_code == 201, r.text
        return r.json()

    # Board A's own records that the demo does not hold, made through the API by its admin.
    from spil.sync.models import SyncRoleMapping, SyncRun

    mapping = post(
        A_ADMIN, "/sync-role-mappings", {"boardId": board_a, "sourceName": "Conciërge", "roleType": "teacher"}
    )
    sync_run = SyncRun(
        board_id=board_a,
        source="parnassys",
        mode="upsert",
        status="applied",
        actor_type="api-client",
        actor_label="Koppeling A",
        changes=[
            {
                "collection": "people",
                "index": 0,
                "key": "PS-1",
                "action": "updated",
                "id": 1,
                "label": "Chris Coördinator",
            }
        ],
    )
    session.add(sync_run)
    session.commit()  # as a request would (a savepoint of the module's transaction)
    role_type = post(
        A_ADMIN,
        "/role-types",
        {"boardId": board_a, "code": "ict", "nameNl": "ICT", "nameEn": "ICT", "scopeLevel": "school"},
    )
    indicator = post(
        A_ADMIN,
        "/indicators",
        {
            "boardId": board_a,
            "code": "reading-club",
            "nameNl": "Leesclub",
            "nameEn": "Reading club",
            "unit": "count",
            "frequency": "month",
            "domain": "inclusion",
        },
    )
    route = post(
        A_ADMIN, "/complaint-routes", {"schoolId": s1, "area": "school-organisation", "group": "parent"}
    )
    a_client = post(
        A_ADMIN,
        "/api-clients",
        {"name": "Koppeling van bestuur A", "scopes": ["organisations:read"], "boardId": board_a},
    )
    # Board B's API key, with every scope there is.
    every_scope = DOC["components"]["schemas"]["ApiClientCreate"]["properties"]["scopes"]["items"]["enum"]
    b_key = post(
        B_ADMIN, "/api-clients", {"name": "tenancy sweep", "scopes": every_scope, "boardId": board_b}
    )

    def one(stmt: Any) -> int:
        return session.execute(stmt.limit(1)).scalar_one()

    partnership = one(
        sa.select(Partnership.id)
        .join(Partner, Partner.id == Partnership.partner_id)
        .where(Partner.name == "CJG Haarlem", Partnership.school_id == s1)
    )
    fatima = one(sa.select(Person.id).where(Person.board_id == board_a, Person.name == "Fatima El Amrani"))
    agreement = one(sa.select(VolunteerAgreement.id).where(VolunteerAgreement.person_id == fatima))
    viewer = one(sa.select(User.id).where(User.email == "lezer@demo.spil.nl"))
    track = one(sa.select(InclusionTrack.id).where(InclusionTrack.board_id == board_a))
    from spil.programmes.models import (
        InitiativeResult,
        ProgrammeAdmin,
        ProgrammeInitiative,
        ProgrammeLine,
        ProgrammeMember,
        RegionalProgramme,
    )

    programme = one(sa.select(RegionalProgramme.id).where(RegionalProgramme.lead_board_id == board_a))
    admin = post(A_ADMIN, f"/regional-programmes/{programme}/admins", {"userId": viewer})
    side_entry = one(
        sa.select(ProgrammeInitiative.id).where(
            ProgrammeInitiative.programme_id == programme, ProgrammeInitiative.name == "Zij-instroomtraject"
        )
    )
    records: dict[str, tuple[Any, int]] = {
        "boardId": (Board, board_a),
        "schoolId": (School, s1),
        "partnerId": (
            Partner,
            one(sa.select(Partner.id).where(Partner.board_id == board_a, Partner.name == "CJG Haarlem")),
        ),
        "partnershipId": (Partnership, partnership),
        "bottleneckId": (
            Bottleneck,
            one(sa.select(Bottleneck.id).where(Bottleneck.partnership_id == partnership)),
        ),
        "personId": (
            Person,
            one(sa.select(Person.id).where(Person.board_id == board_a, Person.name == "Chris Coördinator")),
        ),
        "roleTypeId": (RoleType, role_type["id"]),
        "roleAssignmentId": (
            RoleAssignment,
            one(
                sa.select(RoleAssignment.id)
                .join(RoleType, RoleType.id == RoleAssignment.role_type_id)
                .where(RoleType.code == "ib", RoleAssignment.school_id == s1)
            ),
        ),
        "agreementId": (VolunteerAgreement, agreement),
        "paymentId": (
            AllowancePayment,
            one(sa.select(AllowancePayment.id).where(AllowancePayment.agreement_id == agreement)),
        ),
        "activityId": (
            KeyPersonActivity,
            one(sa.select(KeyPersonActivity.id).where(KeyPersonActivity.school_id == s1)),
        ),
        "listingId": (
            KeyPersonListing,
            one(sa.select(KeyPersonListing.id).where(KeyPersonListing.display_name == "Fatima")),
        ),
        "routeId": (ComplaintRoute, route["id"]),
        "caseId": (
            ConfidentialCase,
            one(sa.select(ConfidentialCase.id).where(ConfidentialCase.school_id == s1)),
        ),
        "measurementId": (Measurement, one(sa.select(Measurement.id).where(Measurement.school_id == s1))),
        "userId": (User, viewer),
        "membershipId": (Membership, one(sa.select(Membership.id).where(Membership.user_id == viewer))),
        "apiClientId": (ApiClient, a_client["id"]),
        "indicatorCode": (Indicator, indicator["id"]),
        "trackId": (InclusionTrack, track),
        "programmeId": (RegionalProgramme, programme),
        "memberId": (
            ProgrammeMember,
            one(
                sa.select(ProgrammeMember.id).where(
                    ProgrammeMember.programme_id == programme, ProgrammeMember.board_id == board_a
                )
            ),
        ),
        "adminId": (ProgrammeAdmin, admin["id"]),
        "lineId": (
            ProgrammeLine,
            one(sa.select(ProgrammeLine.id).where(ProgrammeLine.programme_id == programme)),
        ),
        "initiativeId": (ProgrammeInitiative, side_entry),
        "resultId": (
            InitiativeResult,
            one(
                sa.select(InitiativeResult.id).where(
                    InitiativeResult.initiative_id == side_entry, InitiativeResult.board_id == board_a
                )
            ),
        ),
        "inclusionBottleneckId": (
            InclusionBottleneck,
            one(sa.select(InclusionBottleneck.id).where(InclusionBottleneck.track_id == track)),
        ),
        "actionId": (
            InclusionAction,
            one(sa.select(InclusionAction.id).where(InclusionAction.track_id == track)),
        ),
        "placementId": (
            InclusionPlacement,
            one(
                sa.select(InclusionPlacement.id).where(
                    InclusionPlacement.track_id == track, InclusionPlacement.school_id == s1
                )
            ),
        ),
        "syncRunId": (SyncRun, sync_run.id),
        "mappingId": (SyncRoleMapping, mapping["id"]),
    }
    assert set(records) == set(RECORD_PARAMS)
    for key, (model, ident) in records.items():  # each of them is board A's
        row = session.get(model, ident)
        if key == "boardId":
            owner = row.id
        elif key == "userId":
            owner = one(sa.select(Membership.board_id).where(Membership.user_id == ident))
        elif key == "bottleneckId":
            owner = session.get(Partnership, row.partnership_id).board_id
        elif key in ("inclusionBottleneckId", "actionId"):
            owner = session.get(InclusionTrack, row.track_id).board_id
        elif key == "programmeId":
            owner = row.lead_board_id
        elif key in ("adminId", "lineId", "initiativeId"):
            owner = session.get(RegionalProgramme, row.programme_id).lead_board_id
        else:
            owner = row.board_id
        assert owner == board_a, f"{key} {ident} is not board A's"
    today = clock.today()
    fills = {key: str(ident) for key, (_, ident) in records.items()}
    fills |= {
        "indicatorCode": indicator["code"],
        "regionId": str(demo["AM37"]),  # the region of board A's schools (``scope=region:<id>``)
        "today": today.isoformat(),
        "boardB": str(board_b),
    }
    nowhere = {**{k: str(MAX_ID) for k in (*RECORD_PARAMS, "regionId")}, "indicatorCode": "no-such-indicator"}
    nowhere = {**fills, **nowhere}

    # Board A's personal data, and the names of its records, that board B must never see.
    markers: set[str] = set()
    for person in session.execute(
        sa.select(Person.name, Person.email, Person.phone).where(Person.board_id == board_a)
    ):
        markers.update(x for x in person if x)
    a_users = sa.select(Membership.user_id).where(
        sa.or_(Membership.board_id == board_a, Membership.school_id.in_(a_schools))
    )
    for user in session.execute(sa.select(User.name, User.email).where(User.id.in_(a_users))):
        markers.update(user)
    for column, board_column in (
        (Partner.name, Partner.board_id),
        (School.name, School.board_id),
        (KeyPersonListing.how_to_reach, KeyPersonListing.board_id),
        (InclusionPlacement.employee_name, InclusionPlacement.board_id),
        (InclusionPlacement.job_title, InclusionPlacement.board_id),
    ):
        markers.update(
            v for v in session.execute(sa.select(column).where(board_column == board_a)).scalars() if v
        )
    markers.update(("Stichting Spil Demo", indicator["nameNl"], a_client["name"]))

    world = World(
        fills=fills,
        nowhere=nowhere,
        a_schools=a_schools,
        markers=sorted(markers),
        callers={
            "board-b-admin": browsers[B_ADMIN],
            "board-b-key": (
                TestClient(app, raise_server_exceptions=False),
                {"Authorization": f"Bearer {b_key['key']}"},
            ),
        },
        session=session,
        records=records,
    )
    # Controls: every GET of the sweep reads a real board-A record for board A's own staff (or, for
    # a region's figures, for the platform administrator), so that a 404 to board B means something.
    for variant in SWEEP.records:
        if variant.method == "GET":
            url, query = _fill(world.fills, variant)
            for email in (A_ADMIN, A_COUNSELLOR, PLATFORM):
                client, headers = browsers[email]
                if client.get(f"/api/v1{url}", params=query, headers=headers).status_code == 200:
                    world.controls[variant.label] = email
                    break
    world.counts = _counts(session)
    world.rows = _rows(session, records)
    return world


def _fill(fills: dict[str, str], variant: Variant) -> tuple[str, dict[str, str]]:
    return variant.url.format(**fills), {k: v.format(**fills) for k, v in variant.query}


def _send(world: World, caller: str, variant: Variant, fills: dict[str, str]) -> Any:
    client, headers = world.callers[caller]
    url, query = _fill(fills, variant)
    kw: dict[str, Any] = {}
    if variant.template in CSV_BODIES:
        kw["content"] = CSV_BODIES[variant.template]
        headers = {**headers, "Content-Type": "text/csv"}
    elif variant.method in ("POST", "PUT", "PATCH"):
        body = BODIES.get((variant.method, variant.template), {})
        kw["json"] = {k: _value(v, fills) for k, v in body.items()}
    if variant.method in CHANGES:
        headers = {**headers, "If-Match": '"v1"'}  # B cannot read the ETag: the scope answers first
    return client.request(variant.method, f"/api/v1{url}", params=query, headers=headers, **kw)


def _value(value: Any, fills: dict[str, str]) -> Any:
    if isinstance(value, str) and value.startswith("{") and value.endswith("}"):
        filled = fills[value[1:-1]]
        return int(filled) if filled.isdigit() else filled
    return value


def _leaks(world: World, text: str) -> list[str]:
    return [m for m in world.markers if m in text]


def _board_a_objects(world: World, data: Any) -> list[Any]:
    """The objects in an answer that belong to board A (by their boardId or schoolId)."""
    found = []
    if isinstance(data, dict):
        schools = {x for x in (data.get("schoolId"), *(data.get("schoolIds") or ())) if isinstance(x, int)}
        if data.get("boardId") == int(world.fills["boardId"]) or schools & world.a_schools:
            found.append(data)
        data = list(data.values())
    if isinstance(data, list):
        for value in data:
            found += _board_a_objects(world, value)
    return found


def _same_problem(a: Any, b: Any) -> bool:
    """The same problem, but for the id it names."""
    strip = lambda r: {k: re.sub(r"\d+", "#", str(v)) for k, v in r.json().items() if k != "instance"}  # noqa: E731
    return a.status_code == b.status_code and strip(a) == strip(b)


# --- the sweep -----------------------------------------------------------------------------------
def _cases(variants: list[Variant]) -> list[Any]:
    return [pytest.param(v, c, id=f"{v.label} as {c}") for v in variants for c in CALLERS]


@pytest.mark.parametrize("variant,caller", _cases(SWEEP.records))
def test_a_record_of_another_board_does_not_exist(world, variant, caller):
    if variant.method == "GET":
        assert variant.label in world.controls, f"{variant.label}: not a record board A's own staff read"
    r = _send(world, caller, variant, world.fills)
    said = f"{variant.label} as {caller}: {r.status_code} {r.text[:300]}"
    assert r.headers["content-type"] == "application/problem+json", said
    assert not _leaks(world, r.text), said
    assert "ETag" not in r.headers
    if r.status_code == 404:  # "does not exist or is outside your scope": the same for both
        assert r.json()["type"].endswith("not-found") and "buiten wat u mag zien" in r.json()["detail"], said
    else:  # the answer a record that does not exist gets: nothing tells that board A's does
        assert _same_problem(r, _send(world, caller, variant, world.nowhere)), said
    if caller == "board-b-key" and variant.template.startswith(tuple(PEOPLE_ONLY)):
        assert r.status_code == 403, said  # closed to every key alike
    elif not variant.in_path:
        assert r.status_code in (400, 404), said  # a reference in the query: an unknown one
    else:
        assert r.status_code == 404, said


@pytest.mark.parametrize("variant,caller", _cases(SWEEP.collections))
def test_a_collection_never_lists_another_boards_records(world, variant, caller):
    r = _send(world, caller, variant, world.fills)
    said = f"{variant.label} as {caller}: {r.status_code} {r.text[:300]}"
    filtered = variant.names_board_a()
    allowed = {200, 400, 404} if filtered else {200, 404}
    if caller == "board-b-key" and variant.template.startswith(tuple(PEOPLE_ONLY)):
        allowed.add(403)  # closed to API clients as a whole
    assert r.status_code in allowed, said
    assert not _leaks(world, r.text), f"{said}: {_leaks(world, r.text)}"
    if r.status_code != 200:
        assert r.headers["content-type"] == "application/problem+json", said
    elif r.headers["content-type"].startswith("application/json"):
        assert not _board_a_objects(world, r.json()), _board_a_objects(world, r.json())[:3]
    if filtered:
        # a filter on board A's record finds what a filter on no record finds: nothing (or, in a
        # catalogue, only what all boards share)
        other = _send(world, caller, variant, world.nowhere)
        assert r.status_code == other.status_code, said
        if r.status_code == 200:
            assert r.content == other.content, said
        else:
            assert _same_problem(r, other), said


def test_the_sweep_changed_nothing_of_board_a(world):
    """No request of board B wrote anything: no row added or removed anywhere, and board A's swept
    records are as they were."""
    assert _counts(world.session) == world.counts
    assert _rows(world.session, world.records) == world.rows
