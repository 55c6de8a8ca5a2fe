from __future__ import annotations

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
