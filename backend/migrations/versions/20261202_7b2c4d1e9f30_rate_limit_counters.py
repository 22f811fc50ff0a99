"""rate-limit counters in the database

Revision ID: 7b2c4d1e9f30
Revises: 5a1d0e7c3b21
Create Date: 2026-12-02 14:00:00

One row per counted hit, until it leaves its limit's window (spil.kit.ratelimit,
docs/decisions/0013-rate-limits-in-the-database.md). Only PostgreSQL writes to it; SQLite (one
process) counts in memory, but gets the table too, so that both schemas stay the same.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import spil.kit.db

revision: str = '7b2c4d1e9f30'
down_revision: str | None = '5a1d0e7c3b21'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'rate_limit_hit',
        sa.Column('id', sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column('expires_at', spil.kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_rate_limit_hit')),
    )
    op.create_index('ix_rate_limit_hit_key_expires_at', 'rate_limit_hit', ['key', 'expires_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_rate_limit_hit_key_expires_at', table_name='rate_limit_hit')
    op.drop_table('rate_limit_hit')
