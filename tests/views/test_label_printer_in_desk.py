"""The station's label printer from the window: a return's labels previewed (Ctrl+P) and
sent with Ctrl+Shift+P to a printer on 127.0.0.1 started by the test, which reads the job
back as a printer would (graphic fields decoded, their barcodes read); a printer out of
labels or not answering is said in the user's language and nothing is marked printed
there. File > Settings shows the station's printer and sends its test label."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from livenon_desk.domain.enums import ReturnStatus
from livenon_desk.models import AuditEvent
from livenon_desk.services.desk import Desk
from livenon_desk.services.desk_settings import DeskSettings
from livenon_desk.services.document_kinds import Document, DocumentKind, LabelJob
from livenon_desk.store.database import Store
from livenon_desk.views.print_preview_dialog import PrintPreviewDialog
from livenon_desk.views.settings_dialog import SettingsDialog
from livenon_desk.views.task_runner import TaskRunner
from tests.builders import NOW, LineSpec, add_return
from tests.conftest import INSPECTOR
from tests.documents import zpl_reading as zpl
from tests.printer_listener import Listener, host_status, listening
from tests.views import keyboard
from tests.views.conftest import MakeWindow


def _station(monkeypatch: pytest.MonkeyPatch, address: str, encoding: str = "ascii") -> None:
    settings = DeskSettings(label_printer_address=address, label_printer_encoding=encoding,
                            label_printer_timeout_seconds=1)
    monkeypatch.setattr("livenon_desk.services.desk_settings.desk_settings", lambda: settings)


def _printed_there(store: Store) -> list[dict[str, object]]:
    """The audit trail's "printed" events that name a printer."""
    with store.read_session() as s:
        return [dict(e.after or {}) for e in s.scalars(
            select(AuditEvent).where(AuditEvent.action == "printed"))
            if "printer" in (e.after or {})]


def _label_preview(qtbot: QtBot, make_window: MakeWindow, rma: str) -> PrintPreviewDialog:
    window = make_window(INSPECTOR)
    keyboard.scan(qtbot, rma)
    qtbot.waitUntil(window.print_actions.single[DocumentKind.LABEL].isEnabled,
                    timeout=keyboard.WAIT)
    keyboard.press(qtbot, "Ctrl+P")
    qtbot.waitUntil(lambda: isinstance(window.print_actions.preview, PrintPreviewDialog),
                    timeout=keyboard.WAIT)
    preview = window.print_actions.preview
    assert isinstance(preview, PrintPreviewDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is preview, timeout=keyboard.WAIT)
    return preview


def _send(qtbot: QtBot, preview: PrintPreviewDialog) -> bool:
    with qtbot.waitSignal(preview.printed, timeout=keyboard.WAIT) as sent:
        keyboard.press(qtbot, "Ctrl+Shift+P")
    return bool(sent.args[0])


@pytest.mark.parametrize("encoding", ["ascii", "z64"])
def test_ctrl_shift_p_sends_the_previewed_labels_as_one_job(
    qtbot: QtBot, store: Store, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch,
    encoding: str,
) -> None:
    built = add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW)
    with listening() as printer:
        _station(monkeypatch, printer.address, encoding)
        preview = _label_preview(qtbot, make_window, built.rma_number)
        assert preview.label_button.isVisible()
        assert printer.address in preview.label_button.toolTip()
        assert _send(qtbot, preview)
        [job] = printer.wait_for(1)
    assert job.startswith(b"~HS\r\n")  # asked whether it is ready, then given the job
    labels = zpl.labels(job.removeprefix(b"~HS\r\n"))
    assert len(labels) == 2  # the sofa ships in two cartons: a label each
    data = [c.params.split(",", 4)[4] for label in labels for c in label.commands
            if c.name == "^GF"]
    assert all(d.startswith(":Z64:") == (encoding == "z64") for d in data)
    for label in labels:
        [picture] = label.graphics()
        assert ("Code128", built.rma_number) in zpl.barcodes(picture)
    assert preview.state.text() == f"The label printer took 2 labels ({printer.address})."
    assert _printed_there(store) == [{"document": "label", "printer": printer.address,
                                      "labels": 2}]


def test_a_printer_out_of_labels_gets_no_job_and_says_so(
    qtbot: QtBot, store: Store, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch,
    language: str,
) -> None:
    built = add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW)
    with listening(host_status(paper_out=True)) as printer:
        _station(monkeypatch, printer.address)
        preview = _label_preview(qtbot, make_window, built.rma_number)
        assert not _send(qtbot, preview)
        assert printer.wait_for(1) == [b"~HS\r\n"]  # asked, never given the job
    said = {"en": "is out of labels", "zh": "缺纸"}[language]
    assert said in preview.state.text() and printer.address in preview.state.text()
    assert preview.label_button.isEnabled()  # load a roll and press again
    assert _printed_there(store) == []


