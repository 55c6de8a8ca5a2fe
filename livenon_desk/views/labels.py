"""Translated words for the domain's vocabularies, as the screens show them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from livenon_desk.domain.enums import Decision, ReasonCode, ReturnStatus, RuleOutcome


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def status_texts() -> dict[ReturnStatus, str]:
    s = ReturnStatus
    return {
        s.APPLIED: _t("Applied"),
        s.INSTRUCTIONS_SENT: _t("Instructions sent"),
        s.IN_TRANSIT: _t("In transit"),
        s.PARTIALLY_RECEIVED: _t("Partially received"),
        s.RECEIVED: _t("Received"),
        s.INSPECTING: _t("Inspecting"),
        s.INSPECTED: _t("Inspected"),
        s.REFUND_APPROVED: _t("Refund approved"),
        s.REFUND_REJECTED: _t("Refund rejected"),
        s.CLOSED: _t("Closed"),
    }


def reason_texts() -> dict[ReasonCode, str]:
    r = ReasonCode
    return {
        r.DEFECTIVE: _t("Defective"),
        r.DAMAGED_IN_TRANSIT: _t("Damaged in transit"),
        r.WRONG_ITEM: _t("Wrong item"),
        r.NOT_AS_DESCRIBED: _t("Not as described"),
        r.SIZE_MISMATCH: _t("Size mismatch"),
        r.CHANGED_MIND: _t("Changed mind"),
        r.STYLE_COLOUR: _t("Style or colour"),
        r.FOUND_CHEAPER: _t("Found cheaper"),
    }


def outcome_texts() -> dict[RuleOutcome, str]:
    return {
        RuleOutcome.PASS: _t("Pass"),
        RuleOutcome.FAIL: _t("Fail"),
        RuleOutcome.REVIEW: _t("Review"),
        RuleOutcome.PENDING: _t("Pending"),
    }


def decision_texts() -> dict[Decision, str]:
    return {
        Decision.ELIGIBLE: _t("Eligible"),
        Decision.NOT_ELIGIBLE: _t("Not eligible"),
        Decision.NEEDS_REVIEW: _t("Needs supervisor review"),
        Decision.PENDING: _t("Awaiting inspection"),
    }
