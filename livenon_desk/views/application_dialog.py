"""One email application: the fields read from it beside the customer's own words, its
photos, and what the check against the order found (P1, P2).

The message is shown as plain text only: an email is written by a stranger, so nothing in
it is fetched, run or followed (no remote image, no script, no link).
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape as e
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from livenon_desk.domain.enums import MailState, ReasonCategory, ReasonCode, RuleOutcome
from livenon_desk.domain.mail_matching import OrderLineName
from livenon_desk.domain.roles import Action, Actor
from livenon_desk.services.desk import Desk
from livenon_desk.views.detail_html import OUTCOME_COLOURS
from livenon_desk.views.dialog_keys import SUBMIT_KEYS, no_default_buttons
from livenon_desk.views.error_reporting import user_message
from livenon_desk.views.formatting import format_date
from livenon_desk.views.labels import mail_state_texts, outcome_texts, reason_texts
from livenon_desk.views.photo_strip import PhotoStrip
from livenon_desk.views.task_runner import TaskRunner

if TYPE_CHECKING:
    # Their module loads the database layer, which the window's first paint does not wait for.
    from livenon_desk.services.application_answer import QueuedAnswer
    from livenon_desk.services.application_check import ApplicationCheck, LineCheck
    from livenon_desk.services.application_queue import ApplicationDetail
    from livenon_desk.services.mail_sender import SendReport


def _plain_label(text: str = "") -> QLabel:
    """A label that never reads its text as rich text: the text may come from an email."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ApplicationDialog(QDialog):
    def __init__(self, desk: Desk, runner: TaskRunner, actor: Actor, key: str,
                 language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("applicationDialog")
        self.setWindowTitle(self.tr("Email application"))
        self._desk = desk
        self._runner = runner
        self._actor = actor
        self._language = language
        self.key = key
        self.detail: ApplicationDetail | None = None

        self.fields = QFormLayout()
        self._values: dict[str, QLabel] = {}
        for name, title in (
                ("received", self.tr("Received")), ("sent", self.tr("Sent")),
                ("sender", self.tr("Sender")), ("subject", self.tr("Subject")),
                ("order", self.tr("Order number")), ("product", self.tr("Product name")),
                ("reason", self.tr("Return reason")), ("contact", self.tr("Contact info")),
                ("state", self.tr("State")), ("due", self.tr("Instructions by (P2)"))):
            self._values[name] = _plain_label()
            self._values[name].setObjectName(f"field_{name}")
            self.fields.addRow(title, self._values[name])
        parsed = QGroupBox(self.tr("Read from the email"))
        parsed.setLayout(self.fields)

        self.findings = QLabel()
        self.findings.setObjectName("findings")
        self.findings.setWordWrap(True)
        # Built by this dialog from escaped values; links in it are never opened.
        self.findings.setTextFormat(Qt.TextFormat.RichText)
        self.findings.setOpenExternalLinks(False)
        self.findings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        checked = QGroupBox(self.tr("Checked against the order"))
        checked_layout = QVBoxLayout(checked)
        checked_layout.addWidget(self.findings)
        checked_layout.addStretch(1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(parsed)
        left_layout.addWidget(checked, 1)
        left_layout.addWidget(self._build_settle())
        left_layout.addWidget(self._build_answer())

        self.original = QPlainTextEdit()
        self.original.setObjectName("originalText")
        self.original.setReadOnly(True)
        self.original.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.photos = PhotoStrip(runner)
        self.photos.setAcceptDrops(False)
        self.photos.viewport().setAcceptDrops(False)
        self.photos.setToolTip(self.tr("Photos attached to the email"))
        self.photos.hide()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel(self.tr("The email as the customer wrote it")))
        right_layout.addWidget(self.original, 1)
        right_layout.addWidget(self.photos)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)

        self.message = _plain_label()
        self.message.setObjectName("applicationMessage")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.resize(1200, 760)
        no_default_buttons(self)
        self.load()

    def _build_settle(self) -> QGroupBox:
        """Where a supervisor settles what the check could only guess: the reason code
        and the order line (arrows move, Enter saves)."""
        box = QGroupBox(self.tr("Settle what the check guessed"))
        self.reason_box = QComboBox()
        self.reason_box.setObjectName("reasonBox")
        self.reason_box.addItem(self.tr("— not known —"), None)
        categories = {ReasonCategory.QUALITY: "T1", ReasonCategory.PERSONAL: "T2"}
        for code, words in reason_texts().items():
            self.reason_box.addItem(self.tr("{reason} ({category})").format(
                reason=words, category=categories[code.category]), code.value)
        self.lines_list = QListWidget()
        self.lines_list.setObjectName("linesList")
        self.lines_list.setMaximumHeight(self.lines_list.fontMetrics().height() * 6)
        self.lines_list.activated.connect(lambda _index: self.save_choice())
        self._enter_saves = _EnterSaves(self.save_choice, self)
        self.reason_box.installEventFilter(self._enter_saves)
        self.save_button = QPushButton(self.tr("&Save the choice"))
        self.save_button.setObjectName("saveChoice")
        self.save_button.setShortcut(QKeySequence("Ctrl+S"))
        self.save_button.setToolTip(self.tr("Save the reason code and the line (Enter, Ctrl+S)"))
        self.save_button.clicked.connect(self.save_choice)
        reason_label = QLabel(self.tr("&Reason code"))
        reason_label.setBuddy(self.reason_box)
        lines_label = QLabel(self.tr("Order &line"))
        lines_label.setBuddy(self.lines_list)
        self.settle_note = _plain_label()
        form = QFormLayout(box)
        form.addRow(reason_label, self.reason_box)
        form.addRow(lines_label, self.lines_list)
        form.addRow(self.settle_note, self.save_button)
        self._set_settle_enabled(False)
        return box

    def _build_answer(self) -> QGroupBox:
        """The answer (P2), one key each: the return created and its instructions sent,
        or the refusal that cites the rule."""
        box = QGroupBox(self.tr("Answer the customer (P2)"))
        self.answer_button = QPushButton(
            self.tr("Create the return and send the instructions (Ctrl+Enter)"))
        self.answer_button.setObjectName("answerButton")
        self.answer_button.clicked.connect(self.send_instructions)
        self.refuse_button = QPushButton(
            self.tr("Refuse, citing the rule (Ctrl+Shift+Enter)"))
        self.refuse_button.setObjectName("refuseButton")
        self.refuse_button.clicked.connect(self.send_refusal)
        for keys in SUBMIT_KEYS:
            QShortcut(QKeySequence(keys), self).activated.connect(self.send_instructions)
            QShortcut(QKeySequence(keys.replace("Ctrl+", "Ctrl+Shift+")), self
                      ).activated.connect(self.send_refusal)
        self.answer_note = _plain_label()
        self.answer_note.setObjectName("answerNote")
        layout = QVBoxLayout(box)
        layout.addWidget(self.answer_note)
        row = QHBoxLayout()
        row.addWidget(self.answer_button)
        row.addWidget(self.refuse_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.answer_button.setEnabled(False)
        self.refuse_button.setEnabled(False)
        return box

    def _show_answer(self, detail: ApplicationDetail) -> None:
        """Which answer the application takes now, and why the other is not offered."""
        check = detail.check
        refused = [r.rule_id for line in check.lines for r in line.refused_by] if check else []
        ready = (check is not None and not check.needs_person and len(check.lines) == 1
                 and detail.mail.state is MailState.NEW)
        may = self._actor.may(Action.ANSWER_MAIL)
        self.answer_button.setEnabled(may and ready and not refused)
        self.refuse_button.setEnabled(may and ready and bool(refused))
        if detail.mail.state is MailState.ANSWERED:
            self._set_settle_enabled(False)  # what was answered is not settled again
            note = self.tr("Answered.")
        elif not may:
            note = self.tr("A supervisor answers email applications.")
        elif not ready:
            note = self.tr("Settle what the check could not before answering.")
        elif refused:
            note = self.tr("Refused by {rules}: the refusal cites the rule in the policy's "
                           "words.").format(rules=", ".join(sorted(set(refused))))
        elif check is not None and check.reason_category is ReasonCategory.QUALITY:
            note = self.tr("Quality reason (T1): the pre-paid label and the return form "
                           "go with the instructions.")
        else:
            note = self.tr("Personal reason (T2): the return form goes with the "
                           "instructions; the customer ships by their own courier.")
        self.answer_note.setText(note)

    def send_instructions(self) -> None:
        if not self.answer_button.isEnabled():
            return
        self._start_answer(self._desk.answers.answer)

    def send_refusal(self) -> None:
        if not self.refuse_button.isEnabled():
            return
        self._start_answer(self._desk.answers.refuse)

    def _start_answer(self, action: Callable[[Actor, str], QueuedAnswer]) -> None:
        self.answer_button.setEnabled(False)
        self.refuse_button.setEnabled(False)
        self.message.setText(self.tr("Answering…"))
        self._runner.run(action, self._actor, self.key, on_done=self._queued,
                         on_error=self._failed)

    def _queued(self, queued: QueuedAnswer) -> None:
        self.queued = queued
        self.message.setText(self.tr("Sending…"))
        self._runner.run(
            lambda *args: self._desk.mail_sender.send_by_settings(*args),
            self._actor.username,
            on_done=self._sent, on_error=self._failed)

    def _sent(self, report: SendReport) -> None:
        queued = self.queued
        if report.error is not None:
            said = (self.tr("Return {rma} created; the instructions are queued, not sent: "
                            "{why}") if queued.rma_number else
                    self.tr("The refusal is queued, not sent: {why}"))
        else:
            said = (self.tr("Return {rma} created and the instructions sent.")
                    if queued.rma_number else self.tr("The refusal is sent."))
        why = user_message(report.error, self._language) if report.error else ""
        self.load(then=said.format(rma=queued.rma_number or "", why=why))

    def _set_settle_enabled(self, enabled: bool) -> None:
        for widget in (self.reason_box, self.lines_list, self.save_button):
            widget.setEnabled(enabled)

    def _show_choices(self, check: ApplicationCheck | None) -> None:
        may = self._actor.may(Action.OVERRIDE)
        self._set_settle_enabled(may and check is not None)
        if not may:
            self.settle_note.setText(self.tr("A supervisor settles these."))
        if check is None:
            return
        current = check.reason_code.value if check.reason_code else None
        self.reason_box.setCurrentIndex(max(self.reason_box.findData(current), 0))
        self.lines_list.clear()
        matched = {line.line_no for line in check.lines}
        for line in check.order_lines:
            item = QListWidgetItem(self._line_name(line))
            item.setData(Qt.ItemDataRole.UserRole, line.line_no)
            if line.line_no in matched and len(matched) < len(check.order_lines):
                font = item.font()
                font.setBold(True)  # the lines the product may be
                item.setFont(font)
            self.lines_list.addItem(item)
            if len(matched) == 1 and line.line_no in matched:
                self.lines_list.setCurrentItem(item)
        self.lines_list.setEnabled(may and bool(check.order_lines))

    def save_choice(self) -> None:
        if not self.save_button.isEnabled():
            return
        code = self.reason_box.currentData()
        item = self.lines_list.currentItem()
        line_no = None if item is None else int(item.data(Qt.ItemDataRole.UserRole))
        self.message.setText(self.tr("Saving…"))
        self._runner.run(
            lambda *args: self._desk.application_checks.choose(*args),
            self._actor, self.key,
            ReasonCode(code) if code else None, line_no,
            on_done=self._saved, on_error=self._failed)

    def _saved(self, _check: ApplicationCheck) -> None:
        self.load(then=self.tr("Saved."))

    def load(self, then: str = "") -> None:
        self.message.setText(self.tr("Loading…"))
        self._runner.run(
            lambda *args: self._desk.application_queue.detail(*args),
            self._actor, self.key,
            on_done=lambda detail: self.show_detail(detail, then),
            on_error=self._failed)

    def _failed(self, error: BaseException) -> None:
        self.message.setText(user_message(error, self._language))

    def show_detail(self, detail: ApplicationDetail, message: str = "") -> None:
        self.detail = detail
        mail = detail.mail
        sender = mail.sender or "—"
        if mail.sender_name:
            sender = f"{mail.sender_name} <{sender}>"
        due = self.tr("{target} – {deadline}").format(
            target=format_date(detail.instructions_due.target),
            deadline=format_date(detail.instructions_due.deadline))
        if detail.overdue:
            due = self.tr("{due} (overdue)").format(due=due)
        values = {
            "received": format_date(mail.received_at), "sent": format_date(mail.sent_at),
            "sender": sender, "subject": mail.subject or "—",
            "order": mail.order_number or "—", "product": mail.product_name or "—",
            "reason": mail.reason_text or "—", "contact": mail.contact or "—",
            "state": mail_state_texts()[mail.state], "due": due,
        }
        for name, value in values.items():
            self._values[name].setText(value)
        self._values["due"].setStyleSheet(
            "color: #b3261e; font-weight: bold" if detail.overdue else "")
        self.original.setPlainText(mail.text or "")
        self.photos.clear()
        for number, photo in enumerate(detail.photos):
            self.photos.add_photo(number, photo.path, photo.name)
        self.photos.setVisible(bool(detail.photos))
        self.findings.setText(self._findings_html(detail))
        self._show_choices(detail.check)
        self._show_answer(detail)
        self.message.setText(message)

    def _findings_html(self, detail: ApplicationDetail) -> str:
        mail, check = detail.mail, detail.check
        out: list[str] = []
        if mail.restricted:
            out.append("<p><b>" + e(self.tr(
                "This email names a restricted return: it can be read, not processed "
                "(privacy rule).")) + "</p>")
        if mail.unreadable is not None and check is None:
            out.append(self._needs(mail.unreadable.text(self._language)))
        if check is None:
            return "".join(out)
        out.append(self._order_html(check))
        out.append(self._reason_html(check))
        out.append(self._lines_html(check))
        if check.problems:
            out.append("<p><b>" + e(self.tr("Needs a person:")) + "</b></p><ul>")
            out.extend(f"<li>{e(p.text(self._language))}</li>" for p in check.problems)
            out.append("</ul>")
        return "".join(out)

    def _needs(self, why: str) -> str:
        return ("<p><b>" + e(self.tr("Needs a person:")) + "</b> " + e(why) + "</p>")

    def _order_html(self, check: ApplicationCheck) -> str:
        if not check.order_found:
            order = self.tr("Order {order}: not found").format(
                order=check.order_number or "—")
        else:
            order = self.tr("Order {order}: found").format(order=check.order_number)
        sender = {
            True: self.tr("The sender is the order's customer."),
            False: self.tr("The sender is not the order's customer: check who wrote."),
            None: self.tr("The sender could not be compared with the customer."),
        }[check.sender_is_customer] if check.order_found else ""
        return f"<p>{e(order)}<br>{e(sender)}</p>"

    def _reason_html(self, check: ApplicationCheck) -> str:
        code = check.reason_code
        if code is None:
            return "<p>" + e(self.tr("Reason code: not recognised")) + "</p>"
        category = {
            ReasonCategory.QUALITY: self.tr(
                "quality (T1): Livenon pays the return shipping"),
            ReasonCategory.PERSONAL: self.tr(
                "personal (T2): the customer pays the return shipping"),
        }[code.category]
        said = (self.tr("Reason code (chosen by a person): {reason}, {category}")
                if check.reason_chosen else
                self.tr("Reason code (guessed): {reason}, {category}"))
        return "<p>" + e(said.format(reason=reason_texts()[code], category=category)) + "</p>"

    def _lines_html(self, check: ApplicationCheck) -> str:
        if not check.lines:
            return ""
        title = (self.tr("The line a person picked:") if check.line_chosen is not None
                 else self.tr("The matched line:") if len(check.lines) == 1
                 else self.tr("The lines it may be (a person picks):"))
        out = ["<p><b>" + e(title) + "</b></p>"]
        for line in check.lines:
            out.append(f"<p>{e(self._line_name(line))}</p><table cellpadding='2'>")
            outcomes = outcome_texts()
            for rule in line.rules:
                colour = OUTCOME_COLOURS[rule.outcome]
                bold = " style='font-weight:bold'" if rule.outcome is RuleOutcome.FAIL else ""
                out.append(
                    f"<tr><td><b>{e(rule.rule_id)}</b></td>"
                    f"<td style='color:{colour}'{bold}>{e(outcomes[rule.outcome])}</td>"
                    f"<td>{e(rule.reason.text(self._language))}</td></tr>")
            out.append("</table>")
        return "".join(out)

    def _line_name(self, line: LineCheck | OrderLineName) -> str:
        name = (line.name_zh if self._language.startswith("zh") and line.name_zh
                else line.name_en)
        return self.tr("Line {n}: {sku} {name}").format(n=line.line_no, sku=line.sku,
                                                         name=name)


class _EnterSaves(QObject):
    """Enter on the reason code saves the choice, as Enter on a line does."""

    def __init__(self, save: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._save = save

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() == Qt.KeyboardModifier.NoModifier):
            self._save()
            return True
        return super().eventFilter(watched, event)
