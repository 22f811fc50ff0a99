"""Login, sessions, CSRF, rate limiting and API keys."""

from __future__ import annotations

import sqlalchemy as sa

from spil.access.models import ApiClient
from spil.access.security import hash_password, new_api_key, verify_password
from spil.kit import ratelimit
from spil.kit.settings import get_settings


def test_password_hashing_is_argon2():
    hashed = hash_password("correct horse battery")
    assert hashed.startswith("$argon2id$")
    assert verify_password(hashed, "correct horse battery")
    assert not verify_password(hashed, "wrong")
    assert not verify_password(None, "anything")


def test_login_sets_an_httponly_samesite_cookie_and_returns_csrf(client):
    r = client.post("/api/v1/auth/login", json={"email": "Bestuur@Demo.Spil.nl", "password": "spil-demo"})
    assert r.status_code == 200
    body = r.json()
    assert body["user"]["email"] == "bestuur@demo.spil.nl"
    assert body["user"]["memberships"][0]["role"] == "board-admin"
    assert body["user"]["memberships"][0]["scopeName"] == "Stichting Spil Demo"
    assert len(body["csrfToken"]) > 20
    cookie = r.headers["set-cookie"].lower()
    assert "spil_session=" in cookie and "httponly" in cookie and "samesite=lax" in cookie
    session = client.get("/api/v1/auth/session")
    assert session.status_code == 200 and session.json()["csrfToken"] == body["csrfToken"]


def test_wrong_password_and_unknown_user_get_the_same_401(client):
    a = client.post("/api/v1/auth/login", json={"email": "bestuur@demo.spil.nl", "password": "nope"})
    b = client.post("/api/v1/auth/login", json={"email": "nobody@demo.spil.nl", "password": "nope"})
    assert a.status_code == b.status_code == 401
    assert a.json()["detail"] == b.json()["detail"]
    assert "spil_session" not in a.headers.get("set-cookie", "")


def test_writes_with_the_cookie_need_the_csrf_token(login, demo):
    api = login("bestuur@demo.spil.nl")
    school = f"/schools/{demo['12AB00']}"
    r = api.client.patch(f"/api/v1{school}", json={"city": "Haarlem"})
    assert r.status_code == 403 and r.json()["type"].endswith("csrf-failed")
    r = api.client.patch(f"/api/v1{school}", json={"city": "Haarlem"}, headers={"X-CSRF-Token": "forged"})
    assert r.status_code == 403
    assert api.patch(school, json={"city": "Haarlem"}).status_code == 200


def test_logout_ends_the_session(login):
    api = login("lezer@demo.spil.nl")
    assert api.post("/auth/logout").status_code == 204
    assert api.get("/auth/session").status_code == 401
    assert api.get("/schools").status_code == 401


def test_login_attempts_are_rate_limited(client, monkeypatch):
    monkeypatch.setattr(get_settings(), "login_rate_limit", "3/minute")
    ratelimit.reset_all()
    codes = [
        client.post("/api/v1/auth/login", json={"email": "x@demo.spil.nl", "password": "bad"}).status_code
        for _ in range(4)
    ]
    assert codes == [401, 401, 401, 429]
    r = client.post("/api/v1/auth/login", json={"email": "x@demo.spil.nl", "password": "bad"})
    assert r.status_code == 429 and int(r.headers["Retry-After"]) >= 1
    assert r.headers["content-type"] == "application/problem+json"
    ratelimit.reset_all()


def test_deactivated_user_is_logged_out_and_cannot_log_in(login, demo):
    reader = login("lezer@demo.spil.nl")
    client = reader.client
    saved = dict(client.cookies)
    admin = login("bestuur@demo.spil.nl")
    user_id = next(u["id"] for u in admin.get("/users").json()["items"] if u["email"] == "lezer@demo.spil.nl")
    etag = admin.get(f"/users/{user_id}").headers["ETag"]
    assert (
        admin.patch(f"/users/{user_id}", json={"isActive": False}, headers={"If-Match": etag}).status_code
        == 200
    )
    client.cookies.clear()
    bad = client.post("/api/v1/auth/login", json={"email": "lezer@demo.spil.nl", "password": "spil-demo"})
    assert bad.status_code == 401
    client.cookies.update(saved)
    assert client.get("/api/v1/schools").status_code == 401


def _key(db, **kw) -> str:
    key, prefix, hashed = new_api_key()
    db.add(ApiClient(name="sis", key_prefix=prefix, key_hash=hashed, **kw))
    db.commit()
    return key


