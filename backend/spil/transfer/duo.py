"""Schools from DUO: a board's school locations created and updated from DUO's open-data file
*Adressen alle vestigingen* (one file per sector: primary, special, secondary).

The file is DUO's as downloaded: current files name the codes ``INSTELLINGSCODE`` and
``VESTIGINGSCODE``, older ones ``BRIN NUMMER`` and ``VESTIGINGSNUMMER`` (the 2-digit suffix or
the whole code); ``;`` or ``,`` separated, UTF-8 or Latin-1/Windows-1252, names often in
capitals. Only the rows of the board's own number are read. Each becomes a school keyed by its
location code: created, updated (the fields DUO holds: name, sector, municipality, address,
phone, website, denomination) or unchanged. An empty cell changes nothing, and a name that DUO
writes in capitals keeps the school's own spelling when only the case differs.

A dry run answers the diff per school and writes nothing. A row with a problem (an unknown
municipality, a location code of another board, a value Spil cannot store) is reported with
its row number and column and is never written; the import writes all rows or, with
``validOnly``, the rows without problems. Every change goes through the audited helpers, so a
second import of the same file reports every school unchanged and writes nothing.

The parsing (``parse``, ``normal_case`` and the small value functions) is pure and tested
without a database.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Literal

import sqlalchemy as sa
from pydantic import Field, ValidationError
from sqlmodel import Session

from spil.kit.crud import audited_create, audited_update
from spil.kit.errors import invalid
from spil.kit.policy import Capability, Principal
from spil.kit.schemas import ApiModel
from spil.organisations.models import Municipality, School
from spil.organisations.schemas import SchoolCreate, SchoolUpdate, Sector
from spil.organisations.service import visible_board
from spil.transfer.tabular import UnreadableFile, read_csv

MAX_BYTES = 20 * 1024 * 1024  # DUO's national files are a few MB
MAX_ROWS = 100_000

# --- the file's columns ------------------------------------------------------------------------
# What each column of DUO's files holds, under the names DUO has used (compared without spaces,
# dashes and case: ``BEVOEGD GEZAG NUMMER`` and ``bevoegd_gezag_nummer`` are the same column).
COLUMNS: dict[str, tuple[str, ...]] = {
    "board": ("BEVOEGD GEZAG NUMMER", "BEVOEGD GEZAG"),
    "institution": ("INSTELLINGSCODE", "BRIN NUMMER", "BRINNUMMER", "BRIN"),
    "location": ("VESTIGINGSCODE", "VESTIGINGSNUMMER"),
    "name": ("VESTIGINGSNAAM", "INSTELLINGSNAAM"),
    "street": ("STRAATNAAM",),
    "house_number": ("HUISNUMMER-TOEVOEGING", "HUISNUMMER"),
    "postal_code": ("POSTCODE",),
    "city": ("PLAATSNAAM",),
    "municipality": ("GEMEENTENUMMER",),
    "municipality_name": ("GEMEENTENAAM",),
    "denomination": ("DENOMINATIE",),
    "phone": ("TELEFOONNUMMER",),
    "website": ("INTERNETADRES",),
    "province": ("PROVINCIE",),
    # The kind of school, in the files that hold more than one (special education: sbo, so, vso).
    "kind": ("SOORT PO", "SOORT SO", "SOORT INSTELLING", "SOORT ONDERWIJS", "ONDERWIJSSOORT", "TYPE PO"),
    # Secondary schools' files list the streams (VMBO/HAVO/VWO).
    "structure": ("ONDERWIJSSTRUCTUUR",),
}
# The school's fields, in the order the diff lists them, and the DUO column each comes from.
FIELDS = (
    "name",
    "sector",
    "municipality_id",
    "street",
    "house_number",
    "postal_code",
    "city",
    "phone",
    "website",
    "denomination",
)
SOURCE = {
    "sector": "kind",
    "municipality_id": "municipality",
    "location_code": "location",
    "board_id": "board",
}
API_NAME = {"municipality_id": "municipality", "house_number": "houseNumber", "postal_code": "postalCode"}


def header_key(header: str) -> str:
    return re.sub(r"[^0-9A-Z]", "", header.upper())


# --- normal case for names in capitals -----------------------------------------------------------
# Kept in capitals: school types and other abbreviations (a word without vowels is one too: CBS,
# RKBS, PC, NH).
ABBREVIATIONS = frozenset(
    {
        "OBS", "SBO", "SO", "VSO", "PO", "VO", "IKC", "KC", "ICBS", "OJBS", "SBS", "PCB", "PCBS", "CBS",
        "RK", "RKBS", "KBS", "BS", "MFC", "ISK", "VMBO", "HAVO", "VWO", "MAVO", "LWOO", "ZMLK", "ZML",
        "ZMOK", "LZK", "EMB", "BSO", "VVE", "KDV", "AZC", "TOS", "ASS", "NT2", "OPDC", "II", "III",
        "IV", "VI", "VII", "VIII", "IX", "XI", "XII",
    }
)  # fmt: skip
# Titles that are written with a capital only (St. Jozef, Dr. Schaepman).
TITLES = frozenset({"st", "dr", "drs", "mr", "mgr", "ir", "ing", "ds", "jhr", "prof", "pr", "br", "zr"})
# Written in lower case inside a name (Jan van Nassau, Alphen aan den Rijn, In de Wijngaard) ...
PARTICLES = frozenset(
    {
        "van", "von", "der", "den", "de", "het", "een", "te", "ter", "ten", "aan", "op", "in", "bij",
        "onder", "over", "uit", "tot", "voor", "en", "of", "om", "met", "door", "naar", "achter",
        "tussen", "langs",
    }
)  # fmt: skip
# ... except where a name starts: at the beginning, after a dash or bracket, and after the word
# that says what kind of school it is (OBS De Spil, Basisschool De Regenboog, Kindcentrum Het Anker).
GENERIC_ENDINGS = (
    "school", "scholen", "centrum", "college", "lyceum", "onderwijs", "gymnasium", "atheneum",
    "academie", "campus", "instituut", "locatie", "vestiging", "dependance", "afdeling",
)  # fmt: skip
_WORD = re.compile(r"^([^0-9A-Za-zÀ-ÿ']*)(.*?)([^0-9A-Za-zÀ-ÿ.']*)$")


def _is_abbreviation(core: str) -> bool:
    if core.upper() in ABBREVIATIONS:
        return True
    letters = core.lower()
    return len(letters) >= 2 and letters.isalpha() and not re.search(r"[aeiouyàáâäèéêëìíîïòóôöùúûü]", letters)


def _capitalise(part: str) -> str:
    low = part.lower()
    if low.startswith("ij"):  # the Dutch digraph: IJmuiden, IJssel
        return "IJ" + low[2:]
    return low[:1].upper() + low[1:]


def _word(core: str) -> str:
    """One word with a capital: each part of a hyphenated or dotted word (Noord-Holland, St.,
    H.Hart); a single letter before a dot stays a capital (R.K.)."""
    if core.lower().startswith(("'s-", "'t-")):
        return core[:3].lower() + _word(core[3:])
    if "-" in core:
        return "-".join(_word(p) if p else p for p in core.split("-"))
    if "." in core:
        return ".".join(p.upper() if len(p) == 1 else _capitalise(p) for p in core.split("."))
    return _capitalise(core)


def normal_case(text: str) -> str:
    """A name, street or place as DUO writes it in capitals, in normal case: "OBS DE SPIL" →
    "OBS De Spil", "ALPHEN AAN DEN RIJN" → "Alphen aan den Rijn", "'S-GRAVENHAGE" →
    "'s-Gravenhage". Text that already holds a small letter is taken as written."""
    if not text or any(c.islower() for c in text):
        return text
    out: list[str] = []
    starts = True  # a name starts here: a particle gets its capital
    for token in text.split():
        match = _WORD.fullmatch(token)
        if match is None:  # cannot happen (every group may be empty), but say so instead of silencing
            out.append(token)
            continue
        lead, core, trail = match.groups()
        if lead:
            starts = True
        low = core.lower()
        if not core:
            word = ""
        elif low in ("'t", "'s"):
            word = low
        elif _is_abbreviation(core.rstrip(".")) and low.rstrip(".") not in TITLES:
            word = core.upper()
        elif low in PARTICLES and not starts:
            word = low
        else:
            word = _word(core)
        out.append(lead + word + trail)
        if core:
            generic = _is_abbreviation(core.rstrip(".")) or low.endswith(GENERIC_ENDINGS)
            starts = low in ("'t", "'s") or (generic and low not in PARTICLES)
        if trail.strip(".") or token in ("-", "–", "/", "&"):
            starts = True
    return " ".join(out)


# --- values -------------------------------------------------------------------------------------
def board_number(value: str) -> str:
    """DUO's board number, with the leading zeros it may have dropped: "1234" → "01234"."""
    digits = value.strip()
    if digits.endswith(".0"):  # a number that went through a spreadsheet
        digits = digits[:-2]
    return digits.zfill(5) if digits.isdigit() else digits


