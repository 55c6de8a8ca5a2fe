"""One checklist question, answered with one key: Y yes, N no, A not applicable (only where
the policy allows N/A for the item; elsewhere the key is refused with the reason shown)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from livenon_desk.domain.enums import Answer
from livenon_desk.services.inspection_dto import ChecklistQuestion
from livenon_desk.views.labels import answer_texts

KEYS = {
    Qt.Key.Key_Y: Answer.YES, Qt.Key.Key_1: Answer.YES,
    Qt.Key.Key_N: Answer.NO, Qt.Key.Key_2: Answer.NO,
    Qt.Key.Key_A: Answer.NOT_APPLICABLE, Qt.Key.Key_3: Answer.NOT_APPLICABLE,
    Qt.Key.Key_0: Answer.NOT_APPLICABLE,
}
_ORDER = (Answer.YES, Answer.NO, Answer.NOT_APPLICABLE)


class ChecklistRow(QFrame):
    answered = Signal(str, object)
    # A key answered this item: the form moves the focus on to the next item still open.
    keyed = Signal()

    def __init__(self, question: ChecklistQuestion, chinese: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.setObjectName(f"check_{question.item_id}")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        text = question.question_zh if chinese else question.question_en
        self._chinese = chinese
        self.label = QLabel(f"<b>{question.rule_id}</b>&nbsp; {text}")
        self.label.setWordWrap(True)
        if question.photo_required_on_no:
            self.label.setToolTip(self.tr("A \u201cno\u201d needs a photo as evidence."))
        if question.photo_required_on_yes:
            self.label.setToolTip(self.tr("A \u201cyes\u201d needs a photo as evidence."))
        # Why an answer is refused (N/A where the policy allows none), or where one came from
        # (the receipt's "not enclosed"): shown under the question, not in a popup.
        self.notice = QLabel()
        self.notice.setObjectName("checklistNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #a15c00")
        self.notice.setVisible(False)
        self._receipt_note = "" if question.receipt_note is None else (
            question.receipt_note.text("zh" if chinese else "en"))
        self._show_notice(self._receipt_note)
        self.group = QButtonGroup(self)
        texts_box = QVBoxLayout()
        texts_box.setContentsMargins(0, 0, 0, 0)
        texts_box.addWidget(self.label)
        texts_box.addWidget(self.notice)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addLayout(texts_box, 1)
        texts = answer_texts()
        keys = {Answer.YES: "Y", Answer.NO: "N", Answer.NOT_APPLICABLE: "A"}
        self.buttons: dict[Answer, QRadioButton] = {}
        for answer in _ORDER:
            button = QRadioButton(texts[answer])
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolTip(self.tr("Key {key}").format(key=keys[answer]))
            self.group.addButton(button)
            self.buttons[answer] = button
            layout.addWidget(button)
            button.toggled.connect(lambda on, a=answer: self._toggled(on, a))
        if not question.na_allowed:
            na = self.buttons[Answer.NOT_APPLICABLE]
            na.setEnabled(False)
            na.setToolTip(self.na_refusal())

    def _toggled(self, on: bool, answer: Answer) -> None:
        if on:
            if self.notice.text() == self.na_refusal():
                # The refused N/A is answered now: the reason goes, the receipt's note stays.
                self._show_notice(self._receipt_note)
            self.answered.emit(self.question.item_id, answer)

    def answer(self) -> Answer:
        for answer, button in self.buttons.items():
            if button.isChecked():
                return answer
        return Answer.UNANSWERED

    def set_answer(self, answer: Answer) -> None:
        button = self.buttons.get(answer)
        if button is not None:
            button.setChecked(True)

    def set_read_only(self, read_only: bool) -> None:
        for answer, button in self.buttons.items():
            allowed = answer is not Answer.NOT_APPLICABLE or self.question.na_allowed
            button.setEnabled(allowed and not read_only)

    def na_refusal(self) -> str:
        return self.tr("N/A is not an answer here: the return policy asks yes or no for "
                       "this item.")

    def _show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        answer = KEYS.get(Qt.Key(event.key()))
        if answer is Answer.NOT_APPLICABLE and not self.question.na_allowed \
                and self.buttons[Answer.YES].isEnabled():
            # Refused where the person looks, and the focus stays for a yes or no.
            self._show_notice(self.na_refusal())
            event.accept()
            return
        if answer is None or not self.buttons[answer].isEnabled():
            super().keyPressEvent(event)
            return
        self.set_answer(answer)
        self.keyed.emit()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.setStyleSheet("ChecklistRow { border: 2px solid #1a73e8; border-radius: 4px; }")
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.setStyleSheet("")
        super().focusOutEvent(event)
