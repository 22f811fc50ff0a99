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
from pydantic import ValidationError
from sqlmodel import Session

from spil.kit.errors import ProblemError, invalid
from spil.kit.policy import Capability, Principal
from spil.kit.schemas import ApiModel
from spil.organisations.models import Municipality, School
from spil.organisations.service import visible_board_id
from spil.partners import service as partners
from spil.partners.models import Partner, Partnership
from spil.partners.schemas import PartnerCreate, PartnerUpdate
from spil.people import service as people
from spil.people.models import Person, RoleAssignment, active_assignment
from spil.people.schemas import PersonCreate, PersonUpdate, RoleAssignmentCreate, RoleAssignmentUpdate
from spil.transfer.tabular import Table, UnreadableFile, read_csv

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

# Column names: the export's (camelCase) plus the Dutch ones people type.
ALIASES = {
    "naam": "name",
    "categorie": "category",
    "kvk": "kvkNumber",
    "kvknummer": "kvkNumber",
    "e-mail": "email",
    "mail": "email",
    "telefoon": "phone",
    "gemeente": "municipality",
    "adres": "address",
    "opmerkingen": "notes",
    "notities": "notes",
    "soort": "kind",
    "talen": "languages",
    "rol": "role",
    "persoon": "person",
    "urenperweek": "hoursPerWeek",
    "urenperjaar": "hoursPerYear",
    "start": "startsOn",
    "startdatum": "startsOn",
    "einde": "endsOn",
    "einddatum": "endsOn",
    "primair": "isPrimary",
    "vestiging": "school",
    "indicator": "indicator",
    "periode": "period",
    "waarde": "value",
    "toelichting": "note",
    "vestigingscode": "school",
    "locationcode": "school",
}
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


class ImportResult(ApiModel):
    kind: Kind
    dry_run: bool
    valid_only: bool
    written: bool
    encoding: str
    separator: str
    total: int
    valid: int
    invalid: int
    created: int
    updated: int
    rows: list[RowResult]


class RowProblem(Exception):
    def __init__(self, errors: list[RowError]) -> None:
        self.errors = errors


def _canonical(header: str) -> str:
    key = re.sub(r"[\s_]", "", header.strip()).lower()
    for column in {c for cols in COLUMNS.values() for c in cols}:
        if column.lower() == key:
            return column
    return ALIASES.get(key, header.strip())


def _given(row: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in row.items() if v != ""}


def _yes(value: str) -> bool:
    if value.lower() in ("yes", "ja", "true", "1", "y", "j"):
        return True
    if value.lower() in ("no", "nee", "false", "0", "n"):
        return False
    raise RowProblem([RowError(field="isPrimary", reason="Use yes/no (ja/nee).")])


def _languages(value: str) -> list[str]:
    return [v.lower() for v in re.split(r"[\s,|/]+", value) if v]


def _validation_errors(exc: ValidationError, column_of: dict[str, str] | None = None) -> list[RowError]:
    out = []
    for err in exc.errors():
        loc = [str(p) for p in err["loc"]]
        name = loc[0] if loc else "row"
        camel = re.sub(r"_([a-z])", lambda m: m.group(1).upper(), name)
        out.append(RowError(field=(column_of or {}).get(camel, camel), reason=str(err["msg"])))
    return out


def _problem_errors(exc: ProblemError, column_of: dict[str, str] | None = None) -> list[RowError]:
    if exc.invalid_params:
        return [
            RowError(
                field=(column_of or {}).get(p["name"], p["name"]),
                reason=p["reason"] if p["reason"] not in ("Unknown id.",) else exc.detail,
            )
            for p in exc.invalid_params
        ]
    return [RowError(field="row", reason=exc.detail)]


