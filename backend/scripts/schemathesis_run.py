"""Property-based API testing: schemathesis against the running app, bounded, on a fresh database.

Starts uvicorn on a loopback port with a temporary SQLite database (migrated, demo data, an
API key for the demo board with every scope), runs ``schemathesis run`` and stops the server by
its process id. Exit code: schemathesis's (non-zero on any failed check, a 5xx above all).

What is generated (``scripts/schemathesis_hooks.py``, loaded through ``SCHEMATHESIS_HOOKS``):
valid and invalid data (``--mode all``: schemathesis's negative testing breaks types, formats,
lengths and required fields), NUL bytes in strings (``--generation-allow-x00``), extreme and
impossible dates, month and period codes such as ``0000-01``, nearly-right e-mail addresses, URLs
and phone numbers, huge strings, true/false where an id goes, ids of records that exist, CSV
files for ``POST /imports/{kind}`` (encodings, separators, formulas, broken quoting, too many
rows or bytes), and changes with the record's real ETag so that their bodies get past If-Match.
Most operations run as an integration (the API key), accounts and API keys as a platform
administrator with a session cookie.

Bounded: ``SPIL_FUZZ_SECONDS`` (default 120) is schemathesis's ``--max-time`` for all its phases
(examples, coverage, fuzzing, stateful), ``SPIL_FUZZ_EXAMPLES`` (default 25) the examples per
operation and round; the run prints how long it took. Checks: no 5xx, responses as documented
(body, content type, headers), a deleted record is gone, a created one can be read.

Environment: ``SPIL_FUZZ_PORT`` (default 18090), ``SPIL_FUZZ_SEED``, ``SPIL_FUZZ_DATABASE_URL``
(an empty PostgreSQL database instead of the temporary SQLite one), ``SPIL_FUZZ_WORKERS``
(default 1; with more, hypothesis's ``ast.parse`` of its lambdas can fail in threads on Python
3.11.7, a CPython bug, and one worker gets through more cases on two cores anyway),
``SPIL_FUZZ_KEEP`` (keep the temporary database), ``SPIL_FUZZ_ARGS`` (more options for
``schemathesis run``, e.g. ``--include-path-regex imports``).
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
PORT = int(os.environ.get("SPIL_FUZZ_PORT", "18090"))
PASSWORD = "fuzz-demo-password"
ADMIN = "admin@demo.spil.nl"

CREDENTIALS = """\
from typing import get_args
from sqlmodel import Session, select
from spil.kit.db import get_engine
from spil.access.models import ApiClient, User
from spil.organisations.models import Board
from spil.access.schemas import ScopeName
from spil.access.security import new_api_key
import os
ADMIN = os.environ["SPIL_FUZZ_ADMIN_EMAIL"]
with Session(get_engine()) as s:
    board = s.exec(select(Board).where(Board.number == '41234')).one()
    admin = s.exec(select(User).where(User.email == ADMIN)).one()
    key, prefix, h = new_api_key()
    client = ApiClient(name='fuzz', key_prefix=prefix, key_hash=h, board_id=board.id,
                       scopes=list(get_args(ScopeName)))  # every scope
    s.add(client)
    s.commit()
    print(key, client.id, admin.id)
"""


def main() -> int:
    started = time.monotonic()
    tmp = tempfile.mkdtemp(prefix="spil-fuzz-")
    env = {
        **os.environ,
        "SPIL_ENV": "test",
        "SPIL_SECRET_KEY": "fuzz-secret-key-that-is-long-enough-0123456789",
        "SPIL_DATABASE_URL": os.environ.get("SPIL_FUZZ_DATABASE_URL") or f"sqlite:///{tmp}/spil.sqlite3",
        "SPIL_DEMO_PASSWORD": PASSWORD,
        "SPIL_LOGIN_RATE_LIMIT": "100000/minute",
        "SPIL_PUBLIC_RATE_LIMIT": "100000/minute",
    }
    subprocess.run(
        [BIN / "alembic", "-c", REPO / "alembic.ini", "upgrade", "head"],
        env=env,
        check=True,
        capture_output=True,
    )
    subprocess.run([BIN / "python", "-m", "spil.cli", "seed-demo"], env=env, check=True, capture_output=True)
    key, client_id, admin_id = subprocess.run(
        [BIN / "python", "-c", CREDENTIALS],
        env={**env, "SPIL_FUZZ_ADMIN_EMAIL": ADMIN},
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    server = subprocess.Popen(
        [
            BIN / "uvicorn",
            "spil.main:app",
            "--host",
            "127.0.0.1",
            "--port",
            str(PORT),
            "--log-level",
            "warning",
        ],
        env=env,
    )
    try:
        base = f"http://127.0.0.1:{PORT}/api/v1"
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/health", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        else:
            print("the app did not start", file=sys.stderr)
            return 1
        seed = os.environ.get("SPIL_FUZZ_SEED", "20261123")
        hooks_env = {
            **env,
            "SCHEMATHESIS_HOOKS": str(HERE / "schemathesis_hooks.py"),
            "SPIL_FUZZ_BASE": base,
            "SPIL_FUZZ_API_KEY": key,
            "SPIL_FUZZ_API_CLIENT_ID": client_id,
            "SPIL_FUZZ_ADMIN_EMAIL": ADMIN,
            "SPIL_FUZZ_ADMIN_ID": admin_id,
            "SPIL_FUZZ_PASSWORD": PASSWORD,
            "SPIL_FUZZ_SEED": seed,
        }
        cmd = [
            str(BIN / "schemathesis"),
            "run",
            f"{base}/openapi.json",
            "--url",
            base,
            "--mode",
            "all",
            "--generation-allow-x00",
            "true",
            "--checks",
            "not_a_server_error,response_schema_conformance,content_type_conformance,"
            "response_headers_conformance,use_after_free,ensure_resource_availability",
            "--max-examples",
            os.environ.get("SPIL_FUZZ_EXAMPLES", "25"),
            "--max-time",
            os.environ.get("SPIL_FUZZ_SECONDS", "120"),
            "--workers",
            os.environ.get("SPIL_FUZZ_WORKERS", "1"),
            "--seed",
            seed,
            "--request-timeout",
            "20",
            "--suppress-health-check",
            "all",
            "--generation-database",
            "none",
            *shlex.split(os.environ.get("SPIL_FUZZ_ARGS", "")),
        ]
        code = subprocess.run(cmd, env=hooks_env, timeout=900).returncode
        print(f"schemathesis_run: exit {code}, {time.monotonic() - started:.0f}s in all (set-up included)")
        return code
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        if not os.environ.get("SPIL_FUZZ_KEEP"):
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
