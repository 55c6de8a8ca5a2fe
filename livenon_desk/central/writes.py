"""The writes a desk pushes: receipt, inspection, override, audit event, refund decision,
and the answer to an email application (with the return it created), and a
station's units and their moves (issue 17).

Each takes an open write transaction and a validated body, and either returns the answer
to store and send, or raises a ``ProblemError`` having changed nothing that its caller
will commit.
"""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Connection, Table, insert, select

from livenon_desk.central import anchors, records, tables
from livenon_desk.central.auth import Principal, require_supervisor, signed_in_as
from livenon_desk.central.database import next_seq
from livenon_desk.central.idempotency import StoredResponse
from livenon_desk.central.problems import ProblemError
from livenon_desk.domain.enums import ReturnStatus
from livenon_desk.wire.bodies import (
    AuditEventIn,
    InspectionIn,
    LotIn,
    MailAnswerIn,
    OverrideIn,
    ReceiptIn,
    RefundDecisionIn,
    RtvShipmentIn,
    UnitIn,
    UnitMoveIn,
    WorkOrderIn,
)

# A receipt moves a return on only while it is waiting for its parcel.
_RECEIVABLE = frozenset({ReturnStatus.APPLIED, ReturnStatus.INSTRUCTIONS_SENT,
                         ReturnStatus.IN_TRANSIT, ReturnStatus.PARTIALLY_RECEIVED,
                         ReturnStatus.RECEIVED})


@dataclass(frozen=True)
class WriteRequest:
    kind: str
    entity_id: str
    if_match: int | None
    body: BaseModel

    @cached_property
    def _dumped(self) -> dict[str, Any]:
        return self.body.model_dump(mode="json")

    def dump(self) -> dict[str, Any]:
        """The body as JSON values; dumped once (the fingerprint and the record both
        need it), each caller getting a dict of its own to change."""
        return dict(self._dumped)


Apply = Callable[[Connection, Principal, WriteRequest], StoredResponse]


def _invalid(detail: str) -> ProblemError:
    return ProblemError(422, "invalid-request", "Invalid request", detail)


def _answer(status: int, entity: records.Entity) -> StoredResponse:
    return StoredResponse(status, entity.document(), entity.etag)


def apply_receipt(c: Connection, who: Principal, req: WriteRequest) -> StoredResponse:
    assert isinstance(req.body, ReceiptIn)
    body = req.body
    current = records.get_live(c, "return", req.entity_id, "return")
    records.refuse_if_restricted(current)
    records.check_version(current, req.if_match)
    data = deepcopy(current.data or {})
    lines = {line["tag_code"]: line for line in data.get("lines", [])}
    for got in body.lines:
        if got.tag_code not in lines:
            raise _invalid(f"Tag {got.tag_code} is not a line of return {req.entity_id}.")
        lines[got.tag_code]["cartons_received"] = got.cartons_received
    dumped = req.dump()
    for field in ("received_at", "received_by", "parcel_condition"):
        data[field] = dumped[field]
    for field in ("carrier", "tracking_number", "returned_goods_marked"):
        if dumped[field] is not None:
            data[field] = dumped[field]
    data["receipt_photos"] = sorted(set(data.get("receipt_photos", [])) | set(body.photos))
    columns = None
    if body.weight_grams is not None:  # a desk that weighed nothing keeps what was said
        data["receipt_weight_grams"] = body.weight_grams
        columns = {"receipt_weight_grams": body.weight_grams}
    if data.get("status") in _RECEIVABLE:
        complete = all(line["cartons_received"] >= line["cartons_expected"]
                       for line in lines.values())
        data["status"] = (ReturnStatus.RECEIVED if complete
                          else ReturnStatus.PARTIALLY_RECEIVED).value
    return _answer(200, records.write(c, "return", req.entity_id, data, expected=current,
                                      columns=columns, warehouse_id=who.warehouse_id))


_OVERRIDE_FIELDS = ("override_decision", "override_reason", "override_by", "override_at")


def apply_inspection(c: Connection, who: Principal, req: WriteRequest) -> StoredResponse:
    assert isinstance(req.body, InspectionIn)
    body = req.body
    ret = records.get_live(c, "return", body.rma_number, "return")
    records.refuse_if_restricted(ret)
    if body.tag_code not in {line["tag_code"] for line in (ret.data or {}).get("lines", [])}:
        raise _invalid(f"Tag {body.tag_code} is not a line of return {body.rma_number}.")
    current = records.get(c, "inspection", req.entity_id)
    data = req.dump()
    columns = {"rma_number": body.rma_number}
    if current is None:
        if req.if_match is not None:
            raise records.stale(None, req.if_match)
        data.update(dict.fromkeys(_OVERRIDE_FIELDS))
        return _answer(201, records.write(c, "inspection", req.entity_id, data,
                                          expected=None, columns=columns,
                                          warehouse_id=who.warehouse_id))
    if current.deleted:
        raise ProblemError(404, "not-found", "Inspection deleted",
                           f"Inspection {req.entity_id} was deleted on the server.")
    old = current.data or {}
    if old.get("rma_number") != body.rma_number or old.get("tag_code") != body.tag_code:
        raise _invalid("An inspection cannot move to another return line.")
    records.check_version(current, req.if_match)
    data.update({k: old.get(k) for k in _OVERRIDE_FIELDS})
    return _answer(200, records.write(c, "inspection", req.entity_id, data,
                                      expected=current, columns=columns,
                                      warehouse_id=who.warehouse_id))


