"""the login before the last: a user's previous visit

The home page says what changed since the user's previous visit; ``last_login_at`` is the login
under way, so the one before it is kept beside it.

Revision ID: c3a1e7f5b9d2
Revises: b8d4f0e2a6c1
Create Date: 2026-12-07 22:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import spil.kit.db

revision: str = "c3a1e7f5b9d2"
down_revision: str | None = "b8d4f0e2a6c1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("user_account", schema=None) as batch_op:
        batch_op.add_column(sa.Column("previous_login_at", spil.kit.db.UTCDateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("user_account", schema=None) as batch_op:
        batch_op.drop_column("previous_login_at")
