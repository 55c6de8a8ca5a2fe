"""Writing a change into the outbox, in the transaction of the change itself.

Each writing service adds one call here inside its unit of work, so the change and the
row that will tell the server about it are committed together or not at all, and the
row's Idempotency-Key is made once, at that moment: every resend of the row carries it,
so the server takes the change once however often it is sent (issue 6, part 4).

Collapsing edits. A new change of a record that has an unsent row of the same kind
(``receipt`` of one RMA, ``inspection`` of one uuid) replaces that row's body instead of
queueing a second request, so a carton counted five times before the network comes back
is one receipt on the wire. Only a row that never left the desk (``attempts == 0``) is
rewritten: a row that was sent and whose answer was lost may have been taken by the
server, and changing it would either reuse its key for another request (refused, 422) or
throw away a write the server already has. A new row is queued behind it instead, based
on the same server version; when the first row's answer comes, the worker rebases the
rows behind it onto the version the server returned. The key survives a rewrite only if
the body and If-Match are unchanged (then it is the same request); a changed body gets a
new key, because a key names one request.

Drafts of an inspection are not sent: the contract would take one (``finished_at``
null), but a draft is saved as the inspector types, the server has no use for half an
inspection, and sending them would turn every keystroke into traffic. The finished
inspection is sent, then a supervisor's override. A short close has no write in the
contract; it is sent as an audit event, so the central system learns who accepted the
missing cartons and why. Unexpected parcels have no write in the contract and stay local.

Units (issue 17) go as ``unit`` changes keyed by their LPN, collapsed like any record: a
unit graded, routed and put away before the network comes back is one write of its last
state. Each move is a ``unit_move`` of its own, append-only, keyed by the move's uuid.
Weight checks stay on the desk, as its audit events say them. A work order, an RTV
shipment (with its units) and a lot (with its units) go as ``work_order``,
``rtv_shipment`` and ``lot`` changes keyed by the uuid the desk made, each change the
record's whole state, collapsed like any record's.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from livenon_desk.domain.enums import OutboxState
from livenon_desk.models import (
    Inspection,
    Lot,
    LotUnit,
    Order,
    OutboxRow,
    Photo,
    ReturnLine,
    ReturnRequest,
    RtvLine,
    RtvShipment,
    Unit,
    UnitMove,
    WorkOrder,
)


def new_key() -> str:
    return str(uuid.uuid4())


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def enqueue(s: Session, kind: str, key: str, body: dict[str, Any], if_match: int | None,
            now: datetime, idempotency_key: str | None = None) -> OutboxRow:
    """Queue ``body`` for the server as a ``kind`` change of record ``key``, collapsing it
    into the record's unsent, never-sent row of the same kind if there is one. A change
    whose key its record already names (an email application's answer) gives it as
    ``idempotency_key``; the rest get a new one."""
    row = s.scalar(
        select(OutboxRow)
        .where(OutboxRow.entity_key == key, OutboxRow.kind == kind,
               OutboxRow.state == OutboxState.PENDING, OutboxRow.attempts == 0)
        .order_by(OutboxRow.id.desc()).limit(1))
    if row is not None:
        if row.body != body or row.if_match != if_match:
            row.body = body
            row.if_match = if_match
            row.idempotency_key = new_key()
            row.updated_at = now
        return row
    row = OutboxRow(kind=kind, entity_key=key, idempotency_key=idempotency_key or new_key(),
                    if_match=if_match,
                    body=body, created_at=now, updated_at=now, attempts=0,
                    state=OutboxState.PENDING)
    s.add(row)
    return row


def queue_photo(s: Session, photo: Photo, now: datetime) -> None:
    """Upload a stored photo (once per content: skipped if queued or sent already)."""
    queued = s.scalar(select(OutboxRow.id).where(
        OutboxRow.entity_key == photo.sha256, OutboxRow.kind == "photo",
        OutboxRow.state.in_((OutboxState.PENDING, OutboxState.SENT))).limit(1))
    if queued is None:
        enqueue(s, "photo", photo.sha256,
                {"file_name": photo.file_name, "media_type": photo.media_type}, None, now)


def queue_receipt(s: Session, ret: ReturnRequest, now: datetime) -> None:
    """The return's receipt as it stands (arrival, cartons counted so far, photos)."""
    s.flush()
    lines = s.scalars(select(ReturnLine).where(ReturnLine.return_id == ret.id)
                      .order_by(ReturnLine.id))
    photos = list(s.scalars(select(Photo).where(Photo.return_id == ret.id,
                                                Photo.inspection_id.is_(None))
                            .order_by(Photo.id)))
    for photo in photos:
        queue_photo(s, photo, now)
    body: dict[str, Any] = {
        "received_at": _iso(ret.received_at),
        "received_by": ret.received_by or "unknown",
        "carrier": ret.carrier,
        "tracking_number": ret.tracking_number,
        "parcel_condition": ret.parcel_condition.value if ret.parcel_condition else None,
        "returned_goods_marked": ret.returned_goods_marked,
        "lines": [{"tag_code": ln.tag_code, "cartons_received": ln.cartons_received}
                  for ln in lines],
        "photos": sorted({p.sha256 for p in photos}),
    }
    if ret.receipt_weight_grams is not None:
        # Left out when not weighed: a server of an earlier release takes such a receipt.
        body["weight_grams"] = ret.receipt_weight_grams
    enqueue(s, "receipt", ret.rma_number, body, ret.server_version, now)


def inspection_body(s: Session, inspection: Inspection) -> dict[str, Any]:
    line = s.get_one(ReturnLine, inspection.return_line_id)
    ret = s.get_one(ReturnRequest, line.return_id)
    photos = s.scalars(select(Photo.sha256).where(Photo.inspection_id == inspection.id)
                       .order_by(Photo.id))
    return {
        "rma_number": ret.rma_number,
        "tag_code": line.tag_code,
        "inspector": inspection.inspector,
        "started_at": _iso(inspection.started_at),
        "finished_at": _iso(inspection.finished_at),
        "checklist": dict(inspection.checklist or {}),
        "notes": inspection.notes,
        "decision": inspection.decision.value if inspection.decision else None,
        "rule_results": list(inspection.rule_results or []),
        "policy_version": inspection.policy_version,
        "disposition": inspection.disposition.value if inspection.disposition else None,
        "photos": sorted(set(photos)),
    }


def queue_inspection(s: Session, inspection: Inspection, now: datetime) -> None:
    """The finished inspection, rule by rule, with its photos' hashes."""
    s.flush()
    enqueue(s, "inspection", inspection.uuid, inspection_body(s, inspection),
            inspection.server_version, now)


def queue_override(s: Session, inspection: Inspection, now: datetime) -> None:
    """A supervisor's exception beside the rule decision."""
    body = {
        "decision": inspection.override_decision.value if inspection.override_decision
        else None,
        "reason": inspection.override_reason,
        "by": inspection.override_by,
        "at": _iso(inspection.override_at),
    }
    enqueue(s, "override", inspection.uuid, body, inspection.server_version, now)


def queue_attached_photo(s: Session, photo: Photo, now: datetime) -> None:
    s.flush()
    queue_photo(s, photo, now)


def queue_mail_answer(s: Session, entity_key: str, idempotency_key: str,
                      body: dict[str, Any], now: datetime) -> None:
    """An email application's answer, once it is sent (P2), with the return it created;
    keyed by the application's own key, so that the server takes one answer per
    application whichever desk sends it."""
    enqueue(s, "mail_answer", entity_key, body, None, now, idempotency_key=idempotency_key)


def queue_audit_event(s: Session, actor: str, action: str, entity_kind: str, entity_id: str,
                      details: dict[str, Any], now: datetime) -> None:
    """An event for the central audit trail (append-only: every one is its own row)."""
    event_id = new_key()
    body = {"uuid": event_id, "occurred_at": _iso(now), "actor": actor, "action": action,
            "entity_kind": entity_kind, "entity_id": entity_id, "details": details}
    enqueue(s, "audit_event", event_id, body, None, now)


def queue_unit(s: Session, unit: Unit, now: datetime) -> None:
    """The unit as it stands: its grade and why, its route, its bin."""
    line = s.get_one(ReturnLine, unit.return_line_id)
    rma = s.get_one(ReturnRequest, line.return_id).rma_number
    body = {
        "rma_number": rma,
        "tag_code": line.tag_code,
        "carton_index": unit.carton_index,
        "state": unit.state.value,
        "received_at": _iso(unit.received_at),
        "policy_version": unit.policy_version,
        "proposed_grade": unit.proposed_grade,
        "grade": unit.grade,
        "grade_rules": list(unit.grade_rules or []),
        "grade_reason": unit.grade_reason,
        "graded_by": unit.graded_by,
        "graded_at": _iso(unit.graded_at),
        "disposition": unit.disposition.value if unit.disposition else None,
        "zone": unit.zone,
        "route_rule": unit.route_rule,
        "override_reason": unit.override_reason,
        "override_by": unit.override_by,
        "override_at": _iso(unit.override_at),
        "bin_code": unit.bin_code,
    }
    enqueue(s, "unit", unit.code, body, unit.server_version, now)


def queue_unit_move(s: Session, move: UnitMove, unit: Unit, now: datetime) -> None:
    """A put-away or move, sent once (append-only)."""
    body = {"uuid": move.uuid, "unit_code": unit.code, "from_bin": move.from_bin,
            "to_bin": move.to_bin, "moved_by": move.moved_by, "moved_at": _iso(move.moved_at)}
    enqueue(s, "unit_move", move.uuid, body, None, now)


def _unit_code(s: Session, unit_id: int) -> str:
    return s.get_one(Unit, unit_id).code


def queue_work_order(s: Session, order: WorkOrder, now: datetime) -> None:
    """A refurbishment work order as it stands, keyed by its uuid (issue 17)."""
    body = {"uuid": order.uuid, "unit_code": _unit_code(s, order.unit_id),
            "state": order.state.value, "fault": order.fault, "parts": list(order.parts or []),
            "minutes": order.minutes, "opened_by": order.opened_by,
            "opened_at": _iso(order.opened_at),
            "outcome": order.outcome.value if order.outcome else None, "grade": order.grade,
            "note": order.note, "closed_by": order.closed_by, "closed_at": _iso(order.closed_at)}
    enqueue(s, "work_order", order.uuid, body, order.server_version, now)


def queue_rtv_shipment(s: Session, shipment: RtvShipment, now: datetime) -> None:
    """An RTV shipment with its units as it stands, keyed by its uuid (issue 17)."""
    lines = s.scalars(select(RtvLine).where(RtvLine.shipment_id == shipment.id)
                      .order_by(RtvLine.id))
    body = {"uuid": shipment.uuid, "code": shipment.code, "supplier_id": shipment.supplier_id,
            "state": shipment.state.value, "opened_by": shipment.opened_by,
            "opened_at": _iso(shipment.opened_at), "shipped_by": shipment.shipped_by,
            "shipped_at": _iso(shipment.shipped_at),
            "lines": [{"unit_code": _unit_code(s, line.unit_id), "defect": line.defect,
                       "claim_cents": line.claim_cents, "currency": line.currency,
                       "added_by": line.added_by, "added_at": _iso(line.added_at)}
                      for line in lines]}
    enqueue(s, "rtv_shipment", shipment.uuid, body, shipment.server_version, now)


def queue_lot(s: Session, lot: Lot, now: datetime) -> None:
    """A liquidation lot with its units as it stands, keyed by its uuid (issue 17)."""
    members = s.scalars(select(LotUnit).where(LotUnit.lot_id == lot.id).order_by(LotUnit.id))
    units = []
    for member in members:
        unit = s.get_one(Unit, member.unit_id)
        line = s.get_one(ReturnLine, unit.return_line_id)
        currency = s.get_one(Order, s.get_one(ReturnRequest, line.return_id).order_id).currency
        units.append({"unit_code": unit.code, "recovery_cents": member.recovery_cents,
                      "currency": currency, "added_by": member.added_by,
                      "added_at": _iso(member.added_at)})
    body = {"uuid": lot.uuid, "code": lot.code, "state": lot.state.value,
            "weight_g": lot.weight_g, "opened_by": lot.opened_by,
            "opened_at": _iso(lot.opened_at), "closed_by": lot.closed_by,
            "closed_at": _iso(lot.closed_at), "units": units}
    enqueue(s, "lot", lot.uuid, body, lot.server_version, now)
