from __future__ import annotations

import gc
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from livenon_desk.domain.enums import (
    Decision,
    LabelType,
    PaymentMethod,
    ReasonCode,
    ReturnStatus,
    RuleOutcome,
)
from livenon_desk.domain.policy import default_policies
from livenon_desk.errors import NotFoundError
from livenon_desk.services.dto import CodeKind, LineView, ReturnFilter, SortKey
from livenon_desk.services.returns_service import ReturnsService
from livenon_desk.store.database import Store
from livenon_desk.store.opening import open_store
from tests.builders import ALL_YES, NOW, LineSpec, add_return

# 2026-10-15 16:00 in Los Angeles (PDT) is 23:00 UTC: the same local day.
SIGN_OFF = datetime(2026, 10, 15, 23, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "desk.sqlite3")
    yield s
    s.dispose()


@pytest.fixture
def service(store: Store) -> ReturnsService:
    return ReturnsService(store, default_policies(), clock=lambda: NOW)


def _rule(line: LineView, rule_id: str) -> RuleOutcome:
    return next(r.outcome for r in line.rules if r.rule_id == rule_id)


def test_lookup_finds_each_kind_of_code(store: Store, service: ReturnsService) -> None:
    built = add_return(store)
    add_return(store, customer_name="Someone Else")
    for code, kind in [
        (built.rma_number, CodeKind.RMA),
        (built.order_number, CodeKind.ORDER),
        (built.tracking_number, CodeKind.TRACKING),
        (built.tag_codes[0], CodeKind.TAG),
        (f"  {built.rma_number.lower()}\r\n", CodeKind.RMA),
    ]:
        assert code is not None
        matches = service.lookup(code)
        assert [(m.row.rma_number, m.matched_by) for m in matches] == [(built.rma_number, kind)]


def test_lookup_by_text_and_prefix(store: Store, service: ReturnsService) -> None:
    a = add_return(store, customer_name="张伟", email="zhang.wei@example.cn", language="zh")
    b = add_return(store, customer_name="Emily Carter")
    assert [m.row.rma_number for m in service.lookup("张伟")] == [a.rma_number]
    assert [m.matched_by for m in service.lookup("zhang.wei@")] == [CodeKind.TEXT]
    found = {m.row.rma_number for m in service.lookup("RMA-2026")}
    assert {a.rma_number, b.rma_number} <= found
    assert service.lookup("nothing-like-this-anywhere") == []
    assert service.lookup("   ") == []


def test_detail_explains_every_rule_and_masks_payment(
    store: Store, service: ReturnsService
) -> None:
    built = add_return(store, payment_last4="4242", payment_brand="Visa")
    detail = service.detail(built.return_id)
    assert detail.payment_display == "Visa •••• 4242"
    [line] = detail.lines
    assert [r.rule_id for r in line.rules] == ["E1", "E2", "E3", "E4", "E5", "X1", "X2", "X3"]
    assert line.policy_version == "2025.1"
    assert line.decision is Decision.PENDING
    assert all(r.reason_en and r.reason_zh for r in line.rules)


@pytest.mark.parametrize(("days", "outcome"), [(30, RuleOutcome.PASS), (31, RuleOutcome.FAIL)])
def test_e2_counts_days_from_sign_off(
    store: Store, service: ReturnsService, days: int, outcome: RuleOutcome
) -> None:
    built = add_return(
        store, delivered_at=SIGN_OFF, applied_at=SIGN_OFF + timedelta(days=days),
        checklist=ALL_YES,
    )
    [line] = service.detail(built.return_id).lines
    assert _rule(line, "E2") is outcome
    assert line.decision is (Decision.ELIGIBLE if days == 30 else Decision.NOT_ELIGIBLE)


def test_missing_sign_off_needs_review(store: Store, service: ReturnsService) -> None:
    built = add_return(store, delivered_at=None, checklist=ALL_YES)
    [line] = service.detail(built.return_id).lines
    assert _rule(line, "E2") is RuleOutcome.REVIEW
    assert line.decision is Decision.NEEDS_REVIEW
    assert line.refund is None


