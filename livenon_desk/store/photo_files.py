"""The desk's own photo store: each file copied in once, named by its content hash."""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from livenon_desk.domain.image_types import image_type
from livenon_desk.errors import ValidationError

log = logging.getLogger(__name__)

MAX_PHOTO_BYTES = 40 * 1024 * 1024


@dataclass(frozen=True)
class StoredPhoto:
    sha256: str
    file_name: str
    media_type: str
    size: int


def photo_dir_for(database: Path) -> Path:
    """Photos live beside the database file they belong to."""
    return database.with_name(database.stem + "-photos")


class PhotoFiles:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, file_name: str) -> Path:
        return self.root / file_name

    def add(self, source: Path) -> StoredPhoto:
        """Copy ``source`` in (once: a file already stored is not copied again)."""
        try:
            size = source.stat().st_size
            with source.open("rb") as f:
                head = f.read(16)
        except OSError as exc:
            log.warning("cannot read photo %s: %s", source, exc)
            raise ValidationError(
                "error.photo-unreadable",
                name=source.name,
                why=exc.strerror or exc,
            ) from exc
        kind = image_type(head)
        if kind is None:
            raise ValidationError("error.photo-format", name=source.name)
        if size > MAX_PHOTO_BYTES:
            raise ValidationError(
                "error.photo-too-large",
                name=source.name,
                size=size // 1048576,
                maximum=MAX_PHOTO_BYTES // 1048576,
            )
        media_type, suffix = kind
        digest = _sha256(source)
        return self._keep(digest, media_type, suffix, size,
                          lambda tmp: shutil.copyfile(source, tmp))

    def add_bytes(self, data: bytes, name: str) -> StoredPhoto:
        """Keep an image that arrived as bytes (an email's attachment), once by its hash."""
        kind = image_type(data[:16])
        if kind is None:
            raise ValidationError("error.photo-format", name=name)
        if len(data) > MAX_PHOTO_BYTES:
            raise ValidationError("error.photo-too-large", name=name,
                                  size=len(data) // 1048576,
                                  maximum=MAX_PHOTO_BYTES // 1048576)
        media_type, suffix = kind
        return self._keep(hashlib.sha256(data).hexdigest(), media_type, suffix, len(data),
                          lambda tmp: tmp.write_bytes(data))

    def _keep(self, digest: str, media_type: str, suffix: str, size: int,
              write: Callable[[Path], object]) -> StoredPhoto:
        file_name = f"{digest[:2]}/{digest}{suffix}"
        target = self.path(file_name)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp_name = tempfile.mkstemp(dir=target.parent, suffix=".part")
            os.close(fd)
            tmp = Path(tmp_name)
            try:
                write(tmp)
                with tmp.open("rb") as f:
                    os.fsync(f.fileno())
                tmp.replace(target)
            finally:
                tmp.unlink(missing_ok=True)
        return StoredPhoto(digest, file_name, media_type, size)

    def remove(self, file_name: str) -> None:
        self.path(file_name).unlink(missing_ok=True)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()
