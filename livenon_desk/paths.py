"""Where the desk keeps its files: the platform's user folders, or what the user chose."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "LivenonDesk"
APP_AUTHOR = "Livenon"

PACKAGE_DIR = Path(__file__).resolve().parent
RESOURCES_DIR = PACKAGE_DIR.parent / "resources"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def station_config_dirs() -> list[Path]:
    """The folders IT deploys a station's settings to, for every user of the workstation,
    the one that gives way first: on Linux the XDG system folders (/etc/xdg/LivenonDesk),
    on Windows %PROGRAMDATA%\\Livenon\\LivenonDesk, on macOS /Library/Application Support."""
    joined = platformdirs.site_config_dir(APP_NAME, APP_AUTHOR, multipath=True)
    # XDG lists the most important folder first.
    return [Path(folder) for folder in reversed(joined.split(os.pathsep)) if folder]


def default_database_path() -> Path:
    return data_dir() / "livenon-desk.sqlite3"


def demo_database_path() -> Path:
    return data_dir() / "livenon-desk-demo.sqlite3"


def policy_dir() -> Path:
    return RESOURCES_DIR / "policy"
