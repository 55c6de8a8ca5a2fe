"""``livenon-desk sync``: one round for scripts, with an exit code that says how it went."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from livenon_desk import cli
from livenon_desk.central import records
from livenon_desk.services.user_settings import change_user_settings
from livenon_desk.sync.credentials import TokenStore
from livenon_desk.sync.retry import RetryPolicy
from tests.central_server import PASSWORDS, Central
from tests.sync.desk import Desk


def _sync(desk: Desk, server: str, *extra: str) -> int:
    return cli.main(["sync", "--db", str(desk.store.path), "--server", server, *extra])



def test_sync_signs_in_sends_and_exits_0(desk: Desk, central: Central,
                                         monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    rma = desk.receive_next()
    monkeypatch.setenv("DESK_PW", PASSWORDS["inspector"])
    assert _sync(desk, central.url, "--user", "inspector", "--password-env", "DESK_PW") == 0
    out = capsys.readouterr()
    # The receipt, and a unit for each carton received.
    assert f"sent {1 + desk.unit_rows()}," in out.out and "waiting 0" in out.out
    assert PASSWORDS["inspector"] not in out.out + out.err
    assert (central.entity("return", rma).data or {})["received_at"]
    # The token was kept (not in a settings file): the next round needs no password.
    assert _sync(desk, central.url) == 0


def test_the_token_file_fallback_is_readable_only_by_the_user(tmp_path: Path) -> None:
    tokens = TokenStore(use_keyring=False, folder=tmp_path)
    tokens.save("https://central.example", "secret-token")
    [path] = tmp_path.iterdir()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert tokens.load("https://central.example") == "secret-token"
    tokens.forget("https://central.example")
    assert tokens.load("https://central.example") is None


def test_sync_without_sign_in_is_refused(desk: Desk, central: Central,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert _sync(desk, central.url) == 1
    assert "Not signed in" in capsys.readouterr().err


def test_sync_with_a_conflict_exits_1(desk: Desk, central: Central,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    rma = desk.receive_next()
    with central.context.db.write() as c:
        current = records.get_live(c, "return", rma, "return")
        records.write(c, "return", rma, {**(current.data or {}), "carrier": "FedEx"},
                      expected=current)
    monkeypatch.setenv("DESK_PW", PASSWORDS["inspector"])
    assert _sync(desk, central.url, "--user", "inspector", "--password-env", "DESK_PW") == 1
    assert desk.sync.snapshot().conflicts == 1


def test_sync_offline_exits_3_and_keeps_the_work(desk: Desk,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    desk.receive_next()
    monkeypatch.setenv("DESK_PW", "whatever")
    # No waiting between tries: the server is not there.
    monkeypatch.setattr(RetryPolicy, "delay", lambda *_args: None)
    assert _sync(desk, "http://127.0.0.1:9", "--user", "inspector",
                 "--password-env", "DESK_PW") == 3
    assert "cannot be reached" in capsys.readouterr().err
    assert desk.sync.snapshot().waiting == 1 + desk.unit_rows()


def test_sync_finds_the_server_in_the_desks_settings(desk: Desk, central: Central,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = str(desk.store.path)
    assert cli.main(["sync", "--db", path]) == 1
    assert "--server" in capsys.readouterr().err
    change_user_settings(sync_server=central.url + "/")  # as the window's sign-in keeps it
    desk.receive_next()
    monkeypatch.setenv("DESK_PW", PASSWORDS["inspector"])
    assert cli.main(["sync", "--db", path, "--user", "inspector",
                     "--password-env", "DESK_PW"]) == 0
    assert f"sent {1 + desk.unit_rows()}," in capsys.readouterr().out
