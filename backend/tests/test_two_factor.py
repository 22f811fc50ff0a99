"""Two-factor login: TOTP (RFC 6238) and recovery codes; required for administrators."""

from __future__ import annotations

import re

import pyotp
import pytest
import sqlalchemy as sa

from spil.access.models import ApiClient, User
from spil.access.security import new_api_key
from spil.kit.db import unit_of_work
from spil.kit.settings import get_settings

BOARD_ADMIN = "bestuur@demo.spil.nl"


@pytest.fixture
def required(monkeypatch):
    monkeypatch.setattr(get_settings(), "two_factor_for_admins", "required")


def set_up(api) -> tuple[str, list[str]]:
    r = api.post("/auth/two-factor/secret")
    assert r.status_code == 200, r.text
    secret = r.json()["secret"]
    assert r.json()["otpauthUri"].startswith("otpauth://totp/Spil:")
    r = api.post("/auth/two-factor/activation", json={"code": pyotp.TOTP(secret).now()})
    assert r.status_code == 200, r.text
    return secret, r.json()["recoveryCodes"]


def log_in(client, email, code=None, password="spil-demo"):
    client.cookies.clear()
    body = {"email": email, "password": password} | ({"code": code} if code else {})
    return client.post("/api/v1/auth/login", json=body)


def test_an_admin_is_asked_to_set_up_two_factor_and_can_do_nothing_else_until_then(
    required, login, client, demo
):
    admin = login(BOARD_ADMIN)
    state = admin.get("/auth/session").json()["twoFactor"]
    assert state == {"enabled": False, "required": True, "setupRequired": True}
    r = admin.get("/schools")
    assert r.status_code == 403 and r.json()["type"].endswith("two-factor-setup-required")
    assert admin.patch(f"/schools/{demo['12AB00']}", json={"city": "X"}, if_match=False).status_code == 403

    secret, codes = set_up(admin)
    assert len(codes) == 10 and all(re.fullmatch(r"[0-9a-f]{5}-[0-9a-f]{5}", c) for c in codes)
    assert admin.get("/schools").status_code == 200
    assert admin.get("/auth/session").json()["twoFactor"]["setupRequired"] is False

    # From now on the password alone is not enough.
    r = log_in(client, BOARD_ADMIN)
    assert r.status_code == 401 and r.json()["type"].endswith("second-factor-required")
    assert "spil_session" not in r.headers.get("set-cookie", "")
    r = log_in(client, BOARD_ADMIN, "000000")
    assert r.status_code == 401 and r.json()["type"].endswith("invalid-second-factor")
    assert log_in(client, BOARD_ADMIN, pyotp.TOTP(secret).now()).status_code == 200

    # A recovery code works once.
    assert log_in(client, BOARD_ADMIN, codes[0].upper()).status_code == 200
    assert log_in(client, BOARD_ADMIN, codes[0]).status_code == 401
    # An administrator cannot switch it off while the role requires it.
    admin = type(admin)(client, log_in(client, BOARD_ADMIN, codes[1]).json()["csrfToken"])
    assert admin.delete("/auth/two-factor").status_code == 409


def test_two_factor_is_optional_for_others(required, login, client):
    coordinator = login("coordinator@demo.spil.nl")
    assert coordinator.get("/auth/session").json()["twoFactor"] == {
        "enabled": False,
        "required": False,
        "setupRequired": False,
    }
    assert coordinator.get("/schools").status_code == 200
    secret, _ = set_up(coordinator)
    assert log_in(client, "coordinator@demo.spil.nl").status_code == 401
    r = log_in(client, "coordinator@demo.spil.nl", pyotp.TOTP(secret).now())
    assert r.status_code == 200
    coordinator = type(coordinator)(client, r.json()["csrfToken"])
    assert coordinator.delete("/auth/two-factor").status_code == 204
    assert log_in(client, "coordinator@demo.spil.nl").status_code == 200


