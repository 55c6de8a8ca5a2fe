"""The policy file's rules for after the decision: grades, grading, routing, zones, weight.

Read with the policy (``load_policy``), each key checked and named in errors, so that a
mistyped zone or grade stops the desk at start instead of misrouting a unit.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Protocol

from livenon_desk.domain.bins import Layout, Zone
from livenon_desk.domain.enums import Answer, Decision, Disposition, ReasonCategory
from livenon_desk.domain.grading import Grade, Grading, GradingQuestion
from livenon_desk.domain.routing import Routing, RoutingRule
from livenon_desk.domain.weight_check import WeightTolerance
from livenon_desk.errors import PolicyError


class KeyReader(Protocol):
    """The policy's reader: typed values by dotted key, errors that name the key."""

    def fail(self, key: str, problem: str) -> PolicyError: ...

    def get(self, key: str, kind: type | tuple[type, ...]) -> Any: ...

    def rate(self, key: str) -> Decimal: ...


@dataclass(frozen=True)
class FloorRules:
    grading: Grading
    routing: Routing
    layout: Layout
    weight: WeightTolerance


def read_floor_rules(r: KeyReader, checklist_ids: frozenset[str]) -> FloorRules:
    grading = _grading(r, checklist_ids)
    layout = _layout(r)
    return FloorRules(grading, _routing(r, grading, layout), layout,
                      WeightTolerance(r.rate("weight_check.tolerance_rate"),
                                      _amount(r, "weight_check.tolerance_min_kg")))


def _tables(r: KeyReader, key: str) -> list[tuple[str, dict[str, Any]]]:
    out = []
    for n, raw in enumerate(r.get(key, list), start=1):
        if not isinstance(raw, dict):
            raise r.fail(f"{key}[{n}]", "must be a table")
        out.append((f"{key}[{n}]", raw))
    return out


def _text(r: KeyReader, key: str, raw: dict[str, Any], name: str) -> str:
    value = raw.get(name)
    if not isinstance(value, str) or not value.strip():
        raise r.fail(f"{key}.{name}", "must be a text")
    return value


def _amount(r: KeyReader, key: str, value: Any = None) -> Decimal:
    raw = r.get(key, (int, float)) if value is None else value
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise r.fail(key, "must be a number")
    try:
        amount = Decimal(str(raw))
    except InvalidOperation:  # pragma: no cover - TOML numbers are numbers
        raise r.fail(key, "is not a number") from None
    if amount < 0:
        raise r.fail(key, "must not be negative")
    return amount


def _ids(r: KeyReader, key: str, raw: dict[str, Any], name: str, known: set[str]) -> frozenset[str]:
    value = raw.get(name, [])
    if not isinstance(value, list) or not all(v in known for v in value):
        raise r.fail(f"{key}.{name}", f"must list some of {sorted(known)}")
    return frozenset(value)


def _one_of(r: KeyReader, key: str, raw: dict[str, Any], name: str, known: set[str],
            *, optional: bool = False) -> Any:
    value = raw.get(name)
    if (value is None and optional) or value in known:
        return value
    raise r.fail(f"{key}.{name}", f"must be one of {sorted(known)}")


def _unique_id(r: KeyReader, key: str, raw: dict[str, Any], seen: set[str]) -> str:
    item_id = _text(r, key, raw, "id")
    if item_id in seen:
        raise r.fail(f"{key}.id", f"repeats {item_id!r}")
    seen.add(item_id)
    return item_id


def _grading(r: KeyReader, checklist_ids: frozenset[str]) -> Grading:
    seen: set[str] = set()
    grades = tuple(Grade(_unique_id(r, key, raw, seen), _text(r, key, raw, "label_en"),
                         _text(r, key, raw, "label_zh")) for key, raw in _tables(r, "grades"))
    if not grades:
        raise r.fail("grades", "must list at least one grade")
    grade_ids = {g.id for g in grades}
    questions = []
    seen = set()
    answers = {Answer.YES.value, Answer.NO.value, Answer.NOT_APPLICABLE.value}
    for key, raw in _tables(r, "grading"):
        question_id = _unique_id(r, key, raw, seen)
        item = raw.get("item")
        if item not in checklist_ids:
            raise r.fail(f"{key}.item", f"must name a checklist item, not {item!r}")
        answer = _one_of(r, key, raw, "answer", answers)
        grade = _one_of(r, key, raw, "grade", grade_ids)
        questions.append(GradingQuestion(question_id, item, Answer(answer), grade,
                                         _text(r, key, raw, "reason_en"),
                                         _text(r, key, raw, "reason_zh")))
    return Grading(grades, tuple(questions))


def _routing(r: KeyReader, grading: Grading, layout: Layout) -> Routing:
    grade_ids = {g.id for g in grading.grades}
    zone_ids = {z.id for z in layout.zones}
    dispositions = {d.value for d in Disposition}
    rules = []
    seen: set[str] = set()
    for key, raw in _tables(r, "routing.rules"):
        rule_id = _unique_id(r, key, raw, seen)
        zone = _one_of(r, key, raw, "zone", zone_ids)
        disposition = _one_of(r, key, raw, "disposition", dispositions, optional=True)
        rules.append(RoutingRule(
            id=rule_id, zone=zone,
            disposition=None if disposition is None else Disposition(disposition),
            grades=_ids(r, key, raw, "grades", grade_ids),
            reasons=frozenset(ReasonCategory(c) for c in _ids(
                r, key, raw, "reasons", {c.value for c in ReasonCategory})),
            decisions=frozenset(Decision(d) for d in _ids(
                r, key, raw, "decisions", {d.value for d in Decision})),
            min_value=(None if "min_value" not in raw
                       else _amount(r, f"{key}.min_value", raw["min_value"])),
            max_value=(None if "max_value" not in raw
                       else _amount(r, f"{key}.max_value", raw["max_value"]))))
    if not rules or not rules[-1].unconditional:
        raise r.fail("routing.rules", "must end with a rule without conditions")
    return Routing(r.get("routing.currency", str), tuple(rules))


def _layout(r: KeyReader) -> Layout:
    zones = []
    seen: set[str] = set()
    bins: set[str] = set()
    for key, raw in _tables(r, "zones"):
        zone_id = _unique_id(r, key, raw, seen)
        capacity = raw.get("capacity")
        if isinstance(capacity, bool) or not isinstance(capacity, int) or capacity < 1:
            raise r.fail(f"{key}.capacity", "must be a whole number from 1")
        codes = raw.get("bins")
        if (not isinstance(codes, list) or not codes
                or not all(isinstance(c, str) and c.strip() == c and c for c in codes)):
            raise r.fail(f"{key}.bins", "must list bin codes")
        repeated = bins & set(codes) or (len(set(codes)) < len(codes) and set(codes))
        if repeated:
            raise r.fail(f"{key}.bins", f"repeats {sorted(repeated)[0]!r}")
        bins.update(codes)
        zones.append(Zone(zone_id, _text(r, key, raw, "name_en"), _text(r, key, raw, "name_zh"),
                          capacity, tuple(codes)))
    return Layout(tuple(zones))
