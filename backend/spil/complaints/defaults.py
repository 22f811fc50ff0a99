"""The default routes of ROUTES.md and the external bodies of FACTS.md §2, as data.

The migration ships a frozen copy; this module documents where each step comes from and is
what the tests compare the shipped rows with. Texts are plain language (B1), Dutch and English.
"""

# ruff: noqa: E501  (data: one text per line)

from __future__ import annotations

from typing import NamedTuple


class Step(NamedTuple):
    key: str
    kind: str
    actor_type: str
    actor: str | None
    statutory: bool
    rule: str | None
    text_nl: str
    text_en: str
    expect_nl: str | None
    expect_en: str | None


EXTERNAL_BODIES = [
    # code, name nl, name en, phone, website, hours nl, hours en, description nl, description en
    (
        "veilig-thuis",
        "Veilig Thuis",
        "Veilig Thuis (domestic violence and child abuse)",
        "0800-2000",
        "https://veiligthuis.nl",
        "Gratis, dag en nacht",
        "Free, day and night",
        "Advies en meldingen over huiselijk geweld en kindermishandeling.",
        "Advice and reports on domestic violence and child abuse.",
    ),
    (
        "confidential-inspectors",
        "Vertrouwensinspecteurs (Inspectie van het Onderwijs)",
        "Confidential inspectors (Education Inspectorate)",
        "0900-111 3 111",
        "https://www.onderwijsinspectie.nl",
        "Op werkdagen tijdens kantooruren",
        "Working days, office hours",
        "Advies bij seksueel misbruik, discriminatie, geweld en radicalisering op school.",
        "Advice on sexual abuse, discrimination, violence and radicalisation at school.",
    ),
    (
        "kindertelefoon",
        "De Kindertelefoon",
        "De Kindertelefoon (child helpline)",
        "0800-0432",
        "https://www.kindertelefoon.nl",
        "Gratis en anoniem",
        "Free and anonymous",
        "Voor kinderen en jongeren: praten over alles wat je bezighoudt.",
        "For children and young people: talk about anything on your mind.",
    ),
    (
        "113",
        "113 Zelfmoordpreventie",
        "113 Suicide Prevention",
        "0800-0113",
        "https://www.113.nl",
        "Gratis, dag en nacht",
        "Free, day and night",
        "Als je aan zelfmoord denkt of je zorgen maakt om iemand.",
        "If you think about suicide or worry about someone.",
    ),
    (
        "police",
        "Politie",
        "Police",
        "0900-8844",
        "https://www.politie.nl",
        None,
        None,
        "Aangifte doen of advies vragen.",
        "Report a crime or ask for advice.",
    ),
    (
        "emergency",
        "Alarmnummer 112",
        "Emergency number 112",
        "112",
        None,
        "Bij direct gevaar",
        "In immediate danger",
        "Alleen bij spoed en direct gevaar.",
        "Only in an emergency and immediate danger.",
    ),
    (
        "lkc",
        "Landelijke Klachtencommissie Onderwijs (Stichting Onderwijsgeschillen)",
        "National Complaints Committee for Education (Stichting Onderwijsgeschillen)",
        None,
        "https://www.onderwijsgeschillen.nl",
        None,
        None,
        "Onafhankelijke commissie die klachten over scholen behandelt.",
        "Independent committee that handles complaints about schools.",
    ),
    (
        "gcbo",
        "Geschillencommissies Bijzonder Onderwijs (GCBO)",
        "Complaint committees for denominational education (GCBO)",
        None,
        "https://www.gcbo.nl",
        None,
        None,
        "Klachtencommissie voor bijzondere (confessionele) scholen.",
        "Complaints committee for denominational schools.",
    ),
    (
        "education-consultants",
        "Onderwijsconsulenten",
        "Education consultants",
        None,
        "https://www.onderwijsconsulenten.nl",
        None,
        None,
        "Gratis hulp bij problemen over passend onderwijs voor uw kind.",
        "Free help with problems about suitable education for your child.",
    ),
]

