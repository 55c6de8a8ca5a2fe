"""The email applications' queue (P1, P2): what waits, by when, and what a person must do."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from livenon_desk.domain.enums import MailState
from livenon_desk.domain.policy import default_policies
from livenon_desk.services.application_check import ApplicationCheckService
from livenon_desk.services.application_queue import ApplicationQueueService
from livenon_desk.services.mail_service import MailService
from livenon_desk.store.database import Store
from livenon_desk.store.photo_files import PhotoFiles, photo_dir_for
from tests.builders import NOW, add_return
from tests.conftest import INSPECTOR
from tests.services.test_application_check import application


def _services(store: Store, received: datetime) -> tuple[MailService, ApplicationQueueService]:
    policies = default_policies()
    mail = MailService(store, PhotoFiles(photo_dir_for(store.path)), clock=lambda: received)
    checks = ApplicationCheckService(store, policies, clock=lambda: NOW)
    return mail, ApplicationQueueService(store, policies, mail, checks, clock=lambda: NOW)


def _at(local_day: int) -> datetime:
    """Noon of a November 2026 day in Los Angeles, as UTC."""
    return datetime(2026, 11, local_day, 20, 0, tzinfo=UTC)


def test_the_queue_lists_the_oldest_first_with_its_p2_window_and_overdue_marked(
        store: Store) -> None:
    built = add_return(store)
    # Friday the 20th: instructions due Monday the 23rd, by Tuesday the 24th at the latest;
    # today (NOW) is Wednesday the 25th.
    late, _ = _services(store, _at(20))
    late.take(INSPECTOR, application(built.order_number, key="late@x"), "test")
    recent, queue = _services(store, _at(24))
    recent.take(INSPECTOR, application(built.order_number, key="recent@x"), "test")
    rows = queue.rows(INSPECTOR)
    assert [r.key for r in rows] == ["<late@x>", "<recent@x>"]
    assert [r.overdue for r in rows] == [True, False]
    assert (rows[0].instructions_due.target, rows[0].instructions_due.deadline) == (
        _at(23).date(), _at(24).date())
    assert rows[0].order_number == built.order_number
    assert rows[0].sender == "emily.carter@example.com"
    assert queue.counts(INSPECTOR).overdue == 1


def test_checking_the_new_moves_what_a_person_must_settle_and_the_counts_follow(
        store: Store) -> None:
    built = add_return(store)
    mail, queue = _services(store, NOW - timedelta(hours=1))
    mail.take(INSPECTOR, application(built.order_number, key="good@x"), "test")
    mail.take(INSPECTOR, application("LVN20991231", key="unknown@x"), "test")
    mail.take(INSPECTOR, b"not an email at all", "test")
    before = queue.counts(INSPECTOR)
    assert (before.new, before.needs_person) == (2, 1)
    assert queue.check_new(INSPECTOR) == 1
    after = queue.counts(INSPECTOR)
    assert (after.new, after.needs_person) == (1, 2)
    states = {r.key: r.state for r in queue.rows(INSPECTOR)}
    assert states["<good@x>"] is MailState.NEW
    assert states["<unknown@x>"] is MailState.NEEDS_PERSON


def test_the_detail_holds_the_fields_the_check_and_the_p2_window(store: Store) -> None:
    built = add_return(store)
    mail, queue = _services(store, _at(20))
    taken = mail.take(INSPECTOR, application(built.order_number, key="a@x"), "test")
    detail = queue.detail(INSPECTOR, taken.key)
    assert detail.mail.product_name == "Harlow sofa"
    assert detail.check is not None and detail.check.order_found
    assert detail.overdue
    assert detail.instructions_due.deadline == _at(24).date()
