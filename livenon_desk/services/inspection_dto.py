"""Plain data of one inspection as the inspection form shows and edits it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from livenon_desk.catalogue import Localized, Message
from livenon_desk.domain.eligibility import Evaluation, LineFacts
from livenon_desk.domain.enums import Answer, Decision
from livenon_desk.domain.grading import Grade, GradeProposal
from livenon_desk.domain.routing import Route
from livenon_desk.domain.values import Override, PhotoRef, Refund
from livenon_desk.services.refund_view import RefundInputs

# A supervisor's exception needs a reason someone else can follow later.
OVERRIDE_REASON_MIN = 10


@dataclass(frozen=True)
class ChecklistQuestion:
    item_id: str
    rule_id: str
    question_en: str
    question_zh: str
    photo_required_on_no: bool
    na_allowed: bool = False  # N/A is an answer here only (the policy file says so)
    photo_required_on_yes: bool = False
    receipt_note: Message | None = None  # answered by the receipt


@dataclass(frozen=True)
class DraftInput:
    """What the inspector has entered so far; saved as a draft or to finish. The grade is
    the one the inspector confirmed (or chose instead of the proposal, with a reason)."""

    answers: dict[str, Answer]
    notes: str = ""
    grade: str | None = None
    grade_reason: str = ""


@dataclass(frozen=True)
class InspectionSheet:
    """One inspection of one returned line, with everything needed to judge it live."""

    inspection_id: int
    uuid: str
    return_id: int
    return_line_id: int
    rma_number: str
    tag_code: str
    sku: str
    product_name_en: str
    product_name_zh: str | None
    policy_version: str
    questions: tuple[ChecklistQuestion, ...]
    facts: LineFacts
    refund_inputs: RefundInputs
    inspector: str
    started_at: datetime
    draft: DraftInput
    photos: tuple[PhotoRef, ...] = field(default_factory=tuple)
    finished_at: datetime | None = None
    decision: Decision | None = None
    override: Override | None = None
    read_only_reason: Message | None = None  # why the sheet cannot be changed
    restricted: bool = False
    grades: tuple[Grade, ...] = ()  # the policy's, best first

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    @property
    def unit_price(self) -> Decimal:
        return self.refund_inputs.unit_price


@dataclass(frozen=True)
class Preview:
    """The decision as the answers stand, with what still keeps the form from finishing."""

    evaluation: Evaluation
    refund: Refund | None
    problems: tuple[Message, ...]
    # The grade the answers lead to and what led there (G1...); where the chosen grade
    # routes the line's units (R1...), and that zone's name.
    proposal: GradeProposal | None = None
    proposal_reasons: tuple[Localized, ...] = ()
    route: Route | None = None
    zone: Localized | None = None