def location_code(institution: str, location: str) -> str:
    """The 6-character location code from the institution (BRIN) and location columns: the location
    column holds the whole code (current files) or the 2-digit suffix (some older ones)."""
    brin, loc = institution.strip().upper(), location.strip().upper()
    if len(loc) == 6:
        code = loc
    elif loc.isdigit() and len(loc) <= 2 and len(brin) == 4:
        code = brin + loc.zfill(2)
    elif not loc and len(brin) == 4:
        code = brin + "00"  # a file of main locations only names the institution
    else:
        raise ValueError(f"'{location}' is no location code (4 characters of the BRIN and 2 digits).")
    if not re.fullmatch(r"[0-9A-Z]{4}[0-9]{2}", code):
        raise ValueError(f"'{code}' is no location code (4 characters of the BRIN and 2 digits).")
    if brin and len(brin) == 4 and not code.startswith(brin):
        raise ValueError(f"The location code {code} does not start with the institution code {brin}.")
    return code


def municipality_code(value: str) -> str:
    """DUO's municipality number (4 digits, leading zeros sometimes dropped) as CBS code: GM0392."""
    digits = value.strip().upper().removeprefix("GM")
    if not digits.isdigit() or len(digits) > 4:
        raise ValueError(f"'{value}' is no municipality number (4 digits).")
    return "GM" + digits.zfill(4)


