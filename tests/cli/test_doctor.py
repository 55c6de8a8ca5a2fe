"""`livenon-desk doctor`: what the workstation has and lacks, each check on real things
(the Qt plugin's libraries, a database file, a label printer and a central server on
127.0.0.1), and its exit code when a required one is missing."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from alembic import command

from livenon_desk.cli import exit_codes, main
from livenon_desk.services import station_check
from livenon_desk.services.station_check import Status
from livenon_desk.services.user_settings import change_user_settings
from livenon_desk.store import opening
from livenon_desk.store.database import Store, make_engine
from livenon_desk.store.opening import current_revision, open_store
from tests.central_server import Central, central, central_template
from tests.printer_listener import closed_port, host_status, listening

__all__ = ["central", "central_template"]


def _doctor(capsys: pytest.CaptureFixture[str], *args: str
            ) -> tuple[int, dict[str, dict[str, Any]]]:
    code = main(["doctor", "--json", *args])
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is (code == exit_codes.OK)
    return code, {c["check"]: c for c in report["checks"]}


def test_a_healthy_station_passes_and_names_what_it_found(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "desk.sqlite3"
    open_store(db).dispose()
    code, checks = _doctor(capsys, "--db", str(db))
    assert code == exit_codes.OK
    assert set(checks) == {"settings", "display", "fonts", "database", "printers",
                           "label-printer", "keyring", "central-server"}
    # The test machine has what Qt's X11 platform needs (.ci/run installs it).
    assert checks["display"]["status"] == "ok"
    assert checks["database"]["status"] == "ok"
    assert checks["database"]["data"]["revision"] == opening.HEAD_REVISION
    assert checks["database"]["data"]["waiting"] == 0
    assert checks["fonts"]["status"] == "ok"


def test_missing_display_libraries_are_named_with_the_packages_that_bring_them(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    plugin = tmp_path / "libqxcb.so"
    plugin.write_bytes(b"")
    said = ("\tlibxcb-cursor.so.0 => not found\n\tlibc.so.6 => /lib/libc.so.6 (0x1)\n"
            "\tlibxkbcommon-x11.so.0 => not found\n")
    monkeypatch.setattr(station_check, "_run", lambda command: subprocess.CompletedProcess(
        command, 0, said, ""))
    found = station_check.check_display(plugin)
    assert (found.status, found.fails) == (Status.MISSING, True)
    assert found.data["packages"] == ["libxcb-cursor0", "libxkbcommon-x11-0"]
    assert "apt-get install libxcb-cursor0 libxkbcommon-x11-0" in found.detail.text()


def _at_revision(path: Path, revision: str) -> None:
    store = Store(path, make_engine(path))
    config = opening._alembic_config()
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    store.dispose()


def test_an_older_database_is_reported_and_left_as_it_is(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite3"
    _at_revision(db, "0007")
    found = station_check.check_database(db)
    assert found.status is Status.WARNING
    assert "migrates it to" in found.detail.text()
    store = Store(db, make_engine(db))
    assert current_revision(store) == "0007"  # doctor migrates nothing
    store.dispose()
    assert list(tmp_path.iterdir()) == [db]  # and backs nothing up


def test_a_database_of_a_newer_desk_or_not_a_database_fails(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "newer.sqlite3"
    open_store(db).dispose()
    store = Store(db, make_engine(db))
    with store.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '9001'")
    store.dispose()
    code, checks = _doctor(capsys, "--db", str(db))
    assert code == exit_codes.REFUSED
    assert checks["database"]["status"] == "missing"
    assert "made by a newer desk" in checks["database"]["detail"]

    other = tmp_path / "notes.txt"
    other.write_text("not a database", encoding="utf-8")
    assert station_check.check_database(other).fails


def test_a_bad_station_setting_fails_the_check_in_the_users_language(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    station = tmp_path / "etc" / "LivenonDesk" / "desk_settings.toml"
    station.parent.mkdir(parents=True)
    station.write_text("[security]\nidle_lock_minute = 3\n", encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "etc"))
    code = main(["doctor", "--db", str(tmp_path / "none.sqlite3"), "--lang", "zh"])
    out = capsys.readouterr().out
    assert code == exit_codes.REFUSED
    assert f"{station}：[security] idle_lock_minute 不是本工作台的设置项" in out
    assert "修复以下各项之前，工作台无法在此运行：设置。" in out


def test_a_mail_setting_broken_by_hand_in_the_preferences_fails_the_check(
        tmp_path: Path, own_user_settings: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """What Settings' Mail page saved is read as the desk reads it, not only the files."""
    change_user_settings(mail={"imap_port": 0})
    code, checks = _doctor(capsys, "--db", str(tmp_path / "none.sqlite3"))
    assert code == exit_codes.REFUSED
    assert checks["settings"]["status"] == "missing"
    assert f"{own_user_settings}: [mail] imap_port must be a whole number" in (
        checks["settings"]["detail"])


