"""How the command line prints returns: aligned text for people, JSON for scripts."""

from __future__ import annotations

import dataclasses
import enum
import json
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from livenon_desk.catalogue import Localized, Message, text

if TYPE_CHECKING:
    from livenon_desk.services.dto import LookupMatch, ReturnDetail

_OUTCOME_MARK = {"pass": "PASS", "fail": "FAIL", "review": "REVIEW", "pending": "PENDING"}


def to_jsonable(value: Any) -> Any:
    """Dataclasses, enums, dates and Decimals as plain JSON values (money as strings); a
    field in words (a rule's reason, a deduction's label) in both languages, as
    ``reason_en`` and ``reason_zh``."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {}
        for f in dataclasses.fields(value):
            field = getattr(value, f.name)
            if isinstance(field, Message | Localized):
                out[f"{f.name}_en"] = field.text("en")
                out[f"{f.name}_zh"] = field.text("zh")
            else:
                out[f.name] = to_jsonable(field)
        return out
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    return value


def dumps(value: Any) -> str:
    return json.dumps(to_jsonable(value), ensure_ascii=False, indent=2)


def lookup_text(matches: Sequence[LookupMatch]) -> str:
    header = ("RMA", "ORDER", "CUSTOMER", "STATUS", "MATCHED BY", "APPLIED")
    rows = [
        (
            m.row.rma_number,
            m.row.order_number,
            m.row.customer_name,
            m.row.status.value,
            m.matched_by.value,
            m.row.applied_at.date().isoformat(),
        )
        for m in matches
    ]
    return table(header, rows)


def _width(text: str) -> int:
    """Columns a terminal gives ``text``: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def table(header: Sequence[str] | None, rows: Sequence[Sequence[str]]) -> str:
    """The rows (under ``header``, if any) in columns as wide as their widest cell."""
    lines_in = [header, *rows] if header is not None else list(rows)
    widths = [max(_width(str(r[i])) for r in lines_in) for i in range(len(lines_in[0]))]
    lines = [
        "  ".join(str(c) + " " * (w - _width(str(c))) for c, w in zip(r, widths, strict=True))
        .rstrip()
        for r in lines_in
    ]
    return "\n".join(lines)


def explanation_text(detail: ReturnDetail, language: str = "en") -> str:
    zh = language.startswith("zh")
    out = [
        f"{detail.rma_number}  order {detail.order_number}  status {detail.status.value}  "
        f"reason {detail.reason_code.value} ({detail.reason_category.value})",
        f"customer {detail.customer_name}  payment {detail.payment_display}",
    ]
    if detail.restricted:
        out.append(f"RESTRICTED: {detail.restricted_reason or ''}".rstrip())
    if detail.instructions_deadline:
        out.append(text("cli.instructions-due", language, target=detail.instructions_target,
                        deadline=detail.instructions_deadline,
                        overdue=_overdue(detail.instructions_overdue, language)))
    if detail.inspection_deadline:
        out.append(text("cli.inspection-due", language, target=detail.inspection_target,
                        deadline=detail.inspection_deadline,
                        overdue=_overdue(detail.inspection_overdue, language)))
    for n, line in enumerate(detail.lines, start=1):
        name = (line.product_name_zh if zh and line.product_name_zh else line.product_name_en)
        out.append("")
        out.append(
            f"line {n}  {line.sku}  {name}  x{line.quantity}  tag {line.tag_code}"
        )
        out.append(f"  decision: {line.decision.value.upper()}  (policy {line.policy_version})")
        for rule in line.rules:
            reason = rule.reason_zh if zh else rule.reason_en
            out.append(f"  {rule.rule_id:<3} {_OUTCOME_MARK[rule.outcome.value]:<7} {reason}")
        if line.refund_deadline is not None:
            out.append("  " + text("cli.refund-due", language, start=line.refund_target,
                                   end=line.refund_deadline,
                                   overdue=_overdue(line.refund_overdue, language)))
        if line.refund is not None:
            r = line.refund
            out.append(f"  refund: {r.currency} {r.price_paid}")
            for d in r.deductions:
                out.append(f"    - {d.amount} {d.label_zh if zh else d.label_en} ({d.rule_id})")
            out.append(f"    = {r.currency} {r.amount}")
            if r.return_deductions:
                out.append(f"    {r.explanation_zh if zh else r.explanation_en}")
    if detail.refund is not None:
        r = detail.refund
        out.append("")
        # One label, one deduction: the return's refund, each deduction taken once.
        out.append(text("cli.return-refund", language,
                        explanation=r.explanation_zh if zh else r.explanation_en))
    return "\n".join(out)


def _overdue(overdue: bool, language: str) -> str:
    """The flag after a deadline that has passed, two spaces from it."""
    return "  " + text("cli.overdue", language) if overdue else ""