_KINDS = {
    "PO": ("bo", "bas", "basisonderwijs", "basisschool", "po", "primaironderwijs", "regulierbasisonderwijs"),
    "SBO": ("sbo", "sbas", "speciaalbasisonderwijs", "sbaso"),
    "SO": (
        "so", "vso", "sovso", "vsoso", "speciaalonderwijs", "voortgezetspeciaalonderwijs",
        "speciaalenvoortgezetspeciaalonderwijs", "expertisecentrum", "expc", "ec",
    ),
    "VO": ("vo", "voortgezetonderwijs"),
}  # fmt: skip
_SECTOR_OF_KIND = {kind: sector for sector, kinds in _KINDS.items() for kind in kinds}
_VO_STREAMS = ("vmbo", "havo", "vwo", "mavo", "pro", "praktijkonderwijs", "gymnasium", "atheneum", "lwoo")


def sector_of(kind: str, structure: str = "") -> str | None:
    """The sector (PO, SBO, SO, VO) a row says it is, or None: from the kind of school in files
    that hold several kinds, else from the streams of a secondary school."""
    key = re.sub(r"[^a-z]", "", kind.lower())
    if key:
        return _SECTOR_OF_KIND.get(key)
    streams = set(re.split(r"[^a-z]+", structure.lower()))
    return "VO" if streams & set(_VO_STREAMS) else None


def website(value: str) -> str:
    """DUO writes a web address without its scheme (www.obsdespil.nl): https:// in front."""
    text = value.strip()
    if not any(c.islower() for c in text):  # an older file in capitals: WWW.OBSDESPIL.NL
        text = text.lower()
    return text if re.match(r"^https?://", text, re.IGNORECASE) else f"https://{text}"


