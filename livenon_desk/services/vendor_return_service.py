"""Return to vendor: defective units grouped by supplier into RTV shipments.

A unit routed to return to vendor (R6: a supplier's defect) is scanned with its defect and
the amount claimed (its price unless said otherwise); it joins its supplier's open
shipment (the supplier of its SKU, ``resources/suppliers.toml``), or opens one. A shipment
ships once, with its document in the supplier's language (issue 17).
"""

from __future__ import annotations

import logging
import uuid
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from livenon_desk.documents.data import Lang
from livenon_desk.documents.vendor_return import (
    RtvDocumentInfo,
    RtvUnitLine,
    vendor_return_pdf,
)
from livenon_desk.domain.enums import Disposition, RtvState
from livenon_desk.domain.money import from_minor_units, to_minor_units
from livenon_desk.domain.roles import Action, Actor
from livenon_desk.domain.suppliers import Supplier, Suppliers, default_suppliers
from livenon_desk.domain.values import PhotoRef
from livenon_desk.errors import NotFoundError, ValidationError
from livenon_desk.models import Inspection, Photo, RtvLine, RtvShipment, Unit
from livenon_desk.services import outbox
from livenon_desk.services.audit import AuditAction, record_event
from livenon_desk.services.clock import Clock, utc_now
from livenon_desk.services.document_kinds import FloorDocument
from livenon_desk.services.document_service import company_details
from livenon_desk.services.guards import require_text
from livenon_desk.services.unit_containers import ContainerKind, unit_row, unit_rows_by_id
from livenon_desk.services.unit_dto import UnitRow
from livenon_desk.services.unit_service import _rows
from livenon_desk.services.value_rows import photo_of
from livenon_desk.services.vendor_return_dto import (
    DEFECT_MIN,
    RTV_PREFIX,
    RtvLineRow,
    RtvShipmentRow,
)
from livenon_desk.store.database import Store
from livenon_desk.store.photo_files import PhotoFiles

log = logging.getLogger(__name__)

SHIPMENTS = ContainerKind(
    model=RtvShipment, prefix=RTV_PREFIX, member_container=RtvLine.shipment_id,
    member_unit=RtvLine.unit_id, disposition=Disposition.RETURN_TO_VENDOR,
    no_such_code="error.no-rtv-with-code", unit_not_for="error.unit-not-for-rtv",
    unit_already_on="error.unit-already-on-rtv", field="rtv",
    queue=outbox.queue_rtv_shipment)