def apply_override(c: Connection, who: Principal, req: WriteRequest) -> StoredResponse:
    assert isinstance(req.body, OverrideIn)
    require_supervisor(who, "override an eligibility decision")
    by = signed_in_as(who, req.body.by, "by")
    current = records.get_live(c, "inspection", req.entity_id, "inspection")
    data = dict(current.data or {})
    ret = records.get(c, "return", str(data.get("rma_number")))
    if ret is not None:
        records.refuse_if_restricted(ret)
    records.check_version(current, req.if_match)
    dumped = req.dump()
    data.update(override_decision=dumped["decision"], override_reason=dumped["reason"],
                override_by=by, override_at=dumped["at"])
    return _answer(200, records.write(c, "inspection", req.entity_id, data, expected=current,
                                      warehouse_id=who.warehouse_id))


def _same_id(req: WriteRequest, uuid: str) -> None:
    if req.entity_id != uuid:
        raise _invalid(f"entity_id {req.entity_id} is not the body's uuid {uuid}.")


def _existing(c: Connection, table: Table, uuid: str, data: dict[str, Any]) -> bool:
    """True if this append-only record is already there with the same content; 409 if
    it is there with other content."""
    row = c.execute(select(table.c.data).where(table.c.uuid == uuid)).first()
    if row is None:
        return False
    if row.data != data:
        raise ProblemError(409, "already-recorded", "Already recorded",
                           f"A different record with uuid {uuid} already exists.")
    return True


def apply_audit_event(c: Connection, who: Principal, req: WriteRequest) -> StoredResponse:
    assert isinstance(req.body, AuditEventIn)
    uuid = str(req.body.uuid)
    _same_id(req, uuid)
    signed_in_as(who, req.body.actor, "actor")
    data = req.dump()
    t = tables.audit_events
    if _existing(c, t, uuid, data):
        seq = c.execute(select(t.c.seq).where(t.c.uuid == uuid)).scalar_one()
        return StoredResponse(200, {"uuid": uuid, "seq": int(seq)})
    seq = next_seq(c)
    c.execute(insert(t).values(uuid=uuid, seq=seq, received_by=who.username,
                               warehouse_id=who.warehouse_id,
                               received_at=records.utc_now_text(), data=data))
    anchors.advance(c, req.body.details, who.username)
    return StoredResponse(201, {"uuid": uuid, "seq": seq})


def apply_refund_decision(c: Connection, who: Principal, req: WriteRequest) -> StoredResponse:
    assert isinstance(req.body, RefundDecisionIn)
    body = req.body
    require_supervisor(who, "decide a refund")
    signed_in_as(who, body.decided_by, "decided_by")
    uuid = str(body.uuid)
    _same_id(req, uuid)
    data = req.dump()
    t = tables.refund_decisions
    if _existing(c, t, uuid, data):
        ret = records.get_live(c, "return", body.rma_number, "return")
        return StoredResponse(200, {"decision": data, "return": ret.document()}, ret.etag)
    current = records.get_live(c, "return", body.rma_number, "return")
    records.refuse_if_restricted(current)
    records.check_version(current, req.if_match)
    ret_data = dict(current.data or {})
    ret_data["status"] = (ReturnStatus.REFUND_APPROVED if body.decision == "approved"
                          else ReturnStatus.REFUND_REJECTED).value
    ret_data["refund"] = {k: data[k] for k in ("uuid", "decision", "amount_cents",
                                               "deduction_cents", "currency", "decided_at")}
    entity = records.write(c, "return", body.rma_number, ret_data, expected=current,
                           warehouse_id=who.warehouse_id)
    c.execute(insert(t).values(uuid=uuid, rma_number=body.rma_number, seq=next_seq(c),
                               received_by=who.username, warehouse_id=who.warehouse_id,
                               received_at=records.utc_now_text(), data=data))
    return StoredResponse(201, {"decision": data, "return": entity.document()}, entity.etag)


def apply_unit(c: Connection, who: Principal, req: WriteRequest) -> StoredResponse:
    """A unit created (no If-Match) or replaced at the version its station saw."""
    assert isinstance(req.body, UnitIn)
    current = records.get(c, "unit", req.entity_id)
    data = req.dump()
    columns = {"rma_number": req.body.rma_number}
    if current is None:
        if req.if_match is not None:
            raise records.stale(None, req.if_match)
        return _answer(201, records.write(c, "unit", req.entity_id, data, expected=None,
                                          columns=columns, warehouse_id=who.warehouse_id))
    old = current.data or {}
    if (old.get("rma_number"), old.get("carton_index")) != (req.body.rma_number,
                                                            req.body.carton_index):
        raise _invalid("A unit cannot move to another return line or carton.")
    records.check_version(current, req.if_match)
    return _answer(200, records.write(c, "unit", req.entity_id, data, expected=current,
                                      columns=columns, warehouse_id=who.warehouse_id))


