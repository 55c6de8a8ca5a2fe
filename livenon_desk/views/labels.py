"""Translated words for the domain's vocabularies, as the screens show them.

The labels the documents print too (a reason, a decision, an answer) come from the one
catalogue, so that screen and paper say the same; the rest are the screens' own (Qt).
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QLocale

from livenon_desk.catalogue import text
from livenon_desk.domain.enums import (
    Answer,
    Decision,
    Disposition,
    MailState,
    ParcelCondition,
    ReasonCode,
    RepairOutcome,
    ReturnStatus,
    RuleOutcome,
    UnitState,
)
from livenon_desk.domain.labels import ENUM_LABELS
from livenon_desk.domain.roles import Role

E = TypeVar("E", bound=StrEnum)


def _catalogue_words(vocabulary: type[E]) -> dict[E, str]:
    """Each member's label in the language the screens speak (set with the translators)."""
    language = QLocale().name()
    return {member: text(ENUM_LABELS[member], language) for member in vocabulary}


def status_texts() -> dict[ReturnStatus, str]:
    s = ReturnStatus
    return {
        s.APPLIED: QCoreApplication.translate("Labels", "Applied"),
        s.INSTRUCTIONS_SENT: QCoreApplication.translate("Labels", "Instructions sent"),
        s.IN_TRANSIT: QCoreApplication.translate("Labels", "In transit"),
        s.PARTIALLY_RECEIVED: QCoreApplication.translate("Labels", "Partially received"),
        s.RECEIVED: QCoreApplication.translate("Labels", "Received"),
        s.INSPECTING: QCoreApplication.translate("Labels", "Inspecting"),
        s.INSPECTED: QCoreApplication.translate("Labels", "Inspected"),
        s.REFUND_APPROVED: QCoreApplication.translate("Labels", "Refund approved"),
        s.REFUND_REJECTED: QCoreApplication.translate("Labels", "Refund rejected"),
        s.CLOSED: QCoreApplication.translate("Labels", "Closed"),
    }


def mail_state_texts() -> dict[MailState, str]:
    """Where an email application stands in the applications queue."""
    return {
        MailState.NEW: QCoreApplication.translate("Labels", "New"),
        MailState.NEEDS_PERSON: QCoreApplication.translate("Labels", "Needs a person"),
        MailState.ANSWERED: QCoreApplication.translate("Labels", "Answered"),
    }


def reason_texts() -> dict[ReasonCode, str]:
    return _catalogue_words(ReasonCode)


def outcome_texts() -> dict[RuleOutcome, str]:
    return _catalogue_words(RuleOutcome)


def decision_texts() -> dict[Decision, str]:
    return _catalogue_words(Decision)


def parcel_condition_texts() -> dict[ParcelCondition, str]:
    return _catalogue_words(ParcelCondition)


def disposition_texts() -> dict[Disposition, str]:
    return _catalogue_words(Disposition)


def unit_state_texts() -> dict[UnitState, str]:
    return _catalogue_words(UnitState)


def repair_outcome_texts() -> dict[RepairOutcome, str]:
    return _catalogue_words(RepairOutcome)


def answer_texts() -> dict[Answer, str]:
    return _catalogue_words(Answer)


def role_texts() -> dict[Role, str]:
    return {
        Role.INSPECTOR: QCoreApplication.translate("Labels", "Inspector"),
        Role.SUPERVISOR: QCoreApplication.translate("Labels", "Supervisor"),
        Role.ADMIN: QCoreApplication.translate("Labels", "Administrator"),
    }


