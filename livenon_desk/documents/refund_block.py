"""The refund under its arithmetic: price paid, each deduction with its rule id, the refund."""

from __future__ import annotations

from decimal import Decimal

from reportlab.platypus import Flowable

from livenon_desk.documents.blocks import gap, para
from livenon_desk.documents.data import Deduction, Lang, Refund
from livenon_desk.documents.formatting import day, money
from livenon_desk.documents.texts import labelled, tr
from livenon_desk.documents.totals import totals


def refund_block(refund: Refund | None, lang: Lang, width: float, *,
                 for_customer: bool = False) -> list[Flowable]:
    """Price paid, each deduction with its rule id, the refund due and when (P6, P7, T2).

    For the customer (the credit note) each deduction is told in plain words (P7) and the
    warehouse's own notes are left out; the paper says when the refund is due itself.
    """
    if refund is None:
        return [para(tr("doc.refund.none", lang))]
    rows = [(tr("doc.refund.price-paid", lang), money(refund.price_paid))]
    rows += [(f"{tr('doc.refund.less', lang)} {d.label.text(lang)}"
              f"{tr('doc.rule-in-brackets', lang, rule=d.rule_id)}{_share(d, lang)}",
              f"− {money(d.amount)}") for d in refund.deductions]
    block: list[Flowable] = [
        totals(rows, (tr("doc.refund.amount", lang), money(refund.amount, refund.currency)),
               0.62 * width),
    ]
    notes = []
    if not refund.deductions:
        notes.append(tr("doc.no-deductions" if "T1" in refund.rule_ids
                        else "doc.no-deductions.personal", lang))
    if for_customer:
        notes += [deduction_words(d, refund, lang) for d in refund.deductions]
    if refund.rule_ids:
        notes.append(labelled("doc.refund.rules", lang, ", ".join(refund.rule_ids)))
    if not for_customer and refund.due_by:
        end = day(refund.due_by, lang)
        notes.append(tr("doc.refund.due-between", lang, start=day(refund.due_from, lang), end=end)
                     if refund.due_from else tr("doc.refund.due", lang, end=end))
    if not for_customer and refund.notify_customer and refund.deductions:
        notes.append(tr("doc.refund.notify", lang))
    block += [gap(4), *(para(n, "small") for n in notes)]
    return block


def deduction_words(d: Deduction, refund: Refund, lang: Lang) -> str:
    """P7: which rule, what for, and the label's actual cost or the estimate with its share
    of the price, in a sentence the customer can check."""
    currency = refund.currency
    if d.label_cost is not None:
        text = tr("doc.deduction.label-cost", lang, cost=money(d.label_cost, currency))
    elif d.estimate_rate is not None:
        text = tr("doc.deduction.estimate", lang, percent=_percent(d.estimate_rate),
                  price=money(refund.price_paid, currency),
                  estimate=money(refund.price_paid * d.estimate_rate, currency))
    else:
        what = d.label.text(lang)
        return tr("doc.deduction.other", lang, what=what[:1].upper() + what[1:], rule=d.rule_id,
                  amount=money(d.amount, currency))
    if d.cap_rate is not None:
        text += (" " if lang == "en" else "") + tr(
            "doc.deduction.capped", lang, percent=_percent(d.cap_rate),
            amount=money(d.amount, currency))
    return text


def _share(d: Deduction, lang: Lang) -> str:
    """A deduction made once for the return and shared out over its lines says so: the
    amount on the row is this line's share, not what the return is charged."""
    if d.return_amount is None:
        return ""
    return (", " if lang == "en" else "，") + tr("doc.deduction.share", lang,
                                                 amount=money(d.return_amount))


def _percent(rate: Decimal) -> str:
    return f"{rate * 100:.0f} %"
