"""OAuth 2.0 client credentials (RFC 6749 §4.4): the token endpoint and its bearer tokens."""

from __future__ import annotations

import base64
import datetime as dt
import json
from typing import Any

import pytest
from joserfc import jwt
from joserfc.jwk import OctKey

from spil.access import oauth
from spil.kit import clock, ratelimit
from spil.kit.settings import get_settings

ADMIN = "admin@demo.spil.nl"
TOKEN = "/api/v1/oauth/token"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
HAARLEM_SCHOOLS = {"12AB00", "23CD00", "78JK00"}


def basic(client_id: str, secret: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"{client_id}:{secret}".encode()).decode()}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def haarlem(login: Any, demo: dict[str, int], client: Any) -> dict[str, Any]:
    """An API client of the municipality of Haarlem, made by the platform admin: its id,
    client_id (keyPrefix) and client_secret (the key)."""
    api = login(ADMIN)
    r = api.post(
        "/api-clients",
        {
            "name": "Gemeente Haarlem",
            "scopes": ["organisations:read", "indicators:read"],
            "municipalityId": demo["GM0392"],
        },
    )
    assert r.status_code == 201, r.text
    client.cookies.clear()  # from here on, only the system's own credentials
    out = r.json()
    return {"id": out["id"], "client_id": out["keyPrefix"], "secret": out["key"]}


def token_for(client: Any, who: dict[str, Any], **form: str) -> dict[str, Any]:
    r = client.post(
        TOKEN,
        data={"grant_type": "client_credentials", **form},
        headers=basic(who["client_id"], who["secret"]),
    )
    assert r.status_code == 200, r.text
    return r.json()


def test_a_municipality_reads_its_schools_with_a_token_from_basic_auth(client, haarlem):
    r = client.post(
        TOKEN,
        data={"grant_type": "client_credentials"},
        headers=basic(haarlem["client_id"], haarlem["secret"]),
    )
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/json"
    assert r.headers["cache-control"] == "no-store" and r.headers["pragma"] == "no-cache"
    body = r.json()
    assert set(body) == {"access_token", "token_type", "expires_in", "scope"}
    assert body["token_type"] == "Bearer" and body["expires_in"] == 600
    assert set(body["scope"].split()) == {"organisations:read", "indicators:read"}  # all, by default
    schools = client.get("/api/v1/schools", headers=bearer(body["access_token"]))
    assert schools.status_code == 200, schools.text
    assert {s["locationCode"] for s in schools.json()["items"]} == HAARLEM_SCHOOLS


def test_credentials_in_the_form_work_too(client, haarlem):
    form = {
        "grant_type": "client_credentials",
        "client_id": haarlem["client_id"],
        "client_secret": haarlem["secret"],
    }
    r = client.post(TOKEN, data=form)
    assert r.status_code == 200, r.text
    token = r.json()["access_token"]
    schools = client.get("/api/v1/schools", headers=bearer(token)).json()["items"]
    assert {s["locationCode"] for s in schools} == HAARLEM_SCHOOLS


def test_the_token_is_a_short_lived_signed_jwt_of_this_api(client, haarlem):
    token = token_for(client, haarlem)["access_token"]
    header = json.loads(base64.urlsafe_b64decode(token.split(".")[0] + "=="))
    assert header == {"alg": "HS256", "typ": "at+jwt"}
    claims = oauth.read_access_token(token)
    assert claims.client_id == haarlem["client_id"]
    payload = json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))
    assert {"iss", "sub", "aud", "iat", "exp", "scope", "jti", "client_id"} <= set(payload)
    assert payload["sub"] == haarlem["client_id"] and payload["exp"] - payload["iat"] == 600
    assert token_for(client, haarlem)["access_token"] != token  # a new jti every time


def test_the_lifetime_is_a_setting(client, haarlem, monkeypatch):
    monkeypatch.setattr(get_settings(), "oauth_token_minutes", 2)
    assert token_for(client, haarlem)["expires_in"] == 120


