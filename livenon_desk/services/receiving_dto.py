"""Plain data of receiving: what the receive form records and what a receipt or scan did."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from livenon_desk.domain.enums import ParcelCondition, ReturnStatus
from livenon_desk.domain.receiving import CartonCount, missing_summary
from livenon_desk.services.unit_dto import WeightCheckRow


@dataclass(frozen=True)
class ReceiptInput:
    """What the receive form records; ``cartons`` maps a return line to the cartons counted,
    ``scanned`` to those of them whose tags were scanned. Cartons counted beyond the scanned
    ones were typed in by a person, who gives ``by_hand_reason``."""

    received_at: datetime
    carrier: str
    tracking_number: str
    parcel_condition: ParcelCondition
    invoice_enclosed: bool
    return_form_enclosed: bool
    returned_goods_marked: bool | None
    cartons: Mapping[int, int]
    notes: str = ""
    photos: tuple[Path, ...] = field(default_factory=tuple)
    scanned: Mapping[int, int] = field(default_factory=dict)
    by_hand_reason: str = ""
    weight_grams: int | None = None  # None: not weighed


@dataclass(frozen=True)
class ReceiptResult:
    return_id: int
    rma_number: str
    status: ReturnStatus
    counts: tuple[CartonCount, ...]
    # The one carton's weighing when the parcel was weighed and held one (else None).
    weight_check: WeightCheckRow | None = None

    @property
    def missing(self) -> list[tuple[str, int, int]]:
        return missing_summary(self.counts)


@dataclass(frozen=True)
class CartonScan:
    """One carton counted in by scanning its line's tag."""

    return_id: int
    rma_number: str
    count: CartonCount
    status: ReturnStatus


@dataclass(frozen=True)
class UnexpectedParcelInput:
    scanned_code: str
    carrier: str
    tracking_number: str
    parcel_condition: ParcelCondition
    received_at: datetime
    sender: str = ""
    notes: str = ""
