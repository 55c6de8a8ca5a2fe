"""The server's entities written into the desk's tables, many at a time.

The pull hands a page of customers, orders (with their lines and addresses), returns
(with their lines) and inspections; they are applied in that order, each kind with one
``INSERT ... ON CONFLICT DO UPDATE`` executed for all its rows (ids of new rows are given
here, so children can point at them without a round trip per row). An entity whose parent
is not on the desk yet (an inspection whose return was changed later, so comes in a later
page) is handed back to be parked and tried again after the next page.

Rules that keep the desk's own work: a record with a change still waiting in the outbox
is not overwritten (the push will meet the server's version and, if they differ, ask the
user); only a ``restricted`` flag gets through at once, because a restricted return must
become read-only whatever waits. A return the desk has moved into inspection keeps that
status when the server says merely "received" (the server does not follow inspections'
effect on the return). Tombstones delete the record, or anonymize a customer whose orders
are still on the desk.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ValidationError
from sqlalchemy import (
    Connection,
    Table,
    and_,
    case,
    delete,
    func,
    literal_column,
    or_,
    select,
    update,
)
from sqlalchemy.dialects.sqlite import insert

from livenon_desk.catalogue import Message
from livenon_desk.domain.policy import default_policies
from livenon_desk.models import (
    Address,
    Customer,
    Inspection,
    Order,
    OrderLine,
    OutboxRow,
    RefusedChange,
    ReturnLine,
    ReturnRequest,
)
from livenon_desk.models.base import table_of
from livenon_desk.models.sync import UNSENT
from livenon_desk.store.search_index import index_returns
from livenon_desk.store.text_terms import digits_only
from livenon_desk.sync.results import RemoteEntity
from livenon_desk.wire.entity_data import (
    AddressData,
    CustomerData,
    InspectionData,
    OrderData,
    Restriction,
    ReturnData,
    ReturnLineData,
    problems,
)

log = logging.getLogger(__name__)

KIND_ORDER = {"customer": 0, "order": 1, "return": 2, "inspection": 3}
_CHUNK = 500
_NOT_AGAIN_RECEIVED = ("inspecting", "inspected")
_Data = TypeVar("_Data", bound=BaseModel)
# Kept from the desk when the server's document does not carry them.
_DESK_RETURN_FIELDS = ("invoice_enclosed", "return_form_enclosed", "received_by",
                       "receipt_notes", "receipt_weight_grams", "short_closed_reason",
                       "short_closed_by", "short_closed_at")
_RETURN_MOMENTS = ("applied_at", "instructions_sent_at", "received_at", "closed_at",
                   "short_closed_at")


class RefusedRecordError(ValueError):
    """A pulled record the desk does not take as it is, and why (a message id and its
    fields; the refusal is stored in both languages)."""

    def __init__(self, message_id: str, /, **values: object) -> None:
        self.reason = Message.of(message_id, **values)
        super().__init__(self.reason.text())


def read_data(e: RemoteEntity, model: type[_Data]) -> _Data:
    """The entity's data as the contract types it; data that is not is a
    ``RefusedRecordError`` naming the fields that fail (never their values)."""
    try:
        return model.model_validate(e.data or {})
    except ValidationError as error:
        raise RefusedRecordError("refused.not-as-the-contract", kind=e.kind,
                                 detail=problems(error)) from None


def parse_moment(name: str, value: Any, zone: ZoneInfo) -> datetime | None:
    """A time from the central API (ISO 8601). A date alone is that calendar day in the
    warehouse's zone and a time without an offset is the warehouse's local time (E2 counts
    warehouse days: midnight UTC is the previous day in Los Angeles). Absent or empty is
    None; anything else is a ``RefusedRecordError`` naming the field and the value."""
    if value is None or value == "":
        return None
    moment = None
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            moment = datetime.fromisoformat(value.strip())
    if moment is None:
        shown = str(value)[:40]
        raise RefusedRecordError("refused.not-a-moment", name=name, shown=shown) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


def _required(name: str, moment: datetime | None, what: str) -> datetime:
    """``moment``, or a refusal naming the field (``what`` is its name's message id)."""
    if moment is None:
        raise RefusedRecordError("refused.missing", name=name, what=Message.of(what))
    return moment


def _chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start:start + _CHUNK]


