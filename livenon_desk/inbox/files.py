"""Messages in files: one ``.eml`` is one message, an ``.mbox`` holds many."""

from __future__ import annotations

import mailbox
from collections.abc import Iterator, Sequence
from pathlib import Path

from livenon_desk.errors import KnownError


def _is_mbox(path: Path, head: bytes) -> bool:
    # An mbox starts with its first message's "From " line; an .eml starts with headers.
    return path.suffix.lower() == ".mbox" or head.startswith(b"From ")


def messages_in_files(paths: Sequence[Path]) -> Iterator[tuple[str, bytes]]:
    """Each message of each file, as (its file name, and its number in an mbox; its bytes).
    A file that cannot be read stops the import with its name (the messages before it are
    kept, and importing again takes the rest)."""
    for path in paths:
        try:
            with path.open("rb") as handle:
                head = handle.read(5)
            if not _is_mbox(path, head):
                yield path.name, path.read_bytes()
                continue
            box = mailbox.mbox(path, create=False)
            try:
                for number, key in enumerate(box.iterkeys(), start=1):
                    yield f"{path.name}#{number}", box.get_bytes(key)
            finally:
                box.close()
        except OSError as exc:
            raise KnownError("error.mail-file-unreadable", path=path,
                             why=exc.strerror or exc) from exc
