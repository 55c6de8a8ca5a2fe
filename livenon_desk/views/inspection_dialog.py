"""Inspecting one returned line: the checklist, notes, photos, the grade and a live decision.

The answers propose a grade (the policy's grading questions); the inspector confirms it or
chooses another with a reason, and the decision view shows where the policy's routing
rules send the line's units for that grade (disposition, zone, rule).

Every change is saved as a draft a moment later, and again when the window closes, so
nothing typed is lost.
"""

from __future__ import annotations

from datetime import datetime
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from livenon_desk.domain.enums import Answer, Decision
from livenon_desk.domain.roles import Action, Actor
from livenon_desk.domain.values import PhotoRef
from livenon_desk.services.inspection_dto import DraftInput, InspectionSheet, Preview
from livenon_desk.views.checklist_row import ChecklistRow
from livenon_desk.views.detail_html import (
    _STYLE,
    DECISION_COLOURS,
    refund_html,
    rule_rows_html,
)
from livenon_desk.views.dialog_keys import no_default_buttons
from livenon_desk.views.error_reporting import user_message
from livenon_desk.views.folders import FolderKind, remember_folder, start_folder
from livenon_desk.views.form_parts import clear_when_edited, error_label
from livenon_desk.views.formatting import format_time
from livenon_desk.views.labels import decision_texts, disposition_texts
from livenon_desk.views.photo_strip import PhotoStrip
from livenon_desk.views.task_runner import TaskRunner

if TYPE_CHECKING:
    from livenon_desk.services.inspection_service import InspectionService

AUTOSAVE_MS = 700


