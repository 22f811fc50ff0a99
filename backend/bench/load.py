"""The load runner: the real app under uvicorn against the generated database, driven with
concurrent requests on loopback, next to the same aggregates as hand-written SQL (direct psycopg,
same concurrency) and the trivial ``GET /api/v1/health``, all measured in the same run.

    python -m bench.load --url postgresql://... [--port 55080] [--workers 2] [--concurrency 16]
                         [--requests 200]

Prints one table; asserts nothing about time.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import random
import secrets
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import psycopg

from bench.generate import month_start, plain_url
from spil.kit import clock

BIN = Path(sys.executable).parent
SEED = 6


@dataclass
class Endpoint:
    name: str
    paths: list[str]  # request variants, used round-robin
    sql: str
    params: list[dict[str, Any]]  # one per variant
    keys: list[str] = field(default_factory=list)  # the API key of each variant


@dataclass
class Result:
    latencies: list[float]
    seconds: float
    errors: int

    @property
    def p50(self) -> float:
        return statistics.median(self.latencies) * 1000

    @property
    def p95(self) -> float:
        return statistics.quantiles(self.latencies, n=20, method="inclusive")[18] * 1000

    @property
    def rps(self) -> float:
        return len(self.latencies) / self.seconds


async def drive(call: Callable[[int], Awaitable[bool]], concurrency: int, requests: int) -> Result:
    """``requests`` calls by ``concurrency`` workers after a warm-up of two calls per worker."""
    latencies: list[float] = []
    errors = 0
    counter = 0

    async def worker(total: int, record: bool) -> None:
        nonlocal counter, errors
        while counter < total:
            i = counter
            counter += 1
            start = time.perf_counter()
            ok = await call(i)
            took = time.perf_counter() - start
            if record:
                latencies.append(took)
                errors += not ok

    await asyncio.gather(*(worker(2 * concurrency, False) for _ in range(concurrency)))
    counter = 0
    start = time.perf_counter()
    await asyncio.gather(*(worker(requests, True) for _ in range(concurrency)))
    return Result(latencies, time.perf_counter() - start, errors)


# --- the scenario ----------------------------------------------------------------------------------
SCHOOL_SQL = """
SELECT m.period, m.value, t.value AS target
FROM measurement m
LEFT JOIN indicator_target t
  ON t.indicator_id = m.indicator_id AND t.scope_key = m.scope_key AND t.period = m.period
WHERE m.indicator_id = %(ind)s AND m.school_id = %(school)s
  AND m.period_start BETWEEN %(first)s AND %(last)s
ORDER BY m.period_start
"""
BOARD_SQL = """
WITH agg AS (
  SELECT m.period, sum(m.value) AS value, count(*) AS n
  FROM measurement m JOIN school s ON s.id = m.school_id
  WHERE s.board_id = %(board)s AND m.indicator_id = %(ind)s
    AND m.period_start BETWEEN %(first)s AND %(last)s
  GROUP BY m.period),
own AS (
  SELECT period, value FROM measurement
  WHERE indicator_id = %(ind)s AND scope_key = %(key)s AND period_start BETWEEN %(first)s AND %(last)s)
SELECT x.period, x.value, x.n, t.value AS target
FROM (
  SELECT period, coalesce(own.value, agg.value) AS value,
         CASE WHEN own.value IS NULL THEN agg.n ELSE 1 END AS n
  FROM agg FULL JOIN own USING (period)) x
LEFT JOIN indicator_target t ON t.indicator_id = %(ind)s AND t.scope_key = %(key)s AND t.period = x.period
ORDER BY x.period
"""
REGION_SQL = """
SELECT m.period, sum(m.value), count(*)
FROM measurement m
JOIN school s ON s.id = m.school_id
JOIN municipality mu ON mu.id = s.municipality_id
WHERE mu.region_id = %(region)s AND m.indicator_id = %(ind)s
  AND m.period_start BETWEEN %(first)s AND %(last)s
GROUP BY m.period ORDER BY m.period
"""
COMPARE_SQL = """
SELECT m.period, m.school_id, min(s.name), sum(m.value), count(*)
FROM measurement m JOIN school s ON s.id = m.school_id
WHERE s.board_id = %(board)s AND m.indicator_id = %(ind)s
  AND m.period_start BETWEEN %(first)s AND %(last)s
GROUP BY GROUPING SETS ((m.period), (m.period, m.school_id))
ORDER BY m.period, m.school_id NULLS FIRST
"""
PARTNERS_SQL = """
SELECT p.*, c.code, c.name_nl, mu.name,
       (SELECT count(*) FROM partnership ps WHERE ps.partner_id = p.id) AS partnerships,
       count(*) OVER () AS total
