"""The bodies of the central API, as pydantic models (the OpenAPI file names them alike).

The server validates what it is sent with them and the desk reads what it is answered with
them: one typed wire format, with no web framework in it.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from livenon_desk.domain.enums import (
    Answer,
    Decision,
    Disposition,
    LabelType,
    LotState,
    ParcelCondition,
    ReasonCategory,
    ReasonCode,
    RepairOutcome,
    RtvState,
    UnitState,
    WorkOrderState,
)
from livenon_desk.domain.weighing import MAX_GRAMS

Version = Annotated[int, Field(ge=1, le=2**31 - 1)]
Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
# Ids and names: no control characters (a NUL cannot even be stored in PostgreSQL text).
PRINTABLE = r"^[^\x00-\x1f\x7f]+$"
Code = Annotated[str, Field(min_length=1, max_length=40, pattern=PRINTABLE)]
Name = Annotated[str, Field(min_length=1, max_length=64, pattern=PRINTABLE)]
Text = Annotated[str, Field(max_length=10_000)]
Cents = Annotated[int, Field(ge=0, le=10**12)]
WRITE_KINDS = ("receipt", "inspection", "override", "audit_event", "refund_decision",
               "mail_answer", "unit", "unit_move", "work_order", "rtv_shipment", "lot")
WriteKind = Literal["receipt", "inspection", "override", "audit_event", "refund_decision",
                    "mail_answer", "unit", "unit_move", "work_order", "rtv_shipment", "lot"]
Short = Annotated[str, Field(min_length=1, max_length=24, pattern=PRINTABLE)]
# The station's warehouse ([station] warehouse_id), sent with every request in this header
# and recorded by the server with each write; empty when the station names none.
WAREHOUSE_HEADER = "Warehouse-Id"


class _In(BaseModel):
    # A misspelt field is a client bug that must not pass silently.
    model_config = ConfigDict(extra="forbid")


class TokenRequest(_In):
    username: Name
    password: Annotated[str, Field(min_length=1, max_length=200)]


class TokenResponse(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int
    role: str


class Me(BaseModel):
    username: str
    role: str


class ReceiptLine(_In):
    tag_code: Code
    cartons_received: Annotated[int, Field(ge=0, le=1000)]


class ReceiptIn(_In):
    received_at: AwareDatetime
    received_by: Name
    carrier: Annotated[str | None, Field(max_length=40)] = None
    tracking_number: Annotated[str | None, Field(max_length=64)] = None
    parcel_condition: ParcelCondition
    returned_goods_marked: bool | None = None
    lines: Annotated[list[ReceiptLine], Field(min_length=1, max_length=100)]
    photos: Annotated[list[Sha256], Field(max_length=100)] = []
    # The parcel's weight at receipt (the station's scale, or typed); a desk of a release
    # before it sends none.
    weight_grams: Annotated[int | None, Field(ge=1, le=MAX_GRAMS)] = None


class InspectionIn(_In):
    rma_number: Code
    tag_code: Code
    inspector: Name
    started_at: AwareDatetime
    finished_at: AwareDatetime | None = None
    checklist: Annotated[dict[Code, Answer], Field(max_length=100)] = {}
    notes: Text | None = None
    decision: Decision | None = None
    rule_results: Annotated[list[dict[str, Any]], Field(max_length=100)] = []
    policy_version: Annotated[str | None, Field(max_length=32)] = None
    disposition: Disposition | None = None
    photos: Annotated[list[Sha256], Field(max_length=100)] = []


class OverrideIn(_In):
    decision: Decision
    reason: Annotated[str, Field(min_length=1, max_length=2000)]
    by: Name
    at: AwareDatetime


class AuditEventIn(_In):
    uuid: UUID
    occurred_at: AwareDatetime
    actor: Name
    action: Name
    entity_kind: Name
    entity_id: Code
    details: dict[str, Any] = {}


class RefundDecisionIn(_In):
    uuid: UUID
    rma_number: Code
    decision: Literal["approved", "rejected"]
    amount_cents: Cents
    deduction_cents: Cents = 0
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
    rule_ids: Annotated[list[Annotated[str, Field(max_length=8)]], Field(max_length=50)] = []
    policy_version: Annotated[str, Field(min_length=1, max_length=32)]
    decided_by: Name
    decided_at: AwareDatetime
    reason: Text | None = None


class UnitIn(_In):
    """A unit (one received carton, keyed by its LPN) as its station holds it (issue 17)."""

    rma_number: Code
    tag_code: Code
    carton_index: Annotated[int, Field(ge=1, le=1000)]
    state: UnitState
    received_at: AwareDatetime
    policy_version: Annotated[str | None, Field(max_length=32)] = None
    proposed_grade: Short | None = None
    grade: Short | None = None
    grade_rules: Annotated[list[Short], Field(max_length=50)] = []
    grade_reason: Text | None = None
    graded_by: Name | None = None
    graded_at: AwareDatetime | None = None
    disposition: Disposition | None = None
    zone: Short | None = None
    route_rule: Short | None = None
    override_reason: Text | None = None
    override_by: Name | None = None
    override_at: AwareDatetime | None = None
    bin_code: Short | None = None


class UnitMoveIn(_In):
    """One put-away or move of a unit: who, when, from (None: receiving), to."""

    uuid: UUID
    unit_code: Annotated[str, Field(min_length=1, max_length=64, pattern=PRINTABLE)]
    from_bin: Short | None = None
    to_bin: Short
    moved_by: Name
    moved_at: AwareDatetime


UnitCode = Annotated[str, Field(min_length=1, max_length=64, pattern=PRINTABLE)]
Currency = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]


class WorkOrderIn(_In):
    """A refurbishment work order of a unit, as its station holds it (issue 17)."""

    uuid: UUID
    unit_code: UnitCode
    state: WorkOrderState
    fault: Text
    parts: Annotated[list[Annotated[str, Field(max_length=200)]], Field(max_length=200)] = []
    minutes: Annotated[int, Field(ge=0, le=10**6)] = 0
    opened_by: Name
    opened_at: AwareDatetime
    outcome: RepairOutcome | None = None
    grade: Short | None = None
    note: Text | None = None
    closed_by: Name | None = None
    closed_at: AwareDatetime | None = None


class RtvLineIn(_In):
    unit_code: UnitCode
    defect: Text
    claim_cents: Cents
    currency: Currency
    added_by: Name
    added_at: AwareDatetime


class RtvShipmentIn(_In):
    """A return-to-vendor shipment with its units, as its station holds it (issue 17)."""

    uuid: UUID
    code: Short
    supplier_id: Annotated[str, Field(min_length=1, max_length=32, pattern=PRINTABLE)]
    state: RtvState
    opened_by: Name
    opened_at: AwareDatetime
    shipped_by: Name | None = None
    shipped_at: AwareDatetime | None = None
    lines: Annotated[list[RtvLineIn], Field(max_length=1000)] = []


class LotUnitIn(_In):
    unit_code: UnitCode
    recovery_cents: Cents
    currency: Currency
    added_by: Name
    added_at: AwareDatetime


class LotIn(_In):
    """A liquidation lot (a pallet) with its units, as its station holds it (issue 17)."""

    uuid: UUID
    code: Short
    state: LotState
    weight_g: Annotated[int | None, Field(ge=1, le=10**7)] = None
    opened_by: Name
    opened_at: AwareDatetime
    closed_by: Name | None = None
    closed_at: AwareDatetime | None = None
    units: Annotated[list[LotUnitIn], Field(max_length=1000)] = []


class AnsweredReturnLine(_In):
    tag_code: Code
    order_line_no: Annotated[int, Field(ge=1, le=10_000)]
    quantity: Annotated[int, Field(ge=0, le=10_000)]
    cartons_expected: Annotated[int, Field(ge=1, le=1000)]


class AnsweredReturn(_In):
    """The return an email application's answer created at the desk (P2)."""

    rma_number: Code
    order_number: Code
    reason_code: ReasonCode
    reason_category: ReasonCategory
    reason_text: Text | None = None
    applied_at: AwareDatetime
    instructions_sent_at: AwareDatetime
    label_type: LabelType
    lines: Annotated[list[AnsweredReturnLine], Field(min_length=1, max_length=100)]


