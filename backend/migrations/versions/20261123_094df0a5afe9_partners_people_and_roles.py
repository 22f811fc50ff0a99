"""partners people and roles

Revision ID: 094df0a5afe9
Revises: 26c2d862e922
Create Date: 2026-11-23 09:56:50.775424
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import spil.kit.db

revision: str = '094df0a5afe9'
down_revision: str | None = '26c2d862e922'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The built-in catalogues, frozen as data at this revision (source: spil.partners.catalogue and
# spil.people.catalogue, which document where each comes from).
PARTNER_CATEGORIES = [
    ('municipality', 'Gemeente', 'Municipality'),
    ('youth-care', 'Jeugdhulp / CJG', 'Youth care / CJG'),
    ('childcare', 'Kinderopvang', 'Childcare'),
    ('library', 'Bibliotheek', 'Library'),
    ('care-provider', 'Zorgaanbieder', 'Care provider'),
    ('school-support-service', 'Schoolbegeleidingsdienst', 'School support service'),
    ('subject-teacher', 'Vakleerkracht', 'Subject teacher'),
    ('guest-lessons', 'Gastlessen', 'Guest lessons'),
    ('staff-training', 'Scholing personeel', 'Staff training'),
    ('teacher-training-college', 'Lerarenopleiding', 'Teacher-training college'),
    ('refugee-work', 'Vluchtelingenwerk', 'Refugee work'),
    ('community-work', 'Welzijn / jongerenwerk', 'Community and youth work'),
    ('research-advice', 'Onderzoek en advies', 'Research and advice'),
    ('public-health', 'GGD', 'Public health (GGD)'),
    ('police', 'Politie / wijkagent', 'Police'),
    ('housing-corporation', 'Woningcorporatie', 'Housing corporation'),
    ('culture', 'Cultuur', 'Culture'),
    ('sport', 'Sport', 'Sport'),
    ('nature', 'Natuur en milieu', 'Nature'),
    ('other-school', 'Andere school of ander bestuur', 'Another school or board'),
    ('employer-service-point', 'Werkgeversservicepunt', 'Employer service point'),
    ('other', 'Overig', 'Other'),
]

# code, name nl, name en, scope level, required by, required at every school, needs hours,
# contact point, source
ROLE_TYPES = [
    ('school-leader', 'Schoolleider / directeur', 'School leader', 'school', 'none', True, False, True, 'Seed 001: the school leader is ultimately responsible for collaboration.'),
    ('ib', "Intern begeleider (IB'er)", "Internal supervisor (IB'er)", 'school', 'none', False, True, True, 'Seed 001: coordinators are the first contact point for partners.'),
    ('care-coordinator', 'Zorgcoördinator', 'Care coordinator', 'school', 'none', False, True, True, None),
    ('culture-coordinator', 'Cultuurcoördinator', 'Culture coordinator', 'school', 'none', False, True, True, 'Seed 001.'),
    ('language-coordinator', 'Taalcoördinator', 'Language coordinator', 'school', 'none', False, True, True, 'Seed 001.'),
    ('event-manager', 'Evenementenmanager', 'Event manager', 'school', 'none', False, False, True, 'Seed 001.'),
    ('internal-confidential-counsellor', 'Interne vertrouwenspersoon', 'Internal confidential counsellor', 'school', 'law', True, True, True, 'Complaints procedure (WPO art. 14, WVO 2020 art. 3.35) and the model complaints regulation; guideline Vertrouwenswerk op school (2021).'),
    ('external-confidential-counsellor', 'Externe vertrouwenspersoon', 'External confidential counsellor', 'board', 'guideline', False, False, True, 'School & Veiligheid advises at least one external confidential counsellor.'),
    ('anti-bullying-coordinator', 'Aanspreekpunt pesten', 'Anti-bullying coordinator', 'school', 'law', True, True, True, 'Social safety law (2015): every school has a contact point for bullying.'),
    ('reporting-code-officer', 'Aandachtsfunctionaris meldcode', 'Reporting-code officer', 'school', 'guideline', True, True, True, 'Reporting code domestic violence and child abuse: schools usually appoint an aandachtsfunctionaris.'),
    ('safety-coordinator', 'Veiligheidscoördinator', 'Safety coordinator', 'school', 'none', False, True, True, None),
    ('key-person', 'Sleutelpersoon', 'Key person', 'school', 'none', False, False, True, 'Seed 000.'),
    ('key-person-contact-point', 'Aanspreekpunt sleutelpersonen', 'Key-person contact point', 'school', 'guideline', False, True, True, 'Seed 000: one internal contact point for key persons.'),
    ('key-person-supervisor', 'Begeleider sleutelpersonen', 'Key-person supervisor', 'school', 'guideline', False, True, False, 'Seed 000: a supervisor with enough hours.'),
    ('partnership-contact', 'Contactpersoon samenwerking', 'Partnership contact', 'school', 'none', False, False, True, 'Seed 001/004: every partner has a fixed internal contact point.'),
    ('workplace-mentor', 'Werkplekbegeleider', 'Workplace mentor', 'board', 'none', False, True, False, 'Seed 003: placements come with workplace guidance.'),
]


def upgrade() -> None:
    op.create_table('partner_category',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('name_nl', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('name_en', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('board_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], name=op.f('fk_partner_category_board_id_board'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_partner_category')),
    sa.UniqueConstraint('board_id', 'code', name=op.f('uq_partner_category_board_id_code'))
    )
    with op.batch_alter_table('partner_category', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_partner_category_board_id'), ['board_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_partner_category_code'), ['code'], unique=False)

    op.create_table('person',
    sa.Column('created_at', spil.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', spil.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('board_id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('email', sqlmodel.sql.sqltypes.AutoString(length=320), nullable=True),
    sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('languages', sa.JSON(), nullable=False),
    sa.Column('notes', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], name=op.f('fk_person_board_id_board'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person')),
    sa.UniqueConstraint('board_id', 'email', name=op.f('uq_person_board_id_email'))
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_board_id'), ['board_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_name'), ['name'], unique=False)

    op.create_table('role_type',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('name_nl', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('name_en', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('scope_level', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('required_by', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('required_per_school', sa.Boolean(), nullable=False),
    sa.Column('needs_hours', sa.Boolean(), nullable=False),
    sa.Column('is_contact_point', sa.Boolean(), nullable=False),
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
    sa.Column('board_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], name=op.f('fk_role_type_board_id_board'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_role_type')),
    sa.UniqueConstraint('board_id', 'code', name=op.f('uq_role_type_board_id_code'))
    )
    with op.batch_alter_table('role_type', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_role_type_board_id'), ['board_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_role_type_code'), ['code'], unique=False)

    op.create_table('partner',
    sa.Column('created_at', spil.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', spil.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('board_id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=False),
    sa.Column('kvk_number', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=True),
    sa.Column('municipality_id', sa.Integer(), nullable=True),
    sa.Column('email', sqlmodel.sql.sqltypes.AutoString(length=320), nullable=True),
    sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('website', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
    sa.Column('address', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
    sa.Column('notes', sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=True),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], name=op.f('fk_partner_board_id_board'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['category_id'], ['partner_category.id'], name=op.f('fk_partner_category_id_partner_category'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['municipality_id'], ['municipality.id'], name=op.f('fk_partner_municipality_id_municipality'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_partner'))
    )
    with op.batch_alter_table('partner', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_partner_board_id'), ['board_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_partner_category_id'), ['category_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_partner_municipality_id'), ['municipality_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_partner_name'), ['name'], unique=False)

    op.create_table('partnership',
    sa.Column('created_at', spil.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', spil.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('board_id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=True),
    sa.Column('partner_id', sa.Integer(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
    sa.Column('levels', sa.JSON(), nullable=False),
    sa.Column('purposes', sa.JSON(), nullable=False),
    sa.Column('co_located', sa.Boolean(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('review_date', sa.Date(), nullable=True),
    sa.Column('agreement_type', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('annual_budget', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('external_contacts', sa.JSON(), nullable=False),
    sa.Column('notes', sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=True),
    sa.CheckConstraint("status IN ('exploring', 'active', 'paused', 'ended')", name=op.f('ck_partnership_status')),
    sa.CheckConstraint('end_date IS NULL OR start_date IS NULL OR end_date >= start_date', name=op.f('ck_partnership_dates')),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], name=op.f('fk_partnership_board_id_board'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['partner_id'], ['partner.id'], name=op.f('fk_partnership_partner_id_partner'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], name=op.f('fk_partnership_school_id_school'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_partnership'))
    )
    with op.batch_alter_table('partnership', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_partnership_board_id'), ['board_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_partnership_end_date'), ['end_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_partnership_partner_id'), ['partner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_partnership_review_date'), ['review_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_partnership_school_id'), ['school_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_partnership_status'), ['status'], unique=False)

    op.create_table('partnership_bottleneck',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('partnership_id', sa.Integer(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('occurred_on', sa.Date(), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
    sa.Column('resolved', sa.Boolean(), nullable=False),
    sa.Column('created_at', spil.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['partnership_id'], ['partnership.id'], name=op.f('fk_partnership_bottleneck_partnership_id_partnership'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_partnership_bottleneck'))
    )
    with op.batch_alter_table('partnership_bottleneck', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_partnership_bottleneck_partnership_id'), ['partnership_id'], unique=False)

    op.create_table('role_assignment',
    sa.Column('created_at', spil.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', spil.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('role_type_id', sa.Integer(), nullable=False),
    sa.Column('board_id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=True),
    sa.Column('region_id', sa.Integer(), nullable=True),
    sa.Column('partnership_id', sa.Integer(), nullable=True),
    sa.Column('hours_per_week', sa.Numeric(precision=6, scale=2), nullable=True),
    sa.Column('hours_per_year', sa.Numeric(precision=7, scale=2), nullable=True),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('is_primary', sa.Boolean(), nullable=False),
    sa.Column('notes', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
    sa.CheckConstraint('ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on', name=op.f('ck_role_assignment_dates')),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], name=op.f('fk_role_assignment_board_id_board'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['partnership_id'], ['partnership.id'], name=op.f('fk_role_assignment_partnership_id_partnership'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_role_assignment_person_id_person'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['region_id'], ['labour_market_region.id'], name=op.f('fk_role_assignment_region_id_labour_market_region'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['role_type_id'], ['role_type.id'], name=op.f('fk_role_assignment_role_type_id_role_type'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], name=op.f('fk_role_assignment_school_id_school'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_role_assignment'))
    )
    with op.batch_alter_table('role_assignment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_role_assignment_board_id'), ['board_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_role_assignment_ends_on'), ['ends_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_role_assignment_partnership_id'), ['partnership_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_role_assignment_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_role_assignment_region_id'), ['region_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_role_assignment_role_type_id'), ['role_type_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_role_assignment_school_id'), ['school_id'], unique=False)

    op.bulk_insert(
        sa.table("partner_category", sa.column("code"), sa.column("name_nl"), sa.column("name_en")),
        [{"code": c, "name_nl": nl, "name_en": en} for c, nl, en in PARTNER_CATEGORIES],
    )
    role_type = sa.table(
        "role_type",
        *(sa.column(n) for n in ("code", "name_nl", "name_en", "scope_level", "required_by")),
        sa.column("required_per_school", sa.Boolean),
        sa.column("needs_hours", sa.Boolean),
        sa.column("is_contact_point", sa.Boolean),
        sa.column("source"),
    )
    op.bulk_insert(
        role_type,
        [
            dict(zip(("code", "name_nl", "name_en", "scope_level", "required_by", "required_per_school",
                      "needs_hours", "is_contact_point", "source"), row, strict=True))
            for row in ROLE_TYPES
        ],
    )


def downgrade() -> None:
    with op.batch_alter_table('role_assignment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_role_assignment_school_id'))
        batch_op.drop_index(batch_op.f('ix_role_assignment_role_type_id'))
        batch_op.drop_index(batch_op.f('ix_role_assignment_region_id'))
        batch_op.drop_index(batch_op.f('ix_role_assignment_person_id'))
        batch_op.drop_index(batch_op.f('ix_role_assignment_partnership_id'))
        batch_op.drop_index(batch_op.f('ix_role_assignment_ends_on'))
        batch_op.drop_index(batch_op.f('ix_role_assignment_board_id'))

    op.drop_table('role_assignment')
    with op.batch_alter_table('partnership_bottleneck', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_partnership_bottleneck_partnership_id'))

    op.drop_table('partnership_bottleneck')
    with op.batch_alter_table('partnership', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_partnership_status'))
        batch_op.drop_index(batch_op.f('ix_partnership_school_id'))
        batch_op.drop_index(batch_op.f('ix_partnership_review_date'))
        batch_op.drop_index(batch_op.f('ix_partnership_partner_id'))
        batch_op.drop_index(batch_op.f('ix_partnership_end_date'))
        batch_op.drop_index(batch_op.f('ix_partnership_board_id'))

    op.drop_table('partnership')
    with op.batch_alter_table('partner', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_partner_name'))
        batch_op.drop_index(batch_op.f('ix_partner_municipality_id'))
        batch_op.drop_index(batch_op.f('ix_partner_category_id'))
        batch_op.drop_index(batch_op.f('ix_partner_board_id'))

    op.drop_table('partner')
    with op.batch_alter_table('role_type', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_role_type_code'))
        batch_op.drop_index(batch_op.f('ix_role_type_board_id'))

    op.drop_table('role_type')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_name'))
        batch_op.drop_index(batch_op.f('ix_person_board_id'))

    op.drop_table('person')
    with op.batch_alter_table('partner_category', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_partner_category_code'))
        batch_op.drop_index(batch_op.f('ix_partner_category_board_id'))

    op.drop_table('partner_category')