def test_a_narrower_scope_narrows_the_token(client, haarlem):
    only_indicators = token_for(client, haarlem, scope="indicators:read")
    assert only_indicators["scope"] == "indicators:read"
    r = client.get("/api/v1/schools", headers=bearer(only_indicators["access_token"]))
    assert r.status_code == 403 and r.json()["type"].endswith("insufficient-scope")
    only_schools = token_for(client, haarlem, scope="organisations:read")
    assert client.get("/api/v1/schools", headers=bearer(only_schools["access_token"])).status_code == 200


@pytest.mark.parametrize("scope", ["partners:read", "organisations:write", "organisations:read bogus"])
def test_a_scope_the_client_lacks_is_invalid_scope(client, haarlem, scope):
    r = client.post(
        TOKEN,
        data={"grant_type": "client_credentials", "scope": scope},
        headers=basic(haarlem["client_id"], haarlem["secret"]),
    )
    assert r.status_code == 400
    assert r.json()["error"] == "invalid_scope"
    assert r.headers["content-type"] == "application/json" and r.headers["cache-control"] == "no-store"


def test_wrong_or_missing_client_credentials_are_invalid_client(client, haarlem):
    cases = [
        basic(haarlem["client_id"], haarlem["secret"] + "x"),
        basic("0123456789ab", haarlem["secret"]),
        basic(haarlem["client_id"], ""),
        {"Authorization": "Basic " + base64.b64encode(b"\xff\xfe:\xff").decode()},  # not UTF-8
        {"Authorization": "Basic %%%"},
        bearer(haarlem["secret"]),  # the key as a bearer credential is no client authentication
        {},
    ]
    for headers in cases:
        r = client.post(TOKEN, data={"grant_type": "client_credentials"}, headers=headers)
        assert r.status_code == 401, (headers, r.text)
        assert r.json()["error"] == "invalid_client"
        assert r.headers["www-authenticate"].startswith("Basic ")
        assert r.headers["cache-control"] == "no-store"
    form = {
        "grant_type": "client_credentials",
        "client_id": haarlem["client_id"],
        "client_secret": "spil_nope_nope",
    }
    r = client.post(TOKEN, data=form)
    assert r.status_code == 401 and r.json()["error"] == "invalid_client"
    # The same answer for an unknown client as for a wrong secret: nothing to enumerate.
    unknown = client.post(TOKEN, data={**form, "client_id": "0123456789ab"})
    assert unknown.json() == r.json()


def test_unsupported_grant_types_and_malformed_requests(client, haarlem):
    auth = basic(haarlem["client_id"], haarlem["secret"])
    r = client.post(TOKEN, data={"grant_type": "password", "username": "x", "password": "y"}, headers=auth)
    assert r.status_code == 400 and r.json()["error"] == "unsupported_grant_type"
    r = client.post(TOKEN, data={"grant_type": "authorization_code", "code": "x"}, headers=auth)
    assert r.status_code == 400 and r.json()["error"] == "unsupported_grant_type"
    for content, headers in [
        ("scope=organisations%3Aread", FORM),  # no grant_type
        ("grant_type=client_credentials&grant_type=client_credentials", FORM),  # twice
        ('{"grant_type": "client_credentials"}', {"Content-Type": "application/json"}),  # not a form
        ("grant_type=client_credentials%00", FORM),
        (b"grant_type=\xff", FORM),
    ]:
        r = client.post(TOKEN, content=content, headers={**headers, **auth})
        assert r.status_code == 400, (content, r.text)
        assert r.json()["error"] == "invalid_request"
        assert r.headers["content-type"] == "application/json"
    # One way of authenticating per request (RFC 6749 §2.3).
    both = {"grant_type": "client_credentials", "client_secret": haarlem["secret"]}
    r = client.post(TOKEN, data=both, headers=auth)
    assert r.status_code == 400 and r.json()["error"] == "invalid_request"


def test_an_expired_token_is_refused_with_invalid_token(client, haarlem):
    start = dt.datetime(2027, 3, 1, 9, 0, tzinfo=dt.UTC)
    with clock.pinned(start):
        token = token_for(client, haarlem)["access_token"]
    with clock.pinned(start + dt.timedelta(minutes=9, seconds=50)):
        assert client.get("/api/v1/schools", headers=bearer(token)).status_code == 200
    with clock.pinned(start + dt.timedelta(minutes=11)):
        r = client.get("/api/v1/schools", headers=bearer(token))
    assert r.status_code == 401
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json()["type"] == "urn:spil:problem:invalid-token" and "verlopen" in r.json()["detail"]
    assert 'error="invalid_token"' in r.headers["www-authenticate"]
    assert r.headers["www-authenticate"].startswith("Bearer ")


