"""partnerships-two-contacts rolls up as a share of the counts

A board's or region's percentage of partnerships with two or more internal contacts is computed
from the schools' counts together (3 of 7 = 43 %), no longer as the mean of the schools'
percentages: the built-in indicator's aggregation becomes ``share``, and its description says so.

Revision ID: a7c3e9d1f4b2
Revises: e1d0c5a3b2f8
Create Date: 2026-12-07 19:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "a7c3e9d1f4b2"
down_revision: str | None = "e1d0c5a3b2f8"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CODE = "partnerships-two-contacts"
BEFORE = (
    "Welk deel van de lopende samenwerkingen twee of meer interne contactpersonen heeft, zodat "
    "het contact niet op één persoon rust. Alleen het huidige kwartaal.",
    "The share of ongoing partnerships with two or more internal contacts, so that the contact "
    "does not rest on one person. Current quarter only.",
)
AFTER = (
    BEFORE[0] + " Voor een bestuur of regio berekend uit de aantallen van alle scholen samen, niet "
    "als gemiddelde van hun percentages.",
    BEFORE[1] + " For a board or region computed from the counts of all its schools together, not "
    "as the mean of their percentages.",
)

indicator = sa.table(
    "indicator",
    sa.column("code", sa.String),
    sa.column("board_id", sa.Integer),
    sa.column("aggregation", sa.String),
    sa.column("description_nl", sa.String),
    sa.column("description_en", sa.String),
)


def _set(aggregation: str, descriptions: tuple[str, str], only_if: tuple[str, str]) -> None:
    where = sa.and_(indicator.c.code == CODE, indicator.c.board_id.is_(None))
    op.execute(indicator.update().where(where).values(aggregation=aggregation))
    # the description only where it is still the shipped one (a platform admin may have reworded it)
    op.execute(
        indicator.update()
        .where(where, indicator.c.description_nl == only_if[0])
        .values(description_nl=descriptions[0])
    )
    op.execute(
        indicator.update()
        .where(where, indicator.c.description_en == only_if[1])
        .values(description_en=descriptions[1])
    )


def upgrade() -> None:
    _set("share", AFTER, BEFORE)


def downgrade() -> None:
    _set("mean", BEFORE, AFTER)
