"""The built-in indicators, drawn from the seeds (000: key persons; 001/004: collaboration;
002: confidential work; 003: the job agreement). Shipped as data by the migration."""

from __future__ import annotations

# code, name nl, name en, unit, direction, aggregation, frequency, domain, derived, source
INDICATORS = [
    (
        "parent-contacts",
        "Contactmomenten met ouders",
        "Contacts with parents",
        "count",
        "higher-is-better",
        "sum",
        "month",
        "key-persons",
        False,
        "Seed 000: communication with parents.",
    ),
    (
        "parent-evening-attendance",
        "Opkomst ouderavonden",
        "Attendance at parent evenings",
        "percentage",
        "higher-is-better",
        "mean",
        "school-year",
        "key-persons",
        False,
        "Seed 000: attendance at parent evenings.",
    ),
    (
        "parents-in-school",
        "Ouders die de school binnenkomen",
        "Parents coming into the school",
        "count",
        "higher-is-better",
        "sum",
        "month",
        "key-persons",
        False,
        "Seed 000: parents coming into the school.",
    ),
    (
        "culture-sensitive-team",
        "Cultuursensitief team (zelfevaluatie, 1-5)",
        "Culture-sensitive team (self-assessment, 1-5)",
        "score",
        "higher-is-better",
        "mean",
        "school-year",
        "inclusion",
        False,
        "Seed 000: a more culture-sensitive team.",
    ),
    (
        "mutual-respect",
        "Wederzijds respect ouders en school (1-5)",
        "Mutual respect of parents and school (1-5)",
        "score",
        "higher-is-better",
        "mean",
        "school-year",
        "inclusion",
        False,
        "Seed 000: mutual respect.",
    ),
    (
        "key-person-activities",
        "Activiteiten van sleutelpersonen",
        "Key-person activities",
        "count",
        "higher-is-better",
        "sum",
        "month",
        "key-persons",
        True,
        "Derived from the activity log.",
    ),
    (
        "parents-reached",
        "Ouders bereikt door sleutelpersonen",
        "Parents reached by key persons",
        "count",
        "higher-is-better",
        "sum",
        "month",
        "key-persons",
        True,
        "Derived from the activity log.",
    ),
    (
        "active-partnerships",
        "Actieve samenwerkingen",
        "Active partnerships",
        "count",
        "neutral",
        "sum",
        "quarter",
        "collaboration",
        True,
        "Derived from the partnerships (current quarter).",
    ),
    (
        "partnerships-two-contacts",
        "Samenwerkingen met twee of meer interne contactpersonen",
        "Partnerships with two or more internal contacts",
        "percentage",
        "higher-is-better",
        "share",
        "quarter",
        "collaboration",
        True,
        "Seed 001: contacts must not rest on one person (current quarter).",
    ),
    (
        "workload-collaboration",
        "Ervaren werkdruk door samenwerking (1-5)",
        "Workload from collaboration (1-5)",
        "score",
        "lower-is-better",
        "mean",
        "school-year",
        "collaboration",
        False,
        "Seed 001/004: workload relief.",
    ),
    (
        "partner-contact-turnover",
        "Wisselingen van contactpersoon bij partners",
        "Changes of contact person at partners",
        "count",
        "lower-is-better",
        "sum",
        "school-year",
        "collaboration",
        False,
        "Seed 001: staff turnover at partners.",
    ),
    (
        "hours-for-partnerships",
        "Uren voor samenwerking",
        "Hours spent on partnerships",
        "hours",
        "neutral",
        "sum",
        "school-year",
        "collaboration",
        False,
        "Seed 001: time for coordination.",
    ),
    (
        "confidential-cases",
        "Zaken bij de vertrouwenspersoon",
        "Cases of the confidential counsellor",
        "count",
        "neutral",
        "sum",
        "school-year",
        "confidential-work",
        True,
        "Derived from the case register (small numbers suppressed).",
    ),
    (
        "complaints-received",
        "Ontvangen klachten",
        "Complaints received",
        "count",
        "neutral",
        "sum",
        "school-year",
        "confidential-work",
        False,
        "Seed 002: the complaints procedure.",
    ),
    (
        "job-agreement-jobs",
        "Banen banenafspraak (25,5 uur per baan)",
        "Job-agreement jobs (25.5 hours each)",
        "count",
        "higher-is-better",
        "sum",
        "month",
        "inclusion",
        True,
        "Derived from the placements of the inclusion tracks (FACTS.md section 7).",
    ),
    (
        "open-gaps-error",
        "Open knelpunten: urgent",
        "Open gaps: urgent",
        "count",
        "lower-is-better",
        "sum",
        "month",
        "collaboration",
        True,
        "Derived from the gaps (current month).",
    ),
    (
        "open-gaps-warning",
        "Open knelpunten: waarschuwing",
        "Open gaps: warnings",
        "count",
        "lower-is-better",
        "sum",
        "month",
        "collaboration",
        True,
        "Derived from the gaps (current month).",
    ),
    (
        "allowance-headroom",
        "Ruimte onder het jaarmaximum vrijwilligersvergoeding",
        "Headroom under the yearly volunteer-allowance maximum",
        "euro",
        "neutral",
        "sum",
        "month",
        "key-persons",
        True,
        "Derived from the payments ledger and the allowance rules (FACTS.md section 1).",
    ),
    (
        "side-entrants-started",
        "Gestarte zij-instromers",
        "Side-entrants started",
        "count",
        "higher-is-better",
        "sum",
        "school-year",
        "region",
        False,
        "Seed 004: side-entry tracks of a regional programme.",
    ),
    (
        "substitute-days-covered",
        "Ingevulde vervangingsdagen",
        "Substitute days covered",
        "count",
        "higher-is-better",
        "sum",
        "quarter",
        "region",
        False,
        "Seed 004: a shared substitution pool.",
    ),
    (
        "programme-participants",
        "Deelnemers aan een initiatief",
        "Participants in an initiative",
        "count",
        "higher-is-better",
        "sum",
        "school-year",
        "region",
        False,
        "Seed 004: training and courses in the region.",
    ),
]