def _comparable(field_name: str, value: Any) -> Any:
    """The form in which an old and a new value count as the same (the school's own spelling is
    kept when DUO only writes it differently)."""
    if not isinstance(value, str):
        return value
    if field_name == "phone":
        return re.sub(r"[^0-9+]", "", value)
    if field_name == "website":
        return re.sub(r"^https?://", "", value.lower()).rstrip("/")
    if field_name in ("house_number", "postal_code"):
        return re.sub(r"\s", "", value.upper())
    return value


# --- reading the file ---------------------------------------------------------------------------
@dataclass
class DuoRow:
    number: int  # the row in the file (the header is row 1)
    cells: dict[str, str]  # what -> cell text (only the columns the file has)
    board_number: str


@dataclass
class DuoFile:
    encoding: str
    separator: str
    layout: Literal["current", "old"]
    headers: dict[str, str]  # what -> the column's name in the file
    rows: list[DuoRow] = field(default_factory=list)
    # The sector the file's layout tells, for new schools: DUO's file of primary schools
    # (basisonderwijs) is the one without a kind of school or streams per row.
    sector: str | None = None

    def column(self, what: str) -> str:
        """The file's name of the column a school field comes from, for a problem (DUO's current
        name if the file lacks it)."""
        what = SOURCE.get(what, what)
        return self.headers.get(what) or (COLUMNS[what][0] if what in COLUMNS else what)

    def problem(self, what: str, code: str, reason: str) -> DuoProblem:
        return DuoProblem(column=self.column(what), code=code, reason=reason)


def parse(raw: bytes) -> DuoFile:
    """DUO's file as rows of cells by what they hold; ``UnreadableFile`` (the reason for the person
    importing it) for an empty file, a file that is not CSV or one without DUO's columns."""
    table = read_csv(raw)
    if not table.headers:
        raise UnreadableFile("The file is empty.")
    in_file: dict[str, str] = {}
    for header in table.headers:
        in_file.setdefault(header_key(header), header)
    # per column the first of its names that the file has (VESTIGINGSNAAM before INSTELLINGSNAAM)
    headers: dict[str, str] = {}
    for what, names in COLUMNS.items():
        found = [in_file[header_key(n)] for n in names if header_key(n) in in_file]
        if found:
            headers[what] = found[0]
    missing = [COLUMNS[what][0] for what in ("board", "name") if what not in headers]
    if "location" not in headers and "institution" not in headers:
        missing.append(COLUMNS["location"][0])
    if missing:
        raise UnreadableFile(
            "This is not DUO's file of school locations (Adressen alle vestigingen): it lacks the "
            f"column(s) {', '.join(missing)}."
        )
    if len(table.rows) > MAX_ROWS:
        raise UnreadableFile(f"The file has more than {MAX_ROWS} rows.")
    current = header_key(headers.get("location", "")) == "VESTIGINGSCODE"
    out = DuoFile(
        encoding=table.encoding,
        separator=table.separator,
        layout="current" if current else "old",
        headers=headers,
        sector=None if {"kind", "structure"} & set(headers) else "PO",
    )
    for number, row in enumerate(table.rows, start=2):
        cells = {what: row.get(header, "").strip() for what, header in headers.items()}
        if any(cells.values()):
            out.rows.append(
                DuoRow(number=number, cells=cells, board_number=board_number(cells.get("board", "")))
            )
    return out


# --- the answer ---------------------------------------------------------------------------------
class DuoChange(ApiModel):
    field: str
    old: str | None
    new: str | None


class DuoProblem(ApiModel):
    column: str
    code: str
    reason: str


class DuoSchoolResult(ApiModel):
    row: int
    location_code: str
    name: str
    status: Literal["create", "update", "unchanged", "error"]
    school_id: int | None = None
    changes: list[DuoChange] = []
    problems: list[DuoProblem] = []


