"""Who may do what at the desk: roles, the actions they allow, and the person acting."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from livenon_desk.errors import PermissionDeniedError


class Role(StrEnum):
    INSPECTOR = "inspector"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class Action(StrEnum):
    LOOK_UP = "look_up"
    RECEIVE = "receive"
    INSPECT = "inspect"
    PRINT = "print"
    OVERRIDE = "override"
    CLOSE_SHORT = "close_short"
    APPROVE_REFUND = "approve_refund"
    VIEW_AUDIT = "view_audit"
    ADMINISTER = "administer"


_INSPECTOR = frozenset({Action.LOOK_UP, Action.RECEIVE, Action.INSPECT, Action.PRINT})
_SUPERVISOR = _INSPECTOR | {
    Action.OVERRIDE, Action.CLOSE_SHORT, Action.APPROVE_REFUND, Action.VIEW_AUDIT
}
ALLOWED: dict[Role, frozenset[Action]] = {
    Role.INSPECTOR: _INSPECTOR,
    Role.SUPERVISOR: frozenset(_SUPERVISOR),
    Role.ADMIN: frozenset(_SUPERVISOR | {Action.ADMINISTER}),
}

_ROLE_ZH = {Role.INSPECTOR: "检验员", Role.SUPERVISOR: "主管", Role.ADMIN: "管理员"}
_ACTION_TEXT = {
    Action.LOOK_UP: ("look up returns", "查询退货"),
    Action.RECEIVE: ("receive parcels", "收货"),
    Action.INSPECT: ("inspect returns", "检验退货"),
    Action.PRINT: ("print documents", "打印单据"),
    Action.OVERRIDE: ("override a decision", "推翻判定"),
    Action.CLOSE_SHORT: ("close a receipt short", "缺件结单"),
    Action.APPROVE_REFUND: ("approve refunds", "批准退款"),
    Action.VIEW_AUDIT: ("see the audit trail", "查看审计记录"),
    Action.ADMINISTER: ("change settings and users", "更改设置和用户"),
}


def role_label(role: Role, language: str = "en") -> str:
    return _ROLE_ZH[role] if language.startswith("zh") else role.value


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
        en, zh = _ACTION_TEXT[action]
        raise PermissionDeniedError(
            f"{self.name} is signed in as {self.role.value} and may not {en}; "
            "ask a supervisor.",
            f"{self.name} 以{_ROLE_ZH[self.role]}身份登录，无权{zh}；请联系主管。",
        )
