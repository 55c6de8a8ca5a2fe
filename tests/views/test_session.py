"""Signing in, the idle lock, switching user and the audit view, on real widgets."""

from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from livenon_desk.domain.enums import ReturnStatus
from livenon_desk.domain.roles import Role
from livenon_desk.models import AuditEvent
from livenon_desk.services import user_settings
from livenon_desk.services.auth_service import AuthService
from livenon_desk.services.desk import Desk
from livenon_desk.services.desk_settings import DeskSettings
from livenon_desk.store.database import Store
from livenon_desk.views.audit_view import AuditView
from livenon_desk.views.inspection_dialog import InspectionDialog
from livenon_desk.views.main_window import MainWindow
from livenon_desk.views.sign_in_dialog import Mode, SignInDialog
from livenon_desk.views.task_runner import TaskRunner
from tests.builders import NOW, add_return
from tests.views.keyboard import WAIT
from tests.views.workbench import inspection_dialog, open_record

FAST = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


def _now() -> datetime:
    return NOW


@pytest.fixture
def users(store: Store) -> AuthService:
    auth = AuthService(store, DeskSettings(max_failed_sign_ins=3), lambda: NOW, hasher=FAST)
    admin = auth.create_first_admin("admin", "Ada Admin", "admin-pass")
    auth.add_local_user(admin, "mchen", "Mei Chen", Role.INSPECTOR, "inspector-pass")
    auth.add_local_user(admin, "jrivera", "Jordan Rivera", Role.SUPERVISOR, "supervisor-pass")
    return auth


def _sign_in(dialog: SignInDialog, user: str, password: str) -> None:
    dialog.username.setText(user)
    dialog.password.setText(password)
    dialog.submit()


@pytest.mark.usefixtures("users")
def test_signing_in_refuses_a_wrong_password_then_lets_the_right_one_in(
    qtbot: QtBot, desk: Desk, runner: TaskRunner
) -> None:
    dialog = SignInDialog(desk, runner, "en", Mode.SIGN_IN)
    qtbot.addWidget(dialog)
    dialog.show()
    _sign_in(dialog, "mchen", "nope")
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=WAIT)
    assert "wrong" in dialog.error.text() and dialog.password.text() == ""
    with qtbot.waitSignal(dialog.signed_in, timeout=WAIT) as signal:
        _sign_in(dialog, "MChen", "inspector-pass")
    actor = signal.args[0]
    assert (actor.username, actor.role) == ("mchen", Role.INSPECTOR)


def test_a_fresh_install_offers_the_first_administrator(
    qtbot: QtBot, desk: Desk, runner: TaskRunner
) -> None:
    dialog = SignInDialog(desk, runner, "en", Mode.SIGN_IN)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.check_first_run()
    qtbot.waitUntil(lambda: dialog.mode is Mode.FIRST_RUN, timeout=WAIT)
    assert dialog.repeat.isVisible()
    dialog.username.setText("boss")
    dialog.display_name.setText("The Boss")
    dialog.password.setText("long enough")
    dialog.repeat.setText("not the same")
    dialog.submit()
    assert "differ" in dialog.error.text()
    dialog.repeat.setText("long enough")
    with qtbot.waitSignal(dialog.signed_in, timeout=WAIT) as signal:
        dialog.submit()
    assert signal.args[0].role is Role.ADMIN


def _window(qtbot: QtBot, desk: Desk, runner: TaskRunner, users: AuthService,
            user: str, password: str) -> MainWindow:
    actor = users.sign_in(user, password)
    window = MainWindow(desk, runner, actor=actor, database_label="x", clock=_now)
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_lock_hides_the_work_and_the_same_password_brings_it_back(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner, users: AuthService
) -> None:
    built = add_return(store, status=ReturnStatus.RECEIVED, received_at=NOW)
    window = _window(qtbot, desk, runner, users, "mchen", "inspector-pass")
    open_record(qtbot, window, built.rma_number)
    window.return_actions.inspect.trigger()
    inspection = inspection_dialog(qtbot, window)
    inspection.notes.setPlainText("half-way through")
    window.session.lock()
    lock = window.session.dialog
    assert lock is not None and lock.mode is Mode.UNLOCK and lock.isVisible()
    assert not window.isVisible() and not inspection.isVisible()
    assert lock.username.isReadOnly() and lock.username.text() == "mchen"
    qtbot.keyClick(lock, Qt.Key.Key_Escape)
    assert lock.isVisible()
    _sign_in(lock, "mchen", "wrong")
    qtbot.waitUntil(lambda: lock.error.text() != "", timeout=WAIT)
    assert not window.isVisible()
    _sign_in(lock, "mchen", "inspector-pass")
    qtbot.waitUntil(window.isVisible, timeout=WAIT)
    assert inspection.isVisible()
    assert isinstance(window.return_actions.dialog, InspectionDialog)
    assert inspection.notes.toPlainText() == "half-way through"