class MailAnswerIn(_In):
    """The answer to an email application (P2), as the desk sent it to the customer: the
    message's identity and hash (T4; the bytes stay on the desk) and, for instructions,
    the return it created. Its Idempotency-Key is the application's own key."""

    application_sha256: Sha256
    message_id: Annotated[str, Field(min_length=3, max_length=300, pattern=PRINTABLE)]
    sha256: Sha256
    size: Annotated[int, Field(ge=1, le=100_000_000)]
    kind: Literal["instructions", "refusal"]
    language: Literal["en", "zh"]
    sent_at: AwareDatetime
    answered_by: Name
    # The rules a refusal cites (E1, E2, X1, X2).
    rule_ids: Annotated[list[Annotated[str, Field(max_length=8)]], Field(max_length=10)] = []
    created_return: AnsweredReturn | None = None


class BatchItem(_In):
    key: Annotated[str, Field(min_length=1, max_length=200)]
    kind: WriteKind
    # Checked as a Code item by item (write_flow): one bad id refuses its item alone.
    entity_id: Annotated[str, Field(max_length=200)]
    if_match: Version | None = None
    body: dict[str, Any]


class BatchIn(_In):
    items: Annotated[list[BatchItem], Field(min_length=1)]


class BatchItemResult(BaseModel):
    key: str
    status: int
    body: dict[str, Any] | None


class BatchOut(BaseModel):
    results: list[BatchItemResult]


class Entity(BaseModel):
    kind: Literal["customer", "order", "return", "inspection", "unit", "work_order",
                  "rtv_shipment", "lot"]
    id: str
    version: int
    seq: int
    deleted: bool
    data: dict[str, Any] | None


class ChangesPage(BaseModel):
    changes: list[Entity]
    next_cursor: str
    has_more: bool


class ChangesPageAsRead(BaseModel):
    """A page of changes as a desk reads it: the envelope at once, then each change on its
    own as an ``Entity``, so that one change the desk cannot read costs that change, not the
    page and every page after it."""

    changes: list[Any]
    next_cursor: str
    has_more: bool


class AuditAnchor(BaseModel):
    desk_id: str
    event_id: int
    hash: str
    events: int
    updated_at: str


class Health(BaseModel):
    status: Literal["ok"] = "ok"
    api_version: str = "v1"
