"""A refused action names the person, their role and the action, in the reader's language."""

from __future__ import annotations

import pytest

from livenon_desk.domain.roles import Action, Actor, Role
from livenon_desk.errors import PermissionDeniedError


def test_a_refusal_names_the_role_and_the_action_in_both_languages() -> None:
    with pytest.raises(PermissionDeniedError) as refused:
        Actor("mchen", Role.SUPERVISOR, "Mei Chen").require(Action.ADMINISTER)
    assert refused.value.text("en") == (
        "Mei Chen is signed in as supervisor and may not change settings and users; "
        "ask a supervisor.")
    assert refused.value.text("zh") == "Mei Chen 以主管身份登录，无权更改设置和用户；请联系主管。"


def test_an_administrator_may_do_everything() -> None:
    admin = Actor("root", Role.ADMIN)
    for action in Action:
        admin.require(action)
