"""``make bench``: a throwaway PostgreSQL cluster, the migrations, the generated national data set,
the load runner, then the sync case (``bench.sync``); everything it started is stopped on exit
(by process id), the cluster removed.

    python -m bench.run [--scale 1.0] [--pg-port 55433] [--app-port 55080]
    python -m bench.run --database-url postgresql+psycopg://...   # an existing, generated database

Environment: BENCH_SCALE, BENCH_PG_PORT, BENCH_APP_PORT, BENCH_REQUESTS, BENCH_CONCURRENCY,
BENCH_WORKERS, BENCH_KEEP=1 (keep the cluster and print how to reuse it).
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import FrameType

import psycopg

from bench import generate, load
from bench import sync as sync_bench
from tests.pg import EphemeralPostgres

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


# Like scripts/pg-ephemeral.sh (trust, fsync off, loopback only), with a buffer cache that fits
# 8 million measurements and more connections (16 direct + two app workers' pools).
SERVER_OPTIONS = (
    "-c max_connections=120 -c shared_buffers=1GB -c max_wal_size=4GB -c maintenance_work_mem=256MB"
)


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)  # unwinds through the finally blocks that stop the servers


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scale", type=float, default=float(os.environ.get("BENCH_SCALE", "1.0")))
    parser.add_argument("--pg-port", type=int, default=int(os.environ.get("BENCH_PG_PORT", "55433")))
    parser.add_argument("--app-port", type=int, default=int(os.environ.get("BENCH_APP_PORT", "55080")))
    parser.add_argument("--database-url", help="use this generated database instead of a throwaway one")
    parser.add_argument("--keep", action="store_true", default=os.environ.get("BENCH_KEEP") == "1")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, _terminate)
    signal.signal(signal.SIGHUP, _terminate)
    load_args = ["--port", str(args.app_port)]

    if args.database_url:
        return load.main(["--url", args.database_url, *load_args]) or sync_bench.report(args.database_url)

    cluster = EphemeralPostgres(port=args.pg_port, options=SERVER_OPTIONS)
    started = False
    try:
        url = cluster.start()
        started = True
        print(f"PostgreSQL: throwaway cluster on 127.0.0.1:{args.pg_port} in {cluster.dir}", flush=True)
        start = time.perf_counter()
        subprocess.run(
            [str(BIN / "alembic"), "-c", str(REPO / "alembic.ini"), "upgrade", "head"],
            env={**os.environ, "SPIL_DATABASE_URL": url},
            check=True,
            capture_output=True,
        )
        print(f"Migrated in {time.perf_counter() - start:.1f} s", flush=True)
        with psycopg.connect(generate.plain_url(url)) as conn:
            generate.Generator(conn, args.scale).run()
        return load.main(["--url", url, *load_args]) or sync_bench.report(url)
    finally:
        if args.keep and started:
            print(
                f"Kept the cluster: {cluster.dir} (reuse it with --database-url {url}; stop it with "
                f"'{'runuser -u postgres -- ' if cluster.as_root else ''}{cluster.bindir}/pg_ctl "
                f"-D {cluster.dir}/data stop', then remove the directory)"
            )
        else:
            cluster.stop()


if __name__ == "__main__":
    sys.exit(main())
