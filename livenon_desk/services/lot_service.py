"""Liquidation lots: units routed to liquidate are scanned onto a pallet (a lot), which is
closed when weighed, with a manifest and a pallet label (issue 17).

A unit scanned goes on the lot named, or the newest open lot, or a new one; each carries
its recovery value (its price times the liquidation rate of its grade, recovery.toml) from
the moment it is scanned on. A closed lot takes no more units.
"""

from __future__ import annotations

import logging
import uuid
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from livenon_desk.documents.data import Lang
from livenon_desk.documents.lot_documents import (
    LotDocumentInfo,
    LotUnitLine,
    lot_manifest_pdf,
    pallet_label_pdf,
)
from livenon_desk.documents.printer_limits import LABEL_DPI
from livenon_desk.domain.enums import Disposition, LotState
from livenon_desk.domain.money import from_minor_units, to_minor_units
from livenon_desk.domain.recovery import RecoveryRates, default_recovery
from livenon_desk.domain.roles import Action, Actor
from livenon_desk.errors import ValidationError
from livenon_desk.models import Lot, LotUnit
from livenon_desk.services import outbox
from livenon_desk.services.audit import AuditAction, record_event
from livenon_desk.services.clock import Clock, utc_now
from livenon_desk.services.document_kinds import FloorDocument
from livenon_desk.services.document_service import company_details
from livenon_desk.services.lot_dto import LOT_PREFIX, LOT_WEIGHT_MAX_KG, LotRow, LotUnitRow
from livenon_desk.services.unit_containers import ContainerKind, unit_row, unit_rows_by_id
from livenon_desk.services.unit_dto import UnitRow
from livenon_desk.store.database import Store

log = logging.getLogger(__name__)

LOTS = ContainerKind(
    model=Lot, prefix=LOT_PREFIX, member_container=LotUnit.lot_id,
    member_unit=LotUnit.unit_id, disposition=Disposition.LIQUIDATE,
    no_such_code="error.no-lot-with-code", unit_not_for="error.unit-not-for-lot",
    unit_already_on="error.unit-already-on-lot", field="lot", queue=outbox.queue_lot)


