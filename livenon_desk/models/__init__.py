"""SQLAlchemy tables of the local store."""

from livenon_desk.models.base import Base
from livenon_desk.models.customer import Address, Customer
from livenon_desk.models.incoming_mail import IncomingMail, IncomingMailPhoto
from livenon_desk.models.inspection import (
    Communication,
    Inspection,
    InspectionTally,
    Photo,
    UnexpectedParcel,
)
from livenon_desk.models.lot import Lot, LotUnit
from livenon_desk.models.order import Order, OrderLine
from livenon_desk.models.outgoing_mail import OutgoingMail
from livenon_desk.models.people import AuditEvent, DeskIdentity, DeskUser
from livenon_desk.models.refurbish import WorkOrder
from livenon_desk.models.return_request import ReturnLine, ReturnRequest
from livenon_desk.models.sync import (
    OutboxRow,
    ParkedChange,
    RefusedChange,
    SyncConflict,
    SyncState,
)
from livenon_desk.models.unit import Unit, UnitMove, WeightCheck
from livenon_desk.models.vendor_return import RtvLine, RtvShipment

__all__ = [
    "Address",
    "AuditEvent",
    "Base",
    "Communication",
    "Customer",
    "DeskIdentity",
    "DeskUser",
    "IncomingMail",
    "IncomingMailPhoto",
    "Inspection",
    "InspectionTally",
    "Lot",
    "LotUnit",
    "Order",
    "OrderLine",
    "OutboxRow",
    "OutgoingMail",
    "ParkedChange",
    "Photo",
    "RefusedChange",
    "ReturnLine",
    "ReturnRequest",
    "RtvLine",
    "RtvShipment",
    "SyncConflict",
    "SyncState",
    "UnexpectedParcel",
    "Unit",
    "UnitMove",
    "WeightCheck",
    "WorkOrder",
]