FROM partner p
JOIN partner_category c ON c.id = p.category_id
LEFT JOIN municipality mu ON mu.id = p.municipality_id
WHERE p.board_id = %(board)s
ORDER BY p.name, p.id LIMIT 20
"""
# The rules of GET /gaps that find something in this data set, as one statement: missing required
# roles, partnerships without or with one internal contact, expired/expiring agreements, overdue
# reviews, roles without hours or ending soon, roles on the (default) complaint routes that nobody
# holds. The key-person rules find nothing here (no volunteer agreements are generated). The board's
# schools and current assignments are materialised once, `= ANY(ARRAY(...))` keeps the indexes in
# use, and each partnership's contacts are counted through the partnership_id index.
GAPS_SQL = """
WITH s AS MATERIALIZED (SELECT id, name FROM school WHERE board_id = %(board)s),
ra AS MATERIALIZED (
  SELECT ra.* FROM role_assignment ra
  WHERE (ra.school_id = ANY (ARRAY(SELECT id FROM s)) OR (ra.school_id IS NULL AND ra.board_id = %(board)s))
    AND (ra.ends_on IS NULL OR ra.ends_on >= %(today)s)
    AND (ra.starts_on IS NULL OR ra.starts_on <= %(today)s)),
p AS MATERIALIZED (
  SELECT ps.id, ps.status, ps.end_date, ps.review_date, ps.school_id, pa.name AS partner,
    (SELECT count(DISTINCT x.person_id) FROM role_assignment x
      WHERE x.partnership_id = ps.id
        AND (x.ends_on IS NULL OR x.ends_on >= %(today)s)
        AND (x.starts_on IS NULL OR x.starts_on <= %(today)s)) AS n
  FROM partnership ps JOIN partner pa ON pa.id = ps.partner_id
  WHERE (ps.school_id = ANY (ARRAY(SELECT id FROM s)) OR (ps.school_id IS NULL AND ps.board_id = %(board)s))
    AND ps.status IN ('exploring', 'active', 'paused'))
SELECT 'role-missing', rt.required_by, s.id, s.name FROM s CROSS JOIN role_type rt
  WHERE rt.required_per_school AND rt.scope_level = 'school' AND rt.board_id IS NULL
    AND NOT EXISTS (SELECT 1 FROM ra WHERE ra.school_id = s.id AND ra.role_type_id = rt.id)
UNION ALL
SELECT CASE WHEN p.n = 0 THEN 'no-internal-contact' ELSE 'single-internal-contact' END,
       p.status, p.id, p.partner
  FROM p WHERE p.status IN ('exploring', 'active') AND p.n < 2
UNION ALL
SELECT 'agreement-date', p.status, p.id, p.partner FROM p
  WHERE p.end_date <= %(soon)s OR p.review_date < %(today)s
UNION ALL
SELECT 'assignment', rt.code, ra.id, pe.name
  FROM ra JOIN role_type rt ON rt.id = ra.role_type_id JOIN person pe ON pe.id = ra.person_id
  WHERE (rt.needs_hours AND coalesce(ra.hours_per_week, 0) = 0 AND coalesce(ra.hours_per_year, 0) = 0)
     OR ra.ends_on <= %(soon)s
UNION ALL
SELECT 'route-role-unfilled', st.actor, s.id, s.name
  FROM s CROSS JOIN (
    SELECT DISTINCT st.actor FROM complaint_route r JOIN complaint_route_step st ON st.route_id = r.id
    WHERE st.actor_type = 'role' AND r.school_id IS NULL
      AND st.actor NOT IN (SELECT code FROM role_type WHERE required_per_school)) st
  WHERE NOT EXISTS (
    SELECT 1 FROM ra JOIN role_type rt ON rt.id = ra.role_type_id
    WHERE rt.code = st.actor AND ra.partnership_id IS NULL
      AND (ra.school_id = s.id OR ra.school_id IS NULL))
