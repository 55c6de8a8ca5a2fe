"""Receiving a parcel: arrival, carrier, condition, what it holds (P3, T3), its weight
(read from the station's scale with F6, or typed), cartons, photos."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from livenon_desk.domain.enums import ParcelCondition
from livenon_desk.domain.receiving import BY_HAND_REASON_MIN, counted_by_hand
from livenon_desk.domain.units import split_unit_code
from livenon_desk.domain.weighing import Reading, kilograms_text, parse_typed_weight
from livenon_desk.errors import KnownError
from livenon_desk.services.dto import ReturnDetail
from livenon_desk.services.receiving_dto import ReceiptInput
from livenon_desk.views.dialog_keys import submit_with_ctrl_enter
from livenon_desk.views.folders import FolderKind, remember_folder, start_folder
from livenon_desk.views.form_parts import (
    add_time_row,
    clear_when_edited,
    error_label,
    warehouse_time_edit,
)
from livenon_desk.views.formatting import qdatetime_to_utc
from livenon_desk.views.labels import parcel_condition_texts
from livenon_desk.views.photo_strip import PhotoStrip
from livenon_desk.views.scale_reading import ScaleReading
from livenon_desk.views.task_runner import TaskRunner

CARRIERS = ("UPS", "DHL", "FedEx", "USPS")


class ReceiveDialog(QDialog):
    """Emits ``submitted`` with the receipt; the window saves it and closes the dialog."""

    submitted = Signal(object)

    def __init__(self, detail: ReturnDetail, runner: TaskRunner, now: datetime,
                 chinese: bool, parent: QWidget | None = None, *,
                 read_weight: Callable[[], Reading] | None = None) -> None:
        super().__init__(parent)
        self.detail = detail
        self._runner = runner
        self._read_weight = read_weight
        self.setObjectName("receiveDialog")
        self.setWindowTitle(self.tr("Receive {rma}").format(rma=detail.rma_number))
        self._photo_paths: list[Path] = []

        self.received_at = warehouse_time_edit(now)
        self.received_at.setCalendarPopup(True)
        self.carrier = QComboBox(editable=True)
        self.carrier.addItems(list(CARRIERS))
        self.carrier.setCurrentText(detail.carrier or "")
        self.tracking = QLineEdit(detail.tracking_number or "")
        self.condition = QComboBox()
        for condition, text in parcel_condition_texts().items():
            self.condition.addItem(text, condition)
        self.invoice = QCheckBox(self.tr("The order invoice is enclosed (P3)"))
        self.return_form = QCheckBox(self.tr("The return form is enclosed (P3)"))
        self.returned_goods = QComboBox()
        self.returned_goods.addItem(self.tr("— choose —"), None)
        self.returned_goods.addItem(self.tr("Yes, marked \u201cReturned Goods\u201d"), True)
        self.returned_goods.addItem(self.tr("No, not marked"), False)
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("Anything worth recording about the parcel"))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(56)

        form = QFormLayout()
        add_time_row(form, self.tr("&Arrived"), self.received_at)
        form.addRow(self.tr("&Carrier"), self.carrier)
        form.addRow(self.tr("&Tracking number"), self.tracking)
        form.addRow(self.tr("Parcel c&ondition"), self.condition)
        form.addRow("", self.invoice)
        form.addRow("", self.return_form)
        if detail.cross_border:
            form.addRow(self.tr("Cross-&border (T3)"), self.returned_goods)
        else:
            self.returned_goods.hide()
        weight_row = self._weight_row()
        weight_label = QLabel(self.tr("&Weight"))
        weight_label.setBuddy(self.weight)  # Alt+W: the field, not the row around it
        form.addRow(weight_label, weight_row)
        form.addRow(self.tr("&Notes"), self.notes)

        cartons_box = QGroupBox(self.tr("Cartons"))
        # The scan field and the reason get the box's width; each line's count sits
        # before its name, so a long product name does not squeeze the fields.
        cartons_layout = QVBoxLayout(cartons_box)
        scan_form = QFormLayout()
        lines_grid = QGridLayout()
        lines_grid.setColumnStretch(1, 1)
        reason_form = QFormLayout()
        self.carton_scan = QLineEdit(placeholderText=self.tr("Scan a carton's tag"))
        self.carton_scan.setObjectName("cartonScan")
        scan_form.addRow(self.tr("&Scan"), self.carton_scan)
        # Counting starts at nothing: a carton is in when its tag is scanned, or when a
        # person types the count and says why (a form pre-filled with the answer it is
        # meant to collect records what nobody checked).
        self.carton_spins: dict[int, QSpinBox] = {}
        self.scanned: dict[int, int] = {}
        self._units_scanned: set[str] = set()
        self._tags: dict[str, int] = {}
        self._tag_of: dict[int, str] = {}
        for line in detail.lines:
            spin = QSpinBox(minimum=0, maximum=line.cartons_expected)
            spin.setValue(0)
            spin.setSuffix(self.tr(" of {n}").format(n=line.cartons_expected))
            spin.valueChanged.connect(self._counts_changed)
            name = line.product_name_zh if chinese and line.product_name_zh \
                else line.product_name_en
            row = lines_grid.rowCount()
            lines_grid.addWidget(spin, row, 0)
            lines_grid.addWidget(QLabel(f"{line.tag_code} · {name[:60]}"), row, 1)
            self.carton_spins[line.return_line_id] = spin
            self.scanned[line.return_line_id] = 0
            self._tags[line.tag_code.upper()] = line.return_line_id
            self._tag_of[line.return_line_id] = line.tag_code
        self.by_hand_reason = QLineEdit(placeholderText=self.tr(
            "Cartons typed in, not scanned: say why (a torn tag, a label under the strap…)"))
        self.by_hand_reason.setObjectName("byHandReason")
        self.by_hand_label = QLabel(self.tr("Why &not scanned"))
        self.by_hand_label.setBuddy(self.by_hand_reason)
        reason_form.addRow(self.by_hand_label, self.by_hand_reason)
        self.carton_feedback = QLabel()
        self.carton_feedback.setObjectName("cartonFeedback")
        for part in (scan_form, lines_grid, reason_form):
            cartons_layout.addLayout(part)
        cartons_layout.addWidget(self.carton_feedback)
        self.carton_scan.returnPressed.connect(self._carton_scanned)
        self._confirmed: dict[int, int] | None = None

        photos_row = QHBoxLayout()
        self.photos = PhotoStrip(runner)
        photos_box = QVBoxLayout()
        photos_box.addWidget(QLabel(self.tr("Photos of the parcel: drop files here or use "
                                            "Add photos")))
        photos_box.addWidget(self.photos)
        self.add_photos_button = QPushButton(self.tr("Add &photos…"))
        photos_row.addLayout(photos_box, 1)
        photos_row.addWidget(self.add_photos_button, 0, Qt.AlignmentFlag.AlignTop)
        self.add_photos_button.clicked.connect(self._choose_photos)
        self.photos.files_dropped.connect(self.add_photo_files)

        self.error = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Receive"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(cartons_box)
        layout.addLayout(photos_row)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        # Not the scan field: a carton scanned does not fix what the message is about.
        clear_when_edited(self.error, self.received_at, self.carrier, self.tracking,
                          self.condition, self.invoice, self.return_form, self.returned_goods,
                          self.notes, self.by_hand_reason, self.weight)
        self._counts_changed()
        # The rest is filled in from the return; the cartons are what is left to do.
        self.carton_scan.setFocus()
        submit_with_ctrl_enter(self, self.buttons, self._submit)

    def _weight_row(self) -> QWidget:
        """The weight in kilograms: typed, or read from the station's scale (F6)."""
        self.weight = QLineEdit(placeholderText=self.tr("kg, e.g. 23.5"))
        self.weight.setObjectName("weight")
        self.weight.setMaximumWidth(140)
        self.scale = ScaleReading(self, self._runner, self._read_weight)
        self.scale.weighed.connect(self._weighed)
        self.read_scale = self.scale.button
        self.weight_state = self.scale.state
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.weight)
        layout.addWidget(QLabel(self.tr("kg")))
        layout.addWidget(self.read_scale)
        layout.addWidget(self.weight_state, 1)
        return row

    def _weighed(self, reading: Reading) -> None:
        """The settled weight on the scale into the field."""
        self.weight.setText(kilograms_text(reading.grams))

    def _carton_scanned(self) -> None:
        code = self.carton_scan.text().strip().upper()
        self.carton_scan.clear()
        if not code:
            return
        line_id = self._tags.get(code)
        unit = split_unit_code(code) if line_id is None else None
        if unit is not None:
            # A carton's licence plate (LPN): its line's tag code and its carton number,
            # so the same carton scanned twice counts once.
            line_id = self._tags.get(unit[0])
            if code in self._units_scanned:
                self.carton_feedback.setText(
                    self.tr("{code} is counted already.").format(code=code))
                return
        if line_id is None:
            self.carton_feedback.setText(
                self.tr("{code} is not a tag of this return.").format(code=code))
            return
        spin = self.carton_spins[line_id]
        if self.scanned[line_id] >= spin.maximum():
            self.carton_feedback.setText(self.tr("All cartons of {code} are counted.").format(
                code=code))
            return
        self.scanned[line_id] += 1
        if unit is not None:
            self._units_scanned.add(code)
        spin.setValue(max(spin.value(), self.scanned[line_id]))
        self._counts_changed()
        self.carton_feedback.setText(self.tr("{code}: carton {n} of {total}").format(
            code=self._tag_of[line_id], n=self.scanned[line_id], total=spin.maximum()))

    def counts(self) -> dict[int, int]:
        return {line_id: spin.value() for line_id, spin in self.carton_spins.items()}

    def _counts_changed(self) -> None:
        """A typed count beyond the scanned ones asks why; any change asks to confirm anew."""
        by_hand = counted_by_hand(self.counts(), self.scanned)
        self.by_hand_label.setVisible(bool(by_hand))
        self.by_hand_reason.setVisible(bool(by_hand))
        if self._confirmed is not None and self._confirmed != self.counts():
            self._confirmed = None
            self.error.clear()

    def _choose_photos(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add photos"), str(start_folder(FolderKind.PHOTOS)),
            self.tr("Images (*.jpg *.jpeg *.png *.webp *.bmp)"))
        if files:
            remember_folder(FolderKind.PHOTOS, Path(files[0]))
        self.add_photo_files([Path(f) for f in files])

    def add_photo_files(self, files: list[Path]) -> None:
        for path in files:
            self._photo_paths.append(path)
            self.photos.add_photo(len(self._photo_paths), path, path.name)

    def receipt(self) -> ReceiptInput:
        """What the form says; a weight that is not one raises the ValidationError that
        says why."""
        condition = ParcelCondition(self.condition.currentData())
        marked = self.returned_goods.currentData() if self.detail.cross_border else None
        return ReceiptInput(
            received_at=qdatetime_to_utc(self.received_at.dateTime()),
            carrier=self.carrier.currentText(),
            tracking_number=self.tracking.text(),
            parcel_condition=condition,
            invoice_enclosed=self.invoice.isChecked(),
            return_form_enclosed=self.return_form.isChecked(),
            returned_goods_marked=marked,
            cartons=self.counts(),
            notes=self.notes.toPlainText(),
            photos=tuple(self._photo_paths),
            scanned=dict(self.scanned),
            by_hand_reason=self.by_hand_reason.text(),
            weight_grams=parse_typed_weight(self.weight.text()),
        )

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.buttons.setEnabled(True)

    def _submit(self) -> None:
        if not self.buttons.isEnabled():
            return  # already submitted, waiting for the answer
        by_hand = counted_by_hand(self.counts(), self.scanned)
        if by_hand and not self._confirm_by_hand(by_hand):
            return
        try:
            receipt = self.receipt()
        except KnownError as exc:
            self.error.setText(exc.text(QLocale().name()))
            self.weight.setFocus()
            return
        self.error.clear()
        self.buttons.setEnabled(False)
        self.submitted.emit(receipt)

    def _confirm_by_hand(self, by_hand: dict[int, int]) -> bool:
        """The first Ctrl+Enter of a receipt claiming more than was scanned only asks."""
        what = ", ".join(
            self.tr("{tag}: {n} of {counted}").format(
                tag=self._tag_of[line_id], n=extra, counted=self.carton_spins[line_id].value())
            for line_id, extra in by_hand.items())
        if len(self.by_hand_reason.text().strip()) < BY_HAND_REASON_MIN:
            self._confirmed = None
            self.error.setText(self.tr(
                "Cartons typed in, not scanned ({what}). Say why in «Why not scanned», or "
                "scan them.").format(what=what))
            self.by_hand_reason.setFocus()
            return False
        if self._confirmed != self.counts():
            self._confirmed = self.counts()
            self.error.setText(self.tr(
                "This receipt claims more cartons than were scanned ({what}); they will be "
                "recorded as counted by hand, with your reason. Press Ctrl+Enter again to "
                "confirm, or scan them.").format(what=what))
            return False
        return True
