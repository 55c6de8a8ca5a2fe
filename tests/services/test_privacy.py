"""Audit chain, retention and portability on a real database file."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy.exc import DatabaseError as SQLError

from livenon_desk.domain.enums import ReturnStatus
from livenon_desk.domain.policy import default_policies
from livenon_desk.domain.roles import Actor, Role
from livenon_desk.errors import NotFoundError, PermissionDeniedError, RestrictedError
from livenon_desk.models import (
    Address,
    AuditEvent,
    Communication,
    Customer,
    Order,
    Photo,
    ReturnRequest,
)
from livenon_desk.services.audit import AuditAction, AuditFilter, AuditService, record_event
from livenon_desk.services.desk_settings import DeskSettings
from livenon_desk.services.export_service import FORMAT, ExportService
from livenon_desk.services.retention_service import ANONYMIZED, RetentionService
from livenon_desk.services.returns_service import ReturnsService
from livenon_desk.store.database import Store
from livenon_desk.store.photo_files import PhotoFiles
from tests.builders import NOW, add_return
from tests.conftest import INSPECTOR, SUPERVISOR
from tests.images import write_png

ADMIN = Actor("root", Role.ADMIN, "Ada Admin")


def _events(store: Store, n: int) -> AuditService:
    audit = AuditService(store, clock=lambda: NOW)
    for i in range(n):
        audit.record(INSPECTOR, AuditAction.VIEWED, entity_kind="return",
                     entity_key=f"RMA-{i}", after={"i": i})
    return audit


def test_the_chain_verifies_and_the_table_refuses_changes(store: Store) -> None:
    audit = _events(store, 5)
    assert audit.verify().ok and audit.verify().checked == 5
    with pytest.raises(SQLError, match="append-only"), store.session() as s:
        s.query(AuditEvent).filter_by(id=2).update({"actor": "someone else"})
    with pytest.raises(SQLError, match="append-only"), store.session() as s:
        s.query(AuditEvent).filter_by(id=2).delete()


@pytest.mark.parametrize(
    ("tamper", "bad_id"),
    [("UPDATE audit_events SET actor = 'mallory' WHERE id = 3", 3),
     ("DELETE FROM audit_events WHERE id = 2", 3)],
)
def test_a_row_changed_or_deleted_behind_the_desks_back_is_found(
    store: Store, tamper: str, bad_id: int
) -> None:
    audit = _events(store, 5)
    raw = sqlite3.connect(store.path)
    raw.executescript("DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;"
                      + tamper + ";")
    raw.commit()
    raw.close()
    report = audit.verify()
    assert not report.ok and report.first_bad_id == bad_id


def test_the_audit_view_is_for_supervisors_and_filters(store: Store) -> None:
    audit = _events(store, 3)
    with pytest.raises(PermissionDeniedError):
        audit.events(INSPECTOR, AuditFilter())
    rows = audit.events(SUPERVISOR, AuditFilter(entity_key="rma-1"))
    assert [r.entity_key for r in rows] == ["RMA-1"]
    assert [r.event_id for r in audit.events(SUPERVISOR, AuditFilter())] == [3, 2, 1]


def _closed(store: Store, days_ago: int, **spec: object) -> int:
    built = add_return(store, status=ReturnStatus.CLOSED, received_at=NOW - timedelta(days=900),
                       **spec)  # type: ignore[arg-type]
    with store.session() as s:
        ret = s.get_one(ReturnRequest, built.return_id)
        ret.closed_at = NOW - timedelta(days=days_ago)
        ret.reason_text = "My husband hated the colour"
        s.add(Communication(return_id=ret.id, channel="email", direction="inbound",
                            occurred_at=NOW - timedelta(days=days_ago + 5),
                            subject="Return", body="Please call me on 415-555-0134"))
    return built.return_id


def test_purge_blanks_personal_data_and_keeps_the_statistics(
    store: Store, tmp_path: Path
) -> None:
    photos = PhotoFiles(tmp_path / "photos")
    old = _closed(store, 800, customer_name="Emily Carter", email="emily@example.com")
    recent = _closed(store, 100, customer_name="Noah Lee", email="noah@example.com")
    stored = photos.add(write_png(tmp_path / "p.png"))
    with store.session() as s:
        s.add(Photo(sha256=stored.sha256, return_id=old, file_name=stored.file_name,
                    media_type=stored.media_type, taken_at=NOW))
    service = RetentionService(store, photos, DeskSettings(closed_return_days=730),
                               clock=lambda: NOW)
    with pytest.raises(PermissionDeniedError):
        service.purge(SUPERVISOR)
    dry = service.purge(ADMIN, dry_run=True)
    assert (dry.returns, dry.customers, dry.photos) == (1, 1, 1)
    with store.read_session() as s:
        assert s.get_one(ReturnRequest, old).purged_at is None
    report = service.purge(ADMIN)
    assert (report.returns, report.customers, report.photos) == (1, 1, 1)
    assert not photos.path(stored.file_name).exists()
    with store.read_session() as s:
        ret = s.get_one(ReturnRequest, old)
        order = s.get_one(Order, ret.order_id)
        customer = s.get_one(Customer, order.customer_id)
        assert (customer.name, customer.email, customer.phone) == (ANONYMIZED, None, None)
        assert customer.anonymized
        address = s.query(Address).filter_by(customer_id=customer.id).one()
        assert address.line1 == "—" and address.postal_code is None
        assert address.country_code == "US"
        assert ret.reason_text is None and ret.reason_code.value == "defective"
        assert order.total_cents == 129_900 and order.payment_last4 is None
        assert "415-555" not in s.query(Communication).filter_by(return_id=old).one().body
        kept = s.get_one(ReturnRequest, recent)
        assert kept.purged_at is None and kept.reason_text == "My husband hated the colour"
        assert s.query(Photo).count() == 0
    returns = ReturnsService(store, default_policies(), lambda: NOW)
    assert returns.lookup("Emily") == []
    assert [m.row.return_id for m in returns.lookup("Noah")] == [recent]
    assert service.purge(ADMIN).returns == 0
    assert AuditService(store).verify().ok


def test_the_export_round_trips_and_is_audited(store: Store, tmp_path: Path) -> None:
    built = add_return(store, customer_name="张伟", email="Zhang.Wei@example.cn",
                       payment_last4="4242")
    service = ExportService(store, clock=lambda: NOW)
    with pytest.raises(PermissionDeniedError):
        service.export_customer(SUPERVISOR, "zhang.wei@example.cn")
    with pytest.raises(NotFoundError):
        service.export_customer(ADMIN, "nobody@example.com")
    document = service.export_customer(ADMIN, " zhang.wei@example.cn ")
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    back = json.loads(path.read_text(encoding="utf-8"))
    assert back == document
    assert (back["format"], back["version"]) == (FORMAT, 1)
    assert back["customer"]["name"] == "张伟"
    assert back["returns"][0]["rma_number"] == built.rma_number
    assert back["orders"][0]["payment"] == "Visa •••• 4242"
    assert back["orders"][0]["total"] == "1299.00"
    with store.read_session() as s:
        event = s.query(AuditEvent).filter_by(action="exported").one()
        assert event.actor == "root"


def test_a_customer_with_a_restricted_return_is_not_exported(store: Store) -> None:
    built = add_return(store, email="r@example.com", restricted=True,
                       restricted_reason="objection")
    with pytest.raises(RestrictedError, match=built.rma_number):
        ExportService(store).export_customer(ADMIN, "r@example.com")


def test_events_written_by_services_chain_with_the_rest(store: Store) -> None:
    with store.session() as s:
        record_event(s, "x", AuditAction.PRINTED, at=NOW, entity_kind="return", entity_key="A")
    _events(store, 2)
    assert AuditService(store).verify().checked == 3
