"""a partnership's annual budget as exact money (whole cents on SQLite)

Revision ID: 5a1d0e7c3b21
Revises: b2e5dc1d38e9
Create Date: 2026-12-02 10:30:00

On PostgreSQL the column stays NUMERIC(12, 2) (what spil.kit.db.Money is there). SQLite's NUMERIC
affinity stored the budget as a binary float; like every other amount it becomes whole cents in an
INTEGER, converted in place.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '5a1d0e7c3b21'
down_revision: str | None = 'b2e5dc1d38e9'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "UPDATE partnership SET annual_budget = CAST(ROUND(annual_budget * 100) AS INTEGER) "
        "WHERE annual_budget IS NOT NULL"
    )
    with op.batch_alter_table("partnership") as batch:
        batch.alter_column("annual_budget", type_=sa.BigInteger(), existing_nullable=True)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    with op.batch_alter_table("partnership") as batch:
        batch.alter_column("annual_budget", type_=sa.Numeric(12, 2), existing_nullable=True)
    op.execute(
        "UPDATE partnership SET annual_budget = annual_budget / 100.0 WHERE annual_budget IS NOT NULL"
    )