def test_the_label_printer_is_asked_whether_it_is_ready(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "none.sqlite3")
    with listening() as printer:
        _, checks = _doctor(capsys, "--db", db, "--zpl", printer.address)
        assert printer.wait_for(1) == [b"~HS\r\n"]  # asked, nothing printed
    assert checks["label-printer"]["status"] == "ok"
    with listening(host_status(paper_out=True)) as printer:
        _, checks = _doctor(capsys, "--db", db, "--zpl", printer.address)
    assert "is out of labels" in checks["label-printer"]["detail"]
    code, checks = _doctor(capsys, "--db", db, "--zpl", f"tcp://127.0.0.1:{closed_port()}")
    # The desk works without its label printer (labels go through the print dialog).
    assert (code, checks["label-printer"]["status"]) == (exit_codes.OK, "missing")



def test_without_zpl_the_stations_own_label_printer_is_asked(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "none.sqlite3")
    station = tmp_path / "etc" / "LivenonDesk" / "desk_settings.toml"
    station.parent.mkdir(parents=True)
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "etc"))
    with listening(host_status(paper_out=True)) as printer:
        station.write_text(f'[label_printer]\naddress = "{printer.address}"\n',
                           encoding="utf-8")
        _, checks = _doctor(capsys, "--db", db)
        assert printer.wait_for(1) == [b"~HS\r\n"]
    assert checks["label-printer"]["data"]["address"] == printer.address
    assert "is out of labels" in checks["label-printer"]["detail"]

def test_the_central_server_is_asked_whether_it_answers(central: Central) -> None:
    assert station_check.check_central(central.url, _reachable).status is Status.OK
    gone = station_check.check_central(f"http://127.0.0.1:{closed_port()}", _reachable)
    assert (gone.status, gone.fails) == (Status.WARNING, False)
    assert station_check.check_central("", _reachable).status is Status.WARNING


def _reachable(server: str) -> bool:
    from livenon_desk.services.central_service import CentralService

    return CentralService().reachable(server)


def _fake_lpstat(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str) -> None:
    """An lpstat of our own on the PATH, answering as CUPS does for the queues below."""
    fake = tmp_path / "bin" / "lpstat"
    fake.parent.mkdir()
    fake.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ['PATH']}")


def test_the_printer_queues_and_a_cups_label_queue_are_read_from_cups(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    _fake_lpstat(tmp_path, monkeypatch, """case "$1" in
  -e) printf 'office\\nzebra\\n' ;;
  -d) echo 'system default destination: office' ;;
  -a) [ "$2" = zebra ] && echo 'zebra accepting requests since now' || {
        echo "lpstat: Invalid destination name in list \\"$2\\"." >&2; exit 1; } ;;
esac""")
    db = str(tmp_path / "none.sqlite3")
    _, checks = _doctor(capsys, "--db", db, "--zpl", "cups:zebra")
    assert checks["printers"]["data"] == {"queues": ["office", "zebra"], "default": "office"}
    assert checks["label-printer"]["status"] == "ok"
    _, checks = _doctor(capsys, "--db", db, "--zpl", "cups:gone")
    assert checks["label-printer"]["status"] == "missing"
    assert "Invalid destination name" in checks["label-printer"]["detail"]
