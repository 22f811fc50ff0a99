"""Outgoing mail through an outbox (docs/decisions/0021-mail-through-an-outbox.md).

A feature that mails someone calls ``queue`` inside its transaction: the mail becomes a row of
``outbox_mail``. It is sent only once that transaction has committed (a rolled-back change
sends nothing), by ``deliver_due``: right after the request (``deliver_after_response``), by the
jobs that queue mail, and by ``spil send-mail``, which the scheduler runs every few minutes so
that a mail the server refused at first is tried again (nothing is lost while it is down).

Each mail is claimed for a few minutes in a short transaction of its own, sent outside any
transaction, then marked sent: two deliverers never send the same mail at once, and a process
that dies between sending and marking sends it again later (at least once, never lost).

Without ``SPIL_SMTP_HOST`` the mail is written to the log (``make run``) and counts as sent.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formataddr, make_msgid, parseaddr

import sqlalchemy as sa
from fastapi import BackgroundTasks
from sqlmodel import Field, Session, SQLModel

from spil.kit import clock
from spil.kit.db import UTCDateTime, unit_of_work
from spil.kit.settings import Settings, get_settings

log = logging.getLogger("spil.mail")

CLAIM = dt.timedelta(minutes=5)
FIRST_RETRY = dt.timedelta(minutes=1)
LAST_RETRY = dt.timedelta(hours=6)


class OutboxMail(SQLModel, table=True):
    """A mail to send, sent, or given up on after ``SPIL_MAIL_MAX_ATTEMPTS`` tries."""

    __tablename__ = "outbox_mail"
    __table_args__ = (sa.Index("ix_outbox_mail_status_next_attempt_at", "status", "next_attempt_at"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=60)
    to_address: str = Field(max_length=320)
    to_name: str = Field(default="", max_length=200)
    language: str = Field(default="nl", max_length=2)
    subject: str = Field(max_length=300)
    text_body: str = Field(sa_type=sa.Text)
    html_body: str = Field(sa_type=sa.Text)
    # pending (to send), sent, failed (given up)
    status: str = Field(default="pending", max_length=10)
    attempts: int = Field(default=0)
    last_error: str | None = Field(default=None, max_length=500)
    created_at: dt.datetime = Field(default_factory=clock.now, sa_type=UTCDateTime, nullable=False)
    next_attempt_at: dt.datetime = Field(default_factory=clock.now, sa_type=UTCDateTime, nullable=False)
    claimed_until: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    sent_at: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)


@dataclass(frozen=True)
class Content:
    """A mail's words in one language: a greeting, paragraphs, an optional button, a footer."""

    subject: str
    greeting: str
    paragraphs: tuple[str, ...]
    link_text: str | None = None
    link: str | None = None
    footer: tuple[str, ...] = ()

    def text(self) -> str:
        parts = [self.greeting, *self.paragraphs]
        if self.link:
            parts.append(f"{self.link_text}:\n{self.link}")
        parts.extend(self.footer)
        return "\n\n".join(parts) + "\n\n-- \nSpil\n"

    def html(self, language: str) -> str:
        e = html.escape
        body = [f"<p>{e(self.greeting)}</p>"]
        body += [f"<p>{e(p)}</p>".replace("\n", "<br>") for p in self.paragraphs]
        if self.link:
            body.append(
                f'<p><a href="{e(self.link, quote=True)}" style="display:inline-block;padding:10px 16px;'
                f'background:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:4px">'
                f"{e(self.link_text or self.link)}</a></p>"
                f'<p style="font-size:13px;color:#555">{e(self.link)}</p>'
            )
        body += [f'<p style="font-size:13px;color:#555">{e(f)}</p>' for f in self.footer]
        return (
            f'<!doctype html><html lang="{e(language)}"><head><meta charset="utf-8">'
            f"<title>{e(self.subject)}</title></head>"
            '<body style="font-family:system-ui,sans-serif;font-size:15px;line-height:1.5;color:#111">'
            + "".join(body)
            + "<p>Spil</p></body></html>"
        )


def queue(
    session: Session, *, kind: str, to: str, name: str = "", language: str, content: Content
) -> OutboxMail:
    """Put a mail in the outbox, in the caller's transaction: sent once that commits."""
    mail = OutboxMail(
        kind=kind,
        to_address=to,
        to_name=name,
        language=language,
        subject=content.subject,
        text_body=content.text(),
        html_body=content.html(language),
    )
    session.add(mail)
    session.flush()
    return mail


