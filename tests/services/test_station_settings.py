"""The station's settings file IT deploys (desk_settings.toml for every user of the
workstation): where it is read, what it holds, and the message each bad key gets."""

from __future__ import annotations

from pathlib import Path

import pytest

from livenon_desk.errors import KnownError
from livenon_desk.paths import RESOURCES_DIR, config_dir
from livenon_desk.services import desk_settings as settings_module
from livenon_desk.services.desk_settings import (
    FILE_NAME,
    DeskSettings,
    chosen_server,
    load_settings,
    settings_paths,
)
from livenon_desk.services.user_settings import change_user_settings

DEFAULTS = RESOURCES_DIR / FILE_NAME


def _file(tmp_path: Path, text: str, name: str = FILE_NAME) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_station_file_sits_between_the_shipped_defaults_and_the_users_own(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_DIRS", f"{tmp_path / 'first'}:{tmp_path / 'second'}")
    assert settings_paths() == (
        DEFAULTS,
        # XDG's first folder is the more important one: it is read after the second.
        tmp_path / "second" / "LivenonDesk" / FILE_NAME,
        tmp_path / "first" / "LivenonDesk" / FILE_NAME,
        config_dir() / FILE_NAME,
    )
    station = _file(tmp_path, "[security]\nidle_lock_minutes = 3\n[central]\n"
                    'server = "https://central.example.com/"\n[station]\n'
                    'warehouse_id = "LAX-1"\n', "station.toml")
    settings = load_settings((DEFAULTS, station))
    assert (settings.idle_lock_minutes, settings.central_server, settings.warehouse_id) == (
        3, "https://central.example.com", "LAX-1")
    user = _file(tmp_path, "[security]\nidle_lock_minutes = 5\n")
    overridden = load_settings((DEFAULTS, station, user))
    assert (overridden.idle_lock_minutes, overridden.warehouse_id) == (5, "LAX-1")


def test_the_shipped_file_names_every_setting_and_leaves_the_station_unnamed() -> None:
    assert load_settings((DEFAULTS,)) == DeskSettings()


@pytest.mark.parametrize(("text", "message_id", "words"), [
    ("[security]\nidle_lock_minute = 3\n", "error.settings-unknown-key",
     "[security] idle_lock_minute is not a setting of this desk"),
    ("[secruity]\nidle_lock_minutes = 3\n", "error.settings-unknown-section",
     "[secruity] is not a section"),
    ("idle_lock_minutes = 3\n", "error.settings-unknown-section",
     "[idle_lock_minutes] is not a section"),
    ('[security]\nidle_lock_minutes = "3"\n', "error.settings-not-in-range",
     "must be a whole number from 0 to 1440"),
    ("[security]\nidle_lock_minutes = 2000\n", "error.settings-not-in-range",
     "must be a whole number from 0 to 1440"),
    ("[central]\nserver = 8080\n", "error.settings-not-text", "must be text in quotes"),
    ('[central]\nserver = "central.example.com"\n', "error.settings-not-a-server",
     "[central] server must be the central server's address"),
    ('[station]\nwarehouse_id = "LAX 1"\n', "error.settings-not-an-id",
     "[station] warehouse_id must be 1 to 40 letters"),
])
def test_each_bad_key_is_named_with_its_file_and_section(
        tmp_path: Path, text: str, message_id: str, words: str) -> None:
    station = _file(tmp_path, text)
    with pytest.raises(KnownError) as raised:
        load_settings((DEFAULTS, station))
    assert raised.value.message_id == message_id
    assert str(station) in raised.value.message
    assert words in raised.value.message
    assert str(station) in raised.value.text("zh")
    assert raised.value.text("zh") != raised.value.message


def test_the_station_names_the_central_server_until_a_user_signs_in_to_another(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    station = _file(tmp_path, '[central]\nserver = "https://central.example.com"\n')
    monkeypatch.setattr(settings_module, "desk_settings",
                        lambda: load_settings((DEFAULTS, station)))
    assert chosen_server() == "https://central.example.com"
    change_user_settings(sync_server="https://other.example.com")
    assert chosen_server() == "https://other.example.com"
