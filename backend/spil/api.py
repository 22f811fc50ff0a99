"""The API application, mounted at ``/api/v1``."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal
from urllib.parse import parse_qsl

import sqlalchemy as sa
from fastapi import APIRouter, FastAPI, Request
from pydantic import Field
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from spil.access.accounts_router import router as accounts_router
from spil.access.router import router as access_router
from spil.areas.router import router as areas_router
from spil.changes.router import router as changes_router
from spil.complaints.router import public_router as complaints_public_router
from spil.complaints.router import register as confidential_router
from spil.complaints.router import router as complaints_router
from spil.gaps.router import router as gaps_router
from spil.inclusion.router import router as inclusion_router
from spil.indicators.router import router as indicators_router
from spil.keypersons.router import public_router as keypersons_public_router
from spil.keypersons.router import router as keypersons_router
from spil.kit import clock
from spil.kit.db import get_engine
from spil.kit.errors import install_handlers, invalid, problem_for, problem_response
from spil.kit.openapi import API_VERSION, build_openapi, problems
from spil.kit.schemas import ApiModel
from spil.operation_ids import operation_id
from spil.organisations.router import router as organisations_router
from spil.partners.router import router as partners_router
from spil.people.router import router as people_router
from spil.privacy.router import router as privacy_router
from spil.programmes.router import router as programmes_router
from spil.reminders.router import router as reminders_router
from spil.sync.router import add_body_schemas as add_sync_body_schemas
from spil.sync.router import router as sync_router
from spil.transfer.router import router as transfer_router

API_PREFIX = "/api/v1"

DESCRIPTION = """\
Spil is the registry that Dutch school boards and schools use to organise their work with the
outside world: partners and contact points, key persons and their allowances, complaint and
report routes, and indicators.