def test_idle_time_locks_the_desk(
    qtbot: QtBot, desk: Desk, runner: TaskRunner, users: AuthService
) -> None:
    actor = users.sign_in("mchen", "inspector-pass")
    window = MainWindow(desk, runner, actor=actor, database_label="x", clock=_now,
                        idle_lock_minutes=1)
    qtbot.addWidget(window)
    window.show()
    window.session.set_idle_minutes(0)
    window.session._idle_ms = 50  # a minute is too long to wait for in a test
    window.session._idle.start(50)
    qtbot.waitUntil(lambda: window.session.locked, timeout=2000)
    assert not window.isVisible()


def test_switching_user_gives_the_window_the_new_users_rights(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner, users: AuthService
) -> None:
    window = _window(qtbot, desk, runner, users, "mchen", "inspector-pass")
    assert not window.audit_action.isVisible()
    window.session.switch_user()
    qtbot.waitUntil(lambda: window.session.dialog is not None,
                    timeout=WAIT)  # after the sign-out is saved
    dialog = window.session.dialog
    assert dialog is not None and dialog.mode is Mode.SIGN_IN
    assert not window.isVisible()
    _sign_in(dialog, "jrivera", "supervisor-pass")
    qtbot.waitUntil(window.isVisible, timeout=WAIT)
    assert window.actor.username == "jrivera"
    assert "Jordan Rivera" in window.user_label.text()
    assert window.audit_action.isVisible()
    runner.wait_for_done()
    with store.read_session() as s:
        actions = [e.action for e in s.query(AuditEvent).order_by(AuditEvent.id)]
    assert actions[-2:] == ["signed_out", "signed_in"]


def test_the_audit_view_lists_what_the_desk_recorded_and_checks_the_chain(
    qtbot: QtBot, store: Store, desk: Desk, runner: TaskRunner, users: AuthService
) -> None:
    built = add_return(store)
    window = _window(qtbot, desk, runner, users, "jrivera", "supervisor-pass")
    open_record(qtbot, window, built.rma_number)
    runner.wait_for_done()
    window.open_audit()
    qtbot.waitUntil(lambda: any(isinstance(w, AuditView) and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=WAIT)
    view = next(w for w in QApplication.topLevelWidgets() if isinstance(w, AuditView))
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=WAIT)
    assert view.model.rows[0].action == "viewed"
    assert view.model.rows[0].entity_key == built.rma_number
    view.record.setText(built.rma_number)
    view.load()
    qtbot.waitUntil(lambda: all(r.entity_key == built.rma_number for r in view.model.rows),
                    timeout=WAIT)
    view.verify()
    qtbot.waitUntil(lambda: "intact" in view.status.text(), timeout=WAIT)
    raw = sqlite3.connect(store.path)
    raw.executescript("DROP TRIGGER audit_events_no_update;"
                      "UPDATE audit_events SET actor = 'nobody' WHERE id = 1;")
    raw.close()
    view.verify()
    qtbot.waitUntil(lambda: "tampered" in view.status.text(), timeout=WAIT)
    view.close()


@pytest.mark.usefixtures("users")
def test_no_password_reaches_the_log_or_the_settings(
    qtbot: QtBot, desk: Desk, runner: TaskRunner, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")
    dialog = SignInDialog(desk, runner, "en", Mode.SIGN_IN)
    qtbot.addWidget(dialog)
    _sign_in(dialog, "mchen", "wrong-secret-123")
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=WAIT)
    with qtbot.waitSignal(dialog.signed_in, timeout=WAIT) as signal:
        _sign_in(dialog, "mchen", "inspector-pass")
    window = MainWindow(desk, runner, actor=signal.args[0], database_label="x", clock=_now)
    qtbot.addWidget(window)
    window.show()
    window.close()  # writes the settings file
    stored = user_settings.settings_path().read_text(encoding="utf-8")
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "geometry" in stored
    for secret in ("wrong-secret-123", "inspector-pass"):
        assert secret not in logged
        assert secret not in stored
