"""The user's own preferences: the language, the zoom, the beep, the central server and the
user signed in to it, the printers picked, the window's layout, and the mail servers an
administrator set in Settings (over ``[mail]`` of ``desk_settings.toml``).

They live in one JSON file in the user's config folder, beside the administrator's
``desk_settings.toml`` but apart from it: the desk writes this file whenever a preference
changes, and must never rewrite a file an administrator edits by hand. The window and the
command line read the same file (the command line's ``sync`` finds the server there). No
Qt here: the window's layout is kept as the bytes Qt gives, in base64.

The file has a ``version``; an older file is upgraded step by step when it is read, after
a copy of it is kept beside it (``user_settings.v1.json``). Version 1 is the preferences as
QSettings held them before this file existed, under QSettings' own key names and with its
value types (numbers and booleans as text): the window carries them over once, on its
first start, through the same upgrade.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from livenon_desk.paths import config_dir
from livenon_desk.private_files import write_private

log = logging.getLogger(__name__)

FILE_NAME = "user_settings.json"
VERSION = 2
LANGUAGES = ("en", "zh")


@dataclass(frozen=True)
class UserSettings:
    language: str | None = None  # "en" or "zh"; None: as the system
    zoom_percent: int = 100
    sound_on_unknown_scan: bool = False
    sync_server: str = ""  # the central server's address; "" until someone signs in
    sync_user: str = ""
    label_printer: str = ""  # the printer last picked for 4x6 stock
    office_printer: str = ""
    window_geometry: bytes = b""  # as Qt saved them
    window_splitter: bytes = b""
    list_header: bytes = b""
    # [mail] keys of desk_settings.toml and their values, as Settings saved them; checked
    # as the file's are where they are read (desk_settings.py).
    mail: dict[str, Any] = field(default_factory=dict)


# Where each preference sits in the file (version 2): section, key.
_PLACES: dict[str, tuple[str, str]] = {
    "language": ("interface", "language"),
    "zoom_percent": ("interface", "zoom_percent"),
    "sound_on_unknown_scan": ("interface", "sound_on_unknown_scan"),
    "sync_server": ("sync", "server_url"),
    "sync_user": ("sync", "user"),
    "label_printer": ("printers", "label"),
    "office_printer": ("printers", "office"),
    "window_geometry": ("window", "geometry"),
    "window_splitter": ("window", "splitter"),
    "list_header": ("window", "list_header"),
    "mail": ("mail", "settings"),
}
_DEFAULTS = UserSettings()

# Version 1: QSettings' key names, as the desk wrote them before this file.
QSETTINGS_KEYS: dict[str, str] = {
    "ui/language": "language",
    "ui/zoom_percent": "zoom_percent",
    "ui/sound_on_unknown_scan": "sound_on_unknown_scan",
    "sync/server_url": "sync_server",
    "sync/user": "sync_user",
    "print/label_printer": "label_printer",
    "print/office_printer": "office_printer",
    "main/geometry": "window_geometry",
    "main/splitter2": "window_splitter",
    "main/header": "list_header",
}


def _from_text(name: str, value: object) -> object:
    """A version-1 value (QSettings' text) as version 2 keeps it; None if it makes no sense."""
    default = getattr(_DEFAULTS, name)
    if isinstance(default, bool):
        return value if isinstance(value, bool) else str(value).lower() == "true"
    if isinstance(default, int):
        try:
            return int(str(value))
        except ValueError:
            return None
    return value  # text stays text; layouts are base64 in both versions


def _upgrade_1_to_2(document: dict[str, Any]) -> dict[str, Any]:
    upgraded: dict[str, Any] = {"version": 2}
    for key, name in QSETTINGS_KEYS.items():
        value = document.get(key)
        converted = None if value is None else _from_text(name, value)
        if converted is not None:
            section, field_key = _PLACES[name]
            upgraded.setdefault(section, {})[field_key] = converted
    return upgraded


# Each step takes a document of its version to the next one.
UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _upgrade_1_to_2}


def upgrade(document: dict[str, Any]) -> dict[str, Any]:
    """``document`` brought to ``VERSION`` by every step after its own version."""
    version = document.get("version")
    while isinstance(version, int) and version < VERSION:
        document = UPGRADES[version](document)
        version = document.get("version")
    return document