class InspectionDialog(QDialog):
    finished_inspection = Signal(object)  # Preview
    override_requested = Signal(object)  # InspectionSheet

    def __init__(self, sheet: InspectionSheet, service: InspectionService, runner: TaskRunner,
                 actor: Actor, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sheet = sheet
        self._service = service
        self._runner = runner
        self._actor = actor
        self._language = language
        self._chinese = language.startswith("zh")
        self._lang = "zh" if self._chinese else "en"
        self._dirty = False
        self._saving = False
        self.setObjectName("inspectionDialog")
        self.setWindowTitle(self.tr("Inspect {rma} · {tag}").format(
            rma=sheet.rma_number, tag=sheet.tag_code))
        self.resize(1100, 720)

        name = sheet.product_name_zh if self._chinese and sheet.product_name_zh \
            else sheet.product_name_en
        header = QLabel(
            f"<h3 style='margin:0'>{escape(name)}</h3><span style='color:#5f6368'>"
            f"{escape(sheet.rma_number)} · {escape(sheet.sku)} · {escape(sheet.tag_code)} · "
            + escape(self.tr("policy {version}").format(version=sheet.policy_version))
            + "</span>")
        header.setWordWrap(True)

        self.rows: list[ChecklistRow] = []
        checklist = QWidget()
        checklist_layout = QVBoxLayout(checklist)
        checklist_layout.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(self.tr("Answer each item with one key: Y yes, N no, A not applicable "
                              "(where the policy allows it). Tab moves on."))
        hint.setStyleSheet("color: #5f6368")
        hint.setWordWrap(True)
        checklist_layout.addWidget(hint)
        for question in sheet.questions:
            row = ChecklistRow(question, self._chinese)
            row.set_answer(sheet.draft.answers.get(question.item_id, Answer.UNANSWERED))
            row.answered.connect(self._changed)
            row.keyed.connect(lambda r=row: self._focus_next_open(r))
            checklist_layout.addWidget(row)
            self.rows.append(row)
        checklist_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(checklist)

        self.notes = QPlainTextEdit(sheet.draft.notes)
        self.notes.setObjectName("inspectionNotes")
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("What you saw, in a few words"))
        self.notes.setFixedHeight(70)
        self.notes.textChanged.connect(self._changed)
        # Never preselected, not even with the proposal: the inspector confirms the grade.
        self.grade = QComboBox()
        self.grade.setObjectName("grade")
        self.grade.addItem(self.tr("— choose —"), None)
        for grade in sheet.grades:
            self.grade.addItem(grade.words.text(self._lang), grade.id)
        if sheet.draft.grade is not None:
            self.grade.setCurrentIndex(max(0, self.grade.findData(sheet.draft.grade)))
        self.grade.currentIndexChanged.connect(self._changed)
        self.grade_reason = QLineEdit(sheet.draft.grade_reason)
        self.grade_reason.setObjectName("gradeReason")
        self.grade_reason.setPlaceholderText(
            self.tr("Why another grade than the proposed one"))
        self.grade_reason.textChanged.connect(self._changed)
        self.grade_reason_label = QLabel(self.tr("&Why this grade"))
        self.grade_reason_label.setBuddy(self.grade_reason)

        self.photos = PhotoStrip(runner)
        for photo in sheet.photos:
            self.photos.add_photo(photo.photo_id, photo.path, photo.caption)
        self.photos.files_dropped.connect(self.attach_files)
        self.add_photos_button = QPushButton(self.tr("Add &photos…"))
        self.add_photos_button.setToolTip(self.tr("Add photos (Ctrl+P); or drop files here"))
        self.add_photos_button.clicked.connect(self._choose_photos)
        self.remove_photo_button = QPushButton(self.tr("Remove photo"))
        self.remove_photo_button.clicked.connect(self._remove_selected_photos)
        photo_buttons = QVBoxLayout()
        photo_buttons.addWidget(self.add_photos_button)
        photo_buttons.addWidget(self.remove_photo_button)
        photo_buttons.addStretch(1)
        photo_row = QHBoxLayout()
        photos_box = QVBoxLayout()
        photos_box.addWidget(QLabel(self.tr("Photos: drop files here or use Add photos")))
        photos_box.addWidget(self.photos, 1)
        photo_row.addLayout(photos_box, 1)
        photo_row.addLayout(photo_buttons)

        form = QFormLayout()
        form.addRow(self.tr("&Notes"), self.notes)
        form.addRow(self.tr("&Grade"), self.grade)
        form.addRow(self.grade_reason_label, self.grade_reason)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(scroll, 1)
        left_layout.addLayout(form)
        left_layout.addLayout(photo_row)

        self.decision_view = QTextBrowser()
        self.decision_view.setObjectName("decisionView")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.decision_view)
        splitter.setSizes([620, 460])

        self.save_state = QLabel()
        self.save_state.setObjectName("saveState")
        self.error = error_label()
        self.read_only_banner = QLabel()
        self.read_only_banner.setStyleSheet(
            "background: #fdecea; color: #8c1d18; padding: 6px")
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.hide()

        self.save_button = QPushButton(self.tr("&Save draft"))
        self.save_button.setToolTip(self.tr("Save draft (Ctrl+S); drafts also save by themselves"))
        self.finish_button = QPushButton(self.tr("&Finish inspection"))
        self.finish_button.setToolTip(self.tr("Finish inspection (Ctrl+Enter)"))
        self.finish_button.setDefault(False)
        self.finish_button.setAutoDefault(False)
        self.override_button = QPushButton(self.tr("Approve as &exception…"))
        self.override_button.setToolTip(self.tr("A supervisor approves this return despite the "
                                                "rules, with a written reason"))
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAutoDefault(False)
        for button in (self.save_button, self.override_button):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_state, 1)
        buttons.addWidget(self.override_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.finish_button)
        buttons.addWidget(self.close_button)
        self.save_button.clicked.connect(self.save_now)
        self.finish_button.clicked.connect(self.finish)
        self.override_button.clicked.connect(lambda: self.override_requested.emit(self.sheet))
        self.close_button.clicked.connect(self.close)

        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(self.read_only_banner)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        # "Choose a disposition", "a photo is needed": gone once the inspector answers,
        # writes, chooses or adds a photo, as in the other forms.
        clear_when_edited(self.error, self.notes, self.grade, self.grade_reason,
                          *(button for row in self.rows for button in row.buttons.values()))

        for keys, slot in (
            (QKeySequence.StandardKey.Save, self.save_now),
            ("Ctrl+Return", self.finish),
            ("Ctrl+Enter", self.finish),
            ("Ctrl+P", self._choose_photos),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(slot)

        self._autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_now)
        no_default_buttons(self)
        self._apply_read_only()
        self.refresh_preview()
        if self.rows and not sheet.read_only:
            # A reopened draft goes on where it stopped: a Y typed at once must not
            # overwrite an answer already given.
            self._focus_next_open(None)

    def _focus_next_open(self, after: ChecklistRow | None) -> None:
        """The next item nobody has answered (after ``after``, then from the top), else the
        grade: Y typed down the list never overwrites an answer already there, such as the
        receipt's "no invoice"."""
        start = 0 if after is None else self.rows.index(after) + 1
        for row in (*self.rows[start:], *self.rows[:start]):
            if row.answer() is Answer.UNANSWERED:
                row.setFocus()
                return
        self.grade.setFocus()

    # --- what the form holds --------------------------------------------------------------

    def draft(self) -> DraftInput:
        answers = {row.question.item_id: row.answer() for row in self.rows
                   if row.answer() is not Answer.UNANSWERED}
        grade = self.grade.currentData()
        return DraftInput(answers, self.notes.toPlainText(),
                          str(grade) if grade else None, self.grade_reason.text())

    def preview(self) -> Preview:
        return self._service.preview(self.sheet, self.draft(), self.photos.count())

    def refresh_preview(self) -> None:
        result = self.preview()
        proposed = result.proposal.grade if result.proposal else None
        for index, grade in enumerate(self.sheet.grades, start=1):
            words = grade.words.text(self._lang)
            self.grade.setItemText(index, self.tr("{grade} (proposed)").format(grade=words)
                                   if grade.id == proposed else words)
        chosen = self.grade.currentData()
        other = chosen is not None and chosen != proposed
        self.grade_reason.setVisible(other or bool(self.grade_reason.text()))
        self.grade_reason_label.setVisible(self.grade_reason.isVisible())
        self.decision_view.setHtml(self._preview_html(result))

    def _preview_html(self, result: Preview) -> str:
        e = escape
        evaluation = result.evaluation
        rules_said = self.sheet.decision if self.sheet.finished_at else evaluation.decision
        rules_said = rules_said or evaluation.decision
        override = self.sheet.override
        # The final decision first; after a supervisor's exception the rules' own beneath it.
        final = override.decision if override is not None else rules_said
        colour = DECISION_COLOURS[final]
        parts = [_STYLE, f"<h2 style='color:{colour}'>{e(decision_texts()[final])}</h2>"]
        if override is not None:
            parts.append("<p><b>" + e(self.tr("Approved as an exception by {who}: {reason}").format(
                who=override.by, reason=override.reason)) + "</b></p>")
            parts.append("<p class='muted'>" + e(self.tr("The rules decided: {decision}").format(
                decision=decision_texts()[rules_said])) + "</p>")
        parts.append("<p class='muted'>" + e(self.tr("Rule by rule, policy {version}").format(
            version=evaluation.policy_version)) + "</p>")
        parts.append("<table class='rules'>" + rule_rows_html(evaluation.rules, self._chinese)
                     + "</table>")
        parts.append(self._grade_html(result))
        if result.refund is not None:
            parts.append(refund_html(result.refund, self._chinese, QLocale()))
        if result.problems and not self.sheet.read_only:
            parts.append("<p class='muted'>" + e(self.tr("Before finishing:")) + "</p><ul>")
            language = "zh" if self._chinese else "en"
            parts.extend(f"<li>{e(p.text(language))}</li>" for p in result.problems)
            parts.append("</ul>")
        return "".join(parts)

    def _grade_html(self, result: Preview) -> str:
        """The proposed grade and why (G1...), and where the chosen grade goes (R1...)."""
        e = escape
        parts = []
        if result.proposal is not None:
            why = "; ".join(r.text(self._lang) for r in result.proposal_reasons) or self.tr(
                "no answer lowers it")
            parts.append("<p><b>" + e(self.tr("Proposed grade: {grade}").format(
                grade=result.proposal.grade)) + "</b> · " + e(why) + "</p>")
        route = result.route
        if route is not None:
            zone = result.zone.text(self._lang) if result.zone else route.zone
            if route.disposition is None:
                text = self.tr("Held in {zone} until the decision is made (rule {rule})")
            else:
                text = self.tr("Goes to {disposition}: {zone} (rule {rule})")
            parts.append("<p>" + e(text.format(
                disposition=disposition_texts()[route.disposition] if route.disposition
                else "", zone=zone, rule=route.rule_id)) + "</p>")
        return "".join(parts)

    # --- saving ---------------------------------------------------------------------------

    def _changed(self, *_args: object) -> None:
        if self.sheet.read_only:
            return
        self._dirty = True
        self.save_state.setText(self.tr("Unsaved changes…"))
        self.refresh_preview()
        self._autosave.start()

    def save_now(self) -> None:
        if self.sheet.read_only or not self._dirty:
            return
        self._autosave.stop()
        self._dirty = False
        self._runner.run(self._service.save_draft, self._actor, self.sheet.inspection_id,
                         self.draft(), on_done=self._saved, on_error=self._save_failed)

    def _saved(self, when: datetime) -> None:
        self.save_state.setText(self.tr("Draft saved at {time}").format(
            time=format_time(when, now=when)))

    def _save_failed(self, error: BaseException) -> None:
        self._dirty = True
        self.error.setText(user_message(error, self._language))

    def finish(self) -> None:
        if self.sheet.read_only:
            return
        self._autosave.stop()
        self.error.clear()
        self.finish_button.setEnabled(False)
        self._runner.run(self._service.finish, self._actor, self.sheet.inspection_id,
                         self.draft(), on_done=self._finished, on_error=self._finish_failed)

    def _finished(self, result: Preview) -> None:
        self._dirty = False
        self.finished_inspection.emit(result)
        self.accept()

    def _finish_failed(self, error: BaseException) -> None:
        self.finish_button.setEnabled(True)
        self.error.setText(user_message(error, self._language))

    # --- photos ---------------------------------------------------------------------------

    def _choose_photos(self) -> None:
        if self.sheet.read_only:
            return
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add photos"), str(start_folder(FolderKind.PHOTOS)),
            self.tr("Images (*.jpg *.jpeg *.png *.webp *.bmp)"))
        if files:
            remember_folder(FolderKind.PHOTOS, Path(files[0]))
        self.attach_files([Path(f) for f in files])

    def attach_files(self, files: list[Path]) -> None:
        if self.sheet.read_only:
            return
        for path in files:
            self._runner.run(self._service.attach_photo, self._actor, self.sheet.inspection_id,
                             path, on_done=self._photo_attached, on_error=self._save_failed)

    def _photo_attached(self, photo: PhotoRef) -> None:
        self.error.clear()
        self.photos.add_photo(photo.photo_id, photo.path, photo.caption)
        self.refresh_preview()

    def _remove_selected_photos(self) -> None:
        for photo_id in self.photos.selected_ids():
            self.error.clear()
            self.photos.remove_photo(photo_id)
            self._runner.run(self._service.remove_photo, self._actor, photo_id,
                             on_error=self._save_failed)
        self.refresh_preview()

    # --- state ----------------------------------------------------------------------------

    def _apply_read_only(self) -> None:
        read_only = self.sheet.read_only
        for row in self.rows:
            row.set_read_only(read_only)
        self.notes.setReadOnly(read_only)
        self.grade.setEnabled(not read_only)
        self.grade_reason.setReadOnly(read_only)
        for button in (self.add_photos_button, self.remove_photo_button, self.save_button,
                       self.finish_button):
            button.setEnabled(not read_only)
        if read_only:
            reason = self.sheet.read_only_reason
            self.read_only_banner.setText(
                reason.text("zh" if self._chinese else "en") if reason else "")
            self.read_only_banner.show()
            self.save_state.clear()
        overridable = (self.sheet.finished_at is not None and self.sheet.override is None
                       and self.sheet.decision in (Decision.NOT_ELIGIBLE, Decision.NEEDS_REVIEW)
                       and self._actor.may(Action.OVERRIDE) and not self.sheet.restricted)
        self.override_button.setVisible(overridable)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_now()
        super().closeEvent(event)

    def reject(self) -> None:
        self.save_now()
        super().reject()
