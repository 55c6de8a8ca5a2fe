"""The detail pane's content: one return as simple HTML, explained rule by rule."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from html import escape

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale

from livenon_desk.domain.enums import Decision, RuleOutcome
from livenon_desk.services.dto import LineView, ReturnDetail
from livenon_desk.views.labels import decision_texts, outcome_texts, reason_texts, status_texts

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
 body { font-size: 10pt; }
 h2 { margin: 0 0 2px 0; }
 .muted { color: #5f6368; }
 .banner { background: #fdecea; color: #8c1d18; padding: 6px; }
 .overdue { color: #b3261e; font-weight: bold; }
 table.kv td { padding: 1px 10px 1px 0; vertical-align: top; }
 table.rules td { padding: 2px 8px 2px 0; vertical-align: top; }
 .line { margin-top: 12px; }
</style>
"""


def _t(text: str) -> str:
    return QCoreApplication.translate("DetailPane", text)


def _date(value: date | datetime | None, locale: QLocale) -> str:
    if value is None:
        return "—"
    if isinstance(value, datetime):
        moment = QDateTime.fromSecsSinceEpoch(int(value.timestamp()))
        return locale.toString(moment, QLocale.FormatType.ShortFormat)
    return locale.toString(
        QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat
    )


def _money(amount: Decimal, currency: str, locale: QLocale) -> str:
    return locale.toCurrencyString(float(amount), currency + " ")


def detail_html(detail: ReturnDetail, chinese: bool, locale: QLocale | None = None) -> str:
    """The return, its order and customer, and each line's decision with its reasons."""
    loc = locale or QLocale()
    e = escape
    parts = [_STYLE, f"<h2>{e(detail.rma_number)}</h2>"]
    parts.append(
        f"<div class='muted'>{e(status_texts()[detail.status])} · "
        f"{e(reason_texts()[detail.reason_code])}"
        + (f" — {e(detail.reason_text)}" if detail.reason_text else "")
        + "</div>"
    )
    if detail.restricted:
        parts.append(
            f"<p class='banner'><b>{e(_t('Restricted: read-only.'))}</b> "
            f"{e(detail.restricted_reason or '')}</p>"
        )
    rows = [
        (_t("Order"), f"{e(detail.order_number)} · {_date(detail.placed_at, loc)}"),
        (_t("Customer"), e(detail.customer_name)),
        (_t("Email"), e(detail.customer_email or "—")),
        (_t("Phone"), e(detail.customer_phone or "—")),
        (_t("Payment"), e(detail.payment_display)),
        (_t("Delivered (sign-off)"), _date(detail.delivered_at, loc)),
        (_t("Applied"), _date(detail.applied_at, loc)),
        (
            _t("Carrier"),
            e(" ".join(p for p in (detail.carrier, detail.tracking_number) if p)) or "—",
        ),
        (_t("Received"), _date(detail.received_at, loc)),
    ]
    if detail.shipping_address is not None:
        rows.append((_t("Ship to"), "<br>".join(e(x) for x in detail.shipping_address.lines())))
    if detail.cross_border:
        marked = {
            True: _t("marked “Returned Goods”"),
            False: _t("NOT marked “Returned Goods”"),
            None: _t("“Returned Goods” marking not checked yet"),
        }[detail.returned_goods_marked]
        rows.append((_t("Cross-border (T3)"), e(marked)))
    if detail.inspection_deadline is not None:
        due = (
            f"{_date(detail.inspection_target, loc)} · {_t('deadline')} "
            f"{_date(detail.inspection_deadline, loc)}"
        )
        if detail.inspection_overdue:
            due += f" <span class='overdue'>{e(_t('Overdue'))}</span>"
        rows.append((_t("Inspect by (P5)"), due))
    parts.append(
        "<table class='kv'>"
        + "".join(f"<tr><td class='muted'>{e(k)}</td><td>{v}</td></tr>" for k, v in rows)
        + "</table>"
    )
    for number, line in enumerate(detail.lines, start=1):
        parts.append(_line_html(number, line, detail.currency, chinese, loc))
    return "".join(parts)


def _line_html(number: int, line: LineView, currency: str, chinese: bool, loc: QLocale) -> str:
    e = escape
    name = line.product_name_zh if chinese and line.product_name_zh else line.product_name_en
    colour = DECISION_COLOURS[line.decision]
    out = [
        f"<div class='line'><h3>{number}. {e(name)}</h3>",
        f"<div class='muted'>{e(line.sku)} · ×{line.quantity} · "
        f"{_money(line.unit_price, currency, loc)} · {e(_t('tag'))} {e(line.tag_code)} · "
        f"{e(_t('cartons'))} {line.cartons_received}/{line.cartons_expected}</div>",
        f"<p><b style='color:{colour}'>{e(decision_texts()[line.decision])}</b> "
        f"<span class='muted'>{e(_t('policy'))} {e(line.policy_version)}</span></p>",
        "<table class='rules'>",
    ]
    outcomes = outcome_texts()
    for rule in line.rules:
        reason = rule.reason_zh if chinese else rule.reason_en
        out.append(
            f"<tr><td><b>{e(rule.rule_id)}</b></td>"
            f"<td style='color:{OUTCOME_COLOURS[rule.outcome]}'>{e(outcomes[rule.outcome])}</td>"
            f"<td>{e(reason)}</td></tr>"
        )
    out.append("</table>")
    if line.refund is not None:
        r = line.refund
        steps = [f"{_money(r.price_paid, r.currency, loc)} {e(_t('paid'))}"]
        for rule_id, label_en, label_zh, amount in r.deductions:
            label = label_zh if chinese else label_en
            steps.append(f"− {_money(amount, r.currency, loc)} {e(label)} ({e(rule_id)})")
        steps.append(f"= <b>{_money(r.amount, r.currency, loc)}</b>")
        note = (
            f" <i>{e(_t('Tell the customer of the deduction (P7).'))}</i>"
            if r.notify_customer
            else ""
        )
        out.append(f"<p>{e(_t('Refund recommendation (P6)'))}: {' '.join(steps)}{note}</p>")
    out.append("</div>")
    return "".join(out)
