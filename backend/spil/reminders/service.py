"""The daily reminders (``spil send-reminders``): each person gets what is theirs, in one mail.

- a school leader: the school's new urgent gaps and the agreements and roles that end within 30 days;
- a partnership's internal contacts: its review date and end date, 30 days ahead;
- a key-person contact point: an allowance within 10 % of a limit (or over one);
- a confidential counsellor: how many closed cases will be deleted next month (counts only);
- a board administrator: a weekly summary of the board's gaps.

Each item is sent once per subject and threshold (``reminder_sent``), and each kind can be switched
off per e-mail address (``reminder_opt_out``: in the user's settings, or with the signed unsubscribe
link in every reminder, which needs no login).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from collections import defaultdict
from dataclasses import dataclass
from typing import Literal

import sqlalchemy as sa
from sqlmodel import Session, col

from spil.access.models import Membership, User
from spil.access.security import derived_key
from spil.complaints.cases import delete_after
from spil.complaints.models import ConfidentialCase
from spil.kit import clock, mail
from spil.kit.db import unit_of_work
from spil.kit.gaps import Gap, GapScope
from spil.kit.policy import Role
from spil.kit.settings import get_settings
from spil.organisations.models import Board, School
from spil.partners.models import Partner, Partnership
from spil.people.models import Person, RoleAssignment, RoleType, active_assignment
from spil.reminders.models import ReminderOptOut, ReminderSent

Kind = Literal["school-gaps", "partnership-dates", "allowance", "case-deletions", "weekly-summary"]
KINDS: tuple[Kind, ...] = (
    "school-gaps",
    "partnership-dates",
    "allowance",
    "case-deletions",
    "weekly-summary",
)
KIND_NAMES: dict[str, tuple[str, str]] = {
    "school-gaps": (
        "Urgente hiaten en aflopende afspraken van uw school",
        "Your school's urgent gaps and ending agreements",
    ),
    "partnership-dates": (
        "Evaluatie- en einddatums van uw samenwerkingen",
        "Review and end dates of your partnerships",
    ),
    "allowance": (
        "Vergoedingen van sleutelpersonen dicht bij een grens",
        "Key persons' allowances close to a limit",
    ),
    "case-deletions": ("Dossiers die volgende maand worden verwijderd", "Cases to be deleted next month"),
    "weekly-summary": ("Wekelijks overzicht van het bestuur", "The board's weekly summary"),
}
WINDOW_DAYS = 30
# The gap rules write their sentences in English (decision record 0020); a Dutch reminder names
# the kind of gap in Dutch (the SPA's words) and what it is about.
GAP_TITLES_NL = {
    "statutory-role-missing": "Wettelijk verplichte rol ontbreekt",
    "recommended-role-missing": "Aanbevolen rol ontbreekt",
    "no-internal-contact": "Geen intern aanspreekpunt",
    "single-internal-contact": "Continuïteitsrisico",
    "supervisor-without-hours": "Begeleider zonder uren",
    "role-without-hours": "Rol zonder uren",
    "expiring": "Loopt binnenkort af",
    "expired": "Afspraak verlopen",
    "review-overdue": "Evaluatie te laat",
    "allowance-limit-exceeded": "Vergoeding boven een grens",
    "allowance-near-limit": "Vergoeding dicht bij een grens",
    "allowance-rules-missing": "Maxima voor de vrijwilligersvergoeding ontbreken",
    "key-person-without-supervisor": "Sleutelpersoon zonder begeleider",
    "route-role-unfilled": "Rol in een klachtenroute niet bezet",
    "shared-partnership-no-contact": "Gedeelde samenwerking zonder aanspreekpunt",
    "inclusion-action-overdue": "Actie banenafspraak te laat",
    "inclusion-track-stalled": "Traject banenafspraak staat stil",
}


def _gap_text(gap: Gap) -> tuple[str, str]:
    title = GAP_TITLES_NL.get(gap.kind)
    if title is None:
        return gap.message, gap.message
    where = f" ({gap.school_name})" if gap.school_name and gap.school_name != gap.subject_name else ""
    return f"{title}: {gap.subject_name}{where}.", gap.message


@dataclass(frozen=True)
class Item:
    kind: Kind
    subject_key: str
    text: tuple[str, str]  # Dutch, English
    path: str  # where in the SPA


def _url(path: str) -> str:
    return get_settings().public_url.rstrip("/") + path


# --- unsubscribe links ----------------------------------------------------------------------------
def signature(email: str, kind: str) -> str:
    key = derived_key("reminder-unsubscribe")
    return hmac.new(key, f"{email.lower()}\n{kind}".encode(), hashlib.sha256).hexdigest()[:32]


def unsubscribe_link(email: str, kind: str) -> str:
    from urllib.parse import urlencode

    query = urlencode({"email": email.lower(), "kind": kind, "signature": signature(email, kind)})
    return _url(f"/afmelden?{query}")


def valid_signature(email: str, kind: str, given: str) -> bool:
    return hmac.compare_digest(signature(email, kind), given)


def opt_out(session: Session, email: str, kind: str) -> None:
    email = email.lower()
    exists = session.scalar(
        sa.select(ReminderOptOut.id).where(ReminderOptOut.email == email, ReminderOptOut.kind == kind)
    )
    if exists is None:
        session.add(ReminderOptOut(email=email, kind=kind))
        session.flush()


def opt_in(session: Session, email: str, kind: str) -> None:
    session.execute(
        sa.delete(ReminderOptOut).where(ReminderOptOut.email == email.lower(), ReminderOptOut.kind == kind)
    )


def switched_off(session: Session, email: str) -> set[str]:
    return set(session.scalars(sa.select(ReminderOptOut.kind).where(ReminderOptOut.email == email.lower())))


# --- who holds which role ---------------------------------------------------------------------
def _holders(session: Session, code: str, today: dt.date) -> list[tuple[str, int, int | None]]:
    """``(email, board_id, school_id)`` of the people who hold role ``code`` now (with an e-mail)."""
    rows = session.execute(
        sa.select(Person.email, RoleAssignment.board_id, RoleAssignment.school_id)
        .join(Person, Person.id == RoleAssignment.person_id)
        .join(RoleType, RoleType.id == RoleAssignment.role_type_id)
        .where(RoleType.code == code, active_assignment(today), Person.email.is_not(None))
    ).all()
    return [(email.lower(), board, school) for email, board, school in rows]


def _gaps(session: Session, today: dt.date) -> list[Gap]:
    from spil.gaps.service import gaps_of

    scope = GapScope.of(session.scalars(sa.select(School.id)), session.scalars(sa.select(Board.id)), today)
    return gaps_of(session, scope)


def _ends_within(gap: Gap, today: dt.date) -> dt.date | None:
    for key in ("endsOn", "endDate"):
        if value := gap.details.get(key):
            day = dt.date.fromisoformat(value)
            return day if today <= day <= today + dt.timedelta(days=WINDOW_DAYS) else None
    return None


# --- what is due --------------------------------------------------------------------------------
def collect(session: Session, today: dt.date) -> dict[str, list[Item]]:
    """Per e-mail address, the items due today (before checking what was sent already)."""
    out: dict[str, list[Item]] = defaultdict(list)
    gaps = _gaps(session, today)

    # School leaders: urgent gaps and what ends within 30 days, at their school.
    for email, _board, school in _holders(session, "school-leader", today):
        if school is None:
            continue
        for gap in gaps:
            if gap.school_id != school:
                continue
            subject = f"gap:{gap.kind}:{gap.subject_type}:{gap.subject_id}"
            if gap.severity == "error":
                out[email].append(Item("school-gaps", f"{subject}:urgent", _gap_text(gap), "/gaps"))
            elif gap.kind == "expiring" and (ends := _ends_within(gap, today)) is not None:
                out[email].append(Item("school-gaps", f"{subject}:{ends}:30", _gap_text(gap), "/gaps"))

    # Internal contacts of a partnership: its review and end date, 30 days ahead.
    soon = today + dt.timedelta(days=WINDOW_DAYS)
    rows = session.execute(
        sa.select(Partnership, Partner.name, Person.email)
        .join(Partner, Partner.id == Partnership.partner_id)
        .join(RoleAssignment, RoleAssignment.partnership_id == Partnership.id)
        .join(Person, Person.id == RoleAssignment.person_id)
        .where(
            Partnership.status != "ended",
            active_assignment(today),
            Person.email.is_not(None),
            sa.or_(
                col(Partnership.end_date).between(today, soon),
                col(Partnership.review_date).between(today, soon),
            ),
        )
    ).all()
    for partnership, partner, email in rows:
        for which, day in (("end", partnership.end_date), ("review", partnership.review_date)):
            if day is None or not today <= day <= soon:
                continue
            when = day.strftime("%d-%m-%Y")
            text = (
                (
                    f"De samenwerking met {partner} loopt af op {when}.",
                    f"The partnership with {partner} ends on {day.isoformat()}.",
                )
                if which == "end"
                else (
                    f"De samenwerking met {partner} moet op {when} worden geëvalueerd.",
                    f"The partnership with {partner} is due for review on {day.isoformat()}.",
                )
            )
            out[email.lower()].append(
                Item(
                    "partnership-dates",
                    f"partnership:{partnership.id}:{which}:{day}:{WINDOW_DAYS}",
                    text,
                    f"/partnerships/{partnership.id}",
                )
            )

    # Key-person contact points: allowances close to (or over) a limit, in their school or board.
    points = _holders(session, "key-person-contact-point", today)
    for gap in gaps:
        if gap.kind not in ("allowance-near-limit", "allowance-limit-exceeded"):
            continue
        threshold = "over" if gap.kind == "allowance-limit-exceeded" else "90pct"
        period = gap.details.get("period") or gap.details.get("year") or str(today.year)
        for email, board, school in points:
            if (school is not None and school == gap.school_id) or (school is None and board == gap.board_id):
                out[email].append(
                    Item(
                        "allowance",
                        f"allowance:{gap.subject_id}:{period}:{threshold}",
                        _gap_text(gap),
                        "/key-persons/agreements",
                    )
                )

    # Confidential counsellors (accounts): counts of the cases to be deleted next month.
    first = (today.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    closed = session.execute(
        sa.select(ConfidentialCase.board_id, ConfidentialCase.school_id, ConfidentialCase.closed_on).where(
            ConfidentialCase.closed_on.is_not(None)
        )
    ).all()
    due = [(b, s) for b, s, closed_on in closed if (d := delete_after(closed_on)) and first <= d <= last]
    counsellors = session.execute(
        sa.select(User.email, Membership.board_id, Membership.school_id)
        .join(Membership, Membership.user_id == User.id)
        .where(Membership.role == Role.CONFIDENTIAL_COUNSELLOR.value, User.is_active)
    ).all()
    month = first.strftime("%Y-%m")
    for email, board, school in counsellors:
        count = sum(
            1 for b, s in due if (school is not None and s == school) or (school is None and b == board)
        )
        if count:
            out[email.lower()].append(
                Item(
                    "case-deletions",
                    f"cases:{board or ''}:{school or ''}:{month}",
                    (
                        f"{count} afgesloten dossier(s) worden in {month} verwijderd "
                        "(bewaartermijn verstreken).",
                        f"{count} closed case(s) will be deleted in {month} (retention period over).",
                    ),
                    "/confidential-cases",
                )
            )

    # Board administrators: a weekly summary of the board's gaps (the first run of the week).
    year, week, _ = today.isocalendar()
    admins = session.execute(
        sa.select(User.email, Membership.board_id, Board.name)
        .join(Membership, Membership.user_id == User.id)
        .join(Board, Board.id == Membership.board_id)
        .where(Membership.role == Role.BOARD_ADMIN.value, User.is_active)
    ).all()
    for email, board, name in admins:
        counts = {
            sev: sum(1 for g in gaps if g.board_id == board and g.severity == sev)
            for sev in ("error", "warning")
        }
        out[email.lower()].append(
            Item(
                "weekly-summary",
                f"summary:{board}:{year}-W{week:02d}",
                (
                    f"{name}: {counts['error']} urgente en {counts['warning']} andere hiaten open.",
                    f"{name}: {counts['error']} urgent and {counts['warning']} other gaps open.",
                ),
                f"/gaps?boardId={board}",
            )
        )
    return out


# --- the mail -------------------------------------------------------------------------------------
def _content(email: str, name: str, language: str, items: list[Item]) -> mail.Content:
    en = language == "en"
    index = 1 if en else 0
    paragraphs: list[str] = []
    for kind in KINDS:
        mine = [i for i in items if i.kind == kind]
        if not mine:
            continue
        lines = "\n".join(f"- {i.text[index]} {_url(i.path)}" for i in mine)
        paragraphs.append(f"{KIND_NAMES[kind][index]}:\n{lines}")
    footer = tuple(
        (f"Don't want reminders about '{KIND_NAMES[k][1].lower()}'? {unsubscribe_link(email, k)}")
        if en
        else (f"Geen herinneringen meer over '{KIND_NAMES[k][0].lower()}'? {unsubscribe_link(email, k)}")
        for k in KINDS
        if any(i.kind == k for i in items)
    )
    return mail.Content(
        subject="Spil: what needs your attention" if en else "Spil: wat uw aandacht vraagt",
        greeting=f"Dear {name}," if en else f"Beste {name},",
        paragraphs=tuple(paragraphs),
        link_text="Open Spil",
        link=_url("/"),
        footer=footer,
    )


def send_reminders(today: dt.date | None = None) -> tuple[int, int]:
    """Queue today's reminders (one mail per person, only what was not sent before and is not
    switched off) and send them. Returns ``(mails, items)``."""
    today = today or clock.today()
    mails = items_sent = 0
    with unit_of_work() as session:
        for email, items in sorted(collect(session, today).items()):
            off = switched_off(session, email)
            sent = {
                (kind, key)
                for kind, key in session.execute(
                    sa.select(ReminderSent.kind, ReminderSent.subject_key).where(
                        ReminderSent.recipient == email
                    )
                ).all()
            }
            seen: set[tuple[str, str]] = set()
            new = []
            for item in items:
                key = (item.kind, item.subject_key)
                if item.kind in off or key in sent or key in seen:
                    continue
                seen.add(key)
                new.append(item)
            if not new:
                continue
            account = session.scalars(sa.select(User).where(User.email == email)).first()
            person_name = session.scalar(sa.select(Person.name).where(sa.func.lower(Person.email) == email))
            name = account.name if account else person_name or email
            language = account.language if account else "nl"
            mail.queue(
                session,
                kind="reminder",
                to=email,
                name=name,
                language=language,
                content=_content(email, name, language, new),
            )
            for item in new:
                session.add(ReminderSent(kind=item.kind, recipient=email, subject_key=item.subject_key))
            mails += 1
            items_sent += len(new)
    mail.deliver_due()
    return mails, items_sent
