"""Records and their changes in words, for the audit trail and the sync view: "Decision:
Not eligible → Eligible", "Deciding rules: E4, X3", not the stored keys and values. Ids
stay where an id is what a person needs (an RMA, a tag, a rule id)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QCoreApplication

from livenon_desk.domain.enums import (
    Answer,
    Decision,
    Disposition,
    MailState,
    ParcelCondition,
    ReturnStatus,
    RuleOutcome,
)
from livenon_desk.domain.roles import Role
from livenon_desk.services.audit import AuditRow
from livenon_desk.views.formatting import format_date, format_money
from livenon_desk.views.labels import (
    answer_texts,
    decision_texts,
    disposition_texts,
    document_texts,
    mail_state_texts,
    outcome_texts,
    parcel_condition_texts,
    record_kind_texts,
    role_texts,
    status_texts,
)

_WRONG_PASSWORDS = re.compile(r"^(\d+) wrong passwords$")
_HIDDEN = {"uuid", "rma", "rma_number", "photos_sha256"}


def field_labels() -> dict[str, str]:
    return {
        "status": QCoreApplication.translate("RecordWords", "Status"),
        "decision": QCoreApplication.translate("RecordWords", "Decision"),
        "rules": QCoreApplication.translate("RecordWords", "Deciding rules"),
        "policy": QCoreApplication.translate("RecordWords", "Policy"),
        "policy_version": QCoreApplication.translate("RecordWords", "Policy"),
        "tag": QCoreApplication.translate("RecordWords", "Tag"),
        "tag_code": QCoreApplication.translate("RecordWords", "Tag"),
        "cartons": QCoreApplication.translate("RecordWords", "Cartons counted"),
        "document": QCoreApplication.translate("RecordWords", "Document"),
        "language": QCoreApplication.translate("RecordWords", "Language"),
        "role": QCoreApplication.translate("RecordWords", "Role"),
        "returns": QCoreApplication.translate("RecordWords", "Returns"),
        "customers": QCoreApplication.translate("RecordWords", "Customers"),
        "photos": QCoreApplication.translate("RecordWords", "Photos"),
        "orders": QCoreApplication.translate("RecordWords", "Orders"),
        "days": QCoreApplication.translate("RecordWords", "Closed for more than (days)"),
        "skipped": QCoreApplication.translate("RecordWords", "Skipped"),
        "received_at": QCoreApplication.translate("RecordWords", "Arrived"),
        "received_by": QCoreApplication.translate("RecordWords", "Received by"),
        "carrier": QCoreApplication.translate("RecordWords", "Carrier"),
        "tracking_number": QCoreApplication.translate("RecordWords", "Tracking number"),
        "parcel_condition": QCoreApplication.translate("RecordWords", "Parcel condition"),
        "returned_goods_marked": QCoreApplication.translate(
            "RecordWords", "Marked \u201cReturned Goods\u201d"),
        "lines": QCoreApplication.translate("RecordWords", "Cartons received"),
        "inspector": QCoreApplication.translate("RecordWords", "Inspector"),
        "started_at": QCoreApplication.translate("RecordWords", "Started"),
        "finished_at": QCoreApplication.translate("RecordWords", "Finished"),
        "checklist": QCoreApplication.translate("RecordWords", "Checklist"),
        "notes": QCoreApplication.translate("RecordWords", "Notes"),
        "rule_results": QCoreApplication.translate("RecordWords", "Rule by rule"),
        "disposition": QCoreApplication.translate("RecordWords", "Disposition"),
        "reason": QCoreApplication.translate("RecordWords", "Reason"),
        "by": QCoreApplication.translate("RecordWords", "By"),
        "at": QCoreApplication.translate("RecordWords", "When"),
        "file_name": QCoreApplication.translate("RecordWords", "File"),
        "refund": QCoreApplication.translate("RecordWords", "Refund recommended"),
        "media_type": QCoreApplication.translate("RecordWords", "File type"),
        "answer": QCoreApplication.translate("RecordWords", "Answer"),
        "return": QCoreApplication.translate("RecordWords", "Return"),
        "message_id": QCoreApplication.translate("RecordWords", "Message-ID"),
        "sha256": QCoreApplication.translate("RecordWords", "SHA-256"),
        "size": QCoreApplication.translate("RecordWords", "Bytes"),
        "attachments": QCoreApplication.translate("RecordWords", "Attachments"),
        "attempts": QCoreApplication.translate("RecordWords", "Attempts"),
        "retry": QCoreApplication.translate("RecordWords", "Sent again after an unknown outcome"),
        "order_number": QCoreApplication.translate("RecordWords", "Order"),
        "state": QCoreApplication.translate("RecordWords", "State"),
    }


def field_label(name: str) -> str:
    return field_labels().get(name, name.replace("_", " "))


def _enum_word(texts: Mapping[Any, str], kind: Callable[[str], Any], value: str) -> str:
    try:
        return texts[kind(value)]
    except (ValueError, KeyError):
        return value


def _yes_no(value: object) -> str:
    if value is None:
        return "—"
    if value:
        return QCoreApplication.translate("RecordWords", "Yes")
    return QCoreApplication.translate("RecordWords", "No")


def _language(code: str) -> str:
    return {
        "en": QCoreApplication.translate("RecordWords", "English"),
        "zh": QCoreApplication.translate("RecordWords", "Chinese"),
    }.get(code, code)


def _rule_results(value: list[Any]) -> str:
    outcomes = outcome_texts()
    parts = []
    for result in value:
        if isinstance(result, dict) and "rule_id" in result:
            outcome = _enum_word(outcomes, RuleOutcome, str(result.get("outcome", "")))
            parts.append(f"{result['rule_id']} {outcome}")
    return ", ".join(parts) or "—"


def _checklist(value: dict[str, Any]) -> str:
    answers = answer_texts()
    return ", ".join(f"{item}: {_enum_word(answers, Answer, str(answer))}"
                     for item, answer in value.items()) or "—"


def _lines(value: list[Any]) -> str:
    return ", ".join(f"{ln.get('tag_code', '')}: {ln.get('cartons_received', '')}"
                     for ln in value if isinstance(ln, dict)) or "—"


def _refund(value: dict[str, Any]) -> str:
    """"USD 1,299.00 (T1, P6)", less "P7 USD 129.90" for each deduction."""
    currency = str(value.get("currency", ""))
    try:
        def money(raw: object) -> str:
            return format_money(Decimal(str(raw)), currency)

        amount = money(value.get("amount"))
        deductions = [f"{d.get('rule_id', '')} \u2212{money(d.get('amount'))}"
                      for d in value.get("deductions") or [] if isinstance(d, dict)]
    except (InvalidOperation, ValueError):
        return "—"
    rules = ", ".join(str(r) for r in value.get("rule_ids") or [])
    parts = [amount, *deductions]
    return " ".join(parts) + (f" ({rules})" if rules else "")


def field_value(name: str, value: Any) -> str:
    """One stored value in the reader's words."""
    if value is None or value == "" or value == []:
        return "—"
    words: dict[str, Callable[[Any], str]] = {
        "status": lambda v: _enum_word(status_texts(), ReturnStatus, str(v)),
        "decision": lambda v: _enum_word(decision_texts(), Decision, str(v)),
        "disposition": lambda v: _enum_word(disposition_texts(), Disposition, str(v)),
        "parcel_condition": lambda v: _enum_word(parcel_condition_texts(), ParcelCondition,
                                                 str(v)),
        "role": lambda v: _enum_word(role_texts(), Role, str(v)),
        "document": lambda v: document_texts().get(str(v), str(v)),
        "language": lambda v: _language(str(v)),
        "rules": lambda v: ", ".join(str(r) for r in v) if isinstance(v, list) else str(v),
        "rule_results": lambda v: _rule_results(v) if isinstance(v, list) else str(v),
        "checklist": lambda v: _checklist(v) if isinstance(v, dict) else str(v),
        "lines": lambda v: _lines(v) if isinstance(v, list) else str(v),
        "photos": lambda v: str(len(v)) if isinstance(v, list) else str(v),
        "returned_goods_marked": _yes_no,
        "refund": lambda v: _refund(v) if isinstance(v, dict) else str(v),
        "answer": lambda v: {
            "instructions": QCoreApplication.translate("RecordWords", "return instructions"),
            "refusal": QCoreApplication.translate("RecordWords", "refusal citing the rule"),
        }.get(str(v), str(v)),
        "state": lambda v: _enum_word(mail_state_texts(), MailState, str(v)),
    }
    if name in words:
        return words[name](value)
    if name.endswith("_at") or name == "at":
        try:
            return format_date(datetime.fromisoformat(str(value)))
        except ValueError:
            return str(value)
    if isinstance(value, bool):
        return _yes_no(value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)


