"""The desk's own settings (security, retention, label stock, the station's central server and
warehouse): defaults in resources/, then the station's file IT deploys for every user of the
workstation (paths.station_config_dirs), then the user's config folder; read once, and
checked key by key: a key the desk does not know, of the wrong type or out of range stops
the start with a message that names the file, the section and the key."""

from __future__ import annotations

import logging
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from livenon_desk.catalogue import Message
from livenon_desk.documents.printer_limits import DARKNESS_RANGE, LABEL_DPI, PRINTER_DPIS
from livenon_desk.domain.roles import Action, Actor
from livenon_desk.domain.station import is_warehouse_id
from livenon_desk.domain.weighing import scale_protocols
from livenon_desk.errors import KnownError, ValidationError
from livenon_desk.paths import RESOURCES_DIR, config_dir, station_config_dirs

log = logging.getLogger(__name__)

FILE_NAME = "desk_settings.toml"


@dataclass(frozen=True)
class DeskSettings:
    offline_sign_in_days: int = 7
    max_failed_sign_ins: int = 5
    lockout_minutes: int = 15
    idle_lock_minutes: int = 10
    closed_return_days: int = 730
    # The label printer's resolution: barcodes on labels and tags are whole dots of it.
    label_printer_dpi: int = LABEL_DPI
    # ZPL's ^MD: added to the darkness set on the printer itself (-30 to 30).
    label_printer_darkness: int = 0
    # How long the label printer has to take a connection, answer and take a job.
    label_printer_timeout_seconds: int = 10
    # Ask the printer's host status (~HS) before a job: paper out, head open, no answer.
    label_printer_ask_status: bool = True
    # The central server the station syncs with, until a user signs in to another.
    central_server: str = ""
    # Which warehouse this station is in, as IT names it (shown by doctor, kept for sync).
    warehouse_id: str = ""
    # [mail]: the SMTP server the answers to email applications go out by (P2); an empty
    # host sends nothing (answers wait, queued). The passwords are in the keyring.
    smtp_host: str = ""
    smtp_port: int = 465
    smtp_security: str = "tls"
    smtp_user: str = ""
    mail_from_address: str = "services@livenon.com"
    mail_from_name: str = "Livenon"
    # CA certificates to trust for the mail servers instead of the system's ("": the
    # system's), for a mail server with the company's own CA.
    mail_ca_file: str = ""
    # The mailbox the desk polls for applications (P1); an empty host or 0 minutes: off.
    imap_host: str = ""
    imap_port: int = 993
    imap_security: str = "tls"
    imap_user: str = ""
    imap_folder: str = "INBOX"
    mail_poll_minutes: int = 0
    # Where the window sends labels and tags: tcp://HOST[:PORT] or cups:QUEUE; "" for none.
    label_printer_address: str = ""
    # How a label's picture travels: compressed ASCII hex (any printer) or Z64.
    label_printer_encoding: str = "ascii"
    # The scale's serial port (COM3, /dev/ttyUSB0); "" for none: the weight is typed.
    scale_port: str = ""
    # How it speaks: a key of resources/scale_protocols.toml.
    scale_protocol: str = "sics"
    # How long a weight has to settle before the person is asked to try again.
    scale_wait_seconds: int = 5
    # What the barcode scanner sends before each code, and instead of (or before) Enter
    # after it: taken off, wherever the focus is.
    scanner_prefix: str = ""
    scanner_suffix: str = ""
    # The camera the inspection form shows: "" the system's default, "off" none, else
    # (part of) the name of one camera.
    camera_device: str = ""



