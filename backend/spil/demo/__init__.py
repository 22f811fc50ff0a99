"""Fictional, realistic demo data: two boards, four schools, one account per role.

One module per feature tells its part of the story: ``organisations`` (municipalities, boards,
schools, accounts), ``registry`` (partners, people, roles), ``keypersons``, ``complaints``,
``indicators``, ``inclusion`` and ``programmes``. Every example is placed relative to the ``today`` that
:func:`seed_demo` passes down (the product's clock by default), so that the demo tells the same
story on every day of the year.

Loading is idempotent: records are found by their natural keys (codes, numbers, e-mail) and
created only when missing, so ``spil seed-demo`` can run on every start. Nothing here commits:
the caller's unit of work does (``spil.kit.db.unit_of_work``).
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from spil.demo.complaints import seed_complaints
from spil.demo.inclusion import seed_inclusion
from spil.demo.indicators import seed_indicators
from spil.demo.keypersons import seed_key_persons
from spil.demo.organisations import ACCOUNTS, DemoAccount, seed_organisations
from spil.demo.programmes import seed_programmes
from spil.demo.registry import seed_registry
from spil.kit import clock
from spil.kit.db import advisory_lock

__all__ = ["ACCOUNTS", "DemoAccount", "seed_demo"]


def seed_demo(session: Session, password: str, today: dt.date | None = None) -> list[DemoAccount]:
    """Load the demo (idempotent, not committed). Every example is placed relative to ``today``
    (the product's clock by default)."""
    today = today or clock.today()
    advisory_lock(session.connection())
    accounts = seed_organisations(session, password)
    seed_registry(session, today)
    seed_key_persons(session, today)
    seed_complaints(session, today)
    seed_indicators(session, today)
    seed_inclusion(session, today)
    seed_programmes(session, today)
    return accounts