def test_customized_and_clearance_lines_are_not_eligible(
    store: Store, service: ReturnsService
) -> None:
    built = add_return(store, lines=[
        LineSpec(sku="LVN-TBL-0001", customized=True, customization="engraving: 'J & M'"),
        LineSpec(sku="LVN-CHR-0002", clearance=True),
    ])
    custom, clearance = service.detail(built.return_id).lines
    assert (_rule(custom, "E1"), _rule(custom, "X1")) == (RuleOutcome.FAIL, RuleOutcome.FAIL)
    assert _rule(clearance, "X2") is RuleOutcome.FAIL
    assert custom.decision is clearance.decision is Decision.NOT_ELIGIBLE


def test_eligible_personal_return_recommends_refund_with_deduction(
    store: Store, service: ReturnsService
) -> None:
    built = add_return(
        store, reason=ReasonCode.CHANGED_MIND, label_type=LabelType.PREPAID,
        label_cost_cents=15_000, checklist=ALL_YES,
        lines=[LineSpec(unit_price_cents=100_000, quantity=1)],
    )
    [line] = service.detail(built.return_id).lines
    assert line.decision is Decision.ELIGIBLE
    assert line.refund is not None
    assert line.refund.price_paid == Decimal("1000.00")
    assert [(d.rule_id, d.amount) for d in line.refund.deductions] == [("P7", Decimal("150.00"))]
    assert line.refund.amount == Decimal("850.00")


def test_quality_return_has_no_deduction(store: Store, service: ReturnsService) -> None:
    built = add_return(store, reason=ReasonCode.DEFECTIVE, checklist=ALL_YES)
    [line] = service.detail(built.return_id).lines
    assert line.refund is not None
    assert line.refund.deductions == ()
    assert line.refund.amount == line.refund.price_paid


def test_inspection_deadline_and_overdue(store: Store, service: ReturnsService) -> None:
    # Received Monday 2026-11-16 (LA): P5 target Thu 19th, deadline Mon 23rd; NOW is the 25th.
    received = datetime(2026, 11, 16, 17, 0, tzinfo=UTC)
    built = add_return(store, status=ReturnStatus.RECEIVED, received_at=received)
    detail = service.detail(built.return_id)
    assert (detail.inspection_target, detail.inspection_deadline) == (
        date(2026, 11, 19), date(2026, 11, 23)
    )
    assert detail.inspection_overdue


def test_restricted_return_carries_its_reason(store: Store, service: ReturnsService) -> None:
    built = add_return(store, restricted=True, restricted_reason="Customer objected (IV(3))")
    detail = service.detail(built.return_id)
    assert detail.restricted and detail.restricted_reason == "Customer objected (IV(3))"


def test_paypal_shows_no_digits(store: Store, service: ReturnsService) -> None:
    built = add_return(
        store, payment_method=PaymentMethod.PAYPAL, payment_brand=None, payment_last4=None
    )
    assert service.detail(built.return_id).payment_display == "PayPal"


def test_unknown_return_is_a_known_error(service: ReturnsService) -> None:
    with pytest.raises(NotFoundError):
        service.detail(999_999)
    with pytest.raises(NotFoundError, match="RMA-NOPE"):
        service.detail_by_rma("rma-nope")


def test_count_and_page(store: Store, service: ReturnsService) -> None:
    for _ in range(5):
        add_return(store)
    add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW)
    assert service.count(ReturnFilter()) == 6
    only_received = ReturnFilter(statuses=frozenset({ReturnStatus.RECEIVED}))
    assert service.count(only_received) == 1
    rows = service.page(ReturnFilter(), SortKey.RMA_NUMBER, False, 2, 3)
    assert len(rows) == 3
    assert [r.rma_number for r in rows] == sorted(r.rma_number for r in rows)


def test_detail_gives_its_connection_back(store: Store, service: ReturnsService) -> None:
    """Every read returns its connection to the pool when it ends, not when the collector
    finds the session: a desk opening records all day would otherwise run out of them."""
    rid = add_return(store).return_id
    gc.disable()
    try:
        for _ in range(3):
            service.detail(rid)
            assert store.engine.pool.checkedout() == 0  # type: ignore[attr-defined]
    finally:
        gc.enable()