ORDER BY 1, 4
"""


def scenario(conn: psycopg.Connection[Any], variants: int, today: dt.date) -> list[Endpoint]:
    """The endpoints and their SQL references, over ``variants`` boards, schools and regions picked
    at random (a board's chance does not depend on its size: most boards are small)."""
    from spil.access.security import new_api_key

    rng = random.Random(SEED)
    ind = conn.execute(
        "SELECT id FROM indicator WHERE code = 'parent-contacts' AND board_id IS NULL"
    ).fetchone()
    assert ind is not None
    boards = [r[0] for r in conn.execute("SELECT DISTINCT board_id FROM school ORDER BY 1").fetchall()]
    boards = rng.sample(boards, min(variants, len(boards)))
    regions = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT mu.region_id FROM school s"
            " JOIN municipality mu ON mu.id = s.municipality_id ORDER BY 1"
        ).fetchall()
    ]
    regions = rng.sample(regions, min(variants, len(regions)))
    schools = []
    for board in boards:
        ids = [r[0] for r in conn.execute("SELECT id FROM school WHERE board_id = %s ORDER BY id", (board,))]
        schools.append(rng.choice(ids))

    def key(board: int | None, region: int | None, scopes: list[str]) -> str:
        raw, prefix, hashed = new_api_key()
        conn.execute(
            "INSERT INTO api_client (name, key_prefix, key_hash, scopes, board_id, region_id, created_at) "
            "VALUES (%s, %s, %s, %s, %s, %s, now())",
            (f"bench-{secrets.token_hex(3)}", prefix, hashed, json.dumps(scopes), board, region),
        )
        return raw

    board_keys = [key(b, None, ["indicators:read", "partners:read"]) for b in boards]
    region_keys = [key(None, r, ["indicators:read"]) for r in regions]
    conn.commit()

    last = month_start(today, 0)
    year = month_start(today, 11)
    five = month_start(today, 59)

    def label(day: dt.date) -> str:
        return f"{day.year:04d}-{day.month:02d}"

    base = {"ind": ind[0], "today": today, "soon": today + dt.timedelta(days=60), "last": last}
    series = "/indicators/parent-contacts/series"
    window = f"from={label(year)}&to={label(last)}"
    return [
        Endpoint("health", ["/health"] * len(boards), "SELECT 1", [{}] * len(boards), [""] * len(boards)),
        Endpoint(
            "series school (12 months)",
            [f"{series}?scope=school:{s}&{window}" for s in schools],
            SCHOOL_SQL,
            [{**base, "school": s, "first": year} for s in schools],
            board_keys,
        ),
        Endpoint(
            "series board (12 months)",
            [f"{series}?scope=board:{b}&{window}" for b in boards],
            BOARD_SQL,
            [{**base, "board": b, "key": f"board:{b}", "first": year} for b in boards],
            board_keys,
        ),
        Endpoint(
            "series region (12 months)",
            [f"{series}?scope=region:{r}&{window}" for r in regions],
            REGION_SQL,
            [{**base, "region": r, "first": year} for r in regions],
            region_keys,
        ),
        Endpoint(
            "board roll-up (5 years, per school)",
            [f"{series}?scope=board:{b}&from={label(five)}&to={label(last)}&compare=true" for b in boards],
            COMPARE_SQL,
            [{**base, "board": b, "first": five} for b in boards],
            board_keys,
        ),
        Endpoint(
            "partners (board, page 1)",
            [f"/partners?boardId={b}" for b in boards],
            PARTNERS_SQL,
            [{**base, "board": b} for b in boards],
            board_keys,
        ),
        Endpoint(
            "gaps (board, page 1)",
            [f"/gaps?boardId={b}" for b in boards],
            GAPS_SQL,
            [{**base, "board": b} for b in boards],
            board_keys,
        ),
    ]


async def measure_app(base: str, ep: Endpoint, concurrency: int, requests: int) -> Result:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=120) as client:

        async def call(i: int) -> bool:
            v = i % len(ep.paths)
            headers = {"Authorization": f"Bearer {ep.keys[v]}"} if ep.keys[v] else {}
            response = await client.get(ep.paths[v], headers=headers)
            return response.status_code == 200

        return await drive(call, concurrency, requests)


async def measure_sql(url: str, ep: Endpoint, concurrency: int, requests: int) -> Result:
    conns = [await psycopg.AsyncConnection.connect(url, autocommit=True) for _ in range(concurrency)]
    free = list(conns)
    try:

        async def call(i: int) -> bool:
            conn = free.pop()
            try:
                cur = await conn.execute(ep.sql, ep.params[i % len(ep.params)] or None)
                await cur.fetchall()
            finally:
                free.append(conn)
            return True

        return await drive(call, concurrency, requests)
    finally:
        for conn in conns:
            await conn.close()


def check_responses(base: str, ep: Endpoint) -> None:
    """Fail loudly when an endpoint does not answer 200 (a broken scenario measures nothing)."""
    request = urllib.request.Request(base + ep.paths[0])
    if ep.keys[0]:
        request.add_header("Authorization", f"Bearer {ep.keys[0]}")
    with urllib.request.urlopen(request, timeout=120) as response:
        body = json.loads(response.read())
    size = len(body.get("points") or body.get("items") or [])
    print(f"  {ep.name:<36} 200, {size} points/items in the first answer", flush=True)