COMMITTEE_RULE = "Klachtenregeling verplicht (WPO art. 14, WVO 2020 art. 3.35): het bestuur is aangesloten bij een klachtencommissie."
BULLYING_RULE = "Wet veiligheid op school (2015): elke school heeft een aanspreekpunt pesten."
MELDCODE_RULE = "Meldcode huiselijk geweld en kindermishandeling is verplicht voor scholen."
WPO4A_RULE = "Meldplicht bij een vermoeden van een zedendelict door een medewerker (WPO art. 4a)."

TEACHER = Step(
    "teacher",
    "talk",
    "none",
    None,
    False,
    None,
    "Praat met je leerkracht of mentor.",
    "Talk to your teacher or mentor.",
    "Vaak is het dan al opgelost.",
    "Often that already solves it.",
)
TEACHER_PARENT = Step(
    "teacher",
    "talk",
    "none",
    None,
    False,
    None,
    "Praat met de leerkracht of mentor van uw kind.",
    "Talk to your child's teacher or mentor.",
    "Vaak is het dan al opgelost.",
    "Often that already solves it.",
)
TRUSTED_ADULT = Step(
    "trusted-adult",
    "talk",
    "none",
    None,
    False,
    None,
    "Vertel het aan iemand op school die je vertrouwt.",
    "Tell someone at school you trust.",
    "Je hoeft het niet alleen op te lossen.",
    "You do not have to solve it alone.",
)
MANAGER = Step(
    "manager",
    "talk",
    "role",
    "school-leader",
    False,
    None,
    "Bespreek het met je leidinggevende of de schoolleider.",
    "Discuss it with your manager or the school leader.",
    None,
    None,
)
COUNSELLOR = Step(
    "counsellor",
    "advice",
    "role",
    "internal-confidential-counsellor",
    False,
    None,
    "Ga naar de interne vertrouwenspersoon. Die luistert, denkt mee en helpt je verder.",
    "Go to the internal confidential counsellor, who listens, thinks along and helps you on.",
    "Wat je vertelt blijft vertrouwelijk, behalve bij een vermoeden van een zedendelict of kindermishandeling.",
    "What you say stays confidential, except for a suspected sexual offence or child abuse.",
)
EXTERNAL_COUNSELLOR = Step(
    "external-counsellor",
    "advice",
    "role",
    "external-confidential-counsellor",
    False,
    None,
    "Je kunt ook naar de externe vertrouwenspersoon van het bestuur. Die staat los van de school.",
    "You can also go to the board's external confidential counsellor, who is independent of the school.",
    None,
    None,
)
LEADER = Step(
    "school-leader",
    "talk",
    "role",
    "school-leader",
    False,
    None,
    "Praat met de schoolleider (directeur).",
    "Talk to the school leader (head teacher).",
    None,
    None,
)
BOARD = Step(
    "board",
    "complaint",
    "board",
    None,
    False,
    None,
    "Dien een klacht in bij het schoolbestuur.",
    "File a complaint with the school board.",
    "Het bestuur behandelt de klacht volgens zijn klachtenregeling.",
    "The board handles the complaint under its complaints procedure.",
)
COMMITTEE = Step(
    "complaint-committee",
    "complaint",
    "complaint-committee",
    None,
    True,
    COMMITTEE_RULE,
    "Dien een klacht in bij de klachtencommissie waar het bestuur bij is aangesloten.",
    "File a complaint with the complaints committee the board belongs to.",
    "Doe dit binnen een jaar na wat er gebeurde. De commissie geeft advies; het bestuur reageert daarop binnen vier weken.",
    "Do so within one year of the event. The committee advises; the board answers within four weeks.",
)
CONSULTANTS = Step(
    "education-consultants",
    "advice",
    "body",
    "education-consultants",
    False,
    None,
    "Gaat het om passend onderwijs of extra ondersteuning? De onderwijsconsulenten helpen gratis.",
    "Is it about suitable education or extra support? The education consultants help for free.",
    None,
    None,
)
BULLYING = Step(
    "anti-bullying",
    "talk",
    "role",
    "anti-bullying-coordinator",
    True,
    BULLYING_RULE,
    "Ga naar het aanspreekpunt pesten van de school.",
    "Go to the school's anti-bullying coordinator.",
    "Die zoekt met je uit wat er moet gebeuren en zorgt dat het stopt.",
    "They work out with you what must happen and make sure it stops.",
)
INSPECTORS = Step(
    "confidential-inspectors",
    "advice",
    "body",
    "confidential-inspectors",
    False,
    None,
    "Bij discriminatie, geweld of radicalisering kun je advies vragen aan de vertrouwensinspecteurs.",
    "For discrimination, violence or radicalisation you can ask the confidential inspectors for advice.",
    None,
    None,
)
POLICE = Step(
    "police",
    "report",
    "body",
    "police",
    False,
    None,
    "Je kunt aangifte doen bij de politie.",
    "You can report it to the police.",
    None,
    None,
)
EMERGENCY = Step(
    "emergency",
    "emergency",
    "body",
    "emergency",
    False,
    None,
    "Is er direct gevaar? Bel 112.",
    "Immediate danger? Call 112.",
    None,
    None,
)
OFFICER = Step(
    "reporting-code-officer",
    "advice",
    "role",
    "reporting-code-officer",
    False,
    None,
    "De aandachtsfunctionaris meldcode weet wat er moet gebeuren bij zorgen over thuis.",
    "The reporting-code officer knows what to do when there are worries about home.",
    None,
    None,
)
VEILIG_THUIS = Step(
    "veilig-thuis",
    "report",
    "body",
    "veilig-thuis",
    False,
    None,
    "Vraag advies of doe een melding bij Veilig Thuis.",
    "Ask Veilig Thuis for advice or make a report.",
    "Je kunt eerst anoniem advies vragen.",
    "You can ask for advice anonymously first.",
)
KINDERTELEFOON = Step(
    "kindertelefoon",
    "advice",
    "body",
    "kindertelefoon",
    False,
    None,
    "Praat erover met De Kindertelefoon.",
    "Talk about it with De Kindertelefoon.",
    "Gratis en anoniem.",
    "Free and anonymous.",
)
CARE = Step(
    "care-coordinator",
    "advice",
    "role",
    "ib",
    False,
    None,
    "De intern begeleider (IB'er) of zorgcoördinator kijkt welke hulp nodig is.",
    "The internal supervisor (IB'er) or care coordinator looks at what help is needed.",
    None,
    None,
)
YOUTH_CARE = Step(
    "youth-care",
    "advice",
    "partner-category",
    "youth-care",
    False,
    None,
    "De school kan je in contact brengen met de jeugdhulp (CJG, schoolmaatschappelijk werk of wijkteam).",
    "The school can put you in touch with youth care (CJG, school social work or the neighbourhood team).",
    None,
    None,
)
CRISIS = Step(
    "113",
    "emergency",
    "body",
    "113",
    False,
    None,
    "Denk je aan zelfmoord of gaat het heel slecht? Bel 113 (gratis) of praat met De Kindertelefoon.",
    "Thinking about suicide or feeling very bad? Call 113 (free) or talk to De Kindertelefoon.",
    None,
    None,
)
STAFF_DUTY_BOARD = Step(
    "duty-inform-board",
    "duty",
    "board",
    None,
    True,
    WPO4A_RULE,
    "Gaat het om een medewerker en een mogelijk zedendelict tegen een minderjarige leerling? Elke medewerker moet het bestuur direct informeren.",
    "Does it concern a staff member and a possible sexual offence against a minor pupil? Every staff member must inform the board immediately.",
    "Bronnen verschillen over de vraag of de vertrouwenspersoon hiervan is uitgezonderd.",
    "Sources differ on whether the confidential counsellor is exempt.",
)
STAFF_DUTY_POLICE = Step(
    "duty-consult-and-report",
    "duty",
    "body",
    "confidential-inspectors",
    True,
    WPO4A_RULE,
    "Het bestuur overlegt met de vertrouwensinspecteur en doet bij een redelijk vermoeden aangifte bij de politie.",
    "The board consults the confidential inspector and, on reasonable suspicion, reports to the police.",
    None,
    None,
)
MELDCODE = [
    Step(
        "meldcode-1",
        "duty",
        "none",
        None,
        True,
        MELDCODE_RULE,
        "Stap 1: breng de signalen in kaart.",
        "Step 1: map the signals.",
        None,
        None,
    ),
    Step(
        "meldcode-2",
        "duty",
        "role",
        "reporting-code-officer",
        True,
        MELDCODE_RULE,
        "Stap 2: overleg met de aandachtsfunctionaris en/of Veilig Thuis.",
        "Step 2: consult the reporting-code officer and/or Veilig Thuis.",
        None,
        None,
    ),
    Step(
        "meldcode-3",
        "duty",
        "none",
        None,
        True,
        MELDCODE_RULE,
        "Stap 3: praat met de leerling en de ouders.",
        "Step 3: talk with the pupil and the parents.",
        None,
        None,
    ),
    Step(
        "meldcode-4",
        "duty",
        "none",
        None,
        True,
        MELDCODE_RULE,
        "Stap 4: weeg het geweld of de kindermishandeling met het afwegingskader.",
        "Step 4: weigh the violence or abuse with the assessment framework.",
        None,
        None,
    ),
    Step(
        "meldcode-5",
        "duty",
        "body",
        "veilig-thuis",
        True,
        MELDCODE_RULE,
        "Stap 5: beslis: hulp organiseren en/of melden bij Veilig Thuis.",
        "Step 5: decide: organise help and/or report to Veilig Thuis.",
        None,
        None,
    ),
]