_KEYS = {
    ("security", "offline_sign_in_days"): ("offline_sign_in_days", 0, 365),
    ("security", "max_failed_sign_ins"): ("max_failed_sign_ins", 1, 100),
    ("security", "lockout_minutes"): ("lockout_minutes", 1, 24 * 60),
    ("security", "idle_lock_minutes"): ("idle_lock_minutes", 0, 24 * 60),
    ("retention", "closed_return_days"): ("closed_return_days", 30, 36500),
    ("label_stock", "printer_dpi"): ("label_printer_dpi", min(PRINTER_DPIS),
                                     max(PRINTER_DPIS)),
    ("label_printer", "darkness"): ("label_printer_darkness", *DARKNESS_RANGE),
    ("label_printer", "timeout_seconds"): ("label_printer_timeout_seconds", 1, 600),
    ("mail", "smtp_port"): ("smtp_port", 1, 65535),
    ("mail", "imap_port"): ("imap_port", 1, 65535),
    ("mail", "poll_minutes"): ("mail_poll_minutes", 0, 24 * 60),
    ("scale", "wait_seconds"): ("scale_wait_seconds", 1, 60),
}
# Keys that are text; those with choices take one of them.
_TEXTS: dict[tuple[str, str], tuple[str, tuple[str, ...]]] = {
    ("mail", "smtp_host"): ("smtp_host", ()),
    ("mail", "smtp_security"): ("smtp_security", ("tls", "starttls")),
    ("mail", "smtp_user"): ("smtp_user", ()),
    ("mail", "from_address"): ("mail_from_address", ()),
    ("mail", "from_name"): ("mail_from_name", ()),
    ("mail", "ca_file"): ("mail_ca_file", ()),
    ("mail", "imap_host"): ("imap_host", ()),
    ("mail", "imap_security"): ("imap_security", ("tls", "starttls")),
    ("mail", "imap_user"): ("imap_user", ()),
    ("mail", "imap_folder"): ("imap_folder", ()),
    ("label_printer", "address"): ("label_printer_address", ()),
    # documents/zpl.py's GraphicEncoding, named here so that the settings load without
    # the PDF renderer (a test holds the two together).
    ("label_printer", "graphic_encoding"): ("label_printer_encoding", ("ascii", "z64")),
    ("scale", "port"): ("scale_port", ()),
    ("scale", "protocol"): ("scale_protocol", tuple(scale_protocols())),
    ("scanner", "prefix"): ("scanner_prefix", ()),
    ("scanner", "suffix"): ("scanner_suffix", ()),
    ("camera", "device"): ("camera_device", ()),
    ("central", "server"): ("central_server", ()),
    ("station", "warehouse_id"): ("warehouse_id", ()),
}
# Texts taken as they are: a scanner's suffix may well be a Tab or a space.
_UNSTRIPPED = {"scanner_prefix", "scanner_suffix"}
# Keys that are true or false.
_FLAGS = {("label_printer", "ask_status"): "label_printer_ask_status"}
# Keys that take one of a few values, not any number in their range.
_CHOICES = {"label_printer_dpi": PRINTER_DPIS}
# Keys at the top of the file, outside any section.
_TOP_LEVEL = {"schema"}


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except tomllib.TOMLDecodeError as exc:
        raise KnownError("error.settings-not-toml", path=path, exc=exc) from exc


def _check_known(path: Path, data: dict[str, Any]) -> None:
    """A key the desk does not read is a typing mistake IT would otherwise never see."""
    known = set(_KEYS) | set(_FLAGS) | set(_TEXTS)
    sections = {section for section, _ in known}
    for section, table in data.items():
        if section in _TOP_LEVEL:
            continue
        if section not in sections or not isinstance(table, dict):
            raise KnownError("error.settings-unknown-section", path=path, section=section)
        for key in table:
            if (section, key) not in known:
                raise KnownError("error.settings-unknown-key", path=path, section=section,
                                 key=key)


def _texts(path: Path, data: dict[str, Any]) -> dict[str, str]:
    values = {}
    for (section, key), (field_name, choices) in _TEXTS.items():
        value = data.get(section, {}).get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise KnownError("error.settings-not-text", path=path, section=section, key=key)
        if choices and value not in choices:
            raise KnownError("error.settings-not-one-of", path=path, section=section, key=key,
                             named=", ".join(f'"{c}"' for c in choices))
        kept = value if field_name in _UNSTRIPPED else value.strip()
        values[field_name] = _checked_text(path, section, key, field_name, kept)
    return values


def _checked_text(path: Path, section: str, key: str, field_name: str, value: str) -> str:
    """The station's central server, warehouse id and label printer, checked as what they
    name."""
    if field_name == "central_server" and value:
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise KnownError("error.settings-not-a-server", path=path, section=section,
                             key=key)
        return value.rstrip("/")
    if field_name == "warehouse_id" and value and not is_warehouse_id(value):
        raise KnownError("error.settings-not-an-id", path=path, section=section, key=key)
    if field_name == "label_printer_address" and value:
        from livenon_desk.services.label_printer import parse_address  # with the renderer

        parse_address(value)  # refused here, with the forms it takes, not at a print
    return value


def load_settings(paths: tuple[Path, ...]) -> DeskSettings:
    values: dict[str, Any] = {}  # ints, flags and texts, each checked below
    for path in paths:
        if not path.exists():
            continue
        data = _read(path)
        _check_known(path, data)
        values.update(_checked_values(path, data))
    return DeskSettings(**values)


def _checked_values(path: Path, data: dict[str, Any]) -> dict[str, Any]:
    """The settings ``data`` holds, by field, each checked: a wrong type or a value out of
    range is refused with a message naming ``path``, the section and the key."""
    values: dict[str, Any] = _texts(path, data)
    for (section, key), field_name in _FLAGS.items():
        flag = data.get(section, {}).get(key)
        if flag is None:
            continue
        if not isinstance(flag, bool):
            raise KnownError("error.settings-not-a-flag", path=path, section=section,
                             key=key)
        values[field_name] = flag
    for (section, key), (field_name, low, high) in _KEYS.items():
        value = data.get(section, {}).get(key)
        if value is None:
            continue
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise KnownError(
                "error.settings-not-in-range",
                path=path,
                section=section,
                key=key,
                low=low,
                high=high,
            )
        choices = _CHOICES.get(field_name)
        if choices is not None and value not in choices:
            named = ", ".join(str(c) for c in choices)
            raise KnownError(
                "error.settings-not-one-of",
                path=path,
                section=section,
                key=key,
                named=named,
            )
        values[field_name] = value
    return values


