"""personal data: a person can be erased, a board sets its retention period

Revision ID: 9c4e2a7b1d05
Revises: 7b2c4d1e9f30
Create Date: 2026-12-02 14:30:00

``person.erased_on``: the day the person's data was erased (right to erasure or the retention
purge, spil.people.privacy). ``board.retention_years``: how long personal data of ended roles and
agreements is kept (default 7, the fiscal retention of the allowance payments; docs/privacy.md).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '9c4e2a7b1d05'
down_revision: str | None = '7b2c4d1e9f30'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('person') as batch:
        batch.add_column(sa.Column('erased_on', sa.Date(), nullable=True))
    with op.batch_alter_table('board') as batch:
        batch.add_column(sa.Column('retention_years', sa.Integer(), server_default='7', nullable=False))
        batch.create_check_constraint(op.f('ck_board_retention_years'), 'retention_years BETWEEN 1 AND 30')


def downgrade() -> None:
    with op.batch_alter_table('board') as batch:
        batch.drop_constraint(op.f('ck_board_retention_years'), type_='check')
        batch.drop_column('retention_years')
    with op.batch_alter_table('person') as batch:
        batch.drop_column('erased_on')
