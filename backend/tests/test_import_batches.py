"""Imports in batches (issue 18): a dry run asks the database a bounded number of questions,
whatever the length of the file, and the real import writes exactly what the dry run showed,
with its audit trail. Counting SQL statements, not timing: the times are in ``make bench-import``."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
import sqlalchemy as sa

from spil.kit.audit import AuditEvent
from spil.kit.policy import Grant, Principal, Role
from spil.partners.models import Partner
from spil.people.models import Person, RoleAssignment
from spil.transfer import rows as import_rows
from spil.transfer.service import import_csv


def _file(headers: list[str], lines: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows([headers, *lines])
    return out.getvalue().encode()


def partners(n: int, prefix: str = "Batch partner") -> bytes:
    lines = [
        [f"{prefix} {i:04d}", ["Bibliotheek", "sport", "Cultuur"][i % 3], f"{80000000 + i:08d}", "Haarlem"]
        for i in range(n)
    ]
    lines.append(["Zonder categorie", "Ruimtevaart", "", ""])  # an error: no queries of its own either
    return _file(["Naam", "Categorie", "KvK-nummer", "Gemeente"], lines)


def people(n: int) -> bytes:
    lines = [[f"Batch persoon {i:04d}", "Medewerker", f"batch{i:04d}@school.example", "nl"] for i in range(n)]
    lines.append(["Zonder adres", "Astronaut", "", ""])
    return _file(["Naam", "Soort", "E-mailadres", "Talen"], lines)


def assignments(n: int) -> bytes:
    lines = [
        [f"batch{i:04d}@school.example", "Intern begeleider", ["12AB00", "45EF00"][i % 2], "4", "ja"]
        for i in range(n)
    ]
    lines.append(["niemand@school.example", "Intern begeleider", "12AB00", "", ""])
    return _file(["Persoon", "Rol", "Vestigingscode", "Uren per week", "Eerste aanspreekpunt"], lines)


FILES = {"partners": partners, "people": people, "role-assignments": assignments}


@pytest.fixture
def admin(demo: dict[str, int]) -> Principal:
    board = demo["41234"]
    return Principal(kind="user", id=0, label="test", grants=(Grant(role=Role.BOARD_ADMIN, board_id=board),))


# Every statement of the tests' engine passes here; ``counted`` collects them while it is open.
# (One listener for the whole run: adding and removing one on a pooled engine per test is not needed.)
COUNTING: list[list[str]] = []
LISTENING: set[int] = set()


def _count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
    for statements in COUNTING:
        statements.append(statement)


@contextmanager
def counted(engine: sa.Engine) -> Iterator[list[str]]:
    if id(engine) not in LISTENING:
        sa.event.listen(engine, "before_cursor_execute", _count)
        LISTENING.add(id(engine))
    statements: list[str] = []
    COUNTING.append(statements)
    try:
        yield statements
    finally:
        COUNTING.remove(statements)


def run(db: Any, principal: Principal, board: int, kind: str, raw: bytes, **kw: Any) -> Any:
    kw.setdefault("dry_run", True)
    kw.setdefault("valid_only", False)
    return import_csv(db, principal, kind, board, raw, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", ["partners", "people", "role-assignments"])
def test_a_dry_run_asks_the_same_number_of_queries_for_10_rows_as_for_200(db, engine, demo, admin, kind):
    board = demo["41234"]
    if kind == "role-assignments":  # the people the assignments name
        assert run(db, admin, board, "people", people(200), dry_run=False, valid_only=True).written
    counts = {}
    for n in (10, 200):
        with counted(engine) as statements:
            result = run(db, admin, board, kind, FILES[kind](n))
        assert (result.valid, result.invalid) == (n, 1)
        counts[n] = len(statements)
    assert counts[10] == counts[200], counts
    assert counts[200] <= 12, counts
    # once written, the same file again (every row matched to a record) is no different
    assert run(db, admin, board, kind, FILES[kind](200), dry_run=False, valid_only=True).written
    again = {}
    for n in (10, 200):
        with counted(engine) as statements:
            result = run(db, admin, board, kind, FILES[kind](n))
        assert {r.status for r in result.rows} == {"unchanged", "error"}
        again[n] = len(statements)
    assert again[10] == again[200] <= 12, again


def test_a_long_file_adds_a_few_queries_per_batch_of_rows(db, engine, demo, admin):
    board = demo["41234"]
    with counted(engine) as one_batch:
        run(db, admin, board, "partners", partners(10))
    n = 3 * import_rows.BATCH + 10
    with counted(engine) as four_batches:
        result = run(db, admin, board, "partners", partners(n))
    assert result.valid == n
    assert len(four_batches) <= len(one_batch) + 3 * 2, (len(one_batch), len(four_batches))


def _outcome(result: Any) -> list[tuple[int, str, str, list[tuple[str, str]]]]:
    return [(r.row, r.status, r.key, [(e.field, e.reason) for e in r.errors]) for r in result.rows]


def _events(db: Any, entity_type: str, after: int) -> list[AuditEvent]:
    return list(
        db.execute(
            sa.select(AuditEvent)
            .where(AuditEvent.entity_type == entity_type, AuditEvent.id > after)
            .order_by(AuditEvent.id)
        ).scalars()
    )


def _last_event(db: Any) -> int:
    return db.scalar(sa.select(sa.func.coalesce(sa.func.max(AuditEvent.id), 0)))


def test_the_import_writes_what_the_dry_run_showed_rows_that_repeat_a_record_included(db, demo, admin):
    board = demo["41234"]
    existing = (
        db.execute(sa.select(Partner).where(Partner.board_id == board).order_by(Partner.id)).scalars().first()
    )
    content = _file(
        ["Naam", "Categorie", "KvK-nummer", "Telefoonnummer", "Opmerkingen"],
        [
            ["Nieuwe Partner", "Sport", "90000001", "", ""],
            [existing.name, "", "", "", "Gewijzigd door de import"],  # matched by name: a change
            ["Nieuwe Partner", "Sport", "90000001", "023 555 0101", ""],  # the row above's partner again
            ["Nieuwe Partner", "Sport", "90000001", "023 555 0101", ""],  # ... unchanged now
            ["Kapotte rij", "Sport", "123", "", ""],  # an error: KvK number
            ["NIEUWE partner", "Sport", "", "", "zonder KvK: op naam gevonden"],
        ],
    )
    preview = run(db, admin, board, "partners", content)
    assert [r.status for r in preview.rows] == ["create", "update", "update", "unchanged", "error", "update"]
    assert preview.rows[4].errors[0].field == "kvkNumber"
    assert db.scalar(sa.select(sa.func.count()).where(Partner.kvk_number == "90000001")) == 0
    before = _last_event(db)
    written = run(db, admin, board, "partners", content, dry_run=False, valid_only=True)
    assert written.written and _outcome(written) == _outcome(preview)
    new = db.execute(sa.select(Partner).where(Partner.kvk_number == "90000001")).scalars().one()
    assert (new.name, new.notes) == ("NIEUWE partner", "zonder KvK: op naam gevonden")
    db.refresh(existing)
    assert existing.notes == "Gewijzigd door de import"
    events = _events(db, "partner", before)
    assert [(e.action, e.entity_id) for e in events] == [
        ("create", new.id),
        ("update", existing.id),
        ("update", new.id),
        ("update", new.id),
    ]
    assert events[0].after["kvkNumber"] == "90000001" and events[0].after["phone"] is None
    assert events[1].after == {"notes": "Gewijzigd door de import"}
    assert (events[2].before, events[2].after) == ({"phone": None}, {"phone": "023 555 0101"})
    assert events[3].after == {"name": "NIEUWE partner", "notes": "zonder KvK: op naam gevonden"}
    # the same file again: its rows change the records back and forth as before, the same way
    # in the dry run as in the import
    before = _last_event(db)
    preview = run(db, admin, board, "partners", content)
    assert [r.status for r in preview.rows] == [
        "update",
        "unchanged",
        "unchanged",
        "unchanged",
        "error",
        "update",
    ]
    again = run(db, admin, board, "partners", content, dry_run=False, valid_only=True)
    assert _outcome(again) == _outcome(preview)
    assert [e.action for e in _events(db, "partner", before)] == ["update", "update"]


def test_people_and_their_roles_dry_run_and_import_agree(db, demo, admin):
    board = demo["41234"]
    staff = _file(
        ["Naam", "Soort", "E-mailadres", "Talen"],
        [
            ["Nina Nieuw", "Vrijwilliger", "Nina@School.example", "nl, en"],
            ["Nina Nieuw", "Medewerker", "nina@school.example", ""],  # the same person (e-mail)
            ["Zonder Soort", "Astronaut", "", ""],
        ],
    )
    preview = run(db, admin, board, "people", staff)
    assert [r.status for r in preview.rows] == ["create", "update", "error"]
    before = _last_event(db)
    written = run(db, admin, board, "people", staff, dry_run=False, valid_only=True)
    assert _outcome(written) == _outcome(preview)
    nina = db.execute(sa.select(Person).where(Person.email == "nina@school.example")).scalars().one()
    assert (nina.kind, nina.languages) == ("staff", ["nl", "en"])
    assert [e.action for e in _events(db, "person", before)] == ["create", "update"]

    roles = _file(
        ["Persoon", "Rol", "Vestigingscode", "Uren per week", "Begindatum", "Einddatum"],
        [
            ["nina@school.example", "Intern begeleider", "12AB00", "4", "2026-01-01", ""],
            ["Nina Nieuw", "ib", "12AB00", "6", "", ""],  # the same role at the same school: a change
            ["nina@school.example", "Intern begeleider", "12AB00", "", "", "2025-01-01"],  # ends before start
            ["nina@school.example", "Intern begeleider", "", "", "", ""],  # a school role without school
            ["nina@school.example", "Intern begeleider", "99ZZ99", "", "", ""],
        ],
    )
    preview = run(db, admin, board, "role-assignments", roles)
    assert [(r.status, [e.field for e in r.errors]) for r in preview.rows] == [
        ("create", []),
        ("update", []),
        ("error", ["endsOn"]),
        ("error", ["school"]),
        ("error", ["school"]),
    ]
    before = _last_event(db)
    written = run(db, admin, board, "role-assignments", roles, dry_run=False, valid_only=True)
    assert _outcome(written) == _outcome(preview)
    held = db.execute(sa.select(RoleAssignment).where(RoleAssignment.person_id == nina.id)).scalars().all()
    assert [(a.hours_per_week, str(a.starts_on)) for a in held] == [(6, "2026-01-01")]
    events = _events(db, "role-assignment", before)
    assert [e.action for e in events] == ["create", "update"]
    assert events[0].school_id == demo["12AB00"] and events[0].board_id == board


def test_nothing_is_written_when_a_row_fails_unless_valid_only(db, demo, admin):
    board = demo["41234"]
    before = _last_event(db)
    result = run(db, admin, board, "people", people(20), dry_run=False)
    assert not result.written and result.invalid == 1
    assert db.scalar(sa.select(sa.func.count()).where(Person.email.like("batch%@school.example"))) == 0
    assert _last_event(db) == before
