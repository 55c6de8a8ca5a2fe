"""The station's camera in a form: a live view and a key to take a photo (QtMultimedia).

The picture comes through one path whatever its source: a capture session feeds a video
sink, the sink's frames are drawn in the view, and a photo is the frame on the sink when
the key is pressed, so what is kept is what the inspector saw. The source is the
station's camera (``QCamera``), or frames handed in by a program (``QVideoFrameInput``:
a test's frames, taking the camera's place behind the same session and sink).

Nothing here is allowed to stop a form from opening: no camera, a camera another program
holds, a camera the user may not open, and a Qt without its multimedia libraries are each
said in the panel, and photos from files work as before.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QLoggingCategory, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QVideoFrame, QVideoFrameInput

log = logging.getLogger(__name__)
T = TypeVar("T")

VIEW_SIZE = QSize(320, 240)
# The station setting's word for a station that has a camera but should not use it.
OFF = "off"


def multimedia() -> tuple[Any, str]:
    """Qt's multimedia module, or None and why it cannot be loaded (on Linux it needs the
    PulseAudio client library, libpulse0, even for a camera)."""
    # The FFmpeg backend looks for VA-API to decode video in hardware and warns when a
    # machine has none; a camera needs none of it.
    QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver=false")
    try:
        from PySide6 import QtMultimedia
    except ImportError as exc:
        log.warning("no camera support: %s", exc)
        return None, str(exc)
    return QtMultimedia, ""


class CameraPanel(QWidget):
    """A live view and "Take photo"; ``captured`` carries each photo taken."""

    captured = Signal(QImage)

    def __init__(self, device: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cameraPanel")
        self.view = QLabel()
        self.view.setObjectName("cameraView")
        self.view.setFixedSize(VIEW_SIZE)
        self.view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.view.setStyleSheet("background: #202124; color: #e8eaed")
        self.view.setWordWrap(True)
        self.take = QPushButton(self.tr("Take photo (F7)"))
        self.take.setObjectName("takePhoto")
        self.take.setAutoDefault(False)
        self.take.setEnabled(False)
        self.take.clicked.connect(self.capture)
        self.state = QLabel()
        self.state.setObjectName("cameraState")
        self.state.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addWidget(self.take)
        layout.addWidget(self.state)
        self._module, problem = multimedia()
        self._session: Any = None
        self._sink: Any = None
        self._camera: Any = None
        self._frame_input: Any = None
        if self._module is None:
            self._no_camera(self.tr("No camera: this computer lacks the camera support "
                                    "({reason}). Add photos from files.").format(
                                        reason=problem))
            return
        if device != OFF:
            self._open_camera(device)
        else:
            self._no_camera(self.tr("The camera is turned off for this station. Add "
                                    "photos from files."))

    def _open_camera(self, device: str) -> None:
        inputs = self._module.QMediaDevices.videoInputs()
        chosen = next((d for d in inputs if device and device in d.description()), None) \
            if device else self._module.QMediaDevices.defaultVideoInput()
        if chosen is None or chosen.isNull():
            self._no_camera(self.tr("No camera found on this station. Add photos from "
                                    "files."))
            return
        camera = self._module.QCamera(chosen, self)
        camera.errorOccurred.connect(self._camera_failed)
        best = _best_format(chosen.videoFormats())
        if best is not None:
            camera.setCameraFormat(best)
        self._open_session().setCamera(camera)
        self._camera = camera
        self.state.setText(self.tr("Camera: {name}").format(name=chosen.description()))
        camera.start()

    def _open_session(self) -> Any:
        """The capture session and its sink, made once there is a picture to show: a form
        on a station without a camera holds no multimedia objects at all."""
        if self._session is None:
            self._session = self._module.QMediaCaptureSession(self)
            self._sink = self._module.QVideoSink(self)
            self._session.setVideoSink(self._sink)
            self._sink.videoFrameChanged.connect(self._frame)
        return self._session

    def use_frames(self, frame_input: QVideoFrameInput) -> None:
        """Frames from ``frame_input`` in the camera's place (no camera is opened). The
        panel keeps it, so it lives as long as the session that reads it."""
        self.stop()
        session = self._open_session()
        session.setCamera(None)
        frame_input.setParent(self)
        self._frame_input = frame_input
        session.setVideoFrameInput(frame_input)
        self.state.setText("")

    def _no_camera(self, text: str) -> None:
        self.view.setText(self.tr("No camera"))
        self.state.setText(text)
        self.take.setEnabled(False)

    def _camera_failed(self, _error: object, text: str) -> None:
        log.warning("camera failed: %s", text)
        self._no_camera(self.tr("The camera could not be used ({reason}): another program "
                                "may hold it, or this user may not open it. Add photos "
                                "from files.").format(reason=text))

    def _frame(self, frame: QVideoFrame) -> None:
        if not frame.isValid():
            return
        image = frame.toImage()
        if image.isNull():
            return
        self.view.setPixmap(QPixmap.fromImage(image.scaled(
            VIEW_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation)))
        self.take.setEnabled(True)

    def capture(self) -> None:
        """The picture on the view now, as a photo; nothing while there is none (the panel
        keeps saying why)."""
        if self._sink is None or not self.take.isEnabled():
            return
        frame = self._sink.videoFrame()
        image = frame.toImage() if frame.isValid() else QImage()
        if image.isNull():
            self.state.setText(self.tr("No picture from the camera yet."))
            return
        self.state.setText(self.tr("Photo taken."))
        self.captured.emit(image)

    def stop(self) -> None:
        if self._camera is not None:
            self._camera.stop()


def _best_format(formats: list[Any]) -> Any:
    """The largest picture the camera gives at up to 1920x1080, for photos worth keeping;
    None to leave the camera as it is."""
    fitting = [f for f in formats if f.resolution().width() <= 1920
               and f.resolution().height() <= 1080]
    if not fitting:
        return None
    return max(fitting, key=lambda f: (f.resolution().width() * f.resolution().height(),
                                       f.maxFrameRate()))


def with_photo_file(image: QImage, use: Callable[[Path], T]) -> T:
    """``use`` given the photo as a JPEG file (named by the moment it was taken), which is
    gone afterwards: the desk's photo store keeps its own copy. Runs in a worker."""
    with tempfile.TemporaryDirectory(prefix="livenon-camera-") as folder:
        path = Path(folder) / datetime.now(UTC).strftime("camera-%Y%m%d-%H%M%S-%f.jpg")
        if not image.save(str(path), quality=90):  # JPEG, by the name
            raise OSError(f"the photo could not be written to {path}")
        return use(path)
