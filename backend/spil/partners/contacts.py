"""The internal contacts of partnerships: the colleagues who are a partner's contact point.

They are role assignments, which the people feature keeps: people depends on partners (an
assignment can be for one partnership), never the other way round. So partners asks for its
contacts through this port, and the people feature provides it when it loads
(``spil.people.contacts``, imported by ``spil.people``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Protocol

import sqlalchemy as sa
from sqlmodel import Session

from spil.kit.policy import Principal
from spil.partners.schemas import InternalContactOut


class ContactsProvider(Protocol):
    def of(self, session: Session, partnership_ids: list[int]) -> dict[int, list[InternalContactOut]]:
        """The current contacts of each partnership, primary first."""
        ...

    def count(self, partnership_id: Any, today: dt.date) -> sa.ScalarSelect[Any]:
        """A correlated subquery: the number of people who are a contact of ``partnership_id``
        (a column) on ``today``."""
        ...

    def assign(
        self,
        session: Session,
        principal: Principal,
        partnership_id: int,
        person_id: int,
        hours_per_week: Decimal | None,
    ) -> int:
        """Make ``person_id`` a contact of the partnership (validated and audited, not committed);
        problems are reported on ``personId``."""
        ...


_provider: ContactsProvider | None = None


def provide(provider: ContactsProvider) -> None:
    global _provider
    _provider = provider


def provider() -> ContactsProvider:
    if _provider is None:  # the app, the CLI and the tests load every feature
        raise RuntimeError("The people feature provides the partnerships' contacts; import spil.people.")
    return _provider