# Plain descriptions (B1) shown with each indicator: what it counts and where it comes from.
DESCRIPTIONS: dict[str, tuple[str, str]] = {
    "parent-contacts": (
        "Hoe vaak de school en sleutelpersonen contact hadden met ouders: gesprekken, telefoontjes, "
        "huisbezoeken. Vul het aantal per maand in.",
        "How often the school and key persons were in contact with parents: talks, calls, home "
        "visits. Enter the number per month.",
    ),
    "parent-evening-attendance": (
        "Welk deel van de uitgenodigde ouders naar de ouderavonden kwam, in procenten per schooljaar.",
        "The share of invited parents who came to parent evenings, as a percentage per school year.",
    ),
    "parents-in-school": (
        "Hoeveel ouders de school binnenkwamen voor een activiteit, een gesprek of om te helpen.",
        "How many parents came into the school for an activity, a talk or to help.",
    ),
    "culture-sensitive-team": (
        "Hoe het team zijn eigen cultuursensitiviteit beoordeelt, van 1 (laag) tot 5 (hoog).",
        "How the team rates its own cultural sensitivity, from 1 (low) to 5 (high).",
    ),
    "mutual-respect": (
        "Hoe ouders en school het wederzijds respect beoordelen, van 1 (laag) tot 5 (hoog), "
        "bijvoorbeeld uit een tevredenheidsonderzoek.",
        "How parents and school rate mutual respect, from 1 (low) to 5 (high), for example from a "
        "satisfaction survey.",
    ),
    "key-person-activities": (
        "Het aantal activiteiten in het activiteitenlogboek van de sleutelpersonen. Berekend, niet ingevuld.",
        "The number of activities in the key persons' activity log. Calculated, not entered.",
    ),
    "parents-reached": (
        "Het aantal ouders dat de sleutelpersonen bereikten, opgeteld uit het activiteitenlogboek.",
        "The number of parents the key persons reached, added up from the activity log.",
    ),
    "active-partnerships": (
        "Het aantal actieve samenwerkingen van de school nu. Spil bewaart geen geschiedenis hiervan: "
        "alleen het huidige kwartaal heeft een waarde.",
        "The number of the school's active partnerships now. Spil keeps no history of this: only "
        "the current quarter has a value.",
    ),
    "partnerships-two-contacts": (
        "Welk deel van de lopende samenwerkingen twee of meer interne contactpersonen heeft, zodat "
        "het contact niet op één persoon rust. Alleen het huidige kwartaal. Voor een bestuur of regio "
        "berekend uit de aantallen van alle scholen samen, niet als gemiddelde van hun percentages.",
        "The share of ongoing partnerships with two or more internal contacts, so that the contact "
        "does not rest on one person. Current quarter only. For a board or region computed from the "
        "counts of all its schools together, not as the mean of their percentages.",
    ),
    "workload-collaboration": (
        "Hoeveel werkdruk het team ervaart door de samenwerking met partners, van 1 (weinig) tot 5 "
        "(veel). Lager is beter.",
        "How much workload the team feels from working with partners, from 1 (little) to 5 (a "
        "lot). Lower is better.",
    ),
    "partner-contact-turnover": (
        "Hoe vaak een partner een nieuwe contactpersoon voor de school kreeg. Lager is beter.",
        "How often a partner gave the school a new contact person. Lower is better.",
    ),
    "hours-for-partnerships": (
        "Hoeveel uur het team per schooljaar aan samenwerking en afstemming besteedde.",
        "How many hours the team spent on partnerships and coordination per school year.",
    ),
    "confidential-cases": (
        "Het aantal nieuwe zaken bij de vertrouwenspersoon, uit het register. Alleen de "
        "vertrouwenspersoon ziet precieze kleine aantallen; anderen zien '<5'.",
        "The number of new cases of the confidential counsellor, from the register. Only the "
        "counsellor sees exact small numbers; others see '<5'.",
    ),
    "complaints-received": (
        "Het aantal formele klachten dat de school of het bestuur ontving.",
        "The number of formal complaints the school or board received.",
    ),
    "job-agreement-jobs": (
        "Het aantal banen in het kader van de banenafspraak, berekend uit de plaatsingen: uren per week "
        "gedeeld door 25,5, naar rato van de dagen in de maand dat een plaatsing liep en meetelde.",
        "The number of job-agreement jobs, computed from the placements: hours a week divided by 25.5, "
        "pro rata for the days of the month a placement ran and counted.",
    ),
    "open-gaps-error": (
        "Het aantal urgente knelpunten nu, zoals een wettelijke rol die niemand heeft of een partner "
        "zonder intern contactpunt. Alleen de huidige maand. Lager is beter.",
        "The number of urgent gaps now, such as a statutory role nobody holds or a partner without "
        "an internal contact. Current month only. Lower is better.",
    ),
    "open-gaps-warning": (
        "Het aantal waarschuwingen nu, zoals contact dat op één persoon rust of een afspraak die "
        "binnenkort afloopt. Alleen de huidige maand. Lager is beter.",
        "The number of warnings now, such as a contact that rests on one person or an agreement that "
        "ends soon. Current month only. Lower is better.",
    ),
    "allowance-headroom": (
        "Hoeveel de sleutelpersonen met een vergoeding dit kalenderjaar nog mogen ontvangen onder het "
        "jaarmaximum van de Belastingdienst, aan het eind van elke maand. Een sleutelpersoon telt "
        "één keer mee, bij de eerste school van de overeenkomst.",
        "How much the key persons with an allowance may still receive this calendar year under the "
        "tax authority's yearly maximum, at the end of each month. A key person counts once, at "
        "the first school of the agreement.",
    ),
    "side-entrants-started": (
        "Hoeveel zij-instromers per schooljaar begonnen, per bestuur; opgeteld over de besturen die "
        "meedoen aan het initiatief.",
        "How many side-entrants started per school year, per board; added up over the boards taking "
        "part in the initiative.",
    ),
    "substitute-days-covered": (
        "Hoeveel dagen vervanging een gezamenlijke pool per kwartaal invulde, per bestuur.",
        "How many days of substitution a shared pool covered per quarter, per board.",
    ),
    "programme-participants": (
        "Hoeveel medewerkers per schooljaar deelnamen aan een opleiding of traject van het programma.",
        "How many staff took part in a course or track of the programme per school year.",
    ),
}
