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

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from spil.kit.errors import PROBLEM_MEDIA_TYPE, Problem

API_VERSION = "1.0.0"

PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}

PROBLEM_TEXT = {
    400: "Invalid input: the fields are listed in `invalidParams`.",
    401: "Not authenticated: log in or send an API key.",
    403: "Authenticated, but this role or API key may not do this.",
    404: "Not found, or outside the caller's scope.",
    409: "Conflicts with existing data (duplicate, still in use).",
    412: "The record changed since it was read (`If-Match` is stale).",
    428: "`If-Match` is required: send the `ETag` of the version you edited.",
    503: "The database is not available; nothing was changed. Try again after `Retry-After`.",
    429: "Too many requests; see `Retry-After`.",
    500: "Unexpected error.",
}


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
            "description": "An API key of an integration: `Authorization: Bearer spil_...`.",
        },
    }
    doc["security"] = [{"sessionCookie": []}, {"apiKey": []}]
    for path_item in doc.get("paths", {}).values():
        for method, operation in path_item.items():
            if method not in {"get", "put", "post", "patch", "delete"}:
                continue
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
