"""Dependencies every router uses."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Path, Query, Request
from sqlmodel import Session

from spil.kit.db import get_session
from spil.kit.etag import check_if_match
from spil.kit.schemas import MAX_ID

# The request's unit of work: committed when the handler succeeds, before the answer is sent.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]


def id_path(alias: str, description: str) -> object:
    return Path(alias=alias, ge=1, le=MAX_ID, description=description)


def optional_id_query(alias: str, description: str) -> object:
    return Query(alias=alias, ge=1, le=MAX_ID, description=description)


SearchQuery = Annotated[
    str | None,
    Query(
        max_length=100, pattern=r"^[^\x00]*$", description="Search text (case-insensitive, part of a word)."
    ),
]


def version_check(request: Request) -> Callable[[int], None]:
    """Returns a checker that compares the ``If-Match`` header with the record's version."""
    return lambda version: check_if_match(request, version)


VersionCheck = Annotated[Callable[[int], None], Depends(version_check)]

IF_MATCH_DOC = {
    "parameters": [
        {
            "name": "If-Match",
            "in": "header",
            "required": True,
            "description": "The ETag of the version you edited (from the GET): a stale one is refused with "
            "412, a change without it with 428, so that nobody overwrites a change they have not seen.",
            "schema": {"type": "string"},
        }
    ]
}
IDEMPOTENCY_DOC = {
    "parameters": [
        {
            "name": "Idempotency-Key",
            "in": "header",
            "required": False,
            "description": "A unique key per intended creation; a retry with the same key returns the first "
            "answer instead of creating a duplicate.",
            "schema": {"type": "string", "maxLength": 255},
        }
    ]
}
