"""Where the desk keeps its files: the platform's user folders, or what the user chose."""

from __future__ import annotations

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


def default_database_path() -> Path:
    return data_dir() / "livenon-desk.sqlite3"


def demo_database_path() -> Path:
    return data_dir() / "livenon-desk-demo.sqlite3"


def policy_dir() -> Path:
    return RESOURCES_DIR / "policy"
