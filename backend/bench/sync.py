"""The sync case of ``make bench``: a board of 100 schools, 3,000 people and 6,000 assignments sent
in one sync run on PostgreSQL, then the same run again (everything unchanged), each timed next
to a plain ``COPY`` of the same rows measured in the same run (the reference: the fastest the
database takes those rows at all).

    python -m bench.sync                                  # its own throwaway cluster
    python -m bench.sync --database-url postgresql+psycopg://...   # a migrated database

Aims (issue 19, the 2-core machine): the first run under 15 s, the unchanged run under 3 s.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import psycopg

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
BOARD_NUMBER = "99990"
SCHOOLS, PEOPLE, ASSIGNMENTS_PER_PERSON = 100, 3000, 2
NOW = "2026-12-01 00:00:00+00"


def _plain(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def prepare(url: str) -> int:
    """The bench board and its 100 schools (location codes 90AA00 ...), made once; its id."""
    with psycopg.connect(_plain(url), autocommit=True) as conn:
        found = conn.execute("SELECT id FROM board WHERE number = %s", (BOARD_NUMBER,)).fetchone()
        if found:
            return int(found[0])
        municipality = conn.execute("SELECT id FROM municipality WHERE code = 'GM0392'").fetchone()
        assert municipality, "the municipalities are shipped by the migrations"
        board = conn.execute(
            "INSERT INTO board (number, name, municipality_id, retention_years, created_at, updated_at,"
            " version) VALUES (%s, 'Bench: Stichting Honderd Scholen', %s, 7, now(), now(), 1) RETURNING id",
            (BOARD_NUMBER, municipality[0]),
        ).fetchone()
        assert board
        return int(board[0])


def payload() -> dict[str, Any]:
    schools = [
        {
            "locationCode": f"9{chr(65 + i // 26)}{chr(65 + i % 26)}A00",  # unique 4-character codes
            "name": f"Bench school {i:03d}",
            "sector": "PO",
            "municipalityCode": "GM0392",
        }
        for i in range(SCHOOLS)
    ]
    titles = ["Leerkracht", "Intern begeleider", "Directeur", "Leerkracht", "Zorgcoördinator"]
    people, assignments = [], []
    for p in range(PEOPLE):
        people.append(
            {"sourceId": f"B-{p:05d}", "name": f"Medewerker {p:05d}", "email": f"m{p:05d}@bench.example"}
        )
        for k in range(ASSIGNMENTS_PER_PERSON):
            assignments.append(
                {
                    "sourceId": f"B-{p:05d}-{k}",
                    "personSourceId": f"B-{p:05d}",
                    "role": titles[(p + k) % len(titles)] if k else "Leerkracht",
                    "locationCode": schools[(p + k * 7) % SCHOOLS]["locationCode"],
                    "hoursPerWeek": 8 + (p % 4) * 4 if k else None,
                }
            )
    for a in assignments:
        if a["hoursPerWeek"] is None:
            del a["hoursPerWeek"]
    return {
        "source": "parnassys",
        "mode": "snapshot",
        "schools": schools,
        "people": people,
        "roleAssignments": assignments,
    }


def run_once(url: str, board_id: int, body: dict[str, Any]) -> tuple[float, dict[str, Any]]:
    os.environ["SPIL_DATABASE_URL"] = url
    import spil.models  # noqa: F401  (every table, for the foreign keys)
    from spil.kit import db as kit_db
    from spil.kit.policy import Grant, Principal, Role
    from spil.sync import service

    principal = Principal(
        kind="api-client",
        id=0,
        label="bench",
        grants=(Grant(role=Role.BOARD_ADMIN, board_id=board_id),),
        api_scopes=frozenset({"sync:write"}),
    )
    engine = kit_db.make_engine(url)
    start = time.perf_counter()
    with kit_db.unit_of_work(engine=engine) as session:
        run = service.run_sync(
            session,
            principal,
            body,
            board_id=board_id,
            dry_run=False,
            valid_only=False,
            confirm_large_removal=True,
        )
        counts = run.counts
        status = run.status
    elapsed = time.perf_counter() - start
    engine.dispose()
    assert status == "applied", (status, run.problems[:3])
    return elapsed, counts


def copy_reference(url: str, body: dict[str, Any]) -> float:
    """The same rows by ``COPY`` into unlogged tables shaped like person and role_assignment."""
    with psycopg.connect(_plain(url)) as conn:
        conn.execute("CREATE TEMP TABLE bench_person (LIKE person INCLUDING DEFAULTS) ON COMMIT DROP")
        conn.execute(
            "CREATE TEMP TABLE bench_assignment (LIKE role_assignment INCLUDING DEFAULTS) ON COMMIT DROP"
        )
        people = io.StringIO(
            "".join(
                f"{i}\t1\t{p['name']}\tstaff\t{p['email']}\t[]\t{NOW}\t{NOW}\t1\n"
                for i, p in enumerate(body["people"], 1)
            )
        )
        rows = io.StringIO(
            "".join(
                f"{i}\t{i % 3000 + 1}\t1\t1\t1\t8\tt\t{NOW}\t{NOW}\t1\n"
                for i in range(1, len(body["roleAssignments"]) + 1)
            )
        )
        start = time.perf_counter()
        with conn.cursor() as cur:
            with cur.copy(
                "COPY bench_person (id, board_id, name, kind, email, languages, created_at, updated_at,"
                " version) FROM STDIN"
            ) as copy:
                copy.write(people.getvalue())
            with cur.copy(
                "COPY bench_assignment (id, person_id, role_type_id, board_id, school_id, hours_per_week,"
                " is_primary, created_at, updated_at, version) FROM STDIN"
            ) as copy:
                copy.write(rows.getvalue())
        elapsed = time.perf_counter() - start
        conn.rollback()
    return elapsed


def report(url: str) -> int:
    board_id = prepare(url)
    body = payload()
    rows = len(body["schools"]) + len(body["people"]) + len(body["roleAssignments"])
    reference = copy_reference(url, body)
    first, counts = run_once(url, board_id, body)
    again, counts_again = run_once(url, board_id, body)
    unchanged = sum(c["unchanged"] for c in counts_again.values())
    created = sum(c["created"] for c in counts.values())
    print()
    print(
        f"Sync run: {SCHOOLS} schools, {PEOPLE} people, "
        f"{len(body['roleAssignments'])} assignments ({rows} items)"
    )
    print(f"  COPY reference      {reference:7.2f} s  {rows / reference:9.0f} rows/s")
    print(
        f"  first run (creates) {first:7.2f} s  {rows / first:9.0f} rows/s  {first / reference:6.1f}× COPY"
        f"  created {created}  (aim < 15 s)"
    )
    print(
        f"  same run again      {again:7.2f} s  {rows / again:9.0f} rows/s  {again / reference:6.1f}× COPY"
        f"  unchanged {unchanged}  (aim < 3 s)"
    )
    assert unchanged == rows, counts_again
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", help="a migrated PostgreSQL database to use")
    args = parser.parse_args(argv)
    if args.database_url:
        return report(args.database_url)
    from tests.pg import EphemeralPostgres

    cluster = EphemeralPostgres()
    try:
        url = cluster.start()
        subprocess.run(
            [str(BIN / "alembic"), "-c", str(REPO / "alembic.ini"), "upgrade", "head"],
            env={**os.environ, "SPIL_DATABASE_URL": url},
            check=True,
            capture_output=True,
        )
        return report(url)
    finally:
        cluster.stop()


if __name__ == "__main__":
    sys.exit(main())
