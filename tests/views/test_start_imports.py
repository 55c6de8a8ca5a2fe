from __future__ import annotations

import ast
import os
import subprocess
import sys


def test_the_window_loads_no_calendar_dialog_or_record_page_before_its_first_paint() -> None:
    # Each of these loads on first use (a deadline computed, an application or a record
    # opened, a document printed), in the task runner or after the window shows.
    later = ("holidays", "livenon_desk.views.application_dialog",
             "livenon_desk.views.detail_html", "reportlab", "requests", "sqlalchemy")
    code = ("import sys, livenon_desk.views.main_window, livenon_desk.views.app; "
            f"print(sorted(m for m in {later!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=120,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.stdout.strip() == "[]"


def _loaded(imported: str, watched: tuple[str, ...]) -> list[str]:
    code = (f"import sys, {imported}; "
            f"print(sorted(m for m in {watched!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=120,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    return list(ast.literal_eval(out.stdout))


def test_the_sign_in_shows_before_the_main_window_loads() -> None:
    # The program's first window is the sign-in: what it needs loads before it, the main
    # window's modules (and the PDF reader and images of the label printer's settings)
    # load once it is painted, while the user types.
    later = ("livenon_desk.views.main_window", "livenon_desk.views.settings_dialog",
             "livenon_desk.views.mail_worker", "pypdfium2", "PIL", "babel.messages",
             "livenon_desk.services.dto", "sqlalchemy")
    assert _loaded("livenon_desk.cli, livenon_desk.views.app", later) == []


def test_the_command_line_loads_what_a_command_prints_with_that_command() -> None:
    # The returns' records and the message catalogue's reader load with the command
    # that needs them, not with every start of the program (the desk's window included).
    assert _loaded("livenon_desk.cli", ("livenon_desk.services.dto", "babel.messages",
                                        "sqlalchemy")) == []
