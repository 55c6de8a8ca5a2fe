"""Where a file dialog opens: the folder last used for that kind of file in this run, else
the user's own folder for it (Documents for saved PDFs, Pictures for photos), never the
folder the desk happened to be started from."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QStandardPaths


class FolderKind(Enum):
    DOCUMENTS = QStandardPaths.StandardLocation.DocumentsLocation
    PHOTOS = QStandardPaths.StandardLocation.PicturesLocation


_last: dict[FolderKind, Path] = {}


def start_folder(kind: FolderKind) -> Path:
    last = _last.get(kind)
    if last is not None and last.is_dir():
        return last
    own = QStandardPaths.writableLocation(kind.value)
    return Path(own) if own and Path(own).is_dir() else Path.home()


def remember_folder(kind: FolderKind, chosen: Path) -> None:
    """The folder of a file the user chose, for the next dialog of the same kind."""
    _last[kind] = chosen.parent
