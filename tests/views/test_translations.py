from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from livenon_desk.services.desk import Desk
from livenon_desk.views.app import I18N_DIR, install_translators
from livenon_desk.views.main_window import MainWindow
from livenon_desk.views.returns_table_model import Column
from livenon_desk.views.task_runner import TaskRunner
from tests.views.conftest import INSPECTOR

ROOT = Path(__file__).resolve().parents[2]
TS = I18N_DIR / "livenon_desk_zh_CN.ts"
LUPDATE = Path(PySide6.__file__).parent / "lupdate"


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(path).getroot()
    return {
        (ctx.findtext("name") or "", m.findtext("source") or ""): m
        for ctx in root.iter("context") for m in ctx.iter("message")
    }


def test_every_string_in_the_screens_is_translated(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "livenon_desk" / "views").glob("*.py"))
    subprocess.run([str(LUPDATE), *sources, "-ts", str(fresh)], check=True,
                   capture_output=True, timeout=120)
    shipped = _messages(TS)
    missing = sorted(set(_messages(fresh)) - set(shipped))
    assert not missing, f"run lupdate and translate: {missing}"
    for key, message in shipped.items():
        translation = message.find("translation")
        assert translation is not None and (translation.text or "").strip(), key
        assert translation.get("type") not in ("unfinished", "vanished", "obsolete"), key


@pytest.mark.usefixtures("qapp")
def test_the_compiled_file_translates() -> None:
    translator = QTranslator()
    assert translator.load("livenon_desk_zh_CN", str(I18N_DIR))
    assert translator.translate("MainWindow", "&File") == "文件(&F)"
    assert translator.translate("Labels", "Administrator") == "管理员"


def test_the_window_speaks_chinese(
    qtbot: QtBot, qapp: QApplication, desk: Desk, runner: TaskRunner
) -> None:
    translators = install_translators(qapp, "zh")
    try:
        window = MainWindow(desk, runner, actor=INSPECTOR, database_label="x", language="zh")
        qtbot.addWidget(window)
        header = window.model.headerData(Column.STATUS, Qt.Orientation.Horizontal)
        assert header == "状态"
        assert window.menuBar().actions()[0].text() == "文件(&F)"
        assert "扫描" in window.search.placeholderText()
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
        install_translators(qapp, "en")
