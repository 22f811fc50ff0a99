"""The ``spil`` command line: administration tasks next to the API."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import typer
from sqlmodel import select

from spil.kit.settings import get_settings

cli = typer.Typer(help="Spil administration.", no_args_is_help=True, add_completion=False)


@cli.command("create-admin")
def create_admin(
    email: str = typer.Option(..., prompt=True, help="E-mail address to log in with."),
    name: str = typer.Option("Platform administrator", help="Display name."),
    password: str = typer.Option(..., prompt=True, hide_input=True, confirmation_prompt=True),
) -> None:
    """Create a platform administrator (or make an existing user one)."""
    from spil.access.models import User
    from spil.access.security import hash_password
    from spil.kit.db import unit_of_work
    from spil.kit.schemas import _normalise_email

    if len(password) < 10:
        typer.echo("The password needs at least 10 characters.", err=True)
        raise typer.Exit(2)
    email = _normalise_email(email)
    with unit_of_work() as session:
        user = session.exec(select(User).where(User.email == email)).first()
        if user is None:
            user = User(email=email, name=name, password_hash=hash_password(password), is_platform_admin=True)
            session.add(user)
            action = "created"
        else:
            user.is_platform_admin = True
            user.password_hash = hash_password(password)
            action = "updated"
    typer.echo(f"Platform administrator {email} {action}.")


@cli.command("seed-demo")
def seed_demo() -> None:
    """Load the demo boards, schools and accounts (safe to run again)."""
    from spil.demo import seed_demo as load
    from spil.kit.db import unit_of_work

    password = get_settings().demo_password
    with unit_of_work() as session:
        accounts = load(session, password)
    typer.echo(
        "Demo data loaded. Accounts (password: %s):"
        % ("$SPIL_DEMO_PASSWORD" if password != "spil-demo" else "spil-demo")
    )
    for a in accounts:
        typer.echo(f"  {a.email:34} {a.description}")


@cli.command("purge-confidential-cases")
def purge_confidential_cases() -> None:
    """Delete closed confidential cases past the retention period (run daily, e.g. from cron)."""
    from spil.complaints.cases import purge_expired
    from spil.kit.db import unit_of_work

    with unit_of_work() as session:
        removed = purge_expired(session)
    typer.echo(f"{removed} closed case(s) past the retention period deleted; a metadata log remains.")


@cli.command("purge-personal-data")
def purge_personal_data() -> None:
    """Anonymise personal data past each board's retention period (run daily, e.g. from cron):
    the free texts of ended roles and agreements, and the people whose every role and agreement
    ended before it (docs/privacy.md)."""
    from spil.kit.db import unit_of_work
    from spil.privacy.service import purge

    with unit_of_work() as session:
        counts = purge(session)
    typer.echo(
        f"{counts['expired']} ended record(s) past the retention period cleared; "
        f"{counts['erased']} person(s) erased."
    )


@cli.command("send-mail")
def send_mail() -> None:
    """Send the mails that are due from the outbox, and try again those the mail server refused
    (the scheduler runs this every minute; run it from cron without the scheduler)."""
    from spil.kit.mail import deliver_due

    sent, failed = deliver_due()
    typer.echo(f"{sent} mail(s) sent, {failed} not sent (tried again later).")


@cli.command("run-scheduler")
def run_scheduler(
    mail_every: float = typer.Option(60.0, help="Seconds between two rounds of the outbox."),
    reminders_at: str = typer.Option("07:00", help="Local time (Amsterdam) of the daily reminders."),
) -> None:
    """Run the periodic jobs in one process (the scheduler service of docker-compose): the outbox
    every minute, the reminders once a day from ``reminders_at`` on (a run the same day again
    sends nothing twice)."""
    import datetime as dt
    import logging

    from spil.kit import clock
    from spil.kit.mail import deliver_due

    logging.basicConfig(level=get_settings().log_level.upper())
    log = logging.getLogger("spil.scheduler")
    at = dt.time.fromisoformat(reminders_at)
    last_reminders: dt.date | None = None
    typer.echo(f"Scheduler: the outbox every {mail_every:g}s, reminders daily from {at:%H:%M}.")
    while True:
        try:
            now = clock.local_now()
            if now.time() >= at and last_reminders != now.date():
                _send_reminders()
                last_reminders = now.date()
            deliver_due()
        except Exception:  # the next round tries again; the scheduler keeps running
            log.exception("a scheduled job failed")
        time.sleep(mail_every)


def _send_reminders() -> None:
    from spil.reminders.service import send_reminders

    send_reminders()


@cli.command("send-reminders")
def send_reminders() -> None:
    """Mail each person what needs their attention, once (run daily: the scheduler service, or
    cron: ``0 7 * * * spil send-reminders``)."""
    from spil.reminders.service import send_reminders as run

    mails, items = run()
    typer.echo(f"{mails} reminder mail(s) with {items} item(s) queued and sent.")


@cli.command("update-municipalities")
def update_municipalities(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="CBS's list of a later year (CSV)."),
    ended_on: str = typer.Option(
        None, help="The day the missing municipalities ended (YYYY-MM-DD; default 1 January of this year)."
    ),
    successor: list[str] = typer.Option(
        [], help="OLD=NEW: the successor of a municipality missing from the list (repeatable)."
    ),
) -> None:
    """Apply a later year's list of municipalities: add the new ones, bring the others in line,
    end the ones that merged (with their successor). Nothing is deleted."""
    import datetime as dt

    from spil.kit import clock
    from spil.kit.db import unit_of_work
    from spil.organisations import cbs

    try:
        rows = cbs.read_list(file)
        given = dict(pair.split("=", 1) for pair in successor)
        day = dt.date.fromisoformat(ended_on) if ended_on else clock.today().replace(month=1, day=1)
        with unit_of_work() as session:
            for m in cbs.missing_successors(session, rows):
                if m.code not in {k.upper() for k in given}:
                    given[m.code] = typer.prompt(
                        f"{m.name} ({m.code}) is not on the new list. Its successor's code"
                    )
            report = cbs.apply_list(session, rows, day, given)
    except (cbs.ListError, ValueError) as exc:
        typer.echo(f"Not applied: {exc}", err=True)
        raise typer.Exit(1) from exc
    typer.echo(
        f"{len(report.added)} added, {len(report.updated)} updated, {len(report.ended)} ended, "
        f"{report.unchanged} unchanged."
    )
    for old, new in report.ended:
        typer.echo(f"  {old} ended; successor {new}")


@cli.command("openapi")
def openapi() -> None:
    """Print the OpenAPI document."""
    from spil.api import create_api

    json.dump(create_api().openapi(), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


@cli.command("wait-for-db")
def wait_for_db(timeout: float = typer.Option(60.0, help="Seconds to wait.")) -> None:
    """Wait until the database answers (used by the container entrypoint)."""
    import sqlalchemy as sa

    from spil.kit.db import get_engine

    deadline = time.monotonic() + timeout
    while True:
        try:
            with get_engine().connect() as conn:
                conn.execute(sa.text("SELECT 1"))
            typer.echo("Database is ready.")
            return
        except Exception as exc:  # any connection failure means: not yet
            if time.monotonic() > deadline:
                typer.echo(f"Database not reachable after {timeout:.0f}s: {exc}", err=True)
                raise typer.Exit(1) from exc
            time.sleep(1)


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
