"""The import case of the benchmarks: a 5,000-row file of partners, of people and of role
assignments imported into a board through the service (``spil.transfer.service.import_csv``),
first as a dry run, then for real, then the same file again as a dry run (everything
unchanged), on SQLite and on PostgreSQL. Next to it, measured in the same run on the same
database, the reference: the same CSV parsed by the ``csv`` module and inserted by one
``executemany`` into a scratch table (the least an import of those rows costs at all).

    python -m bench.imports                     # SQLite and a throwaway PostgreSQL cluster
    python -m bench.imports --databases sqlite  # one of them
    python -m bench.imports --database-url URL  # a migrated database (demo data loaded if missing)
    python -m bench.imports --profile partners  # cProfile of the dry run of one kind

Aim (issues 16 and 18): a 5,000-row dry run in under 3 s on the 2-core machine.
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import io
import os
import pstats
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
BOARD_NUMBER = "41234"  # the demo's first board: its schools, categories and role types
ROWS = 5000
KINDS = ("partners", "people", "role-assignments")


def _environment(url: str) -> None:
    os.environ.setdefault("SPIL_ENV", "test")
    os.environ.setdefault("SPIL_SECRET_KEY", "bench-secret-key-that-is-long-enough-0123456789")
    os.environ["SPIL_DATABASE_URL"] = url


def csv_bytes(headers: list[str], rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")


def partners_file(n: int) -> bytes:
    categories = ["Bibliotheek", "sport", "Kinderopvang", "culture", "Natuur en milieu"]
    rows = [
        [
            f"Bench partner {i:05d}",
            categories[i % len(categories)],
            f"{70000000 + i:08d}",
            f"info{i:05d}@partner.example",
            f"023 555 {i % 10000:04d}",
            f"https://partner{i:05d}.example",
            "Haarlem" if i % 2 else "GM0392",
            f"Kerkstraat {i % 200 + 1}, Haarlem",
            "Samenwerking sinds 2024" if i % 3 == 0 else "",
        ]
        for i in range(n)
    ]
    headers = ["Naam", "Categorie", "KvK-nummer", "E-mailadres", "Telefoonnummer", "Website", "Gemeente"]
    return csv_bytes([*headers, "Adres", "Opmerkingen"], rows)


def people_file(n: int) -> bytes:
    kinds = ["Medewerker", "Vrijwilliger", "Extern", "staff"]
    rows = [
        [
            f"Bench medewerker {i:05d}",
            kinds[i % len(kinds)],
            f"bench{i:05d}@school.example",
            f"06 {i:08d}",
            "nl, en" if i % 2 else "nl",
            "",
        ]
        for i in range(n)
    ]
    return csv_bytes(["Naam", "Soort", "E-mailadres", "Telefoonnummer", "Talen", "Opmerkingen"], rows)


def assignments_file(n: int, schools: list[str], roles: list[str]) -> bytes:
    """One role per person of the people file, at one of the board's schools."""
    rows = [
        [
            f"bench{i:05d}@school.example",
            roles[i % len(roles)],
            schools[i % len(schools)],
            str(2 + i % 6) if i % 2 else "",
            "2026-08-01",
            "ja" if i % 7 == 0 else "nee",
        ]
        for i in range(n)
    ]
    return csv_bytes(
        ["Persoon", "Rol", "Vestigingscode", "Uren per week", "Begindatum", "Eerste aanspreekpunt"], rows
    )


def prepare(url: str) -> tuple[int, list[str], list[str]]:
    """The demo board (seeded when missing): its id, its schools' location codes and the names of
    school-level role types."""
    _environment(url)
    import sqlalchemy as sa

    import spil.models  # noqa: F401  (every table, for the foreign keys)
    from spil.kit import db as kit_db
    from spil.organisations.models import Board, School
    from spil.people.models import RoleType

    engine = kit_db.make_engine(url)
    try:
        with kit_db.unit_of_work(engine=engine) as session:
            board_id = session.scalar(sa.select(Board.id).where(Board.number == BOARD_NUMBER))
            if board_id is None:
                from spil.demo import seed_demo

                seed_demo(session, "bench-demo-password")
                board_id = session.scalar(sa.select(Board.id).where(Board.number == BOARD_NUMBER))
            assert board_id is not None
            schools = list(
                session.scalars(
                    sa.select(School.location_code).where(School.board_id == board_id).order_by(School.id)
                )
            )
            roles = list(
                session.scalars(
                    sa.select(RoleType.name_nl)
                    .where(RoleType.board_id.is_(None), RoleType.scope_level == "school")
                    .order_by(RoleType.id)
                )
            )
    finally:
        engine.dispose()
    return board_id, schools, roles


def _principal(board_id: int) -> Any:
    from spil.kit.policy import Grant, Principal, Role

    return Principal(
        kind="user", id=0, label="bench", grants=(Grant(role=Role.BOARD_ADMIN, board_id=board_id),)
    )