class LotService:
    def __init__(self, store: Store, clock: Clock = utc_now,
                 recovery: RecoveryRates | None = None, label_dpi: int = LABEL_DPI) -> None:
        self._store = store
        self._clock = clock
        self._recovery = recovery or default_recovery()
        self._label_dpi = label_dpi

    # --- reading --------------------------------------------------------------------------

    def unit(self, actor: Actor, code: str) -> UnitRow:
        """A scanned unit that may go on a lot: routed to liquidate, on none yet."""
        actor.require(Action.LOOK_UP)
        with self._store.session() as s:
            return unit_row(s, LOTS.unit_to_add(s, code))

    def lot(self, actor: Actor, code: str) -> LotRow:
        actor.require(Action.LOOK_UP)
        with self._store.session() as s:
            return _row(s, LOTS.by_code(s, code))

    def open_lots(self, actor: Actor) -> list[LotRow]:
        """The open lots, oldest first: the queue "open lots"."""
        return self.lots(actor, LotState.OPEN)

    def lots(self, actor: Actor, state: LotState | None = None) -> list[LotRow]:
        actor.require(Action.LOOK_UP)
        query = LOTS.oldest_first()
        if state is not None:
            query = query.where(Lot.state == state)
        with self._store.session() as s:
            return [_row(s, lot) for lot in s.scalars(query)]

    # --- writing --------------------------------------------------------------------------

    def start(self, actor: Actor) -> LotRow:
        """A new, empty lot: the next pallet."""
        actor.require(Action.PUT_AWAY)
        now = self._clock()
        with self._store.session() as s:
            return _row(s, _new_lot(s, actor, now))

    def add(self, actor: Actor, code: str, lot_code: str | None = None) -> LotRow:
        """A unit routed to liquidate onto ``lot_code`` (open), or else the newest open
        lot, or a new one; with its recovery value by its grade."""
        actor.require(Action.PUT_AWAY)
        now = self._clock()
        with self._store.session() as s:
            unit = LOTS.unit_to_add(s, code)
            if lot_code is not None:
                lot = LOTS.by_code(s, lot_code)
                if lot.state is not LotState.OPEN:
                    raise ValidationError("error.lot-closed", lot=lot.code)
            else:
                lot = s.scalar(select(Lot).where(Lot.state == LotState.OPEN)
                               .order_by(Lot.opened_at.desc(), Lot.id.desc()).limit(1)) \
                    or _new_lot(s, actor, now)
            row = unit_row(s, unit)
            recovery = self._recovery.value(row.value, row.currency, Disposition.LIQUIDATE,
                                            row.grade)
            s.add(LotUnit(lot_id=lot.id, unit_id=unit.id,
                          recovery_cents=to_minor_units(recovery, row.currency),
                          added_by=actor.username, added_at=now))
            LOTS.changed(s, lot, now)
            record_event(s, actor.username, AuditAction.LOT_UNIT_ADDED, at=now,
                         entity_kind="lot", entity_key=lot.code,
                         after={"unit": unit.code, "recovery": str(recovery)})
            s.flush()
            return _row(s, lot)

    def close(self, actor: Actor, code: str, weight_kg: Decimal) -> LotRow:
        """The lot closed with its weight (typed, or read from the scale): refused empty,
        or with a weight no pallet has."""
        actor.require(Action.PUT_AWAY)
        if not Decimal(0) < weight_kg <= LOT_WEIGHT_MAX_KG:
            raise ValidationError("error.lot-weight-out-of-range",
                                  maximum=str(LOT_WEIGHT_MAX_KG))
        now = self._clock()
        with self._store.session() as s:
            lot = LOTS.by_code(s, code)
            if lot.state is not LotState.OPEN:
                raise ValidationError("error.lot-closed", lot=lot.code)
            if s.scalar(select(LotUnit.id).where(LotUnit.lot_id == lot.id).limit(1)) is None:
                raise ValidationError("error.lot-empty", lot=lot.code)
            lot.state = LotState.CLOSED
            lot.weight_g = int((weight_kg * 1000).to_integral_value())
            lot.closed_by = actor.username
            lot.closed_at = now
            LOTS.changed(s, lot, now)
            record_event(s, actor.username, AuditAction.LOT_CLOSED, at=now,
                         entity_kind="lot", entity_key=lot.code,
                         after={"weight_g": lot.weight_g})
            log.info("lot %s closed at %s g", lot.code, lot.weight_g)
            return _row(s, lot)

    # --- documents ------------------------------------------------------------------------

    def manifest(self, actor: Actor, code: str, lang: Lang = "en") -> FloorDocument:
        """The lot's manifest: units, grades, original and recovery values, totals."""
        actor.require(Action.PRINT)
        lot = self.lot(actor, code)
        pdf = lot_manifest_pdf(_document_info(lot), company_details(), lang)
        self._printed(actor, lot, "manifest", lang)
        return FloorDocument("manifest", lot.code, pdf)

    def pallet_label(self, actor: Actor, code: str, lang: Lang = "en") -> FloorDocument:
        """The lot's 4x6 pallet label: its code as Code 128 and QR, units and weight."""
        actor.require(Action.PRINT)
        lot = self.lot(actor, code)
        pdf = pallet_label_pdf(_document_info(lot), company_details(), lang, self._label_dpi)
        self._printed(actor, lot, "pallet-label", lang)
        return FloorDocument("pallet-label", lot.code, pdf, is_label_stock=True)

    def _printed(self, actor: Actor, lot: LotRow, document: str, lang: Lang) -> None:
        with self._store.session() as s:
            record_event(s, actor.username, AuditAction.PRINTED, at=self._clock(),
                         entity_kind="lot", entity_key=lot.code,
                         after={"document": document, "language": lang})


def _new_lot(s: Session, actor: Actor, now: datetime) -> Lot:
    made = str(uuid.uuid4())
    lot = Lot(uuid=made, code=LOTS.code_of(made), state=LotState.OPEN, opened_by=actor.username,
              opened_at=now, version=1, updated_at=now)
    s.add(lot)
    s.flush()
    outbox.queue_lot(s, lot, now)
    log.info("lot %s opened", lot.code)
    return lot


def _row(s: Session, lot: Lot) -> LotRow:
    members = list(s.scalars(select(LotUnit).where(LotUnit.lot_id == lot.id)
                             .order_by(LotUnit.id)))
    units = unit_rows_by_id(s, {m.unit_id for m in members})
    return LotRow(
        lot_id=lot.id, uuid=lot.uuid, code=lot.code, state=lot.state,
        opened_by=lot.opened_by, opened_at=lot.opened_at,
        units=tuple(LotUnitRow(units[m.unit_id], from_minor_units(
            m.recovery_cents, units[m.unit_id].currency)) for m in members),
        weight_kg=None if lot.weight_g is None else Decimal(lot.weight_g) / 1000,
        closed_by=lot.closed_by, closed_at=lot.closed_at)


def _document_info(lot: LotRow) -> LotDocumentInfo:
    return LotDocumentInfo(
        code=lot.code, closed_at=lot.closed_at, weight_kg=lot.weight_kg,
        lines=tuple(LotUnitLine(u.unit.code, u.unit.sku, u.unit.product_name_en,
                                u.unit.product_name_zh, u.unit.grade, u.unit.value,
                                u.recovery, u.unit.currency) for u in lot.units),
        original_totals=lot.original_totals, recovery_totals=lot.recovery_totals)
