"""The preferences an older desk kept in QSettings move into the settings file on the
first start, once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QByteArray, QSettings

from livenon_desk.services.user_settings import QSETTINGS_KEYS, user_settings
from livenon_desk.views.app import carry_over_qsettings


@pytest.fixture
def old_settings() -> Iterator[QSettings]:
    settings = QSettings("Livenon", "LivenonDesk")
    yield settings
    for key in QSETTINGS_KEYS:
        settings.remove(key)
    settings.sync()


@pytest.mark.usefixtures("qapp")
def test_the_first_start_carries_qsettings_over_once(old_settings: QSettings) -> None:
    old_settings.setValue("ui/language", "zh")
    old_settings.setValue("ui/zoom_percent", 125)
    old_settings.setValue("ui/sound_on_unknown_scan", True)
    old_settings.setValue("sync/server_url", "https://central.example")
    old_settings.setValue("sync/user", "mchen")
    old_settings.setValue("print/office_printer", "Office Laser")
    old_settings.setValue("main/geometry", QByteArray(b"\x01\xd9\xd0\xcb"))
    old_settings.sync()
    carry_over_qsettings()
    carried = user_settings()
    assert (carried.language, carried.zoom_percent, carried.sound_on_unknown_scan) == (
        "zh", 125, True)
    assert (carried.sync_server, carried.sync_user) == ("https://central.example", "mchen")
    assert carried.office_printer == "Office Laser"
    assert carried.window_geometry == b"\x01\xd9\xd0\xcb"
    # Once: what QSettings still holds never comes back over the file.
    old_settings.setValue("ui/zoom_percent", 200)
    old_settings.sync()
    carry_over_qsettings()
    assert user_settings().zoom_percent == 125


@pytest.mark.usefixtures("qapp", "old_settings")
def test_a_first_start_with_nothing_to_carry_writes_the_defaults() -> None:
    carry_over_qsettings()
    assert user_settings().zoom_percent == 100
