"""the shipped route steps say u to parents and staff

The route finder speaks to the chosen reader: *je* to pupils, *u* to parents and staff. The
shipped Dutch texts of the steps that parents' and staff's routes share with the pupils' said *je*;
their rows in the parents' and staff's routes get the adults' form. A step whose text a school has
changed is left as the school wrote it: only texts still equal to the shipped one are replaced.

Revision ID: b8d4f0e2a6c1
Revises: a7c3e9d1f4b2
Create Date: 2026-12-07 22:00:00
"""

# ruff: noqa: E501  (data: one text per line)

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "b8d4f0e2a6c1"
down_revision: str | None = "a7c3e9d1f4b2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (column, the pupils' text, the adults' text), frozen here as shipped on 2026-11-23.
CHANGES = [
    (
        "text_nl",
        "Ga naar de interne vertrouwenspersoon. Die luistert, denkt mee en helpt je verder.",
        "Ga naar de interne vertrouwenspersoon. Die luistert, denkt mee en helpt u verder.",
    ),
    (
        "expect_nl",
        "Wat je vertelt blijft vertrouwelijk, behalve bij een vermoeden van een zedendelict of kindermishandeling.",
        "Wat u vertelt blijft vertrouwelijk, behalve bij een vermoeden van een zedendelict of kindermishandeling.",
    ),
    (
        "text_nl",
        "Je kunt ook naar de externe vertrouwenspersoon van het bestuur. Die staat los van de school.",
        "U kunt ook naar de externe vertrouwenspersoon van het bestuur. Die staat los van de school.",
    ),
    (
        "text_nl",
        "Bespreek het met je leidinggevende of de schoolleider.",
        "Bespreek het met uw leidinggevende of de schoolleider.",
    ),
    (
        "expect_nl",
        "Die zoekt met je uit wat er moet gebeuren en zorgt dat het stopt.",
        "Die zoekt met u uit wat er moet gebeuren en zorgt dat het stopt.",
    ),
    (
        "text_nl",
        "Bij discriminatie, geweld of radicalisering kun je advies vragen aan de vertrouwensinspecteurs.",
        "Bij discriminatie, geweld of radicalisering kunt u advies vragen aan de vertrouwensinspecteurs.",
    ),
    ("text_nl", "Je kunt aangifte doen bij de politie.", "U kunt aangifte doen bij de politie."),
    ("expect_nl", "Je kunt eerst anoniem advies vragen.", "U kunt eerst anoniem advies vragen."),
    (
        "text_nl",
        "De school kan je in contact brengen met de jeugdhulp (CJG, schoolmaatschappelijk werk of wijkteam).",
        "De school kan u in contact brengen met de jeugdhulp (CJG, schoolmaatschappelijk werk of wijkteam).",
    ),
]

route = sa.table("complaint_route", sa.column("id", sa.Integer), sa.column("reporter_group", sa.String))
step = sa.table(
    "complaint_route_step",
    sa.column("route_id", sa.Integer),
    sa.column("text_nl", sa.String),
    sa.column("expect_nl", sa.String),
)


def _replace(old_index: int, new_index: int) -> None:
    adults = sa.select(route.c.id).where(route.c.reporter_group.in_(("parent", "staff")))
    for change in CHANGES:
        column = step.c[change[0]]
        op.execute(
            step.update()
            .where(step.c.route_id.in_(adults), column == change[old_index])
            .values({change[0]: change[new_index]})
        )


def upgrade() -> None:
    _replace(1, 2)


def downgrade() -> None:
    _replace(2, 1)
