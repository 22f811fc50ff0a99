"""regions of every kind, the 342 municipalities of 2026, municipality contacts

Revision ID: b3f1c9d2e4a6
Revises: 9c4e2a7b1d05
Create Date: 2026-12-02 15:00:00

- ``labour_market_region`` becomes ``region`` with a ``kind`` (the 35 rows keep their ids, so
  every reference stays valid) and a version; other kinds (education regions, partnerships for
  inclusive education, GGD and youth-care regions) are sets of municipalities in
  ``region_municipality``, at most one region of each kind per municipality.
- ``municipality`` gets its province, and an end date and successor for mergers; the CBS list of
  2026 (``spil/organisations/data/municipalities-2026.csv``) is loaded: a municipality that
  exists already by its code is brought in line, the others are added.
- Memberships and API clients can be bound to a municipality (the municipality contact).
"""

import csv
from collections.abc import Sequence
from pathlib import Path

import sqlalchemy as sa
import sqlmodel
from alembic import op

import spil.kit.db

revision: str = 'b3f1c9d2e4a6'
down_revision: str | None = '9c4e2a7b1d05'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The year's list as shipped with this revision (a later year's goes in with `spil update-municipalities`).
CBS_2026 = Path(__file__).resolve().parents[2] / "spil" / "organisations" / "data" / "municipalities-2026.csv"
KINDS = "'labour-market', 'education-region', 'inclusive-education', 'ggd', 'youth-care'"