The API follows the Dutch REST API Design Rules: lowerCamelCase JSON, RFC 9457 problem details,
`API-Version` on every response, `ETag`/`If-Match` for safe updates, `Idempotency-Key` on creates.
People log in with `POST /auth/login` (a session cookie; send `X-CSRF-Token` with changes);
integrations send an API key, or an OAuth 2.0 access token from `POST /oauth/token` (client
credentials), as `Authorization: Bearer <...>`. Municipalities and regions read aggregates only:
`/municipalities/{id}/overview`, `/regions/{id}/overview`, indicator series per area.
"""

TAGS = [
    {"name": "health", "description": "Liveness and readiness."},
    {"name": "access", "description": "Login, users and their roles, API clients, the audit trail."},
    {"name": "reminders", "description": "The daily reminders: which kinds a person receives."},
    {"name": "organisations", "description": "Labour-market regions, municipalities, boards and schools."},
    {"name": "partners", "description": "External partners, partnerships, their contacts and bottlenecks."},
    {"name": "people", "description": "People, the role catalogue, role assignments, organogram, induction."},
    {
        "name": "areas",
        "description": "Overviews of a municipality or a region across boards, for municipalities and "
        "regional partners: aggregates, never a person.",
    },
    {"name": "gaps", "description": "What is missing or at risk, across the registry."},
    {"name": "import and export", "description": "CSV import with a dry run; CSV and XLSX export."},
    {
        "name": "key persons",
        "description": "Volunteer-allowance rules and checks, key persons' agreements, the payments ledger, "
        "activities and the public listings.",
    },
    {
        "name": "inclusion",
        "description": "Inclusive employment (the job agreement): a board's track from intake to evaluation, "
        "its placements and workplace mentors, jobs counted as hours ÷ 25.5, the quota per year.",
    },
    {
        "name": "regional programmes",
        "description": "Boards working together: programmes, their members, lines and initiatives with "
        "results rolled up over the boards taking part, and partnerships shared by all members.",
    },
    {
        "name": "sync",
        "description": "School administration systems (ParnasSys, Magister, Somtoday, Esis, an HR system) "
        "keep the staff, their roles and the schools in sync: idempotent runs (upsert or snapshot, dry run), "
        "kept with what they changed; the board's mapping of job titles to role types.",
    },
    {
        "name": "changes",
        "description": "The change feed for systems that read Spil: what changed in your scope, in order, "
        "with a cursor for the next call.",
    },
    {
        "name": "public",
        "description": "Pages for pupils and parents: no login, only what a school published.",
    },
]


class Health(ApiModel):
    status: Literal["ok"]
    today: dt.date = Field(description="The product's date: today in Europe/Amsterdam.")


class Readiness(ApiModel):
    status: Literal["ok"]
    database: Literal["ok"]


health = APIRouter(tags=["health"])


@health.get("/health", summary="Liveness: the process answers", openapi_extra={"security": []})
def liveness() -> Health:
    return Health(status="ok", today=clock.today())


@health.get(
    "/health/ready",
    summary="Readiness: the database answers",
    responses=problems(503),
    openapi_extra={"security": []},
)
def readiness(request: Request) -> Any:
    try:
        with get_engine().connect() as conn:
            conn.execute(sa.text("SELECT 1"))
    except Exception:  # the database is down: not ready, whatever the reason
        return problem_response(request, 503, "The database does not answer.", code="not-ready")
    return Readiness(status="ok", database="ok")


_API_VERSION_HEADER = (b"api-version", API_VERSION.encode())
_NO_STORE = (b"cache-control", b"no-store")


class ApiVersionHeader:
    """Pure ASGI middleware (issue 18: ``BaseHTTPMiddleware`` cost a task, a memory stream and a
    copy of every answer): every answer of the API says its version and, unless the endpoint chose
    otherwise, ``Cache-Control: no-store``; a NUL character in the query string is refused with a
    400 before any endpoint sees it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", ()))
                headers.append(_API_VERSION_HEADER)
                if not any(key.lower() == b"cache-control" for key, _ in headers):
                    headers.append(_NO_STORE)
                message = {**message, "headers": headers}
            await send(message)

        raw_query: bytes = scope.get("query_string", b"")
        if b"\x00" in raw_query or b"%00" in raw_query:
            query = raw_query.decode("latin-1")
            names = sorted({k for k, v in parse_qsl(query, keep_blank_values=True) if "\x00" in k + v})
            problem = invalid(
                [(name, "nul-character", "Contains a NUL character.") for name in names],
                detail="The query string contains a NUL character.",
                location="query",
            )
            response = problem_for(Request(scope), problem)
            await response(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)


def create_api() -> FastAPI:
    api = FastAPI(
        title="Spil API",
        version=API_VERSION,
        openapi_url="/openapi.json",
        docs_url="/docs",
        redoc_url=None,
        openapi_tags=TAGS,
        generate_unique_id_function=operation_id,
    )
    install_handlers(api)
    api.add_middleware(ApiVersionHeader)
    api.include_router(health)
    api.include_router(access_router)
    api.include_router(accounts_router)
    api.include_router(reminders_router)
    api.include_router(organisations_router)
    api.include_router(areas_router)
    api.include_router(partners_router)
    api.include_router(people_router)
    api.include_router(privacy_router)
    api.include_router(gaps_router)
    api.include_router(transfer_router)
    api.include_router(keypersons_router)
    api.include_router(keypersons_public_router)
    api.include_router(complaints_router)
    api.include_router(confidential_router)
    api.include_router(complaints_public_router)
    api.include_router(indicators_router)
    api.include_router(inclusion_router)
    api.include_router(programmes_router)
    api.include_router(sync_router)
    api.include_router(changes_router)

    def custom_openapi() -> dict[str, Any]:
        if api.openapi_schema is None:
            api.openapi_schema = build_openapi(
                api, title="Spil API", description=DESCRIPTION, server_url=API_PREFIX
            )
            add_sync_body_schemas(api.openapi_schema)
        return api.openapi_schema

    # FastAPI's documented way to customise the document; mypy sees a method being replaced.
    api.openapi = custom_openapi  # type: ignore[method-assign]
    return api
