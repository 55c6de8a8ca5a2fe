"""The return policy as data: one versioned TOML file per policy, read and validated once."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from livenon_desk.domain.business_days import BusinessCalendar, check_holiday_calendar
from livenon_desk.domain.enums import Answer, ReasonCategory, RuleOutcome
from livenon_desk.domain.floor_rules import FloorRules, read_floor_rules
from livenon_desk.domain.grading import GradeProposal
from livenon_desk.errors import PolicyError
from livenon_desk.paths import policy_dir

SUPPORTED_SCHEMA = 1
RULE_IDS = ("E1", "E2", "E3", "E4", "E5", "X1", "X2", "X3")
CHECKLIST_RULES = frozenset({"E1", "E3", "E4", "E5"})


# The receipt's own findings that answer a checklist item before the inspector does (E5).
RECEIPT_FIELDS = frozenset({"invoice_enclosed", "return_form_enclosed"})


@dataclass(frozen=True)
class ChecklistItem:
    """One question of the inspector's checklist, with what each answer does to its rule.

    ``found_en``/``found_zh`` say what a "no" means was found ("Shows signs of use"), so a
    failed rule reads as a finding, never as a double negative. ``na_allowed`` lets an item
    be answered N/A (accessories of a piece sold without any); elsewhere N/A is REVIEW.
    ``reason_categories`` limits the question to returns of those reasons (empty: every
    return). ``excused_by`` names an item whose "yes" turns this item's "no" into no failure:
    a quality return's damage that matches the report (T1, X3). ``receipt_field`` names the
    receipt's finding that answers the item "no" in advance (E5: "invoice enclosed: no").
    """

    id: str
    rule: str
    question_en: str
    question_zh: str
    on_no: RuleOutcome
    photo_required_on_no: bool = False
    found_en: str = ""
    found_zh: str = ""
    na_allowed: bool = False
    photo_required_on_yes: bool = False
    reason_categories: frozenset[ReasonCategory] = frozenset()
    excused_by: str | None = None
    receipt_field: str | None = None

    def asked_for(self, category: ReasonCategory | None) -> bool:
        """Whether the item is on the checklist of a return of this reason category."""
        return not self.reason_categories or category in self.reason_categories


@dataclass(frozen=True)
class RefundRules:
    """P7/T2 deductions for personal-reason returns, T1 for quality ones."""

    personal_deduct_prepaid_label: bool
    estimated_rate_domestic: Decimal
    estimated_rate_cross_border: Decimal
    max_rate: Decimal
    notify_customer: bool
    quality_deduct_prepaid_label: bool


@dataclass(frozen=True)
class Policy:
    version: str
    effective_date: date
    title: str
    time_zone: ZoneInfo
    calendar: BusinessCalendar
    e2_window_days: int
    instructions_target_bd: int
    instructions_deadline_bd: int
    inspection_target_bd: int
    inspection_deadline_bd: int
    refund_min_days: int
    refund_max_days: int
    refund: RefundRules
    checklist: tuple[ChecklistItem, ...]
    # After the decision (issue 17): grades, grading, routing, zones and bins, weight check.
    floor: FloorRules

    def local_date(self, moment: datetime) -> date:
        """The calendar day of ``moment`` in the warehouse's time zone (E2, P2, P5)."""
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise ValueError("naive datetime: the warehouse day of an unzoned time is unknown")
        return moment.astimezone(self.time_zone).date()

    def items_for(
        self, rule_id: str, category: ReasonCategory | None = None
    ) -> tuple[ChecklistItem, ...]:
        return tuple(item for item in self.checklist
                     if item.rule == rule_id and item.asked_for(category))

    def checklist_for(self, category: ReasonCategory | None) -> tuple[ChecklistItem, ...]:
        """The questions asked for a return of this reason category, in the file's order."""
        return tuple(item for item in self.checklist if item.asked_for(category))

    def item(self, item_id: str) -> ChecklistItem | None:
        return next((item for item in self.checklist if item.id == item_id), None)

    def proposed_grade(self, answers: Mapping[str, Answer],
                       category: ReasonCategory | None) -> GradeProposal:
        """The grade the answers to this return's checklist lead to (G1...); answers to
        items not asked of its reason category count for nothing."""
        asked = {item.id for item in self.checklist_for(category)}
        return self.floor.grading.propose({k: v for k, v in answers.items() if k in asked})