def _rows() -> list[dict[str, str]]:
    with CBS_2026.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def upgrade() -> None:
    op.rename_table('labour_market_region', 'region')
    with op.batch_alter_table('region') as batch:
        batch.add_column(sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=20), server_default='labour-market', nullable=False))
        batch.add_column(sa.Column('created_at', spil.kit.db.UTCDateTime(timezone=True), server_default=sa.func.now(), nullable=False))
        batch.add_column(sa.Column('updated_at', spil.kit.db.UTCDateTime(timezone=True), server_default=sa.func.now(), nullable=False))
        batch.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))
        batch.alter_column('code', type_=sqlmodel.sql.sqltypes.AutoString(length=20), existing_nullable=False)
        batch.drop_constraint('uq_labour_market_region_code', type_='unique')
        batch.create_unique_constraint(batch.f('uq_region_kind_code'), ['kind', 'code'])
        batch.create_check_constraint(op.f('ck_region_kind'), f'kind IN ({KINDS})')
        batch.create_index(batch.f('ix_region_kind'), ['kind'], unique=False)
    with op.batch_alter_table('region') as batch:
        # the defaults were for the existing rows; the application sets them from now on
        batch.alter_column('kind', server_default=None)
        batch.alter_column('created_at', server_default=None)
        batch.alter_column('updated_at', server_default=None)
        batch.alter_column('version', server_default=None)

    op.create_table(
        'region_municipality',
        sa.Column('region_id', sa.Integer(), nullable=False),
        sa.Column('municipality_id', sa.Integer(), nullable=False),
        sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.ForeignKeyConstraint(['municipality_id'], ['municipality.id'], name=op.f('fk_region_municipality_municipality_id_municipality'), ondelete='RESTRICT'),
        sa.ForeignKeyConstraint(['region_id'], ['region.id'], name=op.f('fk_region_municipality_region_id_region'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('region_id', 'municipality_id', name=op.f('pk_region_municipality')),
        sa.UniqueConstraint('municipality_id', 'kind', name=op.f('uq_region_municipality_municipality_id_kind')),
    )
    with op.batch_alter_table('region_municipality') as batch:
        batch.create_index(batch.f('ix_region_municipality_municipality_id'), ['municipality_id'], unique=False)

    with op.batch_alter_table('municipality') as batch:
        batch.add_column(sa.Column('province', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True))
        batch.add_column(sa.Column('ended_on', sa.Date(), nullable=True))
        batch.add_column(sa.Column('successor_id', sa.Integer(), nullable=True))
        batch.create_foreign_key(batch.f('fk_municipality_successor_id_municipality'), 'municipality', ['successor_id'], ['id'], ondelete='RESTRICT')

    with op.batch_alter_table('membership') as batch:
        batch.add_column(sa.Column('municipality_id', sa.Integer(), nullable=True))
        batch.create_index(batch.f('ix_membership_municipality_id'), ['municipality_id'], unique=False)
        batch.create_foreign_key(batch.f('fk_membership_municipality_id_municipality'), 'municipality', ['municipality_id'], ['id'], ondelete='CASCADE')
        batch.drop_constraint('uq_membership_user_id_role_board_id_school_id_region_id', type_='unique')
        batch.create_unique_constraint('uq_membership_scope', ['user_id', 'role', 'board_id', 'school_id', 'region_id', 'municipality_id'])
        batch.drop_constraint(op.f('ck_membership_one_scope'), type_='check')
        batch.create_check_constraint(
            op.f('ck_membership_one_scope'),
            "(CASE WHEN board_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN school_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN region_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN municipality_id IS NULL THEN 0 ELSE 1 END) = 1",
        )
    with op.batch_alter_table('api_client') as batch:
        batch.add_column(sa.Column('municipality_id', sa.Integer(), nullable=True))
        batch.create_index(batch.f('ix_api_client_municipality_id'), ['municipality_id'], unique=False)
        batch.create_foreign_key(batch.f('fk_api_client_municipality_id_municipality'), 'municipality', ['municipality_id'], ['id'], ondelete='CASCADE')
        batch.drop_constraint(op.f('ck_api_client_one_binding'), type_='check')
        batch.create_check_constraint(
            op.f('ck_api_client_one_binding'),
            "(CASE WHEN board_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN region_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN municipality_id IS NULL THEN 0 ELSE 1 END) = 1",
        )

    # The CBS list of 2026: bring existing municipalities in line by code, add the others.
    conn = op.get_bind()
    regions = dict(conn.execute(sa.text("SELECT code, id FROM region WHERE kind = 'labour-market'")).all())
    existing = set(conn.execute(sa.text("SELECT code FROM municipality")).scalars())
    for row in _rows():
        values = {
            "code": row["cbs_code"],
            "name": row["name"],
            "region_id": regions[row["labour_market_region"]],
            "province": row["province"],
        }
        if row["cbs_code"] in existing:
            conn.execute(
                sa.text("UPDATE municipality SET name = :name, region_id = :region_id, province = :province WHERE code = :code"),
                values,
            )
        else:
            conn.execute(
                sa.text("INSERT INTO municipality (code, name, region_id, province) VALUES (:code, :name, :region_id, :province)"),
                values,
            )


def downgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("DELETE FROM region_municipality"))
    # The list's municipalities that nothing refers to go again; referenced ones stay.
    codes = [row["cbs_code"] for row in _rows()]
    conn.execute(
        sa.text(
            "DELETE FROM municipality WHERE code IN :codes"
            " AND id NOT IN (SELECT municipality_id FROM school WHERE municipality_id IS NOT NULL)"
            " AND id NOT IN (SELECT municipality_id FROM board WHERE municipality_id IS NOT NULL)"
            " AND id NOT IN (SELECT municipality_id FROM partner WHERE municipality_id IS NOT NULL)"
            " AND id NOT IN (SELECT municipality_id FROM membership WHERE municipality_id IS NOT NULL)"
            " AND id NOT IN (SELECT municipality_id FROM api_client WHERE municipality_id IS NOT NULL)"
        ).bindparams(sa.bindparam("codes", expanding=True)),
        {"codes": codes},
    )
    conn.execute(sa.text("DELETE FROM membership WHERE municipality_id IS NOT NULL"))
    conn.execute(sa.text("DELETE FROM api_client WHERE municipality_id IS NOT NULL"))
    with op.batch_alter_table('api_client') as batch:
        batch.drop_constraint(op.f('ck_api_client_one_binding'), type_='check')
        batch.create_check_constraint(op.f('ck_api_client_one_binding'), '(board_id IS NULL) <> (region_id IS NULL)')
        batch.drop_constraint('fk_api_client_municipality_id_municipality', type_='foreignkey')
        batch.drop_index(batch.f('ix_api_client_municipality_id'))
        batch.drop_column('municipality_id')
    with op.batch_alter_table('membership') as batch:
        batch.drop_constraint(op.f('ck_membership_one_scope'), type_='check')
        batch.create_check_constraint(
            op.f('ck_membership_one_scope'),
            "(CASE WHEN board_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN school_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN region_id IS NULL THEN 0 ELSE 1 END) = 1",
        )
        batch.drop_constraint('uq_membership_scope', type_='unique')
        batch.create_unique_constraint('uq_membership_user_id_role_board_id_school_id_region_id', ['user_id', 'role', 'board_id', 'school_id', 'region_id'])
        batch.drop_constraint('fk_membership_municipality_id_municipality', type_='foreignkey')
        batch.drop_index(batch.f('ix_membership_municipality_id'))
        batch.drop_column('municipality_id')
    with op.batch_alter_table('municipality') as batch:
        batch.drop_constraint('fk_municipality_successor_id_municipality', type_='foreignkey')
        batch.drop_column('successor_id')
        batch.drop_column('ended_on')
        batch.drop_column('province')
    with op.batch_alter_table('region_municipality') as batch:
        batch.drop_index(batch.f('ix_region_municipality_municipality_id'))
    op.drop_table('region_municipality')
    # Regions of other kinds cannot be labour-market regions: memberships, keys and roles bound to
    # them go with them.
    other = "SELECT id FROM region WHERE kind <> 'labour-market'"
    conn.execute(sa.text(f"DELETE FROM membership WHERE region_id IN ({other})"))
    conn.execute(sa.text(f"DELETE FROM api_client WHERE region_id IN ({other})"))
    conn.execute(sa.text(f"UPDATE role_assignment SET region_id = NULL WHERE region_id IN ({other})"))
    conn.execute(sa.text("DELETE FROM region WHERE kind <> 'labour-market'"))
    with op.batch_alter_table('region') as batch:
        batch.drop_index(batch.f('ix_region_kind'))
        batch.drop_constraint(op.f('ck_region_kind'), type_='check')
        batch.drop_constraint('uq_region_kind_code', type_='unique')
        batch.create_unique_constraint('uq_labour_market_region_code', ['code'])
        batch.alter_column('code', type_=sqlmodel.sql.sqltypes.AutoString(length=4), existing_nullable=False)
        batch.drop_column('version')
        batch.drop_column('updated_at')
        batch.drop_column('created_at')
        batch.drop_column('kind')
    op.rename_table('region', 'labour_market_region')
