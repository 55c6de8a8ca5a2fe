"""The closed vocabularies of a return: statuses, reasons, channels, dispositions."""

from __future__ import annotations

from enum import StrEnum


class ReturnStatus(StrEnum):
    APPLIED = "applied"
    INSTRUCTIONS_SENT = "instructions_sent"
    IN_TRANSIT = "in_transit"
    PARTIALLY_RECEIVED = "partially_received"
    RECEIVED = "received"
    INSPECTING = "inspecting"
    INSPECTED = "inspected"
    REFUND_APPROVED = "refund_approved"
    REFUND_REJECTED = "refund_rejected"
    CLOSED = "closed"


class ReasonCategory(StrEnum):
    """T1 (quality: Livenon pays shipping) or T2 (personal: the customer pays)."""

    QUALITY = "quality"
    PERSONAL = "personal"


class ReasonCode(StrEnum):
    DEFECTIVE = "defective"
    DAMAGED_IN_TRANSIT = "damaged_in_transit"
    WRONG_ITEM = "wrong_item"
    NOT_AS_DESCRIBED = "not_as_described"
    SIZE_MISMATCH = "size_mismatch"
    CHANGED_MIND = "changed_mind"
    STYLE_COLOUR = "style_colour"
    FOUND_CHEAPER = "found_cheaper"

    @property
    def category(self) -> ReasonCategory:
        return REASON_CATEGORIES[self]


REASON_CATEGORIES: dict[ReasonCode, ReasonCategory] = {
    ReasonCode.DEFECTIVE: ReasonCategory.QUALITY,
    ReasonCode.DAMAGED_IN_TRANSIT: ReasonCategory.QUALITY,
    ReasonCode.WRONG_ITEM: ReasonCategory.QUALITY,
    ReasonCode.NOT_AS_DESCRIBED: ReasonCategory.QUALITY,
    ReasonCode.SIZE_MISMATCH: ReasonCategory.PERSONAL,
    ReasonCode.CHANGED_MIND: ReasonCategory.PERSONAL,
    ReasonCode.STYLE_COLOUR: ReasonCategory.PERSONAL,
    ReasonCode.FOUND_CHEAPER: ReasonCategory.PERSONAL,
}


class Channel(StrEnum):
    """P1: how the return was applied for."""

    WEB = "web"
    EMAIL = "email"


class LabelType(StrEnum):
    """P4: Livenon's pre-paid label, or the customer's own trackable courier."""

    PREPAID = "prepaid"
    OWN_COURIER = "own_courier"


class PaymentMethod(StrEnum):
    CREDIT_CARD = "credit_card"
    DEBIT_CARD = "debit_card"
    APPLE_PAY = "apple_pay"
    PAYPAL = "paypal"
    TT = "tt"


class ParcelCondition(StrEnum):
    INTACT = "intact"
    DAMAGED_OUTER_BOX = "damaged_outer_box"
    OPENED = "opened"


class Disposition(StrEnum):
    RESTOCK = "restock"
    REFURBISH = "refurbish"
    LIQUIDATE = "liquidate"
    DISPOSE = "dispose"
    RETURN_TO_CUSTOMER = "return_to_customer"
    RETURN_TO_VENDOR = "return_to_vendor"
    DONATE = "donate"


class UnitState(StrEnum):
    """Where a unit (one received carton, its LPN on the tag) stands after receipt."""

    TO_GRADE = "to_grade"
    TO_PUT_AWAY = "to_put_away"
    STORED = "stored"


class WorkOrderState(StrEnum):
    """A refurbishment work order: open while the unit is in refurbishment, done when the
    repair's outcome is known and the unit graded anew."""

    OPEN = "open"
    DONE = "done"


class RtvState(StrEnum):
    """A return-to-vendor shipment: open while units are added to it, shipped when it
    leaves for the supplier."""

    OPEN = "open"
    SHIPPED = "shipped"


class LotState(StrEnum):
    """A liquidation lot (a pallet): open while units are scanned onto it, closed when
    weighed, with its manifest and pallet label."""

    OPEN = "open"
    CLOSED = "closed"


class RepairOutcome(StrEnum):
    """What came of a refurbishment."""

    REPAIRED = "repaired"
    BEYOND_REPAIR = "beyond_repair"


class Answer(StrEnum):
    """An inspector's answer to one checklist item."""

    YES = "yes"
    NO = "no"
    NOT_APPLICABLE = "n/a"
    UNANSWERED = "unanswered"


class RuleOutcome(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    REVIEW = "review"
    PENDING = "pending"


class Decision(StrEnum):
    ELIGIBLE = "eligible"
    NOT_ELIGIBLE = "not_eligible"
    NEEDS_REVIEW = "needs_review"
    PENDING = "pending"


class CommunicationChannel(StrEnum):
    EMAIL = "email"
    CHAT = "chat"
    PHONE = "phone"
    WEB = "web"


class Direction(StrEnum):
    INBOUND = "inbound"
    OUTBOUND = "outbound"


class CodeKind(StrEnum):
    """Which code a scan or a search matched."""

    RMA = "rma"
    ORDER = "order"
    TRACKING = "tracking"
    TAG = "tag"
    TEXT = "text"


class OutboxState(StrEnum):
    """What became of a change in the outbox; stored as these words (as before the enum,
    so no database needs migrating)."""

    PENDING = "pending"
    SENT = "sent"
    CONFLICT = "conflict"
    FAILED = "failed"
    SUPERSEDED = "superseded"


class ConflictResolution(StrEnum):
    """How the user settled a conflict: the desk's change sent again over the server's
    version, or the server's version taken."""

    MINE = "mine"
    THEIRS = "theirs"


class MailState(StrEnum):
    """Where an email application stands in the desk's queue (P1, P2)."""

    NEW = "new"
    NEEDS_PERSON = "needs_person"
    ANSWERED = "answered"
