"""The user's preferences: one versioned file in the user's config folder, read by the
window and the command line alike."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from livenon_desk.paths import config_dir
from livenon_desk.services import user_settings
from livenon_desk.services.user_settings import (
    VERSION,
    UserSettings,
    UserSettingsFile,
    change_user_settings,
)


def test_preferences_are_kept_whole_and_read_back(tmp_path: Path) -> None:
    file = UserSettingsFile(tmp_path / "user_settings.json")
    assert file.load() == UserSettings()
    file.update(language="zh", zoom_percent=125, window_geometry=b"\x01\xd9\xd0\xcb\x00")
    file.update(sync_server="https://central.example", sync_user="mchen")
    assert file.load() == UserSettings(language="zh", zoom_percent=125,
                                       window_geometry=b"\x01\xd9\xd0\xcb\x00",
                                       sync_server="https://central.example",
                                       sync_user="mchen")
    document = json.loads(file.path.read_text(encoding="utf-8"))
    assert document["version"] == VERSION
    assert document["sync"] == {"server_url": "https://central.example", "user": "mchen"}
    assert [p.name for p in tmp_path.iterdir()] == ["user_settings.json"]  # no leftovers


def test_an_old_version_file_is_upgraded_and_its_copy_kept(tmp_path: Path) -> None:
    path = tmp_path / "user_settings.json"
    old = {"version": 1, "ui/language": "zh", "ui/zoom_percent": "150",
           "ui/sound_on_unknown_scan": "true", "sync/server_url": "https://central.example",
           "sync/user": "mchen", "print/label_printer": "Zebra ZD421",
           "main/header": base64.b64encode(b"header-state").decode()}
    path.write_text(json.dumps(old), encoding="utf-8")
    settings = UserSettingsFile(path).load()
    assert settings == UserSettings(language="zh", zoom_percent=150,
                                    sound_on_unknown_scan=True,
                                    sync_server="https://central.example", sync_user="mchen",
                                    label_printer="Zebra ZD421", list_header=b"header-state")
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == VERSION
    assert json.loads((tmp_path / "user_settings.v1.json").read_text()) == old
    assert UserSettingsFile(path).load() == settings  # read again, from the new version


def test_a_file_it_cannot_use_gives_the_defaults_and_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "user_settings.json"
    newer = json.dumps({"version": VERSION + 1, "interface": {"zoom_percent": 200}})
    path.write_text(newer, encoding="utf-8")
    assert UserSettingsFile(path).load() == UserSettings()
    assert path.read_text(encoding="utf-8") == newer
    for text in ("{not json", "[]", '{"version": 0}'):
        path.write_text(text, encoding="utf-8")
        assert UserSettingsFile(path).load() == UserSettings()


def test_a_value_of_the_wrong_kind_is_its_default(tmp_path: Path) -> None:
    path = tmp_path / "user_settings.json"
    path.write_text(json.dumps({"version": VERSION, "interface": {
        "language": "fr", "zoom_percent": True, "sound_on_unknown_scan": "yes"},
        "sync": {"server_url": 8080, "user": "mchen"},
        "window": {"geometry": "not base64!"}}), encoding="utf-8")
    assert UserSettingsFile(path).load() == UserSettings(sync_user="mchen")


def test_what_qsettings_held_is_carried_over_once(tmp_path: Path) -> None:
    file = UserSettingsFile(tmp_path / "user_settings.json")
    carried = file.carry_over({"ui/zoom_percent": 110, "ui/sound_on_unknown_scan": True,
                               "main/geometry": b"geometry", "unknown/key": "x"})
    assert carried == UserSettings(zoom_percent=110, sound_on_unknown_scan=True,
                                   window_geometry=b"geometry")
    file.update(zoom_percent=90)
    assert file.carry_over({"ui/zoom_percent": 200}).zoom_percent == 90


def test_tests_never_touch_the_real_users_config(own_user_settings: Path) -> None:
    assert user_settings.settings_path() == own_user_settings
    assert not config_dir().is_relative_to(Path.home() / ".config")
    change_user_settings(zoom_percent=125)
    assert own_user_settings.exists()


@pytest.mark.parametrize("zoom", [110, 125])
def test_each_test_starts_with_no_preferences(zoom: int) -> None:
    assert user_settings.user_settings() == UserSettings()
    change_user_settings(zoom_percent=zoom)
