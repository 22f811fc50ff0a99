"""The API design rules that matter most, asserted by the project itself (no ../shared needed)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from spil.api import create_api
from spil.kit import clock
from spil.operation_ids import NAMES

REPO = Path(__file__).resolve().parents[2]
KEBAB_PATH = re.compile(r"^(/([a-z0-9-]+|\{[a-zA-Z]+\}))+$")
CAMEL = re.compile(r"^[a-z][a-zA-Z0-9]*$")


@pytest.fixture(scope="module")
def doc() -> dict:
    return create_api().openapi()


def test_openapi_has_contact_semver_and_versioned_server(doc):
    assert doc["openapi"].startswith("3.")
    assert re.fullmatch(r"\d+\.\d+\.\d+", doc["info"]["version"])
    assert {"name", "url", "email"} <= set(doc["info"]["contact"])
    assert doc["servers"][0]["url"] == "/api/v1"


def test_paths_are_kebab_case_without_trailing_slash(doc):
    for path in doc["paths"]:
        assert KEBAB_PATH.match(path), path


def test_query_parameters_and_properties_are_lower_camel_case(doc):
    for path, item in doc["paths"].items():
        for op in item.values():
            for p in op.get("parameters", []):
                if p["in"] == "query":
                    assert CAMEL.match(p["name"]), (path, p["name"])
    for name, schema in doc["components"]["schemas"].items():
        for prop in schema.get("properties", {}):
            assert CAMEL.match(prop), (name, prop)


def test_every_operation_documents_problems_and_version_header(doc):
    for path, item in doc["paths"].items():
        for method, op in item.items():
            responses = op["responses"]
            assert "422" not in responses
            if method in ("post", "patch", "put") or op.get("parameters"):
                assert "400" in responses, (method, path)
            for code, response in responses.items():
                if int(code) >= 400:
                    assert list(response["content"]) == ["application/problem+json"], (method, path, code)
                else:
                    assert "API-Version" in response["headers"], (method, path, code)


def test_operation_ids_are_stable_readable_and_unique(doc):
    """Generated clients name their methods after the operationIds: ``listSchools``, not
    ``list_schools_schools_get``; every name of the table is in use (no stale entry)."""
    ids = [op["operationId"] for item in doc["paths"].values() for op in item.values()]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    for operation_id in ids:
        assert CAMEL.match(operation_id), operation_id
        assert not re.search(r"(Get|Post|Patch|Put|Delete)$", operation_id), operation_id
    assert set(NAMES.values()) <= set(ids), set(NAMES.values()) - set(ids)
    paths = doc["paths"]
    assert paths["/schools"]["get"]["operationId"] == "listSchools"
    assert paths["/sync-runs"]["post"]["operationId"] == "createSyncRun"
    assert paths["/changes"]["get"]["operationId"] == "listChanges"
    assert paths["/inclusion-tracks/{trackId}/actions"]["post"]["operationId"] == "createInclusionAction"


def test_dates_have_a_format(doc):
    for name, schema in doc["components"]["schemas"].items():
        for prop, spec in schema.get("properties", {}).items():
            if prop.endswith("Date") or prop.endswith("At"):
                assert spec.get("format") in ("date", "date-time"), (name, prop, spec)


def test_committed_openapi_document_is_current(doc):
    """The SPA's typed client is generated from frontend/openapi.json: it must match the API."""
    committed = json.loads((REPO / "frontend" / "openapi.json").read_text())
    assert committed == json.loads(json.dumps(doc)), "frontend/openapi.json is stale: run `make client`"


def test_version_header_on_success_and_error(anon):
    ok = anon.get("/health")
    assert ok.headers["API-Version"] == "1.0.0"
    assert ok.json() == {"status": "ok", "today": clock.today().isoformat()}  # the product's date
    missing = anon.get("/no-such-thing")
    assert missing.status_code == 404
    assert missing.headers["API-Version"] == "1.0.0"
    assert missing.headers["content-type"] == "application/problem+json"
    assert missing.json()["status"] == 404


def test_readiness_checks_the_database(anon):
    r = anon.get("/health/ready")
    assert r.status_code == 200
    assert r.json() == {"status": "ok", "database": "ok"}


def test_unauthenticated_is_a_401_problem(anon):
    r = anon.get("/schools")
    assert r.status_code == 401
    body = r.json()
    assert body["title"] and body["detail"] and body["status"] == 401
    assert r.headers["content-type"] == "application/problem+json"