def apply_unit_move(c: Connection, who: Principal, req: WriteRequest) -> StoredResponse:
    """A move, kept once: the same move again is answered as before."""
    assert isinstance(req.body, UnitMoveIn)
    uuid = str(req.body.uuid)
    _same_id(req, uuid)
    data = req.dump()
    t = tables.unit_moves
    if _existing(c, t, uuid, data):
        seq = c.execute(select(t.c.seq).where(t.c.uuid == uuid)).scalar_one()
        return StoredResponse(200, {"uuid": uuid, "seq": int(seq)})
    seq = next_seq(c)
    c.execute(insert(t).values(uuid=uuid, unit_code=req.body.unit_code, seq=seq,
                               received_by=who.username, warehouse_id=who.warehouse_id,
                               received_at=records.utc_now_text(), data=data))
    return StoredResponse(201, {"uuid": uuid, "seq": seq})


def apply_mail_answer(c: Connection, who: Principal, req: WriteRequest) -> StoredResponse:
    """An email application answered at a desk (P2): the answer recorded once per
    application and, for instructions, the return it created (status instructions_sent).
    A second desk's answer to the same application is refused (409): one was sent."""
    assert isinstance(req.body, MailAnswerIn)
    body = req.body
    require_supervisor(who, "answer an email application")
    signed_in_as(who, body.answered_by, "answered_by")
    data = req.dump()
    created = body.created_return
    if created is not None and req.entity_id != created.rma_number:
        raise _invalid(f"entity_id {req.entity_id} is not the return's RMA.")
    t = tables.mail_answers
    held = c.execute(select(t.c.data).where(
        t.c.application_sha256 == body.application_sha256)).first()
    if held is not None:
        raise ProblemError(409, "already-answered", "Already answered",
                           "This email application has been answered already.")
    entity = None
    if created is not None:
        if records.get(c, "return", created.rma_number) is not None:
            raise ProblemError(409, "already-answered", "Already answered",
                               f"Return {created.rma_number} exists already.")
        records.get_live(c, "order", created.order_number, "order")
        dumped = data["created_return"]
        ret = {key: dumped[key] for key in (
            "order_number", "reason_code", "reason_category", "reason_text", "applied_at",
            "instructions_sent_at", "label_type")}
        ret.update(status=ReturnStatus.INSTRUCTIONS_SENT.value, channel="email",
                   restricted=False, restricted_reason=None,
                   lines=[{**line, "cartons_received": 0} for line in dumped["lines"]])
        entity = records.write(c, "return", created.rma_number, ret, expected=None,
                               columns={"order_number": created.order_number,
                                        "restricted": False}, warehouse_id=who.warehouse_id)
    c.execute(insert(t).values(
        application_sha256=body.application_sha256,
        rma_number=created.rma_number if created else None, seq=next_seq(c),
        received_by=who.username, warehouse_id=who.warehouse_id,
        received_at=records.utc_now_text(), data=data))
    if entity is not None:
        return _answer(201, entity)
    return StoredResponse(201, {"answer": data})


def _station_document(kind: str) -> Apply:
    """A station's own document keyed by the uuid it made (a work order, an RTV shipment, a
    lot): created (no If-Match) or replaced at the version its station saw."""

    def apply(c: Connection, who: Principal, req: WriteRequest) -> StoredResponse:
        assert isinstance(req.body, (WorkOrderIn, RtvShipmentIn, LotIn))
        _same_id(req, str(req.body.uuid))
        current = records.get(c, kind, req.entity_id)
        data = req.dump()
        if current is None:
            if req.if_match is not None:
                raise records.stale(None, req.if_match)
            return _answer(201, records.write(c, kind, req.entity_id, data, expected=None,
                                              warehouse_id=who.warehouse_id))
        records.check_version(current, req.if_match)
        return _answer(200, records.write(c, kind, req.entity_id, data, expected=current,
                                          warehouse_id=who.warehouse_id))

    return apply


APPLY: dict[str, tuple[type[BaseModel], Apply]] = {
    "receipt": (ReceiptIn, apply_receipt),
    "inspection": (InspectionIn, apply_inspection),
    "override": (OverrideIn, apply_override),
    "audit_event": (AuditEventIn, apply_audit_event),
    "refund_decision": (RefundDecisionIn, apply_refund_decision),
    "unit": (UnitIn, apply_unit),
    "unit_move": (UnitMoveIn, apply_unit_move),
    "work_order": (WorkOrderIn, _station_document("work_order")),
    "rtv_shipment": (RtvShipmentIn, _station_document("rtv_shipment")),
    "lot": (LotIn, _station_document("lot")),
    "mail_answer": (MailAnswerIn, apply_mail_answer),
}
