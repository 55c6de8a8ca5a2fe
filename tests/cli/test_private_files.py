"""Files a person asked for, and files holding personal data: a bad output path is a clear
refusal (exit 1), special files are never replaced, and the log, the database, its backups
and customer exports are the user's only (issue 14, 7)."""

from __future__ import annotations

import json
import logging
import os
import stat
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from livenon_desk.cli import main
from livenon_desk.logging_setup import configure_logging
from livenon_desk.store.database import Store
from livenon_desk.store.opening import backup_database, open_store
from livenon_desk.sync.credentials import TokenStore
from tests.builders import add_return


def _mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


@pytest.mark.parametrize("where", ["folder", "missing", "fifo"])
def test_print_to_a_bad_path_exits_1_and_leaves_it_alone(
        store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str) -> None:
    built = add_return(store)
    target = {"folder": tmp_path, "missing": tmp_path / "no" / "such" / "x.pdf",
              "fifo": tmp_path / "pipe.pdf"}[where]
    if where == "fifo":
        os.mkfifo(target)

    code = main(["print", "return-form", built.rma_number, "--db", str(store.path),
                 "--out", str(target)])

    err = capsys.readouterr().err
    assert code == 1
    assert len(err.strip().splitlines()) == 1
    assert {"folder": "is a folder", "missing": "does not exist",
            "fifo": "not a regular file"}[where] in err
    if where == "fifo":
        assert stat.S_ISFIFO(target.stat().st_mode)
    assert not list(tmp_path.glob("*.part")) and not list(tmp_path.glob(".*.part"))


def test_export_to_a_fifo_is_refused_and_the_fifo_stays(store: Store, tmp_path: Path) -> None:
    add_return(store, email="emily@example.com")
    fifo = tmp_path / "export.json"
    os.mkfifo(fifo)

    assert main(["export-customer", "emily@example.com", "--db", str(store.path),
                 "--out", str(fifo)]) == 1
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_exports_documents_databases_and_backups_are_the_users_only(
        store: Store, tmp_path: Path) -> None:
    built = add_return(store, email="emily@example.com")
    export, pdf = tmp_path / "emily.json", tmp_path / "form.pdf"
    assert main(["export-customer", "emily@example.com", "--db", str(store.path),
                 "--out", str(export)]) == 0
    assert main(["print", "return-form", built.rma_number, "--db", str(store.path),
                 "--out", str(pdf)]) == 0
    backup = backup_database(store, "test")

    assert json.loads(export.read_text(encoding="utf-8"))["returns"]
    assert _mode(export) == 0o600 and _mode(pdf) == 0o600
    assert _mode(store.path) == 0o600 and _mode(backup) == 0o600
    assert _mode(store.path.with_name(store.path.name + "-wal")) == 0o600


def test_a_database_others_could_read_is_made_the_users_only(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    open_store(path).dispose()
    path.chmod(0o644)

    open_store(path).dispose()

    assert _mode(path) == 0o600


def test_the_log_is_the_users_only_after_rotation_too() -> None:
    root = logging.getLogger()
    saved = list(root.handlers), root.level
    try:
        path = configure_logging()
        logging.getLogger("livenon_desk.test").info("a line")
        handler = next(h for h in root.handlers if getattr(h, "_livenon_desk", False))
        assert isinstance(handler, logging.handlers.RotatingFileHandler)
        handler.doRollover()
        logging.getLogger("livenon_desk.test").info("after the rollover")
        assert _mode(path) == 0o600
        assert _mode(path.with_name(path.name + ".1")) == 0o600
    finally:
        for h in list(root.handlers):
            if getattr(h, "_livenon_desk", False):
                root.removeHandler(h)
                h.close()
        for h in saved[0]:
            if h not in root.handlers:
                root.addHandler(h)
        root.setLevel(saved[1])


def test_concurrent_token_saves_all_succeed_and_leave_a_whole_token(tmp_path: Path) -> None:
    tokens = TokenStore(use_keyring=False, folder=tmp_path)
    written = [f"token-{i:04d}-" + "x" * 40 for i in range(800)]

    def save(token: str) -> None:
        tokens.save("https://central.example.com", token)

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(save, written))  # raises if any save failed

    assert tokens.load("https://central.example.com") in written
    assert [p.name for p in tmp_path.iterdir()] == [
        "https___central_example_com.token"]
    assert _mode(next(tmp_path.iterdir())) == 0o600
