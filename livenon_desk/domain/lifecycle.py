"""The return's life as a state machine; an illegal move is refused here, not in a view."""

from __future__ import annotations

from livenon_desk.catalogue import Message
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

_STATUS_IDS: dict[S, str] = {
    S.APPLIED: "status.applied",
    S.INSTRUCTIONS_SENT: "status.instructions-sent",
    S.IN_TRANSIT: "status.in-transit",
    S.PARTIALLY_RECEIVED: "status.partially-received",
    S.RECEIVED: "status.received",
    S.INSPECTING: "status.inspecting",
    S.INSPECTED: "status.inspected",
    S.REFUND_APPROVED: "status.refund-approved",
    S.REFUND_REJECTED: "status.refund-rejected",
    S.CLOSED: "status.closed",
}


def status_label(status: S) -> Message:
    """A status in words (put in the reader's language by the caller), for messages that
    leave the domain."""
    return Message.of(_STATUS_IDS[status])


def can_transition(current: S, target: S) -> bool:
    return target in TRANSITIONS[current]


def transition(current: S, target: S) -> S:
    """Return ``target`` if the return may move there from ``current``; refuse otherwise.

    A return that was never shipped may be closed (the customer withdrew); once in the
    warehouse it must be inspected and decided (P5, P6) before it closes.
    """
    if not can_transition(current, target):
        raise IllegalTransitionError(
            "error.illegal-transition", current=status_label(current),
            target=status_label(target))
    return target
