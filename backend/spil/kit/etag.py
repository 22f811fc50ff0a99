"""ETags from record versions; ``If-Match`` checks for updates (412 when stale)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from fastapi import Request, Response

from spil.kit.errors import ProblemError


def etag_for(version: int) -> str:
    return f'"v{version}"'


def content_etag(payload: Any) -> str:
    digest = hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()[:32]
    return f'"{digest}"'


def set_etag(response: Response, version: int) -> None:
    response.headers["ETag"] = etag_for(version)


def _tags(header: str) -> list[str]:
    return [tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()]


def check_if_match(request: Request, version: int) -> None:
    """Refuse a change made against an older version of the record (412), or blind (428:
    decision record 0012)."""
    header = request.headers.get("if-match")
    tags = _tags(header or "")
    if not tags or tags == ["*"]:  # "*" matches any version: as blind as no header at all
        raise ProblemError(
            428,
            "Send the ETag of the version you edited as If-Match (read the record first), so that "
            "nobody's change is overwritten unseen.",
            code="if-match-required",
            invalid_params=[
                {"name": "If-Match", "in": "header", "code": "required", "reason": "The record's ETag."}
            ],
        )
    if etag_for(version) in tags:
        return
    raise ProblemError(
        412,
        "The record was changed by someone else since you loaded it. "
        "Reload it, then apply your change again.",
        code="stale-record",
        headers={"ETag": etag_for(version)},
    )


def not_modified(request: Request, etag: str) -> bool:
    header = request.headers.get("if-none-match")
    return bool(header) and (etag in _tags(header) or header.strip() == "*")
