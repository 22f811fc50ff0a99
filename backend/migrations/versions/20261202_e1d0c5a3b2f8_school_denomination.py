"""school denomination (from DUO)

Revision ID: e1d0c5a3b2f8
Revises: f2e1d6b4c3a9
Create Date: 2026-12-02 22:10:00

``school.denomination``: the school's denomination as DUO registers it (*Openbaar*,
*Rooms-Katholiek*, *Algemeen bijzonder*, ...), filled by the import of DUO's file of school
locations (``POST /imports/duo-schools``) or by hand.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = 'e1d0c5a3b2f8'
down_revision: str | None = 'f2e1d6b4c3a9'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('school') as batch:
        batch.add_column(sa.Column('denomination', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('school') as batch:
        batch.drop_column('denomination')
