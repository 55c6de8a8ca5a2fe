"""The inspection form's camera. What is real here: QtMultimedia's capture session and video
sink (FFmpeg backend, offscreen), the live view, the F7 key into the form, the photo
written as JPEG and stored and attached by the inspection service as a file's photo is.
What is not: the camera. Its frames come from Qt's QVideoFrameInput, handed to the same
session in the camera's place (CameraPanel.use_frames), since CI has no camera; this
machine has none at all, which is the other case checked: the form says so, and photos
from files still work."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from livenon_desk.domain.enums import ReturnStatus
from livenon_desk.models import Photo, ReturnLine
from livenon_desk.services.desk import Desk
from livenon_desk.store.database import Store
from livenon_desk.store.photo_files import PhotoFiles, photo_dir_for
from livenon_desk.views import station_camera
from livenon_desk.views.inspection_dialog import InspectionDialog
from livenon_desk.views.task_runner import TaskRunner
from tests.builders import NOW, add_return
from tests.views.conftest import INSPECTOR
from tests.views.keyboard import WAIT, press
from tests.views.workbench import drop_files

SIZE = QSize(640, 480)


def _dialog(qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner,
            camera: str = "") -> InspectionDialog:
    built = add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW)
    with store.read_session() as s:
        line_id = s.query(ReturnLine).filter_by(return_id=built.return_id).one().id
    sheet = desk.inspections.open_sheet(INSPECTOR, line_id)
    dialog = InspectionDialog(sheet, desk.inspections, runner, INSPECTOR, "en", camera=camera)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=WAIT)
    return dialog


def _stored(store: Store) -> list[Photo]:
    with store.read_session() as s:
        return list(s.query(Photo).filter(Photo.inspection_id.is_not(None)))


@pytest.fixture
def frames() -> object:
    module, problem = station_camera.multimedia()
    assert module is not None, problem  # on Linux: apt-get install libpulse0
    fmt = module.QVideoFrameFormat(SIZE, module.QVideoFrameFormat.PixelFormat.Format_RGBA8888)
    return module.QVideoFrameInput(fmt)


def _send(frames: object, colour: str) -> None:
    from PySide6.QtMultimedia import QVideoFrame, QVideoFrameInput

    assert isinstance(frames, QVideoFrameInput)
    image = QImage(SIZE, QImage.Format.Format_RGBA8888)
    image.fill(QColor(colour))
    assert frames.sendVideoFrame(QVideoFrame(image))


def test_f7_takes_what_the_live_view_shows_several_times_for_one_item(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner, frames: object,
) -> None:
    dialog = _dialog(qtbot, store, desk, runner)
    camera = dialog.camera
    assert camera is not None
    camera.use_frames(frames)  # type: ignore[arg-type]
    _send(frames, "#c0392b")
    qtbot.waitUntil(camera.take.isEnabled, timeout=WAIT)  # a picture is on the view
    assert not camera.view.pixmap().isNull()
    press(qtbot, "F7")
    qtbot.waitUntil(lambda: dialog.photos.count() == 1, timeout=WAIT)
    _send(frames, "#2e86c1")
    qtbot.waitUntil(lambda: camera.view.pixmap().toImage().pixelColor(160, 120)
                    == QColor("#2e86c1"), timeout=WAIT)
    press(qtbot, "F7")
    qtbot.waitUntil(lambda: dialog.photos.count() == 2, timeout=WAIT)
    photos = _stored(store)
    assert len(photos) == 2
    assert all(p.media_type == "image/jpeg" and p.caption and p.caption.startswith("camera-")
               for p in photos)
    colours = []
    for photo in photos:
        with Image.open(PhotoFiles(photo_dir_for(store.path)).path(photo.file_name)) as picture:
            assert picture.size == (640, 480)
            colours.append(picture.convert("RGB").getpixel((320, 240)))
    assert [_near(c, (0xc0, 0x39, 0x2b)) for c in colours] == [True, False]
    assert _near(colours[1], (0x2e, 0x86, 0xc1))


def _near(got: object, want: tuple[int, int, int]) -> bool:
    assert isinstance(got, tuple)
    return all(abs(int(g) - w) <= 8 for g, w in zip(got, want, strict=True))  # JPEG's loss


def test_a_station_without_a_camera_says_so_and_takes_photos_from_files(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner, tmp_path: Path,
) -> None:
    dialog = _dialog(qtbot, store, desk, runner)
    camera = dialog.camera
    assert camera is not None
    assert camera.state.text() == "No camera found on this station. Add photos from files."
    assert not camera.take.isEnabled()
    press(qtbot, "F7")  # nothing to take: the panel keeps saying why
    assert camera.state.text() == "No camera found on this station. Add photos from files."
    photo = tmp_path / "scratch.jpg"
    Image.new("RGB", (40, 30), "grey").save(photo)
    drop_files(dialog.photos.viewport(), [photo])
    qtbot.waitUntil(lambda: dialog.photos.count() == 1, timeout=WAIT)
    assert len(_stored(store)) == 1


def test_a_desk_without_camera_support_says_no_camera(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(station_camera, "multimedia",
                        lambda: (None, "libpulse.so.0: cannot open shared object file"))
    dialog = _dialog(qtbot, store, desk, runner)
    assert dialog.camera is not None
    assert dialog.camera.view.text() == "No camera"
    assert "libpulse.so.0" in dialog.camera.state.text()
    press(qtbot, "F7")
    assert dialog.photos.count() == 0


def test_a_camera_turned_off_for_the_station_is_not_opened(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner,
) -> None:
    dialog = _dialog(qtbot, store, desk, runner, camera="off")
    assert dialog.camera is not None
    assert dialog.camera.state.text().startswith("The camera is turned off")