_ROUTES: dict[tuple[str, str], list[Step]] = {}
for area in ("school-organisation", "educational-matters"):
    extra = [CONSULTANTS] if area == "educational-matters" else []
    _ROUTES[(area, "pupil")] = [TEACHER, COUNSELLOR, LEADER, BOARD, *extra, COMMITTEE]
    _ROUTES[(area, "parent")] = [TEACHER_PARENT, LEADER, COUNSELLOR, BOARD, *extra, COMMITTEE]
    _ROUTES[(area, "staff")] = [MANAGER, COUNSELLOR, BOARD, COMMITTEE]
_ROUTES[("domestic-violence", "pupil")] = [TRUSTED_ADULT, OFFICER, KINDERTELEFOON, VEILIG_THUIS, EMERGENCY]
_ROUTES[("domestic-violence", "parent")] = [COUNSELLOR, OFFICER, VEILIG_THUIS, EMERGENCY]
_ROUTES[("domestic-violence", "staff")] = [*MELDCODE, EMERGENCY]
_ROUTES[("personal-problems", "pupil")] = [TEACHER, COUNSELLOR, CARE, YOUTH_CARE, CRISIS]
_ROUTES[("personal-problems", "parent")] = [TEACHER_PARENT, CARE, YOUTH_CARE]
_ROUTES[("personal-problems", "staff")] = [MANAGER, COUNSELLOR, EXTERNAL_COUNSELLOR]
for group in ("pupil", "parent"):
    _ROUTES[("sexual-misconduct", group)] = [
        COUNSELLOR,
        EXTERNAL_COUNSELLOR,
        INSPECTORS,
        COMMITTEE,
        POLICE,
        STAFF_DUTY_BOARD,
        STAFF_DUTY_POLICE,
    ]