def test_api_key_reads_within_its_board_only(client, db, demo):
    key = _key(db, board_id=demo["41234"], scopes=["organisations:read"])
    h = {"Authorization": f"Bearer {key}"}
    r = client.get("/api/v1/schools", headers=h)
    assert r.status_code == 200 and r.json()["total"] == 3
    assert client.get(f"/api/v1/schools/{demo['67GH00']}", headers=h).status_code == 404
    # No CSRF for API keys, but the scope is checked: read-only keys cannot write.
    r = client.patch(f"/api/v1/schools/{demo['12AB00']}", json={"city": "Haarlem"}, headers=h)
    assert r.status_code == 403 and r.json()["type"].endswith("insufficient-scope")


def test_api_key_with_write_scope_can_write_and_is_audited(client, db, demo):
    key = _key(db, board_id=demo["41234"], scopes=["organisations:write"])
    h = {"Authorization": f"Bearer {key}"}
    path = f"/api/v1/schools/{demo['12AB00']}"
    etag = client.get(path, headers=h).headers["ETag"]
    r = client.patch(path, json={"phone": "023 555 9999"}, headers={**h, "If-Match": etag})
    assert r.status_code == 200
    from spil.kit.audit import AuditEvent

    event = db.execute(sa.select(AuditEvent).order_by(AuditEvent.id.desc())).scalars().first()
    assert event.actor_type == "api-client" and event.after == {"phone": "023 555 9999"}


def test_unknown_revoked_and_malformed_keys_are_401(client, db, demo):
    assert client.get("/api/v1/schools", headers={"Authorization": "Bearer spil_abc_def"}).status_code == 401
    assert client.get("/api/v1/schools", headers={"Authorization": "Basic Zm9vOmJhcg=="}).status_code == 401
    key = _key(db, board_id=demo["41234"], scopes=["organisations:read"])
    db.execute(
        sa.update(ApiClient).where(ApiClient.key_prefix == key.split("_")[1]).values(revoked_at=sa.func.now())
    )
    db.commit()
    r = client.get("/api/v1/schools", headers={"Authorization": f"Bearer {key}"})
    assert r.status_code == 401 and "WWW-Authenticate" in r.headers


def test_board_admin_creates_and_revokes_an_api_client(login, demo, client):
    api = login("bestuur@demo.spil.nl")
    r = api.post(
        "/api-clients", json={"name": "ParnasSys", "scopes": ["organisations:read"], "boardId": demo["41234"]}
    )
    assert r.status_code == 201
    key = r.json()["key"]
    assert key.startswith("spil_")
    listed = api.get("/api-clients").json()
    assert [c["name"] for c in listed["items"]] == ["ParnasSys"] and "key" not in listed["items"][0]
    assert client.get("/api/v1/boards", headers={"Authorization": f"Bearer {key}"}).status_code == 200
    # Not for another board, not with a region binding.
    other = api.post(
        "/api-clients", json={"name": "x", "scopes": ["organisations:read"], "boardId": demo["51234"]}
    )
    assert other.status_code == 400
    region = api.post("/api-clients", json={"name": "x", "scopes": ["organisations:read"], "regionId": 1})
    assert region.status_code == 403
    assert api.delete(f"/api-clients/{r.json()['id']}").status_code == 204
    client.cookies.clear()
    assert client.get("/api/v1/boards", headers={"Authorization": f"Bearer {key}"}).status_code == 401


def test_region_bound_client_is_read_only(login):
    api = login("admin@demo.spil.nl")
    r = api.post("/api-clients", json={"name": "regio", "scopes": ["organisations:write"], "regionId": 1})
    assert r.status_code == 400
    r = api.post("/api-clients", json={"name": "regio", "scopes": ["organisations:read"], "regionId": 1})
    assert r.status_code == 201


def test_the_session_says_what_the_user_may_do_where(login, demo):
    """The SPA offers what the API will allow from these, never from role names of its own."""
    board = login("bestuur@demo.spil.nl").get("/auth/session").json()["access"]
    assert board["platformAdmin"] is False
    assert board["boards"] == [
        {
            "id": demo["41234"],
            "boardId": None,
            "capabilities": [
                "edit",
                "manage-board",
                "manage-school",
                "read",
                "read-audit",
                "read-benefit",
                "read-case-report",
            ],
        }
    ]
    assert board["schools"] == [] and board["regions"] == []
    assert board["roleLevels"]["board-admin"] == ["board"]
    assert board["roleLevels"]["coordinator"] == ["board", "school"]
    coordinator = login("coordinator@demo.spil.nl").get("/auth/session").json()["access"]
    assert coordinator["boards"] == []
    assert coordinator["schools"] == [
        {"id": demo["12AB00"], "boardId": demo["41234"], "capabilities": ["edit", "read"]}
    ]
    assert coordinator["capabilities"] == ["edit", "read"]
    counsellor = login("vertrouwenspersoon@demo.spil.nl").get("/auth/session").json()["access"]
    assert "confidential" in counsellor["capabilities"]
    region = login("regio@demo.spil.nl").get("/auth/session").json()["access"]
    assert region["capabilities"] == ["read-region"]
    assert region["regions"] == [{"id": demo["AM37"], "boardId": None, "capabilities": ["read-region"]}]
    platform = login("admin@demo.spil.nl").get("/auth/session").json()["access"]
    assert platform["platformAdmin"] is True
    # the counsellor's register and a volunteer's benefit are not the platform administrator's
    assert "confidential" not in platform["capabilities"] and "read-benefit" not in platform["capabilities"]
    assert {"manage-board", "read-audit", "read-region"} <= set(platform["capabilities"])


