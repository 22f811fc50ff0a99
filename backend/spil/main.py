"""The ASGI application: the API at ``/api/v1`` and, when built, the SPA at ``/``."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import logging
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from spil.api import API_PREFIX, create_api
from spil.kit.errors import install_handlers, problem_response
from spil.kit.openapi import API_VERSION
from spil.kit.settings import get_settings
from spil.static import CompressedAssets

log = logging.getLogger("spil")

# --- security headers and the body timeout -----------------------------------------------------
# The SPA's policy: the same as frontend/nginx.conf's (tests/test_headers.py holds them together).
SPA_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; manifest-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
# API answers are data, never a page: nothing may load from them, nothing may frame them.
API_CSP = "default-src 'none'; frame-ancestors 'none'"
HSTS = "max-age=31536000; includeSubDomains"
# The OpenAPI pages (Swagger UI, its OAuth2 redirect, ReDoc if switched on) load scripts and
# styles from a CDN and run an inline script: they get a policy built from the page itself.
DOCS_PATHS = (f"{API_PREFIX}/docs", f"{API_PREFIX}/redoc")

Kind = Literal["api", "docs", "spa"]
Headers = list[tuple[bytes, bytes]]


def _kind(path: str) -> Kind:
    if path == "/api" or path.startswith("/api/"):
        if any(path == p or path.startswith(p + "/") for p in DOCS_PATHS):
            return "docs"
        return "api"
    return "spa"


@lru_cache(maxsize=8)
def _security_headers(kind: Kind, hsts: bool) -> Headers:
    headers = [
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
    ]
    if kind == "api":
        headers.append(("Content-Security-Policy", API_CSP))
    elif kind == "spa":
        headers += [
            ("Content-Security-Policy", SPA_CSP),
            ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
            ("Cross-Origin-Opener-Policy", "same-origin"),
        ]
    if hsts:
        headers.append(("Strict-Transport-Security", HSTS))
    return [(name.lower().encode(), value.encode()) for name, value in headers]


def _with(headers: Any, extra: Headers) -> Headers:
    """``headers`` (a response's) plus those of ``extra`` it does not set itself."""
    own = [(bytes(name), bytes(value)) for name, value in headers]
    present = {name.lower() for name, _ in own}
    return own + [(name, value) for name, value in extra if name not in present]


_SCRIPT = re.compile(rb"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_LINK = re.compile(rb"<link\b([^>]*)>", re.I)
_ATTR = re.compile(rb"""\b(src|href|rel)\s*=\s*["']([^"']*)["']""", re.I)
_PLAIN_SOURCE = re.compile(r"https://[A-Za-z0-9.-]+(/[A-Za-z0-9._~/@%+-]*)?")


def _source(url: str) -> str:
    """A CSP source for ``url``: itself without query, or its origin when that is not plain."""
    if not url.startswith("https://"):
        return "'self'"
    parts = urlsplit(url)
    exact = f"https://{parts.netloc}{parts.path}"
    return exact if _PLAIN_SOURCE.fullmatch(exact) else f"https://{parts.netloc}"


def docs_csp(html: bytes) -> str:
    """The policy of an OpenAPI page: its own scripts (by URL, inline ones by hash), styles and
    icon, and requests to this API only."""
    scripts: list[str] = []
    styles: list[str] = []
    images: list[str] = []
    for attrs, body in _SCRIPT.findall(html):
        found = {k.decode().lower(): v.decode() for k, v in _ATTR.findall(attrs)}
        if "src" in found:
            scripts.append(_source(found["src"]))
        elif body.strip():
            digest = base64.b64encode(hashlib.sha256(body).digest()).decode()
            scripts.append(f"'sha256-{digest}'")
    for attrs in _LINK.findall(html):
        found = {k.decode().lower(): v.decode() for k, v in _ATTR.findall(attrs)}
        rel, href = found.get("rel", "").lower(), found.get("href")
        if href and rel == "stylesheet":
            styles.append(_source(href))
        elif href and "icon" in rel.split():
            images.append(_source(href))

    def directive(name: str, *sources: str) -> str:
        return " ".join([name, *dict.fromkeys(sources)])

    return "; ".join(
        [
            "default-src 'none'",
            directive("script-src", *(scripts or ["'none'"])),
            directive("style-src", "'unsafe-inline'", *styles),
            directive("img-src", "'self'", "data:", *images),
            "font-src data: https://fonts.gstatic.com",
            "connect-src 'self'",
            "worker-src blob:",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
        ]
    )


class Hardening:
    """Pure ASGI middleware around the whole application (no ``BaseHTTPMiddleware``: it costs a
    task and a copy of every answer):

    - security headers on every answer: ``nosniff``, ``X-Frame-Options``, ``Referrer-Policy``,
      a Content-Security-Policy for its kind (API data, the OpenAPI pages, the SPA), and HSTS
      when ``SPIL_COOKIE_SECURE`` is on (Spil is then reached over HTTPS);
    - a body timeout: each piece of a request's body must arrive within
      ``SPIL_BODY_TIMEOUT_SECONDS`` of asking for it, else the answer is 408
      (``urn:spil:problem:request-timeout``) and the connection is closed. uvicorn has a
      keep-alive timeout, but none for a body that is announced and never sent.

    Settings are read per request, so a test (or a changed setting) takes effect at once."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        settings = get_settings()
        kind = _kind(scope["path"])
        extra = _security_headers(kind, settings.cookie_secure)
        timeout = settings.body_timeout_seconds
        body_done = False
        timed_out = False
        started = False

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": _with(message.get("headers", ()), extra)}
            await send(message)

        out = _DocsPolicy(secured).send if kind == "docs" else secured

        async def receive_in_time() -> Message:
            nonlocal body_done, timed_out
            if timed_out:
                return {"type": "http.disconnect"}
            if body_done:
                return await receive()
            try:
                async with asyncio.timeout(timeout):
                    message = await receive()
            except TimeoutError:
                # The app sees a client that went away (and gives up on the body); its answer
                # is dropped below, and ours goes out instead.
                timed_out = True
                return {"type": "http.disconnect"}
            if message["type"] != "http.request" or not message.get("more_body", False):
                body_done = True
            return message

        async def send_unless_timed_out(message: Message) -> None:
            nonlocal started
            if timed_out and not started:
                return
            if message["type"] == "http.response.start":
                started = True
            await out(message)

        try:
            await self.app(scope, receive_in_time, send_unless_timed_out)
        except Exception:
            if not (timed_out and not started):
                raise
        if timed_out and not started:
            log.info("request body timed out: %s %s", scope.get("method"), scope["path"])
            response = problem_response(
                Request(scope),
                408,
                f"The request body did not arrive in time: each part must follow within {timeout:g} "
                "seconds. Send the request again.",
                code="request-timeout",
                headers={"Connection": "close", "API-Version": API_VERSION, "Cache-Control": "no-store"},
            )
            await response(scope, receive_in_time, out)


class _DocsPolicy:
    """Holds an OpenAPI page back until its body is complete, then sends it with its policy."""

    def __init__(self, send: Send) -> None:
        self._send = send
        self._start: Message | None = None
        self._body: list[bytes] = []

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self._start = message
            return
        if message["type"] != "http.response.body" or self._start is None:
            await self._send(message)
            return
        self._body.append(message.get("body", b""))
        if message.get("more_body", False):
            return
        body = b"".join(self._body)
        policy = [(b"content-security-policy", docs_csp(body).encode())]
        await self._send({**self._start, "headers": _with(self._start.get("headers", ()), policy)})
        await self._send({"type": "http.response.body", "body": body})


def create_app() -> FastAPI:
    settings = get_settings()
    logging.basicConfig(level=settings.log_level.upper())
    app = FastAPI(title="Spil", docs_url=None, redoc_url=None, openapi_url=None)
    install_handlers(app)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_credentials=True,
            allow_methods=["*"],
            allow_headers=["*"],
            expose_headers=["ETag", "Location", "API-Version"],
        )
    # Added last, so it is the outermost: CORS answers get the headers too.
    app.add_middleware(Hardening)
    api = create_api()
    app.state.api = api
    app.mount(API_PREFIX, api)
    _mount_spa(app, settings.spa_dist)
    return app


def _mount_spa(app: FastAPI, dist: Path) -> None:
    """The built SPA, for the embedded mode (``make run``: one port, no nginx); ``Hardening``
    gives its answers the same headers as nginx does."""
    index = dist / "index.html"
    if (dist / "assets").is_dir():
        app.mount("/assets", CompressedAssets(dist / "assets"), name="assets")

    @app.get("/{path:path}", include_in_schema=False)
    def spa(path: str, request: Request) -> object:
        if path == "api" or path.startswith("api/"):
            return problem_response(request, 404, "There is no resource at this path.")
        candidate = (dist / path).resolve()
        if (
            path
            and candidate.is_file()
            and dist.resolve() in candidate.parents
            and candidate.suffix != ".map"
        ):
            return FileResponse(candidate)
        if index.is_file():
            return FileResponse(index, headers={"Cache-Control": "no-cache"})
        return JSONResponse(
            {"detail": "The SPA is not built. Run `make run` (or `npm --prefix frontend run build`)."},
            status_code=404,
        )


app = create_app()