def test_a_revoked_clients_live_token_is_refused_at_once(client, haarlem, login):
    token = token_for(client, haarlem)["access_token"]
    assert client.get("/api/v1/schools", headers=bearer(token)).status_code == 200
    assert login(ADMIN).delete(f"/api-clients/{haarlem['id']}").status_code == 204
    client.cookies.clear()
    r = client.get("/api/v1/schools", headers=bearer(token))
    assert r.status_code == 401 and 'error="invalid_token"' in r.headers["www-authenticate"]
    # ... and it gets no new one.
    again = client.post(
        TOKEN,
        data={"grant_type": "client_credentials"},
        headers=basic(haarlem["client_id"], haarlem["secret"]),
    )
    assert again.status_code == 401 and again.json()["error"] == "invalid_client"


def test_a_token_is_no_client_secret_and_a_key_belongs_to_its_own_client(client, haarlem, login, demo):
    token = token_for(client, haarlem)["access_token"]
    # A token cannot be traded for a fresh one (no lifetime without end).
    r = client.post(
        TOKEN, data={"grant_type": "client_credentials"}, headers=basic(haarlem["client_id"], token)
    )
    assert r.status_code == 401 and r.json()["error"] == "invalid_client"
    # Another client's key is no secret of this client.
    api = login(ADMIN)
    other = api.post(
        "/api-clients",
        {"name": "Heemstede", "scopes": ["organisations:read"], "municipalityId": demo["GM0397"]},
    ).json()
    client.cookies.clear()
    r = client.post(
        TOKEN, data={"grant_type": "client_credentials"}, headers=basic(haarlem["client_id"], other["key"])
    )
    assert r.status_code == 401
    # A token dressed as an API key is an unknown key; a key is not an access token.
    assert client.get("/api/v1/schools", headers=bearer(f"spil_{token}")).status_code == 401
    assert (
        client.get("/api/v1/schools", headers=bearer(haarlem["secret"])).status_code == 200
    )  # the key itself
    # Like a key, a token manages no accounts or keys.
    r = client.get("/api/v1/api-clients", headers=bearer(token))
    assert r.status_code == 403


def test_forged_tokens_are_refused(client, haarlem):
    now = int(clock.now().timestamp())
    claims = {
        "iss": oauth.ISSUER,
        "sub": haarlem["client_id"],
        "aud": oauth.AUDIENCE,
        "client_id": haarlem["client_id"],
        "iat": now,
        "exp": now + 600,
        "scope": "organisations:read",
        "jti": "x",
    }
    header = {"alg": "HS256", "typ": "at+jwt"}
    forged = [
        # signed with the API key, with SPIL_SECRET_KEY itself (not the derived key), ...
        jwt.encode(header, claims, OctKey.import_key(haarlem["secret"].encode())),
        jwt.encode(header, claims, OctKey.import_key(get_settings().secret_key.encode())),
        # ... unsigned, for another audience, or not an access token.
        ".".join(
            base64.urlsafe_b64encode(json.dumps(p).encode()).decode().rstrip("=")
            for p in ({"alg": "none", "typ": "at+jwt"}, claims)
        )
        + ".",
        jwt.encode(header, {**claims, "aud": "urn:other"}, oauth._signing_key()),
        jwt.encode({"alg": "HS256", "typ": "JWT"}, claims, oauth._signing_key()),
        "eyJhbGciOiJIUzI1NiJ9.e30.bad",
        "not-a-token",
    ]
    for token in forged:
        r = client.get("/api/v1/schools", headers=bearer(token))
        assert r.status_code == 401, token
        assert 'error="invalid_token"' in r.headers["www-authenticate"]
    genuine = jwt.encode(header, claims, oauth._signing_key())
    assert client.get("/api/v1/schools", headers=bearer(genuine)).status_code == 200


