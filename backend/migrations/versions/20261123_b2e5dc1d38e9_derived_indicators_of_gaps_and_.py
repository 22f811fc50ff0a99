"""derived indicators of gaps and allowance headroom, descriptions

Revision ID: b2e5dc1d38e9
Revises: 62cf49a9112f
Create Date: 2026-11-23 14:40:30.043650
"""

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import spil.kit.db

revision: str = 'b2e5dc1d38e9'
down_revision: str | None = '62cf49a9112f'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# The new derived indicators (spil.indicators.catalogue), frozen as data at this revision:
# code, name nl, name en, unit, direction, aggregation, frequency, domain, derived, source.
# fmt: off
NEW = [('open-gaps-error', 'Open knelpunten: urgent', 'Open gaps: urgent', 'count', 'lower-is-better', 'sum', 'month', 'collaboration', True, 'Derived from the gaps (current month).'),
 ('open-gaps-warning', 'Open knelpunten: waarschuwing', 'Open gaps: warnings', 'count', 'lower-is-better', 'sum', 'month', 'collaboration', True, 'Derived from the gaps (current month).'),
 ('allowance-headroom',
  'Ruimte onder het jaarmaximum vrijwilligersvergoeding',
  'Headroom under the yearly volunteer-allowance maximum',
  'euro',
  'neutral',
  'sum',
  'month',
  'key-persons',
  True,
  'Derived from the payments ledger and the allowance rules (FACTS.md section 1).')]

# Plain descriptions (nl, en) of every built-in indicator, shown with it in the dashboard.
DESCRIPTIONS = {'active-partnerships': ('Het aantal actieve samenwerkingen van de school nu. Spil bewaart geen geschiedenis hiervan: alleen het huidige kwartaal heeft een waarde.',
                         "The number of the school's active partnerships now. Spil keeps no history of this: only the current quarter has a value."),
 'allowance-headroom': ('Hoeveel de sleutelpersonen met een vergoeding dit kalenderjaar nog mogen ontvangen onder het jaarmaximum van de Belastingdienst, aan het eind van elke maand. Een '
                        'sleutelpersoon telt één keer mee, bij de eerste school van de overeenkomst.',
                        "How much the key persons with an allowance may still receive this calendar year under the tax authority's yearly maximum, at the end of each month. A key person counts once, "
                        'at the first school of the agreement.'),
 'complaints-received': ('Het aantal formele klachten dat de school of het bestuur ontving.', 'The number of formal complaints the school or board received.'),
 'confidential-cases': ("Het aantal nieuwe zaken bij de vertrouwenspersoon, uit het register. Alleen de vertrouwenspersoon ziet precieze kleine aantallen; anderen zien '<5'.",
                        "The number of new cases of the confidential counsellor, from the register. Only the counsellor sees exact small numbers; others see '<5'."),
 'culture-sensitive-team': ('Hoe het team zijn eigen cultuursensitiviteit beoordeelt, van 1 (laag) tot 5 (hoog).', 'How the team rates its own cultural sensitivity, from 1 (low) to 5 (high).'),
 'hours-for-partnerships': ('Hoeveel uur het team per schooljaar aan samenwerking en afstemming besteedde.', 'How many hours the team spent on partnerships and coordination per school year.'),
 'job-agreement-jobs': ('Het aantal banen in het kader van de banenafspraak, gerekend in banen van 25,5 uur per week.', 'The number of job-agreement jobs, counted in jobs of 25.5 hours a week.'),
 'key-person-activities': ('Het aantal activiteiten in het activiteitenlogboek van de sleutelpersonen. Berekend, niet ingevuld.',
                           "The number of activities in the key persons' activity log. Calculated, not entered."),
 'mutual-respect': ('Hoe ouders en school het wederzijds respect beoordelen, van 1 (laag) tot 5 (hoog), bijvoorbeeld uit een tevredenheidsonderzoek.',
                    'How parents and school rate mutual respect, from 1 (low) to 5 (high), for example from a satisfaction survey.'),
 'open-gaps-error': ('Het aantal urgente knelpunten nu, zoals een wettelijke rol die niemand heeft of een partner zonder intern contactpunt. Alleen de huidige maand. Lager is beter.',
                     'The number of urgent gaps now, such as a statutory role nobody holds or a partner without an internal contact. Current month only. Lower is better.'),
 'open-gaps-warning': ('Het aantal waarschuwingen nu, zoals contact dat op één persoon rust of een afspraak die binnenkort afloopt. Alleen de huidige maand. Lager is beter.',
                       'The number of warnings now, such as a contact that rests on one person or an agreement that ends soon. Current month only. Lower is better.'),
 'parent-contacts': ('Hoe vaak de school en sleutelpersonen contact hadden met ouders: gesprekken, telefoontjes, huisbezoeken. Vul het aantal per maand in.',
                     'How often the school and key persons were in contact with parents: talks, calls, home visits. Enter the number per month.'),
 'parent-evening-attendance': ('Welk deel van de uitgenodigde ouders naar de ouderavonden kwam, in procenten per schooljaar.',
                               'The share of invited parents who came to parent evenings, as a percentage per school year.'),
 'parents-in-school': ('Hoeveel ouders de school binnenkwamen voor een activiteit, een gesprek of om te helpen.', 'How many parents came into the school for an activity, a talk or to help.'),
 'parents-reached': ('Het aantal ouders dat de sleutelpersonen bereikten, opgeteld uit het activiteitenlogboek.', 'The number of parents the key persons reached, added up from the activity log.'),
 'partner-contact-turnover': ('Hoe vaak een partner een nieuwe contactpersoon voor de school kreeg. Lager is beter.', 'How often a partner gave the school a new contact person. Lower is better.'),
 'partnerships-two-contacts': ('Welk deel van de lopende samenwerkingen twee of meer interne contactpersonen heeft, zodat het contact niet op één persoon rust. Alleen het huidige kwartaal.',
                               'The share of ongoing partnerships with two or more internal contacts, so that the contact does not rest on one person. Current quarter only.'),
 'workload-collaboration': ('Hoeveel werkdruk het team ervaart door de samenwerking met partners, van 1 (weinig) tot 5 (veel). Lager is beter.',
                            'How much workload the team feels from working with partners, from 1 (little) to 5 (a lot). Lower is better.')}
