"""RFC 9457 problem details for every error the API returns."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import exc as sa_exc
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, InterfaceError, OperationalError
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException as StarletteHTTPException

from spil.kit import messages, problem_texts
from spil.kit.messages import Language

log = logging.getLogger("spil")

PROBLEM_MEDIA_TYPE = "application/problem+json"

# Seconds a client is asked to wait after a 503 (``Retry-After``), unless the answer says otherwise.
RETRY_AFTER_UNAVAILABLE = 5


class InvalidParam(BaseModel):
    name: str = Field(description="The field or parameter, dotted for nested fields (`address.postalCode`).")
    location: str = Field(alias="in", description="Where the parameter was sent: body, query, path, header.")
    code: str = Field(description="A machine-readable reason code.")
    reason: str = Field(description="What is wrong, in plain language.")

    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)


class Problem(BaseModel):
    """An RFC 9457 problem details object."""

    type: str = Field("about:blank", description="A URI reference that identifies the problem type.")
    title: str = Field(description="A short summary of the problem type.")
    status: int = Field(description="The HTTP status code.", ge=100, le=599)
    detail: str = Field(description="What went wrong in this occurrence, in plain language.")
    instance: str | None = Field(None, description="The request path of this occurrence.")
    invalid_params: list[InvalidParam] | None = Field(None, alias="invalidParams")

    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)


class ProblemError(Exception):
    """Raise anywhere to answer with a problem; nothing written in the request is committed."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        code: str | None = None,
        title: str | None = None,
        invalid_params: list[dict[str, str]] | None = None,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
        language: Language | None = None,
    ) -> None:
        """``language``: the texts are in that language already (written for the caller's
        ``Accept-Language``); otherwise they are English and the answer translates them."""
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.code = code
        self.title = title or HTTPStatus(status).phrase
        self.invalid_params = invalid_params
        self.headers = headers or {}
        self.extra = extra or {}
        self.language = language


def not_found(what: str = "record") -> ProblemError:
    return ProblemError(404, f"The {what} does not exist or is outside your scope.", code="not-found")


def conflict(detail: str, code: str = "conflict") -> ProblemError:
    return ProblemError(409, detail, code=code)


def invalid(
    params: Iterable[tuple[str, str, str]],
    *,
    detail: str | None = None,
    location: str = "body",
    code: str = "invalid-input",
    language: Language | None = None,
) -> ProblemError:
    """The one way to answer 400 for bad input: every invalid field as ``(name, code, reason)``
    in ``invalidParams``; ``detail`` defaults to the reasons."""
    listed = list(params)
    return ProblemError(
        400,
        detail or " ".join(reason for _, _, reason in listed),
        code=code,
        invalid_params=[{"name": f, "in": location, "code": c, "reason": r} for f, c, r in listed],
        language=language,
    )


def conflict_on(field: str, detail: str, code: str, *, reason: str | None = None) -> ProblemError:
    """A 409 about one body field (a duplicate code, a record of another board), listed in
    ``invalidParams`` with ``reason`` (``detail`` by default)."""
    return ProblemError(
        409,
        detail,
        code=code,
        invalid_params=[{"name": field, "in": "body", "code": code, "reason": reason or detail}],
    )


def forbidden(detail: str = "You may read this record but not change it.") -> ProblemError:
    return ProblemError(403, detail, code="forbidden")


