from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from livenon_desk.domain.enums import RuleOutcome
from livenon_desk.domain.policy import load_policies, load_policy
from livenon_desk.errors import PolicyError
from livenon_desk.paths import policy_dir

SHIPPED = next(policy_dir().glob("*.toml"))


def test_the_shipped_policy_loads() -> None:
    policy = load_policy(SHIPPED)
    assert policy.version == "2025.1"
    assert policy.effective_date == date(2025, 1, 1)
    assert str(policy.time_zone) == "America/Los_Angeles"
    assert policy.e2_window_days == 30
    assert (policy.inspection_target_bd, policy.inspection_deadline_bd) == (3, 5)
    assert {item.rule for item in policy.checklist} == {"E1", "E3", "E4", "E5"}
    assert policy.items_for("E5")[0].on_no is RuleOutcome.REVIEW
    assert policy.calendar.public == ("US",)
    assert not policy.calendar.is_business_day(date(2025, 11, 27))


def _variant(tmp_path: Path, old: str, new: str, name: str = "p.toml") -> Path:
    text = SHIPPED.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(("old", "new", "message"), [
    ("window_days = 30", "window_days = -1", "rules.E2.window_days must not be negative"),
    ("window_days = 30", "window_days = true", "rules.E2.window_days must be a whole number"),
    ("window_days = 30", "", "rules.E2.window_days is missing"),
    ('time_zone = "America/Los_Angeles"', 'time_zone = "Mars/Olympus"', "unknown time zone"),
    ('on_no = "fail"', 'on_no = "maybe"', "must be 'fail' or 'review'"),
    ('rule = "E3"', 'rule = "Q9"', "must be one of"),
    ('id = "unassembled"', 'id = "not_customized"', "repeats 'not_customized'"),
    ("schema = 1", "schema = 2", "schema must be 1"),
    ("estimated_rate_domestic = 0.10", "estimated_rate_domestic = 1.5", "between 0 and 1"),
    ("weekend = [6, 7]", "weekend = [1, 2, 3, 4, 5, 6, 7]", "at least one working"),
    ("effective_date = 2025-01-01", 'effective_date = "soon"', "effective_date has the wrong"),
    ('holiday_calendars = ["US"]', 'holiday_calendars = ["XX"]', "calendar.holiday_calendars"),
    ('holiday_calendars = ["US"]', 'holiday_calendars = ["US-ZZ"]', "US-ZZ"),
    ('holiday_calendars = ["US"]', 'holiday_calendars = "US"', "holiday_calendars has the"),
])
def test_bad_policy_files_are_refused_with_the_key(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    with pytest.raises(PolicyError, match=message) as refused:
        load_policy(_variant(tmp_path, old, new))
    assert "p.toml" in refused.value.message
    assert "政策文件" in refused.value.message_zh


def test_not_toml_and_missing_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("version = [unclosed", encoding="utf-8")
    with pytest.raises(PolicyError, match="not valid TOML"):
        load_policy(broken)
    with pytest.raises(PolicyError, match="cannot be read"):
        load_policy(tmp_path / "absent.toml")


def test_the_policy_in_effect_is_chosen_by_date(tmp_path: Path) -> None:
    _variant(tmp_path, 'version = "2025.1"', 'version = "2025.1"', "a.toml")
    later = _variant(tmp_path, 'version = "2025.1"', 'version = "2027.1"', "b.toml")
    later.write_text(later.read_text(encoding="utf-8").replace(
        "effective_date = 2025-01-01", "effective_date = 2027-01-01"), encoding="utf-8")
    policies = load_policies(tmp_path)
    assert policies.in_effect(date(2026, 12, 31)).version == "2025.1"
    assert policies.in_effect(date(2027, 1, 1)).version == "2027.1"
    assert policies.latest.version == "2027.1"
    with pytest.raises(PolicyError, match="No return policy is in effect on 2024-12-31"):
        policies.in_effect(date(2024, 12, 31))
    # A return applied for before the first policy is judged (as REVIEW) under the first.
    la = ZoneInfo("America/Los_Angeles")
    assert policies.for_application(datetime(2024, 7, 18, 9, tzinfo=la)).version == "2025.1"
    assert policies.for_application(datetime(2027, 1, 1, 9, tzinfo=la)).version == "2027.1"


def test_two_files_with_one_version_are_refused(tmp_path: Path) -> None:
    _variant(tmp_path, "schema = 1", "schema = 1", "a.toml")
    _variant(tmp_path, "schema = 1", "schema = 1", "b.toml")
    with pytest.raises(PolicyError, match=r"have version 2025\.1"):
        load_policies(tmp_path)
    with pytest.raises(PolicyError, match="No policy file"):
        load_policies(tmp_path / "empty")