def run_import(
    engine: Any, board_id: int, kind: str, raw: bytes, *, dry_run: bool, profile: bool = False
) -> tuple[float, Any]:
    from spil.kit import db as kit_db
    from spil.transfer.service import import_csv

    principal = _principal(board_id)
    profiler = cProfile.Profile() if profile else None
    start = time.perf_counter()
    with kit_db.unit_of_work(engine=engine) as session:
        if profiler:
            profiler.enable()
        result = import_csv(session, principal, kind, board_id, raw, dry_run=dry_run, valid_only=False)  # type: ignore[arg-type]
        if profiler:
            profiler.disable()
    elapsed = time.perf_counter() - start
    if profiler:
        stats = pstats.Stats(profiler)
        stats.sort_stats("cumulative").print_stats(45)
        stats.sort_stats("tottime").print_stats(25)
    assert result.invalid == 0, [r for r in result.rows if r.status == "error"][:3]
    return elapsed, result


def reference(engine: Any, raw: bytes) -> float:
    """The CSV parsed by the csv module and its rows inserted by one executemany into a scratch
    table with as many text columns: the floor under any import of the file."""
    text = raw.decode("utf-8-sig")
    width = len(text.split("\r\n", 1)[0].split(";"))
    columns = ", ".join(f"c{i} VARCHAR(500)" for i in range(width))
    marks = ", ".join(["%s" if engine.dialect.name == "postgresql" else "?"] * width)
    connection = engine.raw_connection()
    try:
        cursor = connection.cursor()
        cursor.execute("DROP TABLE IF EXISTS bench_import")
        cursor.execute(f"CREATE TEMPORARY TABLE bench_import ({columns})")
        start = time.perf_counter()
        lines = list(csv.reader(io.StringIO(text), delimiter=";"))[1:]
        cursor.executemany(f"INSERT INTO bench_import VALUES ({marks})", lines)
        elapsed = time.perf_counter() - start
        connection.rollback()
        cursor.execute("DROP TABLE IF EXISTS bench_import")
        connection.commit()
    finally:
        connection.close()
    return elapsed


def report(url: str, rows: int = ROWS, profile: str | None = None, kinds: tuple[str, ...] = KINDS) -> int:
    board_id, schools, roles = prepare(url)
    from spil.kit import db as kit_db

    engine = kit_db.make_engine(url)
    name = "PostgreSQL" if url.startswith("postgresql") else "SQLite"
    files = {
        "partners": partners_file(rows),
        "people": people_file(rows),
        "role-assignments": assignments_file(rows, schools, roles),
    }
    print(f"\nImports on {name}: {rows} rows per file, board {BOARD_NUMBER}", flush=True)
    print(f"  {'kind':<17} {'case':<22} {'time':>8} {'rows/s':>9} {'× ref':>7}  result")
    try:
        for kind in KINDS:
            raw = files[kind]
            if kind not in kinds and kind != "people":
                continue
            ref = min(reference(engine, raw) for _ in range(3))
            print(f"  {kind:<17} {'reference (csv+insert)':<22} {ref:7.2f}s {rows / ref:9.0f} {1:7.1f}")
            if profile == kind:
                run_import(engine, board_id, kind, raw, dry_run=True, profile=True)
            for case, dry in (("dry run", True), ("import", False), ("dry run again", True)):
                seconds, result = run_import(engine, board_id, kind, raw, dry_run=dry)
                said = f"created {result.created}, updated {result.updated}, valid {result.valid}"
                ratio = seconds / ref
                print(
                    f"  {kind:<17} {case:<22} {seconds:7.2f}s {rows / seconds:9.0f} {ratio:7.1f}  {said}",
                    flush=True,
                )
    finally:
        engine.dispose()
    print("  aim: a dry run of 5,000 rows under 3 s")
    return 0


def _migrate(url: str) -> None:
    subprocess.run(
        [str(BIN / "alembic"), "-c", str(REPO / "alembic.ini"), "upgrade", "head"],
        env={**os.environ, "SPIL_DATABASE_URL": url},
        check=True,
        capture_output=True,
    )


def _terminate(signum: int, frame: Any) -> None:
    raise SystemExit(128 + signum)  # unwinds through the finally block that stops the cluster


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", help="a migrated database to use")
    parser.add_argument("--databases", default="sqlite,postgresql", help="which throwaway databases")
    parser.add_argument("--rows", type=int, default=ROWS)
    parser.add_argument("--profile", choices=KINDS, help="print a cProfile of this kind's dry run")
    parser.add_argument(
        "--kinds", default=",".join(KINDS), help="which kinds (people always: roles need them)"
    )
    args = parser.parse_args(argv)
    kinds = tuple(k.strip() for k in args.kinds.split(",") if k.strip())
    signal.signal(signal.SIGTERM, _terminate)
    signal.signal(signal.SIGHUP, _terminate)
    if args.database_url:
        return report(args.database_url, args.rows, args.profile, kinds)
    wanted = [d.strip() for d in args.databases.split(",") if d.strip()]
    if "sqlite" in wanted:
        with tempfile.TemporaryDirectory(prefix="spil-bench-") as tmp:
            url = f"sqlite:///{tmp}/bench.sqlite3"
            _migrate(url)
            report(url, args.rows, args.profile, kinds)
    if "postgresql" in wanted:
        from tests.pg import EphemeralPostgres

        cluster = EphemeralPostgres()
        try:
            url = cluster.start()
            _migrate(url)
            report(url, args.rows, args.profile, kinds)
        finally:
            cluster.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