_ROUTES[("sexual-misconduct", "staff")] = [
    COUNSELLOR,
    EXTERNAL_COUNSELLOR,
    COMMITTEE,
    STAFF_DUTY_BOARD,
    STAFF_DUTY_POLICE,
]
_ROUTES[("undesirable-behaviour", "pupil")] = [TEACHER, BULLYING, COUNSELLOR, LEADER, INSPECTORS, COMMITTEE]
_ROUTES[("undesirable-behaviour", "parent")] = [
    TEACHER_PARENT,
    BULLYING,
    COUNSELLOR,
    LEADER,
    BOARD,
    COMMITTEE,
]
_ROUTES[("undesirable-behaviour", "staff")] = [MANAGER, COUNSELLOR, EXTERNAL_COUNSELLOR, BOARD, COMMITTEE]


# The route finder says *je* to pupils and *u* to parents and staff (issue 16): a shared step's
# Dutch text in the form for adults, where the pupils' text says je. English says "you" to all.
FORMAL: dict[str, tuple[str, str | None]] = {
    "counsellor": (
        "Ga naar de interne vertrouwenspersoon. Die luistert, denkt mee en helpt u verder.",
        "Wat u vertelt blijft vertrouwelijk, behalve bij een vermoeden van een zedendelict of kindermishandeling.",
    ),
    "external-counsellor": (
        "U kunt ook naar de externe vertrouwenspersoon van het bestuur. Die staat los van de school.",
        None,
    ),
    "manager": ("Bespreek het met uw leidinggevende of de schoolleider.", None),
    "anti-bullying": (
        "Ga naar het aanspreekpunt pesten van de school.",
        "Die zoekt met u uit wat er moet gebeuren en zorgt dat het stopt.",
    ),
    "confidential-inspectors": (
        "Bij discriminatie, geweld of radicalisering kunt u advies vragen aan de vertrouwensinspecteurs.",
        None,
    ),
    "police": ("U kunt aangifte doen bij de politie.", None),
    "veilig-thuis": (
        "Vraag advies of doe een melding bij Veilig Thuis.",
        "U kunt eerst anoniem advies vragen.",
    ),
    "youth-care": (
        "De school kan u in contact brengen met de jeugdhulp (CJG, schoolmaatschappelijk werk of wijkteam).",
        None,
    ),
}


