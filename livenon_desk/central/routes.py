"""The central API's routes under /api/v1: sign-in, pull, batch and single writes."""

from __future__ import annotations

import re
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Header, Path, Query, Request, Response
from fastapi.responses import JSONResponse

from livenon_desk.central.anchors import anchor_of
from livenon_desk.central.auth import (
    Principal,
    charge,
    client_address,
    current_principal,
    issue_token,
)
from livenon_desk.central.changes import changes_since, parse_cursor
from livenon_desk.central.context import CentralContext, central_context
from livenon_desk.central.problems import ProblemError
from livenon_desk.central.responses import documented
from livenon_desk.central.write_flow import WriteOutcome, perform_batch, perform_write
from livenon_desk.central.writes import WriteRequest
from livenon_desk.wire.bodies import (
    PRINTABLE,
    AuditAnchor,
    AuditEventIn,
    BatchIn,
    BatchItemResult,
    BatchOut,
    ChangesPage,
    Entity,
    Health,
    InspectionIn,
    Me,
    OverrideIn,
    ReceiptIn,
    RefundDecisionIn,
    TokenRequest,
    TokenResponse,
)

API_PREFIX = "/api/v1"
router = APIRouter(prefix=API_PREFIX)

Ctx = Annotated[CentralContext, Depends(central_context)]
Who = Annotated[Principal, Depends(current_principal)]
IdempotencyKey = Annotated[str, Header(alias="Idempotency-Key", min_length=1, max_length=200)]
IfMatch = Annotated[str, Header(alias="If-Match", max_length=40)]
Rma = Annotated[str, Path(min_length=1, max_length=40, pattern=PRINTABLE)]
_ETAG = re.compile(r'(?:W/)?"?(\d{1,10})"?')


def parse_if_match(value: str | None) -> int | None:
    """``"3"`` (an ETag, as sent back) or a bare ``3``; anything else is a 400."""
    if value is None:
        return None
    match = _ETAG.fullmatch(value.strip())
    if match is None or int(match.group(1)) < 1:
        raise ProblemError(400, "bad-header", "Missing or invalid header",
                           'If-Match must be the version the desk last saw, e.g. "3".')
    return int(match.group(1))


def _respond(outcome: WriteOutcome) -> JSONResponse:
    headers = {"Idempotent-Replayed": "true" if outcome.replayed else "false"}
    if outcome.response.etag:
        headers["ETag"] = outcome.response.etag
    return JSONResponse(outcome.response.body, status_code=outcome.response.status,
                        headers=headers)


@router.get("/health", response_model=Health)
def health() -> Health:
    return Health()


@router.post("/auth/token", response_model=TokenResponse, responses=documented(400, 401, 422, 429))
def sign_in(body: TokenRequest, context: Ctx, request: Request) -> TokenResponse:
    charge(context, "address:" + client_address(request))
    issued = issue_token(context, body.username, body.password)
    return TokenResponse(access_token=issued.token, expires_in=issued.expires_in,
                         role=issued.role)


@router.get("/auth/me", response_model=Me, responses=documented(400, 401, 429))
def who_am_i(who: Who) -> Me:
    """The name every write this token sends is recorded under."""
    return Me(username=who.username, role=who.role)