def settings_paths() -> tuple[Path, ...]:
    """The files read, each overriding the ones before it: the shipped defaults, the
    station's (IT's), the user's."""
    station = tuple(folder / FILE_NAME for folder in station_config_dirs())
    return (RESOURCES_DIR / FILE_NAME, *station, config_dir() / FILE_NAME)


@cache
def desk_settings() -> DeskSettings:
    return read_settings(settings_paths())


def read_settings(paths: tuple[Path, ...]) -> DeskSettings:
    """The settings of ``paths`` as the desk uses them: with the ``[mail]`` values an
    administrator saved in Settings over them."""
    return _with_saved_mail(load_settings(paths))


# [mail]: its keys as the file names them, the field each sets and the field's name in
# words (Settings' Mail page shows and refuses them by it).
MAIL = "mail"
MAIL_KEYS: dict[str, str] = {
    **{key: field_name for (section, key), (field_name, _) in _TEXTS.items()
       if section == MAIL},
    **{key: field_name for (section, key), (field_name, _, _) in _KEYS.items()
       if section == MAIL},
}
MAIL_FIELD_NAMES = {
    "smtp_host": "field.smtp-host",
    "smtp_port": "field.smtp-port",
    "smtp_security": "field.smtp-security",
    "smtp_user": "field.smtp-user",
    "from_address": "field.mail-from-address",
    "from_name": "field.mail-from-name",
    "ca_file": "field.mail-ca-file",
    "imap_host": "field.imap-host",
    "imap_port": "field.imap-port",
    "imap_security": "field.imap-security",
    "imap_user": "field.imap-user",
    "imap_folder": "field.imap-folder",
    "poll_minutes": "field.mail-poll-minutes",
}
_FIELD_REFUSALS = {
    "error.settings-not-in-range": "error.mail-setting-not-in-range",
    "error.settings-not-one-of": "error.mail-setting-not-one-of",
    "error.settings-not-text": "error.mail-setting-not-text",
}


def _with_saved_mail(settings: DeskSettings) -> DeskSettings:
    """The files' settings with the ``[mail]`` values an administrator saved in Settings
    (the user's preferences file), checked as the file's are."""
    from livenon_desk.services.user_settings import settings_path, user_settings

    saved = user_settings().mail
    if not saved:
        return settings
    data = {MAIL: saved}
    _check_known(settings_path(), data)
    return replace(settings, **_checked_values(settings_path(), data))


def mail_value(settings: DeskSettings, key: str) -> str | int:
    """The value of ``[mail]``'s ``key`` in ``settings``."""
    value = getattr(settings, MAIL_KEYS[key])
    assert isinstance(value, str | int)
    return value


def with_mail(values: Mapping[str, object], settings: DeskSettings) -> DeskSettings:
    """``settings`` with the ``[mail]`` values a person typed (by key), each checked as the
    file's; a refused one is a ``ValidationError`` naming its field, in words."""
    checked: dict[str, Any] = {}
    for key, value in values.items():
        try:
            checked.update(_checked_values(Path(FILE_NAME), {MAIL: {key: value}}))
        except KnownError as exc:
            refusal = _FIELD_REFUSALS.get(exc.message_id)
            if refusal is None:
                raise
            why = {k: v for k, v in exc.reason.values.items()
                   if k not in ("path", "section", "key")}
            raise ValidationError(refusal, field=Message.of(MAIL_FIELD_NAMES[key]),
                                  **why) from None
    return replace(settings, **checked)


def save_mail_settings(actor: Actor, values: Mapping[str, object]) -> DeskSettings:
    """Keep the ``[mail]`` values an administrator typed in Settings, each checked first
    (one refused: nothing is kept), in the user's preferences file: only those that differ
    from the settings files, so that what IT changes there later still reaches the keys
    nobody changed here. The desk's settings as they are now."""
    from livenon_desk.services.user_settings import change_user_settings

    actor.require(Action.ADMINISTER)
    wanted = with_mail(values, desk_settings())
    files = load_settings(settings_paths())
    saved = {key: mail_value(wanted, key) for key in MAIL_KEYS
             if mail_value(wanted, key) != mail_value(files, key)}
    change_user_settings(mail=saved)
    desk_settings.cache_clear()
    return desk_settings()


def chosen_server() -> str:
    """The central server this desk syncs with: the one its user signed in to, else the
    one the station's settings name (``[central] server``), else none ("")."""
    from livenon_desk.services.user_settings import user_settings

    return user_settings().sync_server or desk_settings().central_server
