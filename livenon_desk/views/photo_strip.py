"""A row of photo thumbnails that takes dropped files; thumbnails are made off the UI thread."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QMimeData, QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QImage, QImageReader, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from livenon_desk.views.task_runner import TaskRunner

THUMB = QSize(96, 96)
_KEEP_ASPECT = Qt.AspectRatioMode.KeepAspectRatio
_warmed_up = False
PATH_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def load_thumbnail(path: Path, size: QSize = THUMB) -> QImage:
    """The photo scaled down while it is decoded, so a large photo is never loaded whole."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    original = reader.size()
    if original.isValid():
        reader.setScaledSize(original.scaled(size, _KEEP_ASPECT))
    image = reader.read()
    if image.isNull():
        raise OSError(f"cannot decode {path.name}: {reader.errorString()}")
    return image


def _warm_up() -> None:
    """Run the thumbnail code once on the UI thread. PySide6 builds the Python classes of
    Qt's enums on first use, and building one on a worker while the UI thread runs can
    crash the process."""
    global _warmed_up
    if _warmed_up:
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "warm-up.png"
        image = QImage(2, 2, QImage.Format.Format_RGB32)
        image.fill(0)
        image.save(str(path))
        load_thumbnail(path)
    _warmed_up = True


def dropped_files(mime: QMimeData) -> list[Path]:
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class PhotoStrip(QListWidget):
    files_dropped = Signal(list)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        _warm_up()
        self.setObjectName("photoStrip")
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setIconSize(THUMB)
        self.setFlow(QListWidget.Flow.LeftToRight)
        self.setWrapping(False)
        self.setMovement(QListWidget.Movement.Static)
        self.setFixedHeight(THUMB.height() + 44)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setToolTip(self.tr("Drop photos here, or use Add photos (Ctrl+P)"))

    def add_photo(self, photo_id: int, path: Path, caption: str | None) -> None:
        item = QListWidgetItem(caption or path.name)
        item.setData(PATH_ROLE, str(path))
        item.setData(ID_ROLE, photo_id)
        item.setToolTip(str(path.name))
        self.addItem(item)
        self._runner.run(load_thumbnail, path,
                         on_done=lambda image: self._show(item, image),
                         on_error=lambda _e: item.setText(self.tr("(unreadable)")))

    def photo_ids(self) -> list[int]:
        return [int(self.item(i).data(ID_ROLE)) for i in range(self.count())]

    def selected_ids(self) -> list[int]:
        return [int(item.data(ID_ROLE)) for item in self.selectedItems()]

    def remove_photo(self, photo_id: int) -> None:
        for i in range(self.count()):
            if self.item(i).data(ID_ROLE) == photo_id:
                self.takeItem(i)
                return

    def _show(self, item: QListWidgetItem, image: QImage) -> None:
        if self.row(item) >= 0:
            item.setIcon(QIcon(QPixmap.fromImage(image)))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragEnterEvent) -> None:  # type: ignore[override]
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        files = dropped_files(event.mimeData())
        if files:
            event.acceptProposedAction()
            self.files_dropped.emit(files)
