"""``Idempotency-Key`` on creates: a retried request gets the first answer again, not a duplicate."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from fastapi import Request
from fastapi.responses import JSONResponse
from sqlmodel import Field, Session, SQLModel

from spil.kit import clock
from spil.kit.db import UTCDateTime
from spil.kit.errors import ProblemError
from spil.kit.etag import etag_for

KEY_PATTERN = re.compile(r"^[\x21-\x7e]{1,255}$")


class IdempotencyRecord(SQLModel, table=True):
    __tablename__ = "idempotency_record"
    __table_args__ = (sa.UniqueConstraint("owner", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    owner: str = Field(max_length=80)
    key: str = Field(max_length=255)
    method: str = Field(max_length=10)
    path: str = Field(max_length=500)
    request_hash: str = Field(max_length=64)
    status_code: int
    response_body: Any = Field(default=None, sa_type=sa.JSON)
    response_headers: dict[str, str] = Field(default_factory=dict, sa_type=sa.JSON)
    created_at: dt.datetime = Field(
        default_factory=clock.now, sa_type=UTCDateTime, nullable=False, index=True
    )


class Idempotency:
    """Per-request helper; inert when the client sent no ``Idempotency-Key``."""

    def __init__(self, request: Request, session: Session, owner: str) -> None:
        self.request = request
        self.session = session
        self.owner = owner
        key = request.headers.get("idempotency-key")
        if key is not None and not KEY_PATTERN.match(key):
            raise ProblemError(
                400,
                "Idempotency-Key must be 1 to 255 visible ASCII characters.",
                code="invalid-idempotency-key",
                invalid_params=[
                    {"name": "Idempotency-Key", "in": "header", "code": "pattern", "reason": "Invalid key."}
                ],
            )
        self.key = key
        self._hash = ""

    def replay(self, payload: Any) -> JSONResponse | None:
        if self.key is None:
            return None
        self._hash = hashlib.sha256(
            json.dumps(
                [self.request.method, self.request.url.path, payload], sort_keys=True, default=str
            ).encode()
        ).hexdigest()
        found = self.session.exec(
            sa.select(IdempotencyRecord).where(
                IdempotencyRecord.owner == self.owner, IdempotencyRecord.key == self.key
            )
        ).first()
        if found is None:
            return None
        record = found[0]
        if record.request_hash != self._hash:
            raise ProblemError(
                409,
                "This Idempotency-Key was already used for a different request. Use a new key.",
                code="idempotency-key-reused",
            )
        headers = {**record.response_headers, "Idempotent-Replayed": "true"}
        return JSONResponse(record.response_body, status_code=record.status_code, headers=headers)

    def created(self, body: Any, location: str, etag: str) -> JSONResponse:
        """Answer 201 with Location and ETag, remembered under the key, and commit."""
        from fastapi.encoders import jsonable_encoder

        payload = jsonable_encoder(body)
        headers = {"Location": location, "ETag": etag}
        self.remember(201, payload, headers)
        self.session.commit()
        return JSONResponse(payload, status_code=201, headers=headers)

    def remember(self, status_code: int, body: Any, headers: dict[str, str] | None = None) -> None:
        if self.key is None:
            return
        self.session.add(
            IdempotencyRecord(
                owner=self.owner,
                key=self.key,
                method=self.request.method,
                path=self.request.url.path[:500],
                request_hash=self._hash,
                status_code=status_code,
                response_body=body,
                response_headers=headers or {},
            )
        )


def idempotent_create(
    request: Request,
    session: Session,
    owner: str,
    data: Any,
    create: Callable[[], tuple[Any, int]],
    collection: str,
) -> JSONResponse:
    """The create endpoints' whole answer: replay a repeated ``Idempotency-Key``, otherwise
    ``create()`` and answer 201 with ``Location: /api/v1/<collection>/<id>`` and the ETag (a batch,
    which has no single id, points at the collection)."""
    idem = Idempotency(request, session, owner)
    if (replay := idem.replay(data.model_dump(mode="json"))) is not None:
        return replay
    out, version = create()
    ident = getattr(out, "id", None)
    location = f"/api/v1/{collection}/{ident}" if ident is not None else f"/api/v1/{collection}"
    return idem.created(out, location, etag_for(version))