@router.get("/changes", response_model=ChangesPage, responses=documented(400, 401, 422, 429))
def changes(
    context: Ctx,
    _who: Who,
    since: Annotated[str | None, Query(max_length=19)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> ChangesPage:
    start = parse_cursor(since)
    page, has_more = changes_since(context.db, start, min(limit, context.settings.max_page))
    next_cursor = str(page[-1].seq if page else start)
    return ChangesPage.model_validate(
        {"changes": [e.document() for e in page], "next_cursor": next_cursor,
         "has_more": has_more}
    )


@router.get("/audit-anchors/{desk_id}", response_model=AuditAnchor,
            responses=documented(400, 401, 404, 422, 429))
def audit_anchor(desk_id: Annotated[str, Path(pattern=r"^[0-9a-fA-F-]{1,36}$")],
                 context: Ctx, _who: Who) -> AuditAnchor:
    """The newest event of a desk's audit chain this server holds."""
    with context.db.read() as c:
        found = anchor_of(c, desk_id)
    if found is None:
        raise ProblemError(404, "not-found", "No anchor",
                           f"No audit event of desk {desk_id} has reached this server.")
    return AuditAnchor.model_validate(found)


@router.post("/batch", response_model=BatchOut, responses=documented(400, 401, 422, 429))
def batch(body: BatchIn, context: Ctx, who: Who, response: Response,
          prefer: Annotated[str | None, Header(max_length=200)] = None) -> BatchOut:
    """Each item's answer as its own write would give it. With ``Prefer: return=minimal``
    (RFC 7240) a record written is answered by its kind, id, version and seq without its
    data (``data`` null), which is all a desk that wrote it needs; refusals are whole."""
    results = perform_batch(context, who, body.items)
    if prefer is not None and "return=minimal" in prefer.replace(" ", "").split(","):
        response.headers["Preference-Applied"] = "return=minimal"
        results = [_minimal(r) for r in results]
    return BatchOut(results=results)


_ENTITY_KEYS = frozenset({"kind", "id", "version", "seq", "deleted", "data"})


def _minimal(result: BatchItemResult) -> BatchItemResult:
    body = result.body
    if not 200 <= result.status < 300 or body is None:
        return result
    if body.keys() == _ENTITY_KEYS:
        body = {**body, "data": None}
    elif isinstance(body.get("return"), dict) and body["return"].keys() == _ENTITY_KEYS:
        body = {**body, "return": {**body["return"], "data": None}}
    return BatchItemResult.model_construct(key=result.key, status=result.status, body=body)


@router.put("/returns/{rma}/receipt", response_model=Entity,
            responses=documented(400, 401, 404, 409, 412, 422, 423, 429))
def put_receipt(rma: Rma, body: ReceiptIn, context: Ctx, who: Who, key: IdempotencyKey,
                if_match: IfMatch) -> JSONResponse:
    req = WriteRequest("receipt", rma, parse_if_match(if_match), body)
    return _respond(perform_write(context, who, key, req))


@router.put("/inspections/{uuid}", response_model=Entity,
            responses=documented(201, 400, 401, 404, 409, 412, 422, 423, 428, 429))
def put_inspection(uuid: UUID, body: InspectionIn, context: Ctx, who: Who,
                   key: IdempotencyKey, if_match: Annotated[str | None, Header(
                       alias="If-Match", max_length=40)] = None) -> JSONResponse:
    req = WriteRequest("inspection", str(uuid), parse_if_match(if_match), body)
    return _respond(perform_write(context, who, key, req))


@router.post("/inspections/{uuid}/override", response_model=Entity,
             responses=documented(400, 401, 403, 404, 409, 412, 422, 423, 429))
def override_inspection(uuid: UUID, body: OverrideIn, context: Ctx, who: Who,
                        key: IdempotencyKey, if_match: IfMatch) -> JSONResponse:
    req = WriteRequest("override", str(uuid), parse_if_match(if_match), body)
    return _respond(perform_write(context, who, key, req))


@router.post("/audit-events", status_code=201,
             responses=documented(200, 400, 401, 403, 409, 422, 429))
def post_audit_event(body: AuditEventIn, context: Ctx, who: Who,
                     key: IdempotencyKey) -> JSONResponse:
    req = WriteRequest("audit_event", str(body.uuid), None, body)
    return _respond(perform_write(context, who, key, req))


@router.post("/refund-decisions", status_code=201,
             responses=documented(200, 400, 401, 403, 404, 409, 412, 422, 423, 429))
def post_refund_decision(body: RefundDecisionIn, context: Ctx, who: Who,
                         key: IdempotencyKey, if_match: IfMatch) -> JSONResponse:
    req = WriteRequest("refund_decision", str(body.uuid), parse_if_match(if_match), body)
    return _respond(perform_write(context, who, key, req))
