"""The work queue's lists with their counts: what to pick up next."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from livenon_desk.services.work_queue_dto import Queue
from livenon_desk.views.formatting import format_count

if TYPE_CHECKING:
    # Its module loads the database layer, which the window's first paint does not wait for.
    from livenon_desk.services.application_queue import ApplicationCounts

ALL = "all"
APPLICATIONS = "email_applications"


WEIGHT_FLAGS = "weight_flags"

# Lists of work past its deadline (P5, P2, P6), or waiting for a supervisor's check: shown
# in red when not empty.
_LATE = frozenset({"overdue", "instructions_overdue", "refund_overdue", WEIGHT_FLAGS})


class QueuePanel(QWidget):
    chosen = Signal(object)  # a Queue, or None for every return
    applications_chosen = Signal()  # the email applications' list

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queuePanel")
        self._titles = {
            "awaiting_receipt": self.tr("Awaiting receipt"),
            "awaiting_inspection": self.tr("Awaiting inspection"),
            "overdue": self.tr("Overdue for inspection"),
            "inspected_today": self.tr("Inspected today"),
            "instructions_overdue": self.tr("Instructions overdue"),
            "refund_overdue": self.tr("Refund overdue"),
            ALL: self.tr("All returns"),
            APPLICATIONS: self.tr("Email applications"),
            "to_grade": self.tr("Units to grade"),
            "to_put_away": self.tr("Units to put away"),
            WEIGHT_FLAGS: self.tr("Weights to check"),
        }
        title = QLabel(self.tr("Work queue"))
        title.setStyleSheet("font-weight: bold")
        self.list = QListWidget()
        self.list.setObjectName("queueList")
        self.list.setMinimumWidth(200)
        self._queues: dict[str, Queue] = {}
        self._applications: ApplicationCounts | None = None
        self._tips = {
            "awaiting_inspection": self.tr("Oldest receipt first: the P5 deadline order"),
            "to_grade": self.tr("Returns with received cartons not graded yet: inspect them"),
            "to_put_away": self.tr(
                "Returns with graded cartons not in a bin of their zone: Ctrl+B, scan the "
                "unit, then the bin"),
            WEIGHT_FLAGS: self.tr(
                "A unit weighed far from the catalogue's weight: a possible item swap for a "
                "supervisor to check (Ctrl+Shift+W clears it)"),
        }
        # The days come with each list, from the policy in effect (P5, P2, P6).
        self._late_tips = {
            "overdue": self.tr("Past the P5 deadline ({days} business days after receipt)"),
            "instructions_overdue": self.tr(
                "Return instructions not sent within {days} business days of the "
                "application (P2)"),
            "refund_overdue": self.tr(
                "Passed more than {days} days ago and the refund not yet approved (P6)"),
            APPLICATIONS: self.tr(
                "Return applications sent by email (P1): answer within {days} business days "
                "of receipt (P2)"),
        }
        for key, text in self._titles.items():
            item = QListWidgetItem(text)
            item.setToolTip(self._tips.get(key, text))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.list.addItem(item)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setSpacing(2)
        self._fit_height()
        self.list.currentItemChanged.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.list)

    def _fit_height(self) -> None:
        """Every list shown whole, without a scroll bar: the applications' takes two lines."""
        rows = sum(self.list.sizeHintForRow(i) + 2 * self.list.spacing()
                   for i in range(self.list.count()))
        self.list.setFixedHeight(rows + 2 * self.list.frameWidth() + 2)

    def set_queues(self, queues: list[Queue]) -> None:
        self._queues = {q.key: q for q in queues}
        for i in range(self.list.count()):
            item = self.list.item(i)
            key = item.data(Qt.ItemDataRole.UserRole)
            if key == APPLICATIONS:
                continue
            queue = self._queues.get(key)
            text = self._titles[key]
            if queue is not None:
                text = f"{text}  ({format_count(queue.count)})"
            item.setText(text)
            if queue is not None and queue.deadline_days is not None and key in self._late_tips:
                item.setToolTip(self._late_tips[key].format(days=queue.deadline_days))
            if key in _LATE and queue is not None and queue.count:
                item.setForeground(QColor("#b3261e"))

    def set_application_counts(self, counts: ApplicationCounts) -> None:
        self._applications = counts
        item = self._item(APPLICATIONS)
        if item is None:
            return
        item.setToolTip(self._late_tips[APPLICATIONS].format(days=counts.deadline_days))
        # Two lines: the counts would not fit beside the title in the panel's width.
        item.setText(self._titles[APPLICATIONS] + "\n" + self.tr(
            "{new} new · {person} need a person").format(
                new=format_count(counts.new), person=format_count(counts.needs_person)))
        self._fit_height()
        if counts.overdue:
            item.setForeground(QColor("#b3261e"))
        else:
            item.setData(Qt.ItemDataRole.ForegroundRole, None)

    def application_counts(self) -> ApplicationCounts | None:
        return self._applications

    def _item(self, key: str) -> QListWidgetItem | None:
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == key:
                return self.list.item(i)
        return None

    def title(self, key: str) -> str:
        return self._titles[key]

    def queue(self, key: str) -> Queue | None:
        return self._queues.get(key)

    def select(self, key: str) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == key:
                self.list.setCurrentRow(i)
                return

    def current_key(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is None:
            return
        key = current.data(Qt.ItemDataRole.UserRole)
        if key == APPLICATIONS:
            self.applications_chosen.emit()
            return
        self.chosen.emit(None if key == ALL else self._queues.get(key))
