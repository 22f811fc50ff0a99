"""role type sources in Dutch

Revision ID: 34e6581f0664
Revises: dc7df08e96fe
Create Date: 2026-11-23 12:35:32.585325
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '34e6581f0664'
down_revision: str | None = 'dc7df08e96fe'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The built-in role types' legal basis, shown to users as "Grondslag": plain Dutch instead of the
# internal notes of the first revision (spil.people.catalogue has the same texts).
SOURCES = {
    'school-leader': 'Eindverantwoordelijk voor de samenwerking met partners (onderzoek Arbeidsmarktplatform PO naar samenwerking met professionals buiten het onderwijs).',
    'ib': 'Coördinatoren zijn het eerste aanspreekpunt voor partners (onderzoek Arbeidsmarktplatform PO).',
    'culture-coordinator': 'Vast aanspreekpunt voor cultuurpartners (onderzoek Arbeidsmarktplatform PO).',
    'language-coordinator': 'Vast aanspreekpunt voor taal- en leespartners (onderzoek Arbeidsmarktplatform PO).',
    'event-manager': 'Vast aanspreekpunt voor evenementen met partners (onderzoek Arbeidsmarktplatform PO).',
    'internal-confidential-counsellor': 'Klachtenregeling (WPO art. 14, WVO 2020 art. 3.35) en de modelklachtenregeling; richtlijn Vertrouwenswerk op school (School & Veiligheid, 2021).',
    'external-confidential-counsellor': 'School & Veiligheid adviseert ten minste één externe vertrouwenspersoon.',
    'anti-bullying-coordinator': 'Wet veiligheid op school (2015): elke school heeft een aanspreekpunt pesten dat het anti-pestbeleid coördineert.',
    'reporting-code-officer': 'Meldcode huiselijk geweld en kindermishandeling: scholen wijzen meestal een aandachtsfunctionaris aan.',
    'key-person': 'Handreiking sleutelpersonen onderwijs: een officiële plek in de school.',
    'key-person-contact-point': 'Handreiking sleutelpersonen onderwijs: één intern aanspreekpunt voor sleutelpersonen.',
    'key-person-supervisor': 'Handreiking sleutelpersonen onderwijs: een begeleider met voldoende uren.',
    'partnership-contact': 'Elke partner heeft een vast aanspreekpunt in de school, en het contact rust niet op één persoon (onderzoek Arbeidsmarktplatform PO; webinar Samenwerken loont).',
    'workplace-mentor': 'Banenafspraak (Baanbrekers): een plaatsing gaat samen met werkplekbegeleiding.',
}
PREVIOUS = {
    'school-leader': 'Seed 001: the school leader is ultimately responsible for collaboration.',
    'ib': 'Seed 001: coordinators are the first contact point for partners.',
    'culture-coordinator': 'Seed 001.',
    'language-coordinator': 'Seed 001.',
    'event-manager': 'Seed 001.',
    'internal-confidential-counsellor': 'Complaints procedure (WPO art. 14, WVO 2020 art. 3.35) and the model complaints regulation; guideline Vertrouwenswerk op school (2021).',
    'external-confidential-counsellor': 'School & Veiligheid advises at least one external confidential counsellor.',
    'anti-bullying-coordinator': 'Social safety law (2015): every school has a contact point for bullying.',
    'reporting-code-officer': 'Reporting code domestic violence and child abuse: schools usually appoint an aandachtsfunctionaris.',
    'key-person': 'Seed 000.',
    'key-person-contact-point': 'Seed 000: one internal contact point for key persons.',
    'key-person-supervisor': 'Seed 000: a supervisor with enough hours.',
    'partnership-contact': 'Seed 001/004: every partner has a fixed internal contact point.',
    'workplace-mentor': 'Seed 003: placements come with workplace guidance.',
}


def _set(texts: dict[str, str]) -> None:
    role_type = sa.table("role_type", sa.column("code"), sa.column("source"), sa.column("board_id"))
    for code, text in texts.items():
        op.execute(
            role_type.update()
            .where(role_type.c.code == code, role_type.c.board_id.is_(None))
            .values(source=text)
        )


def upgrade() -> None:
    _set(SOURCES)


def downgrade() -> None:
    _set(PREVIOUS)
