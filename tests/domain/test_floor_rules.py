"""Issue 17: grades, grading questions, routing rules, zones and the weight tolerance are
policy data, read and checked with the policy; each rule gives its id."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from livenon_desk.domain.bins import check_put_away, suggest_bin
from livenon_desk.domain.enums import Answer, Decision, Disposition, ReasonCategory, UnitState
from livenon_desk.domain.policy import default_policies, load_policy
from livenon_desk.domain.routing import RouteFacts
from livenon_desk.domain.units import split_unit_code, unit_code, unit_state
from livenon_desk.errors import PolicyError, ValidationError
from livenon_desk.paths import policy_dir

POLICY = default_policies().latest
FLOOR = POLICY.floor
SHIPPED = next(policy_dir().glob("*.toml"))
YES = {item.id: Answer.YES for item in POLICY.checklist_for(ReasonCategory.PERSONAL)}


def facts(grade: str, *, reason: ReasonCategory = ReasonCategory.PERSONAL,
          decision: Decision = Decision.ELIGIBLE, value: str = "1299",
          currency: str = "USD") -> RouteFacts:
    return RouteFacts(grade, reason, decision, Decimal(value), currency)


def test_the_shipped_policy_names_grades_zones_and_a_tolerance() -> None:
    assert [g.id for g in FLOOR.grading.grades] == ["A", "B", "C", "D"]
    assert FLOOR.grading.grade("B").words.text("zh") == "B：开箱品"  # type: ignore[union-attr]
    assert {z.id for z in FLOOR.layout.zones} >= {"RESTOCK", "REFURBISH", "RTV", "HOLD"}
    assert FLOOR.layout.zone_of_bin("RS-01").id == "RESTOCK"  # type: ignore[union-attr]
    assert FLOOR.weight.allowed(Decimal(50)) == Decimal("5.00")
    assert FLOOR.weight.allowed(Decimal(4)) == Decimal("1.0")  # the minimum holds
    assert FLOOR.routing.rules[-1].unconditional


def test_a_clean_checklist_proposes_the_best_grade_with_no_rule() -> None:
    proposal = FLOOR.grading.propose(YES)
    assert (proposal.grade, proposal.rule_ids) == ("A", ())


def test_the_worst_answer_sets_the_grade_and_names_its_questions() -> None:
    answers = {**YES, "original_packaging": Answer.NO, "unused": Answer.NO,
               "undamaged": Answer.NO}
    proposal = FLOOR.grading.propose(answers)
    assert proposal.grade == "C"
    assert proposal.rule_ids == ("G4", "G5")
    assert FLOOR.grading.propose({**YES, "unassembled": Answer.NO}).rule_ids == ("G2",)


def test_a_quality_return_with_the_defect_it_reported_is_a_repair_at_best() -> None:
    proposal = FLOOR.grading.propose({**YES, "damage_matches_report": Answer.YES})
    assert (proposal.grade, proposal.rule_ids) == ("C", ("G6",))


@pytest.mark.parametrize(("route_facts", "disposition", "zone", "rule"), [
    (facts("A", decision=Decision.NEEDS_REVIEW), None, "HOLD", "R1"),
    (facts("A", decision=Decision.PENDING), None, "HOLD", "R1"),
    (facts("C", decision=Decision.NOT_ELIGIBLE), Disposition.RETURN_TO_CUSTOMER, "HOLD", "R2"),
    (facts("A"), Disposition.RESTOCK, "RESTOCK", "R3"),
    (facts("B", value="200"), Disposition.RESTOCK, "RESTOCK", "R4"),
    (facts("B", value="199.99"), Disposition.LIQUIDATE, "LIQUIDATE", "R5"),
    (facts("C", reason=ReasonCategory.QUALITY), Disposition.RETURN_TO_VENDOR, "RTV", "R6"),
    (facts("C", value="500"), Disposition.REFURBISH, "REFURBISH", "R7"),
    (facts("C", value="80"), Disposition.LIQUIDATE, "LIQUIDATE", "R8"),
    (facts("D", value="150"), Disposition.DONATE, "DONATE", "R9"),
    (facts("D", value="20"), Disposition.DISPOSE, "DISPOSE", "R10"),
    # A value in another currency meets no value condition: the next rule decides.
    (facts("B", value="90000", currency="JPY"), Disposition.LIQUIDATE, "LIQUIDATE", "R5"),
])
def test_the_first_routing_rule_that_holds_decides(
        route_facts: RouteFacts, disposition: Disposition | None, zone: str, rule: str) -> None:
    route = FLOOR.routing.route(route_facts)
    assert (route.disposition, route.zone, route.rule_id) == (disposition, zone, rule)


def test_a_supervisors_disposition_takes_the_zone_the_rules_give_it() -> None:
    assert FLOOR.routing.zone_for(Disposition.REFURBISH) == "REFURBISH"
    assert FLOOR.routing.zone_for(Disposition.RETURN_TO_VENDOR) == "RTV"


def test_a_put_away_is_refused_in_another_zone_or_a_full_bin_naming_where_to_go() -> None:
    check_put_away(FLOOR.layout, "U1", "RESTOCK", "RS-02", {"RS-02": 5})
    with pytest.raises(ValidationError) as wrong:
        check_put_away(FLOOR.layout, "U1", "RESTOCK", "RF-01", {"RS-01": 6})
    assert wrong.value.message == (
        "Bin RF-01 is in Refurbishment bay; U1 goes to Restock shelves: put it in RS-02.")
    assert "重新上架区" in wrong.value.message_zh
    with pytest.raises(ValidationError, match=r"Bin RS-01 is full \(6 units\); put U1 in RS-02"):
        check_put_away(FLOOR.layout, "U1", "RESTOCK", "RS-01", {"RS-01": 6})
    with pytest.raises(ValidationError, match="No bin XX-9"):
        check_put_away(FLOOR.layout, "U1", "RESTOCK", "XX-9", {})
    zone = FLOOR.layout.zone("DONATE")
    assert zone is not None
    assert suggest_bin(zone, {"DN-01": 8, "DN-02": 8}) is None


def test_a_units_code_is_its_tag_code_and_carton() -> None:
    code = unit_code("TAG-2026000123-1", 2)
    assert code == "TAG-2026000123-1-U2"
    assert split_unit_code(code) == ("TAG-2026000123-1", 2)
    assert split_unit_code("TAG-2026000123-1") is None
    with pytest.raises(ValueError, match="from 1"):
        unit_code("TAG-1", 0)


def test_a_units_state_follows_its_grade_route_and_bin() -> None:
    assert unit_state(False, None, None) is UnitState.TO_GRADE
    assert unit_state(True, "RESTOCK", None) is UnitState.TO_PUT_AWAY
    assert unit_state(True, "RESTOCK", "HOLD") is UnitState.TO_PUT_AWAY
    assert unit_state(True, "RESTOCK", "RESTOCK") is UnitState.STORED


def test_weights_over_the_tolerance_suggest_a_swap() -> None:
    assert not FLOOR.weight.swap_suspected(Decimal(50), Decimal(55))
    assert FLOOR.weight.swap_suspected(Decimal(50), Decimal("55.1"))
    assert FLOOR.weight.swap_suspected(Decimal(50), Decimal(30))


def _variant(tmp_path: Path, old: str, new: str) -> Path:
    text = SHIPPED.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "p.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(("old", "new", "message"), [
    ('item = "unused"', 'item = "smell"', r"grading\[4\].item must name a checklist item"),
    ('grade = "B"', 'grade = "Z"', r"grading\[1\].grade must be one of"),
    ('answer = "no"', 'answer = "maybe"', r"grading\[1\].answer must be one of"),
    ('zone = "RESTOCK"', 'zone = "ATTIC"', r"routing.rules\[3\].zone must be one of"),
    ('disposition = "restock"', 'disposition = "sell"', r"routing.rules\[3\].disposition"),
    ('grades = ["A"]', 'grades = ["E"]', r"routing.rules\[3\].grades must list some of"),
    ('id = "R10"\ndisposition', 'id = "R10"\ngrades = ["D"]\ndisposition',
     "routing.rules must end with a rule without conditions"),
    ('bins = ["RF-01"', 'bins = ["RS-01"', r"zones\[2\].bins repeats 'RS-01'"),
    ("capacity = 6", "capacity = 0", r"zones\[1\].capacity must be a whole number"),
    ("tolerance_rate = 0.10", "tolerance_rate = 2", "weight_check.tolerance_rate"),
    ('id = "B"', 'id = "A"', r"grades\[2\].id repeats 'A'"),
])
def test_bad_floor_rules_are_refused_with_the_key(
        tmp_path: Path, old: str, new: str, message: str) -> None:
    with pytest.raises(PolicyError, match=message):
        load_policy(_variant(tmp_path, old, new))
