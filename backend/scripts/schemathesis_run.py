"""Property-based API testing: schemathesis against the running app, bounded, on a fresh database.

Starts uvicorn on a loopback port with a temporary SQLite database (migrated, demo data, an
API key for the demo board with every scope), runs ``schemathesis run`` with the key, and stops
the server by its process id. Exit code: schemathesis's.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PORT = int(os.environ.get("SPIL_FUZZ_PORT", "18090"))


def main() -> int:
    tmp = tempfile.mkdtemp(prefix="spil-fuzz-")
    env = {
        **os.environ,
        "SPIL_ENV": "test",
        "SPIL_SECRET_KEY": "fuzz-secret-key-that-is-long-enough-0123456789",
        "SPIL_DATABASE_URL": f"sqlite:///{tmp}/spil.sqlite3",
        "SPIL_LOGIN_RATE_LIMIT": "100000/minute",
    }
    subprocess.run(
        [BIN / "alembic", "-c", REPO / "alembic.ini", "upgrade", "head"],
        env=env,
        check=True,
        capture_output=True,
    )
    subprocess.run([BIN / "python", "-m", "spil.cli", "seed-demo"], env=env, check=True, capture_output=True)
    key = subprocess.run(
        [
            BIN / "python",
            "-c",
            (
                "from sqlmodel import Session, select\n"
                "from spil.kit.db import get_engine\n"
                "from spil.access.models import ApiClient\n"
                "from spil.organisations.models import Board\n"
                "from typing import get_args\n"
                "from spil.access.schemas import ScopeName\n"
                "from spil.access.security import new_api_key\n"
                "with Session(get_engine()) as s:\n"
                "    board = s.exec(select(Board).where(Board.number == '41234')).one()\n"
                "    key, prefix, h = new_api_key()\n"
                "    s.add(ApiClient(name='fuzz', key_prefix=prefix, key_hash=h, board_id=board.id,\n"
                "                    scopes=list(get_args(ScopeName))))  # every scope\n"
                "    s.commit()\n"
                "    print(key)\n"
            ),
        ],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
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
        cmd = [
            str(BIN / "schemathesis"),
            "run",
            f"{base}/openapi.json",
            "--url",
            base,
            "--header",
            f"Authorization: Bearer {key}",
            "--checks",
            "not_a_server_error,response_schema_conformance,content_type_conformance",
            "--max-examples",
            os.environ.get("SPIL_FUZZ_EXAMPLES", "25"),
            "--seed",
            os.environ.get("SPIL_FUZZ_SEED", "20261123"),
            "--request-timeout",
            "10",
            "--suppress-health-check",
            "all",
        ]
        return subprocess.run(cmd, env=env, timeout=600).returncode
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    sys.exit(main())