def test_malformed_json_is_400_with_the_field(login):
    api = login("admin@demo.spil.nl")
    r = api.client.post(
        "/api/v1/boards",
        content=b'{"number": "1',
        headers={"Content-Type": "application/json", "X-CSRF-Token": api.csrf},
    )
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["code"] == "json_invalid"


def test_wrong_types_unknown_fields_and_ranges_are_400(login):
    api = login("admin@demo.spil.nl")
    r = api.post("/boards", json={"number": 12345, "name": "X", "colour": "red"})
    assert r.status_code == 400
    names = {p["name"] for p in r.json()["invalidParams"]}
    assert names == {"number", "colour"}
    # Dutch unless the caller asks for English (Accept-Language)
    assert r.json()["detail"] == "De aanvraag heeft velden die niet kloppen: colour, number."
    assert r.headers["Content-Language"] == "nl"
    reasons = {p["name"]: p["reason"] for p in r.json()["invalidParams"]}
    assert reasons["colour"] == "Dit veld kent Spil niet."
    r = api.post(
        "/boards",
        json={"number": 12345, "name": "X", "colour": "red"},
        headers={"Accept-Language": "en-GB,en;q=0.9"},
    )
    assert r.json()["detail"] == "The request has invalid fields: colour, number."
    assert r.headers["Content-Language"] == "en"
    assert {p["name"]: p["reason"] for p in r.json()["invalidParams"]}[
        "colour"
    ] == "Spil does not know this field."
    r = api.get("/schools", params={"pageSize": 1000})
    assert r.status_code == 400
    assert r.json()["invalidParams"][0] == {
        "name": "pageSize",
        "in": "query",
        "code": "less_than_equal",
        "reason": r.json()["invalidParams"][0]["reason"],
    }


def test_oversized_and_invalid_ids_are_400_not_500(login):
    api = login("admin@demo.spil.nl")
    assert api.get("/schools/99999999999999999999").status_code == 400
    assert api.get("/schools/0").status_code == 400
    assert api.get("/schools/abc").status_code == 400
    assert api.get("/schools/2147483647").status_code == 404


def test_nul_characters_are_refused(login):
    api = login("admin@demo.spil.nl")
    r = api.get("/schools", params={"q": "a\x00b"})
    assert r.status_code == 400 and r.json()["type"] == "urn:spil:problem:invalid-input"
    assert [(p["name"], p["in"]) for p in r.json()["invalidParams"]] == [("q", "query")]
    r = api.post("/boards", json={"number": "99999", "name": "Bad\x00name"})
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "name"


def test_lists_are_paginated_sortable_and_searchable(login):
    api = login("admin@demo.spil.nl")
    everything = api.get("/schools", params={"pageSize": 100}).json()
    assert everything["total"] == len(everything["items"]) > 2
    r = api.get("/schools", params={"pageSize": 2, "sort": "-name"})
    body = r.json()
    assert body["total"] == everything["total"] and body["page"] == 1 and body["pageSize"] == 2
    names = [s["name"] for s in body["items"]]
    assert names == sorted(names, reverse=True) and len(names) == 2
    page2 = api.get("/schools", params={"pageSize": 2, "page": 2, "sort": "-name"}).json()
    assert {s["name"] for s in page2["items"]}.isdisjoint(names)
    assert api.get("/schools", params={"q": "regen"}).json()["total"] == 1
    assert api.get("/schools", params={"sector": "SBO"}).json()["items"][0]["name"] == "SBO De Wending"
    bad = api.get("/schools", params={"sort": "colour"})
    assert bad.status_code == 400 and bad.json()["invalidParams"][0]["name"] == "sort"


def test_search_treats_wildcards_literally(login):
    api = login("admin@demo.spil.nl")
    assert api.get("/schools", params={"q": "%"}).json()["total"] == 0
    assert api.get("/schools", params={"q": "_"}).json()["total"] == 0


def test_json_properties_are_camel_case(login, demo):
    api = login("admin@demo.spil.nl")
    school = api.get(f"/schools/{demo['12AB00']}").json()
    assert {"locationCode", "boardId", "municipalityName", "createdAt"} <= set(school)
    assert all(CAMEL.match(k) for k in school)
