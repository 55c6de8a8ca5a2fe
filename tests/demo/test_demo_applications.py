"""The demo's email applications (P1): the queue shows every case the check knows, and the
same demo gives the same applications."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from livenon_desk.domain.enums import MailState, RuleOutcome
from livenon_desk.domain.policy import default_policies
from livenon_desk.services.application_check import ApplicationCheckService
from livenon_desk.services.application_queue import ApplicationQueueService
from livenon_desk.services.demo_service import create_demo_database
from livenon_desk.services.mail_service import MailService
from livenon_desk.store.opening import open_store
from livenon_desk.store.photo_files import PhotoFiles, photo_dir_for
from tests.conftest import INSPECTOR
from tests.demo.conftest import RETURNS, SEED, TODAY

# The end of the demo's working day: 17:00 in Los Angeles.
NOW = datetime(2026, 11, 26, 1, 0, tzinfo=UTC)


def _queue(path: Path) -> list[tuple[str, datetime, MailState, bool]]:
    store = open_store(path)
    try:
        policies = default_policies()
        mail = MailService(store, PhotoFiles(photo_dir_for(path)))
        queue = ApplicationQueueService(store, policies, mail,
                                        ApplicationCheckService(store, policies),
                                        clock=lambda: NOW)
        return [(r.key, r.received_at, r.state, r.overdue) for r in queue.rows(INSPECTOR)]
    finally:
        store.dispose()


def test_the_demo_holds_email_applications_of_every_kind(tmp_path: Path) -> None:
    create_demo_database(tmp_path / "a.sqlite3", returns=RETURNS, seed=SEED, today=TODAY)
    rows = _queue(tmp_path / "a.sqlite3")
    states = [state for _, _, state, _ in rows]
    assert len(rows) == 6
    assert states.count(MailState.NEW) == 3 and states.count(MailState.NEEDS_PERSON) == 3
    assert [overdue for *_, overdue in rows] == [True, *[False] * 5]
    store = open_store(tmp_path / "a.sqlite3")
    try:
        html = next(r for r in MailService(store, PhotoFiles(tmp_path)).applications(
            INSPECTOR) if r.key == "<demo-html@mail.example.com>")
        chinese = next(r for r in MailService(store, PhotoFiles(tmp_path)).applications(
            INSPECTOR) if r.key == "<demo-chinese@mail.example.com>")
        checks = ApplicationCheckService(store, default_policies())
        found = [c for c in (checks.check(INSPECTOR, key) for key, *_ in rows) if c.order_found]
    finally:
        store.dispose()
    # Each email was sent after its order's delivery, within E2's window.
    assert len(found) == 5
    assert {rule.outcome for c in found for line in c.lines for rule in line.rules
            if rule.rule_id == "E2"} == {RuleOutcome.PASS}
    assert html.order_number and "tracker" not in (html.text or "")
    assert chinese.reason_text == "尺寸太大，放不进房间"
    create_demo_database(tmp_path / "b.sqlite3", returns=RETURNS, seed=SEED, today=TODAY)
    assert _queue(tmp_path / "b.sqlite3") == rows