def _ids(c: Connection, column: Any, id_column: Any, keys: Iterable[Any]) -> dict[Any, int]:
    found: dict[Any, int] = {}
    unique = list(dict.fromkeys(keys))
    for chunk in _chunks(unique):
        for key, row_id in c.execute(select(column, id_column).where(column.in_(chunk))):
            found[key] = int(row_id)
    return found


class _Ids:
    """Ids for new rows, handed out before inserting (one writer: the write lock is held)."""

    def __init__(self, c: Connection, table: Table) -> None:
        self._next = int(c.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one())

    def take(self) -> int:
        self._next += 1
        return self._next


def _upsert(c: Connection, table: Table, rows: list[dict[str, Any]], key: str,
            overrides: dict[str, Any] | None = None) -> None:
    if not rows:
        return
    stmt = insert(table)
    columns = [name for name in rows[0] if name not in ("id", key)]
    values = {name: stmt.excluded[name] for name in columns}
    values.update(overrides or {})
    c.execute(stmt.on_conflict_do_update(index_elements=[key], set_=values), rows)


def unsent_keys(c: Connection, keys: Iterable[str]) -> set[str]:
    """The records among ``keys`` that have a change waiting in the outbox."""
    found: set[str] = set()
    unique = list(dict.fromkeys(keys))
    for chunk in _chunks(unique):
        found.update(c.execute(select(OutboxRow.entity_key).where(
            OutboxRow.entity_key.in_(chunk), OutboxRow.state.in_(UNSENT))).scalars())
    return found


