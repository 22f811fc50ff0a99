"""The Dutch of the problem texts that services write in English (issue 16: "Dutch all the way").

Services raise problems with one English sentence (``conflict("The school 06XY is already ...")``).
Here each such sentence is a *template* (``"The school {code} is already ..."``) with its Dutch
(``"School {code} staat al ..."``); an answer in Dutch looks the text up, fills the Dutch template
with the values it carried, and so the services stay in one language while the caller reads its own.

- ``{name}`` matches any value and is copied as it is (an id, a code, a date, a name).
- ``{name:noun}`` matches only an English noun of :data:`NOUNS` (``not_found("confidential case")``,
  a scope type, a record kind); the Dutch template then says how it wants the noun:
  ``{name:de}``/``{name:De}`` (with its article), ``{name:deze}``/``{name:Deze}`` (``deze school``,
  ``dit dossier``), ``{name:een}`` or ``{name:}`` (the bare noun).
- ``{name:nouns}`` matches nouns joined by " or " (``board or region``), each formatted as above.
- ``{name:euro}`` and ``{name:month}`` match any value and write an amount (``€2,100.00`` becomes
  ``€ 2.100,00``) or the English names of months (``March 2026``: ``maart 2026``) the Dutch way.
- ``{name:text}`` matches English text that is itself made of catalogue sentences joined by
  " and " (the limits a payment would cross); it is translated piece by piece.

A text made of several sentences (the default ``detail`` of :func:`spil.kit.errors.invalid` joins
the reasons) is translated sentence by sentence. The test ``test_problem_texts`` scans the code for
every English text and fails, naming the file and line, when one has no Dutch here.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spil.kit.messages import Language

# English noun (as the code says it) -> (article, Dutch noun)
NOUNS: dict[str, tuple[str, str]] = {
    "API client": ("de", "API-client"),
    "action": ("de", "actie"),
    "activity": ("de", "activiteit"),
    "allowance payment": ("de", "vergoedingsbetaling"),
    "allowance rule set": ("de", "set vergoedingsregels"),
    "board": ("het", "bestuur"),
    "bottleneck": ("het", "knelpunt"),
    "complaint route": ("de", "klachtenroute"),
    "confidential case": ("het", "vertrouwensdossier"),
    "confidential case register": ("het", "register van vertrouwensdossiers"),
    "confidential case report": ("de", "rapportage van vertrouwensdossiers"),
    "default route": ("de", "standaardroute"),
    "external body": ("de", "externe instantie"),
    "inclusion track": ("het", "inclusietraject"),
    "indicator": ("de", "indicator"),
    "initiative": ("het", "initiatief"),
    "labour-market region": ("de", "arbeidsmarktregio"),
    "listing": ("de", "vermelding"),
    "measurement": ("de", "meting"),
    "month": ("de", "maand"),
    "member": ("het", "lid"),
    "membership": ("het", "lidmaatschap"),
    "municipality": ("de", "gemeente"),
    "participating board": ("het", "deelnemende bestuur"),
    "partner": ("de", "partner"),
    "partnership": ("de", "samenwerking"),
    "person": ("de", "persoon"),
    "placement": ("de", "plaatsing"),
    "programme admin": ("de", "programmabeheerder"),
    "programme line": ("de", "programmalijn"),
    "quota": ("het", "quotum"),
    "quarter": ("het", "kwartaal"),
    "record": ("het", "gegeven"),
    "region": ("de", "regio"),
    "regional programme": ("het", "regionale programma"),
    "result": ("het", "resultaat"),
    "role assignment": ("de", "roltoewijzing"),
    "role mapping": ("de", "rolkoppeling"),
    "role type": ("het", "roltype"),
    "school": ("de", "school"),
    "school comparison": ("de", "schoolvergelijking"),
    "school-year": ("het", "schooljaar"),
    "sync run": ("de", "synchronisatie"),
    "user": ("de", "gebruiker"),
    "volunteer agreement": ("de", "vrijwilligersovereenkomst"),
}

# English template -> Dutch template
CATALOGUE: dict[str, str] = {
    # accounts, two-factor login and reminders (issue 17)
    "Administrators need two-factor login; it cannot be switched off.": (
        "Beheerders hebben inloggen in twee stappen nodig; het kan niet uit."
    ),
    "Enter the code from your authenticator app.": "Vul de code uit uw authenticator-app in.",
    "Set up two-factor login first: your role requires it.": (
        "Stel eerst inloggen in twee stappen in: uw rol vraagt daarom."
    ),
    "Start the set-up first.": "Begin eerst met het instellen.",
    "The code is not right.": "De code klopt niet.",
    "This code is not right.": "Deze code klopt niet.",
    "Check the time on your phone.": "Kijk of de tijd op uw telefoon goed staat.",
    "This colleague has already set a password; there is no open invitation.": (
        "Deze collega heeft al een wachtwoord ingesteld; er staat geen uitnodiging open."
    ),
    "This link is no longer valid.": "Deze link is niet meer geldig.",
    "This link has been used or has expired.": "Deze link is al gebruikt of verlopen.",
    "Ask for a new one.": "Vraag een nieuwe aan.",
    "This link is not valid.": "Deze link is niet geldig.",
    "This unsubscribe link is not valid.": "Deze afmeldlink is niet geldig.",
    "Change your reminders in your settings.": "Wijzig uw herinneringen bij uw instellingen.",
    "Too many requests for a new password.": "Te veel aanvragen voor een nieuw wachtwoord.",
    "Wait a while and try again.": "Wacht even en probeer het opnieuw.",
    "Two-factor login is already on.": "Inloggen in twee stappen staat al aan.",
    "Switch it off first to use another app.": "Zet het eerst uit om een andere app te gebruiken.",
    "Use a recovery code, or ask another administrator to reset yours.": (
        "Gebruik een herstelcode, of vraag een andere beheerder om de uwe opnieuw in te stellen."
    ),
    # --- not found, no such reference ------------------------------------------------------------
    "The {what:noun} does not exist or is outside your scope.": (
        "{what:Deze} bestaat niet of valt buiten wat u mag zien."
    ),
    "The indicator for this scope does not exist or is outside your scope.": (
        "Deze indicator bestaat hier niet of valt buiten wat u mag zien."
    ),
    "The quota of that year does not exist or is outside your scope.": (
        "Het quotum van dat jaar bestaat niet of valt buiten wat u mag zien."
    ),
    "There is no resource at this path.": "Op dit adres is niets te vinden.",
    "Method Not Allowed": "Deze HTTP-methode kan op dit adres niet.",  # the framework's own 405
    "There is no {what:noun} with id {id}.": "Er is geen {what:} met id {id}.",
    "There is no {what:noun} with id {id} that you administer.": (
        "Er is geen {what:} met id {id} die u beheert."
    ),
    "There is no {what:noun} with id {id} in your scope.": (
        "Er is geen {what:} met id {id} binnen wat u mag zien."
    ),
    "There is no {what:noun} with id {id} in this board.": "Er is geen {what:} met id {id} in dit bestuur.",
    "There is no school with id {id} in the key person's board and your scope.": (
        "Er is geen school met id {id} in het bestuur van de sleutelpersoon en binnen wat u mag zien."
    ),
    "There is no agreement with id {id} in your scope.": (
        "Er is geen overeenkomst met id {id} binnen wat u mag zien."
    ),
    "There is no role assignment with id {id} at a school in your scope.": (
        "Er is geen roltoewijzing met id {id} op een school binnen wat u mag zien."
    ),
    "There is no active account with id {id} at a member board.": (
        "Er is geen actief account met id {id} bij een deelnemend bestuur."
    ),
    "There is no labour-market region with that id.": "Er is geen arbeidsmarktregio met dat id.",
    "There is no partnership with that id in this person's board.": (
        "Er is geen samenwerking met dat id in het bestuur van deze persoon."
    ),
    "There is no school with that id in this person's board.": (
        "Er is geen school met dat id in het bestuur van deze persoon."
    ),
    "There is no school with this code.": "Er is geen school met deze code.",
    "There is no such line in this programme.": "Deze lijn bestaat niet in dit programma.",
    "There is no entered built-in indicator '{code}'.": "Er is geen ingevoerde standaardindicator '{code}'.",
    "There is no external body '{code}'.": "Er is geen externe instantie '{code}'.",
    "There is no indicator '{code}'.": "Er is geen indicator '{code}'.",
    "Give a school year such as 2026-2027, between 2000 and 2100.": (
        "Kies een schooljaar, zoals 2026-2027, tussen 2000 en 2100."
    ),
    "Give a school year such as 2026-2027 or a calendar year such as 2027, between 2000 and 2100.": (
        "Kies een schooljaar, zoals 2026-2027, of een kalenderjaar, zoals 2027, tussen 2000 en 2100."
    ),
    "There is no partner category '{code}'.": "Er is geen partnercategorie '{code}'.",
    "There is no role type '{code}'.": "Er is geen roltype '{code}'.",
    "Unknown partner category '{code}'.": "Onbekende partnercategorie '{code}'.",
    "Unknown role type '{code}'.": "Onbekend roltype '{code}'.",
    "Unknown id.": "Dit id kent Spil niet.",
    "Unknown record type(s): {unknown}. Known: {known}.": (
        "Onbekend soort gegeven: {unknown}. Spil kent: {known}."
    ),
    "No person with source id {id} from {source}.": "Geen persoon met bron-id {id} uit {source}.",
    "{who} is not among this snapshot's people.": "{who} staat niet bij de personen van deze levering.",
    "{code} is not a current municipality.": "{code} is geen bestaande gemeente meer.",
    "{code} is not a municipality code (CBS).": "{code} is geen gemeentecode (CBS).",
    "{name} ended on {date}.": "{name} bestaat niet meer sinds {date}.",
    "{name} ended on {date}. Use its successor {successor} ({code}).": (
        "{name} bestaat niet meer sinds {date}. Gebruik de opvolger {successor} ({code})."
    ),
    "{school} is not a school of this board.": "{school} is geen school van dit bestuur.",
    "'{code}' is not an actor of the routes.": "'{code}' komt niet voor in de routes.",
    "The partner must be in the lead board's registry.": (
        "De partner moet in het register van het penvoerende bestuur staan."
    ),
    "The contact must be a person of that board.": "De contactpersoon moet iemand van dat bestuur zijn.",
    "Not a cursor of this feed.": "Dit is geen cursor van deze feed.",
    # --- duplicates ------------------------------------------------------------------------------
    "There already is a {what:noun} with {field} '{value}'.": "Er is al {what:een} met {field} '{value}'.",
    "There already is an {what:noun} with {field} '{value}'.": "Er is al {what:een} met {field} '{value}'.",
    "Already in use.": "Dit is al in gebruik.",
    "The category code '{code}' already exists.": "De categoriecode '{code}' bestaat al.",
    "The indicator code '{code}' already exists.": "De indicatorcode '{code}' bestaat al.",
    "The role type code '{code}' already exists.": "De roltypecode '{code}' bestaat al.",
    "The key '{key}' is used twice.": "De sleutel '{key}' komt twee keer voor.",
    "The bottleneck '{name}' is named already; edit its notes.": (
        "Het knelpunt '{name}' staat er al; pas de toelichting daarvan aan."
    ),
    "The programme has the line '{name}' already.": "Het programma heeft de lijn '{name}' al.",
    "'{name}' is mapped already; remove that mapping first.": (
        "'{name}' is al gekoppeld; verwijder eerst die koppeling."
    ),
    "The board has a partner with KvK number {kvk} already: {partner}.": (
        "Het bestuur heeft al een partner met KvK-nummer {kvk}: {partner}."
    ),
    "Someone in this board already has the e-mail address {email}.": (
        "Iemand in dit bestuur heeft het e-mailadres {email} al."
    ),
    "Someone else in this board already has the e-mail address {email}.": (
        "Iemand anders in dit bestuur heeft het e-mailadres {email} al."
    ),
    "A payment for {month} is already recorded; correct that one instead.": (
        "Er is al een betaling voor {month} vastgelegd; verbeter die."
    ),
    "A region of this kind with the code {code} exists already.": (
        "Er is al een regio van deze soort met de code {code}."
    ),
    "A value for this indicator, scope and period exists already (measurement {id}); change it with "
    "PATCH and If-Match instead.": (
        "Er is al een waarde voor deze indicator, dit bereik en deze periode (meting {id}); wijzig die "
        "met PATCH en If-Match."
    ),
    "Already measured (measurement {id}).": "Al gemeten (meting {id}).",
    "Already measured.": "Al gemeten.",
    "The same indicator, scope and period occur twice.": (
        "Dezelfde indicator, hetzelfde bereik en dezelfde periode komen twee keer voor."
    ),
    "There already are rules for {year}; correct them instead.": (
        "Er zijn al regels voor {year}; verbeter die."
    ),
    "This board has a figure for that period already; change it instead.": (
        "Dit bestuur heeft al een cijfer voor die periode; wijzig dat."
    ),
    "This school already has its own version of this route; change that one.": (
        "Deze school heeft al een eigen versie van deze route; wijzig die."
    ),
    "The board is (or was) a member already; change its dates instead.": (
        "Het bestuur is (of was) al lid; wijzig de datums."
    ),
    "The user already has this role there.": "De gebruiker heeft deze rol daar al.",
    "This account keeps the programme already.": "Dit account beheert het programma al.",
    "This role is already listed.": "Deze rol staat er al.",
    "This assignment is sent twice.": "Deze toewijzing is twee keer gestuurd.",
    "{what} is sent twice.": "{what} is twee keer gestuurd.",
    "{what} is listed twice.": "{what} staat er twee keer in.",
    "The board is named twice.": "Het bestuur staat er twee keer in.",
    "names a year more than once": "Een jaar staat er meer dan één keer in.",
    # --- conflicts, things in the way ----------------------------------------------------------
    "The change conflicts with existing data (a duplicate, or a record still in use).": (
        "De wijziging botst met gegevens die er al zijn (een dubbel gegeven, of een gegeven dat nog "
        "in gebruik is)."
    ),
    "The record was changed by someone else while you were editing it. Reload it and try again.": (
        "Iemand anders heeft dit gegeven gewijzigd terwijl u het bewerkte. Laad het opnieuw en "
        "probeer het nog eens."
    ),
    "The record was changed by someone else since you loaded it. Reload it, then apply your change again.": (
        "Iemand anders heeft dit gegeven gewijzigd nadat u het opende. Laad het opnieuw en breng uw "
        "wijziging dan nog eens aan."
    ),
    "Send the ETag of the version you edited as If-Match (read the record first), so that nobody's "
    "change is overwritten unseen.": (
        "Stuur de ETag van de versie die u bewerkte mee als If-Match (lees het gegeven eerst), zodat "
        "niemands wijziging ongezien wordt overschreven."
    ),
    "The record's ETag.": "De ETag van het gegeven.",
    "This Idempotency-Key was already used for a different request. Use a new key.": (
        "Deze Idempotency-Key is al gebruikt voor een andere aanvraag. Gebruik een nieuwe sleutel."
    ),
    "A request with this Idempotency-Key is still being processed. Try again in a moment.": (
        "Een aanvraag met deze Idempotency-Key wordt nog verwerkt. Probeer het zo meteen opnieuw."
    ),
    "Idempotency-Key must be 1 to 255 visible ASCII characters.": (
        "De Idempotency-Key moet 1 tot 255 zichtbare ASCII-tekens hebben."
    ),
    "Invalid key.": "Deze sleutel klopt niet.",
    "Another run of this source for this board is still busy. Try again in a minute.": (
        "Een andere synchronisatie van deze bron voor dit bestuur is nog bezig. Probeer het over een "
        "minuut opnieuw."
    ),
    "This person's data was erased already.": "De gegevens van deze persoon zijn al gewist.",
    "This person's data was erased in Spil; it is not synced again.": (
        "De gegevens van deze persoon zijn in Spil gewist; ze worden niet opnieuw gesynchroniseerd."
    ),
    "This person's data was erased; register them anew if they come back.": (
        "De gegevens van deze persoon zijn gewist; registreer de persoon opnieuw als die terugkomt."
    ),
    "This person's data was erased; register them anew.": (
        "De gegevens van deze persoon zijn gewist; registreer de persoon opnieuw."
    ),
    "{name} is the {role}, a role the law requires. Hand the role over or end it first, then erase "
    "the person.": (
        "{name} is {role}, een rol die de wet verplicht. Draag de rol eerst over of beëindig hem, en "
        "wis de persoon daarna."
    ),
    "{name} is the {role} at {school}, a role the law requires. Hand the role over or end it first, "
    "then erase the person.": (
        "{name} is {role} bij {school}, een rol die de wet verplicht. Draag de rol eerst over of "
        "beëindig hem, en wis de persoon daarna."
    ),
    "{fields} come(s) from {source}: change it there; Spil takes it over at the next sync.": (
        "{fields} komt uit {source}: wijzig het daar; Spil neemt het bij de volgende synchronisatie over."
    ),
    "Kept in {source}.": "Wordt bijgehouden in {source}.",
    "{what} is registered to another board in Spil; it cannot be taken over by a sync.": (
        "{what} staat in Spil bij een ander bestuur; een synchronisatie kan het niet overnemen."
    ),
    "This assignment belongs to another person in Spil; send it with a new sourceId.": (
        "Deze toewijzing hoort in Spil bij een andere persoon; stuur haar met een nieuwe sourceId."
    ),
    "This snapshot would end {ended} of the {of} {collection} {source} made. Send "
    "confirmLargeRemoval=true if that is right.": (
        "Deze levering zou {ended} van de {of} {collection} beëindigen die {source} aanmaakte. Stuur "
        "confirmLargeRemoval=true als dat klopt."
    ),
    "Regional roles are assigned in Spil, not by a sync.": (
        "Regionale rollen worden in Spil toegewezen, niet door een synchronisatie."
    ),
    "'{title}' is not mapped to a role type; add a mapping for it (POST /sync-role-mappings) or send "
    "roleType.": (
        "'{title}' is niet aan een roltype gekoppeld; voeg een koppeling toe (POST /sync-role-mappings) "
        "of stuur roleType mee."
    ),
    "'{code}' is held at a school: give its location code.": (
        "'{code}' hoort bij een school: geef de vestigingscode."
    ),
    "'{code}' is held at board level: leave locationCode empty.": (
        "'{code}' hoort bij het bestuur: laat locationCode leeg."
    ),
    "Say which board this run is for.": "Zeg voor welk bestuur deze synchronisatie is.",
    "{count} problem(s) in the items; nothing was written.": (
        "{count} probleem/problemen in de onderdelen; er is niets opgeslagen."
    ),
    "{count} problem(s) in the items; nothing was written. Fix them, or send validOnly=true to apply "
    "the valid items.": (
        "{count} probleem/problemen in de onderdelen; er is niets opgeslagen. Los ze op, of stuur "
        "validOnly=true om de juiste onderdelen te verwerken."
    ),
    # deletion: what is in the way
    "The confidential counsellor's register still holds cases here; they are deleted at the end of "
    "their retention period.": (
        "Het register van de vertrouwenspersoon heeft hier nog dossiers; die worden gewist aan het "
        "eind van hun bewaartermijn."
    ),
    "Contacts are (or were) assigned to this partnership; set its status to 'ended' to keep the history.": (
        "Aan deze samenwerking zijn (of waren) contactpersonen gekoppeld; zet de status op 'ended' "
        "zodat de geschiedenis bewaard blijft."
    ),
    "The partner has {count} partnership(s). End them (status 'ended') or delete them first.": (
        "De partner heeft {count} samenwerking(en). Beëindig die eerst (status 'ended') of verwijder ze."
    ),
    "The school still has partnerships; end them (status 'ended') or move them first.": (
        "De school heeft nog samenwerkingen; beëindig die eerst (status 'ended') of verplaats ze."
    ),
    "The person is a board's contact for a programme initiative; name another contact first.": (
        "Deze persoon is contactpersoon van een bestuur voor een initiatief van een programma; wijs "
        "eerst een andere contactpersoon aan."
    ),
    "The role assignment is a placement's workplace mentor; give the placement another mentor first.": (
        "Deze roltoewijzing is werkbegeleider van een plaatsing; geef de plaatsing eerst een andere "
        "begeleider."
    ),
    "The board takes part in a programme's initiative.": (
        "Het bestuur doet mee aan een initiatief van een programma."
    ),
    "The board has results in a regional programme.": (
        "Het bestuur heeft resultaten in een regionaal programma."
    ),
    "The board is (or was) a member of a regional programme; its history is kept.": (
        "Het bestuur is (of was) lid van een regionaal programma; die geschiedenis blijft bewaard."
    ),
    "The board has an inclusion track; a board with a job-agreement history is not deleted.": (
        "Het bestuur heeft een inclusietraject; een bestuur met een geschiedenis in de banenafspraak "
        "wordt niet verwijderd."
    ),
    "The board has volunteer agreements; they keep the ledger.": (
        "Het bestuur heeft vrijwilligersovereenkomsten; die houden de administratie bij."
    ),
    "The board leads a regional programme; hand the lead over first.": (
        "Het bestuur is penvoerder van een regionaal programma; draag dat eerst over."
    ),
    "The board paid volunteer allowances; the ledger is kept.": (
        "Het bestuur heeft vrijwilligersvergoedingen betaald; die administratie blijft bewaard."
    ),
    "The board still has {count} school(s); delete or move them first.": (
        "Het bestuur heeft nog {count} school/scholen; verwijder of verplaats die eerst."
    ),
    "The board still has partners in its register; remove them first.": (
        "Het bestuur heeft nog partners in zijn register; verwijder die eerst."
    ),
    "The board still has partnerships; end them first.": (
        "Het bestuur heeft nog samenwerkingen; beëindig die eerst."
    ),
    "The board still has people in its register; remove them or move them first.": (
        "Het bestuur heeft nog personen in zijn register; verwijder of verplaats die eerst."
    ),
    "The board's own staff name its contact.": (
        "De eigen medewerkers van het bestuur wijzen de contactpersoon aan."
    ),
    "The board's schools publish key persons.": "De scholen van het bestuur publiceren sleutelpersonen.",
    "API keys are bound to this municipality; remove them first.": (
        "Er zijn API-sleutels aan deze gemeente gebonden; verwijder die eerst."
    ),
    "API keys are bound to this region; revoke and remove them first.": (
        "Er zijn API-sleutels aan deze regio gebonden; trek ze eerst in en verwijder ze."
    ),
    "Accounts have a role in this municipality; remove those roles first.": (
        "Er zijn accounts met een rol in deze gemeente; verwijder eerst die rollen."
    ),
    "Accounts have a role in this region; remove those roles first.": (
        "Er zijn accounts met een rol in deze regio; verwijder eerst die rollen."
    ),
    "Allowances were paid to this person; the ledger is kept.": (
        "Aan deze persoon zijn vergoedingen betaald; die administratie blijft bewaard."
    ),
    "Boards or schools are located in this municipality; move them first.": (
        "Er liggen besturen of scholen in deze gemeente; verplaats die eerst."
    ),
    "Partners are located in this municipality; move them first.": (
        "Er liggen partners in deze gemeente; verplaats die eerst."
    ),
    "A regional programme covers this region; change its region first.": (
        "Een regionaal programma loopt in deze regio; wijzig eerst de regio van dat programma."
    ),
    "Indicator targets were set for this board.": (
        "Voor dit bestuur zijn streefwaarden van indicatoren vastgelegd."
    ),
    "Indicator targets were set for this school.": (
        "Voor deze school zijn streefwaarden van indicatoren vastgelegd."
    ),
    "Indicator values were recorded for this board; they keep its history.": (
        "Voor dit bestuur zijn waarden van indicatoren vastgelegd; die houden de geschiedenis bij."
    ),
    "Indicator values were recorded for this school; they keep its history.": (
        "Voor deze school zijn waarden van indicatoren vastgelegd; die houden de geschiedenis bij."
    ),
    "Job-agreement placements were recorded at this board; they count in its history.": (
        "Bij dit bestuur zijn plaatsingen in de banenafspraak vastgelegd; die tellen mee in de geschiedenis."
    ),
    "Job-agreement placements were recorded at this school; move or remove them first.": (
        "Bij deze school zijn plaatsingen in de banenafspraak vastgelegd; verplaats of verwijder die eerst."
    ),
    "Key persons have volunteer agreements at this school; end them or move them first.": (
        "Sleutelpersonen hebben vrijwilligersovereenkomsten bij deze school; beëindig of verplaats die eerst."
    ),
    "Key-person activities were logged at this board.": (
        "Bij dit bestuur zijn activiteiten van sleutelpersonen vastgelegd."
    ),
    "Key-person activities were logged at this school.": (
        "Bij deze school zijn activiteiten van sleutelpersonen vastgelegd."
    ),
    "Payments were recorded on this agreement; end it (endsOn) instead, so the ledger is kept.": (
        "Op deze overeenkomst zijn betalingen vastgelegd; beëindig haar (endsOn), zodat de "
        "administratie bewaard blijft."
    ),
    "People hold (or held) this role; it cannot be removed.": (
        "Er zijn (of waren) mensen met deze rol; hij kan niet worden verwijderd."
    ),
    "Placements were recorded on this track; complete it (phase `completed`) instead, so the jobs "
    "realised stay counted.": (
        "Op dit traject zijn plaatsingen vastgelegd; rond het af (fase `completed`), zodat de "
        "gerealiseerde banen blijven meetellen."
    ),
    "Programme results were recorded for this indicator.": (
        "Voor deze indicator zijn resultaten van programma's vastgelegd."
    ),
    "Roles are (or were) assigned at this board; they keep its history.": (
        "Bij dit bestuur zijn (of waren) rollen toegewezen; die houden de geschiedenis bij."
    ),
    "Roles are (or were) assigned at this school; end them or move them to another school first.": (
        "Bij deze school zijn (of waren) rollen toegewezen; beëindig die eerst of verplaats ze naar "
        "een andere school."
    ),
    "Roles are (or were) assigned in this region.": "In deze regio zijn (of waren) rollen toegewezen.",
    "The initiative has results; end it (status `ended` with the reason) instead.": (
        "Het initiatief heeft resultaten; beëindig het (status `ended`, met de reden)."
    ),
    "The line has initiatives; move or remove them first.": (
        "De lijn heeft initiatieven; verplaats of verwijder die eerst."
    ),
    "The programme has results; set its end date instead, so its history is kept.": (
        "Het programma heeft resultaten; geef het een einddatum, zodat de geschiedenis bewaard blijft."
    ),
    "The programme has shared partnerships; end or remove them first.": (
        "Het programma heeft gedeelde samenwerkingen; beëindig of verwijder die eerst."
    ),
    "The person is named in an inclusion action plan; assign those actions to someone else first.": (
        "Deze persoon staat in een actieplan voor inclusie; wijs die acties eerst aan iemand anders toe."
    ),
    "The role assignment is named in an inclusion action plan; assign those actions to someone else.": (
        "Deze roltoewijzing staat in een actieplan voor inclusie; wijs die acties aan iemand anders toe."
    ),
    "The school publishes key persons or contact points; remove them first.": (
        "De school publiceert sleutelpersonen of aanspreekpunten; verwijder die eerst."
    ),
    "The labour-market regions are shipped with Spil and cannot be deleted.": (
        "De arbeidsmarktregio's horen bij Spil en kunnen niet worden verwijderd."
    ),
    "The shipped default routes cannot be removed.": (
        "De standaardroutes die bij Spil horen, kunnen niet worden verwijderd."
    ),
    "Built-in role types cannot be removed.": "Standaardroltypen kunnen niet worden verwijderd.",
    "This person has a volunteer agreement; end the agreement instead, so the ledger is kept.": (
        "Deze persoon heeft een vrijwilligersovereenkomst; beëindig de overeenkomst, zodat de "
        "administratie bewaard blijft."
    ),
    "This person holds or held roles; end the roles instead, so the history is kept.": (
        "Deze persoon heeft (of had) rollen; beëindig de rollen, zodat de geschiedenis bewaard blijft."
    ),
    "This person took part in key-person activities; the activity log keeps them.": (
        "Deze persoon deed mee aan activiteiten van sleutelpersonen; het activiteitenlogboek bewaart die."
    ),
    "The step '{key}' is statutory and cannot be removed: {text}": (
        "De stap '{key}' is wettelijk verplicht en kan niet worden verwijderd: {text}"
    ),
    "'{key}' is statutory ({why}); its kind and actor cannot change, only its wording.": (
        "'{key}' is wettelijk verplicht ({why}); soort en uitvoerder kunnen niet veranderen, alleen de tekst."
    ),
    # --- who may do what -------------------------------------------------------------------------
    "You may read this record but not change it.": "U mag dit gegeven lezen, maar niet wijzigen.",
    "Your role does not allow this change here. Ask a board administrator.": (
        "Uw rol laat deze wijziging hier niet toe. Vraag het een bestuursbeheerder."
    ),
    "Your role does not allow changes to this board's registers.": (
        "Uw rol laat geen wijzigingen in de registers van dit bestuur toe."
    ),
    "Your role does not allow entering this board's figures.": (
        "Uw rol laat niet toe dat u cijfers van dit bestuur invoert."
    ),
    "This API key lacks the scope '{scope}'.": "Deze API-sleutel mist de scope '{scope}'.",
    "Only a platform administrator may do this.": "Alleen een platformbeheerder mag dit doen.",
    "Only platform and board administrators manage users.": (
        "Alleen platformbeheerders en bestuursbeheerders beheren gebruikers."
    ),
    "Only read scopes.": "Alleen scopes om te lezen.",
    "Only the board's administrators and the key person's contact point may record a benefit type.": (
        "Alleen de beheerders van het bestuur en het aanspreekpunt van de sleutelpersoon mogen een "
        "soort uitkering vastleggen."
    ),
    "Only the board's administrators and the school's administrators keep placements.": (
        "Alleen de beheerders van het bestuur en van de school houden plaatsingen bij."
    ),
    "Only the board's administrators keep its inclusion track.": (
        "Alleen de beheerders van het bestuur houden het inclusietraject bij."
    ),
    "Only the board's administrators record an employee's name.": (
        "Alleen de beheerders van het bestuur leggen de naam van een medewerker vast."
    ),
    "Only the lead board's administrators start a programme.": (
        "Alleen de beheerders van het penvoerende bestuur starten een programma."
    ),
    "Only the platform administrator and the region's contacts keep its employer service point.": (
        "Alleen de platformbeheerder en de contactpersonen van de regio houden het werkgeversservicepunt bij."
    ),
    "Only the programme's admins and the lead board's administrators keep the programme.": (
        "Alleen de programmabeheerders en de beheerders van het penvoerende bestuur houden het programma bij."
    ),
    "Only key persons, their contact points and the people on the complaint routes are listed "
    "publicly; this is a '{role}'.": (
        "Alleen sleutelpersonen, hun aanspreekpunten en de mensen op de klachtenroutes worden "
        "openbaar vermeld; dit is een '{role}'."
    ),
    "Only a board taking part in the initiative has figures for it.": (
        "Alleen een bestuur dat meedoet aan het initiatief heeft er cijfers voor."
    ),
    "Only current member boards take part.": "Alleen besturen die nu lid zijn, doen mee.",
    "A shared partnership is kept in the lead board's registry, by its staff.": (
        "Een gedeelde samenwerking staat in het register van het penvoerende bestuur en wordt door de "
        "medewerkers daarvan bijgehouden."
    ),
    "A board joins a programme by its own administrator; ask them, or the platform administrator.": (
        "Een bestuur wordt lid van een programma via de eigen beheerder; vraag het die, of de "
        "platformbeheerder."
    ),
    "Accounts and API keys are managed by people, not by API clients.": (
        "Accounts en API-sleutels worden door mensen beheerd, niet door API-clients."
    ),
    "A client bound to a region or municipality can only read.": (
        "Een client die aan een regio of gemeente gebonden is, kan alleen lezen."
    ),
    "This account also has roles outside the boards you administer; ask a platform administrator to "
    "change it.": (
        "Dit account heeft ook rollen buiten de besturen die u beheert; vraag een platformbeheerder "
        "het te wijzigen."
    ),
    "This e-mail address cannot be used for a new account. If the colleague already has a Spil "
    "account, ask a platform administrator to give it a role in your board.": (
        "Dit e-mailadres kan niet voor een nieuw account worden gebruikt. Heeft de collega al een "
        "Spil-account, vraag dan een platformbeheerder het een rol in uw bestuur te geven."
    ),
    "Give the new user at least one role in your board.": (
        "Geef de nieuwe gebruiker minstens één rol in uw bestuur."
    ),
    "You cannot deactivate your own account.": "U kunt uw eigen account niet uitzetten.",
    "You are not the confidential counsellor there.": "U bent daar niet de vertrouwenspersoon.",
    "Counsellors only.": "Alleen voor vertrouwenspersonen.",
    "Counts per school are for the confidential counsellors; you see your scope as a whole.": (
        "Aantallen per school zijn voor de vertrouwenspersonen; u ziet het geheel van wat u mag zien."
    ),
    "Not allowed.": "Dit mag niet.",
    "Wrong level.": "Verkeerd niveau.",
    "The role '{role}' is given at {allowed:nouns} level, not at {level:noun} level.": (
        "De rol '{role}' hoort bij {allowed:een}, niet bij {level:een}."
    ),
    "The role '{role}' is held at {held:noun} level; this assignment is at {at:noun} level.": (
        "De rol '{role}' hoort bij {held:een}; deze toewijzing is bij {at:een}."
    ),
    "Role assignment {id} is a '{role}', not a '{expected}'.": (
        "Roltoewijzing {id} is een '{role}', geen '{expected}'."
    ),
    # --- login, tokens, sessions ------------------------------------------------------------------
    "Log in first, or send an API key or access token.": (
        "Log eerst in, of stuur een API-sleutel of toegangstoken mee."
    ),
    "Your session has ended. Log in again.": "Uw sessie is afgelopen. Log opnieuw in.",
    "The e-mail address or password is wrong.": "Het e-mailadres of het wachtwoord klopt niet.",
    "This is not your current password.": "Dit is niet uw huidige wachtwoord.",
    "The X-CSRF-Token header is missing or wrong. Reload the page.": (
        "De X-CSRF-Token-header ontbreekt of klopt niet. Laad de pagina opnieuw."
    ),
    "The API key is unknown or revoked.": "Deze API-sleutel is onbekend of ingetrokken.",
    "The API client of this access token is revoked.": "De API-client van dit toegangstoken is ingetrokken.",
    "The access token has expired. Ask for a new one.": (
        "Het toegangstoken is verlopen. Vraag een nieuw token aan."
    ),
    "The access token is malformed or was not issued here.": (
        "Het toegangstoken is ongeldig of is niet hier uitgegeven."
    ),
    "The access token is not valid for this API.": "Het toegangstoken geldt niet voor deze API.",
    "This is not an access token of this API.": "Dit is geen toegangstoken van deze API.",
    "Use 'Authorization: Bearer <api key or access token>'.": (
        "Gebruik 'Authorization: Bearer <API-sleutel of toegangstoken>'."
    ),
    "Too many attempts. Wait a minute and try again.": (
        "Te veel pogingen. Wacht een minuut en probeer het opnieuw."
    ),
    "Too many login attempts. Wait a minute and try again.": (
        "Te veel pogingen om in te loggen. Wacht een minuut en probeer het opnieuw."
    ),
    "Too many requests; try again in a minute.": "Te veel aanvragen; probeer het over een minuut opnieuw.",
    "Too many token requests. Wait a minute and try again.": (
        "Te veel aanvragen voor een token. Wacht een minuut en probeer het opnieuw."
    ),
    # --- the server -------------------------------------------------------------------------------
    "Something went wrong on our side. It has been logged.": ("Er ging bij ons iets mis. Dat is vastgelegd."),
    "The database does not answer.": "De database antwoordt niet.",
    "The database is not available at the moment. Nothing was changed; try again shortly.": (
        "De database is nu niet bereikbaar. Er is niets gewijzigd; probeer het zo opnieuw."
    ),
    "The SPA is not built. Run `make run` (or `npm --prefix frontend run build`).": (
        "De SPA is niet gebouwd. Voer `make run` uit (of `npm --prefix frontend run build`)."
    ),
    "The request body did not arrive in time: each part must follow within {seconds} seconds. Send "
    "the request again.": (
        "De inhoud van de aanvraag kwam niet op tijd binnen: elk deel moet binnen {seconds} seconden "
        "volgen. Stuur de aanvraag opnieuw."
    ),
    "The request holds a value the database cannot store (too long, too large, or a character it refuses).": (
        "De aanvraag bevat een waarde die de database niet kan opslaan (te lang, te groot, of een "
        "teken dat de database weigert)."
    ),
    "The query string contains a NUL character.": "De querystring bevat een NUL-teken.",
    "Contains a NUL character.": "Bevat een NUL-teken.",
    "The body is not valid JSON.": "De inhoud is geen geldige JSON.",
    "Send a JSON object.": "Stuur een JSON-object.",
    # --- files ------------------------------------------------------------------------------------
    "The file is larger than {mb} MB.": "Het bestand is groter dan {mb} MB.",
    "The file is larger than {mb} MB; split it.": "Het bestand is groter dan {mb} MB; splits het.",
    "The file is empty.": "Het bestand is leeg.",
    "The file has more than {rows} rows.": "Het bestand heeft meer dan {rows} rijen.",
    "The file contains NUL characters: it is not a text (CSV) file.": (
        "Het bestand bevat NUL-tekens: het is geen tekstbestand (CSV)."
    ),
    "The file cannot be read as CSV ({error}).": "Het bestand is niet te lezen als CSV ({error}).",
    "The file cannot be read as an Excel workbook ({error}).": (
        "Het bestand is niet te lezen als Excel-werkmap ({error})."
    ),
    "The multipart body cannot be read: {error}": "De multipart-inhoud is niet te lezen: {error}",
    "The multipart body has no field '{field}': send the file as the field '{expected}'.": (
        "De multipart-inhoud heeft geen veld '{field}': stuur het bestand als het veld '{expected}'."
    ),
    "Send the file in the multipart field '{field}'.": "Stuur het bestand in het multipart-veld '{field}'.",
    "This is not DUO's file of school locations (Adressen alle vestigingen): it lacks the column(s) "
    "{columns}.": (
        "Dit is niet het bestand van DUO met de vestigingen (Adressen alle vestigingen): de kolom(men) "
        "{columns} ontbreekt/ontbreken."
    ),
    # --- input that does not fit ------------------------------------------------------------------
    "Cannot be emptied.": "Dit mag niet leeg worden.",
    "Cannot be null.": "Dit mag niet leeg zijn.",
    "Cannot be null: true or false.": "Dit mag niet leeg zijn: kies true of false.",
    "These fields cannot be emptied: {fields}.": "Deze velden mogen niet leeg worden: {fields}.",
    "At least one membership.": "Geef minstens één lidmaatschap.",
    "Give either schoolId or boardId.": "Geef schoolId of boardId, niet allebei.",
    "Name a person or a role assignment, not both.": "Noem een persoon of een roltoewijzing, niet allebei.",
    "Send either birthDate or ageBand, not both.": "Stuur birthDate of ageBand, niet allebei.",
    "Needed for a school Spil does not know yet.": "Nodig voor een school die Spil nog niet kent.",
    "Cannot sort on '{key}'. Sortable fields: {fields}.": (
        "Sorteren op '{key}' kan niet. Velden om op te sorteren: {fields}."
    ),
    "'from' is after 'to'.": "'from' ligt na 'to'.",
    "After 'to'.": "Ligt na 'to'.",
    "school:<id>, board:<id>, region:<id> or municipality:<id>.": (
        "school:<id>, board:<id>, region:<id> of municipality:<id>."
    ),
    "scope is school:<id>, board:<id>, region:<id> or municipality:<id>.": (
        "scope is school:<id>, board:<id>, region:<id> of municipality:<id>."
    ),
    "'{period}' is not a {frequency:noun} period; write it like {example}.": (
        "'{period}' is geen {frequency:}; schrijf het zoals {example}."
    ),
    "'{period}' is outside 2000-2100.": "'{period}' ligt buiten 2000-2100.",
    "'{period}' is not a school year: the second year must follow the first.": (
        "'{period}' is geen schooljaar: het tweede jaar moet direct na het eerste komen."
    ),
    "{problem:text} ('{code}' is measured per {frequency:noun}.)": (
        "{problem} ('{code}' wordt gemeten per {frequency:}.)"
    ),
    "'{code}' is computed from the registry, not entered.": (
        "'{code}' wordt uit het register berekend, niet ingevoerd."
    ),
    "A count is a whole number.": "Een aantal is een heel getal.",
    "A count is a whole number of 0 or more.": "Een aantal is een heel getal van 0 of meer.",
    "A percentage lies between 0 and 100.": "Een percentage ligt tussen 0 en 100.",
    "{what} cannot be negative.": "{what} kan niet negatief zijn.",
    "A measurement needs a value.": "Een meting heeft een waarde nodig.",
    "A partner needs a category.": "Een partner heeft een categorie nodig.",
    "A bottleneck of its own needs its name.": "Een eigen knelpunt heeft een naam nodig.",
    "a bottleneck of kind 'other' needs a label": "Een knelpunt van de soort 'other' heeft een naam nodig.",
    "a line of the programme's own needs nameNl": "Een eigen lijn van het programma heeft nameNl nodig.",
    "A note goes with a change of phase.": "Een notitie hoort bij een wijziging van de fase.",
    "A track starts today or earlier.": "Een traject begint vandaag of eerder.",
    "The target date lies before the track started.": "De streefdatum ligt vóór de start van het traject.",
    "The first contact cannot lie in the future.": "Het eerste contact kan niet in de toekomst liggen.",
    "The register check cannot lie in the future.": (
        "De controle van het register kan niet in de toekomst liggen."
    ),
    "The birth date is in the future.": "De geboortedatum ligt in de toekomst.",
    "The case cannot close in the future.": "Het dossier kan niet in de toekomst sluiten.",
    "The case cannot open in the future.": "Het dossier kan niet in de toekomst openen.",
    "A closed case needs its closing date.": "Een gesloten dossier heeft een sluitdatum nodig.",
    "A case with a closing date has status 'closed'.": (
        "Een dossier met een sluitdatum heeft de status 'closed'."
    ),
    "The closing date is before the opening date.": "De sluitdatum ligt vóór de openingsdatum.",
    "Say to whom the case was referred (a route step's actor).": (
        "Zeg naar wie het dossier is doorverwezen (de uitvoerder van een stap van de route)."
    ),
    "The date is more than a year ahead.": "De datum ligt meer dan een jaar vooruit.",
    "The end date is before the start date.": "De einddatum ligt vóór de begindatum.",
    "The end date lies before the start date.": "De einddatum ligt vóór de begindatum.",
    "The end lies before the start.": "Het einde ligt vóór het begin.",
    "endDate is before startDate": "endDate ligt vóór startDate.",
    "endsOn is before startsOn": "endsOn ligt vóór startsOn.",
    "endsOn lies before startsOn": "endsOn ligt vóór startsOn.",
    "A board leaves on or after the day it joined.": (
        "Een bestuur vertrekt op of na de dag waarop het lid werd."
    ),
    "The lead board cannot leave; hand the lead to another member first.": (
        "Het penvoerende bestuur kan niet vertrekken; draag het penvoerderschap eerst over aan een ander lid."
    ),
    "The lead board must be a current member.": "Het penvoerende bestuur moet nu lid zijn.",
    "Say why the initiative ended, so others can learn from it.": (
        "Zeg waarom het initiatief stopte, zodat anderen ervan kunnen leren."
    ),
    "The partnership belongs to another school.": "De samenwerking hoort bij een andere school.",
    "The school belongs to another board.": "De school hoort bij een ander bestuur.",
    "The partner is registered by another board; a school can only work with its own board's partners.": (
        "De partner staat bij een ander bestuur geregistreerd; een school kan alleen samenwerken met "
        "partners van het eigen bestuur."
    ),
    "The code of a labour-market region is CBS's and does not change.": (
        "De code van een arbeidsmarktregio komt van het CBS en verandert niet."
    ),
    "A labour-market region's municipalities come from CBS's list.": (
        "De gemeenten van een arbeidsmarktregio komen uit de lijst van het CBS."
    ),
    "The municipalities of a labour-market region come from CBS's list (spil update-municipalities).": (
        "De gemeenten van een arbeidsmarktregio komen uit de lijst van het CBS (spil update-municipalities)."
    ),
    "{municipality} already belongs to {region}; a municipality lies in at most one region of each "
    "kind. Take it out of that region first.": (
        "{municipality} hoort al bij {region}; een gemeente ligt in hoogstens één regio van elke "
        "soort. Haal haar eerst uit die regio."
    ),
    "A fixed allowance needs its amount per month.": "Een vaste vergoeding heeft een bedrag per maand nodig.",
    "An hourly allowance needs its rate.": "Een vergoeding per uur heeft een uurtarief nodig.",
    "An hourly allowance needs the age band (21-plus or under-21).": (
        "Een vergoeding per uur heeft de leeftijdsgroep nodig (21-plus of onder-21)."
    ),
    "An hourly allowance needs the hours worked in the month.": (
        "Een vergoeding per uur heeft de gewerkte uren in de maand nodig."
    ),
    "A '{scheme}' scheme has no fixed amount.": "Een regeling '{scheme}' heeft geen vast bedrag.",
    "A '{scheme}' scheme has no hourly rate.": "Een regeling '{scheme}' heeft geen uurtarief.",
    "A '{kind}' step needs the code of its actor.": (
        "Een stap '{kind}' heeft de code van de uitvoerder nodig."
    ),
    "This kind of actor takes no code.": "Deze soort uitvoerder heeft geen code.",
    "With an hourly agreement the age matters: send birthDate or ageBand.": (
        "Bij een overeenkomst per uur telt de leeftijd: stuur birthDate of ageBand mee."
    ),
    "{month} is outside the agreement ({start} – {end}).": (
        "{month} valt buiten de overeenkomst ({start} – {end})."
    ),
    "{month} is not in {year}.": "{month} valt niet in {year}.",
    "There are no allowance rules for {year}.": "Er zijn geen vergoedingsregels voor {year}.",
    "The latest year available is {latest}; send fallbackToLatest: true to use it as an assumption.": (
        "Het laatste jaar dat er is, is {latest}; stuur fallbackToLatest: true om dat als aanname te "
        "gebruiken."
    ),
    "This payment would cross {limits:text}. The whole allowance of that year would then be taxable "
    "for the volunteer. Record it with acknowledgeLimitExceeded: true only if this is deliberate.": (
        "Deze betaling gaat over {limits}. De hele vergoeding van dat jaar wordt dan belast voor de "
        "vrijwilliger. Leg haar alleen met acknowledgeLimitExceeded: true vast als dat bewust is."
    ),
    "the hourly maximum of {maximum:euro} ({amount:euro} an hour in {period:month})": (
        "het maximum per uur van {maximum} ({amount} per uur in {period})"
    ),
    "the monthly maximum of {maximum:euro} ({amount:euro} in {period:month})": (
        "het maximum per maand van {maximum} ({amount} in {period})"
    ),
    "the yearly maximum of {maximum:euro} ({amount:euro} over {period:month})": (
        "het maximum per jaar van {maximum} ({amount} over {period})"
    ),
    # --- Spil's own validators (invalidParams[].reason) -------------------------------------------
    "must be a number, not true or false": "Vul een getal in, niet true of false.",
    "must not contain NUL characters": "Gebruik geen NUL-tekens.",
    "must be true or false": "Kies true of false.",
    "must lie between {first} and {last}": "Kies een jaar tussen {first} en {last}.",
    "not a valid e-mail address ({error})": "Vul een geldig e-mailadres in, zoals naam@school.nl.",
    "must be a web address starting with https:// or http://": (
        "Vul een webadres in dat begint met https:// of http://."
    ),
    "must be a phone number: digits, spaces, dashes, optionally starting with +": (
        "Vul een telefoonnummer in: cijfers, spaties en streepjes, eventueel met + vooraan."
    ),
    "must be a Dutch postal code such as 2011 AB": "Vul een Nederlandse postcode in, zoals 2011 AB.",
    "give either schoolId or boardId": "Geef schoolId of boardId.",
    "give exactly one of boardId, schoolId, regionId or municipalityId": (
        "Geef precies één van boardId, schoolId, regionId of municipalityId."
    ),
    "bind the client to exactly one of boardId, regionId or municipalityId": (
        "Bind de client aan precies één van boardId, regionId of municipalityId."
    ),
    "give either role (the source's job title) or roleType (Spil's code)": (
        "Geef role (de functienaam in de bron) of roleType (de code in Spil)."
    ),
    "give schoolId, or boardId for a board-wide partnership": (
        "Geef schoolId, of boardId voor een samenwerking van het hele bestuur."
    ),
}


@dataclass(frozen=True)
class Noun:
    article: str
    word: str

    def __format__(self, spec: str) -> str:
        form = spec.lower()
        if form in ("", "noun"):
            return self.word
        if form == "de":
            text = f"{self.article} {self.word}"
        elif form == "deze":
            text = f"{'dit' if self.article == 'het' else 'deze'} {self.word}"
        elif form == "een":
            text = f"een {self.word}"
        else:
            raise ValueError(f"unknown noun form {spec!r}")
        return text[:1].upper() + text[1:] if spec[:1].isupper() else text


@dataclass(frozen=True)
class Nouns:
    """Nouns joined by "or" (``board or region``): each in the form asked, joined by "of"."""

    nouns: tuple[Noun, ...]

    def __format__(self, spec: str) -> str:
        first, *rest = self.nouns
        return " of ".join([format(first, spec), *(format(n, spec.lower()) for n in rest)])


@dataclass(frozen=True)
class _Template:
    english: str
    dutch: str
    pattern: re.Pattern[str]
    kinds: tuple[tuple[str, str], ...]  # (group, spec)
    weight: int  # characters of literal text: the more, the more specific


def _compile(english: str, dutch: str) -> _Template:
    parts: list[str] = []
    kinds: list[tuple[str, str]] = []
    weight = 0
    for literal, field, spec, _ in string.Formatter().parse(english):
        parts.append(re.escape(literal))
        weight += len(literal)
        if field is None:
            continue
        spec = spec or ""
        alternatives = "|".join(re.escape(n) for n in sorted(NOUNS, key=len, reverse=True))
        if spec == "noun":
            parts.append(f"(?P<{field}>{alternatives})")
        elif spec == "nouns":
            parts.append(f"(?P<{field}>(?:{alternatives})(?: or (?:{alternatives}))*)")
        else:
            parts.append(f"(?P<{field}>.+?)")
        kinds.append((field, spec))
    return _Template(english, dutch, re.compile("".join(parts), re.DOTALL), tuple(kinds), weight)


@cache
def _templates() -> tuple[dict[str, str], tuple[_Template, ...]]:
    from spil.kit.messages import VALIDATION

    exact: dict[str, str] = {}
    templates: list[_Template] = []
    # the request validator's sentences, when a service passes one on in English (a sync run)
    validation = {english: dutch for dutch, english in VALIDATION.values()}
    for english, dutch in {**validation, **CATALOGUE}.items():
        if any(field is not None for _, field, _, _ in string.Formatter().parse(english)):
            templates.append(_compile(english, dutch))
        else:
            exact[english.replace("{{", "{").replace("}}", "}")] = dutch
    templates.sort(key=lambda t: -t.weight)
    return exact, tuple(templates)


MONTHS = dict(
    zip(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        [
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ],
        strict=True,
    )
)
_MONTH = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\b")
_EURO = re.compile(r"€(\d{1,3}(?:,\d{3})*)\.(\d{2})")


def _euro(value: str) -> str:
    """An amount as the English texts write it (``€2,100.00``) as Dutch writes it (``€ 2.100,00``)."""
    match = _EURO.fullmatch(value)
    if match is None:
        return value
    return f"€ {match.group(1).replace(',', '.')},{match.group(2)}"


def _fill(template: _Template, match: re.Match[str]) -> str | None:
    values: dict[str, Any] = {}
    for field, spec in template.kinds:
        value = match.group(field)
        if spec == "noun":
            values[field] = Noun(*NOUNS[value])
        elif spec == "nouns":
            values[field] = Nouns(tuple(Noun(*NOUNS[n]) for n in value.split(" or ")))
        elif spec == "euro":
            values[field] = _euro(value)
        elif spec == "month":
            values[field] = _MONTH.sub(lambda m: MONTHS[m.group(0)], value)
        elif spec == "text":
            pieces = [_one(piece) for piece in value.split(" and ")]
            if any(p is None for p in pieces):
                return None
            values[field] = " en ".join(p for p in pieces if p is not None)
        else:
            values[field] = value
    return template.dutch.format(**values)


_CROSSES_SENTENCE = re.compile(r"[.!?] [A-Z]")


def _one(text: str, *, strict: bool = True) -> str | None:
    """The Dutch of one sentence, or None. ``strict``: no value may hold the end of a sentence
    (``There are no rules for {year}.`` is not the whole of "... for 2031. The latest year ...")."""
    exact, templates = _templates()
    found = exact.get(text)
    if found is not None:
        return found
    for template in templates:
        match = template.pattern.fullmatch(text)
        if match is None:
            continue
        if strict and any(
            spec not in ("noun", "nouns", "text") and _CROSSES_SENTENCE.search(match.group(field))
            for field, spec in template.kinds
        ):
            continue
        dutch = _fill(template, match)
        if dutch is not None:
            return dutch
    return None


_SENTENCE_END = re.compile(r"(?<=[.!?:;)])\s+")


def dutch(text: str) -> str | None:
    """The Dutch of an English problem text, or None when the catalogue does not know it.

    A text the catalogue does not know as a whole is tried sentence by sentence."""
    whole = _one(text)
    if whole is not None:
        return whole
    ends = list(_SENTENCE_END.finditer(text))
    if not ends:
        return _one(text, strict=False)
    # the shortest run of known sentences from each position to the end
    cuts = [0, *(m.end() for m in ends)]
    starts = [0, *(m.start() for m in ends)]
    bounds = list(zip(cuts, [*starts[1:], len(text)], strict=True))
    best: dict[int, list[str] | None] = {len(bounds): []}
    for i in range(len(bounds) - 1, -1, -1):
        best[i] = None
        for j in range(i, len(bounds)):
            piece = _one(text[bounds[i][0] : bounds[j][1]])
            rest = best[j + 1]
            if piece is not None and rest is not None:
                best[i] = [piece, *rest]
                break
    joined = best[0]
    if joined is not None:
        return " ".join(joined)
    return _one(text, strict=False)  # a value that holds sentences of its own


def known(text: str) -> bool:
    return dutch(text) is not None


def localize(
    language: Language, detail: str, params: Iterable[Mapping[str, str]] | None
) -> tuple[Language, str, list[dict[str, str]] | None] | None:
    """``detail`` and the reasons of ``params`` in ``language``; None when a Dutch text is missing
    (the caller then answers in English, and says so in ``Content-Language``)."""
    listed = [dict(p) for p in params] if params is not None else None
    if language != "nl":
        return language, detail, listed
    translated = dutch(detail)
    if translated is None:
        return None
    for param in listed or []:
        reason = dutch(param.get("reason", ""))
        if reason is None:
            return None
        param["reason"] = reason
    return "nl", translated, listed
