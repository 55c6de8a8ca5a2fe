"""Routing rules as data: grade, reason (T1/T2), decision and value decide where a unit goes.

The policy file lists the rules in order (``R1``...); the first whose conditions all hold
gives the unit's disposition and the zone it is put away in, and its id is kept with the
unit so that a supervisor can see why. The last rule has no conditions, so every unit has
a route. A rule without a disposition holds the unit until a person decides.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from livenon_desk.domain.enums import Decision, Disposition, ReasonCategory


@dataclass(frozen=True)
class RouteFacts:
    """What routing looks at: the unit's grade, its return's reason category (T1/T2), its
    line's decision (a supervisor's exception included) and unit price."""

    grade: str
    reason: ReasonCategory
    decision: Decision
    value: Decimal
    currency: str


@dataclass(frozen=True)
class Route:
    disposition: Disposition | None
    zone: str
    rule_id: str


@dataclass(frozen=True)
class RoutingRule:
    id: str
    zone: str
    disposition: Disposition | None = None
    grades: frozenset[str] = frozenset()
    reasons: frozenset[ReasonCategory] = frozenset()
    decisions: frozenset[Decision] = frozenset()
    min_value: Decimal | None = None
    max_value: Decimal | None = None

    @property
    def unconditional(self) -> bool:
        return not (self.grades or self.reasons or self.decisions
                    or self.min_value is not None or self.max_value is not None)

    def holds(self, facts: RouteFacts, currency: str) -> bool:
        if self.grades and facts.grade not in self.grades:
            return False
        if self.reasons and facts.reason not in self.reasons:
            return False
        if self.decisions and facts.decision not in self.decisions:
            return False
        if self.min_value is None and self.max_value is None:
            return True
        if facts.currency.upper() != currency.upper():
            return False
        if self.min_value is not None and facts.value < self.min_value:
            return False
        return self.max_value is None or facts.value < self.max_value


@dataclass(frozen=True)
class Routing:
    """The ordered rules; values in ``currency`` (a line in another meets no value rule)."""

    currency: str
    rules: tuple[RoutingRule, ...]

    def route(self, facts: RouteFacts) -> Route:
        """The first rule that holds (R1...): its disposition, zone and id."""
        for rule in self.rules:
            if rule.holds(facts, self.currency):
                return Route(rule.disposition, rule.zone, rule.id)
        raise AssertionError("the policy's last routing rule holds for every unit")

    def zone_for(self, disposition: Disposition) -> str | None:
        """The zone a disposition's units go to: the first rule that routes there (a
        supervisor's choice of disposition takes the zone the rules give it)."""
        return next((r.zone for r in self.rules if r.disposition is disposition), None)
