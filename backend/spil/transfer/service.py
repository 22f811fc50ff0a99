"""CSV import of partners, people and role assignments (dry run, per-row errors, all or valid
only), and CSV/XLSX export of the lists.

Rows are matched to what exists, so a school administration system can send the same file
again: partners by KvK number or name, people by e-mail or name, role assignments by person,
role, school and partnership. Each row runs in a savepoint; the whole import is written only
when it is not a dry run and either every row is valid or the caller chose valid rows only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Literal

import sqlalchemy as sa
from pydantic import Field, ValidationError
from sqlmodel import Session

from spil.kit import messages, problem_texts
from spil.kit.errors import ProblemError, invalid
from spil.kit.policy import Capability, Principal
from spil.kit.schemas import ApiModel
from spil.organisations.models import Municipality, School
from spil.organisations.service import visible_board_id
from spil.partners import service as partners
from spil.partners.models import Partner, PartnerCategory, Partnership
from spil.partners.schemas import PartnerCreate, PartnerUpdate
from spil.people import service as people
from spil.people.models import Person, RoleAssignment, RoleType, active_assignment
from spil.people.schemas import PersonCreate, PersonUpdate, RoleAssignmentCreate, RoleAssignmentUpdate
from spil.transfer import labels
from spil.transfer.labels import Lang
from spil.transfer.tabular import Table, UnreadableFile, is_xlsx, read_csv, read_xlsx

Kind = Literal["partners", "people", "role-assignments", "measurements"]
# The API-key scope each kind needs (people log in and are limited by their roles).
SCOPES = {
    "partners": "partners:write",
    "people": "people:write",
    "role-assignments": "people:write",
    "measurements": "indicators:write",
}
MAX_ROWS = 5000
MAX_BYTES = 5 * 1024 * 1024

COLUMNS: dict[str, list[str]] = {
    "partners": [
        "name",
        "category",
        "kvkNumber",
        "email",
        "phone",
        "website",
        "municipality",
        "address",
        "notes",
    ],
    "people": ["name", "kind", "email", "phone", "languages", "notes"],
    "role-assignments": [
        "person",
        "role",
        "school",
        "partner",
        "hoursPerWeek",
        "hoursPerYear",
        "startsOn",
        "endsOn",
        "isPrimary",
        "notes",
    ],
}
COLUMNS["measurements"] = ["indicator", "school", "period", "value", "note"]
REQUIRED = {
    "partners": ["name", "category"],
    "people": ["name"],
    "role-assignments": ["person", "role"],
    "measurements": ["indicator", "period", "value"],
}


RowStatus = Literal["create", "update", "unchanged"]


class RowError(ApiModel):
    field: str
    reason: str


class RowResult(ApiModel):
    row: int
    status: Literal["create", "update", "unchanged", "error"]
    key: str
    errors: list[RowError] = []


class ColumnMatch(ApiModel):
    header: str = Field(description="The column as the file names it.")
    field: str | None = Field(description="The field Spil read it as; empty: not known, left out.")


class ImportResult(ApiModel):
    kind: Kind
    dry_run: bool
    valid_only: bool
    written: bool
    encoding: str = Field(description="The file's character set, or `xlsx` for an Excel workbook.")
    separator: str
    columns: list[ColumnMatch] = Field(default_factory=list)
    total: int
    valid: int
    invalid: int
    created: int
    updated: int
    rows: list[RowResult]


class RowProblem(Exception):
    def __init__(self, errors: list[RowError]) -> None:
        self.errors = errors


# a word that stands for a neighbouring field where the import's own is not offered
EQUIVALENT = {"startDate": "startsOn", "endDate": "endsOn", "note": "notes", "notes": "note"}


def _column(header: str, kind: str) -> str | None:
    """The field of ``kind`` a column header stands for (labels.py), or None: ignored."""
    allowed = COLUMNS[kind]
    field = labels.column(header, allowed)
    if field is None:
        found = labels.COLUMNS_BY_NAME.get(labels.normal(header))
        if found in EQUIVALENT and EQUIVALENT[found] in allowed:
            field = EQUIVALENT[found]
    return field


class Lookups:
    """What the rows of one import look up, read once: the board's categories and role types by
    code and by name (Dutch and English), and the language of the answers."""

    def __init__(self, session: Session, board_id: int, lang: Lang) -> None:
        self.lang = lang
        self.categories: dict[str, str] = {}
        for code, name_nl, name_en in session.execute(
            sa.select(PartnerCategory.code, PartnerCategory.name_nl, PartnerCategory.name_en)
            .where(sa.or_(PartnerCategory.board_id.is_(None), PartnerCategory.board_id == board_id))
            .order_by(PartnerCategory.board_id.is_(None))
        ).all():
            for text in (code, name_nl, name_en):
                self.categories.setdefault(labels.normal(text), code)
        self.roles: dict[str, str] = {}
        for code, name_nl, name_en in session.execute(
            sa.select(RoleType.code, RoleType.name_nl, RoleType.name_en)
            .where(sa.or_(RoleType.board_id.is_(None), RoleType.board_id == board_id))
            .order_by(RoleType.board_id.is_(None))
        ).all():
            for text in (code, name_nl, name_en):
                self.roles.setdefault(labels.normal(text), code)
        # ... and the common Dutch job titles the sync runs know (directeur, intern begeleider, ...)
        from spil.sync.mapping import DEFAULT_ROLE_NAMES

        known = set(self.roles.values())
        for title, code in DEFAULT_ROLE_NAMES.items():
            if code in known:
                self.roles.setdefault(labels.normal(title), code)

    def say(self, dutch: str, english: str) -> str:
        return dutch if self.lang == "nl" else english

    def category(self, text: str) -> str:
        found = self.categories.get(labels.normal(text))
        if found is None:
            raise RowProblem(
                [
                    RowError(
                        field="category",
                        reason=self.say(
                            f"Spil kent de categorie '{text}' niet. Gebruik een naam uit de catalogus, "
                            "zoals Bibliotheek of Jeugdzorg.",
                            f"Spil does not know the category '{text}'. Use a name from the catalogue, "
                            "such as Library or Youth care.",
                        ),
                    )
                ]
            )
        return found

    def role(self, text: str) -> str:
        found = self.roles.get(labels.normal(text))
        if found is None:
            raise RowProblem(
                [
                    RowError(
                        field="role",
                        reason=self.say(
                            f"Spil kent de rol '{text}' niet. Gebruik een rol uit de catalogus, zoals "
                            "Intern begeleider.",
                            f"Spil does not know the role '{text}'. Use a role from the catalogue, such "
                            "as Internal supervisor.",
                        ),
                    )
                ]
            )
        return found

    def kind(self, text: str) -> str:
        found = labels.person_kind(text)
        if found is None:
            raise RowProblem(
                [
                    RowError(
                        field="kind",
                        reason=self.say(
                            f"Onbekende soort '{text}': gebruik Medewerker, Vrijwilliger of Extern.",
                            f"Unknown kind '{text}': use Staff member, Volunteer or External.",
                        ),
                    )
                ]
            )
        return found


def _given(row: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in row.items() if v != ""}


def _yes(value: str, look: Lookups) -> bool:
    answer = labels.yes_no(value)
    if answer is None:
        raise RowProblem(
            [RowError(field="isPrimary", reason=look.say("Gebruik ja of nee.", "Use yes or no."))]
        )
    return answer


def _languages(value: str) -> list[str]:
    return [v.lower() for v in re.split(r"[\s,|/]+", value) if v]


def _validation_errors(
    exc: ValidationError, column_of: dict[str, str] | None = None, lang: Lang = "nl"
) -> list[RowError]:
    out = []
    for err in exc.errors():
        loc = [str(p) for p in err["loc"]]
        name = loc[0] if loc else "row"
        camel = re.sub(r"_([a-z])", lambda m: m.group(1).upper(), name)
        reason = messages.validation_reason(err, lang)
        out.append(RowError(field=(column_of or {}).get(camel, camel), reason=reason))
    return out


def _problem_errors(
    exc: ProblemError, column_of: dict[str, str] | None = None, lang: Lang = "en"
) -> list[RowError]:
    """A service's refusal of a row as its errors, in ``lang`` (the services write English; its
    Dutch comes from ``spil.kit.problem_texts``, the English stays where it has none)."""

    def say(text: str) -> str:
        if lang == "nl" and exc.language is None:
            return problem_texts.dutch(text) or text
        return text

    if exc.invalid_params:
        return [
            RowError(
                field=(column_of or {}).get(p["name"], p["name"]),
                reason=say(p["reason"] if p["reason"] not in ("Unknown id.",) else exc.detail),
            )
            for p in exc.invalid_params
        ]
    return [RowError(field="row", reason=say(exc.detail))]


# --- one row of each kind: returns ("create" | "update" | "unchanged", key) ---------------------
def _partner_row(
    session: Session, principal: Principal, board_id: int, row: dict[str, str], look: Lookups
) -> tuple[RowStatus, str]:
    given = _given(row)
    if "category" in given:
        given["category"] = look.category(given["category"])
    municipality_id = None
    if "municipality" in given:
        municipality_id = session.execute(
            sa.select(Municipality.id).where(
                sa.or_(
                    Municipality.code == given["municipality"].upper(),
                    sa.func.lower(Municipality.name) == given["municipality"].lower(),
                )
            )
        ).scalar()
        if municipality_id is None:
            raise RowProblem(
                [
                    RowError(
                        field="municipality",
                        reason=look.say(
                            f"Spil kent de gemeente '{given['municipality']}' niet.",
                            f"Unknown municipality '{given['municipality']}'.",
                        ),
                    )
                ]
            )
    fields: dict[str, Any] = {
        k: v
        for k, v in given.items()
        if k in ("name", "category", "kvkNumber", "email", "phone", "website", "address", "notes")
    }
    if municipality_id is not None:
        fields["municipalityId"] = municipality_id
    match = sa.select(Partner).where(Partner.board_id == board_id)
    if "kvkNumber" in given:
        match = match.where(Partner.kvk_number == given["kvkNumber"])
    else:
        match = match.where(sa.func.lower(Partner.name) == given.get("name", "").lower())
    existing = session.execute(match).scalars().first()
    key = given.get("kvkNumber") or given.get("name", "")
    if existing is None:
        partners.add_partner(
            session, principal, PartnerCreate.model_validate({**fields, "boardId": board_id})
        )
        return "create", key
    before = existing.version
    partners.change_partner(
        session, principal, existing.id, PartnerUpdate.model_validate(fields), lambda v: None
    )
    return ("update" if existing.version != before else "unchanged"), key


def _person_row(
    session: Session, principal: Principal, board_id: int, row: dict[str, str], look: Lookups
) -> tuple[RowStatus, str]:
    given = _given(row)
    if "kind" in given:
        given["kind"] = look.kind(given["kind"])
    fields: dict[str, Any] = {
        k: v for k, v in given.items() if k in ("name", "kind", "email", "phone", "notes")
    }
    if "languages" in given:
        fields["languages"] = _languages(given["languages"])
    match = sa.select(Person).where(Person.board_id == board_id)
    match = match.where(
        sa.func.lower(Person.email) == given["email"].lower()
        if "email" in given
        else sa.func.lower(Person.name) == given.get("name", "").lower()
    )
    existing = session.execute(match).scalars().first()
    key = given.get("email") or given.get("name", "")
    if existing is None:
        people.add_person(session, principal, PersonCreate.model_validate({**fields, "boardId": board_id}))
        return "create", key
    before = existing.version
    people.change_person(session, principal, existing.id, PersonUpdate.model_validate(fields), lambda v: None)
    return ("update" if existing.version != before else "unchanged"), key


def _assignment_row(
    session: Session, principal: Principal, board_id: int, row: dict[str, str], look: Lookups
) -> tuple[RowStatus, str]:
    given = _given(row)
    if "role" in given:
        given["role"] = look.role(given["role"])
    person_ref = given.get("person", "")
    person = (
        session.execute(
            sa.select(Person).where(
                Person.board_id == board_id,
                sa.or_(
                    sa.func.lower(Person.email) == person_ref.lower(),
                    sa.func.lower(Person.name) == person_ref.lower(),
                ),
            )
        )
        .scalars()
        .first()
    )
    if person is None:
        raise RowProblem(
            [
                RowError(
                    field="person",
                    reason=look.say(
                        f"Bij dit bestuur is er geen persoon '{person_ref}'. Importeer eerst de personen.",
                        f"No person '{person_ref}' in this board (import people first).",
                    ),
                )
            ]
        )
    school_id = None
    if "school" in given:
        school_id = session.execute(
            sa.select(School.id).where(
                School.board_id == board_id, School.location_code == given["school"].upper()
            )
        ).scalar()
        if school_id is None:
            raise RowProblem(
                [
                    RowError(
                        field="school",
                        reason=look.say(
                            f"Bij dit bestuur is er geen school met vestigingscode '{given['school']}'.",
                            f"No school with location code '{given['school']}' in this board.",
                        ),
                    )
                ]
            )
    partnership_id = None
    if "partner" in given:
        partnership_id = session.execute(
            sa.select(Partnership.id)
            .join(Partner, Partner.id == Partnership.partner_id)
            .where(
                Partnership.board_id == board_id,
                sa.func.lower(Partner.name) == given["partner"].lower(),
                Partnership.school_id == school_id if school_id else Partnership.school_id.is_(None),
            )
        ).scalar()
        if partnership_id is None:
            raise RowProblem(
                [
                    RowError(
                        field="partner",
                        reason=look.say(
                            f"Daar is geen samenwerking met '{given['partner']}'.",
                            f"No partnership with '{given['partner']}' there.",
                        ),
                    )
                ]
            )
    fields: dict[str, Any] = {
        k: given[k] for k in ("hoursPerWeek", "hoursPerYear", "startsOn", "endsOn", "notes") if k in given
    }
    for k in ("hoursPerWeek", "hoursPerYear"):
        if k in fields:
            fields[k] = fields[k].replace(",", ".")
    if "isPrimary" in given:
        fields["isPrimary"] = _yes(given["isPrimary"], look)
    key = f"{person.name} / {given.get('role', '')}" + (f" / {given['school']}" if "school" in given else "")
    role_type = people.resolve_role_type(session, board_id, given.get("role", ""))
    existing = (
        session.execute(
            sa.select(RoleAssignment).where(
                RoleAssignment.person_id == person.id,
                RoleAssignment.role_type_id == role_type.id,
                RoleAssignment.school_id == school_id if school_id else RoleAssignment.school_id.is_(None),
                RoleAssignment.partnership_id == partnership_id
                if partnership_id
                else RoleAssignment.partnership_id.is_(None),
                active_assignment(),
            )
        )
        .scalars()
        .first()
    )
    if existing is None:
        people.add_assignment(
            session,
            principal,
            RoleAssignmentCreate.model_validate(
                {
                    **fields,
                    "personId": person.id,
                    "role": role_type.code,
                    "schoolId": school_id,
                    "partnershipId": partnership_id,
                }
            ),
        )
        return "create", key
    before = existing.version
    people.change_assignment(
        session, principal, existing.id, RoleAssignmentUpdate.model_validate(fields), lambda v: None
    )
    return ("update" if existing.version != before else "unchanged"), key


def _measurement_row(
    session: Session, principal: Principal, board_id: int, row: dict[str, str], look: Lookups
) -> tuple[RowStatus, str]:
    """A value for a school (its location code) or, with the school column empty, the board."""
    from spil.indicators.measurements import upsert_measurement
    from spil.indicators.schemas import MeasurementCreate

    given = _given(row)
    scope: dict[str, int] = {"boardId": board_id}
    if "school" in given:
        school_id = session.execute(
            sa.select(School.id).where(
                School.location_code == given["school"].upper(), School.board_id == board_id
            )
        ).scalar()
        if school_id is None:
            raise RowProblem(
                [
                    RowError(
                        field="school",
                        reason=look.say(
                            f"Bij dit bestuur is er geen school '{given['school']}'.",
                            f"No school '{given['school']}' in this board.",
                        ),
                    )
                ]
            )
        scope = {"schoolId": school_id}
    data = MeasurementCreate.model_validate(
        {
            **scope,
            "indicator": given.get("indicator", ""),
            "period": given.get("period", ""),
            "value": given.get("value", "").replace(",", "."),
            **({"note": given["note"]} if "note" in given else {}),
        }
    )
    return upsert_measurement(session, principal, data, source="imported")


Handler = Callable[[Session, Principal, int, dict[str, str], Lookups], tuple[RowStatus, str]]
ROW_HANDLERS: dict[str, Handler] = {
    "partners": _partner_row,
    "people": _person_row,
    "role-assignments": _assignment_row,
    "measurements": _measurement_row,
}
# Which CSV column an API field comes from, for row errors.
COLUMN_OF = {
    "municipalityId": "municipality",
    "personId": "person",
    "schoolId": "school",
    "partnershipId": "partner",
    "boardId": "row",
}


def import_csv(
    session: Session,
    principal: Principal,
    kind: Kind,
    board_id: int,
    raw: bytes,
    *,
    dry_run: bool,
    valid_only: bool,
    lang: Lang = "nl",
) -> ImportResult:
    """A CSV or XLSX file (told apart by its content) imported into the board: see the module."""
    principal.require_scope(SCOPES[kind])
    visible_board_id(session, principal, board_id, location="query")  # ?boardId=
    principal.require_in_board(Capability.EDIT, board_id)
    look = Lookups(session, board_id, lang)
    if len(raw) > MAX_BYTES:
        raise invalid(
            [
                (
                    "file",
                    "file-too-large",
                    look.say(
                        "Het bestand is groter dan 5 MB; splits het.",
                        "The file is larger than 5 MB; split it.",
                    ),
                )
            ],
            code="file-too-large",
            language=lang,
        )
    try:
        table: Table = read_xlsx(raw) if is_xlsx(raw) else read_csv(raw)
    except UnreadableFile as exc:
        raise invalid([("file", "unreadable-file", str(exc))], code="unreadable-file") from None
    fields = [_column(h, kind) for h in table.headers]
    # which column was understood as what; a column Spil does not know is left out, and said
    columns = [ColumnMatch(header=h, field=f) for h, f in zip(table.headers, fields, strict=True) if h]
    missing = [c for c in REQUIRED[kind] if c not in fields]
    if missing:
        names = ", ".join(labels.header(c, lang) for c in missing)
        expected = ", ".join(labels.header(c, lang) for c in COLUMNS[kind])
        raise invalid(
            [(c, "missing-column", look.say("Deze kolom ontbreekt.", "Column missing.")) for c in missing],
            detail=look.say(
                f"Het bestand mist de kolom(men) {names}. Kolommen die Spil kent: {expected}.",
                f"The file lacks the column(s) {names}. Expected columns: {expected}.",
            ),
            code="missing-columns",
            language=lang,
        )
    if len(table.rows) > MAX_ROWS:
        raise invalid(
            [
                (
                    "file",
                    "too-many-rows",
                    look.say(
                        f"Hoogstens {MAX_ROWS} rijen per import.", f"At most {MAX_ROWS} rows per import."
                    ),
                )
            ],
            code="too-many-rows",
            language=lang,
        )
    field_of = {h: f for h, f in zip(table.headers, fields, strict=True) if h and f}
    handler = ROW_HANDLERS[kind]
    results: list[RowResult] = []
    # Everything the rows do happens inside this savepoint: kept when the import is written,
    # rolled back for a dry run (or a file with errors), so that the request commits nothing else.
    whole = session.begin_nested()
    for number, raw_row in enumerate(table.rows, start=2):
        row = {field_of[k]: v for k, v in raw_row.items() if k in field_of}
        if not any(row.values()):
            continue
        savepoint = session.begin_nested()
        try:
            status, key = handler(session, principal, board_id, row, look)
            savepoint.commit()
            results.append(RowResult(row=number, status=status, key=key))
        except (RowProblem, ValidationError, ProblemError) as exc:
            savepoint.rollback()
            if isinstance(exc, RowProblem):
                errors = exc.errors
            elif isinstance(exc, ValidationError):
                errors = _validation_errors(exc, COLUMN_OF, lang)
            else:
                errors = _problem_errors(exc, COLUMN_OF, lang)
            key = row.get("name") or row.get("person") or row.get("email") or row.get("indicator") or ""
            results.append(RowResult(row=number, status="error", key=key, errors=errors))
    failed = sum(1 for r in results if r.status == "error")
    write = not dry_run and (failed == 0 or valid_only)
    if write:
        whole.commit()
    else:
        whole.rollback()
    return ImportResult(
        kind=kind,
        dry_run=dry_run,
        valid_only=valid_only,
        written=write,
        encoding=table.encoding,
        separator=table.separator,
        columns=columns,
        total=len(results),
        valid=len(results) - failed,
        invalid=failed,
        created=sum(1 for r in results if r.status == "create"),
        updated=sum(1 for r in results if r.status == "update"),
        rows=results,
    )
