"""The detail pane's content: one return as simple HTML, explained rule by rule."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from html import escape
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QLocale

from livenon_desk.domain.enums import Decision, RuleOutcome
from livenon_desk.domain.weighing import kilograms_text
from livenon_desk.services.dto import LineView, Refund, ReturnDetail
from livenon_desk.views.formatting import format_date, format_money
from livenon_desk.views.labels import (
    decision_texts,
    outcome_texts,
    parcel_condition_texts,
    reason_texts,
    status_texts,
)
from livenon_desk.views.unit_html import units_html

OUTCOME_COLOURS = {
    RuleOutcome.PASS: "#1b7f3b",
    RuleOutcome.FAIL: "#b3261e",
    RuleOutcome.REVIEW: "#a15c00",
    RuleOutcome.PENDING: "#5f6368",
}
DECISION_COLOURS = {
    Decision.ELIGIBLE: "#1b7f3b",
    Decision.NOT_ELIGIBLE: "#b3261e",
    Decision.NEEDS_REVIEW: "#a15c00",
    Decision.PENDING: "#5f6368",
}
_STYLE = """
<style>
 h2 { margin: 0 0 2px 0; }
 .muted { color: #5f6368; }
 .banner { background: #fdecea; color: #8c1d18; padding: 6px; }
 .overdue { color: #b3261e; font-weight: bold; }
 table.kv td { padding: 1px 10px 1px 0; vertical-align: top; }
 table.rules td { padding: 2px 8px 2px 0; vertical-align: top; }
 .line { margin-top: 12px; }
</style>
"""


def _date(value: date | datetime | None, locale: QLocale) -> str:
    return format_date(value, locale)


def _money(amount: Decimal, currency: str, locale: QLocale) -> str:
    return format_money(amount, currency, locale)


def _words() -> dict[str, str]:
    """Words used inside the HTML, translated once per rendering."""
    return {
        "restricted": QCoreApplication.translate("DetailPane", "Restricted: read-only."),
        "deadline": QCoreApplication.translate("DetailPane", "deadline"),
        "overdue": QCoreApplication.translate("DetailPane", "Overdue"),
        "tag": QCoreApplication.translate("DetailPane", "tag"),
        "cartons": QCoreApplication.translate("DetailPane", "cartons"),
        "policy": QCoreApplication.translate("DetailPane", "policy"),
        "paid": QCoreApplication.translate("DetailPane", "paid"),
        "tell_deduction": QCoreApplication.translate(
            "DetailPane", "Tell the customer of the deduction (P7)."
        ),
        "refund": QCoreApplication.translate("DetailPane", "Refund recommendation (P6)"),
    }


def detail_html(detail: ReturnDetail, chinese: bool, locale: QLocale | None = None) -> str:
    """The return, its order and customer, and each line's decision with its reasons."""
    loc = locale or QLocale()
    e = escape
    w = _words()
    parts = [_STYLE, f"<h2>{e(detail.rma_number)}</h2>"]
    parts.append(
        f"<div class='muted'>{e(status_texts()[detail.status])} · "
        f"{e(reason_texts()[detail.reason_code])}"
        + (f" — {e(detail.reason_text)}" if detail.reason_text else "")
        + "</div>"
    )
    if detail.restricted:
        parts.append(
            f"<p class='banner'><b>{e(w['restricted'])}</b> {e(detail.restricted_reason or '')}</p>"
        )
    rows = [
        (
            QCoreApplication.translate("DetailPane", "Order"),
            f"{e(detail.order_number)} · {_date(detail.placed_at, loc)}",
        ),
        (QCoreApplication.translate("DetailPane", "Customer"), e(detail.customer_name)),
        (QCoreApplication.translate("DetailPane", "Email"), e(detail.customer_email or "—")),
        (QCoreApplication.translate("DetailPane", "Phone"), e(detail.customer_phone or "—")),
        (QCoreApplication.translate("DetailPane", "Payment"), e(detail.payment_display)),
        (
            QCoreApplication.translate("DetailPane", "Delivered (sign-off)"),
            _date(detail.delivered_at, loc),
        ),
        (QCoreApplication.translate("DetailPane", "Applied"), _date(detail.applied_at, loc)),
        (
            QCoreApplication.translate("DetailPane", "Carrier"),
            e(" ".join(p for p in (detail.carrier, detail.tracking_number) if p)) or "—",
        ),
        (QCoreApplication.translate("DetailPane", "Received"), _received(detail, loc)),
    ]
    if detail.received_at is not None:
        rows.append((QCoreApplication.translate("DetailPane", "Parcel (P3)"), _parcel(detail)))
    if detail.short_closed_reason:
        rows.append((
            QCoreApplication.translate("DetailPane", "Closed short"),
            f"{e(detail.short_closed_reason)} ({e(detail.short_closed_by or '')})",
        ))
    if detail.shipping_address is not None:
        rows.append(
            (
                QCoreApplication.translate("DetailPane", "Ship to"),
                "<br>".join(e(x) for x in detail.shipping_address.lines()),
            )
        )
    if detail.cross_border:
        marked = {
            True: QCoreApplication.translate("DetailPane", "marked “Returned Goods”"),
            False: QCoreApplication.translate("DetailPane", "NOT marked “Returned Goods”"),
            None: QCoreApplication.translate(
                "DetailPane", "“Returned Goods” marking not checked yet"
            ),
        }[detail.returned_goods_marked]
        rows.append((QCoreApplication.translate("DetailPane", "Cross-border (T3)"), e(marked)))
    if detail.instructions_deadline is not None:
        rows.append((QCoreApplication.translate("DetailPane", "Instructions by (P2)"),
                     _instructions(detail, loc)))
    if detail.inspection_deadline is not None:
        due = (
            f"{_date(detail.inspection_target, loc)} · {w['deadline']} "
            f"{_date(detail.inspection_deadline, loc)}"
        )
        if detail.inspection_overdue:
            due += f" <span class='overdue'>{e(w['overdue'])}</span>"
        rows.append((QCoreApplication.translate("DetailPane", "Inspect by (P5)"), due))
    if detail.received_at is not None and detail.cartons_missing:
        parts.append(f"<p class='banner'>{e(_missing_cartons(detail))}</p>")
    parts.append(
        "<table class='kv'>"
        + "".join(f"<tr><td class='muted'>{e(k)}</td><td>{v}</td></tr>" for k, v in rows)
        + "</table>"
    )
    for number, line in enumerate(detail.lines, start=1):
        parts.append(_line_html(number, line, detail.currency, chinese, loc))
    refunded = [line for line in detail.lines if line.refund is not None]
    if detail.refund is not None and len(refunded) > 1:
        parts.append("<div class='line'>" + refund_html(
            detail.refund, chinese, loc,
            QCoreApplication.translate("DetailPane", "Refund of the return (P6)")) + "</div>")
    parts.append(units_html(detail.units, chinese, loc))
    return "".join(parts)


def _instructions(detail: ReturnDetail, loc: QLocale) -> str:
    """P2: the target and deadline; when sent, the day they went; overdue in red."""
    w = _words()
    due = (f"{_date(detail.instructions_target, loc)} · {escape(w['deadline'])} "
           f"{_date(detail.instructions_deadline, loc)}")
    if detail.instructions_sent_at is not None:
        due += " · " + escape(QCoreApplication.translate("DetailPane", "sent {when}").format(
            when=_date(detail.instructions_sent_at, loc)))
    if detail.instructions_overdue:
        due += f" <span class='overdue'>{escape(w['overdue'])}</span>"
    return due


def _line_html(number: int, line: LineView, currency: str, chinese: bool, loc: QLocale) -> str:
    e = escape
    w = _words()
    name = line.product_name_zh if chinese and line.product_name_zh else line.product_name_en
    colour = DECISION_COLOURS[line.decision]
    out = [
        f"<div class='line'><h3>{number}. {e(name)}</h3>",
        f"<div class='muted'>{e(line.sku)} · ×{line.quantity} · "
        f"{_money(line.unit_price, currency, loc)} · {e(w['tag'])} {e(line.tag_code)} · "
        f"{e(w['cartons'])} {line.cartons_received}/{line.cartons_expected}</div>",
        f"<p><b style='color:{colour}'>{e(decision_texts()[line.decision])}</b> "
        f"<span class='muted'>{e(w['policy'])} {e(line.policy_version)}</span></p>",
    ]
    if line.override_by:
        rules_said = decision_texts()[line.rule_decision or Decision.PENDING]
        out.append(
            "<p class='muted'>" + e(QCoreApplication.translate(
                "DetailPane", "Exception approved by {who}: {reason} (the rules decided: {rules})"
            ).format(who=line.override_by, reason=line.override_reason or "",
                     rules=rules_said)) + "</p>")
    if line.inspected_at is not None:
        out.append("<p class='muted'>" + e(QCoreApplication.translate(
            "DetailPane", "Inspected by {who} on {when}").format(
                who=line.inspector or "", when=_date(line.inspected_at, loc))) + "</p>")
    out.append("<table class='rules'>")
    out.append(rule_rows_html(line.rules, chinese))
    out.append("</table>")
    if line.refund is not None:
        out.append(refund_html(line.refund, chinese, loc))
    if line.refund_deadline is not None:
        due = e(QCoreApplication.translate("DetailPane", "Refund due (P6): {start} to {end}")
                .format(start=_date(line.refund_target, loc),
                        end=_date(line.refund_deadline, loc)))
        if line.refund_overdue:
            due += f" <span class='overdue'>{e(w['overdue'])}</span>"
        out.append(f"<p>{due}</p>")
    out.append("</div>")
    return "".join(out)


class RuleLike(Protocol):
    @property
    def rule_id(self) -> str: ...
    @property
    def outcome(self) -> RuleOutcome: ...
    @property
    def reason_en(self) -> str: ...
    @property
    def reason_zh(self) -> str: ...


def rule_rows_html(rules: Iterable[RuleLike], chinese: bool) -> str:
    """One table row per rule: its id, its outcome in colour, and the reason."""
    e = escape
    outcomes = outcome_texts()
    rows = []
    for rule in rules:
        reason = rule.reason_zh if chinese else rule.reason_en
        rows.append(
            f"<tr><td><b>{e(rule.rule_id)}</b></td>"
            f"<td style='color:{OUTCOME_COLOURS[rule.outcome]}'>{e(outcomes[rule.outcome])}</td>"
            f"<td>{e(reason)}</td></tr>"
        )
    return "".join(rows)


def refund_html(r: Refund, chinese: bool, loc: QLocale, title: str | None = None) -> str:
    """The refund recommendation with its arithmetic: paid − deductions = refund. A line's
    share of the return's one deduction says what it is a share of (one label, one
    deduction)."""
    e = escape
    w = _words()
    steps = [f"{_money(r.price_paid, r.currency, loc)} {e(w['paid'])}"]
    for d in r.deductions:
        label = d.label_zh if chinese else d.label_en
        share = ""
        if d.return_amount is not None:
            share = " <span class='muted'>" + e(QCoreApplication.translate(
                "DetailPane", "(this line's share by price of {amount} for the return)").format(
                    amount=_money(d.return_amount, r.currency, loc))) + "</span>"
        steps.append(f"− {_money(d.amount, r.currency, loc)} {e(label)} ({e(d.rule_id)}){share}")
    steps.append(f"= <b>{_money(r.amount, r.currency, loc)}</b>")
    note = f" <i>{e(w['tell_deduction'])}</i>" if r.notify_customer else ""
    rules = f" <span class='muted'>({', '.join(r.rule_ids)})</span>" if r.rule_ids else ""
    return f"<p>{e(title or w['refund'])}: {' '.join(steps)}{note}{rules}</p>"


def _received(detail: ReturnDetail, loc: QLocale) -> str:
    when = _date(detail.received_at, loc)
    if detail.received_by:
        return escape(QCoreApplication.translate("DetailPane", "{when} by {who}").format(
            when=when, who=detail.received_by))
    return when


def _parcel(detail: ReturnDetail) -> str:
    conditions = parcel_condition_texts()
    parts = [conditions[detail.parcel_condition] if detail.parcel_condition else "—"]
    yes_no = {
        True: QCoreApplication.translate("DetailPane", "enclosed"),
        False: QCoreApplication.translate("DetailPane", "missing"),
        None: QCoreApplication.translate("DetailPane", "not checked"),
    }
    parts.append(QCoreApplication.translate("DetailPane", "invoice {state}").format(
        state=yes_no[detail.invoice_enclosed]))
    parts.append(QCoreApplication.translate("DetailPane", "return form {state}").format(
        state=yes_no[detail.return_form_enclosed]))
    if detail.receipt_weight_grams is not None:
        parts.append(QCoreApplication.translate("DetailPane", "weighed {kg} kg").format(
            kg=kilograms_text(detail.receipt_weight_grams)))
        cartons = sum(line.cartons_received for line in detail.lines)
        if cartons > 1:
            # A parcel of one carton is that unit's weighing; a parcel of several is not
            # split between them (see weigh_parcel_of_one).
            parts.append(QCoreApplication.translate(
                "DetailPane", "{n} cartons together: not checked against the catalogue; "
                "weigh each at put-away").format(n=cartons))
    text = escape(" · ".join(parts))
    if detail.receipt_notes:
        text += "<br><i>" + escape(detail.receipt_notes) + "</i>"
    return text


def _missing_cartons(detail: ReturnDetail) -> str:
    missing = ", ".join(
        f"{line.tag_code} {line.cartons_received}/{line.cartons_expected}"
        for line in detail.lines if line.cartons_received < line.cartons_expected)
    return QCoreApplication.translate(
        "DetailPane", "Cartons missing: {what}. Scan each carton as it arrives."
    ).format(what=missing)
