"""Demo tenancy: three boards, six schools in four real municipalities, one login per role.

Stichting Spil Demo (Haarlem and Heemstede) holds the examples; Stichting Tweede Demo (Utrecht,
and one school in Haarlem) is there to show that one board never sees another's records, and
that a municipality reads across boards; Stichting Derde Demo (Zandvoort) works with the first
board in a regional programme. The municipalities and labour-market regions come with
the migrations (CBS 2026); the demo refers to them by code and adds one education region.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from spil.access.models import Membership, User
from spil.access.security import hash_password
from spil.organisations.models import LABOUR_MARKET, Board, Municipality, Region, RegionMunicipality, School

MUNICIPALITIES = ["GM0392", "GM0397", "GM0344", "GM0473"]  # Haarlem, Heemstede, Utrecht, Zandvoort (CBS)
# An education region (onderwijsregio) as the platform administrator would keep it.
EDUCATION_REGION = ("OR-ZK", "Onderwijsregio Zuid-Kennemerland", ["GM0392", "GM0397", "GM0473", "GM0377"])

BOARDS = [
    {
        "number": "41234",
        "name": "Stichting Spil Demo",
        "municipality": "GM0392",
        "email": "bestuursbureau@spil-demo.example",
        "website": "https://spil-demo.example",
    },
    {
        "number": "51234",
        "name": "Stichting Tweede Demo",
        "municipality": "GM0344",
        "email": "info@tweede-demo.example",
        "website": "https://tweede-demo.example",
    },
    {
        "number": "61234",
        "name": "Stichting Derde Demo",
        "municipality": "GM0473",
        "email": "info@derde-demo.example",
        "website": "https://derde-demo.example",
    },
]

SCHOOLS = [
    {
        "board": "41234",
        "location_code": "12AB00",
        "name": "OBS De Spil",
        "sector": "PO",
        "municipality": "GM0392",
        "street": "Kleverparkweg",
        "house_number": "12",
        "postal_code": "2023 CA",
        "city": "Haarlem",
        "email": "info@obsdespil.example",
        "phone": "023 555 0101",
    },
    {
        "board": "41234",
        "location_code": "23CD00",
        "name": "Basisschool De Regenboog",
        "sector": "PO",
        "municipality": "GM0392",
        "street": "Schoterweg",
        "house_number": "40",
        "postal_code": "2021 HZ",
        "city": "Haarlem",
        "email": "info@deregenboog.example",
        "phone": "023 555 0202",
    },
    {
        "board": "41234",
        "location_code": "45EF00",
        "name": "SBO De Wending",
        "sector": "SBO",
        "municipality": "GM0397",
        "street": "Binnenweg",
        "house_number": "7",
        "postal_code": "2101 JA",
        "city": "Heemstede",
        "email": "info@dewending.example",
        "phone": "023 555 0303",
    },
    {
        "board": "51234",
        "location_code": "67GH00",
        "name": "CBS Het Kompas",
        "sector": "PO",
        "municipality": "GM0344",
        "street": "Amsterdamsestraatweg",
        "house_number": "101",
        "postal_code": "3513 AB",
        "city": "Utrecht",
        "email": "info@hetkompas.example",
        "phone": "030 555 0404",
    },
    {
        "board": "51234",
        "location_code": "78JK00",
        "name": "CBS De Ark",
        "sector": "PO",
        "municipality": "GM0392",
        "street": "Rijksstraatweg",
        "house_number": "250",
        "postal_code": "2025 DG",
        "city": "Haarlem",
        "email": "info@deark.example",
        "phone": "023 555 0505",
    },
    {
        "board": "61234",
        "location_code": "89LM00",
        "name": "OBS De Duinpan",
        "sector": "PO",
        "municipality": "GM0473",
        "street": "Koninginneweg",
        "house_number": "30",
        "postal_code": "2041 KP",
        "city": "Zandvoort",
        "email": "info@deduinpan.example",
        "phone": "023 555 0606",
    },
]


@dataclass(frozen=True)
class DemoAccount:
    email: str
    name: str
    description: str
    role: str | None = None
    board: str | None = None
    school: str | None = None
    region: str | None = None
    municipality: str | None = None
    platform_admin: bool = False


ACCOUNTS = [
    DemoAccount("admin@demo.spil.nl", "Anna Platform", "platform administrator", platform_admin=True),
    DemoAccount(
        "bestuur@demo.spil.nl",
        "Bram Bestuur",
        "board admin, Stichting Spil Demo",
        "board-admin",
        board="41234",
    ),
    DemoAccount(
        "directie@demo.spil.nl",
        "Dewi Directeur",
        "school admin, OBS De Spil",
        "school-admin",
        school="12AB00",
    ),
    DemoAccount(
        "coordinator@demo.spil.nl",
        "Chris Coördinator",
        "coordinator (IB'er), OBS De Spil",
        "coordinator",
        school="12AB00",
    ),
    DemoAccount(
        "vertrouwenspersoon@demo.spil.nl",
        "Vera Vertrouwen",
        "confidential counsellor, OBS De Spil",
        "confidential-counsellor",
        school="12AB00",
    ),
    DemoAccount(
        "contactpunt@demo.spil.nl",
        "Karin Bos",
        "coordinator and key-person contact point, OBS De Spil",
        "coordinator",
        school="12AB00",
    ),
    DemoAccount("lezer@demo.spil.nl", "Lars Lezer", "viewer, Stichting Spil Demo", "viewer", board="41234"),
    DemoAccount(
        "regio@demo.spil.nl",
        "Rana Regio",
        "region contact, Zuid-Kennemerland en IJmond",
        "region-contact",
        region="AM37",
    ),
    DemoAccount(
        "gemeente@demo.spil.nl",
        "Gijs Gemeente",
        "municipality contact, Haarlem (LEA)",
        "municipality-contact",
        municipality="GM0392",
    ),
    DemoAccount(
        "bestuur@tweede.spil.nl",
        "Tim Tweede",
        "board admin, Stichting Tweede Demo",
        "board-admin",
        board="51234",
    ),
    DemoAccount(
        "bestuur@derde.spil.nl",
        "Daan Derde",
        "board admin, Stichting Derde Demo (member of RAP Zuid-Kennemerland)",
        "board-admin",
        board="61234",
    ),
]


def seed_organisations(session: Session, password: str) -> list[DemoAccount]:
    """Municipalities, boards, schools and the demo accounts with their roles (idempotent)."""
    regions = {r.code: r for r in session.exec(select(Region).where(Region.kind == LABOUR_MARKET)).all()}
    municipalities = {
        m.code: m
        for m in session.exec(select(Municipality).where(col(Municipality.code).in_(MUNICIPALITIES)))
    }
    if len(regions) < 35 or len(municipalities) < len(MUNICIPALITIES):
        raise RuntimeError("The regions and municipalities are missing: run the migrations first.")
    _education_region(session)
    boards: dict[str, Board] = {}
    for spec in BOARDS:
        b = session.exec(select(Board).where(Board.number == spec["number"])).first()
        if b is None:
            b = Board(
                number=spec["number"],
                name=spec["name"],
                municipality_id=municipalities[spec["municipality"]].id,
                email=spec["email"],
                website=spec["website"],
            )
            session.add(b)
            session.flush()
        boards[spec["number"]] = b
    schools: dict[str, School] = {}
    for spec in SCHOOLS:
        s = session.exec(select(School).where(School.location_code == spec["location_code"])).first()
        if s is None:
            fields = {k: v for k, v in spec.items() if k not in ("board", "municipality")}
            s = School(
                **fields,
                board_id=boards[spec["board"]].id,
                municipality_id=municipalities[spec["municipality"]].id,
            )
            session.add(s)
            session.flush()
        schools[spec["location_code"]] = s
    hashed = hash_password(password)
    for account in ACCOUNTS:
        user = session.exec(select(User).where(User.email == account.email)).first()
        if user is None:
            user = User(
                email=account.email,
                name=account.name,
                password_hash=hashed,
                is_platform_admin=account.platform_admin,
            )
            session.add(user)
            session.flush()
        if account.role is None:
            continue
        scope = {
            "board_id": boards[account.board].id if account.board else None,
            "school_id": schools[account.school].id if account.school else None,
            "region_id": regions[account.region].id if account.region else None,
            "municipality_id": municipalities[account.municipality].id if account.municipality else None,
        }
        exists = session.exec(
            select(Membership).where(
                Membership.user_id == user.id,
                Membership.role == account.role,
                Membership.board_id == scope["board_id"],
                Membership.school_id == scope["school_id"],
                Membership.region_id == scope["region_id"],
                Membership.municipality_id == scope["municipality_id"],
            )
        ).first()
        if exists is None:
            assert user.id is not None
            session.add(Membership(user_id=user.id, role=account.role, **scope))
    return ACCOUNTS


def _education_region(session: Session) -> None:
    code, name, members = EDUCATION_REGION
    if session.exec(select(Region).where(Region.kind == "education-region", Region.code == code)).first():
        return
    region = Region(kind="education-region", code=code, name=name)
    session.add(region)
    session.flush()
    assert region.id is not None
    for m in session.exec(select(Municipality).where(col(Municipality.code).in_(members))):
        assert m.id is not None
        session.add(RegionMunicipality(region_id=region.id, municipality_id=m.id, kind=region.kind))
    session.flush()
