"""Who may do what at the desk: roles, the actions they allow, and the person acting."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from livenon_desk.catalogue import Message
from livenon_desk.errors import PermissionDeniedError


class Role(StrEnum):
    INSPECTOR = "inspector"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class Action(StrEnum):
    LOOK_UP = "look_up"
    RECEIVE = "receive"
    INSPECT = "inspect"
    PUT_AWAY = "put_away"
    PRINT = "print"
    OVERRIDE = "override"
    CLOSE_SHORT = "close_short"
    APPROVE_REFUND = "approve_refund"
    # P2: answer an email application (create its RMA and send the instructions, or
    # refuse it citing the rule).
    ANSWER_MAIL = "answer_mail"
    VIEW_AUDIT = "view_audit"
    ADMINISTER = "administer"


_INSPECTOR = frozenset({Action.LOOK_UP, Action.RECEIVE, Action.INSPECT, Action.PUT_AWAY,
                        Action.PRINT})
_SUPERVISOR = _INSPECTOR | {
    Action.OVERRIDE, Action.CLOSE_SHORT, Action.APPROVE_REFUND, Action.VIEW_AUDIT,
    Action.ANSWER_MAIL,
}
ALLOWED: dict[Role, frozenset[Action]] = {
    Role.INSPECTOR: _INSPECTOR,
    Role.SUPERVISOR: frozenset(_SUPERVISOR),
    Role.ADMIN: frozenset(_SUPERVISOR | {Action.ADMINISTER}),
}

_ROLE_IDS = {
    Role.INSPECTOR: "role.inspector", Role.SUPERVISOR: "role.supervisor", Role.ADMIN: "role.admin",
}
_ACTION_IDS = {
    Action.LOOK_UP: "action.look-up",
    Action.RECEIVE: "action.receive",
    Action.INSPECT: "action.inspect",
    Action.PUT_AWAY: "action.put-away",
    Action.PRINT: "action.print",
    Action.OVERRIDE: "action.override",
    Action.CLOSE_SHORT: "action.close-short",
    Action.APPROVE_REFUND: "action.approve-refund",
    Action.ANSWER_MAIL: "action.answer-mail",
    Action.VIEW_AUDIT: "action.view-audit",
    Action.ADMINISTER: "action.administer",
}


@dataclass(frozen=True)
class Actor:
    """The signed-in person on whose behalf a service call runs."""

    username: str
    role: Role
    display_name: str = ""

    @property
    def name(self) -> str:
        return self.display_name or self.username

    def may(self, action: Action) -> bool:
        return action in ALLOWED[self.role]

    def require(self, action: Action) -> None:
        """Refuse ``action`` unless this actor's role allows it."""
        if self.may(action):
            return
        raise PermissionDeniedError(
            "error.role-may-not", name=self.name, role=Message.of(_ROLE_IDS[self.role]),
            action=Message.of(_ACTION_IDS[action]))