def test_a_wrong_code_does_not_switch_it_on(login):
    api = login("coordinator@demo.spil.nl")
    api.post("/auth/two-factor/secret")
    r = api.post("/auth/two-factor/activation", json={"code": "123456"})
    assert r.status_code == 400 and r.json()["type"].endswith("wrong-code")
    assert api.get("/auth/session").json()["twoFactor"]["enabled"] is False


def test_a_lost_phone_is_reset_by_another_admin_audited(required, login, client, db):
    platform = login("admin@demo.spil.nl")
    set_up(platform)
    board = login(BOARD_ADMIN)
    set_up(board)
    board_id = board.get("/auth/session").json()["user"]["id"]
    assert board.delete(f"/users/{board_id}/two-factor").status_code == 409  # not your own

    assert log_in(client, "admin@demo.spil.nl").status_code == 401
    # The platform admin (logged in with their own second factor) resets the board admin's.
    platform_secret = db.scalar(sa.select(User.totp_secret).where(User.email == "admin@demo.spil.nl"))
    r = log_in(client, "admin@demo.spil.nl", pyotp.TOTP(platform_secret).now())
    platform = type(platform)(client, r.json()["csrfToken"])
    assert platform.delete(f"/users/{board_id}/two-factor").status_code == 204
    events = platform.get("/audit-events", params={"entityType": "user", "entityId": board_id}).json()[
        "items"
    ]
    assert events[0]["after"]["totpEnabledAt"] is None and events[0]["actorLabel"] == "admin@demo.spil.nl"
    # The board admin logs in with the password and is asked to set it up again.
    r = log_in(client, BOARD_ADMIN)
    assert r.status_code == 200 and r.json()["twoFactor"]["setupRequired"] is True


def test_api_clients_are_unaffected_by_two_factor(required, login, client, demo):
    admin = login("admin@demo.spil.nl")
    set_up(admin)
    # An API key reads without any second factor.
    key, prefix, key_hash = new_api_key()
    with unit_of_work() as session:
        session.add(
            ApiClient(
                name="t",
                key_prefix=prefix,
                key_hash=key_hash,
                scopes=["organisations:read"],
                board_id=demo["41234"],
            )
        )
    r = client.get("/api/v1/schools", headers={"Authorization": f"Bearer {key}"})
    assert r.status_code == 200


def test_the_story_invite_set_password_from_the_mail_and_log_in_with_a_second_factor(
    required, login, client, demo, smtp
):
    """Issue 17's 'done when': a board admin invites a colleague (another board admin, so two-step
    login is required), who sets a password from the mail and logs in with a second factor."""
    admin = login(BOARD_ADMIN)
    set_up(admin)
    r = admin.post(
        "/invitations",
        json={
            "email": "collega@demo.spil.nl",
            "name": "Collega Bestuur",
            "memberships": [{"role": "board-admin", "boardId": demo["41234"]}],
        },
    )
    assert r.status_code == 201, r.text
    [mail] = smtp.to("collega@demo.spil.nl")
    token = re.search(r"#token=([A-Za-z0-9_-]+)", smtp.text(mail)).group(1)
    client.cookies.clear()
    assert (
        client.post(
            "/api/v1/auth/new-password", json={"token": token, "password": "zin van de collega"}
        ).status_code
        == 204
    )

    r = log_in(client, "collega@demo.spil.nl", password="zin van de collega")
    assert r.status_code == 200 and r.json()["twoFactor"]["setupRequired"] is True
    colleague = type(admin)(client, r.json()["csrfToken"])
    assert colleague.get("/partners").status_code == 403
    secret, _ = set_up(colleague)
    r = log_in(client, "collega@demo.spil.nl", password="zin van de collega")
    assert r.status_code == 401 and r.json()["type"].endswith("second-factor-required")
    r = log_in(client, "collega@demo.spil.nl", pyotp.TOTP(secret).now(), password="zin van de collega")
    assert r.status_code == 200 and r.json()["twoFactor"] == {
        "enabled": True,
        "required": True,
        "setupRequired": False,
    }
    assert type(admin)(client, r.json()["csrfToken"]).get("/partners").status_code == 200