# --- one row of each kind: returns ("create" | "update" | "unchanged", key) ---------------------
def _partner_row(
    session: Session, principal: Principal, board_id: int, row: dict[str, str]
) -> tuple[RowStatus, str]:
    given = _given(row)
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
                [RowError(field="municipality", reason=f"Unknown municipality '{given['municipality']}'.")]
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
    session: Session, principal: Principal, board_id: int, row: dict[str, str]
) -> tuple[RowStatus, str]:
    given = _given(row)
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
    session: Session, principal: Principal, board_id: int, row: dict[str, str]
) -> tuple[RowStatus, str]:
    given = _given(row)
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
                    field="person", reason=f"No person '{person_ref}' in this board (import people first)."
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
                        reason=f"No school with location code '{given['school']}' in this board.",
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
                [RowError(field="partner", reason=f"No partnership with '{given['partner']}' there.")]
            )
    fields: dict[str, Any] = {
        k: given[k] for k in ("hoursPerWeek", "hoursPerYear", "startsOn", "endsOn", "notes") if k in given
    }
    for k in ("hoursPerWeek", "hoursPerYear"):
        if k in fields:
            fields[k] = fields[k].replace(",", ".")
    if "isPrimary" in given:
        fields["isPrimary"] = _yes(given["isPrimary"])
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
    session: Session, principal: Principal, board_id: int, row: dict[str, str]
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
                [RowError(field="school", reason=f"No school '{given['school']}' in this board.")]
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


ROW_HANDLERS: dict[str, Callable[[Session, Principal, int, dict[str, str]], tuple[RowStatus, str]]] = {
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
) -> ImportResult:
    principal.require_scope(SCOPES[kind])
    visible_board_id(session, principal, board_id, location="query")  # ?boardId=
    principal.require_in_board(Capability.EDIT, board_id)
    if len(raw) > MAX_BYTES:
        raise invalid(
            [("file", "file-too-large", "The file is larger than 5 MB; split it.")], code="file-too-large"
        )
    try:
        table: Table = read_csv(raw)
    except UnreadableFile as exc:
        raise invalid([("file", "unreadable-file", str(exc))], code="unreadable-file") from None
    headers = [_canonical(h) for h in table.headers]
    missing = [c for c in REQUIRED[kind] if c not in headers]
    if missing:
        raise invalid(
            [(c, "missing-column", "Column missing.") for c in missing],
            detail=f"The file lacks the column(s) {', '.join(missing)}. "
            f"Expected columns: {', '.join(COLUMNS[kind])}.",
            code="missing-columns",
        )
    unknown = [h for h in headers if h and h not in COLUMNS[kind]]
    if unknown:
        raise invalid(
            [(c, "unknown-column", "Unknown column.") for c in unknown],
            detail=f"Unknown column(s): {', '.join(unknown)}. Expected: {', '.join(COLUMNS[kind])}.",
            code="unknown-columns",
        )
    if len(table.rows) > MAX_ROWS:
        raise invalid(
            [("file", "too-many-rows", f"At most {MAX_ROWS} rows per import.")], code="too-many-rows"
        )
    handler = ROW_HANDLERS[kind]
    results: list[RowResult] = []
    # Everything the rows do happens inside this savepoint: kept when the import is written,
    # rolled back for a dry run (or a file with errors), so that the request commits nothing else.
    whole = session.begin_nested()
    for number, raw_row in enumerate(table.rows, start=2):
        row = {_canonical(k): v for k, v in raw_row.items()}
        if not any(row.values()):
            continue
        savepoint = session.begin_nested()
        try:
            status, key = handler(session, principal, board_id, row)
            savepoint.commit()
            results.append(RowResult(row=number, status=status, key=key))
        except (RowProblem, ValidationError, ProblemError) as exc:
            savepoint.rollback()
            if isinstance(exc, RowProblem):
                errors = exc.errors
            elif isinstance(exc, ValidationError):
                errors = _validation_errors(exc, COLUMN_OF)
            else:
                errors = _problem_errors(exc, COLUMN_OF)
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
        total=len(results),
        valid=len(results) - failed,
        invalid=failed,
        created=sum(1 for r in results if r.status == "create"),
        updated=sum(1 for r in results if r.status == "update"),
        rows=results,
    )