class Applier:
    """Applies entities on one connection inside the caller's transaction."""

    def __init__(self, c: Connection, now: datetime, *, keep_unsent: bool = True,
                 zone: ZoneInfo | None = None) -> None:
        self.c = c
        self.now = now
        self.keep_unsent = keep_unsent
        # The warehouse's zone, for dates and zone-less times (E2 counts its days).
        self.zone = zone or default_policies().latest.time_zone
        self.reindex: set[int] = set()
        self.applied = 0
        self.restricted: list[str] = []
        self.refused: list[tuple[str, str]] = []  # (kind, key) refused in this apply
        self._taken: list[tuple[str, str]] = []  # (kind, key) applied whole

    def _when(self, name: str, value: str | None) -> datetime | None:
        return parse_moment(name, value, self.zone)

    def _read(self, entities: list[RemoteEntity], model: type[_Data]
              ) -> list[tuple[RemoteEntity, _Data]]:
        """The live entities with their data read; one that fails is refused alone."""
        read: list[tuple[RemoteEntity, _Data]] = []
        for e in entities:
            try:
                read.append((e, read_data(e, model)))
            except RefusedRecordError as error:
                self._refuse(e, error)
        return read

    def _refuse(self, e: RemoteEntity, error: RefusedRecordError) -> None:
        """Keep the record out, and say why in the sync view (that record only)."""
        log.warning("pulled %s %s refused: %s", e.kind, e.id, error)
        t = table_of(RefusedChange)
        stmt = insert(t).values(
            kind=e.kind, entity_key=e.id, seq=e.seq, reason_en=error.reason.text("en"),
            reason_zh=error.reason.text("zh"), refused_at=self.now,
            document=e.to_json())
        self.c.execute(stmt.on_conflict_do_update(
            index_elements=["kind", "entity_key"],
            set_={name: stmt.excluded[name] for name in
                  ("seq", "reason_en", "reason_zh", "document", "refused_at")}))
        self.refused.append((e.kind, e.id))

    def _forget_refusals(self) -> None:
        """A record taken whole is no longer refused."""
        refused = set(self.refused)
        by_kind: dict[str, list[str]] = {}
        for kind, key in self._taken:
            if (kind, key) not in refused:
                by_kind.setdefault(kind, []).append(key)
        self._taken.clear()
        for kind, keys in by_kind.items():
            for chunk in _chunks(keys):
                self.c.execute(delete(RefusedChange).where(
                    RefusedChange.kind == kind, RefusedChange.entity_key.in_(chunk)))

    def apply(self, entities: Sequence[RemoteEntity]) -> list[RemoteEntity]:
        """Apply ``entities`` (newest version of each wins); those whose parent is not
        on the desk are returned, to be tried again later."""
        newest: dict[tuple[str, str], RemoteEntity] = {}
        for entity in entities:
            seen = newest.get((entity.kind, entity.id))
            if seen is None or entity.seq > seen.seq:
                newest[(entity.kind, entity.id)] = entity
        by_kind: dict[str, list[RemoteEntity]] = {k: [] for k in KIND_ORDER}
        for entity in sorted(newest.values(), key=lambda e: e.seq):
            if entity.kind in by_kind:
                by_kind[entity.kind].append(entity)
        waiting: list[RemoteEntity] = []
        waiting += self._customers(by_kind["customer"])
        waiting += self._orders(by_kind["order"])
        waiting += self._returns(by_kind["return"])
        waiting += self._inspections(by_kind["inspection"])
        self._forget_refusals()
        if self.reindex:
            live = _ids(self.c, ReturnRequest.id, ReturnRequest.id, self.reindex)
            index_returns(self.c, sorted(live))
            self.reindex.clear()
        return waiting

    # -- customers -----------------------------------------------------------------------

    def _customers(self, entities: list[RemoteEntity]) -> list[RemoteEntity]:
        live = self._read([e for e in entities if not e.deleted and e.data], CustomerData)
        gone = [e.id for e in entities if e.deleted]
        rows = []
        for e, d in live:
            rows.append({
                "customer_number": e.id, "name": d.name, "email": d.email,
                "phone": d.phone, "phone_digits": digits_only(d.phone or "") or None,
                "language": d.language, "anonymized": d.anonymized, "version": e.version,
                "updated_at": self.now})
            self._taken.append(("customer", e.id))
        _upsert(self.c, table_of(Customer), rows, "customer_number")
        self.applied += len(rows)
        changed = _ids(self.c, Customer.customer_number, Customer.id,
                       [e.id for e, _ in live])
        if changed:
            self._reindex_customers(list(changed.values()))
        self._delete_customers(gone)
        return []

    def _reindex_customers(self, customer_ids: list[int]) -> None:
        for chunk in _chunks(customer_ids):
            self.reindex.update(self.c.execute(
                select(ReturnRequest.id).join(Order, Order.id == ReturnRequest.order_id)
                .where(Order.customer_id.in_(chunk))).scalars())

    def _delete_customers(self, numbers: list[str]) -> None:
        ids = _ids(self.c, Customer.customer_number, Customer.id, numbers)
        for customer_id in ids.values():
            has_orders = self.c.execute(select(Order.id).where(
                Order.customer_id == customer_id).limit(1)).first()
            if has_orders:
                # Orders and returns still point at the customer: keep the row, drop
                # the person.
                self.c.execute(update(Customer).where(Customer.id == customer_id).values(
                    name="(deleted)", email=None, phone=None, phone_digits=None,
                    anonymized=True, updated_at=self.now))
                self._reindex_customers([customer_id])
            else:
                self.c.execute(delete(Customer).where(Customer.id == customer_id))
            self.applied += 1

    # -- orders --------------------------------------------------------------------------

    def _orders(self, entities: list[RemoteEntity]) -> list[RemoteEntity]:
        live = self._read([e for e in entities if not e.deleted and e.data], OrderData)
        customers = _ids(self.c, Customer.customer_number, Customer.id,
                         [d.customer_number for _, d in live])
        existing: dict[str, tuple[int, int | None, int | None]] = {}
        for chunk in _chunks([e.id for e, _ in live]):
            for row in self.c.execute(select(Order.order_number, Order.id,
                                             Order.billing_address_id,
                                             Order.shipping_address_id)
                                      .where(Order.order_number.in_(chunk))):
                existing[row[0]] = (int(row[1]), row[2], row[3])
        order_ids = _Ids(self.c, table_of(Order))
        address_ids = _Ids(self.c, table_of(Address))
        line_ids = _Ids(self.c, table_of(OrderLine))
        waiting: list[RemoteEntity] = []
        orders: list[dict[str, Any]] = []
        addresses: list[dict[str, Any]] = []
        lines: list[dict[str, Any]] = []
        known_lines = self._order_lines([ids[0] for ids in existing.values()])
        for e, d in live:
            customer_id = customers.get(d.customer_number)
            if customer_id is None:
                waiting.append(e)
                continue
            try:
                placed_at = self._when("placed_at", d.placed_at)
                delivered_at = self._when("delivered_at", d.delivered_at)
            except RefusedRecordError as error:
                self._refuse(e, error)
                continue
            order_id, billing_id, shipping_id = existing.get(e.id) or (order_ids.take(),
                                                                        None, None)
            billing = self._address(d.billing_address, billing_id, address_ids, addresses)
            shipping = self._address(d.shipping_address, shipping_id, address_ids,
                                     addresses)
            orders.append({
                "id": order_id, "order_number": e.id, "customer_id": customer_id,
                "placed_at": placed_at or self.now,
                "delivered_at": delivered_at,
                "currency": d.currency,
                "payment_method": d.payment_method,
                "payment_brand": d.payment_brand,
                "payment_last4": d.payment_last4,
                "billing_address_id": billing, "shipping_address_id": shipping,
                "cross_border": d.cross_border,
                "subtotal_cents": d.subtotal,
                "tax_cents": d.tax_cents,
                "shipping_cents": d.shipping_cents,
                "total_cents": d.total_cents,
                "version": e.version, "updated_at": self.now})
            self._taken.append(("order", e.id))
            for line in d.lines:
                lines.append({
                    "id": known_lines.get((order_id, line.line_no)) or line_ids.take(),
                    "order_id": order_id, "line_no": line.line_no, "sku": line.sku,
                    "product_name_en": line.product_name_en,
                    "product_name_zh": line.product_name_zh,
                    "quantity": line.quantity,
                    "unit_price_cents": line.unit_price_cents,
                    "cartons": line.cartons,
                    "customized": line.customized,
                    "customization": line.customization,
                    "clearance": line.clearance})
        _upsert(self.c, table_of(Address), addresses, "id")
        _upsert(self.c, table_of(Order), orders, "order_number")
        _upsert(self.c, table_of(OrderLine), lines, "id")
        self.applied += len(orders)
        if existing:
            for chunk in _chunks([ids[0] for ids in existing.values()]):
                self.reindex.update(self.c.execute(select(ReturnRequest.id).where(
                    ReturnRequest.order_id.in_(chunk))).scalars())
        self._delete_orders([e.id for e in entities if e.deleted])
        return waiting

    def _order_lines(self, order_ids: list[int]) -> dict[tuple[int, int], int]:
        found: dict[tuple[int, int], int] = {}
        for chunk in _chunks(order_ids):
            for order_id, line_no, line_id in self.c.execute(
                    select(OrderLine.order_id, OrderLine.line_no, OrderLine.id)
                    .where(OrderLine.order_id.in_(chunk))):
                found[(int(order_id), int(line_no))] = int(line_id)
        return found

    @staticmethod
    def _address(doc: AddressData | None, address_id: int | None, ids: _Ids,
                 rows: list[dict[str, Any]]) -> int | None:
        if doc is None:
            return address_id
        row_id = address_id or ids.take()
        rows.append({"id": row_id, "customer_id": None, **doc.model_dump()})
        return row_id

    def _delete_orders(self, numbers: list[str]) -> None:
        for order_number, order_id in _ids(self.c, Order.order_number, Order.id,
                                           numbers).items():
            if self.c.execute(select(ReturnRequest.id).where(
                    ReturnRequest.order_id == order_id).limit(1)).first():
                continue  # its returns still need it; they are deleted by their own tombstones
            self.c.execute(delete(OrderLine).where(OrderLine.order_id == order_id))
            self.c.execute(delete(Order).where(Order.order_number == order_number))
            self.applied += 1

    # -- returns -------------------------------------------------------------------------

    def _returns(self, entities: list[RemoteEntity]) -> list[RemoteEntity]:
        live = [e for e in entities if not e.deleted and e.data]
        held = unsent_keys(self.c, [e.id for e in live]) if self.keep_unsent else set()
        for e in live:
            if e.restricted:
                self.restricted.append(e.id)
        for e in (e for e in live if e.id in held):
            # The desk's change waits to be sent; only the restriction gets through now.
            try:
                restriction = read_data(e, Restriction)
            except RefusedRecordError as error:
                self._refuse(e, error)
                continue
            self.c.execute(update(ReturnRequest).where(ReturnRequest.rma_number == e.id)
                           .values(restricted=restriction.restricted,
                                   restricted_reason=restriction.restricted_reason))
        read = self._read([e for e in live if e.id not in held], ReturnData)
        orders = _ids(self.c, Order.order_number, Order.id,
                      [d.order_number for _, d in read])
        existing = _ids(self.c, ReturnRequest.rma_number, ReturnRequest.id,
                        [e.id for e, _ in read])
        return_ids = _Ids(self.c, table_of(ReturnRequest))
        rows: list[dict[str, Any]] = []
        pending_lines: list[tuple[int, int, ReturnLineData]] = []
        waiting: list[RemoteEntity] = []
        for e, d in read:
            order_id = orders.get(d.order_number)
            if order_id is None:
                waiting.append(e)
                continue
            try:
                moments = {name: self._when(name, getattr(d, name))
                           for name in _RETURN_MOMENTS}
                moments["applied_at"] = _required("applied_at", moments["applied_at"],
                                                  "field.application-date")
            except RefusedRecordError as error:
                self._refuse(e, error)
                continue
            return_id = existing.get(e.id) or return_ids.take()
            row = {
                "id": return_id, "rma_number": e.id, "order_id": order_id,
                "status": d.status, "reason_code": d.reason_code,
                "reason_category": d.reason_category,
                "reason_text": d.reason_text, "channel": d.channel,
                "applied_at": moments["applied_at"],
                "instructions_sent_at": moments["instructions_sent_at"],
                "label_type": d.label_type,
                "label_cost_cents": d.label_cost_cents,
                "carrier": d.carrier, "tracking_number": d.tracking_number,
                "returned_goods_marked": d.returned_goods_marked,
                "received_at": moments["received_at"],
                "parcel_condition": d.parcel_condition,
                "closed_at": moments["closed_at"],
                "restricted": d.restricted,
                "restricted_reason": d.restricted_reason,
                "version": e.version, "server_version": e.version, "updated_at": self.now}
            for name in _DESK_RETURN_FIELDS:
                row[name] = moments[name] if name.endswith("_at") else getattr(d, name)
            rows.append(row)
            self._taken.append(("return", e.id))
            self.reindex.add(return_id)
            for line in d.lines:
                pending_lines.append((return_id, order_id, line))
        t = table_of(ReturnRequest)
        stmt = insert(t)
        keep: dict[str, Any] = {name: func.coalesce(stmt.excluded[name], t.c[name])
                for name in _DESK_RETURN_FIELDS}
        # The server does not follow inspections: "received" does not undo the desk's
        # "inspecting" or "inspected".
        keep["status"] = case(
            # Literals, not bound lists: the statement runs with many rows at once.
            (and_(stmt.excluded.status == literal_column("'received'"),
                  or_(*(t.c.status == literal_column(f"'{s}'")
                        for s in _NOT_AGAIN_RECEIVED))), t.c.status),
            else_=stmt.excluded.status)
        _upsert(self.c, t, rows, "rma_number", keep)
        self.applied += len(rows)
        self._return_lines(pending_lines)
        self._delete_returns([e.id for e in entities if e.deleted])
        return waiting

    def _return_lines(self, pending: list[tuple[int, int, ReturnLineData]]) -> None:
        if not pending:
            return
        order_lines = self._order_lines(list({order_id for _, order_id, _ in pending}))
        rows = []
        for return_id, order_id, line in pending:
            order_line_id = order_lines.get((order_id, line.order_line_no))
            if order_line_id is None:
                continue
            rows.append({
                "return_id": return_id, "order_line_id": order_line_id,
                "quantity": line.quantity, "tag_code": line.tag_code,
                "cartons_expected": line.cartons_expected,
                "cartons_received": line.cartons_received})
        _upsert(self.c, table_of(ReturnLine), rows, "tag_code")

    def _delete_returns(self, rmas: list[str]) -> None:
        ids = _ids(self.c, ReturnRequest.rma_number, ReturnRequest.id, rmas)
        for return_id in ids.values():
            self.c.exec_driver_sql("DELETE FROM return_search WHERE rowid = ?", (return_id,))
            self.c.execute(delete(ReturnRequest).where(ReturnRequest.id == return_id))
            self.reindex.discard(return_id)
            self.applied += 1

    # -- inspections ---------------------------------------------------------------------

    def _inspections(self, entities: list[RemoteEntity]) -> list[RemoteEntity]:
        live = [e for e in entities if not e.deleted and e.data]
        held = unsent_keys(self.c, [e.id for e in live]) if self.keep_unsent else set()
        read = self._read([e for e in live if e.id not in held], InspectionData)
        lines = _ids(self.c, ReturnLine.tag_code, ReturnLine.id,
                     [d.tag_code for _, d in read])
        ids = _Ids(self.c, table_of(Inspection))
        existing = _ids(self.c, Inspection.uuid, Inspection.id, [e.id for e, _ in read])
        rows = []
        waiting: list[RemoteEntity] = []
        for e, d in read:
            line_id = lines.get(d.tag_code)
            if line_id is None:
                waiting.append(e)
                continue
            try:
                moments = {name: self._when(name, getattr(d, name))
                           for name in ("started_at", "finished_at", "override_at")}
            except RefusedRecordError as error:
                self._refuse(e, error)
                continue
            self._taken.append(("inspection", e.id))
            rows.append({
                "id": existing.get(e.id) or ids.take(), "uuid": e.id,
                "return_line_id": line_id, "inspector": d.inspector,
                "started_at": moments["started_at"] or self.now,
                "finished_at": moments["finished_at"],
                "checklist": d.checklist, "notes": d.notes,
                "decision": d.decision, "rule_results": d.rule_results,
                "policy_version": d.policy_version,
                "disposition": d.disposition,
                "override_decision": d.override_decision,
                "override_reason": d.override_reason,
                "override_by": d.override_by,
                "override_at": moments["override_at"],
                "version": e.version, "server_version": e.version, "updated_at": self.now})
        _upsert(self.c, table_of(Inspection), rows, "uuid")
        self.applied += len(rows)
        gone = [e.id for e in entities if e.deleted]
        for chunk in _chunks(gone):
            self.applied += self.c.execute(
                delete(Inspection).where(Inspection.uuid.in_(chunk))).rowcount
        return waiting

