"""A file sent to the API: as the raw request body (``text/csv``, what scripts send) or as the
field ``file`` of a ``multipart/form-data`` body (what HTML forms and generated clients send).

``read_upload`` reads either, never more than the limit (a larger file is a 400 before it is
read to the end), and ``upload_body`` documents both in the OpenAPI ``requestBody`` so that a
client generator offers the operation.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from fastapi import Request
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser

from spil.kit.errors import ProblemError, invalid

FIELD = "file"
MULTIPART = "multipart/form-data"
# What a multipart body may hold besides the file: the boundaries and part headers.
MULTIPART_OVERHEAD = 64 * 1024


def too_large(limit: int) -> ProblemError:
    megabytes = f"{limit / (1024 * 1024):g}"
    return invalid(
        [(FIELD, "file-too-large", f"The file is larger than {megabytes} MB; split it.")],
        code="file-too-large",
    )


async def _limited(stream: AsyncIterator[bytes], limit: int, file_limit: int) -> AsyncIterator[bytes]:
    """The request body, refused with a 400 as soon as it grows past ``limit`` bytes."""
    total = 0
    async for chunk in stream:
        total += len(chunk)
        if total > limit:
            raise too_large(file_limit)
        yield chunk


async def read_upload(request: Request, *, limit: int) -> bytes:
    """The bytes of the uploaded file, however it was sent; 400 ``file-too-large`` past ``limit``
    bytes, 400 naming ``file`` for a multipart body without that field."""
    declared = request.headers.get("content-length", "")
    media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    multipart = media_type == MULTIPART
    overhead = MULTIPART_OVERHEAD if multipart else 0
    if declared.isdigit() and int(declared) > limit + overhead:
        raise too_large(limit)
    stream = _limited(request.stream(), limit + overhead, limit)
    if not multipart:
        return b"".join([chunk async for chunk in stream])
    try:
        form = await MultiPartParser(request.headers, stream, max_files=1, max_fields=20).parse()
    except MultiPartException as exc:
        raise invalid(
            [(FIELD, "unreadable-multipart", f"The multipart body cannot be read: {exc.message}")],
            code="unreadable-file",
        ) from None
    try:
        value = form.get(FIELD)
        if isinstance(value, UploadFile):
            content = await value.read()
        elif isinstance(value, str):  # sent as a plain form field: its text
            content = value.encode("utf-8")
        else:
            raise invalid(
                [(FIELD, "required", f"Send the file in the multipart field '{FIELD}'.")],
                detail=f"The multipart body has no field '{FIELD}': send the file as the field '{FIELD}'.",
                code="missing-file",
            )
    finally:
        await form.close()
    if len(content) > limit:
        raise too_large(limit)
    return content


def upload_body(description: str, example: str | None = None) -> dict[str, Any]:
    """``openapi_extra`` for an operation that takes a file: the raw CSV or a multipart form,
    with an example of the file where one is given."""
    binary = {"type": "string", "format": "binary"}
    text = (
        description
        + f" Send the file as the body (`text/csv`) or as the field `{FIELD}` of a `{MULTIPART}` form."
    )
    if example is not None:
        # in the description, not as the media type's ``example``: property-based testers (and some
        # generators) cannot serialise a text/csv example, and a person reads it here anyway
        text += f"\n\nAn example file:\n\n```csv\n{example}```"
    return {
        "requestBody": {
            "required": True,
            "description": text,
            "content": {
                "text/csv": {"schema": binary},
                MULTIPART: {
                    "schema": {
                        "type": "object",
                        "properties": {FIELD: {**binary, "description": "The CSV file."}},
                        "required": [FIELD],
                    }
                },
            },
        }
    }
