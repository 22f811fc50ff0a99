"""organisations and access

Revision ID: 26c2d862e922
Revises: 
Create Date: 2026-11-23 09:09:57.617022
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import spil.kit.db

revision: str = '26c2d862e922'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The 35 labour-market regions (CBS codes), shipped as data; names as in shared/reference/FACTS.md.
LABOUR_MARKET_REGIONS = [
    ("AM01", "Groningen"),
    ("AM02", "Friesland"),
    ("AM03", "Drenthe"),
    ("AM05", "Twente"),
    ("AM06", "Stedendriehoek en Noordwest Veluwe"),
    ("AM07", "Midden-Gelderland"),
    ("AM08", "Rijk van Nijmegen"),
    ("AM09", "Achterhoek"),
    ("AM10", "Rivierenland"),
    ("AM11", "Flevoland"),
    ("AM12", "Gooi- en Vechtstreek"),
    ("AM13", "Midden-Utrecht"),
    ("AM14", "Amersfoort"),
    ("AM15", "Noord-Holland Noord"),
    ("AM17", "Zaanstreek/Waterland"),
    ("AM18", "Groot Amsterdam"),
    ("AM19", "Holland Rijnland"),
    ("AM20", "Midden-Holland"),
    ("AM21", "Haaglanden"),
    ("AM22", "Rijnmond"),
    ("AM23", "Drechtsteden"),
    ("AM24", "Zeeland"),
    ("AM25", "West-Brabant"),
    ("AM26", "Midden-Brabant"),
    ("AM27", "Noordoost-Brabant"),
    ("AM28", "Zuidoost-Brabant"),
    ("AM29", "Noord-Limburg"),
    ("AM30", "Zuid-Limburg"),
    ("AM32", "Helmond-De Peel"),
    ("AM33", "Midden-Limburg"),
    ("AM34", "Zuid-Holland Centraal"),
    ("AM35", "Gorinchem"),
    ("AM36", "Regio Zwolle"),
    ("AM37", "Zuid-Kennemerland en IJmond"),
    ("AM38", "Food Valley"),
]


def upgrade() -> None:
    op.create_table('audit_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('occurred_at', spil.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('actor_type', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('actor_label', sqlmodel.sql.sqltypes.AutoString(length=320), nullable=False),
    sa.Column('action', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('entity_type', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('board_id', sa.Integer(), nullable=True),
    sa.Column('school_id', sa.Integer(), nullable=True),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_event'))
    )
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_event_board_id'), ['board_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_event_entity_id'), ['entity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_event_entity_type'), ['entity_type'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_event_occurred_at'), ['occurred_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_event_school_id'), ['school_id'], unique=False)

    op.create_table('idempotency_record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('owner', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('method', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('path', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('request_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('status_code', sa.Integer(), nullable=False),
    sa.Column('response_body', sa.JSON(), nullable=False),
    sa.Column('response_headers', sa.JSON(), nullable=False),
    sa.Column('created_at', spil.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_idempotency_record')),
    sa.UniqueConstraint('owner', 'key', name=op.f('uq_idempotency_record_owner_key'))
    )
    with op.batch_alter_table('idempotency_record', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_idempotency_record_created_at'), ['created_at'], unique=False)

    op.create_table('labour_market_region',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=4), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_labour_market_region')),
    sa.UniqueConstraint('code', name=op.f('uq_labour_market_region_code'))
    )
    op.bulk_insert(
        sa.table("labour_market_region", sa.column("code", sa.String), sa.column("name", sa.String)),
        [{"code": code, "name": name} for code, name in LABOUR_MARKET_REGIONS],
    )
    op.create_table('user_account',
    sa.Column('created_at', spil.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', spil.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sqlmodel.sql.sqltypes.AutoString(length=320), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('password_hash', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('is_platform_admin', sa.Boolean(), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('last_login_at', spil.kit.db.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user_account')),
    sa.UniqueConstraint('email', name=op.f('uq_user_account_email'))
    )
    op.create_table('municipality',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=6), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('region_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['region_id'], ['labour_market_region.id'], name=op.f('fk_municipality_region_id_labour_market_region'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_municipality')),
    sa.UniqueConstraint('code', name=op.f('uq_municipality_code'))
    )
    with op.batch_alter_table('municipality', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_municipality_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_municipality_region_id'), ['region_id'], unique=False)

    op.create_table('user_session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('csrf_token', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('created_at', spil.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('expires_at', spil.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_user_session_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user_session')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_user_session_token_hash'))
    )
    with op.batch_alter_table('user_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_user_session_expires_at'), ['expires_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_user_session_user_id'), ['user_id'], unique=False)

    op.create_table('board',
    sa.Column('created_at', spil.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', spil.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('municipality_id', sa.Integer(), nullable=True),
    sa.Column('email', sqlmodel.sql.sqltypes.AutoString(length=320), nullable=True),
    sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('website', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
    sa.ForeignKeyConstraint(['municipality_id'], ['municipality.id'], name=op.f('fk_board_municipality_id_municipality'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_board')),
    sa.UniqueConstraint('number', name=op.f('uq_board_number'))
    )
    with op.batch_alter_table('board', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_board_municipality_id'), ['municipality_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_board_name'), ['name'], unique=False)

    op.create_table('api_client',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('key_prefix', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('key_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('scopes', sa.JSON(), nullable=False),
    sa.Column('board_id', sa.Integer(), nullable=True),
    sa.Column('region_id', sa.Integer(), nullable=True),
    sa.Column('created_at', spil.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('revoked_at', spil.kit.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_used_at', spil.kit.db.UTCDateTime(timezone=True), nullable=True),
    sa.CheckConstraint('(board_id IS NULL) <> (region_id IS NULL)', name=op.f('ck_api_client_one_binding')),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], name=op.f('fk_api_client_board_id_board'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by'], ['user_account.id'], name=op.f('fk_api_client_created_by_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['region_id'], ['labour_market_region.id'], name=op.f('fk_api_client_region_id_labour_market_region'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_api_client')),
    sa.UniqueConstraint('key_prefix', name=op.f('uq_api_client_key_prefix'))
    )
    with op.batch_alter_table('api_client', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_api_client_board_id'), ['board_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_api_client_region_id'), ['region_id'], unique=False)

    op.create_table('school',
    sa.Column('created_at', spil.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', spil.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('board_id', sa.Integer(), nullable=False),
    sa.Column('location_code', sqlmodel.sql.sqltypes.AutoString(length=6), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('sector', sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False),
    sa.Column('municipality_id', sa.Integer(), nullable=False),
    sa.Column('street', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
    sa.Column('house_number', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    sa.Column('postal_code', sqlmodel.sql.sqltypes.AutoString(length=7), nullable=True),
    sa.Column('city', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True),
    sa.Column('email', sqlmodel.sql.sqltypes.AutoString(length=320), nullable=True),
    sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('website', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
    sa.Column('profile', sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=True),
    sa.CheckConstraint("sector IN ('PO', 'SBO', 'SO', 'VO')", name=op.f('ck_school_sector')),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], name=op.f('fk_school_board_id_board'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['municipality_id'], ['municipality.id'], name=op.f('fk_school_municipality_id_municipality'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_school')),
    sa.UniqueConstraint('location_code', name=op.f('uq_school_location_code'))
    )
    with op.batch_alter_table('school', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_school_board_id'), ['board_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_school_municipality_id'), ['municipality_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_school_name'), ['name'], unique=False)

    op.create_table('membership',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('role', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('board_id', sa.Integer(), nullable=True),
    sa.Column('school_id', sa.Integer(), nullable=True),
    sa.Column('region_id', sa.Integer(), nullable=True),
    sa.Column('created_at', spil.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint('(CASE WHEN board_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN school_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN region_id IS NULL THEN 0 ELSE 1 END) = 1', name=op.f('ck_membership_one_scope')),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], name=op.f('fk_membership_board_id_board'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['region_id'], ['labour_market_region.id'], name=op.f('fk_membership_region_id_labour_market_region'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], name=op.f('fk_membership_school_id_school'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_membership_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_membership')),
    sa.UniqueConstraint('user_id', 'role', 'board_id', 'school_id', 'region_id', name=op.f('uq_membership_user_id_role_board_id_school_id_region_id'))
    )
    with op.batch_alter_table('membership', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_membership_board_id'), ['board_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_membership_region_id'), ['region_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_membership_school_id'), ['school_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_membership_user_id'), ['user_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('membership', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_membership_user_id'))
        batch_op.drop_index(batch_op.f('ix_membership_school_id'))
        batch_op.drop_index(batch_op.f('ix_membership_region_id'))
        batch_op.drop_index(batch_op.f('ix_membership_board_id'))

    op.drop_table('membership')
    with op.batch_alter_table('school', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_school_name'))
        batch_op.drop_index(batch_op.f('ix_school_municipality_id'))
        batch_op.drop_index(batch_op.f('ix_school_board_id'))

    op.drop_table('school')
    with op.batch_alter_table('api_client', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_api_client_region_id'))
        batch_op.drop_index(batch_op.f('ix_api_client_board_id'))

    op.drop_table('api_client')
    with op.batch_alter_table('board', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_board_name'))
        batch_op.drop_index(batch_op.f('ix_board_municipality_id'))

    op.drop_table('board')
    with op.batch_alter_table('user_session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_user_session_user_id'))
        batch_op.drop_index(batch_op.f('ix_user_session_expires_at'))

    op.drop_table('user_session')
    with op.batch_alter_table('municipality', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_municipality_region_id'))
        batch_op.drop_index(batch_op.f('ix_municipality_name'))

    op.drop_table('municipality')
    op.drop_table('user_account')
    op.drop_table('labour_market_region')
    with op.batch_alter_table('idempotency_record', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_idempotency_record_created_at'))

    op.drop_table('idempotency_record')
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_event_school_id'))
        batch_op.drop_index(batch_op.f('ix_audit_event_occurred_at'))
        batch_op.drop_index(batch_op.f('ix_audit_event_entity_type'))
        batch_op.drop_index(batch_op.f('ix_audit_event_entity_id'))
        batch_op.drop_index(batch_op.f('ix_audit_event_board_id'))

    op.drop_table('audit_event')
