from __future__ import annotations

import itertools

import pytest

from livenon_desk.domain.enums import ReturnStatus
from livenon_desk.domain.lifecycle import TRANSITIONS, can_transition, transition
from livenon_desk.errors import IllegalTransitionError

ALL_PAIRS = list(itertools.product(ReturnStatus, ReturnStatus))
LEGAL = [(a, b) for a, b in ALL_PAIRS if b in TRANSITIONS[a]]
ILLEGAL = [(a, b) for a, b in ALL_PAIRS if b not in TRANSITIONS[a]]


def test_every_status_has_its_transitions_listed() -> None:
    assert set(TRANSITIONS) == set(ReturnStatus)


@pytest.mark.parametrize(("current", "target"), LEGAL)
def test_legal_transitions_pass(current: ReturnStatus, target: ReturnStatus) -> None:
    assert transition(current, target) is target
    assert can_transition(current, target)


@pytest.mark.parametrize(("current", "target"), ILLEGAL)
def test_every_illegal_transition_is_refused(current: ReturnStatus, target: ReturnStatus) -> None:
    with pytest.raises(IllegalTransitionError) as refused:
        transition(current, target)
    assert refused.value.message.startswith("A return that is ")
    assert "不能变为" in refused.value.message_zh


def test_the_happy_path_reaches_closed() -> None:
    path = [ReturnStatus.APPLIED, ReturnStatus.INSTRUCTIONS_SENT, ReturnStatus.IN_TRANSIT,
            ReturnStatus.RECEIVED, ReturnStatus.INSPECTING, ReturnStatus.INSPECTED,
            ReturnStatus.REFUND_APPROVED, ReturnStatus.CLOSED]
    for current, target in itertools.pairwise(path):
        transition(current, target)


def test_a_received_return_cannot_skip_inspection() -> None:
    with pytest.raises(IllegalTransitionError):
        transition(ReturnStatus.RECEIVED, ReturnStatus.REFUND_APPROVED)
    assert not can_transition(ReturnStatus.CLOSED, ReturnStatus.APPLIED)