def start_app(url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "SPIL_ENV": "production",
        "SPIL_SECRET_KEY": secrets.token_urlsafe(48),
        "SPIL_DATABASE_URL": url,
    }
    return subprocess.Popen(
        [
            str(BIN / "uvicorn"),
            "spil.main:app",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--log-level",
            "warning",
            "--no-access-log",
        ],
        env=env,
        start_new_session=True,  # its own process group: stopped with its workers by pid
    )


def stop_app(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def wait_for(base: str, server: subprocess.Popen[bytes]) -> None:
    for _ in range(300):
        if server.poll() is not None:
            raise SystemExit("the app exited while starting")
        try:
            urllib.request.urlopen(f"{base}/health", timeout=1)
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the app did not start")


def fmt(x: float) -> str:
    return f"{x:.1f}" if x < 100 else f"{x:.0f}"


def table(rows: list[tuple[Endpoint, Result, Result]], health: Result) -> str:
    head = (
        f"| {'endpoint':<36} | app p50 ms | app p95 ms | app req/s | SQL p50 ms | SQL p95 ms | SQL req/s "
        "| p50 ×SQL | p95 ×SQL | req/s ×SQL | p50 ×health | p95 ×health | req/s ×health |"
    )
    lines = [head, "|" + "|".join("-" * (len(c)) for c in head.split("|")[1:-1]) + "|"]
    for ep, app, sql in rows:
        cells = [
            fmt(app.p50),
            fmt(app.p95),
            fmt(app.rps),
            fmt(sql.p50),
            fmt(sql.p95),
            fmt(sql.rps),
            f"{app.p50 / sql.p50:.1f}",
            f"{app.p95 / sql.p95:.1f}",
            f"{app.rps / sql.rps:.2f}",
            f"{app.p50 / health.p50:.1f}",
            f"{app.p95 / health.p95:.1f}",
            f"{app.rps / health.rps:.2f}",
        ]
        errors = f" ({app.errors} errors)" if app.errors else ""
        widths = [len(c) for c in head.split("|")[2:-1]]
        lines.append(
            f"| {(ep.name + errors):<36} |"
            + "|".join(f" {c:>{w - 2}} " for c, w in zip(cells, widths, strict=True))
            + "|"
        )
    return "\n".join(lines)


def run(url: str, port: int, workers: int, concurrency: int, requests: int, variants: int) -> int:
    pg = plain_url(url)
    today = clock.today()
    with psycopg.connect(pg) as conn:
        endpoints = scenario(conn, variants, today)
        scale = conn.execute(
            "SELECT (SELECT count(*) FROM board), (SELECT count(*) FROM school),"
            " (SELECT count(*) FROM partnership), (SELECT count(*) FROM role_assignment),"
            " (SELECT count(*) FROM measurement)"
        ).fetchone()
    assert scale is not None
    print(
        f"Data: {scale[0]:,} boards, {scale[1]:,} schools, {scale[2]:,} partnerships, {scale[3]:,} role "
        f"assignments, {scale[4]:,} measurements"
    )
    server = start_app(url, port, workers)
    base = f"http://127.0.0.1:{port}/api/v1"
    try:
        wait_for(base, server)
        print(
            f"App: uvicorn, {workers} workers on 127.0.0.1:{port}; load: {concurrency} concurrent clients, "
            f"{requests} requests per endpoint over {variants} boards/schools/regions",
            flush=True,
        )
        for ep in endpoints:
            check_responses(base, ep)
        rows: list[tuple[Endpoint, Result, Result]] = []
        for ep in endpoints:
            app = asyncio.run(measure_app(base, ep, concurrency, requests))
            sql = asyncio.run(measure_sql(pg, ep, concurrency, requests))
            print(f"  measured {ep.name}: app p95 {app.p95:.1f} ms, SQL p95 {sql.p95:.1f} ms", flush=True)
            rows.append((ep, app, sql))
    finally:
        stop_app(server)
    health = rows[0][1]
    print()
    print(table(rows, health))
    return 1 if any(app.errors for _, app, _ in rows) else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", default=os.environ.get("SPIL_DATABASE_URL", ""))
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_APP_PORT", "55080")))
    parser.add_argument("--workers", type=int, default=int(os.environ.get("BENCH_WORKERS", "2")))
    parser.add_argument("--concurrency", type=int, default=int(os.environ.get("BENCH_CONCURRENCY", "16")))
    parser.add_argument("--requests", type=int, default=int(os.environ.get("BENCH_REQUESTS", "200")))
    parser.add_argument("--variants", type=int, default=int(os.environ.get("BENCH_VARIANTS", "20")))
    args = parser.parse_args(argv)
    if not args.url.startswith("postgresql"):
        parser.error("--url (or SPIL_DATABASE_URL) must be a PostgreSQL URL")
    return run(args.url, args.port, args.workers, args.concurrency, args.requests, args.variants)


if __name__ == "__main__":
    sys.exit(main())
