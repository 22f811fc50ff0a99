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
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlmodel import Field, Session, SQLModel

from spil.kit import clock
from spil.kit.db import UTCDateTime
from spil.kit.errors import ProblemError, invalid
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
    """Per-request helper; inert when the client sent no ``Idempotency-Key``.

    The key is claimed by inserting its record before the creation, in the request's own
    transaction, and the record is completed with the answer in that same transaction: the
    record and what it answers commit together or not at all. A simultaneous retry with the
    same key meets the unique constraint on ``(owner, key)``: PostgreSQL makes it wait for the
    first transaction, SQLite serialises writers anyway, and then it replays the first answer
    (``Idempotent-Replayed: true``), or, when the first is still busy after the lock timeout,
    gets a 409 to try again. Never a duplicate, never a 5xx."""

    LOCK_TIMEOUT_MS = 10_000

    def __init__(self, request: Request, session: Session, owner: str) -> None:
        self.request = request
        self.session = session
        self.owner = owner
        key = request.headers.get("idempotency-key")
        if key is not None and not KEY_PATTERN.match(key):
            raise invalid(
                [("Idempotency-Key", "pattern", "Invalid key.")],
                detail="Idempotency-Key must be 1 to 255 visible ASCII characters.",
                location="header",
                code="invalid-idempotency-key",
            )
        self.key = key
        self._hash = ""
        self._claim: IdempotencyRecord | None = None

    def _find(self) -> IdempotencyRecord | None:
        return self.session.exec(
            sa.select(IdempotencyRecord).where(
                IdempotencyRecord.owner == self.owner, IdempotencyRecord.key == self.key
            )
        ).scalar_one_or_none()

    def _replay(self, record: IdempotencyRecord) -> JSONResponse:
        if record.request_hash != self._hash:
            raise ProblemError(
                409,
                "This Idempotency-Key was already used for a different request. Use a new key.",
                code="idempotency-key-reused",
            )
        headers = {**record.response_headers, "Idempotent-Replayed": "true"}
        return JSONResponse(record.response_body, status_code=record.status_code, headers=headers)

    def claim(self, payload: Any) -> JSONResponse | None:
        """The first answer again when the key was used before; otherwise claim the key (in this
        transaction) and return ``None``: the caller goes on and creates."""
        if self.key is None:
            return None
        self._hash = hashlib.sha256(
            json.dumps(
                [self.request.method, self.request.url.path, payload], sort_keys=True, default=str
            ).encode()
        ).hexdigest()
        if (found := self._find()) is not None:
            return self._replay(found)
        claim = IdempotencyRecord(
            owner=self.owner,
            key=self.key,
            method=self.request.method,
            path=self.request.url.path[:500],
            request_hash=self._hash,
            status_code=0,  # in progress: completed in this transaction, never committed as such
        )
        postgres = self.session.get_bind().dialect.name == "postgresql"
        try:
            with self.session.begin_nested():
                if postgres:  # wait for a simultaneous first attempt, but not for ever
                    self.session.execute(sa.text(f"SET LOCAL lock_timeout = {self.LOCK_TIMEOUT_MS}"))
                self.session.add(claim)
                self.session.flush()
        except IntegrityError:
            # A simultaneous request with this key committed first: its answer is ours.
            if (found := self._find()) is not None:
                return self._replay(found)
            raise self._in_progress() from None
        except OperationalError as exc:
            if getattr(exc.orig, "sqlstate", None) == "55P03":  # lock_not_available
                raise self._in_progress() from None
            raise
        finally:
            if postgres:
                self.session.execute(sa.text("SET LOCAL lock_timeout TO DEFAULT"))
        self._claim = claim
        return None

    @staticmethod
    def _in_progress() -> ProblemError:
        return ProblemError(
            409,
            "A request with this Idempotency-Key is still being processed. Try again in a moment.",
            code="idempotency-key-in-progress",
            headers={"Retry-After": "1"},
        )

    def release(self) -> None:
        """Give the key back (an answer that is not kept, e.g. a refusal whose request is written
        down all the same): a retry with the key runs again."""
        if self._claim is not None:
            self.session.delete(self._claim)
            self.session.flush()
            self._claim = None

    def created(
        self, body: Any, location: str, etag: str, *, redact: Callable[[Any], Any] | None = None
    ) -> JSONResponse:
        """Answer 201 with Location and ETag, remembered under the key (not committed: the
        request's transaction commits the record and this answer together). ``redact`` gives the
        body as it is kept for a replay: without what only some readers may see."""
        payload = jsonable_encoder(body)
        headers = {"Location": location, "ETag": etag}
        if self._claim is not None:
            self._claim.status_code = 201
            self._claim.response_body = redact(payload) if redact else payload
            self._claim.response_headers = headers
            self.session.flush()
        return JSONResponse(payload, status_code=201, headers=headers)


def idempotent_create(
    request: Request,
    session: Session,
    owner: str,
    data: Any,
    create: Callable[[], tuple[Any, int]],
    collection: str,
    *,
    redact: Callable[[Any], Any] | None = None,
) -> JSONResponse:
    """The create endpoints' whole answer: replay a repeated ``Idempotency-Key``, otherwise
    ``create()`` and answer 201 with ``Location: /api/v1/<collection>/<id>`` and the ETag (a batch,
    which has no single id, points at the collection)."""
    idem = Idempotency(request, session, owner)
    if (replay := idem.claim(data.model_dump(mode="json"))) is not None:
        return replay
    out, version = create()
    ident = getattr(out, "id", None)
    location = f"/api/v1/{collection}/{ident}" if ident is not None else f"/api/v1/{collection}"
    return idem.created(out, location, etag_for(version), redact=redact)


KEEP_DAYS = 2


def purge(session: Session, now: dt.datetime | None = None) -> int:
    """Forget the answers of keys older than ``KEEP_DAYS``: a retry comes within minutes, and the
    stored answers hold the records as they were (``spil purge-personal-data`` runs this)."""
    cutoff = (now or clock.now()) - dt.timedelta(days=KEEP_DAYS)
    result = session.execute(sa.delete(IdempotencyRecord).where(IdempotencyRecord.created_at < cutoff))
    return int(getattr(result, "rowcount", 0) or 0)