def test_a_board_clients_token_writes_like_its_key(client, login, demo):
    api = login("bestuur@demo.spil.nl")
    made = api.post(
        "/api-clients", {"name": "ParnasSys", "scopes": ["organisations:write"], "boardId": demo["41234"]}
    ).json()
    client.cookies.clear()
    token = token_for(client, {"client_id": made["keyPrefix"], "secret": made["key"]})["access_token"]
    path = f"/api/v1/schools/{demo['12AB00']}"
    read = client.get(path, headers=bearer(token))
    assert read.status_code == 200
    r = client.patch(
        path, json={"phone": "023 555 4242"}, headers={**bearer(token), "If-Match": read.headers["ETag"]}
    )
    assert r.status_code == 200, r.text  # no CSRF token for a system, as with a key
    assert client.get(f"/api/v1/schools/{demo['67GH00']}", headers=bearer(token)).status_code == 404


def test_the_token_endpoint_is_rate_limited_per_client_and_per_address(client, haarlem, monkeypatch):
    monkeypatch.setattr(get_settings(), "login_rate_limit", "3/minute")
    ratelimit.reset_all()
    auth = basic(haarlem["client_id"], haarlem["secret"] + "wrong")
    addresses = iter(["10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4"])
    monkeypatch.setattr(ratelimit, "client_ip", lambda request: next(addresses))
    for _ in range(3):  # one client, from several addresses
        assert client.post(TOKEN, data={"grant_type": "client_credentials"}, headers=auth).status_code == 401
    r = client.post(TOKEN, data={"grant_type": "client_credentials"}, headers=auth)
    assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
    assert r.headers["content-type"] == "application/problem+json"
    ratelimit.reset_all()
    monkeypatch.setattr(ratelimit, "client_ip", lambda request: "10.0.0.9")
    for n in range(3):  # one address, several clients
        r = client.post(TOKEN, data={"grant_type": "client_credentials"}, headers=basic(f"{n:012x}", "x"))
        assert r.status_code == 401
    r = client.post(
        TOKEN,
        data={"grant_type": "client_credentials"},
        headers=basic(haarlem["client_id"], haarlem["secret"]),
    )
    assert r.status_code == 429


def test_the_openapi_document_describes_the_oauth2_scheme(client):
    doc = client.get("/api/v1/openapi.json").json()
    scheme = doc["components"]["securitySchemes"]["oauth2"]
    flow = scheme["flows"]["clientCredentials"]
    assert flow["tokenUrl"] == "/api/v1/oauth/token"
    assert set(flow["scopes"]) == set(oauth.SCOPES) and all(flow["scopes"].values())
    assert {"oauth2": []} in doc["security"] and {"apiKey": []} in doc["security"]
    schools = doc["paths"]["/schools"]["get"]["security"]
    assert {"oauth2": ["organisations:read"]} in schools and {"oauth2": ["organisations:write"]} in schools
    assert {"apiKey": []} in schools and {"sessionCookie": []} in schools
    assert doc["paths"]["/health"]["get"]["security"] == []
    # The token endpoint answers in OAuth's format, not problem details: it is the scheme's
    # tokenUrl, not an operation of the (problem+json) API (docs/decisions/0014).
    assert "/oauth/token" not in doc["paths"]


def test_a_token_reads_the_same_overview_as_the_municipality_contact(client, haarlem, login, demo):
    """Done-when of the municipalities issue: a client-credentials token reads Haarlem's
    overview, and it is the one the municipality contact sees in the SPA."""
    token = token_for(client, haarlem)["access_token"]
    path = f"/api/v1/municipalities/{demo['GM0392']}/overview"
    by_token = client.get(path, headers=bearer(token))
    assert by_token.status_code == 200, by_token.text
    seen = login("gemeente@demo.spil.nl").get(f"/municipalities/{demo['GM0392']}/overview").json()
    for part in ("area", "schoolsTotal", "roles", "partnerships", "keyPersons", "confidentialCases"):
        assert by_token.json()[part] == seen[part], part
    client.cookies.clear()
    other = client.get(f"/api/v1/municipalities/{demo['GM0344']}/overview", headers=bearer(token))
    assert other.status_code == 404