def problem_response(
    request: Request,
    status: int,
    detail: str,
    *,
    code: str | None = None,
    title: str | None = None,
    invalid_params: list[dict[str, str]] | None = None,
    headers: dict[str, str] | None = None,
    extra: dict[str, Any] | None = None,
    language: Language | None = None,
) -> JSONResponse:
    """A problem's answer, its ``detail`` and reasons in the caller's language (``Accept-Language``).

    Services write their texts in English; here they get their Dutch from
    :mod:`spil.kit.problem_texts`, the one place where that happens. ``language`` says that the
    texts are in that language already (the request validator's sentences): they pass unchanged.
    A text without Dutch leaves the whole answer in English, and ``Content-Language`` says so."""
    if language is None:
        localized = problem_texts.localize(messages.language_of(request), detail, invalid_params)
        if localized is None:
            log.warning("problem text without Dutch on %s: %r %r", request.url.path, detail, invalid_params)
            language = "en"
        else:
            language, detail, invalid_params = localized
    headers = dict(headers or {})
    if not any(k.lower() == "content-language" for k in headers):
        headers["Content-Language"] = language
    vary = next((k for k in headers if k.lower() == "vary"), None)
    if vary is None:
        headers["Vary"] = "Accept-Language"
    elif "accept-language" not in headers[vary].lower():
        headers[vary] = f"{headers[vary]}, Accept-Language"
    body: dict[str, Any] = {
        "type": f"urn:spil:problem:{code}" if code else "about:blank",
        "title": title or HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "instance": request.url.path,
    }
    if invalid_params:
        body["invalidParams"] = invalid_params
    if extra:
        body.update(extra)
    if status == 503 and not any(k.lower() == "retry-after" for k in headers or {}):
        # Every 503 says when to try again (RFC 9110 §10.2.3), whoever raised it.
        headers = {**(headers or {}), "Retry-After": str(RETRY_AFTER_UNAVAILABLE)}
    return JSONResponse(body, status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers)


def problem_for(request: Request, exc: ProblemError) -> JSONResponse:
    """The answer to a raised problem; middleware, which runs outside the handlers, uses it too."""
    return problem_response(
        request,
        exc.status,
        exc.detail,
        code=exc.code,
        title=exc.title,
        invalid_params=exc.invalid_params,
        headers=exc.headers,
        extra=exc.extra,
        language=exc.language,
    )


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def validation_params(exc: RequestValidationError, language: Language = "en") -> list[dict[str, str]]:
    """Each invalid field with the validator's error type as its code and a sentence for people in
    ``language`` as its reason (``spil.kit.messages``)."""
    params = []
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ())]
        location = loc[0] if loc else "body"
        path = [_camel(p) for p in loc[1:]] if len(loc) > 1 else []
        reason = messages.validation_reason(err, language)
        params.append(
            {
                "name": ".".join(path) or location,
                "in": location,
                "code": str(err.get("type")),
                "reason": reason,
            }
        )
    return params


# PostgreSQL SQLSTATEs that mean "the server is not there for you right now", also when a driver
# raises them outside SQLAlchemy: class 08 (connection exception), 53300 too_many_connections,
# 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now.
_UNAVAILABLE_SQLSTATES = frozenset({"53300", "57P01", "57P02", "57P03"})
_UNAVAILABLE_ERRORS = (OperationalError, InterfaceError, sa_exc.DisconnectionError, sa_exc.TimeoutError)
# SQLite reports a wrong query ("no such column", "syntax error") as an OperationalError too: that
# is our bug, a 500 to be fixed, not an outage. Only these messages mean "try again later".
_SQLITE_UNAVAILABLE = (
    "database is locked",
    "database table is locked",
    "unable to open database",
    "disk i/o error",
    "database or disk is full",
)


def _sqlite_query_error(exc: BaseException) -> bool:
    orig = getattr(exc, "orig", None) or exc
    if type(orig).__module__.split(".")[0] != "sqlite3" or type(orig).__name__ != "OperationalError":
        return False
    message = str(orig).lower()
    return not any(m in message for m in _SQLITE_UNAVAILABLE)


def database_unavailable(exc: BaseException | None, _seen: set[int] | None = None) -> bool:
    """Whether ``exc`` (or what caused it) means the database is down, restarting, unreachable or
    busy: trying again later will do, and the request's transaction was rolled back.

    SQLAlchemy's ``OperationalError`` and ``InterfaceError`` (what psycopg raises for a refused,
    broken or closed connection, a server shutting down, SQLite's lock timeout), any ``DBAPIError``
    that invalidated its connection, a ``DisconnectionError``, the pool's ``TimeoutError`` (every
    connection busy for ``pool_timeout`` seconds), and psycopg's own errors of those kinds."""
    # one set over the whole walk: a group's member may lead back to the group (its context)
    seen: set[int] = set() if _seen is None else _seen
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, BaseExceptionGroup):
            return any(database_unavailable(e, seen) for e in exc.exceptions)
        if _sqlite_query_error(exc):
            return False
        if isinstance(exc, _UNAVAILABLE_ERRORS):
            return True
        if isinstance(exc, DBAPIError) and exc.connection_invalidated:
            return True
        module = type(exc).__module__.split(".")[0]
        if module in ("psycopg", "sqlite3") and type(exc).__name__ in ("OperationalError", "InterfaceError"):
            return True
        sqlstate = getattr(exc, "sqlstate", None)
        if isinstance(sqlstate, str) and (sqlstate.startswith("08") or sqlstate in _UNAVAILABLE_SQLSTATES):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def unavailable_response(request: Request, exc: BaseException) -> JSONResponse:
    # The database is down, restarting, or (SQLite) busy past the lock timeout: nothing was
    # written (the request's transaction rolled back), and trying again later will do.
    log.warning("database unavailable on %s %s: %s", request.method, request.url.path, exc)
    return problem_response(
        request,
        503,
        "The database is not available at the moment. Nothing was changed; try again shortly.",
        code="database-unavailable",
        headers={"Retry-After": str(RETRY_AFTER_UNAVAILABLE)},
    )