def test_a_printer_that_never_answers_is_said_so(
    qtbot: QtBot, store: Store, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch,
) -> None:
    built = add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW)
    with listening(answer=None) as printer:
        _station(monkeypatch, printer.address)
        preview = _label_preview(qtbot, make_window, built.rma_number)
        assert not _send(qtbot, preview)
    assert "did not answer within 1 s" in preview.state.text()
    assert _printed_there(store) == []


def test_without_a_label_printer_labels_go_to_the_system_printer_only(
    qtbot: QtBot, store: Store, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch,
) -> None:
    built = add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW)
    _station(monkeypatch, "")
    preview = _label_preview(qtbot, make_window, built.rma_number)
    assert not preview.label_button.isVisible()
    keyboard.press(qtbot, "Ctrl+Shift+P")  # nothing to send to: nothing happens
    assert preview.state.text() == ""


def _settings(qtbot: QtBot, runner: TaskRunner, printer: Listener | None,
              encoding: str = "ascii") -> SettingsDialog:
    station = DeskSettings(label_printer_address=printer.address if printer else "",
                           label_printer_dpi=300, label_printer_darkness=4,
                           label_printer_encoding=encoding, label_printer_timeout_seconds=1)
    dialog = SettingsDialog(station=station, runner=runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=keyboard.WAIT)
    return dialog


def _shown(dialog: SettingsDialog, name: str) -> str:
    label = dialog.findChild(QLabel, name)
    assert label is not None
    return label.text()


def _result(dialog: SettingsDialog) -> Callable[[], bool]:
    return lambda: dialog.test_label.isEnabled() and dialog.test_result.text() not in (
        "", "Sending the test label…")


def test_settings_show_the_station_printer_and_send_its_test_label(
    qtbot: QtBot, runner: TaskRunner,
) -> None:
    with listening() as printer:
        dialog = _settings(qtbot, runner, printer, "z64")
        assert _shown(dialog, "labelPrinterAddress") == printer.address
        keyboard.press(qtbot, "Ctrl+T")  # Print test label
        qtbot.waitUntil(_result(dialog), timeout=keyboard.WAIT)
        [job] = printer.wait_for(1)
    assert dialog.test_result.text() == ("The label printer took the test label. Scan its "
                                         "codes: they read LIVENON-TEST-300.")
    [label] = zpl.labels(job.removeprefix(b"~HS\r\n"))
    assert label.values("^MD") == ["4"]
    [picture] = label.graphics()
    assert ("Code128", "LIVENON-TEST-300") in zpl.barcodes(picture)


def test_a_test_label_to_an_open_printer_says_so(qtbot: QtBot, runner: TaskRunner) -> None:
    with listening(host_status(head_open=True)) as printer:
        dialog = _settings(qtbot, runner, printer)
        keyboard.press(qtbot, "Ctrl+T")
        qtbot.waitUntil(_result(dialog), timeout=keyboard.WAIT)
    assert "print head open" in dialog.test_result.text()


def test_settings_without_a_label_printer_say_none(qtbot: QtBot, runner: TaskRunner) -> None:
    dialog = _settings(qtbot, runner, None)
    assert _shown(dialog, "labelPrinterAddress") == "none set up"
    assert not dialog.test_label.isEnabled()
    assert _shown(dialog, "scalePort") == "none set up: weights are typed"
    assert _shown(dialog, "scannerAffixes") == "none set up / Enter"


def test_settings_show_the_stations_scale_and_scanner(qtbot: QtBot) -> None:
    station = DeskSettings(scale_port="COM3", scale_protocol="continuous",
                           scanner_prefix="\x02", scanner_suffix="\t")
    dialog = SettingsDialog(station=station)
    qtbot.addWidget(dialog)
    assert _shown(dialog, "scalePort") == "COM3, ST/US,GS,+0012.34kg"
    assert _shown(dialog, "scannerAffixes") == "\\x02 / \\t"


def test_one_label_is_said_as_one(
    qtbot: QtBot, store: Store, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch,
) -> None:
    built = add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW,
                       lines=[LineSpec(cartons=1)])
    with listening() as printer:
        _station(monkeypatch, printer.address)
        preview = _label_preview(qtbot, make_window, built.rma_number)
        assert _send(qtbot, preview)
        printer.wait_for(1)
    assert preview.state.text() == f"The label printer took the label ({printer.address})."


def test_office_papers_are_not_offered_to_the_label_printer(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner,
) -> None:
    built = add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW)
    invoice = desk.documents.render(INSPECTOR, DocumentKind.INVOICE, built.rma_number)
    sent: list[Document] = []

    def send() -> LabelJob:
        sent.append(invoice)
        raise AssertionError("an office paper went to the label printer")

    preview = PrintPreviewDialog(invoice, runner, label_printer="tcp://127.0.0.1:9",
                                 send_labels=send)
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is preview, timeout=keyboard.WAIT)
    assert not preview.label_button.isVisible()
    keyboard.press(qtbot, "Ctrl+Shift+P")
    runner.wait_for_done()
    assert sent == []
