from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from livenon_desk.errors import DatabaseError
from livenon_desk.store import opening
from livenon_desk.store.opening import HEAD_REVISION, current_revision, open_store


def _backups(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.before-*"))


def test_a_new_file_is_created_and_migrated(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "desk.sqlite3"
    store = open_store(path)
    assert current_revision(store) == HEAD_REVISION
    with store.engine.connect() as c:
        tables = set(c.exec_driver_sql("SELECT name FROM sqlite_master").scalars())
    store.dispose()
    assert {"customers", "orders", "order_lines", "return_requests", "return_lines",
            "inspections", "photos", "communications", "return_search"} <= tables
    assert _backups(path.parent) == []


def test_an_up_to_date_file_opens_without_backup(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    open_store(path).dispose()
    store = open_store(path, create=False)
    assert current_revision(store) == HEAD_REVISION
    store.dispose()
    assert _backups(tmp_path) == []


def test_pragmas_make_commits_durable(tmp_path: Path) -> None:
    store = open_store(tmp_path / "desk.sqlite3")
    with store.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    store.dispose()


NEXT_REVISION = '''
from alembic import op
import sqlalchemy as sa

revision = "9001"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("customers") as batch:
        batch.add_column(sa.Column("nickname", sa.String(40)))


def downgrade() -> None:
    with op.batch_alter_table("customers") as batch:
        batch.drop_column("nickname")
'''


def test_a_file_behind_head_is_backed_up_then_migrated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "desk.sqlite3"
    store = open_store(path)
    with store.engine.begin() as c:
        c.exec_driver_sql("INSERT INTO customers (id, customer_number, name, language, "
                          "anonymized, version, updated_at) VALUES (1, 'C1', 'Ann', 'en', 0, 1,"
                          " '2026-01-01')")
    store.dispose()
    # A newer desk: the shipped migrations plus one more revision.
    newer = tmp_path / "migrations"
    shutil.copytree(opening.MIGRATIONS_DIR, newer,
                    ignore=shutil.ignore_patterns("__pycache__"))
    (newer / "versions" / "9001_nickname.py").write_text(
        NEXT_REVISION.format(head=HEAD_REVISION), encoding="utf-8")
    monkeypatch.setattr(opening, "MIGRATIONS_DIR", newer)
    monkeypatch.setattr(opening, "HEAD_REVISION", "9001")

    store = open_store(path)
    assert current_revision(store) == "9001"
    with store.engine.connect() as c:
        assert c.exec_driver_sql("SELECT name, nickname FROM customers").all() == [("Ann", None)]
    store.dispose()
    [backup] = _backups(tmp_path)
    with sqlite3.connect(backup) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == (
            HEAD_REVISION,)
        assert raw.execute("SELECT name FROM customers").fetchall() == [("Ann",)]
    raw.close()


def test_a_file_from_a_newer_desk_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    open_store(path).dispose()
    with sqlite3.connect(path) as raw:  # as an older desk would have left it
        raw.execute("INSERT INTO customers (id, customer_number, name, language, anonymized,"
                    " version, updated_at) VALUES (1, 'C1', 'Ann', 'en', 0, 1, '2026-01-01')")
        raw.execute("DROP TABLE return_search")
        raw.execute("UPDATE alembic_version SET version_num = 'base_for_test'")
    raw.close()
    with pytest.raises(DatabaseError, match="unknown schema revision base_for_test"):
        open_store(path)
    assert _backups(tmp_path) == []


def test_backup_keeps_the_data(tmp_path: Path) -> None:
    from livenon_desk.store.opening import backup_database

    path = tmp_path / "desk.sqlite3"
    store = open_store(path)
    with store.engine.begin() as c:
        c.exec_driver_sql("INSERT INTO customers (id, customer_number, name, language, "
                          "anonymized, version, updated_at) VALUES (1, 'C1', 'Ann', 'en', 0, 1,"
                          " '2026-01-01')")
    copy = backup_database(store, "before-0002")
    store.dispose()
    assert copy.name.startswith("desk.before-0002-")
    with sqlite3.connect(copy) as raw:
        assert raw.execute("SELECT name FROM customers").fetchall() == [("Ann",)]
        assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    raw.close()


def test_missing_file_without_create(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="No database at"):
        open_store(tmp_path / "absent.sqlite3", create=False)
    assert not (tmp_path / "absent.sqlite3").exists()


@pytest.mark.parametrize("content", [b"hello, not a database" * 50, b"\x00\xff" * 4000])
def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(content)
    with pytest.raises(DatabaseError, match="not a Livenon Desk database") as refused:
        open_store(path)
    assert "不是 Livenon Desk 数据库" in refused.value.message_zh
    assert path.read_bytes() == content


def test_a_damaged_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    open_store(path).dispose()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xde\xad" * ((4096 - 100) // 2)
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseError, match=r"damaged|not a Livenon"):
        open_store(path)


def test_another_applications_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    raw.close()
    with pytest.raises(DatabaseError, match="holds other tables"):
        open_store(path)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError):
        open_store(tmp_path)


def test_integrity_check_finds_damage_deep_in_the_file(tmp_path: Path) -> None:
    from livenon_desk.store.opening import check_integrity

    path = tmp_path / "desk.sqlite3"
    store = open_store(path)
    with store.engine.begin() as c:
        for n in range(3000):
            c.exec_driver_sql(
                "INSERT INTO customers (id, customer_number, name, language, anonymized,"
                f" version, updated_at) VALUES ({n}, 'C{n}', '{'x' * 300}', 'en', 0, 1,"
                " '2026-01-01')")
    check_integrity(store)
    store.dispose()
    data = bytearray(path.read_bytes())
    page = len(data) // 4096 // 2 * 4096
    data[page:page + 600] = b"\xff" * 600
    path.write_bytes(bytes(data))
    store = open_store(path, create=False)
    with pytest.raises(DatabaseError, match="integrity check failed"):
        check_integrity(store)
    store.dispose()


def test_the_head_constant_matches_the_migration_scripts() -> None:
    assert opening.script_head() == HEAD_REVISION


def test_the_migrated_schema_matches_the_models(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from livenon_desk.models import Base

    store = open_store(tmp_path / "schema.sqlite3")
    with store.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    store.dispose()
    # The FTS5 search table is made by the migration alone, outside the ORM.
    assert [d for d in diff if not (d[0] == "remove_table" and
                                    d[1].name.startswith("return_search"))] == []
