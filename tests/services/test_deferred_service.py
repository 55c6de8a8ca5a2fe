from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from livenon_desk.errors import DatabaseError
from livenon_desk.services.deferred_service import DeferredReturnsService
from livenon_desk.services.desk import Desk
from livenon_desk.services.dto import ReturnFilter
from livenon_desk.store.opening import open_store
from tests.builders import add_return


def test_opens_the_file_on_first_use(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    store = open_store(path)
    built = add_return(store)
    store.dispose()
    service = DeferredReturnsService(Desk(path))
    assert service.count(ReturnFilter()) == 1
    assert [m.row.rma_number for m in service.lookup(built.rma_number)] == [built.rma_number]
    assert service.detail(built.return_id).rma_number == built.rma_number


def test_a_bad_file_fails_the_first_query_not_the_start(tmp_path: Path) -> None:
    path = tmp_path / "garbage.sqlite3"
    path.write_bytes(b"not a database" * 100)
    service = DeferredReturnsService(Desk(path))
    with pytest.raises(DatabaseError):
        service.count(ReturnFilter())


def test_importing_it_does_not_load_the_database_layer() -> None:
    code = ("import sys; import livenon_desk.services.deferred_service, "
            "livenon_desk.views.main_window; "
            "print('sqlalchemy' in sys.modules, 'alembic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60, env={"QT_QPA_PLATFORM": "offscreen"})
    assert out.stdout.split() == ["False", "False"]
