"""The OpenAPI document, shaped to the Dutch API Design Rules.

FastAPI documents 422 validation errors as plain JSON and no response headers. This module
rewrites the generated document once: every error response is ``application/problem+json``
with the Problem schema, every operation that takes input documents a 400, every 2xx response
documents the ``API-Version`` header, and nullable scalars are written the JSON Schema way
(``type: [string, "null"]``) so formats such as ``date`` stay visible to linters and generators.
"""

from __future__ import annotations

import json
import re
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, routing
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute

from spil.kit.errors import PROBLEM_MEDIA_TYPE, Problem

API_VERSION = "1.0.0"

PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}

PROBLEM_TEXT = {
    400: "Invalid input: the fields are listed in `invalidParams`.",
    401: "Not authenticated: log in, or send a valid API key or access token.",
    403: "Authenticated, but this role or API key may not do this.",
    404: "Not found, or outside the caller's scope.",
    409: "Conflicts with existing data (duplicate, still in use).",
    412: "The record changed since it was read (`If-Match` is stale).",
    428: "`If-Match` is required: send the `ETag` of the version you edited.",
    503: "The database is not available; nothing was changed. Try again after `Retry-After`.",
    429: "Too many requests; see `Retry-After`.",
    500: "Unexpected error.",
}


# The OAuth 2.0 client-credentials flow, as the feature that serves it describes it
# (``spil.access.oauth``): documented as the ``oauth2`` security scheme.
_oauth2: dict[str, Any] = {}
# The attribute by which a dependency says which API scope it requires (``spil.access.service.scoped``).
SCOPE_MARK = "required_api_scope"


def document_oauth2_client_credentials(*, token_url: str, scopes: dict[str, str], description: str) -> None:
    """Document the ``oauth2`` security scheme: the client-credentials flow at ``token_url``."""
    _oauth2.clear()
    _oauth2.update(
        {
            "type": "oauth2",
            "description": description,
            "flows": {"clientCredentials": {"tokenUrl": token_url, "scopes": dict(scopes)}},
        }
    )


def mark_required_scope(dependency: Any, scope: str) -> None:
    """Note on an auth dependency the API scope it requires, for the operations' ``security``."""
    setattr(dependency, SCOPE_MARK, scope)


def _required_scopes(app: FastAPI) -> dict[tuple[str, str], list[str]]:
    """(method, path) -> the API scopes its dependencies require (``mark_required_scope``)."""
    found: dict[tuple[str, str], list[str]] = {}
    # FastAPI keeps included routers as such; it walks them (with their prefixes and
    # dependencies) the way its own document generator does.
    for route in routing.iter_route_contexts(app.routes):
        path = route.path_format
        if not isinstance(route.original_route, APIRoute) or path is None:
            continue
        scopes: list[str] = []
        todo = list(route.dependant.dependencies)
        while todo:
            dependant = todo.pop()
            scope = getattr(dependant.call, SCOPE_MARK, None)
            if isinstance(scope, str) and scope not in scopes:
                scopes.append(scope)
            todo.extend(dependant.dependencies)
        for method in route.methods or ():
            found[(method.lower(), path)] = sorted(scopes)
    return found


def _oauth2_requirements(scopes: list[str]) -> list[dict[str, list[str]]]:
    """The ``oauth2`` security requirements of an operation that needs ``scopes``: a read scope
    is also met by the write scope of its area (``partners:write`` reads partners)."""
    known = _oauth2["flows"]["clientCredentials"]["scopes"]
    if len(scopes) == 1 and scopes[0].endswith(":read"):
        write = scopes[0].removesuffix(":read") + ":write"
        if write in known:
            return [{"oauth2": scopes}, {"oauth2": [write]}]
    return [{"oauth2": scopes}]


def problems(*codes: int) -> dict[int | str, dict[str, Any]]:
    """Document problem responses on a route: ``responses=problems(404, 409)``."""
    return {
        code: {"description": PROBLEM_TEXT.get(code, HTTPStatus(code).phrase), "model": Problem}
        for code in codes
    }


