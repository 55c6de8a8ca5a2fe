"""The return's life as a state machine; an illegal move is refused here, not in a view."""

from __future__ import annotations

from livenon_desk.domain.enums import ReturnStatus as S
from livenon_desk.errors import IllegalTransitionError

TRANSITIONS: dict[S, frozenset[S]] = {
    # A parcel may arrive before instructions were logged (P4: the customer's own courier).
    S.APPLIED: frozenset({S.INSTRUCTIONS_SENT, S.PARTIALLY_RECEIVED, S.RECEIVED, S.CLOSED}),
    S.INSTRUCTIONS_SENT: frozenset({S.IN_TRANSIT, S.PARTIALLY_RECEIVED, S.RECEIVED, S.CLOSED}),
    S.IN_TRANSIT: frozenset({S.PARTIALLY_RECEIVED, S.RECEIVED}),
    S.PARTIALLY_RECEIVED: frozenset({S.RECEIVED}),
    S.RECEIVED: frozenset({S.INSPECTING}),
    S.INSPECTING: frozenset({S.INSPECTED}),
    S.INSPECTED: frozenset({S.INSPECTING, S.REFUND_APPROVED, S.REFUND_REJECTED}),
    S.REFUND_APPROVED: frozenset({S.CLOSED}),
    S.REFUND_REJECTED: frozenset({S.CLOSED}),
    S.CLOSED: frozenset(),
}

# The work queue's stages: a parcel on its way, and one in the warehouse not yet decided
# (P5 runs from its receipt until its inspection is finished).
AWAITING_RECEIPT = frozenset({S.INSTRUCTIONS_SENT, S.IN_TRANSIT})
AWAITING_INSPECTION = frozenset({S.PARTIALLY_RECEIVED, S.RECEIVED, S.INSPECTING})

_LABELS_ZH: dict[S, str] = {
    S.APPLIED: "已申请",
    S.INSTRUCTIONS_SENT: "已发退货说明",
    S.IN_TRANSIT: "运输中",
    S.PARTIALLY_RECEIVED: "部分收货",
    S.RECEIVED: "已收货",
    S.INSPECTING: "检验中",
    S.INSPECTED: "已检验",
    S.REFUND_APPROVED: "已批准退款",
    S.REFUND_REJECTED: "已拒绝退款",
    S.CLOSED: "已关闭",
}


def status_label(status: S, language: str = "en") -> str:
    """A status in words, for messages that leave the domain."""
    if language.startswith("zh"):
        return _LABELS_ZH[status]
    return status.value.replace("_", " ")


def can_transition(current: S, target: S) -> bool:
    return target in TRANSITIONS[current]


def transition(current: S, target: S) -> S:
    """Return ``target`` if the return may move there from ``current``; refuse otherwise.

    A return that was never shipped may be closed (the customer withdrew); once in the
    warehouse it must be inspected and decided (P5, P6) before it closes.
    """
    if not can_transition(current, target):
        raise IllegalTransitionError(
            f"A return that is {status_label(current)} cannot become {status_label(target)}.",
            f"状态为“{status_label(current, 'zh')}”的退货不能变为“{status_label(target, 'zh')}”。",
        )
    return target