class _Reader:
    """Typed access to the parsed TOML that names the file and key in every error."""

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        self.data = data

    def fail(self, key: str, problem: str) -> PolicyError:
        return PolicyError(
            "error.policy-key",
            name=self.path.name,
            key=key,
            problem=problem,
        )

    def get(self, key: str, kind: type | tuple[type, ...]) -> Any:
        node: Any = self.data
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise self.fail(key, "is missing")
            node = node[part]
        if isinstance(node, bool) and kind is int:
            raise self.fail(key, "must be a whole number")
        if not isinstance(node, kind):
            raise self.fail(key, f"has the wrong type ({type(node).__name__})")
        return node

    def days(self, key: str) -> int:
        value: int = self.get(key, int)
        if value < 0:
            raise self.fail(key, "must not be negative")
        return value

    def rate(self, key: str) -> Decimal:
        value = self.get(key, (int, float, str))
        try:
            rate = Decimal(str(value))
        except InvalidOperation:
            raise self.fail(key, "is not a number") from None
        if not Decimal(0) <= rate <= Decimal(1):
            raise self.fail(key, "must be between 0 and 1")
        return rate


def load_policy(path: Path) -> Policy:
    """Read and validate one policy file; any problem is a ``PolicyError`` naming the key."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise PolicyError(
            "error.policy-unreadable",
            path=path,
            why=exc.strerror,
        ) from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise PolicyError("error.policy-not-toml", name=path.name, exc=exc) from exc
    r = _Reader(path, data)
    if r.get("schema", int) != SUPPORTED_SCHEMA:
        raise r.fail("schema", f"must be {SUPPORTED_SCHEMA}")
    zone_name = r.get("warehouse.time_zone", str)
    try:
        zone = ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise r.fail("warehouse.time_zone", f"names an unknown time zone {zone_name!r}") from None
    weekend = r.get("calendar.weekend", list)
    if not all(isinstance(d, int) and 1 <= d <= 7 for d in weekend) or len(set(weekend)) >= 7:
        raise r.fail("calendar.weekend", "must list weekdays 1-7, leaving at least one working")
    closures = r.get("calendar.closures", list)
    if not all(isinstance(d, date) and not isinstance(d, datetime) for d in closures):
        raise r.fail("calendar.closures", "must list dates (YYYY-MM-DD)")
    public = r.get("calendar.holiday_calendars", list)
    for code in public:
        if not isinstance(code, str):
            raise r.fail("calendar.holiday_calendars", "must list calendar names (\"US\")")
        try:
            check_holiday_calendar(code)
        except ValueError as exc:
            raise r.fail("calendar.holiday_calendars", str(exc)) from None
    effective = r.get("effective_date", date)
    if isinstance(effective, datetime):
        raise r.fail("effective_date", "must be a date, not a date and time")
    checklist = _checklist(r)
    return Policy(
        version=r.get("version", str),
        effective_date=effective,
        title=r.get("title", str),
        time_zone=zone,
        calendar=BusinessCalendar(frozenset(weekend), frozenset(closures), tuple(public)),
        e2_window_days=r.days("rules.E2.window_days"),
        instructions_target_bd=r.days("deadlines.instructions_target_business_days"),
        instructions_deadline_bd=r.days("deadlines.instructions_deadline_business_days"),
        inspection_target_bd=r.days("deadlines.inspection_target_business_days"),
        inspection_deadline_bd=r.days("deadlines.inspection_deadline_business_days"),
        refund_min_days=r.days("deadlines.refund_min_days"),
        refund_max_days=r.days("deadlines.refund_max_days"),
        refund=RefundRules(
            personal_deduct_prepaid_label=r.get("refund.personal.deduct_prepaid_label", bool),
            estimated_rate_domestic=r.rate("refund.personal.estimated_rate_domestic"),
            estimated_rate_cross_border=r.rate("refund.personal.estimated_rate_cross_border"),
            max_rate=r.rate("refund.personal.max_rate"),
            notify_customer=r.get("refund.personal.notify_customer", bool),
            quality_deduct_prepaid_label=r.get("refund.quality.deduct_prepaid_label", bool),
        ),
        checklist=checklist,
        floor=read_floor_rules(r, frozenset(item.id for item in checklist)),
    )


def _checklist(r: _Reader) -> tuple[ChecklistItem, ...]:
    items = []
    seen: set[str] = set()
    for n, raw in enumerate(r.get("checklist", list), start=1):
        key = f"checklist[{n}]"
        if not isinstance(raw, dict):
            raise r.fail(key, "must be a table")
        item_id = _Reader(r.path, raw).get("id", str)
        if item_id in seen:
            raise r.fail(f"{key}.id", f"repeats {item_id!r}")
        seen.add(item_id)
        items.append(_checklist_item(r, key, raw))
    for n, item in enumerate(items, start=1):
        if item.excused_by is not None and item.excused_by not in seen:
            raise r.fail(f"checklist[{n}].excused_by",
                         f"names {item.excused_by!r}, which is not a checklist item")
    return tuple(items)


def _checklist_item(r: _Reader, key: str, raw: dict[str, Any]) -> ChecklistItem:
    """One ``[[checklist]]`` table, each of its keys checked; ``key`` names it in errors."""
    item_reader = _Reader(r.path, raw)
    item_id = item_reader.get("id", str)
    rule = item_reader.get("rule", str)
    if rule not in CHECKLIST_RULES:
        raise r.fail(f"{key}.rule", f"must be one of {sorted(CHECKLIST_RULES)}, not {rule!r}")
    on_no = item_reader.get("on_no", str)
    if on_no not in (RuleOutcome.FAIL, RuleOutcome.REVIEW):
        raise r.fail(f"{key}.on_no", f"must be 'fail' or 'review', not {on_no!r}")
    flags = {name: raw.get(name, False) for name in
             ("photo_required_on_no", "photo_required_on_yes", "na_allowed")}
    for name, value in flags.items():
        if not isinstance(value, bool):
            raise r.fail(f"{key}.{name}", "must be true or false")
    categories = raw.get("reason_categories", [])
    known = {c.value for c in ReasonCategory}
    if not isinstance(categories, list) or not all(c in known for c in categories):
        raise r.fail(f"{key}.reason_categories", f"must list some of {sorted(known)}")
    receipt_field = raw.get("receipt_field")
    if receipt_field is not None and receipt_field not in RECEIPT_FIELDS:
        raise r.fail(f"{key}.receipt_field",
                     f"must be one of {sorted(RECEIPT_FIELDS)}, not {receipt_field!r}")
    excused_by = raw.get("excused_by")
    if excused_by is not None and not isinstance(excused_by, str):
        raise r.fail(f"{key}.excused_by", "must name a checklist item")
    return ChecklistItem(
        id=item_id,
        rule=rule,
        question_en=item_reader.get("question_en", str),
        question_zh=item_reader.get("question_zh", str),
        on_no=RuleOutcome(on_no),
        photo_required_on_no=flags["photo_required_on_no"],
        found_en=item_reader.get("found_en", str),
        found_zh=item_reader.get("found_zh", str),
        na_allowed=flags["na_allowed"],
        photo_required_on_yes=flags["photo_required_on_yes"],
        reason_categories=frozenset(ReasonCategory(c) for c in categories),
        excused_by=excused_by,
        receipt_field=receipt_field,
    )


@dataclass(frozen=True)
class PolicySet:
    policies: tuple[Policy, ...]

    def in_effect(self, on: date) -> Policy:
        """The latest policy whose effective date is on or before ``on``."""
        candidates = [p for p in self.policies if p.effective_date <= on]
        if not candidates:
            raise PolicyError("error.no-policy-in-effect", day=on.isoformat())
        return max(candidates, key=lambda p: p.effective_date)

    def for_application(self, applied_at: datetime) -> Policy:
        """The policy a return is judged by: the one in effect on the warehouse's day of
        its application.

        A return applied for before the first policy took effect gets the first policy:
        its calendar, checklist and documents serve, and ``evaluate_line`` makes its
        decision REVIEW, saying that no policy was in effect.
        """
        day = self.latest.local_date(applied_at)
        if day < self.first.effective_date:
            return self.first
        return self.in_effect(day)

    @property
    def first(self) -> Policy:
        return min(self.policies, key=lambda p: p.effective_date)

    @property
    def latest(self) -> Policy:
        return max(self.policies, key=lambda p: p.effective_date)

    def version(self, version: str) -> Policy:
        for policy in self.policies:
            if policy.version == version:
                return policy
        raise PolicyError("error.policy-version-missing", version=version)


def load_policies(folder: Path) -> PolicySet:
    """Every ``*.toml`` policy in ``folder``; two files with one version are refused."""
    policies = [load_policy(p) for p in sorted(folder.glob("*.toml"))]
    if not policies:
        raise PolicyError("error.no-policy-file", folder=folder)
    versions = [p.version for p in policies]
    for version in versions:
        if versions.count(version) > 1:
            raise PolicyError(
                "error.policy-version-twice",
                folder=folder,
                version=version,
            )
    return PolicySet(tuple(policies))


@cache
def default_policies() -> PolicySet:
    """The policies shipped in ``resources/policy``."""
    return load_policies(policy_dir())