def visible_fields(values: Mapping[str, Any]) -> list[str]:
    """The fields worth a person's eye: not the keys the desk files a record under."""
    return [name for name in values if name not in _HIDDEN]


def audit_record_text(row: AuditRow) -> str:
    """"Inspection RMA-2026-000123 · TAG-…", "Return RMA-…", "User inspector"."""
    kind = record_kind_texts().get(row.entity_kind or "", row.entity_kind or "")
    name = row.record
    if row.entity_kind == "batch" and row.entity_key:
        name = document_texts().get(row.entity_key, row.entity_key)
    return " ".join(p for p in (kind, name) if p)


def _detail(row: AuditRow) -> str:
    detail = row.detail or ""
    if row.action == "signed_in":
        return {
            "online": QCoreApplication.translate(
                "RecordWords", "password checked by the central server"),
            "offline": QCoreApplication.translate(
                "RecordWords", "password checked at this desk (offline)"),
        }.get(detail, detail)
    match = _WRONG_PASSWORDS.match(detail)
    if match:
        return QCoreApplication.translate("RecordWords", "{n} wrong passwords").format(
            n=match.group(1))
    if detail and row.action in ("overridden", "closed_short"):
        return QCoreApplication.translate("RecordWords", "Reason: {text}").format(text=detail)
    return detail


def audit_change_text(row: AuditRow) -> str:
    """What changed, in words: "Status: In transit → Received; …"."""
    before = row.before or {}
    after = row.after or {}
    parts = []
    for name in visible_fields({**before, **after}):
        label = field_label(name)
        if name in before and name in after:
            parts.append(f"{label}: {field_value(name, before[name])} \u2192 "
                         f"{field_value(name, after[name])}")
        elif name in after:
            parts.append(f"{label}: {field_value(name, after[name])}")
        else:
            parts.append(f"{label}: {field_value(name, before[name])} \u2192 —")
    detail = _detail(row)
    if detail:
        parts.append(detail)
    return "; ".join(parts)
