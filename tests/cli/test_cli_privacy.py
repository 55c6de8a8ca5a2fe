from __future__ import annotations

import json
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from livenon_desk.cli import main
from livenon_desk.domain.enums import ReturnStatus
from livenon_desk.models import ReturnRequest
from livenon_desk.services.audit import AuditAction, AuditService
from livenon_desk.store.database import Store
from tests.builders import NOW, add_return
from tests.conftest import INSPECTOR


def test_audit_verify_finds_a_tampered_row(store: Store,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    audit = AuditService(store)
    for i in range(4):
        audit.record(INSPECTOR, AuditAction.VIEWED, entity_kind="return", entity_key=f"R{i}")
    assert main(["audit", "verify", "--db", str(store.path)]) == 0
    assert "intact: 4 events" in capsys.readouterr().out
    raw = sqlite3.connect(store.path)
    raw.executescript("DROP TRIGGER audit_events_no_update;"
                      "UPDATE audit_events SET entity_key = 'R9' WHERE id = 2;")
    raw.close()
    assert main(["audit", "verify", "--db", str(store.path)]) == 1
    assert "broken at event 2" in capsys.readouterr().out


def test_purge_dry_run_then_for_real(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    built = add_return(store, status=ReturnStatus.CLOSED)
    with store.session() as s:
        s.get_one(ReturnRequest, built.return_id).closed_at = NOW - timedelta(days=3000)
    assert main(["purge", "--db", str(store.path), "--dry-run"]) == 0
    assert "would purge: 1 returns" in capsys.readouterr().out
    assert main(["purge", "--db", str(store.path)]) == 0
    assert "purged: 1 returns" in capsys.readouterr().out
    assert main(["purge", "--db", str(store.path)]) == 0
    assert "purged: 0 returns" in capsys.readouterr().out


def test_export_customer_writes_json(store: Store, tmp_path: Path) -> None:
    built = add_return(store, email="emily@example.com")
    out = tmp_path / "emily.json"
    assert main(["export-customer", "EMILY@example.com", "--db", str(store.path),
                 "--out", str(out)]) == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["returns"][0]["rma_number"] == built.rma_number
    assert main(["export-customer", "ghost@example.com", "--db", str(store.path),
                 "--out", str(out)]) == 1
