"""``make profile``: where one request's time goes, in-process (issue 18, "measure first").

The app is called straight through ASGI (no server, no client, no network), so what is measured is
the app's own cost per request. Each kind of request runs ``--requests`` times under cProfile after
a warm-up; the report prints the time per request and how it divides over the layers: the
framework (starlette, fastapi), validation and serialisation (pydantic), the database layer
(sqlalchemy and the driver), Spil's own code, and the rest (json, asyncio, anyio's thread pool).
A bare FastAPI app answering the same JSON as ``/health`` is measured the same way as the floor.

    python -m bench.profile [--requests 300] [--database-url sqlite:///var/profile.sqlite3]

Without ``--database-url`` it migrates a throwaway SQLite database and loads the demo data.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import os
import pstats
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any

from starlette.types import ASGIApp as App
from starlette.types import Scope

LAYERS = (
    ("framework", ("/starlette/", "/fastapi/")),
    ("pydantic", ("/pydantic/", "/pydantic_core/")),
    ("database", ("/sqlalchemy/", "/sqlmodel/", "/psycopg", "sqlite3")),
    ("spil", ("/spil/",)),
    ("async and threads", ("/asyncio/", "/anyio/", "threading.py", "concurrent/futures")),
    ("json", ("/json/", "orjson")),
)


def _layer(filename: str) -> str:
    for name, needles in LAYERS:
        if any(n in filename for n in needles):
            return name
    return "other"


class Client:
    """Just enough of an HTTP client to call an ASGI app in-process, keeping cookies."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.cookies: dict[str, str] = {}
        self.headers: dict[str, str] = {}

    async def request(self, method: str, path: str, body: Any = None) -> tuple[int, bytes]:
        raw = b"" if body is None else json.dumps(body).encode()
        path, _, query = path.partition("?")
        headers = [(b"host", b"testserver"), (b"accept", b"application/json")]
        headers += [(k.lower().encode(), v.encode()) for k, v in self.headers.items()]
        if self.cookies:
            cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
            headers.append((b"cookie", cookie.encode()))
        if raw:
            headers += [(b"content-type", b"application/json"), (b"content-length", str(len(raw)).encode())]
        scope: Scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": method,
            "scheme": "http",
            "path": path,
            "raw_path": path.encode(),
            "query_string": query.encode(),
            "root_path": "",
            "headers": headers,
            "client": ("127.0.0.1", 50000),
            "server": ("testserver", 80),
        }
        sent = False
        status = 0
        chunks: list[bytes] = []

        async def receive() -> dict[str, Any]:
            nonlocal sent
            if sent:
                await asyncio.sleep(3600)
            sent = True
            return {"type": "http.request", "body": raw, "more_body": False}

        async def send(message: dict[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                for key, value in message.get("headers", []):
                    if key.lower() == b"set-cookie":
                        cookie: SimpleCookie = SimpleCookie()
                        cookie.load(value.decode())
                        for name, morsel in cookie.items():
                            self.cookies[name] = morsel.value
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app(scope, receive, send)
        return status, b"".join(chunks)


def bare_app() -> App:
    """The floor: a bare FastAPI app answering what /health answers."""
    from fastapi import FastAPI

    app = FastAPI()

    @app.get("/api/v1/health")
    def health() -> dict[str, str]:
        return {"status": "ok", "today": "2026-12-07"}

    return app


class _Inline:
    """cProfile sees only the thread it runs in, and FastAPI runs synchronous endpoints and
    dependencies in a thread pool: for the breakdown they run inline instead (the time per request
    is measured with the thread pool, as served)."""

    TARGETS = ("fastapi.routing", "fastapi.dependencies.utils", "starlette.concurrency")

    def __enter__(self) -> None:
        import importlib

        async def inline(func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
            return func(*args, **kwargs)

        self.saved = []
        for name in self.TARGETS:
            module = importlib.import_module(name)
            if hasattr(module, "run_in_threadpool"):
                self.saved.append((module, module.run_in_threadpool))
                module.run_in_threadpool = inline

    def __exit__(self, *exc: object) -> None:
        for module, original in self.saved:
            module.run_in_threadpool = original


async def _profile(client: Client, path: str, requests: int) -> tuple[float, dict[str, float], pstats.Stats]:
    for _ in range(max(5, requests // 10)):  # warm-up: caches, pools, lazy imports
        status, body = await client.request("GET", path)
        if status != 200:
            raise SystemExit(f"{path} answered {status}: {body[:300]!r}")
    started = time.perf_counter()
    for _ in range(requests):
        await client.request("GET", path)
    elapsed = time.perf_counter() - started
    profiler = cProfile.Profile()
    with _Inline():
        profiler.enable()
        for _ in range(requests):
            await client.request("GET", path)
        profiler.disable()
    stats = pstats.Stats(profiler)
    layers: dict[str, float] = defaultdict(float)
    for (filename, _line, _name), (_cc, _nc, tottime, _ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        layers[_layer(filename)] += tottime
    total = sum(layers.values()) or 1.0
    return elapsed / requests * 1000, {k: v / total for k, v in layers.items()}, stats


def _setup_database(url: str | None) -> str:
    if url:
        return url
    path = Path(tempfile.mkdtemp(prefix="spil-profile-")) / "spil.sqlite3"
    return f"sqlite:///{path}"


async def _login(client: Client, email: str, password: str) -> None:
    status, body = await client.request("POST", "/api/v1/auth/login", {"email": email, "password": password})
    if status != 200:
        raise SystemExit(f"login as {email} failed: {status} {body[:200]!r}")
    client.headers["X-CSRF-Token"] = json.loads(body).get("csrfToken", "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=int(os.environ.get("PROFILE_REQUESTS", "300")))
    parser.add_argument("--database-url")
    parser.add_argument("--top", type=int, default=12, help="functions to list per request kind")
    args = parser.parse_args(argv)
    url = _setup_database(args.database_url)
    os.environ["SPIL_DATABASE_URL"] = url
    os.environ.setdefault("SPIL_TODAY", "2026-12-07")
    os.environ.setdefault("SPIL_LOG_LEVEL", "warning")

    from alembic import command

    from spil.kit.db import get_engine, unit_of_work
    from spil.main import create_app
    from tests.conftest import DEMO_PASSWORD, alembic_config

    if not args.database_url:
        from spil.demo import seed_demo

        command.upgrade(alembic_config(url), "head")
        with unit_of_work(engine=get_engine()) as session:
            seed_demo(session, DEMO_PASSWORD)

    app = create_app()
    client = Client(app)
    asyncio.run(_login(client, "bestuur@demo.spil.nl", DEMO_PASSWORD))

    async def first_id(path: str, key: str = "id") -> int:
        _status, body = await client.request("GET", path)
        return int(json.loads(body)["items"][0][key])

    school = asyncio.run(first_id("/api/v1/schools?pageSize=1"))
    months = "from=2025-12&to=2026-11"
    board = asyncio.run(first_id("/api/v1/boards?pageSize=1"))
    cases = [
        ("bare FastAPI /health", "/api/v1/health", Client(bare_app())),
        ("/health", "/api/v1/health", client),
        (
            "series school, 12 months",
            f"/api/v1/indicators/parent-contacts/series?scope=school:{school}&{months}",
            client,
        ),
        ("series board", f"/api/v1/indicators/parent-contacts/series?scope=board:{board}&{months}", client),
        ("partners, page 1", "/api/v1/partners?page=1&pageSize=20", client),
        ("gaps, page 1", "/api/v1/gaps?page=1&pageSize=20", client),
    ]
    print(
        f"In-process profile, {args.requests} requests each after a warm-up ({url.split(':')[0]}):"
        " ms per request as served (thread pool), and the share of each layer in the own time of"
        " the same requests profiled with the endpoints run inline.\n"
    )
    columns = "  ".join(f"{name[:10]:>10}" for name, _ in LAYERS)
    header = f"{'request':<28} {'ms/req':>7}  {columns}  {'other':>10}"
    print(header)
    details = []
    for label, path, c in cases:
        ms, layers, stats = asyncio.run(_profile(c, path, args.requests))
        shares = "  ".join(f"{layers.get(name, 0.0):>10.0%}" for name, _ in LAYERS)
        print(f"{label:<28} {ms:>7.2f}  {shares}  {layers.get('other', 0.0):>10.0%}")
        details.append((label, stats))
    for label, stats in details:
        print(f"\n--- {label}: the most expensive functions (own time) ---")
        stats.sort_stats("tottime").print_stats(args.top)
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