# --- sessions end when they should --------------------------------------------------------------
def _browser(app, email: str, password: str = "spil-demo"):
    """A browser of its own (a cookie jar), logged in as ``email``."""
    from fastapi.testclient import TestClient

    from tests.conftest import Api

    client = TestClient(app, raise_server_exceptions=False)
    r = client.post("/api/v1/auth/login", json={"email": email, "password": password})
    assert r.status_code == 200, r.text
    return Api(client, r.json()["csrfToken"])


def _user_id(admin, email: str) -> int:
    return next(
        u["id"] for u in admin.get("/users", params={"q": email}).json()["items"] if u["email"] == email
    )


def test_a_password_changed_by_an_admin_ends_every_session(app):
    board = _browser(app, "bestuur@demo.spil.nl")
    laptop, phone = _browser(app, "lezer@demo.spil.nl"), _browser(app, "lezer@demo.spil.nl")
    r = board.patch(f"/users/{_user_id(board, 'lezer@demo.spil.nl')}", {"password": "een-nieuw-wachtwoord"})
    assert r.status_code == 200, r.text
    assert laptop.get("/auth/session").status_code == 401
    assert phone.get("/auth/session").status_code == 401
    assert board.get("/auth/session").status_code == 200  # the admin's own session goes on
    assert _browser(app, "lezer@demo.spil.nl", "een-nieuw-wachtwoord").get("/auth/session").status_code == 200


def test_changing_your_own_password_ends_your_other_sessions_and_keeps_you_in(app):
    laptop, phone = _browser(app, "coordinator@demo.spil.nl"), _browser(app, "coordinator@demo.spil.nl")
    wrong = laptop.post(
        "/auth/password", {"currentPassword": "niet-dit", "newPassword": "een-nieuw-wachtwoord"}
    )
    assert wrong.status_code == 400 and wrong.json()["invalidParams"][0]["name"] == "currentPassword"
    r = laptop.post("/auth/password", {"currentPassword": "spil-demo", "newPassword": "een-nieuw-wachtwoord"})
    assert r.status_code == 200, r.text
    laptop.csrf = r.json()["csrfToken"]
    assert laptop.get("/auth/session").status_code == 200  # a new session here
    assert phone.get("/auth/session").status_code == 401  # the others end
    assert (
        laptop.client.post(
            "/api/v1/auth/login", json={"email": "coordinator@demo.spil.nl", "password": "spil-demo"}
        ).status_code
        == 401
    )


def test_deactivation_ends_the_sessions_and_reactivation_does_not_bring_them_back(app):
    board = _browser(app, "bestuur@demo.spil.nl")
    viewer = _browser(app, "lezer@demo.spil.nl")
    path = f"/users/{_user_id(board, 'lezer@demo.spil.nl')}"
    assert board.patch(path, {"isActive": False}).status_code == 200
    assert viewer.get("/auth/session").status_code == 401
    assert board.patch(path, {"isActive": True}).status_code == 200
    assert viewer.get("/auth/session").status_code == 401
    assert _browser(app, "lezer@demo.spil.nl").get("/auth/session").status_code == 200


def test_removing_the_last_role_ends_the_sessions(app):
    board = _browser(app, "bestuur@demo.spil.nl")
    user_id = _user_id(board, "lezer@demo.spil.nl")
    viewer = _browser(app, "lezer@demo.spil.nl")
    extra = board.post(
        f"/users/{user_id}/memberships",
        {"role": "viewer", "schoolId": board.get("/schools").json()["items"][0]["id"]},
    )
    assert extra.status_code == 201, extra.text
    memberships = extra.json()["memberships"]
    first, second = memberships[0]["id"], memberships[1]["id"]
    assert board.delete(f"/users/{user_id}/memberships/{first}").status_code == 204
    assert viewer.get("/auth/session").status_code == 200  # one role left
    assert board.delete(f"/users/{user_id}/memberships/{second}").status_code == 204
    assert viewer.get("/auth/session").status_code == 401
