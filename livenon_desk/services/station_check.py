"""What a workstation has and lacks for the desk (``livenon-desk doctor``): the station's
settings, the display libraries Qt's X11 platform loads from the system, the printers, the
label printer, the keyring, the central server, the database, the fonts.

Each check reports plain data and a catalogue message; a missing thing that the desk cannot
start or work without is ``required``, the rest are warnings the desk lives with (no
keyring: the token and the audit key sit in user-only files).
"""

from __future__ import annotations

import importlib.util
import logging
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from livenon_desk.catalogue import Message
from livenon_desk.errors import KnownError

log = logging.getLogger(__name__)

# The Debian/Ubuntu package that brings each library Qt's xcb platform plugin takes from
# the system (PyInstaller and PySide6's wheels ship Qt, not these).
DEBIAN_PACKAGES = {
    "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1", "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6", "libdbus-1.so.3": "libdbus-1-3",
    "libxkbcommon.so.0": "libxkbcommon0", "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0", "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0", "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0", "libxcb-xkb.so.1": "libxcb-xkb1",
    "libX11-xcb.so.1": "libx11-xcb1", "libxcb.so.1": "libxcb1",
}
COMMAND_SECONDS = 10


class Status(StrEnum):
    OK = "ok"
    WARNING = "warning"
    MISSING = "missing"


@dataclass(frozen=True)
class Finding:
    """One check: its id (``display``, ``database`` ...), what it found, in words and as
    data for ``--json``."""

    check: str
    status: Status
    required: bool
    detail: Message
    data: dict[str, object] = field(default_factory=dict)

    @property
    def fails(self) -> bool:
        return self.required and self.status is Status.MISSING


def _run(command: Sequence[str]) -> subprocess.CompletedProcess[str] | None:
    """The command's result, or None when it is not installed or does not answer."""
    if shutil.which(command[0]) is None:
        return None
    try:
        return subprocess.run(list(command), capture_output=True, text=True, check=False,
                              timeout=COMMAND_SECONDS)
    except (OSError, subprocess.TimeoutExpired) as exc:
        log.warning("%s: %s", command[0], exc)
        return None


def check_settings(paths: Sequence[Path], load: Callable[[], object]) -> Finding:
    files = [str(path) for path in paths if path.exists()]
    try:
        settings = load()
    except KnownError as exc:
        return Finding("settings", Status.MISSING, True, exc.reason, {"files": files})
    server = getattr(settings, "central_server", "")
    warehouse = getattr(settings, "warehouse_id", "")
    return Finding("settings", Status.OK, True,
                   Message.of("doctor.settings-read", files=", ".join(files),
                              warehouse=warehouse or "-"),
                   {"files": files, "warehouse_id": warehouse, "central_server": server})


def qt_platform_plugin() -> Path | None:
    """Qt's X11 platform plugin as this desk loads it (from PySide6, or the built folder)."""
    spec = importlib.util.find_spec("PySide6")
    folders = list(spec.submodule_search_locations or []) if spec else []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        folders.append(str(Path(bundle) / "PySide6"))
    for folder in folders:
        plugin = Path(folder) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if plugin.exists():
            return plugin
    return None


def check_display(plugin: Path | None) -> Finding:
    if not sys.platform.startswith("linux"):
        return Finding("display", Status.OK, True, Message.of("doctor.display-not-linux"))
    if plugin is None:
        return Finding("display", Status.WARNING, True, Message.of("doctor.display-no-plugin"))
    done = _run(["ldd", str(plugin)])
    if done is None:
        return Finding("display", Status.WARNING, True, Message.of("doctor.display-no-ldd"))
    missing = sorted({line.split()[0] for line in done.stdout.splitlines()
                      if "not found" in line})
    if not missing:
        return Finding("display", Status.OK, True, Message.of("doctor.display-ok"),
                       {"plugin": str(plugin)})
    packages = sorted({DEBIAN_PACKAGES.get(name, name) for name in missing})
    return Finding("display", Status.MISSING, True,
                   Message.of("doctor.display-missing", libraries=", ".join(missing),
                              packages=" ".join(packages)),
                   {"plugin": str(plugin), "missing": missing, "packages": packages})


def check_printers() -> Finding:
    done = _run(["lpstat", "-e"])
    if done is None:
        return Finding("printers", Status.WARNING, False, Message.of("doctor.printers-no-cups"))
    queues = sorted(line.split()[0] for line in done.stdout.splitlines() if line.strip())
    if not queues:
        return Finding("printers", Status.WARNING, False, Message.of("doctor.printers-none"))
    default = _run(["lpstat", "-d"])
    said = default.stdout.strip() if default and default.returncode == 0 else ""
    named = said.rsplit(":", 1)[-1].strip() if ":" in said else ""
    return Finding("printers", Status.OK, False,
                   Message.of("doctor.printers-found", queues=", ".join(queues),
                              default=named or "-"),
                   {"queues": queues, "default": named or None})