def audit_action_texts() -> dict[str, str]:
    return {
        "viewed": QCoreApplication.translate("Labels", "viewed"),
        "received": QCoreApplication.translate("Labels", "received"),
        "carton_counted": QCoreApplication.translate("Labels", "carton counted"),
        "cartons_counted_by_hand": QCoreApplication.translate(
            "Labels", "cartons counted by hand"),
        "closed_short": QCoreApplication.translate("Labels", "closed short"),
        "unexpected_parcel": QCoreApplication.translate("Labels", "unexpected parcel"),
        "inspection_started": QCoreApplication.translate("Labels", "inspection started"),
        "inspected": QCoreApplication.translate("Labels", "inspected"),
        "overridden": QCoreApplication.translate("Labels", "overridden"),
        "printed": QCoreApplication.translate("Labels", "printed"),
        "exported": QCoreApplication.translate("Labels", "exported"),
        "purged": QCoreApplication.translate("Labels", "purged"),
        "signed_in": QCoreApplication.translate("Labels", "signed in"),
        "signed_out": QCoreApplication.translate("Labels", "signed out"),
        "sign_in_failed": QCoreApplication.translate("Labels", "failed sign-in"),
        "locked_out": QCoreApplication.translate("Labels", "locked out"),
        "user_created": QCoreApplication.translate("Labels", "user created"),
        "mail_received": QCoreApplication.translate("Labels", "email received"),
        "mail_chosen": QCoreApplication.translate("Labels", "email application settled"),
        "mail_answered": QCoreApplication.translate("Labels", "email application answered"),
        "mail_sent": QCoreApplication.translate("Labels", "answer email sent"),
        "refund_recommended": QCoreApplication.translate("Labels", "refund recommended"),
        "unit_graded": QCoreApplication.translate("Labels", "unit graded"),
        "unit_routed": QCoreApplication.translate("Labels", "unit's disposition chosen"),
        "unit_moved": QCoreApplication.translate("Labels", "unit put away or moved"),
        "unit_weighed": QCoreApplication.translate("Labels", "unit weighed"),
        "weight_flag_cleared": QCoreApplication.translate("Labels", "weight flag cleared"),
        "work_order_opened": QCoreApplication.translate("Labels", "work order opened"),
        "work_order_logged": QCoreApplication.translate("Labels", "work logged on a work order"),
        "work_order_done": QCoreApplication.translate("Labels", "work order done"),
        "rtv_unit_added": QCoreApplication.translate("Labels", "unit put on an RTV shipment"),
        "rtv_shipped": QCoreApplication.translate("Labels", "RTV shipment shipped"),
        "lot_unit_added": QCoreApplication.translate("Labels", "unit put on a lot"),
        "lot_closed": QCoreApplication.translate("Labels", "lot closed and weighed"),
    }


def document_texts() -> dict[str, str]:
    """The printed documents by their kind's value, as the audit trail names them."""
    return {
        "return-form": QCoreApplication.translate("Labels", "Return form"),
        "invoice": QCoreApplication.translate("Labels", "Invoice copy"),
        "label": QCoreApplication.translate("Labels", "Return label"),
        "tag": QCoreApplication.translate("Labels", "Item tags"),
        "inspection-report": QCoreApplication.translate("Labels", "Inspection report"),
        "credit-note": QCoreApplication.translate("Labels", "Credit note"),
        "evidence": QCoreApplication.translate("Labels", "Evidence package"),
    }


def record_kind_texts() -> dict[str, str]:
    """The kinds of record the audit trail and the sync queue speak of."""
    return {
        "return": QCoreApplication.translate("Labels", "Return"),
        "inspection": QCoreApplication.translate("Labels", "Inspection"),
        "user": QCoreApplication.translate("Labels", "User"),
        "customer": QCoreApplication.translate("Labels", "Customer"),
        "parcel": QCoreApplication.translate("Labels", "Unexpected parcel"),
        "batch": QCoreApplication.translate("Labels", "Batch"),
        "retention": QCoreApplication.translate("Labels", "Retention rule"),
        "receipt": QCoreApplication.translate("Labels", "Receipt"),
        "override": QCoreApplication.translate("Labels", "Exception approval"),
        "photo": QCoreApplication.translate("Labels", "Photo"),
        "audit_event": QCoreApplication.translate("Labels", "Audit event"),
        "refund_decision": QCoreApplication.translate("Labels", "Refund decision"),
        "mail": QCoreApplication.translate("Labels", "Email"),
        "mail_answer": QCoreApplication.translate("Labels", "Email answer"),
    }