# PostgreSQL data exceptions that a value sent by the client causes (class 22 also holds ones
# that a query of ours causes, such as division by zero: those stay a 500).
_BAD_VALUE_SQLSTATES = frozenset(
    {
        "22001",  # string_data_right_truncation: longer than the column
        "22003",  # numeric_value_out_of_range
        "22007",  # invalid_datetime_format
        "22008",  # datetime_field_overflow
        "22021",  # character_not_in_repertoire
        "22P02",  # invalid_text_representation
        "22P05",  # untranslatable_character
    }
)


def _bad_value(exc: DataError) -> bool:
    sqlstate = getattr(exc.orig, "sqlstate", None)
    # psycopg refuses some values itself, before the server sees them (a NUL byte in a string).
    return sqlstate in _BAD_VALUE_SQLSTATES or (sqlstate is None and "NUL" in str(exc.orig))


def _server_error(request: Request, exc: Exception) -> JSONResponse:
    log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return problem_response(request, 500, "Something went wrong on our side. It has been logged.")


def install_handlers(app: FastAPI) -> None:
    @app.exception_handler(ProblemError)
    async def _problem(request: Request, exc: ProblemError) -> JSONResponse:
        return problem_for(request, exc)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        language = messages.language_of(request)
        params = validation_params(exc, language)
        names = ", ".join(sorted({p["name"] for p in params}))
        return problem_response(
            request,
            400,
            messages.validation_detail(names, language),
            code="invalid-input",
            invalid_params=params,
            language=language,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).description
        if exc.status_code == 404 and detail == "Not Found":
            detail = "There is no resource at this path."
        return problem_response(request, exc.status_code, detail, headers=getattr(exc, "headers", None))

    @app.exception_handler(StaleDataError)
    async def _stale(request: Request, exc: StaleDataError) -> JSONResponse:
        return problem_response(
            request,
            412,
            "The record was changed by someone else while you were editing it. Reload it and try again.",
            code="stale-record",
        )

    @app.exception_handler(IntegrityError)
    async def _integrity(request: Request, exc: IntegrityError) -> JSONResponse:
        log.warning("integrity error: %s", exc.orig)
        return problem_response(
            request,
            409,
            "The change conflicts with existing data (a duplicate, or a record still in use).",
            code="conflict",
        )

    @app.exception_handler(OperationalError)
    @app.exception_handler(InterfaceError)
    @app.exception_handler(sa_exc.DisconnectionError)
    @app.exception_handler(sa_exc.TimeoutError)
    async def _unavailable(request: Request, exc: Exception) -> JSONResponse:
        return unavailable_response(request, exc)

    @app.exception_handler(DataError)
    async def _data(request: Request, exc: DataError) -> JSONResponse:
        if database_unavailable(exc):
            return unavailable_response(request, exc)
        if not _bad_value(exc):
            return _server_error(request, exc)
        # A value that passed validation but that the database cannot hold (too long, out of
        # range, a NUL byte): the request's fault, not ours; logged, as validation missed it.
        log.warning("data error on %s %s: %s", request.method, request.url.path, exc.orig)
        return problem_response(
            request,
            400,
            "The request holds a value the database cannot store (too long, too large, or a "
            "character it refuses).",
            code="invalid-input",
        )

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        # Another DBAPIError that broke its connection, or an error raised while handling one.
        if database_unavailable(exc):
            return unavailable_response(request, exc)
        return _server_error(request, exc)