# fmt: on

NAMES = ("code", "name_nl", "name_en", "unit", "direction", "aggregation", "frequency", "domain", "derived", "source")
indicator = sa.table(
    "indicator",
    *(sa.column(n) for n in NAMES if n != "derived"),
    sa.column("id", sa.Integer),
    sa.column("derived", sa.Boolean),
    sa.column("board_id", sa.Integer),
    sa.column("description_nl", sa.String),
    sa.column("description_en", sa.String),
    sa.column("version", sa.Integer),
    sa.column("created_at", spil.kit.db.UTCDateTime(timezone=True)),
    sa.column("updated_at", spil.kit.db.UTCDateTime(timezone=True)),
)


def upgrade() -> None:
    now = dt.datetime.now(dt.UTC)
    op.bulk_insert(
        indicator,
        [{**dict(zip(NAMES, row, strict=True)), "version": 1, "created_at": now, "updated_at": now} for row in NEW],
    )
    # Descriptions only where nobody wrote one (built-in rows have no board).
    for code, (nl, en) in DESCRIPTIONS.items():
        op.execute(
            indicator.update()
            .where(indicator.c.code == code, indicator.c.board_id.is_(None), indicator.c.description_nl.is_(None))
            .values(description_nl=nl, description_en=en)
        )


def downgrade() -> None:
    # Targets may have been set on the new indicators (values cannot be entered for derived ones,
    # but clear both): they go with them.
    new_ids = sa.select(indicator.c.id).where(
        indicator.c.code.in_([row[0] for row in NEW]), indicator.c.board_id.is_(None)
    )
    for table in ("indicator_target", "measurement"):
        op.execute(sa.table(table, sa.column("indicator_id")).delete().where(sa.column("indicator_id").in_(new_ids)))
    op.execute(indicator.delete().where(indicator.c.id.in_(new_ids)))
    # Only the descriptions this revision wrote, not any written since.
    for code, (nl, en) in DESCRIPTIONS.items():
        op.execute(
            indicator.update()
            .where(indicator.c.code == code, indicator.c.board_id.is_(None), indicator.c.description_nl == nl)
            .values(description_nl=None, description_en=None)
        )
