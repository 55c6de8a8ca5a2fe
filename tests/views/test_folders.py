"""File dialogs open in the user's own folders, then where the user last went."""

from __future__ import annotations

from pathlib import Path

import pytest

from livenon_desk.views import folders
from livenon_desk.views.folders import FolderKind, remember_folder, start_folder


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(folders, "_last", {})
    monkeypatch.setenv("HOME", str(tmp_path))
    return tmp_path


@pytest.mark.usefixtures("qapp")
def test_photos_open_in_pictures_then_in_the_folder_last_chosen(home: Path) -> None:
    (home / "Pictures").mkdir()
    assert start_folder(FolderKind.PHOTOS) == home / "Pictures"
    camera = home / "camera" / "today"
    camera.mkdir(parents=True)
    remember_folder(FolderKind.PHOTOS, camera / "IMG_0001.jpg")
    assert start_folder(FolderKind.PHOTOS) == camera
    assert start_folder(FolderKind.DOCUMENTS) != camera  # each kind keeps its own


@pytest.mark.usefixtures("qapp")
def test_a_folder_that_is_gone_falls_back_to_home(home: Path) -> None:
    gone = home / "usb-stick"
    gone.mkdir()
    remember_folder(FolderKind.DOCUMENTS, gone / "label.pdf")
    gone.rmdir()
    assert start_folder(FolderKind.DOCUMENTS) == home  # no Documents folder either
