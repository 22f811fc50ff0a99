"""CSV import of partners, people and role assignments (dry run, per-row errors, all or valid
only), and CSV/XLSX export of the lists.

Rows are matched to what exists, so a school administration system can send the same file
again: partners by KvK number or name, people by e-mail or name, role assignments by person,
role, school and partnership. Partners, people and role assignments are checked in batches
against what the board has and written at once (``spil.transfer.rows``); measurements row by
row, each in a savepoint. The import is written only when it is not a dry run and either every
row is valid or the caller chose valid rows only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal

import sqlalchemy as sa
from pydantic import Field, ValidationError
from sqlmodel import Session

from spil.kit import messages, problem_texts
from spil.kit.errors import ProblemError, invalid
from spil.kit.policy import Capability, Principal
from spil.kit.schemas import ApiModel
from spil.organisations.models import School
from spil.organisations.service import visible_board_id
from spil.transfer import labels
from spil.transfer.labels import Lang
from spil.transfer.rows import PLANS, Lookups, RowError, RowProblem, RowStatus, given, plan_rows
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


# --- measurements, row by row through the service (the other kinds: spil.transfer.rows) -----------
def _measurement_row(
    session: Session, principal: Principal, board_id: int, row: dict[str, str], look: Lookups
) -> tuple[RowStatus, str]:
    """A value for a school (its location code) or, with the school column empty, the board."""
    from spil.indicators.measurements import upsert_measurement
    from spil.indicators.schemas import MeasurementCreate

    cells = given(row)
    scope: dict[str, int] = {"boardId": board_id}
    if "school" in cells:
        school_id = session.execute(
            sa.select(School.id).where(
                School.location_code == cells["school"].upper(), School.board_id == board_id
            )
        ).scalar()
        if school_id is None:
            raise RowProblem(
                [
                    RowError(
                        field="school",
                        reason=look.say(
                            f"Bij dit bestuur is er geen school '{cells['school']}'.",
                            f"No school '{cells['school']}' in this board.",
                        ),
                    )
                ]
            )
        scope = {"schoolId": school_id}
    data = MeasurementCreate.model_validate(
        {
            **scope,
            "indicator": cells.get("indicator", ""),
            "period": cells.get("period", ""),
            "value": cells.get("value", "").replace(",", "."),
            **({"note": cells["note"]} if "note" in cells else {}),
        }
    )
    return upsert_measurement(session, principal, data, source="imported")


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
    rows = []
    for number, raw_row in enumerate(table.rows, start=2):
        row = {field_of[k]: v for k, v in raw_row.items() if k in field_of}
        if any(row.values()):
            rows.append((number, row))
    if kind in PLANS:
        results, write_plan = _planned(session, principal, kind, board_id, rows, look)
        failed = sum(1 for r in results if r.status == "error")
        write = not dry_run and (failed == 0 or valid_only)
        if write:
            write_plan()
        return _result(kind, dry_run, valid_only, write, table, columns, results)
    results = []
    # Everything the rows do happens inside this savepoint: kept when the import is written,
    # rolled back for a dry run (or a file with errors), so that the request commits nothing else.
    whole = session.begin_nested()
    for number, row in rows:
        savepoint = session.begin_nested()
        try:
            status, key = _measurement_row(session, principal, board_id, row, look)
            savepoint.commit()
            results.append(RowResult(row=number, status=status, key=key))
        except (RowProblem, ValidationError, ProblemError) as exc:
            savepoint.rollback()
            results.append(_error_result(number, row, exc, lang))
    failed = sum(1 for r in results if r.status == "error")
    write = not dry_run and (failed == 0 or valid_only)
    if write:
        whole.commit()
    else:
        whole.rollback()
    return _result(kind, dry_run, valid_only, write, table, columns, results)


def _error_result(number: int, row: dict[str, str], exc: Exception, lang: Lang) -> RowResult:
    if isinstance(exc, RowProblem):
        errors = exc.errors
    elif isinstance(exc, ValidationError):
        errors = _validation_errors(exc, COLUMN_OF, lang)
    else:
        assert isinstance(exc, ProblemError)
        errors = _problem_errors(exc, COLUMN_OF, lang)
    key = row.get("name") or row.get("person") or row.get("email") or row.get("indicator") or ""
    return RowResult(row=number, status="error", key=key, errors=errors)


def _planned(
    session: Session,
    principal: Principal,
    kind: str,
    board_id: int,
    rows: list[tuple[int, dict[str, str]]],
    look: Lookups,
) -> tuple[list[RowResult], Callable[[], None]]:
    """Partners, people or role assignments: every row checked and matched in batches, nothing
    written; the second value writes what the valid rows do."""
    plan = PLANS[kind](session, principal, board_id, look)
    results = []
    for number, row, outcome in plan_rows(plan, rows):
        if isinstance(outcome, Exception):
            results.append(_error_result(number, row, outcome, look.lang))
        else:
            status, key = outcome
            results.append(RowResult(row=number, status=status, key=key))
    return results, plan.write


def _result(
    kind: Kind,
    dry_run: bool,
    valid_only: bool,
    write: bool,
    table: Table,
    columns: list[ColumnMatch],
    results: list[RowResult],
) -> ImportResult:
    failed = sum(1 for r in results if r.status == "error")
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