def _collapse_nullable(node: Any) -> Any:
    if isinstance(node, dict):
        any_of = node.get("anyOf")
        if isinstance(any_of, list) and len(any_of) == 2 and {"type": "null"} in any_of:
            other = next(s for s in any_of if s != {"type": "null"})
            if isinstance(other.get("type"), str) and "$ref" not in other:
                merged = {k: v for k, v in node.items() if k != "anyOf"}
                merged.update(other)
                merged["type"] = [other["type"], "null"]
                if "enum" in merged:
                    merged["enum"] = [*merged["enum"], None]
                node = merged
        return {k: _collapse_nullable(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_collapse_nullable(v) for v in node]
    return node


def _problem_response(code: int, existing: dict[str, Any] | None = None) -> dict[str, Any]:
    description = (existing or {}).get("description") or PROBLEM_TEXT.get(code) or HTTPStatus(code).phrase
    return {"description": description, "content": {PROBLEM_MEDIA_TYPE: {"schema": PROBLEM_REF}}}


def build_openapi(app: FastAPI, *, title: str, description: str, server_url: str) -> dict[str, Any]:
    doc = get_openapi(
        title=title,
        version=API_VERSION,
        description=description,
        routes=app.routes,
        servers=[{"url": server_url, "description": "This Spil installation"}],
        contact={"name": "Spil", "url": "https://github.com/spil-nl/spil", "email": "api@spil.nl"},
        license_info={"name": "EUPL-1.2", "identifier": "EUPL-1.2"},
        tags=getattr(app, "openapi_tags", None),
    )
    components = doc.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)
    components["headers"] = {
        "API-Version": {
            "description": "The full version of this API (semver).",
            "schema": {"type": "string", "example": API_VERSION},
        }
    }
    components["securitySchemes"] = {
        "sessionCookie": {
            "type": "apiKey",
            "in": "cookie",
            "name": "spil_session",
            "description": "The session started by `POST /auth/login`. "
            "Writes also need the `X-CSRF-Token` header.",
        },
        "apiKey": {
            "type": "http",
            "scheme": "bearer",
            "description": "An API key of an integration: `Authorization: Bearer spil_...`. "
            "An access token of the `oauth2` scheme is sent the same way.",
        },
    }
    doc["security"] = [{"sessionCookie": []}, {"apiKey": []}]
    if _oauth2:
        components["securitySchemes"]["oauth2"] = json.loads(json.dumps(_oauth2))
        doc["security"].append({"oauth2": []})
    required_scopes = _required_scopes(app)
    for path, path_item in doc.get("paths", {}).items():
        for method, operation in path_item.items():
            if method not in {"get", "put", "post", "patch", "delete"}:
                continue
            if _oauth2 and "security" not in operation and (scopes := required_scopes.get((method, path))):
                operation["security"] = [{"sessionCookie": []}, {"apiKey": []}, *_oauth2_requirements(scopes)]
            responses = operation.setdefault("responses", {})
            responses.pop("422", None)
            takes_input = bool(operation.get("parameters")) or "requestBody" in operation
            if takes_input or method in {"post", "put", "patch"}:
                responses.setdefault("400", {})
            if operation.get("security") != []:
                responses.setdefault("401", {})
            if any(p.get("name") == "If-Match" for p in operation.get("parameters", [])):
                responses.setdefault("412", {})
                responses.setdefault("428", {})
            responses.setdefault("503", {})
            for code, response in list(responses.items()):
                status = int(code)
                if status >= 400:
                    responses[code] = _problem_response(status, response)
                else:
                    response.setdefault("headers", {})["API-Version"] = {
                        "$ref": "#/components/headers/API-Version"
                    }
    doc = _rename_generic_schemas(_collapse_nullable(doc))
    return doc


_GENERIC_NAME = re.compile(r"^([A-Za-z]+)_([A-Za-z]+)_$")


def _rename_generic_schemas(doc: dict[str, Any]) -> dict[str, Any]:
    """``Page_BoardOut_`` (pydantic's name for ``Page[BoardOut]``) becomes ``BoardPage``:
    component names in UpperCamelCase, as the API rules ask."""
    renames: dict[str, str] = {}
    for name in doc.get("components", {}).get("schemas", {}):
        if match := _GENERIC_NAME.match(name):
            renames[name] = match[2].removesuffix("Out") + match[1]
    if not renames:
        return doc
    text = json.dumps(doc)
    for old, new in renames.items():
        text = text.replace(f'"#/components/schemas/{old}"', f'"#/components/schemas/{new}"')
    doc = json.loads(text)
    schemas = doc["components"]["schemas"]
    doc["components"]["schemas"] = {renames.get(k, k): v for k, v in schemas.items()}
    return doc