class DuoMissing(ApiModel):
    school_id: int
    location_code: str
    name: str


class DuoImportResult(ApiModel):
    board_id: int
    board_number: str
    dry_run: bool
    valid_only: bool
    written: bool
    encoding: str
    separator: str
    layout: Literal["current", "old"] = Field(
        description="`current`: the codes in INSTELLINGSCODE and VESTIGINGSCODE; `old`: in BRIN "
        "NUMMER and VESTIGINGSNUMMER."
    )
    file_sector: Sector | None = Field(
        description="The sector the file's layout tells for new schools (PO: DUO's file of primary "
        "schools, which names no kind of school per row); the `sector` parameter comes first. An "
        "existing school's sector changes only where its row names the kind of school."
    )
    rows_in_file: int
    other_board_rows: int
    total: int
    created: int
    updated: int
    unchanged: int
    invalid: int
    schools: list[DuoSchoolResult]
    not_in_file: list[DuoMissing]


# --- planning: the row against what Spil has --------------------------------------------------
@dataclass
class _Municipalities:
    by_code: dict[str, Municipality]
    by_id: dict[int, Municipality]

    @classmethod
    def load(cls, session: Session) -> _Municipalities:
        rows = list(session.execute(sa.select(Municipality)).scalars())
        return cls(by_code={m.code: m for m in rows}, by_id={m.id: m for m in rows})

    def label(self, ident: int) -> str:
        m = self.by_id.get(ident)
        return f"{m.name} ({m.code})" if m else str(ident)


@dataclass
class _Plan:
    result: DuoSchoolResult
    school: School | None = None
    values: dict[str, Any] = field(default_factory=dict)  # the fields to set (create: all)


class _RowProblems(Exception):
    def __init__(self, problems: list[DuoProblem]) -> None:
        self.problems = problems


def _desired(
    row: DuoRow, duo: DuoFile, municipalities: _Municipalities
) -> tuple[dict[str, Any], set[str], list[DuoProblem]]:
    """The school's fields as the row gives them, the fields whose case was guessed, and the
    row's problems. Empty cells are left out (they change nothing)."""
    cells, problems, guessed = row.cells, [], set()
    values: dict[str, Any] = {}
    for what in ("name", "street", "city", "denomination"):
        text = cells.get(what, "")
        if text:
            values[what] = normal_case(text)
            guessed |= {what} if values[what] != text else set()
    if cells.get("house_number"):
        values["house_number"] = re.sub(r"\s+", " ", cells["house_number"])
    if cells.get("postal_code"):
        values["postal_code"] = cells["postal_code"]
    if cells.get("phone"):
        values["phone"] = cells["phone"]
    if cells.get("website"):
        values["website"] = website(cells["website"])
    if row_sector := sector_of(cells.get("kind", ""), cells.get("structure", "")):
        values["sector"] = row_sector
    if cells.get("municipality"):
        try:
            code = municipality_code(cells["municipality"])
        except ValueError as exc:
            problems.append(duo.problem("municipality", code="invalid-value", reason=str(exc)))
        else:
            municipality = municipalities.by_code.get(code)
            if municipality is None:
                name = cells.get("municipality_name")
                problems.append(
                    duo.problem(
                        "municipality",
                        code="unknown-municipality",
                        reason=f"Spil knows no municipality {code}" + (f" ({name})." if name else "."),
                    )
                )
            elif municipality.ended_on is not None:
                successor = municipalities.by_id.get(municipality.successor_id or 0)
                hint = f" Its successor is {successor.name} ({successor.code})." if successor else ""
                problems.append(
                    duo.problem(
                        "municipality",
                        code="ended-municipality",
                        reason=f"{municipality.name} ({code}) ended on {municipality.ended_on}.{hint}",
                    )
                )
            else:
                values["municipality_id"] = municipality.id
    return values, guessed, problems


