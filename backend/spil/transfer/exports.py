"""CSV and XLSX exports of the registry lists, in the caller's scope, in the import's columns:
with Dutch labels by default, in Spil's codes with ``lang=en``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from sqlmodel import Session

from spil.kit.pagination import PageParams
from spil.kit.policy import Principal
from spil.partners import service as partners
from spil.people import service as people
from spil.transfer import labels
from spil.transfer.labels import Lang
from spil.transfer.tabular import write_csv, write_xlsx

ExportKind = Literal["partners", "partnerships", "people", "role-assignments", "measurements"]
SCOPES = {
    "partners": "partners:read",
    "partnerships": "partners:read",
    "people": "people:read",
    "role-assignments": "people:read",
    "measurements": "indicators:read",
}
MAX_EXPORT = 100_000
ALL = PageParams(page=1, page_size=MAX_EXPORT, sort=None)


def _partners(
    session: Session, principal: Principal, board_id: int | None
) -> tuple[list[str], list[list[Any]]]:
    page = partners.list_partners(
        session, principal, ALL, q=None, board_id=board_id, category=None, municipality_id=None
    )
    headers = [
        "name",
        "category",
        "kvkNumber",
        "email",
        "phone",
        "website",
        "municipality",
        "address",
        "notes",
    ]
    return headers, [
        [
            p.name,
            p.category_code,
            p.kvk_number,
            p.email,
            p.phone,
            p.website,
            p.municipality_name,
            p.address,
            p.notes,
        ]
        for p in page.items
    ]


def _partnerships(
    session: Session, principal: Principal, board_id: int | None
) -> tuple[list[str], list[list[Any]]]:
    page = partners.list_partnerships(
        session,
        principal,
        ALL,
        q=None,
        board_id=board_id,
        school_id=None,
        partner_id=None,
        status=None,
        level=None,
    )
    headers = [
        "partner",
        "category",
        "school",
        "status",
        "levels",
        "purposes",
        "coLocated",
        "agreementType",
        "startDate",
        "endDate",
        "reviewDate",
        "annualBudget",
        "internalContacts",
    ]
    return headers, [
        [
            p.partner_name,
            p.category_code,
            p.school_name or "",
            p.status,
            p.levels,
            p.purposes,
            p.co_located,
            p.agreement_type,
            p.start_date,
            p.end_date,
            p.review_date,
            p.annual_budget,
            [c.person_name for c in p.internal_contacts],
        ]
        for p in page.items
    ]


def _people(
    session: Session, principal: Principal, board_id: int | None
) -> tuple[list[str], list[list[Any]]]:
    page = people.list_people(session, principal, ALL, q=None, board_id=board_id, kind=None, language=None)
    headers = ["name", "kind", "email", "phone", "languages", "notes"]
    return headers, [[p.name, p.kind, p.email, p.phone, p.languages, p.notes] for p in page.items]


def _assignments(
    session: Session, principal: Principal, board_id: int | None
) -> tuple[list[str], list[list[Any]]]:
    page = people.list_assignments(
        session,
        principal,
        ALL,
        board_id=board_id,
        school_id=None,
        person_id=None,
        partnership_id=None,
        role=None,
        active=None,
    )
    school_codes = _school_codes(session)
    headers = [
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
    ]
    return headers, [
        [
            a.person_name,
            a.role_code,
            school_codes.get(a.school_id or 0, ""),
            a.partner_name,
            a.hours_per_week,
            a.hours_per_year,
            a.starts_on,
            a.ends_on,
            a.is_primary,
            a.notes,
        ]
        for a in page.items
    ]


def _school_codes(session: Session) -> dict[int, str]:
    import sqlalchemy as sa

    from spil.organisations.models import School

    return {sid: code for sid, code in session.execute(sa.select(School.id, School.location_code)).all()}


def _measurements(
    session: Session, principal: Principal, board_id: int | None
) -> tuple[list[str], list[list[Any]]]:
    from spil.indicators import measurements as indicators

    page = indicators.list_measurements(
        session,
        principal,
        ALL,
        indicator=None,
        school_id=None,
        board_id=board_id,
        date_from=None,
        date_to=None,
    )
    codes = _school_codes(session)
    headers = ["indicator", "school", "period", "value", "note", "source", "enteredBy"]
    return headers, [
        [
            m.indicator,
            codes.get(m.school_id, "") if m.school_id else "",
            m.period,
            m.value,
            m.note,
            m.source,
            m.entered_by,
        ]
        for m in page.items
    ]


BUILDERS: dict[str, Callable[[Session, Principal, int | None], tuple[list[str], list[list[Any]]]]] = {
    "partners": _partners,
    "partnerships": _partnerships,
    "people": _people,
    "role-assignments": _assignments,
    "measurements": _measurements,
}


def _names(session: Session, model: Any) -> dict[str, str]:
    """Code -> Dutch name of a catalogue (built-in and the boards' own; the own name wins)."""
    import sqlalchemy as sa

    rows = session.execute(sa.select(model.code, model.name_nl).order_by(model.board_id.is_not(None))).all()
    return {code: name for code, name in rows}


def in_dutch(
    session: Session, kind: str, headers: list[str], rows: list[list[Any]]
) -> tuple[list[str], list[list[Any]]]:
    """The export as people read it: Dutch column labels, categories, roles and kinds by their
    Dutch names, yes/no as ja/nee. The import reads all of these back (``labels``)."""
    from spil.partners.models import PartnerCategory
    from spil.people.models import RoleType

    translate: dict[int, Any] = {}
    for i, field in enumerate(headers):
        if field == "category":
            names = _names(session, PartnerCategory)
            translate[i] = lambda v, names=names: names.get(v, v) if isinstance(v, str) else v
        elif field == "role":
            roles = _names(session, RoleType)
            translate[i] = lambda v, roles=roles: roles.get(v, v) if isinstance(v, str) else v
        elif field == "kind":
            translate[i] = lambda v: labels.person_kind_label(v, "nl") if isinstance(v, str) else v
    out = []
    for row in rows:
        cells = []
        for i, value in enumerate(row):
            if isinstance(value, bool):
                value = labels.yes_no_label(value, "nl")
            elif i in translate:
                value = translate[i](value)
            cells.append(value)
        out.append(cells)
    return [labels.header(h, "nl", kind) for h in headers], out


def export(
    session: Session,
    principal: Principal,
    kind: ExportKind,
    board_id: int | None,
    fmt: Literal["csv", "xlsx"],
    lang: Lang = "nl",
) -> tuple[bytes, str, str]:
    headers, rows = BUILDERS[kind](session, principal, board_id)
    if lang == "nl":
        headers, rows = in_dutch(session, kind, headers, rows)
    if fmt == "xlsx":
        return (
            write_xlsx(kind, headers, rows),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            f"spil-{kind}.xlsx",
        )
    return write_csv(headers, rows), "text/csv; charset=utf-8", f"spil-{kind}.csv"
