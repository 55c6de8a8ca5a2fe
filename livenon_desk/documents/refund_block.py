"""The refund under its arithmetic: price paid, each deduction with its rule id, the refund."""

from __future__ import annotations

from reportlab.platypus import Flowable

from livenon_desk.documents.blocks import gap, para
from livenon_desk.documents.data import Lang, RefundInfo
from livenon_desk.documents.formatting import day, money
from livenon_desk.documents.texts import both, labelled, tr
from livenon_desk.documents.totals import totals


def refund_block(refund: RefundInfo | None, lang: Lang, width: float) -> list[Flowable]:
    """Price paid, each deduction with its rule id, the refund due and when (P6, P7, T2)."""
    if refund is None:
        return [para(tr("refund.none", lang))]
    rows = [(tr("refund.price_paid", lang), money(refund.price_paid))]
    rows += [(f"{tr('refund.less', lang)} {both(d.label_en, d.label_zh, lang)}"
              f"{both(f' ({d.rule_id})', f'（{d.rule_id}）', lang)}",
              f"− {money(d.amount)}") for d in refund.deductions]
    block: list[Flowable] = [
        totals(rows, (tr("refund.amount", lang), money(refund.amount, refund.currency)),
               0.62 * width),
    ]
    notes = []
    if not refund.deductions:
        notes.append(tr("no_deductions", lang))
    if refund.rule_ids:
        notes.append(labelled("refund.rules", lang, ", ".join(refund.rule_ids)))
    if refund.due_by:
        end = day(refund.due_by, lang)
        notes.append(tr("refund.due_between", lang, start=day(refund.due_from, lang), end=end)
                     if refund.due_from else tr("refund.due", lang, end=end))
    if refund.notify_customer and refund.deductions:
        notes.append(tr("refund.notify", lang))
    block += [gap(4), *(para(n, "small") for n in notes)]
    return block