def check_label_printer(address: str, probe: Callable[[], None] | None) -> Finding:
    """``probe`` asks the label printer whether it is ready (LabelPrinterError if not)."""
    if probe is None:
        return Finding("label-printer", Status.WARNING, False,
                       Message.of("doctor.label-printer-none"))
    try:
        probe()
    except KnownError as exc:
        return Finding("label-printer", Status.MISSING, False, exc.reason,
                       {"address": address})
    return Finding("label-printer", Status.OK, False,
                   Message.of("doctor.label-printer-ready", printer=address),
                   {"address": address})


def check_keyring() -> Finding:
    import keyring
    from keyring.backends import fail

    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # a broken backend's own error: the desk falls back the same
        log.warning("keyring: %s", exc)
        backend = None
    name = type(backend).__module__ + "." + type(backend).__qualname__ if backend else ""
    if backend is None or isinstance(backend, fail.Keyring) or "null" in name.lower():
        return Finding("keyring", Status.WARNING, False, Message.of("doctor.keyring-none"),
                       {"backend": name or None})
    return Finding("keyring", Status.OK, False,
                   Message.of("doctor.keyring-found", backend=name), {"backend": name})


def check_central(server: str, reachable: Callable[[str], bool]) -> Finding:
    if not server:
        return Finding("central-server", Status.WARNING, False,
                       Message.of("doctor.central-none"))
    if reachable(server):
        return Finding("central-server", Status.OK, False,
                       Message.of("doctor.central-reachable", server=server),
                       {"server": server, "reachable": True})
    # The desk works offline; changes wait in the outbox until the server answers.
    return Finding("central-server", Status.WARNING, False,
                   Message.of("doctor.central-unreachable", server=server),
                   {"server": server, "reachable": False})


def check_database(path: Path) -> Finding:
    """The database's health, read without migrating or writing anything."""
    from livenon_desk.services.sync_service import SyncService
    from livenon_desk.store.database import Store, is_sqlite_file, make_engine
    from livenon_desk.store.opening import HEAD_REVISION, check_integrity, current_revision
    from livenon_desk.store.photo_files import PhotoFiles, photo_dir_for

    data: dict[str, object] = {"path": str(path), "head": HEAD_REVISION}
    if not path.exists():
        return Finding("database", Status.WARNING, True,
                       Message.of("doctor.database-none", path=path), data)
    if path.is_dir() or not is_sqlite_file(path):
        return Finding("database", Status.MISSING, True,
                       Message.of("doctor.database-not-ours", path=path), data)
    store = Store(path, make_engine(path))
    try:
        check_integrity(store)
        revision = data["revision"] = current_revision(store)
        if revision != HEAD_REVISION:
            return _schema_finding(path, revision, data)
        snapshot = SyncService(store, PhotoFiles(photo_dir_for(path)),
                               lambda: datetime.now(UTC)).snapshot()
    except KnownError as exc:
        return Finding("database", Status.MISSING, True, exc.reason, data)
    finally:
        store.dispose()
    data.update(waiting=snapshot.waiting, conflicts=snapshot.conflicts,
                refused=snapshot.failed)
    return Finding("database", Status.OK, True,
                   Message.of("doctor.database-ok", path=path, revision=revision,
                              waiting=snapshot.waiting, conflicts=snapshot.conflicts,
                              refused=snapshot.failed), data)


def _schema_finding(path: Path, revision: str | None, data: dict[str, object]) -> Finding:
    from livenon_desk.store.opening import known_revisions, script_head

    known = script_head()
    if revision is not None and revision not in known_revisions():
        return Finding("database", Status.MISSING, True,
                       Message.of("doctor.database-newer", path=path, revision=revision,
                                  head=known), data)
    # An older schema is migrated at the next start, after a backup.
    return Finding("database", Status.WARNING, True,
                   Message.of("doctor.database-behind", path=path, revision=revision or "-",
                              head=known or "-"), data)


def check_fonts(register: Callable[[], str]) -> Finding:
    """The documents' font, shipped with the desk; and the system's fonts for the window."""
    try:
        register()
    except KnownError as exc:
        return Finding("fonts", Status.MISSING, True, exc.reason)
    if not sys.platform.startswith("linux"):
        return Finding("fonts", Status.OK, True, Message.of("doctor.fonts-ok", count="-"))
    done = _run(["fc-list", "--format", "%{family}\n"])
    families = {line for line in done.stdout.splitlines() if line} if done else set()
    if not families:
        return Finding("fonts", Status.WARNING, True, Message.of("doctor.fonts-no-system"))
    return Finding("fonts", Status.OK, True, Message.of("doctor.fonts-ok", count=len(families)),
                   {"system_families": len(families)})
