"""A national-scale data set on PostgreSQL, loaded with COPY.

At SCALE 1.0: about 1,000 boards, 7,000 schools in ~340 municipalities over the 35 labour-market
regions, 50,000 partners, 200,000 partnerships, 60,000 people, 100,000 role assignments and
8 million monthly measurements over five years (19 monthly indicators for every school: the two
built-in monthly ones and 17 extra national ones). Deterministic (seeded).

    python -m bench.generate --url postgresql://... [--scale 0.02]

The database must be freshly migrated (``alembic upgrade head``); the generator refuses a
database that already has boards.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import psycopg

from spil.kit import clock

SEED = 20261123
EXTRA_INDICATORS = 17  # + 2 built-in monthly ones = 19 series per school: 7,000 x 60 x 19 = 8.0 M
MONTHS = 60  # five years, ending with the current month
STAMP = "2026-01-01 00:00:00+00"
SECTORS = ("PO", "PO", "PO", "PO", "SBO", "SO", "VO", "VO")
STATUSES = ("active",) * 70 + ("exploring",) * 10 + ("paused",) * 8 + ("ended",) * 12
LEVELS = ('["pupil"]', '["group"]', '["school"]', '["group", "school"]')
PURPOSES = ('["vision"]', '["proximity"]', '["societal-mission", "other"]', '["required-care"]')
# The roles every school should have (the gaps list reports the missing ones) and how often held.
SCHOOL_ROLES = {
    "school-leader": 0.97,
    "internal-confidential-counsellor": 0.85,
    "anti-bullying-coordinator": 0.85,
    "reporting-code-officer": 0.7,
    "ib": 0.6,
}
CONTACT_ROLE = "partnership-contact"
# The columns that measurements and targets share.
SCOPED_VALUE = (
    "created_at",
    "updated_at",
    "version",
    "indicator_id",
    "board_id",
    "school_id",
    "scope_key",
    "period",
    "period_start",
    "value",
)


def month_start(today: dt.date, back: int) -> dt.date:
    index = today.year * 12 + today.month - 1 - back
    return dt.date(index // 12, index % 12 + 1, 1)


def _cell(value: Any) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    return str(value)


def copy_rows(
    conn: psycopg.Connection[Any], table: str, columns: Iterable[str], rows: Iterable[Iterable[Any]]
) -> int:
    """COPY ``rows`` into ``table`` in the text format (the values never hold tabs or newlines)."""
    n = 0
    cols = ", ".join(columns)
    with conn.cursor() as cur, cur.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
        buf: list[str] = []
        for row in rows:
            buf.append("\t".join(map(_cell, row)))
            n += 1
            if len(buf) >= 20_000:
                copy.write("\n".join(buf) + "\n")
                buf.clear()
        if buf:
            copy.write("\n".join(buf) + "\n")
    return n


class Generator:
    def __init__(self, conn: psycopg.Connection[Any], scale: float, today: dt.date | None = None) -> None:
        self.conn = conn
        self.scale = scale
        self.today = today or clock.today()
        self.rng = random.Random(SEED)
        self.timings: list[tuple[str, int, float]] = []

    def n(self, national: int, minimum: int = 1) -> int:
        return max(minimum, round(national * self.scale))

    def ids(self, sql: str, *params: Any) -> list[Any]:
        return [r[0] for r in self.conn.execute(sql, params).fetchall()]

    def by_board(self, table: str) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for ident, board in self.conn.execute(f"SELECT id, board_id FROM {table} ORDER BY id"):
            out.setdefault(board, []).append(ident)
        return out

    def step(self, label: str, fn: Callable[[], int]) -> None:
        start = time.perf_counter()
        count = fn()
        self.conn.commit()
        took = time.perf_counter() - start
        self.timings.append((label, count, took))
        print(f"  {label:<22} {count:>10,} rows  {took:7.1f} s", flush=True)

    # --- the organisations -------------------------------------------------------------------
    def municipalities(self) -> int:
        regions = self.ids("SELECT id FROM labour_market_region ORDER BY id")
        rows = [(f"GM{i:04d}", f"Gemeente {i}", regions[i % len(regions)]) for i in range(self.n(342, 35))]
        count = copy_rows(self.conn, "municipality", ("code", "name", "region_id"), rows)
        self.municipality_region = dict(
            self.conn.execute("SELECT id, region_id FROM municipality WHERE code LIKE 'GM%%'").fetchall()
        )
        self.by_region: dict[int, list[int]] = {}
        for m, r in self.municipality_region.items():
            self.by_region.setdefault(r, []).append(m)
        return count

    def boards(self) -> int:
        munis = sorted(self.municipality_region)
        rows = (
            (STAMP, STAMP, 1, f"{10000 + i}", f"Stichting Bench {i}", self.rng.choice(munis), None)
            for i in range(self.n(1000))
        )
        count = copy_rows(
            self.conn,
            "board",
            ("created_at", "updated_at", "version", "number", "name", "municipality_id", "email"),
            rows,
        )
        self.board_ids = self.ids("SELECT id FROM board WHERE number ~ '^1[0-9]{4}$' ORDER BY id")
        return count

    def schools(self) -> int:
        """Every board one school; the rest skewed (a few boards with ~100 schools, most with a
        handful), in the board's region mostly."""
        boards = self.board_ids
        total = self.n(7000, len(boards))
        weights = [1 / (k + 1) ** 0.5 for k in range(len(boards))]
        owners = boards + self.rng.choices(boards, weights=weights, k=total - len(boards))
        board_muni = dict(self.conn.execute("SELECT id, municipality_id FROM board").fetchall())
        munis = sorted(self.municipality_region)
        rows = []
        for i, board in enumerate(owners):
            region = self.municipality_region[board_muni[board]]
            muni = (
                self.rng.choice(self.by_region[region])
                if self.rng.random() < 0.85
                else self.rng.choice(munis)
            )
            rows.append(
                (
                    STAMP,
                    STAMP,
                    1,
                    board,
                    f"B{i:05d}",
                    f"School {i}",
                    self.rng.choice(SECTORS),
                    muni,
                    f"Plaats {muni}",
                )
            )
        count = copy_rows(
            self.conn,
            "school",
            (
                "created_at",
                "updated_at",
                "version",
                "board_id",
                "location_code",
                "name",
                "sector",
                "municipality_id",
                "city",
            ),
            rows,
        )
        self.schools_list: list[tuple[int, int]] = self.conn.execute(
            "SELECT id, board_id FROM school WHERE location_code LIKE 'B%%' ORDER BY id"
        ).fetchall()
        return count

    # --- partners and people -----------------------------------------------------------------
    def partners(self) -> int:
        categories = self.ids("SELECT id FROM partner_category WHERE board_id IS NULL")
        munis = sorted(self.municipality_region)
        # a board's partners in proportion to its schools
        owners = [b for _, b in self.rng.choices(self.schools_list, k=self.n(50_000))]
        rows = (
            (
                STAMP,
                STAMP,
                1,
                board,
                f"Partner {i} {self.rng.choice(('Zorg', 'Sport', 'Cultuur', 'Jeugd'))}",
                self.rng.choice(categories),
                self.rng.choice(munis),
                f"{10_000_000 + i}",
            )
            for i, board in enumerate(owners)
        )
        count = copy_rows(
            self.conn,
            "partner",
            (
                "created_at",
                "updated_at",
                "version",
                "board_id",
                "name",
                "category_id",
                "municipality_id",
                "kvk_number",
            ),
            rows,
        )
        self.partners_of = self.by_board("partner")
        return count

    def partnerships(self) -> int:
        rng, today = self.rng, self.today
        rows = []
        for i in range(self.n(200_000)):
            school, board = rng.choice(self.schools_list)
            if board not in self.partners_of:  # a board without partners (tiny scales)
                continue
            end = review = None
            if rng.random() < 0.3:
                end = today + dt.timedelta(days=rng.randint(-365, 3 * 365))
            if rng.random() < 0.4:
                review = today + dt.timedelta(days=rng.randint(-200, 400))
            start = (end or today) - dt.timedelta(days=rng.randint(100, 2000))
            rows.append(
                (
                    STAMP,
                    STAMP,
                    1,
                    board,
                    None if rng.random() < 0.05 else school,
                    rng.choice(self.partners_of[board]),
                    rng.choice(LEVELS),
                    rng.choice(PURPOSES),
                    rng.random() < 0.2,
                    rng.choice(STATUSES),
                    start,
                    end,
                    review,
                    "none",
                    "[]",
                    f"Samenwerking {i}",
                )
            )
        count = copy_rows(
            self.conn,
            "partnership",
            (
                "created_at",
                "updated_at",
                "version",
                "board_id",
                "school_id",
                "partner_id",
                "levels",
                "purposes",
                "co_located",
                "status",
                "start_date",
                "end_date",
                "review_date",
                "agreement_type",
                "external_contacts",
                "title",
            ),
            rows,
        )
        return count

    def people(self) -> int:
        owners = [b for _, b in self.rng.choices(self.schools_list, k=self.n(60_000))] + self.board_ids
        rows = (
            (STAMP, STAMP, 1, board, f"Persoon {i}", "staff", f"p{i}@bench.example", "[]")
            for i, board in enumerate(owners)
        )
        count = copy_rows(
            self.conn,
            "person",
            ("created_at", "updated_at", "version", "board_id", "name", "kind", "email", "languages"),
            rows,
        )
        self.people_of = self.by_board("person")
        return count

    def role_assignments(self) -> int:
        rng, today = self.rng, self.today
        role = dict(self.conn.execute("SELECT code, id FROM role_type WHERE board_id IS NULL").fetchall())
        hours_roles = set(self.ids("SELECT id FROM role_type WHERE needs_hours"))
        wanted = self.n(100_000)
        rows: list[tuple[Any, ...]] = []

        def add(person_board: int, role_id: int, school: int | None, partnership: int | None) -> None:
            hours = round(rng.uniform(1, 8), 1) if role_id in hours_roles and rng.random() < 0.7 else None
            ends = today + dt.timedelta(days=rng.randint(1, 90)) if rng.random() < 0.1 else None
            rows.append(
                (
                    STAMP,
                    STAMP,
                    1,
                    rng.choice(self.people_of[person_board]),
                    role_id,
                    person_board,
                    school,
                    partnership,
                    hours,
                    today - dt.timedelta(days=rng.randint(30, 1500)),
                    ends,
                    True,
                )
            )

        for school, board in self.schools_list:
            for code, share in SCHOOL_ROLES.items():
                if rng.random() < share:
                    add(board, role[code], school, None)
        open_partnerships = self.conn.execute(
            "SELECT id, board_id, school_id FROM partnership WHERE status <> 'ended' ORDER BY id"
        ).fetchall()
        # the rest: internal contacts of partnerships (many have none or one: the gaps list shows them)
        left = max(0, wanted - len(rows))
        per = left / max(1, len(open_partnerships))
        p_two, p_one = per * 0.25, per * 0.5  # expected contacts: 2 * p_two + p_one = per
        for pid, board, school in open_partnerships:
            r = rng.random()
            k = 2 if r < p_two else 1 if r < p_two + p_one else 0
            for _ in range(k):
                add(board, role[CONTACT_ROLE], school, pid)
        return copy_rows(
            self.conn,
            "role_assignment",
            (
                "created_at",
                "updated_at",
                "version",
                "person_id",
                "role_type_id",
                "board_id",
                "school_id",
                "partnership_id",
                "hours_per_week",
                "starts_on",
                "ends_on",
                "is_primary",
            ),
            rows,
        )

    # --- indicators --------------------------------------------------------------------------
    def indicators(self) -> int:
        rows = [
            (
                STAMP,
                STAMP,
                1,
                f"bench-monthly-{i:02d}",
                f"Bench maandelijks {i}",
                f"Bench monthly {i}",
                ("count", "percentage", "score")[i % 3],
                "higher-is-better",
                ("sum", "mean", "mean")[i % 3],
                "month",
                "collaboration",
                False,
            )
            for i in range(1, EXTRA_INDICATORS + 1)
        ]
        return copy_rows(
            self.conn,
            "indicator",
            (
                "created_at",
                "updated_at",
                "version",
                "code",
                "name_nl",
                "name_en",
                "unit",
                "direction",
                "aggregation",
                "frequency",
                "domain",
                "derived",
            ),
            rows,
        )

    def _monthly(self) -> list[tuple[int, str]]:
        return self.conn.execute(
            "SELECT id, unit FROM indicator WHERE board_id IS NULL AND frequency = 'month' AND NOT derived "
            "ORDER BY id"
        ).fetchall()

    def measurements(self) -> int:
        """Every monthly indicator for every school for 60 months, written school by school (the
        order in which schools enter their figures); a tenth of the boards enter board figures too."""
        rng = self.rng
        months = [month_start(self.today, back) for back in range(MONTHS - 1, -1, -1)]
        labels = [(f"{m.year:04d}-{m.month:02d}", m.isoformat()) for m in months]
        indicators = self._monthly()

        def value(unit: str) -> str:
            if unit == "percentage":
                return f"{rng.uniform(0, 100):.2f}"
            if unit == "score":
                return f"{rng.uniform(1, 10):.1f}"
            return str(rng.randint(0, 40))

        def rows() -> Iterator[tuple[Any, ...]]:
            for school, board in self.schools_list:
                key = f"school:{school}"
                for ind, unit in indicators:
                    for label, start in labels:
                        yield (
                            STAMP,
                            STAMP,
                            1,
                            ind,
                            board,
                            school,
                            key,
                            label,
                            start,
                            value(unit),
                            "imported",
                            "bench",
                        )
            for board in self.board_ids[::10]:
                key = f"board:{board}"
                for ind, unit in indicators[:2]:
                    for label, start in labels:
                        yield (
                            STAMP,
                            STAMP,
                            1,
                            ind,
                            board,
                            None,
                            key,
                            label,
                            start,
                            value(unit),
                            "entered",
                            "bench",
                        )

        return copy_rows(
            self.conn,
            "measurement",
            (*SCOPED_VALUE, "source", "entered_by"),
            rows(),
        )

    def targets(self) -> int:
        """Targets for the first indicator: a fifth of the boards, every month."""
        first = self._monthly()[0][0]
        months = [month_start(self.today, back) for back in range(MONTHS)]
        rows = (
            (STAMP, STAMP, 1, first, board, None, f"board:{board}", f"{m.year:04d}-{m.month:02d}", m, 100)
            for board in self.board_ids[::5]
            for m in months
        )
        return copy_rows(
            self.conn,
            "indicator_target",
            SCOPED_VALUE,
            rows,
        )

    def vacuum(self) -> int:
        self.conn.execute("VACUUM ANALYZE")
        return 0  # rows written

    def run(self) -> float:
        if self.conn.execute("SELECT 1 FROM board LIMIT 1").fetchone() is not None:
            raise SystemExit("the database has boards already: generate into a freshly migrated database")
        print(f"Generating the data set at scale {self.scale} (today: {self.today})", flush=True)
        start = time.perf_counter()
        # The rows are consistent by construction: skip the per-row foreign-key triggers while loading
        # (a superuser setting; the throwaway cluster's user is one).
        self.conn.execute("SET session_replication_role = replica")
        for label, fn in (
            ("municipalities", self.municipalities),
            ("boards", self.boards),
            ("schools", self.schools),
            ("partners", self.partners),
            ("partnerships", self.partnerships),
            ("people", self.people),
            ("role assignments", self.role_assignments),
            ("indicators", self.indicators),
            ("measurements", self.measurements),
            ("targets", self.targets),
        ):
            self.step(label, fn)
        self.conn.execute("SET session_replication_role = DEFAULT")
        self.conn.commit()
        self.conn.autocommit = True
        self.step("vacuum analyze", self.vacuum)
        self.conn.autocommit = False
        took = time.perf_counter() - start
        print(f"Generated in {took:.1f} s", flush=True)
        return took


def plain_url(url: str) -> str:
    """psycopg wants ``postgresql://``; SQLAlchemy's URL says ``postgresql+psycopg://``."""
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", default=os.environ.get("SPIL_DATABASE_URL", ""))
    parser.add_argument("--scale", type=float, default=float(os.environ.get("BENCH_SCALE", "1.0")))
    args = parser.parse_args(argv)
    if not args.url.startswith("postgresql"):
        parser.error("--url (or SPIL_DATABASE_URL) must be a PostgreSQL URL")
    with psycopg.connect(plain_url(args.url)) as conn:
        Generator(conn, args.scale).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