class VendorReturnService:
    def __init__(self, store: Store, photos: PhotoFiles, clock: Clock = utc_now,
                 suppliers: Suppliers | None = None) -> None:
        self._store = store
        self._photos = photos
        self._clock = clock
        self._suppliers = suppliers or default_suppliers()

    # --- reading --------------------------------------------------------------------------

    def awaiting(self, actor: Actor) -> list[UnitRow]:
        """Units routed to return to vendor and on no shipment yet, oldest receipt first:
        the queue "awaiting RTV"."""
        actor.require(Action.LOOK_UP)
        with self._store.session() as s:
            return _rows(s, select(Unit).where(
                Unit.disposition == Disposition.RETURN_TO_VENDOR,
                Unit.id.not_in(select(RtvLine.unit_id)))
                .order_by(Unit.received_at, Unit.id))

    def unit(self, actor: Actor, code: str) -> UnitRow:
        """A scanned unit that may go on an RTV shipment: routed to return to vendor and on
        none yet (else refused, saying why)."""
        actor.require(Action.LOOK_UP)
        with self._store.session() as s:
            return unit_row(s, SHIPMENTS.unit_to_add(s, code))

    def open_shipments(self, actor: Actor) -> list[RtvShipmentRow]:
        return self.shipments(actor, RtvState.OPEN)

    def shipments(self, actor: Actor, state: RtvState | None = None) -> list[RtvShipmentRow]:
        """Shipments (of a state), oldest first."""
        actor.require(Action.LOOK_UP)
        query = SHIPMENTS.oldest_first()
        if state is not None:
            query = query.where(RtvShipment.state == state)
        with self._store.session() as s:
            return [self._row(s, shipment) for shipment in s.scalars(query)]

    def shipment(self, actor: Actor, code: str) -> RtvShipmentRow:
        actor.require(Action.LOOK_UP)
        with self._store.session() as s:
            return self._row(s, SHIPMENTS.by_code(s, code))

    def document(self, actor: Actor, code: str, lang: Lang | None = None) -> FloorDocument:
        """The shipment's document in ``lang`` or else its supplier's language (audited
        as printed)."""
        actor.require(Action.PRINT)
        shipment = self.shipment(actor, code)
        info = RtvDocumentInfo(
            code=shipment.code, supplier=shipment.supplier, opened_at=shipment.opened_at,
            shipped_at=shipment.shipped_at, claim_totals=shipment.claim_totals,
            lines=tuple(RtvUnitLine(
                unit_code=line.unit.code, sku=line.unit.sku,
                product_name_en=line.unit.product_name_en,
                product_name_zh=line.unit.product_name_zh, grade=line.unit.grade,
                defect=line.defect, claim=line.claim, currency=line.currency,
                photos=line.photos) for line in shipment.lines))
        language = lang or shipment.supplier.language
        pdf = vendor_return_pdf(info, company_details(), language)
        with self._store.session() as s:
            record_event(s, actor.username, AuditAction.PRINTED, at=self._clock(),
                         entity_kind="rtv_shipment", entity_key=shipment.code,
                         after={"document": "rtv", "language": language})
        return FloorDocument("rtv", shipment.code, pdf)

    # --- writing --------------------------------------------------------------------------

    def add(self, actor: Actor, code: str, defect: str,
            claim: Decimal | None = None) -> RtvShipmentRow:
        """A unit routed to return to vendor onto its supplier's open shipment (opened if
        there is none), with the defect and the claim (the unit's price when not given)."""
        actor.require(Action.PUT_AWAY)
        text = require_text(defect, "field.defect", DEFECT_MIN)
        now = self._clock()
        with self._store.session() as s:
            unit = SHIPMENTS.unit_to_add(s, code)
            row = unit_row(s, unit)
            supplier = self._suppliers.of_sku(row.sku)
            if supplier is None:
                raise ValidationError("error.no-supplier-for-sku", sku=row.sku)
            amount = row.value if claim is None else claim
            if amount <= 0:
                raise ValidationError("error.rtv-claim-not-positive")
            shipment = self._open_shipment(s, actor, supplier, now)
            s.add(RtvLine(shipment_id=shipment.id, unit_id=unit.id, defect=text,
                          claim_cents=to_minor_units(amount, row.currency),
                          currency=row.currency, added_by=actor.username, added_at=now))
            SHIPMENTS.changed(s, shipment, now)
            record_event(s, actor.username, AuditAction.RTV_UNIT_ADDED, at=now,
                         entity_kind="rtv_shipment", entity_key=shipment.code,
                         after={"unit": unit.code, "claim": str(amount),
                                "currency": row.currency}, detail=text)
            s.flush()
            return self._row(s, shipment)

    def ship(self, actor: Actor, code: str) -> RtvShipmentRow:
        """The shipment leaves for its supplier: no unit is added to it after."""
        actor.require(Action.PUT_AWAY)
        now = self._clock()
        with self._store.session() as s:
            shipment = SHIPMENTS.by_code(s, code)
            if shipment.state is RtvState.SHIPPED:
                raise ValidationError("error.rtv-already-shipped", rtv=shipment.code)
            shipment.state = RtvState.SHIPPED
            shipment.shipped_by = actor.username
            shipment.shipped_at = now
            SHIPMENTS.changed(s, shipment, now)
            record_event(s, actor.username, AuditAction.RTV_SHIPPED, at=now,
                         entity_kind="rtv_shipment", entity_key=shipment.code,
                         after={"supplier": shipment.supplier_id})
            log.info("RTV shipment %s shipped to %s", shipment.code, shipment.supplier_id)
            return self._row(s, shipment)

    def _open_shipment(self, s: Session, actor: Actor, supplier: Supplier,
                       now: datetime) -> RtvShipment:
        shipment = s.scalar(select(RtvShipment).where(
            RtvShipment.supplier_id == supplier.supplier_id,
            RtvShipment.state == RtvState.OPEN).order_by(RtvShipment.id))
        if shipment is not None:
            return shipment
        made = str(uuid.uuid4())
        shipment = RtvShipment(uuid=made, code=SHIPMENTS.code_of(made),
                               supplier_id=supplier.supplier_id, state=RtvState.OPEN,
                               opened_by=actor.username, opened_at=now, version=0,
                               updated_at=now)
        s.add(shipment)
        s.flush()
        log.info("RTV shipment %s opened for %s", shipment.code, supplier.supplier_id)
        return shipment

    def _row(self, s: Session, shipment: RtvShipment) -> RtvShipmentRow:
        supplier = self._suppliers.get(shipment.supplier_id)
        if supplier is None:
            raise NotFoundError("error.no-supplier", supplier=shipment.supplier_id)
        lines = list(s.scalars(select(RtvLine).where(RtvLine.shipment_id == shipment.id)
                               .order_by(RtvLine.id)))
        units = unit_rows_by_id(s, {line.unit_id for line in lines})
        return RtvShipmentRow(
            shipment_id=shipment.id, uuid=shipment.uuid, code=shipment.code,
            supplier=supplier, state=shipment.state, opened_by=shipment.opened_by,
            opened_at=shipment.opened_at, shipped_by=shipment.shipped_by,
            shipped_at=shipment.shipped_at,
            lines=tuple(RtvLineRow(
                unit=units[line.unit_id], defect=line.defect,
                claim=from_minor_units(line.claim_cents, line.currency),
                currency=line.currency, added_by=line.added_by, added_at=line.added_at,
                photos=self._photos_of(s, units[line.unit_id])) for line in lines))

    def _photos_of(self, s: Session, unit: UnitRow) -> tuple[PhotoRef, ...]:
        line_id = s.get_one(Unit, unit.unit_id).return_line_id
        return tuple(photo_of(p, self._photos) for p in s.scalars(
            select(Photo).join(Inspection, Inspection.id == Photo.inspection_id)
            .where(Inspection.return_line_id == line_id).order_by(Photo.id)))