def _value(name: str, raw: object) -> object:
    """A version-2 value checked against the preference's type; the default if it fails."""
    default = getattr(_DEFAULTS, name)
    if name == "language":
        return raw if raw in LANGUAGES else None
    if isinstance(default, dict):
        return dict(raw) if isinstance(raw, dict) else default
    if isinstance(default, bytes):
        try:
            return base64.b64decode(str(raw), validate=True)
        except (binascii.Error, ValueError):
            return default
    if isinstance(default, bool):
        return raw if isinstance(raw, bool) else default
    if isinstance(default, int):
        return raw if isinstance(raw, int) and not isinstance(raw, bool) else default
    return raw if isinstance(raw, str) else default


def from_document(document: Mapping[str, Any]) -> UserSettings:
    values: dict[str, Any] = {}
    for name, (section, key) in _PLACES.items():
        part = document.get(section)
        if isinstance(part, dict) and key in part:
            values[name] = _value(name, part[key])
    return UserSettings(**values)


def to_document(settings: UserSettings) -> dict[str, Any]:
    document: dict[str, Any] = {"version": VERSION}
    for name, value in asdict(settings).items():
        section, key = _PLACES[name]
        kept = base64.b64encode(value).decode("ascii") if isinstance(value, bytes) else value
        document.setdefault(section, {})[key] = kept
    return document


class UserSettingsFile:
    """One user's preferences file; read anew each time, written whole (temporary file,
    then rename), so that two windows of one user never leave half a file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def exists(self) -> bool:
        return self.path.exists()

    def load(self) -> UserSettings:
        """The preferences; an unreadable file, or one from a newer desk, gives the
        defaults (the log says why): preferences are never worth refusing to start."""
        try:
            document = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return UserSettings()
        except (OSError, ValueError) as exc:
            log.warning("%s cannot be read (%s); the default preferences are used", self.path,
                        exc)
            return UserSettings()
        version = document.get("version") if isinstance(document, dict) else None
        if not isinstance(version, int) or version < min(UPGRADES):
            log.warning("%s has no version this desk knows; the default preferences are "
                        "used", self.path)
            return UserSettings()
        if version > VERSION:
            log.warning("%s was written by a newer desk (version %d); the default "
                        "preferences are used and the file is left as it is", self.path,
                        version)
            return UserSettings()
        if version < VERSION:
            backup = self.path.with_name(f"{self.path.stem}.v{version}{self.path.suffix}")
            write_private(backup, self.path.read_bytes())
            settings = from_document(upgrade(document))
            self._write(settings)
            log.info("%s upgraded from version %d to %d (the old file is %s)", self.path,
                     version, VERSION, backup.name)
            return settings
        return from_document(document)

    def update(self, **changes: Any) -> UserSettings:
        """Change some preferences, keep the others; the preferences now."""
        settings = replace(self.load(), **changes)
        self._write(settings)
        return settings

    def carry_over(self, old: Mapping[str, object]) -> UserSettings:
        """Preferences QSettings held (by its key names, bytes for layouts) become this
        file, through the version-1 upgrade. Only when there is no file yet: it is done
        once, and what the user changed since is never overwritten."""
        if self.exists():
            return self.load()
        document: dict[str, Any] = {"version": 1}
        for key, value in old.items():
            if key in QSETTINGS_KEYS and value is not None:
                document[key] = (base64.b64encode(value).decode("ascii")
                                 if isinstance(value, bytes) else value)
        settings = from_document(upgrade(document))
        self._write(settings)
        carried = sorted(k for k in document if k != "version")
        log.info("preferences carried over from QSettings: %s", ", ".join(carried) or "none")
        return settings

    def _write(self, settings: UserSettings) -> None:
        text = json.dumps(to_document(settings), ensure_ascii=False, indent=2) + "\n"
        write_private(self.path, text.encode("utf-8"))


def settings_path() -> Path:
    return config_dir() / FILE_NAME


def settings_file() -> UserSettingsFile:
    return UserSettingsFile(settings_path())


def user_settings() -> UserSettings:
    """The user's preferences as they are now."""
    return settings_file().load()


def change_user_settings(**changes: Any) -> UserSettings:
    return settings_file().update(**changes)

