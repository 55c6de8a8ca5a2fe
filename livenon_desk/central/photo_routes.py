"""Photos, content-addressed: the path is the SHA-256 of the bytes, checked on arrival.

A PUT of a photo the server already has changes nothing (200); the hash makes the write
idempotent by itself, so photos keep no idempotency record, but the header is required
like on every write.
"""

from __future__ import annotations

import hashlib
import logging
from typing import Annotated

from fastapi import APIRouter, Header, Path, Request, Response
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from starlette.concurrency import run_in_threadpool

from livenon_desk.central import tables
from livenon_desk.central.auth import Principal
from livenon_desk.central.context import CentralContext
from livenon_desk.central.idempotency import check_key
from livenon_desk.central.problems import ProblemError
from livenon_desk.central.records import utc_now_text
from livenon_desk.central.responses import documented
from livenon_desk.central.routes import API_PREFIX, Ctx, IdempotencyKey, Who

log = logging.getLogger(__name__)

router = APIRouter(prefix=API_PREFIX)
Sha256Path = Annotated[str, Path(pattern=r"^[0-9a-f]{64}$")]


def _has(context: CentralContext, sha256: str) -> int | None:
    with context.db.read() as c:
        size = c.execute(select(tables.photos.c.size)
                         .where(tables.photos.c.sha256 == sha256)).scalar()
    return None if size is None else int(size)


@router.head("/photos/{sha256}", responses=documented(400, 401, 404, 422, 429))
def head_photo(sha256: Sha256Path, context: Ctx, _who: Who) -> Response:
    size = _has(context, sha256)
    if size is None:
        raise ProblemError(404, "not-found", "No such photo")
    return Response(status_code=200, headers={"ETag": f'"{sha256}"',
                                              "X-Photo-Size": str(size)})


async def _read_limited(request: Request, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ProblemError(413, "too-large", "Photo too large",
                               f"A photo may have at most {limit} bytes.")
        chunks.append(chunk)
    return b"".join(chunks)


def _store(context: CentralContext, who: Principal, sha256: str, content: bytes,
           media_type: str) -> bool:
    try:
        with context.db.write() as c:
            if c.execute(select(tables.photos.c.size)
                         .where(tables.photos.c.sha256 == sha256)).first() is not None:
                return False
            c.execute(insert(tables.photos).values(
                sha256=sha256, media_type=media_type, size=len(content), content=content,
                uploaded_by=who.username, uploaded_at=utc_now_text()))
    except IntegrityError:
        return False  # the same photo arrived from another request at the same moment
    return True


@router.put("/photos/{sha256}", status_code=201,
            responses=documented(200, 400, 401, 413, 422, 429),
            openapi_extra={"requestBody": {"required": True, "content": {
                "application/octet-stream": {"schema": {"type": "string",
                                                        "format": "binary"}}}}})
async def put_photo(
    sha256: Sha256Path,
    request: Request,
    context: Ctx,
    who: Who,
    key: IdempotencyKey,
    content_type: Annotated[str, Header(alias="Content-Type", max_length=100)] = (
        "application/octet-stream"
    ),
) -> Response:
    check_key(key)
    content = await _read_limited(request, context.settings.max_photo_bytes)
    if not content:
        raise ProblemError(422, "empty-photo", "Empty photo", "The body holds no bytes.")
    if hashlib.sha256(content).hexdigest() != sha256:
        raise ProblemError(422, "hash-mismatch", "Hash mismatch",
                           "The body's SHA-256 is not the one in the path.")
    created = await run_in_threadpool(_store, context, who, sha256, content, content_type)
    return Response(status_code=201 if created else 200, headers={"ETag": f'"{sha256}"'})
