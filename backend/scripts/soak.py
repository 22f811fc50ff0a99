"""Soak test (``make soak``, not part of ``make test``): the compose stack under a steady load.

Starts what ``docker compose up`` starts, as plain processes, the way ``scripts/smoke.sh`` does:

  PostgreSQL 15 (throwaway, scripts/pg-ephemeral.sh)                127.0.0.1:$SOAK_PG_PORT  (15633)
  the API through backend/docker-entrypoint.sh (wait for the
    database, migrate, seed the demo data, uvicorn with 2 workers)  127.0.0.1:$SOAK_API_PORT (18201)
  nginx with frontend/nginx.conf (scripts/render-nginx.sh)          127.0.0.1:$SOAK_WEB_PORT (18280)

then runs ``SOAK_CLIENTS`` (default 20) clients for ``SOAK_SECONDS`` (default 600), each in a
thread of its own, through nginx, without pause (``SOAK_THINK_MS`` between requests, default 0).
Each client is a person logged in with a demo account (board administrators, a school head, a
coordinator, a viewer, a regional contact) and does what such a person does: lists, details,
the gaps, an indicator's series; the board administrators also create, change (If-Match) and
delete partnerships with their contacts and allowance payments; now and then it opens a school's
public pages (the route finder, the key persons) as a parent would, without a login, or the SPA.

At the end it prints the requests, the answers by status, the latency (p50, p95, p99) overall
and per kind of request, and the resident memory (RSS) of the API's processes at the start of
the load and at its end. Exit status 1 on any 5xx or any request without an answer (a reset
connection, a timeout), else 0. Everything it starts is stopped by process id, also on Ctrl-C.
Logs: ``$SOAK_LOG_DIR`` (default var/soak). ``SOAK_SPA_ROOT``: the built SPA (default frontend/dist).
"""

from __future__ import annotations

import os
import random
import secrets
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parents[2]
SECONDS = float(os.environ.get("SOAK_SECONDS", "600"))
CLIENTS = int(os.environ.get("SOAK_CLIENTS", "20"))
THINK = float(os.environ.get("SOAK_THINK_MS", "0")) / 1000
PG_PORT = int(os.environ.get("SOAK_PG_PORT", "15633"))
API_PORT = int(os.environ.get("SOAK_API_PORT", "18201"))
WEB_PORT = int(os.environ.get("SOAK_WEB_PORT", "18280"))
WORKERS = os.environ.get("SOAK_WORKERS", "2")
READY_TIMEOUT = float(os.environ.get("SOAK_READY_TIMEOUT", "180"))
VENV = Path(os.environ.get("VENV", REPO / ".venv"))
if not VENV.is_absolute():
    VENV = REPO / VENV
LOG_DIR = Path(os.environ.get("SOAK_LOG_DIR", REPO / "var" / "soak"))
SPA_ROOT = Path(os.environ.get("SOAK_SPA_ROOT", REPO / "frontend" / "dist"))
PASSWORD = "soak-" + secrets.token_urlsafe(12)
BOARD_ADMIN = "bestuur@demo.spil.nl"
# One client after another takes the next account: a third of them board administrators.
ACCOUNTS = [
    BOARD_ADMIN,
    "lezer@demo.spil.nl",
    "directie@demo.spil.nl",
    BOARD_ADMIN,
    "coordinator@demo.spil.nl",
    "regio@demo.spil.nl",
]


def say(message: str) -> None:
    print(f"soak: {message}", file=sys.stderr, flush=True)


