"""Answers of the public pages (no login): rate-limited per IP, cacheable, with an ETag."""

from __future__ import annotations

from fastapi import Request, Response
from pydantic import BaseModel

from spil.kit import ratelimit
from spil.kit.etag import content_etag, not_modified
from spil.kit.settings import get_settings


def public_response(request: Request, payload: BaseModel) -> Response:
    """``payload`` as JSON with ``Cache-Control: public`` and an ETag; 304 for a matching
    ``If-None-Match``; 429 past ``SPIL_PUBLIC_RATE_LIMIT`` requests per IP address."""
    ratelimit.hit(
        get_settings().public_rate_limit,
        "public",
        ratelimit.client_ip(request),
        detail="Too many requests; try again in a minute.",
    )
    etag = content_etag(payload.model_dump(mode="json"))
    headers = {"ETag": etag, "Cache-Control": "public, max-age=300"}
    if not_modified(request, etag):
        return Response(status_code=304, headers=headers)
    return Response(
        content=payload.model_dump_json(by_alias=True), media_type="application/json", headers=headers
    )