def for_reader(step: Step, group: str) -> Step:
    """The step as the reader group reads it: the adults' Dutch form for parents and staff."""
    if group == "pupil" or step.key not in FORMAL:
        return step
    text, expect = FORMAL[step.key]
    return step._replace(text_nl=text, expect_nl=expect if step.expect_nl is not None else None)


ROUTES: dict[tuple[str, str], list[Step]] = {
    (area, group): [for_reader(step, group) for step in steps] for (area, group), steps in _ROUTES.items()
}
AREA_TEXTS = {
    "school-organisation": (
        "Schoolorganisatie",
        "School organisation",
        "Bijvoorbeeld het rooster, de communicatie of de ouderbijdrage.",
        "For example the timetable, communication or school fees.",
    ),
    "educational-matters": (
        "Onderwijs",
        "Education",
        "Bijvoorbeeld de lessen, cijfers, toetsen of extra ondersteuning.",
        "For example lessons, marks, tests or extra support.",
    ),
    "domestic-violence": (
        "Huiselijk geweld en kindermishandeling",
        "Domestic violence and child abuse",
        "Als iemand thuis geweld gebruikt of een kind niet goed verzorgd wordt.",
        "When someone at home uses violence or a child is not cared for properly.",
    ),
    "personal-problems": (
        "Persoonlijke problemen en problemen thuis",
        "Personal problems and problems at home",
        "Als het niet goed met je gaat, of er thuis iets speelt.",
        "When you are not doing well, or something is going on at home.",
    ),
    "sexual-misconduct": (
        "Seksueel grensoverschrijdend gedrag",
        "Sexually transgressive behaviour",
        "Als iemand over je grens gaat met seksuele opmerkingen of aanrakingen.",
        "When someone crosses your boundaries with sexual remarks or touching.",
    ),
    "undesirable-behaviour": (
        "Pesten, discriminatie en ander ongewenst gedrag",
        "Bullying, discrimination and other undesirable behaviour",
        "Pesten, discriminatie, bedreiging, agressie of radicalisering op school.",
        "Bullying, discrimination, intimidation, aggression or radicalisation at school.",
    ),
}