def deliver_after_response(background: BackgroundTasks) -> None:
    """Send what the request queued once its answer is out (its transaction has committed by
    then: the request's session commits before the answer is sent)."""
    background.add_task(deliver_due)


def message_for(mail: OutboxMail, settings: Settings) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = mail.subject
    message["From"] = settings.mail_from
    message["To"] = formataddr((mail.to_name, mail.to_address)) if mail.to_name else mail.to_address
    message["Auto-Submitted"] = "auto-generated"
    domain = parseaddr(settings.mail_from)[1].rpartition("@")[2] or None
    message["Message-ID"] = make_msgid(idstring=f"spil-{mail.id}", domain=domain)
    message.set_content(mail.text_body)
    message.add_alternative(mail.html_body, subtype="html")
    message["Content-Language"] = mail.language  # after the body: setting content clears Content-*
    return message


def _send(message: EmailMessage, settings: Settings) -> None:
    assert settings.smtp_host is not None
    timeout = settings.smtp_timeout_seconds
    smtp: smtplib.SMTP
    if settings.smtp_tls == "ssl":
        smtp = smtplib.SMTP_SSL(
            settings.smtp_host, settings.smtp_port, timeout=timeout, context=ssl.create_default_context()
        )
    else:
        smtp = smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=timeout)
    with smtp:
        if settings.smtp_tls == "starttls":
            smtp.starttls(context=ssl.create_default_context())
        if settings.smtp_username:
            smtp.login(settings.smtp_username, settings.smtp_password or "")
        smtp.send_message(message)


def _claim(now: dt.datetime, limit: int) -> list[int]:
    """Claim up to ``limit`` due mails for a few minutes (a short transaction of its own)."""
    with unit_of_work() as session:
        due = sa.select(OutboxMail.id).where(
            OutboxMail.status == "pending",
            OutboxMail.next_attempt_at <= now,
            sa.or_(OutboxMail.claimed_until.is_(None), OutboxMail.__table__.c.claimed_until <= now),
        )
        if session.get_bind().dialect.name == "postgresql":
            due = due.with_for_update(skip_locked=True)
        ids = list(session.scalars(due.order_by(OutboxMail.id).limit(limit)))
        if ids:
            session.execute(
                sa.update(OutboxMail).where(OutboxMail.id.in_(ids)).values(claimed_until=now + CLAIM)
            )
    return ids


def _retry_after(attempts: int) -> dt.timedelta:
    return min(FIRST_RETRY * 2 ** max(attempts - 1, 0), LAST_RETRY)


def deliver_due(limit: int = 200) -> tuple[int, int]:
    """Send the mails that are due; return ``(sent, failed)``. A failure is tried again later
    (the wait doubles) until ``SPIL_MAIL_MAX_ATTEMPTS``; then the mail is marked ``failed``."""
    settings = get_settings()
    now = clock.now()
    sent = failed = 0
    for mail_id in _claim(now, limit):
        with unit_of_work(write=False) as session:
            row = session.execute(
                sa.select(OutboxMail.__table__).where(OutboxMail.__table__.c.id == mail_id)
            ).first()
        if row is None:
            continue
        mail = OutboxMail.model_validate(dict(row._mapping))  # a copy, in no session
        error: str | None = None
        try:
            if settings.smtp_host:
                _send(message_for(mail, settings), settings)
            else:
                log.info(
                    "mail (no SPIL_SMTP_HOST set, not sent) to %s: %s\n%s",
                    mail.to_address,
                    mail.subject,
                    mail.text_body,
                )
        except (OSError, smtplib.SMTPException) as exc:
            error = f"{type(exc).__name__}: {exc}"[:500]
            log.warning("mail %s to %s not sent (will retry): %s", mail.id, mail.to_address, error)
        attempts = mail.attempts + 1
        values: dict[str, object] = {"attempts": attempts, "claimed_until": None, "last_error": error}
        if error is None:
            values |= {"status": "sent", "sent_at": clock.now()}
            sent += 1
        else:
            failed += 1
            if attempts >= settings.mail_max_attempts:
                values["status"] = "failed"
            else:
                values["next_attempt_at"] = clock.now() + _retry_after(attempts)
        with unit_of_work() as session:
            session.execute(sa.update(OutboxMail).where(OutboxMail.id == mail_id).values(**values))
    return sent, failed
