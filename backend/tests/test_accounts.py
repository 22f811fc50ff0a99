"""Mail (outbox, real local SMTP server), invitations and forgotten passwords."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import sqlalchemy as sa

from spil.access.models import AccountToken, User
from spil.kit import clock, mail
from spil.kit.db import unit_of_work
from spil.kit.mail import OutboxMail

BOARD_ADMIN = "bestuur@demo.spil.nl"


def token_in(text: str) -> str:
    match = re.search(r"#token=([A-Za-z0-9_-]+)", text)
    assert match, text
    return match.group(1)


def invite(api, demo, email="nieuw@demo.spil.nl", **extra):
    body = {
        "email": email,
        "name": "Nieuwe Collega",
        "memberships": [{"role": "coordinator", "schoolId": demo["12AB00"]}],
        **extra,
    }
    return api.post("/invitations", json=body)


def test_an_invited_colleague_sets_a_password_from_the_mail_and_logs_in(login, anon, demo, smtp, db):
    admin = login(BOARD_ADMIN)
    r = invite(admin, demo)
    assert r.status_code == 201, r.text
    user = r.json()
    assert user["invitedAt"] is not None and user["language"] == "nl"
    assert r.headers["Location"].endswith(f"/users/{user['id']}")

    [message] = smtp.to("nieuw@demo.spil.nl")
    assert message["Subject"] == "Uitnodiging voor Spil"
    assert message["Content-Language"] == "nl"
    text, html = smtp.text(message), smtp.html(message)
    assert "Beste Nieuwe Collega" in text and "72 uur" in text
    assert "https://spil.test/wachtwoord-instellen#token=" in text
    assert 'lang="nl"' in html and "Wachtwoord instellen" in html
    token = token_in(text)
    # Only a hash of the token is stored.
    stored = db.scalars(sa.select(AccountToken.token_hash).where(AccountToken.user_id == user["id"])).all()
    assert stored and token not in stored

    # Without a password the account cannot log in (whatever is typed).
    for password in ("", "x" * 12):
        r = anon.client.post(
            "/api/v1/auth/login", json={"email": "nieuw@demo.spil.nl", "password": password or "x"}
        )
        assert r.status_code == 401

    assert (
        anon.post(
            "/auth/new-password", json={"token": token, "password": "een lange zin als wachtwoord"}
        ).status_code
        == 204
    )
    colleague = login("nieuw@demo.spil.nl", "een lange zin als wachtwoord")
    me = colleague.get("/auth/session").json()["user"]
    assert me["invitedAt"] is None and me["memberships"][0]["role"] == "coordinator"
    # The link works once.
    r = anon.post("/auth/new-password", json={"token": token, "password": "nog een lange zin erbij"})
    assert r.status_code == 400 and r.json()["type"].endswith("invalid-link")


def test_an_invitation_in_english(login, demo, smtp):
    admin = login(BOARD_ADMIN)
    assert invite(admin, demo, email="new@demo.spil.nl", language="en").status_code == 201
    [message] = smtp.to("new@demo.spil.nl")
    assert message["Subject"] == "You are invited to Spil"
    assert "Set your password" in smtp.html(message) and "72 hours" in smtp.text(message)


def test_invitations_follow_the_rules_of_creating_a_user(login, demo, smtp):
    coordinator = login("coordinator@demo.spil.nl")
    assert invite(coordinator, demo).status_code == 403
    admin = login(BOARD_ADMIN)
    r = invite(admin, demo, email="x@demo.spil.nl", memberships=[{"role": "board-admin", "boardId": 999999}])
    assert r.status_code == 400 and r.json()["type"].endswith("unknown-reference")
    r = invite(admin, demo, email="lezer@demo.spil.nl")
    assert r.status_code == 409
    assert smtp.messages == []


def test_an_invitation_is_resent_or_withdrawn(login, anon, demo, smtp, db):
    admin = login(BOARD_ADMIN)
    user_id = invite(admin, demo).json()["id"]
    first = token_in(smtp.text(smtp.messages[0]))
    r = admin.post(f"/users/{user_id}/invitations")
    assert r.status_code == 200, r.text
    second = token_in(smtp.text(smtp.messages[1]))
    assert first != second
    r = anon.post("/auth/new-password", json={"token": first, "password": "een lange zin als wachtwoord"})
    assert r.status_code == 400

    assert admin.delete(f"/users/{user_id}/invitations").status_code == 204
    assert admin.get(f"/users/{user_id}").status_code == 404
    r = anon.post("/auth/new-password", json={"token": second, "password": "een lange zin als wachtwoord"})
    assert r.status_code == 400
    # An account that has a password has no invitation to resend or withdraw.
    reader = next(u for u in admin.get("/users").json()["items"] if u["email"] == "lezer@demo.spil.nl")
    assert admin.post(f"/users/{reader['id']}/invitations").status_code == 409
    assert admin.delete(f"/users/{reader['id']}/invitations").status_code == 409


def test_a_forgotten_password_mail_for_a_real_account_and_the_same_answer_for_an_unknown(
    client, login, anon, smtp
):
    reader = login("lezer@demo.spil.nl")
    known = anon.post("/auth/password-reset", json={"email": "Lezer@demo.spil.nl"})
    unknown = anon.post("/auth/password-reset", json={"email": "niemand@demo.spil.nl"})
    assert known.status_code == unknown.status_code == 202
    assert known.json() == unknown.json()
    assert "Als er een account met dit e-mailadres is" in known.json()["detail"]
    english = anon.post(
        "/auth/password-reset", json={"email": "niemand2@demo.spil.nl"}, headers={"Accept-Language": "en"}
    )
    assert english.json()["detail"].startswith("If there is an account")

    [message] = smtp.messages
    assert (
        message["To"].endswith("<lezer@demo.spil.nl>") and message["Subject"] == "Nieuw wachtwoord voor Spil"
    )
    token = token_in(smtp.text(message))
    assert "wachtwoord-herstellen" in smtp.text(message)

    # A common password is refused, in Dutch.
    r = anon.post("/auth/new-password", json={"token": token, "password": "wachtwoord123"})
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["reason"] == "Dit wachtwoord wordt veel gebruikt; kies een ander."
    # Setting the new password ends every session of the account.
    assert (
        anon.post(
            "/auth/new-password", json={"token": token, "password": "nieuwe zin voor lezer"}
        ).status_code
        == 204
    )
    assert reader.get("/auth/session").status_code == 401
    login("lezer@demo.spil.nl", "nieuwe zin voor lezer")


def test_a_reset_link_is_valid_for_one_hour(anon, smtp):
    anon.post("/auth/password-reset", json={"email": "lezer@demo.spil.nl"})
    token = token_in(smtp.text(smtp.messages[0]))
    with clock.pinned(clock.now() + dt.timedelta(minutes=61)):
        r = anon.post("/auth/new-password", json={"token": token, "password": "nieuwe zin voor lezer"})
    assert r.status_code == 400


def test_password_reset_is_rate_limited_per_address(anon, smtp):
    codes = [
        anon.post("/auth/password-reset", json={"email": "lezer@demo.spil.nl"}).status_code for _ in range(6)
    ]
    assert codes == [202] * 5 + [429]
    assert len(smtp.messages) == 5


def test_passwords_long_and_not_common():
    from pydantic import ValidationError

    from spil.access.schemas import NewPasswordWithToken

    token = "t" * 43
    NewPasswordWithToken(token=token, password="a" * 9 + "b")
    NewPasswordWithToken(token=token, password="x" * 64 + "y" * 100)
    for bad in ("short", "Password123", "aaaaaaaaaaaa", "z" * 201):
        with pytest.raises(ValidationError):
            NewPasswordWithToken(token=token, password=bad)


# --- the outbox -------------------------------------------------------------------------------
def _queue(session, to="iemand@demo.spil.nl") -> None:
    mail.queue(
        session,
        kind="test",
        to=to,
        language="nl",
        content=mail.Content(subject="Test", greeting="Hallo,", paragraphs=("Een test.",)),
    )


def test_a_mail_server_that_is_down_delays_the_mail_without_losing_it(db, app, smtp):
    smtp.down()
    with unit_of_work() as session:
        _queue(session)
    assert mail.deliver_due() == (0, 1)
    row = db.scalars(sa.select(OutboxMail).where(OutboxMail.kind == "test")).one()
    assert row.status == "pending" and row.attempts == 1 and "Error" in (row.last_error or "")
    # Not tried again before its time.
    assert mail.deliver_due() == (0, 0)
    smtp.up()
    with clock.pinned(clock.now() + dt.timedelta(minutes=2)):
        assert mail.deliver_due() == (1, 0)
    db.refresh(row)
    assert row.status == "sent" and row.sent_at is not None and row.attempts == 2
    assert [m["Subject"] for m in smtp.messages] == ["Test"]
    assert mail.deliver_due() == (0, 0)  # sent once


def test_nothing_is_sent_for_a_change_that_is_rolled_back(db, app, smtp):
    with pytest.raises(RuntimeError), unit_of_work() as session:
        _queue(session, to="teruggedraaid@demo.spil.nl")
        raise RuntimeError("the change fails after the mail was queued")
    assert mail.deliver_due() == (0, 0)
    assert smtp.messages == []


def test_a_mail_is_given_up_after_the_last_attempt(db, app, smtp, monkeypatch):
    from spil.kit.settings import get_settings

    monkeypatch.setattr(get_settings(), "mail_max_attempts", 2)
    smtp.down()
    with unit_of_work() as session:
        _queue(session)
    mail.deliver_due()
    with clock.pinned(clock.now() + dt.timedelta(hours=1)):
        mail.deliver_due()
    row = db.scalars(sa.select(OutboxMail).where(OutboxMail.kind == "test")).one()
    assert row.status == "failed" and row.attempts == 2


def test_without_an_smtp_host_mails_are_written_to_the_log(db, app, caplog):
    import logging

    with unit_of_work() as session:
        _queue(session, to="log@demo.spil.nl")
    with caplog.at_level(logging.INFO, logger="spil.mail"):
        assert mail.deliver_due() == (1, 0)
    assert "log@demo.spil.nl" in caplog.text and "Een test." in caplog.text


def test_invited_users_are_listed_with_their_state(login, demo, smtp, db):
    admin = login(BOARD_ADMIN)
    user_id = invite(admin, demo).json()["id"]
    listed = next(u for u in admin.get("/users", params={"q": "nieuw"}).json()["items"] if u["id"] == user_id)
    assert listed["invitedAt"] is not None
    assert db.get(User, user_id).password_hash == ""