# --- the stack -----------------------------------------------------------------------------------
class Stack:
    """PostgreSQL, the API (its own process group) and nginx; ``stop`` ends what was started."""

    def __init__(self) -> None:
        self.run_dir = Path(tempfile.mkdtemp(prefix="spil-soak-"))
        self.run_dir.chmod(0o755)  # the postgres user and nginx's workers need to get in
        self.pg_dir = self.run_dir / "pg"
        self.nginx_dir = self.run_dir / "nginx"
        self.pg_started = False
        self.api: subprocess.Popen[bytes] | None = None
        self.nginx: subprocess.Popen[bytes] | None = None
        self.web = f"http://127.0.0.1:{WEB_PORT}"
        LOG_DIR.mkdir(parents=True, exist_ok=True)
        for name in ("backend.log", "nginx-error.log", "nginx-access.log", "postgresql.log"):
            (LOG_DIR / name).unlink(missing_ok=True)

    def start(self) -> None:
        for tool in ("python", "alembic", "uvicorn"):
            if not (VENV / "bin" / tool).exists():
                raise SystemExit(f"soak: {VENV}/bin/{tool} not found: build the backend first (make)")
        if not (SPA_ROOT / "index.html").is_file():
            raise SystemExit(f"soak: {SPA_ROOT}/index.html not found: build the SPA first (make)")
        for port in (PG_PORT, API_PORT, WEB_PORT):
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    raise SystemExit(
                        f"soak: port {port} is in use (set SOAK_PG_PORT/SOAK_API_PORT/SOAK_WEB_PORT)"
                    )

        say(f"starting PostgreSQL on 127.0.0.1:{PG_PORT}")
        self.pg_started = True
        url = subprocess.run(
            [REPO / "scripts/pg-ephemeral.sh", "start", self.pg_dir, str(PG_PORT)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()

        say(f"starting the API (backend/docker-entrypoint.sh, {WORKERS} workers) on 127.0.0.1:{API_PORT}")
        env = {
            **os.environ,
            "PATH": f"{VENV / 'bin'}:{os.environ.get('PATH', '')}",
            "VIRTUAL_ENV": str(VENV),
            "SPIL_ENV": "production",
            "SPIL_DATABASE_URL": url,
            "SPIL_SECRET_KEY": secrets.token_urlsafe(48),
            "SPIL_SEED_DEMO": "true",
            "SPIL_DEMO_PASSWORD": PASSWORD,
            "SPIL_HOST": "127.0.0.1",
            "SPIL_PORT": str(API_PORT),
            "SPIL_WORKERS": WORKERS,
            "SPIL_COOKIE_SECURE": "false",
            "SPIL_LOG_LEVEL": "warning",
            # All clients come from 127.0.0.1: a soak run is neither a password-guessing attack
            # nor one parent refreshing the route finder all day.
            "SPIL_LOGIN_RATE_LIMIT": "100000/minute",
            "SPIL_PUBLIC_RATE_LIMIT": "100000/minute",
            "SPIL_ALEMBIC_INI": str(REPO / "alembic.ini"),
        }
        env.pop("SPIL_TODAY", None)
        with open(LOG_DIR / "backend.log", "wb") as log:
            # A process group of its own (uvicorn and its workers), so that stopping reaches all.
            self.api = subprocess.Popen(
                [REPO / "backend/docker-entrypoint.sh"],
                cwd=REPO,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        ready = f"http://127.0.0.1:{API_PORT}/api/v1/health/ready"
        deadline = time.monotonic() + READY_TIMEOUT
        while not _answers(ready):
            if self.api.poll() is not None:
                raise SystemExit(f"soak: the API exited (status {self.api.returncode}) before it was ready")
            if time.monotonic() > deadline:
                raise SystemExit(f"soak: the API was not ready within {READY_TIMEOUT:.0f}s")
            time.sleep(0.5)

        say(f"starting nginx on 127.0.0.1:{WEB_PORT} ({SPA_ROOT}, /api -> 127.0.0.1:{API_PORT})")
        command = subprocess.run(
            [
                REPO / "scripts/render-nginx.sh",
                self.nginx_dir,
                f"127.0.0.1:{WEB_PORT}",
                f"http://127.0.0.1:{API_PORT}",
                SPA_ROOT,
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        self.nginx = subprocess.Popen(shlex.split(command), stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while not _answers(f"{self.web}/healthz"):
            if self.nginx.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("soak: nginx did not start (see var/soak/nginx-error.log)")
            time.sleep(0.2)
        if not _answers(f"{self.web}/api/v1/health/ready"):
            raise SystemExit("soak: nginx does not reach the API")

    def api_memory(self) -> list[tuple[int, str, int]]:
        """(pid, command, RSS in KiB) of every process of the API's process group."""
        if self.api is None:
            return []
        out = []
        for proc in Path("/proc").iterdir():
            if not proc.name.isdigit():
                continue
            try:
                stat = (proc / "stat").read_text()
                pgid = int(stat.rsplit(")", 1)[1].split()[2])
                if pgid != self.api.pid:
                    continue
                status = (proc / "status").read_text()
                rss = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
                cmd = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
            except (OSError, StopIteration, ValueError, IndexError):
                continue
            out.append((int(proc.name), cmd, rss))
        return sorted(out)

    def stop(self) -> None:
        if self.nginx is not None:
            _stop(self.nginx, 10, group=False)
            for name, target in (("error.log", "nginx-error.log"), ("access.log", "nginx-access.log")):
                if (self.nginx_dir / "logs" / name).exists():
                    shutil.copy(self.nginx_dir / "logs" / name, LOG_DIR / target)
        if self.api is not None:
            _stop(self.api, 20, group=True)
        if self.pg_started:
            if (self.pg_dir / "postgresql.log").exists():
                shutil.copy(self.pg_dir / "postgresql.log", LOG_DIR / "postgresql.log")
            subprocess.run([REPO / "scripts/pg-ephemeral.sh", "stop", self.pg_dir], capture_output=True)
        shutil.rmtree(self.run_dir, ignore_errors=True)


def _answers(url: str) -> bool:
    try:
        return httpx.get(url, timeout=5).status_code == 200
    except httpx.HTTPError:
        return False


def _stop(process: subprocess.Popen[bytes], timeout: float, *, group: bool) -> None:
    """SIGTERM (to the process group when ``group``), wait, then SIGKILL."""

    def send(sig: int) -> None:
        try:
            if group:
                os.killpg(process.pid, sig)
            else:
                process.send_signal(sig)
        except ProcessLookupError:
            pass

    if process.poll() is None:
        send(signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            say(f"process {process.pid} did not stop in {timeout:.0f}s; killing it")
    if group:
        send(signal.SIGKILL)  # whatever of the group outlived its leader
    if process.poll() is None:
        process.kill()
        process.wait()


# --- the load --------------------------------------------------------------------------------------
@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: Counter[int | str] = field(default_factory=Counter)
    by_kind: dict[str, Counter[int | str]] = field(default_factory=lambda: defaultdict(Counter))
    failures: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, status: int | str, seconds: float, what: str) -> None:
        with self.lock:
            self.latencies[kind].append(seconds)
            self.statuses[status] += 1
            self.by_kind[kind][status] += 1
            if (isinstance(status, str) or status >= 500) and len(self.failures) < 20:
                self.failures.append(f"{what} -> {status}")


class Client:
    """One person at work: a logged-in session through nginx, and a browser without a login for
    the public pages."""

    def __init__(self, n: int, web: str, tally: Tally) -> None:
        self.n = n
        self.email = ACCOUNTS[n % len(ACCOUNTS)]
        self.writer = self.email == BOARD_ADMIN
        self.random = random.Random(n)
        self.tally = tally
        self.stop_at = 0.0  # set when the load starts
        self.api = httpx.Client(base_url=f"{web}/api/v1", timeout=60)
        self.public = httpx.Client(base_url=web, timeout=60)
        self.agreement: int | None = None
        self.hidden: set[str] = set()

    def send(self, kind: str, method: str, path: str, client: httpx.Client | None = None, **kw: Any) -> Any:
        started = time.perf_counter()
        try:
            r = (client or self.api).request(method, path, **kw)
        except httpx.HTTPError as exc:
            self.tally.add(kind, type(exc).__name__, time.perf_counter() - started, f"{method} {path}")
            return None
        self.tally.add(kind, r.status_code, time.perf_counter() - started, f"{method} {path}")
        return r

    def login(self) -> None:
        r = self.api.post("/auth/login", json={"email": self.email, "password": PASSWORD})
        r.raise_for_status()
        self.api.headers["X-CSRF-Token"] = r.json()["csrfToken"]

    def prepare(self) -> None:
        """What this person's screens link to: ids of the records it can see."""

        def ids(path: str, key: str = "id") -> list[Any]:
            r = self.api.get(path)
            if r.status_code != 200:
                return []
            body = r.json()
            items = body["items"] if isinstance(body, dict) else body
            return [i[key] for i in items if key in i]

        self.partners = ids("/partners?pageSize=50")
        self.partnerships = ids("/partnerships?pageSize=50")
        self.schools = ids("/schools?pageSize=50")
        self.locations = ids("/schools?pageSize=50", "locationCode") or ["12AB00"]
        self.people = ids("/people?pageSize=50")
        self.indicators = ids("/indicators", "code")
        # The scopes whose series this person may read (a regional contact: its region's, not a
        # school's), tried once with the first indicator.
        candidates = [f"school:{i}" for i in self.schools[:3]]
        candidates += [f"board:{i}" for i in ids("/boards")[:2]]
        candidates += [f"region:{i}" for i in ids("/labour-market-regions")[:2]]
        self.scopes = [
            scope
            for scope in candidates
            if self.indicators
            and self.api.get(f"/indicators/{self.indicators[0]}/series?scope={scope}").status_code == 200
        ]
        if self.writer:
            self.own_partners = ids("/partners?pageSize=50")
            self.own_school = next(iter(ids("/schools?pageSize=50")), None)
            person = next(iter(ids("/people?q=Sanne")), None)
            if person and self.own_school:
                r = self.api.post(
                    "/volunteer-agreements",
                    json={
                        "personId": person,
                        "schoolIds": [self.own_school],
                        "startsOn": "2025-01-01",
                        "endsOn": "2025-12-31",
                        "allowanceScheme": "fixed",
                        "fixedAmountPerMonth": "10.00",
                    },
                )
                if r.status_code == 201:
                    self.agreement = r.json()["id"]

    def run(self) -> None:
        actions = [(self.read, 55), (self.public_page, 15)]
        if self.writer:
            actions += [(self.partnership_cycle, 20), (self.payment_cycle, 10)]
        choices, weights = zip(*actions, strict=True)
        while time.monotonic() < self.stop_at:
            self.random.choices(choices, weights)[0]()
            if THINK:
                time.sleep(THINK)
        self.api.close()
        self.public.close()

    def read(self) -> None:
        pick = self.random.choice
        options: list[tuple[str, str]] = [
            ("list", "/partners?pageSize=25"),
            ("list", "/partnerships"),
            ("list", "/people"),
            ("list", "/schools"),
            ("list", "/role-assignments"),
            ("gaps", "/gaps"),
            ("session", "/auth/session"),
        ]
        if self.partners:
            options.append(("detail", f"/partners/{pick(self.partners)}"))
        if self.partnerships:
            options.append(("detail", f"/partnerships/{pick(self.partnerships)}"))
        if self.schools:
            options.append(("detail", f"/schools/{pick(self.schools)}"))
        if self.indicators and self.scopes:
            series = f"/indicators/{pick(self.indicators)}/series?scope={pick(self.scopes)}"
            if series not in self.hidden:
                options.append(("series", series))
        kind, path = pick(options)
        r = self.send(kind, "GET", path)
        if kind == "series" and r is not None and r.status_code == 404:
            # Not every indicator has a series for every scope (need-to-know ones are a board
            # administrator's): the screen offers it no more.
            self.hidden.add(path)

    def public_page(self) -> None:
        code = self.random.choice(self.locations)
        kind, path = self.random.choice(
            [
                ("public", f"/api/v1/public/schools/{code}/complaint-routes"),
                (
                    "public",
                    f"/api/v1/public/schools/{code}/complaint-routes/school-organisation?group=parent",
                ),
                ("public", f"/api/v1/public/schools/{code}/key-persons"),
                ("spa", "/"),
            ]
        )
        self.send(kind, "GET", path, client=self.public)

    def partnership_cycle(self) -> None:
        """Create a partnership with two contacts, read it, change it, delete it (If-Match)."""
        if not self.own_partners or not self.own_school:
            return
        tag = uuid.uuid4().hex[:10]
        r = self.send(
            "partnership create",
            "POST",
            "/partnerships",
            json={
                "partnerId": self.random.choice(self.own_partners),
                "schoolId": self.own_school,
                "title": f"Soak {tag}",
                "externalContacts": [
                    {"name": "Eerste Contact", "email": f"een-{tag}@example.org"},
                    {"name": "Tweede Contact", "phone": "023 555 0102"},
                ],
            },
        )
        if r is None or r.status_code != 201:
            return
        path = f"/partnerships/{r.json()['id']}"
        got = self.send("partnership read", "GET", path)
        if got is None or got.status_code != 200:
            return
        changed = self.send(
            "partnership update",
            "PATCH",
            path,
            json={"notes": f"bijgewerkt {tag}"},
            headers={"If-Match": got.headers["ETag"]},
        )
        if changed is None or changed.status_code != 200:
            return
        self.send("partnership delete", "DELETE", path, headers={"If-Match": changed.headers["ETag"]})

    def payment_cycle(self) -> None:
        """Pay a month of the client's own agreement, correct it, take it back (If-Match)."""
        if self.agreement is None:
            return
        month = f"2025-{self.random.randint(1, 12):02d}"
        r = self.send(
            "payment create",
            "POST",
            "/allowance-payments",
            json={"agreementId": self.agreement, "month": month, "allowance": "10.00"},
        )
        if r is None or r.status_code != 201:
            return
        path = f"/allowance-payments/{r.json()['id']}"
        changed = self.send(
            "payment update",
            "PATCH",
            path,
            json={"note": "gecorrigeerd"},
            headers={"If-Match": r.headers["ETag"]},
        )
        etag = changed.headers.get("ETag") if changed is not None and changed.status_code == 200 else None
        if etag is None:
            got = self.send("payment read", "GET", path)
            etag = got.headers.get("ETag") if got is not None and got.status_code == 200 else None
        if etag:
            self.send("payment delete", "DELETE", path, headers={"If-Match": etag})


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def _counts(counter: Counter[int | str]) -> str:
    return ", ".join(f"{k}: {v}" for k, v in sorted(counter.items(), key=lambda kv: str(kv[0])))


def _role(cmd: str) -> str:
    if "resource_tracker" in cmd:
        return "resource tracker"
    if "multiprocessing" in cmd:
        return "worker"
    return "uvicorn" if "uvicorn" in cmd else cmd.split(" ")[0]


def _memory(stack: Stack, when: str) -> int:
    rows = stack.api_memory()
    total = sum(rss for _, _, rss in rows)
    parts = ", ".join(f"{_role(cmd)} {pid}: {rss / 1024:.0f} MiB" for pid, cmd, rss in rows)
    print(f"API memory ({when}): {total / 1024:.0f} MiB RSS in {len(rows)} processes ({parts})")
    return total


def soak(stack: Stack) -> int:
    tally = Tally()
    say(f"logging in {CLIENTS} clients")
    clients = [Client(n, stack.web, tally) for n in range(CLIENTS)]
    for c in clients:  # one after another: simultaneous logins of one account answer 412 (a bug)
        c.login()
    for c in clients:
        c.prepare()
    writers = [c for c in clients if c.writer]
    paying = sum(1 for c in writers if c.agreement is not None)
    say(f"{len(writers)} of them board administrators who write ({paying} with an agreement to pay on)")
    print(f"soak: {CLIENTS} clients for {SECONDS:.0f}s through nginx on {stack.web}")
    rss_start = _memory(stack, "start")
    started = time.monotonic()
    for c in clients:
        c.stop_at = started + SECONDS
    threads = [threading.Thread(target=c.run, name=f"client-{c.n}", daemon=True) for c in clients]
    for t in threads:
        t.start()
    last_report = started
    while any(t.is_alive() for t in threads):
        time.sleep(1)
        if time.monotonic() - last_report >= 60:
            last_report = time.monotonic()
            with tally.lock:
                done = sum(tally.statuses.values())
            say(f"{last_report - started:.0f}s: {done} requests")
    elapsed = time.monotonic() - started
    rss_end = _memory(stack, "end")

    every = [s for values in tally.latencies.values() for s in values]
    total = len(every)
    print(f"requests: {total} in {elapsed:.0f}s ({total / elapsed:.1f}/s)")
    print(
        "answers:  "
        + ", ".join(f"{k}: {v}" for k, v in sorted(tally.statuses.items(), key=lambda kv: str(kv[0])))
    )
    errors = {k: v for k, v in tally.statuses.items() if isinstance(k, str) or k >= 400}
    print("errors:   " + (", ".join(f"{k}: {v}" for k, v in sorted(errors.items(), key=str)) or "none"))
    print(
        f"latency:  p50 {_percentile(every, 50) * 1000:.0f} ms, p95 {_percentile(every, 95) * 1000:.0f} ms, "
        f"p99 {_percentile(every, 99) * 1000:.0f} ms, max {max(every, default=0) * 1000:.0f} ms"
    )
    print(f"{'kind':20} {'requests':>9} {'p50 ms':>8} {'p95 ms':>8}  answers")
    for kind in sorted(tally.latencies):
        values = tally.latencies[kind]
        answers = _counts(tally.by_kind[kind])
        print(
            f"{kind:20} {len(values):9d} {_percentile(values, 50) * 1000:8.0f} "
            f"{_percentile(values, 95) * 1000:8.0f}  {answers}"
        )
    print(f"API memory: {rss_start / 1024:.0f} MiB at the start, {rss_end / 1024:.0f} MiB at the end")
    bad = sum(v for k, v in tally.statuses.items() if isinstance(k, str) or k >= 500)
    if bad:
        print(f"soak: FAILED: {bad} requests answered 5xx or not at all, e.g.:")
        for line in tally.failures:
            print(f"  {line}")
        return 1
    print("soak: passed (no 5xx, every request answered)")
    return 0


def main() -> int:
    stack = Stack()

    def interrupted(signum: int, _frame: Any) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, interrupted)
    code = 1
    try:
        stack.start()
        code = soak(stack)
    except KeyboardInterrupt:
        code = 130
    finally:
        say("stopping nginx, the API and PostgreSQL")
        stack.stop()
        if code:
            for name in ("backend.log", "nginx-error.log"):
                log = LOG_DIR / name
                if log.exists() and log.stat().st_size:
                    say(f"last lines of {log}:")
                    print("".join(log.read_text(errors="replace").splitlines(True)[-20:]), file=sys.stderr)
        say(f"logs are in {LOG_DIR}")
    return code


if __name__ == "__main__":
    sys.exit(main())
