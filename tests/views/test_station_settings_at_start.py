"""A bad key in the station's settings stops the desk's start with a message in the user's
language, before any window opens."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QMessageBox

from livenon_desk.catalogue import text
from livenon_desk.errors import KnownError
from livenon_desk.services.desk import Desk
from livenon_desk.views import app as desk_app


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_bad_station_setting_is_shown_in_the_users_language_and_the_desk_does_not_start(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        language: str) -> None:
    station = tmp_path / "desk_settings.toml"
    problem = {"path": station, "section": "secruity", "key": "idle_lock_minutes"}

    def bad_settings() -> None:
        raise KnownError("error.settings-unknown-key", **problem)

    shown: list[str] = []
    monkeypatch.setattr(desk_app, "desk_settings", bad_settings)
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda _parent, _title, words: shown.append(words))
    desk = Desk(tmp_path / "desk.sqlite3")
    locale = QLocale()
    shown_before = _visible()
    try:
        code = desk_app.run_desk(desk, database_label="desk.sqlite3", language=language)
    finally:
        desk.close()
        QLocale.setDefault(locale)  # the desk set its language's, as a start does
    assert code == 1
    assert shown == [text("error.settings-unknown-key", language, **problem)]
    assert _visible() == shown_before  # no sign-in, no window


def _visible() -> set[int]:
    return {id(widget) for widget in QApplication.topLevelWidgets() if widget.isVisible()}
