"""complaint routes and confidential register

Revision ID: 0fc86baf54ec
Revises: 34e6581f0664
Create Date: 2026-11-23 12:46:41.191794
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import spil.kit.db

revision: str = '0fc86baf54ec'
down_revision: str | None = '34e6581f0664'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# The external bodies of FACTS.md §2 and the default routes of ROUTES.md, frozen as data at this
# revision (spil.complaints.defaults documents them). Steps: key, kind, actor type, actor,
# statutory, rule, text nl, text en, what to expect nl, en.
# fmt: off
EXTERNAL_BODIES = [
    ('veilig-thuis', 'Veilig Thuis', 'Veilig Thuis (domestic violence and child abuse)', '0800-2000', 'https://veiligthuis.nl', 'Gratis, dag en nacht', 'Free, day and night', 'Advies en meldingen over huiselijk geweld en kindermishandeling.', 'Advice and reports on domestic violence and child abuse.'),
    ('confidential-inspectors', 'Vertrouwensinspecteurs (Inspectie van het Onderwijs)', 'Confidential inspectors (Education Inspectorate)', '0900-111 3 111', 'https://www.onderwijsinspectie.nl', 'Op werkdagen tijdens kantooruren', 'Working days, office hours', 'Advies bij seksueel misbruik, discriminatie, geweld en radicalisering op school.', 'Advice on sexual abuse, discrimination, violence and radicalisation at school.'),
    ('kindertelefoon', 'De Kindertelefoon', 'De Kindertelefoon (child helpline)', '0800-0432', 'https://www.kindertelefoon.nl', 'Gratis en anoniem', 'Free and anonymous', 'Voor kinderen en jongeren: praten over alles wat je bezighoudt.', 'For children and young people: talk about anything on your mind.'),
    ('113', '113 Zelfmoordpreventie', '113 Suicide Prevention', '0800-0113', 'https://www.113.nl', 'Gratis, dag en nacht', 'Free, day and night', 'Als je aan zelfmoord denkt of je zorgen maakt om iemand.', 'If you think about suicide or worry about someone.'),
    ('police', 'Politie', 'Police', '0900-8844', 'https://www.politie.nl', None, None, 'Aangifte doen of advies vragen.', 'Report a crime or ask for advice.'),
    ('emergency', 'Alarmnummer 112', 'Emergency number 112', '112', None, 'Bij direct gevaar', 'In immediate danger', 'Alleen bij spoed en direct gevaar.', 'Only in an emergency and immediate danger.'),
    ('lkc', 'Landelijke Klachtencommissie Onderwijs (Stichting Onderwijsgeschillen)', 'National Complaints Committee for Education (Stichting Onderwijsgeschillen)', None, 'https://www.onderwijsgeschillen.nl', None, None, 'Onafhankelijke commissie die klachten over scholen behandelt.', 'Independent committee that handles complaints about schools.'),
    ('gcbo', 'Geschillencommissies Bijzonder Onderwijs (GCBO)', 'Complaint committees for denominational education (GCBO)', None, 'https://www.gcbo.nl', None, None, 'Klachtencommissie voor bijzondere (confessionele) scholen.', 'Complaints committee for denominational schools.'),
    ('education-consultants', 'Onderwijsconsulenten', 'Education consultants', None, 'https://www.onderwijsconsulenten.nl', None, None, 'Gratis hulp bij problemen over passend onderwijs voor uw kind.', 'Free help with problems about suitable education for your child.'),
]

ROUTES = {
    ('school-organisation', 'pupil'): [
        ('teacher', 'talk', 'none', None, False, None, 'Praat met je leerkracht of mentor.', 'Talk to your teacher or mentor.', 'Vaak is het dan al opgelost.', 'Often that already solves it.'),
        ('counsellor', 'advice', 'role', 'internal-confidential-counsellor', False, None, 'Ga naar de interne vertrouwenspersoon. Die luistert, denkt mee en helpt je verder.', 'Go to the internal confidential counsellor, who listens, thinks along and helps you on.', 'Wat je vertelt blijft vertrouwelijk, behalve bij een vermoeden van een zedendelict of kindermishandeling.', 'What you say stays confidential, except for a suspected sexual offence or child abuse.'),
        ('school-leader', 'talk', 'role', 'school-leader', False, None, 'Praat met de schoolleider (directeur).', 'Talk to the school leader (head teacher).', None, None),
        ('board', 'complaint', 'board', None, False, None, 'Dien een klacht in bij het schoolbestuur.', 'File a complaint with the school board.', 'Het bestuur behandelt de klacht volgens zijn klachtenregeling.', 'The board handles the complaint under its complaints procedure.'),
        ('complaint-committee', 'complaint', 'complaint-committee', None, True, 'Klachtenregeling verplicht (WPO art. 14, WVO 2020 art. 3.35): het bestuur is aangesloten bij een klachtencommissie.', 'Dien een klacht in bij de klachtencommissie waar het bestuur bij is aangesloten.', 'File a complaint with the complaints committee the board belongs to.', 'Doe dit binnen een jaar na wat er gebeurde. De commissie geeft advies; het bestuur reageert daarop binnen vier weken.', 'Do so within one year of the event. The committee advises; the board answers within four weeks.'),
    ],
    ('school-organisation', 'parent'): [
        ('teacher', 'talk', 'none', None, False, None, 'Praat met de leerkracht of mentor van uw kind.', "Talk to your child's teacher or mentor.", 'Vaak is het dan al opgelost.', 'Often that already solves it.'),
        ('school-leader', 'talk', 'role', 'school-leader', False, None, 'Praat met de schoolleider (directeur).', 'Talk to the school leader (head teacher).', None, None),
        ('counsellor', 'advice', 'role', 'internal-confidential-counsellor', False, None, 'Ga naar de interne vertrouwenspersoon. Die luistert, denkt mee en helpt je verder.', 'Go to the internal confidential counsellor, who listens, thinks along and helps you on.', 'Wat je vertelt blijft vertrouwelijk, behalve bij een vermoeden van een zedendelict of kindermishandeling.', 'What you say stays confidential, except for a suspected sexual offence or child abuse.'),
        ('board', 'complaint', 'board', None, False, None, 'Dien een klacht in bij het schoolbestuur.', 'File a complaint with the school board.', 'Het bestuur behandelt de klacht volgens zijn klachtenregeling.', 'The board handles the complaint under its complaints procedure.'),
        ('complaint-committee', 'complaint', 'complaint-committee', None, True, 'Klachtenregeling verplicht (WPO art. 14, WVO 2020 art. 3.35): het bestuur is aangesloten bij een klachtencommissie.', 'Dien een klacht in bij de klachtencommissie waar het bestuur bij is aangesloten.', 'File a complaint with the complaints committee the board belongs to.', 'Doe dit binnen een jaar na wat er gebeurde. De commissie geeft advies; het bestuur reageert daarop binnen vier weken.', 'Do so within one year of the event. The committee advises; the board answers within four weeks.'),
    ],
    ('school-organisation', 'staff'): [
        ('manager', 'talk', 'role', 'school-leader', False, None, 'Bespreek het met je leidinggevende of de schoolleider.', 'Discuss it with your manager or the school leader.', None, None),
        ('counsellor', 'advice', 'role', 'internal-confidential-counsellor', False, None, 'Ga naar de interne vertrouwenspersoon. Die luistert, denkt mee en helpt je verder.', 'Go to the internal confidential counsellor, who listens, thinks along and helps you on.', 'Wat je vertelt blijft vertrouwelijk, behalve bij een vermoeden van een zedendelict of kindermishandeling.', 'What you say stays confidential, except for a suspected sexual offence or child abuse.'),
        ('board', 'complaint', 'board', None, False, None, 'Dien een klacht in bij het schoolbestuur.', 'File a complaint with the school board.', 'Het bestuur behandelt de klacht volgens zijn klachtenregeling.', 'The board handles the complaint under its complaints procedure.'),
        ('complaint-committee', 'complaint', 'complaint-committee', None, True, 'Klachtenregeling verplicht (WPO art. 14, WVO 2020 art. 3.35): het bestuur is aangesloten bij een klachtencommissie.', 'Dien een klacht in bij de klachtencommissie waar het bestuur bij is aangesloten.', 'File a complaint with the complaints committee the board belongs to.', 'Doe dit binnen een jaar na wat er gebeurde. De commissie geeft advies; het bestuur reageert daarop binnen vier weken.', 'Do so within one year of the event. The committee advises; the board answers within four weeks.'),
    ],
    ('educational-matters', 'pupil'): [
        ('teacher', 'talk', 'none', None, False, None, 'Praat met je leerkracht of mentor.', 'Talk to your teacher or mentor.', 'Vaak is het dan al opgelost.', 'Often that already solves it.'),
        ('counsellor', 'advice', 'role', 'internal-confidential-counsellor', False, None, 'Ga naar de interne vertrouwenspersoon. Die luistert, denkt mee en helpt je verder.', 'Go to the internal confidential counsellor, who listens, thinks along and helps you on.', 'Wat je vertelt blijft vertrouwelijk, behalve bij een vermoeden van een zedendelict of kindermishandeling.', 'What you say stays confidential, except for a suspected sexual offence or child abuse.'),
        ('school-leader', 'talk', 'role', 'school-leader', False, None, 'Praat met de schoolleider (directeur).', 'Talk to the school leader (head teacher).', None, None),
        ('board', 'complaint', 'board', None, False, None, 'Dien een klacht in bij het schoolbestuur.', 'File a complaint with the school board.', 'Het bestuur behandelt de klacht volgens zijn klachtenregeling.', 'The board handles the complaint under its complaints procedure.'),
        ('education-consultants', 'advice', 'body', 'education-consultants', False, None, 'Gaat het om passend onderwijs of extra ondersteuning? De onderwijsconsulenten helpen gratis.', 'Is it about suitable education or extra support? The education consultants help for free.', None, None),
        ('complaint-committee', 'complaint', 'complaint-committee', None, True, 'Klachtenregeling verplicht (WPO art. 14, WVO 2020 art. 3.35): het bestuur is aangesloten bij een klachtencommissie.', 'Dien een klacht in bij de klachtencommissie waar het bestuur bij is aangesloten.', 'File a complaint with the complaints committee the board belongs to.', 'Doe dit binnen een jaar na wat er gebeurde. De commissie geeft advies; het bestuur reageert daarop binnen vier weken.', 'Do so within one year of the event. The committee advises; the board answers within four weeks.'),
    ],
    ('educational-matters', 'parent'): [
        ('teacher', 'talk', 'none', None, False, None, 'Praat met de leerkracht of mentor van uw kind.', "Talk to your child's teacher or mentor.", 'Vaak is het dan al opgelost.', 'Often that already solves it.'),
        ('school-leader', 'talk', 'role', 'school-leader', False, None, 'Praat met de schoolleider (directeur).', 'Talk to the school leader (head teacher).', None, None),
        ('counsellor', 'advice', 'role', 'internal-confidential-counsellor', False, None, 'Ga naar de interne vertrouwenspersoon. Die luistert, denkt mee en helpt je verder.', 'Go to the internal confidential counsellor, who listens, thinks along and helps you on.', 'Wat je vertelt blijft vertrouwelijk, behalve bij een vermoeden van een zedendelict of kindermishandeling.', 'What you say stays confidential, except for a suspected sexual offence or child abuse.'),
        ('board', 'complaint', 'board', None, False, None, 'Dien een klacht in bij het schoolbestuur.', 'File a complaint with the school board.', 'Het bestuur behandelt de klacht volgens zijn klachtenregeling.', 'The board handles the complaint under its complaints procedure.'),
        ('education-consultants', 'advice', 'body', 'education-consultants', False, None, 'Gaat het om passend onderwijs of extra ondersteuning? De onderwijsconsulenten helpen gratis.', 'Is it about suitable education or extra support? The education consultants help for free.', None, None),
        ('complaint-committee', 'complaint', 'complaint-committee', None, True, 'Klachtenregeling verplicht (WPO art. 14, WVO 2020 art. 3.35): het bestuur is aangesloten bij een klachtencommissie.', 'Dien een klacht in bij de klachtencommissie waar het bestuur bij is aangesloten.', 'File a complaint with the complaints committee the board belongs to.', 'Doe dit binnen een jaar na wat er gebeurde. De commissie geeft advies; het bestuur reageert daarop binnen vier weken.', 'Do so within one year of the event. The committee advises; the board answers within four weeks.'),
    ],
    ('educational-matters', 'staff'): [
        ('manager', 'talk', 'role', 'school-leader', False, None, 'Bespreek het met je leidinggevende of de schoolleider.', 'Discuss it with your manager or the school leader.', None, None),
        ('counsellor', 'advice', 'role', 'internal-confidential-counsellor', False, None, 'Ga naar de interne vertrouwenspersoon. Die luistert, denkt mee en helpt je verder.', 'Go to the internal confidential counsellor, who listens, thinks along and helps you on.', 'Wat je vertelt blijft vertrouwelijk, behalve bij een vermoeden van een zedendelict of kindermishandeling.', 'What you say stays confidential, except for a suspected sexual offence or child abuse.'),
        ('board', 'complaint', 'board', None, False, None, 'Dien een klacht in bij het schoolbestuur.', 'File a complaint with the school board.', 'Het bestuur behandelt de klacht volgens zijn klachtenregeling.', 'The board handles the complaint under its complaints procedure.'),
        ('complaint-committee', 'complaint', 'complaint-committee', None, True, 'Klachtenregeling verplicht (WPO art. 14, WVO 2020 art. 3.35): het bestuur is aangesloten bij een klachtencommissie.', 'Dien een klacht in bij de klachtencommissie waar het bestuur bij is aangesloten.', 'File a complaint with the complaints committee the board belongs to.', 'Doe dit binnen een jaar na wat er gebeurde. De commissie geeft advies; het bestuur reageert daarop binnen vier weken.', 'Do so within one year of the event. The committee advises; the board answers within four weeks.'),
    ],
    ('domestic-violence', 'pupil'): [
        ('trusted-adult', 'talk', 'none', None, False, None, 'Vertel het aan iemand op school die je vertrouwt.', 'Tell someone at school you trust.', 'Je hoeft het niet alleen op te lossen.', 'You do not have to solve it alone.'),
        ('reporting-code-officer', 'advice', 'role', 'reporting-code-officer', False, None, 'De aandachtsfunctionaris meldcode weet wat er moet gebeuren bij zorgen over thuis.', 'The reporting-code officer knows what to do when there are worries about home.', None, None),
        ('kindertelefoon', 'advice', 'body', 'kindertelefoon', False, None, 'Praat erover met De Kindertelefoon.', 'Talk about it with De Kindertelefoon.', 'Gratis en anoniem.', 'Free and anonymous.'),
        ('veilig-thuis', 'report', 'body', 'veilig-thuis', False, None, 'Vraag advies of doe een melding bij Veilig Thuis.', 'Ask Veilig Thuis for advice or make a report.', 'Je kunt eerst anoniem advies vragen.', 'You can ask for advice anonymously first.'),
        ('emergency', 'emergency', 'body', 'emergency', False, None, 'Is er direct gevaar? Bel 112.', 'Immediate danger? Call 112.', None, None),
    ],
    ('domestic-violence', 'parent'): [
        ('counsellor', 'advice', 'role', 'internal-confidential-counsellor', False, None, 'Ga naar de interne vertrouwenspersoon. Die luistert, denkt mee en helpt je verder.', 'Go to the internal confidential counsellor, who listens, thinks along and helps you on.', 'Wat je vertelt blijft vertrouwelijk, behalve bij een vermoeden van een zedendelict of kindermishandeling.', 'What you say stays confidential, except for a suspected sexual offence or child abuse.'),
        ('reporting-code-officer', 'advice', 'role', 'reporting-code-officer', False, None, 'De aandachtsfunctionaris meldcode weet wat er moet gebeuren bij zorgen over thuis.', 'The reporting-code officer knows what to do when there are worries about home.', None, None),
        ('veilig-thuis', 'report', 'body', 'veilig-thuis', False, None, 'Vraag advies of doe een melding bij Veilig Thuis.', 'Ask Veilig Thuis for advice or make a report.', 'Je kunt eerst anoniem advies vragen.', 'You can ask for advice anonymously first.'),
        ('emergency', 'emergency', 'body', 'emergency', False, None, 'Is er direct gevaar? Bel 112.', 'Immediate danger? Call 112.', None, None),
    ],
    ('domestic-violence', 'staff'): [
        ('meldcode-1', 'duty', 'none', None, True, 'Meldcode huiselijk geweld en kindermishandeling is verplicht voor scholen.', 'Stap 1: breng de signalen in kaart.', 'Step 1: map the signals.', None, None),
        ('meldcode-2', 'duty', 'role', 'reporting-code-officer', True, 'Meldcode huiselijk geweld en kindermishandeling is verplicht voor scholen.', 'Stap 2: overleg met de aandachtsfunctionaris en/of Veilig Thuis.', 'Step 2: consult the reporting-code officer and/or Veilig Thuis.', None, None),
        ('meldcode-3', 'duty', 'none', None, True, 'Meldcode huiselijk geweld en kindermishandeling is verplicht voor scholen.', 'Stap 3: praat met de leerling en de ouders.', 'Step 3: talk with the pupil and the parents.', None, None),
        ('meldcode-4', 'duty', 'none', None, True, 'Meldcode huiselijk geweld en kindermishandeling is verplicht voor scholen.', 'Stap 4: weeg het geweld of de kindermishandeling met het afwegingskader.', 'Step 4: weigh the violence or abuse with the assessment framework.', None, None),
        ('meldcode-5', 'duty', 'body', 'veilig-thuis', True, 'Meldcode huiselijk geweld en kindermishandeling is verplicht voor scholen.', 'Stap 5: beslis: hulp organiseren en/of melden bij Veilig Thuis.', 'Step 5: decide: organise help and/or report to Veilig Thuis.', None, None),
        ('emergency', 'emergency', 'body', 'emergency', False, None, 'Is er direct gevaar? Bel 112.', 'Immediate danger? Call 112.', None, None),
    ],
    ('personal-problems', 'pupil'): [
        ('teacher', 'talk', 'none', None, False, None, 'Praat met je leerkracht of mentor.', 'Talk to your teacher or mentor.', 'Vaak is het dan al opgelost.', 'Often that already solves it.'),
        ('counsellor', 'advice', 'role', 'internal-confidential-counsellor', False, None, 'Ga naar de interne vertrouwenspersoon. Die luistert, denkt mee en helpt je verder.', 'Go to the internal confidential counsellor, who listens, thinks along and helps you on.', 'Wat je vertelt blijft vertrouwelijk, behalve bij een vermoeden van een zedendelict of kindermishandeling.', 'What you say stays confidential, except for a suspected sexual offence or child abuse.'),
        ('care-coordinator', 'advice', 'role', 'ib', False, None, "De intern begeleider (IB'er) of zorgcoördinator kijkt welke hulp nodig is.", "The internal supervisor (IB'er) or care coordinator looks at what help is needed.", None, None),
        ('youth-care', 'advice', 'partner-category', 'youth-care', False, None, 'De school kan je in contact brengen met de jeugdhulp (CJG, schoolmaatschappelijk werk of wijkteam).', 'The school can put you in touch with youth care (CJG, school social work or the neighbourhood team).', None, None),
        ('113', 'emergency', 'body', '113', False, None, 'Denk je aan zelfmoord of gaat het heel slecht? Bel 113 (gratis) of praat met De Kindertelefoon.', 'Thinking about suicide or feeling very bad? Call 113 (free) or talk to De Kindertelefoon.', None, None),
    ],
    ('personal-problems', 'parent'): [
        ('teacher', 'talk', 'none', None, False, None, 'Praat met de leerkracht of mentor van uw kind.', "Talk to your child's teacher or mentor.", 'Vaak is het dan al opgelost.', 'Often that already solves it.'),
        ('care-coordinator', 'advice', 'role', 'ib', False, None, "De intern begeleider (IB'er) of zorgcoördinator kijkt welke hulp nodig is.", "The internal supervisor (IB'er) or care coordinator looks at what help is needed.", None, None),
        ('youth-care', 'advice', 'partner-category', 'youth-care', False, None, 'De school kan je in contact brengen met de jeugdhulp (CJG, schoolmaatschappelijk werk of wijkteam).', 'The school can put you in touch with youth care (CJG, school social work or the neighbourhood team).', None, None),
    ],
    ('personal-problems', 'staff'): [
        ('manager', 'talk', 'role', 'school-leader', False, None, 'Bespreek het met je leidinggevende of de schoolleider.', 'Discuss it with your manager or the school leader.', None, None),
        ('counsellor', 'advice', 'role', 'internal-confidential-counsellor', False, None, 'Ga naar de interne vertrouwenspersoon. Die luistert, denkt mee en helpt je verder.', 'Go to the internal confidential counsellor, who listens, thinks along and helps you on.', 'Wat je vertelt blijft vertrouwelijk, behalve bij een vermoeden van een zedendelict of kindermishandeling.', 'What you say stays confidential, except for a suspected sexual offence or child abuse.'),
        ('external-counsellor', 'advice', 'role', 'external-confidential-counsellor', False, None, 'Je kunt ook naar de externe vertrouwenspersoon van het bestuur. Die staat los van de school.', "You can also go to the board's external confidential counsellor, who is independent of the school.", None, None),
    ],
    ('sexual-misconduct', 'pupil'): [
        ('counsellor', 'advice', 'role', 'internal-confidential-counsellor', False, None, 'Ga naar de interne vertrouwenspersoon. Die luistert, denkt mee en helpt je verder.', 'Go to the internal confidential counsellor, who listens, thinks along and helps you on.', 'Wat je vertelt blijft vertrouwelijk, behalve bij een vermoeden van een zedendelict of kindermishandeling.', 'What you say stays confidential, except for a suspected sexual offence or child abuse.'),
        ('external-counsellor', 'advice', 'role', 'external-confidential-counsellor', False, None, 'Je kunt ook naar de externe vertrouwenspersoon van het bestuur. Die staat los van de school.', "You can also go to the board's external confidential counsellor, who is independent of the school.", None, None),
        ('confidential-inspectors', 'advice', 'body', 'confidential-inspectors', False, None, 'Bij discriminatie, geweld of radicalisering kun je advies vragen aan de vertrouwensinspecteurs.', 'For discrimination, violence or radicalisation you can ask the confidential inspectors for advice.', None, None),
        ('complaint-committee', 'complaint', 'complaint-committee', None, True, 'Klachtenregeling verplicht (WPO art. 14, WVO 2020 art. 3.35): het bestuur is aangesloten bij een klachtencommissie.', 'Dien een klacht in bij de klachtencommissie waar het bestuur bij is aangesloten.', 'File a complaint with the complaints committee the board belongs to.', 'Doe dit binnen een jaar na wat er gebeurde. De commissie geeft advies; het bestuur reageert daarop binnen vier weken.', 'Do so within one year of the event. The committee advises; the board answers within four weeks.'),
        ('police', 'report', 'body', 'police', False, None, 'Je kunt aangifte doen bij de politie.', 'You can report it to the police.', None, None),
        ('duty-inform-board', 'duty', 'board', None, True, 'Meldplicht bij een vermoeden van een zedendelict door een medewerker (WPO art. 4a).', 'Gaat het om een medewerker en een mogelijk zedendelict tegen een minderjarige leerling? Elke medewerker moet het bestuur direct informeren.', 'Does it concern a staff member and a possible sexual offence against a minor pupil? Every staff member must inform the board immediately.', 'Bronnen verschillen over de vraag of de vertrouwenspersoon hiervan is uitgezonderd.', 'Sources differ on whether the confidential counsellor is exempt.'),
        ('duty-consult-and-report', 'duty', 'body', 'confidential-inspectors', True, 'Meldplicht bij een vermoeden van een zedendelict door een medewerker (WPO art. 4a).', 'Het bestuur overlegt met de vertrouwensinspecteur en doet bij een redelijk vermoeden aangifte bij de politie.', 'The board consults the confidential inspector and, on reasonable suspicion, reports to the police.', None, None),
    ],
    ('sexual-misconduct', 'parent'): [
        ('counsellor', 'advice', 'role', 'internal-confidential-counsellor', False, None, 'Ga naar de interne vertrouwenspersoon. Die luistert, denkt mee en helpt je verder.', 'Go to the internal confidential counsellor, who listens, thinks along and helps you on.', 'Wat je vertelt blijft vertrouwelijk, behalve bij een vermoeden van een zedendelict of kindermishandeling.', 'What you say stays confidential, except for a suspected sexual offence or child abuse.'),
        ('external-counsellor', 'advice', 'role', 'external-confidential-counsellor', False, None, 'Je kunt ook naar de externe vertrouwenspersoon van het bestuur. Die staat los van de school.', "You can also go to the board's external confidential counsellor, who is independent of the school.", None, None),
        ('confidential-inspectors', 'advice', 'body', 'confidential-inspectors', False, None, 'Bij discriminatie, geweld of radicalisering kun je advies vragen aan de vertrouwensinspecteurs.', 'For discrimination, violence or radicalisation you can ask the confidential inspectors for advice.', None, None),
        ('complaint-committee', 'complaint', 'complaint-committee', None, True, 'Klachtenregeling verplicht (WPO art. 14, WVO 2020 art. 3.35): het bestuur is aangesloten bij een klachtencommissie.', 'Dien een klacht in bij de klachtencommissie waar het bestuur bij is aangesloten.', 'File a complaint with the complaints committee the board belongs to.', 'Doe dit binnen een jaar na wat er gebeurde. De commissie geeft advies; het bestuur reageert daarop binnen vier weken.', 'Do so within one year of the event. The committee advises; the board answers within four weeks.'),
        ('police', 'report', 'body', 'police', False, None, 'Je kunt aangifte doen bij de politie.', 'You can report it to the police.', None, None),
        ('duty-inform-board', 'duty', 'board', None, True, 'Meldplicht bij een vermoeden van een zedendelict door een medewerker (WPO art. 4a).', 'Gaat het om een medewerker en een mogelijk zedendelict tegen een minderjarige leerling? Elke medewerker moet het bestuur direct informeren.', 'Does it concern a staff member and a possible sexual offence against a minor pupil? Every staff member must inform the board immediately.', 'Bronnen verschillen over de vraag of de vertrouwenspersoon hiervan is uitgezonderd.', 'Sources differ on whether the confidential counsellor is exempt.'),
        ('duty-consult-and-report', 'duty', 'body', 'confidential-inspectors', True, 'Meldplicht bij een vermoeden van een zedendelict door een medewerker (WPO art. 4a).', 'Het bestuur overlegt met de vertrouwensinspecteur en doet bij een redelijk vermoeden aangifte bij de politie.', 'The board consults the confidential inspector and, on reasonable suspicion, reports to the police.', None, None),
    ],
    ('sexual-misconduct', 'staff'): [
        ('counsellor', 'advice', 'role', 'internal-confidential-counsellor', False, None, 'Ga naar de interne vertrouwenspersoon. Die luistert, denkt mee en helpt je verder.', 'Go to the internal confidential counsellor, who listens, thinks along and helps you on.', 'Wat je vertelt blijft vertrouwelijk, behalve bij een vermoeden van een zedendelict of kindermishandeling.', 'What you say stays confidential, except for a suspected sexual offence or child abuse.'),
        ('external-counsellor', 'advice', 'role', 'external-confidential-counsellor', False, None, 'Je kunt ook naar de externe vertrouwenspersoon van het bestuur. Die staat los van de school.', "You can also go to the board's external confidential counsellor, who is independent of the school.", None, None),
        ('complaint-committee', 'complaint', 'complaint-committee', None, True, 'Klachtenregeling verplicht (WPO art. 14, WVO 2020 art. 3.35): het bestuur is aangesloten bij een klachtencommissie.', 'Dien een klacht in bij de klachtencommissie waar het bestuur bij is aangesloten.', 'File a complaint with the complaints committee the board belongs to.', 'Doe dit binnen een jaar na wat er gebeurde. De commissie geeft advies; het bestuur reageert daarop binnen vier weken.', 'Do so within one year of the event. The committee advises; the board answers within four weeks.'),
        ('duty-inform-board', 'duty', 'board', None, True, 'Meldplicht bij een vermoeden van een zedendelict door een medewerker (WPO art. 4a).', 'Gaat het om een medewerker en een mogelijk zedendelict tegen een minderjarige leerling? Elke medewerker moet het bestuur direct informeren.', 'Does it concern a staff member and a possible sexual offence against a minor pupil? Every staff member must inform the board immediately.', 'Bronnen verschillen over de vraag of de vertrouwenspersoon hiervan is uitgezonderd.', 'Sources differ on whether the confidential counsellor is exempt.'),
        ('duty-consult-and-report', 'duty', 'body', 'confidential-inspectors', True, 'Meldplicht bij een vermoeden van een zedendelict door een medewerker (WPO art. 4a).', 'Het bestuur overlegt met de vertrouwensinspecteur en doet bij een redelijk vermoeden aangifte bij de politie.', 'The board consults the confidential inspector and, on reasonable suspicion, reports to the police.', None, None),
    ],
    ('undesirable-behaviour', 'pupil'): [
        ('teacher', 'talk', 'none', None, False, None, 'Praat met je leerkracht of mentor.', 'Talk to your teacher or mentor.', 'Vaak is het dan al opgelost.', 'Often that already solves it.'),
        ('anti-bullying', 'talk', 'role', 'anti-bullying-coordinator', True, 'Wet veiligheid op school (2015): elke school heeft een aanspreekpunt pesten.', 'Ga naar het aanspreekpunt pesten van de school.', "Go to the school's anti-bullying coordinator.", 'Die zoekt met je uit wat er moet gebeuren en zorgt dat het stopt.', 'They work out with you what must happen and make sure it stops.'),
        ('counsellor', 'advice', 'role', 'internal-confidential-counsellor', False, None, 'Ga naar de interne vertrouwenspersoon. Die luistert, denkt mee en helpt je verder.', 'Go to the internal confidential counsellor, who listens, thinks along and helps you on.', 'Wat je vertelt blijft vertrouwelijk, behalve bij een vermoeden van een zedendelict of kindermishandeling.', 'What you say stays confidential, except for a suspected sexual offence or child abuse.'),
        ('school-leader', 'talk', 'role', 'school-leader', False, None, 'Praat met de schoolleider (directeur).', 'Talk to the school leader (head teacher).', None, None),
        ('confidential-inspectors', 'advice', 'body', 'confidential-inspectors', False, None, 'Bij discriminatie, geweld of radicalisering kun je advies vragen aan de vertrouwensinspecteurs.', 'For discrimination, violence or radicalisation you can ask the confidential inspectors for advice.', None, None),
        ('complaint-committee', 'complaint', 'complaint-committee', None, True, 'Klachtenregeling verplicht (WPO art. 14, WVO 2020 art. 3.35): het bestuur is aangesloten bij een klachtencommissie.', 'Dien een klacht in bij de klachtencommissie waar het bestuur bij is aangesloten.', 'File a complaint with the complaints committee the board belongs to.', 'Doe dit binnen een jaar na wat er gebeurde. De commissie geeft advies; het bestuur reageert daarop binnen vier weken.', 'Do so within one year of the event. The committee advises; the board answers within four weeks.'),
    ],
    ('undesirable-behaviour', 'parent'): [
        ('teacher', 'talk', 'none', None, False, None, 'Praat met de leerkracht of mentor van uw kind.', "Talk to your child's teacher or mentor.", 'Vaak is het dan al opgelost.', 'Often that already solves it.'),
        ('anti-bullying', 'talk', 'role', 'anti-bullying-coordinator', True, 'Wet veiligheid op school (2015): elke school heeft een aanspreekpunt pesten.', 'Ga naar het aanspreekpunt pesten van de school.', "Go to the school's anti-bullying coordinator.", 'Die zoekt met je uit wat er moet gebeuren en zorgt dat het stopt.', 'They work out with you what must happen and make sure it stops.'),
        ('counsellor', 'advice', 'role', 'internal-confidential-counsellor', False, None, 'Ga naar de interne vertrouwenspersoon. Die luistert, denkt mee en helpt je verder.', 'Go to the internal confidential counsellor, who listens, thinks along and helps you on.', 'Wat je vertelt blijft vertrouwelijk, behalve bij een vermoeden van een zedendelict of kindermishandeling.', 'What you say stays confidential, except for a suspected sexual offence or child abuse.'),
        ('school-leader', 'talk', 'role', 'school-leader', False, None, 'Praat met de schoolleider (directeur).', 'Talk to the school leader (head teacher).', None, None),
        ('board', 'complaint', 'board', None, False, None, 'Dien een klacht in bij het schoolbestuur.', 'File a complaint with the school board.', 'Het bestuur behandelt de klacht volgens zijn klachtenregeling.', 'The board handles the complaint under its complaints procedure.'),
        ('complaint-committee', 'complaint', 'complaint-committee', None, True, 'Klachtenregeling verplicht (WPO art. 14, WVO 2020 art. 3.35): het bestuur is aangesloten bij een klachtencommissie.', 'Dien een klacht in bij de klachtencommissie waar het bestuur bij is aangesloten.', 'File a complaint with the complaints committee the board belongs to.', 'Doe dit binnen een jaar na wat er gebeurde. De commissie geeft advies; het bestuur reageert daarop binnen vier weken.', 'Do so within one year of the event. The committee advises; the board answers within four weeks.'),
    ],
    ('undesirable-behaviour', 'staff'): [
        ('manager', 'talk', 'role', 'school-leader', False, None, 'Bespreek het met je leidinggevende of de schoolleider.', 'Discuss it with your manager or the school leader.', None, None),
        ('counsellor', 'advice', 'role', 'internal-confidential-counsellor', False, None, 'Ga naar de interne vertrouwenspersoon. Die luistert, denkt mee en helpt je verder.', 'Go to the internal confidential counsellor, who listens, thinks along and helps you on.', 'Wat je vertelt blijft vertrouwelijk, behalve bij een vermoeden van een zedendelict of kindermishandeling.', 'What you say stays confidential, except for a suspected sexual offence or child abuse.'),
        ('external-counsellor', 'advice', 'role', 'external-confidential-counsellor', False, None, 'Je kunt ook naar de externe vertrouwenspersoon van het bestuur. Die staat los van de school.', "You can also go to the board's external confidential counsellor, who is independent of the school.", None, None),
        ('board', 'complaint', 'board', None, False, None, 'Dien een klacht in bij het schoolbestuur.', 'File a complaint with the school board.', 'Het bestuur behandelt de klacht volgens zijn klachtenregeling.', 'The board handles the complaint under its complaints procedure.'),
        ('complaint-committee', 'complaint', 'complaint-committee', None, True, 'Klachtenregeling verplicht (WPO art. 14, WVO 2020 art. 3.35): het bestuur is aangesloten bij een klachtencommissie.', 'Dien een klacht in bij de klachtencommissie waar het bestuur bij is aangesloten.', 'File a complaint with the complaints committee the board belongs to.', 'Doe dit binnen een jaar na wat er gebeurde. De commissie geeft advies; het bestuur reageert daarop binnen vier weken.', 'Do so within one year of the event. The committee advises; the board answers within four weeks.'),
    ],
}
# fmt: on


def upgrade() -> None:
    # ### commands auto generated by Alembic - please adjust! ###
    op.create_table('confidential_case_deletion',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('board_id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=False),
    sa.Column('deleted_at', spil.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_confidential_case_deletion'))
    )
    with op.batch_alter_table('confidential_case_deletion', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_confidential_case_deletion_board_id'), ['board_id'], unique=False)

    op.create_table('external_body',
    sa.Column('created_at', spil.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', spil.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('name_nl', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('name_en', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('website', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
    sa.Column('hours_nl', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
    sa.Column('hours_en', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
    sa.Column('description_nl', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
    sa.Column('description_en', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_external_body'))
    )
    with op.batch_alter_table('external_body', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_external_body_code'), ['code'], unique=True)

    op.create_table('complaint_settings',
    sa.Column('created_at', spil.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', spil.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('board_id', sa.Integer(), nullable=False),
    sa.Column('committee', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('procedure_url', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
    sa.Column('notes', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], name=op.f('fk_complaint_settings_board_id_board'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint_settings'))
    )
    with op.batch_alter_table('complaint_settings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_complaint_settings_board_id'), ['board_id'], unique=True)

    op.create_table('complaint_route',
    sa.Column('created_at', spil.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', spil.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('board_id', sa.Integer(), nullable=True),
    sa.Column('school_id', sa.Integer(), nullable=True),
    sa.Column('area', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('reporter_group', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('published', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], name=op.f('fk_complaint_route_board_id_board'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], name=op.f('fk_complaint_route_school_id_school'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint_route')),
    sa.UniqueConstraint('school_id', 'area', 'reporter_group', name=op.f('uq_complaint_route_school_id_area_reporter_group'))
    )
    with op.batch_alter_table('complaint_route', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_complaint_route_area'), ['area'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_route_board_id'), ['board_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_route_school_id'), ['school_id'], unique=False)

    op.create_table('confidential_case',
    sa.Column('created_at', spil.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', spil.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('board_id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=True),
    sa.Column('area', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('reporter_group', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('opened_on', sa.Date(), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('referred_to', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=True),
    sa.Column('outcome', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    sa.Column('notes', sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=True),
    sa.CheckConstraint('closed_on IS NULL OR closed_on >= opened_on', name=op.f('ck_confidential_case_dates')),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], name=op.f('fk_confidential_case_board_id_board'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], name=op.f('fk_confidential_case_school_id_school'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_confidential_case'))
    )
    with op.batch_alter_table('confidential_case', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_confidential_case_board_id'), ['board_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_confidential_case_closed_on'), ['closed_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_confidential_case_opened_on'), ['opened_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_confidential_case_school_id'), ['school_id'], unique=False)

    op.create_table('complaint_route_step',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('route_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('actor_type', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('actor', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=True),
    sa.Column('statutory', sa.Boolean(), nullable=False),
    sa.Column('rule', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
    sa.Column('text_nl', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
    sa.Column('text_en', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
    sa.Column('expect_nl', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
    sa.Column('expect_en', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
    sa.ForeignKeyConstraint(['route_id'], ['complaint_route.id'], name=op.f('fk_complaint_route_step_route_id_complaint_route'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint_route_step')),
    sa.UniqueConstraint('route_id', 'position', name=op.f('uq_complaint_route_step_route_id_position'))
    )
    with op.batch_alter_table('complaint_route_step', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_complaint_route_step_route_id'), ['route_id'], unique=False)

    # ### end Alembic commands ###

    import datetime as dt

    now = dt.datetime.now(dt.UTC)
    stamps = {"version": 1, "created_at": now, "updated_at": now}
    body = sa.table(
        "external_body",
        *(sa.column(n) for n in ("code", "name_nl", "name_en", "phone", "website", "hours_nl", "hours_en",
                                 "description_nl", "description_en", "version")),
        sa.column("created_at", spil.kit.db.UTCDateTime(timezone=True)),
        sa.column("updated_at", spil.kit.db.UTCDateTime(timezone=True)),
    )
    names = ("code", "name_nl", "name_en", "phone", "website", "hours_nl", "hours_en", "description_nl", "description_en")
    op.bulk_insert(body, [{**dict(zip(names, row, strict=True)), **stamps} for row in EXTERNAL_BODIES])
    route = sa.table(
        "complaint_route",
        sa.column("id", sa.Integer),
        sa.column("area"),
        sa.column("reporter_group"),
        sa.column("published", sa.Boolean),
        sa.column("version", sa.Integer),
        sa.column("created_at", spil.kit.db.UTCDateTime(timezone=True)),
        sa.column("updated_at", spil.kit.db.UTCDateTime(timezone=True)),
    )
    step = sa.table(
        "complaint_route_step",
        *(sa.column(n) for n in ("route_id", "position", "key", "kind", "actor_type", "actor", "rule",
                                 "text_nl", "text_en", "expect_nl", "expect_en")),
        sa.column("statutory", sa.Boolean),
    )
    fields = ("key", "kind", "actor_type", "actor", "statutory", "rule", "text_nl", "text_en", "expect_nl", "expect_en")
    bind = op.get_bind()
    for (area, group), steps in ROUTES.items():
        route_id = bind.execute(
            route.insert()
            .values(area=area, reporter_group=group, published=True, **stamps)
            .returning(route.c.id)
        ).scalar_one()
        op.bulk_insert(
            step,
            [{**dict(zip(fields, s, strict=True)), "route_id": route_id, "position": i + 1} for i, s in enumerate(steps)],
        )


def downgrade() -> None:
    # ### commands auto generated by Alembic - please adjust! ###
    with op.batch_alter_table('complaint_route_step', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_complaint_route_step_route_id'))

    op.drop_table('complaint_route_step')
    with op.batch_alter_table('confidential_case', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_confidential_case_school_id'))
        batch_op.drop_index(batch_op.f('ix_confidential_case_opened_on'))
        batch_op.drop_index(batch_op.f('ix_confidential_case_closed_on'))
        batch_op.drop_index(batch_op.f('ix_confidential_case_board_id'))

    op.drop_table('confidential_case')
    with op.batch_alter_table('complaint_route', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_complaint_route_school_id'))
        batch_op.drop_index(batch_op.f('ix_complaint_route_board_id'))
        batch_op.drop_index(batch_op.f('ix_complaint_route_area'))

    op.drop_table('complaint_route')
    with op.batch_alter_table('complaint_settings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_complaint_settings_board_id'))

    op.drop_table('complaint_settings')
    with op.batch_alter_table('external_body', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_external_body_code'))

    op.drop_table('external_body')
    with op.batch_alter_table('confidential_case_deletion', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_confidential_case_deletion_board_id'))

    op.drop_table('confidential_case_deletion')
    # ### end Alembic commands ###
