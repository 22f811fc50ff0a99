"""The words of the spreadsheets: column labels and value labels in Dutch and English, and the
matching of what people type to Spil's fields and codes.

An export is written in Dutch by default (``Naam``, ``KvK-nummer``, ``Bibliotheek``) and in
Spil's codes with ``lang=en`` (``name``, ``kvkNumber``, ``library``); an import reads either,
and the English labels too, whatever the case, accents, spaces or punctuation
(``E-mailadres``, ``e-mail adres``, ``EMAIL``): so an export can be edited and imported back.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

Lang = Literal["nl", "en"]

# field -> (Dutch label, English label)
COLUMN_LABELS: dict[str, tuple[str, str]] = {
    "name": ("Naam", "Name"),
    "category": ("Categorie", "Category"),
    "kvkNumber": ("KvK-nummer", "KvK number"),
    "email": ("E-mailadres", "E-mail address"),
    "phone": ("Telefoonnummer", "Phone number"),
    "website": ("Website", "Website"),
    "municipality": ("Gemeente", "Municipality"),
    "address": ("Adres", "Address"),
    "notes": ("Opmerkingen", "Notes"),
    "kind": ("Soort", "Kind"),
    "languages": ("Talen", "Languages"),
    "person": ("Persoon", "Person"),
    "role": ("Rol", "Role"),
    "school": ("Vestigingscode", "Location code"),
    "partner": ("Partner", "Partner"),
    "hoursPerWeek": ("Uren per week", "Hours per week"),
    "hoursPerYear": ("Uren per jaar", "Hours per year"),
    "startsOn": ("Begindatum", "Start date"),
    "endsOn": ("Einddatum", "End date"),
    "isPrimary": ("Eerste aanspreekpunt", "Primary contact"),
    "indicator": ("Indicator", "Indicator"),
    "period": ("Periode", "Period"),
    "value": ("Waarde", "Value"),
    "note": ("Toelichting", "Note"),
    "source": ("Bron", "Source"),
    "enteredBy": ("Ingevoerd door", "Entered by"),
    # partnerships (export only)
    "status": ("Status", "Status"),
    "levels": ("Niveaus", "Levels"),
    "purposes": ("Doelen", "Purposes"),
    "agreementType": ("Soort afspraak", "Agreement type"),
    "startDate": ("Startdatum", "Start date"),
    "endDate": ("Einddatum", "End date"),
    "reviewDate": ("Evaluatiedatum", "Review date"),
    "annualBudget": ("Jaarbudget", "Annual budget"),
    "internalContacts": ("Interne contactpersonen", "Internal contacts"),
    "coLocated": ("In hetzelfde gebouw", "Same building"),
}
# More names people use for a column (Dutch and English), beside the labels and the field names.
COLUMN_ALIASES: dict[str, str] = {
    "kvk": "kvkNumber",
    "kamervankoophandel": "kvkNumber",
    "chamberofcommerce": "kvkNumber",
    "email": "email",
    "mail": "email",
    "emailadres": "email",
    "telefoon": "phone",
    "tel": "phone",
    "telefoonnr": "phone",
    "phone": "phone",
    "notities": "notes",
    "toelichting": "notes",
    "type": "kind",
    "taal": "languages",
    "gesprokentalen": "languages",
    "medewerker": "person",
    "functie": "role",
    "vestiging": "school",
    "school": "school",
    "brin": "school",
    "locationcode": "school",
    "urenweek": "hoursPerWeek",
    "urenjaar": "hoursPerYear",
    "start": "startsOn",
    "vanaf": "startsOn",
    "einde": "endsOn",
    "tot": "endsOn",
    "primair": "isPrimary",
    "hoofdcontact": "isPrimary",
    "primary": "isPrimary",
    "plaats": "municipality",
}
PERSON_KINDS: dict[str, tuple[str, str]] = {
    "staff": ("Medewerker", "Staff member"),
    "volunteer": ("Vrijwilliger", "Volunteer"),
    "external": ("Extern", "External"),
}
KIND_ALIASES = {
    "personeel": "staff",
    "personeelslid": "staff",
    "externe": "external",
    "vrijwillig": "volunteer",
}
YES = {"ja", "yes", "true", "1", "j", "y", "waar"}
NO = {"nee", "no", "false", "0", "n", "onwaar"}


def normal(text: str) -> str:
    """What a label says without case, accents, spaces or punctuation: ``E-mailadres`` and
    ``e-mail adres`` are both ``emailadres``."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^0-9a-z]", "", plain.lower())


def _column_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for field, (dutch, english) in COLUMN_LABELS.items():
        for text in (field, dutch, english):
            index.setdefault(normal(text), field)
    for alias, field in COLUMN_ALIASES.items():
        index.setdefault(normal(alias), field)
    return index


COLUMNS_BY_NAME = _column_index()


def column(header: str, allowed: list[str]) -> str | None:
    """The field a column header stands for among ``allowed``, or None."""
    field = COLUMNS_BY_NAME.get(normal(header))
    if field is None:
        return None
    if field in allowed:
        return field
    # the same word means another field in another kind (an export's "note" is the people's "notes")
    for other in ("notes", "note"):
        if field in ("notes", "note") and other in allowed:
            return other
    return None


# Where a kind's column holds something else under the same field name (export only).
KIND_LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "partnerships": {"school": ("School", "School")},  # the school's name, not its code
}


def header(field: str, lang: Lang, kind: str | None = None) -> str:
    if lang == "en":
        return field
    own = KIND_LABELS.get(kind or "", {})
    return own.get(field, COLUMN_LABELS.get(field, (field, field)))[0]


def person_kind(text: str) -> str | None:
    """``staff``, ``volunteer`` or ``external`` for a code or a label in Dutch or English."""
    key = normal(text)
    for code, (dutch, english) in PERSON_KINDS.items():
        if key in (normal(code), normal(dutch), normal(english)):
            return code
    return KIND_ALIASES.get(key)


def person_kind_label(code: str, lang: Lang) -> str:
    if lang == "en":
        return code
    return PERSON_KINDS.get(code, (code, code))[0]


def yes_no(text: str) -> bool | None:
    key = normal(text)
    return True if key in YES else False if key in NO else None


def yes_no_label(value: bool | None, lang: Lang) -> str:
    if value is None:
        return ""
    if lang == "en":
        return "yes" if value else "no"
    return "ja" if value else "nee"
