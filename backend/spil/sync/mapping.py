"""Job titles as school administration systems write them → Spil's role types.

The defaults cover the common Dutch titles; a board adds its own (``SyncRoleMapping``). A title
that maps to nothing is a problem of that item, never a guess."""

from __future__ import annotations

import re
import unicodedata

# normalised title → role type code
DEFAULT_ROLE_NAMES: dict[str, str] = {
    "directeur": "school-leader",
    "schooldirecteur": "school-leader",
    "schoolleider": "school-leader",
    "locatieleider": "school-leader",
    "locatiedirecteur": "school-leader",
    "directeur-bestuurder": "school-leader",
    "intern begeleider": "ib",
    "ib'er": "ib",
    "ib-er": "ib",
    "ib": "ib",
    "zorgcoordinator": "care-coordinator",
    "zorg coordinator": "care-coordinator",
    "cultuurcoordinator": "culture-coordinator",
    "icc'er": "culture-coordinator",
    "taalcoordinator": "language-coordinator",
    "leescoordinator": "language-coordinator",
    "vertrouwenspersoon": "internal-confidential-counsellor",
    "interne vertrouwenspersoon": "internal-confidential-counsellor",
    "contactpersoon": "internal-confidential-counsellor",
    "externe vertrouwenspersoon": "external-confidential-counsellor",
    "anti-pestcoordinator": "anti-bullying-coordinator",
    "antipestcoordinator": "anti-bullying-coordinator",
    "pestcoordinator": "anti-bullying-coordinator",
    "aandachtsfunctionaris": "reporting-code-officer",
    "aandachtsfunctionaris meldcode": "reporting-code-officer",
    "veiligheidscoordinator": "safety-coordinator",
    "leerkracht": "teacher",
    "groepsleerkracht": "teacher",
    "leraar": "teacher",
    "docent": "teacher",
    "vakdocent": "teacher",
    "vakleerkracht": "teacher",
    "mentor": "teacher",
    "werkplekbegeleider": "workplace-mentor",
}


def normalise(title: str) -> str:
    """Lower case, no accents (coördinator = coordinator), single spaces."""
    decomposed = unicodedata.normalize("NFKD", title)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", plain).strip().lower()
