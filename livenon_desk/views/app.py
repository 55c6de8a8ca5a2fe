"""Starting the desk's GUI: one QApplication, the translations, the bug handler."""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from livenon_desk.domain.roles import Actor, Role
from livenon_desk.errors import KnownError
from livenon_desk.logging_setup import log_path
from livenon_desk.paths import RESOURCES_DIR
from livenon_desk.services.desk import Desk
from livenon_desk.services.desk_settings import desk_settings
from livenon_desk.services.user_settings import user_settings
from livenon_desk.views.after_paint import after_first_paint
from livenon_desk.views.scanner_input import install_scanner_input
from livenon_desk.views.sign_in_dialog import Mode, SignInDialog
from livenon_desk.views.stop_signals import QuitOnStopSignals
from livenon_desk.views.sync_controller import SyncController
from livenon_desk.views.task_runner import TaskRunner

if TYPE_CHECKING:
    from livenon_desk.services.retention_service import PurgeReport
    from livenon_desk.views.main_window import MainWindow

log = logging.getLogger(__name__)

I18N_DIR = RESOURCES_DIR / "i18n"


def ui_language(requested: str | None) -> str:
    """``zh`` or ``en``: as asked, else as saved in the settings, else the system's locale."""
    if requested:
        return requested
    saved = user_settings().language
    if saved:
        return saved
    return "zh" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load the desk's and Qt's own Chinese translations; English needs none."""
    if not language.startswith("zh"):
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return []
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    translators = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (("livenon_desk_zh_CN", str(I18N_DIR)), ("qtbase_zh_CN", qt_dir)):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            translators.append(translator)
        else:
            log.warning("translation %s not found in %s", name, folder)
    return translators


def _install_excepthook() -> None:
    """A bug in a slot is logged and shown; the desk keeps running."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        log.critical("unhandled error", exc_info=(kind, value, tb))
        if QApplication.instance() is not None:
            QMessageBox.critical(
                None,
                QApplication.translate("Errors", "Livenon Desk"),
                QApplication.translate(
                    "Errors", "Something went wrong; details are in the log: {path}"
                ).format(path=log_path()),
            )

    sys.excepthook = hook


def carry_over_qsettings() -> None:
    """On the first start with the settings file, the preferences an older desk kept in
    QSettings move into it (once: afterwards the file is the only place read)."""
    from livenon_desk.services.user_settings import QSETTINGS_KEYS, settings_file

    target = settings_file()
    if target.exists():
        return
    old = QSettings("Livenon", "LivenonDesk")
    values: dict[str, object] = {}
    for key in QSETTINGS_KEYS:
        value = old.value(key)
        if value is not None:
            values[key] = value.data() if isinstance(value, QByteArray) else value
    target.carry_over(values)


SYSTEM = Actor("system:retention", Role.ADMIN, "Retention rule")
# The exit status of a refused start, as the command line's for a known error.
STATION_REFUSED = 1


def _station_settings_hold(language: str) -> bool:
    """The settings files (the station's from IT, the user's) are read before anything
    else; a bad key is shown in the user's language, naming its file, section and key, and
    the desk does not start on settings it would misread."""
    try:
        desk_settings()
    except KnownError as exc:
        log.warning("not starting: %s", exc.message)
        QMessageBox.critical(None, QApplication.translate("Errors", "Livenon Desk"),
                             exc.text(language))
        return False
    return True


def run_desk(desk: Desk, *, database_label: str, language: str | None,
             demo_logins: str = "") -> int:
    """Sign in first; the main window opens for whoever signed in."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setOrganizationName("Livenon")
    app.setApplicationName("LivenonDesk")
    app.setApplicationDisplayName("Livenon Desk")
    carry_over_qsettings()
    lang = ui_language(language)
    translators = install_translators(app, lang)
    if not _station_settings_hold(lang):
        for translator in translators:
            app.removeTranslator(translator)
        return STATION_REFUSED
    _install_excepthook()
    station = desk_settings()
    install_scanner_input(app, station.scanner_prefix, station.scanner_suffix)
    runner = TaskRunner(parent=app)
    windows: list[MainWindow] = []
    hint = QApplication.translate("App", "Demo users (user / password): {logins}").format(
        logins=demo_logins) if demo_logins else ""
    sign_in = SignInDialog(desk, runner, lang, Mode.SIGN_IN, hint=hint)
    sync = SyncController(desk, runner, language=lang, parent=app)
    _check_passwords_centrally(desk, sync)

    stopping: list[Callable[[], None]] = [sync.stop]

    def start(actor: Actor) -> None:
        from livenon_desk.views.mail_worker import MailWorker
        from livenon_desk.views.window_keeper import WindowKeeper

        keeper = WindowKeeper(desk, runner, language=lang, translators=translators,
                              database_label=database_label,
                              idle_lock_minutes=station.idle_lock_minutes, sync=sync,
                              parent=app)
        mail = MailWorker(desk, runner, desk_settings(), language=lang, parent=app)
        stopping.append(mail.stop)
        # What the background mail did shows in the newest window's status bar.
        mail.said.connect(lambda said: windows[-1].message.setText(said) if windows else None)
        mail.taken.connect(lambda _n: windows[-1].refresh_all() if windows else None)
        window = keeper.open(actor)
        windows.append(window)
        settle_the_interpreter()
        sync.start()
        mail.start(actor)
        runner.run(lambda: desk.retention.purge(SYSTEM),
                   on_done=lambda report: _purged(window, report),
                   on_error=lambda e: log.error("retention run failed", exc_info=e))

    sign_in.signed_in.connect(start)
    sign_in.rejected.connect(app.quit)
    sign_in.show()
    # The sign-in shows before the main window's modules load; they load while the user
    # types, so that signing in opens the window without waiting for them.
    after_first_paint(sign_in, sign_in.check_first_run)
    after_first_paint(sign_in, load_the_main_window)
    stop_signals = QuitOnStopSignals(app.quit, parent=app)
    code = app.exec()
    stop_signals.restore()
    for stop in stopping:
        stop()
    runner.wait_for_done()
    return code


def load_the_main_window() -> None:
    from livenon_desk.views import mail_worker, window_keeper  # noqa: F401


# How long a worker thread may hold the interpreter's lock before the window's thread gets
# a turn (Python's default, 5 ms, is a third of a frame).
SWITCH_INTERVAL_S = 0.002


def settle_the_interpreter() -> None:
    """Set up the interpreter for a day of background work beside the window.

    What start-up made (modules, classes, Qt's wrappers) lives as long as the desk: it is
    left out of the garbage collector's full passes from now on. Each full pass would
    otherwise walk all of it while a background sync makes garbage, holding the
    interpreter's lock, and the window, for tens of milliseconds. And a worker computing
    (a sync round, a batch of labels) hands the lock to the window's thread every 2 ms."""
    gc.freeze()
    sys.setswitchinterval(SWITCH_INTERVAL_S)


def _purged(window: MainWindow, report: PurgeReport) -> None:
    if report.returns:
        window.message.setText(QApplication.translate(
            "App", "Retention rule: personal data of {n} long-closed returns removed."
        ).format(n=report.returns))


def _check_passwords_centrally(desk: Desk, sync: SyncController) -> None:
    """With a central server configured, sign-ins are checked there first, and the token it
    gives is kept for the background sync."""
    if sync.server_url:
        desk.online = sync.central.password_check(sync.server_url)