def _validate(model: type[SchoolCreate] | type[SchoolUpdate], data: dict[str, Any], duo: DuoFile) -> Any:
    """The values through the API's own schema (lengths, postal code, phone, web address): a
    problem names the DUO column the value came from."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            name = str(err["loc"][0]) if err["loc"] else "name"
            snake = re.sub(r"([A-Z])", lambda m: "_" + m[1].lower(), name)
            problems.append(duo.problem(snake, code="invalid-value", reason=str(err["msg"])))
        raise _RowProblems(problems) from None


def _shown(field_name: str, value: Any, municipalities: _Municipalities) -> str | None:
    if value is None:
        return None
    return municipalities.label(value) if field_name == "municipality_id" else str(value)


def _plan_row(
    row: DuoRow,
    duo: DuoFile,
    board_id: int,
    existing: School | None,
    municipalities: _Municipalities,
    sector: str | None,
) -> _Plan:
    code = row.cells.get("location", "")
    values, guessed, problems = _desired(row, duo, municipalities)
    result = DuoSchoolResult(
        row=row.number,
        location_code=code,
        name=values.get("name") or (existing.name if existing else ""),
        status="error",
        school_id=existing.id if existing and existing.board_id == board_id else None,
    )
    if existing is not None and existing.board_id != board_id:
        problems.append(
            duo.problem(
                "location",
                code="other-board",
                reason=f"The location {code} belongs to another board in Spil; it is not taken over. "
                "Ask the platform administrator to move it if DUO is right.",
            )
        )
        result.name = values.get("name", "")
    if existing is None:
        for what, needed in (("name", "name"), ("municipality_id", "municipality")):
            if what not in values and not any(p.column == duo.column(needed) for p in problems):
                problems.append(
                    duo.problem(
                        needed,
                        code="missing-value",
                        reason="Empty: needed for a new school.",
                    )
                )
        # a new school's sector where its row does not say: the caller's, else the file's
        if "sector" not in values and (sector or duo.sector):
            values["sector"] = sector or duo.sector
        if "sector" not in values:
            kind = row.cells.get("kind", "")
            said = (
                f"'{kind}' is no kind of school Spil knows (bo, sbo, so, vso, vo)"
                if kind
                else "The file does not say the sector of this new school"
            )
            problems.append(
                DuoProblem(
                    column=duo.column("kind") if kind else "sector",
                    code="unknown-sector",
                    reason=f"{said}: choose the sector (PO, SBO, SO, VO) for the file.",
                )
            )
    try:
        if problems:
            raise _RowProblems(problems)
        if existing is None:
            data = _validate(SchoolCreate, {**values, "board_id": board_id, "location_code": code}, duo)
            clean = data.model_dump(include=set(FIELDS) | {"board_id", "location_code"}, exclude_none=True)
            result.status = "create"
            result.changes = [
                DuoChange(field=API_NAME.get(f, f), old=None, new=_shown(f, clean[f], municipalities))
                for f in FIELDS
                if f in clean
            ]
            return _Plan(result=result, values=clean)
        data = _validate(SchoolUpdate, values, duo)
        clean = data.model_dump(exclude_unset=True)
        changes: dict[str, Any] = {}
        for f in FIELDS:
            if f not in clean:
                continue
            old, new = getattr(existing, f), clean[f]
            if _comparable(f, old) == _comparable(f, new):
                continue
            if f in guessed and isinstance(old, str) and old.lower() == str(new).lower():
                continue  # DUO wrote it in capitals; the school's own spelling stays
            changes[f] = new
            result.changes.append(
                DuoChange(
                    field=API_NAME.get(f, f),
                    old=_shown(f, old, municipalities),
                    new=_shown(f, new, municipalities),
                )
            )
        result.status = "update" if changes else "unchanged"
        return _Plan(result=result, school=existing, values=changes)
    except _RowProblems as exc:
        result.problems = exc.problems
        result.status = "error"
        return _Plan(result=result)


def _location(row: DuoRow, duo: DuoFile) -> tuple[str, DuoProblem | None]:
    """The row's location code; a file of main locations only (no location column) names the
    institution, whose main location is ``00``."""
    location = row.cells.get("location", "") if "location" in duo.headers else "00"
    try:
        return location_code(row.cells.get("institution", ""), location), None
    except ValueError as exc:
        raw = row.cells.get("location") or row.cells.get("institution", "")
        return raw.upper(), duo.problem("location", code="invalid-location-code", reason=str(exc))


# --- the import ---------------------------------------------------------------------------------
def import_duo_schools(
    session: Session,
    principal: Principal,
    board_id: int,
    raw: bytes,
    *,
    dry_run: bool,
    valid_only: bool,
    sector: Sector | None,
) -> DuoImportResult:
    board = visible_board(session, principal, board_id, regional=True)
    principal.require(Capability.MANAGE_BOARD, board_id=board_id)
    if len(raw) > MAX_BYTES:
        raise invalid(
            [("file", "file-too-large", f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB.")],
            code="file-too-large",
        )
    try:
        duo = parse(raw)
    except UnreadableFile as exc:
        raise invalid([("file", "unreadable-file", str(exc))], code="unreadable-file") from None
    ours = [row for row in duo.rows if row.board_number == board.number]
    codes: list[tuple[DuoRow, str, DuoProblem | None]] = []
    for row in ours:
        code, problem = _location(row, duo)
        row.cells["location"] = code
        codes.append((row, code, problem))
    wanted = {code for _, code, problem in codes if problem is None}
    existing: dict[str, School] = {}
    if wanted:
        stmt = sa.select(School).where(School.location_code.in_(wanted))
        existing = {s.location_code: s for s in session.execute(stmt).scalars()}
    municipalities = _Municipalities.load(session)

    plans: list[_Plan] = []
    seen: set[str] = set()
    for row, code, problem in codes:
        if problem is None and code in seen:
            problem = duo.problem(
                "location",
                code="duplicate-location",
                reason=f"The location {code} is in the file more than once; only its first row is read.",
            )
        if problem is not None:
            name = normal_case(row.cells.get("name", ""))
            result = DuoSchoolResult(
                row=row.number, location_code=code, name=name, status="error", problems=[problem]
            )
            plans.append(_Plan(result=result))
            continue
        seen.add(code)
        plans.append(_plan_row(row, duo, board_id, existing.get(code), municipalities, sector))

    failed = sum(1 for p in plans if p.result.status == "error")
    write = not dry_run and (failed == 0 or valid_only)
    if write:
        _apply(session, principal, board_id, plans)
    in_file = {p.result.location_code for p in plans}
    not_in_file = [
        DuoMissing(school_id=s.id, location_code=s.location_code, name=s.name)
        for s in session.execute(
            sa.select(School).where(School.board_id == board_id).order_by(School.location_code)
        ).scalars()
        if s.location_code not in in_file
    ]
    results = [p.result for p in plans]
    count = Counter(r.status for r in results)
    return DuoImportResult(
        board_id=board_id,
        board_number=board.number,
        dry_run=dry_run,
        valid_only=valid_only,
        written=write,
        encoding=duo.encoding,
        separator=duo.separator,
        layout=duo.layout,
        file_sector=duo.sector,
        rows_in_file=len(duo.rows),
        other_board_rows=len(duo.rows) - len(ours),
        total=len(results),
        created=count["create"],
        updated=count["update"],
        unchanged=count["unchanged"],
        invalid=failed,
        schools=results,
        not_in_file=not_in_file,
    )


def _apply(session: Session, principal: Principal, board_id: int, plans: list[_Plan]) -> None:
    """Write the valid rows through the audited helpers (one audit event per school changed)."""
    for plan in plans:
        if plan.result.status == "create":
            plan.result.school_id = audited_create(
                session,
                principal,
                School(**plan.values),
                "school",
                board_id=lambda s: s.board_id,
                school_id=lambda s: s.id,
            )
        elif plan.result.status == "update" and plan.school is not None:
            audited_update(
                session,
                principal,
                plan.school,
                plan.values,
                "school",
                required=["name", "sector", "municipality_id"],
                board_id=board_id,
                school_id=plan.school.id,
            )
