"""Tables: which reminder went to whom (each once per subject and threshold), and who switched
which kind of reminder off."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from spil.kit import clock
from spil.kit.db import UTCDateTime


class ReminderSent(SQLModel, table=True):
    __tablename__ = "reminder_sent"
    __table_args__ = (
        sa.UniqueConstraint(
            "kind", "recipient", "subject_key", name="uq_reminder_sent_kind_recipient_subject_key"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=40)
    recipient: str = Field(max_length=320)
    # What it was about and the threshold that was crossed: ``partnership:12:end:2027-01-31:30``.
    subject_key: str = Field(max_length=200)
    sent_at: dt.datetime = Field(default_factory=clock.now, sa_type=UTCDateTime, nullable=False)


class ReminderOptOut(SQLModel, table=True):
    """A kind of reminder switched off for an e-mail address (in the settings, or with the
    unsubscribe link of a reminder)."""

    __tablename__ = "reminder_opt_out"
    __table_args__ = (sa.UniqueConstraint("email", "kind", name="uq_reminder_opt_out_email_kind"),)

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=320)
    kind: str = Field(max_length=40)
    created_at: dt.datetime = Field(default_factory=clock.now, sa_type=UTCDateTime, nullable=False)
